//! Reading one row of a source file: finding the columns by their header (in any order and
//! case, extra columns ignored) and checking every field, so that a bad row is reported with
//! every column that is wrong and why, before anything is written.

use super::records::{ForecastRow, PERMIT_CATEGORIES, Source, Vacancy, VacancyStatus, WorkPermit};
use crate::country;
use crate::ids;
use crate::occupation::{OccupationCode, classifier};
use crate::region::{self, Region};
use crate::said::Said;
use crate::text;
use jiff::civil::Date;
use serde::Serialize;

/// Where each required column is in the file's rows.
#[derive(Debug, Clone)]
pub struct Columns {
    source: Source,
    at: Vec<usize>,
}

/// A header that lacks columns or names one twice.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.describe())]
pub struct HeaderError {
    pub missing: Vec<&'static str>,
    pub duplicated: Vec<&'static str>,
}

impl HeaderError {
    /// Each fault as a message code with the columns it names.
    pub fn said(&self) -> Vec<Said> {
        let mut out = Vec::new();
        if !self.missing.is_empty() {
            let english = format!("header: missing column(s): {}", self.missing.join(", "));
            out.push(Said::new("up-why-header-missing", english).text("columns", self.missing.join(", ")));
        }
        if !self.duplicated.is_empty() {
            let english = format!("header: column(s) given twice: {}", self.duplicated.join(", "));
            out.push(Said::new("up-why-header-twice", english).text("columns", self.duplicated.join(", ")));
        }
        out
    }

    fn describe(&self) -> String {
        let mut parts = Vec::new();
        if !self.missing.is_empty() {
            parts.push(format!("missing column(s): {}", self.missing.join(", ")));
        }
        if !self.duplicated.is_empty() {
            parts.push(format!("column(s) given twice: {}", self.duplicated.join(", ")));
        }
        parts.join("; ")
    }
}

/// What is wrong with one field of a row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    pub column: &'static str,
    pub reason: Said,
}

impl Columns {
    /// Finds the source's columns in a header row: names compared without case or surrounding
    /// spaces (and without a byte-order mark); columns that are not the source's are ignored.
    pub fn resolve(source: Source, header: &[&str]) -> Result<Columns, HeaderError> {
        let found = find_columns(header, source.columns(), &[])?;
        Ok(Columns { source, at: found.into_iter().flatten().collect() })
    }

    pub fn source(&self) -> Source {
        self.source
    }

    /// The position in the row of the source's `n`th column.
    pub fn position(&self, n: usize) -> Option<usize> {
        self.at.get(n).copied()
    }
}

