//! Official exchange rates: the tenge rates the National Bank of Kazakhstan (NBK) sets for each
//! working day, read from an imported table — never from the network — and the rate in force on
//! a date, for rules that convert amounts (the investor visa counts investments in US dollars at
//! the NBK's rate on the investment date).

mod currency;
mod row;
mod table;

pub use currency::{Currency, CurrencyError};
pub use row::{OPTIONAL_COLUMNS, REQUIRED_COLUMNS, Rate, RateColumns, read};
pub use table::{ConflictingRate, Converted, MAX_GAP_DAYS, OfficialRate, RateError, RateTable};

#[cfg(test)]
mod tests;
