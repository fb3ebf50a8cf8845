//! The demo's own texts — names of its accounts, officers' reasons, coordinators' opinions,
//! notes of the lists, Paryz nominations, interstate agreements, invented companies — in the
//! language `ashyq demo --language` chose, from `data/i18n/{kk,ru,en}/demo.ftl` (compiled into
//! the binary with the interface's messages). They are written into the database once, in that
//! language: the pages then show them as stored.

pub use crate::args::DemoLanguage;
use ashyq_server::i18n::{I18n, Lang};

/// The interface's language of a `--language`.
fn lang(language: DemoLanguage) -> Lang {
    match language {
        DemoLanguage::Kk => Lang::Kk,
        DemoLanguage::Ru => Lang::Ru,
        DemoLanguage::En => Lang::En,
    }
}

/// The demo's messages in one language.
pub struct DemoText {
    i18n: I18n,
    lang: Lang,
}

impl DemoText {
    pub fn new(language: DemoLanguage) -> anyhow::Result<DemoText> {
        Ok(DemoText { i18n: I18n::load()?, lang: lang(language) })
    }

    /// The message `key` of `demo.ftl`.
    pub fn t(&self, key: &str) -> String {
        self.args(key, &[])
    }

    /// The message `key` with named arguments.
    pub fn args(&self, key: &str, args: &[(&str, &str)]) -> String {
        debug_assert!(self.i18n.has(self.lang, key), "no message {key}");
        self.i18n.message(self.lang, key, args)
    }

    /// The message `key` with a count (`$count`), for its plural forms.
    pub fn count(&self, key: &str, count: i64) -> String {
        debug_assert!(self.i18n.has(self.lang, key), "no message {key}");
        self.i18n.message_count(self.lang, key, count, &[])
    }

    /// An invented person's surname, kept as in the passport, with the language's marker that
    /// the person is fictional: "Batbayar (fictional)".
    pub fn fictional(&self, surname: &str) -> String {
        format!("{surname} {}", self.t("demo-fictional-person"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The sources of the demo's loaders.
    const SOURCES: [&str; 5] = [
        include_str!("demo_text.rs"),
        include_str!("demo_data.rs"),
        include_str!("serve.rs"),
        include_str!("cases/demo.rs"),
        include_str!("kandas/demo.rs"),
    ];

    /// The keys the loaders ask for by name, through `t`, `args` or `count`.
    fn keys_asked() -> Vec<String> {
        let mut keys = Vec::new();
        for source in SOURCES {
            for call in ["t(\"", "args(\"", "count(\""] {
                for (at, _) in source.match_indices(call) {
                    let rest = &source[at + call.len()..];
                    if let Some(key) = rest.split('"').next().filter(|k| k.starts_with("demo-")) {
                        keys.push(key.to_string());
                    }
                }
            }
        }
        keys
    }

    #[test]
    fn every_key_is_in_every_language_and_used() {
        let asked = keys_asked();
        assert!(asked.len() > 25, "{asked:?}");
        let defined = ashyq_server::i18n::keys(include_str!("../../../data/i18n/en/demo.ftl"));
        for language in [DemoLanguage::Kk, DemoLanguage::Ru, DemoLanguage::En] {
            let text = DemoText::new(language).unwrap();
            for key in asked.iter().chain(&defined) {
                assert!(text.i18n.has(text.lang, key), "{language:?} lacks {key}");
            }
        }
        // Every message of demo.ftl is written by some loader (named in full, so it can be found).
        for key in &defined {
            let quoted = format!("\"{key}\"");
            assert!(SOURCES.iter().any(|s| s.contains(&quoted)), "{key} is not used");
        }
    }

    #[test]
    fn english_is_the_demo_as_it_was_and_the_others_are_not_english() {
        let en = DemoText::new(DemoLanguage::En).unwrap();
        assert_eq!(en.fictional("Batbayar"), "Batbayar (fictional)");
        assert_eq!(
            en.count("demo-paryz-contribution", 120),
            "Fictional demo nomination: 120 jobs created in Kazakhstan."
        );
        let ru = DemoText::new(DemoLanguage::Ru).unwrap();
        assert_eq!(
            ru.count("demo-paryz-contribution", 45),
            "Вымышленная демонстрационная номинация: в Казахстане создано 45 рабочих мест."
        );
        assert!(ru.count("demo-paryz-contribution", 22).contains("создано 22 рабочих места"));
        let kk = DemoText::new(DemoLanguage::Kk).unwrap();
        assert_eq!(kk.args("demo-list-draft", &[("year", "2024")]), "2024 жылғы деректер бойынша жоба");
        assert_eq!(kk.fictional("Batbayar"), "Batbayar (ойдан шығарылған тұлға)");
    }
}
