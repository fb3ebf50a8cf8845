//! Kazakhstan's 12-digit identifiers: the IIN of a person and the BIN of an organisation
//! (жеке сәйкестендіру нөмірі / бизнес-сәйкестендіру нөмірі).
//!
//! Both end in a check digit computed the same way: Σ dᵢ·i (i = 1…11) mod 11; if that is 10,
//! a second pass with the weights 3,4,5,6,7,8,9,10,11,1,2; if that is still 10 the number is
//! invalid (no such number is ever issued).

use std::fmt;

/// Why a 12-digit identifier was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IdError {
    #[error("must be 12 digits, got {0} characters")]
    Length(usize),
    #[error("must contain digits only")]
    NotDigits,
    #[error("check digit is {found}, expected {expected}")]
    CheckDigit { found: u8, expected: u8 },
    #[error("no valid check digit exists for these first 11 digits")]
    Uncheckable,
    #[error("7th digit is {0}: only 1 to 6 give a century and a sex")]
    CenturyDigit(u8),
    #[error("birth date (digits 1 to 6) {0} is not a calendar date")]
    BirthDate(String),
}

impl IdError {
    /// The refusal in words: its code and typed arguments (see [`crate::said`]).
    pub fn said(&self) -> crate::said::Said {
        use crate::said::Said;
        let english = self.to_string();
        match self {
            IdError::Length(n) => Said::new("field-id-length", english).count("count", *n as i64),
            IdError::NotDigits => Said::new("field-id-digits", english),
            IdError::CheckDigit { found, expected } => {
                Said::new("field-id-check-digit", english).count("found", *found).count("expected", *expected)
            }
            IdError::Uncheckable => Said::new("field-id-uncheckable", english),
            IdError::CenturyDigit(d) => Said::new("field-id-century", english).count("digit", i64::from(*d)),
            IdError::BirthDate(t) => Said::new("field-id-birth-date", english).text("value", t),
        }
    }
}

/// The check digit for the first eleven digits, or `None` when both passes give 10.
pub fn check_digit(first11: &[u8; 11]) -> Option<u8> {
    let pass =
        |weights: [u32; 11]| first11.iter().zip(weights).map(|(&d, w)| u32::from(d) * w).sum::<u32>() % 11;
    let first = pass([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    if first != 10 {
        return u8::try_from(first).ok();
    }
    let second = pass([3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]);
    if second != 10 { u8::try_from(second).ok() } else { None }
}

/// Checks the form and the check digit of a 12-digit identifier; returns its digits.
pub fn check_12(text: &str) -> Result<[u8; 12], IdError> {
    let bytes = text.as_bytes();
    if bytes.len() != 12 {
        return Err(IdError::Length(text.chars().count()));
    }
    let mut digits = [0u8; 12];
    for (slot, &b) in digits.iter_mut().zip(bytes) {
        if !b.is_ascii_digit() {
            return Err(IdError::NotDigits);
        }
        *slot = b - b'0';
    }
    let mut first11 = [0u8; 11];
    first11.copy_from_slice(&digits[..11]);
    let expected = check_digit(&first11).ok_or(IdError::Uncheckable)?;
    if digits[11] != expected {
        return Err(IdError::CheckDigit { found: digits[11], expected });
    }
    Ok(digits)
}

/// A business identification number (BIN) whose check digit is right.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Bin(String);

impl Bin {
    pub fn parse(text: &str) -> Result<Bin, IdError> {
        let text = text.trim();
        check_12(text)?;
        Ok(Bin(text.to_string()))
    }

    /// Completes eleven digits with their check digit, if one exists (for generators and tests).
    pub fn complete(first11: &[u8; 11]) -> Option<Bin> {
        let check = check_digit(first11)?;
        let text: String = first11.iter().chain([&check]).map(|d| char::from(b'0' + d)).collect();
        Some(Bin(text))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Bin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn known_numbers() {
        // Worked by hand: 1·0+2·0+3·0+4·1+5·0+6·1+7·5+8·0+9·0+10·0+11·1 = 56; 56 mod 11 = 1.
        assert_eq!(check_12("000101500011"), Ok(*b"000101500011").map(|b| b.map(|c| c - b'0')));
        assert_eq!(check_12("000101500012"), Err(IdError::CheckDigit { found: 2, expected: 1 }));
        assert_eq!(check_12("00010150001"), Err(IdError::Length(11)));
        assert_eq!(check_12("00010150001x"), Err(IdError::NotDigits));
    }

    #[test]
    fn second_pass_is_used_when_the_first_gives_ten() {
        // First pass: 10·1 = 10 → second pass: weight of position 10 is 1 → 1.
        let first11 = [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0];
        assert_eq!(check_digit(&first11), Some(1));
    }

    fn first_pass(d: &[u8]) -> u32 {
        d.iter().zip(1u32..).map(|(&d, w)| u32::from(d) * w).sum::<u32>() % 11
    }

    proptest! {
        #[test]
        fn completed_numbers_check(first11 in proptest::array::uniform11(0u8..10)) {
            match Bin::complete(&first11) {
                Some(bin) => prop_assert!(Bin::parse(bin.as_str()).is_ok()),
                None => prop_assert_eq!(check_digit(&first11), None),
            }
        }

        #[test]
        fn a_changed_digit_is_caught(
            first11 in proptest::array::uniform11(0u8..10), pos in 0usize..12, delta in 1u8..10
        ) {
            let Some(bin) = Bin::complete(&first11) else { return Ok(()) };
            let mut digits: Vec<u8> = bin.as_str().bytes().map(|b| b - b'0').collect();
            digits[pos] = (digits[pos] + delta) % 10;
            let changed: String = digits.iter().map(|d| char::from(b'0' + d)).collect();
            // The weights 1..10 are non-zero mod 11, so when neither number needs the second
            // pass, one changed digit among the first ten always changes the check. (The 11th
            // digit's weight is 11 ≡ 0: the algorithm itself cannot see a change there.)
            if pos == 11 || (pos < 10 && first_pass(&first11) != 10 && first_pass(&digits[..11]) != 10) {
                prop_assert!(check_12(&changed).is_err());
            }
        }
    }
}
