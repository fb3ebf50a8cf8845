//! Pages that lost what the reader gave or told them the wrong thing: the coordinator's opinion
//! form, the officer's four-eyes approval and the administrators' users page, on SQLite and
//! (with `ASHYQ_TEST_POSTGRES_URL`) PostgreSQL.

use crate::common;

use ashyq_core::Role;
use ashyq_store::{Actor, lists};
use common::browser::Messages;
use common::labour::{self, OCCUPATIONS};
use common::{Harness, esc};
use jiff::civil::Date;

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
