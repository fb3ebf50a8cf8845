//! Officers' corrections of who is who: merging two persons the match key did not join (a new
//! passport with a changed transliteration), splitting a document off a person it was wrongly
//! joined to (two people with the same name, birth date and nationality), and undoing either.
//! Each is recorded in `register_merges` and audited in the same transaction.

use crate::audit::{self, Actor, Event};
use crate::db::{Db, WriteTx};
use crate::error::StoreError;
use ashyq_core::said::Said;
use serde::Serialize;
use sqlx::Row;

/// One recorded merge or split.
#[derive(Debug, Clone, Serialize)]
pub struct Merge {
    pub id: i64,
    pub kind: String,
    pub into_person: i64,
    pub from_person: i64,
    pub documents: Vec<i64>,
    pub reason: String,
    pub merged_by: String,
    #[serde(rename = "merged_at_us", with = "crate::codec::us")]
    pub merged_at: jiff::Timestamp,
    pub undone_by: Option<String>,
    #[serde(rename = "undone_at_us", with = "crate::codec::opt_us")]
    pub undone_at: Option<jiff::Timestamp>,
}

fn need_reason(reason: &str) -> Result<&str, StoreError> {
    let reason = reason.trim();
    if reason.chars().count() < 5 {
        return Err(StoreError::field(
            "reason",
            Said::new("field-reason-short", "say why, in a few words (at least 5 characters)")
                .count("min", 5),
        ));
    }
    Ok(reason)
}

async fn person_exists(tx: &mut WriteTx, id: i64) -> Result<(), StoreError> {
    let found: Option<i64> = sqlx::query_scalar("SELECT id FROM register_persons WHERE id = $1")
        .bind(id)
        .fetch_optional(&mut **tx)
        .await?;
    found.map(|_| ()).ok_or_else(|| StoreError::NotFound { what: "person", key: id.to_string() })
}

async fn documents_of(tx: &mut WriteTx, person: i64) -> Result<Vec<i64>, StoreError> {
    Ok(sqlx::query_scalar("SELECT id FROM register_documents WHERE person_id = $1 ORDER BY id")
        .bind(person)
        .fetch_all(&mut **tx)
        .await?)
}

