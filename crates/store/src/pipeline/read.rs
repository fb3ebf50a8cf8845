//! The reading half of every import: a file's rows read (CSV or XLSX, streaming, on a blocking
//! thread), its header resolved and each data row checked by the import's own [`Check`]; good
//! rows go to the writing half in batches, bad rows and progress as they come.

use super::input::{Flow, Input, InputError, for_each_row};
use super::outcome::RowError;
use super::progress::{Pace, Progress};
use ashyq_core::said::Said;
use tokio::sync::mpsc;

/// What one kind of file holds and how its rows are checked (labour sources, rates, register
/// files). Runs on the blocking thread, so it may keep state across rows.
pub trait Check: Send + 'static {
    /// The columns the header names, as the rows are read by.
    type Columns: Send;
    /// A checked row.
    type Record: Send + 'static;

    /// The columns the header row names, or every reason it will not do.
    fn columns(&self, header: &[&str]) -> Result<Self::Columns, Vec<Said>>;

    /// One data row's record, or every reason it is bad (one per bad field).
    fn row(
        &mut self,
        columns: &Self::Columns,
        row: u64,
        fields: &[&str],
    ) -> Result<Self::Record, Vec<RowError>>;

    /// Why a file with `rows` data rows is refused whole, if it has too many to hold.
    fn too_many(&self, _rows: u64) -> Option<Said> {
        None
    }
}

/// How the rows are handed over.
#[derive(Debug, Clone, Copy)]
pub struct Reading {
    /// Good rows per batch.
    pub batch_rows: usize,
    /// Send the header and every good row's fields as read too (a staged import keeps them, to
    /// read its rows again when it publishes).
    pub keep_raw: bool,
}

/// What the reading half tells the writing half.
pub enum Msg<R> {
    /// The file's header row (sent only when the fields are kept).
    Header(Vec<String>),
    /// Good rows with their row numbers, and (when kept) their fields as read.
    Batch(Vec<(u64, R)>, Vec<Vec<String>>),
    Rejected {
        row: u64,
        errors: Vec<RowError>,
        raw: Vec<String>,
    },
    Progress {
        progress: Progress,
        rows: u64,
    },
}

/// Why a file could not be read row by row.
pub enum ReadFailure {
    /// The header lacks a column or repeats one (reported at its row).
    Header(Vec<RowError>),
    Input(InputError),
}

/// Reads and checks every row of `input`, sending what it finds to `out`; returns the file's
/// SHA-256. Stops early only if the writing half has gone.
pub fn read_file<C: Check>(
    mut check: C,
    input: Input,
    how: Reading,
    out: mpsc::Sender<Msg<C::Record>>,
) -> Result<String, ReadFailure> {
    let mut columns: Option<C::Columns> = None;
    let mut header_errors: Vec<RowError> = Vec::new();
    let mut too_many: Option<(u64, Said)> = None;
    let mut batch: Vec<(u64, C::Record)> = Vec::with_capacity(how.batch_rows);
    let mut raw: Vec<Vec<String>> = Vec::new();
    let mut rows: u64 = 0;
    let send = |msg: Msg<C::Record>| out.blocking_send(msg).is_ok();
    let mut pace = Pace::new(input.progress());
    let hash = for_each_row(
        input,
        |row, fields, progress| {
            let Some(cols) = &columns else {
                match check.columns(fields) {
                    Ok(c) => {
                        columns = Some(c);
                        let header = Msg::Header(fields.iter().map(|f| f.to_string()).collect());
                        return if !how.keep_raw || send(header) { Flow::Continue } else { Flow::Stop };
                    }
                    Err(reasons) => {
                        header_errors.extend(reasons.into_iter().map(|said| RowError::new(row, None, said)));
                        return Flow::Stop;
                    }
                }
            };
            if fields.iter().all(|f| f.trim().is_empty()) {
                return Flow::Continue; // a blank line (or an empty spreadsheet row) is not a record
            }
            rows += 1;
            if let Some(reason) = check.too_many(rows) {
                too_many = Some((row, reason));
                return Flow::Stop;
            }
            let ok = match check.row(cols, row, fields) {
                Ok(record) => {
                    batch.push((row, record));
                    if how.keep_raw {
                        raw.push(fields.iter().map(|f| f.to_string()).collect());
                    }
                    if batch.len() >= how.batch_rows {
                        let full = std::mem::replace(&mut batch, Vec::with_capacity(how.batch_rows));
                        send(Msg::Batch(full, std::mem::take(&mut raw)))
                    } else {
                        true
                    }
                }
                Err(errors) => {
                    send(Msg::Rejected { row, errors, raw: fields.iter().map(|s| s.to_string()).collect() })
                }
            };
            if let Some(progress) = pace.tell(progress) {
                send(Msg::Progress { progress, rows });
            }
            if ok { Flow::Continue } else { Flow::Stop }
        },
        |row, reason| {
            // A row that is not text (a CSV line that is not UTF-8) is a bad row like any other.
            send(Msg::Rejected { row, errors: vec![RowError::new(row, None, reason)], raw: Vec::new() });
        },
    );
    if !header_errors.is_empty() {
        return Err(ReadFailure::Header(header_errors));
    }
    let hash = hash.map_err(ReadFailure::Input)?;
    if let Some((row, reason)) = too_many {
        return Err(ReadFailure::Input(InputError::Row { row, reason }));
    }
    if !batch.is_empty() {
        send(Msg::Batch(batch, raw));
    }
    send(Msg::Progress { progress: pace.end(), rows });
    Ok(hash)
}
