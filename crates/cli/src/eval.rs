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
use ashyq_core::rules::{CheckResult, Context, Decision, EvalError, Facts, Programme, evaluate};
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
    let lists = ashyq_store::lists::published_lists(&db).await?;
    let rates = ashyq_store::rates::table(&db).await?;
    db.close().await;
    Ok((lists, rates))
}

pub fn programme(id: &str) -> anyhow::Result<Programme> {
    Programme::parse(id).ok_or_else(|| {
        let ids: Vec<&str> = Programme::ALL.iter().map(|p| p.id()).collect();
        anyhow::anyhow!("unknown programme {id:?}; the programmes are {}", ids.join(", "))
    })
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

/// One line of a batch.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BatchLine {
    #[serde(default)]
    pub reference: Option<String>,
    pub programme: String,
    pub on: Date,
    pub facts: serde_json::Value,
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
type Parsed = Result<(BatchLine, Programme, Facts), String>;

pub async fn eval_batch(url: &str, policy: &Policy, a: EvalBatchArgs) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let (lists, rates) = world(url).await?;
    let name = a.file.display().to_string();
    let file = std::fs::File::open(&a.file).with_context(|| name.clone())?;
    let lines: Vec<String> = std::io::BufReader::with_capacity(1 << 20, file)
        .lines()
        .collect::<Result<_, _>>()
        .with_context(|| name.clone())?;
    let threads =
        a.threads.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())).max(1);
    let chunk = lines.len().div_ceil(threads).max(1);

    // Read every line, on every core.
    let t = Instant::now();
    let parsed: Vec<Parsed> = std::thread::scope(|s| {
        let handles: Vec<_> = lines
            .chunks(chunk)
            .map(|part| s.spawn(move || part.iter().map(|l| parse_line(l)).collect::<Vec<_>>()))
            .collect();
        handles.into_iter().flat_map(|h| h.join().unwrap_or_default()).collect()
    });
    let parse_s = t.elapsed().as_secs_f64();
    drop(lines);

    // Decide every line, on every core.
    let t = Instant::now();
    let ctx = Context { policy, lists: &lists, rates: &rates };
    let forced = a.on;
    let decided: Vec<Vec<u8>> = std::thread::scope(|s| {
        let handles: Vec<_> = parsed
            .chunks(chunk)
            .enumerate()
            .map(|(c, part)| {
                let ctx = &ctx;
                s.spawn(move || {
                    let mut out = Vec::with_capacity(part.len() * 96);
                    for (i, p) in part.iter().enumerate() {
                        let line = (c * chunk + i + 1) as u64;
                        let r = decide_line(line, p, forced, ctx);
                        let _ = serde_json::to_writer(&mut out, &r);
                        out.push(b'\n');
                    }
                    out
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap_or_default()).collect()
    });
    let decide_s = t.elapsed().as_secs_f64();

    let t = Instant::now();
    let mut sink: Box<dyn Write> = match &a.out {
        Some(p) => Box::new(std::fs::File::create(p).with_context(|| p.display().to_string())?),
        None => Box::new(std::io::stdout().lock()),
    };
    let mut w = BufWriter::with_capacity(1 << 20, &mut sink);
    for part in &decided {
        w.write_all(part)?;
    }
    w.flush()?;
    drop(w);
    let write_s = t.elapsed().as_secs_f64();
    let errors = parsed.iter().filter(|p| p.is_err()).count();
    if a.timing {
        eprintln!(
            "timing: lines={} threads={threads} parse_s={parse_s:.3} decide_s={decide_s:.3} write_s={write_s:.3} total_s={:.3} bad_lines={errors}",
            parsed.len(),
            started.elapsed().as_secs_f64()
        );
    }
    Ok(if errors > 0 { ExitCode::from(EXIT_BAD_FACTS) } else { ExitCode::SUCCESS })
}

fn parse_line(text: &str) -> Parsed {
    let line: BatchLine = serde_json::from_str(text).map_err(|e| e.to_string())?;
    let programme = programme(&line.programme).map_err(|e| format!("programme: {e}"))?;
    let facts = Facts::from_value(programme, &line.facts).map_err(|e| format!("facts.{e}"))?;
    Ok((line, programme, facts))
}

fn decide_line<'a>(line: u64, p: &'a Parsed, forced: Option<Date>, ctx: &Context<'_>) -> BatchResult<'a> {
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
    match p {
        Err(e) => r.error = Some(e.clone()),
        Ok((l, programme, facts)) => {
            let on = forced.unwrap_or(l.on);
            r.reference = l.reference.as_deref();
            r.programme = Some(programme.id());
            r.on = Some(on);
            match evaluate(facts, on, ctx) {
                Ok(d) => {
                    r.outcome = Some(d.outcome.as_str());
                    r.failing_rules = Some(d.failing_rules());
                    r.referred_rules = Some(d.referred_rules());
                    r.valid_until = d.validity.map(|v| v.until);
                }
                Err(e) => r.error = Some(e.to_string()),
            }
        }
    }
    r
}
