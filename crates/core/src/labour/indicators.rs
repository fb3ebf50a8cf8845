//! Labour-market indicators of a reference period (a calendar year), per occupation nationally
//! and per region, accumulated one record at a time so that millions of rows stream through in
//! memory set by occupations × regions (per cell: counters, durations by day, salaries by
//! 1,000 ₸ step), never by rows.
//!
//! Definitions (also in `docs/methodology.md`; the end of the period is 31 December):
//! - forecast need: Σ additional_need of the forecast rows of the period's year;
//! - vacancies posted: Σ positions of vacancies posted in the period (and in the year before,
//!   for growth); year-on-year growth = (this − last) / last, none when last is 0;
//! - open at period end: Σ positions of vacancies posted by the end and not closed by it;
//! - median duration: over vacancies posted in the period, days from posting to closing, or to
//!   the period's end for those still open then;
//! - hard-to-fill share: of the vacancies posted in the period whose H-day mark (H from the
//!   methodology, 30) falls within the period and that were not cancelled within H days, the
//!   share not filled within H days;
//! - median offered salary: over vacancies of the period that state one (one value per vacancy),
//!   each counted to the nearest [`SALARY_STEP`] tenge (so that the counts kept per cell are
//!   bounded by the range of salaries, not by the number of vacancies), with its year-on-year
//!   growth; the growth relative to all occupations is this growth minus the growth of the
//!   median over all occupations;
//! - work permits: Σ workers of permits issued in the period, and its year-on-year growth.
//!   Medians of an even number of values are the mean of the two middle values.

use super::records::{ForecastRow, Vacancy, VacancyStatus, WorkPermit};
use crate::occupation::OccupationCode;
use crate::region::{self, Region};
use jiff::civil::Date;
use serde::Serialize;
use std::collections::BTreeMap;

/// The indicators of one occupation (nationally or in one region), or of all occupations.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Indicators {
    pub forecast_need: u64,
    pub vacancies_posted: u64,
    pub vacancies_posted_prev: u64,
    pub vacancy_growth: Option<f64>,
    pub open_at_end: u64,
    pub median_duration_days: Option<f64>,
    pub hard_to_fill_share: Option<f64>,
    pub median_salary_kzt: Option<f64>,
    pub median_salary_kzt_prev: Option<f64>,
    pub salary_growth: Option<f64>,
    /// Salary growth minus the growth of the median salary over all occupations.
    pub salary_growth_relative: Option<f64>,
    pub work_permits: u64,
    pub work_permits_prev: u64,
    pub work_permit_growth: Option<f64>,
}

/// The sums behind one cell (an occupation in a region); merged upwards at the end.
#[derive(Debug, Clone, Default)]
pub struct Cell {
    forecast_need: u64,
    posted: u64,
    posted_prev: u64,
    open_at_end: u64,
    durations: DayCounts,
    hard_known: u64,
    hard: u64,
    salaries: SalaryCounts,
    salaries_prev: SalaryCounts,
    permits: u64,
    permits_prev: u64,
}

impl Cell {
    fn merge(&mut self, other: &Cell) {
        self.forecast_need += other.forecast_need;
        self.posted += other.posted;
        self.posted_prev += other.posted_prev;
        self.open_at_end += other.open_at_end;
        self.durations.merge(&other.durations);
        self.hard_known += other.hard_known;
        self.hard += other.hard;
        self.salaries.merge(&other.salaries);
        self.salaries_prev.merge(&other.salaries_prev);
        self.permits += other.permits;
        self.permits_prev += other.permits_prev;
    }

    fn indicators(&self) -> Indicators {
        let median_salary_kzt = self.salaries.median();
        let median_salary_kzt_prev = self.salaries_prev.median();
        Indicators {
            forecast_need: self.forecast_need,
            vacancies_posted: self.posted,
            vacancies_posted_prev: self.posted_prev,
            vacancy_growth: growth(self.posted as f64, self.posted_prev as f64),
            open_at_end: self.open_at_end,
            median_duration_days: self.durations.median(),
            hard_to_fill_share: (self.hard_known > 0).then(|| self.hard as f64 / self.hard_known as f64),
            median_salary_kzt,
            median_salary_kzt_prev,
            salary_growth: median_salary_kzt.zip(median_salary_kzt_prev).and_then(|(a, b)| growth(a, b)),
            salary_growth_relative: None,
            work_permits: self.permits,
            work_permits_prev: self.permits_prev,
            work_permit_growth: growth(self.permits as f64, self.permits_prev as f64),
        }
    }
}

