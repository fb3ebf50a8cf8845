//! The cases flow's pages.

pub mod application;
pub mod application_moves;
pub mod applications;
pub mod moves;
pub mod queue;
pub mod show;

use crate::routes::RouteBuilder;

pub fn routes(b: RouteBuilder) -> RouteBuilder {
    let b = applications::routes(b);
    let b = application::routes(b);
    let b = application_moves::routes(b);
    let b = queue::routes(b);
    let b = show::routes(b);
    moves::routes(b)
}
