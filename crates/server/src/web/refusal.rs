//! A use case's refusal as a page: the status it answers with and its text in the reader's
//! words (never the store's English), and the pages for a read that failed.

use crate::flows::Error;
use crate::web::errors;
use crate::web::page::Page;
use ashyq_core::cases::decision::OVERRIDE_REASON_MIN_CHARS;
use ashyq_store::StoreError;
use axum::http::StatusCode;
use axum::response::Response;

/// The 403 page for a caller who has no business with cases.
pub fn forbidden_page(page: Page) -> Response {
    let text = page.t1("error-forbidden-text", "role", &page.role_name(&page.role));
    errors::render(page, StatusCode::FORBIDDEN, "error-forbidden-title", text)
}

/// A failed read as a page: not found, forbidden (another region), or internal.
pub fn read_error(page: Page, e: StoreError) -> Response {
    match e {
        StoreError::NotFound { .. } => {
            let text = page.t("error-notfound-text");
            errors::render(page, StatusCode::NOT_FOUND, "error-notfound-title", text)
        }
        StoreError::OtherRegion { region, mine, .. } => {
            let text = other_region(&page, &region, &mine);
            errors::render(page, StatusCode::FORBIDDEN, "error-forbidden-title", text)
        }
        // The store's reason is in English, for the log and the API: a page says it in words.
        StoreError::Forbidden(_) => {
            let text = page.t("co-err-not-allowed");
            errors::render(page, StatusCode::FORBIDDEN, "error-forbidden-title", text)
        }
        e => errors::internal(page, e),
    }
}

/// "This belongs to another region": the object's region and the account's, by name.
pub fn other_region(page: &Page, region: &str, mine: &str) -> String {
    page.tn("co-err-other-region", &[("region", &page.region(region)), ("mine", &page.region(mine))])
}

/// A refusal's text in the page's words: the known refusals by their own message, anything
/// else with the store's explanation.
pub fn in_words(page: &Page, e: &StoreError) -> String {
    let text = e.to_string();
    let key = match e {
        StoreError::Field { field, reason } if field == "reason" && reason.contains("overrid") => {
            return page.t1("co-err-override-reason", "min", &OVERRIDE_REASON_MIN_CHARS.to_string());
        }
        StoreError::Field { field, .. } if field == "reason" => "co-err-reason",
        StoreError::Field { field, .. } if field == "message" => "co-err-message",
        StoreError::Field { field, .. } if field == "action" => "co-err-action",
        StoreError::Field { field, .. } if field == "date" => "co-err-date",
        StoreError::Refused(t) if t.contains("quota") => "co-err-quota",
        StoreError::Refused(t) if t.contains("invitation round") => "co-err-not-invited",
        StoreError::Refused(t) if t.contains("cannot confirm") => "co-err-same-officer",
        StoreError::Refused(t) if t.contains("cannot be") => "co-err-state",
        StoreError::Conflict { .. } => "co-err-conflict",
        StoreError::Forbidden(_) => return page.t("co-err-not-allowed"),
        StoreError::OtherRegion { region, mine, .. } => return other_region(page, region, mine),
        _ => "co-err-refused",
    };
    page.t1(key, "detail", &text)
}

/// A flow's refusal in the page's words: the store's refusals by their own message, a refusal
/// made before the store was asked by its field and reason.
pub fn words(page: &Page, e: &Error) -> String {
    match e {
        Error::Store(e) => in_words(page, e),
        Error::Refused(p) => page.t1("co-err-refused", "detail", &p.named_reason()),
    }
}

/// A use case that failed as a page of its own: the store's refusals as [`read_error`], a
/// refusal made before the store was asked by its status (the caller's role: the 403 page).
pub fn failed_read(page: Page, e: Error) -> Response {
    match e {
        Error::Store(e) => read_error(page, e),
        Error::Refused(p) if p.status == StatusCode::FORBIDDEN.as_u16() => forbidden_page(page),
        Error::Refused(p) if p.status == StatusCode::NOT_FOUND.as_u16() => {
            let text = page.t("error-notfound-text");
            errors::render(page, StatusCode::NOT_FOUND, "error-notfound-title", text)
        }
        e => match e.status() {
            Some(status) => {
                let text = words(&page, &e);
                errors::render(page, status, "error-forbidden-title", text)
            }
            None => errors::internal(page, format!("{e:?}")),
        },
    }
}
