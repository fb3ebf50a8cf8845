//! A currency, by its ISO 4217 alphabetic code (`USD`, `EUR`, `KZT` — the tenge, теңге). The
//! codes in use are reference data in `data/currencies.csv` (from Debian's iso-codes), compiled in.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;
use std::sync::OnceLock;

const CURRENCIES_CSV: &str = include_str!("../../../../data/currencies.csv");

/// The ISO 4217 codes of `data/currencies.csv`, sorted.
fn codes() -> &'static [[u8; 3]] {
    static CODES: OnceLock<Vec<[u8; 3]>> = OnceLock::new();
    CODES.get_or_init(|| {
        let mut codes: Vec<[u8; 3]> = CURRENCIES_CSV
            .lines()
            .skip(1)
            .filter_map(|line| line.split(',').next()?.as_bytes().try_into().ok())
            .collect();
        codes.sort_unstable();
        codes
    })
}

/// A 3-letter upper-case ISO 4217 code in use (`data/currencies.csv`; the rates table says
/// which currencies have rates).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Currency([u8; 3]);

/// Text that is not a 3-letter currency code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{text}` is not a currency: expected an ISO 4217 code such as USD")]
pub struct CurrencyError {
    pub text: String,
}

impl Currency {
    /// The tenge: every official rate is tenge per unit of another currency.
    pub const KZT: Currency = Currency(*b"KZT");
    /// The US dollar, in which the investor visa's thresholds are set.
    pub const USD: Currency = Currency(*b"USD");

    /// Reads a code; lower case is accepted and upper-cased, surrounding spaces are ignored.
    /// Three letters that are not a code in use (`XYZ`, `EUA`) are no currency either.
    pub fn parse(text: &str) -> Result<Currency, CurrencyError> {
        let trimmed = text.trim();
        if let &[a, b, c] = trimmed.as_bytes() {
            let code = [a.to_ascii_uppercase(), b.to_ascii_uppercase(), c.to_ascii_uppercase()];
            if codes().binary_search(&code).is_ok() {
                return Ok(Currency(code));
            }
        }
        Err(CurrencyError { text: trimmed.chars().take(40).collect() })
    }

    pub fn as_str(&self) -> &str {
        // Always three ASCII letters, so always UTF-8.
        std::str::from_utf8(&self.0).unwrap_or("???")
    }

    pub fn is_kzt(&self) -> bool {
        *self == Currency::KZT
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Currency({})", self.as_str())
    }
}

impl FromStr for Currency {
    type Err = CurrencyError;
    fn from_str(s: &str) -> Result<Currency, CurrencyError> {
        Currency::parse(s)
    }
}

impl Serialize for Currency {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Currency {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Currency, D::Error> {
        let text = String::deserialize(d)?;
        Currency::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_three_letters_upper_cased() {
        assert_eq!(Currency::parse("usd"), Ok(Currency::USD));
        assert_eq!(Currency::parse(" Kzt ").map(|c| c.is_kzt()), Ok(true));
        assert_eq!(Currency::parse("EUR").map(|c| c.to_string()), Ok("EUR".into()));
        for bad in ["", "US", "USDT", "U$D", "840", "ДОЛ", "U D", "XYZ", "EUA", "usa"] {
            assert!(Currency::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(
            Currency::parse("us").unwrap_err().to_string(),
            "`us` is not a currency: expected an ISO 4217 code such as USD"
        );
    }

    #[test]
    fn the_codes_in_use_are_known() {
        assert!(codes().len() > 150, "{} codes", codes().len());
        for code in ["KZT", "USD", "EUR", "RUB", "CNY", "UZS", "KGS", "TRY", "GBP", "XDR"] {
            assert!(Currency::parse(code).is_ok(), "{code}");
        }
    }

    #[test]
    fn serialised_as_the_code() {
        assert_eq!(serde_json::to_string(&Currency::USD).unwrap(), "\"USD\"");
        assert_eq!(serde_json::from_str::<Currency>("\"cny\"").unwrap().as_str(), "CNY");
        assert!(serde_json::from_str::<Currency>("\"yuan\"").is_err());
    }
}
