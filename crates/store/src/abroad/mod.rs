//! Citizens of Kazakhstan working abroad in the database (issue 7): the registry
//! ([`workers`]), the interstate agreements ([`agreements`], public), the rights-protection
//! cases with their dated actions ([`cases`]) and the figures by country and sector
//! ([`figures`], no personal data). The words and rules are `ashyq_core::abroad`.
//!
//! The registry and the cases hold personal data: they are read by officers and
//! administrators only, and every read — one record, one case, a search, the case list — is
//! audited. They are written by officers (and by the operator at the command line); an
//! administrator of the web reads but does not write. Officers are **national** here: a citizen
//! abroad lives in no region of Kazakhstan, so a regional scope would hide them from everyone.

pub mod agreements;
pub mod cases;
pub mod figures;
pub mod workers;

use crate::audit::Actor;
use crate::error::StoreError;
use ashyq_core::Role;
use ashyq_core::abroad::Invalid;
use ashyq_core::said::Said;

/// Whether `actor` may read personal data of the registry and the cases.
pub fn may_read(actor: &Actor) -> Result<(), StoreError> {
    match actor.role {
        Role::Officer | Role::Admin => Ok(()),
        r => Err(StoreError::Forbidden(
            Said::new(
                "forbidden-abroad-read",
                format!(
                    "the registry of citizens abroad is read by officers and administrators, not {}",
                    r.as_str()
                ),
            )
            .word("role", format!("role-{}", r.as_str())),
        )),
    }
}

/// Whether `actor` may change the registry, the cases or the agreements: an officer, or the
/// operator at the command line.
pub fn may_write(actor: &Actor) -> Result<(), StoreError> {
    match (actor.role, actor.user_id) {
        (Role::Officer, _) | (Role::Admin, None) => Ok(()),
        (r, _) => Err(StoreError::Forbidden(
            Said::new(
                "forbidden-abroad-write",
                format!("citizens abroad are handled by officers; a {} may not change them", r.as_str()),
            )
            .word("role", format!("role-{}", r.as_str())),
        )),
    }
}

pub(crate) fn field(e: Invalid) -> StoreError {
    StoreError::field(e.field, e.reason)
}

/// A client's reference: 1 to 80 characters.
pub(crate) fn reference(text: &str) -> Result<String, StoreError> {
    let t = text.trim();
    if t.is_empty() || t.chars().count() > 80 {
        return Err(StoreError::field(
            "reference",
            Said::new("field-length", "must be 1 to 80 characters").count("max", 80),
        ));
    }
    Ok(t.to_string())
}
