//! The demo's data: synthetic national labour-market data for 2022–2025 (the generator in
//! `synth`), imported through the same pipeline as real files, and two lists taken through the
//! whole flow — computed, coordinated, revised, approved and published — plus a third draft
//! waiting in coordination, so every page has something true to show. And illustrative daily
//! exchange rates (`synth::rates`, NOT the National Bank's published rates) so that amounts can
//! be converted.

use crate::synth;
use ashyq_core::labour::coordination::{Change, Verdict};
use ashyq_core::labour::records::Source;
use ashyq_core::occupation::OccupationCode;
use ashyq_core::policy::Policy;
use ashyq_store::labour::import::Quiet;
use ashyq_store::labour::{ImportRequest, Input, import};
use ashyq_store::lists::{self, Changed, NewOpinion};
use ashyq_store::rates::{self, RatesRequest};
use ashyq_store::{Actor, Db};
use jiff::civil::date;
use std::path::Path;

/// Loads the demo data unless a list has been published already. Returns what it did.
pub async fn load(db: &Db, policy: &Policy, dir: &Path) -> anyhow::Result<Option<String>> {
    if !lists::published(db).await?.is_empty() {
        return Ok(None);
    }
    let (occupations, regions) = synth::national_inputs();
    let options = synth::SynthOptions {
        seed: 2026,
        first_year: 2022,
        last_year: 2025,
        ..synth::SynthOptions::default()
    };
    let summary = synth::generate(&options, &occupations, &regions, dir)?;
    let analyst = Actor::cli();
    for (source, file) in [
        (Source::Forecast, "forecast.csv"),
        (Source::Vacancies, "vacancies.csv"),
        (Source::WorkPermits, "work-permits.csv"),
    ] {
        let input = Input::open(&dir.join(file)).map_err(|e| anyhow::anyhow!("{file}: {e}"))?;
        let request = ImportRequest { source, file_name: file.into(), skip_invalid: false };
        let report = import(db, &analyst, &request, input, &mut Quiet).await?;
        anyhow::ensure!(report.committed, "demo file {file} did not import: {:?}", report.errors.first());
    }

    // 2024 data → the list in force from 1 March 2025.
    let first =
        lists::draft_from_data(db, &analyst, policy, 2024, date(2025, 2, 1), "Draft from 2024 data").await?;
    coordinate(db, &analyst, first.id).await?;
    lists::approve(db, &analyst, first.id, "49", date(2025, 2, 20)).await?;
    lists::publish(db, &analyst, first.id, date(2025, 3, 1)).await?;

    // 2025 data → the list in force from 1 March 2026, with a revision after an opinion.
    let second =
        lists::draft_from_data(db, &analyst, policy, 2025, date(2026, 2, 1), "Draft from 2025 data").await?;
    coordinate(db, &analyst, second.id).await?;
    let entries = lists::entries(db, second.id, second.revision).await?;
    if let Some(off) = entries.iter().find(|e| !e.included && e.sector.is_some()) {
        let changes = [Changed {
            occupation: OccupationCode::parse(&off.occupation)?,
            change: Change::Add,
            justification:
                "Proposed by the Ministry of Health: regional shortage confirmed by the akimats' reports."
                    .into(),
        }];
        lists::revise(
            db,
            &analyst,
            second.id,
            "Revision after coordination: the Ministry of Health's proposal accepted",
            &changes,
        )
        .await?;
    }
    lists::approve(db, &analyst, second.id, "112", date(2026, 2, 20)).await?;
    lists::publish(db, &analyst, second.id, date(2026, 3, 1)).await?;

    // A third draft, sent and waiting for the coordinating organisations.
    let third = lists::draft_from_data(
        db,
        &analyst,
        policy,
        2025,
        date(2026, 11, 1),
        "Update: 2025 data, autumn review",
    )
    .await?;
    lists::send(db, &analyst, third.id).await?;

    Ok(Some(format!(
        "demo data: {} vacancies, {} work permits, {} forecast rows; lists {} (in force from 2025-03-01) and {} (from 2026-03-01) published, list {} in coordination",
        summary.vacancies, summary.work_permits, summary.forecast_rows, first.id, second.id, third.id
    )))
}

/// Imports the illustrative exchange rates unless some rates are stored already (so a database
/// demoed before the rates existed gets them too). Returns what it did.
pub async fn load_rates(db: &Db, dir: &Path) -> anyhow::Result<Option<String>> {
    if !rates::summary(db).await?.is_empty() {
        return Ok(None);
    }
    let file = synth::rates::FILE;
    let path = dir.join(file);
    let written = synth::rates::write(&path)?;
    let input = Input::open(&path).map_err(|e| anyhow::anyhow!("{file}: {e}"))?;
    let request = RatesRequest { file_name: file.into(), skip_invalid: false };
    let report = rates::import(db, &Actor::cli(), &request, input, &mut Quiet).await?;
    anyhow::ensure!(report.committed, "demo file {file} did not import: {:?}", report.errors.first());
    Ok(Some(format!(
        "exchange rates: {written} illustrative daily rates of USD, EUR, RUB and CNY, {}–{}          (NOT the National Bank's published rates)",
        synth::rates::FIRST_DAY,
        synth::rates::LAST_DAY
    )))
}

