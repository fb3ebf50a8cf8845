//! The official exchange rates in the store (`ashyq_store::rates`) on SQLite and (with
//! `ASHYQ_TEST_POSTGRES_URL`) PostgreSQL: a rates file is checked and written in one audited
//! transaction and read back as the table the rules look rates up in; one bad row writes nothing
//! and every bad row is named; re-imports are idempotent and a changed rate is an update; with
//! `skip_invalid` the good rows are written and the bad ones kept; workbooks import like CSV,
//! in either of Excel's date systems; progress rises to the file's end.

use ashyq_core::rates::{Currency, RateError};
use ashyq_store::pipeline::Quiet;
use ashyq_store::pipeline::progress::Unit;
use ashyq_store::pipeline::{ImportError, ImportSink, Input, Progress, RowError};
use ashyq_store::rates::{self, CurrencySummary, RatesReport, RatesRequest};
use ashyq_store::{Actor, Db, audit, both_backends};
use jiff::civil::{Date, date};
use rust_decimal::Decimal;
use sha2::{Digest, Sha256};

const HEADER: &str = "date,currency,rate,quantity";

fn actor() -> Actor {
    Actor { username: "importer".into(), ..Actor::cli() }
}

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn cur(s: &str) -> Currency {
    Currency::parse(s).unwrap()
}

fn csv(header: &str, lines: &[&str]) -> String {
    let mut text = format!("{header}\n");
    for l in lines {
        text.push_str(l);
        text.push('\n');
    }
    text
}

async fn run_input(db: &Db, input: Input, skip_invalid: bool, sink: &mut dyn ImportSink) -> RatesReport {
    let request = RatesRequest { file_name: "rates.csv".into(), skip_invalid };
    rates::import(db, &actor(), &request, input, sink).await.expect("the import runs")
}

async fn run(db: &Db, text: &str, skip_invalid: bool) -> RatesReport {
    run_input(db, Input::from_bytes(text.as_bytes().to_vec()), skip_invalid, &mut Quiet).await
}

/// `(rows_read, inserted, updated, unchanged, rejected, repeated)`.
fn counts(r: &RatesReport) -> (u64, u64, u64, u64, u64, u64) {
    (r.rows_read, r.inserted, r.updated, r.unchanged, r.rejected, r.repeated)
}

async fn count(db: &Db, table: &str) -> i64 {
    let sql = format!("SELECT COUNT(*) FROM {table}");
    sqlx::query_scalar(sqlx::AssertSqlSafe(sql)).fetch_one(&db.pool).await.unwrap()
}

/// `(currency, date, kzt_per_unit, import_id)` of every stored rate.
async fn stored(db: &Db) -> Vec<(String, String, String, i64)> {
    sqlx::query_as(
        "SELECT currency, date, kzt_per_unit, import_id FROM exchange_rates ORDER BY currency, date",
    )
    .fetch_all(&db.pool)
    .await
    .unwrap()
}

async fn in_force(db: &Db, currency: &str, on: Date) -> Result<(Date, Decimal), RateError> {
    let table = rates::table(db).await.unwrap();
    table.official(&cur(currency), on).map(|r| (r.date, r.kzt_per_unit))
}

/// USD for Thursday 6 and Friday 7 March 2025 (lower case code, comma decimal), EUR for the
/// Friday, RUB per 100 units, and CNY without a quantity.
const GOOD: [&str; 5] = [
    "2025-03-06,usd,\"496,80\",1",
    "2025-03-07,USD,497.51,1",
    "2025-03-07,EUR,538.12,1",
    "2025-03-07,RUB,552.00,100",
    "2025-03-07,CNY,68.4,",
];

