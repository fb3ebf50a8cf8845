//! Integration tests of the `ashyq` binary: every command is run as a process, against a SQLite
//! file in a temporary folder and, when `ASHYQ_TEST_POSTGRES_URL` is set, against a fresh
//! PostgreSQL schema.

mod support;

// `ashyq kandas|abroad|paryz` (in tests/cli/, so that it is a module of this binary).
#[path = "cli/batch.rs"]
mod batch;

// The outbox of notifications across a killed server.
#[path = "cli/outbox.rs"]
mod outbox;

// Headless Chromium through ChromeDriver, shared with the server's browser tests.
#[path = "../../server/tests/common/driver.rs"]
#[allow(dead_code)]
mod driver;

// The demo's pages crawled in Kazakh and Russian for words out of place.
#[path = "cli/words.rs"]
mod words;

// The demo's own texts in the language `ashyq demo --language` chose.
#[path = "cli/demo_language.rs"]
mod demo_language;

use ashyq_store::testing::{self, TestDb};
use ashyq_store::{Db, tokens, users};
use serde_json::Value;
use std::path::Path;
use std::time::Duration;
use support::{
    Output, Server, command, form_encode, free_port, http, http_waiting, peak_memory, run, run_in,
    run_in_env, run_stdin,
};

both_backends!(
    users_are_added_listed_disabled_and_enabled,
    tokens_are_created_listed_and_revoked,
    audit_verify_and_tail,
    audit_verify_names_a_tampered_record,
    audit_checkpoints_are_signed_and_verified,
    migrate_says_up_to_date,
);

fn sqlite_url(dir: &Path) -> String {
    format!("sqlite://{}", dir.join("a.db").display())
}

fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temporary folder")
}

/// The help text with every run of white space made one space (clap wraps to the terminal).
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The entries of the "Options:" section of a help text, each flattened to one line, whether
/// clap put the description beside the flag or below it.
fn option_entries(help: &str) -> Vec<String> {
    let mut entries: Vec<String> = Vec::new();
    let mut in_options = false;
    for line in help.lines() {
        if line.trim_end() == "Options:" {
            in_options = true;
            continue;
        }
        if !in_options || line.trim().is_empty() {
            continue;
        }
        let indent = line.len() - line.trim_start().len();
        if indent <= 6 && line.trim_start().starts_with('-') {
            entries.push(line.trim().to_string());
        } else if indent <= 1 {
            // A new section.
            in_options = false;
        } else if let Some(last) = entries.last_mut() {
            last.push(' ');
            last.push_str(line.trim());
        }
    }
    entries.into_iter().map(|e| flat(&e)).collect()
}

fn users_json(url: &str) -> Vec<Value> {
    let out = run(url, &["user", "list", "--json"]).ok();
    match out.json() {
        Value::Array(a) => a,
        other => panic!("user list --json is not an array: {other}"),
    }
}

fn user_json(url: &str, username: &str) -> Value {
    users_json(url)
        .into_iter()
        .find(|u| u["username"] == username)
        .unwrap_or_else(|| panic!("{username} is not in user list --json"))
}

/// The value after `password: ` in a command's output, checking it is printed exactly once.
#[track_caller]
fn printed_password(out: &Output) -> String {
    let lines: Vec<&str> = out.stdout.lines().filter_map(|l| l.strip_prefix("password: ")).collect();
    assert_eq!(lines.len(), 1, "expected one password line:\n{}", out.stdout);
    let pw = lines[0].trim().to_string();
    assert!(pw.len() >= 20, "generated password too short: {pw:?}");
    assert_eq!(out.stdout.matches(pw.as_str()).count(), 1, "the password is printed more than once");
    assert!(!out.stderr.contains(pw.as_str()), "the password is on standard error");
    pw
}

async fn can_log_in(db: &Db, username: &str, password: &str) -> bool {
    users::authenticate(db, "cli-test", username, password, "127.0.0.1").await.is_ok()
}

// ---------------------------------------------------------------------------------------------
// 1. Help
// ---------------------------------------------------------------------------------------------

const SUBCOMMANDS: &[&[&str]] = &[
    &["serve"],
    &["demo"],
    &["migrate"],
    &["user"],
    &["user", "add"],
    &["user", "list"],
    &["user", "disable"],
    &["user", "enable"],
    &["user", "set-password"],
    &["token"],
    &["token", "create"],
    &["token", "list"],
    &["token", "revoke"],
    &["audit"],
    &["audit", "verify"],
    &["audit", "tail"],
    &["audit", "keygen"],
    &["audit", "checkpoint"],
    &["backup"],
    &["restore"],
];

#[test]
fn help_of_every_command() {
    let dir = tempdir();
    let top = run_in(dir.path(), None, &["--help"], None).ok();
    assert!(top.stdout.contains("Usage: ashyq"), "{}", top.stdout);
    let flat_top = flat(&top.stdout);
    for name in ["serve", "demo", "migrate", "user", "token", "audit", "backup", "restore"] {
        assert!(
            top.stdout.lines().any(|l| l.trim_start().starts_with(name)),
            "`ashyq --help` does not list {name}:\n{}",
            top.stdout
        );
    }
    assert!(flat_top.contains("ASHYQ_DATABASE_URL"), "{flat_top}");
    assert!(flat_top.contains("ASHYQ_LOG_FORMAT"), "{flat_top}");

    for path in SUBCOMMANDS {
        let mut args: Vec<&str> = path.to_vec();
        args.push("--help");
        let out = run_in(dir.path(), None, &args, None).ok();
        let usage = format!("Usage: ashyq {}", path.join(" "));
        assert!(
            out.stdout.contains(&usage),
            "`ashyq {} --help` lacks {usage:?}:\n{}",
            path.join(" "),
            out.stdout
        );
        assert!(out.stderr.is_empty(), "{}", out.stderr);
    }
    // Help does not touch a database.
    assert!(!dir.path().join("ashyq-data").exists());

    let version = run_in(dir.path(), None, &["--version"], None).ok();
    assert_eq!(version.stdout.trim(), format!("ashyq {}", env!("CARGO_PKG_VERSION")));
}

#[test]
fn serve_and_demo_help_name_every_flag_and_its_environment_variable() {
    let dir = tempdir();
    for cmd in ["serve", "demo"] {
        let out = run_in(dir.path(), None, &[cmd, "--help"], None).ok();
        let entries = option_entries(&out.stdout);
        let entry = |flag: &str| -> &String {
            entries
                .iter()
                .find(|e| e.starts_with(&format!("{flag} ")) || e.as_str() == flag)
                .unwrap_or_else(|| panic!("`ashyq {cmd} --help` has no {flag}:\n{}", out.stdout))
        };
        for (flag, var) in [
            ("--database-url", "ASHYQ_DATABASE_URL"),
            ("--log-format", "ASHYQ_LOG_FORMAT"),
            ("--addr", "ASHYQ_ADDR"),
            ("--secure-cookies", "ASHYQ_SECURE_COOKIES"),
            ("--trust-proxy", "ASHYQ_TRUST_PROXY"),
            ("--session-hours", "ASHYQ_SESSION_HOURS"),
            ("--checkpoint-dir", "ASHYQ_CHECKPOINT_DIR"),
            ("--checkpoint-key", "ASHYQ_CHECKPOINT_KEY"),
            ("--checkpoint-every", "ASHYQ_CHECKPOINT_EVERY"),
            ("--password-hashers", "ASHYQ_PASSWORD_HASHERS"),
            ("--smtp-url", "ASHYQ_SMTP_URL"),
            ("--mail-from", "ASHYQ_MAIL_FROM"),
            ("--public-url", "ASHYQ_PUBLIC_URL"),
            ("--mail-poll", "ASHYQ_MAIL_POLL"),
            ("--mail-retry", "ASHYQ_MAIL_RETRY"),
        ] {
            let e = entry(flag);
            assert!(
                e.contains(&format!("[env: {var}")),
                "`ashyq {cmd} --help`: {flag} does not name {var}: {e}"
            );
        }
        assert!(entry("--addr").contains("127.0.0.1:8080"));
        assert!(entry("--session-hours").contains("[default: 12]"));
        assert!(entry("--checkpoint-every").contains("[default: 60]"));
    }
}

