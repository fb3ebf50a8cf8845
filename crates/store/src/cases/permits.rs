//! Permits issued by cases: issuing (with its quota place and number) inside the approval's
//! transaction, renewal and cancellation with a legal ground, the full history of each, the
//! valuable-skills holders' training reports and the overdue ones. Every permit is written to
//! the register of movements too (`register_permits`, against the holder's passport), so the
//! register's lawful-stay answer reflects issues, renewals and cancellations.

use super::Viewer;
use super::evaluate::Evaluated;
use super::read::{Case, programme};
use crate::audit::{self, Actor, Event};
use crate::codec;
use crate::db::{Backend, Db, WriteTx};
use crate::error::StoreError;
use crate::register::rows::{Identity, PermitRow, Record};
use crate::register::write::{self as register_write, BatchError, Counts};
use ashyq_core::cases::obligations::{self, Period};
use ashyq_core::cases::permit::{self, CancellationGround, PermitState};
use ashyq_core::cases::{Holder, status};
use ashyq_core::policy::Policy;
use ashyq_core::rules::Programme;
use ashyq_core::said::Said;
use jiff::Timestamp;
use jiff::civil::Date;
use serde::Serialize;
use sqlx::{AnyConnection, Row};

/// A permit as stored.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Permit {
    pub id: i64,
    pub number: String,
    pub case_id: i64,
    pub programme: Programme,
    pub kind: String,
    pub holder_id: i64,
    pub holder: Holder,
    pub region: String,
    pub valid_from: Date,
    pub valid_until: Date,
    pub cancelled_on: Option<Date>,
    pub cancel_ground: Option<String>,
    pub rights: Vec<String>,
    pub conditions: Vec<String>,
    pub min_trainees: Option<i64>,
    #[serde(rename = "issued_at_us", with = "crate::codec::us")]
    pub issued_at: Timestamp,
}

/// One event of a permit's history.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PermitHistory {
    pub id: i64,
    #[serde(rename = "at_us", with = "crate::codec::us")]
    pub at: Timestamp,
    pub actor: String,
    pub kind: String,
    pub valid_from: Date,
    pub valid_until: Date,
    pub ground: Option<String>,
    pub reason: Option<String>,
}

/// A training report filed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub period: i64,
    pub trainees: i64,
    pub summary: String,
    pub filed_by: String,
    #[serde(rename = "filed_at_us", with = "crate::codec::us")]
    pub filed_at: Timestamp,
}

pub(crate) const COLUMNS: &str = "id, number, case_id, programme, kind, holder_id, holder, region, valid_from, valid_until, \
     cancelled_on, cancel_ground, rights, conditions, min_trainees, issued_at_us";

pub(crate) fn from_row(r: &sqlx::any::AnyRow) -> Result<Permit, StoreError> {
    let corrupt = |what: &str, e: serde_json::Error| StoreError::Corrupt(format!("case_permits.{what}: {e}"));
    Ok(Permit {
        id: r.try_get("id")?,
        number: r.try_get("number")?,
        case_id: r.try_get("case_id")?,
        programme: programme(&r.try_get::<String, _>("programme")?)?,
        kind: r.try_get("kind")?,
        holder_id: r.try_get("holder_id")?,
        holder: serde_json::from_str(&r.try_get::<String, _>("holder")?).map_err(|e| corrupt("holder", e))?,
        region: r.try_get("region")?,
        valid_from: codec::date(r, "valid_from")?,
        valid_until: codec::date(r, "valid_until")?,
        cancelled_on: codec::opt_date(r, "cancelled_on")?,
        cancel_ground: r.try_get("cancel_ground")?,
        rights: serde_json::from_str(&r.try_get::<String, _>("rights")?).map_err(|e| corrupt("rights", e))?,
        conditions: serde_json::from_str(&r.try_get::<String, _>("conditions")?)
            .map_err(|e| corrupt("conditions", e))?,
        min_trainees: r.try_get("min_trainees")?,
        issued_at: codec::ts(r, "issued_at_us")?,
    })
}

impl Permit {
    pub fn state(&self) -> PermitState {
        PermitState {
            programme: self.programme,
            valid_from: self.valid_from,
            valid_until: self.valid_until,
            cancelled_on: self.cancelled_on,
        }
    }
}

