//! Reading one row of a register file (crossings, registrations, permits; docs/register.md):
//! finding the columns by their header and checking every field, so that a bad row is reported
//! with every column that is wrong and why before anything is written.

use crate::pipeline::RowError;
use ashyq_core::labour::rows::{self, parse_iso_date};
use ashyq_core::register::AuthorisationKind;
use ashyq_core::said::Said;
use ashyq_core::text;
use ashyq_core::{checkpoint, country, ids, region};
use jiff::Timestamp;
use jiff::civil::Date;
use std::str::FromStr;

/// Which register file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegisterFile {
    Crossings,
    Registrations,
    Permits,
}

impl RegisterFile {
    pub fn as_str(self) -> &'static str {
        match self {
            RegisterFile::Crossings => "crossings",
            RegisterFile::Registrations => "registrations",
            RegisterFile::Permits => "permits",
        }
    }

    pub fn parse(text: &str) -> Option<RegisterFile> {
        match text {
            "crossings" => Some(RegisterFile::Crossings),
            "registrations" => Some(RegisterFile::Registrations),
            "permits" => Some(RegisterFile::Permits),
            _ => None,
        }
    }

    /// The file's columns: its own, then the identity columns; `(name, required in the header)`.
    fn columns(self) -> &'static [&'static str] {
        match self {
            RegisterFile::Crossings => &["event_id", "kind", "at", "checkpoint", "reason"],
            RegisterFile::Registrations => &[
                "registration_id",
                "kind",
                "region",
                "address",
                "host",
                "from",
                "until",
                "notified_on",
                "employer_bin",
                "permit_number",
            ],
            RegisterFile::Permits => &["permit_number", "kind", "valid_from", "valid_until", "cancelled_on"],
        }
    }
}

/// The identity columns every register file carries: the document shown, as read from its MRZ.
pub const IDENTITY_COLUMNS: [&str; 9] = [
    "document_type",
    "issuing_state",
    "document_number",
    "nationality",
    "surname",
    "given_names",
    "birth_date",
    "sex",
    "expiry_date",
];

/// Columns that may be left out of the header (they are then empty in every row).
const OPTIONAL: [&str; 5] = ["reason", "employer_bin", "permit_number", "cancelled_on", "notified_on"];

/// The document a row was made with, and the identity it gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    pub document_type: String,
    pub issuing_state: String,
    pub number: String,
    pub nationality: String,
    pub surname: String,
    pub given_names: String,
    pub birth_date: Date,
    /// `M`, `F` or `X`.
    pub sex: String,
    pub expiry_date: Date,
}

