//! The accounts flow's pages.

pub mod account;
pub mod admin;
pub mod home;
pub mod login;
pub mod signup;

use crate::routes::RouteBuilder;

pub fn routes(b: RouteBuilder) -> RouteBuilder {
    let b = home::routes(b);
    let b = login::routes(b);
    let b = signup::routes(b);
    let b = account::routes(b);
    admin::routes(b)
}
