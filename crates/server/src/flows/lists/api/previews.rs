//! An upload previewed before it is written, over the API (analysts): the file is the body of
//! `POST /api/v1/imports/{source}/preview`, which answers the counts and a staging id; then
//! `…/previews/{id}/confirm` writes it (once) or `…/previews/{id}/cancel` drops it. The
//! one-step `POST /api/v1/imports/{source}` still writes at once. The adapter of
//! `flows::lists::previews`.

use crate::auth::Principal;
use crate::flows::lists::api::imports::{ImportQuery, upload_of};
use crate::flows::lists::previews::{self, Staged};
use crate::problem::{ApiResult, Problem, ProblemDetails};
use crate::state::AppState;
use ashyq_store::labour::preview::{Preview, PreviewError};
use ashyq_store::pipeline::history::ImportSummary;
use axum::Json;
use axum::body::Body;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use serde::Serialize;
use utoipa::ToSchema;

/// A bad row's error: row, column letter, field and reason.
#[derive(Serialize, ToSchema)]
pub struct RowErrorView {
    row: u64,
    /// The column's letter as a spreadsheet shows it (A, B, …); none for a whole-row error.
    column: Option<String>,
    /// The column's name in the header.
    field: Option<String>,
    /// Why, in English.
    reason: String,
    /// The reason's stable code (`up-why-date`), for a client that says it in its own words.
    code: String,
}

impl From<&PreviewError> for RowErrorView {
    fn from(e: &PreviewError) -> Self {
        RowErrorView {
            row: e.row,
            column: e.column.clone(),
            field: e.field.clone(),
            reason: e.reason.english.clone(),
            code: e.reason.code.clone(),
        }
    }
}

/// One field an update changes.
#[derive(Serialize, ToSchema)]
pub struct ChangeView {
    field: String,
    old: Option<String>,
    new: Option<String>,
}

/// A row of the file that would update a stored record.
#[derive(Serialize, ToSchema)]
pub struct UpdateView {
    row: u64,
    key: Vec<String>,
    changes: Vec<ChangeView>,
}

/// A staged upload: what confirming it would write.
#[derive(Serialize, ToSchema)]
pub struct PreviewView {
    /// The staging id, for `/confirm` and `/cancel`.
    id: i64,
    /// forecast, vacancies or work-permits.
    source: String,
    file_name: String,
    /// preview (waiting), publishing or done (written).
    state: String,
    uploaded_at: String,
    /// After this the preview is discarded.
    expires_at: String,
    rows_read: u64,
    new: u64,
    updated: u64,
    unchanged: u64,
    rejected: u64,
    /// Rows replaced by a later row of the file with the same key.
    superseded: u64,
    /// Whether confirming sets bad rows aside; without it a file with bad rows cannot be confirmed.
    skip_invalid: bool,
    /// Whether it can be confirmed.
    confirmable: bool,
    /// The first 200 errors.
    errors: Vec<RowErrorView>,
    errors_total: u64,
    /// The first 20 updated rows, old → new.
    updates: Vec<UpdateView>,
}

impl From<&Preview> for PreviewView {
    fn from(p: &Preview) -> Self {
        PreviewView {
            id: p.id,
            source: p.source.as_str().into(),
            file_name: p.file_name.clone(),
            state: p.state.clone(),
            uploaded_at: crate::clock::instant(p.uploaded_at),
            expires_at: crate::clock::instant(p.expires_at),
            rows_read: p.counts.rows_read,
            new: p.counts.new,
            updated: p.counts.updated,
            unchanged: p.counts.unchanged,
            rejected: p.counts.rejected,
            superseded: p.counts.superseded,
            skip_invalid: p.skip_invalid,
            confirmable: p.state == "preview" && !p.blocked(),
            errors: p.errors.iter().map(RowErrorView::from).collect(),
            errors_total: p.errors_total,
            updates: p
                .sample
                .iter()
                .map(|u| UpdateView {
                    row: u.row,
                    key: u.key.clone(),
                    changes: u
                        .changes
                        .iter()
                        .map(|c| {
                            // In the file's terms: a salary in whole tenge, as it was uploaded.
                            let (field, old) = ashyq_store::labour::as_in_file(&c.field, c.old.as_deref());
                            let (_, new) = ashyq_store::labour::as_in_file(&c.field, c.new.as_deref());
                            ChangeView { field, old, new }
                        })
                        .collect(),
                })
                .collect(),
        }
    }
}

/// The import a confirmed preview became.
#[derive(Serialize, ToSchema)]
pub struct ConfirmedView {
    import_id: i64,
    /// False when it had been confirmed before (nothing was written this time).
    written_now: bool,
    rows_read: i64,
    inserted: i64,
    updated: i64,
    unchanged: i64,
    rejected: i64,
    username: String,
    finished_at: String,
}

