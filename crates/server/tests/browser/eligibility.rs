//! The public self-check of eligibility in a real browser: headless Chromium driven through
//! ChromeDriver against the app served on a loopback port.
//!
//! A visitor, not logged in, finds the self-check in the menu, chooses permanent residence,
//! answers the questions, and sees the outcome with every condition explained; changes an
//! answer and sees the outcome change; then switches to Kazakh and checks again in Kazakh.
//!
//! Without ChromeDriver the test is skipped with a note, except under CI (`CI` set), where a
//! missing browser is a failure — the same policy as `browser.rs`.

use crate::common;

use ashyq_core::rules::explain::{self, Language};
use common::browser::{self, Browser};
use std::time::Duration;

/// How long to wait for a page to reach an expected state.
const WAIT: Duration = Duration::from_secs(15);

/// The date of application the visitor enters.
const ON: &str = "2026-06-01";

/// This file's steps in the browser.
trait EligibilitySteps {
    async fn value(&self, css: &str) -> String;
    async fn is_checked(&self, css: &str) -> bool;
    async fn answer_permanent_residence(&self, kandas: bool);
    async fn submit_and_wait(&self, outcome: &str);
    async fn explanation(&self, rule: &str) -> String;
}

impl EligibilitySteps for Browser {
    async fn value(&self, css: &str) -> String {
        self.find(css)
            .await
            .prop("value")
            .await
            .unwrap_or_else(|e| panic!("value of {css}: {e}"))
            .unwrap_or_default()
    }

    async fn is_checked(&self, css: &str) -> bool {
        self.find(css).await.is_selected().await.unwrap_or_else(|e| panic!("checked {css}: {e}"))
    }

    /// Answers the questions of permanent residence: an ethnic Kazakh (when `kandas`) born in
    /// 1990, housed by contract in Almaty, moving with a child born in 2015.
    async fn answer_permanent_residence(&self, kandas: bool) {
        self.set_value("#f-on", ON).await;
        self.set_value("#f-applicant-birth_date", "1990-05-01").await;
        self.set_value("#f-applicant-passport_expiry", "2035-01-01").await;
        if self.is_checked("#f-applicant-ethnic_kazakh").await != kandas {
            self.click("#f-applicant-ethnic_kazakh").await;
        }
        self.select("#f-region", "KZ-75").await;
        if !self.is_checked("#f-housing-provided_by_contract").await {
            self.click("#f-housing-provided_by_contract").await;
        }
        self.select("#f-family-0-relation", "child").await;
        self.set_value("#f-family-0-birth_date", "2015-04-01").await;
    }

    /// Sends the form and waits for the decision `outcome`.
    async fn submit_and_wait(&self, outcome: &str) {
        self.click("#check").await;
        self.wait_for(&format!("#outcome[data-outcome=\"{outcome}\"]")).await;
    }

