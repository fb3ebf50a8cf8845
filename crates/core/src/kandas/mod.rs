//! Kandas resettlement (DOMAIN.md §3): an ethnic Kazakh's application to resettle with their
//! family in a region, the check of kandas status, the regional quota and the incentives due for
//! settling in a designated region — a relocation subsidy per family member and a monthly rent
//! subsidy — computed with the policy's parameters in force on the date, each figure naming the
//! values it used.

#[cfg(test)]
mod tests;

use crate::policy::{LookupError, Policy, Unit, Used};
use crate::text::{self, Kind};
use jiff::civil::Date;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The regional parameter of each region's share of the annual quota, people.
pub const QUOTA_BY_REGION: &str = "kandas_quota_by_region";
/// The regional parameter marking the designated regions (1) and the others (0).
pub const DESIGNATED: &str = "kandas_designated_region";
/// The regional parameter of the monthly rent subsidy, MCI.
pub const RENT_MCI: &str = "kandas_rent_subsidy_mci";
/// The parameter of the months for which rent is subsidised.
pub const RENT_MONTHS: &str = "kandas_rent_subsidy_months";
/// The parameter of the relocation subsidy per family member, MCI.
pub const RELOCATION_MCI: &str = "kandas_relocation_subsidy";

/// A person of the application.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub surname: String,
    pub given_names: String,
    pub birth_date: Date,
}

impl Person {
    pub fn name(&self) -> String {
        format!("{} {}", self.surname.trim(), self.given_names.trim()).trim().to_string()
    }
}

/// A family member who resettles with the applicant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Member {
    #[serde(flatten)]
    pub person: Person,
    /// spouse, child, parent, …
    #[serde(default)]
    pub relation: String,
}

/// The facts of a kandas application.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Application {
    pub applicant: Person,
    #[serde(default)]
    pub members: Vec<Member>,
    /// The country of origin, ISO 3166-1 alpha-3 (`MNG`, `CHN`, `UZB`).
    pub origin: String,
    /// The applicant declares being an ethnic Kazakh.
    pub ethnic_kazakh: bool,
    /// The applicant is already a citizen of Kazakhstan.
    #[serde(default)]
    pub citizen: bool,
    /// The region chosen for settlement, ISO 3166-2 (`KZ-59`).
    pub region: String,
}

impl Application {
    /// The family's size, the applicant included.
    pub fn family_size(&self) -> u32 {
        u32::try_from(self.members.len()).unwrap_or(u32::MAX - 1).saturating_add(1)
    }
}

/// Why an application is not one of a kandas.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StatusError {
    #[error("the applicant is not declared an ethnic Kazakh")]
    NotEthnicKazakh,
    #[error("the applicant is already a citizen of Kazakhstan")]
    Citizen,
    #[error("{0:?} is not a country code (ISO 3166-1 alpha-3)")]
    UnknownCountry(String),
    #[error("{0:?} is not a region of Kazakhstan")]
    UnknownRegion(String),
    #[error("{0}: a name is required")]
    NoName(String),
    #[error("{0}: born after the application date")]
    BornLater(String),
    /// A name that breaks the boundary text rules (control or bidi characters, too long).
    #[error("{0}")]
    Text(crate::text::TextError),
}

impl StatusError {
    /// The refusal in words, without its field: its code and typed arguments.
    pub fn said(&self) -> crate::said::Said {
        use crate::said::Said;
        let english = self.to_string();
        match self {
            StatusError::NotEthnicKazakh => Said::new("field-kandas-not-kazakh", english),
            StatusError::Citizen => Said::new("field-kandas-citizen", english),
            StatusError::UnknownCountry(c) => Said::new("field-country-code", english).text("value", c),
            StatusError::UnknownRegion(r) => Said::new("field-not-a-region", english).text("value", r),
            StatusError::NoName(_) => Said::new("field-name-needed", english),
            StatusError::BornLater(_) => Said::new("field-born-later", english),
            StatusError::Text(e) => crate::said::Said { english, ..e.said() },
        }
    }

    /// The field of the application the error is about.
    pub fn field(&self) -> String {
        match self {
            StatusError::NotEthnicKazakh => "ethnic_kazakh".into(),
            StatusError::Citizen => "citizen".into(),
            StatusError::UnknownCountry(_) => "origin".into(),
            StatusError::UnknownRegion(_) => "region".into(),
            StatusError::NoName(f) | StatusError::BornLater(f) => f.clone(),
            StatusError::Text(e) => e.field.clone(),
        }
    }
}

