//! Unit tests of the register's pure part: refusals naming the field, the names of kinds, and
//! the shapes the answers serialise to. The worked cases are in `tests/cases/register/`.

use super::*;
use crate::policy::Policy;
use jiff::civil::{Date, date};

fn entry(day: Date) -> Crossing {
    Crossing { day, kind: CrossingKind::Entry }
}

#[test]
fn kinds_read_and_write_their_names() {
    for k in AuthorisationKind::ALL {
        assert_eq!(k.as_str().parse::<AuthorisationKind>(), Ok(k));
        assert_eq!(serde_json::to_value(k).unwrap(), k.as_str());
        assert_eq!(k.is_permit(), k != AuthorisationKind::Visa);
    }
    let e = "residence".parse::<AuthorisationKind>().unwrap_err();
    assert!(e.to_string().contains("`residence`") && e.to_string().contains("work_permit"), "{e}");
    assert!("Visa".parse::<AuthorisationKind>().is_err(), "names are exact");
    for g in [Group::Citizen, Group::Eaeu, Group::VisaFree, Group::VisaRequired] {
        assert_eq!(serde_json::to_value(g).unwrap(), g.as_str());
    }
    assert_eq!(serde_json::to_value(CrossingKind::Exit).unwrap(), CrossingKind::Exit.as_str());
}

#[test]
fn bad_records_are_refused_naming_the_field() {
    let p = Policy::kz().unwrap();
    let on = date(2026, 3, 1);
    let bad = Authorisation {
        kind: AuthorisationKind::WorkPermit,
        number: "W".into(),
        from: date(2026, 2, 1),
        until: date(2026, 1, 31),
    };
    let e = status(&p, "AFG", &[entry(date(2026, 1, 1))], &[bad], on).unwrap_err();
    assert_eq!(e.field, "authorisations[0].until", "{e}");
    let e = status(&p, "USA", &[entry(date(2026, 1, 2)), entry(date(2026, 1, 1))], &[], on).unwrap_err();
    assert_eq!(e.field, "crossings[1].day", "{e}");
    // Before the first version of the citizenship groups, only citizens can be answered.
    let old = date(2022, 6, 1);
    let e = status(&p, "USA", &[entry(date(2022, 5, 1))], &[], old).unwrap_err();
    assert_eq!(e.field, "stay_groups", "{e}");
    assert!(status(&p, "KAZ", &[entry(date(2022, 5, 1))], &[], old).unwrap().lawful);
    let e = late_notification(&p, date(2026, 3, 2), date(2026, 3, 1), date(2026, 3, 3)).unwrap_err();
    assert_eq!(e.field, "until", "{e}");
    let e = late_notification(&p, date(2020, 3, 2), date(2020, 6, 1), date(2020, 3, 3)).unwrap_err();
    assert_eq!(e.field, "parameters.registration_required_after", "{e}");
}

#[test]
fn no_crossings_is_an_absent_person() {
    let p = Policy::kz().unwrap();
    let s = status(&p, "usa", &[], &[], date(2026, 3, 1)).unwrap();
    assert_eq!((s.group, s.present, s.lawful, &s.basis), (Group::VisaFree, false, true, &Basis::Absent));
    assert_eq!((s.days_in_window, s.overstay_since, s.lawful_until), (0, None, None));
}

#[test]
fn the_answer_serialises_with_named_bases_and_anomalies() {
    let p = Policy::kz().unwrap();
    let crossings = [entry(date(2026, 1, 10)), entry(date(2026, 3, 1))];
    let s = status(&p, "AFG", &crossings, &[], date(2026, 3, 2)).unwrap();
    let v = serde_json::to_value(&s).unwrap();
    assert_eq!(v["group"], "visa_required");
    assert_eq!(v["basis"], serde_json::json!({"type": "no_visa"}));
    assert_eq!(
        v["anomalies"],
        serde_json::json!([{"type": "missing_exit", "entry": "2026-01-10", "next_entry": "2026-03-01"}])
    );
    // 10 January (the stay ended on its entry day) and 1-2 March: 3 days without a visa.
    assert_eq!((v["overstay_since"].as_str(), v["overstay_days"].as_u64()), (Some("2026-01-10"), Some(3)));
    let back: PersonStatus = serde_json::from_value(v).unwrap();
    assert_eq!(back, s);
}
