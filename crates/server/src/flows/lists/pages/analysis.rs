//! The analyst's pages: upload the data sources, compute a draft list, and take it through
//! coordination, revision, approval and publication; the adapters of `flows::lists::imports`,
//! `forming` and `coordination`.

use crate::auth::Principal;
use crate::flows::Error;
use crate::flows::lists::imports;
use crate::flows::lists::pages::listview::{self, Row};
use crate::flows::lists::pages::previews::error_in_words;
use crate::flows::lists::pages::{internal, read_failed, refusal};
use crate::flows::lists::previews::{self, Staged};
use crate::flows::lists::{coordination, forming};
use crate::state::AppState;
use crate::upload::{self, Spooled, UploadError};
use crate::web::errors;
use crate::web::form::{CsrfForm, NoFields};
use crate::web::page::Page;
use ashyq_core::labour::coordination::{Change, ListStatus, Step};
use ashyq_core::labour::records::Source;
use ashyq_core::labour::rows::parse_iso_date;
use ashyq_core::occupation::OccupationCode;
use ashyq_core::said::Said;
use ashyq_store::StoreError;
use ashyq_store::labour::preview::PreviewError;
use ashyq_store::lists::{self, Changed, ListHeader, Opinion};
use ashyq_store::pipeline::history::ImportSummary;
use ashyq_store::pipeline::input::{InputError, MAX_CELL_CHARS, MAX_RECORD_BYTES};
use ashyq_store::pipeline::workbook::WorkbookError;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{FromRequest, Multipart, Path, Query, Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

/// A past import, as the page shows it.
pub struct ImportRow {
    pub id: i64,
    pub source: String,
    pub file_name: String,
    pub rows: i64,
    pub inserted: i64,
    pub updated: i64,
    pub unchanged: i64,
    pub rejected: i64,
    pub by: String,
    /// When it was written, in the reader's way of writing dates.
    pub at: String,
}

impl ImportRow {
    fn new(page: &Page, i: ImportSummary) -> Self {
        ImportRow {
            at: page.instant(i.finished_at),
            id: i.id,
            source: {
                let key = format!("source-{}", i.source);
                if page.has(&key) { page.t(&key) } else { i.source }
            },
            file_name: i.file_name,
            rows: i.rows_read,
            inserted: i.inserted,
            updated: i.updated,
            unchanged: i.unchanged,
            rejected: i.rejected,
            by: i.username,
        }
    }
}

pub struct ListRow {
    pub id: i64,
    pub period: i64,
    pub status: String,
    pub revision: i64,
    pub effective_from: Option<jiff::civil::Date>,
}

impl ListRow {
    fn new(page: &Page, l: &ListHeader) -> Self {
        ListRow {
            id: l.id,
            period: l.period,
            status: page.t(&format!("status-{}", l.status.as_str())),
            revision: l.revision,
            effective_from: l.effective_from,
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "analysis.html")]
pub struct Dashboard {
    page: Page,
    imports: Vec<ImportRow>,
    lists: Vec<ListRow>,
    notice: Option<String>,
    error: Option<String>,
    errors: Vec<String>,
    period: String,
    /// The period has a list being formed: computing another waits for confirmation.
    second_draft: Option<SecondDraft>,
}

/// The warning before a second draft for a period, with what to send again to confirm.
pub struct SecondDraft {
    pub text: String,
    pub period: String,
    pub note: String,
}

#[allow(clippy::too_many_arguments)]
async fn dashboard(
    s: &AppState,
    p: &Principal,
    mut page: Page,
    status: StatusCode,
    notice: Option<String>,
    error: Option<String>,
    errors: Vec<String>,
    second_draft: Option<SecondDraft>,
) -> Response {
    // Also shown in answer to a POST (upload, compute): the language links come back here.
    page.here = "/analysis".to_string();
    let read = async {
        Ok::<_, Error>((imports::recent(s, p, 20).await?, coordination::visible_lists(s, p).await?))
    }
    .await;
    let (imports, all) = match read {
        Ok(r) => r,
        Err(e) => return read_failed(page, e),
    };
    let imports = imports.into_iter().map(|i| ImportRow::new(&page, i)).collect();
    let lists = all.iter().map(|l| ListRow::new(&page, l)).collect();
    let period = (crate::clock::today().year() - 1).to_string();
    (status, Dashboard { page, imports, lists, notice, error, errors, period, second_draft }).into_response()
}

#[derive(Deserialize)]
pub struct Flash {
    done: Option<String>,
    /// The import just made: its counts, and the rows it set aside.
    imported: Option<i64>,
}

pub async fn show(
    State(s): State<AppState>,
    principal: Principal,
    page: Page,
    Query(f): Query<Flash>,
) -> Response {
    let mut notice = f.done.map(|d| {
        page.t(&format!("done-{}", d.chars().filter(char::is_ascii_alphanumeric).collect::<String>()))
    });
    let mut set_aside = Vec::new();
    if let Some(id) = f.imported {
        match imports::outcome(&s, &principal, id, 100).await {
            Ok((r, rejects)) => {
                notice = Some(page.tc(
                    "an-imported",
                    r.rows_read,
                    &[
                        ("file", &r.file_name),
                        ("inserted", &page.integer(r.inserted)),
                        ("updated", &page.integer(r.updated)),
                        ("unchanged", &page.integer(r.unchanged)),
                        ("rejected", &page.integer(r.rejected)),
                    ],
                ));
                // In the reader's words, as the preview names them (the field by its name: a
                // set-aside row keeps no column letter).
                set_aside = rejects
                    .into_iter()
                    .map(|e| {
                        let e = PreviewError { row: e.row, column: None, field: e.column, reason: e.reason };
                        super::previews::error_in_words(&page, &r.file_name, &e)
                    })
                    .collect();
            }
            Err(Error::Store(StoreError::NotFound { .. })) => {}
            Err(e) => return read_failed(page, e),
        }
    }
    dashboard(&s, &principal, page, StatusCode::OK, notice, None, set_aside, None).await
}

/// What an upload form sent: the file spooled to a temporary file as it arrived.
struct Upload {
    csrf: String,
    source: String,
    skip_invalid: bool,
    file_name: String,
    file: Option<Spooled>,
}

async fn read_upload(mut form: Multipart, limit: u64) -> Result<Upload, UploadError> {
    let mut up = Upload {
        csrf: String::new(),
        source: String::new(),
        skip_invalid: false,
        file_name: String::new(),
        file: None,
    };
    while let Some(field) = form.next_field().await? {
        match field.name().unwrap_or_default() {
            "csrf" => up.csrf = field.text().await?,
            "source" => up.source = field.text().await?,
            "skip_invalid" => up.skip_invalid = !field.text().await?.is_empty(),
            "file" => {
                up.file_name = field.file_name().unwrap_or("upload").to_string();
                up.file = Some(upload::spool_field(field, limit).await?);
            }
            _ => {}
        }
    }
    Ok(up)
}

/// Why a file could not be imported at all, in the reader's language.
fn unreadable(page: &Page, file: &str, source: &InputError) -> String {
    let mib = |bytes: u64| (bytes / (1024 * 1024)).to_string();
    match source {
        InputError::LongCell { row, column, chars } => page.tn(
            "an-err-long-cell",
            &[
                ("file", file),
                ("row", &row.to_string()),
                ("column", &column.to_string()),
                ("chars", &chars.to_string()),
                ("max", &MAX_CELL_CHARS.to_string()),
            ],
        ),
        InputError::LongRecord { row } => page.tn(
            "an-err-long-record",
            &[("file", file), ("row", &row.to_string()), ("max", &mib(MAX_RECORD_BYTES))],
        ),
        InputError::Workbook(w) => match w {
            WorkbookError::Cell { part, cell, max } => page.tn(
                "an-err-book-cell",
                &[("file", file), ("part", part), ("cell", cell), ("max", &mib(*max))],
            ),
            WorkbookError::SharedString { part, index, max } => page.tn(
                "an-err-book-string",
                &[("file", file), ("part", part), ("index", &index.to_string()), ("max", &mib(*max))],
            ),
            WorkbookError::SharedStrings { part, max } => {
                page.tn("an-err-book-strings", &[("file", file), ("part", part), ("max", &max.to_string())])
            }
            WorkbookError::Declared { part, max, .. } | WorkbookError::Unpacked { part, max } => {
                page.tn("an-err-book-part", &[("file", file), ("part", part), ("max", &mib(*max))])
            }
            WorkbookError::Total { max } | WorkbookError::Directory { max } => {
                page.tn("an-err-book-total", &[("file", file), ("max", &mib(*max))])
            }
            WorkbookError::Entries { max } => {
                page.tn("an-err-book-entries", &[("file", file), ("max", &max.to_string())])
            }
            WorkbookError::Lying { part, .. }
            | WorkbookError::Token { part, .. }
            | WorkbookError::StyleRecords { part, .. }
            | WorkbookError::Dtd { part } => page.tn("an-err-book-broken", &[("file", file), ("part", part)]),
            WorkbookError::Unreadable(_) => page.t1("an-err-not-book", "file", file),
        },
        InputError::Xlsx(_) | InputError::NoSheet => page.t1("an-err-not-book", "file", file),
        InputError::Empty => page.t1("an-err-empty-file", "file", file),
        // A bad line of the file itself: its place and the reason in the reader's words.
        InputError::Row { row, reason } => page.tn(
            "an-err-unreadable-row",
            &[("file", file), ("row", &row.to_string()), ("reason", &page.said(reason))],
        ),
        // The upload could not be read back from its temporary file: the system's fault.
        InputError::Io(_) => page.t1("an-err-unreadable", "file", file),
    }
}

/// The upload form: a data file of one of the three sources (multipart, with the CSRF token).
pub async fn upload(State(s): State<AppState>, principal: Principal, page: Page, req: Request) -> Response {
    // A post that is not a multipart form cannot carry the form's token: refused as forged.
    let Ok(form) = Multipart::from_request(req, &s).await else { return errors::csrf(page) };
    let limit = s.config.import_limit_bytes as u64;
    let up = match read_upload(form, limit).await {
        Ok(u) => u,
        Err(UploadError::TooLarge { .. }) => {
            let text = page.t1("an-err-too-large", "max", &(limit / (1024 * 1024)).to_string());
            return render_error(&s, &principal, page, StatusCode::PAYLOAD_TOO_LARGE, text, Vec::new()).await;
        }
        Err(UploadError::Broken(_)) => {
            let text = page.t("an-err-upload");
            return render_error(&s, &principal, page, StatusCode::BAD_REQUEST, text, Vec::new()).await;
        }
        Err(e @ UploadError::Io(_)) => return errors::internal(page, e),
    };
    let expected = principal.session_csrf().unwrap_or_default();
    if expected.is_empty() || !ashyq_store::secret::constant_time_eq(&up.csrf, expected) {
        return errors::csrf(page);
    }
    let unprocessable = StatusCode::UNPROCESSABLE_ENTITY;
    let Some(source) = Source::parse(&up.source) else {
        let text = page.t("an-err-source");
        return render_error(&s, &principal, page, unprocessable, text, Vec::new()).await;
    };
    let Some(file) = up.file else {
        let text = page.t("an-err-file");
        return render_error(&s, &principal, page, unprocessable, text, Vec::new()).await;
    };
    let upload =
        imports::Upload { source, file_name: Some(up.file_name), skip_invalid: up.skip_invalid, file };
    match previews::preview(&s, &principal, upload).await {
        // Post/redirect/get: the preview has its own page; nothing is written before it is confirmed.
        Ok(Staged::Preview(p)) => Redirect::to(&format!("/analysis/imports/{}", p.id)).into_response(),
        Ok(Staged::BadHeader { file_name, errors }) => {
            let text = page.t1("up-bad-header", "file", &file_name);
            let shown: Vec<String> = errors.iter().map(|e| error_in_words(&page, &file_name, e)).collect();
            render_error(&s, &principal, page, unprocessable, text, shown).await
        }
        Ok(Staged::Unreadable { file_name, reason }) => {
            let text = unreadable(&page, &file_name, &reason);
            render_error(&s, &principal, page, unprocessable, text, Vec::new()).await
        }
        Err(Error::Refused(p)) if p.code == "empty" => {
            let text = page.t("an-err-file");
            render_error(&s, &principal, page, unprocessable, text, Vec::new()).await
        }
        Err(e) => match refusal(&page, e) {
            Ok((status, text)) => render_error(&s, &principal, page, status, text, Vec::new()).await,
            Err(e) => internal(page, e),
        },
    }
}

async fn render_error(
    s: &AppState,
    p: &Principal,
    page: Page,
    status: StatusCode,
    text: String,
    rows: Vec<String>,
) -> Response {
    dashboard(s, p, page, status, None, Some(text), rows, None).await
}

#[derive(Deserialize)]
pub struct ComputeForm {
    #[serde(default)]
    period: String,
    #[serde(default)]
    note: String,
    /// Sent by the warning's button: compute beside the list already being formed.
    #[serde(default)]
    force: String,
}

/// Computes a new draft from the imported data.
pub async fn compute(
    State(s): State<AppState>,
    principal: Principal,
    CsrfForm { page, fields }: CsrfForm<ComputeForm>,
) -> Response {
    let bad_period = |page: &Page| page.t("an-err-period");
    let Ok(period) = fields.period.trim().parse::<i16>() else {
        let text = bad_period(&page);
        return render_error(&s, &principal, page, StatusCode::UNPROCESSABLE_ENTITY, text, Vec::new()).await;
    };
    let note = fields.note.clone();
    let new = forming::NewDraft { period, on: None, note: fields.note, force: !fields.force.is_empty() };
    let (status, text) = match forming::draft(&s, &principal, new).await {
        Ok(l) => return Redirect::to(&format!("/analysis/lists/{}?done=drafted", l.id)).into_response(),
        Err(Error::Refused(p)) if p.code == "draft_exists" => {
            return second_draft(&s, &principal, page, period, note).await;
        }
        Err(Error::Refused(p)) if p.errors.first().is_some_and(|f| f.field == "period") => {
            (StatusCode::UNPROCESSABLE_ENTITY, bad_period(&page))
        }
        Err(Error::Store(StoreError::Field { reason, .. })) => {
            (StatusCode::UNPROCESSABLE_ENTITY, page.said(&reason))
        }
        Err(e) => match refusal(&page, e) {
            Ok(refused) => refused,
            Err(e) => return internal(page, e),
        },
    };
    render_error(&s, &principal, page, status, text, Vec::new()).await
}

/// The dashboard with the warning that the period has a list being formed, and a button to
/// compute another all the same (409: nothing was computed).
async fn second_draft(s: &AppState, p: &Principal, mut page: Page, period: i16, note: String) -> Response {
    let open = match forming::open_drafts(s, p, period).await {
        Ok(open) => open,
        Err(e) => return read_failed(page, e),
    };
    let lists: Vec<String> = open
        .iter()
        .map(|l| {
            page.tn(
                "up-open-list",
                &[("id", &l.id.to_string()), ("status", &page.t(&format!("status-{}", l.status.as_str())))],
            )
        })
        .collect();
    let text = page.tn("up-second-draft", &[("period", &period.to_string()), ("lists", &lists.join(", "))]);
    page.here = "/analysis".to_string();
    let warning = SecondDraft { text, period: period.to_string(), note };
    dashboard(s, p, page, StatusCode::CONFLICT, None, None, Vec::new(), Some(warning)).await
}

pub struct OpinionRow {
    pub revision: i64,
    pub body: String,
    pub verdict: String,
    pub remarks: String,
    pub by: String,
    pub proposals: Vec<String>,
}

pub fn opinion_rows(page: &Page, opinions: Vec<Opinion>, bodies: &[lists::Body]) -> Vec<OpinionRow> {
    opinions
        .into_iter()
        .map(|o| OpinionRow {
            revision: o.revision,
            body: bodies
                .iter()
                .find(|b| b.code == o.body)
                .map_or(o.body.clone(), |b| b.name(page.lang_code()).to_string()),
            verdict: page.t(&format!("verdict-{}", o.verdict)),
            remarks: o.remarks,
            by: o.username,
            proposals: o
                .proposals
                .iter()
                .map(|p| {
                    format!(
                        "{} {} ({}): {}",
                        page.t(&format!("change-{}", p.change)),
                        p.occupation,
                        listview::title(page, &p.occupation),
                        p.justification
                    )
                })
                .collect(),
        })
        .collect()
}

#[derive(Template, WebTemplate)]
#[template(path = "draft.html")]
pub struct Draft {
    page: Page,
    id: i64,
    period: i64,
    status: String,
    state: &'static str,
    can_send: bool,
    can_revise: bool,
    can_approve: bool,
    can_publish: bool,
    no_link: Option<i64>,
    revision: i64,
    shown_revision: i64,
    revisions: Vec<i64>,
    order: String,
    rows: Vec<Row>,
    recipients: usize,
    opinions: Vec<OpinionRow>,
    notice: Option<String>,
    error: Option<String>,
    today: String,
    change_rows: Vec<ChangeRow>,
}

#[derive(Deserialize)]
pub struct DraftQuery {
    revision: Option<i64>,
    done: Option<String>,
}

#[allow(clippy::too_many_arguments)]
async fn draft(
    s: &AppState,
    p: &Principal,
    page: Page,
    status: StatusCode,
    id: i64,
    revision: Option<i64>,
    notice: Option<String>,
    error: Option<String>,
) -> Response {
    let read = async {
        Ok::<_, Error>((
            coordination::detail(s, p, id, revision).await?,
            coordination::organisations(s, p).await?,
        ))
    }
    .await;
    let (detail, bodies) = match read {
        Ok(r) => r,
        Err(Error::Refused(problem)) if problem.errors.first().is_some_and(|f| f.field == "revision") => {
            let asked = revision.unwrap_or_default().to_string();
            let text = page.t1("an-err-revision", "revision", &asked);
            return errors::render(page, StatusCode::UNPROCESSABLE_ENTITY, "error-badinput-title", text);
        }
        Err(e) => return read_failed(page, e),
    };
    let coordination::Detail { list: l, shown, entries, recipients, opinions, .. } = detail;
    let recipients = recipients.len();
    let opinions = opinion_rows(&page, opinions, &bodies);
    let order = match (&l.order_no, &l.order_date) {
        (Some(n), Some(d)) => page.tn(
            "lists-order",
            &[("order", n), ("date", &page.d(d)), ("effective", &page.date_or_dash(&l.effective_from))],
        ),
        _ => String::new(),
    };
    let draft = Draft {
        id,
        period: l.period,
        status: page.t(&format!("status-{}", l.status.as_str())),
        state: l.status.as_str(),
        can_send: offers(l.status, Step::Send, l.coordinated),
        can_revise: offers(l.status, Step::Revise, l.coordinated),
        can_approve: offers(l.status, Step::Approve, l.coordinated),
        can_publish: offers(l.status, Step::Publish, l.coordinated),
        no_link: None,
        revision: l.revision,
        shown_revision: shown,
        revisions: (1..=l.revision).collect(),
        order,
        rows: listview::rows(&page, &entries),
        recipients,
        opinions,
        notice,
        error,
        today: crate::clock::today().to_string(),
        change_rows: ChangeRow::blank(),
        page,
    };
    (status, draft).into_response()
}

pub async fn detail(
    State(s): State<AppState>,
    principal: Principal,
    page: Page,
    Path(id): Path<i64>,
    Query(q): Query<DraftQuery>,
) -> Response {
    let notice = q.done.map(|d| {
        page.t(&format!("done-{}", d.chars().filter(char::is_ascii_alphanumeric).collect::<String>()))
    });
    draft(&s, &principal, page, StatusCode::OK, id, q.revision, notice, None).await
}

/// After a step: back to the list with a notice, or the list with the reason it was refused.
async fn after(
    s: &AppState,
    p: &Principal,
    mut page: Page,
    id: i64,
    result: Result<ListHeader, Error>,
    done: &str,
) -> Response {
    // A refused step is shown at the step's POST address: the language links go to the list.
    page.here = format!("/analysis/lists/{id}");
    let (status, error) = match result.map_err(|e| refusal(&page, e)) {
        Ok(_) => return Redirect::to(&format!("/analysis/lists/{id}?done={done}")).into_response(),
        Err(Ok(refused)) => refused,
        Err(Err(e)) => return internal(page, e),
    };
    draft(s, p, page, status, id, None, None, Some(error)).await
}

pub async fn send(
    State(s): State<AppState>,
    principal: Principal,
    Path(id): Path<i64>,
    CsrfForm { page, .. }: CsrfForm<NoFields>,
) -> Response {
    let r = forming::send(&s, &principal, id).await;
    after(&s, &principal, page, id, r, "sent").await
}

/// Up to five changes, each an occupation, add or remove, and a justification.
#[derive(Deserialize, Default)]
pub struct ChangeFields {
    #[serde(default)]
    pub occupation_1: String,
    #[serde(default)]
    pub change_1: String,
    #[serde(default)]
    pub justification_1: String,
    #[serde(default)]
    pub occupation_2: String,
    #[serde(default)]
    pub change_2: String,
    #[serde(default)]
    pub justification_2: String,
    #[serde(default)]
    pub occupation_3: String,
    #[serde(default)]
    pub change_3: String,
    #[serde(default)]
    pub justification_3: String,
}

impl ChangeFields {
    /// The rows as they were given (occupation, change, justification), in order.
    fn given(&self) -> [(&String, &String, &String); 3] {
        [
            (&self.occupation_1, &self.change_1, &self.justification_1),
            (&self.occupation_2, &self.change_2, &self.justification_2),
            (&self.occupation_3, &self.change_3, &self.justification_3),
        ]
    }

    /// The filled rows as changes, or why the first bad one is not.
    pub fn changes(&self) -> Result<Vec<Changed>, Said> {
        let mut out = Vec::new();
        for (i, (occ, change, why)) in self.given().into_iter().enumerate() {
            if occ.trim().is_empty() {
                continue;
            }
            let row = i + 1;
            let occupation = OccupationCode::parse(occ).map_err(|_| {
                Said::new("changes-err-code", format!("row {row}: {occ:?} is not an occupation code"))
                    .count("row", row as i64)
                    .text("value", occ)
            })?;
            let change = Change::parse(change).ok_or_else(|| {
                Said::new("changes-err-change", format!("row {row}: choose add or remove"))
                    .count("row", row as i64)
            })?;
            out.push(Changed { occupation, change, justification: why.clone() });
        }
        Ok(out)
    }

    /// The rows as the form shows them again, with what was given.
    pub fn rows(&self) -> Vec<ChangeRow> {
        self.given()
            .into_iter()
            .enumerate()
            .map(|(i, (occupation, change, justification))| ChangeRow {
                i: i + 1,
                occupation: occupation.clone(),
                change: change.clone(),
                justification: justification.clone(),
            })
            .collect()
    }
}

/// One row of the changes' fieldset (`change_rows.html`), blank or as it was given.
pub struct ChangeRow {
    pub i: usize,
    pub occupation: String,
    pub change: String,
    pub justification: String,
}

impl ChangeRow {
    /// The fieldset's three rows, blank.
    pub fn blank() -> Vec<ChangeRow> {
        ChangeFields::default().rows()
    }
}

#[derive(Deserialize)]
pub struct ReviseForm {
    #[serde(default)]
    note: String,
    #[serde(flatten)]
    changes: ChangeFields,
}

pub async fn revise(
    State(s): State<AppState>,
    principal: Principal,
    Path(id): Path<i64>,
    CsrfForm { page, fields }: CsrfForm<ReviseForm>,
) -> Response {
    let r = match fields.changes.changes() {
        Ok(changes) => forming::revise(&s, &principal, id, &fields.note, &changes).await,
        Err(e) => Err(StoreError::field("changes", e).into()),
    };
    after(&s, &principal, page, id, r, "revised").await
}

#[derive(Deserialize)]
pub struct ApproveForm {
    #[serde(default)]
    order_no: String,
    #[serde(default)]
    order_date: String,
}

pub async fn approve(
    State(s): State<AppState>,
    principal: Principal,
    Path(id): Path<i64>,
    CsrfForm { page, fields }: CsrfForm<ApproveForm>,
) -> Response {
    let r = match parse_iso_date(fields.order_date.trim()) {
        Some(d) => forming::approve(&s, &principal, id, &fields.order_no, d).await,
        None => Err(StoreError::field("order_date", not_a_date(&fields.order_date)).into()),
    };
    after(&s, &principal, page, id, r, "approved").await
}

#[derive(Deserialize)]
pub struct PublishForm {
    #[serde(default)]
    effective_from: String,
}

pub async fn publish(
    State(s): State<AppState>,
    principal: Principal,
    Path(id): Path<i64>,
    CsrfForm { page, fields }: CsrfForm<PublishForm>,
) -> Response {
    let r = match parse_iso_date(fields.effective_from.trim()) {
        Some(d) => forming::publish(&s, &principal, id, d).await,
        None => Err(StoreError::field("effective_from", not_a_date(&fields.effective_from)).into()),
    };
    after(&s, &principal, page, id, r, "published").await
}

/// A form's date that is not one.
fn not_a_date(text: &str) -> Said {
    Said::new("field-not-a-date", format!("{text:?} is not a date (YYYY-MM-DD)")).text("value", text)
}

/// Whether a list in this state offers a step.
fn offers(status: ListStatus, step: Step, coordinated: bool) -> bool {
    ashyq_core::labour::coordination::next(status, step, coordinated).is_ok()
}

/// This module's routes, each with its row of the access table
/// (public, applicant, analyst, coordinator, officer, border, admin).
#[rustfmt::skip]
pub fn routes(b: crate::routes::RouteBuilder) -> crate::routes::RouteBuilder {
    b
        .page_get("/analysis", [401, 403, 200, 403, 403, 403, 403], show)
        .page_import("/analysis/imports", [401, 403, 303, 403, 403, 403, 403], upload)
        .page_post("/analysis/lists", [401, 403, 303, 403, 403, 403, 403], compute)
        .page_get("/analysis/lists/{id}", [401, 403, 200, 403, 403, 403, 403], detail)
        .page_post("/analysis/lists/{id}/send", [401, 403, 303, 403, 403, 403, 403], send)
        .page_post("/analysis/lists/{id}/revise", [401, 403, 303, 403, 403, 403, 403], revise)
        .page_post("/analysis/lists/{id}/approve", [401, 403, 303, 403, 403, 403, 403], approve)
        .page_post("/analysis/lists/{id}/publish", [401, 403, 303, 403, 403, 403, 403], publish)
}
