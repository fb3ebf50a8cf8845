//! The applicant's pages of the case workflow: my applications, and the application form of a
//! programme — the passport identity of the holder, the region, and the programme's questions
//! exactly as the self-check asks them (`eligibility_form`). On sending, the answers are read,
//! evaluated by the rules for today, and stored as a draft case under a reference made from a
//! token the form carried, so a form sent twice makes one case. The case's own page and its
//! moves are in `application` and `application_moves`.

use crate::access::Access;
use crate::auth::Principal;
use crate::flows::Error;
use crate::flows::cases::{self, Filter, NewCase};
use crate::flows::eligibility::pages::form::{
    self as form, Answers, FieldError, FieldView, FieldsetView, OptionView,
};
use crate::flows::eligibility::programme;
use crate::state::AppState;
use crate::web::errors;
use crate::web::form::CsrfForm;
use crate::web::page::Page;
use ashyq_core::Role;
use ashyq_core::cases::Holder;
use ashyq_core::cases::holder::HolderError;
use ashyq_core::rules::Programme;
use ashyq_store::StoreError;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use jiff::civil::Date;

/// Whether the caller is an applicant: these pages are the applicant's view of their cases
/// (the route table lets only applicants in; the use cases decide what they reach).
pub(super) fn applicant(principal: &Principal) -> bool {
    Access::of(principal).role == Role::Applicant
}

pub(super) fn forbidden(page: Page) -> Response {
    let text = page.t1("error-forbidden-text", "role", &page.role_name(&page.role));
    errors::render(page, StatusCode::FORBIDDEN, "error-forbidden-title", text)
}

pub(super) fn not_found(page: Page) -> Response {
    let text = page.t("error-notfound-text");
    errors::render(page, StatusCode::NOT_FOUND, "error-notfound-title", text)
}

/// A store error that is not the form's: not found (another's case too), forbidden, or an
/// internal failure.
pub(super) fn store_failure(page: Page, e: StoreError) -> Response {
    match e {
        StoreError::NotFound { .. } => not_found(page),
        StoreError::Forbidden(_) | StoreError::OtherRegion { .. } => forbidden(page),
        e => errors::internal(page, e),
    }
}

/// A use case's refusal that is not the form's, as [`store_failure`] answers the store's.
pub(super) fn failure(page: Page, e: Error) -> Response {
    match e {
        Error::Store(e) => store_failure(page, e),
        Error::Refused(p) if p.status == 404 => not_found(page),
        Error::Refused(p) if p.status == 403 => forbidden(page),
        Error::Refused(p) => errors::internal(page, p.detail.clone().unwrap_or_default()),
    }
}

/// The status of a case in plain words.
pub(super) fn status_text(page: &Page, status: ashyq_core::cases::CaseStatus) -> String {
    page.t(&format!("app-status-{}", status.as_str()))
}

pub(super) fn programme_name(page: &Page, p: Programme) -> String {
    page.t(&format!("ec-prog-{}", p.id()))
}

// ---------------------------------------------------------------------------------------------
// My applications
// ---------------------------------------------------------------------------------------------

pub struct Row {
    pub id: i64,
    pub reference: String,
    pub programme: String,
    pub region: String,
    pub status: &'static str,
    pub status_text: String,
    pub updated: String,
}

pub struct ProgrammeChoice {
    pub id: &'static str,
    pub name: String,
    pub about: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "applications.html")]
pub struct List {
    page: Page,
    rows: Vec<Row>,
    programmes: Vec<ProgrammeChoice>,
}