/// Takes one place of the programme's quota for `year`, if it has one. The valuable-skills
/// visa's quota is set from the policy the first time it is needed in a year; other
/// programmes have a quota only when one was set. The conditional update is what keeps the
/// quota under concurrent approvals: it never takes a place that is not there.
pub(crate) async fn take_quota(
    conn: &mut AnyConnection,
    policy: &Policy,
    programme: Programme,
    year: i16,
) -> Result<(), StoreError> {
    if programme == Programme::ValuableSkillsVisa {
        let places = super::quotas::policy_places(policy, year)?;
        sqlx::query(
            "INSERT INTO quotas (programme, year, places, used, set_by, set_at_us) VALUES ($1, $2, $3, 0, $4, $5) \
             ON CONFLICT (programme, year) DO NOTHING",
        )
        .bind(programme.id())
        .bind(i64::from(year))
        .bind(places)
        .bind(format!("policy ({})", policy.meta.edition))
        .bind(crate::now_us())
        .execute(&mut *conn)
        .await?;
    }
    let took =
        sqlx::query("UPDATE quotas SET used = used + 1 WHERE programme = $1 AND year = $2 AND used < places")
            .bind(programme.id())
            .bind(i64::from(year))
            .execute(&mut *conn)
            .await?;
    if took.rows_affected() == 1 {
        return Ok(());
    }
    let row = sqlx::query("SELECT places, used FROM quotas WHERE programme = $1 AND year = $2")
        .bind(programme.id())
        .bind(i64::from(year))
        .fetch_optional(&mut *conn)
        .await?;
    match row {
        None => Ok(()),
        Some(r) => {
            let (places, used): (i64, i64) = (r.try_get("places")?, r.try_get("used")?);
            Err(StoreError::Refused(
                Said::new(
                    "refused-quota",
                    format!(
                        "quota exhausted: the {year} quota of {} is {places} places and {used} are taken",
                        programme.id()
                    ),
                )
                .text("year", year.to_string())
                .count("places", places)
                .count("used", used),
            ))
        }
    }
}

async fn next_number(
    conn: &mut AnyConnection,
    programme: Programme,
    year: i16,
) -> Result<String, StoreError> {
    let prefix = permit::prefix(programme);
    let last: i64 = sqlx::query(
        "INSERT INTO permit_numbers (prefix, year, last) VALUES ($1, $2, 1) \
         ON CONFLICT (prefix, year) DO UPDATE SET last = permit_numbers.last + 1 RETURNING last",
    )
    .bind(prefix)
    .bind(i64::from(year))
    .fetch_one(&mut *conn)
    .await?
    .try_get("last")?;
    Ok(permit::number(programme, year, last))
}

/// Writes a permit's current state to the register of movements.
async fn to_register(
    tx: &mut WriteTx,
    backend: Backend,
    policy: &Policy,
    p: &Permit,
) -> Result<(), StoreError> {
    let h = &p.holder;
    let row = PermitRow {
        permit_number: p.number.clone(),
        kind: permit::kind_of(p.programme),
        identity: Identity {
            document_type: "P".into(),
            issuing_state: h.nationality.clone(),
            number: h.passport_number.clone(),
            nationality: h.nationality.clone(),
            surname: h.surname.clone(),
            given_names: h.given_names.clone(),
            birth_date: h.birth_date,
            sex: h.sex.clone(),
            expiry_date: h.passport_expiry,
        },
        valid_from: p.valid_from,
        valid_until: p.valid_until,
        cancelled_on: p.cancelled_on,
    };
    let mut counts = Counts::default();
    match register_write::write(tx, backend, policy, None, vec![(1, Record::Permit(row))], &mut counts).await
    {
        Ok(_) => {}
        Err(BatchError::Store(e)) => return Err(e),
        Err(BatchError::Conflicts(errors)) => {
            let why = errors.iter().map(|e| e.display("permit")).collect::<Vec<_>>().join("; ");
            return Err(StoreError::Refused(Said::new(
                "refused-register-permit",
                format!("the register refused the permit: {why}"),
            )));
        }
    }
    counts.flush(tx, backend).await
}

