//! The border check (border staff, officers): scan or type a document's machine-readable zone,
//! or type its issuing state and number, and see at once who holds it, whether they stay
//! lawfully (a big banner), what to watch for (overstay, expired document, refused before),
//! their last crossings, and the visas, permits and registrations the status rests on. A person
//! not present with no entry or exit recorded is said to be so, not to have left. The check is
//! audited as a read of the person's record. A zone and a typed document at once are refused:
//! which of the two to check is not said. After a check the form is empty again, ready for the
//! next traveller.
//!
//! The wording of statuses, warnings, crossings and permits here is shared with the officers'
//! pages.

use crate::auth::Principal;
use crate::flows::Error;
use crate::flows::register::check::{self, Checked, Lookup, Standing, Unread};
use crate::state::AppState;
use crate::web::form::CsrfForm;
use crate::web::page::Page;
use crate::web::refusal::{forbidden_page, read_error};
use ashyq_core::register::{Basis, PersonStatus};
use ashyq_store::register::person::{CrossingView, Document, PermitView, Person, RegistrationView, Warning};
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use jiff::civil::Date;
use serde::Deserialize;

/// Why a zone was refused, in the page's language: its message, with the field in words.
pub fn mrz_words(page: &Page, e: &ashyq_core::mrz::MrzError) -> String {
    let args: Vec<(&str, String)> = e
        .args()
        .into_iter()
        .map(|(k, v)| if k == "field" { (k, page.t(&format!("mrz-field-{v}"))) } else { (k, v) })
        .collect();
    let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    page.tn(e.code(), &args)
}

/// A country's name in the page's language, with its code; the code alone if unknown.
pub fn country(page: &Page, code: &str) -> String {
    match ashyq_core::country::by_alpha3(code) {
        Some(c) => format!("{} ({code})", c.name(page.lang_code())),
        None => code.to_string(),
    }
}

/// A checkpoint's name in the page's language, with its code.
pub fn checkpoint(page: &Page, code: &str) -> String {
    match ashyq_core::checkpoint::by_code(code) {
        Some(c) => format!("{} ({code})", c.name(page.lang_code())),
        None => code.to_string(),
    }
}

/// A region's name in the page's language; the code if unknown.
pub fn region(page: &Page, code: &str) -> String {
    ashyq_core::region::name_of(code, page.lang_code())
}

/// The big banner: a code for the style and tests, and the words.
pub struct Banner {
    /// `lawful`, `overstay`, `unlawful`, `absent` (left the country), `unrecorded` (not present,
    /// and no entry or exit recorded) or `unknown` (not in the register).
    pub code: &'static str,
    pub text: String,
}

/// The banner for a status; `recorded`: whether an entry or exit is recorded up to its day
/// ([`check::entry_or_exit_recorded`]).
pub fn banner(page: &Page, status: Option<&PersonStatus>, recorded: bool) -> Banner {
    let Some(st) = status else {
        return Banner { code: "unknown", text: page.t("reg-status-unknown") };
    };
    if !st.present {
        if !recorded {
            return Banner { code: "unrecorded", text: page.t("reg-status-unrecorded") };
        }
        return Banner { code: "absent", text: page.t("reg-status-absent") };
    }
    if st.lawful {
        let text = match st.lawful_until {
            Some(d) => page.t1("reg-status-lawful-until", "date", &page.d(&d)),
            None => page.t("reg-status-lawful"),
        };
        return Banner { code: "lawful", text };
    }
    match st.overstay_since {
        Some(since) => Banner {
            code: "overstay",
            text: page.tc("reg-status-overstay", st.overstay_days, &[("since", &page.d(&since))]),
        },
        None => Banner { code: "unlawful", text: page.t("reg-status-unlawful") },
    }
}

/// What a person's presence rests on, in words; `recorded` as for [`banner`]: a person absent
/// with no entry or exit recorded did not leave, whether they are in the country is not known.
pub fn basis(page: &Page, b: &Basis, recorded: bool) -> String {
    match b {
        Basis::Citizen => page.t("reg-basis-citizen"),
        Basis::Permit { kind, number, until } => page.tn(
            "reg-basis-permit",
            &[("kind", &permit_kind(page, kind.as_str())), ("number", number), ("date", &page.d(until))],
        ),
        Basis::Visa { number, until } => {
            page.tn("reg-basis-visa", &[("number", number), ("date", &page.d(until))])
        }
        Basis::ShortStay { rule } => page.tc(
            "reg-basis-short-stay",
            rule.limit,
            &[
                ("window", &page.tc("reg-basis-window", rule.window, &[])),
                (
                    "per_entry",
                    &rule.per_entry.map_or_else(
                        || page.t("reg-basis-per-entry-none"),
                        |n| page.tc("reg-basis-per-entry", n, &[]),
                    ),
                ),
            ],
        ),
        Basis::NoVisa => page.t("reg-basis-no-visa"),
        Basis::Absent if !recorded => page.t("reg-basis-unrecorded"),
        Basis::Absent => page.t("reg-basis-absent"),
    }
}

