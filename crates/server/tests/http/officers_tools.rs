//! The officers' and administrators' tools (issue 16), on the API and the pages, on SQLite and
//! (with `ASHYQ_TEST_POSTGRES_URL`) PostgreSQL:
//!
//! - the case queue searched by name, reference or passport, sorted, paged, its filters kept
//!   by the links, bad parameters refused by name or said in words;
//! - the register's alerts of an officer's own region only, paged, and downloaded as CSV (with
//!   a byte-order mark, headings in the reader's language), the download audited;
//! - an account's role and region changed by an administrator, checked, audited, ending the
//!   account's sessions, never one's own role;
//! - the audit log searched, paged, downloaded, its actions said in words.

use crate::common;

use ashyq_core::Role;
use ashyq_core::cases::Holder;
use ashyq_core::rules::Programme;
use ashyq_server::flows::accounts::audit::{ACTIONS, action_key};
use ashyq_store::audit::{self, Event};
use ashyq_store::cases::moves::{self, NewCase};
use ashyq_store::cases::{Evaluated, Viewer};
use ashyq_store::users::{self, NewUser, User};
use ashyq_store::{Actor, today};
use axum::body::Body;
use axum::http::Request;
use common::browser::Messages;
use common::register as fx;
use common::{Harness, Reply, esc};
use serde_json::{Value, json};

/// Permanent residence for an ethnic Kazakh housed by contract: eligible.
const PR_FACTS: &str = r#"{"applicant":{"birth_date":"1990-05-01","passport_expiry":"2035-01-01","ethnic_kazakh":true,"former_citizen":false,"simplified_citizenship":false,"criminal_record":false,"funds":null},"family":[],"region":"KZ-75","housing":{"provided_by_contract":true,"funds_kzt":null}}"#;

const BOM: &str = "\u{feff}";

fn actor_of(u: &User) -> Actor {
    Actor { user_id: Some(u.id), username: u.username.clone(), role: u.role, request_id: "test".into() }
}

fn holder(surname: &str, given: &str, passport: &str) -> Holder {
    serde_json::from_value(json!({
        "surname": surname, "given_names": given, "birth_date": "1990-05-01", "sex": "M",
        "nationality": "UZB", "passport_number": passport, "passport_expiry": "2035-01-01"
    }))
    .unwrap()
}

/// A case of the test applicant, submitted, in `region`.
async fn submitted(h: &Harness, evaluated: &Evaluated, reference: &str, region: &str, who: Holder) -> i64 {
    let applicant = h.user(Role::Applicant).clone();
    let new = NewCase {
        reference: reference.into(),
        programme: Programme::PermanentResidence,
        region: region.into(),
        holder: who,
        facts: serde_json::from_str(PR_FACTS).unwrap(),
    };
    let actor = actor_of(&applicant);
    let (id, _) = moves::create(&h.db, &actor, applicant.id, &new, evaluated).await.unwrap();
    moves::submit(&h.db, &actor, &Viewer::Applicant(applicant.id), id, evaluated).await.unwrap();
    id
}

/// An account of `role` in `region`, made by the command line.
async fn account(h: &Harness, username: &str, role: Role, region: Option<&str>) -> User {
    let new = NewUser {
        username: username.into(),
        display_name: format!("Test {username}"),
        role,
        region: region.map(String::from),
        password: common::PASSWORD.into(),
    };
    users::create(&h.db, &Actor::cli(), new).await.unwrap()
}

/// A call to the API as `who`, with a bearer token, and a JSON body if any.
async fn api(h: &Harness, who: &User, method: &str, uri: &str, body: Option<Value>) -> Reply {
    let (secret, _) = ashyq_store::tokens::create(&h.db, &Actor::cli(), who, "test", None).await.unwrap();
    let mut req =
        Request::builder().method(method).uri(uri).header("authorization", format!("Bearer {secret}"));
    let body = match body {
        Some(v) => {
            req = req.header("content-type", "application/json");
            Body::from(v.to_string())
        }
        None => Body::empty(),
    };
    h.send(req.body(body).unwrap()).await
}

/// The field a problem of `status` names first.
fn field_of(r: &Reply, status: u16) -> String {
    let p = r.problem(status);
    p["errors"][0]["field"].as_str().map_or_else(|| p.to_string(), String::from)
}

fn ids(v: &Value) -> Vec<i64> {
    v.as_array().unwrap().iter().map(|c| c["id"].as_i64().unwrap()).collect()
}

