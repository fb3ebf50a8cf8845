//! Integration tests of `ashyq cases …`, run as processes against a SQLite file and, when
//! `ASHYQ_TEST_POSTGRES_URL` is set, a fresh PostgreSQL schema, on the demo's cases
//! (`ashyq cases demo`, the step `ashyq demo` runs): the list shows them; a case shows its
//! history and evidence; a round held re-derives; a quota below the places taken is refused
//! naming `places`; the annual re-check finds the permanent residence granted on a bank
//! certificate now too old, changes nothing in a dry run, and with `--apply` cancels it, in the
//! store and in the register of movements; once the holder files a fresh certificate of enough
//! funds (a confirmation of solvency), the re-check keeps it.

mod support;

use ashyq_core::money::Tenge;
use ashyq_store::testing::TestDb;
use support::{Output, run};

/// Asserts exit code `code` and that standard error names `needle`.
#[track_caller]
fn refused(out: Output, code: i32, needle: &str) {
    let out = out.code(code);
    assert!(out.stderr.contains(needle), "expected {needle:?} on standard error:\n{}", out.stderr);
}

both_backends!(
    demo_cases_list_show_round_and_quota,
    the_recheck_cancels_only_with_apply,
    a_fresh_solvency_confirmation_keeps_the_permit,
);

fn load_demo(t: &TestDb) {
    let out = run(&t.url, &["cases", "demo"]).ok();
    assert!(out.stdout.contains("demo cases of the five programmes"), "{}", out.stdout);
    assert!(out.stdout.contains("officer.almaty"), "{}", out.stdout);
    // A second run loads nothing again.
    run(&t.url, &["cases", "demo"]).ok().stdout_has("exist already");
}

async fn demo_cases_list_show_round_and_quota(t: &TestDb) {
    load_demo(t);
    let list = run(&t.url, &["cases", "list"]).ok();
    for reference in ["DEMO-PR-002", "DEMO-VS-001", "DEMO-INV-002", "DEMO-AZH-003", "DEMO-REF-003"] {
        assert!(list.stdout.contains(reference), "{reference} missing:\n{}", list.stdout);
    }
    // Drafts are the applicants' own: not listed.
    assert!(!list.stdout.contains("DEMO-PR-001"), "{}", list.stdout);
    let all = run(&t.url, &["cases", "list", "--json"]).ok().json();
    let n = all.as_array().unwrap().len();
    assert!(n >= 20, "{n} cases listed");
    let statuses: Vec<&str> = all.as_array().unwrap().iter().filter_map(|c| c["status"].as_str()).collect();
    for s in
        ["submitted", "information_requested", "awaiting_confirmation", "approved", "refused", "withdrawn"]
    {
        assert!(statuses.contains(&s), "no {s} case: {statuses:?}");
    }
    let no = run(&t.url, &["cases", "list", "--status", "refused", "--json"]).ok().json();
    assert!(no.as_array().unwrap().iter().all(|c| c["status"] == "refused"), "{no}");
    assert!(!no.as_array().unwrap().is_empty());
    refused(run(&t.url, &["cases", "list", "--status", "lost"]), 2, "--status");

    // One case: the officer's request and the evidence.
    let show = run(&t.url, &["cases", "show", "DEMO-PR-005"]).ok();
    assert!(show.stdout.contains("information_requested"), "{}", show.stdout);
    // The demo's texts are Russian unless `--language` says otherwise (data/i18n/ru/demo.ftl).
    assert!(show.stdout.contains("справку банка об остатке средств"), "{}", show.stdout);
    assert!(show.stdout.contains("passport.pdf"), "{}", show.stdout);
    refused(run(&t.url, &["cases", "show", "NO-SUCH-CASE"]), 1, "NO-SUCH-CASE");

    // The demo's round re-derives; a new round too.
    run(&t.url, &["cases", "round", "verify", "1"]).ok().stdout_has("re-derived");
    let held = run(&t.url, &["cases", "round", "hold", "--reference", "TEST-ROUND-1", "--size", "1"]).ok();
    assert!(held.stdout.contains("1 invited"), "{}", held.stdout);
    let id = held.stdout.split_whitespace().nth(1).unwrap().to_string();
    run(&t.url, &["cases", "round", "show", &id]).ok().stdout_has("TEST-ROUND-1");
    run(&t.url, &["cases", "round", "verify", &id]).ok();
    refused(run(&t.url, &["cases", "round", "verify", "9999"]), 1, "9999");
    refused(
        run(&t.url, &["cases", "round", "hold", "--reference", "TEST-ROUND-2", "--sector", "mining"]),
        2,
        "sector",
    );

    // Two valuable-skills places are taken this year: one place is refused, naming places.
    let year = ashyq_store::today().year().to_string();
    refused(
        run(
            &t.url,
            &[
                "cases",
                "quota",
                "set",
                "--programme",
                "valuable-skills-visa",
                "--year",
                &year,
                "--places",
                "1",
            ],
        ),
        2,
        "places: 2 places",
    );
    refused(
        run(&t.url, &["cases", "quota", "set", "--programme", "nowhere", "--year", &year, "--places", "1"]),
        2,
        "--programme",
    );
    run(
        &t.url,
        &["cases", "quota", "set", "--programme", "valuable-skills-visa", "--year", &year, "--places", "50"],
    )
    .ok();
    let quotas = run(&t.url, &["cases", "quota", "list", "--json"]).ok().json();
    let vs = quotas.as_array().unwrap().iter().find(|q| q["programme"] == "valuable-skills-visa").unwrap();
    assert_eq!((vs["places"].as_i64(), vs["used"].as_i64()), (Some(50), Some(2)), "{quotas}");

    // Overdue training reports: the permit granted eight months ago.
    let overdue = run(&t.url, &["cases", "overdue", "--json"]).ok().json();
    assert_eq!(overdue.as_array().unwrap().len(), 1, "{overdue}");
}

