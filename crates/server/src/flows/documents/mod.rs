//! Decisions as documents (issue 17): a case's decision, a permit, its cancellation and a kandas
//! assignment downloaded as a PDF in the reader's language, and any document's verification
//! code checked by anyone.
//!
//! The use cases live here; `api` and `pages` are thin adapters over them. Who may download a
//! document is who may see its subject: the applicant or holder their own (another's is "not
//! found"), an officer their region's (another's is forbidden), an administrator every one; for
//! a kandas assignment, the family that filed it and the staff who read kandas applications.
//! The subject is read through its own flow's store call (which audits a staff read); every
//! download is recorded (`document.download`) with the document, which is issued once per kind
//! and subject: downloading it again gives the same code and what it says as it was issued.

pub mod api;
pub mod pages;

use crate::access::{Access, Scope};
use crate::auth::Principal;
use crate::documents::compose::{self, Appeal, Issue, PermitFacts, Words};
use crate::flows::{Error, Outcome};
use crate::i18n::Lang;
use crate::problem::Problem;
use crate::routes::RouteBuilder;
use crate::state::AppState;
use ashyq_core::Role;
use ashyq_core::cases::CaseStatus;
use ashyq_core::cases::permit::CancellationGround;
use ashyq_core::said::Said;
use ashyq_store::StoreError;
use ashyq_store::cases::permits::{self, Permit};
use ashyq_store::cases::{CaseEvent, read};
use ashyq_store::documents::{self as stored, Code, Essentials, Kind, Verified};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use jiff::civil::Date;
use rust_decimal::prelude::ToPrimitive;

/// The policy parameter of the period to appeal a decision, in months.
pub const APPEAL_MONTHS: &str = "appeal_complaint_months";

/// A document made: the PDF and its verification code.
#[derive(Debug)]
pub struct Pdf {
    pub bytes: Vec<u8>,
    /// `XXXX-XXXX-XXXX`.
    pub code: String,
    /// A file name for it: the kind and the reference.
    pub file_name: String,
}

/// The PDF as a download: an attachment, not kept in caches (it names a person).
pub fn pdf_response(pdf: Pdf) -> Response {
    let mut res = pdf.bytes.into_response();
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/pdf"));
    let name: String =
        pdf.file_name.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '_' }).collect();
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{name}.pdf\"")) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
    if let Ok(v) = HeaderValue::from_str(&pdf.code) {
        h.insert("x-verification-code", v);
    }
    res
}

/// A failure to make the document (its layout), as an internal error.
fn internal(what: impl std::fmt::Display) -> Error {
    Error::Refused(Problem::new(StatusCode::INTERNAL_SERVER_ERROR, "document", what.to_string()))
}

/// The day an instant fell on in Kazakhstan.
fn day_of(t: jiff::Timestamp) -> Date {
    ashyq_core::zone::COUNTRY.day(t)
}

/// The way to appeal a decision of `on`: the policy's period on that day. A policy without it is
/// an error of the server, never a period of nothing.
pub fn appeal(s: &AppState, lang: Lang, on: Date) -> Outcome<Appeal> {
    let p = s.policy.parameters.value(APPEAL_MONTHS, on).map_err(|e| internal(format!("the policy: {e}")))?;
    let months = p.value.to_u32().filter(|m| *m > 0 && p.value.fract().is_zero()).ok_or_else(|| {
        internal(format!("the policy: {APPEAL_MONTHS} is {}, not a whole number of months", p.value))
    })?;
    let deadline = on
        .checked_add(jiff::Span::new().months(i64::from(months)))
        .map_err(|e| internal(format!("the appeal's last day: {e}")))?;
    Ok(Appeal { months, basis: p.basis.cite(lang.code()), deadline })
}

/// The address where anyone checks a code.
pub fn verify_url(s: &AppState, code: &str) -> String {
    format!("{}/verify/{code}", s.mail.public_url)
}

/// Issues the document `e` describes (or finds it issued before): the common parts every
/// document carries, as issued.
async fn issue(
    s: &AppState,
    p: &Principal,
    lang: Lang,
    e: &Essentials,
    holder: String,
    passport: Option<String>,
) -> Outcome<Issue> {
    // A policy without the period to appeal refuses before anything is recorded.
    appeal(s, lang, e.decided_on)?;
    let issued = stored::issue(&s.db, &p.actor(), e).await?;
    let code = issued.code().grouped();
    let e = issued.essentials;
    Ok(Issue {
        verify_url: verify_url(s, &code),
        code,
        reference: e.reference,
        decided_on: e.decided_on,
        region: e.region,
        holder,
        passport,
        programme: e.programme.as_deref().and_then(ashyq_core::rules::Programme::parse),
        appeal: appeal(s, lang, e.decided_on)?,
    })
}

