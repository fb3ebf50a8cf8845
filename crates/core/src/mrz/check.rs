//! The MRZ alphabet (A–Z, 0–9, `<`) and the 7-3-1 check digit of ICAO 9303 part 3.

use super::error::{Field, MrzError};

/// The value of one character in a check digit: digits as themselves, A=10 … Z=35, `<` = 0.
fn value(c: u8) -> u32 {
    match c {
        b'0'..=b'9' => u32::from(c - b'0'),
        b'A'..=b'Z' => u32::from(c - b'A') + 10,
        _ => 0,
    }
}

/// The check digit of `text`: Σ value·weight with the weights 7, 3, 1 repeated, mod 10.
pub fn check_digit(text: &str) -> u8 {
    let sum: u32 = text.bytes().zip([7u32, 3, 1].into_iter().cycle()).map(|(c, w)| value(c) * w).sum();
    // A value mod 10 always fits.
    (sum % 10) as u8
}

/// Refuses a character outside A–Z, 0–9 and `<`, naming its line and column (both from 1).
pub fn alphabet(line: usize, text: &str) -> Result<(), MrzError> {
    match text.chars().enumerate().find(|(_, c)| !(c.is_ascii_uppercase() || c.is_ascii_digit() || *c == '<'))
    {
        Some((i, found)) => Err(MrzError::Character { line, column: i + 1, found }),
        None => Ok(()),
    }
}

/// Checks that `found` is the check digit of `data`.
pub fn verify(field: Field, data: &str, found: u8) -> Result<(), MrzError> {
    let computed = check_digit(data);
    if found == b'0' + computed {
        Ok(())
    } else {
        Err(MrzError::CheckDigit { field, found: char::from(found), computed })
    }
}
