//! The published list of professions in demand and the ranking of valuable skills (public, no
//! login) over JSON: the adapter of `flows::lists::published`.

use crate::auth::Principal;
use crate::flows::lists::api::lists::{EntryView, ListView, RegionalView};
use crate::flows::lists::published::{self, Version};
use crate::problem::{ApiResult, Problem, ProblemDetails};
use crate::state::AppState;
use ashyq_core::occupation::OccupationCode;
use axum::Json;
use axum::extract::{Path, Query, State};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// A published version: the list (the included occupations, by rank) and the ranking of
/// valuable skills (every candidate, by rank).
#[derive(Serialize, ToSchema)]
pub struct PublishedView {
    #[serde(flatten)]
    list: ListView,
    entries: Vec<EntryView>,
    ranking: Vec<RankView>,
}

/// A place in the ranking of valuable skills.
#[derive(Serialize, ToSchema)]
pub struct RankView {
    rank: i64,
    occupation: String,
    title_en: String,
    score: f64,
    on_list: bool,
}

fn view(v: Version) -> PublishedView {
    let all: Vec<EntryView> = v.entries.into_iter().map(EntryView::from).collect();
    let ranking = all
        .iter()
        .map(|e| RankView {
            rank: e.rank(),
            occupation: e.occupation().into(),
            title_en: e.title_en().into(),
            score: e.score(),
            on_list: e.included(),
        })
        .collect();
    let entries = all.into_iter().filter(|e| e.included()).collect();
    PublishedView { list: ListView::from(&v.list), entries, ranking }
}

/// Every published version, newest effective date first.
#[utoipa::path(get, path = "/api/v1/published-lists", tag = "published",
    responses((status = 200, body = Vec<ListView>)))]
pub async fn index(State(s): State<AppState>, p: Principal) -> ApiResult<Json<Vec<ListView>>> {
    Ok(Json(published::versions(&s, &p).await?.iter().map(ListView::from).collect()))
}

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct OnQuery {
    /// The date (default: today).
    #[param(value_type = Option<String>, format = Date)]
    on: Option<Date>,
}

/// The list in force on a date (default today).
#[utoipa::path(get, path = "/api/v1/published-lists/in-force", tag = "published", params(OnQuery),
    responses((status = 200, body = PublishedView), (status = 404, body = ProblemDetails)))]
pub async fn in_force(
    State(s): State<AppState>,
    p: Principal,
    Query(q): Query<OnQuery>,
) -> ApiResult<Json<PublishedView>> {
    let on = q.on.unwrap_or_else(crate::clock::today);
    match published::in_force(&s, &p, on).await? {
        Some(v) => Ok(Json(view(v))),
        None => Err(Problem::not_found(format!("no list of professions in demand was in force on {on}"))),
    }
}

/// One published version.
#[utoipa::path(get, path = "/api/v1/published-lists/{id}", tag = "published", params(("id" = i64, Path)),
    responses((status = 200, body = PublishedView), (status = 404, body = ProblemDetails)))]
pub async fn show(
    State(s): State<AppState>,
    p: Principal,
    Path(id): Path<i64>,
) -> ApiResult<Json<PublishedView>> {
    Ok(Json(view(published::version(&s, &p, id).await?)))
}

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct DiffQuery {
    /// The earlier version's id.
    from: i64,
    /// The later version's id.
    to: i64,
}

/// How two versions differ.
#[derive(Serialize, ToSchema)]
pub struct DiffView {
    from: i64,
    to: i64,
    added: Vec<String>,
    removed: Vec<String>,
    /// Occupations on both whose rank changed.
    moved: Vec<MoveView>,
    unchanged: usize,
}

#[derive(Serialize, ToSchema)]
pub struct MoveView {
    occupation: String,
    rank_before: u32,
    rank_after: u32,
}

/// Occupations added, removed and moved from one published version to another.
#[utoipa::path(get, path = "/api/v1/published-lists/diff", tag = "published", params(DiffQuery),
    responses((status = 200, body = DiffView), (status = 404, body = ProblemDetails)))]
