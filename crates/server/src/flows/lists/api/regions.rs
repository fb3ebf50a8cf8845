//! Reference data: the regions of Kazakhstan.

use axum::Json;
use serde::Serialize;
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct RegionView {
    /// ISO 3166-2 code, e.g. `KZ-75`.
    code: &'static str,
    name_kk: &'static str,
    name_ru: &'static str,
    name_en: &'static str,
}

/// The regions of Kazakhstan: 17 oblasts and 3 cities of republican significance.
#[utoipa::path(get, path = "/api/v1/regions", tag = "reference",
    responses((status = 200, body = Vec<RegionView>)))]
pub async fn list() -> Json<Vec<RegionView>> {
    Json(
        ashyq_core::region::all()
            .iter()
            .map(|r| RegionView {
                code: &r.code,
                name_kk: &r.name_kk,
                name_ru: &r.name_ru,
                name_en: &r.name_en,
            })
            .collect(),
    )
}

/// This module's routes, each with its row of the access table
/// (public, applicant, analyst, coordinator, officer, border, admin).
#[rustfmt::skip]
pub fn routes(b: crate::routes::RouteBuilder) -> crate::routes::RouteBuilder {
    b
        .api(__path_list, [200, 200, 200, 200, 200, 200, 200], list)
}
