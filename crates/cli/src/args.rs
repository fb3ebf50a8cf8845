//! The command line: every command, flag and environment variable, with its help text.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::net::SocketAddr;
use std::path::PathBuf;

pub const DEFAULT_DATABASE_URL: &str = "sqlite://./ashyq-data/ashyq.db";

/// ashyq — open platform for Kazakhstan's migration policy.
///
/// Runs on an embedded SQLite file by default (no other service needed) or on PostgreSQL.
#[derive(Parser, Debug)]
#[command(name = "ashyq", version, about, long_about, propagate_version = true)]
pub struct Cli {
    /// Database: sqlite://PATH (created if missing) or postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE.
    #[arg(long, global = true, env = "ASHYQ_DATABASE_URL", default_value = DEFAULT_DATABASE_URL, hide_env_values = true)]
    pub database_url: String,

    /// Log format on standard error: human-readable text, or one JSON object per line.
    /// The level is set with RUST_LOG (default: info).
    #[arg(long, global = true, env = "ASHYQ_LOG_FORMAT", value_enum, default_value_t = LogFormat::Text)]
    pub log_format: LogFormat,

    /// A policy file to use instead of the one built in (data/policy/kz.toml).
    #[arg(long, global = true, env = "ASHYQ_POLICY")]
    pub policy: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum LogFormat {
    Text,
    Json,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Serve the web interface and the JSON API (migrates the database first).
    Serve(ServeArgs),
    /// The demo: create the database, one account per role (logins printed once), demo data, and serve.
    Demo(DemoArgs),
    /// Apply pending database migrations and exit.
    Migrate,
    /// Manage accounts.
    #[command(subcommand)]
    User(UserCommand),
    /// Manage API bearer tokens.
    #[command(subcommand)]
    Token(TokenCommand),
    /// Check or read the audit log.
    #[command(subcommand)]
    Audit(AuditCommand),
    /// Write a consistent copy of the SQLite database, safe while the server runs.
    Backup(BackupArgs),
    /// Replace the SQLite database with a backup (stop the server first). The replaced database is kept beside it.
    Restore(RestoreArgs),
    /// The classifier of occupations: search a job title, show a group, measure search accuracy.
    #[command(subcommand)]
    Occupations(OccupationsCommand),
    /// Import a data source file (CSV or XLSX): every row is checked first; see docs/data-formats.md.
    Import(ImportArgs),
    /// The register of migrants' movements: import crossings, registrations and permits; a
    /// person's status; the overstay scan; officers' merges (see docs/register.md).
    #[command(subcommand)]
    Register(RegisterCommand),
    /// The list of professions in demand: compute it from the imported data.
    #[command(subcommand)]
    List(ListCommand),
    /// The coordinating organisations (ministries, akimats, Atameken) and who speaks for them.
    #[command(subcommand)]
    Bodies(BodiesCommand),
    /// Official exchange rates of the National Bank (imported with `import rates`): list, look up.
    #[command(subcommand)]
    Rates(RatesCommand),
    /// Decide a programme for a person's facts (JSON), with every check explained and cited.
    Eval(EvalArgs),
    /// Decide many applications (JSON Lines) on every core; one JSON line per decision.
    EvalBatch(EvalBatchArgs),
    /// Stored applications to the programmes.
    #[command(subcommand)]
    Applications(ApplicationsCommand),
    /// Reform simulation: every stored application decided under the draft given with --policy
    /// beside the policy in force; what changes, per programme, and the cases affected.
    Simulate(SimulateArgs),
    /// The arithmetic of lawful stay: days in the rolling window, overstay, lawful until when.
    #[command(subcommand)]
    Stay(StayCommand),
    /// The case workflow at the terminal, as the operator: cases, the annual re-check of
    /// permits, overdue training reports, invitation rounds, quotas and permits.
    #[command(subcommand)]
    Cases(CasesCommand),
    /// Generate realistic synthetic data (for demos and benchmarks).
    #[command(subcommand)]
    Generate(GenerateCommand),
    /// Travel documents: check and decode the machine-readable zone (MRZ) of a passport or ID card.
    #[command(subcommand)]
    Mrz(MrzCommand),
    /// Individual identification numbers: check an IIN and decode its birth date and sex.
    #[command(subcommand)]
    Iin(IinCommand),
    /// Kandas resettlement for batch work: applications listed and exported (audited), the
    /// report by region (see docs/kandas.md).
    #[command(subcommand)]
    Kandas(KandasCommand),
    /// Citizens working abroad for batch work: the registry listed and exported (audited), the
    /// figures by country (see docs/abroad.md).
    #[command(subcommand)]
    Abroad(AbroadCommand),
    /// The Paryz contest for batch work: a year's nominations listed and exported (audited), the
    /// summary of every year (see docs/paryz.md).
    #[command(subcommand)]
    Paryz(ParyzCommand),
}

impl Command {
    /// Commands that run a server log at info level by default; the others only warn.
    pub fn is_server(&self) -> bool {
        matches!(self, Command::Serve(_) | Command::Demo(_))
    }
}

#[derive(Args, Debug, Clone)]
pub struct DemoArgs {
    #[command(flatten)]
    pub serve: ServeArgs,
    /// Make the demo's accounts and data, then exit without serving (for scripts: serve it
    /// afterwards with `ashyq serve`).
    #[arg(long)]
    pub no_serve: bool,
    /// The language of the demo's own texts written into the database: names of its accounts,
    /// officers' reasons, opinions, notes, agreements, nominations and invented companies
    /// (people's names stay as in their passports). Chosen once, when the data is loaded.
    #[arg(long, value_enum, default_value = "ru")]
    pub language: DemoLanguage,
}

/// A language of the demo's own texts.
#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum DemoLanguage {
    /// Kazakh
    Kk,
    /// Russian
    Ru,
    /// English
    En,
}

