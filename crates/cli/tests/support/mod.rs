//! Helpers for the CLI tests: `both_backends!` (a test on each database backend), running the
//! `ashyq` binary, a guard for a server it starts, and a minimal HTTP/1.1 client over
//! `std::net::TcpStream`.

#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

/// Runs `async fn name(&TestDb)` on SQLite, and on PostgreSQL when `ASHYQ_TEST_POSTGRES_URL`
/// is set: makes `name::sqlite` and `name::postgres`.
#[macro_export]
macro_rules! both_backends {
    ($($name:ident),* $(,)?) => {$(
        mod $name {
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                let t = ashyq_store::testing::sqlite().await;
                super::$name(&t).await;
                t.cleanup().await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                let Some(t) = ashyq_store::testing::postgres().await else {
                    eprintln!("not run on PostgreSQL: {} is not set", ashyq_store::testing::POSTGRES_URL_VAR);
                    return;
                };
                super::$name(&t).await;
                t.cleanup().await;
            }
        }
    )*};
}

pub const BIN: &str = env!("CARGO_BIN_EXE_ashyq");

/// How long a command that should end may run.
pub const RUN_TIMEOUT: Duration = Duration::from_secs(120);

/// A `Command` for the binary with no `ASHYQ_*` or `RUST_LOG` variables inherited from the
/// environment the tests run in, so that only what a test passes counts.
pub fn command(cwd: &Path) -> Command {
    let mut cmd = Command::new(BIN);
    for (key, _) in std::env::vars_os() {
        if let Some(key) = key.to_str()
            && (key.starts_with("ASHYQ_") || key == "RUST_LOG")
        {
            cmd.env_remove(key);
        }
    }
    cmd.current_dir(cwd).stdin(Stdio::null());
    cmd
}

/// What a finished run printed and how it exited.
#[derive(Debug)]
pub struct Output {
    pub args: Vec<String>,
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl Output {
    fn describe(&self) -> String {
        format!(
            "ashyq {:?}\nexit code: {:?}\n--- stdout ---\n{}\n--- stderr ---\n{}",
            self.args, self.code, self.stdout, self.stderr
        )
    }

    /// Asserts exit code 0 and returns self.
    #[track_caller]
    pub fn ok(self) -> Self {
        assert_eq!(self.code, Some(0), "expected success\n{}", self.describe());
        self
    }

    /// Asserts the given exit code and returns self.
    #[track_caller]
    pub fn code(self, code: i32) -> Self {
        assert_eq!(self.code, Some(code), "expected exit code {code}\n{}", self.describe());
        self
    }

    /// Asserts a failure (exit code 1: the error path of `main`) whose standard error contains
    /// every one of `needles`, and returns self.
    #[track_caller]
    pub fn fails_with(self, needles: &[&str]) -> Self {
        let this = self.code(1);
        for n in needles {
            assert!(this.stderr.contains(n), "expected {n:?} on standard error\n{}", this.describe());
        }
        this
    }

    #[track_caller]
    pub fn stdout_has(self, needle: &str) -> Self {
        assert!(self.stdout.contains(needle), "expected {needle:?} on standard output\n{}", self.describe());
        self
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("standard output is not JSON ({e})\n{}", self.describe()))
    }
}

/// Runs the binary in `cwd` against the database `url` (when given) with `args`, feeding `stdin`.
pub fn run_in(cwd: &Path, url: Option<&str>, args: &[&str], stdin: Option<&str>) -> Output {
    run_in_env(cwd, url, &[], args, stdin)
}

/// Like [`run_in`], with the environment variables `env` set.
pub fn run_in_env(
    cwd: &Path,
    url: Option<&str>,
    env: &[(&str, &str)],
    args: &[&str],
    stdin: Option<&str>,
) -> Output {
    let mut cmd = command(cwd);
    cmd.envs(env.iter().copied());
    let mut all: Vec<String> = Vec::new();
    if let Some(url) = url {
        all.extend(["--database-url".to_string(), url.to_string()]);
    }
    all.extend(args.iter().map(|a| a.to_string()));
    cmd.args(&all).stdout(Stdio::piped()).stderr(Stdio::piped()).stdin(if stdin.is_some() {
        Stdio::piped()
    } else {
        Stdio::null()
    });
    let mut child = cmd.spawn().expect("start the ashyq binary");
    if let Some(input) = stdin {
        let mut pipe = child.stdin.take().expect("stdin pipe");
        pipe.write_all(input.as_bytes()).expect("write to stdin");
    }
    let mut out_pipe = child.stdout.take().expect("stdout pipe");
    let mut err_pipe = child.stderr.take().expect("stderr pipe");
    let out_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = out_pipe.read_to_end(&mut buf);
        buf
    });
    let err_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = err_pipe.read_to_end(&mut buf);
        buf
    });
    // No command may hang a test: one that should have ended is killed and reported.
    let deadline = Instant::now() + RUN_TIMEOUT;
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for ashyq") {
            break Some(status);
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let output = Output {
        args: all,
        code: status.and_then(|s| s.code()),
        stdout: String::from_utf8_lossy(&out_reader.join().unwrap_or_default()).into_owned(),
        stderr: String::from_utf8_lossy(&err_reader.join().unwrap_or_default()).into_owned(),
    };
    if status.is_none() {
        panic!("still running after {RUN_TIMEOUT:?}, killed\n{}", output.describe());
    }
    output
}

/// Runs the binary against `url`, in the system's temporary folder (nothing is written there:
/// every run names its database).
pub fn run(url: &str, args: &[&str]) -> Output {
    run_in(&std::env::temp_dir(), Some(url), args, None)
}

