//! Money in tenge, kept as a whole number of tiyn (1 tenge = 100 tiyn): exact sums, exact conversion to and from decimals.
//!
//! [`Tenge`] is what the store keeps in its `*_tiyn` columns and what its types carry. Sums
//! and differences are checked (an overflow is `None`, never a wrapped number). A decimal
//! becomes tenge exactly ([`Tenge::exact`], refused with digits below the tiyn) or rounded to
//! the tiyn, half away from zero ([`Tenge::rounded`]); tenge always become a decimal exactly.
//! Written and serialised as a decimal string of tenge: `2768000`, `1234.5`, `-0.05`.

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// An amount of Kazakhstan tenge (ISO 4217 `KZT`), as whole tiyn.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Tenge(i64);

/// Why a number is not an amount of tenge.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    #[error("{0} has digits below the tiyn (at most two decimals)")]
    BelowTiyn(String),
    #[error("{0} is out of the range of amounts")]
    OutOfRange(String),
    #[error("{0:?} is not an amount of tenge")]
    NotANumber(String),
}

impl Tenge {
    /// The currency's ISO 4217 code.
    pub const CODE: &'static str = "KZT";
    pub const ZERO: Tenge = Tenge(0);

    /// An amount of `tiyn` hundredths of a tenge.
    pub const fn from_tiyn(tiyn: i64) -> Tenge {
        Tenge(tiyn)
    }

    /// `tenge` whole tenge; `None` past the range.
    pub const fn from_whole(tenge: i64) -> Option<Tenge> {
        match tenge.checked_mul(100) {
            Some(t) => Some(Tenge(t)),
            None => None,
        }
    }

    /// The amount in tiyn: what a `*_tiyn` column holds.
    pub const fn tiyn(self) -> i64 {
        self.0
    }

    /// The amount in whole tenge, if it has no tiyn.
    pub const fn whole(self) -> Option<i64> {
        if self.0 % 100 == 0 { Some(self.0 / 100) } else { None }
    }

    /// The amount as a decimal of tenge, exactly, without trailing zeros (`1234.5`, `2768000`).
    pub fn to_decimal(self) -> Decimal {
        Decimal::new(self.0, 2).normalize()
    }

    /// A decimal of tenge with at most two decimals (trailing zeros do not count), exactly.
    pub fn exact(d: Decimal) -> Result<Tenge, MoneyError> {
        let n = d.normalize();
        if n.scale() > 2 {
            return Err(MoneyError::BelowTiyn(d.to_string()));
        }
        Self::of_tiyn_decimal(d, n.checked_mul(Decimal::ONE_HUNDRED))
    }

    /// A decimal of tenge rounded to the tiyn, half away from zero (`0.005` → `0.01`,
    /// `-0.005` → `-0.01`, `0.0049` → `0.00`).
    pub fn rounded(d: Decimal) -> Result<Tenge, MoneyError> {
        let r = d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
        Self::of_tiyn_decimal(d, r.checked_mul(Decimal::ONE_HUNDRED))
    }

    fn of_tiyn_decimal(original: Decimal, tiyn: Option<Decimal>) -> Result<Tenge, MoneyError> {
        tiyn.filter(|t| t.fract().is_zero())
            .and_then(|t| rust_decimal::prelude::ToPrimitive::to_i64(&t))
            .map(Tenge)
            .ok_or_else(|| MoneyError::OutOfRange(original.to_string()))
    }

    pub fn checked_add(self, other: Tenge) -> Option<Tenge> {
        self.0.checked_add(other.0).map(Tenge)
    }

    pub fn checked_sub(self, other: Tenge) -> Option<Tenge> {
        self.0.checked_sub(other.0).map(Tenge)
    }

    /// The amount `n` times (a monthly sum over months, a sum per member over a family).
    pub fn checked_mul(self, n: i64) -> Option<Tenge> {
        self.0.checked_mul(n).map(Tenge)
    }

    /// The sum of `amounts`; `None` past the range.
    pub fn checked_sum(amounts: impl IntoIterator<Item = Tenge>) -> Option<Tenge> {
        amounts.into_iter().try_fold(Tenge::ZERO, Tenge::checked_add)
    }

    pub const fn is_negative(self) -> bool {
        self.0 < 0
    }
}

/// The amount as a decimal of tenge without trailing zeros: `2768000`, `1234.5`, `-0.05`
/// (what the store's decimal text held; people read money through `locale::money`).
impl fmt::Display for Tenge {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.to_decimal(), f)
    }
}

/// A decimal of tenge, exactly (`6000000`, `6000000.00`, `12.5`); digits below the tiyn are
/// refused.
impl FromStr for Tenge {
    type Err = MoneyError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let d = Decimal::from_str_exact(s.trim()).map_err(|_| MoneyError::NotANumber(s.to_string()))?;
        Tenge::exact(d)
    }
}

impl Serialize for Tenge {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A decimal string of tenge, or a JSON integer of whole tenge.
impl<'de> Deserialize<'de> for Tenge {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Written {
            Text(String),
            Whole(i64),
        }
        match Written::deserialize(d)? {
            Written::Text(s) => s.parse().map_err(serde::de::Error::custom),
            Written::Whole(n) => Tenge::from_whole(n)
                .ok_or_else(|| serde::de::Error::custom(MoneyError::OutOfRange(n.to_string()))),
        }
    }
}

#[cfg(test)]
mod tests;
