//! `ashyq import rates FILE`, `ashyq rates list|show` and `ashyq generate rates`: the official
//! exchange rates of the National Bank of Kazakhstan, imported from files and looked up by date.

use crate::args::{GenerateRatesArgs, ImportArgs, RatesCommand};
use crate::importing::{self, CliSink, Outcome};
use ashyq_core::rates::Currency;
use ashyq_store::pipeline::input::Input;
use ashyq_store::rates::{self, RatesRequest};
use ashyq_store::{Actor, Db};
use std::process::ExitCode;

/// Exit code when no rate is in force on the date asked.
const EXIT_NO_RATE: u8 = 1;

pub async fn import_file(url: &str, args: ImportArgs) -> anyhow::Result<ExitCode> {
    let file_name = importing::file_name(&args.file);
    let input = Input::open(&args.file).map_err(|e| anyhow::anyhow!("{}: {e}", args.file.display()))?;
    let db = Db::open(url).await?;
    let mut sink = CliSink::new(file_name.clone(), input.progress(), importing::rejects_path(&args));
    let request = RatesRequest { file_name: file_name.clone(), skip_invalid: args.skip_invalid };
    let result = rates::import(&db, &Actor::cli(), &request, input, &mut sink).await;
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
        if report.repeated > 0 {
            println!(
                "{} rows repeated an earlier row of the file (same currency, date and rate)",
                report.repeated
            );
        }
        importing::print_rejects_path(&sink);
    }
    Ok(code)
}

pub async fn run(url: &str, command: RatesCommand) -> anyhow::Result<ExitCode> {
    let db = Db::open(url).await?;
    let result = match command {
        RatesCommand::List { json } => list(&db, json).await,
        RatesCommand::Show { currency, date, json } => show(&db, &currency, date, json).await,
    };
    db.close().await;
    result
}

async fn list(db: &Db, json: bool) -> anyhow::Result<ExitCode> {
    let summary = rates::summary(db).await?;
    if json {
        println!("{}", serde_json::to_string_pretty(&summary)?);
        return Ok(ExitCode::SUCCESS);
    }
    if summary.is_empty() {
        println!(
            "No exchange rates are imported. Import the National Bank's rates with: ashyq import rates FILE"
        );
        return Ok(ExitCode::SUCCESS);
    }
    println!("{:<8} {:<10} {:<10} {:>6}", "currency", "first", "last", "rates");
    for s in &summary {
        println!("{:<8} {:<10} {:<10} {:>6}", s.currency.as_str(), s.first, s.last, s.count);
    }
    Ok(ExitCode::SUCCESS)
}

async fn show(db: &Db, currency: &str, on: jiff::civil::Date, json: bool) -> anyhow::Result<ExitCode> {
    let currency = Currency::parse(currency)?;
    let table = rates::table(db).await?;
    match table.official(&currency, on) {
        Ok(rate) if json => println!("{}", serde_json::to_string_pretty(&rate)?),
        Ok(rate) => {
            let set = if rate.date == on {
                "set for that day".to_string()
            } else {
                format!("set for {}", rate.date)
            };
            println!("1 {} = {} KZT on {on} ({set})", rate.currency, rate.kzt_per_unit);
        }
        Err(e) => {
            eprintln!("error: {e}");
            return Ok(ExitCode::from(EXIT_NO_RATE));
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `ashyq generate rates --out FILE`: the demo's illustrative rates (not the NBK's).
pub fn generate(args: GenerateRatesArgs) -> anyhow::Result<ExitCode> {
    let rows = crate::synth::rates::write(&args.out)?;
    println!(
        "wrote {}: {rows} illustrative daily rates (USD, EUR, RUB, CNY, working days {}–{}); \
         NOT the National Bank's published rates",
        args.out.display(),
        crate::synth::rates::FIRST_DAY,
        crate::synth::rates::LAST_DAY
    );
    Ok(ExitCode::SUCCESS)
}
