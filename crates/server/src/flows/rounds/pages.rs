//! The published figures of quotas and invitation rounds, open to everyone: each programme's
//! annual quota (places, used, left), the rounds held with their cut-off score and tie-break
//! time, and each round's invitations by rank with whether the round re-derives from the
//! candidates it stored. Officers and administrators also hold a round here; only they see
//! which case each invitation went to.

use super::{Board, Published, holds_rounds};
use crate::auth::Principal;
use crate::flows::Error;
use crate::state::AppState;
use crate::web::errors;
use crate::web::form::CsrfForm;
use crate::web::labels::programme_name;
use crate::web::page::Page;
use crate::web::refusal::{forbidden_page, read_error, words};
use ashyq_core::rules::Programme;
use ashyq_core::said::Said;
use ashyq_store::StoreError;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

pub struct QuotaRow {
    pub programme: String,
    pub year: i64,
    pub places: i64,
    pub used: i64,
    pub left: i64,
}

pub struct RoundRow {
    pub id: i64,
    pub reference: String,
    pub held_on: jiff::civil::Date,
    pub size: i64,
    pub sector: String,
    pub considered: i64,
    pub cut_off: String,
    pub tie_break: String,
    pub invited: usize,
}

#[derive(Template, WebTemplate)]
#[template(path = "rounds.html")]
pub struct List {
    page: Page,
    quotas: Vec<QuotaRow>,
    rounds: Vec<RoundRow>,
    may_hold: bool,
    reference: String,
    size: String,
    sector: String,
    sectors: Vec<String>,
    error: Option<String>,
}

fn sector_text(page: &Page, s: Option<&str>) -> String {
    s.map_or_else(|| page.t("co-sector-any"), str::to_string)
}

/// The quotas and rounds, and for officers the form to hold a round (`form`: what was typed).
async fn render(
    s: &AppState,
    principal: &Principal,
    page: Page,
    status: StatusCode,
    form: Option<(HoldForm, String)>,
) -> Response {
    let today = crate::clock::today();
    let Board { quotas: q, rounds: r, left, sectors } = match super::board(s).await {
        Ok(b) => b,
        Err(Error::Store(e)) => return read_error(page, e),
        Err(Error::Refused(_)) => return forbidden_page(page),
    };
    let name = |id: &str| Programme::parse(id).map_or_else(|| id.to_string(), |p| programme_name(&page, p));
    let quotas: Vec<QuotaRow> = q
        .iter()
        .map(|x| QuotaRow {
            programme: name(&x.programme),
            year: x.year,
            places: x.places,
            used: x.used,
            left: (x.places - x.used).max(0),
        })
        .collect();
    let rounds = r
        .iter()
        .map(|x| RoundRow {
            id: x.id,
            reference: x.reference.clone(),
            held_on: x.held_on,
            size: x.size,
            sector: sector_text(&page, x.sector.as_deref()),
            considered: x.considered,
            cut_off: x.cut_off.map_or_else(|| page.t("co-none"), |c| c.to_string()),
            tie_break: x.tie_break_at.map_or_else(|| page.t("co-none"), |t| page.instant_exact(t)),
            invited: x.invitations.len(),
        })
        .collect();
    let (form, error) = match form {
        Some((f, e)) => (f, Some(e)),
        None => {
            // The next free reference of the day; the same reference again would only show the
            // round already held.
            let reference = (1..)
                .map(|n| format!("R-{today}-{n}"))
                .find(|x| !r.iter().any(|held| held.reference == *x))
                .unwrap_or_default();
            (HoldForm { reference, size: left.max(0).to_string(), sector: String::new() }, None)
        }
    };
    let view = List {
        quotas,
        rounds,
        may_hold: holds_rounds(principal),
        reference: form.reference,
        size: form.size,
        sector: form.sector,
        sectors,
        error,
        page,
    };
    (status, view).into_response()
}

/// The published quotas and rounds.
pub async fn list(State(s): State<AppState>, principal: Principal, page: Page) -> Response {
    render(&s, &principal, page, StatusCode::OK, None).await
}

