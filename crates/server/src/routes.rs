//! Every route of ashyq, the roles allowed on it, and the router that serves them.
//!
//! Each flow registers its routes beside its handlers (`flows/<flow>/api.rs`, `pages.rs`),
//! each with its row of the access table: the status each role gets when it calls with a
//! valid request. 401 means "log in first" (an API answers 401; a page redirects to the login
//! page), 403 means "this role may not"; anything else means allowed. [`ROUTES`] is assembled
//! from those registrations, so a route is written once. The access layer enforces the table,
//! the navigation menu is derived from it, `docs/access.md` is generated from it, and the role
//! matrix test calls every route as every role and expects exactly these statuses. An API
//! route takes its method and path from its handler's OpenAPI annotation, and the OpenAPI
//! document is assembled from the same registrations.

use crate::state::AppState;
use crate::{auth, metrics, web};
use ashyq_core::Role;
use axum::Router;
use axum::extract::{MatchedPath, Request, State};
use axum::handler::Handler;
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodRouter, get, post};
use std::collections::{BTreeMap, HashMap};
use std::sync::LazyLock;

/// What a route serves, which decides how a refusal looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// JSON under `/api`: refusals are problem details.
    Api,
    /// An HTML page or form: "log in first" redirects to the login page.
    Page,
    /// Health, metrics, static files.
    Ops,
}

/// The status per role, in the order of [`Role::ALL`]:
/// public, applicant, analyst, coordinator, officer, border, admin.
pub type Expect = [u16; 7];

/// One row of the access table.
#[derive(Debug, Clone, Copy)]
pub struct RouteSpec {
    pub method: &'static str,
    pub path: &'static str,
    pub kind: Kind,
    /// The flow that serves it (`cases`, `register`, …).
    pub flow: &'static str,
    /// Status per role, in the order of [`Role::ALL`]:
    /// public, applicant, analyst, coordinator, officer, border, admin.
    pub expect: Expect,
}

impl RouteSpec {
    pub fn expect_for(&self, role: Role) -> u16 {
        let i = Role::ALL.iter().position(|r| *r == role).unwrap_or(0);
        self.expect[i]
    }

    pub fn allows(&self, role: Role) -> bool {
        !matches!(self.expect_for(role), 401 | 403)
    }
}

/// The access table: every route the application serves, as its flows registered them.
/// `for spec in ROUTES`, `ROUTES.iter()`, `ROUTES.len()`.
#[derive(Debug, Clone, Copy)]
pub struct Table;

/// The one table of who may call what, assembled from the flows' registrations.
pub const ROUTES: Table = Table;

static TABLE: LazyLock<Vec<RouteSpec>> = LazyLock::new(|| {
    let mut specs = registrations(crate::state::ServerConfig::default().import_limit_bytes).specs;
    specs.extend(crate::api::reference_routes());
    specs
});

static INDEX: LazyLock<HashMap<(&'static str, &'static str), usize>> =
    LazyLock::new(|| TABLE.iter().enumerate().map(|(i, s)| ((s.method, s.path), i)).collect());

impl Table {
    pub fn iter(&self) -> std::slice::Iter<'static, RouteSpec> {
        TABLE.iter()
    }

    pub fn len(&self) -> usize {
        TABLE.len()
    }

    pub fn is_empty(&self) -> bool {
        TABLE.is_empty()
    }
}

impl IntoIterator for Table {
    type Item = &'static RouteSpec;
    type IntoIter = std::slice::Iter<'static, RouteSpec>;
    fn into_iter(self) -> Self::IntoIter {
        TABLE.iter()
    }
}

/// The declaration of a route, if there is one.
pub fn spec(method: &str, path: &str) -> Option<&'static RouteSpec> {
    let method = if method == "HEAD" { "GET" } else { method };
    INDEX.get(&(method, path)).map(|&i| &TABLE[i])
}

/// A path as a `&'static str`, kept once per process (the API's paths come from the OpenAPI
/// annotations as `String`s, and the router is built anew for every test application).
fn intern(path: String) -> &'static str {
    static KEPT: LazyLock<std::sync::Mutex<std::collections::BTreeSet<&'static str>>> =
        LazyLock::new(Default::default);
    let mut kept = KEPT.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some(p) = kept.get(path.as_str()) {
        return p;
    }
    let p: &'static str = Box::leak(path.into_boxed_str());
    kept.insert(p);
    p
}

/// Adds one API operation (its path and the schemas it names) to an OpenAPI document.
pub type Documents = fn(&mut utoipa::openapi::OpenApi);

