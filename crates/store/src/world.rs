//! What the rules of the programmes consult besides the facts — the published lists and the
//! official rates — and a stamp that changes whenever either does (a list published, rates
//! imported), so a server can keep them in memory and reload only then.

use crate::db::Db;
use crate::error::StoreError;
use sqlx::Row;

/// Changes when a list is published or rates are imported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    published_lists: i64,
    last_published_us: i64,
    last_rates_import: i64,
}

pub async fn stamp(db: &Db) -> Result<Stamp, StoreError> {
    let r = sqlx::query(
        "SELECT (SELECT COUNT(*) FROM lists WHERE status = 'published') AS n, \
                (SELECT COALESCE(MAX(published_at_us), 0) FROM lists) AS t, \
                (SELECT COALESCE(MAX(id), 0) FROM imports WHERE source = 'rates') AS r",
    )
    .fetch_one(&db.pool)
    .await?;
    Ok(Stamp {
        published_lists: r.try_get("n")?,
        last_published_us: r.try_get("t")?,
        last_rates_import: r.try_get("r")?,
    })
}
