//! Kandas resettlement in the store (issue 7): applications registered for a family, their
//! assignment to the chosen region — which checks and consumes the region's annual quota in the
//! same transaction and records the subsidies due — refusals, payments, and the report by region.
//! Every change is audited in its transaction. `scope` is the region an officer is limited to
//! (`None`: any region). An applicant's own applications, filed from their account, are in
//! [`own`]; the operator's audited listing for batch work in [`listing`].

use crate::audit::{self, Actor, Event};
use crate::codec;
use crate::db::Db;
use crate::error::StoreError;
use ashyq_core::kandas::{self, Application, Subsidies};
use ashyq_core::money::Tenge;
use ashyq_core::policy::Policy;
use ashyq_core::said::Said;
use jiff::civil::Date;
use serde::Serialize;
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};

/// A stored application.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KandasApplication {
    pub id: i64,
    pub reference: String,
    pub region: String,
    /// submitted | assigned | refused
    pub status: String,
    pub applicant: String,
    pub origin: String,
    pub family_size: i64,
    pub facts: Application,
    pub filed_on: Date,
    pub filed_by: String,
    pub assigned_year: Option<i64>,
    pub assigned_on: Option<Date>,
    pub subsidies: Option<Subsidies>,
    /// The subsidies due, to the tiyn (once assigned).
    #[serde(rename = "total_kzt")]
    pub total: Option<Tenge>,
    pub paid_on: Option<Date>,
    pub paid_by: Option<String>,
    pub refusal: Option<String>,
    pub decided_by: Option<String>,
    /// The account that filed it (`None`: registered by an officer on the family's behalf).
    pub applicant_id: Option<i64>,
}

/// `SELECT <every column> FROM kandas_applications <rest>`, as one static string.
macro_rules! select {
    ($rest:literal) => {
        concat!(
            "SELECT id, reference, region, status, applicant, origin, family_size, facts, filed_on, filed_by, ",
            "assigned_year, assigned_on, subsidies, total_tiyn, paid_on, paid_by, refusal, decided_by, applicant_id ",
            "FROM kandas_applications ",
            $rest
        )
    };
}

pub mod listing;
pub mod own;

fn corrupt(e: impl std::fmt::Display) -> StoreError {
    StoreError::Corrupt(e.to_string())
}

fn from_row(r: &AnyRow) -> Result<KandasApplication, StoreError> {
    let facts: String = r.try_get("facts")?;
    let subsidies: Option<String> = r.try_get("subsidies")?;
    Ok(KandasApplication {
        id: r.try_get("id")?,
        reference: r.try_get("reference")?,
        region: r.try_get("region")?,
        status: r.try_get("status")?,
        applicant: r.try_get("applicant")?,
        origin: r.try_get("origin")?,
        family_size: r.try_get("family_size")?,
        facts: serde_json::from_str(&facts).map_err(corrupt)?,
        filed_on: codec::date(r, "filed_on")?,
        filed_by: r.try_get("filed_by")?,
        assigned_year: r.try_get("assigned_year")?,
        assigned_on: codec::opt_date(r, "assigned_on")?,
        subsidies: subsidies.map(|s| serde_json::from_str(&s)).transpose().map_err(corrupt)?,
        total: codec::opt_tenge(r, "total_tiyn")?,
        paid_on: codec::opt_date(r, "paid_on")?,
        paid_by: r.try_get("paid_by")?,
        refusal: r.try_get("refusal")?,
        decided_by: r.try_get("decided_by")?,
        applicant_id: r.try_get("applicant_id")?,
    })
}

fn in_scope(scope: Option<&str>, region: &str) -> Result<(), StoreError> {
    match scope {
        Some(s) if s != region => Err(StoreError::OtherRegion {
            what: "application",
            region: region.to_string(),
            mine: s.to_string(),
        }),
        _ => Ok(()),
    }
}

