//! What each kind of document says, in the reader's language: a case's decision (approval,
//! refusal, request for information) with the rules' reasons, a permit with its rights and
//! conditions, its cancellation with the ground, and a kandas assignment with its subsidies.
//! Every one carries the reference, the date, the authority and the region, the holder, the way
//! to appeal and the verification code. Pure: the words come from the message files, the facts
//! from the caller.

use super::content::{Document, Field, Foot, Row, Section};
use super::locale;
use crate::i18n::{Count, I18n, Lang};
use ashyq_core::cases::permit::CancellationGround;
use ashyq_core::kandas::Subsidies;
use ashyq_core::rules::decision::Effect;
use ashyq_core::rules::explain::{self, Language};
use ashyq_core::rules::{Check, CheckResult, Decision, Programme, RuleKind};
use ashyq_store::documents::Kind;
use jiff::civil::Date;
use rust_decimal::Decimal;

/// The messages of one language.
#[derive(Clone, Copy)]
pub struct Words<'a> {
    pub i18n: &'a I18n,
    pub lang: Lang,
}

impl Words<'_> {
    pub fn t(&self, key: &str) -> String {
        self.i18n.message(self.lang, key, &[])
    }

    pub fn tn(&self, key: &str, args: &[(&str, &str)]) -> String {
        self.i18n.message(self.lang, key, args)
    }

    /// The message `key` with a count, for its plural forms (`$count`), and more arguments.
    pub fn tc(&self, key: &str, count: impl Count, args: &[(&str, &str)]) -> String {
        self.i18n.message_count(self.lang, key, count.count(), args)
    }

    /// A message whose key comes from the data, or the data itself when there is none.
    fn word(&self, key: &str, fallback: &str) -> String {
        if self.i18n.has(self.lang, key) { self.t(key) } else { fallback.to_string() }
    }

    fn date(&self, d: Date) -> String {
        locale::date(d, self.lang)
    }

    fn language(&self) -> Language {
        match self.lang {
            Lang::Kk => Language::Kk,
            Lang::Ru => Language::Ru,
            Lang::En => Language::En,
        }
    }
}

/// The way to appeal: the period of the policy on the day of the decision, with its basis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Appeal {
    pub months: u32,
    /// The basis, cited in the reader's language.
    pub basis: String,
    /// The last day, for a decision received on its date.
    pub deadline: Date,
}

/// What every document carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issue {
    /// The verification code as printed (`XXXX-XXXX-XXXX`).
    pub code: String,
    /// Where anyone checks it.
    pub verify_url: String,
    pub reference: String,
    pub decided_on: Date,
    /// The region's code (`KZ-75`).
    pub region: String,
    /// The holder's full name.
    pub holder: String,
    /// The holder's passport (`GBR 123456789`), for a case or a permit.
    pub passport: Option<String>,
    pub programme: Option<Programme>,
    pub appeal: Appeal,
}

fn region_name(w: Words<'_>, code: &str) -> String {
    ashyq_core::region::name_of(code, w.lang.code())
}

/// The document around its particular parts: the authority, the header, the appeal, the foot.
fn frame(w: Words<'_>, kind: Kind, issue: &Issue, reference_label: &str, outcome: String) -> Document {
    let mut header = vec![
        Field::new(w.t(reference_label), issue.reference.clone()),
        Field::new(w.t("doc-date"), w.date(issue.decided_on)),
        Field::new(w.t("doc-department"), region_name(w, &issue.region)),
        Field::new(w.t("doc-holder"), issue.holder.clone()),
    ];
    if let Some(p) = &issue.passport {
        header.push(Field::new(w.t("doc-passport"), p.clone()));
    }
    if let Some(p) = issue.programme {
        header.push(Field::new(w.t("doc-programme"), w.t(&format!("ec-prog-{}", p.id()))));
    }
    let a = &issue.appeal;
    let appeal = w.tc(
        "doc-appeal-text",
        a.months,
        &[("date", &w.date(issue.decided_on)), ("deadline", &w.date(a.deadline)), ("basis", &a.basis)],
    );
    Document {
        lang: w.lang,
        authority: w.t("doc-authority"),
        title: w.t(&format!("doc-title-{}", kind.as_str())),
        header,
        outcome: Field::new(w.t("doc-outcome"), outcome),
        statement: None,
        term: None,
        sections: Vec::new(),
        appeal: Field::new(w.t("doc-appeal"), appeal),
        foot: Foot {
            code: issue.code.clone(),
            line: w.tn("doc-foot", &[("code", &issue.code), ("url", &issue.verify_url)]),
            page_of: w.tn("doc-page-of", &[("n", "{n}"), ("total", "{total}")]),
        },
    }
}

fn term(w: Words<'_>, from: Date, until: Date) -> Field {
    Field::new(w.t("doc-term"), w.tn("doc-term-value", &[("from", &w.date(from)), ("until", &w.date(until))]))
}

/// The officer's words, when they wrote any.
fn statement(w: Words<'_>, text: Option<&str>) -> Option<Field> {
    text.map(str::trim).filter(|t| !t.is_empty()).map(|t| Field::new(w.t("doc-statement"), t))
}

