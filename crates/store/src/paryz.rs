//! The annual "Paryz" contest in the database (issue 7, docs/paryz.md): contest years and their
//! moves, nominations filed by coordinators, the jury's decisions recorded by the contest
//! secretariat, and what the public sees (published years only: the winners and the shortlist).
//!
//! Every change is one transaction with its audit record; the moves and limits are decided by
//! `ashyq_core::paryz`. The number of winners is checked against the prizes of the policy
//! inside the decision's transaction, with the year's row locked first on PostgreSQL (SQLite's
//! `BEGIN IMMEDIATE` already serialises writers), so two decisions at once never make one
//! winner too many. Every staff read of a year's nominations is audited.

use crate::audit::{self, Actor, Event};
use crate::codec;
use crate::db::{Backend, Db};
use crate::error::{StoreError, is_unique_violation};
use ashyq_core::money::Tenge;
use ashyq_core::paryz::{self, NominationInput, ParyzError, Verdict, YearMove, YearStatus};
use ashyq_core::policy::Policy;
use ashyq_core::said::Said;
use jiff::Timestamp;
use jiff::civil::Date;
use serde::Serialize;
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};

/// The policy parameter giving the prizes of a contest year.
pub const PRIZES_PARAMETER: &str = "paryz_prizes_per_year";

/// A contest year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Year {
    pub year: i64,
    pub status: YearStatus,
    pub opened_by: String,
    #[serde(rename = "opened_at_us", with = "crate::codec::us")]
    pub opened_at: Timestamp,
    #[serde(rename = "closed_at_us", with = "crate::codec::opt_us")]
    pub closed_at: Option<Timestamp>,
    #[serde(rename = "published_at_us", with = "crate::codec::opt_us")]
    pub published_at: Option<Timestamp>,
    /// The prizes of the year, recorded when it was published.
    pub prizes: Option<i64>,
}

/// A nomination. For the public, `card_number`, `reason` and who nominated are withheld.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Nomination {
    pub id: i64,
    pub reference: String,
    pub year: i64,
    pub nominee: String,
    pub country: String,
    pub card_number: Option<String>,
    pub business: String,
    pub sector: String,
    pub bin: Option<String>,
    pub contribution: String,
    pub jobs_created: i64,
    #[serde(rename = "investment_kzt")]
    pub investment: Tenge,
    pub nominated_by: Option<String>,
    #[serde(rename = "created_at_us", with = "crate::codec::us")]
    pub created_at: Timestamp,
    pub verdict: Option<Verdict>,
    pub reason: Option<String>,
    pub decided_by: Option<String>,
}

/// Who is reading: the public sees only published years, and in them the winners and the
/// shortlist; coordinators and administrators see every year and every nomination.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    Public,
    Staff,
}

impl Audience {
    pub fn of(role: ashyq_core::Role) -> Audience {
        match role {
            ashyq_core::Role::Coordinator | ashyq_core::Role::Admin => Audience::Staff,
            _ => Audience::Public,
        }
    }
}

fn refused(e: ParyzError) -> StoreError {
    StoreError::Refused(e.said())
}

fn check_year(year: i64) -> Result<(), StoreError> {
    if !(2000..=2100).contains(&year) {
        return Err(StoreError::field(
            "year",
            Said::new("field-contest-year", format!("{year} is not a contest year (2000 to 2100)"))
                .text("value", year.to_string()),
        ));
    }
    Ok(())
}

/// The prizes of a contest year on `on`, from the policy.
pub fn prizes(policy: &Policy, on: Date) -> Result<u32, StoreError> {
    let p = policy.parameter(PRIZES_PARAMETER, on).map_err(|e| {
        StoreError::Refused(
            Said::new("refused-no-parameter", format!("{PRIZES_PARAMETER} is not in force on {on}: {e}"))
                .text("name", PRIZES_PARAMETER)
                .date("on", on),
        )
    })?;
    rust_decimal::prelude::ToPrimitive::to_u32(&p.value.trunc())
        .ok_or_else(|| StoreError::Corrupt(format!("{PRIZES_PARAMETER} is not a count: {}", p.value)))
}

