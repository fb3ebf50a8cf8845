//! Permits issued by cases over the API (issue 6): reading them with their history, training
//! reports and reporting periods, renewing and cancelling them on a legal ground (officers),
//! filing training reports and confirmations of solvency (the holder), the overdue reports
//! (officers); and the annual quotas per programme, published to everyone (figures only) and set
//! by administrators. The handlers read the request, call the use cases of
//! [`crate::flows::permits`] and answer.

use crate::auth::Principal;
use crate::flows::permits::quotas::{Places, Setting};
use crate::flows::permits::{self, Cancellation, PermitFile, Renewal, Solvency};
use crate::json::ApiJson;
use crate::problem::{ApiResult, Problem, ProblemDetails};
use crate::state::AppState;
use ashyq_core::cases::obligations::Period;
use ashyq_core::cases::permit::CancellationGround;
use ashyq_core::rules::Programme;
use ashyq_store::cases::permits::{Overdue, Permit, PermitHistory, Report};
use ashyq_store::cases::solvency::Confirmation;
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
    Ok(Json(permits::list(&s, &p, programme, q.limit.unwrap_or(500)).await?))
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

impl From<PermitFile> for PermitDetail {
    fn from(f: PermitFile) -> PermitDetail {
        let PermitFile { permit, history, reports, periods, overdue, solvency } = f;
        PermitDetail { permit, history, reports, periods, overdue, solvency }
    }
}

/// The permit after a change, with what goes with it.
async fn detail(s: &AppState, permit: Permit) -> ApiResult<Json<PermitDetail>> {
    Ok(Json(permits::file(s, permit).await?.into()))
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
    Ok(Json(permits::show(&s, &p, id).await?.into()))
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
    let renewal = Renewal { valid_until: body.valid_until, reason: body.reason };
    detail(&s, permits::renew(&s, &p, id, &renewal).await?).await
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
    let cancellation = Cancellation { ground: body.ground, reason: body.reason, on: body.on };
    detail(&s, permits::cancel(&s, &p, id, &cancellation).await?).await
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
    let report = permits::Report { period: body.period, trainees: body.trainees, summary: body.summary };
    let created = permits::file_report(&s, &p, id, &report).await?;
    let status = if created { StatusCode::CREATED } else { StatusCode::OK };
    Ok((status, Json(permits::show(&s, &p, id).await?.into())))
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
    let amount_kzt =
        body.amount_kzt.trim().parse().map_err(|_| {
            Problem::validation("amount_kzt", "must be an amount of tenge, such as 6000000.00")
        })?;
    let confirmation =
        Solvency { amount_kzt, kazakh_bank: body.kazakh_bank, certified_on: body.certified_on };
    let created = permits::confirm_solvency(&s, &p, id, &confirmation).await?;
    let status = if created { StatusCode::CREATED } else { StatusCode::OK };
    Ok((status, Json(permits::show(&s, &p, id).await?.into())))
}

/// Live valuable-skills permits (of the officer's region) with a training report overdue today.
#[utoipa::path(get, path = "/api/v1/permits/overdue", tag = "permits",
    responses((status = 200, body = Vec<Object>)),
    security(("bearer" = []), ("session" = [])))]
pub async fn overdue(State(s): State<AppState>, p: Principal) -> ApiResult<Json<Vec<Overdue>>> {
    Ok(Json(permits::overdue(&s, &p).await?))
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
    Ok(Json(permits::quotas::list(&s).await?.into_iter().map(QuotaView::from).collect()))
}

impl From<Places> for QuotaView {
    fn from(q: Places) -> QuotaView {
        QuotaView {
            remaining: q.remaining(),
            programme: q.programme,
            year: q.year,
            places: q.places,
            used: q.used,
        }
    }
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
    let setting = Setting { programme: programme(&body.programme)?, year: body.year, places: body.places };
    Ok(Json(permits::quotas::set(&s, &p, &setting).await?.into()))
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
