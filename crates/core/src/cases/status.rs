//! The states of a case and the moves between them. Every move is checked here, so no layer
//! can decide a case that was never evaluated, approve one twice, or let the officer who
//! approved a permanent-residence case confirm it too.
//!
//! ```text
//! draft ──submit──▶ submitted ──request_info──▶ information_requested ──reply──▶ submitted
//!                      │  ├──refuse──▶ refused
//!                      │  └──approve──▶ approved               (one officer)
//!                      └──approve──▶ awaiting_confirmation ──confirm──▶ approved   (four eyes)
//!                                         └──return──▶ submitted
//! draft | submitted | information_requested ──withdraw──▶ withdrawn
//! ```

use crate::rules::Programme;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CaseStatus {
    /// Answered and evaluated, not yet sent: the applicant may still add evidence.
    Draft,
    /// Sent to the authority, waiting for an officer.
    Submitted,
    /// The officer asked for more; waiting for the applicant.
    InformationRequested,
    /// Approved by one officer; a second must confirm (permanent residence).
    AwaitingConfirmation,
    /// Approved; the permit is issued in the same step.
    Approved,
    Refused,
    /// Withdrawn by the applicant.
    Withdrawn,
}

impl CaseStatus {
    pub const ALL: [CaseStatus; 7] = [
        CaseStatus::Draft,
        CaseStatus::Submitted,
        CaseStatus::InformationRequested,
        CaseStatus::AwaitingConfirmation,
        CaseStatus::Approved,
        CaseStatus::Refused,
        CaseStatus::Withdrawn,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            CaseStatus::Draft => "draft",
            CaseStatus::Submitted => "submitted",
            CaseStatus::InformationRequested => "information_requested",
            CaseStatus::AwaitingConfirmation => "awaiting_confirmation",
            CaseStatus::Approved => "approved",
            CaseStatus::Refused => "refused",
            CaseStatus::Withdrawn => "withdrawn",
        }
    }

    pub fn parse(text: &str) -> Option<CaseStatus> {
        CaseStatus::ALL.into_iter().find(|s| s.as_str() == text)
    }

    /// No move leaves these.
    pub fn is_final(self) -> bool {
        matches!(self, CaseStatus::Approved | CaseStatus::Refused | CaseStatus::Withdrawn)
    }

    /// Waiting for an officer (the queue).
    pub fn awaits_officer(self) -> bool {
        matches!(self, CaseStatus::Submitted | CaseStatus::AwaitingConfirmation)
    }
}

impl std::fmt::Display for CaseStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A move on a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Move {
    Submit,
    RequestInfo,
    Reply,
    Approve,
    /// The second officer's confirmation of an approval (four eyes).
    Confirm,
    /// The second officer sends an approval back to the queue instead of confirming it.
    Return,
    Refuse,
    Withdraw,
}

impl Move {
    /// Every move, in the order a case may take them.
    pub const ALL: [Move; 8] = [
        Move::Submit,
        Move::RequestInfo,
        Move::Reply,
        Move::Approve,
        Move::Confirm,
        Move::Return,
        Move::Refuse,
        Move::Withdraw,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Move::Submit => "submit",
            Move::RequestInfo => "request_info",
            Move::Reply => "reply",
            Move::Approve => "approve",
            Move::Confirm => "confirm",
            Move::Return => "return",
            Move::Refuse => "refuse",
            Move::Withdraw => "withdraw",
        }
    }
}

/// Why a move is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CaseError {
    #[error("a case that is {status} cannot be {}", verb(*.action))]
    NotAllowed { status: CaseStatus, action: Move },
    #[error("the case has no automatic evaluation: it must be evaluated before it is decided")]
    NotEvaluated,
    #[error("the officer who approved the case cannot confirm it: a second officer must")]
    SameOfficer,
    #[error("reason: a decision needs a written reason")]
    NoReason,
    #[error(
        "reason: overriding the automatic outcome ({automatic}) needs a written reason of at least {min} characters"
    )]
    OverrideReason { automatic: &'static str, min: usize },
    #[error("the case already has a permit ({0}): a permit is issued once")]
    AlreadyIssued(String),
    #[error("the case is not approved: a permit is issued only on approval")]
    NotApproved,
}

