use super::explain::{self, Language};
use super::*;
use crate::labour::published::{PublishedList, PublishedLists};
use crate::occupation::OccupationCode;
use crate::rates::RateTable;
use jiff::civil::date;

fn policy() -> crate::policy::Policy {
    crate::policy::Policy::kz().expect("the shipped policy loads")
}

fn pr_facts(funds: &str, occupation: &str) -> String {
    format!(
        r#"{{"applicant": {{"birth_date": "1990-05-01", "passport_expiry": "2040-01-01", "occupation": {occupation},
            "ethnic_kazakh": false, "former_citizen": false, "simplified_citizenship": false, "criminal_record": false,
            "funds": {{"amount_kzt": "{funds}", "kazakh_bank": true, "certified_on": "2025-12-01"}}}},
          "family": [], "region": "KZ-71", "housing": {{"provided_by_contract": true, "funds_kzt": null}}}}"#
    )
}

#[test]
fn exactly_1320_mci_passes_on_31_december_and_fails_on_1_january() {
    let p = policy();
    let lists = PublishedLists::default();
    let rates = RateTable::default();
    let ctx = Context { policy: &p, lists: &lists, rates: &rates };
    // 1,320 × 3,932 (the MCI of 2025).
    let facts = Facts::from_json(Programme::PermanentResidence, &pr_facts("5190240", "null")).unwrap();
    let d = evaluate(&facts, date(2025, 12, 31), &ctx).unwrap();
    assert_eq!(d.outcome, Outcome::Eligible, "{:#?}", d.checks);
    let d = evaluate(&facts, date(2026, 1, 1), &ctx).unwrap();
    assert_eq!(d.outcome, Outcome::Ineligible);
    assert_eq!(d.failing_rules(), vec!["pr.solvency.applicant"]);
    let check = d.check("pr.solvency.applicant").unwrap();
    let mci = check.parameters.iter().find(|u| u.name == "mci").unwrap();
    assert_eq!((mci.value, mci.from), (rust_decimal::Decimal::from(4325), date(2026, 1, 1)));
    let en = explain::explain(check, Language::En);
    assert!(en.contains("5,709,000") && en.contains("518,760"), "{en}");
}

#[test]
fn an_occupation_on_the_list_in_force_exempts_and_one_added_the_day_after_does_not() {
    let p = policy();
    let code = OccupationCode::parse("2211").unwrap();
    let lists = PublishedLists(vec![PublishedList::new(
        7,
        2025,
        date(2026, 3, 2),
        jiff::Timestamp::from_second(1).unwrap(),
        Some("No. 12".into()),
        vec![code],
        vec![(code, 1)],
    )]);
    let rates = RateTable::default();
    let ctx = Context { policy: &p, lists: &lists, rates: &rates };
    let facts = Facts::from_json(Programme::PermanentResidence, &pr_facts("1000", "\"2211\"")).unwrap();
    let before = evaluate(&facts, date(2026, 3, 1), &ctx).unwrap();
    assert_eq!(before.outcome, Outcome::Ineligible);
    let after = evaluate(&facts, date(2026, 3, 2), &ctx).unwrap();
    assert_eq!(after.outcome, Outcome::Eligible, "{:#?}", after.checks);
    let waived = after.check("pr.solvency.applicant").unwrap().waived.unwrap();
    assert_eq!(waived.by, "pr.exempt.in_demand");
}

