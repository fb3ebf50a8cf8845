//! The `ashyq` binary: wires the store and the server together and gives operators their
//! commands. Holds no policy and no SQL of its own.

mod accounts;
mod args;
mod maintenance;
mod serve;

use args::{Cli, Command};
use clap::Parser;
use std::process::ExitCode;

/// Exit code when the audit chain is broken (distinct from a failure to run the check).
const EXIT_AUDIT_BROKEN: u8 = 3;

fn main() -> ExitCode {
    let cli = Cli::parse();
    serve::init_logging(cli.log_format, cli.command.is_server());
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli)) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {}", describe(&e));
            ExitCode::FAILURE
        }
    }
}

/// An error and its causes on one line, leaving out a cause whose text the line already holds
/// (sqlx repeats its source in its own message).
fn describe(e: &anyhow::Error) -> String {
    let mut line = String::new();
    for cause in e.chain() {
        let text = cause.to_string();
        if !line.contains(&text) {
            if !line.is_empty() {
                line.push_str(": ");
            }
            line.push_str(&text);
        }
    }
    line
}

async fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let url = cli.database_url;
    match cli.command {
        Command::Serve(a) => serve::serve(&url, a).await,
        Command::Demo(a) => serve::demo(&url, a).await,
        Command::Migrate => maintenance::migrate(&url).await,
        Command::User(c) => accounts::user(&url, c).await,
        Command::Token(c) => accounts::token(&url, c).await,
        Command::Audit(c) => maintenance::audit(&url, c).await,
        Command::Backup(a) => maintenance::backup(&url, a).await,
        Command::Restore(a) => maintenance::restore(&url, a).await,
    }
}
