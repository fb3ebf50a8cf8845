//! The API's JSON body extractor: every way a body can be wrong becomes a 4xx problem that says
//! where and why — wrong content type (415), too large (413), not JSON (400, with line and
//! column), not the expected shape (422, with the field's path). Request types deny unknown fields.
//!
//! Before the body is read into its type, one pass over it checks **every** string in it (values
//! and object keys, however deep) against the boundary text rules' floor
//! ([`ashyq_core::text::FLOOR`]: no NUL or other control character but line breaks and tabs, at
//! most 10,000 characters): a 422 naming the field's path. Doing it here, not field by field,
//! means no request type and no field added later can miss it; fields with stricter rules (names,
//! identifiers) are checked again with their own kind by the domain's validators.

use crate::problem::Problem;
use ashyq_core::text::{self, TextError};
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
    if let Err(e) = scan(bytes) {
        return Err(text_problem(&e));
    }
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let value = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        problem_for(e.into_inner(), if path == "." { String::new() } else { path })
    })?;
    de.end().map_err(|e| problem_for(e, String::new()))?;
    Ok(value)
}

/// A refused text as a 422 problem naming the field, with the rule's code.
pub fn text_problem(e: &TextError) -> Problem {
    Problem::new(StatusCode::UNPROCESSABLE_ENTITY, "validation", e.to_string()).field_said(&e.field, e.said())
}

/// Checks every string of a JSON document (values and keys) against the text rules' floor. A
/// document that is not JSON passes: the typed parse then says where it is broken.
pub fn scan(bytes: &[u8]) -> Result<(), TextError> {
    let mut found = None;
    let mut path = Vec::new();
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let _ = serde::de::DeserializeSeed::deserialize(Walk { path: &mut path, found: &mut found }, &mut de);
    found.map_or(Ok(()), Err)
}

/// A place in a JSON document.
enum Segment {
    Key(String),
    Index(usize),
}

/// The path as serde_path_to_error writes it: `a.b[2].c`.
fn path_text(path: &[Segment]) -> String {
    let mut out = String::new();
    for s in path {
        match s {
            Segment::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Segment::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

/// Walks a document without building it, checking each string; stops at the first refused one.
struct Walk<'a> {
    path: &'a mut Vec<Segment>,
    found: &'a mut Option<TextError>,
}

impl Walk<'_> {
    fn text<E: serde::de::Error>(self, s: &str) -> Result<(), E> {
        match text::check(&path_text(self.path), text::FLOOR, s) {
            Ok(()) => Ok(()),
            Err(e) => {
                *self.found = Some(e);
                Err(E::custom("refused text"))
            }
        }
    }
}

impl<'de> serde::de::DeserializeSeed<'de> for Walk<'_> {
    type Value = ();
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> serde::de::Visitor<'de> for Walk<'_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_i128<E>(self, _: i128) -> Result<(), E> {
        Ok(())
    }
    fn visit_u128<E>(self, _: u128) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_none<E>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<(), E> {
        self.text(s)
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<String>()? {
            // A key is checked as a text of the object that holds it.
            Walk { path: &mut *self.path, found: &mut *self.found }.text::<A::Error>(&key)?;
            self.path.push(Segment::Key(key));
            map.next_value_seed(Walk { path: &mut *self.path, found: &mut *self.found })?;
            self.path.pop();
        }
        Ok(())
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut i = 0;
        loop {
            self.path.push(Segment::Index(i));
            let more = seq.next_element_seed(Walk { path: &mut *self.path, found: &mut *self.found })?;
            self.path.pop();
            if more.is_none() {
                return Ok(());
            }
            i += 1;
        }
    }
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

    #[test]
    fn every_string_of_a_body_is_checked_and_named_by_its_path() {
        let e = parse::<T>(br#"{"name": "a\u0000b", "n": 1}"#).unwrap_err();
        assert_eq!((e.status, e.errors[0].field.as_str()), (422, "name"));
        assert_eq!(e.errors[0].code.as_deref(), Some("text-control"));
        // Deep, in arrays, in keys, and in fields the type would ignore or refuse later.
        let deep = br#"{"a": [{"b": "ok"}, {"b": ["x", "line\nbreak", "bell\u0007"]}]}"#;
        assert_eq!(scan(deep).unwrap_err().field, "a[1].b[2]");
        assert_eq!(scan(br#"{"a": {"k\u0001": 1}}"#).unwrap_err().field, "a");
        assert_eq!(scan(br#"["x", "\u001b"]"#).unwrap_err().field, "[1]");
        let long = format!(r#"{{"remarks": "{}"}}"#, "я".repeat(10_001));
        let e = scan(long.as_bytes()).unwrap_err();
        assert_eq!((e.field.as_str(), e.code()), ("remarks", "text-too-long"));
        assert!(scan(br#"{"a": "tab\tand\r\nlines", "b": [1, 2.5, null, true]}"#).is_ok());
        assert!(parse::<serde_json::Value>(br#"{"a": "tab\tand\r\nlines"}"#).is_ok());
        // Not JSON: the typed parse says where.
        assert!(scan(b"{\"a\": ").is_ok());
        assert_eq!(parse::<T>(b"{\"name\": ").unwrap_err().status, 400);
    }
}
