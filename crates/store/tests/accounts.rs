//! Accounts, sessions, tokens and the login rate limit, on both backends.

use ashyq_core::Role;
use ashyq_store::users::{self, LoginError, NewUser};
use ashyq_store::{Actor, Db, StoreError, audit, both_backends, sessions, tokens};

fn new_user(username: &str, role: Role, region: Option<&str>) -> NewUser {
    NewUser {
        username: username.into(),
        display_name: format!("Test {username}"),
        role,
        region: region.map(Into::into),
        password: "a long enough password".into(),
    }
}

async fn users_are_created_checked_and_unique(db: &Db) {
    let cli = Actor::cli();
    let u = users::create(db, &cli, new_user(" Officer.One ", Role::Officer, Some("kz-75"))).await.unwrap();
    assert_eq!(u.username, "officer.one");
    assert_eq!(u.region.as_deref(), Some("KZ-75"));
    assert!(!u.disabled);
    assert_eq!(users::get(db, u.id).await.unwrap(), u);
    assert_eq!(users::by_username(db, "OFFICER.ONE").await.unwrap(), u);

    let dup = users::create(db, &cli, new_user("officer.one", Role::Analyst, None)).await.unwrap_err();
    assert!(matches!(dup, StoreError::Conflict { what: "user", .. }), "{dup}");
    let bad = users::create(db, &cli, new_user("analyst", Role::Analyst, Some("KZ-75"))).await.unwrap_err();
    assert!(bad.to_string().contains("region"), "{bad}");
    let mut weak = new_user("weak", Role::Applicant, None);
    weak.password = "short".into();
    assert!(users::create(db, &cli, weak).await.unwrap_err().to_string().contains("password"));
    assert!(matches!(users::get(db, 9999).await, Err(StoreError::NotFound { .. })));

    let all = users::list(db).await.unwrap();
    assert_eq!(all.iter().map(|u| u.username.as_str()).collect::<Vec<_>>(), vec!["officer.one"]);
    // Only the successful creation was audited, by the command line.
    let log = audit::for_object(db, "user", &u.id.to_string()).await.unwrap();
    assert_eq!(log.len(), 1);
    assert_eq!((log[0].action.as_str(), log[0].actor.as_str()), ("user.create", "cli"));
    assert!(!log[0].detail.contains("password"));
}

async fn login_checks_password_and_state(db: &Db) {
    let cli = Actor::cli();
    let u = users::create(db, &cli, new_user("border1", Role::Border, None)).await.unwrap();
    let ok = users::authenticate(db, "r1", "Border1", "a long enough password", "10.0.0.1").await.unwrap();
    assert_eq!(ok.id, u.id);
    for (name, pw) in [("border1", "wrong password!!"), ("nobody", "a long enough password")] {
        let err = users::authenticate(db, "r2", name, pw, "10.0.0.1").await.unwrap_err();
        assert!(matches!(err, LoginError::InvalidCredentials), "{err}");
    }
    users::set_disabled(db, &cli, u.id, true).await.unwrap();
    let err =
        users::authenticate(db, "r3", "border1", "a long enough password", "10.0.0.1").await.unwrap_err();
    assert!(matches!(err, LoginError::InvalidCredentials), "a disabled account cannot log in");
    let log = audit::for_object(db, "user", &u.id.to_string()).await.unwrap();
    let actions: Vec<&str> = log.iter().map(|r| r.action.as_str()).collect();
    assert_eq!(
        actions,
        ["user.create", "session.login", "session.login_failed", "user.disable", "session.login_failed"]
    );
    assert!(log[4].detail.contains("disabled"));
}

async fn login_is_rate_limited(db: &Db) {
    let cli = Actor::cli();
    users::create(db, &cli, new_user("analyst1", Role::Analyst, None)).await.unwrap();
    for _ in 0..ashyq_store::throttle::MAX_PER_USERNAME {
        let err = users::authenticate(db, "r", "analyst1", "not the password", "10.0.0.2").await.unwrap_err();
        assert!(matches!(err, LoginError::InvalidCredentials));
    }
    // Now even the right password is refused for a while, with a time to wait.
    let err =
        users::authenticate(db, "r", "analyst1", "a long enough password", "10.0.0.3").await.unwrap_err();
    match err {
        LoginError::Throttled(t) => assert!(t.retry_after_secs > 0 && t.retry_after_secs <= 900),
        other => panic!("expected throttling, got {other}"),
    }
}

