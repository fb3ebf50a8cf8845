//! A checked crossing as the bulk paths carry it, in one order of columns: a line of the
//! `COPY` into PostgreSQL's load table (bulk.rs) and a crossing staged on SQLite for publishing
//! by set-based statements (staged.rs). Everything a crossing's row gives, checked and derived
//! once (the document's key, the person's match key, the instant in microseconds, the day).

use super::rows::CrossingRow;
use ashyq_core::register::match_key;

/// The columns' names and PostgreSQL types, in the order [`values`] gives them.
pub const COLUMNS: [(&str, &str); 17] = [
    ("event_id", "TEXT NOT NULL"),
    ("doc_key", "TEXT NOT NULL"),
    ("issuing_state", "TEXT NOT NULL"),
    ("number", "TEXT NOT NULL"),
    ("document_type", "TEXT NOT NULL"),
    ("surname", "TEXT NOT NULL"),
    ("given_names", "TEXT NOT NULL"),
    ("birth_date", "TEXT NOT NULL"),
    ("sex", "TEXT NOT NULL"),
    ("nationality", "TEXT NOT NULL"),
    ("expiry_date", "TEXT NOT NULL"),
    ("match_key", "TEXT NOT NULL"),
    ("kind", "TEXT NOT NULL"),
    ("at_us", "BIGINT NOT NULL"),
    ("day", "TEXT NOT NULL"),
    ("checkpoint", "TEXT NOT NULL"),
    ("reason", "TEXT"),
];

/// The columns' definitions (`event_id TEXT NOT NULL, …`), for a table that holds checked
/// crossings: PostgreSQL's load table, SQLite's slice being published.
pub fn definitions() -> String {
    COLUMNS.iter().map(|(name, ty)| format!("{name} {ty}")).collect::<Vec<_>>().join(", ")
}

/// Where the instant (microseconds, an integer) and the reason (none: empty) are.
pub const AT_US: usize = 13;
pub const REASON: usize = 16;

/// The values of a checked crossing, as text in [`COLUMNS`]' order. No reason is the empty
/// text: a file's empty reason is read as none (rows.rs), so the two cannot be told apart.
pub fn values(c: &CrossingRow) -> [String; 17] {
    let i = &c.identity;
    [
        c.event_id.clone(),
        i.doc_key(),
        i.issuing_state.clone(),
        i.number.clone(),
        i.document_type.clone(),
        i.surname.clone(),
        i.given_names.clone(),
        i.birth_date.to_string(),
        i.sex.clone(),
        i.nationality.clone(),
        i.expiry_date.to_string(),
        match_key(&i.surname, &i.given_names, i.birth_date, &i.nationality),
        c.kind.as_str().to_string(),
        c.at.as_microsecond().to_string(),
        c.day.to_string(),
        c.checkpoint.clone(),
        c.reason.clone().unwrap_or_default(),
    ]
}
