//! Decisions as documents (issue 17): every kind of document — approval, refusal, request for
//! information, permit, cancellation, kandas assignment — downloaded in Kazakh, Russian and
//! English and read back with `pdftotext` (the Kazakh letters, the reference, the figures in
//! the language's format, the appeal's last day, the verification code); the code checked on
//! the public page and over the API, a made-up one refused; the same document twice is one
//! code; another applicant gets nothing. On SQLite and, when configured, PostgreSQL.

use crate::common::{Harness, PASSWORD};
use ashyq_core::Role;
use ashyq_core::cases::decision::OfficerAction;
use ashyq_core::cases::permit::CancellationGround;
use ashyq_core::rules::Programme;
use ashyq_server::i18n::{I18n, Lang};
use ashyq_store::cases::{Viewer, moves, permits, read};
use ashyq_store::users::User;
use ashyq_store::{Actor, audit};
use axum::body::Body;
use axum::http::{HeaderMap, Request};
use http_body_util::BodyExt;
use jiff::civil::Date;
use tower::ServiceExt;

/// A downloaded file.
struct Download {
    status: u16,
    headers: HeaderMap,
    bytes: Vec<u8>,
}

impl Download {
    fn code(&self) -> String {
        self.headers.get("x-verification-code").and_then(|v| v.to_str().ok()).unwrap_or_default().to_string()
    }
}

/// `uri` as `who` (a page session with the language cookie).
async fn download(h: &Harness, who: &User, lang: &str, uri: &str) -> Download {
    let (cookie, _) = h.session_of(who).await;
    let req = Request::get(uri)
        .header("cookie", format!("{cookie}; ashyq_lang={lang}"))
        .body(Body::empty())
        .unwrap();
    let res = h.app().oneshot(req).await.unwrap();
    let status = res.status().as_u16();
    let headers = res.headers().clone();
    let bytes = res.into_body().collect().await.unwrap().to_bytes().to_vec();
    Download { status, headers, bytes }
}

