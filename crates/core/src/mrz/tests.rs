//! The ICAO 9303 specimens, a TD1 long document number, and each specimen spoilt in every way
//! the parser must name. The specimens' check digits were recomputed by hand and by an
//! independent script from the 7-3-1 rule before being written here.

use super::*;
use jiff::civil::date;

const TODAY: Date = date(2026, 11, 21);

const TD3: [&str; 2] =
    ["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"];
const TD1: [&str; 3] =
    ["I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6", "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"];
const TD2: [&str; 2] = ["I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "D231458907UTO7408122F1204159<<<<<<<6"];
/// A TD1 whose number D23145890734 overflows into the optional data; its check digit 9 is the
/// last digit before the fillers (D=13: 13·7+2·3+3+7+4·3+5+8·7+9·3+0+7·7+3·3+4 = 269 → 9).
const TD1_LONG: [&str; 3] =
    ["I<UTOD23145890<7349<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6", "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"];

fn parse_lines(lines: &[&str]) -> Result<Mrz, MrzError> {
    parse(&lines.join("\n"), TODAY)
}

fn error(lines: &[String]) -> String {
    match parse(&lines.join("\n"), TODAY) {
        Ok(m) => panic!("expected an error, parsed {m:?}"),
        Err(e) => e.to_string(),
    }
}

/// `lines` with the character at (line, index) replaced.
fn with(lines: &[&str], line: usize, index: usize, c: char) -> Vec<String> {
    let mut out: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    out[line].replace_range(index..index + 1, &c.to_string());
    out
}

/// The same digit plus one (mod 10).
fn bump(lines: &[&str], line: usize, index: usize) -> Vec<String> {
    let d = lines[line].as_bytes()[index] - b'0';
    with(lines, line, index, char::from(b'0' + (d + 1) % 10))
}

#[test]
fn the_check_digit_follows_7_3_1() {
    assert_eq!(check_digit("L898902C3"), 6);
    assert_eq!(check_digit("740812"), 2);
    assert_eq!(check_digit("120415"), 9);
    assert_eq!(check_digit("ZE184226B<<<<<"), 1);
    assert_eq!(check_digit("<<<<<<<<<<<<<<"), 0);
}

#[test]
fn the_td3_specimen() {
    let m = parse_lines(&TD3).unwrap();
    assert_eq!(m.format, Format::Td3);
    assert_eq!(m.document_code, "P");
    assert_eq!(m.issuing_state, "UTO");
    assert_eq!(m.document_number, "L898902C3");
    assert_eq!(m.nationality, "UTO");
    assert_eq!((m.surname.as_str(), m.given_names.as_str()), ("ERIKSSON", "ANNA MARIA"));
    assert_eq!(m.birth_date, date(1974, 8, 12));
    assert_eq!(m.sex, Sex::Female);
    assert_eq!(m.expiry_date, date(2012, 4, 15));
    assert_eq!(m.optional_data, "ZE184226B");
    assert_eq!(m.optional_data_2, None);
    let json = serde_json::to_value(&m).unwrap();
    assert_eq!(json["format"], "TD3");
    assert_eq!(json["birth_date"], "1974-08-12");
    assert_eq!(json["expiry_date"], "2012-04-15");
    assert_eq!(json["given_names"], "ANNA MARIA");
    assert_eq!(json["sex"], "female");
}

#[test]
fn the_td1_specimen() {
    let m = parse_lines(&TD1).unwrap();
    assert_eq!(m.format, Format::Td1);
    assert_eq!((m.document_code.as_str(), m.issuing_state.as_str()), ("I", "UTO"));
    assert_eq!(m.document_number, "D23145890");
    assert_eq!(m.nationality, "UTO");
    assert_eq!((m.surname.as_str(), m.given_names.as_str()), ("ERIKSSON", "ANNA MARIA"));
    assert_eq!((m.birth_date, m.expiry_date), (date(1974, 8, 12), date(2012, 4, 15)));
    assert_eq!(m.sex, Sex::Female);
    assert_eq!((m.optional_data.as_str(), m.optional_data_2.as_deref()), ("", Some("")));
}

#[test]
fn the_td2_specimen() {
    let m = parse_lines(&TD2).unwrap();
    assert_eq!(m.format, Format::Td2);
    assert_eq!(m.document_number, "D23145890");
    assert_eq!((m.surname.as_str(), m.given_names.as_str()), ("ERIKSSON", "ANNA MARIA"));
    assert_eq!((m.birth_date, m.expiry_date), (date(1974, 8, 12), date(2012, 4, 15)));
    assert_eq!(serde_json::to_value(&m).unwrap()["format"], "TD2");
}

#[test]
fn a_td1_long_document_number_continues_in_the_optional_data() {
    let m = parse_lines(&TD1_LONG).unwrap();
    assert_eq!(m.document_number, "D23145890734");
    assert_eq!(m.optional_data, "");
    // The check digit 9 of the whole number, changed.
    let e = error(&with(&TD1_LONG, 0, 18, '8'));
    assert_eq!(e, "document number: check digit 8 does not match the computed 9");
    // No room for a check digit: the continuation is a single character.
    let e = error(&with(&TD1_LONG, 0, 16, '<'));
    assert!(e.starts_with("document number: the check digit place is '<'"), "{e}");
    // Optional data after the continuation is kept.
    let spaced = with(&TD1_LONG, 0, 20, 'Q');
    let lines: Vec<&str> = spaced.iter().map(String::as_str).collect();
    let recomposed = fix_composite_td1(&lines);
    let m = parse(&recomposed.join("\n"), TODAY).unwrap();
    assert_eq!((m.document_number.as_str(), m.optional_data.as_str()), ("D23145890734", "Q"));
}

/// TD1 lines with the composite check digit recomputed.
fn fix_composite_td1(lines: &[&str]) -> Vec<String> {
    let (l1, l2) = (lines[0], lines[1]);
    let composite = [&l1[5..30], &l2[0..7], &l2[8..15], &l2[18..29]].concat();
    with(lines, 1, 29, char::from(b'0' + check_digit(&composite)))
}

#[test]
fn surrounding_whitespace_crlf_and_blank_lines_are_ignored() {
    let text = format!("\r\n  {}\r\n\r\n{}  \r\n", TD3[0], TD3[1]);
    assert_eq!(parse(&text, TODAY), parse_lines(&TD3));
}

#[test]
fn every_changed_check_digit_is_named() {
    let cases: [(&[&str], usize, usize, &str, u8); 13] = [
        (&TD3, 1, 9, "document number", 6),
        (&TD3, 1, 19, "birth date", 2),
        (&TD3, 1, 27, "expiry date", 9),
        (&TD3, 1, 42, "personal number", 1),
        (&TD3, 1, 43, "composite", 0),
        (&TD2, 1, 9, "document number", 7),
        (&TD2, 1, 19, "birth date", 2),
        (&TD2, 1, 27, "expiry date", 9),
        (&TD2, 1, 35, "composite", 6),
        (&TD1, 0, 14, "document number", 7),
        (&TD1, 1, 6, "birth date", 2),
        (&TD1, 1, 14, "expiry date", 9),
        (&TD1, 1, 29, "composite", 6),
    ];
    for (lines, line, index, field, computed) in cases {
        let spoilt = bump(lines, line, index);
        let found = spoilt[line].as_bytes()[index] as char;
        let expected = format!("{field}: check digit {found} does not match the computed {computed}");
        assert_eq!(error(&spoilt), expected, "{lines:?} line {line} index {index}");
    }
}

#[test]
fn the_personal_number_check_may_be_a_filler_only_when_the_number_is_empty() {
    let empty = "L898902C36UTO7408122F1204159<<<<<<<<<<<<<<<<";
    let composite = [&empty[0..10], &empty[13..20], &empty[21..43]].concat();
    let line2 = format!("{}{}", &empty[..43], check_digit(&composite));
    let m = parse(&format!("{}\n{line2}", TD3[0]), TODAY).unwrap();
    assert_eq!(m.optional_data, "");
    let e = error(&with(&TD3, 1, 42, '<'));
    assert_eq!(e, "personal number: check digit < does not match the computed 1");
}

#[test]
fn wrong_shapes_are_named() {
    let short: Vec<String> = vec![TD3[0].to_string(), TD3[1][..43].to_string()];
    assert_eq!(error(&short), "line 2: 43 characters, expected 44 (TD3)");
    let td1: Vec<String> = vec![TD1[0].into(), TD1[1].into(), format!("{}<", TD1[2])];
    assert_eq!(error(&td1), "line 3: 31 characters, expected 30 (TD1)");
    let odd: Vec<String> = vec!["P".repeat(40), "P".repeat(40)];
    assert_eq!(error(&odd), "line 1: 40 characters, expected 36 (TD2) or 44 (TD3)");
    assert_eq!(
        error(&[TD3[0].to_string()]),
        "lines: got 1 non-blank lines, expected 2 (TD2, TD3) or 3 (TD1)"
    );
    assert_eq!(error(&[]), "lines: got 0 non-blank lines, expected 2 (TD2, TD3) or 3 (TD1)");
}

#[test]
fn a_bad_character_is_named_with_its_line_and_column() {
    assert_eq!(error(&with(&TD3, 0, 7, 'i')), "line 1, column 8: 'i' is not allowed (only A-Z, 0-9 and <)");
    assert_eq!(error(&with(&TD1, 2, 8, ' ')), "line 3, column 9: ' ' is not allowed (only A-Z, 0-9 and <)");
    assert_eq!(error(&with(&TD2, 1, 3, 'Ж')), "line 2, column 4: 'Ж' is not allowed (only A-Z, 0-9 and <)");
}

/// `lines` with six characters replaced at (line, index) and every check digit recomputed.
fn with_date(format: Format, lines: &[&str], line: usize, index: usize, text: &str) -> Vec<String> {
    let mut out: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    out[line].replace_range(index..index + 6, text);
    let digit = |s: &str| char::from(b'0' + check_digit(s));
    let set = |s: &mut String, i: usize, c: char| s.replace_range(i..i + 1, &c.to_string());
    let l2 = &mut out[1];
    match format {
        Format::Td1 => {
            let (birth, expiry) = (digit(&l2[0..6]), digit(&l2[8..14]));
            set(l2, 6, birth);
            set(l2, 14, expiry);
            fix_composite_td1(&lines_of(&out))
        }
        Format::Td2 | Format::Td3 => {
            let end = if format == Format::Td2 { 35 } else { 43 };
            let (birth, expiry) = (digit(&l2[13..19]), digit(&l2[21..27]));
            set(l2, 19, birth);
            set(l2, 27, expiry);
            let composite = digit(&[&l2[0..10], &l2[13..20], &l2[21..end]].concat());
            set(l2, end, composite);
            out
        }
        Format::MrvA | Format::MrvB => {
            let (birth, expiry) = (digit(&l2[13..19]), digit(&l2[21..27]));
            set(l2, 19, birth);
            set(l2, 27, expiry);
            out
        }
    }
}

fn lines_of(lines: &[String]) -> Vec<&str> {
    lines.iter().map(String::as_str).collect()
}

#[test]
fn an_impossible_date_is_named() {
    let e = error(&with_date(Format::Td3, &TD3, 1, 13, "741312"));
    assert_eq!(e, "birth date: 741312 is not a date (there is no month 13)");
    let e = error(&with_date(Format::Td3, &TD3, 1, 21, "270231"));
    assert_eq!(e, "expiry date: 270231 is not a date (2027-02 has no day 31)");
    let e = error(&with_date(Format::Td2, &TD2, 1, 13, "740800"));
    assert_eq!(e, "birth date: 740800 is not a date (there is no day 00)");
    let e = error(&with_date(Format::Td1, &TD1, 1, 0, "740231"));
    assert_eq!(e, "birth date: 740231 is not a date (1974-02 has no day 31)");
    let e = error(&with_date(Format::Td1, &TD1, 1, 8, "12A415"));
    assert_eq!(e, "expiry date: 12A415 is not a date (not six digits YYMMDD)");
}

#[test]
fn sex_is_m_f_or_unspecified() {
    // The sex is under no check digit of its own, and under no composite either.
    let sex = |c: char| parse(&with(&TD3, 1, 20, c).join("\n"), TODAY);
    assert_eq!(sex('M').unwrap().sex, Sex::Male);
    assert_eq!(sex('X').unwrap().sex, Sex::Unspecified);
    assert_eq!(sex('<').unwrap().sex, Sex::Unspecified);
    assert_eq!(sex('Q').unwrap_err().to_string(), "sex: 'Q' is not M, F, X or <");
}

/// Line 2 of a two-line zone with every check digit computed: `number` (any length; over 9
/// characters it overflows into the optional data as 9303 part 6 says), then the fixed fields,
/// the optional data filled to `width`, and the composite unless it is a visa.
fn line2(number: &str, width: usize, visa: bool) -> String {
    let digit = |s: &str| char::from(b'0' + check_digit(s));
    let (head, overflow) = if number.len() > 9 {
        (number[..9].to_string(), format!("{}{}", &number[9..], digit(number)))
    } else {
        (format!("{number:<<9}"), String::new())
    };
    let head_check = if number.len() > 9 { '<' } else { digit(&head) };
    let mut l = format!("{head}{head_check}UTO740812{}F120415{}{overflow}", digit("740812"), digit("120415"));
    let optional_end = if visa { width } else { width - 1 };
    while l.len() < optional_end {
        l.push('<');
    }
    if !visa {
        let composite = digit(&[&l[0..10], &l[13..20], &l[21..width - 1]].concat());
        l.push(composite);
    }
    l
}

#[test]
fn a_td2_long_document_number_continues_in_the_optional_data() {
    let l1 = "I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<";
    let l2 = line2("D23145890734", 36, false);
    assert_eq!(&l2[9..10], "<");
    let m = parse_lines(&[l1, &l2]).unwrap();
    assert_eq!(m.format, Format::Td2);
    assert_eq!(m.document_number, "D23145890734");
    assert_eq!(m.optional_data, "");
    // The overflow's check digit covers the whole number.
    let spoilt = l2.replacen("7349", "7348", 1);
    let spoilt = fix_td2_composite(&spoilt);
    assert_eq!(
        error(&[l1.to_string(), spoilt]),
        "document number: check digit 8 does not match the computed 9"
    );
    // No digit before the first filler: the number cannot be read.
    let bare = format!("{}{}", &l2[..28], "<<<<<<<");
    let bare = fix_td2_composite(&bare);
    assert!(error(&[l1.to_string(), bare]).starts_with("document number"));
}

fn fix_td2_composite(l2: &str) -> String {
    let digit = |s: &str| char::from(b'0' + check_digit(s));
    let body = &l2[..35];
    format!("{body}{}", digit(&[&body[0..10], &body[13..20], &body[21..35]].concat()))
}

#[test]
fn machine_readable_visas_have_no_composite() {
    let a1 = "VNUTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<";
    let a2 = line2("L8988901C", 44, true);
    let m = parse_lines(&[a1, &a2]).unwrap();
    assert_eq!(
        (m.format, m.document_code.as_str(), m.document_number.as_str()),
        (Format::MrvA, "VN", "L8988901C")
    );
    assert_eq!(serde_json::to_value(m.format).unwrap(), "MRV-A");
    let b1 = "V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<";
    let b2 = line2("L8988901C", 36, true);
    let m = parse_lines(&[b1, &b2]).unwrap();
    assert_eq!(m.format, Format::MrvB);
    assert_eq!(m.birth_date, jiff::civil::date(1974, 8, 12));
    // Every field check still holds on a visa.
    assert!(error(&bump(&[b1, &b2], 1, 9)).starts_with("document number: check digit"));
    assert!(error(&bump(&[b1, &b2], 1, 19)).starts_with("birth date: check digit"));
    // A passport-sized zone whose code is not V still needs its composite.
    let e = error(&[a1.replacen('V', "P", 1), a2]);
    assert!(e.starts_with("composite: check digit"), "{e}");
}

#[test]
fn a_filler_inside_the_document_number_is_refused() {
    // Found by the fuzz target: `<` counts as 0 in the check digit, so `L58<UTOER` with check
    // digit 6 passed every check.
    let l1 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<";
    let l2 = "L58<UTOER6UTO7408122F1204159ZE184226B<<<<<10";
    let e = error(&[l1.to_string(), l2.to_string()]);
    assert_eq!(e, "document number: \"L58<UTOER\" has a filler '<' inside it (fillers only pad the end)");
}
