//! Reform simulation: every stored application decided again under the policy in force and
//! under a draft, side by side — how many outcomes change, per programme, and which cases.
//! This is how a ministry tests a change (a new amount, a repealed exception, a new points
//! grid) before enacting it. Pure: the shells load the applications and the two policies.

use super::catalogue::Programme;
use super::decision::Outcome;
use super::{Context, Facts};
use jiff::civil::Date;
use serde::Serialize;
use std::collections::BTreeMap;

/// One application to decide again.
#[derive(Debug, Clone)]
pub struct Case {
    pub reference: String,
    pub applied_on: Date,
    pub facts: Facts,
}

/// How a case comes out: a decision's outcome, or an error that kept it from being decided
/// (the draft lacks a parameter, a rate is missing, the programme is not in force).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Decided(Outcome),
    /// Why it could not be decided; serialised as its English.
    Error(#[serde(serialize_with = "crate::said::as_english")] crate::said::Said),
}

impl Verdict {
    pub fn label(&self) -> &str {
        match self {
            Verdict::Decided(o) => o.as_str(),
            Verdict::Error(_) => "error",
        }
    }
}

/// A case whose outcome (or reasons) differ between the two policies.
#[derive(Debug, Clone, Serialize)]
pub struct Changed {
    pub reference: String,
    pub programme: Programme,
    pub on: Date,
    pub before: Verdict,
    pub after: Verdict,
    /// Refusals' failing rules under each policy.
    pub failing_before: Vec<&'static str>,
    pub failing_after: Vec<&'static str>,
}

/// The counts of one programme.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ProgrammeCounts {
    pub cases: u64,
    pub changed: u64,
    /// `before → after`, e.g. `eligible → ineligible`, with counts.
    pub transitions: BTreeMap<String, u64>,
    /// Outcomes under each policy.
    pub before: BTreeMap<String, u64>,
    pub after: BTreeMap<String, u64>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    /// The date every case was decided on, if one was forced; otherwise each its own date.
    pub on: Option<Date>,
    pub baseline_edition: String,
    pub draft_edition: String,
    pub cases: u64,
    pub changed: u64,
    pub by_programme: BTreeMap<Programme, ProgrammeCounts>,
    /// Every case that changed, in the order given.
    pub affected: Vec<Changed>,
}

/// Decides every case under both contexts. A case "changes" when its outcome differs, or when
/// it is refused under both but on different rules.
pub fn simulate(cases: &[Case], on: Option<Date>, baseline: &Context<'_>, draft: &Context<'_>) -> Report {
    let mut report = Report {
        on,
        baseline_edition: baseline.policy.meta.edition.clone(),
        draft_edition: draft.policy.meta.edition.clone(),
        ..Report::default()
    };
    for case in cases {
        let date = on.unwrap_or(case.applied_on);
        let (before, failing_before) = decide(&case.facts, date, baseline);
        let (after, failing_after) = decide(&case.facts, date, draft);
        let programme = case.facts.programme();
        let counts = report.by_programme.entry(programme).or_default();
        counts.cases += 1;
        *counts.before.entry(before.label().to_string()).or_default() += 1;
        *counts.after.entry(after.label().to_string()).or_default() += 1;
        report.cases += 1;
        if before != after || failing_before != failing_after {
            counts.changed += 1;
            report.changed += 1;
            *counts.transitions.entry(format!("{} → {}", before.label(), after.label())).or_default() += 1;
            report.affected.push(Changed {
                reference: case.reference.clone(),
                programme,
                on: date,
                before,
                after,
                failing_before,
                failing_after,
            });
        }
    }
    report
}

fn decide(facts: &Facts, on: Date, ctx: &Context<'_>) -> (Verdict, Vec<&'static str>) {
    match super::decide(facts, on, ctx) {
        Ok(d) => {
            let mut failing = d.failing_rules();
            failing.sort_unstable();
            (Verdict::Decided(d.outcome), failing)
        }
        Err(e) => (Verdict::Error(e.said()), Vec::new()),
    }
}