/// The document as a PDF.
fn render(w: Words<'_>, kind: Kind, issue: &Issue, doc: &crate::documents::Document) -> Outcome<Pdf> {
    let bytes = crate::documents::to_pdf(w, doc).map_err(internal)?;
    Ok(Pdf { bytes, code: issue.code.clone(), file_name: format!("{}-{}", kind.as_str(), issue.reference) })
}

/// The event a case's decision rests on, and what kind of document it makes: the approval (for
/// permanent residence, the second officer's confirmation), the refusal, or the request for
/// information — the last of them. `None`: the case has no decision of an officer.
fn decision_event(events: &[CaseEvent]) -> Option<(Kind, &CaseEvent)> {
    events.iter().rev().find_map(|e| {
        let to = e.to_status.as_deref();
        let kind = match e.kind.as_str() {
            "approved" | "confirmed" if to == Some(CaseStatus::Approved.as_str()) => Kind::Approval,
            "refused" => Kind::Refusal,
            "info_requested" => Kind::Request,
            _ => return None,
        };
        Some((kind, e))
    })
}

/// The holder's passport in the document's language: its country by name, and its number.
fn passport(s: &AppState, lang: Lang, h: &ashyq_core::cases::Holder) -> String {
    crate::web::locale::passport(&s.i18n, lang, &h.nationality, &h.passport_number)
}

/// A case's last decision as a document: approval, refusal or request for information, with
/// the officer's words and the rules' reasons. A case no officer has decided has none (409).
pub async fn case_decision(s: &AppState, p: &Principal, case_id: i64, lang: Lang) -> Outcome<Pdf> {
    let viewer = Access::of(p).viewer()?;
    let case = read::get(&s.db, &p.actor(), &viewer, case_id).await?;
    let events = read::events(&s.db, case.id).await?;
    let Some((kind, event)) = decision_event(&events) else {
        return Err(StoreError::Refused(
            Said::new("refused-no-decision", format!("case {case_id} has no decision of an officer yet"))
                .text("case", case_id.to_string()),
        )
        .into());
    };
    // The day of the decision is the day the officer decided for (the rules' evaluation made
    // again that day); a confirmation records none, and is dated by when it was made.
    let evaluated_on = event
        .detail
        .as_ref()
        .and_then(|d| d.get("evaluated_on"))
        .and_then(|v| v.as_str())
        .and_then(|d| d.parse::<Date>().ok());
    let decided_on = match evaluated_on {
        Some(d) => d,
        None => day_of(event.at),
    };
    // An approval's reason is the approving officer's, also when a second one confirmed it.
    let words = match (kind, event.kind.as_str()) {
        (Kind::Approval, "confirmed") => events
            .iter()
            .rev()
            .find(|e| e.kind == "approved")
            .and_then(|e| e.body.clone())
            .or_else(|| event.body.clone()),
        _ => event.body.clone(),
    };
    let permit = match (kind, &case.permit_number) {
        (Kind::Approval, Some(n)) => Some(permits::by_number(&s.db, n).await?),
        _ => None,
    };
    let term = permit.as_ref().map(|pm| (pm.number.clone(), pm.valid_from, pm.valid_until));
    let e = Essentials {
        kind,
        subject_id: event.id,
        reference: case.reference.clone(),
        programme: Some(case.programme.id().to_string()),
        region: case.region.clone(),
        decided_on,
        holder: compose::masked(&case.holder.surname, &case.holder.given_names),
        valid_from: term.as_ref().map(|t| t.1),
        valid_until: term.as_ref().map(|t| t.2),
    };
    let issue = issue(s, p, lang, &e, case.holder.full_name(), Some(passport(s, lang, &case.holder))).await?;
    let w = Words { i18n: &s.i18n, lang };
    let permit = term.as_ref().map(|(n, from, until)| (n.as_str(), *from, *until));
    let words = words.as_deref();
    let doc = crate::flows::cases::explain(s, &case, decided_on, |d| {
        compose::case_decision(w, &issue, kind, words, Some(d), permit)
    })
    .await
    // Facts the rules no longer read: the decision without the rules' reasons.
    .unwrap_or_else(|_| compose::case_decision(w, &issue, kind, words, None, permit));
    render(w, kind, &issue, &doc)
}

/// A permit the caller may see (its holder, an officer of its region, an administrator).
async fn permit_seen(s: &AppState, p: &Principal, id: i64) -> Outcome<Permit> {
    Ok(permits::get(&s.db, &p.actor(), &Access::of(p).viewer()?, id).await?)
}

