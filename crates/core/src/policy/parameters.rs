//! Parameters: every number the law sets — an amount, a threshold, a period, a quota — with its
//! unit and its dated values, each with the legal basis that set it. "The value of P on date D"
//! is one function, [`Parameters::value`].

use super::{LegalBasis, Refusal, Wording};
use crate::said::Said;
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
    /// What the parameter is, in words (the three languages in the file shipped).
    pub description: Wording,
    pub unit: Unit,
    pub values: Vec<Value>,
}

/// Every parameter of a policy file, by name.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Parameters(
    pub BTreeMap<String, Parameter>,
    /// The parameters the rules read, in the order of `REQUIRED_PARAMETERS`, looked up by place
    /// for every decision. Built when the file is read.
    #[serde(skip)]
    pub(crate) Vec<(String, Parameter)>,
);

/// A parameter's value on a date, with what it was set by.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InForce {
    pub name: String,
    /// What the parameter is, in words.
    #[serde(skip)]
    pub description: Wording,
    pub value: Decimal,
    pub unit: Unit,
    /// The date this value has applied from.
    pub from: Date,
    pub basis: LegalBasis,
}

/// A parameter's value on a date, borrowed from the policy: what a rule records as "used".
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Used<'p> {
    pub name: &'p str,
    /// What the parameter is, in words: what pages show instead of its name.
    #[serde(skip)]
    pub description: &'p Wording,
    /// For a regional parameter, the region whose value this is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<&'p str>,
    #[serde(with = "rust_decimal::serde::str")]
    pub value: Decimal,
    pub unit: Unit,
    /// The date this value has applied from.
    pub from: Date,
    pub basis: &'p LegalBasis,
}

/// Why a parameter has no value on a date.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LookupError {
    #[error("the policy has no parameter `{0}`")]
    Unknown(String),
    #[error("parameter `{name}` has no value in force on {on} (its first value applies from {first})")]
    NotYetInForce { name: String, on: Date, first: Date },
    #[error("parameter `{name}` has no value for region {region} on {on}")]
    NoRegion { name: String, region: String, on: Date },
}

impl Parameters {
    pub(super) fn index(&mut self, names: &[&str]) {
        self.1 = names
            .iter()
            .filter_map(|n| self.0.get_key_value(*n).map(|(k, p)| (k.clone(), p.clone())))
            .collect();
    }

    /// The value in force on `on` of the parameter at `index` of `REQUIRED_PARAMETERS`.
    pub fn at(&self, index: usize, on: Date) -> Result<Used<'_>, LookupError> {
        let Some((name, p)) = self.1.get(index) else {
            return Err(LookupError::Unknown(format!("#{index}")));
        };
        let v = latest(&p.values, |v| v.from, name, on)?;
        Ok(Used {
            name,
            description: &p.description,
            region: None,
            value: v.value,
            unit: p.unit,
            from: v.from,
            basis: &v.basis,
        })
    }

    /// The value of `name` in force on `on`: the latest whose `from` is on or before it.
    pub fn value(&self, name: &str, on: Date) -> Result<InForce, LookupError> {
        let u = self.get(name, on)?;
        Ok(InForce {
            name: name.to_string(),
            description: u.description.clone(),
            value: u.value,
            unit: u.unit,
            from: u.from,
            basis: u.basis.clone(),
        })
    }

    /// The same lookup, borrowing from the policy (no copies: the rules call it per applicant).
    pub fn get(&self, name: &str, on: Date) -> Result<Used<'_>, LookupError> {
        let (key, p) = self.0.get_key_value(name).ok_or_else(|| LookupError::Unknown(name.to_string()))?;
        let v = latest(&p.values, |v| v.from, name, on)?;
        Ok(Used {
            name: key,
            description: &p.description,
            region: None,
            value: v.value,
            unit: p.unit,
            from: v.from,
            basis: &v.basis,
        })
    }

    /// An amount set in MCI, in tenge with the MCI in force on `on` (the parameter `mci`).
    pub fn mci_to_kzt(&self, amount_mci: Decimal, on: Date) -> Result<(Decimal, InForce), LookupError> {
        let mci = self.value("mci", on)?;
        Ok((amount_mci * mci.value, mci))
    }

    pub(super) fn check(&self) -> Result<(), Refusal> {
        for (name, p) in &self.0 {
            if !name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_') {
                return Err((
                    name.clone(),
                    Said::new("policy-parameter-name", "parameter names are lower-case words joined by `_`")
                        .text("name", name),
                ));
            }
            if p.values.is_empty() {
                return Err((format!("{name}.values"), no_value()));
            }
            check_order(name, &p.values, |v| v.from)?;
            for (i, v) in p.values.iter().enumerate() {
                if v.value.is_sign_negative() {
                    return Err((format!("{name}.values[{i}].value"), negative(v.value)));
                }
            }
        }
        Ok(())
    }
}

