//! `ashyq abroad …`: citizens working abroad for the operators' batch work — the registry
//! listed and exported by country or name (personal data: the store audits every search, the
//! actor being the command line), and the figures by country as the overview page shows them
//! (counts only).

use crate::args::{AbroadCommand, AbroadFilterArgs};
use crate::batch::{self, Table};
use ashyq_core::abroad::Sector;
use ashyq_store::abroad::figures;
use ashyq_store::abroad::workers::{self, Worker};
use ashyq_store::{Actor, Db};
use std::process::ExitCode;

pub async fn run(url: &str, command: AbroadCommand) -> anyhow::Result<ExitCode> {
    let db = Db::open(url).await?;
    let result = dispatch(&db, command).await;
    db.close().await;
    batch::exit(result)
}

async fn dispatch(db: &Db, command: AbroadCommand) -> anyhow::Result<ExitCode> {
    let actor = Actor::cli();
    let today = ashyq_store::today();
    match command {
        AbroadCommand::List { filter, json } => {
            let found = registry(db, &actor, &filter).await?;
            if json {
                println!("{}", batch::to_json(&found));
            } else {
                table(&found).print();
                println!("{} citizens", found.len());
            }
        }
        AbroadCommand::Report { json } => {
            let countries = figures::by_country(db, today).await?;
            if json {
                println!("{}", batch::to_json(&countries));
                return Ok(ExitCode::SUCCESS);
            }
            let mut columns = vec!["country", "citizens"];
            columns.extend(Sector::ALL.iter().map(|s| s.id()));
            columns.push("open_cases");
            let mut t = Table::new(&columns);
            for f in &countries {
                let mut row = vec![f.country.clone().into(), f.citizens.into()];
                row.extend(Sector::ALL.iter().map(|s| f.by_sector.get(s.id()).copied().unwrap_or(0).into()));
                row.push(f.open_cases.into());
                t.push(row);
            }
            println!("Citizens working abroad under contract on {today}, by country");
            t.print();
            let citizens: i64 = countries.iter().map(|f| f.citizens).sum();
            let open: i64 = countries.iter().map(|f| f.open_cases).sum();
            println!("{citizens} citizens in {} countries, {open} open protection cases", countries.len());
        }
        AbroadCommand::Export { filter, export } => {
            let found = registry(db, &actor, &filter).await?;
            table(&found).export("abroad", &export)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

async fn registry(db: &Db, actor: &Actor, f: &AbroadFilterArgs) -> anyhow::Result<Vec<Worker>> {
    let country = f.country.as_deref().map(str::trim).filter(|c| !c.is_empty());
    Ok(workers::search(db, actor, &f.query, country, ashyq_store::today()).await?)
}

/// The registry entries as a table: one row each.
fn table(found: &[Worker]) -> Table {
    let mut t = Table::new(&[
        "id",
        "reference",
        "iin",
        "surname",
        "given_names",
        "birth_date",
        "country",
        "sector",
        "employer",
        "agency",
        "contract_from",
        "contract_until",
    ]);
    for w in found {
        t.push(vec![
            w.id.into(),
            w.reference.clone().into(),
            w.iin.clone().into(),
            w.surname.clone().into(),
            w.given_names.clone().into(),
            w.birth_date.into(),
            w.country.clone().into(),
            w.sector.clone().into(),
            w.employer.clone().into(),
            w.agency.clone().into(),
            w.contract_from.into(),
            w.contract_until.into(),
        ]);
    }
    t
}
