//! Integration tests of the labour-market commands of the `ashyq` binary: `import`, `list
//! compute`, `generate labour` and `occupations …`, each run as a process. The commands that use
//! a database run against a SQLite file in a temporary folder and, when `ASHYQ_TEST_POSTGRES_URL`
//! is set, against a fresh PostgreSQL schema.

mod support;

use ashyq_store::testing::TestDb;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use support::{Output, command, run, run_in};

both_backends!(
    a_valid_file_imports_and_a_second_import_changes_nothing,
    a_file_with_bad_rows_is_refused_with_every_place_and_nothing_is_written,
    skip_invalid_writes_the_good_rows_and_sets_the_bad_ones_aside,
    a_file_without_a_required_column_is_refused_at_row_1,
    a_workbook_imports_like_the_csv,
    generated_data_gives_the_same_list_from_the_database_and_from_the_files,
    coordinating_organisations_are_configured_from_the_command_line,
);

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/// A valid employer BIN (its check digit is right) and the same with a wrong check digit.
const BIN: &str = "000101500011";
const BAD_BIN: &str = "000101500012";

const VACANCY_HEADER: &str =
    "vacancy_id,posted_on,closed_on,status,region,occupation,positions,salary_kzt,employer_bin,title";

/// Five good vacancies of chemical engineers (2145): four posted in 2025 for 2 + 1 + 3 + 1 = 7
/// positions, one posted in 2024. The second has a quoted title over two lines; the third a
/// national code (2145-1), a KATO region code and a salary written the spreadsheet way.
fn good_vacancies() -> String {
    format!(
        "{VACANCY_HEADER}\n\
         T-1,2025-03-01,,open,KZ-75,2145,2,450000,{BIN},Инженер-химик\n\
         T-2,2025-03-02,2025-04-01,filled,KZ-71,2145,1,,{BIN},\"Инженер-химик\n(технолог), вахта\"\n\
         T-3,2025-04-10,2025-06-30,expired,750000000,2145-1,3,520000.0,{BIN},Инженер-химик-технолог\n\
         T-4,2025-05-05,2025-05-20,cancelled,KZ-23,2145,1,380000,{BIN},\"Chem. engineer, \"\"senior\"\"\"\n\
         T-5,2024-11-01,2025-02-01,filled,KZ-75,2145,4,410000,{BIN},Инженер-химик\n"
    )
}
const GOOD_ROWS: u64 = 5;
const GOOD_POSTED_2025: u64 = 7;

/// Seven vacancies: lines 2 and 3–4 (a quoted title over two lines) and 9 are good; lines 5 to 8
/// are bad, each in one column.
fn bad_vacancies() -> String {
    format!(
        "{VACANCY_HEADER}\n\
         T-1,2025-03-01,,open,KZ-75,2145,2,450000,{BIN},Инженер-химик\n\
         T-2,2025-03-02,2025-04-01,filled,KZ-71,2145,1,,{BIN},\"Инженер-химик\n(технолог), вахта\"\n\
         T-3,2025-02-30,,open,KZ-75,2145,1,400000,{BIN},\"=HYPERLINK(\"\"http://x.example\"\",\"\"Химик\"\")\"\n\
         T-4,2025-03-03,,open,KZ-99,2145,1,400000,{BIN},@SUM(1+1)\n\
         T-5,2025-03-04,,open,KZ-75,2145,1,400000,{BAD_BIN},Химик\n\
         T-6,2025-03-05,2025-03-20,open,KZ-75,2145,1,400000,{BIN},Химик\n\
         T-7,2025-03-06,2025-03-09,filled,KZ-75,2145,4,400000,{BIN},Химик\n"
    )
}
/// The CSV lines of the bad rows of [`bad_vacancies`], their column, and a part of the reason.
const BAD_ROWS: [(u64, &str, &str); 4] = [
    (5, "posted_on", "`2025-02-30` is not a date"),
    (6, "region", "`KZ-99` is not a region"),
    (7, "employer_bin", "check digit"),
    (8, "closed_on", "must be empty while the vacancy is open"),
];
/// The good rows of [`bad_vacancies`] and the positions they post in 2025.
const BAD_FILE_GOOD_ROWS: u64 = 3;
const BAD_FILE_GOOD_POSTED: u64 = 2 + 1 + 4;

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

/// `ashyq import SOURCE FILE [extra…]` against `url`.
fn import(url: &str, source: &str, file: &Path, extra: &[&str]) -> Output {
    let mut args = vec!["import", source, s(file)];
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
    let numbers: Vec<u64> = line[prefix.len()..]
        .split(|c: char| !c.is_ascii_digit())
        .filter(|t| !t.is_empty())
        .map(|t| t.parse().unwrap())
        .collect();
    assert!(numbers.len() >= 5, "unexpected import report: {line}");
    for word in ["rows read", "new", "updated", "unchanged", "rejected"] {
        assert!(line.contains(word), "{word:?} missing from the import report: {line}");
    }
    (numbers[0], numbers[1], numbers[2], numbers[3], numbers[4])
}

/// The lines of standard error that report a bad place in `file_name` (`FILE:ROW…`).
fn place_lines<'a>(stderr: &'a str, file_name: &str) -> Vec<&'a str> {
    let prefix = format!("{file_name}:");
    stderr
        .lines()
        .filter(|l| {
            l.strip_prefix(&prefix)
                .is_some_and(|rest| rest.split(':').next().is_some_and(|n| n.parse::<u64>().is_ok()))
        })
        .collect()
}

/// `ashyq list compute --period 2025 --on 2026-11-21 --json [extra…]` against `url`.
fn compute_json(url: &str, extra: &[&str]) -> Value {
    let mut args = vec!["list", "compute", "--period", "2025", "--on", "2026-11-21", "--json"];
    args.extend_from_slice(extra);
    run(url, &args).ok().json()
}

