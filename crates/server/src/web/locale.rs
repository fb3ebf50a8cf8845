//! Numbers, money, percentages, dates, times and legal citations as the page's language writes
//! them: `page.date(d)`, `page.money(amount, "KZT")`, `page.cite(basis)`. One formatter for every
//! page and mail ([`ashyq_core::locale`]); templates call these instead of printing a value.

use crate::i18n::{Count, I18n, Lang};
use crate::web::page::Page;
use ashyq_core::locale;
use ashyq_core::money::Tenge;
use ashyq_core::policy::LegalBasis;
use ashyq_core::said::{Said, Value};
use jiff::Timestamp;
use jiff::civil::Date;
use rust_decimal::Decimal;

impl Page {
    /// A civil date: `06.12.2026` (kk, ru), `6 Dec 2026` (en).
    pub fn date(&self, d: Date) -> String {
        locale::date(d, self.lang.language())
    }

    /// A date the store keeps as `YYYY-MM-DD`; any other text as it is.
    pub fn iso_date(&self, iso: &str) -> String {
        locale::iso_date(iso, self.lang.language())
    }

    /// An optional civil date, or a dash.
    pub fn date_or_dash(&self, d: &Option<Date>) -> String {
        d.map_or_else(|| "—".to_string(), |d| self.date(d))
    }

    /// An optional `YYYY-MM-DD` date, or a dash.
    pub fn iso_date_or_dash(&self, iso: &Option<String>) -> String {
        iso.as_deref().filter(|s| !s.is_empty()).map_or_else(|| "—".to_string(), |s| self.iso_date(s))
    }

    /// An instant on Kazakhstan's clock, to the minute.
    pub fn instant(&self, t: Timestamp) -> String {
        instant(t, self.lang)
    }

    /// [`Page::instant`] of a time the store still hands over as microseconds since the epoch
    /// (the labour imports' and previews', the register's merges, until those modules are
    /// typed); empty out of the range of time.
    pub fn instant_us(&self, us: i64) -> String {
        ashyq_store::codec::ts_from_us(us).map(|t| self.instant(t)).unwrap_or_default()
    }

    /// The same to the second, for the audit log.
    pub fn instant_seconds(&self, t: Timestamp) -> String {
        locale::date_time_seconds(
            ashyq_store::zoned(t, ashyq_core::zone::COUNTRY).datetime(),
            self.lang.language(),
        )
    }

    /// An instant to the microsecond, with the offset then in force (see [`instant_exact`]).
    pub fn instant_exact(&self, t: Timestamp) -> String {
        instant_exact(t, self.lang)
    }

    /// A whole number, thousands grouped: a second count in a sentence whose first chose the
    /// plural form (`page.tc`).
    pub fn integer(&self, n: impl Count) -> String {
        locale::integer(n.count(), self.lang.language())
    }

    /// A number, thousands grouped, at most four decimals.
    pub fn number(&self, d: Decimal) -> String {
        locale::number(d, self.lang.language())
    }

    /// Money in a currency named by its ISO code (`KZT`, `USD`).
    pub fn money(&self, amount: Decimal, currency: &str) -> String {
        locale::money(amount, currency, self.lang.language())
    }

    /// An amount of tenge: `2 768 000 ₸`.
    pub fn tenge(&self, amount: Tenge) -> String {
        self.money(amount.to_decimal(), Tenge::CODE)
    }

    /// A share (0.125) as a percentage: `12,5 %` (kk, ru), `12.5%` (en).
    pub fn percent(&self, share: Decimal, places: u32) -> String {
        locale::percent(share, places, self.lang.language())
    }

    /// A legal citation: the act, article and paragraph in the page's language.
    pub fn cite(&self, basis: &LegalBasis) -> String {
        basis.cite_in(self.lang.language())
    }
}

/// An instant on Kazakhstan's clock (Asia/Almaty in the tz database: UTC+6 until 1 March 2024,
/// UTC+5 since), to the minute, in `lang`.
pub fn instant(t: Timestamp, lang: Lang) -> String {
    locale::date_time(ashyq_store::zoned(t, ashyq_core::zone::COUNTRY).datetime(), lang.language())
}

/// An instant to the microsecond with the offset then in force, for the published times a
/// round's tie-break compares (two profiles may be a second apart):
/// `07.12.2026 13:37:18,571173 (UTC+5)`.
pub fn instant_exact(t: Timestamp, lang: Lang) -> String {
    let t = ashyq_store::zoned(t, ashyq_core::zone::COUNTRY);
    let point = if lang == Lang::En { '.' } else { ',' };
    let micro = t.subsec_nanosecond() / 1000;
    let offset = ashyq_core::zone::offset_label(t.offset());
    format!("{}{point}{micro:06} ({offset})", locale::date_time_seconds(t.datetime(), lang.language()))
}

/// A passport in `lang`: its issuing country by name, and its number ("Узбекистан, № AA7645296").
/// The pages and the documents both write it so.
pub fn passport(i18n: &I18n, lang: Lang, alpha3: &str, number: &str) -> String {
    let country = ashyq_core::country::name_of(alpha3, lang.code());
    i18n.message(lang, "passport-of", &[("country", &country), ("number", number)])
}

/// A parameter's value with its unit (`Unit::as_str`) in `lang`: tenge and dollars as money
/// (`5 709 000 ₸`, `US$300,000`), a count bare, anything else with its unit's word (`180 дн.`).
/// The decision checks, a kandas family's subsidies and the documents all write figures so.
pub fn quantity(i18n: &I18n, lang: Lang, value: Decimal, unit: &str) -> String {
    match unit {
        "count" => locale::number(value, lang.language()),
        "KZT" | "USD" => locale::money(value, unit, lang.language()),
        u => {
            let key = format!("ec-unit-{u}");
            let word = if i18n.has(lang, &key) { i18n.message(lang, &key, &[]) } else { u.to_string() };
            format!("{} {word}", locale::number(value, lang.language()))
        }
    }
}

