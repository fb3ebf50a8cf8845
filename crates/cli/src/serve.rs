//! `ashyq serve` and `ashyq demo`: logging, opening the database, and running the server until
//! Ctrl-C or SIGTERM.

use crate::args::{DemoArgs, LogFormat, ServeArgs};
use anyhow::Context;
use ashyq_core::Role;
use ashyq_core::policy::Policy;
use ashyq_server::{AppState, ServerConfig};
use ashyq_store::backup::DbLock;
use ashyq_store::users::{self, NewUser};
use ashyq_store::{Actor, Db, StoreError};
use std::process::ExitCode;

pub fn init_logging(format: LogFormat, server: bool) {
    let default = if server { "info,sqlx=warn,tower_http=info" } else { "warn" };
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default));
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr);
    match format {
        LogFormat::Json => {
            builder.json().flatten_event(true).with_current_span(true).with_span_list(false).init()
        }
        LogFormat::Text => builder.init(),
    }
}

/// Bounds the password hashing to `--password-hashers` (before anything is hashed).
fn set_password_hashers(args: &ServeArgs) {
    if let Some(n) = args.password_hashers {
        ashyq_store::passwords::set_hashers(n.into());
    }
}

pub async fn serve(url: &str, policy: Policy, args: ServeArgs) -> anyhow::Result<ExitCode> {
    set_password_hashers(&args);
    let db = Db::open(url).await.with_context(|| format!("opening {}", redact(url)))?;
    run(db, policy, args).await
}

/// The demo accounts: one per role that can log in, with the message of the name shown.
const DEMO: [(&str, Role, Option<&str>, &str); 7] = [
    ("demo-applicant", Role::Applicant, None, "demo-account-applicant"),
    ("demo-analyst", Role::Analyst, None, "demo-account-analyst"),
    ("demo-coordinator", Role::Coordinator, Some("KZ-71"), "demo-account-coordinator"),
    ("demo-atameken", Role::Coordinator, None, "demo-account-atameken"),
    ("demo-officer", Role::Officer, Some("KZ-75"), "demo-account-officer"),
    ("demo-border", Role::Border, None, "demo-account-border"),
    ("demo-admin", Role::Admin, None, "demo-account-admin"),
];

pub async fn demo(url: &str, policy: Policy, demo: DemoArgs) -> anyhow::Result<ExitCode> {
    let mut args = demo.serve;
    // The demo has no mail server: its messages (verification and reset links) go to the log.
    if args.smtp_url.is_none() {
        args.smtp_url = Some("log:".into());
    }
    set_password_hashers(&args);
    // The demo's own texts, in the language asked for.
    let text = crate::demo_text::DemoText::new(demo.language)?;
    let db = Db::open(url).await.with_context(|| format!("opening {}", redact(url)))?;
    println!("ashyq demo: database {}", redact(url));
    let actor = Actor::cli();
    let mut made = Vec::new();
    for (username, role, region, name) in DEMO {
        let password = crate::accounts::generate_password();
        let new = NewUser {
            username: username.into(),
            display_name: text.t(name),
            role,
            region: region.map(Into::into),
            password: password.clone(),
        };
        match users::create(&db, &actor, new).await {
            Ok(user) => {
                if username == "demo-atameken" {
                    ashyq_store::lists::assign_member(&db, &actor, &user, "atameken").await?;
                }
                made.push((username, role, password))
            }
            Err(StoreError::Conflict { .. }) => {}
            Err(e) => return Err(e.into()),
        }
    }
    if made.is_empty() {
        println!("The demo accounts exist already; their passwords were printed when they were made.");
        println!("Set a new one with: ashyq user set-password demo-admin");
    } else {
        println!("Demo accounts (the passwords are shown this once):");
        println!("  {:<18} {:<12} password", "username", "role");
        for (u, r, p) in &made {
            println!("  {u:<18} {:<12} {p}", r.as_str());
        }
    }
    let data_dir = match &db.sqlite_path {
        Some(p) => p.parent().map_or_else(|| std::path::PathBuf::from("demo-data"), |d| d.join("demo-data")),
        None => std::env::temp_dir().join(format!("ashyq-demo-data-{}", std::process::id())),
    };
    println!("Loading demo data (synthetic labour-market data, two published lists)…");
    match crate::demo_data::load(&db, &policy, &data_dir, &text).await? {
        Some(what) => println!("{what}"),
        None => println!("A list is published already: demo data not loaded again."),
    }
    if let Some(what) = crate::demo_data::load_rates(&db, &data_dir).await? {
        println!("{what}");
    }
    if let Some(what) = crate::demo_data::load_applications(&db, &policy, &data_dir).await? {
        println!("{what}");
    }
    if let Some(what) = crate::demo_data::load_register(&db, &policy, &data_dir).await? {
        println!("{what}");
    }
    if let Some(what) = crate::demo_data::load_cases(&db, &policy, &data_dir, &text).await? {
        println!("{what}");
    }
    if let Some(what) = crate::demo_data::load_kandas(&db, &policy, &text).await? {
        println!("{what}");
    }
    if let Some(what) = crate::demo_data::load_paryz(&db, &policy, &text).await? {
        println!("{what}");
    }
    if let Some(what) = crate::demo_data::load_abroad(&db, &text).await? {
        println!("{what}");
    }
    if demo.no_serve {
        db.close().await;
        println!("The demo is ready; serve it with: ashyq serve");
        return Ok(ExitCode::SUCCESS);
    }
    println!("Open http://{} in a browser. Stop with Ctrl-C.", args.addr);
    run(db, policy, args).await
}