/// The mark of a check, in words, and whether it is a condition not met; `None` for a check that
/// does not bear on the decision (it did not apply, or is an exception that did not hold).
fn mark(w: Words<'_>, c: &Check<'_>) -> Option<(String, bool)> {
    let key = match (c.result, c.waived, c.kind) {
        (CheckResult::Passed, _, _) => "ec-mark-passed",
        (CheckResult::Failed, Some(x), _) if x.effect == Effect::Refer => "ec-mark-officer",
        (CheckResult::Failed, Some(_), _) => "ec-mark-set-aside",
        (CheckResult::Failed, None, RuleKind::Exception) => return None,
        (CheckResult::Failed, None, _) => "ec-mark-failed",
        (CheckResult::NeedsOfficer, _, _) => "ec-mark-officer",
        (CheckResult::NotApplicable, _, _) => return None,
    };
    Some((w.t(key), key == "ec-mark-failed"))
}

/// The rules' checks, each in plain words with its basis and figures.
fn reasons(w: Words<'_>, d: &Decision<'_>) -> Section {
    let lang = w.language();
    let rows = d
        .checks
        .iter()
        .filter_map(|c| {
            let (mark, alert) = mark(w, c)?;
            let basis = match (c.basis, c.basis_from) {
                (Some(b), Some(from)) => {
                    w.tn("doc-basis-from", &[("basis", &b.cite(w.lang.code())), ("from", &w.date(from))])
                }
                (Some(b), None) => b.cite(w.lang.code()),
                _ => String::new(),
            };
            let figures = c
                .parameters
                .iter()
                .map(|u| {
                    let name = match u.region {
                        Some(r) => format!("{} ({})", u.description.get(lang), region_name(w, r)),
                        None => u.description.get(lang).to_string(),
                    };
                    w.tn(
                        "doc-figure",
                        &[
                            ("name", &name),
                            (
                                "value",
                                &crate::web::locale::quantity(w.i18n, w.lang, u.value, u.unit.as_str()),
                            ),
                            ("from", &w.date(u.from)),
                        ],
                    )
                })
                .collect();
            Some(Row {
                mark,
                alert,
                title: explain::title(c.rule, lang),
                text: explain::explain(c, lang),
                basis,
                figures,
            })
        })
        .collect();
    Section {
        heading: w.t("doc-reasons"),
        intro: w.tn(
            "doc-reasons-intro",
            &[
                ("date", &w.date(d.on)),
                ("edition", d.policy_edition),
                ("basis", &d.basis.cite(w.lang.code())),
                ("summary", &explain::summary(d, lang)),
            ],
        ),
        rows,
    }
}

/// A case's decision: approved, refused, or more information asked for. `decision` is the rules'
/// evaluation the officer decided against (`None` when it can no longer be made); `term` the
/// permit's, for an approval that issued one.
pub fn case_decision(
    w: Words<'_>,
    issue: &Issue,
    kind: Kind,
    officer_words: Option<&str>,
    decision: Option<&Decision<'_>>,
    permit: Option<(&str, Date, Date)>,
) -> Document {
    let outcome = w.t(&format!("doc-outcome-{}", kind.as_str()));
    let mut doc = frame(w, kind, issue, "doc-reference", outcome);
    if let Some((number, _, _)) = permit {
        doc.header.push(Field::new(w.t("doc-permit-number"), number));
    }
    doc.statement = statement(w, officer_words);
    doc.term = permit.map(|(_, from, until)| term(w, from, until));
    if let Some(d) = decision {
        doc.sections.push(reasons(w, d));
    }
    doc
}

/// What a permit is, for its document and its cancellation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PermitFacts {
    /// `permanent_residence`, … (the permit's kind).
    pub kind: String,
    pub valid_from: Date,
    pub valid_until: Date,
    pub rights: Vec<String>,
    pub conditions: Vec<String>,
}

fn rights_and_conditions(w: Words<'_>, p: &PermitFacts) -> Section {
    let rows = p
        .rights
        .iter()
        .map(|r| Row {
            mark: w.t("doc-right"),
            title: w.word(&format!("app-right-{r}"), r),
            ..Row::default()
        })
        .chain(p.conditions.iter().map(|c| Row {
            mark: w.t("doc-condition"),
            title: w.word(&format!("app-condition-{c}"), c),
            ..Row::default()
        }))
        .collect();
    Section { heading: w.t("doc-rights"), intro: String::new(), rows }
}

/// A permit issued, with its term, rights and conditions. The reference is its number.
pub fn permit(w: Words<'_>, issue: &Issue, p: &PermitFacts) -> Document {
    let kind = w.word(&format!("app-permit-kind-{}", p.kind), &p.kind);
    let outcome = w.tn("doc-outcome-permit", &[("kind", &kind)]);
    let mut doc = frame(w, Kind::Permit, issue, "doc-permit-number", outcome);
    doc.term = Some(term(w, p.valid_from, p.valid_until));
    doc.sections.push(rights_and_conditions(w, p));
    doc
}

