//! The `ashyq` binary: wires the store and the server together and gives operators their
//! commands. Holds no policy and no SQL of its own.

mod abroad;
mod accounts;
mod applications;
mod args;
mod audit_checkpoints;
mod batch;
mod bodies;
mod cases;
mod demo_data;
mod demo_text;
mod documents;
mod eval;
mod from_files;
mod importing;
mod kandas;
mod labour;
mod maintenance;
mod occupations;
mod paryz;
mod policy;
mod rates;
mod register;
mod serve;
mod stay;
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

fn generate_applications(a: args::GenerateApplicationsArgs) -> anyhow::Result<ExitCode> {
    if a.last < a.first {
        anyhow::bail!("--last {} is before --first {}", a.last, a.first);
    }
    if let Some(dir) = a.out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| anyhow::anyhow!("{}: {e}", dir.display()))?;
    }
    let file = std::fs::File::create(&a.out).map_err(|e| anyhow::anyhow!("{}: {e}", a.out.display()))?;
    let mut out = std::io::BufWriter::new(file);
    let options = synth::applications::ApplicationsOptions {
        count: a.count,
        seed: a.seed,
        first: a.first,
        last: a.last,
    };
    let n = synth::applications::write(&options, &mut out)?;
    std::io::Write::flush(&mut out)?;
    println!("wrote {}: {n} applications", a.out.display());
    Ok(ExitCode::SUCCESS)
}

fn generate_register(a: args::GenerateRegisterArgs) -> anyhow::Result<ExitCode> {
    let options = synth::register::RegisterSynthOptions {
        people: a.people,
        crossings: a.crossings,
        year: a.year,
        as_of: a.as_of,
        seed: a.seed,
    };
    let s = synth::register::generate(&options, &a.out)?;
    println!(
        "wrote {}: {} people, {} crossings ({} refusals), {} registrations, {} permits; {} overstayers \
         planted ({} over 30 days on one entry, {} over 90 in 180, {} past their visa); {} documents renewed; \
         {} present at the end",
        a.out.display(),
        s.people,
        s.crossings,
        s.refusals,
        s.registrations,
        s.permits,
        s.overstayers(),
        s.overstay_per_entry,
        s.overstay_window,
        s.overstay_visa,
        s.renewals,
        s.present
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
        Command::Register(c) => register::run(&url, &policy::load(cli.policy.as_deref())?, c).await,
        Command::List(args::ListCommand::Compute(a)) => {
            let policy = policy::load(cli.policy.as_deref())?;
            labour::compute_list(&url, &policy, a).await
        }
        Command::Generate(args::GenerateCommand::Labour(a)) => generate_labour(a),
        Command::Generate(args::GenerateCommand::Rates(a)) => rates::generate(a),
        Command::Generate(args::GenerateCommand::Applications(a)) => generate_applications(a),
        Command::Generate(args::GenerateCommand::Register(a)) => generate_register(a),
        Command::Mrz(c) => documents::mrz(c),
        Command::Iin(c) => documents::iin(c),
        Command::Rates(c) => rates::run(&url, c).await,
        Command::Cases(c) => cases::run(&url, &policy::load(cli.policy.as_deref())?, c).await,
        Command::Bodies(c) => bodies::run(&url, c).await,
        Command::Eval(a) => eval::eval(&url, &policy::load(cli.policy.as_deref())?, a).await,
        Command::EvalBatch(a) => eval::eval_batch(&url, &policy::load(cli.policy.as_deref())?, a).await,
        Command::Stay(args::StayCommand::Check) => stay::check(&policy::load(cli.policy.as_deref())?),
        Command::Applications(args::ApplicationsCommand::Import(a)) => {
            applications::import(&url, &policy::load(cli.policy.as_deref())?, a).await
        }
        Command::Kandas(c) => kandas::run(&url, &policy::load(cli.policy.as_deref())?, c).await,
        Command::Abroad(c) => abroad::run(&url, c).await,
        Command::Paryz(c) => paryz::run(&url, c).await,
        Command::Simulate(a) => {
            let Some(draft) = cli.policy.as_deref() else {
                anyhow::bail!("simulate needs the draft policy: ashyq simulate --policy DRAFT.toml");
            };
            let draft = policy::load(Some(draft))?;
            let baseline = policy::load(a.baseline.as_deref())?;
            applications::simulate(&url, &draft, &baseline, a).await
        }
    }
}
