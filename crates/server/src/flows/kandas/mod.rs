//! Kandas resettlement: applications, assignment to a region against its quota, subsidies and the
//! report by region.
//!
//! The use cases live here; `api` and `pages` are thin adapters over them. Every use case
//! limits the caller by [`Access::region`]: an officer of a region acts only on the
//! applications choosing that region (another region's is 403); the national roles read all
//! regions; the others are refused. Officers register and decide; every change is audited by
//! the store in its transaction, and so is every staff read of the families' names (one
//! application, the queue, the list). Applicants file and follow their own applications ([`own`]).

pub mod api;
pub mod own;
pub mod pages;

use crate::access::Access;
use crate::auth::Principal;
use crate::flows::Outcome;
use crate::routes::RouteBuilder;
use crate::state::AppState;
use ashyq_core::Role;
use ashyq_core::kandas::{Application, Subsidies};
use ashyq_store::kandas::{self, KandasApplication, QuotaUse, RegionReport};

/// The flow's routes: its pages, then its API.
pub fn routes(b: RouteBuilder) -> RouteBuilder {
    let b = pages::routes(b.flow("kandas"));
    api::routes(b)
}

/// The most applications one list answers with, on the API and on the queue page alike.
pub const LIST_LIMIT: i64 = 1000;

/// Whether the caller registers and decides on applications: the officers.
pub fn decides(a: &Access) -> bool {
    a.role == Role::Officer
}

/// The region an officer acting on applications is limited to (`None`: an officer without a
/// region acts on all); anyone else is refused.
fn acting(p: &Principal) -> Outcome<Option<String>> {
    let a = Access::of(p);
    a.require(&[Role::Officer])?;
    Ok(a.region()?.map(str::to_string))
}

/// The region a reader is limited to (`None`: all); roles without regional work are refused.
fn reading(p: &Principal) -> Outcome<Option<String>> {
    Ok(Access::of(p).region()?.map(str::to_string))
}

/// Registers a family's application on its behalf, checked for kandas status today.
pub async fn create(
    s: &AppState,
    p: &Principal,
    reference: &str,
    facts: &Application,
) -> Outcome<KandasApplication> {
    let scope = acting(p)?;
    Ok(kandas::create(&s.db, &p.actor(), scope.as_deref(), reference, facts, crate::clock::today()).await?)
}

/// The applications in the caller's region (all for the national roles), of one status if
/// given, oldest first; at most [`LIST_LIMIT`].
pub async fn list(s: &AppState, p: &Principal, status: Option<&str>) -> Outcome<Vec<KandasApplication>> {
    let scope = reading(p)?;
    Ok(kandas::listed(&s.db, &p.actor(), scope.as_deref(), status, LIST_LIMIT).await?)
}

/// The applications waiting for a decision, and the quota of the caller's region this year.
pub struct Queue {
    pub year: i16,
    pub waiting: Vec<KandasApplication>,
    /// The caller's region and its quota this year; `None` for the national roles.
    pub quota: Option<(String, QuotaUse)>,
}

/// The queue: the submitted applications in scope and the region's quota used and left.
pub async fn queue(s: &AppState, p: &Principal) -> Outcome<Queue> {
    let scope = reading(p)?;
    let year = crate::clock::today().year();
    let waiting = kandas::listed(&s.db, &p.actor(), scope.as_deref(), Some("submitted"), LIST_LIMIT).await?;
    let quota = match scope {
        Some(r) => {
            let q = kandas::quota(&s.db, &s.policy, &r, year).await?;
            Some((r, q))
        }
        None => None,
    };
    Ok(Queue { year, waiting, quota })
}

/// One application (another region's is 403).
pub async fn show(s: &AppState, p: &Principal, id: i64) -> Outcome<KandasApplication> {
    let scope = reading(p)?;
    Ok(kandas::read(&s.db, &p.actor(), scope.as_deref(), id).await?)
}

/// One application with what a decision on it needs.
pub struct File {
    pub app: KandasApplication,
    /// What an assignment today would give, or what the assignment gave.
    pub subsidies: Option<Subsidies>,
    /// Places left of the region's quota this year.
    pub left: i64,
    /// Whether the caller may assign or refuse it now.
    pub may_decide: bool,
}

/// One application, the subsidies an assignment today would give and the quota left.
pub async fn file(s: &AppState, p: &Principal, id: i64) -> Outcome<File> {
    let app = show(s, p, id).await?;
    let today = crate::clock::today();
    let subsidies = match &app.subsidies {
        Some(x) => Some(x.clone()),
        None => {
            let size = u32::try_from(app.family_size).unwrap_or(1);
            ashyq_core::kandas::subsidies(&s.policy, &app.region, size, today).ok()
        }
    };
    let left = kandas::quota(&s.db, &s.policy, &app.region, today.year()).await?.left();
    let may_decide = decides(&Access::of(p)) && app.status == "submitted";
    Ok(File { app, subsidies, left, may_decide })
}

/// Assigns the family to its region today: takes its places of the quota (refused when too few
/// are left) and records the subsidies due.
pub async fn assign(s: &AppState, p: &Principal, id: i64) -> Outcome<KandasApplication> {
    let scope = acting(p)?;
    Ok(kandas::assign(&s.db, &p.actor(), scope.as_deref(), &s.policy, id, crate::clock::today()).await?)
}

/// Refuses a submitted application with a reason.
pub async fn refuse(s: &AppState, p: &Principal, id: i64, reason: &str) -> Outcome<KandasApplication> {
    let scope = acting(p)?;
    Ok(kandas::refuse(&s.db, &p.actor(), scope.as_deref(), id, reason).await?)
}

/// Records the subsidies of an assigned family as paid today.
pub async fn pay(s: &AppState, p: &Principal, id: i64) -> Outcome<KandasApplication> {
    let scope = acting(p)?;
    Ok(kandas::pay(&s.db, &p.actor(), scope.as_deref(), id, crate::clock::today()).await?)
}

/// The report by region for a year (default: this year).
pub async fn report(s: &AppState, p: &Principal, year: Option<i16>) -> Outcome<Vec<RegionReport>> {
    reading(p)?;
    let year = year.unwrap_or_else(|| crate::clock::today().year());
    Ok(kandas::report(&s.db, &s.policy, year).await?)
}
