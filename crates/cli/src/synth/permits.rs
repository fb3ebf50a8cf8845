//! `work-permits.csv`: permits issued to employers for foreign workers (the "Foreign labour
//! force" system), in the order they were issued.

use super::Model;
use super::calendar::{Apportion, PERMIT_SEASON};
use super::output::{CsvOut, Fields};
use super::profile::{OccProfile, Sector};
use super::sample::{Cumulative, lognormal, pick};
use anyhow::Context;
use jiff::ToSpan;
use rand::Rng;
use rand_chacha::ChaCha8Rng;
use std::fmt::Write;

/// Yearly growth of the number of permits, before the planted trends.
const GROWTH: f64 = 1.04;

/// Citizenships (ISO 3166-1 alpha-3) of heads and heads of units (categories 1 and 2).
const MANAGERS: &[(&str, f64)] = &[
    ("CHN", 14.0),
    ("TUR", 12.0),
    ("GBR", 10.0),
    ("USA", 8.0),
    ("RUS", 8.0),
    ("DEU", 6.0),
    ("ITA", 6.0),
    ("KOR", 6.0),
    ("NLD", 4.0),
    ("FRA", 4.0),
    ("IND", 4.0),
    ("UZB", 2.0),
    ("CAN", 2.0),
    ("AUS", 1.5),
    ("JPN", 1.5),
    ("ESP", 1.5),
    ("BLR", 1.0),
    ("UKR", 1.0),
    ("AZE", 1.0),
    ("MYS", 1.0),
    ("NOR", 1.0),
    ("ARE", 0.5),
    ("KGZ", 0.5),
    ("PAK", 0.5),
];

/// Citizenships of specialists (category 3).
const SPECIALISTS: &[(&str, f64)] = &[
    ("CHN", 20.0),
    ("TUR", 15.0),
    ("IND", 10.0),
    ("RUS", 8.0),
    ("GBR", 6.0),
    ("USA", 5.0),
    ("KOR", 5.0),
    ("UZB", 5.0),
    ("ITA", 4.0),
    ("DEU", 4.0),
    ("UKR", 3.0),
    ("PHL", 3.0),
    ("PAK", 2.0),
    ("FRA", 2.0),
    ("NLD", 1.5),
    ("ESP", 1.5),
    ("BLR", 1.5),
    ("KGZ", 1.5),
    ("SRB", 1.5),
    ("MYS", 1.0),
    ("EGY", 1.0),
    ("JPN", 1.0),
    ("CAN", 1.0),
    ("AZE", 1.0),
    ("POL", 0.5),
    ("IRN", 0.5),
];

/// Citizenships of qualified workers (category 4).
const WORKERS: &[(&str, f64)] = &[
    ("CHN", 30.0),
    ("TUR", 18.0),
    ("UZB", 15.0),
    ("IND", 10.0),
    ("PAK", 4.0),
    ("PHL", 4.0),
    ("KGZ", 4.0),
    ("RUS", 3.0),
    ("UKR", 3.0),
    ("KOR", 2.0),
    ("SRB", 2.0),
    ("BGD", 2.0),
    ("VNM", 1.5),
    ("AZE", 1.5),
    ("TJK", 1.5),
    ("ITA", 1.0),
    ("NPL", 1.0),
    ("BLR", 1.0),
    ("GEO", 1.0),
];

