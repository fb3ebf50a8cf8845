//! What every page needs: language and messages, the caller, the menu their role may see
//! (grouped by task), the CSRF token for forms, and the links of the language switch.

use crate::auth::Principal;
use crate::cookies;
use crate::i18n::{Count, I18n, Lang};
use crate::routes;
use crate::state::AppState;
use ashyq_core::Role;
use ashyq_store::users::User;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use std::sync::Arc;

/// A link of the main menu: its id (`data-nav`), message key and target, and, when it is for
/// some roles only beyond what the route table allows, those roles.
struct Entry {
    id: &'static str,
    key: &'static str,
    href: &'static str,
    only: Option<&'static [Role]>,
}

const fn entry(id: &'static str, key: &'static str, href: &'static str) -> Entry {
    Entry { id, key, href, only: None }
}

const fn entry_for(id: &'static str, key: &'static str, href: &'static str, only: &'static [Role]) -> Entry {
    Entry { id, key, href, only: Some(only) }
}

/// The roles the menu offers the API reference to: those whose work has a part only the API
/// does, or who feed other systems from ashyq — analysts (imports and figures for their own
/// tools), officers (a kandas application registered on a family's behalf and its payments),
/// border staff (crossings posted by the border posts' systems) and administrators (quotas,
/// accounts, the audit chain's verification). Applicants, coordinators and the public do all of
/// theirs on the pages; the reference itself stays open to anyone at `/api/docs/`
/// (`docs/accessibility.md`).
pub const API_USERS: &[Role] = &[Role::Analyst, Role::Officer, Role::Border, Role::Admin];

/// The roles that run invitation rounds: for them the rounds belong with the casework.
const ROUND_STAFF: &[Role] = &[Role::Officer, Role::Admin];

/// Those who check and apply for themselves: for them the self-check leads their own group.
const APPLICANTS: &[Role] = &[Role::Public, Role::Applicant];

/// The main menu, grouped by task: (group id, heading's message key, links). A link shows only
/// to roles the route table lets open it (and, for a link with `only`, to those roles), so the
/// menu never offers what would be refused; a group with no link to show is left out. A link
/// listed in two groups shows in the first that offers it to the role: the rounds are casework
/// for officers and public information for everyone else.
const MENU: &[(&str, &str, &[Entry])] = &[
    (
        "labour",
        "menu-group-labour",
        &[
            entry("analysis", "nav-analysis", "/analysis"),
            entry("simulate", "nav-simulate", "/analysis/simulate"),
            entry("coordination", "nav-coordination", "/coordination"),
        ],
    ),
    (
        "casework",
        "menu-group-casework",
        &[
            entry("cases", "nav-cases", "/cases"),
            entry("permits", "nav-permits", "/permits"),
            entry_for("rounds", "nav-rounds", "/rounds", ROUND_STAFF),
        ],
    ),
    (
        "register",
        "menu-group-register",
        &[
            entry("register", "nav-register", "/register/search"),
            entry("alerts", "nav-alerts", "/register/alerts"),
            entry("border", "nav-border", "/border"),
            entry("register-stats", "nav-register-stats", "/analysis/register"),
        ],
    ),
    (
        "kandas-abroad",
        "menu-group-kandas-abroad",
        &[
            entry("kandas", "nav-kandas", "/kandas"),
            entry("kandas-report", "nav-kandas-report", "/kandas/report"),
            entry("abroad", "nav-abroad", "/abroad"),
        ],
    ),
    (
        "apply",
        "menu-group-apply",
        &[
            entry_for("eligibility", "nav-eligibility", "/eligibility", APPLICANTS),
            entry("applications", "nav-applications", "/applications"),
            entry("kandas-mine", "nav-kandas-mine", "/kandas/mine"),
        ],
    ),
    (
        "public",
        "menu-group-public",
        &[
            entry("occupations", "nav-occupations", "/occupations"),
            entry("lists", "nav-lists", "/lists"),
            entry("eligibility", "nav-eligibility", "/eligibility"),
            entry("rounds", "nav-rounds", "/rounds"),
            entry("paryz", "nav-paryz", "/paryz"),
        ],
    ),
    (
        "admin",
        "menu-group-admin",
        &[entry("users", "nav-users", "/admin/users"), entry("audit", "nav-audit", "/admin/audit")],
    ),
    (
        "account",
        "menu-group-account",
        &[
            entry("notifications", "nav-notifications", "/notifications"),
            entry("account", "nav-account", "/account"),
            entry_for("api", "nav-api", "/api/docs/", API_USERS),
        ],
    ),
];

pub struct NavItem {
    pub id: &'static str,
    pub label: String,
    pub href: &'static str,
    pub current: bool,
}

/// A group of the main menu as shown: its id (`data-group`), heading and links.
pub struct NavGroup {
    pub id: &'static str,
    pub heading: String,
    pub items: Vec<NavItem>,
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
    /// The main menu's groups (see [`MENU`]); the site's name in the header leads home.
    pub nav: Vec<NavGroup>,
    /// The current path and query, percent-encoded, for `?next=`.
    pub here: String,
    pub request_id: String,
}

/// The anonymous CSRF token made for this request by [`crate::auth::resolve`] when the visitor
/// had none; it is set as a cookie on the response.
#[derive(Debug, Clone)]
pub struct NewAnonCsrf(pub String);

