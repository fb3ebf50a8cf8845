//! The days of the generated period with their text, month and weekday, the public holidays
//! and seasonality of Kazakhstan, and the spreading of an exact number of records over days.

use anyhow::Context;
use jiff::civil::{Date, Weekday};

/// Every day from 1 January of the first year to 31 December of the last.
pub(super) struct Calendar {
    pub days: Vec<Day>,
}

/// One day of the period.
pub(super) struct Day {
    pub date: Date,
    /// `YYYY-MM-DD`.
    pub text: String,
    pub year: i16,
    /// 0 = January.
    pub month0: usize,
    /// The fraction of its year already gone, 0 on 1 January.
    pub year_fraction: f64,
    weekday: Weekday,
    holiday: bool,
}

impl Calendar {
    pub fn new(first_year: i16, last_year: i16) -> anyhow::Result<Calendar> {
        let mut date = Date::new(first_year, 1, 1).context("first year out of range")?;
        let end = Date::new(last_year, 12, 31).context("last year out of range")?;
        let mut days = Vec::new();
        while date <= end {
            days.push(Day {
                date,
                text: date.to_string(),
                year: date.year(),
                month0: usize::try_from(date.month() - 1).unwrap_or(0),
                year_fraction: f64::from(date.day_of_year() - 1) / f64::from(date.days_in_year()),
                weekday: date.weekday(),
                holiday: is_holiday(date),
            });
            if date == end {
                break;
            }
            date = date.tomorrow().context("date out of range")?;
        }
        Ok(Calendar { days })
    }

    /// The index of the last day (31 December of the last year: "as of").
    pub fn last(&self) -> usize {
        self.days.len().saturating_sub(1)
    }
}

impl Day {
    /// Relative activity of an office on this day: weekdays, weekends, holidays.
    pub fn activity(&self, weekend: (f64, f64), holiday: f64) -> f64 {
        if self.holiday {
            return holiday;
        }
        match self.weekday {
            Weekday::Monday => 1.15,
            Weekday::Tuesday => 1.1,
            Weekday::Wednesday => 1.05,
            Weekday::Thursday => 1.0,
            Weekday::Friday => 0.9,
            Weekday::Saturday => weekend.0,
            Weekday::Sunday => weekend.1,
        }
    }
}

/// Kazakhstan's public holidays of fixed date (New Year, Orthodox Christmas, Women's Day,
/// Nauryz, Unity Day, Defender's Day, Victory Day, Capital Day, Constitution Day, Republic Day,
/// Independence Day). Kurban ait moves with the lunar calendar and is left out.
fn is_holiday(date: Date) -> bool {
    matches!(
        (date.month(), date.day()),
        (1, 1 | 2 | 7) | (3, 8 | 21 | 22 | 23) | (5, 1 | 7 | 9) | (7, 6) | (8, 30) | (10, 25) | (12, 16)
    )
}

/// General seasonality of postings on the labour exchange, January first: more in March–April
/// and September–October, fewer in December–January.
pub(super) const POSTING_SEASON: [f64; 12] =
    [0.75, 0.95, 1.2, 1.22, 1.05, 0.95, 0.88, 0.98, 1.22, 1.15, 1.0, 0.72];

/// Seasonality of work permits: the construction and field season.
pub(super) const PERMIT_SEASON: [f64; 12] =
    [0.8, 0.9, 1.2, 1.25, 1.15, 1.0, 0.95, 0.95, 1.0, 1.0, 0.95, 0.85];

/// Spreads an exact total over a sequence of weights, handing out whole numbers whose running
/// sum follows the running sum of the weights (so the counts add up to the total exactly).
pub(super) struct Apportion {
    total: u64,
    sum: f64,
    acc: f64,
    given: u64,
}

impl Apportion {
    pub fn new(total: u64, sum: f64) -> Apportion {
        Apportion { total, sum, acc: 0.0, given: 0 }
    }

    /// The count for the next weight; `last` gives out all that is left.
    pub fn next(&mut self, weight: f64, last: bool) -> u64 {
        self.acc += weight;
        let target = if last || self.sum <= 0.0 {
            if last { self.total } else { 0 }
        } else {
            ((self.acc / self.sum * self.total as f64).round() as u64).min(self.total)
        };
        let n = target.saturating_sub(self.given);
        self.given += n;
        n
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_calendar_covers_whole_years() -> anyhow::Result<()> {
        let c = Calendar::new(2023, 2024)?;
        assert_eq!(c.days.len(), 365 + 366);
        assert_eq!(c.days[0].text, "2023-01-01");
        assert_eq!(c.days[c.last()].text, "2024-12-31");
        assert!(c.days[0].holiday && !c.days[3].holiday);
        Ok(())
    }

    #[test]
    fn apportioned_counts_add_up() {
        let weights = [0.3, 0.0, 1.7, 2.2, 0.01, 5.0];
        let mut a = Apportion::new(1001, weights.iter().sum());
        let counts: Vec<u64> =
            weights.iter().enumerate().map(|(i, &w)| a.next(w, i == weights.len() - 1)).collect();
        assert_eq!(counts.iter().sum::<u64>(), 1001);
        assert_eq!(counts[1], 0);
    }
}
