//! The labour-data import pipeline (`ashyq_store::labour::import`) end to end, on SQLite and
//! (with `ASHYQ_TEST_POSTGRES_URL`) PostgreSQL: CSV and XLSX files of the three sources are
//! checked, written in batches inside one transaction and audited; re-imports are idempotent and
//! changed records are updated; one bad row writes nothing (or, with `skip_invalid`, is kept in
//! `import_rejects`) and every bad row is named by row, column and reason; header problems are
//! reported; a key repeated within a file is no database error; the stored records read back
//! into the indicators computed by hand; progress is told in a workbook's rows and a CSV's bytes;
//! and a workbook counting its dates from 1904 gives the same dates.

use ashyq_core::ids::Bin;
use ashyq_core::labour::records::Source;
use ashyq_core::occupation::OccupationCode;
use ashyq_store::labour::{ImportReport, ImportRequest, import};
use ashyq_store::pipeline::Quiet;
use ashyq_store::pipeline::input::{Flow, InputError, for_each_row};
use ashyq_store::pipeline::progress::Unit;
use ashyq_store::pipeline::{ImportError, ImportSink, Input, Progress, RowError};
use ashyq_store::{Actor, Db, audit, both_backends};
use sha2::{Digest, Sha256};

/// A BIN with a valid check digit.
const BIN: &str = "000101500011";
const VACANCY_HEADER: &str =
    "vacancy_id,posted_on,closed_on,status,region,occupation,positions,salary_kzt,employer_bin,title";
const PERMIT_HEADER: &str =
    "permit_id,issued_on,valid_until,region,occupation,employer_bin,citizenship,category,workers";
const FORECAST_HEADER: &str = "year,region,occupation,additional_need";

fn actor() -> Actor {
    Actor { username: "importer".into(), ..Actor::cli() }
}

fn request(source: Source, file_name: &str, skip_invalid: bool) -> ImportRequest {
    ImportRequest { source, file_name: file_name.into(), skip_invalid }
}

/// A CSV text of a header and data lines, each line ended by a newline.
fn csv(header: &str, lines: &[String]) -> String {
    let mut text = format!("{header}\n");
    for l in lines {
        text.push_str(l);
        text.push('\n');
    }
    text
}

async fn run_bytes(db: &Db, source: Source, bytes: Vec<u8>, skip_invalid: bool) -> ImportReport {
    let req = request(source, "test.csv", skip_invalid);
    import(db, &actor(), &req, Input::from_bytes(bytes), &mut Quiet).await.expect("the import runs")
}

async fn run(db: &Db, source: Source, text: &str, skip_invalid: bool) -> ImportReport {
    run_bytes(db, source, text.as_bytes().to_vec(), skip_invalid).await
}

async fn count(db: &Db, table: &str) -> i64 {
    let sql = format!("SELECT COUNT(*) FROM {table}");
    sqlx::query_scalar(sqlx::AssertSqlSafe(sql)).fetch_one(&db.pool).await.unwrap()
}

/// `permit_id, issued_on, valid_until, region, occupation, employer_bin, citizenship, category, workers`.
type PermitRow = (String, String, String, String, String, String, String, String, i64);

async fn work_permits(db: &Db) -> Vec<PermitRow> {
    sqlx::query_as(
        "SELECT permit_id, issued_on, valid_until, region, occupation, employer_bin, citizenship, category, \
         workers FROM work_permits ORDER BY permit_id",
    )
    .fetch_all(&db.pool)
    .await
    .unwrap()
}

/// A stored vacancy; the salary in tiyn (the file's whole tenge × 100).
type VacancyRow =
    (String, String, Option<String>, String, String, String, i64, Option<i64>, String, String, i64);

async fn vacancies(db: &Db) -> Vec<VacancyRow> {
    sqlx::query_as(
        "SELECT vacancy_id, posted_on, closed_on, status, region, occupation, positions, salary_tiyn, \
         employer_bin, title, import_id FROM vacancies ORDER BY vacancy_id",
    )
    .fetch_all(&db.pool)
    .await
    .unwrap()
}

/// `(rows_read, inserted, updated, unchanged, rejected)` of a report.
fn counts(r: &ImportReport) -> (u64, u64, u64, u64, u64) {
    (r.rows_read, r.inserted, r.updated, r.unchanged, r.rejected)
}

/// `(row, column, reason)` of every reported error.
fn errors(r: &ImportReport) -> Vec<(u64, Option<&str>, &str)> {
    r.errors.iter().map(|e| (e.row, e.column.as_deref(), e.reason.english.as_str())).collect()
}

/// Three good vacancies: open with a salary, filled (quoted title with a comma, KATO region),
/// open without a salary and with a national occupation code.
fn three_vacancies() -> Vec<String> {
    vec![
        format!("V-1,2025-03-01,,open,KZ-71,2512,2,450000,{BIN},Разработчик"),
        format!("V-2,2025-02-10,2025-03-05,Filled,750000000,2411,1,300000.0,{BIN},\"Бухгалтер, главный\""),
        format!("V-3,2025-04-15,,OPEN,75,2512-1,5,,{BIN},"),
    ]
}

// 1. A valid vacancies file.
async fn a_valid_vacancies_file_imports(db: &Db) {
    let text = csv(VACANCY_HEADER, &three_vacancies());
    let report = run(db, Source::Vacancies, &text, false).await;
    assert!(report.committed, "{report:?}");
    assert_eq!(counts(&report), (3, 3, 0, 0, 0));
    assert!(report.errors.is_empty() && report.errors_total == 0, "{report:?}");
    assert_eq!(report.sha256, hex::encode(Sha256::digest(text.as_bytes())));
    assert_eq!(report.file_name, "test.csv");
    let id = report.import_id.expect("an import id once committed");

    assert_eq!(
        vacancies(db).await,
        vec![
            (
                "V-1".into(),
                "2025-03-01".into(),
                None,
                "open".into(),
                "KZ-71".into(),
                "2512".into(),
                2,
                Some(45_000_000),
                BIN.into(),
                "Разработчик".into(),
                id
            ),
            (
                "V-2".into(),
                "2025-02-10".into(),
                Some("2025-03-05".into()),
                "filled".into(),
                "KZ-75".into(),
                "2411".into(),
                1,
                Some(30_000_000),
                BIN.into(),
                "Бухгалтер, главный".into(),
                id
            ),
            (
                "V-3".into(),
                "2025-04-15".into(),
                None,
                "open".into(),
                "KZ-75".into(),
                "2512-1".into(),
                5,
                None,
                BIN.into(),
                String::new(),
                id
            ),
        ]
    );

    let import_row: (String, String, String, i64, i64, i64, i64, i64, String) = sqlx::query_as(
        "SELECT source, file_name, sha256, rows_read, inserted, updated, unchanged, rejected, username \
         FROM imports WHERE id = $1",
    )
    .bind(id)
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert_eq!(
        import_row,
        ("vacancies".into(), "test.csv".into(), report.sha256.clone(), 3, 3, 0, 0, 0, "importer".into())
    );

    let tail = audit::tail(db, 5).await.unwrap();
    let rec = tail.iter().find(|r| r.action == "labour.import").expect("an audit record of the import");
    assert_eq!((rec.object_type.as_str(), rec.object_id.as_str()), ("import", id.to_string().as_str()));
    assert_eq!(rec.actor, "importer");
    let detail: serde_json::Value = serde_json::from_str(&rec.detail).unwrap();
    assert_eq!(detail["source"], "vacancies");
    assert_eq!(detail["inserted"], 3);
    assert_eq!(detail["sha256"], report.sha256.as_str());
    assert_eq!(audit::verify(db).await.unwrap(), 1);
}

