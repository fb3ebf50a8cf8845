//! The applicant's evidence on the pages, on SQLite and (with `ASHYQ_TEST_POSTGRES_URL`)
//! PostgreSQL:
//!
//! - after answering the officer's request for information the applicant may still attach
//!   documents until the officer decides, and may always download their own files;
//! - two documents scanned into one file are both kept and listed.

use crate::common;

use ashyq_core::Role;
use ashyq_core::cases::{CaseStatus, Holder, OfficerAction};
use ashyq_core::policy::Policy;
use ashyq_core::rules::Programme;
use ashyq_store::cases::moves::{self, NewCase};
use ashyq_store::cases::{Evaluated, Viewer, evidence, read};
use ashyq_store::{Actor, today};
use axum::body::Body;
use axum::http::Request;
use common::{Harness, Reply};
use serde_json::{Value, json};

/// Permanent residence for an ethnic Kazakh housed by contract: eligible.
const PR_FACTS: &str = r#"{"applicant":{"birth_date":"1990-05-01","passport_expiry":"2035-01-01","ethnic_kazakh":true,"former_citizen":false,"simplified_citizenship":false,"criminal_record":false,"funds":null},"family":[],"region":"KZ-75","housing":{"provided_by_contract":true,"funds_kzt":null}}"#;

fn actor_of(h: &Harness, role: Role) -> Actor {
    let u = h.user(role);
    Actor { user_id: Some(u.id), username: u.username.clone(), role, request_id: "test".into() }
}

fn holder() -> Holder {
    serde_json::from_value(json!({
        "surname": "KARIMOV", "given_names": "ALI", "birth_date": "1990-05-01", "sex": "M",
        "nationality": "UZB", "passport_number": "FA1112223", "passport_expiry": "2035-01-01"
    }))
    .unwrap()
}

/// A case of the test applicant in KZ-75, evaluated by the rules for today: a draft, or sent.
async fn case(h: &Harness, reference: &str, send: bool) -> (i64, Evaluated) {
    let facts: Value = serde_json::from_str(PR_FACTS).unwrap();
    let evaluated = ashyq_server::cases::evaluation(&h.state, Programme::PermanentResidence, &facts, today())
        .await
        .unwrap();
    let applicant = h.user(Role::Applicant).clone();
    let new = NewCase {
        reference: reference.into(),
        programme: Programme::PermanentResidence,
        region: "KZ-75".into(),
        holder: holder(),
        facts,
    };
    let actor = actor_of(h, Role::Applicant);
    let (id, _) = moves::create(&h.db, &actor, applicant.id, &new, &evaluated).await.unwrap();
    if send {
        moves::submit(&h.db, &actor, &Viewer::Applicant(applicant.id), id, &evaluated).await.unwrap();
    }
    (id, evaluated)
}

async fn get(h: &Harness, uri: &str, cookie: &str) -> Reply {
    h.send(Request::get(uri).header("cookie", cookie).body(Body::empty()).unwrap()).await
}

/// The evidence form posted as a multipart upload, with the session's CSRF token.
async fn attach(h: &Harness, id: i64, cookie: &str, csrf: &str, doc: (&str, &str), file: &[u8]) -> Reply {
    let fields = [
        ("csrf", csrf),
        ("document_type", doc.0),
        ("number", doc.1),
        ("issuer", "Authority"),
        ("issued_on", "2020-01-15"),
    ];
    let mut body = Vec::new();
    for (k, v) in fields {
        body.extend_from_slice(
            format!("--XBOUNDARY\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n").as_bytes(),
        );
    }
    body.extend_from_slice(
        b"--XBOUNDARY\r\nContent-Disposition: form-data; name=\"file\"; filename=\"scan.pdf\"\r\nContent-Type: application/pdf\r\n\r\n",
    );
    body.extend_from_slice(file);
    body.extend_from_slice(b"\r\n--XBOUNDARY--\r\n");
    let req = Request::post(format!("/applications/{id}/evidence"))
        .header("cookie", cookie)
        .header("content-type", "multipart/form-data; boundary=XBOUNDARY")
        .body(Body::from(body))
        .unwrap();
    h.send(req).await
}

