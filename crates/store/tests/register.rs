//! The register of movements in the store (`ashyq_store::register`) on SQLite and (with
//! `ASHYQ_TEST_POSTGRES_URL`) PostgreSQL: crossings, registrations and permits import with every
//! bad field named and nothing half-written; retried events are stored once and a changed event
//! is a conflict; a new passport joins its person; a person's status follows their crossings,
//! visas and permits; the overstay scan, alerts and figures; officers' merges, splits and undos,
//! audited; a workbook counting its dates from 1904 gives the same dates.

use ashyq_core::policy::Policy;
use ashyq_store::pipeline::Input;
use ashyq_store::pipeline::Quiet;
use ashyq_store::register::rows::{self as register_rows, Columns, Context};
use ashyq_store::register::{self, RegisterFile, RegisterReport, merge, person, scan, stats};
use ashyq_store::{Actor, Db, audit, both_backends};
use jiff::civil::{Date, date};

fn actor() -> Actor {
    Actor { username: "officer1".into(), ..Actor::cli() }
}

fn policy() -> Policy {
    Policy::kz().expect("the built-in policy loads")
}

const CROSSING_HEADER: &str = "event_id,kind,at,checkpoint,document_type,issuing_state,document_number,\
nationality,surname,given_names,birth_date,sex,expiry_date,reason";

const ALI: &str = "P,UZB,FA1234567,UZB,KARIMOV,ALI,1990-05-01,M,2030-01-01";
const ALI_NEW: &str = "P,UZB,FB7654321,UZB,KARIMOV,ALI,1990-05-01,M,2036-01-01";
const ANNA: &str = "P,DEU,C01X00T47,DEU,MUSTERMANN,ANNA,1985-08-12,F,2031-03-01";
const BEK: &str = "P,KGZ,AC1234567,KGZ,ASANOV,BEK,1988-03-03,M,2033-01-01";
const WANG: &str = "P,CHN,E12345678,CHN,WANG,WEI,1979-02-03,M,2020-01-01";

fn crossings(lines: &[String]) -> String {
    let mut text = format!("{CROSSING_HEADER}\n");
    for l in lines {
        text.push_str(l);
        text.push('\n');
    }
    text
}

fn event(id: &str, kind: &str, day: &str, cp: &str, who: &str) -> String {
    let reason = if kind == "refusal" { "entry ban" } else { "" };
    format!("{id},{kind},{day}T10:00:00+05:00,{cp},{who},{reason}")
}

async fn import(db: &Db, file: RegisterFile, text: &str) -> RegisterReport {
    let input = Input::from_bytes(text.as_bytes().to_vec());
    register::import(db, &actor(), &policy(), file, "file.csv", input, &mut Quiet)
        .await
        .expect("the import runs")
}

async fn count(db: &Db, table: &str) -> i64 {
    let sql = format!("SELECT COUNT(*) FROM {table}");
    sqlx::query_scalar(sqlx::AssertSqlSafe(sql)).fetch_one(&db.pool).await.unwrap()
}

async fn person_of(db: &Db, state: &str, number: &str) -> i64 {
    person::person_of_document(db, state, number).await.unwrap().expect("the document is in the register")
}

fn on(d: Date) -> Date {
    d
}

async fn crossings_import_and_retries_are_stored_once(db: &Db) {
    let text = crossings(&[
        event("E1", "entry", "2026-01-10", "ZHZ", ALI),
        event("E2", "exit", "2026-01-20", "ZHZ", ALI),
        event("E3", "entry", "2026-02-01", "ALA", ANNA),
        event("E4", "refusal", "2026-02-02", "KHG", WANG),
    ]);
    let r = import(db, RegisterFile::Crossings, &text).await;
    assert!(r.committed, "{:?}", r.errors);
    assert_eq!((r.rows_read, r.inserted, r.unchanged, r.rejected), (4, 4, 0, 0));
    assert_eq!((r.persons_created, r.documents_created), (3, 3));
    // The same file again: nothing new.
    let again = import(db, RegisterFile::Crossings, &text).await;
    assert!(again.committed);
    assert_eq!((again.inserted, again.unchanged), (0, 4));
    assert_eq!(count(db, "register_crossings").await, 4);
    assert_eq!(count(db, "register_persons").await, 3);
    // A retried event inside one file is also stored once.
    let dup = crossings(&[
        event("E5", "exit", "2026-02-05", "ALA", ANNA),
        event("E5", "exit", "2026-02-05", "ALA", ANNA),
    ]);
    let r = import(db, RegisterFile::Crossings, &dup).await;
    assert_eq!((r.inserted, r.unchanged), (1, 1));
    // The dashboard's counts follow the new events only.
    let months = stats::months(db, month("2026-01"), month("2026-12")).await.unwrap();
    let total: i64 = months.iter().map(|m| m.crossings).sum();
    assert_eq!(total, 5);
    assert!(
        months.iter().any(|m| m.month == month("2026-02") && m.checkpoint == "KHG" && m.kind == "refusal")
    );
}

async fn a_changed_event_is_a_conflict_and_nothing_is_written(db: &Db) {
    let r =
        import(db, RegisterFile::Crossings, &crossings(&[event("E1", "entry", "2026-01-10", "ZHZ", ALI)]))
            .await;
    assert!(r.committed);
    let text = crossings(&[
        event("E9", "entry", "2026-03-01", "ALA", ANNA),
        event("E1", "exit", "2026-01-10", "ZHZ", ALI),
    ]);
    let r = import(db, RegisterFile::Crossings, &text).await;
    assert!(!r.committed);
    assert_eq!(r.rejected, 1);
    assert_eq!(r.errors[0].row, 3);
    assert_eq!(r.errors[0].column.as_deref(), Some("event_id"));
    assert!(
        r.errors[0].reason.english.contains("already stored with other values"),
        "{}",
        r.errors[0].reason
    );
    assert_eq!(count(db, "register_crossings").await, 1, "E9 was not written either");
    // Two rows of one file with one id and different values name each other.
    let text = crossings(&[
        event("E7", "entry", "2026-03-01", "ALA", ANNA),
        event("E7", "entry", "2026-03-02", "ALA", ANNA),
    ]);
    let r = import(db, RegisterFile::Crossings, &text).await;
    assert!(!r.committed);
    assert!(r.errors[0].reason.english.contains("row 2"), "{}", r.errors[0].reason);
}

