//! `ashyq import …` and `ashyq list compute`: loading the three sources, and forming the list
//! from them (from the database, or straight from files).

use crate::args::{ComputeArgs, ImportArgs, SourceArg};
use crate::importing::{self, CliSink, Outcome};
use ashyq_core::labour::records::Source;
use ashyq_core::labour::{ListComputation, compute};
use ashyq_core::occupation::classifier;
use ashyq_core::policy::Policy;
use ashyq_store::labour::{ImportRequest, import};
use ashyq_store::pipeline::input::Input;
use ashyq_store::{Actor, Db};
use std::process::ExitCode;

/// The labour source of an import, or `None` for the rates (see `crate::rates`).
pub fn source(arg: SourceArg) -> Option<Source> {
    match arg {
        SourceArg::Forecast => Some(Source::Forecast),
        SourceArg::Vacancies => Some(Source::Vacancies),
        SourceArg::WorkPermits => Some(Source::WorkPermits),
        SourceArg::Rates => None,
    }
}

pub async fn import_file(url: &str, args: ImportArgs) -> anyhow::Result<ExitCode> {
    let Some(source) = source(args.source) else {
        return crate::rates::import_file(url, args).await;
    };
    let file_name = importing::file_name(&args.file);
    let input = Input::open(&args.file).map_err(|e| anyhow::anyhow!("{}: {e}", args.file.display()))?;
    let db = Db::open(url).await?;
    let mut sink = CliSink::new(file_name.clone(), input.progress(), importing::rejects_path(&args));
    let request = ImportRequest { source, file_name: file_name.clone(), skip_invalid: args.skip_invalid };
    let result = import(&db, &Actor::cli(), &request, input, &mut sink).await;
    db.close().await;
    sink.finish()?;
    let report = result?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    }
    let outcome = Outcome {
        file_name: &file_name,
        committed: report.committed,
        import_id: report.import_id,
        rows_read: report.rows_read,
        inserted: report.inserted,
        updated: report.updated,
        unchanged: report.unchanged,
        rejected: report.rejected,
        errors: &report.errors,
        errors_total: report.errors_total,
    };
    let code = importing::finish(&outcome, &sink, args.json);
    if report.committed && !args.json {
        if report.superseded > 0 {
            println!("{} rows were replaced by a later row with the same key in the file", report.superseded);
        }
        importing::print_rejects_path(&sink);
    }
    Ok(code)
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
