//! The register of migrants' movements (issue 5), its pure part: who a row is about
//! ([`identity`]), whether a person stays lawfully on a day given their crossings and
//! authorisations ([`status`]), and whether a host notified a stay in time ([`notification`]).
//!
//! Everything here is computed from what the caller passes, as of a day the caller names; the
//! counting of short-stay days is [`crate::stay`]'s.

pub mod authorisation;
pub mod crossing;
pub mod identity;
pub mod notification;
pub mod status;

pub use crate::policy::Group;
pub use authorisation::{Authorisation, AuthorisationKind, UnknownKind};
pub use crossing::{Anomaly, Crossing, CrossingKind};
pub use identity::{match_key, normalise_name};
pub use notification::{LateNotice, late_notification};
pub use status::{Basis, PersonStatus, status};

/// A parameter in whole days, as in force on `on`; errors name `parameters.NAME`.
fn days_parameter(
    policy: &crate::policy::Policy,
    name: &str,
    on: jiff::civil::Date,
) -> Result<u32, crate::stay::StayError> {
    use rust_decimal::prelude::ToPrimitive;
    let field = format!("parameters.{name}");
    let used =
        policy.parameters.get(name, on).map_err(|e| crate::stay::StayError::at(&field, e.to_string()))?;
    if !used.value.fract().is_zero() {
        return Err(crate::stay::StayError::at(
            field,
            format!("{} is not a whole number of days", used.value),
        ));
    }
    used.value
        .to_u32()
        .ok_or_else(|| crate::stay::StayError::at(field, format!("{} is not a number of days", used.value)))
}

#[cfg(test)]
mod tests;