const YEAR_COLUMNS: &str = "year, status, opened_by, opened_at_us, closed_at_us, published_at_us, prizes";

fn year_of(r: &AnyRow) -> Result<Year, StoreError> {
    let status: String = r.try_get("status")?;
    Ok(Year {
        year: r.try_get("year")?,
        status: YearStatus::parse(&status)
            .ok_or_else(|| StoreError::Corrupt(format!("paryz_years.status {status:?}")))?,
        opened_by: r.try_get("opened_by")?,
        opened_at: codec::ts(r, "opened_at_us")?,
        closed_at: codec::opt_ts(r, "closed_at_us")?,
        published_at: codec::opt_ts(r, "published_at_us")?,
        prizes: r.try_get("prizes")?,
    })
}

const NOMINATION_COLUMNS: &str = "id, reference, year, nominee, country, card_number, business, sector, bin, \
    contribution, jobs_created, investment_tiyn, nominated_by, created_at_us, verdict, reason, decided_by";

fn nomination_of(r: &AnyRow) -> Result<Nomination, StoreError> {
    let verdict: Option<String> = r.try_get("verdict")?;
    let verdict = match verdict {
        None => None,
        Some(v) => Some(
            Verdict::parse(&v)
                .ok_or_else(|| StoreError::Corrupt(format!("paryz_nominations.verdict {v:?}")))?,
        ),
    };
    Ok(Nomination {
        id: r.try_get("id")?,
        reference: r.try_get("reference")?,
        year: r.try_get("year")?,
        nominee: r.try_get("nominee")?,
        country: r.try_get("country")?,
        card_number: r.try_get("card_number")?,
        business: r.try_get("business")?,
        sector: r.try_get("sector")?,
        bin: r.try_get("bin")?,
        contribution: r.try_get("contribution")?,
        jobs_created: r.try_get("jobs_created")?,
        investment: codec::tenge(r, "investment_tiyn")?,
        nominated_by: Some(r.try_get("nominated_by")?),
        created_at: codec::ts(r, "created_at_us")?,
        verdict,
        reason: r.try_get("reason")?,
        decided_by: r.try_get("decided_by")?,
    })
}

async fn load_year(conn: &mut AnyConnection, year: i64) -> Result<Year, StoreError> {
    let r =
        sqlx::query(sqlx::AssertSqlSafe(format!("SELECT {YEAR_COLUMNS} FROM paryz_years WHERE year = $1")))
            .bind(year)
            .fetch_optional(&mut *conn)
            .await?
            .ok_or_else(|| StoreError::NotFound { what: "contest year", key: year.to_string() })?;
    year_of(&r)
}

async fn lock_year(db: &Db, conn: &mut AnyConnection, year: i64) -> Result<Year, StoreError> {
    if db.backend == Backend::Postgres {
        sqlx::query("SELECT year FROM paryz_years WHERE year = $1 FOR UPDATE")
            .bind(year)
            .execute(&mut *conn)
            .await?;
    }
    load_year(conn, year).await
}

/// Opens a contest year for nominations. A year is opened once.
pub async fn open_year(db: &Db, actor: &Actor, year: i64) -> Result<Year, StoreError> {
    check_year(year)?;
    let mut tx = db.begin_write().await?;
    let inserted = sqlx::query(
        "INSERT INTO paryz_years (year, status, opened_by, opened_at_us) VALUES ($1, 'open', $2, $3)",
    )
    .bind(year)
    .bind(&actor.username)
    .bind(crate::now_us())
    .execute(&mut *tx)
    .await;
    match inserted {
        Err(e) if is_unique_violation(&e) => {
            return Err(StoreError::Conflict { what: "contest year", key: year.to_string() });
        }
        r => r?,
    };
    let detail = serde_json::json!({ "year": year });
    audit::append(
        &mut tx,
        actor,
        Event::new("paryz.year.open", "paryz_year", &year.to_string()).detail(detail),
    )
    .await?;
    let y = load_year(&mut tx, year).await?;
    tx.commit().await?;
    Ok(y)
}

