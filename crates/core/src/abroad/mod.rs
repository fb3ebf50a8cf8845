//! Citizens of Kazakhstan working abroad (DOMAIN.md §3): the words of the registry, the
//! interstate agreements and the rights-protection cases, and their pure rules — what a
//! registry entry must hold, which moves a case may make, and the order of countries (where
//! most citizens work first).
//!
//! No I/O and no clock: "today" is passed in.

use crate::country;
use crate::iin::Iin;
use crate::said::Said;
use crate::text::Kind;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// Declares a closed list of words with their stable ids.
macro_rules! words {
    ($(#[$m:meta])* $name:ident { $($v:ident => $id:literal),* $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($v),* }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$v),*];

            /// The stable id, as stored and as the API writes it.
            pub fn id(self) -> &'static str {
                match self { $($name::$v => $id),* }
            }

            pub fn parse(text: &str) -> Option<$name> {
                match text.trim() { $($id => Some($name::$v),)* _ => None }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.id())
            }
        }
    };
}

words!(
    /// The sector a citizen works in abroad: a fixed list, domestic work first (the Concept
    /// names domestic workers as the ones to protect).
    Sector {
        DomesticWork => "domestic_work",
        Construction => "construction",
        Agriculture => "agriculture",
        Hospitality => "hospitality",
        Healthcare => "healthcare",
        It => "it",
        Transport => "transport",
        Other => "other",
    }
);

words!(
    /// Where an interstate agreement stands.
    AgreementStatus {
        Negotiating => "negotiating",
        Signed => "signed",
        InForce => "in_force",
        Suspended => "suspended",
    }
);

words!(
    /// What an interstate agreement covers.
    Coverage {
        Employment => "employment",
        SocialSecurity => "social_security",
        Pensions => "pensions",
        DomesticWorkers => "domestic_workers",
        HealthCare => "health_care",
        Qualifications => "qualifications",
        Readmission => "readmission",
    }
);

words!(
    /// What a citizen complains of.
    ComplaintKind {
        UnpaidWages => "unpaid_wages",
        ConfiscatedPassport => "confiscated_passport",
        UnsafeConditions => "unsafe_conditions",
        TraffickingSigns => "trafficking_signs",
        ContractBreach => "contract_breach",
        Other => "other",
    }
);

words!(
    /// Where a rights-protection case stands.
    CaseStatus {
        Open => "open",
        InProgress => "in_progress",
        Resolved => "resolved",
        Closed => "closed",
    }
);

words!(
    /// What was done on a case.
    ActionKind {
        ConsulateContacted => "consulate_contacted",
        EmployerContacted => "employer_contacted",
        AgencyLicenceChecked => "agency_licence_checked",
        AuthoritiesNotified => "authorities_notified",
        LegalAid => "legal_aid",
        ReturnedHome => "returned_home",
        Other => "other",
    }
);

/// Whether a case may move from `from` to `to`: open → in progress → resolved or closed; an
/// open case may also be closed (a complaint withdrawn or not confirmed). Resolved and closed
/// are final.
pub fn may_move(from: CaseStatus, to: CaseStatus) -> bool {
    use CaseStatus::*;
    matches!((from, to), (Open, InProgress) | (Open, Closed) | (InProgress, Resolved) | (InProgress, Closed))
}

impl CaseStatus {
    /// Resolved or closed: no more moves.
    pub fn is_final(self) -> bool {
        matches!(self, CaseStatus::Resolved | CaseStatus::Closed)
    }
}

/// Longest text of a name, employer, agency or title.
pub const MAX_NAME: usize = 200;
/// Longest complaint, note or action text.
pub const MAX_TEXT: usize = 4000;

/// A refusal naming the field at fault.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {reason}")]
pub struct Invalid {
    pub field: &'static str,
    pub reason: Said,
}

fn invalid(field: &'static str, reason: Said) -> Invalid {
    Invalid { field, reason }
}

/// A required text of at most `max` characters, trimmed.
pub fn text(field: &'static str, value: &str, max: usize) -> Result<String, Invalid> {
    let v = value.trim();
    if v.is_empty() {
        return Err(invalid(field, Said::new("field-required", "is required")));
    }
    // Fields up to a name's length are one line with no bidi controls; longer ones are long text.
    let kind = if max <= Kind::Name.max_chars() { Kind::Name } else { Kind::LongText };
    if let Err(e) = crate::text::check(field, kind, v) {
        return Err(invalid(field, e.said()));
    }
    if v.chars().count() > max {
        return Err(invalid(
            field,
            Said::new("field-too-long", format!("is longer than {max} characters")).count("max", max as i64),
        ));
    }
    Ok(v.to_string())
}

/// An optional text: empty is `None`.
pub fn optional_text(
    field: &'static str,
    value: Option<&str>,
    max: usize,
) -> Result<Option<String>, Invalid> {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(v) => text(field, v, max).map(Some),
    }
}

