//! Contact details, one-time links and the outbox of notifications, on both backends.

use ashyq_core::Role;
use ashyq_store::contacts::{self, NewContact};
use ashyq_store::notifications::{self, Kind, Notice, outbox};
use ashyq_store::users;
use ashyq_store::{Actor, Db, StoreError, audit, both_backends, sessions, throttle};
use sqlx::Row;

async fn applicant(db: &Db, name: &str, email: &str) -> users::User {
    let contact =
        NewContact { email: email.into(), phone: "8 701 234 56 78".into(), language: Some("ru".into()) };
    users::sign_up(
        db,
        "req-signup",
        name,
        "Айгерим Нурланова",
        "a long enough password",
        &contact,
        &format!("10.9.{}.1", name.len()),
    )
    .await
    .expect("sign-up")
}

/// The one-time link's token of the account's newest notification of `kind`, as the outbox
/// keeps it until it is sent.
async fn secret(db: &Db, user_id: i64, kind: Kind) -> Option<String> {
    sqlx::query("SELECT secret FROM notifications WHERE user_id = $1 AND kind = $2 ORDER BY id DESC")
        .bind(user_id)
        .bind(kind.as_str())
        .fetch_optional(&db.pool)
        .await
        .unwrap()
        .and_then(|r| r.try_get::<Option<String>, _>("secret").unwrap())
}

async fn verified(db: &Db, name: &str, email: &str) -> users::User {
    let user = applicant(db, name, email).await;
    let token = secret(db, user.id, Kind::EmailVerify).await.expect("a verification link");
    contacts::verify_email(db, "req-verify", &token).await.expect("verified");
    user
}

async fn sign_up_mails_a_verification_link_kept_only_hashed(db: &Db) {
    let user = applicant(db, "aigerim", "Aigerim@Mail.KZ").await;
    let c = contacts::of(db, user.id).await.unwrap();
    assert_eq!(c.email.as_deref(), Some("Aigerim@mail.kz"));
    assert_eq!(c.phone.as_deref(), Some("+77012345678"));
    assert_eq!(c.language.as_deref(), Some("ru"));
    assert!(!c.email_verified);
    let token = secret(db, user.id, Kind::EmailVerify).await.expect("the link waits in the outbox");
    let stored: Vec<String> = sqlx::query("SELECT token_hash FROM account_tokens WHERE user_id = $1")
        .bind(user.id)
        .fetch_all(&db.pool)
        .await
        .unwrap()
        .iter()
        .map(|r| r.try_get("token_hash").unwrap())
        .collect();
    assert_eq!(stored, [ashyq_store::secret::token_hash(&token)], "only the hash is kept");
    // The sender takes it for the address it verifies, though that address is not verified.
    let due = outbox::claim(db, 10, std::time::Duration::from_secs(60)).await.unwrap();
    let mine: Vec<_> = due.iter().filter(|d| d.user_id == user.id).collect();
    assert_eq!(mine.len(), 1);
    assert_eq!(mine[0].to, "Aigerim@mail.kz");
    assert_eq!(mine[0].language.as_deref(), Some("ru"));
    outbox::sent(db, mine[0].id, &mine[0].to).await.unwrap();
    assert_eq!(secret(db, user.id, Kind::EmailVerify).await, None, "the token is forgotten once sent");
    let back = contacts::verify_email(db, "req-verify", &token).await.unwrap();
    assert_eq!(back.id, user.id);
    assert!(contacts::of(db, user.id).await.unwrap().email_verified);
    // A link serves once; the refusal is audited.
    let again = contacts::verify_email(db, "req-again", &token).await;
    assert!(matches!(again, Err(StoreError::NotFound { .. })), "{again:?}");
    let log = audit::tail(db, 20).await.unwrap();
    assert!(log.iter().any(|r| r.action == "account.email_verified" && r.object_id == user.id.to_string()));
    assert!(log.iter().any(|r| r.action == "account.link_refused" && r.request_id == "req-again"));
}

