//! The names of the case workflow's codes in the page's language: programmes, case statuses,
//! automatic outcomes and regions.

use crate::web::page::Page;
use ashyq_core::cases::CaseStatus;
use ashyq_core::rules::Programme;

pub fn programme_name(page: &Page, p: Programme) -> String {
    page.t(&format!("ec-prog-{}", p.id()))
}

pub fn status_text(page: &Page, s: CaseStatus) -> String {
    page.t(&format!("co-status-{}", s.as_str()))
}

pub fn outcome_text(page: &Page, o: Option<&str>) -> String {
    match o {
        Some(o) => page.t(&format!("ec-outcome-{o}")),
        None => page.t("co-none"),
    }
}

pub fn region_text(page: &Page, code: &str) -> String {
    page.region_name(&Some(code.to_string()))
}
