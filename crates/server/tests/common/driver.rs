//! Driving a real browser for the end-to-end tests: headless Chromium through ChromeDriver,
//! started as a child process, one fresh profile per browser session; polling until a page
//! reaches an expected state. It depends on nothing of the server's tests, so the command
//! line's tests use it too (the crawl of the demo's pages for words out of place).
//!
//! Without ChromeDriver a test is skipped with a note, except under CI (`CI` set), where a
//! missing browser is a failure.

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};
use std::future::Future;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use tempfile::TempDir;

/// How often to look again while waiting.
pub const POLL: Duration = Duration::from_millis(50);

// ---------------------------------------------------------------------------------------------
// Finding and running the browser
// ---------------------------------------------------------------------------------------------

/// The first of `names` that is an executable file: an absolute path as is, a bare name on PATH.
fn find_program(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    names.iter().find_map(|name| {
        let p = Path::new(name);
        if p.is_absolute() {
            return p.is_file().then(|| p.to_path_buf());
        }
        std::env::split_paths(&path).map(|dir| dir.join(name)).find(|p| p.is_file())
    })
}

/// ChromeDriver and the Chromium it drives, or `None` when the test is to be skipped.
fn browser_programs() -> Option<(PathBuf, PathBuf)> {
    let Some(driver) = find_program(&["/usr/bin/chromedriver", "chromedriver"]) else {
        if std::env::var_os("CI").is_some() {
            panic!("chromedriver not found; .ci/run installs chromium chromium-driver");
        }
        eprintln!("SKIPPED browser test: chromedriver not found (apt-get install chromium chromium-driver)");
        return None;
    };
    let chromium = find_program(&["/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome"])
        .unwrap_or_else(|| panic!("{} is installed but no Chromium was found", driver.display()));
    Some((driver, chromium))
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).expect("a free loopback port").port()
}

/// A running ChromeDriver. Dropping it kills ChromeDriver and every browser it started (they
/// share its process group), even when the test panics, then removes the browser profiles.
pub struct Driver {
    child: Child,
    url: String,
    chromium: PathBuf,
    log: PathBuf,
    /// Scratch space: the driver's log and one fresh profile per browser session.
    dir: TempDir,
    /// How long the sessions' browsers wait for a page to reach an expected state.
    wait: Duration,
}

impl Driver {
    /// Starts ChromeDriver on a free port and waits until it is ready; `None` if it is missing.
    /// Its sessions wait up to `wait` for a page to reach an expected state.
    pub fn start(wait: Duration) -> Option<Driver> {
        let (program, chromium) = browser_programs()?;
        let dir = tempfile::tempdir().expect("a temp dir");
        let log = dir.path().join("chromedriver.log");
        let out = std::fs::File::create(&log).expect("a log file");
        let err = out.try_clone().expect("a log file");
        let port = free_port();
        let child = Command::new(&program)
            .arg(format!("--port={port}"))
            .stdin(Stdio::null())
            .stdout(out)
            .stderr(err)
            // Its own process group, so that Drop can end ChromeDriver and its browsers together.
            .process_group(0)
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {}: {e}", program.display()));
        let mut driver = Driver { child, url: format!("http://127.0.0.1:{port}"), chromium, log, dir, wait };
        driver.wait_ready(SocketAddr::from(([127, 0, 0, 1], port)));
        Some(driver)
    }

