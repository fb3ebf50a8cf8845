//! Opening the database (SQLite file or PostgreSQL server) and applying migrations.

use crate::error::StoreError;
use sqlx::any::{AnyPoolOptions, install_default_drivers};
use sqlx::{AnyPool, Transaction};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{Mutex, OwnedMutexGuard, RwLock};

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres");

/// How many migrations this version of ashyq knows (the same number on both backends).
pub fn known_migrations() -> i64 {
    SQLITE_MIGRATIONS.iter().count() as i64
}

/// The size of SQLite's write-ahead log past which a long import empties it (see
/// [`Db::keep_wal_small`]).
pub const WAL_LIMIT: u64 = 64 * 1024 * 1024;

/// Which database is behind the pool.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// A handle to the database: a pool and which backend it is. Cheap to clone.
#[derive(Debug, Clone)]
pub struct Db {
    pub pool: AnyPool,
    pub backend: Backend,
    /// The SQLite file, for backups and the single-server lock.
    pub sqlite_path: Option<PathBuf>,
    /// SQLite has one writer at a time. Writers of this process take turns here, first come
    /// first served, before they ask SQLite for its write lock: a writer queued behind a slice
    /// of a long import is the next to write, instead of polling SQLite's busy handler and
    /// losing the race to the import's next slice (docs/decisions.md, "Imports that do not
    /// stop the office"). Unused on PostgreSQL.
    gate: Arc<Mutex<()>>,
    /// Held for writing while an import of the labour-market sources publishes its slices, and
    /// for reading by whoever computes from those tables: they see an import whole or not at all.
    labour: Arc<RwLock<()>>,
    /// PostgreSQL: the options to open a native connection beside the pool, for what the `Any`
    /// driver cannot do (`COPY`, see [`Db::native_postgres`]).
    postgres: Option<Arc<sqlx::postgres::PgConnectOptions>>,
}

/// Parses `sqlite://PATH` (relative or absolute, `sqlite::memory:`) or `postgres://…`.
pub fn parse_url(url: &str) -> Result<(Backend, Option<PathBuf>), StoreError> {
    let bad = |why: &str| StoreError::BadUrl { url: url.to_string(), why: why.to_string() };
    if let Some(rest) = url.strip_prefix("sqlite:") {
        let rest = rest.strip_prefix("//").unwrap_or(rest);
        let path = rest.split('?').next().unwrap_or_default();
        if path.is_empty() {
            return Err(bad("no file path after sqlite://"));
        }
        let path = (path != ":memory:").then(|| PathBuf::from(path));
        Ok((Backend::Sqlite, path))
    } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        Ok((Backend::Postgres, None))
    } else {
        Err(bad("expected sqlite://PATH or postgres://USER@HOST/DATABASE"))
    }
}

/// A connection error, saying what to check when the server's TLS certificate was refused
/// (`sslmode=verify-ca` or `verify-full`): rustls names only the reason (`UnknownIssuer`,
/// the name it is not valid for).
fn explain_tls(e: sqlx::Error) -> sqlx::Error {
    let text = e.to_string();
    match text.split_once("invalid peer certificate: ") {
        Some((_, reason)) => sqlx::Error::Tls(
            format!(
                "the PostgreSQL server's certificate was refused ({reason}): check that sslrootcert \
                 names the file of the CA that signed it and, with sslmode=verify-full, that the \
                 URL's host is a name the certificate holds"
            )
            .into(),
        ),
        None => e,
    }
}

