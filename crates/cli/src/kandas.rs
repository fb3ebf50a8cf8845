//! `ashyq kandas …`: kandas resettlement for the operators' batch work — the applications
//! listed and exported by region, status and year filed (the names are personal data: every
//! listing and export is audited, the actor being the command line), and the report by region
//! as the report page shows it. The demo's applications are made by [`demo`].

pub mod demo;

use crate::args::{KandasCommand, KandasFilterArgs};
use crate::batch::{self, Cell, Table};
use ashyq_core::policy::Policy;
use ashyq_store::kandas::{self, KandasApplication, listing};
use ashyq_store::{Actor, Db};
use std::process::ExitCode;

pub async fn run(url: &str, policy: &Policy, command: KandasCommand) -> anyhow::Result<ExitCode> {
    let db = Db::open(url).await?;
    let result = dispatch(&db, policy, command).await;
    db.close().await;
    batch::exit(result)
}

async fn dispatch(db: &Db, policy: &Policy, command: KandasCommand) -> anyhow::Result<ExitCode> {
    let actor = Actor::cli();
    match command {
        KandasCommand::List { filter, json } => {
            let apps = applications(db, &actor, "kandas.list", &filter).await?;
            if json {
                println!("{}", batch::to_json(&apps));
            } else {
                table(&apps).print();
                println!("{} applications", apps.len());
            }
        }
        KandasCommand::Report { year, json } => {
            let year = year.unwrap_or_else(|| ashyq_store::today().year());
            let lines = kandas::report(db, policy, year).await?;
            if json {
                println!("{}", batch::to_json(&lines));
                return Ok(ExitCode::SUCCESS);
            }
            let mut t = Table::new(&[
                "region",
                "designated",
                "quota",
                "used",
                "left",
                "families",
                "persons",
                "due_kzt",
                "paid_kzt",
            ]);
            for l in &lines {
                t.push(vec![
                    l.region.clone().into(),
                    (if l.designated { "yes" } else { "no" }).into(),
                    l.places.into(),
                    l.used.into(),
                    (l.places - l.used).max(0).into(),
                    l.families.into(),
                    l.persons.into(),
                    l.subsidies_due.into(),
                    l.subsidies_paid.into(),
                ]);
            }
            println!("Kandas resettlement by region, {year}");
            t.print();
            let families: i64 = lines.iter().map(|l| l.families).sum();
            let persons: i64 = lines.iter().map(|l| l.persons).sum();
            println!("{families} families, {persons} persons settled");
        }
        KandasCommand::Export { filter, export } => {
            let apps = applications(db, &actor, "kandas.export", &filter).await?;
            table(&apps).export("kandas", &export)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

async fn applications(
    db: &Db,
    actor: &Actor,
    what: &str,
    a: &KandasFilterArgs,
) -> anyhow::Result<Vec<KandasApplication>> {
    let filter =
        listing::Filter { region: a.region.clone(), status: a.status.clone(), year: a.year, limit: a.limit };
    Ok(listing::list(db, actor, what, &filter).await?)
}

/// The applications as a table: one row each.
fn table(apps: &[KandasApplication]) -> Table {
    let mut t = Table::new(&[
        "id",
        "reference",
        "region",
        "status",
        "applicant",
        "origin",
        "family_size",
        "filed_on",
        "self_filed",
        "assigned_on",
        "total_kzt",
        "paid_on",
    ]);
    for a in apps {
        t.push(vec![
            a.id.into(),
            a.reference.clone().into(),
            a.region.clone().into(),
            a.status.clone().into(),
            a.applicant.clone().into(),
            a.origin.clone().into(),
            a.family_size.into(),
            a.filed_on.into(),
            (if a.applicant_id.is_some() { "yes" } else { "no" }).into(),
            a.assigned_on.into(),
            Cell::Amount(a.subsidies.as_ref().map(|s| s.total_kzt.to_string()).unwrap_or_default()),
            a.paid_on.into(),
        ]);
    }
    t
}
