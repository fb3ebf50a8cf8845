//! Migrations that move data, on both backends:
//! - 0022: money kept three ways (whole tenge, decimal text) becomes tiyn, every amount kept —
//!   whole tenge × 100, decimals rounded to the tiyn half away from zero — and text that is not
//!   an amount, or an amount past the range, stops the migration with nothing changed;
//! - 0024: stored vacancies, work permits and registrations move into their years' partitions
//!   on PostgreSQL (SQLite's tables stay as they are), every row kept, and the writers go on.

use ashyq_core::money::Tenge;
use ashyq_store::Db;
use ashyq_store::cases::solvency;
use ashyq_store::testing::TestDb;
use sqlx::Row;
use sqlx::migrate::Migrator;

static SQLITE: Migrator = sqlx::migrate!("./migrations/sqlite");
static POSTGRES: Migrator = sqlx::migrate!("./migrations/postgres");

const BEFORE: i64 = 21;
const MONEY: i64 = 22;
const BEFORE_PARTITIONS: i64 = 23;

fn migrator(db: &Db) -> &'static Migrator {
    match db.backend {
        ashyq_store::Backend::Sqlite => &SQLITE,
        ashyq_store::Backend::Postgres => &POSTGRES,
    }
}

async fn exec(db: &Db, sql: &str) {
    sqlx::query(sqlx::AssertSqlSafe(sql.to_string())).execute(&db.pool).await.unwrap();
}

/// A database migrated to just before the money migration, with a permit to confirm solvency
/// on, a contest year and a vacancies' import.
async fn before_money(t: &TestDb) {
    migrator(&t.db).run_to(BEFORE, &t.db.pool).await.unwrap();
    for sql in [
        "INSERT INTO users (id, username, display_name, role, password_hash, created_at_us, updated_at_us) \
         VALUES (1, 'holder', 'Holder', 'applicant', 'x', 0, 0)",
        "INSERT INTO cases (id, reference, applicant_id, programme, region, status, holder, facts, applied_on, \
         created_at_us, updated_at_us) VALUES (1, 'c-1', 1, 'permanent-residence', 'KZ-75', 'approved', '{}', '{}', \
         '2026-01-10', 0, 0)",
        "INSERT INTO case_permits (id, number, case_id, programme, kind, holder_id, holder, region, valid_from, \
         valid_until, rights, conditions, issued_at_us) VALUES (1, 'PR-2026-000001', 1, 'permanent-residence', \
         'permanent_residence', 1, '{}', 'KZ-75', '2026-01-10', '2036-01-09', '[]', '[]', 0)",
        "INSERT INTO paryz_years (year, status, opened_by, opened_at_us) VALUES (2026, 'open', 'cli', 0)",
    ] {
        exec(&t.db, sql).await;
    }
}

async fn solvency_row(db: &Db, id: i64, amount: &str) {
    sqlx::query(
        "INSERT INTO solvency_confirmations (id, permit_id, amount_kzt, kazakh_bank, certified_on, filed_by, filed_at_us) \
         VALUES ($1, 1, $2, 1, $3, 'holder', 0)",
    )
    .bind(id)
    .bind(amount)
    .bind(format!("2026-02-{id:02}"))
    .execute(&db.pool)
    .await
    .unwrap();
}

async fn kandas_row(db: &Db, id: i64, total: Option<&str>) {
    sqlx::query(
        "INSERT INTO kandas_applications (id, reference, region, status, applicant, origin, family_size, facts, \
         filed_on, filed_by, total_kzt, created_at_us, updated_at_us) \
         VALUES ($1, $2, 'KZ-59', 'assigned', 'A', 'UZB', 2, '{}', '2026-01-05', 'cli', $3, 0, 0)",
    )
    .bind(id)
    .bind(format!("k-{id}"))
    .bind(total)
    .execute(&db.pool)
    .await
    .unwrap();
}

