//! Numbers, money, percentages, dates, times and legal citations as the page's language writes
//! them: `page.date(d)`, `page.money(amount, "KZT")`, `page.cite(basis)`. One formatter for every
//! page and mail ([`ashyq_core::locale`]); templates call these instead of printing a value.

use crate::web::page::Page;
use ashyq_core::locale;
use ashyq_core::policy::LegalBasis;
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

    /// An optional `YYYY-MM-DD` date, or a dash.
    pub fn iso_date_or_dash(&self, iso: &Option<String>) -> String {
        iso.as_deref().filter(|s| !s.is_empty()).map_or_else(|| "—".to_string(), |s| self.iso_date(s))
    }

    /// An instant (microseconds since the epoch) on Kazakhstan's clock, to the minute.
    pub fn instant(&self, us: i64) -> String {
        ashyq_store::zoned(us, ashyq_core::zone::COUNTRY)
            .map(|t| locale::date_time(t.datetime(), self.lang.language()))
            .unwrap_or_default()
    }

    /// The same to the second, for the audit log.
    pub fn instant_seconds(&self, us: i64) -> String {
        ashyq_store::zoned(us, ashyq_core::zone::COUNTRY)
            .map(|t| locale::date_time_seconds(t.datetime(), self.lang.language()))
            .unwrap_or_default()
    }

    /// An instant to the microsecond with the offset then in force, for the published times a
    /// round's tie-break compares (two profiles may be a second apart):
    /// `07.12.2026 13:37:18,571173 (UTC+5)`.
    pub fn instant_exact(&self, us: i64) -> String {
        ashyq_store::zoned(us, ashyq_core::zone::COUNTRY)
            .map(|t| {
                let lang = self.lang.language();
                let point = if lang == locale::Language::En { '.' } else { ',' };
                let micro = t.subsec_nanosecond() / 1000;
                let offset = ashyq_core::zone::offset_label(t.offset());
                format!("{}{point}{micro:06} ({offset})", locale::date_time_seconds(t.datetime(), lang))
            })
            .unwrap_or_default()
    }

    /// A number, thousands grouped, at most four decimals.
    pub fn number(&self, d: Decimal) -> String {
        locale::number(d, self.lang.language())
    }

    /// A whole number, thousands grouped.
    pub fn int(&self, n: i64) -> String {
        locale::integer(n, self.lang.language())
    }

    /// A float with exactly `places` decimals.
    pub fn float(&self, x: f64, places: u32) -> String {
        locale::float(x, places, self.lang.language())
    }

    /// Money in a currency named by its ISO code (`KZT`, `USD`).
    pub fn money(&self, amount: Decimal, currency: &str) -> String {
        locale::money(amount, currency, self.lang.language())
    }

    /// Whole tenge, as the store keeps them.
    pub fn tenge(&self, amount: i64) -> String {
        locale::money(Decimal::from(amount), "KZT", self.lang.language())
    }

    /// A share (0.125) as a percentage: `12,5 %` (kk, ru), `12.5%` (en).
    pub fn percent(&self, share: Decimal, places: u32) -> String {
        locale::percent(share, places, self.lang.language())
    }

    /// A share given as a float.
    pub fn percent_f(&self, share: f64, places: u32) -> String {
        match Decimal::from_f64_retain(share) {
            Some(d) if share.is_finite() => self.percent(d, places),
            _ => "–".to_string(),
        }
    }

    /// A legal citation: the act, article and paragraph in the page's language.
    pub fn cite(&self, basis: &LegalBasis) -> String {
        basis.cite_in(self.lang.language())
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
        self.tn("passport-of", &[("country", &self.country(alpha3)), ("number", number)])
    }

    /// A span of dates, `01.01.2026 – 31.12.2026`.
    pub fn span<A: DateText + ?Sized, B: DateText + ?Sized>(&self, from: &A, until: &B) -> String {
        format!("{} – {}", self.d(from), self.d(until))
    }
}
