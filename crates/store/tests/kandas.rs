//! Kandas resettlement in the store on SQLite and (with `ASHYQ_TEST_POSTGRES_URL`) PostgreSQL:
//! concurrent assignments never exceed a region's quota, subsidies come from the MCI in force,
//! a full quota refuses, officers stay in their region, payments and the report by region.

use ashyq_core::kandas::{Application, Member, Person};
use ashyq_core::policy::Policy;
use ashyq_store::kandas;
use ashyq_store::{Actor, Db, StoreError, both_backends};
use jiff::civil::{Date, date};
use rust_decimal::Decimal;
use std::sync::Arc;

fn policy() -> Policy {
    Policy::kz().expect("the built-in policy loads")
}

fn family(region: &str, members: usize) -> Application {
    Application {
        applicant: Person { surname: "ERBOL".into(), given_names: "K".into(), birth_date: date(1980, 1, 1) },
        members: (0..members)
            .map(|i| Member {
                person: Person {
                    surname: "ERBOL".into(),
                    given_names: format!("M{i}"),
                    birth_date: date(2005, 1, 1),
                },
                relation: "child".into(),
            })
            .collect(),
        origin: "MNG".into(),
        ethnic_kazakh: true,
        citizen: false,
        region: region.into(),
    }
}

/// A policy whose quota for KZ-62 in 2026 is 60 places.
fn policy_with_60_places() -> Policy {
    let text =
        include_str!("../../../data/policy/kz.toml").replace("\"KZ-62\" = \"600\"", "\"KZ-62\" = \"60\"");
    Policy::parse(&text).expect("the edited policy loads")
}

async fn fifty_families_raced_for_sixty_places(db: &Db) {
    let policy = Arc::new(policy_with_60_places());
    let on = date(2026, 5, 1);
    let mut ids = Vec::new();
    for i in 0..50 {
        let a = kandas::create(db, &Actor::cli(), None, &format!("K-{i}"), &family("KZ-62", i % 4), on)
            .await
            .expect("created");
        ids.push((a.id, a.family_size));
    }
    let mut tasks = tokio::task::JoinSet::new();
    for (id, size) in ids {
        let (db, policy) = (db.clone(), policy.clone());
        tasks.spawn(async move {
            (size, kandas::assign(&db, &Actor::cli(), Some("KZ-62"), &policy, id, on).await)
        });
    }
    let (mut assigned, mut refused) = (0, 0);
    while let Some(done) = tasks.join_next().await {
        match done.expect("the task ran") {
            (size, Ok(_)) => assigned += size,
            (_, Err(StoreError::Refused(_))) => refused += 1,
            (_, Err(e)) => panic!("unexpected {e}"),
        }
    }
    let q = kandas::quota(db, &policy, "KZ-62", 2026).await.expect("the quota");
    assert_eq!(q.places, 60);
    assert!(assigned <= 60, "{assigned}");
    assert_eq!(q.used, assigned);
    assert!(refused > 0, "100 persons cannot fit in 60 places");
    let rows = kandas::list(db, Some("KZ-62"), Some("assigned"), 100).await.expect("list");
    assert_eq!(rows.iter().map(|a| a.family_size).sum::<i64>(), assigned);
    let report = kandas::report(db, &policy, 2026).await.expect("report");
    let line = report.iter().find(|l| l.region == "KZ-62").expect("KZ-62");
    assert_eq!((line.used, line.persons, line.families), (assigned, assigned, rows.len() as i64));
}

