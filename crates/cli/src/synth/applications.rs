//! A generator of synthetic applications for the five programmes (permanent residence, the
//! valuable-skills, investor and Ata zholy visas, refugee status), written as JSON Lines:
//!
//! ```text
//! {"reference":"APP-0000001","programme":"permanent-residence","on":"2025-03-14","facts":{…}}
//! ```
//!
//! `facts` has exactly the shape the core's facts structs read (`ashyq_core::rules::Facts`);
//! the values are drawn so that every rule's boundary is crossed: funds and investments around
//! what the policy requires on the date (taken from the policy compiled in, so the amounts
//! follow the MCI of each year and each region's price of housing), family members around the
//! age of 16, bank certificates around 180 days old, points around the grid's minimum, arrivals
//! around the refugee deadline. Deterministic for a seed: one ChaCha8 stream, drawn line by line.

use anyhow::{Context, bail, ensure};
use ashyq_core::ids::Bin;
use ashyq_core::policy::Policy;
use jiff::ToSpan;
use jiff::civil::Date;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde_json::{Value, json};
use std::io::Write;

/// What to generate.
#[derive(Debug, Clone, PartialEq)]
pub struct ApplicationsOptions {
    pub count: u64,
    pub seed: u64,
    /// Application dates are drawn uniformly from `first` to `last`, both included.
    pub first: Date,
    pub last: Date,
}

/// The default period: every programme is in force throughout (the investor and
/// valuable-skills visas from 2024-11-17).
pub const DEFAULT_FIRST: Date = jiff::civil::date(2025, 1, 1);
pub const DEFAULT_LAST: Date = jiff::civil::date(2026, 11, 20);

impl Default for ApplicationsOptions {
    fn default() -> ApplicationsOptions {
        ApplicationsOptions { count: 10_000, seed: 2026, first: DEFAULT_FIRST, last: DEFAULT_LAST }
    }
}

/// The share of each programme among the applications.
pub const MIX: [(&str, f64); 5] = [
    ("permanent-residence", 0.40),
    ("valuable-skills-visa", 0.15),
    ("investor-visa", 0.15),
    ("ata-zholy", 0.15),
    ("refugee", 0.15),
];

/// Writes `count` applications as JSON Lines:
/// `{"reference": "APP-0000001", "programme": "<id>", "on": "YYYY-MM-DD", "facts": {...}}`.
/// Returns the number of lines written.
pub fn write(options: &ApplicationsOptions, out: &mut impl Write) -> anyhow::Result<u64> {
    let mut g = Generator::new(options)?;
    let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
    let mut line = Vec::with_capacity(1024);
    for n in 1..=options.count {
        line.clear();
        g.line(n, &mut line)?;
        out.write_all(&line).context("cannot write the applications")?;
    }
    out.flush().context("cannot write the applications")?;
    Ok(options.count)
}

/// Kazakh companies' names, for the recipients of investments.
const COMPANIES: &[&str] = &[
    "Altyn Dala",
    "Steppe Energy",
    "Qazaq Agro",
    "Tengri Logistics",
    "Baiterek Invest",
    "Nomad Tech",
    "Caspian Mining",
    "Zhetysu Foods",
    "Astana Digital",
    "Saryarka Build",
    "Aral Textile",
    "Kokshe Pharma",
];
const FOREIGN_COMPANIES: &[&str] =
    &["Silk Road Holdings Ltd", "Eurasia Capital GmbH", "Orient Ventures LLC", "Bosphorus Yatirim AS"];
const LANGUAGES: &[&str] = &["en", "ru", "kk", "de", "fr", "zh", "tr", "es", "ar", "ko", "uz", "ja"];
const GROUNDS: &[&str] = &["race", "religion", "nationality", "social_group", "political_opinion"];
const DELAY_REASONS: &[&str] = &[
    "illness on arrival",
    "hospitalised after crossing the border",
    "no interpreter was available",
    "held at the border crossing",
    "did not know the procedure",
];
const AZ_COUNTRIES: &[(&str, f64)] = &[
    ("MNG", 0.24),
    ("CHN", 0.24),
    ("UZB", 0.20),
    ("RUS", 0.14),
    ("TUR", 0.06),
    ("AFG", 0.04),
    ("IRN", 0.04),
    ("KAZ", 0.04),
];

