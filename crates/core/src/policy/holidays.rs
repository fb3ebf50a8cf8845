//! Public holidays: the days off besides Saturdays and Sundays, for counting working days (the
//! host's three working days to notify a stay). The policy file lists them for the years it
//! covers, with the days off moved from a holiday falling on a weekend, and any weekend day the
//! Government made a working day.

use super::{LegalBasis, Refusal};
use crate::said::Said;
use jiff::civil::{Date, Weekday};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Holidays {
    /// The first day the list is complete for.
    pub from: Date,
    /// The last day the list is complete for; outside `from..=until` only Saturdays and Sundays
    /// are days off.
    pub until: Date,
    pub basis: LegalBasis,
    /// Days off that are not Saturdays or Sundays, or holidays falling on them; sorted, each once.
    pub days: Vec<Date>,
    /// Saturdays and Sundays made working days (when the Government moved a day off); sorted.
    #[serde(default)]
    pub working_days: Vec<Date>,
}

impl Holidays {
    /// Whether `day` is a working day: not a Saturday, Sunday or listed holiday, unless it is
    /// listed as a working day.
    pub fn is_working_day(&self, day: Date) -> bool {
        if self.working_days.binary_search(&day).is_ok() {
            return true;
        }
        !matches!(day.weekday(), Weekday::Saturday | Weekday::Sunday)
            && self.days.binary_search(&day).is_err()
    }

    /// The `n`-th working day after `day` (`day` itself for 0). Saturates at the last date.
    pub fn add_working_days(&self, day: Date, n: u32) -> Date {
        let mut d = day;
        let mut left = n;
        while left > 0 {
            match d.tomorrow() {
                Ok(next) => d = next,
                Err(_) => return d,
            }
            if self.is_working_day(d) {
                left -= 1;
            }
        }
        d
    }

    /// Working days after `after` up to and including `through` (0 when `through` is not later).
    pub fn working_days_after(&self, after: Date, through: Date) -> u32 {
        let mut n = 0;
        let mut d = after;
        while d < through {
            match d.tomorrow() {
                Ok(next) => d = next,
                Err(_) => break,
            }
            if self.is_working_day(d) {
                n += 1;
            }
        }
        n
    }

    pub(super) fn check(&self) -> Result<(), Refusal> {
        if self.until < self.from {
            return Err((
                "until".into(),
                Said::new(
                    "policy-holidays-until",
                    format!("{} is before `from` ({})", self.until, self.from),
                )
                .date("date", self.until)
                .date("from", self.from),
            ));
        }
        for (name, list) in [("days", &self.days), ("working_days", &self.working_days)] {
            for (i, d) in list.iter().enumerate() {
                if *d < self.from || *d > self.until {
                    return Err((
                        format!("{name}[{i}]"),
                        Said::new(
                            "policy-holiday-outside",
                            format!(
                                "{d} is outside the period the list covers ({} to {})",
                                self.from, self.until
                            ),
                        )
                        .date("date", *d)
                        .date("from", self.from)
                        .date("until", self.until),
                    ));
                }
                if i > 0 && list[i - 1] >= *d {
                    return Err((
                        format!("{name}[{i}]"),
                        Said::new(
                            "policy-holiday-order",
                            format!(
                                "{d} is not after the previous day {}: the list is sorted, each day once",
                                list[i - 1]
                            ),
                        )
                        .date("date", *d)
                        .date("previous", list[i - 1]),
                    ));
                }
            }
        }
        for (i, d) in self.working_days.iter().enumerate() {
            if !matches!(d.weekday(), Weekday::Saturday | Weekday::Sunday) {
                return Err((
                    format!("working_days[{i}]"),
                    Said::new("policy-working-weekday", format!("{d} is not a Saturday or Sunday"))
                        .date("date", *d),
                ));
            }
            if self.days.binary_search(d).is_ok() {
                return Err((
                    format!("working_days[{i}]"),
                    Said::new("policy-working-day-off", format!("{d} is also listed as a day off"))
                        .date("date", *d),
                ));
            }
        }
        Ok(())
    }
}