/// Closes a year's nominations, or publishes its results (every nomination decided; the
/// prizes in force on `today` are recorded with it). Published results are final.
pub async fn move_year(
    db: &Db,
    actor: &Actor,
    policy: &Policy,
    year: i64,
    m: YearMove,
    today: Date,
) -> Result<Year, StoreError> {
    let mut tx = db.begin_write().await?;
    let y = lock_year(db, &mut tx, year).await?;
    let counts = sqlx::query(
        "SELECT COALESCE(SUM(CASE WHEN verdict IS NULL THEN 0 ELSE 1 END), 0) AS decided, \
         COALESCE(SUM(CASE WHEN verdict IS NULL THEN 1 ELSE 0 END), 0) AS undecided \
         FROM paryz_nominations WHERE year = $1",
    )
    .bind(year)
    .fetch_one(&mut *tx)
    .await?;
    let decided = usize::try_from(counts.try_get::<i64, _>("decided")?).unwrap_or(0);
    let undecided = usize::try_from(counts.try_get::<i64, _>("undecided")?).unwrap_or(0);
    let to = paryz::next(y.status, m, decided, undecided).map_err(refused)?;
    let now = crate::now_us();
    let mut detail = serde_json::json!({ "year": year, "from": y.status.as_str(), "to": to.as_str() });
    match m {
        YearMove::Close => {
            sqlx::query("UPDATE paryz_years SET status = $1, closed_at_us = $2 WHERE year = $3")
                .bind(to.as_str())
                .bind(now)
                .bind(year)
                .execute(&mut *tx)
                .await?;
        }
        YearMove::Publish => {
            let n = i64::from(prizes(policy, today)?);
            sqlx::query(
                "UPDATE paryz_years SET status = $1, published_at_us = $2, prizes = $3 WHERE year = $4",
            )
            .bind(to.as_str())
            .bind(now)
            .bind(n)
            .bind(year)
            .execute(&mut *tx)
            .await?;
            detail["prizes"] = n.into();
        }
    }
    let action = match m {
        YearMove::Close => "paryz.year.close",
        YearMove::Publish => "paryz.year.publish",
    };
    audit::append(&mut tx, actor, Event::new(action, "paryz_year", &year.to_string()).detail(detail)).await?;
    let y = load_year(&mut tx, year).await?;
    tx.commit().await?;
    Ok(y)
}

async fn by_reference(db: &Db, reference: &str) -> Result<Option<Nomination>, StoreError> {
    let r = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT {NOMINATION_COLUMNS} FROM paryz_nominations WHERE reference = $1"
    )))
    .bind(reference)
    .fetch_optional(&db.pool)
    .await?;
    r.as_ref().map(nomination_of).transpose()
}