async fn bad_rows_are_named_by_row_and_column(db: &Db) {
    let text = crossings(&[
        event("E1", "entry", "2026-01-10", "ZHZ", ALI),
        "E2,arrival,2026-13-01T10:00:00+05:00,XXX,P,UZB,FA1,UZB,KARIMOV,ALI,1990-02-30,Q,2030-01-01,"
            .to_string(),
        event("E3", "refusal", "2026-01-10", "ZHZ", ALI).replace(",entry ban", ","),
        event("E4", "entry", "2099-01-01", "ZHZ", ALI),
    ]);
    let r = import(db, RegisterFile::Crossings, &text).await;
    assert!(!r.committed);
    let named: Vec<(u64, String)> =
        r.errors.iter().map(|e| (e.row, e.column.clone().unwrap_or_default())).collect();
    for expected in
        [(3, "kind"), (3, "at"), (3, "checkpoint"), (3, "birth_date"), (3, "sex"), (4, "reason"), (5, "at")]
    {
        assert!(named.contains(&(expected.0, expected.1.to_string())), "{expected:?} not in {named:?}");
    }
    assert_eq!(count(db, "register_crossings").await, 0, "nothing is half-written");
    assert_eq!(count(db, "register_persons").await, 0);
    // A header with an unknown column is refused before any row.
    let r = import(db, RegisterFile::Crossings, &format!("{CROSSING_HEADER},resaon\n")).await;
    assert!(!r.committed);
    assert!(r.errors[0].reason.english.contains("unknown column \"resaon\""), "{}", r.errors[0].reason);
}

async fn a_new_passport_joins_its_person_and_merges_can_be_undone(db: &Db) {
    let text = crossings(&[
        event("E1", "entry", "2026-01-10", "ZHZ", ALI),
        event("E2", "exit", "2026-01-20", "ZHZ", ALI),
        event("E3", "entry", "2026-03-01", "ZHZ", ALI_NEW),
        // The same man, his name transliterated otherwise on a later card: not joined by the key.
        event("E4", "exit", "2026-03-05", "ZHZ", "I,UZB,AA0000001,UZB,QARIMOV,ALI,1990-05-01,M,2034-01-01"),
    ]);
    assert!(import(db, RegisterFile::Crossings, &text).await.committed);
    let ali = person_of(db, "UZB", "FA1234567").await;
    assert_eq!(person_of(db, "UZB", "FB7654321").await, ali, "the new passport joined the person");
    let other = person_of(db, "UZB", "AA0000001").await;
    assert_ne!(other, ali);
    let candidates = merge::candidates(db, ali).await.unwrap();
    assert!(candidates.iter().any(|p| p.id == other), "same birth date and nationality: a candidate");

    let m = merge::merge(db, &actor(), ali, other, "same man, card transliterated QARIMOV").await.unwrap();
    assert_eq!(person_of(db, "UZB", "AA0000001").await, ali);
    let record = person::load(db, &policy(), ali, on(date(2026, 3, 6))).await.unwrap();
    assert_eq!(record.documents.len(), 3);
    assert_eq!(record.crossings.len(), 4);
    assert!(!record.status.present, "the last crossing, on the merged card, is an exit");

    merge::undo(db, &actor(), m, "the officer was wrong").await.unwrap();
    assert_eq!(person_of(db, "UZB", "AA0000001").await, other);
    assert!(merge::undo(db, &actor(), m, "again, by mistake").await.is_err(), "undone once only");

    let passport = record.documents.iter().find(|d| d.number == "FB7654321").expect("the new passport");
    let (s, new_person) =
        merge::split(db, &actor(), passport.id, "a namesake, not the same man").await.unwrap();
    assert_ne!(new_person, ali);
    assert_eq!(person_of(db, "UZB", "FB7654321").await, new_person);
    merge::undo(db, &actor(), s, "it was him after all").await.unwrap();
    assert_eq!(person_of(db, "UZB", "FB7654321").await, ali);
    assert!(merge::merge(db, &actor(), ali, ali, "into myself").await.is_err());
    assert!(merge::merge(db, &actor(), ali, other, "why").await.is_err(), "a reason is required");

    let actions: Vec<String> =
        sqlx::query_scalar("SELECT action FROM audit_log ORDER BY seq").fetch_all(&db.pool).await.unwrap();
    for a in [
        "register.person.merge",
        "register.person.unmerge",
        "register.person.split",
        "register.person.unsplit",
    ] {
        assert!(actions.iter().any(|x| x == a), "{a} audited: {actions:?}");
    }
}

async fn status_follows_crossings_visas_and_permits(db: &Db) {
    // Anna (visa-free, 30 days per entry) entered on 1 February and is still here on 10 March:
    // the 31st day, 3 March, is the first day over the cap.
    let text = crossings(&[
        event("E1", "entry", "2026-02-01", "ALA", ANNA),
        event("E2", "entry", "2026-03-01", "ZHZ", ALI),
        event("E3", "entry", "2026-01-05", "ALA", WANG),
        event("E4", "refusal", "2026-01-01", "KHG", WANG),
    ]);
    assert!(import(db, RegisterFile::Crossings, &text).await.committed);
    let anna = person_of(db, "DEU", "C01X00T47").await;
    let r = person::record(db, &actor(), &policy(), anna, date(2026, 3, 10)).await.unwrap();
    assert!(r.status.present);
    assert!(!r.status.lawful);
    assert_eq!(r.status.overstay_since, Some(date(2026, 3, 3)));
    assert_eq!(r.status.overstay_days, 8);
    assert!(matches!(r.warnings[0], person::Warning::Overstay { .. }));
    let audited: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'register.person.read' AND object_id = $1",
    )
    .bind(anna.to_string())
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert_eq!(audited, 1, "the read of a person's record is audited");

    // A temporary residence permit from 15 February makes her lawful and its days don't count.
    let permits = "permit_number,kind,valid_from,valid_until,cancelled_on,document_type,issuing_state,\
document_number,nationality,surname,given_names,birth_date,sex,expiry_date\n\
TR-1,temporary_residence,2026-02-15,2027-02-14,,P,DEU,C01X00T47,DEU,MUSTERMANN,ANNA,1985-08-12,F,2031-03-01\n";
    let p = import(db, RegisterFile::Permits, permits).await;
    assert!(p.committed, "{:?}", p.errors);
    let r = person::load(db, &policy(), anna, date(2026, 3, 10)).await.unwrap();
    assert!(r.status.lawful, "{:?}", r.status);
    // Until the permit ends (14 February 2027), then the 16 days left of the entry's 30 (14 were
    // used before the permit): 2 March 2027.
    assert_eq!(r.status.lawful_until, Some(date(2027, 3, 2)));
    // Cancelled on 1 March: the short-stay count resumes, with 14 days before the permit.
    let cancelled = permits.replace("2027-02-14,,", "2027-02-14,2026-03-01,");
    let p = import(db, RegisterFile::Permits, &cancelled).await;
    assert_eq!((p.inserted, p.updated), (0, 1));
    let r = person::load(db, &policy(), anna, date(2026, 3, 10)).await.unwrap();
    assert!(r.status.lawful, "14 + 10 days < 30: {:?}", r.status);

    // Wang (China, visa-free 30 days in this policy or visa-required) — whichever, his passport
    // has expired, and he was refused before: both are warned of.
    let wang = person_of(db, "CHN", "E12345678").await;
    let r = person::load(db, &policy(), wang, date(2026, 1, 10)).await.unwrap();
    assert!(r.warnings.iter().any(|w| matches!(w, person::Warning::DocumentExpired { .. })));
    assert!(r.warnings.iter().any(|w| matches!(w, person::Warning::RefusedBefore { times: 1, .. })));

    // The scan on 10 March: Anna lawful (permit until cancelled… then 24 days), Ali lawful
    // (10 days), Wang present since 5 January: over 30 days per entry whatever his group.
    let s = scan::overstays(db, &policy(), date(2026, 3, 10)).await.unwrap();
    assert_eq!(s.present, 3);
    assert_eq!(s.overstayers.len(), 1, "{:?}", s.overstayers);
    assert_eq!(s.overstayers[0].person_id, wang);
    let present = stats::present(db).await.unwrap();
    let total: i64 = present.iter().map(|p| p.persons).sum();
    assert_eq!(total, 3);
    assert!(present.iter().any(|p| p.region == "KZ-75" && p.nationality == "DEU"));
    assert!(present.iter().any(|p| p.region == "KZ-61" && p.nationality == "UZB"));
}

