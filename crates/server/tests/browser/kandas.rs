//! The kandas officer's main path in a real browser (headless Chromium through ChromeDriver):
//! the officer logs in, opens the kandas queue from the menu, opens a family's application,
//! reads the subsidies an assignment would give — the same figures the core computes from the
//! MCI in force — assigns the family to the region and sees the region's quota left go down by
//! the family's size.
//!
//! Without ChromeDriver the test is skipped with a note, except under CI (`CI` set).

use crate::common;

use ashyq_core::Role;
use ashyq_core::kandas::{Application, Member, Person};
use ashyq_store::Actor;
use common::browser::{self};
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
