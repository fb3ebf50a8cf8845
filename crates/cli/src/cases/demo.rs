//! The demo's cases: two regional officers and a few applicant accounts, and about thirty cases
//! of the five programmes in every state — drafts, submitted, information requested, refused,
//! withdrawn, valuable-skills cases ranked in an invitation round, approved ones with their
//! permits, a permanent-residence approval awaiting the second officer — all made through the
//! store's own moves, so history, audit, quotas and the register of movements agree. Two
//! permits are there for the annual re-check: a permanent residence granted on a bank
//! certificate now too old (`ashyq cases recheck` says cancel) and a valuable-skills visa with
//! a training report overdue (review). The officers' reasons, the applicants' words, account
//! names and invented companies come from `demo.ftl` in the chosen language (`demo_text`).

use crate::demo_text::DemoText;
use ashyq_core::Role;
use ashyq_core::cases::Holder;
use ashyq_core::cases::decision::OfficerAction;
use ashyq_core::cases::evidence::{MAX_EVIDENCE_BYTES, describe};
use ashyq_core::cases::evidence_file::sample_pdf;
use ashyq_core::labour::published::PublishedLists;
use ashyq_core::policy::Policy;
use ashyq_core::rates::RateTable;
use ashyq_core::rules::{Context, Programme};
use ashyq_store::cases::evaluate::{self, Evaluated};
use ashyq_store::cases::moves::{self, NewCase};
use ashyq_store::cases::{Viewer, evidence, read, rounds};
use ashyq_store::users::{self, NewUser};
use ashyq_store::{Actor, Db, StoreError};
use jiff::ToSpan;
use jiff::civil::Date;
use serde_json::{Value, json};
use std::path::Path;

/// The accounts the demo's cases belong to and are decided by: the message of an officer's
/// name, or the number of an applicant's.
const ACCOUNTS: [(&str, Role, Option<&str>, &str); 6] = [
    ("officer.almaty", Role::Officer, Some("KZ-75"), "demo-account-officer-almaty"),
    ("officer.astana", Role::Officer, Some("KZ-71"), "demo-account-officer-astana"),
    ("applicant1", Role::Applicant, None, "1"),
    ("applicant2", Role::Applicant, None, "2"),
    ("applicant3", Role::Applicant, None, "3"),
    ("applicant4", Role::Applicant, None, "4"),
];

struct Demo<'a> {
    db: &'a Db,
    policy: &'a Policy,
    text: &'a DemoText,
    lists: PublishedLists,
    rates: RateTable,
    today: Date,
    seq: u32,
}

/// Someone acting: the actor and, for an applicant, the account id.
#[derive(Clone)]
struct Who {
    actor: Actor,
    viewer: Viewer,
}

fn who(username: &str, user_id: Option<i64>, role: Role, region: Option<&str>) -> Who {
    let actor = Actor { user_id, username: username.into(), role, request_id: "demo-cases".into() };
    let viewer = match role {
        Role::Applicant => Viewer::Applicant(user_id.unwrap_or_default()),
        _ => Viewer::Officer(region.map(str::to_string)),
    };
    Who { actor, viewer }
}

fn err(e: StoreError) -> anyhow::Error {
    anyhow::anyhow!("demo cases: {e}")
}

