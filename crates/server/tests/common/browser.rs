//! The browser tests' setup: the app, ChromeDriver ([`super::driver`]) and the interface
//! messages the pages are checked against.

use super::Harness;
pub use super::driver::*;
use ashyq_server::i18n::{I18n, Lang};
use std::collections::HashMap;
use std::time::Duration;

/// Sets up ChromeDriver (its sessions waiting up to `wait`), the app, its address and the
/// messages; `None` when skipped.
pub async fn setup(wait: Duration) -> Option<(Harness, String, Driver, Messages)> {
    let driver = Driver::start(wait)?;
    let h = Harness::new().await;
    let base = h.spawn().await;
    Some((h, base, driver, Messages::load()))
}

// ---------------------------------------------------------------------------------------------
// The interface messages, read from the same files the app compiles in
// ---------------------------------------------------------------------------------------------

pub const LANGS: [&str; 3] = ["en", "kk", "ru"];

/// The single-line messages of data/i18n/{lang}/*.ftl as written, and the app's own message
/// bundles for a message that counts (whose plural form is chosen by its number).
pub struct Messages {
    text: HashMap<&'static str, HashMap<String, String>>,
    i18n: I18n,
}

impl Messages {
    /// Reads the messages of [`LANGS`]. The parse is simple: a test holds the result to a few
    /// known translations.
    pub fn load() -> Messages {
        // Every file the app compiles in (`SOURCES`), so that a new file needs no registering here.
        let mut all: HashMap<&'static str, HashMap<String, String>> = HashMap::new();
        for lang in LANGS {
            all.insert(lang, HashMap::new());
        }
        for (lang, _, text) in ashyq_server::i18n::SOURCES {
            let map = all.get_mut(lang.code()).unwrap_or_else(|| panic!("no language {}", lang.code()));
            map.extend(
                text.lines()
                    .filter(|l| !l.starts_with('#') && !l.starts_with(char::is_whitespace))
                    .filter_map(|l| l.split_once(" = "))
                    .map(|(k, v)| (k.trim().to_string(), v.trim().to_string())),
            );
        }
        Messages { text: all, i18n: I18n::load().expect("the messages parse") }
    }

    pub fn t(&self, lang: &str, key: &str) -> String {
        self.text[lang].get(key).unwrap_or_else(|| panic!("no message {key} in {lang}")).clone()
    }

    /// The message with its `{ $name }` placeables filled in.
    pub fn t_args(&self, lang: &str, key: &str, args: &[(&str, &str)]) -> String {
        args.iter().fold(self.t(lang, key), |s, (name, value)| s.replace(&format!("{{ ${name} }}"), value))
    }

    /// A message that counts, as the app says it: its plural form for `count` (`$count`), the
    /// number written the language's way, and the other arguments filled in.
    pub fn tc(&self, lang: &str, key: &str, count: i64, args: &[(&str, &str)]) -> String {
        let l = Lang::from_code(lang).unwrap_or_else(|| panic!("no language {lang}"));
        assert!(self.i18n.has(l, key), "no message {key} in {lang}");
        self.i18n.message_count(l, key, count, args)
    }
}
