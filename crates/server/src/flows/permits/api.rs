//! Permits issued by cases over the API (issue 6): reading them with their history, training
//! reports and reporting periods, renewing and cancelling them on a legal ground (officers),
//! filing training reports and confirmations of solvency (the holder), the overdue reports
//! (officers); and the annual quotas per programme, published to everyone (figures only) and set
//! by administrators.

use crate::auth::Principal;
use crate::flows::cases::viewer;
use crate::json::ApiJson;
use crate::problem::{ApiResult, Problem, ProblemDetails};
use crate::state::AppState;
use ashyq_core::cases::obligations::{self, Period};
use ashyq_core::cases::permit::CancellationGround;
use ashyq_core::rules::Programme;
use ashyq_store::cases::permits::{self, Overdue, Permit, PermitHistory, Report};
use ashyq_store::cases::solvency::{self, Confirmation};
use ashyq_store::cases::{quotas, rounds};
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct PermitsQuery {
    /// Only this programme.
    pub programme: Option<String>,
    /// At most this many (1–5000, default 500).
    pub limit: Option<i64>,
}

fn programme(id: &str) -> ApiResult<Programme> {
    Programme::named(id).map_err(|e| Problem::validation("programme", e.to_string()))
}

/// Permits: the holder's own; an officer's region's; every one for an administrator. Lists by
/// officers are audited.
#[utoipa::path(get, path = "/api/v1/permits", tag = "permits",
    params(PermitsQuery),
    responses((status = 200, body = Vec<Object>), (status = 422, body = ProblemDetails)),
    security(("bearer" = []), ("session" = [])))]
pub async fn list(
    State(s): State<AppState>,
    p: Principal,
    Query(q): Query<PermitsQuery>,
) -> ApiResult<Json<Vec<Permit>>> {
    let programme = q.programme.as_deref().map(programme).transpose()?;
    let limit = q.limit.unwrap_or(500);
    if !(1..=5000).contains(&limit) {
        return Err(Problem::validation("limit", "must be 1 to 5000"));
    }
    Ok(Json(permits::list(&s.db, &p.actor(), &viewer(&p)?, programme, limit).await?))
}

/// A permit with everything that happened to it.
#[derive(Debug, Serialize, ToSchema)]
pub struct PermitDetail {
    #[schema(value_type = Object)]
    pub permit: Permit,
    /// issued, renewed, cancelled — oldest first.
    #[schema(value_type = Vec<Object>)]
    pub history: Vec<PermitHistory>,
    /// The training reports filed (valuable-skills visa).
    #[schema(value_type = Vec<Object>)]
    pub reports: Vec<Report>,
    /// The reporting periods ended by today (valuable-skills visa).
    pub periods: Vec<Period>,
    /// The periods whose report is overdue today.
    pub overdue: Vec<Period>,
    /// The confirmations of solvency filed (permanent residence), the latest certificate first.
    #[schema(value_type = Vec<Object>)]
    pub solvency: Vec<Confirmation>,
}

async fn permit_detail(s: &AppState, permit: Permit) -> ApiResult<PermitDetail> {
    let today = crate::clock::today();
    let history = permits::history(&s.db, permit.id).await?;
    let reports = permits::reports(&s.db, permit.id).await?;
    let periods = permits::periods(&s.policy, &permit, today)?;
    let filed: Vec<u32> = reports.iter().filter_map(|r| u32::try_from(r.period).ok()).collect();
    let overdue = if permit.cancelled_on.is_some() {
        Vec::new()
    } else {
        obligations::overdue(&periods, &filed, today)
    };
    let solvency = solvency::of_permit(&s.db, permit.id).await?;
    Ok(PermitDetail { permit, history, reports, periods, overdue, solvency })
}

/// A permit with its history, training reports, reporting periods and the overdue ones. The
/// holder sees their own (another's is 404), an officer their region's (403); reads by
/// officers are audited.
#[utoipa::path(get, path = "/api/v1/permits/{id}", tag = "permits",
    params(("id" = i64, Path, description = "The permit's id")),
    responses((status = 200, body = PermitDetail), (status = 403, body = ProblemDetails),
        (status = 404, body = ProblemDetails)),
    security(("bearer" = []), ("session" = [])))]
pub async fn show(
    State(s): State<AppState>,
    p: Principal,
    Path(id): Path<i64>,
) -> ApiResult<Json<PermitDetail>> {
    let permit = permits::get(&s.db, &p.actor(), &viewer(&p)?, id).await?;
    Ok(Json(permit_detail(&s, permit).await?))
}

/// A renewal: the new last day and why.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RenewIn {
    /// YYYY-MM-DD, after the current last day.
    pub valid_until: Date,
    #[serde(default)]
    pub reason: String,
}

