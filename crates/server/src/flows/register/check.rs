//! The border check of a document: what to look up, and who holds it, their status today and
//! what to watch for.

use crate::access::Access;
use crate::auth::Principal;
use crate::flows::Outcome;
use crate::problem::Problem;
use crate::state::AppState;
use ashyq_core::Role;
use ashyq_core::mrz::{self, Mrz};
use ashyq_store::audit::{self, Event};
use ashyq_store::register::person::{
    self, CrossingView, PermitView, PersonRecord, RegistrationView, Warning,
};
use jiff::civil::Date;

/// What to look up: a machine-readable zone, or a document's issuing state and number (both
/// upper case, the number without spaces or fillers).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lookup {
    Mrz(String),
    Document { issuing_state: String, number: String },
}

/// Why what was sent is no lookup.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unread {
    /// Neither a zone nor a state and number: the field missing.
    Missing(&'static str),
    /// A zone and a typed document at once: which one to check is not said.
    Both,
}

impl From<Unread> for Problem {
    fn from(e: Unread) -> Problem {
        match e {
            Unread::Missing(field) => {
                Problem::validation(field, "send the machine-readable zone, or the issuing state and number")
            }
            Unread::Both => Problem::validation("mrz", "send the zone or the state and number, not both"),
        }
    }
}

impl Lookup {
    /// The lookup of what the API or the border form sent; a blank field is one not sent.
    pub fn of(
        mrz: Option<&str>,
        issuing_state: Option<&str>,
        number: Option<&str>,
    ) -> Result<Lookup, Unread> {
        fn given(t: Option<&str>) -> Option<&str> {
            t.filter(|t| !t.trim().is_empty())
        }
        let issuing_state = given(issuing_state).map(|t| t.trim().to_ascii_uppercase());
        let number = given(number)
            .map(|t| t.chars().filter(|c| !c.is_whitespace() && *c != '<').collect::<String>())
            .filter(|t| !t.is_empty())
            .map(|t| t.to_ascii_uppercase());
        match (given(mrz), issuing_state, number) {
            (Some(_), Some(_), _) | (Some(_), _, Some(_)) => Err(Unread::Both),
            (Some(m), None, None) => Ok(Lookup::Mrz(m.to_string())),
            (None, Some(issuing_state), Some(number)) => Ok(Lookup::Document { issuing_state, number }),
            (None, Some(_), None) => Err(Unread::Missing("document_number")),
            (None, None, Some(_)) => Err(Unread::Missing("issuing_state")),
            (None, None, None) => Err(Unread::Missing("mrz")),
        }
    }
}

/// The result of a border check.
pub struct Checked {
    /// The zone as decoded, when one was sent.
    pub mrz: Option<Mrz>,
    pub issuing_state: String,
    pub number: String,
    /// The holder's record and status today, when the register knows the document.
    pub record: Option<PersonRecord>,
    /// The record's warnings, and an expired document shown that the register does not hold.
    pub warnings: Vec<Warning>,
}

impl Checked {
    /// The holder's last `n` crossings, newest first.
    pub fn last_crossings(&self, n: usize) -> Vec<CrossingView> {
        self.record.as_ref().map(|r| last_crossings(r, n)).unwrap_or_default()
    }
}

/// The last `n` crossings of a record, newest first.
pub fn last_crossings(record: &PersonRecord, n: usize) -> Vec<CrossingView> {
    record.crossings.iter().rev().take(n).cloned().collect()
}

impl Checked {
    /// The holder's visas and permits, every one the register holds (expired and cancelled too:
    /// [`standing`] says which are in force today).
    pub fn permits(&self) -> Vec<PermitView> {
        self.record.as_ref().map(|r| r.permits.clone()).unwrap_or_default()
    }

    /// The holder's registrations (place of stay, migrant work) that have not ended before today.
    pub fn registrations(&self) -> Vec<RegistrationView> {
        self.record.as_ref().map(current_registrations).unwrap_or_default()
    }
}

/// A record's registrations that have not ended before the day its status is for.
pub fn current_registrations(record: &PersonRecord) -> Vec<RegistrationView> {
    let on = record.status.on;
    record.registrations.iter().filter(|g| g.until >= on).cloned().collect()
}

/// Whether a record holds an entry or an exit up to the day its status is for. A person not
/// present who has none did not leave: the register does not know whether they are in the
/// country (a permanent resident whose permit came from a case, say).
pub fn entry_or_exit_recorded(record: &PersonRecord) -> bool {
    let on = record.status.on;
    record.crossings.iter().any(|c| matches!(c.kind.as_str(), "entry" | "exit") && c.day <= on)
}

/// Where a visa or permit stands on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    InForce,
    NotYet,
    Expired,
    /// Cancelled on or before the day (it held until the day before its cancellation).
    Cancelled,
}

