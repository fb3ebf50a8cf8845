//! The interface's three languages — Kazakh, Russian, English — from Fluent message files
//! compiled into the binary: `data/i18n/{kk,ru,en}/ashyq.ftl` for the interface at large and
//! `applications.ftl` for the applicant's side of the case workflow and `cases.ftl` for the
//! officer's (queue, decisions, permits, quotas and rounds); `kandas.ftl`, `abroad.ftl` and
//! `paryz.ftl` for kandas resettlement, citizens working abroad and the Paryz contest;
//! `notifications.ftl` for contact details, one-time links and notifications; `uploads.ftl` for
//! the analysts' upload preview; `officers.ftl` for the officers' and administrators' tools
//! (paging, sorting, exports, the audit log's actions in words); `exports.ftl` for the
//! downloads for spreadsheets (their links and column headings); `menu.ftl` for the main menu's
//! groups by task; `demo.ftl` for the demo's own texts, which `ashyq demo --language` writes
//! into the database in one language; `documents.ftl` for decisions as documents (the PDFs and
//! the check of their verification codes); `refusals.ftl` for refusals, forbidden acts and bad
//! fields said by their codes (`ashyq_core::said`).

use crate::cookies;
use axum::http::HeaderMap;
use axum::http::header::ACCEPT_LANGUAGE;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// A language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    Kk,
    Ru,
    En,
}

impl Lang {
    /// The same language as the pure core names it, for its formatters.
    pub fn language(self) -> ashyq_core::locale::Language {
        match self {
            Lang::Kk => ashyq_core::locale::Language::Kk,
            Lang::Ru => ashyq_core::locale::Language::Ru,
            Lang::En => ashyq_core::locale::Language::En,
        }
    }

    /// In the order offered to people: the state language first.
    pub const ALL: [Lang; 3] = [Lang::Kk, Lang::Ru, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Kk => "kk",
            Lang::Ru => "ru",
            Lang::En => "en",
        }
    }

    /// The language's name in itself, for the switch.
    pub fn endonym(self) -> &'static str {
        match self {
            Lang::Kk => "Қазақша",
            Lang::Ru => "Русский",
            Lang::En => "English",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == primary)
    }

    /// The chosen language: the `ashyq_lang` cookie, else the browser's `Accept-Language`
    /// (by preference order), else Kazakh.
    pub fn negotiate(headers: &HeaderMap) -> Lang {
        if let Some(lang) = cookies::get(headers, cookies::LANG).and_then(|c| Lang::from_code(&c)) {
            return lang;
        }
        let accept = headers.get(ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).unwrap_or("");
        let mut offers: Vec<(f32, Lang)> = accept
            .split(',')
            .filter_map(|part| {
                let mut it = part.split(';');
                let lang = Lang::from_code(it.next()?)?;
                let q = it
                    .find_map(|p| p.trim().strip_prefix("q="))
                    .and_then(|q| q.parse::<f32>().ok())
                    .unwrap_or(1.0);
                Some((q, lang))
            })
            .collect();
        offers.sort_by(|a, b| b.0.total_cmp(&a.0));
        offers.first().map_or(Lang::Kk, |(_, l)| *l)
    }
}

