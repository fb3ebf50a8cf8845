//! The labour-market data behind the list: importing the three sources (through the one import
//! pipeline, crate::pipeline), previewing an upload, and reading them back for the indicators.

pub mod import;
pub mod preview;
pub mod read;
mod tables;

pub use import::{ImportReport, ImportRequest, import};
pub use tables::as_in_file;
