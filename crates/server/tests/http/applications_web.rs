//! The applicant's pages (`/applications…`), on SQLite and (with `ASHYQ_TEST_POSTGRES_URL`)
//! PostgreSQL: an applicant signs up and lands on their applications; the application form
//! speaks three languages; a bad date comes back next to its field (422), a good form makes a
//! draft case with its automatic evaluation (303), and the same form sent twice makes one
//! case; a PDF is attached and listed with its size and downloads as an attachment, HTML bytes
//! named .pdf are refused (422); the application is sent; the officer's request for
//! information is answered; another applicant gets 404, an officer 403, the public the login
//! page. A valuable-skills permit shows its rights, its training-report periods with the
//! overdue ones marked, and takes a report; a permanent-residence permit takes the holder's
//! confirmation of solvency (a bad date comes back next to its field) and lists it.

use crate::common;

use ashyq_core::Role;
use ashyq_core::cases::{CaseStatus, Holder, OfficerAction};
use ashyq_core::labour::published::PublishedLists;
use ashyq_core::policy::Policy;
use ashyq_core::rates::RateTable;
use ashyq_core::rules::{Context, Outcome, Programme};
use ashyq_store::cases::moves::{self, NewCase};
use ashyq_store::cases::{Evaluated, Viewer, evaluate, read, rounds};
use ashyq_store::{Actor, today};
use axum::body::Body;
use axum::http::Request;
use common::{Harness, Reply};
use jiff::ToSpan;
use std::collections::HashMap;

/// The messages of data/i18n/{lang}/applications.ftl (single-line ones).
fn messages(lang: &str) -> HashMap<String, String> {
    let path = format!("{}/../../data/i18n/{lang}/applications.ftl", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once(" = "))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect()
}

fn t(lang: &str, key: &str) -> String {
    messages(lang).get(key).unwrap_or_else(|| panic!("no {key} in {lang}")).clone()
}

/// Text as askama escapes it into a page.
fn html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&#34;")
        .replace('\'', "&#39;")
}

async fn get(h: &Harness, uri: &str, cookie: &str) -> Reply {
    h.send(Request::get(uri).header("cookie", cookie).body(Body::empty()).unwrap()).await
}

async fn post(h: &Harness, uri: &str, cookie: &str, fields: &[(&str, &str)]) -> Reply {
    let body = serde_urlencoded::to_string(fields).unwrap();
    let req = Request::post(uri)
        .header("cookie", cookie)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(Body::from(body))
        .unwrap();
    h.send(req).await
}

/// A multipart form with text fields and one file.
async fn upload(h: &Harness, uri: &str, cookie: &str, fields: &[(&str, &str)], file: (&str, &[u8])) -> Reply {
    let mut body = Vec::new();
    for (k, v) in fields {
        body.extend_from_slice(
            format!("--XBOUNDARY\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n").as_bytes(),
        );
    }
    body.extend_from_slice(
        format!(
            "--XBOUNDARY\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{}\"\r\nContent-Type: application/pdf\r\n\r\n",
            file.0
        )
        .as_bytes(),
    );
    body.extend_from_slice(file.1);
    body.extend_from_slice(b"\r\n--XBOUNDARY--\r\n");
    let req = Request::post(uri)
        .header("cookie", cookie)
        .header("content-type", "multipart/form-data; boundary=XBOUNDARY")
        .body(Body::from(body))
        .unwrap();
    h.send(req).await
}

/// The value of the hidden input `name` in a page.
fn hidden(body: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let at = body.find(&marker).unwrap_or_else(|| panic!("no hidden {name} in {body}")) + marker.len();
    body[at..].split('"').next().unwrap().to_string()
}

fn session_cookie(reply: &Reply) -> String {
    reply
        .headers
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("ashyq_session="))
        .and_then(|c| c.split(';').next())
        .unwrap_or_else(|| panic!("no session cookie: {:?}", reply.headers))
        .to_string()
}

/// A permanent-residence application of an ethnic Kazakh housed by contract.
fn pr_form<'a>(csrf: &'a str, token: &'a str, birth: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("csrf", csrf),
        ("token", token),
        ("holder.surname", "Karimov"),
        ("holder.given_names", "Aziz"),
        ("holder.birth_date", birth),
        ("holder.sex", "M"),
        ("holder.nationality", "UZB"),
        ("holder.passport_number", "FA7654321"),
        ("holder.passport_expiry", "2035-01-01"),
        ("region", "KZ-75"),
        ("applicant.ethnic_kazakh", "yes"),
        ("housing.provided_by_contract", "yes"),
    ]
}