#[derive(Deserialize)]
pub struct HoldForm {
    #[serde(default)]
    reference: String,
    #[serde(default)]
    size: String,
    #[serde(default)]
    sector: String,
}

/// Holds a round now; to the round's page.
pub async fn hold(
    State(s): State<AppState>,
    principal: Principal,
    CsrfForm { page, fields }: CsrfForm<HoldForm>,
) -> Response {
    let size = match fields.size.trim() {
        "" => Ok(None),
        t => t.parse::<i64>().map(Some).map_err(|_| {
            StoreError::field(
                "size",
                Said::new("field-not-a-number", format!("{t:?} is not a number")).text("value", t),
            )
        }),
    };
    let sector = Some(fields.sector.trim()).filter(|t| !t.is_empty());
    let result = match size {
        Ok(size) => super::hold(&s, &principal, &fields.reference, size, sector).await,
        Err(e) => Err(e.into()),
    };
    match result {
        Ok(held) => Redirect::to(&format!("/rounds/{}", held.published.round.id)).into_response(),
        Err(e) => match e.status() {
            Some(status) => {
                let text = words(&page, &e);
                render(&s, &principal, page, status, Some((fields, text))).await
            }
            None => match e {
                Error::Store(e) => errors::internal(page, e),
                Error::Refused(p) => errors::internal(page, p.detail.clone().unwrap_or_default()),
            },
        },
    }
}

pub struct InvitationRow {
    pub rank: u32,
    pub points: u32,
    pub submitted: String,
    /// For officers: the invited case.
    pub case_id: Option<i64>,
}

#[derive(Template, WebTemplate)]
#[template(path = "rounds_show.html")]
pub struct Show {
    page: Page,
    reference: String,
    facts: Vec<(String, String)>,
    verified: bool,
    verified_text: String,
    invitations: Vec<InvitationRow>,
    officer: bool,
}

/// One round, published: its invitations by rank, cut-off and tie-break time, and whether it
/// re-derives from the stored candidates.
pub async fn show(
    State(s): State<AppState>,
    principal: Principal,
    page: Page,
    Path(id): Path<i64>,
) -> Response {
    let Published { round: r, verified } = match super::show(&s, id).await {
        Ok(x) => x,
        Err(Error::Store(e)) => return read_error(page, e),
        Err(Error::Refused(_)) => return forbidden_page(page),
    };
    let officer = holds_rounds(&principal);
    let facts = vec![
        (page.t("co-held-on"), page.d(&r.held_on)),
        (page.t("co-size"), r.size.to_string()),
        (page.t("co-sector"), sector_text(&page, r.sector.as_deref())),
        (page.t("co-considered"), r.considered.to_string()),
        (page.t("co-invited-count"), r.invitations.len().to_string()),
        (page.t("co-cut-off"), r.cut_off.map_or_else(|| page.t("co-none"), |c| c.to_string())),
        (page.t("co-tie-break"), r.tie_break_at.map_or_else(|| page.t("co-none"), |t| page.instant_exact(t))),
    ];
    let invitations = r
        .invitations
        .iter()
        .map(|i| InvitationRow {
            rank: i.rank,
            points: i.points,
            submitted: page.instant_exact(i.submitted_at),
            case_id: officer.then_some(i.case_id),
        })
        .collect();
    Show {
        reference: r.reference.clone(),
        facts,
        verified,
        verified_text: page.t(if verified { "co-yes" } else { "co-no" }),
        invitations,
        officer,
        page,
    }
    .into_response()
}

/// This module's routes, each with its row of the access table
/// (public, applicant, analyst, coordinator, officer, border, admin).
#[rustfmt::skip]
pub fn routes(b: crate::routes::RouteBuilder) -> crate::routes::RouteBuilder {
    b
        .page_get("/rounds", [200, 200, 200, 200, 200, 200, 200], list)
        .page_post("/rounds", [401, 403, 403, 403, 303, 403, 303], hold)
        .page_get("/rounds/{id}", [200, 200, 200, 200, 200, 200, 200], show)
}
