//! The regional and national flows — kandas resettlement, citizens working abroad, the Paryz
//! contest — with each use case written once for the API and the pages, on SQLite and (with
//! `ASHYQ_TEST_POSTGRES_URL`) PostgreSQL. Where the API's copy and the page's copy used to
//! differ, the behaviour chosen is held here:
//!
//! - the use cases decide access themselves (`access::Access`), not the route table alone: a
//!   role without regional work is refused by the kandas use cases (the pages used to read
//!   every region for it), the Paryz secretariat's steps and the nominations are refused to
//!   other roles, the figures and the registry of citizens abroad to those who do not read
//!   them;
//! - the kandas queue page lists as many waiting families as the API does (it stopped at 500);
//! - an unknown Paryz nomination is not found whatever the decision says, on the API as on
//!   the page (the API answered an empty reason first).

use crate::common;

use ashyq_core::Role;
use ashyq_core::kandas::{Application, Member, Person};
use ashyq_core::paryz::{NominationInput, Verdict, YearMove};
use ashyq_server::auth::{Credential, Principal};
use ashyq_server::flows::{self, abroad, kandas, paryz};
use ashyq_store::Actor;
use axum::body::Body;
use axum::http::Request;
use common::{Harness, Reply};
use jiff::civil::date;

/// The caller of a use case, as a request would resolve them.
fn principal(h: &Harness, role: Role) -> Principal {
    let user = (role != Role::Public).then(|| h.user(role).clone());
    Principal {
        user,
        credential: Credential::Bearer,
        request_id: format!("flows-regional-{}", role.as_str()),
    }
}

/// The status a use case refused with, or `None` when it was done.
fn refused<T>(r: flows::Outcome<T>) -> Option<u16> {
    match r {
        Ok(_) => None,
        Err(e) => Some(e.status().map_or(500, |s| s.as_u16())),
    }
}

fn family(reference_given: &str, region: &str) -> Application {
    let person = |given: &str, y| Person {
        surname: "TEMIR".into(),
        given_names: given.into(),
        birth_date: date(y, 4, 4),
    };
    Application {
        applicant: person(reference_given, 1981),
        members: vec![Member { person: person("ASEL", 1984), relation: "spouse".into() }],
        origin: "UZB".into(),
        ethnic_kazakh: true,
        citizen: false,
        region: region.into(),
    }
}

