//! Reading the rows of an import file — CSV or XLSX — one at a time, so that a file of
//! millions of rows streams through in bounded memory. The first row given is the header (row 1);
//! row numbers are those a person sees: the CSV line, the spreadsheet row. Memory stays bounded
//! by what a file holds too: a CSV record may not exceed [`MAX_RECORD_BYTES`] (an unclosed quote
//! is not read to the end of the file), no cell may exceed [`MAX_CELL_CHARS`], and a workbook is
//! inspected against [`super::workbook::LIMITS`] before it is opened. Progress is told in the
//! file's own unit: a CSV's bytes, a worksheet's rows (out of its declared dimensions).

use super::progress::{Progress, Unit};
use super::workbook::{self, WorkbookError};
use ashyq_core::said::Said;
use sha2::{Digest, Sha256};
use std::io::{BufReader, Cursor, Read, Seek, SeekFrom};
use std::path::Path;

/// The longest cell read, in characters: Excel's own limit.
pub const MAX_CELL_CHARS: usize = 32_767;
/// The longest CSV record read, in bytes.
pub const MAX_RECORD_BYTES: u64 = 1024 * 1024;

/// What a workbook is read from: a file, or bytes in memory.
pub trait Seekable: Read + Seek + Send {}
impl<T: Read + Seek + Send> Seekable for T {}

/// An import file's content and format.
pub enum Input {
    /// CSV (UTF-8, comma-separated, RFC 4180 quoting), from any reader.
    Csv { reader: Box<dyn Read + Send>, size: Option<u64> },
    /// An Excel workbook (the first worksheet is read), read from a file or from memory.
    Xlsx { file: Box<dyn Seekable>, size: u64 },
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
    Row { row: u64, reason: Said },
    #[error("row {row}, column {column}: a cell of {chars} characters; at most {MAX_CELL_CHARS} are read")]
    LongCell { row: u64, column: usize, chars: usize },
    #[error("row {row}: a record longer than {} MiB (is a quote left open?)", MAX_RECORD_BYTES / (1024 * 1024))]
    LongRecord { row: u64 },
    #[error(transparent)]
    Workbook(#[from] WorkbookError),
}

impl Input {
    /// Opens a file by its name's extension (`.xlsx` → workbook, anything else → CSV). Both
    /// are read from the file as they are needed.
    pub fn open(path: &Path) -> Result<Input, InputError> {
        let is_xlsx = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
        let file = std::fs::File::open(path)?;
        let size = file.metadata()?.len();
        if is_xlsx {
            Ok(Input::Xlsx { file: Box::new(file), size })
        } else {
            Ok(Input::Csv { reader: Box::new(file), size: Some(size) })
        }
    }

    /// A file received under no name (an upload spooled to a temporary file): a workbook is
    /// recognised by its ZIP signature. The file is read from its start.
    pub fn from_file(mut file: std::fs::File) -> std::io::Result<Input> {
        let size = file.metadata()?.len();
        let mut head = [0u8; 4];
        file.seek(SeekFrom::Start(0))?;
        let got = file.by_ref().take(4).read(&mut head)?;
        file.seek(SeekFrom::Start(0))?;
        if got == 4 && head == *b"PK\x03\x04" {
            Ok(Input::Xlsx { file: Box::new(file), size })
        } else {
            Ok(Input::Csv { reader: Box::new(file), size: Some(size) })
        }
    }

    /// Content in memory: a workbook is recognised by its ZIP signature.
    pub fn from_bytes(bytes: Vec<u8>) -> Input {
        let size = bytes.len() as u64;
        if bytes.starts_with(b"PK\x03\x04") {
            Input::Xlsx { file: Box::new(Cursor::new(bytes)), size }
        } else {
            Input::Csv { reader: Box::new(Cursor::new(bytes)), size: Some(size) }
        }
    }

    /// The size in bytes, when known.
    pub fn size(&self) -> Option<u64> {
        match self {
            Input::Csv { size, .. } => *size,
            Input::Xlsx { size, .. } => Some(*size),
        }
    }

