//! Integration tests of the exchange-rate commands of the `ashyq` binary — `import rates`,
//! `rates list`, `rates show` and `generate rates` — each run as a process against a SQLite file
//! in a temporary folder and, when `ASHYQ_TEST_POSTGRES_URL` is set, a fresh PostgreSQL schema.

mod support;

use ashyq_store::testing::TestDb;
use std::path::{Path, PathBuf};
use support::{Output, run, run_in};

both_backends!(
    a_rates_file_imports_and_rates_are_shown_on_a_date,
    a_rates_file_with_bad_rows_is_refused_with_every_place,
    skip_invalid_writes_the_good_rates_and_saves_the_bad_ones,
    generated_rates_import_and_a_second_import_changes_nothing,
);

fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temporary folder")
}

fn write(dir: &Path, name: &str, content: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, content).expect("write a test file");
    path
}

fn s(path: &Path) -> &str {
    path.to_str().expect("a UTF-8 path")
}

fn import(url: &str, file: &Path, extra: &[&str]) -> Output {
    let mut args = vec!["import", "rates", s(file)];
    args.extend_from_slice(extra);
    run(url, &args)
}

/// The counts of the one-line import report: (read, new, updated, unchanged, rejected).
#[track_caller]
fn report_counts(out: &Output, file_name: &str) -> (u64, u64, u64, u64, u64) {
    let prefix = format!("{file_name}: ");
    let line = out
        .stdout
        .lines()
        .find(|l| l.starts_with(&prefix) && l.contains(" rows read — "))
        .unwrap_or_else(|| panic!("no import report for {file_name} on standard output:\n{out:?}"));
    let n: Vec<u64> = line[prefix.len()..]
        .split(|c: char| !c.is_ascii_digit())
        .filter(|t| !t.is_empty())
        .map(|t| t.parse().unwrap())
        .collect();
    (n[0], n[1], n[2], n[3], n[4])
}

const GOOD: &str = "date,currency,rate,quantity\n\
    2025-03-06,USD,496.80,1\n\
    2025-03-07,usd,\"497,51\",1\n\
    2025-03-07,RUB,552.00,100\n";

// 1. Import, list, show on the day, on a weekend, beyond the gap.
async fn a_rates_file_imports_and_rates_are_shown_on_a_date(t: &TestDb) {
    let url = t.url.as_str();
    let dir = tempdir();
    let empty = run(url, &["rates", "list"]).ok();
    assert!(empty.stdout.contains("No exchange rates are imported"), "{empty:?}");

    let file = write(dir.path(), "nbk.csv", GOOD);
    let out = import(url, &file, &[]).ok();
    assert_eq!(report_counts(&out, "nbk.csv"), (3, 3, 0, 0, 0), "{out:?}");
    assert!(out.stderr.trim().is_empty(), "{}", out.stderr);

    let list = run(url, &["rates", "list"]).ok();
    let lines: Vec<Vec<&str>> = list.stdout.lines().map(|l| l.split_whitespace().collect()).collect();
    assert_eq!(
        lines,
        [
            vec!["currency", "first", "last", "rates"],
            vec!["RUB", "2025-03-07", "2025-03-07", "1"],
            vec!["USD", "2025-03-06", "2025-03-07", "2"],
        ],
        "{list:?}"
    );
    let json = run(url, &["rates", "list", "--json"]).ok().json();
    assert_eq!(
        json[1],
        serde_json::json!({"currency": "USD", "first": "2025-03-06", "last": "2025-03-07", "count": 2})
    );

    run(url, &["rates", "show", "USD", "2025-03-07"])
        .ok()
        .stdout_has("1 USD = 497.51 KZT on 2025-03-07 (set for that day)");
    run(url, &["rates", "show", "usd", "2025-03-09"])
        .ok()
        .stdout_has("1 USD = 497.51 KZT on 2025-03-09 (set for 2025-03-07)");
    let json = run(url, &["rates", "show", "RUB", "2025-03-08", "--json"]).ok().json();
    assert_eq!(json, serde_json::json!({"currency": "RUB", "date": "2025-03-07", "kzt_per_unit": "5.52"}));
    run(url, &["rates", "show", "KZT", "2030-01-01"]).ok().stdout_has("1 KZT = 1 KZT on 2030-01-01");

    let out = run(url, &["rates", "show", "USD", "2025-03-18"]).code(1);
    assert_eq!(
        out.stderr.trim(),
        "error: no official USD rate in force on 2025-03-18 (the latest before it is for 2025-03-07; import the rates for that period)"
    );
    run(url, &["rates", "show", "EUR", "2025-03-07"]).code(1);
    run(url, &["rates", "show", "EURO", "2025-03-07"]).fails_with(&["`EURO` is not a currency"]);
    // A date that is no date is the parser's error (exit 2), like every bad argument.
    run(url, &["rates", "show", "USD", "2025-02-30"]).code(2);
}