async fn sessions_live_expire_and_end(db: &Db) {
    let cli = Actor::cli();
    let u = users::create(db, &cli, new_user("coord1", Role::Coordinator, Some("KZ-71"))).await.unwrap();
    let (token, s) = sessions::create(db, &u, 3600).await.unwrap();
    let found = sessions::lookup(db, &token).await.unwrap().expect("a live session");
    assert_eq!((found.user.id, found.csrf_token.as_str()), (u.id, s.csrf_token.as_str()));
    assert!(sessions::lookup(db, "not a token").await.unwrap().is_none());
    let (expired, _) = sessions::create(db, &u, -1).await.unwrap();
    assert!(sessions::lookup(db, &expired).await.unwrap().is_none(), "an expired session is not live");

    // A password change ends every other session but the one it was made from.
    let (other, _) = sessions::create(db, &u, 3600).await.unwrap();
    users::set_password(db, &cli, u.id, "another long password", Some(&token)).await.unwrap();
    assert!(sessions::lookup(db, &token).await.unwrap().is_some());
    assert!(sessions::lookup(db, &other).await.unwrap().is_none());
    let ok = users::authenticate(db, "r", "coord1", "another long password", "10.0.0.4").await;
    assert!(ok.is_ok());

    let actor =
        Actor { user_id: Some(u.id), username: u.username.clone(), role: u.role, request_id: "r".into() };
    sessions::delete(db, &actor, &token).await.unwrap();
    sessions::delete(db, &actor, &token).await.unwrap();
    assert!(sessions::lookup(db, &token).await.unwrap().is_none());
    let logouts = audit::for_object(db, "user", &u.id.to_string()).await.unwrap();
    assert_eq!(
        logouts.iter().filter(|r| r.action == "session.logout").count(),
        1,
        "logging out twice is one logout"
    );

    // Disabling ends sessions.
    let (live, _) = sessions::create(db, &u, 3600).await.unwrap();
    users::set_disabled(db, &cli, u.id, true).await.unwrap();
    assert!(sessions::lookup(db, &live).await.unwrap().is_none());
    // ...and re-enabling does not bring them back; disabling twice is one change.
    users::set_disabled(db, &cli, u.id, true).await.unwrap();
    users::set_disabled(db, &cli, u.id, false).await.unwrap();
    assert!(sessions::lookup(db, &live).await.unwrap().is_none());
    let log = audit::for_object(db, "user", &u.id.to_string()).await.unwrap();
    assert_eq!(log.iter().filter(|r| r.action == "user.disable").count(), 1);
}

async fn api_tokens_authenticate_until_revoked(db: &Db) {
    let cli = Actor::cli();
    let u = users::create(db, &cli, new_user("api.analyst", Role::Analyst, None)).await.unwrap();
    let (secret, t) = tokens::create(db, &cli, &u, "nightly export", Some(30)).await.unwrap();
    assert!(secret.starts_with(tokens::PREFIX));
    assert_eq!(tokens::authenticate(db, &secret).await.unwrap().map(|u| u.id), Some(u.id));
    assert!(tokens::authenticate(db, "ashyq_forged").await.unwrap().is_none());
    assert!(tokens::authenticate(db, "Bearer nonsense").await.unwrap().is_none());
    assert!(tokens::create(db, &cli, &u, " ", None).await.is_err());
    assert!(tokens::create(db, &cli, &u, "x", Some(0)).await.is_err());
    let listed = tokens::list(db, u.id).await.unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].name, "nightly export");
    tokens::revoke(db, &cli, t.id).await.unwrap();
    assert!(tokens::authenticate(db, &secret).await.unwrap().is_none());
    assert!(tokens::list(db, u.id).await.unwrap()[0].revoked);

    let (secret2, _) = tokens::create(db, &cli, &u, "second", None).await.unwrap();
    users::set_disabled(db, &cli, u.id, true).await.unwrap();
    assert!(tokens::authenticate(db, &secret2).await.unwrap().is_none(), "disabling revokes tokens");
    users::set_disabled(db, &cli, u.id, false).await.unwrap();
    assert!(tokens::authenticate(db, &secret2).await.unwrap().is_none(), "and they stay revoked");
}

async fn nobody_disables_their_own_account(db: &Db) {
    let cli = Actor::cli();
    let admin = users::create(db, &cli, new_user("admin2", Role::Admin, None)).await.unwrap();
    let me = Actor {
        user_id: Some(admin.id),
        username: admin.username.clone(),
        role: Role::Admin,
        request_id: "r".into(),
    };
    let err = users::set_disabled(db, &me, admin.id, true).await.unwrap_err();
    assert!(matches!(err, StoreError::Refused(_)), "{err}");
    assert!(!users::get(db, admin.id).await.unwrap().disabled);
    // Someone else may.
    assert!(users::set_disabled(db, &cli, admin.id, true).await.unwrap().disabled);
}

both_backends!(
    nobody_disables_their_own_account,
    users_are_created_checked_and_unique,
    login_checks_password_and_state,
    login_is_rate_limited,
    sessions_live_expire_and_end,
    api_tokens_authenticate_until_revoked,
);