fn candidates(list: &Value) -> &Vec<Value> {
    list["candidates"].as_array().unwrap_or_else(|| panic!("no candidates in {list}"))
}

#[track_caller]
fn candidate<'a>(list: &'a Value, code: &str) -> &'a Value {
    candidates(list)
        .iter()
        .find(|c| c["occupation"] == code)
        .unwrap_or_else(|| panic!("{code} is not a candidate"))
}

/// What a candidate's place on the list is: (occupation, rank, score, included).
fn places(list: &Value) -> Vec<(String, u64, f64, bool)> {
    candidates(list)
        .iter()
        .map(|c| {
            (
                c["occupation"].as_str().expect("occupation").to_string(),
                c["rank"].as_u64().expect("rank"),
                c["score"].as_f64().expect("score"),
                c["included"].as_bool().expect("included"),
            )
        })
        .collect()
}

fn included_count(list: &Value) -> usize {
    candidates(list).iter().filter(|c| c["included"] == true).count()
}

/// The unit groups of major group 2 in the classifier: the universe of the shipped policy.
fn major_group_2() -> Vec<String> {
    ashyq_core::occupation::classifier()
        .unit_groups()
        .map(|g| g.code.to_string())
        .filter(|c| c.starts_with('2'))
        .collect()
}

/// The rows of a CSV file written by ashyq (records may differ in length).
fn read_csv(path: &Path) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_path(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    reader.records().map(|r| r.expect("a CSV record").iter().map(str::to_string).collect()).collect()
}

/// Writes empty forecast and work-permit files (header only), for `list compute` from files.
fn empty_sources(dir: &Path) -> (PathBuf, PathBuf) {
    let f = write(dir, "empty-forecast.csv", "year,region,occupation,additional_need\n");
    let w = write(
        dir,
        "empty-permits.csv",
        "permit_id,issued_on,valid_until,region,occupation,employer_bin,citizenship,category,workers\n",
    );
    (f, w)
}

// ---------------------------------------------------------------------------------------------
// 1. A valid file, imported twice
// ---------------------------------------------------------------------------------------------

async fn a_valid_file_imports_and_a_second_import_changes_nothing(t: &TestDb) {
    let url = t.url.as_str();
    let dir = tempdir();
    let file = write(dir.path(), "vacancies.csv", &good_vacancies());

    let first = import(url, "vacancies", &file, &[]).ok();
    assert_eq!(report_counts(&first, "vacancies.csv"), (GOOD_ROWS, GOOD_ROWS, 0, 0, 0), "{first:?}");
    assert!(first.stderr.trim().is_empty(), "a clean import warns nothing: {}", first.stderr);

    let second = import(url, "vacancies", &file, &[]).ok();
    assert_eq!(report_counts(&second, "vacancies.csv"), (GOOD_ROWS, 0, 0, GOOD_ROWS, 0), "{second:?}");

    // The same records laid out differently (byte-order mark, CRLF, columns in another order
    // and case, an extra column) are the same records.
    let mut layout = String::from(concat!(
        "\u{feff}Title,NOTE,EMPLOYER_BIN,salary_kzt,positions,Occupation,REGION,",
        "status,closed_on,posted_on,vacancy_id\r\n"
    ));
    let rows = read_csv(&file);
    for r in &rows[1..] {
        let quoted = |v: &str| format!("\"{}\"", v.replace('"', "\"\""));
        let fields = [
            quoted(&r[9]),
            "ignored".to_string(),
            r[8].clone(),
            r[7].clone(),
            r[6].clone(),
            r[5].clone(),
            r[4].clone(),
            r[3].to_uppercase(),
            r[2].clone(),
            r[1].clone(),
            r[0].clone(),
        ];
        layout.push_str(&fields.join(","));
        layout.push_str("\r\n");
    }
    let layout = write(dir.path(), "layout.csv", &layout);
    let third = import(url, "vacancies", &layout, &[]).ok();
    assert_eq!(report_counts(&third, "layout.csv"), (GOOD_ROWS, 0, 0, GOOD_ROWS, 0), "{third:?}");

    // The list sees the vacancies: 7 positions posted in 2025, 4 in 2024 (the national code
    // 2145-1 counts under its unit group 2145).
    let list = compute_json(url, &[]);
    let c = candidate(&list, "2145");
    assert_eq!(c["indicators"]["vacancies_posted"], GOOD_POSTED_2025, "{c}");
    assert_eq!(c["indicators"]["vacancies_posted_prev"], 4, "{c}");

    // A change: T-1 is filled since, T-6 is new. The JSON report says what was done.
    let changed = good_vacancies().replace("T-1,2025-03-01,,open,", "T-1,2025-03-01,2025-07-01,filled,")
        + &format!("T-6,2025-08-01,,open,KZ-75,2145,1,500000,{BIN},Инженер-химик\n");
    let changed = write(dir.path(), "changed.csv", &changed);
    let out = import(url, "vacancies", &changed, &["--json"]).ok();
    let report = out.json();
    assert_eq!(report["committed"], true, "{report}");
    assert_eq!(report["source"], "vacancies", "{report}");
    assert_eq!(report["file_name"], "changed.csv", "{report}");
    assert_eq!(report["rows_read"], GOOD_ROWS + 1, "{report}");
    assert_eq!(report["inserted"], 1, "{report}");
    assert_eq!(report["updated"], 1, "{report}");
    assert_eq!(report["unchanged"], GOOD_ROWS - 1, "{report}");
    assert_eq!(report["rejected"], 0, "{report}");
    assert!(report["import_id"].as_i64().is_some_and(|id| id > 0), "{report}");
    assert_eq!(report["sha256"].as_str().map(str::len), Some(64), "{report}");
    assert!(!out.stdout.contains("rows read —"), "--json prints only JSON:\n{}", out.stdout);

    let list = compute_json(url, &[]);
    let c = candidate(&list, "2145");
    assert_eq!(c["indicators"]["vacancies_posted"], GOOD_POSTED_2025 + 1, "{c}");
}

