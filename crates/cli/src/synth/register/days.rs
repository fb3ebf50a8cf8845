//! Days as integers (days since 1970-01-01) for speed: conversion to and from the civil calendar,
//! `YYYY-MM-DD` text, Kazakhstan's public holidays and working days, and the seasonality of
//! border traffic.

use ashyq_core::zone::Zone;
use rand::Rng;
use rand_chacha::ChaCha8Rng;
use std::fmt::Write as _;

/// Days since 1970-01-01 of a civil date (proleptic Gregorian; H. Hinnant's algorithm).
pub(super) fn from_civil(y: i32, m: u32, d: u32) -> i32 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = i32::try_from(m).unwrap_or(1);
    let d = i32::try_from(d).unwrap_or(1);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date (year, month 1–12, day 1–31) of a day.
pub(super) fn to_civil(z: i32) -> (i32, u32, u32) {
    let z = z + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = if m <= 2 { y + 1 } else { y };
    (y, u32::try_from(m).unwrap_or(1), u32::try_from(d).unwrap_or(1))
}

/// Appends `YYYY-MM-DD`.
pub(super) fn push_date(out: &mut String, day: i32) {
    let (y, m, d) = to_civil(day);
    let _ = write!(out, "{y:04}-{m:02}-{d:02}");
}

/// Appends `YYYY-MM-DDTHH:MM:SS+HH:MM`: `second` of `day` on the zone's clock, with the offset
/// the zone kept then (the tz database: most of the country was UTC+6 until 1 March 2024, the
/// west UTC+5), so that the register reads the crossing back on `day`.
pub(super) fn push_instant(out: &mut String, day: i32, second: u32, zone: Zone) {
    push_date(out, day);
    let (h, m, s) = (second / 3600, second / 60 % 60, second % 60);
    let offset = offset_at(day, second, zone);
    let (oh, om) = (offset / 3600, offset / 60 % 60);
    let _ = write!(out, "T{h:02}:{m:02}:{s:02}+{oh:02}:{om:02}");
}

/// The zone's offset (seconds east of UTC) at `second` of `day` on its clock; in the hour the
/// clocks went back (23:00–24:00 on 29 February 2024 in Almaty) the earlier, UTC+6.
fn offset_at(day: i32, second: u32, zone: Zone) -> i32 {
    const UTC5: i32 = 5 * 3600;
    let (y, m, d) = to_civil(day);
    let (Ok(y), Ok(m), Ok(d), Ok(h), Ok(mi), Ok(s)) = (
        i16::try_from(y),
        i8::try_from(m),
        i8::try_from(d),
        i8::try_from(second / 3600),
        i8::try_from(second / 60 % 60),
        i8::try_from(second % 60),
    ) else {
        return UTC5;
    };
    jiff::civil::DateTime::new(y, m, d, h, mi, s, 0)
        .and_then(|dt| zone.time_zone().to_ambiguous_timestamp(dt).compatible())
        .map_or(UTC5, |t| zone.offset(t).seconds())
}

/// Monday = 0 … Sunday = 6.
fn weekday(day: i32) -> i32 {
    // 1970-01-01 was a Thursday.
    (day + 3).rem_euclid(7)
}

/// The fixed-date public holidays of Kazakhstan (as in the policy file's list).
pub(super) fn is_holiday(day: i32) -> bool {
    let (_, m, d) = to_civil(day);
    matches!(
        (m, d),
        (1, 1 | 2 | 7) | (3, 8 | 21 | 22 | 23) | (5, 1 | 7 | 9) | (7, 6) | (8, 30) | (10, 25) | (12, 16)
    )
}

pub(super) fn is_working_day(day: i32) -> bool {
    weekday(day) < 5 && !is_holiday(day)
}

/// The `n`-th working day after `day` (n = 0: `day` itself if it is a working day, else the
/// next working day).
pub(super) fn working_days_after(day: i32, n: u32) -> i32 {
    let mut d = day;
    while !is_working_day(d) {
        d += 1;
    }
    let mut left = n;
    while left > 0 {
        d += 1;
        if is_working_day(d) {
            left -= 1;
        }
    }
    d
}