/// Registers an application for a family, checked for kandas status on `today`. The same
/// reference again is a conflict.
pub async fn create(
    db: &Db,
    actor: &Actor,
    scope: Option<&str>,
    reference: &str,
    facts: &Application,
    today: Date,
) -> Result<KandasApplication, StoreError> {
    let reference = reference.trim();
    if reference.is_empty() || reference.len() > 64 {
        return Err(StoreError::field(
            "reference",
            Said::new("field-length", "1 to 64 characters").count("max", 64),
        ));
    }
    let region = checked_region(facts, today)?;
    in_scope(scope, &region)?;
    let mut facts = facts.clone();
    facts.region = region.clone();
    facts.origin = facts.origin.trim().to_ascii_uppercase();
    let now = crate::now_us();
    let mut tx = db.begin_write().await?;
    let inserted = sqlx::query(
        "INSERT INTO kandas_applications (reference, region, status, applicant, origin, family_size, facts, \
         filed_on, filed_by, created_at_us, updated_at_us) VALUES ($1, $2, 'submitted', $3, $4, $5, $6, $7, $8, $9, $9) \
         RETURNING id",
    )
    .bind(reference)
    .bind(&region)
    .bind(facts.applicant.name())
    .bind(&facts.origin)
    .bind(i64::from(facts.family_size()))
    .bind(serde_json::to_string(&facts).map_err(corrupt)?)
    .bind(codec::date_to_sql(today))
    .bind(&actor.username)
    .bind(now)
    .fetch_one(&mut *tx)
    .await;
    let id: i64 = match inserted {
        Ok(r) => r.try_get("id")?,
        Err(e) if crate::error::is_unique_violation(&e) => {
            return Err(StoreError::Conflict { what: "kandas application", key: reference.into() });
        }
        Err(e) => return Err(e.into()),
    };
    let detail =
        serde_json::json!({ "reference": reference, "region": region, "family_size": facts.family_size() });
    audit::append(
        &mut tx,
        actor,
        Event::new("kandas.create", "kandas_application", &id.to_string()).detail(detail),
    )
    .await?;
    let app = fetch(&mut tx, id).await?;
    tx.commit().await?;
    Ok(app)
}

async fn fetch(conn: &mut AnyConnection, id: i64) -> Result<KandasApplication, StoreError> {
    let row = sqlx::query(select!("WHERE id = $1"))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or_else(|| StoreError::NotFound { what: "kandas application", key: id.to_string() })?;
    from_row(&row)
}

/// One application, if in scope.
pub async fn get(db: &Db, scope: Option<&str>, id: i64) -> Result<KandasApplication, StoreError> {
    let mut conn = db.pool.acquire().await?;
    let app = fetch(&mut conn, id).await?;
    in_scope(scope, &app.region)?;
    Ok(app)
}

/// One application read by staff, if in scope: the read is audited (`kandas.read`), the family's
/// names being personal data.
pub async fn read(
    db: &Db,
    actor: &Actor,
    scope: Option<&str>,
    id: i64,
) -> Result<KandasApplication, StoreError> {
    let app = get(db, scope, id).await?;
    audit::record(db, actor, Event::new("kandas.read", "kandas_application", &id.to_string())).await?;
    Ok(app)
}

/// [`list`] for staff: the listing is audited (`kandas.queue`) with what was asked and how many
/// were shown.
pub async fn listed(
    db: &Db,
    actor: &Actor,
    scope: Option<&str>,
    status: Option<&str>,
    limit: i64,
) -> Result<Vec<KandasApplication>, StoreError> {
    let out = list(db, scope, status, limit).await?;
    let detail = serde_json::json!({ "region": scope, "status": status, "shown": out.len() });
    audit::record(db, actor, Event::new("kandas.queue", "kandas_application", "*").detail(detail)).await?;
    Ok(out)
}

