//! Reading lists: headers, entries of a revision, opinions, regional views, published
//! versions, and the list in force on a date.

use crate::codec;
use crate::db::Db;
use crate::error::StoreError;
use ashyq_core::labour::coordination::{self, ListStatus, Published};
use ashyq_core::occupation::OccupationCode;
use jiff::Timestamp;
use jiff::civil::Date;
use serde::Serialize;
use sqlx::Row;

/// A list with its state.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ListHeader {
    pub id: i64,
    pub period: i64,
    pub status: ListStatus,
    pub revision: i64,
    /// Whether any revision has been sent for coordination.
    pub coordinated: bool,
    pub methodology_from: Date,
    pub policy_edition: String,
    pub benchmarks: serde_json::Value,
    pub created_by: String,
    #[serde(rename = "created_at_us", with = "crate::codec::us")]
    pub created_at: Timestamp,
    pub order_no: Option<String>,
    pub order_date: Option<Date>,
    pub approved_by: Option<String>,
    #[serde(rename = "approved_at_us", with = "crate::codec::opt_us")]
    pub approved_at: Option<Timestamp>,
    pub effective_from: Option<Date>,
    pub published_by: Option<String>,
    #[serde(rename = "published_at_us", with = "crate::codec::opt_us")]
    pub published_at: Option<Timestamp>,
}

pub(super) const COLUMNS: &str = "id, period, status, revision, coordinated, methodology_from, policy_edition, benchmarks, \
     created_by, created_at_us, order_no, order_date, approved_by, approved_at_us, effective_from, published_by, published_at_us";

pub(super) fn header(r: &sqlx::any::AnyRow) -> Result<ListHeader, StoreError> {
    let status: String = r.try_get("status")?;
    let benchmarks: String = r.try_get("benchmarks")?;
    Ok(ListHeader {
        id: r.try_get("id")?,
        period: r.try_get("period")?,
        status: ListStatus::parse(&status)
            .ok_or_else(|| StoreError::Corrupt(format!("lists.status {status:?}")))?,
        revision: r.try_get("revision")?,
        coordinated: r.try_get::<i64, _>("coordinated")? != 0,
        methodology_from: codec::date(r, "methodology_from")?,
        policy_edition: r.try_get("policy_edition")?,
        benchmarks: serde_json::from_str(&benchmarks).unwrap_or(serde_json::Value::Null),
        created_by: r.try_get("created_by")?,
        created_at: codec::ts(r, "created_at_us")?,
        order_no: r.try_get("order_no")?,
        order_date: codec::opt_date(r, "order_date")?,
        approved_by: r.try_get("approved_by")?,
        approved_at: codec::opt_ts(r, "approved_at_us")?,
        effective_from: codec::opt_date(r, "effective_from")?,
        published_by: r.try_get("published_by")?,
        published_at: codec::opt_ts(r, "published_at_us")?,
    })
}

/// One candidate occupation in a revision.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entry {
    pub occupation: String,
    /// Place in the ranking of valuable skills (by score, over the whole universe).
    pub rank: i64,
    pub score: f64,
    pub included: bool,
    pub sector: Option<String>,
    /// computed | added | removed
    pub basis: String,
    pub justification: Option<String>,
    /// Indicators, checks against benchmarks and reasons, as computed.
    pub detail: serde_json::Value,
}

fn entry(r: &sqlx::any::AnyRow) -> Result<Entry, StoreError> {
    let detail: String = r.try_get("detail")?;
    Ok(Entry {
        occupation: r.try_get("occupation")?,
        rank: r.try_get("rank")?,
        score: r.try_get::<i64, _>("score_x100")? as f64 / 100.0,
        included: r.try_get::<i64, _>("included")? != 0,
        sector: r.try_get("sector")?,
        basis: r.try_get("basis")?,
        justification: r.try_get("justification")?,
        detail: serde_json::from_str(&detail).unwrap_or(serde_json::Value::Null),
    })
}

/// A coordinating organisation's opinion on a revision.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Opinion {
    pub id: i64,
    pub revision: i64,
    pub body: String,
    pub verdict: String,
    pub remarks: String,
    pub username: String,
    #[serde(rename = "created_at_us", with = "crate::codec::us")]
    pub created_at: Timestamp,
    pub proposals: Vec<Proposal>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Proposal {
    pub occupation: String,
    /// add | remove
    pub change: String,
    pub justification: String,
}

pub async fn get(db: &Db, id: i64) -> Result<ListHeader, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM lists WHERE id = $1");
    match sqlx::query(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(&db.pool).await? {
        Some(r) => header(&r),
        None => Err(StoreError::NotFound { what: "list", key: id.to_string() }),
    }
}

