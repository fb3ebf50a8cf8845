//! The officers' pages of the case workflow (issue 6), on SQLite and (with
//! `ASHYQ_TEST_POSTGRES_URL`) PostgreSQL: the queue scoped to the officer's region (403 for
//! another region), a case with the rules' trace, decisions through the forms (a missing reason
//! refused in words, a refusal recorded with its reason), four-eyes permanent residence (the
//! approving officer sees no confirm button, a second officer confirms and the permit appears),
//! the permits page and a cancellation on a legal ground, the public rounds page with the
//! cut-off after a round, and the pages in Kazakh, Russian and English. The applicant's cases
//! are made through the store, as the applicant's pages would.

use crate::common;

use ashyq_core::Role;
use ashyq_core::cases::Holder;
use ashyq_core::rules::Programme;
use ashyq_store::Actor;
use ashyq_store::cases::{Evaluated, Viewer, moves, read};
use ashyq_store::users::{self, NewUser, User};
use common::{Harness, PASSWORD, Reply, esc};
use std::collections::HashMap;

/// Permanent residence for an ethnic Kazakh housed by contract: eligible, four eyes.
const PR_FACTS: &str = r#"{"applicant":{"birth_date":"1990-05-01","passport_expiry":"2035-01-01","ethnic_kazakh":true,"former_citizen":false,"simplified_citizenship":false,"criminal_record":false,"funds":null},"family":[],"region":"KZ-75","housing":{"provided_by_contract":true,"funds_kzt":null}}"#;

/// An investor visa on US$300,000 in a Kazakh company's charter capital: eligible, one officer.
const INV_FACTS: &str = r#"{"passport_expiry":"2035-01-01","criminal_record":false,"investments":[{"kind":"charter_capital","recipient":"Steppe Logistics LLP","bin":"180340012346","amount":300000,"currency":"USD","date":"2025-03-03"}]}"#;

/// The messages of `cases.ftl` in a language, with `{ $x }` placeholders kept.
fn messages(lang: &str) -> HashMap<String, String> {
    let path = format!("{}/../../data/i18n/{lang}/cases.ftl", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{path}: {e}"))
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once(" = "))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect()
}

fn t(lang: &str, key: &str) -> String {
    messages(lang).remove(key).unwrap_or_else(|| panic!("no {key} in {lang}"))
}

fn holder(surname: &str, passport: &str) -> Holder {
    serde_json::from_value(serde_json::json!({
        "surname": surname, "given_names": "ALI", "birth_date": "1990-05-01", "sex": "M",
        "nationality": "UZB", "passport_number": passport, "passport_expiry": "2035-01-01"
    }))
    .unwrap()
}

fn actor_of(u: &User) -> Actor {
    Actor { user_id: Some(u.id), username: u.username.clone(), role: u.role, request_id: "test".into() }
}

/// A submitted case of the test applicant, made through the store as the applicant's pages do,
/// with the rules' evaluation for today.
async fn submitted_case(
    h: &Harness,
    reference: &str,
    programme: Programme,
    facts: &str,
    passport: &str,
) -> i64 {
    let facts: serde_json::Value = serde_json::from_str(facts).unwrap();
    let evaluated =
        ashyq_server::cases::evaluation(&h.state, programme, &facts, ashyq_store::today()).await.unwrap();
    submitted_with(h, reference, programme, facts, passport, &evaluated).await
}

async fn submitted_with(
    h: &Harness,
    reference: &str,
    programme: Programme,
    facts: serde_json::Value,
    passport: &str,
    evaluated: &Evaluated,
) -> i64 {
    let applicant = h.user(Role::Applicant).clone();
    let new = moves::NewCase {
        reference: reference.into(),
        programme,
        region: "KZ-75".into(),
        holder: holder("KARIMOV", passport),
        facts,
    };
    let actor = actor_of(&applicant);
    let (id, created) = moves::create(&h.db, &actor, applicant.id, &new, evaluated).await.unwrap();
    assert!(created);
    let described = ashyq_core::cases::evidence::describe(
        "passport",
        passport,
        "UZ",
        jiff::civil::Date::constant(2020, 1, 1),
        ashyq_store::today(),
    )
    .unwrap();
    let bytes = ashyq_core::cases::evidence_file::sample_pdf(reference);
    ashyq_store::cases::evidence::add(
        &h.db,
        &actor,
        &Viewer::Applicant(applicant.id),
        id,
        &described,
        "passport scan.pdf",
        bytes,
        1 << 20,
    )
    .await
    .unwrap();
    moves::submit(&h.db, &actor, &Viewer::Applicant(applicant.id), id, evaluated).await.unwrap();
    id
}