/// My applications, newest first, and the choice of a programme to apply for.
pub async fn index(State(s): State<AppState>, principal: Principal, page: Page) -> Response {
    if !applicant(&principal) {
        return forbidden(page);
    }
    let cases = match cases::list(&s, &principal, &Filter { limit: 1000, ..Filter::default() }).await {
        Ok(c) => c.cases,
        Err(e) => return failure(page, e),
    };
    let rows = cases
        .into_iter()
        .map(|c| Row {
            id: c.id,
            reference: c.reference,
            programme: programme_name(&page, c.programme),
            region: page.region_name(&Some(c.region)),
            status: c.status.as_str(),
            status_text: status_text(&page, c.status),
            updated: page.instant(c.updated_at),
        })
        .collect();
    let programmes = Programme::ALL
        .iter()
        .map(|p| ProgrammeChoice {
            id: p.id(),
            name: programme_name(&page, *p),
            about: page.t(&format!("ec-prog-{}-about", p.id())),
        })
        .collect();
    List { page, rows, programmes }.into_response()
}

// ---------------------------------------------------------------------------------------------
// The application form
// ---------------------------------------------------------------------------------------------

/// The programme's questions the holder's identity already answers: asked once, in the
/// passport's fieldset (the region: in the region's select).
const FROM_HOLDER: &[(&str, &str)] = &[
    ("birth_date", "holder.birth_date"),
    ("passport_expiry", "holder.passport_expiry"),
    ("applicant.birth_date", "holder.birth_date"),
    ("applicant.passport_expiry", "holder.passport_expiry"),
];

/// The form's own name of a programme's question (a question the holder answers: the
/// holder's field).
fn visible(name: &str) -> String {
    FROM_HOLDER.iter().find(|(q, _)| *q == name).map_or_else(|| name.to_string(), |(_, h)| h.to_string())
}

fn hidden(name: &str) -> bool {
    name == "region" || FROM_HOLDER.iter().any(|(q, _)| *q == name)
}

const HOLDER_FIELDS: &[&str] = &[
    "holder.surname",
    "holder.given_names",
    "holder.birth_date",
    "holder.sex",
    "holder.nationality",
    "holder.passport_number",
    "holder.passport_expiry",
    "region",
];

#[derive(Template, WebTemplate)]
#[template(path = "applications_form.html")]
pub struct NewForm {
    page: Page,
    id: &'static str,
    name: String,
    about: String,
    token: String,
    holder: Vec<FieldView>,
    fieldsets: Vec<FieldsetView>,
    /// Every error with its field's anchor and label, for the summary at the top.
    errors: Vec<(String, String, String)>,
}

/// The token a form carries: 16 to 64 characters of the base64url alphabet.
fn token_ok(token: &str) -> bool {
    (16..=64).contains(&token.len())
        && token.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
}

/// The case's reference made from the form's token: the same form sent twice is one case.
fn reference(token: &str, today: Date) -> String {
    let hash = ashyq_store::secret::token_hash(token);
    format!("APP-{}-{}", today.year(), hash[..12].to_ascii_uppercase())
}

/// The application form of a programme.
pub async fn new(
    State(s): State<AppState>,
    principal: Principal,
    page: Page,
    Path(id): Path<String>,
) -> Response {
    if !applicant(&principal) {
        return forbidden(page);
    }
    let Ok(p) = programme(&id) else { return not_found(page) };
    let token = ashyq_store::secret::random_token();
    render(&s, page, p, &Answers::default(), token, &[], StatusCode::OK)
}