/// Writes `total` permits, issued from the first day to the last; returns how many.
pub(super) fn write(
    model: &Model,
    rng: &mut ChaCha8Rng,
    total: u64,
    out: &mut CsvOut,
) -> anyhow::Result<u64> {
    let years = model.years;
    let days = &model.calendar.days;
    let tables: Vec<Cumulative> = years.iter().map(|y| year_table(model, y)).collect();
    let weights: Vec<f64> = days
        .iter()
        .map(|d| {
            let y = years.since_first(d.year);
            let volume = tables.get(y as usize).map_or(0.0, Cumulative::total);
            let season = PERMIT_SEASON.get(d.month0).copied().unwrap_or(1.0);
            GROWTH.powi(y) * volume * season * d.activity((0.1, 0.02), 0.05) * lognormal(rng, 1.0, 0.1)
        })
        .collect();
    let mut apportion = Apportion::new(total, weights.iter().sum());

    let last = model.calendar.last();
    let mut row = Fields::<9>::new();
    let mut id = 0u64;
    for (i, (day, weight)) in days.iter().zip(&weights).enumerate() {
        let count = apportion.next(*weight, i == last);
        let Some(table) = tables.get(years.since_first(day.year) as usize) else { continue };
        for _ in 0..count {
            let (r, o) = model.cell(table.sample(rng));
            let (Some(region), Some(occ)) = (model.regions.get(r), model.occs.get(o)) else { continue };
            id += 1;
            let [pid, issued, until, reg, occupation, employer, citizenship, category, workers] = row.clear();
            write!(pid, "WP-{id:07}")?;
            issued.push_str(&day.text);
            let valid = day
                .date
                .checked_add(validity_months(rng, occ).months())
                .and_then(|d| d.yesterday())
                .context("permit validity out of range")?;
            write!(until, "{valid}")?;
            model.region_field(rng, region, reg);
            model.occupation_field(rng, occ, occupation);
            employer.push_str(model.employers.pick(rng, r, occ.sector));
            let cat = category_of(rng, occ);
            let nations = match cat {
                1 | 2 => MANAGERS,
                3 => SPECIALISTS,
                _ => WORKERS,
            };
            citizenship.push_str(pick(rng, nations).copied().unwrap_or("CHN"));
            write!(category, "{cat}")?;
            write!(workers, "{}", workers_for(rng, occ))?;
            row.write(out)?;
        }
    }
    Ok(id)
}

/// The choice of cell (region × occupation) for a permit issued in a year.
fn year_table(model: &Model, year: i16) -> Cumulative {
    let n = model.occs.len().max(1);
    let trend: Vec<f64> = model.occs.iter().map(|o| o.permit_trend(model.years, year)).collect();
    Cumulative::new(
        model.permit_base.iter().enumerate().map(|(cell, w)| w * trend.get(cell % n).copied().unwrap_or(0.0)),
    )
}

/// The permit category by the occupation's ISCO major group: 1 heads and deputies, 2 heads of
/// structural units, 3 specialists, 4 qualified workers.
fn category_of(rng: &mut ChaCha8Rng, occ: &OccProfile) -> u8 {
    match occ.major {
        1 if occ.sub_major == 11 => {
            if rng.random_bool(0.8) {
                1
            } else {
                2
            }
        }
        1 => {
            if rng.random_bool(0.25) {
                1
            } else {
                2
            }
        }
        0 | 2 | 3 => 3,
        _ => 4,
    }
}

/// Months a permit is valid: mostly a year, some two or three; seasonal work less.
fn validity_months(rng: &mut ChaCha8Rng, occ: &OccProfile) -> i32 {
    let seasonal = occ.major >= 6 && matches!(occ.sector, Sector::Construction | Sector::Agriculture);
    if seasonal && rng.random_bool(0.25) {
        return if rng.random_bool(0.5) { 3 } else { 6 };
    }
    pick(rng, &[(12, 0.75), (24, 0.13), (36, 0.12)]).copied().unwrap_or(12)
}

/// Foreign workers under one permit: mostly one; crews for construction, oil and gas and plants.
fn workers_for(rng: &mut ChaCha8Rng, occ: &OccProfile) -> u32 {
    let crew =
        occ.major >= 7 && matches!(occ.sector, Sector::Energy | Sector::Construction | Sector::Industry);
    let (one, few) = if crew { (0.70, 0.90) } else { (0.88, 0.97) };
    let u = rng.random::<f64>();
    if u < one {
        1
    } else if u < few {
        rng.random_range(2..=4)
    } else if u < 0.985 || !crew {
        rng.random_range(5..=12)
    } else {
        rng.random_range(13..=60)
    }
}