/// Finds named columns in a header row: names compared without case or surrounding spaces (and
/// without a byte-order mark), other columns ignored. Returns the position of each of
/// `required` then each of `optional` (`None` for an optional column the header lacks).
pub(crate) fn find_columns(
    header: &[&str],
    required: &[&'static str],
    optional: &[&'static str],
) -> Result<Vec<Option<usize>>, HeaderError> {
    let clean: Vec<String> =
        header.iter().map(|h| h.trim().trim_start_matches('\u{feff}').trim().to_ascii_lowercase()).collect();
    let mut at = Vec::new();
    let mut missing = Vec::new();
    let mut duplicated = Vec::new();
    for (&name, is_required) in required.iter().map(|n| (n, true)).chain(optional.iter().map(|n| (n, false)))
    {
        let mut found = clean.iter().enumerate().filter(|(_, h)| h.as_str() == name).map(|(i, _)| i);
        match (found.next(), found.next()) {
            (Some(i), None) => at.push(Some(i)),
            (Some(_), Some(_)) => duplicated.push(name),
            (None, _) if is_required => missing.push(name),
            (None, _) => at.push(None),
        }
    }
    if missing.is_empty() && duplicated.is_empty() {
        Ok(at)
    } else {
        Err(HeaderError { missing, duplicated })
    }
}

/// Collects the errors of one row while its fields are read.
struct Reader<'r, 'a> {
    columns: &'r Columns,
    row: &'r [&'a str],
    errors: Vec<FieldError>,
}

impl<'r, 'a> Reader<'r, 'a> {
    fn field(&self, n: usize) -> &'a str {
        self.columns.at.get(n).and_then(|&i| self.row.get(i)).map_or("", |s| s.trim())
    }

    fn name(&self, n: usize) -> &'static str {
        self.columns.source.columns()[n]
    }

    /// The boundary text rules' floor over every column of the row (no control character but
    /// line breaks and tabs, which a quoted field may hold; at most 10,000 characters): false,
    /// with an error naming each bad column, if one breaks them. Columns keep their own limits.
    fn texts(&mut self) -> bool {
        let before = self.errors.len();
        for n in 0..self.columns.at.len() {
            let raw = self.columns.at.get(n).and_then(|&i| self.row.get(i)).copied().unwrap_or("");
            if let Err(e) = text::check(self.name(n), text::FLOOR, raw) {
                self.fail::<()>(n, e.said());
            }
        }
        self.errors.len() == before
    }

    fn fail<T>(&mut self, n: usize, reason: Said) -> Option<T> {
        self.errors.push(FieldError { column: self.name(n), reason });
        None
    }

    fn required(&mut self, n: usize) -> Option<&'a str> {
        let text = self.field(n);
        if text.is_empty() { self.fail(n, empty()) } else { Some(text) }
    }

    fn identifier(&mut self, n: usize) -> Option<&'a str> {
        let text = self.required(n)?;
        if text.len() > 64 && text.chars().count() > 64 {
            return self.fail(n, too_long(64));
        }
        if text.chars().any(char::is_control) {
            return self.fail(n, Said::new("up-why-control", "contains control characters"));
        }
        Some(text)
    }

    fn date(&mut self, n: usize) -> Option<Date> {
        let text = self.required(n)?;
        self.parse_date(n, text)
    }

    fn optional_date(&mut self, n: usize) -> Option<Option<Date>> {
        let text = self.field(n);
        if text.is_empty() {
            return Some(None);
        }
        self.parse_date(n, text).map(Some)
    }

    fn parse_date(&mut self, n: usize, text: &str) -> Option<Date> {
        match parse_iso_date(text) {
            Some(d) => Some(d),
            None => self.fail(n, not_a_date(text)),
        }
    }

    fn count(&mut self, n: usize, min: u64, max: u64) -> Option<u64> {
        let text = self.required(n)?;
        self.parse_count(n, text, min, max)
    }

    fn parse_count(&mut self, n: usize, text: &str, min: u64, max: u64) -> Option<u64> {
        // Spreadsheets write whole numbers as `12.0`; accept that, refuse real fractions.
        let digits = text.strip_suffix(".0").unwrap_or(text);
        match digits.parse::<u64>() {
            Ok(v) if (min..=max).contains(&v) => Some(v),
            Ok(v) => self.fail(n, out_of_range(v, min, max)),
            Err(_) if digits.starts_with('-') => self.fail(
                n,
                Said::new("up-why-negative", format!("`{}` is negative", shorten(text)))
                    .text("value", shorten(text)),
            ),
            Err(_) => self.fail(
                n,
                Said::new("up-why-number", format!("`{}` is not a whole number", shorten(text)))
                    .text("value", shorten(text)),
            ),
        }
    }

    fn region(&mut self, n: usize) -> Option<&'static Region> {
        let text = self.required(n)?;
        match region::parse(text) {
            Some(r) => Some(r),
            None => self.fail(
                n,
                Said::new(
                    "up-why-region",
                    format!(
                        "`{}` is not a region: expected an ISO 3166-2 code such as KZ-75 or a KATO code",
                        shorten(text)
                    ),
                )
                .text("value", shorten(text)),
            ),
        }
    }

    fn occupation(&mut self, n: usize) -> Option<OccupationCode> {
        let text = self.required(n)?;
        let code = match OccupationCode::parse(text) {
            Ok(c) => c,
            Err(e) => return self.fail(n, e.said()),
        };
        let Some(unit) =
            code.parent().filter(|_| code.level() == 5).or(Some(code)).filter(|c| c.level() == 4)
        else {
            return self.fail(
                n,
                Said::new(
                    "up-why-occupation",
                    format!("{code} is not a unit group: expected 4 digits such as 2512"),
                )
                .text("value", code.to_string()),
            );
        };
        if !classifier().has_unit_group(&unit) {
            return self.fail(
                n,
                Said::new(
                    "up-why-unknown-occupation",
                    format!("{unit} is not a unit group of the classifier"),
                )
                .text("value", unit.to_string()),
            );
        }
        Some(code)
    }

    fn bin(&mut self, n: usize) -> Option<&'a str> {
        let text = self.required(n)?;
        match ids::check_12(text) {
            Ok(_) => Some(text),
            Err(e) => self.fail(n, bin_error(&e)),
        }
    }

    fn finish<T>(self, value: Option<T>) -> Result<T, Vec<FieldError>> {
        match value {
            Some(v) if self.errors.is_empty() => Ok(v),
            _ => Err(self.errors),
        }
    }
}

