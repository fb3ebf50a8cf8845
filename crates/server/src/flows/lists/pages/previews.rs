//! The analyst's preview of an upload (`/analysis/imports/{id}`): what confirming would write
//! (new, updated, unchanged and rejected rows), the rejected rows' errors by row, column and
//! field in the reader's words, a sample of updates (old → new), and the forms to confirm or
//! cancel it; the adapters of `flows::lists::previews`.

use crate::auth::Principal;
use crate::flows::Error;
use crate::flows::lists::pages::read_failed;
use crate::flows::lists::previews;
use crate::state::AppState;
use crate::web::errors;
use crate::web::form::{CsrfForm, NoFields};
use crate::web::page::Page;
use ashyq_store::labour::preview::{Preview, PreviewError};
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};

/// Errors shown on the page; the rest are counted.
pub const SHOWN_ERRORS: usize = 50;

/// A value between backticks at the start of a reason, and what follows it.
fn quoted(reason: &str) -> Option<(&str, &str)> {
    let rest = reason.strip_prefix('`')?;
    let end = rest.find('`')?;
    Some((&rest[..end], &rest[end + 1..]))
}

/// The message of a usual reason a field was refused (the checker's English, from
/// `ashyq_core::labour::rows`) and the value it names; none for another reason.
fn known_reason(reason: &str) -> Option<(&'static str, Option<(&'static str, String)>)> {
    if reason == "is empty" {
        return Some(("up-why-empty", None));
    }
    if reason.starts_with("not a valid BIN") {
        return Some(("up-why-bin", None));
    }
    if let Some((value, rest)) = quoted(reason) {
        let key = [
            (" is not a date", "up-why-date"),
            (" is not a whole number", "up-why-number"),
            (" is negative", "up-why-negative"),
            (" is not a region", "up-why-region"),
            (" is not one of open", "up-why-status"),
            (" is not an ISO 3166-1", "up-why-country"),
            (" is not a permit category", "up-why-category"),
        ]
        .into_iter()
        .find(|(start, _)| rest.starts_with(start))
        .map(|(_, key)| key)?;
        return Some((key, Some(("value", value.to_string()))));
    }
    if let Some(code) = reason.strip_suffix(" is not a unit group of the classifier") {
        return Some(("up-why-unknown-occupation", Some(("value", code.to_string()))));
    }
    if let Some((code, _)) = reason.split_once(" is not a unit group: ") {
        return Some(("up-why-occupation", Some(("value", code.to_string()))));
    }
    None
}

/// The reason a field was refused, in the reader's words where it is one of the usual ones;
/// otherwise as the checker gave it.
pub fn reason_in_words(page: &Page, reason: &str) -> String {
    if let Some((value, range)) = reason.split_once(" is out of range ") {
        return page.tn("up-why-range", &[("value", value), ("range", range)]);
    }
    match known_reason(reason) {
        Some((key, None)) => page.t(key),
        Some((key, Some((name, value)))) => page.t1(key, name, &value),
        None => reason.to_string(),
    }
}

/// One error as the page lists it: row, column and field, and the reason in words.
pub fn error_in_words(page: &Page, file: &str, e: &PreviewError) -> String {
    let reason = reason_in_words(page, &e.reason);
    let row = e.row.to_string();
    match (&e.column, &e.field) {
        (Some(column), Some(field)) => page.tn(
            "up-error-field",
            &[("file", file), ("row", &row), ("column", column), ("field", field), ("reason", &reason)],
        ),
        (None, Some(field)) => {
            page.tn("up-error-named", &[("file", file), ("row", &row), ("field", field), ("reason", &reason)])
        }
        _ => page.tn("up-error-row", &[("file", file), ("row", &row), ("reason", &reason)]),
    }
}

/// An updated row as the page shows it.
pub struct UpdateRow {
    pub row: u64,
    pub key: String,
    /// `field: old → new`, one a change.
    pub changes: Vec<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "import_preview.html")]
pub struct PreviewPage {
    page: Page,
    id: i64,
    source: String,
    file_name: String,
    uploaded: String,
    expires: String,
    rows: u64,
    new: u64,
    updated: u64,
    unchanged: u64,
    rejected: u64,
    superseded: u64,
    /// Waiting, and no bad row blocks it.
    confirmable: bool,
    /// Bad rows block it (they were not to be set aside).
    blocked: bool,
    errors: Vec<String>,
    /// "… and N more" when not every error is shown.
    more: Option<String>,
    updates: Vec<UpdateRow>,
}

fn render(page: Page, p: Preview) -> Response {
    let shown: Vec<String> =
        p.errors.iter().take(SHOWN_ERRORS).map(|e| error_in_words(&page, &p.file_name, e)).collect();
    let hidden = p.errors_total.saturating_sub(shown.len() as u64);
    let more = (hidden > 0).then(|| page.t1("up-more-errors", "count", &hidden.to_string()));
    let none = page.t("up-none");
    let updates = p
        .sample
        .iter()
        .map(|u| UpdateRow {
            row: u.row,
            key: u.key.join(" / "),
            changes: u
                .changes
                .iter()
                .map(|c| {
                    page.tn(
                        "up-change",
                        &[
                            ("field", &c.field),
                            ("old", c.old.as_deref().unwrap_or(&none)),
                            ("new", c.new.as_deref().unwrap_or(&none)),
                        ],
                    )
                })
                .collect(),
        })
        .collect();
    let view = PreviewPage {
        id: p.id,
        source: page.t(&format!("source-{}", p.source.as_str())),
        file_name: p.file_name.clone(),
        uploaded: page.instant(p.uploaded_at_us),
        expires: page.instant(p.expires_at_us),
        rows: p.counts.rows_read,
        new: p.counts.new,
        updated: p.counts.updated,
        unchanged: p.counts.unchanged,
        rejected: p.counts.rejected,
        superseded: p.counts.superseded,
        confirmable: p.state == "preview" && !p.blocked(),
        blocked: p.state == "preview" && p.blocked(),
        errors: shown,
        more,
        updates,
        page,
    };
    view.into_response()
}