/// The groups of the menu `role` sees, each with the links it shows them.
fn layout(role: Role) -> Vec<(&'static str, &'static str, Vec<&'static Entry>)> {
    let mut shown: Vec<&str> = Vec::new();
    let mut groups = Vec::new();
    for (group, heading, entries) in MENU {
        let links: Vec<&'static Entry> =
            entries.iter().filter(|e| offered(e, role) && !shown.contains(&e.id)).collect();
        shown.extend(links.iter().map(|e| e.id));
        if !links.is_empty() {
            groups.push((*group, *heading, links));
        }
    }
    groups
}

/// The main menu a role sees, as (group id, link ids).
pub fn menu_of(role: Role) -> Vec<(&'static str, Vec<&'static str>)> {
    layout(role).into_iter().map(|(group, _, links)| (group, links.iter().map(|e| e.id).collect())).collect()
}

/// Whether the menu offers `e` to `role`: the route table lets the role open it, and it is
/// for the role.
fn offered(e: &Entry, role: Role) -> bool {
    routes::spec("GET", e.href).is_some_and(|s| s.allows(role))
        && e.only.is_none_or(|only| only.contains(&role))
}

/// Whether `path` is the page of the link `href` or a page under it.
fn is_under(path: &str, href: &str) -> bool {
    path.strip_prefix(href)
        .is_some_and(|rest| rest.is_empty() || href.ends_with('/') || rest.starts_with('/'))
}

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
        let nav = menu(state, lang, role, path);
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
    /// Any whole number will do (a length, a row count), or a reference to one as a template
    /// holds it.
    pub fn tc(&self, key: &str, count: impl Count, args: &[(&str, &str)]) -> String {
        self.i18n.message_count(self.lang, key, count.count(), args)
    }

    /// A refused text's reason (the boundary text rules) in the page's language.
    pub fn text_error(&self, e: &ashyq_core::text::TextError) -> String {
        self.said(&e.said())
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

    /// The interface's messages, for the writers shared with the documents.
    pub fn i18n(&self) -> &I18n {
        &self.i18n
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

/// The menu's groups for `role` in `lang`. The current page is the one link whose target is
/// the longest that the path is under (`/analysis/register` is the movements' page, not the
/// analysis').
fn menu(state: &AppState, lang: Lang, role: Role, path: &str) -> Vec<NavGroup> {
    let groups = layout(role);
    let current = groups
        .iter()
        .flat_map(|(_, _, links)| links.iter())
        .filter(|e| is_under(path, e.href))
        .max_by_key(|e| e.href.len())
        .map(|e| e.href);
    groups
        .iter()
        .map(|(id, heading, links)| NavGroup {
            id,
            heading: state.i18n.message(lang, heading, &[]),
            items: links
                .iter()
                .map(|e| NavItem {
                    id: e.id,
                    label: state.i18n.message(lang, e.key, &[]),
                    href: e.href,
                    current: Some(e.href) == current,
                })
                .collect(),
        })
        .collect()
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
    fn the_api_reference_is_offered_to_the_roles_that_use_the_api() {
        for role in Role::ALL {
            let offered = menu_of(role).iter().any(|(_, links)| links.contains(&"api"));
            assert_eq!(offered, API_USERS.contains(&role), "{role:?}");
        }
        assert!(!API_USERS.contains(&Role::Public) && !API_USERS.contains(&Role::Applicant));
    }

    #[test]
    fn each_link_shows_once_in_a_group_and_opens_for_the_role() {
        for role in Role::ALL {
            let menu = menu_of(role);
            let ids: Vec<&str> = menu.iter().flat_map(|(_, links)| links.iter().copied()).collect();
            let unique: std::collections::BTreeSet<&str> = ids.iter().copied().collect();
            assert_eq!(unique.len(), ids.len(), "{role:?}: a link shows twice: {ids:?}");
            assert!(menu.iter().all(|(_, links)| !links.is_empty()), "{role:?}: an empty group");
            for (_, _, entries) in MENU {
                for e in entries.iter().filter(|e| ids.contains(&e.id)) {
                    assert!(
                        routes::spec("GET", e.href).is_some_and(|s| s.allows(role)),
                        "{role:?}: {}",
                        e.href
                    );
                }
            }
        }
        // The rounds: casework for those who run them, public information for the others.
        let group_of = |role: Role, id: &str| {
            menu_of(role).into_iter().find(|(_, links)| links.contains(&id)).map(|(group, _)| group)
        };
        assert_eq!(group_of(Role::Officer, "rounds"), Some("casework"));
        assert_eq!(group_of(Role::Applicant, "rounds"), Some("public"));
        assert_eq!(group_of(Role::Public, "eligibility"), Some("apply"));
        assert_eq!(group_of(Role::Analyst, "eligibility"), Some("public"));
    }

    #[test]
    fn a_page_is_under_its_link_by_whole_segments() {
        assert!(is_under("/lists", "/lists"));
        assert!(is_under("/lists/3", "/lists"));
        assert!(!is_under("/listsx", "/lists"));
        assert!(is_under("/analysis/register", "/analysis"));
        assert!(is_under("/api/docs/index.html", "/api/docs/"));
    }

    #[test]
    fn encoding_keeps_paths_readable() {
        assert_eq!(encode("/admin/users?x=1&y=2"), "/admin/users%3Fx%3D1%26y%3D2");
    }
}
