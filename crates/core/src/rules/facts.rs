//! The facts a decision is made on: one shape per programme (the structs live beside each
//! programme's rule), read from JSON with the path of any unknown, missing or malformed field,
//! then checked for sense (a known occupation, region and country; a valid BIN; no amount
//! below zero). Amounts are decimal strings or whole numbers — never floating point.

use super::catalogue::Programme;
use super::{ata_zholy, investor, permanent_residence, refugee, valuable_skills};
use crate::occupation::{OccupationCode, classifier};
use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize};

/// The facts of one application.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(untagged)]
pub enum Facts {
    PermanentResidence(permanent_residence::PermanentResidenceFacts),
    ValuableSkillsVisa(valuable_skills::ValuableSkillsFacts),
    InvestorVisa(investor::InvestorFacts),
    AtaZholy(ata_zholy::AtaZholyFacts),
    Refugee(refugee::RefugeeFacts),
}

/// Why facts were refused: which field, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[error("{path}: {reason}")]
pub struct FactsError {
    /// The field's path (`applicant.funds.amount_kzt`, `family[1].birth_date`); `.` for the whole.
    pub path: String,
    pub reason: String,
}

impl FactsError {
    pub fn at(path: impl Into<String>, reason: impl Into<String>) -> FactsError {
        FactsError { path: path.into(), reason: reason.into() }
    }
}

impl Facts {
    /// Reads a programme's facts from JSON text.
    pub fn from_json(programme: Programme, text: &str) -> Result<Facts, FactsError> {
        let mut de = serde_json::Deserializer::from_str(text);
        let facts = match programme {
            Programme::PermanentResidence => read(&mut de).map(Facts::PermanentResidence),
            Programme::ValuableSkillsVisa => read(&mut de).map(Facts::ValuableSkillsVisa),
            Programme::InvestorVisa => read(&mut de).map(Facts::InvestorVisa),
            Programme::AtaZholy => read(&mut de).map(Facts::AtaZholy),
            Programme::Refugee => read(&mut de).map(Facts::Refugee),
        }?;
        de.end().map_err(|e| FactsError::at(".", e.to_string()))?;
        facts.check()?;
        Ok(facts)
    }

    /// Reads a programme's facts from a JSON value (a request body, a stored application).
    pub fn from_value(programme: Programme, value: &serde_json::Value) -> Result<Facts, FactsError> {
        let facts = match programme {
            Programme::PermanentResidence => read(value).map(Facts::PermanentResidence),
            Programme::ValuableSkillsVisa => read(value).map(Facts::ValuableSkillsVisa),
            Programme::InvestorVisa => read(value).map(Facts::InvestorVisa),
            Programme::AtaZholy => read(value).map(Facts::AtaZholy),
            Programme::Refugee => read(value).map(Facts::Refugee),
        }?;
        facts.check()?;
        Ok(facts)
    }

    pub fn programme(&self) -> Programme {
        match self {
            Facts::PermanentResidence(_) => Programme::PermanentResidence,
            Facts::ValuableSkillsVisa(_) => Programme::ValuableSkillsVisa,
            Facts::InvestorVisa(_) => Programme::InvestorVisa,
            Facts::AtaZholy(_) => Programme::AtaZholy,
            Facts::Refugee(_) => Programme::Refugee,
        }
    }

    fn check(&self) -> Result<(), FactsError> {
        match self {
            Facts::PermanentResidence(f) => f.check(),
            Facts::ValuableSkillsVisa(f) => f.check(),
            Facts::InvestorVisa(f) => f.check(),
            Facts::AtaZholy(f) => f.check(),
            Facts::Refugee(f) => f.check(),
        }
    }
}

fn read<'de, T: Deserialize<'de>, D: Deserializer<'de>>(de: D) -> Result<T, FactsError>
where
    D::Error: std::fmt::Display,
{
    serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        let message = e.inner().to_string();
        // serde names a missing field in the message, at its parent's path: name it in the path.
        let message = message.split(" at line ").next().unwrap_or(&message).to_string();
        if let Some(field) = message.strip_prefix("missing field `").and_then(|m| m.split('`').next()) {
            let path = if path == "." { field.to_string() } else { format!("{path}.{field}") };
            return FactsError::at(path, "missing");
        }
        FactsError::at(path, message)
    })
}

/// Deserializes an amount: a decimal string (`"5709000.50"`) or a whole number (`5709000`);
/// a JSON number with a fraction is refused, because it would pass through a binary float.
pub fn amount<'de, D: Deserializer<'de>>(de: D) -> Result<Decimal, D::Error> {
    use serde::de::Error;
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Raw {
        Int(i64),
        Text(String),
        // Only matched to refuse it with a clear message; the value is never read.
        #[allow(dead_code)]
        Float(f64),
    }
    let value = match Raw::deserialize(de)? {
        Raw::Int(n) => Decimal::from(n),
        Raw::Text(t) => t
            .trim()
            .parse::<Decimal>()
            .map_err(|_| D::Error::custom(format!("{t:?} is not a decimal amount (e.g. \"5709000.50\")")))?,
        Raw::Float(_) => {
            return Err(D::Error::custom(
                "write an amount with a fraction as a string (\"5709000.50\"), not a JSON number",
            ));
        }
    };
    if value.is_sign_negative() {
        return Err(D::Error::custom(format!("{value} is below zero")));
    }
    Ok(value)
}

/// [`amount`], optional.
pub fn optional_amount<'de, D: Deserializer<'de>>(de: D) -> Result<Option<Decimal>, D::Error> {
    #[derive(Deserialize)]
    struct Wrap(#[serde(deserialize_with = "amount")] Decimal);
    Ok(Option::<Wrap>::deserialize(de)?.map(|w| w.0))
}

/// An occupation must be in the classifier (a national code by its unit group).
pub(super) fn known_occupation(path: &str, code: &OccupationCode) -> Result<(), FactsError> {
    let c = classifier();
    if c.get(code).is_some() || c.has_unit_group(code) {
        Ok(())
    } else {
        Err(FactsError::at(path, format!("{code} is not in the classifier of occupations")))
    }
}

/// A country must be an ISO 3166-1 alpha-3 code of `data/countries.csv`.
pub(super) fn known_country(path: &str, code: &str) -> Result<(), FactsError> {
    if crate::country::by_alpha3(code).is_some() {
        Ok(())
    } else {
        Err(FactsError::at(
            path,
            format!("{code:?} is not an ISO 3166-1 alpha-3 country code (e.g. \"UZB\")"),
        ))
    }
}
