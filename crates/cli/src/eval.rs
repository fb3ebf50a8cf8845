//! `ashyq eval` and `ashyq eval-batch`: decide a programme for facts in a file, under the
//! policy (built in or `--policy`), with the published lists and official rates of the
//! database. One decision is printed explained (or as JSON); a batch is decided on every core
//! and written as JSON Lines.

use crate::args::{EvalArgs, EvalBatchArgs, Language as LangArg};
use anyhow::Context as _;
use ashyq_core::labour::published::PublishedLists;
use ashyq_core::policy::Policy;
use ashyq_core::rates::RateTable;
use ashyq_core::rules::explain::{self, Language};
use ashyq_core::rules::{CheckResult, Context, Decision, EvalError, Facts, Programme, decide, evaluate};
use ashyq_store::db::Db;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use std::io::{BufRead, BufWriter, Read, Write};
use std::process::ExitCode;
use std::time::Instant;

/// Exit code for facts that cannot be read (a missing or malformed field).
pub const EXIT_BAD_FACTS: u8 = 2;

/// What the rules consult besides the facts: the published lists and the official rates.
pub async fn world(url: &str) -> anyhow::Result<(PublishedLists, RateTable)> {
    let db = Db::open(url).await?;
    let world = world_of(&db).await;
    db.close().await;
    world
}

/// The same, from a database already open.
pub async fn world_of(db: &Db) -> anyhow::Result<(PublishedLists, RateTable)> {
    Ok((ashyq_store::lists::published_lists(db).await?, ashyq_store::rates::table(db).await?))
}

pub fn programme(id: &str) -> anyhow::Result<Programme> {
    Ok(Programme::named(id)?)
}

pub async fn eval(url: &str, policy: &Policy, a: EvalArgs) -> anyhow::Result<ExitCode> {
    let programme = programme(&a.programme)?;
    let name = a.facts.display().to_string();
    let text = if name == "-" {
        let mut s = String::new();
        std::io::stdin().read_to_string(&mut s).context("standard input")?;
        s
    } else {
        std::fs::read_to_string(&a.facts).with_context(|| name.clone())?
    };
    let facts = match Facts::from_json(programme, &text) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("{name}: {e}");
            return Ok(ExitCode::from(EXIT_BAD_FACTS));
        }
    };
    let on = a.on.unwrap_or_else(ashyq_store::today);
    let (lists, rates) = world(url).await?;
    let ctx = Context { policy, lists: &lists, rates: &rates };
    let decision = match evaluate(&facts, on, &ctx) {
        Ok(d) => d,
        Err(EvalError::Facts(e)) => {
            eprintln!("{name}: {e}");
            return Ok(ExitCode::from(EXIT_BAD_FACTS));
        }
        Err(e) => anyhow::bail!("{name}: cannot decide: {e}"),
    };
    if a.json {
        println!("{}", serde_json::to_string_pretty(&explain::explained(&decision))?);
    } else {
        print!("{}", render(&decision, language(a.lang)));
    }
    Ok(ExitCode::SUCCESS)
}

pub fn language(l: LangArg) -> Language {
    match l {
        LangArg::Kk => Language::Kk,
        LangArg::Ru => Language::Ru,
        LangArg::En => Language::En,
    }
}

