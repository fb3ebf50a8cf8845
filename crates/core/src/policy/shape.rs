//! Why a policy file does not read, as coded reasons: not UTF-8 text, not TOML (with the line
//! and column of the fault), or TOML whose values are not of the shape the file has (a field
//! missing or unknown, a value of the wrong type or not one of the names allowed). The parser's
//! and serde's English stay in the reason's English only; the code and arguments carry the rest.
//!
//! The TOML deserializer reports every shape error as a message, without its kind: the kind is
//! read from the fixed phrasing serde's errors have (`missing field `x``, `unknown variant …`,
//! `invalid type: …, expected …`). Anything else is said as "not of the expected form", quoting
//! what the file wrote there.

use crate::said::Said;

/// A file that is not UTF-8 text, with the line of its first undecodable byte.
pub(super) fn not_utf8(bytes: &[u8], e: &std::str::Utf8Error) -> Said {
    let line = line_of(&bytes[..e.valid_up_to()]);
    Said::new("policy-not-utf8", format!("the file is not UTF-8 text (line {line}): {e}")).count("line", line)
}

/// A file that is not TOML: where, when the parser says.
pub(super) fn syntax(text: &str, e: &toml::de::Error) -> Said {
    let message = e.message().trim();
    match e.span().map(|span| line_and_column(text, span.start)) {
        Some((line, column)) => {
            Said::new("policy-syntax", format!("not valid TOML at line {line}, column {column}: {message}"))
                .count("line", line)
                .count("column", column)
        }
        None => Said::new("policy-syntax-somewhere", format!("not valid TOML: {message}")),
    }
}

/// TOML that does not have the file's shape.
pub(super) fn shape(text: &str, e: &toml::de::Error) -> Said {
    let message = e.message().trim();
    let english = message.to_string();
    if let Some(field) = message.strip_prefix("missing field ").and_then(quoted) {
        return Said::new("policy-field-missing", english).text("field", field);
    }
    if let Some(rest) = message.strip_prefix("unknown field ") {
        if let Some((field, expected)) = split_expected(rest) {
            return match one_of(expected) {
                Some(allowed) if !allowed.is_empty() => {
                    Said::new("policy-field-unknown", english).text("field", field).text("allowed", allowed)
                }
                _ => Said::new("policy-field-none", english).text("field", field),
            };
        }
        if let Some(field) = rest.strip_suffix(", there are no fields").and_then(quoted) {
            return Said::new("policy-field-none", english).text("field", field);
        }
    }
    if let Some((value, expected)) = message.strip_prefix("unknown variant ").and_then(split_expected)
        && let Some(allowed) = one_of(expected).filter(|a| !a.is_empty())
    {
        return Said::new("policy-name-unknown", english).text("value", value).text("allowed", allowed);
    }
    if let Some((found, expected)) =
        message.strip_prefix("invalid type: ").and_then(|r| r.split_once(", expected "))
        && let Some(found) = kind_found(found)
    {
        return match kind_expected(expected) {
            Some(expected) => {
                Said::new("policy-type", english).word("found", found).word("expected", expected)
            }
            None => Said::new("policy-type-other", english).word("found", found),
        };
    }
    match e.span().and_then(|span| written(text, span)) {
        Some(value) => Said::new("policy-form", english).text("value", value),
        None => Said::new("policy-form-here", english),
    }
}

/// The 1-based line of the end of `before`.
fn line_of(before: &[u8]) -> usize {
    1 + before.iter().filter(|b| **b == b'\n').count()
}

/// The 1-based line and column (in characters) of a byte offset of `text`.
fn line_and_column(text: &str, offset: usize) -> (usize, usize) {
    let mut at = offset.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let before = &text[..at];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line_of(before.as_bytes()), 1 + before[line_start..].chars().count())
}

