//! `ashyq import …` and `ashyq list compute`: loading the three sources, and forming the list
//! from them (from the database, or straight from files).

use crate::args::{ComputeArgs, ImportArgs, SourceArg};
use ashyq_core::labour::records::Source;
use ashyq_core::labour::{ListComputation, compute};
use ashyq_core::occupation::classifier;
use ashyq_core::policy::Policy;
use ashyq_store::labour::import::{ImportSink, RowError};
use ashyq_store::labour::input::Input;
use ashyq_store::labour::{ImportRequest, import};
use ashyq_store::{Actor, Db};
use indicatif::{ProgressBar, ProgressStyle};
use std::path::PathBuf;
use std::process::ExitCode;

/// Exit code when a file has bad rows and nothing was written.
const EXIT_INVALID: u8 = 2;

pub fn source(arg: SourceArg) -> Source {
    match arg {
        SourceArg::Forecast => Source::Forecast,
        SourceArg::Vacancies => Source::Vacancies,
        SourceArg::WorkPermits => Source::WorkPermits,
    }
}

fn progress_bar(size: Option<u64>) -> ProgressBar {
    // indicatif draws only on a terminal; piped runs stay quiet.
    let bar = ProgressBar::new(size.unwrap_or(0));
    if let Ok(style) =
        ProgressStyle::with_template("{spinner} {bytes}/{total_bytes} [{bar:30}] {msg} {elapsed} (eta {eta})")
    {
        bar.set_style(style.progress_chars("=> "));
    }
    bar
}

/// Prints bad rows as they come and keeps the rejected ones in a CSV file.
struct CliSink {
    file: String,
    bar: ProgressBar,
    /// Opened at the first rejected row, so that a clean import leaves no file (and never
    /// overwrites one that was there).
    rejects: Option<csv::Writer<std::fs::File>>,
    rejects_path: Option<PathBuf>,
    rejects_error: Option<String>,
    printed: u64,
}

const PRINTED_ERRORS: u64 = 200;

impl ImportSink for CliSink {
    fn progress(&mut self, bytes: u64, rows: u64) {
        self.bar.set_position(bytes);
        self.bar.set_message(format!("{rows} rows"));
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
            let _ = w.write_record(&record);
        }
    }
}

