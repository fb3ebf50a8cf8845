//! The three register files (`crossings.csv`, `registrations.csv`, `permits.csv`), their
//! columns exactly as docs/register.md names them, and the rows written from reused buffers.

use super::super::output::{CsvOut, Fields};
use super::days;
use super::people::{Document, Person};
use std::fmt::Write as _;
use std::path::Path;

pub const CROSSINGS_FILE: &str = "crossings.csv";
pub const REGISTRATIONS_FILE: &str = "registrations.csv";
pub const PERMITS_FILE: &str = "permits.csv";

/// The identity columns, in every file: the store's reader names them.
const IDENTITY: [&str; 9] = ashyq_store::register::rows::IDENTITY_COLUMNS;

pub const CROSSINGS_COLUMNS: [&str; 14] = [
    "event_id",
    "kind",
    "at",
    "checkpoint",
    IDENTITY[0],
    IDENTITY[1],
    IDENTITY[2],
    IDENTITY[3],
    IDENTITY[4],
    IDENTITY[5],
    IDENTITY[6],
    IDENTITY[7],
    IDENTITY[8],
    "reason",
];

pub const REGISTRATIONS_COLUMNS: [&str; 19] = [
    "registration_id",
    "kind",
    IDENTITY[0],
    IDENTITY[1],
    IDENTITY[2],
    IDENTITY[3],
    IDENTITY[4],
    IDENTITY[5],
    IDENTITY[6],
    IDENTITY[7],
    IDENTITY[8],
    "region",
    "address",
    "host",
    "from",
    "until",
    "notified_on",
    "employer_bin",
    "permit_number",
];

pub const PERMITS_COLUMNS: [&str; 14] = [
    "permit_number",
    "kind",
    IDENTITY[0],
    IDENTITY[1],
    IDENTITY[2],
    IDENTITY[3],
    IDENTITY[4],
    IDENTITY[5],
    IDENTITY[6],
    IDENTITY[7],
    IDENTITY[8],
    "valid_from",
    "valid_until",
    "cancelled_on",
];

/// The identity columns of one document of a person, formatted once.
#[derive(Default)]
pub(super) struct IdentityText {
    fields: [String; 9],
}

impl IdentityText {
    pub fn fill(&mut self, person: &Person, doc: &Document) {
        for f in &mut self.fields {
            f.clear();
        }
        let [kind, issuer, number, nationality, surname, given, birth, sex, expiry] = &mut self.fields;
        kind.push_str(doc.kind);
        issuer.push_str(doc.issuer);
        number.push_str(&doc.number);
        nationality.push_str(person.nation.code);
        surname.push_str(&person.surname);
        given.push_str(&person.given_names);
        days::push_date(birth, person.birth);
        sex.push_str(person.sex);
        days::push_date(expiry, doc.expiry);
    }

    fn copy_to(&self, out: &mut [String]) {
        for (o, f) in out.iter_mut().zip(&self.fields) {
            o.push_str(f);
        }
    }
}

/// A stay or work registration.
pub(super) struct Registration<'a> {
    pub kind: &'a str,
    pub region: &'a str,
    pub address: &'a str,
    pub host: &'a str,
    pub from: i32,
    pub until: i32,
    pub notified_on: i32,
    pub employer_bin: &'a str,
    pub permit_number: &'a str,
}

/// The three files being written, with the running ids.
pub(super) struct Writer {
    files: [CsvOut; 3],
    crossing: Fields<14>,
    registration: Fields<19>,
    permit: Fields<14>,
    year: i16,
    pub crossings: u64,
    pub registrations: u64,
    pub permits: u64,
}

impl Writer {
    pub fn create(dir: &Path, year: i16) -> anyhow::Result<Writer> {
        Ok(Writer {
            files: [
                CsvOut::create(dir, CROSSINGS_FILE, &CROSSINGS_COLUMNS)?,
                CsvOut::create(dir, REGISTRATIONS_FILE, &REGISTRATIONS_COLUMNS)?,
                CsvOut::create(dir, PERMITS_FILE, &PERMITS_COLUMNS)?,
            ],
            crossing: Fields::new(),
            registration: Fields::new(),
            permit: Fields::new(),
            year,
            crossings: 0,
            registrations: 0,
            permits: 0,
        })
    }

    /// The temporary files, to remove if generation fails.
    pub fn tmps(&self) -> Vec<std::path::PathBuf> {
        self.files.iter().map(|f| f.tmp().to_path_buf()).collect()
    }

    /// Writes one border event; its id is `E<year>-<9-digit sequence>`.
    pub fn crossing(
        &mut self,
        kind: &str,
        day: i32,
        second: u32,
        checkpoint: &str,
        id: &IdentityText,
        reason: &str,
    ) -> anyhow::Result<()> {
        self.crossings += 1;
        let f = self.crossing.clear();
        let _ = write!(f[0], "E{}-{:09}", self.year, self.crossings);
        f[1].push_str(kind);
        days::push_instant(&mut f[2], day, second, ashyq_core::zone::of_checkpoint(checkpoint));
        f[3].push_str(checkpoint);
        id.copy_to(&mut f[4..13]);
        f[13].push_str(reason);
        let [out, _, _] = &mut self.files;
        self.crossing.write(out)
    }

    /// Writes a registration; its id is `R<year>-<9-digit sequence>`.
    pub fn registration(&mut self, r: &Registration, id: &IdentityText) -> anyhow::Result<()> {
        self.registrations += 1;
        let f = self.registration.clear();
        let _ = write!(f[0], "R{}-{:09}", self.year, self.registrations);
        f[1].push_str(r.kind);
        id.copy_to(&mut f[2..11]);
        f[11].push_str(r.region);
        f[12].push_str(r.address);
        f[13].push_str(r.host);
        days::push_date(&mut f[14], r.from);
        days::push_date(&mut f[15], r.until);
        days::push_date(&mut f[16], r.notified_on);
        f[17].push_str(r.employer_bin);
        f[18].push_str(r.permit_number);
        let [_, out, _] = &mut self.files;
        self.registration.write(out)
    }

    /// Writes a visa or permit.
    pub fn permit(
        &mut self,
        number: &str,
        kind: &str,
        id: &IdentityText,
        from: i32,
        until: i32,
        cancelled: Option<i32>,
    ) -> anyhow::Result<()> {
        self.permits += 1;
        let f = self.permit.clear();
        f[0].push_str(number);
        f[1].push_str(kind);
        id.copy_to(&mut f[2..11]);
        days::push_date(&mut f[11], from);
        days::push_date(&mut f[12], until);
        if let Some(c) = cancelled {
            days::push_date(&mut f[13], c);
        }
        let [_, _, out] = &mut self.files;
        self.permit.write(out)
    }

    /// Flushes the three files and renames them into place.
    pub fn finish(self) -> anyhow::Result<()> {
        let finished: Vec<_> = self.files.map(CsvOut::finish).into_iter().collect::<anyhow::Result<_>>()?;
        for f in finished {
            f.rename()?;
        }
        Ok(())
    }
}
