//! RFC 9457 problem details: the one shape of every error the JSON API returns.

use ashyq_core::said::Said;
use ashyq_store::StoreError;
use ashyq_store::users::LoginError;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;

pub const CONTENT_TYPE: &str = "application/problem+json";

/// A problem (RFC 9457), boxed so that `Result<T, Problem>` stays small; fields are reached
/// through `Deref`.
#[derive(Debug, Clone)]
pub struct Problem(Box<ProblemDetails>);

impl std::ops::Deref for Problem {
    type Target = ProblemDetails;
    fn deref(&self) -> &ProblemDetails {
        &self.0
    }
}

impl std::ops::DerefMut for Problem {
    fn deref_mut(&mut self) -> &mut ProblemDetails {
        &mut self.0
    }
}

impl Serialize for Problem {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

/// A problem (RFC 9457). `code` is a stable machine-readable slug; `errors` lists bad fields.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(as = Problem)]
pub struct ProblemDetails {
    /// Always `about:blank`: `title` is the HTTP status phrase and `code` says more.
    #[serde(rename = "type")]
    pub type_: String,
    pub title: String,
    pub status: u16,
    /// What went wrong, for a person.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// A stable slug: `validation`, `bad_json`, `unsupported_media_type`, `payload_too_large`,
    /// `unauthorized`, `forbidden`, `csrf`, `not_found`, `conflict`, `rate_limited`, …
    pub code: String,
    /// The request's id (also in the `X-Request-Id` header and in the audit log).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
    #[serde(skip)]
    pub retry_after_secs: Option<i64>,
    /// The refusal in words (by code and arguments) for the pages; the API sends its English.
    #[serde(skip)]
    pub said: Option<Said>,
}

/// One bad field: where (a JSON path like `role` or `items[2].date`) and why.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct FieldError {
    pub field: String,
    pub message: String,
    /// The rule broken, where there is a stable one: `text-control`, `text-bidi`,
    /// `text-too-long`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// The message in words (by code and arguments) for the pages; the API sends its English.
    #[serde(skip)]
    pub said: Option<Said>,
}

impl Problem {
    /// Why, in short: the first bad field's message, or else the detail.
    pub fn reason(&self) -> String {
        self.errors.first().map_or_else(|| self.detail.clone().unwrap_or_default(), |f| f.message.clone())
    }

    /// Why, naming where: the first bad field as `field: message`, or else the detail.
    pub fn named_reason(&self) -> String {
        self.errors.first().map_or_else(
            || self.detail.clone().unwrap_or_default(),
            |f| format!("{}: {}", f.field, f.message),
        )
    }

    pub fn new(status: StatusCode, code: &str, detail: impl Into<String>) -> Problem {
        let detail = detail.into();
        Problem(Box::new(ProblemDetails {
            type_: "about:blank".into(),
            title: status.canonical_reason().unwrap_or("Error").into(),
            status: status.as_u16(),
            detail: (!detail.is_empty()).then_some(detail),
            code: code.into(),
            request_id: None,
            errors: Vec::new(),
            retry_after_secs: None,
            said: None,
        }))
    }

    pub fn field(mut self, field: &str, message: impl Into<String>) -> Problem {
        self.errors.push(FieldError { field: field.into(), message: message.into(), code: None, said: None });
        self
    }

    /// A bad field and why in words: its English is the message; a code of the text rules
    /// (`text-control`, `text-bidi`, `text-too-long`) is also the field's `code`.
    pub fn field_said(mut self, field: &str, said: Said) -> Problem {
        let code = said.code.starts_with("text-").then(|| said.code.clone());
        self.errors.push(FieldError {
            field: field.into(),
            message: said.english.clone(),
            code,
            said: Some(said),
        });
        self
    }

    /// The whole refusal in words, for the pages.
    pub fn with_said(mut self, said: Said) -> Problem {
        self.said = Some(said);
        self
    }

    pub fn unauthorized() -> Problem {
        Problem::new(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "log in, or send Authorization: Bearer <token>",
        )
    }

    pub fn forbidden(role: ashyq_core::Role) -> Problem {
        Problem::new(StatusCode::FORBIDDEN, "forbidden", format!("the {role} role may not use this"))
    }

