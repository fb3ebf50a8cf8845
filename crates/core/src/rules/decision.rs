//! A decision: the outcome and every check behind it. A check names its rule, says passed or
//! failed (or that an officer must judge, or that it did not apply), carries the legal basis in
//! force and the parameter values used with their dates, and the figures its explanation
//! quotes. The outcome is derived from the checks by one rule, [`Decision::settle`].

use super::catalogue::{Programme, RuleKind};
use crate::policy::LegalBasis;
use crate::policy::parameters::Used;
use jiff::civil::Date;
use rust_decimal::Decimal;
use serde::{Serialize, Serializer};

/// What the decision is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Eligible,
    Ineligible,
    /// A person must judge (persecution grounds, a criminal record, a reason for delay).
    NeedsOfficer,
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Eligible => "eligible",
            Outcome::Ineligible => "ineligible",
            Outcome::NeedsOfficer => "needs_officer",
        }
    }
}

/// What one check found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckResult {
    Passed,
    Failed,
    NeedsOfficer,
    /// The rule did not apply (not in force on the date, repealed, or nothing to check).
    NotApplicable,
}

impl CheckResult {
    pub fn as_str(self) -> &'static str {
        match self {
            CheckResult::Passed => "passed",
            CheckResult::Failed => "failed",
            CheckResult::NeedsOfficer => "needs_officer",
            CheckResult::NotApplicable => "not_applicable",
        }
    }

    pub fn of(passed: bool) -> CheckResult {
        if passed { CheckResult::Passed } else { CheckResult::Failed }
    }
}

/// What an exception does to a failed base condition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Effect {
    /// The condition is set aside: its failure refuses nothing.
    Waive,
    /// An officer must judge whether the exception holds (a reason for a late application).
    Refer,
}

/// A failed base condition set aside by an exception.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Waiver {
    pub by: &'static str,
    pub effect: Effect,
}

/// A figure a check quotes: in the JSON beside the explanation, and in the explanation itself.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    /// An amount of money in a currency (ISO 4217).
    Money(Decimal, [u8; 3]),
    Number(Decimal),
    Count(i64),
    Date(Date),
    Text(String),
    /// An occupation's code.
    Code(crate::occupation::OccupationCode),
    /// A region of Kazakhstan (ISO 3166-2, `KZ-75`), explained by its name.
    Region(String),
    /// A country (ISO 3166-1 alpha-3, `UZB`), explained by its name.
    Country(String),
    /// A word from a closed set (a ground, a level, a limit), translated by the explanation.
    Word(&'static str),
    /// Several such words.
    Words(Vec<&'static str>),
}

impl Arg {
    pub fn kzt(amount: Decimal) -> Arg {
        Arg::Money(amount, *b"KZT")
    }

    pub fn usd(amount: Decimal) -> Arg {
        Arg::Money(amount, *b"USD")
    }

    pub fn currency(code: &[u8; 3]) -> &str {
        std::str::from_utf8(code).unwrap_or("???")
    }
}

impl Serialize for Arg {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        match self {
            Arg::Money(amount, cur) => {
                let mut m = s.serialize_map(Some(2))?;
                m.serialize_entry("amount", &amount.normalize().to_string())?;
                m.serialize_entry("currency", Arg::currency(cur))?;
                m.end()
            }
            Arg::Number(d) => s.serialize_str(&d.normalize().to_string()),
            Arg::Count(n) => s.serialize_i64(*n),
            Arg::Date(d) => s.collect_str(d),
            Arg::Text(t) => s.serialize_str(t),
            Arg::Code(c) => s.collect_str(c),
            Arg::Region(c) | Arg::Country(c) => s.serialize_str(c),
            Arg::Word(w) => s.serialize_str(w),
            Arg::Words(ws) => s.collect_seq(ws.iter()),
        }
    }
}

