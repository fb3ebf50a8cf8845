//! Self-registration: an applicant opens their own account (always the applicant role) and is
//! logged in at once. Every field is checked and every mistake shown next to its field; the
//! typed username and name come back, the passwords never do. The adapter of
//! `flows::accounts::signup`.

use crate::auth::{PeerAddr, Principal};
use crate::flows::Error;
use crate::flows::accounts::signup::{self, SignUp as NewApplicant};
use crate::state::AppState;
use crate::web::form::CsrfForm;
use crate::web::page::Page;
use ashyq_core::account::AccountError;
use ashyq_store::StoreError;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

/// Where a new applicant goes: their account, which says where the verification link went
/// and leads on to the applications.
const AFTER_SIGNUP: &str = "/account?welcome=1";

#[derive(Template, WebTemplate)]
#[template(path = "signup.html")]
pub struct SignUp {
    page: Page,
    username: String,
    display_name: String,
    email: String,
    phone: String,
    errors: FieldErrors,
}

/// What is wrong, per field; `form` for what concerns no single field.
#[derive(Default)]
pub struct FieldErrors {
    username: Option<String>,
    display_name: Option<String>,
    email: Option<String>,
    phone: Option<String>,
    password: Option<String>,
    repeat: Option<String>,
    form: Option<String>,
}

impl FieldErrors {
    fn any(&self) -> bool {
        self.username.is_some()
            || self.display_name.is_some()
            || self.email.is_some()
            || self.phone.is_some()
            || self.password.is_some()
            || self.repeat.is_some()
            || self.form.is_some()
    }

    /// Puts an account error next to the field it is about.
    fn put(&mut self, page: &Page, e: &AccountError) {
        let text = Some(page.t(crate::flows::accounts::pages::admin::account_error_key(e)));
        match e {
            AccountError::BadUsername => self.username = text,
            AccountError::BadDisplayName => self.display_name = text,
            AccountError::BadEmail => self.email = text,
            AccountError::BadPhone => self.phone = text,
            AccountError::PasswordTooShort
            | AccountError::PasswordTooLong
            | AccountError::PasswordIsUsername => self.password = text,
            // An applicant's account has no region and its role is fixed: not the form's fault.
            AccountError::UnknownRegion(_)
            | AccountError::RegionNotAllowed(_)
            | AccountError::PublicAccount => self.form = text,
        }
    }
}

/// The empty form (also for a visitor already logged in: signing up logs them in as the new
/// account).
pub async fn show(page: Page) -> SignUp {
    SignUp {
        page,
        username: String::new(),
        display_name: String::new(),
        email: String::new(),
        phone: String::new(),
        errors: FieldErrors::default(),
    }
}

#[derive(Deserialize)]
pub struct SignUpForm {
    #[serde(default)]
    username: String,
    #[serde(default)]
    display_name: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    phone: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    repeat: String,
}

pub async fn submit(
    State(state): State<AppState>,
    principal: Principal,
    headers: HeaderMap,
    PeerAddr(peer): PeerAddr,
    CsrfForm { page, fields }: CsrfForm<SignUpForm>,
) -> Response {
    // Every field is checked before anything is written, so all mistakes show at once, each
    // beside its field (the use case names them all too; here they are put in words).
    let applicant = NewApplicant {
        username: fields.username.clone(),
        display_name: fields.display_name.clone(),
        password: fields.password.clone(),
        email: fields.email.clone(),
        phone: fields.phone.clone(),
        language: Some(page.lang_code().to_string()),
    };
    let mut errors = FieldErrors::default();
    for e in signup::mistakes(&applicant) {
        errors.put(&page, &e);
    }
    if fields.password != fields.repeat {
        errors.repeat = Some(page.t("password-mismatch"));
    }
    if errors.any() {
        return refuse(page, fields, errors, StatusCode::UNPROCESSABLE_ENTITY);
    }
    let ip = state.client_ip(&headers, peer);
    match signup::sign_up(&state, &principal, &ip, applicant).await {
        Ok(user) => {
            crate::flows::accounts::pages::login::start_session(
                &state,
                &principal,
                &headers,
                &user,
                AFTER_SIGNUP,
                page,
            )
            .await
        }
        Err(Error::Store(StoreError::Invalid(e))) => {
            errors.put(&page, &e);
            refuse(page, fields, errors, StatusCode::UNPROCESSABLE_ENTITY)
        }
        Err(Error::Store(StoreError::Conflict { .. })) => {
            errors.username = Some(page.t("err-conflict"));
            refuse(page, fields, errors, StatusCode::CONFLICT)
        }
        Err(Error::Refused(p)) if p.status == StatusCode::TOO_MANY_REQUESTS.as_u16() => {
            let secs = p.retry_after_secs.unwrap_or(60);
            let minutes = (secs + 59) / 60;
            errors.form = Some(page.tc("signup-throttled", minutes, &[]));
            let mut res = refuse(page, fields, errors, StatusCode::TOO_MANY_REQUESTS);
            if let Ok(v) = HeaderValue::from_str(&secs.to_string()) {
                res.headers_mut().insert(header::RETRY_AFTER, v);
            }
            res
        }
        // The fields were checked above by the same rules: anything else is a failure.
        Err(e) => super::internal(page, e),
    }
}

/// The form again with what was typed (never the passwords) and what is wrong.
fn refuse(page: Page, fields: SignUpForm, errors: FieldErrors, status: StatusCode) -> Response {
    let SignUpForm { username, display_name, email, phone, .. } = fields;
    (status, SignUp { page, username, display_name, email, phone, errors }).into_response()
}

/// This module's routes, each with its row of the access table
/// (public, applicant, analyst, coordinator, officer, border, admin).
#[rustfmt::skip]
pub fn routes(b: crate::routes::RouteBuilder) -> crate::routes::RouteBuilder {
    b
        .page_get("/signup", [200, 200, 200, 200, 200, 200, 200], show)
        .page_post("/signup", [303, 303, 303, 303, 303, 303, 303], submit)
}
