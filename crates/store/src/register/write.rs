//! Writing one batch of good register rows inside the caller's transaction: the documents they
//! were made with are found or created (and their persons, matched by name, birth date and
//! nationality), then the rows are stored by their client keys. A crossing whose event id is
//! already stored is the same event retried — unless its content differs, which is a conflict.

use super::rows::{CrossingKind, CrossingRow, Identity, PermitRow, Record, RegistrationRow};
use super::sql::{Ty, V, feed, feed_in};
use crate::db::{Backend, WriteTx};
use crate::error::StoreError;
pub use crate::pipeline::BatchError;
use crate::pipeline::RowError;
use ashyq_core::policy::Policy;
use ashyq_core::register::{late_notification, match_key};
use ashyq_core::said::Said;
use sqlx::Row;
use std::collections::{BTreeMap, HashMap, HashSet};

/// What a batch did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Written {
    /// Rows stored for the first time.
    pub inserted: u64,
    /// Rows that replaced a stored row with other values (registrations, permits).
    pub updated: u64,
    /// Rows already stored exactly so (a retried event, a re-import).
    pub unchanged: u64,
    /// Persons the batch created.
    pub persons_created: u64,
    /// Documents the batch created.
    pub documents_created: u64,
}

/// Writes good rows (each with its row number, for conflicts).
pub async fn write(
    tx: &mut WriteTx,
    backend: Backend,
    policy: &Policy,
    import_id: Option<i64>,
    rows: Vec<(u64, Record)>,
    counts: &mut Counts,
) -> Result<Written, BatchError> {
    let (rows, repeated) = distinct(rows)?;
    let mut written = Written { unchanged: repeated, ..Written::default() };
    // Each document's latest entry or exit in the batch: a document created now is created with
    // it, so that only documents already stored need their last crossing updated.
    let mut latest: HashMap<String, &CrossingRow> = HashMap::new();
    for (_, r) in &rows {
        if let Record::Crossing(c) = r
            && c.kind != CrossingKind::Refusal
        {
            let key = c.identity.doc_key();
            if latest.get(&key).is_none_or(|l| l.at < c.at) {
                latest.insert(key, c);
            }
        }
    }
    let identities = rows.iter().map(|(_, r)| r.identity());
    let (docs, created) = resolve_documents(tx, backend, identities, &latest, &mut written).await?;
    let doc = |i: &Identity| docs.get(&i.doc_key()).copied().unwrap_or_default();
    let mut crossings = Vec::new();
    let mut registrations = Vec::new();
    let mut permits = Vec::new();
    for (row, record) in rows {
        match record {
            Record::Crossing(c) => crossings.push((row, doc(&c.identity), c)),
            Record::Registration(r) => registrations.push((doc(&r.identity), r)),
            Record::Permit(p) => permits.push((doc(&p.identity), p)),
        }
    }
    if !crossings.is_empty() {
        write_crossings(tx, backend, import_id, crossings, &created, counts, &mut written).await?;
    }
    if !registrations.is_empty() {
        write_registrations(tx, backend, policy, import_id, registrations, &mut written).await?;
    }
    if !permits.is_empty() {
        write_permits(tx, backend, import_id, permits, &mut written).await?;
    }
    Ok(written)
}

/// Drops exact repeats within the batch; the same key with other content is a conflict naming
/// both rows.
fn distinct(rows: Vec<(u64, Record)>) -> Result<(Vec<(u64, Record)>, u64), BatchError> {
    let mut seen: HashMap<String, usize> = HashMap::with_capacity(rows.len());
    let mut out: Vec<(u64, Record)> = Vec::with_capacity(rows.len());
    let mut conflicts = Vec::new();
    let mut repeated = 0;
    for (row, record) in rows {
        match seen.get(record.key()) {
            Some(&i) if out[i].1 == record => repeated += 1,
            Some(&i) => conflicts.push(RowError {
                row,
                column: Some(key_column(&record).to_string()),
                reason: crate::staging::also_row(record.key(), out[i].0),
            }),
            None => {
                seen.insert(record.key().to_string(), out.len());
                out.push((row, record));
            }
        }
    }
    if conflicts.is_empty() { Ok((out, repeated)) } else { Err(BatchError::Conflicts(conflicts)) }
}

