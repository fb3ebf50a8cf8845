//! End-to-end tests in a real browser: headless Chromium driven through ChromeDriver.
//!
//! Each test serves the app on a loopback port, starts its own ChromeDriver as a child process
//! and drives fresh browser sessions through the pages as people would use them: log in and out
//! through the forms, switch the language with the links, follow the menu, add an account, read
//! the audit log and open the API reference.
//!
//! Without ChromeDriver the tests are skipped with a note, except under CI (`CI` set), where a
//! missing browser is a failure.

use crate::common;

use ashyq_core::Role;
use common::browser::{self, Browser, Driver, LANGS, Messages};
use common::{Harness, PASSWORD, username};
use fantoccini::Locator;
use std::time::{Duration, Instant};

/// How long to wait for a page to reach an expected state.
const WAIT: Duration = Duration::from_secs(10);

// ---------------------------------------------------------------------------------------------
// The interface messages, read from the same files the app compiles in
// ---------------------------------------------------------------------------------------------

impl Messages {
    fn signed_in(&self, lang: &str, name: &str, role: Role) -> String {
        let role = self.t(lang, &format!("role-{}", role.as_str()));
        self.t_args(lang, "signed-in-as", &[("name", name), ("role", &role)])
    }
}

/// The menu a role sees, in order: the groups by task, each with its links.
fn expected_groups(role: Role) -> Vec<(&'static str, Vec<&'static str>)> {
    let public = |with: &[&'static str]| {
        let mut links = vec!["occupations", "lists"];
        links.extend(with);
        links.push("paryz");
        ("public", links)
    };
    match role {
        Role::Public => vec![("apply", vec!["eligibility"]), public(&["rounds"])],
        Role::Applicant => vec![
            ("apply", vec!["eligibility", "applications", "kandas-mine"]),
            public(&["rounds"]),
            ("account", vec!["notifications", "account"]),
        ],
        Role::Analyst => vec![
            ("labour", vec!["analysis", "simulate"]),
            ("register", vec!["register-stats"]),
            ("kandas-abroad", vec!["kandas-report", "abroad"]),
            public(&["eligibility", "rounds"]),
            ("account", vec!["notifications", "account", "api"]),
        ],
        Role::Coordinator => vec![
            ("labour", vec!["coordination"]),
            ("register", vec!["register-stats"]),
            ("kandas-abroad", vec!["kandas-report"]),
            public(&["eligibility", "rounds"]),
            ("account", vec!["notifications", "account"]),
        ],
        Role::Officer => vec![
            ("casework", vec!["cases", "permits", "rounds"]),
            ("register", vec!["register", "alerts", "border", "register-stats"]),
            ("kandas-abroad", vec!["kandas", "kandas-report", "abroad"]),
            public(&["eligibility"]),
            ("account", vec!["notifications", "account", "api"]),
        ],
        Role::Border => vec![
            ("register", vec!["border"]),
            public(&["eligibility", "rounds"]),
            ("account", vec!["notifications", "account", "api"]),
        ],
        Role::Admin => vec![
            ("casework", vec!["cases", "permits", "rounds"]),
            ("register", vec!["register", "alerts", "border", "register-stats"]),
            ("kandas-abroad", vec!["kandas", "kandas-report", "abroad"]),
            public(&["eligibility"]),
            ("admin", vec!["users", "audit"]),
            ("account", vec!["notifications", "account", "api"]),
        ],
    }
}

/// The menu's links a role sees, in order.
fn expected_menu(role: Role) -> Vec<&'static str> {
    expected_groups(role).into_iter().flat_map(|(_, links)| links).collect()
}

fn nav_key(id: &str) -> String {
    format!("nav-{id}")
}

// ---------------------------------------------------------------------------------------------
// What the tests do with a browser session
// ---------------------------------------------------------------------------------------------

/// This file's steps in the browser.
trait PagesSteps {
    async fn menu(&self) -> Vec<(String, String, Vec<(String, String)>)>;
    async fn assert_menu(&self, m: &Messages, role: Role, lang: &str);
    async fn submit_login(&self, user: &str, password: &str);
    async fn signed_in(&self) -> bool;
}

