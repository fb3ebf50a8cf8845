//! Applications for the programmes: an applicant's cases, evidence and messages; the officers' queue, decisions and four-eyes confirmations.
//!
//! The use cases live here; `api` and `pages` are thin adapters over them.

pub mod api;
pub mod pages;

use crate::auth::Principal;
use crate::problem::{ApiResult, Problem};
use crate::routes::RouteBuilder;
use crate::state::AppState;
use crate::world::world;
use ashyq_core::cases::evidence::MediaType;
use ashyq_core::rules::{Context, Programme};
use ashyq_store::cases::evidence::EvidenceMeta;
use ashyq_store::cases::{Evaluated, Viewer, evaluate};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use jiff::civil::Date;

/// The caller as the case workflow sees them; 403 for roles that have no business with cases
/// (the route table refuses them first, this is the second line).
pub fn viewer(p: &Principal) -> ApiResult<Viewer> {
    let (role, id, region) = match &p.user {
        Some(u) => (u.role, Some(u.id), u.region.as_deref()),
        None => (ashyq_core::Role::Public, None, None),
    };
    Viewer::of(role, id, region).ok_or_else(|| Problem::forbidden(role))
}

/// The rules' evaluation of `facts` for `programme` on `on`; facts that do not read are a 422
/// naming the path (`facts.applicant.birth_date`).
pub async fn evaluation(
    s: &AppState,
    programme: Programme,
    facts: &serde_json::Value,
    on: Date,
) -> ApiResult<Evaluated> {
    let w = world(s).await?;
    let ctx = Context { policy: &s.policy, lists: &w.lists, rates: &w.rates };
    Ok(evaluate::run(&ctx, programme, facts, on)?)
}

/// The evaluation of a stored case again for `on` (a submission, a decision).
pub async fn evaluation_of(s: &AppState, case: &ashyq_store::cases::Case, on: Date) -> ApiResult<Evaluated> {
    evaluation(s, case.programme, &case.facts, on).await
}

/// A stored piece of evidence as a download, for the API and both case pages: the media type
/// sniffed at upload, an attachment never rendered inline (`nosniff`), and not kept in caches
/// (it is personal data).
pub fn evidence_file(meta: &EvidenceMeta, bytes: Vec<u8>) -> Response {
    let media = MediaType::parse(&meta.media_type).map_or("application/octet-stream", MediaType::as_str);
    let mut res = bytes.into_response();
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(media));
    h.insert(header::CONTENT_DISPOSITION, attachment(&meta.file_name));
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
    res
}

/// `Content-Disposition: attachment` with the name in plain ASCII (other characters as `_`) and,
/// when that is not the name itself, the name in UTF-8 too (RFC 6266 `filename*`).
fn attachment(name: &str) -> HeaderValue {
    let plain = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_');
    let ascii: String = name.chars().map(|c| if plain(c) { c } else { '_' }).collect();
    let mut value = format!("attachment; filename=\"{ascii}\"");
    if ascii != name {
        let encoded: String = name
            .bytes()
            .map(|b| {
                if plain(char::from(b)) && b.is_ascii() {
                    char::from(b).to_string()
                } else {
                    format!("%{b:02X}")
                }
            })
            .collect();
        value.push_str(&format!("; filename*=UTF-8''{encoded}"));
    }
    HeaderValue::from_str(&value).unwrap_or_else(|_| HeaderValue::from_static("attachment"))
}

/// The flow's routes: its pages, then its API.
pub fn routes(b: RouteBuilder) -> RouteBuilder {
    let b = pages::routes(b.flow("cases"));
    api::routes(b)
}

#[cfg(test)]
mod tests {
    use super::attachment;

    #[test]
    fn attachment_names_are_plain_ascii_with_the_real_name_beside() {
        assert_eq!(attachment("diploma.pdf"), "attachment; filename=\"diploma.pdf\"");
        assert_eq!(
            attachment("паспорт 1.pdf"),
            "attachment; filename=\"________1.pdf\"; filename*=UTF-8''%D0%BF%D0%B0%D1%81%D0%BF%D0%BE%D1%80%D1%82%201.pdf"
        );
    }
}
