//! Tests of reading policy files: the shipped file, dated lookups and refusals naming the key.

use super::*;
use crate::policy::parameters::{LookupError, Unit};
use crate::policy::stay_groups::Group;
use crate::said::Value;

fn d(text: &str) -> Date {
    text.parse().unwrap()
}

#[test]
fn the_shipped_policy_reads() {
    let p = Policy::kz().unwrap();
    assert_eq!(p.meta.jurisdiction, "KZ");
    let sectors = p.sectors_on(d("2026-11-21")).unwrap();
    let code = |s: &str| crate::occupation::OccupationCode::parse(s).unwrap();
    assert_eq!(sectors.value.sector_of(&code("2212")), Some("healthcare"));
    assert_eq!(sectors.value.sector_of(&code("2512-1")), Some("information_technology"));
    assert_eq!(sectors.value.sector_of(&code("2611")), None);
    let m = p.methodology_on(d("2025-01-01")).unwrap();
    assert_eq!(m.value.universe, [code("2")]);
    assert!(p.methodology_on(d("2023-02-27")).is_none(), "nothing applied before the order came into force");
}

/// Every citation and every parameter's name of the shipped file reads in Kazakh, Russian and
/// English: a basis names an act of `[acts]`, an article by number, a paragraph in three languages.
#[test]
fn the_shipped_policy_speaks_three_languages() {
    let mut p = Policy::kz().unwrap();
    let acts = p.acts.clone();
    for (id, t) in &acts {
        for lang in crate::locale::Language::ALL {
            assert!(!t.get(lang).trim().is_empty(), "acts.{id}: no title in {}", lang.code());
        }
    }
    let bases = p.bases_mut();
    assert!(bases.len() > 80, "{} bases", bases.len());
    for (path, b) in bases {
        assert!(b.is_in_three_languages(), "{path}: {b:?} is not held in three languages");
    }
    for (name, param) in &p.parameters.0 {
        assert!(param.description.is_three(), "parameters.{name}.description");
    }
    for (name, param) in &p.regional_parameters.0 {
        assert!(param.description.is_three(), "regional_parameters.{name}.description");
    }
    let mci = p.parameter("mci", d("2026-12-07")).unwrap();
    assert!(mci.basis.cite("kk").contains("Заңы"), "{}", mci.basis.cite("kk"));
    assert!(mci.basis.cite("ru").starts_with("Закон"), "{}", mci.basis.cite("ru"));
    let pr = p.rules.on("pr.passport", d("2026-12-07")).unwrap();
    assert!(pr.basis.cite("kk").contains("49-бап"), "{}", pr.basis.cite("kk"));
    assert!(
        pr.basis.cite("ru").contains("статья 49, документы: действительный паспорт"),
        "{}",
        pr.basis.cite("ru")
    );
    assert!(pr.basis.cite("en").contains("Article 49"));
}

const SMALL: &str = r#"
[meta]
jurisdiction = "KZ"
edition = "test"

[[sectors]]
from = "2023-01-01"
basis = { act = "A" }
[sectors.value]
information_technology = ["25"]

[[sectors]]
from = "2024-07-01"
basis = { act = "B", article = "Art. 2" }
[sectors.value]
information_technology = ["25"]
healthcare = ["22"]

[[list_methodology]]
from = "2023-01-01"
basis = { act = "A" }
[list_methodology.value]
universe = ["2"]
priority_sectors = ["information_technology"]
hard_to_fill_days = 30
min_vacancies = 1
inclusion = { k_of_n = { k = 1 } }
indicators = [{ id = "vacancies_posted", weight = 1.0, benchmark = "median" }]
"#;

#[test]
fn versions_apply_from_their_date_until_the_next() {
    let p = Policy::parse(&small()).unwrap();
    assert_eq!(p.sectors_on(d("2022-12-31")), None);
    assert_eq!(p.sectors_on(d("2023-01-01")).unwrap().basis.act, "A");
    assert_eq!(p.sectors_on(d("2024-06-30")).unwrap().basis.act, "A");
    assert_eq!(p.sectors_on(d("2024-07-01")).unwrap().basis.to_string(), "B, Art. 2");
    assert_eq!(p.sectors_on(d("2030-01-01")).unwrap().value.0.len(), 2);
}

