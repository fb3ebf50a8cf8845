//! The applicant's kandas pages (issue 16): my resettlement applications (`/kandas/mine`), the
//! form to file one (`/kandas/mine/new`, sent to `/kandas/mine`) and one application with its
//! status and, once the region's officer assigns the family, the assignment with its region and
//! subsidies (`/kandas/mine/{id}`). The form carries a key made when it was shown, so sending it
//! twice files one application; a field at fault is named in the reader's words beside it.

use crate::auth::Principal;
use crate::flows::{self, kandas::own};
use crate::state::AppState;
use crate::web::form::CsrfForm;
use crate::web::page::Page;
use crate::web::refusal::failed_read;
use ashyq_core::kandas::{Application, Member, Person, Subsidies};
use ashyq_store::StoreError;
use ashyq_store::kandas::KandasApplication;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use jiff::civil::Date;
use rust_decimal::Decimal;

/// How many family members the form has rows for.
pub const MEMBER_ROWS: usize = 6;

/// The relations the form offers (the API takes any word).
const RELATIONS: [&str; 4] = ["spouse", "child", "parent", "other"];

/// Countries most kandas come from, offered as the origin's suggestions.
const ORIGINS: [&str; 9] = ["MNG", "CHN", "UZB", "TKM", "RUS", "KGZ", "TUR", "IRN", "AFG"];

fn status_text(page: &Page, status: &str) -> String {
    page.t(&format!("kd-status-{status}"))
}

/// An amount of tenge as the reader's language writes it: digits grouped by thousands (a space
/// in Kazakh and Russian, a comma in English), a decimal comma in Kazakh and Russian.
pub fn amount(page: &Page, value: &Decimal) -> String {
    let text = value.round_dp(2).normalize().to_string();
    let (sign, text) = text.strip_prefix('-').map_or(("", text.as_str()), |t| ("-", t));
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    let (group, point) = if page.lang_code() == "en" { (",", ".") } else { ("\u{a0}", ",") };
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push_str(group);
        }
        grouped.push(c);
    }
    if fraction.is_empty() { format!("{sign}{grouped}") } else { format!("{sign}{grouped}{point}{fraction}") }
}

// ---------------------------------------------------------------------------------------------
// My applications
// ---------------------------------------------------------------------------------------------

pub struct Row {
    pub id: i64,
    pub reference: String,
    pub region: String,
    pub family_size: i64,
    pub filed_on: jiff::civil::Date,
    pub status: String,
    pub status_code: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "kandas_mine.html")]
pub struct Mine {
    page: Page,
    rows: Vec<Row>,
}

/// My applications, newest first, and the way to file one.
pub async fn mine(State(s): State<AppState>, principal: Principal, page: Page) -> Response {
    let apps = match own::mine(&s, &principal).await {
        Ok(a) => a,
        Err(e) => return failed_read(page, e),
    };
    let rows = apps
        .iter()
        .map(|a| Row {
            id: a.id,
            reference: a.reference.clone(),
            region: page.region_name(&Some(a.region.clone())),
            family_size: a.family_size,
            filed_on: a.filed_on,
            status: status_text(&page, &a.status),
            status_code: a.status.clone(),
        })
        .collect();
    Mine { page, rows }.into_response()
}

// ---------------------------------------------------------------------------------------------
// The form
// ---------------------------------------------------------------------------------------------

/// One family member's row as typed.
#[derive(Default, Clone)]
pub struct MemberRow {
    pub surname: String,
    pub given_names: String,
    pub birth_date: String,
    pub relation: String,
}

impl MemberRow {
    fn is_empty(&self) -> bool {
        [&self.surname, &self.given_names, &self.birth_date, &self.relation]
            .iter()
            .all(|v| v.trim().is_empty())
    }
}

/// The form as typed, to show again with its errors.
#[derive(Default, Clone)]
pub struct Typed {
    pub key: String,
    pub surname: String,
    pub given_names: String,
    pub birth_date: String,
    pub origin: String,
    pub ethnic_kazakh: bool,
    pub citizen: bool,
    pub region: String,
    pub members: Vec<MemberRow>,
}

impl Typed {
    fn blank() -> Typed {
        Typed {
            key: ashyq_store::secret::random_token()[..32].to_string(),
            members: vec![MemberRow::default(); MEMBER_ROWS],
            ..Typed::default()
        }
    }

