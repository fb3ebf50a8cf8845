//! The web interface: server-rendered pages in Kazakh, Russian and English that work without
//! JavaScript. Every page is built from a [`page::Page`], which carries the language, the
//! caller, the menu their role may see and the CSRF token for forms.

pub mod account;
pub mod admin;
pub mod errors;
pub mod form;
pub mod home;
pub mod login;
pub mod page;

use crate::routes::RouteBuilder;

pub fn routes(b: RouteBuilder) -> RouteBuilder {
    b.get("/", home::show)
        .get("/login", login::show)
        .post("/login", login::submit)
        .post("/logout", login::logout)
        .get("/lang/{code}", login::switch_language)
        .get("/account", account::show)
        .post("/account/password", account::change_password)
        .get("/admin/users", admin::users)
        .post("/admin/users", admin::create_user)
        .post("/admin/users/{id}/disable", admin::disable_user)
        .post("/admin/users/{id}/enable", admin::enable_user)
        .get("/admin/audit", admin::audit)
}