/// Reads the form, evaluates it for today and stores the draft case: 303 to its page; or the
/// form again with every answer that could not be read next to its field (422).
pub async fn create(
    State(s): State<AppState>,
    principal: Principal,
    Path(id): Path<String>,
    CsrfForm { page, fields }: CsrfForm<Vec<(String, String)>>,
) -> Response {
    if !applicant(&principal) {
        return forbidden(page);
    }
    let Ok(p) = programme(&id) else { return not_found(page) };
    let answers = Answers(fields);
    let token = answers.get("token").to_string();
    let today = crate::clock::today();
    let mut errs: Vec<FieldError> = Vec::new();
    if !token_ok(&token) {
        let fresh = ashyq_store::secret::random_token();
        let errs = vec![FieldError { name: String::new(), message: page.t("app-err-token") }];
        return render(&s, page, p, &answers, fresh, &errs, StatusCode::UNPROCESSABLE_ENTITY);
    }
    let holder = read_holder(&page, &answers, today, &mut errs);
    let region = match ashyq_core::region::parse(answers.get("region")) {
        Some(r) => Some(r.code.clone()),
        None => {
            let key = if answers.get("region").is_empty() { "ec-err-required" } else { "ec-err-choice" };
            errs.push(FieldError { name: "region".into(), message: page.t(key) });
            None
        }
    };
    // The programme's questions, with those the holder's identity answers filled in from it.
    let mut given: Vec<(String, String)> =
        answers.0.iter().filter(|(k, _)| !FROM_HOLDER.iter().any(|(q, _)| q == k)).cloned().collect();
    for (q, h) in FROM_HOLDER {
        given.push((q.to_string(), answers.get(h).to_string()));
    }
    let built = form::build(p, &Answers(given), Some(today), &page);
    for e in &built.errors {
        let name = visible(&e.name);
        if !errs.iter().any(|x| x.name == name) {
            errs.push(FieldError { name, message: e.message.clone() });
        }
    }
    let (Some(holder), Some(region), true) = (holder, region, errs.is_empty()) else {
        return render(&s, page, p, &answers, token, &errs, StatusCode::UNPROCESSABLE_ENTITY);
    };
    let facts = built.facts.clone();
    let new = NewCase { reference: reference(&token, today), programme: p, region, holder, facts };
    match cases::open(&s, &principal, new).await {
        Ok(opened) => Redirect::to(&format!("/applications/{}", opened.id)).into_response(),
        // Refused before anything was stored: facts the rules could not read or decide on.
        Err(Error::Refused(problem)) if problem.status == 422 => {
            let reason = crate::web::refusal::reason_words(&page, &problem);
            let errs = match problem.errors.first() {
                Some(f) if f.field.starts_with("facts") => {
                    let path = f.field.trim_start_matches("facts").trim_start_matches('.');
                    let name = visible(&built.field_for(form::questions(p), path));
                    vec![FieldError { name, message: page.t1("ec-err-facts", "reason", &reason) }]
                }
                Some(f) if f.field.starts_with("holder.") => {
                    vec![FieldError { name: f.field.clone(), message: reason }]
                }
                _ => {
                    vec![FieldError {
                        name: String::new(),
                        message: page.t1("ec-err-cannot-decide", "reason", &reason),
                    }]
                }
            };
            render(&s, page, p, &answers, token, &errs, StatusCode::UNPROCESSABLE_ENTITY)
        }
        Err(Error::Store(StoreError::Field { field, reason })) => {
            let errs = vec![FieldError { name: visible(&field), message: page.said(&reason) }];
            render(&s, page, p, &answers, token, &errs, StatusCode::UNPROCESSABLE_ENTITY)
        }
        Err(Error::Store(StoreError::Conflict { .. })) => {
            // The form was sent before with other answers: a new form, a new application.
            let errs = vec![FieldError { name: String::new(), message: page.t("app-err-sent-before") }];
            let fresh = ashyq_store::secret::random_token();
            render(&s, page, p, &answers, fresh, &errs, StatusCode::CONFLICT)
        }
        Err(e) => failure(page, e),
    }
}

/// A date of the holder's fieldset.
fn holder_date(page: &Page, a: &Answers, name: &str) -> Result<Date, FieldError> {
    let text = a.get(name);
    if text.is_empty() {
        return Err(FieldError { name: name.into(), message: page.t("ec-err-required") });
    }
    text.parse::<Date>()
        .map_err(|_| FieldError { name: name.into(), message: page.t1("err-date", "value", text) })
}