/// A list if it is published; none when there is no such list or it is not published.
pub async fn get_published(db: &Db, id: i64) -> Result<Option<ListHeader>, StoreError> {
    match get(db, id).await {
        Ok(l) => Ok(Some(l).filter(|l| l.status == ListStatus::Published)),
        Err(StoreError::NotFound { .. }) => Ok(None),
        Err(e) => Err(e),
    }
}

/// Every list, newest first.
pub async fn all(db: &Db) -> Result<Vec<ListHeader>, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM lists ORDER BY id DESC");
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql)).fetch_all(&db.pool).await?;
    rows.iter().map(header).collect()
}

/// The published versions, by effective date, newest first.
pub async fn published(db: &Db) -> Result<Vec<ListHeader>, StoreError> {
    let sql = format!(
        "SELECT {COLUMNS} FROM lists WHERE status = 'published' ORDER BY effective_from DESC, published_at_us DESC"
    );
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql)).fetch_all(&db.pool).await?;
    rows.iter().map(header).collect()
}

/// The entries of a revision, by rank.
pub async fn entries(db: &Db, id: i64, revision: i64) -> Result<Vec<Entry>, StoreError> {
    let rows = sqlx::query(
        "SELECT occupation, rank, score_x100, included, sector, basis, justification, detail FROM list_entries \
         WHERE list_id = $1 AND revision = $2 ORDER BY rank",
    )
    .bind(id)
    .bind(revision)
    .fetch_all(&db.pool)
    .await?;
    rows.iter().map(entry).collect()
}

/// The organisations a revision was sent to.
pub async fn recipients(db: &Db, id: i64, revision: i64) -> Result<Vec<String>, StoreError> {
    let rows =
        sqlx::query("SELECT body FROM list_recipients WHERE list_id = $1 AND revision = $2 ORDER BY body")
            .bind(id)
            .bind(revision)
            .fetch_all(&db.pool)
            .await?;
    rows.iter().map(|r| Ok(r.try_get("body")?)).collect()
}

