//! The trust promises under load, as processes (issue 14): on SQLite a long import does not
//! stop the office (border checks, crossings batches, logins and new tokens wait their turn,
//! never fail); and `kill -9` during an import or during a burst of API batches, on both
//! backends, loses nothing that was acknowledged, half-writes nothing, and leaves the audit chain
//! intact. Times are printed, never asserted: bench/import-concurrency measures them.

mod support;

use ashyq_store::testing::TestDb;
use serde_json::{Value, json};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};
use support::{Server, form_encode, http_waiting, run, run_stdin};

both_backends!(
    a_killed_import_is_all_or_nothing,
    a_killed_register_import_is_all_or_nothing,
    a_killed_server_keeps_every_acknowledged_batch
);

const PASSWORD: &str = "a long enough password";
const BIN: &str = "000101500011";
const OCCUPATIONS: [&str; 4] = ["2511", "2512", "2221", "7126"];

fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temporary folder")
}

/// `rows` valid vacancies (distinct ids from `first`) as a CSV file's text.
fn vacancies(first: usize, rows: usize) -> String {
    let mut text = String::from(
        "vacancy_id,posted_on,closed_on,status,region,occupation,positions,salary_kzt,employer_bin,title\n",
    );
    for i in first..first + rows {
        let occ = OCCUPATIONS[i % OCCUPATIONS.len()];
        text.push_str(&format!(
            "L-{i:08},2025-{:02}-{:02},,open,KZ-75,{occ},{},{},{BIN},\n",
            i % 12 + 1,
            i % 28 + 1,
            i % 5 + 1,
            300_000 + (i % 1000) * 100
        ));
    }
    text
}

/// An id as letters (digits as `A`–`J`, anything else `X`), for a name of its own.
fn letters(id: &str) -> String {
    id.chars().map(|c| c.to_digit(10).map_or('X', |d| char::from(b'A' + d as u8))).collect()
}

/// A batch of `n` entries, each of its own document and person, as the API's body.
fn crossings(tag: &str, n: usize) -> String {
    let items: Vec<Value> = (0..n)
        .map(|i| {
            json!({
                "event_id": format!("{tag}-{i}"), "kind": "entry", "at": "2026-11-20T08:15:00+05:00",
                "checkpoint": "ALA",
                "document": {
                    "document_type": "P", "issuing_state": "UZB", "document_number": format!("{}N{i}", tag.replace('-', "X")),
                    "nationality": "UZB", "surname": "TESTOV", "given_names": letters(&format!("{tag}{i}")), "birth_date": "1990-01-01",
                    "sex": "M", "expiry_date": "2031-01-01"
                }
            })
        })
        .collect();
    json!({ "crossings": items }).to_string()
}

/// A bearer token for a new account with `role`.
fn token_for(url: &str, user: &str, role: &str) -> String {
    run_stdin(url, &["user", "add", user, "--role", role, "--password-stdin"], PASSWORD).ok();
    let out = run(url, &["token", "create", "--user", user]).ok();
    out.stdout.lines().nth(1).expect("the token's line").trim().to_string()
}

fn bearer(token: &str) -> String {
    format!("Bearer {token}")
}

fn post_json(port: u16, path: &str, token: &str, body: &str) -> (u16, String) {
    let auth = bearer(token);
    let headers = [("Authorization", auth.as_str()), ("Content-Type", "application/json")];
    match http_waiting(Duration::from_secs(120), port, "POST", path, &headers, body) {
        Ok(r) => (r.status, r.body),
        Err(e) => (0, e.to_string()),
    }
}

fn audit_intact(url: &str) {
    run(url, &["audit", "verify"]).ok().stdout_has("audit log intact");
}

/// What one kind of request did while the import ran.
#[derive(Default)]
struct Tally {
    ok: usize,
    failed: Vec<String>,
    millis: Vec<u128>,
}

impl Tally {
    fn percentile(&mut self, p: f64) -> u128 {
        self.millis.sort_unstable();
        let i = ((self.millis.len() as f64 - 1.0) * p).round() as usize;
        self.millis.get(i).copied().unwrap_or(0)
    }
}

/// Runs `call` in a loop on its own thread until `stop`, timing each call.
fn keep_calling(
    stop: Arc<AtomicBool>,
    mut call: impl FnMut(usize) -> (u16, String) + Send + 'static,
    ok: fn(u16) -> bool,
) -> std::thread::JoinHandle<Tally> {
    std::thread::spawn(move || {
        let mut tally = Tally::default();
        let mut i = 0;
        while !stop.load(Ordering::SeqCst) {
            let started = Instant::now();
            let (status, body) = call(i);
            tally.millis.push(started.elapsed().as_millis());
            if ok(status) {
                tally.ok += 1;
            } else {
                tally.failed.push(format!("{status}: {}", body.chars().take(300).collect::<String>()));
            }
            i += 1;
            std::thread::sleep(Duration::from_millis(20));
        }
        tally
    })
}