// ---------------------------------------------------------------------------------------------
// 2. Bad rows: every one reported at its CSV line, nothing written
// ---------------------------------------------------------------------------------------------

async fn a_file_with_bad_rows_is_refused_with_every_place_and_nothing_is_written(t: &TestDb) {
    let url = t.url.as_str();
    let dir = tempdir();
    let bad = write(dir.path(), "bad.csv", &bad_vacancies());

    let out = import(url, "vacancies", &bad, &[]).code(2);
    let places = place_lines(&out.stderr, "bad.csv");
    assert_eq!(places.len(), BAD_ROWS.len(), "one line per bad field, no more:\n{}", out.stderr);
    for ((row, column, reason), line) in BAD_ROWS.iter().zip(&places) {
        let prefix = format!("bad.csv:{row}:{column}: ");
        assert!(line.starts_with(&prefix), "expected {prefix:?}…, got {line:?}\n{}", out.stderr);
        assert!(line.contains(reason), "expected {reason:?} in {line:?}");
    }
    assert!(out.stderr.contains("4 of 7 rows are invalid"), "{}", out.stderr);
    assert!(out.stderr.contains("nothing was written"), "{}", out.stderr);
    assert!(out.stderr.contains("--skip-invalid"), "the way out is named:\n{}", out.stderr);
    assert!(!out.stdout.contains("rows read —"), "{}", out.stdout);
    assert!(!dir.path().join("bad.csv.rejected.csv").exists(), "no rejects file without --skip-invalid");

    // The JSON report of the refusal.
    let out = import(url, "vacancies", &bad, &["--json"]).code(2);
    let report = out.json();
    assert_eq!(report["committed"], false, "{report}");
    assert_eq!(report["import_id"], Value::Null, "{report}");
    assert_eq!(report["rows_read"], 7, "{report}");
    assert_eq!(report["rejected"], 4, "{report}");
    assert_eq!(report["inserted"], 0, "{report}");
    let errors: Vec<(u64, String)> = report["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .map(|e| (e["row"].as_u64().unwrap(), e["column"].as_str().unwrap_or("").to_string()))
        .collect();
    let expected: Vec<(u64, String)> = BAD_ROWS.iter().map(|(r, c, _)| (*r, c.to_string())).collect();
    assert_eq!(errors, expected, "{report}");

    // Nothing was written, not even the good rows before the first bad one.
    let list = compute_json(url, &[]);
    let c = candidate(&list, "2145");
    assert_eq!(c["indicators"]["vacancies_posted"], 0, "a refused import wrote vacancies: {c}");
    assert_eq!(c["indicators"]["open_at_end"], 0, "{c}");

    // Computing from the files refuses the same file, naming the first bad place.
    let (f, w) = empty_sources(dir.path());
    let out = run(
        url,
        &[
            "list",
            "compute",
            "--period",
            "2025",
            "--on",
            "2026-11-21",
            "--forecast",
            s(&f),
            "--vacancies",
            s(&bad),
            "--work-permits",
            s(&w),
        ],
    )
    .fails_with(&[&format!("{}:5:posted_on: ", bad.display()), "2025-02-30"]);
    assert!(out.stdout.is_empty(), "{}", out.stdout);

    // The good rows alone are then all new: the refused import left none of them behind.
    let good_only: String = bad_vacancies()
        .split_inclusive('\n')
        .filter(|l| !["T-3,", "T-4,", "T-5,", "T-6,"].iter().any(|id| l.starts_with(id)))
        .collect();
    let good = write(dir.path(), "good.csv", &good_only);
    let out = import(url, "vacancies", &good, &[]).ok();
    assert_eq!(report_counts(&out, "good.csv"), (BAD_FILE_GOOD_ROWS, BAD_FILE_GOOD_ROWS, 0, 0, 0), "{out:?}");
}

// ---------------------------------------------------------------------------------------------
// 3. --skip-invalid and --rejects
// ---------------------------------------------------------------------------------------------

#[track_caller]
fn assert_rejects_file(path: &Path) {
    assert!(path.exists(), "{} was not written", path.display());
    let rows = read_csv(path);
    assert_eq!(rows[0][..2], ["row".to_string(), "reasons".to_string()], "{rows:?}");
    assert_eq!(rows.len(), 1 + BAD_ROWS.len(), "one row per rejected row: {rows:?}");
    for ((row, column, reason), r) in BAD_ROWS.iter().zip(&rows[1..]) {
        assert_eq!(r[0], row.to_string(), "{r:?}");
        assert!(r[1].starts_with(&format!("{column}: ")) && r[1].contains(reason), "{r:?}");
        // The fields as read follow: the vacancy's id first, all ten columns.
        assert_eq!(r.len(), 2 + 10, "{r:?}");
        assert_eq!(r[2], format!("T-{}", row - 2), "{r:?}");
        // Figures stay figures; text that a spreadsheet would run as a formula does not.
        assert_eq!(r[2 + 6], "1", "{r:?}");
    }
    assert_eq!(rows[1][2 + 9], "'=HYPERLINK(\"http://x.example\",\"Химик\")", "{rows:?}");
    assert_eq!(rows[2][2 + 9], "'@SUM(1+1)", "{rows:?}");
}

async fn skip_invalid_writes_the_good_rows_and_sets_the_bad_ones_aside(t: &TestDb) {
    let url = t.url.as_str();
    let dir = tempdir();
    let bad = write(dir.path(), "bad.csv", &bad_vacancies());
    let beside = dir.path().join("bad.csv.rejected.csv");

    let out = import(url, "vacancies", &bad, &["--skip-invalid"]).ok();
    assert_eq!(report_counts(&out, "bad.csv"), (7, BAD_FILE_GOOD_ROWS, 0, 0, 4), "{out:?}");
    assert!(out.stdout.contains(s(&beside)), "the rejects file is named:\n{}", out.stdout);
    // The bad rows are still reported on standard error.
    assert_eq!(place_lines(&out.stderr, "bad.csv").len(), BAD_ROWS.len(), "{}", out.stderr);
    assert_rejects_file(&beside);

    let list = compute_json(url, &[]);
    let c = candidate(&list, "2145");
    assert_eq!(c["indicators"]["vacancies_posted"], BAD_FILE_GOOD_POSTED, "{c}");

    // --rejects PATH writes there instead, and nothing beside the file.
    std::fs::remove_file(&beside).unwrap();
    let elsewhere = dir.path().join("elsewhere.csv");
    let out = import(url, "vacancies", &bad, &["--skip-invalid", "--rejects", s(&elsewhere)]).ok();
    assert_eq!(report_counts(&out, "bad.csv"), (7, 0, 0, BAD_FILE_GOOD_ROWS, 4), "{out:?}");
    assert!(out.stdout.contains(s(&elsewhere)), "{}", out.stdout);
    assert_rejects_file(&elsewhere);
    assert!(!beside.exists(), "--rejects also wrote beside the file");

    // The JSON report of a partial import.
    let out = import(url, "vacancies", &bad, &["--skip-invalid", "--json"]).ok();
    let report = out.json();
    assert_eq!(report["committed"], true, "{report}");
    assert_eq!(report["rejected"], 4, "{report}");
    assert_eq!(report["unchanged"], BAD_FILE_GOOD_ROWS, "{report}");
    assert_rejects_file(&beside);

    // --rejects needs --skip-invalid.
    let out = import(url, "vacancies", &bad, &["--rejects", s(&elsewhere)]).code(2);
    assert!(out.stderr.contains("--skip-invalid"), "{}", out.stderr);

    // A clean file with --skip-invalid leaves no rejects file behind.
    let good = write(dir.path(), "good.csv", &good_vacancies());
    let out = import(url, "vacancies", &good, &["--skip-invalid"]).ok();
    assert_eq!(report_counts(&out, "good.csv").4, 0, "{out:?}");
    assert!(!dir.path().join("good.csv.rejected.csv").exists(), "an empty rejects file was left");
}

// ---------------------------------------------------------------------------------------------
// 4. A missing column
// ---------------------------------------------------------------------------------------------

async fn a_file_without_a_required_column_is_refused_at_row_1(t: &TestDb) {
    let url = t.url.as_str();
    let dir = tempdir();
    let text = good_vacancies().replacen("closed_on,", "", 1);
    let file = write(dir.path(), "no-closed-on.csv", &text);

    let out = import(url, "vacancies", &file, &[]).code(2);
    let places = place_lines(&out.stderr, "no-closed-on.csv");
    assert_eq!(places.len(), 1, "{}", out.stderr);
    assert!(places[0].starts_with("no-closed-on.csv:1: "), "{}", places[0]);
    assert!(places[0].contains("missing column") && places[0].contains("closed_on"), "{}", places[0]);
    assert!(!places[0].contains("posted_on"), "only the missing column is named: {}", places[0]);
    assert!(out.stderr.contains("nothing was written"), "{}", out.stderr);

    let out = import(url, "vacancies", &file, &["--json"]).code(2);
    let report = out.json();
    assert_eq!(report["committed"], false, "{report}");
    assert_eq!(report["errors"][0]["row"], 1, "{report}");
    assert!(report["errors"][0]["reason"].as_str().unwrap().contains("closed_on"), "{report}");

    // Two missing columns of another source are both named.
    let file = write(dir.path(), "permits.csv", "permit_id,issued_on,region,occupation,workers\n");
    let out = import(url, "work-permits", &file, &[]).code(2);
    let places = place_lines(&out.stderr, "permits.csv");
    assert_eq!(places.len(), 1, "{}", out.stderr);
    for column in ["valid_until", "employer_bin", "citizenship", "category"] {
        assert!(places[0].contains(column), "{column} not named: {}", places[0]);
    }

    // A file that is not there is an error of its own (exit 1), naming the file.
    run(url, &["import", "forecast", s(&dir.path().join("nope.csv"))]).fails_with(&["nope.csv"]);

    let list = compute_json(url, &[]);
    assert_eq!(candidate(&list, "2145")["indicators"]["vacancies_posted"], 0);
}

// ---------------------------------------------------------------------------------------------
// 5. XLSX
// ---------------------------------------------------------------------------------------------

enum Cell<'a> {
    Text(&'a str),
    Number(f64),
    Date(u16, u8, u8),
    Blank,
}

fn write_xlsx(path: &Path, rows: &[Vec<Cell>]) {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let date_format = Format::new().set_num_format("yyyy-mm-dd");
    for (r, row) in rows.iter().enumerate() {
        let r = u32::try_from(r).unwrap();
        for (c, cell) in row.iter().enumerate() {
            let c = u16::try_from(c).unwrap();
            match cell {
                Cell::Text(t) => {
                    sheet.write_string(r, c, *t).unwrap();
                }
                Cell::Number(n) => {
                    sheet.write_number(r, c, *n).unwrap();
                }
                Cell::Date(y, m, d) => {
                    let date = ExcelDateTime::from_ymd(*y, *m, *d).unwrap();
                    sheet.write_datetime_with_format(r, c, &date, &date_format).unwrap();
                }
                Cell::Blank => {}
            }
        }
    }
    book.save(path).expect("save the workbook");
}

/// The records of [`good_vacancies`] as a spreadsheet would hold them: dates as dates, counts
/// and salaries as numbers, the BIN as text (it has leading zeros).
fn good_vacancy_cells() -> Vec<Vec<Cell<'static>>> {
    use Cell::*;
    let header = VACANCY_HEADER.split(',').map(Text).collect();
    vec![
        header,
        vec![
            Text("T-1"),
            Date(2025, 3, 1),
            Blank,
            Text("open"),
            Text("KZ-75"),
            Text("2145"),
            Number(2.0),
            Number(450000.0),
            Text(BIN),
            Text("Инженер-химик"),
        ],
        vec![
            Text("T-2"),
            Date(2025, 3, 2),
            Date(2025, 4, 1),
            Text("filled"),
            Text("KZ-71"),
            Number(2145.0),
            Number(1.0),
            Blank,
            Text(BIN),
            Text("Инженер-химик\n(технолог), вахта"),
        ],
        vec![
            Text("T-3"),
            Date(2025, 4, 10),
            Date(2025, 6, 30),
            Text("expired"),
            Number(750000000.0),
            Text("2145-1"),
            Number(3.0),
            Number(520000.0),
            Text(BIN),
            Text("Инженер-химик-технолог"),
        ],
        vec![
            Text("T-4"),
            Text("2025-05-05"),
            Date(2025, 5, 20),
            Text("cancelled"),
            Text("KZ-23"),
            Text("2145"),
            Number(1.0),
            Number(380000.0),
            Text(BIN),
            Text("Chem. engineer, \"senior\""),
        ],
        vec![
            Text("T-5"),
            Date(2024, 11, 1),
            Date(2025, 2, 1),
            Text("filled"),
            Text("KZ-75"),
            Text("2145"),
            Number(4.0),
            Number(410000.0),
            Text(BIN),
            Text("Инженер-химик"),
        ],
    ]
}