/// Renews a permit to a new last day, with a reason; the register of movements follows.
#[utoipa::path(post, path = "/api/v1/permits/{id}/renew", tag = "permits",
    params(("id" = i64, Path, description = "The permit's id")), request_body = RenewIn,
    responses((status = 200, body = PermitDetail), (status = 403, body = ProblemDetails),
        (status = 404, body = ProblemDetails), (status = 409, body = ProblemDetails),
        (status = 422, body = ProblemDetails)),
    security(("bearer" = []), ("session" = [])))]
pub async fn renew(
    State(s): State<AppState>,
    p: Principal,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<RenewIn>,
) -> ApiResult<Json<PermitDetail>> {
    let today = crate::clock::today();
    let permit =
        permits::renew(&s.db, &p.actor(), &viewer(&p)?, &s.policy, id, body.valid_until, &body.reason, today)
            .await?;
    s.register_changed();
    Ok(Json(permit_detail(&s, permit).await?))
}

/// A cancellation: the legal ground, why, and from when.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CancelIn {
    pub ground: CancellationGround,
    #[serde(default)]
    pub reason: String,
    /// The day the permit stops being valid (default today).
    #[serde(default)]
    pub on: Option<Date>,
}

/// Cancels a permit on a legal ground that applies to its programme, with a reason; the
/// register of movements holds it valid until the day before.
#[utoipa::path(post, path = "/api/v1/permits/{id}/cancel", tag = "permits",
    params(("id" = i64, Path, description = "The permit's id")), request_body = CancelIn,
    responses((status = 200, body = PermitDetail), (status = 403, body = ProblemDetails),
        (status = 404, body = ProblemDetails), (status = 409, body = ProblemDetails),
        (status = 422, body = ProblemDetails)),
    security(("bearer" = []), ("session" = [])))]
pub async fn cancel(
    State(s): State<AppState>,
    p: Principal,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<CancelIn>,
) -> ApiResult<Json<PermitDetail>> {
    let on = body.on.unwrap_or_else(crate::clock::today);
    let permit =
        permits::cancel(&s.db, &p.actor(), &viewer(&p)?, &s.policy, id, body.ground, &body.reason, on)
            .await?;
    s.register_changed();
    Ok(Json(permit_detail(&s, permit).await?))
}

/// A training report for a period that has ended.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReportIn {
    /// The period's number (from 1).
    pub period: u32,
    /// Local personnel trained in the period.
    pub trainees: u32,
    #[serde(default)]
    pub summary: String,
}

/// The holder files the training report of an ended period (valuable-skills visa). The same
/// report again changes nothing (200); other figures for a filed period are a conflict (409).
#[utoipa::path(post, path = "/api/v1/permits/{id}/reports", tag = "permits",
    params(("id" = i64, Path, description = "The permit's id")), request_body = ReportIn,
    responses((status = 201, body = PermitDetail), (status = 200, description = "Already filed", body = PermitDetail),
        (status = 404, body = ProblemDetails), (status = 409, body = ProblemDetails),
        (status = 422, body = ProblemDetails)),
    security(("bearer" = []), ("session" = [])))]
pub async fn file_report(
    State(s): State<AppState>,
    p: Principal,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<ReportIn>,
) -> ApiResult<(StatusCode, Json<PermitDetail>)> {
    let v = viewer(&p)?;
    let today = crate::clock::today();
    let created = permits::file_report(
        &s.db,
        &p.actor(),
        &v,
        &s.policy,
        id,
        body.period,
        body.trainees,
        &body.summary,
        today,
    )
    .await?;
    let permit = permits::get(&s.db, &p.actor(), &v, id).await?;
    Ok((if created { StatusCode::CREATED } else { StatusCode::OK }, Json(permit_detail(&s, permit).await?)))
}

/// A confirmation of solvency: the bank's certificate of the funds on the holder's own account.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SolvencyIn {
    /// Tenge, as a decimal string (at most two decimals), e.g. "6000000.00".
    pub amount_kzt: String,
    /// Whether the account is with a second-tier bank of Kazakhstan.
    pub kazakh_bank: bool,
    /// The certificate's date, YYYY-MM-DD, not after today.
    pub certified_on: Date,
}

/// The holder of a live permanent-residence permit confirms their solvency (Article 49); the
/// annual re-check decides on the latest certificate filed. The same certificate again changes
/// nothing (200); another with the same date is a conflict (409).
#[utoipa::path(post, path = "/api/v1/permits/{id}/solvency", tag = "permits",
    params(("id" = i64, Path, description = "The permit's id")), request_body = SolvencyIn,
    responses((status = 201, body = PermitDetail), (status = 200, description = "Already filed", body = PermitDetail),
        (status = 403, body = ProblemDetails), (status = 404, body = ProblemDetails),
        (status = 409, body = ProblemDetails), (status = 422, body = ProblemDetails)),
    security(("bearer" = []), ("session" = [])))]
