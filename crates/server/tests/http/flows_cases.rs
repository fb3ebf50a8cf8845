//! The cases and permits flows written once (issue 15), on SQLite and (with
//! `ASHYQ_TEST_POSTGRES_URL`) PostgreSQL: where the API and the pages used to do a use case
//! differently, the behaviour the one use case holds now, through both adapters.
//!
//! - A decision marks the register of movements changed only when it issues a permit (the page
//!   marked it on any decision, the API only on a permit).
//! - A permit cancelled keeps its overdue training reports on its record (the API emptied them
//!   for a cancelled permit, the pages kept them); the officers' alerts stay for live permits.
//! - A training report counts at most 100,000 trainees (the page refused more, the API took
//!   any number).
//! - Who may act is decided in the use case, not by the route table alone: an administrator
//!   writes no message on a case (the officers' page refused it, the API's handler let it
//!   through to the store), changes no permit and an officer sets no quota.

use crate::common;

use ashyq_core::Role;
use ashyq_core::cases::Holder;
use ashyq_core::cases::permit::CancellationGround;
use ashyq_core::rules::{Outcome, Programme};
use ashyq_server::auth::{Credential, Principal};
use ashyq_server::flows::permits::{self, Cancellation, Renewal};
use ashyq_store::cases::moves::{self, NewCase};
use ashyq_store::cases::{Evaluated, Viewer, read, rounds};
use ashyq_store::users::{self, NewUser, User};
use ashyq_store::{Actor, today};
use axum::body::Body;
use axum::http::Request;
use common::{Harness, PASSWORD, Reply};
use jiff::ToSpan;
use serde_json::{Value, json};

/// Permanent residence for an ethnic Kazakh housed by contract: eligible, four eyes.
const PR_FACTS: &str = r#"{"applicant":{"birth_date":"1990-05-01","passport_expiry":"2035-01-01","ethnic_kazakh":true,"former_citizen":false,"simplified_citizenship":false,"criminal_record":false,"funds":null},"family":[],"region":"KZ-75","housing":{"provided_by_contract":true,"funds_kzt":null}}"#;

/// An investor visa on US$300,000 in a Kazakh company's charter capital: eligible, one officer.
const INV_FACTS: &str = r#"{"passport_expiry":"2035-01-01","criminal_record":false,"investments":[{"kind":"charter_capital","recipient":"Steppe Logistics LLP","bin":"180340012346","amount":300000,"currency":"USD","date":"2025-03-03"}]}"#;

fn actor_of(u: &User) -> Actor {
    Actor { user_id: Some(u.id), username: u.username.clone(), role: u.role, request_id: "test".into() }
}

/// The caller of a use case, as a request with a bearer token would make it.
fn principal(u: &User) -> Principal {
    Principal { user: Some(u.clone()), credential: Credential::Bearer, request_id: "test".into() }
}

fn holder(passport: &str) -> Holder {
    serde_json::from_value(json!({
        "surname": "KARIMOV", "given_names": "ALI", "birth_date": "1990-05-01", "sex": "M",
        "nationality": "UZB", "passport_number": passport, "passport_expiry": "2035-01-01"
    }))
    .unwrap()
}

/// A submitted case of the test applicant in KZ-75, evaluated by the rules for today.
async fn submitted(h: &Harness, reference: &str, programme: Programme, facts: &str, passport: &str) -> i64 {
    let facts: Value = serde_json::from_str(facts).unwrap();
    let evaluated = ashyq_server::cases::evaluation(&h.state, programme, &facts, today()).await.unwrap();
    let applicant = h.user(Role::Applicant).clone();
    let new = NewCase {
        reference: reference.into(),
        programme,
        region: "KZ-75".into(),
        holder: holder(passport),
        facts,
    };
    let actor = actor_of(&applicant);
    let (id, _) = moves::create(&h.db, &actor, applicant.id, &new, &evaluated).await.unwrap();
    moves::submit(&h.db, &actor, &Viewer::Applicant(applicant.id), id, &evaluated).await.unwrap();
    id
}

async fn officer(h: &Harness, name: &str) -> User {
    let new = NewUser {
        username: name.into(),
        display_name: name.into(),
        role: Role::Officer,
        region: Some("KZ-75".into()),
        password: PASSWORD.into(),
    };
    users::create(&h.db, &Actor::cli(), new).await.unwrap()
}

/// An API call with a bearer token of the role's test account.
async fn api(h: &Harness, role: Role, method: &str, path: &str, body: Option<Value>) -> Reply {
    let token = h.bearer(role).await;
    let req = Request::builder().method(method).uri(path).header("authorization", format!("Bearer {token}"));
    let req = match body {
        Some(b) => req.header("content-type", "application/json").body(Body::from(b.to_string())),
        None => req.body(Body::empty()),
    };
    h.send(req.unwrap()).await
}

