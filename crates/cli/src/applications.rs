//! `ashyq applications import` — store applications (JSON Lines) after reading and deciding
//! every one, all or nothing — and `ashyq simulate`, the reform simulation: every stored
//! application decided under a draft policy beside the policy in force.

use crate::args::{ApplicationsImportArgs, SimulateArgs};
use crate::eval::{EXIT_BAD_FACTS, programme, world_of};
use anyhow::Context as _;
use ashyq_core::policy::Policy;
use ashyq_core::rules::simulate::{self, Report};
use ashyq_core::rules::{Context, Facts, evaluate};
use ashyq_store::applications::{self, NewApplication};
use ashyq_store::audit::Actor;
use ashyq_store::db::Db;
use jiff::civil::Date;
use serde::Deserialize;
use std::io::BufRead;
use std::process::ExitCode;

/// One line of an applications file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Line {
    reference: String,
    programme: String,
    on: Date,
    facts: serde_json::Value,
}

/// The most errors printed; all are counted.
const PRINTED_ERRORS: usize = 50;

pub async fn import(url: &str, policy: &Policy, a: ApplicationsImportArgs) -> anyhow::Result<ExitCode> {
    let name = a.file.display().to_string();
    let file = std::fs::File::open(&a.file).with_context(|| name.clone())?;
    let db = Db::open(url).await?;
    let (lists, rates) = world_of(&db).await?;
    let ctx = Context { policy, lists: &lists, rates: &rates };
    let (batch, errors) = read_batch(&name, std::io::BufReader::new(file), &ctx)?;
    if !errors.is_empty() {
        for e in errors.iter().take(PRINTED_ERRORS) {
            eprintln!("{e}");
        }
        if errors.len() > PRINTED_ERRORS {
            eprintln!("… and {} more errors", errors.len() - PRINTED_ERRORS);
        }
        eprintln!("{name}: {} bad lines; nothing was stored", errors.len());
        db.close().await;
        return Ok(ExitCode::from(EXIT_BAD_FACTS));
    }
    let done = applications::submit(&db, &Actor::cli(), &batch).await;
    db.close().await;
    let done = done?;
    println!("{name}: {} applications stored, {} already stored unchanged", done.inserted, done.unchanged);
    Ok(ExitCode::SUCCESS)
}

/// Reads and decides every line; gives the applications and the errors (`file:line: why`).
pub fn read_batch(
    name: &str,
    reader: impl BufRead,
    ctx: &Context<'_>,
) -> anyhow::Result<(Vec<NewApplication>, Vec<String>)> {
    let mut batch = Vec::new();
    let mut errors = Vec::new();
    for (i, text) in reader.lines().enumerate() {
        let n = i + 1;
        let text = text.with_context(|| format!("{name}:{n}"))?;
        if text.trim().is_empty() {
            continue;
        }
        match read_line(&text, ctx) {
            Ok(app) => batch.push(app),
            Err(e) => errors.push(format!("{name}:{n}: {e}")),
        }
    }
    if let Some(dup) = first_repeated(&batch) {
        errors.push(format!("{name}: reference {dup:?} appears twice"));
    }
    Ok((batch, errors))
}

fn read_line(text: &str, ctx: &Context<'_>) -> Result<NewApplication, String> {
    let line: Line = serde_json::from_str(text).map_err(|e| e.to_string())?;
    if line.reference.trim().is_empty() || line.reference.len() > 100 {
        return Err("reference: must be 1 to 100 characters".into());
    }
    let programme = programme(&line.programme).map_err(|e| format!("programme: {e}"))?;
    let facts = Facts::from_value(programme, &line.facts).map_err(|e| format!("facts.{e}"))?;
    let decision = evaluate(&facts, line.on, ctx).map_err(|e| e.to_string())?;
    Ok(NewApplication {
        reference: line.reference,
        programme: programme.id().to_string(),
        applied_on: line.on,
        facts: line.facts.to_string(),
        outcome: decision.outcome.as_str().to_string(),
        policy_edition: decision.policy_edition.to_string(),
    })
}

fn first_repeated(batch: &[NewApplication]) -> Option<&str> {
    let mut seen = std::collections::HashSet::new();
    batch.iter().map(|a| a.reference.as_str()).find(|r| !seen.insert(*r))
}

pub async fn simulate(
    url: &str,
    draft: &Policy,
    baseline: &Policy,
    a: SimulateArgs,
) -> anyhow::Result<ExitCode> {
    let db = Db::open(url).await?;
    let read =
        async { Ok::<_, anyhow::Error>((applications::cases(&db).await?, world_of(&db).await?)) }.await;
    db.close().await;
    let ((cases, unreadable), (lists, rates)) = read?;
    let base = Context { policy: baseline, lists: &lists, rates: &rates };
    let new = Context { policy: draft, lists: &lists, rates: &rates };
    let report = simulate::simulate(&cases, a.on, &base, &new);
    for u in &unreadable {
        eprintln!("warning: stored application {u}");
    }
    if a.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print!("{}", render(&report, a.limit));
    }
    Ok(ExitCode::SUCCESS)
}

/// The report as text: per programme, the cases, how many changed and how; then the cases.
pub fn render(r: &Report, limit: usize) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    let on = r.on.map_or_else(|| "each on its application date".to_string(), |d| format!("all on {d}"));
    let _ = writeln!(
        out,
        "{} applications decided under policy {} (in force) and {} (draft), {on}: {} change.",
        r.cases, r.baseline_edition, r.draft_edition, r.changed
    );
    let _ = writeln!(out, "\n{:<22} {:>8} {:>8}  transitions", "programme", "cases", "changed");
    for (p, c) in &r.by_programme {
        let transitions: Vec<String> = c.transitions.iter().map(|(t, n)| format!("{t}: {n}")).collect();
        let _ = writeln!(out, "{:<22} {:>8} {:>8}  {}", p.id(), c.cases, c.changed, transitions.join("; "));
    }
    if !r.affected.is_empty() {
        let _ = writeln!(
            out,
            "\ncases affected{}:",
            if r.affected.len() > limit { format!(" (first {limit})") } else { String::new() }
        );
        for c in r.affected.iter().take(limit) {
            let _ = writeln!(
                out,
                "  {:<14} {:<22} {}  {} → {}  refused on: [{}] → [{}]",
                c.reference,
                c.programme.id(),
                c.on,
                c.before.label(),
                c.after.label(),
                c.failing_before.join(", "),
                c.failing_after.join(", ")
            );
        }
    }
    out
}
