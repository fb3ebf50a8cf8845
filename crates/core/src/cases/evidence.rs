//! The evidence an applicant attaches to a case: what the document is (type, number, issuer,
//! date) and the file itself. A file's type is told by its content, never by its name or the
//! type the browser claims: only well-formed PDF, PNG and JPEG files are accepted (their
//! structure is checked in [`super::evidence_file`]), up to [`MAX_EVIDENCE_BYTES`]. A file's
//! name is kept without its path, control characters or direction controls.

use super::evidence_file::{self, Fault};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// The largest file accepted, in bytes (10 MiB: a scanned multi-page PDF).
pub const MAX_EVIDENCE_BYTES: usize = 10 * 1024 * 1024;
/// The most files one case may hold.
pub const MAX_EVIDENCE_PER_CASE: usize = 30;

/// What a document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum DocumentType {
    Passport,
    BankCertificate,
    Diploma,
    EmploymentContract,
    CriminalRecordCertificate,
    HousingDocument,
    InvestmentProof,
    BusinessProof,
    TrainingPlan,
    BirthCertificate,
    MarriageCertificate,
    Other,
}

impl DocumentType {
    pub const ALL: [DocumentType; 12] = [
        DocumentType::Passport,
        DocumentType::BankCertificate,
        DocumentType::Diploma,
        DocumentType::EmploymentContract,
        DocumentType::CriminalRecordCertificate,
        DocumentType::HousingDocument,
        DocumentType::InvestmentProof,
        DocumentType::BusinessProof,
        DocumentType::TrainingPlan,
        DocumentType::BirthCertificate,
        DocumentType::MarriageCertificate,
        DocumentType::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            DocumentType::Passport => "passport",
            DocumentType::BankCertificate => "bank_certificate",
            DocumentType::Diploma => "diploma",
            DocumentType::EmploymentContract => "employment_contract",
            DocumentType::CriminalRecordCertificate => "criminal_record_certificate",
            DocumentType::HousingDocument => "housing_document",
            DocumentType::InvestmentProof => "investment_proof",
            DocumentType::BusinessProof => "business_proof",
            DocumentType::TrainingPlan => "training_plan",
            DocumentType::BirthCertificate => "birth_certificate",
            DocumentType::MarriageCertificate => "marriage_certificate",
            DocumentType::Other => "other",
        }
    }

    pub fn parse(text: &str) -> Option<DocumentType> {
        DocumentType::ALL.into_iter().find(|d| d.as_str() == text.trim())
    }
}

/// The file types accepted, as told by their first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum MediaType {
    #[serde(rename = "application/pdf")]
    Pdf,
    #[serde(rename = "image/png")]
    Png,
    #[serde(rename = "image/jpeg")]
    Jpeg,
}

impl MediaType {
    pub fn as_str(self) -> &'static str {
        match self {
            MediaType::Pdf => "application/pdf",
            MediaType::Png => "image/png",
            MediaType::Jpeg => "image/jpeg",
        }
    }

    pub fn parse(text: &str) -> Option<MediaType> {
        [MediaType::Pdf, MediaType::Png, MediaType::Jpeg].into_iter().find(|m| m.as_str() == text)
    }

    /// The usual extension, for a download's file name.
    pub fn extension(self) -> &'static str {
        match self {
            MediaType::Pdf => "pdf",
            MediaType::Png => "png",
            MediaType::Jpeg => "jpg",
        }
    }
}

/// The type a file's first bytes claim, if it is one accepted (its structure is not checked:
/// see [`check_file`]).
pub fn sniff(bytes: &[u8]) -> Option<MediaType> {
    evidence_file::sniff(bytes)
}

