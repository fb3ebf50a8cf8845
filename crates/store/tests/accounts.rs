//! Accounts, sessions, tokens and the login rate limit, on both backends.

use ashyq_core::Role;

#[path = "accounts/notices.rs"]
mod notices;
use ashyq_store::throttle::{MAX_PER_IP, MAX_PER_USERNAME, MAX_SIGNUPS_PER_IP};
use ashyq_store::users::{self, LoginError, NewUser, SignUpError};
use ashyq_store::{Actor, Db, StoreError, audit, both_backends, sessions, tokens};

const RIGHT: &str = "a long enough password";

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
    for _ in 0..MAX_PER_USERNAME {
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

/// How a set of simultaneous login attempts ended.
#[derive(Debug, Default)]
struct Outcomes {
    ok: usize,
    wrong: usize,
    throttled: usize,
}

impl Outcomes {
    fn of(results: Vec<Result<users::User, LoginError>>) -> Outcomes {
        let mut o = Outcomes::default();
        for r in results {
            match r {
                Ok(_) => o.ok += 1,
                Err(LoginError::InvalidCredentials) => o.wrong += 1,
                Err(LoginError::Throttled(t)) => {
                    assert!(t.retry_after_secs > 0 && t.retry_after_secs <= 900, "{t}");
                    o.throttled += 1
                }
                Err(e) => panic!("a login failed: {e}"),
            }
        }
        o
    }

    /// Attempts whose password was checked.
    fn checked(&self) -> usize {
        self.ok + self.wrong
    }
}

/// Starts every `(username, password, ip)` login at once and waits for them all.
async fn log_in_at_once(db: &Db, attempts: Vec<(String, String, String)>) -> Outcomes {
    let tasks: Vec<_> = attempts
        .into_iter()
        .map(|(name, password, ip)| {
            let db = db.clone();
            tokio::spawn(async move { users::authenticate(&db, "r", &name, &password, &ip).await })
        })
        .collect();
    let mut results = Vec::new();
    for t in tasks {
        results.push(t.await.expect("a login task"));
    }
    Outcomes::of(results)
}

fn audited(log: &[ashyq_core::audit::AuditRecord], action: &str) -> usize {
    log.iter().filter(|r| r.action == action).count()
}

/// 40 guesses at one account at the same moment, each from its own address: the limit holds.
async fn simultaneous_guesses_at_one_account_are_limited(db: &Db) {
    let cli = Actor::cli();
    let max = MAX_PER_USERNAME as usize;

    // All wrong: exactly the limit is checked, and then the right password is refused too.
    let u = users::create(db, &cli, new_user("target.one", Role::Officer, None)).await.unwrap();
    let wrong =
        (0..40).map(|i| ("target.one".into(), format!("wrong guess number {i}"), format!("10.1.0.{i}")));
    let o = log_in_at_once(db, wrong.collect()).await;
    assert_eq!((o.ok, o.wrong, o.throttled), (0, max, 40 - max), "{o:?}");
    let late = users::authenticate(db, "r", "target.one", RIGHT, "10.1.1.1").await.unwrap_err();
    assert!(matches!(late, LoginError::Throttled(_)), "the right password after the limit: {late}");
    let log = audit::for_object(db, "user", &u.id.to_string()).await.unwrap();
    assert_eq!(audited(&log, "session.login_failed"), max);
    assert_eq!(audited(&log, "session.login"), 0);

    // One right among 39 wrong. The right one either was among the first checked (and then its
    // success starts the count again, as a login does) or is refused like the rest.
    let u = users::create(db, &cli, new_user("target.two", Role::Officer, None)).await.unwrap();
    let guesses = (0..40).map(|i| {
        let password = if i == 20 { RIGHT.to_string() } else { format!("wrong guess number {i}") };
        ("target.two".to_string(), password, format!("10.2.0.{i}"))
    });
    let o = log_in_at_once(db, guesses.collect()).await;
    assert_eq!(o.checked() + o.throttled, 40);
    if o.ok == 0 {
        assert_eq!(o.wrong, max, "{o:?}");
        let late = users::authenticate(db, "r", "target.two", RIGHT, "10.2.1.1").await.unwrap_err();
        assert!(matches!(late, LoginError::Throttled(_)), "the right password after the limit: {late}");
    } else {
        // At most max - 1 wrong before it, and max after its success.
        assert!(o.ok == 1 && o.wrong < 2 * max, "{o:?}");
    }
    let log = audit::for_object(db, "user", &u.id.to_string()).await.unwrap();
    assert_eq!(audited(&log, "session.login_failed"), o.wrong);
    assert_eq!(audited(&log, "session.login"), o.ok);
}

/// 100 failed logins from one address at the same moment: no more than its limit are checked.
async fn simultaneous_failures_from_one_address_are_limited(db: &Db) {
    let max = MAX_PER_IP as usize;
    let attempts = (0..100).map(|i| (format!("nobody.{i}"), RIGHT.to_string(), "10.3.0.1".to_string()));
    let o = log_in_at_once(db, attempts.collect()).await;
    assert_eq!((o.ok, o.wrong, o.throttled), (0, max, 100 - max), "{o:?}");
    let failed = audit::tail(db, 1000).await.unwrap();
    assert_eq!(audited(&failed, "session.login_failed"), max);

    // A real account from that address is refused now too; from another address it logs in.
    users::create(db, &Actor::cli(), new_user("office.worker", Role::Analyst, None)).await.unwrap();
    let err = users::authenticate(db, "r", "office.worker", RIGHT, "10.3.0.1").await.unwrap_err();
    assert!(matches!(err, LoginError::Throttled(_)), "{err}");
    assert!(users::authenticate(db, "r", "office.worker", RIGHT, "10.3.0.2").await.is_ok());
}

/// Successful logins give their count back: an office's address does not run out because its
/// people log in, only because of failures.
async fn successful_logins_do_not_use_up_the_address(db: &Db) {
    users::create(db, &Actor::cli(), new_user("busy.clerk", Role::Analyst, None)).await.unwrap();
    for i in 0..MAX_PER_IP - 1 {
        let err = users::authenticate(db, "r", &format!("nobody.{i}"), RIGHT, "10.4.0.1").await.unwrap_err();
        assert!(matches!(err, LoginError::InvalidCredentials), "{err}");
    }
    for _ in 0..3 {
        let ok = users::authenticate(db, "r", "busy.clerk", RIGHT, "10.4.0.1").await;
        assert!(ok.is_ok(), "a right password from an address with room for one more failure");
    }
    let err = users::authenticate(db, "r", "nobody.x", RIGHT, "10.4.0.1").await.unwrap_err();
    assert!(matches!(err, LoginError::InvalidCredentials), "the last failure still has room: {err}");
    let err = users::authenticate(db, "r", "busy.clerk", RIGHT, "10.4.0.1").await.unwrap_err();
    assert!(matches!(err, LoginError::Throttled(_)), "now the address has used up its failures: {err}");
}

/// 40 sign-ups from one address at the same moment: no more than its limit get to the hashing.
async fn simultaneous_sign_ups_from_one_address_are_limited(db: &Db) {
    let tasks: Vec<_> = (0..40)
        .map(|i| {
            let db = db.clone();
            tokio::spawn(async move {
                let contact = ashyq_store::contacts::NewContact {
                    email: format!("applicant.{i}@example.kz"),
                    ..Default::default()
                };
                users::sign_up(
                    &db,
                    "r",
                    &format!("applicant.{i}"),
                    "An Applicant",
                    RIGHT,
                    &contact,
                    "10.5.0.1",
                )
                .await
            })
        })
        .collect();
    let (mut made, mut throttled) = (0, 0);
    for t in tasks {
        match t.await.unwrap() {
            Ok(_) => made += 1,
            Err(SignUpError::Throttled(_)) => throttled += 1,
            Err(e) => panic!("a sign-up failed: {e}"),
        }
    }
    assert_eq!((made, throttled), (MAX_SIGNUPS_PER_IP as usize, 40 - MAX_SIGNUPS_PER_IP as usize));
    assert_eq!(users::list(db).await.unwrap().len(), MAX_SIGNUPS_PER_IP as usize);
}

/// Checking the current password before a change counts like a login: a session in the wrong
/// hands cannot guess the password at speed, even with simultaneous requests.
async fn password_checks_before_a_change_are_limited(db: &Db) {
    let u = users::create(db, &Actor::cli(), new_user("changer", Role::Analyst, None)).await.unwrap();
    assert!(users::check_password(db, u.id, RIGHT, "10.6.0.1").await.unwrap());
    let tasks: Vec<_> = (0..40)
        .map(|i| {
            let db = db.clone();
            tokio::spawn(async move {
                users::check_password(&db, u.id, &format!("wrong guess number {i}"), "10.6.0.1").await
            })
        })
        .collect();
    let (mut wrong, mut throttled) = (0, 0);
    for t in tasks {
        match t.await.unwrap() {
            Ok(false) => wrong += 1,
            Err(LoginError::Throttled(_)) => throttled += 1,
            other => panic!("unexpected: {other:?}"),
        }
    }
    assert_eq!((wrong, throttled), (MAX_PER_USERNAME as usize, 40 - MAX_PER_USERNAME as usize));
    let err = users::check_password(db, u.id, RIGHT, "10.6.0.1").await.unwrap_err();
    assert!(matches!(err, LoginError::Throttled(_)), "{err}");
    let err = users::authenticate(db, "r", "changer", RIGHT, "10.6.0.2").await.unwrap_err();
    assert!(matches!(err, LoginError::Throttled(_)), "the login is refused as well: {err}");
}

/// 10,000 letters that do not compress (PostgreSQL compresses a long key before indexing it).
fn random_letters(seed: u64) -> String {
    let mut x = seed | 1;
    (0..10_000)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            char::from(b'a' + ((x >> 33) % 26) as u8)
        })
        .collect()
}