impl PagesSteps for Browser {
    /// The main menu as (group id, heading, links as (id, label)), in order.
    async fn menu(&self) -> Vec<(String, String, Vec<(String, String)>)> {
        let mut groups = Vec::new();
        for g in self.find_all("nav.menu .menu-group").await {
            let id = g.attr("data-group").await.expect("data-group").unwrap_or_default();
            let heading = g.find(Locator::Css(".menu-heading")).await.expect("a heading");
            let heading = heading.text().await.expect("the heading's text");
            let mut links = Vec::new();
            for a in g.find_all(Locator::Css("a[data-nav]")).await.expect("menu links") {
                let link = a.attr("data-nav").await.expect("data-nav").unwrap_or_default();
                links.push((link, a.text().await.expect("menu label")));
            }
            groups.push((id, heading, links));
        }
        groups
    }

    /// Asserts the menu shows exactly what `role` may open, in its groups, labelled in `lang`.
    async fn assert_menu(&self, m: &Messages, role: Role, lang: &str) {
        let menu = self.menu().await;
        let shape: Vec<(&str, Vec<&str>)> = menu
            .iter()
            .map(|(group, _, links)| (group.as_str(), links.iter().map(|(id, _)| id.as_str()).collect()))
            .collect();
        assert_eq!(shape, expected_groups(role), "menu of {role:?} in {lang}");
        for (group, heading, links) in &menu {
            if !group.is_empty() {
                assert_eq!(
                    heading,
                    &m.t(lang, &format!("menu-group-{group}")),
                    "heading of {group} in {lang}"
                );
            }
            for (id, label) in links {
                assert_eq!(label, &m.t(lang, &nav_key(id)), "label of menu item {id} for {role:?} in {lang}");
            }
        }
    }

    /// Logs in through the form on the page that is open.
    async fn submit_login(&self, user: &str, password: &str) {
        self.fill("#username", user).await;
        self.fill("#password", password).await;
        self.click("#login-submit").await;
    }

    /// Whether the header shows a signed-in user (else it must show the login link).
    async fn signed_in(&self) -> bool {
        let signed = self.exists("#signed-in").await;
        assert_ne!(
            signed,
            self.exists("#login-link").await,
            "the header shows both or neither of the user and the login link"
        );
        assert_eq!(signed, self.exists("#logout").await, "a logout button goes with a signed-in user");
        signed
    }
}

/// Sets up ChromeDriver, the app, its address and the messages; `None` when skipped.
async fn setup() -> Option<(Harness, String, Driver, Messages)> {
    let (h, base, driver, m) = browser::setup(WAIT).await?;
    // The messages' parse is simple; hold it to a few known translations.
    assert_eq!(m.t("en", "nav-home"), "Home");
    assert_eq!(m.t("kk", "nav-home"), "Басты бет");
    assert_eq!(m.t("ru", "nav-home"), "Главная");
    assert_eq!(m.t("kk", "nav-users"), "Пайдаланушылар");
    assert_eq!(m.t("ru", "nav-account"), "Мой профиль");
    Some((h, base, driver, m))
}

// ---------------------------------------------------------------------------------------------
// The tests
// ---------------------------------------------------------------------------------------------