// 2. Idempotency, and a changed record is an update.
async fn reimporting_changes_nothing_and_a_change_is_an_update(db: &Db) {
    let mut lines = three_vacancies();
    let first = run(db, Source::Vacancies, &csv(VACANCY_HEADER, &lines), false).await;
    assert_eq!(counts(&first), (3, 3, 0, 0, 0));
    let first_id = first.import_id.unwrap();

    let again = run(db, Source::Vacancies, &csv(VACANCY_HEADER, &lines), false).await;
    assert!(again.committed);
    assert_eq!(counts(&again), (3, 0, 0, 3, 0));
    assert_eq!(count(db, "vacancies").await, 3);
    // Nothing changed, so every row still names the import that wrote it.
    assert!(vacancies(db).await.iter().all(|v| v.10 == first_id));

    // V-1 was filled since.
    lines[0] = format!("V-1,2025-03-01,2025-03-20,filled,KZ-71,2512,2,450000,{BIN},Разработчик");
    let changed = run(db, Source::Vacancies, &csv(VACANCY_HEADER, &lines), false).await;
    assert!(changed.committed);
    assert_eq!(counts(&changed), (3, 0, 1, 2, 0));
    assert_eq!(count(db, "vacancies").await, 3);
    let stored = vacancies(db).await;
    assert_eq!(stored[0].2.as_deref(), Some("2025-03-20"));
    assert_eq!(stored[0].3, "filled");
    assert_eq!(stored[0].10, changed.import_id.unwrap());
    assert_eq!(stored[1].10, first_id);

    // A new record next to known ones is an insert.
    lines.push(format!("V-4,2025-05-01,,open,KZ-71,2512,1,,{BIN},Новая"));
    let grown = run(db, Source::Vacancies, &csv(VACANCY_HEADER, &lines), false).await;
    assert_eq!(counts(&grown), (4, 1, 0, 3, 0));
    assert_eq!(count(db, "vacancies").await, 4);
    assert_eq!(count(db, "imports").await, 4);
}

/// A file with good rows and bad ones, one of them quoted over two lines (lines 4–5), and one
/// that is not UTF-8 (line 9).
fn mixed_file() -> Vec<u8> {
    let mut text = csv(
        VACANCY_HEADER,
        &[
            format!("G-1,2025-03-01,,open,KZ-71,2512,1,100000,{BIN},ok"), // line 2
            format!("B-1,2025-02-30,,open,KZ-71,2512,1,100000,{BIN},bad date"), // line 3
            format!("B-2,2025-03-01,,open,KZ-71,2512,1,abc,{BIN},\"two\nlines\""), // lines 4-5
            format!("G-2,2025-03-02,,open,KZ-75,2512,1,,{BIN},\"also\nquoted\""), // lines 6-7
            "B-3,2025-03-01,,open,KZ-71,2512,0,1,000101500012,x".to_string(), // line 8
        ],
    )
    .into_bytes();
    // Line 9: the title is a lone byte 0xff, which is not UTF-8.
    text.extend_from_slice(format!("B-4,2025-03-01,,open,KZ-71,2512,1,1,{BIN},").as_bytes());
    text.extend_from_slice(b"\xff\n");
    text.extend_from_slice(format!("G-3,2025-03-03,,open,KZ-71,2512,1,,{BIN},last\n").as_bytes()); // line 10
    text
}

fn expected_mixed_errors() -> Vec<(u64, Option<&'static str>, &'static str)> {
    vec![
        (3, Some("posted_on"), "`2025-02-30` is not a date: expected YYYY-MM-DD"),
        (4, Some("salary_kzt"), "`abc` is not a whole number"),
        (8, Some("positions"), "0 is out of range 1–100000"),
        (8, Some("employer_bin"), "not a valid BIN: "),
        (9, None, "column 10 is not UTF-8 text"),
    ]
}

fn assert_mixed_errors(report: &ImportReport) {
    let got = errors(report);
    let want = expected_mixed_errors();
    assert_eq!(got.len(), want.len(), "{got:?}");
    for (g, w) in got.iter().zip(&want) {
        assert_eq!((g.0, g.1), (w.0, w.1), "{got:?}");
        assert!(g.2.starts_with(w.2), "{g:?} should start with {w:?}");
    }
    assert_eq!(report.errors_total, 5);
    assert_eq!(report.rejected, 4);
    assert_eq!(report.rows_read, 7);
}

// 3. Any invalid row: nothing is written, every bad row is reported.
async fn an_invalid_row_writes_nothing_and_every_bad_row_is_named(db: &Db) {
    let report = run_bytes(db, Source::Vacancies, mixed_file(), false).await;
    assert!(!report.committed, "{report:?}");
    assert_eq!(report.import_id, None);
    assert_eq!((report.inserted, report.updated, report.unchanged), (0, 0, 0));
    assert_mixed_errors(&report);
    assert_eq!(report.errors[1].display("v.csv"), "v.csv:4:salary_kzt: `abc` is not a whole number");
    assert_eq!(report.errors[4].display("v.csv"), "v.csv:9: column 10 is not UTF-8 text");
    assert!(!report.sha256.is_empty(), "the file was read to its end");
    assert_eq!(count(db, "vacancies").await, 0);
    assert_eq!(count(db, "imports").await, 0);
    assert_eq!(count(db, "import_rejects").await, 0);
    assert!(audit::tail(db, 10).await.unwrap().iter().all(|r| r.action != "labour.import"));

    // Also when the good rows before the bad one filled several statements already.
    let mut lines: Vec<String> =
        (0..500).map(|i| format!("N-{i},2025-03-01,,open,KZ-71,2512,1,,{BIN},")).collect();
    lines.push(format!("N-bad,2025-03-01,,shut,KZ-71,2512,1,,{BIN},"));
    let report = run(db, Source::Vacancies, &csv(VACANCY_HEADER, &lines), false).await;
    assert!(!report.committed);
    assert_eq!(
        errors(&report),
        [(502, Some("status"), "`shut` is not one of open, filled, cancelled, expired")]
    );
    assert_eq!(report.rows_read, 501);
    assert_eq!(count(db, "vacancies").await, 0);
    assert_eq!(count(db, "imports").await, 0);
}