fn pdf() -> Vec<u8> {
    ashyq_core::cases::evidence_file::sample_pdf("Passport N1234567")
}

fn actor_of(h: &Harness, role: Role) -> Actor {
    let u = h.user(role);
    Actor { user_id: Some(u.id), username: u.username.clone(), role, request_id: "test".into() }
}

fn evaluation(facts: &serde_json::Value, p: Programme) -> Evaluated {
    let policy = Policy::kz().unwrap();
    let (lists, rates) = (PublishedLists::default(), RateTable::new([]).unwrap());
    let ctx = Context { policy: &policy, lists: &lists, rates: &rates };
    evaluate::run(&ctx, p, facts, today()).unwrap()
}

async fn an_applicant_applies_attaches_and_sends(h: &Harness) {
    // Sign up: the new applicant lands on their account, which leads on to the applications.
    let reply = post(
        h,
        "/signup",
        "ashyq_csrf=t",
        &[
            ("csrf", "t"),
            ("username", "aziz.karimov"),
            ("display_name", "Aziz Karimov"),
            ("email", "aziz.karimov@example.kz"),
            ("password", "a long enough pass phrase"),
            ("repeat", "a long enough pass phrase"),
        ],
    )
    .await;
    assert_eq!((reply.status, reply.header("location")), (303, "/account?welcome=1"), "{}", reply.body);
    let session = session_cookie(&reply);
    let cookie = format!("{session}; ashyq_lang=en");
    let list = get(h, "/applications", &cookie).await;
    assert_eq!(list.status, 200, "{}", list.body);
    assert!(list.body.contains(&html(&t("en", "app-none"))), "no applications yet: {}", list.body);
    assert!(list.body.contains("href=\"/applications/new/valuable-skills-visa\""));
    assert!(list.body.contains("data-nav=\"applications\""), "the menu offers the applications");
    let csrf = hidden(&list.body, "csrf");

    // The form in three languages.
    for lang in ["en", "ru", "kk"] {
        let page =
            get(h, "/applications/new/permanent-residence", &format!("{session}; ashyq_lang={lang}")).await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains(&format!("<html lang=\"{lang}\"")));
        let label = format!("<label for=\"f-holder-surname\">{}</label>", html(&t(lang, "app-f-surname")));
        assert!(page.body.contains(&label), "{lang}: {label} not in the form");
        assert!(page.body.contains(&html(&t(lang, "app-holder"))));
        // The questions of the self-check are there, the passport's once only.
        assert!(page.body.contains("name=\"applicant.ethnic_kazakh\""));
        assert!(!page.body.contains("name=\"applicant.birth_date\""), "the birth date is asked once");
        assert_eq!(page.body.matches("name=\"region\"").count(), 1, "the region is asked once");
    }
    let form = get(h, "/applications/new/permanent-residence", &cookie).await;
    let token = hidden(&form.body, "token");
    assert_ne!(token, hidden(&get(h, "/applications/new/permanent-residence", &cookie).await.body, "token"));

    // A bad date: 422, the message next to its field, nothing stored.
    let bad =
        post(h, "/applications/new/permanent-residence", &cookie, &pr_form(&csrf, &token, "1990-13-45"))
            .await;
    assert_eq!(bad.status, 422, "{}", bad.body);
    assert!(bad.body.contains("id=\"f-holder-birth_date-error\""), "{}", bad.body);
    assert!(bad.body.contains("is not a date: use YYYY-MM-DD"), "{}", bad.body);
    assert!(bad.body.contains("value=\"Karimov\""), "what was typed comes back");
    let me = ashyq_store::users::by_username(&h.db, "aziz.karimov").await.unwrap();
    assert!(read::of_applicant(&h.db, me.id).await.unwrap().is_empty());
    // Another mistake: a Kazakh passport, named at the nationality.
    let mut kaz = pr_form(&csrf, &token, "1990-05-01");
    kaz[6] = ("holder.nationality", "KAZ");
    let r = post(h, "/applications/new/permanent-residence", &cookie, &kaz).await;
    assert_eq!(r.status, 422);
    assert!(
        r.body.contains("id=\"f-holder-nationality-error\">")
            && r.body.contains(&html(&t("en", "app-err-citizen")))
    );

    // A good one: a draft with its automatic evaluation; sent twice, one case.
    let good =
        post(h, "/applications/new/permanent-residence", &cookie, &pr_form(&csrf, &token, "1990-05-01"))
            .await;
    assert_eq!(good.status, 303, "{}", good.body);
    let location = good.header("location").to_string();
    let id: i64 = location.strip_prefix("/applications/").unwrap().parse().unwrap();
    let again =
        post(h, "/applications/new/permanent-residence", &cookie, &pr_form(&csrf, &token, "1990-05-01"))
            .await;
    assert_eq!((again.status, again.header("location")), (303, location.as_str()));
    assert_eq!(read::of_applicant(&h.db, me.id).await.unwrap().len(), 1);
    let mine = Viewer::Applicant(me.id);
    let actor = Actor {
        user_id: Some(me.id),
        username: me.username.clone(),
        role: Role::Applicant,
        request_id: "t".into(),
    };
    let case = read::get(&h.db, &actor, &mine, id).await.unwrap();
    assert_eq!(case.status, CaseStatus::Draft);
    assert_eq!(case.outcome.as_deref(), Some("eligible"));
    assert!(case.evaluation.is_some());
    assert_eq!(case.holder.passport_number, "FA7654321");
    assert_eq!(case.facts["applicant"]["birth_date"], "1990-05-01", "the holder's birth date is the facts'");
    assert_eq!(case.facts["region"], "KZ-75");
    assert!(case.reference.starts_with("APP-"));

    // The page: the status, the evaluation explained, the forms of a draft.
    let page = get(h, &location, &cookie).await;
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(page.body.contains(&html(&t("en", "app-status-draft"))));
    assert!(page.body.contains("id=\"decision\"") && page.body.contains("data-outcome=\"eligible\""));
    assert!(page.body.contains("class=\"explanation\""), "the checks are explained");
    assert!(page.body.contains("id=\"submit-form\"") && page.body.contains("id=\"evidence-form\""));
    assert!(!page.body.contains("id=\"reply-form\""));
    let list = get(h, "/applications", &cookie).await;
    assert!(list.body.contains(&case.reference) && list.body.contains("data-status=\"draft\""));

    // Evidence: a PDF is listed with its size; HTML named .pdf is refused.
    let doc = [
        ("csrf", csrf.as_str()),
        ("document_type", "passport"),
        ("number", "FA7654321"),
        ("issuer", "MVD"),
        ("issued_on", "2020-01-15"),
    ];
    let r = upload(h, &format!("/applications/{id}/evidence"), &cookie, &doc, ("passport.pdf", &pdf())).await;
    assert_eq!(r.status, 303, "{}", r.body);
    let page = get(h, &location, &cookie).await;
    assert!(page.body.contains("passport.pdf"), "{}", page.body);
    assert!(
        page.body.contains(&format!("data-bytes=\"{}\">{} bytes</td>", pdf().len(), pdf().len())),
        "{}",
        page.body
    );
    assert!(page.body.contains(&html(&t("en", "app-doc-passport"))));
    let html_bytes = b"<html><script>alert(1)</script></html>";
    let r =
        upload(h, &format!("/applications/{id}/evidence"), &cookie, &doc, ("diploma.pdf", html_bytes)).await;
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(
        r.body.contains("id=\"f-file-error\"") && r.body.contains(&html(&t("en", "app-err-file-type"))),
        "{}",
        r.body
    );
    assert!(r.body.contains("value=\"MVD\""), "the description comes back");
    // A PDF header before a web page, and a PDF cut short: refused, said in words.
    let polyglot = b"%PDF-1.4\n<html><script>alert(1)</script></html>\n%%EOF\n";
    let r = upload(h, &format!("/applications/{id}/evidence"), &cookie, &doc, ("scan.pdf", polyglot)).await;
    assert_eq!(r.status, 422, "{}", r.body);
    let active = t("en", "app-err-file-active").replace("{ $type }", "PDF");
    assert!(r.body.contains("id=\"f-file-error\"") && r.body.contains(&html(&active)), "{}", r.body);
    let cut = &pdf()[..100];
    let r = upload(h, &format!("/applications/{id}/evidence"), &cookie, &doc, ("scan.pdf", cut)).await;
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(
        r.body.contains(&html(&t("en", "app-err-file-broken").replace("{ $type }", "PDF"))),
        "{}",
        r.body
    );
    // A date of issue in the future, with the file fine: named at its field.
    let future = (today() + 3.days()).to_string();
    let later = [
        ("csrf", csrf.as_str()),
        ("document_type", "diploma"),
        ("number", "1"),
        ("issuer", "KazNU"),
        ("issued_on", future.as_str()),
    ];
    let other = ashyq_core::cases::evidence_file::sample_pdf("other");
    let r = upload(h, &format!("/applications/{id}/evidence"), &cookie, &later, ("d.pdf", &other)).await;
    assert_eq!(r.status, 422);
    assert!(r.body.contains("id=\"f-issued_on-error\""));
    // A forged token is refused before anything is read.
    let forged = [
        ("csrf", "forged"),
        ("document_type", "passport"),
        ("number", "1"),
        ("issuer", "x"),
        ("issued_on", "2020-01-01"),
    ];
    assert_eq!(
        upload(h, &format!("/applications/{id}/evidence"), &cookie, &forged, ("x.pdf", &pdf())).await.status,
        403
    );
    let files = ashyq_store::cases::evidence::list(&h.db, id).await.unwrap();
    assert_eq!(files.len(), 1);
    // The download: an attachment, never sniffed.
    let file = get(h, &format!("/applications/{id}/evidence/{}", files[0].id), &cookie).await;
    assert_eq!(file.status, 200);
    assert_eq!(file.body.as_bytes(), pdf());
    assert_eq!(file.header("content-type"), "application/pdf");
    assert!(file.header("content-disposition").starts_with("attachment; filename=\"passport.pdf\""));
    assert_eq!(file.header("x-content-type-options"), "nosniff");

    // Sent: submitted, in the officers' queue; the draft's forms are gone.
    let r = post(h, &format!("/applications/{id}/submit"), &cookie, &[("csrf", &csrf)]).await;
    assert_eq!(r.status, 303, "{}", r.body);
    assert_eq!(read::get(&h.db, &actor, &mine, id).await.unwrap().status, CaseStatus::Submitted);
    let page = get(h, &location, &cookie).await;
    assert!(
        page.body.contains("data-status=\"submitted\"")
            && page.body.contains(&html(&t("en", "app-status-submitted")))
    );
    assert!(!page.body.contains("id=\"submit-form\"") && !page.body.contains("id=\"evidence-form\""));
    // Sending again is refused as the state stands (409), shown on the page.
    let r = post(h, &format!("/applications/{id}/submit"), &cookie, &[("csrf", &csrf)]).await;
    assert_eq!(r.status, 409, "{}", r.body);
    assert!(r.body.contains("data-form=\"submit\""));

    // The officer asks for more; the page shows the message; the applicant answers.
    let officer = actor_of(h, Role::Officer);
    let here = Viewer::Officer(Some("KZ-75".into()));
    let e = evaluation(&case.facts, Programme::PermanentResidence);
    let policy = Policy::kz().unwrap();
    moves::decide(
        &h.db,
        &officer,
        &here,
        &policy,
        id,
        OfficerAction::RequestInfo,
        "Please attach the housing contract.",
        &e,
        today(),
    )
    .await
    .unwrap();
    let page = get(h, &location, &cookie).await;
    assert!(page.body.contains(&html(&t("en", "app-status-information_requested"))));
    assert!(page.body.contains("Please attach the housing contract."));
    assert!(page.body.contains("id=\"reply-form\"") && page.body.contains("id=\"evidence-form\""));
    let r =
        post(h, &format!("/applications/{id}/reply"), &cookie, &[("csrf", &csrf), ("message", "  ")]).await;
    assert_eq!(r.status, 422);
    assert!(r.body.contains("id=\"f-reply-error\""));
    let r = post(
        h,
        &format!("/applications/{id}/reply"),
        &cookie,
        &[("csrf", &csrf), ("message", "Attached it.")],
    )
    .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let r = post(
        h,
        &format!("/applications/{id}/message"),
        &cookie,
        &[("csrf", &csrf), ("message", "Thank you!")],
    )
    .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let page = get(h, &location, &cookie).await;
    assert!(page.body.contains("data-event=\"replied\"") && page.body.contains("Attached it."));
    assert!(page.body.contains("data-event=\"message\"") && page.body.contains("Thank you!"));
    assert_eq!(read::get(&h.db, &actor, &mine, id).await.unwrap().status, CaseStatus::Submitted);

    // Another applicant: not found, for the page, the file and the moves.
    let (other, other_csrf) = h.session(Role::Applicant).await;
    let other = format!("{other}; ashyq_lang=en");
    let r = get(h, &location, &other).await;
    assert_eq!(r.status, 404, "{}", r.body);
    assert!(!r.body.contains("Karimov"));
    assert_eq!(get(h, &format!("/applications/{id}/evidence/{}", files[0].id), &other).await.status, 404);
    let r = post(h, &format!("/applications/{id}/withdraw"), &other, &[("csrf", &other_csrf)]).await;
    assert_eq!(r.status, 404);
    // An officer is refused the applicant's pages; the public is sent to log in.
    let (officer_cookie, _) = h.session(Role::Officer).await;
    assert_eq!(get(h, "/applications", &officer_cookie).await.status, 403);
    assert_eq!(get(h, &location, &officer_cookie).await.status, 403);
    let r = get(h, "/applications", "").await;
    assert_eq!((r.status, r.header("location")), (303, "/login?next=/applications"));

    // Withdrawn by its applicant: final, the forms are gone.
    let r = post(
        h,
        &format!("/applications/{id}/withdraw"),
        &cookie,
        &[("csrf", &csrf), ("reason", "Changed my plans")],
    )
    .await;
    assert_eq!(r.status, 303);
    let page = get(h, &location, &cookie).await;
    assert!(page.body.contains("data-status=\"withdrawn\""));
    assert!(!page.body.contains("id=\"message-form\"") && !page.body.contains("id=\"withdraw-form\""));
}