/// Why a piece of evidence is refused; the message names the field.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EvidenceError {
    #[error("file: the file is empty")]
    Empty,
    #[error("file: {size} bytes is more than the {max} bytes allowed")]
    TooLarge { size: usize, max: usize },
    #[error("file: the content is not a PDF, PNG or JPEG file (whatever its name says)")]
    UnknownType,
    #[error("file: not a well-formed {} file: {reason}", media.extension().to_uppercase())]
    Malformed { media: MediaType, reason: &'static str },
    #[error("file: the {} file holds {what}, which evidence may not hold (a web page or a script)", media.extension().to_uppercase())]
    Active { media: MediaType, what: &'static str },
    #[error("document_type: {0:?} is not a document type")]
    UnknownDocumentType(String),
    #[error("number: must be 1 to 64 characters without control characters")]
    BadNumber,
    #[error("issuer: must be 1 to 200 characters without control characters")]
    BadIssuer,
    #[error("issued_on: {0} is after today")]
    IssuedInFuture(Date),
    #[error("file: a case holds at most {0} files")]
    TooMany(usize),
}

impl EvidenceError {
    /// The refusal in words: its code and typed arguments (see [`crate::said`]).
    pub fn said(&self) -> crate::said::Said {
        use crate::said::Said;
        let english = self.to_string();
        match self {
            EvidenceError::Empty => Said::new("field-file-empty", english),
            EvidenceError::TooLarge { size, max } => Said::new("field-file-too-large", english)
                .count("size", *size as i64)
                .count("max", *max as i64),
            EvidenceError::UnknownType => Said::new("field-file-type", english),
            EvidenceError::Malformed { media, .. } => {
                Said::new("field-file-malformed", english).text("kind", media.extension().to_uppercase())
            }
            EvidenceError::Active { media, .. } => {
                Said::new("field-file-active", english).text("kind", media.extension().to_uppercase())
            }
            EvidenceError::UnknownDocumentType(t) => {
                Said::new("field-document-type", english).text("value", t)
            }
            EvidenceError::BadNumber => Said::new("field-document-number", english),
            EvidenceError::BadIssuer => Said::new("field-document-issuer", english),
            EvidenceError::IssuedInFuture(d) => Said::new("field-after-today", english).date("date", *d),
            EvidenceError::TooMany(n) => Said::new("field-too-many-files", english).count("count", *n as i64),
        }
    }
}

/// What the applicant says the document is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Described {
    pub document_type: DocumentType,
    pub number: String,
    pub issuer: String,
    pub issued_on: Date,
}

fn text(raw: &str, max: usize) -> Option<String> {
    let t = raw.trim();
    let n = t.chars().count();
    // The number and the issuer are one-line names: no control or direction characters.
    let clean = !t.chars().any(|c| c.is_control() || crate::text::is_bidi_control(c));
    ((1..=max).contains(&n) && clean).then(|| t.to_string())
}

/// Checks the description of a document against today.
pub fn describe(
    document_type: &str,
    number: &str,
    issuer: &str,
    issued_on: Date,
    today: Date,
) -> Result<Described, EvidenceError> {
    let document_type = DocumentType::parse(document_type)
        .ok_or_else(|| EvidenceError::UnknownDocumentType(document_type.to_string()))?;
    let number = text(number, 64).ok_or(EvidenceError::BadNumber)?;
    let issuer = text(issuer, 200).ok_or(EvidenceError::BadIssuer)?;
    if issued_on > today {
        return Err(EvidenceError::IssuedInFuture(issued_on));
    }
    Ok(Described { document_type, number, issuer, issued_on })
}

/// Checks a file: not empty, within the size limit, a well-formed file of an accepted type by
/// its content, with no web page or script in it.
pub fn check_file(bytes: &[u8], max: usize) -> Result<MediaType, EvidenceError> {
    if bytes.is_empty() {
        return Err(EvidenceError::Empty);
    }
    if bytes.len() > max {
        return Err(EvidenceError::TooLarge { size: bytes.len(), max });
    }
    evidence_file::check(bytes).map_err(|fault| match fault {
        Fault::UnknownType => EvidenceError::UnknownType,
        Fault::Malformed(media, reason) => EvidenceError::Malformed { media, reason },
        Fault::Active(media, what) => EvidenceError::Active { media, what },
    })
}

