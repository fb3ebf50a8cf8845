//! The store's error type. The shells turn it into problem details or a CLI message.

use ashyq_core::account::AccountError;
use ashyq_core::audit::Broken;
use ashyq_core::said::Said;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    #[error("migrations: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("database url {url:?}: {why}")]
    BadUrl { url: String, why: String },
    #[error(transparent)]
    Invalid(#[from] AccountError),
    #[error("{what} {key:?} already exists")]
    Conflict { what: &'static str, key: String },
    /// The change is refused as it stands (e.g. an administrator disabling their own account):
    /// said by its code in the reader's language, its English for the API, the CLI and the log.
    #[error("{0}")]
    Refused(Said),
    /// A value of the request is not acceptable (→ 422 with the field).
    #[error("{field}: {reason}")]
    Field { field: String, reason: Said },
    /// The actor may not do this to this object (e.g. a coordinator of another region).
    #[error("{0}")]
    Forbidden(Said),
    /// The object is of another region than the one the actor's account is scoped to (→ 403);
    /// `what` names the object (`case`, `permit`), `region` its region, `mine` the account's.
    #[error("this {what} belongs to region {region}; your account is scoped to {mine}")]
    OtherRegion { what: &'static str, region: String, mine: String },
    #[error("{what} {key} not found")]
    NotFound { what: &'static str, key: String },
    #[error("audit log: {0}")]
    AuditBroken(Broken),
    #[error("{0}")]
    Unsupported(String),
    #[error("{path}: {source}")]
    Io { path: String, source: std::io::Error },
    #[error("password hashing: {0}")]
    Hashing(String),
    #[error("stored data is not as expected: {0}")]
    Corrupt(String),
}

impl StoreError {
    /// A bad value of the field `field`, and why.
    pub fn field(field: impl Into<String>, reason: Said) -> Self {
        StoreError::Field { field: field.into(), reason }
    }

    /// A refusal without arguments: its code and English.
    pub fn refused(code: &str, english: impl Into<String>) -> Self {
        StoreError::Refused(Said::new(code, english))
    }

    /// A forbidden act without arguments: its code and English.
    pub fn forbidden(code: &str, english: impl Into<String>) -> Self {
        StoreError::Forbidden(Said::new(code, english))
    }

    /// What a person is told: the refusal, the forbidden act or the bad field's reason.
    pub fn said(&self) -> Option<&Said> {
        match self {
            StoreError::Refused(s) | StoreError::Forbidden(s) => Some(s),
            StoreError::Field { reason, .. } => Some(reason),
            _ => None,
        }
    }

    pub(crate) fn io(path: &std::path::Path, source: std::io::Error) -> Self {
        StoreError::Io { path: path.display().to_string(), source }
    }
}

/// Whether a database error is a unique-key violation (the same on both backends).
pub(crate) fn is_unique_violation(e: &sqlx::Error) -> bool {
    matches!(e, sqlx::Error::Database(d) if d.is_unique_violation())
}