/// The text of a PDF as `pdftotext` reads it, its spaces (no-break ones too) and line ends made
/// one space.
fn text_of(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("document.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = std::process::Command::new("pdftotext")
        .arg("-enc")
        .arg("UTF-8")
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext runs (apt-get install poppler-utils)");
    assert!(out.status.success(), "pdftotext: {}", String::from_utf8_lossy(&out.stderr));
    flat(&String::from_utf8(out.stdout).unwrap())
}

/// Any run of white space (a no-break space too) as one space.
fn flat(text: &str) -> String {
    text.replace('\u{a0}', " ").split_whitespace().collect::<Vec<_>>().join(" ")
}

fn lang(code: &str) -> Lang {
    Lang::from_code(code).unwrap()
}

/// A date as the documents write it.
fn date(d: Date, code: &str) -> String {
    match code {
        "en" => {
            let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
            format!("{} {} {}", d.day(), months[(d.month() - 1) as usize], d.year())
        }
        _ => format!("{:02}.{:02}.{}", d.day(), d.month(), d.year()),
    }
}

/// The permanent-residence facts of a foreigner (no exemption from solvency) holding `funds`
/// tenge in a Kazakh bank on a certificate of `certified_on`, housed by contract.
fn pr_facts(funds: &str, certified_on: Date) -> serde_json::Value {
    serde_json::json!({
        "applicant": {"birth_date": "1988-03-04", "passport_expiry": "2036-01-01", "occupation": null,
            "ethnic_kazakh": false, "former_citizen": false, "simplified_citizenship": false, "criminal_record": false,
            "funds": {"amount_kzt": funds, "kazakh_bank": true, "certified_on": certified_on.to_string()}},
        "family": [], "region": "KZ-75", "housing": {"provided_by_contract": true, "funds_kzt": null}
    })
}

/// The cases and the application each document is made of.
struct Fixture {
    approved: i64,
    refused: i64,
    requested: i64,
    permit: i64,
    kandas: i64,
    today: Date,
}

async fn fixture(h: &Harness) -> Fixture {
    let today = ashyq_store::today();
    let me = h.user(Role::Applicant).id;
    let applicant = Viewer::Applicant(me);
    let officer = Viewer::Officer(Some("KZ-75".into()));
    let first = Actor { username: "test-officer".into(), ..Actor::cli() };
    let second = Actor { username: "second-officer".into(), ..Actor::cli() };
    let policy = h.state.policy.clone();
    let certified = today.checked_sub(jiff::Span::new().days(20)).unwrap();
    let mut ids = Vec::new();
    for (n, funds) in ["6000000", "5000000", "6000000"].into_iter().enumerate() {
        let facts = pr_facts(funds, certified);
        let pr = Programme::PermanentResidence;
        let e = ashyq_server::flows::cases::evaluation(&h.state, pr, &facts, today).await.unwrap();
        let new = moves::NewCase {
            reference: format!("DOC-{n}"),
            programme: pr,
            region: "KZ-75".into(),
            holder: ashyq_core::cases::Holder {
                surname: "NURLANOVA".into(),
                given_names: "AIGUL SERIKKYZY".into(),
                birth_date: Date::constant(1988, 3, 4),
                sex: "F".into(),
                nationality: "GBR".into(),
                passport_number: format!("DOC00{n}"),
                passport_expiry: Date::constant(2036, 1, 1),
            },
            facts,
        };
        let (id, _) = moves::create(&h.db, &Actor::cli(), me, &new, &e).await.unwrap();
        moves::submit(&h.db, &Actor::cli(), &applicant, id, &e).await.unwrap();
        ids.push((id, e));
    }
    let decide = |i: usize, action: OfficerAction, reason: &'static str| {
        let (id, e) = ids[i].clone();
        let (officer, first, policy) = (officer.clone(), first.clone(), policy.clone());
        async move {
            moves::decide(&h.db, &first, &officer, &policy, id, action, reason, &e, today).await.unwrap();
            id
        }
    };
    let approved = decide(0, OfficerAction::Approve, "Solvency proven by the bank's certificate.").await;
    moves::confirm(&h.db, &second, &officer, &policy, approved, "", &ids[0].1, today).await.unwrap();
    let refused = decide(1, OfficerAction::Refuse, "The funds fall short of the solvency required.").await;
    let requested =
        decide(2, OfficerAction::RequestInfo, "Please send the bank's certificate in full.").await;
    let permit = read::get(&h.db, &Actor::cli(), &Viewer::Admin, approved).await.unwrap().permit_id.unwrap();
    let family = ashyq_core::kandas::Application {
        applicant: ashyq_core::kandas::Person {
            surname: "ӘБДІРАХМАНОВ".into(),
            given_names: "ҚАЙРАТ".into(),
            birth_date: Date::constant(1979, 2, 3),
        },
        members: Vec::new(),
        origin: "MNG".into(),
        ethnic_kazakh: true,
        citizen: false,
        region: "KZ-75".into(),
    };
    let (app, _) =
        ashyq_store::kandas::own::file(&h.db, &Actor::cli(), me, "documents", &family, today).await.unwrap();
    ashyq_store::kandas::assign(&h.db, &first, Some("KZ-75"), &policy, app.id, today).await.unwrap();
    Fixture { approved, refused, requested, permit, kandas: app.id, today }
}