/// Applications in scope, optionally of one status, oldest first.
pub async fn list(
    db: &Db,
    scope: Option<&str>,
    status: Option<&str>,
    limit: i64,
) -> Result<Vec<KandasApplication>, StoreError> {
    let rows = sqlx::query(select!(
        "WHERE ($1 = '' OR region = $1) AND ($2 = '' OR status = $2) ORDER BY id LIMIT $3"
    ))
    .bind(scope.unwrap_or(""))
    .bind(status.unwrap_or(""))
    .bind(limit)
    .fetch_all(&db.pool)
    .await?;
    rows.iter().map(from_row).collect()
}

/// A region's quota for a year: places and places used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct QuotaUse {
    pub places: i64,
    pub used: i64,
}

impl QuotaUse {
    pub fn left(&self) -> i64 {
        (self.places - self.used).max(0)
    }
}

/// The quota of `region` for `year`: as taken so far, or the policy's places untouched.
pub async fn quota(db: &Db, policy: &Policy, region: &str, year: i16) -> Result<QuotaUse, StoreError> {
    let row = sqlx::query("SELECT places, used FROM kandas_quotas WHERE region = $1 AND year = $2")
        .bind(region)
        .bind(i64::from(year))
        .fetch_optional(&db.pool)
        .await?;
    match row {
        Some(r) => Ok(QuotaUse { places: r.try_get("places")?, used: r.try_get("used")? }),
        None => Ok(QuotaUse { places: kandas::quota(policy, region, year).unwrap_or(0), used: 0 }),
    }
}

/// Assigns the family to its region on `today`: takes `family_size` places of the region's quota
/// for the year (refused when fewer are left) and records the subsidies due, in one transaction.
pub async fn assign(
    db: &Db,
    actor: &Actor,
    scope: Option<&str>,
    policy: &Policy,
    id: i64,
    today: Date,
) -> Result<KandasApplication, StoreError> {
    let mut tx = db.begin_write().await?;
    let app = fetch(&mut tx, id).await?;
    in_scope(scope, &app.region)?;
    if app.status != "submitted" {
        return Err(StoreError::Refused(
            Said::new(
                "refused-kandas-not-submitted",
                format!("the application is {}, not submitted", app.status),
            )
            .word("status", format!("kd-status-{}", app.status)),
        ));
    }
    let size = u32::try_from(app.family_size).map_err(corrupt)?;
    let subsidies = kandas::subsidies(policy, &app.region, size, today).map_err(|e| {
        StoreError::Refused(Said::new(
            "refused-kandas-no-subsidies",
            format!("no subsidies are in force: {e}"),
        ))
    })?;
    // The subsidies are figured in exact decimals; what is due is that total to the tiyn.
    let total = Tenge::rounded(subsidies.total_kzt).map_err(corrupt)?;
    let year = today.year();
    let places = kandas::quota(policy, &app.region, year).map_err(|e| {
        StoreError::Refused(
            Said::new("refused-kandas-no-quota", format!("no kandas quota for {year}: {e}"))
                .text("year", year.to_string()),
        )
    })?;
    sqlx::query(
        "INSERT INTO kandas_quotas (region, year, places, used) VALUES ($1, $2, $3, 0) \
         ON CONFLICT (region, year) DO NOTHING",
    )
    .bind(&app.region)
    .bind(i64::from(year))
    .bind(places)
    .execute(&mut *tx)
    .await?;
    let took = sqlx::query(
        "UPDATE kandas_quotas SET used = used + $3 WHERE region = $1 AND year = $2 AND used + $3 <= places",
    )
    .bind(&app.region)
    .bind(i64::from(year))
    .bind(app.family_size)
    .execute(&mut *tx)
    .await?;
    if took.rows_affected() != 1 {
        let left: i64 =
            sqlx::query("SELECT places - used AS left_ FROM kandas_quotas WHERE region = $1 AND year = $2")
                .bind(&app.region)
                .bind(i64::from(year))
                .fetch_one(&mut *tx)
                .await?
                .try_get("left_")?;
        return Err(StoreError::Refused(
            Said::new(
                "refused-kandas-quota",
                format!(
                    "the kandas quota of {} for {year} has {left} places left; the family needs {}",
                    app.region, app.family_size
                ),
            )
            .region("region", app.region.clone())
            .text("year", year.to_string())
            .count("left", left)
            .count("count", app.family_size),
        ));
    }
    let moved = sqlx::query(
        "UPDATE kandas_applications SET status = 'assigned', assigned_year = $2, assigned_on = $3, subsidies = $4, \
         total_tiyn = $5, decided_by = $6, updated_at_us = $7 WHERE id = $1 AND status = 'submitted'",
    )
    .bind(id)
    .bind(i64::from(year))
    .bind(codec::date_to_sql(today))
    .bind(serde_json::to_string(&subsidies).map_err(corrupt)?)
    .bind(codec::tenge_to_sql(total))
    .bind(&actor.username)
    .bind(crate::now_us())
    .execute(&mut *tx)
    .await?;
    if moved.rows_affected() != 1 {
        return Err(StoreError::refused(
            "refused-decided-meanwhile",
            "the application was decided meanwhile",
        ));
    }
    // The family that filed the application itself is told, in this transaction; one an officer
    // registered for the family has no account to tell.
    if let Some(user_id) = app.applicant_id {
        let notice = crate::notifications::Notice {
            user_id,
            kind: crate::notifications::Kind::KandasAssigned,
            subject_type: "kandas",
            subject_id: id.to_string(),
            args: serde_json::json!({ "region": app.region, "reference": app.reference, "year": year }),
            dedupe_key: format!("kandas_assigned:{id}"),
        };
        crate::notifications::enqueue(&mut tx, &notice).await?;
    }
    let detail = serde_json::json!({
        "region": app.region, "year": year, "places": app.family_size,
        "total_kzt": total, "used": subsidies.used,
    });
    audit::append(
        &mut tx,
        actor,
        Event::new("kandas.assign", "kandas_application", &id.to_string()).detail(detail),
    )
    .await?;
    let app = fetch(&mut tx, id).await?;
    tx.commit().await?;
    Ok(app)
}

