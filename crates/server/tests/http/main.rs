//! The server's HTTP tests in one binary (one link instead of one per file): the role matrix,
//! the JSON API and the pages, called through the router on SQLite and, when
//! `ASHYQ_TEST_POSTGRES_URL` is set, on PostgreSQL. Run one file's tests with a filter:
//! `cargo test -p ashyq-server --test http cases_api::`.

#[path = "../common/mod.rs"]
mod common;

mod abroad_web;
mod access;
mod applications_web;
mod bad_input;
mod bugs_border;
mod bugs_cases;
mod bugs_pages;
mod cases_api;
mod cases_web;
mod documents;
mod eligibility;
mod exports;
mod flows_cases;
mod flows_lists;
mod flows_regional;
mod flows_register;
mod kandas_self;
mod kandas_web;
mod lists_api;
mod notifications;
mod officers_tools;
mod paryz_web;
mod register;
mod signup;
mod uploads_preview;
