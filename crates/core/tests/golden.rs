//! Golden cases of the five programmes: `tests/cases/<programme>/*.yaml` at the repository
//! root, each one application decided under the shipped policy (`Policy::kz()`) and compared
//! with the outcome worked out by hand from the policy file and the law.
//!
//! A case file:
//!
//! ```yaml
//! description: What the case shows and why (with the arithmetic).
//! on: 2026-01-01                 # the application date
//! facts: { ... }                 # the programme's facts, as its JSON shape
//! lists:                         # optional: published lists of professions in demand
//!   - { id: 1, effective_from: 2026-03-02, included: ["2211"], ranking: [["2211", 1]] }
//! rates:                         # optional: official rates, tenge per unit
//!   - { date: 2025-03-03, currency: USD, rate: "500.00" }
//! expect:
//!   outcome: ineligible          # eligible | ineligible | needs_officer
//!   failing_rules: [pr.solvency.applicant]   # exactly Decision::failing_rules(), any order
//!   referred_rules: []           # optional: exactly Decision::referred_rules(), any order
//!   validity_until: 2036-01-01   # optional: Decision.validity.until (null: none)
//!   limited_by: passport         # optional: term | passport
//!   permit_action: cancel        # optional: keep | cancel | review (null: none)
//!   checks: { pr.exempt.in_demand: passed }   # optional: results of checks
//!   waived: { pr.solvency.applicant: pr.exempt.kandas }   # optional: the exception (null: none)
//!   values: { pr.solvency.applicant: { required: 5709000 KZT } }   # optional: figures quoted
//!   error: "applicant.birth_date"   # instead of outcome: evaluation fails with this in the text
//! ```
//!
//! A check is selected by its rule id (`pr.housing`), by rule and note (`vs.points.factor#age`)
//! or by rule and position among that rule's checks (`inv.investment[1]`). In `checks` the
//! result is `passed`, `failed`, `needs_officer`, `not_applicable` or `absent` (no such check),
//! or a list of the results of all the rule's checks in order. In `values` a figure is compared
//! by its text: money as `"<amount> <currency>"`, dates as `YYYY-MM-DD`, numbers as written.

use ashyq_core::labour::published::{PublishedList, PublishedLists};
use ashyq_core::occupation::OccupationCode;
use ashyq_core::policy::Policy;
use ashyq_core::rates::{Currency, Rate, RateTable};
use ashyq_core::rules::decision::Effect;
use ashyq_core::rules::explain::{self, Language};
use ashyq_core::rules::{self, Check, CheckResult, Context, Decision, Facts, Programme, RuleKind};
use jiff::civil::Date;
use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The least number of cases each programme must have.
const MIN_CASES: usize = 12;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    description: String,
    on: Date,
    facts: Value,
    #[serde(default)]
    lists: Vec<ListSpec>,
    #[serde(default)]
    rates: Vec<RateSpec>,
    expect: Expect,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ListSpec {
    id: i64,
    effective_from: Date,
    /// The approving order's number, if the case needs one.
    #[serde(default)]
    order: Option<String>,
    /// When published, to order two lists effective the same day (default: the list's place).
    #[serde(default)]
    published_at_us: Option<i64>,
    #[serde(default)]
    included: Vec<String>,
    #[serde(default)]
    ranking: Vec<(String, u32)>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RateSpec {
    date: Date,
    currency: String,
    rate: Amount,
}

/// A decimal written as a string or a whole number, never a float.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Amount {
    Int(i64),
    Text(String),
}