impl Db {
    /// Connects, creating the SQLite file (and its folder) if it does not exist yet.
    /// Does not migrate: call [`Db::migrate`]. A PostgreSQL URL's `sslmode` (`disable`, `prefer`,
    /// the default, `require`, `verify-ca`, `verify-full`) and `sslrootcert` (a CA file) are
    /// honoured, over rustls.
    pub async fn connect(url: &str) -> Result<Db, StoreError> {
        install_default_drivers();
        use_ring_for_tls();
        let (backend, sqlite_path) = parse_url(url)?;
        let mut url = url.to_string();
        if let Some(path) = &sqlite_path {
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir).map_err(|e| StoreError::io(dir, e))?;
            }
            if !url.contains("mode=") {
                url.push_str(if url.contains('?') { "&mode=rwc" } else { "?mode=rwc" });
            }
        }
        let options = AnyPoolOptions::new()
            .max_connections(if backend == Backend::Sqlite { 8 } else { 16 })
            .acquire_timeout(Duration::from_secs(10));
        let read_only = url.contains("mode=ro");
        let options = if backend == Backend::Sqlite && !read_only {
            // WAL lets readers go on while one writer writes; NORMAL is durable in WAL mode
            // except for the last transactions on power loss. Foreign keys are sqlx's default.
            options.after_connect(|conn, _meta| {
                Box::pin(async move {
                    sqlx::query("PRAGMA journal_mode = WAL").execute(&mut *conn).await?;
                    sqlx::query("PRAGMA synchronous = NORMAL").execute(&mut *conn).await?;
                    // A writer outside the gate (another process: the CLI importing while the
                    // server runs) waits for the slice in progress; 30 s is far above a slice.
                    sqlx::query("PRAGMA busy_timeout = 30000").execute(&mut *conn).await?;
                    // A page cache of 32 MiB (SQLite's default is 2 MiB): an import's inserts
                    // into million-row indexes otherwise spill and re-read pages each slice.
                    // Statement journals (a multi-row upsert's, to undo it on an error) in
                    // memory rather than temporary files. Both measured: bench/sqlite-imports.sh.
                    sqlx::query("PRAGMA cache_size = -32768").execute(&mut *conn).await?;
                    sqlx::query("PRAGMA temp_store = MEMORY").execute(&mut *conn).await?;
                    Ok(())
                })
            })
        } else {
            options
        };
        // Streaming a whole table (an import, the indicators of a year) is one long statement by
        // design; sqlx's default warning after 1 s would fire on every such run. Statements
        // slower than 30 s are still logged.
        let connect_options: sqlx::any::AnyConnectOptions = url.parse()?;
        let connect_options = sqlx::ConnectOptions::log_slow_statements(
            connect_options,
            tracing::log::LevelFilter::Warn,
            Duration::from_secs(30),
        );
        let pool = match options.connect_with(connect_options).await {
            Ok(pool) => pool,
            // The pool retries until its time-out and then says only that; one direct attempt
            // gives the cause (connection refused, unknown database, authentication failed).
            Err(sqlx::Error::PoolTimedOut) => {
                use sqlx::Connection;
                sqlx::AnyConnection::connect(&url).await.map_err(explain_tls)?;
                return Err(sqlx::Error::PoolTimedOut.into());
            }
            Err(e) => return Err(explain_tls(e).into()),
        };
        let postgres = match backend {
            Backend::Postgres => Some(Arc::new(url.parse::<sqlx::postgres::PgConnectOptions>()?)),
            Backend::Sqlite => None,
        };
        Ok(Db { pool, backend, sqlite_path, gate: Arc::default(), labour: Arc::default(), postgres })
    }

    /// Connects and applies every pending migration.
    pub async fn open(url: &str) -> Result<Db, StoreError> {
        let db = Db::connect(url).await?;
        db.migrate().await?;
        Ok(db)
    }

    pub async fn migrate(&self) -> Result<(), StoreError> {
        let migrator = match self.backend {
            Backend::Sqlite => &SQLITE_MIGRATIONS,
            Backend::Postgres => &POSTGRES_MIGRATIONS,
        };
        migrator.run(&self.pool).await?;
        crate::register::partitions::ensure_ahead(self).await?;
        crate::partitioned::ensure_ahead(self, crate::today()).await?;
        // Data corrections a migration asked for that SQL cannot make: the crossings' civil
        // days on the tz database's clocks (migration 0014). Once; a no-op afterwards.
        crate::register::days::correct_stored(self).await?;
        Ok(())
    }

    /// A transaction that will write. On SQLite it takes the write lock at once
    /// (`BEGIN IMMEDIATE`), so it waits for other writers instead of failing half-way.
    /// On SQLite it first waits its turn at the process's write gate, held until the
    /// transaction ends.
    pub async fn begin_write(&self) -> Result<WriteTx, StoreError> {
        Ok(match self.backend {
            Backend::Sqlite => {
                let turn = self.gate.clone().lock_owned().await;
                WriteTx { tx: self.pool.begin_with("BEGIN IMMEDIATE").await?, _turn: Some(turn) }
            }
            Backend::Postgres => WriteTx { tx: self.pool.begin().await?, _turn: None },
        })
    }

    /// Waits until no import of the labour-market sources is publishing in this process, and
    /// keeps it so while the guard lives.
    pub async fn labour_settled(&self) -> tokio::sync::OwnedRwLockReadGuard<()> {
        self.labour.clone().read_owned().await
    }

    /// Held while an import of the labour-market sources publishes (see [`Db::labour_settled`]).
    pub(crate) async fn labour_publishing(&self) -> tokio::sync::OwnedRwLockWriteGuard<()> {
        self.labour.clone().write_owned().await
    }

    /// SQLite: once the write-ahead log has grown past [`WAL_LIMIT`], copies it into the database
    /// and empties it, taking the writers' turn. SQLite's own checkpoints after each commit
    /// copy, but empty the log only when no reader is using it, which under a steady flow of
    /// reads never happens: during a long import it grew past a gigabyte and every read slowed
    /// down with it. The checkpoint waits (the busy timeout) for readers of the log to finish.
    pub async fn keep_wal_small(&self) -> Result<(), StoreError> {
        let Some(path) = &self.sqlite_path else { return Ok(()) };
        let mut wal = path.clone().into_os_string();
        wal.push("-wal");
        if std::fs::metadata(&wal).map_or(0, |m| m.len()) < WAL_LIMIT {
            return Ok(());
        }
        let _turn = self.gate.clone().lock_owned().await;
        let mut conn = self.pool.acquire().await?;
        sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)").execute(&mut *conn).await?;
        Ok(())
    }

    /// A native PostgreSQL connection to the same database (same user, TLS and `search_path`),
    /// outside the pool, for streaming with `COPY`: sqlx's `Any` driver has no `COPY`. `None` on
    /// SQLite.
    pub(crate) async fn native_postgres(&self) -> Result<Option<sqlx::PgConnection>, StoreError> {
        use sqlx::ConnectOptions;
        let Some(options) = &self.postgres else { return Ok(None) };
        let options = options
            .as_ref()
            .clone()
            .log_slow_statements(tracing::log::LevelFilter::Warn, Duration::from_secs(30));
        Ok(Some(options.connect().await.map_err(explain_tls)?))
    }

    /// Checks that the database answers (for `/readyz`).
    pub async fn ping(&self) -> Result<(), StoreError> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// A transaction made by [`Db::begin_write`], and only there: whatever takes one (the audit
