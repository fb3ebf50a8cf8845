//! What a workbook may hold before calamine opens it. An XLSX file is a ZIP archive of XML
//! parts, and calamine keeps some of them whole in memory (the shared strings, the styles) and
//! buffers each XML element or text it reads; a 1 MB workbook can unpack to gigabytes. So the
//! archive is inspected first, streaming, in a fixed buffer: the number of its entries, each
//! entry's declared and actual unpacked size, the shared strings' number and size, the length of
//! every element, text and cell of every part, and no document type declarations (entity
//! expansion). Anything over [`LIMITS`] is refused naming the part, and the cell where one is
//! to blame. Memory while reading is then bounded by the limits, not by what the file claims.

use std::io::{Read, Seek, SeekFrom};
use zip::ZipArchive;

/// How much a workbook may hold.
pub struct Limits {
    /// Entries in the archive.
    pub entries: usize,
    /// Bytes of the archive's directory (names, extra fields, comments of all entries).
    pub directory_bytes: u64,
    /// Unpacked bytes of one worksheet (`xl/worksheets/…`), which is read as a stream.
    pub sheet_bytes: u64,
    /// Unpacked bytes of the shared strings, which are kept in memory.
    pub shared_strings_bytes: u64,
    /// Shared strings.
    pub shared_strings: u64,
    /// Unpacked bytes of any other part (styles, workbook, relationships, …).
    pub part_bytes: u64,
    /// Unpacked bytes of all entries together.
    pub total_bytes: u64,
    /// Bytes of one tag, text, comment or CDATA section of a part.
    pub token_bytes: u64,
    /// Bytes of one cell (`<c>…</c>`) or shared string (`<si>…</si>`), markup included.
    pub item_bytes: u64,
    /// Entries of one table of the styles (cell formats, fonts, fills, borders, number formats).
    pub style_records: u64,
}

pub const LIMITS: Limits = Limits {
    entries: 10_000,
    directory_bytes: 4 * MIB,
    sheet_bytes: 1024 * MIB,
    shared_strings_bytes: 64 * MIB,
    shared_strings: 1_000_000,
    part_bytes: 16 * MIB,
    total_bytes: 2048 * MIB,
    token_bytes: MIB,
    item_bytes: MIB,
    // Excel itself allows 64,000 cell formats.
    style_records: 65_536,
};

const MIB: u64 = 1024 * 1024;

/// Why a workbook is refused before it is read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WorkbookError {
    #[error("not a readable Excel workbook: {0}")]
    Unreadable(String),
    #[error("the workbook holds more than {max} files")]
    Entries { max: usize },
    #[error("the workbook's table of contents is larger than {} MiB", .max / MIB)]
    Directory { max: u64 },
    #[error("{part}: says it unpacks to {size} bytes; at most {max} are read")]
    Declared { part: String, size: u64, max: u64 },
    #[error("{part}: unpacks to more than {max} bytes")]
    Unpacked { part: String, max: u64 },
    #[error("{part}: unpacks to more than the {declared} bytes it declares")]
    Lying { part: String, declared: u64 },
    #[error("the workbook unpacks to more than {} MiB in all", .max / MIB)]
    Total { max: u64 },
    #[error("{part}: a tag or text longer than {max} bytes")]
    Token { part: String, max: u64 },
    #[error("{part}: cell {cell} is larger than {max} bytes")]
    Cell { part: String, cell: String, max: u64 },
    #[error("{part}: shared string {index} is larger than {max} bytes")]
    SharedString { part: String, index: u64, max: u64 },
    #[error("{part}: more than {max} shared strings")]
    SharedStrings { part: String, max: u64 },
    #[error("{part}: more than {max} entries in the table <{table}>")]
    StyleRecords { part: String, table: String, max: u64 },
    #[error("{part}: a document type declaration (DTD), which a workbook never has")]
    Dtd { part: String },
}

fn unreadable(e: impl std::fmt::Display) -> WorkbookError {
    WorkbookError::Unreadable(e.to_string())
}

/// Checks the workbook in `file` against [`LIMITS`]; leaves the position at the start.
pub fn inspect<R: Read + Seek>(file: &mut R) -> Result<(), WorkbookError> {
    inspect_with(file, &LIMITS)
}