/// How many synthetic applications the demo stores (for the reform simulation).
const DEMO_APPLICATIONS: u64 = 3_000;

/// Stores synthetic applications to the five programmes unless some are stored already, so the
/// reform simulation has cases to decide. Needs the rates (the investor visa converts at them).
pub async fn load_applications(db: &Db, policy: &Policy, dir: &Path) -> anyhow::Result<Option<String>> {
    if ashyq_store::applications::count(db).await? > 0 {
        return Ok(None);
    }
    let file = "applications-synthetic.jsonl";
    let path = dir.join(file);
    std::fs::create_dir_all(dir)?;
    let options = synth::applications::ApplicationsOptions {
        count: DEMO_APPLICATIONS,
        seed: 2026,
        first: synth::applications::DEFAULT_FIRST,
        last: synth::applications::DEFAULT_LAST,
    };
    let mut out = std::io::BufWriter::new(std::fs::File::create(&path)?);
    synth::applications::write(&options, &mut out)?;
    std::io::Write::flush(&mut out)?;
    drop(out);
    let (lists, rates) = crate::eval::world_of(db).await?;
    let ctx = ashyq_core::rules::Context { policy, lists: &lists, rates: &rates };
    let reader = std::io::BufReader::new(std::fs::File::open(&path)?);
    let (batch, errors) = crate::applications::read_batch(file, reader, &ctx)?;
    anyhow::ensure!(errors.is_empty(), "demo file {file}: {}", errors.join("; "));
    let done = ashyq_store::applications::submit(db, &Actor::cli(), &batch).await?;
    let mut outcomes = std::collections::BTreeMap::<&str, u64>::new();
    for a in &batch {
        *outcomes.entry(a.outcome.as_str()).or_default() += 1;
    }
    let outcomes: Vec<String> = outcomes.iter().map(|(o, n)| format!("{n} {o}")).collect();
    Ok(Some(format!(
        "applications: {} synthetic applications to the five programmes ({}), for `ashyq simulate`",
        done.inserted,
        outcomes.join(", ")
    )))
}

/// Sends a draft and records opinions of a ministry, an akimat and Atameken.
async fn coordinate(db: &Db, analyst: &Actor, id: i64) -> anyhow::Result<()> {
    let list = lists::send(db, analyst, id).await?;
    let entries = lists::entries(db, id, list.revision).await?;
    let proposal = entries.iter().find(|e| !e.included && e.sector.as_deref() == Some("healthcare"));
    let opinions = [
        (
            "moh",
            Verdict::AgreeWithRemarks,
            "Agreed; we propose adding an occupation with a documented regional shortage.",
            proposal,
        ),
        ("akimat-kz-71", Verdict::Agree, "", None),
        ("atameken", Verdict::Agree, "", None),
    ];
    for (body, verdict, remarks, proposal) in opinions {
        let proposals = match proposal {
            Some(e) => vec![Changed {
                occupation: OccupationCode::parse(&e.occupation)?,
                change: Change::Add,
                justification: "Vacancies in district hospitals stay open for months.".into(),
            }],
            None => Vec::new(),
        };
        let actor = Actor { username: format!("demo-{body}"), ..Actor::cli() };
        lists::give_opinion(
            db,
            &actor,
            id,
            body,
            NewOpinion { body: body.into(), verdict, remarks: remarks.into(), proposals },
        )
        .await?;
    }
    Ok(())
}

/// Loads a synthetic register of movements — this year to today: crossings of 20,000 people,
/// their registrations, visas and permits, with overstayers — unless the register holds
/// persons already.
pub async fn load_register(db: &Db, policy: &Policy, dir: &Path) -> anyhow::Result<Option<String>> {
    use ashyq_store::register::{self, RegisterFile, stats};
    if stats::totals(db).await?.persons > 0 {
        return Ok(None);
    }
    let today = ashyq_store::today();
    let out = dir.join("register");
    let options = synth::register::RegisterSynthOptions {
        year: today.year(),
        as_of: Some(today),
        ..synth::register::RegisterSynthOptions::demo()
    };
    let made = synth::register::generate(&options, &out)?;
    for file in [RegisterFile::Crossings, RegisterFile::Registrations, RegisterFile::Permits] {
        let name = format!("{}.csv", file.as_str());
        let input = Input::open(&out.join(&name)).map_err(|e| anyhow::anyhow!("{name}: {e}"))?;
        let report = register::import(db, &Actor::cli(), policy, file, &name, input, &mut Quiet).await?;
        anyhow::ensure!(report.committed, "demo file {name}: {:?}", report.errors.first());
    }
    let scan = ashyq_store::register::scan::overstays(db, policy, today).await?;
    Ok(Some(format!(
        "register: {} people, {} crossings ({} refusals), {} registrations, {} visas and permits since 1 January; \
         {} present today, {} of them overstaying (try /border, /register/alerts, /analysis/register)",
        made.people,
        made.crossings,
        made.refusals,
        made.registrations,
        made.permits,
        scan.present,
        scan.overstayers.len()
    )))
}

/// Creates the case workflow's demo accounts (officers of Almaty and Astana, applicants) and
/// about thirty cases in every state (see `cases::demo`), unless they exist already.
pub async fn load_cases(db: &Db, policy: &Policy, dir: &Path) -> anyhow::Result<Option<String>> {
    crate::cases::demo::load(db, policy, dir).await
}
