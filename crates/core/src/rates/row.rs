//! Reading one row of a rates file (`date,currency,rate[,quantity]`), in the conventions of the
//! labour sources' rows: columns found by their header in any order and case, extra columns
//! ignored, and every bad field of a row named with its reason.

use super::currency::Currency;
use crate::labour::rows::{self, FieldError, HeaderError, find_columns, parse_iso_date, shorten};
use crate::said::Said;
use crate::text;
use jiff::civil::Date;
use rust_decimal::Decimal;
use serde::Serialize;

/// The columns a rates file must have.
pub const REQUIRED_COLUMNS: [&str; 3] = ["date", "currency", "rate"];
/// The columns a rates file may have: `quantity`, the units the rate is for (default 1).
pub const OPTIONAL_COLUMNS: [&str; 1] = ["quantity"];

/// The largest `quantity`: the NBK quotes per 1, 10, 100 or 1,000 units.
const MAX_QUANTITY: u64 = 1_000_000;
/// The most digits of a rate: far above any real rate, far below what `Decimal` holds.
const MAX_DIGITS: usize = 20;

/// Where each column is in the file's rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RateColumns {
    date: usize,
    currency: usize,
    rate: usize,
    quantity: Option<usize>,
}

impl RateColumns {
    /// Finds the columns in a header row (see [`REQUIRED_COLUMNS`], [`OPTIONAL_COLUMNS`]).
    pub fn resolve(header: &[&str]) -> Result<RateColumns, HeaderError> {
        let at = find_columns(header, &REQUIRED_COLUMNS, &OPTIONAL_COLUMNS)?;
        match at.as_slice() {
            &[Some(date), Some(currency), Some(rate), quantity] => {
                Ok(RateColumns { date, currency, rate, quantity })
            }
            _ => Err(HeaderError { missing: REQUIRED_COLUMNS.to_vec(), duplicated: Vec::new() }),
        }
    }
}

/// One official rate: tenge for one unit of `currency`, set for `date`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Rate {
    pub currency: Currency,
    pub date: Date,
    /// Tenge per one unit, normalised (no trailing zeros): `rate / quantity` of the file.
    pub kzt_per_unit: Decimal,
}

/// Reads a row: every field is checked and every bad one named.
pub fn read(columns: &RateColumns, row: &[&str]) -> Result<Rate, Vec<FieldError>> {
    let field = |at: Option<usize>| at.and_then(|i| row.get(i)).map_or("", |s| s.trim());
    // The boundary text rules first: a bad character is the row's error naming its column.
    let named =
        [("date", Some(columns.date)), ("currency", Some(columns.currency)), ("rate", Some(columns.rate))];
    let bad: Vec<FieldError> = named
        .into_iter()
        .chain([("quantity", columns.quantity)])
        .filter_map(|(column, at)| {
            let raw = at.and_then(|i| row.get(i)).copied().unwrap_or("");
            text::check(column, text::FLOOR, raw).err().map(|e| FieldError { column, reason: e.said() })
        })
        .collect();
    if !bad.is_empty() {
        return Err(bad);
    }
    let mut errors = Vec::new();
    let mut fail = |column: &'static str, reason: Said| errors.push(FieldError { column, reason });

    let date = match field(Some(columns.date)) {
        "" => {
            fail("date", rows::empty());
            None
        }
        text => match parse_iso_date(text) {
            Some(d) => Some(d),
            None => {
                fail("date", rows::not_a_date(text));
                None
            }
        },
    };
    let currency = match field(Some(columns.currency)) {
        "" => {
            fail("currency", rows::empty());
            None
        }
        text => match Currency::parse(text) {
            Ok(c) if c.is_kzt() => {
                fail(
                    "currency",
                    Said::new(
                        "up-why-kzt",
                        "KZT is the tenge: its rate is 1 by definition and is not imported",
                    ),
                );
                None
            }
            Ok(c) => Some(c),
            Err(e) => {
                fail("currency", Said::new("up-why-currency", e.to_string()).text("value", e.text.clone()));
                None
            }
        },
    };
    let rate = match field(Some(columns.rate)) {
        "" => {
            fail("rate", rows::empty());
            None
        }
        text => parse_rate(text).map_err(|reason| fail("rate", reason)).ok(),
    };
    let quantity = match field(columns.quantity) {
        "" => Some(1),
        text => parse_quantity(text).map_err(|reason| fail("quantity", reason)).ok(),
    };
    let kzt_per_unit = match (rate, quantity) {
        (Some(rate), Some(q)) => match per_unit(rate, q) {
            Some(v) => Some(v),
            None => {
                fail(
                    "quantity",
                    Said::new(
                        "up-why-per-unit",
                        format!(
                            "{rate} / {q} is not an exact decimal: the NBK quotes per 1, 10, 100 or 1000 units"
                        ),
                    )
                    .with("rate", crate::said::Value::Number(rate))
                    .count("quantity", q as i64),
                );
                None
            }
        },
        _ => None,
    };
    match (date, currency, kzt_per_unit) {
        (Some(date), Some(currency), Some(kzt_per_unit)) if errors.is_empty() => {
            Ok(Rate { currency, date, kzt_per_unit })
        }
        _ => Err(errors),
    }
}

