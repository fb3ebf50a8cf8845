//! The words of a notification in a language: its title and text (shown in the application's
//! list and mailed), the page of ashyq it is about, and the whole message for the mail. A
//! one-time link's token goes only into the mail, never into the list.

use crate::i18n::{I18n, Lang};
use crate::mail::MailConfig;
use ashyq_store::notifications::Kind;
use ashyq_store::notifications::outbox::Due;
use lettre::Message;
use lettre::message::header::ContentType;
use serde_json::Value;

/// A notification in words.
#[derive(Debug, Clone)]
pub struct Words {
    pub title: String,
    pub text: String,
    /// The page it is about, a path of this site.
    pub href: String,
}

/// A civil date (`2026-12-07`) as the language writes it: `07.12.2026` in Kazakh and Russian,
/// `7 Dec 2026` in English; anything else as it is.
pub fn civil_date(lang: Lang, iso: &str) -> String {
    ashyq_core::locale::iso_date(iso, lang.language())
}

fn text_arg(args: &Value, name: &str) -> String {
    match args.get(name) {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => String::new(),
    }
}

/// The title, text and page of a notification of `kind` about `subject_id` with `args`.
pub fn words(i18n: &I18n, lang: Lang, kind: Kind, subject_id: &str, args: &Value) -> Words {
    let a = |n: &str| text_arg(args, n);
    let programme = ashyq_core::rules::Programme::ALL
        .into_iter()
        .find(|p| p.id() == a("programme"))
        .map(|p| i18n.message(lang, &format!("ec-prog-{}", p.id()), &[]))
        .unwrap_or_default();
    let region = ashyq_core::region::by_code(&a("region"))
        .map(|r| r.name(lang.code()).to_string())
        .unwrap_or_default();
    let values: Vec<(&str, String)> = vec![
        ("email", a("email")),
        ("reference", a("reference")),
        ("programme", programme),
        ("outcome", a("outcome")),
        ("reason", a("reason")),
        ("number", a("number")),
        ("until", civil_date(lang, &a("valid_until"))),
        ("period", a("period")),
        ("due", civil_date(lang, &a("due"))),
        ("region", region),
        ("list", a("list")),
        ("revision", a("revision")),
    ];
    let refs: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let code = kind.as_str();
    let case = || match args.get("case").map(|_| a("case")) {
        Some(c) => format!("/applications/{c}"),
        None => "/applications".to_string(),
    };
    let href = match kind {
        Kind::EmailVerify => "/account".to_string(),
        Kind::PasswordReset => "/login".to_string(),
        Kind::InfoRequested | Kind::Decision => format!("/applications/{subject_id}"),
        Kind::PermitIssued | Kind::RenewalDue | Kind::ReportDue | Kind::ReportOverdue => case(),
        Kind::KandasAssigned => format!("/kandas/mine/{subject_id}"),
        Kind::DraftReceived => format!("/coordination/lists/{subject_id}"),
    };
    Words {
        title: i18n.message(lang, &format!("notice-{code}-title"), &refs),
        text: i18n.message(lang, &format!("notice-{code}-text"), &refs),
        href,
    }
}

/// The link a message carries: the one-time link of a verification or a reset, else the page
/// the notification is about.
pub fn link(cfg: &MailConfig, d: &Due, words: &Words) -> String {
    let base = &cfg.public_url;
    match (d.kind, d.secret.as_deref()) {
        (Kind::EmailVerify, Some(token)) => format!("{base}/verify-email?token={token}"),
        (Kind::PasswordReset, Some(token)) => format!("{base}/password/reset?token={token}"),
        _ => format!("{base}{}", words.href),
    }
}

/// The recipient's language: the one they chose, else Kazakh.
pub fn language(d: &Due) -> Lang {
    d.language.as_deref().and_then(Lang::from_code).unwrap_or(Lang::Kk)
}

/// The message to mail for a notification taken from the outbox. `Err` names why it cannot be
/// made (an address the mail library refuses): that is a permanent failure.
pub fn message(i18n: &I18n, cfg: &MailConfig, d: &Due) -> Result<Message, String> {
    let lang = language(d);
    let w = words(i18n, lang, d.kind, &d.subject_id, &d.args);
    let link = link(cfg, d, &w);
    let greeting = i18n.message(lang, "mail-greeting", &[("name", &d.display_name)]);
    let footer = i18n.message(lang, "mail-footer", &[("url", &format!("{}/notifications", cfg.public_url))]);
    let body = format!("{greeting}\r\n\r\n{}\r\n\r\n{link}\r\n\r\n-- \r\n{footer}\r\n", w.text);
    let to = d.to.parse().map_err(|e| format!("the address {:?}: {e}", d.to))?;
    let host = cfg.public_url.split("://").nth(1).and_then(|h| h.split(['/', ':']).next()).unwrap_or("ashyq");
    let key = ashyq_store::secret::token_hash(&d.dedupe_key);
    Message::builder()
        .from(cfg.from.clone())
        .to(to)
        .subject(w.title)
        .message_id(Some(format!("<ashyq.{}.{}@{host}>", d.id, &key[..16])))
        .header(ContentType::TEXT_PLAIN)
        .body(body)
        .map_err(|e| e.to_string())
}
