//! One case as an officer sees it: the holder, the answers as a readable list, the rules'
//! automatic decision with its full trace (made again for today, as a decision would be), the
//! evidence to download, the history with overrides marked, and the forms of
//! [`crate::flows::cases::pages::moves`] — hidden from administrators, who read only, and the confirmation
//! hidden from the officer who approved.

use crate::auth::Principal;
use crate::flows::Error;
use crate::flows::cases::{self, CaseFile, evidence};
use crate::flows::eligibility::pages::check::{self as eligibility, DecisionView};
use crate::state::AppState;
use crate::web::labels::{outcome_text, programme_name, region_text, status_text};
use crate::web::page::Page;
use crate::web::refusal::failed_read;
use ashyq_core::cases::CaseStatus;
use ashyq_core::cases::decision::OVERRIDE_REASON_MIN_CHARS;
use ashyq_core::cases::status::four_eyes;
use ashyq_core::rules::Programme;
use ashyq_store::cases::Case;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

pub struct EventRow {
    pub kind: String,
    pub kind_code: String,
    pub at: String,
    pub actor: String,
    pub change: String,
    pub body: String,
    pub override_text: Option<String>,
}

pub struct EvidenceRow {
    pub id: i64,
    pub document: String,
    pub number: String,
    pub issuer: String,
    pub issued_on: String,
    pub file_name: String,
    pub media_type: String,
    pub size: String,
    pub sha256: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "cases_show.html")]
pub struct CasePage {
    page: Page,
    id: i64,
    reference: String,
    status: &'static str,
    status_text: String,
    summary: Vec<(String, String)>,
    /// (label, value, whether the value is a proper name: shown as written in every language).
    holder: Vec<(String, String, bool)>,
    facts: Vec<(String, String)>,
    stored_outcome: String,
    decision: Option<DecisionView>,
    trace_error: Option<String>,
    evidence: Vec<EvidenceRow>,
    events: Vec<EventRow>,
    permit: Option<(i64, String)>,
    /// The caller is an officer who may act on the case.
    officer: bool,
    may_decide: bool,
    may_confirm: bool,
    same_officer: bool,
    awaiting: bool,
    four_eyes: bool,
    override_note: String,
    reason: String,
    notice: Option<String>,
    error: Option<String>,
}

fn fact_rows(
    s: &AppState,
    page: &Page,
    prefix: &str,
    v: &serde_json::Value,
    out: &mut Vec<(String, String)>,
) {
    fact_rows_of(s, page, prefix, "", v, out)
}

fn fact_rows_of(
    s: &AppState,
    page: &Page,
    prefix: &str,
    key: &str,
    v: &serde_json::Value,
    out: &mut Vec<(String, String)>,
) {
    // A field by its question's words, a group of fields by its heading on the form.
    let label = |key: &str| {
        let k = format!("ecf-{key}");
        match group_heading(key) {
            _ if s.i18n.has(page.lang, &k) => page.t(&k),
            Some(g) => page.t(g),
            None => key.replace('_', " "),
        }
    };
    let joined = |name: String| if prefix.is_empty() { name } else { format!("{prefix} › {name}") };
    match v {
        serde_json::Value::Object(m) => {
            for (k, x) in m {
                fact_rows_of(s, page, &joined(label(k)), k, x, out);
            }
        }
        serde_json::Value::Array(a) if a.iter().all(|x| !x.is_object() && !x.is_array()) => {
            let text = a.iter().map(|x| scalar(page, key, x)).collect::<Vec<_>>().join(", ");
            out.push((prefix.to_string(), if text.is_empty() { page.t("co-none") } else { text }));
        }
        serde_json::Value::Array(a) => {
            if a.is_empty() {
                out.push((prefix.to_string(), page.t("co-none")));
            }
            // A family member, a language, an investment: the form's "Член семьи 2".
            let row = row_heading(key);
            for (i, x) in a.iter().enumerate() {
                let n = (i + 1).to_string();
                let name = match row {
                    Some(r) => {
                        let parent = prefix.rsplit_once(" › ").map_or("", |(p, _)| p);
                        let own = page.t1(r, "n", &n);
                        if parent.is_empty() { own } else { format!("{parent} › {own}") }
                    }
                    None => format!("{prefix} {n}"),
                };
                fact_rows_of(s, page, &name, key, x, out);
            }
        }
        serde_json::Value::Null => out.push((prefix.to_string(), page.t("co-none"))),
        serde_json::Value::Bool(b) => {
            out.push((prefix.to_string(), page.t(if *b { "co-yes" } else { "co-no" })))
        }
        x => out.push((prefix.to_string(), scalar(page, key, x))),
    }
}

