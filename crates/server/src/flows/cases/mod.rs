//! Applications for the programmes: an applicant's cases, evidence and messages; the officers'
//! queue, decisions and four-eyes confirmations.
//!
//! The use cases live here (opening, listing and showing a case, the rules' evaluation of
//! one), in [`evidence`] (attaching and downloading documents) and in [`moves`] (the moves of
//! the workflow); `api` and `pages` are thin adapters over them. Who reaches which case is
//! [`Access::viewer`]: an applicant their own (another's is "not found"), an officer their
//! region's (another's is forbidden), an administrator every one, to read. The store audits
//! every move and every read by anyone but the applicant.

pub mod api;
pub mod evidence;
pub mod moves;
pub mod pages;

use crate::access::Access;
use crate::auth::Principal;
use crate::flows::{Error, Outcome};
use crate::problem::Problem;
use crate::routes::RouteBuilder;
use crate::state::AppState;
use crate::world::world;
use ashyq_core::cases::status::CaseStatus;
use ashyq_core::rules::{Context, Decision, Facts, Programme};
use ashyq_store::StoreError;
use ashyq_store::cases::arrange::{arrange, matches};
use ashyq_store::cases::evidence::EvidenceMeta;
use ashyq_store::cases::permits::{self, Permit};
use ashyq_store::cases::{
    Case, CaseEvent, CaseSummary, Evaluated, QueueFilter, QueuePage, QueueSort, Viewer, evaluate, read,
};
use jiff::civil::Date;

pub use ashyq_store::cases::moves::NewCase;

/// "field: message" (the core's and the store's way of naming a field) as a 422.
pub(crate) fn named(text: &str, default_field: &str) -> Problem {
    match text.split_once(": ") {
        Some((field, message)) => Problem::validation(field, message),
        None => Problem::validation(default_field, text),
    }
}

/// The rules' evaluation of `facts` for `programme` on `on`. Facts that do not read, or a day
/// the rules cannot decide, are refused as the API answers them (422 naming `facts.…` or
/// `on`); a world that cannot be loaded is the store's failure.
pub async fn evaluation(
    s: &AppState,
    programme: Programme,
    facts: &serde_json::Value,
    on: Date,
) -> Outcome<Evaluated> {
    let w = world(s).await?;
    let ctx = Context { policy: &s.policy, lists: &w.lists, rates: &w.rates };
    evaluate::run(&ctx, programme, facts, on).map_err(|e| match e {
        e @ StoreError::Field { .. } => Error::Refused(e.into()),
        e => Error::Store(e),
    })
}

/// The evaluation of a stored case again for `on` (a submission, a decision, a confirmation).
async fn evaluation_of(s: &AppState, case: &Case, on: Date) -> Outcome<Evaluated> {
    evaluation(s, case.programme, &case.facts, on).await
}

/// The rules' decision on a stored case's facts for `on` with its whole trace, handed to
/// `view` (the decision borrows the rules' world): the officer's page explains a case for
/// today, as a decision would be made; the applicant's page for the day they applied. Refused
/// as [`evaluation`] refuses.
pub async fn explain<T>(
    s: &AppState,
    case: &Case,
    on: Date,
    view: impl FnOnce(&Decision<'_>) -> T,
) -> Outcome<T> {
    let facts = Facts::from_value(case.programme, &case.facts).map_err(|e| {
        let field = format!("facts.{}", e.path);
        let field = field.trim_end_matches('.');
        Problem::new(
            axum::http::StatusCode::UNPROCESSABLE_ENTITY,
            "validation",
            format!("{field}: {}", e.reason),
        )
        .field_said(field, e.reason)
    })?;
    let w = world(s).await?;
    let ctx = Context { policy: &s.policy, lists: &w.lists, rates: &w.rates };
    let d = ashyq_core::rules::evaluate(&facts, on, &ctx)
        .map_err(|e| Problem::validation("on", e.to_string()))?;
    Ok(view(&d))
}

/// A case with what goes with it: its history (moves and messages), its evidence (metadata)
/// and the permit it issued, if any.
#[derive(Debug)]
pub struct CaseFile {
    pub case: Case,
    pub events: Vec<CaseEvent>,
    pub evidence: Vec<EvidenceMeta>,
    pub permit: Option<Permit>,
}

/// What goes with a case the caller has been allowed to see (read or moved through a use
/// case); nothing more is audited.
pub async fn file(s: &AppState, case: Case) -> Outcome<CaseFile> {
    let events = read::events(&s.db, case.id).await?;
    let evidence = ashyq_store::cases::evidence::list(&s.db, case.id).await?;
    let permit = match &case.permit_number {
        Some(n) => Some(permits::by_number(&s.db, n).await?),
        None => None,
    };
    Ok(CaseFile { case, events, evidence, permit })
}

/// A case opened: its id, and whether it is new (`false`: the same reference with the same
/// answers again, the stored case).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Opened {
    pub id: i64,
    pub created: bool,
}

/// An applicant opens a case (a draft) with its first automatic evaluation for today. The
/// holder is checked (422 naming `holder.field`), the facts read (422 naming `facts.…`); the
/// same reference with other answers is a conflict.
pub async fn open(s: &AppState, p: &Principal, new: NewCase) -> Outcome<Opened> {
    let access = Access::of(p);
    let Viewer::Applicant(me) = access.viewer()? else {
        return Err(access.refused().into());
    };
    let today = crate::clock::today();
    let holder = new.holder.checked(today).map_err(|e| named(&e.to_string(), "holder"))?;
    let evaluated = evaluation(s, new.programme, &new.facts, today).await?;
    let new = NewCase { holder, ..new };
    let (id, created) = ashyq_store::cases::moves::create(&s.db, &p.actor(), me, &new, &evaluated).await?;
    Ok(Opened { id, created })
}