/// Refuses a submitted application with a reason.
pub async fn refuse(
    db: &Db,
    actor: &Actor,
    scope: Option<&str>,
    id: i64,
    reason: &str,
) -> Result<KandasApplication, StoreError> {
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(StoreError::field(
            "reason",
            Said::new("field-reason-needed", "a refusal needs a reason"),
        ));
    }
    let mut tx = db.begin_write().await?;
    let app = fetch(&mut tx, id).await?;
    in_scope(scope, &app.region)?;
    let moved = sqlx::query(
        "UPDATE kandas_applications SET status = 'refused', refusal = $2, decided_by = $3, updated_at_us = $4 \
         WHERE id = $1 AND status = 'submitted'",
    )
    .bind(id)
    .bind(reason)
    .bind(&actor.username)
    .bind(crate::now_us())
    .execute(&mut *tx)
    .await?;
    if moved.rows_affected() != 1 {
        return Err(StoreError::Refused(
            Said::new(
                "refused-kandas-not-submitted",
                format!("the application is {}, not submitted", app.status),
            )
            .word("status", format!("kd-status-{}", app.status)),
        ));
    }
    audit::append(
        &mut tx,
        actor,
        Event::new("kandas.refuse", "kandas_application", &id.to_string())
            .detail(serde_json::json!({ "reason": reason })),
    )
    .await?;
    let app = fetch(&mut tx, id).await?;
    tx.commit().await?;
    Ok(app)
}

