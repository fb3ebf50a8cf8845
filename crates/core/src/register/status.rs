//! A person's status on a day: in the country or not, lawfully or not, until when, and any
//! overstay — from their crossings and authorisations, under the rule of their citizenship group.
//!
//! - **Citizens** (`KAZ`) are always lawful; nothing is counted.
//! - **EAEU and visa-free nationals** stay under [`Rule::eaeu`] / [`Rule::visa_free`]; the days
//!   any authorisation covers (a visa too: on those days they stay under it) do not count, and
//!   [`crate::stay::check`] gives the days in the window, the first overstay, the overstay days
//!   and, for an open stay, the last lawful day. While a visa or permit covers the day examined,
//!   they are lawful on it until the later of its end (with any authorisation continuing it) and
//!   the short-stay `lawful_until`. Without one, they are lawful while the day examined is within
//!   both limits (the window ending that day, and the current entry's days for the per-entry cap).
//! - **Visa-required nationals** (stateless persons and refugees among them) are lawful on a day
//!   an authorisation covers. `lawful_until` is the last day of the unbroken run of covered days
//!   from the day examined. A day present that no authorisation covers is an overstay day:
//!   `overstay_since` is the first one from the start of the current stay or of the window ending
//!   on the day examined (`short_stay_window`), whichever is earlier, and `overstay_days` counts
//!   them from there. The basis of an unlawful stay is the authorisation that lapsed during it, or
//!   [`Basis::NoVisa`] when none covered any day of it.
//! - **A person not in the country** on the day examined (the last crossing is an exit) is lawful
//!   — there is no stay to be unlawful — with [`Basis::Absent`]; a past overstay is still
//!   reported in `overstay_since` and `overstay_days`, as above.
//!
//! `days_in_window` is, for every foreigner, the days present in the window ending on the day
//! examined that no authorisation covers (for visa-required nationals: overstay days).
//! `lawful_until` is null when the person is absent or not lawful, and — as in
//! [`crate::stay::check`] — for short-stay nationals whose records hold an overstay.

use super::authorisation::{Authorisation, AuthorisationKind};
use super::crossing::{self, Anomaly, Crossing, Record};
use crate::policy::{Group, Policy};
use crate::stay::{self, Permit, Rule, StayError, StayStatus};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// What a person's presence rests on, on the day examined.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Basis {
    /// A citizen of Kazakhstan.
    Citizen,
    /// A permit (any authorisation but a visa): the one covering the day, or for an unlawful
    /// visa-required national the one that lapsed during the stay.
    Permit { kind: AuthorisationKind, number: String, until: Date },
    /// A visa: the one covering the day, or the one that lapsed during the stay.
    Visa { number: String, until: Date },
    /// The short-stay rule of an EAEU or visa-free national.
    ShortStay { rule: Rule },
    /// A visa-required national whom no authorisation covered on any day of the stay.
    NoVisa,
    /// Not in the country.
    Absent,
}

/// The answer for one person on one day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PersonStatus {
    pub on: Date,
    pub group: Group,
    /// In the country at the end of the day examined: the last crossing up to it is an entry.
    pub present: bool,
    /// The entry day of the stay under way, if present.
    pub since: Option<Date>,
    pub lawful: bool,
    pub basis: Basis,
    /// The last day the person may stay, staying continuously; null when absent or unlawful.
    pub lawful_until: Option<Date>,
    pub overstay_since: Option<Date>,
    pub overstay_days: u32,
    /// Days present in the window ending on `on` that no authorisation covers.
    pub days_in_window: u32,
    pub anomalies: Vec<Anomaly>,
}

/// The status on `on` of a person of `nationality` (alpha-3, any case), from their crossings in
/// time order and their authorisations (see the module's documentation). Refused, naming the
/// field: crossings out of order (`crossings[3].day`), an authorisation ending before it begins
/// (`authorisations[0].until`), a day the policy has no citizenship groups or parameter values for.
pub fn status(
    policy: &Policy,
    nationality: &str,
    crossings: &[Crossing],
    authorisations: &[Authorisation],
    on: Date,
) -> Result<PersonStatus, StayError> {
    for (i, a) in authorisations.iter().enumerate() {
        if a.until < a.from {
            return Err(StayError::at(
                format!("authorisations[{i}].until"),
                format!("{} is before the start {}", a.until, a.from),
            ));
        }
    }
    let record = crossing::stays(crossings, on)?;
    let group = policy.stay_group(nationality, on);
    if group != Group::Citizen && policy.stay_groups_on(on).is_none() {
        return Err(StayError::at(
            "stay_groups",
            format!("the policy has no citizenship groups in force on {on}"),
        ));
    }
    let mut answer = PersonStatus {
        on,
        group,
        present: record.open_since.is_some(),
        since: record.open_since,
        lawful: true,
        basis: if record.open_since.is_some() { Basis::Citizen } else { Basis::Absent },
        lawful_until: None,
        overstay_since: None,
        overstay_days: 0,
        days_in_window: 0,
        anomalies: record.anomalies.clone(),
    };
    match group {
        Group::Citizen => answer.basis = Basis::Citizen,
        Group::Eaeu => short_stay(&mut answer, Rule::eaeu(policy, on)?, &record, authorisations)?,
        Group::VisaFree => short_stay(&mut answer, Rule::visa_free(policy, on)?, &record, authorisations)?,
        Group::VisaRequired => {
            // The short-stay window, as the horizon of a past overstay and for `days_in_window`.
            let rule = Rule::eaeu(policy, on)?;
            visa_required(&mut answer, rule, &record, authorisations)?;
        }
    }
    Ok(answer)
}

