//! A sentence for a person, to be said later in their language: a stable code (the key of its
//! message in the Fluent files), its typed arguments (a date, a count, a region, money…), and
//! the English the API, the CLI and the log print. The pages render the code with the page's
//! language and format each argument the page's way; nothing matches on the English.

use jiff::civil::Date;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::fmt;

/// An argument of a [`Said`], typed so that each language formats it its own way.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum Value {
    /// Text shown as written (a value quoted from a file, a name, a reference).
    Text(String),
    /// A whole number (a count, a limit, a row).
    Count(i64),
    /// A decimal number.
    Number(Decimal),
    /// An amount of money in a currency (ISO 4217).
    Money(Decimal, String),
    Date(Date),
    /// A region of Kazakhstan by its code (`KZ-75`), said by its name.
    Region(String),
    /// A country by its ISO 3166-1 alpha-3 code, said by its name.
    Country(String),
    /// The key of a word in the Fluent files (a state, a programme, a field), said in words.
    Word(String),
}

impl fmt::Display for Value {
    /// The value as the English text writes it (ISO dates, codes as they are).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Text(t) | Value::Region(t) | Value::Country(t) | Value::Word(t) => f.write_str(t),
            Value::Count(n) => write!(f, "{n}"),
            Value::Number(d) => write!(f, "{d}"),
            Value::Money(d, c) => write!(f, "{d} {c}"),
            Value::Date(d) => write!(f, "{d}"),
        }
    }
}

/// A message by its code with typed arguments, and its English.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Said {
    /// The Fluent message's key (`import-date`, `case-state`).
    pub code: String,
    pub args: Vec<(String, Value)>,
    /// The same in English, for the API's `detail`, the CLI and the log.
    pub english: String,
}

impl Said {
    pub fn new(code: &str, english: impl Into<String>) -> Said {
        Said { code: code.to_string(), args: Vec::new(), english: english.into() }
    }

    /// With one more argument.
    pub fn with(mut self, name: &str, value: Value) -> Said {
        self.args.push((name.to_string(), value));
        self
    }

    pub fn text(self, name: &str, value: impl Into<String>) -> Said {
        self.with(name, Value::Text(value.into()))
    }

    pub fn count(self, name: &str, value: impl TryInto<i64>) -> Said {
        let n = value.try_into().unwrap_or(i64::MAX);
        self.with(name, Value::Count(n))
    }

    pub fn date(self, name: &str, value: Date) -> Said {
        self.with(name, Value::Date(value))
    }

    pub fn region(self, name: &str, code: impl Into<String>) -> Said {
        self.with(name, Value::Region(code.into()))
    }

    pub fn country(self, name: &str, alpha3: impl Into<String>) -> Said {
        self.with(name, Value::Country(alpha3.into()))
    }

    pub fn word(self, name: &str, key: impl Into<String>) -> Said {
        self.with(name, Value::Word(key.into()))
    }

    /// The argument `name`, if given.
    pub fn arg(&self, name: &str) -> Option<&Value> {
        self.args.iter().find(|(n, _)| n == name).map(|(_, v)| v)
    }
}

/// Serialises a [`Said`] as its English alone (where a JSON member was a plain text).
pub fn as_english<S: serde::Serializer>(said: &Said, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&said.english)
}

impl fmt::Display for Said {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.english)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_its_code_arguments_and_english_through_json() {
        let said = Said::new("import-before", "2025-02-01 is before posted_on 2025-03-01")
            .date("date", Date::constant(2025, 2, 1))
            .word("other", "posted_on")
            .count("row", 7u64)
            .region("region", "KZ-75");
        let json = serde_json::to_string(&said).unwrap();
        let back: Said = serde_json::from_str(&json).unwrap();
        assert_eq!(back, said);
        assert_eq!(back.to_string(), "2025-02-01 is before posted_on 2025-03-01");
        assert_eq!(back.arg("date"), Some(&Value::Date(Date::constant(2025, 2, 1))));
        assert_eq!(back.arg("row").map(ToString::to_string).as_deref(), Some("7"));
        assert_eq!(back.arg("nothing"), None);
    }
}
