//! The reminders no single event causes, found by looking at the permits on a day: a permit's
//! term ends within the notice period (renew it), and a valuable-skills permit's training
//! report is due or overdue. Each is keyed by what it reminds of (the permit and its end, the
//! permit and the period), so scanning again, on any server, adds nothing new.

use super::{Kind, Notice, enqueue};
use crate::cases::permits::{self, COLUMNS, Permit};
use crate::db::Db;
use crate::error::StoreError;
use ashyq_core::cases::obligations;
use ashyq_core::policy::Policy;
use ashyq_core::rules::Programme;
use jiff::ToSpan;
use jiff::civil::Date;
use sqlx::Row;

/// How many days before a permit's term ends its holder is reminded to renew it.
pub const RENEWAL_NOTICE_DAYS: i32 = 60;

/// Writes the reminders due on `today` that were not written before; returns how many.
pub async fn reminders(db: &Db, policy: &Policy, today: Date) -> Result<usize, StoreError> {
    let horizon = today.checked_add(RENEWAL_NOTICE_DAYS.days()).unwrap_or(today);
    let ending = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM case_permits WHERE cancelled_on IS NULL AND valid_until >= $1 AND valid_until <= $2 ORDER BY id"
    )))
    .bind(today.to_string())
    .bind(horizon.to_string())
    .fetch_all(&db.pool)
    .await?;
    let mut notices = Vec::new();
    for r in &ending {
        let p = permits::from_row(r)?;
        notices.push(Notice {
            user_id: p.holder_id,
            kind: Kind::RenewalDue,
            subject_type: "permit",
            subject_id: p.id.to_string(),
            args: serde_json::json!({ "number": p.number, "programme": p.programme.id(), "valid_until": p.valid_until, "case": p.case_id }),
            dedupe_key: format!("renewal_due:{}:{}", p.id, p.valid_until),
        });
    }
    let reporting = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM case_permits WHERE programme = $1 AND cancelled_on IS NULL AND valid_from <= $2 ORDER BY id"
    )))
    .bind(Programme::ValuableSkillsVisa.id())
    .bind(today.to_string())
    .fetch_all(&db.pool)
    .await?;
    for r in &reporting {
        let p = permits::from_row(r)?;
        notices.extend(report_notices(db, policy, &p, today).await?);
    }
    let mut written = 0;
    // In slices, so a long scan never holds the write lock for long.
    for slice in notices.chunks(200) {
        let mut tx = db.begin_write().await?;
        for n in slice {
            if enqueue(&mut tx, n).await? {
                written += 1;
            }
        }
        tx.commit().await?;
    }
    Ok(written)
}

/// The reports of a permit's ended periods that were not filed: due, or overdue past the grace.
async fn report_notices(
    db: &Db,
    policy: &Policy,
    p: &Permit,
    today: Date,
) -> Result<Vec<Notice>, StoreError> {
    let ended = match permits::periods(policy, p, today) {
        Ok(ps) => ps,
        // A policy without the reporting parameters asks for no reports.
        Err(StoreError::Refused(_)) => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    let filed: Vec<u32> = sqlx::query("SELECT period FROM training_reports WHERE permit_id = $1")
        .bind(p.id)
        .fetch_all(&db.pool)
        .await?
        .iter()
        .map(|r| r.try_get::<i64, _>("period").map(|n| u32::try_from(n).unwrap_or(0)))
        .collect::<Result<_, _>>()?;
    let late = obligations::overdue(&ended, &filed, today);
    Ok(ended
        .iter()
        .filter(|period| !filed.contains(&period.number))
        .map(|period| {
            let overdue = late.iter().any(|l| l.number == period.number);
            let (kind, key) = if overdue { (Kind::ReportOverdue, "report_overdue") } else { (Kind::ReportDue, "report_due") };
            Notice {
                user_id: p.holder_id,
                kind,
                subject_type: "permit",
                subject_id: p.id.to_string(),
                args: serde_json::json!({ "number": p.number, "programme": p.programme.id(), "period": period.number, "due": period.due.to_string(), "case": p.case_id }),
                dedupe_key: format!("{key}:{}:{}", p.id, period.number),
            }
        })
        .collect())
}