impl Standing {
    pub fn as_str(self) -> &'static str {
        match self {
            Standing::InForce => "in_force",
            Standing::NotYet => "not_yet",
            Standing::Expired => "expired",
            Standing::Cancelled => "cancelled",
        }
    }
}

/// Where `p` stands on `on`.
pub fn standing(p: &PermitView, on: Date) -> Standing {
    if p.cancelled_on.is_some_and(|c| c <= on) {
        Standing::Cancelled
    } else if p.valid_from > on {
        Standing::NotYet
    } else if p.valid_until < on {
        Standing::Expired
    } else {
        Standing::InForce
    }
}

/// Checks a document at the border (border staff, officers, administrators): decodes the zone
/// (a zone that does not check is a 422 naming the field of the zone, `mrz.document_number`,
/// or `mrz`), finds the holder, and reads their record and status today. Audited as a read of
/// the person's record; a document the register does not hold is audited as a check.
pub async fn check(s: &AppState, p: &Principal, lookup: Lookup) -> Outcome<Checked> {
    Access::of(p).require(&[Role::Officer, Role::Border, Role::Admin])?;
    let actor = p.actor();
    let today = crate::clock::today();
    let (mrz, issuing_state, number) = match lookup {
        Lookup::Mrz(text) => {
            let m = mrz::parse(&text, today).map_err(|e| {
                let field = e.field().map_or_else(
                    || "mrz".to_string(),
                    |f| format!("mrz.{}", f.to_string().replace(' ', "_")),
                );
                Problem::validation(&field, e.to_string())
            })?;
            let (st, no) = (m.issuing_state.clone(), m.document_number.clone());
            (Some(m), st, no)
        }
        Lookup::Document { issuing_state, number } => (None, issuing_state, number),
    };
    let record = match person::person_of_document(&s.db, &issuing_state, &number).await? {
        Some(id) => Some(person::record(&s.db, &actor, &s.policy, id, today).await?),
        None => {
            let detail = serde_json::json!({ "found": false });
            let key = format!("{issuing_state}:{number}");
            audit::record(&s.db, &actor, Event::new("register.check", "document", &key).detail(detail))
                .await?;
            None
        }
    };
    let mut warnings = record.as_ref().map(|r| r.warnings.clone()).unwrap_or_default();
    if let Some(m) = &mrz
        && m.expiry_date < today
        && !warnings.iter().any(|w| matches!(w, Warning::DocumentExpired { number: n, .. } if *n == number))
    {
        warnings.push(Warning::DocumentExpired {
            issuing_state: issuing_state.clone(),
            number: number.clone(),
            expiry_date: m.expiry_date,
        });
    }
    Ok(Checked { mrz, issuing_state, number, record, warnings })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lookup_is_a_zone_or_a_typed_document_never_both() {
        let doc = |s: &str, n: &str| Lookup::Document { issuing_state: s.into(), number: n.into() };
        assert_eq!(Lookup::of(Some("P<UTO"), None, Some("  ")), Ok(Lookup::Mrz("P<UTO".into())));
        assert_eq!(Lookup::of(Some(" "), Some(" chn"), Some("e1234 5678<")), Ok(doc("CHN", "E12345678")));
        assert_eq!(Lookup::of(Some("P<UTO"), Some("UZB"), None), Err(Unread::Both));
        assert_eq!(Lookup::of(Some("P<UTO"), None, Some("FA1")), Err(Unread::Both));
        assert_eq!(Lookup::of(None, Some("UZB"), Some("<<")), Err(Unread::Missing("document_number")));
        assert_eq!(Lookup::of(None, None, Some("FA1")), Err(Unread::Missing("issuing_state")));
        assert_eq!(Lookup::of(Some(""), Some(""), Some("")), Err(Unread::Missing("mrz")));
    }

    #[test]
    fn a_permit_stands_in_force_from_its_first_day_to_its_last_unless_cancelled() {
        let on = |d: &str| d.parse::<Date>().unwrap();
        let p = |cancelled: Option<&str>| PermitView {
            permit_number: "PR-1".into(),
            kind: "permanent_residence".into(),
            document_id: 1,
            valid_from: on("2026-03-01"),
            valid_until: on("2036-02-28"),
            cancelled_on: cancelled.map(on),
        };
        assert_eq!(standing(&p(None), on("2026-02-28")), Standing::NotYet);
        assert_eq!(standing(&p(None), on("2026-03-01")), Standing::InForce);
        assert_eq!(standing(&p(None), on("2036-02-28")), Standing::InForce);
        assert_eq!(standing(&p(None), on("2036-02-29")), Standing::Expired);
        // Cancelled on 1 June: it held until 31 May.
        assert_eq!(standing(&p(Some("2026-06-01")), on("2026-05-31")), Standing::InForce);
        assert_eq!(standing(&p(Some("2026-06-01")), on("2026-06-01")), Standing::Cancelled);
    }
}
