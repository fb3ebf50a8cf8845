//! The register of movements over HTTP (issue 5 §4), on SQLite and (with
//! `ASHYQ_TEST_POSTGRES_URL`) PostgreSQL: batches of crossings checked by the file's validator
//! (422 naming `crossings[i].field`, 409 for a changed event, a retried batch stored once); a
//! person's record for officers, audited; the border check of a real TD3 zone with the status and
//! warnings; the pages in Kazakh, Russian and English; officers' merge, split and undo; the
//! analysts' figures exported as CSV and XLSX that read back.

use crate::common;

use ashyq_core::Role;
use ashyq_store::audit;
use ashyq_store::register::stats;
use axum::body::Body;
use axum::http::Request;
use common::browser::Messages;
use common::register::{self as fx, ago};
use common::{Harness, Reply};
use serde_json::{Value, json};

async fn api(h: &Harness, role: Role, method: &str, uri: &str, body: Option<Value>) -> Reply {
    let mut req = Request::builder()
        .method(method)
        .uri(uri)
        .header("authorization", format!("Bearer {}", h.bearer(role).await));
    let body = match body {
        Some(b) => {
            req = req.header("content-type", "application/json");
            Body::from(b.to_string())
        }
        None => Body::empty(),
    };
    h.send(req.body(body).unwrap()).await
}

async fn page(h: &Harness, role: Role, lang: &str, uri: &str) -> Reply {
    let (cookie, _) = h.session(role).await;
    let req = Request::get(uri)
        .header("cookie", format!("{cookie}; ashyq_lang={lang}"))
        .body(Body::empty())
        .unwrap();
    h.send(req).await
}

async fn post_form(h: &Harness, role: Role, lang: &str, uri: &str, fields: &[(&str, &str)]) -> Reply {
    h.post_form_as(h.user(role), lang, uri, fields).await
}

fn crossing(id: &str, kind: &str, at: &str, cp: &str, number: &str) -> Value {
    json!({
        "event_id": id, "kind": kind, "at": at, "checkpoint": cp,
        "document": {
            "document_type": "P", "issuing_state": "KGZ", "document_number": number, "nationality": "KGZ",
            "surname": "ASANOV", "given_names": "BAKYT", "birth_date": "1988-03-04", "sex": "M",
            "expiry_date": "2032-01-01"
        }
    })
}