#[test]
fn bad_arguments_are_refused_by_the_parser() {
    let dir = tempdir();
    let out = run_in(dir.path(), None, &["serve", "--session-hours", "0"], None).code(2);
    assert!(out.stderr.contains("--session-hours"), "{}", out.stderr);
    let out = run_in(dir.path(), None, &["serve", "--password-hashers", "0"], None).code(2);
    assert!(out.stderr.contains("--password-hashers"), "{}", out.stderr);
    let out = run_in(dir.path(), None, &["audit", "tail", "-n", "0"], None).code(2);
    assert!(out.stderr.contains("--count"), "{}", out.stderr);
    let out = run_in(dir.path(), None, &["user", "add", "x"], None).code(2);
    assert!(out.stderr.contains("--role"), "{}", out.stderr);
    run_in(dir.path(), None, &["no-such-command"], None).code(2);
    assert!(!dir.path().join("ashyq-data").exists());
}

#[test]
fn a_database_url_of_another_kind_is_refused() {
    let dir = tempdir();
    run_in(dir.path(), Some("mysql://x/y"), &["user", "list"], None)
        .fails_with(&["mysql://x/y", "sqlite://PATH"]);
}

// ---------------------------------------------------------------------------------------------
// 2. Users
// ---------------------------------------------------------------------------------------------

async fn users_are_added_listed_disabled_and_enabled(t: &TestDb) {
    let url = t.url.as_str();

    // A generated password, printed once.
    let out = run(
        url,
        &["user", "add", "alice", "--role", "officer", "--region", "KZ-75", "--name", "Aigerim Serikbayeva"],
    )
    .ok()
    .stdout_has("created alice (officer, KZ-75)")
    .stdout_has("shown this once");
    let alice_pw = printed_password(&out);
    assert!(can_log_in(&t.db, "alice", &alice_pw).await);

    // A password from standard input, not printed.
    let bob_pw = "correct horse battery staple";
    let out = run_stdin(
        url,
        &["user", "add", "Bob", "--role", "analyst", "--password-stdin"],
        &format!("{bob_pw}\n"),
    )
    .ok()
    .stdout_has("created bob (analyst)");
    assert!(!out.stdout.contains("password:"), "{}", out.stdout);
    assert!(!out.stdout.contains(bob_pw), "{}", out.stdout);
    assert!(can_log_in(&t.db, "bob", bob_pw).await);
    assert!(!can_log_in(&t.db, "bob", "correct horse battery").await);

    // The table.
    let out = run(url, &["user", "list"]).ok();
    let row = |name: &str| -> Vec<String> {
        out.stdout
            .lines()
            .map(|l| l.split_whitespace().map(String::from).collect::<Vec<_>>())
            .find(|cols| cols.get(1).is_some_and(|c| c == name))
            .unwrap_or_else(|| panic!("{name} not in the table:\n{}", out.stdout))
    };
    assert!(out.stdout.lines().next().unwrap().contains("username"));
    assert_eq!(row("alice")[2..], ["officer", "KZ-75", "active", "Aigerim", "Serikbayeva"]);
    // (The display name defaults to the username as typed.)
    assert_eq!(row("bob")[2..5], ["analyst", "-", "active"]);
    assert!(!out.stdout.contains("$argon2"), "a password hash is listed");

    // JSON, sorted by username, without any password hash.
    let all = users_json(url);
    assert_eq!(all.len(), 2, "{all:?}");
    let alice = &all[0];
    assert_eq!(alice["username"], "alice");
    assert_eq!(alice["display_name"], "Aigerim Serikbayeva");
    assert_eq!(alice["role"], "officer");
    assert_eq!(alice["region"], "KZ-75");
    assert_eq!(alice["disabled"], false);
    assert!(alice["id"].is_i64(), "{alice}");
    assert!(alice["created_at_us"].as_i64().is_some_and(|t| t > 0));
    let bob = &all[1];
    assert_eq!(bob["username"], "bob");
    assert_eq!(bob["role"], "analyst");
    assert_eq!(bob["region"], Value::Null);
    for u in &all {
        let keys: Vec<&String> = u.as_object().unwrap().keys().collect();
        assert!(keys.iter().all(|k| !k.contains("password")), "password field in {u}");
    }

    // The same username again, also in other letter case.
    for name in ["alice", "ALICE"] {
        let out =
            run(url, &["user", "add", name, "--role", "admin"]).fails_with(&["already exists", "alice"]);
        assert!(!out.stdout.contains("password:"), "{}", out.stdout);
    }

    // Bad fields, each named.
    run(url, &["user", "add", "carol", "--role", "minister"]).fails_with(&["role", "minister"]);
    run(url, &["user", "add", "carol", "--role", "analyst", "--region", "KZ-75"])
        .fails_with(&["region", "analyst"]);
    run(url, &["user", "add", "carol", "--role", "officer", "--region", "KZ-00"])
        .fails_with(&["region", "KZ-00"]);
    run(url, &["user", "add", "x", "--role", "analyst"]).fails_with(&["username"]);
    run(url, &["user", "add", "carol", "--role", "public"]).fails_with(&["role", "public"]);
    run_stdin(url, &["user", "add", "carol", "--role", "analyst", "--password-stdin"], "short\n")
        .fails_with(&["password", "12"]);
    run_stdin(url, &["user", "add", "carol", "--role", "analyst", "--password-stdin"], "")
        .fails_with(&["password", "standard input"]);
    assert_eq!(users_json(url).len(), 2, "a refused account was created");

    // Disable, then enable.
    run(url, &["user", "disable", "alice"]).ok().stdout_has("disabled alice");
    assert_eq!(user_json(url, "alice")["disabled"], true);
    let out = run(url, &["user", "list"]).ok();
    assert!(out.stdout.lines().any(|l| l.contains(" alice ") && l.contains("disabled")), "{}", out.stdout);
    assert!(!can_log_in(&t.db, "alice", &alice_pw).await, "a disabled account can log in");
    run(url, &["user", "enable", "alice"]).ok().stdout_has("enabled alice");
    assert_eq!(user_json(url, "alice")["disabled"], false);
    assert!(can_log_in(&t.db, "alice", &alice_pw).await);

    // Unknown accounts.
    for cmd in ["disable", "enable", "set-password"] {
        run(url, &["user", cmd, "nobody"]).fails_with(&["nobody", "not found"]);
    }

    // A new password, generated and then from standard input.
    let out = run(url, &["user", "set-password", "bob"]).ok().stdout_has("password set for bob");
    let new_pw = printed_password(&out);
    assert!(can_log_in(&t.db, "bob", &new_pw).await);
    assert!(!can_log_in(&t.db, "bob", bob_pw).await);
    let out =
        run_stdin(url, &["user", "set-password", "bob", "--password-stdin"], "another long passphrase\r\n")
            .ok();
    assert!(!out.stdout.contains("password:"), "{}", out.stdout);
    assert!(can_log_in(&t.db, "bob", "another long passphrase").await);
    run_stdin(url, &["user", "set-password", "bob", "--password-stdin"], "bob\n").fails_with(&["password"]);
    assert!(can_log_in(&t.db, "bob", "another long passphrase").await);
}

