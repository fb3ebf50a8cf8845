//! A currency, by its ISO 4217 alphabetic code (`USD`, `EUR`, `KZT` — the tenge, теңге).

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// A 3-letter upper-case ISO 4217 code. Any three ASCII letters are accepted (the list of codes
/// changes; the rates table says which currencies have rates).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Currency([u8; 3]);

/// Text that is not a 3-letter currency code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{text}` is not a currency: expected a 3-letter ISO 4217 code such as USD")]
pub struct CurrencyError {
    pub text: String,
}

impl Currency {
    /// The tenge: every official rate is tenge per unit of another currency.
    pub const KZT: Currency = Currency(*b"KZT");
    /// The US dollar, in which the investor visa's thresholds are set.
    pub const USD: Currency = Currency(*b"USD");

    /// Reads a code; lower case is accepted and upper-cased, surrounding spaces are ignored.
    pub fn parse(text: &str) -> Result<Currency, CurrencyError> {
        let trimmed = text.trim();
        match trimmed.as_bytes() {
            &[a, b, c] if [a, b, c].iter().all(u8::is_ascii_alphabetic) => {
                Ok(Currency([a.to_ascii_uppercase(), b.to_ascii_uppercase(), c.to_ascii_uppercase()]))
            }
            _ => Err(CurrencyError { text: trimmed.chars().take(40).collect() }),
        }
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
        for bad in ["", "US", "USDT", "U$D", "840", "ДОЛ", "U D"] {
            assert!(Currency::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(
            Currency::parse("us").unwrap_err().to_string(),
            "`us` is not a currency: expected a 3-letter ISO 4217 code such as USD"
        );
    }

    #[test]
    fn serialised_as_the_code() {
        assert_eq!(serde_json::to_string(&Currency::USD).unwrap(), "\"USD\"");
        assert_eq!(serde_json::from_str::<Currency>("\"cny\"").unwrap().as_str(), "CNY");
        assert!(serde_json::from_str::<Currency>("\"yuan\"").is_err());
    }
}
