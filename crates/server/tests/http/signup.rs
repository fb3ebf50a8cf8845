//! Self-registration (issue 6, "Applicants: register and log in"), on SQLite and (with
//! `ASHYQ_TEST_POSTGRES_URL`) PostgreSQL: the form opens an applicant account and logs it in;
//! mistakes come back next to their field with what was typed (never the passwords); a taken
//! username, a weak password, passwords that differ and a missing CSRF token are refused; the
//! API answers 201, 409 and 422; nobody can give themselves another role; the new account is
//! an applicant and nothing more; sign-ups are limited per address; the pages speak three
//! languages.

use crate::common;

use ashyq_core::Role;
use ashyq_store::{audit, throttle, users};
use axum::body::Body;
use axum::http::Request;
use common::browser::{LANGS, Messages};
use common::{Harness, Reply};
use serde_json::{Value, json};

const GOOD: &str = "a long enough pass phrase";

/// Posts the sign-up form as a visitor not logged in (double-submit CSRF cookie `t`).
async fn post_signup(h: &Harness, lang: &str, fields: &[(&str, &str)]) -> Reply {
    let mut all = vec![("csrf", "t")];
    all.extend_from_slice(fields);
    let body = serde_urlencoded::to_string(&all).unwrap();
    let req = Request::post("/signup")
        .header("cookie", format!("ashyq_csrf=t; ashyq_lang={lang}"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(Body::from(body))
        .unwrap();
    h.send(req).await
}

fn form<'a>(username: &'a str, name: &'a str, password: &'a str, repeat: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("username", username),
        ("display_name", name),
        ("email", "applicant@example.kz"),
        ("password", password),
        ("repeat", repeat),
    ]
}

async fn get(h: &Harness, uri: &str, cookie: &str) -> Reply {
    h.send(Request::get(uri).header("cookie", cookie).body(Body::empty()).unwrap()).await
}

async fn api_signup(h: &Harness, body: Value) -> Reply {
    let req = Request::post("/api/v1/signup")
        .header("content-type", "application/json")
        .body(Body::from(body.to_string()))
        .unwrap();
    h.send(req).await
}

/// The `ashyq_session=…` pair a reply sets.
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

