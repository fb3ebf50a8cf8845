//! Permits issued by cases: renewal, cancellation, training reports and solvency, and the annual
//! quotas.
//!
//! The use cases live here (the permits) and in [`quotas`]; `api` and `pages` are thin
//! adapters over them. Who reaches which permit is [`Access::viewer`]: the holder their own
//! (another's is "not found"), an officer their region's (forbidden otherwise), an
//! administrator every one, to read. A renewal or a cancellation changes what the register of
//! movements holds, so the kept overstay scan is marked stale.

pub mod api;
pub mod pages;
pub mod quotas;

use crate::access::Access;
use crate::auth::Principal;
use crate::flows::Outcome;
use crate::problem::Problem;
use crate::routes::RouteBuilder;
use crate::state::AppState;
use ashyq_core::Role;
use ashyq_core::cases::obligations::{self, Period};
use ashyq_core::cases::permit::CancellationGround;
use ashyq_core::rules::Programme;
use ashyq_store::cases::permits::{self, Overdue, Permit, PermitHistory, Report as FiledReport};
use ashyq_store::cases::solvency::{self, Confirmation};
use jiff::civil::Date;
use rust_decimal::Decimal;

/// A permit with everything that happened to it.
#[derive(Debug)]
pub struct PermitFile {
    pub permit: Permit,
    /// issued, renewed, cancelled — oldest first.
    pub history: Vec<PermitHistory>,
    /// The training reports filed (valuable-skills visa).
    pub reports: Vec<FiledReport>,
    /// The reporting periods ended by today (valuable-skills visa; on a cancelled permit,
    /// those of its life).
    pub periods: Vec<Period>,
    /// The periods whose report is due before today and not filed, whether or not the permit
    /// has been cancelled since: a report not filed stays on the permit's record.
    pub overdue: Vec<Period>,
    /// The confirmations of solvency filed (permanent residence), the latest certificate first.
    pub solvency: Vec<Confirmation>,
}

/// What goes with a permit the caller has been allowed to see (read or changed through a use
/// case); nothing more is audited.
pub async fn file(s: &AppState, permit: Permit) -> Outcome<PermitFile> {
    let today = crate::clock::today();
    let history = permits::history(&s.db, permit.id).await?;
    let reports = permits::reports(&s.db, permit.id).await?;
    let periods = permits::periods(&s.policy, &permit, today)?;
    let filed: Vec<u32> = reports.iter().filter_map(|r| u32::try_from(r.period).ok()).collect();
    let overdue = obligations::overdue(&periods, &filed, today);
    let solvency = solvency::of_permit(&s.db, permit.id).await?;
    Ok(PermitFile { permit, history, reports, periods, overdue, solvency })
}

/// Permits: the holder's own; an officer's region's; every one for an administrator, at most
/// `limit` (1–5000), newest first. Lists by officers are audited.
pub async fn list(
    s: &AppState,
    p: &Principal,
    programme: Option<Programme>,
    limit: i64,
) -> Outcome<Vec<Permit>> {
    if !(1..=5000).contains(&limit) {
        return Err(Problem::validation("limit", "must be 1 to 5000").into());
    }
    Ok(permits::list(&s.db, &p.actor(), &Access::of(p).viewer()?, programme, limit).await?)
}

/// Live valuable-skills permits (of the officer's region) with a training report overdue
/// today: the officers' alerts (the holder is refused).
pub async fn overdue(s: &AppState, p: &Principal) -> Outcome<Vec<Overdue>> {
    let viewer = Access::of(p).viewer()?;
    Ok(permits::overdue(&s.db, &s.policy, &viewer, crate::clock::today()).await?)
}

/// A permit with its history, reports, periods and confirmations. The holder sees their own
/// (another's is not found), an officer their region's (forbidden); reads by officers are
/// audited.
pub async fn show(s: &AppState, p: &Principal, id: i64) -> Outcome<PermitFile> {
    let permit = permits::get(&s.db, &p.actor(), &Access::of(p).viewer()?, id).await?;
    file(s, permit).await
}