impl CaseError {
    /// The refusal in words: its code and typed arguments (see [`crate::said`]).
    pub fn said(&self) -> crate::said::Said {
        use crate::said::Said;
        let english = self.to_string();
        match self {
            CaseError::NotAllowed { status, action } => Said::new("refused-case-state", english)
                .word("status", format!("co-status-{}", status.as_str()))
                .word("action", format!("refused-move-{}", action.as_str())),
            CaseError::NotEvaluated => Said::new("refused-case-not-evaluated", english),
            CaseError::SameOfficer => Said::new("refused-case-same-officer", english),
            CaseError::NoReason => Said::new("field-decision-reason", english),
            CaseError::OverrideReason { min, .. } => {
                Said::new("field-override-reason", english).count("min", *min as i64)
            }
            CaseError::AlreadyIssued(number) => {
                Said::new("refused-permit-issued", english).text("number", number)
            }
            CaseError::NotApproved => Said::new("refused-case-not-approved", english),
        }
    }
}

fn verb(m: Move) -> &'static str {
    match m {
        Move::Submit => "submitted",
        Move::RequestInfo => "asked for more information",
        Move::Reply => "answered",
        Move::Approve => "approved",
        Move::Confirm => "confirmed",
        Move::Return => "returned",
        Move::Refuse => "refused",
        Move::Withdraw => "withdrawn",
    }
}

/// Whether a programme's approval needs a second officer's confirmation.
pub fn four_eyes(programme: Programme) -> bool {
    programme == Programme::PermanentResidence
}

/// The state a move leads to from `status`, or why it may not be made. `evaluated`: whether the
/// case carries the rules' automatic evaluation (decisions need one).
pub fn next(
    programme: Programme,
    status: CaseStatus,
    action: Move,
    evaluated: bool,
) -> Result<CaseStatus, CaseError> {
    use CaseStatus as S;
    let refused = CaseError::NotAllowed { status, action };
    let deciding = matches!(action, Move::Approve | Move::Refuse | Move::RequestInfo | Move::Confirm);
    if deciding && !evaluated && !status.is_final() {
        return Err(CaseError::NotEvaluated);
    }
    match (status, action) {
        (S::Draft, Move::Submit) if evaluated => Ok(S::Submitted),
        (S::Draft, Move::Submit) => Err(CaseError::NotEvaluated),
        (S::Submitted, Move::RequestInfo) => Ok(S::InformationRequested),
        (S::InformationRequested, Move::Reply) => Ok(S::Submitted),
        (S::Submitted, Move::Approve) if four_eyes(programme) => Ok(S::AwaitingConfirmation),
        (S::Submitted, Move::Approve) => Ok(S::Approved),
        (S::Submitted, Move::Refuse) => Ok(S::Refused),
        (S::AwaitingConfirmation, Move::Confirm) => Ok(S::Approved),
        (S::AwaitingConfirmation, Move::Return) => Ok(S::Submitted),
        (S::Draft | S::Submitted | S::InformationRequested, Move::Withdraw) => Ok(S::Withdrawn),
        _ => Err(refused),
    }
}

/// Checks the second officer of a four-eyes approval.
pub fn confirmer(approved_by: &str, confirming: &str) -> Result<(), CaseError> {
    if approved_by.eq_ignore_ascii_case(confirming) { Err(CaseError::SameOfficer) } else { Ok(()) }
}

/// Checks that a permit may be issued for a case: approved, and none issued yet.
pub fn may_issue(status: CaseStatus, existing_permit: Option<&str>) -> Result<(), CaseError> {
    if let Some(number) = existing_permit {
        return Err(CaseError::AlreadyIssued(number.to_string()));
    }
    if status != CaseStatus::Approved {
        return Err(CaseError::NotApproved);
    }
    Ok(())
}