    /// The progress before reading: none of the CSV's bytes, none of the sheet's rows (whose
    /// number is known only once the workbook is open).
    pub fn progress(&self) -> Progress {
        match self {
            Input::Csv { size, .. } => Progress { done: 0, total: *size, unit: Unit::Bytes },
            Input::Xlsx { .. } => Progress { done: 0, total: None, unit: Unit::Rows },
        }
    }
}

/// What the row visitor tells the reader.
pub enum Flow {
    Continue,
    Stop,
}

/// Calls `visit(row_no, fields, progress)` for every row, header first, `progress` counting the
/// row just read; returns the file's SHA-256. A row that is not UTF-8 is given to `bad_row` and
/// skipped.
pub fn for_each_row(
    input: Input,
    mut visit: impl FnMut(u64, &[&str], Progress) -> Flow,
    mut bad_row: impl FnMut(u64, Said),
) -> Result<String, InputError> {
    match input {
        Input::Csv { reader, size } => {
            let hashing =
                HashingReader { inner: reader, hasher: Sha256::new(), guard: RecordGuard::default() };
            let mut csv = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(hashing);
            let mut record = csv::ByteRecord::new();
            let mut any = false;
            loop {
                let more = match csv.read_byte_record(&mut record) {
                    Ok(more) => more,
                    Err(_) if csv.get_ref().guard.too_long => {
                        return Err(InputError::LongRecord { row: csv.get_ref().guard.record_line });
                    }
                    Err(e) => {
                        return Err(InputError::Row {
                            row: e.position().map_or(0, |p| p.line()),
                            reason: Said::new("up-why-csv", e.to_string()),
                        });
                    }
                };
                if !more {
                    break;
                }
                any = true;
                let row = record.position().map_or(0, |p| p.line());
                // The reader stands at the next record: this one's bytes are read.
                let progress = Progress { done: csv.position().byte(), total: size, unit: Unit::Bytes };
                let mut text_fields: Vec<&str> = Vec::with_capacity(record.len());
                let mut bad = None;
                for (i, f) in record.iter().enumerate() {
                    if f.len() > MAX_CELL_CHARS {
                        let chars = String::from_utf8_lossy(f).chars().count();
                        if chars > MAX_CELL_CHARS {
                            return Err(InputError::LongCell { row, column: i + 1, chars });
                        }
                    }
                    match std::str::from_utf8(f) {
                        Ok(s) => text_fields.push(s),
                        Err(_) => {
                            bad = Some(
                                Said::new("up-why-utf8", format!("column {} is not UTF-8 text", i + 1))
                                    .count("column", (i + 1) as i64),
                            );
                            break;
                        }
                    }
                }
                if let Some(reason) = bad {
                    bad_row(row, reason);
                    continue;
                }
                let flow = visit(row, &text_fields, progress);
                if let Flow::Stop = flow {
                    break;
                }
            }
            if !any {
                return Err(InputError::Empty);
            }
            // Read to the end so that the hash covers the whole file even after a stop.
            let mut rest = csv.into_inner();
            rest.guard.off = true;
            std::io::copy(&mut rest, &mut std::io::sink())?;
            Ok(hex::encode(rest.hasher.finalize()))
        }
        Input::Xlsx { mut file, .. } => {
            file.seek(SeekFrom::Start(0))?;
            let mut hasher = Sha256::new();
            std::io::copy(&mut file, &mut hasher)?;
            let hash = hex::encode(hasher.finalize());
            workbook::inspect(&mut file)?;
            read_xlsx(file, &mut visit)?;
            Ok(hash)
        }
    }
}

struct HashingReader {
    inner: Box<dyn Read + Send>,
    hasher: Sha256,
    guard: RecordGuard,
}

impl Read for HashingReader {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hasher.update(&buf[..n]);
        self.guard.watch(&buf[..n])?;
        Ok(n)
    }
}

/// Follows the CSV's quoting as the CSV reader does (RFC 4180: a quote opens a field only at its
/// start; `""` inside quotes is a quote) to measure each record while it is read, before the
/// reader has buffered it: a record longer than [`MAX_RECORD_BYTES`] stops the reading.
#[derive(Default)]
struct RecordGuard {
    state: CsvState,
    /// Bytes of the record being read.
    bytes: u64,
    /// Lines seen, and the line the record being read started on (1-based).
    lines: u64,
    record_line: u64,
    too_long: bool,
    /// Not watching: the rest of the file is read only for its hash.
    off: bool,
}

