//! Citizens working abroad over the API and the pages (issue 7), on SQLite and (with
//! `ASHYQ_TEST_POSTGRES_URL`) PostgreSQL: who sees what — the public gets the agreements and a
//! 401 on the registry, an analyst the counts by country and sector but a 403 on a person's
//! record, an officer everything, an administrator reads but does not write — the registry
//! idempotent by reference with a bad IIN named, a case moved through its states with actions,
//! every read audited, countries ordered by citizens working there, and the pages in Kazakh,
//! Russian and English.

use crate::common;

use ashyq_core::Role;
use ashyq_store::audit;
use axum::body::Body;
use axum::http::Request;
use common::{Harness, Reply, esc};
use std::collections::HashMap;

/// The messages of `abroad.ftl` in a language.
fn messages(lang: &str) -> HashMap<String, String> {
    let path = format!("{}/../../data/i18n/{lang}/abroad.ftl", env!("CARGO_MANIFEST_DIR"));
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

async fn api(
    h: &Harness,
    role: Option<Role>,
    method: &str,
    uri: &str,
    body: Option<serde_json::Value>,
) -> Reply {
    let mut req = Request::builder().method(method).uri(uri);
    if let Some(r) = role {
        req = req.header("authorization", format!("Bearer {}", h.bearer(r).await));
    }
    let body = match body {
        Some(b) => {
            req = req.header("content-type", "application/json");
            Body::from(b.to_string())
        }
        None => Body::empty(),
    };
    h.send(req.body(body).unwrap()).await
}

async fn page(h: &Harness, role: Option<Role>, lang: &str, uri: &str) -> Reply {
    let cookie = match role {
        Some(r) => format!("{}; ashyq_lang={lang}", h.session(r).await.0),
        None => format!("ashyq_lang={lang}"),
    };
    h.send(Request::get(uri).header("cookie", cookie).body(Body::empty()).unwrap()).await
}

async fn form(h: &Harness, role: Role, uri: &str, fields: &[(&str, &str)]) -> Reply {
    h.post_form_as(h.user(role), "en", uri, fields).await
}

fn worker(reference: &str, iin: &str, surname: &str, country: &str, sector: &str) -> serde_json::Value {
    serde_json::json!({
        "reference": reference, "iin": iin, "surname": surname, "given_names": "Aigerim",
        "country": country, "employer": "Hanil Care", "agency": "Steppe Recruit", "agency_licence": "L-77",
        "contract_from": "2026-01-10", "contract_until": "2030-01-09", "sector": sector,
    })
}

async fn roles_see_what_they_handle(h: &Harness) {
    let officer = Some(Role::Officer);
    // The officer registers; the same reference again is the same entry; a bad IIN is named.
    let r = api(
        h,
        officer,
        "POST",
        "/api/v1/abroad/workers",
        Some(worker("w-1", "900101400013", "Sadykova", "KOR", "domestic_work")),
    )
    .await;
    assert_eq!(r.status, 201, "{}", r.body);
    let id = r.json()["id"].as_i64().unwrap();
    assert_eq!(r.json()["birth_date"], "1990-01-01");
    let again = api(
        h,
        officer,
        "POST",
        "/api/v1/abroad/workers",
        Some(worker("w-1", "900101400013", "Sadykova", "KOR", "domestic_work")),
    )
    .await;
    assert_eq!((again.status, again.json()["id"].as_i64()), (200, Some(id)));
    let bad = api(
        h,
        officer,
        "POST",
        "/api/v1/abroad/workers",
        Some(worker("w-bad", "900101400014", "X", "KOR", "it")),
    )
    .await;
    let p = bad.problem(422);
    assert!(p.to_string().contains("iin"), "{p}");
    for (n, (iin, c)) in [("850615300129", "KOR"), ("921203400232", "ARE")].iter().enumerate() {
        let r = api(
            h,
            officer,
            "POST",
            "/api/v1/abroad/workers",
            Some(worker(&format!("w-{}", n + 2), iin, "Other", c, "construction")),
        )
        .await;
        assert_eq!(r.status, 201, "{}", r.body);
    }
    // An agreement, public.
    let a = serde_json::json!({
        "reference": "kor-1", "country": "KOR", "title": "Agreement on employment (illustrative)", "status": "in_force",
        "signed_on": "2024-05-01", "in_force_from": "2025-01-01", "covers": ["employment", "domestic_workers"], "illustrative": true,
    });
    assert_eq!(api(h, officer, "POST", "/api/v1/abroad/agreements", Some(a)).await.status, 201);
    let public = api(h, None, "GET", "/api/v1/abroad/agreements", None).await;
    assert_eq!(public.status, 200);
    assert_eq!(public.json()[0]["covers"], serde_json::json!(["employment", "domestic_workers"]));
    // The public: 401 on the registry and the figures.
    api(h, None, "GET", "/api/v1/abroad/workers", None).await.problem(401);
    api(h, None, "GET", &format!("/api/v1/abroad/workers/{id}"), None).await.problem(401);
    // The analyst: counts by country and sector, no names or IINs; 403 on a person's record.
    let f = api(h, Some(Role::Analyst), "GET", "/api/v1/abroad/figures", None).await;
    assert_eq!(f.status, 200, "{}", f.body);
    let fj = f.json();
    assert_eq!(fj["citizens"], 3);
    assert_eq!(fj["countries"][0]["country"], "KOR");
    assert_eq!(fj["countries"][0]["citizens"], 2);
    assert_eq!(fj["countries"][0]["by_sector"]["domestic_work"], 1);
    assert!(!f.body.contains("Sadykova") && !f.body.contains("900101400013"));
    api(h, Some(Role::Analyst), "GET", &format!("/api/v1/abroad/workers/{id}"), None).await.problem(403);
    api(h, Some(Role::Analyst), "GET", "/api/v1/abroad/cases", None).await.problem(403);
    // A case: opened, worked on, resolved, by the officer.
    let c = api(h, officer, "POST", "/api/v1/abroad/cases", Some(serde_json::json!({
        "reference": "c-1", "worker_id": id, "kind": "confiscated_passport", "complaint": "The employer keeps her passport."
    }))).await;
    assert_eq!(c.status, 201, "{}", c.body);
    let cid = c.json()["id"].as_i64().unwrap();
    let early = api(
        h,
        officer,
        "POST",
        &format!("/api/v1/abroad/cases/{cid}/status"),
        Some(serde_json::json!({"status": "resolved", "reason": "x"})),
    )
    .await;
    early.problem(409);
    let moved = api(
        h,
        officer,
        "POST",
        &format!("/api/v1/abroad/cases/{cid}/status"),
        Some(serde_json::json!({"status": "in_progress", "reason": "taken up"})),
    )
    .await;
    assert_eq!(moved.json()["status"], "in_progress");
    let acted = api(
        h,
        officer,
        "POST",
        &format!("/api/v1/abroad/cases/{cid}/actions"),
        Some(serde_json::json!({"kind": "consulate_contacted", "body": "Consulate in Seoul informed"})),
    )
    .await;
    assert_eq!(acted.status, 201, "{}", acted.body);
    let acts = acted.json()["actions"].as_array().unwrap().len();
    assert_eq!(acts, 3);
    // The administrator reads but does not write.
    let shown = api(h, Some(Role::Admin), "GET", &format!("/api/v1/abroad/cases/{cid}"), None).await;
    assert_eq!(shown.status, 200);
    assert_eq!(shown.json()["citizen"], "Sadykova Aigerim");
    api(
        h,
        Some(Role::Admin),
        "POST",
        "/api/v1/abroad/cases",
        Some(serde_json::json!({
            "reference": "c-admin", "worker_id": id, "kind": "other", "complaint": "x"
        })),
    )
    .await
    .problem(403);
    assert_eq!(
        api(h, Some(Role::Admin), "GET", &format!("/api/v1/abroad/workers/{id}"), None).await.status,
        200
    );
    // Every read of the person's record and of the case is audited, with who read it.
    let reads = audit::for_object(&h.db, "abroad_worker", &id.to_string()).await.unwrap();
    let readers: Vec<&str> =
        reads.iter().filter(|r| r.action == "abroad.worker.read").map(|r| r.role.as_str()).collect();
    assert_eq!(readers, ["officer", "admin"], "the replay by the officer, then the administrator's read");
    let reads = audit::for_object(&h.db, "abroad_case", &cid.to_string()).await.unwrap();
    assert!(reads.iter().any(|r| r.action == "abroad.case.read" && r.role == "admin"));
}

async fn pages_for_each_role(h: &Harness) {
    // The officer registers through the form; a bad IIN comes back in words, naming the field.
    let fields = |iin: &'static str, reference: &'static str| {
        vec![
            ("reference", reference),
            ("iin", iin),
            ("surname", "Page"),
            ("given_names", "Dana"),
            ("country", "TUR"),
            ("employer", "Otel"),
            ("agency", ""),
            ("agency_licence", ""),
            ("contract_from", "2026-02-01"),
            ("contract_until", "2030-02-01"),
            ("sector", "hospitality"),
        ]
    };
    let bad = form(h, Role::Officer, "/abroad/workers", &fields("880302300341", "page-bad")).await;
    assert_eq!(bad.status, 422);
    assert!(bad.body.contains("id=\"error\"") && bad.body.contains("iin"), "{}", bad.body);
    let ok = form(h, Role::Officer, "/abroad/workers", &fields("880302300340", "page-1")).await;
    assert_eq!(ok.status, 303, "{}", ok.body);
    let to = ok.header("location").to_string();
    assert!(to.starts_with("/abroad/workers/"));
    let shown = page(h, Some(Role::Officer), "en", &to).await;
    assert_eq!(shown.status, 200);
    assert!(shown.body.contains("Page Dana") && shown.body.contains("880302300340"));
    // A case opened from the citizen's page, moved and acted on through the forms.
    let opened = form(
        h,
        Role::Officer,
        &format!("{to}/cases"),
        &[("reference", "page-c-1"), ("kind", "unpaid_wages"), ("complaint", "Three months unpaid")],
    )
    .await;
    assert_eq!(opened.status, 303, "{}", opened.body);
    let case = opened.header("location").to_string();
    let c = page(h, Some(Role::Officer), "en", &case).await;
    assert!(c.body.contains("data-status=\"open\"") && c.body.contains("id=\"status-form\""));
    let refused =
        form(h, Role::Officer, &format!("{case}/status"), &[("status", "resolved"), ("reason", "x")]).await;
    assert_eq!(refused.status, 409);
    assert!(refused.body.contains("id=\"error\""));
    assert_eq!(
        form(h, Role::Officer, &format!("{case}/status"), &[("status", "in_progress"), ("reason", "on it")])
            .await
            .status,
        303
    );
    assert_eq!(
        form(
            h,
            Role::Officer,
            &format!("{case}/actions"),
            &[("kind", "employer_contacted"), ("taken_on", ""), ("body", "Called the hotel")]
        )
        .await
        .status,
        303
    );
    let c = page(h, Some(Role::Officer), "en", &case).await;
    assert!(
        c.body.contains("data-status=\"in_progress\"")
            && c.body.contains("data-action=\"employer_contacted\"")
    );
    assert!(c.body.contains("Called the hotel"));
    // The administrator reads the case without the forms.
    let admin = page(h, Some(Role::Admin), "en", &case).await;
    assert_eq!(admin.status, 200);
    assert!(!admin.body.contains("id=\"status-form\""));
    // The analyst's overview has the counts but no names; the registry is refused.
    let a = page(h, Some(Role::Analyst), "en", "/abroad").await;
    assert_eq!(a.status, 200);
    assert!(a.body.contains("data-country=\"TUR\"") && a.body.contains("id=\"counts-only\""));
    assert!(!a.body.contains("Page Dana") && !a.body.contains("880302300340"));
    assert_eq!(page(h, Some(Role::Analyst), "en", &to).await.status, 403);
    // The officer's overview lists the open case by name.
    let o = page(h, Some(Role::Officer), "en", "/abroad").await;
    assert!(o.body.contains("Page Dana") && o.body.contains("id=\"open-cases\""));
    // The public: the agreements, and a login for the rest.
    assert_eq!(page(h, None, "en", "/abroad/agreements").await.status, 200);
    let r = page(h, None, "en", "/abroad").await;
    assert_eq!(r.status, 303);
    assert!(r.header("location").starts_with("/login"));
}

async fn pages_in_three_languages(h: &Harness) {
    for lang in ["kk", "ru", "en"] {
        let a = page(h, None, lang, "/abroad/agreements").await;
        assert_eq!(a.status, 200);
        assert!(a.body.contains(&format!("lang=\"{lang}\"")));
        assert!(a.body.contains(&esc(&t(lang, "ab-agreements-intro"))), "{lang}");
        assert!(a.body.contains(&esc(&t(lang, "ab-astatus-in_force"))), "{lang}");
        let o = page(h, Some(Role::Officer), lang, "/abroad").await;
        assert!(o.body.contains(&esc(&t(lang, "ab-title"))), "{lang}");
        assert!(o.body.contains(&format!(">{}<", esc(&t(lang, "nav-abroad")))), "menu in {lang}");
        let w = page(h, Some(Role::Officer), lang, "/abroad/workers").await;
        assert!(w.body.contains(&esc(&t(lang, "ab-sector-domestic_work"))), "{lang}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn citizens_abroad_by_role_and_language() {
    for h in Harness::both().await {
        eprintln!("on {}", h.backend());
        roles_see_what_they_handle(&h).await;
        pages_for_each_role(&h).await;
        pages_in_three_languages(&h).await;
        h.cleanup().await;
    }
}