async fn the_recheck_cancels_only_with_apply(t: &TestDb) {
    load_demo(t);
    let today = ashyq_store::today().to_string();
    let dry = run(&t.url, &["cases", "recheck", "--json"]).ok().json();
    assert_eq!(dry["applied"], false);
    let permits = dry["permits"].as_array().unwrap();
    let cancel: Vec<&serde_json::Value> = permits.iter().filter(|p| p["action"] == "cancel").collect();
    assert_eq!(cancel.len(), 1, "{dry}");
    let stale = cancel[0];
    assert_eq!(stale["programme"], "permanent-residence");
    assert!(stale["rules"].as_array().unwrap().iter().any(|r| r == "pr.solvency.applicant"), "{stale}");
    // The fresh permanent residence is kept; the valuable-skills permit with one report overdue
    // is for review.
    assert!(
        permits.iter().any(|p| p["programme"] == "permanent-residence" && p["action"] == "keep"),
        "{dry}"
    );
    assert!(
        permits.iter().any(|p| p["programme"] == "valuable-skills-visa" && p["action"] == "review"),
        "{dry}"
    );
    let number = stale["permit"].as_str().unwrap().to_string();

    // The dry run changed nothing.
    let before = run(&t.url, &["cases", "permit", &number, "--json"]).ok().json();
    assert!(before["permit"]["cancelled_on"].is_null(), "{before}");
    let holder = &before["permit"]["holder"];
    let document = format!(
        "{}:{}",
        holder["nationality"].as_str().unwrap(),
        holder["passport_number"].as_str().unwrap()
    );
    let register_permit = |t: &TestDb| {
        let record = run(&t.url, &["register", "status", "--document", &document, "--json"]).ok().json();
        record["permits"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["permit_number"] == number.as_str())
            .cloned()
            .unwrap_or_else(|| panic!("{number} not in the register: {record}"))
    };
    assert!(register_permit(t)["cancelled_on"].is_null());
    let again = run(&t.url, &["cases", "recheck", "--json"]).ok().json();
    assert_eq!(again["cancel"], 1, "{again}");

    // Applied: cancelled on the day, on the ground of Article 49, in the register too.
    let applied = run(&t.url, &["cases", "recheck", "--apply", "--json"]).ok().json();
    assert_eq!((applied["cancelled"].as_u64(), applied["failed"].as_u64()), (Some(1), Some(0)), "{applied}");
    let after = run(&t.url, &["cases", "permit", &number, "--json"]).ok().json();
    assert_eq!(after["permit"]["cancelled_on"], today.as_str(), "{after}");
    assert_eq!(after["permit"]["cancel_ground"], "solvency_not_confirmed", "{after}");
    assert!(after["history"].as_array().unwrap().iter().any(|h| h["kind"] == "cancelled"), "{after}");
    assert_eq!(register_permit(t)["cancelled_on"], today.as_str());
    let stored = ashyq_store::cases::permits::by_number(&t.db, &number).await.unwrap();
    assert_eq!(stored.cancel_ground.as_deref(), Some("solvency_not_confirmed"));
    // A cancelled permit is no longer live: the next re-check finds nothing to cancel.
    let next = run(&t.url, &["cases", "recheck", "--json"]).ok().json();
    assert_eq!(next["cancel"], 0, "{next}");
    assert!(next["permits"].as_array().unwrap().iter().all(|p| p["permit"] != number.as_str()), "{next}");
}