/// Counts of durations in days: a dense array for the usual range (a vacancy open up to ten
/// years), a map beyond it. Adding is an index, not a tree walk — it runs once per vacancy.
#[derive(Debug, Clone, Default)]
struct DayCounts {
    dense: Vec<u32>,
    beyond: BTreeMap<i32, u64>,
}

const DENSE_DAYS: usize = 3_660;

impl DayCounts {
    fn add(&mut self, days: i32) {
        match usize::try_from(days) {
            Ok(d) if d < DENSE_DAYS => {
                if self.dense.len() <= d {
                    self.dense.resize(d + 1, 0);
                }
                self.dense[d] = self.dense[d].saturating_add(1);
            }
            _ => *self.beyond.entry(days).or_insert(0) += 1,
        }
    }

    fn merge(&mut self, other: &DayCounts) {
        if self.dense.len() < other.dense.len() {
            self.dense.resize(other.dense.len(), 0);
        }
        for (mine, theirs) in self.dense.iter_mut().zip(&other.dense) {
            *mine = mine.saturating_add(*theirs);
        }
        merge_counts(&mut self.beyond, &other.beyond);
    }

    fn median(&self) -> Option<f64> {
        let mut all: BTreeMap<i32, u64> = self.beyond.clone();
        for (d, &n) in self.dense.iter().enumerate() {
            if n > 0 {
                *all.entry(d as i32).or_insert(0) += u64::from(n);
            }
        }
        median(&all)
    }
}

fn merge_counts<K: Ord + Copy>(into: &mut BTreeMap<K, u64>, from: &BTreeMap<K, u64>) {
    for (k, n) in from {
        *into.entry(*k).or_insert(0) += n;
    }
}

fn growth(now: f64, before: f64) -> Option<f64> {
    (before > 0.0).then(|| (now - before) / before)
}

/// A counted value that a median can be taken of.
pub trait Measure: Copy + Ord {
    fn as_f64(self) -> f64;
}

impl Measure for u64 {
    fn as_f64(self) -> f64 {
        self as f64
    }
}

impl Measure for i32 {
    fn as_f64(self) -> f64 {
        f64::from(self)
    }
}

/// The median of counted values: the middle one, or the mean of the two middle ones.
pub fn median<K: Measure>(counts: &BTreeMap<K, u64>) -> Option<f64> {
    let total: u64 = counts.values().sum();
    if total == 0 {
        return None;
    }
    // 1-based positions of the middle value(s).
    let (lo, hi) = if total % 2 == 1 { (total / 2 + 1, total / 2 + 1) } else { (total / 2, total / 2 + 1) };
    let mut seen = 0;
    let mut low = None;
    for (&k, &n) in counts {
        seen += n;
        if low.is_none() && seen >= lo {
            low = Some(k.as_f64());
        }
        if seen >= hi {
            return low.map(|l| (l + k.as_f64()) / 2.0);
        }
    }
    None
}

/// Salaries are counted to the nearest this many tenge (half up): 1,000 ₸, well under 1 % of
/// any offered salary, keeps the salary counts of a cell bounded by the salary range.
pub const SALARY_STEP: u64 = 1_000;

fn salary_step(s: u64) -> u64 {
    s.saturating_add(SALARY_STEP / 2) / SALARY_STEP * SALARY_STEP
}

/// Counts of salaries in steps of [`SALARY_STEP`]: a sorted list of (steps, count) pairs,
/// 8 bytes each — a cell rarely holds more than a few hundred distinct steps, and the list is
/// both smaller and quicker to update than a tree of that size.
#[derive(Debug, Clone, Default)]
struct SalaryCounts(Vec<(u32, u32)>);