/// Where a holder's error goes, and its message.
fn holder_error(page: &Page, e: &HolderError) -> FieldError {
    let (name, key) = match e {
        HolderError::Surname => ("holder.surname", "app-err-surname"),
        HolderError::GivenNames => ("holder.given_names", "app-err-given-names"),
        HolderError::Sex => ("holder.sex", "ec-err-choice"),
        HolderError::Nationality(_) => ("holder.nationality", "ec-err-choice"),
        HolderError::Citizen => ("holder.nationality", "app-err-citizen"),
        HolderError::PassportNumber => ("holder.passport_number", "app-err-passport-number"),
        HolderError::BirthDate(_) => ("holder.birth_date", "app-err-birth-date"),
        HolderError::Expired(_) => ("holder.passport_expiry", "app-err-expired"),
    };
    FieldError { name: name.into(), message: page.t(key) }
}

/// The holder's identity from the form, checked for today; every field that cannot be read is
/// named in `errs` (each is checked on its own against an identity otherwise valid, so all
/// the mistakes are shown at once).
fn read_holder(page: &Page, a: &Answers, today: Date, errs: &mut Vec<FieldError>) -> Option<Holder> {
    let before = errs.len();
    let birth_date = holder_date(page, a, "holder.birth_date").map_err(|e| errs.push(e)).ok();
    let passport_expiry = holder_date(page, a, "holder.passport_expiry").map_err(|e| errs.push(e)).ok();
    let valid = Holder {
        surname: "X".into(),
        given_names: String::new(),
        birth_date: Date::constant(1970, 1, 1),
        sex: "X".into(),
        nationality: "UZB".into(),
        passport_number: "X1".into(),
        passport_expiry: today,
    };
    let text = |name: &str| a.get(name).to_string();
    let each = [
        Holder { surname: text("holder.surname"), ..valid.clone() },
        Holder { given_names: text("holder.given_names"), ..valid.clone() },
        Holder { sex: text("holder.sex"), ..valid.clone() },
        Holder { nationality: text("holder.nationality"), ..valid.clone() },
        Holder { passport_number: text("holder.passport_number"), ..valid.clone() },
        Holder { birth_date: birth_date.unwrap_or(valid.birth_date), ..valid.clone() },
        Holder { passport_expiry: passport_expiry.unwrap_or(valid.passport_expiry), ..valid.clone() },
    ];
    for h in each {
        if let Err(e) = h.checked(today) {
            errs.push(holder_error(page, &e));
        }
    }
    if errs.len() > before {
        return None;
    }
    let holder = Holder {
        surname: text("holder.surname"),
        given_names: text("holder.given_names"),
        birth_date: birth_date?,
        sex: text("holder.sex"),
        nationality: text("holder.nationality"),
        passport_number: text("holder.passport_number"),
        passport_expiry: passport_expiry?,
    };
    holder.checked(today).map_err(|e| errs.push(holder_error(page, &e))).ok()
}

/// A field of the holder's fieldset.
fn holder_field(page: &Page, name: &str, kind: &'static str, a: &Answers, errs: &[FieldError]) -> FieldView {
    let id = form::field_id(name);
    let key = format!("app-f-{}", name.trim_start_matches("holder."));
    let hint_key = format!("{key}-hint");
    let hint = (page.t(&hint_key) != hint_key).then(|| page.t(&hint_key));
    let error = errs.iter().find(|e| e.name == name).map(|e| e.message.clone());
    let value = a.get(name).to_string();
    let mut described = Vec::new();
    if hint.is_some() {
        described.push(format!("{id}-hint"));
    }
    if error.is_some() {
        described.push(format!("{id}-error"));
    }
    let option = |v: &str, label: String| OptionView {
        selected: value.eq_ignore_ascii_case(v),
        value: v.to_string(),
        label,
        id: String::new(),
    };
    let mut options = Vec::new();
    if kind == "select" {
        options.push(OptionView {
            value: String::new(),
            label: page.t("ec-choose"),
            selected: false,
            id: String::new(),
        });
        match name {
            "holder.sex" => {
                options.extend(["F", "M", "X"].iter().map(|v| option(v, page.t(&format!("app-sex-{v}")))))
            }
            "holder.nationality" => {
                let mut countries: Vec<(String, String)> = ashyq_core::country::all()
                    .iter()
                    .filter(|c| !c.alpha2.is_empty() && c.alpha3 != "KAZ")
                    .map(|c| (c.alpha3.clone(), c.name(page.lang_code()).to_string()))
                    .collect();
                countries.sort_by(|a, b| a.1.cmp(&b.1));
                options.extend(countries.iter().map(|(code, n)| option(code, n.clone())));
            }
            _ => options.extend(page.regions().into_iter().map(|(code, n)| option(&code, n))),
        }
    }
    FieldView {
        label: page.t(&key),
        hint,
        kind,
        checked: false,
        options,
        error,
        required: name != "holder.given_names",
        step: "",
        max: String::new(),
        maxlength: match name {
            "holder.passport_number" => 20,
            "holder.surname" | "holder.given_names" => 100,
            _ => 0,
        },
        inputmode: "",
        described_by: described.join(" "),
        value,
        id,
        name: name.to_string(),
    }
}

