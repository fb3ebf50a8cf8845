//! Properties of the five programmes' rules over generated applications (dates within
//! 2025-01-01..2026-12-31, amounts whole numbers): decisions are deterministic and survive a
//! JSON round trip of the facts; more money never makes a permanent-residence applicant less
//! solvent nor an investor less eligible; the points never exceed the grid's caps; a kandas is
//! never refused for solvency.

use ashyq_core::labour::published::{PublishedList, PublishedLists};
use ashyq_core::occupation::OccupationCode;
use ashyq_core::policy::Policy;
use ashyq_core::rates::{Currency, Rate, RateTable};
use ashyq_core::rules::ata_zholy::{AtaZholyFacts, BusinessAbroad};
use ashyq_core::rules::investor::{Investment, InvestmentKind, InvestorFacts};
use ashyq_core::rules::permanent_residence::{
    Applicant, FamilyMember, Funds, Housing, IssuedPermit, PermanentResidenceFacts, Relation,
};
use ashyq_core::rules::refugee::{Ground, RefugeeFacts};
use ashyq_core::rules::valuable_skills::{
    Education, LanguageSkill, Level, TrainingPlan, ValuableSkillsFacts,
};
use ashyq_core::rules::{Arg, CheckResult, Context, Decision, Facts, Outcome, evaluate, explain};
use jiff::ToSpan;
use jiff::civil::{Date, date};
use proptest::prelude::*;
use proptest::sample::select;
use rust_decimal::Decimal;
use std::sync::LazyLock;

static POLICY: LazyLock<Policy> = LazyLock::new(|| Policy::kz().expect("the shipped policy loads"));

fn code(s: &str) -> OccupationCode {
    OccupationCode::parse(s).expect("a valid code")
}

/// Two lists: one in force through 2025, one from 2026-03-02 that adds occupations.
static LISTS: LazyLock<PublishedLists> = LazyLock::new(|| {
    PublishedLists(vec![
        PublishedList::new(
            1,
            2024,
            date(2025, 3, 3),
            jiff::Timestamp::from_second(1).unwrap(),
            None,
            vec![code("2211"), code("2512")],
            vec![(code("2211"), 4), (code("2512"), 14), (code("2631"), 40), (code("2131"), 60)],
        ),
        PublishedList::new(
            2,
            2025,
            date(2026, 3, 2),
            jiff::Timestamp::from_second(2).unwrap(),
            Some("No. 12".into()),
            vec![code("2211"), code("2212"), code("2512"), code("2631")],
            vec![
                (code("2211"), 2),
                (code("2212"), 9),
                (code("2512"), 11),
                (code("2631"), 26),
                (code("2131"), 51),
            ],
        ),
    ])
});

/// US dollar and euro rates for every day from 2024-12-01 to 2026-12-31.
static RATES: LazyLock<RateTable> = LazyLock::new(|| {
    let usd = Currency::USD;
    let eur = Currency::parse("EUR").expect("EUR");
    let mut rates = Vec::new();
    let mut d = date(2024, 12, 1);
    let mut n: i64 = 0;
    while d <= date(2026, 12, 31) {
        rates.push(Rate { currency: usd, date: d, kzt_per_unit: Decimal::new(45_000 + (n * 37) % 9_000, 2) });
        rates.push(Rate { currency: eur, date: d, kzt_per_unit: Decimal::new(50_000 + (n * 53) % 9_500, 2) });
        d = d.tomorrow().expect("a date");
        n += 1;
    }
    RateTable::new(rates).expect("one rate a day")
});

fn ctx() -> Context<'static> {
    Context { policy: &POLICY, lists: &LISTS, rates: &RATES }
}

// ----- Strategies --------------------------------------------------------------------------

