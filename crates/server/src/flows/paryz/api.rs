//! The annual "Paryz" contest over the API (issue 7, docs/paryz.md): contest years opened,
//! closed and published by the contest secretariat (administrators), nominations filed by
//! coordinators (akimats, Atameken) and administrators, the jury's decisions recorded by the
//! secretariat. Everyone reads the published years (winners and shortlist); coordinators and
//! administrators read every year and every nomination, and an unpublished year does not exist
//! for anyone else (404).

use crate::auth::Principal;
use crate::flows::paryz;
use crate::json::ApiJson;
use crate::problem::{ApiResult, ProblemDetails};
use crate::state::AppState;
use ashyq_core::paryz::{NominationInput, Verdict, YearStatus};
use ashyq_store::paryz::{Nomination, Year};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A contest year.
#[derive(Debug, Serialize, ToSchema)]
pub struct YearView {
    pub year: i64,
    pub status: YearStatus,
    pub opened_at: String,
    pub closed_at: Option<String>,
    pub published_at: Option<String>,
    /// The prizes of the year (policy `paryz_prizes_per_year`), once published.
    pub prizes: Option<i64>,
}

/// A nomination. The public sees the winners and the shortlist of published years, without
/// the card number, the reason or who nominated.
#[derive(Debug, Serialize, ToSchema)]
pub struct NominationView {
    pub id: i64,
    pub reference: String,
    pub year: i64,
    pub nominee: String,
    /// ISO 3166-1 alpha-3 of the country of residence.
    pub country: String,
    pub card_number: Option<String>,
    pub business: String,
    pub sector: String,
    pub bin: Option<String>,
    pub contribution: String,
    pub jobs_created: i64,
    pub investment_kzt: i64,
    pub nominated_by: Option<String>,
    pub verdict: Option<Verdict>,
    pub reason: Option<String>,
}

/// A contest year with the nominations the caller may see.
#[derive(Debug, Serialize, ToSchema)]
pub struct YearDetail {
    #[serde(flatten)]
    pub year: YearView,
    pub nominations: Vec<NominationView>,
}

pub(crate) fn year_view(y: Year) -> YearView {
    YearView {
        year: y.year,
        status: y.status,
        opened_at: crate::clock::instant(y.opened_at),
        closed_at: y.closed_at.map(crate::clock::instant),
        published_at: y.published_at.map(crate::clock::instant),
        prizes: y.prizes,
    }
}

pub(crate) fn nomination_view(n: Nomination) -> NominationView {
    NominationView {
        id: n.id,
        reference: n.reference,
        year: n.year,
        nominee: n.nominee,
        country: n.country,
        card_number: n.card_number,
        business: n.business,
        sector: n.sector,
        bin: n.bin,
        contribution: n.contribution,
        jobs_created: n.jobs_created,
        // Filed in whole tenge, so stored without tiyn; whole tenge is the API's unit.
        investment_kzt: n.investment.whole().unwrap_or(n.investment.tiyn() / 100),
        nominated_by: n.nominated_by,
        verdict: n.verdict,
        reason: n.reason,
    }
}

/// The contest years: published ones for everyone, every year for coordinators and
/// administrators.
#[utoipa::path(get, path = "/api/v1/paryz", tag = "paryz",
    responses((status = 200, body = Vec<YearView>)))]
pub async fn list(State(s): State<AppState>, p: Principal) -> ApiResult<Json<Vec<YearView>>> {
    let years = paryz::list(&s, &p).await?;
    Ok(Json(years.into_iter().map(year_view).collect()))
}

/// A contest year: when published, its winners and shortlist (public); for coordinators and
/// administrators, every nomination at any stage (audited).
#[utoipa::path(get, path = "/api/v1/paryz/{year}", tag = "paryz",
    params(("year" = i64, Path, description = "The contest year")),
    responses((status = 200, body = YearDetail), (status = 404, body = ProblemDetails)))]
pub async fn show(
    State(s): State<AppState>,
    p: Principal,
    Path(year): Path<i64>,
) -> ApiResult<Json<YearDetail>> {
    let (y, noms) = paryz::show(&s, &p, year).await?;
    Ok(Json(YearDetail { year: year_view(y), nominations: noms.into_iter().map(nomination_view).collect() }))
}

/// A contest year to open.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OpenIn {
    pub year: i64,
}

/// Opens a contest year for nominations (the secretariat).
#[utoipa::path(post, path = "/api/v1/paryz", tag = "paryz",
    request_body = OpenIn,
    responses((status = 201, body = YearView), (status = 409, body = ProblemDetails),
        (status = 422, body = ProblemDetails)),
    security(("bearer" = []), ("session" = [])))]
pub async fn open(
    State(s): State<AppState>,
    p: Principal,
    ApiJson(body): ApiJson<OpenIn>,
) -> ApiResult<(StatusCode, Json<YearView>)> {
    let y = paryz::open(&s, &p, body.year).await?;
    Ok((StatusCode::CREATED, Json(year_view(y))))
}

