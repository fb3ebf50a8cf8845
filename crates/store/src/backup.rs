//! Backups of the embedded SQLite database: a consistent copy while the server runs
//! (`VACUUM INTO`), and restoring one with the server stopped. PostgreSQL has its own tools
//! (`pg_dump`, `pg_restore`), which the README describes.

use crate::db::{Backend, Db, parse_url};
use crate::error::StoreError;
use sqlx::Row;
use std::fs::{File, TryLockError};
use std::path::{Path, PathBuf};

/// Held by a running server on `<database>.lock`: `restore` refuses while a server holds it.
#[derive(Debug)]
pub struct DbLock {
    _file: File,
    pub path: PathBuf,
}

fn lock_path(db_path: &Path) -> PathBuf {
    let mut name = db_path.as_os_str().to_owned();
    name.push(".lock");
    PathBuf::from(name)
}

impl DbLock {
    /// Takes the lock for the SQLite file at `db_path`, or says who holds it.
    pub fn acquire(db_path: &Path) -> Result<DbLock, StoreError> {
        let path = lock_path(db_path);
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| StoreError::io(dir, e))?;
        }
        let file = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|e| StoreError::io(&path, e))?;
        match file.try_lock() {
            Ok(()) => Ok(DbLock { _file: file, path }),
            Err(TryLockError::WouldBlock) => Err(StoreError::Unsupported(format!(
                "{} is in use by a running ashyq server (lock {}); stop it first",
                db_path.display(),
                path.display()
            ))),
            Err(TryLockError::Error(e)) => Err(StoreError::io(&path, e)),
        }
    }
}

fn sqlite_only(db: &Db) -> Result<&Path, StoreError> {
    match (db.backend, &db.sqlite_path) {
        (Backend::Sqlite, Some(p)) => Ok(p),
        (Backend::Sqlite, None) => Err(StoreError::Unsupported("an in-memory database has nothing to back up".into())),
        (Backend::Postgres, _) => Err(StoreError::Unsupported(
            "backup and restore are for the embedded SQLite database; for PostgreSQL use pg_dump and pg_restore (see the README)".into(),
        )),
    }
}

fn partial_path(dest: &Path) -> PathBuf {
    let mut name = dest.as_os_str().to_owned();
    name.push(".partial");
    PathBuf::from(name)
}

/// Writes a consistent copy of the live database to `dest` (refusing to overwrite unless
/// `force`). Safe while the server runs: `VACUUM INTO` reads one snapshot. Returns the size.
pub async fn backup(db: &Db, dest: &Path, force: bool) -> Result<u64, StoreError> {
    sqlite_only(db)?;
    if dest.exists() && !force {
        return Err(StoreError::Unsupported(format!(
            "{} exists; choose another file or pass --force",
            dest.display()
        )));
    }
    if let Some(dir) = dest.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| StoreError::io(dir, e))?;
    }
    let partial = partial_path(dest);
    let _ = std::fs::remove_file(&partial);
    let target = partial
        .to_str()
        .ok_or_else(|| StoreError::Unsupported(format!("{}: not a UTF-8 path", dest.display())))?;
    sqlx::query("VACUUM INTO $1").bind(target).execute(&db.pool).await?;
    std::fs::rename(&partial, dest).map_err(|e| StoreError::io(dest, e))?;
    Ok(std::fs::metadata(dest).map_err(|e| StoreError::io(dest, e))?.len())
}

/// What a backup file holds, found by opening it read-only.
#[derive(Debug, Clone)]
pub struct BackupInfo {
    pub migrations: i64,
    pub audit_records: i64,
    pub users: i64,
}

/// Checks that `file` is an intact ashyq database this version can open.
pub async fn inspect(file: &Path, known_migrations: i64) -> Result<BackupInfo, StoreError> {
    if !file.is_file() {
        return Err(StoreError::io(file, std::io::Error::new(std::io::ErrorKind::NotFound, "no such file")));
    }
    let url = format!("sqlite://{}?mode=ro", file.display());
    let db = Db::connect(&url).await.map_err(|e| not_a_backup(file, &e.to_string()))?;
    let result = async {
        let check: String = sqlx::query("PRAGMA integrity_check")
            .fetch_one(&db.pool)
            .await
            .and_then(|r| r.try_get(0))
            .map_err(|e| not_a_backup(file, &e.to_string()))?;
        if check != "ok" {
            return Err(not_a_backup(file, &format!("integrity check failed: {check}")));
        }
        let count = |sql: &'static str| {
            let pool = db.pool.clone();
            async move {
                sqlx::query(sql)
                    .fetch_one(&pool)
                    .await
                    .and_then(|r| r.try_get::<i64, _>(0))
                    .map_err(|e| not_a_backup(file, &format!("not an ashyq database ({e})")))
            }
        };
        let info = BackupInfo {
            migrations: count("SELECT COUNT(*) FROM _sqlx_migrations WHERE success = 1").await?,
            audit_records: count("SELECT COUNT(*) FROM audit_log").await?,
            users: count("SELECT COUNT(*) FROM users").await?,
        };
        if info.migrations > known_migrations {
            return Err(not_a_backup(
                file,
                &format!(
                    "it was written by a newer ashyq ({} migrations; this one knows {known_migrations})",
                    info.migrations
                ),
            ));
        }
        Ok(info)
    }
    .await;
    db.close().await;
    result
}

fn not_a_backup(file: &Path, why: &str) -> StoreError {
    StoreError::Unsupported(format!("{}: cannot restore: {why}", file.display()))
}

/// Replaces the SQLite database at `target_url` with `file`. The server must be stopped (the
/// lock is checked). The database being replaced is first copied to
/// `<database>.before-restore-<UTC time>[-n]`, so a restore can itself be undone.
/// Returns the path of that copy, if there was a database to keep.
pub async fn restore(file: &Path, target_url: &str) -> Result<(BackupInfo, Option<PathBuf>), StoreError> {
    let (backend, path) = parse_url(target_url)?;
    let target = match (backend, path) {
        (Backend::Sqlite, Some(p)) => p,
        _ => {
            return Err(StoreError::Unsupported(
                "restore is for the embedded SQLite database; for PostgreSQL use pg_restore (see the README)"
                    .into(),
            ));
        }
    };
    let _lock = DbLock::acquire(&target)?;
    let info = inspect(file, crate::db::known_migrations()).await?;
    let mut kept = None;
    if target.exists() {
        let db = Db::connect(target_url).await?;
        let stamp = jiff::Timestamp::now().strftime("%Y%m%dT%H%M%SZ").to_string();
        let base = format!("{}.before-restore-{stamp}", target.display());
        let keep = (1..)
            .map(|n| if n == 1 { PathBuf::from(&base) } else { PathBuf::from(format!("{base}-{n}")) })
            .find(|p| !p.exists())
            .unwrap_or_else(|| PathBuf::from(&base));
        let copied = backup(&db, &keep, false).await;
        db.close().await;
        copied?;
        kept = Some(keep);
    }
    let partial = partial_path(&target);
    std::fs::copy(file, &partial).map_err(|e| StoreError::io(&partial, e))?;
    for suffix in ["-wal", "-shm"] {
        let side = PathBuf::from(format!("{}{suffix}", target.display()));
        if side.exists() {
            std::fs::remove_file(&side).map_err(|e| StoreError::io(&side, e))?;
        }
    }
    std::fs::rename(&partial, &target).map_err(|e| StoreError::io(&target, e))?;
    // A backup from an older version is brought up to date now, not at the next start.
    let db = Db::open(target_url).await?;
    db.close().await;
    Ok((info, kept))
}