pub fn inspect_with<R: Read + Seek>(file: &mut R, limits: &Limits) -> Result<(), WorkbookError> {
    file.seek(SeekFrom::Start(0)).map_err(unreadable)?;
    directory(file, limits)?;
    file.seek(SeekFrom::Start(0)).map_err(unreadable)?;
    let mut zip = ZipArchive::new(&mut *file).map_err(unreadable)?;
    if zip.len() > limits.entries {
        return Err(WorkbookError::Entries { max: limits.entries });
    }
    let mut total = 0u64;
    let mut buf = vec![0u8; 64 * 1024];
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).map_err(unreadable)?;
        let part = shown(entry.name_raw());
        let kind = Kind::of(entry.name_raw());
        let max = match kind {
            Kind::Sheet => limits.sheet_bytes,
            Kind::SharedStrings => limits.shared_strings_bytes,
            Kind::Styles | Kind::Other => limits.part_bytes,
        };
        if entry.size() > max {
            return Err(WorkbookError::Declared { part, size: entry.size(), max });
        }
        // Parts that are XML are scanned; others (pictures) are only counted.
        let mut scan = is_xml(entry.name_raw()).then(|| Scan::new(kind, limits));
        let mut size = 0u64;
        let declared = entry.size();
        loop {
            let n = match entry.read(&mut buf) {
                Ok(n) => n,
                // The archive reader stops an entry that unpacks to more than it declares.
                Err(e) if e.to_string().contains("declared") => {
                    return Err(WorkbookError::Lying { part, declared });
                }
                Err(e) => return Err(WorkbookError::Unreadable(format!("{part}: {e}"))),
            };
            if n == 0 {
                break;
            }
            size += n as u64;
            total += n as u64;
            if size > max {
                return Err(WorkbookError::Unpacked { part, max });
            }
            if total > limits.total_bytes {
                return Err(WorkbookError::Total { max: limits.total_bytes });
            }
            if let Some(scan) = &mut scan {
                scan.feed(&buf[..n]).map_err(|fault| fault.named(&part))?;
            }
        }
    }
    drop(zip);
    file.seek(SeekFrom::Start(0)).map_err(unreadable)?;
    Ok(())
}

/// An entry's name as it may be shown: printable, at most 100 characters.
fn shown(raw: &[u8]) -> String {
    String::from_utf8_lossy(raw).chars().filter(|c| !c.is_control()).take(100).collect()
}

/// Central directory headers (`PK\x01\x02`) in the whole file bound what any reading of the
/// archive can list; their names, extra fields and comments bound what it keeps.
fn directory<R: Read>(file: &mut R, limits: &Limits) -> Result<(), WorkbookError> {
    const MAGIC: &[u8] = b"PK\x01\x02";
    // A header is 46 bytes; its three lengths are at 28, 30 and 32.
    const HEADER: usize = 46;
    let mut buf = vec![0u8; 1024 * 1024 + HEADER];
    let mut kept = 0usize;
    let (mut headers, mut bytes) = (0usize, 0u64);
    loop {
        let n = file.read(&mut buf[kept..]).map_err(unreadable)?;
        let end = kept + n;
        let window = &buf[..end];
        // Headers starting where the whole header is in the window; the rest waits for more.
        let last = if n == 0 { end } else { end.saturating_sub(HEADER - 1) };
        for at in memchr::memmem::find_iter(&window[..(last + MAGIC.len() - 1).min(end)], MAGIC) {
            if at >= last {
                break;
            }
            headers += 1;
            if headers > limits.entries {
                return Err(WorkbookError::Entries { max: limits.entries });
            }
            if let Some(h) = window.get(at..at + HEADER) {
                let len = |i: usize| u64::from(u16::from_le_bytes([h[i], h[i + 1]]));
                bytes += len(28) + len(30) + len(32);
                if bytes > limits.directory_bytes {
                    return Err(WorkbookError::Directory { max: limits.directory_bytes });
                }
            }
        }
        if n == 0 {
            return Ok(());
        }
        buf.copy_within(last..end, 0);
        kept = end - last;
    }
}

