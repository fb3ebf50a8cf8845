//! Documents issued (issue 17): a decision a person receives — an approval, a refusal, a request
//! for information, a permit, its cancellation, a kandas assignment — recorded the first time it
//! is downloaded, under a random verification code that anyone may check. The record is keyed by
//! its kind and subject too, so the same document downloaded again carries the same code; what a
//! check shows (the essentials) is frozen at issue. Every download is audited, in the same
//! transaction as the record it may create.
//!
//! Who may download which document is the caller's business (the server's use cases); this
//! module records and reads, and decides nothing of the policy.

use crate::audit::{self, Actor, Event};
use crate::codec;
use crate::db::Db;
use crate::error::StoreError;
use jiff::Timestamp;
use jiff::civil::Date;
use rand::Rng;
use serde::Serialize;
use sqlx::Row;
use sqlx::any::AnyRow;

/// What a document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A case approved (for permanent residence: once confirmed by the second officer).
    Approval,
    /// A case refused.
    Refusal,
    /// An officer's request for more information on a case.
    Request,
    /// A permit issued.
    Permit,
    /// A permit cancelled.
    Cancellation,
    /// A kandas family assigned to a region, with its subsidies.
    KandasAssignment,
}

impl Kind {
    pub const ALL: [Kind; 6] = [
        Kind::Approval,
        Kind::Refusal,
        Kind::Request,
        Kind::Permit,
        Kind::Cancellation,
        Kind::KandasAssignment,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Approval => "approval",
            Kind::Refusal => "refusal",
            Kind::Request => "request",
            Kind::Permit => "permit",
            Kind::Cancellation => "cancellation",
            Kind::KandasAssignment => "kandas_assignment",
        }
    }

    pub fn parse(text: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == text)
    }
}

/// Crockford's base32: no I, L, O or U, so a code read aloud or typed from paper is not
/// mistaken.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// Characters of a code (60 random bits).
pub const CODE_LEN: usize = 12;

/// A verification code: 12 characters of Crockford's base32, shown in three groups of four
/// (`7KQ2-M9XD-4RTB`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Code(String);

impl Code {
    /// A new code from a cryptographically secure generator.
    pub fn random() -> Code {
        let mut rng = rand::rng();
        Code((0..CODE_LEN).map(|_| char::from(ALPHABET[rng.random_range(0..32)])).collect())
    }

    /// A code as a person may type it: in any case, with or without the dashes and spaces, O
    /// for 0 and I or L for 1 (Crockford's reading). `None`: not a code.
    pub fn parse(text: &str) -> Option<Code> {
        let mut out = String::with_capacity(CODE_LEN);
        for c in text.chars().filter(|c| !matches!(c, '-' | ' ')) {
            let c = match c.to_ascii_uppercase() {
                'O' => '0',
                'I' | 'L' => '1',
                c => c,
            };
            if !c.is_ascii() || !ALPHABET.contains(&(c as u8)) {
                return None;
            }
            out.push(c);
        }
        (out.len() == CODE_LEN).then_some(Code(out))
    }

    /// The code as stored: 12 characters.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The code as printed: `XXXX-XXXX-XXXX`.
    pub fn grouped(&self) -> String {
        let s = &self.0;
        format!("{}-{}-{}", &s[0..4], &s[4..8], &s[8..12])
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.grouped())
    }
}

/// What a document's check shows, frozen when it is issued.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Essentials {
    pub kind: Kind,
    /// The case event of a decision; the permit event that gave a permit its term (issued or
    /// renewed); the permit, for its cancellation; the kandas application.
    pub subject_id: i64,
    /// The case's reference, the permit's number or the kandas application's reference.
    pub reference: String,
    /// The programme's id, for a case or a permit.
    pub programme: Option<String>,
    /// The region whose officers decided.
    pub region: String,
    pub decided_on: Date,
    /// The holder's name, masked: initials and surname.
    pub holder: String,
    pub valid_from: Option<Date>,
    pub valid_until: Option<Date>,
}

/// A document as issued.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Issued {
    pub code: String,
    pub essentials: Essentials,
    #[serde(rename = "issued_at_us", with = "crate::codec::us")]
    pub issued_at: Timestamp,
}

impl Issued {
    /// The code, read back (it was made by [`Code::random`]).
    pub fn code(&self) -> Code {
        Code(self.code.clone())
    }
}

/// A document found by its code, with what became of its subject since: the day a permit was
/// cancelled, for a permit's document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Verified {
    pub issued: Issued,
    pub cancelled_on: Option<Date>,
}

const COLUMNS: &str = "d.code, d.kind, d.subject_id, d.reference, d.programme, d.region, d.decided_on, d.holder, \
     d.valid_from, d.valid_until, d.issued_at_us";

