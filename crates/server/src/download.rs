//! Files to download for spreadsheets, written one way for every export (`docs/exports.md`).
//!
//! A download is a [`Table`]: columns with a machine name (snake_case, as the JSON API names the
//! field) and a heading in the reader's language, and rows of typed [`Cell`]s. It is written as
//! CSV — UTF-8 with a byte-order mark (so that Excel reads Cyrillic and Kazakh letters), every
//! cell through [`ashyq_core::spreadsheet::csv_cell`] (never a formula) — or as an XLSX
//! workbook by [`xlsx`]. Either comes with the headings of people ([`Headers::Localized`], the
//! default) or of programs ([`Headers::Machine`], `?headers=machine`). A column may be for
//! people only (the name beside a code) or for programs only (the titles in the three
//! languages); both files hold the same rows.
//!
//! Numbers stay machine-readable in both: a dot before decimals, no thousands separators. Dates
//! are ISO 8601 (`2026-01-10`) in a CSV file and real dates in a workbook.

pub mod xlsx;

use crate::i18n::Lang;
use ashyq_core::spreadsheet::csv_record;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use jiff::civil::Date;
use serde::Deserialize;

/// The byte-order mark of UTF-8.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The content type of an XLSX workbook.
pub const XLSX_TYPE: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

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
    attachment(name, "text/csv; charset=utf-8", bytes)
}

/// An XLSX workbook as an attachment named `name`.
pub fn xlsx_attachment(name: &str, bytes: Vec<u8>) -> Response {
    attachment(name, XLSX_TYPE, bytes)
}

/// Any file as an attachment named `name`, never kept by a cache (it may hold personal data).
pub fn attachment(name: &str, content_type: &str, bytes: Vec<u8>) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type.to_string()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{name}\"")),
            (header::CACHE_CONTROL, "no-store".to_string()),
        ],
        bytes,
    )
        .into_response()
}

/// Whose headings a file has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Headers {
    /// Headings in the reader's language, a name beside each code: for people.
    #[default]
    Localized,
    /// The snake_case names the JSON API uses, codes only: for programs.
    Machine,
}

/// The query that chooses the headings: `?headers=machine` for programs; anything else (or
/// nothing) for people.
#[derive(Debug, Default, Deserialize)]
pub struct HeadersQuery {
    #[serde(default)]
    headers: String,
}

impl HeadersQuery {
    pub fn headers(&self) -> Headers {
        if self.headers.trim().eq_ignore_ascii_case("machine") {
            Headers::Machine
        } else {
            Headers::Localized
        }
    }
}

/// A cell of a download.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Int(i64),
    /// A decimal; written with a dot and without thousands separators.
    Number(f64),
    /// A calendar date: ISO 8601 in a CSV file, a date in a workbook.
    Date(Date),
    Empty,
}

impl Cell {
    /// A date written as text (`2026-01-10`), or the text itself when it is not one.
    pub fn date_text(text: &str) -> Cell {
        match text.trim() {
            "" => Cell::Empty,
            t => t.parse::<Date>().map_or_else(|_| Cell::Text(t.to_string()), Cell::Date),
        }
    }

    /// The cell as CSV text.
    pub fn text(&self) -> String {
        match self {
            Cell::Text(t) => t.clone(),
            Cell::Int(n) => n.to_string(),
            Cell::Number(x) => x.to_string(),
            Cell::Date(d) => d.to_string(),
            Cell::Empty => String::new(),
        }
    }
}

impl From<&str> for Cell {
    fn from(t: &str) -> Cell {
        Cell::Text(t.to_string())
    }
}

impl From<String> for Cell {
    fn from(t: String) -> Cell {
        Cell::Text(t)
    }
}

impl From<Option<String>> for Cell {
    fn from(t: Option<String>) -> Cell {
        t.map_or(Cell::Empty, Cell::Text)
    }
}

impl From<i64> for Cell {
    fn from(n: i64) -> Cell {
        Cell::Int(n)
    }
}

impl From<f64> for Cell {
    fn from(x: f64) -> Cell {
        Cell::Number(x)
    }
}

impl From<Date> for Cell {
    fn from(d: Date) -> Cell {
        Cell::Date(d)
    }
}

impl From<Option<Date>> for Cell {
    fn from(d: Option<Date>) -> Cell {
        d.map_or(Cell::Empty, Cell::Date)
    }
}

/// Which files show a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shown {
    Both,
    /// Localized only: a name beside a code, a word for a code.
    People,
    /// Machine only: what a program reads instead of a name in the reader's language.
    Machine,
}

