//! The evidence of a case: the applicant attaches a document (described, its file checked by
//! its content) to a draft, to a case the officer asked more of, or after answering until the
//! officer decides; the applicant (whatever the case's state) and the officers download it as
//! an attachment that is never rendered inline. Every download is audited by the store.

use crate::access::Access;
use crate::auth::Principal;
use crate::flows::Outcome;
use crate::flows::cases::named;
use crate::state::AppState;
use ashyq_core::cases::evidence::{self as core_evidence, MAX_EVIDENCE_BYTES, MediaType};
use ashyq_store::cases::evidence::{self as stored, EvidenceMeta};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use jiff::civil::Date;

/// A document to attach, with its file.
#[derive(Debug, Clone)]
pub struct NewEvidence {
    /// `passport`, `diploma`, … (`DocumentType`).
    pub document_type: String,
    pub number: String,
    pub issuer: String,
    /// Not after today.
    pub issued_on: Date,
    pub file_name: String,
    /// PDF, PNG or JPEG (told by its content), at most [`MAX_EVIDENCE_BYTES`].
    pub bytes: Vec<u8>,
}

/// The applicant attaches a document to their case. A description that does not do is a 422
/// naming its field; the same document with the same file again is the stored one (`false`).
pub async fn add(s: &AppState, p: &Principal, case_id: i64, e: NewEvidence) -> Outcome<(EvidenceMeta, bool)> {
    let viewer = Access::of(p).viewer()?;
    let described =
        core_evidence::describe(&e.document_type, &e.number, &e.issuer, e.issued_on, crate::clock::today())
            .map_err(|err| named(&err.to_string(), "file"))?;
    let added = stored::add(
        &s.db,
        &p.actor(),
        &viewer,
        case_id,
        &described,
        &e.file_name,
        e.bytes,
        MAX_EVIDENCE_BYTES,
    )
    .await?;
    Ok(added)
}

/// A stored document of a case the caller may see, with its bytes (the download is audited).
pub async fn download(
    s: &AppState,
    p: &Principal,
    case_id: i64,
    evidence_id: i64,
) -> Outcome<(EvidenceMeta, Vec<u8>)> {
    let viewer = Access::of(p).viewer()?;
    Ok(stored::download(&s.db, &p.actor(), &viewer, case_id, evidence_id).await?)
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