/// Every role: log in, the menu it may see, the three languages, log out.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_role_logs_in_sees_its_menu_in_three_languages_and_logs_out() {
    let Some((h, base, driver, m)) = setup().await else {
        return;
    };
    let started = Instant::now();
    let b = driver.session().await;
    for role in std::iter::once(Role::Public).chain(Role::ACCOUNT_ROLES) {
        // A clean start for each role: no session, no language cookie.
        b.goto(&format!("{base}/")).await;
        b.c.delete_all_cookies().await.expect("delete cookies");
        b.c.refresh().await.expect("reload");
        // The browser asks for English; nobody is signed in yet.
        b.wait_lang("en").await;
        assert!(!b.signed_in().await, "{role:?}: a fresh browser is signed in");
        b.assert_menu(&m, Role::Public, "en").await;
        assert_eq!(b.attr("p.lead", "data-role").await.as_deref(), Some("public"));

        let name = if role == Role::Public {
            String::new()
        } else {
            let user = h.user(role);
            b.click("#login-link").await;
            b.wait_path("/login", None).await;
            assert_eq!(b.text("h1").await, m.t("en", "login-title"));
            b.submit_login(&username(role), PASSWORD).await;
            b.wait_path("/", None).await;
            assert!(b.signed_in().await, "{role:?}: not signed in after login");
            assert!(!b.exists("#login-error").await, "{role:?}: login error after a good login");
            user.display_name.clone()
        };

        // Home, in each language: menu, header, <html lang>, the role's introduction.
        // The page starts in English; then Kazakh, Russian and back to English by the links.
        for (i, lang) in ["en", "kk", "ru", "en"].into_iter().enumerate() {
            if i > 0 {
                b.click(&format!("a[data-lang=\"{lang}\"]")).await;
            }
            b.wait_lang(lang).await;
            b.wait_path("/", None).await;
            b.assert_menu(&m, role, lang).await;
            assert_eq!(
                b.attr(&format!("a[data-lang=\"{lang}\"]"), "aria-current").await.as_deref(),
                Some("true")
            );
            for other in LANGS.iter().filter(|l| **l != lang) {
                assert_eq!(
                    b.attr(&format!("a[data-lang=\"{other}\"]"), "aria-current").await,
                    None,
                    "{other} marked current in {lang}"
                );
            }
            assert_eq!(b.text("h1").await, m.t(lang, "home-title"), "{role:?} in {lang}");
            // The site's name leads home, and says so to a screen reader.
            assert_eq!(b.attr("#home-link", "aria-current").await.as_deref(), Some("page"));
            let brand = b.find("#home-link").await.prop("textContent").await.expect("textContent");
            assert_eq!(brand.as_deref(), Some(format!("ashyq · {}", m.t(lang, "nav-home")).as_str()));
            assert_eq!(b.attr("p.lead", "data-role").await.as_deref(), Some(role.as_str()));
            assert_eq!(
                b.text("p.lead").await,
                m.t(lang, &format!("home-intro-{}", role.as_str())),
                "{role:?} in {lang}"
            );
            if role == Role::Public {
                assert!(!b.signed_in().await);
                assert_eq!(b.text("#login-link").await, m.t(lang, "nav-login"), "login link in {lang}");
            } else {
                assert!(b.signed_in().await, "{role:?} signed out by a language switch to {lang}");
                assert_eq!(b.text("#signed-in").await, m.signed_in(lang, &name, role), "{role:?} in {lang}");
                assert_eq!(b.text("#logout").await, m.t(lang, "nav-logout"), "logout button in {lang}");
            }
            if let Some(code) = h.users.iter().find(|u| u.role == role).and_then(|u| u.region.clone()) {
                let region =
                    ashyq_core::region::by_code(&code).expect("a known region").name(lang).to_string();
                let line = m.t_args(lang, "home-region", &[("region", &region)]);
                assert!(
                    b.text("main").await.contains(&line),
                    "{role:?} in {lang}: no {line:?} on the home page"
                );
            }
        }
        // The Kazakh and Russian labels and headings really are translations, not the English
        // ones.
        let headings: Vec<String> =
            expected_groups(role).into_iter().map(|(g, _)| format!("menu-group-{g}")).collect();
        for key in expected_menu(role).into_iter().map(nav_key).chain(headings) {
            assert_ne!(m.t("kk", &key), m.t("en", &key), "{key}");
            assert_ne!(m.t("ru", &key), m.t("en", &key), "{key}");
        }

        if role != Role::Public {
            // The account page shows this account.
            b.click("nav.menu a[data-nav=\"account\"]").await;
            b.wait_path("/account", None).await;
            assert_eq!(
                b.attr("nav.menu a[data-nav=\"account\"]", "aria-current").await.as_deref(),
                Some("page")
            );
            assert!(
                b.text("main").await.contains(&username(role)),
                "{role:?}: the account page does not show the username"
            );

            b.click("#logout").await;
            b.wait_path("/", None).await;
            b.until("the login link after logout", || async { b.exists("#login-link").await.then_some(()) })
                .await;
            assert!(!b.signed_in().await, "{role:?}: still signed in after logout");
            b.assert_menu(&m, Role::Public, "en").await;
            assert_eq!(b.attr("p.lead", "data-role").await.as_deref(), Some("public"));
            // The session has really ended: a page that needs login sends us to log in.
            b.goto(&format!("{base}/account")).await;
            b.wait_path("/login", Some("next=/account")).await;
        }
        eprintln!("browser: {role:?} done after {:.1?}", started.elapsed());
    }
    b.close().await;
}