async fn a_workbook_imports_like_the_csv(t: &TestDb) {
    let url = t.url.as_str();
    let dir = tempdir();
    let book = dir.path().join("vacancies.xlsx");
    write_xlsx(&book, &good_vacancy_cells());

    let out = import(url, "vacancies", &book, &[]).ok();
    assert_eq!(report_counts(&out, "vacancies.xlsx"), (GOOD_ROWS, GOOD_ROWS, 0, 0, 0), "{out:?}");
    let list = compute_json(url, &[]);
    assert_eq!(candidate(&list, "2145")["indicators"]["vacancies_posted"], GOOD_POSTED_2025);

    // The CSV of the same records finds every one of them already there, unchanged: the
    // workbook's dates, numbers and texts were read as the CSV's are.
    let csv = write(dir.path(), "vacancies.csv", &good_vacancies());
    let out = import(url, "vacancies", &csv, &[]).ok();
    assert_eq!(report_counts(&out, "vacancies.csv"), (GOOD_ROWS, 0, 0, GOOD_ROWS, 0), "{out:?}");

    // A bad row of a workbook is reported at its spreadsheet row (an empty row 3 in between).
    let mut cells = good_vacancy_cells();
    cells.truncate(2);
    cells.push(vec![]);
    cells.push(vec![
        Cell::Text("T-9"),
        Cell::Date(2025, 3, 1),
        Cell::Blank,
        Cell::Text("open"),
        Cell::Text("KZ-99"),
        Cell::Text("2145"),
        Cell::Number(1.0),
        Cell::Blank,
        Cell::Text(BIN),
        Cell::Text("x"),
    ]);
    let bad = dir.path().join("bad.xlsx");
    write_xlsx(&bad, &cells);
    let out = import(url, "vacancies", &bad, &[]).code(2);
    let places = place_lines(&out.stderr, "bad.xlsx");
    assert_eq!(places.len(), 1, "{}", out.stderr);
    assert!(places[0].starts_with("bad.xlsx:4:region: "), "{}", places[0]);

    // An .xlsx file that is not a workbook is an error naming the file.
    let fake = write(dir.path(), "fake.xlsx", "vacancy_id\n");
    run(url, &["import", "vacancies", s(&fake)]).fails_with(&["fake.xlsx"]);
}

