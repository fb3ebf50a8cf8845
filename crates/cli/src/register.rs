//! `ashyq register …`: importing crossings, registrations and permits into the register of
//! movements, a person's status, the overstay scan, the figures, and officers' merges.

use crate::args::{
    RegisterCommand, RegisterFileArg, RegisterImportArgs, RegisterOverstaysArgs, RegisterStatusArgs,
};
use crate::importing::{self, CliSink, EXIT_INVALID};
use ashyq_core::month::Month;
use ashyq_core::policy::Policy;
use ashyq_core::register::Basis;
use ashyq_core::said::Said;
use ashyq_store::pipeline::input::Input;
use ashyq_store::register::{self, RegisterFile, merge, person, scan, stats};
use ashyq_store::{Actor, Db, StoreError};
use std::process::ExitCode;
use std::time::Instant;

/// Exit code when the person or document asked for is not in the register.
const EXIT_NOT_FOUND: u8 = 1;

pub async fn run(url: &str, policy: &Policy, command: RegisterCommand) -> anyhow::Result<ExitCode> {
    if let RegisterCommand::Import(args) = command {
        return import(url, policy, args).await;
    }
    let db = Db::open(url).await?;
    let result = match command {
        RegisterCommand::Import(_) => unreachable!("handled above"),
        RegisterCommand::Status(a) => status(&db, policy, a).await,
        RegisterCommand::Overstays(a) => overstays(&db, policy, a).await,
        RegisterCommand::Stats { json } => figures(&db, json).await,
        RegisterCommand::Latency { samples, on, audited, seed } => {
            latency(&db, policy, samples, on.unwrap_or_else(ashyq_store::today), audited, seed).await
        }
        RegisterCommand::Merge { into, from, reason } => {
            merge::merge(&db, &Actor::cli(), into, from, &reason).await.map(|id| {
                println!("merged person {from} into person {into} (merge {id}; undo with: ashyq register undo {id})");
                ExitCode::SUCCESS
            })
        }
        RegisterCommand::Split { document, reason } => {
            merge::split(&db, &Actor::cli(), document, &reason).await.map(|(id, p)| {
                println!("document {document} is now person {p}'s (split {id}; undo with: ashyq register undo {id})");
                ExitCode::SUCCESS
            })
        }
        RegisterCommand::Undo { merge: id, reason } => merge::undo(&db, &Actor::cli(), id, &reason).await.map(|()| {
            println!("undone: {id}");
            ExitCode::SUCCESS
        }),
    };
    db.close().await;
    match result {
        Ok(code) => Ok(code),
        Err(e @ StoreError::NotFound { .. }) => {
            eprintln!("{e}");
            Ok(ExitCode::from(EXIT_NOT_FOUND))
        }
        Err(e @ (StoreError::Field { .. } | StoreError::Refused(_))) => {
            eprintln!("{e}");
            Ok(ExitCode::from(EXIT_INVALID))
        }
        Err(e) => Err(e.into()),
    }
}

async fn import(url: &str, policy: &Policy, args: RegisterImportArgs) -> anyhow::Result<ExitCode> {
    let file = match args.kind {
        RegisterFileArg::Crossings => RegisterFile::Crossings,
        RegisterFileArg::Registrations => RegisterFile::Registrations,
        RegisterFileArg::Permits => RegisterFile::Permits,
    };
    let file_name = importing::file_name(&args.file);
    let input = Input::open(&args.file).map_err(|e| anyhow::anyhow!("{}: {e}", args.file.display()))?;
    let db = Db::open(url).await?;
    let mut sink = CliSink::new(file_name.clone(), input.progress(), None);
    let started = Instant::now();
    let result = register::import(&db, &Actor::cli(), policy, file, &file_name, input, &mut sink).await;
    db.close().await;
    sink.finish()?;
    let report = result?;
    let seconds = started.elapsed().as_secs_f64();
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    }
    if !report.committed {
        if report.rejected == 0 {
            for e in &report.errors {
                eprintln!("{}", e.display(&file_name));
            }
        }
        eprintln!(
            "{file_name}: {} of {} rows are invalid or conflict ({} field errors); nothing was written.",
            report.rejected, report.rows_read, report.errors_total
        );
        return Ok(ExitCode::from(EXIT_INVALID));
    }
    if !args.json {
        println!(
            "{file_name}: {} rows read — {} new, {} updated, {} unchanged; {} persons and {} documents new \
             (import {}, {seconds:.1} s, {:.0} rows/s)",
            report.rows_read,
            report.inserted,
            report.updated,
            report.unchanged,
            report.persons_created,
            report.documents_created,
            report.import_id.unwrap_or_default(),
            report.rows_read as f64 / seconds.max(1e-9),
        );
    }
    Ok(ExitCode::SUCCESS)
}

