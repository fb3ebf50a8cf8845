//! The two backends' schemas are the same: the migration folders list the same files, and a
//! fresh SQLite and a fresh PostgreSQL database, migrated, have the same tables with the same
//! columns — each of the same type class and nullability — and the same primary keys.
//!
//! PostgreSQL may split a table into partitions (children in `pg_inherits`, `relispartition`):
//! those are not tables of the schema and are not listed; the partitioned table is compared as
//! one table. A difference that is meant to be (a PostgreSQL-only key table, a primary key that
//! must hold the partition key) is listed in [`ACCEPTED`] with its reason; the test fails on any
//! other difference, and on an accepted one that no longer occurs.

use ashyq_store::Db;
use ashyq_store::testing::{self, POSTGRES_URL_VAR};
use sqlx::Row;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// Differences meant to be, as [`differences`] words them, each with why.
const ACCEPTED: &[(&str, &str)] = &[
    (
        "table register_crossing_ids: on PostgreSQL only",
        "the crossings are partitioned by year on PostgreSQL (migration 0023); this table keeps each event id \
         unique across the partitions, which SQLite's single table does by its own key",
    ),
    (
        "table register_crossings: primary key: SQLite (event_id), PostgreSQL (event_id, at_us)",
        "a partitioned table's keys must hold its partition key, the instant (migration 0023)",
    ),
    (
        "table vacancy_ids: on PostgreSQL only",
        "vacancies are partitioned by year on PostgreSQL (migration 0024); this table keeps each vacancy id \
         unique across the partitions, with the date its row has now",
    ),
    (
        "table vacancies: primary key: SQLite (vacancy_id), PostgreSQL (vacancy_id, posted_on)",
        "a partitioned table's keys must hold its partition key, the date posted (migration 0024)",
    ),
    (
        "table work_permit_ids: on PostgreSQL only",
        "work permits are partitioned by year on PostgreSQL (migration 0024); this table keeps each permit id \
         unique across the partitions, with the date its row has now",
    ),
    (
        "table work_permits: primary key: SQLite (permit_id), PostgreSQL (permit_id, issued_on)",
        "a partitioned table's keys must hold its partition key, the date issued (migration 0024)",
    ),
    (
        "table register_registration_ids: on PostgreSQL only",
        "registrations are partitioned by year on PostgreSQL (migration 0024); this table keeps each \
         registration id unique across the partitions, with the date its row has now",
    ),
    (
        "table register_registrations: primary key: SQLite (registration_id), PostgreSQL (registration_id, from_day)",
        "a partitioned table's keys must hold its partition key, the first day of the stay (migration 0024)",
    ),
];

/// What a column holds, as both backends can agree on it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Class {
    Integer,
    Text,
    Blob,
    Real,
    /// A type the conventions do not use (`NUMERIC`, `BOOLEAN`, `TIMESTAMP`, PostgreSQL's
    /// 32-bit `integer`…), by its name on its backend: never equal to the other's.
    Other(String),
}

impl fmt::Display for Class {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Class::Integer => f.write_str("integer"),
            Class::Text => f.write_str("text"),
            Class::Blob => f.write_str("blob"),
            Class::Real => f.write_str("real"),
            Class::Other(name) => write!(f, "{name}"),
        }
    }
}

/// The class of a SQLite declared type, by SQLite's own affinity rules (in their order), with
/// `NUMERIC` affinity (`NUMERIC`, `DECIMAL`, `BOOLEAN`, `DATETIME`…) kept apart.
fn sqlite_class(declared: &str) -> Class {
    let t = declared.to_ascii_uppercase();
    if t.contains("INT") {
        Class::Integer
    } else if t.contains("CHAR") || t.contains("CLOB") || t.contains("TEXT") {
        Class::Text
    } else if t.contains("BLOB") || t.is_empty() {
        Class::Blob
    } else if t.contains("REAL") || t.contains("FLOA") || t.contains("DOUB") {
        Class::Real
    } else {
        Class::Other(format!("sqlite {declared}"))
    }
}

/// The class of a PostgreSQL `information_schema.columns.data_type`. Integers are `BIGINT`
/// only: the `Any` driver reads them as `i64`.
fn postgres_class(data_type: &str) -> Class {
    match data_type {
        "bigint" => Class::Integer,
        "text" | "character varying" | "character" => Class::Text,
        "bytea" => Class::Blob,
        "double precision" => Class::Real,
        other => Class::Other(format!("postgres {other}")),
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Column {
    class: Class,
    nullable: bool,
}

impl fmt::Display for Column {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.class, if self.nullable { "null" } else { "not null" })
    }
}

#[derive(Debug, Default, PartialEq, Eq)]
struct Table {
    columns: BTreeMap<String, Column>,
    primary_key: Vec<String>,
}

type Schema = BTreeMap<String, Table>;

const MIGRATIONS_TABLE: &str = "_sqlx_migrations";

