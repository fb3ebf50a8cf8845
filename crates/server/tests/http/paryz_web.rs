//! The Paryz contest's pages and API (issue 7), on SQLite and (with `ASHYQ_TEST_POSTGRES_URL`)
//! PostgreSQL: the secretariat opens a year, a coordinator nominates through the form (a bad
//! BIN named in words, an unknown Ata zholy card refused), the year is invisible to the public
//! (404 on the page and the API) but visible to coordinators, the jury's decisions are recorded
//! (never more winners than prizes), the results published on `/paryz` and `/paryz/{year}` in
//! Kazakh, Russian and English, and every step audited.

use crate::common;

use ashyq_core::Role;
use ashyq_store::audit;
use ashyq_store::users::User;
use axum::body::Body;
use axum::http::Request;
use common::{Harness, Reply, esc};
use std::collections::HashMap;

/// The messages of `paryz.ftl` in a language.
fn messages(lang: &str) -> HashMap<String, String> {
    let path = format!("{}/../../data/i18n/{lang}/paryz.ftl", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{path}: {e}"))
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once(" = "))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect()
}

fn t(lang: &str, key: &str) -> String {
    messages(lang).remove(key).unwrap_or_else(|| panic!("no {key} in {lang}"))
}

async fn get_as(h: &Harness, who: Option<&User>, lang: &str, uri: &str) -> Reply {
    h.get_as(who, lang, uri).await
}

async fn post_as(h: &Harness, who: &User, uri: &str, fields: &[(&str, &str)]) -> Reply {
    h.post_form_as(who, "en", uri, fields).await
}

fn nomination<'a>(
    reference: &'a str,
    nominee: &'a str,
    bin: &'a str,
    card: &'a str,
) -> Vec<(&'a str, &'a str)> {
    vec![
        ("reference", reference),
        ("nominee", nominee),
        ("country", "TUR"),
        ("card_number", card),
        ("business", "Example Textiles (fictional)"),
        ("sector", "manufacturing"),
        ("bin", bin),
        ("contribution", "A garment factory in Shymkent"),
        ("jobs_created", "120"),
        ("investment_kzt", "500000000"),
    ]
}

