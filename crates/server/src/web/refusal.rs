//! A use case's refusal as a page: the status it answers with and its text in the reader's
//! words (never the store's English), and the pages for a read that failed.

use crate::flows::Error;
use crate::problem::Problem;
use crate::web::errors;
use crate::web::page::Page;
use ashyq_core::cases::decision::OVERRIDE_REASON_MIN_CHARS;
use ashyq_core::said::Said;
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
        StoreError::Forbidden(said) => {
            let text = page.said(&said);
            errors::render(page, StatusCode::FORBIDDEN, "error-forbidden-title", text)
        }
        e => errors::internal(page, e),
    }
}

/// "This belongs to another region": the object's region and the account's, by name.
pub fn other_region(page: &Page, region: &str, mine: &str) -> String {
    page.tn("co-err-other-region", &[("region", &page.region(region)), ("mine", &page.region(mine))])
}

/// A refusal's text in the page's words, never the store's English: a refusal by its code and
/// arguments, a bad field as "its label: why" (or just why, where the field has no label), an
/// object that exists already or is missing by its name in words.
pub fn in_words(page: &Page, e: &StoreError) -> String {
    match e {
        StoreError::Field { field, reason } => field_words(page, field, reason),
        StoreError::Refused(said) => match said.code.as_str() {
            "refused-case-not-invited" => page.t("co-err-not-invited"),
            "refused-case-same-officer" => page.t("co-err-same-officer"),
            _ => page.said(said),
        },
        StoreError::Forbidden(said) => page.said(said),
        StoreError::Conflict { what, key } => match object_key(what) {
            Some(object) => page.tn("refused-exists", &[("what", &page.t(object)), ("key", key)]),
            None => page.t("co-err-conflict"),
        },
        StoreError::NotFound { what, key } => match object_key(what) {
            Some(object) => page.tn("refused-not-found", &[("what", &page.t(object)), ("key", key)]),
            None => page.t("error-notfound-text"),
        },
        StoreError::OtherRegion { region, mine, .. } => other_region(page, region, mine),
        _ => page.t("co-err-refused"),
    }
}

/// A bad field in words: the case officer's own messages for the decision form's fields, else
/// the field's label (where it has one) and the reason.
pub fn field_words(page: &Page, field: &str, reason: &Said) -> String {
    match (field, reason.code.as_str()) {
        ("reason", "field-override-reason") => {
            return page.t1("co-err-override-reason", "min", &OVERRIDE_REASON_MIN_CHARS.to_string());
        }
        ("reason", "field-decision-reason" | "field-required") => return page.t("co-err-reason"),
        ("action", "field-choose-action") => return page.t("co-err-action"),
        ("message", _) => return page.t("co-err-message"),
        ("date", "field-not-a-date") => return page.t("co-err-date"),
        _ => {}
    }
    let said = page.said(reason);
    match field_label(page, field) {
        Some(label) => page.tn("field-named", &[("field", &label), ("reason", &said)]),
        None => said,
    }
}

/// The label of a field named by its path (`proposals[2].justification`, `amount_kzt`): its last
/// name, where the Fluent files have `field-label-` for it.
pub fn field_label(page: &Page, field: &str) -> Option<String> {
    let name = field.rsplit('.').next().unwrap_or(field);
    let name = name.split('[').next().unwrap_or(name).trim_start_matches("--").replace('_', "-");
    let key = format!("field-label-{name}");
    page.has(&key).then(|| page.t(&key))
}

/// The word for an object a refusal names (`StoreError::Conflict`/`NotFound`'s `what`).
pub fn object_key(what: &str) -> Option<&'static str> {
    Some(match what {
        "API token" => "object-api-token",
        "agreement" => "object-agreement",
        "case" | "protection case" => "object-case",
        "case reference" => "object-case-reference",
        "contest year" => "object-contest-year",
        "coordinating organisation" => "object-body",
        "document" => "object-document",
        "evidence" => "object-evidence",
        "import" => "object-import",
        "kandas application" => "object-kandas-application",
        "link" => "object-link",
        "list" => "object-list",
        "merge" => "object-merge",
        "nomination" => "object-nomination",
        "nomination reference" => "object-nomination-reference",
        "permit" | "permit of case" => "object-permit",
        "person" => "object-person",
        "preview" => "object-preview",
        "registry entry" => "object-registry-entry",
        "round" => "object-round",
        "solvency confirmation of" => "object-solvency",
        "training report for period" => "object-training-report",
        "user" => "object-user",
        _ => return None,
    })
}

/// Every word [`object_key`] names, for the test that each is in every language.
pub const OBJECT_KEYS: &[&str] = &[
    "object-api-token",
    "object-agreement",
    "object-case",
    "object-case-reference",
    "object-contest-year",
    "object-body",
    "object-document",
    "object-evidence",
    "object-import",
    "object-kandas-application",
    "object-link",
    "object-list",
    "object-merge",
    "object-nomination",
    "object-nomination-reference",
    "object-permit",
    "object-person",
    "object-preview",
    "object-registry-entry",
    "object-round",
    "object-solvency",
    "object-training-report",
    "object-user",
];