/// A crossing whose event id is stored with other values.
pub(crate) fn stored_otherwise(row: u64, event_id: &str) -> RowError {
    RowError {
        row,
        column: Some("event_id".into()),
        reason: Said::new(
            "up-why-stored-otherwise",
            format!(
                "{event_id} is already stored with other values (document, kind, instant, checkpoint \
                 or reason); an event id names one event"
            ),
        )
        .text("key", event_id),
    }
}

/// What makes two crossings with one event id the same event: the document (`issuing_state:number`,
/// unique in the register), kind, instant, checkpoint and reason.
fn event_of(c: &CrossingRow) -> (String, &str, i64, &str, Option<&str>) {
    (c.identity.doc_key(), c.kind.as_str(), c.at.as_microsecond(), &c.checkpoint, c.reason.as_deref())
}

/// What makes two rows with one key the same record: for a crossing, its [`event_of`]; for the
/// others, all of it.
pub fn digest(record: &Record) -> String {
    use sha2::{Digest, Sha256};
    let text = match record {
        Record::Crossing(c) => format!("{:?}", event_of(c)),
        other => format!("{other:?}"),
    };
    hex::encode(Sha256::digest(text.as_bytes()))
}

/// The crossings among `rows` whose event id is already stored with other values, found by
/// reading only (a staged import checks its rows so before publishing any).
pub async fn stored_conflicts(
    tx: &mut WriteTx,
    backend: Backend,
    rows: &[(u64, Record)],
) -> Result<Vec<RowError>, StoreError> {
    let crossings: Vec<(u64, &CrossingRow)> = rows
        .iter()
        .filter_map(|(row, r)| match r {
            Record::Crossing(c) => Some((*row, c)),
            _ => None,
        })
        .collect();
    stored_otherwise_among(tx, backend, &crossings).await
}

/// The crossings whose event id is stored as another event (see [`event_of`]); one not stored
/// is no conflict.
async fn stored_otherwise_among(
    tx: &mut WriteTx,
    backend: Backend,
    crossings: &[(u64, &CrossingRow)],
) -> Result<Vec<RowError>, StoreError> {
    let ids: Vec<V> = crossings.iter().map(|(_, c)| V::T(c.event_id.clone())).collect();
    let sql = "SELECT c.event_id, d.doc_key, c.kind, c.at_us, c.checkpoint, c.reason FROM register_crossings c \
               JOIN register_documents d ON d.id = c.document_id WHERE c.event_id {in}";
    let mut stored: HashMap<String, (String, String, i64, String, Option<String>)> = HashMap::new();
    for st in feed_in(backend, sql, &ids, Ty::Text) {
        for r in st.query().fetch_all(&mut **tx).await? {
            stored.insert(
                r.try_get("event_id")?,
                (
                    r.try_get("doc_key")?,
                    r.try_get("kind")?,
                    r.try_get("at_us")?,
                    r.try_get("checkpoint")?,
                    r.try_get("reason")?,
                ),
            );
        }
    }
    Ok(crossings
        .iter()
        .filter(|(_, c)| {
            stored.get(&c.event_id).is_some_and(|s| {
                let e = event_of(c);
                (s.0.as_str(), s.1.as_str(), s.2, s.3.as_str(), s.4.as_deref())
                    != (e.0.as_str(), e.1, e.2, e.3, e.4)
            })
        })
        .map(|(row, c)| stored_otherwise(*row, &c.event_id))
        .collect())
}

/// The column holding a record's client key.
pub fn key_column(record: &Record) -> &'static str {
    match record {
        Record::Crossing(_) => "event_id",
        Record::Registration(_) => "registration_id",
        Record::Permit(_) => "permit_number",
    }
}

