//! The officer's main path in a real browser: headless Chromium driven through ChromeDriver
//! against the app served on a loopback port. An officer logs in, opens the queue from the
//! menu, opens an investor-visa case, reads the automatic decision and its checks, asks the
//! applicant for more information with a reason and sees the status change; the applicant
//! replies (through the store, as the applicant's pages would), and the officer approves and
//! sees the permit's number.
//!
//! Without ChromeDriver the test is skipped with a note, except under CI (`CI` set).

use crate::common;

use ashyq_core::Role;
use ashyq_core::cases::Holder;
use ashyq_core::rules::Programme;
use ashyq_store::Actor;
use ashyq_store::cases::{Viewer, moves, read};
use common::browser::{self};
use common::{Harness, PASSWORD, username};
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(15);

/// An investor visa on US$300,000 in a Kazakh company's charter capital: eligible; one officer
/// decides, no round is needed.
const INV_FACTS: &str = r#"{"passport_expiry":"2040-01-01","criminal_record":false,"investments":[{"kind":"charter_capital","recipient":"Steppe Logistics LLP","bin":"180340012346","amount":300000,"currency":"USD","date":"2025-03-03"}]}"#;

fn applicant_actor(h: &Harness) -> (Actor, i64) {
    let u = h.user(Role::Applicant);
    (
        Actor {
            user_id: Some(u.id),
            username: u.username.clone(),
            role: u.role,
            request_id: "browser".into(),
        },
        u.id,
    )
}

/// A submitted investor-visa case of the test applicant in the officer's region.
async fn investor_case(h: &Harness) -> i64 {
    let facts: serde_json::Value = serde_json::from_str(INV_FACTS).expect("facts");
    let today = ashyq_store::today();
    let evaluated = ashyq_server::cases::evaluation(&h.state, Programme::InvestorVisa, &facts, today)
        .await
        .expect("the rules evaluate the facts");
    let holder: Holder = serde_json::from_value(serde_json::json!({
        "surname": "OSMANOV", "given_names": "TIMUR", "birth_date": "1985-02-03", "sex": "M",
        "nationality": "TUR", "passport_number": "U12345678", "passport_expiry": "2040-01-01"
    }))
    .expect("holder");
    let new = moves::NewCase {
        reference: "BROWSER-INV-1".into(),
        programme: Programme::InvestorVisa,
        region: "KZ-75".into(),
        holder,
        facts,
    };
    let (actor, me) = applicant_actor(h);
    let (id, _) = moves::create(&h.db, &actor, me, &new, &evaluated).await.expect("create");
    moves::submit(&h.db, &actor, &Viewer::Applicant(me), id, &evaluated).await.expect("submit");
    id
}

/// The messages of `cases.ftl` in a language.
fn t(lang: &str, key: &str) -> String {
    let path = format!("{}/../../data/i18n/{lang}/cases.ftl", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{path}: {e}"))
        .lines()
        .filter_map(|l| l.split_once(" = "))
        .find(|(k, _)| k.trim() == key)
        .map(|(_, v)| v.trim().to_string())
        .unwrap_or_else(|| panic!("no {key} in {lang}"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_officer_requests_information_then_approves() {
    let Some((h, base, driver, m)) = browser::setup(WAIT).await else {
        return;
    };
    let id = investor_case(&h).await;
    let b = driver.session().await;
    b.goto(&format!("{base}/login")).await;
    b.wait_lang("en").await;
    b.fill("#username", &username(Role::Officer)).await;
    b.fill("#password", PASSWORD).await;
    b.click("#login-submit").await;
    b.wait_for("#signed-in").await;

    // The queue, from the menu: the case waits there.
    b.click("nav.menu a[data-nav=\"cases\"]").await;
    b.wait_path("/cases", None).await;
    assert_eq!(b.text("h1").await, t("en", "co-queue-title"));
    let row = format!("#queue tr[data-case=\"{id}\"]");
    b.wait_for(&row).await;
    assert!(b.text(&row).await.contains("OSMANOV TIMUR"));

    // The case: the automatic decision with its checks, each with its rule and legal basis.
    b.click(&format!("{row} a")).await;
    b.wait_path(&format!("/cases/{id}"), None).await;
    b.wait_for("#decision").await;
    assert_eq!(b.attr("#outcome", "data-outcome").await.as_deref(), Some("eligible"));
    assert_eq!(b.text("#outcome").await, m.t("en", "ec-outcome-eligible"));
    assert!(b.exists("#checks li[data-rule=\"inv.threshold\"][data-result=\"passed\"]").await);
    assert!(!b.text("#checks li[data-rule=\"inv.threshold\"] .basis").await.is_empty());
    assert_eq!(b.attr("#case-status", "data-status").await.as_deref(), Some("submitted"));

    // Ask for more information, with a reason: the status changes, the reason is in the history.
    let ask = "Please send the bank statement of the investment";
    b.click("#action-request_info").await;
    b.fill("#decide-reason", ask).await;
    b.click("#decide").await;
    b.wait_path(&format!("/cases/{id}"), Some("done=info_requested")).await;
    b.wait_for("#notice").await;
    assert_eq!(b.text("#notice").await, t("en", "co-done-info_requested"));
    assert_eq!(b.attr("#case-status", "data-status").await.as_deref(), Some("information_requested"));
    assert!(b.text("#history li[data-event=\"info_requested\"]").await.contains(ask));
    assert!(!b.exists("#decide-form").await, "nothing to decide while the applicant answers");

    // The applicant replies; the case is back in the queue.
    let (actor, me) = applicant_actor(&h);
    moves::reply(&h.db, &actor, &Viewer::Applicant(me), id, "The statement is attached.")
        .await
        .expect("reply");
    b.goto(&format!("{base}/cases")).await;
    b.wait_for(&row).await;

    // Approve: the permit is issued and its number shown.
    b.click(&format!("{row} a")).await;
    b.wait_path(&format!("/cases/{id}"), None).await;
    assert!(b.text("#history li[data-event=\"replied\"]").await.contains("The statement is attached."));
    b.click("#action-approve").await;
    b.fill("#decide-reason", "Investment confirmed by the bank statement").await;
    b.click("#decide").await;
    b.wait_path(&format!("/cases/{id}"), Some("done=approved")).await;
    b.wait_for("#permit-number").await;
    let number = b.text("#permit-number").await;
    assert!(number.starts_with("INV-"), "{number}");
    assert_eq!(b.attr("#case-status", "data-status").await.as_deref(), Some("approved"));
    let stored = read::get(&h.db, &Actor::cli(), &Viewer::Admin, id).await.expect("the case");
    assert_eq!(stored.permit_number.as_deref(), Some(number.as_str()));

    // The permit's page, from the number: the investor's rights in words.
    b.click("#permit-number").await;
    b.wait_for("#rights").await;
    assert_eq!(b.text("#permit-title code").await, number);
    assert!(b.text("#rights").await.contains(&t("en", "co-right-register-business")));
    b.close().await;
}
