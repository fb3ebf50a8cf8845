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

/// One error as the page lists it: row, column and field, and the reason in words.
pub fn error_in_words(page: &Page, file: &str, e: &PreviewError) -> String {
    let reason = page.said(&e.reason);
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
                    // In the file's terms: a salary in whole tenge, as it was uploaded.
                    let (field, old) = ashyq_store::labour::as_in_file(&c.field, c.old.as_deref());
                    let (_, new) = ashyq_store::labour::as_in_file(&c.field, c.new.as_deref());
                    page.tn(
                        "up-change",
                        &[
                            ("field", &field),
                            ("old", old.as_deref().unwrap_or(&none)),
                            ("new", new.as_deref().unwrap_or(&none)),
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
        uploaded: page.instant(p.uploaded_at),
        expires: page.instant(p.expires_at),
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
    use crate::i18n::{I18n, Lang};
    use crate::web::locale::said;
    use ashyq_core::labour::records::Source;
    use ashyq_core::labour::rows::{self, Columns};
    use ashyq_core::rates::{self, RateColumns};
    use ashyq_core::said::Said;
    use ashyq_store::register::rows::{self as register, Context, RegisterFile};

    /// The checker's reasons for the fields of a row of `source`.
    fn reasons(source: Source, header: &str, row: &str) -> Vec<Said> {
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

    fn register_reasons(file: RegisterFile, header: &str, row: &str) -> Vec<Said> {
        let header: Vec<&str> = header.split(',').collect();
        let row: Vec<&str> = row.split(',').collect();
        let cols = register::Columns::resolve(file, &header).unwrap();
        let context = Context { today: jiff::civil::date(2026, 3, 1) };
        register::read(&cols, context, 2, &row)
            .err()
            .unwrap_or_default()
            .into_iter()
            .map(|e| e.reason)
            .collect()
    }

    /// Every reason the checkers give for bad rows, each said in Kazakh and Russian by its own
    /// message with its value and figures, never in the checker's English.
    #[test]
    fn the_checkers_reasons_are_said_in_each_language() {
        let forecast = "year,region,occupation,additional_need";
        let vacancies =
            "vacancy_id,posted_on,closed_on,status,region,occupation,positions,salary_kzt,employer_bin,title";
        let permits =
            "permit_id,issued_on,valid_until,region,occupation,employer_bin,citizenship,category,workers";
        let mut all = Vec::new();
        all.extend(reasons(Source::Forecast, forecast, "x,KZ-99,9999,-1"));
        all.extend(reasons(Source::Forecast, forecast, "1999,KZ-75,25,1.5"));
        all.extend(reasons(Source::Forecast, forecast, "2025,KZ-75,25x,7"));
        all.extend(reasons(Source::Vacancies, vacancies, "V1,2025-02-30,,gone,KZ-75,2512,1,,000101500012,"));
        all.extend(reasons(
            Source::Vacancies,
            vacancies,
            "V2,2025-03-01,2025-02-01,open,KZ-75,2512,1,,0001015,",
        ));
        all.extend(reasons(
            Source::Vacancies,
            vacancies,
            "V3,2025-03-01,,filled,KZ-75,2512,1,,00010150001A,",
        ));
        all.extend(reasons(
            Source::Vacancies,
            vacancies,
            "V4,2025-03-01,2025-03-05,,KZ-75,2512,1,,000101500011,",
        ));
        all.extend(reasons(
            Source::WorkPermits,
            permits,
            "P1,2025-01-01,2024-01-01,KZ-75,2512,000101500011,XX,9,1",
        ));
        let rate_cols = RateColumns::resolve(&["date", "currency", "rate", "quantity"]).unwrap();
        for row in [["2025-13-01", "KZT", "-1", "0"], ["2025-01-01", "US", "4x", "3"], ["", "", "", "7.5"]] {
            all.extend(rates::read(&rate_cols, &row).unwrap_err().into_iter().map(|e| e.reason));
        }
        all.extend(
            rates::read(&rate_cols, &["2025-01-01", "USD", "1", "3"])
                .unwrap_err()
                .into_iter()
                .map(|e| e.reason),
        );
        all.extend(Columns::resolve(Source::Forecast, &["year", "year", "region"]).unwrap_err().said());
        let crossings = "event_id,kind,at,checkpoint,reason,document_type,issuing_state,document_number,nationality,\
             surname,given_names,birth_date,sex,expiry_date";
        all.extend(register_reasons(
            RegisterFile::Crossings,
            crossings,
            "e 1,leave,2026-03-09T08:00:00+05:00,XX,why,PPP,ZZZ,A-1,KAZ,Ivan0,,1990-01-01,Q,2030-01-01",
        ));
        all.extend(register_reasons(
            RegisterFile::Crossings,
            crossings,
            "e2,refusal,yesterday,XX,,P,KAZ,A1,KAZ,IVAN,,1990-02-30,M,2030-01-01",
        ));
        all.extend(register_reasons(
            RegisterFile::Crossings,
            crossings,
            "e3,entry,2026-03-09T08:00:00+05:00,XX,why,P,KAZ,A1,KAZ,IVAN,,1990-01-01,M,2030-01-01",
        ));
        all.extend(
            register::Columns::resolve(RegisterFile::Crossings, &["event_id", "event_id", "colour"])
                .unwrap_err()
                .0,
        );
        let i18n = I18n::load().unwrap();
        let codes: std::collections::BTreeSet<&str> = all.iter().map(|s| s.code.as_str()).collect();
        for code in [
            "up-why-number",
            "up-why-region",
            "up-why-unknown-occupation",
            "up-why-negative",
            "up-why-empty",
            "up-why-occupation",
            "up-why-occupation-code",
            "up-why-date",
            "up-why-range",
            "up-why-status",
            "up-why-bin-check-digit",
            "up-why-bin-length",
            "up-why-bin-digits",
            "up-why-before",
            "up-why-closed-open",
            "up-why-closed-missing",
            "up-why-country",
            "up-why-category",
            "up-why-kzt",
            "up-why-currency",
            "up-why-rate-positive",
            "up-why-rate-number",
            "up-why-positive-number",
            "up-why-per-unit",
            "up-why-header-missing",
            "up-why-header-twice",
            "up-why-header-unknown",
            "up-why-key-char",
            "up-why-crossing-kind",
            "up-why-instant",
            "up-why-future",
            "up-why-checkpoint",
            "up-why-reason-not-refusal",
            "up-why-refusal-reason",
            "up-why-document-type",
            "up-why-document-number",
            "up-why-name-char",
            "up-why-sex",
        ] {
            assert!(codes.contains(code), "no reason of the checkers gives {code}: {codes:?}");
        }
        for reason in &all {
            for lang in Lang::ALL {
                assert!(i18n.has(lang, &reason.code), "{} lacks {}", lang.code(), reason.code);
                let text = said(&i18n, lang, reason);
                assert!(!text.contains('{') && !text.contains('$'), "{}: {text}", reason.code);
                for (_, value) in &reason.args {
                    if let ashyq_core::said::Value::Text(v) = value {
                        assert!(
                            text.contains(v.as_str()),
                            "{} in {}: {text} lacks {v}",
                            reason.code,
                            lang.code()
                        );
                    }
                }
                if lang != Lang::En {
                    assert_ne!(text, reason.english, "{} is said in English in {}", reason.code, lang.code());
                }
            }
        }
        // A date is the page's date; a status and a region by their words.
        let before = all.iter().find(|s| s.code == "up-why-before").unwrap();
        assert_eq!(said(&i18n, Lang::Ru, before), "01.02.2025 — раньше, чем posted_on (01.03.2025)");
        let missing = all.iter().find(|s| s.code == "up-why-closed-missing").unwrap();
        assert!(said(&i18n, Lang::Ru, missing).contains("заполнена"), "{}", said(&i18n, Lang::Ru, missing));
    }
}