/// The document id of every identity, creating documents (and persons) not yet known.
/// A new document joins the person with the same match key (the lowest id if an officer's
/// split left several); otherwise a person is created.
async fn resolve_documents<'i>(
    tx: &mut WriteTx,
    backend: Backend,
    identities: impl Iterator<Item = &'i Identity>,
    latest: &HashMap<String, &CrossingRow>,
    written: &mut Written,
) -> Result<(HashMap<String, i64>, HashSet<i64>), BatchError> {
    let mut wanted: BTreeMap<String, &Identity> = BTreeMap::new();
    for i in identities {
        wanted.entry(i.doc_key()).or_insert(i);
    }
    let keys: Vec<V> = wanted.keys().map(|k| V::T(k.clone())).collect();
    let mut found: HashMap<String, i64> = HashMap::with_capacity(keys.len());
    for st in
        feed_in(backend, "SELECT id, doc_key FROM register_documents WHERE doc_key {in}", &keys, Ty::Text)
    {
        for r in st.query().fetch_all(&mut **tx).await? {
            found.insert(r.try_get("doc_key")?, r.try_get("id")?);
        }
    }
    let missing: Vec<&Identity> =
        wanted.iter().filter(|(k, _)| !found.contains_key(*k)).map(|(_, i)| *i).collect();
    let mut created = HashSet::new();
    if missing.is_empty() {
        return Ok((found, created));
    }

    // Persons of the new documents: by match key, or new.
    let mut by_key: BTreeMap<String, &Identity> = BTreeMap::new();
    let match_keys: Vec<String> = missing
        .iter()
        .map(|i| {
            let k = match_key(&i.surname, &i.given_names, i.birth_date, &i.nationality);
            by_key.entry(k.clone()).or_insert(i);
            k
        })
        .collect();
    let mut persons: HashMap<String, i64> = HashMap::with_capacity(by_key.len());
    let key_values: Vec<V> = by_key.keys().map(|k| V::T(k.clone())).collect();
    let sql = "SELECT MIN(id) AS id, match_key FROM register_persons WHERE match_key {in} GROUP BY match_key";
    for st in feed_in(backend, sql, &key_values, Ty::Text) {
        for r in st.query().fetch_all(&mut **tx).await? {
            persons.insert(r.try_get("match_key")?, r.try_get("id")?);
        }
    }
    let now = crate::now_us();
    let new_persons: Vec<Vec<V>> = by_key
        .iter()
        .filter(|(k, _)| !persons.contains_key(*k))
        .map(|(k, i)| {
            vec![
                V::T(k.clone()),
                V::T(i.surname.clone()),
                V::T(i.given_names.clone()),
                V::T(i.birth_date.to_string()),
                V::T(i.sex.clone()),
                V::T(i.nationality.clone()),
                V::I(now),
            ]
        })
        .collect();
    let sql = "INSERT INTO register_persons (match_key, surname, given_names, birth_date, sex, nationality, \
               created_at_us) {rows} RETURNING id, match_key";
    let mut types = [Ty::Text; 7];
    types[6] = Ty::Int;
    for st in feed(backend, sql, &new_persons, &types) {
        for r in st.query().fetch_all(&mut **tx).await? {
            persons.insert(r.try_get("match_key")?, r.try_get("id")?);
            written.persons_created += 1;
        }
    }

    let new_docs: Vec<Vec<V>> = missing
        .iter()
        .zip(&match_keys)
        .map(|(i, k)| {
            let mut row = vec![
                V::T(i.doc_key()),
                V::T(i.issuing_state.clone()),
                V::T(i.number.clone()),
                V::T(i.document_type.clone()),
                V::I(persons.get(k).copied().unwrap_or_default()),
                V::T(i.surname.clone()),
                V::T(i.given_names.clone()),
                V::T(i.birth_date.to_string()),
                V::T(i.sex.clone()),
                V::T(i.nationality.clone()),
                V::T(i.expiry_date.to_string()),
                V::I(now),
            ];
            let last = latest.get(&i.doc_key());
            row.push(V::opt(last.map(|c| c.kind.as_str())));
            row.push(last.map_or(V::NullI, |c| V::I(c.at.as_microsecond())));
            row.push(V::opt(last.map(|c| c.day.to_string())));
            row.push(V::opt(last.map(|c| c.checkpoint.clone())));
            row
        })
        .collect();
    let sql = "INSERT INTO register_documents (doc_key, issuing_state, number, document_type, person_id, surname, \
               given_names, birth_date, sex, nationality, expiry_date, created_at_us, last_kind, last_at_us, last_day, \
               last_checkpoint) {rows} RETURNING id, doc_key";
    let mut types = [Ty::Text; 16];
    types[4] = Ty::Int;
    types[11] = Ty::Int;
    types[13] = Ty::Int;
    for st in feed(backend, sql, &new_docs, &types) {
        for r in st.query().fetch_all(&mut **tx).await? {
            let id: i64 = r.try_get("id")?;
            found.insert(r.try_get("doc_key")?, id);
            created.insert(id);
            written.documents_created += 1;
        }
    }
    Ok((found, created))
}

