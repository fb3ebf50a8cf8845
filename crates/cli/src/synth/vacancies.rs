//! `vacancies.csv`: vacancies of the Electronic Labour Exchange, in the order they were posted,
//! with how long they stayed up, how they ended, the offered salary and the employer.

use super::Model;
use super::calendar::{Apportion, POSTING_SEASON};
use super::output::{CsvOut, Fields};
use super::profile::{OccProfile, SALARY_GROWTH, SALARY_REFERENCE_2025, Sector, minimum_wage, season};
use super::sample::{Cumulative, lognormal, pick};
use rand::Rng;
use rand_chacha::ChaCha8Rng;
use std::fmt::Write;

/// Yearly growth of the number of vacancies, before the planted trends.
const GROWTH: f64 = 1.05;
/// Spread of offered salaries around the median of an occupation and region.
const SALARY_SPREAD: f64 = 0.28;
/// Spread of the days a vacancy stays up.
const DURATION_SPREAD: f64 = 0.7;

/// Writes `total` vacancies, posted from the first day to the last; returns how many.
pub(super) fn write(
    model: &Model,
    rng: &mut ChaCha8Rng,
    total: u64,
    out: &mut CsvOut,
) -> anyhow::Result<u64> {
    let years = model.years;
    let days = &model.calendar.days;
    let n = model.occs.len().max(1);
    // Each occupation's volume over all regions.
    let mut occ_volume = vec![0.0; n];
    for (cell, w) in model.vacancy_base.iter().enumerate() {
        if let Some(v) = occ_volume.get_mut(cell % n) {
            *v += w;
        }
    }
    // Weight of every day: the volume of its year and month, the season, the weekday, noise.
    let month_volume = |year: i16, month0: usize| -> f64 {
        model
            .occs
            .iter()
            .zip(&occ_volume)
            .map(|(o, v)| v * o.vacancy_trend(years, year) * season(o.sector, month0))
            .sum()
    };
    let mut volumes = Vec::new();
    for year in years.iter() {
        volumes.push((0..12).map(|m| month_volume(year, m)).collect::<Vec<_>>());
    }
    let weights: Vec<f64> = days
        .iter()
        .map(|d| {
            let y = years.since_first(d.year);
            let volume = volumes.get(y as usize).and_then(|v| v.get(d.month0)).copied().unwrap_or(0.0);
            let season = POSTING_SEASON.get(d.month0).copied().unwrap_or(1.0);
            GROWTH.powi(y) * volume * season * d.activity((0.3, 0.15), 0.2) * lognormal(rng, 1.0, 0.08)
        })
        .collect();
    let mut apportion = Apportion::new(total, weights.iter().sum());

    let last = model.calendar.last();
    let mut tables: Vec<Cumulative> = Vec::new();
    let mut table_year = None;
    let mut row = Fields::<10>::new();
    let mut id = 0u64;
    for (i, (day, weight)) in days.iter().zip(&weights).enumerate() {
        let count = apportion.next(*weight, i == last);
        if count == 0 {
            continue;
        }
        if table_year != Some(day.year) {
            tables = (0..12).map(|m| month_table(model, day.year, m)).collect();
            table_year = Some(day.year);
        }
        let Some(table) = tables.get(day.month0) else { continue };
        for _ in 0..count {
            let (r, o) = model.cell(table.sample(rng));
            let (Some(region), Some(occ)) = (model.regions.get(r), model.occs.get(o)) else { continue };
            id += 1;
            let [vid, posted, closed, status, reg, occupation, positions, salary, employer, title] =
                row.clear();
            write!(vid, "ELE-{id:07}")?;
            posted.push_str(&day.text);

            let (end, how) = outcome(rng, model, occ, day.year);
            // Ended after "as of": still open.
            match days.get(i + end) {
                Some(closed_day) => {
                    closed.push_str(&closed_day.text);
                    status.push_str(how);
                }
                _ => status.push_str("open"),
            }
            model.region_field(rng, region, reg);
            model.occupation_field(rng, occ, occupation);
            write!(positions, "{}", positions_wanted(rng, occ.major))?;

            let (prefix, pay) = match &occ.title_after_prefix {
                Some(after) => {
                    seniority(rng, occ.major).map_or((None, 1.0), |(p, pay)| (Some((p, after)), pay))
                }
                None => (None, 1.0),
            };
            let t = f64::from(day.year) + day.year_fraction - 2025.5;
            let median = SALARY_REFERENCE_2025
                * occ.salary
                * region.salary
                * pay
                * SALARY_GROWTH.powf(t)
                * occ.salary_trend(years, day.year);
            let offered = lognormal(rng, median, SALARY_SPREAD).max(minimum_wage(day.year));
            write!(salary, "{}", round_salary(rng, offered))?;

            employer.push_str(model.employers.pick(rng, r, occ.sector));
            match prefix {
                Some((word, after)) => write!(title, "{word} {after}")?,
                None => title.push_str(&occ.title),
            }
            if occ.sector == Sector::Energy && rng.random_bool(0.2) {
                title.push_str(" (rotational shift)");
            }
            row.write(out)?;
        }
    }
    Ok(id)
}

