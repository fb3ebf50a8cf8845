//! `ashyq user …` and `ashyq token …`.

use crate::args::{TokenCommand, UserCommand};
use anyhow::{Context, bail};
use ashyq_core::Role;
use ashyq_store::users::{self, NewUser};
use ashyq_store::{Actor, Db, tokens};
use std::io::BufRead;
use std::process::ExitCode;

/// A strong password: 20 characters from a CSPRNG (about 120 bits).
pub fn generate_password() -> String {
    ashyq_store::secret::random_token()[..20].to_string()
}

fn read_password_line() -> anyhow::Result<String> {
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line).context("reading the password from standard input")?;
    let pw = line.trim_end_matches(['\n', '\r']).to_string();
    if pw.is_empty() {
        bail!("no password on standard input");
    }
    Ok(pw)
}

fn when(t: jiff::Timestamp) -> String {
    t.strftime("%Y-%m-%d %H:%M UTC").to_string()
}

pub async fn user(url: &str, cmd: UserCommand) -> anyhow::Result<ExitCode> {
    let db = Db::open(url).await?;
    let actor = Actor::cli();
    match cmd {
        UserCommand::Add { username, role, name, region, password_stdin } => {
            let role: Role = role.parse()?;
            let (password, generated) =
                if password_stdin { (read_password_line()?, false) } else { (generate_password(), true) };
            let display_name = name.unwrap_or_else(|| username.trim().to_lowercase());
            let u = users::create(
                &db,
                &actor,
                NewUser { username, display_name, role, region, password: password.clone() },
            )
            .await?;
            println!(
                "created {} ({}{})",
                u.username,
                u.role,
                u.region.map(|r| format!(", {r}")).unwrap_or_default()
            );
            if generated {
                println!("password: {password}");
                println!("(shown this once; the person should change it at /account)");
            }
        }
        UserCommand::List { json } => {
            let all = users::list(&db).await?;
            if json {
                println!("{}", serde_json::to_string_pretty(&all)?);
            } else {
                println!(
                    "{:<5} {:<24} {:<12} {:<7} {:<9} name",
                    "id", "username", "role", "region", "status"
                );
                for u in all {
                    let status = if u.disabled { "disabled" } else { "active" };
                    println!(
                        "{:<5} {:<24} {:<12} {:<7} {:<9} {}",
                        u.id,
                        u.username,
                        u.role,
                        u.region.as_deref().unwrap_or("-"),
                        status,
                        u.display_name
                    );
                }
            }
        }
        UserCommand::Disable { username } => {
            let u = users::by_username(&db, &username).await?;
            users::set_disabled(&db, &actor, u.id, true).await?;
            println!("disabled {}: sessions ended, API tokens revoked", u.username);
        }
        UserCommand::Enable { username } => {
            let u = users::by_username(&db, &username).await?;
            users::set_disabled(&db, &actor, u.id, false).await?;
            println!("enabled {}", u.username);
        }
        UserCommand::SetPassword { username, password_stdin } => {
            let u = users::by_username(&db, &username).await?;
            let (password, generated) =
                if password_stdin { (read_password_line()?, false) } else { (generate_password(), true) };
            users::set_password(&db, &actor, u.id, &password, None).await?;
            println!("password set for {}; their sessions were ended", u.username);
            if generated {
                println!("password: {password}");
            }
        }
    }
    db.close().await;
    Ok(ExitCode::SUCCESS)
}

pub async fn token(url: &str, cmd: TokenCommand) -> anyhow::Result<ExitCode> {
    let db = Db::open(url).await?;
    let actor = Actor::cli();
    match cmd {
        TokenCommand::Create { user, name, days } => {
            let u = users::by_username(&db, &user).await?;
            let (secret, t) = tokens::create(&db, &actor, &u, &name, days).await?;
            println!(
                "token {} for {} ({}){}",
                t.id,
                u.username,
                t.name,
                t.expires_at.map(|e| format!(", expires {}", when(e))).unwrap_or_default()
            );
            println!("{secret}");
            eprintln!("(shown this once; send it as: Authorization: Bearer <token>)");
        }
        TokenCommand::List { user } => {
            let u = users::by_username(&db, &user).await?;
            println!("{:<5} {:<24} {:<22} {:<22} status", "id", "name", "created", "expires");
            for t in tokens::list(&db, u.id).await? {
                let status = if t.revoked { "revoked" } else { "live" };
                let expires = t.expires_at.map_or_else(|| "never".to_string(), when);
                println!("{:<5} {:<24} {:<22} {:<22} {status}", t.id, t.name, when(t.created_at), expires);
            }
        }
        TokenCommand::Revoke { id } => {
            tokens::revoke(&db, &actor, id).await?;
            println!("token {id} revoked");
        }
    }
    db.close().await;
    Ok(ExitCode::SUCCESS)
}
