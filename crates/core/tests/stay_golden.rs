//! Golden cases of the stay arithmetic: `tests/cases/stay/*.json` at the repository root, each
//! a question in the shape `ashyq stay check` reads, answered under the shipped policy
//! (`Policy::kz()`) and compared with the answer worked out by hand (the arithmetic is in each
//! case's description).
//!
//! A case file:
//!
//! ```json
//! { "description": "What the case shows, with the arithmetic.",
//!   "input": { "rule": "visa-free", "stays": [{"entry": "2026-03-01", "exit": null}], "on": "2026-03-10" },
//!   "expect": { "days_in_window": 10, "first_overstay": null, "overstay_days": 0, "lawful_until": "2026-03-30" } }
//! ```

use ashyq_core::policy::Policy;
use ashyq_core::stay::{Request, StayStatus};
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// The least number of cases.
const MIN_CASES: usize = 15;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    description: String,
    input: serde_json::Value,
    expect: StayStatus,
}

fn cases() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/cases/stay");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
}

/// One case's mismatch, or why it could not be decided.
fn decide(policy: &Policy, file: &Path) -> Result<(), String> {
    let text = std::fs::read_to_string(file).map_err(|e| e.to_string())?;
    let case: Case = serde_json::from_str(&text).map_err(|e| format!("not a case: {e}"))?;
    if case.description.trim().is_empty() {
        return Err("the description is empty".into());
    }
    // Through the same reader as the command, so that the files are in its shape.
    let request = Request::parse(&case.input.to_string()).map_err(|e| format!("input: {e}"))?;
    let got = request.check(policy).map_err(|e| format!("refused: {e}"))?;
    if got != case.expect {
        return Err(format!("expected {:?}\n      got {:?}", case.expect, got));
    }
    Ok(())
}

#[test]
fn every_stay_case_gives_the_answer_worked_out_by_hand() {
    let policy = Policy::kz().expect("the shipped policy");
    let files = cases();
    let failures: Vec<String> = files
        .iter()
        .filter_map(|f| {
            let name = f.file_name().and_then(|n| n.to_str()).unwrap_or_default();
            decide(&policy, f).err().map(|e| format!("stay/{name}: {e}"))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} stay cases failed:\n  {}",
        failures.len(),
        files.len(),
        failures.join("\n  ")
    );
}

#[test]
fn there_are_enough_stay_cases() {
    let n = cases().len();
    assert!(n >= MIN_CASES, "tests/cases/stay: {n} cases, at least {MIN_CASES} are required");
}