async fn move_documents(tx: &mut WriteTx, documents: &[i64], to: i64) -> Result<(), StoreError> {
    for d in documents {
        sqlx::query("UPDATE register_documents SET person_id = $1 WHERE id = $2")
            .bind(to)
            .bind(d)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

#[allow(clippy::too_many_arguments)]
async fn record(
    tx: &mut WriteTx,
    actor: &Actor,
    kind: &str,
    into: i64,
    from: i64,
    documents: &[i64],
    reason: &str,
) -> Result<i64, StoreError> {
    let docs = serde_json::to_string(documents).unwrap_or_else(|_| "[]".into());
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO register_merges (kind, into_person, from_person, documents, reason, merged_by, merged_at_us) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(kind)
    .bind(into)
    .bind(from)
    .bind(&docs)
    .bind(reason)
    .bind(&actor.username)
    .bind(crate::now_us())
    .fetch_one(&mut **tx)
    .await?;
    let detail = serde_json::json!({ "into": into, "from": from, "documents": documents, "reason": reason });
    audit::append(
        tx,
        actor,
        Event::new(&format!("register.person.{kind}"), "merge", &id.to_string()).detail(detail),
    )
    .await?;
    Ok(id)
}

/// Moves every document of `from` to `into`: the two are one person from now on.
pub async fn merge(db: &Db, actor: &Actor, into: i64, from: i64, reason: &str) -> Result<i64, StoreError> {
    let reason = need_reason(reason)?;
    if into == from {
        return Err(StoreError::field(
            "from",
            Said::new("field-merge-self", "a person cannot be merged into themselves"),
        ));
    }
    let mut tx = db.begin_write().await?;
    person_exists(&mut tx, into).await?;
    person_exists(&mut tx, from).await?;
    let documents = documents_of(&mut tx, from).await?;
    if documents.is_empty() {
        return Err(StoreError::Refused(
            Said::new(
                "refused-merge-empty",
                format!("person {from} has no documents left (merged already?)"),
            )
            .text("person", from.to_string()),
        ));
    }
    move_documents(&mut tx, &documents, into).await?;
    let id = record(&mut tx, actor, "merge", into, from, &documents, reason).await?;
    tx.commit().await?;
    Ok(id)
}

/// Moves one document off its person to a new person of its own identity. The new person's
/// match key is marked so that later documents with the same identity still join the original
/// person, not this one (an officer merges them by hand if they belong here).
pub async fn split(db: &Db, actor: &Actor, document: i64, reason: &str) -> Result<(i64, i64), StoreError> {
    let reason = need_reason(reason)?;
    let mut tx = db.begin_write().await?;
    let row = sqlx::query(
        "SELECT d.person_id, p.match_key, d.surname, d.given_names, d.birth_date, d.sex, d.nationality \
         FROM register_documents d JOIN register_persons p ON p.id = d.person_id WHERE d.id = $1",
    )
    .bind(document)
    .fetch_optional(&mut *tx)
    .await?
    .ok_or_else(|| StoreError::NotFound { what: "document", key: document.to_string() })?;
    let from: i64 = row.try_get("person_id")?;
    if documents_of(&mut tx, from).await?.len() < 2 {
        return Err(StoreError::Refused(
            Said::new("refused-split-only", format!("document {document} is the only one of person {from}"))
                .text("document", document.to_string())
                .text("person", from.to_string()),
        ));
    }
    let key: String = row.try_get("match_key")?;
    let new_person: i64 = sqlx::query_scalar(
        "INSERT INTO register_persons (match_key, surname, given_names, birth_date, sex, nationality, created_at_us) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(format!("{key}#split"))
    .bind(row.try_get::<String, _>("surname")?)
    .bind(row.try_get::<String, _>("given_names")?)
    .bind(row.try_get::<String, _>("birth_date")?)
    .bind(row.try_get::<String, _>("sex")?)
    .bind(row.try_get::<String, _>("nationality")?)
    .bind(crate::now_us())
    .fetch_one(&mut *tx)
    .await?;
    move_documents(&mut tx, &[document], new_person).await?;
    let id = record(&mut tx, actor, "split", new_person, from, &[document], reason).await?;
    tx.commit().await?;
    Ok((id, new_person))
}

/// Undoes a merge (the documents go back to the person they came from) or a split (the
/// document goes back to the person it was split from).
pub async fn undo(db: &Db, actor: &Actor, merge_id: i64, reason: &str) -> Result<(), StoreError> {
    let reason = need_reason(reason)?;
    let mut tx = db.begin_write().await?;
    let m = get_in(&mut tx, merge_id).await?;
    if m.undone_at.is_some() {
        return Err(StoreError::Refused(
            Said::new("refused-undone-already", format!("{} {merge_id} was undone already", m.kind))
                .word("kind", format!("refused-kind-{}", m.kind))
                .text("id", merge_id.to_string()),
        ));
    }
    // Only documents still where the merge put them go back (a later merge may have moved them on).
    let mut back = Vec::new();
    for d in &m.documents {
        let at: Option<i64> = sqlx::query_scalar("SELECT person_id FROM register_documents WHERE id = $1")
            .bind(d)
            .fetch_optional(&mut *tx)
            .await?;
        if at == Some(m.into_person) {
            back.push(*d);
        }
    }
    move_documents(&mut tx, &back, m.from_person).await?;
    sqlx::query("UPDATE register_merges SET undone_by = $1, undone_at_us = $2 WHERE id = $3")
        .bind(&actor.username)
        .bind(crate::now_us())
        .bind(merge_id)
        .execute(&mut *tx)
        .await?;
    let detail = serde_json::json!({ "documents": back, "reason": reason });
    audit::append(
        &mut tx,
        actor,
        Event::new(&format!("register.person.un{}", m.kind), "merge", &merge_id.to_string()).detail(detail),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

async fn get_in(tx: &mut WriteTx, id: i64) -> Result<Merge, StoreError> {
    let r = sqlx::query(
        "SELECT id, kind, into_person, from_person, documents, reason, merged_by, merged_at_us, undone_by, \
         undone_at_us FROM register_merges WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(&mut **tx)
    .await?
    .ok_or_else(|| StoreError::NotFound { what: "merge", key: id.to_string() })?;
    merge_row(&r)
}

fn merge_row(r: &sqlx::any::AnyRow) -> Result<Merge, StoreError> {
    let docs: String = r.try_get("documents")?;
    Ok(Merge {
        id: r.try_get("id")?,
        kind: r.try_get("kind")?,
        into_person: r.try_get("into_person")?,
        from_person: r.try_get("from_person")?,
        documents: serde_json::from_str(&docs)
            .map_err(|e| StoreError::Corrupt(format!("merge documents: {e}")))?,
        reason: r.try_get("reason")?,
        merged_by: r.try_get("merged_by")?,
        merged_at: crate::codec::ts_from_us(r.try_get("merged_at_us")?)?,
        undone_by: r.try_get("undone_by")?,
        undone_at: crate::codec::opt_ts_from_us(r.try_get("undone_at_us")?)?,
    })
}

/// The merges and splits touching a person, newest first.
pub async fn of_person(db: &Db, person: i64) -> Result<Vec<Merge>, StoreError> {
    let rows = sqlx::query(
        "SELECT id, kind, into_person, from_person, documents, reason, merged_by, merged_at_us, undone_by, \
         undone_at_us FROM register_merges WHERE into_person = $1 OR from_person = $1 ORDER BY id DESC",
    )
    .bind(person)
    .fetch_all(&db.pool)
    .await?;
    rows.iter().map(merge_row).collect()
}

/// Persons an officer might merge with `person`: the same birth date and nationality, another
/// id (at most 20), for the officer to judge by the names and documents.
pub async fn candidates(db: &Db, person: i64) -> Result<Vec<super::person::Person>, StoreError> {
    let rows = sqlx::query(
        "SELECT o.id, o.surname, o.given_names, o.birth_date, o.sex, o.nationality FROM register_persons p \
         JOIN register_persons o ON o.birth_date = p.birth_date AND o.nationality = p.nationality AND o.id <> p.id \
         WHERE p.id = $1 AND EXISTS (SELECT 1 FROM register_documents d WHERE d.person_id = o.id) \
         ORDER BY o.surname, o.given_names, o.id LIMIT 20",
    )
    .bind(person)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(super::person::Person {
                id: r.try_get("id")?,
                surname: r.try_get("surname")?,
                given_names: r.try_get("given_names")?,
                birth_date: crate::codec::date(r, "birth_date")?,
                sex: r.try_get("sex")?,
                nationality: r.try_get("nationality")?,
            })
        })
        .collect()
}