async fn officer(h: &Harness, name: &str, region: &str) -> User {
    users::create(
        &h.db,
        &Actor::cli(),
        NewUser {
            username: name.into(),
            display_name: name.into(),
            role: Role::Officer,
            region: Some(region.into()),
            password: PASSWORD.into(),
        },
    )
    .await
    .unwrap()
}

async fn get_as(h: &Harness, who: Option<&User>, lang: &str, uri: &str) -> Reply {
    h.get_as(who, lang, uri).await
}

async fn post_as(h: &Harness, who: &User, uri: &str, fields: &[(&str, &str)]) -> Reply {
    h.post_form_as(who, "en", uri, fields).await
}

async fn queue_trace_and_refusal(h: &Harness) {
    let officer_a = h.user(Role::Officer).clone();
    let elsewhere = officer(h, "officer-astana", "KZ-71").await;
    let id = submitted_case(h, "WEB-INV-1", Programme::InvestorVisa, INV_FACTS, "FA1000001").await;

    // The queue of the region's officer shows it; another region's officer does not see it, and
    // asking for the first region is refused.
    let q = get_as(h, Some(&officer_a), "en", "/cases").await;
    assert_eq!(q.status, 200, "{}", q.body);
    assert!(q.body.contains(&format!("data-case=\"{id}\"")), "{}", q.body);
    assert!(q.body.contains("WEB-INV-1") && q.body.contains("KARIMOV ALI"));
    let other = get_as(h, Some(&elsewhere), "en", "/cases").await;
    assert_eq!(other.status, 200);
    assert!(!other.body.contains("WEB-INV-1"), "another region's case leaked");
    let asked = get_as(h, Some(&elsewhere), "en", "/cases?region=KZ-75").await;
    assert_eq!(asked.status, 403, "{}", asked.body);
    assert_eq!(get_as(h, Some(&elsewhere), "en", &format!("/cases/{id}")).await.status, 403);
    // Filters: another programme, or cases older than 30 days, leave it out.
    let filtered = get_as(h, Some(&officer_a), "en", "/cases?programme=refugee").await;
    assert!(!filtered.body.contains("WEB-INV-1"));
    let old = get_as(h, Some(&officer_a), "en", "/cases?age=30").await;
    assert!(!old.body.contains("WEB-INV-1"));

    // The case shows the trace: rule ids and the legal basis of each check.
    let page = get_as(h, Some(&officer_a), "en", &format!("/cases/{id}")).await;
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(page.body.contains("data-rule=\"inv.threshold\""), "{}", page.body);
    assert!(page.body.contains("data-outcome=\"eligible\""));
    assert!(page.body.contains("class=\"basis\""));
    assert!(page.body.contains("Steppe Logistics LLP"), "the facts are listed");
    assert!(page.body.contains("id=\"decide-form\""));
    // The evidence, downloaded as an attachment the browser never renders.
    let evidence = ashyq_store::cases::evidence::list(&h.db, id).await.unwrap();
    let link = format!("/cases/{id}/evidence/{}", evidence[0].id);
    assert!(page.body.contains(&link), "{}", page.body);
    let file = get_as(h, Some(&officer_a), "en", &link).await;
    assert_eq!(file.status, 200);
    assert_eq!(file.body.as_bytes(), ashyq_core::cases::evidence_file::sample_pdf("WEB-INV-1"));
    assert_eq!(file.header("content-type"), "application/pdf");
    assert_eq!(file.header("x-content-type-options"), "nosniff");
    assert!(file.header("content-disposition").starts_with("attachment; filename=\"passport_scan.pdf\""));
    assert_eq!(get_as(h, Some(&elsewhere), "en", &link).await.status, 403);

    // A decision without a reason: 422, in words, nothing changed.
    let r =
        post_as(h, &officer_a, &format!("/cases/{id}/decide"), &[("action", "refuse"), ("reason", "")]).await;
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(r.body.contains(&esc(&t("en", "co-err-reason"))), "{}", r.body);
    // Refusing what the rules grant is an override: a short reason is refused too.
    let r = post_as(h, &officer_a, &format!("/cases/{id}/decide"), &[("action", "refuse"), ("reason", "no")])
        .await;
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(
        r.body.contains(&esc(&t("en", "co-err-override-reason").replace("{ $min }", "20"))),
        "{}",
        r.body
    );
    let reason = "The investment certificate was found to be forged by the bank";
    let r =
        post_as(h, &officer_a, &format!("/cases/{id}/decide"), &[("action", "refuse"), ("reason", reason)])
            .await;
    assert_eq!(r.status, 303, "{}", r.body);
    assert_eq!(r.header("location"), format!("/cases/{id}?done=refused"));
    let c = read::get(&h.db, &Actor::cli(), &Viewer::Admin, id).await.unwrap();
    assert_eq!(c.status.as_str(), "refused");
    let page = get_as(h, Some(&officer_a), "en", &format!("/cases/{id}?done=refused")).await;
    assert!(page.body.contains(reason), "the reason is in the history");
    assert!(page.body.contains("data-override=\"true\""), "the override is marked");
    assert!(page.body.contains("data-status=\"refused\""));
    assert!(!page.body.contains("id=\"decide-form\""), "a refused case takes no decision");

    // An administrator reads the case but gets no forms, and may not decide.
    let admin = h.user(Role::Admin).clone();
    let page = get_as(h, Some(&admin), "en", &format!("/cases/{id}")).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("id=\"read-only\"") && !page.body.contains("id=\"message-form\""));
    let r =
        post_as(h, &admin, &format!("/cases/{id}/decide"), &[("action", "refuse"), ("reason", reason)]).await;
    assert_eq!(r.status, 403);
}

