//! The boundary text rules for what arrives in the address: every path segment and every query
//! parameter (name and value), decoded, must be one line of at most 1,000 characters with no
//! control character ([`ashyq_core::text::Kind::ShortText`]). One layer over every route, so no
//! handler's `Path` or `Query` can pass a NUL to the database (PostgreSQL refuses it in text).
//! The API answers 422 problem details naming the parameter; pages a translated error page.

use crate::json::text_problem;
use crate::state::AppState;
use crate::web::page::Page;
use ashyq_core::text::{self, Kind, TextError};
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// Refuses a request whose path or query holds a refused text.
pub async fn uri_text(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let Err(e) = check_uri(req.uri()) else {
        return next.run(req).await;
    };
    if req.uri().path().starts_with("/api/") {
        return text_problem(&e).into_response();
    }
    let (parts, _) = req.into_parts();
    let page = Page::build(&state, &parts);
    let reason = page.text_error(&e);
    let text = page.t1("text-address-refused", "reason", &reason);
    crate::web::errors::render(page, StatusCode::UNPROCESSABLE_ENTITY, "error-badinput-title", text)
}

/// Checks the decoded path segments and query parameters; the error names the parameter
/// (`q`), or `path` for a segment.
pub fn check_uri(uri: &axum::http::Uri) -> Result<(), TextError> {
    let path = uri.path();
    if path.contains('%') || path.len() > Kind::ShortText.max_chars() {
        for segment in path.split('/') {
            text::check("path", Kind::ShortText, &percent_decode(segment))?;
        }
    }
    if let Some(query) = uri.query() {
        let pairs: Vec<(String, String)> = serde_urlencoded::from_str(query).unwrap_or_default();
        for (name, value) in &pairs {
            text::check("query", Kind::ShortText, name)?;
            text::check(name, Kind::ShortText, value)?;
        }
    }
    Ok(())
}

/// `%XX` escapes decoded; bytes that are not UTF-8 become U+FFFD (the router refuses them).
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2]))
        {
            out.push((h * 16 + l) as u8);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn uri(s: &str) -> axum::http::Uri {
        s.parse().unwrap()
    }

    #[test]
    fn controls_in_paths_and_queries_are_refused_naming_the_parameter() {
        assert!(check_uri(&uri("/api/v1/occupations?q=%D0%B8%D0%BD%D0%B6+x&limit=5")).is_ok());
        assert!(check_uri(&uri("/occupations/2512")).is_ok());
        let e = check_uri(&uri("/api/v1/occupations?limit=5&q=a%00b")).unwrap_err();
        assert_eq!((e.field.as_str(), e.code()), ("q", "text-control"));
        let e = check_uri(&uri("/api/v1/occupations?q=a%0Ab")).unwrap_err();
        assert_eq!(e.field, "q", "no line breaks in a parameter");
        let e = check_uri(&uri("/api/v1/occupations/25%0012")).unwrap_err();
        assert_eq!(e.field, "path");
        let e = check_uri(&uri("/api/v1/x?%01=1")).unwrap_err();
        assert_eq!(e.field, "query");
        let long = format!("/api/v1/occupations?q={}", "a".repeat(1001));
        assert_eq!(check_uri(&uri(&long)).unwrap_err().code(), "text-too-long");
        assert_eq!(percent_decode("a%2"), "a%2");
        assert_eq!(percent_decode("%D1%8F%"), "я%");
    }
}
