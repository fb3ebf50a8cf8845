//! What an evidence file's bytes must be. The type is told by the content, and the content must
//! be a whole file of that type, not only its first bytes: a PDF with its header, objects, a
//! `startxref` that points at a cross-reference table or stream, and a trailer with `%%EOF` at
//! the end; a PNG whose chunks run from `IHDR` to `IEND` with their checksums; a JPEG whose
//! segments run from SOI through a frame and a scan to EOI. Nothing may hide behind a header: no
//! web page (`<html`, `<script`, …) where a browser or an old sniffer would look, no data after
//! a PDF's `%%EOF` or a PNG's `IEND`, and no script or launch action in a PDF (`/JavaScript`,
//! `/JS`, `/Launch`, also when spelt with `#xx` escapes).
//!
//! The checks read the bytes as they are, without inflating anything: a name inside a
//! compressed object stream of a PDF is not seen. Work and memory are linear in the file's size.

use super::evidence::MediaType;

/// Why a file's content is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// Not a PDF, PNG or JPEG file at all.
    UnknownType,
    /// It starts as one of them but is not a well-formed file of that type.
    Malformed(MediaType, &'static str),
    /// It holds a web page or a script.
    Active(MediaType, &'static str),
}

/// The file's type, if it is a well-formed PDF, PNG or JPEG file with nothing active in it.
pub fn check(bytes: &[u8]) -> Result<MediaType, Fault> {
    let media = sniff(bytes).ok_or(Fault::UnknownType)?;
    let head = &bytes[..bytes.len().min(SNIFFED_BYTES)];
    if let Some(tag) = markup(head) {
        return Err(Fault::Active(media, tag));
    }
    match media {
        MediaType::Pdf => pdf::check(bytes),
        MediaType::Png => png::check(bytes),
        MediaType::Jpeg => jpeg::check(bytes),
    }
    .map(|()| media)
}

/// The type a file's first bytes claim, before its structure is checked.
pub fn sniff(bytes: &[u8]) -> Option<MediaType> {
    if bytes.starts_with(b"%PDF-") {
        Some(MediaType::Pdf)
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(MediaType::Png)
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(MediaType::Jpeg)
    } else {
        None
    }
}

/// How far from the start browsers and old sniffers look for a web page (the WHATWG MIME
/// sniffing standard reads 1,445 bytes).
const SNIFFED_BYTES: usize = 1445;

/// Start tags that make a sniffer take bytes for a web page, after `<`.
const MARKUP: [&str; 16] = [
    "!doctype", "html", "head", "body", "script", "iframe", "frame", "frameset", "object", "embed", "svg",
    "meta", "style", "link", "img", "form",
];

/// The first web-page tag in the bytes (`<script`, `<html`, … in any case, followed by a space,
/// `>` or `/`), if any.
fn markup(bytes: &[u8]) -> Option<&'static str> {
    let mut at = 0;
    while let Some(i) = bytes[at..].iter().position(|&b| b == b'<') {
        let start = at + i + 1;
        for tag in MARKUP {
            let end = start + tag.len();
            let Some(word) = bytes.get(start..end) else { continue };
            let ends = bytes.get(end).is_none_or(|&c| c.is_ascii_whitespace() || c == b'>' || c == b'/');
            if word.eq_ignore_ascii_case(tag.as_bytes()) && ends {
                return Some(tag);
            }
        }
        at = start;
    }
    None
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n' | b'\x0c' | b'\0')
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

mod pdf {
    //! A PDF's skeleton (ISO 32000-1 §7.5): header, body, cross-reference sections chained by
    //! `/Prev`, trailer, `startxref`, `%%EOF`.

    use super::{Fault, MediaType, find, is_space, markup, rfind};
    use std::collections::BTreeSet;

    const PDF: MediaType = MediaType::Pdf;
    /// Cross-reference sections followed through `/Prev` (incremental updates).
    const MAX_SECTIONS: usize = 256;
    /// The longest trailer or cross-reference stream dictionary read, in bytes.
    const MAX_DICT: usize = 64 * 1024;
    /// Names that run something when the document is opened or a link is followed.
    const ACTIONS: [&[u8]; 3] = [b"JavaScript", b"JS", b"Launch"];

    fn bad(reason: &'static str) -> Fault {
        Fault::Malformed(PDF, reason)
    }

    pub fn check(b: &[u8]) -> Result<(), Fault> {
        let version = b.get(5..8).ok_or(bad("the header is cut short"))?;
        if !(matches!(version[0], b'1' | b'2') && version[1] == b'.' && version[2].is_ascii_digit()) {
            return Err(bad("the header has no version (%PDF-1.x or %PDF-2.0)"));
        }
        let eof = end_of_file(b)?;
        let mut at = start_of_xref(b, eof)?;
        let mut seen = BTreeSet::new();
        let mut objects = BTreeSet::new();
        let mut root = None;
        let mut streams = false;
        loop {
            if !seen.insert(at) {
                return Err(bad("the cross-reference sections run in a circle"));
            }
            if seen.len() > MAX_SECTIONS {
                return Err(bad("too many cross-reference sections"));
            }
            let section = xref_section(b, at, &mut objects)?;
            streams |= section.is_stream || has_key(section.dict, b"/XRefStm");
            if root.is_none() {
                root = Some(reference(section.dict, b"/Root").ok_or(bad("the trailer has no /Root"))?);
            }
            match number_after(section.dict, b"/Prev") {
                Some(prev) => at = prev,
                None => break,
            }
        }
        if !streams && objects.is_empty() {
            return Err(bad("the file has no objects"));
        }
        // Without cross-reference streams every object is listed, the document's root too.
        if !streams && root.is_some_and(|r| !objects.contains(&r)) {
            return Err(bad("the trailer's /Root is not an object of the file"));
        }
        outside_streams(&b[..eof])
    }

    /// Where the last `%%EOF` starts: within the last 1,024 bytes, with only white space after it.
    fn end_of_file(b: &[u8]) -> Result<usize, Fault> {
        let from = b.len().saturating_sub(1024);
        let at = from + rfind(&b[from..], b"%%EOF").ok_or(bad("no %%EOF at the end"))?;
        if !b[at + 5..].iter().all(|&c| is_space(c)) {
            return Err(bad("data follows %%EOF"));
        }
        Ok(at)
    }

    /// The offset `startxref` gives, checked to be inside the file.
    fn start_of_xref(b: &[u8], eof: usize) -> Result<usize, Fault> {
        let from = eof.saturating_sub(1024);
        let at = from + rfind(&b[from..eof], b"startxref").ok_or(bad("no startxref before %%EOF"))?;
        let text = &b[at + 9..eof];
        let digits: Vec<u8> = text.iter().copied().filter(|c| !is_space(*c)).collect();
        if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
            return Err(bad("startxref is not followed by an offset"));
        }
        let offset = parse(&digits).ok_or(bad("startxref gives no offset in the file"))?;
        if offset >= at {
            return Err(bad("startxref gives no offset in the file"));
        }
        Ok(offset)
    }

    struct Section<'a> {
        /// The trailer dictionary, or the cross-reference stream's dictionary.
        dict: &'a [u8],
        is_stream: bool,
    }

    /// The cross-reference section at `at`: a table (`xref`, subsections, `trailer <<…>>`) whose
    /// in-use entries must each point at their object, or a stream object `/Type /XRef`.
    fn xref_section<'a>(b: &'a [u8], at: usize, objects: &mut BTreeSet<u64>) -> Result<Section<'a>, Fault> {
        let mut p = skip_space(b, at);
        if b[p..].starts_with(b"xref") {
            p += 4;
            loop {
                p = skip_space(b, p);
                if b[p..].starts_with(b"trailer") {
                    let open = skip_space(b, p + 7);
                    let end = dict_end(b, open).ok_or(bad("the trailer is not a dictionary"))?;
                    return Ok(Section { dict: &b[open..end], is_stream: false });
                }
                let (first, q) = integer(b, p).ok_or(bad("a cross-reference subsection has no header"))?;
                let (count, q) =
                    integer(b, skip_space(b, q)).ok_or(bad("a cross-reference subsection has no header"))?;
                // Each entry takes 20 bytes: more than the file holds is a lie.
                if count > (b.len() as u64) / 18 {
                    return Err(bad("a cross-reference subsection is longer than the file"));
                }
                p = q;
                for n in first..first + count {
                    let (offset, q) =
                        integer(b, skip_space(b, p)).ok_or(bad("a cross-reference entry is unreadable"))?;
                    let (_, q) =
                        integer(b, skip_space(b, q)).ok_or(bad("a cross-reference entry is unreadable"))?;
                    let q = skip_space(b, q);
                    match b.get(q) {
                        Some(b'n') => {
                            if !object_at(b, offset, n) {
                                return Err(bad("an object is not where the cross-reference table says"));
                            }
                            objects.insert(n);
                        }
                        Some(b'f') => {}
                        _ => return Err(bad("a cross-reference entry is unreadable")),
                    }
                    p = q + 1;
                }
            }
        }
        // A cross-reference stream: `N G obj <<… /Type /XRef …>> stream`.
        let (_, q) = integer(b, p).ok_or(bad("startxref does not point at a cross-reference section"))?;
        let (_, q) = integer(b, skip_space(b, q))
            .ok_or(bad("startxref does not point at a cross-reference section"))?;
        let q = skip_space(b, q);
        if !b[q..].starts_with(b"obj") {
            return Err(bad("startxref does not point at a cross-reference section"));
        }
        let open = skip_space(b, q + 3);
        let end = dict_end(b, open).ok_or(bad("the cross-reference stream has no dictionary"))?;
        let dict = &b[open..end];
        if name_after(dict, b"/Type") != Some(&b"XRef"[..]) || !b[skip_space(b, end)..].starts_with(b"stream")
        {
            return Err(bad("startxref does not point at a cross-reference section"));
        }
        Ok(Section { dict, is_stream: true })
    }

    /// Whether `N G obj` starts at `offset` (a few white-space bytes before it allowed). Each
    /// look is bounded, so a table of many entries pointing at one place costs no more than
    /// the table.
    fn object_at(b: &[u8], offset: u64, n: u64) -> bool {
        let near =
            |p: usize| p + b.get(p..).map_or(0, |r| r.iter().take(8).take_while(|&&c| is_space(c)).count());
        let Ok(offset) = usize::try_from(offset) else { return false };
        if offset >= b.len() {
            return false;
        }
        match integer(b, near(offset)) {
            Some((number, q)) if number == n => {
                integer(b, near(q)).is_some_and(|(_, q)| b[near(q)..].starts_with(b"obj"))
            }
            _ => false,
        }
    }

    /// The bytes outside stream data (where the document's syntax is): no web page there and no
    /// script or launch action.
    fn outside_streams(b: &[u8]) -> Result<(), Fault> {
        let mut at = 0;
        loop {
            let (text, next) = match stream_start(b, at) {
                Some(start) => {
                    let end = find(&b[start..], b"endstream").ok_or(bad("a stream has no endstream"))?;
                    (&b[at..start], start + end + 9)
                }
                None => (&b[at..], b.len()),
            };
            if let Some(tag) = markup(text) {
                return Err(Fault::Active(PDF, tag));
            }
            if let Some(name) = action(text) {
                return Err(Fault::Active(PDF, name));
            }
            if next >= b.len() {
                return Ok(());
            }
            at = next;
        }
    }

    /// Where the data of the next stream begins: after `stream` and its end of line, when the
    /// keyword follows a dictionary's `>>`.
    fn stream_start(b: &[u8], from: usize) -> Option<usize> {
        let mut at = from;
        while let Some(i) = find(&b[at..], b"stream") {
            let k = at + i;
            let before = b[from..k].iter().rposition(|&c| !is_space(c)).map(|j| b[from + j]);
            let after = &b[k + 6..];
            if before == Some(b'>') {
                if after.starts_with(b"\r\n") {
                    return Some(k + 8);
                }
                if after.starts_with(b"\n") || after.starts_with(b"\r") {
                    return Some(k + 7);
                }
            }
            at = k + 6;
        }
        None
    }

    /// The first name that runs something (`/JavaScript`, `/JS`, `/Launch`, `#xx` escapes read).
    fn action(text: &[u8]) -> Option<&'static str> {
        let mut at = 0;
        while let Some(i) = text[at..].iter().position(|&c| c == b'/') {
            let start = at + i + 1;
            let len = text[start..].iter().position(|&c| is_space(c) || b"()<>[]{}/%".contains(&c));
            let raw = &text[start..start + len.unwrap_or(text.len() - start)];
            // A name is at most 127 bytes (ISO 32000-1 Annex C).
            let name = if raw.len() <= 127 { unescape(raw) } else { Vec::new() };
            if let Some(found) = ACTIONS.iter().find(|a| **a == name.as_slice()) {
                return Some(if *found == b"Launch" { "/Launch" } else { "JavaScript" });
            }
            at = start;
        }
        None
    }

    /// A name's bytes with `#xx` escapes read.
    fn unescape(raw: &[u8]) -> Vec<u8> {
        let mut out = Vec::with_capacity(raw.len());
        let mut i = 0;
        while i < raw.len() {
            let hex = raw.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok());
            match (raw[i], hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
                (b'#', Some(v)) => {
                    out.push(v);
                    i += 3;
                }
                (c, _) => {
                    out.push(c);
                    i += 1;
                }
            }
        }
        out
    }

    fn skip_space(b: &[u8], mut p: usize) -> usize {
        while p < b.len() {
            if is_space(b[p]) {
                p += 1;
            } else if b[p] == b'%' {
                // A comment runs to the end of the line.
                while p < b.len() && b[p] != b'\n' && b[p] != b'\r' {
                    p += 1;
                }
            } else {
                break;
            }
        }
        p
    }

    fn parse(digits: &[u8]) -> Option<usize> {
        if digits.is_empty() || digits.len() > 12 {
            return None;
        }
        std::str::from_utf8(digits).ok()?.parse().ok()
    }

    /// A non-negative integer at `p`, and where it ends.
    fn integer(b: &[u8], p: usize) -> Option<(u64, usize)> {
        let len = b.get(p..)?.iter().take(13).take_while(|c| c.is_ascii_digit()).count();
        let n = parse(&b[p..p + len])?;
        Some((n as u64, p + len))
    }

    /// Where the dictionary opening at `open` (`<<`) ends, after its `>>`; strings, hex strings
    /// and comments are stepped over. A trailer is small: one longer than [`MAX_DICT`] is not
    /// looked for further (so that many open trailers cannot make the check quadratic).
    fn dict_end(b: &[u8], open: usize) -> Option<usize> {
        if !b.get(open..)?.starts_with(b"<<") {
            return None;
        }
        let b = &b[..b.len().min(open + MAX_DICT)];
        let mut depth = 0usize;
        let mut p = open;
        while p < b.len() {
            match b[p] {
                b'<' if b.get(p + 1) == Some(&b'<') => {
                    depth += 1;
                    p += 2;
                }
                b'>' if b.get(p + 1) == Some(&b'>') => {
                    depth -= 1;
                    p += 2;
                    if depth == 0 {
                        return Some(p);
                    }
                }
                b'<' => p += b[p..].iter().position(|&c| c == b'>')? + 1,
                b'(' => p = string_end(b, p)?,
                b'%' => {
                    while p < b.len() && b[p] != b'\n' && b[p] != b'\r' {
                        p += 1;
                    }
                }
                _ => p += 1,
            }
        }
        None
    }

    /// Where the literal string opening at `open` (`(`) ends: balanced parentheses, `\` escapes.
    fn string_end(b: &[u8], open: usize) -> Option<usize> {
        let mut depth = 0usize;
        let mut p = open;
        while p < b.len() {
            match b[p] {
                b'\\' => p += 1,
                b'(' => depth += 1,
                b')' => {
                    depth -= 1;
                    if depth == 0 {
                        return Some(p + 1);
                    }
                }
                _ => {}
            }
            p += 1;
        }
        None
    }

    /// Where a key (`/Root`, not `/RootX`) is followed by its value, in a dictionary's bytes.
    fn key(dict: &[u8], name: &[u8]) -> Option<usize> {
        let mut at = 0;
        while let Some(i) = find(&dict[at..], name) {
            let end = at + i + name.len();
            if dict.get(end).is_none_or(|&c| is_space(c) || b"()<>[]{}/%".contains(&c)) {
                return Some(end);
            }
            at = end;
        }
        None
    }

    fn has_key(dict: &[u8], name: &[u8]) -> bool {
        key(dict, name).is_some()
    }

    fn number_after(dict: &[u8], name: &[u8]) -> Option<usize> {
        let p = skip_space(dict, key(dict, name)?);
        integer(dict, p).and_then(|(n, _)| usize::try_from(n).ok())
    }

    /// The object number of an indirect reference `N G R` after the key.
    fn reference(dict: &[u8], name: &[u8]) -> Option<u64> {
        let (n, p) = integer(dict, skip_space(dict, key(dict, name)?))?;
        let (_, p) = integer(dict, skip_space(dict, p))?;
        dict[skip_space(dict, p)..].starts_with(b"R").then_some(n)
    }

    /// The name value after the key, without its slash.
    fn name_after<'a>(dict: &'a [u8], name: &[u8]) -> Option<&'a [u8]> {
        let p = skip_space(dict, key(dict, name)?);
        let rest = dict.get(p..)?.strip_prefix(b"/")?;
        let len = rest.iter().position(|&c| is_space(c) || b"()<>[]{}/%".contains(&c)).unwrap_or(rest.len());
        Some(&rest[..len])
    }
}