/// Every authorisation, as a period whose days are not short-stay days.
fn covered(authorisations: &[Authorisation]) -> Vec<Permit> {
    authorisations.iter().map(|a| Permit { from: a.from, until: a.until }).collect()
}

/// The authorisation covering `day`: a permit before a visa, then the one lasting longest.
fn covering(authorisations: &[Authorisation], day: Date) -> Option<&Authorisation> {
    authorisations.iter().filter(|a| a.covers(day)).max_by_key(|a| (a.kind.is_permit(), a.until))
}

fn basis_of(a: &Authorisation) -> Basis {
    match a.kind {
        AuthorisationKind::Visa => Basis::Visa { number: a.number.clone(), until: a.until },
        kind => Basis::Permit { kind, number: a.number.clone(), until: a.until },
    }
}

/// The last day of the unbroken run of days authorisations cover from `day`, if one covers it.
fn covered_until(authorisations: &[Authorisation], day: Date) -> Option<Date> {
    let mut end = authorisations.iter().filter(|a| a.covers(day)).map(|a| a.until).max()?;
    loop {
        let Ok(next) = end.tomorrow() else { return Some(end) };
        match authorisations.iter().filter(|a| a.covers(next)).map(|a| a.until).max() {
            Some(later) if later > end => end = later,
            _ => return Some(end),
        }
    }
}

fn short_stay(
    answer: &mut PersonStatus,
    rule: Rule,
    record: &Record,
    authorisations: &[Authorisation],
) -> Result<(), StayError> {
    let on = answer.on;
    let counted: StayStatus = stay::check(&rule, &record.stays, &covered(authorisations), on)?;
    answer.days_in_window = counted.days_in_window;
    answer.overstay_since = counted.first_overstay;
    answer.overstay_days = counted.overstay_days;
    let Some(since) = record.open_since else {
        return Ok(());
    };
    if let Some(a) = covering(authorisations, on) {
        answer.basis = basis_of(a);
        answer.lawful_until = covered_until(authorisations, on).max(counted.lawful_until);
        return Ok(());
    }
    answer.basis = Basis::ShortStay { rule };
    let entry_days = uncovered(since, on, authorisations).0;
    answer.lawful =
        counted.days_in_window <= rule.limit && rule.per_entry.is_none_or(|cap| entry_days <= cap);
    answer.lawful_until = if answer.lawful { counted.lawful_until } else { None };
    Ok(())
}

fn visa_required(
    answer: &mut PersonStatus,
    rule: Rule,
    record: &Record,
    authorisations: &[Authorisation],
) -> Result<(), StayError> {
    let on = answer.on;
    answer.days_in_window = stay::check(&rule, &record.stays, &covered(authorisations), on)?.days_in_window;
    let window_start =
        on.checked_sub(jiff::Span::new().days(i64::from(rule.window) - 1)).unwrap_or(Date::MIN);
    let horizon = record.open_since.map_or(window_start, |s| s.min(window_start));
    // The first uncovered day present from the horizon, and how many follow it through `on`.
    let mut first = None;
    let mut count = 0u32;
    let mut counted_through: Option<Date> = None;
    for s in &record.stays {
        let exit = s.exit.unwrap_or(on);
        let from = s.entry.max(horizon);
        // A day shared by an exit and the next entry is one day.
        let from = match counted_through {
            Some(last) if from <= last => match last.tomorrow() {
                Ok(d) => d,
                Err(_) => continue,
            },
            _ => from,
        };
        if from > exit {
            continue;
        }
        let (n, day) = uncovered(from, exit, authorisations);
        if first.is_none() {
            first = day;
        }
        count += n;
        counted_through = Some(exit);
    }
    answer.overstay_since = first;
    answer.overstay_days = count;
    let Some(since) = record.open_since else {
        return Ok(());
    };
    if let Some(a) = covering(authorisations, on) {
        answer.basis = basis_of(a);
        answer.lawful_until = covered_until(authorisations, on);
        return Ok(());
    }
    answer.lawful = false;
    answer.basis = authorisations
        .iter()
        .filter(|a| a.until >= since && a.until < on)
        .max_by_key(|a| (a.until, a.kind.is_permit()))
        .map_or(Basis::NoVisa, basis_of);
    Ok(())
}

/// The days from `from` to `until` (both included) that no authorisation covers, and the first.
fn uncovered(from: Date, until: Date, authorisations: &[Authorisation]) -> (u32, Option<Date>) {
    let mut n = 0u32;
    let mut first = None;
    let mut d = from;
    while d <= until {
        if !authorisations.iter().any(|a| a.covers(d)) {
            n += 1;
            first = first.or(Some(d));
        }
        match d.tomorrow() {
            Ok(next) => d = next,
            Err(_) => break,
        }
    }
    (n, first)
}
