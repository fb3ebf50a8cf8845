//! Who is overstaying (from the overstay scan kept in memory while the register has not
//! changed), and the officers' alerts: the overstayers today, visas and permits expiring soon,
//! stay registrations notified late. An officer of a region sees the alerts of the persons
//! placed in it ([`scan::regions_of`]: their latest registration, else their latest crossing);
//! officers of the whole country and administrators see all, or one region's when they ask.
//! Each list shown is audited, and each list exported (`register.alerts.export`, with the
//! persons it holds).

use super::day_asked;
use super::record::READERS;
use crate::access::{Access, Scope};
use crate::auth::Principal;
use crate::flows::Outcome;
use crate::problem::Problem;
use crate::state::AppState;
use ashyq_store::audit::{self, Event};
use ashyq_store::register::scan::{self, Expiring, LateRegistration, Overstayer, Scan};
use jiff::ToSpan;
use jiff::civil::Date;
use std::sync::Arc;

/// The most expiring permits and late registrations an alert list holds.
pub const LISTED: i64 = 10_000;

/// Days of late registrations listed.
pub const LATE_DAYS: i64 = 90;

/// The window of expiring visas and permits when none is asked for, and the longest.
pub const DEFAULT_DAYS: i64 = 30;
pub const MAX_DAYS: i64 = 366;

/// The persons present on `on` (today by default) and overstaying, longest overstay first, with
/// the counts of persons present and lawful in the whole country (officers, administrators);
/// an officer of a region gets the overstayers placed in it only. Audited
/// (`register.overstayers`).
pub async fn overstayers(s: &AppState, p: &Principal, on: Option<Date>) -> Outcome<Arc<Scan>> {
    let region = region_of(p, None)?;
    let on = day_asked(&s.policy, on)?;
    let mut scan = crate::overstays::overstays(s, on).await?;
    if let Some(r) = &region {
        let ids: Vec<i64> = scan.overstayers.iter().map(|o| o.person_id).collect();
        let placed = scan::regions_of(&s.db, &ids).await?;
        let mut mine = Scan::clone(&scan);
        mine.overstayers.retain(|o| placed.get(&o.person_id) == Some(r));
        scan = Arc::new(mine);
    }
    let detail =
        serde_json::json!({ "on": on.to_string(), "region": region, "overstayers": scan.overstayers.len() });
    let day = on.to_string();
    audit::record(&s.db, &p.actor(), Event::new("register.overstayers", "scan", &day).detail(detail)).await?;
    Ok(scan)
}

/// One of the three lists of alerts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AlertList {
    Overstayers,
    Expiring,
    Late,
}

impl AlertList {
    pub const ALL: [AlertList; 3] = [AlertList::Overstayers, AlertList::Expiring, AlertList::Late];

    pub fn as_str(self) -> &'static str {
        match self {
            AlertList::Overstayers => "overstayers",
            AlertList::Expiring => "expiring",
            AlertList::Late => "late",
        }
    }

    pub fn parse(text: &str) -> Option<AlertList> {
        AlertList::ALL.into_iter().find(|l| l.as_str() == text.trim())
    }
}

/// The officers' alerts of today, of one region or of all.
pub struct Alerts {
    pub on: Date,
    /// The window of expiring visas and permits, in days.
    pub days: i64,
    /// The whole country's scan: its counts of persons present and lawful.
    pub scan: Arc<Scan>,
    /// The region the lists are of (`None`: the whole country).
    pub region: Option<String>,
    /// Present and overstaying, longest overstay first.
    pub overstayers: Vec<Overstayer>,
    /// Visas and permits expiring within `days` (at most [`LISTED`] in the country).
    pub expiring: Vec<Expiring>,
    /// Registrations notified late over the last [`LATE_DAYS`] days (at most [`LISTED`]).
    pub late: Vec<LateRegistration>,
}

impl Alerts {
    /// The persons of one list, in its order.
    pub fn persons(&self, list: AlertList) -> Vec<i64> {
        match list {
            AlertList::Overstayers => self.overstayers.iter().map(|o| o.person_id).collect(),
            AlertList::Expiring => self.expiring.iter().map(|e| e.person_id).collect(),
            AlertList::Late => self.late.iter().map(|l| l.person_id).collect(),
        }
    }
}

