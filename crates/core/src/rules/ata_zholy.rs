//! The "Ata zholy" card (DOMAIN.md §3): a simplified 10-year visa with the right to run a
//! business. Base rule: an ethnic Kazakh living abroad who qualifies on one of three grounds —
//! an occupation on the list of professions in demand in force, an occupation on the list for
//! simplified citizenship (policy file), or a business registered abroad. Term:
//! `ata_zholy_validity` years within the passport's validity.

use super::catalogue;
use super::decision::{Arg, CheckResult, Decision, Outcome};
use super::facts::{FactsError, date, known_country, known_occupation};
use super::support::{Eval, on_list_in_force};
use super::{Context, EvalError, Programme};
use crate::occupation::OccupationCode;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct AtaZholyFacts {
    pub ethnic_kazakh: bool,
    /// Where the applicant lives: ISO 3166-1 alpha-3 (`MNG`, `CHN`, `UZB`, …).
    pub country_of_residence: String,
    #[serde(deserialize_with = "date")]
    pub passport_expiry: Date,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub occupation: Option<OccupationCode>,
    /// A business the applicant owns, registered abroad; null when none.
    #[serde(default)]
    pub business_abroad: Option<BusinessAbroad>,
    pub criminal_record: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct BusinessAbroad {
    pub name: String,
    /// ISO 3166-1 alpha-3 of the country of registration.
    pub country: String,
    #[serde(deserialize_with = "date")]
    pub registered_on: Date,
}

impl AtaZholyFacts {
    pub(super) fn check(&self) -> Result<(), FactsError> {
        known_country("country_of_residence", &self.country_of_residence)?;
        if let Some(code) = &self.occupation {
            known_occupation("occupation", code)?;
        }
        if let Some(b) = &self.business_abroad {
            known_country("business_abroad.country", &b.country)?;
            if b.name.trim().is_empty() {
                return Err(FactsError::empty("business_abroad.name"));
            }
        }
        Ok(())
    }
}

pub fn evaluate<'p>(
    f: &AtaZholyFacts,
    on: Date,
    ctx: &Context<'p>,
    full: bool,
) -> Result<Decision<'p>, EvalError> {
    let mut ev = Eval::start(Programme::AtaZholy, on, ctx, full)?;
    ev.passport(rule!("az.passport"), f.passport_expiry);
    ev.criminal_record(rule!("az.criminal_record"), f.criminal_record);
    record!(ev, "az.ethnic_kazakh", CheckResult::of(f.ethnic_kazakh), "", [], []);
    let abroad = f.country_of_residence != "KAZ";
    record!(
        ev,
        "az.lives_abroad",
        CheckResult::of(abroad),
        "",
        [],
        [("country", Arg::Country(f.country_of_residence.clone()))]
    );

    // Three alternative grounds; any one suffices.
    let (result, note, values) = on_list_in_force(f.occupation.as_ref(), ctx.lists.in_force(on), ev.full);
    let mut grounds = Vec::new();
    if record!(ev, "az.ground.in_demand", result, note, [], values) == CheckResult::Passed {
        grounds.push("az.ground.in_demand");
    }
    let simplified = ctx.policy.simplified_citizenship_on(on);
    let (result, note, values) = match (&f.occupation, simplified) {
        (None, _) => (CheckResult::Failed, "no_occupation", vec![]),
        (Some(code), None) => (CheckResult::Failed, "no_list", vec![("occupation", Arg::Code(*code))]),
        (Some(code), Some(v)) => {
            let unit = code.unit_group().unwrap_or(*code);
            let on_it = v.value.iter().any(|c| unit.is_within(c) || c == code);
            (
                CheckResult::of(on_it),
                "",
                vec![("occupation", Arg::Code(*code)), ("list_from", Arg::Date(v.from))],
            )
        }
    };
    if record!(ev, "az.ground.simplified_citizenship", result, note, [], values) == CheckResult::Passed {
        grounds.push("az.ground.simplified_citizenship");
    }
    let (result, note, values) = match &f.business_abroad {
        None => (CheckResult::Failed, "none", vec![]),
        Some(b) => {
            let ok = b.country != "KAZ" && b.registered_on <= on;
            let note = if b.country == "KAZ" {
                "in_kazakhstan"
            } else if b.registered_on > on {
                "not_yet"
            } else {
                ""
            };
            (
                CheckResult::of(ok),
                note,
                vec![
                    ("business", Arg::Text(b.name.clone())),
                    ("country", Arg::Country(b.country.clone())),
                    ("registered_on", Arg::Date(b.registered_on)),
                ],
            )
        }
    };
    if record!(ev, "az.ground.business_abroad", result, note, [], values) == CheckResult::Passed {
        grounds.push("az.ground.business_abroad");
    }
    record!(
        ev,
        "az.ground",
        CheckResult::of(!grounds.is_empty()),
        "",
        [],
        [("grounds", Arg::Count(grounds.len() as i64))]
    );

    let validity = if ev.outcome() == Outcome::Eligible {
        let v = ev.term(
            rule!("az.validity"),
            catalogue::parameter_index("ata_zholy_validity"),
            f.passport_expiry,
        )?;
        record!(ev, "az.rights", CheckResult::Passed, "", [], [("right", Arg::Word("run_business"))]);
        v
    } else {
        None
    };
    Ok(ev.finish(validity, None))
}