/// Whether the applicant may attach evidence to a case in `status`: while it is a draft, while
/// the officer's request for information waits for them, and — once they have answered one
/// (`replied`) — while the case waits for the officer again, until the officer decides.
pub fn takes_evidence(status: CaseStatus, replied: bool) -> bool {
    match status {
        CaseStatus::Draft | CaseStatus::InformationRequested => true,
        CaseStatus::Submitted => replied,
        CaseStatus::AwaitingConfirmation
        | CaseStatus::Approved
        | CaseStatus::Refused
        | CaseStatus::Withdrawn => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn evidence_is_taken_until_the_officer_decides() {
        for replied in [false, true] {
            assert!(takes_evidence(CaseStatus::Draft, replied));
            assert!(takes_evidence(CaseStatus::InformationRequested, replied));
            for s in [
                CaseStatus::AwaitingConfirmation,
                CaseStatus::Approved,
                CaseStatus::Refused,
                CaseStatus::Withdrawn,
            ] {
                assert!(!takes_evidence(s, replied), "{s}");
            }
        }
        // Sent: the officer's request comes first; once answered, more may follow the answer.
        assert!(!takes_evidence(CaseStatus::Submitted, false));
        assert!(takes_evidence(CaseStatus::Submitted, true));
    }

    const PR: Programme = Programme::PermanentResidence;
    const VS: Programme = Programme::ValuableSkillsVisa;

    #[test]
    fn the_main_path_of_a_case() {
        let s = next(VS, CaseStatus::Draft, Move::Submit, true).unwrap();
        assert_eq!(s, CaseStatus::Submitted);
        let s = next(VS, s, Move::RequestInfo, true).unwrap();
        assert_eq!(s, CaseStatus::InformationRequested);
        let s = next(VS, s, Move::Reply, true).unwrap();
        assert_eq!(next(VS, s, Move::Approve, true), Ok(CaseStatus::Approved));
        assert_eq!(next(VS, s, Move::Refuse, true), Ok(CaseStatus::Refused));
    }

    #[test]
    fn permanent_residence_needs_a_second_officer() {
        let s = next(PR, CaseStatus::Submitted, Move::Approve, true).unwrap();
        assert_eq!(s, CaseStatus::AwaitingConfirmation);
        assert_eq!(next(PR, s, Move::Confirm, true), Ok(CaseStatus::Approved));
        assert_eq!(next(PR, s, Move::Return, true), Ok(CaseStatus::Submitted));
        assert_eq!(confirmer("officer.a", "OFFICER.A"), Err(CaseError::SameOfficer));
        assert_eq!(confirmer("officer.a", "officer.b"), Ok(()));
        // The confirmation is not a move of any other state.
        assert!(next(VS, CaseStatus::Submitted, Move::Confirm, true).is_err());
    }

    #[test]
    fn no_decision_without_evaluation() {
        assert_eq!(next(VS, CaseStatus::Draft, Move::Submit, false), Err(CaseError::NotEvaluated));
        for m in [Move::Approve, Move::Refuse, Move::RequestInfo] {
            assert_eq!(next(VS, CaseStatus::Submitted, m, false), Err(CaseError::NotEvaluated), "{m:?}");
        }
    }

    #[test]
    fn no_permit_without_approval_and_no_double_issue() {
        for s in CaseStatus::ALL {
            let r = may_issue(s, None);
            assert_eq!(r.is_ok(), s == CaseStatus::Approved, "{s}");
        }
        assert_eq!(
            may_issue(CaseStatus::Approved, Some("VSV-2026-000001")),
            Err(CaseError::AlreadyIssued("VSV-2026-000001".into()))
        );
    }

    #[test]
    fn statuses_round_trip() {
        for s in CaseStatus::ALL {
            assert_eq!(CaseStatus::parse(s.as_str()), Some(s));
        }
        assert_eq!(CaseStatus::parse("lost"), None);
    }

    fn any_status() -> impl Strategy<Value = CaseStatus> {
        prop::sample::select(CaseStatus::ALL.to_vec())
    }

    fn any_move() -> impl Strategy<Value = Move> {
        prop::sample::select(Move::ALL.to_vec())
    }

    proptest! {
        /// A final state never moves; approval is reached only by approve or confirm.
        #[test]
        fn final_states_are_final(s in any_status(), m in any_move(), pr in any::<bool>(), ev in any::<bool>()) {
            let p = if pr { PR } else { VS };
            if let Ok(to) = next(p, s, m, ev) {
                {
                    prop_assert!(!s.is_final());
                    if to == CaseStatus::Approved {
                        prop_assert!(ev);
                        prop_assert!(matches!(m, Move::Approve | Move::Confirm));
                        // Four eyes: permanent residence is approved only by confirmation.
                        prop_assert!(!(pr && m == Move::Approve));
                    }
                }
            }
        }

        /// Any sequence of moves that reaches approval passed through submission.
        #[test]
        fn approval_needs_submission(moves in prop::collection::vec(any_move(), 0..12)) {
            let mut s = CaseStatus::Draft;
            let mut submitted = false;
            for m in moves {
                if let Ok(to) = next(VS, s, m, true) {
                    submitted |= to == CaseStatus::Submitted;
                    s = to;
                }
            }
            if s == CaseStatus::Approved || s == CaseStatus::Refused {
                prop_assert!(submitted);
            }
        }
    }
}