#[test]
fn the_database_url_can_come_from_the_environment() {
    let dir = tempdir();
    let url = sqlite_url(dir.path());
    let out = command(dir.path())
        .env("ASHYQ_DATABASE_URL", &url)
        .args(["user", "add", "env.user", "--role", "border"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert!(dir.path().join("a.db").exists());
    assert!(!dir.path().join("ashyq-data").exists());
    assert_eq!(user_json(&url, "env.user")["role"], "border");
}

// ---------------------------------------------------------------------------------------------
// 3. Tokens
// ---------------------------------------------------------------------------------------------

/// The token rows of `token list`: (id, name, the whole line, status).
fn token_rows(url: &str, user: &str) -> Vec<(i64, String, String, String)> {
    let out = run(url, &["token", "list", "--user", user]).ok();
    let mut lines = out.stdout.lines();
    let header = lines.next().expect("a header line");
    assert!(header.contains("status"), "{}", out.stdout);
    lines
        .map(|l| {
            let cols: Vec<&str> = l.split_whitespace().collect();
            (
                cols[0].parse().expect("a token id"),
                cols[1].to_string(),
                l.to_string(),
                cols.last().unwrap().to_string(),
            )
        })
        .collect()
}

async fn tokens_are_created_listed_and_revoked(t: &TestDb) {
    let url = t.url.as_str();
    run(url, &["user", "add", "alice", "--role", "admin"]).ok();

    let out = run(url, &["token", "create", "--user", "alice", "--days", "30"]).ok();
    let mut lines = out.stdout.lines();
    let summary = lines.next().unwrap();
    assert!(summary.contains("for alice (cli)"), "{}", out.stdout);
    let expected = jiff::Timestamp::now()
        .checked_add(jiff::SignedDuration::from_hours(30 * 24))
        .unwrap()
        .strftime("%Y-%m-%d")
        .to_string();
    assert!(summary.contains(&format!("expires {expected}")), "expected an expiry on {expected}: {summary}");
    let id: i64 = summary
        .strip_prefix("token ")
        .and_then(|s| s.split_whitespace().next())
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no token id in {summary:?}"));
    let secret = lines.next().unwrap().trim().to_string();
    assert!(secret.starts_with("ashyq_"), "{secret:?}");
    assert!(secret.len() > 30, "{secret:?}");
    assert!(out.stderr.contains("Bearer"), "{}", out.stderr);
    let who = tokens::authenticate(&t.db, &secret).await.unwrap();
    assert_eq!(who.map(|u| u.username).as_deref(), Some("alice"));

    let out = run(url, &["token", "create", "--user", "alice", "--name", "ci"]).ok();
    let forever = out.stdout.lines().nth(1).unwrap().trim().to_string();
    assert!(!out.stdout.contains("expires"), "{}", out.stdout);

    let rows = token_rows(url, "alice");
    assert_eq!(rows.len(), 2, "{rows:?}");
    let row = rows.iter().find(|r| r.0 == id).expect("the token is listed");
    assert_eq!((row.1.as_str(), row.3.as_str()), ("cli", "live"));
    assert!(row.2.contains(&expected), "{}", row.2);
    let ci = rows.iter().find(|r| r.0 != id).unwrap();
    assert_eq!((ci.1.as_str(), ci.3.as_str()), ("ci", "live"));
    assert!(ci.2.contains("never"), "{}", ci.2);
    // The list never shows a secret.
    let listed = run(url, &["token", "list", "--user", "alice"]).ok().stdout;
    assert!(!listed.contains(&secret) && !listed.contains("ashyq_"), "{listed}");

    run(url, &["token", "revoke", &id.to_string()]).ok().stdout_has(&format!("token {id} revoked"));
    let rows = token_rows(url, "alice");
    assert_eq!(rows.iter().find(|r| r.0 == id).unwrap().3, "revoked");
    assert_eq!(rows.iter().find(|r| r.0 != id).unwrap().3, "live");
    assert!(tokens::authenticate(&t.db, &secret).await.unwrap().is_none());
    assert!(tokens::authenticate(&t.db, &forever).await.unwrap().is_some());

    // Disabling the account revokes the rest.
    run(url, &["user", "disable", "alice"]).ok();
    assert!(token_rows(url, "alice").iter().all(|r| r.3 == "revoked"));

    run(url, &["token", "create", "--user", "nobody"]).fails_with(&["nobody", "not found"]);
    run(url, &["token", "list", "--user", "nobody"]).fails_with(&["nobody", "not found"]);
    run(url, &["token", "create", "--user", "alice", "--days", "0"]).fails_with(&["3650"]);
}

// ---------------------------------------------------------------------------------------------
// 4. Audit
// ---------------------------------------------------------------------------------------------

/// Four audited changes: two accounts, a token, a disabled account.
fn four_audited_changes(url: &str) {
    run(url, &["user", "add", "alice", "--role", "admin"]).ok();
    run(url, &["user", "add", "bob", "--role", "applicant"]).ok();
    run(url, &["token", "create", "--user", "alice"]).ok();
    run(url, &["user", "disable", "bob"]).ok();
}

async fn audit_verify_and_tail(t: &TestDb) {
    let url = t.url.as_str();
    run(url, &["audit", "verify"]).ok().stdout_has("audit log intact: 0 records");
    four_audited_changes(url);
    // Reads and refused commands are not audited.
    run(url, &["user", "list"]).ok();
    run(url, &["user", "add", "alice", "--role", "admin"]).code(1);

    run(url, &["audit", "verify"]).ok().stdout_has("audit log intact: 4 records, hash chain verified");

    let out = run(url, &["audit", "tail", "-n", "3", "--json"]).ok();
    let records: Vec<Value> =
        out.stdout.lines().map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}"))).collect();
    assert_eq!(records.len(), 3, "{}", out.stdout);
    let seqs: Vec<i64> = records.iter().map(|r| r["seq"].as_i64().unwrap()).collect();
    assert_eq!(seqs, [4, 3, 2]);
    let actions: Vec<&str> = records.iter().map(|r| r["action"].as_str().unwrap()).collect();
    assert_eq!(actions, ["user.disable", "token.create", "user.create"]);
    for r in &records {
        assert_eq!(r["actor"], "cli");
        assert_eq!(r["role"], "admin");
        assert!(r["request_id"].as_str().unwrap().starts_with("cli-"), "{r}");
        assert_eq!(r["hash"].as_str().unwrap().len(), 64, "{r}");
    }
    assert_eq!(records[0]["prev_hash"], records[1]["hash"]);
    assert_eq!(records[1]["prev_hash"], records[2]["hash"]);
    let detail: Value = serde_json::from_str(records[2]["detail"].as_str().unwrap()).unwrap();
    assert_eq!(detail["username"], "bob");

    // The table, newest first, and the default count.
    let out = run(url, &["audit", "tail"]).ok();
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(lines.len(), 4, "{}", out.stdout);
    assert!(lines[0].trim_start().starts_with('4') && lines[0].contains("user.disable"));
    assert!(lines[3].trim_start().starts_with('1') && lines[3].contains("user.create"));
    let out = run(url, &["audit", "tail", "-n", "1"]).ok();
    assert_eq!(out.stdout.lines().count(), 1, "{}", out.stdout);
}

async fn audit_verify_names_a_tampered_record(t: &TestDb) {
    let url = t.url.as_str();
    four_audited_changes(url);
    run(url, &["audit", "verify"]).ok().stdout_has("intact: 4 records");

    // The append-only guard is in the way of an honest caller... (`begin_with` runs its
    // statements as the start of a transaction: the test crate reaches the database only
    // through the store's pool. Without a BEGIN no transaction is left open.)
    let refused =
        t.db.pool
            .begin_with("UPDATE audit_log SET action = 'x' WHERE seq = 2")
            .await
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
    assert!(refused.contains("append-only"), "the audit log could be updated: {refused:?}");

    // ...so whoever tampers lifts it first.
    let tamper = match t.db.backend {
        ashyq_store::Backend::Sqlite => {
            "BEGIN IMMEDIATE; DROP TRIGGER audit_log_no_update; \
             UPDATE audit_log SET action = 'x' WHERE seq = 2;"
        }
        ashyq_store::Backend::Postgres => {
            "BEGIN; ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete; \
             UPDATE audit_log SET action = 'x' WHERE seq = 2;"
        }
    };
    let tx = t.db.pool.begin_with(tamper).await.expect("tamper");
    tx.commit().await.expect("commit the tampering");

    let out = run(url, &["audit", "verify"]).code(3);
    assert!(out.stderr.contains("BROKEN") && out.stderr.contains("record 2"), "{}", out.stderr);
    assert!(!out.stdout.contains("intact"), "{}", out.stdout);
    // Reading the tail still works, and shows the altered record.
    let out = run(url, &["audit", "tail", "-n", "3", "--json"]).ok();
    let second: Value = serde_json::from_str(out.stdout.lines().nth(2).unwrap()).unwrap();
    assert_eq!((second["seq"].as_i64(), second["action"].as_str()), (Some(2), Some("x")));
}

/// Runs the binary in `dir` against `url` with the environment `env`.
fn run_env(dir: &Path, url: &str, env: &[(&str, &str)], args: &[&str]) -> Output {
    run_in_env(dir, Some(url), env, args, None)
}

async fn audit_checkpoints_are_signed_and_verified(t: &TestDb) {
    let url = t.url.as_str();
    let dir = tempdir();
    let d = |name: &str| dir.path().join(name).to_string_lossy().into_owned();
    let out = run(url, &["audit", "keygen", "--out", &d("keys/audit.key")]).ok();
    assert!(out.stdout.contains("keys/audit.key.pub"), "{}", out.stdout);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(d("keys/audit.key")).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "the private key is readable by others: {mode:o}");
    }
    let public = std::fs::read_to_string(d("keys/audit.key.pub")).unwrap();
    assert!(out.stdout.contains(public.lines().last().unwrap()), "{}\n{public}", out.stdout);
    // A key is never overwritten: the checkpoints it signed would no longer verify.
    run(url, &["audit", "keygen", "--out", &d("keys/audit.key")]).fails_with(&["exists already"]);

    four_audited_changes(url);
    run(url, &["audit", "checkpoint", "--key", &d("keys/audit.key"), "--out", &d("cp/one.json")])
        .ok()
        .stdout_has("checkpoint of record 4");
    run(url, &["user", "add", "carol", "--role", "analyst"]).ok();
    // The key from the environment; the checkpoint on standard output.
    let out =
        run_env(dir.path(), url, &[("ASHYQ_AUDIT_KEY", &d("keys/audit.key"))], &["audit", "checkpoint"]).ok();
    let two = out.json();
    assert_eq!((two["seq"].as_i64(), two["format"].as_str()), (Some(5), Some("ashyq-audit-checkpoint/1")));
    std::fs::write(d("cp/two.json"), &out.stdout).unwrap();

    // Both hold, named one by one or as their folder, the public key by flag or environment.
    let pubkey = d("keys/audit.key.pub");
    run(
        url,
        &["audit", "verify", "--checkpoint", &d("cp/one.json"), &d("cp/two.json"), "--public-key", &pubkey],
    )
    .ok()
    .stdout_has("audit log intact: 5 records")
    .stdout_has("signed checkpoints held: 2, the latest at record 5");
    run_env(
        dir.path(),
        url,
        &[("ASHYQ_AUDIT_PUBLIC_KEY", &pubkey)],
        &["audit", "verify", "--checkpoint", &d("cp")],
    )
    .ok()
    .stdout_has("signed checkpoints held: 2");

    // A checkpoint altered after signing, or checked against another key, is refused (exit 2).
    let altered = std::fs::read_to_string(d("cp/one.json")).unwrap().replace("\"seq\": 4", "\"seq\": 3");
    std::fs::create_dir_all(d("bad")).unwrap();
    std::fs::write(d("bad/altered.json"), altered).unwrap();
    let out = run(url, &["audit", "verify", "--checkpoint", &d("bad/altered.json"), "--public-key", &pubkey])
        .code(2);
    assert!(
        out.stderr.contains("altered.json REFUSED") && out.stderr.contains("signature"),
        "{}",
        out.stderr
    );
    assert!(!out.stdout.contains("intact"), "{}", out.stdout);
    run(url, &["audit", "keygen", "--out", &d("keys/other.key")]).ok();
    let out =
        run(url, &["audit", "verify", "--checkpoint", &d("cp"), "--public-key", &d("keys/other.key.pub")])
            .code(2);
    assert!(out.stderr.contains("one.json REFUSED: signed with another key"), "{}", out.stderr);
    let out = run(url, &["audit", "verify", "--checkpoint", &d("cp")]).code(2);
    assert!(out.stderr.contains("--public-key"), "{}", out.stderr);

    // Records cut from the end with the head rewritten: the chain alone still looks whole...
    let tamper = match t.db.backend {
        ashyq_store::Backend::Sqlite => {
            "BEGIN IMMEDIATE; DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE seq >= 4; \
             UPDATE audit_head SET seq = 3, hash = (SELECT hash FROM audit_log WHERE seq = 3);"
        }
        ashyq_store::Backend::Postgres => {
            "BEGIN; ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete; \
             DELETE FROM audit_log WHERE seq >= 4; \
             UPDATE audit_head SET seq = 3, hash = (SELECT hash FROM audit_log WHERE seq = 3);"
        }
    };
    let tx = t.db.pool.begin_with(tamper).await.expect("tamper");
    tx.commit().await.expect("commit the tampering");
    run(url, &["audit", "verify"]).ok().stdout_has("audit log intact: 3 records");
    // ...but not behind the checkpoints (exit 3, each named with its record).
    let out = run(url, &["audit", "verify", "--checkpoint", &d("cp"), "--public-key", &pubkey]).code(3);
    for needle in ["BROKEN behind checkpoint", "one.json (record 4", "two.json (record 5", "ends at record 3"]
    {
        assert!(out.stderr.contains(needle), "no {needle:?} in:\n{}", out.stderr);
    }
}

