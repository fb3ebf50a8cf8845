//! The one import pipeline, generic over what a file holds: labour sources, exchange rates and
//! register files (and the next import anyone adds) are read, checked, batched, written in one
//! transaction or staged, refused or set aside, counted, recorded and audited the same way.
//! - `input`: a CSV or XLSX source, streaming, with its SHA-256 and progress;
//! - `read`: the header resolved and every row checked by the import's [`Check`];
//! - `run`: batches to the import's [`Target`], all or nothing, then [`record_done`];
//! - `outcome`: bad rows as `file:row:column: reason`, the sink, the errors.
//!
//! A new import writes a `Check` (its columns and row rules) and a `Target` (where its rows go).

pub mod history;
pub mod input;
pub mod outcome;
pub mod progress;
pub mod read;
pub mod run;
pub mod workbook;

pub use input::{Input, InputError};
pub use outcome::{BatchError, ImportError, ImportSink, Quiet, REPORTED_ERRORS, RowError, STORED_REJECTS};
pub use progress::Progress;
pub use read::{Check, Reading};
pub use run::{Ended, Plan, Ran, Refusal, Tally, Target, keep_reject, open_record, record_done, run};
