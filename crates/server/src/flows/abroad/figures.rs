//! The figures of citizens working abroad — by country and sector, with the open cases by
//! country; counts only — and the overview page's reading of them.

use super::{handles_personal, reads_figures};
use crate::access::Access;
use crate::auth::Principal;
use crate::flows::Outcome;
use crate::state::AppState;
use ashyq_core::abroad::CaseStatus;
use ashyq_store::abroad::agreements::Agreement;
use ashyq_store::abroad::cases::Case;
use ashyq_store::abroad::figures::CountryFigures;
use ashyq_store::abroad::{agreements, cases, figures};
use jiff::civil::Date;

/// The figures on a day: countries where most citizens work first.
pub struct Figures {
    pub on: Date,
    pub countries: Vec<CountryFigures>,
}

fn refused_unless_reader(p: &Principal) -> Outcome<Access> {
    let a = Access::of(p);
    if !reads_figures(&a) {
        return Err(a.refused().into());
    }
    Ok(a)
}

/// Citizens working abroad by country and sector, and open cases by country, today.
pub async fn figures(s: &AppState, p: &Principal) -> Outcome<Figures> {
    refused_unless_reader(p)?;
    let on = crate::clock::today();
    Ok(Figures { on, countries: figures::by_country(&s.db, on).await? })
}

/// The overview: the figures, the agreements, and for those who handle personal data the
/// cases open or in progress (their listing is audited).
pub struct Overview {
    pub on: Date,
    pub countries: Vec<CountryFigures>,
    pub agreements: Vec<Agreement>,
    /// `None` for a caller who reads counts only.
    pub open_cases: Option<Vec<Case>>,
}

/// The overview of citizens working abroad.
pub async fn overview(s: &AppState, p: &Principal) -> Outcome<Overview> {
    let a = refused_unless_reader(p)?;
    let on = crate::clock::today();
    let countries = figures::by_country(&s.db, on).await?;
    let agreements = agreements::list(&s.db, on).await?;
    let open_cases = if handles_personal(&a) {
        let actor = p.actor();
        let mut open = cases::list(&s.db, &actor, Some(CaseStatus::Open), None).await?;
        open.extend(cases::list(&s.db, &actor, Some(CaseStatus::InProgress), None).await?);
        Some(open)
    } else {
        None
    };
    Ok(Overview { on, countries, agreements, open_cases })
}
