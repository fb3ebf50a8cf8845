//! The applications for batch work (the operator's list and export): filtered by region, status
//! and year filed, oldest first. The names of families are personal data, so every listing is
//! audited with what was asked and how many answered.

use super::{KandasApplication, from_row};
use crate::audit::{self, Actor, Event};
use crate::db::Db;
use crate::error::StoreError;
use ashyq_core::said::Said;

/// Which applications to list.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// ISO 3166-2 (`KZ-59`).
    pub region: Option<String>,
    /// submitted | assigned | refused
    pub status: Option<String>,
    /// The year filed.
    pub year: Option<i16>,
    /// At most this many.
    pub limit: i64,
}

/// The statuses an application has.
pub const STATUSES: [&str; 3] = ["submitted", "assigned", "refused"];

impl Filter {
    fn checked(&self) -> Result<(String, String, String), StoreError> {
        let region = match self.region.as_deref().map(str::trim).filter(|r| !r.is_empty()) {
            None => String::new(),
            Some(r) => ashyq_core::region::by_code(r).map(|x| x.code.clone()).ok_or_else(|| {
                StoreError::field(
                    "region",
                    Said::new("field-not-a-region", format!("{r:?} is not a region (KZ-…)")).text("value", r),
                )
            })?,
        };
        let status = match self.status.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            None => String::new(),
            Some(s) if STATUSES.contains(&s) => s.to_string(),
            Some(s) => {
                return Err(StoreError::field(
                    "status",
                    Said::new("field-not-a-status", format!("{s:?} is not one of {}", STATUSES.join(", ")))
                        .text("value", s),
                ));
            }
        };
        let year = match self.year {
            None => String::new(),
            Some(y) if (1..=9999).contains(&y) => format!("{y:04}-%"),
            Some(y) => {
                return Err(StoreError::field(
                    "year",
                    Said::new("field-not-a-year", format!("{y} is not a year from 1 to 9999"))
                        .text("value", y.to_string()),
                ));
            }
        };
        if !(1..=1_000_000).contains(&self.limit) {
            return Err(StoreError::field(
                "limit",
                Said::new("field-range", "must be 1 to 1000000").count("min", 1).count("max", 1_000_000),
            ));
        }
        Ok((region, status, year))
    }
}

/// The applications the filter keeps, oldest first; the listing is audited (`what`: the
/// action recorded, `kandas.list` or `kandas.export`).
pub async fn list(
    db: &Db,
    actor: &Actor,
    what: &str,
    f: &Filter,
) -> Result<Vec<KandasApplication>, StoreError> {
    let (region, status, year) = f.checked()?;
    let rows = sqlx::query(select!(
        "WHERE ($1 = '' OR region = $1) AND ($2 = '' OR status = $2) AND ($3 = '' OR filed_on LIKE $3) \
         ORDER BY id LIMIT $4"
    ))
    .bind(&region)
    .bind(&status)
    .bind(&year)
    .bind(f.limit)
    .fetch_all(&db.pool)
    .await?;
    let out: Vec<KandasApplication> = rows.iter().map(from_row).collect::<Result<_, _>>()?;
    let detail = serde_json::json!({
        "region": f.region, "status": f.status, "year": f.year, "results": out.len(),
    });
    audit::record(db, actor, Event::new(what, "kandas_application", "*").detail(detail)).await?;
    Ok(out)
}