async fn status(db: &Db, policy: &Policy, args: RegisterStatusArgs) -> Result<ExitCode, StoreError> {
    let on = args.on.unwrap_or_else(ashyq_store::today);
    let person_id = match (args.person, &args.document) {
        (Some(p), _) => p,
        (None, Some(doc)) => {
            let (state, number) = doc.split_once(':').ok_or_else(|| {
                StoreError::field(
                    "--document",
                    Said::new(
                        "field-document-key",
                        format!("{doc:?}: expected ISSUING_STATE:NUMBER, e.g. UZB:FA1234567"),
                    )
                    .text("value", doc),
                )
            })?;
            person::person_of_document(db, state, number)
                .await?
                .ok_or_else(|| StoreError::NotFound { what: "document", key: doc.clone() })?
        }
        (None, None) => {
            return Err(StoreError::field(
                "--person",
                Said::new("field-person-or-document", "give --person or --document"),
            ));
        }
    };
    let record = person::record(db, &Actor::cli(), policy, person_id, on).await?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&record).unwrap_or_default());
        return Ok(ExitCode::SUCCESS);
    }
    let p = &record.person;
    let s = &record.status;
    println!(
        "person {}: {} {}, born {}, {} ({})",
        p.id, p.surname, p.given_names, p.birth_date, p.nationality, p.sex
    );
    for d in &record.documents {
        println!(
            "  document {}: {} {} {}, expires {}",
            d.id, d.document_type, d.issuing_state, d.number, d.expiry_date
        );
    }
    let basis = match &s.basis {
        Basis::Citizen => "citizen of Kazakhstan".to_string(),
        Basis::Permit { kind, number, until } => format!("{} {number} until {until}", kind.as_str()),
        Basis::Visa { number, until } => format!("visa {number} until {until}"),
        Basis::ShortStay { rule } => format!(
            "short stay: {} days in any {}{}",
            rule.limit,
            rule.window,
            rule.per_entry.map(|n| format!(", {n} per entry")).unwrap_or_default()
        ),
        Basis::NoVisa => "no visa or permit on record".to_string(),
        Basis::Absent => "not in the country".to_string(),
    };
    println!("on {on}: {}", if s.present { "in the country" } else { "not in the country" });
    if let Some(since) = s.since {
        println!("  since {since}");
    }
    println!("  basis: {basis}");
    println!("  short-stay days in the window: {}", s.days_in_window);
    match (s.lawful, s.lawful_until, s.overstay_since) {
        (true, Some(until), _) => println!("  lawful, until {until}"),
        (true, None, _) => println!("  lawful"),
        (false, _, Some(since)) => println!("  OVERSTAY since {since} ({} days)", s.overstay_days),
        (false, _, None) => println!("  not lawful"),
    }
    for w in &record.warnings {
        println!("  warning: {}", serde_json::to_string(w).unwrap_or_default());
    }
    for a in &s.anomalies {
        println!("  data: {}", serde_json::to_string(a).unwrap_or_default());
    }
    println!("crossings:");
    for c in &record.crossings {
        println!("  {} {:<8} {} {}", c.day, c.kind, c.checkpoint, c.reason.as_deref().unwrap_or(""));
    }
    Ok(ExitCode::SUCCESS)
}