#[derive(Args, Debug, Clone)]
pub struct ServeArgs {
    /// Address and port to listen on.
    #[arg(long, env = "ASHYQ_ADDR", default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// Always mark cookies Secure (set when ashyq is served over HTTPS).
    #[arg(long, env = "ASHYQ_SECURE_COOKIES")]
    pub secure_cookies: bool,
    /// Trust X-Forwarded-For and X-Forwarded-Proto from a reverse proxy in front of ashyq.
    #[arg(long, env = "ASHYQ_TRUST_PROXY")]
    pub trust_proxy: bool,
    /// How long a web session lasts, in hours.
    #[arg(long, env = "ASHYQ_SESSION_HOURS", default_value_t = 12, value_parser = clap::value_parser!(i64).range(1..=720))]
    pub session_hours: i64,
    /// Write a signed checkpoint of the audit chain into this folder at start, periodically and
    /// at shutdown (needs --checkpoint-key).
    #[arg(long, value_name = "DIR", env = "ASHYQ_CHECKPOINT_DIR", requires = "checkpoint_key")]
    pub checkpoint_dir: Option<PathBuf>,
    /// The private key that signs the checkpoints (from `ashyq audit keygen`).
    #[arg(long, value_name = "FILE", env = "ASHYQ_CHECKPOINT_KEY", requires = "checkpoint_dir")]
    pub checkpoint_key: Option<PathBuf>,
    /// Minutes between checkpoints (one is written only when records were added).
    #[arg(long, value_name = "MINUTES", env = "ASHYQ_CHECKPOINT_EVERY", default_value_t = 60, value_parser = clap::value_parser!(u64).range(1..=10080))]
    pub checkpoint_every: u64,
    /// How many passwords are hashed at once (logins, sign-ups, password changes; 19 MiB each
    /// while it runs); the others wait their turn. Default: the number of CPUs.
    #[arg(long, env = "ASHYQ_PASSWORD_HASHERS", value_parser = clap::value_parser!(u16).range(1..=256))]
    pub password_hashers: Option<u16>,
    /// The mail server notifications are sent through: smtp://host:25 (plain, for a relay on
    /// the same network), smtp://user:password@host:587?tls=required (STARTTLS) or
    /// smtps://user:password@host:465; `log:` writes each message to the log instead. Without
    /// it notifications are kept in the outbox and shown in the application only (the demo
    /// logs them).
    #[arg(long, value_name = "URL", env = "ASHYQ_SMTP_URL")]
    pub smtp_url: Option<String>,
    /// The sender of notifications.
    #[arg(
        long,
        value_name = "MAILBOX",
        env = "ASHYQ_MAIL_FROM",
        default_value = "ashyq <no-reply@localhost>"
    )]
    pub mail_from: String,
    /// The address people open ashyq at, for the links in messages (default: http://ADDR).
    #[arg(long, value_name = "URL", env = "ASHYQ_PUBLIC_URL")]
    pub public_url: Option<String>,
    /// Seconds between looks at the outbox of notifications.
    #[arg(long, value_name = "SECONDS", env = "ASHYQ_MAIL_POLL", default_value_t = 2, value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub mail_poll: u64,
    /// Seconds before a notification that could not be sent is tried again; the delay doubles
    /// with each failure, up to an hour.
    #[arg(long, value_name = "SECONDS", env = "ASHYQ_MAIL_RETRY", default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub mail_retry: u64,
}