async fn write_crossings(
    tx: &mut WriteTx,
    backend: Backend,
    import_id: Option<i64>,
    rows: Vec<(u64, i64, CrossingRow)>,
    created: &HashSet<i64>,
    counts: &mut Counts,
    written: &mut Written,
) -> Result<(), BatchError> {
    let values: Vec<Vec<V>> = rows
        .iter()
        .map(|(_, doc, c)| {
            vec![
                V::T(c.event_id.clone()),
                V::I(*doc),
                V::T(c.kind.as_str().to_string()),
                V::I(c.at.as_microsecond()),
                V::T(c.day.to_string()),
                V::T(c.checkpoint.clone()),
                V::opt(c.reason.clone()),
                import_id.map_or(V::NullI, V::I),
            ]
        })
        .collect();
    let mut new: HashSet<String> = HashSet::with_capacity(rows.len());
    // PostgreSQL partitions the crossings by time, keyed by (event_id, at_us) (migration 0023):
    // the event id's own key is `register_crossing_ids`, written after.
    let key = match backend {
        Backend::Sqlite => "event_id",
        Backend::Postgres => "event_id, at_us",
    };
    let sql = format!(
        "INSERT INTO register_crossings (event_id, document_id, kind, at_us, day, checkpoint, reason, import_id) \
         {{rows}} ON CONFLICT ({key}) DO NOTHING RETURNING event_id"
    );
    let types = [Ty::Text, Ty::Int, Ty::Text, Ty::Int, Ty::Text, Ty::Text, Ty::Text, Ty::Int];
    for st in feed(backend, &sql, &values, &types) {
        for r in st.query().fetch_all(&mut **tx).await? {
            new.insert(r.try_get("event_id")?);
        }
    }
    if backend == Backend::Postgres && !new.is_empty() {
        let ids: Vec<Vec<V>> = rows
            .iter()
            .filter(|(_, _, c)| new.contains(&c.event_id))
            .map(|(_, _, c)| vec![V::T(c.event_id.clone()), V::I(c.at.as_microsecond())])
            .collect();
        // An id already kept is an event stored at another instant: a conflict.
        let mut kept: HashSet<String> = HashSet::with_capacity(ids.len());
        let sql = "INSERT INTO register_crossing_ids (event_id, at_us) {rows} ON CONFLICT (event_id) DO NOTHING \
                   RETURNING event_id";
        for st in feed(backend, sql, &ids, &[Ty::Text, Ty::Int]) {
            for r in st.query().fetch_all(&mut **tx).await? {
                kept.insert(r.try_get("event_id")?);
            }
        }
        let moved: Vec<(u64, &CrossingRow)> = rows
            .iter()
            .filter(|(_, _, c)| new.contains(&c.event_id) && !kept.contains(&c.event_id))
            .map(|(row, _, c)| (*row, c))
            .collect();
        if !moved.is_empty() {
            return Err(BatchError::Conflicts(
                moved.iter().map(|(row, c)| stored_otherwise(*row, &c.event_id)).collect(),
            ));
        }
    }
    written.inserted += new.len() as u64;

    // Events already stored: the same event retried, or a conflict.
    let old: Vec<&(u64, i64, CrossingRow)> =
        rows.iter().filter(|(_, _, c)| !new.contains(&c.event_id)).collect();
    if !old.is_empty() {
        let old: Vec<(u64, &CrossingRow)> = old.iter().map(|(row, _, c)| (*row, c)).collect();
        let conflicts = stored_otherwise_among(tx, backend, &old).await?;
        if !conflicts.is_empty() {
            return Err(BatchError::Conflicts(conflicts));
        }
        written.unchanged += old.len() as u64;
    }

    let fresh: Vec<&(u64, i64, CrossingRow)> =
        rows.iter().filter(|(_, _, c)| new.contains(&c.event_id)).collect();
    // Each stored document's latest entry or exit among the new events (documents created by
    // this batch were created with theirs).
    let mut latest: HashMap<i64, &CrossingRow> = HashMap::new();
    for (_, doc, c) in &fresh {
        if c.kind != CrossingKind::Refusal
            && !created.contains(doc)
            && latest.get(doc).is_none_or(|l| l.at < c.at)
        {
            latest.insert(*doc, c);
        }
    }
    let last: Vec<Vec<V>> = latest
        .iter()
        .map(|(doc, c)| {
            vec![
                V::I(*doc),
                V::T(c.kind.as_str().to_string()),
                V::I(c.at.as_microsecond()),
                V::T(c.day.to_string()),
                V::T(c.checkpoint.clone()),
            ]
        })
        .collect();
    let sql = "WITH v (id, kind, at_us, day, checkpoint) AS ({rows}) \
               UPDATE register_documents SET last_kind = v.kind, last_at_us = v.at_us, last_day = v.day, \
               last_checkpoint = v.checkpoint FROM v WHERE register_documents.id = v.id \
               AND (register_documents.last_at_us IS NULL OR register_documents.last_at_us < v.at_us)";
    for st in feed(backend, sql, &last, &[Ty::Int, Ty::Text, Ty::Int, Ty::Text, Ty::Text]) {
        st.query().execute(&mut **tx).await?;
    }

    for (_, _, c) in &fresh {
        counts.add(c);
    }
    Ok(())
}