#[test]
fn unknown_and_missing_facts_name_the_field() {
    let bad = pr_facts("1", "null").replace("\"ethnic_kazakh\": false,", "");
    let e = Facts::from_json(Programme::PermanentResidence, &bad).unwrap_err();
    assert_eq!(e.path, "applicant.ethnic_kazakh");
    assert_eq!((e.reason.code.as_str(), e.reason.english.as_str()), ("facts-missing", "missing"));
    let bad = pr_facts("1", "null").replace("\"family\": []", "\"family\": [], \"pets\": 2");
    let e = Facts::from_json(Programme::PermanentResidence, &bad).unwrap_err();
    assert!(e.to_string().contains("pets"), "{e}");
    let bad = pr_facts("1.5e3", "null").replace("\"1.5e3\"", "1500.5");
    let e = Facts::from_json(Programme::PermanentResidence, &bad).unwrap_err();
    assert_eq!(e.path, "applicant.funds.amount_kzt", "{e}");
    // A date that is not one says the form expected; text that is not JSON says where.
    let bad = pr_facts("1", "null").replace("1990-05-01", "1990-02-30");
    let e = Facts::from_json(Programme::PermanentResidence, &bad).unwrap_err();
    assert_eq!((e.path.as_str(), e.reason.code.as_str()), ("applicant.birth_date", "facts-date"), "{e}");
    assert!(e.reason.english.starts_with("\"1990-02-30\" is not a date: write it as YYYY-MM-DD"), "{e}");
    for bad in ["1990-5-1", "01.05.1990", "1990-05-01T00:00:00"] {
        let text = pr_facts("1", "null").replace("1990-05-01", bad);
        let e = Facts::from_json(Programme::PermanentResidence, &text).unwrap_err();
        assert_eq!(e.reason.code, "facts-date", "{bad}: {e}");
    }
    let e = Facts::from_json(Programme::PermanentResidence, "applicant:\n  birth_date: 1990").unwrap_err();
    assert_eq!((e.path.as_str(), e.reason.code.as_str()), (".", "facts-not-json"), "{e}");
    assert!(e.reason.english.ends_with("(line 1, column 1)"), "{e}");
    let e = Facts::from_json(Programme::PermanentResidence, &pr_facts("1", "null")[..60]).unwrap_err();
    assert_eq!(e.reason.code, "facts-not-json", "{e}");
}

/// A check of `rule` that passed or failed with `values`, for its explanation alone.
fn check_of(rule: &'static str, result: CheckResult, values: Vec<(&'static str, Arg)>) -> Check<'static> {
    Check {
        rule,
        kind: RuleKind::Base,
        result,
        note: "",
        waived: None,
        basis: None,
        basis_from: None,
        parameters: Vec::new(),
        values,
    }
}

#[test]
fn a_count_in_an_explanation_takes_its_plural_form() {
    let validity = |years: i64, lang| {
        let values = vec![
            ("from", Arg::Date(date(2026, 1, 1))),
            ("until", Arg::Date(date(2027, 1, 1))),
            ("years", Arg::Count(years)),
        ];
        explain::explain(&check_of("pr.validity", CheckResult::Passed, values), lang)
    };
    for (years, ru, en, kk) in [
        (1, "в течение 1 года.", "1 year.", "1 жыл."),
        (2, "в течение 2 лет.", "2 years.", "2 жыл."),
        (5, "в течение 5 лет.", "5 years.", "5 жыл."),
        (11, "в течение 11 лет.", "11 years.", "11 жыл."),
        (21, "в течение 21 года.", "21 years.", "21 жыл."),
        (1234, "в течение 1\u{a0}234 лет.", "1,234 years.", "1\u{a0}234 жыл."),
    ] {
        assert!(validity(years, Language::Ru).ends_with(ru), "{}", validity(years, Language::Ru));
        assert!(validity(years, Language::En).ends_with(en), "{}", validity(years, Language::En));
        assert!(validity(years, Language::Kk).ends_with(kk), "{}", validity(years, Language::Kk));
    }
    assert_eq!(
        validity(1, Language::Ru),
        "Разрешение действует с 01.01.2026 по 01.01.2027, то есть в течение 1 года."
    );
    // A parameter that is a whole number (15 days) chooses too; another count beside it, its own.
    let late = |late_by: i64, days: i64, lang| {
        let values = vec![
            ("late_by", Arg::Count(late_by)),
            ("deadline", Arg::Date(date(2026, 3, 16))),
            ("days", Arg::Number(rust_decimal::Decimal::from(days))),
            ("arrival", Arg::Date(date(2026, 3, 1))),
        ];
        explain::explain(&check_of("rf.deadline", CheckResult::Failed, values), lang)
    };
    assert_eq!(
        late(1, 15, Language::Ru),
        "Ходатайство подано с опозданием на 1 день: срок истёк 16.03.2026 (15 календарных дней после прибытия 01.03.2026)."
    );
    assert_eq!(
        late(3, 21, Language::Ru),
        "Ходатайство подано с опозданием на 3 дня: срок истёк 16.03.2026 (21 календарный день после прибытия 01.03.2026)."
    );
    assert_eq!(
        late(1, 1234, Language::En),
        "The application came 1 day after the time limit of 16 Mar 2026 (1,234 calendar days from arrival on 1 Mar 2026)."
    );
}

