//! Every word in the reader's language: the demo (its accounts, lists, cases, permits, register,
//! kandas, citizens abroad, Paryz) is crawled in headless Chromium as each role, in Kazakh and
//! in Russian, from the home page along every link, and no page may show an English phrase, a
//! message key, a rule id, a snake_case key, an ISO date, or a region or country code without
//! its name (issue 17). What counts, and the short allow-list, are in `words.js`.
//!
//! Each kind of page (a route, whatever its ids) is visited up to twice per role and language.
//! Without ChromeDriver the test is skipped with a note, except under CI (`CI` set).

use crate::driver::{Browser, Driver};
use crate::support::{Server, command, free_port};
use ashyq_server::routes::{Kind, ROUTES};
use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};
use std::time::Duration;

const WORDS_JS: &str = include_str!("words.js");
const WAIT: Duration = Duration::from_secs(20);
/// The first run generates and imports the demo data: on a loaded debug build, a minute or two.
const DEMO_STARTUP: Duration = Duration::from_secs(600);
/// Pages of one kind visited per role and language, and pages in all per role and language.
const PER_KIND: usize = 2;
const PER_ROLE: usize = 150;

/// The alpha-3 codes of the countries ashyq knows (`data/countries.csv`).
fn countries() -> Vec<String> {
    let path = format!("{}/../../data/countries.csv", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    text.lines().skip(1).filter_map(|l| l.split(',').next()).map(str::to_string).collect()
}

/// The route a path is of (`/cases/12` → `/cases/{id}`), if it is a page.
fn route_of(path: &str) -> Option<&'static str> {
    let parts: Vec<&str> = path.trim_end_matches('/').split('/').collect();
    ROUTES
        .iter()
        .filter(|r| r.kind == Kind::Page && r.method == "GET")
        .find(|r| {
            let pattern: Vec<&str> = r.path.trim_end_matches('/').split('/').collect();
            pattern.len() == parts.len()
                && pattern.iter().zip(&parts).all(|(p, x)| p == x || (p.starts_with('{') && p.ends_with('}')))
        })
        .map(|r| r.path)
}

/// Whether a link is a page to look at: on this site, not a download, not an action.
fn worth_a_look(path: &str) -> bool {
    let last = path.rsplit('/').next().unwrap_or("");
    !path.starts_with("/api/")
        && !path.starts_with("/static/")
        && !path.starts_with("/lang/")
        && path != "/logout"
        && !last.contains('.')
        && !path.contains("/download/")
        && !path.contains("/on-list/")
        && !path.contains("/files/")
}

/// The accounts the crawl logs in as: one of each role, the applicant with cases in every
/// state, and a kandas family that filed its own application.
const CRAWLERS: [&str; 7] = [
    "applicant1",
    "kandas4",
    "demo-analyst",
    "demo-coordinator",
    "demo-officer",
    "demo-border",
    "demo-admin",
];

/// The demo's accounts as it printed them: username → (role, password).
fn accounts(seen: &[String]) -> BTreeMap<String, (String, String)> {
    let mut out = BTreeMap::new();
    for line in seen {
        let cols: Vec<&str> = line.split_whitespace().collect();
        if cols.len() == 3 && line.starts_with("  ") && CRAWLERS.contains(&cols[0]) {
            out.insert(cols[0].to_string(), (cols[1].to_string(), cols[2].to_string()));
        }
    }
    out
}

trait CrawlSteps {
    async fn links(&self) -> Vec<String>;
    async fn out_of_place(&self, countries: &[String]) -> Vec<(String, String, String)>;
}

impl CrawlSteps for Browser {
    /// The paths (with their queries) of the page's links to this site.
    async fn links(&self) -> Vec<String> {
        let v = self
            .c
            .execute(
                "return Array.from(document.querySelectorAll('a[href]')).map(a => a.href)
                   .filter(h => h.startsWith(location.origin))
                   .map(h => { const u = new URL(h); return u.pathname + u.search; })",
                vec![],
            )
            .await
            .expect("the page's links");
        serde_json::from_value(v).unwrap_or_default()
    }