#[derive(Subcommand, Debug)]
pub enum UserCommand {
    /// Open an account. Without --password-stdin a strong password is generated and printed once.
    Add {
        /// Login name: 3 to 64 characters of a-z, 0-9, '.', '_', '-', '@'.
        username: String,
        /// applicant, analyst, coordinator, officer, border or admin.
        #[arg(long)]
        role: String,
        /// The person's name as shown to others (default: the username).
        #[arg(long)]
        name: Option<String>,
        /// ISO 3166-2 region (e.g. KZ-75), for coordinators and officers scoped to a region.
        #[arg(long)]
        region: Option<String>,
        /// Read the password from the first line of standard input.
        #[arg(long)]
        password_stdin: bool,
    },
    /// List accounts.
    List {
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Disable an account: its sessions end and its API tokens are revoked.
    Disable { username: String },
    /// Enable a disabled account.
    Enable { username: String },
    /// Set a new password (ends the account's sessions). Without --password-stdin one is generated and printed once.
    SetPassword {
        username: String,
        /// Read the password from the first line of standard input.
        #[arg(long)]
        password_stdin: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum TokenCommand {
    /// Make an API bearer token for an account; the secret is printed once.
    Create {
        /// The account the token acts as.
        #[arg(long)]
        user: String,
        /// What the token is for.
        #[arg(long, default_value = "cli")]
        name: String,
        /// Lifetime in days (1 to 3650); without it the token lives until revoked.
        #[arg(long)]
        days: Option<i64>,
    },
    /// List an account's tokens (never the secrets).
    List {
        #[arg(long)]
        user: String,
    },
    /// Revoke a token by its id.
    Revoke { id: i64 },
}

#[derive(Subcommand, Debug)]
pub enum AuditCommand {
    /// Check the whole hash chain, and that it still holds each signed checkpoint given; exits 3
    /// naming the first broken record or the checkpoint the chain no longer holds, 2 if a
    /// checkpoint file cannot be trusted (altered, or signed with another key).
    Verify(AuditVerifyArgs),
    /// Show the most recent records, newest first.
    Tail {
        /// How many records.
        #[arg(short = 'n', long, default_value_t = 20, value_parser = clap::value_parser!(i64).range(1..=10000))]
        count: i64,
        /// Print JSON lines instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Make a key pair for signing checkpoints: the private key in FILE (mode 0600), the public
    /// key in FILE.pub. Keep the private key away from the database's machine.
    Keygen {
        /// Where to write the private key (refused if it or FILE.pub exists).
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Sign the chain's head (how many records, the last one's hash, the time) with the checkpoint
    /// key, as a small JSON file: kept outside the database, it shows a later cut or rewrite.
    Checkpoint {
        /// The private key file (from `ashyq audit keygen`).
        #[arg(long, value_name = "FILE", env = "ASHYQ_AUDIT_KEY")]
        key: PathBuf,
        /// Write the checkpoint to FILE instead of standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
}

#[derive(Args, Debug)]
pub struct AuditVerifyArgs {
    /// Signed checkpoint files the chain must still hold (a folder: every .json file in it).
    #[arg(long = "checkpoint", value_name = "FILE", num_args = 1..)]
    pub checkpoints: Vec<PathBuf>,
    /// The public key the checkpoints must be signed with (FILE.pub of `ashyq audit keygen`).
    #[arg(long, value_name = "FILE", env = "ASHYQ_AUDIT_PUBLIC_KEY")]
    pub public_key: Option<PathBuf>,
}

#[derive(Subcommand, Debug)]
pub enum OccupationsCommand {
    /// Find the unit groups for a job title typed in English, Russian or Kazakh.
    Search {
        /// The job title, e.g. "chemical engineer" or «инженер-химик».
        title: String,
        /// How many groups to show.
        #[arg(long, default_value_t = 5, value_parser = clap::value_parser!(u16).range(1..=50))]
        limit: u16,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Show a group of the classifier with its titles, parents and children.
    Show {
        /// A code such as 2512, 251 or 2512-1.
        code: String,
        #[arg(long)]
        json: bool,
    },
    /// Measure title search on a held-out set (title,lang,isco08): top-1 and top-3 accuracy.
    Evaluate {
        /// The set; without it, the one shipped in data/occupations/eval/held-out.csv.
        file: Option<PathBuf>,
        /// List every title the search did not put first.
        #[arg(long)]
        misses: bool,
    },
}

#[derive(Args, Debug)]
pub struct ImportArgs {
    /// Which source the file holds (`rates`: the National Bank's official exchange rates).
    #[arg(value_enum)]
    pub source: SourceArg,
    /// The file: CSV (UTF-8) or XLSX (first worksheet), with a header row.
    pub file: PathBuf,
    /// Write the good rows and set the bad ones aside (in FILE.rejected.csv and in the database),
    /// instead of writing nothing when any row is bad.
    #[arg(long)]
    pub skip_invalid: bool,
    /// Where to save the rejected rows with --skip-invalid (default: beside FILE).
    #[arg(long, requires = "skip_invalid")]
    pub rejects: Option<PathBuf>,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum SourceArg {
    Forecast,
    Vacancies,
    WorkPermits,
    Rates,
}

#[derive(Subcommand, Debug)]
pub enum RatesCommand {
    /// Per currency: the first and last dates with a rate, and how many rates.
    List {
        #[arg(long)]
        json: bool,
    },
    /// The official rate in force on a date: the rate set for it, or the latest before it
    /// (weekends, holidays) if no more than 10 days before; exits 1 if there is none.
    Show {
        /// An ISO 4217 code, e.g. USD.
        currency: String,
        /// The date, YYYY-MM-DD.
        date: jiff::civil::Date,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum ListCommand {
    /// Score every candidate occupation for a reference year and say which enter the list, and why.
    Compute(ComputeArgs),
}

#[derive(Args, Debug)]
pub struct ComputeArgs {
    /// The reference period: a calendar year, e.g. 2025.
    #[arg(long, value_parser = clap::value_parser!(i16).range(2000..=2100))]
    pub period: i16,
    /// Apply the methodology in force on this date (default: today).
    #[arg(long)]
    pub on: Option<jiff::civil::Date>,
    /// Read the sources from these files instead of the database (all three together).
    #[arg(long, requires_all = ["vacancies", "work_permits"])]
    pub forecast: Option<PathBuf>,
    #[arg(long, requires_all = ["forecast", "work_permits"])]
    pub vacancies: Option<PathBuf>,
    #[arg(long, requires_all = ["forecast", "vacancies"])]
    pub work_permits: Option<PathBuf>,
    /// Print JSON (every candidate with its checks) instead of a table.
    #[arg(long)]
    pub json: bool,
}

#[derive(Subcommand, Debug)]
pub enum BodiesCommand {
    /// List the coordinating organisations that drafts are sent to.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Add an organisation that drafts will be sent to.
    Add {
        /// A short code of a-z, 0-9 and '-', e.g. `mte` or `akimat-kz-75`.
        code: String,
        /// ministry, akimat, chamber or other.
        #[arg(long)]
        kind: String,
        /// The region of an akimat (ISO 3166-2, e.g. KZ-75).
        #[arg(long)]
        region: Option<String>,
        #[arg(long)]
        name_en: String,
        #[arg(long)]
        name_ru: String,
        #[arg(long)]
        name_kk: String,
    },
    /// Stop sending drafts to an organisation (its past opinions stay).
    Disable { code: String },
    /// Resume sending drafts to an organisation.
    Enable { code: String },
    /// Make a coordinator account speak for an organisation (an akimat's coordinator must be
    /// scoped to its region; a coordinator scoped to a region speaks for its akimat by default).
    Assign {
        /// The coordinator's username.
        username: String,
        /// The organisation's code, e.g. `moh`, `atameken`, `akimat-kz-75`.
        body: String,
    },
}

#[derive(Subcommand, Debug)]
pub enum MrzCommand {
    /// Read an MRZ (TD1: 3 lines of 30, TD2: 2 of 36, TD3: 2 of 44) from standard input, check
    /// every check digit and print its fields as JSON; exits 2 naming the field that is wrong.
    Parse {
        /// The date the centuries of its dates are inferred from (default: today).
        #[arg(long)]
        today: Option<jiff::civil::Date>,
    },
}

#[derive(Subcommand, Debug)]
pub enum IinCommand {
    /// Check an IIN (12 digits and its check digit) and print the birth date and sex it holds;
    /// exits 2 saying why when it is invalid.
    Check {
        /// The 12 digits.
        iin: String,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum StayCommand {
    /// Read {"rule", "stays", "permits", "on"} as JSON on standard input and print
    /// days_in_window, first_overstay, overstay_days and lawful_until as JSON (see docs/register.md).
    /// "visa-free" and "eaeu" take the policy's parameters in force on "on". Bad input: exit 2.
    Check,
}

#[derive(Subcommand, Debug)]
pub enum GenerateCommand {
    /// Synthetic national labour-market data: forecast.csv, vacancies.csv, work-permits.csv.
    Labour(GenerateLabourArgs),
    /// Illustrative daily exchange rates (USD, EUR, RUB, CNY; working days 2023–2026) as CSV, the
    /// demo's. NOT the National Bank's published rates.
    Rates(GenerateRatesArgs),
    /// Synthetic applications to the five programmes (JSON Lines), for `applications import`,
    /// `eval-batch` and the benchmark.
    Applications(GenerateApplicationsArgs),
    /// A synthetic national year of the register of movements: crossings.csv, registrations.csv
    /// and permits.csv (docs/register.md), with planted overstayers and refusals.
    Register(GenerateRegisterArgs),
}

#[derive(Args, Debug)]
pub struct GenerateRegisterArgs {
    /// The folder to write the three files into (created if missing).
    #[arg(long)]
    pub out: PathBuf,
    /// People who crossed the border.
    #[arg(long, default_value_t = 3_000_000)]
    pub people: u64,
    /// Crossings (entries, exits, refusals); at least --people.
    #[arg(long, default_value_t = 10_000_000)]
    pub crossings: u64,
    /// The year covered.
    #[arg(long, default_value_t = 2026)]
    pub year: i16,
    /// Seed of the generator: the same seed gives the same files.
    #[arg(long, default_value_t = 2026)]
    pub seed: u64,
    /// The last day covered, on which trips still open are open (default: 31 December of --year).
    #[arg(long)]
    pub as_of: Option<jiff::civil::Date>,
}

#[derive(Args, Debug)]
pub struct GenerateApplicationsArgs {
    /// The JSON Lines file to write.
    #[arg(long)]
    pub out: PathBuf,
    /// How many applications.
    #[arg(long, default_value_t = 10_000)]
    pub count: u64,
    /// Seed of the generator: the same seed gives the same file.
    #[arg(long, default_value_t = 2026)]
    pub seed: u64,
    /// Applications are dated from this day …
    #[arg(long, default_value = "2025-01-01")]
    pub first: jiff::civil::Date,
    /// … to this day.
    #[arg(long, default_value = "2026-11-20")]
    pub last: jiff::civil::Date,
}

#[derive(Args, Debug)]
pub struct GenerateRatesArgs {
    /// The CSV file to write (its folder is created if missing).
    #[arg(long)]
    pub out: PathBuf,
}

#[derive(Args, Debug)]
pub struct GenerateLabourArgs {
    /// The folder to write the three files into (created if missing).
    #[arg(long)]
    pub out: PathBuf,
    /// Size: 1.0 is the demo's default (about 120,000 vacancies and 12,000 permits).
    #[arg(long, default_value_t = 1.0)]
    pub scale: f64,
    /// Exact number of vacancies (overrides --scale for vacancies).
    #[arg(long)]
    pub vacancies: Option<u64>,
    /// Exact number of work permits (overrides --scale for permits).
    #[arg(long)]
    pub work_permits: Option<u64>,
    #[arg(long, default_value_t = 2022)]
    pub first_year: i16,
    #[arg(long, default_value_t = 2025)]
    pub last_year: i16,
    /// Seed of the random generator: the same seed gives the same files.
    #[arg(long, default_value_t = 2026)]
    pub seed: u64,
}

#[derive(Args, Debug)]
pub struct BackupArgs {
    /// Where to write the copy (a SQLite file).
    pub file: PathBuf,
    /// Overwrite FILE if it exists.
    #[arg(long)]
    pub force: bool,
}

#[derive(Args, Debug)]
pub struct RestoreArgs {
    /// A backup made by `ashyq backup`.
    pub file: PathBuf,
}

/// A language of explanations.
#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum Language {
    Kk,
    Ru,
    En,
}

#[derive(Args, Debug)]
pub struct EvalArgs {
    /// permanent-residence, valuable-skills-visa, investor-visa, ata-zholy or refugee.
    pub programme: String,
    /// The facts, a JSON file (`-` for standard input); see docs/programmes.md.
    pub facts: PathBuf,
    /// The date of application (default: today in Kazakhstan).
    #[arg(long)]
    pub on: Option<jiff::civil::Date>,
    /// Print the decision as JSON, with explanations in all three languages.
    #[arg(long)]
    pub json: bool,
    /// The language of the text output.
    #[arg(long, value_enum, default_value_t = Language::En)]
    pub lang: Language,
}

#[derive(Args, Debug)]
pub struct EvalBatchArgs {
    /// JSON Lines: {"reference": …, "programme": …, "on": "YYYY-MM-DD", "facts": {…}} per line.
    pub file: PathBuf,
    /// Decide every line on this date instead of its own.
    #[arg(long)]
    pub on: Option<jiff::civil::Date>,
    /// Write the decisions here instead of standard output.
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Threads (default: every core).
    #[arg(long)]
    pub threads: Option<usize>,
    /// Print the time spent reading, deciding and writing on standard error.
    #[arg(long)]
    pub timing: bool,
}

#[derive(Subcommand, Debug)]
pub enum ApplicationsCommand {
    /// Store applications from JSON Lines ({"reference", "programme", "on", "facts"} per line):
    /// every line is read and decided first; any bad line and nothing is stored. A reference
    /// already stored with the same application is left as it is.
    Import(ApplicationsImportArgs),
}

#[derive(Args, Debug)]
pub struct ApplicationsImportArgs {
    pub file: PathBuf,
}

#[derive(Args, Debug)]
pub struct SimulateArgs {
    /// The policy in force to compare with (default: the one built in).
    #[arg(long)]
    pub baseline: Option<PathBuf>,
    /// Decide every application on this date instead of its own application date.
    #[arg(long)]
    pub on: Option<jiff::civil::Date>,
    /// Print the whole report, every affected case, as JSON.
    #[arg(long)]
    pub json: bool,
    /// How many affected cases the text report lists.
    #[arg(long, default_value_t = 50)]
    pub limit: usize,
}

#[derive(Subcommand, Debug)]
pub enum RegisterCommand {
    /// Import a register file (CSV): every row is checked, then all are written in one
    /// transaction, or none if any row is bad. Rows are keyed by the client's ids: a re-import
    /// changes nothing. Exit 2 when rows are bad.
    Import(RegisterImportArgs),
    /// A person's lawful-stay status and record (audited as a read of the person's record).
    Status(RegisterStatusArgs),
    /// Every person present and their status: who has overstayed, since when.
    Overstays(RegisterOverstaysArgs),
    /// Counts: foreigners present by region and citizenship, crossings per month and checkpoint.
    Stats {
        #[arg(long)]
        json: bool,
    },
    /// Measure status lookups: the status of random persons, one after another, with the
    /// latency percentiles (for bench/register). With --audited each lookup is a read of the
    /// person's record and writes its audit entry, as the border check does.
    Latency {
        #[arg(long, default_value_t = 2_000)]
        samples: usize,
        #[arg(long)]
        on: Option<jiff::civil::Date>,
        #[arg(long)]
        audited: bool,
        #[arg(long, default_value_t = 2026)]
        seed: u64,
    },
    /// Merge two persons into one (an officer's decision; audited).
    Merge {
        /// The person who stays.
        #[arg(long)]
        into: i64,
        /// The person whose documents move to `--into`.
        #[arg(long)]
        from: i64,
        #[arg(long)]
        reason: String,
    },
    /// Split a document off the person it was wrongly joined to (audited).
    Split {
        #[arg(long)]
        document: i64,
        #[arg(long)]
        reason: String,
    },
    /// Undo a merge or split by its number (audited).
    Undo {
        merge: i64,
        #[arg(long)]
        reason: String,
    },
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum RegisterFileArg {
    Crossings,
    Registrations,
    Permits,
}

#[derive(Args, Debug)]
pub struct RegisterImportArgs {
    /// Which file: crossings, registrations or permits.
    #[arg(value_enum)]
    pub kind: RegisterFileArg,
    /// The CSV file.
    pub file: PathBuf,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Args, Debug)]
pub struct RegisterStatusArgs {
    /// The document: ISSUING_STATE:NUMBER (e.g. UZB:FA1234567).
    #[arg(long, conflicts_with = "person", required_unless_present = "person")]
    pub document: Option<String>,
    /// The person's id in the register.
    #[arg(long)]
    pub person: Option<i64>,
    /// The day examined (default: today in Kazakhstan).
    #[arg(long)]
    pub on: Option<jiff::civil::Date>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Args, Debug)]
pub struct RegisterOverstaysArgs {
    /// The day examined (default: today in Kazakhstan).
    #[arg(long)]
    pub on: Option<jiff::civil::Date>,
    /// How many overstayers to list (all are counted).
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
    #[arg(long)]
    pub json: bool,
}

#[derive(Subcommand, Debug)]
pub enum CasesCommand {
    /// Cases past the draft stage (drafts are the applicants' own): reference, programme,
    /// region, status, the rules' automatic outcome, points, when submitted.
    List(CasesListArgs),
    /// One case (by id or reference) with its evaluation, history, evidence and permit.
    Show {
        /// The case's id or its reference.
        case: String,
        #[arg(long)]
        json: bool,
    },
    /// The annual re-check of permits: every live permanent-residence permit decided again
    /// under the rules (Article 49: solvency), every live valuable-skills permit checked for
    /// overdue training reports (one overdue: review; two or more: cancel). A dry run unless
    /// --apply, which cancels what is to be cancelled.
    Recheck(CasesRecheckArgs),
    /// Valuable-skills permits with training reports overdue.
    Overdue {
        /// The day examined (default: today in Kazakhstan).
        #[arg(long)]
        on: Option<jiff::civil::Date>,
        #[arg(long)]
        json: bool,
    },
    /// Invitation rounds of the valuable-skills visa.
    #[command(subcommand)]
    Round(CasesRoundCommand),
    /// Annual quotas of places per programme.
    #[command(subcommand)]
    Quota(CasesQuotaCommand),
    /// Permits issued by cases, newest first.
    Permits {
        /// Only this programme's permits.
        #[arg(long)]
        programme: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// One permit by its number, with its history (and training reports).
    Permit {
        /// E.g. PR-2026-000001.
        number: String,
        #[arg(long)]
        json: bool,
    },
    /// Create the demo's case accounts (officers and applicants) and cases in every state, as
    /// `ashyq demo` does; nothing when they exist already.
    Demo {
        /// The language of the demo's texts (officers' reasons, account names): kk, ru or en.
        #[arg(long, value_enum, default_value = "ru")]
        language: DemoLanguage,
    },
}

#[derive(Args, Debug)]
pub struct CasesListArgs {
    /// submitted, information_requested, awaiting_confirmation, approved, refused or withdrawn.
    #[arg(long)]
    pub status: Option<String>,
    /// permanent-residence, valuable-skills-visa, investor-visa, ata-zholy or refugee.
    #[arg(long)]
    pub programme: Option<String>,
    /// ISO 3166-2 region, e.g. KZ-75.
    #[arg(long)]
    pub region: Option<String>,
    /// Print JSON instead of a table.
    #[arg(long)]
    pub json: bool,
}

#[derive(Args, Debug)]
pub struct CasesRecheckArgs {
    /// The day of the re-check (default: today in Kazakhstan); cancellations take effect on it.
    #[arg(long)]
    pub on: Option<jiff::civil::Date>,
    /// Cancel the permits the re-check finds must be cancelled (without it nothing is written).
    #[arg(long)]
    pub apply: bool,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Subcommand, Debug)]
pub enum CasesRoundCommand {
    /// Hold a round today: invite the best-ranked eligible submitted cases (held once per
    /// reference; the same reference again shows the round held).
    Hold {
        #[arg(long)]
        reference: String,
        /// How many to invite (default: the places left in the year's quota).
        #[arg(long)]
        size: Option<i64>,
        /// Only candidates of this priority sector.
        #[arg(long)]
        sector: Option<String>,
    },
    /// A round with its invitations.
    Show { id: i64 },
    /// Re-derive a round from the candidates it stored; exits 1 if it does not come out the same.
    Verify { id: i64 },
}

#[derive(Subcommand, Debug)]
pub enum CasesQuotaCommand {
    /// Set a programme's places for a year (not below the places already taken: exit 2).
    Set {
        #[arg(long)]
        programme: String,
        #[arg(long, value_parser = clap::value_parser!(i16).range(2000..=2100))]
        year: i16,
        #[arg(long)]
        places: i64,
    },
    /// Every quota set, with the places taken.
    List {
        #[arg(long)]
        json: bool,
    },
}

// ---------------------------------------------------------------------------------------------
// Batch work on kandas, citizens abroad and Paryz (issue 16)
// ---------------------------------------------------------------------------------------------

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// UTF-8 with a byte-order mark, so spreadsheets read the letters right.
    Csv,
    /// An Excel workbook.
    Xlsx,
}

#[derive(Args, Debug, Clone)]
pub struct ExportArgs {
    /// The file's format.
    #[arg(long, value_enum, default_value_t = ExportFormat::Csv)]
    pub format: ExportFormat,
    /// The file to write (default: standard output).
    #[arg(long, short, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

#[derive(Args, Debug, Clone)]
pub struct KandasFilterArgs {
    /// Only this region (ISO 3166-2, e.g. KZ-59).
    #[arg(long)]
    pub region: Option<String>,
    /// Only this status: submitted, assigned or refused.
    #[arg(long)]
    pub status: Option<String>,
    /// Only applications filed in this year.
    #[arg(long)]
    pub year: Option<i16>,
    /// At most this many.
    #[arg(long, default_value_t = 100_000)]
    pub limit: i64,
}

#[derive(Subcommand, Debug)]
pub enum KandasCommand {
    /// Applications, oldest first: reference, region, status, applicant, origin, family size,
    /// filed, assigned, subsidies. The listing is audited (names are personal data).
    List {
        #[command(flatten)]
        filter: KandasFilterArgs,
        #[arg(long)]
        json: bool,
    },
    /// The report by region for a year, as the report page shows it: quota, used, left,
    /// families settled, persons, subsidies due and paid.
    Report {
        /// The year (default: this year).
        #[arg(long)]
        year: Option<i16>,
        #[arg(long)]
        json: bool,
    },
    /// The applications as a CSV or XLSX file (audited).
    Export {
        #[command(flatten)]
        filter: KandasFilterArgs,
        #[command(flatten)]
        export: ExportArgs,
    },
}

#[derive(Args, Debug, Clone)]
pub struct AbroadFilterArgs {
    /// Only citizens working in this country (ISO 3166-1 alpha-3, e.g. KOR).
    #[arg(long)]
    pub country: Option<String>,
    /// An IIN exactly, or part of a surname or given name.
    #[arg(long, default_value = "")]
    pub query: String,
}

#[derive(Subcommand, Debug)]
pub enum AbroadCommand {
    /// The registry of citizens working abroad (at most 500), the countries where most work
    /// first. The listing is audited.
    List {
        #[command(flatten)]
        filter: AbroadFilterArgs,
        #[arg(long)]
        json: bool,
    },
    /// The figures by country, as the overview page shows them: citizens under contract, by
    /// sector, open protection cases (counts only).
    Report {
        #[arg(long)]
        json: bool,
    },
    /// The registry as a CSV or XLSX file (audited).
    Export {
        #[command(flatten)]
        filter: AbroadFilterArgs,
        #[command(flatten)]
        export: ExportArgs,
    },
}

#[derive(Args, Debug, Clone)]
pub struct ParyzFilterArgs {
    /// The contest year.
    #[arg(long)]
    pub year: i64,
    /// Only this verdict: winner, shortlisted, not_selected (or undecided).
    #[arg(long)]
    pub verdict: Option<String>,
}

#[derive(Subcommand, Debug)]
pub enum ParyzCommand {
    /// A year's nominations, winners first. The listing is audited.
    List {
        #[command(flatten)]
        filter: ParyzFilterArgs,
        #[arg(long)]
        json: bool,
    },
    /// Every contest year: status, prizes, nominations by verdict, jobs created and investment.
    Report {
        #[arg(long)]
        json: bool,
    },
    /// A year's nominations as a CSV or XLSX file (audited).
    Export {
        #[command(flatten)]
        filter: ParyzFilterArgs,
        #[command(flatten)]
        export: ExportArgs,
    },
}
