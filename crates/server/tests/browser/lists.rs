//! The list of professions in demand, end to end in a real browser: headless Chromium driven
//! through ChromeDriver against the app served on a loopback port.
//!
//! The analyst logs in, imports the three data sources through the upload form (and sees a bad
//! file refused row by row), computes a draft and sends it; the akimat's coordinator, in a
//! browser of their own, reads the figures of their region and objects with a proposal; the
//! analyst sees the opinion, approves the list by order and publishes it; and the public, not
//! logged in, finds it in force, reads its ranking and the figures behind an entry with charts,
//! in Russian too, and finds an occupation by its Russian title.
//!
//! Without ChromeDriver the tests are skipped with a note, except under CI (`CI` set), where a
//! missing browser is a failure — the same policy as `browser.rs`.

use crate::common;

use ashyq_core::Role;
use common::browser::{self, Browser, Driver, Messages};
use common::labour::{self, NOT_ON_LIST};
use common::{Harness, PASSWORD, username};
use fantoccini::Locator;
use serde_json::json;
use std::path::Path;
use std::time::{Duration, Instant};

/// How long to wait for a page to reach an expected state.
const WAIT: Duration = Duration::from_secs(15);

// ---------------------------------------------------------------------------------------------
// What the tests do with a browser session
// ---------------------------------------------------------------------------------------------

/// This file's steps in the browser.
trait ListsSteps {
    async fn path(&self) -> String;
    async fn query(&self) -> Option<String>;
    async fn texts(&self, css: &str) -> Vec<String>;
    async fn value(&self, css: &str) -> String;
    async fn wait_gone(&self, css: &str);
    async fn wait_status(&self, status: &str);
    async fn log_in(&self, base: &str, role: Role);
    async fn row(&self, table: &str, code: &str) -> Vec<String>;
    async fn codes(&self, table: &str) -> Vec<String>;
    async fn table(&self, table: &str) -> Vec<(String, Vec<String>)>;
    async fn fetch(&self, path: &str) -> (u16, String, String);
}

impl ListsSteps for Browser {
    async fn path(&self) -> String {
        self.c.current_url().await.expect("current url").path().to_string()
    }

    async fn query(&self) -> Option<String> {
        self.c.current_url().await.expect("current url").query().map(str::to_string)
    }

    /// The text of every element matching `css`, in document order.
    async fn texts(&self, css: &str) -> Vec<String> {
        let mut out = Vec::new();
        for e in self.find_all(css).await {
            out.push(e.text().await.unwrap_or_else(|err| panic!("text of {css}: {err}")));
        }
        out
    }

    async fn value(&self, css: &str) -> String {
        self.find(css)
            .await
            .prop("value")
            .await
            .unwrap_or_else(|e| panic!("value of {css}: {e}"))
            .unwrap_or_default()
    }

    /// Waits until nothing matches `css`.
    async fn wait_gone(&self, css: &str) {
        self.until(&format!("{css} to go"), || async {
            self.c.find_all(Locator::Css(css)).await.ok()?.is_empty().then_some(())
        })
        .await;
    }

    /// Waits until the list page shows `status` in `#status[data-status]`.
    async fn wait_status(&self, status: &str) {
        self.until(&format!("#status[data-status=\"{status}\"]"), || async {
            let e = self.c.find(Locator::Css("#status")).await.ok()?;
            (e.attr("data-status").await.ok()??.as_str() == status).then_some(())
        })
        .await;
    }

    /// Logs in through the login form, from wherever the browser is.
    async fn log_in(&self, base: &str, role: Role) {
        if self.path().await != "/login" {
            self.goto(&format!("{base}/login")).await;
        }
        self.fill("#username", &username(role)).await;
        self.fill("#password", PASSWORD).await;
        self.click("#login-submit").await;
        self.until(&format!("{role:?} to be signed in"), || async {
            let u = self.c.current_url().await.ok()?;
            (u.path() != "/login" && !self.c.find_all(Locator::Css("#signed-in")).await.ok()?.is_empty())
                .then_some(())
        })
        .await;
    }

    /// The cells of the table row `tr[data-code=code]` inside `table`.
    async fn row(&self, table: &str, code: &str) -> Vec<String> {
        self.texts(&format!("{table} tr[data-code=\"{code}\"] td")).await
    }

