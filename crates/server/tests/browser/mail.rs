//! The applicant's path through the mail, in a real browser (headless Chromium through
//! ChromeDriver) against the app on a loopback port, with a real SMTP server the test starts on
//! loopback: a person signs up in Russian, confirms the address from the message received,
//! applies and sends; the officer asks for information, and the mail says so; the applicant
//! opens the case from the mail, attaches a document and answers; the officer decides, and the
//! decision arrives by mail. Then the person forgets the password and sets a new one from the
//! mailed link.
//!
//! Without ChromeDriver the test is skipped with a note, except under CI (`CI` set).

use crate::common;

use ashyq_core::Role;
use ashyq_server::mail::{MailConfig, sender};
use ashyq_store::mail_sink::{MailSink, Received};
use axum::body::Body;
use axum::http::Request;
use common::Harness;
use common::browser::{self, Driver};
use serde_json::json;
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(20);
const SITE: &str = "http://ashyq.test";
const EMAIL: &str = "gulnara@example.kz";

/// Waits for a message to the applicant whose subject starts with `subject`.
async fn mail(sink: &MailSink, subject: &str) -> Received {
    let sink = sink.clone();
    let subject = subject.to_string();
    tokio::task::spawn_blocking(move || sink.wait_for(EMAIL, WAIT, |m| m.subject().starts_with(&subject)))
        .await
        .unwrap()
        .unwrap_or_else(|| panic!("no mail to {EMAIL} starting {:?}", "the subject"))
}

/// A link of the mail on the served app.
fn on(base: &str, link: &str) -> String {
    format!("{base}{}", link.strip_prefix(SITE).unwrap_or(link))
}