mod png {
    //! A PNG's chunks (ISO/IEC 15948): the signature, `IHDR` first, image data, `IEND` last,
    //! each chunk's CRC right.

    use super::{Fault, MediaType};

    fn bad(reason: &'static str) -> Fault {
        Fault::Malformed(MediaType::Png, reason)
    }

    pub fn check(b: &[u8]) -> Result<(), Fault> {
        let mut p = 8;
        let mut first = true;
        let mut data = false;
        loop {
            let header = b.get(p..p + 8).ok_or(bad("the file ends before IEND"))?;
            let len = u32::from_be_bytes([header[0], header[1], header[2], header[3]]) as usize;
            let kind = &header[4..8];
            if len > 0x7FFF_FFFF || !kind.iter().all(u8::is_ascii_alphabetic) {
                return Err(bad("a chunk is unreadable"));
            }
            let body = b.get(p + 8..p + 8 + len).ok_or(bad("a chunk is longer than the file"))?;
            let crc = b.get(p + 8 + len..p + 12 + len).ok_or(bad("a chunk is longer than the file"))?;
            if crc32(&b[p + 4..p + 8 + len]) != u32::from_be_bytes([crc[0], crc[1], crc[2], crc[3]]) {
                return Err(bad("a chunk's checksum is wrong"));
            }
            if first {
                let ok = kind == b"IHDR"
                    && len == 13
                    && body[..8].chunks(4).all(|d| d != [0, 0, 0, 0])
                    && matches!(body[8], 1 | 2 | 4 | 8 | 16)
                    && matches!(body[9], 0 | 2 | 3 | 4 | 6);
                if !ok {
                    return Err(bad("the first chunk is not a valid IHDR"));
                }
                first = false;
            }
            data |= kind == b"IDAT";
            p += 12 + len;
            if kind == b"IEND" {
                if !data {
                    return Err(bad("there is no image data"));
                }
                return if p == b.len() { Ok(()) } else { Err(bad("data follows IEND")) };
            }
        }
    }

