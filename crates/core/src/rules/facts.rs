//! The facts a decision is made on: one shape per programme (the structs live beside each
//! programme's rule), read from JSON with the path of any unknown, missing or malformed field,
//! then checked for sense (a known occupation, region and country; a valid BIN; no amount
//! below zero). Amounts are decimal strings or whole numbers — never floating point.

use super::catalogue::Programme;
use super::{ata_zholy, investor, permanent_residence, refugee, valuable_skills};
use crate::occupation::{OccupationCode, classifier};
use crate::said::Said;
use jiff::civil::Date;
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
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}: {reason}")]
pub struct FactsError {
    /// The field's path (`applicant.funds.amount_kzt`, `family[1].birth_date`); `.` for the whole.
    pub path: String,
    /// Why, as a message code (`facts-*` in the Fluent files) with its English.
    pub reason: Said,
}

impl FactsError {
    pub fn at(path: impl Into<String>, reason: Said) -> FactsError {
        FactsError { path: path.into(), reason }
    }

    /// A value left empty.
    pub fn empty(path: impl Into<String>) -> FactsError {
        FactsError::at(path, Said::new("facts-empty", "empty"))
    }

    /// A date after the day of the decision (or of the application).
    pub fn after(path: impl Into<String>, on: Date, of: &str) -> FactsError {
        FactsError::at(
            path,
            Said::new(
                if of == "application" { "facts-after-application" } else { "facts-after-decision" },
                format!("after the date of the {of}, {on}"),
            )
            .date("on", on),
        )
    }
}

impl Facts {
    /// Reads a programme's facts from JSON text.
    pub fn from_json(programme: Programme, text: &str) -> Result<Facts, FactsError> {
        // The common case, fast: facts that read. Only when they do not is the text read again
        // with the path of each field tracked, for the error.
        let fast = match programme {
            Programme::PermanentResidence => serde_json::from_str(text).map(Facts::PermanentResidence),
            Programme::ValuableSkillsVisa => serde_json::from_str(text).map(Facts::ValuableSkillsVisa),
            Programme::InvestorVisa => serde_json::from_str(text).map(Facts::InvestorVisa),
            Programme::AtaZholy => serde_json::from_str(text).map(Facts::AtaZholy),
            Programme::Refugee => serde_json::from_str(text).map(Facts::Refugee),
        };
        if let Ok(facts) = fast {
            facts.check()?;
            return Ok(facts);
        }
        // Text that is not JSON at all is said so, with where it stops being JSON.
        if let Err(e) = serde_json::from_str::<serde::de::IgnoredAny>(text)
            && (e.is_syntax() || e.is_eof())
        {
            let english = e.to_string();
            let english = english.split(" at line ").next().unwrap_or(&english);
            return Err(FactsError::at(
                ".",
                Said::new(
                    "facts-not-json",
                    format!("not JSON: {english} (line {}, column {})", e.line(), e.column()),
                )
                .count("line", e.line() as i64)
                .count("column", e.column() as i64),
            ));
        }
        let mut de = serde_json::Deserializer::from_str(text);
        let facts = match programme {
            Programme::PermanentResidence => read(&mut de).map(Facts::PermanentResidence),
            Programme::ValuableSkillsVisa => read(&mut de).map(Facts::ValuableSkillsVisa),
            Programme::InvestorVisa => read(&mut de).map(Facts::InvestorVisa),
            Programme::AtaZholy => read(&mut de).map(Facts::AtaZholy),
            Programme::Refugee => read(&mut de).map(Facts::Refugee),
        }?;
        de.end().map_err(|e| FactsError::at(".", Said::new("facts-unreadable", e.to_string())))?;
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
            return FactsError::at(path, Said::new("facts-missing", "missing"));
        }
        if let Some(value) =
            message.strip_suffix(NOT_A_DATE).and_then(|m| m.strip_prefix('"')?.strip_suffix('"'))
        {
            let said = Said::new("facts-date", message.clone()).text("value", value);
            return FactsError::at(path, said);
        }
        FactsError::at(path, Said::new("facts-unreadable", message))
    })
}

/// The end of the message of a date that does not read (after the text, quoted).
const NOT_A_DATE: &str = " is not a date: write it as YYYY-MM-DD (e.g. 2025-03-01)";

/// Deserializes a date written `YYYY-MM-DD`; anything else is refused saying the form expected,
/// not the parser's internals (`parameter 'day' … must be in range 1..=29`).
pub fn date<'de, D: Deserializer<'de>>(de: D) -> Result<Date, D::Error> {
    de.deserialize_str(DateVisitor)
}

struct DateVisitor;

impl serde::de::Visitor<'_> for DateVisitor {
    type Value = Date;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a date written YYYY-MM-DD (e.g. 2025-03-01)")
    }

    fn visit_str<E: serde::de::Error>(self, t: &str) -> Result<Date, E> {
        crate::labour::rows::parse_iso_date(t).ok_or_else(|| {
            let shown: String = t.chars().take(40).collect();
            E::custom(format!("\"{shown}\"{NOT_A_DATE}"))
        })
    }
}

/// Deserializes an amount: a decimal string (`"5709000.50"`) or a whole number (`5709000`);
/// a JSON number with a fraction is refused, because it would pass through a binary float.
pub fn amount<'de, D: Deserializer<'de>>(de: D) -> Result<Decimal, D::Error> {
    de.deserialize_any(AmountVisitor)
}

/// Reads an amount without buffering (the rules read millions in a batch).
struct AmountVisitor;

impl serde::de::Visitor<'_> for AmountVisitor {
    type Value = Decimal;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("an amount: a decimal string (\"5709000.50\") or a whole number")
    }

    fn visit_i64<E: serde::de::Error>(self, n: i64) -> Result<Decimal, E> {
        non_negative(Decimal::from(n))
    }

    fn visit_u64<E: serde::de::Error>(self, n: u64) -> Result<Decimal, E> {
        non_negative(Decimal::from(n))
    }

    fn visit_f64<E: serde::de::Error>(self, _: f64) -> Result<Decimal, E> {
        Err(E::custom("write an amount with a fraction as a string (\"5709000.50\"), not a JSON number"))
    }

    fn visit_str<E: serde::de::Error>(self, t: &str) -> Result<Decimal, E> {
        let d = t
            .trim()
            .parse::<Decimal>()
            .map_err(|_| E::custom(format!("{t:?} is not a decimal amount (e.g. \"5709000.50\")")))?;
        non_negative(d)
    }
}

fn non_negative<E: serde::de::Error>(d: Decimal) -> Result<Decimal, E> {
    if d.is_sign_negative() { Err(E::custom(format!("{d} is below zero"))) } else { Ok(d) }
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
        Err(FactsError::at(
            path,
            Said::new("facts-occupation", format!("{code} is not in the classifier of occupations"))
                .text("value", code.to_string()),
        ))
    }
}

/// A country must be an ISO 3166-1 alpha-3 code of `data/countries.csv`.
pub(super) fn known_country(path: &str, code: &str) -> Result<(), FactsError> {
    if crate::country::by_alpha3(code).is_some() {
        Ok(())
    } else {
        Err(FactsError::at(
            path,
            Said::new(
                "facts-country",
                format!("{code:?} is not an ISO 3166-1 alpha-3 country code (e.g. \"UZB\")"),
            )
            .text("value", code),
        ))
    }
}
