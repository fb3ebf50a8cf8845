//! What every page needs: language and messages, the caller, the menu their role may see, the
//! CSRF token for forms, and the links of the language switch.

use crate::auth::Principal;
use crate::cookies;
use crate::i18n::{I18n, Lang};
use crate::routes;
use crate::state::AppState;
use ashyq_core::Role;
use ashyq_store::users::User;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use std::sync::Arc;

/// The main menu: (id, message key, link). An item shows only to roles the route table lets
/// open its link, so the menu never offers what would be refused.
const MENU: &[(&str, &str, &str)] = &[
    ("home", "nav-home", "/"),
    ("occupations", "nav-occupations", "/occupations"),
    ("lists", "nav-lists", "/lists"),
    ("eligibility", "nav-eligibility", "/eligibility"),
    ("applications", "nav-applications", "/applications"),
    ("analysis", "nav-analysis", "/analysis"),
    ("coordination", "nav-coordination", "/coordination"),
    ("border", "nav-border", "/border"),
    ("register", "nav-register", "/register/search"),
    ("alerts", "nav-alerts", "/register/alerts"),
    ("cases", "nav-cases", "/cases"),
    ("permits", "nav-permits", "/permits"),
    ("kandas", "nav-kandas", "/kandas"),
    ("kandas-mine", "nav-kandas-mine", "/kandas/mine"),
    ("rounds", "nav-rounds", "/rounds"),
    ("paryz", "nav-paryz", "/paryz"),
    ("abroad", "nav-abroad", "/abroad"),
    ("register-stats", "nav-register-stats", "/analysis/register"),
    ("notifications", "nav-notifications", "/notifications"),
    ("account", "nav-account", "/account"),
    ("users", "nav-users", "/admin/users"),
    ("audit", "nav-audit", "/admin/audit"),
    ("api", "nav-api", "/api/docs/"),
];

pub struct NavItem {
    pub id: &'static str,
    pub label: String,
    pub href: &'static str,
    pub current: bool,
}

pub struct LangLink {
    pub code: &'static str,
    pub name: &'static str,
    pub current: bool,
}

pub struct Page {
    pub lang: Lang,
    i18n: Arc<I18n>,
    pub user: Option<User>,
    pub role: Role,
    /// The token every form posts back as `csrf`.
    pub csrf: String,
    pub nav: Vec<NavItem>,
    /// The current path and query, percent-encoded, for `?next=`.
    pub here: String,
    pub request_id: String,
}

/// The anonymous CSRF token made for this request by [`crate::auth::resolve`] when the visitor
/// had none; it is set as a cookie on the response.
#[derive(Debug, Clone)]
pub struct NewAnonCsrf(pub String);

impl Page {
    pub fn build(state: &AppState, parts: &Parts) -> Page {
        let principal = parts.extensions.get::<Principal>().cloned();
        let (user, request_id, session_csrf) = match &principal {
            Some(p) => (p.user.clone(), p.request_id.clone(), p.session_csrf().map(str::to_string)),
            None => (None, crate::auth::request_id(&parts.headers), None),
        };
        let role = user.as_ref().map_or(Role::Public, |u| u.role);
        let csrf = session_csrf
            .or_else(|| parts.extensions.get::<NewAnonCsrf>().map(|c| c.0.clone()))
            .or_else(|| cookies::get(&parts.headers, cookies::CSRF))
            .unwrap_or_default();
        let lang = Lang::negotiate(&parts.headers);
        let path = parts.uri.path();
        let nav = MENU
            .iter()
            .filter(|(_, _, href)| routes::spec("GET", href).is_some_and(|s| s.allows(role)))
            .map(|(id, key, href)| NavItem {
                id,
                label: state.i18n.message(lang, key, &[]),
                href,
                current: *href == path || (*href != "/" && path.starts_with(href)),
            })
            .collect();
        let here = encode(parts.uri.path_and_query().map_or("/", |pq| pq.as_str()));
        Page { lang, i18n: state.i18n.clone(), user, role, csrf, nav, here, request_id }
    }

    /// The message `key` in the page's language.
    pub fn t(&self, key: &str) -> String {
        self.i18n.message(self.lang, key, &[])
    }

    /// Whether the message `key` exists in the page's language.
    pub fn has(&self, key: &str) -> bool {
        self.i18n.has(self.lang, key)
    }

    /// The message `key` with one argument.
    pub fn t1(&self, key: &str, name: &str, value: &str) -> String {
        self.i18n.message(self.lang, key, &[(name, value)])
    }

    /// The message `key` with several arguments.
    pub fn tn(&self, key: &str, args: &[(&str, &str)]) -> String {
        self.i18n.message(self.lang, key, args)
    }

