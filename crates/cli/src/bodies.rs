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
        BodiesCommand::Add { code, kind, region, name_en, name_ru, name_kk } => {
            let new = lists::Body { code, kind, region, name_en, name_ru, name_kk, active: true };
            let made = lists::add_body(&db, &Actor::cli(), &new).await?;
            println!("added {} ({}); new drafts will be sent to it", made.code, made.name_en);
            Ok(ExitCode::SUCCESS)
        }
        BodiesCommand::Disable { code } => {
            lists::set_body_active(&db, &Actor::cli(), &code, false).await?;
            println!("{code} will not be sent new drafts");
            Ok(ExitCode::SUCCESS)
        }
        BodiesCommand::Enable { code } => {
            lists::set_body_active(&db, &Actor::cli(), &code, true).await?;
            println!("{code} will be sent new drafts");
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