pub async fn import_file(url: &str, args: ImportArgs) -> anyhow::Result<ExitCode> {
    let source = source(args.source);
    let file_name = args
        .file
        .file_name()
        .map_or_else(|| args.file.display().to_string(), |n| n.to_string_lossy().into_owned());
    let input = Input::open(&args.file).map_err(|e| anyhow::anyhow!("{}: {e}", args.file.display()))?;
    let rejects_path = args.skip_invalid.then(|| {
        args.rejects.clone().unwrap_or_else(|| {
            let mut p = args.file.clone().into_os_string();
            p.push(".rejected.csv");
            PathBuf::from(p)
        })
    });
    let db = Db::open(url).await?;
    let mut sink = CliSink {
        file: file_name.clone(),
        bar: progress_bar(input.size()),
        rejects: None,
        rejects_path: rejects_path.clone(),
        rejects_error: None,
        printed: 0,
    };
    let request = ImportRequest { source, file_name: file_name.clone(), skip_invalid: args.skip_invalid };
    let result = import(&db, &Actor::cli(), &request, input, &mut sink).await;
    sink.bar.finish_and_clear();
    db.close().await;
    if let Some(w) = &mut sink.rejects {
        w.flush()?;
    }
    if let Some(e) = &sink.rejects_error {
        eprintln!("warning: the rejected rows could not be saved: {e}");
    }
    let report = result?;
    if sink.printed > PRINTED_ERRORS {
        eprintln!("… and {} more errors", sink.printed - PRINTED_ERRORS);
    }
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    }
    if !report.committed {
        if report.rejected == 0
            && report.errors.iter().all(|e| e.column.is_none())
            && !report.errors.is_empty()
        {
            for e in &report.errors {
                eprintln!("{}", e.display(&file_name));
            }
        }
        eprintln!(
            "{file_name}: {} of {} rows are invalid ({} field errors); nothing was written. Fix the rows, or use --skip-invalid to write the good ones.",
            report.rejected, report.rows_read, report.errors_total
        );
        return Ok(ExitCode::from(EXIT_INVALID));
    }
    if !args.json {
        println!(
            "{file_name}: {} rows read — {} new, {} updated, {} unchanged, {} rejected (import {})",
            report.rows_read,
            report.inserted,
            report.updated,
            report.unchanged,
            report.rejected,
            report.import_id.unwrap_or_default()
        );
        if report.superseded > 0 {
            println!("{} rows were replaced by a later row with the same key in the file", report.superseded);
        }
        if let (Some(p), true) = (&sink.rejects_path, sink.rejects.is_some()) {
            println!("rejected rows and their reasons: {}", p.display());
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub async fn compute_list(url: &str, policy: &Policy, args: ComputeArgs) -> anyhow::Result<ExitCode> {
    let on = args.on.unwrap_or_else(ashyq_store::today);
    let Some(method) = policy.methodology_on(on) else {
        anyhow::bail!("the policy has no list methodology in force on {on}");
    };
    let Some(sectors) = policy.sectors_on(on) else {
        anyhow::bail!("the policy has no sector map in force on {on}");
    };
    let indicators = match (&args.forecast, &args.vacancies, &args.work_permits) {
        (Some(f), Some(v), Some(w)) => {
            crate::from_files::indicators(args.period, method.value.hard_to_fill_days, f, v, w)?
        }
        _ => {
            let db = Db::open(url).await?;
            let out =
                ashyq_store::labour::read::indicators(&db, args.period, method.value.hard_to_fill_days).await;
            db.close().await;
            out?
        }
    };
    let result = compute(&indicators, &method.value, &sectors.value, classifier());
    if args.json {
        let out = serde_json::json!({
            "period": args.period,
            "methodology": { "in_force_on": on, "from": method.from, "basis": method.basis, "edition": policy.meta.edition },
            "benchmarks": result.benchmarks,
            "candidates": result.candidates,
        });
        println!("{}", serde_json::to_string_pretty(&out)?);
    } else {
        print_table(&result, method.from, on);
    }
    Ok(ExitCode::SUCCESS)
}

fn print_table(result: &ListComputation, from: jiff::civil::Date, on: jiff::civil::Date) {
    println!(
        "List of professions in demand, reference period {} — methodology in force on {on} (since {from})",
        result.year
    );
    println!(
        "{:>4} {:<7} {:>6} {:>5} {:<9} {:<24} title / reasons",
        "rank", "code", "score", "pass", "included", "sector"
    );
    for c in &result.candidates {
        let reasons: Vec<String> = c.reasons.iter().map(reason_text).collect();
        println!(
            "{:>4} {:<7} {:>6.2} {:>2}/{:<2} {:<9} {:<24} {} — {}",
            c.rank,
            c.occupation.to_string(),
            c.score,
            c.criteria_passed,
            c.criteria_total,
            if c.included { "yes" } else { "no" },
            c.sector.as_deref().unwrap_or("-"),
            c.title_en,
            reasons.join("; ")
        );
    }
    println!("{} of {} candidates on the list", result.list().count(), result.candidates.len());
}

fn reason_text(r: &ashyq_core::labour::list::Reason) -> String {
    use ashyq_core::labour::list::Reason::*;
    match r {
        NotPrioritySector => "not in a priority sector".into(),
        TooFewVacancies { posted, minimum } => format!("{posted} vacancies posted, fewer than {minimum}"),
        TooFewCriteria { passed, required } => format!("{passed} criteria passed, {required} required"),
        ScoreBelowCutoff { score, cutoff } => format!("score {score:.2} below {cutoff:.2}"),
        BeyondMaxEntries { rank, max } => format!("rank {rank} beyond the {max} entries allowed"),
        MeetsAll { passed, of, score } => {
            format!("meets all conditions ({passed} of {of} criteria, score {score:.2})")
        }
    }
}