    /// CRC-32 (ISO 3309, the one PNG uses), a byte at a time from a table made at compile time.
    pub(super) fn crc32(bytes: &[u8]) -> u32 {
        const TABLE: [u32; 256] = {
            let mut table = [0u32; 256];
            let mut n = 0;
            while n < 256 {
                let mut c = n as u32;
                let mut k = 0;
                while k < 8 {
                    c = if c & 1 == 1 { (c >> 1) ^ 0xEDB8_8320 } else { c >> 1 };
                    k += 1;
                }
                table[n] = c;
                n += 1;
            }
            table
        };
        !bytes
            .iter()
            .fold(0xFFFF_FFFFu32, |crc, &b| TABLE[((crc ^ u32::from(b)) & 0xFF) as usize] ^ (crc >> 8))
    }

    #[cfg(test)]
    pub fn chunk(kind: &[u8; 4], body: &[u8]) -> Vec<u8> {
        let mut out = (body.len() as u32).to_be_bytes().to_vec();
        out.extend_from_slice(kind);
        out.extend_from_slice(body);
        let crc = crc32(&out[4..]);
        out.extend_from_slice(&crc.to_be_bytes());
        out
    }
}

mod jpeg {
    //! A JPEG's segments (ITU T.81 Annex B): SOI, tables and a frame header, scans of
    //! entropy-coded data, EOI. Data after EOI is allowed (phones append their own), but not a
    //! web page.

