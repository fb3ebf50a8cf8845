//! What the operators' batch commands (`ashyq kandas|abroad|paryz`) share: a table written to
//! the terminal, as CSV (UTF-8 with a byte-order mark, so spreadsheets read Kazakh and Russian
//! letters right; never a formula) or as an XLSX workbook, to a file or standard output; and the
//! exit codes of the store's refusals (2: a field that does not read, named; 1: not found or
//! refused). Both files are written by the server's `download` module, as every download is;
//! their columns have machine names and dates are `dd.mm.yyyy` in a workbook.

use crate::args::{ExportArgs, ExportFormat};
use ashyq_server::download::{self, Headers};
use ashyq_store::StoreError;
use std::io::Write;
use std::process::ExitCode;

/// A cell: text, a whole number, an exact amount (a decimal written as text, a number in a
/// workbook), or a date (ISO 8601 as text, a date in a workbook).
#[derive(Debug, Clone)]
pub enum Cell {
    Text(String),
    Int(i64),
    Amount(String),
    Date(jiff::civil::Date),
}

impl Cell {
    fn text(&self) -> String {
        match self {
            Cell::Text(t) | Cell::Amount(t) => t.clone(),
            Cell::Int(n) => n.to_string(),
            Cell::Date(d) => d.to_string(),
        }
    }

