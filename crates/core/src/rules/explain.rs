//! Plain-language explanations of decisions in Kazakh, Russian and English, from Fluent files
//! compiled in (`data/i18n/{kk,ru,en}/rules.ftl`). A check's message is chosen by its rule,
//! result and note — `pr-solvency-applicant--failed--short` — and quotes the check's figures,
//! formatted the way each language writes numbers, money and dates.
//!
//! Rendering is kept apart from deciding: a decision is made without text (the simulation and
//! the benchmark make millions), and explained when it is shown.

use super::catalogue::Programme;
use super::decision::{Arg, Check, Decision, Effect, Outcome, PermitAction, Validity};
use crate::policy::LegalBasis;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use jiff::civil::Date;
use rust_decimal::Decimal;
use serde::Serialize;
use std::sync::OnceLock;

pub use crate::locale::Language;

pub const SOURCES: [(Language, &str); 3] = [
    (Language::Kk, include_str!("../../../../data/i18n/kk/rules.ftl")),
    (Language::Ru, include_str!("../../../../data/i18n/ru/rules.ftl")),
    (Language::En, include_str!("../../../../data/i18n/en/rules.ftl")),
];

pub use crate::locale::Texts;

struct Bundles(Vec<(Language, FluentBundle<FluentResource>)>);

/// The bundles, built on first use. A file that does not parse leaves its language empty (every
/// message then shows as its id) — and fails `every_message_parses` in the tests.
fn bundles() -> &'static Bundles {
    static B: OnceLock<Bundles> = OnceLock::new();
    B.get_or_init(|| {
        let mut out = Vec::new();
        for (lang, source) in SOURCES {
            let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(partial, _)| partial);
            let Ok(langid) = lang.code().parse() else { continue };
            let mut bundle = FluentBundle::new_concurrent(vec![langid]);
            bundle.set_use_isolating(false);
            // A whole number (a count of days, years, persons) is passed as a number, so that a
            // message can choose its plural form by it; it is written the language's way.
            bundle.set_formatter(Some(match lang {
                Language::Kk => format_kk,
                Language::Ru => format_ru,
                Language::En => format_en,
            }));
            // Duplicate ids are reported by the tests; the first definition stays.
            let _ = bundle.add_resource(resource);
            out.push((lang, bundle));
        }
        Bundles(out)
    })
}

/// A whole number argument written the language's way; other values as Fluent writes them.
fn format_number(value: &FluentValue, lang: Language) -> Option<String> {
    match value {
        FluentValue::Number(n) if n.value.fract() == 0.0 && n.value.abs() < 1e15 => {
            Some(crate::locale::integer(n.value as i64, lang))
        }
        _ => None,
    }
}

fn format_kk<M>(value: &FluentValue, _: &M) -> Option<String> {
    format_number(value, Language::Kk)
}

fn format_ru<M>(value: &FluentValue, _: &M) -> Option<String> {
    format_number(value, Language::Ru)
}

fn format_en<M>(value: &FluentValue, _: &M) -> Option<String> {
    format_number(value, Language::En)
}

/// The message `id` in `lang`, or `None` if the file lacks it.
pub fn message(lang: Language, id: &str, args: &[(&str, String)]) -> Option<String> {
    let mut fargs = FluentArgs::new();
    for (k, v) in args {
        fargs.set(*k, v.clone());
    }
    format(lang, id, &fargs)
}

fn format(lang: Language, id: &str, args: &FluentArgs) -> Option<String> {
    let (_, bundle) = bundles().0.iter().find(|(l, _)| *l == lang)?;
    let pattern = bundle.get_message(id)?.value()?;
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(args), &mut errors).into_owned();
    Some(text)
}

/// A check's figure that is a whole number (a count, or a parameter such as 10 years), for a
/// message to choose its plural form by (`{ $years -> [one] … *[other] … }`).
fn whole(arg: &Arg) -> Option<i64> {
    match arg {
        Arg::Count(n) => Some(*n),
        Arg::Number(d) if d.fract().is_zero() => i64::try_from(*d).ok(),
        _ => None,
    }
}

fn message_or_id(lang: Language, id: &str, args: &[(&str, String)]) -> String {
    message(lang, id, args).unwrap_or_else(|| id.to_string())
}

/// The message id of a rule with a suffix: `pr.solvency.applicant` + `failed` → `pr-solvency-applicant--failed`.
pub fn rule_message_id(rule: &str, suffix: &str) -> String {
    format!("{}--{suffix}", rule.replace('.', "-"))
}

/// The message id a check is explained by.
pub fn check_message_id(check: &Check<'_>) -> String {
    if matches!(check.note, "repealed" | "not_in_force") {
        return format!("rule--{}", check.note);
    }
    let mut id = rule_message_id(check.rule, check.result.as_str());
    if !check.note.is_empty() {
        id.push_str("--");
        id.push_str(check.note);
    }
    id
}

