//! Tests of the generator: the file formats, their consistency, determinism and the planted
//! signals, on a small set.

use super::*;
use jiff::civil::Date;
use std::collections::{BTreeMap, BTreeSet};

/// A sample of unit groups: the planted ones, common and rare ones, every major group.
const OCCUPATIONS: &[(&str, &str)] = &[
    ("0110", "Commissioned armed forces officers"),
    ("1120", "Managing directors and chief executives"),
    ("1211", "Finance managers"),
    ("1330", "Information and communications technology service managers"),
    ("2131", "Biologists, botanists, zoologists and related professionals"),
    ("2142", "Civil engineers"),
    ("2145", "Chemical engineers"),
    ("2146", "Mining engineers, metallurgists and related professionals"),
    ("2211", "Generalist medical practitioners"),
    ("2212", "Specialist medical practitioners"),
    ("2250", "Veterinarians"),
    ("2310", "University and higher education teachers"),
    ("2320", "Vocational education teachers"),
    ("2330", "Secondary education teachers"),
    ("2411", "Accountants"),
    ("2511", "Systems analysts"),
    ("2512", "Software developers"),
    ("2529", "Database and network professionals not elsewhere classified"),
    ("2642", "Journalists"),
    ("3115", "Mechanical engineering technicians"),
    ("3221", "Nursing associate professionals"),
    ("3313", "Accounting associate professionals"),
    ("4110", "General office clerks"),
    ("4132", "Data entry clerks"),
    ("5120", "Cooks"),
    ("5223", "Shop sales assistants"),
    ("5414", "Security guards"),
    ("6121", "Livestock and dairy producers"),
    ("7212", "Welders and flamecutters"),
    ("7411", "Building and related electricians"),
    ("8113", "Well drillers and borers and related workers"),
    ("8322", "Car, taxi and van drivers"),
    ("8332", "Heavy truck and lorry drivers"),
    ("9112", "Cleaners and helpers in offices, hotels and other establishments"),
    ("9313", "Building construction labourers"),
];

fn occupations() -> Vec<Occupation> {
    OCCUPATIONS.iter().map(|(c, t)| Occupation { code: c.to_string(), title: t.to_string() }).collect()
}

fn regions() -> Vec<String> {
    ashyq_core::region::all().iter().map(|r| r.code.clone()).collect()
}

fn small(seed: u64) -> SynthOptions {
    SynthOptions { seed, vacancies: Some(30_000), work_permits: Some(4_000), ..SynthOptions::default() }
}

fn run(opts: &SynthOptions) -> anyhow::Result<(tempfile::TempDir, Summary)> {
    let dir = tempfile::tempdir()?;
    let summary = generate(opts, &occupations(), &regions(), dir.path())?;
    Ok((dir, summary))
}

/// The header and the rows of a file, every row checked to have as many fields as the header.
fn read(dir: &Path, name: &str) -> anyhow::Result<(Vec<String>, Vec<Vec<String>>)> {
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_path(dir.join(name))?;
    let mut records = reader.records();
    let header: Vec<String> = records.next().context("no header")??.iter().map(str::to_string).collect();
    let mut rows = Vec::new();
    for record in records {
        let row: Vec<String> = record?.iter().map(str::to_string).collect();
        assert_eq!(row.len(), header.len(), "{name}: {row:?}");
        rows.push(row);
    }
    Ok((header, rows))
}

fn date(text: &str) -> Date {
    text.parse().unwrap_or_else(|e| panic!("bad date {text:?}: {e}"))
}

/// The region codes a region column may hold: ISO or KATO.
fn region_codes() -> BTreeSet<String> {
    regions().into_iter().flat_map(|r| [format!("{}0000000", &r[3..]), r]).collect()
}

fn check_occupation(field: &str) {
    let known: BTreeSet<&str> = OCCUPATIONS.iter().map(|(c, _)| *c).collect();
    let (code, suffix) = field.split_once('-').map_or((field, None), |(c, s)| (c, Some(s)));
    assert!(known.contains(code), "unknown occupation {field}");
    if let Some(s) = suffix {
        assert_eq!(s, "1", "{field}");
        assert!(code.starts_with('2'), "fifth level outside major group 2: {field}");
    }
}