/// Every plural selector in the explanations defaults to `other` and has only its language's
/// forms: Russian `one`, `few`, `many`; English `one`.
#[test]
fn plural_selectors_of_the_explanations_have_every_form() {
    use fluent_syntax::ast::{Entry, Expression, PatternElement, VariantKey};
    let mut seen = 0;
    for (lang, source) in explain::SOURCES {
        let resource = fluent_syntax::parser::parse(source).unwrap_or_else(|(_, e)| panic!("{e:?}"));
        let (allowed, required): (&[&str], &[&str]) = match lang {
            Language::Kk => (&["one", "other"], &["other"]),
            Language::Ru => (&["one", "few", "many", "other"], &["one", "few", "many", "other"]),
            Language::En => (&["one", "other"], &["one", "other"]),
        };
        for entry in &resource.body {
            let Entry::Message(m) = entry else { continue };
            for element in m.value.iter().flat_map(|p| &p.elements) {
                let PatternElement::Placeable { expression: Expression::Select { variants, .. } } = element
                else {
                    continue;
                };
                seen += 1;
                let keys: Vec<&str> = variants
                    .iter()
                    .map(|v| match &v.key {
                        VariantKey::Identifier { name } | VariantKey::NumberLiteral { value: name } => *name,
                    })
                    .collect();
                let default = variants.iter().position(|v| v.default).map(|i| keys[i]);
                let at = format!("{}: {}", lang.code(), m.id.name);
                assert_eq!(default, Some("other"), "{at}: the default form is not `other`");
                assert!(keys.iter().all(|k| allowed.contains(k)), "{at}: {keys:?}");
                assert!(required.iter().all(|k| keys.contains(k)), "{at}: {keys:?}");
            }
        }
    }
    assert!(seen > 20, "only {seen} selectors");
}

#[test]
fn every_rule_has_a_title_in_every_language() {
    for rule in catalogue::RULES {
        for lang in Language::ALL {
            let id = explain::rule_message_id(rule.id, "title");
            assert!(explain::message(lang, &id, &[]).is_some(), "{} lacks {id}", lang.code());
        }
    }
}

#[test]
fn a_draft_that_repeals_the_kandas_exemption_changes_exactly_the_kandas_without_funds() {
    let baseline = policy();
    // The draft adds a second version to the exception: repealed from 1 June 2026.
    let kandas = r#""pr.exempt.kandas" = [{ from = "2023-01-01", basis = { act = "migration_law", article = "49", paragraph = { kk = "ерекшелік: қандастар", ru = "исключение: кандасы", en = "exemption: kandas" } } }]"#;
    let text = include_str!("../../../../data/policy/kz.toml");
    assert!(text.contains(kandas));
    let text = text.replace(
        kandas,
        &kandas.replace("}]", r#"}, { from = "2026-06-01", applies = false, basis = { act = "Draft" } }]"#),
    );
    let draft = crate::policy::Policy::parse(&text).expect("the draft loads");
    let lists = PublishedLists::default();
    let rates = RateTable::default();
    let base_ctx = Context { policy: &baseline, lists: &lists, rates: &rates };
    let draft_ctx = Context { policy: &draft, lists: &lists, rates: &rates };
    let kandas = pr_facts("0", "null").replace("\"ethnic_kazakh\": false", "\"ethnic_kazakh\": true");
    let cases = vec![
        simulate::Case {
            reference: "A-1".into(),
            applied_on: date(2026, 7, 1),
            facts: Facts::from_json(Programme::PermanentResidence, &kandas).unwrap(),
        },
        simulate::Case {
            reference: "A-2".into(),
            applied_on: date(2026, 5, 31),
            facts: Facts::from_json(Programme::PermanentResidence, &kandas).unwrap(),
        },
        simulate::Case {
            reference: "A-3".into(),
            applied_on: date(2026, 7, 1),
            facts: Facts::from_json(Programme::PermanentResidence, &pr_facts("9000000", "null")).unwrap(),
        },
    ];
    let report = simulate::simulate(&cases, None, &base_ctx, &draft_ctx);
    assert_eq!((report.cases, report.changed), (3, 1));
    assert_eq!(report.affected[0].reference, "A-1");
    assert_eq!(report.affected[0].failing_after, vec!["pr.solvency.applicant"]);
    let counts = &report.by_programme[&Programme::PermanentResidence];
    assert_eq!(counts.transitions.get("eligible → ineligible"), Some(&1));
    // Forcing the date to before the repeal: nothing changes.
    let report = simulate::simulate(&cases, Some(date(2026, 5, 1)), &base_ctx, &draft_ctx);
    assert_eq!(report.changed, 0);
}