/// A facts path (`applicant.funds.amount_kzt`, `family[1].birth_date`) as the form names it:
/// "О вас › Деньги на вашем счёте", "Член семьи 2 › Дата рождения"; none for a path the
/// form has no words for.
fn question_words(page: &Page, path: &str) -> Option<String> {
    let mut parts = Vec::new();
    for segment in path.split('.').filter(|s| !s.is_empty()) {
        let (key, index) = match segment.split_once('[') {
            Some((k, rest)) => (k, Some(rest.trim_end_matches(']').parse::<usize>().ok()?)),
            None => (segment, None),
        };
        let own = format!("ecf-{key}");
        let name = match index {
            Some(i) => page.t1(row_heading(key)?, "n", &(i + 1).to_string()),
            None if page.has(&own) => page.t(&own),
            None => page.t(group_heading(key)?),
        };
        parts.push(name);
    }
    (!parts.is_empty()).then(|| parts.join(" › "))
}

/// The heading the application form gives a group of answers.
fn group_heading(key: &str) -> Option<&'static str> {
    Some(match key {
        "applicant" => "ecg-you",
        "funds" => "ecg-funds",
        "housing" => "ecg-housing",
        "training_plan" => "ecg-training",
        "business_abroad" => "ecg-business",
        "family" => "co-facts-family",
        "languages" => "co-facts-languages",
        "investments" => "co-facts-investments",
        _ => return None,
    })
}

/// The heading of one row of a repeated group, with its number as `$n`.
fn row_heading(key: &str) -> Option<&'static str> {
    match key {
        "family" => Some("ecg-family"),
        "languages" => Some("ecg-language"),
        "investments" => Some("ecg-investment"),
        _ => None,
    }
}

/// A sex as the passport gives it (`M`, `F`, `X`), in words.
fn sex_words(page: &Page, sex: &str) -> String {
    let key = format!("sex-{}", sex.to_ascii_lowercase());
    if page.has(&key) { page.t(&key) } else { sex.to_string() }
}

/// An answer in words: a region or country by name, a date and a number the page's way.
fn scalar(page: &Page, key: &str, v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(t) if key == "region" => page.region(t),
        serde_json::Value::String(t)
            if matches!(
                key,
                "nationality" | "citizenship" | "country" | "issuing_state" | "country_of_residence"
            ) =>
        {
            page.country(t)
        }
        // Identifiers (an IIN, a BIN, a document's number, a code) stay as written.
        serde_json::Value::String(t)
            if ["iin", "bin", "number", "phone", "code", "occupation"].iter().any(|w| key.contains(w)) =>
        {
            t.clone()
        }
        serde_json::Value::String(t) => match t.parse::<rust_decimal::Decimal>() {
            Ok(d) if !t.starts_with('0') || t == "0" || t.starts_with("0.") => page.number(d),
            _ => page.d(t.as_str()),
        },
        serde_json::Value::Number(n) => match n.to_string().parse::<rust_decimal::Decimal>() {
            Ok(d) => page.number(d),
            Err(_) => n.to_string(),
        },
        x => x.to_string(),
    }
}