/// Which cases to list, and which page of them.
#[derive(Debug, Clone)]
pub struct Filter {
    pub programme: Option<Programme>,
    /// Officers: default submitted and awaiting confirmation.
    pub status: Option<CaseStatus>,
    /// Officers: only this region (an officer of a region may ask only for theirs).
    pub region: Option<String>,
    /// Officers: only cases submitted at least this many days ago.
    pub older_than_days: Option<i64>,
    /// A part of the holder's name, the case's reference or the passport number.
    pub search: Option<String>,
    pub sort: QueueSort,
    pub descending: bool,
    /// The page, from 1.
    pub page: i64,
    /// At most this many a page (1–1000).
    pub limit: i64,
}

impl Default for Filter {
    fn default() -> Filter {
        Filter {
            programme: None,
            status: None,
            region: None,
            older_than_days: None,
            search: None,
            sort: QueueSort::default(),
            descending: false,
            page: 1,
            limit: PAGE_SIZE,
        }
    }
}

/// Cases a page shows when no other size is asked for.
pub const PAGE_SIZE: i64 = 50;

/// The longest search accepted.
pub const SEARCH_MAX_CHARS: usize = 100;

impl Filter {
    fn checked(&self) -> Result<(), Problem> {
        if self.older_than_days.is_some_and(|d| d < 0) {
            return Err(Problem::validation("older_than_days", "must not be negative"));
        }
        if !(1..=1000).contains(&self.limit) {
            return Err(Problem::validation("limit", "must be 1 to 1000"));
        }
        if let Some(r) = &self.region
            && ashyq_core::region::by_code(r).is_none()
        {
            return Err(Problem::validation(
                "region",
                format!("{r:?} is not a region of Kazakhstan (KZ-75)"),
            ));
        }
        if !(1..=1_000_000).contains(&self.page) {
            return Err(Problem::validation("page", "must be 1 to 1000000"));
        }
        if let Some(q) = &self.search
            && (q.chars().count() > SEARCH_MAX_CHARS || q.chars().any(char::is_control))
        {
            return Err(Problem::validation(
                "q",
                "must be at most 100 characters without control characters",
            ));
        }
        Ok(())
    }

    fn offset(&self) -> i64 {
        (self.page - 1).saturating_mul(self.limit)
    }
}

/// Cases: an applicant's own, newest first (programme, status and the search narrow them); for
/// officers and administrators the [`queue`]. One page of them, with the count of all.
pub async fn list(s: &AppState, p: &Principal, f: &Filter) -> Outcome<QueuePage> {
    f.checked()?;
    match Access::of(p).viewer()? {
        Viewer::Applicant(me) => {
            let mine: Vec<CaseSummary> = read::of_applicant(&s.db, me)
                .await?
                .into_iter()
                .filter(|c| {
                    f.programme.is_none_or(|p| c.programme == p) && f.status.is_none_or(|st| c.status == st)
                })
                .collect();
            let offset = usize::try_from(f.offset()).unwrap_or(usize::MAX);
            let limit = usize::try_from(f.limit).unwrap_or(1000);
            if f.sort != QueueSort::Submitted || f.descending {
                return Ok(arrange(mine, f.search.as_deref(), f.sort, f.descending, offset, limit));
            }
            // Newest first, drafts too, as stored, unless another order is asked for.
            let found: Vec<CaseSummary> =
                mine.into_iter().filter(|c| f.search.as_deref().is_none_or(|q| matches(c, q))).collect();
            let total = found.len();
            Ok(QueuePage { total, cases: found.into_iter().skip(offset).take(limit).collect() })
        }
        _ => queue(s, p, f).await,
    }
}

/// The officers' queue: cases past the draft stage, of the officer's region (asking for
/// another region is forbidden), oldest submission first unless sorted otherwise, searched,
/// filtered and cut into pages; administrators read every region's. Applicants have no queue
/// (403). The queue is audited.
pub async fn queue(s: &AppState, p: &Principal, f: &Filter) -> Outcome<QueuePage> {
    f.checked()?;
    let filter = QueueFilter {
        programme: f.programme,
        status: f.status,
        region: f.region.as_deref().and_then(ashyq_core::region::by_code).map(|r| r.code.clone()),
        older_than_days: f.older_than_days,
        now: jiff::Timestamp::now(),
        limit: f.limit,
        search: f.search.clone(),
        sort: f.sort,
        descending: f.descending,
        offset: f.offset(),
    };
    Ok(read::queue_page(&s.db, &p.actor(), &Access::of(p).viewer()?, &filter).await?)
}

/// A case with its history, evidence and permit. An applicant sees only their own (another's
/// is not found); an officer only their region's (forbidden). Reads by officers are audited.
pub async fn show(s: &AppState, p: &Principal, id: i64) -> Outcome<CaseFile> {
    let case = read::get(&s.db, &p.actor(), &Access::of(p).viewer()?, id).await?;
    file(s, case).await
}

/// The permit a case issued (`None`: none yet), for a caller who may see the case: the holder
/// files its reports and confirmations of solvency from the case.
pub async fn permit_of(s: &AppState, p: &Principal, id: i64) -> Outcome<Option<i64>> {
    Ok(read::get(&s.db, &p.actor(), &Access::of(p).viewer()?, id).await?.permit_id)
}

/// The flow's routes: its pages, then its API.
pub fn routes(b: RouteBuilder) -> RouteBuilder {
    let b = pages::routes(b.flow("cases"));
    api::routes(b)
}
