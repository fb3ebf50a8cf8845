//! Refugee status (Law "On refugees"; DOMAIN.md §3). Whether a fear of persecution is
//! well-founded is for an officer to judge, so a claim on a Convention ground is referred, not
//! decided. What can be checked automatically is: that a Convention ground is claimed at all
//! (race, religion, nationality, membership of a particular social group, political opinion),
//! that the application came within `refugee_application_days` calendar days of arrival (a
//! late one with a stated reason is referred — the exception), and whether grounds for
//! exclusion are declared. While the claim is examined the applicant holds an asylum-seeker's
//! certificate for `asylum_certificate_validity` months, renewable; recognition brings a
//! temporary residence permit, then permanent residence.

use super::decision::{Arg, CheckResult, Decision, Effect, Outcome};
use super::facts::{FactsError, date};
use super::support::{Eval, whole};
use super::{Context, EvalError, Programme};
use crate::said::Said;
use jiff::ToSpan;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct RefugeeFacts {
    /// The day the applicant arrived in Kazakhstan. The decision's date is the application's.
    #[serde(deserialize_with = "date")]
    pub arrival_date: Date,
    /// The grounds of the feared persecution, as claimed (an empty list when none is named).
    pub grounds: Vec<Ground>,
    /// Why the application is late, if it is; null when no reason is given.
    #[serde(default)]
    pub delay_reason: Option<String>,
    /// Grounds for exclusion declared or known (a serious non-political crime, a crime
    /// against peace, acts contrary to the purposes of the United Nations).
    pub exclusion_grounds: bool,
}

/// A ground of persecution of the 1951 Convention and the Law "On refugees".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Ground {
    Race,
    Religion,
    Nationality,
    SocialGroup,
    PoliticalOpinion,
}

impl Ground {
    pub fn as_str(self) -> &'static str {
        match self {
            Ground::Race => "race",
            Ground::Religion => "religion",
            Ground::Nationality => "nationality",
            Ground::SocialGroup => "social_group",
            Ground::PoliticalOpinion => "political_opinion",
        }
    }
}

impl RefugeeFacts {
    pub(super) fn check(&self) -> Result<(), FactsError> {
        for (i, g) in self.grounds.iter().enumerate() {
            if self.grounds[..i].contains(g) {
                return Err(FactsError::at(
                    format!("grounds[{i}]"),
                    Said::new("facts-twice", format!("`{}` named twice", g.as_str())),
                ));
            }
        }
        Ok(())
    }
}

pub fn evaluate<'p>(
    f: &RefugeeFacts,
    on: Date,
    ctx: &Context<'p>,
    full: bool,
) -> Result<Decision<'p>, EvalError> {
    if f.arrival_date > on {
        return Err(FactsError::after("arrival_date", on, "application").into());
    }
    let mut ev = Eval::start(Programme::Refugee, on, ctx, full)?;

    let named: Vec<&str> = f.grounds.iter().map(|g| g.as_str()).collect();
    let result = if named.is_empty() { CheckResult::Failed } else { CheckResult::NeedsOfficer };
    let note = if named.is_empty() { "none" } else { "" };
    record!(ev, "rf.grounds", result, note, [], [("grounds", Arg::Words(named))]);

    let days = param!(ev, "refugee_application_days")?;
    let deadline = f.arrival_date.checked_add(whole(days.value, 36_500).days()).unwrap_or(Date::MAX);
    let late_by = (on - deadline).get_days().max(0);
    let in_time = on <= deadline;
    record!(
        ev,
        "rf.deadline",
        CheckResult::of(in_time),
        "",
        [days],
        [
            ("days", Arg::Number(days.value)),
            ("arrival", Arg::Date(f.arrival_date)),
            ("deadline", Arg::Date(deadline)),
            ("late_by", Arg::Count(i64::from(late_by))),
        ]
    );
    if !in_time {
        let reason = f.delay_reason.as_deref().map(str::trim).filter(|r| !r.is_empty());
        let values = reason.map(|r| vec![("reason", Arg::Text(r.to_string()))]).unwrap_or_default();
        if record!(ev, "rf.deadline.good_reason", CheckResult::of(reason.is_some()), "", [], values)
            == CheckResult::Passed
        {
            ev.waive(&[rule!("rf.deadline")], rule!("rf.deadline.good_reason"), Effect::Refer);
        }
    }
    let exclusion = if f.exclusion_grounds { CheckResult::NeedsOfficer } else { CheckResult::Passed };
    record!(ev, "rf.exclusion", exclusion, "", [], []);

    if ev.outcome() != Outcome::Ineligible {
        let months = param!(ev, "asylum_certificate_validity")?;
        let n = whole(months.value, 120);
        // A period in months ends on the same day of its last month, or that month's last day
        // when it has no such day (Civil Code, Article 178).
        let until = on.checked_add(n.months()).unwrap_or(Date::MAX);
        record!(
            ev,
            "rf.certificate",
            CheckResult::Passed,
            "",
            [months],
            [("from", Arg::Date(on)), ("until", Arg::Date(until))]
        );
        record!(ev, "rf.residence", CheckResult::Passed, "", [], []);
    }
    Ok(ev.finish(None, None))
}