#[allow(clippy::too_many_arguments)]
async fn history_event(
    conn: &mut AnyConnection,
    permit_id: i64,
    actor: &Actor,
    kind: &str,
    from: Date,
    until: Date,
    ground: Option<&str>,
    reason: Option<&str>,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO permit_events (permit_id, at_us, actor, kind, valid_from, valid_until, ground, reason) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(permit_id)
    .bind(crate::now_us())
    .bind(&actor.username)
    .bind(kind)
    .bind(codec::date_to_sql(from))
    .bind(codec::date_to_sql(until))
    .bind(ground)
    .bind(reason)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

pub(crate) async fn load(conn: &mut AnyConnection, id: i64) -> Result<Permit, StoreError> {
    let row = sqlx::query(sqlx::AssertSqlSafe(format!("SELECT {COLUMNS} FROM case_permits WHERE id = $1")))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or_else(|| StoreError::NotFound { what: "permit", key: id.to_string() })?;
    from_row(&row)
}

/// Issues the permit of an approved case, inside the approval's transaction: checks it may be
/// issued (approved, none yet), takes a quota place, numbers it, records it with its rights,
/// conditions and term (the rules' term, or the programme's term when an officer approved what
/// the rules did not grant), and writes it to the register.
pub(crate) async fn issue(
    tx: &mut WriteTx,
    backend: Backend,
    policy: &Policy,
    actor: &Actor,
    case: &Case,
    fresh: &Evaluated,
    today: Date,
) -> Result<Permit, StoreError> {
    status::may_issue(case.status, case.permit_number.as_deref()).map_err(super::moves::refused)?;
    take_quota(tx, policy, case.programme, today.year()).await?;
    let (from, until) = match fresh.validity {
        Some(v) => v,
        None => {
            permit::term(policy, case.programme, today, case.holder.passport_expiry).ok_or_else(|| {
                StoreError::Refused(
                    Said::new(
                        "refused-no-term",
                        format!("no term for {} is in force on {today}", case.programme.id()),
                    )
                    .date("on", today),
                )
            })?
        }
    };
    let number = next_number(tx, case.programme, today.year()).await?;
    let min_trainees =
        case.facts.pointer("/training_plan/trainees_per_year").and_then(serde_json::Value::as_i64);
    let id: i64 = sqlx::query(
        "INSERT INTO case_permits (number, case_id, programme, kind, holder_id, holder, region, valid_from, valid_until, \
         rights, conditions, min_trainees, issued_at_us) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) \
         RETURNING id",
    )
    .bind(&number)
    .bind(case.id)
    .bind(case.programme.id())
    .bind(permit::kind_of(case.programme).as_str())
    .bind(case.applicant_id)
    .bind(serde_json::to_string(&case.holder).map_err(|e| StoreError::Corrupt(e.to_string()))?)
    .bind(&case.region)
    .bind(codec::date_to_sql(from))
    .bind(codec::date_to_sql(until))
    .bind(serde_json::json!(permit::rights(case.programme)).to_string())
    .bind(serde_json::json!(permit::conditions(case.programme)).to_string())
    .bind(min_trainees)
    .bind(crate::now_us())
    .fetch_one(&mut **tx)
    .await
    .map_err(|e| {
        if crate::error::is_unique_violation(&e) {
            StoreError::Refused(
                Said::new("refused-permit-once", format!("case {} already has a permit: a permit is issued once", case.id)),
            )
        } else {
            e.into()
        }
    })?
    .try_get("id")?;
    history_event(tx, id, actor, "issued", from, until, None, None).await?;
    let p = load(tx, id).await?;
    to_register(tx, backend, policy, &p).await?;
    let detail = serde_json::json!({ "number": number, "case": case.id, "valid_from": from.to_string(), "valid_until": until.to_string() });
    super::moves::add_event(
        tx,
        case.id,
        actor,
        "permit_issued",
        None,
        None,
        Some(&number),
        None,
        Some(detail.clone()),
    )
    .await?;
    audit::append(tx, actor, Event::new("permit.issue", "permit", &id.to_string()).detail(detail)).await?;
    let notice = crate::notifications::Notice {
        user_id: p.holder_id,
        kind: crate::notifications::Kind::PermitIssued,
        subject_type: "permit",
        subject_id: id.to_string(),
        args: serde_json::json!({ "number": p.number, "programme": case.programme.id(), "valid_until": p.valid_until, "case": case.id }),
        dedupe_key: format!("permit_issued:{id}"),
    };
    crate::notifications::enqueue(tx, &notice).await?;
    Ok(p)
}

/// A permit, if `viewer` may see it (its holder, an officer of its region, an administrator).
/// Reads by anyone but the holder are audited.
pub async fn get(db: &Db, actor: &Actor, viewer: &Viewer, id: i64) -> Result<Permit, StoreError> {
    let p = load(&mut *db.pool.acquire().await?, id).await?;
    viewer.may_see("permit", id, p.holder_id, &p.region)?;
    if !matches!(viewer, Viewer::Applicant(_)) {
        audit::record(db, actor, Event::new("permit.read", "permit", &id.to_string())).await?;
    }
    Ok(p)
}

/// A permit by its number (for the CLI), not audited: the caller is the operator.
pub async fn by_number(db: &Db, number: &str) -> Result<Permit, StoreError> {
    let row =
        sqlx::query(sqlx::AssertSqlSafe(format!("SELECT {COLUMNS} FROM case_permits WHERE number = $1")))
            .bind(number.trim())
            .fetch_optional(&db.pool)
            .await?
            .ok_or_else(|| StoreError::NotFound { what: "permit", key: number.to_string() })?;
    from_row(&row)
}

/// The history of a permit, oldest first.
pub async fn history(db: &Db, id: i64) -> Result<Vec<PermitHistory>, StoreError> {
    let rows = sqlx::query(
        "SELECT id, at_us, actor, kind, valid_from, valid_until, ground, reason FROM permit_events WHERE permit_id = $1 ORDER BY id",
    )
    .bind(id)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(PermitHistory {
                id: r.try_get("id")?,
                at: codec::ts(r, "at_us")?,
                actor: r.try_get("actor")?,
                kind: r.try_get("kind")?,
                valid_from: codec::date(r, "valid_from")?,
                valid_until: codec::date(r, "valid_until")?,
                ground: r.try_get("ground")?,
                reason: r.try_get("reason")?,
            })
        })
        .collect()
}

