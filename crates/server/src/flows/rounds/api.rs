//! Invitation rounds of the valuable-skills visa over the API (issue 6): held by officers,
//! published to everyone — the cut-off score, the tie-break time, and the invitations by rank
//! with their points, submission time and case id, never a name — and re-derivable from the
//! candidates they stored (`verified`). Thin adapters over the flow's use cases.

use super::{Held, Published};
use crate::auth::Principal;
use crate::json::ApiJson;
use crate::problem::{ApiResult, ProblemDetails};
use crate::state::AppState;
use ashyq_core::cases::round::Invitation;
use ashyq_store::cases::rounds::Round;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// An invitation as published.
#[derive(Debug, Serialize, ToSchema)]
pub struct InvitationView {
    pub rank: u32,
    pub case_id: i64,
    pub points: u32,
    /// When the case was submitted (RFC 3339, UTC): the tie-break.
    pub submitted_at: String,
}

/// A round as published.
#[derive(Debug, Serialize, ToSchema)]
pub struct RoundView {
    pub id: i64,
    pub reference: String,
    pub held_on: jiff::civil::Date,
    /// Places offered.
    pub size: i64,
    /// The priority sector the round was limited to, if any.
    pub sector: Option<String>,
    /// Candidates considered.
    pub considered: i64,
    /// The lowest score invited.
    pub cut_off: Option<i64>,
    /// Among candidates at the cut-off, those submitted up to this instant were invited.
    pub tie_break_at: Option<String>,
    pub held_at: String,
    pub invitations: Vec<InvitationView>,
    /// Whether the round re-derives from its stored candidates (only on a single round).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verified: Option<bool>,
}

fn invitation(i: &Invitation) -> InvitationView {
    InvitationView {
        rank: i.rank,
        case_id: i.case_id,
        points: i.points,
        submitted_at: crate::clock::instant(i.submitted_at),
    }
}

fn view(r: Round, verified: Option<bool>) -> RoundView {
    RoundView {
        id: r.id,
        reference: r.reference,
        held_on: r.held_on,
        size: r.size,
        sector: r.sector,
        considered: r.considered,
        cut_off: r.cut_off,
        tie_break_at: r.tie_break_at.map(crate::clock::instant),
        held_at: crate::clock::instant(r.held_at),
        invitations: r.invitations.iter().map(invitation).collect(),
        verified,
    }
}

/// The rounds held, newest first (public).
#[utoipa::path(get, path = "/api/v1/rounds", tag = "rounds",
    responses((status = 200, body = Vec<RoundView>)))]
pub async fn list(State(s): State<AppState>) -> ApiResult<Json<Vec<RoundView>>> {
    Ok(Json(super::list(&s).await?.into_iter().map(|r| view(r, None)).collect()))
}

/// A round with its invitations, and whether it re-derives from its stored candidates (public).
#[utoipa::path(get, path = "/api/v1/rounds/{id}", tag = "rounds",
    params(("id" = i64, Path, description = "The round's id")),
    responses((status = 200, body = RoundView), (status = 404, body = ProblemDetails)))]
pub async fn show(State(s): State<AppState>, Path(id): Path<i64>) -> ApiResult<Json<RoundView>> {
    let Published { round, verified } = super::show(&s, id).await?;
    Ok(Json(view(round, Some(verified))))
}

/// A round to hold.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RoundIn {
    /// The round's key: the same reference again returns the round held.
    pub reference: String,
    /// Places to offer (default: the year's quota places not yet taken).
    #[serde(default)]
    pub size: Option<i64>,
    /// Limit the round to a priority sector of the policy.
    #[serde(default)]
    pub sector: Option<String>,
}

/// Holds an invitation round today: the eligible submitted valuable-skills cases not yet
/// invited are ranked by points (then submission time, then case id) and the top invited.
#[utoipa::path(post, path = "/api/v1/rounds", tag = "rounds",
    request_body = RoundIn,
    responses((status = 201, body = RoundView), (status = 200, description = "Already held", body = RoundView),
        (status = 422, body = ProblemDetails)),
    security(("bearer" = []), ("session" = [])))]
pub async fn hold(
    State(s): State<AppState>,
    p: Principal,
    ApiJson(body): ApiJson<RoundIn>,
) -> ApiResult<(StatusCode, Json<RoundView>)> {
    let Held { published: Published { round, verified }, created } =
        super::hold(&s, &p, &body.reference, body.size, body.sector.as_deref()).await?;
    Ok((if created { StatusCode::CREATED } else { StatusCode::OK }, Json(view(round, Some(verified)))))
}

/// This module's routes, each with its row of the access table
/// (public, applicant, analyst, coordinator, officer, border, admin).
#[rustfmt::skip]
pub fn routes(b: crate::routes::RouteBuilder) -> crate::routes::RouteBuilder {
    b
        .api(__path_list, [200, 200, 200, 200, 200, 200, 200], list)
        .api(__path_show, [200, 200, 200, 200, 200, 200, 200], show)
        .api(__path_hold, [401, 403, 403, 403, 201, 403, 201], hold)
}