/// What every document must show: its title in the language, the reference, the appeal's last
/// day (three months after the decision), and its verification code.
fn assert_common(
    i18n: &I18n,
    code: &str,
    kind: &str,
    text: &str,
    reference: &str,
    d: &Download,
    today: Date,
) {
    let title = i18n.message(lang(code), &format!("doc-title-{kind}"), &[]);
    assert!(text.contains(&flat(&title)), "{kind} {code}: no title {title:?} in {text}");
    assert!(text.contains(reference), "{kind} {code}: no reference {reference} in {text}");
    let deadline = today.checked_add(jiff::Span::new().months(3)).unwrap();
    assert!(text.contains(&date(deadline, code)), "{kind} {code}: no appeal deadline in {text}");
    let appeal = i18n.message(lang(code), "doc-appeal", &[]);
    assert!(text.contains(&appeal), "{kind} {code}: no {appeal:?}");
    let article = match code {
        "kk" => "91-бап",
        "ru" => "статья 91",
        _ => "Article 91",
    };
    assert!(text.contains(article), "{kind} {code}: the appeal's basis, cited in the document's language");
    let vcode = d.code();
    assert_eq!(vcode.len(), 14, "{kind} {code}: {vcode:?}");
    assert!(text.contains(&vcode), "{kind} {code}: no code {vcode} in {text}");
    assert!(text.contains(&format!("/verify/{vcode}")), "{kind} {code}: no verification address");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_decision_prints_in_three_languages_and_its_code_verifies() {
    for h in Harness::both().await {
        let be = h.backend();
        let f = fixture(&h).await;
        let i18n = I18n::load().unwrap();
        let me = h.user(Role::Applicant).clone();
        let officer = h.user(Role::Officer).clone();
        let approved_ref = "DOC-0";
        let kk_letters = ['ә', 'ғ', 'қ', 'ң', 'ө', 'ұ', 'ү', 'і', 'Қ', 'Ә', 'Ө'];
        let mut kk_seen = String::new();
        let mut codes: std::collections::BTreeMap<&str, String> = Default::default();
        for code in ["kk", "ru", "en"] {
            let solvency = if code == "en" { "5,709,000" } else { "5 709 000" };
            let held = if code == "en" { "6,000,000" } else { "6 000 000" };
            let docs = [
                ("approval", format!("/applications/{}/decision.pdf", f.approved), approved_ref.to_string()),
                ("refusal", format!("/applications/{}/decision.pdf", f.refused), "DOC-1".to_string()),
                ("request", format!("/applications/{}/decision.pdf", f.requested), "DOC-2".to_string()),
                ("permit", format!("/applications/{}/permit.pdf", f.approved), String::new()),
                ("kandas_assignment", format!("/kandas/mine/{}/assignment.pdf", f.kandas), String::new()),
            ];
            for (kind, uri, reference) in docs {
                let d = download(&h, &me, code, &uri).await;
                assert_eq!(d.status, 200, "{be} {kind} {code}: {}", String::from_utf8_lossy(&d.bytes));
                assert_eq!(d.headers["content-type"], "application/pdf");
                assert!(d.bytes.starts_with(b"%PDF-"), "{kind}");
                assert!(
                    d.bytes.len() < 200_000,
                    "{kind} {code}: {} bytes: the font is subset",
                    d.bytes.len()
                );
                let text = text_of(&d.bytes);
                let reference = match kind {
                    "permit" => {
                        permits::get(&h.db, &Actor::cli(), &Viewer::Admin, f.permit).await.unwrap().number
                    }
                    "kandas_assignment" => {
                        ashyq_store::kandas::own::get(&h.db, me.id, f.kandas).await.unwrap().reference
                    }
                    _ => reference,
                };
                assert_common(&i18n, code, kind, &text, &reference, &d, f.today);
                // The same document in another language carries the same code.
                let first = codes.entry(kind).or_insert_with(|| d.code());
                assert_eq!(*first, d.code(), "{be} {kind} {code}: one document, one code");
                match kind {
                    "approval" => {
                        assert!(text.contains(solvency) && text.contains(held), "{kind} {code}: {text}");
                        assert!(text.contains("Solvency proven by the bank"), "the officer's words");
                        assert!(text.contains("NURLANOVA AIGUL SERIKKYZY"), "the holder's name in full");
                        assert!(text.contains(&date(f.today, code)), "{kind} {code}: the date");
                    }
                    "refusal" => {
                        assert!(
                            text.contains(solvency)
                                && text.contains(
                                    "5 000 000".replace(' ', if code == "en" { "," } else { " " }).as_str()
                                ),
                            "{kind} {code}: {text}"
                        );
                        let failed = i18n.message(lang(code), "ec-mark-failed", &[]);
                        assert!(text.contains(&failed), "{kind} {code}: the failed condition is marked");
                    }
                    "request" => assert!(text.contains("Please send the bank"), "{text}"),
                    "permit" => {
                        let until = permits::get(&h.db, &Actor::cli(), &Viewer::Admin, f.permit)
                            .await
                            .unwrap()
                            .valid_until;
                        assert!(text.contains(&date(until, code)), "{kind} {code}: the term in {text}");
                    }
                    "kandas_assignment" => {
                        assert!(text.contains("ӘБДІРАХМАНОВ ҚАЙРАТ"), "{text}");
                        let region = ashyq_core::region::by_code("KZ-75").unwrap().name(code).to_string();
                        assert!(text.contains(&flat(&region)), "{kind} {code}: {region} in {text}");
                    }
                    _ => {}
                }
                if code == "kk" {
                    kk_seen.push_str(&text);
                }
            }
        }
        let missing: Vec<char> = kk_letters.iter().copied().filter(|c| !kk_seen.contains(*c)).collect();
        assert!(missing.is_empty(), "{be}: the Kazakh documents lack {missing:?}");

        // The code checks, on the page and over the API, in the reader's language.
        let permit_code = codes["permit"].clone();
        let page = h.get_as(None, "en", &format!("/verify/{permit_code}")).await;
        assert_eq!(page.status, 200, "{}", page.body);
        assert!(
            page.body.contains("id=\"verified\"") && page.body.contains("data-status=\"valid\""),
            "{}",
            page.body
        );
        assert!(page.body.contains("A. S. NURLANOVA"), "the holder masked: {}", page.body);
        assert!(!page.body.contains("AIGUL"), "the given names are not shown");
        let api = h.get_as(None, "ru", &format!("/api/v1/documents/{}", permit_code.to_lowercase())).await;
        assert_eq!(api.status, 200, "{}", api.body);
        let v = api.json();
        assert_eq!((v["kind"].as_str(), v["status"].as_str()), (Some("permit"), Some("valid")), "{v}");
        assert_eq!(v["holder"], "A. S. NURLANOVA");
        assert_eq!(v["outcome"], i18n.message(Lang::Ru, "doc-verify-outcome-permit", &[]));
        assert!(v["valid_until"].is_string(), "{v}");
        let approval = h.get_as(None, "kk", &format!("/verify/{}", codes["approval"])).await;
        assert!(approval.body.contains(approved_ref), "{}", approval.body);
        // A made-up code: "not valid" on the page (200), not found over the API.
        let page = h.get_as(None, "kk", "/verify/ZZZZ-ZZZZ-ZZZZ").await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains("id=\"not-verified\""), "{}", page.body);
        assert!(page.body.contains(&crate::common::esc(&i18n.message(
            Lang::Kk,
            "doc-verify-none-title",
            &[]
        ))));
        h.get_as(None, "en", "/api/v1/documents/ZZZZ-ZZZZ-ZZZZ").await.problem(404);
        h.get_as(None, "en", "/api/v1/documents/not-a-code").await.problem(404);

        // The permit renewed: a new document for the new term, with a code of its own; the one
        // of the term before still checks as what it said.
        let until: Date =
            permits::get(&h.db, &Actor::cli(), &Viewer::Admin, f.permit).await.unwrap().valid_until;
        let renewed_until = until.checked_add(jiff::Span::new().years(1)).unwrap();
        permits::renew(
            &h.db,
            &Actor::cli(),
            &Viewer::Admin,
            &h.state.policy,
            f.permit,
            renewed_until,
            "The holder's passport was renewed.",
            f.today,
        )
        .await
        .unwrap();
        let d = download(&h, &me, "en", &format!("/applications/{}/permit.pdf", f.approved)).await;
        assert_eq!(d.status, 200, "{be}");
        assert_ne!(d.code(), permit_code, "{be}: a renewed permit is a new document");
        assert!(text_of(&d.bytes).contains(&date(renewed_until, "en")), "{be}: the new term");
        let old = h.get_as(None, "en", &format!("/api/v1/documents/{permit_code}")).await.json();
        assert_eq!(old["valid_until"], until.to_string(), "{be}: the old paper's term");
        let renewed_code = d.code();

        // The permit cancelled: its documents now check as cancelled, and the cancellation is a
        // document of its own.
        permits::cancel(
            &h.db,
            &Actor::cli(),
            &Viewer::Admin,
            &h.state.policy,
            f.permit,
            CancellationGround::HolderRequest,
            "The holder leaves Kazakhstan.",
            f.today,
        )
        .await
        .unwrap();
        let page = h.get_as(None, "ru", &format!("/verify/{permit_code}")).await;
        assert!(page.body.contains("data-status=\"cancelled\""), "{}", page.body);
        let cancelled = i18n.message(Lang::Ru, "doc-verify-cancelled", &[("date", &date(f.today, "ru"))]);
        assert!(flat(&page.body).contains(&flat(&cancelled)), "{cancelled} in {}", page.body);
        let renewed = h.get_as(None, "en", &format!("/api/v1/documents/{renewed_code}")).await.json();
        assert_eq!(
            (renewed["status"].as_str(), renewed["cancelled_on"].as_str()),
            (Some("cancelled"), Some(f.today.to_string().as_str())),
            "{be}: {renewed}"
        );
        let number = permits::get(&h.db, &Actor::cli(), &Viewer::Admin, f.permit).await.unwrap().number;
        for code in ["kk", "ru", "en"] {
            let d = download(&h, &me, code, &format!("/applications/{}/cancellation.pdf", f.approved)).await;
            assert_eq!(d.status, 200, "{be} cancellation {code}");
            let text = text_of(&d.bytes);
            assert_common(&i18n, code, "cancellation", &text, &number, &d, f.today);
            assert!(text.contains("The holder leaves Kazakhstan."), "{text}");
            let ground = i18n.message(lang(code), "co-ground-holder_request", &[]);
            assert!(text.contains(&ground), "{code}: {ground} in {text}");
        }
        // The officer downloads the same decision: the same code as the applicant's.
        let d = download(&h, &officer, "en", &format!("/cases/{}/decision.pdf", f.approved)).await;
        assert_eq!((d.status, d.code()), (200, codes["approval"].clone()), "{be}");
        let token = h.bearer(Role::Officer).await;
        let req = Request::get(format!("/api/v1/kandas/applications/{}/assignment.pdf?lang=kk", f.kandas))
            .header("authorization", format!("Bearer {token}"))
            .body(Body::empty())
            .unwrap();
        let res = h.app().oneshot(req).await.unwrap();
        assert_eq!(res.status(), 200);
        let bytes = res.into_body().collect().await.unwrap().to_bytes();
        let title = i18n.message(Lang::Kk, "doc-title-kandas_assignment", &[]);
        assert!(text_of(&bytes).contains(&title), "?lang=kk gives the Kazakh document");

        // Every download is audited, with the document's code.
        let log = audit::for_object(&h.db, "document", &permit_code.replace('-', "")).await.unwrap();
        assert_eq!(log.iter().filter(|r| r.action == "document.download").count(), 3, "{be}: {log:?}");
        h.cleanup().await;
    }
}

