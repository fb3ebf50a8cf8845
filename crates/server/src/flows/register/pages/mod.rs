//! The register flow's pages.

pub mod alerts;
pub mod border;
pub mod dashboard;
pub mod person;

use crate::routes::RouteBuilder;

pub fn routes(b: RouteBuilder) -> RouteBuilder {
    let b = border::routes(b);
    let b = person::routes(b);
    let b = alerts::routes(b);
    dashboard::routes(b)
}