const REGISTRATION_HEADER: &str = "registration_id,kind,region,address,host,from,until,notified_on,\
employer_bin,permit_number,document_type,issuing_state,document_number,nationality,surname,given_names,\
birth_date,sex,expiry_date";

async fn registrations_flag_late_notifications(db: &Db) {
    // Arrival Friday 6 March 2026; 8 March falls on a Sunday, so Monday 9 March is a day off;
    // 3 working days: 10, 11, 12 March → due 12 March.
    let text = format!(
        "{REGISTRATION_HEADER}\n\
R1,stay,KZ-75,\"Abai 1, Almaty\",HOTEL ALMATY,2026-03-06,2026-05-01,2026-03-12,,,{ANNA}\n\
R2,stay,KZ-75,\"Abai 1, Almaty\",HOTEL ALMATY,2026-03-06,2026-05-01,2026-03-13,,,{ALI}\n\
R3,stay,KZ-75,\"Abai 1, Almaty\",HOTEL ALMATY,2026-03-06,2026-03-20,2026-03-30,,,{WANG}\n\
W1,work,KZ-71,,,2026-03-01,2026-12-31,,123456789012,WP-1,{ALI}\n"
    );
    let r = import(db, RegisterFile::Registrations, &text).await;
    if !r.committed {
        // the BIN above may not carry a valid check digit: the error must say so.
        assert!(r.errors.iter().any(|e| e.column.as_deref() == Some("employer_bin")), "{:?}", r.errors);
        let bin = ashyq_core::ids::Bin::complete(&[1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1]).expect("a BIN");
        let fixed = text.replace("123456789012", bin.as_str());
        let r = import(db, RegisterFile::Registrations, &fixed).await;
        assert!(r.committed, "{:?}", r.errors);
    }
    let late = scan::late_registrations(db, date(2026, 1, 1), 100).await.unwrap();
    let ids: Vec<&str> = late.iter().map(|l| l.registration_id.as_str()).collect();
    assert_eq!(ids, vec!["R2"], "R1 on the due day; R3 is a stay of 15 days, not over 30");
    assert_eq!(late[0].due_on, Some(date(2026, 3, 12)));
    // A work registration without a BIN is refused by column.
    let bad = format!("{REGISTRATION_HEADER}\nW2,work,KZ-71,,,2026-03-01,2026-12-31,,,,{ALI}\n");
    let r = import(db, RegisterFile::Registrations, &bad).await;
    assert!(!r.committed);
    assert!(r.errors.iter().any(|e| e.column.as_deref() == Some("employer_bin")));
    // A control character in free text (the address) is the row's error naming the column,
    // never a database error (PostgreSQL refuses NUL in text).
    let nul = format!(
        "{REGISTRATION_HEADER}\nR9,stay,KZ-75,\"Abai\u{0}1\",HOTEL,2026-03-06,2026-05-01,2026-03-12,,,{ANNA}\n"
    );
    let r = import(db, RegisterFile::Registrations, &nul).await;
    assert!(!r.committed);
    assert_eq!(r.errors.len(), 1, "{:?}", r.errors);
    assert_eq!((r.errors[0].row, r.errors[0].column.as_deref()), (2, Some("address")), "{:?}", r.errors);
    assert!(r.errors[0].reason.english.contains("control character (U+0000)"), "{:?}", r.errors);
}

/// A registrations workbook of Anna's stay `id` from 6 March 2026 to 1 May, notified on 12 March,
/// every date (her birth and her passport's expiry too) a date cell: in the 1900 date system, or
/// in the 1904 one.
fn dated_registration(id: &str, in_1904: bool) -> Vec<u8> {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let line = format!("{id},stay,KZ-75,Abai 1,HOTEL ALMATY,,,,,,{ANNA}");
    let format = Format::new().set_num_format("dd.mm.yyyy");
    let dates =
        [(5, (2026, 3, 6)), (6, (2026, 5, 1)), (7, (2026, 3, 12)), (16, (1985, 8, 12)), (18, (2031, 3, 1))];
    for (c, (name, v)) in REGISTRATION_HEADER.split(',').zip(line.split(',')).enumerate() {
        sheet.write_string(0, c as u16, name).unwrap();
        match dates.iter().find(|d| d.0 == c) {
            Some(&(_, (y, m, d))) => {
                let date = ExcelDateTime::from_ymd(y, m, d).unwrap();
                if in_1904 {
                    // What a 1904 workbook holds for the date: 1,462 days fewer.
                    sheet.write_number_with_format(1, c as u16, date.to_excel() - 1462.0, &format).unwrap();
                } else {
                    sheet.write_datetime_with_format(1, c as u16, &date, &format).unwrap();
                }
            }
            None => {
                sheet.write_string(1, c as u16, v).unwrap();
            }
        }
    }
    let bytes = book.save_to_buffer().unwrap();
    if in_1904 { ashyq_store::testing::in_1904_system(&bytes) } else { bytes }
}