/// The rules' decision on the case's facts for today, with its trace; or why it cannot be made.
async fn trace(s: &AppState, page: &Page, case: &Case) -> Result<DecisionView, String> {
    let today = crate::clock::today();
    cases::explain(s, case, today, |d| eligibility::decision_view(page, d)).await.map_err(|e| match e {
        Error::Refused(p) => {
            let reason = crate::web::refusal::reason_words(page, &p);
            match p.errors.first() {
                // The officer reads which answer: the form's heading and question, in words.
                Some(f) if f.field.starts_with("facts") => {
                    let path = f.field.trim_start_matches("facts").trim_start_matches('.');
                    let named = match question_words(page, path) {
                        Some(q) => format!("{q}: {reason}"),
                        None => reason,
                    };
                    page.t1("ec-err-facts", "reason", &named)
                }
                Some(_) => page.t1("ec-err-cannot-decide", "reason", &reason),
                None => crate::web::refusal::problem_words(page, &p),
            }
        }
        Error::Store(e) => crate::web::refusal::in_words(page, &e),
    })
}

/// Renders a case's page with `status`, a notice or an error, and the reason typed back.
pub async fn render(
    s: &AppState,
    principal: &Principal,
    mut page: Page,
    status: StatusCode,
    id: i64,
    notice: Option<String>,
    error: Option<(String, String)>,
) -> Response {
    page.here = format!("/cases/{id}");
    let CaseFile { case: c, events, evidence: files, .. } = match cases::show(s, principal, id).await {
        Ok(f) => f,
        Err(e) => return failed_read(page, e),
    };
    let me = principal.user.as_ref().map(|u| u.username.clone()).unwrap_or_default();
    let officer = crate::access::Access::of(principal).role == ashyq_core::Role::Officer;
    let yes_no = |b: bool| page.t(if b { "co-yes" } else { "co-no" });
    let mut summary = vec![
        (page.t("co-programme"), programme_name(&page, c.programme)),
        (page.t("co-region"), region_text(&page, &c.region)),
        (page.t("co-applicant"), c.applicant.clone()),
        (page.t("co-created"), page.instant(c.created_at)),
    ];
    if let Some(t) = c.submitted_at {
        summary.push((page.t("co-submitted"), page.instant(t)));
    }
    if let Some(p) = c.points {
        summary.push((page.t("co-points"), p.to_string()));
    }
    if let Some(sec) = &c.sector {
        summary.push((page.t("co-sector"), sec.clone()));
    }
    if c.programme == Programme::ValuableSkillsVisa {
        summary.push((page.t("co-invited"), yes_no(c.invited_round.is_some())));
    }
    if let Some(a) = &c.approved_by {
        summary.push((page.t("co-approved-by"), a.clone()));
    }
    if let Some(d) = &c.decided_by {
        summary.push((page.t("co-decided-by"), d.clone()));
    }
    // The second officer of a four-eyes approval is on the case's record as the confirmation.
    if let Some(e) = events.iter().rev().find(|e| e.kind == "confirmed") {
        summary.push((page.t("co-confirmed-by"), e.actor.clone()));
    }
    let h = &c.holder;
    let holder = vec![
        (page.t("co-holder-surname"), h.surname.clone(), true),
        (page.t("co-holder-given"), h.given_names.clone(), true),
        (page.t("co-holder-birth"), page.d(&h.birth_date), false),
        (page.t("co-holder-sex"), sex_words(&page, &h.sex), false),
        (page.t("co-holder-nationality"), page.country(&h.nationality), false),
        (page.t("co-holder-passport"), h.passport_number.clone(), true),
        (page.t("co-holder-passport-expiry"), page.d(&h.passport_expiry), false),
    ];
    let mut facts = Vec::new();
    fact_rows(s, &page, "", &c.facts, &mut facts);
    let (decision, trace_error) = match trace(s, &page, &c).await {
        Ok(d) => (Some(d), None),
        Err(e) => (None, Some(e)),
    };
    let stored_outcome = page.tn(
        "co-stored-outcome",
        &[
            ("outcome", &outcome_text(&page, c.outcome.as_deref())),
            ("date", &page.d(&c.applied_on)),
            ("edition", c.policy_edition.as_deref().unwrap_or("—")),
        ],
    );
    let evidence = files
        .iter()
        .map(|f| EvidenceRow {
            id: f.id,
            document: {
                let k = format!("co-doc-{}", f.document_type);
                if s.i18n.has(page.lang, &k) { page.t(&k) } else { f.document_type.clone() }
            },
            number: f.number.clone(),
            issuer: f.issuer.clone(),
            issued_on: page.d(&f.issued_on),
            file_name: f.file_name.clone(),
            media_type: f.media_type.clone(),
            size: page.tc("co-bytes", f.size_bytes, &[]),
            sha256: f.sha256.clone(),
        })
        .collect();
    let events = events
        .iter()
        .map(|e| EventRow {
            kind: {
                let k = format!("co-event-{}", e.kind);
                if s.i18n.has(page.lang, &k) { page.t(&k) } else { e.kind.clone() }
            },
            kind_code: e.kind.clone(),
            at: page.instant(e.at),
            actor: format!("{} ({})", e.actor, page.t(&format!("role-{}", e.actor_role))),
            change: match (&e.from_status, &e.to_status) {
                (Some(f), Some(t)) => format!("{} → {}", status_word(&page, f), status_word(&page, t)),
                (None, Some(t)) => status_word(&page, t),
                _ => String::new(),
            },
            body: e.body.clone().unwrap_or_default(),
            override_text: e
                .override_of
                .as_ref()
                .map(|o| page.t1("co-override-of", "outcome", &outcome_text(&page, Some(o)))),
        })
        .collect();
    let awaiting = c.status == CaseStatus::AwaitingConfirmation;
    let same_officer = awaiting && c.approved_by.as_deref() == Some(me.as_str());
    let (reason, error) = match error {
        Some((reason, text)) => (reason, Some(text)),
        None => (String::new(), None),
    };
    let view = CasePage {
        id: c.id,
        reference: c.reference.clone(),
        status: c.status.as_str(),
        status_text: status_text(&page, c.status),
        summary,
        holder,
        facts,
        stored_outcome,
        decision,
        trace_error,
        evidence,
        events,
        permit: c.permit_id.zip(c.permit_number.clone()),
        officer,
        may_decide: officer && c.status == CaseStatus::Submitted,
        may_confirm: officer && awaiting && !same_officer,
        same_officer,
        awaiting,
        four_eyes: four_eyes(c.programme),
        override_note: page.tc("co-override-note", OVERRIDE_REASON_MIN_CHARS, &[]),
        reason,
        notice,
        error,
        page,
    };
    (status, view).into_response()
}

