//! Property tests: no input makes the parser panic, and zones built from random fields (with
//! their check digits computed) parse back to those fields.

use super::*;
use jiff::ToSpan;
use proptest::prelude::*;

const TODAY: Date = jiff::civil::date(2026, 11, 21);

fn pad(text: &str, width: usize) -> String {
    format!("{text:<<width$}")
}

fn digit(text: &str) -> char {
    char::from(b'0' + check_digit(text))
}

fn yymmdd(d: Date) -> String {
    format!("{:02}{:02}{:02}", d.year().rem_euclid(100), d.month(), d.day())
}

/// Random fields of a document.
#[derive(Debug, Clone)]
struct Fields {
    code: String,
    state: String,
    number: String,
    nationality: String,
    surname: Vec<String>,
    given: Vec<String>,
    birth: Date,
    sex: char,
    expiry: Date,
    optional: String,
    optional_2: String,
}

fn fields(number: impl Strategy<Value = String>) -> impl Strategy<Value = Fields> {
    (
        // A first letter V is a visa (9303 part 7), which has no composite: documents only here.
        ("[A-UW-Z]", "[A-Z<]"),
        ("[A-Z]{3}", number, "[A-Z]{3}"),
        (prop::collection::vec("[A-Z]{1,5}", 1..=2), prop::collection::vec("[A-Z]{1,6}", 0..=2)),
        (0i32..36_000, prop::sample::select(vec!['M', 'F', 'X']), -18_000i32..18_000),
        ("[A-Z0-9]{0,7}", "[A-Z0-9]{0,11}"),
    )
        .prop_map(|((c1, c2), (state, number, nationality), (surname, given), (b, sex, e), (o1, o2))| {
            Fields {
                code: format!("{c1}{c2}"),
                state,
                number,
                nationality,
                surname,
                given,
                birth: TODAY.checked_sub(b.days()).unwrap_or(TODAY),
                sex,
                expiry: TODAY.checked_add(e.days()).unwrap_or(TODAY),
                optional: o1,
                optional_2: o2,
            }
        })
}

impl Fields {
    fn name(&self, width: usize) -> String {
        pad(&format!("{}<<{}", self.surname.join("<"), self.given.join("<")), width)
    }

    /// TD2 (width 36) and TD3 (width 44) share line 2 up to the optional data.
    fn two_lines(&self, width: usize) -> String {
        let number = pad(&self.number, 9);
        let (birth, expiry) = (yymmdd(self.birth), yymmdd(self.expiry));
        let optional = if width == 44 {
            let field = pad(&self.optional, 14);
            format!("{field}{}", digit(&field))
        } else {
            pad(&self.optional, 7)
        };
        let line2 = format!(
            "{number}{}{}{birth}{}{}{expiry}{}{optional}",
            digit(&number),
            self.nationality,
            digit(&birth),
            self.sex,
            digit(&expiry)
        );
        let composite = [&line2[0..10], &line2[13..20], &line2[21..]].concat();
        format!("{}{}{}\n{line2}{}", self.code, self.state, self.name(width - 5), digit(&composite))
    }

    fn td1(&self) -> String {
        let head = if self.number.len() <= 9 {
            let number = pad(&self.number, 9);
            format!("{number}{}{}", digit(&number), pad(&self.optional, 15))
        } else {
            let (first, rest) = self.number.split_at(9);
            let tail = format!("{rest}{}<{}", digit(&self.number), self.optional);
            format!("{first}<{}", pad(&tail[..tail.len().min(15)], 15))
        };
        let (birth, expiry) = (yymmdd(self.birth), yymmdd(self.expiry));
        let line2 = format!(
            "{birth}{}{}{expiry}{}{}{}",
            digit(&birth),
            self.sex,
            digit(&expiry),
            self.nationality,
            pad(&self.optional_2, 11)
        );
        let composite = [&head[..], &line2[0..7], &line2[8..15], &line2[18..29]].concat();
        format!("{}{}{head}\n{line2}{}\n{}", self.code, self.state, digit(&composite), self.name(30))
    }

    fn check(&self, m: &Mrz, format: Format) -> Result<(), TestCaseError> {
        prop_assert_eq!(m.format, format);
        prop_assert_eq!(&m.document_code, self.code.trim_end_matches('<'));
        prop_assert_eq!(&m.issuing_state, &self.state);
        prop_assert_eq!(&m.document_number, &self.number);
        prop_assert_eq!(&m.nationality, &self.nationality);
        prop_assert_eq!(m.surname.clone(), self.surname.join(" "));
        prop_assert_eq!(m.given_names.clone(), self.given.join(" "));
        prop_assert_eq!(m.birth_date, self.birth);
        prop_assert_eq!(m.expiry_date, self.expiry);
        let sex = match self.sex {
            'M' => Sex::Male,
            'F' => Sex::Female,
            _ => Sex::Unspecified,
        };
        prop_assert_eq!(m.sex, sex);
        Ok(())
    }
}

proptest! {
    #[test]
    fn no_input_panics(lines in prop::collection::vec(any::<String>(), 1..=3)) {
        let _ = parse(&lines.join("\n"), TODAY);
    }

    #[test]
    fn no_zone_shaped_input_panics(
        lines in prop::collection::vec("[A-Z0-9<a ]{28,46}", 1..=3),
        zone in prop::sample::select(vec![30usize, 36, 44]),
        rows in 2usize..=3,
        chars in prop::collection::vec(prop::sample::select(b"AZ09<<<<5".to_vec()), 132),
    ) {
        let _ = parse(&lines.join("\n"), TODAY);
        let text: Vec<String> =
            chars.chunks(zone).take(rows).map(|c| String::from_utf8_lossy(c).into_owned()).collect();
        let _ = parse(&text.join("\n"), TODAY);
    }

    #[test]
    fn a_built_td3_parses_back(f in fields("[A-Z0-9]{1,9}"), optional in "[A-Z0-9]{0,14}") {
        let f = Fields { optional, ..f };
        let m = parse(&f.two_lines(44), TODAY).map_err(|e| TestCaseError::fail(e.to_string()))?;
        f.check(&m, Format::Td3)?;
        prop_assert_eq!(&m.optional_data, &f.optional);
    }

    #[test]
    fn a_built_td2_parses_back(f in fields("[A-Z0-9]{1,9}")) {
        let m = parse(&f.two_lines(36), TODAY).map_err(|e| TestCaseError::fail(e.to_string()))?;
        f.check(&m, Format::Td2)?;
        prop_assert_eq!(&m.optional_data, &f.optional);
    }

    #[test]
    fn a_built_td1_parses_back(f in fields("[A-Z0-9]{1,13}")) {
        let m = parse(&f.td1(), TODAY).map_err(|e| TestCaseError::fail(e.to_string()))?;
        f.check(&m, Format::Td1)?;
        prop_assert_eq!(m.optional_data_2.as_deref(), Some(f.optional_2.as_str()));
        if f.number.len() <= 9 {
            prop_assert_eq!(&m.optional_data, &f.optional);
        }
    }
}
