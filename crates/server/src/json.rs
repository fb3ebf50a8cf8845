//! The API's JSON body extractor: every way a body can be wrong becomes a 4xx problem that says
//! where and why — wrong content type (415), too large (413), not JSON (400, with line and
//! column), not the expected shape (422, with the field's path). Request types deny unknown fields.

use crate::problem::Problem;
use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::StatusCode;
use axum::http::header::CONTENT_TYPE;
use serde::de::DeserializeOwned;

/// A JSON request body of type `T`.
pub struct ApiJson<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for ApiJson<T> {
    type Rejection = Problem;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let content_type = req.headers().get(CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("");
        let mime = content_type.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
        if mime != "application/json" && !(mime.starts_with("application/") && mime.ends_with("+json")) {
            return Err(Problem::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type",
                format!("the body must be JSON with Content-Type: application/json, not {:?}", content_type),
            ));
        }
        let bytes = Bytes::from_request(req, state).await.map_err(|rejection| {
            let status = rejection.status();
            Problem::new(status, Problem::code_for(status), rejection.body_text())
        })?;
        parse(&bytes).map(ApiJson)
    }
}

/// Parses a JSON body, naming the line and column of a syntax error or the path of a bad field.
pub fn parse<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, Problem> {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let value = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        problem_for(e.into_inner(), if path == "." { String::new() } else { path })
    })?;
    de.end().map_err(|e| problem_for(e, String::new()))?;
    Ok(value)
}

fn problem_for(e: serde_json::Error, field: String) -> Problem {
    use serde_json::error::Category;
    match e.classify() {
        Category::Data => {
            let msg = e.to_string();
            Problem::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "validation",
                format!("the body does not match the expected shape: {msg}"),
            )
            .field(&field, msg)
        }
        Category::Syntax | Category::Eof | Category::Io => Problem::new(
            StatusCode::BAD_REQUEST,
            "bad_json",
            format!("the body is not valid JSON: {e} (line {}, column {})", e.line(), e.column()),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct T {
        name: String,
        n: u8,
    }

    #[test]
    fn errors_say_where() {
        let e = parse::<T>(b"{\"name\": \"x\",\n \"n\": }").unwrap_err();
        assert_eq!((e.status, e.code.as_str()), (400, "bad_json"));
        assert!(e.detail.as_deref().unwrap_or_default().contains("line 2"));
        let e = parse::<T>(br#"{"name": "x", "n": 300}"#).unwrap_err();
        assert_eq!((e.status, e.errors[0].field.as_str()), (422, "n"));
        let e = parse::<T>(br#"{"name": "x", "n": 1, "extra": true}"#).unwrap_err();
        assert_eq!(e.status, 422);
        assert!(e.errors[0].message.contains("unknown field `extra`"));
        let e = parse::<T>(br#"{"name": "x", "n": 1} trailing"#).unwrap_err();
        assert_eq!(e.status, 400);
        assert!(parse::<T>(br#"{"name": "x", "n": 1}"#).is_ok());
    }
}
