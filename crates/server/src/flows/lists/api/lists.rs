//! Forming the list (analysts) and coordinating it (coordinators) over JSON: the adapters of
//! `flows::lists::forming` and `flows::lists::coordination`, with the views the API shows.

use crate::auth::Principal;
use crate::flows::lists::{coordination, forming};
use crate::json::ApiJson;
use crate::problem::{ApiResult, Problem, ProblemDetails};
use crate::state::AppState;
use ashyq_core::labour::coordination::{Change, Verdict};
use ashyq_core::occupation::{OccupationCode, classifier};
use ashyq_store::lists::{Changed, Entry, ListHeader, Opinion};
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// A list and where it stands.
#[derive(Serialize, ToSchema)]
pub struct ListView {
    id: i64,
    /// The reference year of the data.
    period: i64,
    /// draft, in_coordination, approved or published.
    status: String,
    revision: i64,
    coordinated: bool,
    /// The methodology version applied (the date it has applied from) and the policy edition.
    methodology_from: Date,
    policy_edition: String,
    #[schema(value_type = Object)]
    benchmarks: serde_json::Value,
    created_by: String,
    created_at: String,
    order_no: Option<String>,
    order_date: Option<Date>,
    approved_by: Option<String>,
    effective_from: Option<Date>,
    published_at: Option<String>,
}

impl From<&ListHeader> for ListView {
    fn from(l: &ListHeader) -> Self {
        ListView {
            id: l.id,
            period: l.period,
            status: l.status.as_str().into(),
            revision: l.revision,
            coordinated: l.coordinated,
            methodology_from: l.methodology_from,
            policy_edition: l.policy_edition.clone(),
            benchmarks: l.benchmarks.clone(),
            created_by: l.created_by.clone(),
            created_at: crate::clock::instant(l.created_at),
            order_no: l.order_no.clone(),
            order_date: l.order_date,
            approved_by: l.approved_by.clone(),
            effective_from: l.effective_from,
            published_at: l.published_at.map(crate::clock::instant),
        }
    }
}

/// One candidate occupation: its rank in the ranking of valuable skills, score, place on the
/// list, and the figures behind it.
#[derive(Serialize, ToSchema)]
pub struct EntryView {
    occupation: String,
    title_en: String,
    title_ru: String,
    title_kk: String,
    rank: i64,
    score: f64,
    included: bool,
    sector: Option<String>,
    /// computed, added or removed (by a revision, with the justification).
    basis: String,
    justification: Option<String>,
    /// Indicators, each criterion against its benchmark, and the reasons.
    #[schema(value_type = Object)]
    detail: serde_json::Value,
}

impl EntryView {
    pub fn rank(&self) -> i64 {
        self.rank
    }
    pub fn occupation(&self) -> &str {
        &self.occupation
    }
    pub fn title_en(&self) -> &str {
        &self.title_en
    }
    pub fn score(&self) -> f64 {
        self.score
    }
    pub fn included(&self) -> bool {
        self.included
    }
}

impl From<Entry> for EntryView {
    fn from(e: Entry) -> Self {
        let group = OccupationCode::parse(&e.occupation).ok().and_then(|c| classifier().get(&c));
        EntryView {
            title_en: group.map(|g| g.title_en.clone()).unwrap_or_default(),
            title_ru: group.map(|g| g.title_ru.clone()).unwrap_or_default(),
            title_kk: group.map(|g| g.title_kk.clone()).unwrap_or_default(),
            occupation: e.occupation,
            rank: e.rank,
            score: e.score,
            included: e.included,
            sector: e.sector,
            basis: e.basis,
            justification: e.justification,
            detail: e.detail,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct ProposalView {
    occupation: String,
    /// add or remove.
    change: String,
    justification: String,
}

#[derive(Serialize, ToSchema)]
pub struct OpinionView {
    id: i64,
    revision: i64,
    /// The coordinating organisation's code.
    body: String,
    /// agree, agree_with_remarks or object.
    verdict: String,
    remarks: String,
    username: String,
    created_at: String,
    proposals: Vec<ProposalView>,
}

impl From<Opinion> for OpinionView {
    fn from(o: Opinion) -> Self {
        OpinionView {
            id: o.id,
            revision: o.revision,
            body: o.body,
            verdict: o.verdict,
            remarks: o.remarks,
            username: o.username,
            created_at: crate::clock::instant(o.created_at),
            proposals: o
                .proposals
                .into_iter()
                .map(|p| ProposalView {
                    occupation: p.occupation,
                    change: p.change,
                    justification: p.justification,
                })
                .collect(),
        }
    }
}

/// A list with its entries (of the revision asked for, or the current one), the organisations
/// it was sent to and their opinions.
#[derive(Serialize, ToSchema)]
pub struct ListDetail {
    #[serde(flatten)]
    list: ListView,
    /// The revision whose entries are shown.
    shown_revision: i64,
    entries: Vec<EntryView>,
    recipients: Vec<String>,
    opinions: Vec<OpinionView>,
}

/// The lists the caller may see, newest first.
#[utoipa::path(get, path = "/api/v1/lists", tag = "list",
    responses((status = 200, body = Vec<ListView>)), security(("bearer" = []), ("session" = [])))]
pub async fn index(State(s): State<AppState>, p: Principal) -> ApiResult<Json<Vec<ListView>>> {
    let all = coordination::visible_lists(&s, &p).await?;
    Ok(Json(all.iter().map(ListView::from).collect()))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewDraft {
    /// The reference year of the data, e.g. 2025.
    period: i16,
    /// Apply the methodology in force on this date (default: today).
    #[serde(default)]
    #[schema(value_type = Option<String>, format = Date)]
    on: Option<Date>,
    /// What this draft is for.
    #[serde(default)]
    note: String,
    /// Compute it even though the year has a draft or a list in coordination already (without
    /// it, such a request is refused with 409 `draft_exists` naming that list).
    #[serde(default)]
    force: bool,
}

/// Computes the list for a reference year from the imported data and keeps it as a new draft.
#[utoipa::path(post, path = "/api/v1/lists", tag = "list", request_body = NewDraft,
    responses((status = 201, body = ListView), (status = 409, body = ProblemDetails), (status = 422, body = ProblemDetails)),
    security(("bearer" = []), ("session" = [])))]
