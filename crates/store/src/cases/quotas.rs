//! Annual quotas per programme: setting them and reading how many places are taken. Places
//! are taken only inside an approval's transaction ([`super::permits`]).

use crate::audit::{self, Actor, Event};
use crate::db::Db;
use crate::error::StoreError;
use ashyq_core::rules::Programme;
use ashyq_core::said::Said;
use serde::Serialize;
use sqlx::Row;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Quota {
    pub programme: String,
    pub year: i64,
    pub places: i64,
    pub used: i64,
    pub set_by: String,
}

/// The valuable-skills visa's places in `year` as the policy sets them (`valuable_skills_quota`
/// in force on 1 January); 0 when the policy has none.
pub fn policy_places(policy: &ashyq_core::policy::Policy, year: i16) -> Result<i64, StoreError> {
    let on = jiff::civil::Date::new(year, 1, 1).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    Ok(policy
        .parameter("valuable_skills_quota", on)
        .ok()
        .and_then(|p| rust_decimal::prelude::ToPrimitive::to_i64(&p.value))
        .unwrap_or(0))
}

/// Sets the places of a programme's quota for a year. Fewer places than are already taken is
/// refused.
pub async fn set(
    db: &Db,
    actor: &Actor,
    programme: Programme,
    year: i16,
    places: i64,
) -> Result<Quota, StoreError> {
    if places < 0 {
        return Err(StoreError::field("places", Said::new("field-negative", "must not be negative")));
    }
    let mut tx = db.begin_write().await?;
    let used: i64 = sqlx::query("SELECT used FROM quotas WHERE programme = $1 AND year = $2")
        .bind(programme.id())
        .bind(i64::from(year))
        .fetch_optional(&mut *tx)
        .await?
        .map(|r| r.try_get("used"))
        .transpose()?
        .unwrap_or(0);
    if places < used {
        return Err(StoreError::field(
            "places",
            Said::new("field-places-taken", format!("{used} places of {year} are already taken"))
                .count("count", used)
                .text("year", year.to_string()),
        ));
    }
    sqlx::query(
        "INSERT INTO quotas (programme, year, places, used, set_by, set_at_us) VALUES ($1, $2, $3, 0, $4, $5) \
         ON CONFLICT (programme, year) DO UPDATE SET places = $3, set_by = $4, set_at_us = $5",
    )
    .bind(programme.id())
    .bind(i64::from(year))
    .bind(places)
    .bind(&actor.username)
    .bind(crate::now_us())
    .execute(&mut *tx)
    .await?;
    let detail = serde_json::json!({ "programme": programme.id(), "year": year, "places": places });
    audit::append(
        &mut tx,
        actor,
        Event::new("quota.set", "quota", &format!("{}:{year}", programme.id())).detail(detail),
    )
    .await?;
    tx.commit().await?;
    Ok(Quota {
        programme: programme.id().into(),
        year: year.into(),
        places,
        used,
        set_by: actor.username.clone(),
    })
}

/// Every quota set, newest year first.
pub async fn list(db: &Db) -> Result<Vec<Quota>, StoreError> {
    let rows =
        sqlx::query("SELECT programme, year, places, used, set_by FROM quotas ORDER BY year DESC, programme")
            .fetch_all(&db.pool)
            .await?;
    rows.iter()
        .map(|r| {
            Ok(Quota {
                programme: r.try_get("programme")?,
                year: r.try_get("year")?,
                places: r.try_get("places")?,
                used: r.try_get("used")?,
                set_by: r.try_get("set_by")?,
            })
        })
        .collect()
}

/// The quotas of `year` as published: every quota set, and the valuable-skills visa's from the
/// policy (nothing taken yet) when the year has not needed it so far.
pub async fn of_year(
    db: &Db,
    policy: &ashyq_core::policy::Policy,
    year: i16,
) -> Result<Vec<Quota>, StoreError> {
    let mut out: Vec<Quota> = list(db).await?.into_iter().filter(|q| q.year == i64::from(year)).collect();
    let vs = Programme::ValuableSkillsVisa.id();
    if !out.iter().any(|q| q.programme == vs) {
        let places = super::rounds::remaining_places(db, policy, year).await?;
        out.push(Quota {
            programme: vs.into(),
            year: year.into(),
            places,
            used: 0,
            set_by: format!("policy ({})", policy.meta.edition),
        });
    }
    out.sort_by(|a, b| a.programme.cmp(&b.programme));
    Ok(out)
}
