//! The home page: what this role does in ashyq.

use crate::web::page::Page;
use askama::Template;
use askama_web::WebTemplate;

#[derive(Template, WebTemplate)]
#[template(path = "home.html")]
pub struct Home {
    page: Page,
    intro: String,
    region: Option<String>,
}

pub async fn show(page: Page) -> Home {
    let intro = page.t(&format!("home-intro-{}", page.role.as_str()));
    let region = page
        .user
        .as_ref()
        .and_then(|u| u.region.clone())
        .map(|code| page.t1("home-region", "region", &page.region_name(&Some(code))));
    Home { page, intro, region }
}

/// This module's routes, each with its row of the access table
/// (public, applicant, analyst, coordinator, officer, border, admin).
#[rustfmt::skip]
pub fn routes(b: crate::routes::RouteBuilder) -> crate::routes::RouteBuilder {
    b
        .page_get("/", [200, 200, 200, 200, 200, 200, 200], show)
}