/// Remembers every rejected row it is told of.
#[derive(Default)]
struct Recorder {
    rejected: Vec<(u64, Vec<RowError>, Vec<String>)>,
}

impl ImportSink for Recorder {
    fn rejected(&mut self, row: u64, errors: &[RowError], raw: &[String]) {
        self.rejected.push((row, errors.to_vec(), raw.to_vec()));
    }
}

// 4. skip_invalid: good rows written, bad ones kept with their reasons.
async fn skip_invalid_keeps_good_rows_and_stores_rejects(db: &Db) {
    let mut sink = Recorder::default();
    let req = request(Source::Vacancies, "mixed.csv", true);
    let report = import(db, &actor(), &req, Input::from_bytes(mixed_file()), &mut sink).await.unwrap();
    assert!(report.committed, "{report:?}");
    let id = report.import_id.unwrap();
    assert_eq!(counts(&report), (7, 3, 0, 0, 4));
    assert_mixed_errors(&report);
    let ids: Vec<String> = vacancies(db).await.into_iter().map(|v| v.0).collect();
    assert_eq!(ids, ["G-1", "G-2", "G-3"]);
    assert_eq!(vacancies(db).await[1].9, "also\nquoted");

    // The sink heard of every bad row once, in order, with its fields.
    assert_eq!(sink.rejected.iter().map(|r| r.0).collect::<Vec<_>>(), [3, 4, 8, 9]);
    assert_eq!(sink.rejected[2].1.len(), 2);
    assert_eq!(sink.rejected[1].2[0], "B-2");
    assert_eq!(sink.rejected[1].2[9], "two\nlines");
    assert!(sink.rejected[3].2.is_empty(), "a row that is not text has no fields to give");

    let rejects: Vec<(i64, i64, String, String)> =
        sqlx::query_as("SELECT import_id, row_no, reasons, raw FROM import_rejects ORDER BY row_no")
            .fetch_all(&db.pool)
            .await
            .unwrap();
    assert_eq!(rejects.iter().map(|r| (r.0, r.1)).collect::<Vec<_>>(), [(id, 3), (id, 4), (id, 8), (id, 9)]);
    let reasons: serde_json::Value = serde_json::from_str(&rejects[2].2).unwrap();
    assert_eq!(reasons[0]["column"], "positions");
    assert_eq!(reasons[0]["reason"], "0 is out of range 1–100000");
    assert_eq!(reasons[0]["row"], 8);
    assert_eq!(reasons[1]["column"], "employer_bin");
    assert!(reasons[1]["reason"].as_str().unwrap().starts_with("not a valid BIN"));
    let raw: Vec<String> = serde_json::from_str(&rejects[1].3).unwrap();
    assert_eq!(raw.len(), 10);
    assert_eq!((raw[0].as_str(), raw[7].as_str(), raw[9].as_str()), ("B-2", "abc", "two\nlines"));
    let raw: Vec<String> = serde_json::from_str(&rejects[3].3).unwrap();
    assert!(raw.is_empty());
    let reasons: serde_json::Value = serde_json::from_str(&rejects[3].2).unwrap();
    assert_eq!(reasons[0]["column"], serde_json::Value::Null);

    let stored: (i64, i64, i64) =
        sqlx::query_as("SELECT rows_read, inserted, rejected FROM imports WHERE id = $1")
            .bind(id)
            .fetch_one(&db.pool)
            .await
            .unwrap();
    assert_eq!(stored, (7, 3, 4));

    // Read back as the analyst's page shows them: the import, and its set-aside rows in order.
    let summary = ashyq_store::pipeline::history::get(db, id).await.unwrap();
    assert_eq!((summary.rows_read, summary.inserted, summary.rejected), (7, 3, 4));
    let all = ashyq_store::pipeline::history::recent(db, 10).await.unwrap();
    assert_eq!(all.iter().map(|i| i.id).collect::<Vec<_>>(), [id]);
    let set_aside = ashyq_store::pipeline::history::rejects(db, id, 100).await.unwrap();
    let places: Vec<(u64, Option<&str>)> = set_aside.iter().map(|e| (e.row, e.column.as_deref())).collect();
    let want: Vec<(u64, Option<&str>)> = expected_mixed_errors().into_iter().map(|e| (e.0, e.1)).collect();
    assert_eq!(places, want);
    assert_eq!(set_aside[1].reason.english, "`abc` is not a whole number");
    assert!(ashyq_store::pipeline::history::get(db, id + 1000).await.is_err());
}

// 5. Header problems, and headers in another case and order with extra columns.
async fn header_problems_are_reported_and_loose_headers_work(db: &Db) {
    let text = format!(
        "vacancy_id,posted_on,closed_on,region,occupation,positions,salary_kzt,employer_bin\n\
                        V-1,2025-03-01,,KZ-71,2512,1,,{BIN}\n"
    );
    let report = run(db, Source::Vacancies, &text, false).await;
    assert!(!report.committed);
    assert_eq!(report.import_id, None);
    assert_eq!(report.errors.len(), 1, "{report:?}");
    assert_eq!(report.errors_total, 1);
    let e = &report.errors[0];
    assert_eq!((e.row, e.column.as_deref()), (1, None));
    assert!(
        e.reason.english.contains("missing")
            && e.reason.english.contains("status")
            && e.reason.english.contains("title"),
        "{e:?}"
    );
    assert_eq!((report.rows_read, report.rejected), (0, 0));
    assert_eq!(count(db, "imports").await, 0);

    let twice = "year,Year,region,occupation,additional_need\n2025,2025,KZ-71,2512,1\n";
    let report = run(db, Source::Forecast, twice, false).await;
    assert!(!report.committed);
    assert_eq!(errors(&report), [(1, None, "header: column(s) given twice: year")]);

    // Another order and case, spaces, a byte-order mark and columns of our own.
    let text = format!(
        "\u{feff}Title, EMPLOYER_BIN ,Note,Salary_KZT,Positions,OCCUPATION,Region,Status,Closed_On,Posted_On,Vacancy_ID\n\
         Сварщик,{BIN},ignored,250000,3,7212,KZ-71,filled,2025-06-30,2025-06-01,W-1\n"
    );
    let report = run(db, Source::Vacancies, &text, false).await;
    assert!(report.committed, "{report:?}");
    assert_eq!(counts(&report), (1, 1, 0, 0, 0));
    let v = &vacancies(db).await[0];
    assert_eq!(
        (v.0.as_str(), v.1.as_str(), v.2.as_deref(), v.3.as_str(), v.5.as_str(), v.6, v.7, v.9.as_str()),
        ("W-1", "2025-06-01", Some("2025-06-30"), "filled", "7212", 3, Some(25_000_000), "Сварщик")
    );
}