async fn a_new_address_must_be_verified_again(db: &Db) {
    let user = verified(db, "bakhyt", "bakhyt@example.kz").await;
    let actor = Actor {
        user_id: Some(user.id),
        username: user.username.clone(),
        role: Role::Applicant,
        request_id: "r".into(),
    };
    // Other details alone keep the verification.
    let same =
        NewContact { email: "bakhyt@example.kz".into(), phone: String::new(), language: Some("kk".into()) };
    let c = contacts::update(db, &actor, user.id, &same).await.unwrap();
    assert!(c.email_verified);
    assert_eq!(c.phone, None);
    let old_link = secret(db, user.id, Kind::EmailVerify).await;
    let moved = NewContact { email: "b.asanov@example.kz".into(), ..same };
    let c = contacts::update(db, &actor, user.id, &moved).await.unwrap();
    assert!(!c.email_verified, "a new address is unverified");
    let new_link = secret(db, user.id, Kind::EmailVerify).await.expect("a link to the new address");
    assert_ne!(Some(new_link.clone()), old_link);
    // While unverified, a notification has nowhere to go: kept in the application only.
    let mut tx = db.begin_write().await.unwrap();
    let notice = Notice {
        user_id: user.id,
        kind: Kind::Decision,
        subject_type: "case",
        subject_id: "1".into(),
        args: serde_json::json!({"reference": "R-1", "outcome": "approved", "reason": "ok"}),
        dedupe_key: format!("test:decision:{}", user.id),
    };
    assert!(notifications::enqueue(&mut tx, &notice).await.unwrap());
    assert!(!notifications::enqueue(&mut tx, &notice).await.unwrap(), "the same event is told once");
    tx.commit().await.unwrap();
    let due = outbox::claim(db, 50, std::time::Duration::from_secs(60)).await.unwrap();
    assert!(due.iter().all(|d| d.kind != Kind::Decision || d.user_id != user.id));
    let mine = notifications::of_user(db, user.id, 10, 0).await.unwrap();
    let decision = mine.iter().find(|n| n.kind == Kind::Decision).unwrap();
    assert_eq!(decision.state, notifications::State::Unaddressed);
    // Verifying the new address sends what was kept.
    contacts::verify_email(db, "r", &new_link).await.unwrap();
    let due = outbox::claim(db, 50, std::time::Duration::from_secs(60)).await.unwrap();
    let d = due
        .iter()
        .find(|d| d.kind == Kind::Decision && d.user_id == user.id)
        .expect("mailed after verification");
    assert_eq!(d.to, "b.asanov@example.kz");
    // Bad details are refused naming the field.
    let bad = NewContact { email: "not an address".into(), ..Default::default() };
    assert!(matches!(contacts::update(db, &actor, user.id, &bad).await, Err(StoreError::Invalid(_))));
}

async fn two_senders_never_take_one_notification(db: &Db) {
    let user = verified(db, "sender.test", "sender@example.kz").await;
    let mut tx = db.begin_write().await.unwrap();
    for i in 0..40 {
        let notice = Notice {
            user_id: user.id,
            kind: Kind::InfoRequested,
            subject_type: "case",
            subject_id: i.to_string(),
            args: serde_json::json!({"reference": format!("R-{i}")}),
            dedupe_key: format!("race:{i}"),
        };
        notifications::enqueue(&mut tx, &notice).await.unwrap();
    }
    tx.commit().await.unwrap();
    let senders: Vec<_> = (0..4)
        .map(|_| {
            let db = db.clone();
            tokio::spawn(async move {
                let mut mine = Vec::new();
                loop {
                    let due = outbox::claim(&db, 3, std::time::Duration::from_secs(60)).await.unwrap();
                    if due.is_empty() {
                        return mine;
                    }
                    for d in due {
                        outbox::sent(&db, d.id, &d.to).await.unwrap();
                        if d.kind == Kind::InfoRequested {
                            mine.push(d.id);
                        }
                    }
                }
            })
        })
        .collect();
    let mut all = Vec::new();
    for s in senders {
        all.extend(s.await.unwrap());
    }
    let n = all.len();
    all.sort_unstable();
    all.dedup();
    assert_eq!(all.len(), n, "a notification was taken by two senders");
    assert_eq!(n, 40, "every notification was sent");
}

async fn a_failure_is_tried_again_later_and_a_refusal_never(db: &Db) {
    let user = verified(db, "retry.test", "retry@example.kz").await;
    let mut tx = db.begin_write().await.unwrap();
    for i in 0..2 {
        let notice = Notice {
            user_id: user.id,
            kind: Kind::RenewalDue,
            subject_type: "permit",
            subject_id: i.to_string(),
            args: serde_json::json!({"number": format!("P-{i}")}),
            dedupe_key: format!("retry:{i}"),
        };
        notifications::enqueue(&mut tx, &notice).await.unwrap();
    }
    tx.commit().await.unwrap();
    let due = outbox::claim(db, 10, std::time::Duration::from_secs(60)).await.unwrap();
    let due: Vec<_> = due.into_iter().filter(|d| d.kind == Kind::RenewalDue).collect();
    assert_eq!(due.len(), 2);
    // Taken and not settled: nobody else takes them while the lease runs.
    assert!(
        outbox::claim(db, 10, std::time::Duration::from_secs(60))
            .await
            .unwrap()
            .iter()
            .all(|d| d.kind != Kind::RenewalDue)
    );
    let later = jiff::Timestamp::now() + jiff::SignedDuration::from_hours(1);
    outbox::retry(db, due[0].id, "connection refused", later).await.unwrap();
    outbox::failed(db, due[1].id, "550 no such user").await.unwrap();
    assert!(
        outbox::claim(db, 10, std::time::Duration::from_secs(60))
            .await
            .unwrap()
            .iter()
            .all(|d| d.kind != Kind::RenewalDue)
    );
    // When its time comes, the failed try is taken again, counted.
    sqlx::query("UPDATE notifications SET next_attempt_at_us = 0 WHERE id = $1")
        .bind(due[0].id)
        .execute(&db.pool)
        .await
        .unwrap();
    let again = outbox::claim(db, 10, std::time::Duration::from_secs(60)).await.unwrap();
    let d = again.iter().find(|d| d.id == due[0].id).expect("tried again");
    assert_eq!(d.attempts, 1);
    let mine = notifications::of_user(db, user.id, 50, 0).await.unwrap();
    let refused = mine.iter().find(|n| n.id == due[1].id).unwrap();
    assert_eq!(refused.state, notifications::State::Failed);
}