/// Permits `viewer` may see: the holder's own; an officer's region's; all for an administrator.
/// `programme` narrows them; listing by an officer is audited.
pub async fn list(
    db: &Db,
    actor: &Actor,
    viewer: &Viewer,
    programme: Option<Programme>,
    limit: i64,
) -> Result<Vec<Permit>, StoreError> {
    let (clause, key): (&str, Option<String>) = match viewer {
        Viewer::Applicant(me) => (" AND holder_id = $1", Some(me.to_string())),
        Viewer::Officer(Some(r)) => (" AND region = $1", Some(r.clone())),
        Viewer::Officer(None) | Viewer::Admin => ("", None),
    };
    let mut sql = format!("SELECT {COLUMNS} FROM case_permits WHERE 1 = 1{clause}");
    if programme.is_some() {
        sql.push_str(if key.is_some() { " AND programme = $2" } else { " AND programme = $1" });
    }
    sql.push_str(&format!(" ORDER BY id DESC LIMIT {}", limit.clamp(1, 5000)));
    let mut q = sqlx::query(sqlx::AssertSqlSafe(sql.as_str()));
    if let (Viewer::Applicant(me), Some(_)) = (viewer, &key) {
        q = q.bind(*me);
    } else if let Some(k) = &key {
        q = q.bind(k.clone());
    }
    if let Some(p) = programme {
        q = q.bind(p.id());
    }
    let rows = q.fetch_all(&db.pool).await?;
    let out: Vec<Permit> = rows.iter().map(from_row).collect::<Result<_, _>>()?;
    if !matches!(viewer, Viewer::Applicant(_)) {
        let detail = serde_json::json!({ "shown": out.len() });
        audit::record(db, actor, Event::new("permit.list", "permit", "list").detail(detail)).await?;
    }
    Ok(out)
}

/// A refused change to a permit: a value of the request that cannot be (a term not longer, a
/// ground of another programme, a date before the permit) names its field; a permit that can no
/// longer change (cancelled, expired) is refused as it stands.
fn permit_error(e: permit::PermitError) -> StoreError {
    use permit::PermitError as E;
    match &e {
        E::NotLonger { .. } => StoreError::field("valid_until", e.said()),
        E::GroundNotApplicable { .. } => StoreError::field("ground", e.said()),
        E::BeforeStart { .. } => StoreError::field("on", e.said()),
        E::Cancelled(_) | E::Expired(_) => StoreError::Refused(e.said()),
    }
}

fn officer_or_admin(viewer: &Viewer) -> Result<(), StoreError> {
    match viewer {
        Viewer::Applicant(_) => {
            Err(StoreError::forbidden("forbidden-officer-permit", "only an officer changes a permit"))
        }
        _ => Ok(()),
    }
}

