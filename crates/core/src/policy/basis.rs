//! Legal bases in the reader's language. The acts are titled once, in Kazakh, Russian and English,
//! in the policy file's `[acts]` table; a basis names its act by id, its article by number, and
//! its paragraph in the three languages:
//!
//! ```toml
//! [acts]
//! migration_law = { kk = "…", ru = "…", en = "Law \"On population migration\" …" }
//! …
//! basis = { act = "migration_law", article = "49", paragraph = { kk = "…", ru = "…", en = "…" } }
//! ```
//!
//! A draft an analyst writes may cite an act that is not in the table and word its paragraph
//! once (`basis = { act = "Draft amendment" }`): such text is shown as written in every language.
//! The file shipped with ashyq is held to the three languages by a test.

use crate::locale::{Language, Texts};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Words a policy file gives either in the three languages or once, as written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Wording {
    Three(Texts),
    Once(String),
}

impl Wording {
    pub fn get(&self, lang: Language) -> &str {
        match self {
            Wording::Three(t) => t.get(lang),
            Wording::Once(s) => s,
        }
    }

    /// Whether the words are given in each of the three languages.
    pub fn is_three(&self) -> bool {
        matches!(self, Wording::Three(t) if !t.kk.trim().is_empty() && !t.ru.trim().is_empty() && !t.en.trim().is_empty())
    }
}

impl Default for Wording {
    fn default() -> Self {
        Wording::Once(String::new())
    }
}

impl From<&str> for Wording {
    fn from(s: &str) -> Self {
        Wording::Once(s.to_string())
    }
}

/// The acts a policy file cites, by id, each titled in the three languages.
pub type Acts = BTreeMap<String, Texts>;

/// Where a rule or number comes from: the act, and where in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LegalBasis {
    /// The id of an act of `[acts]`, or an act's title as written.
    pub act: String,
    /// The article's number (`49`, `11`), or an article's words as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<Wording>,
    /// The act's title, from `[acts]` when the file is read; `None` for an act cited as written.
    #[serde(skip)]
    pub title: Option<Texts>,
}

/// An article given by its number (`49`, `6-1`) rather than in words.
fn is_number(article: &str) -> bool {
    let a = article.trim();
    a.starts_with(|c: char| c.is_ascii_digit()) && a.chars().all(|c| c.is_ascii_digit() || c == '-')
}

impl LegalBasis {
    /// A basis citing an act as written, with no article or paragraph.
    pub fn act(text: &str) -> LegalBasis {
        LegalBasis { act: text.to_string(), article: None, paragraph: None, title: None }
    }

    /// The act's title in `lang`.
    pub fn act_title(&self, lang: Language) -> &str {
        self.title.as_ref().map_or(&self.act, |t| t.get(lang))
    }

    /// The article in `lang`: `49-бап`, `статья 49`, `Article 49`.
    pub fn article_words(&self, lang: Language) -> Option<String> {
        let a = self.article.as_deref()?.trim();
        Some(if is_number(a) {
            match lang {
                Language::Kk => format!("{a}-бап"),
                Language::Ru => format!("статья {a}"),
                Language::En => format!("Article {a}"),
            }
        } else {
            a.to_string()
        })
    }

    /// The citation in `lang`: the act, the article and the paragraph as a person reads them.
    pub fn cite_in(&self, lang: Language) -> String {
        let mut out = self.act_title(lang).to_string();
        if let Some(a) = self.article_words(lang) {
            out.push_str(", ");
            out.push_str(&a);
        }
        if let Some(p) = &self.paragraph {
            out.push_str(", ");
            out.push_str(p.get(lang));
        }
        out
    }

    /// The citation in the language of code `lang` (`kk`, `ru`, `en`; English for any other).
    pub fn cite(&self, lang: &str) -> String {
        self.cite_in(Language::from_code(lang).unwrap_or(Language::En))
    }

    /// Takes the act's title from `acts` if the act is one of them.
    pub fn resolve(&mut self, acts: &Acts) {
        self.title = acts.get(&self.act).cloned();
    }

    /// Whether the citation is held in the three languages: its act is of `[acts]`, its article
    /// a number or absent, its paragraph in three languages or absent.
    pub fn is_in_three_languages(&self) -> bool {
        self.title.is_some()
            && self.article.as_deref().is_none_or(is_number)
            && self.paragraph.as_ref().is_none_or(Wording::is_three)
    }
}

impl std::fmt::Display for LegalBasis {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.cite_in(Language::En))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn acts() -> Acts {
        let mut a = Acts::new();
        a.insert("law".into(), Texts { kk: "Заң".into(), ru: "Закон".into(), en: "Law".into() });
        a
    }

    #[test]
    fn a_basis_of_the_table_reads_in_each_language() {
        let mut b = LegalBasis {
            act: "law".into(),
            article: Some("49".into()),
            paragraph: Some(Wording::Three(Texts {
                kk: "құжаттар".into(),
                ru: "документы".into(),
                en: "documents".into(),
            })),
            title: None,
        };
        b.resolve(&acts());
        assert_eq!(b.cite("kk"), "Заң, 49-бап, құжаттар");
        assert_eq!(b.cite("ru"), "Закон, статья 49, документы");
        assert_eq!(b.cite("en"), "Law, Article 49, documents");
        assert_eq!(b.to_string(), "Law, Article 49, documents");
        assert!(b.is_in_three_languages());
    }

    #[test]
    fn a_draft_cites_as_written() {
        let mut b = LegalBasis::act("Draft amendment");
        b.resolve(&acts());
        assert_eq!(b.cite("ru"), "Draft amendment");
        assert!(!b.is_in_three_languages());
        let mut c = LegalBasis { article: Some("Art. 2".into()), ..LegalBasis::act("law") };
        c.resolve(&acts());
        assert_eq!(c.cite("kk"), "Заң, Art. 2");
        assert!(!c.is_in_three_languages());
    }
}