// ---------------------------------------------------------------------------------------------
// 6 and 7. Generated data: the same list from the database and from the files; the table;
// another policy
// ---------------------------------------------------------------------------------------------

fn generate(dir: &Path, seed: &str) -> Output {
    run_in(
        &std::env::temp_dir(),
        None,
        &[
            "generate",
            "labour",
            "--out",
            s(dir),
            "--vacancies",
            "3000",
            "--work-permits",
            "300",
            "--seed",
            seed,
        ],
        None,
    )
    .ok()
}

const GENERATED: [&str; 3] = ["forecast.csv", "vacancies.csv", "work-permits.csv"];

#[test]
fn generate_labour_is_reproducible_from_its_seed() {
    let (a, b, c) = (tempdir(), tempdir(), tempdir());
    let out = generate(&a.path().join("out"), "7");
    assert!(out.stdout.contains("vacancies.csv (3000)"), "{}", out.stdout);
    assert!(out.stdout.contains("work-permits.csv (300)"), "{}", out.stdout);
    generate(&b.path().join("out"), "7");
    generate(&c.path().join("out"), "8");
    for name in GENERATED {
        let read = |d: &tempfile::TempDir| std::fs::read(d.path().join("out").join(name)).unwrap();
        let (first, second) = (read(&a), read(&b));
        assert!(!first.is_empty());
        assert!(first == second, "{name} differs between two runs with the same seed");
        if name != "forecast.csv" {
            assert!(read(&c) != first, "{name} is the same with another seed");
        }
    }
    let lines =
        |name: &str| std::fs::read_to_string(a.path().join("out").join(name)).unwrap().lines().count();
    assert_eq!(lines("vacancies.csv"), 3001);
    assert_eq!(lines("work-permits.csv"), 301);
    // Only the three files are left (no temporary files).
    let mut names: Vec<String> = std::fs::read_dir(a.path().join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, GENERATED);
}

