//! The classifier of occupations (public): the unit groups for a typed job title, and one group
//! with its place in the classifier.

use crate::auth::Principal;
use crate::flows::Outcome;
use crate::problem::Problem;
use crate::state::AppState;
use ashyq_core::occupation::{Group, OccupationCode, classifier, title_index};

/// The longest job title searched for.
pub const MAX_QUERY_CHARS: usize = 200;
/// How many hits a search gives unless asked for another number (1 to [`MAX_HITS`]).
pub const DEFAULT_HITS: usize = 10;
pub const MAX_HITS: usize = 50;

/// A unit group found for a title: how well it matched (0–1) and the title that did.
pub struct Hit {
    pub group: &'static Group,
    pub score: f32,
    pub matched_title: String,
    /// en, ru or kk; empty when listing.
    pub matched_lang: &'static str,
}

/// The best unit groups for a job title, best first; without a title (or a blank one), every
/// unit group. A title longer than [`MAX_QUERY_CHARS`] is refused, never cut short: what is
/// searched for is what was asked.
pub async fn search(
    _s: &AppState,
    _p: &Principal,
    q: Option<&str>,
    limit: Option<usize>,
) -> Outcome<Vec<Hit>> {
    let limit = limit.unwrap_or(DEFAULT_HITS);
    if !(1..=MAX_HITS).contains(&limit) {
        return Err(Problem::validation("limit", format!("must be between 1 and {MAX_HITS}")).into());
    }
    let Some(text) = q.filter(|t| !t.trim().is_empty()) else {
        let all = classifier()
            .unit_groups()
            .map(|group| Hit { group, score: 0.0, matched_title: String::new(), matched_lang: "" })
            .collect();
        return Ok(all);
    };
    if text.chars().count() > MAX_QUERY_CHARS {
        return Err(Problem::validation("q", format!("is longer than {MAX_QUERY_CHARS} characters")).into());
    }
    Ok(title_index()
        .search(text, limit)
        .into_iter()
        .filter_map(|h| {
            let group = classifier().get(&h.code)?;
            Some(Hit { group, score: h.score, matched_title: h.matched_title, matched_lang: h.matched_lang })
        })
        .collect())
}

/// A group of the classifier with its parents (from the top) and its children.
pub struct Placed {
    pub group: &'static Group,
    pub ancestors: Vec<&'static Group>,
    pub children: Vec<&'static Group>,
}

/// One group of the classifier; 404 for a code it does not have.
pub async fn group(_s: &AppState, _p: &Principal, code: &OccupationCode) -> Outcome<Placed> {
    let Some(group) = classifier().get(code) else {
        return Err(Problem::not_found(format!("occupation {code} is not in the classifier")).into());
    };
    Ok(Placed {
        group,
        ancestors: classifier().ancestors(&group.code),
        children: classifier().children(&group.code).collect(),
    })
}