    /// The cell as the shared writer of downloads takes it.
    fn download(&self) -> download::Cell {
        match self {
            Cell::Text(t) => download::Cell::Text(t.clone()),
            Cell::Int(n) => download::Cell::Int(*n),
            Cell::Amount(t) => {
                t.parse().map_or_else(|_| download::Cell::Text(t.clone()), download::Cell::Number)
            }
            Cell::Date(d) => download::Cell::Date(*d),
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
        Cell::Text(t.unwrap_or_default())
    }
}

impl From<i64> for Cell {
    fn from(n: i64) -> Cell {
        Cell::Int(n)
    }
}

impl From<jiff::civil::Date> for Cell {
    fn from(d: jiff::civil::Date) -> Cell {
        Cell::Date(d)
    }
}

/// A date, or an empty cell.
impl From<Option<jiff::civil::Date>> for Cell {
    fn from(d: Option<jiff::civil::Date>) -> Cell {
        d.map_or_else(|| Cell::Text(String::new()), Cell::Date)
    }
}

/// An amount of tenge, as a decimal.
impl From<ashyq_core::money::Tenge> for Cell {
    fn from(t: ashyq_core::money::Tenge) -> Cell {
        Cell::Amount(t.to_string())
    }
}

/// A table: its column names and rows.
#[derive(Debug, Clone, Default)]
pub struct Table {
    pub columns: Vec<&'static str>,
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    pub fn new(columns: &[&'static str]) -> Table {
        Table { columns: columns.to_vec(), rows: Vec::new() }
    }

    pub fn push(&mut self, row: Vec<Cell>) {
        self.rows.push(row);
    }

    /// The table in aligned columns for the terminal.
    pub fn print(&self) {
        let mut widths: Vec<usize> = self.columns.iter().map(|c| c.chars().count()).collect();
        for r in &self.rows {
            for (w, c) in widths.iter_mut().zip(r) {
                *w = (*w).max(c.text().chars().count()).min(40);
            }
        }
        let line = |cells: Vec<String>| {
            let parts: Vec<String> =
                cells.iter().zip(&widths).map(|(c, w)| format!("{c:<w$}", w = *w)).collect();
            println!("{}", parts.join("  ").trim_end());
        };
        line(self.columns.iter().map(|c| c.to_string()).collect());
        for r in &self.rows {
            line(r.iter().map(Cell::text).collect());
        }
    }

    /// The table as the shared writer of downloads takes it: machine names only.
    fn download(&self, sheet: &str) -> download::Table {
        let mut t = download::Table::new(sheet);
        for &c in &self.columns {
            t = t.column(c, c.to_string());
        }
        for r in &self.rows {
            t.push(r.iter().map(Cell::download).collect());
        }
        t
    }

    /// The table as CSV with a byte-order mark, no cell a formula.
    pub fn csv(&self) -> Vec<u8> {
        // Amounts as their exact text, not through a float.
        download::csv_bytes(&self.columns, self.rows.iter().map(|r| r.iter().map(Cell::text).collect()))
    }

    /// The table as an XLSX workbook of one sheet named `sheet`: the header row bold, frozen
    /// and filtered, columns fitted, dates as dates.
    pub fn xlsx(&self, sheet: &str) -> anyhow::Result<Vec<u8>> {
        let t = self.download(sheet);
        Ok(download::xlsx::workbook(&[&t], Headers::Machine, download::xlsx::DATE_DMY)?)
    }

    /// Writes the table as asked, to the file or standard output; says on standard error what
    /// was written where.
    pub fn export(&self, sheet: &str, a: &ExportArgs) -> anyhow::Result<()> {
        let bytes = match a.format {
            ExportFormat::Csv => self.csv(),
            ExportFormat::Xlsx => self.xlsx(sheet)?,
        };
        match &a.out {
            Some(path) => {
                std::fs::write(path, &bytes).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
                eprintln!("wrote {}: {} rows", path.display(), self.rows.len());
            }
            None => {
                let mut out = std::io::stdout().lock();
                out.write_all(&bytes)?;
                out.flush()?;
            }
        }
        Ok(())
    }
}

/// Pretty JSON of a value.
pub fn to_json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default()
}

/// A command's result as its exit code: a field that does not read is 2, a refusal (not found,
/// forbidden, a conflict) 1, both said on standard error; anything else fails.
pub fn exit(result: anyhow::Result<ExitCode>) -> anyhow::Result<ExitCode> {
    match result {
        Ok(code) => Ok(code),
        Err(e) => match e.downcast::<StoreError>() {
            Ok(e @ StoreError::Field { .. }) => {
                eprintln!("{e}");
                Ok(ExitCode::from(crate::cases::EXIT_BAD_INPUT))
            }
            Ok(
                e @ (StoreError::NotFound { .. }
                | StoreError::Refused(_)
                | StoreError::Conflict { .. }
                | StoreError::Forbidden(_)
                | StoreError::OtherRegion { .. }),
            ) => {
                eprintln!("{e}");
                Ok(ExitCode::FAILURE)
            }
            Ok(e) => Err(e.into()),
            Err(e) => Err(e),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::{Data, Reader};

    fn table() -> Table {
        let mut t = Table::new(&["reference", "filed_on", "total_kzt", "note"]);
        t.push(vec![
            "K-1".into(),
            jiff::civil::date(2026, 1, 10).into(),
            Cell::Amount("1500000.50".into()),
            "=HYPERLINK(\"http://x.example\")".into(),
        ]);
        t
    }

    #[test]
    fn a_csv_file_has_a_byte_order_mark_and_no_formula() {
        let text = String::from_utf8(table().csv()).unwrap();
        assert_eq!(
            text,
            "\u{feff}reference,filed_on,total_kzt,note\nK-1,2026-01-10,1500000.50,\"'=HYPERLINK(\"\"http://x.example\"\")\"\n"
        );
    }

    #[test]
    fn a_workbook_has_dates_numbers_and_a_frozen_filtered_header() {
        let bytes = table().xlsx("kandas").unwrap();
        let mut book: calamine::Xlsx<_> =
            calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
        let sheet = book.worksheet_range("kandas").unwrap();
        assert_eq!(sheet.get((0, 1)), Some(&Data::String("filed_on".into())));
        assert!(matches!(sheet.get((1, 1)), Some(Data::DateTime(_))), "{:?}", sheet.get((1, 1)));
        assert_eq!(sheet.get((1, 2)), Some(&Data::Float(1_500_000.5)));
        assert_eq!(sheet.get((1, 3)), Some(&Data::String("=HYPERLINK(\"http://x.example\")".into())));
    }
}