/// A visa or permit as the border page shows it: with its validity and where it stands today.
pub struct PermitRow {
    pub number: String,
    pub kind: String,
    pub from: Date,
    pub until: Date,
    /// `in_force`, `not_yet`, `expired` or `cancelled`.
    pub standing_code: &'static str,
    pub standing: String,
}

pub fn permit_rows(page: &Page, list: &[PermitView], on: jiff::civil::Date) -> Vec<PermitRow> {
    list.iter()
        .map(|p| {
            let st = check::standing(p, on);
            let standing = match st {
                Standing::InForce => page.t("reg-validity-in-force"),
                Standing::NotYet => page.t("reg-validity-not-yet"),
                Standing::Expired => page.t("reg-validity-expired"),
                Standing::Cancelled => page.t1("reg-validity-cancelled", "date", &page.d(&p.cancelled_on)),
            };
            PermitRow {
                number: p.permit_number.clone(),
                kind: permit_kind(page, &p.kind),
                from: p.valid_from,
                until: p.valid_until,
                standing_code: st.as_str(),
                standing,
            }
        })
        .collect()
}

/// A registration as the border page shows it.
pub struct RegistrationRow {
    pub id: String,
    pub kind: String,
    pub region: String,
    pub address: String,
    pub host: String,
    pub from: Date,
    pub until: Date,
}

pub fn registration_rows(page: &Page, list: &[RegistrationView]) -> Vec<RegistrationRow> {
    list.iter()
        .map(|g| RegistrationRow {
            id: g.registration_id.clone(),
            kind: page.t(&format!("reg-registration-{}", g.kind)),
            region: region(page, &g.region),
            address: g.address.clone(),
            host: g.host.clone(),
            from: g.from,
            until: g.until,
        })
        .collect()
}

pub fn permit_kind(page: &Page, kind: &str) -> String {
    page.t(&format!("reg-permit-{}", kind.replace('_', "-")))
}

pub fn crossing_kind(page: &Page, kind: &str) -> String {
    page.t(&format!("reg-kind-{kind}"))
}

/// A warning, in words.
pub struct WarningView {
    /// `overstay`, `document_expired` or `refused_before`.
    pub kind: &'static str,
    pub text: String,
}

pub fn warnings(page: &Page, list: &[Warning]) -> Vec<WarningView> {
    list.iter()
        .map(|w| match w {
            Warning::Overstay { since, days } => WarningView {
                kind: "overstay",
                text: page.tc("reg-warn-overstay", *days, &[("since", &page.d(since))]),
            },
            Warning::DocumentExpired { issuing_state, number, expiry_date } => WarningView {
                kind: "document_expired",
                text: page.tn(
                    "reg-warn-expired",
                    &[("document", &page.passport(issuing_state, number)), ("date", &page.d(expiry_date))],
                ),
            },
            Warning::RefusedBefore { times, last_day, checkpoint: cp, reason } => WarningView {
                kind: "refused_before",
                text: page.tc(
                    "reg-warn-refused",
                    *times,
                    &[
                        ("date", &page.date(*last_day)),
                        ("checkpoint", &checkpoint(page, cp)),
                        ("reason", reason),
                    ],
                ),
            },
        })
        .collect()
}

/// A crossing as the pages show it.
pub struct CrossingRow {
    pub event_id: String,
    pub day: Date,
    pub time: String,
    pub kind: String,
    pub kind_code: String,
    pub checkpoint: String,
    pub document: String,
    pub reason: String,
}

