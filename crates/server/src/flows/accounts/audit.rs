//! The audit log, for administrators: the records searched (who acted, what they did, on which
//! object, between which days) a page at a time, newest first; the same as a CSV file (audited
//! as `audit.export`: the log names people); and a check of the whole hash chain that names the
//! first broken record.

use crate::access::Access;
use crate::auth::Principal;
use crate::flows::Outcome;
use crate::problem::Problem;
use crate::state::AppState;
use ashyq_core::Role;
use ashyq_core::audit::AuditRecord;
use ashyq_store::audit::{AuditFilter, Event};
use ashyq_store::{StoreError, audit};
use axum::http::StatusCode;
use jiff::civil::Date;
use std::ops::RangeInclusive;

const ADMINS: &[Role] = &[Role::Admin];

/// Every action the audit log records, by its code (`object.verb`): the pages say each in
/// words (a Fluent message `of-action-<code with dashes for dots>`); a code not listed here (a
/// record written by a later version, say) is said generically, its code beside.
pub const ACTIONS: &[&str] = &[
    "abroad.agreement.save",
    "abroad.case.action",
    "abroad.case.list",
    "abroad.case.open",
    "abroad.case.read",
    "abroad.case.status",
    "abroad.worker.read",
    "abroad.worker.register",
    "abroad.worker.search",
    "account.contact",
    "account.email_verified",
    "account.link_refused",
    "account.password_reset",
    "account.reset_requested",
    "account.signup",
    "account.verification_sent",
    "applications.submit",
    "audit.export",
    "case.approved",
    "case.confirmed",
    "case.create",
    "case.evidence",
    "case.evidence.read",
    "case.info_requested",
    "case.message",
    "case.override",
    "case.queue",
    "case.read",
    "case.refused",
    "case.replied",
    "case.returned",
    "case.submit",
    "case.withdrawn",
    "coordination.body_add",
    "coordination.body_disable",
    "coordination.body_enable",
    "coordination.member",
    "document.download",
    "kandas.assign",
    "kandas.create",
    "kandas.file",
    "kandas.pay",
    "kandas.queue",
    "kandas.read",
    "kandas.refuse",
    "labour.import",
    "labour.preview",
    "labour.preview.cancel",
    "list.approve",
    "list.draft",
    "list.opinion",
    "list.publish",
    "list.revise",
    "list.send",
    "paryz.decide",
    "paryz.nominate",
    "paryz.read",
    "paryz.year.close",
    "paryz.year.open",
    "paryz.year.publish",
    "permit.cancel",
    "permit.issue",
    "permit.list",
    "permit.read",
    "permit.renew",
    "permit.report",
    "permit.solvency",
    "policy.simulate",
    "quota.set",
    "rates.import",
    "register.alerts",
    "register.alerts.export",
    "register.check",
    "register.crossings",
    "register.days_corrected",
    "register.import",
    "register.overstayers",
    "register.person.merge",
    "register.person.read",
    "register.person.split",
    "register.person.unmerge",
    "register.person.unsplit",
    "register.search",
    "round.hold",
    "session.login",
    "session.login_failed",
    "session.logout",
    "token.create",
    "token.revoke",
    "user.create",
    "user.disable",
    "user.enable",
    "user.list",
    "user.read",
    "user.set_password",
    "user.set_role",
];

/// The message that says an action in words.
pub fn action_key(code: &str) -> String {
    format!("of-action-{}", code.replace('.', "-"))
}

/// How many records one read may give.
pub const LIMITS: RangeInclusive<i64> = 1..=1000;

/// Records a page shows when no other size is asked for.
pub const PAGE_SIZE: i64 = 50;

/// The most records one CSV file holds (the newest that match).
pub const EXPORTED: i64 = 100_000;

/// The search as typed: each part optional, blank is none.
#[derive(Debug, Clone, Default)]
pub struct Asked {
    pub actor: Option<String>,
    pub action: Option<String>,
    pub object_type: Option<String>,
    pub object_id: Option<String>,
    /// The first day (in Kazakhstan), `YYYY-MM-DD`.
    pub from: Option<String>,
    /// The last day (in Kazakhstan), `YYYY-MM-DD`.
    pub to: Option<String>,
}

/// A part of the search that does not read: its field (`actor`, `action`, `object_type`,
/// `object_id`, `from`, `to`), the value, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadPart {
    pub field: &'static str,
    pub value: String,
    pub reason: &'static str,
}

fn blank(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|t| !t.is_empty())
}

fn code_like(t: &str, dots: bool) -> bool {
    let body = if dots { t.strip_suffix(".*").unwrap_or(t) } else { t };
    !body.is_empty()
        && body.len() <= 64
        && body
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || (dots && b == b'.'))
}

/// The start of a day in Kazakhstan, in microseconds.
fn day_start(d: Date) -> Option<jiff::Timestamp> {
    d.to_zoned(ashyq_store::kazakhstan()).ok().map(|z| z.timestamp())
}

