//! The lists flow's pages.

pub mod analysis;
pub mod coordination;
pub mod lists;
pub mod listview;
pub mod occupations;

use crate::routes::RouteBuilder;

pub fn routes(b: RouteBuilder) -> RouteBuilder {
    let b = occupations::routes(b);
    let b = lists::routes(b);
    let b = analysis::routes(b);
    coordination::routes(b)
}
