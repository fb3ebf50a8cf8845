//! The methodology of the list of professions in demand, as the policy file states it: which
//! indicators count, against which benchmark, with which weights, by which inclusion rule, over
//! which universe of occupations and priority sectors.

use crate::occupation::OccupationCode;
use serde::{Deserialize, Serialize};

/// The indicators the methodology can use (computed in `indicators.rs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IndicatorId {
    ForecastNeed,
    VacanciesPosted,
    OpenAtEnd,
    MedianDurationDays,
    HardToFillShare,
    VacancyGrowth,
    MedianSalaryKzt,
    SalaryGrowthRelative,
    WorkPermits,
    WorkPermitGrowth,
}

impl IndicatorId {
    pub const ALL: [IndicatorId; 10] = [
        IndicatorId::ForecastNeed,
        IndicatorId::VacanciesPosted,
        IndicatorId::OpenAtEnd,
        IndicatorId::MedianDurationDays,
        IndicatorId::HardToFillShare,
        IndicatorId::VacancyGrowth,
        IndicatorId::MedianSalaryKzt,
        IndicatorId::SalaryGrowthRelative,
        IndicatorId::WorkPermits,
        IndicatorId::WorkPermitGrowth,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            IndicatorId::ForecastNeed => "forecast_need",
            IndicatorId::VacanciesPosted => "vacancies_posted",
            IndicatorId::OpenAtEnd => "open_at_end",
            IndicatorId::MedianDurationDays => "median_duration_days",
            IndicatorId::HardToFillShare => "hard_to_fill_share",
            IndicatorId::VacancyGrowth => "vacancy_growth",
            IndicatorId::MedianSalaryKzt => "median_salary_kzt",
            IndicatorId::SalaryGrowthRelative => "salary_growth_relative",
            IndicatorId::WorkPermits => "work_permits",
            IndicatorId::WorkPermitGrowth => "work_permit_growth",
        }
    }

    /// This indicator's value in a set of indicators.
    pub fn value(self, i: &super::indicators::Indicators) -> Option<f64> {
        match self {
            IndicatorId::ForecastNeed => Some(i.forecast_need as f64),
            IndicatorId::VacanciesPosted => Some(i.vacancies_posted as f64),
            IndicatorId::OpenAtEnd => Some(i.open_at_end as f64),
            IndicatorId::MedianDurationDays => i.median_duration_days,
            IndicatorId::HardToFillShare => i.hard_to_fill_share,
            IndicatorId::VacancyGrowth => i.vacancy_growth,
            IndicatorId::MedianSalaryKzt => i.median_salary_kzt,
            IndicatorId::SalaryGrowthRelative => i.salary_growth_relative,
            IndicatorId::WorkPermits => Some(i.work_permits as f64),
            IndicatorId::WorkPermitGrowth => i.work_permit_growth,
        }
    }
}

/// What an occupation's indicator is compared with.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Benchmark {
    /// The median of the indicator across the universe's occupations that have a value.
    Median,
    /// A fixed value (e.g. 0 for "growing").
    Value(f64),
}

/// One indicator as the methodology uses it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndicatorRule {
    pub id: IndicatorId,
    /// Weight in the composite score (≥ 0; 0 = a criterion only).
    pub weight: f64,
    pub benchmark: Benchmark,
    /// The criterion passes when the value is above `factor × benchmark`.
    #[serde(default = "one")]
    pub factor: f64,
}

fn one() -> f64 {
    1.0
}

/// How an occupation of the universe gets onto the list.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum InclusionRule {
    /// Passes at least `k` of the criteria.
    KOfN { k: u32 },
    /// A composite score (0–100) of at least `cutoff`.
    Composite { cutoff: f64 },
    /// Both.
    Both { k: u32, cutoff: f64 },
}

/// The whole methodology of one version.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Methodology {
    /// The classifier groups whose unit groups are candidates (major group 2, "Professionals").
    pub universe: Vec<OccupationCode>,
    /// The sectors (of the sector map) whose occupations may enter the list.
    pub priority_sectors: Vec<String>,
    /// The horizon of the hard-to-fill share, in days.
    pub hard_to_fill_days: u16,
    /// The fewest vacancy positions posted in the period for an occupation to be judged at all.
    pub min_vacancies: u64,
    pub inclusion: InclusionRule,
    /// The most entries on the list (by rank); none = no limit.
    #[serde(default)]
    pub max_entries: Option<u32>,
    pub indicators: Vec<IndicatorRule>,
}

impl Methodology {
    /// Checks the numbers; gives the key and the reason of the first fault.
    pub(crate) fn check(&self) -> Result<(), crate::policy::Refusal> {
        use crate::said::Said;
        let err = |k: &str, r: Said| Err((k.to_string(), r));
        if self.universe.is_empty() {
            return err("universe", Said::new("policy-universe-empty", "names no occupation group"));
        }
        for g in &self.universe {
            if crate::occupation::classifier().get(g).is_none() {
                return err("universe", crate::policy::not_a_group(g));
            }
        }
        if self.indicators.is_empty() {
            return err("indicators", Said::new("policy-indicators-empty", "names no indicator"));
        }
        for (i, rule) in self.indicators.iter().enumerate() {
            if !(rule.weight.is_finite() && rule.weight >= 0.0) {
                return err(
                    &format!("indicators[{i}].weight"),
                    Said::new("policy-weight", format!("{} is not a weight ≥ 0", rule.weight))
                        .with("weight", crate::policy::figure(rule.weight)),
                );
            }
            if !rule.factor.is_finite() {
                return err(
                    &format!("indicators[{i}].factor"),
                    Said::new("policy-not-a-number", "is not a number"),
                );
            }
            if self.indicators[..i].iter().any(|r| r.id == rule.id) {
                let id = rule.id.as_str();
                return err(
                    &format!("indicators[{i}].id"),
                    Said::new("policy-indicator-twice", format!("{id} is listed twice"))
                        .text("indicator", id),
                );
            }
        }
        if self.indicators.iter().map(|r| r.weight).sum::<f64>() <= 0.0 {
            return err("indicators", Said::new("policy-weights-zero", "the weights sum to zero"));
        }
        let n = self.indicators.len() as u32;
        match self.inclusion {
            InclusionRule::KOfN { k } | InclusionRule::Both { k, .. } if k == 0 || k > n => {
                return err(
                    "inclusion.k",
                    Said::new("policy-k-range", format!("{k} is not between 1 and the {n} indicators"))
                        .count("k", k)
                        .count("n", n),
                );
            }
            InclusionRule::Composite { cutoff } | InclusionRule::Both { cutoff, .. }
                if !(0.0..=100.0).contains(&cutoff) =>
            {
                return err(
                    "inclusion.cutoff",
                    Said::new("policy-cutoff-range", format!("{cutoff} is not a score between 0 and 100"))
                        .with("cutoff", crate::policy::figure(cutoff)),
                );
            }
            _ => {}
        }
        if self.hard_to_fill_days == 0 {
            return err("hard_to_fill_days", Said::new("policy-at-least-one", "must be at least 1"));
        }
        Ok(())
    }

    /// Whether an occupation lies in the universe.
    pub fn in_universe(&self, occupation: &OccupationCode) -> bool {
        self.universe.iter().any(|g| occupation.is_within(g))
    }
}
