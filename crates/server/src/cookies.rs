//! Reading and writing the few cookies ashyq uses: the session, the anonymous CSRF token for
//! the login form, and the chosen language.

use axum::http::HeaderMap;
use axum::http::header::COOKIE;

pub const SESSION: &str = "ashyq_session";
pub const CSRF: &str = "ashyq_csrf";
pub const LANG: &str = "ashyq_lang";

/// The value of a cookie in the request, if present.
pub fn get(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.trim_matches('"').to_string())
}

/// A `Set-Cookie` value. Every cookie is `HttpOnly` and `SameSite=Lax` (sent on top-level
/// navigation, so links into ashyq keep the session, never on cross-site form posts or fetches);
/// `Secure` when served over HTTPS.
pub fn set(name: &str, value: &str, max_age_secs: Option<i64>, secure: bool) -> String {
    let mut c = format!("{name}={value}; Path=/; HttpOnly; SameSite=Lax");
    if let Some(age) = max_age_secs {
        c.push_str(&format!("; Max-Age={age}"));
    }
    if secure {
        c.push_str("; Secure");
    }
    c
}

/// A `Set-Cookie` value that removes the cookie.
pub fn clear(name: &str, secure: bool) -> String {
    set(name, "", Some(0), secure)
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn cookies_are_found_among_others() {
        let mut h = HeaderMap::new();
        h.append(COOKIE, HeaderValue::from_static("a=1; ashyq_lang=kk"));
        h.append(COOKIE, HeaderValue::from_static("ashyq_session=tok"));
        assert_eq!(get(&h, LANG).as_deref(), Some("kk"));
        assert_eq!(get(&h, SESSION).as_deref(), Some("tok"));
        assert_eq!(get(&h, CSRF), None);
    }

    #[test]
    fn set_cookie_is_http_only_and_same_site() {
        let c = set(SESSION, "v", Some(60), true);
        assert!(
            c.contains("HttpOnly")
                && c.contains("SameSite=Lax")
                && c.contains("Secure")
                && c.contains("Max-Age=60")
        );
        assert!(!set(SESSION, "v", None, false).contains("Secure"));
    }
}
