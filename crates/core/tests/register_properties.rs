//! Properties of the register's pure part over generated records (entries and exits in time
//! order from 2026-01-01, any sequence of kinds — so missing exits and exits without entries
//! occur — up to three authorisations, nationalities of every group):
//! `status` never panics and answers every ordered record; a permit covering every day never
//! yields an overstay; adding a visa never makes a lawful person unlawful; the answer is
//! consistent (present ⇔ since, unlawful only when present, lawful_until not before the day).
//! And: names normalise idempotently, and the match key never panics.

use ashyq_core::policy::Policy;
use ashyq_core::register::{
    self, Authorisation, AuthorisationKind, Crossing, CrossingKind, PersonStatus, match_key, normalise_name,
};
use jiff::ToSpan;
use jiff::civil::{Date, date};
use proptest::prelude::*;
use std::sync::OnceLock;

fn policy() -> &'static Policy {
    static POLICY: OnceLock<Policy> = OnceLock::new();
    POLICY.get_or_init(|| Policy::kz().expect("the shipped policy"))
}

fn day(n: i64) -> Date {
    date(2026, 1, 1).checked_add(n.days()).expect("a day near 2026")
}

/// One of each group: citizen, EAEU, visa-free, visa required, stateless.
const NATIONALITIES: [&str; 5] = ["KAZ", "RUS", "USA", "AFG", "XXA"];

#[derive(Debug, Clone)]
struct Record {
    nationality: &'static str,
    crossings: Vec<Crossing>,
    authorisations: Vec<Authorisation>,
    on: Date,
}

fn kind() -> impl Strategy<Value = AuthorisationKind> {
    proptest::sample::select(AuthorisationKind::ALL.to_vec())
}

fn authorisation() -> impl Strategy<Value = Authorisation> {
    (kind(), -20i64..300, 0i64..120, 0u32..1000).prop_map(|(kind, from, len, n)| Authorisation {
        kind,
        number: format!("N-{n}"),
        from: day(from),
        until: day(from + len),
    })
}

fn record() -> impl Strategy<Value = Record> {
    (
        proptest::sample::select(NATIONALITIES.to_vec()),
        proptest::collection::vec((0i64..50, any::<bool>()), 0..10),
        proptest::collection::vec(authorisation(), 0..3),
        -10i64..60,
    )
        .prop_map(|(nationality, steps, authorisations, tail)| {
            let mut cursor = 0;
            let crossings: Vec<Crossing> = steps
                .iter()
                .map(|&(gap, entry)| {
                    cursor += gap;
                    Crossing {
                        day: day(cursor),
                        kind: if entry { CrossingKind::Entry } else { CrossingKind::Exit },
                    }
                })
                .collect();
            // `on` may fall before some crossings: those are ignored.
            let on = day((cursor + tail).max(0));
            Record { nationality, crossings, authorisations, on }
        })
}

fn answer(r: &Record) -> PersonStatus {
    register::status(policy(), r.nationality, &r.crossings, &r.authorisations, r.on)
        .unwrap_or_else(|e| panic!("refused an ordered record: {e}\n{r:?}"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn every_ordered_record_is_answered_consistently(r in record()) {
        let s = answer(&r);
        prop_assert_eq!(s.present, s.since.is_some());
        prop_assert!(s.lawful || s.present, "unlawful while absent: {s:?}");
        if let Some(until) = s.lawful_until {
            prop_assert!(s.lawful && s.present && until >= r.on, "{s:?}");
        }
        if let Some(since) = s.overstay_since {
            prop_assert!(since <= r.on && s.overstay_days >= 1, "{s:?}");
        } else {
            prop_assert_eq!(s.overstay_days, 0);
        }
        prop_assert!(s.days_in_window <= 180);
        if s.group == register::Group::Citizen {
            prop_assert!(s.lawful && s.overstay_since.is_none() && s.days_in_window == 0);
        }
        // Deterministic.
        prop_assert_eq!(&answer(&r), &s);
    }

    #[test]
    fn a_permit_covering_every_day_never_yields_an_overstay(mut r in record(), kind in kind()) {
        let kind = if kind == AuthorisationKind::Visa { AuthorisationKind::WorkPermit } else { kind };
        let first = r.crossings.first().map_or(r.on, |c| c.day.min(r.on));
        r.authorisations.push(Authorisation { kind, number: "ALL".into(), from: first, until: r.on });
        let s = answer(&r);
        prop_assert_eq!(s.overstay_since, None, "{:?}", s);
        prop_assert_eq!(s.overstay_days, 0);
        prop_assert_eq!(s.days_in_window, 0);
        prop_assert!(s.lawful, "{s:?}");
    }

    #[test]
    fn adding_a_visa_never_makes_a_lawful_person_unlawful(r in record(), from in -20i64..300, len in 0i64..120) {
        let before = answer(&r);
        let mut with_visa = r.clone();
        with_visa.authorisations.push(Authorisation {
            kind: AuthorisationKind::Visa,
            number: "V-NEW".into(),
            from: day(from),
            until: day(from + len),
        });
        let after = answer(&with_visa);
        if before.lawful {
            prop_assert!(after.lawful, "before {before:?}\nafter {after:?}");
        }
        prop_assert!(after.overstay_days <= before.overstay_days, "before {before:?}\nafter {after:?}");
    }

    #[test]
    fn crossings_out_of_order_are_refused_naming_the_crossing(r in record(), entry in any::<bool>()) {
        let mut crossings = r.crossings.clone();
        if crossings.is_empty() {
            crossings.push(Crossing { day: day(0), kind: CrossingKind::Entry });
        }
        let place = crossings.len();
        let kind = if entry { CrossingKind::Entry } else { CrossingKind::Exit };
        // A crossing the day before the first, placed last.
        crossings.push(Crossing { day: day(-1), kind });
        let e = register::status(policy(), r.nationality, &crossings, &r.authorisations, r.on).unwrap_err();
        prop_assert_eq!(e.field, format!("crossings[{place}].day"));
    }

    #[test]
    fn names_normalise_idempotently(text in "\\PC{0,24}", other in "[a-zA-Z' <-]{0,16}") {
        let once = normalise_name(&text);
        prop_assert_eq!(normalise_name(&once), once.clone());
        prop_assert!(!once.starts_with(' ') && !once.ends_with(' ') && !once.contains("  "));
        prop_assert!(!once.contains('|'));
        let ascii = normalise_name(&other);
        prop_assert!(ascii.bytes().all(|b| b.is_ascii_uppercase() || b == b' '), "{ascii:?}");
    }

    #[test]
    fn the_match_key_never_panics_and_is_stable(s in "\\PC{0,20}", g in "\\PC{0,20}", n in "\\PC{0,5}", d in 0i64..40000) {
        let born = date(1920, 1, 1).checked_add(d.days()).unwrap();
        let key = match_key(&s, &g, born, &n);
        prop_assert_eq!(key.matches('|').count(), 3);
        let parts: Vec<&str> = key.split('|').collect();
        prop_assert_eq!(match_key(parts[0], parts[1], born, parts[3]), key.clone());
    }
}
