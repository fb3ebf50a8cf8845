//! The public self-check: the five programmes in plain words, a form of each programme's
//! questions, and the decision the rules make on the answers — explained check by check, in
//! the page's language, with the legal basis and the parameter values used. The same rules
//! and the same world (published lists, official rates) as `POST /api/v1/eligibility/…`.
//! Nothing is stored: it is an indication, not a decision of the authority.

use crate::flows::Error;
use crate::flows::eligibility::pages::form::{self as form, Answers, FieldError, FieldsetView};
use crate::flows::eligibility::{self as eligibility, programme};
use crate::i18n::Lang;
use crate::state::AppState;
use crate::web::errors;
use crate::web::form::CsrfForm;
use crate::web::page::Page;
use crate::web::refusal::reason_words;
use ashyq_core::rules::decision::Limit;
use ashyq_core::rules::explain::{self, Language};
use ashyq_core::rules::{Check, CheckResult, Decision, Facts, Programme, RuleKind};
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use jiff::civil::Date;

/// The language of explanations for the page's language.
pub fn language(lang: Lang) -> Language {
    match lang {
        Lang::Kk => Language::Kk,
        Lang::Ru => Language::Ru,
        Lang::En => Language::En,
    }
}

pub struct ProgrammeItem {
    pub id: &'static str,
    pub name: String,
    pub about: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "eligibility.html")]
pub struct Index {
    page: Page,
    programmes: Vec<ProgrammeItem>,
}

/// The five programmes, each with a link to its self-check.
pub async fn index(page: Page) -> Index {
    let programmes = Programme::ALL
        .iter()
        .map(|p| ProgrammeItem {
            id: p.id(),
            name: page.t(&format!("ec-prog-{}", p.id())),
            about: page.t(&format!("ec-prog-{}-about", p.id())),
        })
        .collect();
    Index { page, programmes }
}

/// A parameter value a check used.
pub struct ParamView {
    pub name: String,
    pub value: String,
    pub from: String,
    pub basis: String,
}

/// One check as shown.
pub struct CheckView {
    pub rule: &'static str,
    /// `passed`, `failed`, `set-aside`, `officer` or `not-applicable`.
    pub mark: &'static str,
    pub mark_text: String,
    pub symbol: &'static str,
    /// One item of a condition (a factor of the points, an investment): shown indented.
    pub part: bool,
    pub title: String,
    pub explanation: String,
    pub basis: String,
    pub params: Vec<ParamView>,
}

/// A decision as shown.
pub struct DecisionView {
    pub outcome: &'static str,
    pub outcome_text: String,
    pub summary: String,
    pub decided: String,
    pub basis: String,
    pub validity: Option<String>,
    pub checks: Vec<CheckView>,
}

#[derive(Template, WebTemplate)]
#[template(path = "eligibility_form.html")]
pub struct SelfCheck {
    page: Page,
    id: &'static str,
    name: String,
    about: String,
    on: String,
    on_error: Option<String>,
    fieldsets: Vec<FieldsetView>,
    /// The fields that could not be read, each with its label, for the summary at the top.
    errors: Vec<(String, String, String)>,
    decision: Option<DecisionView>,
}

fn not_found(page: Page) -> Response {
    let text = page.t("error-notfound-text");
    errors::render(page, StatusCode::NOT_FOUND, "error-notfound-title", text)
}

/// The programme's questions, the date of application today.
pub async fn show(State(s): State<AppState>, page: Page, Path(id): Path<String>) -> Response {
    let Ok(p) = programme(&id) else { return not_found(page) };
    let on = crate::clock::today().to_string();
    render(&s, page, p, &Answers::default(), on, &[], None, StatusCode::OK)
}

/// Decides the programme on the answers, and shows the decision above the form again; or the
/// form with every answer that could not be read named next to its field (422).
pub async fn check(
    State(s): State<AppState>,
    Path(id): Path<String>,
    CsrfForm { page, fields }: CsrfForm<Vec<(String, String)>>,
) -> Response {
    let Ok(p) = programme(&id) else { return not_found(page) };
    let answers = Answers(fields);
    let on = match answers.get("on") {
        "" => crate::clock::today().to_string(),
        on => on.to_string(),
    };
    match decide(&s, &page, p, &answers, &on).await {
        Ok(view) => render(&s, page, p, &answers, on, &[], Some(view), StatusCode::OK),
        Err(Unread::Fields(errs)) => {
            render(&s, page, p, &answers, on, &errs, None, StatusCode::UNPROCESSABLE_ENTITY)
        }
        Err(Unread::Internal(e)) => errors::internal(page, e),
    }
}

/// Why no decision is shown.
enum Unread {
    /// Answers that cannot be read, or a programme not in force on the date.
    Fields(Vec<FieldError>),
    /// The published lists or the rates could not be read.
    Internal(String),
}

