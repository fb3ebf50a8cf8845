//! Test harness for the server: an app on a throw-away database, one account per role, and
//! helpers to call it in-process (tower `oneshot`) or over a real socket; [`browser`], a real
//! browser driven through ChromeDriver; [`labour`], a small labour data set.
#![allow(dead_code)]

pub mod browser;
pub mod driver;
pub mod labour;
pub mod register;

use ashyq_core::Role;
use ashyq_server::{AppState, ServerConfig};
use ashyq_store::users::{self, NewUser, User};
use ashyq_store::{Actor, Db, sessions, testing, tokens};
use axum::Router;
use axum::body::Body;
use axum::http::{Request, Response};
use http_body_util::BodyExt;
use tower::ServiceExt;

/// Text as the templates write it into HTML (askama's escapes).
pub fn esc(s: &str) -> String {
    s.replace('&', "&#38;")
        .replace('<', "&#60;")
        .replace('>', "&#62;")
        .replace('"', "&#34;")
        .replace('\'', "&#39;")
}

/// Every test account has this password.
pub const PASSWORD: &str = "correct horse battery staple";

pub fn username(role: Role) -> String {
    format!("test-{}", role.as_str())
}

/// An app on its own SQLite database, with one account per role (`test-<role>`).
pub struct Harness {
    pub db: Db,
    pub state: AppState,
    pub users: Vec<User>,
    _db: testing::TestDb,
}

impl Harness {
    pub async fn new() -> Harness {
        Harness::on(testing::sqlite().await).await
    }

    /// The same on a fresh schema of the PostgreSQL database of `ASHYQ_TEST_POSTGRES_URL`, or
    /// `None` when it is not set. Call [`Harness::cleanup`] at the end to drop the schema.
    pub async fn postgres() -> Option<Harness> {
        Some(Harness::on(testing::postgres().await?).await)
    }

    /// Harnesses on SQLite and, when `ASHYQ_TEST_POSTGRES_URL` is set, on PostgreSQL.
    pub async fn both() -> Vec<Harness> {
        let mut all = vec![Harness::new().await];
        match Harness::postgres().await {
            Some(h) => all.push(h),
            None => eprintln!("not run on PostgreSQL: {} is not set", testing::POSTGRES_URL_VAR),
        }
        all
    }

    /// The database's backend, for messages.
    pub fn backend(&self) -> &'static str {
        if self._db.url.starts_with("postgres") { "PostgreSQL" } else { "SQLite" }
    }

    /// Removes what the test made (the PostgreSQL schema; SQLite's folder goes on drop).
    pub async fn cleanup(self) {
        self._db.cleanup().await;
    }

    async fn on(t: testing::TestDb) -> Harness {
        let db = t.db.clone();
        let mut list = Vec::new();
        for role in Role::ACCOUNT_ROLES {
            let region = role.may_have_region().then(|| "KZ-75".to_string());
            let new = NewUser {
                username: username(role),
                display_name: format!("Test {role}"),
                role,
                region,
                password: PASSWORD.into(),
            };
            let user = users::create(&db, &Actor::cli(), new).await.expect("create test user");
            // An address waiting for its verification link, as after a sign-up.
            let contact = ashyq_store::contacts::NewContact {
                email: format!("{}@example.kz", user.username),
                ..Default::default()
            };
            ashyq_store::contacts::update(&db, &Actor::cli(), user.id, &contact)
                .await
                .expect("contact details");
            list.push(user);
        }
        let state = AppState::new(db.clone(), ServerConfig::default()).expect("messages load");
        Harness { db, state, users: list, _db: t }
    }

    pub fn app(&self) -> Router {
        ashyq_server::app(self.state.clone())
    }

    pub fn user(&self, role: Role) -> &User {
        self.users.iter().find(|u| u.role == role).expect("a test user per role")
    }

    /// A fresh web session for the role's account: (cookie header value, CSRF token).
    pub async fn session(&self, role: Role) -> (String, String) {
        self.session_of(self.user(role)).await
    }

    /// A fresh web session for any account: (cookie header value, CSRF token).
    pub async fn session_of(&self, user: &User) -> (String, String) {
        let (token, s) = sessions::create(&self.db, user, 3600).await.expect("session");
        (format!("ashyq_session={token}"), s.csrf_token)
    }

    /// A page as `who` (or the public) sees it in `lang`.
    pub async fn get_as(&self, who: Option<&User>, lang: &str, uri: &str) -> Reply {
        let cookie = match who {
            Some(u) => format!("{}; ashyq_lang={lang}", self.session_of(u).await.0),
            None => format!("ashyq_lang={lang}"),
        };
        self.send(Request::get(uri).header("cookie", cookie).body(Body::empty()).expect("request")).await
    }

    /// A form posted by `who` in `lang`, with the session's CSRF token.
    pub async fn post_form_as(&self, who: &User, lang: &str, uri: &str, fields: &[(&str, &str)]) -> Reply {
        let (cookie, csrf) = self.session_of(who).await;
        let mut all = vec![("csrf", csrf.as_str())];
        all.extend_from_slice(fields);
        let req = Request::post(uri)
            .header("cookie", format!("{cookie}; ashyq_lang={lang}"))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(Body::from(serde_urlencoded::to_string(&all).expect("a form")))
            .expect("request");
        self.send(req).await
    }

    /// A fresh bearer token for the role's account.
    pub async fn bearer(&self, role: Role) -> String {
        let (secret, _) =
            tokens::create(&self.db, &Actor::cli(), self.user(role), "test", None).await.expect("token");
        secret
    }

    /// Sends a request to the app in-process.
    pub async fn send(&self, req: Request<Body>) -> Reply {
        let res = self.app().oneshot(req).await.expect("the router answers");
        Reply::read(res).await
    }

    /// Serves the app on a free loopback port; returns its base URL. The server stops when
    /// the test's runtime ends.
    pub async fn spawn(&self) -> String {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind a free port");
        let addr = listener.local_addr().expect("local addr");
        let state = self.state.clone();
        tokio::spawn(async move {
            let _ = ashyq_server::serve(listener, state, std::future::pending()).await;
        });
        format!("http://{addr}")
    }
}

/// A response, read whole.
pub struct Reply {
    pub status: u16,
    pub headers: axum::http::HeaderMap,
    pub body: String,
}

impl Reply {
    pub async fn read(res: Response<Body>) -> Reply {
        let status = res.status().as_u16();
        let headers = res.headers().clone();
        let bytes = res.into_body().collect().await.expect("body").to_bytes();
        Reply { status, headers, body: String::from_utf8_lossy(&bytes).into_owned() }
    }

    pub fn header(&self, name: &str) -> &str {
        self.headers.get(name).and_then(|v| v.to_str().ok()).unwrap_or("")
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }

    /// Asserts this is an RFC 9457 problem with the given status; returns it.
    pub fn problem(&self, status: u16) -> serde_json::Value {
        assert_eq!(self.status, status, "{}", self.body);
        assert!(
            self.header("content-type").starts_with("application/problem+json"),
            "not a problem: {:?}",
            self.headers
        );
        let p = self.json();
        assert_eq!(p["status"], status);
        assert!(p["title"].is_string() && p["type"].is_string() && p["code"].is_string(), "{p}");
        assert!(p["request_id"].as_str().is_some_and(|id| !id.is_empty()), "no request id: {p}");
        p
    }
}
