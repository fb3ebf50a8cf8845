//! The coordinating organisations (ministries, akimats, Atameken) and who speaks for which.

use crate::audit::{self, Actor, Event};
use crate::db::Db;
use crate::error::StoreError;
use crate::users::User;
use ashyq_core::Role;
use ashyq_core::said::Said;
use serde::Serialize;
use sqlx::Row;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Body {
    pub code: String,
    /// ministry | akimat | chamber
    pub kind: String,
    pub region: Option<String>,
    pub name_en: String,
    pub name_ru: String,
    pub name_kk: String,
    pub active: bool,
}

impl Body {
    pub fn name(&self, lang: &str) -> &str {
        match lang {
            "kk" => &self.name_kk,
            "ru" => &self.name_ru,
            _ => &self.name_en,
        }
    }
}

const COLUMNS: &str = "code, kind, region, name_en, name_ru, name_kk, active";

fn from_row(r: &sqlx::any::AnyRow) -> Result<Body, StoreError> {
    Ok(Body {
        code: r.try_get("code")?,
        kind: r.try_get("kind")?,
        region: r.try_get("region")?,
        name_en: r.try_get("name_en")?,
        name_ru: r.try_get("name_ru")?,
        name_kk: r.try_get("name_kk")?,
        active: r.try_get::<i64, _>("active")? != 0,
    })
}

/// Every coordinating organisation: ministries and the chamber first, then akimats by region.
pub async fn bodies(db: &Db) -> Result<Vec<Body>, StoreError> {
    let sql = format!(
        "SELECT {COLUMNS} FROM coordination_bodies ORDER BY CASE WHEN kind = 'akimat' THEN 1 ELSE 0 END, COALESCE(region, ''), code"
    );
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql)).fetch_all(&db.pool).await?;
    rows.iter().map(from_row).collect()
}

/// The organisation a coordinator speaks for: the one assigned, or else the akimat of the
/// coordinator's region. None for anyone else.
pub async fn body_of(db: &Db, user: &User) -> Result<Option<Body>, StoreError> {
    if user.role != Role::Coordinator {
        return Ok(None);
    }
    let sql = format!(
        "SELECT {COLUMNS} FROM coordination_bodies WHERE code = (SELECT body FROM body_members WHERE user_id = $1) \
         OR (kind = 'akimat' AND region = $2 AND NOT EXISTS (SELECT 1 FROM body_members WHERE user_id = $1))"
    );
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(user.id)
        .bind(user.region.as_deref().unwrap_or(""))
        .fetch_optional(&db.pool)
        .await?;
    row.as_ref().map(from_row).transpose()
}

/// Makes a coordinator speak for an organisation. An akimat's coordinator must be scoped to
/// the akimat's region.
pub async fn assign_member(db: &Db, actor: &Actor, user: &User, body: &str) -> Result<Body, StoreError> {
    if user.role != Role::Coordinator {
        return Err(StoreError::field(
            "user",
            Said::new(
                "field-not-coordinator",
                format!("{} is a {}, not a coordinator", user.username, user.role.as_str()),
            )
            .text("user", &user.username)
            .word("role", format!("role-{}", user.role.as_str())),
        ));
    }
    let sql = format!("SELECT {COLUMNS} FROM coordination_bodies WHERE code = $1");
    let Some(row) = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(body).fetch_optional(&db.pool).await? else {
        return Err(StoreError::NotFound { what: "coordinating organisation", key: body.to_string() });
    };
    let found = from_row(&row)?;
    if found.region.is_some() && found.region != user.region {
        return Err(StoreError::field(
            "body",
            Said::new(
                "field-akimat-region",
                format!(
                    "{} is the akimat of {}; the coordinator must be scoped to that region",
                    found.code,
                    found.region.as_deref().unwrap_or("")
                ),
            )
            .text("body", &found.code)
            .region("region", found.region.clone().unwrap_or_default()),
        ));
    }
    let mut tx = db.begin_write().await?;
    sqlx::query("DELETE FROM body_members WHERE user_id = $1").bind(user.id).execute(&mut *tx).await?;
    sqlx::query("INSERT INTO body_members (user_id, body) VALUES ($1, $2)")
        .bind(user.id)
        .bind(body)
        .execute(&mut *tx)
        .await?;
    let detail = serde_json::json!({"username": user.username, "body": body});
    audit::append(
        &mut tx,
        actor,
        Event::new("coordination.member", "user", &user.id.to_string()).detail(detail),
    )
    .await?;
    tx.commit().await?;
    Ok(found)
}

/// Adds a coordinating organisation (new drafts will be sent to it).
pub async fn add_body(db: &Db, actor: &Actor, body: &Body) -> Result<Body, StoreError> {
    let code = body.code.trim();
    if code.is_empty()
        || code.len() > 40
        || !code.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        return Err(StoreError::field(
            "code",
            Said::new("field-body-code", "use 1–40 characters of a-z, 0-9 and '-'"),
        ));
    }
    if !["ministry", "akimat", "chamber", "other"].contains(&body.kind.as_str()) {
        return Err(StoreError::field(
            "kind",
            Said::new("field-body-kind", "must be ministry, akimat, chamber or other"),
        ));
    }
    if let Some(r) = &body.region
        && ashyq_core::region::by_code(r).is_none()
    {
        return Err(StoreError::field(
            "region",
            Said::new("field-not-a-region", format!("{r} is not a region code such as KZ-75"))
                .text("value", r),
        ));
    }
    if body.kind == "akimat" && body.region.is_none() {
        return Err(StoreError::field(
            "region",
            Said::new("field-akimat-needs-region", "an akimat needs its region"),
        ));
    }
    for (field, name) in [("name_en", &body.name_en), ("name_ru", &body.name_ru), ("name_kk", &body.name_kk)]
    {
        if name.trim().is_empty() || name.chars().count() > 200 {
            return Err(StoreError::field(
                field,
                Said::new("field-length", "a name of 1–200 characters is required").count("max", 200),
            ));
        }
    }
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "INSERT INTO coordination_bodies (code, kind, region, name_en, name_ru, name_kk, active) VALUES ($1, $2, $3, $4, $5, $6, 1)",
    )
    .bind(code)
    .bind(&body.kind)
    .bind(&body.region)
    .bind(body.name_en.trim())
    .bind(body.name_ru.trim())
    .bind(body.name_kk.trim())
    .execute(&mut *tx)
    .await
    .map_err(|e| {
        if crate::error::is_unique_violation(&e) {
            StoreError::Conflict { what: "coordinating organisation", key: code.to_string() }
        } else {
            e.into()
        }
    })?;
    audit::append(
        &mut tx,
        actor,
        Event::new("coordination.body_add", "body", code)
            .detail(serde_json::json!({"kind": body.kind, "region": body.region})),
    )
    .await?;
    tx.commit().await?;
    Ok(Body { code: code.to_string(), active: true, ..body.clone() })
}

/// Stops or resumes sending drafts to an organisation (its past opinions stay).
pub async fn set_body_active(db: &Db, actor: &Actor, code: &str, active: bool) -> Result<(), StoreError> {
    let mut tx = db.begin_write().await?;
    let done = sqlx::query("UPDATE coordination_bodies SET active = $1 WHERE code = $2")
        .bind(i64::from(active))
        .bind(code)
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound { what: "coordinating organisation", key: code.to_string() });
    }
    let action = if active { "coordination.body_enable" } else { "coordination.body_disable" };
    audit::append(&mut tx, actor, Event::new(action, "body", code)).await?;
    tx.commit().await?;
    Ok(())
}
