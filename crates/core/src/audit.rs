//! The audit log's hash chain: how a record's hash is made and how a chain is checked.
//!
//! Every record carries the hash of the one before it, so altering, removing or reordering any
//! stored record breaks the chain from that record on. Verification names the first broken record.
//! [`checkpoint`] anchors the chain outside the database, against rewriting it whole.

pub mod checkpoint;

use serde::Serialize;
use sha2::{Digest, Sha256};

/// The `prev_hash` of the first record.
pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// One audit record as stored. `seq` starts at 1 and has no gaps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditRecord {
    pub seq: i64,
    /// When, in microseconds since the Unix epoch (UTC).
    pub at_us: i64,
    /// The acting account, if any (none for the public or the command line).
    pub actor_id: Option<i64>,
    /// The acting account's username, `-` for the public, `cli` for the command line.
    pub actor: String,
    pub role: String,
    /// What was done, as `object.verb`, e.g. `user.create`, `session.login_failed`, `person.read`.
    pub action: String,
    pub object_type: String,
    pub object_id: String,
    pub request_id: String,
    /// Further facts as a JSON object (never secrets).
    pub detail: String,
    pub prev_hash: String,
    pub hash: String,
}

impl AuditRecord {
    /// When, as an instant; `None` for microseconds outside the range of time (a record so
    /// stored was altered: its hash tells).
    pub fn at(&self) -> Option<jiff::Timestamp> {
        jiff::Timestamp::from_microsecond(self.at_us).ok()
    }
}

/// The hash of a record's content chained to `prev_hash`: SHA-256 over the JSON array of every
/// field but `hash`, in a fixed order, hex-encoded. JSON makes the encoding unambiguous.
pub fn record_hash(r: &AuditRecord) -> String {
    let content = serde_json::json!([
        r.seq,
        r.at_us,
        r.actor_id,
        r.actor,
        r.role,
        r.action,
        r.object_type,
        r.object_id,
        r.request_id,
        r.detail,
        r.prev_hash,
    ]);
    hex::encode(Sha256::digest(content.to_string().as_bytes()))
}

/// Why the chain is broken at a record.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Broken {
    #[error("record {seq}: its content does not match its hash (the record was altered)")]
    Altered { seq: i64 },
    #[error(
        "record {seq}: it does not link to the record before it (a record before it was altered, removed or inserted)"
    )]
    Unlinked { seq: i64 },
    #[error("record {seq}: expected record {expected} here (records {expected} to {} are missing)", seq - 1)]
    Missing { seq: i64, expected: i64 },
    #[error(
        "record {expected}: the log ends at record {last} but the chain head says {head} records were written (the last records were removed)"
    )]
    Truncated { expected: i64, last: i64, head: i64 },
    #[error("the chain head does not match the last record {last} (the head or the last record was altered)")]
    HeadMismatch { last: i64 },
}

impl Broken {
    /// The first record found broken.
    pub fn seq(&self) -> i64 {
        match *self {
            Broken::Altered { seq } | Broken::Unlinked { seq } | Broken::Missing { seq, .. } => seq,
            Broken::Truncated { expected, .. } => expected,
            Broken::HeadMismatch { last } => last,
        }
    }
}

/// Checks a chain one record at a time, so a long log can be streamed in pages.
#[derive(Debug, Clone)]
pub struct ChainVerifier {
    expected_seq: i64,
    prev_hash: String,
}

impl Default for ChainVerifier {
    fn default() -> Self {
        ChainVerifier { expected_seq: 1, prev_hash: GENESIS_HASH.to_string() }
    }
}

impl ChainVerifier {
    /// Checks the next record, in `seq` order.
    pub fn push(&mut self, r: &AuditRecord) -> Result<(), Broken> {
        if r.seq != self.expected_seq {
            return Err(Broken::Missing { seq: r.seq, expected: self.expected_seq });
        }
        if r.prev_hash != self.prev_hash {
            return Err(Broken::Unlinked { seq: r.seq });
        }
        if record_hash(r) != r.hash {
            return Err(Broken::Altered { seq: r.seq });
        }
        self.expected_seq += 1;
        self.prev_hash.clone_from(&r.hash);
        Ok(())
    }

