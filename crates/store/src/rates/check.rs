//! The reading half of a rates import: every row of the file read and checked, and rows that
//! give one currency and date different rates refused together, each naming the others — before
//! anything is written. Blocking (it reads the file); run it off the async threads.

use crate::labour::import::RowError;
use crate::labour::input::{Flow, Input, InputError, for_each_row};
use crate::labour::progress::{Pace, Progress};
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

/// A bad row, with every reason and its fields as read.
pub struct Bad {
    pub row: u64,
    pub errors: Vec<RowError>,
    pub raw: Vec<String>,
}

/// What the file holds.
pub struct Checked {
    pub sha256: String,
    /// Data rows read (blank lines and the header not counted).
    pub rows_read: u64,
    /// The rows to write: one per (currency, date).
    pub good: Vec<Good>,
    /// Rows that repeat an earlier row's currency, date and rate exactly.
    pub repeated: u64,
    /// Bad rows, by row number.
    pub bad: Vec<Bad>,
}

/// Why the file could not be checked row by row.
pub enum Failure {
    /// The header lacks a column or repeats one (reported at its row).
    Header(Vec<RowError>),
    Input(InputError),
}

/// Reads and checks every row of `input`, telling `told` how far it has come and the data rows
/// read so far.
pub fn check(input: Input, mut told: impl FnMut(Progress, u64)) -> Result<Checked, Failure> {
    let mut columns: Option<RateColumns> = None;
    let mut header_errors = Vec::new();
    let mut rows_read: u64 = 0;
    let mut too_many: Option<u64> = None;
    // Every good row, with its fields, until the repeats are known.
    let mut read: Vec<(Good, Vec<String>)> = Vec::new();
    let mut bad: Vec<Bad> = Vec::new();
    // Rows that are not text (CSV lines that are not UTF-8).
    let mut unreadable: Vec<(u64, Said)> = Vec::new();
    let mut pace = Pace::new(input.progress());
    let sha256 = for_each_row(
        input,
        |row, fields, progress| {
            let Some(cols) = &columns else {
                match RateColumns::resolve(fields) {
                    Ok(c) => {
                        columns = Some(c);
                        return Flow::Continue;
                    }
                    Err(e) => {
                        header_errors.extend(e.said().into_iter().map(|said| RowError::new(row, None, said)));
                        return Flow::Stop;
                    }
                }
            };
            if fields.iter().all(|f| f.trim().is_empty()) {
                return Flow::Continue;
            }
            rows_read += 1;
            if rows_read > MAX_ROWS {
                too_many = Some(row);
                return Flow::Stop;
            }
            let raw = || fields.iter().map(|s| s.to_string()).collect();
            match rates::read(cols, fields) {
                Ok(rate) => read.push((Good { row, rate }, raw())),
                Err(errors) => bad.push(Bad {
                    row,
                    errors: errors
                        .into_iter()
                        .map(|e| RowError { row, column: Some(e.column.to_string()), reason: e.reason })
                        .collect(),
                    raw: raw(),
                }),
            }
            if let Some(progress) = pace.tell(progress) {
                told(progress, rows_read);
            }
            Flow::Continue
        },
        |row, reason| unreadable.push((row, reason)),
    );
    rows_read += unreadable.len() as u64;
    for (row, reason) in unreadable {
        bad.push(Bad { row, errors: vec![RowError { row, column: None, reason }], raw: Vec::new() });
    }
    if !header_errors.is_empty() {
        return Err(Failure::Header(header_errors));
    }
    let sha256 = sha256.map_err(Failure::Input)?;
    if let Some(row) = too_many {
        return Err(Failure::Input(InputError::Row {
            row,
            reason: Said::new(
                "up-why-too-many-rows",
                format!("a rates file may have at most {MAX_ROWS} rows"),
            )
            .count("max", MAX_ROWS as i64),
        }));
    }
    told(pace.end(), rows_read);

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
    for (i, error) in conflicts {
        if let Some((g, raw)) = taken.get_mut(i).and_then(Option::take) {
            bad.push(Bad { row: g.row, errors: vec![error], raw });
        }
    }
    let good =
        taken.into_iter().zip(keep).filter(|(_, k)| *k).filter_map(|(g, _)| g.map(|(g, _)| g)).collect();
    bad.sort_by_key(|b| b.row);
    Ok(Checked { sha256, rows_read, good, repeated, bad })
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

    fn run(text: &str) -> Checked {
        match check(Input::from_bytes(text.as_bytes().to_vec()), |_, _| {}) {
            Ok(c) => c,
            Err(_) => panic!("the file should be checked row by row"),
        }
    }

    #[test]
    fn repeats_are_kept_once_and_conflicts_name_every_row() {
        let c = run("date,currency,rate\n\
             2025-03-07,USD,497.51\n\
             2025-03-07,usd,497.510\n\
             2025-03-07,EUR,538.12\n\
             ,,\n\
             2025-03-07,EUR,538.2\n\
             2025-03-07,EUR,538.3\n\
             2025-03-06,USD,x\n\
             \n");
        assert_eq!((c.rows_read, c.repeated), (6, 1));
        assert_eq!(c.good.iter().map(|g| g.row).collect::<Vec<_>>(), [2]);
        let bad: Vec<(u64, String)> =
            c.bad.iter().map(|b| (b.row, b.errors[0].reason.english.clone())).collect();
        let conflict = "EUR for 2025-03-07 is given different rates in rows 4, 6 and 7: 538.12, 538.2 and 538.3 tenge per unit";
        assert_eq!(bad[0], (4, conflict.to_string()));
        assert_eq!(bad[1], (6, conflict.to_string()));
        assert_eq!(bad[2], (7, conflict.to_string()));
        assert_eq!(bad[3].0, 8);
        assert_eq!(c.bad[0].raw, ["2025-03-07", "EUR", "538.12"]);
    }

    #[test]
    fn a_header_without_the_rate_is_refused_at_row_1() {
        match check(Input::from_bytes(b"date,currency\n2025-03-07,USD\n".to_vec()), |_, _| {}) {
            Err(Failure::Header(e)) => {
                assert_eq!((e[0].row, e[0].reason.english.as_str()), (1, "header: missing column(s): rate"))
            }
            _ => panic!("a header error"),
        }
    }
}
