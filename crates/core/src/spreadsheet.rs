//! Text written for spreadsheets. A CSV cell that begins like a formula (`=HYPERLINK(…)`,
//! `@SUM(…)`, `+cmd|…`, `-2+3`) would be run by the spreadsheet that opens the file; every CSV
//! that ashyq writes passes its cells through [`csv_cell`], which puts an apostrophe before such
//! a cell (OWASP's advice on CSV injection) so that it shows as the text it is.
//!
//! Numbers stay numbers: a cell that is a plain decimal number (`-12.5`, `+3`, `1e-3`) is
//! written as it is, because a number cannot run anything and a negative figure must still add
//! up in the spreadsheet. The rule looks at the cell's value, not at its column, so a column of
//! figures keeps its negative numbers while the same characters followed by anything else
//! (`-1+2`, `-A1`) are treated as text.

use std::borrow::Cow;

/// The first characters that make a spreadsheet read a cell as a formula: OWASP's list (`=`,
/// `+`, `-`, `@`, tab, carriage return) and their full-width forms, which some spreadsheets
/// accept in place of the ASCII ones.
const FORMULA_STARTS: [char; 10] = ['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠'];

/// A cell as it may be written to a CSV file meant for spreadsheets: the text itself, or the
/// text after an apostrophe when it would otherwise be read as a formula. Leading spaces do not
/// hide a formula (` =1+1` is escaped too).
pub fn csv_cell(text: &str) -> Cow<'_, str> {
    let first = text.trim_start_matches([' ', '\u{a0}']).chars().next();
    match first {
        Some(c) if FORMULA_STARTS.contains(&c) && !is_plain_number(text) => Cow::Owned(format!("'{text}")),
        _ => Cow::Borrowed(text),
    }
}

/// A record's cells, each through [`csv_cell`], ready for `csv::Writer::write_record`.
pub fn csv_record<S: AsRef<str>>(cells: impl IntoIterator<Item = S>) -> Vec<String> {
    cells.into_iter().map(|c| csv_cell(c.as_ref()).into_owned()).collect()
}

/// Whether the text is a plain decimal number: an optional sign, digits with at most one
/// decimal point, and an optional exponent (`-12.5`, `+3`, `.5`, `1e-3`). Nothing else, not
/// even surrounding spaces.
pub fn is_plain_number(text: &str) -> bool {
    let b = text.as_bytes();
    let mut i = usize::from(matches!(b.first(), Some(b'+' | b'-')));
    let (mut digits, mut point) = (0, false);
    while let Some(&c) = b.get(i) {
        match c {
            b'0'..=b'9' => digits += 1,
            b'.' if !point => point = true,
            _ => break,
        }
        i += 1;
    }
    if digits == 0 {
        return false;
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let start = i;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        if i == start {
            return false;
        }
    }
    i == b.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn formulas_are_written_as_text() {
        assert_eq!(csv_cell("=HYPERLINK(\"http://x\",\"y\")"), "'=HYPERLINK(\"http://x\",\"y\")");
        assert_eq!(csv_cell("@SUM(1+1)*cmd|' /C calc'!A0"), "'@SUM(1+1)*cmd|' /C calc'!A0");
        assert_eq!(csv_cell("+cmd|' /C calc'!A0"), "'+cmd|' /C calc'!A0");
        assert_eq!(csv_cell("-2+3"), "'-2+3");
        assert_eq!(csv_cell("\t=1"), "'\t=1");
        assert_eq!(csv_cell("\r=1"), "'\r=1");
        assert_eq!(csv_cell("  =1+1"), "'  =1+1");
        assert_eq!(csv_cell("＝1+1"), "'＝1+1");
        assert_eq!(csv_cell("-"), "'-");
    }

    #[test]
    fn numbers_and_plain_text_are_kept() {
        for kept in ["-12.5", "+3", "-0", ".5", "-.5", "1e-3", "-2E+10", "12", "", "a=b", "Инженер", "'=1"]
        {
            assert_eq!(csv_cell(kept), kept, "{kept:?}");
        }
        for not_number in ["-", "+", "-.", "1e", "1e+", "--1", "-1.2.3", " -1", "-1 ", "-1,5", "0x10"] {
            assert!(!is_plain_number(not_number), "{not_number:?}");
        }
    }

    #[test]
    fn records_are_escaped_cell_by_cell() {
        assert_eq!(csv_record(["2512", "=1", "-3.5"]), ["2512", "'=1", "-3.5"]);
    }

    proptest! {
        #[test]
        fn no_escaped_cell_starts_like_a_formula_unless_it_is_a_number(text in "\\PC{0,12}") {
            let cell = csv_cell(&text);
            let first = cell.trim_start_matches([' ', '\u{a0}']).chars().next();
            prop_assert!(
                !first.is_some_and(|c| FORMULA_STARTS.contains(&c)) || is_plain_number(&cell),
                "{cell:?}"
            );
            // Nothing is lost: the text follows the apostrophe.
            prop_assert!(cell == text || cell.strip_prefix('\'') == Some(text.as_str()));
        }
    }
}
