//! The valuable-skills visa's obligation to train local personnel (DOMAIN.md §3): the holder
//! reports on it for every period of `valuable_skills_report_months` months from the start of
//! the permit, within `valuable_skills_report_grace_days` days after the period ends. A report
//! not in by then is overdue and raises an alert; an unmet obligation is a ground to cancel.

use jiff::ToSpan;
use jiff::civil::Date;
use serde::Serialize;

/// One reporting period: its number (from 1), first and last day, and the day its report is due.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Period {
    pub number: u32,
    pub starts: Date,
    pub ends: Date,
    pub due: Date,
}

/// The periods of a permit valid from `from` to `until` that have ended by `today` (their
/// report can be filed), in order. The last period ends with the permit.
pub fn periods(from: Date, until: Date, months: u32, grace_days: u32, today: Date) -> Vec<Period> {
    let mut out = Vec::new();
    if months == 0 {
        return out;
    }
    let mut starts = from;
    let mut number = 1u32;
    while starts <= until && number <= 1200 {
        let next = from.checked_add((i64::from(months) * i64::from(number)).months()).unwrap_or(until);
        let ends = next.yesterday().unwrap_or(next).min(until);
        if ends > today {
            break;
        }
        let due = ends.checked_add(i64::from(grace_days).days()).unwrap_or(ends);
        out.push(Period { number, starts, ends, due });
        starts = ends.tomorrow().unwrap_or(ends);
        number += 1;
    }
    out
}

/// The periods whose report is overdue on `today`: due before today and not filed.
pub fn overdue(periods: &[Period], filed: &[u32], today: Date) -> Vec<Period> {
    periods.iter().filter(|p| p.due < today && !filed.contains(&p.number)).copied().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;
    use proptest::prelude::*;

    #[test]
    fn half_year_periods_with_a_month_to_report() {
        let ps = periods(date(2025, 1, 15), date(2035, 1, 14), 6, 30, date(2026, 2, 1));
        assert_eq!(ps.len(), 2);
        assert_eq!(
            (ps[0].starts, ps[0].ends, ps[0].due),
            (date(2025, 1, 15), date(2025, 7, 14), date(2025, 8, 13))
        );
        assert_eq!((ps[1].starts, ps[1].ends), (date(2025, 7, 15), date(2026, 1, 14)));
        // On 1 February 2026 the first report is overdue unless filed; the second is not yet due.
        assert_eq!(overdue(&ps, &[], date(2026, 2, 1)).len(), 1);
        assert!(overdue(&ps, &[1], date(2026, 2, 1)).is_empty());
        assert_eq!(overdue(&ps, &[1], date(2026, 2, 14))[0].number, 2);
    }

    #[test]
    fn the_last_period_ends_with_the_permit() {
        let ps = periods(date(2025, 1, 1), date(2025, 9, 30), 6, 30, date(2030, 1, 1));
        assert_eq!(ps.len(), 2);
        assert_eq!(ps[1].ends, date(2025, 9, 30));
    }

    proptest! {
        #[test]
        fn periods_tile_the_permit(
            start in 0i64..3000, len in 1i64..4000, months in 1u32..13, grace in 0u32..90, seen in 0i64..6000,
        ) {
            let from = date(2020, 1, 1).checked_add(start.days()).unwrap();
            let until = from.checked_add(len.days()).unwrap();
            let today = date(2020, 1, 1).checked_add(seen.days()).unwrap();
            let ps = periods(from, until, months, grace, today);
            let mut expect = from;
            for (i, p) in ps.iter().enumerate() {
                prop_assert_eq!(p.number as usize, i + 1);
                prop_assert_eq!(p.starts, expect);
                prop_assert!(p.starts <= p.ends && p.ends <= until && p.ends <= today);
                prop_assert!(p.due >= p.ends);
                expect = p.ends.tomorrow().unwrap();
            }
        }
    }
}
