//! One use case, one behaviour (issue 15): where the API and the pages of the list of
//! professions in demand and of accounts used to differ, the behaviour chosen, held over the
//! API and on the pages, on SQLite and (with `ASHYQ_TEST_POSTGRES_URL`) PostgreSQL.

use crate::common;

use ashyq_core::Role;
use ashyq_store::users::{self, NewUser, User};
use ashyq_store::{Actor, lists, tokens};
use axum::body::Body;
use axum::http::Request;
use common::browser::Messages;
use common::labour::{self, OCCUPATIONS};
use common::{Harness, PASSWORD, Reply, esc};
use jiff::civil::Date;
use serde_json::{Value, json};

/// Calls the API with a bearer token (none: the public).
async fn api(h: &Harness, token: Option<&str>, method: &str, uri: &str, body: Option<Value>) -> Reply {
    let mut req = Request::builder().method(method).uri(uri);
    if let Some(t) = token {
        req = req.header("authorization", format!("Bearer {t}"));
    }
    let body = match body {
        Some(v) => {
            req = req.header("content-type", "application/json");
            Body::from(v.to_string())
        }
        None => Body::empty(),
    };
    h.send(req.body(body).unwrap()).await
}

/// The fields a problem names.
fn fields(p: &Value) -> Vec<String> {
    p["errors"]
        .as_array()
        .map(|e| e.iter().filter_map(|f| f["field"].as_str().map(str::to_string)).collect())
        .unwrap_or_default()
}

/// The labour data imported and a draft of 2025 computed; gives its id.
async fn draft(h: &Harness) -> i64 {
    labour::import(h, &Actor::cli(), &OCCUPATIONS).await;
    let on = Date::constant(2026, 1, 1);
    lists::draft_from_data(&h.db, &Actor::cli(), &h.state.policy, 2025, on, "fixture").await.unwrap().id
}

/// A draft sent, approved by an order of 2025-12-20 and published from 2026-01-01; gives its id.
async fn published(h: &Harness) -> i64 {
    let id = draft(h).await;
    lists::send(&h.db, &Actor::cli(), id).await.unwrap();
    lists::approve(&h.db, &Actor::cli(), id, "49", Date::constant(2025, 12, 20)).await.unwrap();
    lists::publish(&h.db, &Actor::cli(), id, Date::constant(2026, 1, 1)).await.unwrap();
    id
}

/// A coordinator account that speaks for no organisation (no region, none assigned).
async fn unassigned_coordinator(h: &Harness) -> User {
    let new = NewUser {
        username: "unassigned-coordinator".into(),
        display_name: "Unassigned".into(),
        role: Role::Coordinator,
        region: None,
        password: PASSWORD.into(),
    };
    users::create(&h.db, &Actor::cli(), new).await.unwrap()
}

/// The API let a coordinator know nothing of a list not sent to their organisation (404); the
/// opinion form went to the store, which answered 409 about the draft's state (or 403 naming
/// the revision): the list's existence was told. Chosen: 404 on both.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_opinion_on_a_list_not_sent_to_the_organisation_is_not_found() {
    for h in Harness::both().await {
        let id = draft(&h).await;
        let coordinator = h.user(Role::Coordinator).clone();
        let token = h.bearer(Role::Coordinator).await;
        for list in [id, id + 1000] {
            let page = h
                .post_form_as(
                    &coordinator,
                    "en",
                    &format!("/coordination/lists/{list}/opinion"),
                    &[("verdict", "agree")],
                )
                .await;
            assert_eq!(page.status, 404, "{} page, list {list}: {}", h.backend(), page.body);
            let body = json!({"verdict": "agree"});
            let reply =
                api(&h, Some(&token), "POST", &format!("/api/v1/lists/{list}/opinions"), Some(body)).await;
            reply.problem(404);
        }
        assert!(lists::opinions(&h.db, id).await.unwrap().is_empty());
        h.cleanup().await;
    }
}