    /// A 422 naming the bad field.
    pub fn validation(field: &str, message: impl Into<String>) -> Problem {
        let message = message.into();
        Problem::new(StatusCode::UNPROCESSABLE_ENTITY, "validation", format!("{field}: {message}"))
            .field(field, message)
    }

    pub fn not_found(detail: impl Into<String>) -> Problem {
        Problem::new(StatusCode::NOT_FOUND, "not_found", detail)
    }

    /// The code for a bare status, used when turning other errors into problems.
    pub fn code_for(status: StatusCode) -> &'static str {
        match status.as_u16() {
            400 => "bad_request",
            401 => "unauthorized",
            403 => "forbidden",
            404 => "not_found",
            405 => "method_not_allowed",
            409 => "conflict",
            413 => "payload_too_large",
            415 => "unsupported_media_type",
            422 => "validation",
            429 => "rate_limited",
            s if s >= 500 => "internal",
            _ => "error",
        }
    }
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let body = serde_json::to_vec(&self).unwrap_or_default();
        let mut res = (status, body).into_response();
        res.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static(CONTENT_TYPE));
        if status == StatusCode::UNAUTHORIZED {
            res.headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer realm=\"ashyq\""));
        }
        if let Some(secs) = self.retry_after_secs
            && let Ok(v) = HeaderValue::from_str(&secs.to_string())
        {
            res.headers_mut().insert(header::RETRY_AFTER, v);
        }
        res
    }
}

impl From<StoreError> for Problem {
    fn from(e: StoreError) -> Problem {
        match &e {
            StoreError::Invalid(a) => {
                let text = a.to_string();
                let (field, message) = text.split_once(": ").unwrap_or(("", &text));
                Problem::new(StatusCode::UNPROCESSABLE_ENTITY, "validation", text.clone())
                    .field(field, message)
            }
            StoreError::Conflict { .. } => Problem::new(StatusCode::CONFLICT, "conflict", e.to_string()),
            StoreError::Refused(said) => {
                Problem::new(StatusCode::CONFLICT, "conflict", e.to_string()).with_said(said.clone())
            }
            StoreError::NotFound { .. } => Problem::not_found(e.to_string()),
            StoreError::Field { field, reason } => {
                Problem::new(StatusCode::UNPROCESSABLE_ENTITY, "validation", e.to_string())
                    .field_said(field, reason.clone())
            }
            StoreError::Forbidden(said) => {
                Problem::new(StatusCode::FORBIDDEN, "forbidden", e.to_string()).with_said(said.clone())
            }
            StoreError::OtherRegion { .. } => Problem::new(StatusCode::FORBIDDEN, "forbidden", e.to_string()),
            StoreError::Unsupported(_) => {
                Problem::new(StatusCode::UNPROCESSABLE_ENTITY, "validation", e.to_string())
            }
            _ => {
                tracing::error!(error = %e, "store error");
                Problem::new(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "internal",
                    "an internal error occurred; it was logged",
                )
            }
        }
    }
}

impl From<LoginError> for Problem {
    fn from(e: LoginError) -> Problem {
        match e {
            LoginError::InvalidCredentials => {
                Problem::new(StatusCode::UNAUTHORIZED, "invalid_credentials", e.to_string())
            }
            LoginError::Throttled(t) => t.into(),
            LoginError::Store(s) => s.into(),
        }
    }
}

impl From<ashyq_store::throttle::Throttled> for Problem {
    fn from(t: ashyq_store::throttle::Throttled) -> Problem {
        let mut p =
            Problem::new(StatusCode::TOO_MANY_REQUESTS, "rate_limited", "too many attempts; try again later");
        p.retry_after_secs = Some(t.retry_after_secs);
        p
    }
}

impl From<ashyq_store::contacts::LinkError> for Problem {
    fn from(e: ashyq_store::contacts::LinkError) -> Problem {
        match e {
            ashyq_store::contacts::LinkError::Throttled(t) => t.into(),
            ashyq_store::contacts::LinkError::Store(s) => s.into(),
        }
    }
}

/// The API's result type.
pub type ApiResult<T> = Result<T, Problem>;
