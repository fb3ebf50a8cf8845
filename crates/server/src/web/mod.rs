//! The web interface: server-rendered pages in Kazakh, Russian and English that work without
//! JavaScript. Every page is built from a [`page::Page`], which carries the language, the
//! caller, the menu their role may see and the CSRF token for forms.

pub mod abroad;
pub mod abroad_cases;
pub mod abroad_workers;
pub mod account;
pub mod admin;
pub mod analysis;
pub mod applications;
pub mod applications_case;
pub mod applications_moves;
pub mod border;
pub mod cases;
pub mod cases_moves;
pub mod cases_show;
pub mod charts;
pub mod coordination;
pub mod eligibility;
pub mod eligibility_form;
pub mod errors;
pub mod form;
pub mod home;
pub mod kandas;
pub mod lists;
pub mod listview;
pub mod login;
pub mod occupations;
pub mod page;
pub mod paryz;
pub mod permits;
pub mod register_alerts;
pub mod register_dashboard;
pub mod register_person;
pub mod rounds;
pub mod signup;
pub mod simulate;

use crate::routes::RouteBuilder;

pub fn routes(b: RouteBuilder, import_limit: usize) -> RouteBuilder {
    b.get("/", home::show)
        .get("/login", login::show)
        .post("/login", login::submit)
        .post("/logout", login::logout)
        .get("/signup", signup::show)
        .post("/signup", signup::submit)
        .get("/lang/{code}", login::switch_language)
        .get("/account", account::show)
        .post("/account/password", account::change_password)
        .get("/admin/users", admin::users)
        .post("/admin/users", admin::create_user)
        .post("/admin/users/{id}/disable", admin::disable_user)
        .post("/admin/users/{id}/enable", admin::enable_user)
        .get("/admin/audit", admin::audit)
        .get("/occupations", occupations::search)
        .get("/lists", lists::in_force)
        .get("/lists/diff", lists::diff)
        .get("/lists/{id}", lists::show)
        .get("/lists/{id}/download/{format}", lists::download)
        .get("/lists/{id}/occupations/{code}", lists::entry)
        .get("/eligibility", eligibility::index)
        .get("/eligibility/{programme}", eligibility::show)
        .post("/eligibility/{programme}", eligibility::check)
        .get("/applications", applications::index)
        .get("/applications/new/{programme}", applications::new)
        .post("/applications/new/{programme}", applications::create)
        .get("/applications/{id}", applications_case::show)
        .post_large(
            "/applications/{id}/evidence",
            applications_moves::evidence,
            applications_moves::EVIDENCE_BODY_LIMIT,
        )
        .get("/applications/{id}/evidence/{evidence_id}", applications_moves::download)
        .post("/applications/{id}/submit", applications_moves::submit)
        .post("/applications/{id}/reply", applications_moves::reply)
        .post("/applications/{id}/message", applications_moves::message)
        .post("/applications/{id}/withdraw", applications_moves::withdraw)
        .post("/applications/{id}/reports", applications_moves::report)
        .post("/applications/{id}/solvency", applications_moves::solvency)
        .get("/analysis", analysis::show)
        .post_large("/analysis/imports", analysis::upload, import_limit)
        .post("/analysis/lists", analysis::compute)
        .get("/analysis/lists/{id}", analysis::detail)
        .post("/analysis/lists/{id}/send", analysis::send)
        .post("/analysis/lists/{id}/revise", analysis::revise)
        .post("/analysis/lists/{id}/approve", analysis::approve)
        .post("/analysis/lists/{id}/publish", analysis::publish)
        .get("/analysis/simulate", simulate::show)
        .post("/analysis/simulate", simulate::run)
        .get("/analysis/register", register_dashboard::show)
        .get("/analysis/register.csv", register_dashboard::csv)
        .get("/analysis/register.xlsx", register_dashboard::xlsx)
        .get("/border", border::show)
        .post("/border", border::check)
        .get("/register/search", register_person::search)
        .get("/register/alerts", register_alerts::show)
        .get("/register/persons/{id}", register_person::show)
        .post("/register/persons/{id}/merge", register_person::merge)
        .post("/register/persons/{id}/split", register_person::split)
        .post("/register/persons/{id}/undo", register_person::undo)
        .get("/coordination", coordination::inbox)
        .get("/coordination/lists/{id}", coordination::show)
        .post("/coordination/lists/{id}/opinion", coordination::give)
        .get("/cases", cases::queue)
        .get("/cases/{id}", cases_show::show)
        .get("/cases/{id}/evidence/{evidence_id}", cases_show::download)
        .post("/cases/{id}/decide", cases_moves::decide)
        .post("/cases/{id}/confirm", cases_moves::confirm)
        .post("/cases/{id}/return", cases_moves::send_back)
        .post("/cases/{id}/message", cases_moves::message)
        .get("/permits", permits::list)
        .get("/permits/{id}", permits::show)
        .post("/permits/{id}/renew", permits::renew)
        .post("/permits/{id}/cancel", permits::cancel)
        .get("/rounds", rounds::list)
        .post("/rounds", rounds::hold)
        .get("/rounds/{id}", rounds::show)
        .get("/abroad", abroad::overview)
        .get("/abroad/agreements", abroad::agreements_page)
        .get("/abroad/workers", abroad_workers::registry)
        .post("/abroad/workers", abroad_workers::add)
        .get("/abroad/workers/{id}", abroad_workers::show)
        .post("/abroad/workers/{id}/cases", abroad_workers::open_case)
        .get("/abroad/cases/{id}", abroad_cases::show)
        .post("/abroad/cases/{id}/actions", abroad_cases::action)
        .post("/abroad/cases/{id}/status", abroad_cases::status)
        .get("/paryz", paryz::list)
        .post("/paryz", paryz::open)
        .get("/paryz/{year}", paryz::show)
        .post("/paryz/{year}/close", paryz::close)
        .post("/paryz/{year}/publish", paryz::publish)
        .post("/paryz/{year}/nominations", paryz::nominate)
        .post("/paryz/nominations/{id}/decide", paryz::decide)
        .get("/kandas", kandas::queue)
        .get("/kandas/report", kandas::report)
        .get("/kandas/{id}", kandas::show)
        .post("/kandas/{id}/assign", kandas::assign)
        .post("/kandas/{id}/refuse", kandas::refuse)
}
