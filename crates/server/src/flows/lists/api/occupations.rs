//! The classifier of occupations and job-title search (public) over JSON: the adapter of
//! `flows::lists::occupations`.

use crate::auth::Principal;
use crate::flows::lists::occupations;
use crate::problem::{ApiResult, Problem, ProblemDetails};
use crate::state::AppState;
use ashyq_core::occupation::{Group, OccupationCode};
use axum::Json;
use axum::extract::{Path, Query, State};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// A group of the classifier.
#[derive(Serialize, ToSchema)]
pub struct GroupView {
    /// `2512`, or a national occupation `2512-1`.
    code: String,
    /// 1 major group … 4 unit group, 5 national occupation.
    level: u8,
    title_en: String,
    title_ru: String,
    title_kk: String,
    /// The Russian and Kazakh titles are working translations.
    working_translation: bool,
}

impl From<&Group> for GroupView {
    fn from(g: &Group) -> Self {
        GroupView {
            code: g.code.to_string(),
            level: g.level(),
            title_en: g.title_en.clone(),
            title_ru: g.title_ru.clone(),
            title_kk: g.title_kk.clone(),
            working_translation: g.working_translation,
        }
    }
}

/// A search result: a unit group, the title that matched it, and how well (0–1).
#[derive(Serialize, ToSchema)]
pub struct HitView {
    #[serde(flatten)]
    group: GroupView,
    score: f32,
    matched_title: String,
    /// en, ru or kk.
    matched_lang: String,
}

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct SearchQuery {
    /// A job title in English, Russian or Kazakh. Without it, every unit group is listed.
    q: Option<String>,
    /// How many results (1–50, default 10).
    limit: Option<usize>,
}

/// Finds the unit groups for a job title, or lists the unit groups.
#[utoipa::path(get, path = "/api/v1/occupations", tag = "occupations", params(SearchQuery),
    responses((status = 200, body = Vec<HitView>), (status = 422, body = ProblemDetails)))]
pub async fn search(
    State(s): State<AppState>,
    p: Principal,
    Query(q): Query<SearchQuery>,
) -> ApiResult<Json<Vec<HitView>>> {
    let hits = occupations::search(&s, &p, q.q.as_deref(), q.limit).await?;
    Ok(Json(
        hits.into_iter()
            .map(|h| HitView {
                group: h.group.into(),
                score: h.score,
                matched_title: h.matched_title,
                matched_lang: h.matched_lang.into(),
            })
            .collect(),
    ))
}

/// A group with its parents and children.
#[derive(Serialize, ToSchema)]
pub struct GroupDetail {
    #[serde(flatten)]
    group: GroupView,
    ancestors: Vec<GroupView>,
    children: Vec<GroupView>,
}

/// One group of the classifier.
#[utoipa::path(get, path = "/api/v1/occupations/{code}", tag = "occupations", params(("code" = String, Path)),
    responses((status = 200, body = GroupDetail), (status = 404, body = ProblemDetails)))]
pub async fn show(
    State(s): State<AppState>,
    p: Principal,
    Path(code): Path<String>,
) -> ApiResult<Json<GroupDetail>> {
    let parsed = OccupationCode::parse(&code).map_err(|e| Problem::validation("code", e.to_string()))?;
    let placed = occupations::group(&s, &p, &parsed).await?;
    Ok(Json(GroupDetail {
        group: placed.group.into(),
        ancestors: placed.ancestors.into_iter().map(GroupView::from).collect(),
        children: placed.children.into_iter().map(GroupView::from).collect(),
    }))
}

/// This module's routes, each with its row of the access table
/// (public, applicant, analyst, coordinator, officer, border, admin).
#[rustfmt::skip]
pub fn routes(b: crate::routes::RouteBuilder) -> crate::routes::RouteBuilder {
    b
        .api(__path_search, [200, 200, 200, 200, 200, 200, 200], search)
        .api(__path_show, [200, 200, 200, 200, 200, 200, 200], show)
}