#[derive(Default, Clone, Copy, PartialEq, Eq)]
enum CsvState {
    #[default]
    FieldStart,
    Unquoted,
    Quoted,
    /// A quote inside a quoted field: the field's end, or the first of `""`.
    QuoteInQuoted,
}

impl RecordGuard {
    fn watch(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        use CsvState::*;
        if self.off {
            return Ok(());
        }
        if self.record_line == 0 {
            self.record_line = 1;
        }
        for &b in bytes {
            self.bytes += 1;
            let end_of_record =
                matches!((self.state, b), (FieldStart | Unquoted | QuoteInQuoted, b'\n' | b'\r'));
            self.state = match (self.state, b) {
                (_, b'\n' | b'\r') if end_of_record => FieldStart,
                (FieldStart | QuoteInQuoted, b',') | (Unquoted, b',') => FieldStart,
                (FieldStart, b'"') => Quoted,
                (Quoted, b'"') => QuoteInQuoted,
                (QuoteInQuoted, b'"') => Quoted,
                (Quoted, _) => Quoted,
                _ => Unquoted,
            };
            if b == b'\n' {
                self.lines += 1;
            }
            if end_of_record {
                self.bytes = 0;
                self.record_line = self.lines + 1;
            } else if self.bytes > MAX_RECORD_BYTES {
                self.too_long = true;
                return Err(std::io::Error::other("a CSV record is too long"));
            }
        }
        Ok(())
    }
}

