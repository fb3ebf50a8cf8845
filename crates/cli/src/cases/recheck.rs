//! `ashyq cases recheck`: the annual re-check of permits.
//!
//! - Permanent residence (Article 49 of the Law "On population migration"): every live permit
//!   is decided again under the rules in force on the day, with its case's facts and the permit
//!   as `issued_permit`, and the funds of the latest solvency confirmation the holder filed
//!   (`ashyq_store::cases::solvency`) in place of the application's certificate. The rules say
//!   keep, cancel or review (`PermitAction`): a holder who has filed no newer certificate is
//!   judged on the application's, which has grown old and no longer proves solvency — that is
//!   the point of the re-check. Cancel → ground `solvency_not_confirmed`.
//! - Valuable-skills visa (the obligation to train local personnel): a permit with one training
//!   report overdue is for review; with two or more, cancel → ground `training_obligation_unmet`.
//!
//! Without `--apply` nothing is written (a dry run); with it every cancel is made (each its own
//! transaction with its audit record and its line in the register of movements).

use super::to_json;
use crate::args::CasesRecheckArgs;
use ashyq_core::cases::permit::CancellationGround;
use ashyq_core::policy::Policy;
use ashyq_core::rules::decision::PermitAction;
use ashyq_core::rules::{Context, Facts, Programme, evaluate};
use ashyq_core::said::Said;
use ashyq_store::cases::{self, Viewer, permits};
use ashyq_store::{Actor, Db, StoreError};
use jiff::civil::Date;
use serde::Serialize;
use std::process::ExitCode;

/// Overdue training reports from which a valuable-skills permit is cancelled (fewer: review).
pub const OVERDUE_TO_CANCEL: usize = 2;

/// What the re-check says of one permit.
#[derive(Debug, Clone, Serialize)]
pub struct Verdict {
    pub permit: String,
    pub permit_id: i64,
    pub case_id: i64,
    pub programme: &'static str,
    pub holder: String,
    pub region: String,
    /// keep, cancel or review.
    pub action: &'static str,
    /// The rules that failed (or an officer must judge), or the overdue periods.
    pub rules: Vec<String>,
    pub why: String,
    /// With --apply: whether the cancellation was made.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cancelled: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

fn action_str(a: PermitAction) -> &'static str {
    match a {
        PermitAction::Keep => "keep",
        PermitAction::Cancel => "cancel",
        PermitAction::Review => "review",
    }
}

/// Decides a permanent-residence permit again on `on`.
fn pr_verdict(
    ctx: &Context<'_>,
    case: &cases::Case,
    p: &permits::Permit,
    latest: Option<&cases::solvency::Confirmation>,
    on: Date,
) -> Verdict {
    let mut v = Verdict {
        permit: p.number.clone(),
        permit_id: p.id,
        case_id: p.case_id,
        programme: p.programme.id(),
        holder: p.holder.full_name(),
        region: p.region.clone(),
        action: "review",
        rules: Vec::new(),
        why: String::new(),
        cancelled: None,
        error: None,
    };
    let mut facts = cases::solvency::facts_for_recheck(&case.facts, latest);
    if let Some(obj) = facts.as_object_mut() {
        obj.insert(
            "issued_permit".into(),
            serde_json::json!({ "number": p.number, "issued_on": p.valid_from }),
        );
    }
    let decided = Facts::from_value(Programme::PermanentResidence, &facts)
        .map_err(|e| format!("the case's facts do not read: {e}"))
        .and_then(|f| evaluate(&f, on, ctx).map_err(|e| format!("cannot decide on {on}: {e}")));
    match decided {
        Err(e) => v.why = format!("{e}; an officer must look"),
        Ok(d) => {
            let action = d.permit_action.unwrap_or(PermitAction::Review);
            v.action = action_str(action);
            let rules: Vec<&str> = match action {
                PermitAction::Cancel => d.failing_rules(),
                PermitAction::Review => d.referred_rules(),
                PermitAction::Keep => Vec::new(),
            };
            v.rules = rules.into_iter().filter(|r| *r != "pr.cancellation").map(str::to_string).collect();
            v.why = match action {
                PermitAction::Keep => "the conditions still hold".into(),
                PermitAction::Cancel => format!("solvency not confirmed: {} failed", v.rules.join(", ")),
                PermitAction::Review => format!("an officer must judge: {}", v.rules.join(", ")),
            };
        }
    }
    v
}

