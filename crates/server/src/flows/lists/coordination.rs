//! Lists in coordination: who sees which list, and the coordinators' part. Analysts and
//! administrators see every list. A coordinator speaks for one coordinating organisation and
//! sees only the lists sent to it — only the revisions sent to it, and only its own opinions;
//! any other list is "not found", so unsent drafts stay unknown. An akimat's coordinator sees
//! only its own region's figures. A coordinator who speaks for no organisation sees nothing
//! (403, until an administrator assigns one).

use crate::access::Access;
use crate::auth::Principal;
use crate::flows::Outcome;
use crate::problem::Problem;
use crate::state::AppState;
use ashyq_core::Role;
use ashyq_core::labour::coordination::{ListStatus, Verdict};
use ashyq_store::lists::{self, Body, Changed, Entry, ListHeader, NewOpinion, Opinion};
use axum::http::StatusCode;

/// Who reads the lists in coordination.
const READERS: &[Role] = &[Role::Analyst, Role::Coordinator, Role::Admin];

/// The organisation a coordinator speaks for; 403 `no_organisation` when none is assigned.
pub async fn organisation(s: &AppState, p: &Principal) -> Outcome<Body> {
    let Some(user) = &p.user else { return Err(Problem::unauthorized().into()) };
    Access::of(p).require(&[Role::Coordinator])?;
    match lists::body_of(&s.db, user).await? {
        Some(b) => Ok(b),
        None => Err(Problem::new(
            StatusCode::FORBIDDEN,
            "no_organisation",
            "this coordinator account speaks for no coordinating organisation; an administrator assigns one",
        )
        .into()),
    }
}

/// The caller's organisation when the caller is a coordinator; `None` for the roles that see
/// every list; refused for the others.
async fn speaking_for(s: &AppState, p: &Principal) -> Outcome<Option<Body>> {
    let access = Access::of(p);
    access.require(READERS)?;
    if access.role == Role::Coordinator { Ok(Some(organisation(s, p).await?)) } else { Ok(None) }
}

fn not_found(id: i64) -> Problem {
    Problem::not_found(format!("list {id} not found"))
}

/// A list the caller may see: for a coordinator, one sent to their organisation (else 404).
async fn visible(s: &AppState, id: i64, body: Option<&Body>) -> Outcome<ListHeader> {
    let list = lists::get(&s.db, id).await?;
    if let Some(b) = body
        && !lists::was_sent_to(&s.db, id, &b.code).await?
    {
        return Err(not_found(id).into());
    }
    Ok(list)
}

/// The lists the caller may see, newest first.
pub async fn visible_lists(s: &AppState, p: &Principal) -> Outcome<Vec<ListHeader>> {
    let body = speaking_for(s, p).await?;
    all_visible(s, body.as_ref()).await
}

/// Every list, or those sent to `body`, newest first.
async fn all_visible(s: &AppState, body: Option<&Body>) -> Outcome<Vec<ListHeader>> {
    let mut out = Vec::new();
    for l in lists::all(&s.db).await? {
        if let Some(b) = body
            && !lists::was_sent_to(&s.db, l.id, &b.code).await?
        {
            continue;
        }
        out.push(l);
    }
    Ok(out)
}

/// A list sent to a coordinator's organisation, and whether it gave its opinion on the
/// current revision.
pub struct Sent {
    pub list: ListHeader,
    pub answered: bool,
}

/// A coordinator's inbox: their organisation and the lists sent to it, newest first.
pub async fn inbox(s: &AppState, p: &Principal) -> Outcome<(Body, Vec<Sent>)> {
    let body = organisation(s, p).await?;
    let mut sent = Vec::new();
    for list in all_visible(s, Some(&body)).await? {
        let answered = lists::opinions(&s.db, list.id)
            .await?
            .iter()
            .any(|o| o.body == body.code && o.revision == list.revision);
        sent.push(Sent { list, answered });
    }
    Ok((body, sent))
}

/// A list as the caller may see it.
pub struct Detail {
    pub list: ListHeader,
    /// The revision whose entries (and recipients) these are.
    pub shown: i64,
    pub entries: Vec<Entry>,
    /// The organisations the shown revision was sent to.
    pub recipients: Vec<String>,
    /// Every opinion (a coordinator: their organisation's only), oldest first.
    pub opinions: Vec<Opinion>,
    /// The organisation the caller speaks for (coordinators).
    pub body: Option<Body>,
    /// Whether the caller's organisation may give its opinion on the current revision now.
    pub answerable: bool,
}