fn fields(p: &Value) -> Vec<String> {
    p["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap().to_string()).collect()
}

async fn batches_are_checked_stored_once_and_conflicts_refused(h: &Harness) {
    let at = format!("{}T09:30:00+05:00", ago(3));
    let batch = json!({ "crossings": [
        crossing("KG-1", "entry", &at, "ALA", "AN1234567"),
        crossing("KG-2", "exit", &format!("{}T18:00:00+05:00", ago(1)), "ALA", "AN1234567"),
    ]});
    let r = api(h, Role::Border, "POST", "/api/v1/crossings", Some(batch.clone())).await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(
        r.json(),
        json!({"inserted": 2, "unchanged": 0, "persons_created": 1, "documents_created": 1})
    );
    // Retried: stored once.
    let r = api(h, Role::Border, "POST", "/api/v1/crossings", Some(batch)).await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!((r.json()["inserted"].as_u64(), r.json()["unchanged"].as_u64()), (Some(0), Some(2)));
    let before = stats::totals(&h.db).await.unwrap().crossings;

    // A bad item: every bad field named by its path; nothing written, the good item neither.
    let mut bad = crossing("KG-4", "arrival", "yesterday", "XXX", "AN1234567");
    bad["document"]["birth_date"] = json!("1988-02-30");
    let batch = json!({ "crossings": [crossing("KG-3", "entry", &at, "ALA", "AN7654321"), bad] });
    let p = api(h, Role::Admin, "POST", "/api/v1/crossings", Some(batch)).await.problem(422);
    let named = fields(&p);
    for f in [
        "crossings[1].kind",
        "crossings[1].at",
        "crossings[1].checkpoint",
        "crossings[1].document.birth_date",
    ] {
        assert!(named.iter().any(|n| n == f), "{f} not named: {p}");
    }
    assert!(!named.iter().any(|n| n.starts_with("crossings[0]")), "{p}");
    assert_eq!(stats::totals(&h.db).await.unwrap().crossings, before);

    // A refusal without its reason, an entry with one.
    let mut refusal = crossing("KG-5", "refusal", &at, "ALA", "AN1234567");
    refusal["reason"] = Value::Null;
    let mut entry = crossing("KG-6", "entry", &at, "ALA", "AN1234567");
    entry["reason"] = json!("why not");
    let p = api(h, Role::Border, "POST", "/api/v1/crossings", Some(json!({"crossings": [refusal, entry]})))
        .await
        .problem(422);
    assert_eq!(fields(&p), ["crossings[0].reason", "crossings[1].reason"], "{p}");

    // An unknown field, an empty batch.
    let mut extra = crossing("KG-7", "entry", &at, "ALA", "AN1234567");
    extra["document"]["colour"] = json!("blue");
    let p = api(h, Role::Border, "POST", "/api/v1/crossings", Some(json!({"crossings": [extra]})))
        .await
        .problem(422);
    assert!(fields(&p)[0].starts_with("crossings[0].document"), "{p}");
    let p =
        api(h, Role::Border, "POST", "/api/v1/crossings", Some(json!({"crossings": []}))).await.problem(422);
    assert_eq!(fields(&p), ["crossings"]);

    // The same event id with other values: 409 naming the item; nothing written.
    let batch = json!({ "crossings": [
        crossing("KG-8", "entry", &at, "ALA", "AN1234567"),
        crossing("KG-1", "exit", &at, "ALA", "AN1234567"),
    ]});
    let p = api(h, Role::Border, "POST", "/api/v1/crossings", Some(batch)).await.problem(409);
    assert_eq!(fields(&p), ["crossings[1].event_id"], "{p}");
    assert_eq!(stats::totals(&h.db).await.unwrap().crossings, before);

    // Only border staff and administrators send crossings.
    let body = json!({ "crossings": [crossing("KG-1", "entry", &at, "ALA", "AN1234567")] });
    api(h, Role::Officer, "POST", "/api/v1/crossings", Some(body.clone())).await.problem(403);
    let req = Request::post("/api/v1/crossings")
        .header("content-type", "application/json")
        .body(Body::from(body.to_string()))
        .unwrap();
    h.send(req).await.problem(401);
}

/// A batch from the border in 2023, when Almaty kept UTC+6 and Atyrau UTC+5: each crossing's day
/// is read on its checkpoint's clock, and the pages show its time on that clock.
async fn crossings_are_dated_on_the_checkpoint_s_clock(h: &Harness) {
    let batch = json!({ "crossings": [
        // 00:30 on 15 May 2023 in Almaty; 23:30 on 14 May on a fixed UTC+5.
        crossing("TZ-1", "entry", "2023-05-14T18:30:00Z", "ALA", "AN5550001"),
        // 23:30 on 12 June 2023 in Atyrau (and 00:30 on the 13th in Almaty).
        crossing("TZ-2", "exit", "2023-06-12T18:30:00Z", "GUW", "AN5550001"),
    ]});
    let r = api(h, Role::Border, "POST", "/api/v1/crossings", Some(batch)).await;
    assert_eq!(r.status, 200, "{}", r.body);
    let id = fx::person_of(h, "KGZ", "AN5550001").await;
    let r = api(h, Role::Officer, "GET", &format!("/api/v1/register/persons/{id}?on=2023-06-20"), None).await;
    assert_eq!(r.status, 200, "{}", r.body);
    let v = r.json();
    let days: Vec<&str> =
        v["crossings"].as_array().unwrap().iter().map(|c| c["day"].as_str().unwrap()).collect();
    // A new passport of the person the batch above made: these two come first in time.
    assert_eq!(days[..2], ["2023-05-15", "2023-06-12"], "{v}");
    // 15 May – 12 June: 17 + 12 = 29 days.
    assert_eq!(v["status"]["days_in_window"], 29, "{v}");
    let r = page(h, Role::Officer, "en", &format!("/register/persons/{id}")).await;
    assert_eq!(r.status, 200);
    // Their days as English writes a date, their clock time in Kazakhstan.
    assert!(r.body.contains("15 May 2023") && r.body.contains("00:30"), "{}", r.body);
    assert!(r.body.contains("12 Jun 2023") && r.body.contains("23:30"), "{}", r.body);
}

async fn officers_read_a_person_and_the_read_is_audited(h: &Harness) {
    let ali = fx::person_of(h, "UZB", "FA1234567").await;
    let r = api(h, Role::Officer, "GET", &format!("/api/v1/register/persons/{ali}"), None).await;
    assert_eq!(r.status, 200, "{}", r.body);
    let v = r.json();
    assert_eq!(v["person"]["surname"], "KARIMOV");
    assert_eq!(v["status"]["present"], true);
    assert_eq!(v["status"]["lawful"], false);
    assert_eq!(v["status"]["overstay_since"], ago(30).to_string());
    assert_eq!(v["status"]["overstay_days"], 31);
    let kinds: Vec<&str> =
        v["warnings"].as_array().unwrap().iter().map(|w| w["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["overstay", "refused_before"]);
    let reads = audit::for_object(&h.db, "person", &ali.to_string()).await.unwrap();
    let read = reads.iter().find(|r| r.action == "register.person.read").expect("the read is audited");
    assert_eq!((read.actor.as_str(), read.request_id.as_str()), ("test-officer", r.header("x-request-id")));
    // On a day before the overstay: lawful, until the 30th day of the entry.
    let r = api(h, Role::Admin, "GET", &format!("/api/v1/register/persons/{ali}?on={}", ago(40)), None).await;
    assert_eq!(r.json()["status"]["lawful_until"], ago(31).to_string());
    api(h, Role::Officer, "GET", "/api/v1/register/persons/999999", None).await.problem(404);
    // Border staff check documents but do not read whole records.
    api(h, Role::Border, "GET", &format!("/api/v1/register/persons/{ali}"), None).await.problem(403);
    // The overstayers and the figures.
    let r = api(h, Role::Admin, "GET", "/api/v1/register/overstayers", None).await;
    let v = r.json();
    assert_eq!(v["overstayers"][0]["person_id"], ali, "{v}");
    assert_eq!(v["overstayers"].as_array().unwrap().len(), 1, "{v}");
    let r = api(h, Role::Analyst, "GET", "/api/v1/register/statistics", None).await;
    let v = r.json();
    assert!(
        v["present"].as_array().unwrap().iter().any(|p| p["nationality"] == "UZB" && p["persons"] == 1),
        "{v}"
    );
    assert!(
        v["months"].as_array().unwrap().iter().any(|m| m["checkpoint"] == "KHG" && m["kind"] == "refusal"),
        "{v}"
    );
    assert!(!r.body.contains("KARIMOV"), "the figures hold no names");
}

async fn the_border_checks_a_zone(h: &Harness) {
    let ali = fx::person_of(h, "UZB", "FA1234567").await;
    let bearer = h.bearer(Role::Border).await;
    let req = Request::post("/api/v1/register/check")
        .header("authorization", format!("Bearer {bearer}"))
        .header("content-type", "application/json")
        .body(Body::from(json!({ "mrz": fx::ali_mrz() }).to_string()))
        .unwrap();
    let started = std::time::Instant::now();
    let r = h.send(req).await;
    let took = started.elapsed();
    assert!(took < std::time::Duration::from_secs(1), "the border check took {took:?}");
    assert_eq!(r.status, 200, "{}", r.body);
    let v = r.json();
    assert_eq!(v["document"]["format"], "TD3");
    assert_eq!(v["document"]["document_number"], "FA1234567");
    assert_eq!(v["document"]["birth_date"], "1990-05-01");
    assert_eq!(v["person_id"], ali);
    assert_eq!(v["status"]["lawful"], false);
    assert_eq!(v["status"]["overstay_days"], 31);
    assert_eq!(v["warnings"][0], json!({"kind": "overstay", "since": ago(30).to_string(), "days": 31}));
    assert_eq!(v["warnings"][1]["kind"], "refused_before");
    assert_eq!(v["warnings"][1]["checkpoint"], "KHG");
    assert_eq!(v["last_crossings"][0]["kind"], "entry");
    let reads = audit::for_object(&h.db, "person", &ali.to_string()).await.unwrap();
    assert!(reads.iter().any(|r| r.action == "register.person.read" && r.actor == "test-border"));

    // Typed: Wang's expired passport, refused before.
    let body = json!({ "issuing_state": "chn", "document_number": "E12345678" });
    let v = api(h, Role::Officer, "POST", "/api/v1/register/check", Some(body)).await.json();
    let kinds: Vec<&str> =
        v["warnings"].as_array().unwrap().iter().map(|w| w["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["document_expired", "refused_before"], "{v}");
    assert_eq!(v["status"]["present"], false);

    // The ICAO specimen: read, not in the register, expired; the check is audited all the same.
    let r =
        api(h, Role::Border, "POST", "/api/v1/register/check", Some(json!({ "mrz": fx::SPECIMEN }))).await;
    let v = r.json();
    assert_eq!(
        (v["document"]["surname"].as_str(), v["document"]["given_names"].as_str()),
        (Some("ERIKSSON"), Some("ANNA MARIA"))
    );
    assert_eq!((v["person_id"].clone(), v["status"].clone()), (Value::Null, Value::Null));
    assert_eq!(v["warnings"][0]["kind"], "document_expired");
    let checks = audit::for_object(&h.db, "document", "UTO:L898902C3").await.unwrap();
    assert_eq!(checks.len(), 1);

    // A corrupted check digit: 422 naming the field and the check.
    let bad = fx::SPECIMEN.replace("L898902C36", "L898902C37");
    let p = api(h, Role::Border, "POST", "/api/v1/register/check", Some(json!({ "mrz": bad })))
        .await
        .problem(422);
    assert_eq!(p["errors"][0]["field"], "mrz.document_number", "{p}");
    assert!(
        p["errors"][0]["message"].as_str().unwrap().contains("check digit 7 does not match the computed 6"),
        "{p}"
    );
    let p = api(h, Role::Border, "POST", "/api/v1/register/check", Some(json!({ "mrz": "P<UTO" })))
        .await
        .problem(422);
    assert_eq!(p["errors"][0]["field"], "mrz");
    let p = api(h, Role::Border, "POST", "/api/v1/register/check", Some(json!({ "issuing_state": "UZB" })))
        .await
        .problem(422);
    assert_eq!(p["errors"][0]["field"], "document_number");
    api(h, Role::Analyst, "POST", "/api/v1/register/check", Some(json!({ "mrz": fx::SPECIMEN })))
        .await
        .problem(403);
}

async fn pages_speak_three_languages(h: &Harness, m: &Messages) {
    let ali = fx::person_of(h, "UZB", "FA1234567").await;
    let since = ago(30).to_string();
    for lang in ["kk", "ru", "en"] {
        // The border check: the banner, the warnings, the last crossings with the checkpoint's name.
        let r = post_form(h, Role::Border, lang, "/border", &[("mrz", &fx::ali_mrz())]).await;
        assert_eq!(r.status, 200, "{}", r.body);
        // The day as the page's language writes it.
        let since =
            ashyq_core::locale::iso_date(&since, ashyq_core::locale::Language::from_code(lang).unwrap());
        let banner = m.tc(lang, "reg-status-overstay", 31, &[("since", &since)]);
        assert!(r.body.contains(&banner), "{lang}: {banner}");
        assert!(r.body.contains("data-status=\"overstay\""));
        assert!(r.body.contains("data-warning=\"refused_before\""));
        let zhz = ashyq_core::checkpoint::by_code("ZHZ").unwrap().name(lang).to_string();
        assert!(r.body.contains(&zhz), "{lang}: {zhz}");
        assert!(!r.body.contains("id=\"record-link\""), "border staff are not offered the record");
        assert!(r.body.contains(&m.t(lang, "reg-border-title")));
        // Not in the register; a bad zone named.
        let r = post_form(
            h,
            Role::Officer,
            lang,
            "/border",
            &[("issuing_state", "KAZ"), ("document_number", "N0")],
        )
        .await;
        assert!(r.body.contains(&m.t(lang, "reg-status-unknown")), "{lang}");
        let r = post_form(h, Role::Border, lang, "/border", &[("mrz", &fx::SPECIMEN.replace("C36", "C37"))])
            .await;
        assert_eq!(r.status, 422);
        // Why, in the page's language: the field in words, the digit found and the one computed.
        let field = m.t(lang, "mrz-field-document-number");
        let why =
            m.t_args(lang, "mrz-err-check-digit", &[("field", &field), ("found", "7"), ("computed", "6")]);
        assert!(r.body.contains(&why), "{lang}: {why} in {}", r.body);

        // The officer's timeline.
        let r = page(h, Role::Officer, lang, &format!("/register/persons/{ali}")).await;
        assert_eq!(r.status, 200, "{}", r.body);
        assert!(
            r.body.contains(&banner) && r.body.contains("KARIMOV ALI") && r.body.contains(&zhz),
            "{lang}"
        );
        let khg = ashyq_core::checkpoint::by_code("KHG").unwrap().name(lang).to_string();
        assert!(r.body.contains(&khg), "{lang}");
        assert!(r.body.contains(&m.t(lang, "reg-kind-refusal")));
        let earlier = page(h, Role::Officer, lang, &format!("/register/persons/{ali}?on={}", ago(40))).await;
        let lawful_until = ashyq_core::locale::iso_date(
            &ago(31).to_string(),
            ashyq_core::locale::Language::from_code(lang).unwrap(),
        );
        let lawful = m.t_args(lang, "reg-status-lawful-until", &[("date", &lawful_until)]);
        assert!(earlier.body.contains(&lawful), "{lang}: {lawful}");

        // Search, alerts, the dashboard.
        let r = page(h, Role::Officer, lang, "/register/search?q=KARIM").await;
        assert!(r.body.contains(&format!("href=\"/register/persons/{ali}\"")), "{lang}");
        let r = page(h, Role::Admin, lang, "/register/alerts?days=30").await;
        assert_eq!(r.status, 200);
        assert!(r.body.contains(&format!("<tr data-person=\"{ali}\">")), "{lang}");
        assert!(r.body.contains(&m.t(lang, "reg-alerts-title")));
        let r = page(h, Role::Analyst, lang, "/analysis/register").await;
        assert_eq!(r.status, 200);
        let uzb = ashyq_core::country::by_alpha3("UZB").unwrap().name(lang).to_string();
        assert!(r.body.contains(&uzb) && r.body.contains("<svg class=\"chart\""), "{lang}");
        assert!(r.body.contains(&m.t(lang, "reg-dash-title")));
        assert!(r.body.contains("data-nav=\"register-stats\""));
        assert!(!r.body.contains("KARIMOV"), "no names on the dashboard");
    }
    // Border staff: the border page in the menu; not the records, alerts or analysis.
    let r = page(h, Role::Border, "en", "/border").await;
    assert!(r.body.contains("data-nav=\"border\"") && !r.body.contains("data-nav=\"alerts\""));
    for uri in [format!("/register/persons/{ali}"), "/register/alerts".into(), "/analysis/simulate".into()] {
        assert_eq!(page(h, Role::Border, "en", &uri).await.status, 403, "{uri}");
    }
}

async fn officers_merge_split_and_undo(h: &Harness) {
    // A new passport with another spelling made a second person.
    fx::import(
        h,
        &[fx::event(
            "T-ALY-1",
            "exit",
            ago(400),
            "ALA",
            "P,UZB,FB7654321,UZB,KARIMOV,ALY,1990-05-01,M,2036-01-01",
        )],
    )
    .await;
    let ali = fx::person_of(h, "UZB", "FA1234567").await;
    let aly = fx::person_of(h, "UZB", "FB7654321").await;
    assert_ne!(ali, aly);
    let r = page(h, Role::Officer, "en", &format!("/register/persons/{ali}")).await;
    assert!(r.body.contains(&format!("<option value=\"{aly}\">")), "the candidate is offered");
    // No reason: refused, shown on the page.
    let uri = format!("/register/persons/{ali}/merge");
    let r = post_form(h, Role::Officer, "en", &uri, &[("candidate", &aly.to_string()), ("reason", "")]).await;
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(r.body.contains("id=\"error\"") && r.body.contains("at least 5 characters"));
    let r = post_form(
        h,
        Role::Officer,
        "en",
        &uri,
        &[("candidate", &aly.to_string()), ("reason", "new passport")],
    )
    .await;
    assert_eq!(
        (r.status, r.header("location")),
        (303, format!("/register/persons/{ali}?done=merged").as_str())
    );
    assert_eq!(fx::person_of(h, "UZB", "FB7654321").await, ali);
    let r = page(h, Role::Officer, "en", &format!("/register/persons/{ali}?done=merged")).await;
    assert!(r.body.contains("The persons were merged.") && r.body.contains("FB7654321"));
    let merges = ashyq_store::register::merge::of_person(&h.db, ali).await.unwrap();
    let merged = merges[0].id;
    // Merging again: refused with the store's reason.
    let r =
        post_form(h, Role::Officer, "en", &uri, &[("from", &aly.to_string()), ("reason", "new passport")])
            .await;
    assert_eq!(r.status, 409, "{}", r.body);
    // Undo, then split the document off.
    let r = post_form(
        h,
        Role::Admin,
        "en",
        &format!("/register/persons/{ali}/undo"),
        &[("merge", &merged.to_string()), ("reason", "not the same man")],
    )
    .await;
    assert_eq!(r.status, 303);
    assert_eq!(fx::person_of(h, "UZB", "FB7654321").await, aly);
    post_form(h, Role::Officer, "en", &uri, &[("from", &aly.to_string()), ("reason", "new passport")]).await;
    let doc = ashyq_store::register::person::load(
        &h.db,
        &ashyq_core::policy::Policy::kz().unwrap(),
        ali,
        ashyq_store::today(),
    )
    .await
    .unwrap()
    .documents
    .iter()
    .find(|d| d.number == "FB7654321")
    .unwrap()
    .id;
    let r = post_form(
        h,
        Role::Officer,
        "en",
        &format!("/register/persons/{ali}/split"),
        &[("document", &doc.to_string()), ("reason", "another person")],
    )
    .await;
    assert_eq!(r.status, 303);
    let new = fx::person_of(h, "UZB", "FB7654321").await;
    assert_ne!(new, ali);
    assert_eq!(r.header("location"), format!("/register/persons/{ali}?done=split&new={new}"));
    let log = audit::tail(&h.db, 20).await.unwrap();
    for action in ["register.person.merge", "register.person.unmerge", "register.person.split"] {
        assert!(log.iter().any(|r| r.action == action && r.actor != "cli"), "{action}");
    }
}

async fn the_figures_export_and_read_back(h: &Harness) {
    let r = page(h, Role::Coordinator, "ru", "/analysis/register.csv?headers=machine").await;
    assert_eq!(r.status, 200);
    assert!(r.header("content-type").starts_with("text/csv"));
    assert!(r.body.starts_with('\u{feff}'), "a byte-order mark first, for Excel");
    let mut rows = csv::Reader::from_reader(r.body.as_bytes());
    assert_eq!(
        rows.headers().unwrap().iter().collect::<Vec<_>>(),
        ["figure", "code", "name", "kind", "count"]
    );
    let rows: Vec<Vec<String>> =
        rows.records().map(|r| r.unwrap().iter().map(String::from).collect()).collect();
    let find = |figure: &str, code: &str, kind: &str| {
        rows.iter()
            .find(|r| r[0] == figure && r[1] == code && r[3] == kind)
            .map(|r| r[4].parse::<i64>().unwrap())
    };
    assert_eq!(find("present_by_citizenship", "UZB", "persons"), Some(1));
    assert_eq!(find("present_by_citizenship", "DEU", "persons"), Some(1));
    assert_eq!(find("checkpoint", "KHG", "refusal"), Some(2), "Ali and Wang");
    let r = page(h, Role::Officer, "en", "/analysis/register.xlsx").await;
    assert_eq!(r.status, 200);
    let (cookie, _) = h.session(Role::Analyst).await;
    let req = Request::get("/analysis/register.xlsx?headers=machine")
        .header("cookie", cookie)
        .body(Body::empty())
        .unwrap();
    let res = tower::ServiceExt::oneshot(h.app(), req).await.unwrap();
    let bytes = http_body_util::BodyExt::collect(res.into_body()).await.unwrap().to_bytes();
    use calamine::Reader;
    let mut book: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes.to_vec())).unwrap();
    let sheet = book.worksheet_range("register").unwrap();
    let xlsx: Vec<Vec<String>> = sheet.rows().map(|r| r.iter().map(|c| c.to_string()).collect()).collect();
    assert_eq!(xlsx[0], ["figure", "code", "name", "kind", "count"]);
    assert_eq!(xlsx.len(), rows.len() + 1, "the same figures");
    assert!(xlsx.iter().any(|r| r[0] == "present_by_citizenship" && r[1] == "UZB" && r[4] == "1"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_register_over_http() {
    let m = Messages::load();
    for h in Harness::both().await {
        eprintln!("on {}", h.backend());
        fx::travellers(&h).await;
        batches_are_checked_stored_once_and_conflicts_refused(&h).await;
        crossings_are_dated_on_the_checkpoint_s_clock(&h).await;
        officers_read_a_person_and_the_read_is_audited(&h).await;
        the_border_checks_a_zone(&h).await;
        pages_speak_three_languages(&h, &m).await;
        the_figures_export_and_read_back(&h).await;
        officers_merge_split_and_undo(&h).await;
        h.cleanup().await;
    }
}
