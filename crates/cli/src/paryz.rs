//! `ashyq paryz …`: the Paryz contest for the operators' batch work — a year's nominations
//! listed and exported, of one verdict if asked (the store audits the staff's reading of a
//! year, the actor being the command line), and the summary of every year: status, prizes,
//! nominations by verdict, jobs created and investment.

use crate::args::{ParyzCommand, ParyzFilterArgs};
use crate::batch::{self, Table};
use ashyq_core::money::Tenge;
use ashyq_core::paryz::Verdict;
use ashyq_core::said::Said;
use ashyq_store::paryz::{self, Audience, Nomination};
use ashyq_store::{Actor, Db, StoreError};
use std::process::ExitCode;

pub async fn run(url: &str, command: ParyzCommand) -> anyhow::Result<ExitCode> {
    let db = Db::open(url).await?;
    let result = dispatch(&db, command).await;
    db.close().await;
    batch::exit(result)
}

async fn dispatch(db: &Db, command: ParyzCommand) -> anyhow::Result<ExitCode> {
    let actor = Actor::cli();
    match command {
        ParyzCommand::List { filter, json } => {
            let shown = nominations(db, &actor, &filter).await?;
            if json {
                println!("{}", batch::to_json(&shown));
            } else {
                table(&shown).print();
                println!("{} nominations", shown.len());
            }
        }
        ParyzCommand::Report { json } => {
            let mut rows = Vec::new();
            for y in paryz::years(db, Audience::Staff).await? {
                let (_, all) = paryz::year(db, &actor, y.year, Audience::Staff).await?;
                let count = |v: Option<Verdict>| all.iter().filter(|n| n.verdict == v).count() as i64;
                rows.push(serde_json::json!({
                    "year": y.year,
                    "status": y.status.as_str(),
                    "prizes": y.prizes,
                    "nominations": all.len(),
                    "winners": count(Some(Verdict::Winner)),
                    "shortlisted": count(Some(Verdict::Shortlisted)),
                    "not_selected": count(Some(Verdict::NotSelected)),
                    "undecided": count(None),
                    "jobs_created": all.iter().map(|n| n.jobs_created).sum::<i64>(),
                    // Whole tenge, as filed.
                    "investment_kzt": Tenge::checked_sum(all.iter().map(|n| n.investment)).and_then(Tenge::whole),
                }));
            }
            if json {
                println!("{}", batch::to_json(&rows));
                return Ok(ExitCode::SUCCESS);
            }
            let columns = [
                "year",
                "status",
                "prizes",
                "nominations",
                "winners",
                "shortlisted",
                "not_selected",
                "undecided",
                "jobs_created",
                "investment_kzt",
            ];
            let mut t = Table::new(&columns);
            for r in &rows {
                t.push(
                    columns
                        .iter()
                        .map(|c| match &r[c] {
                            serde_json::Value::Number(n) => n.as_i64().unwrap_or_default().into(),
                            serde_json::Value::String(s) => s.clone().into(),
                            _ => "-".into(),
                        })
                        .collect(),
                );
            }
            t.print();
            println!("{} contest years", rows.len());
        }
        ParyzCommand::Export { filter, export } => {
            let shown = nominations(db, &actor, &filter).await?;
            table(&shown).export("paryz", &export)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// A year's nominations as the staff see them (the read is audited), of one verdict if asked.
async fn nominations(db: &Db, actor: &Actor, f: &ParyzFilterArgs) -> anyhow::Result<Vec<Nomination>> {
    let verdict = match f.verdict.as_deref().map(str::trim) {
        None | Some("") => None,
        Some("undecided") => Some(None),
        Some(v) => Some(Some(Verdict::parse(v).ok_or_else(|| {
            StoreError::field(
                "verdict",
                Said::new(
                    "field-verdict",
                    format!("{v:?} is not winner, shortlisted, not_selected or undecided"),
                ),
            )
        })?)),
    };
    let (_, all) = paryz::year(db, actor, f.year, Audience::Staff).await?;
    Ok(all.into_iter().filter(|n| verdict.is_none_or(|v| n.verdict == v)).collect())
}

/// The nominations as a table: one row each.
fn table(shown: &[Nomination]) -> Table {
    let mut t = Table::new(&[
        "id",
        "reference",
        "year",
        "nominee",
        "country",
        "business",
        "sector",
        "jobs_created",
        "investment_kzt",
        "verdict",
        "nominated_by",
    ]);
    for n in shown {
        t.push(vec![
            n.id.into(),
            n.reference.clone().into(),
            n.year.into(),
            n.nominee.clone().into(),
            n.country.clone().into(),
            n.business.clone().into(),
            n.sector.clone().into(),
            n.jobs_created.into(),
            n.investment.into(),
            n.verdict.map(|v| v.as_str().to_string()).unwrap_or_else(|| "undecided".into()).into(),
            n.nominated_by.clone().into(),
        ]);
    }
    t
}