/// "is empty".
pub fn empty() -> Said {
    Said::new("up-why-empty", "is empty")
}

/// "is longer than N characters".
pub fn too_long(max: usize) -> Said {
    Said::new("up-why-too-long", format!("is longer than {max} characters")).count("max", max as i64)
}

/// A text that is not a `YYYY-MM-DD` date.
pub fn not_a_date(text: &str) -> Said {
    Said::new("up-why-date", format!("`{}` is not a date: expected YYYY-MM-DD", shorten(text)))
        .text("value", shorten(text))
}

/// A whole number outside its range.
pub fn out_of_range(value: u64, min: u64, max: u64) -> Said {
    // As written, not grouped: the column is often a year.
    Said::new("up-why-range", format!("{value} is out of range {min}–{max}"))
        .text("value", value.to_string())
        .text("min", min.to_string())
        .text("max", max.to_string())
}

/// A BIN refused, with why.
pub fn bin_error(e: &ids::IdError) -> Said {
    // The identifier's own reason (`field-id-*`), said as a BIN's in an import (`up-why-bin-*`).
    let why = e.said();
    Said {
        code: why.code.replacen("field-id-", "up-why-bin-", 1),
        english: format!("not a valid BIN: {e}"),
        args: why.args,
    }
}

/// A date before another column's date.
pub fn before(date: Date, other: &'static str, other_date: Date) -> Said {
    Said::new("up-why-before", format!("{date} is before {other} {other_date}"))
        .date("date", date)
        .text("other", other)
        .date("other_date", other_date)
}

/// A field's text cut to 40 characters, for a message.
pub fn shorten(text: &str) -> String {
    let mut s: String = text.chars().take(40).collect();
    if text.chars().count() > 40 {
        s.push('…');
    }
    s
}

/// Parses `YYYY-MM-DD` strictly (years 1900–2199).
pub fn parse_iso_date(text: &str) -> Option<Date> {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<i16> {
        let s = text.get(r)?;
        if !s.bytes().all(|c| c.is_ascii_digit()) {
            return None;
        }
        s.parse().ok()
    };
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    if !(1900..=2199).contains(&y) {
        return None;
    }
    Date::new(y, i8::try_from(m).ok()?, i8::try_from(d).ok()?).ok()
}

/// Reads a forecast row.
pub fn forecast(columns: &Columns, row: &[&str]) -> Result<ForecastRow, Vec<FieldError>> {
    let mut r = Reader { columns, row, errors: Vec::new() };
    if !r.texts() {
        return Err(r.errors);
    }
    let year = r.count(0, 2000, 2100);
    let region = r.region(1);
    let occupation = r.occupation(2);
    let need = r.count(3, 0, 10_000_000);
    let value = (|| {
        Some(ForecastRow {
            year: i16::try_from(year?).ok()?,
            region: region?,
            occupation: occupation?,
            additional_need: u32::try_from(need?).ok()?,
        })
    })();
    r.finish(value)
}

/// Reads a vacancy row.
pub fn vacancy<'a>(columns: &Columns, row: &[&'a str]) -> Result<Vacancy<'a>, Vec<FieldError>> {
    let mut r = Reader { columns, row, errors: Vec::new() };
    if !r.texts() {
        return Err(r.errors);
    }
    let vacancy_id = r.identifier(0);
    let posted_on = r.date(1);
    let closed_on = r.optional_date(2);
    let status_text = r.required(3);
    let status = status_text.and_then(|s| match VacancyStatus::parse(s) {
        Some(st) => Some(st),
        None => r.fail(
            3,
            Said::new(
                "up-why-status",
                format!("`{}` is not one of open, filled, cancelled, expired", shorten(s)),
            )
            .text("value", shorten(s)),
        ),
    });
    if let (Some(status), Some(closed)) = (status, closed_on) {
        match (status, closed) {
            (VacancyStatus::Open, Some(_)) => {
                r.fail::<()>(2, Said::new("up-why-closed-open", "must be empty while the vacancy is open"));
            }
            (s, None) if s != VacancyStatus::Open => {
                r.fail::<()>(
                    2,
                    Said::new("up-why-closed-missing", format!("is empty but the vacancy is {}", s.as_str()))
                        .word("status", format!("up-status-{}", s.as_str())),
                );
            }
            _ => {}
        }
    }
    if let (Some(p), Some(Some(c))) = (posted_on, closed_on)
        && c < p
    {
        r.fail::<()>(2, before(c, "posted_on", p));
    }
    let region = r.region(4);
    let occupation = r.occupation(5);
    let positions = r.count(6, 1, 100_000);
    let salary_text = r.field(7);
    let salary = if salary_text.is_empty() {
        Some(None)
    } else {
        r.parse_count(7, salary_text, 0, 100_000_000).map(Some)
    };
    let employer_bin = r.bin(8);
    let title = r.field(9);
    if title.len() > 300 && title.chars().count() > 300 {
        r.fail::<()>(9, too_long(300));
    }
    let value = (|| {
        Some(Vacancy {
            vacancy_id: vacancy_id?,
            posted_on: posted_on?,
            closed_on: closed_on?,
            status: status?,
            region: region?,
            occupation: occupation?,
            positions: u32::try_from(positions?).ok()?,
            salary_kzt: salary?,
            employer_bin: employer_bin?,
            title,
        })
    })();
    r.finish(value)
}