/// The rows of the table of `list compute`, by occupation: (rank, score as printed, included).
#[track_caller]
fn table_rows(stdout: &str) -> BTreeMap<String, Vec<(u64, String, bool)>> {
    let mut rows: BTreeMap<String, Vec<(u64, String, bool)>> = BTreeMap::new();
    for line in stdout.lines() {
        let tokens: Vec<&str> = line.split_whitespace().collect();
        let (Some(rank), Some(code)) = (tokens.first().and_then(|t| t.parse::<u64>().ok()), tokens.get(1))
        else {
            continue;
        };
        if !code.chars().next().is_some_and(|c| c.is_ascii_digit()) {
            continue; // the closing "N of M candidates" line
        }
        assert!(tokens.len() >= 6, "short table row: {line:?}");
        assert!(tokens[3].contains('/'), "no criteria passed/total in {line:?}");
        let included = match tokens[4] {
            "yes" => true,
            "no" => false,
            other => panic!("included is {other:?} in {line:?}"),
        };
        rows.entry(code.to_string()).or_default().push((rank, tokens[2].to_string(), included));
    }
    rows
}

async fn generated_data_gives_the_same_list_from_the_database_and_from_the_files(t: &TestDb) {
    let url = t.url.as_str();
    let dir = tempdir();
    let data = dir.path().join("data");
    generate(&data, "7");
    let file = |name: &str| data.join(name);

    for (source, name) in
        [("forecast", GENERATED[0]), ("vacancies", GENERATED[1]), ("work-permits", GENERATED[2])]
    {
        let out = import(url, source, &file(name), &[]).ok();
        let (read, new, _, _, rejected) = report_counts(&out, name);
        assert!(read > 0 && new == read && rejected == 0, "{out:?}");
    }

    let from_db = compute_json(url, &[]);
    let from_files = compute_json(
        url,
        &[
            "--forecast",
            s(&file("forecast.csv")),
            "--vacancies",
            s(&file("vacancies.csv")),
            "--work-permits",
            s(&file("work-permits.csv")),
        ],
    );
    let universe = major_group_2();
    assert_eq!(universe.len(), 92, "major group 2 has 92 unit groups");
    assert_eq!(candidates(&from_db).len(), universe.len());
    assert!(
        candidates(&from_db).iter().any(|c| c["indicators"]["vacancies_posted"].as_u64() > Some(0)),
        "the imported vacancies reached the list"
    );
    assert_eq!(places(&from_db), places(&from_files), "the database and the files give different lists");
    assert_eq!(from_db["benchmarks"], from_files["benchmarks"]);
    for (a, b) in candidates(&from_db).iter().zip(candidates(&from_files)) {
        assert_eq!(a["indicators"], b["indicators"], "{}", a["occupation"]);
    }
    assert_eq!(from_db["methodology"]["in_force_on"], "2026-11-21");
    assert_eq!(from_db["period"], 2025);

    // 7. The table: every candidate of major group 2 once, with its rank, score and decision.
    let out = run(url, &["list", "compute", "--period", "2025", "--on", "2026-11-21"]).ok();
    let rows = table_rows(&out.stdout);
    let codes: Vec<&String> = rows.keys().collect();
    let mut expected = universe.clone();
    expected.sort();
    assert_eq!(codes, expected.iter().collect::<Vec<_>>(), "the table's occupations\n{}", out.stdout);
    for c in candidates(&from_db) {
        let code = c["occupation"].as_str().unwrap();
        let printed = &rows[code];
        assert_eq!(printed.len(), 1, "{code} printed {} times", printed.len());
        let want = (
            c["rank"].as_u64().unwrap(),
            format!("{:.2}", c["score"].as_f64().unwrap()),
            c["included"].as_bool().unwrap(),
        );
        assert_eq!(printed[0], want, "{code} in the table and in the JSON");
    }
    let default_included = included_count(&from_db);
    assert!(
        out.stdout.contains(&format!("{default_included} of 92 candidates on the list")),
        "{}",
        out.stdout
    );

    // Another policy: one criterion suffices and no minimum of vacancies — more occupations.
    let shipped = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/policy/kz.toml"))
        .expect("the shipped policy");
    assert!(shipped.contains("k = 6") && shipped.contains("min_vacancies = 20"), "the policy changed shape");
    let lenient = write(
        dir.path(),
        "lenient.toml",
        &shipped.replace("k = 6", "k = 1").replace("min_vacancies = 20", "min_vacancies = 0"),
    );
    let with_lenient = compute_json(url, &["--policy", s(&lenient)]);
    assert!(
        included_count(&with_lenient) > default_included,
        "{} included with k = 1, {default_included} with the shipped policy",
        included_count(&with_lenient)
    );
    // Everything the shipped policy includes, the lenient one includes too.
    for c in candidates(&from_db).iter().filter(|c| c["included"] == true) {
        let code = c["occupation"].as_str().unwrap();
        assert_eq!(candidate(&with_lenient, code)["included"], true, "{code}");
    }
    // ASHYQ_POLICY works as --policy does.
    let mut cmd = command(&std::env::temp_dir());
    cmd.env("ASHYQ_POLICY", &lenient).args([
        "--database-url",
        url,
        "list",
        "compute",
        "--period",
        "2025",
        "--on",
        "2026-11-21",
        "--json",
    ]);
    let out = cmd.output().expect("run ashyq");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let via_env: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(places(&via_env), places(&with_lenient));

    // A malformed policy is refused with the path of its bad key.
    let broken = write(dir.path(), "broken.toml", &shipped.replace("k = 6", "k = 99"));
    let out =
        run(url, &["--policy", s(&broken), "list", "compute", "--period", "2025", "--on", "2026-11-21"])
            .fails_with(&["broken.toml", "list_methodology[0].value.inclusion.k", "99"]);
    assert!(out.stdout.is_empty(), "{}", out.stdout);

    // No methodology was in force before 2023-02-28.
    run(url, &["list", "compute", "--period", "2020", "--on", "2020-01-01"])
        .fails_with(&["no list methodology in force on 2020-01-01"]);
}