/// A country where citizens work: an ISO 3166-1 alpha-3 code of a real country other than
/// Kazakhstan.
pub fn destination(field: &'static str, code: &str) -> Result<String, Invalid> {
    let code = code.trim().to_ascii_uppercase();
    match country::by_alpha3(&code) {
        Some(c) if c.alpha2.is_empty() => Err(invalid(
            field,
            Said::new("field-not-a-country", format!("{code} is not a country")).text("value", &code),
        )),
        Some(_) if code == "KAZ" => {
            Err(invalid(field, Said::new("field-not-kazakhstan", "must be a country other than Kazakhstan")))
        }
        Some(c) => Ok(c.alpha3.clone()),
        None => Err(invalid(
            field,
            Said::new("field-country-code", format!("{code:?} is not an ISO 3166-1 alpha-3 country code"))
                .text("value", &code),
        )),
    }
}

/// A registry entry as typed.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct WorkerInput {
    pub iin: String,
    pub surname: String,
    pub given_names: String,
    pub country: String,
    pub employer: String,
    #[serde(default)]
    pub agency: Option<String>,
    #[serde(default)]
    pub agency_licence: Option<String>,
    pub contract_from: String,
    pub contract_until: String,
    pub sector: String,
}

/// A registry entry that holds: the IIN checked (birth date and sex from it), the country a
/// real one, the contract period in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Worker {
    pub iin: String,
    pub surname: String,
    pub given_names: String,
    pub birth_date: Date,
    pub sex: String,
    pub country: String,
    pub employer: String,
    pub agency: Option<String>,
    pub agency_licence: Option<String>,
    pub contract_from: Date,
    pub contract_until: Date,
    pub sector: Sector,
}

fn date(field: &'static str, value: &str) -> Result<Date, Invalid> {
    value.trim().parse().map_err(|_| {
        invalid(
            field,
            Said::new("field-not-a-date", format!("{:?} is not a date (YYYY-MM-DD)", value.trim()))
                .text("value", value.trim()),
        )
    })
}

/// Checks a registry entry, naming the first field at fault.
pub fn check_worker(input: &WorkerInput) -> Result<Worker, Invalid> {
    let iin = Iin::parse(&input.iin).map_err(|e| invalid("iin", e.said()))?;
    let surname = text("surname", &input.surname, MAX_NAME)?;
    let given_names = text("given_names", &input.given_names, MAX_NAME)?;
    let country = destination("country", &input.country)?;
    let employer = text("employer", &input.employer, MAX_NAME)?;
    let agency = optional_text("agency", input.agency.as_deref(), MAX_NAME)?;
    let agency_licence = optional_text("agency_licence", input.agency_licence.as_deref(), 80)?;
    if agency.is_none() && agency_licence.is_some() {
        return Err(invalid(
            "agency",
            Said::new("field-agency-needed", "a licence number needs the agency's name"),
        ));
    }
    let contract_from = date("contract_from", &input.contract_from)?;
    let contract_until = date("contract_until", &input.contract_until)?;
    if contract_until < contract_from {
        return Err(invalid(
            "contract_until",
            Said::new("field-contract-order", "must not be before contract_from"),
        ));
    }
    if contract_from < iin.birth_date() {
        return Err(invalid(
            "contract_from",
            Said::new("field-contract-before-birth", "is before the birth date in the IIN"),
        ));
    }
    let sector = Sector::parse(&input.sector).ok_or_else(|| {
        invalid(
            "sector",
            Said::new("field-not-a-sector", format!("{:?} is not one of the sectors", input.sector.trim()))
                .text("value", input.sector.trim()),
        )
    })?;
    Ok(Worker {
        birth_date: iin.birth_date(),
        sex: iin.sex().as_str().to_string(),
        iin: iin.as_str().to_string(),
        surname,
        given_names,
        country,
        employer,
        agency,
        agency_licence,
        contract_from,
        contract_until,
        sector,
    })
}

/// Checks an agreement's dates against its status: a signed, in-force or suspended agreement
/// has a signing date; one in force (or suspended) the date it entered into force, not before
/// it was signed; one still being negotiated has neither.
pub fn check_agreement_dates(
    status: AgreementStatus,
    signed_on: Option<Date>,
    in_force_from: Option<Date>,
) -> Result<(), Invalid> {
    use AgreementStatus::*;
    match status {
        Negotiating if signed_on.is_some() || in_force_from.is_some() => {
            return Err(invalid(
                "status",
                Said::new(
                    "field-agreement-negotiating",
                    "an agreement being negotiated has no signing or entry-into-force date",
                ),
            ));
        }
        Signed | InForce | Suspended if signed_on.is_none() => {
            return Err(invalid(
                "signed_on",
                Said::new("field-signed-on-needed", "is required once the agreement is signed"),
            ));
        }
        InForce | Suspended if in_force_from.is_none() => {
            return Err(invalid(
                "in_force_from",
                Said::new("field-in-force-needed", "is required once the agreement is in force"),
            ));
        }
        _ => {}
    }
    if let (Some(s), Some(f)) = (signed_on, in_force_from)
        && f < s
    {
        return Err(invalid(
            "in_force_from",
            Said::new("field-in-force-before-signing", "must not be before signed_on"),
        ));
    }
    Ok(())
}