async fn a_workbook_in_the_1904_date_system_gives_the_same_dates(db: &Db) {
    for (id, in_1904) in [("R-1900", false), ("R-1904", true)] {
        let input = Input::from_bytes(dated_registration(id, in_1904));
        let r = register::import(
            db,
            &actor(),
            &policy(),
            RegisterFile::Registrations,
            "r.xlsx",
            input,
            &mut Quiet,
        )
        .await
        .expect("the import runs");
        assert!(r.committed, "{id}: {:?}", r.errors);
    }
    let stays: Vec<(String, String, String, Option<String>)> = sqlx::query_as(
        "SELECT registration_id, from_day, until_day, notified_on FROM register_registrations \
         ORDER BY registration_id",
    )
    .fetch_all(&db.pool)
    .await
    .unwrap();
    let stay =
        |id: &str| (id.to_string(), "2026-03-06".into(), "2026-05-01".into(), Some("2026-03-12".into()));
    assert_eq!(stays, [stay("R-1900"), stay("R-1904")]);
    let documents: Vec<(String, String)> =
        sqlx::query_as("SELECT birth_date, expiry_date FROM register_documents")
            .fetch_all(&db.pool)
            .await
            .unwrap();
    assert_eq!(documents, [("1985-08-12".to_string(), "2031-03-01".to_string())]);
}

async fn alerts_list_permits_expiring_soon(db: &Db) {
    let text = "permit_number,kind,valid_from,valid_until,cancelled_on,document_type,issuing_state,\
document_number,nationality,surname,given_names,birth_date,sex,expiry_date\n\
V-1,visa,2026-01-01,2026-03-20,,P,DEU,C01X00T47,DEU,MUSTERMANN,ANNA,1985-08-12,F,2031-03-01\n\
V-2,visa,2026-01-01,2026-06-20,,P,UZB,FA1234567,UZB,KARIMOV,ALI,1990-05-01,M,2030-01-01\n\
V-3,visa,2026-01-01,2026-03-15,2026-02-01,P,UZB,FA1234567,UZB,KARIMOV,ALI,1990-05-01,M,2030-01-01\n";
    let r = import(db, RegisterFile::Permits, text).await;
    assert!(r.committed, "{:?}", r.errors);
    let soon = scan::expiring(db, date(2026, 3, 10), 30, 100).await.unwrap();
    let numbers: Vec<&str> = soon.iter().map(|e| e.permit_number.as_str()).collect();
    assert_eq!(numbers, vec!["V-1"], "V-2 ends later, V-3 was cancelled");
}

/// A crossings line read as a checked record, as the API's batches arrive (today 2026-11-21).
fn read(row: u64, line: &str) -> register::Record {
    let columns =
        Columns::resolve(RegisterFile::Crossings, &CROSSING_HEADER.split(',').collect::<Vec<_>>()).unwrap();
    let fields: Vec<&str> = line.split(',').collect();
    register_rows::read(&columns, Context { today: date(2026, 11, 21) }, row, &fields).unwrap()
}

async fn an_api_batch_is_all_or_nothing(db: &Db) {
    let good = vec![
        (1, read(1, &event("B1", "entry", "2026-04-01", "NQZ", ANNA))),
        (2, read(2, &event("B2", "exit", "2026-04-03", "NQZ", ANNA))),
    ];
    let r = register::store_batch(db, &actor(), &policy(), good.clone()).await.unwrap();
    assert!(r.committed);
    assert_eq!(r.inserted, 2);
    let r = register::store_batch(db, &actor(), &policy(), good).await.unwrap();
    assert_eq!((r.inserted, r.unchanged), (0, 2), "a retried batch is stored once");
    let mixed = vec![
        (1, read(1, &event("B3", "entry", "2026-05-01", "NQZ", ANNA))),
        (2, read(2, &event("B2", "entry", "2026-04-03", "NQZ", ANNA))),
    ];
    let r = register::store_batch(db, &actor(), &policy(), mixed).await.unwrap();
    assert!(!r.committed);
    assert_eq!(r.errors[0].row, 2);
    assert_eq!(count(db, "register_crossings").await, 2, "B3 was not written");
}

/// An event sent again at another instant — on PostgreSQL another year's partition, so the
/// crossings' own key (event id and instant) does not see it — is a conflict by the event id, in
/// a file and in an API batch; a year not met before gets its partition, and every query reads
/// across the years.
async fn an_event_moved_to_another_year_is_a_conflict(db: &Db) {
    let first = crossings(&[
        event("Y1", "entry", "2019-03-01", "ALA", ANNA),
        event("Y2", "exit", "2019-03-20", "ALA", ANNA),
        event("Y3", "entry", "2026-01-05", "ALA", ANNA),
    ]);
    let r = import(db, RegisterFile::Crossings, &first).await;
    assert!(r.committed, "{:?}", r.errors);
    assert_eq!(r.inserted, 3);
    let moved = crossings(&[
        event("Y4", "exit", "2026-01-20", "ALA", ANNA),
        event("Y1", "entry", "2025-03-01", "ALA", ANNA),
    ]);
    let r = import(db, RegisterFile::Crossings, &moved).await;
    assert!(!r.committed);
    assert_eq!((r.rejected, r.errors[0].row), (1, 3));
    assert!(
        r.errors[0].reason.english.contains("already stored with other values"),
        "{}",
        r.errors[0].reason
    );
    assert_eq!(count(db, "register_crossings").await, 3, "Y4 was not written either");

    let batch = vec![
        (1, read(1, &event("Y5", "exit", "2026-02-01", "ALA", ANNA))),
        (2, read(2, &event("Y2", "exit", "2024-03-20", "ALA", ANNA))),
    ];
    let r = register::store_batch(db, &actor(), &policy(), batch).await.unwrap();
    assert!(!r.committed);
    assert_eq!(r.errors[0].row, 2);
    assert!(
        r.errors[0].reason.english.contains("already stored with other values"),
        "{}",
        r.errors[0].reason
    );
    assert_eq!(count(db, "register_crossings").await, 3, "Y5 was not written");

    // The person's record reads the crossings of both years.
    let id = person_of(db, "DEU", "C01X00T47").await;
    let record = person::load(db, &policy(), id, date(2026, 11, 21)).await.unwrap();
    assert_eq!(record.crossings.len(), 3);
    if db.backend == ashyq_store::db::Backend::Postgres {
        let parts = ashyq_store::register::partitions::existing(db).await.unwrap();
        assert!(
            parts.contains("register_crossings_y2019") && parts.contains("register_crossings_y2026"),
            "{parts:?}"
        );
        let ids: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM register_crossing_ids")
            .fetch_one(&db.pool)
            .await
            .unwrap();
        assert_eq!(ids, 3, "each stored event's id is kept once");
    }
}

