//! The role matrix: every route in `ROUTES` is called as every role, and must answer exactly the
//! status the table declares. Also: CSRF on forms and on cookie-authenticated API calls, and an
//! audit record for every state-changing call.

mod common;

use ashyq_core::Role;
use ashyq_server::routes::{Kind, ROUTES, RouteSpec};
use ashyq_store::audit;
use axum::body::Body;
use axum::http::Request;
use common::labour::{self, OCCUPATIONS};
use common::{Harness, PASSWORD};

/// The concrete path for a route pattern.
fn concrete(path: &str, victim: i64) -> String {
    path.replace("{id}", &victim.to_string())
        .replace("{code}", "ru")
        .replace("{file}", "ashyq.css")
        .replace("{*rest}", "swagger-initializer.js")
        .replace("{programme}", "permanent-residence")
}

/// POST routes that change nothing (a decision on facts the caller sends), so leave no audit
/// record.
const READ_ONLY_POSTS: &[&str] = &["/api/v1/eligibility/{programme}", "/eligibility/{programme}"];

/// The facts of an ethnic Kazakh applying for permanent residence, housed by contract.
const PR_FACTS: &str = r#"{"applicant":{"birth_date":"1990-05-01","passport_expiry":"2035-01-01","ethnic_kazakh":true,"former_citizen":false,"simplified_citizenship":false,"criminal_record":false,"funds":null},"family":[],"region":"KZ-75","housing":{"provided_by_contract":true,"funds_kzt":null}}"#;

/// The same answers as the self-check form posts them.
const PR_FORM: &str = "on=2026-06-01&applicant.birth_date=1990-05-01&applicant.passport_expiry=2035-01-01\
    &applicant.ethnic_kazakh=yes&region=KZ-75&housing.provided_by_contract=yes";

