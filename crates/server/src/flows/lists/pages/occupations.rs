//! The public job-title search: type a title, see the unit groups it belongs to and whether
//! each is on the list of professions in demand in force today; the adapter of
//! `flows::lists::occupations` and `published::on_list`.

use crate::auth::Principal;
use crate::flows::Error;
use crate::flows::lists::occupations::{self, MAX_QUERY_CHARS};
use crate::flows::lists::pages::{listview, read_failed};
use crate::flows::lists::published;
use crate::state::AppState;
use crate::web::errors;
use crate::web::page::Page;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

pub struct Hit {
    pub code: String,
    pub title: String,
    pub matched: String,
    pub score: String,
    pub on_list: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "occupations.html")]
pub struct Search {
    page: Page,
    q: String,
    hits: Vec<Hit>,
}

#[derive(Deserialize)]
pub struct SearchQuery {
    q: Option<String>,
}

pub async fn search(
    State(s): State<AppState>,
    principal: Principal,
    page: Page,
    Query(query): Query<SearchQuery>,
) -> Response {
    let q = query.q.unwrap_or_default();
    // The empty form asks nothing: no search (which would list every unit group).
    if q.trim().is_empty() {
        return Search { page, q, hits: Vec::new() }.into_response();
    }
    let found = match occupations::search(&s, &principal, Some(&q), None).await {
        Ok(found) => found,
        Err(Error::Refused(p)) if p.errors.first().is_some_and(|f| f.field == "q") => {
            let text = page.t1("occ-err-long", "max", &MAX_QUERY_CHARS.to_string());
            return errors::render(page, StatusCode::UNPROCESSABLE_ENTITY, "error-badinput-title", text);
        }
        Err(e) => return read_failed(page, e),
    };
    let today = crate::clock::today();
    let mut hits = Vec::new();
    for h in found {
        let on_list = match published::on_list(&s, &principal, &h.group.code, today).await {
            Ok(o) if o.entry.is_some() => page.t("yes"),
            Ok(_) => page.t("no"),
            Err(e) => return read_failed(page, e),
        };
        let code = h.group.code.to_string();
        hits.push(Hit {
            title: listview::title(&page, &code),
            code,
            matched: h.matched_title,
            score: format!("{:.2}", h.score),
            on_list,
        });
    }
    Search { page, q, hits }.into_response()
}

/// This module's routes, each with its row of the access table
/// (public, applicant, analyst, coordinator, officer, border, admin).
#[rustfmt::skip]
pub fn routes(b: crate::routes::RouteBuilder) -> crate::routes::RouteBuilder {
    b
        .page_get("/occupations", [200, 200, 200, 200, 200, 200, 200], search)
}