/// SQLite: while an analyst's import of 200,000 vacancies runs, the border checks documents
/// (each check is an audited read, so a write), a checkpoint's system posts crossings batches,
/// people log in and a client creates tokens. All of them succeed, and the import is whole.
#[test]
fn an_import_does_not_stop_the_office() {
    let dir = tempdir();
    let url = format!("sqlite://{}", dir.path().join("a.db").display());
    let analyst = token_for(&url, "analyst", "analyst");
    let border = token_for(&url, "guard", "border");
    let server = Server::serve(dir.path(), &url, &[], &["--trust-proxy"]);
    let port = server.port;
    const ROWS: usize = 200_000;
    let file = vacancies(0, ROWS);

    let stop = Arc::new(AtomicBool::new(false));
    let import = {
        let (analyst, stop) = (analyst.clone(), stop.clone());
        std::thread::spawn(move || {
            let auth = bearer(&analyst);
            let headers = [("Authorization", auth.as_str()), ("Content-Type", "text/csv")];
            let started = Instant::now();
            let r = http_waiting(
                Duration::from_secs(900),
                port,
                "POST",
                "/api/v1/imports/vacancies?file_name=big.csv",
                &headers,
                &file,
            );
            let took = started.elapsed();
            stop.store(true, Ordering::SeqCst);
            (r, took)
        })
    };
    std::thread::sleep(Duration::from_millis(300));
    let checks = {
        let border = border.clone();
        keep_calling(
            stop.clone(),
            move |i| {
                let body =
                    json!({"issuing_state": "UZB", "document_number": format!("B0N{}", i % 10)}).to_string();
                post_json(port, "/api/v1/register/check", &border, &body)
            },
            |s| s == 200,
        )
    };
    let batches = {
        let border = border.clone();
        keep_calling(
            stop.clone(),
            move |i| post_json(port, "/api/v1/crossings", &border, &crossings(&format!("B{i}"), 50)),
            |s| s == 200,
        )
    };
    let tokens = {
        let analyst = analyst.clone();
        keep_calling(
            stop.clone(),
            move |i| {
                post_json(port, "/api/v1/me/tokens", &analyst, &json!({"name": format!("t{i}")}).to_string())
            },
            |s| s == 201,
        )
    };
    let logins = keep_calling(
        stop.clone(),
        move |i| {
            let csrf = "cli-test-csrf-token-0123456789";
            let body = format!("csrf={csrf}&username=guard&password={}&next=%2F", form_encode(PASSWORD));
            let cookie = format!("ashyq_csrf={csrf}");
            let client = format!("10.88.{}.{}", i / 200, i % 200 + 1);
            let headers = [
                ("Content-Type", "application/x-www-form-urlencoded"),
                ("Cookie", cookie.as_str()),
                ("X-Forwarded-For", client.as_str()),
            ];
            match http_waiting(Duration::from_secs(120), port, "POST", "/login", &headers, &body) {
                Ok(r) => (r.status, r.body),
                Err(e) => (0, e.to_string()),
            }
        },
        |s| s == 303,
    );

    let (answer, took) = import.join().expect("the import thread");
    let answer = answer.expect("an answer to the import");
    assert_eq!(answer.status, 201, "the import: {}", answer.body);
    let report: Value = serde_json::from_str(&answer.body).expect("the import's report");
    assert_eq!(report["inserted"], ROWS, "{report}");
    for (name, handle) in
        [("border check", checks), ("crossings batch", batches), ("token", tokens), ("login", logins)]
    {
        let mut t = handle.join().expect("a client thread");
        let (p50, p99, max) = (t.percentile(0.5), t.percentile(0.99), t.percentile(1.0));
        eprintln!(
            "{name}: {} ok, {} failed, p50 {p50} ms, p99 {p99} ms, max {max} ms (the import took {took:?})",
            t.ok,
            t.failed.len()
        );
        assert!(
            t.failed.is_empty(),
            "{name} failed during the import: {:?}",
            &t.failed[..t.failed.len().min(5)]
        );
        assert!(t.ok > 0, "no {name} ran while the import did");
    }
    server.stop();
    audit_intact(&url);
}

/// Runs `ashyq ARGS` in `dir` and kills it with SIGKILL after `at`.
fn killed_after(dir: &std::path::Path, at: Duration, args: &[&str]) {
    let mut child = support::command(dir)
        .args(args)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("start an import");
    std::thread::sleep(at);
    let _ = child.kill(); // SIGKILL
    let _ = child.wait();
}