const OCCUPATIONS: [&str; 9] = ["2211", "2212-2", "2512", "2511-1", "2631", "2131", "2413", "7212", "5120"];
const REGIONS: [&str; 20] = [
    "KZ-10", "KZ-11", "KZ-15", "KZ-19", "KZ-23", "KZ-27", "KZ-31", "KZ-33", "KZ-35", "KZ-39", "KZ-43",
    "KZ-47", "KZ-55", "KZ-59", "KZ-61", "KZ-62", "KZ-63", "KZ-71", "KZ-75", "KZ-79",
];
const BINS: [&str; 3] = ["180340012346", "190540020079", "210240033333"];

fn plus(d: Date, days: i64) -> Date {
    d.checked_add(days.days()).expect("a date in range")
}

/// An application date within 2025-01-01..2026-12-31.
fn on_date() -> impl Strategy<Value = Date> {
    (0i64..730).prop_map(|n| plus(date(2025, 1, 1), n))
}

/// A birth date from 1940 up to (not after) `on`.
fn birth(on: Date) -> impl Strategy<Value = Date> {
    (0i64..32_000).prop_map(move |n| plus(date(1940, 1, 1), n).min(on))
}

fn kzt(max: i64) -> impl Strategy<Value = Decimal> {
    (0i64..max).prop_map(Decimal::from)
}

fn occupation() -> impl Strategy<Value = Option<OccupationCode>> {
    proptest::option::weighted(0.8, select(OCCUPATIONS.to_vec()).prop_map(code))
}

fn funds(on: Date) -> impl Strategy<Value = Funds> {
    (kzt(12_000_000), proptest::bool::weighted(0.85), -3i64..200).prop_map(
        move |(amount_kzt, kazakh_bank, age)| Funds { amount_kzt, kazakh_bank, certified_on: plus(on, -age) },
    )
}

fn family_member(on: Date) -> impl Strategy<Value = FamilyMember> {
    (
        select(vec![Relation::Spouse, Relation::Child, Relation::Parent, Relation::Other]),
        birth(on),
        proptest::option::weighted(0.7, funds(on)),
    )
        .prop_map(|(relation, birth_date, funds)| FamilyMember { relation, birth_date, funds })
}

/// Permanent-residence facts; `kandas` fixes whether the applicant is an ethnic Kazakh.
fn pr_facts(on: Date, kandas: Option<bool>) -> impl Strategy<Value = PermanentResidenceFacts> {
    let applicant = (
        birth(on),
        -30i64..4_000,
        occupation(),
        kandas.map_or_else(|| proptest::bool::weighted(0.2).boxed(), |k| Just(k).boxed()),
        proptest::bool::weighted(0.1),
        proptest::bool::weighted(0.1),
        proptest::bool::weighted(0.1),
        proptest::option::weighted(0.85, funds(on)),
    )
        .prop_map(
            move |(
                birth_date,
                passport,
                occupation,
                ethnic_kazakh,
                former_citizen,
                simplified_citizenship,
                criminal_record,
                funds,
            )| Applicant {
                birth_date,
                passport_expiry: plus(on, passport),
                occupation,
                ethnic_kazakh,
                former_citizen,
                simplified_citizenship,
                criminal_record,
                funds,
            },
        );
    (
        applicant,
        proptest::collection::vec(family_member(on), 0..4),
        select(REGIONS.to_vec()),
        any::<bool>(),
        proptest::option::weighted(0.7, kzt(60_000_000)),
        proptest::option::weighted(0.2, 0i64..700),
    )
        .prop_map(|(applicant, family, region, by_contract, housing_funds, permit)| {
            PermanentResidenceFacts {
                applicant,
                family,
                region: region.to_string(),
                housing: Housing { provided_by_contract: by_contract, funds_kzt: housing_funds },
                issued_permit: permit.map(|n| IssuedPermit {
                    number: format!("PR-{n:06}"),
                    issued_on: plus(date(2023, 1, 1), n),
                }),
            }
        })
}