fn is_xml(raw: &[u8]) -> bool {
    let name = String::from_utf8_lossy(raw).to_lowercase();
    [".xml", ".rels", ".vml"].iter().any(|e| name.ends_with(e))
}

/// What a part is, by its name (as calamine finds parts: without case).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Sheet,
    SharedStrings,
    Styles,
    Other,
}

impl Kind {
    fn of(raw: &[u8]) -> Kind {
        let name = String::from_utf8_lossy(raw).to_lowercase().replace('\\', "/");
        let file = name.rsplit('/').next().unwrap_or_default();
        if file == "sharedstrings.xml" {
            Kind::SharedStrings
        } else if file == "styles.xml" {
            Kind::Styles
        } else if name.contains("worksheets/") && !name.contains("/_rels/") {
            Kind::Sheet
        } else {
            Kind::Other
        }
    }
}

/// A limit a part broke, before the part's name is known to the message.
enum Fault {
    Token,
    Dtd,
    Cell(String),
    SharedString(u64),
    SharedStrings,
    StyleRecords(String),
}

impl Fault {
    fn named(self, part: &str) -> WorkbookError {
        let part = part.to_string();
        let l = &LIMITS;
        match self {
            Fault::Token => WorkbookError::Token { part, max: l.token_bytes },
            Fault::Dtd => WorkbookError::Dtd { part },
            Fault::Cell(cell) => WorkbookError::Cell { part, cell, max: l.item_bytes },
            Fault::SharedString(index) => WorkbookError::SharedString { part, index, max: l.item_bytes },
            Fault::SharedStrings => WorkbookError::SharedStrings { part, max: l.shared_strings },
            Fault::StyleRecords(table) => WorkbookError::StyleRecords { part, table, max: l.style_records },
        }
    }
}

/// Where the scanner is in the XML.
#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Text,
    /// Inside `<…>`, with the quote of an attribute value if in one.
    Tag(Option<u8>),
    /// Inside `<!--…-->` or `<![CDATA[…]]>`, which end with `>` after two of `end`.
    Section(u8),
}

/// A streaming look at one part's XML: the length of every tag, text, comment or CDATA
/// section (what an XML reader buffers whole), of every cell and shared string, the shared
/// strings' count, and any document type declaration. It is not a parser: well-formedness is
/// left to calamine.
struct Scan<'a> {
    kind: Kind,
    limits: &'a Limits,
    state: State,
    /// Bytes of the current token.
    token: u64,
    /// The current tag's first bytes (enough for its name and the attributes looked at).
    tag: Vec<u8>,
    /// The cell or shared string being read: its local name, label and bytes so far.
    item: Option<(&'static [u8], String, u64)>,
    shared_strings: u64,
    /// Records of the styles' tables, by local name.
    records: [u64; STYLE_TABLES.len()],
    /// The last two bytes of a comment or CDATA section (to see its end).
    tail: [u8; 2],
}

/// The styles' tables whose entries calamine keeps, by the local name of an entry.
const STYLE_TABLES: [&[u8]; 6] = [b"xf", b"font", b"fill", b"border", b"numFmt", b"dxf"];
/// Bytes of a tag kept for its name and attributes.
const TAG_KEPT: usize = 4096;

