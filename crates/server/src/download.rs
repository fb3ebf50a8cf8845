//! Lists to download as CSV files for spreadsheets: UTF-8 with a byte-order mark (so that
//! Excel reads Cyrillic and Kazakh letters), every cell through
//! [`ashyq_core::spreadsheet::csv_cell`] (never a formula), sent as an attachment. The API
//! and the pages both answer with it.

use ashyq_core::spreadsheet::csv_record;
use axum::http::header;
use axum::response::{IntoResponse, Response};

/// The byte-order mark of UTF-8.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The CSV file of a header and rows, with the byte-order mark first.
pub fn csv_bytes<S: AsRef<str>>(header: &[S], rows: impl IntoIterator<Item = Vec<String>>) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(BOM.to_vec());
    // Writing to memory does not fail; a row that did would be left out, not the file.
    let _ = w.write_record(csv_record(header.iter().map(AsRef::as_ref)));
    for r in rows {
        let _ = w.write_record(csv_record(&r));
    }
    w.into_inner().unwrap_or_default()
}

/// A CSV file as an attachment named `name`.
pub fn csv_attachment(name: &str, bytes: Vec<u8>) -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{name}\"")),
            (header::CACHE_CONTROL, "no-store".to_string()),
        ],
        bytes,
    )
        .into_response()
}
