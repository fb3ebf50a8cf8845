//! The Paryz contest in the store (`ashyq_store::paryz`) on SQLite and (with
//! `ASHYQ_TEST_POSTGRES_URL`) PostgreSQL: a year from open to published, nominations checked
//! (a bad BIN named, an unknown or cancelled Ata zholy card refused, idempotent by reference),
//! never more winners than prizes even when decided at once, unpublished years invisible to the
//! public, and every change audited.

use ashyq_core::Role;
use ashyq_core::cases::OfficerAction;
use ashyq_core::cases::permit::CancellationGround;
use ashyq_core::paryz::{NominationInput, Verdict, YearMove, YearStatus};
use ashyq_core::policy::Policy;
use ashyq_core::rules::{Outcome, Programme};
use ashyq_store::cases::moves::{self, NewCase};
use ashyq_store::cases::{Evaluated, Viewer, permits};
use ashyq_store::paryz::{self, Audience};
use ashyq_store::users::{self, NewUser};
use ashyq_store::{Actor, Db, StoreError, audit, both_backends};
use jiff::civil::{Date, date};

const TODAY: Date = date(2026, 11, 21);

async fn user(db: &Db, name: &str, role: Role, region: Option<&str>) -> (Actor, i64) {
    let u = users::create(
        db,
        &Actor::cli(),
        NewUser {
            username: name.into(),
            display_name: name.into(),
            role,
            region: region.map(str::to_string),
            password: "correct horse battery staple".into(),
        },
    )
    .await
    .expect("the account is created");
    (Actor { user_id: Some(u.id), username: u.username, role, request_id: "test".into() }, u.id)
}

/// Issues an Ata zholy card through a case (created, submitted, approved): its number and id.
pub async fn issue_card(db: &Db, n: u32) -> (String, i64) {
    let (applicant, applicant_id) = user(db, &format!("azh-holder-{n}"), Role::Applicant, None).await;
    let policy = Policy::kz().unwrap();
    let e = Evaluated {
        applied_on: TODAY,
        outcome: Outcome::Eligible,
        decision: serde_json::json!({ "outcome": "eligible" }),
        policy_edition: "test".into(),
        validity: Some((TODAY, date(2036, 11, 21))),
        points: None,
        sector: None,
    };
    let new = NewCase {
        reference: format!("azh-{n}"),
        programme: Programme::AtaZholy,
        region: "KZ-75".into(),
        holder: ashyq_core::cases::Holder {
            surname: "EXAMPLE".into(),
            given_names: "NOMINEE".into(),
            birth_date: date(1975, 1, 1),
            sex: "F".into(),
            nationality: "TUR".into(),
            passport_number: format!("PZ{n:07}"),
            passport_expiry: date(2040, 1, 1),
        },
        facts: serde_json::json!({}),
    };
    let (case, _) = moves::create(db, &applicant, applicant_id, &new, &e).await.expect("the case is created");
    moves::submit(db, &applicant, &Viewer::Applicant(applicant_id), case, &e).await.expect("submitted");
    let c = moves::decide(
        db,
        &Actor::cli(),
        &Viewer::Officer(None),
        &policy,
        case,
        OfficerAction::Approve,
        "fixture",
        &e,
        TODAY,
    )
    .await
    .expect("approved");
    let id = c.permit_id.expect("a card is issued");
    let p = permits::get(db, &Actor::cli(), &Viewer::Admin, id).await.unwrap();
    (p.number, id)
}

fn nomination(card: Option<&str>) -> NominationInput {
    NominationInput {
        nominee: "Aigerim Example (fictional)".into(),
        country: "TUR".into(),
        card_number: card.map(str::to_string),
        business: "Example Textiles".into(),
        sector: "manufacturing".into(),
        bin: Some(
            ashyq_core::ids::Bin::complete(&[0, 4, 0, 3, 4, 0, 0, 0, 1, 2, 3]).unwrap().as_str().into(),
        ),
        contribution: "A garment factory in Shymkent".into(),
        jobs_created: 120,
        investment_kzt: 500_000_000,
    }
}