#[tokio::test]
async fn another_applicant_gets_no_document_and_a_case_without_a_decision_has_none() {
    for h in Harness::both().await {
        let f = fixture(&h).await;
        let stranger = ashyq_store::users::create(
            &h.db,
            &Actor::cli(),
            ashyq_store::users::NewUser {
                username: "stranger".into(),
                display_name: "Stranger".into(),
                role: Role::Applicant,
                region: None,
                password: PASSWORD.into(),
            },
        )
        .await
        .unwrap();
        for uri in [
            format!("/applications/{}/decision.pdf", f.approved),
            format!("/applications/{}/permit.pdf", f.approved),
            format!("/kandas/mine/{}/assignment.pdf", f.kandas),
        ] {
            let d = download(&h, &stranger, "en", &uri).await;
            assert_eq!(d.status, 404, "{uri}");
            assert!(!d.bytes.starts_with(b"%PDF"));
        }
        let token = ashyq_store::tokens::create(&h.db, &Actor::cli(), &stranger, "t", None).await.unwrap().0;
        for uri in [
            format!("/api/v1/cases/{}/decision.pdf", f.refused),
            format!("/api/v1/permits/{}/permit.pdf", f.permit),
            format!("/api/v1/kandas/applications/{}/assignment.pdf", f.kandas),
        ] {
            let req = Request::get(&uri)
                .header("authorization", format!("Bearer {token}"))
                .body(Body::empty())
                .unwrap();
            crate::common::Reply::read(h.app().oneshot(req).await.unwrap()).await.problem(404);
        }
        // An officer of another region is refused.
        let elsewhere = ashyq_store::users::create(
            &h.db,
            &Actor::cli(),
            ashyq_store::users::NewUser {
                username: "officer-elsewhere".into(),
                display_name: "Elsewhere".into(),
                role: Role::Officer,
                region: Some("KZ-11".into()),
                password: PASSWORD.into(),
            },
        )
        .await
        .unwrap();
        let d = download(&h, &elsewhere, "en", &format!("/cases/{}/decision.pdf", f.approved)).await;
        assert_eq!(d.status, 403);
        // A permit not cancelled has no cancellation; nothing was issued for it.
        let me = h.user(Role::Applicant).clone();
        let d = download(&h, &me, "en", &format!("/applications/{}/cancellation.pdf", f.approved)).await;
        assert_eq!(d.status, 409, "{}", String::from_utf8_lossy(&d.bytes));
        // A policy without the period to appeal is the server's error, never an appeal of zero
        // months: nothing is issued.
        let mut policy = (*h.state.policy).clone();
        policy.parameters.0.remove("appeal_complaint_months");
        let app = ashyq_server::app(h.state.clone().with_policy(policy));
        let (cookie, _) = h.session_of(&me).await;
        let req = Request::get(format!("/applications/{}/decision.pdf", f.approved))
            .header("cookie", cookie)
            .body(Body::empty())
            .unwrap();
        assert_eq!(app.oneshot(req).await.unwrap().status(), 500);
        let log = audit::tail(&h.db, 100).await.unwrap();
        assert!(!log.iter().any(|r| r.action == "document.download"), "nothing was issued: {log:?}");
        h.cleanup().await;
    }
}
