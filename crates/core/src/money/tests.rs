//! Tenge worked by hand at the tiyn and its rounding boundaries, and the round trips and sums as properties.

use super::*;
use proptest::prelude::*;

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

#[test]
fn written_as_a_decimal_of_tenge_without_trailing_zeros() {
    assert_eq!(Tenge::from_tiyn(276_800_000).to_string(), "2768000");
    assert_eq!(Tenge::from_tiyn(123_450).to_string(), "1234.5");
    assert_eq!(Tenge::from_tiyn(123_456).to_string(), "1234.56");
    assert_eq!(Tenge::from_tiyn(-5).to_string(), "-0.05");
    assert_eq!(Tenge::from_tiyn(-100).to_string(), "-1");
    assert_eq!(Tenge::ZERO.to_string(), "0");
    assert_eq!(Tenge::from_tiyn(i64::MIN).to_string(), "-92233720368547758.08");
    assert_eq!(Tenge::from_tiyn(123_450).to_decimal(), dec("1234.5"));
    assert_eq!(Tenge::from_tiyn(123_450).to_decimal().to_string(), "1234.5");
}

#[test]
fn read_exactly_or_refused() {
    assert_eq!("6000000".parse::<Tenge>(), Ok(Tenge::from_tiyn(600_000_000)));
    assert_eq!("6000000.00".parse::<Tenge>(), Ok(Tenge::from_tiyn(600_000_000)));
    assert_eq!(" 12.5 ".parse::<Tenge>(), Ok(Tenge::from_tiyn(1250)));
    assert_eq!("0.10000".parse::<Tenge>(), Ok(Tenge::from_tiyn(10)));
    assert_eq!("-0.01".parse::<Tenge>(), Ok(Tenge::from_tiyn(-1)));
    assert_eq!("0.005".parse::<Tenge>(), Err(MoneyError::BelowTiyn("0.005".into())));
    assert!(matches!("1e6".parse::<Tenge>(), Err(MoneyError::NotANumber(_))));
    assert!(matches!("abc".parse::<Tenge>(), Err(MoneyError::NotANumber(_))));
    assert!(matches!("100000000000000000".parse::<Tenge>(), Err(MoneyError::OutOfRange(_))));
    assert_eq!(
        Tenge::exact(dec("79228162514264337593543950335")),
        Err(MoneyError::OutOfRange("79228162514264337593543950335".into()))
    );
}

#[test]
fn rounded_to_the_tiyn_half_away_from_zero() {
    let r = |s: &str| Tenge::rounded(dec(s)).unwrap().tiyn();
    assert_eq!(r("0.005"), 1);
    assert_eq!(r("0.0049999"), 0);
    assert_eq!(r("-0.005"), -1);
    assert_eq!(r("-0.0049"), 0);
    assert_eq!(r("1234.565"), 123_457);
    assert_eq!(r("1234.575"), 123_458);
    assert_eq!(r("2768000"), 276_800_000);
    assert_eq!(r("131722.3333333"), 13_172_233);
    assert!(Tenge::rounded(dec("79228162514264337593543950335")).is_err());
}

#[test]
fn whole_tenge() {
    assert_eq!(Tenge::from_whole(450_000), Some(Tenge::from_tiyn(45_000_000)));
    assert_eq!(Tenge::from_whole(i64::MAX / 100 + 1), None);
    assert_eq!(Tenge::from_tiyn(45_000_000).whole(), Some(450_000));
    assert_eq!(Tenge::from_tiyn(45_000_001).whole(), None);
    assert_eq!(Tenge::from_tiyn(-300).whole(), Some(-3));
}