/// The choice of cell (region × occupation) for a vacancy posted in a month of a year.
fn month_table(model: &Model, year: i16, month0: usize) -> Cumulative {
    let n = model.occs.len().max(1);
    let factor: Vec<f64> =
        model.occs.iter().map(|o| o.vacancy_trend(model.years, year) * season(o.sector, month0)).collect();
    Cumulative::new(
        model
            .vacancy_base
            .iter()
            .enumerate()
            .map(|(cell, w)| w * factor.get(cell % n).copied().unwrap_or(0.0)),
    )
}

/// After how many days a vacancy ends and how: filled, expired (its listing ran out) or
/// cancelled. Planted shortages in the last two years take long and often expire unfilled.
fn outcome(rng: &mut ChaCha8Rng, model: &Model, occ: &OccProfile, year: i16) -> (usize, &'static str) {
    let short = occ.short_in(model.years, year);
    let (filled, expired) = if short { (0.55, 0.35) } else { (0.72, 0.17) };
    let median = match occ.planted {
        Some(p) if short => p.median_days,
        Some(_) => occ.median_days * 1.3,
        None if occ.declining.is_some() => occ.median_days * 0.8,
        None => occ.median_days,
    };
    let u = rng.random::<f64>();
    let (days, how) = if u < filled {
        (lognormal(rng, median, DURATION_SPREAD), "filled")
    } else if u < filled + expired {
        let lifetimes: &[(f64, f64)] =
            if short { &[(60.0, 0.4), (90.0, 0.6)] } else { &[(30.0, 0.6), (60.0, 0.3), (90.0, 0.1)] };
        let lifetime = pick(rng, lifetimes).copied().unwrap_or(30.0);
        (lifetime + f64::from(rng.random_range(0..=2u8)), "expired")
    } else {
        (lognormal(rng, median * 0.5, 0.9), "cancelled")
    };
    (days.round().clamp(0.0, 730.0) as usize, how)
}

/// How many positions a vacancy is for: mostly one; sales, elementary and plant work often more.
fn positions_wanted(rng: &mut ChaCha8Rng, major: u8) -> u32 {
    let u = rng.random::<f64>();
    if major == 1 || u < 0.78 {
        1
    } else if u < 0.90 {
        2
    } else if u < 0.97 {
        rng.random_range(3..=5)
    } else if matches!(major, 5 | 8 | 9) {
        rng.random_range(6..=20)
    } else {
        rng.random_range(6..=10)
    }
}

/// Sometimes a seniority word before the title, with what it does to the salary.
fn seniority(rng: &mut ChaCha8Rng, major: u8) -> Option<(&'static str, f64)> {
    let options: &[(&str, f64, f64)] = match major {
        2 => &[("Senior", 0.07, 1.3), ("Junior", 0.04, 0.75), ("Lead", 0.02, 1.5), ("Chief", 0.01, 1.6)],
        3 => &[("Senior", 0.07, 1.25), ("Junior", 0.04, 0.8), ("Assistant", 0.02, 0.7)],
        7 => &[("Senior", 0.03, 1.2), ("Apprentice", 0.02, 0.6)],
        8 => &[("Senior", 0.03, 1.15)],
        _ => &[],
    };
    let mut u = rng.random::<f64>();
    for &(word, p, pay) in options {
        if u < p {
            return Some((word, pay));
        }
        u -= p;
    }
    None
}

/// Offered salaries are round: to 1,000 ₸ when low, to 5,000 or 10,000 ₸ above.
fn round_salary(rng: &mut ChaCha8Rng, salary: f64) -> u64 {
    let step = if salary < 150_000.0 {
        1_000.0
    } else if rng.random_bool(0.3) {
        10_000.0
    } else {
        5_000.0
    };
    ((salary / step).round() * step) as u64
}