async fn a_year_through_the_pages(h: &Harness) {
    let admin = h.user(Role::Admin).clone();
    let coord = h.user(Role::Coordinator).clone();
    let officer = h.user(Role::Officer).clone();
    let good_bin =
        ashyq_core::ids::Bin::complete(&[0, 4, 0, 3, 4, 0, 0, 0, 1, 2, 3]).unwrap().as_str().to_string();
    let bad_bin = format!("{}{}", &good_bin[..11], (good_bin.as_bytes()[11] - b'0' + 1) % 10);

    let r = post_as(h, &admin, "/paryz", &[("year", "2026")]).await;
    assert_eq!((r.status, r.header("location")), (303, "/paryz/2026"), "{}", r.body);
    // A year already opened is refused in words.
    let r = post_as(h, &admin, "/paryz", &[("year", "2026")]).await;
    assert_eq!(r.status, 409, "{}", r.body);
    assert!(r.body.contains("id=\"error\""), "{}", r.body);

    // A coordinator nominates: a bad BIN is named, an unknown card refused, nothing stored.
    let r =
        post_as(h, &coord, "/paryz/2026/nominations", &nomination("w-1", "Aigerim Example", &bad_bin, ""))
            .await;
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(r.body.contains(&esc(&t("en", "pz-field-bin"))) && r.body.contains("check digit"), "{}", r.body);
    assert!(r.body.contains("value=\"Aigerim Example\""), "what was typed is kept");
    let r = post_as(
        h,
        &coord,
        "/paryz/2026/nominations",
        &nomination("w-1", "Aigerim Example", &good_bin, "AZH-2026-999999"),
    )
    .await;
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(r.body.contains("No Ata zholy card AZH-2026-999999 was issued"), "{}", r.body);
    for (reference, nominee) in
        [("w-1", "Aigerim Example"), ("w-2", "Nurlan Sample"), ("w-3", "Dana Placeholder")]
    {
        let r = post_as(h, &coord, "/paryz/2026/nominations", &nomination(reference, nominee, &good_bin, ""))
            .await;
        assert_eq!(r.status, 303, "{}", r.body);
    }
    // The public sees nothing of the year; coordinators see every nomination.
    assert_eq!(get_as(h, None, "en", "/paryz/2026").await.status, 404);
    assert_eq!(get_as(h, Some(&officer), "en", "/paryz/2026").await.status, 404);
    let api = h.send(Request::get("/api/v1/paryz/2026").body(Body::empty()).unwrap()).await;
    api.problem(404);
    let list = h.send(Request::get("/api/v1/paryz").body(Body::empty()).unwrap()).await;
    assert_eq!(list.json().as_array().map(Vec::len), Some(0));
    let page = get_as(h, None, "en", "/paryz").await;
    assert!(!page.body.contains("Aigerim") && page.body.contains("id=\"no-years\""), "{}", page.body);
    let seen = get_as(h, Some(&coord), "en", "/paryz/2026").await;
    assert_eq!(seen.status, 200);
    assert_eq!(seen.body.matches("data-nomination=").count(), 3, "{}", seen.body);
    assert!(seen.body.contains("id=\"nominate-form\"") && !seen.body.contains("decide-form"));

    // No decision while nominations are open.
    let ids: Vec<i64> = {
        let token = h.bearer(Role::Coordinator).await;
        let r = h
            .send(
                Request::get("/api/v1/paryz/2026")
                    .header("authorization", format!("Bearer {token}"))
                    .body(Body::empty())
                    .unwrap(),
            )
            .await;
        r.json()["nominations"].as_array().unwrap().iter().map(|n| n["id"].as_i64().unwrap()).collect()
    };
    assert_eq!(ids.len(), 3);
    let decide = |id: i64| format!("/paryz/nominations/{id}/decide");
    let r = post_as(h, &admin, &decide(ids[0]), &[("verdict", "winner"), ("reason", "120 jobs")]).await;
    assert_eq!(r.status, 409, "{}", r.body);
    // Closed: the jury decides.
    assert_eq!(post_as(h, &admin, "/paryz/2026/close", &[]).await.status, 303);
    let r = post_as(h, &admin, "/paryz/2026/publish", &[]).await;
    assert_eq!(r.status, 409, "not every nomination is decided: {}", r.body);
    for (id, verdict) in [(ids[0], "winner"), (ids[1], "shortlisted"), (ids[2], "not_selected")] {
        let r =
            post_as(h, &admin, &decide(id), &[("verdict", verdict), ("reason", "the jury's reasons")]).await;
        assert_eq!(r.status, 303, "{}", r.body);
    }
    assert_eq!(post_as(h, &admin, "/paryz/2026/publish", &[]).await.status, 303);
    // Final.
    let r = post_as(h, &admin, &decide(ids[2]), &[("verdict", "winner"), ("reason", "again")]).await;
    assert_eq!(r.status, 409);

    // Published: the public sees the winner and the shortlist, in every language.
    for lang in ["kk", "ru", "en"] {
        let p = get_as(h, None, lang, "/paryz/2026").await;
        assert_eq!(p.status, 200, "{}", p.body);
        assert!(p.body.contains(&format!("lang=\"{lang}\"")), "{lang}");
        assert!(p.body.contains(&esc(&t(lang, "pz-winners"))), "{lang}: {}", p.body);
        assert!(p.body.contains(&esc(&t(lang, "pz-shortlist"))), "{lang}");
        assert!(p.body.contains("Aigerim Example") && p.body.contains("Nurlan Sample"), "{lang}");
        assert!(!p.body.contains("Dana Placeholder"), "not selected is not published");
        assert!(!p.body.contains("the jury&#39;s reasons"), "the reasons are not published");
        let l = get_as(h, None, lang, "/paryz").await;
        assert!(l.body.contains(&esc(&t(lang, "pz-title"))) && l.body.contains("Aigerim Example"), "{lang}");
        assert!(l.body.contains(&esc(&t(lang, "nav-paryz"))), "the menu item in {lang}");
    }
    let api = h.send(Request::get("/api/v1/paryz/2026").body(Body::empty()).unwrap()).await;
    let j = api.json();
    assert_eq!(j["status"], "published");
    assert_eq!(j["prizes"], 3);
    assert_eq!(j["nominations"].as_array().map(Vec::len), Some(2));
    assert!(j["nominations"][0]["reason"].is_null() && j["nominations"][0]["nominated_by"].is_null());

    // Every step was audited.
    let log = audit::tail(&h.db, 200).await.unwrap();
    for (action, n) in [
        ("paryz.year.open", 1),
        ("paryz.nominate", 3),
        ("paryz.year.close", 1),
        ("paryz.decide", 3),
        ("paryz.year.publish", 1),
    ] {
        assert_eq!(log.iter().filter(|r| r.action == action).count(), n, "{action}");
    }
    assert!(log.iter().any(|r| r.action == "paryz.read" && r.actor == "test-coordinator"));
}

