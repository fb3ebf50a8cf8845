//! The case workflow (DOMAIN.md §2–§3 as a service): an application's states and the moves
//! between them, the officer's decision and when it overrides the rules, the evidence an
//! applicant attaches, the permit a favourable decision issues and its obligations, and the
//! invitation rounds of the valuable-skills visa.
//!
//! Pure rules only: the store keeps the cases and enforces quotas in its transactions, the
//! server and the CLI call these functions to decide what may happen next.

pub mod decision;
pub mod evidence;
pub mod evidence_file;
pub mod holder;
pub mod obligations;
pub mod permit;
pub mod round;
pub mod status;

pub use decision::{OfficerAction, OfficerDecision};
pub use evidence::{DocumentType, MediaType};
pub use holder::Holder;
pub use permit::{CancellationGround, PermitEvent};
pub use status::{CaseError, CaseStatus, Move};
