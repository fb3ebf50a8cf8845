//! The official exchange rates in the database: importing a rates file (`import`), and reading
//! them back as the pure [`RateTable`] the rules look rates up in, or as a summary per currency.

mod check;
mod import;

pub use import::{RatesReport, RatesRequest, import};

use crate::db::Db;
use crate::error::StoreError;
use ashyq_core::rates::{Currency, Rate, RateTable};
use jiff::civil::Date;
use rust_decimal::Decimal;
use serde::Serialize;
use sqlx::Row;

/// The rates of one currency that the database holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CurrencySummary {
    pub currency: Currency,
    /// The first and the last date with a rate.
    pub first: Date,
    pub last: Date,
    /// How many dates have a rate.
    pub count: u64,
}

/// Every stored rate, as a table (it is small: a rate per currency per working day).
pub async fn table(db: &Db) -> Result<RateTable, StoreError> {
    let rows = sqlx::query("SELECT currency, date, kzt_per_unit FROM exchange_rates ORDER BY currency, date")
        .fetch_all(&db.pool)
        .await?;
    let mut rates = Vec::with_capacity(rows.len());
    for r in &rows {
        let currency: String = r.try_get("currency")?;
        let date: String = r.try_get("date")?;
        let value: String = r.try_get("kzt_per_unit")?;
        rates.push(Rate {
            currency: stored_currency(&currency)?,
            date: stored_date(&date)?,
            kzt_per_unit: stored_decimal(&value)?,
        });
    }
    RateTable::new(rates).map_err(|e| StoreError::Corrupt(format!("exchange_rates: {e}")))
}

/// Per currency: the first and last dates with a rate and how many there are, by code.
pub async fn summary(db: &Db) -> Result<Vec<CurrencySummary>, StoreError> {
    let rows = sqlx::query(
        "SELECT currency, MIN(date) AS first, MAX(date) AS last, COUNT(*) AS n FROM exchange_rates \
         GROUP BY currency ORDER BY currency",
    )
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            let currency: String = r.try_get("currency")?;
            let first: String = r.try_get("first")?;
            let last: String = r.try_get("last")?;
            let n: i64 = r.try_get("n")?;
            Ok(CurrencySummary {
                currency: stored_currency(&currency)?,
                first: stored_date(&first)?,
                last: stored_date(&last)?,
                count: u64::try_from(n).unwrap_or(0),
            })
        })
        .collect()
}

pub(crate) fn stored_currency(text: &str) -> Result<Currency, StoreError> {
    Currency::parse(text).map_err(|e| StoreError::Corrupt(format!("exchange_rates.currency: {e}")))
}

pub(crate) fn stored_date(text: &str) -> Result<Date, StoreError> {
    text.parse().map_err(|e| StoreError::Corrupt(format!("exchange_rates.date {text:?}: {e}")))
}

pub(crate) fn stored_decimal(text: &str) -> Result<Decimal, StoreError> {
    Decimal::from_str_exact(text)
        .map_err(|e| StoreError::Corrupt(format!("exchange_rates.kzt_per_unit {text:?}: {e}")))
}