fn vs_facts(on: Date) -> impl Strategy<Value = ValuableSkillsFacts> {
    let level = select(vec![Level::A1, Level::A2, Level::B1, Level::B2, Level::C1, Level::C2]);
    let languages = proptest::collection::vec(proptest::option::of(level), 6).prop_map(|levels| {
        ["kk", "ru", "en", "de", "zh", "tr"]
            .into_iter()
            .zip(levels)
            .filter_map(|(l, level)| level.map(|level| LanguageSkill { language: l.to_string(), level }))
            .collect::<Vec<_>>()
    });
    (
        (birth(on), -30i64..4_000, select(OCCUPATIONS.to_vec()), 0u32..=80),
        select(vec![
            Education::None,
            Education::Secondary,
            Education::Vocational,
            Education::Bachelor,
            Education::Master,
            Education::Doctorate,
        ]),
        languages,
        (
            prop_oneof![0u32..20, any::<u32>()],
            prop_oneof![0u32..10, any::<u32>()],
            prop_oneof![0u32..10, any::<u32>()],
        ),
        any::<bool>(),
        proptest::option::weighted(0.8, 0u32..6),
        proptest::bool::weighted(0.1),
    )
        .prop_map(
            move |(
                (birth_date, passport, occupation, experience_years),
                education,
                languages,
                (publications, patents, awards),
                job_offer,
                trainees,
                criminal_record,
            )| ValuableSkillsFacts {
                birth_date,
                passport_expiry: plus(on, passport),
                occupation: code(occupation),
                education,
                experience_years,
                languages,
                publications,
                patents,
                awards,
                job_offer,
                training_plan: trainees.map(|t| TrainingPlan { trainees_per_year: t }),
                criminal_record,
            },
        )
}

fn investment() -> impl Strategy<Value = Investment> {
    (
        select(vec![InvestmentKind::CharterCapital, InvestmentKind::Securities]),
        proptest::option::weighted(0.85, select(BINS.to_vec())),
        select(vec!["USD", "KZT", "EUR"]),
        0i64..730,
        1i64..1_000,
    )
        .prop_map(|(kind, bin, currency, day, thousands)| {
            // Amounts of the order of the threshold in each currency.
            let scale = if currency == "KZT" { 200_000 } else { 400 };
            Investment {
                kind,
                recipient: format!("Company {}", bin.unwrap_or("abroad")),
                bin: bin.map(str::to_string),
                amount: Decimal::from(thousands * scale),
                currency: Currency::parse(currency).expect("a currency"),
                date: plus(date(2025, 1, 1), day),
            }
        })
}

fn investor_facts(on: Date) -> impl Strategy<Value = InvestorFacts> {
    (-30i64..4_000, proptest::bool::weighted(0.1), proptest::collection::vec(investment(), 0..4)).prop_map(
        move |(passport, criminal_record, investments)| InvestorFacts {
            passport_expiry: plus(on, passport),
            criminal_record,
            investments,
        },
    )
}

fn az_facts(on: Date) -> impl Strategy<Value = AtaZholyFacts> {
    let countries = vec!["MNG", "CHN", "UZB", "RUS", "TUR", "KAZ"];
    let business = (select(countries.clone()), -400i64..30).prop_map(move |(country, days)| BusinessAbroad {
        name: "Altai Trade LLC".into(),
        country: country.into(),
        registered_on: plus(on, -days),
    });
    (
        proptest::bool::weighted(0.85),
        select(countries),
        -30i64..4_000,
        occupation(),
        proptest::option::weighted(0.4, business),
        proptest::bool::weighted(0.1),
    )
        .prop_map(
            move |(ethnic_kazakh, country, passport, occupation, business_abroad, criminal_record)| {
                AtaZholyFacts {
                    ethnic_kazakh,
                    country_of_residence: country.into(),
                    passport_expiry: plus(on, passport),
                    occupation,
                    business_abroad,
                    criminal_record,
                }
            },
        )
}