/// Valuable-skills facts as the form builds them.
fn vs_facts() -> serde_json::Value {
    serde_json::json!({
        "birth_date": "1985-02-03", "passport_expiry": "2040-01-01", "criminal_record": false,
        "occupation": "2512", "education": "master", "experience_years": 12, "publications": 3,
        "patents": 1, "awards": 0, "job_offer": true, "training_plan": { "trainees_per_year": 3 },
        "languages": [{ "language": "en", "level": "C1" }]
    })
}

async fn a_permit_holder_files_training_reports(h: &Harness) {
    let policy = Policy::kz().unwrap();
    let applicant = actor_of(h, Role::Applicant);
    let me = Viewer::Applicant(h.user(Role::Applicant).id);
    let officer = actor_of(h, Role::Officer);
    let here = Viewer::Officer(Some("KZ-75".into()));
    // Issued 400 days ago: two half-year periods have ended since.
    let issued_on = today() - 400.days();
    let e = Evaluated {
        applied_on: issued_on,
        outcome: Outcome::Eligible,
        decision: serde_json::json!({ "outcome": "eligible" }),
        policy_edition: "test".into(),
        validity: Some((issued_on, issued_on + 10.years())),
        points: Some(80),
        sector: None,
    };
    let new = NewCase {
        reference: "web-vs-1".into(),
        programme: Programme::ValuableSkillsVisa,
        region: "KZ-75".into(),
        holder: Holder {
            surname: "LI".into(),
            given_names: "WEI".into(),
            birth_date: jiff::civil::date(1985, 2, 3),
            sex: "M".into(),
            nationality: "CHN".into(),
            passport_number: "E99887766".into(),
            passport_expiry: jiff::civil::date(2040, 1, 1),
        },
        facts: vs_facts(),
    };
    let (id, _) = moves::create(&h.db, &applicant, h.user(Role::Applicant).id, &new, &e).await.unwrap();
    moves::submit(&h.db, &applicant, &me, id, &e).await.unwrap();
    rounds::hold(&h.db, &officer, &policy, "web-round", Some(1), None, issued_on).await.unwrap();
    let case = moves::decide(
        &h.db,
        &officer,
        &here,
        &policy,
        id,
        OfficerAction::Approve,
        "Invited and eligible.",
        &e,
        issued_on,
    )
    .await
    .unwrap();
    let number = case.permit_number.unwrap();

    let (session, csrf) = h.session(Role::Applicant).await;
    let cookie = format!("{session}; ashyq_lang=en");
    let location = format!("/applications/{id}");
    let page = get(h, &location, &cookie).await;
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(page.body.contains(&format!("id=\"permit-number\">{number}<")));
    assert!(page.body.contains(&html(&t("en", "app-permit-kind-valuable_skills_visa"))));
    assert!(page.body.contains(&html(&t("en", "app-right-work-without-permit"))));
    assert!(page.body.contains(&html(&t("en", "app-condition-train-local-personnel"))));
    assert!(page.body.contains("data-period=\"1\" class=\"overdue\" data-overdue=\"true\""), "{}", page.body);
    assert!(page.body.contains("id=\"report-form\""));
    assert!(!page.body.contains("id=\"solvency-form\""), "no solvency to confirm on this permit");
    // The decision with its reason is in the history, in words.
    assert!(
        page.body.contains(&html(&t("en", "app-event-approved")))
            && page.body.contains("Invited and eligible.")
    );

    let r = post(
        h,
        &format!("/applications/{id}/reports"),
        &cookie,
        &[("csrf", &csrf), ("period", "1"), ("trainees", "x"), ("summary", "")],
    )
    .await;
    assert_eq!(r.status, 422);
    assert!(r.body.contains("id=\"f-trainees-error\"") && r.body.contains("id=\"f-summary-error\""));
    let r = post(
        h,
        &format!("/applications/{id}/reports"),
        &cookie,
        &[("csrf", &csrf), ("period", "99"), ("trainees", "3"), ("summary", "Early")],
    )
    .await;
    assert_eq!(r.status, 422, "a period that has not ended: {}", r.body);
    let r = post(
        h,
        &format!("/applications/{id}/reports"),
        &cookie,
        &[("csrf", &csrf), ("period", "1"), ("trainees", "3"), ("summary", "Trained three engineers.")],
    )
    .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let page = get(h, &location, &cookie).await;
    assert!(
        !page.body.contains("data-period=\"1\" class=\"overdue\""),
        "the filed period is no longer overdue"
    );
    assert!(page.body.contains("Filed: 3 trained"));
    // In Kazakh, the permit's words too.
    let kk = get(h, &location, &format!("{session}; ashyq_lang=kk")).await;
    assert!(kk.body.contains(&html(&t("kk", "app-permit-kind-valuable_skills_visa"))));
    assert!(kk.body.contains(&html(&t("kk", "app-status-approved"))));
}