/// The dashboard's counts of new crossings, by month, checkpoint, kind and nationality, kept in
/// memory over a whole import and written once at its end: adding to the same rows batch after
/// batch in one PostgreSQL transaction left a version of each row per batch, and every upsert
/// walked them all (a 10M-row import spent most of its time there).
#[derive(Debug, Default)]
pub struct Counts(BTreeMap<(String, String, &'static str, String), i64>);

impl Counts {
    fn add(&mut self, c: &CrossingRow) {
        let month = c.day.to_string()[..7].to_string();
        let key = (month, c.checkpoint.clone(), c.kind.as_str(), c.identity.nationality.clone());
        *self.0.entry(key).or_default() += 1;
    }

    /// Adds the counts to the stored ones.
    pub async fn flush(self, tx: &mut WriteTx, backend: Backend) -> Result<(), StoreError> {
        let rows: Vec<Vec<V>> = self
            .0
            .into_iter()
            .map(|((m, cp, k, nat), n)| vec![V::T(m), V::T(cp), V::T(k.to_string()), V::T(nat), V::I(n)])
            .collect();
        let sql = "INSERT INTO register_crossing_counts (month, checkpoint, kind, nationality, n) {rows} \
                   ON CONFLICT (month, checkpoint, kind, nationality) \
                   DO UPDATE SET n = register_crossing_counts.n + excluded.n";
        for st in feed(backend, sql, &rows, &[Ty::Text, Ty::Text, Ty::Text, Ty::Text, Ty::Int]) {
            st.query().execute(&mut **tx).await?;
        }
        Ok(())
    }
}

/// Upserts rows by their key, replacing a stored row only if a value differs; counts what was
/// new, changed and unchanged.
async fn upsert(
    tx: &mut WriteTx,
    backend: Backend,
    table: &str,
    columns: &[&str],
    values: Vec<Vec<V>>,
    written: &mut Written,
) -> Result<(), BatchError> {
    let key = columns[0];
    let mut existing = 0u64;
    let keys: Vec<V> = values.iter().filter_map(|row| row.first().cloned()).collect();
    let sql = format!("SELECT COUNT(*) FROM {table} WHERE {key} {{in}}");
    for st in feed_in(backend, &sql, &keys, Ty::Text) {
        let n: i64 = st.query().fetch_one(&mut **tx).await?.try_get(0)?;
        existing += u64::try_from(n).unwrap_or(0);
    }
    let rest = &columns[1..];
    let set: Vec<String> = rest.iter().map(|c| format!("{c} = excluded.{c}")).collect();
    let differs: Vec<String> = rest
        .iter()
        .filter(|c| **c != "import_id")
        .map(|c| format!("{table}.{c} IS DISTINCT FROM excluded.{c}"))
        .collect();
    let mut affected = 0;
    let sql = match crate::partitioned::by_year(backend, table) {
        Some(p) => {
            // Partitioned by year (PostgreSQL): room made for the batch (its years' partitions,
            // the rows whose date changed taken out of their old year), then the upsert.
            let at = columns.iter().position(|c| *c == p.date).unwrap_or(0);
            let dated: Vec<(String, String)> = values
                .iter()
                .filter_map(|row| match (row.first(), row.get(at)) {
                    (Some(V::T(id)), Some(V::T(date))) => Some((id.clone(), date.clone())),
                    _ => None,
                })
                .collect();
            p.make_room(tx, &dated).await?;
            let compared: Vec<&str> = rest.iter().copied().filter(|c| *c != "import_id").collect();
            p.upsert_sql(columns, "{rows}", &compared)
        }
        None => format!(
            "INSERT INTO {table} ({}) {{rows}} ON CONFLICT ({key}) DO UPDATE SET {} WHERE {}",
            columns.join(", "),
            set.join(", "),
            differs.join(" OR ")
        ),
    };
    // Every row has the same shape: the first gives each column's type.
    let types: Vec<Ty> = values
        .first()
        .map(|row| {
            row.iter().map(|v| if matches!(v, V::I(_) | V::NullI) { Ty::Int } else { Ty::Text }).collect()
        })
        .unwrap_or_default();
    for st in feed(backend, &sql, &values, &types) {
        affected += st.query().execute(&mut **tx).await?.rows_affected();
    }
    let inserted = (values.len() as u64).saturating_sub(existing);
    written.inserted += inserted;
    written.updated += affected.saturating_sub(inserted);
    written.unchanged += (values.len() as u64).saturating_sub(affected);
    Ok(())
}

async fn write_registrations(
    tx: &mut WriteTx,
    backend: Backend,
    policy: &Policy,
    import_id: Option<i64>,
    rows: Vec<(i64, RegistrationRow)>,
    written: &mut Written,
) -> Result<(), BatchError> {
    let mut values = Vec::with_capacity(rows.len());
    for (doc, r) in rows {
        let late = match (r.kind, r.notified_on) {
            ("stay", Some(on)) => late_notification(policy, r.from, r.until, on).map_err(|e| {
                StoreError::Refused(Said::new(
                    "refused-notification-dates",
                    format!("the policy cannot date notifications: {e}"),
                ))
            })?,
            _ => None,
        };
        values.push(vec![
            V::T(r.registration_id),
            V::T(r.kind.to_string()),
            V::I(doc),
            V::T(r.region),
            V::T(r.address),
            V::T(r.host),
            V::T(r.from.to_string()),
            V::T(r.until.to_string()),
            V::opt(r.notified_on.map(|d| d.to_string())),
            V::opt(late.as_ref().map(|l| l.due.to_string())),
            V::I(i64::from(late.is_some())),
            V::opt(r.employer_bin),
            V::opt(r.permit_number),
            import_id.map_or(V::NullI, V::I),
        ]);
    }
    let columns = [
        "registration_id",
        "kind",
        "document_id",
        "region",
        "address",
        "host",
        "from_day",
        "until_day",
        "notified_on",
        "due_on",
        "late",
        "employer_bin",
        "permit_number",
        "import_id",
    ];
    upsert(tx, backend, "register_registrations", &columns, values, written).await
}

async fn write_permits(
    tx: &mut WriteTx,
    backend: Backend,
    import_id: Option<i64>,
    rows: Vec<(i64, PermitRow)>,
    written: &mut Written,
) -> Result<(), BatchError> {
    let values = rows
        .into_iter()
        .map(|(doc, p)| {
            vec![
                V::T(p.permit_number),
                V::T(p.kind.as_str().to_string()),
                V::I(doc),
                V::T(p.valid_from.to_string()),
                V::T(p.valid_until.to_string()),
                V::opt(p.cancelled_on.map(|d| d.to_string())),
                import_id.map_or(V::NullI, V::I),
            ]
        })
        .collect();
    let columns =
        ["permit_number", "kind", "document_id", "valid_from", "valid_until", "cancelled_on", "import_id"];
    upsert(tx, backend, "register_permits", &columns, values, written).await
}