// ---------------------------------------------------------------------------------------------
// 5. Backup and restore
// ---------------------------------------------------------------------------------------------

fn usernames(url: &str) -> Vec<String> {
    users_json(url).iter().map(|u| u["username"].as_str().unwrap().to_string()).collect()
}

fn before_restore_copies(dir: &Path) -> Vec<std::path::PathBuf> {
    std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with("a.db.before-restore-"))
        })
        .collect()
}

#[test]
fn backup_and_restore() {
    let dir = tempdir();
    let url = sqlite_url(dir.path());
    run(url.as_str(), &["user", "add", "before.backup", "--role", "analyst"]).ok();

    let file = dir.path().join("backups").join("nightly.db");
    let file_arg = file.to_str().unwrap();
    let out = run(&url, &["backup", file_arg]).ok().stdout_has(&format!("backup written to {file_arg}"));
    let size = std::fs::metadata(&file).expect("the backup file").len();
    assert!(size > 0);
    assert!(out.stdout.contains(&format!("({size} bytes)")), "{}", out.stdout);

    // Not overwritten without --force.
    let out = run(&url, &["backup", file_arg]).fails_with(&["exists", "--force"]);
    assert!(out.stdout.is_empty(), "{}", out.stdout);
    run(&url, &["backup", file_arg, "--force"]).ok();

    run(&url, &["user", "add", "after.backup", "--role", "analyst"]).ok();
    assert_eq!(usernames(&url), ["after.backup", "before.backup"]);

    // Restoring brings back the state at the backup, keeping the replaced database.
    let out = run(&url, &["restore", file_arg])
        .ok()
        .stdout_has(&format!("restored {file_arg} into {url}"))
        .stdout_has("(1 accounts, 1 audit records)");
    let kept_line = out
        .stdout
        .lines()
        .find_map(|l| l.strip_prefix("the database it replaced was kept as "))
        .unwrap_or_else(|| panic!("where the replaced database was kept is not said:\n{}", out.stdout));
    let kept = Path::new(kept_line.trim());
    assert!(kept.is_file(), "{} does not exist", kept.display());
    assert_eq!(before_restore_copies(dir.path()), [kept.to_path_buf()]);
    assert_eq!(usernames(&url), ["before.backup"]);
    run(&url, &["audit", "verify"]).ok().stdout_has("intact: 1 records");
    // The kept copy holds the state before the restore.
    let kept_url = format!("sqlite://{}", kept.display());
    assert_eq!(usernames(&kept_url), ["after.backup", "before.backup"]);

    // Something that is not a database is refused and changes nothing.
    let junk = dir.path().join("junk.db");
    std::fs::write(&junk, "this is not a database, only some text\n".repeat(200)).unwrap();
    run(&url, &["restore", junk.to_str().unwrap()]).fails_with(&["junk.db", "cannot restore"]);
    // A database that is not ashyq's is refused too.
    let other = dir.path().join("other.db");
    std::fs::write(&other, b"").unwrap();
    run(&url, &["restore", other.to_str().unwrap()]).fails_with(&["other.db", "cannot restore"]);
    run(&url, &["restore", dir.path().join("missing.db").to_str().unwrap()]).fails_with(&["missing.db"]);
    assert_eq!(before_restore_copies(dir.path()), [kept.to_path_buf()]);
    assert_eq!(usernames(&url), ["before.backup"]);
    run(&url, &["audit", "verify"]).ok().stdout_has("intact: 1 records");
    run(&url, &["user", "add", "after.restore", "--role", "analyst"]).ok();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn backup_and_restore_refuse_postgres() {
    let Some(t) = testing::postgres().await else {
        eprintln!("not run on PostgreSQL: {} is not set", testing::POSTGRES_URL_VAR);
        return;
    };
    let dir = tempdir();
    let file = dir.path().join("pg.db");
    run(&t.url, &["backup", file.to_str().unwrap()]).fails_with(&["pg_dump"]);
    assert!(!file.exists());
    // A real SQLite backup, offered to a PostgreSQL URL.
    let sqlite = sqlite_url(dir.path());
    run(&sqlite, &["backup", file.to_str().unwrap()]).ok();
    run(&t.url, &["restore", file.to_str().unwrap()]).fails_with(&["pg_restore"]);
    t.cleanup().await;
}

// ---------------------------------------------------------------------------------------------
// 6. Migrate
// ---------------------------------------------------------------------------------------------

#[test]
fn migrate_creates_a_fresh_sqlite_database() {
    let dir = tempdir();
    let path = dir.path().join("new").join("folder").join("fresh.db");
    let url = format!("sqlite://{}", path.display());
    let expected = format!("{url} is up to date ({} migrations)", ashyq_store::db::known_migrations());
    run(&url, &["migrate"]).ok().stdout_has(&expected);
    assert!(path.is_file(), "{} was not created", path.display());
    // Again: nothing to do, same answer.
    run(&url, &["migrate"]).ok().stdout_has(&expected);
    run(&url, &["audit", "verify"]).ok().stdout_has("intact: 0 records");
}

async fn migrate_says_up_to_date(t: &TestDb) {
    let out = run(&t.url, &["migrate"]).ok();
    assert!(
        out.stdout.contains(&format!("is up to date ({} migrations)", ashyq_store::db::known_migrations())),
        "{}",
        out.stdout
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn migrate_does_not_print_a_database_password() {
    let Some(t) = testing::postgres().await else {
        eprintln!("not run on PostgreSQL: {} is not set", testing::POSTGRES_URL_VAR);
        return;
    };
    // The same URL with a password. If the server asks for none (trust), migrate succeeds and
    // prints the URL; if it asks, the login fails. Either way the password is not shown.
    let (scheme, rest) = t.url.split_once("://").unwrap();
    let (userinfo, host) = rest.split_once('@').expect("a user in ASHYQ_TEST_POSTGRES_URL");
    let user = userinfo.split(':').next().unwrap();
    let url = format!("{scheme}://{user}:s3cret-pw@{host}");
    let out = run(&url, &["migrate"]);
    assert!(!out.stdout.contains("s3cret-pw"), "{}", out.stdout);
    assert!(!out.stderr.contains("s3cret-pw"), "{}", out.stderr);
    if out.code == Some(0) {
        assert!(out.stdout.contains(&format!("{scheme}://{user}:***@")), "{}", out.stdout);
    }
    t.cleanup().await;
}

/// A throw-away PostgreSQL cluster with SSL on, its certificate signed by a CA the test makes,
/// on a free port; stopped when dropped. Run as the `postgres` user when the test runs as root.
struct TlsCluster {
    bin: std::path::PathBuf,
    data: std::path::PathBuf,
    as_root: bool,
    port: u16,
    /// The CA that signed the server's certificate, and one that did not.
    ca: std::path::PathBuf,
    wrong_ca: std::path::PathBuf,
    _dir: tempfile::TempDir,
}

/// The folder of `initdb` and `pg_ctl`: the newest under `/usr/lib/postgresql`, or `pg_config
/// --bindir`; `None` when the server binaries are not installed.
fn postgres_server_bin() -> Option<std::path::PathBuf> {
    let mut found: Vec<std::path::PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path().join("bin"))
        .filter(|b| b.join("initdb").is_file() && b.join("pg_ctl").is_file())
        .collect();
    found.sort_by_key(|b| {
        b.parent().and_then(|v| v.file_name()).and_then(|v| v.to_str()).and_then(|v| v.parse::<u32>().ok())
    });
    found.pop().or_else(|| {
        let out = std::process::Command::new("pg_config").arg("--bindir").output().ok()?;
        let bin = std::path::PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
        (bin.join("initdb").is_file() && bin.join("pg_ctl").is_file()).then_some(bin)
    })
}

impl TlsCluster {
    fn start() -> Option<TlsCluster> {
        let bin = postgres_server_bin()?;
        let dir = tempdir();
        let as_root = std::process::Command::new("id").arg("-u").output().is_ok_and(|o| o.stdout == b"0\n");

        // A CA, the server's certificate for "localhost" only, and a second CA.
        let ca_params = |name: &str| {
            let mut p = rcgen::CertificateParams::new(Vec::<String>::new()).unwrap();
            p.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
            p.distinguished_name.push(rcgen::DnType::CommonName, name);
            p
        };
        let ca = rcgen::CertifiedIssuer::self_signed(
            ca_params("ashyq test CA"),
            rcgen::KeyPair::generate().unwrap(),
        )
        .unwrap();
        let wrong =
            rcgen::CertifiedIssuer::self_signed(ca_params("another CA"), rcgen::KeyPair::generate().unwrap())
                .unwrap();
        let server_key = rcgen::KeyPair::generate().unwrap();
        let mut server = rcgen::CertificateParams::new(vec!["localhost".to_string()]).unwrap();
        server.distinguished_name.push(rcgen::DnType::CommonName, "localhost");
        let server_cert = server.signed_by(&server_key, &ca).unwrap();
        let write = |name: &str, text: String| {
            let path = dir.path().join(name);
            std::fs::write(&path, text).unwrap();
            path
        };
        let ca_path = write("ca.crt", ca.pem());
        let wrong_ca = write("wrong-ca.crt", wrong.pem());
        let cert = write("server.crt", server_cert.pem());
        let key = write("server.key", server_key.serialize_pem());
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o600)).unwrap();
        if as_root {
            let status =
                std::process::Command::new("chown").args(["-R", "postgres:"]).arg(dir.path()).status();
            assert!(status.is_ok_and(|s| s.success()), "chown the cluster's folder to postgres");
        }

        let data = dir.path().join("data");
        let port = free_port();
        let cluster = TlsCluster { bin, data, as_root, port, ca: ca_path, wrong_ca, _dir: dir };
        let initdb = cluster.bin.join("initdb");
        let out = cluster
            .as_postgres(&initdb)
            .args(["--auth=trust", "--username=postgres", "--no-sync", "-D"])
            .arg(&cluster.data)
            .output()
            .expect("run initdb");
        assert!(out.status.success(), "initdb: {}", String::from_utf8_lossy(&out.stderr));
        let options = format!(
            "-p {port} -k {sock} -c listen_addresses=127.0.0.1 -c ssl=on -c ssl_cert_file={cert} -c ssl_key_file={key}",
            sock = cluster._dir.path().display(),
            cert = cert.display(),
            key = key.display()
        );
        let out = cluster
            .as_postgres(&cluster.bin.join("pg_ctl"))
            .args(["-w", "-t", "60", "-o", &options, "-l"])
            .arg(cluster._dir.path().join("server.log"))
            .arg("-D")
            .arg(&cluster.data)
            .arg("start")
            .output()
            .expect("run pg_ctl start");
        let log = std::fs::read_to_string(cluster._dir.path().join("server.log")).unwrap_or_default();
        assert!(out.status.success(), "pg_ctl start: {}\n{log}", String::from_utf8_lossy(&out.stderr));
        Some(cluster)
    }

    fn as_postgres(&self, program: &Path) -> std::process::Command {
        if self.as_root {
            let mut cmd = std::process::Command::new("runuser");
            cmd.args(["-u", "postgres", "--"]).arg(program);
            cmd
        } else {
            std::process::Command::new(program)
        }
    }

    fn url(&self, host: &str, query: &str) -> String {
        format!("postgres://postgres@{host}:{}/postgres?{query}", self.port)
    }
}