pub async fn create(
    State(s): State<AppState>,
    p: Principal,
    ApiJson(body): ApiJson<NewDraft>,
) -> ApiResult<(StatusCode, Json<ListView>)> {
    let new = forming::NewDraft { period: body.period, on: body.on, note: body.note, force: body.force };
    let list = forming::draft(&s, &p, new).await?;
    Ok((StatusCode::CREATED, Json(ListView::from(&list))))
}

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct RevisionQuery {
    /// Show the entries of this revision (default: the current one).
    revision: Option<i64>,
}

/// A list with its entries, recipients and opinions.
#[utoipa::path(get, path = "/api/v1/lists/{id}", tag = "list", params(("id" = i64, Path), RevisionQuery),
    responses((status = 200, body = ListDetail), (status = 404, body = ProblemDetails)),
    security(("bearer" = []), ("session" = [])))]
pub async fn show(
    State(s): State<AppState>,
    p: Principal,
    Path(id): Path<i64>,
    Query(q): Query<RevisionQuery>,
) -> ApiResult<Json<ListDetail>> {
    let d = coordination::detail(&s, &p, id, q.revision).await?;
    Ok(Json(ListDetail {
        list: ListView::from(&d.list),
        shown_revision: d.shown,
        entries: d.entries.into_iter().map(EntryView::from).collect(),
        recipients: d.recipients,
        opinions: d.opinions.into_iter().map(OpinionView::from).collect(),
    }))
}

/// Sends the current revision to every active coordinating organisation.
#[utoipa::path(post, path = "/api/v1/lists/{id}/send", tag = "list", params(("id" = i64, Path)),
    responses((status = 200, body = ListView), (status = 409, body = ProblemDetails)),
    security(("bearer" = []), ("session" = [])))]
pub async fn send(State(s): State<AppState>, p: Principal, Path(id): Path<i64>) -> ApiResult<Json<ListView>> {
    let list = forming::send(&s, &p, id).await?;
    Ok(Json(ListView::from(&list)))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ChangeBody {
    /// A unit group such as 2512.
    occupation: String,
    /// add or remove.
    change: String,
    justification: String,
}

fn changes(field: &str, items: Vec<ChangeBody>) -> ApiResult<Vec<Changed>> {
    items
        .into_iter()
        .enumerate()
        .map(|(i, c)| {
            let occupation = OccupationCode::parse(&c.occupation)
                .map_err(|e| Problem::validation(&format!("{field}[{i}].occupation"), e.to_string()))?;
            let change = Change::parse(&c.change).ok_or_else(|| {
                Problem::validation(&format!("{field}[{i}].change"), "must be add or remove")
            })?;
            Ok(Changed { occupation, change, justification: c.justification })
        })
        .collect()
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewOpinionBody {
    /// agree, agree_with_remarks or object.
    verdict: String,
    #[serde(default)]
    remarks: String,
    /// Occupations to add to or remove from the list, each with a justification.
    #[serde(default)]
    proposals: Vec<ChangeBody>,
}

/// Gives the caller's organisation's opinion on the revision in coordination (once per revision).
#[utoipa::path(post, path = "/api/v1/lists/{id}/opinions", tag = "list", params(("id" = i64, Path)),
    request_body = NewOpinionBody,
    responses((status = 201, body = OpinionView), (status = 403, body = ProblemDetails), (status = 409, body = ProblemDetails), (status = 422, body = ProblemDetails)),
    security(("bearer" = []), ("session" = [])))]
