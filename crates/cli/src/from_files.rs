//! The indicators straight from the three source files, without the database, for
//! `ashyq list compute --forecast F --vacancies V --work-permits W` (and its benchmark).
//!
//! Every row is checked as an import would check it. A file is parsed by one thread (CSV
//! records in batches) while the other cores check the records and accumulate them, each into
//! its own accumulator; the accumulators are merged at the end. Memory stays bounded: a few
//! batches in flight, and one accumulator per thread (counts per occupation and region).

use ashyq_core::labour::records::{ForecastRow, Source};
use ashyq_core::labour::rows::{self, Columns, FieldError};
use ashyq_core::labour::{Accumulator, LabourIndicators};
use ashyq_core::occupation::OccupationCode;
use std::collections::HashMap;
use std::fs::File;
use std::io::BufReader;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;

/// Records handed from the parser to a checker at a time.
const BATCH: usize = 4096;

/// Streams the three files through the accumulator of the calendar year `year`.
pub fn indicators(
    year: i16,
    hard_days: u16,
    forecast: &Path,
    vacancies: &Path,
    permits: &Path,
) -> anyhow::Result<LabourIndicators> {
    let mut acc = Accumulator::new(year, hard_days);
    read_forecast(&mut acc, forecast)?;
    for (source, path) in [(Source::Vacancies, vacancies), (Source::WorkPermits, permits)] {
        let other = read_parallel(year, hard_days, source, path)?;
        acc.merge(other);
    }
    Ok(acc.finish())
}

fn open(path: &Path) -> anyhow::Result<csv::Reader<BufReader<File>>> {
    let name = path.display();
    if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("xlsx")) {
        anyhow::bail!(
            "{name}: computing from files reads CSV; import a workbook, then compute from the database"
        );
    }
    let file = File::open(path).map_err(|e| anyhow::anyhow!("{name}: {e}"))?;
    Ok(csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(BufReader::with_capacity(1 << 20, file)))
}

/// The header's columns for a source, or the reason with the file's name.
fn header(reader: &mut csv::Reader<BufReader<File>>, source: Source, name: &str) -> anyhow::Result<Columns> {
    let mut record = csv::ByteRecord::new();
    if !reader.read_byte_record(&mut record).map_err(|e| anyhow::anyhow!("{name}: {e}"))? {
        anyhow::bail!("{name}: the file is empty: it has no header row");
    }
    let fields: Vec<&str> = record.iter().map(|f| std::str::from_utf8(f).unwrap_or("")).collect();
    Columns::resolve(source, &fields).map_err(|e| anyhow::anyhow!("{name}:1: header: {e}"))
}

/// The first problem of a row as `file:row:column: reason`.
fn describe(name: &str, row: u64, errors: &[FieldError]) -> String {
    match errors.first() {
        Some(e) => format!("{name}:{row}:{}: {}", e.column, e.reason),
        None => format!("{name}:{row}: invalid"),
    }
}

/// The most columns a row may have on the file path (the sources have 4 to 10).
const MAX_COLUMNS: usize = 64;

/// A record's fields as text, or why not: written into `out` (no allocation per row). The
/// record's bytes are checked as UTF-8 in one pass; a field is then text exactly when it starts
/// and ends on character boundaries.
fn texts<'r>(record: &'r csv::ByteRecord, out: &mut [&'r str; MAX_COLUMNS]) -> Result<usize, String> {
    if record.len() > MAX_COLUMNS {
        return Err(format!("has {} columns; at most {MAX_COLUMNS} are read", record.len()));
    }
    let whole = std::str::from_utf8(record.as_slice());
    for (i, slot) in out.iter_mut().enumerate().take(record.len()) {
        let field = match (&whole, record.range(i)) {
            (Ok(all), Some(range)) => all.get(range),
            _ => record.get(i).and_then(|f| std::str::from_utf8(f).ok()),
        };
        *slot = field.ok_or_else(|| format!("column {} is not UTF-8 text", i + 1))?;
    }
    Ok(record.len())
}

