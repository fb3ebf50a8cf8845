//! Every route of ashyq, the roles allowed on it, and the router that serves them.
//!
//! [`ROUTES`] is the one table of who may call what: for each route, the status each role gets
//! when it calls with a valid request. 401 means "log in first" (an API answers 401; a page
//! redirects to the login page), 403 means "this role may not"; anything else means allowed.
//! The access layer enforces this table, the navigation menu is derived from it, and the role
//! matrix test calls every route as every role and expects exactly these statuses. A route
//! that is served but not declared here is refused (fail closed) and fails that test.

use crate::state::AppState;
use crate::{api, auth, metrics, web};
use ashyq_core::Role;
use axum::Router;
use axum::extract::{MatchedPath, Request, State};
use axum::handler::Handler;
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodRouter, get, post};
use std::collections::BTreeMap;

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

/// One row of the access table.
#[derive(Debug, Clone, Copy)]
pub struct RouteSpec {
    pub method: &'static str,
    pub path: &'static str,
    pub kind: Kind,
    /// Status per role, in the order of [`Role::ALL`]:
    /// public, applicant, analyst, coordinator, officer, border, admin.
    pub expect: [u16; 7],
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

const fn r(method: &'static str, path: &'static str, kind: Kind, expect: [u16; 7]) -> RouteSpec {
    RouteSpec { method, path, kind, expect }
}

use Kind::{Api, Ops, Page};

#[rustfmt::skip]
pub const ROUTES: &[RouteSpec] = &[
    //  method  path                                kind   public appl anal coord offic bord admin
    r("GET",  "/",                                  Page, [200, 200, 200, 200, 200, 200, 200]),
    r("GET",  "/login",                             Page, [200, 200, 200, 200, 200, 200, 200]),
    r("POST", "/login",                             Page, [303, 303, 303, 303, 303, 303, 303]),
    r("POST", "/logout",                            Page, [401, 303, 303, 303, 303, 303, 303]),
    r("GET",  "/signup",                            Page, [200, 200, 200, 200, 200, 200, 200]),
    r("POST", "/signup",                            Page, [303, 303, 303, 303, 303, 303, 303]),
    r("GET",  "/lang/{code}",                       Page, [303, 303, 303, 303, 303, 303, 303]),
    r("GET",  "/account",                           Page, [401, 200, 200, 200, 200, 200, 200]),
    r("POST", "/account/password",                  Page, [401, 303, 303, 303, 303, 303, 303]),
    r("GET",  "/admin/users",                       Page, [401, 403, 403, 403, 403, 403, 200]),
    r("POST", "/admin/users",                       Page, [401, 403, 403, 403, 403, 403, 303]),
    r("POST", "/admin/users/{id}/disable",          Page, [401, 403, 403, 403, 403, 403, 303]),
    r("POST", "/admin/users/{id}/enable",           Page, [401, 403, 403, 403, 403, 403, 303]),
    r("GET",  "/admin/audit",                       Page, [401, 403, 403, 403, 403, 403, 200]),
    r("GET",  "/occupations",                       Page, [200, 200, 200, 200, 200, 200, 200]),
    r("GET",  "/lists",                             Page, [200, 200, 200, 200, 200, 200, 200]),
    r("GET",  "/lists/diff",                        Page, [200, 200, 200, 200, 200, 200, 200]),
    r("GET",  "/lists/{id}",                        Page, [200, 200, 200, 200, 200, 200, 200]),
    r("GET",  "/lists/{id}/download/{format}",      Page, [200, 200, 200, 200, 200, 200, 200]),
    r("GET",  "/lists/{id}/occupations/{code}",     Page, [200, 200, 200, 200, 200, 200, 200]),
    r("GET",  "/eligibility",                       Page, [200, 200, 200, 200, 200, 200, 200]),
    r("GET",  "/eligibility/{programme}",           Page, [200, 200, 200, 200, 200, 200, 200]),
    r("POST", "/eligibility/{programme}",           Page, [200, 200, 200, 200, 200, 200, 200]),
    r("GET",  "/applications",                      Page, [401, 200, 403, 403, 403, 403, 403]),
    r("GET",  "/applications/new/{programme}",      Page, [401, 200, 403, 403, 403, 403, 403]),
    r("POST", "/applications/new/{programme}",      Page, [401, 303, 403, 403, 403, 403, 403]),
    r("GET",  "/applications/{id}",                 Page, [401, 200, 403, 403, 403, 403, 403]),
    r("POST", "/applications/{id}/evidence",        Page, [401, 303, 403, 403, 403, 403, 403]),
    r("GET",  "/applications/{id}/evidence/{evidence_id}", Page, [401, 200, 403, 403, 403, 403, 403]),
    r("POST", "/applications/{id}/submit",          Page, [401, 303, 403, 403, 403, 403, 403]),
    r("POST", "/applications/{id}/reply",           Page, [401, 303, 403, 403, 403, 403, 403]),
    r("POST", "/applications/{id}/message",         Page, [401, 303, 403, 403, 403, 403, 403]),
    r("POST", "/applications/{id}/withdraw",        Page, [401, 303, 403, 403, 403, 403, 403]),
    r("POST", "/applications/{id}/reports",         Page, [401, 303, 403, 403, 403, 403, 403]),
    r("POST", "/applications/{id}/solvency",        Page, [401, 303, 403, 403, 403, 403, 403]),
    r("GET",  "/analysis",                          Page, [401, 403, 200, 403, 403, 403, 403]),
    r("POST", "/analysis/imports",                  Page, [401, 403, 303, 403, 403, 403, 403]),
    r("POST", "/analysis/lists",                    Page, [401, 403, 303, 403, 403, 403, 403]),
    r("GET",  "/analysis/lists/{id}",               Page, [401, 403, 200, 403, 403, 403, 403]),
    r("POST", "/analysis/lists/{id}/send",          Page, [401, 403, 303, 403, 403, 403, 403]),
    r("POST", "/analysis/lists/{id}/revise",        Page, [401, 403, 303, 403, 403, 403, 403]),
    r("POST", "/analysis/lists/{id}/approve",       Page, [401, 403, 303, 403, 403, 403, 403]),
    r("POST", "/analysis/lists/{id}/publish",       Page, [401, 403, 303, 403, 403, 403, 403]),
    r("GET",  "/analysis/simulate",                 Page, [401, 403, 200, 403, 403, 403, 403]),
    r("POST", "/analysis/simulate",                 Page, [401, 403, 200, 403, 403, 403, 403]),
    r("GET",  "/analysis/register",                 Page, [401, 403, 200, 200, 200, 403, 200]),
    r("GET",  "/analysis/register.csv",             Page, [401, 403, 200, 200, 200, 403, 200]),
    r("GET",  "/analysis/register.xlsx",            Page, [401, 403, 200, 200, 200, 403, 200]),
    r("GET",  "/border",                            Page, [401, 403, 403, 403, 200, 200, 200]),
    r("POST", "/border",                            Page, [401, 403, 403, 403, 200, 200, 200]),
    r("GET",  "/register/search",                   Page, [401, 403, 403, 403, 200, 403, 200]),
    r("GET",  "/register/alerts",                   Page, [401, 403, 403, 403, 200, 403, 200]),
    r("GET",  "/register/persons/{id}",             Page, [401, 403, 403, 403, 200, 403, 200]),
    r("POST", "/register/persons/{id}/merge",       Page, [401, 403, 403, 403, 303, 403, 303]),
    r("POST", "/register/persons/{id}/split",       Page, [401, 403, 403, 403, 303, 403, 303]),
    r("POST", "/register/persons/{id}/undo",        Page, [401, 403, 403, 403, 303, 403, 303]),
    r("GET",  "/coordination",                      Page, [401, 403, 403, 200, 403, 403, 403]),
    r("GET",  "/coordination/lists/{id}",           Page, [401, 403, 403, 200, 403, 403, 403]),
    r("POST", "/coordination/lists/{id}/opinion",   Page, [401, 403, 403, 303, 403, 403, 403]),
    r("GET",  "/cases",                             Page, [401, 403, 403, 403, 200, 403, 200]),
    r("GET",  "/cases/{id}",                        Page, [401, 403, 403, 403, 200, 403, 200]),
    r("GET",  "/cases/{id}/evidence/{evidence_id}", Page, [401, 403, 403, 403, 200, 403, 200]),
    r("POST", "/cases/{id}/decide",                 Page, [401, 403, 403, 403, 303, 403, 403]),
    r("POST", "/cases/{id}/confirm",                Page, [401, 403, 403, 403, 303, 403, 403]),
    r("POST", "/cases/{id}/return",                 Page, [401, 403, 403, 403, 303, 403, 403]),
    r("POST", "/cases/{id}/message",                Page, [401, 403, 403, 403, 303, 403, 403]),
    r("GET",  "/permits",                           Page, [401, 403, 403, 403, 200, 403, 200]),
    r("GET",  "/permits/{id}",                      Page, [401, 403, 403, 403, 200, 403, 200]),
    r("POST", "/permits/{id}/renew",                Page, [401, 403, 403, 403, 303, 403, 403]),
    r("POST", "/permits/{id}/cancel",               Page, [401, 403, 403, 403, 303, 403, 403]),
    r("GET",  "/rounds",                            Page, [200, 200, 200, 200, 200, 200, 200]),
    r("POST", "/rounds",                            Page, [401, 403, 403, 403, 303, 403, 303]),
    r("GET",  "/rounds/{id}",                       Page, [200, 200, 200, 200, 200, 200, 200]),
    // Citizens working abroad (issue 7): counts for analysts, agreements for everyone, personal
    // data (the registry and the protection cases) for officers to handle and administrators to read.
    r("GET",  "/abroad",                            Page, [401, 403, 200, 403, 200, 403, 200]),
    r("GET",  "/abroad/agreements",                 Page, [200, 200, 200, 200, 200, 200, 200]),
    r("GET",  "/abroad/workers",                    Page, [401, 403, 403, 403, 200, 403, 200]),
    r("POST", "/abroad/workers",                    Page, [401, 403, 403, 403, 303, 403, 403]),
    r("GET",  "/abroad/workers/{id}",               Page, [401, 403, 403, 403, 200, 403, 200]),
    r("POST", "/abroad/workers/{id}/cases",         Page, [401, 403, 403, 403, 303, 403, 403]),
    r("GET",  "/abroad/cases/{id}",                 Page, [401, 403, 403, 403, 200, 403, 200]),
    r("POST", "/abroad/cases/{id}/actions",         Page, [401, 403, 403, 403, 303, 403, 403]),
    r("POST", "/abroad/cases/{id}/status",          Page, [401, 403, 403, 403, 303, 403, 403]),
    r("GET",  "/kandas",                            Page, [401, 403, 403, 403, 200, 403, 200]),
    r("GET",  "/kandas/report",                     Page, [401, 403, 200, 200, 200, 403, 200]),
    r("GET",  "/kandas/{id}",                       Page, [401, 403, 403, 403, 200, 403, 200]),
    r("POST", "/kandas/{id}/assign",                Page, [401, 403, 403, 403, 303, 403, 403]),
    r("POST", "/kandas/{id}/refuse",                Page, [401, 403, 403, 403, 303, 403, 403]),
    r("GET",  "/paryz",                             Page, [200, 200, 200, 200, 200, 200, 200]),
    r("POST", "/paryz",                             Page, [401, 403, 403, 403, 403, 403, 303]),
    r("GET",  "/paryz/{year}",                      Page, [200, 200, 200, 200, 200, 200, 200]),
    r("POST", "/paryz/{year}/close",                Page, [401, 403, 403, 403, 403, 403, 303]),
    r("POST", "/paryz/{year}/publish",              Page, [401, 403, 403, 403, 403, 403, 303]),
    r("POST", "/paryz/{year}/nominations",          Page, [401, 403, 403, 303, 403, 403, 303]),
    r("POST", "/paryz/nominations/{id}/decide",     Page, [401, 403, 403, 403, 403, 403, 303]),
    r("GET",  "/static/{file}",                     Ops,  [200, 200, 200, 200, 200, 200, 200]),
    r("GET",  "/healthz",                           Ops,  [200, 200, 200, 200, 200, 200, 200]),
    r("GET",  "/readyz",                            Ops,  [200, 200, 200, 200, 200, 200, 200]),
    r("GET",  "/metrics",                           Ops,  [200, 200, 200, 200, 200, 200, 200]),
    r("GET",  "/api/docs",                          Api,  [303, 303, 303, 303, 303, 303, 303]),
    r("GET",  "/api/docs/",                         Api,  [200, 200, 200, 200, 200, 200, 200]),
    r("GET",  "/api/docs/{*rest}",                  Api,  [200, 200, 200, 200, 200, 200, 200]),
    r("GET",  "/api/v1/openapi.json",               Api,  [200, 200, 200, 200, 200, 200, 200]),
    r("GET",  "/api/v1/regions",                    Api,  [200, 200, 200, 200, 200, 200, 200]),
    r("GET",  "/api/v1/me",                         Api,  [401, 200, 200, 200, 200, 200, 200]),
    r("POST", "/api/v1/me/password",                Api,  [401, 204, 204, 204, 204, 204, 204]),
    r("POST", "/api/v1/me/tokens",                  Api,  [401, 201, 201, 201, 201, 201, 201]),
    r("POST", "/api/v1/signup",                     Api,  [201, 201, 201, 201, 201, 201, 201]),
    r("GET",  "/api/v1/users",                      Api,  [401, 403, 403, 403, 403, 403, 200]),
    r("POST", "/api/v1/users",                      Api,  [401, 403, 403, 403, 403, 403, 201]),
    r("GET",  "/api/v1/users/{id}",                 Api,  [401, 403, 403, 403, 403, 403, 200]),
    r("POST", "/api/v1/users/{id}/disable",         Api,  [401, 403, 403, 403, 403, 403, 200]),
    r("POST", "/api/v1/users/{id}/enable",          Api,  [401, 403, 403, 403, 403, 403, 200]),
    r("GET",  "/api/v1/occupations",                Api,  [200, 200, 200, 200, 200, 200, 200]),
    r("GET",  "/api/v1/occupations/{code}",         Api,  [200, 200, 200, 200, 200, 200, 200]),
    r("GET",  "/api/v1/occupations/{code}/on-list", Api,  [200, 200, 200, 200, 200, 200, 200]),
    r("GET",  "/api/v1/imports",                    Api,  [401, 403, 200, 403, 403, 403, 200]),
    r("POST", "/api/v1/imports/{source}",           Api,  [401, 403, 201, 403, 403, 403, 403]),
    r("GET",  "/api/v1/lists",                      Api,  [401, 403, 200, 200, 403, 403, 200]),
    r("POST", "/api/v1/lists",                      Api,  [401, 403, 201, 403, 403, 403, 403]),
    r("GET",  "/api/v1/lists/{id}",                 Api,  [401, 403, 200, 200, 403, 403, 200]),
    r("POST", "/api/v1/lists/{id}/send",            Api,  [401, 403, 200, 403, 403, 403, 403]),
    r("POST", "/api/v1/lists/{id}/opinions",        Api,  [401, 403, 403, 201, 403, 403, 403]),
    r("POST", "/api/v1/lists/{id}/revisions",       Api,  [401, 403, 201, 403, 403, 403, 403]),
    r("POST", "/api/v1/lists/{id}/approve",         Api,  [401, 403, 200, 403, 403, 403, 403]),
    r("POST", "/api/v1/lists/{id}/publish",         Api,  [401, 403, 200, 403, 403, 403, 403]),
    r("GET",  "/api/v1/lists/{id}/regions/{region}", Api, [401, 403, 200, 200, 403, 403, 200]),
    r("GET",  "/api/v1/published-lists",            Api,  [200, 200, 200, 200, 200, 200, 200]),
    r("GET",  "/api/v1/published-lists/in-force",   Api,  [200, 200, 200, 200, 200, 200, 200]),
    r("GET",  "/api/v1/published-lists/diff",       Api,  [200, 200, 200, 200, 200, 200, 200]),
    r("GET",  "/api/v1/published-lists/{id}",       Api,  [200, 200, 200, 200, 200, 200, 200]),
    r("GET",  "/api/v1/published-lists/{id}/entries/{code}", Api, [200, 200, 200, 200, 200, 200, 200]),
    r("POST", "/api/v1/eligibility/{programme}",    Api,  [200, 200, 200, 200, 200, 200, 200]),
    r("GET",  "/api/v1/audit",                      Api,  [401, 403, 403, 403, 403, 403, 200]),
    r("GET",  "/api/v1/audit/verify",               Api,  [401, 403, 403, 403, 403, 403, 200]),
    r("POST", "/api/v1/crossings",                  Api,  [401, 403, 403, 403, 403, 200, 200]),
    r("POST", "/api/v1/register/check",             Api,  [401, 403, 403, 403, 200, 200, 200]),
    r("GET",  "/api/v1/register/persons/{id}",      Api,  [401, 403, 403, 403, 200, 403, 200]),
    r("GET",  "/api/v1/register/overstayers",       Api,  [401, 403, 403, 403, 200, 403, 200]),
    r("GET",  "/api/v1/register/statistics",        Api,  [401, 403, 200, 200, 200, 403, 200]),
    r("POST", "/api/v1/kandas/applications",        Api,  [401, 403, 403, 403, 201, 403, 403]),
    r("GET",  "/api/v1/kandas/applications",        Api,  [401, 403, 403, 403, 200, 403, 200]),
    r("GET",  "/api/v1/kandas/applications/{id}",   Api,  [401, 403, 403, 403, 200, 403, 200]),
    r("POST", "/api/v1/kandas/applications/{id}/assign", Api, [401, 403, 403, 403, 200, 403, 403]),
    r("POST", "/api/v1/kandas/applications/{id}/refuse", Api, [401, 403, 403, 403, 200, 403, 403]),
    r("POST", "/api/v1/kandas/applications/{id}/pay", Api, [401, 403, 403, 403, 200, 403, 403]),
    r("GET",  "/api/v1/kandas/report",              Api,  [401, 403, 200, 200, 200, 403, 200]),
    r("POST", "/api/v1/cases",                      Api,  [401, 201, 403, 403, 403, 403, 403]),
    r("GET",  "/api/v1/cases",                      Api,  [401, 200, 403, 403, 200, 403, 200]),
    r("GET",  "/api/v1/cases/{id}",                 Api,  [401, 200, 403, 403, 200, 403, 200]),
    r("POST", "/api/v1/cases/{id}/evidence",        Api,  [401, 201, 403, 403, 403, 403, 403]),
    r("GET",  "/api/v1/cases/{id}/evidence/{evidence_id}", Api, [401, 200, 403, 403, 200, 403, 200]),
    r("POST", "/api/v1/cases/{id}/submit",          Api,  [401, 200, 403, 403, 403, 403, 403]),
    r("POST", "/api/v1/cases/{id}/withdraw",        Api,  [401, 200, 403, 403, 403, 403, 403]),
    r("POST", "/api/v1/cases/{id}/reply",           Api,  [401, 200, 403, 403, 403, 403, 403]),
    r("POST", "/api/v1/cases/{id}/messages",        Api,  [401, 201, 403, 403, 201, 403, 403]),
    r("POST", "/api/v1/cases/{id}/decision",        Api,  [401, 403, 403, 403, 200, 403, 403]),
    r("POST", "/api/v1/cases/{id}/confirm",         Api,  [401, 403, 403, 403, 200, 403, 403]),
    r("POST", "/api/v1/cases/{id}/return",          Api,  [401, 403, 403, 403, 200, 403, 403]),
    r("GET",  "/api/v1/permits",                    Api,  [401, 200, 403, 403, 200, 403, 200]),
    r("GET",  "/api/v1/permits/overdue",            Api,  [401, 403, 403, 403, 200, 403, 200]),
    r("GET",  "/api/v1/permits/{id}",               Api,  [401, 200, 403, 403, 200, 403, 200]),
    r("POST", "/api/v1/permits/{id}/renew",         Api,  [401, 403, 403, 403, 200, 403, 403]),
    r("POST", "/api/v1/permits/{id}/cancel",        Api,  [401, 403, 403, 403, 200, 403, 403]),
    r("POST", "/api/v1/permits/{id}/reports",       Api,  [401, 201, 403, 403, 403, 403, 403]),
    r("POST", "/api/v1/permits/{id}/solvency",      Api,  [401, 201, 403, 403, 403, 403, 403]),
    r("GET",  "/api/v1/quotas",                     Api,  [200, 200, 200, 200, 200, 200, 200]),
    r("POST", "/api/v1/quotas",                     Api,  [401, 403, 403, 403, 403, 403, 200]),
    r("GET",  "/api/v1/rounds",                     Api,  [200, 200, 200, 200, 200, 200, 200]),
    r("GET",  "/api/v1/rounds/{id}",                Api,  [200, 200, 200, 200, 200, 200, 200]),
    r("POST", "/api/v1/rounds",                     Api,  [401, 403, 403, 403, 201, 403, 201]),
    r("GET",  "/api/v1/abroad/figures",             Api,  [401, 403, 200, 403, 200, 403, 200]),
    r("GET",  "/api/v1/abroad/agreements",          Api,  [200, 200, 200, 200, 200, 200, 200]),
    r("POST", "/api/v1/abroad/agreements",          Api,  [401, 403, 403, 403, 201, 403, 403]),
    r("GET",  "/api/v1/abroad/workers",             Api,  [401, 403, 403, 403, 200, 403, 200]),
    r("POST", "/api/v1/abroad/workers",             Api,  [401, 403, 403, 403, 201, 403, 403]),
    r("GET",  "/api/v1/abroad/workers/{id}",        Api,  [401, 403, 403, 403, 200, 403, 200]),
    r("GET",  "/api/v1/abroad/cases",               Api,  [401, 403, 403, 403, 200, 403, 200]),
    r("POST", "/api/v1/abroad/cases",               Api,  [401, 403, 403, 403, 201, 403, 403]),
    r("GET",  "/api/v1/abroad/cases/{id}",          Api,  [401, 403, 403, 403, 200, 403, 200]),
    r("POST", "/api/v1/abroad/cases/{id}/actions",  Api,  [401, 403, 403, 403, 201, 403, 403]),
    r("POST", "/api/v1/abroad/cases/{id}/status",   Api,  [401, 403, 403, 403, 200, 403, 403]),
    r("GET",  "/api/v1/paryz",                      Api,  [200, 200, 200, 200, 200, 200, 200]),
    r("POST", "/api/v1/paryz",                      Api,  [401, 403, 403, 403, 403, 403, 201]),
    r("GET",  "/api/v1/paryz/{year}",               Api,  [200, 200, 200, 200, 200, 200, 200]),
    r("POST", "/api/v1/paryz/{year}/close",         Api,  [401, 403, 403, 403, 403, 403, 200]),
    r("POST", "/api/v1/paryz/{year}/publish",       Api,  [401, 403, 403, 403, 403, 403, 200]),
    r("POST", "/api/v1/paryz/{year}/nominations",   Api,  [401, 403, 403, 201, 403, 403, 201]),
    r("POST", "/api/v1/paryz/nominations/{id}/decision", Api, [401, 403, 403, 403, 403, 403, 200]),
];

/// The declaration of a route, if there is one.
pub fn spec(method: &str, path: &str) -> Option<&'static RouteSpec> {
    let method = if method == "HEAD" { "GET" } else { method };
    ROUTES.iter().find(|s| s.method == method && s.path == path)
}