/// Relative border traffic of a day: the summer peak, the New Year holidays, Nauryz (21–23
/// March), the May holidays, and more arrivals on Fridays and Saturdays.
fn traffic(day: i32) -> f64 {
    let (_, m, d) = to_civil(day);
    let season = match (m, d) {
        (1, 1..=8) | (12, 25..=31) => 1.45,
        (3, 18..=25) => 1.6,
        (5, 1..=10) => 1.3,
        (6, _) => 1.35,
        (7, _) => 1.6,
        (8, _) => 1.55,
        (1 | 2, _) | (11, _) => 0.75,
        (9, _) => 1.1,
        _ => 1.0,
    };
    let week = match weekday(day) {
        4 => 1.15,
        5 => 1.1,
        6 => 0.95,
        _ => 0.95,
    };
    season * week
}

/// A table of the days of the period to draw days from by traffic.
pub(super) struct Season {
    first: i32,
    cumulative: Vec<f64>,
}

impl Season {
    /// The days `first..=last`.
    pub fn new(first: i32, last: i32) -> Season {
        let mut total = 0.0;
        let cumulative = (first..=last)
            .map(|d| {
                total += traffic(d);
                total
            })
            .collect();
        Season { first, cumulative }
    }

    /// A day drawn by traffic.
    pub fn draw(&self, rng: &mut ChaCha8Rng) -> i32 {
        let total = self.cumulative.last().copied().unwrap_or(0.0);
        let u = rng.random::<f64>() * total;
        let i = self.cumulative.partition_point(|&c| c < u);
        self.first + i32::try_from(i.min(self.cumulative.len().saturating_sub(1))).unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_round_trip_agrees_with_jiff() {
        let mut date = jiff::civil::date(1900, 1, 1);
        for _ in 0..80_000 {
            let z = from_civil(i32::from(date.year()), date.month() as u32, date.day() as u32);
            let (y, m, d) = to_civil(z);
            assert_eq!((y, m, d), (i32::from(date.year()), date.month() as u32, date.day() as u32));
            let mut text = String::new();
            push_date(&mut text, z);
            assert_eq!(text, date.to_string());
            date = date.tomorrow().unwrap();
        }
        assert_eq!(from_civil(1970, 1, 1), 0);
        // Friday 2026-03-20, then the weekend and Nauryz (Monday 23 March): next is Tuesday the 24th.
        assert!(!is_working_day(from_civil(2026, 3, 23)));
        assert_eq!(working_days_after(from_civil(2026, 3, 20), 1), from_civil(2026, 3, 24));
    }

    #[test]
    fn instants_carry_the_offset_of_the_checkpoint_s_clock() {
        let text = |y, m, d, second, zone| {
            let mut out = String::new();
            push_instant(&mut out, from_civil(y, m, d), second, zone);
            out
        };
        assert_eq!(text(2026, 3, 1, 8 * 3600 + 15 * 60, Zone::Almaty), "2026-03-01T08:15:00+05:00");
        assert_eq!(text(2023, 5, 15, 30 * 60, Zone::Almaty), "2023-05-15T00:30:00+06:00");
        assert_eq!(text(2023, 5, 15, 30 * 60, Zone::Atyrau), "2023-05-15T00:30:00+05:00");
        assert_eq!(text(2024, 2, 29, 23 * 3600 + 1800, Zone::Almaty), "2024-02-29T23:30:00+06:00");
        assert_eq!(text(2024, 3, 1, 1800, Zone::Almaty), "2024-03-01T00:30:00+05:00");
        // Read back on the checkpoint's clock, each is on the day it was written for.
        for (y, m, d) in [(2023, 5, 15), (2024, 2, 29), (2024, 3, 1), (2019, 12, 31)] {
            for second in [0, 1800, 43_200, 86_399] {
                for zone in Zone::ALL {
                    let at: jiff::Timestamp = text(y, m, d, second, zone).parse().unwrap();
                    assert_eq!(zone.day(at), jiff::civil::date(y as i16, m as i8, d as i8), "{zone:?}");
                }
            }
        }
    }
}