fn from_row(r: &AnyRow) -> Result<Issued, StoreError> {
    let kind: String = r.try_get("kind")?;
    Ok(Issued {
        code: r.try_get("code")?,
        essentials: Essentials {
            kind: Kind::parse(&kind)
                .ok_or_else(|| StoreError::Corrupt(format!("documents.kind {kind:?}")))?,
            subject_id: r.try_get("subject_id")?,
            reference: r.try_get("reference")?,
            programme: r.try_get("programme")?,
            region: r.try_get("region")?,
            decided_on: codec::date(r, "decided_on")?,
            holder: r.try_get("holder")?,
            valid_from: codec::opt_date(r, "valid_from")?,
            valid_until: codec::opt_date(r, "valid_until")?,
        },
        issued_at: codec::ts(r, "issued_at_us")?,
    })
}

/// The document `e` describes, issued now with a new code unless it was issued before (then the
/// stored one, with its code and its essentials as they were). The download is audited
/// (`document.download`) in the same transaction.
pub async fn issue(db: &Db, actor: &Actor, e: &Essentials) -> Result<Issued, StoreError> {
    let mut tx = db.begin_write().await?;
    let stored = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM documents d WHERE d.kind = $1 AND d.subject_id = $2"
    )))
    .bind(e.kind.as_str())
    .bind(e.subject_id)
    .fetch_optional(&mut *tx)
    .await?;
    let (issued, new) = match stored {
        Some(r) => (from_row(&r)?, false),
        None => {
            let issued = Issued { code: Code::random().0, essentials: e.clone(), issued_at: codec::now() };
            sqlx::query(
                "INSERT INTO documents (code, kind, subject_id, reference, programme, region, decided_on, holder, \
                 valid_from, valid_until, issued_by, issued_at_us) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
            )
            .bind(&issued.code)
            .bind(e.kind.as_str())
            .bind(e.subject_id)
            .bind(&e.reference)
            .bind(e.programme.as_deref())
            .bind(&e.region)
            .bind(codec::date_to_sql(e.decided_on))
            .bind(&e.holder)
            .bind(codec::opt_date_to_sql(e.valid_from))
            .bind(codec::opt_date_to_sql(e.valid_until))
            .bind(&actor.username)
            .bind(codec::ts_to_us(issued.issued_at))
            .execute(&mut *tx)
            .await?;
            (issued, true)
        }
    };
    let detail = serde_json::json!({
        "kind": e.kind.as_str(), "subject": e.subject_id, "reference": issued.essentials.reference, "new": new,
    });
    audit::append(&mut tx, actor, Event::new("document.download", "document", &issued.code).detail(detail))
        .await?;
    tx.commit().await?;
    Ok(issued)
}

/// The document of `code`, if one was issued; a permit's document with the day the permit was
/// cancelled, if it was. Not audited: a check shows no more than the paper it checks.
pub async fn verify(db: &Db, code: &Code) -> Result<Option<Verified>, StoreError> {
    let row = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS}, p.cancelled_on FROM documents d \
         LEFT JOIN permit_events e ON d.kind = 'permit' AND e.id = d.subject_id \
         LEFT JOIN case_permits p ON p.id = e.permit_id WHERE d.code = $1"
    )))
    .bind(code.as_str())
    .fetch_optional(&db.pool)
    .await?;
    row.map(|r| Ok(Verified { issued: from_row(&r)?, cancelled_on: codec::opt_date(&r, "cancelled_on")? }))
        .transpose()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_twelve_unambiguous_characters_in_three_groups() {
        let a = Code::random();
        assert_eq!(a.as_str().len(), CODE_LEN);
        assert!(a.as_str().bytes().all(|b| ALPHABET.contains(&b)));
        assert!(!a.as_str().contains(['I', 'L', 'O', 'U']));
        assert_ne!(a, Code::random());
        let g = a.grouped();
        assert_eq!(g.len(), 14);
        assert_eq!((&g[4..5], &g[9..10]), ("-", "-"));
        assert_eq!(Code::parse(&g), Some(a.clone()));
        assert_eq!(Code::parse(&g.to_lowercase()), Some(a));
    }

    #[test]
    fn a_typed_code_reads_as_crockford_reads_it() {
        assert_eq!(Code::parse("o1il-2345-6789").unwrap().as_str(), "011123456789");
        assert_eq!(Code::parse(" ABCD EFGH JKMN ").unwrap().grouped(), "ABCD-EFGH-JKMN");
        for bad in
            ["", "ABCD-EFGH-JKM", "ABCD-EFGH-JKMNP", "ABCD-EFGH-JKMU", "ABCD-EFGH-JKМN", "../etc/passwd"]
        {
            assert_eq!(Code::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn kinds_read_back() {
        for k in Kind::ALL {
            assert_eq!(Kind::parse(k.as_str()), Some(k));
        }
        assert_eq!(Kind::parse("visa"), None);
    }
}
