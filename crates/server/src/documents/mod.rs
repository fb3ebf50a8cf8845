//! Decisions as documents (issue 17): what an approval, a refusal, a request for information, a
//! permit, its cancellation and a kandas assignment say on paper, and the PDF they are printed
//! as. [`content`] is the document as plain data, [`compose`] fills it in the reader's language,
//! [`locale`] writes its dates and numbers, [`font`] embeds the font and measures text, [`pdf`]
//! lays it out. Nothing here reads the database or decides who may download what: that is
//! `flows::documents`.

pub mod compose;
pub mod content;
pub mod font;
pub mod locale;
pub mod pdf;

pub use compose::Words;
pub use content::Document;
pub use pdf::PdfError;

/// `doc` as a PDF file, its few labels of the layout in the document's language.
pub fn to_pdf(w: Words<'_>, doc: &Document) -> Result<Vec<u8>, PdfError> {
    pdf::render(doc, &w.t("doc-basis"), &w.t("doc-figures"))
}
