//! The rate in force on a date and conversions, worked by hand, and their properties.

use super::*;
use jiff::civil::{Date, date};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn cur(s: &str) -> Currency {
    Currency::parse(s).unwrap()
}

fn rate(c: &str, d: Date, v: &str) -> Rate {
    Rate { currency: cur(c), date: d, kzt_per_unit: dec(v) }
}

/// USD on Thursday 2025-03-06 and Friday 2025-03-07, then not until Thursday 2025-03-20;
/// EUR on Friday 2025-03-07; given out of order.
fn table() -> RateTable {
    RateTable::new([
        rate("USD", date(2025, 3, 7), "497.51"),
        rate("EUR", date(2025, 3, 7), "538.12"),
        rate("USD", date(2025, 3, 20), "501.02"),
        rate("USD", date(2025, 3, 6), "496.8"),
    ])
    .unwrap()
}

fn official(t: &RateTable, c: &str, on: Date) -> Result<(Date, Decimal), RateError> {
    t.official(&cur(c), on).map(|r| (r.date, r.kzt_per_unit))
}

#[test]
fn the_rate_set_for_the_day() {
    let t = table();
    assert_eq!(official(&t, "USD", date(2025, 3, 6)), Ok((date(2025, 3, 6), dec("496.80"))));
    assert_eq!(official(&t, "usd", date(2025, 3, 7)), Ok((date(2025, 3, 7), dec("497.51"))));
    assert_eq!(t.len(), 4);
    assert_eq!(t.currencies().map(|c| c.to_string()).collect::<Vec<_>>(), ["EUR", "USD"]);
}

#[test]
fn on_a_weekend_friday_s_rate_applies() {
    let t = table();
    for day in [8, 9] {
        let r = t.official(&Currency::USD, date(2025, 3, day)).unwrap();
        assert_eq!((r.currency, r.date, r.kzt_per_unit), (Currency::USD, date(2025, 3, 7), dec("497.51")));
    }
    // Ten days after the last rate is still in force; the eleventh is not.
    assert_eq!(official(&t, "EUR", date(2025, 3, 17)), Ok((date(2025, 3, 7), dec("538.12"))));
    assert!(official(&t, "EUR", date(2025, 3, 18)).is_err());
}

#[test]
fn beyond_the_gap_there_is_no_rate_and_the_error_says_why() {
    let t = table();
    let err = t.official(&Currency::USD, date(2025, 3, 18)).unwrap_err();
    assert_eq!(
        err,
        RateError::NotInForce {
            currency: Currency::USD,
            on: date(2025, 3, 18),
            latest_before: Some(date(2025, 3, 7)),
            imported: true
        }
    );
    assert_eq!(
        err.to_string(),
        "no official USD rate in force on 2025-03-18 (the latest before it is for 2025-03-07; import the rates for that period)"
    );
    // Once the rates of the period are there, the gap is closed.
    assert_eq!(official(&t, "USD", date(2025, 3, 20)), Ok((date(2025, 3, 20), dec("501.02"))));
}

#[test]
fn before_the_first_rate_and_for_an_unknown_currency() {
    let t = table();
    assert_eq!(
        t.official(&Currency::USD, date(2025, 3, 5)).unwrap_err().to_string(),
        "no official USD rate in force on 2025-03-05 (no USD rate is imported for that date or before it; import the rates for that period)"
    );
    assert_eq!(
        t.official(&cur("CNY"), date(2025, 3, 7)).unwrap_err().to_string(),
        "no official CNY rate in force on 2025-03-07 (no CNY rates are imported; import the National Bank's rates for CNY)"
    );
    assert!(RateTable::default().official(&Currency::USD, date(2025, 3, 7)).is_err());
}

#[test]
fn the_tenge_is_always_one_on_the_day_asked() {
    for t in [table(), RateTable::default()] {
        let r = t.official(&Currency::KZT, date(1999, 12, 31)).unwrap();
        assert_eq!((r.currency, r.date, r.kzt_per_unit), (Currency::KZT, date(1999, 12, 31), Decimal::ONE));
    }
}

#[test]
fn conversions_go_through_the_tenge() {
    let t = table();
    let on = date(2025, 3, 9);
    let c = t.convert(dec("150000"), &Currency::USD, &Currency::KZT, on).unwrap();
    assert_eq!(c.result, dec("74626500"));
    assert_eq!((c.from_rate.date, c.to_rate.kzt_per_unit, c.on), (date(2025, 3, 7), Decimal::ONE, on));
    let c = t.convert(dec("74626500"), &Currency::KZT, &Currency::USD, on).unwrap();
    assert_eq!(c.result, dec("150000"));
    // 1,000 EUR = 538,120 ₸ = 538120 / 497.51 USD, kept to 28 significant digits.
    let c = t.convert(dec("1000"), &cur("EUR"), &Currency::USD, on).unwrap();
    assert_eq!(c.result, dec("538120") / dec("497.51"));
    assert!(c.result.to_string().starts_with("1081.626499969849852264276"), "{}", c.result);
    assert_eq!((c.from_rate.currency, c.to_rate.currency), (cur("EUR"), Currency::USD));
    // A missing rate on either side is the error of that side.
    let err = t.convert(dec("1"), &Currency::KZT, &cur("CNY"), on).unwrap_err();
    assert!(matches!(err, RateError::NotInForce { currency, .. } if currency.as_str() == "CNY"));
    let err = t.convert(Decimal::MAX, &Currency::USD, &Currency::KZT, on).unwrap_err();
    assert_eq!(err, RateError::Overflow { amount: Decimal::MAX, from: Currency::USD, to: Currency::KZT });
}