async fn sqlite_schema(db: &Db) -> Schema {
    let tables: Vec<String> = sqlx::query(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .fetch_all(&db.pool)
    .await
    .unwrap()
    .iter()
    .map(|r| r.get::<String, _>("name"))
    .filter(|t| t != MIGRATIONS_TABLE)
    .collect();
    let mut schema = Schema::new();
    for t in tables {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT name, type, \"notnull\" AS not_null, pk FROM pragma_table_info('{t}') ORDER BY cid"
        )))
        .fetch_all(&db.pool)
        .await
        .unwrap();
        let mut table = Table::default();
        let mut key: Vec<(i64, String)> = Vec::new();
        for r in rows {
            let name: String = r.get("name");
            let pk: i64 = r.get("pk");
            if pk > 0 {
                key.push((pk, name.clone()));
            }
            // A primary key's columns are NOT NULL on PostgreSQL; SQLite says so only of an
            // INTEGER PRIMARY KEY (it is the rowid) but the key is compared below.
            let nullable = r.get::<i64, _>("not_null") == 0 && pk == 0;
            table.columns.insert(name, Column { class: sqlite_class(&r.get::<String, _>("type")), nullable });
        }
        key.sort();
        table.primary_key = key.into_iter().map(|(_, c)| c).collect();
        schema.insert(t, table);
    }
    schema
}

async fn postgres_schema(db: &Db) -> Schema {
    // Ordinary and partitioned tables of the test's schema; partitions and inheritance
    // children are parts of a table, not tables.
    let tables: Vec<String> = sqlx::query(
        "SELECT c.relname::text AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace \
         WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition \
         AND NOT EXISTS (SELECT 1 FROM pg_inherits i WHERE i.inhrelid = c.oid) ORDER BY 1",
    )
    .fetch_all(&db.pool)
    .await
    .unwrap()
    .iter()
    .map(|r| r.get::<String, _>("name"))
    .filter(|t| t != MIGRATIONS_TABLE)
    .collect();
    let mut schema = Schema::new();
    for t in tables {
        let mut table = Table::default();
        let rows = sqlx::query(
            "SELECT column_name::text AS name, data_type::text AS data_type, is_nullable::text AS nullable \
             FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 \
             ORDER BY ordinal_position",
        )
        .bind(&t)
        .fetch_all(&db.pool)
        .await
        .unwrap();
        for r in rows {
            let column = Column {
                class: postgres_class(&r.get::<String, _>("data_type")),
                nullable: r.get::<String, _>("nullable") == "YES",
            };
            table.columns.insert(r.get("name"), column);
        }
        table.primary_key = sqlx::query(
            "SELECT k.column_name::text AS name FROM information_schema.table_constraints c \
             JOIN information_schema.key_column_usage k ON k.constraint_schema = c.constraint_schema \
             AND k.constraint_name = c.constraint_name AND k.table_name = c.table_name \
             WHERE c.table_schema = current_schema() AND c.table_name = $1 AND c.constraint_type = 'PRIMARY KEY' \
             ORDER BY k.ordinal_position",
        )
        .bind(&t)
        .fetch_all(&db.pool)
        .await
        .unwrap()
        .iter()
        .map(|r| r.get::<String, _>("name"))
        .collect();
        schema.insert(t, table);
    }
    schema
}

/// Every difference between the schemas, one line each.
fn differences(sqlite: &Schema, postgres: &Schema) -> Vec<String> {
    let mut out = Vec::new();
    let names: BTreeSet<&String> = sqlite.keys().chain(postgres.keys()).collect();
    for name in names {
        let (s, p) = match (sqlite.get(name), postgres.get(name)) {
            (Some(s), Some(p)) => (s, p),
            (Some(_), None) => {
                out.push(format!("table {name}: on SQLite only"));
                continue;
            }
            (None, _) => {
                out.push(format!("table {name}: on PostgreSQL only"));
                continue;
            }
        };
        let columns: BTreeSet<&String> = s.columns.keys().chain(p.columns.keys()).collect();
        for c in columns {
            match (s.columns.get(c), p.columns.get(c)) {
                (Some(a), Some(b)) if a == b => {}
                (Some(a), Some(b)) => {
                    out.push(format!("table {name}: column {c}: SQLite {a}, PostgreSQL {b}"))
                }
                (Some(_), None) => out.push(format!("table {name}: column {c}: on SQLite only")),
                (None, _) => out.push(format!("table {name}: column {c}: on PostgreSQL only")),
            }
        }
        if s.primary_key != p.primary_key {
            out.push(format!(
                "table {name}: primary key: SQLite ({}), PostgreSQL ({})",
                s.primary_key.join(", "),
                p.primary_key.join(", ")
            ));
        }
    }
    out
}