/// The permanent residence the re-check would cancel: its holder files a certificate a tiyn
/// short (still cancel), then one of exactly the required funds (1,320 MCI) dated today: keep.
async fn a_fresh_solvency_confirmation_keeps_the_permit(t: &TestDb) {
    use ashyq_store::cases::{Viewer, read, solvency};
    load_demo(t);
    let today = ashyq_store::today();
    let verdict_of = |number: &str| {
        let dry = run(&t.url, &["cases", "recheck", "--json"]).ok().json();
        assert_eq!(dry["applied"], false);
        dry["permits"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["permit"] == number)
            .cloned()
            .unwrap_or_else(|| panic!("{number} not re-checked: {dry}"))
    };
    let dry = run(&t.url, &["cases", "recheck", "--json"]).ok().json();
    let stale = dry["permits"].as_array().unwrap().iter().find(|p| p["action"] == "cancel").cloned();
    let stale = stale.unwrap_or_else(|| panic!("no permit to cancel: {dry}"));
    assert_eq!(stale["programme"], "permanent-residence");
    let number = stale["permit"].as_str().unwrap().to_string();
    let permit_id = stale["permit_id"].as_i64().unwrap();

    // The case's facts: no family, housing by contract — only the applicant's funds count.
    let case =
        read::get(&t.db, &ashyq_store::Actor::cli(), &Viewer::Admin, stale["case_id"].as_i64().unwrap())
            .await
            .unwrap();
    assert_eq!(case.facts["family"], serde_json::json!([]), "{}", case.facts);
    assert_eq!(case.facts["housing"]["provided_by_contract"], true, "{}", case.facts);
    let policy = ashyq_core::policy::Policy::kz().unwrap();
    let required = policy.parameter("pr_solvency_per_applicant", today).unwrap().value
        * policy.parameter("mci", today).unwrap().value;
    if today.year() == 2026 {
        assert_eq!(required.to_string(), "5709000", "1,320 MCI of 4,325 tenge");
    }
    let holder = ashyq_store::Actor { username: case.applicant.clone(), ..ashyq_store::Actor::cli() };
    let me = Viewer::Applicant(case.applicant_id);
    let required = Tenge::exact(required).unwrap();
    let short = required.checked_sub(Tenge::from_tiyn(1)).unwrap();
    let yesterday = today.yesterday().unwrap();
    assert!(solvency::confirm(&t.db, &holder, &me, permit_id, short, true, yesterday, today).await.unwrap());
    let v = verdict_of(&number);
    assert_eq!(v["action"], "cancel", "a tiyn short: {v}");
    assert!(v["rules"].as_array().unwrap().iter().any(|r| r == "pr.solvency.applicant"), "{v}");

    assert!(solvency::confirm(&t.db, &holder, &me, permit_id, required, true, today, today).await.unwrap());
    let v = verdict_of(&number);
    assert_eq!(v["action"], "keep", "{v}");
    assert_eq!(v["rules"], serde_json::json!([]), "{v}");
    // A dry run: nothing was cancelled, and --apply now cancels nothing.
    let applied = run(&t.url, &["cases", "recheck", "--apply", "--json"]).ok().json();
    assert_eq!(applied["cancelled"].as_u64(), Some(0), "{applied}");
    let after = run(&t.url, &["cases", "permit", &number, "--json"]).ok().json();
    assert!(after["permit"]["cancelled_on"].is_null(), "{after}");
}