fn unit_group(field: &str) -> &str {
    field.get(..4).unwrap_or(field)
}

#[test]
fn files_have_the_formats_and_counts() -> anyhow::Result<()> {
    let (dir, summary) = run(&small(7))?;
    let dir = dir.path();
    let names: BTreeSet<_> = std::fs::read_dir(dir)?
        .map(|e| e.map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect::<Result<_, _>>()?;
    assert_eq!(names, [FORECAST_FILE, VACANCIES_FILE, WORK_PERMITS_FILE].map(String::from).into());
    let regions = region_codes();

    let (header, forecast) = read(dir, FORECAST_FILE)?;
    assert_eq!(header, FORECAST_HEADER);
    assert_eq!(forecast.len() as u64, summary.forecast_rows);
    assert_eq!(summary.forecast_rows, 4 * 20 * OCCUPATIONS.len() as u64);
    for row in &forecast {
        assert!((2022..=2025).contains(&row[0].parse::<i16>()?), "{row:?}");
        assert!(regions.contains(&row[1]), "{row:?}");
        check_occupation(&row[2]);
        row[3].parse::<u64>()?;
    }

    let (header, vacancies) = read(dir, VACANCIES_FILE)?;
    assert_eq!(header, VACANCIES_HEADER);
    assert_eq!(vacancies.len() as u64, summary.vacancies);
    assert_eq!(summary.vacancies, 30_000);
    let (first, as_of) = (date("2022-01-01"), date("2025-12-31"));
    let mut ids = BTreeSet::new();
    let mut previous = first;
    for row in &vacancies {
        assert!(ids.insert(row[0].clone()), "repeated id {}", row[0]);
        assert!(row[0].starts_with("ELE-"));
        let posted = date(&row[1]);
        assert!(first <= posted && posted <= as_of && previous <= posted, "{row:?}");
        previous = posted;
        match row[3].as_str() {
            "open" => assert!(row[2].is_empty(), "{row:?}"),
            "filled" | "cancelled" | "expired" => {
                let closed = date(&row[2]);
                assert!(posted <= closed && closed <= as_of, "{row:?}");
            }
            other => panic!("status {other}"),
        }
        assert!(regions.contains(&row[4]), "{row:?}");
        check_occupation(&row[5]);
        assert!(row[6].parse::<u32>()? >= 1);
        assert!(row[7].parse::<u64>()? >= 60_000, "{row:?}");
        assert!(ashyq_core::ids::check_12(&row[8]).is_ok(), "{row:?}");
        assert!(!row[9].is_empty());
    }

    let (header, permits) = read(dir, WORK_PERMITS_FILE)?;
    assert_eq!(header, WORK_PERMITS_HEADER);
    assert_eq!(permits.len() as u64, summary.work_permits);
    assert_eq!(summary.work_permits, 4_000);
    let mut ids = BTreeSet::new();
    for row in &permits {
        assert!(ids.insert(row[0].clone()), "repeated id {}", row[0]);
        assert!(row[0].starts_with("WP-"));
        let (issued, until) = (date(&row[1]), date(&row[2]));
        assert!(first <= issued && issued <= as_of && issued < until, "{row:?}");
        assert!(until <= issued.checked_add(jiff::Span::new().years(3))?, "{row:?}");
        assert!(regions.contains(&row[3]), "{row:?}");
        check_occupation(&row[4]);
        assert!(ashyq_core::ids::check_12(&row[5]).is_ok(), "{row:?}");
        assert!(row[6].len() == 3 && row[6].bytes().all(|b| b.is_ascii_uppercase()), "{row:?}");
        let expected: &[&str] = match &row[4][..1] {
            "1" => &["1", "2"],
            "2" | "3" => &["3"],
            _ => &["4"],
        };
        assert!(expected.contains(&row[7].as_str()), "{row:?}");
        assert!(row[8].parse::<u32>()? >= 1);
    }
    Ok(())
}

#[test]
fn the_same_seed_gives_the_same_bytes_and_another_seed_does_not() -> anyhow::Result<()> {
    let (a, _) = run(&small(11))?;
    let (b, _) = run(&small(11))?;
    let (c, _) = run(&small(12))?;
    for name in [FORECAST_FILE, VACANCIES_FILE, WORK_PERMITS_FILE] {
        let bytes = |d: &tempfile::TempDir| std::fs::read(d.path().join(name));
        assert!(bytes(&a)? == bytes(&b)?, "{name} differs between runs");
        assert!(bytes(&a)? != bytes(&c)?, "{name} does not depend on the seed");
    }
    Ok(())
}

#[test]
fn the_size_of_one_file_does_not_change_another() -> anyhow::Result<()> {
    let (a, _) = run(&small(5))?;
    let (b, _) = run(&SynthOptions { work_permits: Some(100), ..small(5) })?;
    let bytes = |d: &tempfile::TempDir, name| std::fs::read(d.path().join(name));
    assert!(bytes(&a, FORECAST_FILE)? == bytes(&b, FORECAST_FILE)?);
    assert!(bytes(&a, VACANCIES_FILE)? == bytes(&b, VACANCIES_FILE)?);
    Ok(())
}

/// Vacancies per posting year of one unit group (or all, for `None`).
fn per_year(rows: &[Vec<String>], code: Option<&str>) -> BTreeMap<String, f64> {
    let mut years = BTreeMap::new();
    for row in rows.iter().filter(|r| code.is_none_or(|c| unit_group(&r[5]) == c)) {
        *years.entry(row[1][..4].to_string()).or_insert(0.0) += 1.0;
    }
    years
}

fn growth(years: &BTreeMap<String, f64>) -> f64 {
    years.get("2025").copied().unwrap_or(0.0) / years.get("2024").copied().unwrap_or(f64::NAN)
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values.get(values.len() / 2).copied().unwrap_or(f64::NAN)
}

#[test]
fn planted_signals_are_in_the_data() -> anyhow::Result<()> {
    let (dir, _) = run(&small(3))?;
    let (_, vacancies) = read(dir.path(), VACANCIES_FILE)?;
    let total = growth(&per_year(&vacancies, None));
    // The planted shortages are a large share of this small sample; of all 436 unit groups,
    // total growth is about 10 %.
    assert!((1.0..1.35).contains(&total), "total growth {total}");
    let software = growth(&per_year(&vacancies, Some("2512")));
    assert!(software > total + 0.2, "software developers grew {software}, all {total}");
    let planted: &Planted = PLANTED_SHORTAGES.iter().find(|p| p.code == "2512").context("2512 planted")?;
    assert!(planted.priority);
    // Declining occupations fall (over the whole period: they are small).
    let declining =
        |row: &&Vec<String>| DECLINING.iter().any(|&Declining { code, .. }| code == unit_group(&row[5]));
    let falling: Vec<Vec<String>> = vacancies.iter().filter(declining).cloned().collect();
    let falling = per_year(&falling, None);
    let fell = falling.get("2025").copied().unwrap_or(0.0) / falling.get("2022").copied().unwrap_or(f64::NAN);
    assert!(fell < 0.8, "declining occupations went from 2022 to 2025 by a factor {fell}");

    // Planted shortages stay up long in the last year; the rest for 2–4 weeks.
    let days = |planted: bool| {
        let rows = vacancies.iter().filter(|r| {
            r[1].starts_with("2024")
                && !r[2].is_empty()
                && PLANTED_SHORTAGES.iter().any(|p| p.code == unit_group(&r[5])) == planted
        });
        median(rows.map(|r| (date(&r[2]) - date(&r[1])).get_days() as f64).collect())
    };
    let (short, rest) = (days(true), days(false));
    assert!((45.0..=90.0).contains(&short), "planted median {short} days");
    assert!((10.0..=30.0).contains(&rest), "other median {rest} days");

    // Salaries: a national median in the expected band in 2025, higher in Atyrau; planted
    // shortages' salaries grow faster than the others'.
    let is_planted = |r: &Vec<String>| PLANTED_SHORTAGES.iter().any(|p| p.code == unit_group(&r[5]));
    let salaries = |year: &str, keep: &dyn Fn(&Vec<String>) -> bool| {
        median(
            vacancies
                .iter()
                .filter(|r| r[1].starts_with(year) && keep(r))
                .map(|r| r[7].parse::<f64>().unwrap_or(f64::NAN))
                .collect(),
        )
    };
    let national = salaries("2025", &|_| true);
    assert!((330_000.0..=420_000.0).contains(&national), "2025 median salary {national}");
    assert!(salaries("2025", &|r| r[4] == "KZ-23") > national * 1.3);
    let others = salaries("2025", &|r| !is_planted(r)) / salaries("2024", &|r| !is_planted(r));
    assert!((1.05..=1.13).contains(&others), "salary growth {others}");
    let short = salaries("2025", &is_planted) / salaries("2024", &is_planted);
    assert!(short > others + 0.04, "planted salaries grew {short}, others {others}");
    Ok(())
}

#[test]
fn statuses_have_realistic_shares() -> anyhow::Result<()> {
    let (dir, _) = run(&small(9))?;
    let (_, vacancies) = read(dir.path(), VACANCIES_FILE)?;
    let share =
        |status: &str| vacancies.iter().filter(|r| r[3] == status).count() as f64 / vacancies.len() as f64;
    assert!((0.6..0.75).contains(&share("filled")), "filled {}", share("filled"));
    assert!((0.12..0.22).contains(&share("expired")), "expired {}", share("expired"));
    assert!((0.07..0.14).contains(&share("cancelled")), "cancelled {}", share("cancelled"));
    let december_open =
        vacancies.iter().filter(|r| r[1].starts_with("2025-12")).filter(|r| r[3] == "open").count();
    let december = vacancies.iter().filter(|r| r[1].starts_with("2025-12")).count();
    assert!(december_open * 2 > december, "{december_open} of {december} December postings open");
    Ok(())
}

#[test]
fn bad_input_is_refused_and_leaves_nothing_behind() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let bad_code = [Occupation { code: "251".into(), title: "x".into() }];
    assert!(generate(&small(1), &bad_code, &regions(), dir.path()).is_err());
    assert!(generate(&small(1), &occupations(), &["KZ-7".to_string()], dir.path()).is_err());
    let backwards = SynthOptions { first_year: 2025, last_year: 2024, ..small(1) };
    assert!(generate(&backwards, &occupations(), &regions(), dir.path()).is_err());
    assert_eq!(std::fs::read_dir(dir.path())?.count(), 0);
    Ok(())
}