#[test]
fn a_table_refuses_two_rates_for_one_day() {
    let same = [rate("USD", date(2025, 3, 7), "497.51"), rate("USD", date(2025, 3, 7), "497.510")];
    assert_eq!(RateTable::new(same).map(|t| t.len()), Ok(1));
    let err =
        RateTable::new([rate("USD", date(2025, 3, 7), "497.51"), rate("USD", date(2025, 3, 7), "497.5")])
            .unwrap_err();
    assert_eq!(err.to_string(), "USD has two rates for 2025-03-07: 497.51 and 497.5");
}

#[test]
fn results_serialise_with_iso_dates_and_decimal_strings() {
    let r = table().official(&Currency::USD, date(2025, 3, 8)).unwrap();
    assert_eq!(
        serde_json::to_value(r).unwrap(),
        serde_json::json!({"currency": "USD", "date": "2025-03-07", "kzt_per_unit": "497.51"})
    );
    let err = table().official(&Currency::USD, date(2025, 3, 18)).unwrap_err();
    assert_eq!(
        serde_json::to_value(err).unwrap(),
        serde_json::json!({"kind": "not_in_force", "currency": "USD", "on": "2025-03-18",
            "latest_before": "2025-03-07", "imported": true})
    );
}

/// A date in 2000–2054.
fn any_date() -> impl Strategy<Value = Date> {
    (0i64..20_000).prop_map(|n| date(2000, 1, 1).saturating_add(jiff::Span::new().days(n)))
}

/// A rate as the NBK writes one: up to 4 decimals, 0.0001 to 99,999.9999 tenge.
fn any_rate() -> impl Strategy<Value = Decimal> {
    (1i64..1_000_000_000).prop_map(|n| Decimal::new(n, 4).normalize())
}

/// An amount with up to 2 decimals, up to a trillion.
fn any_amount() -> impl Strategy<Value = Decimal> {
    (0i64..100_000_000_000_000).prop_map(|n| Decimal::new(n, 2))
}

proptest! {
    #[test]
    fn the_rate_in_force_is_the_latest_within_the_gap(
        days in proptest::collection::btree_set(0i64..400, 1..40),
        asked in 0i64..420,
    ) {
        let base = date(2024, 1, 1);
        let day = |n: i64| base.saturating_add(jiff::Span::new().days(n));
        let t = RateTable::new(days.iter().map(|&n| Rate {
            currency: Currency::USD,
            date: day(n),
            kzt_per_unit: Decimal::from(400 + n),
        }))
        .unwrap();
        let latest = days.range(..=asked).next_back().copied();
        match (t.official(&Currency::USD, day(asked)), latest) {
            (Ok(r), Some(n)) => {
                prop_assert!(asked - n <= MAX_GAP_DAYS);
                prop_assert_eq!((r.date, r.kzt_per_unit), (day(n), Decimal::from(400 + n)));
            }
            (Err(RateError::NotInForce { latest_before, .. }), latest) => {
                prop_assert!(latest.is_none_or(|n| asked - n > MAX_GAP_DAYS));
                prop_assert_eq!(latest_before, latest.map(day));
            }
            (other, latest) => prop_assert!(false, "{:?} with latest {:?}", other, latest),
        }
    }

    #[test]
    fn foreign_to_tenge_and_back_is_exact(amount in any_amount(), r in any_rate(), on in any_date()) {
        let t = RateTable::new([Rate { currency: Currency::USD, date: on, kzt_per_unit: r }]).unwrap();
        let kzt = t.convert(amount, &Currency::USD, &Currency::KZT, on).unwrap();
        prop_assert_eq!(kzt.result, amount * r);
        let back = t.convert(kzt.result, &Currency::KZT, &Currency::USD, on).unwrap();
        prop_assert_eq!(back.result, amount);
        let same = t.convert(amount, &Currency::USD, &Currency::USD, on).unwrap();
        prop_assert_eq!(same.result, amount);
    }

    #[test]
    fn tenge_to_foreign_and_back_rounds_to_the_tiyn(
        amount in any_amount(), a in any_rate(), b in any_rate(), on in any_date(),
    ) {
        // A quotient that does not end keeps 28 significant digits: back in tenge, the amount
        // is the same to far below a tiyn.
        let t = RateTable::new([
            Rate { currency: cur("EUR"), date: on, kzt_per_unit: a },
            Rate { currency: Currency::USD, date: on, kzt_per_unit: b },
        ])
        .unwrap();
        let usd = t.convert(amount, &Currency::KZT, &Currency::USD, on).unwrap();
        let back = t.convert(usd.result, &Currency::USD, &Currency::KZT, on).unwrap();
        prop_assert_eq!(back.result.round_dp(2), amount);
        prop_assert!((back.result - amount).abs() <= Decimal::new(1, 10));
        let eur = t.convert(amount, &Currency::KZT, &cur("EUR"), on).unwrap();
        let via = t.convert(eur.result, &cur("EUR"), &Currency::USD, on).unwrap();
        prop_assert!((via.result - usd.result).abs() <= Decimal::new(1, 10));
    }
}