/// A renewal: the new last day and why.
#[derive(Debug, Clone)]
pub struct Renewal {
    /// After the current last day.
    pub valid_until: Date,
    pub reason: String,
}

/// An officer of the permit's region renews it to a new last day, with a reason; the register
/// of movements follows.
pub async fn renew(s: &AppState, p: &Principal, id: i64, r: &Renewal) -> Outcome<Permit> {
    let access = Access::of(p);
    access.require(&[Role::Officer])?;
    let today = crate::clock::today();
    let permit =
        permits::renew(&s.db, &p.actor(), &access.viewer()?, &s.policy, id, r.valid_until, &r.reason, today)
            .await?;
    s.register_changed();
    Ok(permit)
}

/// A cancellation: the legal ground, why, and from when.
#[derive(Debug, Clone)]
pub struct Cancellation {
    /// A ground that applies to the permit's programme.
    pub ground: CancellationGround,
    pub reason: String,
    /// The day the permit stops being valid (`None`: today).
    pub on: Option<Date>,
}

/// An officer of the permit's region cancels it on a legal ground, with a reason; the register
/// of movements holds it valid until the day before.
pub async fn cancel(s: &AppState, p: &Principal, id: i64, c: &Cancellation) -> Outcome<Permit> {
    let access = Access::of(p);
    access.require(&[Role::Officer])?;
    let on = c.on.unwrap_or_else(crate::clock::today);
    let permit =
        permits::cancel(&s.db, &p.actor(), &access.viewer()?, &s.policy, id, c.ground, &c.reason, on).await?;
    s.register_changed();
    Ok(permit)
}

/// The most local personnel a training report may count for one period.
pub const MAX_TRAINEES: u32 = 100_000;

/// A training report for a period that has ended.
#[derive(Debug, Clone)]
pub struct Report {
    /// The period's number (from 1).
    pub period: u32,
    /// Local personnel trained in the period (at most [`MAX_TRAINEES`]).
    pub trainees: u32,
    /// 1–4000 characters.
    pub summary: String,
}

/// The holder files the training report of an ended period (valuable-skills visa). The same
/// report again changes nothing (`false`); other figures for a filed period are a conflict.
pub async fn file_report(s: &AppState, p: &Principal, id: i64, r: &Report) -> Outcome<bool> {
    let viewer = Access::of(p).viewer()?;
    if r.trainees > MAX_TRAINEES {
        return Err(Problem::validation("trainees", format!("must be at most {MAX_TRAINEES}")).into());
    }
    let today = crate::clock::today();
    Ok(permits::file_report(
        &s.db,
        &p.actor(),
        &viewer,
        &s.policy,
        id,
        r.period,
        r.trainees,
        &r.summary,
        today,
    )
    .await?)
}

/// A confirmation of solvency: the bank's certificate of the funds on the holder's own account.
#[derive(Debug, Clone)]
pub struct Solvency {
    /// Tenge, to the tiyn.
    pub amount_kzt: Decimal,
    /// Whether the account is with a second-tier bank of Kazakhstan.
    pub kazakh_bank: bool,
    /// The certificate's date, not after today.
    pub certified_on: Date,
}

/// The holder of a live permanent-residence permit confirms their solvency (Article 49); the
/// annual re-check decides on the latest certificate filed. The same certificate again changes
/// nothing (`false`); another with the same date is a conflict.
pub async fn confirm_solvency(s: &AppState, p: &Principal, id: i64, c: &Solvency) -> Outcome<bool> {
    let viewer = Access::of(p).viewer()?;
    let today = crate::clock::today();
    let amount = solvency::amount(c.amount_kzt)?;
    Ok(solvency::confirm(&s.db, &p.actor(), &viewer, id, amount, c.kazakh_bank, c.certified_on, today)
        .await?)
}

/// The flow's routes: its pages, then its API.
pub fn routes(b: RouteBuilder) -> RouteBuilder {
    let b = pages::routes(b.flow("permits"));
    api::routes(b)
}