/// Reads the first sheet of a workbook that [`workbook::inspect`] has passed.
fn read_xlsx<RS: Read + Seek>(
    rs: RS,
    visit: &mut impl FnMut(u64, &[&str], Progress) -> Flow,
) -> Result<(), InputError> {
    use calamine::{DataRef, Reader, Xlsx};
    let mut book: Xlsx<BufReader<RS>> =
        Xlsx::new(BufReader::new(rs)).map_err(|e| InputError::Xlsx(e.to_string()))?;
    let name = book.sheet_names().first().cloned().ok_or(InputError::NoSheet)?;
    let epoch = if book.has_1904_epoch() { Epoch::Y1904 } else { Epoch::Y1900 };
    let mut cells = book.worksheet_cells_reader(&name).map_err(|e| InputError::Xlsx(e.to_string()))?;
    // The sheet's rows as its dimensions declare them; none declared (calamine's default is A1)
    // or a stale dimension leaves the rows read as the measure.
    let declared = cells.dimensions();
    let last_row = (declared.end.0 > 0).then(|| u64::from(declared.end.0) + 1);
    let mut current: Option<u32> = None;
    let mut row: Vec<String> = Vec::new();
    let mut any = false;
    let mut emit = |r: u32, row: &mut Vec<String>| {
        let fields: Vec<&str> = row.iter().map(String::as_str).collect();
        let done = u64::from(r) + 1;
        let progress = Progress { done, total: last_row.map(|t| t.max(done)), unit: Unit::Rows };
        let flow = visit(done, &fields, progress);
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
            DataRef::DateTime(dt) if dt.is_datetime() => excel_date(dt.as_f64(), epoch),
            DataRef::DateTime(dt) => number_text(dt.as_f64()),
            DataRef::DateTimeIso(s) => s.get(..10).unwrap_or(s).to_string(),
            DataRef::DurationIso(s) => s.clone(),
            DataRef::Error(e) => format!("#{e:?}"),
        };
        let c = c as usize;
        if text.len() > MAX_CELL_CHARS {
            let chars = text.chars().count();
            if chars > MAX_CELL_CHARS {
                return Err(InputError::LongCell { row: u64::from(r) + 1, column: c + 1, chars });
            }
        }
        // A workbook may name any column in a cell's address; data files have a handful.
        if c >= MAX_COLUMNS {
            return Err(InputError::Row {
                row: u64::from(r) + 1,
                reason: Said::new(
                    "up-why-far-column",
                    format!("a cell is in column {}; at most {MAX_COLUMNS} columns are read", c + 1),
                )
                .count("column", (c + 1) as i64)
                .count("max", MAX_COLUMNS as i64),
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

/// Where a workbook counts its serial dates from (`<workbookPr date1904="1">`): Excel for
/// Windows counts from 1900, old Excel for the Mac from 1904, 1,462 days later.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Epoch {
    Y1900,
    Y1904,
}

/// An Excel serial date as YYYY-MM-DD: days since 1899-12-30 (the 1900 leap-year quirk included:
/// serial 61 is 1 March 1900) or, in the 1904 system, since 1904-01-01.
fn excel_date(serial: f64, epoch: Epoch) -> String {
    let base = match epoch {
        Epoch::Y1900 => jiff::civil::date(1899, 12, 30),
        Epoch::Y1904 => jiff::civil::date(1904, 1, 1),
    };
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
        (seen, bad.into_iter().map(|(row, said): (u64, Said)| (row, said.english)).collect())
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
            matches!(&err, InputError::Row { row: 2, reason } if reason.english.contains("column 16001")),
            "{err}"
        );
    }

    fn error(input: Input) -> InputError {
        for_each_row(input, |_, _, _| Flow::Continue, |_, _| {}).unwrap_err()
    }

    #[test]
    fn an_unclosed_quote_is_not_read_to_the_end_of_the_file() {
        let mut text = b"a,b\n1,2\n3,\"open\n".to_vec();
        text.extend(std::iter::repeat_n(b"x,y\n".as_slice(), 300_000).flatten());
        assert!(matches!(error(Input::from_bytes(text)), InputError::LongRecord { row: 3 }));
        // One line longer than the limit, without quotes.
        let mut text = b"a,b\n1,2\n".to_vec();
        text.extend(std::iter::repeat_n(b'z', MAX_RECORD_BYTES as usize + 1));
        let e = error(Input::from_bytes(text));
        assert!(matches!(e, InputError::LongRecord { row: 3 }), "{e}");
        assert_eq!(e.to_string(), "row 3: a record longer than 1 MiB (is a quote left open?)");
    }

    #[test]
    fn quotes_are_followed_as_the_csv_reader_does() {
        // A quote inside an unquoted field is text, `""` is a quote, a quoted field may hold
        // new lines and commas: none of it ends or opens a record wrongly.
        // The lines after the stray quote hold none, and run past the record limit.
        let mut text = b"a,b\n5\" tall,\"x \"\"y\"\",\n\"\r\n\"d,e\"\"\",f\r\n".to_vec();
        for _ in 0..250_000 {
            text.extend_from_slice(b"ab,cd\n");
        }
        let mut rows = 0;
        let counted = |_: u64, _: &[&str], _: Progress| {
            rows += 1;
            Flow::Continue
        };
        for_each_row(Input::from_bytes(text), counted, |_, _| {}).unwrap();
        assert_eq!(rows, 3 + 250_000);
    }

    #[test]
    fn cells_longer_than_excel_allows_are_refused_with_their_place() {
        let long = "ж".repeat(MAX_CELL_CHARS + 1);
        let text = format!("a,b\n1,ok\n2,{long}\n");
        let e = error(Input::from_bytes(text.into_bytes()));
        assert!(
            matches!(e, InputError::LongCell { row: 3, column: 2, chars } if chars == MAX_CELL_CHARS + 1),
            "{e}"
        );
        // The longest cell Excel holds is read.
        let text = format!("a\n{}\n", "ж".repeat(MAX_CELL_CHARS));
        assert_eq!(rows(Input::from_bytes(text.into_bytes())).0.len(), 2);
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        sheet.write_string(0, 0, "year").unwrap();
        // rust_xlsxwriter keeps Excel's limit; an inline string written by hand does not.
        let bytes = book.save_to_buffer().unwrap();
        let long = "x".repeat(MAX_CELL_CHARS + 5);
        let bytes = rewrite(&bytes, "xl/worksheets/sheet1.xml", |xml| {
            xml.replace(
                "</sheetData>",
                &format!(
                    "<row r=\"4\"><c r=\"C4\" t=\"inlineStr\"><is><t>{long}</t></is></c></row></sheetData>"
                ),
            )
        });
        let e = error(Input::from_bytes(bytes));
        assert!(matches!(e, InputError::LongCell { row: 4, column: 3, .. }), "{e}");
    }

    /// A workbook with one part's text changed.
    fn rewrite(bytes: &[u8], part: &str, change: impl Fn(&str) -> String) -> Vec<u8> {
        use std::io::Write;
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for i in 0..zip.len() {
            let mut entry = zip.by_index(i).unwrap();
            let name = entry.name().unwrap().to_string();
            let mut text = Vec::new();
            entry.read_to_end(&mut text).unwrap();
            out.start_file(name.as_str(), zip::write::SimpleFileOptions::default()).unwrap();
            if name == part {
                out.write_all(change(&String::from_utf8(text).unwrap()).as_bytes()).unwrap();
            } else {
                out.write_all(&text).unwrap();
            }
        }
        out.finish().unwrap().into_inner()
    }

    #[test]
    fn dates_far_out_of_range_stay_numbers() {
        assert_eq!(excel_date(45_717.0, Epoch::Y1900), "2025-03-01");
        assert_eq!(excel_date(99_999_999.0, Epoch::Y1900), "99999999");
        assert_eq!(excel_date(-1e18, Epoch::Y1900), number_text(-1e18));
        assert_eq!(excel_date(-1e18, Epoch::Y1904), number_text(-1e18));
    }

    #[test]
    fn a_csvs_progress_is_its_bytes_read_through_each_row() {
        let text = b"a,b\n1,\"x\ny\"\n\n3,z".to_vec();
        let size = text.len() as u64;
        let mut told = Vec::new();
        for_each_row(
            Input::from_bytes(text),
            |_, _, p| {
                told.push(p);
                Flow::Continue
            },
            |_, _| {},
        )
        .unwrap();
        let bytes = |done| Progress { done, total: Some(size), unit: Unit::Bytes };
        assert_eq!(told, [bytes(4), bytes(12), bytes(size)]);
    }

    #[test]
    fn a_sheets_progress_is_its_rows_out_of_its_dimensions() {
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        sheet.write_string(0, 0, "year").unwrap();
        sheet.write_number(1, 0, 2025.0).unwrap();
        sheet.write_number(4, 1, 2026.0).unwrap();
        let bytes = book.save_to_buffer().unwrap();
        let progress = |bytes: Vec<u8>| {
            let input = Input::from_bytes(bytes);
            let mut told = vec![input.progress()];
            for_each_row(
                input,
                |_, _, p| {
                    told.push(p);
                    Flow::Continue
                },
                |_, _| {},
            )
            .unwrap();
            told
        };
        let rows = |done, total| Progress { done, total, unit: Unit::Rows };
        assert_eq!(
            progress(bytes.clone()),
            [rows(0, None), rows(1, Some(5)), rows(2, Some(5)), rows(5, Some(5))]
        );
        // Without dimensions, or with stale ones, the rows read are the measure.
        let none =
            rewrite(&bytes, "xl/worksheets/sheet1.xml", |xml| xml.replace("<dimension ref=\"A1:B5\"/>", ""));
        assert_eq!(progress(none), [rows(0, None), rows(1, None), rows(2, None), rows(5, None)]);
        let stale = rewrite(&bytes, "xl/worksheets/sheet1.xml", |xml| xml.replace("A1:B5", "A1:B2"));
        assert_eq!(progress(stale), [rows(0, None), rows(1, Some(2)), rows(2, Some(2)), rows(5, Some(5))]);
    }

    #[test]
    fn a_workbook_in_the_1904_date_system_gives_the_same_dates() {
        let format = rust_xlsxwriter::Format::new().set_num_format("dd.mm.yyyy");
        let date = rust_xlsxwriter::ExcelDateTime::from_ymd(2025, 3, 1).unwrap();
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        sheet.write_string(0, 0, "posted_on").unwrap();
        sheet.write_datetime_with_format(1, 0, &date, &format).unwrap();
        let (in_1900, _) = rows(Input::from_bytes(book.save_to_buffer().unwrap()));
        // The same date as a workbook counting from 1904 holds it: 1,462 days fewer.
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        sheet.write_string(0, 0, "posted_on").unwrap();
        sheet.write_number_with_format(1, 0, date.to_excel() - 1462.0, &format).unwrap();
        let bytes = crate::testing::in_1904_system(&book.save_to_buffer().unwrap());
        let (in_1904, _) = rows(Input::from_bytes(bytes));
        assert_eq!(in_1900[1].1, ["2025-03-01"]);
        assert_eq!(in_1904, in_1900);
        assert_eq!(excel_date(0.0, Epoch::Y1904), "1904-01-01");
        assert_eq!(excel_date(44_255.0, Epoch::Y1904), "2025-03-01");
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