async fn subsidies_follow_the_mci_in_force_and_a_full_quota_refuses(db: &Db) {
    let policy = policy();
    let a = kandas::create(db, &Actor::cli(), None, "A-2025", &family("KZ-59", 3), date(2025, 6, 1))
        .await
        .expect("created");
    let b = kandas::create(db, &Actor::cli(), None, "B-2026", &family("KZ-59", 3), date(2026, 6, 1))
        .await
        .expect("created");
    // 2025 has no regional split in the policy: no quota, refused.
    let e = kandas::assign(db, &Actor::cli(), None, &policy, a.id, date(2025, 6, 1)).await.unwrap_err();
    assert!(matches!(e, StoreError::Refused(_)), "{e}");
    let s25 = ashyq_core::kandas::subsidies(&policy, "KZ-59", 4, date(2025, 6, 1)).expect("2025");
    let b = kandas::assign(db, &Actor::cli(), None, &policy, b.id, date(2026, 6, 1)).await.expect("assigned");
    let s26 = b.subsidies.expect("subsidies recorded");
    assert_eq!(s26.relocation_kzt, Decimal::from(70 * 4 * 4325));
    assert_eq!(s25.relocation_kzt, Decimal::from(70 * 4 * 3932));
    assert_ne!(s25.total_kzt, s26.total_kzt);
    assert_eq!(s26.used[0].from, date(2026, 1, 1));
    // Assigning again is refused; so is paying twice.
    assert!(kandas::assign(db, &Actor::cli(), None, &policy, b.id, date(2026, 6, 1)).await.is_err());
    kandas::pay(db, &Actor::cli(), None, b.id, date(2026, 6, 2)).await.expect("paid");
    assert!(kandas::pay(db, &Actor::cli(), None, b.id, date(2026, 6, 3)).await.is_err());
    let report = kandas::report(db, &policy, 2026).await.expect("report");
    let line = report.iter().find(|l| l.region == "KZ-59").expect("KZ-59");
    assert_eq!(line.subsidies_paid.to_decimal(), s26.total_kzt);
    assert_eq!(line.subsidies_due.to_decimal(), s26.total_kzt);
    assert!(line.designated);
    // Almaty (KZ-75) has 78 places: a family of 79 is refused and nothing is taken.
    let big = kandas::create(db, &Actor::cli(), None, "BIG", &family("KZ-75", 78), date(2026, 6, 1))
        .await
        .expect("created");
    let e = kandas::assign(db, &Actor::cli(), None, &policy, big.id, date(2026, 6, 1)).await.unwrap_err();
    assert!(e.to_string().contains("78 places left"), "{e}");
    assert_eq!(kandas::quota(db, &policy, "KZ-75", 2026).await.expect("q").used, 0);
    // Outside a designated region: relocation only.
    let small = kandas::create(db, &Actor::cli(), None, "SMALL", &family("KZ-75", 1), date(2026, 6, 1))
        .await
        .expect("created");
    let small =
        kandas::assign(db, &Actor::cli(), None, &policy, small.id, date(2026, 6, 1)).await.expect("ok");
    let s = small.subsidies.expect("subsidies");
    assert_eq!((s.rent_kzt, s.total_kzt), (Decimal::ZERO, Decimal::from(70 * 2 * 4325)));
}

async fn officers_stay_in_their_region_and_status_is_checked(db: &Db) {
    let policy = policy();
    let on: Date = date(2026, 6, 1);
    let a =
        kandas::create(db, &Actor::cli(), Some("KZ-59"), "R-1", &family("KZ-59", 0), on).await.expect("ok");
    // Another region's family: refused with both regions named, for the page to say in words.
    let other = |e: &StoreError| matches!(e, StoreError::OtherRegion { region, mine, .. } if region == "KZ-59" && mine == "KZ-55");
    let e = kandas::assign(db, &Actor::cli(), Some("KZ-55"), &policy, a.id, on).await.unwrap_err();
    assert!(other(&e), "{e}");
    assert!(kandas::get(db, Some("KZ-55"), a.id).await.is_err_and(|e| other(&e)));
    assert!(kandas::list(db, Some("KZ-55"), None, 10).await.expect("list").is_empty());
    let e =
        kandas::create(db, &Actor::cli(), Some("KZ-55"), "R-2", &family("KZ-59", 0), on).await.unwrap_err();
    assert!(other(&e), "{e}");
    let mut citizen = family("KZ-59", 0);
    citizen.citizen = true;
    let e = kandas::create(db, &Actor::cli(), None, "R-3", &citizen, on).await.unwrap_err();
    assert!(matches!(e, StoreError::Field { ref field, .. } if field == "citizen"), "{e}");
    let r =
        kandas::refuse(db, &Actor::cli(), Some("KZ-59"), a.id, "documents not confirmed").await.expect("ok");
    assert_eq!(r.status, "refused");
    assert!(kandas::assign(db, &Actor::cli(), None, &policy, a.id, on).await.is_err());
    let trail =
        ashyq_store::audit::for_object(db, "kandas_application", &a.id.to_string()).await.expect("audit");
    assert_eq!(trail.len(), 2);
}

