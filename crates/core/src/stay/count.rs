//! The sweep: every day from the first entry marked present-and-counted, prefix sums over the
//! marks, and each limit checked with two subtractions per day.

use super::{Permit, Rule, Stay, StayError, StayStatus, days, validate};
use jiff::civil::Date;

/// Counts the stays under `rule` as of `on`; see the module's documentation for the rules.
pub fn check(rule: &Rule, stays: &[Stay], permits: &[Permit], on: Date) -> Result<StayStatus, StayError> {
    rule.validate("rule")?;
    validate::stays(stays, on)?;
    validate::permits(permits)?;
    let on_n = days::number(on)?;
    let Some(first) = stays.first() else {
        return Ok(StayStatus {
            days_in_window: 0,
            first_overstay: None,
            overstay_days: 0,
            lawful_until: None,
        });
    };
    let open = stays.last().is_some_and(|s| s.exit.is_none());
    let permits: Vec<(i64, i64)> = permits
        .iter()
        .map(|p| Ok((days::number(p.from)?, days::number(p.until)?)))
        .collect::<Result<_, _>>()?;
    // An open stay is followed past `on` until a limit breaks. After the last permit ends, `limit`
    // + 1 days in a row exceed the limit (the window is longer than the limit), so it breaks by:
    let end = if open {
        let last_permit = permits.iter().map(|p| p.1).max().unwrap_or(on_n).max(on_n);
        last_permit + i64::from(rule.limit) + 1
    } else {
        on_n
    };
    let mut spans = Vec::with_capacity(stays.len());
    for s in stays {
        let exit = match s.exit {
            Some(d) => days::number(d)?,
            None => end,
        };
        spans.push((days::number(s.entry)?, exit));
    }
    let line = Timeline::new(days::number(first.entry)?, end, &spans, &permits);
    let breaks = line.first_overstay(rule, &spans);
    let first_overstay = breaks.filter(|&d| d <= on_n);
    let window = i64::from(rule.window);
    let lawful_until = match (open, first_overstay, breaks) {
        (true, None, Some(d)) => Some(days::date_of(d - 1, "lawful_until")?),
        _ => None,
    };
    Ok(StayStatus {
        days_in_window: line.count(on_n - window + 1, on_n),
        first_overstay: first_overstay.map(|d| days::date_of(d, "first_overstay")).transpose()?,
        overstay_days: first_overstay.map_or(0, |d| line.count(d, on_n)),
        lawful_until,
    })
}

/// The days from `start` to `end` (day numbers), with the running count of counted days.
struct Timeline {
    start: i64,
    /// `prefix[i]`: counted days in `start .. start + i`.
    prefix: Vec<u32>,
}

impl Timeline {
    fn new(start: i64, end: i64, spans: &[(i64, i64)], permits: &[(i64, i64)]) -> Timeline {
        let len = usize::try_from(end - start + 1).unwrap_or(0);
        // +1 where a stay or permit begins, −1 the day after it ends.
        let mut present = vec![0i32; len + 1];
        let mut covered = vec![0i32; len + 1];
        let mark = |marks: &mut Vec<i32>, from: i64, until: i64| {
            let from = from.max(start);
            let until = until.min(end);
            if from <= until {
                marks[(from - start) as usize] += 1;
                marks[(until - start + 1) as usize] -= 1;
            }
        };
        for &(a, b) in spans {
            mark(&mut present, a, b);
        }
        for &(a, b) in permits {
            mark(&mut covered, a, b);
        }
        let mut prefix = Vec::with_capacity(len + 1);
        prefix.push(0u32);
        let (mut p, mut c, mut total) = (0i32, 0i32, 0u32);
        for i in 0..len {
            p += present[i];
            c += covered[i];
            if p > 0 && c == 0 {
                total += 1;
            }
            prefix.push(total);
        }
        Timeline { start, prefix }
    }

    fn last(&self) -> i64 {
        self.start + self.prefix.len() as i64 - 2
    }

    /// Counted days before day `d` (clamped to the timeline).
    fn before(&self, d: i64) -> u32 {
        let i = (d - self.start).clamp(0, self.prefix.len() as i64 - 1);
        self.prefix[i as usize]
    }

    /// Counted days in `from ..= until`.
    fn count(&self, from: i64, until: i64) -> u32 {
        if until < from { 0 } else { self.before(until + 1) - self.before(from) }
    }

    /// The first counted day on which the window ending that day holds more than `limit` days,
    /// or the stay it belongs to holds more than `per_entry` days up to it.
    fn first_overstay(&self, rule: &Rule, spans: &[(i64, i64)]) -> Option<i64> {
        let window = i64::from(rule.window);
        let by_window = (self.start..=self.last())
            .find(|&d| self.count(d, d) == 1 && self.count(d - window + 1, d) > rule.limit);
        let by_entry = rule.per_entry.and_then(|cap| {
            spans.iter().find_map(|&(a, b)| {
                // The (cap + 1)-th counted day of the stay, if it has one: the prefix is monotone.
                let target = self.before(a) + cap + 1;
                let from = (a - self.start) as usize;
                let until = ((b.min(self.last()) - self.start) + 1) as usize;
                let i = from + self.prefix[from..=until].partition_point(|&p| p < target);
                (i <= until).then(|| self.start + i as i64 - 1)
            })
        });
        match (by_window, by_entry) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }
}
