//! The demo's data: synthetic national labour-market data for 2022–2025 (the generator in
//! `synth`), imported through the same pipeline as real files, and two lists taken through the
//! whole flow — computed, coordinated, revised, approved and published — plus a third draft
//! waiting in coordination, so every page has something true to show. And illustrative daily
//! exchange rates (`synth::rates`, NOT the National Bank's published rates) so that amounts can
//! be converted. The demo's own texts (notes, opinions, reasons, names of invented companies)
//! come from `demo.ftl` in the language `--language` chose (`demo_text`).

use crate::demo_text::DemoText;
use crate::synth;
use ashyq_core::labour::coordination::{Change, Verdict};
use ashyq_core::labour::records::Source;
use ashyq_core::occupation::OccupationCode;
use ashyq_core::policy::Policy;
use ashyq_store::labour::{ImportRequest, import};
use ashyq_store::lists::{self, Changed, NewOpinion};
use ashyq_store::pipeline::Input;
use ashyq_store::pipeline::Quiet;
use ashyq_store::rates::{self, RatesRequest};
use ashyq_store::{Actor, Db};
use jiff::civil::date;
use std::path::Path;

/// Loads the demo data unless a list has been published already. Returns what it did.
pub async fn load(db: &Db, policy: &Policy, dir: &Path, text: &DemoText) -> anyhow::Result<Option<String>> {
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

    let draft = |year: &str| text.args("demo-list-draft", &[("year", year)]);
    // 2024 data → the list in force from 1 March 2025.
    let first = lists::draft_from_data(db, &analyst, policy, 2024, date(2025, 2, 1), &draft("2024")).await?;
    coordinate(db, &analyst, first.id, text).await?;
    lists::approve(db, &analyst, first.id, "49", date(2025, 2, 20)).await?;
    lists::publish(db, &analyst, first.id, date(2025, 3, 1)).await?;

    // 2025 data → the list in force from 1 March 2026, with a revision after an opinion.
    let second = lists::draft_from_data(db, &analyst, policy, 2025, date(2026, 2, 1), &draft("2025")).await?;
    coordinate(db, &analyst, second.id, text).await?;
    let entries = lists::entries(db, second.id, second.revision).await?;
    if let Some(off) = entries.iter().find(|e| !e.included && e.sector.is_some()) {
        let changes = [Changed {
            occupation: OccupationCode::parse(&off.occupation)?,
            change: Change::Add,
            justification: text.t("demo-list-justification"),
        }];
        lists::revise(db, &analyst, second.id, &text.t("demo-list-revision"), &changes).await?;
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
        &text.args("demo-list-autumn", &[("year", "2025")]),
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
async fn coordinate(db: &Db, analyst: &Actor, id: i64, text: &DemoText) -> anyhow::Result<()> {
    let list = lists::send(db, analyst, id).await?;
    let entries = lists::entries(db, id, list.revision).await?;
    let proposal = entries.iter().find(|e| !e.included && e.sector.as_deref() == Some("healthcare"));
    let opinions = [
        ("moh", Verdict::AgreeWithRemarks, text.t("demo-opinion-moh"), proposal),
        ("akimat-kz-71", Verdict::Agree, String::new(), None),
        ("atameken", Verdict::Agree, String::new(), None),
    ];
    for (body, verdict, remarks, proposal) in opinions {
        let proposals = match proposal {
            Some(e) => vec![Changed {
                occupation: OccupationCode::parse(&e.occupation)?,
                change: Change::Add,
                justification: text.t("demo-proposal-moh"),
            }],
            None => Vec::new(),
        };
        let actor = Actor { username: format!("demo-{body}"), ..Actor::cli() };
        lists::give_opinion(
            db,
            &actor,
            id,
            body,
            NewOpinion { body: body.into(), verdict, remarks, proposals },
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
pub async fn load_cases(
    db: &Db,
    policy: &Policy,
    dir: &Path,
    text: &DemoText,
) -> anyhow::Result<Option<String>> {
    crate::cases::demo::load(db, policy, dir, text).await
}

/// Kandas resettlement (issue 16, docs/kandas.md): an officer of North Kazakhstan and applicant
/// accounts filing their own applications, some assigned, some waiting (see `kandas::demo`),
/// unless they exist already.
pub async fn load_kandas(db: &Db, policy: &Policy, text: &DemoText) -> anyhow::Result<Option<String>> {
    crate::kandas::demo::load(db, policy, text).await
}

/// The Paryz contest (issue 7, docs/paryz.md): one published year, 2025, with FICTIONAL nominees
/// (illustrative names and businesses, no real person), unless a contest year exists already.
pub async fn load_paryz(db: &Db, policy: &Policy, text: &DemoText) -> anyhow::Result<Option<String>> {
    use ashyq_core::paryz::{NominationInput, Verdict, YearMove};
    use ashyq_store::paryz::{self, Audience};
    if !paryz::years(db, Audience::Staff).await?.is_empty() {
        return Ok(None);
    }
    let actor = Actor::cli();
    let on = date(2025, 12, 15);
    paryz::open_year(db, &actor, 2025).await?;
    // Nominee (a name as in a passport), country, the messages of the business and the sector,
    // jobs, investment, verdict.
    let nominees = [
        (
            "Aigerim Example",
            "TUR",
            "demo-paryz-business-textiles",
            "demo-paryz-sector-manufacturing",
            120,
            500_000_000,
            Verdict::Winner,
        ),
        (
            "Nurlan Sample",
            "DEU",
            "demo-paryz-business-agro",
            "demo-paryz-sector-agriculture",
            45,
            180_000_000,
            Verdict::Winner,
        ),
        (
            "Dana Placeholder",
            "MNG",
            "demo-paryz-business-logistics",
            "demo-paryz-sector-transport",
            30,
            90_000_000,
            Verdict::Shortlisted,
        ),
        (
            "Erlan Mock",
            "CHN",
            "demo-paryz-business-software",
            "demo-paryz-sector-it",
            12,
            20_000_000,
            Verdict::NotSelected,
        ),
    ];
    let mut made = Vec::new();
    for (i, (nominee, country, business, sector, jobs, investment, verdict)) in
        nominees.into_iter().enumerate()
    {
        let input = NominationInput {
            nominee: text.fictional(nominee),
            country: country.into(),
            card_number: None,
            business: text.t(business),
            sector: text.t(sector),
            bin: None,
            contribution: text.count("demo-paryz-contribution", jobs),
            jobs_created: jobs,
            investment_kzt: investment,
        };
        let (n, _) = paryz::nominate(db, &actor, 2025, &format!("demo-paryz-2025-{i}"), &input).await?;
        made.push((n.id, verdict));
    }
    paryz::move_year(db, &actor, policy, 2025, YearMove::Close, on).await?;
    for (id, verdict) in made {
        paryz::decide(db, &actor, policy, id, verdict, &text.t("demo-paryz-reason"), on).await?;
    }
    paryz::move_year(db, &actor, policy, 2025, YearMove::Publish, on).await?;
    Ok(Some("Paryz contest: a published demo year, 2025, with fictional nominees.".into()))
}

/// Citizens working abroad (issue 7, docs/abroad.md): ILLUSTRATIVE interstate agreements with
/// the Republic of Korea, Russia, Türkiye, the UAE and Germany (examples of what the list holds,
/// not the official texts, statuses or dates), a few FICTIONAL citizens in the registry and
/// one protection case, unless an agreement exists already.
pub async fn load_abroad(db: &Db, text: &DemoText) -> anyhow::Result<Option<String>> {
    use ashyq_core::abroad::WorkerInput;
    use ashyq_store::abroad::agreements::{self, AgreementInput};
    use ashyq_store::abroad::cases::{self, NewCase};
    use ashyq_store::abroad::workers;
    if !agreements::list(db, ashyq_store::today()).await?.is_empty() {
        return Ok(None);
    }
    let actor = Actor::cli();
    let note = text.t("demo-agreement-note");
    /// Reference, country, the message of the title, status, signed on, in force from, what it
    /// covers.
    type Row = (
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        Option<&'static str>,
        Option<&'static str>,
        &'static [&'static str],
    );
    let rows: [Row; 5] = [
        (
            "demo-kor",
            "KOR",
            "demo-agreement-kor",
            "negotiating",
            None,
            None,
            &["employment", "domestic_workers", "readmission"],
        ),
        (
            "demo-rus",
            "RUS",
            "demo-agreement-rus",
            "in_force",
            Some("2014-05-29"),
            Some("2015-01-01"),
            &["employment", "social_security", "pensions", "health_care", "qualifications"],
        ),
        (
            "demo-tur",
            "TUR",
            "demo-agreement-tur",
            "signed",
            Some("2024-06-01"),
            None,
            &["social_security", "pensions"],
        ),
        (
            "demo-are",
            "ARE",
            "demo-agreement-are",
            "negotiating",
            None,
            None,
            &["employment", "domestic_workers"],
        ),
        (
            "demo-deu",
            "DEU",
            "demo-agreement-deu",
            "negotiating",
            None,
            None,
            &["employment", "qualifications"],
        ),
    ];
    for (reference, country, title, status, signed_on, in_force_from, covers) in rows {
        let input = AgreementInput {
            reference: reference.into(),
            country: country.into(),
            title: text.t(title),
            signed_on: signed_on.map(str::to_string),
            in_force_from: in_force_from.map(str::to_string),
            status: status.into(),
            covers: covers.iter().map(|c| c.to_string()).collect(),
            note: Some(note.clone()),
            illustrative: true,
        };
        agreements::save(db, &actor, &input).await?;
    }
    // Fictional citizens (valid IINs, invented names, marked fictional in the chosen language).
    let people = [
        ("900101400013", "Example", "Aigerim", "KOR", "domestic_work"),
        ("850615300129", "Sample", "Nurlan", "KOR", "construction"),
        ("921203400232", "Placeholder", "Dana", "ARE", "domestic_work"),
        ("880302300340", "Mock", "Saule", "TUR", "hospitality"),
        ("950711400455", "Demo", "Aruzhan", "RUS", "healthcare"),
        ("871111300787", "Specimen", "Erlan", "KOR", "agriculture"),
        ("910415300908", "Instance", "Marat", "DEU", "it"),
    ];
    let today = ashyq_store::today();
    let until = today.checked_add(jiff::Span::new().years(1))?.to_string();
    let from = today.checked_sub(jiff::Span::new().months(3))?.to_string();
    let mut first = None;
    for (i, (iin, surname, given, country, sector)) in people.into_iter().enumerate() {
        let input = WorkerInput {
            iin: iin.into(),
            surname: text.fictional(surname),
            given_names: given.into(),
            country: country.into(),
            employer: text.t("demo-abroad-employer"),
            agency: Some(text.t("demo-abroad-agency")),
            agency_licence: None,
            contract_from: from.clone(),
            contract_until: until.clone(),
            sector: sector.into(),
        };
        let (w, _) = workers::register(db, &actor, &format!("demo-abroad-{i}"), &input).await?;
        first.get_or_insert(w.id);
    }
    if let Some(worker_id) = first {
        let new = NewCase {
            reference: "demo-abroad-case-1".into(),
            worker_id,
            kind: "unpaid_wages".into(),
            complaint: text.t("demo-abroad-complaint"),
        };
        cases::open(db, &actor, &new, today).await?;
    }
    Ok(Some(
        "Citizens abroad: five illustrative agreements, seven fictional citizens and one protection case."
            .into(),
    ))
}
