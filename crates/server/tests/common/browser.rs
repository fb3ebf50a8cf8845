//! The browser tests' setup: the app, ChromeDriver ([`super::driver`]) and the interface
//! messages the pages are checked against.

use super::Harness;
pub use super::driver::*;
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

/// The single-line messages of data/i18n/{lang}/ashyq.ftl.
pub struct Messages(HashMap<&'static str, HashMap<String, String>>);

impl Messages {
    /// Reads the messages of [`LANGS`]. The parse is simple: a test holds the result to a few
    /// known translations.
    pub fn load() -> Messages {
        let mut all = HashMap::new();
        for lang in LANGS {
            let mut map = HashMap::new();
            for file in [
                "ashyq.ftl",
                "applications.ftl",
                "cases.ftl",
                "kandas.ftl",
                "abroad.ftl",
                "paryz.ftl",
                "uploads.ftl",
                "notifications.ftl",
                "officers.ftl",
                "exports.ftl",
                "menu.ftl",
            ] {
                let path = format!("{}/../../data/i18n/{lang}/{file}", env!("CARGO_MANIFEST_DIR"));
                let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
                map.extend(
                    text.lines()
                        .filter(|l| !l.starts_with('#') && !l.starts_with(char::is_whitespace))
                        .filter_map(|l| l.split_once(" = "))
                        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string())),
                );
            }
            all.insert(lang, map);
        }
        Messages(all)
    }

    pub fn t(&self, lang: &str, key: &str) -> String {
        self.0[lang].get(key).unwrap_or_else(|| panic!("no message {key} in {lang}")).clone()
    }

    /// The message with its `{ $name }` placeables filled in.
    pub fn t_args(&self, lang: &str, key: &str, args: &[(&str, &str)]) -> String {
        args.iter().fold(self.t(lang, key), |s, (name, value)| s.replace(&format!("{{ ${name} }}"), value))
    }
}