// 6. A workbook with typed cells.
async fn xlsx_files_import_with_typed_cells(db: &Db) {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    for (c, name) in PERMIT_HEADER.split(',').enumerate() {
        sheet.write_string(0, c as u16, name).unwrap();
    }
    let date_format = Format::new().set_num_format("dd.mm.yyyy");
    let date = |y, m, d| ExcelDateTime::from_ymd(y, m, d).unwrap();
    // Row 2: typed cells; region as a KATO number, occupation and category as numbers.
    sheet.write_string(1, 0, "WP-001").unwrap();
    sheet.write_datetime_with_format(1, 1, date(2025, 1, 10), &date_format).unwrap();
    sheet.write_datetime_with_format(1, 2, date(2026, 1, 9), &date_format).unwrap();
    sheet.write_number(1, 3, 750_000_000.0).unwrap();
    sheet.write_number(1, 4, 2146.0).unwrap();
    sheet.write_string(1, 5, BIN).unwrap();
    sheet.write_string(1, 6, "TUR").unwrap();
    sheet.write_number(1, 7, 3.0).unwrap();
    sheet.write_number(1, 8, 4.0).unwrap();
    // Row 3: dates typed as text, a category in capitals.
    for (c, v) in
        ["WP-002", "2025-02-01", "2025-08-01", "KZ-71", "2512", BIN, "CHN", "ICT"].iter().enumerate()
    {
        sheet.write_string(2, c as u16, *v).unwrap();
    }
    sheet.write_number(2, 8, 12.0).unwrap();
    // Row 4 left empty; row 5 bad: no workers, valid_until before issued_on.
    sheet.write_string(4, 0, "WP-003").unwrap();
    sheet.write_datetime_with_format(4, 1, date(2025, 5, 1), &date_format).unwrap();
    sheet.write_datetime_with_format(4, 2, date(2025, 4, 1), &date_format).unwrap();
    for (c, v) in ["KZ-71", "2512", BIN, "UZB", "2"].iter().enumerate() {
        sheet.write_string(4, c as u16 + 3, *v).unwrap();
    }
    let bytes = book.save_to_buffer().unwrap();

    let report = run_bytes(db, Source::WorkPermits, bytes.clone(), false).await;
    assert!(!report.committed);
    assert_eq!(
        errors(&report).iter().map(|e| (e.0, e.1)).collect::<Vec<_>>(),
        [(5, Some("valid_until")), (5, Some("workers"))],
        "{report:?}"
    );
    assert_eq!(report.errors[0].reason.english, "2025-04-01 is before issued_on 2025-05-01");
    assert_eq!(count(db, "work_permits").await, 0);

    let report = run_bytes(db, Source::WorkPermits, bytes.clone(), true).await;
    assert!(report.committed);
    assert_eq!(counts(&report), (3, 2, 0, 0, 1));
    assert_eq!(report.sha256, hex::encode(Sha256::digest(&bytes)));
    let rows = work_permits(db).await;
    let s = |v: &str| v.to_string();
    assert_eq!(
        rows,
        [
            (
                s("WP-001"),
                s("2025-01-10"),
                s("2026-01-09"),
                s("KZ-75"),
                s("2146"),
                s(BIN),
                s("TUR"),
                s("3"),
                4
            ),
            (
                s("WP-002"),
                s("2025-02-01"),
                s("2025-08-01"),
                s("KZ-71"),
                s("2512"),
                s(BIN),
                s("CHN"),
                s("ict"),
                12
            ),
        ]
    );

    // A forecast workbook: year and need as numbers.
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    for (c, name) in FORECAST_HEADER.split(',').enumerate() {
        sheet.write_string(0, c as u16, name).unwrap();
    }
    sheet.write_number(1, 0, 2026.0).unwrap();
    sheet.write_number(1, 1, 75.0).unwrap();
    sheet.write_string(1, 2, "2512").unwrap();
    sheet.write_number(1, 3, 1500.0).unwrap();
    let report = run_bytes(db, Source::Forecast, book.save_to_buffer().unwrap(), false).await;
    assert!(report.committed, "{report:?}");
    let stored: (i64, String, String, i64) =
        sqlx::query_as("SELECT year, region, occupation, additional_need FROM forecast")
            .fetch_one(&db.pool)
            .await
            .unwrap();
    assert_eq!(stored, (2026, "KZ-75".into(), "2512".into(), 1500));
}

async fn forecast_rows(db: &Db) -> Vec<(i64, String, String, i64)> {
    sqlx::query_as(
        "SELECT year, region, occupation, additional_need FROM forecast ORDER BY year, region, occupation",
    )
    .fetch_all(&db.pool)
    .await
    .unwrap()
}

// 7. The same key twice in one file.
async fn a_key_repeated_in_one_file_keeps_the_later_row(db: &Db) {
    // KZ-75 and its KATO code are the same region: the same key twice in one statement.
    let text = csv(
        FORECAST_HEADER,
        &["2025,KZ-75,2512,40".into(), "2025,KZ-71,2512,10".into(), "2025,750000000,2512,55".into()],
    );
    let report = run(db, Source::Forecast, &text, false).await;
    assert!(report.committed, "{report:?}");
    assert_eq!((report.rows_read, report.inserted, report.updated), (3, 2, 0));
    assert_eq!(
        forecast_rows(db).await,
        [(2025, "KZ-71".into(), "2512".into(), 10), (2025, "KZ-75".into(), "2512".into(), 55)]
    );

    // The same for vacancies, and across statements: the repeat comes batches later.
    let mut lines: Vec<String> =
        (0..300).map(|i| format!("R-{i:03},2025-03-01,,open,KZ-71,2512,1,,{BIN},first")).collect();
    lines.insert(1, format!("R-000,2025-03-01,,open,KZ-71,2512,7,,{BIN},second"));
    lines.push(format!("R-005,2025-03-01,2025-04-01,filled,KZ-71,2512,1,,{BIN},last"));
    let report = run(db, Source::Vacancies, &csv(VACANCY_HEADER, &lines), false).await;
    assert!(report.committed, "{report:?}");
    assert_eq!(report.rows_read, 302);
    assert_eq!((report.inserted, report.updated), (300, 1));
    assert_eq!(count(db, "vacancies").await, 300);
    let stored = vacancies(db).await;
    assert_eq!((stored[0].6, stored[0].9.as_str()), (7, "second"));
    assert_eq!((stored[5].3.as_str(), stored[5].9.as_str()), ("filled", "last"));
    assert_eq!(stored[6].9, "first");
}