/// One crossing at an instant (RFC 3339), for the time-zone cases.
fn event_at(id: &str, kind: &str, at: &str, cp: &str, who: &str) -> String {
    format!("{id},{kind},{at},{cp},{who},")
}

/// Each crossing's stored day, by event id.
async fn stored_days(db: &Db) -> Vec<(String, String)> {
    sqlx::query_as("SELECT event_id, day FROM register_crossings ORDER BY event_id")
        .fetch_all(&db.pool)
        .await
        .unwrap()
}

/// The crossings of 2023 and early 2024 for the time-zone cases: Anna in the east (Almaty's
/// clock, UTC+6 until 1 March 2024), Ali in the west (Atyrau's and Aktobe's, UTC+5 throughout).
fn crossings_across_the_change() -> String {
    crossings(&[
        // 00:30 on 1 June 2023 in Almaty (UTC+6); a fixed UTC+5 said 23:30 on 31 May.
        event_at("T1", "entry", "2023-05-31T18:30:00Z", "ALA", ANNA),
        // 00:30 on 10 June in Almaty again, leaving.
        event_at("T2", "exit", "2023-06-09T18:30:00Z", "ALA", ANNA),
        // The last half hour at UTC+6: 23:59 on 29 February 2024, and the first at UTC+5 after
        // the clocks went back: 23:30 on 29 February again.
        event_at("T3", "entry", "2024-02-29T17:59:00Z", "ALA", ANNA),
        event_at("T4", "exit", "2024-02-29T18:30:00Z", "NQZ", ANNA),
        // 00:30 on 2 March 2024 in Almaty, at UTC+5 now.
        event_at("T5", "entry", "2024-03-01T19:30:00Z", "ALA", ANNA),
        // Atyrau: 23:30 on 14 May 2023 (UTC+5) — in Almaty it was already the 15th.
        event_at("W1", "entry", "2023-05-14T18:30:00Z", "GUW", ALI),
        // Aktobe: 00:30 on 20 May 2023 (UTC+5).
        event_at("W2", "exit", "2023-05-19T19:30:00Z", "KRA", ALI),
        // Bek came in at 00:45 on 2 July 2023 in Almaty and is still here.
        event_at("X1", "entry", "2023-07-01T18:45:00Z", "ALA", BEK),
    ])
}

async fn crossing_days_are_read_on_the_checkpoints_clocks(db: &Db) {
    let r = import(db, RegisterFile::Crossings, &crossings_across_the_change()).await;
    assert!(r.committed, "{:?}", r.errors);
    let days: Vec<(String, String)> = stored_days(db).await;
    let expected = [
        ("T1", "2023-06-01"),
        ("T2", "2023-06-10"),
        ("T3", "2024-02-29"),
        ("T4", "2024-02-29"),
        ("T5", "2024-03-02"),
        ("W1", "2023-05-14"),
        ("W2", "2023-05-20"),
        ("X1", "2023-07-02"),
    ];
    let expected: Vec<(String, String)> =
        expected.iter().map(|(e, d)| (e.to_string(), d.to_string())).collect();
    assert_eq!(days, expected);
    // The dashboard counts Anna's first entry in June, and her last crossing is the 2 March entry.
    let months = stats::months(db, month("2023-05"), month("2023-06")).await.unwrap();
    let ala: Vec<(String, &str, i64)> = months
        .iter()
        .filter(|m| m.checkpoint == "ALA")
        .map(|m| (m.month.to_string(), m.kind.as_str(), m.crossings))
        .collect();
    assert_eq!(ala, vec![("2023-06".to_string(), "entry", 1), ("2023-06".to_string(), "exit", 1)]);
    let last: Option<String> =
        sqlx::query_scalar("SELECT last_day FROM register_documents WHERE number = 'C01X00T47'")
            .fetch_one(&db.pool)
            .await
            .unwrap();
    assert_eq!(last.as_deref(), Some("2024-03-02"));
}

/// Puts back what the fixed UTC+5 stored (days, last days, monthly counts) and marks the
/// correction as not done, as a database migrated before issue 14 would be.
async fn as_stored_with_a_fixed_offset(db: &Db) {
    let old = |at_us: i64| {
        jiff::tz::Offset::constant(5)
            .to_datetime(jiff::Timestamp::from_microsecond(at_us).unwrap())
            .date()
            .to_string()
    };
    let rows: Vec<(String, i64)> =
        sqlx::query_as("SELECT event_id, at_us FROM register_crossings").fetch_all(&db.pool).await.unwrap();
    for (id, at_us) in rows {
        sqlx::query("UPDATE register_crossings SET day = $1 WHERE event_id = $2")
            .bind(old(at_us))
            .bind(id)
            .execute(&db.pool)
            .await
            .unwrap();
    }
    let docs: Vec<(i64, i64)> =
        sqlx::query_as("SELECT id, last_at_us FROM register_documents WHERE last_at_us IS NOT NULL")
            .fetch_all(&db.pool)
            .await
            .unwrap();
    for (id, at_us) in docs {
        sqlx::query("UPDATE register_documents SET last_day = $1 WHERE id = $2")
            .bind(old(at_us))
            .bind(id)
            .execute(&db.pool)
            .await
            .unwrap();
    }
    let counted: Vec<(String, String, String, i64)> = sqlx::query_as(
        "SELECT c.checkpoint, c.kind, d.nationality, c.at_us FROM register_crossings c \
         JOIN register_documents d ON d.id = c.document_id",
    )
    .fetch_all(&db.pool)
    .await
    .unwrap();
    sqlx::query("DELETE FROM register_crossing_counts").execute(&db.pool).await.unwrap();
    for (cp, kind, nat, at_us) in counted {
        sqlx::query(
            "INSERT INTO register_crossing_counts (month, checkpoint, kind, nationality, n) \
             VALUES ($1, $2, $3, $4, 1) ON CONFLICT (month, checkpoint, kind, nationality) \
             DO UPDATE SET n = register_crossing_counts.n + 1",
        )
        .bind(old(at_us)[..7].to_string())
        .bind(cp)
        .bind(kind)
        .bind(nat)
        .execute(&db.pool)
        .await
        .unwrap();
    }
    sqlx::query("UPDATE data_fixes SET done_at_us = NULL, detail = NULL WHERE name = $1")
        .bind(register::days::FIX)
        .execute(&db.pool)
        .await
        .unwrap();
}

