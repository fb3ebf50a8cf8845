//! The permit a favourable decision issues: its kind and number, the rights and conditions it
//! carries, renewals, and the legal grounds on which it may be cancelled. Every change is an
//! event of the permit's history; the store keeps them all.

use crate::policy::Policy;
use crate::register::authorisation::AuthorisationKind;
use crate::rules::Programme;
use jiff::ToSpan;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// The kind of permit each programme issues, as the register of movements knows it.
pub fn kind_of(programme: Programme) -> AuthorisationKind {
    match programme {
        Programme::PermanentResidence => AuthorisationKind::PermanentResidence,
        Programme::ValuableSkillsVisa => AuthorisationKind::ValuableSkillsVisa,
        Programme::InvestorVisa => AuthorisationKind::InvestorVisa,
        Programme::AtaZholy => AuthorisationKind::AtaZholy,
        Programme::Refugee => AuthorisationKind::RefugeeCertificate,
    }
}

/// The letters a permit number starts with.
pub fn prefix(programme: Programme) -> &'static str {
    match programme {
        Programme::PermanentResidence => "PR",
        Programme::ValuableSkillsVisa => "VSV",
        Programme::InvestorVisa => "INV",
        Programme::AtaZholy => "AZH",
        Programme::Refugee => "REF",
    }
}

/// A permit's number: the programme's letters, the year of issue and the `seq`-th permit of
/// that programme issued that year (`VSV-2026-000042`).
pub fn number(programme: Programme, year: i16, seq: i64) -> String {
    format!("{}-{year}-{seq:06}", prefix(programme))
}

/// What the permit entitles its holder to (message keys `right-…`).
pub fn rights(programme: Programme) -> &'static [&'static str] {
    match programme {
        Programme::PermanentResidence => &["reside-permanently", "work-without-permit", "social-services"],
        Programme::ValuableSkillsVisa => &["reside", "work-without-permit", "family-reunification"],
        // DOMAIN.md §3: the investor visa's rights as the Concept lists them.
        Programme::InvestorVisa => &[
            "reside",
            "register-business",
            "own-property",
            "hire-staff",
            "financial-transactions",
            "conduct-operations",
        ],
        Programme::AtaZholy => &["reside", "run-business", "paryz-contest"],
        Programme::Refugee => &["reside", "work-without-permit", "non-refoulement"],
    }
}

/// What the holder must keep doing (message keys `condition-…`).
pub fn conditions(programme: Programme) -> &'static [&'static str] {
    match programme {
        // Article 49: solvency is re-checked; an unconfirmed one cancels the permit.
        Programme::PermanentResidence => &["keep-solvency", "register-residence"],
        Programme::ValuableSkillsVisa => &["train-local-personnel", "report-training", "register-residence"],
        Programme::InvestorVisa => &["keep-investment", "register-residence"],
        Programme::AtaZholy => &["run-business-in-kazakhstan", "register-residence"],
        Programme::Refugee => &["register-residence", "inform-of-changes"],
    }
}

/// The term of a permit of `programme` granted on `on`, when the rules gave none (an officer
/// approved a case the rules referred or refused): the programme's term parameter from `on`,
/// or to the passport's expiry if that comes first. `None` when the parameter is not in force.
pub fn term(policy: &Policy, programme: Programme, on: Date, passport_expiry: Date) -> Option<(Date, Date)> {
    let (name, months) = match programme {
        Programme::PermanentResidence => ("pr_validity", false),
        Programme::ValuableSkillsVisa | Programme::InvestorVisa => ("long_term_visa_validity", false),
        Programme::AtaZholy => ("ata_zholy_validity", false),
        Programme::Refugee => ("asylum_certificate_validity", true),
    };
    let value = policy.parameter(name, on).ok()?.value;
    let n = rust_decimal::prelude::ToPrimitive::to_i64(&value.trunc())?.clamp(0, 1200);
    let end = if months { on.checked_add(n.months()) } else { on.checked_add(n.years()) }.ok()?;
    Some((on, end.min(passport_expiry)))
}

/// A legal ground on which a permit is cancelled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CancellationGround {
    /// Article 49 of the Law "On population migration": solvency not confirmed.
    SolvencyNotConfirmed,
    /// The valuable-skills visa's condition to train local personnel is not met.
    TrainingObligationUnmet,
    /// The permit was obtained with false information or forged documents.
    FalseInformation,
    /// The investment the investor visa rests on was withdrawn.
    InvestmentWithdrawn,
    /// Refugee status ceased (the grounds of the Law "On refugees").
    RefugeeStatusCeased,
    /// The holder asked for the cancellation or left Kazakhstan for good.
    HolderRequest,
}