async fn decide(
    s: &AppState,
    page: &Page,
    p: Programme,
    answers: &Answers,
    on: &str,
) -> Result<DecisionView, Unread> {
    let date = on.parse::<Date>().ok();
    let built = form::build(p, answers, date, page);
    let mut errs = built.errors.clone();
    let Some(date) = date else {
        errs.insert(0, FieldError { name: "on".into(), message: page.t1("err-date", "value", on) });
        return Err(Unread::Fields(errs));
    };
    if !errs.is_empty() {
        return Err(Unread::Fields(errs));
    }
    let questions = form::questions(p);
    let facts = Facts::from_value(p, &built.facts).map_err(|e| {
        let name = built.field_for(questions, &e.path);
        Unread::Fields(vec![FieldError {
            name,
            message: page.t1("ec-err-facts", "reason", &page.said(&e.reason)),
        }])
    })?;
    eligibility::decide(s, &facts, Some(date), |d| decision_view(page, d)).await.map_err(|e| match e {
        // The rules' refusal, with its message in the page's words.
        Error::Refused(problem) => {
            // The field is named by the form itself: the reason alone, in words.
            let reason = reason_words(page, &problem);
            let error = match problem.errors.first() {
                Some(f) if f.field == "on" => {
                    FieldError { name: "on".into(), message: page.t1("ec-err-on", "reason", &reason) }
                }
                Some(f) => FieldError {
                    name: built.field_for(questions, &f.field),
                    message: page.t1("ec-err-facts", "reason", &reason),
                },
                None => FieldError {
                    name: String::new(),
                    message: page.t1("ec-err-cannot-decide", "reason", &reason),
                },
            };
            Unread::Fields(vec![error])
        }
        Error::Store(e) => Unread::Internal(e.to_string()),
    })
}

#[allow(clippy::too_many_arguments)]
fn render(
    s: &AppState,
    page: Page,
    p: Programme,
    answers: &Answers,
    on: String,
    errs: &[FieldError],
    decision: Option<DecisionView>,
    status: StatusCode,
) -> Response {
    let fieldsets = form::fieldsets(p, &page, &s.i18n, answers, errs);
    let label_of = |name: &str| -> String {
        if name == "on" {
            return page.t("ecf-on");
        }
        form::label_in(&fieldsets, name).unwrap_or_default()
    };
    let errors = form::summary(errs, label_of);
    let on_error = errs.iter().find(|e| e.name == "on").map(|e| e.message.clone());
    let view = SelfCheck {
        id: p.id(),
        name: page.t(&format!("ec-prog-{}", p.id())),
        about: page.t(&format!("ec-prog-{}-about", p.id())),
        on,
        on_error,
        fieldsets,
        errors,
        decision,
        page,
    };
    (status, view).into_response()
}

/// The marker of a check: (class, message key, symbol).
fn mark(c: &Check<'_>) -> (&'static str, &'static str, &'static str) {
    match (c.result, c.waived, c.kind) {
        (CheckResult::Passed, _, _) => ("passed", "ec-mark-passed", "✓"),
        (CheckResult::Failed, Some(w), _) if w.effect == ashyq_core::rules::decision::Effect::Refer => {
            ("officer", "ec-mark-officer", "?")
        }
        (CheckResult::Failed, Some(_), _) => ("set-aside", "ec-mark-set-aside", "↷"),
        // An exception that does not hold refuses nothing: it simply does not apply.
        (CheckResult::Failed, None, RuleKind::Exception) => ("not-applicable", "ec-mark-not-applicable", "–"),
        (CheckResult::Failed, None, _) => ("failed", "ec-mark-failed", "✗"),
        (CheckResult::NeedsOfficer, _, _) => ("officer", "ec-mark-officer", "?"),
        (CheckResult::NotApplicable, _, _) => ("not-applicable", "ec-mark-not-applicable", "–"),
    }
}

pub fn decision_view(page: &Page, d: &Decision<'_>) -> DecisionView {
    let lang = language(page.lang);
    let date = |d: Date| explain::format_date(d, lang);
    let checks = d
        .checks
        .iter()
        .map(|c| {
            let (mark, key, symbol) = mark(c);
            let basis = match (c.basis, c.basis_from) {
                (Some(b), Some(from)) => {
                    page.tn("ec-basis-from", &[("basis", &page.cite(b)), ("from", &date(from))])
                }
                (Some(b), None) => page.cite(b),
                _ => page.t("ec-basis-none"),
            };
            let params = c
                .parameters
                .iter()
                .map(|u| ParamView {
                    name: match u.region.and_then(ashyq_core::region::by_code) {
                        Some(r) => format!("{} ({})", u.description.get(lang), r.name(page.lang.code())),
                        None => u.description.get(lang).to_string(),
                    },
                    value: page.quantity(u.value, u.unit.as_str()),
                    from: date(u.from),
                    basis: page.cite(u.basis),
                })
                .collect();
            CheckView {
                rule: c.rule,
                mark,
                mark_text: page.t(key),
                symbol,
                part: c.kind == RuleKind::Part,
                title: explain::title(c.rule, lang),
                explanation: explain::explain(c, lang),
                basis,
                params,
            }
        })
        .collect();
    let validity = d.validity.as_ref().map(|v| {
        let key = match v.limited_by {
            Limit::Term => "ec-validity",
            Limit::Passport => "ec-validity-passport",
        };
        page.tn(key, &[("from", &date(v.from)), ("until", &date(v.until))])
    });
    DecisionView {
        outcome: d.outcome.as_str(),
        outcome_text: page.t(&format!("ec-outcome-{}", d.outcome.as_str())),
        summary: explain::summary(d, lang),
        decided: page.tn("ec-decided", &[("date", &date(d.on)), ("edition", d.policy_edition)]),
        basis: page.cite(d.basis),
        validity,
        checks,
    }
}

/// This module's routes, each with its row of the access table
/// (public, applicant, analyst, coordinator, officer, border, admin).
#[rustfmt::skip]
pub fn routes(b: crate::routes::RouteBuilder) -> crate::routes::RouteBuilder {
    b
        .page_get("/eligibility", [200, 200, 200, 200, 200, 200, 200], index)
        .page_get("/eligibility/{programme}", [200, 200, 200, 200, 200, 200, 200], show)
        .page_post("/eligibility/{programme}", [200, 200, 200, 200, 200, 200, 200], check)
}