    /// The `data-code` of every row of `table`, in order.
    async fn codes(&self, table: &str) -> Vec<String> {
        self.table(table).await.into_iter().map(|(code, _)| code).collect()
    }

    /// Every `tr[data-code]` of `table` as (code, cell texts), in order, read in one round trip
    /// (a table of every candidate has dozens of rows).
    async fn table(&self, table: &str) -> Vec<(String, Vec<String>)> {
        let script = "return Array.from(document.querySelectorAll(arguments[0]))\
            .map(tr => [tr.dataset.code, Array.from(tr.cells).map(td => td.innerText.trim())]);";
        let css = format!("{table} tbody tr[data-code]");
        let v = self.c.execute(script, vec![json!(css)]).await.unwrap_or_else(|e| panic!("read {css}: {e}"));
        serde_json::from_value(v).unwrap_or_else(|e| panic!("rows of {css}: {e}"))
    }

    /// Fetches `path` from the page's own origin (with its cookies): (status, content type, text).
    async fn fetch(&self, path: &str) -> (u16, String, String) {
        let script = "const done = arguments[arguments.length - 1];\
            fetch(arguments[0]).then(r => r.text().then(t => done([r.status, r.headers.get('content-type') || '', t])))\
            .catch(e => done([0, '', String(e)]));";
        let v = self
            .c
            .execute_async(script, vec![json!(path)])
            .await
            .unwrap_or_else(|e| panic!("fetch {path}: {e}"));
        (
            v[0].as_u64().unwrap_or(0) as u16,
            v[1].as_str().unwrap_or_default().to_string(),
            v[2].as_str().unwrap_or_default().to_string(),
        )
    }
}

/// Sets up ChromeDriver, the app, its address and the messages; `None` when skipped.
async fn setup() -> Option<(Harness, String, Driver, Messages)> {
    let (h, base, driver, m) = browser::setup(WAIT).await?;
    // The messages' parse is simple; hold it to a few known translations.
    assert_eq!(m.t("en", "yes"), "yes");
    assert_eq!(m.t("ru", "yes"), "да");
    assert_eq!(m.t("ru", "lists-title"), "Список востребованных профессий");
    Some((h, base, driver, m))
}

// ---------------------------------------------------------------------------------------------
// The data files
// ---------------------------------------------------------------------------------------------

/// The occupations of the data set of `common::labour`, in code order (the order the data
/// files are written in, and the order the tests compare sorted codes with): each meets six or
/// more of the ten criteria, so each is on the computed list.
const ON_LIST: [&str; 3] = ["2145", "2211", "2512"];

/// Today in Kazakhstan (Asia/Almaty in the tz database), as the app counts it.
fn today_kz() -> jiff::civil::Date {
    jiff::Timestamp::now().to_zoned(jiff::tz::get!("Asia/Almaty")).date()
}

/// [`today_kz`] as a page in `lang` writes it.
fn today_in(lang: &str) -> String {
    let lang = ashyq_core::locale::Language::from_code(lang).expect("a language of the interface");
    ashyq_core::locale::date(today_kz(), lang)
}

/// [`today_kz`] as an ISO date.
fn today() -> String {
    today_kz().to_string()
}

/// The title of a classifier code in `lang`.
fn title(code: &str, lang: &str) -> String {
    let code = ashyq_core::occupation::OccupationCode::parse(code).expect("a code");
    ashyq_core::occupation::classifier().get(&code).expect("a unit group").title(lang).to_string()
}

// ---------------------------------------------------------------------------------------------
// The tests
// ---------------------------------------------------------------------------------------------

