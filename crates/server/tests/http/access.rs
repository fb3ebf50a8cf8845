//! The role matrix: every route in `ROUTES` is called as every role, and must answer exactly the
//! status the table declares. Also: CSRF on forms and on cookie-authenticated API calls, and an
//! audit record for every state-changing call.

use crate::common;

use ashyq_core::Role;
use ashyq_core::cases::evidence_file::sample_pdf;
use ashyq_server::routes::{Kind, ROUTES, RouteSpec};
use ashyq_store::audit;
use axum::body::Body;
use axum::http::Request;
use common::labour::{self, OCCUPATIONS};
use common::{Harness, PASSWORD};

/// A well-formed PDF as text (it is all ASCII), for multipart bodies.
fn pdf_text(text: &str) -> String {
    String::from_utf8(sample_pdf(text)).expect("an ASCII PDF")
}

/// The concrete path for a route pattern.
fn concrete(path: &str, victim: i64) -> String {
    path.replace("{id}", &victim.to_string())
        .replace("{code}", "ru")
        .replace("{file}", "ashyq.css")
        .replace("{*rest}", "swagger-initializer.js")
        .replace("{programme}", "permanent-residence")
        .replace("{year}", "2031")
        .replace("{list}", "overstayers")
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
        ("POST", "/signup") => Some((
            form,
            format!(
                "csrf={csrf}&username=matrix-signup-{n}&display_name=Matrix&email=matrix-{n}%40example.kz&password=a+long+enough+password&repeat=a+long+enough+password"
            ),
        )),
        (
            "POST",
            "/logout"
            | "/admin/users/{id}/disable"
            | "/admin/users/{id}/enable"
            | "/account/contact/verification",
        ) => Some((form, format!("csrf={csrf}"))),
        ("POST", "/account/contact") => {
            Some((form, format!("csrf={csrf}&email=matrix-{n}%40example.kz&phone=&language=ru")))
        }
        ("POST", "/password/forgot") => Some((form, format!("csrf={csrf}&login={login_as}"))),
        // No live link: the token is the credential, and the matrix holds none.
        ("POST", "/password/reset") => Some((
            form,
            format!(
                "csrf={csrf}&token=not-a-live-link&new=a+long+enough+password&repeat=a+long+enough+password"
            ),
        )),
        ("POST", "/api/v1/me/contact") => Some((json, format!(r#"{{"email":"matrix-api-{n}@example.kz"}}"#))),
        ("POST", "/api/v1/me/contact/verification") => Some((json, String::new())),
        ("POST", "/api/v1/email-verification") => Some((json, r#"{"token":"not-a-live-link"}"#.into())),
        ("POST", "/api/v1/password-reset/request") => Some((json, format!(r#"{{"login":"{login_as}"}}"#))),
        ("POST", "/api/v1/password-reset") => {
            Some((json, r#"{"token":"not-a-live-link","new_password":"a long enough password"}"#.into()))
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
        ("POST", "/api/v1/signup") => Some((
            json,
            format!(
                r#"{{"username":"matrix-signup-api-{n}","display_name":"Matrix","email":"matrix-{n}@example.kz","password":"a long enough password"}}"#
            ),
        )),
        ("POST", "/api/v1/users/{id}/disable" | "/api/v1/users/{id}/enable") => Some((json, String::new())),
        // The bystander changes role each time (an unchanged role writes no record).
        ("POST", "/admin/users/{id}/role") => Some((form, format!("csrf={csrf}&role=analyst&region="))),
        ("POST", "/api/v1/users/{id}/role") => Some((json, r#"{"role":"border"}"#.into())),
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
        ("POST", "/analysis/lists") => Some((form, format!("csrf={csrf}&period=2025&note=matrix&force=1"))),
        ("POST", "/analysis/imports/{id}/confirm" | "/analysis/imports/{id}/cancel") => {
            Some((form, format!("csrf={csrf}")))
        }
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
                include_str!("../../../../data/policy/kz.toml")
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
    /// Previews of an upload by test-analyst: to read, to confirm and to cancel (API, page).
    preview: i64,
    api_confirm: i64,
    api_cancel: i64,
    page_confirm: i64,
    page_cancel: i64,
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
        let analyst = h.user(ashyq_core::Role::Analyst);
        let by = Actor {
            user_id: Some(analyst.id),
            username: analyst.username.clone(),
            role: ashyq_core::Role::Analyst,
            request_id: "fixture".into(),
        };
        let mut previews = Vec::new();
        for _ in 0..5 {
            use ashyq_store::labour::preview::{self, Previewed};
            let request = ashyq_store::labour::ImportRequest {
                source: ashyq_core::labour::records::Source::Forecast,
                file_name: "matrix.csv".into(),
                skip_invalid: false,
            };
            let input =
                ashyq_store::pipeline::Input::from_bytes(labour::forecast_csv(&OCCUPATIONS).into_bytes());
            match preview::preview(&h.db, &by, &request, input, jiff::Timestamp::now()).await.unwrap() {
                Previewed::Staged(p) => previews.push(p.id),
                other => panic!("{other:?}"),
            }
        }
        let [preview, api_confirm, api_cancel, page_confirm, page_cancel] = previews[..] else {
            unreachable!()
        };
        ListsFixture {
            preview,
            api_confirm,
            api_cancel,
            page_confirm,
            page_cancel,
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
            "/lists/{id}/on-list/{format}" => {
                return Some(format!("/lists/{}/on-list/xlsx", self.published));
            }
            "/lists/diff" => return Some(format!("{path}?from={}&to={}", self.published, self.published)),
            "/analysis/lists/{id}/send" => self.page_draft,
            "/analysis/lists/{id}/revise" => self.page_to_revise,
            "/analysis/lists/{id}/approve" => self.page_to_approve,
            "/analysis/lists/{id}/publish" => self.page_approved,
            "/coordination/lists/{id}/opinion" => self.page_to_opine,
            "/api/v1/imports/previews/{id}" | "/analysis/imports/{id}" => self.preview,
            "/api/v1/imports/previews/{id}/confirm" => self.api_confirm,
            "/api/v1/imports/previews/{id}/cancel" => self.api_cancel,
            "/analysis/imports/{id}/confirm" => self.page_confirm,
            "/analysis/imports/{id}/cancel" => self.page_cancel,
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
            "/api/v1/imports/{source}/preview" => {
                return Some("/api/v1/imports/forecast/preview?file_name=matrix.csv".into());
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
        ("POST", "/api/v1/imports/{source}" | "/api/v1/imports/{source}/preview") => {
            return Some(("text/csv", labour::forecast_csv(&OCCUPATIONS)));
        }
        ("POST", "/api/v1/lists") => r#"{"period":2025,"force":true}"#,
        ("POST", "/api/v1/imports/previews/{id}/confirm" | "/api/v1/imports/previews/{id}/cancel") => "",
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
        let input = ashyq_store::pipeline::Input::from_bytes(text.into_bytes());
        let r = register::import(
            &h.db,
            &actor,
            &policy,
            RegisterFile::Crossings,
            "fx.csv",
            input,
            &mut ashyq_store::pipeline::Quiet,
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
// The case workflow's API (`/api/v1/cases…`, `/api/v1/permits…`, `/api/v1/quotas`,
// `/api/v1/rounds…`): cases of test-applicant in KZ-75 in the state each move needs, permits
// to read, renew, cancel and report on, and a round to read. The applicant's moves are made by
// the applicant, the officers' by test-officer (whose region is KZ-75); the four-eyes cases
// were approved by the operator (`cli`), so test-officer may confirm or return them.

struct CasesFixture {
    /// Submitted, with one piece of evidence: read, messages.
    shown: i64,
    evidence: i64,
    draft_evidence: i64,
    draft_submit: i64,
    draft_withdraw: i64,
    info_requested: i64,
    to_decide: i64,
    to_confirm: i64,
    to_return: i64,
    permit: i64,
    permit_renew: i64,
    renew_until: String,
    permit_cancel: i64,
    /// A valuable-skills permit from 2026-03-15, whose first reporting period has ended.
    permit_report: i64,
    round: i64,
}

/// A test holder with their own passport.
/// The holder of a fixture case, with the birth date and passport expiry its facts give
/// (the store refuses facts that speak of another passport).
fn case_holder(passport: &str, facts: &str) -> ashyq_core::cases::Holder {
    let facts: serde_json::Value = serde_json::from_str(facts).unwrap();
    let date = |key: &str| {
        let v = facts.get(key).or_else(|| facts.pointer(&format!("/applicant/{key}")));
        v.and_then(|v| v.as_str()).unwrap().parse().unwrap()
    };
    ashyq_core::cases::Holder {
        surname: "MATRIX".into(),
        given_names: "CASE".into(),
        birth_date: date("birth_date"),
        sex: "F".into(),
        nationality: "GBR".into(),
        passport_number: passport.into(),
        passport_expiry: date("passport_expiry"),
    }
}

/// The valuable-skills facts of a software developer the rules find eligible.
const VS_FACTS: &str = r#"{"birth_date":"1990-01-01","passport_expiry":"2040-01-01","occupation":"2512","education":"doctorate","experience_years":10,"languages":[{"language":"en","level":"C2"}],"publications":3,"patents":1,"awards":0,"job_offer":true,"training_plan":{"trainees_per_year":5},"criminal_record":false}"#;

impl CasesFixture {
    async fn new(h: &Harness) -> CasesFixture {
        use ashyq_store::cases::{Viewer, evaluate, evidence, moves, rounds};
        use ashyq_store::{Actor, today};
        use jiff::civil::Date;

        let policy = policy_kz();
        let lists = ashyq_store::lists::published_lists(&h.db).await.unwrap();
        let rates = ashyq_store::rates::table(&h.db).await.unwrap();
        let ctx = ashyq_core::rules::Context { policy: &policy, lists: &lists, rates: &rates };
        let me = h.user(Role::Applicant).id;
        let applicant = Viewer::Applicant(me);
        let officer = Viewer::Officer(None);
        let actor = Actor::cli();
        let pr = ashyq_core::rules::Programme::PermanentResidence;
        let vs = ashyq_core::rules::Programme::ValuableSkillsVisa;
        let mut n = 0;
        let mut open = |programme, facts: &str, on: Date| {
            n += 1;
            let facts: serde_json::Value = serde_json::from_str(facts).unwrap();
            let e = evaluate::run(&ctx, programme, &facts, on).unwrap();
            let new = moves::NewCase {
                reference: format!("fixture-{n}"),
                programme,
                region: "KZ-75".into(),
                holder: case_holder(&format!("FXC{n:06}"), &facts.to_string()),
                facts,
            };
            (new, e)
        };
        let t = today();
        let mut made = Vec::new();
        for (programme, facts, on) in [
            (pr, PR_FACTS, t),                           // shown
            (pr, PR_FACTS, t),                           // draft_evidence
            (pr, PR_FACTS, t),                           // draft_submit
            (pr, PR_FACTS, t),                           // draft_withdraw
            (pr, PR_FACTS, t),                           // info_requested
            (pr, PR_FACTS, t),                           // to_decide
            (pr, PR_FACTS, t),                           // to_confirm
            (pr, PR_FACTS, t),                           // to_return
            (pr, PR_FACTS, t),                           // permit
            (pr, PR_FACTS, t),                           // permit_renew
            (pr, PR_FACTS, t),                           // permit_cancel
            (vs, VS_FACTS, Date::constant(2026, 3, 15)), // permit_report
        ] {
            made.push(open(programme, facts, on));
        }
        let mut ids = Vec::new();
        for (new, e) in &made {
            ids.push(moves::create(&h.db, &actor, me, new, e).await.unwrap().0);
        }
        let [
            shown,
            draft_evidence,
            draft_submit,
            draft_withdraw,
            info_requested,
            to_decide,
            to_confirm,
            to_return,
            permit,
            permit_renew,
            permit_cancel,
            permit_report,
        ] = ids[..]
        else {
            unreachable!()
        };
        let described =
            ashyq_core::cases::evidence::describe("passport", "FXC1", "UK", Date::constant(2020, 1, 1), t)
                .unwrap();
        let (meta, _) = evidence::add(
            &h.db,
            &actor,
            &applicant,
            shown,
            &described,
            "passport.pdf",
            sample_pdf("fixture"),
            1 << 20,
        )
        .await
        .unwrap();
        for (i, id) in ids.iter().enumerate() {
            if ![1, 2, 3].contains(&i) {
                moves::submit(&h.db, &actor, &applicant, *id, &made[i].1).await.unwrap();
            }
        }
        let decide = |id: i64, action, i: usize, on: Date| {
            let e = made[i].1.clone();
            let policy = policy.clone();
            async move {
                moves::decide(
                    &h.db,
                    &actor_cli(),
                    &Viewer::Officer(None),
                    &policy,
                    id,
                    action,
                    "fixture decision",
                    &e,
                    on,
                )
                .await
                .unwrap()
            }
        };
        use ashyq_core::cases::decision::OfficerAction::{Approve, RequestInfo};
        decide(info_requested, RequestInfo, 4, t).await;
        for (id, i) in [(to_confirm, 6), (to_return, 7), (permit, 8), (permit_renew, 9), (permit_cancel, 10)]
        {
            decide(id, Approve, i, t).await;
        }
        for (id, i) in [(permit, 8), (permit_renew, 9), (permit_cancel, 10)] {
            let second = Actor { username: "fixture-second".into(), ..Actor::cli() };
            moves::confirm(&h.db, &second, &officer, &policy, id, "", &made[i].1, t).await.unwrap();
        }
        let (round, _) =
            rounds::hold(&h.db, &actor, &policy, "fixture-round", Some(1), None, t).await.unwrap();
        assert_eq!(
            round.invitations.first().map(|i| i.case_id),
            Some(permit_report),
            "the fixture is invited"
        );
        decide(permit_report, Approve, 11, Date::constant(2026, 3, 15)).await;
        let permit_of = |case: i64| async move {
            ashyq_store::cases::read::get(&h.db, &actor_cli(), &Viewer::Admin, case)
                .await
                .unwrap()
                .permit_id
                .unwrap()
        };
        let permit_renew = permit_of(permit_renew).await;
        let until: Date = ashyq_store::cases::permits::get(&h.db, &actor_cli(), &Viewer::Admin, permit_renew)
            .await
            .unwrap()
            .valid_until;
        CasesFixture {
            shown,
            evidence: meta.id,
            draft_evidence,
            draft_submit,
            draft_withdraw,
            info_requested,
            to_decide,
            to_confirm,
            to_return,
            permit: permit_of(permit).await,
            permit_renew,
            renew_until: until.tomorrow().unwrap().to_string(),
            permit_cancel: permit_of(permit_cancel).await,
            permit_report: permit_of(permit_report).await,
            round: round.id,
        }
    }

    fn concrete(&self, path: &str) -> Option<String> {
        let id = match path {
            "/api/v1/cases/{id}" | "/api/v1/cases/{id}/messages" => self.shown,
            "/api/v1/cases/{id}/evidence/{evidence_id}" => {
                return Some(format!("/api/v1/cases/{}/evidence/{}", self.shown, self.evidence));
            }
            "/api/v1/cases/{id}/evidence" => self.draft_evidence,
            "/api/v1/cases/{id}/submit" => self.draft_submit,
            "/api/v1/cases/{id}/withdraw" => self.draft_withdraw,
            "/api/v1/cases/{id}/reply" => self.info_requested,
            "/api/v1/cases/{id}/decision" => self.to_decide,
            "/api/v1/cases/{id}/confirm" => self.to_confirm,
            "/api/v1/cases/{id}/return" => self.to_return,
            "/api/v1/permits/{id}" => self.permit,
            "/api/v1/permits/{id}/renew" => self.permit_renew,
            "/api/v1/permits/{id}/cancel" => self.permit_cancel,
            "/api/v1/permits/{id}/reports" => self.permit_report,
            "/api/v1/permits/{id}/solvency" => self.permit,
            "/api/v1/rounds/{id}" => self.round,
            _ => return None,
        };
        Some(path.replace("{id}", &id.to_string()))
    }

    /// A valid body for a POST route of the case workflow: (content type, body).
    fn sample_body(&self, spec: &RouteSpec, n: usize) -> Option<(&'static str, String)> {
        let json = "application/json";
        let body = match (spec.method, spec.path) {
            ("POST", "/api/v1/cases") => format!(
                r#"{{"reference":"matrix-{n}","programme":"permanent-residence","region":"KZ-75","holder":{},"facts":{PR_FACTS}}}"#,
                serde_json::to_string(&case_holder("MX1", PR_FACTS)).unwrap()
            ),
            ("POST", "/api/v1/cases/{id}/evidence") => {
                return Some((
                    "multipart/form-data; boundary=MATRIXBOUNDARY",
                    format!(
                        "--MATRIXBOUNDARY\r\nContent-Disposition: form-data; name=\"document_type\"\r\n\r\npassport\r\n\
                         --MATRIXBOUNDARY\r\nContent-Disposition: form-data; name=\"number\"\r\n\r\nMX1\r\n\
                         --MATRIXBOUNDARY\r\nContent-Disposition: form-data; name=\"issuer\"\r\n\r\nUK\r\n\
                         --MATRIXBOUNDARY\r\nContent-Disposition: form-data; name=\"issued_on\"\r\n\r\n2020-01-01\r\n\
                         --MATRIXBOUNDARY\r\nContent-Disposition: form-data; name=\"file\"; filename=\"p.pdf\"\r\n\
                         Content-Type: application/pdf\r\n\r\n{pdf}\r\n--MATRIXBOUNDARY--\r\n",
                        pdf = pdf_text(&format!("matrix {n}")),
                    ),
                ));
            }
            ("POST", "/api/v1/cases/{id}/submit") => "{}".into(),
            ("POST", "/api/v1/cases/{id}/withdraw") => r#"{"reason":"matrix"}"#.into(),
            ("POST", "/api/v1/cases/{id}/reply" | "/api/v1/cases/{id}/messages") => {
                r#"{"message":"matrix message"}"#.into()
            }
            ("POST", "/api/v1/cases/{id}/decision") => {
                r#"{"action":"request_info","reason":"matrix: send the contract"}"#.into()
            }
            ("POST", "/api/v1/cases/{id}/confirm") => r#"{"note":"matrix"}"#.into(),
            ("POST", "/api/v1/cases/{id}/return") => r#"{"reason":"matrix: check the housing"}"#.into(),
            ("POST", "/api/v1/permits/{id}/renew") => {
                format!(r#"{{"valid_until":"{}","reason":"matrix"}}"#, self.renew_until)
            }
            ("POST", "/api/v1/permits/{id}/cancel") => {
                r#"{"ground":"holder_request","reason":"matrix"}"#.into()
            }
            ("POST", "/api/v1/permits/{id}/reports") => {
                r#"{"period":1,"trainees":3,"summary":"matrix report"}"#.into()
            }
            ("POST", "/api/v1/permits/{id}/solvency") => format!(
                r#"{{"amount_kzt":"6000000.00","kazakh_bank":true,"certified_on":"{}"}}"#,
                ashyq_store::today()
            ),
            ("POST", "/api/v1/quotas") => r#"{"programme":"investor-visa","year":2026,"places":50}"#.into(),
            ("POST", "/api/v1/rounds") => format!(r#"{{"reference":"matrix-round-{n}","size":1}}"#),
            _ => return None,
        };
        Some((json, body))
    }
}

fn actor_cli() -> ashyq_store::Actor {
    ashyq_store::Actor::cli()
}

// ---------------------------------------------------------------------------------------------
// The applicant's pages (`/applications…`): test-applicant's own cases in the state each move
// needs (drafts, one with a file, one the officer asked more of) and a valuable-skills permit
// issued 400 days ago, whose first training-report period has ended. Made after the API's
// fixture, so that its invitation round is not disturbed.

struct ApplicationsFixture {
    /// A draft with one file: the page, the download, a message.
    shown: i64,
    evidence: i64,
    draft_evidence: i64,
    draft_submit: i64,
    draft_withdraw: i64,
    info_requested: i64,
    /// The case of the valuable-skills permit.
    permit_case: i64,
    /// The case of a live permanent-residence permit (confirmations of solvency).
    pr_permit_case: i64,
}

impl ApplicationsFixture {
    async fn new(h: &Harness) -> ApplicationsFixture {
        use ashyq_core::rules::{Outcome, Programme};
        use ashyq_store::cases::{Evaluated, Viewer, evaluate, evidence, moves, rounds};
        use jiff::ToSpan;

        let policy = policy_kz();
        let (lists, rates) = (
            ashyq_core::labour::published::PublishedLists::default(),
            ashyq_core::rates::RateTable::new([]).unwrap(),
        );
        let ctx = ashyq_core::rules::Context { policy: &policy, lists: &lists, rates: &rates };
        let me = h.user(Role::Applicant).id;
        let mine = Viewer::Applicant(me);
        let actor = ashyq_store::Actor::cli();
        let t = ashyq_store::today();
        let facts: serde_json::Value = serde_json::from_str(PR_FACTS).unwrap();
        let e = evaluate::run(&ctx, Programme::PermanentResidence, &facts, t).unwrap();
        let mut ids = Vec::new();
        for n in 0..5 {
            let new = moves::NewCase {
                reference: format!("app-fixture-{n}"),
                programme: Programme::PermanentResidence,
                region: "KZ-75".into(),
                holder: case_holder(&format!("APF{n:06}"), PR_FACTS),
                facts: facts.clone(),
            };
            ids.push(moves::create(&h.db, &actor, me, &new, &e).await.unwrap().0);
        }
        let [shown, draft_evidence, draft_submit, draft_withdraw, info_requested] = ids[..] else {
            unreachable!()
        };
        let described = ashyq_core::cases::evidence::describe(
            "passport",
            "APF1",
            "UK",
            jiff::civil::Date::constant(2020, 1, 1),
            t,
        )
        .unwrap();
        let (meta, _) = evidence::add(
            &h.db,
            &actor,
            &mine,
            shown,
            &described,
            "passport.pdf",
            sample_pdf("fixture"),
            1 << 20,
        )
        .await
        .unwrap();
        moves::submit(&h.db, &actor, &mine, info_requested, &e).await.unwrap();
        let officer = Viewer::Officer(None);
        use ashyq_core::cases::decision::OfficerAction::{Approve, RequestInfo};
        moves::decide(&h.db, &actor, &officer, &policy, info_requested, RequestInfo, "fixture: more", &e, t)
            .await
            .unwrap();
        // A permanent-residence permit issued today: approved, then confirmed by a second officer.
        let new = moves::NewCase {
            reference: "app-fixture-pr".into(),
            programme: Programme::PermanentResidence,
            region: "KZ-75".into(),
            holder: case_holder("APFPR0001", PR_FACTS),
            facts: facts.clone(),
        };
        let (pr_permit_case, _) = moves::create(&h.db, &actor, me, &new, &e).await.unwrap();
        moves::submit(&h.db, &actor, &mine, pr_permit_case, &e).await.unwrap();
        moves::decide(&h.db, &actor, &officer, &policy, pr_permit_case, Approve, "fixture", &e, t)
            .await
            .unwrap();
        let second = ashyq_store::Actor { username: "fixture-second".into(), ..ashyq_store::Actor::cli() };
        moves::confirm(&h.db, &second, &officer, &policy, pr_permit_case, "", &e, t).await.unwrap();
        // A valuable-skills permit issued 400 days ago.
        let issued_on = t - 400.days();
        let vs = Evaluated {
            applied_on: issued_on,
            outcome: Outcome::Eligible,
            decision: serde_json::json!({ "outcome": "eligible" }),
            policy_edition: "fixture".into(),
            validity: Some((issued_on, issued_on + 10.years())),
            points: Some(99),
            sector: None,
        };
        let new = moves::NewCase {
            reference: "app-fixture-vs".into(),
            programme: Programme::ValuableSkillsVisa,
            region: "KZ-75".into(),
            holder: case_holder("APFVS0001", VS_FACTS),
            facts: serde_json::from_str(VS_FACTS).unwrap(),
        };
        let (permit_case, _) = moves::create(&h.db, &actor, me, &new, &vs).await.unwrap();
        moves::submit(&h.db, &actor, &mine, permit_case, &vs).await.unwrap();
        let (round, _) = rounds::hold(&h.db, &actor, &policy, "app-fixture-round", Some(1), None, issued_on)
            .await
            .unwrap();
        assert_eq!(round.invitations.first().map(|i| i.case_id), Some(permit_case));
        moves::decide(&h.db, &actor, &officer, &policy, permit_case, Approve, "fixture", &vs, issued_on)
            .await
            .unwrap();
        ApplicationsFixture {
            shown,
            evidence: meta.id,
            draft_evidence,
            draft_submit,
            draft_withdraw,
            info_requested,
            permit_case,
            pr_permit_case,
        }
    }

    fn concrete(&self, path: &str) -> Option<String> {
        let id = match path {
            "/applications/{id}" | "/applications/{id}/message" => self.shown,
            "/applications/{id}/evidence/{evidence_id}" => {
                return Some(format!("/applications/{}/evidence/{}", self.shown, self.evidence));
            }
            "/applications/{id}/evidence" => self.draft_evidence,
            "/applications/{id}/submit" => self.draft_submit,
            "/applications/{id}/withdraw" => self.draft_withdraw,
            "/applications/{id}/reply" => self.info_requested,
            "/applications/{id}/reports" => self.permit_case,
            "/applications/{id}/solvency" => self.pr_permit_case,
            _ => return None,
        };
        Some(path.replace("{id}", &id.to_string()))
    }

    /// A valid body for a POST route of the applicant's pages: (content type, body).
    fn sample_body(spec: &RouteSpec, csrf: &str, n: usize) -> Option<(&'static str, String)> {
        let form = "application/x-www-form-urlencoded";
        let body = match (spec.method, spec.path) {
            ("POST", "/applications/new/{programme}") => format!(
                "csrf={csrf}&token=matrixtoken{n:010}&holder.surname=Matrix&holder.given_names=Page\
                 &holder.birth_date=1990-05-01&holder.sex=F&holder.nationality=GBR&holder.passport_number=MXP{n}\
                 &holder.passport_expiry=2040-01-01&region=KZ-75&applicant.ethnic_kazakh=yes\
                 &housing.provided_by_contract=yes"
            ),
            ("POST", "/applications/{id}/evidence") => {
                return Some((
                    "multipart/form-data; boundary=MATRIXBOUNDARY",
                    format!(
                        "--MATRIXBOUNDARY\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{csrf}\r\n\
                         --MATRIXBOUNDARY\r\nContent-Disposition: form-data; name=\"document_type\"\r\n\r\npassport\r\n\
                         --MATRIXBOUNDARY\r\nContent-Disposition: form-data; name=\"number\"\r\n\r\nMX1\r\n\
                         --MATRIXBOUNDARY\r\nContent-Disposition: form-data; name=\"issuer\"\r\n\r\nUK\r\n\
                         --MATRIXBOUNDARY\r\nContent-Disposition: form-data; name=\"issued_on\"\r\n\r\n2020-01-01\r\n\
                         --MATRIXBOUNDARY\r\nContent-Disposition: form-data; name=\"file\"; filename=\"p.pdf\"\r\n\
                         Content-Type: application/pdf\r\n\r\n{pdf}\r\n--MATRIXBOUNDARY--\r\n",
                        pdf = pdf_text(&format!("matrix page {n}")),
                    ),
                ));
            }
            ("POST", "/applications/{id}/submit") => format!("csrf={csrf}"),
            ("POST", "/applications/{id}/withdraw") => format!("csrf={csrf}&reason=matrix"),
            ("POST", "/applications/{id}/reply" | "/applications/{id}/message") => {
                format!("csrf={csrf}&message=matrix+message")
            }
            ("POST", "/applications/{id}/reports") => {
                format!("csrf={csrf}&period=1&trainees=3&summary=matrix+report")
            }
            ("POST", "/applications/{id}/solvency") => format!(
                "csrf={csrf}&amount_kzt=6000000&kazakh_bank=yes&certified_on={}",
                ashyq_store::today()
            ),
            _ => return None,
        };
        Some((form, body))
    }
}

// ---------------------------------------------------------------------------------------------
// The officers' pages of the case workflow (`/cases…`, `/permits…`, `/rounds…`): cases of
// test-applicant in KZ-75 of their own (the API's fixture above is used up by the API's calls),
// in the state each form needs; permits to renew (by the officer, then the administrator, each
// later) and to cancel (one per role); a round to read.

struct OfficerPagesFixture {
    /// Submitted, with one piece of evidence: read, download, messages.
    shown: i64,
    evidence: i64,
    to_decide: i64,
    to_confirm: i64,
    to_return: i64,
    permit_renew: i64,
    renew_until: jiff::civil::Date,
    cancel_officer: i64,
    cancel_admin: i64,
    round: i64,
}

impl OfficerPagesFixture {
    async fn new(h: &Harness) -> OfficerPagesFixture {
        use ashyq_core::cases::decision::OfficerAction;
        use ashyq_store::cases::{Viewer, evidence, moves, permits, read, rounds};
        use ashyq_store::{Actor, today};
        let t = today();
        let policy = policy_kz();
        let me = h.user(Role::Applicant).clone();
        let applicant = Viewer::Applicant(me.id);
        let as_applicant = Actor {
            user_id: Some(me.id),
            username: me.username.clone(),
            role: me.role,
            request_id: "fx".into(),
        };
        let facts: serde_json::Value = serde_json::from_str(PR_FACTS).unwrap();
        let pr = ashyq_core::rules::Programme::PermanentResidence;
        let e = ashyq_server::cases::evaluation(&h.state, pr, &facts, t).await.unwrap();
        let mut ids = Vec::new();
        for n in 0..7 {
            let holder = serde_json::from_value(serde_json::json!({
                "surname": "PAGES", "given_names": "MATRIX", "birth_date": "1990-05-01", "sex": "F",
                "nationality": "UZB", "passport_number": format!("WFX{n:05}"), "passport_expiry": "2035-01-01"
            }))
            .unwrap();
            let new = moves::NewCase {
                reference: format!("web-fixture-{n}"),
                programme: pr,
                region: "KZ-75".into(),
                holder,
                facts: facts.clone(),
            };
            ids.push(moves::create(&h.db, &as_applicant, me.id, &new, &e).await.unwrap().0);
        }
        let [shown, to_decide, to_confirm, to_return, permit_renew, cancel_officer, cancel_admin] = ids[..]
        else {
            unreachable!()
        };
        let described = ashyq_core::cases::evidence::describe(
            "passport",
            "WFX00000",
            "UZ",
            jiff::civil::Date::constant(2020, 1, 1),
            t,
        )
        .unwrap();
        let (meta, _) = evidence::add(
            &h.db,
            &as_applicant,
            &applicant,
            shown,
            &described,
            "passport.pdf",
            sample_pdf("web fixture"),
            1 << 20,
        )
        .await
        .unwrap();
        for id in &ids {
            moves::submit(&h.db, &as_applicant, &applicant, *id, &e).await.unwrap();
        }
        let first = Viewer::Officer(None);
        let second = Actor { username: "web-fixture-second".into(), ..Actor::cli() };
        let mut permit_of = Vec::new();
        for id in [to_confirm, to_return, permit_renew, cancel_officer, cancel_admin] {
            moves::decide(
                &h.db,
                &Actor::cli(),
                &first,
                &policy,
                id,
                OfficerAction::Approve,
                "fixture",
                &e,
                t,
            )
            .await
            .unwrap();
        }
        for id in [permit_renew, cancel_officer, cancel_admin] {
            let c = moves::confirm(&h.db, &second, &first, &policy, id, "", &e, t).await.unwrap();
            permit_of.push(c.permit_id.unwrap());
        }
        let until: jiff::civil::Date =
            permits::get(&h.db, &Actor::cli(), &Viewer::Admin, permit_of[0]).await.unwrap().valid_until;
        let (round, _) =
            rounds::hold(&h.db, &Actor::cli(), &policy, "web-fixture-round", Some(1), None, t).await.unwrap();
        assert!(read::get(&h.db, &Actor::cli(), &Viewer::Admin, shown).await.is_ok());
        OfficerPagesFixture {
            shown,
            evidence: meta.id,
            to_decide,
            to_confirm,
            to_return,
            permit_renew: permit_of[0],
            renew_until: until,
            cancel_officer: permit_of[1],
            cancel_admin: permit_of[2],
            round: round.id,
        }
    }

    fn concrete(&self, path: &str, role: Role) -> Option<String> {
        let id = match path {
            "/cases/{id}" | "/cases/{id}/message" => self.shown,
            "/cases/{id}/evidence/{evidence_id}" => {
                return Some(format!("/cases/{}/evidence/{}", self.shown, self.evidence));
            }
            "/cases/{id}/decide" => self.to_decide,
            "/cases/{id}/confirm" => self.to_confirm,
            "/cases/{id}/return" => self.to_return,
            "/permits/{id}" | "/permits/{id}/renew" => self.permit_renew,
            "/permits/{id}/cancel" if role == Role::Admin => self.cancel_admin,
            "/permits/{id}/cancel" => self.cancel_officer,
            "/rounds/{id}" => self.round,
            _ => return None,
        };
        Some(path.replace("{id}", &id.to_string()))
    }

    /// A valid body for a form of the officers' pages: (content type, body).
    fn sample_body(
        &self,
        spec: &RouteSpec,
        role: Role,
        csrf: &str,
        n: usize,
    ) -> Option<(&'static str, String)> {
        let form = "application/x-www-form-urlencoded";
        let body = match (spec.method, spec.path) {
            ("POST", "/cases/{id}/decide") => {
                format!("csrf={csrf}&action=request_info&reason=matrix+contract")
            }
            ("POST", "/cases/{id}/confirm") => format!("csrf={csrf}&reason=matrix"),
            ("POST", "/cases/{id}/return") => format!("csrf={csrf}&reason=matrix+housing"),
            ("POST", "/cases/{id}/message") => format!("csrf={csrf}&message=matrix+message"),
            ("POST", "/permits/{id}/renew") => {
                // The administrator renews after the officer: a day later again.
                let days = if role == Role::Admin { 2 } else { 1 };
                let until = self.renew_until.checked_add(jiff::Span::new().days(days)).unwrap();
                format!("csrf={csrf}&valid_until={until}&reason=matrix")
            }
            ("POST", "/permits/{id}/cancel") => format!("csrf={csrf}&ground=holder_request&reason=matrix"),
            ("POST", "/rounds") => format!("csrf={csrf}&reference=web-matrix-{n}&size=1&sector="),
            _ => return None,
        };
        Some((form, body))
    }
}

// ---------------------------------------------------------------------------------------------

// Kandas resettlement (`/api/v1/kandas…`, `/kandas…`): applications of families choosing
// KZ-75 (test-officer's region), one per move so that each allowed call succeeds once; the one to
// pay is assigned first.
struct KandasFixture {
    shown: i64,
    assign_api: i64,
    refuse_api: i64,
    pay_api: i64,
    assign_page: i64,
    refuse_page: i64,
    /// The test applicant's own application (`/kandas/mine/{id}`).
    own: i64,
}

impl KandasFixture {
    async fn new(h: &Harness) -> KandasFixture {
        use jiff::civil::Date;
        let today = ashyq_store::today();
        let facts = |region: &str| ashyq_core::kandas::Application {
            applicant: ashyq_core::kandas::Person {
                surname: "MATRIX".into(),
                given_names: "K".into(),
                birth_date: Date::constant(1980, 1, 1),
            },
            members: Vec::new(),
            origin: "MNG".into(),
            ethnic_kazakh: true,
            citizen: false,
            region: region.into(),
        };
        let mut ids = Vec::new();
        for i in 0..6 {
            let reference = format!("KD-M{i}");
            let a =
                ashyq_store::kandas::create(&h.db, &actor_cli(), None, &reference, &facts("KZ-75"), today)
                    .await
                    .unwrap();
            ids.push(a.id);
        }
        ashyq_store::kandas::assign(&h.db, &actor_cli(), None, &h.state.policy, ids[3], today).await.unwrap();
        let me = h.user(Role::Applicant).id;
        let (own, _) =
            ashyq_store::kandas::own::file(&h.db, &actor_cli(), me, "matrix", &facts("KZ-75"), today)
                .await
                .unwrap();
        KandasFixture {
            own: own.id,
            shown: ids[0],
            assign_api: ids[1],
            refuse_api: ids[2],
            pay_api: ids[3],
            assign_page: ids[4],
            refuse_page: ids[5],
        }
    }

    fn concrete(&self, path: &str) -> Option<String> {
        let id = match path {
            "/api/v1/kandas/applications/{id}" | "/kandas/{id}" => self.shown,
            "/api/v1/kandas/applications/{id}/assign" => self.assign_api,
            "/api/v1/kandas/applications/{id}/refuse" => self.refuse_api,
            "/api/v1/kandas/applications/{id}/pay" => self.pay_api,
            "/kandas/{id}/assign" => self.assign_page,
            "/kandas/{id}/refuse" => self.refuse_page,
            "/api/v1/kandas/mine/{id}" | "/kandas/mine/{id}" => self.own,
            _ => return None,
        };
        Some(path.replace("{id}", &id.to_string()))
    }

    fn sample_body(spec: &RouteSpec, csrf: &str, n: usize) -> Option<(&'static str, String)> {
        let json = "application/json";
        let form = "application/x-www-form-urlencoded";
        Some(match (spec.method, spec.path) {
            ("POST", "/api/v1/kandas/applications") => (
                json,
                format!(
                    r#"{{"reference":"KD-N{n}","facts":{{"applicant":{{"surname":"NEW","given_names":"K","birth_date":"1985-02-02"}},"members":[],"origin":"CHN","ethnic_kazakh":true,"region":"KZ-75"}}}}"#
                ),
            ),
            ("POST", "/api/v1/kandas/applications/{id}/refuse") => (json, r#"{"reason":"matrix"}"#.into()),
            ("POST", "/api/v1/kandas/applications/{id}/assign" | "/api/v1/kandas/applications/{id}/pay") => {
                (json, "{}".into())
            }
            ("POST", "/kandas/{id}/assign") => (form, format!("csrf={csrf}")),
            ("POST", "/kandas/{id}/refuse") => (form, format!("csrf={csrf}&reason=matrix")),
            ("POST", "/api/v1/kandas/mine") => (
                json,
                format!(
                    r#"{{"key":"matrix-{n}","facts":{{"applicant":{{"surname":"OWN","given_names":"K","birth_date":"1985-02-02"}},"origin":"MNG","ethnic_kazakh":true,"region":"KZ-59"}}}}"#
                ),
            ),
            ("POST", "/kandas/mine") => (
                form,
                format!(
                    "csrf={csrf}&key=matrix-page-{n}&applicant.surname=OWN&applicant.given_names=K\
                     &applicant.birth_date=1985-02-02&origin=MNG&ethnic_kazakh=yes&region=KZ-59"
                ),
            ),
            _ => return None,
        })
    }
}

// ---------------------------------------------------------------------------------------------
// Decisions as documents (`…/decision.pdf`, `…/permit.pdf`, `…/cancellation.pdf`,
// `…/assignment.pdf`, `/verify…`, `/api/v1/documents/{code}`): test-applicant's permanent-residence
// case approved and confirmed in KZ-75 with its permit, another whose permit is cancelled, and
// their own kandas application assigned to KZ-75; a document issued, for its code.

struct DocumentsFixture {
    /// Approved, with a live permit.
    approved: i64,
    permit: i64,
    /// Approved, its permit cancelled.
    cancelled_case: i64,
    cancelled_permit: i64,
    /// The applicant's own kandas application, assigned.
    kandas: i64,
    /// The verification code of a document issued.
    code: String,
}

impl DocumentsFixture {
    async fn new(h: &Harness) -> DocumentsFixture {
        use ashyq_core::cases::decision::OfficerAction::Approve;
        use ashyq_store::cases::{Viewer, moves, permits, read};
        use ashyq_store::{Actor, today};

        let t = today();
        let me = h.user(Role::Applicant).id;
        let officer = Viewer::Officer(None);
        let policy = h.state.policy.clone();
        let pr = ashyq_core::rules::Programme::PermanentResidence;
        let facts: serde_json::Value = serde_json::from_str(PR_FACTS).unwrap();
        let e = ashyq_server::flows::cases::evaluation(&h.state, pr, &facts, t).await.unwrap();
        let mut cases = Vec::new();
        for n in 0..2 {
            let new = moves::NewCase {
                reference: format!("documents-{n}"),
                programme: pr,
                region: "KZ-75".into(),
                holder: case_holder(&format!("DOCM{n:05}"), PR_FACTS),
                facts: facts.clone(),
            };
            let (id, _) = moves::create(&h.db, &actor_cli(), me, &new, &e).await.unwrap();
            moves::submit(&h.db, &actor_cli(), &Viewer::Applicant(me), id, &e).await.unwrap();
            moves::decide(&h.db, &actor_cli(), &officer, &policy, id, Approve, "matrix", &e, t)
                .await
                .unwrap();
            let second = Actor { username: "documents-second".into(), ..Actor::cli() };
            moves::confirm(&h.db, &second, &officer, &policy, id, "", &e, t).await.unwrap();
            let permit = read::get(&h.db, &actor_cli(), &Viewer::Admin, id).await.unwrap().permit_id.unwrap();
            cases.push((id, permit));
        }
        let ground = ashyq_core::cases::permit::CancellationGround::HolderRequest;
        permits::cancel(&h.db, &actor_cli(), &officer, &policy, cases[1].1, ground, "matrix", t)
            .await
            .unwrap();
        let family = ashyq_core::kandas::Application {
            applicant: ashyq_core::kandas::Person {
                surname: "DOCUMENTS".into(),
                given_names: "K".into(),
                birth_date: jiff::civil::Date::constant(1980, 1, 1),
            },
            members: Vec::new(),
            origin: "MNG".into(),
            ethnic_kazakh: true,
            citizen: false,
            region: "KZ-75".into(),
        };
        let (app, _) =
            ashyq_store::kandas::own::file(&h.db, &actor_cli(), me, "documents", &family, t).await.unwrap();
        ashyq_store::kandas::assign(&h.db, &actor_cli(), None, &policy, app.id, t).await.unwrap();
        let essentials = ashyq_store::documents::Essentials {
            kind: ashyq_store::documents::Kind::KandasAssignment,
            subject_id: app.id,
            reference: app.reference.clone(),
            programme: None,
            region: "KZ-75".into(),
            decided_on: t,
            holder: "K. DOCUMENTS".into(),
            valid_from: None,
            valid_until: None,
        };
        let issued = ashyq_store::documents::issue(&h.db, &actor_cli(), &essentials).await.unwrap();
        DocumentsFixture {
            approved: cases[0].0,
            permit: cases[0].1,
            cancelled_case: cases[1].0,
            cancelled_permit: cases[1].1,
            kandas: app.id,
            code: issued.code().grouped(),
        }
    }

    fn concrete(&self, path: &str) -> Option<String> {
        let id = match path {
            "/api/v1/documents/{code}" => return Some(path.replace("{code}", &self.code)),
            "/applications/{id}/decision.pdf"
            | "/applications/{id}/permit.pdf"
            | "/cases/{id}/decision.pdf"
            | "/api/v1/cases/{id}/decision.pdf" => self.approved,
            "/applications/{id}/cancellation.pdf" => self.cancelled_case,
            "/permits/{id}/permit.pdf" | "/api/v1/permits/{id}/permit.pdf" => self.permit,
            "/permits/{id}/cancellation.pdf" | "/api/v1/permits/{id}/cancellation.pdf" => {
                self.cancelled_permit
            }
            "/kandas/mine/{id}/assignment.pdf"
            | "/kandas/{id}/assignment.pdf"
            | "/api/v1/kandas/applications/{id}/assignment.pdf" => self.kandas,
            _ => return None,
        };
        Some(path.replace("{id}", &id.to_string()))
    }
}

// ---------------------------------------------------------------------------------------------
// The Paryz contest (`/paryz…`, `/api/v1/paryz…`): contest years in the state each move needs
// (open for nominations and for closing, closed with everything decided for publishing, closed
// with a nomination to decide, published to read), made by the operator (`cli`).

struct ParyzFixture {
    /// Open: coordinators and administrators nominate here (API and pages).
    nominate: i64,
    /// Open: closed by the administrator over the API, and on the page.
    close_api: i64,
    close_page: i64,
    /// Closed, every nomination decided: published over the API, and on the page.
    publish_api: i64,
    publish_page: i64,
    /// A nomination of a closed year, to decide.
    to_decide: i64,
    /// Published: read by everyone.
    published: i64,
}

impl ParyzFixture {
    async fn new(h: &Harness) -> ParyzFixture {
        use ashyq_core::paryz::{NominationInput, Verdict, YearMove};
        use ashyq_store::paryz;
        let actor = ashyq_store::Actor::cli();
        let policy = policy_kz();
        let t = ashyq_store::today();
        let input = NominationInput {
            nominee: "Matrix Nominee (fictional)".into(),
            country: "TUR".into(),
            card_number: None,
            business: "Matrix Trading".into(),
            sector: "trade".into(),
            bin: None,
            contribution: "matrix".into(),
            jobs_created: 10,
            investment_kzt: 1_000_000,
        };
        for y in 2040..=2046 {
            paryz::open_year(&h.db, &actor, y).await.unwrap();
        }
        let mut made = Vec::new();
        for y in [2042, 2043, 2044, 2046] {
            let (n, _) = paryz::nominate(&h.db, &actor, y, &format!("matrix-fx-{y}"), &input).await.unwrap();
            paryz::move_year(&h.db, &actor, &policy, y, YearMove::Close, t).await.unwrap();
            made.push(n.id);
        }
        for id in [made[0], made[2], made[3]] {
            paryz::decide(&h.db, &actor, &policy, id, Verdict::Winner, "matrix", t).await.unwrap();
        }
        paryz::move_year(&h.db, &actor, &policy, 2044, YearMove::Publish, t).await.unwrap();
        ParyzFixture {
            nominate: 2040,
            close_api: 2041,
            close_page: 2045,
            publish_api: 2042,
            publish_page: 2046,
            to_decide: made[1],
            published: 2044,
        }
    }

    fn concrete(&self, path: &str) -> Option<String> {
        let year = match path {
            "/api/v1/paryz/{year}" | "/paryz/{year}" => self.published,
            "/api/v1/paryz/{year}/nominations" | "/paryz/{year}/nominations" => self.nominate,
            "/api/v1/paryz/{year}/close" => self.close_api,
            "/paryz/{year}/close" => self.close_page,
            "/api/v1/paryz/{year}/publish" => self.publish_api,
            "/paryz/{year}/publish" => self.publish_page,
            "/api/v1/paryz/nominations/{id}/decision" | "/paryz/nominations/{id}/decide" => {
                return Some(path.replace("{id}", &self.to_decide.to_string()));
            }
            _ => return None,
        };
        Some(path.replace("{year}", &year.to_string()))
    }

    /// A valid body for a POST route of the contest: (content type, body).
    fn sample_body(spec: &RouteSpec, csrf: &str, n: usize) -> Option<(&'static str, String)> {
        let form = "application/x-www-form-urlencoded";
        let json = "application/json";
        match (spec.method, spec.path) {
            ("POST", "/api/v1/paryz") => Some((json, r#"{"year":2050}"#.into())),
            ("POST", "/paryz") => Some((form, format!("csrf={csrf}&year=2051"))),
            ("POST", "/api/v1/paryz/{year}/close" | "/api/v1/paryz/{year}/publish") => {
                Some((json, String::new()))
            }
            ("POST", "/paryz/{year}/close" | "/paryz/{year}/publish") => Some((form, format!("csrf={csrf}"))),
            ("POST", "/api/v1/paryz/{year}/nominations") => Some((
                json,
                format!(
                    r#"{{"reference":"matrix-api-{n}","nominee":"Matrix (fictional)","country":"DEU","business":"Matrix GmbH","sector":"engineering","contribution":"matrix","jobs_created":5,"investment_kzt":1000}}"#
                ),
            )),
            ("POST", "/paryz/{year}/nominations") => Some((
                form,
                format!(
                    "csrf={csrf}&reference=matrix-page-{n}&nominee=Matrix&country=DEU&business=Matrix+GmbH\
                     &sector=engineering&contribution=matrix&jobs_created=5&investment_kzt=1000&card_number=&bin="
                ),
            )),
            ("POST", "/api/v1/paryz/nominations/{id}/decision") => {
                Some((json, r#"{"verdict":"shortlisted","reason":"matrix"}"#.into()))
            }
            ("POST", "/paryz/nominations/{id}/decide") => {
                Some((form, format!("csrf={csrf}&verdict=shortlisted&reason=matrix")))
            }
            _ => None,
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Citizens working abroad (`/abroad…`, `/api/v1/abroad…`): one registered citizen with a case to
// read and to record actions on, and one open case each for the API's and the page's status move.

struct AbroadFixture {
    /// An agreement, edited by the page form.
    agreement: i64,
    worker: i64,
    shown: i64,
    api_move: i64,
    page_move: i64,
}

/// Valid IINs for the matrix's registry entries.
const ABROAD_IIN: &str = "900101400013";

impl AbroadFixture {
    async fn new(h: &Harness) -> AbroadFixture {
        use ashyq_store::abroad::cases::{self, NewCase};
        use ashyq_store::abroad::workers;
        let cli = ashyq_store::Actor::cli();
        let input = ashyq_core::abroad::WorkerInput {
            iin: ABROAD_IIN.into(),
            surname: "MATRIX".into(),
            given_names: "ABROAD".into(),
            country: "KOR".into(),
            employer: "Matrix Co".into(),
            contract_from: "2026-01-01".into(),
            contract_until: "2030-01-01".into(),
            sector: "domestic_work".into(),
            ..Default::default()
        };
        let (w, _) = workers::register(&h.db, &cli, "matrix-abroad", &input).await.unwrap();
        let mut ids = Vec::new();
        for n in 0..3 {
            let new = NewCase {
                reference: format!("matrix-abroad-case-{n}"),
                worker_id: w.id,
                kind: "unpaid_wages".into(),
                complaint: "matrix".into(),
            };
            ids.push(cases::open(&h.db, &cli, &new, ashyq_store::today()).await.unwrap().0.case.id);
        }
        let agreement = ashyq_store::abroad::agreements::AgreementInput {
            reference: "matrix-agreement".into(),
            country: "KOR".into(),
            title: "Matrix".into(),
            status: "negotiating".into(),
            ..Default::default()
        };
        let (agreement, _) = ashyq_store::abroad::agreements::save(&h.db, &cli, &agreement).await.unwrap();
        AbroadFixture {
            agreement: agreement.id,
            worker: w.id,
            shown: ids[0],
            api_move: ids[1],
            page_move: ids[2],
        }
    }

    fn concrete(&self, path: &str) -> Option<String> {
        let id = match path {
            "/abroad/workers/{id}" | "/abroad/workers/{id}/cases" | "/api/v1/abroad/workers/{id}" => {
                self.worker
            }
            "/abroad/cases/{id}"
            | "/abroad/cases/{id}/actions"
            | "/api/v1/abroad/cases/{id}"
            | "/api/v1/abroad/cases/{id}/actions" => self.shown,
            "/api/v1/abroad/cases/{id}/status" => self.api_move,
            "/abroad/cases/{id}/status" => self.page_move,
            "/abroad/agreements/{id}/edit" => self.agreement,
            _ => return None,
        };
        Some(path.replace("{id}", &id.to_string()))
    }

    fn sample_body(&self, spec: &RouteSpec, csrf: &str, n: usize) -> Option<(&'static str, String)> {
        let form = "application/x-www-form-urlencoded";
        let json = "application/json";
        let w = self.worker;
        Some(match (spec.method, spec.path) {
            ("POST", "/api/v1/abroad/agreements") => (
                json,
                format!(
                    r#"{{"reference":"matrix-ag-{n}","country":"TUR","title":"Matrix","status":"negotiating","covers":["employment"]}}"#
                ),
            ),
            ("POST", "/api/v1/abroad/workers") => (
                json,
                format!(
                    r#"{{"reference":"matrix-w-{n}","iin":"{ABROAD_IIN}","surname":"M","given_names":"A","country":"ARE","employer":"E","contract_from":"2026-01-01","contract_until":"2030-01-01","sector":"construction"}}"#
                ),
            ),
            ("POST", "/api/v1/abroad/cases") => (
                json,
                format!(
                    r#"{{"reference":"matrix-c-{n}","worker_id":{w},"kind":"other","complaint":"matrix"}}"#
                ),
            ),
            ("POST", "/api/v1/abroad/cases/{id}/actions") => {
                (json, r#"{"kind":"consulate_contacted","body":"matrix"}"#.into())
            }
            ("POST", "/api/v1/abroad/cases/{id}/status") => {
                (json, r#"{"status":"in_progress","reason":"matrix"}"#.into())
            }
            ("POST", "/abroad/workers") => (
                form,
                format!(
                    "csrf={csrf}&reference=matrix-wp-{n}&iin={ABROAD_IIN}&surname=M&given_names=A&country=ARE\
                     &employer=E&agency=&agency_licence=&contract_from=2026-01-01&contract_until=2030-01-01&sector=it"
                ),
            ),
            ("POST", "/abroad/agreements/new") => (
                form,
                format!(
                    "csrf={csrf}&reference=matrix-agp-{n}&country=TUR&title=Matrix&status=negotiating&covers=employment"
                ),
            ),
            ("POST", "/abroad/agreements/{id}/edit") => {
                (form, format!("csrf={csrf}&country=KOR&title=Matrix+{n}&status=negotiating&covers=pensions"))
            }
            ("POST", "/abroad/workers/{id}/cases") => {
                (form, format!("csrf={csrf}&reference=matrix-cp-{n}&kind=other&complaint=matrix"))
            }
            ("POST", "/abroad/cases/{id}/actions") => {
                (form, format!("csrf={csrf}&kind=employer_contacted&taken_on=&body=matrix"))
            }
            ("POST", "/abroad/cases/{id}/status") => {
                (form, format!("csrf={csrf}&status=in_progress&reason=matrix"))
            }
            _ => return None,
        })
    }
}

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
    let cases = CasesFixture::new(&h).await;
    let officer_pages = OfficerPagesFixture::new(&h).await;
    let applications = ApplicationsFixture::new(&h).await;
    let paryz = ParyzFixture::new(&h).await;
    let kandas = KandasFixture::new(&h).await;
    let abroad = AbroadFixture::new(&h).await;
    let documents = DocumentsFixture::new(&h).await;
    let mut failures = Vec::new();
    let mut n = 0;
    for spec in ROUTES {
        for role in Role::ALL {
            n += 1;
            let path = documents
                .concrete(spec.path)
                .or_else(|| kandas.concrete(spec.path))
                .or_else(|| register.concrete(spec.path))
                .or_else(|| abroad.concrete(spec.path))
                .or_else(|| cases.concrete(spec.path))
                .or_else(|| officer_pages.concrete(spec.path, role))
                .or_else(|| applications.concrete(spec.path))
                .or_else(|| paryz.concrete(spec.path))
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
            let body = match KandasFixture::sample_body(spec, &csrf, n)
                .or_else(|| register.sample_body(spec, role, &csrf))
                .or_else(|| abroad.sample_body(spec, &csrf, n))
                .or_else(|| cases.sample_body(spec, n))
                .or_else(|| officer_pages.sample_body(spec, role, &csrf, n))
                .or_else(|| ApplicationsFixture::sample_body(spec, &csrf, n))
                .or_else(|| ParyzFixture::sample_body(spec, &csrf, n))
                .or_else(|| sample_body(spec, role, &csrf, n))
            {
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
async fn wrong_current_passwords_count_as_failed_logins() {
    let h = Harness::new().await;
    let analyst = h.user(Role::Analyst).clone();
    let change = |current: &'static str| {
        [("current", current), ("new", "a brand new pass phrase"), ("repeat", "a brand new pass phrase")]
    };
    for _ in 0..ashyq_store::throttle::MAX_PER_USERNAME {
        let wrong = h.post_form_as(&analyst, "en", "/account/password", &change("wrong password here")).await;
        assert_eq!(wrong.status, 422, "{}", wrong.body);
    }
    // Now even the right current password is refused for a while, on the page and over the API.
    let limited = h.post_form_as(&analyst, "en", "/account/password", &change(PASSWORD)).await;
    assert_eq!(limited.status, 429, "{}", limited.body);
    assert!(limited.header("retry-after").parse::<i64>().unwrap() > 0);
    assert!(limited.body.contains("Too many failed attempts"), "{}", limited.body);
    let token = h.bearer(Role::Analyst).await;
    let body = format!(r#"{{"current_password":"{PASSWORD}","new_password":"a brand new pass phrase"}}"#);
    let req = Request::post("/api/v1/me/password")
        .header("authorization", format!("Bearer {token}"))
        .header("content-type", "application/json")
        .body(Body::from(body))
        .unwrap();
    let reply = h.send(req).await;
    assert_eq!(reply.problem(429)["code"], "rate_limited");
    assert!(reply.header("retry-after").parse::<i64>().unwrap() > 0);
    // Nothing was changed: no password change in the audit log.
    let log = audit::for_object(&h.db, "user", &analyst.id.to_string()).await.unwrap();
    assert!(!log.iter().any(|r| r.action == "user.set_password"), "{log:?}");
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

/// Every type the OpenAPI document names, with where it is declared: the server's and the
/// core's `ToSchema` types, under their `#[schema(as = …)]` name if they have one. Two types
/// of one name would be merged into one schema, and one of the operations would document the
/// other's body (as `/cases/{id}/decision` once documented the Paryz jury's).
fn schema_names() -> Vec<(String, String)> {
    fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let p = entry.path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|e| e == "rs") {
                out.push(p);
            }
        }
    }
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = Vec::new();
    walk(&root.join("server/src"), &mut files);
    walk(&root.join("core/src"), &mut files);
    let mut names = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let mut pending: Option<Option<String>> = None;
        for line in text.lines().map(str::trim) {
            if line.starts_with("#[") && line.contains("ToSchema") {
                pending = Some(None);
            } else if let Some(alias) = pending.as_mut()
                && let Some(rest) = line.strip_prefix("#[schema(as = ")
            {
                *alias = Some(rest.trim_end_matches(")]").to_string());
            } else if pending.is_some() && !line.starts_with("#[") && !line.starts_with("///") {
                let item = line.trim_start_matches("pub(crate) ").trim_start_matches("pub ");
                let name = item
                    .strip_prefix("struct ")
                    .or_else(|| item.strip_prefix("enum "))
                    .map(|r| r.split(|c: char| !c.is_alphanumeric() && c != '_').next().unwrap_or(""));
                if let (Some(name), Some(alias)) = (name, pending.take()) {
                    let file = file.display().to_string();
                    names.push((alias.unwrap_or_else(|| name.to_string()), file));
                }
            }
        }
    }
    names
}

#[test]
fn schema_names_are_unique() {
    let names = schema_names();
    assert!(names.iter().any(|(n, _)| n == "CaseDecisionIn"), "the scan finds the schemas: {names:?}");
    assert!(names.len() > 60, "{}", names.len());
    let mut seen = std::collections::BTreeMap::new();
    for (name, file) in &names {
        if let Some(first) = seen.insert(name.clone(), file.clone()) {
            panic!("two schemas are named {name}: in {first} and {file}; give one #[schema(as = …)]");
        }
    }
}

#[tokio::test]
async fn every_operation_documents_its_problem_answers_as_problem_json() {
    let h = Harness::new().await;
    let doc = h.send(Request::get("/api/v1/openapi.json").body(Body::empty()).unwrap()).await.json();
    let mut checked = 0;
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            let has_body = op.get("requestBody").is_some();
            let method = method.to_uppercase();
            let statuses = ashyq_server::api::problem_statuses(&method, path, has_body);
            for s in [400, 401, 422] {
                assert!(statuses.contains(&s), "{method} {path}: {s}");
            }
            for status in statuses {
                let r = &op["responses"][status.to_string()];
                assert!(
                    r["content"]["application/problem+json"]["schema"]["$ref"]
                        == "#/components/schemas/Problem",
                    "{method} {path} does not document {status} as problem details: {r}"
                );
            }
            for (status, r) in op["responses"].as_object().unwrap() {
                if status.parse::<u16>().unwrap() >= 400 {
                    let types: Vec<&String> = r["content"].as_object().unwrap().keys().collect();
                    assert_eq!(types, ["application/problem+json"], "{method} {path} {status}");
                }
            }
            checked += 1;
        }
    }
    assert_eq!(
        checked,
        ROUTES.iter().filter(|s| s.path.starts_with("/api/v1/") && s.path != "/api/v1/openapi.json").count()
    );
    // The border check's person and status are null for a document the register does not hold.
    let check = &doc["components"]["schemas"]["CheckOut"]["properties"];
    for field in ["person", "status"] {
        let text = check[field].to_string();
        assert!(text.contains("null"), "{field} is not nullable: {text}");
    }
    // The case decision documents the officer's body, not the jury's.
    let op = &doc["paths"]["/api/v1/cases/{id}/decision"]["post"];
    let body = op["requestBody"]["content"]["application/json"]["schema"]["$ref"].as_str().unwrap();
    let name = body.rsplit('/').next().unwrap();
    assert!(doc["components"]["schemas"][name]["properties"]["action"].is_object(), "{name}");
}

#[tokio::test]
async fn a_wrong_method_is_405_with_the_methods_the_path_serves() {
    let h = Harness::new().await;
    let mut paths: Vec<&str> =
        ROUTES.iter().filter(|s| s.kind != ashyq_server::routes::Kind::Ops).map(|s| s.path).collect();
    paths.dedup();
    for path in paths {
        if path.contains('*') || path.starts_with("/api/docs") {
            continue;
        }
        let uri = path
            .replace("{id}", "1")
            .replace("{evidence_id}", "1")
            .replace("{code}", "2512")
            .replace("{format}", "csv")
            .replace("{programme}", "refugee")
            .replace("{source}", "vacancies")
            .replace("{region}", "KZ-75")
            .replace("{year}", "2025");
        let reply = h.send(Request::put(&uri).body(Body::empty()).unwrap()).await;
        assert_eq!(reply.status, 405, "PUT {uri}: {}", reply.body);
        let mut want: Vec<&str> = ROUTES.iter().filter(|s| s.path == path).map(|s| s.method).collect();
        if want.contains(&"GET") {
            want.push("HEAD");
        }
        want.sort_unstable();
        let mut got: Vec<&str> = reply.header("allow").split(',').map(str::trim).collect();
        got.sort_unstable();
        assert_eq!(got, want, "PUT {uri}: Allow {:?}", reply.header("allow"));
        if path.starts_with("/api/") {
            reply.problem(405);
        }
    }
}