// 1. A good file, read back through the table.
async fn a_good_file_imports_and_is_looked_up(db: &Db) {
    let text = csv(HEADER, &GOOD);
    let report = run(db, &text, false).await;
    assert!(report.committed, "{report:?}");
    assert_eq!(counts(&report), (5, 5, 0, 0, 0, 0));
    assert_eq!(report.sha256, hex::encode(Sha256::digest(text.as_bytes())));
    let id = report.import_id.expect("an import id once committed");
    assert_eq!(
        stored(db).await,
        [
            ("CNY".to_string(), "2025-03-07".to_string(), "68.4".to_string(), id),
            ("EUR".into(), "2025-03-07".into(), "538.12".into(), id),
            ("RUB".into(), "2025-03-07".into(), "5.52".into(), id),
            ("USD".into(), "2025-03-06".into(), "496.8".into(), id),
            ("USD".into(), "2025-03-07".into(), "497.51".into(), id),
        ]
    );
    // On the Sunday, Friday's rate is in force; eleven days on, none is.
    assert_eq!(in_force(db, "USD", date(2025, 3, 9)).await, Ok((date(2025, 3, 7), dec("497.51"))));
    assert_eq!(in_force(db, "RUB", date(2025, 3, 8)).await, Ok((date(2025, 3, 7), dec("5.52"))));
    let err = in_force(db, "USD", date(2025, 3, 18)).await.unwrap_err();
    assert_eq!(
        err.to_string(),
        "no official USD rate in force on 2025-03-18 (the latest before it is for 2025-03-07; import the rates for that period)"
    );
    let table = rates::table(db).await.unwrap();
    let c = table.convert(dec("1000"), &cur("EUR"), &Currency::KZT, date(2025, 3, 8)).unwrap();
    assert_eq!(c.result, dec("538120"));

    assert_eq!(
        rates::summary(db).await.unwrap(),
        [
            CurrencySummary {
                currency: cur("CNY"),
                first: date(2025, 3, 7),
                last: date(2025, 3, 7),
                count: 1
            },
            CurrencySummary {
                currency: cur("EUR"),
                first: date(2025, 3, 7),
                last: date(2025, 3, 7),
                count: 1
            },
            CurrencySummary {
                currency: cur("RUB"),
                first: date(2025, 3, 7),
                last: date(2025, 3, 7),
                count: 1
            },
            CurrencySummary {
                currency: cur("USD"),
                first: date(2025, 3, 6),
                last: date(2025, 3, 7),
                count: 2
            },
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
        ("rates".into(), "rates.csv".into(), report.sha256.clone(), 5, 5, 0, 0, 0, "importer".into())
    );
    let tail = audit::tail(db, 5).await.unwrap();
    let rec = tail.iter().find(|r| r.action == "rates.import").expect("an audit record of the import");
    assert_eq!((rec.object_type.as_str(), rec.object_id.as_str()), ("import", id.to_string().as_str()));
    let detail: serde_json::Value = serde_json::from_str(&rec.detail).unwrap();
    assert_eq!(detail["inserted"], 5);
    assert_eq!(detail["currencies"], serde_json::json!(["CNY", "EUR", "RUB", "USD"]));
    assert_eq!(audit::verify(db).await.unwrap(), 1);
}

// 2. Bad rows: every one named, nothing written.
async fn bad_rows_are_named_and_nothing_is_written(db: &Db) {
    let text = csv(
        HEADER,
        &[
            "2025-03-07,USD,497.51,1",      // line 2: good
            "2025-02-30,EUR,538.12,1",      // line 3: no such date
            "2025-03-07,KZT,1,1",           // line 4: the tenge
            "2025-03-07,EURO,0,0",          // line 5: three bad fields
            "2025-03-06,USD,496.8,1",       // line 6: good
            "2025-03-07,usd,497.6,1",       // line 7: USD for the 7th again, another rate
            "2025-03-07,RUB,\"1,234.5\",1", // line 8: thousands separator
        ],
    );
    let report = run(db, &text, false).await;
    assert!(!report.committed, "{report:?}");
    assert_eq!(report.import_id, None);
    assert_eq!((report.rows_read, report.rejected, report.errors_total), (7, 6, 8));
    let shown: Vec<String> = report.errors.iter().map(|e| e.display("rates.csv")).collect();
    assert_eq!(
        shown,
        [
            "rates.csv:2:rate: USD for 2025-03-07 is given different rates in rows 2 and 7: 497.51 and 497.6 tenge per unit",
            "rates.csv:3:date: `2025-02-30` is not a date: expected YYYY-MM-DD",
            "rates.csv:4:currency: KZT is the tenge: its rate is 1 by definition and is not imported",
            "rates.csv:5:currency: `EURO` is not a currency: expected an ISO 4217 code such as USD",
            "rates.csv:5:rate: `0` is not positive: a rate is tenge for `quantity` units",
            "rates.csv:5:quantity: 0 is out of range 1–1000000",
            "rates.csv:7:rate: USD for 2025-03-07 is given different rates in rows 2 and 7: 497.51 and 497.6 tenge per unit",
            "rates.csv:8:rate: `1,234.5` is not a number: expected digits with at most one decimal separator, such as 470.52 or 470,52",
        ]
    );
    assert_eq!(count(db, "exchange_rates").await, 0);
    assert_eq!(count(db, "imports").await, 0);
    assert_eq!(count(db, "import_rejects").await, 0);
    assert!(audit::tail(db, 10).await.unwrap().iter().all(|r| r.action != "rates.import"));

    // A header without the rate is reported at row 1, and nothing is written either.
    let report = run(db, "Date,Currency,kurs\n2025-03-07,USD,497.51\n", false).await;
    assert!(!report.committed);
    assert_eq!(report.errors.len(), 1);
    assert_eq!(report.errors[0].display("rates.csv"), "rates.csv:1: header: missing column(s): rate");
    assert_eq!(count(db, "imports").await, 0);
    // An empty file cannot be read at all.
    let request = RatesRequest { file_name: "empty.csv".into(), skip_invalid: false };
    let err =
        rates::import(db, &actor(), &request, Input::from_bytes(Vec::new()), &mut Quiet).await.unwrap_err();
    assert!(matches!(err, ImportError::Input { .. }), "{err}");
    assert_eq!(err.to_string(), "empty.csv: the file is empty: it has no header row");
}

// 3. Re-importing changes nothing; a changed rate is an update; a new one an insert.
async fn reimporting_is_idempotent_and_a_changed_rate_is_updated(db: &Db) {
    let first = run(db, &csv(HEADER, &GOOD), false).await;
    let first_id = first.import_id.unwrap();
    let again = run(db, &csv(HEADER, &GOOD), false).await;
    assert!(again.committed);
    assert_eq!(counts(&again), (5, 0, 0, 5, 0, 0));
    assert!(stored(db).await.iter().all(|r| r.3 == first_id), "unchanged rates keep their import");

    // The same values written otherwise (trailing zeros, per 1 unit instead of per 100) are
    // unchanged; a corrected USD rate is an update; a new date is an insert; a row that repeats
    // another exactly is counted once.
    let changed = csv(
        "currency,rate,date",
        &[
            "USD,496.800,2025-03-06",
            "USD,497.49,2025-03-07",
            "EUR,538.12,2025-03-07",
            "RUB,5.52,2025-03-07",
            "CNY,68.40,2025-03-07",
            "USD,498.02,2025-03-10",
            "USD,498.02,2025-03-10",
        ],
    );
    let report = run(db, &changed, false).await;
    assert!(report.committed, "{report:?}");
    assert_eq!(counts(&report), (7, 1, 1, 4, 0, 1));
    let id = report.import_id.unwrap();
    let rows = stored(db).await;
    assert_eq!(rows.len(), 6);
    assert!(rows.contains(&("USD".into(), "2025-03-07".into(), "497.49".into(), id)), "{rows:?}");
    assert!(rows.contains(&("USD".into(), "2025-03-10".into(), "498.02".into(), id)), "{rows:?}");
    assert!(rows.contains(&("USD".into(), "2025-03-06".into(), "496.8".into(), first_id)), "{rows:?}");
    assert_eq!(in_force(db, "USD", date(2025, 3, 8)).await, Ok((date(2025, 3, 7), dec("497.49"))));
    assert_eq!(count(db, "imports").await, 3);
    let actions = audit::tail(db, 10).await.unwrap();
    assert_eq!(actions.iter().filter(|r| r.action == "rates.import").count(), 3);
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

// 4. With skip_invalid the good rows are written and the bad ones kept.
async fn skip_invalid_writes_the_good_rows(db: &Db) {
    let text = csv(
        HEADER,
        &[
            "2025-03-07,USD,497.51,1", // line 2: good
            "2025-03-07,EUR,-5,1",     // line 3: negative
            "2025-03-06,USD,496.8,1",  // line 4: good
            "2025-03-07,CNY,68.4,1",   // line 5: conflicts with line 6
            "2025-03-07,CNY,68.5,1",   // line 6
        ],
    );
    let mut sink = Recorder::default();
    let report = run_input(db, Input::from_bytes(text.into_bytes()), true, &mut sink).await;
    assert!(report.committed, "{report:?}");
    assert_eq!(counts(&report), (5, 2, 0, 0, 3, 0));
    assert_eq!(sink.rejected.iter().map(|r| r.0).collect::<Vec<_>>(), [3, 5, 6]);
    assert_eq!(sink.rejected[0].2, ["2025-03-07", "EUR", "-5", "1"]);
    assert_eq!(
        stored(db).await.iter().map(|r| (r.0.as_str(), r.1.as_str())).collect::<Vec<_>>(),
        [("USD", "2025-03-06"), ("USD", "2025-03-07")]
    );
    let id = report.import_id.unwrap();
    let kept = ashyq_store::pipeline::history::rejects(db, id, 10).await.unwrap();
    assert_eq!(
        kept.iter().map(|e| (e.row, e.column.as_deref())).collect::<Vec<_>>(),
        [(3, Some("rate")), (5, Some("rate")), (6, Some("rate"))]
    );
    assert!(kept[1].reason.english.contains("rows 5 and 6"), "{kept:?}");
    assert!(in_force(db, "CNY", date(2025, 3, 7)).await.is_err());
}

// 5. A workbook imports like the CSV: numbers and date cells as a person would type them.
async fn a_workbook_imports_like_the_csv(db: &Db) {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    let format = rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd");
    for (c, h) in ["Date", "Currency", "Rate", "Quantity"].iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    for (r, (d, currency, rate, quantity)) in
        [(7u8, "USD", 497.51, 1.0), (7, "RUB", 552.0, 100.0), (10, "USD", 498.02, 1.0)]
            .into_iter()
            .enumerate()
    {
        let row = r as u32 + 1;
        let when = rust_xlsxwriter::ExcelDateTime::from_ymd(2025, 3, d).unwrap();
        sheet.write_datetime_with_format(row, 0, &when, &format).unwrap();
        sheet.write_string(row, 1, currency).unwrap();
        sheet.write_number(row, 2, rate).unwrap();
        sheet.write_number(row, 3, quantity).unwrap();
    }
    let bytes = book.save_to_buffer().unwrap();
    let report = run_input(db, Input::from_bytes(bytes), false, &mut Quiet).await;
    assert!(report.committed, "{report:?}");
    assert_eq!(counts(&report), (3, 3, 0, 0, 0, 0));
    assert_eq!(in_force(db, "USD", date(2025, 3, 9)).await, Ok((date(2025, 3, 7), dec("497.51"))));
    assert_eq!(in_force(db, "USD", date(2025, 3, 10)).await, Ok((date(2025, 3, 10), dec("498.02"))));
    assert_eq!(in_force(db, "RUB", date(2025, 3, 7)).await, Ok((date(2025, 3, 7), dec("5.52"))));
    // The same rates as CSV change nothing.
    let text = csv(HEADER, &["2025-03-07,USD,497.51,1", "2025-03-07,RUB,5.52,1", "2025-03-10,USD,498.02,1"]);
    assert_eq!(counts(&run(db, &text, false).await), (3, 0, 0, 3, 0, 0));
}

// 6. An empty database has no rates and an empty summary.
async fn an_empty_store_has_no_rates(db: &Db) {
    assert!(rates::table(db).await.unwrap().is_empty());
    assert!(rates::summary(db).await.unwrap().is_empty());
    // A header alone is a valid, empty import.
    let report = run(db, HEADER, false).await;
    assert!(report.committed);
    assert_eq!(counts(&report), (0, 0, 0, 0, 0, 0));
}

/// Rates of USD for the first `days` days of March 2025 as a workbook, the dates as date cells
/// in the 1900 date system or the 1904 one, and as CSV.
fn march(days: u8, in_1904: bool) -> (Vec<u8>, String) {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    let format = rust_xlsxwriter::Format::new().set_num_format("dd.mm.yyyy");
    let mut lines = Vec::new();
    for (c, h) in HEADER.split(',').enumerate() {
        sheet.write_string(0, c as u16, h).unwrap();
    }
    for d in 1..=days {
        let row = u32::from(d);
        let rate = 490.0 + f64::from(d) / 4.0;
        let when = rust_xlsxwriter::ExcelDateTime::from_ymd(2025, 3, d).unwrap();
        if in_1904 {
            // What a 1904 workbook holds for the date: 1,462 days fewer.
            sheet.write_number_with_format(row, 0, when.to_excel() - 1462.0, &format).unwrap();
        } else {
            sheet.write_datetime_with_format(row, 0, &when, &format).unwrap();
        }
        sheet.write_string(row, 1, "USD").unwrap();
        sheet.write_number(row, 2, rate).unwrap();
        sheet.write_number(row, 3, 1.0).unwrap();
        lines.push(format!("2025-03-{d:02},USD,{rate},1"));
    }
    let bytes = book.save_to_buffer().unwrap();
    let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
    (if in_1904 { ashyq_store::testing::in_1904_system(&bytes) } else { bytes }, csv(HEADER, &lines))
}

// 7. Progress rises to the end of the file: a workbook's rows, a CSV's bytes.
async fn progress_is_told_in_a_sheets_rows_and_a_csvs_bytes(db: &Db) {
    let (book, text) = march(31, false);
    let mut sink = ashyq_store::testing::Progressing::default();
    assert!(run_input(db, Input::from_bytes(book), false, &mut sink).await.committed);
    let rows = |done| Progress { done, total: Some(32), unit: Unit::Rows };
    assert_eq!(sink.told.first(), Some(&(rows(2), 1)), "{:?}", sink.told);
    assert_eq!(sink.told.last(), Some(&(rows(32), 31)), "{:?}", sink.told);
    // Every row of the 32 is a step (a hundredth is less than a row); the end is told again.
    assert_eq!(sink.told.len(), 32, "{:?}", sink.told);
    assert!(sink.told.windows(2).all(|w| w[0].0.done <= w[1].0.done && w[0].1 <= w[1].1), "{:?}", sink.told);

    let mut sink = ashyq_store::testing::Progressing::default();
    let size = text.len() as u64;
    assert!(run_input(db, Input::from_bytes(text.into_bytes()), false, &mut sink).await.committed);
    let last = Progress { done: size, total: Some(size), unit: Unit::Bytes };
    assert_eq!(sink.told.last(), Some(&(last, 31)), "{:?}", sink.told);
    assert!(sink.told.len() > 10, "{:?}", sink.told);
}

// 8. A workbook in Excel's 1904 date system gives the rates of the same days.
async fn a_workbook_in_the_1904_date_system_gives_the_same_days(db: &Db) {
    let (book, text) = march(10, true);
    let report = run_input(db, Input::from_bytes(book), false, &mut Quiet).await;
    assert_eq!(counts(&report), (10, 10, 0, 0, 0, 0), "{report:?}");
    assert_eq!(in_force(db, "USD", date(2025, 3, 10)).await, Ok((date(2025, 3, 10), dec("492.5"))));
    // The same rates as CSV change nothing.
    assert_eq!(counts(&run(db, &text, false).await), (10, 0, 0, 10, 0, 0));
}

both_backends!(
    a_good_file_imports_and_is_looked_up,
    bad_rows_are_named_and_nothing_is_written,
    reimporting_is_idempotent_and_a_changed_rate_is_updated,
    skip_invalid_writes_the_good_rows,
    a_workbook_imports_like_the_csv,
    an_empty_store_has_no_rates,
    progress_is_told_in_a_sheets_rows_and_a_csvs_bytes,
    a_workbook_in_the_1904_date_system_gives_the_same_days,
);
