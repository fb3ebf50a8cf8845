//! Integration tests of `ashyq eval`, `eval-batch`, `applications import` and `simulate`, each
//! run as a process against a SQLite file and, when `ASHYQ_TEST_POSTGRES_URL` is set, a fresh
//! PostgreSQL schema.

mod support;

use ashyq_store::testing::TestDb;
use std::path::{Path, PathBuf};
use support::{run, run_in};

both_backends!(
    eval_explains_a_decision_with_its_parameters_and_their_dates,
    the_investor_visa_converts_at_the_imported_rate_of_the_investment_date,
    applications_are_stored_all_or_nothing_and_a_draft_policy_shows_what_changes,
    a_batch_is_decided_line_by_line_and_a_bad_line_is_named_in_its_place,
);

async fn a_batch_is_decided_line_by_line_and_a_bad_line_is_named_in_its_place(t: &TestDb) {
    let dir = tempfile::tempdir().unwrap();
    let refugee = std::fs::read_to_string(example("refugee")).unwrap();
    let refugee: serde_json::Value = serde_json::from_str(&refugee).unwrap();
    let line = |r: &str, on: &str, f: &serde_json::Value| {
        serde_json::json!({"reference": r, "programme": "refugee", "on": on, "facts": f}).to_string()
    };
    let lines = [
        line("B-1", "2026-11-20", &refugee),
        "{\"reference\": \"B-2\", \"programme\": \"refugee\"}".to_string(),
        line("B-3", "2026-12-20", &refugee),
    ];
    let file = write(dir.path(), "batch.jsonl", &lines.join("\n"));
    let out = run(&t.url, &["eval-batch", &file, "--threads", "2", "--timing"]).code(2);
    let results: Vec<serde_json::Value> =
        out.stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(results.len(), 3, "{}", out.stdout);
    assert_eq!(
        (results[0]["line"].as_u64(), results[0]["outcome"].as_str()),
        (Some(1), Some("needs_officer"))
    );
    assert!(results[1]["error"].as_str().unwrap().contains("missing field `on`"), "{}", results[1]);
    // A month after arrival and no reason given: late, refused on the deadline.
    assert_eq!(results[2]["outcome"], "ineligible");
    assert_eq!(results[2]["failing_rules"][0], "rf.deadline");
    assert!(out.stderr.contains("timing: lines=3"), "{}", out.stderr);
}

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/examples")
}

fn example(programme: &str) -> String {
    examples().join(format!("{programme}.json")).display().to_string()
}

fn write(dir: &Path, name: &str, content: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, content).expect("write a test file");
    path.display().to_string()
}

