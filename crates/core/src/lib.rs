//! The pure domain of ashyq: the words of the law and the arithmetic over them.
//!
//! Everything here is a plain function over plain data. This crate must not do I/O, must not
//! read the clock, must not be async and must not know about databases or HTTP: the shells
//! (`ashyq-store`, `ashyq-server`, the `ashyq` binary) pass in whatever the outside world says,
//! including "now".

pub mod abroad;
pub mod account;
pub mod audit;
pub mod cases;
pub mod checkpoint;
pub mod country;
pub mod ids;
pub mod iin;
pub mod kandas;
pub mod labour;
pub mod locale;
pub mod money;
pub mod month;
pub mod mrz;
pub mod nfc;
pub mod occupation;
pub mod outbox;
pub mod paryz;
pub mod policy;
pub mod rates;
pub mod region;
pub mod register;
pub mod role;
pub mod rules;
pub mod said;
pub mod sex;
pub mod spreadsheet;
pub mod stay;
pub mod text;
pub mod zone;

pub use region::Region;
pub use role::Role;