/// Every message file of every language: (language, file name, source).
pub const SOURCES: [(Lang, &str, &str); 45] = [
    (Lang::Kk, "ashyq.ftl", include_str!("../../../data/i18n/kk/ashyq.ftl")),
    (Lang::Kk, "cases.ftl", include_str!("../../../data/i18n/kk/cases.ftl")),
    (Lang::Kk, "applications.ftl", include_str!("../../../data/i18n/kk/applications.ftl")),
    (Lang::Kk, "kandas.ftl", include_str!("../../../data/i18n/kk/kandas.ftl")),
    (Lang::Kk, "abroad.ftl", include_str!("../../../data/i18n/kk/abroad.ftl")),
    (Lang::Kk, "paryz.ftl", include_str!("../../../data/i18n/kk/paryz.ftl")),
    (Lang::Kk, "notifications.ftl", include_str!("../../../data/i18n/kk/notifications.ftl")),
    (Lang::Kk, "uploads.ftl", include_str!("../../../data/i18n/kk/uploads.ftl")),
    (Lang::Kk, "officers.ftl", include_str!("../../../data/i18n/kk/officers.ftl")),
    (Lang::Kk, "exports.ftl", include_str!("../../../data/i18n/kk/exports.ftl")),
    (Lang::Kk, "menu.ftl", include_str!("../../../data/i18n/kk/menu.ftl")),
    (Lang::Kk, "demo.ftl", include_str!("../../../data/i18n/kk/demo.ftl")),
    (Lang::Kk, "documents.ftl", include_str!("../../../data/i18n/kk/documents.ftl")),
    (Lang::Kk, "refusals.ftl", include_str!("../../../data/i18n/kk/refusals.ftl")),
    (Lang::Kk, "policy_errors.ftl", include_str!("../../../data/i18n/kk/policy_errors.ftl")),
    (Lang::Ru, "ashyq.ftl", include_str!("../../../data/i18n/ru/ashyq.ftl")),
    (Lang::Ru, "cases.ftl", include_str!("../../../data/i18n/ru/cases.ftl")),
    (Lang::Ru, "applications.ftl", include_str!("../../../data/i18n/ru/applications.ftl")),
    (Lang::Ru, "kandas.ftl", include_str!("../../../data/i18n/ru/kandas.ftl")),
    (Lang::Ru, "abroad.ftl", include_str!("../../../data/i18n/ru/abroad.ftl")),
    (Lang::Ru, "paryz.ftl", include_str!("../../../data/i18n/ru/paryz.ftl")),
    (Lang::Ru, "notifications.ftl", include_str!("../../../data/i18n/ru/notifications.ftl")),
    (Lang::Ru, "uploads.ftl", include_str!("../../../data/i18n/ru/uploads.ftl")),
    (Lang::Ru, "officers.ftl", include_str!("../../../data/i18n/ru/officers.ftl")),
    (Lang::Ru, "exports.ftl", include_str!("../../../data/i18n/ru/exports.ftl")),
    (Lang::Ru, "menu.ftl", include_str!("../../../data/i18n/ru/menu.ftl")),
    (Lang::Ru, "demo.ftl", include_str!("../../../data/i18n/ru/demo.ftl")),
    (Lang::Ru, "documents.ftl", include_str!("../../../data/i18n/ru/documents.ftl")),
    (Lang::Ru, "refusals.ftl", include_str!("../../../data/i18n/ru/refusals.ftl")),
    (Lang::Ru, "policy_errors.ftl", include_str!("../../../data/i18n/ru/policy_errors.ftl")),
    (Lang::En, "ashyq.ftl", include_str!("../../../data/i18n/en/ashyq.ftl")),
    (Lang::En, "cases.ftl", include_str!("../../../data/i18n/en/cases.ftl")),
    (Lang::En, "applications.ftl", include_str!("../../../data/i18n/en/applications.ftl")),
    (Lang::En, "kandas.ftl", include_str!("../../../data/i18n/en/kandas.ftl")),
    (Lang::En, "abroad.ftl", include_str!("../../../data/i18n/en/abroad.ftl")),
    (Lang::En, "paryz.ftl", include_str!("../../../data/i18n/en/paryz.ftl")),
    (Lang::En, "notifications.ftl", include_str!("../../../data/i18n/en/notifications.ftl")),
    (Lang::En, "uploads.ftl", include_str!("../../../data/i18n/en/uploads.ftl")),
    (Lang::En, "officers.ftl", include_str!("../../../data/i18n/en/officers.ftl")),
    (Lang::En, "exports.ftl", include_str!("../../../data/i18n/en/exports.ftl")),
    (Lang::En, "menu.ftl", include_str!("../../../data/i18n/en/menu.ftl")),
    (Lang::En, "demo.ftl", include_str!("../../../data/i18n/en/demo.ftl")),
    (Lang::En, "documents.ftl", include_str!("../../../data/i18n/en/documents.ftl")),
    (Lang::En, "refusals.ftl", include_str!("../../../data/i18n/en/refusals.ftl")),
    (Lang::En, "policy_errors.ftl", include_str!("../../../data/i18n/en/policy_errors.ftl")),
];

/// A whole number argument written the language's way; other values as Fluent writes them.
fn format_number(value: &FluentValue, lang: ashyq_core::locale::Language) -> Option<String> {
    match value {
        FluentValue::Number(n) if n.value.fract() == 0.0 && n.value.abs() < 1e15 => {
            Some(ashyq_core::locale::integer(n.value as i64, lang))
        }
        _ => None,
    }
}

fn format_kk<M>(value: &FluentValue, _: &M) -> Option<String> {
    format_number(value, ashyq_core::locale::Language::Kk)
}

fn format_ru<M>(value: &FluentValue, _: &M) -> Option<String> {
    format_number(value, ashyq_core::locale::Language::Ru)
}

