//! The published list of professions in demand and the ranking of valuable skills (public, no
//! login): every published version, the one in force on any date, the difference between two
//! versions, the figures behind an entry, and "was this occupation on the list on that date?".

use crate::flows::lists::api::lists::{EntryView, ListView};
use crate::problem::{ApiResult, Problem, ProblemDetails};
use crate::state::AppState;
use ashyq_core::labour::coordination;
use ashyq_core::occupation::OccupationCode;
use ashyq_store::lists::{self, ListHeader};
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

/// A published list by id (404 for lists not published).
pub async fn published_list(s: &AppState, id: i64) -> ApiResult<ListHeader> {
    lists::get_published(&s.db, id)
        .await?
        .ok_or_else(|| Problem::not_found(format!("no published list {id}")))
}

async fn view(s: &AppState, list: &ListHeader) -> ApiResult<PublishedView> {
    let all: Vec<EntryView> =
        lists::entries(&s.db, list.id, list.revision).await?.into_iter().map(EntryView::from).collect();
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
    Ok(PublishedView { list: ListView::from(list), entries, ranking })
}

/// Every published version, newest effective date first.
#[utoipa::path(get, path = "/api/v1/published-lists", tag = "published",
    responses((status = 200, body = Vec<ListView>)))]
pub async fn index(State(s): State<AppState>) -> ApiResult<Json<Vec<ListView>>> {
    Ok(Json(lists::published(&s.db).await?.iter().map(ListView::from).collect()))
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
pub async fn in_force(State(s): State<AppState>, Query(q): Query<OnQuery>) -> ApiResult<Json<PublishedView>> {
    let on = q.on.unwrap_or_else(crate::clock::today);
    match lists::in_force(&s.db, on).await? {
        Some(list) => Ok(Json(view(&s, &list).await?)),
        None => Err(Problem::not_found(format!("no list of professions in demand was in force on {on}"))),
    }
}

/// One published version.
#[utoipa::path(get, path = "/api/v1/published-lists/{id}", tag = "published", params(("id" = i64, Path)),
    responses((status = 200, body = PublishedView), (status = 404, body = ProblemDetails)))]
pub async fn show(State(s): State<AppState>, Path(id): Path<i64>) -> ApiResult<Json<PublishedView>> {
    let list = published_list(&s, id).await?;
    Ok(Json(view(&s, &list).await?))
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
pub async fn diff(State(s): State<AppState>, Query(q): Query<DiffQuery>) -> ApiResult<Json<DiffView>> {
    let (a, b) = (published_list(&s, q.from).await?, published_list(&s, q.to).await?);
    let d = coordination::diff(&lists::placed(&s.db, &a).await?, &lists::placed(&s.db, &b).await?);
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
    regions: Vec<crate::flows::lists::api::lists::RegionalView>,
}

/// One occupation of a published version: its indicators against the benchmarks, and by region.
#[utoipa::path(get, path = "/api/v1/published-lists/{id}/entries/{code}", tag = "published",
    params(("id" = i64, Path), ("code" = String, Path)),
    responses((status = 200, body = EntryDetail), (status = 404, body = ProblemDetails)))]
pub async fn entry(
    State(s): State<AppState>,
    Path((id, code)): Path<(i64, String)>,
) -> ApiResult<Json<EntryDetail>> {
    let list = published_list(&s, id).await?;
    let code = OccupationCode::parse(&code).map_err(|e| Problem::validation("code", e.to_string()))?;
    let Some(found) = lists::entries(&s.db, id, list.revision)
        .await?
        .into_iter()
        .find(|e| e.occupation == code.to_string())
    else {
        return Err(Problem::not_found(format!("{code} is not a candidate of list {id}")));
    };
    let regions = lists::regional_of(&s.db, id, &found.occupation)
        .await?
        .into_iter()
        .map(|(region, indicators)| crate::flows::lists::api::lists::RegionalView::new(region, indicators))
        .collect();
    Ok(Json(EntryDetail { list_id: id, entry: found.into(), benchmarks: list.benchmarks.clone(), regions }))
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
    effective_from: Option<String>,
    rank: Option<i64>,
}

/// Was the occupation on the list of professions in demand in force on the date? The question
/// eligibility asks (the permanent-residence exemption, the Ata zholy card).
#[utoipa::path(get, path = "/api/v1/occupations/{code}/on-list", tag = "published",
    params(("code" = String, Path), OnQuery),
    responses((status = 200, body = OnListView), (status = 422, body = ProblemDetails)))]
pub async fn on_list(
    State(s): State<AppState>,
    Path(code): Path<String>,
    Query(q): Query<OnQuery>,
) -> ApiResult<Json<OnListView>> {
    let code = OccupationCode::parse(&code).map_err(|e| Problem::validation("code", e.to_string()))?;
    let on = q.on.unwrap_or_else(crate::clock::today);
    let found = lists::on_list(&s.db, &code, on).await?;
    let in_force = match &found {
        Some((l, _)) => Some(l.clone()),
        None => lists::in_force(&s.db, on).await?,
    };
    Ok(Json(OnListView {
        occupation: code.to_string(),
        on: on.to_string(),
        on_list: found.is_some(),
        list_id: in_force.as_ref().map(|l| l.id),
        order_no: in_force.as_ref().and_then(|l| l.order_no.clone()),
        effective_from: in_force.as_ref().and_then(|l| l.effective_from.clone()),
        rank: found.map(|(_, e)| e.rank),
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