/// Uploads `file` as `source` through the form on /analysis; waits for its preview (or the
/// dashboard's error about this file name) and, when `write` and the preview offers it,
/// confirms it and waits for the dashboard's notice.
async fn upload(b: &Browser, source: &str, file: &Path, write: bool) {
    let name = file.file_name().unwrap().to_str().unwrap().to_string();
    b.select("#upload-form #source", source).await;
    b.find("#upload-form #file")
        .await
        .send_keys(file.to_str().expect("a UTF-8 path"))
        .await
        .unwrap_or_else(|e| panic!("choose {}: {e}", file.display()));
    b.click("#upload").await;
    b.until(&format!("the preview of {name}"), || async {
        for id in ["#counts", "#error"] {
            if b.c.find(Locator::Css(id)).await.is_ok() {
                return Some(());
            }
        }
        None
    })
    .await;
    if !write || !b.exists("#confirm").await {
        return;
    }
    b.click("#confirm").await;
    b.until(&format!("the answer to the upload of {name}"), || async {
        if let Ok(e) = b.c.find(Locator::Css("#notice")).await
            && e.text().await.ok()?.starts_with(&format!("{name}:"))
        {
            return Some(());
        }
        None
    })
    .await;
}

/// The analyst imports, computes and sends; the akimat's coordinator objects with a proposal;
/// the analyst approves and publishes; the public reads the list in force, its ranking and an
/// entry with its charts, switches to Russian and finds an occupation by its Russian title.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_list_goes_from_the_data_to_the_public() {
    let Some((_h, base, driver, m)) = setup().await else {
        return;
    };
    let started = Instant::now();
    let files = tempfile::tempdir().expect("a temp dir");
    let write = |name: &str, text: String| {
        let p = files.path().join(name);
        std::fs::write(&p, text).expect("write a data file");
        p
    };
    let forecast = write("forecast.csv", labour::forecast_csv(&ON_LIST));
    let vacancies = write("vacancies.csv", labour::vacancies_csv(&ON_LIST));
    let permits = write("permits.csv", labour::permits_csv(&ON_LIST));
    let bad = write("bad.csv", labour::bad_forecast_csv());
    let (today, yesterday) = (today(), today_kz().yesterday().expect("a day before").to_string());

    // ----- 1. The analyst: log in through the form, import, compute, send.
    let analyst = driver.session().await;
    analyst.goto(&format!("{base}/analysis")).await;
    analyst.wait_path("/login", Some("next=/analysis")).await;
    analyst.log_in(&base, Role::Analyst).await;
    analyst.wait_path("/analysis", None).await;
    assert_eq!(analyst.text("h1").await, m.t("en", "an-title"));
    assert_eq!(
        analyst.attr("nav.menu a[data-nav=\"analysis\"]", "aria-current").await.as_deref(),
        Some("page"),
        "the menu marks the analysis page"
    );
    assert!(analyst.find_all("#imports tbody tr").await.is_empty(), "imports before any upload");

    for (source, file, rows) in
        [("forecast", &forecast, 9), ("vacancies", &vacancies, 9), ("work-permits", &permits, 6)]
    {
        upload(&analyst, source, file, true).await;
        let name = file.file_name().unwrap().to_str().unwrap();
        let expected = m.tc(
            "en",
            "an-imported",
            rows,
            &[
                ("file", name),
                ("inserted", &rows.to_string()),
                ("updated", "0"),
                ("unchanged", "0"),
                ("rejected", "0"),
            ],
        );
        assert_eq!(analyst.text("#notice").await, expected, "{source}");
        assert!(!analyst.exists("#error").await, "{source}: an error with the notice");
        assert!(!analyst.exists("#row-errors").await, "{source}: row errors after a clean import");
        // The import is recorded, newest first.
        let first = analyst.texts("#imports tbody tr:first-child td").await;
        // The source by its name in the page's language (the page is in English here).
        let source_words = m.t("en", &format!("source-{source}"));
        assert_eq!(first[1..4], [source_words, name.to_string(), rows.to_string()], "{source}: {first:?}");
        assert_eq!(first[8], username(Role::Analyst), "{source}: {first:?}");
    }
    assert_eq!(analyst.find_all("#imports tbody tr").await.len(), 3);

    // A file with bad rows is previewed with the rows named by row, column and field, and
    // cannot be written; cancelled, nothing is.
    upload(&analyst, "forecast", &bad, false).await;
    assert!(analyst.path().await.starts_with("/analysis/imports/"), "{}", analyst.path().await);
    assert!(analyst.exists("#blocked").await, "a preview with bad rows offers no writing");
    assert!(!analyst.exists("#confirm").await, "a preview with bad rows offers to write");
    assert_eq!(analyst.text("#count-rejected").await, "2");
    let row_errors = analyst.texts("#row-errors li").await;
    assert_eq!(row_errors.len(), 2, "{row_errors:?}");
    assert!(row_errors[0].starts_with("bad.csv: row 3, column C (occupation): "), "{row_errors:?}");
    assert!(row_errors[1].starts_with("bad.csv: row 4, column B (region): "), "{row_errors:?}");
    // The preview speaks Russian too.
    analyst.click("a[data-lang=\"ru\"]").await;
    analyst.wait_lang("ru").await;
    assert_eq!(analyst.text("h1").await, m.t("ru", "up-title"));
    analyst.click("a[data-lang=\"en\"]").await;
    analyst.wait_lang("en").await;
    analyst.click("#cancel").await;
    analyst.wait_path("/analysis", Some("done=previewcancelled")).await;
    assert_eq!(analyst.text("#notice").await, m.t("en", "done-previewcancelled"));
    assert_eq!(analyst.find_all("#imports tbody tr").await.len(), 3, "a cancelled preview was recorded");

    // Compute the draft of 2025.
    analyst.fill("#compute-form #period", "2025").await;
    analyst.click("#compute").await;
    let id: i64 = analyst
        .until("the new draft's page", || async {
            let u = analyst.c.current_url().await.ok()?;
            u.path().strip_prefix("/analysis/lists/")?.parse().ok()
        })
        .await;
    assert_eq!(analyst.query().await.as_deref(), Some("done=drafted"));
    analyst.wait_status("draft").await;
    assert_eq!(analyst.text("#status").await, m.t("en", "status-draft"));
    assert_eq!(analyst.text("#notice").await, m.t("en", "done-drafted"));
    assert_eq!(analyst.text("h1").await, m.t_args("en", "draft-title", &[("id", &id.to_string())]));
    assert_eq!(analyst.text("#revision").await, "1");
    let candidates = analyst.codes("#entries").await;
    assert!(candidates.len() > 20, "every unit group of major group 2 is a candidate: {candidates:?}");
    assert!(candidates.iter().all(|c| c.starts_with('2')), "{candidates:?}");
    let yes = m.t("en", "yes");
    let mut included: Vec<String> = analyst
        .table("#entries")
        .await
        .into_iter()
        .filter(|(_, cells)| cells.last() == Some(&yes))
        .map(|(code, _)| code)
        .collect();
    included.sort();
    assert_eq!(included, ON_LIST, "the occupations on the draft");
    // Nothing is sent yet: no approval or publication is offered.
    assert!(!analyst.exists("#approve-form").await && !analyst.exists("#publish-form").await);

    // Send it for coordination.
    analyst.click("#send").await;
    analyst.wait_status("in_coordination").await;
    analyst.wait_path(&format!("/analysis/lists/{id}"), Some("done=sent")).await;
    assert_eq!(analyst.text("#notice").await, m.t("en", "done-sent"));
    assert_eq!(analyst.text("#status").await, m.t("en", "status-in_coordination"));
    assert!(!analyst.exists("#send").await, "a sent list offers to be sent again");
    assert!(analyst.find_all("#opinions li").await.is_empty(), "opinions before any was given");
    eprintln!("browser_lists: analyst sent list {id} after {:.1?}", started.elapsed());

    // ----- 2. The coordinator of the akimat of Almaty (KZ-75), in a browser of their own.
    let coordinator = driver.session().await;
    coordinator.goto(&format!("{base}/coordination")).await;
    coordinator.wait_path("/login", Some("next=/coordination")).await;
    coordinator.log_in(&base, Role::Coordinator).await;
    coordinator.wait_path("/coordination", None).await;
    assert_eq!(coordinator.text("h1").await, m.t("en", "co-title"));
    assert_eq!(
        coordinator.text("#organisation").await,
        m.t_args("en", "co-speaking-for", &[("body", "Akimat of Almaty")])
    );
    let link = format!("#sent a[href=\"/coordination/lists/{id}\"]");
    assert!(coordinator.exists(&link).await, "list {id} is not in the coordinator's inbox");
    let sent_row = coordinator.texts("#sent tbody tr:first-child td").await;
    assert_eq!(
        sent_row,
        [format!("#{id}"), "2025".into(), m.t("en", "status-in_coordination"), "1".into(), m.t("en", "no")]
    );
    coordinator.click(&link).await;
    coordinator.wait_path(&format!("/coordination/lists/{id}"), None).await;
    assert_eq!(coordinator.text("#organisation").await, "Akimat of Almaty");
    assert_eq!(coordinator.text("#status").await, m.t("en", "status-in_coordination"));

    // The figures of the coordinator's own region, KZ-75, not the country's nor Astana's:
    // in Almaty 15 positions were posted in 2025 (all filled), the forecast need is 40 and no
    // permit was issued in 2025 (Astana: 10 open positions, a need of 20, 5 workers).
    let region_heading = m.t_args("en", "co-regional", &[("region", "Almaty")]);
    assert!(
        coordinator.texts("h2").await.contains(&region_heading),
        "no heading {region_heading:?} over the regional figures"
    );
    assert_eq!(coordinator.codes("#regional").await, ON_LIST, "the occupations with figures in KZ-75");
    for code in ON_LIST {
        assert_eq!(
            coordinator.row("#regional", code).await,
            [code.to_string(), title(code, "en"), "15".into(), "0".into(), "40".into(), "0".into()],
            "the figures of {code} in KZ-75"
        );
    }
    assert!(coordinator.codes("#entries").await.len() > 20, "the candidates are shown");

    // An objection needs remarks: refused, with the form still there to answer.
    coordinator.click("#opinion-form input[name=\"verdict\"][value=\"object\"]").await;
    coordinator.click("#give-opinion").await;
    coordinator.wait_for("#error").await;
    assert_eq!(coordinator.path().await, format!("/coordination/lists/{id}/opinion"));
    assert!(
        coordinator.text("#error").await.starts_with("remarks: "),
        "{}",
        coordinator.text("#error").await
    );
    assert!(coordinator.find_all("#opinions > li").await.is_empty(), "a refused opinion was kept");
    assert_eq!(
        coordinator.attr("a[data-lang=\"ru\"]", "href").await.as_deref(),
        Some(format!("/lang/ru?next=/coordination/lists/{id}").as_str()),
        "the language link of a refused opinion leads to a page that is not there"
    );

    // Object, with remarks and a proposal to add an occupation.
    let remarks = "2111 is short in Almaty; the list misses it";
    let why = "short in the region";
    coordinator.click("#opinion-form input[name=\"verdict\"][value=\"object\"]").await;
    coordinator.fill("#remarks", remarks).await;
    coordinator.fill("#occupation_1", NOT_ON_LIST).await;
    coordinator.select("#change_1", "add").await;
    coordinator.fill("#justification_1", why).await;
    coordinator.click("#give-opinion").await;
    coordinator.wait_gone("#opinion-form").await;
    coordinator.wait_path(&format!("/coordination/lists/{id}"), None).await;
    assert!(!coordinator.exists("#error").await, "an error after giving the opinion");
    let opinions = coordinator.texts("#opinions > li").await;
    assert_eq!(opinions.len(), 1, "{opinions:?}");
    let proposal = format!("{} {NOT_ON_LIST} ({}): {why}", m.t("en", "change-add"), title(NOT_ON_LIST, "en"));
    for part in ["Akimat of Almaty", &m.t("en", "verdict-object"), "test-coordinator", remarks, &proposal] {
        assert!(opinions[0].contains(part), "no {part:?} in the opinion {:?}", opinions[0]);
    }
    assert_eq!(coordinator.text("#opinions > li .verdict").await, m.t("en", "verdict-object"));
    // The inbox now says answered.
    coordinator.click("nav.menu a[data-nav=\"coordination\"]").await;
    coordinator.wait_path("/coordination", None).await;
    assert_eq!(coordinator.texts("#sent tbody tr:first-child td").await.last(), Some(&m.t("en", "yes")));
    coordinator.close().await;
    eprintln!("browser_lists: coordinator objected after {:.1?}", started.elapsed());

    // ----- 3. The analyst: sees the opinion, approves by order, publishes from today.
    analyst.goto(&format!("{base}/analysis/lists/{id}")).await;
    analyst.wait_status("in_coordination").await;
    let opinions = analyst.texts("#opinions > li").await;
    assert_eq!(opinions.len(), 1, "{opinions:?}");
    assert!(opinions[0].contains(remarks) && opinions[0].contains(&proposal), "{:?}", opinions[0]);
    assert_eq!(analyst.text("#opinions > li .verdict").await, m.t("en", "verdict-object"));

    let order_no = "49-ө";
    analyst.fill("#order_no", order_no).await;
    assert_eq!(analyst.value("#order_date").await, today, "the order date is today by default");
    analyst.set_value("#order_date", &today).await;
    analyst.click("#approve").await;
    analyst.wait_status("approved").await;
    assert_eq!(analyst.text("#notice").await, m.t("en", "done-approved"));
    assert!(!analyst.exists("#approve-form").await, "an approved list offers approval again");
    assert_eq!(
        analyst.text("#order").await,
        m.t_args(
            "en",
            "lists-order",
            &[
                ("order", order_no),
                // The date as English writes it; the form's field keeps the ISO date.
                ("date", &ashyq_core::locale::date(today_kz(), ashyq_core::locale::Language::En)),
                ("effective", "—"),
            ]
        )
    );
    assert_eq!(analyst.value("#effective_from").await, today, "the effective date is today by default");
    // Not in force before the order that approves it: refused, still approved.
    analyst.set_value("#effective_from", &yesterday).await;
    analyst.click("#publish").await;
    analyst.wait_for("#error").await;
    assert_eq!(analyst.path().await, format!("/analysis/lists/{id}/publish"));
    assert!(analyst.text("#error").await.starts_with("In force from: "), "{}", analyst.text("#error").await);
    assert_eq!(analyst.attr("#status", "data-status").await.as_deref(), Some("approved"));
    assert_eq!(
        analyst.attr("a[data-lang=\"ru\"]", "href").await.as_deref(),
        Some(format!("/lang/ru?next=/analysis/lists/{id}").as_str()),
        "the language link of a refused step leads to a page that is not there"
    );
    analyst.set_value("#effective_from", &today).await;
    analyst.click("#publish").await;
    analyst.wait_status("published").await;
    assert_eq!(analyst.text("#notice").await, m.t("en", "done-published"));
    assert_eq!(analyst.text("#status").await, m.t("en", "status-published"));
    assert!(!analyst.exists("#publish-form").await, "a published list offers publication again");
    let order_text = m.t_args(
        "en",
        "lists-order",
        &[("order", order_no), ("date", &today_in("en")), ("effective", &today_in("en"))],
    );
    assert_eq!(analyst.text("#order").await, order_text);
    // The dashboard lists it as published, in force from today.
    analyst.click("nav.menu a[data-nav=\"analysis\"]").await;
    analyst.wait_path("/analysis", None).await;
    let listed = analyst.texts(&format!("#lists tbody tr:has(a[href=\"/analysis/lists/{id}\"]) td")).await;
    assert_eq!(
        listed,
        [format!("#{id}"), "2025".into(), m.t("en", "status-published"), "1".into(), today_in("en")]
    );
    analyst.close().await;
    eprintln!("browser_lists: analyst published after {:.1?}", started.elapsed());

    // ----- 4. The public, not logged in.
    let public = driver.session().await;
    public.goto(&format!("{base}/lists")).await;
    public.wait_lang("en").await;
    assert!(!public.exists("#signed-in").await, "a fresh browser is signed in");
    assert_eq!(public.text("h1").await, m.t("en", "lists-title"));
    assert!(!public.exists("#none-in-force").await, "no list in force after publication");
    assert_eq!(
        public.text("#in-force").await,
        m.t_args("en", "lists-in-force-on", &[("date", &today_in("en"))])
    );
    assert_eq!(public.text("#in-force-order").await, order_text);
    assert_eq!(public.codes("#in-force-list").await, sorted_by_rank(&public, "#in-force-list").await);
    let mut in_force = public.codes("#in-force-list").await;
    in_force.sort();
    assert_eq!(in_force, ON_LIST, "the occupations of the list in force");
    assert_eq!(
        public.texts("#versions tbody tr td").await,
        [format!("#{id}"), "2025".into(), order_no.into(), today_in("en"), today_in("en")]
    );

    // The version: its entries and the ranking of valuable skills.
    public.click(&format!("#versions a[href=\"/lists/{id}\"]")).await;
    public.wait_path(&format!("/lists/{id}"), None).await;
    assert_eq!(public.text("h1").await, m.t_args("en", "list-title", &[("id", &id.to_string())]));
    assert_eq!(public.text("#effective-from").await, today_in("en"));
    let mut entries = public.codes("#list-entries").await;
    entries.sort();
    assert_eq!(entries, ON_LIST);
    let ranking = public.codes("#ranking").await;
    assert_eq!(ranking.len(), candidates.len(), "the ranking holds every candidate");
    assert_eq!(ranking, sorted_by_rank(&public, "#ranking").await, "the ranking is in rank order");
    assert_eq!(public.row("#ranking", NOT_ON_LIST).await.last(), Some(&m.t("en", "no")));
    assert_eq!(public.row("#ranking", "2512").await.last(), Some(&m.t("en", "yes")));
    // The CSV download, fetched as the link would.
    let href = public.attr("#download-csv", "href").await.expect("a download link");
    assert!(href.ends_with(&format!("/lists/{id}/download/csv")), "{href}");
    let (status, content_type, csv) = public.fetch(&format!("/lists/{id}/download/csv")).await;
    assert_eq!(status, 200, "{csv}");
    assert!(content_type.starts_with("text/csv"), "{content_type}");
    let mut lines = csv.lines();
    // (The byte-order mark the file starts with is taken off by the browser's decoding; the
    // HTTP test `flows_lists` holds that it is sent.)
    let headed = format!(
        "{},{},",
        m.t("en", "exports-col-rank"),
        m.t_args("en", "exports-code-of", &[("column", &m.t("en", "exports-col-occupation"))])
    );
    assert!(lines.next().is_some_and(|h| h.starts_with(&headed)), "headed for people: {csv}");
    assert_eq!(lines.count(), candidates.len(), "one CSV row per candidate");
    // Its twin for programs, linked beside it.
    let href = public.attr("#download-csv-machine", "href").await.expect("a link for programs");
    assert!(href.ends_with(&format!("/lists/{id}/download/csv?headers=machine")), "{href}");
    let (status, _, csv) = public.fetch(&format!("/lists/{id}/download/csv?headers=machine")).await;
    assert_eq!(status, 200, "{csv}");
    assert!(csv.lines().next().is_some_and(|h| h.starts_with("rank,occupation,")), "{csv}");

    // An entry: the checks behind it and the charts.
    public.click(&format!("#list-entries a[href=\"/lists/{id}/occupations/2512\"]")).await;
    public.wait_path(&format!("/lists/{id}/occupations/2512"), None).await;
    assert_eq!(public.text("h1").await, format!("2512 {}", title("2512", "en")));
    assert_eq!(public.text("#entry-status").await, m.t("en", "yes"));
    let checks = public.find_all("#checks tbody tr[data-indicator]").await;
    assert_eq!(checks.len(), 10, "one row per indicator of the methodology");
    let mut passed = 0;
    for tr in &checks {
        let cells = tr.find_all(Locator::Css("td")).await.expect("cells");
        assert_eq!(cells.len(), 6);
        let last = cells[5].text().await.expect("passed");
        assert!(last == m.t("en", "yes") || last == m.t("en", "no"), "{last}");
        passed += usize::from(last == m.t("en", "yes"));
    }
    assert!(passed >= 6, "an entry on the list meets six of the ten criteria; {passed} shown as met");
    assert_eq!(
        public.attr("#checks tbody tr[data-indicator=\"forecast_need\"]", "data-indicator").await.as_deref(),
        Some("forecast_need")
    );
    assert!(public.exists("#chart-percentiles svg").await, "no percentile chart");
    assert!(!public.find_all("figure.chart-regions svg").await.is_empty(), "no regional charts");

    // In Russian, by the language link in the header: the same page, translated.
    public.click("a[data-lang=\"ru\"]").await;
    public.wait_lang("ru").await;
    public.wait_path(&format!("/lists/{id}/occupations/2512"), None).await;
    let ru_title = title("2512", "ru");
    assert_ne!(ru_title, title("2512", "en"));
    assert_eq!(public.text("h1").await, format!("2512 {ru_title}"));
    assert_eq!(public.text("#entry-status").await, m.t("ru", "yes"));
    assert_eq!(public.text("#checks thead th:first-child").await, m.t("ru", "entry-indicator"));
    // The choice is kept: the list page is in Russian too.
    public.goto(&format!("{base}/lists")).await;
    public.wait_lang("ru").await;
    assert_eq!(public.text("h1").await, m.t("ru", "lists-title"));
    assert_ne!(m.t("ru", "lists-title"), m.t("en", "lists-title"));
    assert_eq!(
        public.text("#in-force").await,
        m.t_args("ru", "lists-in-force-on", &[("date", &today_in("ru"))])
    );

    // The search by job title, typed as a visitor would.
    public.goto(&format!("{base}/occupations")).await;
    public.wait_lang("ru").await;
    assert_eq!(public.text("h1").await, m.t("ru", "occ-title"));
    public.fill("#q", "инженер-химик").await;
    public.click("#search").await;
    public.wait_path("/occupations", None).await;
    public.wait_for("#hits tr[data-code=\"2145\"]").await;
    assert_eq!(public.value("#q").await, "инженер-химик", "the query is kept");
    let hit = public.row("#hits", "2145").await;
    assert_eq!(hit[1], title("2145", "ru"), "{hit:?}");
    assert_eq!(hit.last(), Some(&m.t("ru", "yes")), "2145 is on the list in force today: {hit:?}");
    public.close().await;
    eprintln!("browser_lists: done after {:.1?}", started.elapsed());
}

