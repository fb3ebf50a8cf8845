//! A generator of realistic synthetic national labour-market data: the forecast of additional
//! need for workers, the vacancies of the Electronic Labour Exchange and the work permits issued
//! to foreigners — the three sources the list of professions in demand is formed from
//! (DOMAIN.md §1) — written as three CSV files.
//!
//! Deterministic for a seed, streaming (rows are written as they are drawn), with documented
//! planted signals: [`PLANTED_SHORTAGES`] and [`DECLINING`].

pub mod applications;
mod calendar;
mod forecast;
mod output;
mod permits;
mod profile;
pub mod rates;
pub mod register;
mod sample;
mod vacancies;

/// The planted signals, for callers that check the list of professions in demand finds them.
#[allow(unused_imports, reason = "used by the tests; public for the commands that report them")]
pub use profile::{DECLINING, Declining, PLANTED_SHORTAGES, Planted};

use anyhow::{Context, bail, ensure};
use ashyq_core::labour::records::Source;
use calendar::Calendar;
use output::CsvOut;
use profile::{OccProfile, RegionProfile, Sector, Years, affinity};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use sample::Employers;
use std::collections::BTreeSet;
use std::path::Path;

/// An ISCO-08 unit group (4 digits) with the title to use for its vacancies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occupation {
    pub code: String,
    pub title: String,
}

/// What to generate.
#[derive(Debug, Clone, PartialEq)]
pub struct SynthOptions {
    pub seed: u64,
    /// 1.0 = the demo size: [`DEFAULT_VACANCIES`] vacancies and [`DEFAULT_WORK_PERMITS`] work
    /// permits over all the years.
    pub scale: f64,
    /// The data covers 1 January of `first_year` to 31 December of `last_year`, "as of" which
    /// it is drawn (vacancies still open then have no closing date).
    pub first_year: i16,
    pub last_year: i16,
    /// An exact number of vacancies, instead of the scaled default.
    pub vacancies: Option<u64>,
    /// An exact number of work permits, instead of the scaled default.
    pub work_permits: Option<u64>,
}

impl Default for SynthOptions {
    fn default() -> SynthOptions {
        SynthOptions {
            seed: 2023,
            scale: 1.0,
            first_year: 2022,
            last_year: 2025,
            vacancies: None,
            work_permits: None,
        }
    }
}

/// The generator's inputs for Kazakhstan: every unit group of the classifier with a job title
/// as an employer writes it («инженер-химик», not the classifier's plural), and the 20 regions.
pub fn national_inputs() -> (Vec<Occupation>, Vec<String>) {
    let titles = ashyq_core::occupation::search::example_titles("ru");
    let occupations = ashyq_core::occupation::classifier()
        .unit_groups()
        .map(|g| Occupation {
            code: g.code.to_string(),
            title: titles.get(&g.code).cloned().unwrap_or_else(|| g.title_ru.clone()),
        })
        .collect();
    let regions = ashyq_core::region::all().iter().map(|r| r.code.clone()).collect();
    (occupations, regions)
}

/// How many rows were written to each file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    pub forecast_rows: u64,
    pub vacancies: u64,
    pub work_permits: u64,
}

/// Vacancies at scale 1.0, over all the years.
pub const DEFAULT_VACANCIES: u64 = 120_000;
/// Work permits at scale 1.0, over all the years.
pub const DEFAULT_WORK_PERMITS: u64 = 12_000;

/// The file names, as written into the directory.
pub const FORECAST_FILE: &str = "forecast.csv";
pub const VACANCIES_FILE: &str = "vacancies.csv";
pub const WORK_PERMITS_FILE: &str = "work-permits.csv";

/// Share of rows whose region is written as its 9-digit KATO code instead of its ISO code.
const KATO_SHARE: f64 = 0.10;
/// Share of rows of major group 2 whose occupation carries the national fifth-level suffix `-1`.
const FIFTH_LEVEL_SHARE: f64 = 0.03;