/// A rough tenge per US dollar and US dollars per euro, only to draw amounts near the investor
/// threshold (the decision converts at the official rates).
const KZT_PER_USD: f64 = 500.0;
const USD_PER_EUR: f64 = 1.08;
/// Investments are not drawn before this date.
const FIRST_INVESTMENT: Date = jiff::civil::date(2024, 1, 1);

struct Generator {
    rng: ChaCha8Rng,
    first: Date,
    days: i64,
    /// The cumulative shares of [`MIX`].
    mix: [f64; 5],
    /// Per day of the period: the solvency each adult proves, in tiyn (1,320 MCI of the day).
    required_tiyn: Vec<i64>,
    /// Per region, per day: tenge per person of the housing norm (norm × price per m²).
    housing_per_person: Vec<Vec<f64>>,
    regions: Vec<&'static str>,
    /// Unit groups of major group 2, and the others (armed forces left out).
    professional: Vec<String>,
    other: Vec<String>,
}

impl Generator {
    fn new(o: &ApplicationsOptions) -> anyhow::Result<Generator> {
        ensure!(o.first <= o.last, "the first date {} is after the last {}", o.first, o.last);
        let days = i64::from((o.last - o.first).get_days());
        ensure!(days <= 366 * 50, "the period is longer than 50 years");
        let policy = Policy::kz().context("the built-in policy")?;
        let number = |text: String| text.parse::<f64>().with_context(|| format!("{text} is not a number"));
        let mut required_tiyn = Vec::with_capacity(days as usize + 1);
        let regions: Vec<&'static str> = ashyq_core::region::all().iter().map(|r| r.code.as_str()).collect();
        let mut housing_per_person = vec![Vec::with_capacity(days as usize + 1); regions.len()];
        for i in 0..=days {
            let on = o.first.checked_add(i.days()).context("date out of range")?;
            let param = |name: &str| {
                policy
                    .parameters
                    .get(name, on)
                    .map(|u| u.value.to_string())
                    .with_context(|| format!("the policy has no `{name}` on {on}: choose a later period"))
            };
            let required = number(param("pr_solvency_per_applicant")?)? * number(param("mci")?)?;
            required_tiyn.push((required * 100.0).round() as i64);
            let norm = number(param("pr_housing_norm")?)?;
            for (r, code) in regions.iter().enumerate() {
                let price = policy
                    .regional_parameters
                    .get("housing_price_m2", code, on)
                    .map(|u| u.value.to_string())
                    .with_context(|| format!("no price of housing for {code} on {on}"))?;
                housing_per_person[r].push(norm * number(price)?);
            }
        }
        let (mut professional, mut other) = (Vec::new(), Vec::new());
        for g in ashyq_core::occupation::classifier().unit_groups() {
            match g.code.major() {
                '2' => professional.push(g.code.to_string()),
                '0' => {}
                _ => other.push(g.code.to_string()),
            }
        }
        if professional.is_empty() || other.is_empty() {
            bail!("the classifier has no unit groups");
        }
        let mut mix = [0.0; 5];
        let mut acc = 0.0;
        for (slot, (_, share)) in mix.iter_mut().zip(MIX) {
            acc += share;
            *slot = acc;
        }
        Ok(Generator {
            rng: ChaCha8Rng::seed_from_u64(o.seed),
            first: o.first,
            days,
            mix,
            required_tiyn,
            housing_per_person,
            regions,
            professional,
            other,
        })
    }