// 8. Forecast and work-permit CSV files, regions as KATO codes.
async fn forecast_and_work_permits_import(db: &Db) {
    let text = csv(
        FORECAST_HEADER,
        &[
            "2025,750000000,2512,120".into(),
            "2025,75,2411,30".into(),
            "2026, KZ-71 ,2512-1,0".into(),
            "".into(), // a blank line is no record
        ],
    );
    let report = run(db, Source::Forecast, &text, false).await;
    assert!(report.committed, "{report:?}");
    assert_eq!(counts(&report), (3, 3, 0, 0, 0));
    assert_eq!(
        forecast_rows(db).await,
        [
            (2025, "KZ-75".into(), "2411".into(), 30),
            (2025, "KZ-75".into(), "2512".into(), 120),
            (2026, "KZ-71".into(), "2512-1".into(), 0),
        ]
    );
    let changed = csv(FORECAST_HEADER, &["2025,KZ-75,2512,125".into(), "2025,KZ-75,2411,30".into()]);
    let report = run(db, Source::Forecast, &changed, false).await;
    assert_eq!(counts(&report), (2, 0, 1, 1, 0));
    assert_eq!(forecast_rows(db).await[1].3, 125);

    let text = csv(
        PERMIT_HEADER,
        &[
            format!("P-1,2025-01-10,2026-01-09,750000000,2146,{BIN},TUR,3,4"),
            format!("P-2,2025-03-01,2025-09-01,75,7212,{BIN},UZB,seasonal,20"),
        ],
    );
    let report = run(db, Source::WorkPermits, &text, false).await;
    assert!(report.committed, "{report:?}");
    assert_eq!(counts(&report), (2, 2, 0, 0, 0));
    let rows = work_permits(db).await;
    let s = |v: &str| v.to_string();
    assert_eq!(
        rows,
        [
            (s("P-1"), s("2025-01-10"), s("2026-01-09"), s("KZ-75"), s("2146"), s(BIN), s("TUR"), s("3"), 4),
            (
                s("P-2"),
                s("2025-03-01"),
                s("2025-09-01"),
                s("KZ-75"),
                s("7212"),
                s(BIN),
                s("UZB"),
                s("seasonal"),
                20
            ),
        ]
    );
    let bad = csv(PERMIT_HEADER, &[format!("P-3,2025-01-10,2026-01-09,KZ-99,2146,{BIN},XYZ,5,1")]);
    let report = run(db, Source::WorkPermits, &bad, false).await;
    assert_eq!(
        errors(&report).iter().map(|e| (e.0, e.1)).collect::<Vec<_>>(),
        [(2, Some("region")), (2, Some("citizenship")), (2, Some("category"))]
    );
    assert_eq!(count(db, "work_permits").await, 2);
}

// 9. Stored records read back into the indicators worked out by hand.
async fn stored_records_give_the_hand_computed_indicators(db: &Db) {
    let vacancies = csv(
        VACANCY_HEADER,
        &[
            // 2025, software developers (2512):
            format!("A,2025-03-01,2025-03-11,filled,KZ-71,2512,2,400000,{BIN},"), // 10 days
            format!("B,2025-05-01,,open,750000000,2512,3,500000,{BIN},"),         // open: 244 days
            format!("C,2025-07-01,2025-08-01,cancelled,KZ-71,2512-1,1,300000,{BIN},"), // 31 days
            format!("F,2025-11-01,2026-01-15,filled,KZ-71,2512,1,,{BIN},"),       // open at end: 60 days
            // 2024: the growth base, still open at the end of 2025.
            format!("D,2024-06-01,,open,KZ-71,2512,4,350000,{BIN},"),
            // Outside the period: posted in 2026, and closed in 2023.
            format!("E,2026-01-10,,open,KZ-71,2512,9,1,{BIN},"),
            format!("H,2023-01-10,2023-02-01,filled,KZ-71,2512,9,1,{BIN},"),
            // Another occupation.
            format!("G,2025-02-01,2025-02-05,filled,KZ-71,2411,1,900000,{BIN},"),
        ],
    );
    assert!(run(db, Source::Vacancies, &vacancies, false).await.committed);
    let permits = csv(
        PERMIT_HEADER,
        &[
            format!("P1,2025-02-01,2026-02-01,KZ-71,2512,{BIN},TUR,3,3"),
            format!("P2,2025-09-01,2026-09-01,75,2512-1,{BIN},CHN,4,2"),
            format!("P3,2024-03-01,2025-03-01,KZ-71,2512,{BIN},TUR,3,5"),
            format!("P4,2023-03-01,2024-03-01,KZ-71,2512,{BIN},TUR,3,50"),
            format!("P5,2026-01-02,2027-01-01,KZ-71,2512,{BIN},TUR,3,70"),
        ],
    );
    assert!(run(db, Source::WorkPermits, &permits, false).await.committed);
    let forecast = csv(
        FORECAST_HEADER,
        &[
            "2025,KZ-71,2512,120".into(),
            "2025,75,2512,80".into(),
            "2026,KZ-71,2512,999".into(),
            "2025,KZ-71,2411,10".into(),
        ],
    );
    assert!(run(db, Source::Forecast, &forecast, false).await.committed);

    let out = ashyq_store::labour::read::indicators(db, 2025, 30).await.unwrap();
    let sw = out.of(&OccupationCode::parse("2512").unwrap());
    assert_eq!(sw.vacancies_posted, 2 + 3 + 1 + 1);
    assert_eq!(sw.vacancies_posted_prev, 4);
    // B, F (closed only in 2026) and D.
    assert_eq!(sw.open_at_end, 3 + 1 + 4);
    // 2025 salaries 300k, 400k, 500k (one per vacancy; F states none).
    assert_eq!(sw.median_salary_kzt, Some(400_000.0));
    assert_eq!(sw.median_salary_kzt_prev, Some(350_000.0));
    // Durations 10, 31, 60, 244.
    assert_eq!(sw.median_duration_days, Some(45.5));
    // A filled in time; B, C (cancelled only after 31 days) and F not.
    assert_eq!(sw.hard_to_fill_share, Some(0.75));
    assert_eq!((sw.work_permits, sw.work_permits_prev), (3 + 2, 5));
    assert_eq!(sw.forecast_need, 120 + 80);

    let almaty = &out.regional[&("KZ-75".to_string(), OccupationCode::parse("2512").unwrap())];
    assert_eq!(
        (almaty.vacancies_posted, almaty.open_at_end, almaty.work_permits, almaty.forecast_need),
        (3, 3, 2, 80)
    );
    let acc = out.of(&OccupationCode::parse("2411").unwrap());
    assert_eq!((acc.vacancies_posted, acc.median_salary_kzt, acc.forecast_need), (1, Some(900_000.0), 10));
}