fn render(
    s: &AppState,
    page: Page,
    p: Programme,
    answers: &Answers,
    token: String,
    errs: &[FieldError],
    status: StatusCode,
) -> Response {
    let holder: Vec<FieldView> = HOLDER_FIELDS
        .iter()
        .map(|name| {
            let kind = match *name {
                "holder.birth_date" | "holder.passport_expiry" => "date",
                "holder.sex" | "holder.nationality" | "region" => "select",
                _ => "text",
            };
            holder_field(&page, name, kind, answers, errs)
        })
        .collect();
    let mut fieldsets = form::fieldsets(p, &page, &s.i18n, answers, errs);
    for fs in &mut fieldsets {
        fs.fields.retain(|f| !hidden(&f.name));
        for sub in &mut fs.subs {
            sub.fields.retain(|f| !hidden(&f.name));
        }
        fs.subs.retain(|sub| !sub.fields.is_empty());
    }
    fieldsets.retain(|fs| !fs.fields.is_empty() || !fs.subs.is_empty());
    let label_of = |name: &str| -> String {
        match holder.iter().find(|f| f.name == name) {
            Some(f) => f.label.clone(),
            None => form::label_in(&fieldsets, name).unwrap_or_default(),
        }
    };
    let errors = form::summary(errs, label_of);
    let view = NewForm {
        id: p.id(),
        name: programme_name(&page, p),
        about: page.t(&format!("ec-prog-{}-about", p.id())),
        token,
        holder,
        fieldsets,
        errors,
        page,
    };
    (status, view).into_response()
}

/// This module's routes, each with its row of the access table
/// (public, applicant, analyst, coordinator, officer, border, admin).
#[rustfmt::skip]
pub fn routes(b: crate::routes::RouteBuilder) -> crate::routes::RouteBuilder {
    b
        .page_get("/applications", [401, 200, 403, 403, 403, 403, 403], index)
        .page_get("/applications/new/{programme}", [401, 200, 403, 403, 403, 403, 403], new)
        .page_post("/applications/new/{programme}", [401, 303, 403, 403, 403, 403, 403], create)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_are_stable_per_token_and_valid() {
        let today = Date::constant(2026, 11, 21);
        let a = reference("abcdefghijklmnopqrstuvwxyz012345", today);
        assert_eq!(a, reference("abcdefghijklmnopqrstuvwxyz012345", today));
        assert_ne!(a, reference("abcdefghijklmnopqrstuvwxyz012346", today));
        assert!(a.starts_with("APP-2026-") && a.len() == 21, "{a}");
        assert!(token_ok(&ashyq_store::secret::random_token()));
        assert!(!token_ok("short") && !token_ok("a b c d e f g h i j k l m n o p"));
    }

    #[test]
    fn questions_the_passport_answers_are_asked_once() {
        assert_eq!(visible("applicant.birth_date"), "holder.birth_date");
        assert_eq!(visible("family[0].birth_date"), "family[0].birth_date");
        assert!(hidden("passport_expiry") && hidden("region") && !hidden("family[1].birth_date"));
    }
}