async fn four_eyes_permits_and_rounds(h: &Harness) {
    let a = h.user(Role::Officer).clone();
    let b = officer(h, "officer-second", "KZ-75").await;
    let id = submitted_case(h, "WEB-PR-1", Programme::PermanentResidence, PR_FACTS, "FA1000002").await;
    let page = get_as(h, Some(&a), "en", &format!("/cases/{id}")).await;
    assert!(page.body.contains("id=\"four-eyes-note\""));
    let r = post_as(
        h,
        &a,
        &format!("/cases/{id}/decide"),
        &[("action", "approve"), ("reason", "kandas, housed")],
    )
    .await;
    assert_eq!(r.status, 303, "{}", r.body);

    // A sees no confirm button, with the note; confirming anyway is refused in words (409).
    let page = get_as(h, Some(&a), "en", &format!("/cases/{id}")).await;
    assert!(page.body.contains("data-status=\"awaiting_confirmation\""));
    assert!(!page.body.contains("id=\"confirm-form\""), "the approving officer must not confirm");
    assert!(page.body.contains("id=\"same-officer-note\""));
    let r = post_as(h, &a, &format!("/cases/{id}/confirm"), &[("reason", "")]).await;
    assert_eq!(r.status, 409, "{}", r.body);
    assert!(r.body.contains(&esc(&t("en", "co-err-same-officer"))));

    // B sees the button and confirms: the permit number is on the page.
    let page = get_as(h, Some(&b), "en", &format!("/cases/{id}")).await;
    assert!(page.body.contains("id=\"confirm-form\""));
    let r = post_as(h, &b, &format!("/cases/{id}/confirm"), &[("reason", "checked")]).await;
    assert_eq!(r.status, 303, "{}", r.body);
    let c = read::get(&h.db, &Actor::cli(), &Viewer::Admin, id).await.unwrap();
    let number = c.permit_number.clone().expect("a permit is issued");
    assert!(number.starts_with("PR-"));
    let page = get_as(h, Some(&b), "en", &format!("/cases/{id}")).await;
    assert!(page.body.contains(&number), "{}", page.body);

    // The permits page lists it; its page shows rights in words; cancel on a ground → history.
    let list = get_as(h, Some(&a), "en", "/permits").await;
    assert_eq!(list.status, 200, "{}", list.body);
    assert!(list.body.contains(&number));
    let pid = c.permit_id.unwrap();
    let p = get_as(h, Some(&a), "en", &format!("/permits/{pid}")).await;
    assert!(p.body.contains(&esc(&t("en", "co-right-reside-permanently"))));
    assert!(p.body.contains("Article 49"), "each ground's legal basis is shown");
    // The renewal form suggests the programme's term from today, within the passport (2035-01-01).
    assert!(
        p.body.contains("id=\"valid-until-hint\"") && p.body.contains("value=\"2035-01-01\""),
        "{}",
        p.body
    );
    let r =
        post_as(h, &a, &format!("/permits/{pid}/renew"), &[("valid_until", "soon"), ("reason", "x")]).await;
    assert_eq!(r.status, 422);
    assert!(r.body.contains(&esc(&t("en", "co-err-date"))), "{}", r.body);
    let until: jiff::civil::Date = p
        .body
        .split("Valid until</dt><dd>")
        .nth(1)
        .and_then(|t| t.split('<').next())
        .map(|t| jiff::civil::Date::strptime("%d %b %Y", t).unwrap_or_else(|e| panic!("{t:?}: {e}")))
        .expect("the permit's end on its page, as English writes a date");
    let later = until.tomorrow().unwrap().to_string();
    let r =
        post_as(h, &a, &format!("/permits/{pid}/renew"), &[("valid_until", &later), ("reason", "renewed")])
            .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let renewed = get_as(h, Some(&a), "en", &format!("/permits/{pid}")).await;
    let later_en = ashyq_core::locale::date(until.tomorrow().unwrap(), ashyq_core::locale::Language::En);
    assert!(renewed.body.contains("data-event=\"renewed\"") && renewed.body.contains(&later_en));
    let r = post_as(
        h,
        &a,
        &format!("/permits/{pid}/cancel"),
        &[("ground", "investment_withdrawn"), ("reason", "x")],
    )
    .await;
    assert_eq!(r.status, 422, "a ground of another programme is refused: {}", r.body);
    assert!(r.body.contains("does not apply"), "{}", r.body);
    let r = post_as(
        h,
        &a,
        &format!("/permits/{pid}/cancel"),
        &[("ground", "solvency_not_confirmed"), ("reason", "")],
    )
    .await;
    assert_eq!(r.status, 422);
    let why = "The bank did not confirm the funds at the annual check";
    let r = post_as(
        h,
        &a,
        &format!("/permits/{pid}/cancel"),
        &[("ground", "solvency_not_confirmed"), ("reason", why)],
    )
    .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let p = get_as(h, Some(&a), "en", &format!("/permits/{pid}")).await;
    assert!(p.body.contains("data-event=\"cancelled\"") && p.body.contains(why), "{}", p.body);
    assert!(p.body.contains(&esc(&t("en", "co-ground-solvency_not_confirmed"))));
    assert!(!p.body.contains("id=\"cancel-form\""), "a cancelled permit takes no more changes");
}

