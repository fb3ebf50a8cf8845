//! The analysts' simulation of a reform: every stored application decided again under the
//! policy in force and under a draft, side by side.

use crate::access::Access;
use crate::auth::Principal;
use crate::flows::Outcome;
use crate::state::AppState;
use ashyq_core::Role;
use ashyq_core::policy::Policy;
use ashyq_core::rules::Context;
use ashyq_core::rules::simulate::{self, Report};
use ashyq_store::audit::{self, Event};
use jiff::civil::Date;

/// What a run found.
pub struct Simulation {
    pub report: Report,
    /// The applications whose facts could not be read, by reference and why.
    pub unreadable: Vec<String>,
}

/// Decides every stored application under the policy in force and under `draft`, each on `on`
/// or, without it, on its own date of application (analysts only). It reads every applicant's
/// record, so the run is audited (`policy.simulate`) before its report is returned.
pub async fn simulate(s: &AppState, p: &Principal, draft: &Policy, on: Option<Date>) -> Outcome<Simulation> {
    Access::of(p).require(&[Role::Analyst])?;
    let (cases, unreadable) = ashyq_store::applications::cases(&s.db).await?;
    let w = crate::world::world(s).await?;
    let baseline = Context { policy: &s.policy, lists: &w.lists, rates: &w.rates };
    let proposed = Context { policy: draft, lists: &w.lists, rates: &w.rates };
    let report = simulate::simulate(&cases, on, &baseline, &proposed);
    let detail = serde_json::json!({
        "baseline_edition": report.baseline_edition,
        "draft_edition": report.draft_edition,
        "on": on.map(|d| d.to_string()),
        "cases": report.cases,
        "changed": report.changed,
        "unreadable": unreadable.len(),
    });
    let event = Event::new("policy.simulate", "policy", &report.draft_edition).detail(detail);
    audit::record(&s.db, &p.actor(), event).await?;
    Ok(Simulation { report, unreadable })
}
