//! What the case workflow's API and pages share: who the caller is to the cases (a
//! [`Viewer`]), and the rules' evaluation of a case's facts with the world of the database
//! (published lists, official rates) under the policy in force.

use crate::api::eligibility::world;
use crate::auth::Principal;
use crate::problem::{ApiResult, Problem};
use crate::state::AppState;
use ashyq_core::rules::{Context, Programme};
use ashyq_store::cases::{Evaluated, Viewer, evaluate};
use jiff::civil::Date;

/// The caller as the case workflow sees them; 403 for roles that have no business with cases
/// (the route table refuses them first, this is the second line).
pub fn viewer(p: &Principal) -> ApiResult<Viewer> {
    let (role, id, region) = match &p.user {
        Some(u) => (u.role, Some(u.id), u.region.as_deref()),
        None => (ashyq_core::Role::Public, None, None),
    };
    Viewer::of(role, id, region).ok_or_else(|| Problem::forbidden(role))
}

/// The rules' evaluation of `facts` for `programme` on `on`; facts that do not read are a 422
/// naming the path (`facts.applicant.birth_date`).
pub async fn evaluation(
    s: &AppState,
    programme: Programme,
    facts: &serde_json::Value,
    on: Date,
) -> ApiResult<Evaluated> {
    let w = world(s).await?;
    let ctx = Context { policy: &s.policy, lists: &w.lists, rates: &w.rates };
    Ok(evaluate::run(&ctx, programme, facts, on)?)
}

/// The evaluation of a stored case again for `on` (a submission, a decision).
pub async fn evaluation_of(s: &AppState, case: &ashyq_store::cases::Case, on: Date) -> ApiResult<Evaluated> {
    evaluation(s, case.programme, &case.facts, on).await
}