/// Counts rows of `table` through the CLI-independent store.
async fn count(t: &TestDb, table: &str) -> i64 {
    let sql = format!("SELECT COUNT(*) FROM {table}");
    sqlx::query_scalar(sqlx::AssertSqlSafe(sql)).fetch_one(&t.db.pool).await.expect("a count")
}

/// `kill -9` of `ashyq import` at moments spread over its run: afterwards, once the store has
/// finished what it had promised (the next import does that on SQLite), the vacancies are all
/// there or none; importing the file again then gives all of them, once; the chain is intact.
async fn a_killed_import_is_all_or_nothing(t: &TestDb) {
    let dir = tempdir();
    const ROWS: usize = 60_000;
    let file = dir.path().join("vacancies.csv");
    std::fs::write(&file, vacancies(0, ROWS)).unwrap();
    let empty = dir.path().join("empty.csv");
    std::fs::write(&empty, vacancies(0, 0)).unwrap();
    let url = t.url.as_str();
    // One run to completion, for how long a run takes.
    let started = Instant::now();
    run(url, &["import", "vacancies", file.to_str().unwrap()]).ok();
    let whole = started.elapsed();
    assert_eq!(count(t, "vacancies").await, ROWS as i64);
    sqlx::query("DELETE FROM vacancies").execute(&t.db.pool).await.unwrap();

    let mut outcomes = Vec::new();
    for k in 1..=6u32 {
        let at = whole * k / 7;
        killed_after(dir.path(), at, &["--database-url", url, "import", "vacancies", file.to_str().unwrap()]);
        // Whatever was promised is finished by the next import (here of no rows).
        run(url, &["import", "vacancies", empty.to_str().unwrap()]).ok();
        let n = count(t, "vacancies").await;
        assert!(n == 0 || n == ROWS as i64, "killed after {at:?}: {n} of {ROWS} vacancies visible");
        outcomes.push(n);
        audit_intact(url);
        sqlx::query("DELETE FROM vacancies").execute(&t.db.pool).await.unwrap();
    }
    eprintln!("vacancies after each kill: {outcomes:?} (a whole run took {whole:?})");
    let staged: i64 = count(t, "import_staging").await;
    assert_eq!(staged, 0, "staged rows left behind");
    run(url, &["import", "vacancies", file.to_str().unwrap()]).ok();
    assert_eq!(count(t, "vacancies").await, ROWS as i64);
    audit_intact(url);
}

/// `rows` crossings, each of its own document and person, as a register file's text.
fn crossings_file(rows: usize) -> String {
    let mut text = String::from(
        "event_id,kind,at,checkpoint,document_type,issuing_state,document_number,nationality,surname,\
         given_names,birth_date,sex,expiry_date,reason\n",
    );
    for i in 0..rows {
        text.push_str(&format!(
            "K-{i:08},entry,2026-{:02}-{:02}T08:15:00+05:00,ALA,P,UZB,KN{i:07},UZB,TESTOV,{},1990-01-01,M,2031-01-01,\n",
            i % 10 + 1,
            i % 28 + 1,
            letters(&i.to_string())
        ));
    }
    text
}