impl Amount {
    fn decimal(&self) -> Result<Decimal, String> {
        match self {
            Amount::Int(n) => Ok(Decimal::from(*n)),
            Amount::Text(t) => t.trim().parse().map_err(|e| format!("rate {t:?}: {e}")),
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    #[serde(default)]
    outcome: Option<String>,
    #[serde(default)]
    failing_rules: Option<Vec<String>>,
    #[serde(default)]
    referred_rules: Option<Vec<String>>,
    #[serde(default, deserialize_with = "present")]
    validity_until: Option<Option<Date>>,
    #[serde(default)]
    limited_by: Option<String>,
    #[serde(default, deserialize_with = "present")]
    permit_action: Option<Option<String>>,
    #[serde(default)]
    checks: BTreeMap<String, Results>,
    #[serde(default)]
    waived: BTreeMap<String, Option<String>>,
    #[serde(default)]
    values: BTreeMap<String, BTreeMap<String, Value>>,
    #[serde(default)]
    error: Option<String>,
}

/// A field given (possibly as null), told apart from a field left out.
fn present<'de, D: Deserializer<'de>, T: Deserialize<'de>>(de: D) -> Result<Option<Option<T>>, D::Error> {
    Option::<T>::deserialize(de).map(Some)
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Results {
    One(String),
    Each(Vec<String>),
}

/// Directories of `tests/cases` that hold other golden suites, each with its own runner
/// (`stay/`: `stay_golden.rs`; `register/`: `register_golden.rs`; `workflow/`, `rounds/`: `workflow_golden.rs`).
const OTHER_SUITES: &[&str] = &["stay", "register", "workflow", "rounds"];

/// The directory of the cases.
fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/cases")
}

/// One case file, read.
struct Loaded {
    name: String,
    programme: Programme,
    case: Case,
}

/// Every case file, by programme directory and name; a file that cannot be read is a failure.
fn load_all(failures: &mut Vec<String>) -> Vec<Loaded> {
    let dir = cases_dir();
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    let mut out = Vec::new();
    for d in dirs {
        let dir_name = d.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_string();
        if OTHER_SUITES.contains(&dir_name.as_str()) {
            continue;
        }
        let Some(programme) = Programme::parse(&dir_name) else {
            failures.push(format!("{dir_name}/: not a programme id"));
            continue;
        };
        let mut files: Vec<PathBuf> = std::fs::read_dir(&d)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", d.display()))
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
            .collect();
        files.sort();
        for f in files {
            let name = format!("{dir_name}/{}", f.file_name().and_then(|n| n.to_str()).unwrap_or_default());
            let text = match std::fs::read_to_string(&f) {
                Ok(t) => t,
                Err(e) => {
                    failures.push(format!("{name}: cannot read: {e}"));
                    continue;
                }
            };
            match serde_yaml_ng::from_str::<Case>(&text) {
                Ok(case) if case.description.trim().is_empty() => {
                    failures.push(format!("{name}: the description is empty"));
                }
                Ok(case) => out.push(Loaded { name, programme, case }),
                Err(e) => failures.push(format!("{name}: not a case file: {e}")),
            }
        }
    }
    out
}

fn lists_of(specs: &[ListSpec]) -> Result<PublishedLists, String> {
    let code = |s: &str| OccupationCode::parse(s).map_err(|e| format!("list occupation {s:?}: {e}"));
    let mut lists = Vec::new();
    for (i, l) in specs.iter().enumerate() {
        let included = l.included.iter().map(|c| code(c)).collect::<Result<Vec<_>, _>>()?;
        let ranking =
            l.ranking.iter().map(|(c, p)| Ok((code(c)?, *p))).collect::<Result<Vec<_>, String>>()?;
        lists.push(PublishedList::new(
            l.id,
            i64::from(l.effective_from.year()),
            l.effective_from,
            jiff::Timestamp::from_microsecond(l.published_at_us.unwrap_or(i as i64))
                .map_err(|e| format!("published_at_us: {e}"))?,
            l.order.clone(),
            included,
            ranking,
        ));
    }
    Ok(PublishedLists(lists))
}

fn rates_of(specs: &[RateSpec]) -> Result<RateTable, String> {
    let mut rates = Vec::new();
    for r in specs {
        let currency = Currency::parse(&r.currency).map_err(|e| e.to_string())?;
        rates.push(Rate { currency, date: r.date, kzt_per_unit: r.rate.decimal()?.normalize() });
    }
    RateTable::new(rates).map_err(|e| e.to_string())
}

/// What a case is decided on besides the policy.
struct Inputs {
    facts: Facts,
    lists: PublishedLists,
    rates: RateTable,
}

fn inputs(l: &Loaded) -> Result<Inputs, String> {
    Ok(Inputs {
        lists: lists_of(&l.case.lists)?,
        rates: rates_of(&l.case.rates)?,
        facts: Facts::from_value(l.programme, &l.case.facts).map_err(|e| e.to_string())?,
    })
}

/// Decides a case: the decision, or the text of the error that prevented it.
fn decide<'p>(
    inputs: &'p Result<Inputs, String>,
    on: Date,
    policy: &'p Policy,
) -> Result<Decision<'p>, String> {
    let i = inputs.as_ref().map_err(Clone::clone)?;
    let ctx = Context { policy, lists: &i.lists, rates: &i.rates };
    let full = rules::evaluate(&i.facts, on, &ctx).map_err(|e| e.to_string());
    // The lean decision of batches and simulations must reach the same result by the same checks.
    let lean = rules::decide(&i.facts, on, &ctx).map_err(|e| e.to_string());
    match (&full, &lean) {
        (Ok(f), Ok(l)) => {
            assert_eq!(
                (f.outcome, f.failing_rules(), f.referred_rules(), &f.validity, f.permit_action),
                (l.outcome, l.failing_rules(), l.referred_rules(), &l.validity, l.permit_action),
                "the lean decision differs from the full one"
            );
            assert!(l.checks.is_empty(), "a lean decision keeps no checks");
            // The outcome kept by rule masks is the one the recorded checks lead to.
            assert_eq!(Decision::settle(&f.checks), f.outcome, "masks and checks disagree");
            let mut from_checks: Vec<&str> = f
                .checks
                .iter()
                .filter(|c| c.kind == RuleKind::Base && c.result == CheckResult::Failed && c.waived.is_none())
                .map(|c| c.rule)
                .collect();
            from_checks.sort_unstable();
            assert_eq!(from_checks, sorted(&f.failing_rules()), "failing rules: masks and checks disagree");
        }
        (Err(a), Err(b)) => assert_eq!(a, b),
        _ => panic!("one way decides, the other fails: {full:?} / {lean:?}"),
    }
    full
}