async fn nomination_row(db: &Db, id: i64, investment: i64) {
    sqlx::query(
        "INSERT INTO paryz_nominations (id, reference, year, nominee, country, business, sector, contribution, \
         jobs_created, investment_kzt, nominated_by, created_at_us) \
         VALUES ($1, $2, 2026, 'N', 'TUR', 'B', 'textiles', 'C', 3, $3, 'cli', 0)",
    )
    .bind(id)
    .bind(format!("n-{id}"))
    .bind(investment)
    .execute(&db.pool)
    .await
    .unwrap();
}

async fn vacancy_row(db: &Db, id: &str, salary: Option<i64>) {
    sqlx::query(
        "INSERT INTO vacancies (vacancy_id, posted_on, status, region, occupation, positions, salary_kzt, \
         employer_bin, title, import_id) VALUES ($1, '2026-01-05', 'open', 'KZ-75', '2512', 1, $2, \
         '000740001307', 'T', 1)",
    )
    .bind(id)
    .bind(salary)
    .execute(&db.pool)
    .await
    .unwrap();
}

async fn tiyn_of(db: &Db, sql: &str) -> Vec<(String, Option<i64>)> {
    sqlx::query(sqlx::AssertSqlSafe(sql.to_string()))
        .fetch_all(&db.pool)
        .await
        .unwrap()
        .iter()
        .map(|r| (r.get::<String, _>(0), r.get::<Option<i64>, _>(1)))
        .collect()
}

fn pairs(v: &[(&str, Option<i64>)]) -> Vec<(String, Option<i64>)> {
    v.iter().map(|(k, t)| (k.to_string(), *t)).collect()
}

async fn every_amount_becomes_tiyn(t: &TestDb) {
    let db = &t.db;
    before_money(t).await;
    // As filed (checked to the tiyn), and, to hold the rule, digits below it.
    for (id, amount) in [
        (1, "6000000"),
        (2, "7000000.5"),
        (3, "0.10"),
        (4, "1.005"),
        (5, "2.0049"),
        (6, "12.345"),
        (7, " 8.999 "),
    ] {
        solvency_row(db, id, amount).await;
    }
    kandas_row(db, 1, Some("2768000")).await;
    kandas_row(db, 2, Some("59967.575")).await;
    kandas_row(db, 3, None).await;
    kandas_row(db, 4, Some("-1.005")).await;
    nomination_row(db, 1, 500_000_000).await;
    nomination_row(db, 2, 0).await;
    vacancy_row(db, "V-1", Some(450_000)).await;
    vacancy_row(db, "V-2", None).await;

    migrator(db).run_to(MONEY, &db.pool).await.unwrap();

    let solvency =
        tiyn_of(db, "SELECT certified_on, amount_tiyn FROM solvency_confirmations ORDER BY certified_on")
            .await;
    assert_eq!(
        solvency,
        pairs(&[
            ("2026-02-01", Some(600_000_000)),
            ("2026-02-02", Some(700_000_050)),
            ("2026-02-03", Some(10)),
            ("2026-02-04", Some(101)),
            ("2026-02-05", Some(200)),
            ("2026-02-06", Some(1235)),
            ("2026-02-07", Some(900)),
        ])
    );
    let kandas = tiyn_of(db, "SELECT reference, total_tiyn FROM kandas_applications ORDER BY id").await;
    assert_eq!(
        kandas,
        pairs(&[("k-1", Some(276_800_000)), ("k-2", Some(5_996_758)), ("k-3", None), ("k-4", Some(-101))])
    );
    let paryz = tiyn_of(db, "SELECT reference, investment_tiyn FROM paryz_nominations ORDER BY id").await;
    assert_eq!(paryz, pairs(&[("n-1", Some(50_000_000_000)), ("n-2", Some(0))]));
    let vacancies = tiyn_of(db, "SELECT vacancy_id, salary_tiyn FROM vacancies ORDER BY vacancy_id").await;
    assert_eq!(vacancies, pairs(&[("V-1", Some(45_000_000)), ("V-2", None)]));

    // The old columns are gone; the store reads the new ones.
    for (table, column) in [
        ("solvency_confirmations", "amount_kzt"),
        ("kandas_applications", "total_kzt"),
        ("paryz_nominations", "investment_kzt"),
        ("vacancies", "salary_kzt"),
    ] {
        let q = format!("SELECT {column} FROM {table}");
        assert!(sqlx::query(sqlx::AssertSqlSafe(q)).fetch_all(&db.pool).await.is_err(), "{table}.{column}");
    }
    let filed = solvency::of_permit(db, 1).await.unwrap();
    assert_eq!(filed[0].amount, Tenge::from_tiyn(900));
    assert_eq!(filed.last().unwrap().amount, "6000000".parse().unwrap());
    // The rebuilt table keeps its key: the same certificate date twice is refused.
    let again = sqlx::query(
        "INSERT INTO solvency_confirmations (permit_id, amount_tiyn, kazakh_bank, certified_on, filed_by, filed_at_us) \
         VALUES (1, 5, 1, '2026-02-01', 'holder', 0)",
    )
    .execute(&db.pool)
    .await;
    assert!(again.is_err(), "UNIQUE (permit_id, certified_on) is lost");
    // And nothing is left NULL that must not be.
    let missing = sqlx::query(
        "INSERT INTO solvency_confirmations (permit_id, kazakh_bank, certified_on, filed_by, filed_at_us) \
         VALUES (1, 1, '2026-03-01', 'holder', 0)",
    )
    .execute(&db.pool)
    .await;
    assert!(missing.is_err(), "amount_tiyn is NOT NULL");
}

