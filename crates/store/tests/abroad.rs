//! Citizens working abroad in the store (`ashyq_store::abroad`) on SQLite and (with
//! `ASHYQ_TEST_POSTGRES_URL`) PostgreSQL: registry entries idempotent by reference, a bad IIN
//! named, countries ordered by the number of citizens working there, agreements saved and
//! updated, protection cases moving through their states with dated actions, who may read and
//! write, and every read of personal data audited.

use ashyq_core::Role;
use ashyq_core::abroad::WorkerInput;
use ashyq_store::abroad::agreements::{self, AgreementInput};
use ashyq_store::abroad::cases::{self, NewCase};
use ashyq_store::abroad::{figures, workers};
use ashyq_store::audit;
use ashyq_store::{Actor, Db, StoreError, both_backends};
use jiff::civil::{Date, date};

const TODAY: Date = date(2026, 11, 21);

/// Valid IINs (check digits computed by the IIN's rule).
const IINS: [&str; 6] =
    ["900101400013", "850615300129", "921203400232", "880302300340", "950711400455", "010202500568"];

fn officer() -> Actor {
    Actor { user_id: Some(7), username: "officer-abroad".into(), role: Role::Officer, request_id: "t".into() }
}

fn as_role(role: Role) -> Actor {
    Actor { user_id: Some(9), username: format!("{role}-abroad"), role, request_id: "t".into() }
}

fn entry(iin: &str, country: &str, sector: &str, until: &str) -> WorkerInput {
    WorkerInput {
        iin: iin.into(),
        surname: format!("Surname{}", &iin[..4]),
        given_names: "Aigerim".into(),
        country: country.into(),
        employer: "Employer Ltd".into(),
        agency: Some("Steppe Recruit".into()),
        agency_licence: None,
        contract_from: "2026-01-10".into(),
        contract_until: until.into(),
        sector: sector.into(),
    }
}

async fn registry_entries_are_idempotent_and_checked(db: &Db) {
    let o = officer();
    let (w, created) =
        workers::register(db, &o, "ref-1", &entry(IINS[0], "kor", "domestic_work", "2027-01-09"))
            .await
            .unwrap();
    assert!(created);
    assert_eq!(
        (w.country.as_str(), w.birth_date, w.sex.as_str()),
        ("KOR", jiff::civil::date(1990, 1, 1), "female")
    );
    // The same reference again: the stored entry, nothing new (even with other facts sent).
    let (again, created) =
        workers::register(db, &o, "ref-1", &entry(IINS[1], "TUR", "it", "2027-01-09")).await.unwrap();
    assert!(!created);
    assert_eq!(again, w);
    let all = workers::search(db, &o, "", None, TODAY).await.unwrap();
    assert_eq!(all.len(), 1);
    // A bad IIN is named, and nothing is stored.
    let mut bad = entry(IINS[0], "KOR", "construction", "2027-01-09");
    bad.iin = "900101400014".into();
    match workers::register(db, &o, "ref-bad", &bad).await {
        Err(StoreError::Field { field, .. }) => assert_eq!(field, "iin"),
        other => panic!("expected a refusal naming iin, got {other:?}"),
    }
    let mut bad = entry(IINS[0], "KOR", "construction", "2025-01-09");
    bad.contract_from = "2026-01-10".into();
    match workers::register(db, &o, "ref-bad", &bad).await {
        Err(StoreError::Field { field, .. }) => assert_eq!(field, "contract_until"),
        other => panic!("expected a refusal naming contract_until, got {other:?}"),
    }
    assert_eq!(workers::search(db, &o, "", None, TODAY).await.unwrap().len(), 1);
    // An analyst may not register or read; an administrator of the web reads but does not write.
    assert!(matches!(
        workers::register(db, &as_role(Role::Admin), "ref-2", &entry(IINS[1], "TUR", "it", "2027-01-09"))
            .await,
        Err(StoreError::Forbidden(_))
    ));
    assert!(matches!(workers::get(db, &as_role(Role::Analyst), w.id).await, Err(StoreError::Forbidden(_))));
    assert!(workers::get(db, &as_role(Role::Admin), w.id).await.is_ok());
    // Search by IIN and by part of a name.
    assert_eq!(workers::search(db, &o, IINS[0], None, TODAY).await.unwrap().len(), 1);
    assert_eq!(workers::search(db, &o, "surname9001", None, TODAY).await.unwrap().len(), 1);
    assert_eq!(workers::search(db, &o, "nobody", None, TODAY).await.unwrap().len(), 0);
}

