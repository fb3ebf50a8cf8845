//! The `ashyq` binary: wires the store and the server together and gives operators their
//! commands. Holds no policy and no SQL of its own.

mod accounts;
mod args;
mod bodies;
mod demo_data;
mod from_files;
mod labour;
mod maintenance;
mod occupations;
mod policy;
mod serve;
mod synth;

use args::{Cli, Command};
use clap::Parser;
use std::process::ExitCode;

/// Exit code when the audit chain is broken (distinct from a failure to run the check).
const EXIT_AUDIT_BROKEN: u8 = 3;

fn main() -> ExitCode {
    restore_sigpipe();
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

/// Rust ignores SIGPIPE, so printing into a closed pipe (`ashyq list compute | head`) fails,
/// and `println!` panics on that failure. A command-line tool should instead end quietly, as
/// the default action of the signal does.
fn restore_sigpipe() {
    #[cfg(unix)]
    // SAFETY: setting a signal's disposition to its default, before any thread is started.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
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

fn generate_labour(a: args::GenerateLabourArgs) -> anyhow::Result<ExitCode> {
    let (occupations, regions) = synth::national_inputs();
    let options = synth::SynthOptions {
        seed: a.seed,
        scale: a.scale,
        first_year: a.first_year,
        last_year: a.last_year,
        vacancies: a.vacancies,
        work_permits: a.work_permits,
    };
    std::fs::create_dir_all(&a.out).map_err(|e| anyhow::anyhow!("{}: {e}", a.out.display()))?;
    let summary = synth::generate(&options, &occupations, &regions, &a.out)?;
    println!(
        "wrote {}: forecast.csv ({} rows), vacancies.csv ({}), work-permits.csv ({})",
        a.out.display(),
        summary.forecast_rows,
        summary.vacancies,
        summary.work_permits
    );
    Ok(ExitCode::SUCCESS)
}

async fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let url = cli.database_url;
    match cli.command {
        Command::Serve(a) => serve::serve(&url, policy::load(cli.policy.as_deref())?, a).await,
        Command::Demo(a) => serve::demo(&url, policy::load(cli.policy.as_deref())?, a).await,
        Command::Migrate => maintenance::migrate(&url).await,
        Command::User(c) => accounts::user(&url, c).await,
        Command::Token(c) => accounts::token(&url, c).await,
        Command::Audit(c) => maintenance::audit(&url, c).await,
        Command::Backup(a) => maintenance::backup(&url, a).await,
        Command::Restore(a) => maintenance::restore(&url, a).await,
        Command::Occupations(c) => occupations::run(c),
        Command::Import(a) => labour::import_file(&url, a).await,
        Command::List(args::ListCommand::Compute(a)) => {
            let policy = policy::load(cli.policy.as_deref())?;
            labour::compute_list(&url, &policy, a).await
        }
        Command::Generate(args::GenerateCommand::Labour(a)) => generate_labour(a),
        Command::Bodies(c) => bodies::run(&url, c).await,
    }
}