/// Rounds: the public sees the quotas and, after a round, its cut-off and invitations by rank
/// and points without the cases; officers see which case each invitation went to.
async fn rounds_are_published(h: &Harness) {
    let a = h.user(Role::Officer).clone();
    let public = get_as(h, None, "en", "/rounds").await;
    assert_eq!(public.status, 200);
    assert!(!public.body.contains("id=\"hold-form\""), "the public holds no rounds");
    assert!(public.body.contains("id=\"no-rounds\"") && public.body.contains("id=\"quotas\""));
    // A candidate as the rules scored it (the scoring itself is the rules' tests' business).
    let scored = |points: u32| Evaluated {
        applied_on: ashyq_store::today(),
        outcome: ashyq_core::rules::Outcome::Eligible,
        decision: serde_json::json!({}),
        policy_edition: "test".into(),
        validity: None,
        points: Some(points),
        sector: None,
    };
    let vs = Programme::ValuableSkillsVisa;
    let top = submitted_with(h, "WEB-VS-1", vs, serde_json::json!({}), "FA1000003", &scored(83)).await;
    submitted_with(h, "WEB-VS-2", vs, serde_json::json!({}), "FA1000004", &scored(71)).await;
    submitted_with(h, "WEB-VS-3", vs, serde_json::json!({}), "FA1000005", &scored(64)).await;
    let officers = get_as(h, Some(&a), "en", "/rounds").await;
    assert!(officers.body.contains("id=\"hold-form\""));
    let r = post_as(h, &a, "/rounds", &[("reference", "WEB-ROUND-1"), ("size", "2"), ("sector", "")]).await;
    assert_eq!(r.status, 303, "{}", r.body);
    let location = r.header("location").to_string();
    assert!(location.starts_with("/rounds/"));
    let public = get_as(h, None, "en", "/rounds").await;
    assert!(public.body.contains("WEB-ROUND-1"));
    assert!(public.body.contains("<td class=\"cut-off\">71</td>"), "{}", public.body);
    let round = get_as(h, None, "en", &location).await;
    assert_eq!(round.status, 200);
    assert!(round.body.contains("data-verified=\"true\""), "{}", round.body);
    assert!(round.body.contains("data-rank=\"1\"") && round.body.contains("data-rank=\"2\""));
    assert!(!round.body.contains("data-rank=\"3\""));
    assert!(!round.body.contains(&format!("/cases/{top}")), "the public does not see the cases");
    let round = get_as(h, Some(&a), "en", &location).await;
    assert!(round.body.contains(&format!("/cases/{top}")), "officers see the invited case");
    // The invited case says so in the queue.
    let q = get_as(h, Some(&a), "en", "/cases?programme=valuable-skills-visa").await;
    assert!(q.body.contains("WEB-VS-1") && q.body.contains("WEB-VS-3"));
    // The invited candidate approved (by the store, as of the spring) holds a permit whose first
    // training report is overdue: the permits page raises the alert.
    let spring = jiff::civil::Date::constant(2026, 3, 15);
    let mut approved = scored(83);
    approved.applied_on = spring;
    moves::decide(
        &h.db,
        &actor_of(&a),
        &Viewer::Officer(Some("KZ-75".into())),
        &h.state.policy,
        top,
        ashyq_core::cases::decision::OfficerAction::Approve,
        "invited, 83 points",
        &approved,
        spring,
    )
    .await
    .unwrap();
    let permits = get_as(h, Some(&a), "en", "/permits").await;
    let vsv = read::get(&h.db, &Actor::cli(), &Viewer::Admin, top).await.unwrap().permit_id.unwrap();
    assert!(permits.body.contains(&format!("<li data-permit=\"{vsv}\">")), "{}", permits.body);
    let p = get_as(h, Some(&a), "en", &format!("/permits/{vsv}")).await;
    assert!(p.body.contains("data-state=\"overdue\""), "{}", p.body);
    let r = post_as(h, &a, "/rounds", &[("reference", "WEB-ROUND-2"), ("size", "0")]).await;
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(r.body.contains("id=\"error\""));
}

