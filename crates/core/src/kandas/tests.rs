//! Tests of kandas resettlement: the quota split, the status check and the subsidies.

use super::*;
use jiff::civil::date;
use proptest::prelude::*;

fn policy() -> Policy {
    Policy::kz().expect("the built-in policy loads")
}

fn person(name: &str, born: Date) -> Person {
    Person { surname: name.into(), given_names: "A".into(), birth_date: born }
}

fn app() -> Application {
    Application {
        applicant: person("ERBOL", date(1980, 1, 1)),
        members: vec![Member { person: person("AIGUL", date(1982, 5, 5)), relation: "spouse".into() }],
        origin: "MNG".into(),
        ethnic_kazakh: true,
        citizen: false,
        region: "KZ-59".into(),
    }
}

#[test]
fn the_2026_regional_split_sums_to_the_national_quota() {
    let p = policy();
    let national = p.parameter("kandas_quota", date(2026, 1, 1)).expect("kandas_quota").value;
    let sum: i64 =
        crate::region::all().iter().map(|r| quota(&p, &r.code, 2026).expect("a regional quota")).sum();
    assert_eq!(Decimal::from(sum), national);
    assert_eq!(sum, 8278);
}

#[test]
fn designated_regions_have_a_rent_subsidy_of_15_to_30_mci_and_others_none() {
    let p = policy();
    let on = date(2026, 3, 1);
    let mut n = 0;
    for r in crate::region::all() {
        let rent = p.regional_parameters.get(RENT_MCI, &r.code, on).expect("rent").value;
        if designated(&p, &r.code, on).expect("flag") {
            n += 1;
            assert!((Decimal::from(15)..=Decimal::from(30)).contains(&rent), "{} {rent}", r.code);
        } else {
            assert_eq!(rent, Decimal::ZERO, "{}", r.code);
        }
    }
    assert_eq!(n, 7);
}

#[test]
fn status_needs_an_ethnic_kazakh_who_is_not_a_citizen() {
    let on = date(2026, 3, 1);
    assert_eq!(check_status(&app(), on), Ok(()));
    assert_eq!(
        check_status(&Application { ethnic_kazakh: false, ..app() }, on),
        Err(StatusError::NotEthnicKazakh)
    );
    assert_eq!(check_status(&Application { citizen: true, ..app() }, on), Err(StatusError::Citizen));
    assert!(matches!(
        check_status(&Application { region: "KZ-99".into(), ..app() }, on),
        Err(StatusError::UnknownRegion(_))
    ));
    assert!(matches!(
        check_status(&Application { origin: "XYZ".into(), ..app() }, on),
        Err(StatusError::UnknownCountry(_))
    ));
    let mut late = app();
    late.members[0].person.birth_date = date(2027, 1, 1);
    assert_eq!(check_status(&late, on).map_err(|e| e.field()), Err("members[0].birth_date".to_string()));
    assert_eq!(app().family_size(), 2);
}

#[test]
fn subsidies_of_a_family_of_four_in_north_kazakhstan_in_2026() {
    let s = subsidies(&policy(), "KZ-59", 4, date(2026, 3, 1)).expect("subsidies");
    // 70 MCI × 4 × 4,325 and 30 MCI × 4,325 × 12.
    assert_eq!(s.relocation_kzt, Decimal::from(1211000));
    assert_eq!(s.rent_monthly_kzt, Decimal::from(129750));
    assert_eq!(s.rent_kzt, Decimal::from(1557000));
    assert_eq!(s.total_kzt, Decimal::from(2768000));
    let names: Vec<&str> = s.used.iter().map(|u| u.name.as_str()).collect();
    assert_eq!(names, ["mci", RELOCATION_MCI, DESIGNATED, RENT_MCI, RENT_MONTHS]);
    assert_eq!(s.used[0].from, date(2026, 1, 1));
}

proptest! {
    #[test]
    fn relocation_grows_with_the_family(size in 1u32..30, region in 0usize..20, day in 0i32..1000) {
        let p = policy();
        let r = &crate::region::all()[region].code;
        let on = date(2023, 1, 1).checked_add(jiff::Span::new().days(day)).expect("a date");
        let a = subsidies(&p, r, size, on).expect("subsidies");
        let b = subsidies(&p, r, size + 1, on).expect("subsidies");
        prop_assert!(b.relocation_kzt > a.relocation_kzt);
        prop_assert!(b.total_kzt > a.total_kzt);
        prop_assert_eq!(a.rent_kzt, b.rent_kzt);
    }

    #[test]
    fn no_rent_outside_a_designated_region(size in 1u32..30, region in 0usize..20) {
        let p = policy();
        let r = &crate::region::all()[region].code;
        let on = date(2026, 6, 1);
        let s = subsidies(&p, r, size, on).expect("subsidies");
        prop_assert_eq!(s.designated, designated(&p, r, on).expect("flag"));
        if !s.designated {
            prop_assert_eq!(s.rent_kzt, Decimal::ZERO);
            prop_assert_eq!(s.total_kzt, s.relocation_kzt);
        } else {
            prop_assert!(s.rent_kzt > Decimal::ZERO);
        }
    }

    #[test]
    fn the_mci_in_force_on_the_date_is_used(size in 1u32..30, region in 0usize..20, day in 0i32..365) {
        let p = policy();
        let r = &crate::region::all()[region].code;
        let in_2025 = date(2025, 1, 1).checked_add(jiff::Span::new().days(day)).expect("a date");
        let in_2026 = date(2026, 1, 1).checked_add(jiff::Span::new().days(day)).expect("a date");
        let a = subsidies(&p, r, size, in_2025).expect("subsidies");
        let b = subsidies(&p, r, size, in_2026).expect("subsidies");
        prop_assert_eq!(a.relocation_kzt, Decimal::from(70) * Decimal::from(size) * Decimal::from(3932));
        prop_assert_eq!(b.relocation_kzt, Decimal::from(70) * Decimal::from(size) * Decimal::from(4325));
        prop_assert_eq!(b.used[0].value, Decimal::from(4325));
    }
}

#[test]
fn names_meet_the_boundary_text_rules() {
    let on = date(2026, 3, 1);
    let mut long = app();
    long.applicant.surname = "A".repeat(900_000);
    let e = check_status(&long, on).unwrap_err();
    assert_eq!(e.field(), "applicant.surname");
    assert!(matches!(&e, StatusError::Text(t) if t.code() == "text-too-long"), "{e}");
    let mut bidi = app();
    bidi.members[0].person.given_names = "AI\u{202e}GUL".into();
    assert_eq!(check_status(&bidi, on).unwrap_err().field(), "members[0].given_names");
    let mut nul = app();
    nul.members[0].relation = "spo\0use".into();
    assert_eq!(check_status(&nul, on).unwrap_err().field(), "members[0].relation");
    let mut fine = app();
    fine.applicant.surname = "Ә".repeat(200);
    assert_eq!(check_status(&fine, on), Ok(()));
}