/// Records the subsidies of an assigned family as paid on `today`.
pub async fn pay(
    db: &Db,
    actor: &Actor,
    scope: Option<&str>,
    id: i64,
    today: Date,
) -> Result<KandasApplication, StoreError> {
    let mut tx = db.begin_write().await?;
    let app = fetch(&mut tx, id).await?;
    in_scope(scope, &app.region)?;
    let moved = sqlx::query(
        "UPDATE kandas_applications SET paid_on = $2, paid_by = $3, updated_at_us = $4 \
         WHERE id = $1 AND status = 'assigned' AND paid_on IS NULL",
    )
    .bind(id)
    .bind(codec::date_to_sql(today))
    .bind(&actor.username)
    .bind(crate::now_us())
    .execute(&mut *tx)
    .await?;
    if moved.rows_affected() != 1 {
        return Err(StoreError::refused(
            "refused-kandas-not-payable",
            "only an assigned family not yet paid can be paid",
        ));
    }
    let total = app.total.map(|t| t.to_string()).unwrap_or_default();
    audit::append(
        &mut tx,
        actor,
        Event::new("kandas.pay", "kandas_application", &id.to_string())
            .detail(serde_json::json!({ "total_kzt": total, "paid_on": today })),
    )
    .await?;
    let app = fetch(&mut tx, id).await?;
    tx.commit().await?;
    Ok(app)
}

/// One region's line of the report for a year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RegionReport {
    pub region: String,
    pub designated: bool,
    pub places: i64,
    pub used: i64,
    pub families: i64,
    pub persons: i64,
    #[serde(rename = "subsidies_due_kzt")]
    pub subsidies_due: Tenge,
    #[serde(rename = "subsidies_paid_kzt")]
    pub subsidies_paid: Tenge,
}

/// The report by region for `year`: quota, used, families settled, persons, subsidies due and paid.
pub async fn report(db: &Db, policy: &Policy, year: i16) -> Result<Vec<RegionReport>, StoreError> {
    if !(1..=9999).contains(&year) {
        return Err(StoreError::field(
            "year",
            Said::new("field-not-a-year", format!("{year} is not a year from 1 to 9999"))
                .text("value", year.to_string()),
        ));
    }
    let on = Date::new(year, 1, 1).map_err(corrupt)?;
    let quotas = sqlx::query("SELECT region, places, used FROM kandas_quotas WHERE year = $1")
        .bind(i64::from(year))
        .fetch_all(&db.pool)
        .await?;
    let settled = sqlx::query(
        "SELECT region, COUNT(*) AS families, CAST(SUM(family_size) AS BIGINT) AS persons, \
         CAST(COALESCE(SUM(total_tiyn), 0) AS BIGINT) AS due, \
         CAST(COALESCE(SUM(CASE WHEN paid_on IS NULL THEN 0 ELSE total_tiyn END), 0) AS BIGINT) AS paid \
         FROM kandas_applications WHERE status = 'assigned' AND assigned_year = $1 GROUP BY region",
    )
    .bind(i64::from(year))
    .fetch_all(&db.pool)
    .await?;
    let mut out = Vec::new();
    for r in ashyq_core::region::all() {
        let mut line = RegionReport {
            region: r.code.clone(),
            designated: kandas::designated(policy, &r.code, on).unwrap_or(false),
            places: kandas::quota(policy, &r.code, year).unwrap_or(0),
            used: 0,
            families: 0,
            persons: 0,
            subsidies_due: Tenge::ZERO,
            subsidies_paid: Tenge::ZERO,
        };
        for q in &quotas {
            if q.try_get::<String, _>("region")? == r.code {
                line.places = q.try_get("places")?;
                line.used = q.try_get("used")?;
            }
        }
        for a in &settled {
            if a.try_get::<String, _>("region")? == r.code {
                line.families = a.try_get("families")?;
                line.persons = a.try_get("persons")?;
                line.subsidies_due = codec::tenge(a, "due")?;
                line.subsidies_paid = codec::tenge(a, "paid")?;
            }
        }
        out.push(line);
    }
    Ok(out)
}

/// An application's status checked and its region's code (a KATO prefix read as its region).
pub(crate) fn checked_region(facts: &Application, today: Date) -> Result<String, StoreError> {
    kandas::check_status(facts, today).map_err(|e| StoreError::field(e.field(), e.said()))?;
    ashyq_core::region::by_code(&facts.region).map(|r| r.code.clone()).ok_or_else(|| {
        StoreError::field(
            "region",
            Said::new("field-not-a-region", "not a region").text("value", facts.region.clone()),
        )
    })
}