pub fn crossing_rows(page: &Page, list: &[CrossingView], documents: &[Document]) -> Vec<CrossingRow> {
    list.iter()
        .map(|c| CrossingRow {
            event_id: c.event_id.clone(),
            day: c.day,
            // On the checkpoint's clock, like the day beside it.
            time: ashyq_store::zoned(c.at, ashyq_core::zone::of_checkpoint(&c.checkpoint))
                .strftime("%H:%M")
                .to_string(),
            kind: crossing_kind(page, &c.kind),
            kind_code: c.kind.clone(),
            checkpoint: checkpoint(page, &c.checkpoint),
            document: documents
                .iter()
                .find(|d| d.id == c.document_id)
                .map_or_else(String::new, |d| page.passport(&d.issuing_state, &d.number)),
            reason: c.reason.clone().unwrap_or_default(),
        })
        .collect()
}

/// A person's identity as the pages show it.
pub struct PersonView {
    pub id: i64,
    pub name: String,
    pub nationality: String,
    pub birth_date: jiff::civil::Date,
    pub sex: String,
}

pub fn person_view(page: &Page, p: &Person) -> PersonView {
    PersonView {
        id: p.id,
        name: format!("{} {}", p.surname, p.given_names).trim().to_string(),
        nationality: country(page, &p.nationality),
        birth_date: p.birth_date,
        sex: p.sex.clone(),
    }
}

/// A document as the pages show it.
pub struct DocumentRow {
    pub id: i64,
    pub document_type: String,
    pub issuing_state: String,
    pub number: String,
    pub name: String,
    pub expiry_date: Date,
    pub expired: bool,
}

pub fn document_rows(page: &Page, docs: &[Document]) -> Vec<DocumentRow> {
    let today = crate::clock::today();
    docs.iter()
        .map(|d| DocumentRow {
            id: d.id,
            document_type: d.document_type.clone(),
            issuing_state: country(page, &d.issuing_state),
            number: d.number.clone(),
            name: format!("{} {}", d.surname, d.given_names).trim().to_string(),
            expiry_date: d.expiry_date,
            expired: d.expiry_date < today,
        })
        .collect()
}

/// The result of a check, as shown.
pub struct CheckView {
    /// The document as read: state, number, names from the zone.
    pub document: String,
    pub banner: Banner,
    pub person: Option<PersonView>,
    pub basis: String,
    pub documents: Vec<DocumentRow>,
    pub warnings: Vec<WarningView>,
    pub crossings: Vec<CrossingRow>,
    /// Every visa and permit held, with where it stands today.
    pub permits: Vec<PermitRow>,
    /// The registrations that have not ended before today.
    pub registrations: Vec<RegistrationRow>,
}

fn check_view(page: &Page, c: &Checked) -> CheckView {
    let document = match &c.mrz {
        Some(m) => format!(
            "{} — {} {} ({}, {})",
            page.passport(&m.issuing_state, &m.document_number),
            m.surname,
            m.given_names,
            page.country(&m.nationality),
            page.d(&m.birth_date)
        ),
        None => page.passport(&c.issuing_state, &c.number),
    };
    let record = c.record.as_ref();
    let recorded = record.is_some_and(check::entry_or_exit_recorded);
    CheckView {
        document,
        banner: banner(page, record.map(|r| &r.status), recorded),
        person: record.map(|r| person_view(page, &r.person)),
        basis: record.map(|r| basis(page, &r.status.basis, recorded)).unwrap_or_default(),
        documents: record.map(|r| document_rows(page, &r.documents)).unwrap_or_default(),
        warnings: warnings(page, &c.warnings),
        crossings: record
            .map(|r| crossing_rows(page, &check::last_crossings(r, 5), &r.documents))
            .unwrap_or_default(),
        permits: record.map(|r| permit_rows(page, &r.permits, r.status.on)).unwrap_or_default(),
        registrations: registration_rows(page, &c.registrations()),
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "border.html")]
pub struct Border {
    page: Page,
    mrz: String,
    issuing_state: String,
    document_number: String,
    error: Option<String>,
    result: Option<CheckView>,
    /// Officers may open the whole record; border staff may not.
    record_link: bool,
}

fn render(
    mut page: Page,
    status: StatusCode,
    form: BorderForm,
    error: Option<String>,
    result: Option<CheckView>,
) -> Response {
    page.here = "/border".to_string();
    let record_link =
        crate::routes::spec("GET", "/register/persons/{id}").is_some_and(|s| s.allows(page.role));
    let view = Border {
        page,
        mrz: form.mrz,
        issuing_state: form.issuing_state,
        document_number: form.document_number,
        error,
        result,
        record_link,
    };
    (status, view).into_response()
}

