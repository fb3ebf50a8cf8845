//! When a notification that could not be sent is tried again: after a delay that doubles with
//! each failure, from a base to a ceiling, so a mail server that is down for a minute is not
//! flooded and one down for a day is still tried every hour. Nothing is given up for a server
//! that is only unreachable; only a permanent refusal ends the tries (the sender's decision).

/// The delay before try `attempts + 1`, given `attempts` failures so far: `base × 2^(attempts-1)`
/// seconds, at most `ceiling`. Never less than `base` (a first failure waits `base`).
pub fn retry_delay_ms(attempts: i64, base_ms: i64, ceiling_ms: i64) -> i64 {
    let base = base_ms.max(1);
    let ceiling = ceiling_ms.max(base);
    let doublings = u32::try_from((attempts - 1).clamp(0, 62)).unwrap_or(0);
    base.checked_mul(1_i64.checked_shl(doublings).unwrap_or(i64::MAX)).unwrap_or(i64::MAX).min(ceiling)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn doubles_from_the_base_to_the_ceiling() {
        let delays: Vec<i64> = (1..=9).map(|a| retry_delay_ms(a, 30_000, 3_600_000)).collect();
        assert_eq!(
            delays,
            [30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000, 3_600_000, 3_600_000]
        );
        assert_eq!(retry_delay_ms(0, 30_000, 3_600_000), 30_000);
    }

    proptest! {
        #[test]
        fn never_shrinks_and_stays_within_bounds(a in -5i64..10_000, base in 1i64..100_000, ceiling in 1i64..100_000_000) {
            let d = retry_delay_ms(a, base, ceiling);
            prop_assert!(d >= base.min(ceiling.max(base)));
            prop_assert!(d <= ceiling.max(base));
            prop_assert!(retry_delay_ms(a + 1, base, ceiling) >= d);
        }
    }
}