/// The permit a case issued, for a caller who may see the case (404 when it issued none).
pub async fn permit_of_case(s: &AppState, p: &Principal, case_id: i64) -> Outcome<i64> {
    let case = read::get(&s.db, &p.actor(), &Access::of(p).viewer()?, case_id).await?;
    case.permit_id
        .ok_or_else(|| StoreError::NotFound { what: "permit of case", key: case_id.to_string() }.into())
}

fn permit_facts(pm: &Permit) -> Outcome<PermitFacts> {
    Ok(PermitFacts {
        kind: pm.kind.clone(),
        valid_from: pm.valid_from,
        valid_until: pm.valid_until,
        rights: pm.rights.clone(),
        conditions: pm.conditions.clone(),
    })
}

/// A permit as a document: its number, term, rights and conditions. A renewal makes it a new
/// document (with its own code) for the new term; the one of the term before still checks, as
/// what it said.
pub async fn permit(s: &AppState, p: &Principal, id: i64, lang: Lang) -> Outcome<Pdf> {
    let pm = permit_seen(s, p, id).await?;
    let history = permits::history(&s.db, pm.id).await?;
    let Some(term) = history.iter().rev().find(|h| matches!(h.kind.as_str(), "issued" | "renewed")) else {
        return Err(StoreError::Corrupt(format!("permit {} has no history of its term", pm.number)).into());
    };
    let mut facts = permit_facts(&pm)?;
    facts.valid_from = term.valid_from;
    facts.valid_until = term.valid_until;
    let e = Essentials {
        kind: Kind::Permit,
        subject_id: term.id,
        reference: pm.number.clone(),
        programme: Some(pm.programme.id().to_string()),
        region: pm.region.clone(),
        // Issued on the day of the approval, from which its term runs; renewed when renewed.
        decided_on: if term.kind == "issued" { facts.valid_from } else { day_of(term.at) },
        holder: compose::masked(&pm.holder.surname, &pm.holder.given_names),
        valid_from: Some(facts.valid_from),
        valid_until: Some(facts.valid_until),
    };
    let issue = issue(s, p, lang, &e, pm.holder.full_name(), Some(passport(s, lang, &pm.holder))).await?;
    let w = Words { i18n: &s.i18n, lang };
    render(w, Kind::Permit, &issue, &compose::permit(w, &issue, &facts))
}

/// A permit's cancellation as a document: from when, on which ground, why. A permit not
/// cancelled has none (409).
pub async fn cancellation(s: &AppState, p: &Principal, id: i64, lang: Lang) -> Outcome<Pdf> {
    let pm = permit_seen(s, p, id).await?;
    let (Some(cancelled_on), Some(ground)) = (pm.cancelled_on, &pm.cancel_ground) else {
        return Err(StoreError::Refused(
            Said::new("refused-not-cancelled", format!("permit {} is not cancelled", pm.number))
                .text("number", &pm.number),
        )
        .into());
    };
    let ground = CancellationGround::parse(ground)
        .ok_or_else(|| StoreError::Corrupt(format!("case_permits.cancel_ground {ground:?}")))?;
    let history = permits::history(&s.db, pm.id).await?;
    let event = history.iter().rev().find(|h| h.kind == "cancelled");
    let decided_on = match event {
        Some(h) => day_of(h.at),
        None => cancelled_on,
    };
    let reason = event.and_then(|h| h.reason.clone());
    let facts = permit_facts(&pm)?;
    let e = Essentials {
        kind: Kind::Cancellation,
        subject_id: pm.id,
        reference: pm.number.clone(),
        programme: Some(pm.programme.id().to_string()),
        region: pm.region.clone(),
        decided_on,
        holder: compose::masked(&pm.holder.surname, &pm.holder.given_names),
        valid_from: Some(facts.valid_from),
        valid_until: Some(cancelled_on),
    };
    let issue = issue(s, p, lang, &e, pm.holder.full_name(), Some(passport(s, lang, &pm.holder))).await?;
    let w = Words { i18n: &s.i18n, lang };
    let doc = compose::cancellation(w, &issue, &facts, ground, cancelled_on, reason.as_deref());
    render(w, Kind::Cancellation, &issue, &doc)
}