impl<'a> Scan<'a> {
    fn new(kind: Kind, limits: &'a Limits) -> Scan<'a> {
        Scan {
            kind,
            limits,
            state: State::Text,
            token: 0,
            tag: Vec::with_capacity(TAG_KEPT),
            item: None,
            shared_strings: 0,
            records: [0; STYLE_TABLES.len()],
            tail: [0; 2],
        }
    }

    fn feed(&mut self, bytes: &[u8]) -> Result<(), Fault> {
        for &b in bytes {
            // The cell or string first: it names the place better than the token would.
            if let Some((name, label, size)) = &mut self.item {
                *size += 1;
                if *size > self.limits.item_bytes {
                    return Err(if *name == b"si" {
                        Fault::SharedString(self.shared_strings - 1)
                    } else {
                        Fault::Cell(std::mem::take(label))
                    });
                }
            }
            self.token += 1;
            if self.token > self.limits.token_bytes {
                return Err(Fault::Token);
            }
            match self.state {
                State::Text => {
                    if b == b'<' {
                        self.state = State::Tag(None);
                        self.token = 1;
                        self.tag.clear();
                        self.tag.push(b);
                    }
                }
                State::Tag(quote) => {
                    if self.tag.len() < TAG_KEPT {
                        self.tag.push(b);
                    }
                    match (quote, b) {
                        (Some(q), _) if b == q => self.state = State::Tag(None),
                        (Some(_), _) => {}
                        (None, b'"' | b'\'') => self.state = State::Tag(Some(b)),
                        (None, b'>') => {
                            self.state = State::Text;
                            self.token = 0;
                            self.tag_done()?;
                        }
                        (None, _) => {
                            if self.tag == b"<!--" {
                                self.state = State::Section(b'-');
                                self.tail = [0; 2];
                            } else if self.tag == b"<![CDATA[" {
                                self.state = State::Section(b']');
                                self.tail = [0; 2];
                            } else if self.tag.len() == 3
                                && self.tag.starts_with(b"<!")
                                && !b"-[".contains(&b)
                            {
                                // `<!DOCTYPE`, `<!ENTITY`, …: declarations have no place in a workbook.
                                return Err(Fault::Dtd);
                            }
                        }
                    }
                }
                State::Section(end) => {
                    if b == b'>' && self.tail == [end, end] {
                        self.state = State::Text;
                        self.token = 0;
                    }
                    self.tail = [self.tail[1], b];
                }
            }
        }
        Ok(())
    }

    /// A tag has ended: note cells, shared strings and style records it opens or closes.
    fn tag_done(&mut self) -> Result<(), Fault> {
        let tag = &self.tag;
        let closing = tag.starts_with(b"</");
        let empty = tag.ends_with(b"/>");
        let body = &tag[if closing { 2 } else { 1 }..];
        let name_len =
            body.iter().position(|c| c.is_ascii_whitespace() || b"/>".contains(c)).unwrap_or(body.len());
        let name = &body[..name_len];
        let local = name.rsplit(|&c| c == b':').next().unwrap_or(name);
        if tag.starts_with(b"<?") || tag.starts_with(b"<!") {
            return Ok(());
        }
        if closing {
            if self.item.as_ref().is_some_and(|(n, _, _)| *n == local) {
                self.item = None;
            }
            return Ok(());
        }
        match (self.kind, local) {
            (Kind::SharedStrings, b"sst") => {
                // calamine reserves room for `uniqueCount` strings before reading one.
                for attr in [&b"uniqueCount"[..], b"count"] {
                    if let Some(v) = attribute(tag, attr)
                        && v.iter().all(u8::is_ascii_digit)
                        && (v.len() > 18 || parse(v) > self.limits.shared_strings)
                    {
                        return Err(Fault::SharedStrings);
                    }
                }
            }
            (Kind::SharedStrings, b"si") => {
                self.shared_strings += 1;
                if self.shared_strings > self.limits.shared_strings {
                    return Err(Fault::SharedStrings);
                }
                if !empty {
                    self.item = Some((b"si", String::new(), self.token));
                }
            }
            (Kind::Sheet, b"c") if !empty && self.item.is_none() => {
                let label =
                    attribute(tag, b"r").map(|r| String::from_utf8_lossy(&r[..r.len().min(16)]).into_owned());
                self.item = Some((b"c", label.unwrap_or_else(|| "without an address".into()), self.token));
            }
            (Kind::Styles, _) => {
                if let Some(i) = STYLE_TABLES.iter().position(|t| *t == local) {
                    self.records[i] += 1;
                    if self.records[i] > self.limits.style_records {
                        return Err(Fault::StyleRecords(String::from_utf8_lossy(local).into_owned()));
                    }
                }
            }
            _ => {}
        }
        Ok(())
    }
}

/// An attribute's raw value in a tag (`name="value"` or `name='value'`, spaces around `=`).
fn attribute<'t>(tag: &'t [u8], name: &[u8]) -> Option<&'t [u8]> {
    let mut at = 0;
    while let Some(i) = memchr::memmem::find(&tag[at..], name) {
        let start = at + i;
        let end = start + name.len();
        at = end;
        if start == 0 || !tag[start - 1].is_ascii_whitespace() {
            continue;
        }
        let rest = &tag[end..];
        let eq = rest.iter().position(|c| !c.is_ascii_whitespace())?;
        if rest[eq] != b'=' {
            continue;
        }
        let open = eq + 1 + rest[eq + 1..].iter().position(|c| !c.is_ascii_whitespace())?;
        let quote = rest[open];
        if quote != b'"' && quote != b'\'' {
            continue;
        }
        let close = rest[open + 1..].iter().position(|&c| c == quote)?;
        return Some(&rest[open + 1..open + 1 + close]);
    }
    None
}

