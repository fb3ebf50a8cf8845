//! The list of professions in demand in the database, on SQLite and (with
//! `ASHYQ_TEST_POSTGRES_URL`) PostgreSQL: a draft computed from imported data, sending,
//! opinions, revisions (history kept), approval, publication, the list in force on a date, and
//! the coordinating organisations — every step audited.

use ashyq_core::labour::coordination::{Change, ListStatus, Verdict};
use ashyq_core::labour::records::Source;
use ashyq_core::occupation::OccupationCode;
use ashyq_core::policy::Policy;
use ashyq_store::labour::{ImportRequest, import};
use ashyq_store::lists::{self, Body, Changed, NewOpinion};
use ashyq_store::pipeline::Input;
use ashyq_store::pipeline::Quiet;
use ashyq_store::{Actor, Db, StoreError, audit, both_backends};
use jiff::civil::date;

const BIN: &str = "000101500011";

async fn load(db: &Db) {
    let mut f = String::from("year,region,occupation,additional_need\n");
    let mut v = String::from(
        "vacancy_id,posted_on,closed_on,status,region,occupation,positions,salary_kzt,employer_bin,title\n",
    );
    let mut p = String::from(
        "permit_id,issued_on,valid_until,region,occupation,employer_bin,citizenship,category,workers\n",
    );
    for occ in ["2512", "2211", "2145"] {
        f.push_str(&format!("2025,KZ-75,{occ},40\n2025,KZ-71,{occ},20\n"));
        v.push_str(&format!(
            "V-{occ}-1,2024-03-01,2024-04-01,filled,KZ-75,{occ},10,300000,{BIN},\n\
             V-{occ}-2,2025-02-01,2025-05-01,filled,KZ-75,{occ},15,400000,{BIN},\n\
             V-{occ}-3,2025-06-01,,open,KZ-71,{occ},10,420000,{BIN},\n"
        ));
        p.push_str(&format!(
            "P-{occ}-1,2024-03-01,2025-03-01,KZ-75,{occ},{BIN},TUR,3,2\nP-{occ}-2,2025-03-01,2026-03-01,KZ-71,{occ},{BIN},TUR,3,5\n"
        ));
    }
    for (source, text) in [(Source::Forecast, f), (Source::Vacancies, v), (Source::WorkPermits, p)] {
        let request = ImportRequest { source, file_name: "t.csv".into(), skip_invalid: false };
        let r = import(db, &Actor::cli(), &request, Input::from_bytes(text.into_bytes()), &mut Quiet)
            .await
            .unwrap();
        assert!(r.committed, "{r:?}");
    }
}

fn code(s: &str) -> OccupationCode {
    OccupationCode::parse(s).unwrap()
}

