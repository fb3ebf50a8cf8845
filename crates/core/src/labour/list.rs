//! Forming the list of professions in demand and the ranking of valuable skills from a period's
//! indicators under a methodology: every occupation of the universe is scored (each indicator's
//! percentile among the universe, weighted), ranked, checked against each criterion's
//! benchmark, and included or excluded with its reasons.

use super::indicators::{Indicators, LabourIndicators};
use super::methodology::{Benchmark, InclusionRule, IndicatorId, Methodology};
use crate::occupation::{Classifier, OccupationCode};
use crate::policy::SectorMap;
use serde::Serialize;
use std::collections::BTreeMap;

/// One indicator of one candidate against its benchmark.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Check {
    pub indicator: IndicatorId,
    /// None when the indicator cannot be computed (e.g. growth from zero).
    pub value: Option<f64>,
    pub benchmark: Option<f64>,
    /// `factor × benchmark`: the value must be above it to pass.
    pub threshold: Option<f64>,
    pub passed: bool,
    pub weight: f64,
    /// The value's percentile among the universe (0–1), as it enters the score.
    pub percentile: f64,
}

/// Why a candidate is or is not on the list.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum Reason {
    /// Not in one of the priority sectors.
    NotPrioritySector,
    /// Too few vacancies posted to judge.
    TooFewVacancies { posted: u64, minimum: u64 },
    /// Fewer criteria passed than required.
    TooFewCriteria { passed: u32, required: u32 },
    /// Composite score under the cut-off.
    ScoreBelowCutoff { score: f64, cutoff: f64 },
    /// Ranked beyond the most entries the list may have.
    BeyondMaxEntries { rank: u32, max: u32 },
    /// Meets every condition.
    MeetsAll { passed: u32, of: u32, score: f64 },
}

/// One occupation of the universe with its score, rank and verdict.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Candidate {
    pub occupation: OccupationCode,
    pub title_en: String,
    pub sector: Option<String>,
    /// 1 = highest score; the ranking of valuable skills.
    pub rank: u32,
    /// 0–100.
    pub score: f64,
    pub included: bool,
    pub criteria_passed: u32,
    pub criteria_total: u32,
    pub checks: Vec<Check>,
    pub reasons: Vec<Reason>,
    pub indicators: Indicators,
}

/// The result of a computation: every candidate in rank order, and the benchmarks used.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ListComputation {
    pub year: i16,
    pub benchmarks: BTreeMap<IndicatorId, Option<f64>>,
    pub candidates: Vec<Candidate>,
}

impl ListComputation {
    /// The included candidates, in rank order.
    pub fn list(&self) -> impl Iterator<Item = &Candidate> {
        self.candidates.iter().filter(|c| c.included)
    }
}