#[tokio::test]
async fn after_replying_the_applicant_still_attaches_and_downloads() {
    for h in Harness::both().await {
        let (id, evaluated) = case(&h, "pr-reply-1", true).await;
        let applicant = h.user(Role::Applicant).clone();
        let (cookie, csrf) = h.session_of(&applicant).await;
        let cookie = format!("{cookie}; ashyq_lang=en");
        let page_uri = format!("/applications/{id}");
        moves::decide(
            &h.db,
            &actor_of(&h, Role::Officer),
            &Viewer::Officer(Some("KZ-75".into())),
            &Policy::kz().unwrap(),
            id,
            OfficerAction::RequestInfo,
            "Please attach the housing contract.",
            &evaluated,
            today(),
        )
        .await
        .unwrap();
        let contract = ashyq_core::cases::evidence_file::sample_pdf("Housing contract H-1");
        let r = attach(&h, id, &cookie, &csrf, ("housing_document", "H-1"), &contract).await;
        assert_eq!(r.status, 303, "{}", r.body);
        let r = h
            .post_form_as(&applicant, "en", &format!("{page_uri}/reply"), &[("message", "Attached it.")])
            .await;
        assert_eq!(r.status, 303, "{}", r.body);
        let mine = Viewer::Applicant(applicant.id);
        let actor = actor_of(&h, Role::Applicant);
        assert_eq!(read::get(&h.db, &actor, &mine, id).await.unwrap().status, CaseStatus::Submitted);

        // Answered, waiting for the officer: the form is there and takes another document.
        let page = get(&h, &page_uri, &cookie).await;
        assert_eq!(page.status, 200, "{}", page.body);
        assert!(page.body.contains("id=\"evidence-form\""), "no evidence form after replying");
        let annex = ashyq_core::cases::evidence_file::sample_pdf("Contract annex A-2");
        let r = attach(&h, id, &cookie, &csrf, ("other", "A-2"), &annex).await;
        assert_eq!(r.status, 303, "{}", r.body);
        let files = evidence::list(&h.db, id).await.unwrap();
        assert_eq!(files.len(), 2);

        // Their own files open, as long as the case lasts and after.
        for (f, bytes) in files.iter().zip([&contract, &annex]) {
            let r = get(&h, &format!("{page_uri}/evidence/{}", f.id), &cookie).await;
            assert_eq!(r.status, 200, "{}", r.body);
            assert_eq!(r.body.as_bytes(), bytes.as_slice());
        }
        let page = get(&h, &page_uri, &cookie).await;
        for f in &files {
            assert!(page.body.contains(&format!("href=\"{page_uri}/evidence/{}\"", f.id)));
        }

        // Withdrawn: nothing more is attached, the files still open.
        let r = h.post_form_as(&applicant, "en", &format!("{page_uri}/withdraw"), &[("reason", "")]).await;
        assert_eq!(r.status, 303, "{}", r.body);
        let page = get(&h, &page_uri, &cookie).await;
        assert!(!page.body.contains("id=\"evidence-form\""));
        let late = ashyq_core::cases::evidence_file::sample_pdf("Late L-3");
        let r = attach(&h, id, &cookie, &csrf, ("other", "L-3"), &late).await;
        assert_eq!(r.status, 409, "{}", r.body);
        let r = get(&h, &format!("{page_uri}/evidence/{}", files[0].id), &cookie).await;
        assert_eq!(r.status, 200, "{}", r.body);
        h.cleanup().await;
    }
}

