//! What every `ashyq import …` shares: the sink that prints bad rows as they come and keeps them
//! in a rejects file, and the wording and exit code of the outcome.

use crate::args::ImportArgs;
use ashyq_store::pipeline::Progress;
use ashyq_store::pipeline::progress::Unit;
use ashyq_store::pipeline::{ImportSink, RowError};
use indicatif::{ProgressBar, ProgressStyle};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Exit code when a file has bad rows and nothing was written.
pub const EXIT_INVALID: u8 = 2;
/// Bad fields printed on standard error; the rest are counted.
const PRINTED_ERRORS: u64 = 200;

/// The file's name without its folders, as shown in `file:row:column` and kept with the import.
pub fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
}

/// Where rejected rows go with `--skip-invalid`: `--rejects`, or FILE.rejected.csv beside FILE.
pub fn rejects_path(args: &ImportArgs) -> Option<PathBuf> {
    args.skip_invalid.then(|| {
        args.rejects.clone().unwrap_or_else(|| {
            let mut p = args.file.clone().into_os_string();
            p.push(".rejected.csv");
            PathBuf::from(p)
        })
    })
}

fn progress_bar(start: Progress) -> ProgressBar {
    // indicatif draws only on a terminal; piped runs stay quiet.
    let bar = ProgressBar::no_length();
    count_in(&bar, start.unit);
    move_to(&bar, start);
    bar
}

/// Makes the bar count in `unit`: a CSV's bytes, a worksheet's rows.
fn count_in(bar: &ProgressBar, unit: Unit) {
    let counts = match unit {
        Unit::Bytes => "{bytes}/{total_bytes}",
        Unit::Rows => "row {human_pos}/{human_len}",
    };
    let template = format!("{{spinner}} {counts} [{{bar:30}}] {{msg}} {{elapsed}} (eta {{eta}})");
    if let Ok(style) = ProgressStyle::with_template(&template) {
        bar.set_style(style.progress_chars("=> "));
    }
}

fn move_to(bar: &ProgressBar, progress: Progress) {
    match progress.total {
        Some(total) => bar.set_length(total),
        None => bar.unset_length(),
    }
    bar.set_position(progress.done);
}

/// Prints bad rows as they come and keeps the rejected ones in a CSV file.
pub struct CliSink {
    file: String,
    bar: ProgressBar,
    /// What the bar counts.
    unit: Unit,
    /// Opened at the first rejected row, so that a clean import leaves no file (and never
    /// overwrites one that was there).
    rejects: Option<csv::Writer<std::fs::File>>,
    rejects_path: Option<PathBuf>,
    rejects_error: Option<String>,
    printed: u64,
}

impl CliSink {
    /// `start` is the input's progress before reading (`Input::progress`).
    pub fn new(file: String, start: Progress, rejects_path: Option<PathBuf>) -> CliSink {
        CliSink {
            file,
            bar: progress_bar(start),
            unit: start.unit,
            rejects: None,
            rejects_path,
            rejects_error: None,
            printed: 0,
        }
    }

    /// Clears the progress bar and saves the rejects file.
    pub fn finish(&mut self) -> anyhow::Result<()> {
        self.bar.finish_and_clear();
        if let Some(w) = &mut self.rejects {
            w.flush()?;
        }
        if let Some(e) = &self.rejects_error {
            eprintln!("warning: the rejected rows could not be saved: {e}");
        }
        Ok(())
    }
}

impl ImportSink for CliSink {
    fn progress(&mut self, progress: Progress, rows: u64) {
        if progress.unit != self.unit {
            self.unit = progress.unit;
            count_in(&self.bar, progress.unit);
        }
        move_to(&self.bar, progress);
        self.bar.set_message(format!("{rows} rows"));
    }

    fn published(&mut self, rows: u64, of: u64) {
        self.bar.set_message(format!("all rows checked; publishing: {rows} of {of}"));
    }