/// The check of kandas status on `on`: an ethnic Kazakh who is not a citizen of Kazakhstan, from
/// a known country, settling in a region of Kazakhstan, every person named and born by then.
pub fn check_status(app: &Application, on: Date) -> Result<(), StatusError> {
    let people = std::iter::once(("applicant".to_string(), &app.applicant))
        .chain(app.members.iter().enumerate().map(|(i, m)| (format!("members[{i}]"), &m.person)));
    let relations =
        app.members.iter().enumerate().map(|(i, m)| (format!("members[{i}].relation"), &m.relation));
    for (field, relation) in relations {
        text::check(&field, Kind::Name, relation).map_err(StatusError::Text)?;
    }
    for (field, p) in people {
        text::check(&format!("{field}.surname"), Kind::Name, &p.surname).map_err(StatusError::Text)?;
        text::check(&format!("{field}.given_names"), Kind::Name, &p.given_names)
            .map_err(StatusError::Text)?;
        if p.surname.trim().is_empty() && p.given_names.trim().is_empty() {
            return Err(StatusError::NoName(field));
        }
        if p.birth_date > on {
            return Err(StatusError::BornLater(format!("{field}.birth_date")));
        }
    }
    if crate::country::by_alpha3(&app.origin).is_none() || app.origin.trim().eq_ignore_ascii_case("KAZ") {
        return Err(StatusError::UnknownCountry(app.origin.clone()));
    }
    if crate::region::by_code(&app.region).is_none() {
        return Err(StatusError::UnknownRegion(app.region.clone()));
    }
    if !app.ethnic_kazakh {
        return Err(StatusError::NotEthnicKazakh);
    }
    if app.citizen {
        return Err(StatusError::Citizen);
    }
    Ok(())
}

/// A parameter value a figure used, with its date and basis (owned, to be stored).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ParameterUsed {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    #[serde(with = "rust_decimal::serde::str")]
    pub value: Decimal,
    pub unit: String,
    pub from: Date,
    pub basis: String,
}

impl From<Used<'_>> for ParameterUsed {
    fn from(u: Used<'_>) -> Self {
        ParameterUsed {
            name: u.name.to_string(),
            region: u.region.map(str::to_string),
            value: u.value,
            unit: u.unit.as_str().to_string(),
            from: u.from,
            basis: u.basis.to_string(),
        }
    }
}

/// The subsidies due to a family settling in a region on a date, in tenge.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Subsidies {
    pub region: String,
    pub on: Date,
    pub family_size: u32,
    pub designated: bool,
    /// Relocation: MCI per member × family size × MCI.
    #[serde(with = "rust_decimal::serde::str")]
    pub relocation_kzt: Decimal,
    /// Rent a month (0 outside a designated region).
    #[serde(with = "rust_decimal::serde::str")]
    pub rent_monthly_kzt: Decimal,
    pub rent_months: u32,
    #[serde(with = "rust_decimal::serde::str")]
    pub rent_kzt: Decimal,
    #[serde(with = "rust_decimal::serde::str")]
    pub total_kzt: Decimal,
    /// Every parameter value used, with its date and legal basis.
    pub used: Vec<ParameterUsed>,
}

/// Whether `region` is designated for kandas settlement on `on`.
pub fn designated(policy: &Policy, region: &str, on: Date) -> Result<bool, LookupError> {
    Ok(policy.regional_parameters.get(DESIGNATED, region, on)?.value > Decimal::ZERO)
}

/// The places of `region` in the kandas quota of `year` (its value on 1 January).
pub fn quota(policy: &Policy, region: &str, year: i16) -> Result<i64, LookupError> {
    let on = Date::new(year, 1, 1).map_err(|_| LookupError::Unknown(format!("year {year}")))?;
    let v = policy.regional_parameters.get(QUOTA_BY_REGION, region, on)?.value;
    Ok(rust_decimal::prelude::ToPrimitive::to_i64(&v.trunc()).unwrap_or(0))
}

/// The subsidies due to a family of `family_size` (applicant included) assigned to `region` on
/// `on`, with the MCI in force on `on`.
pub fn subsidies(
    policy: &Policy,
    region: &str,
    family_size: u32,
    on: Date,
) -> Result<Subsidies, LookupError> {
    let mci = policy.parameters.get("mci", on)?;
    let per_member = policy.parameters.get(RELOCATION_MCI, on)?;
    let flag = policy.regional_parameters.get(DESIGNATED, region, on)?;
    let is_designated = flag.value > Decimal::ZERO;
    let size = Decimal::from(family_size);
    let relocation_kzt = per_member.value * size * mci.value;
    let mut used: Vec<ParameterUsed> = vec![mci.into(), per_member.into(), flag.into()];
    let (rent_monthly_kzt, rent_months) = if is_designated {
        let rent = policy.regional_parameters.get(RENT_MCI, region, on)?;
        let months = policy.parameters.get(RENT_MONTHS, on)?;
        debug_assert!(rent.unit == Unit::Mci);
        let monthly = rent.value * mci.value;
        let n = rust_decimal::prelude::ToPrimitive::to_u32(&months.value.trunc()).unwrap_or(0);
        used.push(rent.into());
        used.push(months.into());
        (monthly, n)
    } else {
        (Decimal::ZERO, 0)
    };
    let rent_kzt = rent_monthly_kzt * Decimal::from(rent_months);
    Ok(Subsidies {
        region: region.to_string(),
        on,
        family_size,
        designated: is_designated,
        relocation_kzt,
        rent_monthly_kzt,
        rent_months,
        rent_kzt,
        total_kzt: relocation_kzt + rent_kzt,
        used,
    })
}