async fn overstays(db: &Db, policy: &Policy, args: RegisterOverstaysArgs) -> Result<ExitCode, StoreError> {
    let on = args.on.unwrap_or_else(ashyq_store::today);
    let started = Instant::now();
    let mut found = scan::overstays(db, policy, on).await?;
    let seconds = started.elapsed().as_secs_f64();
    let total = found.overstayers.len();
    found.overstayers.truncate(args.limit);
    if args.json {
        let out = serde_json::json!({
            "on": on, "present": found.present, "lawful": found.lawful, "overstayers_total": total,
            "overstayers": found.overstayers, "seconds": seconds,
        });
        println!("{}", serde_json::to_string_pretty(&out).unwrap_or_default());
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "on {on}: {} persons present, {} lawful, {total} overstaying (scan {seconds:.2} s)",
        found.present, found.lawful
    );
    for o in &found.overstayers {
        println!(
            "  person {:>8}  {:<3}  {} {}: entered {}, overstay since {} ({} days)",
            o.person_id,
            o.nationality,
            o.surname,
            o.given_names,
            o.since.map(|d| d.to_string()).unwrap_or_default(),
            o.overstay_since,
            o.overstay_days
        );
    }
    Ok(ExitCode::SUCCESS)
}

async fn figures(db: &Db, json: bool) -> Result<ExitCode, StoreError> {
    let totals = stats::totals(db).await?;
    let present = stats::present(db).await?;
    let months = stats::months(db, Month::MIN, Month::MAX).await?;
    if json {
        let out = serde_json::json!({ "totals": totals, "present": present, "months": months });
        println!("{}", serde_json::to_string_pretty(&out).unwrap_or_default());
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "{} persons, {} documents, {} crossings, {} registrations, {} visas and permits",
        totals.persons, totals.documents, totals.crossings, totals.registrations, totals.permits
    );
    let now: i64 = present.iter().map(|p| p.persons).sum();
    println!("present now: {now}");
    for p in present.iter().take(15) {
        println!("  {:<6} {:<3} {:>8}", p.region, p.nationality, p.persons);
    }
    Ok(ExitCode::SUCCESS)
}

/// Times `samples` status lookups of random persons and prints the percentiles as JSON.
async fn latency(
    db: &Db,
    policy: &Policy,
    samples: usize,
    on: jiff::civil::Date,
    audited: bool,
    seed: u64,
) -> Result<ExitCode, StoreError> {
    use rand::{Rng, SeedableRng};
    let max = person::last_id(db).await?;
    let Some(max) = max else {
        eprintln!("the register holds no persons: import crossings first");
        return Ok(ExitCode::from(EXIT_NOT_FOUND));
    };
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
    let actor = Actor { username: "latency-probe".into(), ..Actor::cli() };
    let mut times = Vec::with_capacity(samples);
    let mut crossings = 0usize;
    for _ in 0..samples {
        let id = rng.random_range(1..=max);
        let started = Instant::now();
        let record = if audited {
            person::record(db, &actor, policy, id, on).await
        } else {
            person::load(db, policy, id, on).await
        };
        let elapsed = started.elapsed();
        match record {
            Ok(r) => crossings += r.crossings.len(),
            Err(StoreError::NotFound { .. }) => continue, // an id freed by a split: draw again
            Err(e) => return Err(e),
        }
        times.push(elapsed.as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    let at = |q: f64| times.get(((times.len() as f64 - 1.0) * q).round() as usize).copied().unwrap_or(0.0);
    let out = serde_json::json!({
        "samples": times.len(), "audited": audited, "on": on, "persons": max,
        "mean_crossings": crossings as f64 / times.len().max(1) as f64,
        "p50_ms": at(0.50), "p95_ms": at(0.95), "p99_ms": at(0.99), "max_ms": at(1.0),
    });
    println!("{}", serde_json::to_string_pretty(&out).unwrap_or_default());
    Ok(ExitCode::SUCCESS)
}