/// The menu is grouped by task: each group's heading is in the page's language; the API
/// reference is offered to an analyst and not to an applicant; on a wide screen the groups show,
/// on a phone the menu folds behind its button and opens with it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn menu_by_task_offers_the_api_to_its_users_and_folds_on_a_phone() {
    let Some((_h, base, driver, m)) = setup().await else {
        return;
    };
    for (role, api) in [(Role::Applicant, false), (Role::Analyst, true)] {
        let b = driver.session().await;
        b.goto(&format!("{base}/login")).await;
        b.submit_login(&username(role), PASSWORD).await;
        b.wait_path("/", None).await;
        for lang in LANGS {
            b.goto(&format!("{base}/lang/{lang}?next=/")).await;
            b.wait_lang(lang).await;
            b.assert_menu(&m, role, lang).await;
            assert_eq!(
                b.exists("nav.menu a[data-nav=\"api\"]").await,
                api,
                "{role:?}: the API link in {lang}"
            );
            assert_eq!(
                b.exists("a[href^=\"/api/docs\"]").await,
                api,
                "{role:?}: a link to the API in {lang}"
            );
            // A wide screen: no button, every link in sight.
            assert!(!b.find("nav.menu summary").await.is_displayed().await.expect("displayed"), "{role:?}");
            for id in expected_menu(role) {
                let link = b.find(&format!("nav.menu a[data-nav=\"{id}\"]")).await;
                assert!(
                    link.is_displayed().await.expect("displayed"),
                    "{role:?}: {id} hidden on a wide screen"
                );
            }
        }
        b.close().await;
    }

    // A phone: the menu is folded behind its button, in the page's language, and opens with it.
    let p = driver.phone_session().await;
    p.goto(&format!("{base}/login")).await;
    p.submit_login(&username(Role::Applicant), PASSWORD).await;
    p.wait_path("/", None).await;
    p.goto(&format!("{base}/lang/kk?next=/")).await;
    p.wait_lang("kk").await;
    let toggle = p.find("nav.menu summary").await;
    assert!(toggle.is_displayed().await.expect("displayed"), "no menu button on a phone");
    assert_eq!(p.text("nav.menu summary").await, m.t("kk", "menu-toggle"));
    let link = "nav.menu a[data-nav=\"applications\"]";
    assert!(!p.find(link).await.is_displayed().await.expect("displayed"), "the menu is open on a phone");
    p.click("nav.menu summary").await;
    p.until("the menu to open", || async { p.find(link).await.is_displayed().await.ok()?.then_some(()) })
        .await;
    p.assert_menu(&m, Role::Applicant, "kk").await;
    p.click(link).await;
    p.wait_path("/applications", None).await;
    p.close().await;
}

/// A wrong password is refused on the form; a page that needs login sends one to log in and
/// back.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wrong_password_is_refused_and_login_is_required() {
    let Some((h, base, driver, m)) = setup().await else {
        return;
    };
    let b = driver.session().await;

    b.goto(&format!("{base}/login")).await;
    b.submit_login(&username(Role::Officer), "not the password at all").await;
    b.until("the login error", || async { b.exists("#login-error").await.then_some(()) }).await;
    assert_eq!(b.text("#login-error").await, m.t("en", "login-failed"));
    assert!(!b.signed_in().await, "signed in with a wrong password");
    b.assert_menu(&m, Role::Public, "en").await;
    assert_eq!(
        b.find("#username").await.prop("value").await.unwrap().as_deref(),
        Some("test-officer"),
        "the username is kept"
    );
    assert_eq!(
        b.find("#password").await.prop("value").await.unwrap().as_deref(),
        Some(""),
        "the password is not sent back"
    );
    // An unknown user gets the same answer. The page answered anew: the first answer's error
    // is gone (stale) before the new one is read, or the read would race the reload.
    let first = b.find("#login-error").await;
    b.submit_login("no-such-user", PASSWORD).await;
    b.until("the page to answer anew", || async { first.text().await.is_err().then_some(()) }).await;
    b.until("the login error", || async { b.exists("#login-error").await.then_some(()) }).await;
    assert_eq!(b.text("#login-error").await, m.t("en", "login-failed"));
    assert!(!b.signed_in().await);

    // Not logged in: /account sends to the login page, and after login back to /account.
    b.goto(&format!("{base}/account")).await;
    b.wait_path("/login", Some("next=/account")).await;
    assert!(!b.exists("#login-error").await);
    b.submit_login(&username(Role::Officer), PASSWORD).await;
    b.wait_path("/account", None).await;
    assert!(b.signed_in().await);
    assert_eq!(
        b.text("#signed-in").await,
        m.signed_in("en", &h.user(Role::Officer).display_name, Role::Officer)
    );

    // An admin page is refused to an officer, and the menu never offered it.
    b.goto(&format!("{base}/admin/users")).await;
    assert_eq!(b.text("h1").await, m.t("en", "error-forbidden-title"));
    assert!(!b.exists("nav.menu a[data-nav=\"users\"]").await);
    b.close().await;
}