fn refugee_facts(on: Date) -> impl Strategy<Value = RefugeeFacts> {
    let all = vec![
        Ground::Race,
        Ground::Religion,
        Ground::Nationality,
        Ground::SocialGroup,
        Ground::PoliticalOpinion,
    ];
    (
        0i64..40,
        proptest::sample::subsequence(all, 0..=5),
        proptest::option::of(select(vec!["", "   ", "Hospitalised on arrival"])),
        proptest::bool::weighted(0.1),
    )
        .prop_map(move |(days, grounds, reason, exclusion_grounds)| RefugeeFacts {
            arrival_date: plus(on, -days),
            grounds,
            delay_reason: reason.map(str::to_string),
            exclusion_grounds,
        })
}

/// Any programme's facts with their application date.
fn any_application() -> impl Strategy<Value = (Facts, Date)> {
    on_date().prop_flat_map(|on| {
        prop_oneof![
            pr_facts(on, None).prop_map(Facts::PermanentResidence),
            vs_facts(on).prop_map(Facts::ValuableSkillsVisa),
            investor_facts(on).prop_map(Facts::InvestorVisa),
            az_facts(on).prop_map(Facts::AtaZholy),
            refugee_facts(on).prop_map(Facts::Refugee),
        ]
        .prop_map(move |f| (f, on))
    })
}

// ----- Helpers -------------------------------------------------------------------------------

/// A decision as served (explained), or its error's text.
fn served(facts: &Facts, on: Date) -> Result<serde_json::Value, String> {
    let d = evaluate(facts, on, &ctx()).map_err(|e| e.to_string())?;
    Ok(serde_json::to_value(explain::explained(&d)).expect("a decision serialises"))
}

fn decide(facts: &Facts, on: Date) -> Decision<'static> {
    evaluate(facts, on, &ctx()).unwrap_or_else(|e| panic!("no decision: {e}\n{facts:#?}"))
}

fn count(d: &ashyq_core::rules::Check<'_>, name: &str) -> i64 {
    match d.value(name) {
        Some(Arg::Count(n)) => *n,
        other => panic!("{} has no count `{name}`: {other:?}", d.rule),
    }
}

fn money(d: &Decision<'_>, rule: &str, name: &str) -> Decimal {
    match d.check(rule).and_then(|c| c.value(name)) {
        Some(Arg::Money(amount, _)) => *amount,
        other => panic!("{rule} has no amount `{name}`: {other:?}"),
    }
}

const SOLVENCY: [&str; 3] = ["pr.solvency.applicant", "pr.solvency.family", "pr.housing"];

/// The facts with more money in one place: the applicant's account, a family member's, or
/// the funds for housing (none becoming some).
fn richer(
    f: &PermanentResidenceFacts,
    which: usize,
    member: prop::sample::Index,
    more: Decimal,
) -> PermanentResidenceFacts {
    let mut g = f.clone();
    match which {
        0 => {
            if let Some(funds) = g.applicant.funds.as_mut() {
                funds.amount_kzt += more;
            }
        }
        1 => {
            if !g.family.is_empty() {
                let i = member.index(g.family.len());
                if let Some(funds) = g.family[i].funds.as_mut() {
                    funds.amount_kzt += more;
                }
            }
        }
        _ => g.housing.funds_kzt = Some(g.housing.funds_kzt.unwrap_or(Decimal::ZERO) + more),
    }
    g
}