fn document<P: Operation>(doc: &mut utoipa::openapi::OpenApi) {
    use utoipa::openapi::path::{PathItem, PathsBuilder};
    let mut operation = P::operation();
    let tags = <P as utoipa::__dev::Tags>::tags();
    if !tags.is_empty() {
        operation.tags.get_or_insert_with(Vec::new).extend(tags.into_iter().map(str::to_string));
    }
    for method in P::methods() {
        let item = PathItem::new(method, operation.clone());
        doc.paths.merge(PathsBuilder::new().path(P::path(), item).build());
    }
    let mut schemas = Vec::new();
    P::schemas(&mut schemas);
    let components = doc.components.get_or_insert_with(Default::default);
    for (name, schema) in schemas {
        components.schemas.entry(name).or_insert(schema);
    }
}

/// What an API handler's OpenAPI annotation (`#[utoipa::path]`) generates beside it: its
/// method and path, its operation, its tags and the schemas it names.
pub trait Operation:
    utoipa::Path + utoipa::__dev::SchemaReferences + for<'t> utoipa::__dev::Tags<'t>
{
}

impl<P: utoipa::Path + utoipa::__dev::SchemaReferences + for<'t> utoipa::__dev::Tags<'t>> Operation for P {}

/// Collects the flows' routes with their access rows (and, for the API, their OpenAPI
/// operations).
pub struct RouteBuilder {
    paths: BTreeMap<&'static str, MethodRouter<AppState>>,
    extra: Vec<Router<AppState>>,
    pub specs: Vec<RouteSpec>,
    pub documents: Vec<Documents>,
    flow: &'static str,
    import_limit: usize,
}

impl RouteBuilder {
    fn new(import_limit: usize) -> Self {
        RouteBuilder {
            paths: BTreeMap::new(),
            extra: Vec::new(),
            specs: Vec::new(),
            documents: Vec::new(),
            flow: "",
            import_limit,
        }
    }

    /// The routes that follow belong to `flow`.
    pub fn flow(mut self, flow: &'static str) -> Self {
        self.flow = flow;
        self
    }

    fn add(
        mut self,
        kind: Kind,
        method: &'static str,
        path: &'static str,
        expect: Expect,
        mr: MethodRouter<AppState>,
    ) -> Self {
        self.specs.push(RouteSpec { method, path, kind, flow: self.flow, expect });
        let merged = match self.paths.remove(path) {
            Some(existing) => existing.merge(mr),
            None => mr,
        };
        self.paths.insert(path, merged);
        self
    }

    /// A page (or a file a page links to) read with GET.
    pub fn page_get<H: Handler<T, AppState>, T: 'static>(
        self,
        path: &'static str,
        expect: Expect,
        h: H,
    ) -> Self {
        self.add(Kind::Page, "GET", path, expect, get(h))
    }

    /// A form posted from a page.
    pub fn page_post<H: Handler<T, AppState>, T: 'static>(
        self,
        path: &'static str,
        expect: Expect,
        h: H,
    ) -> Self {
        self.add(Kind::Page, "POST", path, expect, post(h))
    }

    /// A form with a file, accepting bodies up to `limit` bytes.
    pub fn page_upload<H: Handler<T, AppState>, T: 'static>(
        self,
        path: &'static str,
        expect: Expect,
        h: H,
        limit: usize,
    ) -> Self {
        self.add(Kind::Page, "POST", path, expect, post(h).layer(axum::extract::DefaultBodyLimit::max(limit)))
    }

    /// A form with a data file, up to the server's import limit.
    pub fn page_import<H: Handler<T, AppState>, T: 'static>(
        self,
        path: &'static str,
        expect: Expect,
        h: H,
    ) -> Self {
        let limit = self.import_limit;
        self.page_upload(path, expect, h, limit)
    }

    /// Health, metrics and static files.
    pub fn ops_get<H: Handler<T, AppState>, T: 'static>(
        self,
        path: &'static str,
        expect: Expect,
        h: H,
    ) -> Self {
        self.add(Kind::Ops, "GET", path, expect, get(h))
    }

    fn api_route<P, H, T>(mut self, expect: Expect, h: H, limit: Option<usize>) -> Self
    where
        P: Operation,
        H: Handler<T, AppState>,
        T: 'static,
    {
        use utoipa::openapi::path::HttpMethod;
        let path = intern(P::path());
        // ashyq's API reads with GET and acts with POST; another method in an annotation is a
        // mistake every test meets at once, not a route to serve as GET.
        let (method, mr) = match P::methods().as_slice() {
            [HttpMethod::Get] => ("GET", get(h)),
            [HttpMethod::Post] => ("POST", post(h)),
            _ => panic!("{path}: an API route is one GET or one POST"),
        };
        let mr = match limit {
            Some(limit) => mr.layer(axum::extract::DefaultBodyLimit::max(limit)),
            None => mr,
        };
        self.documents.push(document::<P>);
        self.add(Kind::Api, method, path, expect, mr)
    }

    /// An API operation: its method and path are those of its OpenAPI annotation (`op` is the
    /// annotation's `__path_<handler>`), which also joins the OpenAPI document.
    pub fn api<P, H, T>(self, _op: P, expect: Expect, h: H) -> Self
    where
        P: Operation,
        H: Handler<T, AppState>,
        T: 'static,
    {
        self.api_route::<P, H, T>(expect, h, None)
    }

    /// An API operation that takes a file, accepting bodies up to `limit` bytes.
    pub fn api_upload<P, H, T>(self, _op: P, expect: Expect, h: H, limit: usize) -> Self
    where
        P: Operation,
        H: Handler<T, AppState>,
        T: 'static,
    {
        self.api_route::<P, H, T>(expect, h, Some(limit))
    }

    /// An API operation that takes a data file, up to the server's import limit.
    pub fn api_import<P, H, T>(self, _op: P, expect: Expect, h: H) -> Self
    where
        P: Operation,
        H: Handler<T, AppState>,
        T: 'static,
    {
        let limit = self.import_limit;
        self.api_route::<P, H, T>(expect, h, Some(limit))
    }

    fn into_router(self) -> Router<AppState> {
        let mut router = Router::new();
        for (path, mr) in self.paths {
            router = router.route(path, mr);
        }
        self.extra.into_iter().fold(router, Router::merge)
    }
}

