//! The list computation on a small universe worked by hand.

use super::*;
use crate::labour::methodology::IndicatorRule;
use crate::occupation::classifier;

fn code(s: &str) -> OccupationCode {
    OccupationCode::parse(s).unwrap()
}

/// Software and applications developers (251): posted positions and their year-on-year growth.
fn indicators() -> LabourIndicators {
    let mut national = BTreeMap::new();
    for (c, posted, prev) in [("2511", 150, 100), ("2512", 360, 300), ("2513", 45, 50), ("2514", 10, 0)] {
        let growth = if prev > 0 { Some((posted as f64 - prev as f64) / prev as f64) } else { None };
        national.insert(
            code(c),
            Indicators {
                vacancies_posted: posted,
                vacancies_posted_prev: prev,
                vacancy_growth: growth,
                ..Default::default()
            },
        );
    }
    LabourIndicators { year: 2025, national, regional: BTreeMap::new(), all: Indicators::default() }
}

fn method(inclusion: InclusionRule, max_entries: Option<u32>) -> Methodology {
    Methodology {
        universe: vec![code("251")],
        priority_sectors: vec!["information_technology".into()],
        hard_to_fill_days: 30,
        min_vacancies: 20,
        inclusion,
        max_entries,
        indicators: vec![
            IndicatorRule {
                id: IndicatorId::VacanciesPosted,
                weight: 1.0,
                benchmark: Benchmark::Median,
                factor: 1.0,
            },
            IndicatorRule {
                id: IndicatorId::VacancyGrowth,
                weight: 1.0,
                benchmark: Benchmark::Value(0.0),
                factor: 1.0,
            },
        ],
    }
}

fn sectors(it: &[&str]) -> SectorMap {
    let mut map = BTreeMap::new();
    map.insert("information_technology".to_string(), it.iter().map(|c| code(c)).collect());
    map.insert("other".to_string(), vec![code("2511")]);
    SectorMap(map)
}

fn by_code(out: &ListComputation) -> BTreeMap<String, &Candidate> {
    out.candidates.iter().map(|c| (c.occupation.to_string(), c)).collect()
}

#[test]
fn scores_ranks_and_verdicts_worked_by_hand() {
    let out =
        compute(&indicators(), &method(InclusionRule::KOfN { k: 2 }, None), &sectors(&["25"]), classifier());
    // Posted across 2511..2519 (2519 has no data: 0): 0,10,45,150,360 → median 45.
    assert_eq!(out.benchmarks[&IndicatorId::VacanciesPosted], Some(45.0));
    assert_eq!(out.benchmarks[&IndicatorId::VacancyGrowth], Some(0.0));
    let order: Vec<String> = out.candidates.iter().map(|c| c.occupation.to_string()).collect();
    assert_eq!(order, ["2511", "2512", "2513", "2514", "2519"]);
    let c = by_code(&out);
    // Mid-rank percentiles: posted 150 → 0.7; growth 0.5 among (−0.1, 0.2, 0.5) → 5/6.
    assert_eq!(c["2511"].score, 76.67);
    assert_eq!(c["2512"].score, 70.0); // (0.9 + 0.5) / 2
    assert_eq!(c["2513"].score, 33.33); // (0.5 + 1/6) / 2
    assert_eq!(c["2514"].score, 15.0); // (0.3 + 0) / 2: growth from zero has no value
    assert_eq!(c["2519"].score, 5.0);
    assert!(c["2511"].included && c["2512"].included);
    assert_eq!(c["2512"].reasons, [Reason::MeetsAll { passed: 2, of: 2, score: 70.0 }]);
    assert_eq!(c["2513"].reasons, [Reason::TooFewCriteria { passed: 0, required: 2 }]);
    assert_eq!(
        c["2514"].reasons,
        [
            Reason::TooFewVacancies { posted: 10, minimum: 20 },
            Reason::TooFewCriteria { passed: 0, required: 2 }
        ]
    );
    let check = &c["2513"].checks[0];
    assert_eq!((check.value, check.threshold, check.passed), (Some(45.0), Some(45.0), false));
    assert_eq!(out.list().count(), 2);
}

#[test]
fn sector_cutoff_and_max_entries() {
    let out = compute(
        &indicators(),
        &method(InclusionRule::KOfN { k: 2 }, None),
        &sectors(&["2512", "2513", "2514", "2519"]),
        classifier(),
    );
    let c = by_code(&out);
    assert_eq!(c["2511"].sector.as_deref(), Some("other"));
    assert_eq!(c["2511"].reasons, [Reason::NotPrioritySector]);
    assert_eq!(c["2511"].rank, 1, "the ranking of valuable skills keeps every sector");

    let out = compute(
        &indicators(),
        &method(InclusionRule::Composite { cutoff: 70.0 }, Some(1)),
        &sectors(&["25"]),
        classifier(),
    );
    let c = by_code(&out);
    assert!(c["2511"].included);
    assert_eq!(c["2512"].reasons, [Reason::BeyondMaxEntries { rank: 2, max: 1 }]);
    assert_eq!(c["2513"].reasons, [Reason::ScoreBelowCutoff { score: 33.33, cutoff: 70.0 }]);
}

#[test]
fn the_same_input_gives_the_same_list() {
    let m = method(InclusionRule::Both { k: 1, cutoff: 10.0 }, None);
    let a = compute(&indicators(), &m, &sectors(&["25"]), classifier());
    let b = compute(&indicators(), &m, &sectors(&["25"]), classifier());
    assert_eq!(serde_json::to_string(&a).unwrap(), serde_json::to_string(&b).unwrap());
}