// ----- Properties ---------------------------------------------------------------------------

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// (a) The same facts decide the same way twice, and again after a JSON round trip.
    #[test]
    fn decisions_are_deterministic_and_survive_a_json_round_trip((facts, on) in any_application()) {
        let first = served(&facts, on);
        let second = served(&facts, on);
        prop_assert_eq!(&first, &second);
        let text = serde_json::to_string(&facts).expect("facts serialise");
        let back = Facts::from_json(facts.programme(), &text);
        prop_assert!(back.is_ok(), "{text} does not read back: {:?}", back.err());
        let back = back.expect("checked");
        prop_assert_eq!(&back, &facts);
        prop_assert_eq!(&served(&back, on), &first);
    }

    /// (b) More money never turns an eligible applicant ineligible nor fails a solvency check
    /// that passed; what fails after is a subset of what failed before.
    #[test]
    fn a_richer_applicant_is_never_less_solvent(
        (f, on) in on_date().prop_flat_map(|on| (pr_facts(on, None), Just(on))),
        which in 0usize..3,
        member in any::<prop::sample::Index>(),
        more in (1i64..20_000_000).prop_map(Decimal::from),
    ) {
        let g = richer(&f, which, member, more);
        let before = decide(&Facts::PermanentResidence(f), on);
        let after = decide(&Facts::PermanentResidence(g), on);
        if before.outcome == Outcome::Eligible {
            prop_assert_eq!(after.outcome, Outcome::Eligible);
        }
        for rule in SOLVENCY {
            let was = before.check(rule).map(|c| c.result);
            if was == Some(CheckResult::Passed) {
                prop_assert_eq!(after.check(rule).map(|c| c.result), was, "{} no longer passes", rule);
            }
        }
        let failing_before = before.failing_rules();
        for rule in after.failing_rules() {
            prop_assert!(failing_before.contains(&rule), "{} fails only with more money", rule);
        }
    }

    /// (c) Investing more in any investment never turns an eligible investor ineligible, and
    /// the total counted never goes down.
    #[test]
    fn investing_more_is_never_worse(
        (f, on) in on_date().prop_flat_map(|on| (investor_facts(on), Just(on))),
        which in any::<prop::sample::Index>(),
        more in (1i64..100_000_000).prop_map(Decimal::from),
    ) {
        prop_assume!(!f.investments.is_empty());
        let mut g = f.clone();
        let i = which.index(g.investments.len());
        g.investments[i].amount += more;
        let before = decide(&Facts::InvestorVisa(f), on);
        let after = decide(&Facts::InvestorVisa(g), on);
        if before.outcome == Outcome::Eligible {
            prop_assert_eq!(after.outcome, Outcome::Eligible);
        }
        prop_assert!(
            money(&after, "inv.threshold", "total") >= money(&before, "inv.threshold", "total")
        );
    }

    /// (d) No factor gives more than its cap, and the total never exceeds the grid's maximum
    /// (nor differs from the sum of the factors).
    #[test]
    fn points_never_exceed_the_caps((f, on) in on_date().prop_flat_map(|on| (vs_facts(on), Just(on)))) {
        let grid = &POLICY.points_on(on).expect("a grid in force").value;
        let d = decide(&Facts::ValuableSkillsVisa(f), on);
        let points = d.check("vs.points").expect("the points are checked");
        let score = count(points, "score");
        prop_assert_eq!(count(points, "maximum"), i64::from(grid.maximum()));
        prop_assert!(score <= i64::from(grid.maximum()), "score {} above {}", score, grid.maximum());
        let mut sum = 0;
        let mut seen = 0;
        for c in d.checks.iter().filter(|c| c.rule == "vs.points.factor") {
            let factor = grid.factors.iter().find(|g| g.id.as_str() == c.note);
            prop_assert!(factor.is_some(), "no factor {}", c.note);
            let cap = i64::from(factor.expect("checked").cap);
            let p = count(c, "points");
            prop_assert!((0..=cap).contains(&p), "{} gives {} points, cap {}", c.note, p, cap);
            prop_assert_eq!(count(c, "cap"), cap);
            sum += p;
            seen += 1;
        }
        prop_assert_eq!(seen, grid.factors.len());
        prop_assert_eq!(sum, score);
    }

    /// (e) An ethnic Kazakh (kandas) is never refused for solvency or housing: nothing but the
    /// passport can refuse.
    #[test]
    fn a_kandas_is_never_refused_for_solvency(
        (f, on) in on_date().prop_flat_map(|on| (pr_facts(on, Some(true)), Just(on))),
    ) {
        let d = decide(&Facts::PermanentResidence(f), on);
        for rule in d.failing_rules() {
            prop_assert!(!SOLVENCY.contains(&rule), "a kandas is refused on {}", rule);
            prop_assert_eq!(rule, "pr.passport");
        }
        prop_assert_eq!(d.check("pr.exempt.kandas").map(|c| c.result), Some(CheckResult::Passed));
    }
}