    use super::{Fault, MediaType, markup};

    fn bad(reason: &'static str) -> Fault {
        Fault::Malformed(MediaType::Jpeg, reason)
    }

    pub fn check(b: &[u8]) -> Result<(), Fault> {
        let mut p = 2;
        let (mut frame, mut scan) = (false, false);
        loop {
            if b.get(p) != Some(&0xFF) {
                return Err(bad("a segment does not start with a marker"));
            }
            while b.get(p) == Some(&0xFF) {
                p += 1;
            }
            let marker = *b.get(p).ok_or(bad("the file ends before EOI"))?;
            p += 1;
            match marker {
                0xD9 => {
                    if !(frame && scan) {
                        return Err(bad("there is no image before EOI"));
                    }
                    return match markup(&b[p..]) {
                        Some(tag) => Err(Fault::Active(MediaType::Jpeg, tag)),
                        None => Ok(()),
                    };
                }
                0xD8 | 0x00 => return Err(bad("a marker is out of place")),
                0x01 | 0xD0..=0xD7 => {}
                _ => {
                    let len = b.get(p..p + 2).ok_or(bad("the file ends before EOI"))?;
                    let len = usize::from(u16::from_be_bytes([len[0], len[1]]));
                    if len < 2 || p + len > b.len() {
                        return Err(bad("a segment is longer than the file"));
                    }
                    p += len;
                    frame |= matches!(marker, 0xC0..=0xCF) && !matches!(marker, 0xC4 | 0xC8 | 0xCC);
                    if marker == 0xDA {
                        if !frame {
                            return Err(bad("a scan comes before the frame header"));
                        }
                        scan = true;
                        p = entropy_end(b, p).ok_or(bad("the file ends before EOI"))?;
                    }
                }
            }
        }
    }