impl Identity {
    /// The document's key in the register: `issuing_state:number`.
    pub fn doc_key(&self) -> String {
        format!("{}:{}", self.issuing_state, self.number)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CrossingKind {
    Entry,
    Exit,
    Refusal,
}

impl CrossingKind {
    pub fn as_str(self) -> &'static str {
        match self {
            CrossingKind::Entry => "entry",
            CrossingKind::Exit => "exit",
            CrossingKind::Refusal => "refusal",
        }
    }

    pub fn parse(text: &str) -> Option<CrossingKind> {
        match text {
            "entry" => Some(CrossingKind::Entry),
            "exit" => Some(CrossingKind::Exit),
            "refusal" => Some(CrossingKind::Refusal),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CrossingRow {
    pub event_id: String,
    pub kind: CrossingKind,
    /// When it happened (stored as microseconds since the epoch, UTC).
    pub at: jiff::Timestamp,
    /// The civil day of the instant on the checkpoint's clock (its region's zone in the tz
    /// database: `Asia/Almaty` was UTC+6 until 1 March 2024, the west UTC+5).
    pub day: Date,
    pub checkpoint: String,
    pub identity: Identity,
    pub reason: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegistrationRow {
    pub registration_id: String,
    /// `stay` or `work`.
    pub kind: &'static str,
    pub identity: Identity,
    /// ISO 3166-2 code.
    pub region: String,
    pub address: String,
    pub host: String,
    pub from: Date,
    pub until: Date,
    pub notified_on: Option<Date>,
    pub employer_bin: Option<String>,
    pub permit_number: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PermitRow {
    pub permit_number: String,
    pub kind: AuthorisationKind,
    pub identity: Identity,
    pub valid_from: Date,
    pub valid_until: Date,
    pub cancelled_on: Option<Date>,
}

/// One good row of any register file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Record {
    Crossing(CrossingRow),
    Registration(RegistrationRow),
    Permit(PermitRow),
}

impl Record {
    pub fn identity(&self) -> &Identity {
        match self {
            Record::Crossing(r) => &r.identity,
            Record::Registration(r) => &r.identity,
            Record::Permit(r) => &r.identity,
        }
    }

    /// The client's key of the row: event id, registration id or permit number.
    pub fn key(&self) -> &str {
        match self {
            Record::Crossing(r) => &r.event_id,
            Record::Registration(r) => &r.registration_id,
            Record::Permit(r) => &r.permit_number,
        }
    }
}

/// Where each column is in the file's rows, `None` for an optional column the header lacks.
#[derive(Debug, Clone)]
pub struct Columns {
    file: RegisterFile,
    names: Vec<&'static str>,
    at: Vec<Option<usize>>,
}

impl Columns {
    /// Finds the file's columns in its header (names compared without case or surrounding
    /// spaces). A missing, repeated or unknown column is refused: a misspelt optional column
    /// must not silently drop its data.
    pub fn resolve(file: RegisterFile, header: &[&str]) -> Result<Columns, HeaderFaults> {
        let names: Vec<&'static str> =
            file.columns().iter().chain(IDENTITY_COLUMNS.iter()).copied().collect();
        let clean: Vec<String> = header
            .iter()
            .map(|h| h.trim().trim_start_matches('\u{feff}').trim().to_ascii_lowercase())
            .collect();
        let mut problems = Vec::new();
        let mut at = Vec::with_capacity(names.len());
        for name in &names {
            let mut found = clean.iter().enumerate().filter(|(_, h)| h == name).map(|(i, _)| i);
            match (found.next(), found.next()) {
                (Some(i), None) => at.push(Some(i)),
                (Some(_), Some(_)) => problems.push(
                    Said::new("up-why-header-twice", format!("header: column {name} given twice"))
                        .text("columns", *name),
                ),
                (None, _) if OPTIONAL.contains(name) => at.push(None),
                (None, _) => problems.push(
                    Said::new("up-why-header-missing", format!("header: missing column {name}"))
                        .text("columns", *name),
                ),
            }
        }
        for h in &clean {
            if !h.is_empty() && !names.iter().any(|n| n == h) {
                problems.push(
                    Said::new(
                        "up-why-header-unknown",
                        format!("header: unknown column {h:?} (the columns are {})", names.join(", ")),
                    )
                    .text("column", h.clone())
                    .text("columns", names.join(", ")),
                );
            }
        }
        if problems.is_empty() { Ok(Columns { file, names, at }) } else { Err(HeaderFaults(problems)) }
    }

    pub fn file(&self) -> RegisterFile {
        self.file
    }
}

/// What is wrong with a register file's header: each fault said on its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderFaults(pub Vec<Said>);

impl std::fmt::Display for HeaderFaults {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let all: Vec<&str> = self.0.iter().map(|s| s.english.as_str()).collect();
        f.write_str(&all.join("; "))
    }
}

/// What `read` needs besides the row: the day the import runs, to refuse events from the future.
#[derive(Debug, Clone, Copy)]
pub struct Context {
    pub today: Date,
}

/// Reads one data row (`row` is its number in the file, for the errors).
pub fn read(columns: &Columns, context: Context, row: u64, fields: &[&str]) -> Result<Record, Vec<RowError>> {
    let mut r = Reader { columns, fields, row, errors: Vec::new() };
    // The boundary text rules' floor over every column first (no control character but line
    // breaks and tabs, at most 10,000 characters): a bad character is the row's error naming its
    // column. Columns keep their own, tighter rules.
    for (name, at) in columns.names.iter().zip(&columns.at) {
        let raw = at.and_then(|i| fields.get(i).copied()).unwrap_or("");
        if let Err(e) = text::check(name, text::FLOOR, raw) {
            r.fail::<()>(name, e.said());
        }
    }
    if !r.errors.is_empty() {
        return Err(r.errors);
    }
    let record = match columns.file {
        RegisterFile::Crossings => crossing(&mut r, context).map(Record::Crossing),
        RegisterFile::Registrations => registration(&mut r).map(Record::Registration),
        RegisterFile::Permits => permit(&mut r).map(Record::Permit),
    };
    match record {
        Some(record) if r.errors.is_empty() => Ok(record),
        _ => Err(r.errors),
    }
}

struct Reader<'r, 'a> {
    columns: &'r Columns,
    fields: &'r [&'a str],
    row: u64,
    errors: Vec<RowError>,
}

impl<'a> Reader<'_, 'a> {
    fn text(&self, name: &str) -> &'a str {
        let i = self.columns.names.iter().position(|n| *n == name);
        i.and_then(|i| self.columns.at.get(i).copied().flatten())
            .and_then(|i| self.fields.get(i).copied())
            .map_or("", str::trim)
    }

    fn fail<T>(&mut self, column: &str, reason: Said) -> Option<T> {
        self.errors.push(RowError { row: self.row, column: Some(column.to_string()), reason });
        None
    }

    fn required(&mut self, column: &str) -> Option<&'a str> {
        let text = self.text(column);
        if text.is_empty() { self.fail(column, rows::empty()) } else { Some(text) }
    }