/// Every opinion on a list, oldest first, with its proposals.
pub async fn opinions(db: &Db, id: i64) -> Result<Vec<Opinion>, StoreError> {
    let rows = sqlx::query(
        "SELECT id, revision, body, verdict, remarks, username, created_at_us FROM opinions WHERE list_id = $1 ORDER BY id",
    )
    .bind(id)
    .fetch_all(&db.pool)
    .await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in &rows {
        let opinion_id: i64 = r.try_get("id")?;
        let props = sqlx::query("SELECT occupation, change, justification FROM proposals WHERE opinion_id = $1 ORDER BY occupation")
            .bind(opinion_id)
            .fetch_all(&db.pool)
            .await?;
        let proposals = props
            .iter()
            .map(|p| {
                Ok(Proposal {
                    occupation: p.try_get("occupation")?,
                    change: p.try_get("change")?,
                    justification: p.try_get("justification")?,
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        out.push(Opinion {
            id: opinion_id,
            revision: r.try_get("revision")?,
            body: r.try_get("body")?,
            verdict: r.try_get("verdict")?,
            remarks: r.try_get("remarks")?,
            username: r.try_get("username")?,
            created_at: codec::ts(r, "created_at_us")?,
            proposals,
        });
    }
    Ok(out)
}

/// The regional indicators of every candidate of a list in one region, by occupation.
pub async fn regional(
    db: &Db,
    id: i64,
    region: &str,
) -> Result<Vec<(String, serde_json::Value)>, StoreError> {
    let rows = sqlx::query("SELECT occupation, indicators FROM list_regional WHERE list_id = $1 AND region = $2 ORDER BY occupation")
        .bind(id)
        .bind(region)
        .fetch_all(&db.pool)
        .await?;
    rows.iter()
        .map(|r| {
            let text: String = r.try_get("indicators")?;
            Ok((r.try_get("occupation")?, serde_json::from_str(&text).unwrap_or(serde_json::Value::Null)))
        })
        .collect()
}

/// The published list in force on a date, if any.
pub async fn in_force(db: &Db, on: Date) -> Result<Option<ListHeader>, StoreError> {
    let versions = published(db).await?;
    let refs: Vec<Published> = versions
        .iter()
        .filter_map(|v| {
            Some(Published {
                list_id: v.id,
                effective_from: v.effective_from?,
                published_at: v.published_at.unwrap_or(jiff::Timestamp::UNIX_EPOCH),
            })
        })
        .collect();
    let chosen = coordination::in_force(&refs, on);
    Ok(chosen.and_then(|c| versions.into_iter().find(|v| v.id == c.list_id)))
}

/// Was the occupation (or, for a national occupation, its unit group) on the list in force on
/// the date? Gives the list and the entry when it was. This is the one question eligibility
/// (the permanent-residence exemption, the Ata zholy card) asks of the list.
pub async fn on_list(
    db: &Db,
    occupation: &OccupationCode,
    on: Date,
) -> Result<Option<(ListHeader, Entry)>, StoreError> {
    let Some(list) = in_force(db, on).await? else { return Ok(None) };
    let unit = occupation.unit_group().unwrap_or(*occupation);
    let row = sqlx::query(
        "SELECT occupation, rank, score_x100, included, sector, basis, justification, detail FROM list_entries \
         WHERE list_id = $1 AND revision = $2 AND occupation = $3 AND included = 1",
    )
    .bind(list.id)
    .bind(list.revision)
    .bind(unit.to_string())
    .fetch_optional(&db.pool)
    .await?;
    match row {
        Some(r) => Ok(Some((list, entry(&r)?))),
        None => Ok(None),
    }
}

/// One candidate's indicators in every region, by region.
pub async fn regional_of(
    db: &Db,
    id: i64,
    occupation: &str,
) -> Result<Vec<(String, serde_json::Value)>, StoreError> {
    let rows = sqlx::query(
        "SELECT region, indicators FROM list_regional WHERE list_id = $1 AND occupation = $2 ORDER BY region",
    )
    .bind(id)
    .bind(occupation)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            let text: String = r.try_get("indicators")?;
            Ok((r.try_get("region")?, serde_json::from_str(&text).unwrap_or(serde_json::Value::Null)))
        })
        .collect()
}

/// Whether any revision of a list was sent to an organisation.
pub async fn was_sent_to(db: &Db, id: i64, body: &str) -> Result<bool, StoreError> {
    let row = sqlx::query("SELECT 1 AS one FROM list_recipients WHERE list_id = $1 AND body = $2 LIMIT 1")
        .bind(id)
        .bind(body)
        .fetch_optional(&db.pool)
        .await?;
    Ok(row.is_some())
}

/// The occupations on a revision of a list with their ranks (what two versions are compared by).
pub async fn placed(
    db: &Db,
    list: &ListHeader,
) -> Result<Vec<ashyq_core::labour::coordination::Placed>, StoreError> {
    Ok(entries(db, list.id, list.revision)
        .await?
        .into_iter()
        .filter(|e| e.included)
        .filter_map(|e| {
            Some(ashyq_core::labour::coordination::Placed {
                occupation: OccupationCode::parse(&e.occupation).ok()?,
                rank: u32::try_from(e.rank).ok()?,
            })
        })
        .collect())
}

/// The revisions of a list sent to an organisation, oldest first.
pub async fn sent_revisions(db: &Db, id: i64, body: &str) -> Result<Vec<i64>, StoreError> {
    let rows = sqlx::query(
        "SELECT revision FROM list_recipients WHERE list_id = $1 AND body = $2 ORDER BY revision",
    )
    .bind(id)
    .bind(body)
    .fetch_all(&db.pool)
    .await?;
    rows.iter().map(|r| Ok(r.try_get("revision")?)).collect()
}

/// Every published version with its occupations and ranking, as the rules of the programmes
/// consult it (`ashyq_core::labour::published`). Small: a few lists of about a hundred entries.
pub async fn published_lists(db: &Db) -> Result<ashyq_core::labour::published::PublishedLists, StoreError> {
    use ashyq_core::labour::published::{PublishedList, PublishedLists};
    let mut out = Vec::new();
    for header in published(db).await? {
        let Some(from) = header.effective_from else {
            return Err(StoreError::Corrupt(format!(
                "list {} is published without an effective date",
                header.id
            )));
        };
        let mut included = Vec::new();
        let mut ranking = Vec::new();
        for e in entries(db, header.id, header.revision).await? {
            let Ok(code) = OccupationCode::parse(&e.occupation) else { continue };
            if e.included {
                included.push(code);
            }
            if let Ok(rank) = u32::try_from(e.rank) {
                ranking.push((code, rank));
            }
        }
        let order = match (&header.order_no, &header.order_date) {
            (Some(n), Some(d)) => Some(format!("{n} of {d}")),
            (Some(n), None) => Some(n.clone()),
            _ => None,
        };
        out.push(PublishedList::new(
            header.id,
            header.period,
            from,
            header.published_at.unwrap_or(jiff::Timestamp::UNIX_EPOCH),
            order,
            included,
            ranking,
        ));
    }
    Ok(PublishedLists(out))
}
