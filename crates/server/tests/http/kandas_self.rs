//! Kandas self-service (issue 16) on both backends: an applicant files their own application
//! (API and page), the same key twice is one application, another applicant's is 404, the
//! region's officer assigns it and the applicant sees the assignment with its region and
//! subsidies; bad input is named in the reader's language; and the officers' page form for
//! interstate agreements (add, edit, CSRF, errors in words).

use crate::common;

use ashyq_core::Role;
use ashyq_store::audit;
use ashyq_store::users::{self, NewUser, User};
use ashyq_store::{Actor, Db};
use axum::body::Body;
use axum::http::Request;
use common::{Harness, PASSWORD, Reply};

async fn account(db: &Db, username: &str, role: Role, region: Option<&str>) -> User {
    let new = NewUser {
        username: username.into(),
        display_name: username.into(),
        role,
        region: region.map(Into::into),
        password: PASSWORD.into(),
    };
    users::create(db, &Actor::cli(), new).await.unwrap()
}

async fn api(h: &Harness, who: &User, method: &str, path: &str, body: Option<serde_json::Value>) -> Reply {
    let (secret, _) = ashyq_store::tokens::create(&h.db, &Actor::cli(), who, "test", None).await.unwrap();
    let mut req =
        Request::builder().method(method).uri(path).header("authorization", format!("Bearer {secret}"));
    let body = match body {
        Some(b) => {
            req = req.header("content-type", "application/json");
            Body::from(b.to_string())
        }
        None => Body::empty(),
    };
    h.send(req.body(body).unwrap()).await
}

fn family(region: &str) -> serde_json::Value {
    serde_json::json!({
        "applicant": { "surname": "SERIK", "given_names": "ARMAN", "birth_date": "1978-03-03" },
        "members": [
            { "surname": "SERIK", "given_names": "GULNAR", "birth_date": "1980-03-03", "relation": "spouse" },
            { "surname": "SERIK", "given_names": "DANA", "birth_date": "2010-03-03", "relation": "child" }
        ],
        "origin": "MNG", "ethnic_kazakh": true, "region": region
    })
}

/// The form's fields of a valid application (a family of two choosing North Kazakhstan).
fn form_fields(key: &str) -> Vec<(&'static str, String)> {
    vec![
        ("key", key.to_string()),
        ("applicant.surname", "NURBEK".into()),
        ("applicant.given_names", "ERLAN".into()),
        ("applicant.birth_date", "1979-11-30".into()),
        ("origin", "chn".into()),
        ("ethnic_kazakh", "yes".into()),
        ("region", "KZ-59".into()),
        ("members[0].surname", "NURBEK".into()),
        ("members[0].given_names", "GULNAR".into()),
        ("members[0].birth_date", "1981-04-12".into()),
        ("members[0].relation", "spouse".into()),
    ]
}

