//! `forecast.csv`: the national labour-forecast system's projected additional need for workers,
//! one row per year × region × unit group.

use super::Model;
use super::output::{CsvOut, Fields};
use super::profile::affinity;
use super::sample::{lognormal, round_random};
use rand_chacha::ChaCha8Rng;
use std::fmt::Write;

/// National additional need for workers (people) in the first year, all occupations.
const NATIONAL_NEED: f64 = 420_000.0;
/// Its yearly growth.
const NATIONAL_GROWTH: f64 = 1.03;
/// Spread of a region × occupation's need around its expectation, kept from year to year.
const CELL_SPREAD: f64 = 0.3;
/// Spread of one year's need around the region × occupation's level.
const YEAR_SPREAD: f64 = 0.08;

/// Writes the rows year by year, region by region, occupation by occupation in the order given;
/// returns how many.
pub(super) fn write(model: &Model, rng: &mut ChaCha8Rng, out: &mut CsvOut) -> anyhow::Result<u64> {
    // The forecast counts all of the economy, not only what reaches the labour exchange: every
    // unit group has some need, farming far more than its vacancies show.
    let base: Vec<f64> = (0..model.vacancy_base.len())
        .map(|cell| {
            let (r, o) = model.cell(cell);
            match (model.regions.get(r), model.occs.get(o)) {
                (Some(r), Some(o)) => {
                    let farming = if o.major == 6 { 3.0 } else { 1.0 };
                    o.volume.max(0.05) * farming * r.vacancies * affinity(o.sector, r.digits)
                }
                _ => 0.0,
            }
        })
        .collect();
    let level: Vec<f64> = base.iter().map(|_| lognormal(rng, 1.0, CELL_SPREAD)).collect();
    let mut row = Fields::<4>::new();
    let mut rows = 0;
    for year in model.years.iter() {
        let trend: Vec<f64> = model.occs.iter().map(|o| o.forecast_trend(model.years, year)).collect();
        let n = model.occs.len();
        let weight = |cell: usize| {
            base.get(cell).copied().unwrap_or(0.0) * trend.get(cell % n).copied().unwrap_or(1.0)
        };
        let total: f64 = (0..base.len()).map(weight).sum::<f64>().max(f64::MIN_POSITIVE);
        let national = NATIONAL_NEED * NATIONAL_GROWTH.powi(model.years.since_first(year));
        for (cell, (r, o)) in (0..base.len()).map(|c| (c, model.cell(c))) {
            let (Some(region), Some(occ)) = (model.regions.get(r), model.occs.get(o)) else { continue };
            let expected = national * weight(cell) / total * level.get(cell).copied().unwrap_or(1.0);
            let drawn = lognormal(rng, expected, YEAR_SPREAD);
            let need = round_random(rng, drawn);
            let [y, reg, occupation, value] = row.clear();
            write!(y, "{year}")?;
            model.region_field(rng, region, reg);
            model.occupation_field(rng, occ, occupation);
            write!(value, "{need}")?;
            row.write(out)?;
            rows += 1;
        }
    }
    Ok(rows)
}
