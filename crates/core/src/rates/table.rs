//! The rates table and the official rate in force on a date: the rate the NBK set for that day,
//! or else the latest it set before (rates are set on working days; on weekends and holidays the
//! last one applies), and conversions between currencies through the tenge.

use super::currency::Currency;
use super::row::Rate;
use jiff::civil::Date;
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::BTreeMap;

/// How many days before a date the latest rate may be and still be taken as in force on it.
///
/// This is a guard against incomplete data, not a number of the law: the NBK sets a rate every
/// working day, and the longest run of days off in Kazakhstan (the New Year and Nauryz holidays
/// with their weekends) is well under ten days. A latest rate older than that means the rates
/// of the period were not imported, and answering with a stale rate would be wrong silently.
pub const MAX_GAP_DAYS: i64 = 10;

/// The official rate in force on a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct OfficialRate {
    pub currency: Currency,
    /// The date the rate was set for (the date asked, or the working day before it).
    pub date: Date,
    /// Tenge per one unit of `currency`.
    pub kzt_per_unit: Decimal,
}

/// An amount converted at the official rates of a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Converted {
    pub amount: Decimal,
    pub from: Currency,
    pub to: Currency,
    /// The date whose rates were asked for.
    pub on: Date,
    /// `amount × from_rate / to_rate`, unrounded.
    pub result: Decimal,
    pub from_rate: OfficialRate,
    pub to_rate: OfficialRate,
}

/// Why no rate (or no conversion) can be given.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RateError {
    /// No rate of the currency set on the date or in the [`MAX_GAP_DAYS`] before it.
    #[error("{}", describe_missing(*currency, *on, *latest_before, *imported))]
    NotInForce {
        currency: Currency,
        on: Date,
        /// The latest rate of the currency set before `on`, if any (older than the guard allows).
        latest_before: Option<Date>,
        /// Whether the table has any rate of the currency at all.
        imported: bool,
    },
    /// The result is beyond what exact decimal arithmetic holds (about 7.9 × 10²⁸).
    #[error("{amount} {from} in {to} is too large to compute exactly")]
    Overflow { amount: Decimal, from: Currency, to: Currency },
}

fn describe_missing(currency: Currency, on: Date, latest_before: Option<Date>, imported: bool) -> String {
    let why = match (latest_before, imported) {
        (Some(d), _) => format!("the latest before it is for {d}; import the rates for that period"),
        (None, true) => format!(
            "no {currency} rate is imported for that date or before it; import the rates for that period"
        ),
        (None, false) => {
            format!("no {currency} rates are imported; import the National Bank's rates for {currency}")
        }
    };
    format!("no official {currency} rate in force on {on} ({why})")
}

/// Two different rates of a currency for the same date.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{currency} has two rates for {date}: {first} and {second}")]
pub struct ConflictingRate {
    pub currency: Currency,
    pub date: Date,
    pub first: Decimal,
    pub second: Decimal,
}

/// The official rates of every currency, by date.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RateTable {
    rates: BTreeMap<Currency, BTreeMap<Date, Decimal>>,
}

impl RateTable {
    /// A table of `rates`, in any order. The same rate given twice is kept once; two different
    /// rates of a currency for one date are refused.
    pub fn new(rates: impl IntoIterator<Item = Rate>) -> Result<RateTable, ConflictingRate> {
        let mut table = RateTable::default();
        for r in rates {
            let by_date = table.rates.entry(r.currency).or_default();
            match by_date.insert(r.date, r.kzt_per_unit) {
                Some(first) if first != r.kzt_per_unit => {
                    return Err(ConflictingRate {
                        currency: r.currency,
                        date: r.date,
                        first,
                        second: r.kzt_per_unit,
                    });
                }
                _ => {}
            }
        }
        Ok(table)
    }

    /// How many rates the table holds.
    pub fn len(&self) -> usize {
        self.rates.values().map(BTreeMap::len).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The currencies with rates, in code order.
    pub fn currencies(&self) -> impl Iterator<Item = Currency> + '_ {
        self.rates.keys().copied()
    }

    /// The official rate of `currency` in force on `on`: the rate set for `on`, or else the
    /// latest set before it but no more than [`MAX_GAP_DAYS`] before. The tenge's is 1, dated `on`.
    pub fn official(&self, currency: &Currency, on: Date) -> Result<OfficialRate, RateError> {
        if currency.is_kzt() {
            return Ok(OfficialRate { currency: Currency::KZT, date: on, kzt_per_unit: Decimal::ONE });
        }
        let by_date = self.rates.get(currency);
        let latest = by_date.and_then(|d| d.range(..=on).next_back());
        let earliest = on.saturating_sub(jiff::Span::new().days(MAX_GAP_DAYS));
        match latest {
            Some((&date, &kzt_per_unit)) if date >= earliest => {
                Ok(OfficialRate { currency: *currency, date, kzt_per_unit })
            }
            _ => Err(RateError::NotInForce {
                currency: *currency,
                on,
                latest_before: latest.map(|(d, _)| *d),
                imported: by_date.is_some_and(|d| !d.is_empty()),
            }),
        }
    }

    /// `amount` of `from` in `to` at the official rates in force on `on`, through the tenge:
    /// `amount × from_rate / to_rate`. Exact decimal arithmetic: the one multiplication is exact,
    /// and so is the division whenever its quotient has at most 28 significant digits (otherwise
    /// it keeps 28). Nothing is rounded to tiyn or cents: that is the caller's, for display.
    /// The same currency on both sides still needs its rate in force, so that every conversion
    /// states the rates it stands on.
    pub fn convert(
        &self,
        amount: Decimal,
        from: &Currency,
        to: &Currency,
        on: Date,
    ) -> Result<Converted, RateError> {
        let from_rate = self.official(from, on)?;
        let to_rate = self.official(to, on)?;
        let result = amount
            .checked_mul(from_rate.kzt_per_unit)
            .and_then(|kzt| kzt.checked_div(to_rate.kzt_per_unit))
            .ok_or(RateError::Overflow { amount, from: *from, to: *to })?;
        Ok(Converted { amount, from: *from, to: *to, on, result: result.normalize(), from_rate, to_rate })
    }
}