async fn post_form(h: &Harness, who: &User, lang: &str, uri: &str, fields: &[(&str, String)]) -> Reply {
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    h.post_form_as(who, lang, uri, &fields).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_applicant_files_follows_and_the_officer_of_the_region_assigns() {
    for h in Harness::both().await {
        let me = h.user(Role::Applicant).clone();
        let other = account(&h.db, "kandas.other", Role::Applicant, None).await;
        let officer = account(&h.db, "kandas.officer59", Role::Officer, Some("KZ-59")).await;

        let body = serde_json::json!({ "key": "double-click-1", "facts": family("KZ-59") });
        let first = api(&h, &me, "POST", "/api/v1/kandas/mine", Some(body.clone())).await;
        assert_eq!(first.status, 201, "{} {}", h.backend(), first.body);
        let app = first.json();
        let id = app["id"].as_i64().unwrap();
        assert_eq!(app["status"], "submitted");
        assert_eq!(app["applicant_id"], me.id);
        assert_eq!(app["family_size"], 3);

        // The same key and answers again: the same application, not a second one.
        let again = api(&h, &me, "POST", "/api/v1/kandas/mine", Some(body)).await;
        assert_eq!(again.status, 200, "{}", again.body);
        assert_eq!(again.json()["id"], id);
        // The same key with other answers is a conflict.
        let other_answers = serde_json::json!({ "key": "double-click-1", "facts": family("KZ-39") });
        api(&h, &me, "POST", "/api/v1/kandas/mine", Some(other_answers)).await.problem(409);
        let mine = api(&h, &me, "GET", "/api/v1/kandas/mine", None).await.json();
        assert_eq!(mine.as_array().unwrap().len(), 1, "{mine}");
        let filed = audit::for_object(&h.db, "kandas_application", &id.to_string()).await.unwrap();
        assert_eq!(filed.iter().filter(|r| r.action == "kandas.file").count(), 1);

        // Another applicant sees none of it: not found, on the API and on the page.
        api(&h, &other, "GET", &format!("/api/v1/kandas/mine/{id}"), None).await.problem(404);
        assert_eq!(h.get_as(Some(&other), "en", &format!("/kandas/mine/{id}")).await.status, 404);
        let theirs = api(&h, &other, "GET", "/api/v1/kandas/mine", None).await.json();
        assert_eq!(theirs.as_array().unwrap().len(), 0);

        // The applicant's page: waiting.
        let page = h.get_as(Some(&me), "en", &format!("/kandas/mine/{id}")).await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains("data-status=\"submitted\""), "{}", page.body);
        assert!(!page.body.contains("id=\"assignment\""));

        // Another region's officer is refused; the region's officer sees it in the queue and assigns.
        assert_eq!(h.get_as(Some(h.user(Role::Officer)), "en", &format!("/kandas/{id}")).await.status, 403);
        let queue = h.get_as(Some(&officer), "en", "/kandas").await;
        assert!(queue.body.contains(&format!("data-application=\"{id}\"")), "{}", queue.body);
        assert_eq!(h.get_as(Some(&officer), "en", &format!("/kandas/{id}")).await.status, 200);
        let reads = audit::for_object(&h.db, "kandas_application", &id.to_string()).await.unwrap();
        let readers: Vec<&str> =
            reads.iter().filter(|r| r.action == "kandas.read").map(|r| r.actor.as_str()).collect();
        assert_eq!(readers, ["kandas.officer59"], "the staff's read is audited; a refused one reads nothing");
        let queues = audit::for_object(&h.db, "kandas_application", "*").await.unwrap();
        assert!(queues.iter().any(|r| r.action == "kandas.queue" && r.actor == "kandas.officer59"));
        let assigned = h.post_form_as(&officer, "en", &format!("/kandas/{id}/assign"), &[]).await;
        assert_eq!(assigned.status, 303, "{}", assigned.body);

        // The applicant follows it: assigned, with the region and the subsidies.
        let today = ashyq_store::today();
        let due = ashyq_core::kandas::subsidies(&h.state.policy, "KZ-59", 3, today).unwrap();
        let shown = api(&h, &me, "GET", &format!("/api/v1/kandas/mine/{id}"), None).await.json();
        assert_eq!(shown["status"], "assigned");
        assert_eq!(shown["subsidies"]["total_kzt"], due.total_kzt.to_string());
        let page = h.get_as(Some(&me), "ru", &format!("/kandas/mine/{id}")).await;
        assert!(page.body.contains("id=\"assignment\""), "{}", page.body);
        assert!(page.body.contains("Северо-Казахстанская"), "the region in Russian: {}", page.body);
        let total = due.total_kzt.round_dp(2).normalize().to_string();
        let grouped = group_ru(&total);
        assert!(page.body.contains(&format!("id=\"total-kzt\">{grouped}<")), "{grouped} in {}", page.body);
        let list = h.get_as(Some(&me), "kk", "/kandas/mine").await;
        assert!(list.body.contains(&format!("href=\"/kandas/mine/{id}\"")));
        assert!(list.body.contains("Өңірге жіберілді"), "the status in Kazakh");

        // Staff have no "mine".
        api(
            &h,
            &officer,
            "POST",
            "/api/v1/kandas/mine",
            Some(serde_json::json!({"key":"x","facts":family("KZ-59")})),
        )
        .await
        .problem(403);
        h.cleanup().await;
    }
}