#[test]
fn list_compute_from_files_needs_all_three() {
    let dir = tempdir();
    let (f, _) = empty_sources(dir.path());
    let out =
        run_in(dir.path(), None, &["list", "compute", "--period", "2025", "--forecast", s(&f)], None).code(2);
    assert!(out.stderr.contains("--vacancies") && out.stderr.contains("--work-permits"), "{}", out.stderr);
    // Nothing was created where it ran (no default database).
    assert!(!dir.path().join("ashyq-data").exists());
}

/// A file may repeat a record's key (a change log: the later line wins, as the import says).
/// The list computed from such a file must be the list computed from the database it imports
/// into.
/// A forecast file that repeats a key: the later row wins, from the database and from the file
/// alike. (Vacancy and permit files are read line by line on the file path — their keys are not
/// remembered, to keep memory bounded — so there a repeated id counts twice; docs/data-formats.md
/// says so.)
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_repeated_forecast_key_counts_once_from_files_and_from_the_database() {
    let t = ashyq_store::testing::sqlite().await;
    let url = t.url.as_str();
    let dir = tempdir();
    let f = write(
        dir.path(),
        "f.csv",
        "year,region,occupation,additional_need\n2025,KZ-75,2145,100\n2025,750000000,2145,40\n2025,KZ-71,2145,7\n",
    );
    let (_, w) = empty_sources(dir.path());
    let v = write(dir.path(), "empty-vacancies.csv", &format!("{VACANCY_HEADER}\n"));
    import(url, "forecast", &f, &[]).ok();
    let from_db = compute_json(url, &[]);
    let from_files = compute_json(url, &["--forecast", s(&f), "--vacancies", s(&v), "--work-permits", s(&w)]);
    assert_eq!(candidate(&from_db, "2145")["indicators"]["forecast_need"], 47);
    assert_eq!(candidate(&from_files, "2145")["indicators"]["forecast_need"], 47);
    t.cleanup().await;
}

// ---------------------------------------------------------------------------------------------
// 8. The classifier of occupations
// ---------------------------------------------------------------------------------------------

fn occupations(args: &[&str]) -> Output {
    let mut all = vec!["occupations"];
    all.extend_from_slice(args);
    run_in(&std::env::temp_dir(), None, &all, None)
}

fn codes(out: &Output) -> Vec<String> {
    out.json()
        .as_array()
        .expect("an array of hits")
        .iter()
        .map(|h| h["code"].as_str().expect("code").to_string())
        .collect()
}

#[test]
fn occupations_search_finds_titles_in_english_and_russian() {
    let out = occupations(&["search", "Engineer, chemical", "--json"]).ok();
    let hits = out.json();
    assert_eq!(hits[0]["code"], "2145", "{hits}");
    assert_eq!(hits[0]["title_en"], "Chemical engineers", "{hits}");
    assert!(hits[0]["title_ru"].as_str().is_some_and(|t| !t.is_empty()), "{hits}");
    assert!(hits[0]["title_kk"].as_str().is_some_and(|t| !t.is_empty()), "{hits}");
    assert_eq!(codes(&out).len(), 5, "the default limit is 5");

    let out = occupations(&["search", "бухгалтера", "--json"]).ok();
    assert_eq!(codes(&out)[0], "2411", "{}", out.stdout);

    let out = occupations(&["search", "бухгалтера", "--limit", "3", "--json"]).ok();
    assert_eq!(codes(&out).len(), 3, "{}", out.stdout);
    assert_eq!(codes(&out)[0], "2411");

    // The table: one line per hit, best first, with the title.
    let out = occupations(&["search", "бухгалтера", "--limit", "2"]).ok();
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{}", out.stdout);
    assert!(lines[0].starts_with("2411") && lines[0].contains("Accountants"), "{}", out.stdout);

    // Nothing matches: exit 1 and a message.
    let out = occupations(&["search", "xqzzvwk plorf"]).code(1);
    assert!(out.stderr.contains("no occupation matches") && out.stderr.contains("xqzzvwk plorf"), "{out:?}");
    assert!(out.stdout.is_empty(), "{}", out.stdout);

    // The limit is checked by the parser.
    occupations(&["search", "x", "--limit", "0"]).code(2);
    occupations(&["search", "x", "--limit", "51"]).code(2);
}