impl SalaryCounts {
    fn add(&mut self, salary: u64) {
        self.add_n(u32::try_from(salary_step(salary) / SALARY_STEP).unwrap_or(u32::MAX), 1);
    }

    fn add_n(&mut self, steps: u32, n: u32) {
        match self.0.binary_search_by_key(&steps, |e| e.0) {
            Ok(i) => self.0[i].1 = self.0[i].1.saturating_add(n),
            Err(i) => self.0.insert(i, (steps, n)),
        }
    }

    fn merge(&mut self, other: &SalaryCounts) {
        for &(steps, n) in &other.0 {
            self.add_n(steps, n);
        }
    }

    fn median(&self) -> Option<f64> {
        let counts: BTreeMap<u64, u64> =
            self.0.iter().map(|&(steps, n)| (u64::from(steps) * SALARY_STEP, u64::from(n))).collect();
        median(&counts)
    }
}

const REGION_SLOTS: usize = 32;
const UNIT_SLOTS: usize = 10_000;

/// Takes records of any of the three sources, in any order, and gives the indicators.
#[derive(Debug, Clone)]
pub struct Accumulator {
    year: i16,
    start: Date,
    end: Date,
    prev_start: Date,
    hard_to_fill_days: i32,
    /// Cells by region slot × unit-group number, allocated when first touched.
    cells: Vec<Option<Box<Cell>>>,
}

impl Accumulator {
    /// An accumulator for the calendar year `year`, with the hard-to-fill horizon in days.
    pub fn new(year: i16, hard_to_fill_days: u16) -> Accumulator {
        let date = |y: i16, m, d| Date::new(y, m, d).unwrap_or(Date::MIN);
        Accumulator {
            year,
            start: date(year, 1, 1),
            end: date(year, 12, 31),
            prev_start: date(year.saturating_sub(1), 1, 1),
            hard_to_fill_days: i32::from(hard_to_fill_days),
            cells: vec![None; REGION_SLOTS * UNIT_SLOTS],
        }
    }

    pub fn year(&self) -> i16 {
        self.year
    }

    fn cell(&mut self, region: &Region, occupation: OccupationCode) -> Option<&mut Cell> {
        let r = region.index;
        let u = usize::from(occupation.unit_number()?);
        let slot = self.cells.get_mut(r * UNIT_SLOTS + u)?;
        Some(slot.get_or_insert_with(Box::default))
    }

    pub fn add_forecast(&mut self, row: &ForecastRow) {
        if row.year != self.year {
            return;
        }
        if let Some(c) = self.cell(row.region, row.occupation) {
            c.forecast_need += u64::from(row.additional_need);
        }
    }

    pub fn add_vacancy(&mut self, v: &Vacancy<'_>) {
        let (start, end, prev_start, h) = (self.start, self.end, self.prev_start, self.hard_to_fill_days);
        if v.posted_on > end {
            return;
        }
        // What was known at the period's end: a vacancy closed after it was open then.
        let closed = v.closed_on.filter(|c| *c <= end);
        let in_period = v.posted_on >= start;
        let in_prev = !in_period && v.posted_on >= prev_start;
        let open_at_end = closed.is_none();
        if !(in_period || in_prev || open_at_end) {
            return;
        }
        let Some(c) = self.cell(v.region, v.occupation) else { return };
        let positions = u64::from(v.positions);
        if open_at_end {
            c.open_at_end += positions;
        }
        if in_prev {
            c.posted_prev += positions;
            if let Some(s) = v.salary_kzt {
                c.salaries_prev.add(s);
            }
            return;
        }
        if !in_period {
            return;
        }
        c.posted += positions;
        if let Some(s) = v.salary_kzt {
            c.salaries.add(s);
        }
        let days = days_between(v.posted_on, closed.unwrap_or(end));
        c.durations.add(days);
        // The hard-to-fill mark must fall within the period for the outcome to be known.
        if days_between(v.posted_on, end) >= h {
            let within = closed.is_some_and(|_| days <= h);
            let cancelled_early = within && v.status == VacancyStatus::Cancelled;
            if !cancelled_early {
                c.hard_known += 1;
                let filled_in_time = within && v.status == VacancyStatus::Filled;
                if !filled_in_time {
                    c.hard += 1;
                }
            }
        }
    }