// 10. A large file crosses many statements.
async fn a_large_file_imports_in_batches(db: &Db) {
    let bins: Vec<Bin> =
        (0u8..10).filter_map(|i| Bin::complete(&[9, 5, 0, 1, 4, 0, 0, 0, 1, 2, i])).collect();
    assert!(!bins.is_empty());
    let occupations = ["2512", "2411", "2146", "7212", "2512-1"];
    let regions = ["KZ-71", "750000000", "KZ-79", "75"];
    let n = 20_000;
    let mut text = String::with_capacity(n * 80);
    text.push_str(VACANCY_HEADER);
    text.push('\n');
    for i in 0..n {
        let day = 1 + i % 28;
        let closed = if i % 3 == 0 { format!("2025-04-{day:02}") } else { String::new() };
        let status = if i % 3 == 0 { "filled" } else { "open" };
        text.push_str(&format!(
            "L-{i:06},2025-03-{day:02},{closed},{status},{},{},{},{},{},Вакансия {i}\n",
            regions[i % regions.len()],
            occupations[i % occupations.len()],
            1 + i % 7,
            100_000 + i,
            bins[i % bins.len()].as_str(),
        ));
    }
    let started = std::time::Instant::now();
    let report = run(db, Source::Vacancies, &text, false).await;
    let took = started.elapsed();
    assert!(report.committed, "{:?}", &report.errors);
    assert_eq!(counts(&report), (n as u64, n as u64, 0, 0, 0));
    assert_eq!(count(db, "vacancies").await, n as i64);
    let last: (String, String, Option<String>, Option<i64>, String) = sqlx::query_as(
        "SELECT region, occupation, closed_on, salary_tiyn, title FROM vacancies WHERE vacancy_id = 'L-019998'",
    )
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert_eq!(
        last,
        ("KZ-79".into(), "7212".into(), Some("2025-04-07".into()), Some(11_999_800), "Вакансия 19998".into())
    );
    eprintln!("20,000 rows imported in {took:?}");

    let again = run(db, Source::Vacancies, &text, false).await;
    assert_eq!(counts(&again), (n as u64, 0, 0, n as u64, 0));
}

// An empty file cannot be imported at all.
async fn an_empty_file_is_an_input_error(db: &Db) {
    let req = request(Source::Forecast, "empty.csv", false);
    match import(db, &actor(), &req, Input::from_bytes(Vec::new()), &mut Quiet).await {
        Err(ImportError::Input { file, .. }) => assert_eq!(file, "empty.csv"),
        other => panic!("an empty file was accepted: {other:?}"),
    }
    assert_eq!(count(db, "imports").await, 0);
    // A header alone is a valid, empty import.
    let report = run(db, Source::Forecast, "year,region,occupation,additional_need\n", false).await;
    assert!(report.committed);
    assert_eq!(counts(&report), (0, 0, 0, 0, 0));
}

// ---------------------------------------------------------------------------------------------
// Hostile workbooks: a small file that unpacks to gigabytes is refused before it is read, naming
// the part, and memory stays bounded while it is.
// ---------------------------------------------------------------------------------------------

const MIB: u64 = 1024 * 1024;
const SHARED_STRINGS: &str = "xl/sharedStrings.xml";
const SHEET: &str = "xl/worksheets/sheet1.xml";

/// A valid vacancies workbook (a header and one row), as a spreadsheet program writes it.
fn vacancies_workbook() -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (c, name) in VACANCY_HEADER.split(',').enumerate() {
        sheet.write_string(0, c as u16, name).unwrap();
    }
    let row = ["V-1", "2025-03-01", "", "open", "KZ-75", "2145", "2", "450000", BIN, "Инженер"];
    for (c, v) in row.iter().enumerate() {
        sheet.write_string(1, c as u16, *v).unwrap();
    }
    book.save_to_buffer().unwrap()
}

/// The workbook with `part` (added if missing) holding `head`, then `fill` bytes of `a`, then
/// `tail`: written in pieces, so a part of gigabytes costs the test no memory.
fn with_part(book: &[u8], part: &str, head: &str, fill: u64, tail: &str) -> Vec<u8> {
    use std::io::{Read, Write};
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(book)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let write_part = |out: &mut zip::ZipWriter<_>| {
        out.start_file(part, options).unwrap();
        out.write_all(head.as_bytes()).unwrap();
        let piece = vec![b'a'; MIB as usize];
        let mut left = fill;
        while left > 0 {
            let n = left.min(MIB);
            out.write_all(&piece[..n as usize]).unwrap();
            left -= n;
        }
        out.write_all(tail.as_bytes()).unwrap();
    };
    let mut found = false;
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).unwrap();
        let name = entry.name().unwrap().to_string();
        if name == part {
            write_part(&mut out);
            found = true;
            continue;
        }
        let mut body = Vec::new();
        entry.read_to_end(&mut body).unwrap();
        out.start_file(name.as_str(), options).unwrap();
        out.write_all(&body).unwrap();
    }
    if !found {
        write_part(&mut out);
    }
    out.finish().unwrap().into_inner()
}

fn shared_strings(strings: u64) -> (String, String) {
    (
        format!(
            r#"<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{strings}" uniqueCount="{strings}"><si><t>"#
        ),
        "</t></si></sst>".to_string(),
    )
}

/// One shared string of 1 GiB in a workbook of about 1 MB (the issue's bomb).
fn string_bomb() -> &'static [u8] {
    static BOMB: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    BOMB.get_or_init(|| {
        let (head, tail) = shared_strings(1);
        with_part(&vacancies_workbook(), SHARED_STRINGS, &head, 1024 * MIB, &tail)
    })
}

