//! The register-wide questions: who is in the country now and who of them has overstayed (the
//! overstay scan), permits and visas expiring soon, and late registrations — the officers'
//! alerts.
//!
//! The scan reads only persons with a document whose last crossing is an entry (the partial
//! index `register_documents_present`), their crossings since the start of the look-back
//! (the stay window plus the longest cap per entry, before the day examined) and their
//! authorisations, and decides each with `ashyq_core::register::status`. A stay that began
//! before the look-back is taken from the document's last entry.

use super::person::{PermitView, authorisations};
use crate::codec;
use crate::db::Db;
use crate::error::StoreError;
use ashyq_core::policy::Policy;
use ashyq_core::register::{Crossing, CrossingKind, status};
use futures_util::TryStreamExt;
use jiff::ToSpan;
use jiff::civil::Date;
use serde::Serialize;
use sqlx::Row;
use std::collections::HashMap;

/// One person present and overstaying.
#[derive(Debug, Clone, Serialize)]
pub struct Overstayer {
    pub person_id: i64,
    pub surname: String,
    pub given_names: String,
    pub nationality: String,
    pub since: Option<Date>,
    pub overstay_since: Date,
    pub overstay_days: u32,
}

/// What the scan found.
#[derive(Debug, Clone, Serialize)]
pub struct Scan {
    pub on: Date,
    /// Persons present on `on`.
    pub present: u64,
    /// Present and lawful.
    pub lawful: u64,
    /// Present and overstaying, longest overstay first.
    pub overstayers: Vec<Overstayer>,
}

/// Days before `on` whose crossings the scan reads: the window and a margin for a stay that
/// began before it.
const LOOK_BACK_DAYS: i64 = 365;

struct Candidate {
    surname: String,
    given_names: String,
    nationality: String,
    crossings: Vec<(i64, Crossing)>,
    permits: Vec<PermitView>,
}

/// Decides every person present on `on`. See the module's comment.
pub async fn overstays(db: &Db, policy: &Policy, on: Date) -> Result<Scan, StoreError> {
    let from = codec::date_to_sql(on.checked_sub(LOOK_BACK_DAYS.days()).unwrap_or(on));
    let on_text = codec::date_to_sql(on);
    let mut people: HashMap<i64, Candidate> = HashMap::new();
    // Persons present: identity and the open entry of each present document.
    let mut rows = sqlx::query(
        "SELECT p.id, p.surname, p.given_names, p.nationality, d.last_at_us, d.last_day \
         FROM register_documents d JOIN register_persons p ON p.id = d.person_id \
         WHERE d.last_kind = 'entry' AND d.last_day <= $1",
    )
    .bind(&on_text)
    .fetch(&db.pool);
    while let Some(r) = rows.try_next().await? {
        let id: i64 = r.try_get("id")?;
        let day: String = r.try_get("last_day")?;
        let at: i64 = r.try_get("last_at_us")?;
        let c = people.entry(id).or_insert_with(|| Candidate {
            surname: r.try_get("surname").unwrap_or_default(),
            given_names: r.try_get("given_names").unwrap_or_default(),
            nationality: r.try_get("nationality").unwrap_or_default(),
            crossings: Vec::new(),
            permits: Vec::new(),
        });
        if day < from {
            c.crossings.push((at, Crossing { day: parse(&day)?, kind: CrossingKind::Entry }));
        }
    }
    drop(rows);
    // Their crossings in the look-back.
    let mut rows = sqlx::query(
        "SELECT d.person_id, c.kind, c.at_us, c.day FROM register_crossings c \
         JOIN register_documents d ON d.id = c.document_id \
         WHERE d.person_id IN (SELECT person_id FROM register_documents WHERE last_kind = 'entry') \
         AND c.day >= $1 AND c.day <= $2 AND c.kind <> 'refusal'",
    )
    .bind(&from)
    .bind(&on_text)
    .fetch(&db.pool);
    while let Some(r) = rows.try_next().await? {
        let id: i64 = r.try_get("person_id")?;
        let kind: String = r.try_get("kind")?;
        let day: String = r.try_get("day")?;
        if let Some(c) = people.get_mut(&id) {
            let kind = if kind == "entry" { CrossingKind::Entry } else { CrossingKind::Exit };
            c.crossings.push((r.try_get("at_us")?, Crossing { day: parse(&day)?, kind }));
        }
    }
    drop(rows);
    // Their visas and permits in force on some day of the look-back.
    let mut rows = sqlx::query(
        "SELECT d.person_id, p.permit_number, p.kind, p.document_id, p.valid_from, p.valid_until, p.cancelled_on \
         FROM register_permits p JOIN register_documents d ON d.id = p.document_id \
         WHERE d.person_id IN (SELECT person_id FROM register_documents WHERE last_kind = 'entry') \
         AND p.valid_until >= $1",
    )
    .bind(&from)
    .fetch(&db.pool);
    while let Some(r) = rows.try_next().await? {
        let id: i64 = r.try_get("person_id")?;
        if let Some(c) = people.get_mut(&id) {
            c.permits.push(PermitView::from_row(&r)?);
        }
    }
    drop(rows);

    let mut scan = Scan { on, present: 0, lawful: 0, overstayers: Vec::new() };
    for (id, mut c) in people {
        c.crossings.sort_by_key(|(at, _)| *at);
        let moves: Vec<Crossing> = c.crossings.iter().map(|(_, m)| *m).collect();
        let auth = authorisations(&c.permits)?;
        let s = status(policy, &c.nationality, &moves, &auth, on)
            .map_err(|e| StoreError::Corrupt(format!("person {id}: {e}")))?;
        if !s.present {
            continue;
        }
        scan.present += 1;
        match s.overstay_since {
            Some(since) if !s.lawful => scan.overstayers.push(Overstayer {
                person_id: id,
                surname: c.surname,
                given_names: c.given_names,
                nationality: c.nationality,
                since: s.since,
                overstay_since: since,
                overstay_days: s.overstay_days,
            }),
            _ => scan.lawful += 1,
        }
    }
    scan.overstayers
        .sort_by(|a, b| b.overstay_days.cmp(&a.overstay_days).then(a.person_id.cmp(&b.person_id)));
    Ok(scan)
}

