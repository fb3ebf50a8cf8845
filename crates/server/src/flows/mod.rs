//! The flows of ashyq, one folder each: the use cases (`mod.rs`), with the JSON API (`api`)
//! and the pages (`pages`) as thin adapters over them, and the routes registered beside their
//! handlers. See `docs/architecture.md`.

pub mod abroad;
pub mod accounts;
pub mod cases;
pub mod documents;
pub mod eligibility;
pub mod kandas;
pub mod lists;
pub mod notifications;
pub mod paryz;
pub mod permits;
pub mod register;
pub mod rounds;

use crate::problem::Problem;
use crate::routes::RouteBuilder;
use ashyq_store::StoreError;

/// Every flow's routes.
pub fn routes(b: RouteBuilder) -> RouteBuilder {
    let b = accounts::routes(b);
    let b = lists::routes(b);
    let b = eligibility::routes(b);
    let b = register::routes(b);
    let b = cases::routes(b);
    let b = permits::routes(b);
    let b = rounds::routes(b);
    let b = kandas::routes(b);
    let b = abroad::routes(b);
    let b = notifications::routes(b);
    let b = documents::routes(b);
    paryz::routes(b)
}

/// Why a use case did not happen: the one error of every flow. The API answers it as a
/// problem (RFC 9457); the pages put it in the reader's words (`web::refusal`).
#[derive(Debug)]
pub enum Error {
    /// The store refused (not found, forbidden, a conflict, a field, a state that does not
    /// allow the move) or failed.
    Store(StoreError),
    /// Refused before the store was asked, as the API answers it: the caller's role, a field
    /// of the input, facts the rules cannot read.
    Refused(Problem),
}

/// What a use case returns.
pub type Outcome<T> = Result<T, Error>;

impl From<StoreError> for Error {
    fn from(e: StoreError) -> Error {
        Error::Store(e)
    }
}

impl From<Problem> for Error {
    fn from(p: Problem) -> Error {
        Error::Refused(p)
    }
}

impl From<Error> for Problem {
    fn from(e: Error) -> Problem {
        match e {
            Error::Store(e) => e.into(),
            Error::Refused(p) => p,
        }
    }
}

impl Error {
    /// The status the refusal answers with; `None` for a failure to report as internal.
    pub fn status(&self) -> Option<axum::http::StatusCode> {
        use axum::http::StatusCode;
        match self {
            Error::Store(StoreError::Field { .. } | StoreError::Invalid(_) | StoreError::Unsupported(_)) => {
                Some(StatusCode::UNPROCESSABLE_ENTITY)
            }
            Error::Store(StoreError::Refused(_) | StoreError::Conflict { .. }) => Some(StatusCode::CONFLICT),
            Error::Store(StoreError::Forbidden(_) | StoreError::OtherRegion { .. }) => {
                Some(StatusCode::FORBIDDEN)
            }
            Error::Store(StoreError::NotFound { .. }) => Some(StatusCode::NOT_FOUND),
            Error::Store(_) => None,
            Error::Refused(p) => StatusCode::from_u16(p.status).ok().filter(|s| !s.is_server_error()),
        }
    }
}