/// A file name safe to store and show: the last path component, without control characters,
/// direction controls (`passport\u{202E}fdp.exe` would show as `passportexe.pdf`), line or
/// paragraph separators, or quotes, at most 120 characters; `document` when nothing is left.
pub fn file_name(raw: &str) -> String {
    crate::text::clean_file_name(raw, 120, "document")
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;
    use proptest::prelude::*;

    #[test]
    fn types_are_told_by_content() {
        assert_eq!(sniff(b"%PDF-1.7\n..."), Some(MediaType::Pdf));
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), Some(MediaType::Png));
        assert_eq!(sniff(&[0xFF, 0xD8, 0xFF, 0xE0, 0, 16]), Some(MediaType::Jpeg));
        assert_eq!(check_file(&evidence_file::sample_pdf("x"), MAX_EVIDENCE_BYTES), Ok(MediaType::Pdf));
        // An executable or an HTML page named passport.pdf is refused.
        assert_eq!(check_file(b"MZ\x90\0", MAX_EVIDENCE_BYTES), Err(EvidenceError::UnknownType));
        assert_eq!(check_file(b"<html><script>", MAX_EVIDENCE_BYTES), Err(EvidenceError::UnknownType));
        assert_eq!(check_file(b"", MAX_EVIDENCE_BYTES), Err(EvidenceError::Empty));
        assert_eq!(check_file(b"%PDF-1.4 and more", 8), Err(EvidenceError::TooLarge { size: 17, max: 8 }));
    }

    #[test]
    fn a_pdf_header_is_not_enough() {
        let html = b"%PDF-1.4\n<html><body><script>alert(document.cookie)</script></body></html>\n%%EOF\n";
        let e = check_file(html, MAX_EVIDENCE_BYTES).unwrap_err();
        assert_eq!(e, EvidenceError::Active { media: MediaType::Pdf, what: "html" });
        assert_eq!(
            e.to_string(),
            "file: the PDF file holds html, which evidence may not hold (a web page or a script)"
        );
        let e = check_file(b"%PDF-1.4 and more", MAX_EVIDENCE_BYTES).unwrap_err();
        assert_eq!(e.to_string(), "file: not a well-formed PDF file: no %%EOF at the end");
    }

    #[test]
    fn descriptions_are_checked() {
        let today = date(2026, 11, 21);
        let d = describe("passport", " N1234567 ", "MVD", date(2020, 1, 1), today).unwrap();
        assert_eq!(d.number, "N1234567");
        assert_eq!(
            describe("selfie", "1", "x", today, today),
            Err(EvidenceError::UnknownDocumentType("selfie".into()))
        );
        assert_eq!(describe("diploma", "", "x", today, today), Err(EvidenceError::BadNumber));
        assert_eq!(describe("diploma", "1", " ", today, today), Err(EvidenceError::BadIssuer));
        assert_eq!(describe("diploma", "1\0", "x", today, today), Err(EvidenceError::BadNumber));
        assert_eq!(describe("diploma", "1", "Kaz\u{202e}NU", today, today), Err(EvidenceError::BadIssuer));
        assert_eq!(
            describe("diploma", "1", "KazNU", date(2026, 11, 22), today),
            Err(EvidenceError::IssuedInFuture(date(2026, 11, 22)))
        );
    }

    #[test]
    fn file_names_lose_their_paths() {
        assert_eq!(file_name("C:\\Users\\a\\паспорт.pdf"), "паспорт.pdf");
        assert_eq!(file_name("../../etc/passwd"), "passwd");
        assert_eq!(file_name("..."), "document");
        assert_eq!(file_name("a\"<b>.png"), "ab.png");
    }

    #[test]
    fn file_names_lose_their_direction_controls() {
        // Shown right to left after U+202E, this name reads "passportexe.pdf".
        assert_eq!(file_name("passport\u{202e}fdp.exe"), "passportfdp.exe");
        for c in
            ['\u{202a}', '\u{202b}', '\u{202c}', '\u{202d}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}']
                .into_iter()
                .chain(['\u{200e}', '\u{200f}', '\u{061c}', '\u{2028}', '\u{2029}', '\u{7}', '\u{85}'])
        {
            assert_eq!(file_name(&format!("a{c}b.pdf")), "ab.pdf", "U+{:04X}", c as u32);
        }
        assert_eq!(file_name("\u{202e}\u{2066}"), "document");
        // Right-to-left letters themselves are names like any other.
        assert_eq!(file_name("جواز.pdf"), "جواز.pdf");
    }

    proptest! {
        #[test]
        fn checking_never_panics_and_sniffs_consistently(bytes in prop::collection::vec(any::<u8>(), 0..64)) {
            match check_file(&bytes, 32) {
                Ok(t) => prop_assert_eq!(sniff(&bytes), Some(t)),
                Err(EvidenceError::Empty) => prop_assert!(bytes.is_empty()),
                Err(EvidenceError::TooLarge { size, .. }) => prop_assert!(size > 32),
                Err(EvidenceError::UnknownType) => prop_assert_eq!(sniff(&bytes), None),
                Err(EvidenceError::Malformed { media, .. } | EvidenceError::Active { media, .. }) => {
                    prop_assert_eq!(sniff(&bytes), Some(media))
                }
                Err(e) => prop_assert!(false, "unexpected {e}"),
            }
        }

        #[test]
        fn file_names_never_hold_a_path(raw in "\\PC{0,200}") {
            let name = file_name(&raw);
            prop_assert!(!name.contains('/') && !name.contains('\\'));
            prop_assert!(!name.is_empty() && name.chars().count() <= 120);
            prop_assert!(!name.chars().any(|c| c.is_control() || crate::text::is_bidi_control(c)));
        }
    }
}
