//! Pages that lost what the reader gave or told them the wrong thing: the coordinator's opinion
//! form, the officer's four-eyes approval and the administrators' users page, on SQLite and
//! (with `ASHYQ_TEST_POSTGRES_URL`) PostgreSQL.

use crate::common;

use ashyq_core::Role;
use ashyq_core::cases::Holder;
use ashyq_core::rules::Programme;
use ashyq_store::cases::moves::{self, NewCase};
use ashyq_store::cases::{Viewer, read};
use ashyq_store::users::{self, NewUser, User};
use ashyq_store::{Actor, lists, today};
use common::browser::Messages;
use common::labour::{self, OCCUPATIONS};
use common::{Harness, PASSWORD, esc};
use jiff::civil::Date;
use serde_json::{Value, json};

/// The labour data imported, a draft of 2025 computed and sent for coordination; gives its id.
async fn sent_draft(h: &Harness) -> i64 {
    labour::import(h, &Actor::cli(), &OCCUPATIONS).await;
    let on = Date::constant(2026, 1, 1);
    let id =
        lists::draft_from_data(&h.db, &Actor::cli(), &h.state.policy, 2025, on, "fixture").await.unwrap().id;
    lists::send(&h.db, &Actor::cli(), id).await.unwrap();
    id
}

/// An objection without remarks came back with the store's English and the verdict reset to
/// `agree`, so that a second click recorded agreement. Now: 422 in the page's language, the
/// verdict, remarks and proposals given kept, and the verdict marked `required`.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_opinion_keeps_every_answer_and_speaks_the_page_language() {
    let m = Messages::load();
    for h in Harness::both().await {
        let id = sent_draft(&h).await;
        let coordinator = h.user(Role::Coordinator).clone();
        let uri = format!("/coordination/lists/{id}/opinion");

        let fresh = h.get_as(Some(&coordinator), "ru", &format!("/coordination/lists/{id}")).await;
        assert_eq!(fresh.status, 200, "{}: {}", h.backend(), fresh.body);
        assert!(fresh.body.contains(r#"value="agree" required checked"#), "{}", fresh.body);
        assert!(fresh.body.contains(&esc(&m.t("ru", "co-remarks-hint"))), "{}", fresh.body);

        let fields = [
            ("verdict", "object"),
            ("remarks", "  "),
            ("occupation_1", "2111"),
            ("change_1", "add"),
            ("justification_1", "Нехватка врачей"),
        ];
        let page = h.post_form_as(&coordinator, "ru", &uri, &fields).await;
        assert_eq!(page.status, 422, "{}: {}", h.backend(), page.body);
        let said = m.t_args("ru", "co-err-remarks-required", &[("verdict", &m.t("ru", "verdict-object"))]);
        assert!(page.body.contains(&esc(&said)), "{}", page.body);
        assert!(!page.body.contains("remarks are required"), "{}", page.body);
        assert!(page.body.contains(r#"value="object" required checked"#), "{}", page.body);
        assert!(!page.body.contains(r#"value="agree" required checked"#), "{}", page.body);
        assert!(
            page.body.contains(
                r#"name="occupation_1" maxlength="8" size="7" pattern="[0-9]{4}(-[0-9]{1,3})?" value="2111""#
            ),
            "{}",
            page.body
        );
        assert!(page.body.contains(&format!(r#"value="{}""#, esc("Нехватка врачей"))), "{}", page.body);
        assert!(page.body.contains(r#"<option value="add" selected>"#), "{}", page.body);

        // Remarks given but no verdict: the remarks stay, the error is in Kazakh.
        let fields = [("remarks", "Ескерту мәтіні"), ("occupation_2", "2512"), ("change_2", "remove")];
        let page = h.post_form_as(&coordinator, "kk", &uri, &fields).await;
        assert_eq!(page.status, 422, "{}: {}", h.backend(), page.body);
        assert!(page.body.contains(&esc(&m.t("kk", "co-err-verdict"))), "{}", page.body);
        assert!(page.body.contains(&format!(">{}</textarea>", esc("Ескерту мәтіні"))), "{}", page.body);
        assert!(page.body.contains(r#"<option value="remove" selected>"#), "{}", page.body);
        assert!(!page.body.contains(" checked>"), "no verdict was given: {}", page.body);

        // A malformed code in a proposal: said in Kazakh, the rest kept.
        let fields = [("verdict", "agree_with_remarks"), ("remarks", "бар"), ("occupation_1", "25x")];
        let page = h.post_form_as(&coordinator, "kk", &uri, &fields).await;
        assert_eq!(page.status, 422, "{}: {}", h.backend(), page.body);
        let said = m.t_args("kk", "changes-err-code", &[("row", "1"), ("value", "25x")]);
        assert!(page.body.contains(&esc(&said)), "{}", page.body);
        assert!(page.body.contains(r#"value="agree_with_remarks" required checked"#), "{}", page.body);

        assert!(lists::opinions(&h.db, id).await.unwrap().is_empty(), "{}", h.backend());
        h.cleanup().await;
    }
}

/// Permanent residence for an ethnic Kazakh housed by contract: eligible, four eyes.
const PR_FACTS: &str = r#"{"applicant":{"birth_date":"1990-05-01","passport_expiry":"2035-01-01","ethnic_kazakh":true,"former_citizen":false,"simplified_citizenship":false,"criminal_record":false,"funds":null},"family":[],"region":"KZ-75","housing":{"provided_by_contract":true,"funds_kzt":null}}"#;

/// A submitted permanent-residence case of the test applicant in KZ-75.
async fn submitted_pr(h: &Harness) -> i64 {
    let facts: Value = serde_json::from_str(PR_FACTS).unwrap();
    let programme = Programme::PermanentResidence;
    let evaluated = ashyq_server::cases::evaluation(&h.state, programme, &facts, today()).await.unwrap();
    let applicant = h.user(Role::Applicant).clone();
    let holder: Holder = serde_json::from_value(json!({
        "surname": "KARIMOV", "given_names": "ALI", "birth_date": "1990-05-01", "sex": "M",
        "nationality": "UZB", "passport_number": "FB3000001", "passport_expiry": "2035-01-01"
    }))
    .unwrap();
    let new = NewCase { reference: "BUG-PR-1".into(), programme, region: "KZ-75".into(), holder, facts };
    let actor = Actor {
        user_id: Some(applicant.id),
        username: applicant.username.clone(),
        role: applicant.role,
        request_id: "test".into(),
    };
    let (id, _) = moves::create(&h.db, &actor, applicant.id, &new, &evaluated).await.unwrap();
    moves::submit(&h.db, &actor, &Viewer::Applicant(applicant.id), id, &evaluated).await.unwrap();
    id
}

async fn second_officer(h: &Harness) -> User {
    let new = NewUser {
        username: "officer-second".into(),
        display_name: "Second officer".into(),
        role: Role::Officer,
        region: Some("KZ-75".into()),
        password: PASSWORD.into(),
    };
    users::create(&h.db, &Actor::cli(), new).await.unwrap()
}

/// A four-eyes approval said "the case is approved" while it awaited a second officer, and the
/// confirming officer was named nowhere on the case's page. Now: the notice says it awaits
/// confirmation, and the summary names who approved and who confirmed.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_four_eyes_approval_says_it_awaits_a_second_officer_and_names_both() {
    let m = Messages::load();
    for h in Harness::both().await {
        let first = h.user(Role::Officer).clone();
        let second = second_officer(&h).await;
        let id = submitted_pr(&h).await;
        let fields = [("action", "approve"), ("reason", "kandas, housed by contract")];
        let r = h.post_form_as(&first, "ru", &format!("/cases/{id}/decide"), &fields).await;
        assert_eq!(r.status, 303, "{}: {}", h.backend(), r.body);
        let to = r.header("location").to_string();
        assert_eq!(to, format!("/cases/{id}?done=awaiting_confirmation"));
        let status = read::get(&h.db, &Actor::cli(), &Viewer::Admin, id).await.unwrap().status;
        assert_eq!(status.as_str(), "awaiting_confirmation");

        let page = h.get_as(Some(&first), "ru", &to).await;
        assert_eq!(page.status, 200, "{}", page.body);
        let notice =
            format!(r#"id="notice" role="status">{}</p>"#, esc(&m.t("ru", "co-done-awaiting_confirmation")));
        assert!(page.body.contains(&notice), "{}", page.body);
        assert!(!page.body.contains(&esc(&m.t("ru", "co-done-approved"))), "{}", page.body);
        let approved_by =
            format!("<dt>{}</dt><dd>{}</dd>", esc(&m.t("ru", "co-approved-by")), first.username);
        assert!(page.body.contains(&approved_by), "{}", page.body);
        assert!(!page.body.contains(&esc(&m.t("ru", "co-confirmed-by"))), "not yet confirmed: {}", page.body);

        let r =
            h.post_form_as(&second, "kk", &format!("/cases/{id}/confirm"), &[("reason", "тексерілді")]).await;
        assert_eq!(r.status, 303, "{}", r.body);
        let page = h.get_as(Some(&second), "kk", &format!("/cases/{id}")).await;
        assert_eq!(page.status, 200, "{}", page.body);
        let approved_by =
            format!("<dt>{}</dt><dd>{}</dd>", esc(&m.t("kk", "co-approved-by")), first.username);
        let confirmed_by =
            format!("<dt>{}</dt><dd>{}</dd>", esc(&m.t("kk", "co-confirmed-by")), second.username);
        assert!(page.body.contains(&approved_by), "{}", page.body);
        assert!(page.body.contains(&confirmed_by), "{}", page.body);
        h.cleanup().await;
    }
}

/// An administrator disabling their own account was told their role may not see the page, and
/// the button was offered on their own row. Now: 409 on the users page with the reason in
/// words, and no disable button on one's own row (others keep theirs).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_administrator_is_told_in_words_that_their_own_account_cannot_be_disabled() {
    let m = Messages::load();
    for h in Harness::both().await {
        let admin = h.user(Role::Admin).clone();
        let officer = h.user(Role::Officer).clone();

        let list = h.get_as(Some(&admin), "kk", "/admin/users").await;
        assert_eq!(list.status, 200, "{}: {}", h.backend(), list.body);
        assert!(!list.body.contains(&format!("/admin/users/{}/disable", admin.id)), "{}", list.body);
        assert!(list.body.contains(&format!("/admin/users/{}/disable", officer.id)), "{}", list.body);
        assert!(list.body.contains(&esc(&m.t("kk", "users-self"))), "{}", list.body);

        let r = h.post_form_as(&admin, "kk", &format!("/admin/users/{}/disable", admin.id), &[]).await;
        assert_eq!(r.status, 409, "{}", r.body);
        let said = format!(r#"id="refused" role="alert">{}</p>"#, esc(&m.t("kk", "users-err-own-account")));
        assert!(r.body.contains(&said), "{}", r.body);
        let forbidden = m.t("kk", "error-forbidden-text");
        let forbidden = forbidden.split("{ $role }").next().unwrap_or_default();
        assert!(!r.body.contains(&esc(forbidden)), "{}", r.body);
        assert!(r.body.contains(&esc(&m.t("kk", "users-title"))), "{}", r.body);
        assert!(!users::get(&h.db, admin.id).await.unwrap().disabled, "{}", h.backend());
        h.cleanup().await;
    }
}
