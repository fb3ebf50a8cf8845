//! The audit chain on both backends: appends link up, concurrent appends queue, tampering
//! with a stored record is found and named, and a chain cut or rewritten whole (which the chain
//! alone cannot show) is found behind a signed checkpoint.

use ashyq_core::audit::checkpoint::{self, Behind, Checkpoint, SigningKey};
use ashyq_core::audit::{Broken, record_hash};
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

fn signing_key() -> SigningKey {
    checkpoint::key_from_seed([42; 32])
}

/// A signed checkpoint that survives the trip through its file and verifies.
async fn signed(db: &Db) -> Checkpoint {
    let cp = audit::checkpoint(db, &signing_key()).await.unwrap();
    let back = Checkpoint::from_json(&cp.to_json()).unwrap();
    back.verify(&signing_key().verifying_key()).unwrap();
    back
}

async fn holds(db: &Db, cp: &Checkpoint) -> Result<(), Behind> {
    audit::check_checkpoint(db, cp).await.unwrap()
}

/// What an intruder does after cutting or rewriting records: sets the head to the log's new end.
async fn rewrite_head(db: &Db) {
    let (seq, hash): (i64, String) = match audit::tail(db, 1).await.unwrap().pop() {
        Some(r) => (r.seq, r.hash),
        None => (0, ashyq_core::audit::GENESIS_HASH.into()),
    };
    sqlx::query("UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1")
        .bind(seq)
        .bind(hash)
        .execute(&db.pool)
        .await
        .unwrap();
}

async fn an_intact_chain_holds_its_checkpoints(db: &Db) {
    let empty = signed(db).await;
    assert_eq!((empty.seq, empty.hash.as_str()), (0, ashyq_core::audit::GENESIS_HASH));
    append_n(db, 3).await;
    let third = signed(db).await;
    assert_eq!(third.seq, 3);
    assert_eq!(third.hash, audit::tail(db, 1).await.unwrap()[0].hash);
    append_n(db, 4).await;
    let seventh = signed(db).await;
    assert_eq!(audit::verify(db).await.unwrap(), 7);
    for cp in [&empty, &third, &seventh] {
        assert_eq!(holds(db, cp).await, Ok(()), "checkpoint at {}", cp.seq);
    }
}

async fn a_cut_tail_with_its_head_rewritten_is_found_behind_a_checkpoint(db: &Db) {
    append_n(db, 6).await;
    let cp = signed(db).await;
    lift_guard(db).await;
    sqlx::query("DELETE FROM audit_log WHERE seq >= 5").execute(&db.pool).await.unwrap();
    rewrite_head(db).await;
    // The chain alone looks whole: four records, linked, ending where the head says.
    assert_eq!(audit::verify(db).await.unwrap(), 4);
    assert_eq!(holds(db, &cp).await, Err(Behind::Cut { seq: 6, head: 4 }));
    // Appending past the checkpoint again does not hide it: record 6 is not the one signed.
    append_n(db, 3).await;
    assert_eq!(audit::verify(db).await.unwrap(), 7);
    assert!(matches!(holds(db, &cp).await, Err(Behind::Rewritten { seq: 6, .. })));
}

async fn a_chain_rehashed_from_a_record_on_is_found_behind_a_checkpoint(db: &Db) {
    append_n(db, 2).await;
    let before = signed(db).await;
    append_n(db, 4).await;
    let cp = signed(db).await;
    lift_guard(db).await;
    // Record 3 says something else; it and every record after it are rehashed to link up.
    let mut records = audit::tail(db, 100).await.unwrap();
    records.reverse();
    let mut prev = records[1].hash.clone();
    for r in records.iter_mut().skip(2) {
        if r.seq == 3 {
            r.object_id = "someone else".into();
        }
        r.prev_hash = prev;
        r.hash = record_hash(r);
        prev = r.hash.clone();
        sqlx::query("UPDATE audit_log SET object_id = $1, prev_hash = $2, hash = $3 WHERE seq = $4")
            .bind(&r.object_id)
            .bind(&r.prev_hash)
            .bind(&r.hash)
            .bind(r.seq)
            .execute(&db.pool)
            .await
            .unwrap();
    }
    rewrite_head(db).await;
    assert_eq!(audit::verify(db).await.unwrap(), 6, "the chain alone cannot show a rehash");
    let err = holds(db, &cp).await.unwrap_err();
    assert!(matches!(err, Behind::Rewritten { seq: 6, ref expected, .. } if *expected == cp.hash), "{err:?}");
    // What is not detected: a checkpoint before the rewritten records still holds.
    assert_eq!(holds(db, &before).await, Ok(()));
}

/// The administrators' search: who, what (exactly or by its beginning), the object, the time,
/// newest first, a page at a time with the count of all.
async fn the_log_is_searched_a_page_at_a_time(db: &Db) {
    append_n(db, 5).await;
    let someone = Actor { username: "someone".into(), ..Actor::cli() };
    audit::record(db, &someone, Event::new("test.other", "widget", "7")).await.unwrap();
    let search = |f: audit::AuditFilter, offset: i64, limit: i64| async move {
        let (total, records) = audit::search(db, &f, offset, limit).await.unwrap();
        (total, records.iter().map(|r| (r.action.clone(), r.object_id.clone())).collect::<Vec<_>>())
    };
    let all = audit::AuditFilter::default();
    let (total, page) = search(all.clone(), 0, 2).await;
    assert_eq!((total, page.len()), (6, 2));
    assert_eq!(page[0], ("test.other".to_string(), "7".to_string()), "newest first");
    let (_, last) = search(all, 4, 10).await;
    assert_eq!(
        last,
        vec![("test.event".to_string(), "1".to_string()), ("test.event".to_string(), "0".to_string())]
    );
    let by = |f: audit::AuditFilter| async move { search(f, 0, 100).await.0 };
    let f = audit::AuditFilter::default;
    assert_eq!(by(audit::AuditFilter { actor: Some("someone".into()), ..f() }).await, 1);
    assert_eq!(by(audit::AuditFilter { action: Some("test.event".into()), ..f() }).await, 5);
    assert_eq!(by(audit::AuditFilter { action: Some("test.*".into()), ..f() }).await, 6);
    assert_eq!(
        by(audit::AuditFilter { action: Some("test%.*".into()), ..f() }).await,
        6,
        "no wildcards of its own"
    );
    assert_eq!(by(audit::AuditFilter { action: Some("tes.*".into()), ..f() }).await, 0);
    let widget =
        audit::AuditFilter { object_type: Some("widget".into()), object_id: Some("7".into()), ..f() };
    assert_eq!(by(widget).await, 1);
    let soon = jiff::Timestamp::now() + jiff::SignedDuration::from_secs(1);
    assert_eq!(by(audit::AuditFilter { from: Some(soon), ..f() }).await, 0);
    let epoch = jiff::Timestamp::UNIX_EPOCH;
    assert_eq!(by(audit::AuditFilter { until: Some(soon), from: Some(epoch), ..f() }).await, 6);
}

both_backends!(
    appends_chain_and_verify,
    the_log_is_append_only,
    concurrent_appends_never_fork,
    an_altered_record_is_named,
    a_removed_record_is_named,
    removed_last_records_are_named,
    an_intact_chain_holds_its_checkpoints,
    a_cut_tail_with_its_head_rewritten_is_found_behind_a_checkpoint,
    a_chain_rehashed_from_a_record_on_is_found_behind_a_checkpoint,
    the_log_is_searched_a_page_at_a_time,
);