/// A refusal of the preview pages: expired (gone), another analyst's, or otherwise as read.
fn refused(page: Page, e: Error) -> Response {
    match &e {
        Error::Refused(p) if p.code == "expired" => {
            let text = page.t("up-expired");
            errors::render(page, StatusCode::GONE, "up-expired-title", text)
        }
        Error::Refused(p) if p.code == "not_yours" => {
            let text = page.t("up-not-yours");
            errors::render(page, StatusCode::FORBIDDEN, "error-forbidden-title", text)
        }
        Error::Refused(p) if p.code == "invalid_rows" => {
            let text = page.t("up-blocked");
            errors::render(page, StatusCode::UNPROCESSABLE_ENTITY, "error-badinput-title", text)
        }
        Error::Refused(p) if p.code == "confirming" || p.code == "confirmed" => {
            let text = page.t("up-confirmed-already");
            errors::render(page, StatusCode::CONFLICT, "error-badinput-title", text)
        }
        _ => read_failed(page, e),
    }
}

pub async fn show(
    State(s): State<AppState>,
    principal: Principal,
    page: Page,
    Path(id): Path<i64>,
) -> Response {
    match previews::show(&s, &principal, id).await {
        // A written preview is its import: its counts and rows set aside are shown there.
        Ok(p) if p.state == "done" => Redirect::to(&format!("/analysis?imported={id}")).into_response(),
        Ok(p) => render(page, p),
        Err(e) => refused(page, e),
    }
}

/// Writes the preview; confirming again goes to the same import without writing.
pub async fn confirm(
    State(s): State<AppState>,
    principal: Principal,
    Path(id): Path<i64>,
    CsrfForm { page, .. }: CsrfForm<NoFields>,
) -> Response {
    match previews::confirm(&s, &principal, id).await {
        Ok(done) => Redirect::to(&format!("/analysis?imported={}", done.import.id)).into_response(),
        Err(e) => refused(page, e),
    }
}

pub async fn cancel(
    State(s): State<AppState>,
    principal: Principal,
    Path(id): Path<i64>,
    CsrfForm { page, .. }: CsrfForm<NoFields>,
) -> Response {
    match previews::cancel(&s, &principal, id).await {
        Ok(()) => Redirect::to("/analysis?done=previewcancelled").into_response(),
        Err(e) => refused(page, e),
    }
}

/// This module's routes, each with its row of the access table
/// (public, applicant, analyst, coordinator, officer, border, admin).
#[rustfmt::skip]
pub fn routes(b: crate::routes::RouteBuilder) -> crate::routes::RouteBuilder {
    b
        .page_get("/analysis/imports/{id}", [401, 403, 200, 403, 403, 403, 403], show)
        .page_post("/analysis/imports/{id}/confirm", [401, 403, 303, 403, 403, 403, 403], confirm)
        .page_post("/analysis/imports/{id}/cancel", [401, 403, 303, 403, 403, 403, 403], cancel)
}

#[cfg(test)]
mod tests {
    use super::known_reason;
    use ashyq_core::labour::records::Source;
    use ashyq_core::labour::rows::{self, Columns};

    /// The checker's reasons for the fields of a row of `source`.
    fn reasons(source: Source, header: &str, row: &str) -> Vec<String> {
        let header: Vec<&str> = header.split(',').collect();
        let row: Vec<&str> = row.split(',').collect();
        let cols = Columns::resolve(source, &header).unwrap();
        let errors = match source {
            Source::Forecast => rows::forecast(&cols, &row).err(),
            Source::Vacancies => rows::vacancy(&cols, &row).err(),
            Source::WorkPermits => rows::work_permit(&cols, &row).err(),
        };
        errors.unwrap_or_default().into_iter().map(|e| e.reason).collect()
    }

    #[test]
    fn the_checkers_usual_reasons_are_said_in_words() {
        let forecast = "year,region,occupation,additional_need";
        let vacancies =
            "vacancy_id,posted_on,closed_on,status,region,occupation,positions,salary_kzt,employer_bin,title";
        let permits =
            "permit_id,issued_on,valid_until,region,occupation,employer_bin,citizenship,category,workers";
        let mut all = Vec::new();
        all.extend(reasons(Source::Forecast, forecast, "x,KZ-99,9999,-1"));
        all.extend(reasons(Source::Forecast, forecast, ",KZ-75,25,1.5"));
        all.extend(reasons(Source::Vacancies, vacancies, "V1,2025-02-30,,gone,KZ-75,2512,1,,000101500012,"));
        all.extend(reasons(
            Source::WorkPermits,
            permits,
            "P1,2025-01-01,2026-01-01,KZ-75,2512,000101500011,XX,9,1",
        ));
        let keys: Vec<&str> = all.iter().filter_map(|r| known_reason(r).map(|(k, _)| k)).collect();
        for key in [
            "up-why-number",
            "up-why-region",
            "up-why-unknown-occupation",
            "up-why-negative",
            "up-why-empty",
            "up-why-occupation",
            "up-why-date",
            "up-why-status",
            "up-why-bin",
            "up-why-country",
            "up-why-category",
        ] {
            assert!(keys.contains(&key), "no reason of the checker gives {key}: {all:?}");
        }
        assert_eq!(known_reason("`KZ-99` is not a region: expected …").unwrap().1.unwrap().1, "KZ-99");
        assert!(known_reason("something new").is_none());
    }
}