    async fn out_of_place(&self, countries: &[String]) -> Vec<(String, String, String)> {
        let v = self
            .c
            .execute(WORDS_JS, vec![serde_json::json!(countries)])
            .await
            .expect("the words of the page");
        serde_json::from_value(v).expect("[kind, text, where] triples")
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_page_of_the_demo_speaks_kazakh_and_russian() {
    let Some(driver) = Driver::start(WAIT) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    let mut cmd = command(dir.path());
    let db = format!("sqlite://{}/ashyq.db", dir.path().display());
    cmd.args(["demo", "--database-url", &db, "--addr", &format!("127.0.0.1:{port}")]);
    let mut demo = Server::start(cmd, port, dir.path().join("demo.stderr"));
    demo.read_until(DEMO_STARTUP, |l| l.starts_with("Open http://"));
    demo.wait_ready(Duration::from_secs(60));
    let base = format!("http://127.0.0.1:{port}");
    let logins = accounts(&demo.seen);
    assert_eq!(logins.len(), CRAWLERS.len(), "the demo's accounts: {:?}", demo.seen);
    let countries = countries();

    // Each text out of place, with where it was seen.
    let mut found: BTreeMap<(String, String), BTreeSet<String>> = BTreeMap::new();
    let mut visited_routes: BTreeSet<&'static str> = BTreeSet::new();
    let mut pages = 0;
    let mut roles: Vec<(String, Option<(String, String)>)> = vec![("public".into(), None)];
    roles.extend(
        logins.into_iter().map(|(user, (role, password))| (format!("{role} {user}"), Some((user, password)))),
    );
    for (role, login) in &roles {
        let b = driver.session().await;
        if let Some((user, password)) = login {
            b.goto(&format!("{base}/login")).await;
            b.fill("#username", user).await;
            b.fill("#password", password).await;
            b.click("#login-submit").await;
            b.wait_for("#signed-in").await;
        }
        for lang in ["kk", "ru"] {
            b.goto(&format!("{base}/lang/{lang}?next=/")).await;
            b.wait_lang(lang).await;
            let mut per_kind: HashMap<&'static str, usize> = HashMap::new();
            let mut seen: BTreeSet<String> = BTreeSet::new();
            // From the home page, and from every page that needs no id (one with no link to it,
            // like /verify, too; a page the role may not open shows its refusal, in words).
            let mut queue: VecDeque<String> = VecDeque::from(["/".to_string()]);
            queue.extend(
                ROUTES
                    .iter()
                    .filter(|r| r.kind == Kind::Page && r.method == "GET" && !r.path.contains('{'))
                    .filter(|r| {
                        worth_a_look(r.path) && !["/password/reset", "/verify-email"].contains(&r.path)
                    })
                    .map(|r| r.path.to_string()),
            );
            let mut visited = 0;
            while let Some(path) = queue.pop_front() {
                if visited >= PER_ROLE || !seen.insert(path.clone()) {
                    continue;
                }
                let bare = path.split('?').next().unwrap_or("/").to_string();
                let Some(route) = route_of(&bare) else { continue };
                let n = per_kind.entry(route).or_default();
                if *n >= PER_KIND {
                    continue;
                }
                *n += 1;
                visited += 1;
                b.goto(&format!("{base}{path}")).await;
                b.wait_for("main").await;
                visited_routes.insert(route);
                for (kind, text, place) in b.out_of_place(&countries).await {
                    found.entry((kind, text)).or_default().insert(format!("{role}/{lang} {path} [{place}]"));
                }
                for link in b.links().await {
                    // Paging and sorting show the same words again.
                    let bare = link.split('?').next().unwrap_or("");
                    if worth_a_look(bare) && !link.contains("page=") && !link.contains("sort=") {
                        queue.push_back(link);
                    }
                }
            }
            pages += visited;
        }
        b.close().await;
    }
    let report: Vec<String> = found
        .iter()
        .map(|((kind, text), places)| {
            let first = places.iter().next().map(String::as_str).unwrap_or("");
            format!("{kind}: {text:?} ({} places, e.g. {first})", places.len())
        })
        .collect();
    let unvisited: Vec<&str> = ROUTES
        .iter()
        .filter(|r| r.kind == Kind::Page && r.method == "GET" && !visited_routes.contains(r.path))
        .map(|r| r.path)
        .collect();
    eprintln!("{pages} pages of {} kinds; not reached by a link: {unvisited:?}", visited_routes.len());
    assert!(
        report.is_empty(),
        "{} texts out of place in Kazakh and Russian pages:\n{}",
        report.len(),
        report.join("\n")
    );
    assert!(pages > 300, "only {pages} pages were visited");
    assert!(
        visited_routes.len() >= 45,
        "only {} kinds of page were visited: {visited_routes:?}",
        visited_routes.len()
    );
}