    /// The text of the explanation of a rule's check.
    async fn explanation(&self, rule: &str) -> String {
        self.text(&format!("#checks li[data-rule=\"{rule}\"] .explanation")).await
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_visitor_checks_permanent_residence_in_english_and_kazakh() {
    let Some((_h, base, driver, m)) = browser::setup(WAIT).await else {
        return;
    };
    let b = driver.session().await;
    b.goto(&format!("{base}/")).await;
    b.wait_lang("en").await;
    assert!(!b.exists("#signed-in").await, "a fresh browser is signed in");

    // The menu offers the self-check to everyone; it lists the five programmes.
    b.click("nav.menu a[data-nav=\"eligibility\"]").await;
    b.wait_path("/eligibility", None).await;
    assert_eq!(b.text("h1").await, m.t("en", "ec-title"));
    assert_eq!(b.text("#disclaimer").await, m.t("en", "ec-disclaimer"));
    assert_eq!(b.find_all("#programmes > li").await.len(), 5);
    assert_eq!(b.text("#h-permanent-residence").await, m.t("en", "ec-prog-permanent-residence"));

    // Permanent residence: the form, the date of application today.
    b.click("#check-permanent-residence").await;
    b.wait_path("/eligibility/permanent-residence", None).await;
    let name = m.t("en", "ec-prog-permanent-residence");
    assert_eq!(b.text("h1").await, m.t_args("en", "ec-check-title", &[("programme", &name)]));
    assert_eq!(b.value("#f-on").await, ashyq_store::today().to_string());
    assert_eq!(b.text("label[for=\"f-applicant-birth_date\"]").await, m.t("en", "ecf-birth_date"));
    assert!(!b.exists("#decision").await, "a decision before any answer");

    // An ethnic Kazakh housed by contract: eligible, the solvency set aside by the exemption.
    b.answer_permanent_residence(true).await;
    b.submit_and_wait("eligible").await;
    b.wait_path("/eligibility/permanent-residence", None).await;
    assert_eq!(b.text("#outcome").await, m.t("en", "ec-outcome-eligible"));
    let kandas = explain::message(Language::En, "pr-exempt-kandas--passed", &[]).expect("the explanation");
    assert_eq!(b.explanation("pr.exempt.kandas").await, kandas);
    assert_eq!(
        b.attr("#checks li[data-rule=\"pr.solvency.applicant\"]", "data-result").await.as_deref(),
        Some("set-aside")
    );
    assert_eq!(
        b.text("#checks li[data-rule=\"pr.exempt.kandas\"] .check-title").await,
        explain::title("pr.exempt.kandas", Language::En)
    );
    assert!(b.exists("#validity").await, "an eligible decision shows its term");
    assert!(!b.find_all("#checks table.params tbody tr").await.is_empty(), "the parameters used are shown");
    assert!(b.text("#decision").await.contains(&m.t("en", "ec-disclaimer")));
    // The answers are kept, to be changed.
    assert_eq!(b.value("#f-applicant-birth_date").await, "1990-05-01");
    assert_eq!(b.value("#f-family-0-relation").await, "child");
    assert!(b.is_checked("#f-applicant-ethnic_kazakh").await);

    // Not an ethnic Kazakh: solvency must be shown, and no funds are: not eligible.
    b.click("#f-applicant-ethnic_kazakh").await;
    b.submit_and_wait("ineligible").await;
    assert_eq!(b.text("#outcome").await, m.t("en", "ec-outcome-ineligible"));
    assert_eq!(
        b.attr("#checks li[data-rule=\"pr.solvency.applicant\"]", "data-result").await.as_deref(),
        Some("failed")
    );
    assert_eq!(
        b.text("#checks li[data-rule=\"pr.solvency.applicant\"] .mark").await,
        format!("✗ {}", m.t("en", "ec-mark-failed"))
    );

    // A date that is not one: named next to its field, linked from the summary.
    b.set_value("#f-applicant-birth_date", "").await;
    b.click("#check").await;
    b.wait_for("#error-summary").await;
    assert_eq!(b.text("#f-applicant-birth_date-error").await, m.t("en", "ec-err-required"));
    assert_eq!(b.attr("#error-summary a", "href").await.as_deref(), Some("#f-applicant-birth_date"));

    // In Kazakh, by the language link: the same form, translated; decided in Kazakh.
    b.click("a[data-lang=\"kk\"]").await;
    b.wait_lang("kk").await;
    b.wait_path("/eligibility/permanent-residence", None).await;
    let name = m.t("kk", "ec-prog-permanent-residence");
    assert_eq!(b.text("h1").await, m.t_args("kk", "ec-check-title", &[("programme", &name)]));
    assert_ne!(m.t("kk", "ec-check-title"), m.t("en", "ec-check-title"));
    assert_eq!(b.text("label[for=\"f-applicant-birth_date\"]").await, m.t("kk", "ecf-birth_date"));
    assert_eq!(b.text("#disclaimer").await, m.t("kk", "ec-disclaimer"));
    b.answer_permanent_residence(true).await;
    b.submit_and_wait("eligible").await;
    assert_eq!(b.text("#outcome").await, m.t("kk", "ec-outcome-eligible"));
    let kandas_kk = explain::message(Language::Kk, "pr-exempt-kandas--passed", &[]).expect("the explanation");
    assert_ne!(kandas_kk, kandas);
    assert_eq!(b.explanation("pr.exempt.kandas").await, kandas_kk);
    assert_eq!(b.text("nav.menu a[data-nav=\"eligibility\"]").await, m.t("kk", "nav-eligibility"));
    b.close().await;
}