/// A rule's short title.
pub fn title(rule: &str, lang: Language) -> String {
    message_or_id(lang, &rule_message_id(rule, "title"), &[])
}

/// The explanation of one check.
pub fn explain(check: &Check<'_>, lang: Language) -> String {
    let mut args = FluentArgs::new();
    for (k, v) in &check.values {
        match whole(v) {
            Some(n) => args.set(*k, FluentValue::from(n)),
            None => args.set(*k, format_arg(v, lang)),
        }
    }
    args.set("title", title(check.rule, lang));
    let id = check_message_id(check);
    let mut text = format(lang, &id, &args).unwrap_or(id);
    if let Some(w) = check.waived {
        let effect = match w.effect {
            Effect::Waive => "waived--waive",
            Effect::Refer => "waived--refer",
        };
        text.push(' ');
        text.push_str(&message_or_id(lang, effect, &[("exception", title(w.by, lang))]));
    }
    text
}

/// The one-line summary of a decision.
pub fn summary(d: &Decision<'_>, lang: Language) -> String {
    let mut args = vec![("programme", title(d.programme.rule(), lang))];
    if let Some(v) = &d.validity {
        args.push(("until", format_date(v.until, lang)));
    }
    let id = match (d.outcome, &d.validity, d.permit_action) {
        (_, _, Some(PermitAction::Keep)) => "outcome--keep",
        (_, _, Some(PermitAction::Cancel)) => "outcome--cancel",
        (_, _, Some(PermitAction::Review)) => "outcome--review",
        (Outcome::Eligible, Some(_), _) => "outcome--eligible-until",
        (Outcome::Eligible, None, _) => "outcome--eligible",
        (Outcome::Ineligible, _, _) => "outcome--ineligible",
        (Outcome::NeedsOfficer, _, _) => "outcome--needs_officer",
    };
    message_or_id(lang, id, &args)
}

pub fn format_arg(arg: &Arg, lang: Language) -> String {
    match arg {
        Arg::Money(amount, currency) => format_money(*amount, Arg::currency(currency), lang),
        Arg::Number(d) => format_decimal(*d, lang),
        Arg::Count(n) => format_decimal(Decimal::from(*n), lang),
        Arg::Date(d) => format_date(*d, lang),
        Arg::Text(t) => t.clone(),
        Arg::Code(c) => c.to_string(),
        Arg::Region(c) => crate::region::name_of(c, lang.code()),
        Arg::Country(c) => crate::country::name_of(c, lang.code()),
        Arg::Word(w) => word(w, lang),
        Arg::Words(ws) => ws.iter().map(|w| word(w, lang)).collect::<Vec<_>>().join(", "),
    }
}

fn word(w: &str, lang: Language) -> String {
    message(lang, &format!("word--{w}"), &[]).unwrap_or_else(|| w.to_string())
}

/// A number as the language writes it (see [`crate::locale::number`]).
pub fn format_decimal(d: Decimal, lang: Language) -> String {
    crate::locale::number(d, lang)
}

pub fn format_money(amount: Decimal, currency: &str, lang: Language) -> String {
    crate::locale::money(amount, currency, lang)
}

pub fn format_date(d: Date, lang: Language) -> String {
    crate::locale::date(d, lang)
}

/// A check with its title and explanation in the three languages.
#[derive(Debug, Clone, Serialize)]
pub struct ExplainedCheck<'a, 'p> {
    #[serde(flatten)]
    pub check: &'a Check<'p>,
    pub title: Texts,
    pub explanation: Texts,
}

/// A decision as shown and served: with a summary, the rules a refusal rests on, and every
/// check explained.
#[derive(Debug, Clone, Serialize)]
pub struct Explained<'a, 'p> {
    pub programme: Programme,
    pub on: Date,
    pub policy_edition: &'p str,
    pub outcome: Outcome,
    pub summary: Texts,
    pub basis: &'p LegalBasis,
    /// The base conditions that failed and were not set aside.
    pub failing_rules: Vec<&'static str>,
    /// The checks an officer must judge.
    pub referred_rules: Vec<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub validity: Option<&'a Validity>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub permit_action: Option<PermitAction>,
    pub checks: Vec<ExplainedCheck<'a, 'p>>,
}

pub fn explained<'a, 'p>(d: &'a Decision<'p>) -> Explained<'a, 'p> {
    Explained {
        programme: d.programme,
        on: d.on,
        policy_edition: d.policy_edition,
        outcome: d.outcome,
        summary: Texts::of(|l| summary(d, l)),
        basis: d.basis,
        failing_rules: d.failing_rules(),
        referred_rules: d.referred_rules(),
        validity: d.validity.as_ref(),
        permit_action: d.permit_action,
        checks: d
            .checks
            .iter()
            .map(|c| ExplainedCheck {
                check: c,
                title: Texts::of(|l| title(c.rule, l)),
                explanation: Texts::of(|l| explain(c, l)),
            })
            .collect(),
    }
}
