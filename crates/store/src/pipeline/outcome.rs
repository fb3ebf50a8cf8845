//! What every import tells: its bad rows (`file:row:column: reason`), its progress and its
//! counts, and why one could not run at all.

use super::input::InputError;
use super::progress::Progress;
use crate::error::StoreError;
use ashyq_core::said::Said;
use serde::{Deserialize, Serialize};

/// The most bad rows kept in memory for the report; all of them still reach the sink.
pub const REPORTED_ERRORS: usize = 1_000;
/// The most rejected rows stored in `import_rejects` by one import.
pub const STORED_REJECTS: u64 = 100_000;
/// One bad row (or the header), as `file:row:column: reason`. Serialised with the reason's
/// English as `reason`, its message code as `code` and its arguments as `args`, so that a page
/// can say it in its reader's language (the rejects kept in `import_rejects` too).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowError {
    pub row: u64,
    pub column: Option<String>,
    #[serde(with = "said_flat", flatten)]
    pub reason: Said,
}

/// A [`Said`] as the members `reason` (its English), `code` and `args` of a row's error.
pub(crate) mod said_flat {
    use ashyq_core::said::{Said, Value};
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    #[derive(Serialize, Deserialize)]
    struct Flat {
        reason: String,
        #[serde(default)]
        code: String,
        #[serde(default)]
        args: Vec<(String, Value)>,
    }

    pub fn serialize<S: Serializer>(said: &Said, s: S) -> Result<S::Ok, S::Error> {
        Flat { reason: said.english.clone(), code: said.code.clone(), args: said.args.clone() }.serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Said, D::Error> {
        let f = Flat::deserialize(d)?;
        Ok(Said { code: f.code, args: f.args, english: f.reason })
    }
}

impl RowError {
    /// A bad row's error.
    pub fn new(row: u64, column: Option<&str>, reason: Said) -> RowError {
        RowError { row, column: column.map(str::to_string), reason }
    }

    pub fn display(&self, file: &str) -> String {
        match &self.column {
            Some(c) => format!("{file}:{}:{c}: {}", self.row, self.reason),
            None => format!("{file}:{}: {}", self.row, self.reason),
        }
    }
}

/// Told of progress and of every rejected row as the import goes.
pub trait ImportSink: Send {
    /// How far the file is read (a CSV's bytes, a sheet's rows), and the data rows read so far.
    fn progress(&mut self, _progress: Progress, _rows: u64) {}
    /// A bad row with its reasons and its fields as read.
    fn rejected(&mut self, _row: u64, _errors: &[RowError], _raw: &[String]) {}
    /// Rows published so far of those staged (SQLite publishes a checked import in slices).
    fn published(&mut self, _rows: u64, _of: u64) {}
}

/// A sink that wants nothing.
pub struct Quiet;
impl ImportSink for Quiet {}

/// Why an import could not run at all.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{file}: {source}")]
    Input { file: String, source: InputError },
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for ImportError {
    fn from(e: sqlx::Error) -> Self {
        ImportError::Store(StoreError::Database(e))
    }
}

/// A batch refused: rows that conflict with each other or with what is stored, or a store that
/// failed.
#[derive(Debug)]
pub enum BatchError {
    Conflicts(Vec<RowError>),
    Store(StoreError),
}

impl From<StoreError> for BatchError {
    fn from(e: StoreError) -> Self {
        BatchError::Store(e)
    }
}

impl From<sqlx::Error> for BatchError {
    fn from(e: sqlx::Error) -> Self {
        BatchError::Store(StoreError::Database(e))
    }
}