fn refused(r: Result<impl std::fmt::Debug, StoreError>) -> String {
    match r {
        Err(StoreError::Refused(t)) => t.english,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

fn field(r: Result<impl std::fmt::Debug, StoreError>) -> (String, String) {
    match r {
        Err(StoreError::Field { field, reason }) => (field, reason.english),
        other => panic!("expected a field error, got {other:?}"),
    }
}

async fn a_year_from_open_to_published(db: &Db) {
    let policy = Policy::kz().unwrap();
    let (coord, _) = user(db, "atameken", Role::Coordinator, None).await;
    let (admin, _) = user(db, "secretariat", Role::Admin, None).await;
    let y = paryz::open_year(db, &admin, 2026).await.unwrap();
    assert_eq!(y.status, YearStatus::Open);
    assert!(matches!(paryz::open_year(db, &admin, 2026).await, Err(StoreError::Conflict { .. })));
    assert_eq!(field(paryz::open_year(db, &admin, 1999).await).0, "year");

    let (card, _) = issue_card(db, 1).await;
    assert!(card.starts_with("AZH-"), "{card}");
    let (a, created) = paryz::nominate(db, &coord, 2026, "n-1", &nomination(Some(&card))).await.unwrap();
    assert!(created);
    assert_eq!(a.nominated_by.as_deref(), Some("atameken"));
    // The same reference again is the same nomination.
    let (again, created) = paryz::nominate(db, &coord, 2026, "n-1", &nomination(None)).await.unwrap();
    assert!(!created);
    assert_eq!((again.id, again.card_number.as_deref()), (a.id, Some(card.as_str())));
    let (b, _) = paryz::nominate(db, &admin, 2026, "n-2", &nomination(None)).await.unwrap();
    let (c, _) = paryz::nominate(db, &coord, 2026, "n-3", &nomination(None)).await.unwrap();

    // No decision and no publication while nominations are open.
    let t = refused(paryz::decide(db, &admin, &policy, a.id, Verdict::Winner, "best", TODAY).await);
    assert!(t.contains("after nominations close"), "{t}");
    refused(paryz::move_year(db, &admin, &policy, 2026, YearMove::Publish, TODAY).await);
    // The public sees nothing of the year; staff see every nomination.
    assert!(paryz::years(db, Audience::Public).await.unwrap().is_empty());
    assert!(matches!(
        paryz::year(db, &Actor::public("t"), 2026, Audience::Public).await,
        Err(StoreError::NotFound { .. })
    ));
    assert_eq!(paryz::year(db, &coord, 2026, Audience::Staff).await.unwrap().1.len(), 3);

    let y = paryz::move_year(db, &admin, &policy, 2026, YearMove::Close, TODAY).await.unwrap();
    assert_eq!(y.status, YearStatus::Closed);
    let t = refused(paryz::nominate(db, &coord, 2026, "n-4", &nomination(None)).await);
    assert!(t.contains("only while it is open"), "{t}");
    assert_eq!(
        field(paryz::decide(db, &admin, &policy, a.id, Verdict::Winner, " ", TODAY).await).0,
        "reason"
    );
    paryz::decide(db, &admin, &policy, a.id, Verdict::Winner, "120 jobs in Shymkent", TODAY).await.unwrap();
    // Not every nomination is decided: no publication.
    let t = refused(paryz::move_year(db, &admin, &policy, 2026, YearMove::Publish, TODAY).await);
    assert!(t.contains("2 nominations are not decided"), "{t}");
    paryz::decide(db, &admin, &policy, b.id, Verdict::Shortlisted, "strong export record", TODAY)
        .await
        .unwrap();
    paryz::decide(db, &admin, &policy, c.id, Verdict::NotSelected, "contribution not shown", TODAY)
        .await
        .unwrap();
    let y = paryz::move_year(db, &admin, &policy, 2026, YearMove::Publish, TODAY).await.unwrap();
    assert_eq!((y.status, y.prizes), (YearStatus::Published, Some(3)));

    // Published results are final.
    refused(paryz::decide(db, &admin, &policy, c.id, Verdict::Winner, "changed our mind", TODAY).await);
    refused(paryz::move_year(db, &admin, &policy, 2026, YearMove::Close, TODAY).await);
    refused(paryz::nominate(db, &coord, 2026, "n-5", &nomination(None)).await);

    // The public sees the winner and the shortlist, not the one not selected, nor the card.
    let (_, shown) = paryz::year(db, &Actor::public("t"), 2026, Audience::Public).await.unwrap();
    let ids: Vec<i64> = shown.iter().map(|n| n.id).collect();
    assert_eq!(ids, vec![a.id, b.id]);
    assert!(shown.iter().all(|n| n.card_number.is_none() && n.reason.is_none() && n.nominated_by.is_none()));
    assert_eq!(paryz::years(db, Audience::Public).await.unwrap().len(), 1);

    // Every change was audited.
    let log = audit::tail(db, 200).await.unwrap();
    for action in [
        "paryz.year.open",
        "paryz.year.close",
        "paryz.year.publish",
        "paryz.nominate",
        "paryz.decide",
        "paryz.read",
    ] {
        assert!(log.iter().any(|r| r.action == action), "{action} audited");
    }
    assert_eq!(log.iter().filter(|r| r.action == "paryz.decide").count(), 3);
    assert_eq!(log.iter().filter(|r| r.action == "paryz.nominate").count(), 3);
    audit::verify(db).await.unwrap();
}

async fn nominations_are_checked(db: &Db) {
    let (coord, _) = user(db, "akimat", Role::Coordinator, Some("KZ-75")).await;
    paryz::open_year(db, &Actor::cli(), 2027).await.unwrap();
    let mut bad_bin = nomination(None);
    let b = bad_bin.bin.clone().unwrap();
    let last = b.as_bytes()[11] - b'0';
    bad_bin.bin = Some(format!("{}{}", &b[..11], (last + 1) % 10));
    let (f, reason) = field(paryz::nominate(db, &coord, 2027, "bad-bin", &bad_bin).await);
    assert_eq!(f, "bin");
    assert!(reason.contains("check digit"), "{reason}");
    // A card number of the right shape that was never issued.
    let (f, reason) =
        field(paryz::nominate(db, &coord, 2027, "unknown", &nomination(Some("AZH-2026-999999"))).await);
    assert_eq!(f, "card_number");
    assert!(reason.contains("no Ata zholy card"), "{reason}");
    assert_eq!(
        field(paryz::nominate(db, &coord, 2027, "shape", &nomination(Some("AZH-26-1"))).await).0,
        "card_number"
    );
    // A cancelled card.
    let (card, permit) = issue_card(db, 2).await;
    permits::cancel(
        db,
        &Actor::cli(),
        &Viewer::Admin,
        &Policy::kz().unwrap(),
        permit,
        CancellationGround::HolderRequest,
        "left for good",
        TODAY,
    )
    .await
    .unwrap();
    let (f, reason) = field(paryz::nominate(db, &coord, 2027, "cancelled", &nomination(Some(&card))).await);
    assert_eq!(f, "card_number");
    assert!(reason.contains("cancelled"), "{reason}");
    // A year not opened.
    assert!(matches!(
        paryz::nominate(db, &coord, 2030, "no-year", &nomination(None)).await,
        Err(StoreError::NotFound { .. })
    ));
    // Nothing refused was stored.
    let (_, all) = paryz::year(db, &coord, 2027, Audience::Staff).await.unwrap();
    assert!(all.is_empty());
}

async fn never_more_winners_than_prizes(db: &Db) {
    let policy = Policy::kz().unwrap();
    let prizes = paryz::prizes(&policy, TODAY).unwrap();
    assert_eq!(prizes, 3);
    let admin = Actor::cli();
    paryz::open_year(db, &admin, 2028).await.unwrap();
    let mut ids = Vec::new();
    for i in 0..12 {
        ids.push(paryz::nominate(db, &admin, 2028, &format!("w-{i}"), &nomination(None)).await.unwrap().0.id);
    }
    paryz::move_year(db, &admin, &policy, 2028, YearMove::Close, TODAY).await.unwrap();
    // Twelve decisions of "winner" at once: exactly three go through.
    let mut tasks = Vec::new();
    for id in ids.clone() {
        let (db, policy, admin) = (db.clone(), policy.clone(), admin.clone());
        tasks.push(tokio::spawn(async move {
            paryz::decide(&db, &admin, &policy, id, Verdict::Winner, "outstanding", TODAY).await
        }));
    }
    let mut won = 0;
    for t in tasks {
        match t.await.unwrap() {
            Ok(n) => {
                assert_eq!(n.verdict, Some(Verdict::Winner));
                won += 1;
            }
            Err(StoreError::Refused(t)) => assert!(t.english.contains("prizes"), "{t}"),
            Err(e) => panic!("{e}"),
        }
    }
    assert_eq!(won, 3);
    let (_, all) = paryz::year(db, &admin, 2028, Audience::Staff).await.unwrap();
    assert_eq!(all.iter().filter(|n| n.verdict == Some(Verdict::Winner)).count(), 3);
    // A winner changed to shortlisted frees a prize for another.
    let first = all[0].id;
    let other = all.iter().find(|n| n.verdict.is_none()).unwrap().id;
    refused(paryz::decide(db, &admin, &policy, other, Verdict::Winner, "also", TODAY).await);
    paryz::decide(db, &admin, &policy, first, Verdict::Shortlisted, "on reflection", TODAY).await.unwrap();
    paryz::decide(db, &admin, &policy, other, Verdict::Winner, "also", TODAY).await.unwrap();
    // Re-deciding a winner as winner takes no second prize.
    paryz::decide(db, &admin, &policy, other, Verdict::Winner, "confirmed", TODAY).await.unwrap();
}

both_backends!(a_year_from_open_to_published, nominations_are_checked, never_more_winners_than_prizes);
