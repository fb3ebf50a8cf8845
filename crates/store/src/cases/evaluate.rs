//! The rules' automatic evaluation of a case, in the shape the store keeps it: the outcome, the
//! decision with its checks as JSON (the trace shown to officers and applicants), the policy
//! edition, and for the valuable-skills visa the score and the priority sector that rank it.

use crate::error::StoreError;
use ashyq_core::rules::{Context, Facts, Outcome, Programme, evaluate};
use ashyq_core::said::Said;
use jiff::civil::Date;

/// An evaluation made for a date.
#[derive(Debug, Clone, PartialEq)]
pub struct Evaluated {
    pub applied_on: Date,
    pub outcome: Outcome,
    /// The decision, as `serde_json` writes [`ashyq_core::rules::Decision`].
    pub decision: serde_json::Value,
    pub policy_edition: String,
    /// The term the rules grant, when eligible.
    pub validity: Option<(Date, Date)>,
    pub points: Option<u32>,
    pub sector: Option<String>,
}

/// Reads `facts` for `programme` and decides them on `on`. Facts that do not read, or a date
/// the rules cannot decide on, are a [`StoreError::Field`] naming the path (`facts.…`, `on`).
pub fn run(
    ctx: &Context<'_>,
    programme: Programme,
    facts: &serde_json::Value,
    on: Date,
) -> Result<Evaluated, StoreError> {
    let read = Facts::from_value(programme, facts).map_err(|e| {
        StoreError::field(format!("facts.{}", e.path).trim_end_matches('.').to_string(), e.reason)
    })?;
    let decision = evaluate(&read, on, ctx).map_err(|e| StoreError::field("on", e.said()))?;
    let points = decision.check("vs.points").and_then(|c| c.value("score")).and_then(|a| match a {
        ashyq_core::rules::Arg::Count(n) => u32::try_from(*n).ok(),
        _ => None,
    });
    let sector = match &read {
        Facts::ValuableSkillsVisa(f) => {
            ctx.policy.sectors_on(on).and_then(|s| s.value.sector_of(&f.occupation).map(str::to_string))
        }
        _ => None,
    };
    Ok(Evaluated {
        applied_on: on,
        outcome: decision.outcome,
        decision: serde_json::to_value(&decision).map_err(|e| StoreError::Corrupt(e.to_string()))?,
        policy_edition: decision.policy_edition.to_string(),
        validity: decision.validity.as_ref().map(|v| (v.from, v.until)),
        points,
        sector,
    })
}

/// The stored outcome text back as an outcome.
pub fn outcome(text: &str) -> Option<Outcome> {
    [Outcome::Eligible, Outcome::Ineligible, Outcome::NeedsOfficer].into_iter().find(|o| o.as_str() == text)
}

/// The facts must speak of the holder's passport: where a programme's facts give the
/// applicant's birth date or passport expiry (at the top, or under `applicant`), they must be
/// the holder's. Refused naming the field of the facts.
pub fn agrees_with_holder(
    facts: &serde_json::Value,
    holder: &ashyq_core::cases::Holder,
) -> Result<(), StoreError> {
    for (key, theirs) in [("birth_date", holder.birth_date), ("passport_expiry", holder.passport_expiry)] {
        for (path, field) in [
            (format!("/{key}"), format!("facts.{key}")),
            (format!("/applicant/{key}"), format!("facts.applicant.{key}")),
        ] {
            if let Some(text) = facts.pointer(&path).and_then(|v| v.as_str())
                && text != theirs.to_string()
            {
                return Err(StoreError::field(
                    field,
                    Said::new(
                        "field-not-holders",
                        format!("{text} is not the holder's {} ({theirs})", key.replace('_', " ")),
                    )
                    .text("value", text)
                    .text("theirs", theirs.to_string()),
                ));
            }
        }
    }
    Ok(())
}
