//! The unified register of migrants' movements (issue 5; docs/register.md): persons and their
//! documents, border crossings, registrations at the place of stay and of migrant workers, visas
//! and permits; imports and API batches keyed by the client's ids; each person's lawful-stay
//! status, the overstay scan, officers' alerts, analysts' figures, and officers' merges.

pub mod bulk;
pub mod checked;
pub mod days;
pub mod import;
pub mod merge;
pub mod partitions;
pub mod person;
pub mod rows;
pub mod scan;
pub(crate) mod sql;
pub mod staged;
pub mod stats;
pub mod write;

pub use import::{RegisterReport, import, store_batch};
pub use rows::{Record, RegisterFile};