/// A username no account can have (10,000 characters: more than an index entry of PostgreSQL
/// holds) is counted like any other, under its hash.
async fn odd_usernames_are_counted_too(db: &Db) {
    let long = random_letters(7);
    for i in 0..MAX_PER_USERNAME {
        let err = users::authenticate(db, "r", &long, RIGHT, &format!("10.7.0.{i}")).await.unwrap_err();
        assert!(matches!(err, LoginError::InvalidCredentials), "{err}");
    }
    let err = users::authenticate(db, "r", &long, RIGHT, "10.7.1.1").await.unwrap_err();
    assert!(matches!(err, LoginError::Throttled(_)), "{err}");
    // Another long name is another key.
    let other = random_letters(11);
    let err = users::authenticate(db, "r", &other, RIGHT, "10.7.1.2").await.unwrap_err();
    assert!(matches!(err, LoginError::InvalidCredentials), "{err}");
}

/// A counter whose window ended counts from 1 again, and ended counters are removed as new
/// attempts arrive.
async fn ended_windows_start_again_and_are_purged(db: &Db) {
    let ended = ashyq_store::now_us() - (ashyq_store::throttle::WINDOW_SECS + 60) * 1_000_000;
    for subject in ["user:stale", "user:gone", "ip:10.8.0.1"] {
        sqlx::query("INSERT INTO login_limits (subject, window_start_us, attempts) VALUES ($1, $2, 99)")
            .bind(subject)
            .bind(ended)
            .execute(&db.pool)
            .await
            .unwrap();
    }
    let err = users::authenticate(db, "r", "stale", RIGHT, "10.8.0.1").await.unwrap_err();
    assert!(matches!(err, LoginError::InvalidCredentials), "an ended window does not refuse: {err}");
    let rows: Vec<(String, i64)> =
        sqlx::query_as("SELECT subject, attempts FROM login_limits ORDER BY subject")
            .fetch_all(&db.pool)
            .await
            .unwrap();
    assert_eq!(rows, [("ip:10.8.0.1".to_string(), 1), ("user:stale".to_string(), 1)]);
}

both_backends!(
    ended_windows_start_again_and_are_purged,
    odd_usernames_are_counted_too,
    simultaneous_guesses_at_one_account_are_limited,
    simultaneous_failures_from_one_address_are_limited,
    successful_logins_do_not_use_up_the_address,
    simultaneous_sign_ups_from_one_address_are_limited,
    password_checks_before_a_change_are_limited,
    nobody_disables_their_own_account,
    users_are_created_checked_and_unique,
    login_checks_password_and_state,
    login_is_rate_limited,
    sessions_live_expire_and_end,
    api_tokens_authenticate_until_revoked,
);