/// Generates the three files into `dir` (created if missing). Each file is written under a
/// temporary name and renamed into place once all three are complete, so `dir` never holds a
/// half-written set; on error the temporary files are removed.
///
/// `occupations` are the ISCO-08 unit groups (all 436 for realistic data), `regions` ISO 3166-2
/// codes such as `KZ-75`.
pub fn generate(
    opts: &SynthOptions,
    occupations: &[Occupation],
    regions: &[String],
    dir: &Path,
) -> anyhow::Result<Summary> {
    validate(opts, occupations, regions)?;
    let vacancies = opts.vacancies.unwrap_or_else(|| scaled(DEFAULT_VACANCIES, opts.scale));
    let work_permits = opts.work_permits.unwrap_or_else(|| scaled(DEFAULT_WORK_PERMITS, opts.scale));
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let model = Model::new(opts, occupations, regions, vacancies, work_permits)?;

    let mut files = [
        CsvOut::create(dir, FORECAST_FILE, Source::Forecast.columns())?,
        CsvOut::create(dir, VACANCIES_FILE, Source::Vacancies.columns())?,
        CsvOut::create(dir, WORK_PERMITS_FILE, Source::WorkPermits.columns())?,
    ];
    let tmps: Vec<_> = files.iter().map(|f| f.tmp().to_path_buf()).collect();
    let written = (|| {
        let [f, v, p] = &mut files;
        let summary = Summary {
            forecast_rows: forecast::write(&model, &mut model.rng(1), f)?,
            vacancies: vacancies::write(&model, &mut model.rng(2), vacancies, v)?,
            work_permits: permits::write(&model, &mut model.rng(3), work_permits, p)?,
        };
        let finished = files.map(CsvOut::finish);
        let finished: Vec<_> = finished.into_iter().collect::<anyhow::Result<_>>()?;
        for f in finished {
            f.rename()?;
        }
        anyhow::Ok(summary)
    })();
    if written.is_err() {
        for tmp in tmps {
            let _ = std::fs::remove_file(tmp);
        }
    }
    written
}

fn scaled(count: u64, scale: f64) -> u64 {
    (count as f64 * scale).round() as u64
}

fn validate(opts: &SynthOptions, occupations: &[Occupation], regions: &[String]) -> anyhow::Result<()> {
    ensure!(
        opts.scale.is_finite() && opts.scale >= 0.0,
        "the scale must be a number ≥ 0, got {}",
        opts.scale
    );
    ensure!(opts.scale <= 1000.0, "the scale must be at most 1000, got {}", opts.scale);
    ensure!(
        (1990..=2100).contains(&opts.first_year) && (1990..=2100).contains(&opts.last_year),
        "years must be between 1990 and 2100"
    );
    ensure!(opts.first_year <= opts.last_year, "the first year is after the last year");
    ensure!(!occupations.is_empty(), "no occupations given");
    ensure!(!regions.is_empty(), "no regions given");
    let mut seen = BTreeSet::new();
    for o in occupations {
        if o.code.len() != 4 || !o.code.bytes().all(|b| b.is_ascii_digit()) {
            bail!("occupation code {:?} is not a 4-digit ISCO-08 unit group", o.code);
        }
        ensure!(seen.insert(o.code.as_str()), "occupation {} given twice", o.code);
    }
    let mut seen = BTreeSet::new();
    for r in regions {
        let ok = r.len() == 5 && r.starts_with("KZ-") && r.bytes().skip(3).all(|b| b.is_ascii_digit());
        ensure!(ok, "region {r:?} is not an ISO 3166-2 code like KZ-75");
        ensure!(seen.insert(r.as_str()), "region {r} given twice");
    }
    Ok(())
}

/// Everything the three writers share: the profiles, the calendar, the employers and the base
/// weight of every region × occupation cell (region-major: cell = region × occupations +
/// occupation).
struct Model<'a> {
    seed: u64,
    years: Years,
    occs: Vec<OccProfile<'a>>,
    regions: Vec<RegionProfile>,
    calendar: Calendar,
    employers: Employers,
    /// Vacancy volume of each cell before trends and seasons.
    vacancy_base: Vec<f64>,
    /// Work-permit volume of each cell before trends.
    permit_base: Vec<f64>,
}

