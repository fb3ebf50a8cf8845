//! The register, eligibility and rounds flows with each use case written once (issue 15), on
//! SQLite and (with `ASHYQ_TEST_POSTGRES_URL`) PostgreSQL: where the API and the pages used to
//! differ, the behaviour chosen holds on both; and every use case refuses the roles its routes
//! refuse, whoever calls it.

use crate::common;

use ashyq_core::Role;
use ashyq_server::auth::{Credential, Principal};
use ashyq_server::flows::register::check::Lookup;
use ashyq_server::flows::{Outcome, eligibility, register, rounds};
use ashyq_store::audit;
use ashyq_store::register::merge;
use axum::body::Body;
use axum::http::Request;
use common::browser::Messages;
use common::register::{self as fx, ago};
use common::{Harness, Reply, esc};
use serde_json::{Value, json};

async fn api(h: &Harness, role: Role, uri: &str, body: Value) -> Reply {
    let req = Request::post(uri)
        .header("authorization", format!("Bearer {}", h.bearer(role).await))
        .header("content-type", "application/json")
        .body(Body::from(body.to_string()))
        .unwrap();
    h.send(req).await
}

/// A zone and a typed document at once. The API refused them (422); the border page checked
/// the zone and ignored what was typed — and it shows the last document checked in the form
/// again, so a document typed for the next traveller beside the zone left there from the last
/// one checked the last one again. Now both refuse, nothing is read or audited, and after a
/// check the form is empty for the next traveller.
async fn a_zone_and_a_typed_document_at_once_are_refused(h: &Harness, m: &Messages) {
    let ali = fx::person_of(h, "UZB", "FA1234567").await;
    let both =
        [("mrz", fx::ali_mrz()), ("issuing_state", "CHN".into()), ("document_number", "E12345678".into())];
    for lang in ["kk", "ru", "en"] {
        let fields: Vec<(&str, &str)> = both.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let r = h.post_form_as(h.user(Role::Border), lang, "/border", &fields).await;
        assert_eq!(r.status, 422, "{lang}: {}", r.body);
        assert!(r.body.contains(&esc(&m.t(lang, "reg-err-both"))), "{lang}: {}", r.body);
        assert!(!r.body.contains("id=\"status-banner\""), "{lang}: nothing is checked");
    }
    let p = api(
        h,
        Role::Border,
        "/api/v1/register/check",
        json!({ "mrz": fx::ali_mrz(), "issuing_state": "CHN", "document_number": "E12345678" }),
    )
    .await
    .problem(422);
    assert_eq!(p["errors"][0]["field"], "mrz", "{p}");
    let reads = audit::for_object(&h.db, "person", &ali.to_string()).await.unwrap();
    assert!(reads.is_empty(), "a refused check reads no one: {reads:?}");
    assert!(audit::for_object(&h.db, "document", "CHN:E12345678").await.unwrap().is_empty());

    // A blank field is one not sent, on both.
    let r = api(
        h,
        Role::Border,
        "/api/v1/register/check",
        json!({ "mrz": fx::ali_mrz(), "issuing_state": " ", "document_number": "" }),
    )
    .await;
    assert_eq!((r.status, &r.json()["person_id"]), (200, &json!(ali)), "{}", r.body);
    let r = h
        .post_form_as(
            h.user(Role::Border),
            "en",
            "/border",
            &[("mrz", &fx::ali_mrz()), ("issuing_state", ""), ("document_number", " ")],
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(r.body.contains("data-status=\"overstay\""));
    // The form is empty again; the document checked heads the result.
    assert!(r.body.contains("autofocus></textarea>"), "{}", r.body);
    assert!(r.body.contains("id=\"document_number\" name=\"document_number\" value=\"\""), "{}", r.body);
    // The document by its country's name and number, as English writes it.
    assert!(r.body.contains("Uzbekistan, No. FA1234567"), "{}", r.body);
    // A zone that does not check keeps what was sent, to be corrected.
    let bad = fx::SPECIMEN.replace("C36", "C37");
    let r = h.post_form_as(h.user(Role::Border), "en", "/border", &[("mrz", &bad)]).await;
    assert_eq!(r.status, 422);
    assert!(r.body.contains(&esc(&bad)) || r.body.contains(&bad), "{}", r.body);
}

/// A split or an undo posted on one person's page acted on whatever document or merge was
/// named, another person's too (a stale page, a crafted form). Now the document split off must
/// be the person's, and the merge undone must concern them (422 naming the field); nothing
/// changes otherwise.
async fn a_split_or_an_undo_acts_only_on_the_person_shown(h: &Harness) {
    fx::import(
        h,
        &[fx::event(
            "T-ALY-9",
            "exit",
            ago(400),
            "ALA",
            "P,UZB,FB7654321,UZB,KARIMOV,ALY,1990-05-01,M,2036-01-01",
        )],
    )
    .await;
    let ali = fx::person_of(h, "UZB", "FA1234567").await;
    let aly = fx::person_of(h, "UZB", "FB7654321").await;
    let anna = fx::person_of(h, "DEU", "C01X00T47").await;
    let officer = h.user(Role::Officer);
    let r = h
        .post_form_as(
            officer,
            "en",
            &format!("/register/persons/{ali}/merge"),
            &[("from", &aly.to_string()), ("reason", "new passport")],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let merged = merge::of_person(&h.db, ali).await.unwrap()[0].id;
    let doc = ashyq_store::register::person::load(&h.db, &h.state.policy, ali, ashyq_store::today())
        .await
        .unwrap()
        .documents
        .iter()
        .find(|d| d.number == "FB7654321")
        .unwrap()
        .id;

    // On Anna's page: neither Ali's document nor Ali's merge.
    let r = h
        .post_form_as(
            officer,
            "en",
            &format!("/register/persons/{anna}/split"),
            &[("document", &doc.to_string()), ("reason", "another person")],
        )
        .await;
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(r.body.contains("id=\"error\"") && r.body.contains(&format!("not one of person {anna}")));
    assert_eq!(fx::person_of(h, "UZB", "FB7654321").await, ali, "nothing was split");
    let r = h
        .post_form_as(
            officer,
            "en",
            &format!("/register/persons/{anna}/undo"),
            &[("merge", &merged.to_string()), ("reason", "not the same man")],
        )
        .await;
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(r.body.contains(&format!("does not concern person {anna}")), "{}", r.body);
    assert_eq!(fx::person_of(h, "UZB", "FB7654321").await, ali, "nothing was undone");
    let log = audit::tail(&h.db, 50).await.unwrap();
    assert!(
        !log.iter().any(|r| r.action == "register.person.split" || r.action == "register.person.unmerge")
    );

    // On Ali's page both are done.
    let r = h
        .post_form_as(
            officer,
            "en",
            &format!("/register/persons/{ali}/undo"),
            &[("merge", &merged.to_string()), ("reason", "not the same man")],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    assert_eq!(fx::person_of(h, "UZB", "FB7654321").await, aly);
}

fn principal(h: &Harness, role: Role) -> Principal {
    let user = (role != Role::Public).then(|| h.user(role).clone());
    Principal { user, credential: Credential::Bearer, request_id: "flows-test".into() }
}

/// Whether a use case refused its caller's role (403).
fn forbidden<T>(r: &Outcome<T>) -> bool {
    matches!(r, Err(e) if e.status().map(|s| s.as_u16()) == Some(403))
}

/// The access decision is the use case's: called directly, each refuses (403) the roles its
/// routes refuse, before anything is read or written.
async fn the_use_cases_refuse_the_roles_their_routes_refuse(h: &Harness) {
    use Role::*;
    let ali = fx::person_of(h, "UZB", "FA1234567").await;
    let draft = ashyq_core::policy::Policy::kz().unwrap();
    let s = &h.state;
    for role in [Public, Applicant, Analyst, Coordinator, Officer, Border, Admin] {
        let p = principal(h, role);
        let readers = matches!(role, Officer | Admin);
        let lookup = Lookup::Document { issuing_state: "UZB".into(), number: "FA1234567".into() };
        let r = register::check::check(s, &p, lookup).await;
        assert_eq!(forbidden(&r), !matches!(role, Officer | Border | Admin), "{role}: check");
        assert_eq!(forbidden(&register::record::record(s, &p, ali, None).await), !readers, "{role}: record");
        assert_eq!(forbidden(&register::record::search(s, &p, "KARIM").await), !readers, "{role}: search");
        let r = register::alerts::overstayers(s, &p, None).await;
        assert_eq!(forbidden(&r), !readers, "{role}: overstayers");
        assert_eq!(forbidden(&register::alerts::alerts(s, &p, None, None).await), !readers, "{role}: alerts");
        let r = register::figures::statistics(s, &p).await;
        assert_eq!(forbidden(&r), matches!(role, Public | Applicant | Border), "{role}: statistics");
        // An empty batch: refused for the role, or else for being empty (422).
        let empty = serde_json::from_value(json!({ "crossings": [] })).unwrap();
        let r = register::crossings::store(s, &p, empty).await;
        assert_eq!(forbidden(&r), !matches!(role, Border | Admin), "{role}: crossings");
        assert!(r.is_err());
        let r = eligibility::simulation::simulate(s, &p, &draft, None).await;
        assert_eq!(forbidden(&r), role != Analyst, "{role}: simulation");
        assert_eq!(r.is_ok(), role == Analyst);
        if !readers {
            let why = "a reason long enough";
            assert!(forbidden(&register::corrections::merge(s, &p, ali, ali + 1, why).await), "{role}");
            assert!(forbidden(&register::corrections::split(s, &p, ali, 1, why).await), "{role}");
            assert!(forbidden(&register::corrections::undo(s, &p, ali, 1, why).await), "{role}");
            assert!(forbidden(&rounds::hold(s, &p, "flows-refused", Some(1), None).await), "{role}");
        }
        assert!(rounds::list(s).await.is_ok(), "{role}: rounds are public");
    }
    // Those refused everywhere but the figures left no trace.
    let log = audit::tail(&h.db, 500).await.unwrap();
    for role in [Applicant, Coordinator] {
        let name = common::username(role);
        assert!(!log.iter().any(|r| r.actor == name), "{role}: {log:?}");
    }
    assert!(!log.iter().any(|r| r.action == "register.person.merge" || r.action == "round.hold"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_register_flows_behave_alike_on_the_api_and_the_pages() {
    let m = Messages::load();
    for h in Harness::both().await {
        eprintln!("on {}", h.backend());
        fx::travellers(&h).await;
        a_zone_and_a_typed_document_at_once_are_refused(&h, &m).await;
        the_use_cases_refuse_the_roles_their_routes_refuse(&h).await;
        a_split_or_an_undo_acts_only_on_the_person_shown(&h).await;
        h.cleanup().await;
    }
}