impl Asked {
    /// The filter of the parts that read, and those that do not.
    pub fn filter(&self) -> (AuditFilter, Vec<BadPart>) {
        let mut bad = Vec::new();
        let mut f = AuditFilter::default();
        let mut refuse = |field: &'static str, value: &str, reason: &'static str| {
            bad.push(BadPart { field, value: value.to_string(), reason });
        };
        if let Some(a) = blank(&self.actor) {
            if a.chars().count() <= 64 && !a.chars().any(char::is_control) {
                f.actor = Some(a.to_lowercase());
            } else {
                refuse("actor", a, "a username of at most 64 characters");
            }
        }
        if let Some(a) = blank(&self.action) {
            if code_like(a, true) {
                f.action = Some(a.to_string());
            } else {
                refuse("action", a, "an action code such as user.list, or its beginning and .* (case.*)");
            }
        }
        if let Some(t) = blank(&self.object_type) {
            if code_like(t, false) {
                f.object_type = Some(t.to_string());
            } else {
                refuse("object_type", t, "an object type such as user or case");
            }
        }
        if let Some(id) = blank(&self.object_id) {
            if id.chars().count() <= 200 && !id.chars().any(char::is_control) {
                f.object_id = Some(id.to_string());
            } else {
                refuse("object_id", id, "at most 200 characters");
            }
        }
        let mut day = |field: &'static str, v: &Option<String>| -> Option<Date> {
            let t = blank(v)?;
            match t.parse::<Date>() {
                Ok(d) if d.year() >= 2000 && d.year() <= 2100 => Some(d),
                _ => {
                    refuse(field, t, "a day as YYYY-MM-DD, from 2000 to 2100");
                    None
                }
            }
        };
        let from = day("from", &self.from);
        let to = day("to", &self.to);
        match (from, to) {
            (Some(a), Some(b)) if b < a => {
                refuse("to", &b.to_string(), "a day not before the first day");
                f.from = day_start(a);
            }
            _ => {
                f.from = from.and_then(day_start);
                f.until = to.and_then(|d| d.tomorrow().ok()).and_then(day_start);
            }
        }
        (f, bad)
    }
}

impl BadPart {
    /// The part as the API refuses it: a 400 naming the field (as a bad `limit` always was).
    pub fn problem(&self) -> Problem {
        bad_request(self.field, &format!("{:?} is not {}", self.value, self.reason))
    }
}

/// A 400 naming `field`.
pub fn bad_request(field: &str, message: &str) -> Problem {
    Problem::new(StatusCode::BAD_REQUEST, "validation", format!("{field}: {message}")).field(field, message)
}

/// One page of the records that match, newest first, and how many match in all. `page` from 1;
/// `limit` in [`LIMITS`] (a 400 naming `page` or `limit` otherwise).
pub async fn search(
    s: &AppState,
    p: &Principal,
    f: &AuditFilter,
    page: i64,
    limit: i64,
) -> Outcome<(i64, Vec<AuditRecord>)> {
    Access::of(p).require(ADMINS)?;
    if !LIMITS.contains(&limit) {
        return Err(bad_request("limit", "must be 1 to 1000").into());
    }
    if !(1..=1_000_000).contains(&page) {
        return Err(bad_request("page", "must be 1 to 1000000").into());
    }
    Ok(audit::search(&s.db, f, (page - 1) * limit, limit).await?)
}

/// The records that match (the newest [`EXPORTED`]), newest first, to be downloaded: a read of
/// what the log says about people, itself audited (`audit.export`, with the search).
pub async fn export(s: &AppState, p: &Principal, f: &AuditFilter) -> Outcome<Vec<AuditRecord>> {
    Access::of(p).require(ADMINS)?;
    let (total, records) = audit::search(&s.db, f, 0, EXPORTED).await?;
    let detail = serde_json::json!({
        "actor": f.actor, "action": f.action, "object_type": f.object_type, "object_id": f.object_id,
        "from_us": f.from.map(ashyq_store::codec::ts_to_us), "until_us": f.until.map(ashyq_store::codec::ts_to_us), "rows": records.len(), "total": total,
    });
    audit::record(&s.db, &p.actor(), Event::new("audit.export", "audit", "log").detail(detail)).await?;
    Ok(records)
}

/// What a check of the chain found.
pub enum Chain {
    /// Every record links to the one before: how many were checked.
    Intact(i64),
    /// The first broken record and why.
    Broken { seq: i64, reason: String },
}

/// Checks the whole hash chain.
pub async fn verify(s: &AppState, p: &Principal) -> Outcome<Chain> {
    Access::of(p).require(ADMINS)?;
    match audit::verify(&s.db).await {
        Ok(n) => Ok(Chain::Intact(n)),
        Err(StoreError::AuditBroken(b)) => Ok(Chain::Broken { seq: b.seq(), reason: b.to_string() }),
        Err(e) => Err(e.into()),
    }
}