/// An applicant account for self-service.
async fn applicant(db: &Db, username: &str) -> i64 {
    let new = ashyq_store::users::NewUser {
        username: username.into(),
        display_name: username.into(),
        role: ashyq_core::Role::Applicant,
        region: None,
        password: "correct horse battery staple".into(),
    };
    ashyq_store::users::create(db, &Actor::cli(), new).await.expect("an applicant").id
}

async fn a_form_sent_many_times_at_once_is_one_application(db: &Db) {
    let me = applicant(db, "kandas.self").await;
    let other = applicant(db, "kandas.other").await;
    let who = Actor {
        user_id: Some(me),
        username: "kandas.self".into(),
        role: ashyq_core::Role::Applicant,
        ..Actor::cli()
    };
    let on = date(2026, 5, 1);
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..12 {
        let (db, who) = (db.clone(), who.clone());
        tasks.spawn(
            async move { kandas::own::file(&db, &who, me, "same-key", &family("KZ-59", 2), on).await },
        );
    }
    let (mut ids, mut created) = (Vec::new(), 0);
    while let Some(r) = tasks.join_next().await {
        let (app, new) = r.expect("joined").expect("filed or found");
        ids.push(app.id);
        created += usize::from(new);
    }
    ids.sort_unstable();
    ids.dedup();
    assert_eq!((ids.len(), created), (1, 1), "one application, made once");
    let mine = kandas::own::mine(db, me).await.expect("mine");
    assert_eq!(mine.len(), 1);
    assert_eq!((mine[0].applicant_id, mine[0].family_size), (Some(me), 3));
    // The same key with other answers is a conflict; another key is another application.
    let e = kandas::own::file(db, &who, me, "same-key", &family("KZ-39", 2), on).await.unwrap_err();
    assert!(matches!(e, StoreError::Conflict { .. }), "{e:?}");
    kandas::own::file(db, &who, me, "other-key", &family("KZ-39", 0), on).await.expect("another");
    // Another applicant: not found; their own list is empty; the same key is theirs to use.
    let e = kandas::own::get(db, other, mine[0].id).await.unwrap_err();
    assert!(matches!(e, StoreError::NotFound { .. }), "{e:?}");
    assert!(kandas::own::mine(db, other).await.expect("theirs").is_empty());
    let (theirs, new) =
        kandas::own::file(db, &who, other, "same-key", &family("KZ-59", 2), on).await.expect("theirs");
    assert!(new && theirs.id != mine[0].id);
    // A born-later member is named.
    let mut late = family("KZ-59", 1);
    late.members[0].person.birth_date = date(2026, 6, 1);
    match kandas::own::file(db, &who, me, "late", &late, on).await.unwrap_err() {
        StoreError::Field { field, .. } => assert_eq!(field, "members[0].birth_date"),
        e => panic!("{e:?}"),
    }
    let filed = ashyq_store::audit::for_object(db, "kandas_application", &mine[0].id.to_string())
        .await
        .expect("audit");
    assert_eq!(filed.iter().map(|r| r.action.as_str()).collect::<Vec<_>>(), ["kandas.file"]);
}

both_backends!(
    a_form_sent_many_times_at_once_is_one_application,
    fifty_families_raced_for_sixty_places,
    subsidies_follow_the_mci_in_force_and_a_full_quota_refuses,
    officers_stay_in_their_region_and_status_is_checked,
);