/// A date as a page may hold it: a civil date, or the store's `YYYY-MM-DD` text, or neither.
pub trait DateText {
    fn in_lang(&self, lang: ashyq_core::locale::Language) -> String;
}

impl DateText for Date {
    fn in_lang(&self, lang: ashyq_core::locale::Language) -> String {
        locale::date(*self, lang)
    }
}

impl DateText for str {
    fn in_lang(&self, lang: ashyq_core::locale::Language) -> String {
        locale::iso_date(self, lang)
    }
}

impl DateText for String {
    fn in_lang(&self, lang: ashyq_core::locale::Language) -> String {
        locale::iso_date(self, lang)
    }
}

impl<T: DateText + ?Sized> DateText for &T {
    fn in_lang(&self, lang: ashyq_core::locale::Language) -> String {
        (**self).in_lang(lang)
    }
}

impl<T: DateText> DateText for Option<T> {
    fn in_lang(&self, lang: ashyq_core::locale::Language) -> String {
        self.as_ref().map_or_else(String::new, |d| d.in_lang(lang))
    }
}

impl Page {
    /// Any date a view holds (a civil date, `YYYY-MM-DD` text, optional) in the page's way:
    /// what templates write as `{{ page.d(x.until) }}`.
    pub fn d<T: DateText + ?Sized>(&self, date: &T) -> String {
        date.in_lang(self.lang.language())
    }
}

impl Page {
    /// A country (alpha-3 code) by its name in the page's language; an unknown code as it is.
    pub fn country(&self, alpha3: &str) -> String {
        ashyq_core::country::by_alpha3(alpha3)
            .map_or_else(|| alpha3.to_string(), |c| c.name(self.lang.code()).to_string())
    }

    /// A region (`KZ-75`) by its name; an unknown code as it is, a blank as a dash.
    pub fn region(&self, code: &str) -> String {
        if code.trim().is_empty() {
            return "—".to_string();
        }
        ashyq_core::region::by_code(code)
            .map_or_else(|| code.to_string(), |r| r.name(self.lang.code()).to_string())
    }

    /// A passport: its issuing country by name, and its number.
    pub fn passport(&self, alpha3: &str, number: &str) -> String {
        passport(self.i18n(), self.lang, alpha3, number)
    }

    /// A parameter's value with its unit: money the language's way, a count bare.
    pub fn quantity(&self, value: Decimal, unit: &str) -> String {
        quantity(self.i18n(), self.lang, value, unit)
    }

    /// A span of dates, `01.01.2026 – 31.12.2026`.
    pub fn span<A: DateText + ?Sized, B: DateText + ?Sized>(&self, from: &A, until: &B) -> String {
        format!("{} – {}", self.d(from), self.d(until))
    }
}

impl Page {
    /// A [`Said`] in the page's language: its message by code, each argument the page's way (a
    /// date as a date, a region by name, a count named `count` choosing the plural form).
    pub fn said(&self, s: &Said) -> String {
        said(self.i18n(), self.lang, s)
    }
}

/// A [`Said`] in `lang` (see [`Page::said`]); a code the Fluent files lack, as its English.
pub fn said(i18n: &I18n, lang: Lang, s: &Said) -> String {
    if !i18n.has(lang, &s.code) {
        return s.english.clone();
    }
    let language = lang.language();
    let args: Vec<(&str, String)> = s
        .args
        .iter()
        .filter(|(name, _)| name != "count")
        .map(|(name, value)| {
            let text = match value {
                Value::Text(t) => t.clone(),
                Value::Count(n) => locale::integer(*n, language),
                Value::Number(d) => locale::number(*d, language),
                Value::Money(d, currency) => locale::money(*d, currency, language),
                Value::Date(d) => locale::date(*d, language),
                Value::Region(code) => ashyq_core::region::name_of(code, lang.code()),
                Value::Country(code) => ashyq_core::country::name_of(code, lang.code()),
                Value::Word(key) => i18n.message(lang, key, &[]),
            };
            (name.as_str(), text)
        })
        .collect();
    let args: Vec<(&str, &str)> = args.iter().map(|(n, v)| (*n, v.as_str())).collect();
    match s.arg("count") {
        Some(Value::Count(n)) => i18n.message_count(lang, &s.code, *n, &args),
        _ => i18n.message(lang, &s.code, &args),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_shown_in_kazakhstan() {
        // 2026-11-21T19:18:59.685719Z is past midnight in Kazakhstan.
        let at: Timestamp = "2026-11-21T19:18:59.685719Z".parse().unwrap();
        assert_eq!(instant(at, Lang::Ru), "22.11.2026 00:18");
        assert_eq!(instant(at, Lang::En), "22 Nov 2026, 00:18");
        assert_eq!(instant_exact(at, Lang::Kk), "22.11.2026 00:18:59,685719 (UTC+5)");
        assert_eq!(instant_exact(at, Lang::En), "22 Nov 2026, 00:18:59.685719 (UTC+5)");
        // Before 1 March 2024 Almaty kept UTC+6: 18:30 UTC was already the next day.
        let before: Timestamp = "2023-05-14T18:30:00Z".parse().unwrap();
        assert_eq!(instant(before, Lang::Ru), "15.05.2023 00:30");
        assert_eq!(instant_exact(before, Lang::Ru), "15.05.2023 00:30:00,000000 (UTC+6)");
    }
}
