//! The moves of the case workflow: the applicant submits (evaluated again for the day),
//! withdraws and answers a request for information; the applicant and the officers write
//! messages; an officer of the case's region decides (with a reason, an override needing a
//! fuller one) against the rules' evaluation made again for today, and a second officer
//! confirms a four-eyes approval or sends it back. A permit issued feeds the register of
//! movements, so the kept overstay scan is marked stale then and only then.

use crate::access::Access;
use crate::auth::Principal;
use crate::flows::Outcome;
use crate::flows::cases::evaluation_of;
use crate::state::AppState;
use ashyq_core::Role;
use ashyq_core::cases::decision::OfficerAction;
use ashyq_store::cases::{Case, moves, read};

/// The applicant sends a draft: its facts are evaluated again for today.
pub async fn submit(s: &AppState, p: &Principal, id: i64) -> Outcome<Case> {
    let viewer = Access::of(p).viewer()?;
    let case = read::get(&s.db, &p.actor(), &viewer, id).await?;
    let fresh = evaluation_of(s, &case, crate::clock::today()).await?;
    Ok(moves::submit(&s.db, &p.actor(), &viewer, id, &fresh).await?)
}

/// The applicant withdraws a case before it is decided (the reason may be empty).
pub async fn withdraw(s: &AppState, p: &Principal, id: i64, reason: &str) -> Outcome<Case> {
    Ok(moves::withdraw(&s.db, &p.actor(), &Access::of(p).viewer()?, id, reason).await?)
}

/// The applicant answers the officer's request for more information: back to the queue.
pub async fn reply(s: &AppState, p: &Principal, id: i64, message: &str) -> Outcome<Case> {
    Ok(moves::reply(&s.db, &p.actor(), &Access::of(p).viewer()?, id, message).await?)
}

/// A message on a case, without a move, from its applicant or an officer of its region;
/// administrators read cases and do not write on them.
pub async fn message(s: &AppState, p: &Principal, id: i64, text: &str) -> Outcome<()> {
    let access = Access::of(p);
    access.require(&[Role::Applicant, Role::Officer])?;
    Ok(moves::message(&s.db, &p.actor(), &access.viewer()?, id, text).await?)
}

/// An officer decides a submitted case — approve, refuse or ask for more information — with a
/// reason, against the rules' evaluation made again for today. Approval issues the permit,
/// except for permanent residence, which waits for a second officer; a permit issued feeds the
/// register.
pub async fn decide(
    s: &AppState,
    p: &Principal,
    id: i64,
    action: OfficerAction,
    reason: &str,
) -> Outcome<Case> {
    let viewer = Access::of(p).viewer()?;
    let today = crate::clock::today();
    let case = read::get(&s.db, &p.actor(), &viewer, id).await?;
    let fresh = evaluation_of(s, &case, today).await?;
    let case =
        moves::decide(&s.db, &p.actor(), &viewer, &s.policy, id, action, reason, &fresh, today).await?;
    if case.permit_id.is_some() {
        s.register_changed();
    }
    Ok(case)
}

/// A second officer, not the one who approved, confirms a four-eyes approval: the permit is
/// issued and feeds the register.
pub async fn confirm(s: &AppState, p: &Principal, id: i64, note: &str) -> Outcome<Case> {
    let viewer = Access::of(p).viewer()?;
    let today = crate::clock::today();
    let case = read::get(&s.db, &p.actor(), &viewer, id).await?;
    let fresh = evaluation_of(s, &case, today).await?;
    let case = moves::confirm(&s.db, &p.actor(), &viewer, &s.policy, id, note, &fresh, today).await?;
    s.register_changed();
    Ok(case)
}

/// A second officer sends a four-eyes approval back to the queue, with a reason.
pub async fn send_back(s: &AppState, p: &Principal, id: i64, reason: &str) -> Outcome<Case> {
    Ok(moves::send_back(&s.db, &p.actor(), &Access::of(p).viewer()?, id, reason).await?)
}
