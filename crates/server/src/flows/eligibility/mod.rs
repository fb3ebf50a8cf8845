//! Deciding the five programmes for a person's facts (the public self-check and the API) and the analysts' simulation of a reform.
//!
//! The use cases live here; `api` and `pages` are thin adapters over them.

pub mod api;
pub mod pages;

use crate::problem::{ApiResult, Problem};
use crate::routes::RouteBuilder;
use ashyq_core::rules::{EvalError, Programme};
use axum::http::StatusCode;

/// The flow's routes: its pages, then its API.
pub fn routes(b: RouteBuilder) -> RouteBuilder {
    let b = pages::routes(b.flow("eligibility"));
    api::routes(b)
}

/// The programme a path names; an unknown one is "not found".
pub fn programme(id: &str) -> ApiResult<Programme> {
    Programme::named(id).map_err(|e| Problem::not_found(e.to_string()))
}

/// A reason a decision could not be made, as a problem naming the field.
pub fn eval_problem(e: &EvalError) -> Problem {
    match e {
        EvalError::Facts(f) => Problem::validation(&f.path, f.reason.clone()),
        EvalError::ProgrammeNotInForce { .. } | EvalError::ProgrammeRepealed { .. } => {
            Problem::validation("on", e.to_string())
        }
        EvalError::Parameter(_) | EvalError::Rate(_) => {
            Problem::new(StatusCode::UNPROCESSABLE_ENTITY, "cannot_decide", e.to_string())
        }
    }
}