/// One check of a rule.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Check<'p> {
    pub rule: &'static str,
    pub kind: RuleKind,
    pub result: CheckResult,
    /// Which of the rule's explanations applies (`""` for the plain one).
    #[serde(skip_serializing_if = "str::is_empty")]
    pub note: &'static str,
    /// For a failed base condition: the exception that set it aside.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub waived: Option<Waiver>,
    /// The provision in force on the date; none when the rule was not in force yet.
    pub basis: Option<&'p LegalBasis>,
    /// The date the rule's basis has applied from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub basis_from: Option<Date>,
    pub parameters: Vec<Used<'p>>,
    #[serde(serialize_with = "args_as_map")]
    pub values: Vec<(&'static str, Arg)>,
}

fn args_as_map<S: Serializer>(values: &[(&'static str, Arg)], s: S) -> Result<S::Ok, S::Error> {
    s.collect_map(values.iter().map(|(k, v)| (*k, v)))
}

impl<'p> Check<'p> {
    pub fn value(&self, name: &str) -> Option<&Arg> {
        self.values.iter().find(|(k, _)| *k == name).map(|(_, v)| v)
    }

    /// Whether the check, as it stands after exceptions, refuses or refers.
    fn effect(&self) -> Option<Outcome> {
        if self.kind != RuleKind::Base {
            return None;
        }
        match (self.result, self.waived.map(|w| w.effect)) {
            (CheckResult::Failed, None) => Some(Outcome::Ineligible),
            (CheckResult::Failed, Some(Effect::Refer)) | (CheckResult::NeedsOfficer, _) => {
                Some(Outcome::NeedsOfficer)
            }
            _ => None,
        }
    }
}

/// Why a granted status ends when it does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Limit {
    /// The term the law sets.
    Term,
    /// The passport expires first.
    Passport,
}

/// What a favourable decision grants, and until when.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Validity {
    pub from: Date,
    /// The last day of validity.
    pub until: Date,
    pub limited_by: Limit,
}

/// What happens to a permit already issued, re-checked under the rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PermitAction {
    Keep,
    Cancel,
    /// An officer must judge before it is kept or cancelled.
    Review,
}

/// A decision on one programme for one person on one date.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Decision<'p> {
    pub programme: Programme,
    pub on: Date,
    /// The policy file's edition the decision was made under.
    pub policy_edition: &'p str,
    pub outcome: Outcome,
    /// The programme's own legal basis.
    pub basis: &'p LegalBasis,
    pub checks: Vec<Check<'p>>,
    /// What is granted, when the outcome is eligible.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub validity: Option<Validity>,
    /// For a permit already issued: keep it or cancel it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub permit_action: Option<PermitAction>,
    /// The base conditions a refusal rests on, and those referred, by rule index.
    #[serde(skip)]
    pub(crate) failing_mask: u64,
    #[serde(skip)]
    pub(crate) referred_mask: u64,
}

fn rules_of(mask: u64) -> Vec<&'static str> {
    super::catalogue::RULES
        .iter()
        .enumerate()
        .filter(|(i, _)| mask & (1 << i) != 0)
        .map(|(_, r)| r.id)
        .collect()
}

impl<'p> Decision<'p> {
    /// The outcome the checks lead to: any base condition failed and not set aside refuses;
    /// otherwise any that an officer must judge refers; otherwise eligible.
    pub fn settle(checks: &[Check<'_>]) -> Outcome {
        let mut outcome = Outcome::Eligible;
        for c in checks {
            match c.effect() {
                Some(Outcome::Ineligible) => return Outcome::Ineligible,
                Some(Outcome::NeedsOfficer) => outcome = Outcome::NeedsOfficer,
                _ => {}
            }
        }
        outcome
    }

    /// The ids of the base conditions that failed and were not set aside — what a refusal
    /// rests on — in the catalogue's order.
    pub fn failing_rules(&self) -> Vec<&'static str> {
        rules_of(self.failing_mask)
    }

    /// The ids of the checks an officer must judge, in the catalogue's order.
    pub fn referred_rules(&self) -> Vec<&'static str> {
        rules_of(self.referred_mask)
    }

    pub fn check(&self, rule: &str) -> Option<&Check<'p>> {
        self.checks.iter().find(|c| c.rule == rule)
    }
}