    fn optional(&self, column: &str) -> Option<&'a str> {
        Some(self.text(column)).filter(|t| !t.is_empty())
    }

    fn date(&mut self, column: &str) -> Option<Date> {
        let text = self.required(column)?;
        parse_iso_date(text).or_else(|| self.fail(column, rows::not_a_date(text)))
    }

    fn optional_date(&mut self, column: &str) -> Option<Option<Date>> {
        match self.optional(column) {
            None => Some(None),
            Some(text) => match parse_iso_date(text) {
                Some(d) => Some(Some(d)),
                None => self.fail(column, rows::not_a_date(text)),
            },
        }
    }

    /// A client's key: 1–`max` characters `A`–`Z`, `a`–`z`, `0`–`9`, `-`, `_`, `.`, `:`.
    fn key(&mut self, column: &str, max: usize) -> Option<String> {
        let text = self.required(column)?;
        let ok = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | ':');
        if text.len() > max {
            return self.fail(column, rows::too_long(max));
        }
        match text.chars().find(|c| !ok(*c)) {
            Some(c) => self.fail(
                column,
                Said::new("up-why-key-char", format!("{c:?} is not allowed (letters, digits, - _ . : only)"))
                    .text("char", c.to_string()),
            ),
            None => Some(text.to_string()),
        }
    }

    fn country(&mut self, column: &str) -> Option<String> {
        let text = self.required(column)?;
        let code = text.to_ascii_uppercase();
        match country::by_alpha3(&code) {
            Some(c) => Some(c.alpha3.clone()),
            None => self.fail(
                column,
                Said::new("up-why-country", format!("{text:?} is not a country code of data/countries.csv"))
                    .text("value", rows::shorten(text)),
            ),
        }
    }

    /// A name, composed (NFC) first: a letter typed decomposed (`И` + U+0306) is one letter.
    fn name(&mut self, column: &str, required: bool) -> Option<String> {
        let text = if required { self.required(column)? } else { self.text(column) };
        let text = ashyq_core::nfc::nfc(text);
        if text.chars().count() > 100 {
            return self.fail(column, rows::too_long(100));
        }
        match text.chars().find(|c| !(c.is_alphabetic() || matches!(c, ' ' | '-' | '\'' | '.'))) {
            Some(c) => self.fail(
                column,
                Said::new("up-why-name-char", format!("{c:?} is not a letter, space, hyphen or apostrophe"))
                    .text("char", c.to_string()),
            ),
            None => Some(text.split_whitespace().collect::<Vec<_>>().join(" ").to_uppercase()),
        }
    }
}