fn status_word(page: &Page, s: &str) -> String {
    CaseStatus::parse(s).map_or_else(|| s.to_string(), |st| status_text(page, st))
}

#[derive(Deserialize, Default)]
pub struct ShowQuery {
    done: Option<String>,
}

/// One case (the read is audited by the store).
pub async fn show(
    State(s): State<AppState>,
    principal: Principal,
    page: Page,
    Path(id): Path<i64>,
    Query(q): Query<ShowQuery>,
) -> Response {
    let notice = q.done.map(|d| {
        let key = format!(
            "co-done-{}",
            d.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '_').collect::<String>()
        );
        page.t(&key)
    });
    render(&s, &principal, page, StatusCode::OK, id, notice, None).await
}

/// A piece of evidence, as an attachment never rendered by the browser (the download is
/// audited by the store).
pub async fn download(
    State(s): State<AppState>,
    principal: Principal,
    page: Page,
    Path((id, evidence_id)): Path<(i64, i64)>,
) -> Response {
    match evidence::download(&s, &principal, id, evidence_id).await {
        Ok((meta, bytes)) => evidence::evidence_file(&meta, bytes),
        Err(e) => failed_read(page, e),
    }
}

/// This module's routes, each with its row of the access table
/// (public, applicant, analyst, coordinator, officer, border, admin).
#[rustfmt::skip]
pub fn routes(b: crate::routes::RouteBuilder) -> crate::routes::RouteBuilder {
    b
        .page_get("/cases/{id}", [401, 403, 403, 403, 200, 403, 200], show)
        .page_get("/cases/{id}/evidence/{evidence_id}", [401, 403, 403, 403, 200, 403, 200], download)
}
