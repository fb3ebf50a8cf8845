//! The JSON API under `/api/v1`, its OpenAPI 3.1 document and the API reference page
//! (Swagger UI, compiled in, so it works with no internet access).

pub mod abroad;
pub mod audit;
pub mod cases;
pub mod eligibility;
pub mod imports;
pub mod kandas;
pub mod lists;
pub mod me;
pub mod occupations;
pub mod paryz;
pub mod permits;
pub mod published;
pub mod regions;
pub mod register;
pub mod rounds;
pub mod signup;
pub mod users;

use crate::problem::{FieldError, ProblemDetails};
use crate::routes::RouteBuilder;
use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};
use utoipa_swagger_ui::SwaggerUi;

/// An instant stored as microseconds since the epoch, as the API shows it: RFC 3339 in UTC.
pub(crate) fn instant(us: i64) -> String {
    jiff::Timestamp::from_microsecond(us).map(|t| t.to_string()).unwrap_or_default()
}

pub(crate) use ashyq_store::today;

pub fn routes(b: RouteBuilder, import_limit: usize) -> RouteBuilder {
    let docs = SwaggerUi::new("/api/docs").url("/api/v1/openapi.json", ApiDoc::openapi());
    b.get("/api/v1/regions", regions::list)
        .get("/api/v1/me", me::show)
        .post("/api/v1/me/password", me::change_password)
        .post("/api/v1/me/tokens", me::create_token)
        .post("/api/v1/signup", signup::create)
        .get("/api/v1/users", users::list)
        .post("/api/v1/users", users::create)
        .get("/api/v1/users/{id}", users::show)
        .post("/api/v1/users/{id}/disable", users::disable)
        .post("/api/v1/users/{id}/enable", users::enable)
        .get("/api/v1/occupations", occupations::search)
        .get("/api/v1/occupations/{code}", occupations::show)
        .get("/api/v1/occupations/{code}/on-list", published::on_list)
        .get("/api/v1/imports", imports::list)
        .post_large("/api/v1/imports/{source}", imports::create, import_limit)
        .get("/api/v1/lists", lists::index)
        .post("/api/v1/lists", lists::create)
        .get("/api/v1/lists/{id}", lists::show)
        .post("/api/v1/lists/{id}/send", lists::send)
        .post("/api/v1/lists/{id}/opinions", lists::opinion)
        .post("/api/v1/lists/{id}/revisions", lists::revise)
        .post("/api/v1/lists/{id}/approve", lists::approve)
        .post("/api/v1/lists/{id}/publish", lists::publish)
        .get("/api/v1/lists/{id}/regions/{region}", lists::regional)
        .get("/api/v1/published-lists", published::index)
        .get("/api/v1/published-lists/in-force", published::in_force)
        .get("/api/v1/published-lists/diff", published::diff)
        .get("/api/v1/published-lists/{id}", published::show)
        .get("/api/v1/published-lists/{id}/entries/{code}", published::entry)
        .post("/api/v1/eligibility/{programme}", eligibility::decide)
        .get("/api/v1/audit", audit::tail)
        .get("/api/v1/audit/verify", audit::verify)
        .post("/api/v1/crossings", register::crossings)
        .get("/api/v1/register/persons/{id}", register::person)
        .post("/api/v1/register/check", register::check_document)
        .get("/api/v1/register/overstayers", register::overstayers)
        .get("/api/v1/register/statistics", register::statistics)
        .post("/api/v1/cases", cases::create)
        .get("/api/v1/cases", cases::list)
        .get("/api/v1/cases/{id}", cases::show)
        .post_large("/api/v1/cases/{id}/evidence", cases::add_evidence, cases::EVIDENCE_BODY_LIMIT)
        .get("/api/v1/cases/{id}/evidence/{evidence_id}", cases::download_evidence)
        .post("/api/v1/cases/{id}/submit", cases::submit)
        .post("/api/v1/cases/{id}/withdraw", cases::withdraw)
        .post("/api/v1/cases/{id}/reply", cases::reply)
        .post("/api/v1/cases/{id}/messages", cases::message)
        .post("/api/v1/cases/{id}/decision", cases::decide)
        .post("/api/v1/cases/{id}/confirm", cases::confirm)
        .post("/api/v1/cases/{id}/return", cases::send_back)
        .get("/api/v1/permits", permits::list)
        .get("/api/v1/permits/overdue", permits::overdue)
        .get("/api/v1/permits/{id}", permits::show)
        .post("/api/v1/permits/{id}/renew", permits::renew)
        .post("/api/v1/permits/{id}/cancel", permits::cancel)
        .post("/api/v1/permits/{id}/reports", permits::file_report)
        .post("/api/v1/permits/{id}/solvency", permits::confirm_solvency)
        .get("/api/v1/quotas", permits::quotas)
        .post("/api/v1/quotas", permits::set_quota)
        .get("/api/v1/rounds", rounds::list)
        .get("/api/v1/rounds/{id}", rounds::show)
        .post("/api/v1/rounds", rounds::hold)
        .get("/api/v1/abroad/figures", abroad::figures)
        .get("/api/v1/abroad/agreements", abroad::agreements_list)
        .post("/api/v1/abroad/agreements", abroad::agreements_save)
        .get("/api/v1/abroad/workers", abroad::workers_search)
        .post("/api/v1/abroad/workers", abroad::workers_register)
        .get("/api/v1/abroad/workers/{id}", abroad::workers_show)
        .get("/api/v1/abroad/cases", abroad::cases_list)
        .post("/api/v1/abroad/cases", abroad::cases_open)
        .get("/api/v1/abroad/cases/{id}", abroad::cases_show)
        .post("/api/v1/abroad/cases/{id}/actions", abroad::cases_action)
        .post("/api/v1/abroad/cases/{id}/status", abroad::cases_status)
        .post("/api/v1/kandas/applications", kandas::create)
        .get("/api/v1/kandas/applications", kandas::list)
        .get("/api/v1/kandas/applications/{id}", kandas::show)
        .post("/api/v1/kandas/applications/{id}/assign", kandas::assign)
        .post("/api/v1/kandas/applications/{id}/refuse", kandas::refuse)
        .post("/api/v1/kandas/applications/{id}/pay", kandas::pay)
        .get("/api/v1/kandas/report", kandas::report)
        .get("/api/v1/paryz", paryz::list)
        .post("/api/v1/paryz", paryz::open)
        .get("/api/v1/paryz/{year}", paryz::show)
        .post("/api/v1/paryz/{year}/close", paryz::close)
        .post("/api/v1/paryz/{year}/publish", paryz::publish)
        .post("/api/v1/paryz/{year}/nominations", paryz::nominate)
        .post("/api/v1/paryz/nominations/{id}/decision", paryz::decide)
        .merge(
            docs.into(),
            &[
                ("GET", "/api/docs"),
                ("GET", "/api/docs/"),
                ("GET", "/api/docs/{*rest}"),
                ("GET", "/api/v1/openapi.json"),
            ],
        )
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
    paths(
        regions::list,
        me::show,
        me::change_password,
        me::create_token,
        signup::create,
        users::list,
        users::create,
        users::show,
        users::disable,
        users::enable,
        audit::tail,
        audit::verify,
        occupations::search,
        occupations::show,
        published::on_list,
        imports::list,
        imports::create,
        lists::index,
        lists::create,
        lists::show,
        lists::send,
        lists::opinion,
        lists::revise,
        lists::approve,
        lists::publish,
        lists::regional,
        published::index,
        published::in_force,
        published::diff,
        published::show,
        published::entry,
        eligibility::decide,
        register::crossings,
        register::person,
        register::check_document,
        register::overstayers,
        register::statistics,
        cases::create,
        cases::list,
        cases::show,
        cases::add_evidence,
        cases::download_evidence,
        cases::submit,
        cases::withdraw,
        cases::reply,
        cases::message,
        cases::decide,
        cases::confirm,
        cases::send_back,
        permits::list,
        permits::overdue,
        permits::show,
        permits::renew,
        permits::cancel,
        permits::file_report,
        permits::confirm_solvency,
        permits::quotas,
        permits::set_quota,
        rounds::list,
        rounds::show,
        rounds::hold,
        abroad::figures,
        abroad::agreements_list,
        abroad::agreements_save,
        abroad::workers_search,
        abroad::workers_register,
        abroad::workers_show,
        abroad::cases_list,
        abroad::cases_open,
        abroad::cases_show,
        abroad::cases_action,
        abroad::cases_status,
        kandas::create,
        kandas::list,
        kandas::show,
        kandas::assign,
        kandas::refuse,
        kandas::pay,
        kandas::report,
        paryz::list,
        paryz::open,
        paryz::show,
        paryz::close,
        paryz::publish,
        paryz::nominate,
        paryz::decide,
    ),
    components(schemas(ProblemDetails, FieldError)),
    modifiers(&Security, &ProblemResponses),
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
