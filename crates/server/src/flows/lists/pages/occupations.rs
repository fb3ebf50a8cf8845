//! The public job-title search: type a title, see the unit groups it belongs to and whether
//! each is on the list of professions in demand in force today.

use crate::flows::lists::pages::listview;
use crate::state::AppState;
use crate::web::errors;
use crate::web::page::Page;
use ashyq_core::occupation::title_index;
use ashyq_store::lists;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
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

pub async fn search(State(s): State<AppState>, page: Page, Query(query): Query<SearchQuery>) -> Response {
    let q: String = query.q.unwrap_or_default().chars().take(200).collect();
    let today = crate::clock::today();
    let mut hits = Vec::new();
    for h in title_index().search(&q, 10) {
        let on_list = match lists::on_list(&s.db, &h.code, today).await {
            Ok(Some(_)) => page.t("yes"),
            Ok(None) => page.t("no"),
            Err(e) => return errors::internal(page, e),
        };
        hits.push(Hit {
            code: h.code.to_string(),
            title: listview::title(&page, &h.code.to_string()),
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
