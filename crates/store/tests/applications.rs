//! Stored applications on both backends: a batch is written whole with one audit record, a
//! re-submission changes nothing, a used reference with different facts refuses the batch.

use ashyq_store::applications::{self, NewApplication};
use ashyq_store::error::StoreError;
use ashyq_store::{Actor, Db, audit, both_backends};

both_backends!(a_batch_is_stored_once_and_a_conflicting_reference_refuses_it_all);

fn app(reference: &str, facts: &str) -> NewApplication {
    NewApplication {
        reference: reference.into(),
        programme: "refugee".into(),
        applied_on: jiff::civil::date(2026, 3, 6),
        facts: facts.into(),
        outcome: "needs_officer".into(),
        policy_edition: "2026-11".into(),
    }
}

const FACTS: &str =
    r#"{"arrival_date":"2026-03-01","grounds":["religion"],"delay_reason":null,"exclusion_grounds":false}"#;

async fn a_batch_is_stored_once_and_a_conflicting_reference_refuses_it_all(db: &Db) {
    let actor = Actor { username: "officer-1".into(), ..Actor::cli() };
    let done = applications::submit(db, &actor, &[app("R-1", FACTS), app("R-2", FACTS)]).await.unwrap();
    assert_eq!((done.inserted, done.unchanged), (2, 0));
    // The same again, with the keys of the JSON in another order: unchanged, no audit record.
    let reordered = r#"{"grounds":["religion"],"arrival_date":"2026-03-01","exclusion_grounds":false,"delay_reason":null}"#;
    let done = applications::submit(db, &actor, &[app("R-1", reordered)]).await.unwrap();
    assert_eq!((done.inserted, done.unchanged), (0, 1));
    // A new one and a conflicting one in one batch: nothing of it is written.
    let other = FACTS.replace("religion", "race");
    let e = applications::submit(db, &actor, &[app("R-3", FACTS), app("R-2", &other)]).await.unwrap_err();
    assert!(matches!(&e, StoreError::Field { field, .. } if field == "[1].reference"), "{e}");
    assert_eq!(applications::count(db).await.unwrap(), 2);
    let all = applications::all(db).await.unwrap();
    assert_eq!(all.iter().map(|a| a.reference.as_str()).collect::<Vec<_>>(), ["R-1", "R-2"]);
    assert_eq!(all[0].facts["grounds"][0], "religion");
    assert_eq!(all[0].created_by, "officer-1");
    let records = audit::tail(db, 10).await.unwrap();
    assert_eq!(records.iter().filter(|r| r.action == "applications.submit").count(), 1);
}