// 2. Bad rows: each named as file:row:column, exit 2, nothing written.
async fn a_rates_file_with_bad_rows_is_refused_with_every_place(t: &TestDb) {
    let url = t.url.as_str();
    let dir = tempdir();
    let file = write(
        dir.path(),
        "bad.csv",
        "currency,date,rate\n\
         USD,2025-03-07,497.51\n\
         KZT,2025-03-07,1\n\
         EUR,07.03.2025,538.12\n\
         USD,2025-03-07,497.6\n\
         CNY,2025-03-07,0\n",
    );
    let out = import(url, &file, &[]).code(2);
    let places: Vec<&str> = out.stderr.lines().filter(|l| l.starts_with("bad.csv:")).collect();
    assert_eq!(
        places,
        [
            "bad.csv:2:rate: USD for 2025-03-07 is given different rates in rows 2 and 5: 497.51 and 497.6 tenge per unit",
            "bad.csv:3:currency: KZT is the tenge: its rate is 1 by definition and is not imported",
            "bad.csv:4:date: `07.03.2025` is not a date: expected YYYY-MM-DD",
            "bad.csv:5:rate: USD for 2025-03-07 is given different rates in rows 2 and 5: 497.51 and 497.6 tenge per unit",
            "bad.csv:6:rate: `0` is not positive: a rate is tenge for `quantity` units",
            "bad.csv: 5 of 5 rows are invalid (5 field errors); nothing was written. Fix the rows, or use --skip-invalid to write the good ones.",
        ],
        "{out:?}"
    );
    assert!(run(url, &["rates", "list", "--json"]).ok().json().as_array().is_some_and(Vec::is_empty));

    // A header without the currency: row 1.
    let file = write(dir.path(), "header.csv", "date,rate\n2025-03-07,497.51\n");
    let out = import(url, &file, &[]).code(2);
    assert!(out.stderr.contains("header.csv:1: header: missing column(s): currency"), "{out:?}");
    // A file that is not there.
    run(url, &["import", "rates", s(&dir.path().join("missing.csv"))]).fails_with(&["missing.csv"]);
}

// 3. --skip-invalid writes the good rows and saves the bad ones to --rejects.
async fn skip_invalid_writes_the_good_rates_and_saves_the_bad_ones(t: &TestDb) {
    let url = t.url.as_str();
    let dir = tempdir();
    let file =
        write(dir.path(), "mixed.csv", "date,currency,rate\n2025-03-07,USD,497.51\n2025-03-07,EUR,abc\n");
    let rejects = dir.path().join("out").join("rejects.csv");
    std::fs::create_dir_all(rejects.parent().unwrap()).unwrap();
    let out = import(url, &file, &["--skip-invalid", "--rejects", s(&rejects)]).ok();
    assert_eq!(report_counts(&out, "mixed.csv"), (2, 1, 0, 0, 1), "{out:?}");
    assert!(out.stderr.contains("mixed.csv:3:rate: `abc` is not a number"), "{out:?}");
    out.stdout_has(&format!("rejected rows and their reasons: {}", rejects.display()));
    let saved = std::fs::read_to_string(&rejects).unwrap();
    assert!(saved.starts_with("row,reasons,fields…\n3,\"rate: `abc` is not a number"), "{saved}");
    assert!(saved.trim_end().ends_with("2025-03-07,EUR,abc"), "{saved}");
    run(url, &["rates", "show", "USD", "2025-03-07"]).ok();
}

// 4. The generated (illustrative) rates import, twice.
async fn generated_rates_import_and_a_second_import_changes_nothing(t: &TestDb) {
    let url = t.url.as_str();
    let dir = tempdir();
    let file = dir.path().join("gen").join("rates.csv");
    let out = run_in(dir.path(), None, &["generate", "rates", "--out", s(&file)], None).ok();
    out.stdout_has("NOT the National Bank's published rates");
    let first = import(url, &file, &["--json"]).ok().json();
    assert_eq!(
        (first["committed"].as_bool(), first["inserted"].as_u64()),
        (Some(true), Some(4 * 1044)),
        "{first}"
    );
    assert_eq!(first["source"], "rates");
    let second = import(url, &file, &[]).ok();
    assert_eq!(report_counts(&second, "rates.csv"), (4176, 0, 0, 4176, 0));
    // Sunday 31 December 2023 takes Friday's rate (the illustrative rates skip weekends only).
    let json = run(url, &["rates", "show", "EUR", "2023-12-31", "--json"]).ok().json();
    assert_eq!(json["date"], "2023-12-29");
    let list = run(url, &["rates", "list", "--json"]).ok().json();
    let currencies: Vec<&str> =
        list.as_array().unwrap().iter().filter_map(|c| c["currency"].as_str()).collect();
    assert_eq!(currencies, ["CNY", "EUR", "RUB", "USD"]);
    assert!(list.as_array().unwrap().iter().all(|c| c["first"] == "2023-01-02" && c["last"] == "2026-12-31"));
}

#[test]
fn the_help_names_the_rates_commands() {
    let dir = tempdir();
    let import = run_in(dir.path(), None, &["import", "--help"], None).ok();
    assert!(import.stdout.contains("rates"), "{}", import.stdout);
    for (path, needle) in [
        (&["rates", "--help"][..], "show"),
        (&["rates", "show", "--help"][..], "10 days"),
        (&["rates", "list", "--help"][..], "Usage: ashyq rates list"),
        (&["generate", "rates", "--help"][..], "NOT the National Bank's published rates"),
    ] {
        let out = run_in(dir.path(), None, path, None).ok();
        assert!(out.stdout.contains(needle), "ashyq {path:?}: {needle:?} missing\n{}", out.stdout);
    }
    assert!(!dir.path().join("ashyq-data").exists(), "help touches no database");
}
