//! Pages on a phone: every page of every role, in Kazakh (its words are the longest), is no
//! wider than a 390-pixel screen. A wide table scrolls sideways inside its own box; the page
//! does not (issue 17). Headless Chromium through ChromeDriver, with Chromium's device
//! emulation for the width.
//!
//! Without ChromeDriver the test is skipped with a note, except under CI (`CI` set).

use crate::common;

use ashyq_core::Role;
use ashyq_server::routes::{Kind, ROUTES};
use common::browser::{self, Browser};
use common::{PASSWORD, username};
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(20);
const PHONE: i64 = 390;

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

/// This file's steps in the browser.
trait PhoneSteps {
    async fn width(&self) -> i64;
}

impl PhoneSteps for Browser {
    /// How wide the page is laid out, in CSS pixels.
    async fn width(&self) -> i64 {
        self.c
            .execute("return document.documentElement.scrollWidth", vec![])
            .await
            .expect("the page's width")
            .as_i64()
            .unwrap_or_default()
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_page_of_every_role_fits_a_phone() {
    let Some((_h, base, driver, _m)) = browser::setup(WAIT).await else {
        return;
    };
    let mut wide = Vec::new();
    let mut seen = 0;
    for role in Role::ALL {
        let b = driver.phone_session().await;
        if role != Role::Public {
            b.goto(&format!("{base}/login")).await;
            b.fill("#username", &username(role)).await;
            b.fill("#password", PASSWORD).await;
            b.click("#login-submit").await;
            b.wait_for("#signed-in").await;
        }
        b.goto(&format!("{base}/lang/kk?next=/")).await;
        b.wait_lang("kk").await;
        for path in pages(role) {
            b.goto(&format!("{base}{path}")).await;
            b.wait_for("main").await;
            let width = b.width().await;
            seen += 1;
            if width > PHONE {
                wide.push(format!("{role:?} {path}: {width} px"));
            }
        }
        b.close().await;
    }
    assert!(seen > 100, "only {seen} pages were visited");
    assert!(wide.is_empty(), "pages wider than a {PHONE}-pixel phone:\n{}", wide.join("\n"));
}
