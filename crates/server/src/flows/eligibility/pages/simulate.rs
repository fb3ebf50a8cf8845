//! The analyst's reform simulation: upload a draft policy file, and every stored application
//! is decided again under the policy in force and under the draft, side by side — per
//! programme how many outcomes change and how, then the cases affected. It reads applicants'
//! records, so every run is audited (`policy.simulate`).

use crate::auth::Principal;
use crate::flows::Error;
use crate::flows::eligibility::pages::check::language;
use crate::flows::eligibility::simulation::{self, Simulation};
use crate::state::AppState;
use crate::web::errors;
use crate::web::page::Page;
use crate::web::refusal::{forbidden_page, read_error};
use ashyq_core::policy::{Policy, PolicyError};
use ashyq_core::rules::explain;
use ashyq_core::rules::simulate::{Report, Verdict};
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{FromRequest, Multipart, Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use jiff::civil::Date;

/// The most affected cases shown; all are counted.
pub const SHOWN: usize = 200;

pub struct ProgrammeRow {
    pub id: &'static str,
    pub name: String,
    pub cases: u64,
    pub changed: u64,
    pub transitions: Vec<String>,
}

pub struct AffectedRow {
    pub reference: String,
    pub programme: String,
    pub on: String,
    pub before: String,
    pub before_code: String,
    pub after: String,
    pub after_code: String,
    pub failing_before: String,
    pub failing_after: String,
}

pub struct ReportView {
    pub summary: String,
    pub programmes: Vec<ProgrammeRow>,
    pub affected: Vec<AffectedRow>,
    /// "The first 200 of N cases are shown", when there are more.
    pub more: Option<String>,
    pub unreadable: Vec<String>,
    pub unreadable_note: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "simulate.html")]
pub struct Simulate {
    page: Page,
    on: String,
    error: Option<String>,
    report: Option<ReportView>,
}

fn render(
    mut page: Page,
    status: StatusCode,
    on: String,
    error: Option<String>,
    report: Option<ReportView>,
) -> Response {
    page.here = "/analysis/simulate".to_string();
    (status, Simulate { page, on, error, report }).into_response()
}

/// The form: a draft policy file and an optional date.
pub async fn show(page: Page) -> Response {
    render(page, StatusCode::OK, String::new(), None, None)
}

/// What the form sent.
#[derive(Default)]
struct Upload {
    csrf: String,
    on: String,
    file: Vec<u8>,
}

async fn read_upload(mut form: Multipart) -> Result<Upload, String> {
    let mut up = Upload::default();
    while let Some(field) = form.next_field().await.map_err(|e| e.to_string())? {
        match field.name().unwrap_or_default() {
            "csrf" => up.csrf = field.text().await.map_err(|e| e.to_string())?,
            "on" => up.on = field.text().await.map_err(|e| e.to_string())?,
            "file" => up.file = field.bytes().await.map_err(|e| e.to_string())?.to_vec(),
            _ => {}
        }
    }
    Ok(up)
}

/// Runs the simulation of the uploaded draft (multipart, with the CSRF token).
pub async fn run(State(s): State<AppState>, principal: Principal, page: Page, req: Request) -> Response {
    // A post that is not a multipart form cannot carry the form's token: refused as forged.
    let Ok(form) = Multipart::from_request(req, &s).await else { return errors::csrf(page) };
    let up = match read_upload(form).await {
        Ok(u) => u,
        Err(e) => {
            tracing::debug!("simulation upload cut short: {e}");
            let e = page.t("an-err-upload");
            return render(page, StatusCode::BAD_REQUEST, String::new(), Some(e), None);
        }
    };
    let expected = principal.session_csrf().unwrap_or_default();
    if expected.is_empty() || !ashyq_store::secret::constant_time_eq(&up.csrf, expected) {
        return errors::csrf(page);
    }
    let on_text = up.on.trim().to_string();
    let on = if on_text.is_empty() {
        None
    } else {
        match on_text.parse::<Date>() {
            Ok(d) => Some(d),
            Err(_) => {
                let e = page.t1("err-date", "value", &on_text);
                return render(page, StatusCode::UNPROCESSABLE_ENTITY, on_text, Some(e), None);
            }
        }
    };
    if up.file.is_empty() {
        let e = page.t("sim-err-file");
        return render(page, StatusCode::UNPROCESSABLE_ENTITY, on_text, Some(e), None);
    }
    let draft = match Policy::parse_bytes(&up.file) {
        Ok(p) => p,
        Err(e) => {
            let e = page.t1("sim-err-policy", "error", &refusal(&page, &e));
            return render(page, StatusCode::UNPROCESSABLE_ENTITY, on_text, Some(e), None);
        }
    };
    let Simulation { report, unreadable } = match simulation::simulate(&s, &principal, &draft, on).await {
        Ok(run) => run,
        Err(Error::Store(e)) => return read_error(page, e),
        Err(Error::Refused(_)) => return forbidden_page(page),
    };
    let view = report_view(&page, &report, unreadable);
    render(page, StatusCode::OK, on_text, None, Some(view))
}

