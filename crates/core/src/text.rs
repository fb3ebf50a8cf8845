//! Boundary text rules: what free text ashyq accepts from outside — API bodies, queries and
//! paths, page forms, imported rows — checked in one place, the same way everywhere.
//!
//! - No NUL or other control character (Unicode `Cc`); a line break (LF, or CR LF) and a tab
//!   only in [`Kind::LongText`].
//! - No bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C) in
//!   names, file names and identifiers: they make `passport\u{202e}fdp.exe` show as
//!   `passportexe.pdf`.
//! - A length limit for every kind, counted in characters (Unicode scalar values), as JSON
//!   Schema's `maxLength` counts.
//!
//! An error names the field and has a stable code ([`TextError::code`]) that is also the key of
//! its message in the Fluent files, so pages translate it and the API returns it in a 422.

use std::fmt;

/// What a field holds, which decides its rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// A person's or an organisation's name: one line, no bidi controls.
    Name,
    /// A file's name as its sender gave it: one line, no bidi controls.
    FileName,
    /// A client's key, a code, a number, a username: one line, no bidi controls.
    Identifier,
    /// A title, a short note, a search, a query parameter: one line.
    ShortText,
    /// A reason, a message, remarks, a justification: line breaks and tabs allowed.
    LongText,
}

impl Kind {
    pub const ALL: [Kind; 5] =
        [Kind::Name, Kind::FileName, Kind::Identifier, Kind::ShortText, Kind::LongText];

    /// The most characters a text of this kind may have.
    pub const fn max_chars(self) -> usize {
        match self {
            Kind::Name => 200,
            Kind::FileName => 255,
            Kind::Identifier => 100,
            Kind::ShortText => 1_000,
            Kind::LongText => 10_000,
        }
    }

    /// Whether line breaks and tabs are allowed.
    pub const fn multiline(self) -> bool {
        matches!(self, Kind::LongText)
    }

    /// Whether bidirectional controls are refused.
    pub const fn refuses_bidi(self) -> bool {
        matches!(self, Kind::Name | Kind::FileName | Kind::Identifier)
    }
}

/// The rules every text from outside meets whatever its field: those of [`Kind::LongText`].
/// Extractors apply it to every string of a request, so no field escapes it; fields of a
/// stricter kind are checked again with their own.
pub const FLOOR: Kind = Kind::LongText;

/// Why a text was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// A control character (`at` counts characters from 1).
    Control { at: usize, ch: char },
    /// A bidirectional control in a field that may not hold one.
    Bidi { at: usize, ch: char },
    /// More characters than the kind allows.
    TooLong { max: usize, chars: usize },
}

/// A refused text: which field, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextError {
    /// The field as the caller names it: a JSON path (`applicant.surname`, `items[2].reason`),
    /// a form field, a query parameter, or a file's column.
    pub field: String,
    pub reason: Reason,
}

impl TextError {
    /// A stable code, also the key of the message in the Fluent files.
    pub fn code(&self) -> &'static str {
        match self.reason {
            Reason::Control { .. } => "text-control",
            Reason::Bidi { .. } => "text-bidi",
            Reason::TooLong { .. } => "text-too-long",
        }
    }

    /// The message without the field's name, for a form that shows it beside the field and for
    /// the API's `errors[].message`.
    pub fn message(&self) -> String {
        match &self.reason {
            Reason::Control { at, ch } => {
                format!(
                    "character {at} is a control character ({}), which is not allowed here",
                    code_point(*ch)
                )
            }
            Reason::Bidi { at, ch } => format!(
                "character {at} is a bidirectional control ({}), which is not allowed in names and file names",
                code_point(*ch)
            ),
            Reason::TooLong { max, chars } => {
                format!("is {chars} characters long; at most {max} are allowed")
            }
        }
    }

    /// The same error under another field name (a JSON path's prefix, a file's column).
    pub fn at_field(mut self, field: impl Into<String>) -> TextError {
        self.field = field.into();
        self
    }

    /// The arguments of the Fluent message: `at`, `char` (as U+XXXX), `max`, `chars`.
    pub fn args(&self) -> Vec<(&'static str, String)> {
        match &self.reason {
            Reason::Control { at, ch } | Reason::Bidi { at, ch } => {
                vec![("at", at.to_string()), ("char", code_point(*ch))]
            }
            Reason::TooLong { max, chars } => vec![("max", max.to_string()), ("chars", chars.to_string())],
        }
    }
}

