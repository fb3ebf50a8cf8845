//! The policy file: every number and rule-setting the law fixes, with the dates from which each
//! version applies and its legal basis. Shipped as `data/policy/kz.toml` (compiled in); another
//! file can be given instead. Read once, checked whole, then asked "what applied on date D?".

pub mod basis;
pub mod holidays;
pub mod parameters;
pub mod points;
pub mod rules;
pub mod sectors;
mod shape;
pub mod stay_groups;

use crate::labour::methodology::Methodology;
use crate::occupation::OccupationCode;
use crate::said::Said;
pub use basis::{Acts, LegalBasis, Wording};
pub use holidays::Holidays;
use jiff::civil::Date;
pub use parameters::{InForce, LookupError, Parameters, RegionalParameters, Unit, Used};
pub use points::PointsGrid;
pub use rules::RuleBases;
pub use sectors::SectorMap;
use serde::{Deserialize, Serialize};
pub use stay_groups::{Group, StayGroups};

const KZ_TOML: &str = include_str!("../../../../data/policy/kz.toml");

/// One version of something the policy fixes, applying from a date until the next version.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Versioned<T> {
    pub from: Date,
    pub basis: LegalBasis,
    pub value: T,
}

/// The version in force on a date: the latest whose `from` is on or before it.
pub fn in_force<T>(versions: &[Versioned<T>], on: Date) -> Option<&Versioned<T>> {
    versions.iter().filter(|v| v.from <= on).max_by_key(|v| v.from)
}

/// A whole policy file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Policy {
    pub meta: Meta,
    /// The acts the bases cite, by id, each titled in Kazakh, Russian and English.
    #[serde(default)]
    pub acts: Acts,
    /// Every number the law sets, with its unit and dated values.
    #[serde(default)]
    pub parameters: Parameters,
    /// Numbers set for each region (the average price of housing per m²).
    #[serde(default)]
    pub regional_parameters: RegionalParameters,
    /// The legal basis of every rule of the five programmes, and its repeal if any.
    pub rules: RuleBases,
    /// The provision each ground of cancelling a permit rests on, by ground
    /// ([`crate::cases::permit::CancellationGround`]), with its versions.
    #[serde(default)]
    pub cancellation_grounds: std::collections::BTreeMap<String, Vec<rules::RuleVersion>>,
    /// The valuable-skills visa's points grid.
    pub valuable_skills_points: Vec<Versioned<PointsGrid>>,
    /// Occupations whose holders may acquire citizenship in the simplified procedure (a ground
    /// of the Ata zholy card). A code names a group and everything in it.
    pub simplified_citizenship_occupations: Vec<Versioned<Vec<OccupationCode>>>,
    /// The occupations of each priority sector.
    pub sectors: Vec<Versioned<SectorMap>>,
    /// How the list of professions in demand and the ranking of valuable skills are formed.
    pub list_methodology: Vec<Versioned<Methodology>>,
    /// Which nationalities stay under the EAEU rule and which under the visa-free rule.
    pub stay_groups: Vec<Versioned<StayGroups>>,
    /// The public holidays, for counting working days.
    pub holidays: Holidays,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    pub jurisdiction: String,
    /// A label for this edition of the file, shown beside every result computed from it.
    pub edition: String,
}

/// Why a policy file was refused: where in it and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}: {reason}")]
pub struct PolicyError {
    /// The key path of the bad value (`list_methodology[0].value.k`), or [`PolicyError::FILE`]
    /// when the file as a whole does not read (its line and column are then in the reason).
    pub path: String,
    /// Why, as a message code (`policy-…`) with its arguments and its English.
    pub reason: Said,
}

impl PolicyError {
    /// The path of a refusal of the whole file (not TOML, not UTF-8).
    pub const FILE: &'static str = "(file)";

    fn at(path: impl Into<String>, reason: Said) -> PolicyError {
        PolicyError { path: path.into(), reason }
    }

    /// Whether the refusal names a key of the file rather than the file as a whole.
    pub fn has_key(&self) -> bool {
        self.path != PolicyError::FILE
    }
}

/// A refusal of a part's own check: its key (below the part) and why.
pub(crate) type Refusal = (String, Said);

/// A decimal figure of the file as an argument: a number when it is one, else as written.
pub(crate) fn figure(x: f64) -> crate::said::Value {
    match rust_decimal::Decimal::try_from(x) {
        Ok(d) if x.is_finite() => crate::said::Value::Number(d.normalize()),
        _ => crate::said::Value::Text(x.to_string()),
    }
}