/// Whether an entry counts as a citizen working abroad on `today`: its contract has not ended.
pub fn is_live(contract_until: Date, today: Date) -> bool {
    contract_until >= today
}

/// Countries ordered by where most citizens work: by count, largest first, then by code so the
/// order is stable. Countries with no citizens (count 0) come last, by code.
pub fn order_countries<T>(rows: &mut [T], key: impl Fn(&T) -> (i64, &str)) {
    rows.sort_by(|a, b| {
        let (na, ca) = key(a);
        let (nb, cb) = key(b);
        nb.cmp(&na).then_with(|| ca.cmp(cb))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> WorkerInput {
        WorkerInput {
            iin: "900101400013".into(),
            surname: "Sadykova".into(),
            given_names: "Aigerim".into(),
            country: "kor".into(),
            employer: "Hanil Care".into(),
            agency: Some("Steppe Recruit".into()),
            agency_licence: Some("L-123".into()),
            contract_from: "2026-01-10".into(),
            contract_until: "2027-01-09".into(),
            sector: "domestic_work".into(),
        }
    }

    #[test]
    fn names_refuse_controls_and_bidi_and_long_texts_keep_lines() {
        let e = check_worker(&WorkerInput { surname: "Sady\u{202e}kova".into(), ..input() }).unwrap_err();
        assert_eq!(e.field, "surname");
        let e = check_worker(&WorkerInput { employer: "Hanil\0Care".into(), ..input() }).unwrap_err();
        assert_eq!(e.field, "employer");
        assert!(text("complaint", "wages unpaid\nsince March", 4000).is_ok());
        assert!(text("complaint", "bell\u{7}", 4000).is_err());
    }

    #[test]
    fn a_good_entry_takes_birth_date_and_sex_from_the_iin() {
        let w = check_worker(&input()).unwrap();
        assert_eq!(w.birth_date, jiff::civil::date(1990, 1, 1));
        assert_eq!(w.country, "KOR");
        assert_eq!(w.sector, Sector::DomesticWork);
    }

    #[test]
    fn bad_fields_are_named() {
        type Change = fn(&mut WorkerInput);
        let cases: Vec<(Change, &str)> = vec![
            (|i| i.iin = "900101400014".into(), "iin"),
            (|i| i.country = "KAZ".into(), "country"),
            (|i| i.country = "XXA".into(), "country"),
            (|i| i.country = "ZZZ".into(), "country"),
            (|i| i.contract_until = "2025-01-01".into(), "contract_until"),
            (|i| i.sector = "mining".into(), "sector"),
            (|i| i.employer = "  ".into(), "employer"),
            (|i| i.agency = None, "agency"),
        ];
        for (change, field) in cases {
            let mut i = input();
            change(&mut i);
            assert_eq!(check_worker(&i).unwrap_err().field, field);
        }
    }

    #[test]
    fn case_moves() {
        use CaseStatus::*;
        assert!(may_move(Open, InProgress));
        assert!(may_move(InProgress, Resolved));
        assert!(may_move(Open, Closed));
        assert!(!may_move(Open, Resolved));
        assert!(!may_move(Resolved, InProgress));
        assert!(!may_move(Closed, Open));
        assert!(Resolved.is_final() && !InProgress.is_final());
    }

    #[test]
    fn countries_by_count_then_code() {
        let mut rows = vec![("TUR", 2), ("KOR", 5), ("ARE", 2), ("DEU", 0)];
        order_countries(&mut rows, |r| (r.1, r.0));
        assert_eq!(rows.iter().map(|r| r.0).collect::<Vec<_>>(), ["KOR", "ARE", "TUR", "DEU"]);
    }

    #[test]
    fn agreement_dates_follow_the_status() {
        use AgreementStatus::*;
        let d = |m| Some(jiff::civil::date(2024, m, 1));
        assert!(check_agreement_dates(Negotiating, None, None).is_ok());
        assert_eq!(check_agreement_dates(Signed, None, None).unwrap_err().field, "signed_on");
        assert_eq!(check_agreement_dates(InForce, d(1), None).unwrap_err().field, "in_force_from");
        assert_eq!(check_agreement_dates(InForce, d(5), d(2)).unwrap_err().field, "in_force_from");
        assert!(check_agreement_dates(InForce, d(1), d(3)).is_ok());
    }

    #[test]
    fn words_round_trip() {
        for s in Sector::ALL {
            assert_eq!(Sector::parse(s.id()), Some(*s));
        }
        assert_eq!(Coverage::parse("domestic_workers"), Some(Coverage::DomesticWorkers));
        assert_eq!(ComplaintKind::parse("nope"), None);
    }
}