#[tokio::test]
async fn two_documents_in_one_scanned_file_are_both_listed() {
    for h in Harness::both().await {
        let (id, _) = case(&h, "pr-scan-1", false).await;
        let applicant = h.user(Role::Applicant).clone();
        let (cookie, csrf) = h.session_of(&applicant).await;
        let cookie = format!("{cookie}; ashyq_lang=en");
        let scan = ashyq_core::cases::evidence_file::sample_pdf("Bank certificate B-9 and diploma D-1");
        for doc in [("bank_certificate", "B-9"), ("diploma", "D-1"), ("diploma", "D-1")] {
            let r = attach(&h, id, &cookie, &csrf, doc, &scan).await;
            assert_eq!(r.status, 303, "{}", r.body);
        }
        let files = evidence::list(&h.db, id).await.unwrap();
        assert_eq!(
            files.iter().map(|f| (f.document_type.as_str(), f.number.as_str())).collect::<Vec<_>>(),
            vec![("bank_certificate", "B-9"), ("diploma", "D-1")]
        );
        let page = get(&h, &format!("/applications/{id}"), &cookie).await;
        for f in &files {
            assert!(page.body.contains(&format!("data-evidence=\"{}\"", f.id)), "{}", page.body);
            let r = get(&h, &format!("/applications/{id}/evidence/{}", f.id), &cookie).await;
            assert_eq!((r.status, r.body.as_bytes()), (200, scan.as_slice()));
        }
        h.cleanup().await;
    }
}

/// The officer's request for information, and then the decision with its reason, stand at the
/// top of the applicant's case page (not only in the history), in the page's language.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_officers_request_and_decision_stand_at_the_top_of_the_case() {
    for h in Harness::both().await {
        let (id, evaluated) = case(&h, "pr-word-1", true).await;
        let applicant = h.user(Role::Applicant).clone();
        let uri = format!("/applications/{id}");
        let officer = Viewer::Officer(Some("KZ-75".into()));
        let policy = Policy::kz().unwrap();
        let page = h.get_as(Some(&applicant), "kk", &uri).await;
        assert!(!page.body.contains("id=\"officer-word\""), "{}: nothing said yet", h.backend());

        let ask = "Тұрғын үй шартын тіркеңіз.";
        let officer_actor = actor_of(&h, Role::Officer);
        let day = today();
        moves::decide(
            &h.db,
            &officer_actor,
            &officer,
            &policy,
            id,
            OfficerAction::RequestInfo,
            ask,
            &evaluated,
            day,
        )
        .await
        .unwrap();
        let page = h.get_as(Some(&applicant), "kk", &uri).await;
        assert_eq!(page.status, 200, "{}", page.body);
        let top = page.body.find("id=\"officer-word\"").expect("the request at the top");
        assert!(top < page.body.find("id=\"status\"").unwrap(), "{}: above the status", h.backend());
        assert!(page.body.contains("Қызметкер сізден қосымша мәлімет сұрайды"), "{}", h.backend());
        assert!(page.body.contains(ask), "{}", h.backend());

        let r = h.post_form_as(&applicant, "ru", &format!("{uri}/reply"), &[("message", "Приложил.")]).await;
        assert_eq!(r.status, 303, "{}", r.body);
        let page = h.get_as(Some(&applicant), "ru", &uri).await;
        assert!(!page.body.contains("id=\"officer-word\""), "{}: answered, nothing waits", h.backend());

        let why = "Договор найма жилья не подтверждён владельцем жилья.";
        moves::decide(
            &h.db,
            &officer_actor,
            &officer,
            &policy,
            id,
            OfficerAction::Refuse,
            why,
            &evaluated,
            day,
        )
        .await
        .unwrap();
        let page = h.get_as(Some(&applicant), "ru", &uri).await;
        assert!(page.body.contains("id=\"officer-word\""), "{}", h.backend());
        assert!(page.body.contains("В вашем заявлении отказано"), "{}", h.backend());
        assert!(page.body.contains(why), "{}", h.backend());
        h.cleanup().await;
    }
}