impl Demo<'_> {
    fn days(&self, n: i64) -> Date {
        self.today.checked_add(n.days()).unwrap_or(self.today)
    }

    fn eval(&self, programme: Programme, facts: &Value, on: Date) -> anyhow::Result<Evaluated> {
        let ctx = Context { policy: self.policy, lists: &self.lists, rates: &self.rates };
        evaluate::run(&ctx, programme, facts, on).map_err(err)
    }

    fn holder(&mut self, surname: &str, given: &str, sex: &str, nationality: &str, born: Date) -> Holder {
        self.seq += 1;
        Holder {
            surname: surname.into(),
            given_names: given.into(),
            birth_date: born,
            sex: sex.into(),
            nationality: nationality.into(),
            passport_number: format!("DM{:07}", 4_100_000 + self.seq),
            passport_expiry: self.days(7 * 365),
        }
    }

    /// A draft case, with a passport scan attached.
    #[allow(clippy::too_many_arguments)]
    async fn draft(
        &mut self,
        applicant: &Who,
        reference: &str,
        programme: Programme,
        region: &str,
        holder: Holder,
        facts: Value,
        on: Date,
    ) -> anyhow::Result<i64> {
        let ev = self.eval(programme, &facts, on)?;
        // The passport of the holder is the one the facts speak of.
        let mut holder = holder;
        for base in ["", "/applicant"] {
            let date =
                |key: &str| facts.pointer(&format!("{base}/{key}")).and_then(Value::as_str)?.parse().ok();
            if let Some(d) = date("passport_expiry") {
                holder.passport_expiry = d;
            }
            if let Some(d) = date("birth_date") {
                holder.birth_date = d;
            }
        }
        let new = NewCase { reference: reference.into(), programme, region: region.into(), holder, facts };
        let (id, _) = moves::create(self.db, &applicant.actor, applicant_id(applicant), &new, &ev)
            .await
            .map_err(err)?;
        let described = describe(
            "passport",
            &new.holder.passport_number,
            &self.text.t("demo-passport-issuer"),
            self.days(-700),
            self.today,
        )
        .map_err(|e| anyhow::anyhow!("demo evidence: {e}"))?;
        evidence::add(
            self.db,
            &applicant.actor,
            &applicant.viewer,
            id,
            &described,
            "passport.pdf",
            // A one-page PDF naming the passport, the demo's evidence.
            sample_pdf(&format!("Passport {} (demo)", new.holder.passport_number)),
            MAX_EVIDENCE_BYTES,
        )
        .await
        .map_err(err)?;
        Ok(id)
    }

    async fn submit(&self, applicant: &Who, id: i64, on: Date) -> anyhow::Result<()> {
        let case = read::get(self.db, &applicant.actor, &applicant.viewer, id).await.map_err(err)?;
        let ev = self.eval(case.programme, &case.facts, on)?;
        moves::submit(self.db, &applicant.actor, &applicant.viewer, id, &ev).await.map_err(err)?;
        Ok(())
    }

    async fn decide(
        &self,
        officer: &Who,
        id: i64,
        action: OfficerAction,
        reason: &str,
        on: Date,
    ) -> anyhow::Result<()> {
        let case = read::get(self.db, &officer.actor, &officer.viewer, id).await.map_err(err)?;
        let ev = self.eval(case.programme, &case.facts, on)?;
        moves::decide(
            self.db,
            &officer.actor,
            &officer.viewer,
            self.policy,
            id,
            action,
            reason,
            &ev,
            self.today,
        )
        .await
        .map_err(err)?;
        Ok(())
    }

    async fn confirm(&self, officer: &Who, id: i64, on: Date) -> anyhow::Result<()> {
        let case = read::get(self.db, &officer.actor, &officer.viewer, id).await.map_err(err)?;
        let ev = self.eval(case.programme, &case.facts, on)?;
        moves::confirm(
            self.db,
            &officer.actor,
            &officer.viewer,
            self.policy,
            id,
            &self.text.t("demo-reason-confirmed"),
            &ev,
            self.today,
        )
        .await
        .map_err(err)?;
        Ok(())
    }
}

fn applicant_id(w: &Who) -> i64 {
    match w.viewer {
        Viewer::Applicant(id) => id,
        _ => 0,
    }
}

fn pr_facts(region: &str, born: Date, passport: Date, funds: Option<(&str, Date)>, contract: bool) -> Value {
    json!({
        "applicant": {
            "birth_date": born, "passport_expiry": passport, "occupation": null,
            "ethnic_kazakh": false, "former_citizen": false, "simplified_citizenship": false,
            "criminal_record": false,
            "funds": funds.map(|(a, on)| json!({ "amount_kzt": a, "kazakh_bank": true, "certified_on": on })),
        },
        "family": [],
        "region": region,
        "housing": { "provided_by_contract": contract, "funds_kzt": if contract { Value::Null } else { json!("60000000") } },
    })
}