fn confirmed_view(i: ImportSummary, now: bool) -> ConfirmedView {
    ConfirmedView {
        import_id: i.id,
        written_now: now,
        rows_read: i.rows_read,
        inserted: i.inserted,
        updated: i.updated,
        unchanged: i.unchanged,
        rejected: i.rejected,
        username: i.username,
        finished_at: crate::clock::instant(i.finished_at),
    }
}

/// Checks and stages a forecast, vacancies or work-permits file (the body, CSV or XLSX) without
/// writing it: the counts of new, updated, unchanged and rejected rows, the errors and a sample
/// of updates. It waits an hour for `/confirm` by the same analyst.
#[utoipa::path(post, path = "/api/v1/imports/{source}/preview", tag = "labour",
    params(("source" = String, Path, description = "forecast, vacancies or work-permits"), ImportQuery),
    request_body(content = String, content_type = "text/csv", description = "The file: CSV (UTF-8) or XLSX, with a header row."),
    responses((status = 201, body = PreviewView), (status = 422, body = ProblemDetails), (status = 413, body = ProblemDetails)),
    security(("bearer" = []), ("session" = [])))]
pub async fn preview(
    State(s): State<AppState>,
    p: Principal,
    Path(source): Path<String>,
    Query(q): Query<ImportQuery>,
    headers: HeaderMap,
    body: Body,
) -> ApiResult<(StatusCode, Json<PreviewView>)> {
    let up = upload_of(&s, &source, q, &headers, body).await?;
    match previews::preview(&s, &p, up).await? {
        Staged::Preview(preview) => Ok((StatusCode::CREATED, Json(PreviewView::from(&preview)))),
        Staged::BadHeader { file_name, errors } => {
            let mut problem = Problem::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "invalid_header",
                format!("{file_name}: the header row is not the source's; nothing was staged"),
            );
            for e in &errors {
                problem = problem.field(&format!("{file_name}:{}", e.row), e.reason.english.clone());
            }
            Err(problem)
        }
        Staged::Unreadable { file_name, reason } => Err(Problem::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "unreadable",
            format!("{file_name}: {reason}"),
        )),
    }
}

/// One's own staged upload (410 once it has expired).
#[utoipa::path(get, path = "/api/v1/imports/previews/{id}", tag = "labour",
    params(("id" = i64, Path)),
    responses((status = 200, body = PreviewView), (status = 403, body = ProblemDetails), (status = 404, body = ProblemDetails), (status = 410, body = ProblemDetails)),
    security(("bearer" = []), ("session" = [])))]
pub async fn show(
    State(s): State<AppState>,
    p: Principal,
    Path(id): Path<i64>,
) -> ApiResult<Json<PreviewView>> {
    let preview = previews::show(&s, &p, id).await?;
    Ok(Json(PreviewView::from(&preview)))
}

/// Writes one's own staged upload, all rows or none; confirming again writes nothing and
/// answers the same import (`written_now` false).
#[utoipa::path(post, path = "/api/v1/imports/previews/{id}/confirm", tag = "labour",
    params(("id" = i64, Path)),
    responses((status = 201, body = ConfirmedView), (status = 403, body = ProblemDetails), (status = 404, body = ProblemDetails), (status = 410, body = ProblemDetails), (status = 422, body = ProblemDetails)),
    security(("bearer" = []), ("session" = [])))]
pub async fn confirm(
    State(s): State<AppState>,
    p: Principal,
    Path(id): Path<i64>,
) -> ApiResult<(StatusCode, Json<ConfirmedView>)> {
    let done = previews::confirm(&s, &p, id).await?;
    let status = if done.now { StatusCode::CREATED } else { StatusCode::OK };
    Ok((status, Json(confirmed_view(done.import, done.now))))
}

/// Drops one's own staged upload; nothing is written.
#[utoipa::path(post, path = "/api/v1/imports/previews/{id}/cancel", tag = "labour",
    params(("id" = i64, Path)),
    responses((status = 204), (status = 403, body = ProblemDetails), (status = 404, body = ProblemDetails), (status = 409, body = ProblemDetails)),
    security(("bearer" = []), ("session" = [])))]
pub async fn cancel(State(s): State<AppState>, p: Principal, Path(id): Path<i64>) -> ApiResult<StatusCode> {
    previews::cancel(&s, &p, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// This module's routes, each with its row of the access table
/// (public, applicant, analyst, coordinator, officer, border, admin).
#[rustfmt::skip]
pub fn routes(b: crate::routes::RouteBuilder) -> crate::routes::RouteBuilder {
    b
        .api_import(__path_preview, [401, 403, 201, 403, 403, 403, 403], preview)
        .api(__path_show, [401, 403, 200, 403, 403, 403, 403], show)
        .api(__path_confirm, [401, 403, 201, 403, 403, 403, 403], confirm)
        .api(__path_cancel, [401, 403, 204, 403, 403, 403, 403], cancel)
}
