//! The applicant's main path in a real browser: headless Chromium driven through ChromeDriver
//! against the app served on a loopback port. An applicant logs in, finds their applications in
//! the menu, fills the permanent-residence application (passport, region, the self-check's
//! questions), sees the automatic evaluation explained, attaches a PDF through the file input,
//! sends the application and sees it submitted; then switches to Kazakh and reads the status in
//! Kazakh.
//!
//! Without ChromeDriver the test is skipped with a note, except under CI (`CI` set).

use crate::common;

use ashyq_core::Role;
use common::browser;
use common::{PASSWORD, username};
use std::collections::HashMap;
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(15);

/// The single-line messages of data/i18n/{lang}/applications.ftl.
fn messages(lang: &str) -> HashMap<String, String> {
    let path = format!("{}/../../data/i18n/{lang}/applications.ftl", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once(" = "))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect()
}

fn t(lang: &str, key: &str) -> String {
    messages(lang).remove(key).unwrap_or_else(|| panic!("no {key} in {lang}"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_applicant_applies_attaches_a_pdf_and_sends() {
    let Some((_h, base, driver, m)) = browser::setup(WAIT).await else {
        return;
    };
    let dir = tempfile::tempdir().expect("a temp dir");
    let pdf = dir.path().join("passport-scan.pdf");
    std::fs::write(&pdf, ashyq_core::cases::evidence_file::sample_pdf("Passport")).expect("write the PDF");

    let b = driver.session().await;
    b.goto(&format!("{base}/login")).await;
    b.wait_lang("en").await;
    b.fill("#username", &username(Role::Applicant)).await;
    b.fill("#password", PASSWORD).await;
    b.click("#login-submit").await;
    b.wait_for("#signed-in").await;

    // My applications, from the menu; the permanent-residence application.
    assert_eq!(b.text("nav.menu a[data-nav=\"applications\"]").await, t("en", "nav-applications"));
    b.click("nav.menu a[data-nav=\"applications\"]").await;
    b.wait_path("/applications", None).await;
    assert_eq!(b.text("h1").await, t("en", "app-title"));
    b.click("#apply-permanent-residence").await;
    b.wait_path("/applications/new/permanent-residence", None).await;
    assert_eq!(b.text("label[for=\"f-holder-surname\"]").await, t("en", "app-f-surname"));
    b.fill("#f-holder-surname", "Karimov").await;
    b.fill("#f-holder-given_names", "Aziz").await;
    b.set_value("#f-holder-birth_date", "1990-05-01").await;
    b.select("#f-holder-sex", "M").await;
    b.select("#f-holder-nationality", "UZB").await;
    b.fill("#f-holder-passport_number", "FA7654321").await;
    b.set_value("#f-holder-passport_expiry", "2035-01-01").await;
    b.select("#f-region", "KZ-75").await;
    // The self-check's own questions: a kandas, housed by contract.
    assert_eq!(b.text("label[for=\"f-applicant-ethnic_kazakh\"]").await, m.t("en", "ecf-ethnic_kazakh"));
    b.click("#f-applicant-ethnic_kazakh").await;
    b.click("#f-housing-provided_by_contract").await;
    b.click("#create").await;

    // The draft, with the automatic evaluation explained.
    b.wait_for("#decision").await;
    assert_eq!(b.attr("#status", "data-status").await.as_deref(), Some("draft"));
    assert_eq!(b.attr("#outcome", "data-outcome").await.as_deref(), Some("eligible"));
    assert_eq!(b.text("#outcome").await, m.t("en", "ec-outcome-eligible"));
    assert!(!b.find_all("#checks li[data-result=\"passed\"]").await.is_empty());

    // A PDF through the file input.
    b.select("#f-document_type", "passport").await;
    b.fill("#f-number", "FA7654321").await;
    b.fill("#f-issuer", "Ministry of Internal Affairs").await;
    b.set_value("#f-issued_on", "2020-01-15").await;
    b.find("#f-file").await.send_keys(&pdf.display().to_string()).await.expect("choose the file");
    b.click("#add-evidence").await;
    b.wait_for("#evidence tr[data-evidence]").await;
    assert!(b.text("#evidence").await.contains("passport-scan.pdf"));

    // Sent.
    b.click("#submit").await;
    b.wait_for("#status[data-status=\"submitted\"]").await;
    assert_eq!(b.text("#status-text").await, t("en", "app-status-submitted"));
    assert!(!b.exists("#submit").await, "a sent application is not sent again");

    // In Kazakh.
    b.click("a[data-lang=\"kk\"]").await;
    b.wait_lang("kk").await;
    b.wait_for("#status[data-status=\"submitted\"]").await;
    assert_eq!(b.text("#status-text").await, t("kk", "app-status-submitted"));
    assert_eq!(b.text("nav.menu a[data-nav=\"applications\"]").await, t("kk", "nav-applications"));
    assert!(b.text("#evidence-h").await.contains(&t("kk", "app-evidence")));
    b.close().await;
}