/// Renews a permit to `new_until` (the rules' new term, decided by the caller), with a reason.
#[allow(clippy::too_many_arguments)]
pub async fn renew(
    db: &Db,
    actor: &Actor,
    viewer: &Viewer,
    policy: &Policy,
    id: i64,
    new_until: Date,
    reason: &str,
    today: Date,
) -> Result<Permit, StoreError> {
    officer_or_admin(viewer)?;
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(StoreError::field(
            "reason",
            Said::new("field-reason-needed", "a renewal needs a reason"),
        ));
    }
    let mut tx = db.begin_write().await?;
    let p = load(&mut tx, id).await?;
    viewer.may_see("permit", id, p.holder_id, &p.region)?;
    permit::renew(&p.state(), new_until, today).map_err(permit_error)?;
    sqlx::query("UPDATE case_permits SET valid_until = $1 WHERE id = $2")
        .bind(codec::date_to_sql(new_until))
        .bind(id)
        .execute(&mut *tx)
        .await?;
    history_event(&mut tx, id, actor, "renewed", p.valid_from, new_until, None, Some(reason)).await?;
    let p = load(&mut tx, id).await?;
    to_register(&mut tx, db.backend, policy, &p).await?;
    let detail = serde_json::json!({ "number": p.number, "valid_until": p.valid_until });
    audit::append(&mut tx, actor, Event::new("permit.renew", "permit", &id.to_string()).detail(detail))
        .await?;
    tx.commit().await?;
    Ok(p)
}

/// Cancels a permit on `on` for a legal ground, with a reason. The register then holds it
/// valid until the day before.
#[allow(clippy::too_many_arguments)]
pub async fn cancel(
    db: &Db,
    actor: &Actor,
    viewer: &Viewer,
    policy: &Policy,
    id: i64,
    ground: CancellationGround,
    reason: &str,
    on: Date,
) -> Result<Permit, StoreError> {
    officer_or_admin(viewer)?;
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(StoreError::field(
            "reason",
            Said::new("field-reason-needed", "a cancellation needs a reason"),
        ));
    }
    let mut tx = db.begin_write().await?;
    let p = load(&mut tx, id).await?;
    viewer.may_see("permit", id, p.holder_id, &p.region)?;
    permit::cancel(&p.state(), ground, on).map_err(permit_error)?;
    sqlx::query("UPDATE case_permits SET cancelled_on = $1, cancel_ground = $2 WHERE id = $3")
        .bind(codec::date_to_sql(on))
        .bind(ground.as_str())
        .bind(id)
        .execute(&mut *tx)
        .await?;
    history_event(
        &mut tx,
        id,
        actor,
        "cancelled",
        p.valid_from,
        p.valid_until,
        Some(ground.as_str()),
        Some(reason),
    )
    .await?;
    let p = load(&mut tx, id).await?;
    to_register(&mut tx, db.backend, policy, &p).await?;
    let detail = serde_json::json!({ "number": p.number, "ground": ground.as_str(), "basis": ground.basis(), "on": on.to_string() });
    audit::append(&mut tx, actor, Event::new("permit.cancel", "permit", &id.to_string()).detail(detail))
        .await?;
    tx.commit().await?;
    Ok(p)
}

/// The reporting periods of a valuable-skills permit that have ended by `today`.
pub fn periods(policy: &Policy, p: &Permit, today: Date) -> Result<Vec<Period>, StoreError> {
    if p.programme != Programme::ValuableSkillsVisa {
        return Ok(Vec::new());
    }
    let s = p.state();
    let months = param_u32(policy, "valuable_skills_report_months", s.valid_from)?;
    let grace = param_u32(policy, "valuable_skills_report_grace_days", s.valid_from)?;
    let end = s.cancelled_on.and_then(|c| c.yesterday().ok()).unwrap_or(s.valid_until).min(s.valid_until);
    Ok(obligations::periods(s.valid_from, end, months, grace, today))
}

fn param_u32(policy: &Policy, name: &str, on: Date) -> Result<u32, StoreError> {
    policy
        .parameter(name, on)
        .ok()
        .and_then(|p| rust_decimal::prelude::ToPrimitive::to_u32(&p.value))
        .ok_or_else(|| {
            StoreError::Refused(
                Said::new("refused-no-parameter", format!("the policy has no {name} in force on {on}"))
                    .text("name", name)
                    .date("on", on),
            )
        })
}