/// A valid body for a route that takes one: (content type, body).
fn sample_body(spec: &RouteSpec, role: Role, csrf: &str, n: usize) -> Option<(&'static str, String)> {
    if let Some(sample) = lists_sample_body(spec) {
        return Some(sample);
    }
    let form = "application/x-www-form-urlencoded";
    let json = "application/json";
    let login_as = common::username(if role == Role::Public { Role::Applicant } else { role });
    match (spec.method, spec.path) {
        ("GET", _) => None,
        ("POST", "/login") => {
            Some((form, format!("csrf={csrf}&username={login_as}&password={}", PASSWORD.replace(' ', "+"))))
        }
        ("POST", "/account/password") => {
            let pw = PASSWORD.replace(' ', "+");
            Some((form, format!("csrf={csrf}&current={pw}&new={pw}&repeat={pw}")))
        }
        ("POST", "/admin/users") => Some((
            form,
            format!(
                "csrf={csrf}&username=matrix-page-{n}&display_name=Matrix&role=analyst&region=&password=a+long+enough+password"
            ),
        )),
        ("POST", "/logout" | "/admin/users/{id}/disable" | "/admin/users/{id}/enable") => {
            Some((form, format!("csrf={csrf}")))
        }
        ("POST", "/api/v1/me/password") => {
            Some((json, format!(r#"{{"current_password":"{PASSWORD}","new_password":"{PASSWORD}"}}"#)))
        }
        ("POST", "/api/v1/me/tokens") => Some((json, r#"{"name":"matrix","ttl_days":1}"#.into())),
        ("POST", "/api/v1/users") => Some((
            json,
            format!(
                r#"{{"username":"matrix-api-{n}","display_name":"Matrix","role":"border","password":"a long enough password"}}"#
            ),
        )),
        ("POST", "/api/v1/users/{id}/disable" | "/api/v1/users/{id}/enable") => Some((json, String::new())),
        ("POST", "/analysis/imports") => Some((
            "multipart/form-data; boundary=MATRIXBOUNDARY",
            format!(
                "--MATRIXBOUNDARY\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{csrf}\r\n\
                 --MATRIXBOUNDARY\r\nContent-Disposition: form-data; name=\"source\"\r\n\r\nforecast\r\n\
                 --MATRIXBOUNDARY\r\nContent-Disposition: form-data; name=\"file\"; filename=\"matrix.csv\"\r\n\
                 Content-Type: text/csv\r\n\r\n{}\r\n--MATRIXBOUNDARY--\r\n",
                labour::forecast_csv(&OCCUPATIONS)
            ),
        )),
        ("POST", "/analysis/lists") => Some((form, format!("csrf={csrf}&period=2025&note=matrix"))),
        ("POST", "/analysis/lists/{id}/send") => Some((form, format!("csrf={csrf}"))),
        ("POST", "/analysis/lists/{id}/revise") => Some((form, format!("csrf={csrf}&note=matrix"))),
        ("POST", "/analysis/lists/{id}/approve") => {
            Some((form, format!("csrf={csrf}&order_no=49&order_date=2026-01-10")))
        }
        ("POST", "/analysis/lists/{id}/publish") => {
            Some((form, format!("csrf={csrf}&effective_from=2026-02-01")))
        }
        ("POST", "/coordination/lists/{id}/opinion") => Some((form, format!("csrf={csrf}&verdict=agree"))),
        ("POST", "/api/v1/eligibility/{programme}") => Some((json, PR_FACTS.into())),
        ("POST", "/eligibility/{programme}") => Some((form, format!("csrf={csrf}&{PR_FORM}"))),
        ("POST", "/analysis/simulate") => Some((
            "multipart/form-data; boundary=MATRIXBOUNDARY",
            format!(
                "--MATRIXBOUNDARY\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{csrf}\r\n\
                 --MATRIXBOUNDARY\r\nContent-Disposition: form-data; name=\"file\"; filename=\"draft.toml\"\r\n\
                 Content-Type: application/toml\r\n\r\n{}\r\n--MATRIXBOUNDARY--\r\n",
                include_str!("../../../data/policy/kz.toml")
            ),
        )),
        (m, p) => panic!("the role matrix has no sample request for {m} {p}: add one"),
    }
}

// ---------------------------------------------------------------------------------------------
// The list of professions in demand (`/api/v1/{occupations,imports,lists,published-lists}`):
// the small labour data set of `common::labour` (its forecast also the sample body of
// `POST /api/v1/imports/{source}`), lists in the state each route needs, the routes' concrete
// paths and their sample bodies.

/// Lists in the states the list routes need, each used by the one role allowed to change it.
struct ListsFixture {
    /// A draft, for `/send`.
    draft: i64,
    /// Sent (test-coordinator's akimat-kz-75 is a recipient), for `/opinions`.
    to_opine: i64,
    /// Sent, for `/revisions`.
    to_revise: i64,
    /// Sent, for `/approve`.
    to_approve: i64,
    /// Approved (order of 2025-12-20), for `/publish`.
    approved: i64,
    /// Published, in force from 2026-01-01: for reading.
    published: i64,
    /// The same states again for the analyst's and coordinator's pages.
    page_draft: i64,
    page_to_opine: i64,
    page_to_revise: i64,
    page_to_approve: i64,
    page_approved: i64,
}

impl ListsFixture {
    async fn new(h: &Harness) -> ListsFixture {
        use ashyq_store::{Actor, lists};
        use jiff::civil::Date;

        let actor = Actor::cli();
        labour::import(h, &actor, &OCCUPATIONS).await;
        let policy = ashyq_core::policy::Policy::kz().unwrap();
        let on = Date::constant(2026, 1, 1);
        let order_date = Date::constant(2025, 12, 20);
        let mut ids = Vec::new();
        for _ in 0..11 {
            ids.push(lists::draft_from_data(&h.db, &actor, &policy, 2025, on, "fixture").await.unwrap().id);
        }
        let [
            draft,
            to_opine,
            to_revise,
            to_approve,
            approved,
            published,
            page_draft,
            page_to_opine,
            page_to_revise,
            page_to_approve,
            page_approved,
        ] = ids[..]
        else {
            unreachable!()
        };
        for id in [
            to_opine,
            to_revise,
            to_approve,
            approved,
            published,
            page_to_opine,
            page_to_revise,
            page_to_approve,
            page_approved,
        ] {
            lists::send(&h.db, &actor, id).await.unwrap();
        }
        for id in [approved, published, page_approved] {
            lists::approve(&h.db, &actor, id, "fixture", order_date).await.unwrap();
        }
        lists::publish(&h.db, &actor, published, on).await.unwrap();
        ListsFixture {
            draft,
            to_opine,
            to_revise,
            to_approve,
            approved,
            published,
            page_draft,
            page_to_opine,
            page_to_revise,
            page_to_approve,
            page_approved,
        }
    }

    /// The concrete path (with its query) for a route of the list of professions in demand;
    /// none for other routes.
    fn concrete(&self, path: &str) -> Option<String> {
        let id = match path {
            "/api/v1/lists/{id}/send" => self.draft,
            "/api/v1/lists/{id}/opinions" => self.to_opine,
            "/api/v1/lists/{id}/revisions" => self.to_revise,
            "/api/v1/lists/{id}/approve" => self.to_approve,
            "/api/v1/lists/{id}/publish" => self.approved,
            "/api/v1/lists/{id}"
            | "/api/v1/lists/{id}/regions/{region}"
            | "/api/v1/published-lists/{id}"
            | "/api/v1/published-lists/{id}/entries/{code}"
            | "/lists/{id}"
            | "/lists/{id}/occupations/{code}"
            | "/analysis/lists/{id}"
            | "/coordination/lists/{id}" => self.published,
            "/lists/{id}/download/{format}" => {
                return Some(format!("/lists/{}/download/xlsx", self.published));
            }
            "/lists/diff" => return Some(format!("{path}?from={}&to={}", self.published, self.published)),
            "/analysis/lists/{id}/send" => self.page_draft,
            "/analysis/lists/{id}/revise" => self.page_to_revise,
            "/analysis/lists/{id}/approve" => self.page_to_approve,
            "/analysis/lists/{id}/publish" => self.page_approved,
            "/coordination/lists/{id}/opinion" => self.page_to_opine,
            "/api/v1/published-lists/diff" => {
                return Some(format!("{path}?from={}&to={}", self.published, self.published));
            }
            // A date the fixture's published list is in force, whatever the clock says.
            "/api/v1/published-lists/in-force" => return Some(format!("{path}?on=2026-01-01")),
            "/api/v1/occupations/{code}/on-list" => {
                return Some("/api/v1/occupations/2512/on-list?on=2026-01-01".into());
            }
            "/api/v1/imports/{source}" => {
                return Some("/api/v1/imports/forecast?file_name=matrix.csv".into());
            }
            p if p.starts_with("/api/v1/occupations/") => return Some(p.replace("{code}", "2512")),
            _ => return None,
        };
        Some(path.replace("{id}", &id.to_string()).replace("{region}", "KZ-75").replace("{code}", "2512"))
    }
}

/// A valid body for a POST route of the list of professions in demand: (content type, body).
fn lists_sample_body(spec: &RouteSpec) -> Option<(&'static str, String)> {
    let json = "application/json";
    let body = match (spec.method, spec.path) {
        ("POST", "/api/v1/imports/{source}") => {
            return Some(("text/csv", labour::forecast_csv(&OCCUPATIONS)));
        }
        ("POST", "/api/v1/lists") => r#"{"period":2025}"#,
        ("POST", "/api/v1/lists/{id}/send") => "",
        ("POST", "/api/v1/lists/{id}/opinions") => r#"{"verdict":"agree"}"#,
        ("POST", "/api/v1/lists/{id}/revisions") => r#"{"note":"matrix","changes":[]}"#,
        ("POST", "/api/v1/lists/{id}/approve") => r#"{"order_no":"49","order_date":"2026-01-10"}"#,
        ("POST", "/api/v1/lists/{id}/publish") => r#"{"effective_from":"2026-02-01"}"#,
        _ => return None,
    };
    Some((json, body.into()))
}

// ---------------------------------------------------------------------------------------------
// The register of movements (`/border`, `/register/…`, `/analysis/register…`,
// `/api/v1/crossings`, `/api/v1/register/…`): a person with three documents of one identity
// (two to split off, one per role), two persons to merge into them (one per role), and two
// merges made beforehand to undo (one per role).

struct RegisterFixture {
    main: i64,
    /// Persons the officer and the administrator merge into `main`.
    merge_officer: i64,
    merge_admin: i64,
    /// Documents of `main` the officer and the administrator split off.
    split_officer: i64,
    split_admin: i64,
    /// Merges the officer and the administrator undo.
    undo_officer: i64,
    undo_admin: i64,
}

const REGISTER_HEADER: &str = "event_id,kind,at,checkpoint,document_type,issuing_state,document_number,\
nationality,surname,given_names,birth_date,sex,expiry_date,reason";

/// A crossing as a body of `POST /api/v1/crossings`.
const CROSSINGS_BODY: &str = r#"{"crossings":[{"event_id":"matrix-1","kind":"entry","at":"2026-01-10T10:00:00+05:00","checkpoint":"ALA","document":{"document_type":"P","issuing_state":"UZB","document_number":"MX0000001","nationality":"UZB","surname":"MATRIX","given_names":"API","birth_date":"1990-01-01","sex":"M","expiry_date":"2035-01-01"}}]}"#;

impl RegisterFixture {
    async fn new(h: &Harness) -> RegisterFixture {
        use ashyq_store::register::{self, RegisterFile, merge, person};
        let actor = ashyq_store::Actor::cli();
        let person = |n: &str, surname: &str| format!("P,UZB,{n},UZB,{surname},ALI,1990-05-01,M,2035-01-01");
        let rows = [
            ("MAIN", "FA0000001", "KARIMOV"),
            ("SPLIT1", "FA0000002", "KARIMOV"),
            ("SPLIT2", "FA0000003", "KARIMOV"),
            ("MO", "FA0000004", "KARIMOFF"),
            ("MA", "FA0000005", "QARIMOV"),
            ("UO", "FA0000006", "KERIMOV"),
            ("UA", "FA0000007", "KARYMOV"),
        ];
        let mut text = format!("{REGISTER_HEADER}\n");
        for (i, (_, number, surname)) in rows.iter().enumerate() {
            text.push_str(&format!(
                "fx-{i},entry,2026-01-0{}T10:00:00+05:00,ALA,{},\n",
                i + 1,
                person(number, surname)
            ));
        }
        let policy = ashyq_core::policy::Policy::kz().unwrap();
        let input = ashyq_store::labour::Input::from_bytes(text.into_bytes());
        let r = register::import(
            &h.db,
            &actor,
            &policy,
            RegisterFile::Crossings,
            "fx.csv",
            input,
            &mut ashyq_store::labour::import::Quiet,
        )
        .await
        .unwrap();
        assert!(r.committed, "{:?}", r.errors);
        let id = |n: &'static str| async move {
            person::person_of_document(&h.db, "UZB", n).await.unwrap().unwrap()
        };
        let main = id("FA0000001").await;
        let doc = |n: &'static str| async move {
            person::load(&h.db, &policy_kz(), main, ashyq_store::today())
                .await
                .unwrap()
                .documents
                .iter()
                .find(|d| d.number == n)
                .unwrap()
                .id
        };
        let split_officer = doc("FA0000002").await;
        let split_admin = doc("FA0000003").await;
        let undo_officer =
            merge::merge(&h.db, &actor, main, id("FA0000006").await, "fixture merge").await.unwrap();
        let undo_admin =
            merge::merge(&h.db, &actor, main, id("FA0000007").await, "fixture merge").await.unwrap();
        RegisterFixture {
            main,
            merge_officer: id("FA0000004").await,
            merge_admin: id("FA0000005").await,
            split_officer,
            split_admin,
            undo_officer,
            undo_admin,
        }
    }

    fn concrete(&self, path: &str) -> Option<String> {
        match path {
            "/register/persons/{id}" | "/api/v1/register/persons/{id}" => {
                Some(path.replace("{id}", &self.main.to_string()))
            }
            p if p.starts_with("/register/persons/{id}/") => Some(p.replace("{id}", &self.main.to_string())),
            "/register/search" => Some("/register/search?q=KARIMOV".into()),
            _ => None,
        }
    }

    /// A valid body for a POST route of the register: (content type, body).
    fn sample_body(&self, spec: &RouteSpec, role: Role, csrf: &str) -> Option<(&'static str, String)> {
        let form = "application/x-www-form-urlencoded";
        let json = "application/json";
        let admin = role == Role::Admin;
        match (spec.method, spec.path) {
            ("POST", "/api/v1/crossings") => Some((json, CROSSINGS_BODY.into())),
            ("POST", "/api/v1/register/check") => {
                Some((json, r#"{"issuing_state":"UZB","document_number":"FA0000001"}"#.into()))
            }
            ("POST", "/border") => {
                Some((form, format!("csrf={csrf}&issuing_state=UZB&document_number=FA0000001")))
            }
            ("POST", "/register/persons/{id}/merge") => {
                let from = if admin { self.merge_admin } else { self.merge_officer };
                Some((form, format!("csrf={csrf}&from={from}&reason=same+person+new+passport")))
            }
            ("POST", "/register/persons/{id}/split") => {
                let doc = if admin { self.split_admin } else { self.split_officer };
                Some((form, format!("csrf={csrf}&document={doc}&reason=another+person")))
            }
            ("POST", "/register/persons/{id}/undo") => {
                let m = if admin { self.undo_admin } else { self.undo_officer };
                Some((form, format!("csrf={csrf}&merge={m}&reason=merged+by+mistake")))
            }
            _ => None,
        }
    }
}

fn policy_kz() -> ashyq_core::policy::Policy {
    ashyq_core::policy::Policy::kz().unwrap()
}

// ---------------------------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_route_answers_every_role_as_declared() {
    let h = Harness::new().await;
    // Disable/enable act on a bystander, so the test accounts stay usable.
    let victim = ashyq_store::users::create(
        &h.db,
        &ashyq_store::Actor::cli(),
        ashyq_store::users::NewUser {
            username: "bystander".into(),
            display_name: "Bystander".into(),
            role: Role::Applicant,
            region: None,
            password: PASSWORD.into(),
        },
    )
    .await
    .unwrap();
    let lists = ListsFixture::new(&h).await;
    let register = RegisterFixture::new(&h).await;
    let mut failures = Vec::new();
    let mut n = 0;
    for spec in ROUTES {
        for role in Role::ALL {
            n += 1;
            let path = register
                .concrete(spec.path)
                .or_else(|| lists.concrete(spec.path))
                .unwrap_or_else(|| concrete(spec.path, victim.id));
            let mut req = Request::builder().method(spec.method).uri(&path);
            // Pages are used with the session cookie, the API with bearer tokens.
            let csrf = if role == Role::Public {
                req = req.header("cookie", "ashyq_csrf=anon-token");
                "anon-token".to_string()
            } else if spec.kind == Kind::Api {
                req = req.header("authorization", format!("Bearer {}", h.bearer(role).await));
                String::new()
            } else {
                let (cookie, csrf) = h.session(role).await;
                req = req.header("cookie", cookie);
                csrf
            };
            let body =
                match register.sample_body(spec, role, &csrf).or_else(|| sample_body(spec, role, &csrf, n)) {
                    Some((ct, body)) => {
                        req = req.header("content-type", ct);
                        Body::from(body)
                    }
                    None => Body::empty(),
                };
            let reply = h.send(req.body(body).unwrap()).await;
            let expected = spec.expect_for(role);
            let ok = match (spec.kind, expected) {
                (Kind::Page, 401) => {
                    reply.status == 303 && reply.header("location").starts_with("/login?next=")
                }
                (Kind::Api, 401 | 403) => {
                    reply.status == expected
                        && reply.header("content-type").starts_with("application/problem+json")
                }
                _ => reply.status == expected,
            };
            if !ok {
                failures.push(format!(
                    "{} {} as {role}: expected {expected}, got {} {}",
                    spec.method,
                    spec.path,
                    reply.status,
                    &reply.body.chars().take(200).collect::<String>()
                ));
                continue;
            }
            // Every state-changing call that was allowed left an audit record with its request id.
            if spec.method == "POST" && spec.allows(role) && !READ_ONLY_POSTS.contains(&spec.path) {
                let request_id = reply.header("x-request-id").to_string();
                let log = audit::tail(&h.db, 50).await.unwrap();
                if !log.iter().any(|r| r.request_id == request_id) {
                    failures.push(format!(
                        "{} {} as {role}: no audit record for request {request_id}",
                        spec.method, spec.path
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{} of {n} calls went wrong:\n{}", failures.len(), failures.join("\n"));
    assert_eq!(n, ROUTES.len() * Role::ALL.len());
}

#[tokio::test]
async fn forms_without_the_csrf_token_are_refused() {
    let h = Harness::new().await;
    for spec in ROUTES.iter().filter(|s| s.kind == Kind::Page && s.method == "POST") {
        // As a role the route lets in, so that the token check (not the role check) refuses.
        let role =
            Role::ALL.into_iter().find(|r| *r != Role::Public && spec.allows(*r)).unwrap_or(Role::Admin);
        let (cookie, _) = h.session(role).await;
        for (content_type, token) in [
            ("application/x-www-form-urlencoded", ""),
            ("application/x-www-form-urlencoded", "csrf=forged"),
            (
                "multipart/form-data; boundary=B",
                "--B\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\nforged\r\n--B--\r\n",
            ),
        ] {
            let req = Request::post(concrete(spec.path, h.user(Role::Applicant).id))
                .header("cookie", &cookie)
                .header("content-type", content_type)
                .body(Body::from(token))
                .unwrap();
            let reply = h.send(req).await;
            assert_eq!(reply.status, 403, "{} as {role} with {token:?}: {}", spec.path, reply.body);
            assert!(reply.body.contains("id=\"error-text\""), "an error page is shown");
        }
    }
    // The anonymous login form checks the double-submit cookie.
    let req = Request::post("/login")
        .header("cookie", "ashyq_csrf=one")
        .header("content-type", "application/x-www-form-urlencoded")
        .body(Body::from("csrf=two&username=test-admin&password=x"))
        .unwrap();
    assert_eq!(h.send(req).await.status, 403);
}

#[tokio::test]
async fn api_calls_with_the_session_cookie_need_the_csrf_header() {
    let h = Harness::new().await;
    let (cookie, csrf) = h.session(Role::Analyst).await;
    let call = |token: Option<&str>| {
        let mut req = Request::post("/api/v1/me/tokens")
            .header("cookie", &cookie)
            .header("content-type", "application/json");
        if let Some(t) = token {
            req = req.header("x-csrf-token", t);
        }
        req.body(Body::from(r#"{"name":"x"}"#)).unwrap()
    };
    let p = h.send(call(None)).await.problem(403);
    assert_eq!(p["code"], "csrf");
    h.send(call(Some("wrong"))).await.problem(403);
    assert_eq!(h.send(call(Some(&csrf))).await.status, 201);
    // Reading needs no token.
    let req = Request::get("/api/v1/me").header("cookie", &cookie).body(Body::empty()).unwrap();
    assert_eq!(h.send(req).await.status, 200);
}

#[tokio::test]
async fn an_administrator_cannot_disable_their_own_account() {
    let h = Harness::new().await;
    let me = h.user(Role::Admin).id;
    let token = h.bearer(Role::Admin).await;
    let req = Request::post(format!("/api/v1/users/{me}/disable"))
        .header("authorization", format!("Bearer {token}"))
        .body(Body::empty())
        .unwrap();
    assert_eq!(h.send(req).await.problem(409)["code"], "conflict");
    let (cookie, csrf) = h.session(Role::Admin).await;
    let req = Request::post(format!("/admin/users/{me}/disable"))
        .header("cookie", cookie)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(Body::from(format!("csrf={csrf}")))
        .unwrap();
    assert_eq!(h.send(req).await.status, 409);
    assert!(!ashyq_store::users::get(&h.db, me).await.unwrap().disabled);
}

#[tokio::test]
async fn reading_a_persons_record_is_audited() {
    let h = Harness::new().await;
    let token = h.bearer(Role::Admin).await;
    let target = h.user(Role::Officer).id;
    let req = Request::get(format!("/api/v1/users/{target}"))
        .header("authorization", format!("Bearer {token}"))
        .body(Body::empty())
        .unwrap();
    let reply = h.send(req).await;
    assert_eq!(reply.status, 200);
    assert_eq!(reply.json()["region"], "KZ-75");
    let reads = audit::for_object(&h.db, "user", &target.to_string()).await.unwrap();
    let read = reads.iter().find(|r| r.action == "user.read").expect("the read was audited");
    assert_eq!((read.actor.as_str(), read.role.as_str()), ("test-admin", "admin"));
    assert_eq!(read.request_id, reply.header("x-request-id"));
}

#[tokio::test]
async fn login_sets_a_hardened_cookie_and_is_rate_limited() {
    let h = Harness::new().await;
    let login = |password: &str| {
        Request::post("/login")
            .header("cookie", "ashyq_csrf=t")
            .header("content-type", "application/x-www-form-urlencoded")
            .body(Body::from(format!("csrf=t&username=test-border&password={}", password.replace(' ', "+"))))
            .unwrap()
    };
    let ok = h.send(login(PASSWORD)).await;
    assert_eq!(ok.status, 303);
    let cookie = ok
        .headers
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("ashyq_session="))
        .unwrap();
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"), "{cookie}");
    for _ in 0..ashyq_store::throttle::MAX_PER_USERNAME {
        let bad = h.send(login("wrong password here")).await;
        assert_eq!(bad.status, 401);
        assert!(bad.body.contains("login-error"));
    }
    let limited = h.send(login(PASSWORD)).await;
    assert_eq!(limited.status, 429);
    assert!(limited.header("retry-after").parse::<i64>().unwrap() > 0);
}

#[tokio::test]
async fn cookies_are_secure_when_configured() {
    let h = Harness::new().await;
    let config = ashyq_server::ServerConfig { secure_cookies: true, ..Default::default() };
    let state = ashyq_server::AppState::new(h.db.clone(), config).unwrap();
    let app = ashyq_server::app(state);
    let res =
        tower::ServiceExt::oneshot(app, Request::get("/login").body(Body::empty()).unwrap()).await.unwrap();
    let set = res.headers().get("set-cookie").and_then(|v| v.to_str().ok()).unwrap_or_default().to_string();
    assert!(set.starts_with("ashyq_csrf=") && set.contains("Secure"), "{set}");
}

#[tokio::test]
async fn the_openapi_document_describes_every_api_route() {
    let h = Harness::new().await;
    let reply = h.send(Request::get("/api/v1/openapi.json").body(Body::empty()).unwrap()).await;
    let doc = reply.json();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"), "{}", doc["openapi"]);
    for spec in ROUTES.iter().filter(|s| s.path.starts_with("/api/v1/") && s.path != "/api/v1/openapi.json") {
        let op = &doc["paths"][spec.path][spec.method.to_lowercase()];
        assert!(op.is_object(), "{} {} is not in the OpenAPI document", spec.method, spec.path);
    }
    assert!(doc["components"]["schemas"]["Problem"].is_object());
}
