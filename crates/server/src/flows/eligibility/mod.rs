//! Deciding the five programmes for a person's facts (the public self-check and the API) and the
//! analysts' simulation of a reform.
//!
//! The use cases live here; `api` and `pages` are thin adapters over them.

pub mod api;
pub mod pages;
pub mod simulation;

use crate::flows::Outcome;
use crate::problem::{ApiResult, Problem};
use crate::routes::RouteBuilder;
use crate::state::AppState;
use ashyq_core::rules::{Context, Decision, EvalError, Facts, Programme, evaluate};
use axum::http::StatusCode;
use jiff::civil::Date;

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
    let said = e.said();
    match e {
        EvalError::Facts(f) => Problem::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation",
            format!("{}: {}", f.path, f.reason.english),
        )
        .field_said(&f.path, said),
        EvalError::ProgrammeNotInForce { .. } | EvalError::ProgrammeRepealed { .. } => {
            Problem::new(StatusCode::UNPROCESSABLE_ENTITY, "validation", format!("on: {e}"))
                .field_said("on", said)
        }
        EvalError::Parameter(_) | EvalError::Rate(_) => {
            Problem::new(StatusCode::UNPROCESSABLE_ENTITY, "cannot_decide", e.to_string()).with_said(said)
        }
    }
}

/// Decides the programme of `facts` on `on` (the date of application; today by default) under
/// the policy in force, with the published lists and the official rates (anyone, no login:
/// nothing is stored and no one's record is read). The decision borrows the policy and the
/// world it was made under, so it is handed to `show` and what `show` makes of it returned.
/// Facts the rules cannot decide on, or a programme not in force on the date, are a 422
/// naming the field ([`eval_problem`]).
pub async fn decide<T>(
    s: &AppState,
    facts: &Facts,
    on: Option<Date>,
    show: impl FnOnce(&Decision<'_>) -> T,
) -> Outcome<T> {
    let on = on.unwrap_or_else(crate::clock::today);
    let w = crate::world::world(s).await?;
    let ctx = Context { policy: &s.policy, lists: &w.lists, rates: &w.rates };
    let decision = evaluate(facts, on, &ctx).map_err(|e| eval_problem(&e))?;
    Ok(show(&decision))
}
