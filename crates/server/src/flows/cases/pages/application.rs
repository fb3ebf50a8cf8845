//! The applicant's page of one application: its status in plain words, the rules' automatic
//! evaluation explained check by check (as the self-check shows it), the history — sent,
//! information asked for with the officer's message, replies, the decision with its reasons,
//! messages —, the evidence with download links (always, whatever the status), and the forms
//! the status allows (add evidence — to a draft, on the officer's request and after answering
//! it until the officer decides —, send, reply, write to the officer, withdraw). Once a permit is issued: its
//! number, kind, term, rights and conditions, history, and for the valuable-skills visa the
//! training-report periods with the form to file a report; for a live permanent-residence
//! permit the confirmations of solvency filed and the form to file one (the annual re-check
//! judges solvency on the latest certificate). Another applicant's case is "not found".

use crate::auth::Principal;
use crate::flows::cases::pages::applications::{applicant, failure, forbidden, programme_name, status_text};
use crate::flows::cases::{self, CaseFile};
use crate::flows::eligibility::pages::check::{DecisionView, decision_view};
use crate::flows::permits::{self, PermitFile};
use crate::state::AppState;
use crate::web::page::Page;
use ashyq_core::cases::CaseStatus;
use ashyq_core::cases::evidence::DocumentType;
use ashyq_core::cases::status;
use ashyq_store::cases::{Case, CaseEvent};
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use jiff::civil::Date;

/// A mistake in one of the page's forms: the form (`evidence`, `submit`, `reply`, `message`,
/// `withdraw`, `report`, `solvency`), the field (empty: the form as a whole) and the message.
#[derive(Debug, Clone)]
pub struct FormError {
    pub form: &'static str,
    pub field: String,
    pub message: String,
}

impl FormError {
    pub fn new(form: &'static str, field: &str, message: String) -> FormError {
        FormError { form, field: field.to_string(), message }
    }
}

/// What was typed into the page's forms, shown again with a mistake.
#[derive(Debug, Clone, Default)]
pub struct Typed {
    pub document_type: String,
    pub number: String,
    pub issuer: String,
    pub issued_on: String,
    pub text: String,
    pub period: String,
    pub trainees: String,
    pub summary: String,
    pub amount_kzt: String,
    pub kazakh_bank: bool,
    pub certified_on: String,
}

/// What the officer last said that the applicant must read first, shown at the top of the
/// case: the request for information while it waits for an answer, or the decision with its
/// reason.
pub struct OfficerWord {
    pub title: String,
    pub when: String,
    pub body: Option<String>,
}

pub struct EventView {
    pub kind: String,
    pub when: String,
    pub who: String,
    pub text: String,
    pub body: Option<String>,
}

pub struct EvidenceView {
    pub id: i64,
    pub document_type: String,
    pub number: String,
    pub issuer: String,
    pub issued_on: Date,
    pub file_name: String,
    pub media_type: String,
    pub size_bytes: i64,
    pub size: String,
    pub uploaded: String,
}

pub struct PeriodView {
    pub number: u32,
    pub starts: String,
    pub ends: String,
    pub due: String,
    pub filed: Option<String>,
    pub overdue: bool,
}

/// A confirmation of solvency filed.
pub struct ConfirmationView {
    pub certified_on: Date,
    pub amount_kzt: String,
    pub kazakh_bank: bool,
    pub filed: String,
}

pub struct PermitHistoryView {
    pub when: String,
    pub text: String,
    pub reason: Option<String>,
}

pub struct PermitView {
    pub number: String,
    pub kind: String,
    pub valid_from: Date,
    pub valid_until: Date,
    pub cancelled: Option<Date>,
    pub rights: Vec<String>,
    pub conditions: Vec<String>,
    pub history: Vec<PermitHistoryView>,
    pub reports: bool,
    pub min_trainees: Option<i64>,
    pub periods: Vec<PeriodView>,
    /// The periods whose report may still be filed: (number, label).
    pub open: Vec<(u32, String)>,
    /// A live permanent-residence permit: solvency is confirmed on it.
    pub solvency: bool,
    /// The confirmations of solvency filed, the latest certificate first.
    pub confirmations: Vec<ConfirmationView>,
}

#[derive(Template, WebTemplate)]
#[template(path = "applications_case.html")]
pub struct CasePage {
    page: Page,
    id: i64,
    reference: String,
    programme: String,
    region: String,
    status: &'static str,
    status_text: String,
    status_about: String,
    holder: String,
    passport: String,
    created: String,
    submitted: Option<String>,
    outcome: Option<String>,
    outcome_text: String,
    decision: Option<DecisionView>,
    officer_word: Option<OfficerWord>,
    events: Vec<EventView>,
    evidence: Vec<EvidenceView>,
    documents: Vec<(&'static str, String)>,
    permit: Option<PermitView>,
    can_add: bool,
    can_submit: bool,
    can_reply: bool,
    can_message: bool,
    can_withdraw: bool,
    errors: Vec<FormError>,
    typed: Typed,
    today: String,
}

impl CasePage {
    /// The message of a mistake in `form`'s `field` (empty: none).
    fn err(&self, form: &str, field: &str) -> String {
        self.errors
            .iter()
            .find(|e| e.form == form && e.field == field)
            .map(|e| e.message.clone())
            .unwrap_or_default()
    }