/// One dated value of a regional parameter: a number for every region.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegionalValue {
    pub from: Date,
    pub basis: LegalBasis,
    /// By ISO 3166-2 region code (`KZ-75`); values are quoted decimals.
    pub by_region: BTreeMap<String, Decimal>,
    /// The same by region index (`Region::index`), built when the file is read.
    #[serde(skip)]
    pub(crate) by_index: Vec<Option<(String, Decimal)>>,
}

/// A number set for each region (the average price of housing per m², say).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegionalParameter {
    /// What the parameter is, in words (the three languages in the file shipped).
    pub description: Wording,
    pub unit: Unit,
    pub values: Vec<RegionalValue>,
}

/// Every regional parameter, by name.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct RegionalParameters(pub BTreeMap<String, RegionalParameter>);

impl RegionalParameters {
    pub(super) fn index(&mut self) {
        for p in self.0.values_mut() {
            for v in &mut p.values {
                v.by_index = crate::region::all()
                    .iter()
                    .map(|r| v.by_region.get_key_value(&r.code).map(|(k, d)| (k.clone(), *d)))
                    .collect();
            }
        }
    }

    /// [`RegionalParameters::get`] by the region's index.
    pub fn at<'p>(
        &'p self,
        name: &str,
        region: &crate::region::Region,
        on: Date,
    ) -> Result<Used<'p>, LookupError> {
        let (key, p) = self.0.get_key_value(name).ok_or_else(|| LookupError::Unknown(name.to_string()))?;
        let v = latest(&p.values, |v| v.from, name, on)?;
        match v.by_index.get(region.index).and_then(Option::as_ref) {
            Some((code, value)) => Ok(Used {
                name: key,
                description: &p.description,
                region: Some(code),
                value: *value,
                unit: p.unit,
                from: v.from,
                basis: &v.basis,
            }),
            None => Err(LookupError::NoRegion { name: name.to_string(), region: region.code.clone(), on }),
        }
    }

    /// The value of `name` for `region` in force on `on`.
    pub fn get<'p>(&'p self, name: &str, region: &str, on: Date) -> Result<Used<'p>, LookupError> {
        let (key, p) = self.0.get_key_value(name).ok_or_else(|| LookupError::Unknown(name.to_string()))?;
        let v = latest(&p.values, |v| v.from, name, on)?;
        match v.by_region.get_key_value(region) {
            Some((code, value)) => Ok(Used {
                name: key,
                description: &p.description,
                region: Some(code),
                value: *value,
                unit: p.unit,
                from: v.from,
                basis: &v.basis,
            }),
            None => Err(LookupError::NoRegion { name: name.to_string(), region: region.to_string(), on }),
        }
    }

    pub(super) fn check(&self) -> Result<(), Refusal> {
        for (name, p) in &self.0 {
            if p.values.is_empty() {
                return Err((format!("{name}.values"), no_value()));
            }
            check_order(name, &p.values, |v| v.from)?;
            for (i, v) in p.values.iter().enumerate() {
                for region in crate::region::all() {
                    if !v.by_region.contains_key(&region.code) {
                        return Err((
                            format!("{name}.values[{i}].by_region"),
                            Said::new(
                                "policy-region-missing",
                                format!("no value for {} ({})", region.code, region.name_en),
                            )
                            .text("code", &region.code)
                            .region("region", &region.code),
                        ));
                    }
                }
                for (code, value) in &v.by_region {
                    if crate::region::by_code(code).is_none() {
                        return Err((
                            format!("{name}.values[{i}].by_region.{code}"),
                            Said::new("policy-region-code", "not a region code").text("code", code),
                        ));
                    }
                    if value.is_sign_negative() {
                        return Err((format!("{name}.values[{i}].by_region.{code}"), negative(*value)));
                    }
                }
            }
        }
        Ok(())
    }
}

/// The latest of dated values (in increasing date order, as checked) whose date is on or
/// before `on`.
fn latest<'a, V>(values: &'a [V], from: fn(&V) -> Date, name: &str, on: Date) -> Result<&'a V, LookupError> {
    let i = values.partition_point(|v| from(v) <= on);
    i.checked_sub(1).and_then(|i| values.get(i)).ok_or_else(|| LookupError::NotYetInForce {
        name: name.to_string(),
        on,
        first: values.first().map_or(on, from),
    })
}

/// Dated values must be in strictly increasing date order.
fn check_order<V>(name: &str, values: &[V], from: fn(&V) -> Date) -> Result<(), Refusal> {
    for (i, pair) in values.windows(2).enumerate() {
        let (a, b) = (from(&pair[0]), from(&pair[1]));
        if b <= a {
            return Err((
                format!("{name}.values[{}].from", i + 1),
                Said::new("policy-value-order", format!("{b} is not after the previous value's {a}"))
                    .date("date", b)
                    .date("previous", a),
            ));
        }
    }
    Ok(())
}

fn no_value() -> Said {
    Said::new("policy-no-value", "needs at least one value")
}

fn negative(value: Decimal) -> Said {
    Said::new("policy-negative", format!("{value} is negative"))
        .with("value", crate::said::Value::Number(value))
}