fn fields(p: &Value) -> Vec<String> {
    p["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap().to_string()).collect()
}

async fn exists(h: &Harness, username: &str) -> bool {
    users::by_username(&h.db, username).await.is_ok()
}

async fn the_form_opens_an_applicant_account_and_logs_it_in(h: &Harness) {
    let login = get(h, "/login", "").await;
    assert!(login.body.contains(r#"href="/signup""#), "the login page links to the sign-up page");
    let page = get(h, "/signup", "").await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains(r#"name="csrf""#) && page.body.contains(r#"name="repeat""#), "{}", page.body);

    let reply = post_signup(h, "en", &form("  A.Nurlanova ", "Aigerim Nurlanova", GOOD, GOOD)).await;
    assert_eq!(reply.status, 303, "{}", reply.body);
    // The new applicant lands on their account, told where the verification link went.
    assert_eq!(reply.header("location"), "/account?welcome=1");
    let cookie = session_cookie(&reply);
    let welcome = get(h, "/account?welcome=1", &format!("{cookie}; ashyq_lang=en")).await;
    assert!(welcome.body.contains("We sent a confirmation link to applicant@example.kz"), "{}", welcome.body);
    assert!(welcome.body.contains(r#"href="/applications""#));

    let user =
        users::by_username(&h.db, "a.nurlanova").await.expect("the account exists, username normalised");
    assert_eq!((user.role, user.region.as_deref(), user.disabled), (Role::Applicant, None, false));
    assert_eq!(user.display_name, "Aigerim Nurlanova");

    // The session works: the account page and the API know the new applicant.
    let account = get(h, "/account", &cookie).await;
    assert_eq!(account.status, 200);
    assert!(account.body.contains("a.nurlanova"), "{}", account.body);
    let me = get(h, "/api/v1/me", &cookie).await;
    assert_eq!(me.status, 200, "{}", me.body);
    assert_eq!(me.json()["role"], "applicant", "{}", me.body);
    // ... and the password logs in afterwards.
    let relogin = Request::post("/login")
        .header("cookie", "ashyq_csrf=t")
        .header("content-type", "application/x-www-form-urlencoded")
        .body(Body::from(format!("csrf=t&username=a.nurlanova&password={}", GOOD.replace(' ', "+"))))
        .unwrap();
    assert_eq!(h.send(relogin).await.status, 303);

    // An applicant and nothing more: officers', analysts' and administrators' pages are closed.
    for uri in ["/register/search", "/analysis", "/admin/users", "/border"] {
        assert_eq!(get(h, uri, &cookie).await.status, 403, "{uri}");
    }

    // The sign-up is in the audit log, by the public caller of that request, with the address.
    let log = audit::for_object(&h.db, "user", &user.id.to_string()).await.unwrap();
    let rec = log.iter().find(|r| r.action == "account.signup").expect("the sign-up is audited");
    assert_eq!((rec.role.as_str(), rec.request_id.as_str()), ("public", reply.header("x-request-id")));
    let detail: Value = serde_json::from_str(&rec.detail).unwrap();
    assert_eq!((detail["role"].as_str(), detail["ip"].as_str()), (Some("applicant"), Some("unknown")));
    assert!(!rec.detail.contains(GOOD), "no password in the audit log");
}

async fn mistakes_come_back_next_to_their_field(h: &Harness, m: &Messages) {
    // A username already taken (whatever its case): 409, the message by the username.
    let reply = post_signup(h, "en", &form("Test-Officer", "Someone Else", GOOD, GOOD)).await;
    assert_eq!(reply.status, 409, "{}", reply.body);
    assert!(reply.body.contains(r#"id="username-error""#), "{}", reply.body);
    assert!(reply.body.contains(&m.t("en", "err-conflict")), "{}", reply.body);
    assert!(reply.body.contains(r#"value="Test-Officer""#) && reply.body.contains(r#"value="Someone Else""#));
    assert!(!reply.body.contains(GOOD), "the password is never echoed");
    assert_eq!(users::by_username(&h.db, "test-officer").await.unwrap().role, Role::Officer);

    // A password too short: 422, by the password, the name and username kept.
    let reply = post_signup(h, "ru", &form("short.pw", "Бахыт Асанов", "short pw", "short pw")).await;
    assert_eq!(reply.status, 422, "{}", reply.body);
    assert!(reply.body.contains(r#"id="password-error""#), "{}", reply.body);
    assert!(reply.body.contains(&m.t("ru", "err-password-short")), "{}", reply.body);
    assert!(reply.body.contains(r#"value="Бахыт Асанов""#) && reply.body.contains(r#"value="short.pw""#));
    assert!(!reply.body.contains("short pw"), "the password is never echoed");
    assert!(!exists(h, "short.pw").await);

    // The password is the username.
    let reply = post_signup(h, "en", &form("samepassword", "Same", "SamePassword", "SamePassword")).await;
    assert_eq!(reply.status, 422);
    assert!(reply.body.contains(&m.t("en", "err-password-username")), "{}", reply.body);

    // Passwords that differ: 422, by the repeated password.
    let reply =
        post_signup(h, "kk", &form("two.passwords", "Екі Құпиясөз", GOOD, "another long phrase")).await;
    assert_eq!(reply.status, 422, "{}", reply.body);
    assert!(reply.body.contains(r#"id="repeat-error""#), "{}", reply.body);
    assert!(reply.body.contains(&m.t("kk", "password-mismatch")), "{}", reply.body);
    assert!(!exists(h, "two.passwords").await);

    // Several mistakes at once are all shown.
    let reply = post_signup(h, "en", &form("x", "", "short", "other")).await;
    assert_eq!(reply.status, 422);
    for id in ["username-error", "display_name-error", "password-error", "repeat-error"] {
        assert!(reply.body.contains(&format!(r#"id="{id}""#)), "{id}: {}", reply.body);
    }
    assert!(reply.body.contains(&m.t("en", "err-username")));
    assert!(reply.body.contains(&m.t("en", "err-display-name")));

    // Without the CSRF token, or with a forged one, nothing is created.
    for (cookie, body) in [
        (
            "ashyq_csrf=t",
            "username=no.csrf&display_name=No&email=no%40example.kz&password=a+long+enough+pass&repeat=a+long+enough+pass",
        ),
        (
            "ashyq_csrf=t",
            "csrf=forged&username=no.csrf&display_name=No&email=no%40example.kz&password=a+long+enough+pass&repeat=a+long+enough+pass",
        ),
        (
            "",
            "csrf=&username=no.csrf&display_name=No&email=no%40example.kz&password=a+long+enough+pass&repeat=a+long+enough+pass",
        ),
    ] {
        let req = Request::post("/signup")
            .header("cookie", cookie)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(Body::from(body))
            .unwrap();
        let reply = h.send(req).await;
        assert_eq!(reply.status, 403, "{body}: {}", reply.body);
        assert!(reply.body.contains(r#"id="error-text""#));
    }
    assert!(!exists(h, "no.csrf").await);
}

async fn the_api_answers_201_409_422(h: &Harness) {
    let reply = api_signup(
        h,
        json!({"username": "api.applicant", "display_name": "Api Applicant", "email": "applicant@example.kz", "password": GOOD}),
    )
    .await;
    assert_eq!(reply.status, 201, "{}", reply.body);
    let body = reply.json();
    assert_eq!(body["username"], "api.applicant");
    assert_eq!(body["role"], "applicant");
    assert!(body["region"].is_null() && body["id"].is_i64() && body.get("password").is_none(), "{body}");
    let log = audit::for_object(&h.db, "user", &body["id"].to_string()).await.unwrap();
    assert!(log.iter().any(|r| r.action == "account.signup" && r.request_id == reply.header("x-request-id")));

    let taken =
        api_signup(h, json!({"username": "API.applicant", "display_name": "X", "email": "applicant@example.kz", "password": GOOD})).await;
    assert_eq!(taken.problem(409)["code"], "conflict");

    let weak =
        api_signup(h, json!({"username": "weak.pw", "display_name": "Weak", "email": "applicant@example.kz", "password": "short"})).await;
    let p = weak.problem(422);
    assert_eq!(fields(&p), ["password"], "{p}");
    let bad_name =
        api_signup(h, json!({"username": "no spaces", "display_name": "X", "email": "applicant@example.kz", "password": GOOD})).await;
    assert_eq!(fields(&bad_name.problem(422)), ["username"]);
    let no_name = api_signup(h, json!({"username": "no.name", "display_name": " ", "email": "applicant@example.kz", "password": GOOD})).await;
    assert_eq!(fields(&no_name.problem(422)), ["display_name"]);
    assert!(!exists(h, "weak.pw").await && !exists(h, "no.name").await);

    // Nobody chooses their own role or region.
    for extra in [json!({"role": "admin"}), json!({"region": "KZ-75"})] {
        let mut body = json!({"username": "climber", "display_name": "Climber", "email": "applicant@example.kz", "password": GOOD});
        body.as_object_mut().unwrap().extend(extra.as_object().unwrap().clone());
        let reply = api_signup(h, body).await;
        assert_eq!(reply.status, 422, "{}", reply.body);
    }
    assert!(!exists(h, "climber").await);

    // The new account is an applicant over the API too.
    let reply = Request::post("/login")
        .header("cookie", "ashyq_csrf=t")
        .header("content-type", "application/x-www-form-urlencoded")
        .body(Body::from(format!("csrf=t&username=api.applicant&password={}", GOOD.replace(' ', "+"))))
        .unwrap();
    let cookie = session_cookie(&h.send(reply).await);
    assert_eq!(get(h, "/api/v1/users", &cookie).await.problem(403)["code"], "forbidden");
    assert_eq!(get(h, "/register/alerts", &cookie).await.status, 403);
}

async fn signups_are_limited_per_address(h: &Harness) {
    // Use up the address's sign-ups (the steps before used some of them).
    for _ in 0..throttle::MAX_SIGNUPS_PER_IP {
        match throttle::reserve_signup(&h.db, "unknown").await {
            Ok(()) => {}
            Err(users::SignUpError::Throttled(_)) => break,
            Err(e) => panic!("counting a sign-up: {e}"),
        }
    }
    let reply = post_signup(h, "en", &form("one.too.many", "One Too Many", GOOD, GOOD)).await;
    assert_eq!(reply.status, 429, "{}", reply.body);
    assert!(reply.header("retry-after").parse::<i64>().unwrap() > 0);
    assert!(reply.body.contains(r#"id="signup-error""#));
    let reply =
        api_signup(h, json!({"username": "one.too.many", "display_name": "X", "email": "applicant@example.kz", "password": GOOD})).await;
    assert_eq!(reply.problem(429)["code"], "rate_limited");
    assert!(!exists(h, "one.too.many").await);
    // Sign-ups do not count against logins from the same address.
    let login = Request::post("/login")
        .header("cookie", "ashyq_csrf=t")
        .header("content-type", "application/x-www-form-urlencoded")
        .body(Body::from(format!(
            "csrf=t&username=test-analyst&password={}",
            common::PASSWORD.replace(' ', "+")
        )))
        .unwrap();
    assert_eq!(h.send(login).await.status, 303);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn applicants_sign_up_themselves() {
    let m = Messages::load();
    for h in Harness::both().await {
        eprintln!("on {}", h.backend());
        the_form_opens_an_applicant_account_and_logs_it_in(&h).await;
        mistakes_come_back_next_to_their_field(&h, &m).await;
        the_api_answers_201_409_422(&h).await;
        signups_are_limited_per_address(&h).await;
        h.cleanup().await;
    }
}

#[tokio::test]
async fn the_page_speaks_three_languages_and_lets_the_logged_in_in() {
    let h = Harness::new().await;
    let m = Messages::load();
    for lang in LANGS {
        let reply = get(&h, "/signup", &format!("ashyq_lang={lang}")).await;
        assert_eq!(reply.status, 200);
        for key in ["signup-title", "signup-submit", "signup-repeat"] {
            assert!(reply.body.contains(&m.t(lang, key)), "{lang} {key}: {}", reply.body);
        }
        let login = get(&h, "/login", &format!("ashyq_lang={lang}")).await;
        assert!(login.body.contains(&m.t(lang, "signup-link")), "{lang}");
    }
    // Someone logged in just sees the page.
    let (cookie, _) = h.session(Role::Officer).await;
    let reply = get(&h, "/signup", &cookie).await;
    assert_eq!(reply.status, 200);
    assert!(reply.body.contains(r#"action="/signup""#));
}