/// The training reports filed for a permit.
pub async fn reports(db: &Db, permit_id: i64) -> Result<Vec<Report>, StoreError> {
    let rows = sqlx::query(
        "SELECT period, trainees, summary, filed_by, filed_at_us FROM training_reports WHERE permit_id = $1 ORDER BY period",
    )
    .bind(permit_id)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(Report {
                period: r.try_get("period")?,
                trainees: r.try_get("trainees")?,
                summary: r.try_get("summary")?,
                filed_by: r.try_get("filed_by")?,
                filed_at: codec::ts(r, "filed_at_us")?,
            })
        })
        .collect()
}

/// The holder files the report of a period that has ended. Filing the same period again with
/// the same figures changes nothing; with other figures it is refused.
#[allow(clippy::too_many_arguments)]
pub async fn file_report(
    db: &Db,
    actor: &Actor,
    viewer: &Viewer,
    policy: &Policy,
    id: i64,
    period: u32,
    trainees: u32,
    summary: &str,
    today: Date,
) -> Result<bool, StoreError> {
    let Viewer::Applicant(_) = viewer else {
        return Err(StoreError::forbidden(
            "forbidden-holder-reports",
            "the holder files the training reports",
        ));
    };
    let summary = summary.trim();
    let n = summary.chars().count();
    if n == 0 || n > 4000 {
        return Err(StoreError::field(
            "summary",
            Said::new("field-length", "must be 1 to 4000 characters").count("max", 4000),
        ));
    }
    let mut tx = db.begin_write().await?;
    let p = load(&mut tx, id).await?;
    viewer.may_see("permit", id, p.holder_id, &p.region)?;
    let open = periods(policy, &p, today)?;
    if !open.iter().any(|x| x.number == period) {
        return Err(StoreError::field(
            "period",
            Said::new(
                "field-period-open",
                format!("period {period} has not ended (periods ended so far: {})", open.len()),
            )
            .count("period", i64::from(period))
            .count("count", open.len() as i64),
        ));
    }
    let existing =
        sqlx::query("SELECT trainees, summary FROM training_reports WHERE permit_id = $1 AND period = $2")
            .bind(id)
            .bind(i64::from(period))
            .fetch_optional(&mut *tx)
            .await?;
    if let Some(r) = existing {
        let same = r.try_get::<i64, _>("trainees")? == i64::from(trainees)
            && r.try_get::<String, _>("summary")? == summary;
        return if same {
            Ok(false)
        } else {
            Err(StoreError::Conflict { what: "training report for period", key: period.to_string() })
        };
    }
    sqlx::query(
        "INSERT INTO training_reports (permit_id, period, trainees, summary, filed_by, filed_at_us) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(id)
    .bind(i64::from(period))
    .bind(i64::from(trainees))
    .bind(summary)
    .bind(&actor.username)
    .bind(crate::now_us())
    .execute(&mut *tx)
    .await?;
    let detail = serde_json::json!({ "period": period, "trainees": trainees });
    audit::append(&mut tx, actor, Event::new("permit.report", "permit", &id.to_string()).detail(detail))
        .await?;
    tx.commit().await?;
    Ok(true)
}

/// A valuable-skills permit with reports overdue on a day.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Overdue {
    pub permit: Permit,
    pub periods: Vec<Period>,
    /// Trainees reported in total against the minimum a year, for the alert.
    pub trainees_reported: i64,
}

/// Live valuable-skills permits (of the viewer's region) with a report overdue on `today`.
pub async fn overdue(
    db: &Db,
    policy: &Policy,
    viewer: &Viewer,
    today: Date,
) -> Result<Vec<Overdue>, StoreError> {
    let region = match viewer {
        Viewer::Applicant(_) => {
            return Err(StoreError::forbidden("forbidden-officer-overdue", "officers see overdue reports"));
        }
        Viewer::Officer(r) => r.clone(),
        Viewer::Admin => None,
    };
    let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM case_permits WHERE programme = 'valuable-skills-visa' AND cancelled_on IS NULL ORDER BY id"
    )))
    .fetch_all(&db.pool)
    .await?;
    let mut out = Vec::new();
    for r in &rows {
        let p = from_row(r)?;
        if region.as_ref().is_some_and(|mine| *mine != p.region) {
            continue;
        }
        let filed = reports(db, p.id).await?;
        let numbers: Vec<u32> = filed.iter().filter_map(|f| u32::try_from(f.period).ok()).collect();
        let late = obligations::overdue(&periods(policy, &p, today)?, &numbers, today);
        if !late.is_empty() {
            let trainees_reported = filed.iter().map(|f| f.trainees).sum();
            out.push(Overdue { permit: p, periods: late, trainees_reported });
        }
    }
    Ok(out)
}