/// A list with the entries and recipients of a revision (by default the current one; for a
/// coordinator the latest sent to their organisation) and the opinions. A revision the list
/// does not have is refused (422); for a coordinator, one not sent to them is not found (404):
/// a revision in preparation stays the analysts' until it is sent.
pub async fn detail(s: &AppState, p: &Principal, id: i64, revision: Option<i64>) -> Outcome<Detail> {
    let body = speaking_for(s, p).await?;
    let list = visible(s, id, body.as_ref()).await?;
    let shown = match &body {
        Some(b) => {
            let sent = lists::sent_revisions(&s.db, id, &b.code).await?;
            let shown = revision.or(sent.last().copied()).unwrap_or(0);
            if !sent.contains(&shown) {
                return Err(Problem::not_found(format!(
                    "revision {shown} of list {id} was not sent to {}",
                    b.code
                ))
                .into());
            }
            shown
        }
        None => {
            let shown = revision.unwrap_or(list.revision);
            if !(1..=list.revision).contains(&shown) {
                return Err(Problem::validation(
                    "revision",
                    format!("list {id} has revisions 1 to {}", list.revision),
                )
                .into());
            }
            shown
        }
    };
    let entries = lists::entries(&s.db, id, shown).await?;
    let recipients = lists::recipients(&s.db, id, shown).await?;
    let opinions: Vec<Opinion> = lists::opinions(&s.db, id)
        .await?
        .into_iter()
        .filter(|o| body.as_ref().is_none_or(|b| b.code == o.body))
        .collect();
    let answerable = match &body {
        Some(b) => {
            list.status == ListStatus::InCoordination
                && !opinions.iter().any(|o| o.revision == list.revision)
                && lists::recipients(&s.db, id, list.revision).await?.contains(&b.code)
        }
        None => false,
    };
    Ok(Detail { list, shown, entries, recipients, opinions, body, answerable })
}

/// An organisation's opinion on the revision in coordination.
pub struct NewOpinionOf {
    pub verdict: Verdict,
    pub remarks: String,
    /// Occupations to add to or remove from the list, each with a justification.
    pub proposals: Vec<Changed>,
}

/// Gives the caller's organisation's opinion on the revision in coordination (once per
/// revision). A list not sent to the organisation is not found (404), as when reading it.
pub async fn opinion(s: &AppState, p: &Principal, id: i64, new: NewOpinionOf) -> Outcome<Opinion> {
    let org = organisation(s, p).await?;
    visible(s, id, Some(&org)).await?;
    let new = NewOpinion {
        body: org.code.clone(),
        verdict: new.verdict,
        remarks: new.remarks,
        proposals: new.proposals,
    };
    Ok(lists::give_opinion(&s.db, &p.actor(), id, &org.code, new).await?)
}

/// The regional breakdown of a list's candidates: (occupation, indicators). An akimat's
/// coordinator may see only the akimat's own region (403 `other_region`); an unknown region is
/// not found.
pub async fn regional(
    s: &AppState,
    p: &Principal,
    id: i64,
    region: &str,
) -> Outcome<Vec<(String, serde_json::Value)>> {
    let Some(r) = ashyq_core::region::parse(region) else {
        return Err(Problem::not_found(format!("no region {region:?}")).into());
    };
    let body = speaking_for(s, p).await?;
    visible(s, id, body.as_ref()).await?;
    if let Some(b) = &body
        && let Some(own) = &b.region
        && own != &r.code
    {
        return Err(Problem::new(
            StatusCode::FORBIDDEN,
            "other_region",
            format!("{} sees only its own region ({own})", b.code),
        )
        .into());
    }
    Ok(lists::regional(&s.db, id, &r.code).await?)
}

/// The coordinating organisations (their names, for showing opinions).
pub async fn organisations(s: &AppState, p: &Principal) -> Outcome<Vec<Body>> {
    Access::of(p).require(READERS)?;
    Ok(lists::bodies(&s.db).await?)
}