async fn the_api_never_awards_more_prizes_than_the_policy(h: &Harness) {
    let admin = h.bearer(Role::Admin).await;
    let coord = h.bearer(Role::Coordinator).await;
    let call = |method: &str, uri: String, token: &str, body: String| {
        Request::builder()
            .method(method)
            .uri(uri)
            .header("authorization", format!("Bearer {token}"))
            .header("content-type", "application/json")
            .body(Body::from(body))
            .unwrap()
    };
    let r = h.send(call("POST", "/api/v1/paryz".into(), &admin, r#"{"year":2027}"#.into())).await;
    assert_eq!(r.status, 201, "{}", r.body);
    let mut ids = Vec::new();
    for i in 0..4 {
        let body = format!(
            r#"{{"reference":"api-{i}","nominee":"Nominee {i} (fictional)","country":"DEU","business":"B{i}","sector":"it","contribution":"c","jobs_created":1,"investment_kzt":1}}"#
        );
        let r = h.send(call("POST", "/api/v1/paryz/2027/nominations".into(), &coord, body.clone())).await;
        assert_eq!(r.status, 201, "{}", r.body);
        ids.push(r.json()["id"].as_i64().unwrap());
        // The same reference again: the same nomination.
        let again = h.send(call("POST", "/api/v1/paryz/2027/nominations".into(), &coord, body)).await;
        assert_eq!((again.status, again.json()["id"].as_i64()), (200, ids.last().copied()));
    }
    let bad = r#"{"reference":"bad","nominee":"X","country":"DEU","business":"B","sector":"s","contribution":"c","bin":"123456789012"}"#;
    let p =
        h.send(call("POST", "/api/v1/paryz/2027/nominations".into(), &coord, bad.into())).await.problem(422);
    assert_eq!(p["errors"][0]["field"], "bin", "{p}");
    let r = h.send(call("POST", "/api/v1/paryz/2027/close".into(), &admin, String::new())).await;
    assert_eq!(r.json()["status"], "closed");
    let decide = |id: i64| format!("/api/v1/paryz/nominations/{id}/decision");
    for id in &ids[..3] {
        let r =
            h.send(call("POST", decide(*id), &admin, r#"{"verdict":"winner","reason":"r"}"#.into())).await;
        assert_eq!(r.status, 200, "{}", r.body);
    }
    let p = h
        .send(call("POST", decide(ids[3]), &admin, r#"{"verdict":"winner","reason":"r"}"#.into()))
        .await
        .problem(409);
    assert!(p["detail"].as_str().unwrap().contains("prizes"), "{p}");
    // Coordinators nominate but do not decide.
    h.send(call("POST", decide(ids[3]), &coord, r#"{"verdict":"winner","reason":"r"}"#.into()))
        .await
        .problem(403);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_paryz_contest_through_the_pages_and_the_api() {
    for h in Harness::both().await {
        a_year_through_the_pages(&h).await;
        the_api_never_awards_more_prizes_than_the_policy(&h).await;
    }
}