fn parse(day: &str) -> Result<Date, StoreError> {
    codec::date_from_sql(day).map_err(|e| match e {
        StoreError::Corrupt(why) => StoreError::Corrupt(format!("crossing day: {why}")),
        e => e,
    })
}

/// A visa or permit ending soon.
#[derive(Debug, Clone, Serialize)]
pub struct Expiring {
    pub person_id: i64,
    pub surname: String,
    pub given_names: String,
    pub nationality: String,
    pub permit_number: String,
    pub kind: String,
    pub valid_until: Date,
}

/// Visas and permits (not cancelled) ending from `on` to `on + days`, soonest first.
pub async fn expiring(db: &Db, on: Date, days: i64, limit: i64) -> Result<Vec<Expiring>, StoreError> {
    let until = on.checked_add(days.days()).unwrap_or(on);
    let rows = sqlx::query(
        "SELECT d.person_id, d.surname, d.given_names, d.nationality, p.permit_number, p.kind, p.valid_until \
         FROM register_permits p JOIN register_documents d ON d.id = p.document_id \
         WHERE p.cancelled_on IS NULL AND p.valid_until >= $1 AND p.valid_until <= $2 \
         ORDER BY p.valid_until, p.permit_number LIMIT $3",
    )
    .bind(codec::date_to_sql(on))
    .bind(codec::date_to_sql(until))
    .bind(limit)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(Expiring {
                person_id: r.try_get("person_id")?,
                surname: r.try_get("surname")?,
                given_names: r.try_get("given_names")?,
                nationality: r.try_get("nationality")?,
                permit_number: r.try_get("permit_number")?,
                kind: r.try_get("kind")?,
                valid_until: codec::date(r, "valid_until")?,
            })
        })
        .collect()
}

