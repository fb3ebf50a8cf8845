//! Throw-away databases for tests: a SQLite file in a temporary folder, and, when
//! `ASHYQ_TEST_POSTGRES_URL` is set, a fresh schema in that PostgreSQL database.

use crate::db::Db;

/// The environment variable naming the PostgreSQL server for tests.
pub const POSTGRES_URL_VAR: &str = "ASHYQ_TEST_POSTGRES_URL";

/// A migrated database that is removed by [`TestDb::cleanup`].
pub struct TestDb {
    pub db: Db,
    pub url: String,
    cleanup: Cleanup,
}

enum Cleanup {
    Sqlite(#[allow(dead_code)] tempfile::TempDir),
    Postgres { admin_url: String, schema: String },
}

/// A new SQLite database in its own temporary folder.
pub async fn sqlite() -> TestDb {
    let t = sqlite_empty().await;
    t.db.migrate().await.expect("migrate the SQLite test database");
    t
}

/// [`sqlite`] not migrated yet: for tests of the migrations themselves.
pub async fn sqlite_empty() -> TestDb {
    let dir = tempfile::tempdir().expect("a temporary folder for the test database");
    let url = format!("sqlite://{}", dir.path().join("test.db").display());
    let db = Db::connect(&url).await.expect("open the SQLite test database");
    TestDb { db, url, cleanup: Cleanup::Sqlite(dir) }
}

/// A new schema in the PostgreSQL database of `ASHYQ_TEST_POSTGRES_URL`, or `None` if unset.
pub async fn postgres() -> Option<TestDb> {
    let t = postgres_empty().await?;
    t.db.migrate().await.expect("migrate the PostgreSQL test schema");
    Some(t)
}

/// [`postgres`] not migrated yet: for tests of the migrations themselves.
pub async fn postgres_empty() -> Option<TestDb> {
    let admin_url = std::env::var(POSTGRES_URL_VAR).ok().filter(|u| !u.is_empty())?;
    let schema = format!("t_{}", crate::secret::random_token()[..16].to_lowercase().replace(['-', '_'], "x"));
    let admin = Db::connect(&admin_url).await.expect("connect to ASHYQ_TEST_POSTGRES_URL");
    let create = format!("CREATE SCHEMA {schema}");
    sqlx::query(sqlx::AssertSqlSafe(create)).execute(&admin.pool).await.expect("create the test schema");
    admin.close().await;
    let sep = if admin_url.contains('?') { '&' } else { '?' };
    let url = format!("{admin_url}{sep}options=-c%20search_path%3D{schema}");
    let db = Db::connect(&url).await.expect("connect to the PostgreSQL test schema");
    Some(TestDb { db, url, cleanup: Cleanup::Postgres { admin_url, schema } })
}

impl TestDb {
    /// Closes the pool and removes what the test made.
    pub async fn cleanup(self) {
        self.db.close().await;
        if let Cleanup::Postgres { admin_url, schema } = self.cleanup
            && let Ok(admin) = Db::connect(&admin_url).await
        {
            let drop = format!("DROP SCHEMA {schema} CASCADE");
            let _ = sqlx::query(sqlx::AssertSqlSafe(drop)).execute(&admin.pool).await;
            admin.close().await;
        }
    }
}

/// Sets the unpacked size a zip entry `name` declares, in its local and central headers: a
/// workbook that lies about its size, for the tests of the workbook checks.
pub fn declare_size(zip: &mut [u8], name: &str, size: u32) {
    let mut at = 0;
    while let Some(i) = zip[at..].windows(4).position(|w| w == b"PK\x01\x02") {
        let h = at + i;
        let len = usize::from(u16::from_le_bytes([zip[h + 28], zip[h + 29]]));
        if &zip[h + 46..h + 46 + len] == name.as_bytes() {
            zip[h + 24..h + 28].copy_from_slice(&size.to_le_bytes());
            let local = u32::from_le_bytes([zip[h + 42], zip[h + 43], zip[h + 44], zip[h + 45]]) as usize;
            zip[local + 22..local + 26].copy_from_slice(&size.to_le_bytes());
        }
        at = h + 4;
    }
}

/// The workbook `book` in Excel's 1904 date system (`<workbookPr date1904="1">`, as Excel for the
/// Mac wrote it), its parts otherwise as they were: its date cells must hold serials counted from
/// 1904-01-01.
pub fn in_1904_system(book: &[u8]) -> Vec<u8> {
    use std::io::{Read, Write};
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(book)).expect("a workbook");
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).expect("an entry");
        let name = entry.name().expect("a name").to_string();
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).expect("an entry's bytes");
        if name == "xl/workbook.xml" {
            let xml = String::from_utf8(bytes).expect("XML");
            assert!(xml.contains("<workbookPr"), "a workbook without <workbookPr>");
            bytes = xml.replacen("<workbookPr", "<workbookPr date1904=\"1\"", 1).into_bytes();
        }
        out.start_file(name.as_str(), zip::write::SimpleFileOptions::default()).expect("an entry");
        out.write_all(&bytes).expect("an entry's bytes");
    }
    out.finish().expect("the workbook").into_inner()
}

/// Runs an async store test on SQLite, and on PostgreSQL when `ASHYQ_TEST_POSTGRES_URL` is set.
/// `both_backends!(name);` makes `name::sqlite` and `name::postgres` from `async fn name(&Db)`.
#[macro_export]
macro_rules! both_backends {
    ($($name:ident),* $(,)?) => {$(
        mod $name {
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                let t = $crate::testing::sqlite().await;
                super::$name(&t.db).await;
                t.cleanup().await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                let Some(t) = $crate::testing::postgres().await else {
                    eprintln!("not run on PostgreSQL: {} is not set", $crate::testing::POSTGRES_URL_VAR);
                    return;
                };
                super::$name(&t.db).await;
                t.cleanup().await;
            }
        }
    )*};
}

/// An import's sink that keeps every progress it is told, with the rows read then.
#[derive(Default)]
pub struct Progressing {
    pub told: Vec<(crate::pipeline::Progress, u64)>,
}

impl crate::pipeline::ImportSink for Progressing {
    fn progress(&mut self, progress: crate::pipeline::Progress, rows: u64) {
        self.told.push((progress, rows));
    }
}
