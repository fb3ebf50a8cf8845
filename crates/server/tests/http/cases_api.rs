//! The case workflow over the JSON API (issue 6), on SQLite and PostgreSQL: a valuable-skills
//! case from application to a cancelled permit (evidence checked by content and size, the
//! regions' and applicants' walls, a request for information, an invitation round, the permit
//! in the register of movements); the four eyes of permanent residence; an override and its
//! audit record; simultaneous audited reads that leave the audit chain intact; the OpenAPI
//! document.

use crate::common;

use ashyq_core::Role;
use ashyq_core::cases::evidence::MAX_EVIDENCE_BYTES;
use ashyq_core::cases::evidence_file::sample_pdf;
use ashyq_store::users::{self, NewUser};
use ashyq_store::{Actor, tokens};
use axum::body::Body;
use axum::http::Request;
use common::labour::{self, OCCUPATIONS};
use common::{Harness, PASSWORD, Reply};
use serde_json::{Value, json};

/// Publishes a list of professions in demand in force from 2026-01-01, with the ranking of
/// valuable skills the rules score an occupation by.
async fn publish_list(h: &Harness) {
    use ashyq_store::lists;
    use jiff::civil::Date;
    let actor = Actor::cli();
    labour::import(h, &actor, &OCCUPATIONS).await;
    let policy = ashyq_core::policy::Policy::kz().unwrap();
    let on = Date::constant(2026, 1, 1);
    let id = lists::draft_from_data(&h.db, &actor, &policy, 2025, on, "fixture").await.unwrap().id;
    lists::send(&h.db, &actor, id).await.unwrap();
    lists::approve(&h.db, &actor, id, "fixture", Date::constant(2025, 12, 20)).await.unwrap();
    lists::publish(&h.db, &actor, id, on).await.unwrap();
}

/// A bearer token for a new account of `role` in `region`.
async fn account(h: &Harness, name: &str, role: Role, region: Option<&str>) -> String {
    let new = NewUser {
        username: name.into(),
        display_name: name.into(),
        role,
        region: region.map(str::to_string),
        password: PASSWORD.into(),
    };
    let u = users::create(&h.db, &Actor::cli(), new).await.unwrap();
    tokens::create(&h.db, &Actor::cli(), &u, "test", None).await.unwrap().0
}