    /// Ends the check against the chain head (the count and last hash kept beside the log).
    /// Returns how many records were checked.
    pub fn finish(self, head_seq: i64, head_hash: &str) -> Result<i64, Broken> {
        let last = self.expected_seq - 1;
        if head_seq > last {
            return Err(Broken::Truncated { expected: last + 1, last, head: head_seq });
        }
        if head_seq < last || head_hash != self.prev_hash {
            return Err(Broken::HeadMismatch { last });
        }
        Ok(last)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn chain(n: i64) -> Vec<AuditRecord> {
        let mut prev = GENESIS_HASH.to_string();
        (1..=n)
            .map(|seq| {
                let mut r = AuditRecord {
                    seq,
                    at_us: 1_700_000_000_000_000 + seq,
                    actor_id: Some(seq % 3),
                    actor: format!("user{seq}"),
                    role: "admin".into(),
                    action: "user.create".into(),
                    object_type: "user".into(),
                    object_id: seq.to_string(),
                    request_id: format!("req-{seq}"),
                    detail: "{}".into(),
                    prev_hash: prev.clone(),
                    hash: String::new(),
                };
                r.hash = record_hash(&r);
                prev.clone_from(&r.hash);
                r
            })
            .collect()
    }

    fn verify(records: &[AuditRecord], head_seq: i64, head_hash: &str) -> Result<i64, Broken> {
        let mut v = ChainVerifier::default();
        for r in records {
            v.push(r)?;
        }
        v.finish(head_seq, head_hash)
    }

    fn head(records: &[AuditRecord]) -> (i64, String) {
        records.last().map_or((0, GENESIS_HASH.into()), |r| (r.seq, r.hash.clone()))
    }

    #[test]
    fn an_intact_chain_verifies() {
        let c = chain(5);
        let (s, h) = head(&c);
        assert_eq!(verify(&c, s, &h), Ok(5));
        assert_eq!(verify(&[], 0, GENESIS_HASH), Ok(0));
    }

    #[test]
    fn any_field_changed_is_caught_at_that_record() {
        let c = chain(5);
        let (s, h) = head(&c);
        let mut t = c.clone();
        t[2].detail = r#"{"x":1}"#.into();
        assert_eq!(verify(&t, s, &h), Err(Broken::Altered { seq: 3 }));
        let mut t = c.clone();
        t[1].actor_id = None;
        assert_eq!(verify(&t, s, &h), Err(Broken::Altered { seq: 2 }));
    }

    #[test]
    fn a_rehashed_record_breaks_the_next_link() {
        let c = chain(5);
        let (s, h) = head(&c);
        let mut t = c.clone();
        t[2].action = "user.disable".into();
        t[2].hash = record_hash(&t[2]);
        assert_eq!(verify(&t, s, &h), Err(Broken::Unlinked { seq: 4 }));
    }

    #[test]
    fn removed_records_are_named() {
        let c = chain(5);
        let (s, h) = head(&c);
        let mut t = c.clone();
        t.remove(1);
        let err = verify(&t, s, &h).unwrap_err();
        assert_eq!(err, Broken::Missing { seq: 3, expected: 2 });
        assert_eq!(err.seq(), 3);
        let t = &c[..3];
        assert_eq!(verify(t, s, &h), Err(Broken::Truncated { expected: 4, last: 3, head: 5 }));
        assert_eq!(verify(&c, s, "beef"), Err(Broken::HeadMismatch { last: 5 }));
    }

    proptest! {
        #[test]
        fn altering_any_one_record_is_caught_there(n in 1i64..30, pick in 0usize..30, text in "\\PC{1,20}") {
            let c = chain(n);
            let (s, h) = head(&c);
            let i = pick % c.len();
            let mut t = c.clone();
            t[i].object_id.push_str(&text);
            prop_assert_eq!(verify(&t, s, &h), Err(Broken::Altered { seq: t[i].seq }));
        }
    }
}