/// Scores, ranks and judges every unit group of the methodology's universe.
pub fn compute(
    indicators: &LabourIndicators,
    method: &Methodology,
    sectors: &SectorMap,
    classifier: &Classifier,
) -> ListComputation {
    let universe: Vec<(&OccupationCode, &str)> = classifier
        .unit_groups()
        .filter(|g| method.in_universe(&g.code))
        .map(|g| (&g.code, g.title_en.as_str()))
        .collect();
    let values: Vec<Indicators> = universe.iter().map(|(c, _)| indicators.of(c)).collect();

    let mut benchmarks = BTreeMap::new();
    let mut sorted_values: BTreeMap<IndicatorId, Vec<f64>> = BTreeMap::new();
    for rule in &method.indicators {
        let mut present: Vec<f64> = values.iter().filter_map(|v| rule.id.value(v)).collect();
        present.sort_by(f64::total_cmp);
        let benchmark = match rule.benchmark {
            Benchmark::Median => median_sorted(&present),
            Benchmark::Value(v) => Some(v),
        };
        benchmarks.insert(rule.id, benchmark);
        sorted_values.insert(rule.id, present);
    }
    let total_weight: f64 = method.indicators.iter().map(|r| r.weight).sum();

    let mut candidates: Vec<Candidate> = universe
        .iter()
        .zip(values)
        .map(|((code, title), ind)| {
            let checks: Vec<Check> = method
                .indicators
                .iter()
                .map(|rule| {
                    let value = rule.id.value(&ind);
                    let benchmark = benchmarks.get(&rule.id).copied().flatten();
                    let threshold = benchmark.map(|b| b * rule.factor);
                    let passed = matches!((value, threshold), (Some(v), Some(t)) if v > t);
                    let percentile = match (value, sorted_values.get(&rule.id)) {
                        (Some(v), Some(all)) => percentile(all, v),
                        _ => 0.0,
                    };
                    Check {
                        indicator: rule.id,
                        value,
                        benchmark,
                        threshold,
                        passed,
                        weight: rule.weight,
                        percentile,
                    }
                })
                .collect();
            let weighted: f64 = checks.iter().map(|c| c.weight * c.percentile).sum();
            let score = if total_weight > 0.0 { round2(100.0 * weighted / total_weight) } else { 0.0 };
            Candidate {
                occupation: **code,
                title_en: title.to_string(),
                sector: sectors.sector_of(code).map(str::to_string),
                rank: 0,
                score,
                included: false,
                criteria_passed: checks.iter().filter(|c| c.passed).count() as u32,
                criteria_total: checks.len() as u32,
                checks,
                reasons: Vec::new(),
                indicators: ind,
            }
        })
        .collect();

    // Rank: score, then more criteria passed, then classifier order — a total order, so the
    // same data always gives the same list.
    candidates.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(b.criteria_passed.cmp(&a.criteria_passed))
            .then(a.occupation.cmp(&b.occupation))
    });
    let mut on_list = 0u32;
    for (i, c) in candidates.iter_mut().enumerate() {
        c.rank = i as u32 + 1;
        let mut reasons = Vec::new();
        let priority = c.sector.as_ref().is_some_and(|s| method.priority_sectors.contains(s));
        if !priority {
            reasons.push(Reason::NotPrioritySector);
        }
        if c.indicators.vacancies_posted < method.min_vacancies {
            reasons.push(Reason::TooFewVacancies {
                posted: c.indicators.vacancies_posted,
                minimum: method.min_vacancies,
            });
        }
        let (k, cutoff) = match method.inclusion {
            InclusionRule::KOfN { k } => (Some(k), None),
            InclusionRule::Composite { cutoff } => (None, Some(cutoff)),
            InclusionRule::Both { k, cutoff } => (Some(k), Some(cutoff)),
        };
        if let Some(k) = k
            && c.criteria_passed < k
        {
            reasons.push(Reason::TooFewCriteria { passed: c.criteria_passed, required: k });
        }
        if let Some(cutoff) = cutoff
            && c.score < cutoff
        {
            reasons.push(Reason::ScoreBelowCutoff { score: c.score, cutoff });
        }
        if reasons.is_empty()
            && let Some(max) = method.max_entries
            && on_list >= max
        {
            reasons.push(Reason::BeyondMaxEntries { rank: c.rank, max });
        }
        if reasons.is_empty() {
            on_list += 1;
            c.included = true;
            reasons.push(Reason::MeetsAll {
                passed: c.criteria_passed,
                of: c.criteria_total,
                score: c.score,
            });
        }
        c.reasons = reasons;
    }
    ListComputation { year: indicators.year, benchmarks, candidates }
}

fn median_sorted(v: &[f64]) -> Option<f64> {
    let n = v.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(v[n / 2]),
        _ => Some((v[n / 2 - 1] + v[n / 2]) / 2.0),
    }
}

/// The mid-rank percentile of `x` among sorted values: (below + equal / 2) / n.
fn percentile(sorted: &[f64], x: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let below = sorted.partition_point(|v| *v < x);
    let upto = sorted.partition_point(|v| *v <= x);
    (below as f64 + (upto - below) as f64 / 2.0) / sorted.len() as f64
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests;