/// Whether a permit is in force on `on` (not cancelled, begun, not expired).
fn live(p: &permits::Permit, on: Date) -> bool {
    let s = p.state();
    s.cancelled_on.is_none() && s.valid_from <= on && on <= s.valid_until
}

pub async fn run(
    db: &Db,
    actor: &Actor,
    policy: &Policy,
    a: CasesRecheckArgs,
) -> Result<ExitCode, StoreError> {
    let on = a.on.unwrap_or_else(ashyq_store::today);
    let (lists, rates) = crate::eval::world_of(db)
        .await
        .map_err(|e| StoreError::Refused(Said::new("refused-world", format!("{e:#}"))))?;
    let ctx = Context { policy, lists: &lists, rates: &rates };
    let mut verdicts = Vec::new();

    let pr = permits::list(db, actor, &Viewer::Admin, Some(Programme::PermanentResidence), 5000).await?;
    for p in pr.iter().rev() {
        if !live(p, on) {
            continue;
        }
        let case = cases::read::get(db, actor, &Viewer::Admin, p.case_id).await?;
        let confirmations = cases::solvency::of_permit(db, p.id).await?;
        verdicts.push(pr_verdict(&ctx, &case, p, confirmations.first(), on));
    }

    let vs = permits::list(db, actor, &Viewer::Admin, Some(Programme::ValuableSkillsVisa), 5000).await?;
    let late = permits::overdue(db, policy, &Viewer::Admin, on).await?;
    for p in vs.iter().rev() {
        if !live(p, on) {
            continue;
        }
        let periods =
            late.iter().find(|o| o.permit.id == p.id).map(|o| o.periods.clone()).unwrap_or_default();
        let (action, why) = match periods.len() {
            0 => ("keep", "every training report due is filed".to_string()),
            n if n >= OVERDUE_TO_CANCEL => {
                ("cancel", format!("training obligation unmet: {n} reports overdue"))
            }
            _ => ("review", "one training report overdue".to_string()),
        };
        verdicts.push(Verdict {
            permit: p.number.clone(),
            permit_id: p.id,
            case_id: p.case_id,
            programme: p.programme.id(),
            holder: p.holder.full_name(),
            region: p.region.clone(),
            action,
            rules: periods.iter().map(|x| format!("period {} due {}", x.number, x.due)).collect(),
            why,
            cancelled: None,
            error: None,
        });
    }

    let mut failed = 0usize;
    if a.apply {
        for v in verdicts.iter_mut().filter(|v| v.action == "cancel") {
            let ground = if v.programme == Programme::PermanentResidence.id() {
                CancellationGround::SolvencyNotConfirmed
            } else {
                CancellationGround::TrainingObligationUnmet
            };
            let reason = format!("Annual re-check of {on}: {}", v.why);
            match permits::cancel(db, actor, &Viewer::Admin, policy, v.permit_id, ground, &reason, on).await {
                Ok(_) => v.cancelled = Some(true),
                Err(e) => {
                    failed += 1;
                    v.cancelled = Some(false);
                    v.error = Some(e.to_string());
                }
            }
        }
    }

    let count = |what: &str| verdicts.iter().filter(|v| v.action == what).count();
    let (keep, cancel, review) = (count("keep"), count("cancel"), count("review"));
    let cancelled = verdicts.iter().filter(|v| v.cancelled == Some(true)).count();
    if a.json {
        let out = serde_json::json!({
            "on": on, "applied": a.apply, "checked": verdicts.len(), "keep": keep, "cancel": cancel,
            "review": review, "cancelled": cancelled, "failed": failed, "permits": verdicts,
        });
        println!("{}", to_json(&out));
    } else {
        println!(
            "re-check of {on}{}: {} live permits — {keep} keep, {cancel} cancel, {review} review",
            if a.apply { "" } else { " (dry run: nothing is written; --apply cancels)" },
            verdicts.len()
        );
        for v in &verdicts {
            let done = match (v.cancelled, &v.error) {
                (Some(true), _) => " — CANCELLED",
                (Some(false), Some(_)) => " — NOT cancelled",
                _ => "",
            };
            println!(
                "  {:<6} {:<18} {:<22} {:<6} {}: {}{done}",
                v.action, v.permit, v.programme, v.region, v.holder, v.why
            );
            if let Some(e) = &v.error {
                println!("         {e}");
            }
        }
        if a.apply {
            println!("{cancelled} permits cancelled, {failed} failed");
        }
    }
    Ok(if failed > 0 { ExitCode::from(super::EXIT_FAILED) } else { ExitCode::SUCCESS })
}