impl Drop for TlsCluster {
    fn drop(&mut self) {
        let _ = self
            .as_postgres(&self.bin.join("pg_ctl"))
            .args(["-m", "immediate", "-D"])
            .arg(&self.data)
            .arg("stop")
            .output();
    }
}

/// Whether the connection the pool gives is encrypted, as the server sees it.
async fn encrypted(url: &str) -> Result<bool, ashyq_store::StoreError> {
    let db = Db::connect(url).await?;
    let ssl: bool = sqlx::query_scalar("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
        .fetch_one(&db.pool)
        .await
        .expect("ask pg_stat_ssl");
    db.close().await;
    Ok(ssl)
}

/// `sslmode` and `sslrootcert` in the URL are honoured: against a cluster with SSL on and a
/// certificate for `localhost` signed by a CA of the test, `verify-full` with that CA connects
/// (encrypted) and migrates; with another CA, or by a name the certificate does not hold, it is
/// refused with the reason; `verify-ca` checks the CA but not the name; `require` encrypts
/// without checking; `disable` does not encrypt.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_over_tls_honours_sslmode_and_the_ca() {
    let Some(cluster) = tokio::task::spawn_blocking(TlsCluster::start).await.unwrap() else {
        if std::env::var_os("CI").is_some() {
            panic!("PostgreSQL's server binaries (initdb, pg_ctl) not found; .ci/run installs postgresql");
        }
        eprintln!("SKIPPED: PostgreSQL's server binaries (initdb, pg_ctl) are not installed");
        return;
    };
    let ca = cluster.ca.display().to_string();
    let wrong = cluster.wrong_ca.display().to_string();

    let full = cluster.url("localhost", &format!("sslmode=verify-full&sslrootcert={ca}"));
    assert!(encrypted(&full).await.unwrap(), "verify-full with the right CA connects over TLS");
    let out = tokio::task::spawn_blocking(move || run(&full, &["migrate"])).await.unwrap().ok();
    assert!(out.stdout.contains("is up to date"), "{}", out.stdout);

    let url = cluster.url("localhost", &format!("sslmode=verify-full&sslrootcert={wrong}"));
    let err = encrypted(&url).await.unwrap_err().to_string();
    assert!(err.contains("certificate was refused") && err.contains("UnknownIssuer"), "{err}");
    let out = tokio::task::spawn_blocking(move || run(&url, &["migrate"])).await.unwrap();
    out.fails_with(&["TLS", "certificate was refused", "UnknownIssuer", "sslrootcert"]);

    // The certificate is for "localhost": by address, verify-full refuses and verify-ca accepts.
    let by_ip = cluster.url("127.0.0.1", &format!("sslmode=verify-full&sslrootcert={ca}"));
    let err = encrypted(&by_ip).await.unwrap_err().to_string();
    assert!(err.contains("certificate was refused") && err.contains("127.0.0.1"), "{err}");
    let ca_only = cluster.url("127.0.0.1", &format!("sslmode=verify-ca&sslrootcert={ca}"));
    assert!(encrypted(&ca_only).await.unwrap());
    let ca_wrong = cluster.url("127.0.0.1", &format!("sslmode=verify-ca&sslrootcert={wrong}"));
    assert!(encrypted(&ca_wrong).await.is_err());

    assert!(encrypted(&cluster.url("127.0.0.1", "sslmode=require")).await.unwrap());
    assert!(encrypted(&cluster.url("127.0.0.1", "sslmode=prefer")).await.unwrap());
    assert!(!encrypted(&cluster.url("127.0.0.1", "sslmode=disable")).await.unwrap());
    drop(cluster);
}