/// A column: its machine name, its heading in the reader's language, who sees it.
#[derive(Debug, Clone)]
pub struct Column {
    pub key: &'static str,
    pub heading: String,
    shown: Shown,
}

impl Column {
    fn shown_with(&self, h: Headers) -> bool {
        matches!(
            (self.shown, h),
            (Shown::Both, _) | (Shown::People, Headers::Localized) | (Shown::Machine, Headers::Machine)
        )
    }

    fn heading_for(&self, h: Headers) -> &str {
        match h {
            Headers::Localized => &self.heading,
            Headers::Machine => self.key,
        }
    }
}

/// A table to download: a sheet's name, columns and rows (each row one cell per column, in
/// the columns' order, whoever the column is for).
#[derive(Debug, Clone)]
pub struct Table {
    pub sheet: String,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    pub fn new(sheet: &str) -> Table {
        Table { sheet: sheet.to_string(), columns: Vec::new(), rows: Vec::new() }
    }

    fn with(mut self, key: &'static str, heading: String, shown: Shown) -> Table {
        self.columns.push(Column { key, heading, shown });
        self
    }

    /// A column in both files.
    pub fn column(self, key: &'static str, heading: String) -> Table {
        self.with(key, heading, Shown::Both)
    }

    /// A column for people only: the name of the code beside it, a word for a code.
    pub fn for_people(self, key: &'static str, heading: String) -> Table {
        self.with(key, heading, Shown::People)
    }

    /// A column for programs only (its heading is its machine name).
    pub fn for_machines(self, key: &'static str) -> Table {
        self.with(key, key.to_string(), Shown::Machine)
    }

    /// Adds a row: one cell per column (a missing cell is empty, an extra one left out).
    pub fn push(&mut self, row: Vec<Cell>) {
        self.rows.push(row);
    }

    /// The indexes of the columns the file shows.
    fn shown(&self, h: Headers) -> Vec<usize> {
        (0..self.columns.len()).filter(|&i| self.columns[i].shown_with(h)).collect()
    }

    /// The headings the file has.
    pub fn headings(&self, h: Headers) -> Vec<&str> {
        self.shown(h).into_iter().map(|i| self.columns[i].heading_for(h)).collect()
    }

    /// The rows the file has, cell by cell, in the columns shown.
    pub fn cells(&self, h: Headers) -> impl Iterator<Item = Vec<&Cell>> {
        let shown = self.shown(h);
        self.rows.iter().map(move |r| shown.iter().map(|&i| r.get(i).unwrap_or(&Cell::Empty)).collect())
    }

    /// The table as a CSV file with the byte-order mark first.
    pub fn csv(&self, h: Headers) -> Vec<u8> {
        let rows = self.cells(h).map(|r| r.into_iter().map(Cell::text).collect());
        csv_bytes(&self.headings(h), rows)
    }

    /// The table as a workbook of one sheet, dates in the reader's way of writing them.
    pub fn xlsx(&self, h: Headers, lang: Lang) -> Result<Vec<u8>, String> {
        xlsx::workbook(&[self], h, xlsx::date_format(lang)).map_err(|e| e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> Table {
        let mut t = Table::new("t")
            .column("region", "Регион".into())
            .for_people("region_name", "Название".into())
            .for_machines("title_en")
            .column("count", "Число".into())
            .column("on", "Дата".into());
        t.push(vec![
            "KZ-75".into(),
            "Алматы".into(),
            "Almaty".into(),
            Cell::Number(12345.5),
            Cell::date_text("2026-01-10"),
        ]);
        t
    }

    #[test]
    fn people_and_programs_get_their_own_columns_and_the_same_figures() {
        let t = table();
        let people = String::from_utf8(t.csv(Headers::Localized)).unwrap();
        assert_eq!(people, "\u{feff}Регион,Название,Число,Дата\nKZ-75,Алматы,12345.5,2026-01-10\n");
        let programs = String::from_utf8(t.csv(Headers::Machine)).unwrap();
        assert_eq!(programs, "\u{feff}region,title_en,count,on\nKZ-75,Almaty,12345.5,2026-01-10\n");
    }

    #[test]
    fn only_machine_asks_for_machine_headings() {
        let q = |t: &str| HeadersQuery { headers: t.into() }.headers();
        assert_eq!(q("machine"), Headers::Machine);
        assert_eq!(q(" Machine "), Headers::Machine);
        assert_eq!(q(""), Headers::Localized);
        assert_eq!(q("people"), Headers::Localized);
        assert_eq!(Cell::date_text("not a date"), Cell::Text("not a date".into()));
        assert_eq!(Cell::date_text(""), Cell::Empty);
    }
}
