//! Tests of reading policy files: the shipped file, dated lookups and refusals naming the key.

use super::*;

fn d(text: &str) -> Date {
    text.parse().unwrap()
}

#[test]
fn the_shipped_policy_reads() {
    let p = Policy::kz().unwrap();
    assert_eq!(p.meta.jurisdiction, "KZ");
    let sectors = p.sectors_on(d("2026-11-21")).unwrap();
    let code = |s: &str| crate::occupation::OccupationCode::parse(s).unwrap();
    assert_eq!(sectors.value.sector_of(&code("2212")), Some("healthcare"));
    assert_eq!(sectors.value.sector_of(&code("2512-1")), Some("information_technology"));
    assert_eq!(sectors.value.sector_of(&code("2611")), None);
    let m = p.methodology_on(d("2025-01-01")).unwrap();
    assert_eq!(m.value.universe, [code("2")]);
    assert!(p.methodology_on(d("2023-02-27")).is_none(), "nothing applied before the order came into force");
}

const SMALL: &str = r#"
[meta]
jurisdiction = "KZ"
edition = "test"

[[sectors]]
from = "2023-01-01"
basis = { act = "A" }
[sectors.value]
information_technology = ["25"]

[[sectors]]
from = "2024-07-01"
basis = { act = "B", article = "Art. 2" }
[sectors.value]
information_technology = ["25"]
healthcare = ["22"]

[[list_methodology]]
from = "2023-01-01"
basis = { act = "A" }
[list_methodology.value]
universe = ["2"]
priority_sectors = ["information_technology"]
hard_to_fill_days = 30
min_vacancies = 1
inclusion = { k_of_n = { k = 1 } }
indicators = [{ id = "vacancies_posted", weight = 1.0, benchmark = "median" }]
"#;

#[test]
fn versions_apply_from_their_date_until_the_next() {
    let p = Policy::parse(SMALL).unwrap();
    assert_eq!(p.sectors_on(d("2022-12-31")), None);
    assert_eq!(p.sectors_on(d("2023-01-01")).unwrap().basis.act, "A");
    assert_eq!(p.sectors_on(d("2024-06-30")).unwrap().basis.act, "A");
    assert_eq!(p.sectors_on(d("2024-07-01")).unwrap().basis.to_string(), "B, Art. 2");
    assert_eq!(p.sectors_on(d("2030-01-01")).unwrap().value.0.len(), 2);
}

fn refusal(text: &str) -> PolicyError {
    Policy::parse(text).unwrap_err()
}

#[test]
fn bad_files_are_refused_with_the_path_of_the_bad_key() {
    let e = refusal(&SMALL.replace("k = 1", "k = 2"));
    assert_eq!(e.path, "list_methodology[0].value.inclusion.k", "{e}");
    let e = refusal(&SMALL.replace(r#"id = "vacancies_posted""#, r#"id = "vacancies_postd""#));
    assert!(e.path.starts_with("list_methodology[0].value.indicators[0]"), "{e}");
    assert!(e.reason.contains("vacancies_postd"), "{e}");
    let e = refusal(&SMALL.replace(r#"from = "2024-07-01""#, r#"from = "2022-07-01""#));
    assert_eq!(e.path, "sectors[1].from", "{e}");
    let e = refusal(&SMALL.replace(r#"["25"]"#, r#"["99"]"#));
    assert!(e.path.starts_with("sectors[0].value"), "{e}");
    let e = refusal(&SMALL.replace("hard_to_fill_days = 30", "hard_to_fill_days = 30\nsurprise = 1"));
    assert!(e.reason.contains("surprise"), "{e}");
    let e =
        refusal(&SMALL.replace(
            r#"priority_sectors = ["information_technology"]"#,
            r#"priority_sectors = ["healthcare"]"#,
        ));
    assert_eq!(e.path, "list_methodology[0].value.priority_sectors", "{e}");
    let e = refusal(&SMALL.replace(r#"from = "2023-01-01""#, r#"from = "2023-13-01""#));
    assert!(e.path.contains("from"), "{e}");
    let e = refusal("[meta\n");
    assert_eq!(e.path, "(file)");
}