// ---------------------------------------------------------------------------------------------
// 7. Serve and demo
// ---------------------------------------------------------------------------------------------

const STARTUP: Duration = Duration::from_secs(60);
const DEMO_STARTUP: Duration = Duration::from_secs(300);

#[test]
fn serve_answers_and_holds_the_database_lock() {
    let dir = tempdir();
    let url = sqlite_url(dir.path());
    run(&url, &["user", "add", "alice", "--role", "admin"]).ok();
    let backup = dir.path().join("while-serving.db");

    let port = free_port();
    let mut cmd = command(dir.path());
    // The address from the environment.
    cmd.env("ASHYQ_ADDR", format!("127.0.0.1:{port}")).args(["--database-url", &url, "serve"]);
    let mut server = Server::start(cmd, port, dir.path().join("serve.stderr"));
    server.wait_ready(STARTUP);
    let r = http(port, "GET", "/readyz", &[], "").unwrap();
    assert_eq!(r.status, 200, "{r:?}");
    assert!(r.body.contains("ready"), "{r:?}");

    // A backup is safe while serving; a restore is not.
    run(&url, &["backup", backup.to_str().unwrap()]).ok();
    run(&url, &["restore", backup.to_str().unwrap()]).fails_with(&["in use by a running ashyq server"]);
    // The CLI works beside the server.
    run(&url, &["user", "add", "bob", "--role", "analyst"]).ok();
    // A second server on the same file is refused.
    let out = run(&url, &["serve", "--addr", &format!("127.0.0.1:{}", free_port())]).code(1);
    assert!(out.stderr.contains("in use"), "{}", out.stderr);

    server.stop();
    run(&url, &["restore", backup.to_str().unwrap()]).ok().stdout_has("1 accounts");
    assert_eq!(usernames(&url), ["alice"]);
}