/// Reads a work-permit row.
pub fn work_permit<'a>(columns: &Columns, row: &[&'a str]) -> Result<WorkPermit<'a>, Vec<FieldError>> {
    let mut r = Reader { columns, row, errors: Vec::new() };
    if !r.texts() {
        return Err(r.errors);
    }
    let permit_id = r.identifier(0);
    let issued_on = r.date(1);
    let valid_until = r.date(2);
    if let (Some(i), Some(v)) = (issued_on, valid_until)
        && v < i
    {
        r.fail::<()>(2, before(v, "issued_on", i));
    }
    let region = r.region(3);
    let occupation = r.occupation(4);
    let employer_bin = r.bin(5);
    let citizenship = r.required(6).and_then(|c| {
        if country::by_alpha3(c).is_some() {
            Some(c)
        } else {
            r.fail(
                6,
                Said::new(
                    "up-why-country",
                    format!("`{}` is not an ISO 3166-1 alpha-3 country code", shorten(c)),
                )
                .text("value", shorten(c)),
            )
        }
    });
    let category =
        r.required(7).and_then(|c| match PERMIT_CATEGORIES.iter().find(|k| k.eq_ignore_ascii_case(c)) {
            Some(k) => Some(*k),
            None => r.fail(
                7,
                Said::new(
                    "up-why-category",
                    format!(
                        "`{}` is not a permit category: expected 1, 2, 3, 4, seasonal or ict",
                        shorten(c)
                    ),
                )
                .text("value", shorten(c)),
            ),
        });
    let workers = r.count(8, 1, 100_000);
    let value = (|| {
        Some(WorkPermit {
            permit_id: permit_id?,
            issued_on: issued_on?,
            valid_until: valid_until?,
            region: region?,
            occupation: occupation?,
            employer_bin: employer_bin?,
            citizenship: citizenship?,
            category: category?,
            workers: u32::try_from(workers?).ok()?,
        })
    })();
    r.finish(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    const BIN: &str = "000101500011";

    fn cols(source: Source, header: &str) -> Columns {
        Columns::resolve(source, &header.split(',').collect::<Vec<_>>()).unwrap()
    }

    fn errors<T: std::fmt::Debug>(r: Result<T, Vec<FieldError>>) -> Vec<(&'static str, String)> {
        r.unwrap_err().into_iter().map(|e| (e.column, e.reason.english)).collect()
    }

    #[test]
    fn headers_in_any_order_and_case_with_extras() {
        let c = cols(Source::Forecast, "\u{feff}Occupation, NOTE ,Region,YEAR,additional_need");
        let row = forecast(&c, &["2512", "x", "750000000", "2025", "40"]).unwrap();
        assert_eq!(
            (row.year, row.region.code.as_str(), row.occupation.to_string(), row.additional_need),
            (2025, "KZ-75", "2512".into(), 40)
        );
        let err = Columns::resolve(Source::Forecast, &["year", "Year", "region"]).unwrap_err();
        assert_eq!(err.missing, ["occupation", "additional_need"]);
        assert_eq!(err.duplicated, ["year"]);
        assert_eq!(
            err.to_string(),
            "missing column(s): occupation, additional_need; column(s) given twice: year"
        );
    }

    #[test]
    fn every_bad_field_of_a_row_is_named() {
        let c = cols(Source::Forecast, "year,region,occupation,additional_need");
        let got = errors(forecast(&c, &["20x5", "KZ-99", "25", "-3"]));
        assert_eq!(
            got.iter().map(|e| e.0).collect::<Vec<_>>(),
            ["year", "region", "occupation", "additional_need"]
        );
        assert!(got[3].1.contains("negative"), "{got:?}");
        let got = errors(forecast(&c, &["2025", "KZ-75", "9999", ""]));
        assert_eq!(got[0], ("occupation", "9999 is not a unit group of the classifier".into()));
        assert_eq!(got[1], ("additional_need", "is empty".into()));
        let short = forecast(&c, &["2025"]);
        assert_eq!(short.unwrap_err().len(), 3);
    }

    #[test]
    fn a_bad_character_is_an_error_naming_the_column() {
        let c = cols(Source::Forecast, "year,region,occupation,additional_need");
        let got = errors(forecast(&c, &["2025", "KZ-75\u{0}", "2512", "3"]));
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "region");
        assert!(got[0].1.contains("control character (U+0000)"), "{got:?}");
        let got = errors(forecast(&c, &["2025", "KZ-75", "2512", &"9".repeat(10_001)]));
        assert_eq!(got[0].0, "additional_need");
        assert!(got[0].1.contains("at most 10000"), "{got:?}");
    }

    #[test]
    fn vacancies() {
        let c = cols(
            Source::Vacancies,
            "vacancy_id,posted_on,closed_on,status,region,occupation,positions,salary_kzt,employer_bin,title",
        );
        let v =
            vacancy(&c, &["V1", "2025-03-01", "", "OPEN", "KZ-71", "2512-1", "2", "", BIN, "Разработчик"])
                .unwrap();
        assert_eq!(
            (v.status, v.closed_on, v.salary_kzt, v.occupation.to_string()),
            (VacancyStatus::Open, None, None, "2512-1".into())
        );
        let v = vacancy(
            &c,
            &["V2", "2025-03-01", "2025-03-20", "filled", "71", "2512", "1", "450000.0", BIN, ""],
        )
        .unwrap();
        assert_eq!(v.salary_kzt, Some(450_000));
        let got = errors(vacancy(
            &c,
            &["V3", "2025-03-01", "2025-02-01", "filled", "KZ-71", "2512", "0", "4.5", "000101500012", "t"],
        ));
        assert_eq!(
            got.iter().map(|e| e.0).collect::<Vec<_>>(),
            ["closed_on", "positions", "salary_kzt", "employer_bin"]
        );
        assert!(got[3].1.contains("check digit"), "{got:?}");
        let got = errors(vacancy(
            &c,
            &["V4", "2025-02-30", "2025-03-01", "open", "KZ-71", "2512", "1", "1", BIN, ""],
        ));
        assert_eq!(got.iter().map(|e| e.0).collect::<Vec<_>>(), ["posted_on", "closed_on"]);
        let got =
            errors(vacancy(&c, &["V5", "2025-03-01", "", "closed", "KZ-71", "2512", "1", "1", BIN, ""]));
        assert_eq!(got, [("status", "`closed` is not one of open, filled, cancelled, expired".to_string())]);
        let got =
            errors(vacancy(&c, &["V6", "2025-03-01", "", "expired", "KZ-71", "2512", "1", "1", BIN, ""]));
        assert_eq!(got, [("closed_on", "is empty but the vacancy is expired".to_string())]);
    }

    #[test]
    fn work_permits() {
        let c = cols(
            Source::WorkPermits,
            "permit_id,issued_on,valid_until,region,occupation,employer_bin,citizenship,category,workers",
        );
        let p = work_permit(&c, &["P1", "2025-01-10", "2026-01-09", "KZ-23", "2146", BIN, "TUR", "3", "4"])
            .unwrap();
        assert_eq!((p.citizenship, p.category, p.workers), ("TUR", "3", 4));
        let got = errors(work_permit(
            &c,
            &["P2", "2025-01-10", "2024-01-09", "KZ-23", "2146", BIN, "TRK", "5", "0"],
        ));
        assert_eq!(
            got.iter().map(|e| e.0).collect::<Vec<_>>(),
            ["valid_until", "citizenship", "category", "workers"]
        );
    }

    #[test]
    fn dates_are_strict() {
        assert_eq!(parse_iso_date("2024-02-29"), Some(Date::constant(2024, 2, 29)));
        for bad in [
            "2023-02-29",
            "2024-2-29",
            "24-02-29",
            "2024/02/29",
            "2024-02-29T00:00",
            "1899-12-31",
            "+202-01-01",
        ] {
            assert_eq!(parse_iso_date(bad), None, "{bad}");
        }
    }
}
