//! Accounts and the front door: the home page, logging in and out, signing up, the language, one's
//! own account and tokens, and the administrators' accounts and audit log.
//!
//! The use cases live in the small modules here, each written once: [`sessions`] (logging in
//! and out), [`signup`], [`me`] (one's own account: password, tokens), [`contact`] (one's e-mail
//! address and its verification), [`recovery`] (a forgotten password), [`users`] and [`audit`]
//! (administrators). `api` and `pages` are thin adapters over them.

pub mod api;
pub mod audit;
pub mod contact;
pub mod me;
pub mod pages;
pub mod recovery;
pub mod sessions;
pub mod signup;
pub mod users;

use crate::routes::RouteBuilder;

/// The flow's routes: its pages, then its API.
pub fn routes(b: RouteBuilder) -> RouteBuilder {
    let b = pages::routes(b.flow("accounts"));
    api::routes(b)
}
