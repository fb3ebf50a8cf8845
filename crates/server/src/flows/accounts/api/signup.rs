//! Self-registration over the API: an applicant opens their own account. Always the applicant
//! role, never a region; no credential needed. The answer is the new account; log in (or make
//! an API token from a session) to use it. The adapter of `flows::accounts::signup`.

use crate::auth::{PeerAddr, Principal};
use crate::flows::accounts::api::users::UserView;
use crate::flows::accounts::signup;
use crate::json::ApiJson;
use crate::problem::{ApiResult, ProblemDetails};
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use serde::Deserialize;
use utoipa::ToSchema;

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SignUp {
    /// 3 to 64 characters of a-z, 0-9, '.', '_', '-' or '@', starting with a letter or digit
    /// (stored lower case).
    username: String,
    /// The person's name as shown to others, 1 to 200 characters.
    display_name: String,
    /// At least 12 and at most 256 characters, not the username.
    password: String,
    /// Where notifications go: a link to verify it is mailed at once.
    email: String,
    /// A telephone number of 10 to 15 digits, optional.
    #[serde(default)]
    phone: Option<String>,
    /// The language notifications are written in: kk (the default), ru or en.
    #[serde(default)]
    language: Option<String>,
}

/// Opens an applicant account for the caller and mails a link to verify its e-mail address
/// (notifications are mailed only to a verified address). Sign-ups are limited per client address
/// (429 with `Retry-After` past the limit).
#[utoipa::path(post, path = "/api/v1/signup", tag = "account", request_body = SignUp,
    responses(
        (status = 201, body = UserView),
        (status = 409, body = ProblemDetails, description = "The username is taken"),
        (status = 422, body = ProblemDetails, description = "A field is not acceptable; `errors` names it"),
        (status = 429, body = ProblemDetails, description = "Too many sign-ups from this address"),
    ))]
pub async fn create(
    State(s): State<AppState>,
    p: Principal,
    headers: HeaderMap,
    PeerAddr(peer): PeerAddr,
    ApiJson(body): ApiJson<SignUp>,
) -> ApiResult<(StatusCode, Json<UserView>)> {
    let ip = s.client_ip(&headers, peer);
    let form = signup::SignUp {
        username: body.username,
        display_name: body.display_name,
        password: body.password,
        email: body.email,
        phone: body.phone.unwrap_or_default(),
        language: body.language,
    };
    let user = signup::sign_up(&s, &p, &ip, form).await?;
    Ok((StatusCode::CREATED, Json(user.into())))
}

/// This module's routes, each with its row of the access table
/// (public, applicant, analyst, coordinator, officer, border, admin).
#[rustfmt::skip]
pub fn routes(b: crate::routes::RouteBuilder) -> crate::routes::RouteBuilder {
    b
        .api(__path_create, [201, 201, 201, 201, 201, 201, 201], create)
}
