//! Accessibility: every page of every role that opens with a GET and nothing to fill in is
//! checked with axe-core (vendored in `vendor/axe-core`, never served by the app) in headless
//! Chromium, on a wide screen with the menu's groups in sight, and each role's home page on a
//! phone with the menu unfolded. A violation axe rates `serious` or `critical` fails the test,
//! each listed with its rule, the element's selector and the page (`docs/accessibility.md` says
//! how to read it). The roles take turns at the three languages, so each language's pages are
//! checked too.
//!
//! Without ChromeDriver the test is skipped with a note, except under CI (`CI` set).

use crate::common;

use ashyq_core::Role;
use ashyq_server::routes::{Kind, ROUTES};
use common::browser::{self, Browser, LANGS};
use common::{PASSWORD, username};
use serde::Deserialize;
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(20);

/// axe-core itself, injected into each page.
const AXE: &str = include_str!("vendor/axe-core/axe.min.js");

/// Runs axe on the page and answers its violations, each with its nodes' selectors. Axe's
/// default rules: WCAG 2.0, 2.1 and 2.2 at levels A and AA, and its best practices.
const RUN: &str =
    "return axe.run(document, { resultTypes: ['violations'] }).then(r => r.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    targets: v.nodes.map(n => n.target.join(' ')),
})));";

/// The impacts that fail the test.
const FAILING: [&str; 2] = ["serious", "critical"];

#[derive(Debug, Deserialize)]
struct Violation {
    id: String,
    impact: Option<String>,
    help: String,
    targets: Vec<String>,
}

/// The pages a role may open with a GET and nothing to fill in: no path parameter, no download.
fn pages(role: Role) -> Vec<&'static str> {
    ROUTES
        .iter()
        .filter(|r| r.kind == Kind::Page && r.method == "GET" && r.allows(role))
        .map(|r| r.path)
        .filter(|p| !p.contains('{') && p.rsplit('/').next().is_none_or(|last| !last.contains('.')))
        .filter(|p| !["/logout", "/verify-email", "/password/reset"].contains(p))
        .collect()
}

/// The violations that fail the test, one line a node: where, the rule, its impact, what it
/// asks for and the node's selector.
fn failing(found: &[Violation], place: &str) -> Vec<String> {
    let mut lines = Vec::new();
    for v in found {
        let impact = v.impact.as_deref().unwrap_or("none");
        if FAILING.contains(&impact) {
            lines.extend(v.targets.iter().map(|t| format!("{place}: {} [{impact}] {}: {t}", v.id, v.help)));
        }
    }
    lines
}

/// This file's steps in the browser.
trait AxeSteps {
    async fn start_as(&self, base: &str, role: Role, lang: &str);
    async fn axe(&self) -> Vec<Violation>;
}

impl AxeSteps for Browser {
    /// Logs in as `role` (unless public) and switches to `lang`, on the home page.
    async fn start_as(&self, base: &str, role: Role, lang: &str) {
        if role != Role::Public {
            self.goto(&format!("{base}/login")).await;
            self.fill("#username", &username(role)).await;
            self.fill("#password", PASSWORD).await;
            self.click("#login-submit").await;
            self.wait_for("#signed-in").await;
        }
        self.goto(&format!("{base}/lang/{lang}?next=/")).await;
        self.wait_lang(lang).await;
    }

    /// axe's violations on the page that is open.
    async fn axe(&self) -> Vec<Violation> {
        self.c.execute(AXE, vec![]).await.expect("axe-core injected");
        let found = self.c.execute(RUN, vec![]).await.expect("axe ran");
        serde_json::from_value(found).expect("axe's violations")
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_page_of_every_role_passes_axe() {
    let Some((_h, base, driver, _m)) = browser::setup(WAIT).await else {
        return;
    };
    let mut failures = Vec::new();
    let mut seen = 0;
    for (i, role) in Role::ALL.into_iter().enumerate() {
        let lang = LANGS[i % LANGS.len()];
        let b = driver.session().await;
        b.start_as(&base, role, lang).await;
        if i == 0 {
            // The check itself works: an input without a label is found.
            b.c.execute("document.querySelector('main').append(document.createElement('input'))", vec![])
                .await
                .expect("an unlabelled input");
            assert!(b.axe().await.iter().any(|v| v.id == "label"), "axe missed an input without a label");
        }
        for path in pages(role) {
            b.goto(&format!("{base}{path}")).await;
            b.wait_for("main").await;
            seen += 1;
            failures.extend(failing(&b.axe().await, &format!("{role:?} {path} ({lang})")));
        }
        b.close().await;

        // A phone: the home page with the menu unfolded.
        let p = driver.phone_session().await;
        p.start_as(&base, role, lang).await;
        p.click("nav.menu summary").await;
        p.wait_for("nav.menu details[open]").await;
        failures.extend(failing(&p.axe().await, &format!("{role:?} / ({lang}, phone, menu open)")));
        p.close().await;
    }
    assert!(seen > 100, "only {seen} pages were checked");
    assert!(
        failures.is_empty(),
        "{} serious or critical accessibility violations:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