async fn run(db: Db, policy: Policy, args: ServeArgs) -> anyhow::Result<ExitCode> {
    // One server per SQLite file: restore checks this lock.
    let _lock = match &db.sqlite_path {
        Some(path) => Some(DbLock::acquire(path)?),
        None => None,
    };
    let config = ServerConfig {
        secure_cookies: args.secure_cookies,
        trust_proxy: args.trust_proxy,
        session_ttl_secs: args.session_hours * 3600,
        ..ServerConfig::default()
    };
    if db.backend == ashyq_store::db::Backend::Sqlite {
        // An import a crash interrupted while publishing is finished, in slices, while the
        // server already serves (docs/decisions.md, "Imports that do not stop the office").
        let (db, policy) = (db.clone(), policy.clone());
        tokio::spawn(async move {
            let labour = ashyq_store::labour::import::resume(&db).await;
            let register = ashyq_store::register::import::resume(&db, &policy).await;
            if let Err(e) = labour.and(register) {
                tracing::error!("finishing an interrupted import: {e}");
            }
        });
    }
    let public_url = args.public_url.clone().unwrap_or_else(|| format!("http://{}", args.addr));
    let mail = ashyq_server::mail::MailConfig::new(args.smtp_url.as_deref(), &args.mail_from, &public_url)?
        .with_timing(
            std::time::Duration::from_secs(args.mail_poll),
            std::time::Duration::from_secs(args.mail_retry),
        );
    let state = AppState::new(db.clone(), config)?.with_policy(policy).with_mail(mail);
    if args.smtp_url.is_none() {
        tracing::warn!(
            "no --smtp-url: notifications are kept in the outbox and shown in the application, not mailed"
        );
    }
    // The outbox's sender and the periodic reminders, until the process ends.
    ashyq_server::mail::sender::spawn(&state);
    // Signed checkpoints of the audit chain, outside the database: one now (a wrong key or
    // folder stops the start), then periodically and at shutdown.
    let checkpoints = match (&args.checkpoint_dir, &args.checkpoint_key) {
        (Some(dir), Some(key)) => {
            let mut writer = crate::audit_checkpoints::Writer::open(dir, key)?;
            writer.write(&db).await.context("writing the first audit checkpoint")?;
            let writer = std::sync::Arc::new(tokio::sync::Mutex::new(writer));
            crate::audit_checkpoints::every(writer.clone(), db.clone(), args.checkpoint_every);
            Some(writer)
        }
        _ => None,
    };
    let listener = tokio::net::TcpListener::bind(args.addr)
        .await
        .with_context(|| format!("listening on {}", args.addr))?;
    tracing::info!(
        addr = %args.addr,
        backend = ?db.backend,
        password_hashers = ashyq_store::passwords::hashers(),
        "ashyq is serving"
    );
    ashyq_server::serve(listener, state, shutdown_signal()).await?;
    if let Some(writer) = checkpoints
        && let Err(e) = writer.lock().await.write(&db).await
    {
        tracing::error!(error = %e, "writing the last audit checkpoint failed");
    }
    db.close().await;
    tracing::info!("stopped");
    Ok(ExitCode::SUCCESS)
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { () = ctrl_c => {}, () = term => {} }
}

/// A database URL without its password, for messages and logs.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.find('@')) {
        (Some(s), Some(at)) if at > s => {
            let creds = &url[s + 3..at];
            match creds.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..s + 3], &url[at..]),
                None => url.to_string(),
            }
        }
        _ => url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::redact;

    #[test]
    fn passwords_are_not_printed() {
        assert_eq!(redact("postgres://ashyq:s3cret@db:5432/ashyq"), "postgres://ashyq:***@db:5432/ashyq");
        assert_eq!(redact("postgres://postgres@127.0.0.1/test"), "postgres://postgres@127.0.0.1/test");
        assert_eq!(redact("sqlite://./ashyq-data/ashyq.db"), "sqlite://./ashyq-data/ashyq.db");
    }
}