    /// One line, with its newline.
    fn line(&mut self, n: u64, out: &mut Vec<u8>) -> anyhow::Result<()> {
        let u = self.rng.random::<f64>();
        let programme = self.mix.iter().position(|&c| u < c).unwrap_or(self.mix.len() - 1);
        let day = self.rng.random_range(0..=self.days);
        let on = add_days(self.first, day);
        let day = day as usize;
        let facts = match programme {
            0 => self.permanent_residence(on, day),
            1 => self.valuable_skills(on),
            2 => self.investor(on),
            3 => self.ata_zholy(on),
            _ => self.refugee(on),
        };
        write!(out, r#"{{"reference":"APP-{n:07}","programme":"{}","on":"{on}","facts":"#, MIX[programme].0)?;
        serde_json::to_writer(&mut *out, &facts)?;
        out.extend_from_slice(b"}\n");
        Ok(())
    }

    fn chance(&mut self, p: f64) -> bool {
        self.rng.random_bool(p)
    }

    /// A standard normal draw (Box–Muller).
    fn normal(&mut self) -> f64 {
        let u1 = 1.0 - self.rng.random::<f64>();
        let u2 = self.rng.random::<f64>();
        (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
    }

    /// An index drawn by weight.
    fn weighted(&mut self, weights: &[f64]) -> usize {
        let total: f64 = weights.iter().sum();
        let mut u = self.rng.random::<f64>() * total;
        for (i, w) in weights.iter().enumerate() {
            if u < *w {
                return i;
            }
            u -= w;
        }
        weights.len() - 1
    }

    fn one_of<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.rng.random_range(0..items.len())]
    }

    /// Born so as to be `age` full years old on `on` (any day of that year of life); with
    /// `exact` `Some(0)` the birthday is `on` itself, with `Some(-1)` the day after it (one
    /// day short of the age).
    fn birth_date(&mut self, on: Date, age: i64, exact: Option<i64>) -> Date {
        let birthday = on.checked_sub((age as i16).years()).unwrap_or(on);
        let back = match exact {
            Some(e) => e,
            None => self.rng.random_range(0..=364),
        };
        add_days(birthday, -back)
    }

    /// Expires 1–12 years after the date; about 1 in 100 has expired already and 1 in 200
    /// expires on the date itself (still valid that day).
    fn passport(&mut self, on: Date) -> Date {
        let u = self.rng.random::<f64>();
        if u < 0.01 {
            let back = self.rng.random_range(1..=700);
            return add_days(on, -back);
        }
        if u < 0.015 {
            return on;
        }
        let ahead = self.rng.random_range(365..=12 * 365);
        add_days(on, ahead)
    }

    /// A unit group: of major group 2 with probability `professional`.
    fn occupation(&mut self, professional: f64) -> String {
        if self.chance(professional) {
            let i = self.rng.random_range(0..self.professional.len());
            self.professional[i].clone()
        } else {
            let i = self.rng.random_range(0..self.other.len());
            self.other[i].clone()
        }
    }

    fn region(&mut self) -> usize {
        // Almaty and Astana draw more applicants than the other regions.
        let almaty = self.regions.iter().position(|r| *r == "KZ-75");
        let astana = self.regions.iter().position(|r| *r == "KZ-71");
        let u = self.rng.random::<f64>();
        match (almaty, astana) {
            (Some(a), _) if u < 0.18 => a,
            (_, Some(a)) if u < 0.32 => a,
            _ => self.rng.random_range(0..self.regions.len()),
        }
    }

    /// Funds on a bank account around `required` (tiyn): about 60 % of amounts reach it, 3 %
    /// hold it exactly; 10 % in a foreign bank; the certificate 0–200 days old (so about 10 %
    /// older than 180 days), 1 % dated after the application.
    fn funds(&mut self, on: Date, required: i64) -> Value {
        let amount = if self.chance(0.03) {
            required
        } else {
            let f = (0.03 + 0.10 * self.normal()).exp();
            let t = (required as f64 * f).round() as i64;
            if self.chance(0.3) { t / 100 * 100 } else { t }
        };
        let certified_on = if self.chance(0.01) {
            let ahead = self.rng.random_range(1..=10);
            add_days(on, ahead)
        } else {
            let back = self.rng.random_range(0..=200);
            add_days(on, -back)
        };
        json!({
            "amount_kzt": tiyn(amount),
            "kazakh_bank": !self.chance(0.10),
            "certified_on": certified_on.to_string(),
        })
    }