#[test]
fn serialised_as_a_decimal_string_read_from_a_string_or_whole_tenge() {
    let t = Tenge::from_tiyn(123_450);
    assert_eq!(serde_json::to_string(&t).unwrap(), "\"1234.5\"");
    assert_eq!(serde_json::from_str::<Tenge>("\"1234.5\"").unwrap(), t);
    assert_eq!(serde_json::from_str::<Tenge>("450000").unwrap(), Tenge::from_tiyn(45_000_000));
    assert!(serde_json::from_str::<Tenge>("\"0.001\"").is_err());
    assert!(serde_json::from_str::<Tenge>("1.5").is_err());
    assert!(serde_json::from_str::<Tenge>("92233720368547759").is_err());
}

#[test]
fn sums_are_checked() {
    let a = Tenge::from_tiyn(i64::MAX);
    assert_eq!(a.checked_add(Tenge::from_tiyn(1)), None);
    assert_eq!(Tenge::from_tiyn(i64::MIN).checked_sub(Tenge::from_tiyn(1)), None);
    assert_eq!(Tenge::from_tiyn(5).checked_mul(3), Some(Tenge::from_tiyn(15)));
    assert_eq!(a.checked_mul(2), None);
    assert_eq!(Tenge::checked_sum([1, 2, 3].map(Tenge::from_tiyn)), Some(Tenge::from_tiyn(6)));
    assert_eq!(Tenge::checked_sum([a, Tenge::from_tiyn(1)]), None);
    assert_eq!(Tenge::checked_sum([]), Some(Tenge::ZERO));
}

proptest! {
    #[test]
    fn a_decimal_and_back_is_the_same_amount(tiyn in any::<i64>()) {
        let t = Tenge::from_tiyn(tiyn);
        prop_assert_eq!(Tenge::exact(t.to_decimal()), Ok(t));
        prop_assert_eq!(Tenge::rounded(t.to_decimal()), Ok(t));
        prop_assert_eq!(t.to_decimal(), Decimal::new(tiyn, 2));
    }

    #[test]
    fn written_and_read_back_is_the_same_amount(tiyn in any::<i64>()) {
        let t = Tenge::from_tiyn(tiyn);
        prop_assert_eq!(t.to_string().parse::<Tenge>(), Ok(t));
        let json = serde_json::to_string(&t).unwrap();
        prop_assert_eq!(serde_json::from_str::<Tenge>(&json).unwrap(), t);
    }

    #[test]
    fn sums_agree_with_decimals(a in any::<i64>(), b in any::<i64>()) {
        let (x, y) = (Tenge::from_tiyn(a), Tenge::from_tiyn(b));
        let wide = i128::from(a) + i128::from(b);
        match x.checked_add(y) {
            Some(s) => {
                prop_assert_eq!(i128::from(s.tiyn()), wide);
                prop_assert_eq!(s.to_decimal(), x.to_decimal() + y.to_decimal());
                prop_assert_eq!(s.checked_sub(y), Some(x));
            }
            None => prop_assert!(i64::try_from(wide).is_err()),
        }
    }

    #[test]
    fn rounding_moves_at_most_half_a_tiyn_and_never_toward_zero_at_the_half(
        units in -10_000_000_000_000i64..10_000_000_000_000,
        scale in 0u32..8,
    ) {
        let d = Decimal::new(units, scale);
        let t = Tenge::rounded(d).unwrap();
        let off = (t.to_decimal() - d).abs();
        prop_assert!(off <= dec("0.005"), "{} → {}", d, t);
        if off == dec("0.005") {
            prop_assert!(t.to_decimal().abs() > d.abs(), "{} → {}", d, t);
        }
        if scale <= 2 {
            prop_assert_eq!(Tenge::exact(d), Ok(t));
        }
        // Exactly when nothing was below the tiyn.
        prop_assert_eq!(Tenge::exact(d).is_ok(), t.to_decimal() == d);
    }

    #[test]
    fn multiples_agree_with_repeated_sums(tiyn in -1_000_000_000i64..1_000_000_000, n in 0i64..50) {
        let t = Tenge::from_tiyn(tiyn);
        let repeated = Tenge::checked_sum(std::iter::repeat_n(t, n as usize));
        prop_assert_eq!(t.checked_mul(n), repeated);
    }
}
