//! The home page: what this role does in ashyq.

use super::page::Page;
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