/// Why a draft policy file was refused, in the page's language: the key path of the bad value as
/// the file writes it, then the reason in words (only the reason when the file as a whole does
/// not read).
fn refusal(page: &Page, e: &PolicyError) -> String {
    if e.has_key() { format!("{}: {}", e.path, page.said(&e.reason)) } else { page.said(&e.reason) }
}

fn verdict(page: &Page, v: &Verdict) -> String {
    match v {
        Verdict::Decided(o) => page.t(&format!("ec-outcome-{}", o.as_str())),
        Verdict::Error(e) => format!("{}: {}", page.t("ec-outcome-error"), page.said(e)),
    }
}

fn rules(page: &Page, rules: &[&str]) -> String {
    let lang = language(page.lang);
    if rules.is_empty() {
        return "—".to_string();
    }
    rules.iter().map(|r| format!("{} ({r})", explain::title(r, lang))).collect::<Vec<_>>().join("; ")
}

fn report_view(page: &Page, r: &Report, unreadable: Vec<String>) -> ReportView {
    let lang = language(page.lang);
    let on = match r.on {
        Some(d) => page.t1("sim-on-date", "date", &explain::format_date(d, lang)),
        None => page.t("sim-on-own"),
    };
    let summary = page.tc(
        "sim-summary",
        r.cases,
        &[
            ("baseline", &r.baseline_edition),
            ("draft", &r.draft_edition),
            ("on", &on),
            ("changed", &page.integer(r.changed)),
        ],
    );
    let label = |code: &str| page.t(&format!("ec-outcome-{code}"));
    let programmes = r
        .by_programme
        .iter()
        .map(|(p, c)| ProgrammeRow {
            id: p.id(),
            name: page.t(&format!("ec-prog-{}", p.id())),
            cases: c.cases,
            changed: c.changed,
            transitions: c
                .transitions
                .iter()
                .map(|(t, n)| {
                    let (before, after) = t.split_once(" → ").unwrap_or((t, ""));
                    format!("{} → {}: {n}", label(before), label(after))
                })
                .collect(),
        })
        .collect();
    let affected = r
        .affected
        .iter()
        .take(SHOWN)
        .map(|c| AffectedRow {
            reference: c.reference.clone(),
            programme: page.t(&format!("ec-prog-{}", c.programme.id())),
            on: explain::format_date(c.on, lang),
            before: verdict(page, &c.before),
            before_code: c.before.label().to_string(),
            after: verdict(page, &c.after),
            after_code: c.after.label().to_string(),
            failing_before: rules(page, &c.failing_before),
            failing_after: rules(page, &c.failing_after),
        })
        .collect();
    let more = (r.affected.len() > SHOWN)
        .then(|| page.tc("sim-more", r.affected.len(), &[("shown", &page.integer(SHOWN))]));
    let unreadable_note = page.tc("sim-unreadable", unreadable.len(), &[]);
    ReportView { summary, programmes, affected, more, unreadable, unreadable_note }
}