impl<'a> Model<'a> {
    fn new(
        opts: &SynthOptions,
        occupations: &'a [Occupation],
        regions: &[String],
        vacancies: u64,
        permits: u64,
    ) -> anyhow::Result<Model<'a>> {
        let occs: Vec<_> = occupations.iter().map(OccProfile::new).collect();
        let regions: Vec<_> = regions.iter().map(|r| RegionProfile::new(r)).collect();
        let cell = |f: &dyn Fn(&OccProfile, &RegionProfile) -> f64| -> Vec<f64> {
            regions.iter().flat_map(|r| occs.iter().map(move |o| f(o, r))).collect()
        };
        let vacancy_base = cell(&|o, r| o.volume * r.vacancies * affinity(o.sector, r.digits));
        let permit_base = cell(&|o, r| o.permit * r.permits * affinity(o.sector, r.digits));

        // Employers of each region and sector, in proportion to their vacancies and permits.
        let share = |base: &[f64]| {
            let total: f64 = base.iter().sum::<f64>().max(f64::MIN_POSITIVE);
            let mut pools = vec![0.0; regions.len() * Sector::COUNT];
            for (i, w) in base.iter().enumerate() {
                let (r, o) = (i / occs.len(), i % occs.len());
                if let Some(o) = occs.get(o)
                    && let Some(pool) = pools.get_mut(r * Sector::COUNT + o.sector.index())
                {
                    *pool += w / total;
                }
            }
            pools
        };
        let (v, p) = (share(&vacancy_base), share(&permit_base));
        let mut weights: Vec<f64> = v.iter().zip(&p).map(|(v, p)| v + 0.3 * p).collect();
        // Every sector that has an occupation gets employers in every region.
        for (i, w) in weights.iter_mut().enumerate() {
            let sector = i % Sector::COUNT;
            if *w <= 0.0 && occs.iter().any(|o| o.sector.index() == sector) {
                *w = f64::MIN_POSITIVE;
            }
        }
        let target = usize::try_from((vacancies / 25).max(permits / 5)).unwrap_or(usize::MAX);
        let mut rng = rng(opts.seed, 0);
        let employers = Employers::new(&mut rng, &weights, target)?;

        Ok(Model {
            seed: opts.seed,
            years: Years { first: opts.first_year, last: opts.last_year },
            occs,
            regions,
            calendar: Calendar::new(opts.first_year, opts.last_year)?,
            employers,
            vacancy_base,
            permit_base,
        })
    }

    /// The generator of one file: its own stream, so that the size of one file does not change
    /// the contents of another.
    fn rng(&self, stream: u64) -> ChaCha8Rng {
        rng(self.seed, stream)
    }

    /// The region and the occupation of a cell.
    fn cell(&self, cell: usize) -> (usize, usize) {
        let n = self.occs.len().max(1);
        (cell / n, cell % n)
    }

    /// The region column: the ISO code, or in some rows the KATO code.
    fn region_field(&self, rng: &mut ChaCha8Rng, region: &RegionProfile, out: &mut String) {
        out.push_str(if rng.random_bool(KATO_SHARE) { &region.kato } else { &region.iso });
    }

    /// The occupation column: the unit group, with a fifth-level suffix in some rows of major
    /// group 2.
    fn occupation_field(&self, rng: &mut ChaCha8Rng, occ: &OccProfile, out: &mut String) {
        out.push_str(occ.code);
        if occ.professional() && rng.random_bool(FIFTH_LEVEL_SHARE) {
            out.push_str("-1");
        }
    }
}

fn rng(seed: u64, stream: u64) -> ChaCha8Rng {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    rng.set_stream(stream);
    rng
}

#[cfg(test)]
mod tests;
