//! Rule bases: for every rule the code knows (`pr.solvency.applicant`, `pr.exempt.kandas`, …),
//! the legal provision it applies and from when, and whether it applies at all — a draft policy
//! can repeal an exception from a date, and the reform simulation shows what that changes.
//! The logic of a rule is code (`crate::rules`); what it rests on is policy.

use super::{LegalBasis, Refusal};
use crate::said::Said;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One version of a rule's footing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleVersion {
    pub from: Date,
    pub basis: LegalBasis,
    /// `false` repeals the rule from `from` (an exception no longer granted, a condition dropped).
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub applies: bool,
}

fn yes() -> bool {
    true
}

fn is_true(b: &bool) -> bool {
    *b
}

/// Every rule's versions, by rule id.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct RuleBases(
    pub BTreeMap<String, Vec<RuleVersion>>,
    /// The same, in the order of the code's catalogue: the rules look their basis up by place,
    /// not by name, since they do so for every check of every decision. Built when the file is read.
    #[serde(skip)]
    pub(crate) Vec<Vec<RuleVersion>>,
);

impl RuleBases {
    /// The version in force on `on` of the rule at `index` of the catalogue.
    pub fn at(&self, index: usize, on: Date) -> Option<&RuleVersion> {
        self.1.get(index)?.iter().rev().find(|v| v.from <= on)
    }

    pub(super) fn index(&mut self, known: &[&str]) {
        self.1 = known.iter().map(|id| self.0.get(*id).cloned().unwrap_or_default()).collect();
    }

    /// The version of `rule` in force on `on`; `None` before its first version (the rule did not
    /// exist yet) or when the file does not know the rule.
    pub fn on(&self, rule: &str, on: Date) -> Option<&RuleVersion> {
        self.0.get(rule)?.iter().filter(|v| v.from <= on).max_by_key(|v| v.from)
    }

    /// Every rule in `known` has versions, every entry is a known rule, dates increase.
    pub(super) fn check(&self, known: &[&str]) -> Result<(), Refusal> {
        for id in known {
            if !self.0.contains_key(*id) {
                return Err((
                    (*id).to_string(),
                    Said::new("policy-rule-no-basis", "the rule has no legal basis in this policy file")
                        .text("rule", *id),
                ));
            }
        }
        for (id, versions) in &self.0 {
            if !known.contains(&id.as_str()) {
                let rules = known.join(", ");
                return Err((
                    format!("\"{id}\""),
                    Said::new("policy-rule-unknown", format!("unknown rule; the rules are: {rules}"))
                        .text("rule", id)
                        .text("rules", rules),
                ));
            }
            if versions.is_empty() {
                return Err((format!("\"{id}\""), super::no_version()));
            }
            for (i, pair) in versions.windows(2).enumerate() {
                if pair[1].from <= pair[0].from {
                    return Err((
                        format!("\"{id}\"[{}].from", i + 1),
                        super::version_order(pair[1].from, pair[0].from),
                    ));
                }
            }
        }
        Ok(())
    }
}