fn format_en<M>(value: &FluentValue, _: &M) -> Option<String> {
    format_number(value, ashyq_core::locale::Language::En)
}

/// A whole number a message counts (`$count`): any integer type, or a reference to one as a
/// template holds it; one beyond `i64` counts as `i64::MAX`.
pub trait Count {
    fn count(&self) -> i64;
}

macro_rules! count {
    ($($t:ty),*) => {$(
        impl Count for $t {
            fn count(&self) -> i64 {
                i64::try_from(*self).unwrap_or(i64::MAX)
            }
        }
    )*};
}

count!(u8, u16, u32, u64, u128, usize, i8, i16, i32, i128, isize);

impl Count for i64 {
    fn count(&self) -> i64 {
        *self
    }
}

impl<T: Count + ?Sized> Count for &T {
    fn count(&self) -> i64 {
        (**self).count()
    }
}

/// The message bundles of all three languages.
pub struct I18n {
    bundles: Vec<(Lang, FluentBundle<FluentResource>)>,
}

impl std::fmt::Debug for I18n {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("I18n")
    }
}

/// A message file that does not parse; names the language and the errors.
#[derive(Debug, thiserror::Error)]
#[error("data/i18n/{lang}/{file}: {errors}")]
pub struct I18nError {
    pub lang: &'static str,
    pub file: &'static str,
    pub errors: String,
}

impl I18n {
    pub fn load() -> Result<I18n, I18nError> {
        let mut bundles = Vec::new();
        for lang in Lang::ALL {
            let langid = lang.code().parse().map_err(|e| I18nError {
                lang: lang.code(),
                file: "-",
                errors: format!("{e:?}"),
            })?;
            let mut bundle = FluentBundle::new_concurrent(vec![langid]);
            // No Unicode isolation marks around arguments: they would show in plain text.
            bundle.set_use_isolating(false);
            // A number argument (a count, for the plural forms) is written the language's way.
            bundle.set_formatter(Some(match lang {
                Lang::Kk => format_kk,
                Lang::Ru => format_ru,
                Lang::En => format_en,
            }));
            for (_, file, source) in SOURCES.iter().filter(|(l, _, _)| *l == lang) {
                let err = |errors: String| I18nError { lang: lang.code(), file, errors };
                let resource =
                    FluentResource::try_new(source.to_string()).map_err(|(_, e)| err(format!("{e:?}")))?;
                // A key defined in two files is an error: one of them would silently be lost.
                bundle.add_resource(resource).map_err(|e| err(format!("{e:?}")))?;
            }
            bundles.push((lang, bundle));
        }
        Ok(I18n { bundles })
    }

    fn bundle(&self, lang: Lang) -> Option<&FluentBundle<FluentResource>> {
        self.bundles.iter().find(|(l, _)| *l == lang).map(|(_, b)| b)
    }

    /// The message `key` in `lang` with named arguments. A missing key shows as the key itself
    /// (and fails the translation tests).
    pub fn message(&self, lang: Lang, key: &str, args: &[(&str, &str)]) -> String {
        let Some(bundle) = self.bundle(lang) else {
            return key.to_string();
        };
        let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
            return key.to_string();
        };
        let mut fargs = FluentArgs::new();
        for (name, value) in args {
            fargs.set(*name, value.to_string());
        }
        let mut errors = Vec::new();
        bundle.format_pattern(pattern, Some(&fargs), &mut errors).into_owned()
    }

    /// The message `key` with a count, as a number, so that the message can choose its plural
    /// form (`{ $count -> [one] … *[other] … }`); the count is written with its thousands grouped.
    pub fn message_count(&self, lang: Lang, key: &str, count: i64, args: &[(&str, &str)]) -> String {
        let Some(bundle) = self.bundle(lang) else {
            return key.to_string();
        };
        let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
            return key.to_string();
        };
        let mut fargs = FluentArgs::new();
        fargs.set("count", FluentValue::from(count));
        for (name, value) in args {
            fargs.set(*name, value.to_string());
        }
        let mut errors = Vec::new();
        bundle.format_pattern(pattern, Some(&fargs), &mut errors).into_owned()
    }

    /// Whether `key` exists in `lang`.
    pub fn has(&self, lang: Lang, key: &str) -> bool {
        self.bundle(lang).is_some_and(|b| b.has_message(key))
    }
}