    fn permanent_residence(&mut self, on: Date, day: usize) -> Value {
        let age = self.rng.random_range(20..=62);
        let birth = self.birth_date(on, age, None);
        let passport = self.passport(on);
        let occupation = if self.chance(0.8) { Value::from(self.occupation(0.55)) } else { Value::Null };
        let required = self.required_tiyn[day];
        let funds = if self.chance(0.07) { Value::Null } else { self.funds(on, required) };
        let applicant = json!({
            "birth_date": birth.to_string(),
            "passport_expiry": passport.to_string(),
            "occupation": occupation,
            "ethnic_kazakh": self.chance(0.10),
            "former_citizen": self.chance(0.03),
            "simplified_citizenship": self.chance(0.02),
            "criminal_record": self.chance(0.02),
            "funds": funds,
        });

        let members = self.weighted(&[0.30, 0.25, 0.20, 0.15, 0.10]);
        let mut family = Vec::with_capacity(members);
        for i in 0..members {
            let (relation, member_age, exact) = if i == 0 && self.chance(0.75) {
                let a = (age as f64 + 4.0 * self.normal()).round() as i64;
                ("spouse", a.clamp(18, 80), None)
            } else if self.chance(0.85) {
                if self.chance(0.4) {
                    // Around the age from which a member proves solvency.
                    let a = self.rng.random_range(15..=17);
                    let exact = if self.chance(0.15) { Some(self.rng.random_range(-1..=0)) } else { None };
                    ("child", a, exact)
                } else {
                    let a = self.rng.random_range(0..=(age - 16).clamp(0, 25));
                    ("child", a, None)
                }
            } else if self.chance(0.8) {
                ("parent", (age + self.rng.random_range(20..=35)).min(95), None)
            } else {
                ("other", self.rng.random_range(10..=70), None)
            };
            let birth = self.birth_date(on, member_age, exact);
            let adult = member_age >= 16;
            let funds = if (adult && self.chance(0.88)) || (!adult && self.chance(0.03)) {
                self.funds(on, required)
            } else {
                Value::Null
            };
            family.push(json!({ "relation": relation, "birth_date": birth.to_string(), "funds": funds }));
        }

        let region = self.region();
        let persons = 1.0 + members as f64;
        let needed = persons * self.housing_per_person[region][day];
        let housing_funds = if self.chance(0.05) {
            Value::Null
        } else {
            let f = (0.05 + 0.15 * self.normal()).exp();
            let t = (needed * 100.0 * f).round() as i64;
            Value::from(tiyn(if self.chance(0.5) { t / 100_000 * 100_000 } else { t }))
        };
        json!({
            "applicant": applicant,
            "family": family,
            "region": self.regions[region],
            "housing": { "provided_by_contract": self.chance(0.30), "funds_kzt": housing_funds },
        })
    }

    fn valuable_skills(&mut self, on: Date) -> Value {
        // One strength behind every factor, so that scores spread over the grid's minimum
        // (about 40 % reach it without the ranking's points, which need a published list).
        let s = 0.6 + self.normal();
        let level = |g: &mut Generator| s + 0.8 * g.normal();
        let e = level(self);
        let education = match e {
            e if e > 0.9 => "doctorate",
            e if e > -0.3 => "master",
            e if e > -1.3 => "bachelor",
            e if e > -1.9 => "vocational",
            e if e > -2.6 => "secondary",
            _ => "none",
        };
        let experience = (9.0 + 5.0 * level(self)).round().clamp(0.0, 40.0) as u32;
        let age = (40.0 - 3.0 * s + 7.0 * self.normal()).round().clamp(24.0, 66.0) as i64;
        let birth = self.birth_date(on, age, None);
        let count = self.weighted(&[0.05, 0.30, 0.40, 0.20, 0.05]);
        let mut codes: Vec<&str> = Vec::with_capacity(count);
        while codes.len() < count {
            let c = *self.one_of(LANGUAGES);
            if !codes.contains(&c) {
                codes.push(c);
            }
        }
        let languages: Vec<Value> = codes
            .into_iter()
            .map(|language| {
                let l = level(self);
                let level = match l {
                    l if l > 1.2 => "C2",
                    l if l > 0.3 => "C1",
                    l if l > -0.5 => "B2",
                    l if l > -1.2 => "B1",
                    l if l > -1.8 => "A2",
                    _ => "A1",
                };
                json!({ "language": language, "level": level })
            })
            .collect();
        let publications = (1.5 + 3.0 * level(self)).round().clamp(0.0, 60.0) as u32;
        let patents = (0.3 + 1.5 * level(self)).round().clamp(0.0, 8.0) as u32;
        let awards = (0.2 + 1.2 * level(self)).round().clamp(0.0, 5.0) as u32;
        let training = if self.chance(0.85) {
            json!({ "trainees_per_year": self.weighted(&[0.05, 0.10, 0.30, 0.25, 0.15, 0.10, 0.05]) })
        } else {
            Value::Null
        };
        json!({
            "birth_date": birth.to_string(),
            "passport_expiry": self.passport(on).to_string(),
            "occupation": self.occupation(0.88),
            "education": education,
            "experience_years": experience,
            "languages": languages,
            "publications": publications,
            "patents": patents,
            "awards": awards,
            "job_offer": self.chance(0.55),
            "training_plan": training,
            "criminal_record": self.chance(0.02),
        })
    }