// ---------------------------------------------------------------------------------------------
// 1. The case queue
// ---------------------------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_queue_is_searched_sorted_and_paged() {
    let m = Messages::load();
    for h in Harness::both().await {
        eprintln!("on {}", h.backend());
        queue(&h, &m).await;
        h.cleanup().await;
    }
}

async fn queue(h: &Harness, m: &Messages) {
    let facts: Value = serde_json::from_str(PR_FACTS).unwrap();
    let evaluated = ashyq_server::cases::evaluation(&h.state, Programme::PermanentResidence, &facts, today())
        .await
        .unwrap();
    // 52 ordinary cases of Almaty, three to find, and one of Astana.
    for i in 0..52 {
        let who =
            holder(&format!("TESTOV{}", char::from(b'A' + (i % 26) as u8)), "IVAN", &format!("N{i:07}"));
        submitted(h, &evaluated, &format!("q-{i:03}"), "KZ-75", who).await;
    }
    let karimov = submitted(h, &evaluated, "q-karimov", "KZ-75", holder("KARIMOV", "ALI", "FA1112223")).await;
    let zhan = submitted(h, &evaluated, "ref-zhan-7", "KZ-75", holder("ZHANOV", "ERLAN", "ZZ9000001")).await;
    let aigul = submitted(h, &evaluated, "q-aigul", "KZ-75", holder("Сейтқали", "Айгүл", "K7777777")).await;
    let astana = submitted(h, &evaluated, "q-astana", "KZ-71", holder("ASTANOV", "BOLAT", "AS1234567")).await;
    let officer = h.user(Role::Officer).clone();
    let admin = h.user(Role::Admin).clone();
    let applicant = h.user(Role::Applicant).clone();

    // The officer of Almaty: 55 cases, 50 a page, the count in a header, the next page linked.
    let r = api(h, &officer, "GET", "/api/v1/cases", None).await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.header("x-total-count"), "55");
    assert_eq!(r.json().as_array().unwrap().len(), 50);
    assert!(
        r.header("link").contains("page=2") && r.header("link").contains("rel=\"next\""),
        "{:?}",
        r.headers
    );
    let r = api(h, &officer, "GET", "/api/v1/cases?page=2", None).await;
    assert_eq!(r.json().as_array().unwrap().len(), 5);
    assert!(r.header("link").contains("rel=\"prev\""));
    assert!(!ids(&r.json()).contains(&astana), "another region's case");

    // Search: a name (in any order, any case), a passport number, a reference; not another region's.
    for (q, want) in [("ali karimov", karimov), ("ZZ9000001", zhan), ("ref-zhan", zhan), ("айгүл", aigul)]
    {
        let uri = format!("/api/v1/cases?q={}", urlencode(q));
        let r = api(h, &officer, "GET", &uri, None).await;
        assert_eq!((ids(&r.json()), r.header("x-total-count")), (vec![want], "1"), "{q}");
    }
    let r = api(h, &officer, "GET", "/api/v1/cases?q=ASTANOV", None).await;
    assert_eq!(r.header("x-total-count"), "0");
    let r = api(h, &admin, "GET", "/api/v1/cases?q=ASTANOV", None).await;
    assert_eq!(ids(&r.json()), vec![astana], "an administrator reads every region");

    // Sorting, both ways; the filters still apply.
    let r = api(h, &officer, "GET", "/api/v1/cases?sort=holder&order=desc&limit=1", None).await;
    assert_eq!(ids(&r.json()), vec![aigul], "Cyrillic sorts after Latin");
    let r = api(h, &officer, "GET", "/api/v1/cases?sort=holder&limit=1", None).await;
    assert_eq!(ids(&r.json()), vec![karimov]);
    let r = api(h, &officer, "GET", "/api/v1/cases?sort=submitted&order=desc&limit=1", None).await;
    assert_eq!(ids(&r.json()), vec![aigul], "the latest submission first");
    let r = api(h, &officer, "GET", "/api/v1/cases?sort=waiting&order=desc&limit=1", None).await;
    let oldest = ids(&r.json())[0];
    assert_ne!(oldest, aigul, "the longest waiting first");
    for sort in ["programme", "status", "reference", "region"] {
        let r = api(
            h,
            &officer,
            "GET",
            &format!("/api/v1/cases?sort={sort}&programme=permanent-residence"),
            None,
        )
        .await;
        assert_eq!(r.header("x-total-count"), "55", "{sort}");
    }
    let r = api(h, &officer, "GET", "/api/v1/cases?programme=investor-visa&q=KARIMOV", None).await;
    assert_eq!(r.header("x-total-count"), "0", "a filter and a search together");

    // Bad parameters: a problem naming the field, never a 5xx.
    for (uri, field) in [
        ("/api/v1/cases?sort=height", "sort"),
        ("/api/v1/cases?order=sideways", "order"),
        ("/api/v1/cases?page=0", "page"),
        ("/api/v1/cases?page=two", "page"),
        ("/api/v1/cases?limit=5000", "limit"),
        ("/api/v1/cases?older_than_days=soon", "older_than_days"),
        ("/api/v1/cases?region=Almaty", "region"),
    ] {
        let r = api(h, &officer, "GET", uri, None).await;
        assert_eq!(field_of(&r, 422), field, "{uri}");
    }
    let long = "x".repeat(101);
    let r = api(h, &officer, "GET", &format!("/api/v1/cases?q={long}"), None).await;
    assert_eq!(field_of(&r, 422), "q");
    // Another region asked for by an officer of Almaty: forbidden.
    api(h, &officer, "GET", "/api/v1/cases?region=KZ-71", None).await.problem(403);
    // The applicant pages through their own cases only (the queue's page is not theirs).
    let r = api(h, &applicant, "GET", "/api/v1/cases?q=KARIMOV", None).await;
    assert_eq!(ids(&r.json()), vec![karimov]);
    let r = api(h, &applicant, "GET", "/api/v1/cases?limit=1", None).await;
    assert_eq!(
        (ids(&r.json()), r.header("x-total-count")),
        (vec![astana], "56"),
        "newest first, every region"
    );
    assert_eq!(h.get_as(Some(&applicant), "en", "/cases").await.status, 403);

    // The page, in Russian: 50 rows, the count, the links keep the filters, search and order.
    let r = h.get_as(Some(&officer), "ru", "/cases?programme=permanent-residence&q=TESTOV&sort=holder").await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.body.matches("<tr data-case=").count(), 50);
    let summary = m.t_args("ru", "of-paging-summary", &[("from", "1"), ("to", "50"), ("total", "52")]);
    assert!(r.body.contains(&summary), "{summary}");
    let next = "href=\"/cases?programme=permanent-residence&#38;q=TESTOV&#38;sort=holder&#38;page=2\"";
    assert!(r.body.contains(next), "no link to page 2 keeping the filters");
    let heading = m.t("ru", "of-sort-holder");
    assert!(r.body.contains(&format!("{heading} ▲")), "the sorted column is marked");
    let r = h
        .get_as(Some(&officer), "ru", "/cases?programme=permanent-residence&q=TESTOV&sort=holder&page=2")
        .await;
    assert_eq!(r.body.matches("<tr data-case=").count(), 2);
    let r = h.get_as(Some(&officer), "en", "/cases?q=ZZ9000001").await;
    assert!(
        r.body.contains(&format!("<tr data-case=\"{zhan}\""))
            && r.body.matches("<tr data-case=").count() == 1
    );
    // A page past the last shows the last.
    let r = h.get_as(Some(&officer), "en", "/cases?page=99").await;
    assert_eq!(r.status, 200);
    assert_eq!(r.body.matches("<tr data-case=").count(), 5);

    // Bad parameters on the page: said in the reader's words, the rest kept, never a 5xx.
    let r = h.get_as(Some(&officer), "ru", "/cases?sort=height&order=sideways&page=x&q=KARIMOV").await;
    assert_eq!(r.status, 200, "{}", r.body);
    for (field, value) in
        [("of-field-sort", "height"), ("of-field-order", "sideways"), ("of-field-page", "x")]
    {
        let said = m.t_args("ru", "of-err-param", &[("field", &m.t("ru", field)), ("value", value)]);
        assert!(r.body.contains(&esc(&said)), "{said}");
    }
    assert!(r.body.contains(&format!("<tr data-case=\"{karimov}\"")), "the search still applies");
    let r = h.get_as(Some(&officer), "kk", &format!("/cases?q={}", "y".repeat(150))).await;
    assert_eq!(r.status, 200);
    assert!(r.body.contains(&esc(&m.t_args("kk", "of-err-search", &[("max", "100")]))));
    let r = h.get_as(Some(&admin), "en", "/cases?region=Atlantis").await;
    let said =
        m.t_args("en", "of-err-param", &[("field", &m.t("en", "of-field-region")), ("value", "Atlantis")]);
    assert!(r.status == 200 && r.body.contains(&esc(&said)), "{said}");
    assert_eq!(r.body.matches("<tr data-case=").count(), 50, "every region then");
    let r = h.get_as(Some(&officer), "en", "/cases?region=KZ-71").await;
    assert_eq!(r.status, 403, "another region's queue");

    // The queue's reading is audited with what was shown and searched.
    let log = audit::tail(&h.db, 200).await.unwrap();
    let read = log
        .iter()
        .find(|r| r.action == "case.queue" && r.detail.contains("ZZ9000001"))
        .expect("the search is audited");
    let detail: Value = serde_json::from_str(&read.detail).unwrap();
    assert_eq!((detail["total"].as_i64(), detail["case_ids"][0].as_i64()), (Some(1), Some(zhan)));
}

