//! A real SMTP server on loopback for tests (mailin-embedded, on threads of its own): it
//! accepts every message and keeps it, so a test reads what ashyq sent as a person's mailbox
//! would receive it. Shared by the server's and the command line's tests.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use mailin_embedded::{Handler, Server, SslConfig, response};
use std::net::{IpAddr, SocketAddr, TcpListener};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// A message as the server received it.
#[derive(Debug, Clone)]
pub struct Received {
    pub from: String,
    pub to: Vec<String>,
    /// The message as sent: headers, a blank line, the body.
    pub raw: String,
}

impl Received {
    /// A header's value (unfolded, encoded words decoded), by name in any case.
    pub fn header(&self, name: &str) -> Option<String> {
        let (head, _) = self.raw.split_once("\r\n\r\n").unwrap_or((&self.raw, ""));
        let unfolded = head.replace("\r\n ", " ").replace("\r\n\t", " ");
        unfolded.split("\r\n").find_map(|line| {
            let (n, v) = line.split_once(':')?;
            n.trim().eq_ignore_ascii_case(name).then(|| decode_words(v.trim()))
        })
    }

    pub fn subject(&self) -> String {
        self.header("Subject").unwrap_or_default()
    }

    /// The text of a one-part message, its transfer encoding undone.
    pub fn text(&self) -> String {
        let (_, body) = self.raw.split_once("\r\n\r\n").unwrap_or(("", &self.raw));
        let encoding = self.header("Content-Transfer-Encoding").unwrap_or_default().to_ascii_lowercase();
        match encoding.as_str() {
            "base64" => {
                let joined: String = body.split_whitespace().collect();
                String::from_utf8_lossy(&STANDARD.decode(joined).unwrap_or_default()).into_owned()
            }
            "quoted-printable" => quoted_printable(body),
            _ => body.to_string(),
        }
    }

    /// The first link in the text that starts with `prefix`.
    pub fn link(&self, prefix: &str) -> Option<String> {
        let text = self.text();
        let at = text.find(prefix)?;
        Some(text[at..].split_whitespace().next()?.to_string())
    }
}

/// Undoes quoted-printable: soft line breaks and `=XX` escapes.
fn quoted_printable(s: &str) -> String {
    let joined = s.replace("=\r\n", "");
    let bytes = joined.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'='
            && i + 2 < bytes.len()
            && let Ok(b) = u8::from_str_radix(std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("zz"), 16)
        {
            out.push(b);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Decodes RFC 2047 encoded words (`=?utf-8?b?…?=`, `=?utf-8?q?…?=`) in a header value.
fn decode_words(v: &str) -> String {
    let mut out = String::new();
    let mut rest = v;
    while let Some(start) = rest.find("=?") {
        let before = &rest[..start];
        if !before.trim().is_empty() || out.is_empty() {
            out.push_str(before);
        }
        let word = &rest[start + 2..];
        let parts: Vec<&str> = word.splitn(3, '?').collect();
        let Some(end) = parts.get(2).and_then(|p| p.find("?=")) else {
            out.push_str(&rest[start..]);
            return out;
        };
        let (enc, text) = (parts[1].to_ascii_lowercase(), &parts[2][..end]);
        let bytes = if enc == "b" {
            STANDARD.decode(text).unwrap_or_default()
        } else {
            quoted_printable(&text.replace('_', " ")).into_bytes()
        };
        out.push_str(&String::from_utf8_lossy(&bytes));
        rest = &parts[2][end + 2..];
    }
    out.push_str(rest);
    out
}

#[derive(Clone)]
struct Keeper {
    kept: Arc<Mutex<Vec<Received>>>,
    from: String,
    to: Vec<String>,
    data: Vec<u8>,
}

impl Handler for Keeper {
    fn helo(&mut self, _ip: IpAddr, _domain: &str) -> mailin_embedded::Response {
        response::OK
    }

    fn data_start(
        &mut self,
        _domain: &str,
        from: &str,
        _is8bit: bool,
        to: &[String],
    ) -> mailin_embedded::Response {
        self.from = from.to_string();
        self.to = to.to_vec();
        self.data.clear();
        response::OK
    }

    fn data(&mut self, buf: &[u8]) -> std::io::Result<()> {
        self.data.extend_from_slice(buf);
        Ok(())
    }

    fn data_end(&mut self) -> mailin_embedded::Response {
        let raw = String::from_utf8_lossy(&self.data).into_owned();
        let message = Received { from: self.from.clone(), to: self.to.clone(), raw };
        self.kept.lock().expect("the mailbox").push(message);
        response::OK
    }
}

/// An SMTP server listening on a loopback port, keeping every message it accepts.
#[derive(Clone)]
pub struct MailSink {
    pub addr: SocketAddr,
    kept: Arc<Mutex<Vec<Received>>>,
}

impl MailSink {
    /// Starts a server on a free loopback port.
    pub fn start() -> MailSink {
        MailSink::start_on(free_port())
    }

    /// Starts a server on `port` of 127.0.0.1 (one no server listens on yet).
    pub fn start_on(port: u16) -> MailSink {
        let listener = TcpListener::bind(("127.0.0.1", port)).expect("the SMTP test port");
        let addr = listener.local_addr().expect("the SMTP test address");
        let kept = Arc::new(Mutex::new(Vec::new()));
        let keeper = Keeper { kept: kept.clone(), from: String::new(), to: Vec::new(), data: Vec::new() };
        let mut server = Server::new(keeper);
        server.with_name("mail.test").with_tcp_listener(listener).with_num_threads(4);
        server.with_ssl(SslConfig::None).expect("plain SMTP");
        // It serves until the test process ends.
        std::thread::spawn(move || {
            let _ = server.serve();
        });
        MailSink { addr, kept }
    }

    /// `smtp://127.0.0.1:PORT`, for `--smtp-url`.
    pub fn url(&self) -> String {
        format!("smtp://{}", self.addr)
    }

    /// Every message received so far.
    pub fn received(&self) -> Vec<Received> {
        self.kept.lock().expect("the mailbox").clone()
    }

    /// The messages to `address` received so far.
    pub fn to(&self, address: &str) -> Vec<Received> {
        self.received().into_iter().filter(|m| m.to.iter().any(|t| t.eq_ignore_ascii_case(address))).collect()
    }

    /// Waits (up to `within`) until a message to `address` whose subject passes `pick` arrives.
    pub fn wait_for(
        &self,
        address: &str,
        within: Duration,
        pick: impl Fn(&Received) -> bool,
    ) -> Option<Received> {
        let until = Instant::now() + within;
        loop {
            if let Some(m) = self.to(address).into_iter().find(|m| pick(m)) {
                return Some(m);
            }
            if Instant::now() > until {
                return None;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

/// A loopback port no server listens on now (to start one on later, or to leave closed).
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).expect("a free port").port()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encoded_headers_and_bodies_are_read() {
        assert_eq!(decode_words("=?utf-8?b?0KHRgtCw0YLRg9GB?="), "Статус");
        assert_eq!(decode_words("Case =?utf-8?q?caf=C3=A9?= done"), "Case café done");
        assert_eq!(quoted_printable("a=3Db=\r\nc"), "a=bc");
    }
}