/// log's append) runs inside a transaction that holds SQLite's write lock from its start, never
/// on a bare pooled connection or in a deferred transaction. It reads as the connection it runs
/// on (`&mut *tx` is an executor); dropped without [`WriteTx::commit`], it rolls back.
/// On SQLite it also holds the process's write gate (see [`Db`]).
pub struct WriteTx {
    tx: Transaction<'static, sqlx::Any>,
    /// Released when the transaction has ended (the guard is dropped after `tx`'s commit).
    _turn: Option<OwnedMutexGuard<()>>,
}

impl WriteTx {
    pub async fn commit(self) -> Result<(), sqlx::Error> {
        self.tx.commit().await
    }

    pub async fn rollback(self) -> Result<(), sqlx::Error> {
        self.tx.rollback().await
    }
}

impl std::ops::Deref for WriteTx {
    type Target = sqlx::AnyConnection;

    fn deref(&self) -> &sqlx::AnyConnection {
        &self.tx
    }
}

impl std::ops::DerefMut for WriteTx {
    fn deref_mut(&mut self) -> &mut sqlx::AnyConnection {
        &mut self.tx
    }
}

/// Names ring as the process's TLS provider (to PostgreSQL, to the mail server), once, before
/// the first TLS connection. rustls cannot choose by itself when a build enables a second
/// provider too (the tests' SMTP server brings aws-lc-rs), and would stop at the first TLS
/// handshake. rustls 0.23.48 deprecates ring's provider for its lack of post-quantum key
/// exchange; ring is what sqlx's and lettre's TLS are built with here, and aws-lc-rs would add a
/// C library to every build.
pub fn use_ring_for_tls() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        #[allow(deprecated)]
        let _ = rustls::crypto::ring::default_provider().install_default();
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_parsed_by_scheme() {
        assert_eq!(
            parse_url("sqlite://./ashyq-data/ashyq.db").ok(),
            Some((Backend::Sqlite, Some(PathBuf::from("./ashyq-data/ashyq.db"))))
        );
        assert_eq!(
            parse_url("sqlite:///var/lib/ashyq/a.db?mode=ro").ok(),
            Some((Backend::Sqlite, Some(PathBuf::from("/var/lib/ashyq/a.db"))))
        );
        assert_eq!(parse_url("sqlite::memory:").ok(), Some((Backend::Sqlite, None)));
        assert_eq!(parse_url("postgres://postgres@127.0.0.1/test").ok(), Some((Backend::Postgres, None)));
        let err = parse_url("mysql://x").unwrap_err().to_string();
        assert!(err.contains("mysql://x") && err.contains("sqlite://PATH"), "{err}");
        assert!(parse_url("sqlite://").is_err());
    }
}
