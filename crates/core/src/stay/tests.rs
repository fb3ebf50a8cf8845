//! Unit tests of the stay arithmetic: the validation messages and a few counts.

use super::*;
use jiff::civil::date;

const VF: Rule = Rule { limit: 90, window: 180, per_entry: Some(30) };

fn stay(entry: Date, exit: Option<Date>) -> Stay {
    Stay { entry, exit }
}

#[test]
fn same_day_entry_and_exit_is_one_day() {
    let d = date(2026, 3, 1);
    let s = check(&VF, &[stay(d, Some(d))], &[], d).unwrap();
    assert_eq!(s.days_in_window, 1);
    assert_eq!(s.first_overstay, None);
    assert_eq!(s.lawful_until, None);
}

#[test]
fn no_stays_count_nothing() {
    let s = check(&VF, &[], &[], date(2026, 3, 1)).unwrap();
    assert_eq!((s.days_in_window, s.first_overstay, s.overstay_days, s.lawful_until), (0, None, 0, None));
}

#[test]
fn an_open_stay_is_lawful_until_its_thirtieth_day() {
    let s = check(&VF, &[stay(date(2026, 3, 1), None)], &[], date(2026, 3, 10)).unwrap();
    assert_eq!(s.days_in_window, 10);
    assert_eq!(s.lawful_until, Some(date(2026, 3, 30)));
}

#[test]
fn errors_name_the_stay_and_field() {
    let on = date(2026, 3, 10);
    let cases = [
        (vec![stay(date(2026, 3, 5), Some(date(2026, 3, 4)))], "stays[0].exit"),
        (vec![stay(date(2026, 3, 11), None)], "stays[0].entry"),
        (vec![stay(date(2026, 3, 1), Some(date(2026, 3, 11)))], "stays[0].exit"),
        (vec![stay(date(2026, 3, 1), None), stay(date(2026, 3, 5), None)], "stays[0].exit"),
        (
            vec![stay(date(2026, 3, 1), Some(date(2026, 3, 5))), stay(date(2026, 3, 4), None)],
            "stays[1].entry",
        ),
    ];
    for (stays, field) in cases {
        let e = check(&VF, &stays, &[], on).unwrap_err();
        assert_eq!(e.field, field, "{e}");
    }
    let p = [Permit { from: date(2026, 3, 5), until: date(2026, 3, 4) }];
    assert_eq!(check(&VF, &[], &p, on).unwrap_err().field, "permits[0].until");
    let bad = Rule { limit: 180, window: 180, per_entry: None };
    assert_eq!(check(&bad, &[], &[], on).unwrap_err().field, "rule.limit");
}

#[test]
fn out_and_back_the_same_day_counts_the_day_once_and_starts_a_new_entry() {
    let stays =
        [stay(date(2026, 3, 1), Some(date(2026, 3, 30))), stay(date(2026, 3, 30), Some(date(2026, 4, 5)))];
    let s = check(&VF, &stays, &[], date(2026, 4, 5)).unwrap();
    assert_eq!(s.days_in_window, 36);
    assert_eq!(s.first_overstay, None);
}

#[test]
fn the_policy_gives_the_visa_free_and_eaeu_rules() {
    let policy = crate::policy::Policy::kz().unwrap();
    let on = date(2026, 1, 1);
    assert_eq!(Rule::visa_free(&policy, on).unwrap(), VF);
    assert_eq!(Rule::eaeu(&policy, on).unwrap(), Rule { limit: 90, window: 180, per_entry: None });
    let e = Rule::eaeu(&policy, date(2020, 1, 1)).unwrap_err();
    assert_eq!(e.field, "parameters.short_stay_limit");
}

#[test]
fn input_errors_name_the_field() {
    let e = Request::parse(
        r#"{"rule": "visa-free", "stays": [{"entry": "2026-01-01", "exit": "x"}], "on": "2026-01-02"}"#,
    )
    .unwrap_err();
    assert_eq!(e.field, "stays[0].exit", "{e}");
    let e = Request::parse(
        r#"{"rule": {"limit": 9, "window": 10, "extra": 1}, "stays": [], "on": "2026-01-02"}"#,
    )
    .unwrap_err();
    assert_eq!(e.field, "rule.extra", "{e}");
    assert!(e.reason.contains("unknown field"), "{e}");
    let e = Request::parse(r#"{"rule": "schengen", "stays": [], "on": "2026-01-02"}"#).unwrap_err();
    assert_eq!(e.field, "rule", "{e}");
    let e = Request::parse(r#"{"rule": "eaeu", "stays": []}"#).unwrap_err();
    assert_eq!(e.field, "on", "{e}");
    let r =
        Request::parse(r#"{"rule": {"limit": 9, "window": 10}, "stays": [], "on": "2026-01-02"}"#).unwrap();
    assert_eq!(r.rule, RuleSpec::Custom(Rule { limit: 9, window: 10, per_entry: None }));
}