    /// The mistakes of `form` that name no field of it.
    fn form_errors(&self, form: &str) -> Vec<String> {
        self.errors
            .iter()
            .filter(|e| e.form == form && e.field.is_empty())
            .map(|e| e.message.clone())
            .collect()
    }
}

/// A size in words people read: bytes, KB or MB.
pub fn size(page: &Page, bytes: i64) -> String {
    let n = bytes.max(0) as f64;
    if bytes < 1024 {
        page.tc("app-size-bytes", bytes, &[])
    } else if bytes < 1024 * 1024 {
        page.t1("app-size-kb", "n", &format!("{:.1}", n / 1024.0))
    } else {
        page.t1("app-size-mb", "n", &format!("{:.1}", n / (1024.0 * 1024.0)))
    }
}

/// A message of a key that may be missing (an id from the data): the id itself then.
fn word(s: &AppState, page: &Page, key: &str, fallback: &str) -> String {
    if s.i18n.has(page.lang, key) { page.t(key) } else { fallback.to_string() }
}

/// The application's page.
pub async fn show(
    State(s): State<AppState>,
    principal: Principal,
    page: Page,
    Path(id): Path<i64>,
) -> Response {
    render(&s, page, &principal, id, Vec::new(), Typed::default(), StatusCode::OK).await
}

/// The rules' decision on the case's answers for its date of application, explained; `None`
/// when it cannot be made again (the stored outcome is shown alone then).
async fn explained(s: &AppState, page: &Page, case: &Case) -> Option<DecisionView> {
    cases::explain(s, case, case.applied_on, |d| decision_view(page, d)).await.ok()
}

/// The page of case `id` as `principal` sees it, with the forms' mistakes and what was typed.
pub async fn render(
    s: &AppState,
    page: Page,
    principal: &Principal,
    id: i64,
    errors: Vec<FormError>,
    typed: Typed,
    status: StatusCode,
) -> Response {
    if !applicant(principal) {
        return forbidden(page);
    }
    let CaseFile { case, events, evidence: files, .. } = match cases::show(s, principal, id).await {
        Ok(f) => f,
        Err(e) => return failure(page, e),
    };
    let permit = match case.permit_id {
        Some(pid) => match permits::show(s, principal, pid).await {
            Ok(f) => Some(permit_view(s, &page, f)),
            Err(e) => return failure(page, e),
        },
        None => None,
    };
    let decision = explained(s, &page, &case).await;
    // An answer to the officer's request lets evidence follow it until the officer decides.
    let replied = events.iter().any(|e| e.kind == "replied");
    let officer_word = officer_word(&page, case.status, &events);
    let me = principal.user.as_ref().map(|u| u.username.clone()).unwrap_or_default();
    let events = events
        .into_iter()
        .map(|e| {
            let who = if e.actor == me {
                page.t("app-who-you")
            } else if e.actor_role == "officer" || e.actor_role == "admin" {
                page.t("app-who-service")
            } else {
                page.t("app-who-system")
            };
            let to = e.to_status.clone().unwrap_or_default();
            let key = match e.kind.as_str() {
                // The first officer's approval of a four-eyes case is not yet the decision.
                "approved" if to == "awaiting_confirmation" => "app-event-approved-first".to_string(),
                k => format!("app-event-{k}"),
            };
            let text = if e.kind == "evidence" {
                let doc = e
                    .detail
                    .as_ref()
                    .and_then(|d| d.get("document_type"))
                    .and_then(|v| v.as_str())
                    .unwrap_or("other");
                page.t1("app-event-evidence", "document", &word(s, &page, &format!("app-doc-{doc}"), doc))
            } else {
                word(s, &page, &key, &e.kind)
            };
            EventView { kind: e.kind, when: page.instant(e.at), who, text, body: e.body }
        })
        .collect();
    let evidence = files
        .into_iter()
        .map(|f| EvidenceView {
            id: f.id,
            document_type: word(s, &page, &format!("app-doc-{}", f.document_type), &f.document_type),
            number: f.number,
            issuer: f.issuer,
            issued_on: f.issued_on,
            file_name: f.file_name,
            media_type: f.media_type,
            size: size(&page, f.size_bytes),
            size_bytes: f.size_bytes,
            uploaded: page.instant(f.uploaded_at),
        })
        .collect();
    let documents =
        DocumentType::ALL.iter().map(|d| (d.as_str(), page.t(&format!("app-doc-{}", d.as_str())))).collect();
    let st = case.status;
    let outcome_text = case
        .outcome
        .as_deref()
        .map(|o| page.t(&format!("ec-outcome-{o}")))
        .unwrap_or_else(|| page.t("app-no-evaluation"));
    let view = CasePage {
        id,
        reference: case.reference.clone(),
        programme: programme_name(&page, case.programme),
        region: page.region_name(&Some(case.region.clone())),
        status: st.as_str(),
        status_text: status_text(&page, st),
        status_about: page.t(&format!("app-status-{}-about", st.as_str())),
        holder: case.holder.full_name(),
        passport: page.passport(&case.holder.nationality, &case.holder.passport_number),
        created: page.instant(case.created_at),
        submitted: case.submitted_at.map(|t| page.instant(t)),
        outcome: case.outcome.clone(),
        outcome_text,
        decision,
        officer_word,
        events,
        evidence,
        documents,
        permit,
        can_add: status::takes_evidence(st, replied),
        can_submit: st == CaseStatus::Draft,
        can_reply: st == CaseStatus::InformationRequested,
        can_message: !st.is_final(),
        can_withdraw: matches!(
            st,
            CaseStatus::Draft | CaseStatus::Submitted | CaseStatus::InformationRequested
        ),
        errors,
        typed,
        today: crate::clock::today().to_string(),
        page,
    };
    (status, view).into_response()
}

/// The permit as its holder reads it, from the permit's file.
fn permit_view(s: &AppState, page: &Page, file: PermitFile) -> PermitView {
    let PermitFile { permit: p, history, reports: filed, periods, overdue, solvency: confirmations } = file;
    let today = crate::clock::today();
    let history = history
        .into_iter()
        .map(|h| {
            let text = match h.kind.as_str() {
                "cancelled" => {
                    let ground = h.ground.clone().unwrap_or_default();
                    page.tn(
                        "app-permit-cancelled",
                        &[("ground", &word(s, page, &format!("app-ground-{ground}"), &ground))],
                    )
                }
                k => page.tn(
                    &format!("app-permit-{k}"),
                    &[("from", &page.d(&h.valid_from)), ("until", &page.d(&h.valid_until))],
                ),
            };
            PermitHistoryView { when: page.instant(h.at), text, reason: h.reason }
        })
        .collect();
    let periods: Vec<PeriodView> = periods
        .iter()
        .map(|x| {
            let report = filed.iter().find(|r| r.period == i64::from(x.number));
            PeriodView {
                number: x.number,
                starts: page.d(&x.starts),
                ends: page.d(&x.ends),
                due: page.d(&x.due),
                filed: report
                    .map(|r| page.tc("app-report-filed", r.trainees, &[("when", &page.instant(r.filed_at))])),
                overdue: overdue.iter().any(|o| o.number == x.number),
            }
        })
        .collect();
    let open = periods
        .iter()
        .filter(|x| x.filed.is_none())
        .map(|x| {
            (
                x.number,
                page.tn(
                    "app-period",
                    &[("n", &x.number.to_string()), ("from", &x.starts), ("until", &x.ends)],
                ),
            )
        })
        .collect();
    let live = p.cancelled_on.is_none() && p.valid_until >= today;
    let solvency = live && p.programme == ashyq_core::rules::Programme::PermanentResidence;
    let confirmations = confirmations
        .into_iter()
        .map(|c| ConfirmationView {
            certified_on: c.certified_on,
            amount_kzt: c.amount.to_string(),
            kazakh_bank: c.kazakh_bank,
            filed: page.instant(c.filed_at),
        })
        .collect();
    PermitView {
        kind: word(s, page, &format!("app-permit-kind-{}", p.kind), &p.kind),
        valid_from: p.valid_from,
        valid_until: p.valid_until,
        cancelled: p.cancelled_on,
        rights: p.rights.iter().map(|r| word(s, page, &format!("app-right-{r}"), r)).collect(),
        conditions: p.conditions.iter().map(|c| word(s, page, &format!("app-condition-{c}"), c)).collect(),
        history,
        reports: p.programme == ashyq_core::rules::Programme::ValuableSkillsVisa,
        min_trainees: p.min_trainees,
        periods,
        open,
        solvency,
        confirmations,
        number: p.number,
    }
}

/// This module's routes, each with its row of the access table
/// (public, applicant, analyst, coordinator, officer, border, admin).
#[rustfmt::skip]
pub fn routes(b: crate::routes::RouteBuilder) -> crate::routes::RouteBuilder {
    b
        .page_get("/applications/{id}", [401, 200, 403, 403, 403, 403, 403], show)
}

/// The officer's last word the case's status rests on: the request for information (while the
/// case waits for the answer), the approval or the refusal, with the officer's text.
fn officer_word(page: &Page, status: CaseStatus, events: &[CaseEvent]) -> Option<OfficerWord> {
    let kinds: &[&str] = match status {
        CaseStatus::InformationRequested => &["info_requested"],
        CaseStatus::Approved => &["approved", "confirmed"],
        CaseStatus::Refused => &["refused"],
        _ => return None,
    };
    let e = events
        .iter()
        .rev()
        .find(|e| kinds.contains(&e.kind.as_str()) && e.to_status.as_deref() == Some(status.as_str()))?;
    Some(OfficerWord {
        title: page.t(&format!("app-word-{}", status.as_str())),
        when: page.instant(e.at),
        body: e.body.clone().filter(|b| !b.trim().is_empty()),
    })
}