#[allow(clippy::too_many_arguments)]
fn vs_facts(
    born: Date,
    passport: Date,
    occupation: &str,
    education: &str,
    years: u32,
    (publications, patents, awards): (u32, u32, u32),
    trainees: Option<u32>,
) -> Value {
    json!({
        "birth_date": born, "passport_expiry": passport, "occupation": occupation, "education": education,
        "experience_years": years,
        "languages": [ { "language": "en", "level": "C1" }, { "language": "ru", "level": "B2" } ],
        "publications": publications, "patents": patents, "awards": awards, "job_offer": true,
        "training_plan": trainees.map(|n| json!({ "trainees_per_year": n })),
        "criminal_record": false,
    })
}

/// Makes the accounts and cases unless `applicant1` exists already. Returns what it did.
pub async fn load(db: &Db, policy: &Policy, dir: &Path, text: &DemoText) -> anyhow::Result<Option<String>> {
    if users::by_username(db, "applicant1").await.is_ok() {
        return Ok(None);
    }
    // The investor visa converts at the official rates: the illustrative ones when there are none.
    crate::demo_data::load_rates(db, dir).await?;
    let (lists, rates) = crate::eval::world_of(db).await?;
    let mut d = Demo { db, policy, text, lists, rates, today: ashyq_store::today(), seq: 0 };
    let t = d.today;
    let cli = Actor::cli();
    let mut logins = Vec::new();
    let mut ids = std::collections::HashMap::new();
    for (username, role, region, name) in ACCOUNTS {
        let password = crate::accounts::generate_password();
        let display_name = match role {
            Role::Applicant => text.args("demo-account-case-applicant", &[("number", name)]),
            _ => text.t(name),
        };
        let new = NewUser {
            username: username.into(),
            display_name,
            role,
            region: region.map(Into::into),
            password: password.clone(),
        };
        let user = users::create(db, &cli, new).await.map_err(err)?;
        ids.insert(username, user.id);
        logins.push(format!("  {username:<18} {:<12} {password}", role.as_str()));
    }
    let almaty = who("officer.almaty", ids.get("officer.almaty").copied(), Role::Officer, Some("KZ-75"));
    let astana = who("officer.astana", ids.get("officer.astana").copied(), Role::Officer, Some("KZ-71"));
    // The README's officer of Almaty is the second pair of eyes on permanent residence there.
    let second = match users::by_username(db, "demo-officer").await {
        Ok(u) => who("demo-officer", Some(u.id), Role::Officer, Some("KZ-75")),
        Err(_) => who("demo-officer", None, Role::Officer, Some("KZ-75")),
    };
    let mut applicants: Vec<Who> = Vec::new();
    if let Ok(u) = users::by_username(db, "demo-applicant").await {
        applicants.push(who("demo-applicant", Some(u.id), Role::Applicant, None));
    }
    for name in ["applicant1", "applicant2", "applicant3", "applicant4"] {
        applicants.push(who(name, ids.get(name).copied(), Role::Applicant, None));
    }
    let a = |i: usize| applicants[i % applicants.len()].clone();
    let mut n = 0usize;
    let mut next = || {
        n += 1;
        a(n)
    };

    let born = |y: i16| Date::new(y, 5, 14).unwrap_or(Date::MIN);
    let passport = d.days(8 * 365);
    let fresh = d.days(-20);
    let pr = Programme::PermanentResidence;
    let mut cases = 0usize;

    // Permanent residence.
    let w = next();
    let h = d.holder("Karimov", "Aziz", "M", "UZB", born(1986));
    d.draft(
        &w,
        "DEMO-PR-001",
        pr,
        "KZ-75",
        h,
        pr_facts("KZ-75", born(1986), passport, Some(("7500000", fresh)), true),
        t,
    )
    .await?;
    cases += 1;
    for (i, (surname, given, nat, region)) in [
        ("Ivanova", "Olga", "RUS", "KZ-75"),
        ("Chen", "Wei", "CHN", "KZ-71"),
        ("Yilmaz", "Emre", "TUR", "KZ-71"),
    ]
    .into_iter()
    .enumerate()
    {
        let w = next();
        let h = d.holder(surname, given, if given == "Olga" { "F" } else { "M" }, nat, born(1980 + i as i16));
        let facts = pr_facts(region, born(1980 + i as i16), passport, Some(("8000000", fresh)), i % 2 == 0);
        let id = d.draft(&w, &format!("DEMO-PR-{:03}", 2 + i), pr, region, h, facts, t).await?;
        d.submit(&w, id, t).await?;
        cases += 1;
    }
    // Information requested.
    let w = next();
    let h = d.holder("Sultanova", "Dilnoza", "F", "UZB", born(1990));
    let id = d
        .draft(
            &w,
            "DEMO-PR-005",
            pr,
            "KZ-75",
            h,
            pr_facts("KZ-75", born(1990), passport, Some(("6500000", fresh)), true),
            t,
        )
        .await?;
    d.submit(&w, id, t).await?;
    d.decide(&almaty, id, OfficerAction::RequestInfo, &text.t("demo-reason-bank-balance"), t).await?;
    cases += 1;
    // Refused: no funds on record.
    let w = next();
    let h = d.holder("Petrov", "Sergei", "M", "RUS", born(1975));
    let id = d
        .draft(&w, "DEMO-PR-006", pr, "KZ-71", h, pr_facts("KZ-71", born(1975), passport, None, true), t)
        .await?;
    d.submit(&w, id, t).await?;
    d.decide(&astana, id, OfficerAction::Refuse, &text.t("demo-reason-no-funds"), t).await?;
    cases += 1;
    // Withdrawn.
    let w = next();
    let h = d.holder("Novak", "Jan", "M", "CZE", born(1983));
    let id = d
        .draft(
            &w,
            "DEMO-PR-007",
            pr,
            "KZ-75",
            h,
            pr_facts("KZ-75", born(1983), passport, Some(("9000000", fresh)), true),
            t,
        )
        .await?;
    d.submit(&w, id, t).await?;
    moves::withdraw(d.db, &w.actor, &w.viewer, id, &text.t("demo-reason-withdrawn")).await.map_err(err)?;
    cases += 1;
    let approved = text.t("demo-reason-pr-approved");
    // Approved by one officer, awaiting the second (demo-officer can confirm it).
    let w = next();
    let h = d.holder("Park", "Min-jun", "M", "KOR", born(1984));
    let id = d
        .draft(
            &w,
            "DEMO-PR-008",
            pr,
            "KZ-75",
            h,
            pr_facts("KZ-75", born(1984), passport, Some(("12000000", fresh)), true),
            t,
        )
        .await?;
    d.submit(&w, id, t).await?;
    d.decide(&almaty, id, OfficerAction::Approve, &approved, t).await?;
    cases += 1;
    // Approved and confirmed: a permit.
    let w = next();
    let h = d.holder("Schmidt", "Anna", "F", "DEU", born(1987));
    let id = d
        .draft(
            &w,
            "DEMO-PR-009",
            pr,
            "KZ-75",
            h,
            pr_facts("KZ-75", born(1987), passport, Some(("10000000", fresh)), true),
            t,
        )
        .await?;
    d.submit(&w, id, t).await?;
    d.decide(&almaty, id, OfficerAction::Approve, &approved, t).await?;
    d.confirm(&second, id, t).await?;
    cases += 1;
    // Granted last year on a bank certificate that has grown old since: the re-check cancels it.
    let then = d.days(-380);
    let w = next();
    let h = d.holder("Rahimov", "Farrukh", "M", "TJK", born(1979));
    let facts = pr_facts("KZ-75", born(1979), passport, Some(("7000000", d.days(-400))), true);
    let id = d.draft(&w, "DEMO-PR-010", pr, "KZ-75", h, facts, then).await?;
    d.submit(&w, id, then).await?;
    d.decide(&almaty, id, OfficerAction::Approve, &approved, then).await?;
    d.confirm(&second, id, then).await?;
    cases += 1;

    // Valuable-skills visa: eight cases, a round inviting four, two of them approved.
    let vs = Programme::ValuableSkillsVisa;
    let old = d.days(-240);
    let strong = [
        ("Sharma", "Priya", "F", "IND", "2211", "doctorate", 15, (14, 3, 2), "KZ-75"),
        ("Mueller", "Jonas", "M", "DEU", "2512", "doctorate", 12, (9, 2, 1), "KZ-75"),
        ("Kowalski", "Marek", "M", "POL", "2142", "master", 10, (3, 2, 1), "KZ-71"),
        ("Tanaka", "Yui", "F", "JPN", "2310", "master", 9, (5, 3, 2), "KZ-71"),
        ("Okafor", "Chidi", "M", "NGA", "2512", "master", 10, (3, 2, 1), "KZ-75"),
        ("Silva", "Ana", "F", "BRA", "2221", "bachelor", 3, (0, 0, 0), "KZ-71"),
    ];
    let mut vs_ids = Vec::new();
    for (i, (surname, given, sex, nat, occ, edu, years, pubs, region)) in strong.into_iter().enumerate() {
        let w = next();
        let b = born(1984 + i as i16);
        let h = d.holder(surname, given, sex, nat, b);
        // The first was applied for eight months ago: its permit's first report is overdue.
        let on = if i == 0 { old } else { t };
        let facts = vs_facts(b, passport, occ, edu, years, pubs, Some(4));
        let id = d.draft(&w, &format!("DEMO-VS-{:03}", i + 1), vs, region, h, facts, on).await?;
        d.submit(&w, id, on).await?;
        vs_ids.push((id, region, on));
        cases += 1;
    }
    let w = next();
    let h = d.holder("Haddad", "Karim", "M", "LBN", born(1985));
    d.draft(
        &w,
        "DEMO-VS-007",
        vs,
        "KZ-75",
        h,
        vs_facts(born(1985), passport, "2512", "master", 8, (2, 0, 0), Some(3)),
        t,
    )
    .await?;
    cases += 1;
    // No training plan: the rules refuse, and so does the officer.
    let w = next();
    let h = d.holder("Dubois", "Claire", "F", "FRA", born(1982));
    let id = d
        .draft(
            &w,
            "DEMO-VS-008",
            vs,
            "KZ-71",
            h,
            vs_facts(born(1982), passport, "2512", "master", 7, (1, 0, 0), None),
            t,
        )
        .await?;
    d.submit(&w, id, t).await?;
    d.decide(&astana, id, OfficerAction::Refuse, &text.t("demo-reason-no-training-plan"), t).await?;
    cases += 1;
    let (round, _) =
        rounds::hold(db, &cli, policy, &format!("DEMO-ROUND-{t}"), Some(4), None, t).await.map_err(err)?;
    let mut approved_vs = 0;
    for (id, region, on) in vs_ids.iter().take(2) {
        let officer = if *region == "KZ-75" { &almaty } else { &astana };
        let case = read::get(db, &officer.actor, &officer.viewer, *id).await.map_err(err)?;
        if case.invited_round.is_some() {
            d.decide(officer, *id, OfficerAction::Approve, &text.t("demo-reason-invited"), *on).await?;
            approved_vs += 1;
        }
    }

    // Investor visa.
    let inv = Programme::InvestorVisa;
    let recipient = text.t("demo-investment-recipient");
    let invest = |amount: &str, on: Date| {
        json!({
            "passport_expiry": passport, "criminal_record": false,
            "investments": [ { "kind": "charter_capital", "recipient": recipient, "bin": "180240012342",
                "amount": amount, "currency": "KZT", "date": on } ],
        })
    };
    for (i, (surname, given, nat, amount)) in [
        ("Al-Mansouri", "Khalid", "ARE", "250000000"),
        ("Wong", "Li", "SGP", "300000000"),
        ("Brown", "James", "GBR", "40000000"),
    ]
    .into_iter()
    .enumerate()
    {
        let w = next();
        let h = d.holder(surname, given, "M", nat, born(1970 + i as i16));
        let id = d
            .draft(&w, &format!("DEMO-INV-{:03}", i + 1), inv, "KZ-75", h, invest(amount, d.days(-60)), t)
            .await?;
        cases += 1;
        if i == 2 {
            continue; // a draft
        }
        d.submit(&w, id, t).await?;
        if i == 1 {
            d.decide(&almaty, id, OfficerAction::Approve, &text.t("demo-reason-investment"), t).await?;
        }
    }

    // Ata zholy.
    let az = Programme::AtaZholy;
    let business = text.t("demo-business-abroad");
    let azh = |country: &str| {
        json!({
            "ethnic_kazakh": true, "country_of_residence": country, "passport_expiry": passport, "occupation": "2512",
            "business_abroad": { "name": business, "country": country, "registered_on": "2019-05-14" },
            "criminal_record": false,
        })
    };
    for (i, (surname, given, nat)) in [
        ("Nurlanuly", "Serik", "MNG"),
        ("Bolatkyzy", "Aigerim", "CHN"),
        ("Tursunov", "Erlan", "UZB"),
        ("Omarov", "Daulet", "RUS"),
    ]
    .into_iter()
    .enumerate()
    {
        let w = next();
        let h =
            d.holder(surname, given, if given == "Aigerim" { "F" } else { "M" }, nat, born(1982 + i as i16));
        let id = d.draft(&w, &format!("DEMO-AZH-{:03}", i + 1), az, "KZ-71", h, azh(nat), t).await?;
        d.submit(&w, id, t).await?;
        cases += 1;
        match i {
            1 => d.decide(&astana, id, OfficerAction::Approve, &text.t("demo-reason-ata-zholy"), t).await?,
            2 => {
                d.decide(
                    &astana,
                    id,
                    OfficerAction::RequestInfo,
                    &text.t("demo-reason-business-certificate"),
                    t,
                )
                .await?
            }
            _ => {}
        }
    }

    // Refugee status.
    let rf = Programme::Refugee;
    let arrived = d.days(-5);
    let refugee = |exclusion: bool| json!({ "arrival_date": arrived, "grounds": ["political_opinion"], "delay_reason": null, "exclusion_grounds": exclusion });
    for (i, (surname, given, nat, exclusion)) in [
        ("Rahmani", "Ahmad", "AFG", false),
        ("Haile", "Selam", "ERI", false),
        ("Mahmoud", "Omar", "SYR", true),
        ("Nazari", "Zahra", "AFG", false),
    ]
    .into_iter()
    .enumerate()
    {
        let w = next();
        let h = d.holder(surname, given, if i % 2 == 1 { "F" } else { "M" }, nat, born(1988 + i as i16));
        let id =
            d.draft(&w, &format!("DEMO-REF-{:03}", i + 1), rf, "KZ-75", h, refugee(exclusion), t).await?;
        d.submit(&w, id, t).await?;
        cases += 1;
        match i {
            1 => d.decide(&almaty, id, OfficerAction::Approve, &text.t("demo-reason-refugee"), t).await?,
            2 => d.decide(&almaty, id, OfficerAction::Refuse, &text.t("demo-reason-exclusion"), t).await?,
            _ => {}
        }
    }

    let mut out = format!(
        "cases: {cases} demo cases of the five programmes in every state; round {} invited {} valuable-skills \
         cases ({approved_vs} approved); try `ashyq cases list`, `ashyq cases recheck`, `ashyq cases overdue`\n\
         Case accounts (the passwords are shown this once):",
        round.id,
        round.invitations.len()
    );
    for l in &logins {
        out.push('\n');
        out.push_str(l);
    }
    Ok(Some(out))
}