async fn countries_are_ordered_by_citizens_working_there(db: &Db) {
    let o = officer();
    let rows = [
        (IINS[0], "TUR", "hospitality", "2027-06-01"),
        (IINS[1], "KOR", "domestic_work", "2027-06-01"),
        (IINS[2], "KOR", "construction", "2027-06-01"),
        (IINS[3], "KOR", "domestic_work", "2027-06-01"),
        (IINS[4], "ARE", "domestic_work", "2027-06-01"),
        (IINS[5], "ARE", "construction", "2027-06-01"),
        // Ended contracts do not count: Germany has three, all over.
        (IINS[0], "DEU", "healthcare", "2026-02-01"),
        (IINS[1], "DEU", "healthcare", "2026-02-01"),
        (IINS[2], "DEU", "healthcare", "2026-02-01"),
    ];
    for (n, (iin, c, s, until)) in rows.iter().enumerate() {
        workers::register(db, &o, &format!("order-{n}"), &entry(iin, c, s, until)).await.unwrap();
    }
    let f = figures::by_country(db, TODAY).await.unwrap();
    let order: Vec<(&str, i64)> = f.iter().map(|x| (x.country.as_str(), x.citizens)).collect();
    // Germany, with no citizens there now, is not among the countries yet.
    assert_eq!(order, [("KOR", 3), ("ARE", 2), ("TUR", 1)]);
    assert_eq!(f[0].by_sector.get("domestic_work"), Some(&2));
    assert_eq!(figures::by_sector(&f).get("domestic_work"), Some(&3));
    // Agreements are listed in the same order, whatever their titles.
    for (r, c) in [("a-deu", "DEU"), ("a-tur", "TUR"), ("a-kor", "KOR")] {
        let a = AgreementInput {
            reference: r.into(),
            country: c.into(),
            title: format!("Agreement {}", if c == "KOR" { "Z" } else { "A" }),
            status: "negotiating".into(),
            covers: vec!["employment".into()],
            ..Default::default()
        };
        agreements::save(db, &o, &a).await.unwrap();
    }
    let listed: Vec<String> =
        agreements::list(db, TODAY).await.unwrap().into_iter().map(|a| a.country).collect();
    assert_eq!(listed, ["KOR", "TUR", "DEU"]);
    // With an agreement, Germany is listed, last, with none.
    let f = figures::by_country(db, TODAY).await.unwrap();
    assert_eq!(f.last().map(|x| (x.country.as_str(), x.citizens)), Some(("DEU", 0)));
    // The registry lists the countries where most work first too.
    let all = workers::search(db, &o, "", None, TODAY).await.unwrap();
    assert_eq!(all.first().map(|w| w.country.as_str()), Some("KOR"));
    assert_eq!(all.last().map(|w| w.country.as_str()), Some("DEU"));
}