/// Forecast rows are few (years × regions × occupations): read in one thread, a repeated key
/// counting once (the later row), as an import keeps it.
fn read_forecast(acc: &mut Accumulator, path: &Path) -> anyhow::Result<()> {
    let name = path.display().to_string();
    let mut reader = open(path)?;
    let columns = header(&mut reader, Source::Forecast, &name)?;
    let mut rows_by_key: HashMap<(i16, &'static str, OccupationCode), ForecastRow> = HashMap::new();
    let mut record = csv::ByteRecord::new();
    while reader.read_byte_record(&mut record).map_err(|e| anyhow::anyhow!("{name}: {e}"))? {
        let row = record.position().map_or(0, |p| p.line());
        let mut buf = [""; MAX_COLUMNS];
        let n = texts(&record, &mut buf).map_err(|e| anyhow::anyhow!("{name}:{row}: {e}"))?;
        let fields = &buf[..n];
        if fields.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let r = rows::forecast(&columns, fields).map_err(|e| anyhow::anyhow!(describe(&name, row, &e)))?;
        rows_by_key.insert((r.year, r.region.code.as_str(), r.occupation), r);
    }
    for r in rows_by_key.values() {
        acc.add_forecast(r);
    }
    Ok(())
}

/// Vacancies or work permits: parsed here, checked and accumulated by worker threads.
fn read_parallel(year: i16, hard_days: u16, source: Source, path: &Path) -> anyhow::Result<Accumulator> {
    let name = path.display().to_string();
    let mut reader = open(path)?;
    let columns = header(&mut reader, source, &name)?;
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, 8);
    let stop = AtomicBool::new(false);
    let (free_tx, free_rx) = mpsc::channel::<Vec<csv::ByteRecord>>();
    let mut senders = Vec::new();
    let mut receivers = Vec::new();
    for _ in 0..workers {
        let (tx, rx) = mpsc::sync_channel::<Vec<csv::ByteRecord>>(2);
        senders.push(tx);
        receivers.push(rx);
    }
    std::thread::scope(|scope| {
        let handles: Vec<_> = receivers
            .into_iter()
            .map(|rx| {
                let (columns, stop, free_tx, name) = (&columns, &stop, free_tx.clone(), &name);
                scope.spawn(move || -> Result<Accumulator, (u64, String)> {
                    let mut acc = Accumulator::new(year, hard_days);
                    let mut first_error: Option<(u64, String)> = None;
                    for batch in rx {
                        if first_error.is_none() {
                            for record in &batch {
                                if let Err(e) = check(&mut acc, columns, source, record, name) {
                                    first_error = Some(e);
                                    stop.store(true, Ordering::Relaxed);
                                    break;
                                }
                            }
                        }
                        let _ = free_tx.send(batch);
                    }
                    match first_error {
                        Some(e) => Err(e),
                        None => Ok(acc),
                    }
                })
            })
            .collect();
        drop(free_tx);
        let parsed = parse(&mut reader, &senders, &free_rx, &stop, &name);
        drop(senders);
        let mut total = Accumulator::new(year, hard_days);
        let mut errors = Vec::new();
        for h in handles {
            match h.join() {
                Ok(Ok(acc)) => total.merge(acc),
                Ok(Err(e)) => errors.push(e),
                Err(_) => errors.push((0, format!("{name}: a worker thread failed"))),
            }
        }
        parsed?;
        // The earliest bad row, whichever worker met it: the report is the same on every run.
        if let Some((_, message)) = errors.into_iter().min_by_key(|e| e.0) {
            anyhow::bail!(message);
        }
        Ok(total)
    })
}

/// Reads the file into batches, dealing them to the workers in turn; reuses returned batches.
fn parse(
    reader: &mut csv::Reader<BufReader<File>>,
    senders: &[mpsc::SyncSender<Vec<csv::ByteRecord>>],
    free: &mpsc::Receiver<Vec<csv::ByteRecord>>,
    stop: &AtomicBool,
    name: &str,
) -> anyhow::Result<()> {
    let mut next = 0;
    loop {
        if stop.load(Ordering::Relaxed) {
            return Ok(());
        }
        let mut batch = free.try_recv().unwrap_or_else(|_| Vec::with_capacity(BATCH));
        batch.resize_with(BATCH, csv::ByteRecord::new);
        let mut filled = 0;
        while filled < BATCH {
            let more =
                reader.read_byte_record(&mut batch[filled]).map_err(|e| anyhow::anyhow!("{name}: {e}"))?;
            if !more {
                break;
            }
            filled += 1;
        }
        batch.truncate(filled);
        if filled == 0 {
            return Ok(());
        }
        if senders[next % senders.len()].send(batch).is_err() {
            return Ok(());
        }
        next += 1;
        if filled < BATCH {
            return Ok(());
        }
    }
}

/// Checks one record and adds it to the accumulator; the error names file, row and column.
fn check(
    acc: &mut Accumulator,
    columns: &Columns,
    source: Source,
    record: &csv::ByteRecord,
    name: &str,
) -> Result<(), (u64, String)> {
    let row = record.position().map_or(0, |p| p.line());
    let mut buf = [""; MAX_COLUMNS];
    let n = texts(record, &mut buf).map_err(|e| (row, format!("{name}:{row}: {e}")))?;
    let fields = &buf[..n];
    if fields.iter().all(|f| f.trim().is_empty()) {
        return Ok(());
    }
    let result = match source {
        Source::Vacancies => rows::vacancy(columns, fields).map(|v| acc.add_vacancy(&v)),
        Source::WorkPermits => rows::work_permit(columns, fields).map(|p| acc.add_work_permit(&p)),
        Source::Forecast => rows::forecast(columns, fields).map(|r| acc.add_forecast(&r)),
    };
    result.map_err(|e| (row, describe(name, row, &e)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_text_only_when_each_is() {
        let mut out = [""; MAX_COLUMNS];
        let ok = csv::ByteRecord::from(vec!["2512", "Разработчик", ""]);
        assert_eq!(texts(&ok, &mut out), Ok(3));
        assert_eq!(&out[..3], ["2512", "Разработчик", ""]);
        // «П» is two bytes: split over two fields the record's bytes are valid UTF-8 as a whole,
        // but neither field is.
        let split = csv::ByteRecord::from(vec![&b"a\xd0"[..], &b"\x9fb"[..]]);
        assert_eq!(texts(&split, &mut out), Err("column 1 is not UTF-8 text".to_string()));
        let bad = csv::ByteRecord::from(vec![&b"ok"[..], &b"\xff"[..]]);
        assert_eq!(texts(&bad, &mut out), Err("column 2 is not UTF-8 text".to_string()));
        let wide = csv::ByteRecord::from(vec!["x"; MAX_COLUMNS + 1]);
        assert!(texts(&wide, &mut out).is_err());
    }
}