async fn call(h: &Harness, token: &str, method: &str, path: &str, body: Option<Value>) -> Reply {
    let mut req = Request::builder().method(method).uri(path);
    if !token.is_empty() {
        req = req.header("authorization", format!("Bearer {token}"));
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

/// Uploads evidence as multipart with the given fields and file.
async fn upload(h: &Harness, token: &str, case: i64, issued_on: &str, name: &str, bytes: &[u8]) -> Reply {
    let mut body = Vec::new();
    for (k, v) in
        [("document_type", "diploma"), ("number", "D-1"), ("issuer", "Oxford"), ("issued_on", issued_on)]
    {
        body.extend_from_slice(
            format!("--XB\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n").as_bytes(),
        );
    }
    body.extend_from_slice(
        format!(
            "--XB\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\nContent-Type: application/pdf\r\n\r\n"
        )
        .as_bytes(),
    );
    body.extend_from_slice(bytes);
    body.extend_from_slice(b"\r\n--XB--\r\n");
    let req = Request::post(format!("/api/v1/cases/{case}/evidence"))
        .header("authorization", format!("Bearer {token}"))
        .header("content-type", "multipart/form-data; boundary=XB")
        .body(Body::from(body))
        .unwrap();
    h.send(req).await
}

fn holder(passport: &str) -> Value {
    json!({
        "surname": "SMITH", "given_names": "JOHN", "birth_date": "1990-01-01", "sex": "M",
        "nationality": "GBR", "passport_number": passport, "passport_expiry": "2040-01-01",
    })
}

/// Facts the rules find eligible for the valuable-skills visa: a software developer (2512,
/// major group 2, on the published ranking) with a doctorate, ten years, a job offer and a
/// training plan.
fn vs_facts() -> Value {
    json!({
        "birth_date": "1990-01-01", "passport_expiry": "2040-01-01", "occupation": "2512",
        "education": "doctorate", "experience_years": 10,
        "languages": [{ "language": "en", "level": "C2" }, { "language": "ru", "level": "B2" }],
        "publications": 3, "patents": 1, "awards": 0, "job_offer": true,
        "training_plan": { "trainees_per_year": 5 }, "criminal_record": false,
    })
}

/// An ethnic Kazakh housed by contract: eligible for permanent residence.
fn pr_facts(ethnic_kazakh: bool, housed: bool) -> Value {
    json!({
        "applicant": { "birth_date": "1990-01-01", "passport_expiry": "2040-01-01", "ethnic_kazakh": ethnic_kazakh,
            "former_citizen": false, "simplified_citizenship": false, "criminal_record": false, "funds": null },
        "family": [], "region": "KZ-75",
        "housing": { "provided_by_contract": housed, "funds_kzt": null },
    })
}

fn field_of(p: &Value) -> &str {
    p["errors"][0]["field"].as_str().unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_valuable_skills_case_from_application_to_a_cancelled_permit() {
    for h in Harness::both().await {
        vs_flow(&h).await;
        h.cleanup().await;
    }
}

async fn vs_flow(h: &Harness) {
    let be = h.backend();
    publish_list(h).await;
    let applicant = h.bearer(Role::Applicant).await;
    let officer = h.bearer(Role::Officer).await;
    let admin = h.bearer(Role::Admin).await;
    let other_applicant = account(h, "applicant-two", Role::Applicant, None).await;
    let astana = account(h, "officer-astana", Role::Officer, Some("KZ-71")).await;
    let border = h.bearer(Role::Border).await;

    // Opening a case: 201, the same again 200 (same case), the reference with other facts 409.
    let body = json!({ "reference": "vs-1", "programme": "valuable-skills-visa", "region": "KZ-75",
        "holder": holder("GB1234567"), "facts": vs_facts() });
    let r = call(h, &applicant, "POST", "/api/v1/cases", Some(body.clone())).await;
    assert_eq!(r.status, 201, "{be}: {}", r.body);
    let created = r.json();
    let id = created["case"]["id"].as_i64().unwrap();
    assert_eq!(created["case"]["status"], "draft");
    assert_eq!(created["case"]["outcome"], "eligible", "{be}: {}", created["case"]["evaluation"]);
    assert_eq!(created["case"]["evaluation"]["outcome"], "eligible");
    assert!(created["case"]["points"].as_i64().unwrap() >= 60);
    let again = call(h, &applicant, "POST", "/api/v1/cases", Some(body.clone())).await;
    assert_eq!(again.status, 200, "{be}: {}", again.body);
    assert_eq!(again.json()["case"]["id"], id);
    let mut other = body.clone();
    other["facts"]["experience_years"] = json!(11);
    call(h, &applicant, "POST", "/api/v1/cases", Some(other)).await.problem(409);
    // A bad holder is named.
    let mut bad = body.clone();
    bad["reference"] = json!("vs-bad");
    bad["holder"]["nationality"] = json!("KAZ");
    let p = call(h, &applicant, "POST", "/api/v1/cases", Some(bad)).await.problem(422);
    assert_eq!(field_of(&p), "holder.nationality");
    // Only applicants open cases.
    call(h, &officer, "POST", "/api/v1/cases", Some(body.clone())).await.problem(403);

    // Evidence: a PDF (201), the same file again (200, stored once), HTML named x.pdf (422 naming
    // `file`), a file one byte over the limit (422 naming `file`: the route's body limit leaves
    // room for the multipart envelope, so the file is read and refused by its size), a body
    // over that room (413 from the body limit, nothing read), a date that is not one (422).
    let pdf = sample_pdf("Diploma");
    let r = upload(h, &applicant, id, "2020-06-30", "diploma.pdf", &pdf).await;
    assert_eq!(r.status, 201, "{be}: {}", r.body);
    let evidence = r.json();
    assert_eq!(evidence["media_type"], "application/pdf");
    let r = upload(h, &applicant, id, "2020-06-30", "diploma-again.pdf", &pdf).await;
    assert_eq!(r.status, 200, "{be}: {}", r.body);
    assert_eq!(r.json()["id"], evidence["id"]);
    let p =
        upload(h, &applicant, id, "2020-06-30", "x.pdf", b"<html><body>hi</body></html>").await.problem(422);
    assert_eq!(field_of(&p), "file");
    // A PDF header before a web page is no PDF: 422 naming `file` and why.
    let polyglot = b"%PDF-1.4\n<html><body><script>alert(document.cookie)</script></body></html>\n%%EOF\n";
    let p = upload(h, &applicant, id, "2020-06-30", "scan.pdf", polyglot).await.problem(422);
    assert_eq!(field_of(&p), "file");
    assert!(p.to_string().contains("holds html, which evidence may not hold"), "{be}: {p}");
    let mut big = b"%PDF-1.4\n".to_vec();
    big.resize(MAX_EVIDENCE_BYTES + 1, b'a');
    let p = upload(h, &applicant, id, "2020-06-30", "big.pdf", &big).await.problem(422);
    assert_eq!(field_of(&p), "file");
    big.resize(MAX_EVIDENCE_BYTES + 2 * 1024 * 1024, b'a');
    upload(h, &applicant, id, "2020-06-30", "huge.pdf", &big).await.problem(413);
    let p = upload(h, &applicant, id, "2020-13-45", "other.pdf", &sample_pdf("other")).await.problem(422);
    assert_eq!(field_of(&p), "issued_on");
    let shown = call(h, &applicant, "GET", &format!("/api/v1/cases/{id}"), None).await.json();
    assert_eq!(shown["evidence"].as_array().unwrap().len(), 1, "{be}: stored once");
    // A name that a direction control would show as "passportexe.pdf" is kept without it.
    let r = upload(h, &applicant, id, "2020-06-30", "passport\u{202e}fdp.exe", &sample_pdf("Passport")).await;
    assert_eq!(r.status, 201, "{be}: {}", r.body);
    assert_eq!(r.json()["file_name"], "passportfdp.exe");
    // The officer of the region downloads it: the bytes, as an attachment, not to be sniffed.
    let ev = evidence["id"].as_i64().unwrap();
    let r = call(h, &officer, "GET", &format!("/api/v1/cases/{id}/evidence/{ev}"), None).await;
    assert_eq!(r.status, 200, "{be}: {}", r.body);
    assert_eq!(r.header("content-type"), "application/pdf");
    assert_eq!(r.header("content-disposition"), "attachment; filename=\"diploma.pdf\"");
    assert_eq!(r.header("x-content-type-options"), "nosniff");
    assert_eq!(r.body.as_bytes(), pdf);
    call(h, &other_applicant, "GET", &format!("/api/v1/cases/{id}/evidence/{ev}"), None).await.problem(404);

    // Submitting; the walls between regions and between applicants.
    let r = call(h, &applicant, "POST", &format!("/api/v1/cases/{id}/submit"), None).await;
    assert_eq!(r.status, 200, "{be}: {}", r.body);
    assert_eq!(r.json()["case"]["status"], "submitted");
    call(h, &astana, "GET", &format!("/api/v1/cases/{id}"), None).await.problem(403);
    let decision = json!({ "action": "request_info", "reason": "Please send the employment contract" });
    call(h, &astana, "POST", &format!("/api/v1/cases/{id}/decision"), Some(decision.clone()))
        .await
        .problem(403);
    call(h, &other_applicant, "GET", &format!("/api/v1/cases/{id}"), None).await.problem(404);
    let mine = call(h, &other_applicant, "GET", "/api/v1/cases", None).await.json();
    assert_eq!(mine.as_array().unwrap().len(), 0);
    let queue = call(h, &officer, "GET", "/api/v1/cases?programme=valuable-skills-visa", None).await.json();
    assert!(queue.as_array().unwrap().iter().any(|c| c["id"] == id), "{be}: {queue}");
    let none = call(h, &astana, "GET", "/api/v1/cases", None).await.json();
    assert!(none.as_array().unwrap().is_empty(), "{be}: another region's queue is empty");

    // More information asked for and given; messages join the history.
    let r = call(h, &officer, "POST", &format!("/api/v1/cases/{id}/decision"), Some(decision)).await;
    assert_eq!(r.status, 200, "{be}: {}", r.body);
    assert_eq!(r.json()["case"]["status"], "information_requested");
    let msg = json!({ "message": "The contract is attached now" });
    let r = call(h, &applicant, "POST", &format!("/api/v1/cases/{id}/reply"), Some(msg)).await;
    assert_eq!(r.status, 200, "{be}: {}", r.body);
    assert_eq!(r.json()["case"]["status"], "submitted");
    let r = call(
        h,
        &officer,
        "POST",
        &format!("/api/v1/cases/{id}/messages"),
        Some(json!({"message": "Thank you"})),
    )
    .await;
    assert_eq!(r.status, 201, "{be}: {}", r.body);
    let kinds: Vec<String> = r.json()["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap().to_string())
        .collect();
    for k in ["created", "evidence", "submitted", "info_requested", "replied", "message"] {
        assert!(kinds.iter().any(|x| x == k), "{be}: no {k} in {kinds:?}");
    }

    // Not invited yet: approval refused. An invitation round invites it (published, no names).
    let approve = json!({ "action": "approve", "reason": "Meets every condition" });
    call(h, &officer, "POST", &format!("/api/v1/cases/{id}/decision"), Some(approve.clone()))
        .await
        .problem(409);
    let r =
        call(h, &officer, "POST", "/api/v1/rounds", Some(json!({ "reference": "2026-R1", "size": 5 }))).await;
    assert_eq!(r.status, 201, "{be}: {}", r.body);
    let round = r.json();
    assert_eq!(round["invitations"][0]["case_id"], id);
    assert_eq!(round["verified"], true);
    let r =
        call(h, &officer, "POST", "/api/v1/rounds", Some(json!({ "reference": "2026-R1", "size": 5 }))).await;
    assert_eq!((r.status, &r.json()["id"]), (200, &round["id"]));
    let public = call(h, "", "GET", &format!("/api/v1/rounds/{}", round["id"]), None).await;
    assert_eq!(public.status, 200);
    assert_eq!(public.json()["verified"], true);
    assert_eq!(public.json()["cut_off"], round["invitations"][0]["points"]);
    let all = call(h, "", "GET", "/api/v1/rounds", None).await;
    assert!(!all.body.contains("SMITH") && !all.body.contains("test-applicant"), "{be}: {}", all.body);

    // Approval issues the permit; approving again is a conflict.
    let r = call(h, &officer, "POST", &format!("/api/v1/cases/{id}/decision"), Some(approve.clone())).await;
    assert_eq!(r.status, 200, "{be}: {}", r.body);
    let approved = r.json();
    assert_eq!(approved["case"]["status"], "approved");
    let number = approved["case"]["permit_number"].as_str().unwrap().to_string();
    let year = ashyq_store::today().year();
    assert_eq!(number, format!("VSV-{year}-000001"));
    assert_eq!(approved["permit"]["number"], number);
    call(h, &officer, "POST", &format!("/api/v1/cases/{id}/decision"), Some(approve)).await.problem(409);
    let quotas = call(h, "", "GET", "/api/v1/quotas", None).await.json();
    let vs = quotas
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["programme"] == "valuable-skills-visa" && q["year"] == i64::from(year))
        .unwrap();
    assert_eq!(vs["used"], 1, "{be}: {quotas}");

    // The register of movements: the holder entered, and their stay rests on the permit.
    let crossing = json!({ "crossings": [{ "event_id": "vs-entry", "kind": "entry",
        "at": "2026-01-10T10:00:00+05:00", "checkpoint": "ALA",
        "document": { "document_type": "P", "issuing_state": "GBR", "document_number": "GB1234567",
            "nationality": "GBR", "surname": "SMITH", "given_names": "JOHN", "birth_date": "1990-01-01",
            "sex": "M", "expiry_date": "2040-01-01" } }] });
    let r = call(h, &border, "POST", "/api/v1/crossings", Some(crossing)).await;
    assert_eq!(r.status, 200, "{be}: {}", r.body);
    let check = json!({ "issuing_state": "GBR", "document_number": "GB1234567" });
    let status = call(h, &officer, "POST", "/api/v1/register/check", Some(check.clone())).await.json();
    assert_eq!(status["status"]["basis"]["type"], "permit", "{be}: {status}");
    assert_eq!(status["status"]["basis"]["number"], number);
    assert_eq!(status["status"]["lawful"], true);

    // The permit and its history; cancelled for the unmet training obligation.
    let pid = approved["permit"]["id"].as_i64().unwrap();
    let permit = call(h, &applicant, "GET", &format!("/api/v1/permits/{pid}"), None).await.json();
    assert_eq!(permit["history"][0]["kind"], "issued", "{be}: {permit}");
    assert_eq!(permit["permit"]["number"], number);
    call(h, &other_applicant, "GET", &format!("/api/v1/permits/{pid}"), None).await.problem(404);
    call(h, &astana, "GET", &format!("/api/v1/permits/{pid}"), None).await.problem(403);
    let mine = call(h, &applicant, "GET", "/api/v1/permits", None).await.json();
    assert_eq!(mine.as_array().unwrap().len(), 1);
    let cancel = json!({ "ground": "training_obligation_unmet", "reason": "No trainee in the first year" });
    let r = call(h, &officer, "POST", &format!("/api/v1/permits/{pid}/cancel"), Some(cancel.clone())).await;
    assert_eq!(r.status, 200, "{be}: {}", r.body);
    let history: Vec<String> = r.json()["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(history, ["issued", "cancelled"], "{be}");
    call(h, &officer, "POST", &format!("/api/v1/permits/{pid}/cancel"), Some(cancel)).await.problem(409);
    // Cancelled today, the permit held until yesterday: the stay no longer rests on it (a
    // British citizen is visa-free, so the short-stay rule is what is left).
    let status = call(h, &officer, "POST", "/api/v1/register/check", Some(check)).await.json();
    assert_ne!(status["status"]["basis"]["type"], "permit", "{be}: {status}");
    // A message on a decided case: the officer may, the applicant no longer.
    let msg = json!({ "message": "Anything else?" });
    call(h, &applicant, "POST", &format!("/api/v1/cases/{id}/messages"), Some(msg)).await.problem(409);
    let _ = admin;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn permanent_residence_needs_a_second_officer() {
    for h in Harness::both().await {
        let be = h.backend();
        let applicant = h.bearer(Role::Applicant).await;
        let officer_a = h.bearer(Role::Officer).await;
        let officer_b = account(&h, "officer-b", Role::Officer, Some("KZ-75")).await;
        let body = json!({ "reference": "pr-1", "programme": "permanent-residence", "region": "KZ-75",
            "holder": holder("GB7654321"), "facts": pr_facts(true, true) });
        let r = call(&h, &applicant, "POST", "/api/v1/cases", Some(body)).await;
        assert_eq!(r.status, 201, "{be}: {}", r.body);
        let id = r.json()["case"]["id"].as_i64().unwrap();
        assert_eq!(r.json()["case"]["outcome"], "eligible");
        let r = call(&h, &applicant, "POST", &format!("/api/v1/cases/{id}/submit"), None).await;
        assert_eq!(r.status, 200, "{be}: {}", r.body);
        let approve = json!({ "action": "approve", "reason": "Ethnic Kazakh, housed by contract" });
        let r = call(&h, &officer_a, "POST", &format!("/api/v1/cases/{id}/decision"), Some(approve)).await;
        assert_eq!(r.status, 200, "{be}: {}", r.body);
        assert_eq!(r.json()["case"]["status"], "awaiting_confirmation");
        assert!(r.json()["permit"].is_null() && r.json()["case"]["permit_number"].is_null());
        let note = json!({ "note": "checked" });
        let p = call(&h, &officer_a, "POST", &format!("/api/v1/cases/{id}/confirm"), Some(note.clone()))
            .await
            .problem(409);
        assert!(p["detail"].as_str().unwrap_or_default().contains("approv"), "{be}: {p}");
        let r = call(&h, &officer_b, "POST", &format!("/api/v1/cases/{id}/confirm"), Some(note)).await;
        assert_eq!(r.status, 200, "{be}: {}", r.body);
        let done = r.json();
        assert_eq!(done["case"]["status"], "approved");
        assert!(done["permit"]["number"].as_str().unwrap().starts_with("PR-"), "{be}: {done}");

        // The holder confirms their solvency: 201 new, 200 the same again, 409 another of the
        // same date, 422 naming the field, 404 for another applicant, 403 for an officer.
        let permit = done["permit"]["id"].as_i64().unwrap();
        let path = format!("/api/v1/permits/{permit}/solvency");
        let today = ashyq_store::today();
        let on = today.yesterday().unwrap().to_string();
        let good = json!({ "amount_kzt": "6000000.00", "kazakh_bank": true, "certified_on": on });
        let r = call(&h, &applicant, "POST", &path, Some(good.clone())).await;
        assert_eq!(r.status, 201, "{be}: {}", r.body);
        let filed = r.json()["solvency"].clone();
        assert_eq!(filed.as_array().map(Vec::len), Some(1), "{be}: {filed}");
        assert_eq!(
            (filed[0]["amount_kzt"].as_str(), filed[0]["certified_on"].as_str()),
            (Some("6000000"), Some(on.as_str()))
        );
        assert_eq!(filed[0]["kazakh_bank"], true);
        let r = call(&h, &applicant, "POST", &path, Some(good.clone())).await;
        assert_eq!(r.status, 200, "{be}: {}", r.body);
        assert_eq!(r.json()["solvency"].as_array().map(Vec::len), Some(1), "{be}: {}", r.body);
        let other = json!({ "amount_kzt": "5000000", "kazakh_bank": true, "certified_on": on });
        call(&h, &applicant, "POST", &path, Some(other)).await.problem(409);
        let future = json!({ "amount_kzt": "6000000", "kazakh_bank": true,
            "certified_on": today.tomorrow().unwrap().to_string() });
        let p = call(&h, &applicant, "POST", &path, Some(future)).await.problem(422);
        assert_eq!(field_of(&p), "certified_on", "{be}: {p}");
        let words = json!({ "amount_kzt": "six million", "kazakh_bank": true, "certified_on": on });
        let p = call(&h, &applicant, "POST", &path, Some(words)).await.problem(422);
        assert_eq!(field_of(&p), "amount_kzt", "{be}: {p}");
        let stranger = account(&h, "applicant-b", Role::Applicant, None).await;
        call(&h, &stranger, "POST", &path, Some(good.clone())).await.problem(404);
        call(&h, &officer_b, "POST", &path, Some(good)).await.problem(403);
        // The permit's detail lists it, for the holder and the officer alike.
        let r = call(&h, &officer_b, "GET", &format!("/api/v1/permits/{permit}"), None).await;
        assert_eq!(r.status, 200, "{be}: {}", r.body);
        assert_eq!(r.json()["solvency"][0]["certified_on"], on.as_str(), "{be}: {}", r.body);
        assert_eq!(r.json()["solvency"].as_array().map(Vec::len), Some(1), "{be}: {}", r.body);
        h.cleanup().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_override_needs_a_full_reason_and_is_audited() {
    for h in Harness::both().await {
        let be = h.backend();
        let applicant = h.bearer(Role::Applicant).await;
        let officer = h.bearer(Role::Officer).await;
        let admin = h.bearer(Role::Admin).await;
        // Neither exempt nor housed, no funds: ineligible.
        let body = json!({ "reference": "pr-override", "programme": "permanent-residence", "region": "KZ-75",
            "holder": holder("GB5550001"), "facts": pr_facts(false, false) });
        let r = call(&h, &applicant, "POST", "/api/v1/cases", Some(body)).await;
        assert_eq!(r.status, 201, "{be}: {}", r.body);
        let id = r.json()["case"]["id"].as_i64().unwrap();
        assert_eq!(r.json()["case"]["outcome"], "ineligible");
        call(&h, &applicant, "POST", &format!("/api/v1/cases/{id}/submit"), None).await;
        let path = format!("/api/v1/cases/{id}/decision");
        let short = json!({ "action": "approve", "reason": "looks fine" });
        let p = call(&h, &officer, "POST", &path, Some(short)).await.problem(422);
        assert_eq!(field_of(&p), "reason", "{be}: {p}");
        let p = call(&h, &officer, "POST", &path, Some(json!({ "action": "approve" }))).await.problem(422);
        assert_eq!(field_of(&p), "reason", "{be}: {p}");
        let long = json!({ "action": "approve",
            "reason": "Housing is provided by the employer; the contract arrived after the evaluation" });
        let r = call(&h, &officer, "POST", &path, Some(long)).await;
        assert_eq!(r.status, 200, "{be}: {}", r.body);
        let events = r.json()["events"].clone();
        assert!(
            events.as_array().unwrap().iter().any(|e| e["override_of"] == "ineligible"),
            "{be}: {events}"
        );
        let log = call(&h, &admin, "GET", "/api/v1/audit?limit=100", None).await.json();
        let record = log
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["action"] == "case.override")
            .unwrap_or_else(|| panic!("{be}: no case.override in {log}"));
        assert_eq!(record["actor"], "test-officer");
        h.cleanup().await;
    }
}

/// The reproduction of issue 14: 24 officers' reads of a case and 24 of a permit at the same
/// moment, through the router, leave an audit chain that verifies, with one record per read.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn simultaneous_reads_of_a_case_and_a_permit_keep_the_audit_chain() {
    for h in Harness::both().await {
        let be = h.backend();
        let applicant = h.bearer(Role::Applicant).await;
        let officer_a = h.bearer(Role::Officer).await;
        let officer_b = account(&h, "officer-b", Role::Officer, Some("KZ-75")).await;
        let body = json!({ "reference": "pr-reads", "programme": "permanent-residence", "region": "KZ-75",
            "holder": holder("GB7650024"), "facts": pr_facts(true, true) });
        let id = call(&h, &applicant, "POST", "/api/v1/cases", Some(body)).await.json()["case"]["id"]
            .as_i64()
            .unwrap();
        call(&h, &applicant, "POST", &format!("/api/v1/cases/{id}/submit"), None).await;
        let approve = json!({ "action": "approve", "reason": "Ethnic Kazakh, housed by contract" });
        call(&h, &officer_a, "POST", &format!("/api/v1/cases/{id}/decision"), Some(approve)).await;
        let r = call(&h, &officer_b, "POST", &format!("/api/v1/cases/{id}/confirm"), Some(json!({}))).await;
        assert_eq!(r.status, 200, "{be}: {}", r.body);
        let permit = r.json()["permit"]["id"].as_i64().unwrap();
        let reads = |kind: &'static str, id: i64| {
            let db = h.db.clone();
            async move {
                let records = ashyq_store::audit::for_object(&db, kind, &id.to_string()).await.unwrap();
                records.iter().filter(|r| r.action == format!("{kind}.read")).count()
            }
        };
        let before = (reads("case", id).await, reads("permit", permit).await);

        let mut tasks = tokio::task::JoinSet::new();
        for i in 0..48 {
            let path =
                if i % 2 == 0 { format!("/api/v1/cases/{id}") } else { format!("/api/v1/permits/{permit}") };
            let req =
                Request::get(path).header("authorization", format!("Bearer {officer_a}")).body(Body::empty());
            let app = h.app();
            tasks.spawn(async move { tower::ServiceExt::oneshot(app, req.unwrap()).await.unwrap().status() });
        }
        while let Some(status) = tasks.join_next().await {
            assert_eq!(status.unwrap(), 200, "{be}");
        }
        assert_eq!(
            (reads("case", id).await, reads("permit", permit).await),
            (before.0 + 24, before.1 + 24),
            "{be}"
        );
        let v = call(&h, &h.bearer(Role::Admin).await, "GET", "/api/v1/audit/verify", None).await.json();
        assert_eq!(v["intact"], true, "{be}: {v}");
        h.cleanup().await;
    }
}

#[tokio::test]
async fn the_openapi_document_lists_the_case_workflow() {
    let h = Harness::new().await;
    let doc = call(&h, "", "GET", "/api/v1/openapi.json", None).await.json();
    for (path, method) in [
        ("/api/v1/cases", "post"),
        ("/api/v1/cases", "get"),
        ("/api/v1/cases/{id}", "get"),
        ("/api/v1/cases/{id}/evidence", "post"),
        ("/api/v1/cases/{id}/evidence/{evidence_id}", "get"),
        ("/api/v1/cases/{id}/decision", "post"),
        ("/api/v1/cases/{id}/confirm", "post"),
        ("/api/v1/permits/{id}", "get"),
        ("/api/v1/permits/{id}/cancel", "post"),
        ("/api/v1/permits/{id}/solvency", "post"),
        ("/api/v1/permits/overdue", "get"),
        ("/api/v1/quotas", "get"),
        ("/api/v1/rounds/{id}", "get"),
        ("/api/v1/rounds", "post"),
    ] {
        assert!(doc["paths"][path][method].is_object(), "{method} {path} is not documented");
    }
    let evidence = &doc["paths"]["/api/v1/cases/{id}/evidence"]["post"]["requestBody"]["content"];
    assert!(evidence["multipart/form-data"].is_object(), "{evidence}");
}