/// Every flow's routes, with the largest data file an import accepts (without the API
/// reference, which is made from these).
pub fn registrations(import_limit: usize) -> RouteBuilder {
    let b = RouteBuilder::new(import_limit);
    let b = crate::flows::routes(b);
    crate::ops::routes(b.flow("ops"))
}

/// Every route, with the largest data file an import accepts: the flows' and the API
/// reference (the OpenAPI document and the page that shows it).
fn routes_with(import_limit: usize) -> RouteBuilder {
    let mut b = registrations(import_limit);
    let reference = crate::api::reference(&b.documents);
    b.specs.extend(crate::api::reference_routes());
    b.extra.push(reference);
    b
}

/// The whole application: routes, access control, and the layers every request passes.
pub fn app(state: AppState) -> Router {
    let body_limit = state.config.body_limit_bytes;
    routes_with(state.config.import_limit_bytes)
        .into_router()
        .route_layer(middleware::from_fn_with_state(state.clone(), enforce))
        .route_layer(middleware::from_fn_with_state(state.clone(), metrics::track))
        .fallback(web::errors::fallback)
        .layer(middleware::from_fn_with_state(state.clone(), crate::boundary::uri_text))
        .layer(middleware::from_fn_with_state(state.clone(), auth::resolve))
        .layer(axum::extract::DefaultBodyLimit::max(body_limit))
        .layer(middleware::from_fn(crate::layers::problems_for_api))
        .layer(middleware::from_fn(crate::layers::security_headers))
        .layer(
            tower_http::trace::TraceLayer::new_for_http()
                .make_span_with(crate::layers::request_span)
                .on_response(tower_http::trace::DefaultOnResponse::new().level(tracing::Level::INFO)),
        )
        .layer(tower_http::request_id::PropagateRequestIdLayer::x_request_id())
        .layer(tower_http::request_id::SetRequestIdLayer::x_request_id(crate::layers::MakeId))
        .with_state(state)
}

