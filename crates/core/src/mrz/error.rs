//! Why a machine-readable zone was refused: the line, column or field, and what was wrong.

use super::Format;
use std::fmt;

/// A field of the zone that a check can fail on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    DocumentNumber,
    BirthDate,
    ExpiryDate,
    /// TD3's personal number (the optional data of line 2).
    PersonalNumber,
    /// The composite check digit over the other fields.
    Composite,
    Sex,
}

impl Field {
    /// The field's code, for its words in the reader's language (`mrz-field-document-number`).
    pub fn code(self) -> &'static str {
        match self {
            Field::DocumentNumber => "document-number",
            Field::BirthDate => "birth-date",
            Field::ExpiryDate => "expiry-date",
            Field::PersonalNumber => "personal-number",
            Field::Composite => "composite",
            Field::Sex => "sex",
        }
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Field::DocumentNumber => "document number",
            Field::BirthDate => "birth date",
            Field::ExpiryDate => "expiry date",
            Field::PersonalNumber => "personal number",
            Field::Composite => "composite",
            Field::Sex => "sex",
        })
    }
}

/// Why a machine-readable zone was refused. Displayed as `<where>: <why>`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MrzError {
    #[error("lines: got {0} non-blank lines, expected 2 (TD2, TD3) or 3 (TD1)")]
    LineCount(usize),
    #[error("line {line}: {length} characters, expected 36 (TD2) or 44 (TD3)")]
    UnknownWidth { line: usize, length: usize },
    #[error("line {line}: {length} characters, expected {} ({})", format.width(), format.name())]
    LineLength { line: usize, length: usize, format: Format },
    #[error("line {line}, column {column}: {found:?} is not allowed (only A-Z, 0-9 and <)")]
    Character { line: usize, column: usize, found: char },
    #[error("{field}: check digit {found} does not match the computed {computed}")]
    CheckDigit { field: Field, found: char, computed: u8 },
    #[error(
        "document number: the check digit place is '<' (a long number) but the optional data holds no continuation ending in a check digit"
    )]
    LongNumber,
    /// Fillers pad a number at its end only; `L58<UTOER` is not a number (found by fuzzing:
    /// its check digit matched, `<` counting as 0).
    #[error("document number: {0:?} has a filler '<' inside it (fillers only pad the end)")]
    InnerFiller(String),
    #[error("{field}: {text} is not a date ({why})")]
    Date { field: Field, text: String, why: String },
    #[error("sex: {0:?} is not M, F, X or <")]
    Sex(char),
}

impl MrzError {
    /// The reason's message code (`mrz-err-check-digit`); with [`MrzError::args`], what a page
    /// says in the reader's language. A field is given by its code, for the page to put in words.
    pub fn code(&self) -> &'static str {
        match self {
            MrzError::LineCount(_) => "mrz-err-line-count",
            MrzError::UnknownWidth { .. } => "mrz-err-unknown-width",
            MrzError::LineLength { .. } => "mrz-err-line-length",
            MrzError::Character { .. } => "mrz-err-character",
            MrzError::CheckDigit { .. } => "mrz-err-check-digit",
            MrzError::LongNumber => "mrz-err-long-number",
            MrzError::InnerFiller(_) => "mrz-err-inner-filler",
            MrzError::Date { .. } => "mrz-err-date",
            MrzError::Sex(_) => "mrz-err-sex",
        }
    }

    /// The arguments of [`MrzError::code`]'s message; `field` is a field's code.
    pub fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            MrzError::LineCount(n) => vec![("count", n.to_string())],
            MrzError::UnknownWidth { line, length } => {
                vec![("line", line.to_string()), ("length", length.to_string())]
            }
            MrzError::LineLength { line, length, format } => vec![
                ("line", line.to_string()),
                ("length", length.to_string()),
                ("expected", format.width().to_string()),
                ("format", format.name().to_string()),
            ],
            MrzError::Character { line, column, found } => {
                vec![("line", line.to_string()), ("column", column.to_string()), ("found", found.to_string())]
            }
            MrzError::CheckDigit { field, found, computed } => vec![
                ("field", field.code().to_string()),
                ("found", found.to_string()),
                ("computed", computed.to_string()),
            ],
            MrzError::LongNumber => Vec::new(),
            MrzError::InnerFiller(number) => vec![("number", number.clone())],
            MrzError::Date { field, text, .. } => {
                vec![("field", field.code().to_string()), ("text", text.clone())]
            }
            MrzError::Sex(c) => vec![("found", c.to_string())],
        }
    }

    /// The field a check failed on, when the failure is about a field rather than the shape.
    pub fn field(&self) -> Option<Field> {
        match self {
            MrzError::CheckDigit { field, .. } | MrzError::Date { field, .. } => Some(*field),
            MrzError::LongNumber | MrzError::InnerFiller(_) => Some(Field::DocumentNumber),
            MrzError::Sex(_) => Some(Field::Sex),
            _ => None,
        }
    }
}