/// A permit cancelled: from when, on which legal ground, and why.
pub fn cancellation(
    w: Words<'_>,
    issue: &Issue,
    p: &PermitFacts,
    ground: CancellationGround,
    cancelled_on: Date,
    reason: Option<&str>,
) -> Document {
    let outcome = w.tn("doc-outcome-cancellation", &[("date", &w.date(cancelled_on))]);
    let mut doc = frame(w, Kind::Cancellation, issue, "doc-permit-number", outcome);
    let kind = w.word(&format!("app-permit-kind-{}", p.kind), &p.kind);
    doc.header.push(Field::new(w.t("doc-permit-kind"), kind));
    doc.statement = statement(w, reason);
    doc.term = Some(Field::new(
        w.t("doc-term"),
        w.tn(
            "doc-term-cancelled",
            &[
                ("from", &w.date(p.valid_from)),
                ("until", &w.date(p.valid_until)),
                ("date", &w.date(cancelled_on)),
            ],
        ),
    ));
    let row = Row {
        mark: w.t("doc-ground"),
        alert: false,
        title: w.word(&format!("co-ground-{}", ground.as_str()), ground.as_str()),
        text: String::new(),
        basis: ground.basis().to_string(),
        figures: Vec::new(),
    };
    doc.sections.push(Section { heading: w.t("doc-grounds"), intro: String::new(), rows: vec![row] });
    doc
}

/// A kandas family assigned to its region, with the subsidies due and how each was reckoned.
pub fn kandas_assignment(
    w: Words<'_>,
    policy: &ashyq_core::policy::Policy,
    issue: &Issue,
    s: &Subsidies,
) -> Document {
    let lang = w.language();
    let words = |u: &ashyq_core::kandas::ParameterUsed| {
        policy
            .parameter_words(&u.name, u.from, lang)
            .unwrap_or_else(|| (u.name.clone(), Some(u.basis.clone())))
    };
    let region = region_name(w, &s.region);
    let outcome = w.tn("doc-outcome-kandas_assignment", &[("region", &region)]);
    let mut doc = frame(w, Kind::KandasAssignment, issue, "doc-reference", outcome);
    doc.header.push(Field::new(w.t("doc-family-size"), s.family_size.to_string()));
    let money = |d: Decimal| locale::tenge(d, w.lang);
    let figure = |name: &str| -> Vec<String> {
        s.used
            .iter()
            .filter(|u| u.name == name)
            .map(|u| {
                w.tn(
                    "doc-figure",
                    &[
                        ("name", &words(u).0),
                        ("value", &crate::web::locale::quantity(w.i18n, w.lang, u.value, &u.unit)),
                        ("from", &w.date(u.from)),
                    ],
                )
            })
            .collect()
    };
    let basis =
        |name: &str| s.used.iter().find(|u| u.name == name).and_then(|u| words(u).1).unwrap_or_default();
    let mut rows = vec![Row {
        mark: money(s.relocation_kzt),
        alert: false,
        title: w.t("doc-relocation"),
        text: w.tc("doc-relocation-text", s.family_size, &[]),
        basis: basis(ashyq_core::kandas::RELOCATION_MCI),
        figures: [figure(ashyq_core::kandas::RELOCATION_MCI), figure("mci")].concat(),
    }];
    if s.designated {
        rows.push(Row {
            mark: money(s.rent_kzt),
            alert: false,
            title: w.t("doc-rent"),
            text: w.tc("doc-rent-text", s.rent_months, &[("monthly", &money(s.rent_monthly_kzt))]),
            basis: basis(ashyq_core::kandas::RENT_MCI),
            figures: [figure(ashyq_core::kandas::RENT_MCI), figure(ashyq_core::kandas::RENT_MONTHS)].concat(),
        });
    } else {
        rows.push(Row {
            mark: money(Decimal::ZERO),
            title: w.t("doc-rent"),
            text: w.t("doc-rent-none"),
            ..Row::default()
        });
    }
    rows.push(Row { mark: money(s.total_kzt), title: w.t("doc-total"), ..Row::default() });
    doc.sections.push(Section {
        heading: w.t("doc-subsidies"),
        intro: w.tn("doc-subsidies-intro", &[("date", &w.date(s.on))]),
        rows,
    });
    doc
}

/// A name as a check shows it to anyone: the initials of the given names and the surname
/// (`A. B. SURNAME`).
pub fn masked(surname: &str, given_names: &str) -> String {
    let initials: Vec<String> =
        given_names.split_whitespace().filter_map(|g| g.chars().next()).map(|c| format!("{c}.")).collect();
    let surname = surname.trim();
    if initials.is_empty() { surname.to_string() } else { format!("{} {surname}", initials.join(" ")) }
}

#[cfg(test)]
mod tests {
    use super::masked;

    #[test]
    fn names_are_masked_to_initials_and_surname() {
        assert_eq!(masked("NURLANOVA", "AIGUL SERIKKYZY"), "A. S. NURLANOVA");
        assert_eq!(masked("Әбдірахманов", "Өмір"), "Ө. Әбдірахманов");
        assert_eq!(masked("SMITH", ""), "SMITH");
    }
}
