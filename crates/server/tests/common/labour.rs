//! The small labour data set of the tests of the list of professions in demand: a forecast,
//! vacancies and work permits of 2024 and 2025 in Almaty (KZ-75) and Astana (KZ-71) for three
//! occupations of major group 2, each in a priority sector (IT, healthcare, science and
//! technology).
//!
//! Each occupation has 25 vacancy positions posted in 2025 (at least `min_vacancies` = 20),
//! growth in vacancies, salaries and work permits, and a forecast need — six or more of the ten
//! criteria of data/policy/kz.toml, so each is on the computed list. The files are written for
//! a given order of the occupations, each test keeping the rows in the order it reads them.

use super::Harness;
use ashyq_core::labour::records::Source;
use ashyq_store::Actor;
use ashyq_store::labour::ImportRequest;
use ashyq_store::pipeline::{Input, Quiet};

/// A BIN with a valid check digit.
pub const BIN: &str = "000101500011";
/// The occupations of the data set.
pub const OCCUPATIONS: [&str; 3] = ["2512", "2211", "2145"];
/// A unit group of major group 2 without data: a candidate, not on the list.
pub const NOT_ON_LIST: &str = "2111";

/// Forecast rows: 2025 in two regions (40 in KZ-75, 20 in KZ-71), 2024 in one (10 in KZ-75);
/// 3 rows an occupation.
pub fn forecast_csv(occupations: &[&str]) -> String {
    let mut text = String::from("year,region,occupation,additional_need\n");
    for occ in occupations {
        text.push_str(&format!("2025,KZ-75,{occ},40\n2025,KZ-71,{occ},20\n2024,KZ-75,{occ},10\n"));
    }
    text
}

/// Vacancies: 10 positions in 2024, 15 (KZ-75) + 10 (KZ-71, still open at the end of 2025) in
/// 2025, at rising salaries; 3 rows an occupation.
pub fn vacancies_csv(occupations: &[&str]) -> String {
    let mut text = String::from(
        "vacancy_id,posted_on,closed_on,status,region,occupation,positions,salary_kzt,employer_bin,title\n",
    );
    for occ in occupations {
        text.push_str(&format!(
            "V-{occ}-1,2024-03-01,2024-04-01,filled,KZ-75,{occ},10,300000,{BIN},\n\
             V-{occ}-2,2025-02-01,2025-05-01,filled,KZ-75,{occ},15,400000,{BIN},\n\
             V-{occ}-3,2025-06-01,,open,KZ-71,{occ},10,420000,{BIN},\n"
        ));
    }
    text
}

/// Work permits: 2 workers in 2024 (KZ-75), 5 in 2025 (KZ-71); 2 rows an occupation.
pub fn permits_csv(occupations: &[&str]) -> String {
    let mut text = String::from(
        "permit_id,issued_on,valid_until,region,occupation,employer_bin,citizenship,category,workers\n",
    );
    for occ in occupations {
        text.push_str(&format!(
            "P-{occ}-1,2024-03-01,2025-03-01,KZ-75,{occ},{BIN},TUR,3,2\n\
             P-{occ}-2,2025-03-01,2026-03-01,KZ-71,{occ},{BIN},TUR,3,5\n"
        ));
    }
    text
}

/// A forecast with one good row (a need of 5 for [`NOT_ON_LIST`] in KZ-75) and two bad ones:
/// an unknown occupation on row 3, an unknown region on row 4 (the header is row 1).
pub fn bad_forecast_csv() -> String {
    format!(
        "year,region,occupation,additional_need\n2025,KZ-75,{NOT_ON_LIST},5\n2025,KZ-75,9999,7\n2025,KZ-99,2512,1\n"
    )
}

/// Imports the three sources for `occupations` into the harness's database as `actor`, through
/// `ashyq_store::labour::import` (file name `fixture.csv`); asserts each is committed with no
/// row rejected.
pub async fn import(h: &Harness, actor: &Actor, occupations: &[&str]) {
    for (source, text) in [
        (Source::Forecast, forecast_csv(occupations)),
        (Source::Vacancies, vacancies_csv(occupations)),
        (Source::WorkPermits, permits_csv(occupations)),
    ] {
        let request = ImportRequest { source, file_name: "fixture.csv".into(), skip_invalid: false };
        let report = ashyq_store::labour::import(
            &h.db,
            actor,
            &request,
            Input::from_bytes(text.into_bytes()),
            &mut Quiet,
        )
        .await
        .unwrap();
        assert!(report.committed && report.rejected == 0, "{report:?}");
    }
}
