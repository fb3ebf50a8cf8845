//! The field layouts of TD1 (9303 part 5), TD2 (part 6) and TD3 (part 4). Each function gets
//! lines already checked for length and alphabet (so byte positions are characters), verifies
//! every check digit in the order of the zone, then the composite, and decodes the fields.

use super::check::verify;
use super::date::{Century, decode};
use super::error::{Field, MrzError};
use super::{Format, Mrz, name};
use crate::sex::Sex;
use jiff::civil::Date;

/// The check digit character at `i` of `line`.
fn at(line: &str, i: usize) -> u8 {
    line.as_bytes()[i]
}

fn sex(c: u8) -> Result<Sex, MrzError> {
    match c {
        b'M' => Ok(Sex::Male),
        b'F' => Ok(Sex::Female),
        b'X' | b'<' => Ok(Sex::Unspecified),
        other => Err(MrzError::Sex(char::from(other))),
    }
}

/// The fields TD2 and TD3 share on line 2: number, nationality, birth, sex, expiry (positions
/// 1–28).
struct Common {
    document_number: String,
    nationality: String,
    birth_date: Date,
    sex: Sex,
    expiry_date: Date,
}

/// Verifies the check digits of the birth and expiry dates on a two-line zone's line 2.
fn verify_dates(line2: &str) -> Result<(), MrzError> {
    verify(Field::BirthDate, &line2[13..19], at(line2, 19))?;
    verify(Field::ExpiryDate, &line2[21..27], at(line2, 27))
}

fn common(line2: &str, document_number: String, today: Date) -> Result<Common, MrzError> {
    Ok(Common {
        document_number,
        nationality: name::trim(&line2[10..13]),
        birth_date: decode(Field::BirthDate, &line2[13..19], today, Century::Past)?,
        sex: sex(at(line2, 20))?,
        expiry_date: decode(Field::ExpiryDate, &line2[21..27], today, Century::Window)?,
    })
}

/// TD2, TD3 and the visas share their layout: line 1 is the document code, issuing state and
/// name; line 2 the fields above (positions 1–28), then optional data up to the composite check
/// digit in the last place. TD3's optional data is the personal number (29–42) with its own check
/// digit (43), which may be `<` when the number is all fillers (9303 parts 4 and 6). A TD2 number
/// longer than 9 characters has `<` in place of its check digit (10) and continues in the
/// optional data up to the first filler, the last character before which is the check digit of
/// the whole number (part 6, as TD1's). Visas (part 7) have no composite check digit: their
/// optional data runs to the end of the line.
pub fn two_line(format: Format, line1: &str, line2: &str, today: Date) -> Result<Mrz, MrzError> {
    let width = line2.len();
    let visa = matches!(format, Format::MrvA | Format::MrvB);
    let optional_end = match format {
        Format::Td3 => width - 2,
        Format::MrvA | Format::MrvB => width,
        Format::Td1 | Format::Td2 => width - 1,
    };
    let long = format == Format::Td2 && at(line2, 9) == b'<';
    let (document_number, optional_start) = if long {
        let rest = &line2[28..optional_end];
        let (overflow, _) = rest.split_once('<').unwrap_or((rest, ""));
        let (continuation, check) = match overflow.as_bytes() {
            [head @ .., check] if !head.is_empty() && check.is_ascii_digit() => {
                (&overflow[..head.len()], *check)
            }
            _ => return Err(MrzError::LongNumber),
        };
        let number = [&line2[0..9], continuation].concat();
        verify(Field::DocumentNumber, &number, check)?;
        (number, 28 + overflow.len())
    } else {
        verify(Field::DocumentNumber, &line2[0..9], at(line2, 9))?;
        (name::trim(&line2[0..9]), 28)
    };
    verify_dates(line2)?;
    if format == Format::Td3 {
        let personal = &line2[28..width - 2];
        let personal_check = at(line2, width - 2);
        if !(personal_check == b'<' && personal.bytes().all(|c| c == b'<')) {
            verify(Field::PersonalNumber, personal, personal_check)?;
        }
    }
    if !visa {
        let composite = [&line2[0..10], &line2[13..20], &line2[21..width - 1]].concat();
        verify(Field::Composite, &composite, at(line2, width - 1))?;
    }
    let c = common(line2, document_number, today)?;
    let (surname, given_names) = name::split(&line1[5..]);
    Ok(Mrz {
        format,
        document_code: name::trim(&line1[0..2]),
        issuing_state: name::trim(&line1[2..5]),
        document_number: c.document_number,
        nationality: c.nationality,
        surname,
        given_names,
        birth_date: c.birth_date,
        sex: c.sex,
        expiry_date: c.expiry_date,
        optional_data: if long {
            name::trim(line2[optional_start..optional_end].trim_start_matches('<'))
        } else {
            name::trim(&line2[28..optional_end])
        },
        optional_data_2: None,
    })
}

/// TD1: the document number (6–14) and its check digit (15) on line 1, then optional data
/// (16–30). When position 15 is `<`, the number is longer than 9: it continues in the optional
/// data up to the first filler, and the last character before that filler is the check digit
/// of the whole number (9303 part 5, note j). Line 2: birth date, sex, expiry, nationality,
/// optional data (19–29) and the composite (30) over line 1 from 6 and line 2's 1–7, 9–15, 19–29.
pub fn td1(line1: &str, line2: &str, line3: &str, today: Date) -> Result<Mrz, MrzError> {
    let (document_number, optional_data) = if at(line1, 14) == b'<' {
        let rest = &line1[15..30];
        let (overflow, after) = rest.split_once('<').unwrap_or((rest, ""));
        let (continuation, check) = match overflow.as_bytes() {
            [head @ .., check] if !head.is_empty() && check.is_ascii_digit() => {
                (&overflow[..head.len()], *check)
            }
            _ => return Err(MrzError::LongNumber),
        };
        let number = [&line1[5..14], continuation].concat();
        verify(Field::DocumentNumber, &number, check)?;
        (number, name::trim(after.trim_start_matches('<')))
    } else {
        verify(Field::DocumentNumber, &line1[5..14], at(line1, 14))?;
        (name::trim(&line1[5..14]), name::trim(&line1[15..30]))
    };
    verify(Field::BirthDate, &line2[0..6], at(line2, 6))?;
    verify(Field::ExpiryDate, &line2[8..14], at(line2, 14))?;
    let composite = [&line1[5..30], &line2[0..7], &line2[8..15], &line2[18..29]].concat();
    verify(Field::Composite, &composite, at(line2, 29))?;
    let (surname, given_names) = name::split(line3);
    Ok(Mrz {
        format: Format::Td1,
        document_code: name::trim(&line1[0..2]),
        issuing_state: name::trim(&line1[2..5]),
        document_number,
        nationality: name::trim(&line2[15..18]),
        surname,
        given_names,
        birth_date: decode(Field::BirthDate, &line2[0..6], today, Century::Past)?,
        sex: sex(at(line2, 7))?,
        expiry_date: decode(Field::ExpiryDate, &line2[8..14], today, Century::Window)?,
        optional_data,
        optional_data_2: Some(name::trim(&line2[18..29])),
    })
}
