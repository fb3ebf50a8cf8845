//! A short-stay rule: at most `limit` days in any `window` days, and at most `per_entry` days
//! per entry if set. The visa-free and EAEU rules read their numbers from the policy.

use super::StayError;
use crate::policy::Policy;
use jiff::civil::Date;
use rust_decimal::prelude::ToPrimitive;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    /// The most short-stay days in any window.
    pub limit: u32,
    /// The length of the rolling window, in days, ending on the day examined.
    pub window: u32,
    /// The most days of one entry, if there is such a cap.
    #[serde(default)]
    pub per_entry: Option<u32>,
}

impl Rule {
    /// Visa-free visitors: `visa_free_stay_per_entry` per entry and `short_stay_limit` in any
    /// `short_stay_window`, as in force on `on`.
    pub fn visa_free(policy: &Policy, on: Date) -> Result<Rule, StayError> {
        Ok(Rule {
            limit: days(policy, "short_stay_limit", on)?,
            window: days(policy, "short_stay_window", on)?,
            per_entry: Some(days(policy, "visa_free_stay_per_entry", on)?),
        })
    }

    /// EAEU citizens: `short_stay_limit` in any `short_stay_window`, no cap per entry.
    pub fn eaeu(policy: &Policy, on: Date) -> Result<Rule, StayError> {
        Ok(Rule {
            limit: days(policy, "short_stay_limit", on)?,
            window: days(policy, "short_stay_window", on)?,
            per_entry: None,
        })
    }

    /// A rule must allow at least one day, and fewer days than its window (otherwise no stay
    /// could ever exceed it and "until when" would have no answer).
    pub fn validate(&self, field: &str) -> Result<(), StayError> {
        if self.window == 0 {
            return Err(StayError::at(format!("{field}.window"), "must be at least 1 day"));
        }
        if self.limit == 0 {
            return Err(StayError::at(format!("{field}.limit"), "must be at least 1 day"));
        }
        if self.limit >= self.window {
            return Err(StayError::at(
                format!("{field}.limit"),
                format!("{} must be less than the window ({} days)", self.limit, self.window),
            ));
        }
        if self.per_entry == Some(0) {
            return Err(StayError::at(format!("{field}.per_entry"), "must be at least 1 day, or null"));
        }
        Ok(())
    }
}

/// A parameter in days, as a whole number.
fn days(policy: &Policy, name: &str, on: Date) -> Result<u32, StayError> {
    let field = format!("parameters.{name}");
    let used = policy.parameters.get(name, on).map_err(|e| StayError::at(&field, e.to_string()))?;
    if !used.value.fract().is_zero() {
        return Err(StayError::at(field, format!("{} is not a whole number of days", used.value)));
    }
    used.value.to_u32().ok_or_else(|| StayError::at(field, format!("{} is not a number of days", used.value)))
}
