//! The case workflow in the database: cases and their history, evidence, permits and their
//! history, training reports, quotas and invitation rounds. Every change is one transaction
//! with its audit record; the moves themselves are checked by `ashyq_core::cases`.
//!
//! Who may see a case is decided here too ([`Viewer`]): an applicant sees only their own (any
//! other is "not found"), an officer of a region only that region's (any other is forbidden),
//! an officer without a region and an administrator every case. Every read of a case or a
//! permit by someone other than its applicant is audited (it holds personal data).

pub mod arrange;
pub mod evaluate;
pub mod evidence;
pub mod moves;
pub mod permits;
pub mod quotas;
pub mod read;
pub mod rounds;
pub mod solvency;

pub use arrange::{QueuePage, QueueSort};
pub use evaluate::Evaluated;
pub use read::{Case, CaseEvent, CaseSummary, QueueFilter};

use crate::error::StoreError;
use ashyq_core::Role;

/// Who is looking at or acting on cases, and what they may reach.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Viewer {
    /// An applicant: their own cases only.
    Applicant(i64),
    /// An officer, of one region or (none) of all.
    Officer(Option<String>),
    /// An administrator or the operator at the command line: everything, to read.
    Admin,
}

impl Viewer {
    /// The viewer for an account of `role` (region for officers); `None` for roles that have
    /// no business with cases.
    pub fn of(role: Role, user_id: Option<i64>, region: Option<&str>) -> Option<Viewer> {
        match role {
            Role::Applicant => user_id.map(Viewer::Applicant),
            Role::Officer => Some(Viewer::Officer(region.map(str::to_string))),
            Role::Admin => Some(Viewer::Admin),
            _ => None,
        }
    }

    /// Whether this viewer may see a case of `applicant` in `region`: `Ok`, or the error to
    /// answer (an applicant is not told another's case exists).
    pub fn may_see(
        &self,
        what: &'static str,
        id: i64,
        applicant: i64,
        region: &str,
    ) -> Result<(), StoreError> {
        match self {
            Viewer::Applicant(me) if *me == applicant => Ok(()),
            Viewer::Applicant(_) => Err(StoreError::NotFound { what, key: id.to_string() }),
            Viewer::Officer(Some(mine)) if mine != region => {
                Err(StoreError::OtherRegion { what, region: region.to_string(), mine: mine.clone() })
            }
            Viewer::Officer(_) | Viewer::Admin => Ok(()),
        }
    }

    pub fn is_officer(&self) -> bool {
        matches!(self, Viewer::Officer(_))
    }
}