/// The message keys defined in a Fluent source (for the completeness tests).
pub fn keys(source: &str) -> Vec<String> {
    source
        .lines()
        .filter(|l| l.chars().next().is_some_and(|c| c.is_ascii_lowercase()))
        .filter_map(|l| l.split_once(" =").map(|(k, _)| k.trim().to_string()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn every_message_exists_in_every_language() {
        let i18n = I18n::load().unwrap();
        let all: std::collections::BTreeSet<String> = SOURCES.iter().flat_map(|(_, _, s)| keys(s)).collect();
        assert!(all.len() > 50);
        for lang in Lang::ALL {
            let missing: Vec<&String> = all.iter().filter(|k| !i18n.has(lang, k)).collect();
            assert!(missing.is_empty(), "{} lacks {missing:?}", lang.code());
        }
    }

    #[test]
    fn messages_take_arguments() {
        let i18n = I18n::load().unwrap();
        let s = i18n.message(Lang::Ru, "signed-in-as", &[("name", "Айгүл"), ("role", "Администратор")]);
        assert_eq!(s, "Вы вошли как Айгүл (Администратор)");
        assert_eq!(i18n.message(Lang::En, "no-such-key", &[]), "no-such-key");
    }

    /// A count chooses its plural form in each language, and is written with its thousands
    /// grouped the language's way (a no-break space in Kazakh and Russian, a comma in English).
    #[test]
    fn counts_take_the_plural_forms() {
        let i18n = I18n::load().unwrap();
        let days = |lang, n| i18n.message_count(lang, "reg-warn-overstay", n, &[("since", "01.02.2026")]);
        let cases = [
            (Lang::Ru, 1, "1 день"),
            (Lang::Ru, 2, "2 дня"),
            (Lang::Ru, 5, "5 дней"),
            (Lang::Ru, 11, "11 дней"),
            (Lang::Ru, 21, "21 день"),
            (Lang::Ru, 1234, "1\u{a0}234 дня"),
            (Lang::Kk, 1, "1 күн"),
            (Lang::Kk, 2, "2 күн"),
            (Lang::Kk, 5, "5 күн"),
            (Lang::Kk, 21, "21 күн"),
            (Lang::Kk, 1234, "1\u{a0}234 күн"),
            (Lang::En, 1, "1 day"),
            (Lang::En, 2, "2 days"),
            (Lang::En, 5, "5 days"),
            (Lang::En, 21, "21 days"),
            (Lang::En, 1234, "1,234 days"),
        ];
        for (lang, n, words) in cases {
            let text = days(lang, n);
            assert!(text.ends_with(&format!(": {words}")), "{} {n}: {text}", lang.code());
        }
        assert_eq!(days(Lang::Ru, 27), "Превышение срока с 01.02.2026: 27 дней");
        assert_eq!(days(Lang::Kk, 27), "01.02.2026 бастап мерзімнен асып кету: 27 күн");
        assert_eq!(days(Lang::En, 27), "Overstay since 01.02.2026: 27 days");

        // A noun in another case: "из 1 записи", "из 5 записей", "из 21 записи".
        let chain = |lang, n| i18n.message_count(lang, "audit-intact", n, &[]);
        assert_eq!(chain(Lang::Ru, 1), "Цепочка из 1 записи не нарушена.");
        assert_eq!(chain(Lang::Ru, 3), "Цепочка из 3 записей не нарушена.");
        assert_eq!(chain(Lang::Ru, 21), "Цепочка из 21 записи не нарушена.");
        assert_eq!(chain(Lang::Ru, 1234), "Цепочка из 1\u{a0}234 записей не нарушена.");
        assert_eq!(chain(Lang::En, 1), "The chain of 1 record is intact.");
        assert_eq!(chain(Lang::En, 1234), "The chain of 1,234 records is intact.");
        assert_eq!(chain(Lang::Kk, 1234), "1\u{a0}234 жазбадан тұратын тізбек бұзылмаған.");

        // The verb agrees with the count too.
        let found = |n| i18n.message_count(Lang::Ru, "reg-dash-present", n, &[]);
        assert_eq!(found(1), "Сейчас в стране 1 иностранец");
        assert_eq!(found(4), "Сейчас в стране 4 иностранца");
        assert_eq!(found(12), "Сейчас в стране 12 иностранцев");
        assert_eq!(found(101), "Сейчас в стране 101 иностранец");
        let filed = |n| i18n.message_count(Lang::Ru, "app-report-filed", n, &[("when", "01.02.2026")]);
        assert_eq!(filed(1), "Сдан: обучен 1 специалист (01.02.2026)");
        assert_eq!(filed(2), "Сдан: обучено 2 специалиста (01.02.2026)");
        assert_eq!(filed(25), "Сдан: обучено 25 специалистов (01.02.2026)");
        let minutes = |lang, n| i18n.message_count(lang, "login-throttled", n, &[]);
        assert!(minutes(Lang::Ru, 1).ends_with("через 1 минуту."));
        assert!(minutes(Lang::Ru, 2).ends_with("через 2 минуты."));
        assert!(minutes(Lang::Ru, 15).ends_with("через 15 минут."));
        assert!(minutes(Lang::En, 1).ends_with("in 1 minute."));
        assert!(minutes(Lang::En, 15).ends_with("in 15 minutes."));
        assert!(minutes(Lang::Kk, 15).ends_with("15 минуттан кейін қайталаңыз."));
    }

    /// Every message that chooses by `$count` has the `other` form as its default and only forms
    /// its language has; the Russian ones have `one`, `few` and `many`, the English ones `one`.
    #[test]
    fn count_selectors_have_every_plural_form() {
        use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement, VariantKey};

        /// The variant keys of each `$count` selector in a pattern, and whether `other` is the
        /// default.
        fn selectors<'s>(pattern: &Pattern<&'s str>, out: &mut Vec<(Vec<&'s str>, Option<&'s str>)>) {
            for element in &pattern.elements {
                if let PatternElement::Placeable { expression } = element {
                    expression_selectors(expression, out);
                }
            }
        }
        fn expression_selectors<'s>(e: &Expression<&'s str>, out: &mut Vec<(Vec<&'s str>, Option<&'s str>)>) {
            match e {
                Expression::Select { selector, variants } => {
                    if matches!(selector, InlineExpression::VariableReference { id } if id.name == "count") {
                        let key = |k: &VariantKey<&'s str>| match k {
                            VariantKey::Identifier { name } | VariantKey::NumberLiteral { value: name } => {
                                *name
                            }
                        };
                        let keys = variants.iter().map(|v| key(&v.key)).collect();
                        let default = variants.iter().find(|v| v.default).map(|v| key(&v.key));
                        out.push((keys, default));
                    }
                    for v in variants {
                        selectors(&v.value, out);
                    }
                }
                Expression::Inline(InlineExpression::Placeable { expression }) => {
                    expression_selectors(expression, out)
                }
                Expression::Inline(_) => {}
            }
        }

        let mut seen = 0;
        for (lang, file, source) in SOURCES {
            let resource =
                fluent_syntax::parser::parse(source).unwrap_or_else(|(_, e)| panic!("{file}: {e:?}"));
            for entry in &resource.body {
                let Entry::Message(m) = entry else { continue };
                let mut found = Vec::new();
                for pattern in m.value.iter().chain(m.attributes.iter().map(|a| &a.value)) {
                    selectors(pattern, &mut found);
                }
                let (allowed, required): (&[&str], &[&str]) = match lang {
                    Lang::Kk => (&["one", "other"], &["other"]),
                    Lang::Ru => (&["one", "few", "many", "other"], &["one", "few", "many", "other"]),
                    Lang::En => (&["one", "other"], &["one", "other"]),
                };
                let at = format!("{}/{file}: {}", lang.code(), m.id.name);
                for (keys, default) in found {
                    seen += 1;
                    assert_eq!(default, Some("other"), "{at}: the default form is not `other`");
                    for k in &keys {
                        assert!(allowed.contains(k), "{at}: {k} is not a plural form of the language");
                    }
                    for k in required {
                        assert!(keys.contains(k), "{at}: no [{k}]");
                    }
                }
            }
        }
        assert!(seen > 40, "only {seen} selectors by $count");
    }

    #[test]
    fn language_is_negotiated_cookie_first() {
        let mut h = HeaderMap::new();
        assert_eq!(Lang::negotiate(&h), Lang::Kk);
        h.insert(ACCEPT_LANGUAGE, HeaderValue::from_static("de-DE, en;q=0.5, ru-RU;q=0.9"));
        assert_eq!(Lang::negotiate(&h), Lang::Ru);
        h.insert(axum::http::header::COOKIE, HeaderValue::from_static("ashyq_lang=en"));
        assert_eq!(Lang::negotiate(&h), Lang::En);
        h.insert(axum::http::header::COOKIE, HeaderValue::from_static("ashyq_lang=xx"));
        assert_eq!(Lang::negotiate(&h), Lang::Ru);
    }
}