async fn eval_explains_a_decision_with_its_parameters_and_their_dates(t: &TestDb) {
    // The example family: 6,000,000 ₸ and 5,800,000 ₸ against 1,320 × 4,325 = 5,709,000 ₸;
    // housing 3 × 15 m² × 560,000 ₸ (Astana) = 25,200,000 ₸ against 26,000,000 ₸.
    let out =
        run(&t.url, &["eval", "permanent-residence", &example("permanent-residence"), "--on", "2026-11-20"])
            .ok();
    assert!(out.stdout.starts_with("permanent-residence on 2026-11-20"), "{}", out.stdout);
    assert!(out.stdout.contains(": ELIGIBLE"), "{}", out.stdout);
    assert!(out.stdout.contains("mci = 4325 KZT (in force from 2026-01-01"), "{}", out.stdout);
    assert!(out.stdout.contains("5,709,000"), "{}", out.stdout);

    // The same facts a year earlier: the MCI of 2025 and a certificate dated after the date.
    let json = run(
        &t.url,
        &["eval", "permanent-residence", &example("permanent-residence"), "--on", "2025-11-20", "--json"],
    )
    .ok()
    .json();
    assert_eq!(json["outcome"], "ineligible");
    let failing: Vec<&str> =
        json["failing_rules"].as_array().unwrap().iter().filter_map(|v| v.as_str()).collect();
    assert_eq!(failing, ["pr.solvency.applicant", "pr.solvency.family"]);
    let check =
        json["checks"].as_array().unwrap().iter().find(|c| c["rule"] == "pr.solvency.applicant").unwrap();
    assert_eq!(check["note"], "certificate_after");
    assert!(check["explanation"]["kk"].as_str().unwrap().len() > 20);
    assert!(check["explanation"]["ru"].as_str().unwrap() != check["explanation"]["en"].as_str().unwrap());

    // Kazakh text output.
    let out =
        run(&t.url, &["eval", "refugee", &example("refugee"), "--on", "2026-11-20", "--lang", "kk"]).ok();
    assert!(out.stdout.contains("NEEDS_OFFICER"), "{}", out.stdout);

    // A missing field: exit 2, named.
    let dir = tempfile::tempdir().unwrap();
    let bad = write(dir.path(), "bad.json", r#"{"arrival_date": "2026-11-17", "grounds": []}"#);
    let out = run(&t.url, &["eval", "refugee", &bad]).code(2);
    assert!(out.stderr.contains("bad.json: exclusion_grounds: missing"), "{}", out.stderr);
    // A currency that is not an ISO 4217 code, text that is not JSON, a date that is not one:
    // exit 2, each named with the form expected (not "no rate imported", not parser internals).
    let investor = std::fs::read_to_string(example("investor-visa")).unwrap();
    let xyz = write(dir.path(), "xyz.json", &investor.replacen("\"USD\"", "\"XYZ\"", 1));
    let out = run(&t.url, &["eval", "investor-visa", &xyz, "--on", "2026-06-01"]).code(2);
    assert!(
        out.stderr.contains("xyz.json: investments[1].currency: `XYZ` is not a currency"),
        "{}",
        out.stderr
    );
    let yaml = write(dir.path(), "yaml.json", "arrival_date: 2026-11-17\n");
    let out = run(&t.url, &["eval", "refugee", &yaml]).code(2);
    assert!(out.stderr.contains("not JSON: expected value (line 1, column 1)"), "{}", out.stderr);
    let cut = write(dir.path(), "cut.json", "{\"arrival_date\": \"2026-11-17\",\n \"grounds\": [}");
    let out = run(&t.url, &["eval", "refugee", &cut]).code(2);
    assert!(out.stderr.contains("(line 2, column 14)"), "{}", out.stderr);
    let day = write(dir.path(), "day.json", &investor.replace("2040-05-01", "2040-02-30"));
    let out = run(&t.url, &["eval", "investor-visa", &day, "--on", "2026-06-01"]).code(2);
    let said = "day.json: passport_expiry: \"2040-02-30\" is not a date: write it as YYYY-MM-DD";
    assert!(out.stderr.contains(said), "{}", out.stderr);
    assert!(!out.stderr.contains("1..=29"), "{}", out.stderr);
    // Standard input, an unknown programme, a programme not yet in force.
    let out = run_in(
        dir.path(),
        Some(&t.url),
        &["eval", "ata-zholy", "-", "--on", "2026-01-10"],
        Some(&std::fs::read_to_string(example("ata-zholy")).unwrap()),
    )
    .ok();
    assert!(out.stdout.contains(": ELIGIBLE"), "{}", out.stdout);
    run(&t.url, &["eval", "golden-visa", &bad]).fails_with(&["unknown programme", "permanent-residence"]);
    run(&t.url, &["eval", "investor-visa", &example("investor-visa"), "--on", "2024-11-16"])
        .fails_with(&["investor-visa is not in force on 2024-11-16", "2024-11-17"]);
}

async fn the_investor_visa_converts_at_the_imported_rate_of_the_investment_date(t: &TestDb) {
    let dir = tempfile::tempdir().unwrap();
    // Without rates: no decision, and the message says what to import.
    run(&t.url, &["eval", "investor-visa", &example("investor-visa"), "--on", "2026-06-01"])
        .fails_with(&["no official USD rate in force on 2026-03-03", "import"]);
    // 120,000,000 ₸ on 2026-03-03 at 500 ₸/$ = $240,000; plus $80,000 = $320,000.
    let rates =
        write(dir.path(), "rates.csv", "date,currency,rate\n2026-03-03,USD,500.00\n2026-03-02,USD,505.00\n");
    run(&t.url, &["import", "rates", &rates]).ok();
    let json =
        run(&t.url, &["eval", "investor-visa", &example("investor-visa"), "--on", "2026-06-01", "--json"])
            .ok()
            .json();
    assert_eq!(json["outcome"], "eligible", "{json:#}");
    let total = json["checks"].as_array().unwrap().iter().find(|c| c["rule"] == "inv.threshold").unwrap();
    assert_eq!(total["values"]["total"]["amount"], "320000");
    // At 600 ₸/$ the same tenge are $200,000: $280,000 in all, refused.
    let rates = write(dir.path(), "rates2.csv", "date,currency,rate\n2026-03-03,USD,600\n");
    run(&t.url, &["import", "rates", &rates]).ok();
    let json =
        run(&t.url, &["eval", "investor-visa", &example("investor-visa"), "--on", "2026-06-01", "--json"])
            .ok()
            .json();
    assert_eq!(json["outcome"], "ineligible");
}

async fn applications_are_stored_all_or_nothing_and_a_draft_policy_shows_what_changes(t: &TestDb) {
    let dir = tempfile::tempdir().unwrap();
    let pr = std::fs::read_to_string(example("permanent-residence")).unwrap();
    let pr: serde_json::Value = serde_json::from_str(&pr).unwrap();
    let mut kandas = pr.clone();
    kandas["applicant"]["ethnic_kazakh"] = true.into();
    kandas["applicant"]["funds"] = serde_json::Value::Null;
    let line = |r: &str, on: &str, f: &serde_json::Value| {
        serde_json::json!({"reference": r, "programme": "permanent-residence", "on": on, "facts": f})
            .to_string()
    };
    let good = [
        line("A-1", "2026-11-20", &pr),
        line("A-2", "2026-11-20", &kandas),
        line("A-3", "2026-05-01", &kandas),
    ];
    // One bad line among good ones: nothing stored, the line named.
    let mut broken = kandas.clone();
    broken["region"] = "KZ-99".into();
    let file =
        write(dir.path(), "bad.jsonl", &[good[0].clone(), line("A-9", "2026-11-20", &broken)].join("\n"));
    let out = run(&t.url, &["applications", "import", &file]).code(2);
    assert!(out.stderr.contains("bad.jsonl:2: facts.region"), "{}", out.stderr);
    assert!(out.stderr.contains("nothing was stored"), "{}", out.stderr);
    assert_eq!(ashyq_store::applications::count(&t.db).await.unwrap(), 0);

    let file = write(dir.path(), "apps.jsonl", &good.join("\n"));
    run(&t.url, &["applications", "import", &file]).ok().stdout_has("3 applications stored");
    run(&t.url, &["applications", "import", &file])
        .ok()
        .stdout_has("0 applications stored, 3 already stored");
    // The same reference for a different application is refused.
    let other = write(dir.path(), "other.jsonl", &line("A-1", "2026-11-21", &pr));
    run(&t.url, &["applications", "import", &other]).fails_with(&["A-1", "already used"]);

    // A draft repealing the kandas exemption from 2026-06-01 changes A-2 only.
    let kz = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/policy/kz.toml"))
        .unwrap();
    let old = r#""pr.exempt.kandas" = [{ from = "2023-01-01", basis = { act = "migration_law", article = "49", paragraph = { kk = "ерекшелік: қандастар", ru = "исключение: кандасы", en = "exemption: kandas" } } }]"#;
    assert!(kz.contains(old));
    let draft = kz
        .replace(
            old,
            &old.replace(
                "}]",
                r#"}, { from = "2026-06-01", applies = false, basis = { act = "Draft amendment" } }]"#,
            ),
        )
        .replace("edition = \"2026-11\"", "edition = \"draft-1\"");
    let draft = write(dir.path(), "draft.toml", &draft);
    let out = run(&t.url, &["--policy", &draft, "simulate"]).ok();
    assert!(
        out.stdout.contains("3 applications decided under policy 2026-11 (in force) and draft-1 (draft)"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("eligible → ineligible: 1"), "{}", out.stdout);
    let json = run(&t.url, &["--policy", &draft, "simulate", "--json"]).ok().json();
    assert_eq!(json["changed"], 1);
    assert_eq!(json["affected"][0]["reference"], "A-2");
    // All on a date before the repeal: nothing changes.
    let json = run(&t.url, &["--policy", &draft, "simulate", "--on", "2026-05-31", "--json"]).ok().json();
    assert_eq!(json["changed"], 0);
    // Without a draft: a clear error.
    run(&t.url, &["simulate"]).fails_with(&["--policy DRAFT.toml"]);
}