    pub fn add_work_permit(&mut self, p: &WorkPermit<'_>) {
        let (start, end, prev_start) = (self.start, self.end, self.prev_start);
        if p.issued_on > end || p.issued_on < prev_start {
            return;
        }
        let Some(c) = self.cell(p.region, p.occupation) else { return };
        if p.issued_on >= start {
            c.permits += u64::from(p.workers);
        } else {
            c.permits_prev += u64::from(p.workers);
        }
    }

    /// Adds another accumulator's records (of the same period), e.g. from a parallel reader.
    pub fn merge(&mut self, other: Accumulator) {
        for (mine, theirs) in self.cells.iter_mut().zip(other.cells) {
            match (mine.as_mut(), theirs) {
                (Some(m), Some(t)) => m.merge(&t),
                (None, Some(t)) => *mine = Some(t),
                _ => {}
            }
        }
    }

    /// The indicators: per occupation nationally, per region and occupation, and over all.
    pub fn finish(self) -> LabourIndicators {
        let regions = region::all();
        let mut national_cells: BTreeMap<OccupationCode, Cell> = BTreeMap::new();
        let mut regional = BTreeMap::new();
        let mut all = Cell::default();
        for (i, slot) in self.cells.iter().enumerate() {
            let Some(cell) = slot else { continue };
            let (r, u) = (i / UNIT_SLOTS, i % UNIT_SLOTS);
            let (Some(region), Some(code)) = (regions.get(r), OccupationCode::from_unit_number(u as u16))
            else {
                continue;
            };
            national_cells.entry(code).or_default().merge(cell);
            all.merge(cell);
            regional.insert((region.code.clone(), code), cell.indicators());
        }
        let all = all.indicators();
        let national = national_cells.into_iter().map(|(code, cell)| (code, cell.indicators())).collect();
        let mut out = LabourIndicators { year: self.year, national, regional, all };
        out.relate_salary_growth();
        out
    }
}

/// Days from `from` to `to` (negative if `to` is earlier): day numbers of the proleptic
/// Gregorian calendar subtracted, cheaper than calendar arithmetic once per vacancy.
fn days_between(from: Date, to: Date) -> i32 {
    day_number(to) - day_number(from)
}

/// Days since 1 March of year 0 (H. Hinnant's days-from-civil).
fn day_number(d: Date) -> i32 {
    let (y, m, day) = (i32::from(d.year()), i32::from(d.month()), i32::from(d.day()));
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe
}

/// The indicators of a period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LabourIndicators {
    pub year: i16,
    pub national: BTreeMap<OccupationCode, Indicators>,
    /// Keyed by (region code, unit group).
    pub regional: BTreeMap<(String, OccupationCode), Indicators>,
    pub all: Indicators,
}

impl LabourIndicators {
    fn relate_salary_growth(&mut self) {
        let overall = self.all.salary_growth;
        let relate = |ind: &mut Indicators| {
            ind.salary_growth_relative = ind.salary_growth.zip(overall).map(|(a, b)| a - b);
        };
        self.national.values_mut().for_each(relate);
        self.regional.values_mut().for_each(relate);
    }

    /// An occupation's national indicators (zeros when no record named it).
    pub fn of(&self, occupation: &OccupationCode) -> Indicators {
        self.national.get(occupation).cloned().unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Date {
        text.parse().unwrap()
    }

    fn vacancy(
        posted: &str,
        closed: Option<&str>,
        status: VacancyStatus,
        region: &str,
        occ: &str,
        salary: Option<u64>,
    ) -> Vacancy<'static> {
        Vacancy {
            vacancy_id: "x",
            posted_on: d(posted),
            closed_on: closed.map(d),
            status,
            region: region::by_code(region).unwrap(),
            occupation: OccupationCode::parse(occ).unwrap(),
            positions: 1,
            salary_kzt: salary,
            employer_bin: "000101500011",
            title: "",
        }
    }

