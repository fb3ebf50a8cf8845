//! The sender: every `poll` it takes the notifications that are due from the outbox and mails
//! them, recording each outcome; every `scan_every` it writes the periodic reminders. Several
//! servers may run it on one database: a notification is held by one sender at a time (its
//! lease), and one a crash interrupted is taken again when the lease ends.

use crate::mail::{MailConfig, Transport, compose};
use crate::state::AppState;
use ashyq_core::outbox::retry_delay_ms;
use ashyq_store::notifications::{outbox, scan};
use lettre::AsyncTransport;
use std::sync::Arc;
use std::time::Instant;

/// How many notifications one pass takes.
const BATCH: i64 = 50;

/// Starts the sender on the state's mail settings; it runs until the process ends.
pub fn spawn(state: &AppState) -> tokio::task::JoinHandle<()> {
    let (state, cfg) = (state.clone(), state.mail.clone());
    tokio::spawn(run(state, cfg))
}

/// Runs until the process ends.
pub async fn run(state: AppState, cfg: Arc<MailConfig>) {
    let mut last_scan: Option<Instant> = None;
    loop {
        if last_scan.is_none_or(|t| t.elapsed() >= cfg.scan_every) {
            match scan::reminders(&state.db, &state.policy, crate::clock::today()).await {
                Ok(n) if n > 0 => tracing::info!(reminders = n, "reminders written to the outbox"),
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "looking for reminders failed"),
            }
            last_scan = Some(Instant::now());
        }
        if let Err(e) = pass(&state, &cfg).await {
            tracing::warn!(error = %e, "the outbox could not be read; trying again");
        }
        tokio::time::sleep(cfg.poll).await;
    }
}

/// One pass over the outbox: what is due now is sent, until none is left.
pub async fn pass(state: &AppState, cfg: &MailConfig) -> Result<usize, ashyq_store::StoreError> {
    if matches!(cfg.transport, Transport::None) {
        return Ok(0);
    }
    let mut sent = 0;
    loop {
        let due = outbox::claim(&state.db, BATCH, cfg.lease).await?;
        if due.is_empty() {
            return Ok(sent);
        }
        for d in due {
            if deliver(state, cfg, &d).await? {
                sent += 1;
            }
        }
    }
}

/// Mails one notification and records what became of it; `true` if it was sent.
async fn deliver(
    state: &AppState,
    cfg: &MailConfig,
    d: &outbox::Due,
) -> Result<bool, ashyq_store::StoreError> {
    let message = match compose::message(&state.i18n, cfg, d) {
        Ok(m) => m,
        Err(why) => {
            tracing::warn!(notification = d.id, error = %why, "a notification cannot be mailed");
            outbox::failed(&state.db, d.id, &why).await?;
            return Ok(false);
        }
    };
    let outcome = match &cfg.transport {
        Transport::Smtp(smtp) => {
            smtp.send(message).await.map(|_| ()).map_err(|e| (e.is_permanent(), e.to_string()))
        }
        Transport::Log => {
            let text = String::from_utf8_lossy(&message.formatted()).into_owned();
            tracing::info!(notification = d.id, to = %d.to, "mail (not sent: --smtp-url log:)\n{}", readable(&text));
            Ok(())
        }
        Transport::None => return Ok(false),
    };
    match outcome {
        Ok(()) => {
            outbox::sent(&state.db, d.id, &d.to).await?;
            state.metrics.mail_sent.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            Ok(true)
        }
        Err((true, why)) => {
            tracing::warn!(notification = d.id, error = %why, "the mail server refused a notification for good");
            outbox::failed(&state.db, d.id, &why).await?;
            Ok(false)
        }
        Err((false, why)) => {
            let base = i64::try_from(cfg.retry_base.as_millis()).unwrap_or(i64::MAX);
            let ceiling = i64::try_from(cfg.retry_ceiling.as_millis()).unwrap_or(i64::MAX);
            let delay = jiff::SignedDuration::from_millis(retry_delay_ms(d.attempts + 1, base, ceiling));
            tracing::info!(notification = d.id, error = %why, attempts = d.attempts + 1, "mail not sent now; trying again later");
            let next = jiff::Timestamp::now().saturating_add(delay).unwrap_or(jiff::Timestamp::MAX);
            outbox::retry(&state.db, d.id, &why, next).await?;
            state.metrics.mail_failed.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            Ok(false)
        }
    }
}

/// A logged message with its encoded text made readable (the demo's user copies links from it).
fn readable(formatted: &str) -> String {
    let (head, body) = formatted.split_once("\r\n\r\n").unwrap_or((formatted, ""));
    let encoding = head
        .lines()
        .find_map(|l| l.strip_prefix("Content-Transfer-Encoding:"))
        .map(|v| v.trim().to_ascii_lowercase())
        .unwrap_or_default();
    let text = match encoding.as_str() {
        "base64" => {
            use base64::Engine;
            let joined: String = body.split_whitespace().collect();
            base64::engine::general_purpose::STANDARD
                .decode(joined)
                .map(|b| String::from_utf8_lossy(&b).into_owned())
                .unwrap_or_else(|_| body.to_string())
        }
        _ => body.replace("=\r\n", "").replace("=3D", "="),
    };
    let subject = head.lines().find(|l| l.starts_with("Subject:")).unwrap_or_default();
    format!("{subject}\n{text}")
}
