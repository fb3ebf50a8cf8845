//! Invitation rounds of the valuable-skills visa: held, published and reproducible.
//!
//! The use cases live here; `api` and `pages` are thin adapters over them. Rounds are public:
//! the cut-off score, the tie-break time and the invitations by rank with their points and
//! submission time, never a name. Officers and administrators hold them.

pub mod api;
pub mod pages;

use crate::access::Access;
use crate::auth::Principal;
use crate::flows::Outcome;
use crate::routes::RouteBuilder;
use crate::state::AppState;
use ashyq_core::Role;
use ashyq_core::rules::Programme;
use ashyq_store::cases::quotas::{self, Quota};
use ashyq_store::cases::rounds::{self, Round};

/// The flow's routes: its pages, then its API.
pub fn routes(b: RouteBuilder) -> RouteBuilder {
    let b = pages::routes(b.flow("rounds"));
    api::routes(b)
}

/// Who holds rounds, and sees which case each invitation went to on the pages.
pub const HOLDERS: &[Role] = &[Role::Officer, Role::Admin];

/// Whether the caller holds rounds.
pub fn holds_rounds(p: &Principal) -> bool {
    Access::of(p).require(HOLDERS).is_ok()
}

/// The rounds held, newest first (public).
pub async fn list(s: &AppState) -> Outcome<Vec<Round>> {
    Ok(rounds::list(&s.db).await?)
}

/// A round as published, with whether it re-derives from the candidates it stored.
pub struct Published {
    pub round: Round,
    pub verified: bool,
}

/// A round with its invitations, and whether it re-derives from its stored candidates
/// (public); 404 for no such round.
pub async fn show(s: &AppState, id: i64) -> Outcome<Published> {
    let round = rounds::get(&s.db, id).await?;
    let verified = rounds::verify(&s.db, id).await?;
    Ok(Published { round, verified })
}

/// The published figures of quotas and rounds.
pub struct Board {
    /// Every quota set, newest year first; this year's valuable-skills quota first when none
    /// was set yet (the policy's places, none used).
    pub quotas: Vec<Quota>,
    pub rounds: Vec<Round>,
    /// This year's valuable-skills places not yet taken: a round's size by default.
    pub left: i64,
    /// The policy's priority sectors today, a round may be limited to.
    pub sectors: Vec<String>,
}

/// The quotas and the rounds held (public).
pub async fn board(s: &AppState) -> Outcome<Board> {
    let today = crate::clock::today();
    let mut quotas = quotas::list(&s.db).await?;
    let rounds = rounds::list(&s.db).await?;
    let left = rounds::remaining_places(&s.db, &s.policy, today.year()).await?;
    let vsv = Programme::ValuableSkillsVisa.id();
    if !quotas.iter().any(|q| q.programme == vsv && q.year == i64::from(today.year())) {
        let whole = Quota {
            programme: vsv.to_string(),
            year: today.year().into(),
            places: left,
            used: 0,
            set_by: String::new(),
        };
        quotas.insert(0, whole);
    }
    let sectors = s.policy.sectors_on(today).map(|m| m.value.0.keys().cloned().collect()).unwrap_or_default();
    Ok(Board { quotas, rounds, left, sectors })
}

/// A round held, or found held already under its reference.
pub struct Held {
    pub published: Published,
    /// Whether this call held it (`false`: the reference was held before, and that round is
    /// returned as it is).
    pub created: bool,
}

/// Holds an invitation round today (officers, administrators): the eligible submitted
/// valuable-skills cases not yet invited are ranked by points (then submission time, then case
/// id) and the top `size` (the year's quota places not yet taken by default), of `sector` when
/// given, invited. The same reference again returns the round held. Audited by the store.
pub async fn hold(
    s: &AppState,
    p: &Principal,
    reference: &str,
    size: Option<i64>,
    sector: Option<&str>,
) -> Outcome<Held> {
    Access::of(p).require(HOLDERS)?;
    let today = crate::clock::today();
    let (round, created) = rounds::hold(&s.db, &p.actor(), &s.policy, reference, size, sector, today).await?;
    let verified = rounds::verify(&s.db, round.id).await?;
    Ok(Held { published: Published { round, verified }, created })
}