async fn counts_snapshot(db: &Db) -> Vec<(String, String, String, String, i64)> {
    sqlx::query_as(
        "SELECT month, checkpoint, kind, nationality, n FROM register_crossing_counts \
         ORDER BY month, checkpoint, kind, nationality",
    )
    .fetch_all(&db.pool)
    .await
    .unwrap()
}

async fn days_stored_with_a_fixed_offset_are_corrected_once(db: &Db) {
    // A fresh database: the correction ran at migration, found nothing and said so.
    let (done, detail): (Option<i64>, Option<String>) =
        sqlx::query_as("SELECT done_at_us, detail FROM data_fixes WHERE name = $1")
            .bind(register::days::FIX)
            .fetch_one(&db.pool)
            .await
            .unwrap();
    assert!(done.is_some());
    assert!(detail.unwrap_or_default().contains("\"crossings\":0"));
    assert!(audit::for_object(db, "data_fix", register::days::FIX).await.unwrap().is_empty());

    let r = import(db, RegisterFile::Crossings, &crossings_across_the_change()).await;
    assert!(r.committed, "{:?}", r.errors);
    let (right_days, right_counts) = (stored_days(db).await, counts_snapshot(db).await);
    let last_days = || async {
        let days: Vec<(String, Option<String>)> =
            sqlx::query_as("SELECT number, last_day FROM register_documents ORDER BY number")
                .fetch_all(&db.pool)
                .await
                .unwrap();
        days
    };
    let right_last_days = last_days().await;
    as_stored_with_a_fixed_offset(db).await;
    let wrong = stored_days(db).await;
    assert_ne!(wrong, right_days, "the fixed offset got some days wrong");
    assert_ne!(counts_snapshot(db).await, right_counts);
    assert_ne!(last_days().await, right_last_days);

    // Two processes opening the database at once: one corrects, the other finds it done.
    let (a, b) = tokio::join!(register::days::correct_stored(db), register::days::correct_stored(db));
    let done: Vec<register::days::Corrected> = [a.unwrap(), b.unwrap()].into_iter().flatten().collect();
    // T1, T2 and X1 (after midnight in Almaty at UTC+6) move a day on, T1 into June; T3 (23:59
    // on 29 February at UTC+6, 22:59 at UTC+5) and the crossings after the change or in the
    // west were right. Bek's last day moves with X1; Anna's (T5) and Ali's (W2) were right.
    assert_eq!(done, vec![register::days::Corrected { crossings: 3, documents: 1, months_moved: 1 }]);
    assert_eq!(stored_days(db).await, right_days);
    assert_eq!(counts_snapshot(db).await, right_counts);
    assert_eq!(last_days().await, right_last_days);
    let records = audit::for_object(db, "data_fix", register::days::FIX).await.unwrap();
    assert_eq!(records.len(), 1);
    assert_eq!(records[0].action, "register.days_corrected");
    audit::verify(db).await.expect("the audit chain holds");
    // Once only: opening again changes nothing.
    assert_eq!(register::days::correct_stored(db).await.unwrap(), None);
    db.migrate().await.unwrap();
    assert_eq!(stored_days(db).await, right_days);
}

async fn a_name_typed_decomposed_is_the_name_typed_composed(db: &Db) {
    // Сергей with й as и + U+0306 on the renewed passport: accepted, stored composed, and the
    // same person as the first passport's.
    let text = crossings(&[
        event(
            "N1",
            "entry",
            "2026-01-10",
            "ALA",
            "P,RUS,751234567,RUS,ФЁДОРОВ,СЕРГЕЙ,1980-01-01,M,2030-01-01",
        ),
        event(
            "N2",
            "exit",
            "2026-01-20",
            "ALA",
            "P,RUS,759876543,RUS,ФЕ\u{308}ДОРОВ,СЕРГЕ\u{418}\u{306},1980-01-01,M,2036-01-01",
        ),
    ]);
    let r = import(db, RegisterFile::Crossings, &text).await;
    assert!(r.committed, "{:?}", r.errors);
    assert_eq!(person_of(db, "RUS", "751234567").await, person_of(db, "RUS", "759876543").await);
    let names: Vec<(String, String)> =
        sqlx::query_as("SELECT surname, given_names FROM register_documents ORDER BY number")
            .fetch_all(&db.pool)
            .await
            .unwrap();
    assert_eq!(names, vec![("ФЁДОРОВ".to_string(), "СЕРГЕЙ".to_string()); 2]);
    let found = person::search(db, &actor(), "ФЕ\u{308}Д", 10).await.unwrap();
    assert_eq!(found.len(), 2, "a decomposed query finds the composed names");
}

// A registration whose first day a later file corrects into another year stays one
// registration, in its new year's partition on PostgreSQL (migration 0024).
async fn a_corrected_registration_moves_to_its_year(db: &Db) {
    let file = |from: &str| {
        format!(
            "{REGISTRATION_HEADER}\nR1,stay,KZ-75,\"Abai 1, Almaty\",HOTEL ALMATY,{from},2026-02-20,{from},,,{ANNA}\n"
        )
    };
    let r = import(db, RegisterFile::Registrations, &file("2025-12-28")).await;
    assert!(r.committed, "{:?}", r.errors);
    assert_eq!((r.inserted, r.updated), (1, 0));
    let r = import(db, RegisterFile::Registrations, &file("2026-01-03")).await;
    assert!(r.committed, "{:?}", r.errors);
    assert_eq!((r.inserted, r.updated, r.unchanged), (0, 1, 0));
    let stored: Vec<(String, String)> =
        sqlx::query_as("SELECT registration_id, from_day FROM register_registrations")
            .fetch_all(&db.pool)
            .await
            .unwrap();
    assert_eq!(stored, [("R1".to_string(), "2026-01-03".to_string())]);
    if db.backend == ashyq_store::Backend::Postgres {
        let part: String = sqlx::query_scalar("SELECT tableoid::regclass::text FROM register_registrations")
            .fetch_one(&db.pool)
            .await
            .unwrap();
        assert_eq!(part, "register_registrations_y2026");
        let ids: Vec<(String, String)> =
            sqlx::query_as("SELECT registration_id, from_day FROM register_registration_ids")
                .fetch_all(&db.pool)
                .await
                .unwrap();
        assert_eq!(ids, stored);
    }
}