    proptest::proptest! {
        #[test]
        fn day_numbers_agree_with_calendar_arithmetic(a in 0i32..150_000, b in 0i32..150_000) {
            let base = Date::constant(1900, 1, 1);
            let (x, y) = (base + jiff::Span::new().days(a), base + jiff::Span::new().days(b));
            proptest::prop_assert_eq!(days_between(x, y), b - a);
            proptest::prop_assert_eq!(days_between(x, y), y.since(x).unwrap().get_days());
        }
    }

    #[test]
    fn salaries_are_counted_to_the_nearest_step() {
        assert_eq!(salary_step(400_499), 400_000);
        assert_eq!(salary_step(400_500), 401_000);
        assert_eq!(salary_step(0), 0);
        assert_eq!(salary_step(u64::MAX), u64::MAX / SALARY_STEP * SALARY_STEP);
        use VacancyStatus::Filled;
        let mut acc = Accumulator::new(2025, 30);
        for s in [350_200, 350_400, 399_999] {
            acc.add_vacancy(&vacancy("2025-03-01", Some("2025-03-05"), Filled, "KZ-71", "2512", Some(s)));
        }
        let out = acc.finish();
        assert_eq!(out.of(&OccupationCode::parse("2512").unwrap()).median_salary_kzt, Some(350_000.0));
    }

    #[test]
    fn medians() {
        let m = |v: &[u64]| {
            let mut c = BTreeMap::new();
            for x in v {
                *c.entry(*x).or_insert(0u64) += 1;
            }
            median(&c)
        };
        assert_eq!(m(&[]), None);
        assert_eq!(m(&[5]), Some(5.0));
        assert_eq!(m(&[1, 9]), Some(5.0));
        assert_eq!(m(&[3, 1, 2]), Some(2.0));
        assert_eq!(m(&[4, 4, 1, 10]), Some(4.0));
        assert_eq!(m(&[1, 2, 3, 10]), Some(2.5));
    }