fn identity(r: &mut Reader) -> Option<Identity> {
    let document_type = r.required("document_type").and_then(|t| {
        let t = t.to_ascii_uppercase();
        if (1..=2).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_uppercase()) {
            Some(t)
        } else {
            r.fail(
                "document_type",
                Said::new(
                    "up-why-document-type",
                    format!("{t:?} is not an MRZ document code (P, I, A, C, V, …)"),
                )
                .text("value", rows::shorten(&t)),
            )
        }
    });
    let issuing_state = r.country("issuing_state");
    let number = r.required("document_number").and_then(|t| {
        let t = t.to_ascii_uppercase();
        if (1..=20).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_alphanumeric()) {
            Some(t)
        } else {
            r.fail(
                "document_number",
                Said::new("up-why-document-number", format!("{t:?} is not 1–20 letters A–Z and digits"))
                    .text("value", rows::shorten(&t)),
            )
        }
    });
    let nationality = r.country("nationality");
    let surname = r.name("surname", true);
    let given_names = r.name("given_names", false);
    let birth_date = r.date("birth_date");
    let sex = r.required("sex").and_then(|t| match t.to_ascii_uppercase().as_str() {
        s @ ("M" | "F" | "X") => Some(s.to_string()),
        _ => r.fail(
            "sex",
            Said::new("up-why-sex", format!("{t:?} is not M, F or X")).text("value", rows::shorten(t)),
        ),
    });
    let expiry_date = r.date("expiry_date");
    Some(Identity {
        document_type: document_type?,
        issuing_state: issuing_state?,
        number: number?,
        nationality: nationality?,
        surname: surname?,
        given_names: given_names?,
        birth_date: birth_date?,
        sex: sex?,
        expiry_date: expiry_date?,
    })
}

fn crossing(r: &mut Reader, context: Context) -> Option<CrossingRow> {
    let event_id = r.key("event_id", 64);
    let kind = r.required("kind").and_then(|t| {
        CrossingKind::parse(t).or_else(|| {
            r.fail(
                "kind",
                Said::new("up-why-crossing-kind", format!("{t:?} is not entry, exit or refusal"))
                    .text("value", rows::shorten(t)),
            )
        })
    });
    let at = r.required("at").and_then(|t| match Timestamp::from_str(t) {
        Ok(ts) => Some(ts),
        Err(_) => r.fail(
            "at",
            Said::new(
                "up-why-instant",
                format!("{t:?} is not an instant with its offset (2026-03-01T08:15:00+05:00)"),
            )
            .text("value", rows::shorten(t)),
        ),
    });
    // The civil day on the checkpoint's clock (the country's for an unknown checkpoint, whose
    // row is refused below, so that a date in the future is still reported).
    let found = checkpoint::by_code(r.text("checkpoint"));
    let zone = found.map_or(ashyq_core::zone::COUNTRY, checkpoint::Checkpoint::zone);
    let day = at.map(|ts| zone.day(ts));
    if let Some(d) = day
        && d > context.today.tomorrow().unwrap_or(context.today)
    {
        r.fail::<()>(
            "at",
            Said::new("up-why-future", format!("{d} is after today ({})", context.today))
                .date("date", d)
                .date("today", context.today),
        );
    }
    let checkpoint = r.required("checkpoint").and_then(|t| match found {
        Some(c) => Some(c.code.to_string()),
        None => r.fail(
            "checkpoint",
            Said::new("up-why-checkpoint", format!("{t:?} is not a checkpoint of data/checkpoints.csv"))
                .text("value", rows::shorten(t)),
        ),
    });
    let reason = r.optional("reason").map(str::to_string);
    match (kind, &reason) {
        (Some(CrossingKind::Refusal), None) => {
            r.fail::<()>("reason", Said::new("up-why-refusal-reason", "a refusal must say why"));
        }
        (Some(CrossingKind::Entry | CrossingKind::Exit), Some(_)) => {
            r.fail::<()>("reason", Said::new("up-why-reason-not-refusal", "only a refusal has a reason"));
        }
        _ => {}
    }
    let identity = identity(r);
    Some(CrossingRow {
        event_id: event_id?,
        kind: kind?,
        at: at?,
        day: day?,
        checkpoint: checkpoint?,
        identity: identity?,
        reason,
    })
}

