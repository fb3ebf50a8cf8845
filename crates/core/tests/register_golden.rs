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
//!
//! A crossing may instead be given as it arrives from a checkpoint, at an instant:
//! `{"at": "2023-05-14T18:30:00Z", "checkpoint": "ALA", "kind": "entry"}`. Its day is then the
//! instant's date on the checkpoint's clock (the tz database's zone of its region), and the case
//! says which days it worked out by hand in `"days"` (one per crossing, in order).

use ashyq_core::policy::Policy;
use ashyq_core::register::{self, Authorisation, Crossing, CrossingKind};
use jiff::Timestamp;
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
    /// The civil days of the crossings given at instants, worked out by hand.
    #[serde(default)]
    days: Option<Vec<Date>>,
    expect: serde_json::Value,
}

/// A crossing on a day, or at an instant through a checkpoint.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum CrossingIn {
    Day(Crossing),
    At(CrossingAt),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CrossingAt {
    at: Timestamp,
    checkpoint: String,
    kind: CrossingKind,
}

impl CrossingIn {
    /// The crossing on its civil day; for one at an instant, the day on the checkpoint's clock.
    fn on_its_day(&self) -> Result<Crossing, String> {
        match self {
            CrossingIn::Day(c) => Ok(*c),
            CrossingIn::At(c) => {
                let checkpoint = ashyq_core::checkpoint::by_code(&c.checkpoint)
                    .ok_or_else(|| format!("{} is not a checkpoint", c.checkpoint))?;
                Ok(Crossing { day: checkpoint.zone().day(c.at), kind: c.kind })
            }
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct StatusQuestion {
    nationality: String,
    crossings: Vec<CrossingIn>,
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
            let crossings = q.crossings.iter().map(CrossingIn::on_its_day).collect::<Result<Vec<_>, _>>()?;
            let at_instants = q.crossings.iter().any(|c| matches!(c, CrossingIn::At(_)));
            match &case.days {
                Some(days) => {
                    let got: Vec<Date> = crossings.iter().map(|c| c.day).collect();
                    if &got != days {
                        return Err(format!("days: expected {days:?}\n      got {got:?}"));
                    }
                }
                None if at_instants => return Err("crossings at instants need the `days` worked out".into()),
                None => {}
            }
            let answer = register::status(policy, &q.nationality, &crossings, &q.authorisations, q.on)
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
    // Midnight crossings in the east and the west, before and after 1 March 2024, and a stay
    // across it: crossings at instants, read on the checkpoints' clocks.
    assert!(read_all.iter().filter(|c| c.days.is_some()).count() >= 5, "too few cases at instants");
}