async fn case(h: &Harness, id: i64) -> ashyq_store::cases::Case {
    read::get(&h.db, &Actor::cli(), &Viewer::Admin, id).await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_decision_marks_the_register_changed_only_when_it_issues_a_permit() {
    for h in Harness::both().await {
        eprintln!("on {}", h.backend());
        let a = h.user(Role::Officer).clone();
        let b = officer(&h, "officer-second").await;
        let decide = |id: i64, action: &'static str, reason: &'static str| {
            let (h, a) = (&h, a.clone());
            async move {
                let uri = format!("/cases/{id}/decide");
                h.post_form_as(&a, "en", &uri, &[("action", action), ("reason", reason)]).await
            }
        };

        // Refused through the page (an override of the rules' "eligible"): no permit, the
        // register is as it was.
        let refused = submitted(&h, "FLOW-INV-1", Programme::InvestorVisa, INV_FACTS, "FA2000001").await;
        let before = h.state.register_generation();
        let r = decide(refused, "refuse", "The investment certificate was found to be forged").await;
        assert_eq!(r.status, 303, "{}", r.body);
        assert_eq!(case(&h, refused).await.status.as_str(), "refused");
        assert_eq!(h.state.register_generation(), before, "a refusal changes nothing in the register");

        // More information asked for through the API: the same.
        let asked = submitted(&h, "FLOW-INV-2", Programme::InvestorVisa, INV_FACTS, "FA2000002").await;
        let body = json!({ "action": "request_info", "reason": "Send the bank's statement of the transfer" });
        let r = api(&h, Role::Officer, "POST", &format!("/api/v1/cases/{asked}/decision"), Some(body)).await;
        assert_eq!(r.status, 200, "{}", r.body);
        assert_eq!(h.state.register_generation(), before);

        // A four-eyes approval through the page waits for a second officer: no permit yet.
        let pr = submitted(&h, "FLOW-PR-1", Programme::PermanentResidence, PR_FACTS, "FA2000003").await;
        let r = decide(pr, "approve", "kandas, housed by contract").await;
        assert_eq!(r.status, 303, "{}", r.body);
        assert_eq!(case(&h, pr).await.status.as_str(), "awaiting_confirmation");
        assert_eq!(h.state.register_generation(), before, "no permit is issued before the second officer");
        // The second officer's confirmation issues it: the register changes.
        let r = h.post_form_as(&b, "en", &format!("/cases/{pr}/confirm"), &[("reason", "checked")]).await;
        assert_eq!(r.status, 303, "{}", r.body);
        assert!(case(&h, pr).await.permit_id.is_some());
        assert_eq!(h.state.register_generation(), before + 1);

        // An approval that issues a permit, through the page and through the API: each changes it.
        let by_page = submitted(&h, "FLOW-INV-3", Programme::InvestorVisa, INV_FACTS, "FA2000004").await;
        let r = decide(by_page, "approve", "The investment is verified").await;
        assert_eq!(r.status, 303, "{}", r.body);
        assert!(case(&h, by_page).await.permit_id.is_some());
        assert_eq!(h.state.register_generation(), before + 2);
        let by_api = submitted(&h, "FLOW-INV-4", Programme::InvestorVisa, INV_FACTS, "FA2000005").await;
        let body = json!({ "action": "approve", "reason": "The investment is verified" });
        let r = api(&h, Role::Officer, "POST", &format!("/api/v1/cases/{by_api}/decision"), Some(body)).await;
        assert_eq!(r.status, 200, "{}", r.body);
        assert!(r.json()["permit"]["number"].is_string(), "{}", r.body);
        assert_eq!(h.state.register_generation(), before + 3);
        h.cleanup().await;
    }
}

/// Valuable-skills facts that agree with [`vs_holder`].
fn vs_facts() -> Value {
    json!({
        "birth_date": "1985-02-03", "passport_expiry": "2040-01-01", "criminal_record": false,
        "occupation": "2512", "education": "master", "experience_years": 12, "publications": 3,
        "patents": 1, "awards": 0, "job_offer": true, "training_plan": { "trainees_per_year": 3 },
        "languages": [{ "language": "en", "level": "C1" }]
    })
}

fn vs_holder() -> Holder {
    serde_json::from_value(json!({
        "surname": "LI", "given_names": "WEI", "birth_date": "1985-02-03", "sex": "M",
        "nationality": "CHN", "passport_number": "E99887766", "passport_expiry": "2040-01-01"
    }))
    .unwrap()
}

/// A valuable-skills permit of the test applicant issued 400 days ago, invited by a round then:
/// two half-year reporting periods have ended since and neither report is filed. (case, permit)
async fn an_old_valuable_skills_permit(h: &Harness) -> (i64, i64) {
    let applicant = h.user(Role::Applicant).clone();
    let officer = actor_of(h.user(Role::Officer));
    let issued_on = today() - 400.days();
    let e = Evaluated {
        applied_on: issued_on,
        outcome: Outcome::Eligible,
        decision: json!({ "outcome": "eligible" }),
        policy_edition: "test".into(),
        validity: Some((issued_on, issued_on + 10.years())),
        points: Some(80),
        sector: None,
    };
    let new = NewCase {
        reference: "flow-vs-1".into(),
        programme: Programme::ValuableSkillsVisa,
        region: "KZ-75".into(),
        holder: vs_holder(),
        facts: vs_facts(),
    };
    let me = Viewer::Applicant(applicant.id);
    let (id, _) = moves::create(&h.db, &actor_of(&applicant), applicant.id, &new, &e).await.unwrap();
    moves::submit(&h.db, &actor_of(&applicant), &me, id, &e).await.unwrap();
    rounds::hold(&h.db, &officer, &h.state.policy, "flow-round", Some(1), None, issued_on).await.unwrap();
    let here = Viewer::Officer(Some("KZ-75".into()));
    let approve = ashyq_core::cases::OfficerAction::Approve;
    let case = moves::decide(&h.db, &officer, &here, &h.state.policy, id, approve, "Invited.", &e, issued_on)
        .await
        .unwrap();
    (id, case.permit_id.expect("a permit is issued"))
}

fn period_numbers(v: &Value) -> Vec<u64> {
    v.as_array().unwrap().iter().map(|p| p["number"].as_u64().unwrap()).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_cancelled_permit_keeps_its_overdue_reports_on_its_record() {
    for h in Harness::both().await {
        eprintln!("on {}", h.backend());
        let (case_id, pid) = an_old_valuable_skills_permit(&h).await;
        let r = api(&h, Role::Officer, "GET", &format!("/api/v1/permits/{pid}"), None).await;
        assert_eq!(r.status, 200, "{}", r.body);
        assert!(period_numbers(&r.json()["overdue"]).contains(&1), "{}", r.body);

        let body = json!({ "ground": "training_obligation_unmet", "reason": "No training report was filed" });
        let r = api(&h, Role::Officer, "POST", &format!("/api/v1/permits/{pid}/cancel"), Some(body)).await;
        assert_eq!(r.status, 200, "{}", r.body);
        let detail = r.json();
        assert!(detail["permit"]["cancelled_on"].is_string(), "{detail}");
        // The API, the officers' page and the holder's page say the same: period 1's report is
        // overdue, cancelled or not.
        assert!(period_numbers(&detail["overdue"]).contains(&1), "{detail}");
        let shown = api(&h, Role::Officer, "GET", &format!("/api/v1/permits/{pid}"), None).await.json();
        assert_eq!(shown["overdue"], detail["overdue"]);
        let officer = h.user(Role::Officer).clone();
        let page = h.get_as(Some(&officer), "en", &format!("/permits/{pid}")).await;
        assert_eq!(page.status, 200, "{}", page.body);
        assert!(page.body.contains("data-period=\"1\" data-state=\"overdue\""), "{}", page.body);
        let applicant = h.user(Role::Applicant).clone();
        let page = h.get_as(Some(&applicant), "en", &format!("/applications/{case_id}")).await;
        assert_eq!(page.status, 200, "{}", page.body);
        assert!(page.body.contains("data-period=\"1\" class=\"overdue\""), "{}", page.body);
        // The officers' alerts are for live permits: a cancelled one needs no more action.
        let alerts = api(&h, Role::Officer, "GET", "/api/v1/permits/overdue", None).await;
        assert_eq!(alerts.status, 200, "{}", alerts.body);
        assert!(
            alerts.json().as_array().unwrap().iter().all(|o| o["permit"]["id"] != pid),
            "{}",
            alerts.body
        );
        h.cleanup().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_report_counts_at_most_100000_trainees_through_the_api_too() {
    assert_eq!(permits::MAX_TRAINEES, 100_000);
    for h in Harness::both().await {
        eprintln!("on {}", h.backend());
        let (case_id, pid) = an_old_valuable_skills_permit(&h).await;
        let uri = format!("/api/v1/permits/{pid}/reports");
        let too_many = json!({ "period": 1, "trainees": 100_001, "summary": "Trained the whole city." });
        let r = api(&h, Role::Applicant, "POST", &uri, Some(too_many)).await;
        let p = r.problem(422);
        assert_eq!(p["errors"][0]["field"], "trainees", "{p}");
        assert!(ashyq_store::cases::permits::reports(&h.db, pid).await.unwrap().is_empty(), "nothing filed");
        // The page refuses the same number next to its field.
        let applicant = h.user(Role::Applicant).clone();
        let fields = [("period", "1"), ("trainees", "100001"), ("summary", "Trained the whole city.")];
        let r = h.post_form_as(&applicant, "en", &format!("/applications/{case_id}/reports"), &fields).await;
        assert_eq!(r.status, 422, "{}", r.body);
        assert!(r.body.contains("id=\"f-trainees-error\""), "{}", r.body);
        // At the limit, the report is taken.
        let most = json!({ "period": 1, "trainees": 100_000, "summary": "Trained many engineers." });
        assert_eq!(api(&h, Role::Applicant, "POST", &uri, Some(most)).await.status, 201);
        h.cleanup().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn who_may_act_is_decided_in_the_use_case_past_the_route_table() {
    for h in Harness::both().await {
        eprintln!("on {}", h.backend());
        let admin = principal(h.user(Role::Admin));
        let officer = principal(h.user(Role::Officer));
        let applicant = principal(h.user(Role::Applicant));
        let id = submitted(&h, "FLOW-INV-5", Programme::InvestorVisa, INV_FACTS, "FA2000006").await;
        let messages = |h: &Harness| {
            let db = h.db.clone();
            async move { read::events(&db, id).await.unwrap().iter().filter(|e| e.kind == "message").count() }
        };

        // An administrator reads cases and writes nothing on them; the applicant and the officer do.
        let e = ashyq_server::flows::cases::moves::message(&h.state, &admin, id, "A note from the admin")
            .await
            .unwrap_err();
        assert_eq!(e.status().map(|s| s.as_u16()), Some(403), "{e:?}");
        assert_eq!(messages(&h).await, 0);
        ashyq_server::flows::cases::moves::message(&h.state, &officer, id, "We are checking the bank")
            .await
            .unwrap();
        ashyq_server::flows::cases::moves::message(&h.state, &applicant, id, "Thank you").await.unwrap();
        assert_eq!(messages(&h).await, 2);

        // An administrator changes no permit (the store alone would let them).
        let body = json!({ "action": "approve", "reason": "The investment is verified" });
        let r = api(&h, Role::Officer, "POST", &format!("/api/v1/cases/{id}/decision"), Some(body)).await;
        assert_eq!(r.status, 200, "{}", r.body);
        let pid = case(&h, id).await.permit_id.unwrap();
        let renewal = Renewal { valid_until: jiff::civil::date(2034, 12, 31), reason: "asked".into() };
        let e = permits::renew(&h.state, &admin, pid, &renewal).await.unwrap_err();
        assert_eq!(e.status().map(|s| s.as_u16()), Some(403), "{e:?}");
        let cancellation = Cancellation {
            ground: CancellationGround::HolderRequest,
            reason: "The holder asked for it".into(),
            on: None,
        };
        let e = permits::cancel(&h.state, &admin, pid, &cancellation).await.unwrap_err();
        assert_eq!(e.status().map(|s| s.as_u16()), Some(403), "{e:?}");
        let generation = h.state.register_generation();
        permits::cancel(&h.state, &officer, pid, &cancellation).await.unwrap();
        assert_eq!(h.state.register_generation(), generation + 1, "a cancellation changes the register");

        // Only an administrator sets a quota.
        let setting = permits::quotas::Setting { programme: Programme::InvestorVisa, year: 2030, places: 10 };
        let e = permits::quotas::set(&h.state, &officer, &setting).await.unwrap_err();
        assert_eq!(e.status().map(|s| s.as_u16()), Some(403), "{e:?}");
        let set = permits::quotas::set(&h.state, &admin, &setting).await.unwrap();
        assert_eq!((set.places, set.remaining()), (10, 10));
        h.cleanup().await;
    }
}

/// A decision sent without choosing approve, refuse or request information is refused in the
/// page's language, naming what to choose, not with the store's English.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_decision_without_a_choice_is_refused_in_the_pages_language() {
    for h in Harness::both().await {
        let id = submitted(&h, "NO-CHOICE-1", Programme::InvestorVisa, INV_FACTS, "N1000001").await;
        let officer = officer(&h, "officer-no-choice").await;
        for (lang, words) in
            [("kk", "Шешімді таңдаңыз"), ("ru", "Выберите решение"), ("en", "Choose the decision")]
        {
            let uri = format!("/cases/{id}/decide");
            let reply = h.post_form_as(&officer, lang, &uri, &[("reason", "Checked the documents.")]).await;
            assert_eq!(reply.status, 422, "{}: {lang}", h.backend());
            assert!(reply.body.contains(words), "{}: {lang}: {}", h.backend(), reply.body);
            assert!(!reply.body.contains("choose approve"), "{}: {lang}", h.backend());
        }
        assert_eq!(case(&h, id).await.status.as_str(), "submitted", "{}", h.backend());
        h.cleanup().await;
    }
}