/// This module's routes, each with its row of the access table
/// (public, applicant, analyst, coordinator, officer, border, admin).
#[rustfmt::skip]
pub fn routes(b: crate::routes::RouteBuilder) -> crate::routes::RouteBuilder {
    b
        .page_get("/analysis/simulate", [401, 403, 200, 403, 403, 403, 403], show)
        .page_post("/analysis/simulate", [401, 403, 200, 403, 403, 403, 403], run)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{I18n, Lang};
    use crate::web::locale::said;
    use ashyq_core::said::Value;

    const KZ: &str = include_str!("../../../../../../data/policy/kz.toml");

    /// The shipped file with one piece of text replaced (the first time it appears).
    fn edited(from: &str, to: &str) -> String {
        assert!(KZ.contains(from), "the shipped file has no {from:?}");
        KZ.replacen(from, to, 1)
    }

    /// A refused draft for each kind of fault the analyst may make, from a file that is not text
    /// to a holiday on a weekday, each said in Kazakh and Russian with its figures and names.
    #[test]
    fn a_refused_draft_is_said_in_each_language() {
        let drafts = [
            edited("[meta]\n", "[meta\n"),
            edited("jurisdiction = \"KZ\"", "jurisdiction = 7"),
            edited("jurisdiction = \"KZ\"\n", ""),
            edited("[meta]\n", "[meta]\nsurprise = 1\n"),
            edited("unit = \"KZT\"", "unit = \"RUB\""),
            edited("hard_to_fill_days = 30", "hard_to_fill_days = -3"),
            edited("inclusion = { k_of_n = { k = 6 } }", "inclusion = 5"),
            edited("[parameters.mci]", "[parameters.MCI]"),
            edited("\"KZ-79\" = \"400000\"", "\"KZ-99\" = \"400000\""),
            edited("\"pr.exempt.kandas\" = ", "\"pr.exempt.kandaz\" = "),
            edited("{ up_to = 10, points = 25 }", "{ up_to = 10, points = 26 }"),
            edited("minimum = 60", "minimum = 1000"),
            edited("{ doctorate = 20,", "{ phd = 20,"),
            edited("from = \"2023-11-10\"", "from = \"2022-11-10\""),
            edited("eaeu = [\"ARM\", ", "eaeu = [\"KAZ\", "),
            edited("working_days = []", "working_days = [\"2026-11-18\"]"),
            edited("inclusion = { k_of_n = { k = 6 } }", "inclusion = { k_of_n = { k = 11 } }"),
            edited("universe = [\"2\"]", "universe = [\"99\"]"),
        ];
        let mut refusals: Vec<PolicyError> = drafts.iter().map(|d| Policy::parse(d).unwrap_err()).collect();
        refusals.push(Policy::parse_bytes(b"[meta]\njurisdiction = \"K\xffZ\"\n").unwrap_err());
        let codes: std::collections::BTreeSet<&str> =
            refusals.iter().map(|e| e.reason.code.as_str()).collect();
        for code in [
            "policy-syntax",
            "policy-not-utf8",
            "policy-type",
            "policy-field-missing",
            "policy-field-unknown",
            "policy-name-unknown",
            "policy-form",
            "policy-parameter-name",
            "policy-region-missing",
            "policy-rule-no-basis",
            "policy-points-cap",
            "policy-minimum-range",
            "policy-level-unknown",
            "policy-version-order",
            "policy-nationality-citizens",
            "policy-working-weekday",
            "policy-k-range",
            "policy-not-a-group",
        ] {
            assert!(codes.contains(code), "no draft is refused with {code}: {codes:?}");
        }
        let i18n = I18n::load().unwrap();
        for e in &refusals {
            let reason = &e.reason;
            let english = said(&i18n, Lang::En, reason);
            for lang in Lang::ALL {
                assert!(i18n.has(lang, &reason.code), "{} lacks {}", lang.code(), reason.code);
                let text = said(&i18n, lang, reason);
                assert!(!text.contains('{') && !text.contains('$'), "{}: {text}", reason.code);
                for (name, value) in &reason.args {
                    match value {
                        Value::Text(v) => assert!(
                            text.contains(v.as_str()),
                            "{} in {}: {text} lacks {name} = {v}",
                            reason.code,
                            lang.code()
                        ),
                        Value::Word(key) => {
                            assert!(i18n.has(lang, key), "{} lacks the word {key}", lang.code());
                            assert!(text.contains(&i18n.message(lang, key, &[])), "{}: {text}", reason.code);
                        }
                        _ => {}
                    }
                }
                if lang != Lang::En {
                    assert_ne!(text, english, "{} is said in English in {}", reason.code, lang.code());
                    assert_ne!(text, reason.english, "{} is said in English in {}", reason.code, lang.code());
                }
            }
        }
        // Figures and dates the page's way; a region by its name.
        let by = |code: &str| refusals.iter().find(|e| e.reason.code == code).unwrap();
        let syntax = said(&i18n, Lang::Ru, &by("policy-syntax").reason);
        assert_eq!(syntax, "файл не является корректным TOML: ошибка в строке 9, столбец 6");
        let order = by("policy-version-order");
        assert_eq!(order.path, "stay_groups[1].from");
        assert_eq!(
            said(&i18n, Lang::Ru, &order.reason),
            "10.11.2022 — не позже даты предыдущей редакции (01.01.2023)"
        );
        let region = said(&i18n, Lang::Kk, &by("policy-region-missing").reason);
        assert!(region.contains(&ashyq_core::region::name_of("KZ-79", "kk")), "{region}");
        assert_eq!(
            said(&i18n, Lang::Kk, &by("policy-type").reason),
            "мұнда мәтін жолы күтіледі, бірақ бүтін сан жазылған"
        );
    }
}