/// Like [`run`], with `stdin` on standard input.
pub fn run_stdin(url: &str, args: &[&str], stdin: &str) -> Output {
    run_in(&std::env::temp_dir(), Some(url), args, Some(stdin))
}

/// A port that was free a moment ago.
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).expect("bind an ephemeral port").port()
}

/// A server process (`ashyq serve` or `ashyq demo`), killed when dropped.
pub struct Server {
    child: Child,
    lines: Receiver<String>,
    stderr_path: PathBuf,
    pub port: u16,
    /// Every line of standard output read so far.
    pub seen: Vec<String>,
}

impl Server {
    /// Starts `cmd` (already given its arguments) with standard output piped and standard error
    /// written to `stderr_path`.
    pub fn start(mut cmd: Command, port: u16, stderr_path: PathBuf) -> Server {
        let stderr = std::fs::File::create(&stderr_path).expect("create the stderr file");
        cmd.stdout(Stdio::piped()).stderr(stderr);
        let mut child = cmd.spawn().expect("start the ashyq server");
        let stdout = child.stdout.take().expect("stdout pipe");
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        Server { child, lines: rx, stderr_path, port, seen: Vec::new() }
    }

    /// Starts `ashyq serve` on a free port of 127.0.0.1 over the database `url`, with `env` set
    /// and `args` after `serve`, in `dir` (its standard error in `dir/serve.stderr`), and waits
    /// until it is ready.
    pub fn serve(dir: &Path, url: &str, env: &[(&str, &str)], args: &[&str]) -> Server {
        let port = free_port();
        let mut cmd = command(dir);
        cmd.envs(env.iter().copied());
        cmd.args(["--database-url", url, "serve", "--addr", &format!("127.0.0.1:{port}")]).args(args);
        let mut server = Server::start(cmd, port, dir.join("serve.stderr"));
        server.wait_ready(Duration::from_secs(60));
        server
    }

    pub fn stderr(&self) -> String {
        std::fs::read_to_string(&self.stderr_path).unwrap_or_default()
    }

    /// The server's peak resident memory so far in KiB (`VmHWM`, Linux), if known.
    pub fn peak_kb(&self) -> Option<u64> {
        peak_memory(self.child.id()).map(|bytes| bytes / 1024)
    }

    fn describe(&self) -> String {
        format!("--- stdout so far ---\n{}\n--- stderr ---\n{}", self.seen.join("\n"), self.stderr())
    }

    /// Reads standard output until a line satisfies `done`; returns that line. Panics after
    /// `timeout` or if standard output ends first.
    #[track_caller]
    pub fn read_until(&mut self, timeout: Duration, done: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + timeout;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.lines.recv_timeout(left) {
                Ok(line) => {
                    self.seen.push(line.clone());
                    if done(&line) {
                        return line;
                    }
                }
                Err(RecvTimeoutError::Timeout) => {
                    panic!("timed out reading the server's output\n{}", self.describe())
                }
                Err(RecvTimeoutError::Disconnected) => {
                    let status = self.child.wait().ok();
                    panic!("the server's output ended (exit: {status:?})\n{}", self.describe())
                }
            }
        }
    }

    /// Waits until `GET /healthz` answers; panics if the process exits or after `timeout`.
    #[track_caller]
    pub fn wait_ready(&mut self, timeout: Duration) {
        let deadline = Instant::now() + timeout;
        loop {
            if let Ok(Some(status)) = self.child.try_wait() {
                panic!("the server exited ({status})\n{}", self.describe());
            }
            if let Ok(r) = http(self.port, "GET", "/healthz", &[], "")
                && r.status == 200
            {
                return;
            }
            if Instant::now() > deadline {
                panic!("the server did not answer /healthz\n{}", self.describe());
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// The server's process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    pub fn stop(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An HTTP response, as far as the tests need it.
#[derive(Debug)]
pub struct Response {
    pub status: u16,
    pub head: String,
    pub body: String,
}

impl Response {
    /// The values of every header called `name` (case-insensitive).
    pub fn headers(&self, name: &str) -> Vec<String> {
        self.head
            .lines()
            .skip(1)
            .filter_map(|l| l.split_once(':'))
            .filter(|(k, _)| k.trim().eq_ignore_ascii_case(name))
            .map(|(_, v)| v.trim().to_string())
            .collect()
    }
}

/// One HTTP/1.1 request to 127.0.0.1:`port`, with `Connection: close`.
pub fn http(
    port: u16,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> std::io::Result<Response> {
    http_waiting(Duration::from_secs(30), port, method, path, headers, body)
}

/// Like [`http`], waiting up to `wait` for the answer.
pub fn http_waiting(
    wait: Duration,
    port: u16,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> std::io::Result<Response> {
    let mut stream = TcpStream::connect(("127.0.0.1", port))?;
    stream.set_read_timeout(Some(wait))?;
    let mut req = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (k, v) in headers {
        req.push_str(&format!("{k}: {v}\r\n"));
    }
    req.push_str("\r\n");
    req.push_str(body);
    stream.write_all(req.as_bytes())?;
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw)?;
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| std::io::Error::other(format!("not an HTTP response: {head:?}")))?;
    Ok(Response { status, head: head.to_string(), body: body.to_string() })
}

/// The most resident memory the process `pid` has used so far (`VmHWM` in `/proc/PID/status`),
/// in bytes; `None` where there is no `/proc`.
pub fn peak_memory(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024)
}

/// Percent-encodes a form value.
pub fn form_encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}
