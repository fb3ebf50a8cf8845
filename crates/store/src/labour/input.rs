//! Reading the rows of an import file — CSV or XLSX — one at a time, so that a file of
//! millions of rows streams through in bounded memory. The first row given is the header (row 1);
//! row numbers are those a person sees: the CSV line, the spreadsheet row.

use sha2::{Digest, Sha256};
use std::io::{BufReader, Cursor, Read, Seek};
use std::path::Path;

/// An import file's content and format.
pub enum Input {
    /// CSV (UTF-8, comma-separated, RFC 4180 quoting), from any reader.
    Csv { reader: Box<dyn Read + Send>, size: Option<u64> },
    /// An Excel workbook (the first worksheet is read).
    Xlsx { bytes: Vec<u8> },
}

/// Why a file could not be read at all (as against a bad row, which is reported and skipped).
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("not a readable Excel workbook: {0}")]
    Xlsx(String),
    #[error("the workbook has no worksheet")]
    NoSheet,
    #[error("the file is empty: it has no header row")]
    Empty,
    #[error("row {row}: {reason}")]
    Row { row: u64, reason: String },
}

impl Input {
    /// Opens a file by its name's extension (`.xlsx` → workbook, anything else → CSV); a CSV
    /// file is streamed, a workbook is read into memory (Excel caps a sheet at about a million rows).
    pub fn open(path: &Path) -> Result<Input, InputError> {
        let is_xlsx = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
        if is_xlsx {
            Ok(Input::Xlsx { bytes: std::fs::read(path)? })
        } else {
            let file = std::fs::File::open(path)?;
            let size = file.metadata().ok().map(|m| m.len());
            Ok(Input::Csv { reader: Box::new(file), size })
        }
    }

    /// Content received whole (an upload): a workbook is recognised by its ZIP signature.
    pub fn from_bytes(bytes: Vec<u8>) -> Input {
        if bytes.starts_with(b"PK\x03\x04") {
            Input::Xlsx { bytes }
        } else {
            let size = Some(bytes.len() as u64);
            Input::Csv { reader: Box::new(Cursor::new(bytes)), size }
        }
    }

    /// The size in bytes, when known (for progress).
    pub fn size(&self) -> Option<u64> {
        match self {
            Input::Csv { size, .. } => *size,
            Input::Xlsx { bytes } => Some(bytes.len() as u64),
        }
    }
}

/// What the row visitor tells the reader.
pub enum Flow {
    Continue,
    Stop,
}

/// Calls `visit(row_no, fields, bytes_read)` for every row, header first; returns the file's
/// SHA-256. A row that is not UTF-8 is given to `bad_row` and skipped.
pub fn for_each_row(
    input: Input,
    mut visit: impl FnMut(u64, &[&str], u64) -> Flow,
    mut bad_row: impl FnMut(u64, String),
) -> Result<String, InputError> {
    match input {
        Input::Csv { reader, .. } => {
            let hashing = HashingReader { inner: reader, hasher: Sha256::new() };
            let mut csv = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(hashing);
            let mut record = csv::ByteRecord::new();
            let mut any = false;
            loop {
                let more = csv.read_byte_record(&mut record).map_err(|e| InputError::Row {
                    row: e.position().map_or(0, |p| p.line()),
                    reason: e.to_string(),
                })?;
                if !more {
                    break;
                }
                any = true;
                let row = record.position().map_or(0, |p| p.line());
                let bytes = record.position().map_or(0, |p| p.byte());
                let mut text_fields: Vec<&str> = Vec::with_capacity(record.len());
                let mut bad = None;
                for (i, f) in record.iter().enumerate() {
                    match std::str::from_utf8(f) {
                        Ok(s) => text_fields.push(s),
                        Err(_) => {
                            bad = Some(format!("column {} is not UTF-8 text", i + 1));
                            break;
                        }
                    }
                }
                if let Some(reason) = bad {
                    bad_row(row, reason);
                    continue;
                }
                let flow = visit(row, &text_fields, bytes);
                if let Flow::Stop = flow {
                    break;
                }
            }
            if !any {
                return Err(InputError::Empty);
            }
            // Read to the end so that the hash covers the whole file even after a stop.
            let mut rest = csv.into_inner();
            std::io::copy(&mut rest, &mut std::io::sink())?;
            Ok(hex::encode(rest.hasher.finalize()))
        }
        Input::Xlsx { bytes } => {
            let hash = hex::encode(Sha256::digest(&bytes));
            read_xlsx(Cursor::new(bytes), &mut visit)?;
            Ok(hash)
        }
    }
}

struct HashingReader {
    inner: Box<dyn Read + Send>,
    hasher: Sha256,
}

impl Read for HashingReader {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hasher.update(&buf[..n]);
        Ok(n)
    }
}