impl TextError {
    /// The reason (without the field) as a message code with its figures: `at` and `char` for a
    /// character, `count` (the text's length, for the plural form) and `max` for a long text.
    pub fn said(&self) -> crate::said::Said {
        use crate::said::Said;
        let said = Said::new(self.code(), self.message());
        match &self.reason {
            Reason::Control { at, ch } | Reason::Bidi { at, ch } => {
                said.count("at", *at as i64).text("char", code_point(*ch))
            }
            Reason::TooLong { max, chars } => said.count("count", *chars as i64).count("max", *max as i64),
        }
    }
}

impl fmt::Display for TextError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.field.is_empty() {
            f.write_str(&self.message())
        } else {
            write!(f, "{}: {}", self.field, self.message())
        }
    }
}

impl std::error::Error for TextError {}

fn code_point(ch: char) -> String {
    format!("U+{:04X}", u32::from(ch))
}

/// Whether `ch` is a bidirectional control (embedding, override, isolate or mark).
pub fn is_bidi_control(ch: char) -> bool {
    matches!(ch, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// Checks `text` against the rules of `kind`; the error names `field`.
pub fn check(field: &str, kind: Kind, text: &str) -> Result<(), TextError> {
    let fail = |reason| Err(TextError { field: field.to_string(), reason });
    // Most texts are short ASCII with nothing to refuse: one pass over the bytes decides.
    let ascii_clean = text.bytes().all(|b| (0x20..0x7f).contains(&b));
    if ascii_clean {
        return if text.len() > kind.max_chars() {
            fail(Reason::TooLong { max: kind.max_chars(), chars: text.len() })
        } else {
            Ok(())
        };
    }
    let mut chars = 0usize;
    let mut iter = text.chars().peekable();
    while let Some(ch) = iter.next() {
        chars += 1;
        if ch.is_control() {
            let line_break = ch == '\n' || ch == '\t' || (ch == '\r' && iter.peek() == Some(&'\n'));
            if !(kind.multiline() && line_break) {
                return fail(Reason::Control { at: chars, ch });
            }
        } else if kind.refuses_bidi() && is_bidi_control(ch) {
            return fail(Reason::Bidi { at: chars, ch });
        }
    }
    if chars > kind.max_chars() {
        return fail(Reason::TooLong { max: kind.max_chars(), chars });
    }
    Ok(())
}

/// [`check`] for an optional text: `None` passes.
pub fn check_opt(field: &str, kind: Kind, text: Option<&str>) -> Result<(), TextError> {
    text.map_or(Ok(()), |t| check(field, kind, t))
}

/// Checks a file's name as its sender gave it (an upload's, an evidence file's): one line, no
/// bidi controls, at most 255 characters.
pub fn file_name(field: &str, name: &str) -> Result<(), TextError> {
    check(field, Kind::FileName, name)
}

/// A file's name made safe to keep and show, for names that are kept rather than refused (an
/// upload's, an evidence file's, a download's suggested name): its last path component, without
/// control or bidi characters, line or paragraph separators, quotes or angle brackets, nor
/// leading dots, at most `max` characters; `fallback` when nothing is left.
pub fn clean_file_name(raw: &str, max: usize, fallback: &str) -> String {
    let base = raw.rsplit(['/', '\\']).next().unwrap_or_default();
    let clean: String = base
        .chars()
        .filter(|&c| {
            !c.is_control()
                && !is_bidi_control(c)
                && !matches!(c, '\u{2028}' | '\u{2029}' | '"' | '\'' | '<' | '>')
        })
        .take(max.min(Kind::FileName.max_chars()))
        .collect();
    let clean = clean.trim().trim_start_matches('.').trim();
    if clean.is_empty() { fallback.to_string() } else { clean.to_string() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_refused_and_line_breaks_only_in_long_text() {
        let e = check("surname", Kind::Name, "Ab\0c").unwrap_err();
        assert_eq!(e.reason, Reason::Control { at: 3, ch: '\0' });
        assert_eq!((e.code(), e.field.as_str()), ("text-control", "surname"));
        assert!(e.to_string().starts_with("surname: character 3 is a control character (U+0000)"), "{e}");
        for kind in Kind::ALL {
            assert!(check("f", kind, "a\u{7f}").is_err(), "{kind:?}");
            assert!(check("f", kind, "a\u{85}b").is_err(), "{kind:?}");
            assert!(check("f", kind, "a\rb").is_err(), "{kind:?}: a lone CR");
            assert_eq!(check("f", kind, "a\nb\tc\r\nd").is_ok(), kind == Kind::LongText, "{kind:?}");
        }
        assert!(check("f", Kind::ShortText, "Almaty, Абай көшесі 1").is_ok());
    }

    #[test]
    fn bidi_controls_are_refused_in_names_file_names_and_identifiers() {
        let evil = "passport\u{202e}fdp.exe";
        let e = file_name("file", evil).unwrap_err();
        assert_eq!(e.reason, Reason::Bidi { at: 9, ch: '\u{202e}' });
        assert_eq!(e.code(), "text-bidi");
        for ch in ['\u{202a}', '\u{202e}', '\u{2066}', '\u{2069}', '\u{200e}', '\u{200f}', '\u{061c}'] {
            let t = format!("a{ch}b");
            assert!(check("f", Kind::Name, &t).is_err(), "{ch:?}");
            assert!(check("f", Kind::Identifier, &t).is_err(), "{ch:?}");
            assert!(check("f", Kind::LongText, &t).is_ok(), "{ch:?} is allowed in long text");
        }
        assert!(!is_bidi_control('\u{2029}') && !is_bidi_control('\u{200d}'));
        assert_eq!(clean_file_name(evil, 255, "x"), "passportfdp.exe");
        assert_eq!(clean_file_name(&"я".repeat(300), 1000, "x").chars().count(), 255);
        assert_eq!(clean_file_name("C:\\Users\\a\\..\\.hidden", 255, "upload"), "hidden");
        assert_eq!(clean_file_name("\u{202e}\u{2066}", 255, "upload"), "upload");
    }

    #[test]
    fn limits_count_characters_not_bytes() {
        for kind in Kind::ALL {
            let max = kind.max_chars();
            assert!(check("f", kind, &"x".repeat(max)).is_ok());
            assert!(check("f", kind, &"ә".repeat(max)).is_ok(), "{kind:?}: {max} two-byte characters");
            let e = check("f", kind, &"ә".repeat(max + 1)).unwrap_err();
            assert_eq!(e.reason, Reason::TooLong { max, chars: max + 1 });
            let e = check("f", kind, &"x".repeat(max + 1)).unwrap_err();
            assert_eq!(e.reason, Reason::TooLong { max, chars: max + 1 });
        }
        let e = check("surname", Kind::Name, &"A".repeat(900_000)).unwrap_err();
        assert_eq!(e.code(), "text-too-long");
        assert_eq!(e.args(), vec![("max", "200".to_string()), ("chars", "900000".to_string())]);
    }

    #[test]
    fn optional_texts_and_other_fields() {
        assert!(check_opt("f", Kind::Name, None).is_ok());
        let e = check_opt("f", Kind::Name, Some("\u{1}")).unwrap_err().at_field("items[2].f");
        assert_eq!(e.field, "items[2].f");
        assert!(FLOOR.multiline() && !FLOOR.refuses_bidi());
    }
}