    fn bin(&mut self, registered: Date) -> String {
        loop {
            let yy = (registered.year() % 100) as u8;
            let mm = registered.month() as u8;
            let mut d = [yy / 10, yy % 10, mm / 10, mm % 10, 4, 0, 0, 0, 0, 0, 0];
            for slot in &mut d[6..] {
                *slot = self.rng.random_range(0..10);
            }
            if let Some(b) = Bin::complete(&d) {
                return b.to_string();
            }
        }
    }

    fn investor(&mut self, on: Date) -> Value {
        let passport = self.passport(on).to_string();
        let criminal = self.chance(0.02);
        let investments: Vec<Value> = if self.chance(0.02) {
            // Exactly the threshold, in one investment in dollars.
            let date = self.investment_date(on);
            vec![self.investment(date, "USD", "300000.00".into(), true)]
        } else {
            let n = 1 + self.weighted(&[0.5, 0.3, 0.2]);
            let total = 300_000.0 * (0.05 + 0.35 * self.normal()).exp();
            let weights: Vec<f64> = (0..n).map(|_| 0.2 + self.rng.random::<f64>()).collect();
            let sum: f64 = weights.iter().sum();
            weights
                .into_iter()
                .map(|w| {
                    let usd = total * w / sum;
                    let date = if self.chance(0.03) {
                        let ahead = self.rng.random_range(1..=20);
                        add_days(on, ahead)
                    } else {
                        self.investment_date(on)
                    };
                    let (currency, amount) = match self.weighted(&[0.70, 0.20, 0.10]) {
                        0 => {
                            let kzt =
                                (usd * KZT_PER_USD * (1.0 + 0.04 * self.normal()) * 100.0).round() as i64;
                            ("KZT", if self.chance(0.5) { kzt / 100_000 * 100_000 } else { kzt })
                        }
                        1 => ("USD", (usd * 100.0).round() as i64),
                        _ => ("EUR", (usd / USD_PER_EUR * 100.0).round() as i64),
                    };
                    let domestic = !self.chance(0.10);
                    self.investment(date, currency, tiyn(amount), domestic)
                })
                .collect()
        };
        json!({ "passport_expiry": passport, "criminal_record": criminal, "investments": investments })
    }

    /// 0–400 days before the date, not before [`FIRST_INVESTMENT`].
    fn investment_date(&mut self, on: Date) -> Date {
        let date = add_days(on, -self.rng.random_range(0..=400));
        if date >= FIRST_INVESTMENT {
            return date;
        }
        let span = FIRST_INVESTMENT.until(on).map(|s| i64::from(s.get_days())).unwrap_or(0).max(0);
        add_days(FIRST_INVESTMENT, self.rng.random_range(0..=span)).min(on.max(FIRST_INVESTMENT))
    }

    fn investment(&mut self, date: Date, currency: &str, amount: String, domestic: bool) -> Value {
        let kind = if self.chance(0.6) { "charter_capital" } else { "securities" };
        let (recipient, bin) = if domestic {
            let name = *self.one_of(COMPANIES);
            let registered = add_days(date, -self.rng.random_range(30..=5000));
            let prefix = if kind == "securities" { "АО" } else { "ТОО" };
            (format!("{prefix} «{name}»"), Value::from(self.bin(registered)))
        } else {
            (self.one_of(FOREIGN_COMPANIES).to_string(), Value::Null)
        };
        json!({
            "kind": kind,
            "recipient": recipient,
            "bin": bin,
            "amount": amount,
            "currency": currency,
            "date": date.to_string(),
        })
    }

