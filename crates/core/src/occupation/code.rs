//! Occupation codes of the national classifier NK RK 01-2017 (Ұлттық жіктеуіш): the ISCO-08
//! groups of one to four digits, and national fifth-level occupations written `2511-1`.

use serde::{Serialize, Serializer};
use std::fmt;

/// Why an occupation code was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CodeError {
    #[error("is empty")]
    Empty,
    #[error(
        "`{0}` is not an occupation code: expected 1–4 digits, or a 4-digit unit group and a national suffix such as `2511-1`"
    )]
    Malformed(String),
}

impl CodeError {
    /// The reason as a message code with the value it names.
    pub fn said(&self) -> crate::said::Said {
        use crate::said::Said;
        match self {
            CodeError::Empty => Said::new("up-why-empty", self.to_string()),
            CodeError::Malformed(v) => {
                Said::new("up-why-occupation-code", self.to_string()).text("value", v.clone())
            }
        }
    }
}

/// A classifier code: an ISCO-08 group (`2`, `25`, `251`, `2512`) or a national occupation
/// (`2512-1`). Small and `Copy`, so that millions of imported rows parse without allocating.
/// Ordered as the classifier lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct OccupationCode {
    /// The digits left-aligned to four places (`25` → 2500), so that order follows the classifier.
    scaled: u16,
    /// How many ISCO digits (1–4).
    len: u8,
    /// The national suffix, 0 for none.
    national: u16,
}

impl OccupationCode {
    /// Parses a code as written in data files and requests (surrounding spaces allowed).
    pub fn parse(text: &str) -> Result<Self, CodeError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(CodeError::Empty);
        }
        let malformed = || CodeError::Malformed(text.chars().take(40).collect());
        let (digits, national) = match text.split_once('-') {
            Some((unit, suffix)) => {
                if unit.len() != 4 || suffix.is_empty() || suffix.len() > 3 {
                    return Err(malformed());
                }
                if !suffix.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(malformed());
                }
                let n: u16 = suffix.parse().map_err(|_| malformed())?;
                if n == 0 {
                    return Err(malformed());
                }
                (unit, n)
            }
            None => (text, 0),
        };
        if digits.is_empty() || digits.len() > 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(malformed());
        }
        let mut scaled: u16 = 0;
        for b in digits.bytes() {
            scaled = scaled * 10 + u16::from(b - b'0');
        }
        for _ in digits.len()..4 {
            scaled *= 10;
        }
        Ok(OccupationCode { scaled, len: digits.len() as u8, national })
    }

    /// 1 major group, 2 sub-major, 3 minor, 4 unit group, 5 national occupation.
    pub fn level(&self) -> u8 {
        if self.national != 0 { 5 } else { self.len }
    }

    /// The ISCO-08 digits (without the national suffix).
    pub fn isco(&self) -> String {
        let four = format!("{:04}", self.scaled);
        four[..usize::from(self.len)].to_string()
    }

    /// The national suffix of a fifth-level occupation.
    pub fn national_suffix(&self) -> Option<u16> {
        (self.national != 0).then_some(self.national)
    }

    /// The unit group this code lies in (itself for a unit group), or `None` above level 4.
    pub fn unit_group(&self) -> Option<OccupationCode> {
        (self.len == 4).then_some(OccupationCode { national: 0, ..*self })
    }

    /// The group one level up, or `None` for a major group.
    pub fn parent(&self) -> Option<OccupationCode> {
        if self.national != 0 {
            return self.unit_group();
        }
        (self.len > 1).then(|| {
            let len = self.len - 1;
            let step = 10u16.pow(u32::from(4 - len));
            OccupationCode { scaled: self.scaled / step * step, len, national: 0 }
        })
    }

    /// Whether this code is `ancestor` or lies under it (`2512-1` lies under `25`).
    pub fn is_within(&self, ancestor: &OccupationCode) -> bool {
        if ancestor.national != 0 {
            return self == ancestor;
        }
        let step = 10u16.pow(u32::from(4 - ancestor.len));
        self.len >= ancestor.len && self.scaled / step == ancestor.scaled / step
    }

    /// The unit group's number (`2512` → 2512) for codes of level 4 and 5, for dense tables.
    pub fn unit_number(&self) -> Option<u16> {
        (self.len == 4).then_some(self.scaled)
    }

    /// The unit group with this number (0–9999).
    pub fn from_unit_number(n: u16) -> Option<OccupationCode> {
        (n < 10_000).then_some(OccupationCode { scaled: n, len: 4, national: 0 })
    }

    /// The major group's digit.
    pub fn major(&self) -> char {
        char::from(b'0' + (self.scaled / 1000) as u8)
    }
}

impl fmt::Display for OccupationCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let four = format!("{:04}", self.scaled);
        f.write_str(&four[..usize::from(self.len)])?;
        if self.national != 0 {
            write!(f, "-{}", self.national)?;
        }
        Ok(())
    }
}

impl std::str::FromStr for OccupationCode {
    type Err = CodeError;
    fn from_str(s: &str) -> Result<Self, CodeError> {
        OccupationCode::parse(s)
    }
}

impl Serialize for OccupationCode {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for OccupationCode {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        OccupationCode::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn code(s: &str) -> OccupationCode {
        OccupationCode::parse(s).unwrap()
    }

    #[test]
    fn levels_and_ancestry() {
        assert_eq!(code("2").level(), 1);
        assert_eq!(code("2512").level(), 4);
        assert_eq!(code(" 2511-1 ").level(), 5);
        assert_eq!(code("2511-1").to_string(), "2511-1");
        assert_eq!(code("2511-1").parent(), Some(code("2511")));
        assert_eq!(code("251").parent(), Some(code("25")));
        assert_eq!(code("2").parent(), None);
        assert!(code("2511-1").is_within(&code("25")));
        assert!(code("2511").is_within(&code("2511")));
        assert!(!code("2611").is_within(&code("25")));
        assert!(!code("2511").is_within(&code("2511-1")));
        assert_eq!(code("0110").major(), '0');
    }

    #[test]
    fn refusals() {
        for bad in
            ["", " ", "25120", "251-1", "2512-", "2512-0", "2512-1a", "2512-1234", "25x2", "-1", "٢٥١٢"]
        {
            assert!(OccupationCode::parse(bad).is_err(), "{bad:?} was accepted");
        }
    }

    proptest! {
        #[test]
        fn display_parses_back(digits in "[0-9]{1,4}", suffix in proptest::option::of(1u16..1000)) {
            let text = match (digits.len(), suffix) {
                (4, Some(n)) => format!("{digits}-{n}"),
                _ => digits.clone(),
            };
            let parsed = OccupationCode::parse(&text).unwrap();
            prop_assert_eq!(parsed.to_string(), text);
        }

        #[test]
        fn never_panics(text in "\\PC{0,12}") {
            let _ = OccupationCode::parse(&text);
        }
    }
}