/// Hostile workbooks, each with the error it must get.
fn hostile_workbooks() -> Vec<(&'static str, Vec<u8>, String)> {
    let (head, tail) = shared_strings(1);
    let bomb = string_bomb().to_vec();
    assert!(bomb.len() < 2 * MIB as usize, "the bomb is a small file: {} bytes", bomb.len());
    let mut lying = bomb.clone();
    ashyq_store::testing::declare_size(&mut lying, SHARED_STRINGS, 1000);
    let one_string = with_part(&vacancies_workbook(), SHARED_STRINGS, &head, 48 * MIB, &tail);
    let sheet_head = r#"<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>vacancy_id</t></is></c></row><row r="2"><c r="J2" t="inlineStr"><is><t>"#;
    let huge_cell = with_part(
        &vacancies_workbook(),
        SHEET,
        sheet_head,
        64 * MIB,
        "</t></is></c></row></sheetData></worksheet>",
    );
    let laughs = with_part(
        &vacancies_workbook(),
        SHARED_STRINGS,
        r#"<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><sst><si><t>&b;"#,
        0,
        "</t></si></sst>",
    );
    let declared = 1024 * MIB + (head.len() + tail.len()) as u64;
    vec![
        (
            "a shared string of 1 GiB",
            bomb,
            format!("{SHARED_STRINGS}: says it unpacks to {declared} bytes; at most {} are read", 64 * MIB),
        ),
        (
            "the same, its size a lie",
            lying,
            format!("{SHARED_STRINGS}: unpacks to more than the 1000 bytes it declares"),
        ),
        (
            "one shared string of 48 MiB",
            one_string,
            format!("{SHARED_STRINGS}: shared string 0 is larger than {MIB} bytes"),
        ),
        ("a sheet with a cell of 64 MiB", huge_cell, format!("{SHEET}: cell J2 is larger than {MIB} bytes")),
        (
            "entities",
            laughs,
            format!("{SHARED_STRINGS}: a document type declaration (DTD), which a workbook never has"),
        ),
    ]
}

// 12. Hostile workbooks get a clear error naming the part, and nothing is written.
async fn hostile_workbooks_are_refused_naming_the_part(db: &Db) {
    for (what, bytes, expected) in hostile_workbooks() {
        let req = request(Source::Vacancies, "book.xlsx", true);
        match import(db, &actor(), &req, Input::from_bytes(bytes), &mut Quiet).await {
            Err(ImportError::Input { file, source: e @ InputError::Workbook(_) }) => {
                assert_eq!((file.as_str(), e.to_string()), ("book.xlsx", expected), "{what}");
            }
            other => panic!("{what}: {other:?}"),
        }
    }
    assert_eq!(count(db, "imports").await, 0);
    assert_eq!(count(db, "vacancies").await, 0);
    // The workbook they were made from imports.
    let report = run_bytes(db, Source::Vacancies, vacancies_workbook(), false).await;
    assert!(report.committed, "{report:?}");
    assert_eq!(count(db, "vacancies").await, 1);
}

/// Vacancy lines `V-0`… for the progress tests.
fn vacancy_lines(n: usize) -> Vec<String> {
    (0..n).map(|i| format!("V-{i},2025-03-01,,open,KZ-71,2512,1,,{BIN},Инженер")).collect()
}

/// Checks that progress was told in `unit`, more than once, rising to `total` with every row.
fn assert_rises_to(told: &[(Progress, u64)], unit: Unit, total: u64, rows: u64) {
    let mut steps: Vec<u64> = told.iter().map(|(p, _)| p.done).collect();
    steps.dedup();
    assert!(steps.len() > 10, "a bar that moves: {told:?}");
    assert!(told.iter().all(|(p, _)| p.unit == unit && p.total == Some(total)), "{told:?}");
    assert!(told.windows(2).all(|w| w[0].0.done <= w[1].0.done && w[0].1 <= w[1].1), "{told:?}");
    assert_eq!(told.last().map(|(p, r)| (p.done, *r)), Some((total, rows)), "{told:?}");
}

// 13. Progress: a workbook's rows out of its dimensions, a CSV's bytes out of its size.
async fn progress_is_told_in_a_sheets_rows_and_a_csvs_bytes(db: &Db) {
    let lines = vacancy_lines(300);
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (r, line) in std::iter::once(VACANCY_HEADER).chain(lines.iter().map(String::as_str)).enumerate() {
        for (c, v) in line.split(',').enumerate() {
            sheet.write_string(r as u32, c as u16, v).unwrap();
        }
    }
    let mut sink = ashyq_store::testing::Progressing::default();
    let req = request(Source::Vacancies, "v.xlsx", false);
    let bytes = book.save_to_buffer().unwrap();
    let report = import(db, &actor(), &req, Input::from_bytes(bytes), &mut sink).await.unwrap();
    assert!(report.committed, "{report:?}");
    // The header and 300 rows: row 301 of 301.
    assert_rises_to(&sink.told, Unit::Rows, 301, 300);

    let text = csv(VACANCY_HEADER, &lines);
    let mut sink = ashyq_store::testing::Progressing::default();
    let req = request(Source::Vacancies, "v.csv", false);
    let report = import(db, &actor(), &req, Input::from_bytes(text.clone().into_bytes()), &mut sink).await;
    assert_eq!(report.unwrap().unchanged, 300);
    assert_rises_to(&sink.told, Unit::Bytes, text.len() as u64, 300);
}

/// A vacancies workbook of one filled vacancy `id`, posted on 1 March 2025 and closed on 31 March,
/// its dates as date cells: in the 1900 date system, or in the 1904 one.
fn dated_vacancy(id: &str, in_1904: bool) -> Vec<u8> {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let row = [id, "", "", "filled", "KZ-75", "2145", "2", "450000", BIN, "Инженер"];
    for (c, (name, v)) in VACANCY_HEADER.split(',').zip(row).enumerate() {
        sheet.write_string(0, c as u16, name).unwrap();
        sheet.write_string(1, c as u16, v).unwrap();
    }
    let format = Format::new().set_num_format("dd.mm.yyyy");
    for (c, day) in [(1, 1), (2, 31)] {
        let date = ExcelDateTime::from_ymd(2025, 3, day).unwrap();
        if in_1904 {
            // What a 1904 workbook holds for the date: 1,462 days fewer.
            sheet.write_number_with_format(1, c, date.to_excel() - 1462.0, &format).unwrap();
        } else {
            sheet.write_datetime_with_format(1, c, &date, &format).unwrap();
        }
    }
    let bytes = book.save_to_buffer().unwrap();
    if in_1904 { ashyq_store::testing::in_1904_system(&bytes) } else { bytes }
}

// 14. A workbook in Excel's 1904 date system gives the dates a 1900 workbook gives.
async fn a_workbook_in_the_1904_date_system_imports_the_same_dates(db: &Db) {
    for (id, in_1904) in [("V-1900", false), ("V-1904", true)] {
        let report = run_bytes(db, Source::Vacancies, dated_vacancy(id, in_1904), false).await;
        assert!(report.committed, "{id}: {report:?}");
    }
    let dates: Vec<(String, String, Option<String>)> =
        vacancies(db).await.into_iter().map(|v| (v.0, v.1, v.2)).collect();
    let dated = |id: &str| (id.to_string(), "2025-03-01".to_string(), Some("2025-03-31".to_string()));
    assert_eq!(dates, [dated("V-1900"), dated("V-1904")]);
}