fn read_xlsx<RS: Read + Seek>(
    rs: RS,
    visit: &mut impl FnMut(u64, &[&str], u64) -> Flow,
) -> Result<(), InputError> {
    use calamine::{DataRef, Reader, Xlsx};
    let mut book: Xlsx<BufReader<RS>> =
        Xlsx::new(BufReader::new(rs)).map_err(|e| InputError::Xlsx(e.to_string()))?;
    let name = book.sheet_names().first().cloned().ok_or(InputError::NoSheet)?;
    let mut cells = book.worksheet_cells_reader(&name).map_err(|e| InputError::Xlsx(e.to_string()))?;
    let mut current: Option<u32> = None;
    let mut row: Vec<String> = Vec::new();
    let mut any = false;
    let mut emit = |r: u32, row: &mut Vec<String>| {
        let fields: Vec<&str> = row.iter().map(String::as_str).collect();
        let flow = visit(u64::from(r) + 1, &fields, 0);
        row.clear();
        flow
    };
    loop {
        let cell = cells.next_cell().map_err(|e| InputError::Xlsx(e.to_string()))?;
        let Some(cell) = cell else { break };
        let (r, c) = cell.get_position();
        if current != Some(r) {
            if let Some(prev) = current
                && let Flow::Stop = emit(prev, &mut row)
            {
                return Ok(());
            }
            current = Some(r);
        }
        any = true;
        let text = match cell.get_value() {
            DataRef::Empty => String::new(),
            DataRef::String(s) => s.clone(),
            DataRef::SharedString(s) => s.to_string(),
            DataRef::Int(i) => i.to_string(),
            DataRef::Float(f) => number_text(*f),
            DataRef::Bool(b) => b.to_string(),
            DataRef::DateTime(dt) if dt.is_datetime() => excel_date(dt.as_f64()),
            DataRef::DateTime(dt) => number_text(dt.as_f64()),
            DataRef::DateTimeIso(s) => s.get(..10).unwrap_or(s).to_string(),
            DataRef::DurationIso(s) => s.clone(),
            DataRef::Error(e) => format!("#{e:?}"),
        };
        let c = c as usize;
        // A workbook may name any column in a cell's address; data files have a handful.
        if c >= MAX_COLUMNS {
            return Err(InputError::Row {
                row: u64::from(r) + 1,
                reason: format!("a cell is in column {}; at most {MAX_COLUMNS} columns are read", c + 1),
            });
        }
        if row.len() <= c {
            row.resize(c + 1, String::new());
        }
        row[c] = text;
    }
    if let Some(prev) = current {
        emit(prev, &mut row);
    }
    if any { Ok(()) } else { Err(InputError::Empty) }
}

/// The most columns a workbook's rows may have.
const MAX_COLUMNS: usize = 64;

/// A spreadsheet number as a person would type it: whole numbers without `.0`.
fn number_text(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 { format!("{}", f as i64) } else { f.to_string() }
}

/// An Excel serial date (days since 1899-12-30, the 1900 leap-year quirk included) as YYYY-MM-DD.
fn excel_date(serial: f64) -> String {
    let base = jiff::civil::date(1899, 12, 30);
    let date =
        jiff::Span::new().try_days(serial.floor() as i64).ok().and_then(|span| base.checked_add(span).ok());
    match date {
        Some(d) => d.to_string(),
        None => number_text(serial),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type Rows = Vec<(u64, Vec<String>)>;

    fn rows(input: Input) -> (Rows, Vec<(u64, String)>) {
        let mut seen = Vec::new();
        let mut bad = Vec::new();
        for_each_row(
            input,
            |row, fields, _| {
                seen.push((row, fields.iter().map(|s| s.to_string()).collect()));
                Flow::Continue
            },
            |row, reason| bad.push((row, reason)),
        )
        .unwrap();
        (seen, bad)
    }

    #[test]
    fn csv_rows_keep_their_line_numbers_and_quotes() {
        let text = b"a,b\n1,\"x, y\"\n2,\"multi\nline\"\n3,\xff\n4,z\n".to_vec();
        let (seen, bad) = rows(Input::from_bytes(text));
        assert_eq!(seen[0], (1, vec!["a".to_string(), "b".to_string()]));
        assert_eq!(seen[1], (2, vec!["1".to_string(), "x, y".to_string()]));
        assert_eq!(seen[2].0, 3);
        assert_eq!(seen[3], (6, vec!["4".to_string(), "z".to_string()]));
        assert_eq!(bad, [(5, "column 2 is not UTF-8 text".to_string())]);
    }

    #[test]
    fn a_workbook_cell_far_to_the_right_is_refused_not_allocated() {
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        sheet.write_string(0, 0, "year").unwrap();
        sheet.write_string(1, 16_000, "far").unwrap();
        let bytes = book.save_to_buffer().unwrap();
        let err = for_each_row(Input::from_bytes(bytes), |_, _, _| Flow::Continue, |_, _| {}).unwrap_err();
        assert!(
            matches!(&err, InputError::Row { row: 2, reason } if reason.contains("column 16001")),
            "{err}"
        );
    }

    #[test]
    fn dates_far_out_of_range_stay_numbers() {
        assert_eq!(excel_date(45_717.0), "2025-03-01");
        assert_eq!(excel_date(99_999_999.0), "99999999");
        assert_eq!(excel_date(-1e18), number_text(-1e18));
    }

    #[test]
    fn empty_files_are_refused() {
        let err =
            for_each_row(Input::from_bytes(Vec::new()), |_, _, _| Flow::Continue, |_, _| {}).unwrap_err();
        assert!(matches!(err, InputError::Empty));
    }

    #[test]
    fn workbooks_are_read_with_dates_and_whole_numbers() {
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        sheet.write_string(0, 0, "year").unwrap();
        sheet.write_string(0, 1, "posted_on").unwrap();
        sheet.write_number(1, 0, 2025.0).unwrap();
        let date = rust_xlsxwriter::ExcelDateTime::from_ymd(2025, 3, 1).unwrap();
        let format = rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd");
        sheet.write_datetime_with_format(1, 1, &date, &format).unwrap();
        sheet.write_string(3, 1, "2025-04-01").unwrap();
        let bytes = book.save_to_buffer().unwrap();
        let (seen, _) = rows(Input::from_bytes(bytes));
        assert_eq!(seen[0], (1, vec!["year".to_string(), "posted_on".to_string()]));
        assert_eq!(seen[1], (2, vec!["2025".to_string(), "2025-03-01".to_string()]));
        assert_eq!(seen[2], (4, vec![String::new(), "2025-04-01".to_string()]));
    }
}
