//! The machine-readable zone (MRZ) of ICAO Doc 9303 travel documents: TD1 cards (3 lines of 30),
//! TD2 cards (2 lines of 36) and TD3 passports (2 lines of 44), checked and decoded.
//!
//! [`parse`] takes the text as read (surrounding whitespace, CRLF and blank lines are ignored), checks
//! the shape, the alphabet and every check digit, and decodes the fields. Dates carry two digits of
//! the year; the century is inferred from `today`, which the caller passes in (see [`date`]).
//! The rules are written out in docs/register.md.

mod check;
mod date;
mod error;
mod formats;
mod name;

#[cfg(test)]
mod props;
#[cfg(test)]
mod tests;

pub use check::check_digit;
pub use error::{Field, MrzError};

use crate::sex::Sex;
use jiff::civil::Date;
use serde::Serialize;

/// The three sizes of machine-readable zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Format {
    /// Cards: 3 lines of 30 characters (9303 part 5).
    #[serde(rename = "TD1")]
    Td1,
    /// Cards and visas: 2 lines of 36 characters (9303 part 6).
    #[serde(rename = "TD2")]
    Td2,
    /// Passports: 2 lines of 44 characters (9303 part 4).
    #[serde(rename = "TD3")]
    Td3,
    /// Visas of the passport's size: 2 lines of 44 (9303 part 7); no composite check digit.
    #[serde(rename = "MRV-A")]
    MrvA,
    /// Visas of the card's size: 2 lines of 36 (9303 part 7); no composite check digit.
    #[serde(rename = "MRV-B")]
    MrvB,
}

impl Format {
    pub fn lines(self) -> usize {
        match self {
            Format::Td1 => 3,
            Format::Td2 | Format::Td3 | Format::MrvA | Format::MrvB => 2,
        }
    }

    pub fn width(self) -> usize {
        match self {
            Format::Td1 => 30,
            Format::Td2 | Format::MrvB => 36,
            Format::Td3 | Format::MrvA => 44,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Format::Td1 => "TD1",
            Format::Td2 => "TD2",
            Format::Td3 => "TD3",
            Format::MrvA => "MRV-A",
            Format::MrvB => "MRV-B",
        }
    }
}

/// A checked machine-readable zone. Text fields have their trailing fillers removed and, in names,
/// a single `<` turned into a space.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mrz {
    pub format: Format,
    /// `P` (passport), `I`, `ID`, `AC`, … — the first two characters without fillers.
    pub document_code: String,
    pub issuing_state: String,
    /// The whole number, including a TD1 long number's continuation in the optional data.
    pub document_number: String,
    pub nationality: String,
    /// The primary identifier.
    pub surname: String,
    /// The secondary identifiers, separated by spaces (empty when there are none).
    pub given_names: String,
    pub birth_date: Date,
    pub sex: Sex,
    pub expiry_date: Date,
    /// TD3: the personal number; TD2: the optional data; TD1: the optional data of line 1
    /// (after a long number's continuation).
    pub optional_data: String,
    /// TD1 only: the optional data of line 2.
    pub optional_data_2: Option<String>,
}

/// Checks and decodes a machine-readable zone; `today` anchors the centuries of its dates.
pub fn parse(text: &str, today: Date) -> Result<Mrz, MrzError> {
    let lines: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    let format = shape(&lines)?;
    for (i, line) in lines.iter().enumerate() {
        check::alphabet(i + 1, line)?;
    }
    let mrz = match format {
        Format::Td1 => formats::td1(lines[0], lines[1], lines[2], today),
        // A visa's document code begins with V (9303 part 7).
        Format::Td3 if lines[0].starts_with('V') => {
            formats::two_line(Format::MrvA, lines[0], lines[1], today)
        }
        Format::Td2 if lines[0].starts_with('V') => {
            formats::two_line(Format::MrvB, lines[0], lines[1], today)
        }
        _ => formats::two_line(format, lines[0], lines[1], today),
    }?;
    if mrz.document_number.contains('<') || mrz.document_number.is_empty() {
        return Err(MrzError::InnerFiller(mrz.document_number));
    }
    Ok(mrz)
}

/// Which format the lines have: by their count, and for two lines by the first line's length
/// (or the second's when the first matches neither).
fn shape(lines: &[&str]) -> Result<Format, MrzError> {
    let lengths: Vec<usize> = lines.iter().map(|l| l.chars().count()).collect();
    let format = match lengths.as_slice() {
        [_, _, _] => Format::Td1,
        [first, second] => {
            let by_length = |n: usize| [Format::Td2, Format::Td3].into_iter().find(|f| f.width() == n);
            match by_length(*first).or_else(|| by_length(*second)) {
                Some(f) => f,
                None => return Err(MrzError::UnknownWidth { line: 1, length: *first }),
            }
        }
        _ => return Err(MrzError::LineCount(lines.len())),
    };
    for (i, &length) in lengths.iter().enumerate() {
        if length != format.width() {
            return Err(MrzError::LineLength { line: i + 1, length, format });
        }
    }
    Ok(format)
}