/// The API refused a coordinator who speaks for no organisation (403 `no_organisation`); the
/// inbox page answered 200 with an empty inbox. Chosen: 403 on both, the page saying whom to
/// ask.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_coordinator_without_an_organisation_is_refused_on_both() {
    let m = Messages::load();
    for h in Harness::both().await {
        let id = draft(&h).await;
        lists::send(&h.db, &Actor::cli(), id).await.unwrap();
        let nobody = unassigned_coordinator(&h).await;
        let page = h.get_as(Some(&nobody), "en", "/coordination").await;
        assert_eq!(page.status, 403, "{}: {}", h.backend(), page.body);
        assert!(page.body.contains(r#"id="no-organisation""#), "{}", page.body);
        assert!(page.body.contains(&esc(&m.t("en", "co-no-body"))), "{}", page.body);
        let (token, _) = tokens::create(&h.db, &Actor::cli(), &nobody, "test", None).await.unwrap();
        let p = api(&h, Some(&token), "GET", "/api/v1/lists", None).await.problem(403);
        assert_eq!(p["code"], "no_organisation");
        // The coordinator of an organisation still sees the list it was sent.
        let assigned = h.get_as(Some(h.user(Role::Coordinator)), "en", "/coordination").await;
        assert_eq!(assigned.status, 200, "{}", assigned.body);
        assert!(assigned.body.contains(&format!("/coordination/lists/{id}")), "{}", assigned.body);
        h.cleanup().await;
    }
}

/// The API refused a revision the list does not have (422); the analyst's page showed the
/// current revision instead, as if it were the one asked for. Chosen: 422 on both.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_revision_the_list_does_not_have_is_refused_on_both() {
    let m = Messages::load();
    for h in Harness::both().await {
        let id = draft(&h).await;
        let analyst = h.user(Role::Analyst).clone();
        let token = h.bearer(Role::Analyst).await;
        for revision in [0, 5] {
            let page =
                h.get_as(Some(&analyst), "en", &format!("/analysis/lists/{id}?revision={revision}")).await;
            assert_eq!(page.status, 422, "{} revision {revision}: {}", h.backend(), page.body);
            let said = m.t_args("en", "an-err-revision", &[("revision", &revision.to_string())]);
            assert!(page.body.contains(&esc(&said)), "{}", page.body);
            let p = api(&h, Some(&token), "GET", &format!("/api/v1/lists/{id}?revision={revision}"), None)
                .await
                .problem(422);
            assert_eq!(fields(&p), ["revision"], "{p}");
        }
        let page = h.get_as(Some(&analyst), "en", &format!("/analysis/lists/{id}?revision=1")).await;
        assert_eq!(page.status, 200, "{}", page.body);
        h.cleanup().await;
    }
}

/// The API gave the organisations the shown revision was sent to; the analyst's page counted
/// those of the current revision whatever revision it showed. Chosen: the shown revision's, on
/// both (a revision in preparation was sent to no one).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_recipients_are_those_of_the_revision_shown() {
    for h in Harness::both().await {
        let id = draft(&h).await;
        lists::send(&h.db, &Actor::cli(), id).await.unwrap();
        lists::revise(&h.db, &Actor::cli(), id, "second thoughts", &[]).await.unwrap();
        let analyst = h.user(Role::Analyst).clone();
        let token = h.bearer(Role::Analyst).await;
        let first = api(&h, Some(&token), "GET", &format!("/api/v1/lists/{id}?revision=1"), None).await;
        assert_eq!(first.status, 200, "{}", first.body);
        let sent = first.json()["recipients"].as_array().unwrap().len();
        assert!(sent >= 5, "revision 1 was sent to every organisation: {}", first.body);
        let current = api(&h, Some(&token), "GET", &format!("/api/v1/lists/{id}"), None).await.json();
        assert_eq!(
            (current["shown_revision"].as_i64(), current["recipients"].as_array().map(Vec::len)),
            (Some(2), Some(0))
        );
        for (query, count) in [("?revision=1", sent), ("", 0)] {
            let page = h.get_as(Some(&analyst), "en", &format!("/analysis/lists/{id}{query}")).await;
            assert_eq!(page.status, 200, "{}", page.body);
            let shown = format!(r#"<dd id="recipients">{count}</dd>"#);
            assert!(page.body.contains(&shown), "{} {query}: no {shown} in {}", h.backend(), page.body);
        }
        h.cleanup().await;
    }
}

/// The API answered a published entry asked for by a code that is not a classifier code with
/// 422 (its OpenAPI operation documents 404 only); the page answered 404. Chosen: 404 on both,
/// as for a code that is not a candidate.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_entry_by_a_malformed_code_is_not_found_on_both() {
    for h in Harness::both().await {
        let id = published(&h).await;
        for code in ["25x2", "7212"] {
            api(&h, None, "GET", &format!("/api/v1/published-lists/{id}/entries/{code}"), None)
                .await
                .problem(404);
            let page = h.get_as(None, "en", &format!("/lists/{id}/occupations/{code}")).await;
            assert_eq!(page.status, 404, "{} {code}: {}", h.backend(), page.body);
        }
        let page = h.get_as(None, "en", &format!("/lists/{id}/occupations/2512")).await;
        assert_eq!(page.status, 200, "{}", page.body);
        h.cleanup().await;
    }
}