async fn pages_in_three_languages(h: &Harness) {
    let a = h.user(Role::Officer).clone();
    for lang in ["kk", "ru", "en"] {
        let q = get_as(h, Some(&a), lang, "/cases").await;
        assert_eq!(q.status, 200);
        assert!(q.body.contains(&format!("lang=\"{lang}\"")));
        assert!(q.body.contains(&esc(&t(lang, "co-queue-title"))), "{lang}");
        let r = get_as(h, None, lang, "/rounds").await;
        assert!(r.body.contains(&esc(&t(lang, "co-rounds-intro"))), "{lang}");
        let p = get_as(h, Some(&a), lang, "/permits").await;
        assert!(p.body.contains(&esc(&t(lang, "co-alerts-title"))), "{lang}");
    }
    // The menu offers the officers' pages to officers, and rounds to everyone.
    let q = get_as(h, Some(&a), "kk", "/cases").await;
    assert!(q.body.contains(&format!(">{}<", esc(&t("kk", "nav-cases")))));
    let public = get_as(h, None, "ru", "/rounds").await;
    assert!(public.body.contains("data-nav=\"rounds\"") && !public.body.contains("data-nav=\"cases\""));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn officers_decide_cases_through_the_pages() {
    for h in Harness::both().await {
        eprintln!("on {}", h.backend());
        queue_trace_and_refusal(&h).await;
        four_eyes_permits_and_rounds(&h).await;
        rounds_are_published(&h).await;
        pages_in_three_languages(&h).await;
        h.cleanup().await;
    }
}