/// What the file wrote at a span, when it is a short value on one line (quotes removed).
fn written(text: &str, span: std::ops::Range<usize>) -> Option<String> {
    let value = text.get(span)?.trim();
    let value = value.strip_prefix('"').and_then(|v| v.strip_suffix('"')).unwrap_or(value);
    (!value.is_empty() && !value.contains('\n') && value.chars().count() <= 60).then(|| value.to_string())
}

/// `x` from "`x`".
fn quoted(text: &str) -> Option<&str> {
    text.strip_prefix('`')?.strip_suffix('`')
}

/// "`x`, expected …" → (x, …).
fn split_expected(text: &str) -> Option<(&str, &str)> {
    let (name, expected) = text.split_once(", expected ")?;
    Some((quoted(name)?, expected))
}

/// serde's list of the names allowed ("`a`", "`a` or `b`", "one of `a`, `b`, `c`") as "a, b, c".
fn one_of(expected: &str) -> Option<String> {
    let list = expected.strip_prefix("one of ").unwrap_or(expected);
    let names: Option<Vec<&str>> =
        list.split(", ").flat_map(|part| part.split(" or ")).map(|name| quoted(name.trim())).collect();
    names.map(|n| n.join(", "))
}

/// The kind of value serde found ("integer `7`", "string \"x\"", "sequence"), as a word's key.
fn kind_found(found: &str) -> Option<&'static str> {
    let kind = found.split([' ', '`', '"']).next().unwrap_or_default();
    Some(match kind {
        "string" | "character" => "policy-kind-string",
        "integer" => "policy-kind-integer",
        "floating" => "policy-kind-float",
        "boolean" => "policy-kind-boolean",
        "sequence" => "policy-kind-array",
        "map" => "policy-kind-table",
        _ => return None,
    })
}

/// The kind of value expected, from serde's description of it ("a string", "u32", "struct Meta").
fn kind_expected(expected: &str) -> Option<&'static str> {
    let e = expected.to_ascii_lowercase();
    let e = e.trim_start_matches("a ").trim_start_matches("an ");
    let integer = ["u8", "u16", "u32", "u64", "usize", "i8", "i16", "i32", "i64", "isize"];
    Some(if e.contains("date") {
        "policy-kind-date"
    } else if e.contains("string") || e == "char" {
        "policy-kind-string"
    } else if integer.contains(&e) || e.contains("integer") {
        "policy-kind-integer"
    } else if e == "f32" || e == "f64" || e.contains("float") {
        "policy-kind-float"
    } else if e.contains("bool") {
        "policy-kind-boolean"
    } else if e.contains("sequence") || e.contains("array") || e.starts_with("tuple") {
        "policy-kind-array"
    } else if e.contains("map") || e.starts_with("struct ") || e.contains("table") {
        "policy-kind-table"
    } else {
        return None;
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns_count_characters_from_one() {
        let text = "a = 1\nжол = [\n";
        assert_eq!(line_and_column(text, 0), (1, 1));
        assert_eq!(line_and_column(text, 6), (2, 1));
        assert_eq!(line_and_column(text, text.find('[').unwrap()), (2, 7));
        assert_eq!(line_and_column(text, text.len() + 5), (3, 1));
    }

    #[test]
    fn serde_lists_of_names_read_as_lists() {
        assert_eq!(one_of("one of `a`, `b`, `c`").as_deref(), Some("a, b, c"));
        assert_eq!(one_of("`a` or `b`").as_deref(), Some("a, b"));
        assert_eq!(one_of("`a`").as_deref(), Some("a"));
        assert_eq!(one_of("a string"), None);
        assert_eq!(kind_found("integer `7`"), Some("policy-kind-integer"));
        assert_eq!(kind_found("string \"x y\""), Some("policy-kind-string"));
        assert_eq!(kind_expected("u32"), Some("policy-kind-integer"));
        assert_eq!(kind_expected("struct Meta"), Some("policy-kind-table"));
        assert_eq!(kind_expected("something else"), None);
    }
}
