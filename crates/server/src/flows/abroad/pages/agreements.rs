//! The form of an interstate agreement (officers, issue 16): add one (`/abroad/agreements/new`)
//! or edit one as it now stands (`/abroad/agreements/{id}/edit`) — country, title, status, the
//! dates of signature and entry into force, what it covers, a note. A field at fault is named
//! in the reader's words beside it; the published list is `overview::agreements_page`.

use crate::auth::Principal;
use crate::flows::Error;
use crate::flows::abroad::agreements;
use crate::flows::abroad::pages::overview::{read_error, word};
use crate::flows::abroad::pages::workers::countries;
use crate::state::AppState;
use crate::web::form::CsrfForm;
use crate::web::page::Page;
use ashyq_core::abroad::{AgreementStatus, Coverage};
use ashyq_store::StoreError;
use ashyq_store::abroad::agreements::{Agreement, AgreementInput};
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};

/// An error of the form: the field's anchor, its label and the message, in the reader's words.
type FieldError = (String, String, String);

#[derive(Template, WebTemplate)]
#[template(path = "abroad_agreement_form.html")]
pub struct Form {
    page: Page,
    /// `None`: a new agreement.
    id: Option<i64>,
    input: AgreementInput,
    countries: Vec<(String, String)>,
    statuses: Vec<(String, String)>,
    coverages: Vec<(String, String, bool)>,
    errors: Vec<FieldError>,
}

impl Form {
    /// The message of the field with this anchor, if it has one.
    fn error_of(&self, anchor: &str) -> Option<&str> {
        self.errors.iter().find(|(a, _, _)| a == anchor).map(|(_, _, m)| m.as_str())
    }

    fn action(&self) -> String {
        match self.id {
            Some(id) => format!("/abroad/agreements/{id}/edit"),
            None => "/abroad/agreements/new".into(),
        }
    }
}

fn render(page: Page, id: Option<i64>, input: AgreementInput, errors: Vec<FieldError>) -> Response {
    let status = if errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    let statuses =
        AgreementStatus::ALL.iter().map(|s| (s.id().to_string(), word(&page, "astatus", s.id()))).collect();
    let coverages = Coverage::ALL
        .iter()
        .map(|c| (c.id().to_string(), word(&page, "cover", c.id()), input.covers.iter().any(|x| x == c.id())))
        .collect();
    let view = Form { countries: countries(&page), statuses, coverages, id, input, errors, page };
    (status, view).into_response()
}

/// The input of a stored agreement, to edit.
fn input_of(a: Agreement) -> AgreementInput {
    AgreementInput {
        reference: a.reference,
        country: a.country,
        title: a.title,
        signed_on: a.signed_on.map(|d| d.to_string()),
        in_force_from: a.in_force_from.map(|d| d.to_string()),
        status: a.status,
        covers: a.covers,
        note: a.note,
        illustrative: a.illustrative,
    }
}

/// The agreement as typed (the form's fields are named as the API's).
fn read(fields: &[(String, String)]) -> AgreementInput {
    let get = |name: &str| {
        fields.iter().find(|(k, _)| k == name).map(|(_, v)| v.trim().to_string()).unwrap_or_default()
    };
    let some = |name: &str| Some(get(name)).filter(|v| !v.is_empty());
    AgreementInput {
        reference: get("reference"),
        country: get("country"),
        title: get("title"),
        signed_on: some("signed_on"),
        in_force_from: some("in_force_from"),
        status: get("status"),
        covers: fields.iter().filter(|(k, _)| k == "covers").map(|(_, v)| v.clone()).collect(),
        note: some("note"),
        illustrative: !get("illustrative").is_empty(),
    }
}

/// A refusal of the form as its errors in words; `None`: not the form's (a page of its own).
fn form_errors(page: &Page, e: &Error) -> Option<Vec<FieldError>> {
    let (field, key) = match e {
        Error::Store(StoreError::Field { field, .. }) => {
            let key = match field.as_str() {
                "reference" => "ab-ag-err-reference",
                "country" => "ab-ag-err-country",
                "title" => "ab-ag-err-title",
                "status" => "ab-ag-err-status",
                "signed_on" => "ab-ag-err-signed-on",
                "in_force_from" => "ab-ag-err-in-force-from",
                "covers" => "ab-ag-err-covers",
                "note" => "ab-ag-err-note",
                _ => "ab-ag-err-field",
            };
            (field.as_str(), key)
        }
        Error::Store(StoreError::Conflict { .. }) => ("reference", "ab-ag-err-exists"),
        _ => return None,
    };
    let label = match field {
        "reference" => page.t("ab-reference"),
        "country" => page.t("ab-country"),
        "title" => page.t("ab-agreement"),
        "status" => page.t("ab-status"),
        "signed_on" => page.t("ab-signed-on"),
        "in_force_from" => page.t("ab-in-force-from"),
        "covers" => page.t("ab-covers"),
        "note" => page.t("ab-note"),
        _ => String::new(),
    };
    Some(vec![(format!("f-{field}"), label, page.t(key))])
}

/// The form of a new agreement, with a reference made for it.
pub async fn new(page: Page) -> Response {
    let reference = format!("agreement-{}", &ashyq_store::secret::random_token()[..10]);
    let input = AgreementInput { reference, status: "negotiating".into(), ..AgreementInput::default() };
    render(page, None, input, Vec::new())
}

/// Adds the agreement: to the list, or the form again with its errors named.
pub async fn create(
    State(s): State<AppState>,
    principal: Principal,
    CsrfForm { page, fields }: CsrfForm<Vec<(String, String)>>,
) -> Response {
    let input = read(&fields);
    match agreements::create(&s, &principal, &input).await {
        Ok(a) => Redirect::to(&format!("/abroad/agreements#agreement-{}", a.id)).into_response(),
        Err(e) => match form_errors(&page, &e) {
            Some(errors) => render(page, None, input, errors),
            None => read_error(page, e),
        },
    }
}

/// The form of a stored agreement.
pub async fn edit_form(State(s): State<AppState>, page: Page, Path(id): Path<i64>) -> Response {
    match agreements::get(&s, id).await {
        Ok(a) => render(page, Some(id), input_of(a), Vec::new()),
        Err(e) => read_error(page, e),
    }
}

/// Saves the agreement as it now stands: to the list, or the form again with its errors named.
pub async fn edit(
    State(s): State<AppState>,
    principal: Principal,
    Path(id): Path<i64>,
    CsrfForm { page, fields }: CsrfForm<Vec<(String, String)>>,
) -> Response {
    let input = read(&fields);
    match agreements::edit(&s, &principal, id, &input).await {
        Ok(a) => Redirect::to(&format!("/abroad/agreements#agreement-{}", a.id)).into_response(),
        Err(e) => match form_errors(&page, &e) {
            Some(errors) => render(page, Some(id), input, errors),
            None => read_error(page, e),
        },
    }
}

/// This module's routes, each with its row of the access table
/// (public, applicant, analyst, coordinator, officer, border, admin).
#[rustfmt::skip]
pub fn routes(b: crate::routes::RouteBuilder) -> crate::routes::RouteBuilder {
    b
        .page_get("/abroad/agreements/new", [401, 403, 403, 403, 200, 403, 403], new)
        .page_post("/abroad/agreements/new", [401, 403, 403, 403, 303, 403, 403], create)
        .page_get("/abroad/agreements/{id}/edit", [401, 403, 403, 403, 200, 403, 403], edit_form)
        .page_post("/abroad/agreements/{id}/edit", [401, 403, 403, 403, 303, 403, 403], edit)
}
