//! The audit log, for administrators: the latest records, and a check of the whole hash chain
//! that names the first broken record.

use crate::access::Access;
use crate::auth::Principal;
use crate::flows::Outcome;
use crate::problem::Problem;
use crate::state::AppState;
use ashyq_core::Role;
use ashyq_core::audit::AuditRecord;
use ashyq_store::{StoreError, audit};
use axum::http::StatusCode;
use std::ops::RangeInclusive;

const ADMINS: &[Role] = &[Role::Admin];

/// How many records one read may give.
pub const LIMITS: RangeInclusive<i64> = 1..=1000;

/// The latest `limit` records, newest first; a limit outside [`LIMITS`] is a 400.
pub async fn tail(s: &AppState, p: &Principal, limit: i64) -> Outcome<Vec<AuditRecord>> {
    Access::of(p).require(ADMINS)?;
    if !LIMITS.contains(&limit) {
        return Err(Problem::new(StatusCode::BAD_REQUEST, "validation", "limit must be 1 to 1000")
            .field("limit", "must be 1 to 1000")
            .into());
    }
    Ok(audit::tail(&s.db, limit).await?)
}

/// What a check of the chain found.
pub enum Chain {
    /// Every record links to the one before: how many were checked.
    Intact(i64),
    /// The first broken record and why.
    Broken { seq: i64, reason: String },
}

/// Checks the whole hash chain.
pub async fn verify(s: &AppState, p: &Principal) -> Outcome<Chain> {
    Access::of(p).require(ADMINS)?;
    match audit::verify(&s.db).await {
        Ok(n) => Ok(Chain::Intact(n)),
        Err(StoreError::AuditBroken(b)) => Ok(Chain::Broken { seq: b.seq(), reason: b.to_string() }),
        Err(e) => Err(e.into()),
    }
}
