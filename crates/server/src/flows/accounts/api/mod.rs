//! The accounts flow's JSON API.

pub mod audit;
pub mod contact;
pub mod me;
pub mod recovery;
pub mod signup;
pub mod users;

use crate::routes::RouteBuilder;

pub fn routes(b: RouteBuilder) -> RouteBuilder {
    let b = me::routes(b);
    let b = users::routes(b);
    let b = signup::routes(b);
    let b = contact::routes(b);
    let b = recovery::routes(b);
    audit::routes(b)
}
