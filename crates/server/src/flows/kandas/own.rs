//! The applicant's own kandas applications (issue 16): an applicant files their family's
//! application from their account, checked for kandas status today, and follows it — its status,
//! and once the region's officer assigns the family, the assignment with its region and
//! subsidies. Only applicants; another applicant's application is "not found". The same key sent
//! again with the same answers is the stored application, not a second one.

use crate::access::{Access, Scope};
use crate::auth::Principal;
use crate::flows::Outcome;
use crate::state::AppState;
use ashyq_core::Role;
use ashyq_core::kandas::Application;
use ashyq_store::kandas::{KandasApplication, own};

/// The applicant's account id; anyone else is refused (403).
fn me(p: &Principal) -> Outcome<i64> {
    let a = Access::of(p);
    match (a.role, &a.scope) {
        (Role::Applicant, Scope::Own(me)) => Ok(*me),
        _ => Err(a.refused().into()),
    }
}

/// Files the applicant's own application under the client's `key`: the application, and
/// whether it is new (`false`: the same key and answers again).
pub async fn file(
    s: &AppState,
    p: &Principal,
    key: &str,
    facts: &Application,
) -> Outcome<(KandasApplication, bool)> {
    let me = me(p)?;
    Ok(own::file(&s.db, &p.actor(), me, key, facts, crate::clock::today()).await?)
}

/// The applicant's own applications, newest first.
pub async fn mine(s: &AppState, p: &Principal) -> Outcome<Vec<KandasApplication>> {
    let me = me(p)?;
    Ok(own::mine(&s.db, me).await?)
}

/// One of the applicant's own applications (another's is 404).
pub async fn show(s: &AppState, p: &Principal, id: i64) -> Outcome<KandasApplication> {
    let me = me(p)?;
    Ok(own::get(&s.db, me, id).await?)
}