/// Collects routes and remembers which (method, path) pairs were served, so a test can compare
/// them with [`ROUTES`].
pub struct RouteBuilder {
    paths: BTreeMap<&'static str, MethodRouter<AppState>>,
    extra: Vec<Router<AppState>>,
    pub served: Vec<(&'static str, &'static str)>,
}

impl RouteBuilder {
    fn new() -> Self {
        RouteBuilder { paths: BTreeMap::new(), extra: Vec::new(), served: Vec::new() }
    }

    fn add(mut self, method: &'static str, path: &'static str, mr: MethodRouter<AppState>) -> Self {
        self.served.push((method, path));
        let merged = match self.paths.remove(path) {
            Some(existing) => existing.merge(mr),
            None => mr,
        };
        self.paths.insert(path, merged);
        self
    }

    pub fn get<H: Handler<T, AppState>, T: 'static>(self, path: &'static str, h: H) -> Self {
        self.add("GET", path, get(h))
    }

    pub fn post<H: Handler<T, AppState>, T: 'static>(self, path: &'static str, h: H) -> Self {
        self.add("POST", path, post(h))
    }

    /// A POST route that accepts bodies up to `limit` bytes (data-file uploads).
    pub fn post_large<H: Handler<T, AppState>, T: 'static>(
        self,
        path: &'static str,
        h: H,
        limit: usize,
    ) -> Self {
        self.add("POST", path, post(h).layer(axum::extract::DefaultBodyLimit::max(limit)))
    }

    /// A router made elsewhere (the API reference), with the routes it serves.
    pub fn merge(mut self, router: Router<AppState>, served: &[(&'static str, &'static str)]) -> Self {
        self.extra.push(router);
        self.served.extend_from_slice(served);
        self
    }

    fn into_router(self) -> Router<AppState> {
        let mut router = Router::new();
        for (path, mr) in self.paths {
            router = router.route(path, mr);
        }
        self.extra.into_iter().fold(router, Router::merge)
    }
}

/// Every route of the application, by flow.
pub fn routes() -> RouteBuilder {
    routes_with(crate::state::ServerConfig::default().import_limit_bytes)
}

/// Every route, with the largest data file an import accepts.
pub fn routes_with(import_limit: usize) -> RouteBuilder {
    let b = RouteBuilder::new();
    let b = web::routes(b, import_limit);
    let b = api::routes(b, import_limit);
    crate::ops::routes(b)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_served_route_is_declared_and_every_declared_route_served() {
        let served = routes().served;
        for (m, p) in &served {
            assert!(spec(m, p).is_some(), "{m} {p} is served but has no row in ROUTES");
        }
        for s in ROUTES {
            assert!(
                served.contains(&(s.method, s.path)),
                "{} {} is declared but not served",
                s.method,
                s.path
            );
        }
        let mut seen = std::collections::HashSet::new();
        for s in ROUTES {
            assert!(seen.insert((s.method, s.path)), "{} {} is declared twice", s.method, s.path);
        }
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
