//! The arithmetic of lawful stay: how many short-stay days a person has used in the rolling
//! window, the first day a limit was exceeded, and until when an open stay remains lawful.
//!
//! Counting (issue 5 §3): the entry day and the exit day both count as days present; the window
//! is the `window` days ending on the day examined; days covered by a permit do not count toward
//! the short-stay limits. Pure: the day examined is passed in, never read from a clock.

mod count;
mod days;
pub mod input;
mod rule;
mod validate;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

pub use count::check;
pub use input::{Request, RuleSpec};
pub use rule::Rule;

/// One stay in the country: from the entry day to the exit day, both present. An open stay
/// (`exit: null`) counts days through the day examined; only the last stay may be open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stay {
    pub entry: Date,
    #[serde(default)]
    pub exit: Option<Date>,
}

/// A period covered by a permit (residence or work), both ends included: days present in it do
/// not count toward the short-stay limits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Permit {
    pub from: Date,
    pub until: Date,
}

/// The answer for one person on one day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct StayStatus {
    /// Short-stay days (present and not covered by a permit) in the window ending on the day
    /// examined.
    pub days_in_window: u32,
    /// The first day, up to the day examined, on which the days in the window ending that day
    /// exceeded the limit, or the days of the current entry exceeded the per-entry cap.
    pub first_overstay: Option<Date>,
    /// Short-stay days from `first_overstay` through the day examined (0 without overstay).
    pub overstay_days: u32,
    /// For a stay still open on the day examined, without overstay: the last day the person may
    /// remain, staying continuously. Otherwise null.
    pub lawful_until: Option<Date>,
}

/// Why stays could not be counted: the field at fault (`stays[2].exit`, `rule.limit`,
/// `parameters.short_stay_limit`) and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {reason}")]
pub struct StayError {
    pub field: String,
    pub reason: String,
}

impl StayError {
    pub fn at(field: impl Into<String>, reason: impl Into<String>) -> StayError {
        StayError { field: field.into(), reason: reason.into() }
    }
}

#[cfg(test)]
mod tests;