/// Files a nomination for `year` (which must be open). The same reference again returns the
/// stored nomination (`false`). An Ata zholy card number must be one issued and not cancelled.
pub async fn nominate(
    db: &Db,
    actor: &Actor,
    year: i64,
    reference: &str,
    input: &NominationInput,
) -> Result<(Nomination, bool), StoreError> {
    let reference = reference.trim();
    if reference.is_empty() || reference.chars().count() > 80 {
        return Err(StoreError::field(
            "reference",
            Said::new("field-length", "must be 1 to 80 characters").count("max", 80),
        ));
    }
    if let Some(n) = by_reference(db, reference).await? {
        if n.year != year {
            return Err(StoreError::Conflict { what: "nomination reference", key: reference.into() });
        }
        return Ok((n, false));
    }
    let n = paryz::check_nomination(input).map_err(|p| StoreError::field(p.field, p.reason))?;
    let investment = Tenge::from_whole(n.investment_kzt).ok_or_else(|| {
        StoreError::field(
            "investment_kzt",
            Said::new("field-range", format!("must be from 0 to {}", i64::MAX / 100))
                .count("min", 0)
                .count("max", i64::MAX / 100),
        )
    })?;
    let mut tx = db.begin_write().await?;
    let y = lock_year(db, &mut tx, year).await?;
    paryz::may_nominate(y.status).map_err(refused)?;
    if let Some(card) = &n.card_number {
        let row = sqlx::query("SELECT programme, cancelled_on FROM case_permits WHERE number = $1")
            .bind(card)
            .fetch_optional(&mut *tx)
            .await?;
        let Some(row) = row else {
            return Err(StoreError::field(
                "card_number",
                Said::new("field-card-unknown", format!("no Ata zholy card {card} was issued"))
                    .text("value", card),
            ));
        };
        let programme: String = row.try_get("programme")?;
        if programme != ashyq_core::rules::Programme::AtaZholy.id() {
            return Err(StoreError::field(
                "card_number",
                Said::new("field-card-other", format!("{card} is not an Ata zholy card")).text("value", card),
            ));
        }
        if let Some(on) = codec::opt_date(&row, "cancelled_on")? {
            return Err(StoreError::field(
                "card_number",
                Said::new("field-card-cancelled", format!("the Ata zholy card {card} was cancelled on {on}"))
                    .text("value", card)
                    .date("on", on),
            ));
        }
    }
    let inserted = sqlx::query(
        "INSERT INTO paryz_nominations (reference, year, nominee, country, card_number, business, sector, bin, \
         contribution, jobs_created, investment_tiyn, nominated_by_id, nominated_by, created_at_us) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id",
    )
    .bind(reference)
    .bind(year)
    .bind(&n.nominee)
    .bind(&n.country)
    .bind(n.card_number.as_deref())
    .bind(&n.business)
    .bind(&n.sector)
    .bind(n.bin.as_deref())
    .bind(&n.contribution)
    .bind(n.jobs_created)
    .bind(codec::tenge_to_sql(investment))
    .bind(actor.user_id)
    .bind(&actor.username)
    .bind(crate::now_us())
    .fetch_one(&mut *tx)
    .await;
    let id: i64 = match inserted {
        Ok(r) => r.try_get("id")?,
        Err(e) if is_unique_violation(&e) => {
            drop(tx);
            return match by_reference(db, reference).await? {
                Some(n) => Ok((n, false)),
                None => Err(StoreError::Conflict { what: "nomination reference", key: reference.into() }),
            };
        }
        Err(e) => return Err(e.into()),
    };
    let detail = serde_json::json!({
        "year": year, "reference": reference, "nominee": n.nominee, "business": n.business,
        "card_number": n.card_number, "bin": n.bin,
    });
    audit::append(
        &mut tx,
        actor,
        Event::new("paryz.nominate", "paryz_nomination", &id.to_string()).detail(detail),
    )
    .await?;
    tx.commit().await?;
    let stored = get_nomination(db, id).await?;
    Ok((stored, true))
}

/// A nomination by id, whole (for staff and the shells after a change).
pub async fn get_nomination(db: &Db, id: i64) -> Result<Nomination, StoreError> {
    let r = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT {NOMINATION_COLUMNS} FROM paryz_nominations WHERE id = $1"
    )))
    .bind(id)
    .fetch_optional(&db.pool)
    .await?
    .ok_or_else(|| StoreError::NotFound { what: "nomination", key: id.to_string() })?;
    nomination_of(&r)
}

