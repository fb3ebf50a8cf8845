//! Backups of the SQLite database while it is open, and restoring them.

use ashyq_core::Role;
use ashyq_store::backup::{self, DbLock};
use ashyq_store::users::{self, NewUser};
use ashyq_store::{Actor, Db, audit, testing};

async fn add_user(db: &Db, name: &str) {
    let new = NewUser {
        username: name.into(),
        display_name: name.into(),
        role: Role::Analyst,
        region: None,
        password: "a long enough password".into(),
    };
    users::create(db, &Actor::cli(), new).await.unwrap();
}

#[tokio::test]
async fn a_backup_of_an_open_database_restores_to_the_same_state() {
    let t = testing::sqlite().await;
    add_user(&t.db, "before.backup").await;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("nightly.db");
    let size = backup::backup(&t.db, &file, false).await.unwrap();
    assert!(size > 0);
    assert!(backup::backup(&t.db, &file, false).await.unwrap_err().to_string().contains("--force"));
    add_user(&t.db, "after.backup").await;

    // Restore over the live file: refused while a server holds the lock...
    let target = t.db.sqlite_path.clone().unwrap();
    let lock = DbLock::acquire(&target).unwrap();
    let err = backup::restore(&file, &t.url).await.unwrap_err().to_string();
    assert!(err.contains("in use by a running ashyq server"), "{err}");
    drop(lock);
    t.db.close().await;

    // ...and done once it is stopped, keeping the replaced database beside it.
    let (info, kept) = backup::restore(&file, &t.url).await.unwrap();
    assert_eq!((info.users, info.audit_records), (1, 1));
    let restored = Db::open(&t.url).await.unwrap();
    let names: Vec<String> = users::list(&restored).await.unwrap().into_iter().map(|u| u.username).collect();
    assert_eq!(names, ["before.backup"]);
    assert_eq!(audit::verify(&restored).await.unwrap(), 1);
    let kept = Db::open(&format!("sqlite://{}", kept.unwrap().display())).await.unwrap();
    assert_eq!(users::list(&kept).await.unwrap().len(), 2, "the replaced database was kept");
}

#[tokio::test]
async fn restoring_something_that_is_not_a_backup_changes_nothing() {
    let t = testing::sqlite().await;
    add_user(&t.db, "still.here").await;
    t.db.close().await;
    let dir = tempfile::tempdir().unwrap();
    let junk = dir.path().join("junk.db");
    std::fs::write(&junk, b"this is not a database").unwrap();
    let err = backup::restore(&junk, &t.url).await.unwrap_err().to_string();
    assert!(err.contains("junk.db") && err.contains("cannot restore"), "{err}");
    let missing = backup::restore(&dir.path().join("nope.db"), &t.url).await.unwrap_err().to_string();
    assert!(missing.contains("nope.db"), "{missing}");
    let db = Db::open(&t.url).await.unwrap();
    assert_eq!(users::list(&db).await.unwrap().len(), 1);
}

#[tokio::test]
async fn postgres_is_pointed_to_its_own_tools() {
    let err = backup::restore(std::path::Path::new("x.db"), "postgres://postgres@127.0.0.1/test")
        .await
        .unwrap_err();
    assert!(err.to_string().contains("pg_restore"), "{err}");
    if let Some(t) = testing::postgres().await {
        let err = backup::backup(&t.db, std::path::Path::new("x.db"), false).await.unwrap_err();
        assert!(err.to_string().contains("pg_dump"), "{err}");
        t.cleanup().await;
    }
}
