//! An officer's decision on a case, checked against the rules' automatic outcome: every
//! decision carries a reason, and one that goes against the automatic outcome (approving what
//! the rules refuse, refusing what they grant) is an **override**, which needs a fuller written
//! reason and is audited as such.

use super::status::{CaseError, Move};
use crate::rules::Outcome;
use serde::{Deserialize, Serialize};

/// The shortest reason accepted for an override, in characters.
pub const OVERRIDE_REASON_MIN_CHARS: usize = 20;
/// The longest reason or message accepted, in characters.
pub const REASON_MAX_CHARS: usize = 4000;

/// What an officer decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum OfficerAction {
    Approve,
    Refuse,
    RequestInfo,
}

impl OfficerAction {
    pub fn as_str(self) -> &'static str {
        match self {
            OfficerAction::Approve => "approve",
            OfficerAction::Refuse => "refuse",
            OfficerAction::RequestInfo => "request_info",
        }
    }

    pub fn parse(text: &str) -> Option<OfficerAction> {
        [OfficerAction::Approve, OfficerAction::Refuse, OfficerAction::RequestInfo]
            .into_iter()
            .find(|a| a.as_str() == text)
    }

    pub fn as_move(self) -> Move {
        match self {
            OfficerAction::Approve => Move::Approve,
            OfficerAction::Refuse => Move::Refuse,
            OfficerAction::RequestInfo => Move::RequestInfo,
        }
    }
}

/// A decision that passed the checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfficerDecision {
    pub action: OfficerAction,
    /// The reason, trimmed.
    pub reason: String,
    /// The automatic outcome the decision goes against, when it is an override.
    pub overrides: Option<Outcome>,
}

/// Whether `action` goes against the automatic outcome. A case the rules referred to an
/// officer (`needs_officer`) is the officer's to decide either way.
pub fn is_override(action: OfficerAction, automatic: Outcome) -> bool {
    matches!(
        (action, automatic),
        (OfficerAction::Approve, Outcome::Ineligible) | (OfficerAction::Refuse, Outcome::Eligible)
    )
}

/// Checks a decision's reason against the automatic outcome.
pub fn check(action: OfficerAction, automatic: Outcome, reason: &str) -> Result<OfficerDecision, CaseError> {
    let reason = reason.trim();
    let n = reason.chars().count();
    if n == 0 || n > REASON_MAX_CHARS || reason.chars().any(|c| c.is_control() && c != '\n' && c != '\r') {
        return Err(CaseError::NoReason);
    }
    let overrides = is_override(action, automatic).then_some(automatic);
    if overrides.is_some() && n < OVERRIDE_REASON_MIN_CHARS {
        return Err(CaseError::OverrideReason {
            automatic: automatic.as_str(),
            min: OVERRIDE_REASON_MIN_CHARS,
        });
    }
    Ok(OfficerDecision { action, reason: reason.to_string(), overrides })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn following_the_rules_needs_only_a_reason() {
        let d = check(OfficerAction::Approve, Outcome::Eligible, "  conditions met ").unwrap();
        assert_eq!(d.reason, "conditions met");
        assert_eq!(d.overrides, None);
        assert_eq!(check(OfficerAction::Refuse, Outcome::Ineligible, ""), Err(CaseError::NoReason));
        assert_eq!(check(OfficerAction::RequestInfo, Outcome::Eligible, "   "), Err(CaseError::NoReason));
    }

    #[test]
    fn going_against_the_rules_is_an_override_with_a_fuller_reason() {
        let short = check(OfficerAction::Approve, Outcome::Ineligible, "ok");
        assert!(matches!(short, Err(CaseError::OverrideReason { automatic: "ineligible", .. })));
        let d = check(
            OfficerAction::Approve,
            Outcome::Ineligible,
            "Bank certificate of 12 May shows the funds; the rules read an older one.",
        )
        .unwrap();
        assert_eq!(d.overrides, Some(Outcome::Ineligible));
        let d = check(OfficerAction::Refuse, Outcome::Eligible, "Forged diploma, see the police report.")
            .unwrap();
        assert_eq!(d.overrides, Some(Outcome::Eligible));
    }

    #[test]
    fn a_referred_case_is_the_officers_either_way() {
        for a in [OfficerAction::Approve, OfficerAction::Refuse, OfficerAction::RequestInfo] {
            assert!(!is_override(a, Outcome::NeedsOfficer));
            assert_eq!(check(a, Outcome::NeedsOfficer, "checked").unwrap().overrides, None);
        }
    }

    #[test]
    fn actions_round_trip() {
        for a in [OfficerAction::Approve, OfficerAction::Refuse, OfficerAction::RequestInfo] {
            assert_eq!(OfficerAction::parse(a.as_str()), Some(a));
        }
        assert_eq!(OfficerAction::parse("grant"), None);
    }
}