#[test]
fn occupations_show_prints_the_parents_and_children() {
    let out = occupations(&["show", "2512"]).ok();
    let lines: Vec<&str> = out.stdout.lines().collect();
    let code_of = |l: &str| l.trim_start_matches('>').split_whitespace().next().unwrap_or("").to_string();
    assert_eq!(code_of(lines[0]), "2", "{}", out.stdout);
    assert_eq!(code_of(lines[1]), "25", "{}", out.stdout);
    assert_eq!(code_of(lines[2]), "251", "{}", out.stdout);
    assert!(lines[3].starts_with("> 2512") && lines[3].contains("Software developers"), "{}", out.stdout);
    assert!(out.stdout.contains("ru: ") && out.stdout.contains("kk: "), "{}", out.stdout);

    let json = occupations(&["show", "2512", "--json"]).ok().json();
    let ancestors: Vec<&str> =
        json["ancestors"].as_array().unwrap().iter().map(|a| a["code"].as_str().unwrap()).collect();
    assert_eq!(ancestors, ["2", "25", "251"], "{json}");
    assert_eq!(json["group"]["code"], "2512");

    // A group lists its children.
    let json = occupations(&["show", "251", "--json"]).ok().json();
    let children: Vec<&str> =
        json["children"].as_array().unwrap().iter().map(|a| a["code"].as_str().unwrap()).collect();
    assert!(children.contains(&"2512") && children.contains(&"2511"), "{json}");

    // A national occupation has its unit group among its parents.
    let json = occupations(&["show", "2145-1", "--json"]).ok().json();
    let ancestors: Vec<&str> =
        json["ancestors"].as_array().unwrap().iter().map(|a| a["code"].as_str().unwrap()).collect();
    assert_eq!(ancestors.last(), Some(&"2145"), "{json}");

    occupations(&["show", "9999"]).fails_with(&["9999"]);
    occupations(&["show", "25x"]).fails_with(&["25x"]);
}

/// The share printed after `label` (e.g. `top-1: 92.3%`) in `line`.
#[track_caller]
fn percent_after(line: &str, label: &str) -> f64 {
    let rest = line.split(label).nth(1).unwrap_or_else(|| panic!("no {label:?} in {line:?}"));
    let number = rest.trim_start().split('%').next().unwrap();
    number.trim().parse().unwrap_or_else(|e| panic!("{number:?} in {line:?}: {e}"))
}

#[test]
fn occupations_evaluate_prints_top_1_and_top_3_accuracy() {
    let out = occupations(&["evaluate"]).ok();
    let total = out.stdout.lines().find(|l| l.starts_with("titles: ")).expect("a totals line");
    let (top1, top3) = (percent_after(total, "top-1:"), percent_after(total, "top-3:"));
    assert!((0.0..=100.0).contains(&top1) && top1 <= top3 && top3 <= 100.0, "{total}");
    assert!(top1 >= 80.0, "title search puts the right group first for only {top1}%: {total}");
    let cases: u64 = total["titles: ".len()..].split_whitespace().next().unwrap().parse().unwrap();
    assert!(cases >= 100, "{total}");
    assert!(out.stdout.contains("held-out.csv"), "{}", out.stdout);

    // A set of one's own, with one title expected in the wrong group: 50% top-1, and --misses
    // names it.
    let dir = tempdir();
    let set =
        write(dir.path(), "set.csv", "title,lang,isco08\nchemical engineer,en,2145\nбухгалтер,ru,9629\n");
    let out = occupations(&["evaluate", s(&set), "--misses"]).ok();
    let total = out.stdout.lines().find(|l| l.starts_with("titles: ")).expect("a totals line");
    assert!(total.starts_with("titles: 2 "), "{total}");
    assert_eq!(percent_after(total, "top-1:"), 50.0, "{total}");
    let misses: Vec<&str> = out.stdout.lines().filter(|l| l.trim_start().starts_with("miss ")).collect();
    assert_eq!(misses.len(), 1, "{}", out.stdout);
    assert!(misses[0].contains("бухгалтер") && misses[0].contains("9629"), "{}", misses[0]);

    let broken = write(dir.path(), "broken.csv", "title,lang,isco08\nx,en,notacode\n");
    occupations(&["evaluate", s(&broken)]).fails_with(&["broken.csv"]);
}

// ---------------------------------------------------------------------------------------------
// 9. The coordinating organisations
// ---------------------------------------------------------------------------------------------

async fn coordinating_organisations_are_configured_from_the_command_line(t: &TestDb) {
    let url = t.url.as_str();
    let out = run(url, &["bodies", "list", "--json"]).ok();
    let seeded = out.json().as_array().map(Vec::len).unwrap_or(0);
    assert_eq!(seeded, 7 + 20, "six ministries, Atameken and twenty akimats: {}", out.stdout);
    let add = |code: &str, kind: &str| {
        run(
            url,
            &[
                "bodies",
                "add",
                code,
                "--kind",
                kind,
                "--name-en",
                "Ministry of Energy",
                "--name-ru",
                "Министерство энергетики",
                "--name-kk",
                "Энергетика министрлігі",
            ],
        )
    };
    add("energy", "ministry").ok().stdout_has("added energy");
    add("energy", "ministry").fails_with(&["already exists"]);
    add("Bad Code", "ministry").fails_with(&["code"]);
    add("x-1", "guild").fails_with(&["kind"]);
    add("akimat-x", "akimat").fails_with(&["an akimat needs its region"]);
    run(url, &["bodies", "disable", "energy"]).ok();
    run(url, &["bodies", "list"]).ok().stdout_has("Ministry of Energy (inactive)");
    run(url, &["bodies", "enable", "energy"]).ok();
    run(url, &["bodies", "disable", "nobody"]).fails_with(&["not found"]);

    // A coordinator without a region speaks for the organisation assigned; an akimat's
    // coordinator must be scoped to its region.
    run(url, &["user", "add", "coord-energy", "--role", "coordinator"]).ok();
    run(url, &["bodies", "assign", "coord-energy", "energy"])
        .ok()
        .stdout_has("now speaks for Ministry of Energy");
    run(url, &["bodies", "assign", "coord-energy", "akimat-kz-75"]).fails_with(&["scoped to that region"]);
    run(url, &["user", "add", "an-analyst", "--role", "analyst"]).ok();
    run(url, &["bodies", "assign", "an-analyst", "energy"]).fails_with(&["not a coordinator"]);
}