fn registration(r: &mut Reader) -> Option<RegistrationRow> {
    let registration_id = r.key("registration_id", 64);
    let kind = r.required("kind").and_then(|t| match t {
        "stay" => Some("stay"),
        "work" => Some("work"),
        _ => r.fail(
            "kind",
            Said::new("up-why-registration-kind", format!("{t:?} is not stay or work"))
                .text("value", rows::shorten(t)),
        ),
    });
    let region = r.required("region").and_then(|t| match region::parse(t) {
        Some(reg) => Some(reg.code.to_string()),
        None => r.fail(
            "region",
            Said::new("up-why-region", format!("{t:?} is not a region (KZ-75) or KATO prefix"))
                .text("value", rows::shorten(t)),
        ),
    });
    let stay = kind == Some("stay");
    let address = if stay { r.required("address") } else { Some(r.text("address")) }.map(str::to_string);
    let host = if stay { r.required("host") } else { Some(r.text("host")) }.map(str::to_string);
    let from = r.date("from");
    let until = r.date("until");
    if let (Some(f), Some(u)) = (from, until)
        && u < f
    {
        r.fail::<()>("until", rows::before(u, "from", f));
    }
    let notified_on = r.optional_date("notified_on");
    if stay && notified_on == Some(None) {
        r.fail::<()>(
            "notified_on",
            Said::new("up-why-notified-missing", "a stay registration must say when it was notified"),
        );
    }
    let employer_bin = match r.optional("employer_bin") {
        None if kind == Some("work") => r.fail(
            "employer_bin",
            Said::new("up-why-bin-missing", "a work registration names the employer's BIN"),
        ),
        None => Some(None),
        Some(t) => match ids::Bin::parse(t) {
            Ok(bin) => Some(Some(bin.as_str().to_string())),
            Err(e) => r.fail("employer_bin", rows::bin_error(&e)),
        },
    };
    let permit_number = match r.optional("permit_number") {
        None => Some(None),
        Some(_) => r.key("permit_number", 32).map(Some),
    };
    let identity = identity(r);
    Some(RegistrationRow {
        registration_id: registration_id?,
        kind: kind?,
        identity: identity?,
        region: region?,
        address: address?,
        host: host?,
        from: from?,
        until: until?,
        notified_on: notified_on?,
        employer_bin: employer_bin?,
        permit_number: permit_number?,
    })
}

fn permit(r: &mut Reader) -> Option<PermitRow> {
    let permit_number = r.key("permit_number", 32);
    let kind = r.required("kind").and_then(|t| match AuthorisationKind::from_str(t) {
        Ok(k) => Some(k),
        Err(_) => r.fail(
            "kind",
            Said::new(
                "up-why-permit-kind",
                format!(
                    "{t:?} is not one of visa, work_permit, temporary_residence, permanent_residence, \
                     valuable_skills_visa, investor_visa, ata_zholy, refugee_certificate"
                ),
            )
            .text("value", rows::shorten(t)),
        ),
    });
    let valid_from = r.date("valid_from");
    let valid_until = r.date("valid_until");
    if let (Some(f), Some(u)) = (valid_from, valid_until)
        && u < f
    {
        r.fail::<()>("valid_until", rows::before(u, "valid_from", f));
    }
    let cancelled_on = r.optional_date("cancelled_on");
    let identity = identity(r);
    Some(PermitRow {
        permit_number: permit_number?,
        kind: kind?,
        identity: identity?,
        valid_from: valid_from?,
        valid_until: valid_until?,
        cancelled_on: cancelled_on?,
    })
}