/// The checks a selector names: `rule`, `rule#note` or `rule[i]`.
fn select<'a, 'p>(d: &'a Decision<'p>, selector: &str) -> Vec<&'a Check<'p>> {
    if let Some((rule, note)) = selector.split_once('#') {
        return d.checks.iter().filter(|c| c.rule == rule && c.note == note).collect();
    }
    if let Some((rule, index)) = selector.strip_suffix(']').and_then(|s| s.split_once('[')) {
        let i: usize = index.parse().unwrap_or(usize::MAX);
        return d.checks.iter().filter(|c| c.rule == rule).nth(i).into_iter().collect();
    }
    d.checks.iter().filter(|c| c.rule == selector).collect()
}

/// A figure as text, for comparing: money as `amount currency`, scalars as written.
fn as_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Null => "null".into(),
        Value::Array(items) => format!("[{}]", items.iter().map(as_text).collect::<Vec<_>>().join(", ")),
        Value::Object(m) => match (m.get("amount"), m.get("currency")) {
            (Some(a), Some(c)) if m.len() == 2 => format!("{} {}", as_text(a), as_text(c)),
            _ => v.to_string(),
        },
    }
}

fn sorted(v: &[impl AsRef<str>]) -> Vec<String> {
    let mut v: Vec<String> = v.iter().map(|s| s.as_ref().to_string()).collect();
    v.sort();
    v
}

/// Compares a decision (or an error) with the expectation; returns every difference.
fn compare(e: &Expect, got: &Result<Decision<'_>, String>) -> Vec<String> {
    let mut diffs = Vec::new();
    match (&e.error, &e.outcome) {
        (Some(_), Some(_)) => return vec!["expect gives both `error` and `outcome`".into()],
        (None, None) => return vec!["expect gives neither `error` nor `outcome`".into()],
        _ => {}
    }
    let d = match (got, &e.error) {
        (Err(text), Some(want)) => {
            if !text.contains(want.as_str()) {
                diffs.push(format!("error {text:?} does not contain {want:?}"));
            }
            return diffs;
        }
        (Ok(d), Some(want)) => {
            return vec![format!(
                "expected an error containing {want:?}, got outcome {} (failing {:?})",
                d.outcome.as_str(),
                d.failing_rules()
            )];
        }
        (Err(text), None) => return vec![format!("evaluation failed: {text}")],
        (Ok(d), None) => d,
    };

    if let Some(want) = &e.outcome
        && d.outcome.as_str() != want
    {
        diffs.push(format!("outcome: expected {want}, got {}", d.outcome.as_str()));
    }
    match &e.failing_rules {
        None => diffs.push("expect.failing_rules is required with an outcome".into()),
        Some(want) => {
            let got = sorted(&d.failing_rules());
            if sorted(want) != got {
                diffs.push(format!("failing_rules: expected {:?}, got {got:?}", sorted(want)));
            }
        }
    }
    if let Some(want) = &e.referred_rules {
        let got = sorted(&d.referred_rules());
        if sorted(want) != got {
            diffs.push(format!("referred_rules: expected {:?}, got {got:?}", sorted(want)));
        }
    }
    if let Some(want) = &e.validity_until {
        let got = d.validity.as_ref().map(|v| v.until);
        if *want != got {
            diffs.push(format!("validity_until: expected {want:?}, got {got:?}"));
        }
    }
    if let Some(want) = &e.limited_by {
        let got =
            d.validity.as_ref().map(|v| as_text(&serde_json::to_value(v.limited_by).unwrap_or_default()));
        if got.as_deref() != Some(want.as_str()) {
            diffs.push(format!("limited_by: expected {want}, got {got:?}"));
        }
    }
    if let Some(want) = &e.permit_action {
        let got = d.permit_action.map(|a| as_text(&serde_json::to_value(a).unwrap_or_default()));
        if *want != got {
            diffs.push(format!("permit_action: expected {want:?}, got {got:?}"));
        }
    }
    for (selector, want) in &e.checks {
        let found = select(d, selector);
        let got: Vec<&str> = found.iter().map(|c| c.result.as_str()).collect();
        let ok = match want {
            Results::One(w) if w == "absent" => got.is_empty(),
            Results::One(w) => !got.is_empty() && got.iter().all(|g| g == w),
            Results::Each(ws) => got == ws.iter().map(String::as_str).collect::<Vec<_>>(),
        };
        if !ok {
            diffs.push(format!("checks.{selector}: expected {want:?}, got {got:?}"));
        }
    }
    for (selector, want) in &e.waived {
        let found = select(d, selector);
        let [c] = found.as_slice() else {
            diffs.push(format!("waived.{selector}: {} checks match, expected one", found.len()));
            continue;
        };
        let got = c.waived.map(|w| w.by);
        if want.as_deref() != got {
            diffs.push(format!("waived.{selector}: expected {want:?}, got {got:?}"));
        }
    }
    for (selector, want) in &e.values {
        let found = select(d, selector);
        let [c] = found.as_slice() else {
            diffs.push(format!("values.{selector}: {} checks match, expected one", found.len()));
            continue;
        };
        for (name, want) in want {
            let got = c.value(name).map(|v| as_text(&serde_json::to_value(v).unwrap_or_default()));
            if got.as_deref() != Some(as_text(want).as_str()) {
                diffs.push(format!("values.{selector}.{name}: expected {}, got {got:?}", as_text(want)));
            }
        }
    }
    diffs
}