/// A positive decimal with `.` or `,` as its decimal separator and no other signs.
fn parse_rate(text: &str) -> Result<Decimal, Said> {
    let shown = shorten(text);
    let not_positive = || {
        Said::new(
            "up-why-rate-positive",
            format!("`{shown}` is not positive: a rate is tenge for `quantity` units"),
        )
        .text("value", shown.clone())
    };
    if text.starts_with('-') {
        return Err(not_positive());
    }
    let (whole, fraction) = match text.find(['.', ',']) {
        Some(i) => (&text[..i], Some(&text[i + 1..])),
        None => (text, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(whole) || !fraction.is_none_or(digits) {
        return Err(Said::new(
            "up-why-rate-number",
            format!(
                "`{shown}` is not a number: expected digits with at most one decimal separator, such as 470.52 or 470,52"
            ),
        )
        .text("value", shown.clone()));
    }
    if whole.len() + fraction.map_or(0, str::len) > MAX_DIGITS {
        return Err(Said::new("up-why-rate-digits", format!("`{shown}` has more than {MAX_DIGITS} digits"))
            .text("value", shown.clone())
            .count("max", MAX_DIGITS as i64));
    }
    let value = match fraction {
        Some(f) => Decimal::from_str_exact(&format!("{whole}.{f}")),
        None => Decimal::from_str_exact(whole),
    }
    .map_err(|e| {
        Said::new("up-why-rate-number", format!("`{shown}` is not a number: {e}"))
            .text("value", shown.clone())
    })?;
    if value.is_zero() {
        return Err(not_positive());
    }
    Ok(value.normalize())
}

/// A whole number of units, 1 to [`MAX_QUANTITY`]; `100.0` (a spreadsheet's whole number) too.
fn parse_quantity(text: &str) -> Result<u64, Said> {
    let digits = text.strip_suffix(".0").unwrap_or(text);
    match digits.parse::<u64>() {
        Ok(v) if (1..=MAX_QUANTITY).contains(&v) => Ok(v),
        Ok(v) => Err(rows::out_of_range(v, 1, MAX_QUANTITY)),
        Err(_) => Err(Said::new(
            "up-why-positive-number",
            format!("`{}` is not a positive whole number", shorten(text)),
        )
        .text("value", shorten(text))),
    }
}

/// `rate / quantity`, when that is an exact decimal.
fn per_unit(rate: Decimal, quantity: u64) -> Option<Decimal> {
    let q = Decimal::from(quantity);
    let value = rate.checked_div(q)?;
    (value.checked_mul(q)? == rate).then(|| value.normalize())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cols(header: &str) -> RateColumns {
        RateColumns::resolve(&header.split(',').collect::<Vec<_>>()).unwrap()
    }

    fn errors<T: std::fmt::Debug>(r: Result<T, Vec<FieldError>>) -> Vec<(&'static str, String)> {
        r.unwrap_err().into_iter().map(|e| (e.column, e.reason.english)).collect()
    }

    fn dec(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn headers_in_any_order_and_case_quantity_optional() {
        let c = cols("\u{feff}Rate, note ,CURRENCY,Date");
        let r = read(&c, &["470.52", "x", "usd", "2025-03-07"]).unwrap();
        assert_eq!(
            (r.currency, r.date, r.kzt_per_unit),
            (Currency::USD, jiff::civil::date(2025, 3, 7), dec("470.52"))
        );
        let c = cols("date,currency,rate,Quantity");
        assert_eq!(read(&c, &["2025-03-07", "RUB", "552,00", "100"]).unwrap().kzt_per_unit, dec("5.52"));
        assert_eq!(read(&c, &["2025-03-07", "RUB", "5.52", ""]).unwrap().kzt_per_unit, dec("5.52"));
        assert_eq!(
            read(&c, &["2025-03-07", "JPY", "318.5", "100.0"]).unwrap().kzt_per_unit.to_string(),
            "3.185"
        );
        let err = RateColumns::resolve(&["date", "Date", "rate", "quantity", "QUANTITY"]).unwrap_err();
        assert_eq!((err.missing, err.duplicated), (vec!["currency"], vec!["date", "quantity"]));
    }

    #[test]
    fn every_bad_field_is_named() {
        let c = cols("date,currency,rate,quantity");
        let got = errors(read(&c, &["2025-02-30", "US", "-470", "0"]));
        assert_eq!(got.iter().map(|e| e.0).collect::<Vec<_>>(), ["date", "currency", "rate", "quantity"]);
        assert_eq!(got[0].1, "`2025-02-30` is not a date: expected YYYY-MM-DD");
        assert!(got[2].1.contains("not positive"), "{got:?}");
        assert_eq!(got[3].1, "0 is out of range 1–1000000");
        let got = errors(read(&c, &["", "", "", "x"]));
        assert_eq!(
            got,
            [
                ("date", "is empty".to_string()),
                ("currency", "is empty".to_string()),
                ("rate", "is empty".to_string()),
                ("quantity", "`x` is not a positive whole number".to_string()),
            ]
        );
        assert_eq!(read(&c, &["2025-03-07"]).unwrap_err().len(), 2);
    }

    #[test]
    fn a_bad_character_is_an_error_naming_the_column() {
        let c = cols("date,currency,rate,quantity");
        let got = errors(read(&c, &["2025-03-07", "US\u{1b}D", "470.52", "1"]));
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "currency");
        assert!(got[0].1.contains("control character (U+001B)"), "{got:?}");
    }

    #[test]
    fn the_tenge_is_not_imported() {
        let c = cols("date,currency,rate");
        assert_eq!(
            errors(read(&c, &["2025-03-07", "kzt", "1"])),
            [("currency", "KZT is the tenge: its rate is 1 by definition and is not imported".to_string())]
        );
    }

    #[test]
    fn rates_must_be_plain_positive_decimals() {
        let c = cols("date,currency,rate");
        let rate = |t: &str| read(&c, &["2025-03-07", "EUR", t]).map(|r| r.kzt_per_unit);
        assert_eq!(rate("508.10"), Ok(dec("508.1")));
        assert_eq!(rate("508,1"), Ok(dec("508.1")));
        assert_eq!(rate("0.0001"), Ok(dec("0.0001")));
        for bad in ["0", "0,00", "-1", "1,234.56", "1 234,56", "4.7e2", "+470", ".5", "5.", "abc", "NaN"] {
            let got = errors(rate(bad));
            assert_eq!(got.len(), 1, "{bad}: {got:?}");
            assert_eq!(got[0].0, "rate", "{bad}");
        }
        assert!(errors(rate("0")).first().is_some_and(|e| e.1.contains("not positive")));
        assert!(
            errors(rate("123456789012345678901"))
                .first()
                .is_some_and(|e| e.1.contains("more than 20 digits"))
        );
    }

    #[test]
    fn a_quantity_that_does_not_divide_exactly_is_refused() {
        let c = cols("date,currency,rate,quantity");
        let got = errors(read(&c, &["2025-03-07", "KRW", "1", "3"]));
        assert_eq!(got[0].0, "quantity");
        assert!(got[0].1.contains("not an exact decimal"), "{got:?}");
        assert_eq!(read(&c, &["2025-03-07", "KRW", "1.5", "3"]).unwrap().kzt_per_unit, dec("0.5"));
    }
}