/// An administrator adds an account through the form; the new person can log in; the audit
/// chain stays intact and records it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn admin_adds_a_user_and_the_audit_chain_is_intact() {
    let Some((_h, base, driver, m)) = setup().await else {
        return;
    };
    let admin = driver.session().await;
    admin.goto(&format!("{base}/login")).await;
    admin.submit_login(&username(Role::Admin), PASSWORD).await;
    admin.wait_path("/", None).await;
    admin.click("nav.menu a[data-nav=\"users\"]").await;
    admin.wait_path("/admin/users", None).await;
    assert_eq!(admin.text("h1").await, m.t("en", "users-title"));
    for role in Role::ACCOUNT_ROLES {
        assert!(row(&admin, &username(role)).await.is_some(), "{role:?} test account not listed");
    }

    let new_user = "browser-officer";
    let new_name = "Aigerim Browser";
    let new_password = "a long and new passphrase";
    let add = "form[action=\"/admin/users\"]";

    // A region for a role that has none is refused, and the form keeps what was typed.
    admin.fill("#nu-username", new_user).await;
    admin.fill("#nu-name", new_name).await;
    admin.select("#nu-role", "applicant").await;
    admin.select("#nu-region", "KZ-71").await;
    admin.fill("#nu-password", new_password).await;
    admin.click(&format!("{add} button[type=submit]")).await;
    admin
        .until("the form error", || async {
            let t = admin.c.find(Locator::Css(".error[role=alert]")).await.ok()?.text().await.ok()?;
            (t == m.t("en", "err-region-role")).then_some(())
        })
        .await;
    assert!(row(&admin, new_user).await.is_none(), "an applicant with a region was created");
    assert_eq!(admin.find("#nu-username").await.prop("value").await.unwrap().as_deref(), Some(new_user));
    assert_eq!(admin.find("#nu-role").await.prop("value").await.unwrap().as_deref(), Some("applicant"));
    assert_eq!(admin.find("#nu-region").await.prop("value").await.unwrap().as_deref(), Some("KZ-71"));

    // An officer in Astana (KZ-71).
    admin.select("#nu-role", "officer").await;
    admin.fill("#nu-password", new_password).await;
    admin.click(&format!("{add} button[type=submit]")).await;
    admin.wait_path("/admin/users", Some(&format!("created={new_user}"))).await;
    assert_eq!(
        admin.text(".notice[role=status]").await,
        m.t_args("en", "users-created", &[("username", new_user)])
    );
    let astana = ashyq_core::region::by_code("KZ-71").expect("KZ-71").name("en").to_string();
    let cells = row(&admin, new_user).await.expect("the new account is listed");
    assert_eq!(
        cells[..5],
        [
            new_user.to_string(),
            new_name.to_string(),
            m.t("en", "role-officer"),
            astana.clone(),
            m.t("en", "users-active")
        ],
        "the new account's row"
    );

    // The new officer logs in, in a browser of their own.
    let officer = driver.session().await;
    officer.goto(&format!("{base}/login")).await;
    officer.submit_login(new_user, new_password).await;
    officer.wait_path("/", None).await;
    assert_eq!(officer.text("#signed-in").await, m.signed_in("en", new_name, Role::Officer));
    assert_eq!(officer.attr("p.lead", "data-role").await.as_deref(), Some("officer"));
    assert!(officer.text("main").await.contains(&m.t_args("en", "home-region", &[("region", &astana)])));
    officer.assert_menu(&m, Role::Officer, "en").await;
    officer.close().await;

    // The audit log: the chain verifies and holds the creation.
    admin.click("nav.menu a[data-nav=\"audit\"]").await;
    admin.wait_path("/admin/audit", None).await;
    let status = admin.text("#chain-status").await;
    assert!(status.starts_with("The chain of"), "chain status: {status}");
    assert!(status.ends_with("records is intact."), "chain status: {status}");
    let count: u64 = status
        .split_whitespace()
        .nth(3)
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no count in {status:?}"));
    assert!(count >= 3, "too few audit records: {status}");
    assert_eq!(admin.attr("#chain-status", "class").await.as_deref(), Some("notice"));
    let actions: Vec<String> = {
        let mut v = Vec::new();
        for c in admin.c.find_all(Locator::Css("main table tbody td[data-action]")).await.expect("cells") {
            v.push(c.attr("data-action").await.expect("attribute").unwrap_or_default());
        }
        v
    };
    assert!(actions.iter().any(|a| a == "user.create"), "no user.create in the audit log: {actions:?}");
    // In Kazakh, too.
    admin.click("a[data-lang=\"kk\"]").await;
    admin.wait_lang("kk").await;
    admin.wait_path("/admin/audit", None).await;
    let kk = admin.text("#chain-status").await;
    assert!(kk.ends_with("тізбек бұзылмаған."), "chain status in Kazakh: {kk}");
    admin.close().await;
}