/// The access layer: looks the matched route up in [`ROUTES`] and refuses callers whose role
/// it does not allow. API calls made with the session cookie must also carry the session's
/// CSRF token in `X-CSRF-Token` when they change something.
async fn enforce(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let path = req.extensions().get::<MatchedPath>().map(|m| m.as_str().to_string()).unwrap_or_default();
    let Some(spec) = spec(req.method().as_str(), &path) else {
        // A method the path does not serve: the router answers 405 (nothing runs).
        if ROUTES.iter().any(|s| s.path == path) {
            return next.run(req).await;
        }
        tracing::error!(method = %req.method(), path, "route has no access declaration in ROUTES; refused");
        return crate::problem::Problem::new(
            axum::http::StatusCode::INTERNAL_SERVER_ERROR,
            "undeclared_route",
            "this route has no access declaration",
        )
        .into_response();
    };
    let Some(principal) = req.extensions().get::<auth::Principal>().cloned() else {
        return crate::problem::Problem::unauthorized().into_response();
    };
    let role = principal.role();
    if !spec.allows(role) {
        return match (spec.kind, role) {
            (Kind::Page, Role::Public) => web::errors::to_login(req.uri()),
            (Kind::Page, _) => web::errors::forbidden(&state, req, role),
            (_, Role::Public) => crate::problem::Problem::unauthorized().into_response(),
            (_, _) => crate::problem::Problem::forbidden(role).into_response(),
        };
    }
    let unsafe_method = !matches!(req.method().as_str(), "GET" | "HEAD" | "OPTIONS");
    if unsafe_method
        && spec.kind == Kind::Api
        && let Some(expected) = principal.session_csrf()
    {
        let sent = req.headers().get("x-csrf-token").and_then(|v| v.to_str().ok()).unwrap_or("");
        if !ashyq_store::secret::constant_time_eq(sent, expected) {
            return crate::problem::Problem::new(
                axum::http::StatusCode::FORBIDDEN,
                "csrf",
                "a request made with the session cookie must carry the session's X-CSRF-Token header",
            )
            .into_response();
        }
    }
    next.run(req).await
}

/// `docs/access.md`: the access table as people read it, one section per flow. Generated from
/// [`ROUTES`]; a test fails when the file is stale (`ASHYQ_WRITE_ACCESS_DOC=1 cargo test -p
/// ashyq-server access_doc` writes it anew).
pub fn access_markdown() -> String {
    let mut out = String::from(
        "# Who may call what\n\n\
         Generated from the route registrations (`ROUTES`, `crates/server/src/routes.rs`); do not edit by\n\
         hand. Each cell is what the role gets when it calls with a valid request: the status of success,\n\
         **login** (an API answers 401, a page sends to the login page) or **—** (403, this role may not).\n\
         Within an allowed route, a flow may still limit the records by the caller's scope\n\
         (`crates/server/src/access.rs`): an applicant's own, an officer's region, or national.\n",
    );
    let mut flows: Vec<&str> = Vec::new();
    for s in ROUTES {
        if !flows.contains(&s.flow) {
            flows.push(s.flow);
        }
    }
    for flow in flows {
        out.push_str(&format!("\n## {flow}\n\n"));
        out.push_str("| method | path | kind | public | applicant | analyst | coordinator | officer | border | admin |\n");
        out.push_str("|---|---|---|---|---|---|---|---|---|---|\n");
        for s in ROUTES.iter().filter(|s| s.flow == flow) {
            let cells: Vec<String> = s
                .expect
                .iter()
                .map(|e| match e {
                    401 => "login".to_string(),
                    403 => "—".to_string(),
                    e => e.to_string(),
                })
                .collect();
            let kind = match s.kind {
                Kind::Api => "API",
                Kind::Page => "page",
                Kind::Ops => "ops",
            };
            out.push_str(&format!("| {} | `{}` | {kind} | {} |\n", s.method, s.path, cells.join(" | ")));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_is_registered_once() {
        let mut seen = std::collections::HashSet::new();
        for s in ROUTES {
            assert!(seen.insert((s.method, s.path)), "{} {} is registered twice", s.method, s.path);
            assert!(!s.flow.is_empty(), "{} {} names no flow", s.method, s.path);
        }
        assert!(spec("GET", "/cases/{id}").is_some() && spec("HEAD", "/cases/{id}").is_some());
    }

    #[test]
    fn access_doc_is_current() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/access.md");
        let want = access_markdown();
        if std::env::var_os("ASHYQ_WRITE_ACCESS_DOC").is_some() {
            std::fs::write(&path, &want).unwrap();
        }
        let have = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            have == want,
            "docs/access.md is stale: write it anew with ASHYQ_WRITE_ACCESS_DOC=1 cargo test -p ashyq-server access_doc"
        );
    }

    #[test]
    fn admin_only_routes_are_refused_to_everyone_else() {
        for s in ROUTES.iter().filter(|s| s.path.starts_with("/admin") || s.path.starts_with("/api/v1/users"))
        {
            for role in Role::ALL {
                assert_eq!(s.allows(role), role == Role::Admin, "{} {} for {role}", s.method, s.path);
            }
        }
    }
}