    fn ata_zholy(&mut self, on: Date) -> Value {
        let weights: Vec<f64> = AZ_COUNTRIES.iter().map(|c| c.1).collect();
        let country = AZ_COUNTRIES[self.weighted(&weights)].0;
        let occupation = if self.chance(0.65) { Value::from(self.occupation(0.45)) } else { Value::Null };
        let business = if self.chance(0.30) {
            let registered_in =
                if self.chance(0.8) { country } else { AZ_COUNTRIES[self.weighted(&weights)].0 };
            let registered_on = if self.chance(0.03) {
                let ahead = self.rng.random_range(1..=60);
                add_days(on, ahead)
            } else {
                let back = self.rng.random_range(30..=3650);
                add_days(on, -back)
            };
            let name = format!("{} Trade", self.one_of(COMPANIES));
            json!({ "name": name, "country": registered_in, "registered_on": registered_on.to_string() })
        } else {
            Value::Null
        };
        json!({
            "ethnic_kazakh": self.chance(0.90),
            "country_of_residence": country,
            "passport_expiry": self.passport(on).to_string(),
            "occupation": occupation,
            "business_abroad": business,
            "criminal_record": self.chance(0.02),
        })
    }

    fn refugee(&mut self, on: Date) -> Value {
        let days = self.rng.random_range(0..=15);
        let arrival = add_days(on, -days);
        let n = self.weighted(&[0.12, 0.45, 0.28, 0.15]);
        let mut grounds: Vec<&str> = Vec::with_capacity(n);
        while grounds.len() < n {
            let g = *self.one_of(GROUNDS);
            if !grounds.contains(&g) {
                grounds.push(g);
            }
        }
        let late = days > 5;
        let reason = if self.chance(if late { 0.55 } else { 0.05 }) {
            if self.chance(0.02) { Value::from("  ") } else { Value::from(*self.one_of(DELAY_REASONS)) }
        } else {
            Value::Null
        };
        json!({
            "arrival_date": arrival.to_string(),
            "grounds": grounds,
            "delay_reason": reason,
            "exclusion_grounds": self.chance(0.03),
        })
    }
}

/// `date` plus `days` (negative: before), clamped to jiff's range.
fn add_days(date: Date, days: i64) -> Date {
    date.checked_add(days.days()).unwrap_or(if days < 0 { Date::MIN } else { Date::MAX })
}