#[test]
fn a_large_upload_is_spooled_to_disk_not_held_in_memory() {
    use std::io::{Read, Write};
    let dir = tempdir();
    let url = sqlite_url(dir.path());
    run_stdin(
        &url,
        &["user", "add", "ana", "--role", "analyst", "--password-stdin"],
        "a password for the test\n",
    )
    .ok();
    let out = run(&url, &["token", "create", "--user", "ana"]).ok();
    let token = out.stdout.split_whitespace().find(|w| w.starts_with("ashyq_")).expect("a token").to_string();
    let tmp = dir.path().to_string_lossy().into_owned();
    let server = Server::serve(dir.path(), &url, &[("TMPDIR", &tmp)], &[]);
    let port = server.port;
    let at_rest = server.peak_kb();

    // 96 MiB whose header is not a vacancies header: spooled, its header read, refused.
    const SIZE: usize = 96 * 1024 * 1024;
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream.set_read_timeout(Some(STARTUP)).unwrap();
    write!(
        stream,
        "POST /api/v1/imports/vacancies HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\
         Authorization: Bearer {token}\r\nContent-Type: text/csv\r\nContent-Length: {SIZE}\r\n\r\n"
    )
    .unwrap();
    stream.write_all(b"not,a,vacancies,header\n").unwrap();
    let line = b"1,2,3,4\n".repeat(128 * 1024);
    let mut sent = 23;
    while sent < SIZE {
        let n = (SIZE - sent).min(line.len());
        stream.write_all(&line[..n]).unwrap();
        sent += n;
    }
    let mut reply = String::new();
    stream.read_to_string(&mut reply).unwrap();
    assert!(reply.starts_with("HTTP/1.1 422"), "{reply}");
    assert!(reply.contains("header"), "{reply}");

    // Held whole, the body alone would have added 96 MiB (192 MiB with the copy made of it).
    match (at_rest, server.peak_kb()) {
        (Some(before), Some(after)) => {
            eprintln!(
                "the server's peak: {} MiB at rest, {} MiB after the upload",
                before / 1024,
                after / 1024
            );
            assert!(
                after - before < 32 * 1024,
                "the upload added {} MiB to the peak",
                (after - before) / 1024
            );
        }
        _ => eprintln!("the peak memory is not known on this system"),
    }
    server.stop();
}

#[test]
fn serve_writes_signed_audit_checkpoints() {
    let dir = tempdir();
    let url = sqlite_url(dir.path());
    let d = |name: &str| dir.path().join(name).to_string_lossy().into_owned();
    run(&url, &["audit", "keygen", "--out", &d("audit.key")]).ok();
    run(&url, &["user", "add", "alice", "--role", "admin"]).ok();
    // A key that is not one stops the start, naming the file.
    std::fs::write(d("bad.key"), "not a key\n").unwrap();
    let port = free_port().to_string();
    let addr = format!("127.0.0.1:{port}");
    let args = ["serve", "--addr", &addr, "--checkpoint-dir", &d("checkpoints"), "--checkpoint-key"];
    let out = run(&url, &[&args[..], &[d("bad.key").as_str()]].concat()).code(1);
    assert!(out.stderr.contains("bad.key") && out.stderr.contains("64 hexadecimal"), "{}", out.stderr);
    // The folder needs the key and the key the folder.
    let out = run(&url, &["serve", "--addr", &addr, "--checkpoint-dir", &d("checkpoints")]).code(2);
    assert!(out.stderr.contains("--checkpoint-key"), "{}", out.stderr);

    // From the environment: one checkpoint is written at the start.
    let env = [("ASHYQ_CHECKPOINT_DIR", d("checkpoints")), ("ASHYQ_CHECKPOINT_KEY", d("audit.key"))];
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let server = Server::serve(dir.path(), &url, &env, &[]);
    let files: Vec<_> = std::fs::read_dir(d("checkpoints")).unwrap().map(|e| e.unwrap().path()).collect();
    assert_eq!(files.len(), 1, "{files:?}\n{}", server.stderr());
    let name = files[0].file_name().unwrap().to_string_lossy().into_owned();
    assert!(name.starts_with("audit-checkpoint-000000000001-") && name.ends_with(".json"), "{name}");
    server.stop();
    run(&url, &["audit", "verify", "--checkpoint", &d("checkpoints"), "--public-key", &d("audit.key.pub")])
        .ok()
        .stdout_has("signed checkpoints held: 1, the latest at record 1");
}

/// 200 logins at the same moment (a tenth of them the account's right password, the others
/// unknown usernames), each from its own address behind a trusted proxy so that the limits let
/// them through to the password check: the server's peak memory stays under 500 MiB, because
/// at most `--password-hashers` Argon2 hashes (19 MiB each) run at once and the others wait.
/// Without that bound every attempt took its 19 MiB at once (3.9 GB for 200).
#[test]
fn two_hundred_simultaneous_logins_keep_the_server_under_500_mib() {
    let dir = tempdir();
    let url = sqlite_url(dir.path());
    let password = "a long enough password";
    run_stdin(&url, &["user", "add", "clerk", "--role", "officer", "--password-stdin"], password).ok();
    let server = Server::serve(dir.path(), &url, &[], &["--trust-proxy"]);
    let port = server.port;
    let Some(before) = peak_memory(server.pid()) else {
        eprintln!("not run: no /proc to read the server's memory from");
        return;
    };

    let start = std::sync::Arc::new(std::sync::Barrier::new(200));
    let logins: Vec<_> = (0..200)
        .map(|i| {
            let start = start.clone();
            std::thread::spawn(move || {
                let (user, pw) = if i % 10 == 0 {
                    ("clerk".to_string(), password)
                } else {
                    (format!("nobody{i}"), "wrong")
                };
                let csrf = "cli-test-csrf-token-0123456789";
                let body = format!("csrf={csrf}&username={user}&password={}&next=%2F", form_encode(pw));
                let cookie = format!("ashyq_csrf={csrf}");
                let client = format!("10.77.{}.{}", i / 100, i % 100 + 1);
                let headers = [
                    ("Content-Type", "application/x-www-form-urlencoded"),
                    ("Cookie", cookie.as_str()),
                    ("X-Forwarded-For", client.as_str()),
                ];
                start.wait();
                http_waiting(Duration::from_secs(600), port, "POST", "/login", &headers, &body)
                    .map(|r| r.status)
            })
        })
        .collect();
    let mut statuses = std::collections::BTreeMap::<u16, usize>::new();
    for login in logins {
        let status = login.join().expect("a login thread").expect("an answer to the login");
        *statuses.entry(status).or_default() += 1;
    }
    let peak = peak_memory(server.pid()).expect("the server's memory");
    let stderr = server.stderr();
    server.stop();
    let mib = |b: u64| b / (1024 * 1024);
    eprintln!(
        "server peak memory: {} MiB before, {} MiB after 200 logins ({statuses:?})",
        mib(before),
        mib(peak)
    );
    assert!(peak < 500 * 1024 * 1024, "the server's peak memory was {} MiB", mib(peak));
    // Every attempt was answered, and the unknown usernames were all checked (401), so the
    // hashing really ran 180 times or more.
    let checked = statuses.get(&303).copied().unwrap_or(0) + statuses.get(&401).copied().unwrap_or(0);
    assert!(statuses.keys().all(|s| [303, 401, 429].contains(s)), "{statuses:?}\n{stderr}");
    assert!(statuses.get(&401).copied().unwrap_or(0) >= 180 && checked > 180, "{statuses:?}");
}

/// Starts `ashyq demo` in `dir` as a first-time user would: no database URL anywhere.
fn start_demo(dir: &Path, name: &str) -> Server {
    let port = free_port();
    let mut cmd = command(dir);
    cmd.args(["demo", "--addr", &format!("127.0.0.1:{port}")]);
    Server::start(cmd, port, dir.join(format!("{name}.stderr")))
}