/// Records the jury's decision on a nomination (the year must be closed), with its reason.
/// A winner takes one of the year's prizes in force on `today`: never more winners than
/// prizes. A decision may be changed until the year is published.
pub async fn decide(
    db: &Db,
    actor: &Actor,
    policy: &Policy,
    id: i64,
    verdict: Verdict,
    reason: &str,
    today: Date,
) -> Result<Nomination, StoreError> {
    let reason = reason.trim();
    if reason.is_empty() || reason.chars().count() > 2000 {
        return Err(StoreError::field(
            "reason",
            Said::new("field-jury-reason", "the jury's reason is required (at most 2000 characters)")
                .count("max", 2000),
        ));
    }
    let year: i64 = sqlx::query("SELECT year FROM paryz_nominations WHERE id = $1")
        .bind(id)
        .fetch_optional(&db.pool)
        .await?
        .ok_or_else(|| StoreError::NotFound { what: "nomination", key: id.to_string() })?
        .try_get("year")?;
    let mut tx = db.begin_write().await?;
    let y = lock_year(db, &mut tx, year).await?;
    paryz::may_decide(y.status).map_err(refused)?;
    let before: Option<String> = sqlx::query("SELECT verdict FROM paryz_nominations WHERE id = $1")
        .bind(id)
        .fetch_one(&mut *tx)
        .await?
        .try_get("verdict")?;
    let winners: i64 =
        sqlx::query("SELECT COUNT(*) AS n FROM paryz_nominations WHERE year = $1 AND verdict = 'winner'")
            .bind(year)
            .fetch_one(&mut *tx)
            .await?
            .try_get("n")?;
    let prizes = prizes(policy, today)?;
    let already = before.as_deref() == Some(Verdict::Winner.as_str());
    paryz::may_add_winner(verdict, already, u32::try_from(winners).unwrap_or(u32::MAX), prizes)
        .map_err(refused)?;
    sqlx::query(
        "UPDATE paryz_nominations SET verdict = $1, reason = $2, decided_by = $3, decided_at_us = $4 WHERE id = $5",
    )
    .bind(verdict.as_str())
    .bind(reason)
    .bind(&actor.username)
    .bind(crate::now_us())
    .bind(id)
    .execute(&mut *tx)
    .await?;
    let detail = serde_json::json!({
        "year": year, "verdict": verdict.as_str(), "before": before, "reason": reason, "prizes": prizes,
    });
    audit::append(
        &mut tx,
        actor,
        Event::new("paryz.decide", "paryz_nomination", &id.to_string()).detail(detail),
    )
    .await?;
    tx.commit().await?;
    get_nomination(db, id).await
}

/// The contest years the audience may see, newest first: the public sees the published ones.
pub async fn years(db: &Db, audience: Audience) -> Result<Vec<Year>, StoreError> {
    let filter = if audience == Audience::Public { "WHERE status = 'published'" } else { "" };
    let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT {YEAR_COLUMNS} FROM paryz_years {filter} ORDER BY year DESC"
    )))
    .fetch_all(&db.pool)
    .await?;
    rows.iter().map(year_of).collect()
}

/// What the public sees of a nomination of a published year.
fn public_view(mut n: Nomination) -> Nomination {
    n.card_number = None;
    n.reason = None;
    n.nominated_by = None;
    n.decided_by = None;
    n
}

/// A contest year with the nominations the audience may see: for the public, a year not yet
/// published does not exist (not found), and of a published year only the winners and the
/// shortlist are shown, winners first. Staff see every nomination; their read is audited.
pub async fn year(
    db: &Db,
    actor: &Actor,
    year: i64,
    audience: Audience,
) -> Result<(Year, Vec<Nomination>), StoreError> {
    let mut conn = db.pool.acquire().await?;
    let y = load_year(&mut conn, year).await?;
    drop(conn);
    if audience == Audience::Public && y.status != YearStatus::Published {
        return Err(StoreError::NotFound { what: "contest year", key: year.to_string() });
    }
    let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT {NOMINATION_COLUMNS} FROM paryz_nominations WHERE year = $1 ORDER BY \
         CASE verdict WHEN 'winner' THEN 0 WHEN 'shortlisted' THEN 1 WHEN 'not_selected' THEN 2 ELSE 3 END, id"
    )))
    .bind(year)
    .fetch_all(&db.pool)
    .await?;
    let all: Vec<Nomination> = rows.iter().map(nomination_of).collect::<Result<_, _>>()?;
    let shown = match audience {
        Audience::Public => all
            .into_iter()
            .filter(|n| n.verdict.is_some_and(Verdict::is_published))
            .map(public_view)
            .collect(),
        Audience::Staff => {
            let detail = serde_json::json!({ "year": year, "nominations": all.len() });
            audit::record(
                db,
                actor,
                Event::new("paryz.read", "paryz_year", &year.to_string()).detail(detail),
            )
            .await?;
            all
        }
    };
    Ok((y, shown))
}