impl CancellationGround {
    pub const ALL: [CancellationGround; 6] = [
        CancellationGround::SolvencyNotConfirmed,
        CancellationGround::TrainingObligationUnmet,
        CancellationGround::FalseInformation,
        CancellationGround::InvestmentWithdrawn,
        CancellationGround::RefugeeStatusCeased,
        CancellationGround::HolderRequest,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            CancellationGround::SolvencyNotConfirmed => "solvency_not_confirmed",
            CancellationGround::TrainingObligationUnmet => "training_obligation_unmet",
            CancellationGround::FalseInformation => "false_information",
            CancellationGround::InvestmentWithdrawn => "investment_withdrawn",
            CancellationGround::RefugeeStatusCeased => "refugee_status_ceased",
            CancellationGround::HolderRequest => "holder_request",
        }
    }

    pub fn parse(text: &str) -> Option<CancellationGround> {
        CancellationGround::ALL.into_iter().find(|g| g.as_str() == text.trim())
    }

    /// The legal basis the ground rests on, as cited in the cancellation.
    pub fn basis(self) -> &'static str {
        match self {
            CancellationGround::SolvencyNotConfirmed => {
                "Law of the Republic of Kazakhstan \"On population migration\", Article 49 (solvency not confirmed)"
            }
            CancellationGround::TrainingObligationUnmet => {
                "Concept of the migration policy of the Republic of Kazakhstan for 2023-2027 (obligation to educate and train local personnel)"
            }
            CancellationGround::FalseInformation => {
                "Law of the Republic of Kazakhstan \"On population migration\", Article 49 (false information or forged documents)"
            }
            CancellationGround::InvestmentWithdrawn => {
                "Concept of the migration policy of the Republic of Kazakhstan for 2023-2027 (investor visa: investment of at least US$300,000)"
            }
            CancellationGround::RefugeeStatusCeased => {
                "Law of the Republic of Kazakhstan \"On refugees\", Article 12 (cessation of refugee status)"
            }
            CancellationGround::HolderRequest => {
                "Law of the Republic of Kazakhstan \"On population migration\", Article 49 (at the holder's request)"
            }
        }
    }

    /// Whether the ground can apply to a permit of this programme.
    pub fn applies_to(self, programme: Programme) -> bool {
        match self {
            CancellationGround::SolvencyNotConfirmed => programme == Programme::PermanentResidence,
            CancellationGround::TrainingObligationUnmet => programme == Programme::ValuableSkillsVisa,
            CancellationGround::InvestmentWithdrawn => programme == Programme::InvestorVisa,
            CancellationGround::RefugeeStatusCeased => programme == Programme::Refugee,
            CancellationGround::FalseInformation | CancellationGround::HolderRequest => true,
        }
    }
}

/// An event of a permit's history.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum PermitEvent {
    Issued,
    Renewed,
    Cancelled,
}

impl PermitEvent {
    pub fn as_str(self) -> &'static str {
        match self {
            PermitEvent::Issued => "issued",
            PermitEvent::Renewed => "renewed",
            PermitEvent::Cancelled => "cancelled",
        }
    }

    pub fn parse(text: &str) -> Option<PermitEvent> {
        [PermitEvent::Issued, PermitEvent::Renewed, PermitEvent::Cancelled]
            .into_iter()
            .find(|e| e.as_str() == text)
    }
}

/// Why a change to a permit is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PermitError {
    #[error("the permit was cancelled on {0}")]
    Cancelled(Date),
    #[error("the renewed term ends on {new}, not after the current {current}")]
    NotLonger { current: Date, new: Date },
    #[error("{ground} does not apply to a permit of {programme}")]
    GroundNotApplicable { ground: &'static str, programme: &'static str },
    #[error("{on} is before the permit begins ({from})")]
    BeforeStart { on: Date, from: Date },
    #[error("the permit expired on {0}; apply again instead of renewing")]
    Expired(Date),
}

impl PermitError {
    /// The refusal in words: its code and typed arguments (see [`crate::said`]).
    pub fn said(&self) -> crate::said::Said {
        use crate::said::Said;
        let english = self.to_string();
        match self {
            PermitError::Cancelled(on) => Said::new("refused-permit-cancelled", english).date("on", *on),
            PermitError::NotLonger { current, new } => {
                Said::new("field-permit-not-longer", english).date("new", *new).date("current", *current)
            }
            PermitError::GroundNotApplicable { ground, .. } => {
                Said::new("field-permit-ground", english).text("ground", *ground)
            }
            PermitError::BeforeStart { on, from } => {
                Said::new("field-permit-before-start", english).date("on", *on).date("from", *from)
            }
            PermitError::Expired(on) => Said::new("refused-permit-expired", english).date("on", *on),
        }
    }
}

