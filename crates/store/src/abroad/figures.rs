//! The figures of citizens working abroad, with no personal data (analysts read these): live
//! registry entries by country and sector, open cases by country, and the order of countries
//! (where most citizens work first) every list here follows.

use crate::db::Db;
use crate::error::StoreError;
use ashyq_core::abroad;
use jiff::civil::Date;
use serde::Serialize;
use sqlx::Row;
use std::collections::BTreeMap;

/// One country's figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CountryFigures {
    /// ISO 3166-1 alpha-3.
    pub country: String,
    /// Citizens whose contract there has not ended.
    pub citizens: i64,
    /// The same by sector id (sectors with none left out).
    pub by_sector: BTreeMap<String, i64>,
    /// Cases open or in progress.
    pub open_cases: i64,
}

/// Every country with citizens working there, an agreement or a case: the countries where
/// most citizens work first (then by code).
pub async fn by_country(db: &Db, today: Date) -> Result<Vec<CountryFigures>, StoreError> {
    let workers = sqlx::query(
        "SELECT country, sector, COUNT(*) AS n FROM abroad_workers WHERE contract_until >= $1 GROUP BY country, sector",
    )
    .bind(today.to_string())
    .fetch_all(&db.pool)
    .await?;
    let cases = sqlx::query(
        "SELECT country, COUNT(*) AS n FROM abroad_cases WHERE status IN ('open', 'in_progress') GROUP BY country",
    )
    .fetch_all(&db.pool)
    .await?;
    let agreements =
        sqlx::query("SELECT DISTINCT country FROM abroad_agreements").fetch_all(&db.pool).await?;
    let mut all: BTreeMap<String, CountryFigures> = BTreeMap::new();
    for r in &workers {
        let n: i64 = r.try_get("n")?;
        let f = slot(&mut all, r.try_get("country")?);
        f.citizens += n;
        *f.by_sector.entry(r.try_get("sector")?).or_insert(0) += n;
    }
    for r in &cases {
        let n: i64 = r.try_get("n")?;
        slot(&mut all, r.try_get("country")?).open_cases += n;
    }
    for r in &agreements {
        slot(&mut all, r.try_get("country")?);
    }
    let mut out: Vec<CountryFigures> = all.into_values().collect();
    abroad::order_countries(&mut out, |f| (f.citizens, f.country.as_str()));
    Ok(out)
}

fn slot(all: &mut BTreeMap<String, CountryFigures>, country: String) -> &mut CountryFigures {
    all.entry(country.clone()).or_insert_with(|| CountryFigures {
        country,
        citizens: 0,
        by_sector: BTreeMap::new(),
        open_cases: 0,
    })
}

/// The countries in order, where most citizens work first.
pub async fn country_rank(db: &Db, today: Date) -> Result<Vec<String>, StoreError> {
    Ok(by_country(db, today).await?.into_iter().map(|f| f.country).collect())
}

/// Live registry entries by sector, all countries together.
pub fn by_sector(figures: &[CountryFigures]) -> BTreeMap<String, i64> {
    let mut out = BTreeMap::new();
    for f in figures {
        for (s, n) in &f.by_sector {
            *out.entry(s.clone()).or_insert(0) += n;
        }
    }
    out
}
