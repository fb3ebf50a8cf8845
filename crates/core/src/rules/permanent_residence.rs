//! Permanent residence, Article 49 of the Law "On population migration" (DOMAIN.md §2).
//!
//! Base rule: the applicant proves solvency — at least `pr_solvency_per_applicant` MCI on an
//! account in a Kazakh bank, and so does each family member aged `pr_solvency_min_age` or over
//! — and funds for housing at `pr_housing_norm` m² per person at the region's average price.
//! Exceptions: housing provided by contract sets the housing condition aside; an occupation
//! on the list of professions in demand in force on the application date, ethnic Kazakhs
//! (kandas), former citizens and persons entitled to simplified citizenship are exempt from
//! solvency altogether. Term: `pr_validity` years or to the passport's expiry, whichever is
//! first. Re-checked for a permit already issued, a refusal means the permit is cancelled.

use super::catalogue;
use super::decision::{Arg, CheckResult, Decision, Effect, Outcome, PermitAction};
use super::facts::{FactsError, amount, date, known_occupation, optional_amount};
use super::support::{Eval, age_on, on_list_in_force, whole};
use super::{Context, EvalError, Programme};
use crate::occupation::OccupationCode;
use crate::said::Said;
use jiff::ToSpan;
use jiff::civil::Date;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The facts of an application for permanent residence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PermanentResidenceFacts {
    pub applicant: Applicant,
    /// Family members moving with the applicant (an empty list when none).
    pub family: Vec<FamilyMember>,
    /// Where the family will live: ISO 3166-2 (`KZ-75`) or KATO code of the region.
    pub region: String,
    pub housing: Housing,
    /// For re-checking a permit already issued: the permit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issued_permit: Option<IssuedPermit>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Applicant {
    #[serde(deserialize_with = "date")]
    pub birth_date: Date,
    #[serde(deserialize_with = "date")]
    pub passport_expiry: Date,
    /// The occupation (classifier code) the applicant works in, if any.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub occupation: Option<OccupationCode>,
    /// An ethnic Kazakh (kandas).
    pub ethnic_kazakh: bool,
    /// A former citizen of Kazakhstan.
    pub former_citizen: bool,
    /// Entitled to acquire citizenship in the simplified procedure.
    pub simplified_citizenship: bool,
    /// Declares a criminal record.
    pub criminal_record: bool,
    /// Funds on the applicant's own account, as the bank certifies; null when none.
    #[serde(default)]
    pub funds: Option<Funds>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    Spouse,
    Child,
    Parent,
    Other,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct FamilyMember {
    pub relation: Relation,
    #[serde(deserialize_with = "date")]
    pub birth_date: Date,
    #[serde(default)]
    pub funds: Option<Funds>,
}

/// Funds on an account, as a bank's certificate states them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Funds {
    #[serde(deserialize_with = "amount")]
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub amount_kzt: Decimal,
    /// The account is in a bank of Kazakhstan (second-tier bank).
    pub kazakh_bank: bool,
    /// The date of the bank's certificate.
    #[serde(deserialize_with = "date")]
    pub certified_on: Date,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Housing {
    /// Housing is provided under a contract (employer, lease): the housing funds are not needed.
    pub provided_by_contract: bool,
    /// Funds available for housing, in tenge; null when none.
    #[serde(default, deserialize_with = "optional_amount")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub funds_kzt: Option<Decimal>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct IssuedPermit {
    pub number: String,
    #[serde(deserialize_with = "date")]
    pub issued_on: Date,
}

impl PermanentResidenceFacts {
    pub(super) fn check(&self) -> Result<(), FactsError> {
        if let Some(code) = &self.applicant.occupation {
            known_occupation("applicant.occupation", code)?;
        }
        if crate::region::parse(&self.region).is_none() {
            return Err(FactsError::at(
                "region",
                Said::new(
                    "facts-region",
                    format!(
                        "{:?} is not a region of Kazakhstan (ISO code like \"KZ-75\" or KATO)",
                        self.region
                    ),
                )
                .text("value", self.region.clone()),
            ));
        }
        if self.issued_permit.as_ref().is_some_and(|p| p.number.trim().is_empty()) {
            return Err(FactsError::empty("issued_permit.number"));
        }
        Ok(())
    }

    fn check_on(&self, on: Date) -> Result<(), FactsError> {
        if self.applicant.birth_date > on {
            return Err(FactsError::after("applicant.birth_date", on, "decision"));
        }
        for (i, m) in self.family.iter().enumerate() {
            if m.birth_date > on {
                return Err(FactsError::after(format!("family[{i}].birth_date"), on, "decision"));
            }
        }
        if let Some(p) = &self.issued_permit
            && p.issued_on > on
        {
            return Err(FactsError::after("issued_permit.issued_on", on, "decision"));
        }
        Ok(())
    }
}

/// The conditions an exemption sets aside: solvency and housing.
const SOLVENCY: [usize; 3] =
    [rule!("pr.solvency.applicant"), rule!("pr.solvency.family"), rule!("pr.housing")];

pub fn evaluate<'p>(
    f: &PermanentResidenceFacts,
    on: Date,
    ctx: &Context<'p>,
    full: bool,
) -> Result<Decision<'p>, EvalError> {
    f.check_on(on)?;
    let mut ev = Eval::start(Programme::PermanentResidence, on, ctx, full)?;
    ev.passport(rule!("pr.passport"), f.applicant.passport_expiry);
    ev.criminal_record(rule!("pr.criminal_record"), f.applicant.criminal_record);

    // Base rule: solvency of the applicant and of each family member of age, and housing.
    let per_person = param!(ev, "pr_solvency_per_applicant")?;
    let (required, mci) = {
        let mci = param!(ev, "mci")?;
        (per_person.value * mci.value, mci)
    };
    let validity = param!(ev, "pr_bank_certificate_validity")?;
    let oldest_certificate = on.checked_sub(whole(validity.value, 36_500).days()).unwrap_or(Date::MIN);
    let (result, note) = funds_test(f.applicant.funds.as_ref(), required, oldest_certificate, on);
    let mut values = Vec::new();
    if ev.full {
        values.extend([
            ("required", Arg::kzt(required)),
            ("amount_mci", Arg::Number(per_person.value)),
            ("mci", Arg::kzt(mci.value)),
            ("certificate_days", Arg::Number(validity.value)),
        ]);
    }
    if ev.full
        && let Some(funds) = &f.applicant.funds
    {
        values.push(("held", Arg::kzt(funds.amount_kzt)));
        values.push(("certified_on", Arg::Date(funds.certified_on)));
        if funds.amount_kzt < required {
            values.push(("missing", Arg::kzt(required - funds.amount_kzt)));
        }
    }
    record!(ev, "pr.solvency.applicant", result, note, [per_person, mci, validity], values);

    let min_age = param!(ev, "pr_solvency_min_age")?;
    let of_age: Vec<(usize, &FamilyMember)> = f
        .family
        .iter()
        .enumerate()
        .filter(|(_, m)| Decimal::from(age_on(m.birth_date, on)) >= min_age.value)
        .collect();
    let short: Vec<String> = of_age
        .iter()
        .filter(|(_, m)| {
            funds_test(m.funds.as_ref(), required, oldest_certificate, on).0 != CheckResult::Passed
        })
        .map(|(i, _)| format!("family[{i}]"))
        .collect();
    let result =
        if of_age.is_empty() { CheckResult::NotApplicable } else { CheckResult::of(short.is_empty()) };
    let note = if of_age.is_empty() { "none_of_age" } else { "" };
    record!(
        ev,
        "pr.solvency.family",
        result,
        note,
        [min_age, per_person, mci],
        [
            ("of_age", Arg::Count(of_age.len() as i64)),
            ("short", Arg::Count(short.len() as i64)),
            ("members_short", Arg::Text(short.join(", "))),
            ("required", Arg::kzt(required)),
            ("min_age", Arg::Number(min_age.value)),
        ]
    );

    // Checked when the facts were read: a region of Kazakhstan.
    let Some(place) = crate::region::parse(&f.region) else {
        return Err(FactsError::at(
            "region",
            Said::new("facts-region", format!("{:?} is not a region of Kazakhstan", f.region))
                .text("value", f.region.clone()),
        )
        .into());
    };
    let region = place.code.as_str();
    let norm = param!(ev, "pr_housing_norm")?;
    let price = ctx.policy.regional_parameters.at("housing_price_m2", place, on)?;
    let persons = 1 + f.family.len() as i64;
    let needed = Decimal::from(persons) * norm.value * price.value;
    let held = f.housing.funds_kzt.unwrap_or(Decimal::ZERO);
    let (result, note) = match f.housing.funds_kzt {
        None => (CheckResult::Failed, "no_funds"),
        Some(h) => (CheckResult::of(h >= needed), ""),
    };
    record!(
        ev,
        "pr.housing",
        result,
        note,
        [norm, price],
        [
            ("region", Arg::Region(region.to_string())),
            ("price_m2", Arg::kzt(price.value)),
            ("persons", Arg::Count(persons)),
            ("area", Arg::Number(Decimal::from(persons) * norm.value)),
            ("required", Arg::kzt(needed)),
            ("held", Arg::kzt(held)),
        ]
    );
    let by_contract = CheckResult::of(f.housing.provided_by_contract);
    if record!(ev, "pr.housing.by_contract", by_contract, "", [], []) == CheckResult::Passed {
        ev.waive(&[rule!("pr.housing")], rule!("pr.housing.by_contract"), Effect::Waive);
    }

    // Exceptions: exempt from proving solvency at all.
    let (result, note, values) =
        on_list_in_force(f.applicant.occupation.as_ref(), ctx.lists.in_force(on), ev.full);
    // The first exemption that applies is the one named as setting the conditions aside.
    let mut exempt = None;
    if record!(ev, "pr.exempt.in_demand", result, note, [], values) == CheckResult::Passed {
        exempt = exempt.or(Some(rule!("pr.exempt.in_demand")));
    }
    for (index, holds) in [
        (rule!("pr.exempt.kandas"), f.applicant.ethnic_kazakh),
        (rule!("pr.exempt.former_citizen"), f.applicant.former_citizen),
        (rule!("pr.exempt.simplified_citizenship"), f.applicant.simplified_citizenship),
    ] {
        if ev.push(index, CheckResult::of(holds), "", vec![], vec![]) == CheckResult::Passed {
            exempt = exempt.or(Some(index));
        }
    }
    if let Some(first) = exempt {
        ev.waive(&SOLVENCY, first, Effect::Waive);
    }

    // A permit already issued: kept, cancelled, or for an officer.
    let permit_action = f.issued_permit.as_ref().map(|p| {
        let (action, result) = match ev.outcome() {
            Outcome::Eligible => (PermitAction::Keep, CheckResult::Passed),
            Outcome::Ineligible => (PermitAction::Cancel, CheckResult::Failed),
            Outcome::NeedsOfficer => (PermitAction::Review, CheckResult::NeedsOfficer),
        };
        record!(
            ev,
            "pr.cancellation",
            result,
            "",
            [],
            [("permit", Arg::Text(p.number.clone())), ("issued_on", Arg::Date(p.issued_on))]
        );
        action
    });
    let validity = if f.issued_permit.is_none() && ev.outcome() == Outcome::Eligible {
        ev.term(rule!("pr.validity"), catalogue::parameter_index("pr_validity"), f.applicant.passport_expiry)?
    } else {
        None
    };
    Ok(ev.finish(validity, permit_action))
}

/// Whether funds prove solvency: held in a Kazakh bank, certified within the certificate's
/// validity and not after the date, at least the amount required.
fn funds_test(
    funds: Option<&Funds>,
    required: Decimal,
    oldest: Date,
    on: Date,
) -> (CheckResult, &'static str) {
    match funds {
        None => (CheckResult::Failed, "no_funds"),
        Some(f) if !f.kazakh_bank => (CheckResult::Failed, "not_kazakh_bank"),
        Some(f) if f.certified_on > on => (CheckResult::Failed, "certificate_after"),
        Some(f) if f.certified_on < oldest => (CheckResult::Failed, "certificate_old"),
        Some(f) if f.amount_kzt < required => (CheckResult::Failed, "short"),
        Some(_) => (CheckResult::Passed, ""),
    }
}