pub async fn confirm_solvency(
    State(s): State<AppState>,
    p: Principal,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<SolvencyIn>,
) -> ApiResult<(StatusCode, Json<PermitDetail>)> {
    let v = viewer(&p)?;
    let amount =
        body.amount_kzt.trim().parse().map_err(|_| {
            Problem::validation("amount_kzt", "must be an amount of tenge, such as 6000000.00")
        })?;
    let today = crate::clock::today();
    let created =
        solvency::confirm(&s.db, &p.actor(), &v, id, amount, body.kazakh_bank, body.certified_on, today)
            .await?;
    let permit = permits::get(&s.db, &p.actor(), &v, id).await?;
    Ok((if created { StatusCode::CREATED } else { StatusCode::OK }, Json(permit_detail(&s, permit).await?)))
}

/// Live valuable-skills permits (of the officer's region) with a training report overdue today.
#[utoipa::path(get, path = "/api/v1/permits/overdue", tag = "permits",
    responses((status = 200, body = Vec<Object>)),
    security(("bearer" = []), ("session" = [])))]
pub async fn overdue(State(s): State<AppState>, p: Principal) -> ApiResult<Json<Vec<Overdue>>> {
    Ok(Json(permits::overdue(&s.db, &s.policy, &viewer(&p)?, crate::clock::today()).await?))
}

/// A programme's quota for a year, as published: figures only.
#[derive(Debug, Serialize, ToSchema)]
pub struct QuotaView {
    pub programme: String,
    pub year: i64,
    pub places: i64,
    pub used: i64,
    pub remaining: i64,
}

/// The annual quotas (public): places and places taken per programme and year. The
/// valuable-skills quota of the current year is shown from the policy until one is set.
#[utoipa::path(get, path = "/api/v1/quotas", tag = "permits",
    responses((status = 200, body = Vec<QuotaView>)))]
pub async fn quotas(State(s): State<AppState>) -> ApiResult<Json<Vec<QuotaView>>> {
    let mut out: Vec<QuotaView> = quotas::list(&s.db)
        .await?
        .into_iter()
        .map(|q| QuotaView {
            remaining: (q.places - q.used).max(0),
            programme: q.programme,
            year: q.year,
            places: q.places,
            used: q.used,
        })
        .collect();
    let year = crate::clock::today().year();
    let vs = Programme::ValuableSkillsVisa.id();
    if !out.iter().any(|q| q.programme == vs && q.year == i64::from(year)) {
        let places = rounds::remaining_places(&s.db, &s.policy, year).await?;
        out.push(QuotaView { programme: vs.into(), year: year.into(), places, used: 0, remaining: places });
        out.sort_by(|a, b| b.year.cmp(&a.year).then_with(|| a.programme.cmp(&b.programme)));
    }
    Ok(Json(out))
}

/// A quota to set.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct QuotaIn {
    pub programme: String,
    pub year: i16,
    /// Not fewer than the places already taken.
    pub places: i64,
}

/// Sets a programme's quota for a year (administrators).
#[utoipa::path(post, path = "/api/v1/quotas", tag = "permits",
    request_body = QuotaIn,
    responses((status = 200, body = QuotaView), (status = 422, body = ProblemDetails)),
    security(("bearer" = []), ("session" = [])))]
pub async fn set_quota(
    State(s): State<AppState>,
    p: Principal,
    ApiJson(body): ApiJson<QuotaIn>,
) -> ApiResult<Json<QuotaView>> {
    let programme = programme(&body.programme)?;
    if !(2000..=2100).contains(&body.year) {
        return Err(Problem::validation("year", "must be 2000 to 2100"));
    }
    let q = quotas::set(&s.db, &p.actor(), programme, body.year, body.places).await?;
    Ok(Json(QuotaView {
        remaining: (q.places - q.used).max(0),
        programme: q.programme,
        year: q.year,
        places: q.places,
        used: q.used,
    }))
}

/// This module's routes, each with its row of the access table
/// (public, applicant, analyst, coordinator, officer, border, admin).
#[rustfmt::skip]
pub fn routes(b: crate::routes::RouteBuilder) -> crate::routes::RouteBuilder {
    b
        .api(__path_list, [401, 200, 403, 403, 200, 403, 200], list)
        .api(__path_overdue, [401, 403, 403, 403, 200, 403, 200], overdue)
        .api(__path_show, [401, 200, 403, 403, 200, 403, 200], show)
        .api(__path_renew, [401, 403, 403, 403, 200, 403, 403], renew)
        .api(__path_cancel, [401, 403, 403, 403, 200, 403, 403], cancel)
        .api(__path_file_report, [401, 201, 403, 403, 403, 403, 403], file_report)
        .api(__path_confirm_solvency, [401, 201, 403, 403, 403, 403, 403], confirm_solvency)
        .api(__path_quotas, [200, 200, 200, 200, 200, 200, 200], quotas)
        .api(__path_set_quota, [401, 403, 403, 403, 403, 403, 200], set_quota)
}
