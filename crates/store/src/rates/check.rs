//! The checking half of a rates import: each row read into a rate, and, once every row is read,
//! rows that give one currency and date different rates refused together, each naming the
//! others — before anything is written.

use crate::pipeline::{Check, Refusal, RowError};
use ashyq_core::rates::{self, Currency, Rate, RateColumns};
use ashyq_core::said::Said;
use jiff::civil::Date;
use std::collections::HashMap;

/// The most data rows a rates file may have: far more than every NBK rate since 1993, and a
/// bound on the memory a file can take (its rows are held until every row is checked).
pub const MAX_ROWS: u64 = 2_000_000;

/// A good row of the file.
pub struct Good {
    pub row: u64,
    pub rate: Rate,
}

/// A rates file's rows, each checked into its rate. Rows that give one currency and date
/// different rates are found once every row is read ([`settle`]).
pub struct RatesCheck;

impl Check for RatesCheck {
    type Columns = RateColumns;
    type Record = Rate;

    fn columns(&self, header: &[&str]) -> Result<RateColumns, Vec<Said>> {
        RateColumns::resolve(header).map_err(|e| e.said())
    }

    fn row(&mut self, columns: &RateColumns, row: u64, fields: &[&str]) -> Result<Rate, Vec<RowError>> {
        rates::read(columns, fields).map_err(|errors| {
            errors
                .into_iter()
                .map(|e| RowError { row, column: Some(e.column.to_string()), reason: e.reason })
                .collect()
        })
    }

    fn too_many(&self, rows: u64) -> Option<Said> {
        (rows > MAX_ROWS).then(|| {
            Said::new("up-why-too-many-rows", format!("a rates file may have at most {MAX_ROWS} rows"))
                .count("max", MAX_ROWS as i64)
        })
    }
}

/// The good rows of a file, settled.
pub struct Settled {
    /// The rows to write: one per (currency, date).
    pub good: Vec<Good>,
    /// Rows that repeat an earlier row's currency, date and rate exactly.
    pub repeated: u64,
    /// Rows that give their currency and date another rate than a row of the same file, by row.
    pub conflicts: Vec<Refusal>,
}

/// Keeps one row per currency and date: a repeat of the same rate is dropped, rows that give
/// one currency and date different rates are all refused, each naming the others.
pub fn settle(read: Vec<(Good, Vec<String>)>) -> Settled {
    let mut by_key: HashMap<(Currency, Date), Vec<usize>> = HashMap::new();
    for (i, (g, _)) in read.iter().enumerate() {
        by_key.entry((g.rate.currency, g.rate.date)).or_default().push(i);
    }
    let mut keep = vec![true; read.len()];
    let mut repeated = 0;
    let mut conflicts: Vec<(usize, RowError)> = Vec::new();
    for ((currency, date), at) in &by_key {
        let [first, rest @ ..] = at.as_slice() else { continue };
        let value = |i: &usize| read[*i].0.rate.kzt_per_unit;
        if rest.iter().all(|i| value(i) == value(first)) {
            for &i in rest {
                keep[i] = false;
                repeated += 1;
            }
            continue;
        }
        let rows: Vec<String> = at.iter().map(|&i| read[i].0.row.to_string()).collect();
        let values: Vec<String> = at.iter().map(|i| value(i).to_string()).collect();
        let reason = Said::new(
            "up-why-rates-differ",
            format!(
                "{currency} for {date} is given different rates in rows {}: {} tenge per unit",
                and_list(&rows),
                and_list(&values)
            ),
        )
        .text("currency", currency.as_str())
        .date("date", *date)
        .text("rows", rows.join(", "))
        .text("rates", values.join("; "));
        for &i in at {
            keep[i] = false;
            let row = read[i].0.row;
            conflicts.push((i, RowError { row, column: Some("rate".into()), reason: reason.clone() }));
        }
    }
    let mut taken: Vec<Option<(Good, Vec<String>)>> = read.into_iter().map(Some).collect();
    let mut bad = Vec::with_capacity(conflicts.len());
    for (i, error) in conflicts {
        if let Some((g, raw)) = taken.get_mut(i).and_then(Option::take) {
            bad.push(Refusal { row: g.row, errors: vec![error], raw });
        }
    }
    let good =
        taken.into_iter().zip(keep).filter(|(_, k)| *k).filter_map(|(g, _)| g.map(|(g, _)| g)).collect();
    bad.sort_by_key(|b| b.row);
    Settled { good, repeated, conflicts: bad }
}

/// `a`, `a and b`, `a, b and c`.
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    fn good(row: u64, currency: &str, date: &str, rate: &str) -> (Good, Vec<String>) {
        let rate = Rate {
            currency: Currency::parse(currency).expect("a currency"),
            date: date.parse().expect("a date"),
            kzt_per_unit: rate.parse::<Decimal>().expect("a rate"),
        };
        (Good { row, rate }, vec![date.into(), currency.into(), rate.kzt_per_unit.to_string()])
    }

    #[test]
    fn repeats_are_kept_once_and_conflicts_name_every_row() {
        let s = settle(vec![
            good(2, "USD", "2025-03-07", "497.51"),
            good(3, "USD", "2025-03-07", "497.510"),
            good(4, "EUR", "2025-03-07", "538.12"),
            good(6, "EUR", "2025-03-07", "538.2"),
            good(7, "EUR", "2025-03-07", "538.3"),
        ]);
        assert_eq!(s.repeated, 1);
        assert_eq!(s.good.iter().map(|g| g.row).collect::<Vec<_>>(), [2]);
        let bad: Vec<(u64, String)> =
            s.conflicts.iter().map(|b| (b.row, b.errors[0].reason.english.clone())).collect();
        let conflict = "EUR for 2025-03-07 is given different rates in rows 4, 6 and 7: 538.12, 538.2 and 538.3 tenge per unit";
        assert_eq!(bad, [(4, conflict.to_string()), (6, conflict.to_string()), (7, conflict.to_string())]);
        assert_eq!(s.conflicts[0].raw, ["2025-03-07", "EUR", "538.12"]);
    }

    #[test]
    fn a_header_without_the_rate_is_refused() {
        match RatesCheck.columns(&["date", "currency"]) {
            Err(e) => assert_eq!(e[0].english, "header: missing column(s): rate"),
            Ok(_) => panic!("a header without the rate is refused"),
        }
    }

    #[test]
    fn a_file_may_hold_max_rows_and_no_more() {
        assert!(RatesCheck.too_many(MAX_ROWS).is_none());
        assert!(RatesCheck.too_many(MAX_ROWS + 1).is_some());
    }
}
