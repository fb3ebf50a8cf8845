//! Golden cases of the case workflow's rules, as data files at the repository root:
//!
//! - `tests/cases/workflow/*.yaml`: a programme, the rules' automatic outcome, and moves in
//!   order — each with the state it leads to, or the error it must give — checked through
//!   `ashyq_core::cases` exactly as the store calls it (`status::next`, `decision::check`,
//!   `status::confirmer`, `status::may_issue`);
//! - `tests/cases/rounds/*.yaml`: candidates of an invitation round and who is invited, with the
//!   cut-off score and tie-break time published.

use ashyq_core::cases::decision::{self, OfficerAction};
use ashyq_core::cases::round::{self, Candidate};
use ashyq_core::cases::status::{self, CaseStatus, Move};
use ashyq_core::rules::{Outcome, Programme};
use serde::Deserialize;
use std::path::{Path, PathBuf};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Workflow {
    description: String,
    programme: String,
    automatic: Option<String>,
    steps: Vec<Step>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Step {
    #[serde(rename = "move")]
    action: String,
    #[serde(default)]
    officer: Option<String>,
    #[serde(default)]
    reason: Option<String>,
    #[serde(default)]
    expect: Option<String>,
    #[serde(default)]
    error: Option<String>,
    #[serde(default, rename = "override")]
    is_override: Option<bool>,
}

fn files(dir: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/cases").join(dir);
    let mut out: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .collect();
    out.sort();
    out
}

fn outcome(text: &str) -> Result<Outcome, String> {
    [Outcome::Eligible, Outcome::Ineligible, Outcome::NeedsOfficer]
        .into_iter()
        .find(|o| o.as_str() == text)
        .ok_or_else(|| format!("unknown outcome {text:?}"))
}

/// What one step did: the state reached, or the error's message.
fn step(
    p: Programme,
    automatic: Option<Outcome>,
    state: &mut (CaseStatus, Option<String>, bool),
    s: &Step,
) -> Result<Result<(String, Option<bool>), String>, String> {
    let (status, approved_by, issued) = state;
    let evaluated = automatic.is_some();
    let officer = s.officer.clone().unwrap_or_default();
    let reason = s.reason.clone().unwrap_or_default();
    let r = match s.action.as_str() {
        "submit" | "reply" | "withdraw" | "return" => {
            let m = match s.action.as_str() {
                "submit" => Move::Submit,
                "reply" => Move::Reply,
                "withdraw" => Move::Withdraw,
                _ => Move::Return,
            };
            status::next(p, *status, m, evaluated).map(|to| (to, None))
        }
        "approve" | "refuse" | "request_info" => {
            let action = OfficerAction::parse(&s.action).ok_or("unknown action")?;
            status::next(p, *status, action.as_move(), evaluated).and_then(|to| {
                let d = decision::check(action, automatic.unwrap_or(Outcome::NeedsOfficer), &reason)?;
                if to == CaseStatus::AwaitingConfirmation {
                    *approved_by = Some(officer.clone());
                }
                Ok((to, Some(d.overrides.is_some())))
            })
        }
        "confirm" => status::next(p, *status, Move::Confirm, evaluated).and_then(|to| {
            status::confirmer(approved_by.as_deref().unwrap_or_default(), &officer)?;
            Ok((to, None))
        }),
        "issue" => {
            let existing = issued.then(|| "PERMIT-1".to_string());
            status::may_issue(*status, existing.as_deref()).map(|()| {
                *issued = true;
                (*status, None)
            })
        }
        other => return Err(format!("unknown move {other:?}")),
    };
    Ok(match r {
        Ok((to, over)) => {
            *status = to;
            let shown = if s.action == "issue" { "issued".to_string() } else { to.as_str().to_string() };
            Ok((shown, over))
        }
        Err(e) => Err(e.to_string()),
    })
}

fn run_workflow(file: &Path) -> Result<(), String> {
    let text = std::fs::read_to_string(file).map_err(|e| e.to_string())?;
    let case: Workflow = serde_yaml_ng::from_str(&text).map_err(|e| format!("not a case: {e}"))?;
    if case.description.trim().is_empty() {
        return Err("the description is empty".into());
    }
    let p = Programme::named(&case.programme).map_err(|e| e.to_string())?;
    let automatic = case.automatic.as_deref().map(outcome).transpose()?;
    let mut state = (CaseStatus::Draft, None, false);
    for (i, s) in case.steps.iter().enumerate() {
        let at = format!("steps[{i}] ({})", s.action);
        match (step(p, automatic, &mut state, s)?, &s.expect, &s.error) {
            (Ok((got, over)), Some(want), None) => {
                if &got != want {
                    return Err(format!("{at}: expected {want}, got {got}"));
                }
                if let (Some(want), Some(got)) = (s.is_override, over)
                    && want != got
                {
                    return Err(format!("{at}: expected override {want}, got {got}"));
                }
            }
            (Err(msg), None, Some(want)) => {
                if !msg.contains(want.as_str()) {
                    return Err(format!("{at}: expected an error with {want:?}, got {msg:?}"));
                }
            }
            (Ok((got, _)), _, Some(want)) => {
                return Err(format!("{at}: expected the error {want:?}, got {got}"));
            }
            (Err(msg), Some(want), _) => return Err(format!("{at}: expected {want}, got the error {msg:?}")),
            _ => return Err(format!("{at}: a step needs exactly one of expect and error")),
        }
    }
    Ok(())
}

#[test]
fn every_workflow_case_moves_as_written() {
    let files = files("workflow");
    assert!(files.len() >= 7, "only {} workflow cases", files.len());
    let failures: Vec<String> =
        files.iter().filter_map(|f| run_workflow(f).err().map(|e| format!("{}: {e}", f.display()))).collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RoundCase {
    description: String,
    size: usize,
    sector: Option<String>,
    candidates: Vec<Candidate>,
    expect: RoundExpect,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RoundExpect {
    invited: Vec<i64>,
    cut_off: Option<u32>,
    tie_break_at_us: Option<i64>,
    considered: usize,
}

#[test]
fn every_round_case_invites_as_written() {
    let files = files("rounds");
    assert!(files.len() >= 5, "only {} round cases", files.len());
    let mut failures = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap_or_default();
        let case: RoundCase = match serde_yaml_ng::from_str(&text) {
            Ok(c) => c,
            Err(e) => {
                failures.push(format!("{}: not a case: {e}", f.display()));
                continue;
            }
        };
        assert!(!case.description.trim().is_empty(), "{}: no description", f.display());
        let s = round::select(&case.candidates, case.size, case.sector.as_deref());
        let got: Vec<i64> = s.invitations.iter().map(|i| i.case_id).collect();
        let e = &case.expect;
        let tie_break_at_us = s.tie_break_at.map(|t| t.as_microsecond());
        if got != e.invited
            || s.cut_off != e.cut_off
            || tie_break_at_us != e.tie_break_at_us
            || s.considered != e.considered
        {
            failures.push(format!(
                "{}: expected {:?} cut-off {:?} tie {:?} considered {}, got {got:?} {:?} {:?} {}",
                f.display(),
                e.invited,
                e.cut_off,
                e.tie_break_at_us,
                e.considered,
                s.cut_off,
                tie_break_at_us,
                s.considered
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