impl Policy {
    /// Reads and checks a policy file given as bytes: refused unless it is UTF-8 text.
    pub fn parse_bytes(bytes: &[u8]) -> Result<Policy, PolicyError> {
        match std::str::from_utf8(bytes) {
            Ok(text) => Policy::parse(text),
            Err(e) => Err(PolicyError::at(PolicyError::FILE, shape::not_utf8(bytes, &e))),
        }
    }

    /// Reads and checks a policy file's text.
    pub fn parse(text: &str) -> Result<Policy, PolicyError> {
        let de = toml::Deserializer::parse(text)
            .map_err(|e| PolicyError::at(PolicyError::FILE, shape::syntax(text, &e)))?;
        let mut policy: Policy = serde_path_to_error::deserialize(de)
            .map_err(|e| PolicyError::at(e.path().to_string(), shape::shape(text, e.inner())))?;
        policy.check()?;
        let acts = policy.acts.clone();
        for (_, basis) in policy.bases_mut() {
            basis.resolve(&acts);
        }
        policy.rules.index(&crate::rules::catalogue::ids());
        policy.parameters.index(REQUIRED_PARAMETERS);
        policy.regional_parameters.index();
        Ok(policy)
    }

    /// The policy compiled into this binary (`data/policy/kz.toml`).
    pub fn kz() -> Result<Policy, PolicyError> {
        Policy::parse(KZ_TOML)
    }

    fn check(&self) -> Result<(), PolicyError> {
        self.parameters
            .check()
            .map_err(|(key, reason)| PolicyError::at(format!("parameters.{key}"), reason))?;
        self.regional_parameters
            .check()
            .map_err(|(key, reason)| PolicyError::at(format!("regional_parameters.{key}"), reason))?;
        self.rules
            .check(&crate::rules::catalogue::ids())
            .map_err(|(key, reason)| PolicyError::at(format!("rules.{key}"), reason))?;
        check_dates("valuable_skills_points", &self.valuable_skills_points)?;
        for (i, v) in self.valuable_skills_points.iter().enumerate() {
            v.value.check().map_err(|(key, reason)| {
                PolicyError::at(format!("valuable_skills_points[{i}].value.{key}"), reason)
            })?;
        }
        check_dates("simplified_citizenship_occupations", &self.simplified_citizenship_occupations)?;
        for (i, v) in self.simplified_citizenship_occupations.iter().enumerate() {
            for (j, code) in v.value.iter().enumerate() {
                if crate::occupation::classifier().get(code).is_none() {
                    return Err(PolicyError::at(
                        format!("simplified_citizenship_occupations[{i}].value[{j}]"),
                        not_a_group(code),
                    ));
                }
            }
        }
        for name in REQUIRED_PARAMETERS {
            if !self.parameters.0.contains_key(*name) {
                return Err(PolicyError::at(
                    format!("parameters.{name}"),
                    Said::new("policy-parameter-required", "missing: the rules use it").text("name", *name),
                ));
            }
        }
        if !self.regional_parameters.0.contains_key("housing_price_m2") {
            return Err(PolicyError::at(
                "regional_parameters.housing_price_m2",
                Said::new("policy-regional-required", "missing: the permanent-residence rule uses it")
                    .text("name", "housing_price_m2"),
            ));
        }
        let grounds = crate::cases::permit::CancellationGround::ALL.map(|g| g.as_str());
        for (id, versions) in &self.cancellation_grounds {
            if !grounds.contains(&id.as_str()) {
                let grounds = grounds.join(", ");
                return Err(PolicyError::at(
                    format!("cancellation_grounds.{id}"),
                    Said::new("policy-ground-unknown", format!("unknown ground; the grounds are: {grounds}"))
                        .text("ground", id)
                        .text("grounds", grounds),
                ));
            }
            if versions.is_empty() {
                return Err(PolicyError::at(format!("cancellation_grounds.{id}"), no_version()));
            }
        }
        if !self.cancellation_grounds.is_empty()
            && let Some(g) = grounds.iter().find(|g| !self.cancellation_grounds.contains_key(**g))
        {
            return Err(PolicyError::at(
                format!("cancellation_grounds.{g}"),
                Said::new("policy-ground-missing", "missing: a permit can be cancelled on this ground")
                    .text("ground", *g),
            ));
        }
        check_dates("stay_groups", &self.stay_groups)?;
        for (i, v) in self.stay_groups.iter().enumerate() {
            v.value
                .check()
                .map_err(|(key, reason)| PolicyError::at(format!("stay_groups[{i}].value.{key}"), reason))?;
        }
        self.holidays.check().map_err(|(key, reason)| PolicyError::at(format!("holidays.{key}"), reason))?;
        check_dates("sectors", &self.sectors)?;
        check_dates("list_methodology", &self.list_methodology)?;
        for (i, v) in self.sectors.iter().enumerate() {
            v.value
                .check()
                .map_err(|(key, reason)| PolicyError::at(format!("sectors[{i}].value.{key}"), reason))?;
        }
        for (i, v) in self.list_methodology.iter().enumerate() {
            v.value.check().map_err(|(key, reason)| {
                PolicyError::at(format!("list_methodology[{i}].value.{key}"), reason)
            })?;
            // Every priority sector named must be defined by the sector map in force then.
            let Some(map) = in_force(&self.sectors, v.from) else {
                return Err(PolicyError::at(
                    format!("list_methodology[{i}].from"),
                    Said::new("policy-no-sector-map", format!("no sector map is in force on {}", v.from))
                        .date("date", v.from),
                ));
            };
            for s in &v.value.priority_sectors {
                if !map.value.0.contains_key(s) {
                    return Err(PolicyError::at(
                        format!("list_methodology[{i}].value.priority_sectors"),
                        Said::new(
                            "policy-sector-not-in-map",
                            format!("sector `{s}` is not in the sector map in force on {}", v.from),
                        )
                        .text("sector", s)
                        .date("date", v.from),
                    ));
                }
            }
        }
        Ok(())
    }

