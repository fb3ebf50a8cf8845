//! Notifications end to end, through a real SMTP server the test starts on loopback, on SQLite
//! and (with `ASHYQ_TEST_POSTGRES_URL`) PostgreSQL:
//!
//! - an applicant signs up, verifies the address from the mail, and is told by mail, in the
//!   language they chose, of the officer's request for information and of the decision; the
//!   list of notifications shows them in the reader's language;
//! - a decision confirmed by a second officer tells of the decision and the permit, and the
//!   renewal reminder is written once however often the reminders are looked for;
//! - with the mail server down, nothing is lost: it is sent once the server is back, once;
//! - a forgotten password is reset from the mailed link, which serves once and ends sessions.

use crate::common;

use ashyq_core::Role;
use ashyq_server::mail::MailConfig;
use ashyq_server::mail::sender;
use ashyq_store::mail_sink::{MailSink, Received, free_port};
use ashyq_store::notifications::{Kind, scan};
use ashyq_store::users::{self, NewUser};
use ashyq_store::{Actor, contacts, sessions};
use axum::body::Body;
use axum::http::Request;
use common::{Harness, Reply};
use serde_json::{Value, json};
use sqlx::Row;
use std::time::Duration;

const SITE: &str = "http://ashyq.test";

/// Mails through the SMTP server at `url`; failures are tried again after 50 ms.
fn mailing(h: &mut Harness, url: &str) {
    let cfg = MailConfig::new(Some(url), "ashyq <no-reply@ashyq.test>", SITE)
        .unwrap()
        .with_timing(Duration::from_millis(50), Duration::from_millis(50));
    h.state = h.state.clone().with_mail(cfg);
}

/// Sends what is due now, as the server's sender does every few seconds.
async fn send_due(h: &Harness) -> usize {
    sender::pass(&h.state, &h.state.mail).await.unwrap()
}

async fn api(h: &Harness, auth: Option<&str>, method: &str, uri: &str, body: Option<Value>) -> Reply {
    let mut req = Request::builder().method(method).uri(uri).header("accept-language", "ru");
    if let Some(token) = auth {
        req = req.header("authorization", format!("Bearer {token}"));
    }
    let body = match body {
        Some(v) => {
            req = req.header("content-type", "application/json");
            Body::from(v.to_string())
        }
        None => Body::empty(),
    };
    h.send(req.body(body).unwrap()).await
}

async fn get(h: &Harness, uri: &str, cookie: &str) -> Reply {
    h.send(Request::get(uri).header("cookie", cookie).body(Body::empty()).unwrap()).await
}

async fn post_form(h: &Harness, uri: &str, cookie: &str, fields: &[(&str, &str)]) -> Reply {
    let body = serde_urlencoded::to_string(fields).unwrap();
    let req = Request::post(uri)
        .header("cookie", cookie)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(Body::from(body))
        .unwrap();
    h.send(req).await
}

/// The path and query of a link to this site.
fn path_of(link: &str) -> String {
    link.strip_prefix(SITE).unwrap_or(link).to_string()
}

fn only(mail: Vec<Received>, what: &str) -> Received {
    assert_eq!(mail.len(), 1, "{what}: {:#?}", mail.iter().map(Received::subject).collect::<Vec<_>>());
    mail.into_iter().next().unwrap()
}