    /// A small period worked by hand: software developers (2512) in Astana and Almaty, 2025.
    #[test]
    fn hand_computed_period() {
        use VacancyStatus::*;
        let mut acc = Accumulator::new(2025, 30);
        let vs = [
            // 2025, Astana: filled in 10 days (not hard), filled in 45 days (hard), still open
            // from 1 Dec (31 days at the end: hard), open from 20 Dec (outcome unknown).
            vacancy("2025-03-01", Some("2025-03-11"), Filled, "KZ-71", "2512", Some(400_000)),
            vacancy("2025-04-01", Some("2025-05-16"), Filled, "KZ-71", "2512", Some(500_000)),
            vacancy("2025-12-01", None, Open, "KZ-71", "2512-1", Some(600_000)),
            vacancy("2025-12-20", None, Open, "KZ-71", "2512", None),
            // 2025, Almaty: cancelled after 5 days (left out of hard-to-fill), closed after the
            // period's end (open at the end, hard).
            vacancy("2025-06-01", Some("2025-06-06"), Cancelled, "KZ-75", "2512", Some(300_000)),
            vacancy("2025-11-01", Some("2026-01-20"), Filled, "KZ-75", "2512", None),
            // 2024: two vacancies (growth base), one still open at the end of 2025.
            vacancy("2024-05-01", Some("2024-05-20"), Filled, "KZ-71", "2512", Some(350_000)),
            vacancy("2024-07-01", None, Open, "KZ-75", "2512", Some(350_000)),
            // 2023 and 2026: outside both years, not open at the end of 2025.
            vacancy("2023-05-01", Some("2023-05-20"), Filled, "KZ-71", "2512", Some(1)),
            vacancy("2026-01-05", None, Open, "KZ-71", "2512", Some(1)),
            // Another occupation, for the all-occupations salary growth.
            vacancy("2025-02-01", Some("2025-02-05"), Filled, "KZ-71", "2411", Some(200_000)),
            vacancy("2024-02-01", Some("2024-02-05"), Filled, "KZ-71", "2411", Some(200_000)),
        ];
        for v in &vs {
            acc.add_vacancy(v);
        }
        let permit = |issued: &str, workers| WorkPermit {
            permit_id: "p",
            issued_on: d(issued),
            valid_until: d("2027-01-01"),
            region: region::by_code("KZ-71").unwrap(),
            occupation: OccupationCode::parse("2512").unwrap(),
            employer_bin: "000101500011",
            citizenship: "TUR",
            category: "3",
            workers,
        };
        acc.add_work_permit(&permit("2025-02-01", 3));
        acc.add_work_permit(&permit("2024-02-01", 2));
        acc.add_work_permit(&permit("2023-02-01", 50));
        let f = |year, region: &str, need| ForecastRow {
            year,
            region: region::by_code(region).unwrap(),
            occupation: OccupationCode::parse("2512").unwrap(),
            additional_need: need,
        };
        acc.add_forecast(&f(2025, "KZ-71", 120));
        acc.add_forecast(&f(2025, "KZ-75", 80));
        acc.add_forecast(&f(2026, "KZ-75", 999));

        let out = acc.finish();
        let sw = out.of(&OccupationCode::parse("2512").unwrap());
        assert_eq!(sw.forecast_need, 200);
        assert_eq!(sw.vacancies_posted, 6);
        assert_eq!(sw.vacancies_posted_prev, 2);
        assert_eq!(sw.vacancy_growth, Some(2.0));
        // Open at the end: 1 Dec, 20 Dec, 1 Nov (closed in 2026) and the 2024 one.
        assert_eq!(sw.open_at_end, 4);
        // Durations: 10, 45, 30, 11, 5, 60 → sorted 5,10,11,30,45,60 → (11+30)/2.
        assert_eq!(sw.median_duration_days, Some(20.5));
        // Known: 10d filled, 45d filled, 1 Dec open, 1 Nov open at end → 3 of 4 hard.
        assert_eq!(sw.hard_to_fill_share, Some(0.75));
        // Salaries 2025: 400k, 500k, 600k, 300k → 450k; 2024: 350k, 350k.
        assert_eq!(sw.median_salary_kzt, Some(450_000.0));
        assert_eq!(sw.median_salary_kzt_prev, Some(350_000.0));
        let g = sw.salary_growth.unwrap();
        assert!((g - 100_000.0 / 350_000.0).abs() < 1e-12);
        // All occupations 2025: 200k,300k,400k,500k,600k → 400k; 2024: 200k,350k,350k → 350k.
        let all_g = out.all.salary_growth.unwrap();
        assert!((all_g - 50_000.0 / 350_000.0).abs() < 1e-12);
        assert!((sw.salary_growth_relative.unwrap() - (g - all_g)).abs() < 1e-12);
        assert_eq!((sw.work_permits, sw.work_permits_prev, sw.work_permit_growth), (3, 2, Some(0.5)));

        let astana = &out.regional[&("KZ-71".to_string(), OccupationCode::parse("2512").unwrap())];
        assert_eq!((astana.vacancies_posted, astana.open_at_end, astana.forecast_need), (4, 2, 120));
        assert_eq!(astana.hard_to_fill_share, Some(2.0 / 3.0));
    }

    #[test]
    fn merging_gives_the_same_as_one_pass() {
        use VacancyStatus::*;
        let vs = [
            vacancy("2025-03-01", Some("2025-03-11"), Filled, "KZ-71", "2512", Some(400_000)),
            vacancy("2025-04-01", None, Open, "KZ-75", "2145", Some(500_000)),
            vacancy("2024-04-01", Some("2024-06-01"), Expired, "KZ-75", "2145", Some(450_000)),
        ];
        let mut one = Accumulator::new(2025, 30);
        vs.iter().for_each(|v| one.add_vacancy(v));
        let (mut a, mut b) = (Accumulator::new(2025, 30), Accumulator::new(2025, 30));
        a.add_vacancy(&vs[0]);
        b.add_vacancy(&vs[1]);
        b.add_vacancy(&vs[2]);
        a.merge(b);
        assert_eq!(one.finish(), a.finish());
    }
}
