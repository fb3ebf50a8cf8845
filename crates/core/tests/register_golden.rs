//! Golden cases of the register's pure part: `tests/cases/register/*.json` at the repository
//! root, each a person's status on a day or a host's notification, answered under the shipped
//! policy (`Policy::kz()`) and compared with the answer worked out by hand (the arithmetic is in
//! each case's description).
//!
//! A case file is one of:
//!
//! ```json
//! { "description": "What the case shows, with the arithmetic.",
//!   "status": { "nationality": "USA",
//!               "crossings": [{"day": "2026-03-01", "kind": "entry"}],
//!               "authorisations": [{"kind": "visa", "number": "V-1", "from": "2026-01-01", "until": "2026-06-30"}],
//!               "on": "2026-03-10" },
//!   "expect": { "on": "2026-03-10", "group": "visa_free", "present": true, ... } }
//!
//! { "description": "…",
//!   "notification": { "from": "2026-11-20", "until": "2026-12-31", "notified_on": "2026-11-26" },
//!   "expect": { "due": "2026-11-25", "notified_on": "2026-11-26", "working_days_late": 1 } }
//! ```
//!
//! `expect` is the whole answer as JSON (`null` for a notification on time).

use ashyq_core::policy::Policy;
use ashyq_core::register::{self, Authorisation, Crossing};
use jiff::civil::Date;
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// The least number of cases.
const MIN_CASES: usize = 20;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    description: String,
    #[serde(default)]
    status: Option<StatusQuestion>,
    #[serde(default)]
    notification: Option<NotificationQuestion>,
    expect: serde_json::Value,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct StatusQuestion {
    nationality: String,
    crossings: Vec<Crossing>,
    #[serde(default)]
    authorisations: Vec<Authorisation>,
    on: Date,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct NotificationQuestion {
    from: Date,
    until: Date,
    notified_on: Date,
}

fn cases() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/cases/register");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
}

fn read(file: &Path) -> Result<Case, String> {
    let text = std::fs::read_to_string(file).map_err(|e| e.to_string())?;
    let case: Case = serde_json::from_str(&text).map_err(|e| format!("not a case: {e}"))?;
    if case.description.trim().is_empty() {
        return Err("the description is empty".into());
    }
    Ok(case)
}

/// One case's mismatch, or why it could not be answered.
fn decide(policy: &Policy, file: &Path) -> Result<(), String> {
    let case = read(file)?;
    let got = match (&case.status, &case.notification) {
        (Some(q), None) => {
            let answer = register::status(policy, &q.nationality, &q.crossings, &q.authorisations, q.on)
                .map_err(|e| format!("refused: {e}"))?;
            serde_json::to_value(answer)
        }
        (None, Some(q)) => {
            let answer = register::late_notification(policy, q.from, q.until, q.notified_on)
                .map_err(|e| format!("refused: {e}"))?;
            serde_json::to_value(answer)
        }
        _ => return Err("a case asks exactly one question: `status` or `notification`".into()),
    }
    .map_err(|e| e.to_string())?;
    if got != case.expect {
        return Err(format!("expected {}\n      got {}", case.expect, got));
    }
    Ok(())
}

#[test]
fn every_register_case_gives_the_answer_worked_out_by_hand() {
    let policy = Policy::kz().expect("the shipped policy");
    let files = cases();
    let failures: Vec<String> = files
        .iter()
        .filter_map(|f| {
            let name = f.file_name().and_then(|n| n.to_str()).unwrap_or_default();
            decide(&policy, f).err().map(|e| format!("register/{name}: {e}"))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} register cases failed:\n  {}",
        failures.len(),
        files.len(),
        failures.join("\n  ")
    );
}

#[test]
fn there_are_enough_register_cases_of_each_kind() {
    let files = cases();
    assert!(files.len() >= MIN_CASES, "tests/cases/register: {} cases, at least {MIN_CASES}", files.len());
    let read_all: Vec<Case> = files.iter().map(|f| read(f).unwrap()).collect();
    let groups: std::collections::BTreeSet<String> =
        read_all.iter().filter_map(|c| c.expect.get("group")?.as_str().map(String::from)).collect();
    for g in ["citizen", "eaeu", "visa_free", "visa_required"] {
        assert!(groups.contains(g), "no case of the group {g}");
    }
    assert!(read_all.iter().filter(|c| c.notification.is_some()).count() >= 4, "too few notification cases");
}