    /// The message `key` with a count, for its plural forms (`$count`), and more arguments.
    pub fn tc(&self, key: &str, count: i64, args: &[(&str, &str)]) -> String {
        self.i18n.message_count(self.lang, key, count, args)
    }

    /// A refused text's reason (the boundary text rules) in the page's language.
    pub fn text_error(&self, e: &ashyq_core::text::TextError) -> String {
        let args = e.args();
        let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        self.tn(e.code(), &args)
    }

    pub fn role_name(&self, role: &Role) -> String {
        self.t(&format!("role-{}", role.as_str()))
    }

    /// A region's name in the page's language, or a dash.
    pub fn region_name(&self, code: &Option<String>) -> String {
        code.as_deref()
            .and_then(ashyq_core::region::by_code)
            .map_or_else(|| self.t("account-none"), |r| r.name(self.lang.code()).to_string())
    }

    /// "Signed in as NAME (ROLE)" in three parts, the name apart: it is a proper name, written
    /// as its owner wrote it, which the page marks as not to be translated.
    pub fn signed_in_parts(&self) -> (String, String, String) {
        const MARK: &str = "\u{E000}";
        let Some(u) = &self.user else { return Default::default() };
        let text = self.i18n.message(
            self.lang,
            "signed-in-as",
            &[("name", MARK), ("role", &self.role_name(&u.role))],
        );
        match text.split_once(MARK) {
            Some((before, after)) => (before.to_string(), u.display_name.clone(), after.to_string()),
            None => (text, String::new(), String::new()),
        }
    }

    pub fn signed_in(&self) -> String {
        match &self.user {
            Some(u) => self.i18n.message(
                self.lang,
                "signed-in-as",
                &[("name", &u.display_name), ("role", &self.role_name(&u.role))],
            ),
            None => String::new(),
        }
    }

    pub fn langs(&self) -> Vec<LangLink> {
        Lang::ALL
            .iter()
            .map(|l| LangLink { code: l.code(), name: l.endonym(), current: *l == self.lang })
            .collect()
    }

    pub fn lang_code(&self) -> &'static str {
        self.lang.code()
    }

    pub fn regions(&self) -> Vec<(String, String)> {
        ashyq_core::region::all()
            .iter()
            .map(|r| (r.code.clone(), r.name(self.lang.code()).to_string()))
            .collect()
    }
}

impl FromRequestParts<AppState> for Page {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        Ok(Page::build(state, parts))
    }
}

/// An instant as pages show it: Kazakhstan's time (Asia/Almaty in the tz database: UTC+6 until
/// 1 March 2024, UTC+5 since), to the minute.
pub fn local_time(us: i64) -> String {
    ashyq_store::local_minute(us).unwrap_or_default()
}

/// An instant to the microsecond in Kazakhstan's time, with the offset then in force, for the
/// published times a round's tie-break compares (two profiles may be a second apart).
pub fn exact_local_time(us: i64) -> String {
    ashyq_store::zoned(us, ashyq_core::zone::COUNTRY)
        .map(|t| {
            let offset = ashyq_core::zone::offset_label(t.offset());
            format!("{} ({offset})", t.strftime("%Y-%m-%d %H:%M:%S%.6f"))
        })
        .unwrap_or_default()
}

/// Percent-encodes a path for a query parameter.
pub fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Where to go after login or a language switch: only a path on this site, never another host.
pub fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(n) if n.starts_with('/') && !n.starts_with("//") && !n.contains('\\') && !n.contains("://") => {
            n.to_string()
        }
        _ => "/".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_stays_on_this_site() {
        assert_eq!(safe_next(Some("/account")), "/account");
        assert_eq!(safe_next(Some("//evil.example")), "/");
        assert_eq!(safe_next(Some("https://evil.example")), "/");
        assert_eq!(safe_next(Some("/\\evil.example")), "/");
        assert_eq!(safe_next(None), "/");
    }

    #[test]
    fn times_are_shown_in_kazakhstan() {
        // 2026-11-21T19:18:59.685719Z is past midnight in Kazakhstan.
        let us = 1_795_288_739_685_719;
        assert_eq!(local_time(us), "2026-11-22 00:18");
        assert_eq!(exact_local_time(us), "2026-11-22 00:18:59.685719 (UTC+5)");
        // Before 1 March 2024 Almaty kept UTC+6: 18:30 UTC was already the next day.
        let before = 1_684_089_000_000_000; // 2023-05-14T18:30:00Z
        assert_eq!(local_time(before), "2023-05-15 00:30");
        assert_eq!(exact_local_time(before), "2023-05-15 00:30:00.000000 (UTC+6)");
    }

    #[test]
    fn encoding_keeps_paths_readable() {
        assert_eq!(encode("/admin/users?x=1&y=2"), "/admin/users%3Fx%3D1%26y%3D2");
    }
}