#[test]
fn scale_sets_the_sizes() -> anyhow::Result<()> {
    let opts = SynthOptions { scale: 0.05, first_year: 2025, ..SynthOptions::default() };
    let (_, summary) = run(&opts)?;
    assert_eq!(summary.vacancies, DEFAULT_VACANCIES / 20);
    assert_eq!(summary.work_permits, DEFAULT_WORK_PERMITS / 20);
    assert_eq!(summary.forecast_rows, 20 * OCCUPATIONS.len() as u64);
    Ok(())
}

/// Timing of a large run: `cargo test --release -p ashyq synth::tests::large -- --ignored --nocapture`.
#[test]
#[ignore = "large; run by hand in a release build"]
fn large() -> anyhow::Result<()> {
    let opts =
        SynthOptions { vacancies: Some(5_000_000), work_permits: Some(500_000), ..SynthOptions::default() };
    let dir = tempfile::tempdir()?;
    let start = std::time::Instant::now();
    let summary = generate(&opts, &occupations(), &regions(), dir.path())?;
    println!("{summary:?} in {:?}", start.elapsed());
    Ok(())
}

/// The documented header lines (docs/data-formats.md), column by column.
const FORECAST_HEADER: [&str; 4] = ["year", "region", "occupation", "additional_need"];
const VACANCIES_HEADER: [&str; 10] = [
    "vacancy_id",
    "posted_on",
    "closed_on",
    "status",
    "region",
    "occupation",
    "positions",
    "salary_kzt",
    "employer_bin",
    "title",
];
const WORK_PERMITS_HEADER: [&str; 9] = [
    "permit_id",
    "issued_on",
    "valid_until",
    "region",
    "occupation",
    "employer_bin",
    "citizenship",
    "category",
    "workers",
];