    /// Where the entropy-coded data starting at `p` ends: the next marker that is not a stuffed
    /// byte (`FF 00`), a restart (`FF D0`–`FF D7`) or fill.
    fn entropy_end(b: &[u8], mut p: usize) -> Option<usize> {
        loop {
            p += b.get(p..)?.iter().position(|&c| c == 0xFF)?;
            match *b.get(p + 1)? {
                0x00 | 0xD0..=0xD7 => p += 2,
                0xFF => p += 1,
                _ => return Some(p),
            }
        }
    }
}

/// A small well-formed one-page PDF that shows `text` (printable ASCII is kept, the rest becomes
/// `?`), itself all ASCII: for the demo's evidence and for tests.
pub fn sample_pdf(text: &str) -> Vec<u8> {
    let shown: String =
        text.chars().map(|c| if c.is_ascii_graphic() || c == ' ' { c } else { '?' }).collect();
    let shown = shown.replace('\\', "\\\\").replace('(', "\\(").replace(')', "\\)");
    let content = format!("BT /F1 12 Tf 72 720 Td ({shown}) Tj ET");
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R \
         /Resources << /Font << /F1 5 0 R >> >> >>"
            .to_string(),
        format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len()),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_string(),
    ];
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{body}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f\r\n", objects.len() + 1).as_bytes());
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n\r\n").as_bytes());
    }
    out.extend_from_slice(
        format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1)
            .as_bytes(),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn malformed(bytes: &[u8]) -> &'static str {
        match check(bytes) {
            Err(Fault::Malformed(_, reason)) => reason,
            other => panic!("not refused as malformed: {other:?}"),
        }
    }

    fn active(bytes: &[u8]) -> &'static str {
        match check(bytes) {
            Err(Fault::Active(_, what)) => what,
            other => panic!("not refused as active: {other:?}"),
        }
    }

    /// A PDF whose xref offsets are computed, with `body` objects and `tail` after `%%EOF`.
    fn pdf_with(objects: &[&str], trailer: &str) -> Vec<u8> {
        let mut out = b"%PDF-1.7\n".to_vec();
        let mut offsets = Vec::new();
        for (i, body) in objects.iter().enumerate() {
            offsets.push(out.len());
            out.extend_from_slice(format!("{} 0 obj\n{body}\nendobj\n", i + 1).as_bytes());
        }
        let xref = out.len();
        out.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
        for o in offsets {
            out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
        }
        out.extend_from_slice(format!("trailer\n{trailer}\nstartxref\n{xref}\n%%EOF\n").as_bytes());
        out
    }

    #[test]
    fn a_well_formed_pdf_passes() {
        assert_eq!(check(&sample_pdf("Passport N1234567 (copy)")), Ok(MediaType::Pdf));
        let plain = pdf_with(&["<< /Type /Catalog >>"], "<< /Size 2 /Root 1 0 R >>");
        assert_eq!(check(&plain), Ok(MediaType::Pdf));
    }

    #[test]
    fn a_pdf_header_before_a_web_page_is_refused() {
        assert_eq!(active(b"%PDF-1.4\n<html><script>alert(1)</script></html>"), "html");
        assert_eq!(malformed(b"%PDF-1.4\n<p>hello</p>\n"), "no %%EOF at the end");
        // The same web page in a comment or between the objects of a well-formed PDF.
        let mut polyglot = sample_pdf("x");
        polyglot.splice(9..9, b"%<SCRIPT>alert(document.domain)</SCRIPT>\n".iter().copied());
        assert_eq!(active(&polyglot), "script");
        let late = pdf_with(&["<< /Type /Catalog >>\n<iframe src=x>"], "<< /Size 2 /Root 1 0 R >>");
        assert_eq!(active(&late), "iframe");
        // A web page after %%EOF: near the start, sniffers would see it; further on, it is
        // still data where a PDF has none.
        let mut after = sample_pdf("x");
        after.extend_from_slice(b"<html><body onload=alert(1)>");
        assert_eq!(active(&after), "html");
        let mut after = sample_pdf(&"long text ".repeat(200));
        after.extend_from_slice(b"<html><body onload=alert(1)>");
        assert_eq!(malformed(&after), "data follows %%EOF");
    }

    #[test]
    fn a_pdf_must_have_its_skeleton() {
        assert_eq!(malformed(b"%PDF-"), "the header is cut short");
        assert_eq!(malformed(b"%PDF-x.y\n%%EOF"), "the header has no version (%PDF-1.x or %PDF-2.0)");
        assert_eq!(malformed(b"%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n"), "no startxref before %%EOF");
        assert_eq!(malformed(b"%PDF-1.4\nstartxref\n999\n%%EOF"), "startxref gives no offset in the file");
        assert_eq!(
            malformed(b"%PDF-1.4\n1 0 obj << >> endobj\nstartxref\n9\n%%EOF"),
            "startxref does not point at a cross-reference section"
        );
        let no_root = pdf_with(&["<< /Type /Catalog >>"], "<< /Size 2 >>");
        assert_eq!(malformed(&no_root), "the trailer has no /Root");
        let wrong_root = pdf_with(&["<< /Type /Catalog >>"], "<< /Size 2 /Root 7 0 R >>");
        assert_eq!(malformed(&wrong_root), "the trailer's /Root is not an object of the file");
        // An entry that points elsewhere than its object.
        let mut moved = pdf_with(&["<< /Type /Catalog >>"], "<< /Size 2 /Root 1 0 R >>");
        let at = find(&moved, b"0000000009 00000 n").unwrap();
        moved[at + 8] = b'1';
        assert_eq!(malformed(&moved), "an object is not where the cross-reference table says");
        // A stream cut short.
        let cut = pdf_with(&["<< /Length 99 >>\nstream\nabc"], "<< /Size 2 /Root 1 0 R >>");
        assert_eq!(malformed(&cut), "a stream has no endstream");
    }

    #[test]
    fn a_trailer_that_never_closes_is_not_read_to_the_end() {
        let mut pdf = b"%PDF-1.4\n".to_vec();
        let at = pdf.len();
        pdf.extend_from_slice(b"xref\n0 1\n0000000000 65535 f \ntrailer\n<< /Root 1 0 R /Info (");
        pdf.extend(std::iter::repeat_n(b'x', 100_000));
        pdf.extend_from_slice(format!("\nstartxref\n{at}\n%%EOF\n").as_bytes());
        assert_eq!(malformed(&pdf), "the trailer is not a dictionary");
    }

    #[test]
    fn a_pdf_with_a_cross_reference_stream_and_an_update_passes() {
        // An update appended to a PDF: a new table chained to the old one by /Prev.
        let mut pdf = sample_pdf("first");
        let prev = {
            let at = rfind(&pdf, b"startxref\n").unwrap() + 10;
            std::str::from_utf8(&pdf[at..]).unwrap().lines().next().unwrap().to_string()
        };
        let object = pdf.len();
        pdf.extend_from_slice(b"6 0 obj\n<< /Producer (update) >>\nendobj\n");
        let xref = pdf.len();
        pdf.extend_from_slice(
            format!(
                "xref\n6 1\n{object:010} 00000 n\r\ntrailer\n<< /Size 7 /Root 1 0 R /Prev {prev} >>\nstartxref\n{xref}\n%%EOF\n"
            )
            .as_bytes(),
        );
        assert_eq!(check(&pdf), Ok(MediaType::Pdf));
        // A cross-reference stream (objects in compressed streams are not listed in a table).
        let mut pdf = b"%PDF-1.5\n".to_vec();
        let at = pdf.len();
        pdf.extend_from_slice(
            b"1 0 obj\n<< /Type /XRef /Size 2 /Root 3 0 R /W [1 2 1] /Length 8 >>\nstream\n\x01\x00\x09\x00\x01\x00\x00\x00\nendstream\nendobj\n",
        );
        pdf.extend_from_slice(format!("startxref\n{at}\n%%EOF\n").as_bytes());
        assert_eq!(check(&pdf), Ok(MediaType::Pdf));
        // A stream whose dictionary is not /Type /XRef is no cross-reference section.
        let fake = String::from_utf8_lossy(&pdf).replace("/XRef", "/XObj");
        assert_eq!(malformed(fake.as_bytes()), "startxref does not point at a cross-reference section");
    }

    #[test]
    fn scripts_and_launch_actions_are_refused_even_when_escaped() {
        for action in ["/JavaScript", "/JS", "/J#61vaScript", "/#4aS", "/Launch"] {
            let catalog = format!("<< /Type /Catalog /OpenAction << /S {action} >> >>");
            let pdf = pdf_with(&[&catalog], "<< /Size 2 /Root 1 0 R >>");
            assert!(matches!(check(&pdf), Err(Fault::Active(MediaType::Pdf, _))), "{action}");
        }
        // Names that only start like them are fine, and so is stream data (fonts, images).
        let pdf = pdf_with(
            &["<< /Type /Catalog /JSX 1 /Launcher 2 >>", "<< /Length 9 >>\nstream\n/JS 12 Tf\nendstream"],
            "<< /Size 3 /Root 1 0 R >>",
        );
        assert_eq!(check(&pdf), Ok(MediaType::Pdf));
    }

    fn png(chunks: &[(&[u8; 4], &[u8])]) -> Vec<u8> {
        let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
        for (kind, body) in chunks {
            out.extend(png::chunk(kind, body));
        }
        out
    }

    const IHDR: &[u8] = &[0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0];

    #[test]
    fn a_png_runs_from_ihdr_to_iend() {
        // Every PNG ends with these bytes: IEND's known checksum.
        assert_eq!(png::crc32(b"IEND"), 0xAE42_6082);
        let good =
            png(&[(b"IHDR", IHDR), (b"IDAT", b"\x78\x9c\x63\x00\x00\x00\x02\x00\x01"), (b"IEND", b"")]);
        assert_eq!(check(&good), Ok(MediaType::Png));
        let mut behind = good.clone();
        behind.extend_from_slice(b"<html><script>alert(1)</script>");
        assert_eq!(active(&behind), "html");
        let mut behind = good.clone();
        behind.extend_from_slice(b"PK\x03\x04 an archive");
        assert_eq!(malformed(&behind), "data follows IEND");
        assert_eq!(malformed(&good[..good.len() - 12]), "the file ends before IEND");
        let mut crc = good.clone();
        let last = crc.len() - 1;
        crc[last] ^= 1;
        assert_eq!(malformed(&crc), "a chunk's checksum is wrong");
        assert_eq!(
            malformed(&png(&[(b"IDAT", b"x"), (b"IEND", b"")])),
            "the first chunk is not a valid IHDR"
        );
        assert_eq!(malformed(&png(&[(b"IHDR", IHDR), (b"IEND", b"")])), "there is no image data");
        assert_eq!(malformed(b"\x89PNG\r\n\x1a\n\0\0\0\x0d1234"), "a chunk is unreadable");
        // A web page in a text chunk near the start is seen by sniffers: refused.
        let text =
            png(&[(b"IHDR", IHDR), (b"tEXt", b"c\0<script>x</script>"), (b"IDAT", b"x"), (b"IEND", b"")]);
        assert_eq!(active(&text), "script");
    }

    /// A JPEG's skeleton: SOI, a frame header, a scan with its data, EOI.
    fn jpeg(tail: &[u8]) -> Vec<u8> {
        let mut out = vec![0xFF, 0xD8, 0xFF, 0xE0, 0, 4, b'J', b'F'];
        out.extend_from_slice(&[0xFF, 0xC0, 0, 11, 8, 0, 1, 0, 1, 1, 1, 0x11, 0]);
        out.extend_from_slice(&[0xFF, 0xDA, 0, 8, 1, 1, 0, 0, 0x3F, 0]);
        out.extend_from_slice(&[0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD0, 0x56]);
        out.extend_from_slice(&[0xFF, 0xD9]);
        out.extend_from_slice(tail);
        out
    }

    #[test]
    fn a_jpeg_runs_from_soi_to_eoi() {
        assert_eq!(check(&jpeg(b"")), Ok(MediaType::Jpeg));
        // Phones append their own data after EOI; a web page there is refused.
        assert_eq!(check(&jpeg(b"SEFH\x00\x01 trailer of a camera")), Ok(MediaType::Jpeg));
        assert_eq!(active(&jpeg(b"<html><script>alert(1)</script>")), "html");
        assert_eq!(malformed(&[0xFF, 0xD8, 0xFF]), "the file ends before EOI");
        assert_eq!(
            malformed(&[0xFF, 0xD8, 0xFF, 0xE0, 0, 4, b'J', b'F', b'X']),
            "a segment does not start with a marker"
        );
        let no_eoi = jpeg(b"");
        assert_eq!(malformed(&no_eoi[..no_eoi.len() - 2]), "the file ends before EOI");
        assert_eq!(malformed(&[0xFF, 0xD8, 0xFF, 0xD9]), "there is no image before EOI");
        assert_eq!(malformed(&[0xFF, 0xD8, 0xFF, 0xE0, 0x10, 0, 1, 2]), "a segment is longer than the file");
    }

    #[test]
    fn web_pages_are_told_by_their_tags() {
        assert_eq!(markup(b"x <!DOCTYPE html> y"), Some("!doctype"));
        assert_eq!(markup(b"<svg/onload=alert(1)>"), Some("svg"));
        assert_eq!(markup(b"<Script\n>"), Some("script"));
        assert_eq!(markup(b"<htmlx> <scripted> <a href=x> <x:xmpmeta> <b>"), None);
        assert_eq!(markup(b"<html"), Some("html"));
    }

    proptest! {
        #[test]
        fn checking_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..256), kind in 0..3usize) {
            let head: &[u8] = [&b"%PDF-1.4\n"[..], b"\x89PNG\r\n\x1a\n", &[0xFF, 0xD8, 0xFF]][kind];
            let mut file = head.to_vec();
            file.extend(bytes);
            let _ = check(&file);
        }

        #[test]
        fn sample_pdfs_pass_whatever_they_say(text in "\\PC{0,80}") {
            let pdf = sample_pdf(&text);
            prop_assert!(pdf.is_ascii());
            prop_assert_eq!(check(&pdf), Ok(MediaType::Pdf));
        }
    }
}