/// A registration notified late.
#[derive(Debug, Clone, Serialize)]
pub struct LateRegistration {
    pub person_id: i64,
    pub surname: String,
    pub given_names: String,
    pub registration_id: String,
    pub region: String,
    pub host: String,
    pub from: Date,
    pub due_on: Option<Date>,
    pub notified_on: Option<Date>,
}

/// Stay registrations notified late, with arrival from `since` on, latest first.
pub async fn late_registrations(
    db: &Db,
    since: Date,
    limit: i64,
) -> Result<Vec<LateRegistration>, StoreError> {
    let rows = sqlx::query(
        "SELECT d.person_id, d.surname, d.given_names, r.registration_id, r.region, r.host, r.from_day, r.due_on, \
         r.notified_on FROM register_registrations r JOIN register_documents d ON d.id = r.document_id \
         WHERE r.late = 1 AND r.from_day >= $1 ORDER BY r.from_day DESC, r.registration_id LIMIT $2",
    )
    .bind(codec::date_to_sql(since))
    .bind(limit)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(LateRegistration {
                person_id: r.try_get("person_id")?,
                surname: r.try_get("surname")?,
                given_names: r.try_get("given_names")?,
                registration_id: r.try_get("registration_id")?,
                region: r.try_get("region")?,
                host: r.try_get("host")?,
                from: codec::date(r, "from_day")?,
                due_on: codec::opt_date(r, "due_on")?,
                notified_on: codec::opt_date(r, "notified_on")?,
            })
        })
        .collect()
}

/// Persons asked for at once by [`regions_of`].
const REGION_BATCH: usize = 500;

/// The region (ISO 3166-2 code) each of `persons` is placed in for the officers' alerts: that
/// of their latest registration (stay or work) if the register holds one, else that of the
/// checkpoint of their latest crossing. A person placed nowhere (no registration, no crossing,
/// or a code the register does not know) is left out: only officers of the whole country see
/// them.
pub async fn regions_of(db: &Db, persons: &[i64]) -> Result<HashMap<i64, String>, StoreError> {
    let mut by_registration: HashMap<i64, (String, String)> = HashMap::new();
    let mut by_crossing: HashMap<i64, (i64, String)> = HashMap::new();
    let mut ids: Vec<i64> = persons.to_vec();
    ids.sort_unstable();
    ids.dedup();
    for chunk in ids.chunks(REGION_BATCH) {
        let marks: Vec<String> = (1..=chunk.len()).map(|i| format!("${i}")).collect();
        let list = marks.join(", ");
        let sql = format!(
            "SELECT d.person_id, r.region, r.from_day FROM register_registrations r \
             JOIN register_documents d ON d.id = r.document_id WHERE d.person_id IN ({list})"
        );
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
        for id in chunk {
            q = q.bind(*id);
        }
        for r in q.fetch_all(&db.pool).await? {
            let Some(region) = ashyq_core::region::parse(&r.try_get::<String, _>("region")?) else {
                continue;
            };
            let from: String = r.try_get("from_day")?;
            let e = by_registration.entry(r.try_get("person_id")?).or_insert((String::new(), String::new()));
            if from >= e.0 {
                *e = (from, region.code.clone());
            }
        }
        let sql = format!(
            "SELECT person_id, last_at_us, last_checkpoint FROM register_documents \
             WHERE person_id IN ({list}) AND last_checkpoint IS NOT NULL"
        );
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
        for id in chunk {
            q = q.bind(*id);
        }
        for r in q.fetch_all(&db.pool).await? {
            let cp: String = r.try_get("last_checkpoint")?;
            let Some(c) = ashyq_core::checkpoint::by_code(&cp) else { continue };
            let at: i64 = r.try_get::<Option<i64>, _>("last_at_us")?.unwrap_or(0);
            let e = by_crossing.entry(r.try_get("person_id")?).or_insert((i64::MIN, String::new()));
            if at >= e.0 {
                *e = (at, c.region.code.clone());
            }
        }
    }
    let mut out: HashMap<i64, String> = by_crossing.into_iter().map(|(id, (_, r))| (id, r)).collect();
    out.extend(by_registration.into_iter().map(|(id, (_, r))| (id, r)));
    Ok(out)
}