fn urlencode(s: &str) -> String {
    serde_urlencoded::to_string([("x", s)]).unwrap()[2..].to_string()
}

// ---------------------------------------------------------------------------------------------
// 2. The register's alerts by region
// ---------------------------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn regional_officers_see_and_download_their_regions_alerts() {
    let m = Messages::load();
    for h in Harness::both().await {
        eprintln!("on {}", h.backend());
        alerts(&h, &m).await;
        h.cleanup().await;
    }
}

/// A name of letters only for the `i`th traveller.
fn letters(i: usize) -> String {
    let a = char::from(b'A' + (i / 26) as u8);
    let b = char::from(b'A' + (i % 26) as u8);
    format!("OVERSTAY{a}{b}")
}

async fn alerts(h: &Harness, m: &Messages) {
    // Ali entered at Zhibek Zholy (Turkistan Region, KZ-61) 60 days ago and overstays; 52 more
    // Uzbek travellers entered at Almaty's airport (KZ-75) 50 days ago and overstay too.
    fx::travellers(h).await;
    let mut lines = Vec::new();
    for i in 0..52 {
        let who = format!("P,UZB,FB{i:07},UZB,{},BOBUR,1991-01-01,M,2030-01-01", letters(i));
        lines.push(fx::event(&format!("T-OV-{i}"), "entry", fx::ago(50), "ALA", &who));
    }
    fx::import(h, &lines).await;
    let ali = fx::person_of(h, "UZB", "FA1234567").await;
    let first = fx::person_of(h, "UZB", "FB0000000").await;
    let almaty = h.user(Role::Officer).clone();
    let turkistan = account(h, "officer-61", Role::Officer, Some("KZ-61")).await;
    let national = account(h, "officer-kz", Role::Officer, None).await;
    let admin = h.user(Role::Admin).clone();
    let applicant = h.user(Role::Applicant).clone();

    // The page: Almaty's officer sees Almaty's overstayers, 50 a page, not Ali.
    let r = h.get_as(Some(&almaty), "en", "/register/alerts").await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(!r.body.contains(&format!("<tr data-person=\"{ali}\">")), "another region's overstayer");
    assert!(r.body.contains(&format!("<tr data-person=\"{first}\">")));
    let section = r.body.split("id=\"overstayers\"").nth(1).unwrap().split("</table>").next().unwrap();
    assert_eq!(section.matches("<tr data-person=").count(), 50);
    let summary = m.t_args("en", "of-paging-summary", &[("from", "1"), ("to", "50"), ("total", "52")]);
    assert!(r.body.contains(&summary));
    assert!(r.body.contains("op=2"), "a link to the second page");
    let r = h.get_as(Some(&almaty), "en", "/register/alerts?op=2&days=60").await;
    let section = r.body.split("id=\"overstayers\"").nth(1).unwrap().split("</table>").next().unwrap();
    assert_eq!(section.matches("<tr data-person=").count(), 2);
    assert!(r.body.contains("value=\"60\""), "the window is kept");
    // Turkistan's officer sees Ali only; the whole country's officer and the administrator all.
    let r = h.get_as(Some(&turkistan), "en", "/register/alerts").await;
    assert!(r.body.contains(&format!("<tr data-person=\"{ali}\">")));
    assert!(!r.body.contains(&format!("<tr data-person=\"{first}\">")));
    for who in [&national, &admin] {
        let r = h.get_as(Some(who), "en", "/register/alerts").await;
        assert!(r.body.contains(&format!("<tr data-person=\"{ali}\">")), "{}", who.username);
        assert!(r.body.contains(&format!("<tr data-person=\"{first}\">")), "{}", who.username);
        let r = h.get_as(Some(who), "en", "/register/alerts?region=KZ-61").await;
        assert!(!r.body.contains(&format!("<tr data-person=\"{first}\">")), "one region asked for");
    }
    // Asking for another region, and the roles that have no alerts, are refused.
    assert_eq!(h.get_as(Some(&almaty), "en", "/register/alerts?region=KZ-61").await.status, 403);
    assert_eq!(h.get_as(Some(&almaty), "en", "/register/alerts.csv?region=KZ-61").await.status, 403);
    assert_eq!(h.get_as(Some(&applicant), "en", "/register/alerts").await.status, 403);
    assert_eq!(h.get_as(Some(&applicant), "en", "/register/alerts.csv").await.status, 403);
    // Bad parameters: said in words, never a 5xx.
    let r = h.get_as(Some(&almaty), "ru", "/register/alerts?days=forever&op=-1&region=KZ-99").await;
    assert_eq!(r.status, 200);
    let said =
        m.t_args("ru", "of-err-param", &[("field", &m.t("ru", "of-field-days")), ("value", "forever")]);
    assert!(r.body.contains(&esc(&said)), "{said}");
    let r = h.get_as(Some(&almaty), "ru", "/register/alerts.csv?list=everyone").await;
    assert_eq!(r.status, 422);
    let said =
        m.t_args("ru", "of-err-param", &[("field", &m.t("ru", "of-field-list")), ("value", "everyone")]);
    assert!(r.body.contains(&esc(&said)), "{}", r.body);

    // The download: UTF-8 with a BOM, headings in the reader's language, the region's persons.
    let r = h.get_as(Some(&almaty), "ru", "/register/alerts.csv?list=overstayers").await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(r.header("content-type").starts_with("text/csv"));
    assert!(r.header("content-disposition").contains("attachment"));
    assert!(r.body.starts_with(BOM), "no byte-order mark");
    let header = r.body.trim_start_matches(BOM).lines().next().unwrap().to_string();
    assert!(
        header.contains(&m.t("ru", "reg-person")) && header.contains(&m.t("ru", "reg-nationality")),
        "{header}"
    );
    assert_eq!(r.body.lines().count(), 53, "a heading and 52 rows");
    assert!(r.body.contains("OVERSTAYAA BOBUR") && !r.body.contains("KARIMOV"));
    // Audited as a read of every person in it.
    let log = audit::tail(&h.db, 50).await.unwrap();
    let export = log.iter().find(|r| r.action == "register.alerts.export").expect("the download is audited");
    assert_eq!(export.actor, almaty.username);
    let detail: Value = serde_json::from_str(&export.detail).unwrap();
    assert_eq!((detail["rows"].as_i64(), detail["region"].as_str()), (Some(52), Some("KZ-75")));
    assert!(detail["persons"].as_array().unwrap().contains(&json!(first)));

    // The API: a page of a list, the count, the same region; CSV with field names.
    let r = api(h, &almaty, "GET", "/api/v1/register/alerts/overstayers?page=2", None).await;
    assert_eq!(r.status, 200, "{}", r.body);
    let v = r.json();
    assert_eq!((v["total"].as_i64(), v["items"].as_array().unwrap().len()), (Some(52), 2));
    assert_eq!((v["region"].as_str(), r.header("x-total-count")), (Some("KZ-75"), "52"));
    let r = api(h, &turkistan, "GET", "/api/v1/register/alerts/overstayers", None).await;
    assert_eq!(r.json()["items"][0]["person_id"], ali);
    assert_eq!(r.json()["total"], 1);
    let r = api(h, &almaty, "GET", "/api/v1/register/overstayers", None).await;
    let listed: Vec<i64> = r.json()["overstayers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["person_id"].as_i64().unwrap())
        .collect();
    assert!(!listed.contains(&ali) && listed.len() == 52, "the scan's list is the region's too");
    let r = api(h, &almaty, "GET", "/api/v1/register/alerts/late?format=csv", None).await;
    assert!(r.body.starts_with(BOM) && r.header("content-type").starts_with("text/csv"));
    let r = api(h, &almaty, "GET", "/api/v1/register/alerts/overstayers?format=csv", None).await;
    assert!(r.body.trim_start_matches(BOM).starts_with("person_id,"), "{}", &r.body[..80.min(r.body.len())]);
    api(h, &almaty, "GET", "/api/v1/register/alerts/overstayers?region=KZ-61", None).await.problem(403);
    api(h, &applicant, "GET", "/api/v1/register/alerts/overstayers", None).await.problem(403);
    api(h, &almaty, "GET", "/api/v1/register/alerts/everyone", None).await.problem(404);
    for (uri, field) in [
        ("/api/v1/register/alerts/expiring?days=forever", "days"),
        ("/api/v1/register/alerts/expiring?days=0", "days"),
        ("/api/v1/register/alerts/expiring?page=0", "page"),
        ("/api/v1/register/alerts/expiring?format=pdf", "format"),
        ("/api/v1/register/alerts/expiring?region=KZ-99", "region"),
    ] {
        let r = api(h, &admin, "GET", uri, None).await;
        assert_eq!(field_of(&r, 422), field, "{uri}");
    }
}

// ---------------------------------------------------------------------------------------------
// 3. Roles and regions of accounts
// ---------------------------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn administrators_change_roles_and_regions() {
    let m = Messages::load();
    for h in Harness::both().await {
        eprintln!("on {}", h.backend());
        roles(&h, &m).await;
        h.cleanup().await;
    }
}