pub async fn opinion(
    State(s): State<AppState>,
    p: Principal,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<NewOpinionBody>,
) -> ApiResult<(StatusCode, Json<OpinionView>)> {
    let verdict = Verdict::parse(&body.verdict)
        .ok_or_else(|| Problem::validation("verdict", "must be agree, agree_with_remarks or object"))?;
    let new = coordination::NewOpinionOf {
        verdict,
        remarks: body.remarks,
        proposals: changes("proposals", body.proposals)?,
    };
    let opinion = coordination::opinion(&s, &p, id, new).await?;
    Ok((StatusCode::CREATED, Json(opinion.into())))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewRevisionBody {
    /// What the revision changes and why.
    note: String,
    #[serde(default)]
    changes: Vec<ChangeBody>,
}

/// Makes a new revision with occupations added or removed (each justified); the history is kept.
#[utoipa::path(post, path = "/api/v1/lists/{id}/revisions", tag = "list", params(("id" = i64, Path)),
    request_body = NewRevisionBody,
    responses((status = 201, body = ListView), (status = 409, body = ProblemDetails), (status = 422, body = ProblemDetails)),
    security(("bearer" = []), ("session" = [])))]
pub async fn revise(
    State(s): State<AppState>,
    p: Principal,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<NewRevisionBody>,
) -> ApiResult<(StatusCode, Json<ListView>)> {
    let changes = changes("changes", body.changes)?;
    let list = forming::revise(&s, &p, id, &body.note, &changes).await?;
    Ok((StatusCode::CREATED, Json(ListView::from(&list))))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ApproveBody {
    /// The number of the approving order.
    order_no: String,
    #[schema(value_type = String, format = Date)]
    order_date: Date,
}

/// Approves the current revision by an order of the authorised body.
#[utoipa::path(post, path = "/api/v1/lists/{id}/approve", tag = "list", params(("id" = i64, Path)),
    request_body = ApproveBody,
    responses((status = 200, body = ListView), (status = 409, body = ProblemDetails), (status = 422, body = ProblemDetails)),
    security(("bearer" = []), ("session" = [])))]
pub async fn approve(
    State(s): State<AppState>,
    p: Principal,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<ApproveBody>,
) -> ApiResult<Json<ListView>> {
    let list = forming::approve(&s, &p, id, &body.order_no, body.order_date).await?;
    Ok(Json(ListView::from(&list)))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PublishBody {
    /// The date from which the list is in force (not before the order's date).
    #[schema(value_type = String, format = Date)]
    effective_from: Date,
}

/// Publishes an approved list.
#[utoipa::path(post, path = "/api/v1/lists/{id}/publish", tag = "list", params(("id" = i64, Path)),
    request_body = PublishBody,
    responses((status = 200, body = ListView), (status = 409, body = ProblemDetails), (status = 422, body = ProblemDetails)),
    security(("bearer" = []), ("session" = [])))]
pub async fn publish(
    State(s): State<AppState>,
    p: Principal,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<PublishBody>,
) -> ApiResult<Json<ListView>> {
    let list = forming::publish(&s, &p, id, body.effective_from).await?;
    Ok(Json(ListView::from(&list)))
}

/// One region's indicators for a candidate.
#[derive(Serialize, ToSchema)]
pub struct RegionalView {
    /// The occupation (in a list's regional view) or the region (in an entry's view).
    key: String,
    #[schema(value_type = Object)]
    indicators: serde_json::Value,
}

impl RegionalView {
    pub fn new(key: String, indicators: serde_json::Value) -> Self {
        RegionalView { key, indicators }
    }
}

/// The regional breakdown of a list's candidates. An akimat's coordinator may see only the
/// akimat's own region.
#[utoipa::path(get, path = "/api/v1/lists/{id}/regions/{region}", tag = "list",
    params(("id" = i64, Path), ("region" = String, Path, description = "ISO 3166-2, e.g. KZ-75")),
    responses((status = 200, body = Vec<RegionalView>), (status = 403, body = ProblemDetails), (status = 404, body = ProblemDetails)),
    security(("bearer" = []), ("session" = [])))]
pub async fn regional(
    State(s): State<AppState>,
    p: Principal,
    Path((id, region)): Path<(i64, String)>,
) -> ApiResult<Json<Vec<RegionalView>>> {
    let rows = coordination::regional(&s, &p, id, &region).await?;
    Ok(Json(
        rows.into_iter()
            .map(|(occupation, indicators)| RegionalView { key: occupation, indicators })
            .collect(),
    ))
}

/// This module's routes, each with its row of the access table
/// (public, applicant, analyst, coordinator, officer, border, admin).
#[rustfmt::skip]
pub fn routes(b: crate::routes::RouteBuilder) -> crate::routes::RouteBuilder {
    b
        .api(__path_index, [401, 403, 200, 200, 403, 403, 200], index)
        .api(__path_create, [401, 403, 201, 403, 403, 403, 403], create)
        .api(__path_show, [401, 403, 200, 200, 403, 403, 200], show)
        .api(__path_send, [401, 403, 200, 403, 403, 403, 403], send)
        .api(__path_opinion, [401, 403, 403, 201, 403, 403, 403], opinion)
        .api(__path_revise, [401, 403, 201, 403, 403, 403, 403], revise)
        .api(__path_approve, [401, 403, 200, 403, 403, 403, 403], approve)
        .api(__path_publish, [401, 403, 200, 403, 403, 403, 403], publish)
        .api(__path_regional, [401, 403, 200, 200, 403, 403, 200], regional)
}