/// A decision as text for a terminal: the outcome, the programme's basis, every check with its
/// explanation, basis and the parameter values used.
pub fn render(d: &Decision<'_>, lang: Language) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} on {} (policy edition {}): {}",
        d.programme,
        d.on,
        d.policy_edition,
        d.outcome.as_str().to_uppercase()
    );
    let _ = writeln!(out, "{}", explain::summary(d, lang));
    let _ = writeln!(out, "Legal basis: {}", d.basis);
    for c in &d.checks {
        let exception = c.kind == ashyq_core::rules::RuleKind::Exception;
        let mark = match (c.result, c.waived.is_some()) {
            (CheckResult::Passed, _) if exception => "applies",
            (CheckResult::Failed, _) if exception => "no",
            (CheckResult::Passed, _) => "passed",
            (CheckResult::Failed, true) => "waived",
            (CheckResult::Failed, false) => "failed",
            (CheckResult::NeedsOfficer, _) => "officer",
            (CheckResult::NotApplicable, _) => "n/a",
        };
        let _ = writeln!(out, "\n  [{mark:^7}] {} — {}", c.rule, explain::title(c.rule, lang));
        let _ = writeln!(out, "            {}", explain::explain(c, lang));
        if let Some(b) = c.basis {
            let _ = writeln!(out, "            basis: {b}");
        }
        for p in &c.parameters {
            let region = p.region.map(|r| format!("[{r}]")).unwrap_or_default();
            let _ = writeln!(
                out,
                "            {}{region} = {} {} (in force from {}; {})",
                p.name,
                p.value.normalize(),
                p.unit.as_str(),
                p.from,
                p.basis
            );
        }
    }
    out
}

/// One line of a batch. The facts are kept as raw JSON and read once, straight into the
/// programme's shape.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BatchLine {
    #[serde(default)]
    pub reference: Option<String>,
    pub programme: String,
    pub on: Date,
    pub facts: Box<serde_json::value::RawValue>,
}

/// One line of a batch's output.
#[derive(Debug, Serialize)]
struct BatchResult<'a> {
    line: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    reference: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    programme: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    on: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    outcome: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    failing_rules: Option<Vec<&'static str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    referred_rules: Option<Vec<&'static str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    valid_until: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
}

/// A line read and checked, or why not.
type Parsed = Result<(Option<String>, Programme, Date, Facts), String>;

/// Lines read, parsed and decided at a time: memory stays bounded whatever the file's size.
const CHUNK_LINES: usize = 65_536;