/// A register file of 400 persons' crossings, split in two, in a scrambled order: a fifth of
/// the persons with a second passport (the same identity), some with a document used only to be
/// refused, the instants out of order in the file, and some rows repeated as they are.
fn scrambled_crossings() -> (Vec<String>, Vec<String>) {
    let letters = |n: usize| n.to_string().bytes().map(|b| char::from(b'A' + b - b'0')).collect::<String>();
    let mut lines = Vec::new();
    for p in 0..400usize {
        let sex = if p % 2 == 0 { "M" } else { "F" };
        let who = |doc: &str| {
            format!(
                "P,UZB,{doc}{p:07},UZB,TESTOV{},ALI,1980-01-{:02},{sex},2035-01-01",
                letters(p),
                p % 28 + 1
            )
        };
        let mut docs = vec![("NA", 3)];
        if p % 5 == 0 {
            docs.push(("NB", 2));
        }
        if p % 11 == 0 {
            docs.push(("NC", 0));
        }
        let first = date(2025, 1, 1).checked_add(jiff::Span::new().days(p as i64 % 200)).unwrap();
        for (d, (doc, trips)) in docs.iter().enumerate() {
            for k in 0..*trips {
                for (j, kind) in ["entry", "exit"].iter().enumerate() {
                    let day =
                        first.checked_add(jiff::Span::new().days((d * 60 + k * 20 + j * 9) as i64)).unwrap();
                    let at = format!("{day}T{:02}:{:02}:00+05:00", 6 + p % 12, d * 10 + k);
                    let cp = ["ALA", "NQZ", "ZHZ"][(p + k) % 3];
                    lines.push(format!("M{p}-{doc}-{k}-{j},{kind},{at},{cp},{},", who(doc)));
                }
            }
            if *trips == 0 || p % 7 == 0 {
                let day = first.checked_add(jiff::Span::new().days(150)).unwrap();
                lines.push(format!("M{p}-{doc}-R,refusal,{day}T12:00:00+05:00,KHG,{},entry ban", who(doc)));
            }
        }
    }
    // A fixed scramble (a multiplicative step coprime to the count), then every 40th row again.
    let n = lines.len();
    let step = (1..).map(|k| 7919 * k + 1).find(|s: &usize| gcd(*s, n) == 1).unwrap();
    let mut scrambled: Vec<String> = (0..n).map(|i| lines[(i * step) % n].clone()).collect();
    let repeats: Vec<String> = scrambled.iter().step_by(40).cloned().collect();
    scrambled.extend(repeats);
    let second = scrambled.split_off(scrambled.len() * 3 / 5);
    (scrambled, second)
}

fn gcd(a: usize, b: usize) -> usize {
    if b == 0 { a } else { gcd(b, a % b) }
}

/// The register as stored, without its ids: each document with its last crossing and the first
/// document (by key) of its person, the persons' identities, each event with its document, the
/// counts.
#[allow(clippy::type_complexity)]
async fn register_snapshot(
    db: &Db,
) -> (
    Vec<(String, Option<String>, Option<i64>, Option<String>, Option<String>, String, String, String)>,
    Vec<(String, String, String, String, String, String)>,
    Vec<(String, String, String, i64, String, String, Option<String>)>,
    Vec<(String, String, String, String, i64)>,
) {
    let documents = sqlx::query_as(
        "SELECT d.doc_key, d.last_kind, d.last_at_us, d.last_day, d.last_checkpoint, d.surname, d.sex, \
         (SELECT MIN(o.doc_key) FROM register_documents o WHERE o.person_id = d.person_id) \
         FROM register_documents d ORDER BY d.doc_key",
    )
    .fetch_all(&db.pool)
    .await
    .unwrap();
    let crossings = sqlx::query_as(
        "SELECT c.event_id, d.doc_key, c.kind, c.at_us, c.day, c.checkpoint, c.reason FROM register_crossings c \
         JOIN register_documents d ON d.id = c.document_id ORDER BY c.event_id",
    )
    .fetch_all(&db.pool)
    .await
    .unwrap();
    let persons = sqlx::query_as(
        "SELECT match_key, surname, given_names, birth_date, sex, nationality FROM register_persons \
         ORDER BY match_key",
    )
    .fetch_all(&db.pool)
    .await
    .unwrap();
    (documents, persons, crossings, counts_snapshot(db).await)
}

/// What a report says was written.
fn written(r: &RegisterReport) -> (u64, u64, u64, u64, u64) {
    (r.inserted, r.updated, r.unchanged, r.persons_created, r.documents_created)
}

// An imported crossings file is written by statements of its own (PostgreSQL: a `COPY` merged
// by SQL; SQLite: staged, then published in slices by SQL): the register it leaves is the one
// the batch path (the API's, row by row in Rust) leaves with the same rows, two files in turn,
// with documents and persons met again in the second and on both sides of a slice.
async fn an_imported_file_stores_what_batches_of_its_rows_store(db: &Db) {
    let (first, second) = scrambled_crossings();
    assert!(first.len() > 1_000, "the first file spans more than one slice on SQLite");
    let a = import(db, RegisterFile::Crossings, &crossings(&first)).await;
    let b = import(db, RegisterFile::Crossings, &crossings(&second)).await;
    assert!(a.committed && b.committed, "{:?} {:?}", a.errors, b.errors);
    let imported = register_snapshot(db).await;
    let again = import(db, RegisterFile::Crossings, &crossings(&first)).await;
    assert_eq!(written(&again), (0, 0, first.len() as u64, 0, 0), "a second import adds nothing");
    assert_eq!(register_snapshot(db).await, imported);

    let mut clear = vec![
        "DELETE FROM register_crossings",
        "DELETE FROM register_crossing_counts",
        "DELETE FROM register_documents",
        "DELETE FROM register_persons",
    ];
    if db.backend == ashyq_store::Backend::Postgres {
        clear.push("DELETE FROM register_crossing_ids");
    }
    for statement in clear {
        sqlx::query(statement).execute(&db.pool).await.unwrap();
    }
    let records =
        |lines: &[String]| lines.iter().enumerate().map(|(i, l)| (i as u64 + 2, read(2, l))).collect();
    let x = register::store_batch(db, &actor(), &policy(), records(&first)).await.unwrap();
    let y = register::store_batch(db, &actor(), &policy(), records(&second)).await.unwrap();
    assert!(x.committed && y.committed, "{:?} {:?}", x.errors, y.errors);
    assert_eq!((written(&a), written(&b)), (written(&x), written(&y)));
    let batched = register_snapshot(db).await;
    assert_eq!(imported.1, batched.1, "persons");
    assert_eq!(imported.2.len(), batched.2.len(), "crossings");
    for (i, b) in imported.0.iter().zip(&batched.0) {
        assert_eq!(i, b, "the document as imported, then as batched");
    }
    assert_eq!(imported, batched);
    assert!(imported.0.iter().any(|d| d.1.is_none()), "a document only refused has no last crossing");
}

