//! The analysts' figures of the register: counts only, no personal data.

use crate::access::Access;
use crate::auth::Principal;
use crate::flows::Outcome;
use crate::state::AppState;
use ashyq_core::Role;
use ashyq_core::month::Month;
use ashyq_store::register::stats::{self, MonthCount, PresentCount, Totals};
use jiff::civil::Date;
use serde::Serialize;
use utoipa::ToSchema;

/// The analysts' figures: counts only, no personal data.
#[derive(Debug, Serialize, ToSchema)]
pub struct Statistics {
    /// Persons present now by region (of the checkpoint of their last entry) and nationality.
    #[schema(value_type = Vec<Object>)]
    pub present: Vec<PresentCount>,
    /// Crossings per month, checkpoint and kind over the last twelve months.
    #[schema(value_type = Vec<Object>)]
    pub months: Vec<MonthCount>,
    #[schema(value_type = Object)]
    pub totals: Totals,
}

/// The first and last month of the twelve months ending with `on`'s.
pub fn last_twelve_months(on: Date) -> (Month, Month) {
    let last = Month::of(on);
    (last.back(11), last)
}

/// The figures (analysts, coordinators, officers, administrators): persons present now by
/// region and nationality, crossings per month, checkpoint and kind over the last twelve
/// months, and what the register holds. Not audited: no one's record is read.
pub async fn statistics(s: &AppState, p: &Principal) -> Outcome<Statistics> {
    Access::of(p).require(&[Role::Analyst, Role::Coordinator, Role::Officer, Role::Admin])?;
    let (first, last) = last_twelve_months(crate::clock::today());
    Ok(Statistics {
        present: stats::present(&s.db).await?,
        months: stats::months(&s.db, first, last).await?,
        totals: stats::totals(&s.db).await?,
    })
}
