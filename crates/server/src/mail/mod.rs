//! Mail: how ashyq reaches a person outside the application. The flows write notifications to
//! the outbox in the transaction of their event (`ashyq_store::notifications`); the sender
//! ([`sender`]) mails them in the recipient's language ([`compose`]) through SMTP, trying again
//! with growing delays while the mail server is away, and finds the periodic reminders.
//! See docs/notifications.md.

pub mod compose;
pub mod sender;

use lettre::message::Mailbox;
use lettre::{AsyncSmtpTransport, Tokio1Executor};
use std::time::Duration;

/// Where mail goes.
#[derive(Clone)]
pub enum Transport {
    /// An SMTP server (`--smtp-url`).
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    /// The server's log, for the demo and development: each message is logged, not mailed.
    Log,
    /// Nowhere: notifications stay in the outbox (and in the application) until a mail server
    /// is configured.
    None,
}

/// How the server mails.
#[derive(Clone)]
pub struct MailConfig {
    pub transport: Transport,
    pub from: Mailbox,
    /// The address people reach ashyq at (`--public-url`), without a trailing slash: links in
    /// messages start with it.
    pub public_url: String,
    /// How often the outbox is looked at.
    pub poll: Duration,
    /// The first delay after a failure; it doubles with each, up to `retry_ceiling`.
    pub retry_base: Duration,
    pub retry_ceiling: Duration,
    /// How long a sender holds a notification it is sending (another sender takes it after).
    pub lease: Duration,
    /// How often the periodic reminders (renewals, training reports) are looked for.
    pub scan_every: Duration,
}

/// Why the mail settings are not usable.
#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error("--smtp-url: {0}")]
    Url(String),
    #[error("--mail-from {0:?}: not an address such as \"ashyq <no-reply@migration.gov.kz>\"")]
    From(String),
    #[error("--public-url {0:?}: must start with http:// or https://")]
    PublicUrl(String),
}

impl Default for MailConfig {
    /// Nothing mailed; links point at the default address of `ashyq serve`.
    fn default() -> MailConfig {
        MailConfig::new(None, "ashyq <no-reply@localhost>", "http://127.0.0.1:8080")
            .expect("the default mail settings are valid")
    }
}

impl std::fmt::Debug for MailConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let transport = match self.transport {
            Transport::Smtp(_) => "smtp",
            Transport::Log => "log",
            Transport::None => "none",
        };
        f.debug_struct("MailConfig")
            .field("transport", &transport)
            .field("public_url", &self.public_url)
            .finish()
    }
}

impl MailConfig {
    /// Settings from the command line: `smtp_url` none keeps notifications in the outbox;
    /// `log:` writes each message to the log instead of mailing it.
    pub fn new(smtp_url: Option<&str>, from: &str, public_url: &str) -> Result<MailConfig, MailError> {
        ashyq_store::db::use_ring_for_tls();
        let transport = match smtp_url.map(str::trim) {
            None | Some("") => Transport::None,
            Some("log:") | Some("log") => Transport::Log,
            Some(url) => Transport::Smtp(
                AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                    .map_err(|e| MailError::Url(e.to_string()))?
                    .timeout(Some(Duration::from_secs(20)))
                    .build(),
            ),
        };
        let from = from.parse::<Mailbox>().map_err(|_| MailError::From(from.to_string()))?;
        let public_url = public_url.trim().trim_end_matches('/').to_string();
        if !(public_url.starts_with("http://") || public_url.starts_with("https://")) {
            return Err(MailError::PublicUrl(public_url));
        }
        Ok(MailConfig {
            transport,
            from,
            public_url,
            poll: Duration::from_secs(2),
            retry_base: Duration::from_secs(30),
            retry_ceiling: Duration::from_secs(3600),
            lease: Duration::from_secs(120),
            scan_every: Duration::from_secs(3600),
        })
    }

    /// The same with the outbox looked at every `poll` and failures tried again from `base`
    /// (tests use short ones).
    pub fn with_timing(mut self, poll: Duration, retry_base: Duration) -> MailConfig {
        self.poll = poll;
        self.retry_base = retry_base;
        self.retry_ceiling = self.retry_ceiling.max(retry_base);
        self
    }
}