fn migration_names(backend: &str) -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations").join(backend);
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn both_backends_have_the_same_migration_files() {
    let sqlite = migration_names("sqlite");
    assert!(!sqlite.is_empty());
    assert_eq!(sqlite, migration_names("postgres"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn both_backends_have_the_same_tables_columns_types_and_keys() {
    let lite = testing::sqlite().await;
    let sqlite = sqlite_schema(&lite.db).await;
    lite.cleanup().await;
    assert!(sqlite.contains_key("users") && sqlite.contains_key("audit_log"), "{:?}", sqlite.keys());
    // Every column is of a class the conventions allow (no NUMERIC, no BOOLEAN, no TIMESTAMP).
    for (t, table) in &sqlite {
        for (c, col) in &table.columns {
            assert!(!matches!(col.class, Class::Other(_)), "table {t}: column {c}: {col}");
        }
    }
    let Some(pg) = testing::postgres().await else {
        eprintln!("the schemas were not compared: {POSTGRES_URL_VAR} is not set");
        return;
    };
    let postgres = postgres_schema(&pg.db).await;
    pg.cleanup().await;
    let found = differences(&sqlite, &postgres);
    let unexpected: Vec<&String> = found.iter().filter(|d| !ACCEPTED.iter().any(|(a, _)| a == d)).collect();
    assert!(unexpected.is_empty(), "the backends' schemas differ:\n{}", join(&unexpected));
    let stale: Vec<&str> =
        ACCEPTED.iter().map(|(a, _)| *a).filter(|a| !found.iter().any(|d| d == a)).collect();
    assert!(stale.is_empty(), "accepted differences that no longer occur:\n{}", stale.join("\n"));
}

fn join(lines: &[&String]) -> String {
    lines.iter().map(|l| l.as_str()).collect::<Vec<_>>().join("\n")
}

#[test]
fn a_difference_is_named_by_table_and_column() {
    let col = |class, nullable| Column { class, nullable };
    let mut a = Schema::new();
    let mut b = Schema::new();
    let mut t = Table { primary_key: vec!["id".into()], ..Table::default() };
    t.columns.insert("id".into(), col(Class::Integer, false));
    t.columns.insert("name".into(), col(Class::Text, true));
    let mut u = Table { primary_key: vec!["id".into()], ..Table::default() };
    u.columns.insert("id".into(), col(Class::Integer, false));
    u.columns.insert("name".into(), col(Class::Text, false));
    u.columns.insert("extra".into(), col(postgres_class("integer"), true));
    a.insert("t".into(), t);
    b.insert("t".into(), u);
    b.insert("only_pg".into(), Table::default());
    assert_eq!(
        differences(&a, &b),
        [
            "table only_pg: on PostgreSQL only",
            "table t: column extra: on PostgreSQL only",
            "table t: column name: SQLite text null, PostgreSQL text not null",
        ]
    );
    assert_eq!(sqlite_class("INTEGER"), postgres_class("bigint"));
    assert_ne!(sqlite_class("INTEGER"), postgres_class("integer"));
    assert_eq!(sqlite_class("BLOB"), postgres_class("bytea"));
    assert_ne!(sqlite_class("NUMERIC"), postgres_class("numeric"));
    assert_ne!(sqlite_class("TEXT"), postgres_class("boolean"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn partitions_are_parts_of_their_table_not_tables() {
    let Some(pg) = testing::postgres().await else {
        eprintln!("not run on PostgreSQL: {POSTGRES_URL_VAR} is not set");
        return;
    };
    for sql in [
        "CREATE TABLE probe (id BIGINT NOT NULL, at_us BIGINT NOT NULL, PRIMARY KEY (id, at_us)) PARTITION BY RANGE (at_us)",
        "CREATE TABLE probe_2025 PARTITION OF probe FOR VALUES FROM (1735689600000000) TO (1767225600000000)",
        "CREATE TABLE probe_2026 PARTITION OF probe FOR VALUES FROM (1767225600000000) TO (1798761600000000)",
        "CREATE TABLE probe_base (id BIGINT)",
        "CREATE TABLE probe_child (note TEXT) INHERITS (probe_base)",
        "ALTER TABLE users ADD COLUMN probe_flag BOOLEAN",
    ] {
        sqlx::query(sqlx::AssertSqlSafe(sql)).execute(&pg.db.pool).await.unwrap();
    }
    let postgres = postgres_schema(&pg.db).await;
    pg.cleanup().await;
    let probe = postgres.get("probe").expect("the partitioned table is a table");
    assert_eq!(probe.primary_key, ["id", "at_us"]);
    assert_eq!(probe.columns["at_us"], Column { class: Class::Integer, nullable: false });
    let lite = testing::sqlite().await;
    let sqlite = sqlite_schema(&lite.db).await;
    lite.cleanup().await;
    // Only the tables themselves differ, and the column added on one side, by its type too.
    let found: Vec<String> = differences(&sqlite, &postgres)
        .into_iter()
        .filter(|d| !ACCEPTED.iter().any(|(a, _)| a == d))
        .collect();
    assert_eq!(
        found,
        [
            "table probe: on PostgreSQL only",
            "table probe_base: on PostgreSQL only",
            "table users: column probe_flag: on PostgreSQL only",
        ]
    );
}