/// The region the caller's alerts are of: an officer of a region theirs (asking for another is
/// forbidden); the others the region asked for (an unknown code is a 422 naming `region`), or
/// the whole country.
fn region_of(p: &Principal, asked: Option<&str>) -> Result<Option<String>, Problem> {
    let access = Access::of(p);
    access.require(READERS)?;
    let asked = asked.map(str::trim).filter(|r| !r.is_empty());
    let asked = asked
        .map(|code| {
            ashyq_core::region::by_code(code).map(|r| r.code.clone()).ok_or_else(|| {
                Problem::validation("region", format!("{code:?} is not a region of Kazakhstan (KZ-75)"))
            })
        })
        .transpose()?;
    match access.scope {
        Scope::Region(mine) => match asked {
            Some(other) if other != mine => Err(Problem::new(
                axum::http::StatusCode::FORBIDDEN,
                "forbidden",
                format!("your account is scoped to region {mine}, not {other}"),
            )),
            _ => Ok(Some(mine)),
        },
        _ => Ok(asked),
    }
}

/// The alerts of today, for the caller's region, unrecorded.
async fn gather(s: &AppState, p: &Principal, days: Option<i64>, region: Option<&str>) -> Outcome<Alerts> {
    let region = region_of(p, region)?;
    let days = days.unwrap_or(DEFAULT_DAYS).clamp(1, MAX_DAYS);
    let on = crate::clock::today();
    let since = on.checked_sub(LATE_DAYS.days()).unwrap_or(on);
    let scan = crate::overstays::overstays(s, on).await?;
    let mut expiring = scan::expiring(&s.db, on, days, LISTED).await?;
    let mut late = scan::late_registrations(&s.db, since, LISTED).await?;
    let mut overstayers = scan.overstayers.clone();
    if let Some(r) = &region {
        let mut ids: Vec<i64> = overstayers.iter().map(|o| o.person_id).collect();
        ids.extend(expiring.iter().map(|e| e.person_id));
        let placed = scan::regions_of(&s.db, &ids).await?;
        let here = |id: &i64| placed.get(id) == Some(r);
        overstayers.retain(|o| here(&o.person_id));
        expiring.retain(|e| here(&e.person_id));
        // A late registration is of the region it was made in.
        late.retain(|l| ashyq_core::region::parse(&l.region).is_some_and(|x| &x.code == r));
    }
    Ok(Alerts { on, days, scan, region, overstayers, expiring, late })
}

/// Today's alerts (officers, administrators): the overstayers, visas and permits expiring
/// within `days` (1 to [`MAX_DAYS`]; [`DEFAULT_DAYS`] when not given), late registrations —
/// of the officer's region, or of `region` or the whole country for the national roles.
/// Audited (`register.alerts`).
pub async fn alerts(s: &AppState, p: &Principal, days: Option<i64>, region: Option<&str>) -> Outcome<Alerts> {
    let a = gather(s, p, days, region).await?;
    let detail = serde_json::json!({
        "on": a.on.to_string(), "days": a.days, "region": a.region,
        "overstayers": a.overstayers.len(), "expiring": a.expiring.len(), "late": a.late.len(),
    });
    let day = a.on.to_string();
    audit::record(&s.db, &p.actor(), Event::new("register.alerts", "scan", &day).detail(detail)).await?;
    Ok(a)
}

/// One list of today's alerts whole, to be downloaded: a read of the personal data of every
/// person in it, audited as `register.alerts.export` with the list, the region and the persons.
pub async fn export(
    s: &AppState,
    p: &Principal,
    list: AlertList,
    days: Option<i64>,
    region: Option<&str>,
) -> Outcome<Alerts> {
    let a = gather(s, p, days, region).await?;
    let persons = a.persons(list);
    let detail = serde_json::json!({
        "on": a.on.to_string(), "days": a.days, "region": a.region, "list": list.as_str(),
        "rows": persons.len(), "persons": persons,
    });
    let day = a.on.to_string();
    audit::record(&s.db, &p.actor(), Event::new("register.alerts.export", "scan", &day).detail(detail))
        .await?;
    Ok(a)
}