/// What every policy file must hold besides the list's parts — the programmes' parameters,
/// regional prices, rule bases, points grid, simplified-citizenship list — taken from the
/// shipped file (without its MCI when a test brings its own).
fn programme_parts(with_mci: bool) -> String {
    let start = KZ_TOML.find("[parameters.").unwrap();
    let end = KZ_TOML.find("[[sectors]]").unwrap();
    let parts = &KZ_TOML[start..end];
    if with_mci {
        return format!("\n{parts}");
    }
    let mci = parts.find("[parameters.mci]").unwrap();
    let next = mci + parts[mci..].find("\n[parameters.").unwrap();
    format!("\n{}{}", &parts[..mci], &parts[next..])
}

fn small() -> String {
    format!("{SMALL}{}", programme_parts(true))
}

fn refusal(text: &str) -> PolicyError {
    Policy::parse(text).unwrap_err()
}

fn text(s: &str) -> Value {
    Value::Text(s.to_string())
}

fn count(n: i64) -> Value {
    Value::Count(n)
}

fn date(s: &str) -> Value {
    Value::Date(d(s))
}

/// The refusal's code and arguments.
fn said(e: &PolicyError) -> (&str, Vec<(&str, &Value)>) {
    (e.reason.code.as_str(), e.reason.args.iter().map(|(n, v)| (n.as_str(), v)).collect())
}