async fn a_list_from_draft_to_publication(db: &Db) {
    load(db).await;
    let analyst = Actor { username: "analyst".into(), ..Actor::cli() };
    let policy = Policy::kz().unwrap();
    let draft = lists::draft_from_data(db, &analyst, &policy, 2025, date(2026, 1, 1), "first").await.unwrap();
    assert_eq!((draft.status, draft.revision, draft.coordinated), (ListStatus::Draft, 1, false));
    let entries = lists::entries(db, draft.id, 1).await.unwrap();
    assert_eq!(entries.len(), 92, "every unit group of major group 2 is a candidate");
    let on: Vec<&str> = entries.iter().filter(|e| e.included).map(|e| e.occupation.as_str()).collect();
    assert!(on.contains(&"2512"), "{on:?}");
    assert!(!lists::regional_of(db, draft.id, "2512").await.unwrap().is_empty());

    // Nothing is approved before coordination; nothing is published before approval.
    assert!(matches!(
        lists::approve(db, &analyst, draft.id, "1", date(2026, 1, 2)).await,
        Err(StoreError::Refused(_))
    ));
    assert!(matches!(
        lists::publish(db, &analyst, draft.id, date(2026, 1, 2)).await,
        Err(StoreError::Refused(_))
    ));

    let sent = lists::send(db, &analyst, draft.id).await.unwrap();
    assert_eq!(sent.status, ListStatus::InCoordination);
    let recipients = lists::recipients(db, draft.id, 1).await.unwrap();
    assert_eq!(recipients.len(), 27, "{recipients:?}");

    let akimat = Actor { username: "akimat".into(), ..Actor::cli() };
    let opinion = NewOpinion {
        body: "akimat-kz-75".into(),
        verdict: Verdict::Object,
        remarks: "2512 is met locally".into(),
        proposals: vec![Changed {
            occupation: code("2512"),
            change: Change::Remove,
            justification: "met locally".into(),
        }],
    };
    lists::give_opinion(db, &akimat, draft.id, "akimat-kz-75", opinion.clone()).await.unwrap();
    assert!(matches!(
        lists::give_opinion(db, &akimat, draft.id, "akimat-kz-75", opinion.clone()).await,
        Err(StoreError::Conflict { .. })
    ));
    assert!(matches!(
        lists::give_opinion(db, &akimat, draft.id, "moh", opinion.clone()).await,
        Err(StoreError::Forbidden(_))
    ));

    let changes = [Changed {
        occupation: code("2512"),
        change: Change::Remove,
        justification: "the akimat's remark".into(),
    }];
    let revised = lists::revise(db, &analyst, draft.id, "after coordination", &changes).await.unwrap();
    assert_eq!((revised.status, revised.revision), (ListStatus::Draft, 2));
    let second = lists::entries(db, draft.id, 2).await.unwrap();
    let e = second.iter().find(|e| e.occupation == "2512").unwrap();
    assert_eq!(
        (e.included, e.basis.as_str(), e.justification.as_deref()),
        (false, "removed", Some("the akimat's remark"))
    );
    let first = lists::entries(db, draft.id, 1).await.unwrap();
    assert!(first.iter().any(|e| e.occupation == "2512" && e.included), "revision 1 is kept");
    assert_eq!(lists::sent_revisions(db, draft.id, "akimat-kz-75").await.unwrap(), [1]);
    // The opinion was on revision 1; revision 2 is not in coordination.
    assert!(matches!(
        lists::give_opinion(db, &akimat, draft.id, "akimat-kz-75", opinion).await,
        Err(StoreError::Refused(_))
    ));

    let approved = lists::approve(db, &analyst, draft.id, "49", date(2026, 2, 20)).await.unwrap();
    assert_eq!((approved.status, approved.order_no.as_deref()), (ListStatus::Approved, Some("49")));
    assert!(matches!(
        lists::publish(db, &analyst, draft.id, date(2026, 2, 19)).await,
        Err(StoreError::Field { .. })
    ));
    let published = lists::publish(db, &analyst, draft.id, date(2026, 3, 1)).await.unwrap();
    assert_eq!(published.status, ListStatus::Published);

    // In force from its effective date; 2512 was removed, 2145 stays.
    assert!(lists::in_force(db, date(2026, 2, 28)).await.unwrap().is_none());
    assert_eq!(lists::in_force(db, date(2026, 3, 1)).await.unwrap().map(|l| l.id), Some(draft.id));
    assert!(lists::on_list(db, &code("2512"), date(2026, 6, 1)).await.unwrap().is_none());
    let (list, entry) =
        lists::on_list(db, &code("2145-1"), date(2026, 6, 1)).await.unwrap().expect("2145 on the list");
    assert_eq!((list.id, entry.occupation.as_str()), (draft.id, "2145"));
    assert!(lists::on_list(db, &code("2145"), date(2026, 2, 1)).await.unwrap().is_none());

    let actions: Vec<String> = audit::for_object(db, "list", &draft.id.to_string())
        .await
        .unwrap()
        .into_iter()
        .map(|r| r.action)
        .collect();
    for a in ["list.draft", "list.send", "list.opinion", "list.revise", "list.approve", "list.publish"] {
        assert!(actions.iter().any(|x| x == a), "no {a}: {actions:?}");
    }
}