async fn a_permanent_resident_confirms_solvency(h: &Harness) {
    let policy = Policy::kz().unwrap();
    let applicant = actor_of(h, Role::Applicant);
    let me = Viewer::Applicant(h.user(Role::Applicant).id);
    let officer = actor_of(h, Role::Officer);
    let second = Actor { username: "second-officer".into(), ..actor_of(h, Role::Officer) };
    let here = Viewer::Officer(Some("KZ-75".into()));
    let facts = serde_json::json!({
        "applicant": { "birth_date": "1980-04-05", "passport_expiry": "2040-01-01", "ethnic_kazakh": true,
            "former_citizen": false, "simplified_citizenship": false, "criminal_record": false, "funds": null },
        "family": [], "region": "KZ-75", "housing": { "provided_by_contract": true, "funds_kzt": null },
    });
    let e = evaluation(&facts, Programme::PermanentResidence);
    assert_eq!(e.outcome, Outcome::Eligible);
    let new = NewCase {
        reference: "web-pr-solvency".into(),
        programme: Programme::PermanentResidence,
        region: "KZ-75".into(),
        holder: Holder {
            surname: "OMAROV".into(),
            given_names: "BEKZAT".into(),
            birth_date: jiff::civil::date(1980, 4, 5),
            sex: "M".into(),
            nationality: "MNG".into(),
            passport_number: "E11223344".into(),
            passport_expiry: jiff::civil::date(2040, 1, 1),
        },
        facts,
    };
    let (id, _) = moves::create(&h.db, &applicant, h.user(Role::Applicant).id, &new, &e).await.unwrap();
    moves::submit(&h.db, &applicant, &me, id, &e).await.unwrap();
    let day = today();
    moves::decide(&h.db, &officer, &here, &policy, id, OfficerAction::Approve, "Kandas.", &e, day)
        .await
        .unwrap();
    let case = moves::confirm(&h.db, &second, &here, &policy, id, "", &e, day).await.unwrap();
    assert!(case.permit_id.is_some());

    let (session, csrf) = h.session(Role::Applicant).await;
    let cookie = format!("{session}; ashyq_lang=en");
    let location = format!("/applications/{id}");
    let page = get(h, &location, &cookie).await;
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(page.body.contains("id=\"solvency-form\""), "{}", page.body);
    assert!(page.body.contains(&html(&t("en", "app-solvency"))));
    assert!(page.body.contains(&html(&t("en", "app-solvency-hint"))));
    assert!(page.body.contains("id=\"no-confirmations\""));

    let uri = format!("/applications/{id}/solvency");
    let r = post(
        h,
        &uri,
        &cookie,
        &[
            ("csrf", &csrf),
            ("amount_kzt", "6 000 000"),
            ("kazakh_bank", "yes"),
            ("certified_on", "2026-13-01"),
        ],
    )
    .await;
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(r.body.contains("id=\"f-certified_on-error\""), "{}", r.body);
    assert!(!r.body.contains("id=\"f-amount_kzt-error\""), "{}", r.body);
    assert!(r.body.contains("value=\"6 000 000\""), "what was typed comes back: {}", r.body);
    let future = (day + 1.day()).to_string();
    let r = post(
        h,
        &uri,
        &cookie,
        &[("csrf", &csrf), ("amount_kzt", "6000000"), ("kazakh_bank", "yes"), ("certified_on", &future)],
    )
    .await;
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(r.body.contains(&html(&t("en", "app-err-certified-future"))), "{}", r.body);
    let on = (day - 3.days()).to_string();
    let r = post(
        h,
        &uri,
        &cookie,
        &[("csrf", &csrf), ("amount_kzt", "6 000 000"), ("kazakh_bank", "yes"), ("certified_on", &on)],
    )
    .await;
    assert_eq!(r.status, 303, "{}", r.body);
    assert_eq!(r.header("location"), format!("/applications/{id}#solvency-h"));
    let page = get(h, &location, &cookie).await;
    assert!(page.body.contains(&format!("data-certified-on=\"{on}\"")), "{}", page.body);
    assert!(page.body.contains("6000000 ₸"), "{}", page.body);
    assert!(!page.body.contains("id=\"no-confirmations\""));
    let filed = ashyq_store::cases::solvency::of_permit(&h.db, case.permit_id.unwrap()).await.unwrap();
    assert_eq!(filed.len(), 1);
    assert!(filed[0].kazakh_bank);
    // Another date's certificate without the box ticked: a foreign bank.
    let r = post(
        h,
        &uri,
        &cookie,
        &[("csrf", &csrf), ("amount_kzt", "7000000"), ("certified_on", &day.to_string())],
    )
    .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let filed = ashyq_store::cases::solvency::of_permit(&h.db, case.permit_id.unwrap()).await.unwrap();
    assert_eq!((filed.len(), filed[0].kazakh_bank), (2, false));
    // The officer's page of the permit lists both, the latest certificate first.
    let (officer_session, _) = h.session(Role::Officer).await;
    let permit = get(h, &format!("/permits/{}", case.permit_id.unwrap()), &officer_session).await;
    assert_eq!(permit.status, 200, "{}", permit.body);
    let (latest, earlier) = (
        permit.body.find(&format!("data-certified-on=\"{day}\"")),
        permit.body.find(&format!("data-certified-on=\"{on}\"")),
    );
    assert!(matches!((latest, earlier), (Some(a), Some(b)) if a < b), "{}", permit.body);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_applicants_pages_on_both_backends() {
    for h in Harness::both().await {
        eprintln!("on {}", h.backend());
        an_applicant_applies_attaches_and_sends(&h).await;
        a_permit_holder_files_training_reports(&h).await;
        a_permanent_resident_confirms_solvency(&h).await;
        h.cleanup().await;
    }
}

#[test]
fn every_message_is_in_three_languages() {
    let en = messages("en");
    for lang in ["kk", "ru"] {
        let other = messages(lang);
        let mut missing: Vec<&String> = en.keys().filter(|k| !other.contains_key(*k)).collect();
        missing.sort();
        assert!(missing.is_empty(), "{lang} lacks {missing:?}");
        assert_eq!(other.len(), en.len(), "{lang} has keys English has not");
    }
}