/// `kill -9` of `ashyq register import crossings` at moments spread over its run (on PostgreSQL
/// the rows stream by `COPY` into a load table, merged at the end): afterwards the crossings are
/// all there or none, the next import leaves no load table behind, and the file then imports
/// whole, once; the chain is intact.
async fn a_killed_register_import_is_all_or_nothing(t: &TestDb) {
    let dir = tempdir();
    const ROWS: usize = 40_000;
    let file = dir.path().join("crossings.csv");
    std::fs::write(&file, crossings_file(ROWS)).unwrap();
    let empty = dir.path().join("empty.csv");
    std::fs::write(&empty, crossings_file(0)).unwrap();
    let url = t.url.as_str();
    let import =
        |path: &std::path::Path| run(url, &["register", "import", "crossings", path.to_str().unwrap()]);
    let started = Instant::now();
    import(&file).ok();
    let whole = started.elapsed();
    assert_eq!(count(t, "register_crossings").await, ROWS as i64);
    let mut clear = vec![
        "DELETE FROM register_crossings",
        "DELETE FROM register_crossing_counts",
        "DELETE FROM register_documents",
        "DELETE FROM register_persons",
    ];
    if t.url.starts_with("postgres") {
        clear.push("DELETE FROM register_crossing_ids"); // the event ids' own key (migration 0023)
    }
    let clear_all = || async {
        for statement in &clear {
            sqlx::query(sqlx::AssertSqlSafe(statement.to_string())).execute(&t.db.pool).await.unwrap();
        }
    };
    clear_all().await;
    let mut outcomes = Vec::new();
    for k in 1..=5u32 {
        let at = whole * k / 6;
        let args = ["--database-url", url, "register", "import", "crossings", file.to_str().unwrap()];
        killed_after(dir.path(), at, &args);
        import(&empty).ok();
        let n = count(t, "register_crossings").await;
        assert!(n == 0 || n == ROWS as i64, "killed after {at:?}: {n} of {ROWS} crossings visible");
        let documents = count(t, "register_documents").await;
        assert!(documents == 0 || documents == ROWS as i64, "killed after {at:?}: {documents} documents");
        outcomes.push(n);
        audit_intact(url);
        clear_all().await;
    }
    eprintln!("crossings after each kill: {outcomes:?} (a whole run took {whole:?})");
    if t.url.starts_with("postgres") {
        let loads: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM pg_tables WHERE schemaname = current_schema() AND tablename LIKE 'register_load_%'",
        )
        .fetch_one(&t.db.pool)
        .await
        .unwrap();
        assert_eq!(loads, 0, "load tables left behind");
    } else {
        assert_eq!(count(t, "import_staging").await, 0, "staged rows left behind");
    }
    import(&file).ok();
    assert_eq!(count(t, "register_crossings").await, ROWS as i64);
    import(&file).ok();
    assert_eq!(count(t, "register_crossings").await, ROWS as i64, "a second import adds nothing");
    audit_intact(url);
}

/// `kill -9` of the server in the middle of a burst of crossings batches from several clients:
/// every batch it acknowledged is stored after the restart; sending all of them again stores
/// each event once; the chain is intact.
async fn a_killed_server_keeps_every_acknowledged_batch(t: &TestDb) {
    let dir = tempdir();
    let url = t.url.as_str();
    let border = token_for(url, "guard", "border");
    let server = Server::serve(dir.path(), url, &[], &[]);
    let port = server.port;
    const CLIENTS: usize = 6;
    const BATCHES: usize = 40;
    const EVENTS: usize = 100;
    let clients: Vec<_> = (0..CLIENTS)
        .map(|c| {
            let border = border.clone();
            std::thread::spawn(move || {
                let mut acknowledged = Vec::new();
                for b in 0..BATCHES {
                    let (status, body) = post_json(
                        port,
                        "/api/v1/crossings",
                        &border,
                        &crossings(&format!("K{c}-{b}"), EVENTS),
                    );
                    match status {
                        200 => acknowledged.push(format!("K{c}-{b}")),
                        0 => break, // the server is gone
                        _ => panic!(
                            "a batch refused before the kill: {status} {}",
                            &body[..body.len().min(300)]
                        ),
                    }
                }
                acknowledged
            })
        })
        .collect();
    // Kill it once some batches are in.
    let deadline = Instant::now() + Duration::from_secs(120);
    while count(t, "register_crossings").await < (CLIENTS * EVENTS * 3) as i64 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    let pid = server.pid();
    let _ = std::process::Command::new("kill").args(["-9", &pid.to_string()]).status();
    let acknowledged: Vec<String> = clients.into_iter().flat_map(|c| c.join().expect("a client")).collect();
    drop(server);
    assert!(!acknowledged.is_empty(), "no batch was acknowledged before the kill");

    for tag in &acknowledged {
        let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM register_crossings WHERE event_id LIKE $1")
            .bind(format!("{tag}-%"))
            .fetch_one(&t.db.pool)
            .await
            .unwrap();
        assert_eq!(
            n, EVENTS as i64,
            "batch {tag} was acknowledged but {n} of its {EVENTS} events are stored"
        );
    }
    let total = count(t, "register_crossings").await;
    assert_eq!(total % EVENTS as i64, 0, "a batch is half-stored: {total} events");
    audit_intact(url);

    // Everything sent again, to a new server: each event once.
    let server = Server::serve(dir.path(), url, &[], &[]);
    for c in 0..CLIENTS {
        for b in 0..BATCHES {
            let (status, body) = post_json(
                server.port,
                "/api/v1/crossings",
                &border,
                &crossings(&format!("K{c}-{b}"), EVENTS),
            );
            assert_eq!(status, 200, "{body}");
        }
    }
    server.stop();
    assert_eq!(count(t, "register_crossings").await, (CLIENTS * BATCHES * EVENTS) as i64);
    eprintln!("{} batches acknowledged before the kill, {total} events stored then", acknowledged.len());
    audit_intact(url);
}