/// The form.
pub async fn show(page: Page) -> Response {
    render(page, StatusCode::OK, BorderForm::default(), None, None)
}

#[derive(Deserialize, Default)]
pub struct BorderForm {
    #[serde(default)]
    mrz: String,
    #[serde(default)]
    issuing_state: String,
    #[serde(default)]
    document_number: String,
}

/// Checks the document sent: the zone scanned or pasted, or the state and number typed.
pub async fn check(
    State(s): State<AppState>,
    principal: Principal,
    CsrfForm { page, fields }: CsrfForm<BorderForm>,
) -> Response {
    let lookup = Lookup::of(Some(&fields.mrz), Some(&fields.issuing_state), Some(&fields.document_number));
    let lookup = match lookup {
        Ok(l) => l,
        Err(e) => {
            let e = match e {
                Unread::Missing(_) => page.t("reg-err-missing"),
                Unread::Both => page.t("reg-err-both"),
            };
            return render(page, StatusCode::UNPROCESSABLE_ENTITY, fields, Some(e), None);
        }
    };
    match check::check(&s, &principal, lookup).await {
        Ok(c) => {
            let view = check_view(&page, &c);
            render(page, StatusCode::OK, BorderForm::default(), None, Some(view))
        }
        // The zone does not check: the field of the zone and why.
        Err(Error::Refused(p)) if p.status == StatusCode::UNPROCESSABLE_ENTITY.as_u16() => {
            // The flow's problem says it in English, for the API; the page reads the zone again
            // (only on this path) for the typed reason, to say it in the reader's words.
            let why = match ashyq_core::mrz::parse(&fields.mrz, crate::clock::today()) {
                Err(e) => mrz_words(&page, &e),
                Ok(_) => crate::web::refusal::problem_words(&page, &p),
            };
            let e = page.t1("reg-err-mrz", "error", &why);
            render(page, StatusCode::UNPROCESSABLE_ENTITY, fields, Some(e), None)
        }
        Err(Error::Refused(_)) => forbidden_page(page),
        Err(Error::Store(e)) => read_error(page, e),
    }
}

/// This module's routes, each with its row of the access table
/// (public, applicant, analyst, coordinator, officer, border, admin).
#[rustfmt::skip]
pub fn routes(b: crate::routes::RouteBuilder) -> crate::routes::RouteBuilder {
    b
        .page_get("/border", [401, 403, 403, 403, 200, 200, 200], show)
        .page_post("/border", [401, 403, 403, 403, 200, 200, 200], check)
}

#[cfg(test)]
mod tests {
    use crate::i18n::{I18n, Lang};
    use ashyq_core::mrz::{Field, Format, MrzError};

    /// Every reason a zone is refused for, and every field, has its words in each language, and
    /// each message uses exactly the arguments the reason gives.
    #[test]
    fn every_zone_refusal_is_said_in_each_language() {
        let i18n = I18n::load().unwrap();
        let fields = [
            Field::DocumentNumber,
            Field::BirthDate,
            Field::ExpiryDate,
            Field::PersonalNumber,
            Field::Composite,
            Field::Sex,
        ];
        let all = [
            MrzError::LineCount(1),
            MrzError::UnknownWidth { line: 1, length: 40 },
            MrzError::LineLength { line: 2, length: 43, format: Format::Td3 },
            MrzError::Character { line: 1, column: 7, found: 'a' },
            MrzError::CheckDigit { field: Field::BirthDate, found: '7', computed: 6 },
            MrzError::LongNumber,
            MrzError::InnerFiller("L58<UTOER".into()),
            MrzError::Date { field: Field::ExpiryDate, text: "991332".into(), why: "month 13".into() },
            MrzError::Sex('Q'),
        ];
        for lang in Lang::ALL {
            for f in fields {
                assert!(i18n.has(lang, &format!("mrz-field-{}", f.code())), "{lang:?} {f:?}");
            }
            for e in &all {
                assert!(i18n.has(lang, e.code()), "{lang:?}: no {}", e.code());
                let args = e.args();
                let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
                let text = i18n.message(lang, e.code(), &args);
                assert!(!text.contains('{') && !text.contains("$"), "{lang:?} {}: {text}", e.code());
                for (_, v) in args.iter().filter(|(k, _)| *k != "field") {
                    assert!(text.contains(v), "{lang:?} {}: {v} not in {text}", e.code());
                }
            }
        }
    }
}