#[test]
fn demo_creates_accounts_and_serves() {
    let dir = tempdir();
    let mut demo = start_demo(dir.path(), "first");
    // The first run generates and imports the demo data and computes three lists: give it time.
    let open = demo.read_until(DEMO_STARTUP, |l| l.starts_with("Open http://"));
    assert!(open.contains(&format!("127.0.0.1:{}", demo.port)), "{open}");
    assert!(demo.seen[0].contains("sqlite://./ashyq-data/ashyq.db"), "{:?}", demo.seen);
    let accounts: Vec<(String, String, String)> = demo
        .seen
        .iter()
        .filter(|l| l.trim_start().starts_with("demo-"))
        .map(|l| {
            let cols: Vec<&str> = l.split_whitespace().collect();
            assert_eq!(cols.len(), 3, "{l}");
            (cols[0].into(), cols[1].into(), cols[2].into())
        })
        .collect();
    let names: Vec<&str> = accounts.iter().map(|a| a.0.as_str()).collect();
    assert_eq!(
        names,
        [
            "demo-applicant",
            "demo-analyst",
            "demo-coordinator",
            "demo-atameken",
            "demo-officer",
            "demo-border",
            "demo-admin"
        ],
        "{:?}",
        demo.seen
    );
    for (user, role, password) in &accounts {
        let expected =
            if user == "demo-atameken" { "coordinator" } else { user.strip_prefix("demo-").unwrap_or("") };
        assert_eq!(role, expected, "{user}");
        assert!(password.len() >= 20, "{user}: {password:?}");
    }
    assert!(
        dir.path().join("ashyq-data").join("ashyq.db").is_file(),
        "the demo database is not at ./ashyq-data/ashyq.db"
    );

    demo.wait_ready(STARTUP);
    let r = http(demo.port, "GET", "/healthz", &[], "").unwrap();
    assert_eq!(r.status, 200, "{r:?}");
    let r = http(demo.port, "GET", "/readyz", &[], "").unwrap();
    assert_eq!(r.status, 200, "{r:?}");
    // The demo data: a list is in force today, and the published versions are public.
    assert!(demo.seen.iter().any(|l| l.starts_with("demo data: 120000 vacancies")), "{:?}", demo.seen);
    // And the illustrative exchange rates, said to be no National Bank rates.
    assert!(
        demo.seen.iter().any(|l| l.starts_with("exchange rates: 4176 illustrative daily rates")
            && l.contains("NOT the National Bank's published rates")),
        "{:?}",
        demo.seen
    );
    // And synthetic applications, decided when stored, for the reform simulation.
    assert!(
        demo.seen.iter().any(|l| l.starts_with("applications: 3000 synthetic applications")
            && l.contains(" eligible")
            && l.contains(" ineligible")
            && l.contains(" needs_officer")),
        "{:?}",
        demo.seen
    );
    // And kandas applications filed from applicants' own accounts, some assigned, some waiting.
    assert!(
        demo.seen
            .iter()
            .any(|l| l.starts_with("kandas: ") && l.contains(" waiting, each filed from an applicant")),
        "{:?}",
        demo.seen
    );
    let r = http(demo.port, "GET", "/api/v1/published-lists", &[], "").unwrap();
    assert_eq!(r.status, 200, "{r:?}");
    assert_eq!(r.body.matches("\"status\":\"published\"").count(), 2, "{}", r.body);
    let r = http(demo.port, "GET", "/api/v1/published-lists/in-force", &[], "").unwrap();
    assert_eq!(r.status, 200, "{r:?}");
    assert!(r.body.contains("\"order_no\":\"112\""), "{}", &r.body[..r.body.len().min(300)]);

    // The printed password logs in (the login form's CSRF check is double-submit).
    let admin_pw = &accounts.iter().find(|a| a.0 == "demo-admin").unwrap().2;
    let login = |password: &str| {
        let csrf = "cli-test-csrf-token-0123456789";
        let body = format!("csrf={csrf}&username=demo-admin&password={}&next=%2F", form_encode(password));
        let cookie = format!("ashyq_csrf={csrf}");
        http(
            demo.port,
            "POST",
            "/login",
            &[("Content-Type", "application/x-www-form-urlencoded"), ("Cookie", cookie.as_str())],
            &body,
        )
        .unwrap()
    };
    let r = login(admin_pw);
    assert_eq!(r.status, 303, "{r:?}\n{}", demo.stderr());
    assert!(r.headers("set-cookie").iter().any(|c| c.starts_with("ashyq_session=")), "{r:?}");
    let r = login("not the password at all");
    assert_eq!(r.status, 401, "{}", r.head);

    // What the demo did is in the audit log.
    demo.stop();
    let url = format!("sqlite://{}", dir.path().join("ashyq-data").join("ashyq.db").display());
    // Without --language, the demo's own texts are Russian.
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    runtime.block_on(demo_language::check_demo_texts(&url, "ru"));
    let out = run(&url, &["audit", "verify"]).ok();
    let count: i64 = out
        .stdout
        .strip_prefix("audit log intact: ")
        .and_then(|s| s.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("{}", out.stdout));
    assert!(count >= 8, "{}", out.stdout);
    let out = run(&url, &["audit", "tail", "-n", "10000", "--json"]).ok();
    let actions: Vec<String> = out
        .stdout
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap()["action"].as_str().unwrap().to_string())
        .collect();
    for action in ["session.login", "session.login_failed"] {
        assert!(actions.iter().any(|a| a == action), "no {action}: {actions:?}");
    }
    // 7 demo accounts, 6 of the cases, 5 of kandas (officer.petropavl, kandas1…kandas4).
    assert_eq!(actions.iter().filter(|a| *a == "user.create").count(), 18);
    assert_eq!(usernames(&url).len(), 18);
    for action in [
        "labour.import",
        "rates.import",
        "applications.submit",
        "list.draft",
        "list.send",
        "list.opinion",
        "list.revise",
        "list.approve",
        "list.publish",
    ] {
        assert!(actions.iter().any(|a| a == action), "no {action}");
    }

    // A second run finds the accounts and prints no passwords.
    let mut again = start_demo(dir.path(), "second");
    again.read_until(STARTUP, |l| l.contains("exist already"));
    again.read_until(STARTUP, |l| l.starts_with("Open http://"));
    assert!(!again.seen.iter().any(|l| l.trim_start().starts_with("demo-")), "{:?}", again.seen);
    again.wait_ready(STARTUP);
    assert!(again.seen.iter().any(|l| l.contains("demo data not loaded again")), "{:?}", again.seen);
    assert!(!again.seen.iter().any(|l| l.starts_with("exchange rates:")), "{:?}", again.seen);
    assert!(!again.seen.iter().any(|l| l.starts_with("kandas:")), "{:?}", again.seen);
    assert!(!again.seen.iter().any(|l| l.starts_with("applications:")), "{:?}", again.seen);
    again.stop();
    assert_eq!(usernames(&url).len(), 18);
}

// ---------------------------------------------------------------------------------------------
// Bugs found by these tests, fixed; kept as regression tests.
// ---------------------------------------------------------------------------------------------

#[test]
fn revoking_an_unknown_token_fails() {
    let dir = tempdir();
    let url = sqlite_url(dir.path());
    run(&url, &["migrate"]).ok();
    let out = run(&url, &["token", "revoke", "999"]).fails_with(&["999", "not found"]);
    assert!(!out.stdout.contains("revoked"), "{}", out.stdout);
}

#[test]
fn two_restores_in_a_row_both_succeed() {
    let dir = tempdir();
    let url = sqlite_url(dir.path());
    run(&url, &["user", "add", "alice", "--role", "admin"]).ok();
    let file = dir.path().join("b.db");
    run(&url, &["backup", file.to_str().unwrap()]).ok();
    run(&url, &["restore", file.to_str().unwrap()]).ok();
    run(&url, &["restore", file.to_str().unwrap()]).ok();
    assert_eq!(before_restore_copies(dir.path()).len(), 2);
}