    /// Every legal basis of the file, with its key path.
    pub fn bases_mut(&mut self) -> Vec<(String, &mut LegalBasis)> {
        let mut out: Vec<(String, &mut LegalBasis)> = Vec::new();
        for (name, p) in &mut self.parameters.0 {
            for (i, v) in p.values.iter_mut().enumerate() {
                out.push((format!("parameters.{name}.values[{i}].basis"), &mut v.basis));
            }
        }
        for (name, p) in &mut self.regional_parameters.0 {
            for (i, v) in p.values.iter_mut().enumerate() {
                out.push((format!("regional_parameters.{name}.values[{i}].basis"), &mut v.basis));
            }
        }
        for (id, versions) in &mut self.rules.0 {
            for (i, v) in versions.iter_mut().enumerate() {
                out.push((format!("rules.\"{id}\"[{i}].basis"), &mut v.basis));
            }
        }
        for (id, versions) in &mut self.cancellation_grounds {
            for (i, v) in versions.iter_mut().enumerate() {
                out.push((format!("cancellation_grounds.{id}[{i}].basis"), &mut v.basis));
            }
        }
        fn each<'a, T>(out: &mut Vec<(String, &'a mut LegalBasis)>, name: &str, vs: &'a mut [Versioned<T>]) {
            for (i, v) in vs.iter_mut().enumerate() {
                out.push((format!("{name}[{i}].basis"), &mut v.basis));
            }
        }
        each(&mut out, "valuable_skills_points", &mut self.valuable_skills_points);
        each(&mut out, "simplified_citizenship_occupations", &mut self.simplified_citizenship_occupations);
        each(&mut out, "sectors", &mut self.sectors);
        each(&mut out, "list_methodology", &mut self.list_methodology);
        each(&mut out, "stay_groups", &mut self.stay_groups);
        out.push(("holidays.basis".into(), &mut self.holidays.basis));
        out
    }

    /// A parameter (national or regional) in words in `lang`, with the citation of its version
    /// that applied from `from`; `None` for a parameter this file does not have. What a page
    /// shows for a parameter a stored figure used.
    pub fn parameter_words(
        &self,
        name: &str,
        from: Date,
        lang: crate::locale::Language,
    ) -> Option<(String, Option<String>)> {
        if let Some(p) = self.parameters.0.get(name) {
            let basis = p.values.iter().find(|v| v.from == from).map(|v| v.basis.cite_in(lang));
            return Some((p.description.get(lang).to_string(), basis));
        }
        let p = self.regional_parameters.0.get(name)?;
        let basis = p.values.iter().find(|v| v.from == from).map(|v| v.basis.cite_in(lang));
        Some((p.description.get(lang).to_string(), basis))
    }

    /// The provision a ground of cancellation (`solvency_not_confirmed`) rests on, on `on`.
    pub fn cancellation_basis(&self, ground: &str, on: Date) -> Option<&LegalBasis> {
        let versions = self.cancellation_grounds.get(ground)?;
        versions.iter().filter(|v| v.from <= on).max_by_key(|v| v.from).map(|v| &v.basis)
    }

    /// The value of a parameter on a date, with its unit and legal basis.
    pub fn parameter(&self, name: &str, on: Date) -> Result<InForce, LookupError> {
        self.parameters.value(name, on)
    }

    pub fn points_on(&self, on: Date) -> Option<&Versioned<PointsGrid>> {
        in_force(&self.valuable_skills_points, on)
    }

    pub fn simplified_citizenship_on(&self, on: Date) -> Option<&Versioned<Vec<OccupationCode>>> {
        in_force(&self.simplified_citizenship_occupations, on)
    }

    pub fn sectors_on(&self, on: Date) -> Option<&Versioned<SectorMap>> {
        in_force(&self.sectors, on)
    }

    pub fn methodology_on(&self, on: Date) -> Option<&Versioned<Methodology>> {
        in_force(&self.list_methodology, on)
    }

    /// The version of the citizenship groups in force on `on`.
    pub fn stay_groups_on(&self, on: Date) -> Option<&Versioned<StayGroups>> {
        in_force(&self.stay_groups, on)
    }

    /// The rule of stay of a nationality (alpha-3, any case) on `on`. `KAZ` is
    /// [`Group::Citizen`]; a code in neither list, and any code before the first version of the
    /// groups, is [`Group::VisaRequired`] (the register refuses such a date, see
    /// [`crate::register::status`]).
    pub fn stay_group(&self, nationality: &str, on: Date) -> Group {
        let code = nationality.trim().to_ascii_uppercase();
        match self.stay_groups_on(on) {
            Some(v) => v.value.group(&code),
            None if code == stay_groups::CITIZENS => Group::Citizen,
            None => Group::VisaRequired,
        }
    }

    /// Whether `day` is a working day: not a Saturday, Sunday or public holiday of the policy.
    pub fn is_working_day(&self, day: Date) -> bool {
        self.holidays.is_working_day(day)
    }

    /// The `n`-th working day after `day` (`day` itself for 0): Saturdays, Sundays and the
    /// policy's public holidays are not working days.
    pub fn add_working_days(&self, day: Date, n: u32) -> Date {
        self.holidays.add_working_days(day, n)
    }

    /// Working days after `after` up to and including `through`.
    pub fn working_days_after(&self, after: Date, through: Date) -> u32 {
        self.holidays.working_days_after(after, through)
    }
}