/// A database before the money migration with one bad amount: the migration fails and leaves
/// everything as it was.
async fn refused(t: &TestDb, bad: impl AsyncFnOnce(&Db)) {
    let db = &t.db;
    before_money(t).await;
    solvency_row(db, 1, "6000000").await;
    kandas_row(db, 1, Some("2768000")).await;
    bad(db).await;
    assert!(migrator(db).run_to(MONEY, &db.pool).await.is_err(), "the migration went through");
    let applied: i64 = sqlx::query("SELECT COUNT(*) AS n FROM _sqlx_migrations WHERE version = $1")
        .bind(MONEY)
        .fetch_one(&db.pool)
        .await
        .unwrap()
        .get("n");
    assert_eq!(applied, 0);
    let amount: String = sqlx::query("SELECT amount_kzt FROM solvency_confirmations")
        .fetch_one(&db.pool)
        .await
        .unwrap()
        .get(0);
    assert_eq!(amount, "6000000");
    let total: Option<String> = sqlx::query("SELECT total_kzt FROM kandas_applications WHERE id = 1")
        .fetch_one(&db.pool)
        .await
        .unwrap()
        .get(0);
    assert_eq!(total.as_deref(), Some("2768000"));
}

async fn text_that_is_not_an_amount_stops_it(t: &TestDb) {
    refused(t, async |db: &Db| kandas_row(db, 2, Some("12,5")).await).await;
}

async fn an_amount_past_the_range_stops_it(t: &TestDb) {
    refused(t, async |db: &Db| nomination_row(db, 1, i64::MAX / 10).await).await;
}

async fn a_decimal_past_the_range_stops_it(t: &TestDb) {
    refused(t, async |db: &Db| solvency_row(db, 2, "92233720368547758.08").await).await;
}

/// Rows of `sql` as text.
async fn texts(db: &Db, sql: &str) -> Vec<(String, String)> {
    sqlx::query_as(sqlx::AssertSqlSafe(sql.to_string())).fetch_all(&db.pool).await.unwrap()
}