    fn log_text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// Polls `GET /status` until ChromeDriver says it is ready.
    fn wait_ready(&mut self, addr: SocketAddr) {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Ok(Some(status)) = self.child.try_wait() {
                panic!("chromedriver exited at start ({status}):\n{}", self.log_text());
            }
            if status_ready(addr) {
                return;
            }
            if Instant::now() > deadline {
                panic!("chromedriver did not answer on {addr} within 20 s:\n{}", self.log_text());
            }
            std::thread::sleep(POLL);
        }
    }

    /// A new browser session with a fresh profile: no cookies, no cache.
    pub async fn session(&self) -> Browser {
        self.session_as(None).await
    }

    /// The same on a phone's screen: 390 CSS pixels wide, as Chromium's device emulation makes it
    /// (a desktop window is never narrower than 500).
    pub async fn phone_session(&self) -> Browser {
        self.session_as(Some(json!({"deviceMetrics": {"width": 390, "height": 844, "pixelRatio": 2}}))).await
    }

    async fn session_as(&self, mobile: Option<Value>) -> Browser {
        let mut last = None;
        // A retry, in case Chromium is slow to come up on a loaded machine; each attempt gets
        // a profile of its own.
        for _ in 0..2 {
            let profile = tempfile::Builder::new()
                .prefix("profile-")
                .tempdir_in(self.dir.path())
                .expect("a profile dir")
                .keep();
            let args = vec![
                "--headless".to_string(),
                "--no-sandbox".to_string(),
                "--disable-gpu".to_string(),
                "--disable-quic".to_string(),
                "--no-first-run".to_string(),
                "--disable-background-networking".to_string(),
                "--disable-component-update".to_string(),
                "--disable-sync".to_string(),
                format!("--user-data-dir={}", profile.display()),
                // Loopback only: anything else goes to a proxy that is not there and fails.
                // Chromium never sends loopback through a proxy, so the app is reached directly.
                "--proxy-server=http://127.0.0.1:9".to_string(),
                "--window-size=1280,900".to_string(),
            ];
            let caps = json!({
                "browserName": "chrome",
                "pageLoadStrategy": "normal",
                "goog:chromeOptions": {
                    "binary": self.chromium,
                    "args": args,
                    // A browser that asks for English: the first page is English by negotiation.
                    "prefs": { "intl": { "accept_languages": "en-US,en" } },
                },
            });
            let mut caps = caps;
            if let Some(m) = &mobile {
                caps["goog:chromeOptions"]["mobileEmulation"] = m.clone();
            }
            let Value::Object(caps) = caps else { unreachable!() };
            match ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
                .capabilities(caps)
                .connect(&self.url)
                .await
            {
                Ok(client) => return Browser { c: client, wait: self.wait },
                Err(e) => last = Some(e),
            }
        }
        panic!("cannot start a browser session: {last:?}\n{}", self.log_text());
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        // The whole process group: ChromeDriver and the Chromium processes it started.
        let _ = Command::new("kill")
            .args(["-KILL", "--", &format!("-{}", self.child.id())])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Whether ChromeDriver at `addr` answers `GET /status` with `"ready": true`.
fn status_ready(addr: SocketAddr) -> bool {
    let Ok(mut s) = TcpStream::connect_timeout(&addr, Duration::from_millis(200)) else {
        return false;
    };
    let _ = s.set_read_timeout(Some(Duration::from_secs(2)));
    if s.write_all(b"GET /status HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").is_err() {
        return false;
    }
    let mut reply = String::new();
    let _ = s.read_to_string(&mut reply);
    let body = match (reply.find('{'), reply.rfind('}')) {
        (Some(a), Some(b)) if a < b => &reply[a..=b],
        _ => return false,
    };
    serde_json::from_str::<Value>(body).is_ok_and(|v| v["value"]["ready"] == true)
}

/// Polls `check` until it gives a value; panics with `what` after `wait`.
pub async fn until<T, F, Fut>(wait: Duration, what: &str, mut check: F) -> T
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Option<T>>,
{
    let deadline = Instant::now() + wait;
    loop {
        if let Some(v) = check().await {
            return v;
        }
        if Instant::now() > deadline {
            panic!("timed out after {wait:?} waiting for {what}");
        }
        tokio::time::sleep(POLL).await;
    }
}

// ---------------------------------------------------------------------------------------------
// A browser session
// ---------------------------------------------------------------------------------------------

/// A browser session; each test adds what it does with one in an `impl Browser` of its own.
pub struct Browser {
    pub c: Client,
    /// How long to wait for a page to reach an expected state.
    pub wait: Duration,
}

impl Browser {
    /// Waits until an element matches `css`.
    pub async fn wait_for(&self, css: &str) {
        self.until(css, || async {
            (!self.c.find_all(Locator::Css(css)).await.ok()?.is_empty()).then_some(())
        })
        .await;
    }

    /// Polls `check` until it gives a value; panics with `what` after [`Browser::wait`].
    pub async fn until<T, F, Fut>(&self, what: &str, check: F) -> T
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = Option<T>>,
    {
        until(self.wait, what, check).await
    }

    pub async fn goto(&self, url: &str) {
        self.c.goto(url).await.unwrap_or_else(|e| panic!("open {url}: {e}"));
    }

    /// Waits until the browser shows `path` (and, if given, exactly `query`).
    pub async fn wait_path(&self, path: &str, query: Option<&str>) {
        let what = format!("the address {path}{}", query.map(|q| format!("?{q}")).unwrap_or_default());
        self.until(&what, || async {
            let u = self.c.current_url().await.ok()?;
            (u.path() == path && (query.is_none() || u.query() == query)).then_some(())
        })
        .await;
    }

    pub async fn find(&self, css: &str) -> Element {
        self.c.find(Locator::Css(css)).await.unwrap_or_else(|e| panic!("no element {css}: {e}"))
    }

    pub async fn find_all(&self, css: &str) -> Vec<Element> {
        self.c.find_all(Locator::Css(css)).await.unwrap_or_else(|e| panic!("find {css}: {e}"))
    }

    pub async fn exists(&self, css: &str) -> bool {
        !self.find_all(css).await.is_empty()
    }

    pub async fn text(&self, css: &str) -> String {
        self.find(css).await.text().await.unwrap_or_else(|e| panic!("text of {css}: {e}"))
    }

    pub async fn attr(&self, css: &str, name: &str) -> Option<String> {
        self.find(css).await.attr(name).await.unwrap_or_else(|e| panic!("{name} of {css}: {e}"))
    }

    pub async fn click(&self, css: &str) {
        self.find(css).await.click().await.unwrap_or_else(|e| panic!("click {css}: {e}"));
    }

    /// Sets an input's value directly: typing into a date input depends on the browser's
    /// locale.
    pub async fn set_value(&self, css: &str, value: &str) {
        let e = self.find(css).await;
        let arg = serde_json::to_value(&e).expect("an element as a script argument");
        self.c
            .execute("arguments[0].value = arguments[1];", vec![arg, serde_json::json!(value)])
            .await
            .unwrap_or_else(|err| panic!("set {css}: {err}"));
    }

    pub async fn fill(&self, css: &str, value: &str) {
        let e = self.find(css).await;
        e.clear().await.unwrap_or_else(|err| panic!("clear {css}: {err}"));
        e.send_keys(value).await.unwrap_or_else(|err| panic!("type into {css}: {err}"));
    }

    pub async fn select(&self, css: &str, value: &str) {
        self.find(css)
            .await
            .select_by_value(value)
            .await
            .unwrap_or_else(|e| panic!("select {value} in {css}: {e}"));
    }

    /// Waits until the page is in `lang` (`<html lang>`).
    pub async fn wait_lang(&self, lang: &str) {
        self.until(&format!("<html lang=\"{lang}\">"), || async {
            let e = self.c.find(Locator::Css("html")).await.ok()?;
            (e.attr("lang").await.ok()??.as_str() == lang).then_some(())
        })
        .await;
    }

    pub async fn close(self) {
        let _ = self.c.close().await;
    }
}