/// Closes a year's nominations; the jury decides next (the secretariat).
#[utoipa::path(post, path = "/api/v1/paryz/{year}/close", tag = "paryz",
    params(("year" = i64, Path, description = "The contest year")),
    responses((status = 200, body = YearView), (status = 404, body = ProblemDetails),
        (status = 409, body = ProblemDetails)),
    security(("bearer" = []), ("session" = [])))]
pub async fn close(
    State(s): State<AppState>,
    p: Principal,
    Path(year): Path<i64>,
) -> ApiResult<Json<YearView>> {
    Ok(Json(year_view(paryz::close(&s, &p, year).await?)))
}

/// Publishes a year's results: every nomination must be decided; the results are final.
#[utoipa::path(post, path = "/api/v1/paryz/{year}/publish", tag = "paryz",
    params(("year" = i64, Path, description = "The contest year")),
    responses((status = 200, body = YearView), (status = 404, body = ProblemDetails),
        (status = 409, body = ProblemDetails)),
    security(("bearer" = []), ("session" = [])))]
pub async fn publish(
    State(s): State<AppState>,
    p: Principal,
    Path(year): Path<i64>,
) -> ApiResult<Json<YearView>> {
    Ok(Json(year_view(paryz::publish(&s, &p, year).await?)))
}

/// A nomination to file.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NominationIn {
    /// The client's key: the same reference again returns the nomination filed.
    pub reference: String,
    pub nominee: String,
    /// ISO 3166-1 alpha-3 of the country of residence.
    pub country: String,
    /// The nominee's Ata zholy card (`AZH-YYYY-NNNNNN`), if any: it must be issued and not cancelled.
    #[serde(default)]
    pub card_number: Option<String>,
    pub business: String,
    pub sector: String,
    /// The business identification number, when registered in Kazakhstan (check digit verified).
    #[serde(default)]
    pub bin: Option<String>,
    pub contribution: String,
    #[serde(default)]
    pub jobs_created: i64,
    /// Investment in Kazakhstan, whole tenge.
    #[serde(default)]
    pub investment_kzt: i64,
}

/// Files a nomination in an open year (coordinators and administrators).
#[utoipa::path(post, path = "/api/v1/paryz/{year}/nominations", tag = "paryz",
    params(("year" = i64, Path, description = "The contest year")),
    request_body = NominationIn,
    responses((status = 201, body = NominationView), (status = 200, description = "Already filed", body = NominationView),
        (status = 404, body = ProblemDetails), (status = 409, body = ProblemDetails),
        (status = 422, body = ProblemDetails)),
    security(("bearer" = []), ("session" = [])))]
pub async fn nominate(
    State(s): State<AppState>,
    p: Principal,
    Path(year): Path<i64>,
    ApiJson(b): ApiJson<NominationIn>,
) -> ApiResult<(StatusCode, Json<NominationView>)> {
    let input = NominationInput {
        nominee: b.nominee,
        country: b.country,
        card_number: b.card_number,
        business: b.business,
        sector: b.sector,
        bin: b.bin,
        contribution: b.contribution,
        jobs_created: b.jobs_created,
        investment_kzt: b.investment_kzt,
    };
    let (n, created) = paryz::nominate(&s, &p, year, &b.reference, &input).await?;
    Ok((if created { StatusCode::CREATED } else { StatusCode::OK }, Json(nomination_view(n))))
}

/// The jury's decision on a nomination.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = ParyzDecisionIn)]
pub struct DecisionIn {
    pub verdict: Verdict,
    pub reason: String,
}

/// Records the jury's decision (the secretariat), once nominations are closed and until the
/// year is published; never more winners than the year's prizes.
#[utoipa::path(post, path = "/api/v1/paryz/nominations/{id}/decision", tag = "paryz",
    params(("id" = i64, Path, description = "The nomination's id")),
    request_body = DecisionIn,
    responses((status = 200, body = NominationView), (status = 404, body = ProblemDetails),
        (status = 409, body = ProblemDetails), (status = 422, body = ProblemDetails)),
    security(("bearer" = []), ("session" = [])))]
pub async fn decide(
    State(s): State<AppState>,
    p: Principal,
    Path(id): Path<i64>,
    ApiJson(b): ApiJson<DecisionIn>,
) -> ApiResult<Json<NominationView>> {
    let n = paryz::decide(&s, &p, id, b.verdict, &b.reason).await?;
    Ok(Json(nomination_view(n)))
}

/// This module's routes, each with its row of the access table
/// (public, applicant, analyst, coordinator, officer, border, admin).
#[rustfmt::skip]
pub fn routes(b: crate::routes::RouteBuilder) -> crate::routes::RouteBuilder {
    b
        .api(__path_list, [200, 200, 200, 200, 200, 200, 200], list)
        .api(__path_open, [401, 403, 403, 403, 403, 403, 201], open)
        .api(__path_show, [200, 200, 200, 200, 200, 200, 200], show)
        .api(__path_close, [401, 403, 403, 403, 403, 403, 200], close)
        .api(__path_publish, [401, 403, 403, 403, 403, 403, 200], publish)
        .api(__path_nominate, [401, 403, 403, 201, 403, 403, 201], nominate)
        .api(__path_decide, [401, 403, 403, 403, 403, 403, 200], decide)
}
