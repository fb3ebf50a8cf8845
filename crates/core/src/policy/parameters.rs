//! Parameters: every number the law sets — an amount, a threshold, a period, a quota — with its
//! unit and its dated values, each with the legal basis that set it. "The value of P on date D"
//! is one function, [`Parameters::value`].

use super::{LegalBasis, in_force};
use jiff::civil::Date;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What a parameter's number counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Unit {
    /// Monthly calculation index (айлық есептік көрсеткіш, АЕК / МРП).
    #[serde(rename = "MCI")]
    Mci,
    #[serde(rename = "KZT")]
    Kzt,
    #[serde(rename = "USD")]
    Usd,
    #[serde(rename = "days")]
    Days,
    #[serde(rename = "months")]
    Months,
    #[serde(rename = "years")]
    Years,
    #[serde(rename = "count")]
    Count,
    #[serde(rename = "m2")]
    SquareMetres,
    #[serde(rename = "percent")]
    Percent,
}

impl Unit {
    pub fn as_str(self) -> &'static str {
        match self {
            Unit::Mci => "MCI",
            Unit::Kzt => "KZT",
            Unit::Usd => "USD",
            Unit::Days => "days",
            Unit::Months => "months",
            Unit::Years => "years",
            Unit::Count => "count",
            Unit::SquareMetres => "m2",
            Unit::Percent => "percent",
        }
    }
}

/// One dated value. Numbers are written as TOML strings (`"3450"`, `"0.23"`) so that no amount
/// passes through a floating-point number.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Value {
    pub from: Date,
    #[serde(with = "rust_decimal::serde::str")]
    pub value: Decimal,
    pub basis: LegalBasis,
}

/// A parameter: what it is, its unit, its values over time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Parameter {
    pub description: String,
    pub unit: Unit,
    pub values: Vec<Value>,
}

/// Every parameter of a policy file, by name.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Parameters(pub BTreeMap<String, Parameter>);

/// A parameter's value on a date, with what it was set by.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InForce {
    pub name: String,
    pub value: Decimal,
    pub unit: Unit,
    /// The date this value has applied from.
    pub from: Date,
    pub basis: LegalBasis,
}

/// Why a parameter has no value on a date.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LookupError {
    #[error("the policy has no parameter `{0}`")]
    Unknown(String),
    #[error("parameter `{name}` has no value in force on {on} (its first value applies from {first})")]
    NotYetInForce { name: String, on: Date, first: Date },
}

impl Parameters {
    /// The value of `name` in force on `on`: the latest whose `from` is on or before it.
    pub fn value(&self, name: &str, on: Date) -> Result<InForce, LookupError> {
        let p = self.0.get(name).ok_or_else(|| LookupError::Unknown(name.to_string()))?;
        let versions: Vec<super::Versioned<&Value>> = p
            .values
            .iter()
            .map(|v| super::Versioned { from: v.from, basis: v.basis.clone(), value: v })
            .collect();
        match in_force(&versions, on) {
            Some(v) => Ok(InForce {
                name: name.to_string(),
                value: v.value.value,
                unit: p.unit,
                from: v.from,
                basis: v.basis.clone(),
            }),
            None => Err(LookupError::NotYetInForce {
                name: name.to_string(),
                on,
                first: p.values.first().map_or(on, |v| v.from),
            }),
        }
    }

    /// An amount set in MCI, in tenge with the MCI in force on `on` (the parameter `mci`).
    pub fn mci_to_kzt(&self, amount_mci: Decimal, on: Date) -> Result<(Decimal, InForce), LookupError> {
        let mci = self.value("mci", on)?;
        Ok((amount_mci * mci.value, mci))
    }

    pub(super) fn check(&self) -> Result<(), (String, String)> {
        for (name, p) in &self.0 {
            if !name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_') {
                return Err((name.clone(), "parameter names are lower-case words joined by `_`".into()));
            }
            if p.values.is_empty() {
                return Err((format!("{name}.values"), "needs at least one value".into()));
            }
            for (i, pair) in p.values.windows(2).enumerate() {
                if pair[1].from <= pair[0].from {
                    return Err((
                        format!("{name}.values[{}].from", i + 1),
                        format!("{} is not after the previous value's {}", pair[1].from, pair[0].from),
                    ));
                }
            }
            for (i, v) in p.values.iter().enumerate() {
                if v.value.is_sign_negative() {
                    return Err((format!("{name}.values[{i}].value"), format!("{} is negative", v.value)));
                }
            }
        }
        Ok(())
    }
}