async fn roles(h: &Harness, m: &Messages) {
    let admin = h.user(Role::Admin).clone();
    let officer = h.user(Role::Officer).clone();
    let someone = account(h, "someone", Role::Applicant, None).await;
    let (cookie, _) = h.session_of(&someone).await;
    let (token, _) = ashyq_store::tokens::create(&h.db, &Actor::cli(), &someone, "test", None).await.unwrap();
    let bearer = |token: String| async move {
        let req = Request::get("/api/v1/me").header("authorization", format!("Bearer {token}"));
        h.send(req.body(Body::empty()).unwrap()).await.status
    };
    assert_eq!(bearer(token.clone()).await, 200);
    let signed_in = |cookie: String| async move {
        let r = h.send(Request::get("/account").header("cookie", cookie).body(Body::empty()).unwrap()).await;
        r.status == 200
    };
    assert!(signed_in(cookie.clone()).await);

    // Over the API: an officer of Astana; the sessions end; audited with what was and is.
    let uri = format!("/api/v1/users/{}/role", someone.id);
    let r = api(h, &admin, "POST", &uri, Some(json!({"role": "officer", "region": "kz-71"}))).await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!((r.json()["role"].as_str(), r.json()["region"].as_str()), (Some("officer"), Some("KZ-71")));
    assert!(!signed_in(cookie).await, "a new role ends the sessions");
    assert_eq!(bearer(token).await, 401, "and revokes the API tokens");
    let log = audit::tail(&h.db, 10).await.unwrap();
    let set = log.iter().find(|r| r.action == "user.set_role").expect("audited");
    assert_eq!(
        (set.actor.as_str(), set.object_id.clone()),
        (admin.username.as_str(), someone.id.to_string())
    );
    let detail: Value = serde_json::from_str(&set.detail).unwrap();
    assert_eq!((detail["from_role"].as_str(), detail["region"].as_str()), (Some("applicant"), Some("KZ-71")));
    // The same again changes nothing and writes nothing.
    let before = audit::tail(&h.db, 1).await.unwrap()[0].seq;
    let r = api(h, &admin, "POST", &uri, Some(json!({"role": "officer", "region": "KZ-71"}))).await;
    assert_eq!(r.status, 200);
    let after = audit::tail(&h.db, 5).await.unwrap();
    assert!(!after.iter().any(|r| r.seq > before && r.action == "user.set_role"));

    // Refused: a region for a role that has none, an unknown region or role, one's own role.
    for (body, field) in [
        (json!({"role": "analyst", "region": "KZ-71"}), "region"),
        (json!({"role": "officer", "region": "KZ-99"}), "region"),
        (json!({"role": "wizard"}), "role"),
        (json!({"role": "public"}), "role"),
    ] {
        let r = api(h, &admin, "POST", &uri, Some(body.clone())).await;
        assert_eq!(field_of(&r, 422), field, "{body}");
    }
    let own = format!("/api/v1/users/{}/role", admin.id);
    api(h, &admin, "POST", &own, Some(json!({"role": "officer"}))).await.problem(409);
    api(h, &officer, "POST", &uri, Some(json!({"role": "admin"}))).await.problem(403);
    api(h, &admin, "POST", "/api/v1/users/999999/role", Some(json!({"role": "admin"}))).await.problem(404);
    let r = users::get(&h.db, someone.id).await.unwrap();
    assert_eq!((r.role, r.region.as_deref()), (Role::Officer, Some("KZ-71")), "nothing refused was stored");

    // On the page: the form per account; a change goes back to the list.
    let r = h.get_as(Some(&admin), "en", "/admin/users").await;
    assert!(r.body.contains(&format!("action=\"/admin/users/{}/role\"", someone.id)));
    assert!(
        !r.body.contains(&format!("action=\"/admin/users/{}/role\"", admin.id)),
        "not offered for oneself"
    );
    let page_uri = format!("/admin/users/{}/role", someone.id);
    let r = h.post_form_as(&admin, "en", &page_uri, &[("role", "coordinator"), ("region", "KZ-75")]).await;
    assert_eq!(r.status, 303, "{}", r.body);
    let u = users::get(&h.db, someone.id).await.unwrap();
    assert_eq!((u.role, u.region.as_deref()), (Role::Coordinator, Some("KZ-75")));
    // Refusals in words, in the reader's language, with the status of the API.
    let r = h.post_form_as(&admin, "ru", &page_uri, &[("role", "border"), ("region", "KZ-75")]).await;
    assert_eq!(r.status, 422);
    assert!(r.body.contains(&esc(&m.t("ru", "err-region-role"))), "{}", r.body);
    let r = h
        .post_form_as(&admin, "kk", &format!("/admin/users/{}/role", admin.id), &[("role", "officer")])
        .await;
    assert_eq!(r.status, 409);
    assert!(r.body.contains(&esc(&m.t("kk", "of-users-err-own-role"))), "{}", r.body);
    let r = h.post_form_as(&admin, "en", &page_uri, &[("role", "wizard")]).await;
    assert_eq!(r.status, 422);
    assert!(r.body.contains(&esc(&m.t("en", "err-role"))));
    let r = h.post_form_as(&officer, "en", &page_uri, &[("role", "admin")]).await;
    assert_eq!(r.status, 403);
    assert_eq!(users::get(&h.db, someone.id).await.unwrap().role, Role::Coordinator);
}

