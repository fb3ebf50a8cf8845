//! The annual quotas per programme: published to everyone (figures only), set by
//! administrators. The valuable-skills quota of the current year is the policy's until one is
//! set or a place is taken.

use crate::access::Access;
use crate::auth::Principal;
use crate::flows::Outcome;
use crate::problem::Problem;
use crate::state::AppState;
use ashyq_core::Role;
use ashyq_core::rules::Programme;
use ashyq_store::cases::{quotas, rounds};

/// A programme's quota for a year, in figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Places {
    /// The programme's id (`valuable-skills-visa`).
    pub programme: String,
    pub year: i64,
    pub places: i64,
    pub used: i64,
}

impl Places {
    /// The places not yet taken.
    pub fn remaining(&self) -> i64 {
        (self.places - self.used).max(0)
    }
}

impl From<quotas::Quota> for Places {
    fn from(q: quotas::Quota) -> Places {
        Places { programme: q.programme, year: q.year, places: q.places, used: q.used }
    }
}

/// Every quota, newest year first then by programme; the valuable-skills quota of this year
/// from the policy (nothing taken) when none is set yet.
pub async fn list(s: &AppState) -> Outcome<Vec<Places>> {
    let mut out: Vec<Places> = quotas::list(&s.db).await?.into_iter().map(Places::from).collect();
    let year = crate::clock::today().year();
    let vs = Programme::ValuableSkillsVisa.id();
    if !out.iter().any(|q| q.programme == vs && q.year == i64::from(year)) {
        let places = rounds::remaining_places(&s.db, &s.policy, year).await?;
        out.push(Places { programme: vs.into(), year: year.into(), places, used: 0 });
        out.sort_by(|a, b| b.year.cmp(&a.year).then_with(|| a.programme.cmp(&b.programme)));
    }
    Ok(out)
}

/// A quota to set.
#[derive(Debug, Clone)]
pub struct Setting {
    pub programme: Programme,
    /// 2000–2100.
    pub year: i16,
    /// Not fewer than the places already taken.
    pub places: i64,
}

/// An administrator sets a programme's quota for a year.
pub async fn set(s: &AppState, p: &Principal, q: &Setting) -> Outcome<Places> {
    Access::of(p).require(&[Role::Admin])?;
    if !(2000..=2100).contains(&q.year) {
        return Err(Problem::validation("year", "must be 2000 to 2100").into());
    }
    Ok(quotas::set(&s.db, &p.actor(), q.programme, q.year, q.places).await?.into())
}