/// Signs up over the API in `language` and follows the verification link from the mail.
async fn sign_up_verified(h: &Harness, sink: &MailSink, name: &str, language: &str) -> users::User {
    let email = format!("{name}@example.kz");
    let reply = api(
        h,
        None,
        "POST",
        "/api/v1/signup",
        Some(json!({"username": name, "display_name": "Алия Серикова", "email": email,
                    "password": "a long enough password", "language": language})),
    )
    .await;
    assert_eq!(reply.status, 201, "{}", reply.body);
    send_due(h).await;
    let mail = only(sink.to(&email), "the verification mail");
    let link = mail.link(&format!("{SITE}/verify-email?token=")).expect("the mail carries the link");
    let page = get(h, &path_of(&link), &format!("ashyq_lang={language}")).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains(r#"id="verified""#), "{}", page.body);
    let user = users::by_username(&h.db, name).await.unwrap();
    assert!(contacts::of(&h.db, user.id).await.unwrap().email_verified);
    user
}

/// A permanent-residence case of `user` in KZ-75, sent.
async fn submitted_case(h: &Harness, token: &str, reference: &str) -> i64 {
    let body = json!({
        "reference": reference, "programme": "permanent-residence", "region": "KZ-75",
        "holder": {"surname": "SERIKOVA", "given_names": "ALIYA", "birth_date": "1990-05-01", "sex": "F",
                   "nationality": "UZB", "passport_number": "FA7654321", "passport_expiry": "2035-01-01"},
        "facts": serde_json::from_str::<Value>(r#"{"applicant":{"birth_date":"1990-05-01","passport_expiry":"2035-01-01","ethnic_kazakh":true,"former_citizen":false,"simplified_citizenship":false,"criminal_record":false,"funds":null},"family":[],"region":"KZ-75","housing":{"provided_by_contract":true,"funds_kzt":null}}"#).unwrap(),
    });
    let made = api(h, Some(token), "POST", "/api/v1/cases", Some(body)).await;
    assert_eq!(made.status, 201, "{}", made.body);
    let id = made.json()["case"]["id"].as_i64().unwrap();
    let sent = api(h, Some(token), "POST", &format!("/api/v1/cases/{id}/submit"), None).await;
    assert_eq!(sent.status, 200, "{}", sent.body);
    id
}

async fn token_of(h: &Harness, user: &users::User) -> String {
    ashyq_store::tokens::create(&h.db, &Actor::cli(), user, "test", None).await.unwrap().0
}

async fn the_applicant_is_told_by_mail_in_their_language(h: &mut Harness) {
    let sink = MailSink::start();
    mailing(h, &sink.url());
    let aliya = sign_up_verified(h, &sink, "aliya", "ru").await;
    let verify = sink.to("aliya@example.kz").remove(0);
    assert_eq!(verify.subject(), "Подтвердите адрес электронной почты");
    assert!(verify.text().starts_with("Здравствуйте, Алия Серикова!"), "{}", verify.text());
    let token = token_of(h, &aliya).await;
    let id = submitted_case(h, &token, "ALIYA-1").await;
    // Sending the case tells nobody; the officer's request does.
    assert_eq!(send_due(h).await, 0);
    let officer = h.bearer(Role::Officer).await;
    let asked = api(
        h,
        Some(&officer),
        "POST",
        &format!("/api/v1/cases/{id}/decision"),
        Some(json!({"action": "request_info", "reason": "Приложите справку о доходах"})),
    )
    .await;
    assert_eq!(asked.status, 200, "{}", asked.body);
    assert_eq!(send_due(h).await, 1);
    let mails = sink.to("aliya@example.kz");
    assert_eq!(mails.len(), 2);
    let info = &mails[1];
    assert_eq!(info.subject(), "По заявлению ALIYA-1 запрошены сведения");
    assert!(info.text().contains("«Приложите справку о доходах»"), "{}", info.text());
    assert!(info.text().contains(&format!("{SITE}/applications/{id}")), "{}", info.text());
    assert!(info.header("Message-ID").is_some_and(|m| m.contains("@ashyq.test>")));
    // The answer, then the decision.
    let replied = api(
        h,
        Some(&token),
        "POST",
        &format!("/api/v1/cases/{id}/reply"),
        Some(json!({"message": "Справка приложена"})),
    )
    .await;
    assert_eq!(replied.status, 200, "{}", replied.body);
    let refused = api(
        h,
        Some(&officer),
        "POST",
        &format!("/api/v1/cases/{id}/decision"),
        Some(json!({"action": "refuse", "reason": "Доход ниже установленного порога на дату подачи заявления"})),
    )
    .await;
    assert_eq!(refused.status, 200, "{}", refused.body);
    assert_eq!(send_due(h).await, 1);
    let decision = only(
        sink.to("aliya@example.kz").into_iter().filter(|m| m.subject().starts_with("Решение")).collect(),
        "the decision",
    );
    assert!(decision.text().contains("ALIYA-1"), "{}", decision.text());
    assert!(decision.text().contains("отклонено"), "{}", decision.text());
    // Nothing is sent twice.
    assert_eq!(send_due(h).await, 0);
    assert_eq!(sink.to("aliya@example.kz").len(), 3);
    // The list, in the language of the request; reading it marks it read.
    let list = api(h, Some(&token), "GET", "/api/v1/me/notifications", None).await;
    assert_eq!(list.status, 200, "{}", list.body);
    let items = list.json()["items"].as_array().unwrap().clone();
    let kinds: Vec<&str> = items.iter().map(|i| i["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["decision", "info_requested", "email_verify"]);
    assert!(items.iter().all(|i| i["state"] == "sent" && i["sent_to"] == "aliya@example.kz"));
    assert_eq!(items[1]["title"], "По заявлению ALIYA-1 запрошены сведения");
    assert!(
        items.iter().all(|i| !i["text"].as_str().unwrap().contains("token=")),
        "no link's token in the list"
    );
    let (cookie, _) = h.session_of(&aliya).await;
    let page = get(h, "/notifications", &format!("{cookie}; ashyq_lang=kk")).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("ALIYA-1 өтініші бойынша мәліметтер сұралды"), "{}", page.body);
    assert!(page.body.contains("aliya@example.kz мекенжайына жіберілді"));
    let again = api(h, Some(&token), "GET", "/api/v1/me/notifications", None).await;
    assert!(again.json()["items"].as_array().unwrap().iter().all(|i| i["read"] == true));
}

async fn a_confirmed_approval_tells_of_the_permit_and_its_renewal_once(h: &mut Harness) {
    let sink = MailSink::start();
    mailing(h, &sink.url());
    let dana = sign_up_verified(h, &sink, "dana", "en").await;
    let token = token_of(h, &dana).await;
    let id = submitted_case(h, &token, "DANA-1").await;
    let first = h.bearer(Role::Officer).await;
    let approve = json!({"action": "approve", "reason": "All conditions are met"});
    let approved = api(h, Some(&first), "POST", &format!("/api/v1/cases/{id}/decision"), Some(approve)).await;
    assert_eq!(approved.status, 200, "{}", approved.body);
    // Awaiting the second officer: not a decision yet.
    assert_eq!(send_due(h).await, 0);
    let second = users::create(
        &h.db,
        &Actor::cli(),
        NewUser {
            username: "second.officer".into(),
            display_name: "Second Officer".into(),
            role: Role::Officer,
            region: Some("KZ-75".into()),
            password: common::PASSWORD.into(),
        },
    )
    .await
    .unwrap();
    let second = token_of(h, &second).await;
    let confirmed =
        api(h, Some(&second), "POST", &format!("/api/v1/cases/{id}/confirm"), Some(json!({}))).await;
    assert_eq!(confirmed.status, 200, "{}", confirmed.body);
    assert_eq!(send_due(h).await, 2);
    let subjects: Vec<String> = sink.to("dana@example.kz").iter().skip(1).map(Received::subject).collect();
    assert_eq!(subjects.len(), 2, "{subjects:?}");
    assert!(subjects.contains(&"Decision on application DANA-1".to_string()), "{subjects:?}");
    let permit = subjects.iter().find(|s| s.starts_with("Permit ")).expect("the permit's mail");
    assert!(permit.ends_with(" issued"), "{permit}");
    // Its term ends within the notice period: one reminder, however often they are looked for.
    let until = ashyq_store::today().checked_add(jiff::ToSpan::days(30)).unwrap();
    sqlx::query("UPDATE case_permits SET valid_until = $1 WHERE case_id = $2")
        .bind(until.to_string())
        .bind(id)
        .execute(&h.db.pool)
        .await
        .unwrap();
    let today = ashyq_store::today();
    assert_eq!(scan::reminders(&h.db, &h.state.policy, today).await.unwrap(), 1);
    assert_eq!(scan::reminders(&h.db, &h.state.policy, today).await.unwrap(), 0);
    assert_eq!(send_due(h).await, 1);
    let reminder = sink.to("dana@example.kz").pop().unwrap();
    assert!(reminder.subject().contains(&until.strftime("%-d %b %Y").to_string()), "{}", reminder.subject());
}

async fn nothing_is_lost_while_the_mail_server_is_down(h: &mut Harness) {
    let port = free_port();
    mailing(h, &format!("smtp://127.0.0.1:{port}"));
    let reply = api(
        h,
        None,
        "POST",
        "/api/v1/signup",
        Some(json!({"username": "erlan", "display_name": "Ерлан", "email": "erlan@example.kz",
                    "password": "a long enough password"})),
    )
    .await;
    assert_eq!(reply.status, 201);
    // The retry is set from the failed attempt: not before the moment the attempt began (a
    // bound that holds however slow the machine is).
    let attempted = ashyq_store::now_us();
    assert_eq!(send_due(h).await, 0, "nothing can be sent");
    let row = sqlx::query("SELECT state, attempts, next_attempt_at_us, last_error FROM notifications WHERE kind = 'email_verify' AND user_id = (SELECT id FROM users WHERE username = 'erlan')")
        .fetch_one(&h.db.pool)
        .await
        .unwrap();
    assert_eq!(row.try_get::<String, _>("state").unwrap(), "pending");
    assert_eq!(row.try_get::<i64, _>("attempts").unwrap(), 1);
    assert!(row.try_get::<i64, _>("next_attempt_at_us").unwrap() > attempted);
    assert!(row.try_get::<Option<String>, _>("last_error").unwrap().is_some());
    // The server comes back: after the delay, sent once.
    let sink = MailSink::start_on(port);
    let mut sent = 0;
    for _ in 0..100 {
        sent += send_due(h).await;
        if !sink.to("erlan@example.kz").is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(sent >= 1);
    for _ in 0..3 {
        send_due(h).await;
    }
    assert_eq!(sink.to("erlan@example.kz").len(), 1, "sent exactly once");
    // Kazakh when no language was chosen.
    assert_eq!(sink.to("erlan@example.kz")[0].subject(), "Электрондық пошта мекенжайыңызды растаңыз");
}

async fn a_forgotten_password_is_reset_from_the_mail(h: &mut Harness) {
    let sink = MailSink::start();
    mailing(h, &sink.url());
    let saule = sign_up_verified(h, &sink, "saule", "kk").await;
    let (old_session, _) = h.session_of(&saule).await;
    let anon = "ashyq_csrf=t; ashyq_lang=ru";
    let form = get(h, "/password/forgot", anon).await;
    assert!(form.body.contains(r#"id="reset-ask""#));
    let asked = post_form(h, "/password/forgot", anon, &[("csrf", "t"), ("login", "saule@example.kz")]).await;
    assert_eq!(asked.status, 303);
    assert_eq!(asked.header("location"), "/password/forgot?sent=1");
    // The same answer for someone unknown, and no mail.
    let unknown = post_form(h, "/password/forgot", anon, &[("csrf", "t"), ("login", "nobody")]).await;
    assert_eq!(unknown.header("location"), "/password/forgot?sent=1");
    send_due(h).await;
    let mail = only(
        sink.to("saule@example.kz").into_iter().filter(|m| m.subject() == "Жаңа құпиясөз орнату").collect(),
        "the reset mail, in the account's language",
    );
    let link = mail.link(&format!("{SITE}/password/reset?token=")).expect("the reset link");
    let token = link.split("token=").nth(1).unwrap().to_string();
    let page = get(h, &path_of(&link), anon).await;
    assert!(page.body.contains(r#"id="reset-submit""#), "{}", page.body);
    let mismatch = post_form(
        h,
        "/password/reset",
        anon,
        &[("csrf", "t"), ("token", &token), ("new", "a brand new passphrase"), ("repeat", "another one")],
    )
    .await;
    assert_eq!(mismatch.status, 422);
    let done = post_form(
        h,
        "/password/reset",
        anon,
        &[
            ("csrf", "t"),
            ("token", &token),
            ("new", "a brand new passphrase"),
            ("repeat", "a brand new passphrase"),
        ],
    )
    .await;
    assert_eq!(done.status, 303, "{}", done.body);
    assert_eq!(done.header("location"), "/login?reset=1");
    let login = get(h, "/login?reset=1", anon).await;
    assert!(login.body.contains(r#"id="login-notice""#));
    let token_cookie = old_session.trim_start_matches("ashyq_session=");
    assert!(sessions::lookup(&h.db, token_cookie).await.unwrap().is_none(), "the old session ended");
    assert!(users::authenticate(&h.db, "r", "saule", "a brand new passphrase", "127.0.0.1").await.is_ok());
    // The link serves once.
    let again = post_form(
        h,
        "/password/reset",
        anon,
        &[
            ("csrf", "t"),
            ("token", &token),
            ("new", "a third passphrase!"),
            ("repeat", "a third passphrase!"),
        ],
    )
    .await;
    assert_eq!(again.status, 404);
    assert!(again.body.contains("Эта ссылка уже использована"), "{}", again.body);
    let dead = get(h, &path_of(&link), anon).await;
    assert!(dead.body.contains(r#"id="reset-again""#));
    // Over the API too, with the same rules.
    let api_ask =
        api(h, None, "POST", "/api/v1/password-reset/request", Some(json!({"login": "saule"}))).await;
    assert_eq!(api_ask.status, 202);
    send_due(h).await;
    let latest = sink.to("saule@example.kz").pop().unwrap();
    let link = latest.link(&format!("{SITE}/password/reset?token=")).unwrap();
    let token = link.split("token=").nth(1).unwrap();
    let weak = api(
        h,
        None,
        "POST",
        "/api/v1/password-reset",
        Some(json!({"token": token, "new_password": "short"})),
    )
    .await;
    weak.problem(422);
    let ok = api(
        h,
        None,
        "POST",
        "/api/v1/password-reset",
        Some(json!({"token": token, "new_password": "the fourth passphrase"})),
    )
    .await;
    assert_eq!(ok.status, 204, "{}", ok.body);
    let used = api(
        h,
        None,
        "POST",
        "/api/v1/password-reset",
        Some(json!({"token": token, "new_password": "the fifth passphrase"})),
    )
    .await;
    assert_eq!(used.problem(404)["code"], "link_dead");
    let kinds: Vec<String> = sqlx::query("SELECT kind FROM notifications WHERE user_id = $1 ORDER BY id")
        .bind(saule.id)
        .fetch_all(&h.db.pool)
        .await
        .unwrap()
        .iter()
        .map(|r| r.try_get("kind").unwrap())
        .collect();
    assert_eq!(kinds, ["email_verify", "password_reset", "password_reset"]);
    assert!(Kind::parse("password_reset").is_some_and(Kind::carries_link));
}

/// Runs a test on SQLite and, when configured, PostgreSQL.
macro_rules! on_both {
    ($($name:ident),* $(,)?) => {$(
        #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
        async fn $name() {
            for mut h in Harness::both().await {
                super::$name(&mut h).await;
                h.cleanup().await;
            }
        }
    )*};
}

mod both {
    use super::*;
    on_both!(
        the_applicant_is_told_by_mail_in_their_language,
        a_confirmed_approval_tells_of_the_permit_and_its_renewal_once,
        nothing_is_lost_while_the_mail_server_is_down,
        a_forgotten_password_is_reset_from_the_mail,
    );
}