async fn agreements_are_saved_and_updated_by_reference(db: &Db) {
    let o = officer();
    let mut a = AgreementInput {
        reference: "kor-employment".into(),
        country: "KOR".into(),
        title: "Agreement on temporary labour activity".into(),
        status: "negotiating".into(),
        covers: vec!["employment".into(), "domestic_workers".into(), "employment".into()],
        illustrative: true,
        ..Default::default()
    };
    let (saved, created) = agreements::save(db, &o, &a).await.unwrap();
    assert!(created);
    assert_eq!(saved.covers, ["employment", "domestic_workers"]);
    a.status = "in_force".into();
    a.signed_on = Some("2025-03-01".into());
    match agreements::save(db, &o, &a).await {
        Err(StoreError::Field { field, .. }) => assert_eq!(field, "in_force_from"),
        other => panic!("expected in_force_from named, got {other:?}"),
    }
    a.in_force_from = Some("2025-09-01".into());
    let (updated, created) = agreements::save(db, &o, &a).await.unwrap();
    assert!(!created);
    assert_eq!((updated.id, updated.status.as_str()), (saved.id, "in_force"));
    a.covers = vec!["tourism".into()];
    assert!(matches!(agreements::save(db, &o, &a).await, Err(StoreError::Field { .. })));
    let log = audit::for_object(db, "abroad_agreement", &saved.id.to_string()).await.unwrap();
    assert_eq!(log.iter().filter(|r| r.action == "abroad.agreement.save").count(), 2);
    assert!(log[1].detail.contains(r#""status_before":"negotiating""#), "{}", log[1].detail);
}

async fn cases_move_through_their_states_with_actions(db: &Db) {
    let o = officer();
    let (w, _) = workers::register(db, &o, "w-case", &entry(IINS[2], "ARE", "domestic_work", "2027-06-01"))
        .await
        .unwrap();
    let new = NewCase {
        reference: "case-1".into(),
        worker_id: w.id,
        kind: "confiscated_passport".into(),
        complaint: "The employer keeps her passport.".into(),
    };
    let (file, created) = cases::open(db, &o, &new, TODAY).await.unwrap();
    assert!(created);
    let id = file.case.id;
    assert_eq!((file.case.status.as_str(), file.case.country.as_str()), ("open", "ARE"));
    assert!(!cases::open(db, &o, &new, TODAY).await.unwrap().1, "the same reference again opens nothing new");
    // An open case cannot be resolved without being worked on.
    assert!(matches!(
        cases::move_to(db, &o, id, "resolved", "done", None, TODAY).await,
        Err(StoreError::Refused(_))
    ));
    let f =
        cases::move_to(db, &o, id, "in_progress", "taken up", Some(file.case.version), TODAY).await.unwrap();
    // A stale version is a conflict.
    assert!(matches!(
        cases::move_to(db, &o, id, "closed", "x", Some(file.case.version), TODAY).await,
        Err(StoreError::Conflict { .. })
    ));
    assert!(matches!(
        cases::add_action(db, &o, id, "consulate_contacted", date(2026, 11, 22), "too early", TODAY).await,
        Err(StoreError::Field { .. })
    ));
    cases::add_action(db, &o, id, "consulate_contacted", TODAY, "Consulate in Dubai informed", TODAY)
        .await
        .unwrap();
    cases::add_action(db, &o, id, "employer_contacted", TODAY, "Passport returned", TODAY).await.unwrap();
    let done = cases::move_to(db, &o, id, "resolved", "passport back", Some(f.case.version + 2), TODAY)
        .await
        .unwrap();
    assert_eq!(done.case.status, "resolved");
    let kinds: Vec<&str> = done.actions.iter().map(|a| a.kind.as_str()).collect();
    assert_eq!(kinds, ["opened", "status", "consulate_contacted", "employer_contacted", "status"]);
    assert_eq!(done.actions[4].from_status.as_deref(), Some("in_progress"));
    assert_eq!(done.actions[2].actor, "officer-abroad");
    // A resolved case takes no more moves or actions.
    assert!(matches!(
        cases::move_to(db, &o, id, "closed", "x", None, TODAY).await,
        Err(StoreError::Refused(_))
    ));
    assert!(matches!(
        cases::add_action(db, &o, id, "other", TODAY, "more", TODAY).await,
        Err(StoreError::Refused(_))
    ));
    // Open-case figures: the resolved case no longer counts.
    let f = figures::by_country(db, TODAY).await.unwrap();
    assert_eq!(f.iter().find(|x| x.country == "ARE").map(|x| x.open_cases), Some(0));
    // Every change audited.
    let log = audit::for_object(db, "abroad_case", &id.to_string()).await.unwrap();
    let actions: Vec<&str> = log.iter().map(|r| r.action.as_str()).collect();
    assert_eq!(actions.iter().filter(|a| **a == "abroad.case.status").count(), 2);
    assert_eq!(actions.iter().filter(|a| **a == "abroad.case.action").count(), 2);
    assert_eq!(actions.first(), Some(&"abroad.case.open"));
}

async fn every_read_of_personal_data_is_audited(db: &Db) {
    let o = officer();
    let (w, _) =
        workers::register(db, &o, "w-read", &entry(IINS[3], "RUS", "transport", "2027-06-01")).await.unwrap();
    let (file, _) = cases::open(
        db,
        &o,
        &NewCase {
            reference: "c-read".into(),
            worker_id: w.id,
            kind: "unpaid_wages".into(),
            complaint: "x".into(),
        },
        TODAY,
    )
    .await
    .unwrap();
    let admin = as_role(Role::Admin);
    workers::get(db, &o, w.id).await.unwrap();
    workers::get(db, &admin, w.id).await.unwrap();
    let reads = audit::for_object(db, "abroad_worker", &w.id.to_string()).await.unwrap();
    let readers: Vec<&str> =
        reads.iter().filter(|r| r.action == "abroad.worker.read").map(|r| r.actor.as_str()).collect();
    assert_eq!(readers, ["officer-abroad", "admin-abroad"]);
    cases::get(db, &admin, file.case.id).await.unwrap();
    let reads = audit::for_object(db, "abroad_case", &file.case.id.to_string()).await.unwrap();
    assert_eq!(reads.iter().filter(|r| r.action == "abroad.case.read").count(), 1);
    cases::list(db, &admin, None, None).await.unwrap();
    workers::search(db, &admin, "RUS", Some("RUS"), TODAY).await.unwrap();
    let tail = audit::tail(db, 3).await.unwrap();
    assert_eq!(tail[0].action, "abroad.worker.search");
    assert_eq!(tail[1].action, "abroad.case.list");
    // Analysts get no personal data from the store at all.
    let analyst = as_role(Role::Analyst);
    assert!(matches!(cases::get(db, &analyst, file.case.id).await, Err(StoreError::Forbidden(_))));
    assert!(matches!(workers::search(db, &analyst, "", None, TODAY).await, Err(StoreError::Forbidden(_))));
    assert!(matches!(cases::list(db, &analyst, None, None).await, Err(StoreError::Forbidden(_))));
    assert!(audit::verify(db).await.is_ok());
}

both_backends!(
    registry_entries_are_idempotent_and_checked,
    countries_are_ordered_by_citizens_working_there,
    agreements_are_saved_and_updated_by_reference,
    cases_move_through_their_states_with_actions,
    every_read_of_personal_data_is_audited,
);