pub async fn diff(
    State(s): State<AppState>,
    p: Principal,
    Query(q): Query<DiffQuery>,
) -> ApiResult<Json<DiffView>> {
    let d = published::diff(&s, &p, q.from, q.to).await?.diff;
    Ok(Json(DiffView {
        from: q.from,
        to: q.to,
        added: d.added.iter().map(ToString::to_string).collect(),
        removed: d.removed.iter().map(ToString::to_string).collect(),
        moved: d
            .moved
            .iter()
            .map(|(c, before, after)| MoveView {
                occupation: c.to_string(),
                rank_before: *before,
                rank_after: *after,
            })
            .collect(),
        unchanged: d.unchanged,
    }))
}

/// An entry with the figures behind it, nationally and per region.
#[derive(Serialize, ToSchema)]
pub struct EntryDetail {
    list_id: i64,
    #[serde(flatten)]
    entry: EntryView,
    #[schema(value_type = Object)]
    benchmarks: serde_json::Value,
    regions: Vec<RegionalView>,
}

/// One occupation of a published version: its indicators against the benchmarks, and by region.
#[utoipa::path(get, path = "/api/v1/published-lists/{id}/entries/{code}", tag = "published",
    params(("id" = i64, Path), ("code" = String, Path)),
    responses((status = 200, body = EntryDetail), (status = 404, body = ProblemDetails)))]
pub async fn entry(
    State(s): State<AppState>,
    p: Principal,
    Path((id, code)): Path<(i64, String)>,
) -> ApiResult<Json<EntryDetail>> {
    let found = published::entry(&s, &p, id, &code).await?;
    let regions = found.regions.into_iter().map(|(region, ind)| RegionalView::new(region, ind)).collect();
    Ok(Json(EntryDetail {
        list_id: id,
        entry: found.entry.into(),
        benchmarks: found.list.benchmarks,
        regions,
    }))
}

/// Whether an occupation was on the list in force on a date.
#[derive(Serialize, ToSchema)]
pub struct OnListView {
    occupation: String,
    on: String,
    on_list: bool,
    /// The list in force that day (none if no list was in force).
    list_id: Option<i64>,
    order_no: Option<String>,
    effective_from: Option<Date>,
    rank: Option<i64>,
}

/// Was the occupation on the list of professions in demand in force on the date? The question
/// eligibility asks (the permanent-residence exemption, the Ata zholy card).
#[utoipa::path(get, path = "/api/v1/occupations/{code}/on-list", tag = "published",
    params(("code" = String, Path), OnQuery),
    responses((status = 200, body = OnListView), (status = 422, body = ProblemDetails)))]
pub async fn on_list(
    State(s): State<AppState>,
    p: Principal,
    Path(code): Path<String>,
    Query(q): Query<OnQuery>,
) -> ApiResult<Json<OnListView>> {
    let code = OccupationCode::parse(&code).map_err(|e| Problem::validation("code", e.to_string()))?;
    let on = q.on.unwrap_or_else(crate::clock::today);
    let found = published::on_list(&s, &p, &code, on).await?;
    let in_force = found.in_force.as_ref();
    Ok(Json(OnListView {
        occupation: code.to_string(),
        on: on.to_string(),
        on_list: found.entry.is_some(),
        list_id: in_force.map(|l| l.id),
        order_no: in_force.and_then(|l| l.order_no.clone()),
        effective_from: in_force.and_then(|l| l.effective_from),
        rank: found.entry.map(|e| e.rank),
    }))
}

/// This module's routes, each with its row of the access table
/// (public, applicant, analyst, coordinator, officer, border, admin).
#[rustfmt::skip]
pub fn routes(b: crate::routes::RouteBuilder) -> crate::routes::RouteBuilder {
    b
        .api(__path_on_list, [200, 200, 200, 200, 200, 200, 200], on_list)
        .api(__path_index, [200, 200, 200, 200, 200, 200, 200], index)
        .api(__path_in_force, [200, 200, 200, 200, 200, 200, 200], in_force)
        .api(__path_diff, [200, 200, 200, 200, 200, 200, 200], diff)
        .api(__path_show, [200, 200, 200, 200, 200, 200, 200], show)
        .api(__path_entry, [200, 200, 200, 200, 200, 200, 200], entry)
}