async fn stored_events_move_into_their_years(t: &TestDb) {
    let db = &t.db;
    migrator(db).run_to(BEFORE_PARTITIONS, &db.pool).await.unwrap();
    for sql in [
        "INSERT INTO vacancies (vacancy_id, posted_on, status, region, occupation, positions, salary_tiyn, \
         employer_bin, title, import_id) VALUES ('V-1', '2024-12-30', 'open', 'KZ-75', '2512', 1, NULL, \
         '000740001307', 'T', 1), ('V-2', '2025-01-02', 'open', 'KZ-75', '2512', 1, 100, '000740001307', 'T', 1)",
        "INSERT INTO work_permits (permit_id, issued_on, valid_until, region, occupation, employer_bin, \
         citizenship, category, workers, import_id) VALUES ('P-1', '2023-06-01', '2024-05-31', 'KZ-75', '2146', \
         '000740001307', 'TUR', '3', 4, 1)",
        "INSERT INTO register_persons (id, match_key, surname, given_names, birth_date, sex, nationality, \
         created_at_us) VALUES (1, 'k', 'MUELLER', 'ANNA', '1990-01-01', 'F', 'DEU', 0)",
        "INSERT INTO register_documents (id, doc_key, issuing_state, number, document_type, person_id, surname, \
         given_names, birth_date, sex, nationality, expiry_date, created_at_us) VALUES (1, 'DEU:C01X00T47', \
         'DEU', 'C01X00T47', 'P', 1, 'MUELLER', 'ANNA', '1990-01-01', 'F', 'DEU', '2030-01-01', 0)",
        "INSERT INTO register_registrations (registration_id, kind, document_id, region, address, host, from_day, \
         until_day, late) VALUES ('R1', 'stay', 1, 'KZ-75', 'Abai 1', 'HOTEL', '2025-12-28', '2026-02-20', 0)",
    ] {
        exec(db, sql).await;
    }
    migrator(db).run(&db.pool).await.unwrap();
    let vacancies = "SELECT vacancy_id, posted_on FROM vacancies ORDER BY vacancy_id";
    let pairs =
        |v: &[(&str, &str)]| v.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect::<Vec<_>>();
    assert_eq!(texts(db, vacancies).await, pairs(&[("V-1", "2024-12-30"), ("V-2", "2025-01-02")]));
    assert_eq!(
        texts(db, "SELECT permit_id, issued_on FROM work_permits").await,
        pairs(&[("P-1", "2023-06-01")])
    );
    let registrations = "SELECT registration_id, from_day FROM register_registrations";
    assert_eq!(texts(db, registrations).await, pairs(&[("R1", "2025-12-28")]));
    if db.backend == ashyq_store::Backend::Postgres {
        let parts = "SELECT vacancy_id, tableoid::regclass::text FROM vacancies ORDER BY vacancy_id";
        assert_eq!(texts(db, parts).await, pairs(&[("V-1", "vacancies_y2024"), ("V-2", "vacancies_y2025")]));
        let parts = "SELECT permit_id, tableoid::regclass::text FROM work_permits";
        assert_eq!(texts(db, parts).await, pairs(&[("P-1", "work_permits_y2023")]));
        let parts = "SELECT registration_id, tableoid::regclass::text FROM register_registrations";
        assert_eq!(texts(db, parts).await, pairs(&[("R1", "register_registrations_y2025")]));
        let ids = "SELECT vacancy_id, posted_on FROM vacancy_ids ORDER BY vacancy_id";
        assert_eq!(texts(db, ids).await, texts(db, vacancies).await);
        // A registration must still name a stored document.
        let orphan = sqlx::query(
            "INSERT INTO register_registrations (registration_id, kind, document_id, region, address, host, \
             from_day, until_day, late) VALUES ('R2', 'stay', 99, 'KZ-75', 'A', 'H', '2025-12-28', '2026-01-02', 0)",
        )
        .execute(&db.pool)
        .await;
        assert!(orphan.is_err(), "the registrations' foreign key survives the migration");
    }
}

macro_rules! on_both {
    ($($name:ident),* $(,)?) => {$(
        mod $name {
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                let t = ashyq_store::testing::sqlite_empty().await;
                super::$name(&t).await;
                t.cleanup().await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                let Some(t) = ashyq_store::testing::postgres_empty().await else {
                    eprintln!("not run on PostgreSQL: {} is not set", ashyq_store::testing::POSTGRES_URL_VAR);
                    return;
                };
                super::$name(&t).await;
                t.cleanup().await;
            }
        }
    )*};
}

on_both!(
    stored_events_move_into_their_years,
    every_amount_becomes_tiyn,
    text_that_is_not_an_amount_stops_it,
    an_amount_past_the_range_stops_it,
    a_decimal_past_the_range_stops_it,
);