/// A refusal made before the store was asked, in words: its bad field's reason or its own
/// words where it has them, else what its status means (never the API's English).
/// Only the reason of a refusal in words, for a form that names the field itself: the first
/// field's reason, or the refusal's, or else [`problem_words`].
pub fn reason_words(page: &Page, p: &Problem) -> String {
    let said = p.errors.first().and_then(|f| f.said.as_ref()).or(p.said.as_ref());
    said.map_or_else(|| problem_words(page, p), |s| page.said(s))
}

pub fn problem_words(page: &Page, p: &Problem) -> String {
    if let Some(f) = p.errors.first()
        && let Some(said) = &f.said
    {
        return field_words(page, &f.field, said);
    }
    if let Some(said) = &p.said {
        return page.said(said);
    }
    match p.status {
        403 => page.t("co-err-not-allowed"),
        404 => page.t("error-notfound-text"),
        422 => match p.errors.first().and_then(|f| field_label(page, &f.field)) {
            Some(label) => page.t1("field-bad", "field", &label),
            None => page.t("field-bad-value"),
        },
        _ => page.t("co-err-refused"),
    }
}

/// A flow's refusal in the page's words: the store's refusals by their own message, a refusal
/// made before the store was asked by its field and reason.
pub fn words(page: &Page, e: &Error) -> String {
    match e {
        Error::Store(e) => in_words(page, e),
        Error::Refused(p) => problem_words(page, p),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{I18n, Lang};
    use ashyq_core::cases::status::{CaseStatus, Move};
    use jiff::civil::Date;

    /// Every `refused-…`, `forbidden-…`, `field-…` and `object-…` key the code names, read from
    /// the sources of the workspace's crates.
    fn codes_in_sources() -> Vec<String> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let mut found = std::collections::BTreeSet::new();
        let mut dirs: Vec<std::path::PathBuf> =
            ["core/src", "store/src", "server/src", "cli/src"].iter().map(|d| root.join(d)).collect();
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    dirs.push(path);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    let text = std::fs::read_to_string(&path).unwrap();
                    found.extend(literals(&text));
                }
            }
        }
        found.into_iter().collect()
    }

    /// The string literals of `text` that are such a key: `"refused-case-state"`, not
    /// `"field-label-{name}"`.
    fn literals(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        for (at, _) in text.match_indices('"') {
            let rest = &text[at + 1..];
            if !["refused-", "forbidden-", "field-", "object-"].iter().any(|p| rest.starts_with(p)) {
                continue;
            }
            let end =
                rest.find(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_'));
            if let Some(end) = end.filter(|e| rest[*e..].starts_with('"') && !rest[..*e].ends_with('-')) {
                out.push(rest[..end].to_string());
            }
        }
        out
    }

    #[test]
    fn every_code_of_a_refusal_is_said_in_every_language() {
        let i18n = I18n::load().unwrap();
        let mut codes = codes_in_sources();
        assert!(codes.len() > 150, "the scan found only {} codes", codes.len());
        codes.extend(OBJECT_KEYS.iter().map(|k| k.to_string()));
        // The words a refusal names by a key it makes: a case's moves and states.
        for m in Move::ALL {
            codes.push(format!("refused-move-{}", m.as_str()));
        }
        for s in CaseStatus::ALL {
            codes.push(format!("co-status-{}", s.as_str()));
        }
        codes.extend(["refused-kind-merge".to_string(), "refused-kind-split".to_string()]);
        for lang in Lang::ALL {
            let missing: Vec<&String> = codes.iter().filter(|c| !i18n.has(lang, c)).collect();
            assert!(missing.is_empty(), "{}: no message for {missing:?}", lang.code());
        }
    }

    #[test]
    fn a_refusal_is_said_the_page_s_way_with_no_english() {
        let i18n = I18n::load().unwrap();
        let cancelled = ashyq_core::cases::permit::PermitError::Cancelled(Date::constant(2026, 3, 1)).said();
        let ru = crate::web::locale::said(&i18n, Lang::Ru, &cancelled);
        assert_eq!(ru, "Разрешение аннулировано 01.03.2026.");
        assert_eq!(
            crate::web::locale::said(&i18n, Lang::En, &cancelled),
            "The permit was cancelled on 1 Mar 2026."
        );
        let quota = Said::new("refused-kandas-quota", "the kandas quota of KZ-75 for 2026 has 2 places left")
            .region("region", "KZ-75")
            .text("year", "2026")
            .count("left", 2)
            .count("count", 5);
        for lang in [Lang::Ru, Lang::Kk] {
            let text = crate::web::locale::said(&i18n, lang, &quota);
            assert!(!text.contains("KZ-75") && !text.contains("quota"), "{text}");
            assert!(!text.chars().any(|c| c.is_ascii_alphabetic()), "{}: {text}", lang.code());
        }
        let state = ashyq_core::cases::status::CaseError::NotAllowed {
            status: CaseStatus::Approved,
            action: Move::Withdraw,
        }
        .said();
        let ru = crate::web::locale::said(&i18n, Lang::Ru, &state);
        assert_eq!(ru, "Действие «отзыв» недоступно: дело в состоянии «одобрено».");
    }
}
