//! `ashyq bodies …`: the coordinating organisations and their coordinators.

use crate::args::BodiesCommand;
use ashyq_store::{Actor, Db, lists, users};
use std::process::ExitCode;

pub async fn run(url: &str, cmd: BodiesCommand) -> anyhow::Result<ExitCode> {
    let db = Db::open(url).await?;
    let result = match cmd {
        BodiesCommand::List { json } => {
            let all = lists::bodies(&db).await?;
            if json {
                println!("{}", serde_json::to_string_pretty(&all)?);
            } else {
                for b in all {
                    println!(
                        "{:<16} {:<8} {:<6} {}{}",
                        b.code,
                        b.kind,
                        b.region.as_deref().unwrap_or("-"),
                        b.name_en,
                        if b.active { "" } else { " (inactive)" }
                    );
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        BodiesCommand::Assign { username, body } => {
            let user = users::by_username(&db, &username).await?;
            let found = lists::assign_member(&db, &Actor::cli(), &user, &body).await?;
            println!("{username} now speaks for {} ({})", found.name_en, found.code);
            Ok(ExitCode::SUCCESS)
        }
    };
    db.close().await;
    result
}