/// The cells of the users table row whose first cell is `username`.
async fn row(b: &Browser, username: &str) -> Option<Vec<String>> {
    for tr in b.c.find_all(Locator::Css("main table tbody tr")).await.expect("rows") {
        let mut cells = Vec::new();
        for td in tr.find_all(Locator::Css("td")).await.expect("cells") {
            cells.push(td.text().await.expect("cell text"));
        }
        if cells.first().is_some_and(|c| c == username) {
            return Some(cells);
        }
    }
    None
}

/// The API reference renders its operations from the app alone, with no internet access.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn api_reference_renders_offline() {
    let Some((_h, base, driver, m)) = setup().await else {
        return;
    };
    let b = driver.session().await;
    // Reached from the menu, as an analyst would (the menu offers it to the roles that use the
    // API; the reference itself is open to anyone).
    b.goto(&format!("{base}/login")).await;
    b.submit_login(&username(Role::Analyst), PASSWORD).await;
    b.wait_path("/", None).await;
    b.wait_lang("en").await;
    assert_eq!(b.text("nav.menu a[data-nav=\"api\"]").await, m.t("en", "nav-api"));
    b.click("nav.menu a[data-nav=\"api\"]").await;
    b.wait_path("/api/docs/", None).await;
    let started = Instant::now();
    let paths: Vec<String> = b
        .until("Swagger UI to render operations (.opblock)", || async {
            let blocks = b.c.find_all(Locator::Css(".opblock .opblock-summary-path")).await.ok()?;
            let mut paths = Vec::new();
            for e in blocks {
                paths.push(e.text().await.ok()?);
            }
            (!paths.is_empty()).then_some(paths)
        })
        .await;
    eprintln!("browser: Swagger UI rendered {} operations in {:.1?}", paths.len(), started.elapsed());
    assert!(
        paths.iter().all(|p| p.trim_end_matches(['\u{200b}', ' ']).starts_with("/api/v1/")),
        "operations outside /api/v1: {paths:?}"
    );
    assert!(!b.exists(".errors-wrapper").await, "Swagger UI shows errors");

    // Everything the page loaded came from the app itself, the OpenAPI document among it.
    let loaded =
        b.c.execute("return performance.getEntriesByType('resource').map(e => e.name);", vec![])
            .await
            .expect("resource timing");
    let loaded: Vec<String> = serde_json::from_value(loaded).expect("a list of URLs");
    assert!(
        loaded.iter().all(|u| u.starts_with(&format!("{base}/")) || u.starts_with("data:")),
        "resources from elsewhere: {loaded:?}"
    );
    assert!(
        loaded.iter().any(|u| u == &format!("{base}/api/v1/openapi.json")),
        "the OpenAPI document was not fetched: {loaded:?}"
    );
    b.close().await;
}