    /// The form's fields read from what was sent (names as the API's: `applicant.surname`,
    /// `members[0].birth_date`).
    fn read(fields: &[(String, String)]) -> Typed {
        let get = |name: &str| {
            fields.iter().find(|(k, _)| k == name).map(|(_, v)| v.trim().to_string()).unwrap_or_default()
        };
        let members = (0..MEMBER_ROWS)
            .map(|i| MemberRow {
                surname: get(&format!("members[{i}].surname")),
                given_names: get(&format!("members[{i}].given_names")),
                birth_date: get(&format!("members[{i}].birth_date")),
                relation: get(&format!("members[{i}].relation")),
            })
            .collect();
        Typed {
            key: get("key"),
            surname: get("applicant.surname"),
            given_names: get("applicant.given_names"),
            birth_date: get("applicant.birth_date"),
            origin: get("origin").to_ascii_uppercase(),
            ethnic_kazakh: !get("ethnic_kazakh").is_empty(),
            citizen: !get("citizen").is_empty(),
            region: get("region"),
            members,
        }
    }

    /// The application the form describes, or the fields that do not read (a date).
    fn facts(&self) -> Result<Application, Vec<(String, &'static str)>> {
        let mut errors = Vec::new();
        let mut date = |field: String, text: &str| -> Date {
            match text.parse::<Date>() {
                Ok(d) => d,
                Err(_) => {
                    errors
                        .push((field, if text.is_empty() { "kd-err-date-required" } else { "kd-err-date" }));
                    Date::MIN
                }
            }
        };
        let applicant = Person {
            surname: self.surname.clone(),
            given_names: self.given_names.clone(),
            birth_date: date("applicant.birth_date".into(), &self.birth_date),
        };
        let members = self
            .members
            .iter()
            .enumerate()
            .filter(|(_, m)| !m.is_empty())
            .map(|(i, m)| Member {
                person: Person {
                    surname: m.surname.clone(),
                    given_names: m.given_names.clone(),
                    birth_date: date(format!("members[{i}].birth_date"), &m.birth_date),
                },
                relation: m.relation.clone(),
            })
            .collect();
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Application {
            applicant,
            members,
            origin: self.origin.clone(),
            ethnic_kazakh: self.ethnic_kazakh,
            citizen: self.citizen,
            region: self.region.clone(),
        })
    }
}

/// An error of the form: the field's anchor, its label and the message, in the reader's words.
type FieldError = (String, String, String);

/// The anchor (an element id) of a field name.
fn anchor(field: &str) -> String {
    format!("f-{}", field.replace(['.', '[', ']'], "-").replace("--", "-").trim_end_matches('-'))
}

/// A field's label in the reader's words: `members[1].birth_date` is "Family member 2: date of
/// birth".
fn label(page: &Page, field: &str) -> String {
    let (person, part) = field.split_once('.').unwrap_or((field, ""));
    let who = if person == "applicant" {
        Some(page.t("kd-f-applicant"))
    } else if let Some(i) = person.strip_prefix("members[").and_then(|r| r.strip_suffix(']')) {
        let n = i.parse::<usize>().map_or(1, |n| n + 1);
        Some(page.t1("kd-f-member", "n", &n.to_string()))
    } else {
        None
    };
    let what = match (part, person) {
        ("surname", _) => page.t("kd-f-surname"),
        ("given_names", _) => page.t("kd-f-given-names"),
        ("birth_date", _) => page.t("kd-f-birth-date"),
        ("relation", _) => page.t("kd-f-relation"),
        ("", "origin") => page.t("kd-origin"),
        ("", "region") => page.t("kd-region"),
        ("", "ethnic_kazakh") => page.t("kd-f-ethnic"),
        ("", "citizen") => page.t("kd-f-citizen"),
        _ => String::new(),
    };
    match (who, what.is_empty()) {
        (Some(w), true) => w,
        (Some(w), false) => format!("{w}: {what}"),
        (None, _) => what,
    }
}

/// The message of a field the store refused, in the reader's words.
fn field_message(page: &Page, field: &str) -> String {
    let key = match field.rsplit('.').next().unwrap_or(field) {
        "birth_date" => "kd-err-born-later",
        "surname" | "given_names" | "relation" => "kd-err-name",
        "origin" => "kd-err-origin",
        "region" => "kd-err-region",
        "ethnic_kazakh" => "kd-err-ethnic",
        "citizen" => "kd-err-citizen",
        "key" => "kd-err-key",
        _ if field == "applicant" || field.starts_with("members[") => "kd-err-name-required",
        _ => "kd-err-field",
    };
    page.t(key)
}

/// A use case's refusal of the form as the form's errors; `None`: not the form's (a page of its
/// own).
fn form_errors(page: &Page, e: &flows::Error) -> Option<Vec<FieldError>> {
    match e {
        flows::Error::Store(StoreError::Field { field, .. }) => {
            Some(vec![(anchor(field), label(page, field), field_message(page, field))])
        }
        flows::Error::Store(StoreError::Conflict { .. }) => {
            Some(vec![(String::new(), String::new(), page.t("kd-err-conflict"))])
        }
        _ => None,
    }
}

