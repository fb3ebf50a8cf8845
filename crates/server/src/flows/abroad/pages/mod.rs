//! The abroad flow's pages.

pub mod agreements;
pub mod cases;
pub mod overview;
pub mod workers;

use crate::routes::RouteBuilder;

pub fn routes(b: RouteBuilder) -> RouteBuilder {
    let b = overview::routes(b);
    let b = workers::routes(b);
    let b = agreements::routes(b);
    cases::routes(b)
}
