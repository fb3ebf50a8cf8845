//! Rules as code: the five programmes of DOMAIN.md §2–§3, each a pure function of (facts, date,
//! policy, lists in force, official rates) returning a [`Decision`] — an outcome and the checks
//! that led to it, each with its rule id, legal basis and the parameter values used with their
//! dates. Rules are written the way the law is: a base rule and labelled exceptions.
//!
//! The logic is here; every number and every legal basis comes from the policy file
//! ([`crate::policy`]), so a draft policy can be evaluated beside the one in force.

/// The place of a rule in the catalogue, by its id, found at compile time (an unknown id does
/// not compile).
macro_rules! rule {
    ($id:literal) => {{
        const INDEX: usize = $crate::rules::catalogue::index_of($id);
        INDEX
    }};
}

/// Records a check of a rule named by its id. The parameters and figures are built only when
/// the decision is to be explained: deciding many cases (the simulation, a batch) skips them.
macro_rules! record {
    ($ev:expr, $rule:literal, $result:expr, $note:expr, [$($p:expr),* $(,)?], [$($v:expr),* $(,)?]) => {{
        let full = $ev.full;
        $ev.push(
            rule!($rule),
            $result,
            $note,
            if full { vec![$($p),*] } else { Vec::new() },
            if full { vec![$($v),*] } else { Vec::new() },
        )
    }};
    ($ev:expr, $rule:literal, $result:expr, $note:expr, [$($p:expr),* $(,)?], $values:expr) => {{
        let full = $ev.full;
        $ev.push(
            rule!($rule),
            $result,
            $note,
            if full { vec![$($p),*] } else { Vec::new() },
            if full { $values } else { Vec::new() },
        )
    }};
}

/// A parameter's value on the decision's date, by name, found at compile time.
macro_rules! param {
    ($ev:expr, $name:literal) => {{
        const INDEX: usize = $crate::rules::catalogue::parameter_index($name);
        $ev.param(INDEX)
    }};
}

pub mod ata_zholy;
pub mod catalogue;
pub mod decision;
pub mod explain;
pub mod facts;
pub mod investor;
pub mod permanent_residence;
pub mod refugee;
pub mod simulate;
mod support;
pub mod valuable_skills;

#[cfg(test)]
mod tests;

use crate::labour::published::PublishedLists;
use crate::policy::{LookupError, Policy};
use crate::rates::{RateError, RateTable};
pub use catalogue::{Programme, RuleKind};
pub use decision::{Arg, Check, CheckResult, Decision, Outcome};
pub use facts::{Facts, FactsError};
use jiff::civil::Date;

/// What the rules may consult besides the facts: all of it data, none of it I/O.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    pub policy: &'a Policy,
    /// Every published list of professions in demand (with its ranking of valuable skills).
    pub lists: &'a PublishedLists,
    /// The official exchange rates imported.
    pub rates: &'a RateTable,
}

/// Why a decision could not be made at all (as opposed to a decision that says no).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum EvalError {
    #[error("{0}")]
    Facts(#[from] FactsError),
    #[error("{programme} is not in force on {on}{}", first.map(|d| format!(" (it applies from {d})")).unwrap_or_default())]
    ProgrammeNotInForce { programme: &'static str, on: Date, first: Option<Date> },
    #[error("{programme} was repealed from {from}")]
    ProgrammeRepealed { programme: &'static str, from: Date },
    #[error("{0}")]
    Parameter(#[from] LookupError),
    #[error("{0}")]
    Rate(#[from] RateError),
}

impl EvalError {
    /// Why no decision could be made, as a message code with its figures (`eval-*`, or the
    /// facts' own refusal).
    pub fn said(&self) -> crate::said::Said {
        use crate::policy::LookupError;
        use crate::rates::RateError;
        use crate::said::{Said, Value};
        let english = self.to_string();
        match self {
            EvalError::Facts(f) => f.reason.clone(),
            EvalError::ProgrammeNotInForce { on, first: Some(first), .. } => {
                Said::new("eval-not-yet", english).date("on", *on).date("first", *first)
            }
            EvalError::ProgrammeNotInForce { on, first: None, .. } => {
                Said::new("eval-not-in-force", english).date("on", *on)
            }
            EvalError::ProgrammeRepealed { from, .. } => {
                Said::new("eval-repealed", english).date("from", *from)
            }
            EvalError::Parameter(LookupError::Unknown(name)) => {
                Said::new("eval-parameter-missing", english).text("name", name.clone())
            }
            EvalError::Parameter(LookupError::NotYetInForce { name, on, first }) => {
                Said::new("eval-parameter-not-yet", english)
                    .text("name", name.clone())
                    .date("on", *on)
                    .date("first", *first)
            }
            EvalError::Parameter(LookupError::NoRegion { name, region, on }) => {
                Said::new("eval-parameter-no-region", english)
                    .text("name", name.clone())
                    .region("region", region.clone())
                    .date("on", *on)
            }
            EvalError::Rate(RateError::NotInForce { currency, on, latest_before: Some(latest), .. }) => {
                Said::new("eval-rate-stale", english)
                    .text("currency", currency.as_str())
                    .date("on", *on)
                    .date("latest", *latest)
            }
            EvalError::Rate(RateError::NotInForce { currency, on, .. }) => {
                Said::new("eval-rate-missing", english).text("currency", currency.as_str()).date("on", *on)
            }
            EvalError::Rate(RateError::Overflow { amount, from, .. }) => {
                Said::new("eval-rate-overflow", english)
                    .with("amount", Value::Money(*amount, from.as_str().to_string()))
            }
        }
    }
}

/// Decides one programme for one person's facts on a date, with every check's parameters and
/// figures, ready to be explained.
pub fn evaluate<'p>(facts: &Facts, on: Date, ctx: &Context<'p>) -> Result<Decision<'p>, EvalError> {
    decide_with(facts, on, ctx, true)
}

/// The same decision — outcome, checks and their results, waivers, validity — without the
/// parameters and figures of each check: for deciding many cases at once. It cannot be
/// explained; [`evaluate`] the one to show.
pub fn decide<'p>(facts: &Facts, on: Date, ctx: &Context<'p>) -> Result<Decision<'p>, EvalError> {
    decide_with(facts, on, ctx, false)
}

fn decide_with<'p>(
    facts: &Facts,
    on: Date,
    ctx: &Context<'p>,
    full: bool,
) -> Result<Decision<'p>, EvalError> {
    match facts {
        Facts::PermanentResidence(f) => permanent_residence::evaluate(f, on, ctx, full),
        Facts::ValuableSkillsVisa(f) => valuable_skills::evaluate(f, on, ctx, full),
        Facts::InvestorVisa(f) => investor::evaluate(f, on, ctx, full),
        Facts::AtaZholy(f) => ata_zholy::evaluate(f, on, ctx, full),
        Facts::Refugee(f) => refugee::evaluate(f, on, ctx, full),
    }
}