/// The codes of `table` ordered by the rank in their first cell.
async fn sorted_by_rank(b: &Browser, table: &str) -> Vec<String> {
    let mut ranked: Vec<(i64, String)> = b
        .table(table)
        .await
        .into_iter()
        .map(|(code, cells)| {
            let rank = cells[0].parse().unwrap_or_else(|_| panic!("rank of {code}: {cells:?}"));
            (rank, code)
        })
        .collect();
    ranked.sort();
    ranked.into_iter().map(|(_, c)| c).collect()
}

/// Before anything is published the public pages say so, and the search still finds an
/// occupation by its Russian title, not on any list.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn before_publication_no_list_is_in_force() {
    let Some((_h, base, driver, m)) = setup().await else {
        return;
    };
    let b = driver.session().await;
    b.goto(&format!("{base}/lists")).await;
    b.wait_lang("en").await;
    assert_eq!(b.text("h1").await, m.t("en", "lists-title"));
    assert_eq!(b.text("#none-in-force").await, m.t_args("en", "lists-none", &[("date", &today_in("en"))]));
    assert!(!b.exists("#in-force").await);
    assert!(b.find_all("#versions tbody tr").await.is_empty(), "versions before any publication");

    b.click("a[data-lang=\"ru\"]").await;
    b.wait_lang("ru").await;
    b.wait_path("/lists", None).await;
    assert_eq!(b.text("h1").await, m.t("ru", "lists-title"));
    assert_eq!(b.text("#none-in-force").await, m.t_args("ru", "lists-none", &[("date", &today_in("ru"))]));

    b.goto(&format!("{base}/occupations?q=инженер-химик")).await;
    b.wait_for("#hits").await;
    let hit = b.row("#hits", "2145").await;
    assert!(!hit.is_empty(), "2145 not among the hits: {:?}", b.codes("#hits").await);
    assert_eq!(hit.last(), Some(&m.t("ru", "no")), "2145 is on no list yet: {hit:?}");
    // An unknown title says so.
    b.goto(&format!("{base}/occupations?q=zzzzqqqq")).await;
    b.wait_for("#no-hits").await;
    assert_eq!(b.text("#no-hits").await, m.t("ru", "occ-none"));
    // A version that does not exist, or is not published, is not found.
    b.goto(&format!("{base}/lists/999999")).await;
    assert_eq!(b.text("h1").await, m.t("ru", "error-notfound-title"));
    b.close().await;
}
