//! Integration tests of `ashyq stay check`, run as a process: the answer to a golden case, the
//! policy given with `--policy` taken for a named rule, and bad input named and refused (exit 2).

mod support;

use std::path::Path;
use support::run_in;

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}):\n{text}"))
}

#[test]
fn a_golden_case_is_answered_with_its_four_figures() {
    let dir = tempfile::tempdir().unwrap();
    let path = root().join("tests/cases/stay/window-rolls-over-return-lawful.json");
    let case = json(&std::fs::read_to_string(path).unwrap());
    let out = run_in(dir.path(), None, &["stay", "check"], Some(&case["input"].to_string())).ok();
    assert_eq!(json(&out.stdout), case["expect"], "{}", out.stdout);
    assert_eq!(
        json(&out.stdout),
        serde_json::json!({
            "days_in_window": 90, "first_overstay": null, "overstay_days": 0, "lawful_until": "2026-09-27"
        })
    );
}

#[test]
fn an_overstay_is_dated_and_counted() {
    let dir = tempfile::tempdir().unwrap();
    let input = r#"{"rule": "visa-free", "stays": [{"entry": "2026-03-01", "exit": "2026-04-05"}], "on": "2026-04-05"}"#;
    let out = run_in(dir.path(), None, &["stay", "check"], Some(input)).ok();
    let v = json(&out.stdout);
    assert_eq!((v["first_overstay"].as_str(), v["overstay_days"].as_u64()), (Some("2026-03-31"), Some(6)));
    assert!(v["lawful_until"].is_null());
}

#[test]
fn a_named_rule_takes_the_numbers_of_the_policy_given() {
    let dir = tempfile::tempdir().unwrap();
    let kz = std::fs::read_to_string(root().join("data/policy/kz.toml")).unwrap();
    let block = "[parameters.short_stay_limit]";
    let at = kz.find(block).expect("the shipped policy has short_stay_limit");
    let (head, tail) = kz.split_at(at);
    let draft = format!("{head}{}", tail.replacen("value = \"90\"", "value = \"60\"", 1));
    assert_ne!(draft, kz);
    std::fs::write(dir.path().join("draft.toml"), draft).unwrap();
    let input = r#"{"rule": "eaeu", "stays": [{"entry": "2026-01-01", "exit": null}], "on": "2026-02-01"}"#;
    let shipped = json(&run_in(dir.path(), None, &["stay", "check"], Some(input)).ok().stdout);
    assert_eq!(shipped["lawful_until"], "2026-03-31");
    let out = run_in(dir.path(), None, &["--policy", "draft.toml", "stay", "check"], Some(input)).ok();
    // 60 days from 1 January: 31 + 28 + 1 = 1 March.
    assert_eq!(json(&out.stdout)["lawful_until"], "2026-03-01");
}

#[test]
fn bad_input_is_refused_with_the_field_named() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        (r#"{"rule": "eaeu", "stays": [], "on": "2026-01-01", "person": "x"}"#, "person"),
        (r#"{"rule": "schengen", "stays": [], "on": "2026-01-01"}"#, "rule"),
        (r#"{"rule": "eaeu", "stays": [{"entry": "2026-13-01"}], "on": "2026-01-01"}"#, "stays[0].entry"),
        (
            r#"{"rule": "eaeu", "stays": [{"entry": "2026-01-01", "exit": null}, {"entry": "2026-01-05"}], "on": "2026-01-10"}"#,
            "stays[0].exit",
        ),
        (
            r#"{"rule": "eaeu", "stays": [{"entry": "2026-01-01", "exit": "2026-01-09"}, {"entry": "2026-01-05"}], "on": "2026-01-10"}"#,
            "stays[1].entry",
        ),
        (
            r#"{"rule": {"limit": 200, "window": 180, "per_entry": null}, "stays": [], "on": "2026-01-10"}"#,
            "rule.limit",
        ),
        (
            r#"{"rule": "eaeu", "stays": [], "permits": [{"from": "2026-02-01", "until": "2026-01-01"}], "on": "2026-01-10"}"#,
            "permits[0].until",
        ),
        ("not json", "(input)"),
    ];
    for (input, field) in cases {
        let out = run_in(dir.path(), None, &["stay", "check"], Some(input)).code(2);
        assert!(out.stdout.is_empty(), "{}", out.stdout);
        assert!(out.stderr.contains(field), "{input}: expected {field} in: {}", out.stderr);
    }
}