// ---------------------------------------------------------------------------------------------
// 4. The audit log
// ---------------------------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_audit_log_is_searched_paged_downloaded_and_said_in_words() {
    let m = Messages::load();
    for h in Harness::both().await {
        eprintln!("on {}", h.backend());
        audit_log(&h, &m).await;
        h.cleanup().await;
    }
}

async fn audit_log(h: &Harness, m: &Messages) {
    let admin = h.user(Role::Admin).clone();
    let officer = h.user(Role::Officer).clone();
    // 60 reads of the accounts by the administrator, and a record of an action no message names.
    for _ in 0..60 {
        users::list_audited(&h.db, &actor_of(&admin)).await.unwrap();
    }
    audit::record(&h.db, &actor_of(&officer), Event::new("future.thing", "widget", "7")).await.unwrap();

    // The API: filters, pages, the count.
    let r =
        api(h, &admin, "GET", "/api/v1/audit?action=user.list&actor=test-admin&limit=25&page=3", None).await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!((r.header("x-total-count"), r.json().as_array().unwrap().len()), ("60", 10));
    let r = api(h, &admin, "GET", "/api/v1/audit?object_type=widget&object_id=7", None).await;
    assert_eq!(r.json()[0]["action"], "future.thing");
    let r = api(h, &admin, "GET", "/api/v1/audit?action=user.*", None).await;
    assert_eq!(r.header("x-total-count"), "66", "60 reads and the 6 accounts opened");
    let today = today();
    let tomorrow = today.tomorrow().unwrap();
    let r =
        api(h, &admin, "GET", &format!("/api/v1/audit?from={today}&to={today}&action=user.list"), None).await;
    assert_eq!(r.header("x-total-count"), "60");
    let r = api(h, &admin, "GET", &format!("/api/v1/audit?from={tomorrow}"), None).await;
    assert_eq!(r.header("x-total-count"), "0");
    for (uri, field) in [
        (format!("/api/v1/audit?from={tomorrow}&to={today}"), "to"),
        ("/api/v1/audit?from=yesterday".to_string(), "from"),
        ("/api/v1/audit?action=Drop%20table".to_string(), "action"),
        ("/api/v1/audit?page=0".to_string(), "page"),
        ("/api/v1/audit?limit=many".to_string(), "limit"),
        ("/api/v1/audit?format=xml".to_string(), "format"),
    ] {
        let r = api(h, &admin, "GET", &uri, None).await;
        assert_eq!(field_of(&r, 400), field, "{uri}");
    }
    api(h, &officer, "GET", "/api/v1/audit", None).await.problem(403);
    // CSV over the API: the BOM, the codes, audited.
    let r = api(h, &admin, "GET", "/api/v1/audit?format=csv&action=user.list", None).await;
    assert!(r.body.starts_with(BOM) && r.body.contains("user.list"));
    assert_eq!(r.body.lines().count(), 61);

    // The page in Russian: actions in words, never the code as the main text; paged; searched.
    let r = h.get_as(Some(&admin), "ru", "/admin/audit?action=user.list").await;
    assert_eq!(r.status, 200, "{}", r.body);
    let words = m.t("ru", "of-action-user-list");
    assert_eq!(words, "Список учётных записей просмотрен");
    assert!(r.body.contains(&format!("data-action=\"user.list\">{}", esc(&words))), "{}", r.body);
    assert!(!r.body.contains(">user.list<"), "the code is not the text");
    assert_eq!(r.body.matches("<tr data-seq=").count(), 50);
    let summary = m.t_args("ru", "of-paging-summary", &[("from", "1"), ("to", "50"), ("total", "60")]);
    assert!(r.body.contains(&summary));
    assert!(r.body.contains("href=\"/admin/audit?action=user.list&#38;page=2\""));
    let r = h.get_as(Some(&admin), "ru", "/admin/audit?action=user.list&page=2").await;
    assert_eq!(r.body.matches("<tr data-seq=").count(), 10);
    // An action without words: said generically, its code beside in small.
    let r = h.get_as(Some(&admin), "en", "/admin/audit?object_type=widget").await;
    assert!(
        r.body.contains(&format!(
            "{} <small class=\"hint\">(<code>future.thing</code>)</small>",
            m.t("en", "of-action-other")
        )),
        "{}",
        r.body
    );
    // Bad search parts: said in words, the rest kept.
    let r = h.get_as(Some(&admin), "kk", "/admin/audit?from=yesterday&action=user.list").await;
    assert_eq!(r.status, 200);
    let said =
        m.t_args("kk", "of-err-param", &[("field", &m.t("kk", "of-field-from")), ("value", "yesterday")]);
    assert!(r.body.contains(&esc(&said)), "{said}");
    assert_eq!(r.body.matches("<tr data-seq=").count(), 50);
    assert_eq!(h.get_as(Some(&officer), "en", "/admin/audit").await.status, 403);
    assert_eq!(h.get_as(Some(&officer), "en", "/admin/audit.csv").await.status, 403);

    // The page's download: the BOM, headings and actions in the reader's language; audited.
    let r = h.get_as(Some(&admin), "ru", "/admin/audit.csv?action=user.list").await;
    assert_eq!(r.status, 200);
    assert!(r.body.starts_with(BOM));
    let header = r.body.trim_start_matches(BOM).lines().next().unwrap().to_string();
    assert!(
        header.contains(&m.t("ru", "audit-actor")) && header.contains(&m.t("ru", "audit-action")),
        "{header}"
    );
    assert!(r.body.contains(&words));
    let r = h.get_as(Some(&admin), "en", "/admin/audit.csv?to=2020-13-01").await;
    assert_eq!(r.status, 422);
    let log = audit::tail(&h.db, 5).await.unwrap();
    let export = log.iter().find(|r| r.action == "audit.export").expect("the download is audited");
    assert!(export.detail.contains("user.list"), "{}", export.detail);
}