/// A whole number or decimal as the Russian pages write it: thousands apart by a no-break
/// space, a decimal comma.
fn group_ru(plain: &str) -> String {
    let (whole, fraction) = plain.split_once('.').unwrap_or((plain, ""));
    let mut out = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push('\u{a0}');
        }
        out.push(c);
    }
    if fraction.is_empty() { out } else { format!("{out},{fraction}") }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_form_sent_twice_files_one_application() {
    for h in Harness::both().await {
        let me = h.user(Role::Applicant).clone();
        let form = h.get_as(Some(&me), "en", "/kandas/mine/new").await;
        assert_eq!(form.status, 200);
        assert!(form.body.contains("name=\"csrf\"") && form.body.contains("name=\"key\""));
        let fields = form_fields("page-key-0123456789");
        let first = post_form(&h, &me, "en", "/kandas/mine", &fields).await;
        assert_eq!(first.status, 303, "{} {}", h.backend(), first.body);
        let second = post_form(&h, &me, "en", "/kandas/mine", &fields).await;
        assert_eq!(second.status, 303, "{}", second.body);
        assert_eq!(first.header("location"), second.header("location"));
        let mine = ashyq_store::kandas::own::mine(&h.db, me.id).await.unwrap();
        assert_eq!(mine.len(), 1);
        assert_eq!(mine[0].origin, "CHN");
        assert_eq!(mine[0].family_size, 2);
        assert_eq!(first.header("location"), format!("/kandas/mine/{}", mine[0].id));
        // Without the CSRF token nothing is filed.
        let req = Request::post("/kandas/mine")
            .header("cookie", h.session_of(&me).await.0)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(Body::from("key=no-csrf-key&applicant.surname=X"))
            .unwrap();
        assert_eq!(h.send(req).await.status, 403);
        assert_eq!(ashyq_store::kandas::own::mine(&h.db, me.id).await.unwrap().len(), 1);
        h.cleanup().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_input_is_named_in_the_readers_language() {
    let h = Harness::new().await;
    let me = h.user(Role::Applicant).clone();
    // No date of birth: named, in Russian, and the answers kept.
    let mut fields = form_fields("bad-input-key-000001");
    fields.retain(|(k, _)| *k != "applicant.birth_date");
    let r = post_form(&h, &me, "ru", "/kandas/mine", &fields).await;
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(r.body.contains("Укажите дату рождения"), "{}", r.body);
    assert!(r.body.contains("href=\"#f-applicant-birth_date\""), "the summary links the field");
    assert!(r.body.contains("value=\"NURBEK\""), "the answers are kept");
    // A family member born tomorrow: that member's date, in Kazakh.
    let tomorrow = ashyq_store::today().tomorrow().unwrap().to_string();
    let mut fields = form_fields("bad-input-key-000002");
    fields.retain(|(k, _)| *k != "members[0].birth_date");
    fields.push(("members[0].birth_date", tomorrow));
    let r = post_form(&h, &me, "kk", "/kandas/mine", &fields).await;
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(r.body.contains("Туған күні бүгіннен кейін бола алмайды"), "{}", r.body);
    assert!(r.body.contains("Отбасы мүшесі 1"), "the member is named: {}", r.body);
    // Not an ethnic Kazakh; a citizen; an unknown country; no region: each in English words.
    for (change, expected) in [
        (("ethnic_kazakh", ""), "for ethnic Kazakhs"),
        (("citizen", "yes"), "Citizens of Kazakhstan do not apply"),
        (("origin", "XYZ"), "Enter the country of origin in three letters"),
        (("region", ""), "Choose the region where the family will settle"),
    ] {
        let mut fields = form_fields("bad-input-key-000003");
        fields.retain(|(k, _)| *k != change.0);
        if !change.1.is_empty() {
            fields.push((change.0, change.1.to_string()));
        }
        let r = post_form(&h, &me, "en", "/kandas/mine", &fields).await;
        assert_eq!(r.status, 422, "{change:?}: {}", r.body);
        assert!(r.body.contains(expected), "{change:?}: {}", r.body);
        assert!(!r.body.contains("ethnic_kazakh:") && !r.body.contains("StatusError"), "no codes shown");
    }
    assert!(ashyq_store::kandas::own::mine(&h.db, me.id).await.unwrap().is_empty(), "nothing was filed");

    // The API names the field (422), and a body that does not read is refused, never a 5xx.
    let mut late = family("KZ-59");
    late["members"][1]["birth_date"] = serde_json::json!("2999-01-01");
    let p =
        api(&h, &me, "POST", "/api/v1/kandas/mine", Some(serde_json::json!({"key":"k1","facts":late}))).await;
    assert_eq!(p.problem(422)["errors"][0]["field"], "members[1].birth_date");
    let p = api(
        &h,
        &me,
        "POST",
        "/api/v1/kandas/mine",
        Some(serde_json::json!({"key":"","facts":family("KZ-59")})),
    )
    .await;
    assert_eq!(p.problem(422)["errors"][0]["field"], "key");
    let p =
        api(&h, &me, "POST", "/api/v1/kandas/mine", Some(serde_json::json!({"key":"k2","facts":{"x":1}})))
            .await;
    assert!((400..500).contains(&p.status), "{}", p.body);
    assert_eq!(h.get_as(Some(&me), "en", "/kandas/mine/not-a-number").await.status / 100, 4);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn officers_add_and_edit_agreements_on_the_page_form() {
    for h in Harness::both().await {
        let officer = h.user(Role::Officer).clone();
        assert_eq!(h.get_as(Some(h.user(Role::Applicant)), "en", "/abroad/agreements/new").await.status, 403);
        let list = h.get_as(Some(&officer), "en", "/abroad/agreements").await;
        assert!(list.body.contains("href=\"/abroad/agreements/new\""), "officers see the way to add");
        let public = h.get_as(None, "en", "/abroad/agreements").await;
        assert!(!public.body.contains("/abroad/agreements/new"), "the public does not");

        let form = h.get_as(Some(&officer), "en", "/abroad/agreements/new").await;
        assert_eq!(form.status, 200);
        assert!(form.body.contains("name=\"csrf\""));

        // Signed without a date of signature: named in Russian.
        let bad = [
            ("reference", "web-ag-1"),
            ("country", "KOR"),
            ("title", "Agreement on seasonal work"),
            ("status", "signed"),
            ("covers", "employment"),
            ("covers", "pensions"),
        ];
        let r = h.post_form_as(&officer, "ru", "/abroad/agreements/new", &bad).await;
        assert_eq!(r.status, 422, "{} {}", h.backend(), r.body);
        assert!(r.body.contains("Укажите дату подписания"), "{}", r.body);
        assert!(r.body.contains("href=\"#f-signed_on\""));
        assert!(r.body.contains("value=\"Agreement on seasonal work\""), "the answers are kept");

        let mut good = bad.to_vec();
        good.push(("signed_on", "2025-05-20"));
        let r = h.post_form_as(&officer, "en", "/abroad/agreements/new", &good).await;
        assert_eq!(r.status, 303, "{}", r.body);
        let saved = ashyq_store::abroad::agreements::list(&h.db, ashyq_store::today()).await.unwrap();
        let a = saved.iter().find(|a| a.reference == "web-ag-1").expect("saved");
        assert_eq!(a.status, "signed");
        assert_eq!(a.covers, vec!["employment".to_string(), "pensions".to_string()]);
        assert_eq!(r.header("location"), format!("/abroad/agreements#agreement-{}", a.id));

        // The same reference again is not an update by the back door.
        let r = h.post_form_as(&officer, "en", "/abroad/agreements/new", &good).await;
        assert_eq!(r.status, 422);
        assert!(r.body.contains("exists already"), "{}", r.body);

        // Edit: the form holds the agreement; it enters into force.
        let edit = h.get_as(Some(&officer), "kk", &format!("/abroad/agreements/{}/edit", a.id)).await;
        assert_eq!(edit.status, 200);
        assert!(edit.body.contains("value=\"web-ag-1\"") && edit.body.contains("readonly"));
        assert!(edit.body.contains("value=\"2025-05-20\""));
        let changed = [
            ("reference", "ignored"),
            ("country", "KOR"),
            ("title", "Agreement on seasonal work"),
            ("status", "in_force"),
            ("signed_on", "2025-05-20"),
            ("in_force_from", "2025-01-01"),
            ("covers", "employment"),
        ];
        let r = h.post_form_as(&officer, "en", &format!("/abroad/agreements/{}/edit", a.id), &changed).await;
        assert_eq!(r.status, 422, "in force before it was signed");
        assert!(r.body.contains("not before the signature"), "{}", r.body);
        let mut changed = changed.to_vec();
        changed.retain(|(k, _)| *k != "in_force_from");
        changed.push(("in_force_from", "2025-09-01"));
        let r = h.post_form_as(&officer, "en", &format!("/abroad/agreements/{}/edit", a.id), &changed).await;
        assert_eq!(r.status, 303, "{}", r.body);
        let saved = ashyq_store::abroad::agreements::list(&h.db, ashyq_store::today()).await.unwrap();
        let a2 = saved.iter().find(|x| x.id == a.id).unwrap();
        assert_eq!((a2.reference.as_str(), a2.status.as_str()), ("web-ag-1", "in_force"));
        assert_eq!(a2.in_force_from, Some(jiff::civil::date(2025, 9, 1)));
        assert!(!saved.iter().any(|x| x.reference == "ignored"), "the reference stays");
        let saves = audit::for_object(&h.db, "abroad_agreement", &a.id.to_string()).await.unwrap();
        assert_eq!(saves.iter().filter(|r| r.action == "abroad.agreement.save").count(), 2);

        // Without the CSRF token: refused, nothing changed.
        let req = Request::post(format!("/abroad/agreements/{}/edit", a.id))
            .header("cookie", h.session_of(&officer).await.0)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(Body::from("country=KOR&title=Hijack&status=negotiating"))
            .unwrap();
        assert_eq!(h.send(req).await.status, 403);
        assert_eq!(h.get_as(Some(&officer), "en", "/abroad/agreements/999999/edit").await.status, 404);
        h.cleanup().await;
    }
}