fn policy() -> Policy {
    Policy::kz().expect("the shipped policy loads")
}

#[test]
fn every_golden_case_decides_as_worked_out_by_hand() {
    let policy = policy();
    let mut failures = Vec::new();
    let cases = load_all(&mut failures);
    for l in &cases {
        let inputs = inputs(l);
        let got = decide(&inputs, l.case.on, &policy);
        for diff in compare(&l.case.expect, &got) {
            failures.push(format!("{}: {diff}", l.name));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} golden cases failed:\n  {}",
        failures
            .iter()
            .map(|f| f.split(':').next().unwrap_or_default())
            .collect::<std::collections::BTreeSet<_>>()
            .len(),
        cases.len(),
        failures.join("\n  ")
    );
}

#[test]
fn every_programme_has_enough_cases() {
    let mut failures = Vec::new();
    let cases = load_all(&mut failures);
    for p in Programme::ALL {
        let n = cases.iter().filter(|l| l.programme == p).count();
        if n < MIN_CASES {
            failures.push(format!("{}/: {n} cases, at least {MIN_CASES} are required", p.id()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Whether a rendered text still holds a placeable Fluent could not fill.
fn unresolved(text: &str) -> bool {
    text.contains("{$") || text.contains("{ $")
}

#[test]
fn every_check_of_every_case_is_explained_in_three_languages() {
    let policy = policy();
    let mut failures = Vec::new();
    let cases = load_all(&mut failures);
    // A message missing is reported once, with the first case that needed it.
    let mut missing: BTreeMap<(&str, String), String> = BTreeMap::new();
    let mut decided = 0;
    for l in &cases {
        let inputs = inputs(l);
        let Ok(d) = decide(&inputs, l.case.on, &policy) else { continue };
        decided += 1;
        for lang in Language::ALL {
            for c in &d.checks {
                // The messages quoted without figures: the rule's title, an exception's.
                let mut plain = vec![explain::rule_message_id(c.rule, "title")];
                if let Some(w) = c.waived {
                    plain.push(explain::rule_message_id(w.by, "title"));
                    let effect = if w.effect == Effect::Waive { "waived--waive" } else { "waived--refer" };
                    plain.push(effect.into());
                }
                for id in plain {
                    if explain::message(lang, &id, &[]).is_none() {
                        missing.entry((lang.code(), id)).or_insert_with(|| l.name.clone());
                    }
                }
                let id = explain::check_message_id(c);
                let mut args: Vec<(&str, String)> =
                    c.values.iter().map(|(k, v)| (*k, explain::format_arg(v, lang))).collect();
                args.push(("title", explain::title(c.rule, lang)));
                if explain::message(lang, &id, &args).is_none() {
                    missing.entry((lang.code(), id.clone())).or_insert_with(|| l.name.clone());
                    continue;
                }
                let text = explain::explain(c, lang);
                if unresolved(&text) {
                    failures.push(format!(
                        "{}: {} `{id}` leaves a placeable unfilled: {text}",
                        l.name,
                        lang.code()
                    ));
                }
            }
            let summary = explain::summary(&d, lang);
            if summary.starts_with("outcome--") || unresolved(&summary) {
                failures.push(format!("{}: {} summary is not rendered: {summary}", l.name, lang.code()));
            }
        }
    }
    for ((lang, id), first) in &missing {
        failures.push(format!("{lang} lacks the message `{id}` (first needed by {first})"));
    }
    assert!(decided > 0, "no case was decided");
    assert!(failures.is_empty(), "{} explanation problems:\n  {}", failures.len(), failures.join("\n  "));
}