both_backends!(
    an_imported_file_stores_what_batches_of_its_rows_store,
    a_corrected_registration_moves_to_its_year,
    crossings_import_and_retries_are_stored_once,
    a_changed_event_is_a_conflict_and_nothing_is_written,
    bad_rows_are_named_by_row_and_column,
    a_new_passport_joins_its_person_and_merges_can_be_undone,
    status_follows_crossings_visas_and_permits,
    registrations_flag_late_notifications,
    alerts_list_permits_expiring_soon,
    an_api_batch_is_all_or_nothing,
    an_event_moved_to_another_year_is_a_conflict,
    crossing_days_are_read_on_the_checkpoints_clocks,
    days_stored_with_a_fixed_offset_are_corrected_once,
    a_name_typed_decomposed_is_the_name_typed_composed,
    a_workbook_in_the_1904_date_system_gives_the_same_dates,
);

/// SQLite stages an import before publishing it (crate::staging): a batch may not store another
/// version of an event an unfinished import has staged, but may store the same one; an import
/// left staging by a crash is discarded, one left publishing is finished, once, and audited; a
/// staged event stored otherwise behind the import's back is set aside, not half-published.
/// Both forms of staged crossings are finished: checked (published by SQL), and as read (what an
/// earlier version staged, published row by row).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staged_imports_hold_their_events_and_are_finished_after_a_crash() {
    for checked in [true, false] {
        staged_import_finished_after_a_crash(checked).await;
    }
}

async fn staged_import_finished_after_a_crash(checked: bool) {
    use ashyq_store::staging::{Counted, StagedRow, Staging};
    let t = ashyq_store::testing::sqlite().await;
    let db = &t.db;
    let header: Vec<String> = if checked {
        register::staged::header()
    } else {
        CROSSING_HEADER.split(',').map(str::to_string).collect()
    };
    let line = |id: &str, day: &str| event(id, "entry", day, "NQZ", ANNA);
    let columns =
        Columns::resolve(RegisterFile::Crossings, &CROSSING_HEADER.split(',').collect::<Vec<_>>()).unwrap();
    let record = |l: &str| {
        register_rows::read(
            &columns,
            Context { today: date(2026, 11, 21) },
            1,
            &l.split(',').collect::<Vec<_>>(),
        )
        .unwrap()
    };

    // An import staged S1 and S2, then the process died while publishing.
    let mut staging = Staging::open(db, &actor(), "register-crossings", "c.csv", jiff::Timestamp::UNIX_EPOCH)
        .await
        .unwrap();
    let rows = ["S1", "S2", "S3"]
        .iter()
        .enumerate()
        .map(|(i, id)| {
            let l = line(id, "2026-04-01");
            StagedRow {
                row: i as u64 + 2,
                key_column: "event_id",
                key: Some(id.to_string()),
                digest: Some(register::write::digest(&record(&l))),
                fields: match record(&l) {
                    register::Record::Crossing(c) if checked => register::checked::values(&c).to_vec(),
                    _ => l.split(',').map(str::to_string).collect(),
                },
            }
        })
        .collect();
    let mut tx = db.begin_write().await.unwrap();
    staging.stage(&mut tx, Some(&header), rows, &[]).await.unwrap();
    tx.commit().await.unwrap();
    staging.ready(db, &Counted { sha256: "x".into(), rows_read: 3, ..Counted::default() }).await.unwrap();

    // Another version of S1 is refused; S2 as staged is stored.
    let other = register::store_batch(db, &actor(), &policy(), vec![(1, record(&line("S1", "2026-04-02")))])
        .await
        .unwrap();
    assert!(!other.committed);
    assert!(other.errors[0].reason.english.contains("being imported"), "{:?}", other.errors);
    let same = register::store_batch(db, &actor(), &policy(), vec![(1, record(&line("S2", "2026-04-01")))])
        .await
        .unwrap();
    assert!(same.committed);
    // S3 stored as another event by a writer that did not look at the staging (as if another
    // process had, between the check and the publishing).
    sqlx::query(
        "INSERT INTO register_crossings (event_id, document_id, kind, at_us, day, checkpoint) \
         SELECT 'S3', document_id, 'exit', at_us + 1, day, checkpoint FROM register_crossings WHERE event_id = 'S2'",
    )
    .execute(&db.pool)
    .await
    .unwrap();

    // A second import, left staging: discarded. The first is finished by the next start.
    let left = Staging::open(db, &actor(), "register-crossings", "d.csv", jiff::Timestamp::UNIX_EPOCH)
        .await
        .unwrap();
    let left_id = left.import_id;
    register::import::resume(db, &policy()).await.unwrap();
    assert_eq!(count(db, "register_crossings").await, 3, "S1 published, S2 stored once, S3 left as it was");
    assert_eq!(count(db, "import_staging").await, 0);
    let states: Vec<(i64, String, i64, i64)> =
        sqlx::query_as("SELECT id, state, unchanged, rejected FROM imports ORDER BY id")
            .fetch_all(&db.pool)
            .await
            .unwrap();
    assert_eq!(states, vec![(staging.import_id, "done".to_string(), 1, 1)], "import {left_id} discarded");
    let set_aside: Vec<(i64, String)> =
        sqlx::query_as("SELECT row_no, reasons FROM import_rejects WHERE import_id = $1")
            .bind(staging.import_id)
            .fetch_all(&db.pool)
            .await
            .unwrap();
    assert_eq!(set_aside.len(), 1, "{set_aside:?}");
    assert_eq!(set_aside[0].0, 4, "S3 is row 4 of the file");
    assert!(set_aside[0].1.contains("up-why-stored-otherwise"), "{set_aside:?}");
    let kind: String = sqlx::query_scalar("SELECT kind FROM register_crossings WHERE event_id = 'S3'")
        .fetch_one(&db.pool)
        .await
        .unwrap();
    assert_eq!(kind, "exit", "the stored event is not overwritten");
    register::import::resume(db, &policy()).await.unwrap();
    let audited = audit::for_object(db, "import", &staging.import_id.to_string()).await.unwrap();
    assert_eq!(audited.len(), 1, "finished once: {audited:?}");
    audit::verify(db).await.unwrap();
    t.cleanup().await;
}

/// A month written `YYYY-MM`.
fn month(text: &str) -> ashyq_core::month::Month {
    ashyq_core::month::Month::parse(text).expect("a month")
}
