//! Illustrative daily exchange rates for the demo: USD, EUR, RUB and CNY in tenge for every
//! working day (Monday to Friday; holidays are not left out) of 2023–2026.
//!
//! **These are NOT the National Bank of Kazakhstan's published rates.** They are smooth,
//! deterministic curves of about the right size (USD 450–520 ₸, EUR about USD × 1.08, RUB 5–6 ₸,
//! CNY 65–72 ₸), so that the demo can convert amounts; for real decisions import the NBK's rates.

use super::output::CsvOut;
use anyhow::Context;
use jiff::civil::{Date, Weekday, date};
use std::f64::consts::TAU;
use std::path::Path;

/// The file the demo imports.
pub const FILE: &str = "rates-illustrative.csv";
/// The first and last days with rates.
pub const FIRST_DAY: Date = date(2023, 1, 1);
pub const LAST_DAY: Date = date(2026, 12, 31);
/// The columns written.
const HEADER: [&str; 4] = ["date", "currency", "rate", "quantity"];

/// One illustrative rate: tenge per unit, in tiyn (hundredths), as the NBK writes two decimals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    pub date: Date,
    pub currency: &'static str,
    pub tiyn: i64,
}

impl Row {
    /// The rate as written: `470.52`.
    pub fn rate_text(&self) -> String {
        format!("{}.{:02}", self.tiyn / 100, self.tiyn % 100)
    }
}

/// The rates of one day (empty on Saturdays and Sundays).
fn day(d: Date) -> Vec<Row> {
    if matches!(d.weekday(), Weekday::Saturday | Weekday::Sunday) {
        return Vec::new();
    }
    let t = FIRST_DAY.until(d).map_or(0, |s| s.get_days()) as f64;
    let wave = |period: f64, phase: f64| (TAU * t / period + phase).sin();
    let usd = 485.0 + 22.0 * wave(730.0, 0.0) + 9.0 * wave(180.0, 0.7) + 2.5 * wave(23.0, 1.3);
    let eur = usd * (1.08 + 0.015 * wave(365.0, 2.0));
    let rub = 5.5 + 0.35 * wave(500.0, 0.4) + 0.1 * wave(61.0, 0.0);
    let cny = 68.5 + 2.5 * wave(600.0, 1.1) + 0.6 * wave(45.0, 0.0);
    [("USD", usd), ("EUR", eur), ("RUB", rub), ("CNY", cny)]
        .into_iter()
        .map(|(currency, kzt)| Row { date: d, currency, tiyn: (kzt * 100.0).round() as i64 })
        .collect()
}

/// Every row, day by day, in the order written.
pub fn rows() -> impl Iterator<Item = Row> {
    FIRST_DAY.series(jiff::Span::new().days(1)).take_while(|d| *d <= LAST_DAY).flat_map(day)
}

/// Writes the rates as CSV to `path` (under a temporary name, renamed when complete); returns
/// how many rows were written.
pub fn write(path: &Path) -> anyhow::Result<u64> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let name = path.file_name().with_context(|| format!("{} is not a file name", path.display()))?;
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let mut out = CsvOut::create(dir, &name.to_string_lossy(), &HEADER)?;
    let tmp = out.tmp().to_path_buf();
    let written = (|| {
        let mut n = 0;
        for r in rows() {
            let record = [r.date.to_string(), r.currency.to_string(), r.rate_text(), "1".to_string()];
            out.writer.write_record(&record).with_context(|| format!("cannot write {}", tmp.display()))?;
            n += 1;
        }
        out.finish()?.rename()?;
        anyhow::Ok(n)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written
}

#[cfg(test)]
mod tests {
    use super::*;
    use ashyq_core::rates::{RateColumns, read};

    #[test]
    fn working_days_only_in_the_stated_ranges() {
        let all: Vec<Row> = rows().collect();
        // 2023–2026 has 1,044 weekdays; four currencies each.
        assert_eq!(all.len(), 4 * 1044);
        assert!(all.iter().all(|r| !matches!(r.date.weekday(), Weekday::Saturday | Weekday::Sunday)));
        assert_eq!((all[0].date, all[0].currency), (date(2023, 1, 2), "USD"));
        assert_eq!(all.last().map(|r| (r.date, r.currency)), Some((date(2026, 12, 31), "CNY")));
        let range = |c: &str| {
            let v: Vec<i64> = all.iter().filter(|r| r.currency == c).map(|r| r.tiyn).collect();
            (v.iter().copied().min().unwrap_or(0), v.iter().copied().max().unwrap_or(0))
        };
        let (lo, hi) = range("USD");
        // In tiyn: 450.00–520.00 ₸.
        assert!(lo >= 45_000 && hi <= 52_000, "USD {lo}..{hi}");
        let (lo, hi) = range("RUB");
        assert!(lo >= 500 && hi <= 600, "RUB {lo}..{hi}");
        let (lo, hi) = range("CNY");
        assert!(lo >= 6_500 && hi <= 7_200, "CNY {lo}..{hi}");
        for pair in all.chunks(4) {
            let ratio = pair[1].tiyn as f64 / pair[0].tiyn as f64;
            assert!((1.06..=1.10).contains(&ratio), "EUR/USD {ratio} on {}", pair[0].date);
        }
    }

    #[test]
    fn the_file_is_deterministic_and_every_row_imports() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a.csv"), dir.path().join("sub").join("b.csv"));
        assert_eq!(write(&a).unwrap(), 4 * 1044);
        write(&b).unwrap();
        let text = std::fs::read_to_string(&a).unwrap();
        assert_eq!(text, std::fs::read_to_string(&b).unwrap());
        let mut lines = text.lines();
        let header: Vec<&str> = lines.next().unwrap().split(',').collect();
        let columns = RateColumns::resolve(&header).unwrap();
        for line in lines {
            let fields: Vec<&str> = line.split(',').collect();
            assert!(read(&columns, &fields).is_ok(), "{line}");
        }
        assert!(text.starts_with("date,currency,rate,quantity\n2023-01-02,USD,"), "{}", &text[..80]);
    }
}