async fn coordinating_organisations(db: &Db) {
    let all = lists::bodies(db).await.unwrap();
    assert_eq!(all.len(), 27);
    assert_eq!(all.iter().filter(|b| b.kind == "akimat").count(), 20);
    assert!(all.iter().take(7).all(|b| b.kind != "akimat"), "ministries and the chamber first");
    let new = Body {
        code: "energy".into(),
        kind: "ministry".into(),
        region: None,
        name_en: "Ministry of Energy".into(),
        name_ru: "Министерство энергетики".into(),
        name_kk: "Энергетика министрлігі".into(),
        active: true,
    };
    lists::add_body(db, &Actor::cli(), &new).await.unwrap();
    assert!(matches!(lists::add_body(db, &Actor::cli(), &new).await, Err(StoreError::Conflict { .. })));
    lists::set_body_active(db, &Actor::cli(), "atameken", false).await.unwrap();
    let all = lists::bodies(db).await.unwrap();
    assert_eq!(all.len(), 28);
    assert!(!all.iter().find(|b| b.code == "atameken").unwrap().active);
    // A list is sent to the active organisations only.
    load(db).await;
    let policy = Policy::kz().unwrap();
    let draft =
        lists::draft_from_data(db, &Actor::cli(), &policy, 2025, date(2026, 1, 1), "x").await.unwrap();
    lists::send(db, &Actor::cli(), draft.id).await.unwrap();
    let to = lists::recipients(db, draft.id, 1).await.unwrap();
    assert!(to.contains(&"energy".to_string()) && !to.contains(&"atameken".to_string()), "{to:?}");
}

/// Sending a draft tells each coordinator who speaks for an organisation it went to, in the
/// sending's transaction: an akimat's region's coordinator and an assigned member are told; a
/// coordinator of no organisation, a disabled one, and anyone else are not.
async fn the_organisations_coordinators_are_told_of_a_draft(db: &Db) {
    use ashyq_core::Role;
    use ashyq_store::notifications::{self, Kind};
    use ashyq_store::users::{self, NewUser};
    let cli = Actor::cli();
    let mut made = Vec::new();
    for (name, role, region) in [
        ("akimat.astana", Role::Coordinator, Some("KZ-71")),
        ("chamber", Role::Coordinator, None),
        ("nobody.speaks", Role::Coordinator, None),
        ("gone.astana", Role::Coordinator, Some("KZ-71")),
        ("an.analyst", Role::Analyst, None),
    ] {
        let new = NewUser {
            username: name.into(),
            display_name: name.into(),
            role,
            region: region.map(Into::into),
            password: "a long enough password".into(),
        };
        made.push(users::create(db, &cli, new).await.unwrap());
    }
    lists::assign_member(db, &cli, &made[1], "atameken").await.unwrap();
    users::set_disabled(db, &cli, made[3].id, true).await.unwrap();
    load(db).await;
    let policy = Policy::kz().unwrap();
    let draft = lists::draft_from_data(db, &cli, &policy, 2025, date(2026, 1, 1), "told").await.unwrap();
    lists::send(db, &cli, draft.id).await.unwrap();
    for (user, told) in made.iter().zip([true, true, false, false, false]) {
        let mine = notifications::of_user(db, user.id, 10, 0).await.unwrap();
        let drafts: Vec<_> = mine.iter().filter(|n| n.kind == Kind::DraftReceived).collect();
        assert_eq!(drafts.len(), usize::from(told), "{}", user.username);
        if told {
            assert_eq!(drafts[0].subject_id, draft.id.to_string());
            assert_eq!(drafts[0].args["revision"], 1);
        }
    }
}

both_backends!(
    a_list_from_draft_to_publication,
    coordinating_organisations,
    the_organisations_coordinators_are_told_of_a_draft
);
