//! The labour-market data behind the list: importing the three sources, and reading them back
//! for the indicators.

pub mod import;
pub mod input;
pub mod preview;
pub mod progress;
pub mod read;
mod tables;
pub mod workbook;

pub use import::{ImportError, ImportReport, ImportRequest, ImportSink, RowError, import};
pub use input::Input;
pub use progress::Progress;
pub use tables::as_in_file;
