//! Properties of the stay arithmetic over generated histories (stays of 1-40 days with gaps of
//! 0-40 days from 2026-01-01, the last sometimes open, up to two permits, small rules so that
//! limits are often reached): the answer agrees with a day-by-day count written the plain way;
//! the days in the window never exceed the days present nor the window; a day more present
//! never lowers them; an overstay is never after the day examined; `lawful_until` is exactly
//! the last day a continuous stay stays lawful; the answer is deterministic.

use ashyq_core::stay::{Permit, Rule, Stay, StayStatus, check};
use jiff::ToSpan;
use jiff::civil::{Date, date};
use proptest::prelude::*;

fn day(n: i64) -> Date {
    date(2026, 1, 1).checked_add(n.days()).expect("a day near 2026")
}

fn number(d: Date) -> i64 {
    i64::from(d.since(date(2026, 1, 1)).expect("a day near 2026").get_days())
}

#[derive(Debug, Clone)]
struct History {
    rule: Rule,
    stays: Vec<Stay>,
    permits: Vec<Permit>,
    on: Date,
}

fn rule() -> impl Strategy<Value = Rule> {
    (1u32..40, 1u32..60, proptest::option::of(1u32..40)).prop_map(|(limit, extra, per_entry)| Rule {
        limit,
        window: limit + extra,
        per_entry,
    })
}

fn history() -> impl Strategy<Value = History> {
    (
        rule(),
        proptest::collection::vec((0i64..40, 1i64..40), 0..8),
        any::<bool>(),
        0i64..30,
        proptest::collection::vec((0i64..300, 1i64..60), 0..3),
    )
        .prop_map(|(rule, spans, open, tail, permits)| {
            let mut stays = Vec::new();
            let mut cursor = -1;
            for (gap, len) in &spans {
                // A gap of 0 re-enters on the day of the last exit (one day present).
                let entry = (cursor + gap).max(0);
                let exit = entry + len - 1;
                stays.push(Stay { entry: day(entry), exit: Some(day(exit)) });
                cursor = exit;
            }
            let on = match stays.last_mut() {
                Some(last) if open => {
                    last.exit = None;
                    day(cursor)
                }
                _ => day(cursor.max(0) + tail),
            };
            let permits =
                permits.iter().map(|&(a, len)| Permit { from: day(a), until: day(a + len - 1) }).collect();
            History { rule, stays, permits, on }
        })
}

fn run(h: &History) -> StayStatus {
    check(&h.rule, &h.stays, &h.permits, h.on).expect("a generated history is valid")
}

/// The same questions answered the plain way: each day looked at on its own.
fn plain(h: &History) -> (u32, Option<Date>, u32) {
    let on = number(h.on);
    let spans: Vec<(i64, i64)> =
        h.stays.iter().map(|s| (number(s.entry), s.exit.map_or(on, number))).collect();
    let counted = |d: i64| {
        spans.iter().any(|&(a, b)| a <= d && d <= b)
            && !h.permits.iter().any(|p| number(p.from) <= d && d <= number(p.until))
    };
    let count = |from: i64, until: i64| (from..=until).filter(|&d| counted(d)).count() as u32;
    let window = i64::from(h.rule.window);
    let first = spans.first().map_or(on + 1, |s| s.0);
    let over = (first..=on).find(|&d| {
        counted(d)
            && (count(d - window + 1, d) > h.rule.limit
                || h.rule
                    .per_entry
                    .is_some_and(|cap| spans.iter().any(|&(a, b)| a <= d && d <= b && count(a, d) > cap)))
    });
    (count(on - window + 1, on), over.map(day), over.map_or(0, |d| count(d, on)))
}

fn days_present(h: &History) -> u32 {
    let on = number(h.on);
    let first = h.stays.first().map_or(on + 1, |s| number(s.entry));
    (first..=on)
        .filter(|&d| h.stays.iter().any(|s| number(s.entry) <= d && d <= s.exit.map_or(on, number)))
        .count() as u32
}

/// Histories with one more day present: each closed stay's exit a day later, or a one-day stay
/// in each gap, where that keeps the stays in order and not after `on`.
fn one_day_more(h: &History) -> Vec<History> {
    let mut out = Vec::new();
    for i in 0..h.stays.len() {
        let Some(exit) = h.stays[i].exit else { continue };
        let next = exit.checked_add(1.day()).expect("a day near 2026");
        let room = h.stays.get(i + 1).map_or(next <= h.on, |n| next <= n.entry);
        if room {
            let mut more = h.clone();
            more.stays[i].exit = Some(next);
            out.push(more);
        }
        let gap_end = h.stays.get(i + 1).map_or(h.on, |n| n.entry.yesterday().expect("a day near 2026"));
        if next <= gap_end {
            let mut more = h.clone();
            more.stays.insert(i + 1, Stay { entry: next, exit: Some(next) });
            out.push(more);
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn agrees_with_the_plain_count(h in history()) {
        let s = run(&h);
        prop_assert_eq!((s.days_in_window, s.first_overstay, s.overstay_days), plain(&h));
    }

    #[test]
    fn the_window_never_holds_more_than_the_days_present_or_its_length(h in history()) {
        let s = run(&h);
        prop_assert!(s.days_in_window <= days_present(&h));
        prop_assert!(s.days_in_window <= h.rule.window);
        prop_assert!(s.overstay_days <= days_present(&h));
    }

    #[test]
    fn a_day_more_present_never_lowers_the_count(h in history()) {
        let before = run(&h).days_in_window;
        for more in one_day_more(&h) {
            let after = run(&more).days_in_window;
            prop_assert!(after >= before, "{} -> {} with {:?}", before, after, more.stays);
        }
    }

    #[test]
    fn an_overstay_is_never_after_the_day_examined(h in history()) {
        let s = run(&h);
        if let Some(f) = s.first_overstay {
            prop_assert!(f <= h.on);
            prop_assert!(s.overstay_days >= 1);
            prop_assert_eq!(s.lawful_until, None);
        } else {
            prop_assert_eq!(s.overstay_days, 0);
        }
    }

    #[test]
    fn lawful_until_is_the_last_lawful_day_of_a_continuous_stay(h in history()) {
        let s = run(&h);
        let open = h.stays.last().is_some_and(|l| l.exit.is_none());
        prop_assert_eq!(s.lawful_until.is_some(), open && s.first_overstay.is_none());
        if let Some(last) = s.lawful_until {
            prop_assert!(last >= h.on);
            let until_last = History { on: last, ..h.clone() };
            prop_assert_eq!(run(&until_last).first_overstay, None);
            let after = last.tomorrow().expect("a day near 2026");
            let one_more = History { on: after, ..h.clone() };
            prop_assert_eq!(run(&one_more).first_overstay, Some(after));
        }
    }

    #[test]
    fn the_answer_is_deterministic(h in history()) {
        prop_assert_eq!(run(&h), run(&h));
    }
}