pub struct MemberView {
    pub i: usize,
    pub n: usize,
    pub row: MemberRow,
}

#[derive(Template, WebTemplate)]
#[template(path = "kandas_mine_form.html")]
pub struct Form {
    page: Page,
    typed: Typed,
    members: Vec<MemberView>,
    regions: Vec<(String, String)>,
    origins: [&'static str; 9],
    relations: [&'static str; 4],
    errors: Vec<FieldError>,
}

impl Form {
    /// The message of the field with this anchor, if it has one.
    fn error_of(&self, anchor: &str) -> Option<&str> {
        self.errors.iter().find(|(a, _, _)| a == anchor).map(|(_, _, m)| m.as_str())
    }

    fn has(&self, anchor: &str) -> bool {
        self.error_of(anchor).is_some()
    }
}

fn form(page: Page, typed: Typed, errors: Vec<FieldError>) -> Response {
    let status = if errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    let members =
        typed.members.iter().cloned().enumerate().map(|(i, row)| MemberView { i, n: i + 1, row }).collect();
    let regions = page.regions();
    let view = Form { page, typed, members, regions, origins: ORIGINS, relations: RELATIONS, errors };
    (status, view).into_response()
}

/// The form to file an application.
pub async fn new(page: Page) -> Response {
    form(page, Typed::blank(), Vec::new())
}

/// Files the application: to its page, or the form again with its errors named.
pub async fn file(
    State(s): State<AppState>,
    principal: Principal,
    CsrfForm { page, fields }: CsrfForm<Vec<(String, String)>>,
) -> Response {
    let typed = Typed::read(&fields);
    let facts = match typed.facts() {
        Ok(f) => f,
        Err(errs) => {
            let errors =
                errs.into_iter().map(|(f, key)| (anchor(&f), label(&page, &f), page.t(key))).collect();
            return form(page, typed, errors);
        }
    };
    match own::file(&s, &principal, &typed.key, &facts).await {
        Ok((app, _)) => Redirect::to(&format!("/kandas/mine/{}", app.id)).into_response(),
        Err(e) => match form_errors(&page, &e) {
            Some(errors) => form(page, typed, errors),
            None => failed_read(page, e),
        },
    }
}

// ---------------------------------------------------------------------------------------------
// One application
// ---------------------------------------------------------------------------------------------

/// The subsidies of an assignment in the reader's words.
pub struct SubsidiesView {
    pub designated: bool,
    pub relocation: String,
    pub rent: String,
    pub total: String,
}

impl SubsidiesView {
    fn of(page: &Page, s: &Subsidies) -> SubsidiesView {
        SubsidiesView {
            designated: s.designated,
            relocation: amount(page, &s.relocation_kzt),
            rent: amount(page, &s.rent_kzt),
            total: amount(page, &s.total_kzt),
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "kandas_mine_show.html")]
pub struct Show {
    page: Page,
    app: KandasApplication,
    region: String,
    status: String,
    members: Vec<(String, String, String)>,
    subsidies: Option<SubsidiesView>,
}

/// One of my applications: its status and, once assigned, the assignment.
pub async fn show(
    State(s): State<AppState>,
    principal: Principal,
    page: Page,
    Path(id): Path<i64>,
) -> Response {
    let app = match own::show(&s, &principal, id).await {
        Ok(a) => a,
        Err(e) => return failed_read(page, e),
    };
    let members = app
        .facts
        .members
        .iter()
        .map(|m| {
            let relation = if m.relation.is_empty() {
                String::new()
            } else {
                match RELATIONS.iter().find(|r| **r == m.relation) {
                    Some(r) => page.t(&format!("kd-relation-{r}")),
                    None => m.relation.clone(),
                }
            };
            (m.person.name(), page.d(&m.person.birth_date), relation)
        })
        .collect();
    let subsidies = app.subsidies.as_ref().map(|x| SubsidiesView::of(&page, x));
    let view = Show {
        region: page.region_name(&Some(app.region.clone())),
        status: status_text(&page, &app.status),
        members,
        subsidies,
        app,
        page,
    };
    view.into_response()
}

/// This module's routes, each with its row of the access table
/// (public, applicant, analyst, coordinator, officer, border, admin).
#[rustfmt::skip]
pub fn routes(b: crate::routes::RouteBuilder) -> crate::routes::RouteBuilder {
    b
        .page_get("/kandas/mine", [401, 200, 403, 403, 403, 403, 403], mine)
        .page_post("/kandas/mine", [401, 303, 403, 403, 403, 403, 403], file)
        .page_get("/kandas/mine/new", [401, 200, 403, 403, 403, 403, 403], new)
        .page_get("/kandas/mine/{id}", [401, 200, 403, 403, 403, 403, 403], show)
}