    fn rejected(&mut self, row: u64, errors: &[RowError], raw: &[String]) {
        for e in errors {
            if self.printed < PRINTED_ERRORS {
                self.bar.suspend(|| eprintln!("{}", e.display(&self.file)));
            }
            self.printed += 1;
        }
        if self.rejects.is_none()
            && self.rejects_error.is_none()
            && let Some(p) = &self.rejects_path
        {
            match csv::WriterBuilder::new().flexible(true).from_path(p) {
                Ok(mut w) => {
                    let _ = w.write_record(["row", "reasons", "fields…"]);
                    self.rejects = Some(w);
                }
                Err(e) => self.rejects_error = Some(format!("{}: {e}", p.display())),
            }
        }
        if let Some(w) = &mut self.rejects {
            let reasons: Vec<String> = errors
                .iter()
                .map(|e| format!("{}: {}", e.column.as_deref().unwrap_or("row"), e.reason))
                .collect();
            let mut record: Vec<String> = vec![row.to_string(), reasons.join("; ")];
            record.extend(raw.iter().cloned());
            // The raw fields are whatever the file held: no cell may open as a formula.
            let _ = w.write_record(ashyq_core::spreadsheet::csv_record(&record));
        }
    }
}

/// What an import did, in the words every import command prints.
pub struct Outcome<'a> {
    pub file_name: &'a str,
    pub committed: bool,
    pub import_id: Option<i64>,
    pub rows_read: u64,
    pub inserted: u64,
    pub updated: u64,
    pub unchanged: u64,
    pub rejected: u64,
    pub errors: &'a [RowError],
    pub errors_total: u64,
}

/// Prints the outcome (the one-line report, or why nothing was written) and gives the exit
/// code: 0, or [`EXIT_INVALID`] when nothing was written because of bad rows. `json` means the
/// report was printed as JSON already.
pub fn finish(outcome: &Outcome<'_>, sink: &CliSink, json: bool) -> ExitCode {
    let file_name = outcome.file_name;
    if sink.printed > PRINTED_ERRORS {
        eprintln!("… and {} more errors", sink.printed - PRINTED_ERRORS);
    }
    if !outcome.committed {
        // Header problems were not rows: the sink has not printed them.
        if outcome.rejected == 0
            && outcome.errors.iter().all(|e| e.column.is_none())
            && !outcome.errors.is_empty()
        {
            for e in outcome.errors {
                eprintln!("{}", e.display(file_name));
            }
        }
        eprintln!(
            "{file_name}: {} of {} rows are invalid ({} field errors); nothing was written. Fix the rows, or use --skip-invalid to write the good ones.",
            outcome.rejected, outcome.rows_read, outcome.errors_total
        );
        return ExitCode::from(EXIT_INVALID);
    }
    if !json {
        println!(
            "{file_name}: {} rows read — {} new, {} updated, {} unchanged, {} rejected (import {})",
            outcome.rows_read,
            outcome.inserted,
            outcome.updated,
            outcome.unchanged,
            outcome.rejected,
            outcome.import_id.unwrap_or_default()
        );
    }
    ExitCode::SUCCESS
}

/// With `--skip-invalid`, where the rejected rows were saved (if any were).
pub fn print_rejects_path(sink: &CliSink) {
    if let (Some(p), true) = (&sink.rejects_path, sink.rejects.is_some()) {
        println!("rejected rows and their reasons: {}", p.display());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bar_counts_a_csvs_bytes_and_a_sheets_rows() {
        let csv = Progress { done: 0, total: Some(4_096), unit: Unit::Bytes };
        let mut sink = CliSink::new("v.csv".into(), csv, None);
        assert_eq!((sink.bar.position(), sink.bar.length()), (0, Some(4_096)));
        sink.progress(Progress { done: 1_024, ..csv }, 10);
        assert_eq!((sink.bar.position(), sink.bar.length()), (1_024, Some(4_096)));
        assert_eq!(sink.bar.message(), "10 rows");

        // A workbook's rows are known once it is open.
        let sheet = Progress { done: 0, total: None, unit: Unit::Rows };
        let mut sink = CliSink::new("v.xlsx".into(), sheet, None);
        assert_eq!((sink.bar.position(), sink.bar.length()), (0, None));
        sink.progress(Progress { done: 50, total: Some(200), unit: Unit::Rows }, 49);
        assert_eq!((sink.bar.position(), sink.bar.length()), (50, Some(200)));
        sink.progress(Progress { done: 200, total: Some(200), unit: Unit::Rows }, 199);
        assert_eq!((sink.bar.position(), sink.bar.length()), (200, Some(200)));
    }
}