fn parse(digits: &[u8]) -> u64 {
    digits.iter().fold(0u64, |n, d| n.saturating_mul(10).saturating_add(u64::from(d - b'0')))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(kind: Kind, xml: &[u8]) -> Result<(), Fault> {
        let mut s = Scan::new(kind, &LIMITS);
        // Fed in small pieces: limits hold across reads.
        for piece in xml.chunks(7) {
            s.feed(piece)?;
        }
        Ok(())
    }

    fn named(kind: Kind, xml: &[u8]) -> String {
        match scan(kind, xml) {
            Err(f) => f.named("part.xml").to_string(),
            Ok(()) => "passed".into(),
        }
    }

    #[test]
    fn ordinary_parts_pass() {
        let sheet = br#"<?xml version="1.0"?><worksheet xmlns="x"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>a &gt; b</t></is></c><c r="C1"/></row></sheetData><!-- note > <x> --><![CDATA[ <c> ]]></worksheet>"#;
        assert_eq!(named(Kind::Sheet, sheet), "passed");
        let strings = br#"<sst xmlns="x" count="2" uniqueCount="2"><si><t>year</t></si><si><r><t>a</t></r><r><t>b</t></r></si></sst>"#;
        assert_eq!(named(Kind::SharedStrings, strings), "passed");
    }

    #[test]
    fn long_tokens_cells_and_strings_are_named() {
        let big = "x".repeat(LIMITS.token_bytes as usize + 1);
        assert_eq!(
            named(Kind::Other, big.as_bytes()),
            format!("part.xml: a tag or text longer than {} bytes", LIMITS.token_bytes)
        );
        let tag = format!("<a b=\"{big}\">");
        assert!(named(Kind::Other, tag.as_bytes()).contains("a tag or text longer"));
        let comment = format!("<!--{big}-->");
        assert!(named(Kind::Other, comment.as_bytes()).contains("a tag or text longer"));
        // Many runs, each short, in one cell or one shared string.
        let run = format!("<t>{}</t>", "y".repeat(1000));
        let cell = format!("<row><c r=\"B7\" t=\"inlineStr\"><is>{}</is></c></row>", run.repeat(1100));
        assert_eq!(
            named(Kind::Sheet, cell.as_bytes()),
            format!("part.xml: cell B7 is larger than {} bytes", LIMITS.item_bytes)
        );
        let si = format!("<sst><si><t>a</t></si><si>{}</si></sst>", run.repeat(1100));
        assert_eq!(
            named(Kind::SharedStrings, si.as_bytes()),
            format!("part.xml: shared string 1 is larger than {} bytes", LIMITS.item_bytes)
        );
    }

    #[test]
    fn counts_that_would_be_reserved_or_kept_are_bounded() {
        let lie = br#"<sst xmlns="x" count="1" uniqueCount="18446744073709551615"><si><t>a</t></si></sst>"#;
        assert_eq!(named(Kind::SharedStrings, lie), "part.xml: more than 1000000 shared strings");
        let many = format!("<sst>{}</sst>", "<si/>".repeat(LIMITS.shared_strings as usize + 1));
        assert_eq!(named(Kind::SharedStrings, many.as_bytes()), "part.xml: more than 1000000 shared strings");
        let styles = format!("<styleSheet><cellXfs>{}</cellXfs></styleSheet>", "<x:xf/>".repeat(65_537));
        assert_eq!(
            named(Kind::Styles, styles.as_bytes()),
            "part.xml: more than 65536 entries in the table <xf>"
        );
    }

    #[test]
    fn document_type_declarations_are_refused() {
        let laughs = br#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">]><sst>&lol;</sst>"#;
        assert_eq!(
            named(Kind::SharedStrings, laughs),
            "part.xml: a document type declaration (DTD), which a workbook never has"
        );
    }

    /// A ZIP of the given entries, deflated.
    fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
        use std::io::Write;
        let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        for (name, body) in entries {
            out.start_file(*name, zip::write::SimpleFileOptions::default()).unwrap();
            out.write_all(body).unwrap();
        }
        out.finish().unwrap().into_inner()
    }

    fn inspected(zip: &[u8], limits: &Limits) -> Result<(), WorkbookError> {
        inspect_with(&mut std::io::Cursor::new(zip), limits)
    }

    const SMALL: Limits = Limits {
        entries: 3,
        directory_bytes: 200,
        sheet_bytes: 4000,
        shared_strings_bytes: 2000,
        shared_strings: 10,
        part_bytes: 1000,
        total_bytes: 6000,
        token_bytes: 4000,
        item_bytes: 4000,
        style_records: 10,
    };

    #[test]
    fn sizes_are_capped_as_declared_and_as_unpacked() {
        let sheet = format!("<worksheet>{}</worksheet>", "<row/>".repeat(600));
        let ok =
            zip_of(&[("xl/worksheets/sheet1.xml", sheet.as_bytes()), ("xl/styles.xml", b"<styleSheet/>")]);
        assert_eq!(inspected(&ok, &SMALL), Ok(()));
        let big = format!("<worksheet>{}</worksheet>", "<row/>".repeat(700));
        let over = zip_of(&[("xl/worksheets/sheet1.xml", big.as_bytes())]);
        let part = "xl/worksheets/sheet1.xml".to_string();
        assert_eq!(
            inspected(&over, &SMALL),
            Err(WorkbookError::Declared { part: part.clone(), size: 4223, max: 4000 })
        );
        // The same entry claiming to be small: counted as it unpacks, refused all the same.
        let mut lying = over.clone();
        crate::testing::declare_size(&mut lying, "xl/worksheets/sheet1.xml", 100);
        assert_eq!(
            inspected(&lying, &SMALL),
            Err(WorkbookError::Lying { part: part.clone(), declared: 100 })
        );
        // Other parts have a smaller cap; all parts together one of their own.
        let styles = zip_of(&[("xl/styles.xml", sheet.as_bytes())]);
        assert!(matches!(inspected(&styles, &SMALL), Err(WorkbookError::Declared { max: 1000, .. })));
        let three = zip_of(&[("a.xml", sheet.as_bytes()[..900].as_ref()); 1]);
        assert_eq!(inspected(&three, &SMALL), Ok(()));
        let sheets: Vec<(String, &[u8])> =
            (1..=2).map(|i| (format!("xl/worksheets/sheet{i}.xml"), sheet.as_bytes())).collect();
        let sheets: Vec<(&str, &[u8])> = sheets.iter().map(|(n, b)| (n.as_str(), *b)).collect();
        assert_eq!(inspected(&zip_of(&sheets), &SMALL), Err(WorkbookError::Total { max: 6000 }));
    }

    #[test]
    fn the_table_of_contents_is_capped_before_it_is_read() {
        let many = zip_of(&[("a", b""), ("b", b""), ("c", b""), ("d", b"")]);
        assert_eq!(inspected(&many, &SMALL), Err(WorkbookError::Entries { max: 3 }));
        let long_name = "n".repeat(300);
        let named = zip_of(&[(long_name.as_str(), b"")]);
        assert_eq!(inspected(&named, &SMALL), Err(WorkbookError::Directory { max: 200 }));
        assert!(matches!(inspected(b"PK\x03\x04 not a zip", &SMALL), Err(WorkbookError::Unreadable(_))));
    }

    #[test]
    fn attributes_are_found_with_either_quote_and_spaces() {
        assert_eq!(attribute(b"<c r=\"A1\" t='s'>", b"r"), Some(&b"A1"[..]));
        assert_eq!(attribute(b"<c t = 's' r='B2'>", b"t"), Some(&b"s"[..]));
        assert_eq!(attribute(b"<c xr=\"A1\">", b"r"), None);
        assert_eq!(attribute(b"<sst uniqueCount\n=\n\"9\">", b"uniqueCount"), Some(&b"9"[..]));
    }
}
