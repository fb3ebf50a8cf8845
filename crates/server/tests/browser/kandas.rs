//! The kandas officer's main path in a real browser (headless Chromium through ChromeDriver):
//! the officer logs in, opens the kandas queue from the menu, opens a family's application,
//! reads the subsidies an assignment would give — the same figures the core computes from the
//! MCI in force — assigns the family to the region and sees the region's quota left go down by
//! the family's size. And the self-service path (issue 16): a kandas applicant applies from
//! their own account, the region's officer assigns the family, and the applicant sees the
//! assignment with its region and the subsidies the core computes.
//!
//! Without ChromeDriver the test is skipped with a note, except under CI (`CI` set).

use crate::common;

use ashyq_core::Role;
use ashyq_core::kandas::{Application, Member, Person};
use ashyq_store::Actor;
use common::browser::{self, Browser};
use common::{PASSWORD, username};
use jiff::civil::date;
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(15);

/// A family of three choosing Almaty (the test officer's region).
fn family() -> Application {
    let person = |given: &str, y| Person {
        surname: "BATYR".into(),
        given_names: given.into(),
        birth_date: date(y, 6, 1),
    };
    Application {
        applicant: person("YERLAN", 1979),
        members: vec![
            Member { person: person("AIGERIM", 1982), relation: "spouse".into() },
            Member { person: person("ALUA", 2012), relation: "child".into() },
        ],
        origin: "CHN".into(),
        ethnic_kazakh: true,
        citizen: false,
        region: "KZ-75".into(),
    }
}

fn digits(text: &str) -> String {
    text.chars().take_while(|c| *c != '.').filter(char::is_ascii_digit).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_kandas_officer_assigns_a_family_and_the_quota_follows() {
    let Some((h, base, driver, m)) = browser::setup(WAIT).await else {
        return;
    };
    let today = ashyq_store::today();
    let app = ashyq_store::kandas::create(&h.db, &Actor::cli(), None, "KD-BROWSER-1", &family(), today)
        .await
        .expect("the application is registered");
    let due = ashyq_core::kandas::subsidies(&h.state.policy, "KZ-75", 3, today).expect("the subsidies");

    let b = driver.session().await;
    b.goto(&format!("{base}/login")).await;
    b.wait_lang("en").await;
    b.fill("#username", &username(Role::Officer)).await;
    b.fill("#password", PASSWORD).await;
    b.click("#login-submit").await;
    b.wait_for("#signed-in").await;

    // The queue, from the menu: the family waits, with the region's quota.
    b.click("nav.menu a[data-nav=\"kandas\"]").await;
    b.wait_path("/kandas", None).await;
    assert_eq!(b.text("h1").await, m.t("en", "kd-queue-title"));
    let row = format!("#queue tr[data-application=\"{}\"]", app.id);
    b.wait_for(&row).await;
    assert!(b.text(&row).await.contains("BATYR YERLAN"));
    let left_before: i64 =
        b.text("#quota-left").await.trim().replace([' ', ',', '\u{a0}'], "").parse().expect("a number");

    // The family: the subsidies an assignment today gives, as the core computes them.
    b.click(&format!("{row} a")).await;
    b.wait_path(&format!("/kandas/{}", app.id), None).await;
    b.wait_for("#subsidies").await;
    assert_eq!(digits(&b.text("#relocation-kzt").await), digits(&due.relocation_kzt.to_string()));
    assert_eq!(b.text("#family-size").await.trim(), "3");

    // Assign: the status changes and the quota left goes down by three.
    b.click("#assign").await;
    // The page reloads on the same path: wait for the new status (found afresh, never stale).
    b.wait_for("#status[data-status=\"assigned\"]").await;
    let left_after: i64 =
        b.text("#quota-left").await.trim().replace([' ', ',', '\u{a0}'], "").parse().expect("a number");
    assert_eq!(left_after, left_before - 3);
    assert!(!b.exists("#assign-form").await, "an assigned family is not assigned again");
    b.close().await;
}

/// Logs `role`'s test account in, in a fresh session.
async fn log_in(b: &Browser, base: &str, role: Role) {
    b.goto(&format!("{base}/login")).await;
    b.wait_lang("en").await;
    b.fill("#username", &username(role)).await;
    b.fill("#password", PASSWORD).await;
    b.click("#login-submit").await;
    b.wait_for("#signed-in").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_kandas_applicant_applies_and_the_officer_assigns() {
    let Some((h, base, driver, m)) = browser::setup(WAIT).await else {
        return;
    };
    let today = ashyq_store::today();
    let due = ashyq_core::kandas::subsidies(&h.state.policy, "KZ-75", 2, today).expect("the subsidies");

    // The applicant applies from their own account, from the menu.
    let a = driver.session().await;
    log_in(&a, &base, Role::Applicant).await;
    a.click("nav.menu a[data-nav=\"kandas-mine\"]").await;
    a.wait_path("/kandas/mine", None).await;
    assert_eq!(a.text("h1").await, m.t("en", "kd-mine-title"));
    a.click("#apply").await;
    a.wait_path("/kandas/mine/new", None).await;
    a.fill("#f-applicant-surname", "ORAZ").await;
    a.fill("#f-applicant-given_names", "BAKHYT").await;
    a.set_value("#f-applicant-birth_date", "1975-08-08").await;
    a.fill("#f-origin", "TKM").await;
    a.click("#f-ethnic_kazakh").await;
    a.select("#f-region", "KZ-75").await;
    a.fill("#f-members-0-surname", "ORAZ").await;
    a.fill("#f-members-0-given_names", "ZHANAR").await;
    a.set_value("#f-members-0-birth_date", "1978-05-25").await;
    a.select("#f-members-0-relation", "spouse").await;
    a.click("#file").await;
    a.wait_for("#status[data-status=\"submitted\"]").await;
    let mine = a.c.current_url().await.expect("the address").path().to_string();
    let id: i64 =
        mine.strip_prefix("/kandas/mine/").and_then(|i| i.parse().ok()).expect("the application's page");
    assert_eq!(a.text("#family-size").await.trim(), "2");
    assert!(!a.exists("#assignment").await, "not assigned yet");

    // The region's officer finds it in the queue and assigns the family.
    let o = driver.session().await;
    log_in(&o, &base, Role::Officer).await;
    o.click("nav.menu a[data-nav=\"kandas\"]").await;
    o.wait_path("/kandas", None).await;
    let row = format!("#queue tr[data-application=\"{id}\"]");
    o.wait_for(&row).await;
    assert!(o.text(&row).await.contains("ORAZ BAKHYT"));
    o.click(&format!("{row} a")).await;
    o.wait_path(&format!("/kandas/{id}"), None).await;
    o.click("#assign").await;
    o.wait_for("#status[data-status=\"assigned\"]").await;
    o.close().await;

    // The applicant sees the assignment: the region and the subsidies due.
    a.goto(&format!("{base}{mine}")).await;
    a.wait_for("#status[data-status=\"assigned\"]").await;
    a.wait_for("#assignment").await;
    assert_eq!(a.text("#assigned-region").await.trim(), "Almaty");
    assert_eq!(digits(&a.text("#total-kzt").await), digits(&due.total_kzt.to_string()));
    assert_eq!(digits(&a.text("#relocation-kzt").await), digits(&due.relocation_kzt.to_string()));
    a.close().await;
}