/// A kandas family's assignment to its region, with the subsidies due, as a document: for the
/// family that filed the application (another's is not found), and for the staff who read
/// kandas applications (an officer of another region is forbidden). An application not
/// assigned has none (409).
pub async fn kandas_assignment(s: &AppState, p: &Principal, id: i64, lang: Lang) -> Outcome<Pdf> {
    let access = Access::of(p);
    let app = match (access.role, &access.scope) {
        (Role::Applicant, Scope::Own(me)) => ashyq_store::kandas::own::get(&s.db, *me, id).await?,
        (Role::Officer | Role::Admin, _) => {
            ashyq_store::kandas::read(&s.db, &p.actor(), access.region()?, id).await?
        }
        _ => return Err(access.refused().into()),
    };
    let (Some(subsidies), Some(on)) = (&app.subsidies, app.assigned_on) else {
        return Err(StoreError::Refused(
            Said::new(
                "refused-not-assigned",
                format!("kandas application {} is not assigned", app.reference),
            )
            .text("reference", &app.reference),
        )
        .into());
    };
    let person = &app.facts.applicant;
    let e = Essentials {
        kind: Kind::KandasAssignment,
        subject_id: app.id,
        reference: app.reference.clone(),
        programme: None,
        region: app.region.clone(),
        decided_on: on,
        holder: compose::masked(&person.surname, &person.given_names),
        valid_from: None,
        valid_until: None,
    };
    let issue = issue(s, p, lang, &e, person.name(), None).await?;
    let w = Words { i18n: &s.i18n, lang };
    render(w, Kind::KandasAssignment, &issue, &compose::kandas_assignment(w, &s.policy, &issue, subsidies))
}

/// A code checked: the document it was printed on, or `None` (not a code, or none issued with
/// it). Anyone may check; nothing is audited, as a check shows no more than the paper.
pub async fn verify(s: &AppState, code: &str) -> Outcome<Option<Verified>> {
    match Code::parse(code) {
        Some(c) => Ok(stored::verify(&s.db, &c).await?),
        None => Ok(None),
    }
}

/// The flow's routes: its pages, then its API.
pub fn routes(b: RouteBuilder) -> RouteBuilder {
    let b = pages::routes(b.flow("documents"));
    api::routes(b)
}

/// What a check of a code shows, in the reader's words.
#[derive(Debug, Clone)]
pub struct Shown {
    /// `XXXX-XXXX-XXXX`.
    pub code: String,
    pub kind: Kind,
    /// `valid`, or `cancelled` for a permit cancelled since.
    pub status: &'static str,
    /// The status in words: valid, or cancelled on a date.
    pub status_text: String,
    /// The kind of document in words (its title).
    pub title: String,
    pub outcome: String,
    pub reference: String,
    pub decided_on: Date,
    pub programme: Option<String>,
    /// The region's name.
    pub region: String,
    /// Initials and surname.
    pub holder: String,
    pub valid_from: Option<Date>,
    pub valid_until: Option<Date>,
    pub cancelled_on: Option<Date>,
    /// The term in words, if there is one.
    pub term: Option<String>,
}

/// A verified document as the reader is shown it.
pub fn shown(w: Words<'_>, v: &Verified) -> Shown {
    use crate::documents::locale;
    let e = &v.issued.essentials;
    let code = v.issued.code().grouped();
    let (status, status_text) = match v.cancelled_on {
        Some(d) => ("cancelled", w.tn("doc-verify-cancelled", &[("date", &locale::date(d, w.lang))])),
        None => ("valid", w.t("doc-verify-valid")),
    };
    let term = match (e.valid_from, e.valid_until) {
        (Some(from), Some(until)) => Some(w.tn(
            "doc-term-value",
            &[("from", &locale::date(from, w.lang)), ("until", &locale::date(until, w.lang))],
        )),
        _ => None,
    };
    Shown {
        code,
        kind: e.kind,
        status,
        status_text,
        title: w.t(&format!("doc-title-{}", e.kind.as_str())),
        outcome: w.t(&format!("doc-verify-outcome-{}", e.kind.as_str())),
        reference: e.reference.clone(),
        decided_on: e.decided_on,
        programme: e
            .programme
            .as_deref()
            .and_then(ashyq_core::rules::Programme::parse)
            .map(|p| w.t(&format!("ec-prog-{}", p.id()))),
        region: ashyq_core::region::by_code(&e.region)
            .map_or_else(|| e.region.clone(), |r| r.name(w.lang.code()).to_string()),
        holder: e.holder.clone(),
        valid_from: e.valid_from,
        valid_until: e.valid_until,
        cancelled_on: v.cancelled_on,
        term,
    }
}

/// The language a document or a check is given in: `?lang=` when it names one, else the
/// reader's (the language cookie, then the browser's).
pub fn language(asked: Option<&str>, negotiated: Lang) -> Lang {
    asked.and_then(Lang::from_code).unwrap_or(negotiated)
}
