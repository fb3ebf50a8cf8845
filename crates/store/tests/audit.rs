//! The audit chain on both backends: appends link up, concurrent appends queue, and tampering
//! with a stored record is found and named.

use ashyq_core::audit::Broken;
use ashyq_store::audit::{self, Event};
use ashyq_store::{Actor, Backend, Db, StoreError, both_backends};

async fn append_n(db: &Db, n: usize) {
    let actor = Actor::cli();
    for i in 0..n {
        let id = i.to_string();
        audit::record(db, &actor, Event::new("test.event", "thing", &id).detail(serde_json::json!({"i": i})))
            .await
            .unwrap();
    }
}

/// What an intruder with write access to the database would do: lift the append-only guard.
async fn lift_guard(db: &Db) {
    let sqls: &[&'static str] = match db.backend {
        Backend::Sqlite => &["DROP TRIGGER audit_log_no_update", "DROP TRIGGER audit_log_no_delete"],
        Backend::Postgres => &["ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete"],
    };
    for sql in sqls {
        sqlx::query(*sql).execute(&db.pool).await.unwrap();
    }
}

async fn appends_chain_and_verify(db: &Db) {
    assert_eq!(audit::verify(db).await.unwrap(), 0);
    append_n(db, 5).await;
    assert_eq!(audit::verify(db).await.unwrap(), 5);
    let tail = audit::tail(db, 3).await.unwrap();
    assert_eq!(tail.iter().map(|r| r.seq).collect::<Vec<_>>(), vec![5, 4, 3]);
    assert_eq!(tail[0].prev_hash, tail[1].hash);
}

async fn the_log_is_append_only(db: &Db) {
    append_n(db, 2).await;
    let upd = sqlx::query("UPDATE audit_log SET action = 'x' WHERE seq = 1").execute(&db.pool).await;
    assert!(upd.unwrap_err().to_string().contains("append-only"));
    let del = sqlx::query("DELETE FROM audit_log WHERE seq = 2").execute(&db.pool).await;
    assert!(del.unwrap_err().to_string().contains("append-only"));
    assert_eq!(audit::verify(db).await.unwrap(), 2);
}

async fn concurrent_appends_never_fork(db: &Db) {
    let tasks: Vec<_> = (0..16)
        .map(|t| {
            let db = db.clone();
            tokio::spawn(async move {
                let actor = Actor::cli();
                for i in 0..5 {
                    let id = format!("{t}-{i}");
                    audit::record(&db, &actor, Event::new("test.concurrent", "thing", &id)).await.unwrap();
                }
            })
        })
        .collect();
    for t in tasks {
        t.await.unwrap();
    }
    assert_eq!(audit::verify(db).await.unwrap(), 80);
}

async fn an_altered_record_is_named(db: &Db) {
    append_n(db, 6).await;
    lift_guard(db).await;
    sqlx::query("UPDATE audit_log SET object_id = 'someone else' WHERE seq = 4")
        .execute(&db.pool)
        .await
        .unwrap();
    match audit::verify(db).await {
        Err(StoreError::AuditBroken(b)) => {
            assert_eq!(b, Broken::Altered { seq: 4 });
            assert!(b.to_string().starts_with("record 4:"), "{b}");
        }
        other => panic!("tampering not found: {other:?}"),
    }
}

async fn a_removed_record_is_named(db: &Db) {
    append_n(db, 6).await;
    lift_guard(db).await;
    sqlx::query("DELETE FROM audit_log WHERE seq = 3").execute(&db.pool).await.unwrap();
    match audit::verify(db).await {
        Err(StoreError::AuditBroken(b)) => assert_eq!(b, Broken::Missing { seq: 4, expected: 3 }),
        other => panic!("removal not found: {other:?}"),
    }
}

async fn removed_last_records_are_named(db: &Db) {
    append_n(db, 6).await;
    lift_guard(db).await;
    sqlx::query("DELETE FROM audit_log WHERE seq >= 5").execute(&db.pool).await.unwrap();
    match audit::verify(db).await {
        Err(StoreError::AuditBroken(b)) => assert_eq!(b.seq(), 5, "{b}"),
        other => panic!("truncation not found: {other:?}"),
    }
}

both_backends!(
    appends_chain_and_verify,
    the_log_is_append_only,
    concurrent_appends_never_fork,
    an_altered_record_is_named,
    a_removed_record_is_named,
    removed_last_records_are_named,
);

#[test]
fn both_backends_have_the_same_migrations() {
    let names = |backend: &str| {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations").join(backend);
        let mut v: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    };
    let sqlite = names("sqlite");
    assert!(!sqlite.is_empty());
    assert_eq!(sqlite, names("postgres"));
}