/// The parameters the rules read: a policy file without one of them is refused at load.
pub const REQUIRED_PARAMETERS: &[&str] = &[
    "mci",
    "pr_solvency_per_applicant",
    "pr_solvency_min_age",
    "pr_housing_norm",
    "pr_bank_certificate_validity",
    "pr_validity",
    "investor_threshold",
    "long_term_visa_validity",
    "ata_zholy_validity",
    "valuable_skills_min_trainees",
    "valuable_skills_report_months",
    "valuable_skills_report_grace_days",
    "refugee_application_days",
    "asylum_certificate_validity",
];

fn check_dates<T>(name: &str, versions: &[Versioned<T>]) -> Result<(), PolicyError> {
    if versions.is_empty() {
        return Err(PolicyError::at(name, no_version()));
    }
    for (i, pair) in versions.windows(2).enumerate() {
        if pair[1].from <= pair[0].from {
            return Err(PolicyError::at(
                format!("{name}[{}].from", i + 1),
                version_order(pair[1].from, pair[0].from),
            ));
        }
    }
    Ok(())
}

/// "Needs at least one version."
pub(crate) fn no_version() -> Said {
    Said::new("policy-no-version", "needs at least one version")
}

/// A version dated on or before the one it follows.
pub(crate) fn version_order(date: Date, previous: Date) -> Said {
    Said::new("policy-version-order", format!("{date} is not after the previous version's {previous}"))
        .date("date", date)
        .date("previous", previous)
}

/// An occupation code that names no group of the classifier.
pub(crate) fn not_a_group(code: &OccupationCode) -> Said {
    Said::new("policy-not-a-group", format!("{code} is not a group of the classifier"))
        .text("code", code.to_string())
}

#[cfg(test)]
mod tests;
