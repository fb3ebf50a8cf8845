//! Visas and permits: what makes a foreigner's stay lawful beyond the short-stay rules.
//!
//! A `visa` makes its holder lawful until it expires; every other kind is a *permit*: its holder
//! is lawful until it expires, and days it covers do not count toward the short-stay limits.
//! A cancelled authorisation is passed with `until` = the day before it was cancelled, or not at
//! all if it was cancelled before it began.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// The kinds of authorisation (`permits.csv` column `kind`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AuthorisationKind {
    Visa,
    /// Work permit (жұмысқа рұқсат).
    WorkPermit,
    /// Temporary residence permit (уақытша тұруға рұқсат).
    TemporaryResidence,
    /// Permanent residence permit (тұрақты тұруға рұқсат).
    PermanentResidence,
    ValuableSkillsVisa,
    /// Investor visa (category A6).
    InvestorVisa,
    /// The Ata zholy card.
    AtaZholy,
    /// Refugee certificate (or the asylum seeker's certificate).
    RefugeeCertificate,
}

impl AuthorisationKind {
    pub const ALL: [AuthorisationKind; 8] = [
        AuthorisationKind::Visa,
        AuthorisationKind::WorkPermit,
        AuthorisationKind::TemporaryResidence,
        AuthorisationKind::PermanentResidence,
        AuthorisationKind::ValuableSkillsVisa,
        AuthorisationKind::InvestorVisa,
        AuthorisationKind::AtaZholy,
        AuthorisationKind::RefugeeCertificate,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            AuthorisationKind::Visa => "visa",
            AuthorisationKind::WorkPermit => "work_permit",
            AuthorisationKind::TemporaryResidence => "temporary_residence",
            AuthorisationKind::PermanentResidence => "permanent_residence",
            AuthorisationKind::ValuableSkillsVisa => "valuable_skills_visa",
            AuthorisationKind::InvestorVisa => "investor_visa",
            AuthorisationKind::AtaZholy => "ata_zholy",
            AuthorisationKind::RefugeeCertificate => "refugee_certificate",
        }
    }

    /// Everything but a plain visa is a permit: its days do not count toward short stays.
    pub fn is_permit(self) -> bool {
        self != AuthorisationKind::Visa
    }
}

impl std::fmt::Display for AuthorisationKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A kind of authorisation that is not one of [`AuthorisationKind::ALL`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "`{0}` is not a kind of authorisation (visa, work_permit, temporary_residence, permanent_residence, \
     valuable_skills_visa, investor_visa, ata_zholy, refugee_certificate)"
)]
pub struct UnknownKind(pub String);

impl std::str::FromStr for AuthorisationKind {
    type Err = UnknownKind;

    /// The kind by its name (`work_permit`), exactly as written.
    fn from_str(text: &str) -> Result<AuthorisationKind, UnknownKind> {
        AuthorisationKind::ALL
            .into_iter()
            .find(|k| k.as_str() == text)
            .ok_or_else(|| UnknownKind(text.into()))
    }
}

/// One visa or permit, valid from `from` to `until`, both days included.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Authorisation {
    pub kind: AuthorisationKind,
    pub number: String,
    pub from: Date,
    /// The expiry, or the day before a cancellation.
    pub until: Date,
}

impl Authorisation {
    pub fn covers(&self, day: Date) -> bool {
        self.from <= day && day <= self.until
    }
}