async fn a_reset_link_serves_once_and_ends_every_session(db: &Db) {
    let user = verified(db, "dana", "dana@example.kz").await;
    let (cookie, _) = sessions::create(db, &user, 3600).await.unwrap();
    // Unknown logins are answered the same, and nothing is sent.
    contacts::request_reset(db, "r0", "10.1.1.1", "nobody@example.kz").await.unwrap();
    contacts::request_reset(db, "r1", "10.1.1.1", "DANA@example.kz").await.unwrap();
    let token = secret(db, user.id, Kind::PasswordReset).await.expect("a reset link");
    assert!(contacts::link_account(db, "reset", &token).await.unwrap().is_some());
    // A password the policy refuses leaves the link live.
    let weak = contacts::reset_password(db, "r2", &token, "short").await;
    assert!(matches!(weak, Err(StoreError::Invalid(_))), "{weak:?}");
    // Two uses at the same moment: one sets the password.
    let tries: Vec<_> = (0..2)
        .map(|i| {
            let (db, token) = (db.clone(), token.clone());
            tokio::spawn(async move {
                contacts::reset_password(&db, &format!("race-{i}"), &token, "another long passphrase").await
            })
        })
        .collect();
    let mut ok = 0;
    for t in tries {
        match t.await.unwrap() {
            Ok(_) => ok += 1,
            Err(StoreError::NotFound { .. }) => {}
            Err(e) => panic!("{e}"),
        }
    }
    assert_eq!(ok, 1, "a reset link serves once");
    assert!(sessions::lookup(db, &cookie).await.unwrap().is_none(), "every session ended");
    assert!(users::authenticate(db, "r3", "dana", "another long passphrase", "10.1.1.1").await.is_ok());
    let log = audit::for_object(db, "user", &user.id.to_string()).await.unwrap();
    assert!(log.iter().any(|r| r.action == "account.reset_requested"));
    assert!(log.iter().any(|r| r.action == "account.password_reset"));
    // An expired link does not serve.
    contacts::request_reset(db, "r4", "10.1.1.1", "dana").await.unwrap();
    let expiring = secret(db, user.id, Kind::PasswordReset).await.unwrap();
    sqlx::query("UPDATE account_tokens SET expires_at_us = 1 WHERE user_id = $1")
        .bind(user.id)
        .execute(&db.pool)
        .await
        .unwrap();
    assert!(contacts::link_account(db, "reset", &expiring).await.unwrap().is_none());
    assert!(matches!(
        contacts::reset_password(db, "r5", &expiring, "yet another passphrase").await,
        Err(StoreError::NotFound { .. })
    ));
}

async fn reset_links_are_throttled(db: &Db) {
    let user = verified(db, "erlan", "erlan@example.kz").await;
    for i in 0..(contacts::MAX_RESETS_PER_ACCOUNT + 2) {
        contacts::request_reset(db, "r", &format!("10.2.0.{i}"), "erlan").await.unwrap();
    }
    let links: i64 =
        sqlx::query("SELECT COUNT(*) AS n FROM account_tokens WHERE user_id = $1 AND purpose = 'reset'")
            .bind(user.id)
            .fetch_one(&db.pool)
            .await
            .unwrap()
            .try_get("n")
            .unwrap();
    assert_eq!(links, contacts::MAX_RESETS_PER_ACCOUNT, "past the account's limit nothing more is sent");
    for _ in 0..contacts::MAX_RESETS_PER_IP {
        contacts::request_reset(db, "r", "10.3.3.3", "someone").await.unwrap();
    }
    match contacts::request_reset(db, "r", "10.3.3.3", "someone").await {
        Err(contacts::LinkError::Throttled(t)) => {
            assert!(t.retry_after_secs > 0 && t.retry_after_secs <= throttle::WINDOW_SECS)
        }
        other => panic!("expected throttled, got {other:?}"),
    }
}

both_backends!(
    sign_up_mails_a_verification_link_kept_only_hashed,
    a_new_address_must_be_verified_again,
    two_senders_never_take_one_notification,
    a_failure_is_tried_again_later_and_a_refusal_never,
    a_reset_link_serves_once_and_ends_every_session,
    reset_links_are_throttled,
);