/// The officer's decision over the API.
async fn decide(h: &Harness, id: &str, action: &str, reason: &str) {
    let token = h.bearer(Role::Officer).await;
    let req = Request::post(format!("/api/v1/cases/{id}/decision"))
        .header("authorization", format!("Bearer {token}"))
        .header("content-type", "application/json")
        .body(Body::from(json!({"action": action, "reason": reason}).to_string()))
        .unwrap();
    let reply = h.send(req).await;
    assert_eq!(reply.status, 200, "{}", reply.body);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_applicant_is_led_by_mail_from_sign_up_to_decision_and_back_into_a_forgotten_account() {
    let Some(driver) = Driver::start(WAIT) else {
        return;
    };
    let sink = MailSink::start();
    let mut h = Harness::new().await;
    let cfg = MailConfig::new(Some(&sink.url()), "ashyq <no-reply@ashyq.test>", SITE)
        .unwrap()
        .with_timing(Duration::from_millis(100), Duration::from_millis(100));
    h.state = h.state.clone().with_mail(cfg);
    let base = h.spawn().await;
    sender::spawn(&h.state);
    let dir = tempfile::tempdir().expect("a temp dir");
    let pdf = dir.path().join("income.pdf");
    std::fs::write(&pdf, ashyq_core::cases::evidence_file::sample_pdf("Income")).expect("write the PDF");

    // Sign-up, in Russian.
    let b = driver.session().await;
    b.goto(&format!("{base}/lang/ru?next=/signup")).await;
    b.wait_lang("ru").await;
    b.fill("#username", "gulnara").await;
    b.fill("#display_name", "Гульнара Ахметова").await;
    b.fill("#email", EMAIL).await;
    b.fill("#phone", "8 701 555 44 33").await;
    b.fill("#password", "a long enough password").await;
    b.fill("#repeat", "a long enough password").await;
    b.click("#signup-submit").await;
    b.wait_for("#welcome").await;
    assert!(b.text("#welcome").await.contains(EMAIL));
    assert_eq!(b.text("#email-state").await, "ещё не подтверждён");

    // The address, confirmed from the message.
    let verify = mail(&sink, "Подтвердите адрес").await;
    assert!(verify.text().starts_with("Здравствуйте, Гульнара Ахметова!"), "{}", verify.text());
    b.goto(&on(&base, &verify.link(&format!("{SITE}/verify-email?token=")).unwrap())).await;
    b.wait_for("#verified").await;
    assert!(b.text("#verified").await.contains(EMAIL));

    // The application, sent.
    b.click("#verified-next").await;
    b.wait_path("/applications", None).await;
    b.click("#apply-permanent-residence").await;
    b.wait_path("/applications/new/permanent-residence", None).await;
    b.fill("#f-holder-surname", "Akhmetova").await;
    b.fill("#f-holder-given_names", "Gulnara").await;
    b.set_value("#f-holder-birth_date", "1988-03-08").await;
    b.select("#f-holder-sex", "F").await;
    b.select("#f-holder-nationality", "UZB").await;
    b.fill("#f-holder-passport_number", "FA5554433").await;
    b.set_value("#f-holder-passport_expiry", "2034-01-01").await;
    b.select("#f-region", "KZ-75").await;
    b.click("#f-applicant-ethnic_kazakh").await;
    b.click("#f-housing-provided_by_contract").await;
    b.click("#create").await;
    b.wait_for("#decision").await;
    let url = b.c.current_url().await.unwrap();
    let id = url.path().rsplit('/').next().unwrap().to_string();
    b.click("#submit").await;
    b.wait_for("#status[data-status=\"submitted\"]").await;

    // The officer asks; the mail says what, and leads to the case.
    decide(&h, &id, "request_info", "Приложите справку о доходах за последние 6 месяцев").await;
    let asked = mail(&sink, "По заявлению").await;
    assert!(
        asked.text().contains("«Приложите справку о доходах за последние 6 месяцев»"),
        "{}",
        asked.text()
    );
    b.goto(&on(&base, &asked.link(&format!("{SITE}/applications/")).unwrap())).await;
    b.wait_for("#officer-word").await;
    assert!(b.text("#officer-word-text").await.contains("справку о доходах"));

    // A document, and the answer.
    b.select("#f-document_type", "bank_certificate").await;
    b.fill("#f-number", "INC-2026-114").await;
    b.fill("#f-issuer", "ТОО «Алматы Сервис»").await;
    b.set_value("#f-issued_on", "2026-11-30").await;
    b.find("#f-file").await.send_keys(&pdf.display().to_string()).await.expect("choose the file");
    b.click("#add-evidence").await;
    b.wait_for("#evidence tr[data-evidence]").await;
    assert!(b.text("#evidence").await.contains("income.pdf"));
    b.fill("#f-reply", "Справка о доходах приложена").await;
    b.click("#reply").await;
    b.wait_for("#status[data-status=\"submitted\"]").await;

    // The decision, by mail.
    decide(&h, &id, "refuse", "Доход ниже порога, установленного на дату подачи заявления").await;
    let decision = mail(&sink, "Решение по заявлению").await;
    assert!(decision.text().contains("отклонено"), "{}", decision.text());
    assert!(decision.text().contains("Доход ниже порога"), "{}", decision.text());
    b.goto(&format!("{base}/notifications")).await;
    b.wait_for("#notifications").await;
    assert_eq!(b.find_all("#notifications li").await.len(), 3);

    // Logged out and forgotten: a new password from the mail.
    b.c.delete_all_cookies().await.unwrap();
    b.goto(&format!("{base}/lang/ru?next=/login")).await;
    b.wait_for("#forgot-link").await;
    b.click("#forgot-link").await;
    b.wait_path("/password/forgot", None).await;
    b.fill("#login", EMAIL).await;
    b.click("#reset-ask").await;
    b.wait_for("#reset-sent").await;
    let reset = mail(&sink, "Установка нового пароля").await;
    b.goto(&on(&base, &reset.link(&format!("{SITE}/password/reset?token=")).unwrap())).await;
    b.wait_for("#reset-submit").await;
    b.fill("#new", "a new and better passphrase").await;
    b.fill("#repeat", "a new and better passphrase").await;
    b.click("#reset-submit").await;
    b.wait_for("#login-notice").await;
    b.fill("#username", "gulnara").await;
    b.fill("#password", "a new and better passphrase").await;
    b.click("#login-submit").await;
    b.wait_for("#signed-in").await;
    b.close().await;
    let _ = browser::LANGS;
}
