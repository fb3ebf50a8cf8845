//! The outbox of notifications survives a killed server: with the mail server down, the
//! notifications of events are kept; after both come back, each is delivered exactly once, and
//! a further restart sends nothing again. `ashyq serve` runs as a process, killed with SIGKILL.

use crate::support::{Server, http};
use ashyq_store::mail_sink::{MailSink, free_port};
use ashyq_store::testing::TestDb;
use sqlx::Row;
use std::time::{Duration, Instant};

const PEOPLE: [&str; 3] = ["asel", "bolat", "dina"];

fn serve(dir: &std::path::Path, url: &str, smtp_port: u16) -> Server {
    let smtp = format!("smtp://127.0.0.1:{smtp_port}");
    Server::serve(
        dir,
        url,
        &[],
        &["--smtp-url", &smtp, "--mail-poll", "1", "--mail-retry", "1", "--public-url", "http://ashyq.test"],
    )
}

async fn states(t: &TestDb) -> Vec<(String, i64)> {
    sqlx::query("SELECT state, attempts FROM notifications WHERE kind = 'email_verify' ORDER BY id")
        .fetch_all(&t.db.pool)
        .await
        .unwrap()
        .iter()
        .map(|r| (r.try_get("state").unwrap(), r.try_get("attempts").unwrap()))
        .collect()
}

async fn the_outbox_survives_a_killed_server(t: &TestDb) {
    let dir = tempfile::tempdir().unwrap();
    let smtp_port = free_port();
    let server = serve(dir.path(), &t.url, smtp_port);
    for name in PEOPLE {
        let body = format!(
            r#"{{"username":"{name}","display_name":"{name}","email":"{name}@example.kz","password":"a long enough password"}}"#
        );
        let r = http(server.port, "POST", "/api/v1/signup", &[("content-type", "application/json")], &body)
            .unwrap();
        assert_eq!(r.status, 201, "{}", r.body);
    }
    // The sender tries, and fails: the mail server is down.
    let deadline = Instant::now() + Duration::from_secs(30);
    while states(t).await.iter().filter(|(_, attempts)| *attempts > 0).count() < PEOPLE.len() {
        assert!(
            Instant::now() < deadline,
            "the sender never tried: {:?}\n{}",
            states(t).await,
            server.stderr()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    server.stop();
    let kept = states(t).await;
    assert_eq!(kept.len(), PEOPLE.len());
    assert!(kept.iter().all(|(state, _)| state == "pending"), "{kept:?}");
    // Both come back.
    let sink = MailSink::start_on(smtp_port);
    let server = serve(dir.path(), &t.url, smtp_port);
    let deadline = Instant::now() + Duration::from_secs(30);
    while sink.received().len() < PEOPLE.len() {
        assert!(Instant::now() < deadline, "not delivered: {:?}\n{}", states(t).await, server.stderr());
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // Time for a second sending, were there one; then a restart.
    tokio::time::sleep(Duration::from_secs(3)).await;
    server.stop();
    let server = serve(dir.path(), &t.url, smtp_port);
    tokio::time::sleep(Duration::from_secs(3)).await;
    server.stop();
    for name in PEOPLE {
        let to = sink.to(&format!("{name}@example.kz"));
        assert_eq!(to.len(), 1, "{name}: delivered {} times", to.len());
        assert!(to[0].link("http://ashyq.test/verify-email?token=").is_some());
    }
    assert_eq!(sink.received().len(), PEOPLE.len());
    assert!(states(t).await.iter().all(|(state, _)| state == "sent"));
}

crate::both_backends!(the_outbox_survives_a_killed_server);