async fn api(h: &Harness, role: Role, method: &str, uri: &str, body: Option<&str>) -> Reply {
    let mut req = Request::builder()
        .method(method)
        .uri(uri)
        .header("authorization", format!("Bearer {}", h.bearer(role).await));
    if body.is_some() {
        req = req.header("content-type", "application/json");
    }
    h.send(req.body(body.map_or_else(Body::empty, |b| Body::from(b.to_string()))).unwrap()).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kandas_use_cases_refuse_roles_without_regional_work_past_the_route_table() {
    for h in Harness::both().await {
        let today = ashyq_store::today();
        let app = ashyq_store::kandas::create(
            &h.db,
            &Actor::cli(),
            None,
            "KD-FR-1",
            &family("BOLAT", "KZ-75"),
            today,
        )
        .await
        .unwrap();
        let s = &h.state;
        // The pages used to read every region for a caller the API refused; both refuse now.
        for role in [Role::Public, Role::Applicant, Role::Border] {
            let p = principal(&h, role);
            let b = h.backend();
            assert_eq!(refused(kandas::list(s, &p, None).await), Some(403), "{role} list on {b}");
            assert_eq!(refused(kandas::queue(s, &p).await), Some(403), "{role} queue on {b}");
            assert_eq!(refused(kandas::show(s, &p, app.id).await), Some(403), "{role} show on {b}");
            assert_eq!(refused(kandas::file(s, &p, app.id).await), Some(403), "{role} file on {b}");
            assert_eq!(refused(kandas::report(s, &p, None).await), Some(403), "{role} report on {b}");
            assert_eq!(refused(kandas::assign(s, &p, app.id).await), Some(403), "{role} assign on {b}");
            assert_eq!(refused(kandas::refuse(s, &p, app.id, "no").await), Some(403), "{role} refuse");
            assert_eq!(refused(kandas::pay(s, &p, app.id).await), Some(403), "{role} pay");
            let other = family("ERBOL", "KZ-75");
            assert_eq!(refused(kandas::create(s, &p, "KD-FR-X", &other).await), Some(403), "{role} create");
        }
        // The national readers read every region and the report, and decide nothing.
        for role in [Role::Analyst, Role::Coordinator, Role::Admin] {
            let p = principal(&h, role);
            assert_eq!(kandas::list(s, &p, None).await.map(|l| l.len()).ok(), Some(1), "{role}");
            assert!(kandas::report(s, &p, None).await.is_ok(), "{role}");
            let file = kandas::file(s, &p, app.id).await.expect("a national reader reads the file");
            assert!(!file.may_decide, "{role} does not decide");
            assert_eq!(refused(kandas::assign(s, &p, app.id).await), Some(403), "{role} assign");
            assert_eq!(refused(kandas::refuse(s, &p, app.id, "no").await), Some(403), "{role} refuse");
        }
        // The officer of the region: the queue with the region's quota, and the decision.
        let officer = principal(&h, Role::Officer);
        let q = kandas::queue(s, &officer).await.expect("the officer's queue");
        assert_eq!(q.waiting.iter().map(|a| a.id).collect::<Vec<_>>(), [app.id]);
        assert_eq!(q.quota.as_ref().map(|(r, _)| r.as_str()), Some("KZ-75"));
        assert!(kandas::file(s, &officer, app.id).await.expect("the officer's file").may_decide);
        h.cleanup().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_kandas_queue_page_lists_as_many_waiting_families_as_the_api() {
    for h in Harness::both().await {
        let today = ashyq_store::today();
        let mut last = 0;
        for n in 0..501 {
            let app = ashyq_store::kandas::create(
                &h.db,
                &Actor::cli(),
                None,
                &format!("KD-MANY-{n}"),
                &family("NURLAN", "KZ-75"),
                today,
            )
            .await
            .unwrap();
            last = app.id;
        }
        let listed =
            api(&h, Role::Officer, "GET", "/api/v1/kandas/applications?status=submitted", None).await;
        assert_eq!(listed.status, 200, "{}", listed.body);
        assert_eq!(listed.json().as_array().map(Vec::len), Some(501), "{}", h.backend());
        let page = h.get_as(Some(h.user(Role::Officer)), "en", "/kandas").await;
        assert_eq!(page.status, 200);
        assert_eq!(page.body.matches("data-application=").count(), 501, "{}", h.backend());
        assert!(page.body.contains(&format!("data-application=\"{last}\"")));
        h.cleanup().await;
    }
}

/// A contest year closed with one nomination waiting for the jury; its id.
async fn closed_year_with_a_nomination(h: &Harness, year: i64) -> i64 {
    let cli = Actor::cli();
    ashyq_store::paryz::open_year(&h.db, &cli, year).await.unwrap();
    let input = NominationInput {
        nominee: "Asel Example (fictional)".into(),
        country: "DEU".into(),
        card_number: None,
        business: "Example Foods".into(),
        sector: "food".into(),
        bin: None,
        contribution: "A dairy in Kostanay".into(),
        jobs_created: 40,
        investment_kzt: 1_000_000,
    };
    let (n, _) =
        ashyq_store::paryz::nominate(&h.db, &cli, year, &format!("fr-{year}"), &input).await.unwrap();
    ashyq_store::paryz::move_year(&h.db, &cli, &h.state.policy, year, YearMove::Close, ashyq_store::today())
        .await
        .unwrap();
    n.id
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unknown_paryz_nomination_is_not_found_whatever_the_decision_says() {
    for h in Harness::both().await {
        let id = closed_year_with_a_nomination(&h, 2031).await;
        let admin = h.user(Role::Admin).clone();
        // Unknown: 404 on the API and on the page, with or without a reason.
        for reason in ["", "the jury's reasons"] {
            let body = serde_json::json!({ "verdict": "winner", "reason": reason }).to_string();
            let r =
                api(&h, Role::Admin, "POST", "/api/v1/paryz/nominations/999999/decision", Some(&body)).await;
            r.problem(404);
            let fields = [("verdict", "winner"), ("reason", reason)];
            let page = h.post_form_as(&admin, "en", "/paryz/nominations/999999/decide", &fields).await;
            assert_eq!(page.status, 404, "{reason:?} on {}: {}", h.backend(), page.body);
        }
        // Known, without a reason: 422 on both, the page showing the year with the refusal.
        let body = r#"{"verdict":"winner","reason":""}"#;
        let uri = format!("/api/v1/paryz/nominations/{id}/decision");
        let p = api(&h, Role::Admin, "POST", &uri, Some(body)).await.problem(422);
        assert_eq!(p["errors"][0]["field"], "reason", "{p}");
        let fields = [("verdict", "winner"), ("reason", "")];
        let page = h.post_form_as(&admin, "en", &format!("/paryz/nominations/{id}/decide"), &fields).await;
        assert_eq!(page.status, 422, "{}", page.body);
        assert!(
            page.body.contains("id=\"error\"") && page.body.contains("data-nomination="),
            "{}",
            page.body
        );
        // And decided with one.
        let fields = [("verdict", "winner"), ("reason", "forty jobs")];
        let page = h.post_form_as(&admin, "en", &format!("/paryz/nominations/{id}/decide"), &fields).await;
        assert_eq!((page.status, page.header("location")), (303, "/paryz/2031"), "{}", page.body);
        h.cleanup().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_paryz_secretariat_and_the_nominations_are_refused_to_others_past_the_route_table() {
    for h in Harness::both().await {
        let id = closed_year_with_a_nomination(&h, 2032).await;
        let s = &h.state;
        let input = NominationInput {
            nominee: "Marat Sample (fictional)".into(),
            country: "TUR".into(),
            card_number: None,
            business: "Sample Logistics".into(),
            sector: "transport".into(),
            bin: None,
            contribution: "A depot".into(),
            jobs_created: 5,
            investment_kzt: 5,
        };
        for role in [Role::Coordinator, Role::Officer, Role::Analyst, Role::Applicant] {
            let p = principal(&h, role);
            assert_eq!(refused(paryz::open(s, &p, 2033).await), Some(403), "{role} open");
            assert_eq!(refused(paryz::close(s, &p, 2032).await), Some(403), "{role} close");
            assert_eq!(refused(paryz::publish(s, &p, 2032).await), Some(403), "{role} publish");
            assert_eq!(refused(paryz::decide(s, &p, id, Verdict::Winner, "r").await), Some(403), "{role}");
        }
        for role in [Role::Officer, Role::Analyst, Role::Border, Role::Applicant, Role::Public] {
            let p = principal(&h, role);
            assert_eq!(refused(paryz::nominate(s, &p, 2032, "fr-x", &input).await), Some(403), "{role}");
            // For them the year, not published, does not exist.
            assert_eq!(refused(paryz::show(s, &p, 2032).await), Some(404), "{role}");
        }
        // The secretariat decides; nothing the others tried was stored.
        let admin = principal(&h, Role::Admin);
        let n = paryz::decide(s, &admin, id, Verdict::Winner, "forty jobs").await.expect("decided");
        assert_eq!(n.verdict, Some(Verdict::Winner));
        let (_, noms) = paryz::show(s, &admin, 2032).await.expect("the year");
        assert_eq!(noms.len(), 1);
        assert!(paryz::list(s, &admin).await.expect("the years").iter().all(|y| y.year != 2033));
        h.cleanup().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn citizens_abroad_use_cases_hold_their_access_past_the_route_table() {
    for h in Harness::both().await {
        let s = &h.state;
        let officer = principal(&h, Role::Officer);
        let input = ashyq_core::abroad::WorkerInput {
            iin: "900101400013".into(),
            surname: "Sadykova".into(),
            given_names: "Aigerim".into(),
            country: "KOR".into(),
            employer: "Hanil Care".into(),
            agency: None,
            agency_licence: None,
            contract_from: "2026-01-10".into(),
            contract_until: "2030-01-09".into(),
            sector: "domestic_work".into(),
        };
        let (w, _) = abroad::registry::register(s, &officer, "fr-w-1", &input).await.expect("registered");
        // The figures: analysts, officers and administrators; no one else.
        for role in [Role::Public, Role::Applicant, Role::Coordinator, Role::Border] {
            let p = principal(&h, role);
            assert_eq!(refused(abroad::figures::figures(s, &p).await), Some(403), "{role} figures");
            assert_eq!(refused(abroad::figures::overview(s, &p).await), Some(403), "{role} overview");
        }
        // The analyst reads the counts, never the people.
        let analyst = principal(&h, Role::Analyst);
        let o = abroad::figures::overview(s, &analyst).await.expect("the analyst's overview");
        assert!(o.open_cases.is_none(), "counts only");
        assert_eq!(o.countries.iter().map(|c| c.citizens).sum::<i64>(), 1);
        assert_eq!(refused(abroad::registry::search(s, &analyst, "", None).await), Some(403));
        assert_eq!(refused(abroad::registry::show(s, &analyst, w.id).await), Some(403));
        assert_eq!(refused(abroad::protection::list(s, &analyst, None, None).await), Some(403));
        // The administrator reads and writes nothing.
        let admin = principal(&h, Role::Admin);
        assert!(abroad::figures::overview(s, &admin).await.expect("overview").open_cases.is_some());
        assert_eq!(abroad::registry::entry(s, &admin, w.id).await.ok().map(|e| e.worker.id), Some(w.id));
        assert_eq!(refused(abroad::registry::register(s, &admin, "fr-w-2", &input).await), Some(403));
        let new = ashyq_store::abroad::cases::NewCase {
            reference: "fr-c-1".into(),
            worker_id: w.id,
            kind: "unpaid_wages".into(),
            complaint: "Two months unpaid".into(),
        };
        assert_eq!(refused(abroad::protection::open(s, &admin, &new).await), Some(403));
        // The officer opens the case and acts on it; a bad day is named, as on both adapters.
        let (c, _) = abroad::protection::open(s, &officer, &new).await.expect("opened");
        let id = c.case.id;
        assert_eq!(refused(abroad::protection::act(s, &admin, id, "legal_aid", None, "x").await), Some(403));
        let bad = abroad::protection::act(s, &officer, id, "legal_aid", Some("yesterday"), "x").await;
        assert_eq!(refused(bad), Some(422));
        let done = abroad::protection::act(s, &officer, id, "legal_aid", Some(" "), "Lawyer found").await;
        assert_eq!(done.ok().map(|f| f.actions.len()), Some(2), "opened, then the action today");
        h.cleanup().await;
    }
}
