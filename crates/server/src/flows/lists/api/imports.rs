//! Importing the three data sources of the list over the API (analysts): the file is the
//! request body, CSV or XLSX, spooled to a temporary file as it arrives (never held whole in
//! memory); the adapter of `flows::lists::imports`.

use crate::auth::Principal;
use crate::flows::lists::imports::{self, Imported, Upload};
use crate::problem::{ApiResult, Problem, ProblemDetails};
use crate::state::AppState;
use crate::upload;
use crate::upload::upload_problem;
use ashyq_core::labour::records::Source;
use ashyq_store::labour::import::ImportReport;
use axum::Json;
use axum::body::Body;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct ImportQuery {
    /// Write the good rows and keep the bad ones aside (with their reasons) instead of writing nothing.
    #[serde(default)]
    pub skip_invalid: bool,
    /// The file's name, for messages and the import record (default `upload`).
    pub file_name: Option<String>,
}

/// What an import did.
#[derive(Serialize, ToSchema)]
pub struct ImportView {
    import_id: Option<i64>,
    /// forecast, vacancies or work-permits.
    source: String,
    file_name: String,
    sha256: String,
    rows_read: u64,
    inserted: u64,
    updated: u64,
    unchanged: u64,
    rejected: u64,
    /// Rows replaced by a later row with the same key in the same file.
    superseded: u64,
    /// The first 1,000 errors as `file:row:column: reason`.
    errors: Vec<String>,
    errors_total: u64,
}

impl From<ImportReport> for ImportView {
    fn from(r: ImportReport) -> Self {
        ImportView {
            import_id: r.import_id,
            source: r.source.as_str().into(),
            errors: r.errors.iter().map(|e| e.display(&r.file_name)).collect(),
            file_name: r.file_name,
            sha256: r.sha256,
            rows_read: r.rows_read,
            inserted: r.inserted,
            updated: r.updated,
            unchanged: r.unchanged,
            rejected: r.rejected,
            superseded: r.superseded,
            errors_total: r.errors_total,
        }
    }
}

/// A file sent as the body for `source`, spooled to disk within the import limit: what an
/// import and a preview take alike.
pub async fn upload_of(
    s: &AppState,
    source: &str,
    q: ImportQuery,
    headers: &HeaderMap,
    body: Body,
) -> Result<Upload, Problem> {
    let source = parse_source(source)?;
    let file = upload::spool_body(headers, body, s.config.import_limit_bytes as u64)
        .await
        .map_err(upload_problem)?;
    Ok(Upload { source, file_name: q.file_name, skip_invalid: q.skip_invalid, file })
}

pub fn parse_source(text: &str) -> Result<Source, Problem> {
    Source::parse(text).ok_or_else(|| {
        Problem::not_found(format!("no data source {text:?}: expected forecast, vacancies or work-permits"))
    })
}

/// Turns a refused import into a 422 listing every bad row (the first 1,000).
pub fn refused(r: &ImportReport) -> Problem {
    let detail = if r.rejected > 0 {
        format!(
            "{} of {} rows are invalid ({} errors); nothing was written",
            r.rejected, r.rows_read, r.errors_total
        )
    } else {
        "the file cannot be imported; nothing was written".to_string()
    };
    let mut p = Problem::new(StatusCode::UNPROCESSABLE_ENTITY, "invalid_rows", detail);
    for e in &r.errors {
        let at = match &e.column {
            Some(c) => format!("{}:{}:{c}", r.file_name, e.row),
            None => format!("{}:{}", r.file_name, e.row),
        };
        p = p.field(&at, e.reason.english.clone());
    }
    p
}

/// Imports a forecast, vacancies or work-permits file sent as the body (CSV or XLSX).
#[utoipa::path(post, path = "/api/v1/imports/{source}", tag = "labour",
    params(("source" = String, Path, description = "forecast, vacancies or work-permits"), ImportQuery),
    request_body(content = String, content_type = "text/csv", description = "The file: CSV (UTF-8) or XLSX, with a header row."),
    responses((status = 201, body = ImportView), (status = 422, body = ProblemDetails), (status = 413, body = ProblemDetails)),
    security(("bearer" = []), ("session" = [])))]
pub async fn create(
    State(s): State<AppState>,
    p: Principal,
    Path(source): Path<String>,
    Query(q): Query<ImportQuery>,
    headers: HeaderMap,
    body: Body,
) -> ApiResult<(StatusCode, Json<ImportView>)> {
    let up = upload_of(&s, &source, q, &headers, body).await?;
    match imports::import(&s, &p, up).await? {
        Imported::Written(report) => Ok((StatusCode::CREATED, Json(report.into()))),
        Imported::Refused(report) => Err(refused(&report)),
        Imported::Unreadable { file_name, reason } => Err(Problem::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "unreadable",
            format!("{file_name}: {reason}"),
        )),
    }
}

/// A past import.
#[derive(Serialize, ToSchema)]
pub struct ImportSummaryView {
    id: i64,
    source: String,
    file_name: String,
    sha256: String,
    rows_read: i64,
    inserted: i64,
    updated: i64,
    unchanged: i64,
    rejected: i64,
    username: String,
    finished_at: String,
}

/// The last 100 imports, newest first.
#[utoipa::path(get, path = "/api/v1/imports", tag = "labour",
    responses((status = 200, body = Vec<ImportSummaryView>)), security(("bearer" = []), ("session" = [])))]
pub async fn list(State(s): State<AppState>, p: Principal) -> ApiResult<Json<Vec<ImportSummaryView>>> {
    let rows = imports::recent(&s, &p, 100).await?;
    Ok(Json(
        rows.into_iter()
            .map(|r| ImportSummaryView {
                id: r.id,
                source: r.source,
                file_name: r.file_name,
                sha256: r.sha256,
                rows_read: r.rows_read,
                inserted: r.inserted,
                updated: r.updated,
                unchanged: r.unchanged,
                rejected: r.rejected,
                username: r.username,
                finished_at: crate::clock::instant(r.finished_at),
            })
            .collect(),
    ))
}

/// This module's routes, each with its row of the access table
/// (public, applicant, analyst, coordinator, officer, border, admin).
#[rustfmt::skip]
pub fn routes(b: crate::routes::RouteBuilder) -> crate::routes::RouteBuilder {
    b
        .api(__path_list, [401, 403, 200, 403, 403, 403, 200], list)
        .api_import(__path_create, [401, 403, 201, 403, 403, 403, 403], create)
}