/// Tiyn as a decimal string of tenge: `519024057` → `"5190240.57"`.
fn tiyn(t: i64) -> String {
    format!("{}.{:02}", t / 100, t % 100)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ashyq_core::labour::published::PublishedLists;
    use ashyq_core::rates::{Currency, Rate, RateTable};
    use ashyq_core::rules::{Context as RuleContext, Facts, Outcome, Programme, evaluate};
    use std::collections::BTreeMap;

    fn generate(count: u64, seed: u64) -> Vec<u8> {
        let options = ApplicationsOptions { count, seed, first: DEFAULT_FIRST, last: DEFAULT_LAST };
        let mut out = Vec::new();
        assert_eq!(write(&options, &mut out).unwrap(), count);
        out
    }

    /// Weekday rates for 2023–2026, near the real ones.
    fn rates() -> RateTable {
        let mut rates = Vec::new();
        let mut d = jiff::civil::date(2023, 1, 1);
        let mut i = 0.0_f64;
        while d <= jiff::civil::date(2026, 12, 31) {
            if d.weekday().to_monday_one_offset() <= 5 {
                let usd = 470.0 + 40.0 * (i / 200.0).sin();
                for (code, rate) in [("USD", usd), ("EUR", usd * 1.08)] {
                    rates.push(Rate {
                        currency: Currency::parse(code).unwrap(),
                        date: d,
                        kzt_per_unit: format!("{rate:.2}").parse().unwrap(),
                    });
                }
            }
            i += 1.0;
            d = d.tomorrow().unwrap();
        }
        RateTable::new(rates).unwrap()
    }

    #[test]
    fn every_line_is_read_by_the_rules_the_mix_holds_and_a_seed_repeats() {
        let text = generate(5_000, 7);
        assert_eq!(text, generate(5_000, 7), "two runs with one seed differ");
        assert_ne!(text, generate(5_000, 8), "two seeds give the same applications");

        let policy = Policy::kz().unwrap();
        let lists = PublishedLists::default();
        let rates = rates();
        let ctx = RuleContext { policy: &policy, lists: &lists, rates: &rates };
        let mut per_programme: BTreeMap<String, u64> = BTreeMap::new();
        let mut outcomes: BTreeMap<(String, Outcome), u64> = BTreeMap::new();
        let mut failing: BTreeMap<&'static str, u64> = BTreeMap::new();
        let mut points = (0, 0);
        let mut lines = 0;
        for (i, line) in std::str::from_utf8(&text).unwrap().lines().enumerate() {
            lines += 1;
            let v: Value = serde_json::from_str(line).unwrap();
            assert_eq!(v["reference"], format!("APP-{:07}", i + 1));
            let id = v["programme"].as_str().unwrap();
            let programme = Programme::parse(id).unwrap();
            let on: Date = v["on"].as_str().unwrap().parse().unwrap();
            assert!((DEFAULT_FIRST..=DEFAULT_LAST).contains(&on), "{on}");
            let facts = Facts::from_value(programme, &v["facts"])
                .unwrap_or_else(|e| panic!("line {}: {e}\n{line}", i + 1));
            let d = evaluate(&facts, on, &ctx).unwrap_or_else(|e| panic!("line {}: {e}\n{line}", i + 1));
            *per_programme.entry(id.to_string()).or_default() += 1;
            *outcomes.entry((id.to_string(), d.outcome)).or_default() += 1;
            for r in d.failing_rules() {
                *failing.entry(r).or_default() += 1;
            }
            if let Some(c) = d.check("vs.points") {
                let score =
                    c.value("score").map(|a| serde_json::to_value(a).unwrap().as_i64().unwrap()).unwrap();
                if score >= 60 { points.0 += 1 } else { points.1 += 1 }
            }
        }
        assert_eq!(lines, 5_000);
        println!(
            "{outcomes:#?}\n{failing:#?}\nvaluable skills at or above 60 points: {}, below: {}",
            points.0, points.1
        );
        for (id, share) in MIX {
            let got = per_programme.get(id).copied().unwrap_or(0) as f64 / 5_000.0;
            assert!((got - share).abs() <= 0.03, "{id}: {got} against {share}");
        }
        // Every programme both grants and refuses; scores straddle the minimum.
        for (id, _) in MIX {
            let n = |o| outcomes.get(&(id.to_string(), o)).copied().unwrap_or(0);
            assert!(n(Outcome::Ineligible) > 0, "{id} never refuses");
            if id != "refugee" {
                assert!(n(Outcome::Eligible) > 0, "{id} never grants");
            }
        }
        let share = points.0 as f64 / f64::from(points.0 + points.1);
        assert!((0.2..=0.8).contains(&share), "{share} of valuable-skills applicants reach 60 points");
        for rule in [
            "pr.solvency.applicant",
            "pr.solvency.family",
            "pr.housing",
            "inv.threshold",
            "rf.deadline",
            "pr.passport",
        ] {
            assert!(failing.contains_key(rule), "no application fails {rule}");
        }
    }

    #[test]
    fn a_period_of_one_day_and_bins_that_check() {
        let on = jiff::civil::date(2026, 2, 28);
        let options = ApplicationsOptions { count: 300, seed: 1, first: on, last: on };
        let mut out = Vec::new();
        write(&options, &mut out).unwrap();
        for line in std::str::from_utf8(&out).unwrap().lines() {
            let v: Value = serde_json::from_str(line).unwrap();
            assert_eq!(v["on"], "2026-02-28");
            for inv in v["facts"]["investments"].as_array().into_iter().flatten() {
                if let Some(bin) = inv["bin"].as_str() {
                    Bin::parse(bin).unwrap();
                }
                let date: Date = inv["date"].as_str().unwrap().parse().unwrap();
                assert!(date >= FIRST_INVESTMENT);
            }
        }
        let bad = ApplicationsOptions { count: 1, seed: 1, first: on, last: jiff::civil::date(2026, 1, 1) };
        assert!(write(&bad, &mut Vec::new()).is_err());
    }
}
