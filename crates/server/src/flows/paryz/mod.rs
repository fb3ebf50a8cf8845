//! The annual Paryz contest: years, nominations, the jury's decisions and the published winners.
//!
//! The use cases live here; `api` and `pages` are thin adapters over them. The contest's staff
//! ([`Access::paryz_staff`]) read every year and every nomination (their reads are audited);
//! coordinators and administrators nominate; the administrators, as the secretariat, open,
//! close and publish years and record the jury's decisions. Everyone else reads the published
//! years only, and for them a year not yet published does not exist (404).

pub mod api;
pub mod pages;

use crate::access::Access;
use crate::auth::Principal;
use crate::flows::Outcome;
use crate::routes::RouteBuilder;
use crate::state::AppState;
use ashyq_core::Role;
use ashyq_core::paryz::{NominationInput, Verdict, YearMove, YearStatus};
use ashyq_store::paryz::{self, Audience, Nomination, Year};

/// The flow's routes: its pages, then its API.
pub fn routes(b: RouteBuilder) -> RouteBuilder {
    let b = pages::routes(b.flow("paryz"));
    api::routes(b)
}

/// What the caller sees of the contest: everything for its staff, the published results for
/// anyone else.
pub fn audience(a: &Access) -> Audience {
    if a.paryz_staff() { Audience::Staff } else { Audience::Public }
}

/// Whether the caller is the contest's secretariat (the administrators): opens, closes and
/// publishes years, records the jury's decisions.
pub fn secretariat(a: &Access) -> bool {
    a.role == Role::Admin
}

fn require_secretariat(p: &Principal) -> Outcome<()> {
    Ok(Access::of(p).require(&[Role::Admin])?)
}

/// The contest years the caller may see, newest first.
pub async fn list(s: &AppState, p: &Principal) -> Outcome<Vec<Year>> {
    Ok(paryz::years(&s.db, audience(&Access::of(p))).await?)
}

/// A contest year in the list, with its winners once published (as the public sees them).
pub struct Listed {
    pub year: Year,
    pub winners: Vec<Nomination>,
}

/// The contest years the caller may see, each published one with its winners.
pub async fn list_with_winners(s: &AppState, p: &Principal) -> Outcome<Vec<Listed>> {
    let mut out = Vec::new();
    for year in list(s, p).await? {
        let winners = if year.status == YearStatus::Published {
            // The published results, as the public sees them (no audited staff read here).
            let public = ashyq_store::Actor::public(&p.request_id);
            let (_, noms) = paryz::year(&s.db, &public, year.year, Audience::Public).await?;
            noms.into_iter().filter(|n| n.verdict == Some(Verdict::Winner)).collect()
        } else {
            Vec::new()
        };
        out.push(Listed { year, winners });
    }
    Ok(out)
}

/// A contest year with the nominations the caller may see: its staff every nomination at any
/// stage (audited), anyone else the winners and the shortlist of a published year.
pub async fn show(s: &AppState, p: &Principal, year: i64) -> Outcome<(Year, Vec<Nomination>)> {
    Ok(paryz::year(&s.db, &p.actor(), year, audience(&Access::of(p))).await?)
}

/// The prizes of a year in force today (policy `paryz_prizes_per_year`), if any are.
pub fn prizes_in_force(s: &AppState) -> Option<u32> {
    paryz::prizes(&s.policy, crate::clock::today()).ok()
}

/// Opens a contest year for nominations (the secretariat).
pub async fn open(s: &AppState, p: &Principal, year: i64) -> Outcome<Year> {
    require_secretariat(p)?;
    Ok(paryz::open_year(&s.db, &p.actor(), year).await?)
}

async fn move_year(s: &AppState, p: &Principal, year: i64, m: YearMove) -> Outcome<Year> {
    require_secretariat(p)?;
    Ok(paryz::move_year(&s.db, &p.actor(), &s.policy, year, m, crate::clock::today()).await?)
}

/// Closes a year's nominations; the jury decides next (the secretariat).
pub async fn close(s: &AppState, p: &Principal, year: i64) -> Outcome<Year> {
    move_year(s, p, year, YearMove::Close).await
}

/// Publishes a year's results: every nomination must be decided; the results are final (the
/// secretariat).
pub async fn publish(s: &AppState, p: &Principal, year: i64) -> Outcome<Year> {
    move_year(s, p, year, YearMove::Publish).await
}

/// Files a nomination in an open year (the contest's staff). The same reference again returns
/// the nomination filed (`false`).
pub async fn nominate(
    s: &AppState,
    p: &Principal,
    year: i64,
    reference: &str,
    input: &NominationInput,
) -> Outcome<(Nomination, bool)> {
    let a = Access::of(p);
    if !a.paryz_staff() {
        return Err(a.refused().into());
    }
    Ok(paryz::nominate(&s.db, &p.actor(), year, reference, input).await?)
}

/// The year of a nomination (the contest's staff): where its page is.
pub async fn year_of(s: &AppState, p: &Principal, id: i64) -> Outcome<i64> {
    let a = Access::of(p);
    if !a.paryz_staff() {
        return Err(a.refused().into());
    }
    Ok(paryz::get_nomination(&s.db, id).await?.year)
}

/// Records the jury's decision on a nomination (the secretariat), once nominations are closed
/// and until the year is published; never more winners than the year's prizes. An unknown
/// nomination is not found, whatever the decision said.
pub async fn decide(
    s: &AppState,
    p: &Principal,
    id: i64,
    verdict: Verdict,
    reason: &str,
) -> Outcome<Nomination> {
    require_secretariat(p)?;
    paryz::get_nomination(&s.db, id).await?;
    Ok(paryz::decide(&s.db, &p.actor(), &s.policy, id, verdict, reason, crate::clock::today()).await?)
}