pub async fn eval_batch(url: &str, policy: &Policy, a: EvalBatchArgs) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let (lists, rates) = world(url).await?;
    let name = a.file.display().to_string();
    let file = std::fs::File::open(&a.file).with_context(|| name.clone())?;
    let mut reader = std::io::BufReader::with_capacity(1 << 20, file);
    let threads =
        a.threads.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())).max(1);
    let mut sink: Box<dyn Write> = match &a.out {
        Some(p) => Box::new(std::fs::File::create(p).with_context(|| p.display().to_string())?),
        None => Box::new(std::io::stdout().lock()),
    };
    let mut w = BufWriter::with_capacity(1 << 20, &mut sink);
    let ctx = Context { policy, lists: &lists, rates: &rates };
    let (mut read_s, mut parse_s, mut decide_s, mut serialize_s, mut write_s) = (0.0, 0.0, 0.0, 0.0, 0.0);
    let (mut total, mut errors) = (0usize, 0usize);
    let mut lines: Vec<String> = Vec::with_capacity(CHUNK_LINES);
    loop {
        // Read a chunk.
        let t = Instant::now();
        lines.clear();
        while lines.len() < CHUNK_LINES {
            let mut line = String::new();
            if reader.read_line(&mut line).with_context(|| format!("{name}:{}", total + lines.len() + 1))?
                == 0
            {
                break;
            }
            lines.push(line);
        }
        read_s += t.elapsed().as_secs_f64();
        if lines.is_empty() {
            break;
        }
        let chunk = lines.len().div_ceil(threads).max(1);
        // Parse it, on every core.
        let t = Instant::now();
        let parsed: Vec<Parsed> = std::thread::scope(|s| {
            let handles: Vec<_> = lines
                .chunks(chunk)
                .map(|part| s.spawn(move || part.iter().map(|l| parse_line(l)).collect::<Vec<_>>()))
                .collect();
            handles.into_iter().flat_map(|h| h.join().unwrap_or_default()).collect()
        });
        parse_s += t.elapsed().as_secs_f64();
        // Decide it, then write the decisions as JSON, on every core.
        let t = Instant::now();
        let first_line = total;
        let decided: Vec<(Vec<u8>, f64)> = std::thread::scope(|s| {
            let handles: Vec<_> = parsed
                .chunks(chunk)
                .enumerate()
                .map(|(c, part)| {
                    let ctx = &ctx;
                    s.spawn(move || {
                        // Each decision is timed alone (two clock reads, some 40 ns, are in it)
                        // and written before the next is made.
                        let mut decide_s = std::time::Duration::ZERO;
                        let mut out = Vec::with_capacity(part.len() * 96);
                        for (i, p) in part.iter().enumerate() {
                            let t = Instant::now();
                            let d = p.as_ref().ok().map(|(_, _, on, f)| decide(f, a.on.unwrap_or(*on), ctx));
                            decide_s += t.elapsed();
                            let line = (first_line + c * chunk + i + 1) as u64;
                            let _ = serde_json::to_writer(&mut out, &result_line(line, p, a.on, d.as_ref()));
                            out.push(b'\n');
                        }
                        (out, decide_s.as_secs_f64())
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join().unwrap_or_default()).collect()
        });
        let round = t.elapsed().as_secs_f64();
        // The deciding alone: the slowest thread's time (they run side by side).
        let deciding = decided.iter().map(|(_, d)| *d).fold(0.0, f64::max);
        decide_s += deciding;
        serialize_s += round - deciding;
        let t = Instant::now();
        for (part, _) in &decided {
            w.write_all(part)?;
        }
        write_s += t.elapsed().as_secs_f64();
        total += parsed.len();
        errors += parsed.iter().filter(|p| p.is_err()).count();
    }
    let t = Instant::now();
    w.flush()?;
    drop(w);
    write_s += t.elapsed().as_secs_f64();
    if a.timing {
        eprintln!(
            "timing: lines={total} threads={threads} read_s={read_s:.3} parse_s={parse_s:.3} decide_s={decide_s:.3} serialize_s={serialize_s:.3} write_s={write_s:.3} total_s={:.3} bad_lines={errors}",
            started.elapsed().as_secs_f64()
        );
    }
    Ok(if errors > 0 { ExitCode::from(EXIT_BAD_FACTS) } else { ExitCode::SUCCESS })
}

fn parse_line(text: &str) -> Parsed {
    let line: BatchLine = serde_json::from_str(text).map_err(|e| e.to_string())?;
    let programme = programme(&line.programme).map_err(|e| format!("programme: {e}"))?;
    let facts = Facts::from_json(programme, line.facts.get()).map_err(|e| format!("facts.{e}"))?;
    Ok((line.reference, programme, line.on, facts))
}

fn result_line<'a>(
    line: u64,
    p: &'a Parsed,
    forced: Option<Date>,
    decided: Option<&Result<Decision<'_>, EvalError>>,
) -> BatchResult<'a> {
    let mut r = BatchResult {
        line,
        reference: None,
        programme: None,
        on: None,
        outcome: None,
        failing_rules: None,
        referred_rules: None,
        valid_until: None,
        error: None,
    };
    match (p, decided) {
        (Err(e), _) => r.error = Some(e.clone()),
        (Ok((reference, programme, on, _)), decided) => {
            r.reference = reference.as_deref();
            r.programme = Some(programme.id());
            r.on = Some(forced.unwrap_or(*on));
            match decided {
                Some(Ok(d)) => {
                    r.outcome = Some(d.outcome.as_str());
                    r.failing_rules = Some(d.failing_rules());
                    r.referred_rules = Some(d.referred_rules());
                    r.valid_until = d.validity.as_ref().map(|v| v.until);
                }
                Some(Err(e)) => r.error = Some(e.to_string()),
                None => r.error = Some("not decided".into()),
            }
        }
    }
    r
}