/// Every action the code records is named in words in the three languages, and the words are
/// the right kind: not the code itself.
#[test]
fn every_audited_action_has_words_in_three_languages() {
    let root = format!("{}/../..", env!("CARGO_MANIFEST_DIR"));
    let mut found = std::collections::BTreeSet::new();
    let mut stack: Vec<std::path::PathBuf> = ["crates/store/src", "crates/server/src", "crates/cli/src"]
        .iter()
        .map(|d| format!("{root}/{d}").into())
        .collect();
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                for part in text.split("Event::new(").skip(1) {
                    let part = part.trim_start();
                    if let Some(rest) = part.strip_prefix('"') {
                        found.insert(rest.split('"').next().unwrap().to_string());
                    }
                }
            }
        }
    }
    assert!(found.len() > 50, "{found:?}");
    let missing: Vec<&String> = found.iter().filter(|c| !ACTIONS.contains(&c.as_str())).collect();
    assert!(missing.is_empty(), "actions without words: {missing:?}");
    for lang in ["kk", "ru", "en"] {
        let text = std::fs::read_to_string(format!("{root}/data/i18n/{lang}/officers.ftl")).unwrap();
        for code in ACTIONS {
            let line = text
                .lines()
                .find(|l| l.starts_with(&format!("{} = ", action_key(code))))
                .unwrap_or_else(|| panic!("{lang}: no words for {code}"));
            assert!(!line.contains(code), "{lang}: {line}");
        }
    }
}