/// A published list that cannot be read because the database fails: the API answered 500, the
/// pages "not found" (404), telling the public the list does not exist. Chosen: a failure is
/// a failure (500, logged) on both.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_published_list_that_cannot_be_read_is_a_failure_not_a_not_found() {
    for h in Harness::both().await {
        let id = published(&h).await;
        let pages = [
            format!("/lists/{id}"),
            format!("/lists/{id}/download/csv?headers=machine"),
            format!("/lists/{id}/occupations/2512"),
        ];
        for uri in &pages {
            assert_eq!(h.get_as(None, "en", uri).await.status, 200, "{uri}");
        }
        // The CSV starts with a byte-order mark, so that Excel reads it as UTF-8.
        assert!(h.get_as(None, "en", &pages[1]).await.body.starts_with("\u{feff}rank,occupation,"));
        h.db.close().await;
        for uri in &pages {
            let page = h.get_as(None, "en", uri).await;
            assert_eq!(page.status, 500, "{} {uri}: {}", h.backend(), page.body);
        }
        api(&h, None, "GET", &format!("/api/v1/published-lists/{id}"), None).await.problem(500);
        h.cleanup().await;
    }
}

/// The API refused a job title longer than 200 characters (422); the page cut it to 200 and
/// searched for that. Chosen: refused on both (what is searched for is what was asked).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_overlong_job_title_is_refused_on_both() {
    let m = Messages::load();
    for h in Harness::both().await {
        let long = "a".repeat(201);
        let page = h.get_as(None, "en", &format!("/occupations?q={long}")).await;
        assert_eq!(page.status, 422, "{}: {}", h.backend(), page.body);
        assert!(
            page.body.contains(&esc(&m.t_args("en", "occ-err-long", &[("max", "200")]))),
            "{}",
            page.body
        );
        let p = api(&h, None, "GET", &format!("/api/v1/occupations?q={long}"), None).await.problem(422);
        assert_eq!(fields(&p), ["q"], "{p}");
        let fits = "a".repeat(200);
        assert_eq!(h.get_as(None, "en", &format!("/occupations?q={fits}")).await.status, 200);
        assert_eq!(api(&h, None, "GET", &format!("/api/v1/occupations?q={fits}"), None).await.status, 200);
        h.cleanup().await;
    }
}

/// The sign-up form named every bad field at once; the API named only the first. Chosen:
/// every one, on both.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sign_up_names_every_bad_field_on_both() {
    for h in Harness::both().await {
        let body =
            json!({"username": "x", "display_name": " ", "email": "x@example.kz", "password": "short"});
        let p = api(&h, None, "POST", "/api/v1/signup", Some(body)).await.problem(422);
        assert_eq!(fields(&p), ["username", "display_name", "password"], "{} {p}", h.backend());
        let form = [
            ("csrf", "t"),
            ("username", "x"),
            ("display_name", " "),
            ("email", "x@example.kz"),
            ("password", "short"),
            ("repeat", "short"),
        ];
        let req = Request::post("/signup")
            .header("cookie", "ashyq_csrf=t; ashyq_lang=en")
            .header("content-type", "application/x-www-form-urlencoded")
            .body(Body::from(serde_urlencoded::to_string(form).unwrap()))
            .unwrap();
        let page = h.send(req).await;
        assert_eq!(page.status, 422, "{}", page.body);
        for id in ["username-error", "display_name-error", "password-error"] {
            assert!(page.body.contains(&format!(r#"id="{id}""#)), "{id}: {}", page.body);
        }
        assert!(users::by_username(&h.db, "x").await.is_err());
        h.cleanup().await;
    }
}

/// An administrator opening an account under a username already taken: the API answered 409,
/// the page 422. Chosen: 409 (a conflict, as on the sign-up form) on both, the form kept.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_username_taken_is_a_conflict_on_both() {
    let m = Messages::load();
    for h in Harness::both().await {
        let admin = h.user(Role::Admin).clone();
        let token = h.bearer(Role::Admin).await;
        let taken = "Test-Officer";
        let body = json!({"username": taken, "display_name": "Else", "role": "border", "password": "a long enough password"});
        let p = api(&h, Some(&token), "POST", "/api/v1/users", Some(body)).await.problem(409);
        assert_eq!(p["code"], "conflict");
        let form = [
            ("username", taken),
            ("display_name", "Else"),
            ("role", "border"),
            ("region", ""),
            ("password", "a long enough password"),
        ];
        let page = h.post_form_as(&admin, "en", "/admin/users", &form).await;
        assert_eq!(page.status, 409, "{}: {}", h.backend(), page.body);
        assert!(page.body.contains(&esc(&m.t("en", "err-conflict"))), "{}", page.body);
        assert!(page.body.contains(r#"value="Test-Officer""#), "the form keeps what was typed");
        assert_eq!(users::by_username(&h.db, "test-officer").await.unwrap().role, Role::Officer);
        h.cleanup().await;
    }
}