/// Run by [`hostile_workbooks_are_read_in_bounded_memory`] in a child process: reads the
/// workbook at `ASHYQ_HOSTILE_WORKBOOK` and prints the outcome and the process's peak memory.
#[test]
#[ignore = "a child process of hostile_workbooks_are_read_in_bounded_memory"]
fn read_a_workbook_and_tell_the_peak() {
    let path = std::env::var("ASHYQ_HOSTILE_WORKBOOK").expect("the workbook to read");
    let input = Input::open(std::path::Path::new(&path)).unwrap();
    let outcome = for_each_row(input, |_, _, _| Flow::Continue, |_, _| {});
    println!("OUTCOME: {}", outcome.map_or_else(|e| e.to_string(), |_| "read".into()));
    println!("PEAK KB: {}", peak_kb().map_or("unknown".into(), |kb| kb.to_string()));
}

/// The peak resident memory of this process (Linux), in KiB.
fn peak_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// The most a child process may hold at its peak while it refuses a bomb: what the test binary
/// needs to run plus the reader's buffers, far below the gigabytes a bomb unpacks to.
const PEAK_LIMIT_KB: u64 = 64 * 1024;

#[test]
fn hostile_workbooks_are_read_in_bounded_memory() {
    let dir = tempfile::tempdir().unwrap();
    let mut cases = hostile_workbooks();
    cases.push(("a valid workbook", vacancies_workbook(), "read".into()));
    for (what, bytes, expected) in cases {
        let path = dir.path().join("book.xlsx");
        std::fs::write(&path, &bytes).unwrap();
        let out = std::process::Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "read_a_workbook_and_tell_the_peak",
                "--ignored",
                "--nocapture",
                "--test-threads=1",
            ])
            .env("ASHYQ_HOSTILE_WORKBOOK", &path)
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        let field = |name: &str| {
            stdout.lines().find_map(|l| l.split_once(name)).map(|(_, v)| v.trim()).unwrap_or_else(|| {
                panic!(
                    "{what}: no {name} from the child:\n{stdout}\n{}",
                    String::from_utf8_lossy(&out.stderr)
                )
            })
        };
        assert_eq!(field("OUTCOME:"), expected, "{what}");
        match field("PEAK KB:").parse::<u64>() {
            Ok(kb) => {
                eprintln!("{what}: peak {} MiB", kb / 1024);
                assert!(kb < PEAK_LIMIT_KB, "{what}: the reader's peak was {} MiB", kb / 1024);
            }
            Err(_) => eprintln!("{what}: the peak memory is not known on this system"),
        }
    }
}

/// The partition a stored row sits in (PostgreSQL), by its table and id.
async fn partition_of(db: &Db, table: &str, key: &str, id: &str) -> String {
    let sql = format!("SELECT tableoid::regclass::text FROM {table} WHERE {key} = $1");
    sqlx::query_scalar(sqlx::AssertSqlSafe(sql)).bind(id).fetch_one(&db.pool).await.unwrap()
}

// A record whose date a later file corrects into another year stays one record, in its new
// year's partition on PostgreSQL (migration 0024), and counts as updated on both backends.
async fn a_corrected_date_moves_the_record_to_its_year(db: &Db) {
    let first = csv(
        VACANCY_HEADER,
        &[
            format!("V-1,2024-12-30,,open,KZ-71,2512,2,450000,{BIN},Разработчик"),
            format!("V-2,2025-02-10,2025-03-05,filled,KZ-75,2411,1,300000,{BIN},Бухгалтер"),
            format!("V-9,2023-05-01,,open,KZ-75,2411,1,,{BIN},Экономист"),
        ],
    );
    assert_eq!(counts(&run(db, Source::Vacancies, &first, false).await), (3, 3, 0, 0, 0));
    let corrected = first.replace("V-1,2024-12-30", "V-1,2025-01-02");
    assert_eq!(counts(&run(db, Source::Vacancies, &corrected, false).await), (3, 0, 1, 2, 0));
    assert_eq!(counts(&run(db, Source::Vacancies, &corrected, false).await), (3, 0, 0, 3, 0));
    let stored = vacancies(db).await;
    assert_eq!(
        stored.iter().map(|v| (v.0.as_str(), v.1.as_str())).collect::<Vec<_>>(),
        [("V-1", "2025-01-02"), ("V-2", "2025-02-10"), ("V-9", "2023-05-01")]
    );

    let permit =
        |issued: &str| csv(PERMIT_HEADER, &[format!("P-1,{issued},2026-12-31,KZ-75,2146,{BIN},TUR,3,4")]);
    assert_eq!(counts(&run(db, Source::WorkPermits, &permit("2024-12-31"), false).await), (1, 1, 0, 0, 0));
    assert_eq!(counts(&run(db, Source::WorkPermits, &permit("2025-01-01"), false).await), (1, 0, 1, 0, 0));
    assert_eq!(work_permits(db).await.iter().map(|p| p.1.as_str()).collect::<Vec<_>>(), ["2025-01-01"]);

    if db.backend == ashyq_store::db::Backend::Postgres {
        assert_eq!(partition_of(db, "vacancies", "vacancy_id", "V-1").await, "vacancies_y2025");
        assert_eq!(partition_of(db, "vacancies", "vacancy_id", "V-9").await, "vacancies_y2023");
        assert_eq!(partition_of(db, "work_permits", "permit_id", "P-1").await, "work_permits_y2025");
        assert_eq!(count(db, "vacancies_y2024").await, 0, "the moved vacancy left its old year");
        let dated: Vec<(String, String)> =
            sqlx::query_as("SELECT vacancy_id, posted_on FROM vacancy_ids ORDER BY vacancy_id")
                .fetch_all(&db.pool)
                .await
                .unwrap();
        assert_eq!(dated, stored.iter().map(|v| (v.0.clone(), v.1.clone())).collect::<Vec<_>>());
    }
}

both_backends!(
    a_corrected_date_moves_the_record_to_its_year,
    a_valid_vacancies_file_imports,
    reimporting_changes_nothing_and_a_change_is_an_update,
    an_invalid_row_writes_nothing_and_every_bad_row_is_named,
    skip_invalid_keeps_good_rows_and_stores_rejects,
    header_problems_are_reported_and_loose_headers_work,
    xlsx_files_import_with_typed_cells,
    a_key_repeated_in_one_file_keeps_the_later_row,
    forecast_and_work_permits_import,
    stored_records_give_the_hand_computed_indicators,
    a_large_file_imports_in_batches,
    an_empty_file_is_an_input_error,
    hostile_workbooks_are_refused_naming_the_part,
    progress_is_told_in_a_sheets_rows_and_a_csvs_bytes,
    a_workbook_in_the_1904_date_system_imports_the_same_dates,
);
