//! The lists flow's JSON API.

pub mod imports;
pub mod lists;
pub mod occupations;
pub mod previews;
pub mod published;
pub mod regions;

use crate::routes::RouteBuilder;

pub fn routes(b: RouteBuilder) -> RouteBuilder {
    let b = regions::routes(b);
    let b = occupations::routes(b);
    let b = published::routes(b);
    let b = imports::routes(b);
    let b = previews::routes(b);
    lists::routes(b)
}