/// The state of a permit that a change is checked against.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PermitState {
    pub programme: Programme,
    pub valid_from: Date,
    pub valid_until: Date,
    pub cancelled_on: Option<Date>,
}

/// Checks a renewal to `new_until` on `today`: the permit is not cancelled, not expired, and
/// the new term ends later than the current one.
pub fn renew(state: &PermitState, new_until: Date, today: Date) -> Result<(), PermitError> {
    if let Some(on) = state.cancelled_on {
        return Err(PermitError::Cancelled(on));
    }
    if state.valid_until < today {
        return Err(PermitError::Expired(state.valid_until));
    }
    if new_until <= state.valid_until {
        return Err(PermitError::NotLonger { current: state.valid_until, new: new_until });
    }
    Ok(())
}

/// Checks a cancellation on `on` for `ground`.
pub fn cancel(state: &PermitState, ground: CancellationGround, on: Date) -> Result<(), PermitError> {
    if let Some(done) = state.cancelled_on {
        return Err(PermitError::Cancelled(done));
    }
    if !ground.applies_to(state.programme) {
        return Err(PermitError::GroundNotApplicable {
            ground: ground.as_str(),
            programme: state.programme.id(),
        });
    }
    if on < state.valid_from {
        return Err(PermitError::BeforeStart { on, from: state.valid_from });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn state() -> PermitState {
        PermitState {
            programme: Programme::ValuableSkillsVisa,
            valid_from: date(2026, 1, 10),
            valid_until: date(2031, 5, 1),
            cancelled_on: None,
        }
    }

    #[test]
    fn numbers_name_programme_year_and_sequence() {
        assert_eq!(number(Programme::ValuableSkillsVisa, 2026, 42), "VSV-2026-000042");
        assert_eq!(number(Programme::PermanentResidence, 2027, 1), "PR-2027-000001");
    }

    #[test]
    fn renewals_extend_a_live_permit() {
        let today = date(2026, 11, 21);
        assert_eq!(renew(&state(), date(2036, 1, 9), today), Ok(()));
        assert_eq!(
            renew(&state(), date(2031, 5, 1), today),
            Err(PermitError::NotLonger { current: date(2031, 5, 1), new: date(2031, 5, 1) })
        );
        let cancelled = PermitState { cancelled_on: Some(date(2026, 6, 1)), ..state() };
        assert_eq!(renew(&cancelled, date(2036, 1, 9), today), Err(PermitError::Cancelled(date(2026, 6, 1))));
        assert_eq!(
            renew(&state(), date(2040, 1, 1), date(2031, 5, 2)),
            Err(PermitError::Expired(date(2031, 5, 1)))
        );
    }

    #[test]
    fn cancellations_need_a_ground_of_the_programme() {
        let on = date(2026, 11, 21);
        assert_eq!(cancel(&state(), CancellationGround::TrainingObligationUnmet, on), Ok(()));
        assert!(matches!(
            cancel(&state(), CancellationGround::SolvencyNotConfirmed, on),
            Err(PermitError::GroundNotApplicable { .. })
        ));
        let pr = PermitState { programme: Programme::PermanentResidence, ..state() };
        assert_eq!(cancel(&pr, CancellationGround::SolvencyNotConfirmed, on), Ok(()));
        assert!(cancel(&state(), CancellationGround::FalseInformation, date(2025, 1, 1)).is_err());
        let done = PermitState { cancelled_on: Some(on), ..state() };
        assert_eq!(cancel(&done, CancellationGround::HolderRequest, on), Err(PermitError::Cancelled(on)));
    }

    #[test]
    fn every_ground_applies_somewhere_and_round_trips() {
        for g in CancellationGround::ALL {
            assert_eq!(CancellationGround::parse(g.as_str()), Some(g));
            assert!(Programme::ALL.iter().any(|p| g.applies_to(*p)));
            assert!(!g.basis().is_empty());
        }
    }

    #[test]
    fn a_term_without_the_rules_validity() {
        let policy = Policy::kz().unwrap();
        let on = date(2026, 11, 21);
        assert_eq!(
            term(&policy, Programme::ValuableSkillsVisa, on, date(2040, 1, 1)),
            Some((on, date(2036, 11, 21)))
        );
        assert_eq!(
            term(&policy, Programme::PermanentResidence, on, date(2030, 3, 1)),
            Some((on, date(2030, 3, 1)))
        );
        let (_, until) = term(&policy, Programme::Refugee, on, date(2040, 1, 1)).unwrap();
        assert!(until > on && until < date(2028, 1, 1));
    }

    #[test]
    fn every_programme_issues_a_permit_kind() {
        for p in Programme::ALL {
            assert!(kind_of(p).is_permit());
            assert!(!rights(p).is_empty() && !conditions(p).is_empty());
        }
    }
}
