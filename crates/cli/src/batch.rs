//! What the operators' batch commands (`ashyq kandas|abroad|paryz`) share: a table written to
//! the terminal, as CSV (UTF-8 with a byte-order mark, so spreadsheets read Kazakh and Russian
//! letters right) or as an XLSX workbook, to a file or standard output; and the exit codes of
//! the store's refusals (2: a field that does not read, named; 1: not found or refused).

use crate::args::{ExportArgs, ExportFormat};
use ashyq_store::StoreError;
use std::io::Write;
use std::process::ExitCode;

/// A cell: text, a whole number, or an exact amount (a decimal written as text, a number in a
/// workbook).
#[derive(Debug, Clone)]
pub enum Cell {
    Text(String),
    Int(i64),
    Amount(String),
}

impl Cell {
    fn text(&self) -> String {
        match self {
            Cell::Text(t) | Cell::Amount(t) => t.clone(),
            Cell::Int(n) => n.to_string(),
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

    /// The table as CSV with a byte-order mark.
    pub fn csv(&self) -> anyhow::Result<Vec<u8>> {
        let mut out = "\u{feff}".as_bytes().to_vec();
        {
            let mut w = csv::Writer::from_writer(&mut out);
            w.write_record(&self.columns)?;
            for r in &self.rows {
                w.write_record(r.iter().map(Cell::text))?;
            }
            w.flush()?;
        }
        Ok(out)
    }

    /// The table as an XLSX workbook of one sheet named `sheet`.
    pub fn xlsx(&self, sheet: &str) -> anyhow::Result<Vec<u8>> {
        use rust_xlsxwriter::{Format, Workbook};
        let mut book = Workbook::new();
        let bold = Format::new().set_bold();
        let ws = book.add_worksheet();
        ws.set_name(sheet)?;
        for (c, h) in self.columns.iter().enumerate() {
            ws.write_string_with_format(0, u16::try_from(c)?, *h, &bold)?;
        }
        for (r, row) in self.rows.iter().enumerate() {
            let r = u32::try_from(r + 1)?;
            for (c, cell) in row.iter().enumerate() {
                let c = u16::try_from(c)?;
                match cell {
                    Cell::Text(t) => ws.write_string(r, c, t)?,
                    Cell::Int(n) => ws.write_number(r, c, *n as f64)?,
                    Cell::Amount(t) => match t.parse::<f64>() {
                        Ok(v) => ws.write_number(r, c, v)?,
                        Err(_) => ws.write_string(r, c, t)?,
                    },
                };
            }
        }
        Ok(book.save_to_buffer()?)
    }

    /// Writes the table as asked, to the file or standard output; says on standard error what
    /// was written where.
    pub fn export(&self, sheet: &str, a: &ExportArgs) -> anyhow::Result<()> {
        let bytes = match a.format {
            ExportFormat::Csv => self.csv()?,
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