#[test]
fn bad_files_are_refused_with_the_path_of_the_bad_key() {
    let e = refusal(&small().replace("k = 1", "k = 2"));
    assert_eq!(e.path, "list_methodology[0].value.inclusion.k", "{e}");
    assert_eq!(said(&e), ("policy-k-range", vec![("k", &count(2)), ("n", &count(1))]));
    assert_eq!(
        e.to_string(),
        "list_methodology[0].value.inclusion.k: 2 is not between 1 and the 1 indicators"
    );
    let e = refusal(&small().replace(r#"id = "vacancies_posted""#, r#"id = "vacancies_postd""#));
    assert!(e.path.starts_with("list_methodology[0].value.indicators[0]"), "{e}");
    assert!(e.reason.english.contains("vacancies_postd"), "{e}");
    assert_eq!(e.reason.code, "policy-name-unknown", "{e}");
    assert_eq!(e.reason.arg("value"), Some(&text("vacancies_postd")), "{e}");
    assert!(e.reason.arg("allowed").unwrap().to_string().starts_with("forecast_need, vacancies_posted, "));
    let e = refusal(&small().replace(r#"from = "2024-07-01""#, r#"from = "2022-07-01""#));
    assert_eq!(e.path, "sectors[1].from", "{e}");
    assert_eq!(
        said(&e),
        ("policy-version-order", vec![("date", &date("2022-07-01")), ("previous", &date("2023-01-01"))])
    );
    let e = refusal(&small().replace(r#"["25"]"#, r#"["99"]"#));
    assert!(e.path.starts_with("sectors[0].value"), "{e}");
    assert_eq!(said(&e), ("policy-not-a-group", vec![("code", &text("99"))]));
    let e = refusal(&small().replace("hard_to_fill_days = 30", "hard_to_fill_days = 30\nsurprise = 1"));
    assert!(e.reason.english.contains("surprise"), "{e}");
    assert_eq!(e.path, "list_methodology[0].value.surprise", "{e}");
    assert_eq!(
        (e.reason.code.as_str(), e.reason.arg("field")),
        ("policy-field-unknown", Some(&text("surprise")))
    );
    assert!(e.reason.arg("allowed").unwrap().to_string().contains("hard_to_fill_days"), "{e}");
    let e =
        refusal(&small().replace(
            r#"priority_sectors = ["information_technology"]"#,
            r#"priority_sectors = ["healthcare"]"#,
        ));
    assert_eq!(e.path, "list_methodology[0].value.priority_sectors", "{e}");
    assert_eq!(
        said(&e),
        ("policy-sector-not-in-map", vec![("sector", &text("healthcare")), ("date", &date("2023-01-01"))])
    );
    let e = refusal(&small().replace(r#"from = "2023-01-01""#, r#"from = "2023-13-01""#));
    assert!(e.path.contains("from"), "{e}");
    assert_eq!(said(&e), ("policy-form", vec![("value", &text("2023-13-01"))]), "{e}");
    let e = refusal("[meta\n");
    assert_eq!(e.path, "(file)");
    assert!(!e.has_key());
    assert_eq!(said(&e), ("policy-syntax", vec![("line", &count(1)), ("column", &count(6))]));
    assert!(e.reason.english.contains("expected `]`"), "the CLI keeps the parser's words: {e}");
}

#[test]
fn files_that_are_not_toml_of_the_policy_shape_are_refused_by_kind() {
    let e = refusal("[meta]\njurisdiction = \"KZ\"\nedition = 7\n");
    assert_eq!(e.path, "meta.edition");
    assert_eq!(
        said(&e),
        (
            "policy-type",
            vec![
                ("found", &Value::Word("policy-kind-integer".into())),
                ("expected", &Value::Word("policy-kind-string".into()))
            ]
        )
    );
    let e = refusal("[meta]\njurisdiction = \"KZ\"\n");
    assert_eq!(
        (e.path.as_str(), said(&e)),
        ("meta", ("policy-field-missing", vec![("field", &text("edition"))]))
    );
    let e = refusal("[meta]\njurisdiction = \"KZ\"\nedition = \"x\"\nedition = \"y\"\n");
    assert_eq!(said(&e), ("policy-syntax", vec![("line", &count(4)), ("column", &count(1))]), "{e}");
    let e = refusal("a = \"б\"\n\n  ]]\n");
    assert_eq!(said(&e), ("policy-syntax", vec![("line", &count(3)), ("column", &count(3))]), "{e}");
    let ok = small();
    let e = refusal(&ok.replace("min_vacancies = 1", "min_vacancies = [1]"));
    assert_eq!(e.reason.code, "policy-type", "{e}");
    assert_eq!(e.reason.arg("found"), Some(&Value::Word("policy-kind-array".into())));
    let e = refusal(&ok.replace("hard_to_fill_days = 30", "hard_to_fill_days = -3"));
    assert_eq!(said(&e), ("policy-form", vec![("value", &text("-3"))]), "{e}");
    let e = refusal(&ok.replace("inclusion = { k_of_n = { k = 1 } }", "inclusion = { k_of_m = { k = 1 } }"));
    assert_eq!(
        said(&e),
        (
            "policy-name-unknown",
            vec![("value", &text("k_of_m")), ("allowed", &text("k_of_n, composite, both"))]
        )
    );
    let e = Policy::parse_bytes(b"[meta]\njurisdiction = \"K\xffZ\"\n").unwrap_err();
    assert_eq!((e.path.as_str(), said(&e)), ("(file)", ("policy-not-utf8", vec![("line", &count(2))])));
}

#[test]
fn parameters_have_their_value_on_a_date() {
    use rust_decimal::Decimal;
    let p = Policy::kz().unwrap();
    let mci = |on: &str| p.parameter("mci", d(on)).unwrap().value;
    assert_eq!(mci("2023-06-01"), Decimal::from(3450));
    assert_eq!(mci("2024-01-01"), Decimal::from(3692));
    assert_eq!(mci("2025-12-31"), Decimal::from(3932));
    assert_eq!(mci("2026-11-21"), Decimal::from(4325));
    let v = p.parameter("pr_solvency_per_applicant", d("2026-11-21")).unwrap();
    assert_eq!((v.value, v.unit, v.basis.article.as_deref()), (Decimal::from(1320), Unit::Mci, Some("49")));
    // 1,320 MCI in tenge with the MCI in force: 1,320 × 4,325 in 2026, × 3,932 in 2025.
    let (kzt, used) = p.parameters.mci_to_kzt(v.value, d("2026-11-21")).unwrap();
    assert_eq!((kzt, used.from), (Decimal::from(5_709_000), d("2026-01-01")));
    assert_eq!(p.parameters.mci_to_kzt(v.value, d("2025-05-05")).unwrap().0, Decimal::from(5_190_240));
    assert_eq!(
        p.parameter("foreign_labour_quota", d("2024-06-01")).unwrap().value,
        "0.23".parse::<Decimal>().unwrap()
    );
    assert_eq!(p.parameter("investor_threshold", d("2025-01-01")).unwrap().unit, Unit::Usd);
    assert!(matches!(
        p.parameter("investor_threshold", d("2024-11-16")),
        Err(LookupError::NotYetInForce { .. })
    ));
    assert!(matches!(p.parameter("no_such_thing", d("2025-01-01")), Err(LookupError::Unknown(_))));
}

const PARAMS: &str = r#"
[parameters.mci]
description = "MCI"
unit = "KZT"
values = [
    { from = "2025-01-01", value = "3932", basis = { act = "A" } },
    { from = "2026-01-01", value = "4325", basis = { act = "B" } },
]
"#;

#[test]
fn bad_parameters_are_refused_with_their_path() {
    let ok = format!("{SMALL}{PARAMS}{}", programme_parts(false));
    assert!(Policy::parse(&ok).is_ok());
    let e = refusal(&ok.replace(r#"from = "2026-01-01""#, r#"from = "2024-01-01""#));
    assert_eq!(e.path, "parameters.mci.values[1].from", "{e}");
    assert_eq!(
        said(&e),
        ("policy-value-order", vec![("date", &date("2024-01-01")), ("previous", &date("2025-01-01"))])
    );
    let e = refusal(&ok.replace(r#"value = "4325""#, r#"value = "-4325""#));
    assert_eq!(e.path, "parameters.mci.values[1].value", "{e}");
    assert_eq!(said(&e), ("policy-negative", vec![("value", &Value::Number((-4325).into()))]));
    let e = refusal(&ok.replace(r#"value = "4325""#, r#"value = "four""#));
    assert!(e.path.starts_with("parameters.mci.values[1]"), "{e}");
    assert_eq!(said(&e), ("policy-form", vec![("value", &text("four"))]));
    let e = refusal(&ok.replace(r#"unit = "KZT""#, r#"unit = "RUB""#));
    assert!(e.path.contains("unit"), "{e}");
    assert_eq!((e.reason.code.as_str(), e.reason.arg("value")), ("policy-name-unknown", Some(&text("RUB"))));
    let e = refusal(&ok.replace("[parameters.mci]", "[parameters.MCI]"));
    assert_eq!(e.path, "parameters.MCI", "{e}");
    assert_eq!(said(&e), ("policy-parameter-name", vec![("name", &text("MCI"))]));
}

#[test]
fn bad_rules_grids_and_regional_values_are_refused_with_their_path() {
    let ok = small();
    assert!(Policy::parse(&ok).is_ok());
    let e = refusal(&ok.replace(r#""pr.exempt.kandas" = "#, r#""pr.exempt.kandaz" = "#));
    assert_eq!(e.path, "rules.pr.exempt.kandas", "{e}");
    assert!(e.reason.english.contains("no legal basis"), "{e}");
    assert_eq!(said(&e), ("policy-rule-no-basis", vec![("rule", &text("pr.exempt.kandas"))]));
    let e = refusal(&ok.replace(
        "[rules]\n",
        "[rules]\n\"pr.golden_visa\" = [{ from = \"2026-01-01\", basis = { act = \"X\" } }]\n",
    ));
    assert_eq!(e.path, "rules.\"pr.golden_visa\"", "{e}");
    assert_eq!(
        (e.reason.code.as_str(), e.reason.arg("rule")),
        ("policy-rule-unknown", Some(&text("pr.golden_visa")))
    );
    let e = refusal(&ok.replace("{ up_to = 10, points = 25 }", "{ up_to = 10, points = 26 }"));
    assert_eq!(e.path, "valuable_skills_points[0].value.factors[0].scoring.brackets[0]", "{e}");
    assert_eq!(said(&e), ("policy-points-cap", vec![("points", &count(26)), ("cap", &count(25))]));
    let e = refusal(&ok.replace("minimum = 60", "minimum = 101"));
    assert_eq!(e.path, "valuable_skills_points[0].value.minimum", "{e}");
    assert_eq!(e.reason.code, "policy-minimum-range");
    assert_eq!(e.reason.arg("minimum"), Some(&count(101)));
    let e = refusal(&ok.replace("{ doctorate = 20,", "{ phd = 20,"));
    assert_eq!(e.path, "valuable_skills_points[0].value.factors[1].scoring.levels.phd", "{e}");
    assert_eq!(
        said(&e),
        (
            "policy-level-unknown",
            vec![
                ("level", &text("phd")),
                ("levels", &text("none, secondary, vocational, bachelor, master, doctorate"))
            ]
        )
    );
    let e = refusal(&ok.replace(r#""KZ-79" = "400000""#, r#""KZ-99" = "400000""#));
    assert_eq!(e.path, "regional_parameters.housing_price_m2.values[0].by_region", "{e}");
    assert!(e.reason.english.contains("KZ-79"), "{e}");
    assert_eq!(
        said(&e),
        ("policy-region-missing", vec![("code", &text("KZ-79")), ("region", &Value::Region("KZ-79".into()))])
    );
    let e =
        refusal(&ok.replace(r#"value = ["21", "22", "23", "25", "31", "72"]"#, r#"value = ["21", "9999"]"#));
    assert_eq!(e.path, "simplified_citizenship_occupations[0].value[1]", "{e}");
    assert_eq!(said(&e), ("policy-not-a-group", vec![("code", &text("9999"))]));
    let e = refusal(&ok.replace("[parameters.ata_zholy_validity]", "[parameters.ata_zholy_validity_old]"));
    assert_eq!(e.path, "parameters.ata_zholy_validity", "{e}");
    assert_eq!(said(&e), ("policy-parameter-required", vec![("name", &text("ata_zholy_validity"))]));
}

#[test]
fn a_rule_repealed_from_a_date_applies_until_then() {
    let p = Policy::parse(&small().replace(
        r#"en = "exemption: kandas" } } }]"#,
        r#"en = "exemption: kandas" } } }, { from = "2027-01-01", applies = false, basis = { act = "Draft" } }]"#,
    ))
    .unwrap();
    assert!(p.rules.on("pr.exempt.kandas", d("2026-12-31")).unwrap().applies);
    assert!(!p.rules.on("pr.exempt.kandas", d("2027-01-01")).unwrap().applies);
    assert!(p.rules.on("pr.exempt.kandas", d("2022-12-31")).is_none());
}

#[test]
fn nationalities_fall_into_the_groups_in_force() {
    let p = Policy::kz().unwrap();
    let on = d("2026-11-21");
    assert_eq!(p.stay_group("KAZ", on), Group::Citizen);
    assert_eq!(p.stay_group("rus", on), Group::Eaeu);
    assert_eq!(p.stay_group(" USA ", on), Group::VisaFree);
    assert_eq!(p.stay_group("TUR", on), Group::VisaFree);
    assert_eq!(p.stay_group("AFG", on), Group::VisaRequired);
    for refugee_or_stateless in ["XXA", "XXB", "XXC"] {
        assert_eq!(p.stay_group(refugee_or_stateless, on), Group::VisaRequired);
    }
    assert_eq!(p.stay_group("ZZZ", on), Group::VisaRequired);
    // China joined on 10 November 2023.
    assert_eq!(p.stay_group("CHN", d("2023-11-09")), Group::VisaRequired);
    assert_eq!(p.stay_group("CHN", d("2023-11-10")), Group::VisaFree);
    // Before the first version no exemption is known.
    assert!(p.stay_groups_on(d("2022-12-31")).is_none());
    assert_eq!(p.stay_group("USA", d("2022-12-31")), Group::VisaRequired);
    assert_eq!(p.stay_group("KAZ", d("2022-12-31")), Group::Citizen);
    // The EAEU group is the other members of the union, as data/countries.csv marks them.
    let mut members: Vec<&str> = crate::country::all()
        .iter()
        .filter(|c| c.eaeu && c.alpha3 != "KAZ")
        .map(|c| c.alpha3.as_str())
        .collect();
    members.sort_unstable();
    for v in &p.stay_groups {
        assert_eq!(v.value.eaeu, members, "from {}", v.from);
    }
}

#[test]
fn working_days_skip_weekends_holidays_and_the_days_off_moved_from_them() {
    let p = Policy::kz().unwrap();
    // Friday 20 November 2026 + 1 working day: Monday 23 November.
    assert_eq!(p.add_working_days(d("2026-11-20"), 1), d("2026-11-23"));
    assert_eq!(p.add_working_days(d("2026-11-20"), 0), d("2026-11-20"));
    // Nauryz 2026: Saturday 21 – Monday 23 March, with 24 and 25 March off for the weekend days.
    assert_eq!(p.add_working_days(d("2026-03-20"), 1), d("2026-03-26"));
    assert_eq!(p.add_working_days(d("2026-03-19"), 3), d("2026-03-27"));
    assert!(!p.is_working_day(d("2026-03-25")));
    assert!(p.is_working_day(d("2026-03-26")));
    // Kurban ait 2026 (Wednesday 27 May) and Christmas on a Saturday (7 January 2023, not moved).
    assert!(!p.is_working_day(d("2026-05-27")));
    assert!(p.is_working_day(d("2023-01-09")));
    assert!(!p.is_working_day(d("2023-01-03")), "1 January 2023 was a Sunday: the 3rd is off");
    // After the list ends, only weekends.
    assert!(p.is_working_day(d("2028-03-21")));
    assert_eq!(p.working_days_after(d("2026-03-20"), d("2026-03-27")), 2);
    assert_eq!(p.working_days_after(d("2026-03-27"), d("2026-03-20")), 0);
}

#[test]
fn bad_groups_and_holidays_are_refused_with_their_path() {
    let ok = small();
    let e = refusal(&ok.replacen(r#"eaeu = ["ARM", "#, r#"eaeu = ["ARX", "#, 1));
    assert_eq!(e.path, "stay_groups[0].value.eaeu[0]", "{e}");
    assert_eq!(said(&e), ("policy-nationality-unknown", vec![("code", &text("ARX"))]));
    let e = refusal(&ok.replacen(r#"eaeu = ["ARM", "#, r#"eaeu = ["KAZ", "#, 1));
    assert_eq!(e.path, "stay_groups[0].value.eaeu[0]", "{e}");
    assert_eq!(said(&e), ("policy-nationality-citizens", vec![("code", &text("KAZ"))]));
    let e = refusal(&ok.replacen(r#""AND", "ARE""#, r#""ARM", "ARE""#, 1));
    assert_eq!(e.path, "stay_groups[0].value.visa_free[0]", "{e}");
    assert!(e.reason.english.contains("eaeu[0]"), "{e}");
    assert_eq!(
        said(&e),
        ("policy-nationality-twice", vec![("code", &text("ARM")), ("first", &text("eaeu[0]"))])
    );
    let e = refusal(&ok.replacen(r#"from = "2023-11-10""#, r#"from = "2022-11-10""#, 1));
    assert_eq!(e.path, "stay_groups[1].from", "{e}");
    assert_eq!(e.reason.code, "policy-version-order");
    let e = refusal(&ok.replacen(r#""2026-01-02", "2026-01-07""#, r#""2026-01-07", "2026-01-02""#, 1));
    assert!(e.path.starts_with("holidays.days["), "{e}");
    assert_eq!(
        said(&e),
        ("policy-holiday-order", vec![("date", &date("2026-01-02")), ("previous", &date("2026-01-07"))])
    );
    let e = refusal(&ok.replacen(r#""2026-01-02", "2026-01-07""#, r#""2026-01-02", "2026-01-02""#, 1));
    assert!(e.path.starts_with("holidays.days["), "{e}");
    assert_eq!(e.reason.code, "policy-holiday-order");
    let e = refusal(&ok.replacen(r#""2027-12-16","#, r#""2028-12-16","#, 1));
    assert!(e.path.starts_with("holidays.days["), "{e}");
    assert_eq!(
        (e.reason.code.as_str(), e.reason.arg("date")),
        ("policy-holiday-outside", Some(&date("2028-12-16")))
    );
    let e = refusal(&ok.replacen("working_days = []", r#"working_days = ["2026-11-18"]"#, 1));
    assert_eq!(e.path, "holidays.working_days[0]", "{e}");
    assert_eq!(said(&e), ("policy-working-weekday", vec![("date", &date("2026-11-18"))]));
    let e = refusal(&ok.replacen(r#""2026-01-02", "2026-01-07""#, r#""2026-01-02", "2026-13-07""#, 1));
    assert!(e.path.starts_with("holidays.days"), "{e}");
    let with_working_saturday = ok.replacen("working_days = []", r#"working_days = ["2026-11-21"]"#, 1);
    let p = Policy::parse(&with_working_saturday).unwrap();
    assert!(p.is_working_day(d("2026-11-21")));
}
