//! What every flow's JSON API shares: the OpenAPI 3.1 document, assembled from the flows'
//! registrations, and the API reference page (Swagger UI, compiled in, so it works with no
//! internet access). The operations themselves are in `flows/<flow>/api.rs`.

use crate::problem::{FieldError, ProblemDetails};
use crate::routes::{Documents, Kind, RouteSpec};
use crate::state::AppState;
use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};
use utoipa_swagger_ui::SwaggerUi;

/// The routes of the API reference: the document and the page that shows it.
pub fn reference_routes() -> Vec<RouteSpec> {
    let all = [200; 7];
    let row = |path| RouteSpec { method: "GET", path, kind: Kind::Api, flow: "reference", expect: all };
    vec![
        RouteSpec { expect: [303; 7], ..row("/api/docs") },
        row("/api/docs/"),
        row("/api/docs/{*rest}"),
        row("/api/v1/openapi.json"),
    ]
}

/// The OpenAPI document of the operations the flows registered.
pub fn openapi(documents: &[Documents]) -> utoipa::openapi::OpenApi {
    let mut doc = ApiDoc::openapi();
    for add in documents {
        add(&mut doc);
    }
    ProblemResponses.modify(&mut doc);
    doc
}

/// The API reference: `/api/v1/openapi.json` and the page at `/api/docs`.
pub fn reference(documents: &[Documents]) -> axum::Router<AppState> {
    SwaggerUi::new("/api/docs").url("/api/v1/openapi.json", openapi(documents)).into()
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "ashyq API",
        description = "The JSON API of ashyq, the open platform for Kazakhstan's migration policy. \
Authenticate with `Authorization: Bearer <token>` (make one with `ashyq token create` or \
`POST /api/v1/me/tokens`), or with the web session cookie plus the `X-CSRF-Token` header on \
requests that change something. Every error is an RFC 9457 problem (`application/problem+json`).",
        license(name = "Apache-2.0")
    ),
    components(schemas(ProblemDetails, FieldError)),
    modifiers(&Security),
    tags(
        (name = "reference", description = "Reference data"),
        (name = "account", description = "The caller's own account"),
        (name = "admin", description = "Accounts and the audit log (administrators)"),
        (name = "occupations", description = "The classifier of occupations and job-title search"),
        (name = "labour", description = "Importing the data sources of the list (analysts)"),
        (name = "list", description = "Forming and coordinating the list of professions in demand"),
        (name = "published", description = "The published list and the ranking of valuable skills (public)"),
        (name = "eligibility", description = "Deciding the five programmes for a person's facts (public)"),
        (name = "cases", description = "Applications for the programmes: cases, evidence, decisions (applicants, officers)"),
        (name = "permits", description = "Permits issued by cases, training reports, and the annual quotas"),
        (name = "rounds", description = "Invitation rounds of the valuable-skills visa (published)"),
        (name = "paryz", description = "The annual Paryz contest: nominations, the jury's decisions, the published winners"),
        (name = "kandas", description = "Kandas resettlement: applications, assignment to a region against its quota, subsidies, the report by region"),
        (name = "abroad", description = "Citizens working abroad: figures by country (analysts), interstate agreements (public), the registry and rights-protection cases (officers)"),
        (name = "register", description = "The register of migrants' movements: crossings, the border check, persons, overstayers, figures"),
        (name = "documents", description = "Decisions as documents: a decision, a permit, its cancellation or a kandas assignment as a PDF, and the check of any document's verification code (public)"),
    )
)]
pub struct ApiDoc;

struct Security;

impl Modify for Security {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
        components.add_security_scheme(
            "session",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::with_description(
                "ashyq_session",
                "The web session cookie",
            ))),
        );
    }
}

/// Documents the problem answers of every operation in one place, from the access table and
/// the layers every request passes, instead of by hand on each handler:
///
/// - 400 (a malformed path id or query, malformed JSON) and 422 (a field refused; the boundary
///   text rules refuse controls in any query or path) on every operation;
/// - 401 on every operation (an invalid bearer token is refused wherever it is sent), and 403
///   where the access table refuses a role, and on every POST (the CSRF check of session calls);
/// - 404 where the path has an id, 409 on every POST (a state that no longer allows the step);
/// - 413 and 415 where there is a request body; 429 where attempts are counted (sign-up, the
///   password change).
///
/// Every answer of 400 and above is `application/problem+json` with the `Problem` schema, also
/// those a handler documented itself with the plain JSON media type.
struct ProblemResponses;

/// The problem answers of one operation (see [`ProblemResponses`]).
pub fn problem_statuses(method: &str, path: &str, has_body: bool) -> Vec<u16> {
    let spec = crate::routes::spec(method, path);
    let post = method == "POST";
    let mut out = vec![400, 401, 422];
    if post || spec.is_some_and(|s| s.expect.contains(&403)) {
        out.push(403);
    }
    if path.contains('{') {
        out.push(404);
    }
    if post {
        out.push(409);
    }
    if has_body {
        out.extend([413, 415]);
    }
    if matches!(path, "/api/v1/signup" | "/api/v1/me/password") {
        out.push(429);
    }
    out.sort_unstable();
    out
}

impl Modify for ProblemResponses {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::{ContentBuilder, Ref, RefOr, ResponseBuilder};
        let problem = || ContentBuilder::new().schema(Some(Ref::from_schema_name("Problem"))).build();
        for (path, item) in openapi.paths.paths.iter_mut() {
            let ops = [("GET", &mut item.get), ("POST", &mut item.post)];
            for (method, op) in ops {
                let Some(op) = op.as_mut() else { continue };
                for status in problem_statuses(method, path, op.request_body.is_some()) {
                    let reason = axum::http::StatusCode::from_u16(status)
                        .ok()
                        .and_then(|s| s.canonical_reason())
                        .unwrap_or("Error");
                    op.responses.responses.entry(status.to_string()).or_insert_with(|| {
                        RefOr::T(ResponseBuilder::new().description(format!("{reason}: a problem")).build())
                    });
                }
                for (status, response) in op.responses.responses.iter_mut() {
                    let RefOr::T(response) = response else { continue };
                    if status.parse::<u16>().is_ok_and(|s| s >= 400) {
                        response.content.clear();
                        response.content.insert(crate::problem::CONTENT_TYPE.to_string(), problem().into());
                    }
                }
            }
        }
    }
}
