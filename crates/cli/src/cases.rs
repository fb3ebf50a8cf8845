//! `ashyq cases …`: the case workflow at the terminal, as the operator (an administrator):
//! listing and showing cases, the annual re-check of permits (Article 49's solvency for
//! permanent residence, the training obligation of the valuable-skills visa) with its dry run,
//! overdue training reports, invitation rounds and their verification, quotas, and permits with
//! their history. The demo's cases are made by [`demo`].
//!
//! Exit codes: 0 done; 2 bad input (the message names the field); 1 anything else (not found,
//! a move refused, a round that does not re-derive, a database failure).

pub mod demo;
mod recheck;

use crate::args::{CasesCommand, CasesListArgs, CasesQuotaCommand, CasesRoundCommand};
use ashyq_core::cases::CaseStatus;
use ashyq_core::policy::Policy;
use ashyq_core::rules::Programme;
use ashyq_core::said::Said;
use ashyq_store::cases::{self, CaseSummary, QueueFilter, Viewer, evidence, permits, quotas, rounds};
use ashyq_store::{Actor, Db, StoreError};
use std::process::ExitCode;

/// Exit code for bad input: a field that does not read (named in the message).
pub const EXIT_BAD_INPUT: u8 = 2;
/// Exit code when what was asked for is not there, or a move was refused.
const EXIT_FAILED: u8 = 1;

/// The statuses a listing covers: every one past the draft (drafts are the applicants' own).
const LISTED: [CaseStatus; 6] = [
    CaseStatus::Submitted,
    CaseStatus::InformationRequested,
    CaseStatus::AwaitingConfirmation,
    CaseStatus::Approved,
    CaseStatus::Refused,
    CaseStatus::Withdrawn,
];

pub async fn run(url: &str, policy: &Policy, command: CasesCommand) -> anyhow::Result<ExitCode> {
    let db = Db::open(url).await?;
    let result = dispatch(&db, policy, command).await;
    db.close().await;
    match result {
        Ok(code) => Ok(code),
        Err(e @ StoreError::Field { .. }) => {
            eprintln!("{e}");
            Ok(ExitCode::from(EXIT_BAD_INPUT))
        }
        Err(
            e @ (StoreError::NotFound { .. }
            | StoreError::Refused(_)
            | StoreError::Conflict { .. }
            | StoreError::Forbidden(_)
            | StoreError::OtherRegion { .. }),
        ) => {
            eprintln!("{e}");
            Ok(ExitCode::from(EXIT_FAILED))
        }
        Err(e) => Err(e.into()),
    }
}

async fn dispatch(db: &Db, policy: &Policy, command: CasesCommand) -> Result<ExitCode, StoreError> {
    let actor = Actor::cli();
    match command {
        CasesCommand::List(a) => list(db, &actor, a).await,
        CasesCommand::Show { case, json } => show(db, &actor, &case, json).await,
        CasesCommand::Recheck(a) => recheck::run(db, &actor, policy, a).await,
        CasesCommand::Overdue { on, json } => {
            overdue(db, policy, on.unwrap_or_else(ashyq_store::today), json).await
        }
        CasesCommand::Round(c) => round(db, &actor, policy, c).await,
        CasesCommand::Quota(c) => quota(db, &actor, c).await,
        CasesCommand::Permits { programme, json } => {
            let programme = programme.as_deref().map(|p| parse_programme("--programme", p)).transpose()?;
            let all = permits::list(db, &actor, &Viewer::Admin, programme, 5000).await?;
            if json {
                println!("{}", to_json(&all));
                return Ok(ExitCode::SUCCESS);
            }
            println!(
                "{:<18} {:<22} {:<6} {:<10} {:<10} {:<10} holder",
                "number", "programme", "region", "from", "until", "cancelled"
            );
            for p in &all {
                println!(
                    "{:<18} {:<22} {:<6} {:<10} {:<10} {:<10} {}",
                    p.number,
                    p.programme.id(),
                    p.region,
                    p.valid_from,
                    p.valid_until,
                    p.cancelled_on.map_or_else(|| "-".to_string(), |d| d.to_string()),
                    p.holder.full_name()
                );
            }
            println!("{} permits", all.len());
            Ok(ExitCode::SUCCESS)
        }
        CasesCommand::Permit { number, json } => permit(db, policy, &number, json).await,
        CasesCommand::Demo { language } => {
            let text = crate::demo_text::DemoText::new(language)
                .map_err(|e| StoreError::Refused(Said::new("refused-demo", format!("{e:#}"))))?;
            let dir = std::env::temp_dir().join(format!("ashyq-cases-demo-{}", std::process::id()));
            let done = demo::load(db, policy, &dir, &text).await;
            let _ = std::fs::remove_dir_all(&dir);
            match done.map_err(|e| StoreError::Refused(Said::new("refused-demo", format!("{e:#}"))))? {
                Some(what) => println!("{what}"),
                None => println!("The demo's cases exist already: nothing loaded."),
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn to_json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default()
}

pub fn parse_programme(field: &str, text: &str) -> Result<Programme, StoreError> {
    Programme::parse(text.trim()).ok_or_else(|| {
        StoreError::field(
            field,
            Said::new(
                "field-not-a-programme",
                format!(
                    "{text:?} is not a programme ({})",
                    Programme::ALL.iter().map(|p| p.id()).collect::<Vec<_>>().join(", ")
                ),
            )
            .text("value", text),
        )
    })
}

/// An instant as a date and time in Kazakhstan (Asia/Almaty).
pub fn when(t: jiff::Timestamp) -> String {
    ashyq_store::local_minute(t)
}

/// Every case past the draft stage that the filters keep, oldest submission first.
pub async fn summaries(
    db: &Db,
    actor: &Actor,
    status: Option<CaseStatus>,
    programme: Option<Programme>,
    region: Option<String>,
) -> Result<Vec<CaseSummary>, StoreError> {
    let statuses: Vec<CaseStatus> = match status {
        Some(s) => vec![s],
        None => LISTED.to_vec(),
    };
    let mut out = Vec::new();
    for s in statuses {
        let filter = QueueFilter {
            programme,
            status: Some(s),
            region: region.clone(),
            older_than_days: None,
            now: jiff::Timestamp::UNIX_EPOCH,
            limit: 1000,
            ..Default::default()
        };
        out.extend(cases::read::queue(db, actor, &Viewer::Admin, &filter).await?);
    }
    out.sort_by_key(|c| (c.submitted_at, c.id));
    Ok(out)
}

async fn list(db: &Db, actor: &Actor, a: CasesListArgs) -> Result<ExitCode, StoreError> {
    let status = match a.status.as_deref().map(str::trim) {
        None => None,
        Some("draft") => {
            return Err(StoreError::field(
                "--status",
                Said::new("field-drafts-unlisted", "drafts are the applicants' own and are not listed"),
            ));
        }
        Some(s) => Some(CaseStatus::parse(s).ok_or_else(|| {
            let known: Vec<&str> = LISTED.iter().map(|s| s.as_str()).collect();
            StoreError::field(
                "--status",
                Said::new("field-not-a-status", format!("{s:?} is not a status ({})", known.join(", ")))
                    .text("value", s),
            )
        })?),
    };
    let programme = a.programme.as_deref().map(|p| parse_programme("--programme", p)).transpose()?;
    let region = match a.region.as_deref() {
        None => None,
        Some(r) => Some(ashyq_core::region::by_code(r.trim()).map(|x| x.code.clone()).ok_or_else(|| {
            StoreError::field(
                "--region",
                Said::new("field-not-a-region", format!("{r:?} is not a region of Kazakhstan (e.g. KZ-75)"))
                    .text("value", r),
            )
        })?),
    };
    let all = summaries(db, actor, status, programme, region).await?;
    if a.json {
        println!("{}", to_json(&all));
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "{:<20} {:<22} {:<6} {:<22} {:<14} {:>6}  submitted",
        "reference", "programme", "region", "status", "automatic", "points"
    );
    for c in &all {
        println!(
            "{:<20} {:<22} {:<6} {:<22} {:<14} {:>6}  {}",
            c.reference,
            c.programme.id(),
            c.region,
            c.status.as_str(),
            c.outcome.as_deref().unwrap_or("-"),
            c.points.map(|p| p.to_string()).unwrap_or_else(|| "-".into()),
            c.submitted_at.map(when).unwrap_or_else(|| "-".into())
        );
    }
    println!("{} cases", all.len());
    Ok(ExitCode::SUCCESS)
}

/// The id of a case given by id or reference.
async fn case_id(db: &Db, key: &str) -> Result<i64, StoreError> {
    let key = key.trim();
    if let Ok(id) = key.parse::<i64>() {
        return Ok(id);
    }
    cases::read::id_of_reference(db, key)
        .await?
        .ok_or_else(|| StoreError::NotFound { what: "case", key: key.to_string() })
}

async fn show(db: &Db, actor: &Actor, key: &str, json: bool) -> Result<ExitCode, StoreError> {
    let id = case_id(db, key).await?;
    let case = cases::read::get(db, actor, &Viewer::Admin, id).await?;
    let history = cases::read::events(db, id).await?;
    let files = evidence::list(db, id).await?;
    let permit = match case.permit_id {
        Some(p) => Some(permits::get(db, actor, &Viewer::Admin, p).await?),
        None => None,
    };
    if json {
        let out =
            serde_json::json!({ "case": case, "history": history, "evidence": files, "permit": permit });
        println!("{}", to_json(&out));
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "case {} ({}): {} in {}, {}",
        case.id,
        case.reference,
        case.programme.id(),
        case.region,
        case.status
    );
    let h = &case.holder;
    println!(
        "  holder: {} ({}, born {}, {} passport {} to {}), account {}",
        h.full_name(),
        h.sex,
        h.birth_date,
        h.nationality,
        h.passport_number,
        h.passport_expiry,
        case.applicant
    );
    println!(
        "  evaluated on {} under policy {}: {}{}",
        case.applied_on,
        case.policy_edition.as_deref().unwrap_or("-"),
        case.outcome.as_deref().unwrap_or("not evaluated"),
        case.points.map(|p| format!(", {p} points")).unwrap_or_default()
    );
    if let Some(s) = &case.sector {
        println!("  priority sector: {s}");
    }
    if let Some(r) = case.invited_round {
        println!("  invited in round {r}");
    }
    if let Some(checks) = case.evaluation.as_ref().and_then(|e| e.get("checks")).and_then(|c| c.as_array()) {
        for c in checks {
            let text = |k: &str| c.get(k).and_then(|v| v.as_str()).unwrap_or("").to_string();
            println!("    [{:^13}] {}", text("result"), text("rule"));
        }
    }
    println!("history:");
    for e in &history {
        let moved = match (&e.from_status, &e.to_status) {
            (Some(f), Some(t)) => format!(" {f} → {t}"),
            (None, Some(t)) => format!(" → {t}"),
            _ => String::new(),
        };
        let over = e.override_of.as_deref().map(|o| format!(" (override of {o})")).unwrap_or_default();
        println!("  {} {} ({}) {}{moved}{over}", when(e.at), e.actor, e.actor_role, e.kind);
        if let Some(b) = &e.body {
            println!("      {b}");
        }
    }
    println!("evidence:");
    if files.is_empty() {
        println!("  none");
    }
    for f in &files {
        println!(
            "  {} {} {} by {} on {}: {} ({}, {} bytes, sha256 {})",
            f.id,
            f.document_type,
            f.number,
            f.issuer,
            f.issued_on,
            f.file_name,
            f.media_type,
            f.size_bytes,
            f.sha256
        );
    }
    match &permit {
        Some(p) => println!(
            "permit: {} valid {} to {}{}",
            p.number,
            p.valid_from,
            p.valid_until,
            p.cancelled_on
                .map(|c| format!(", cancelled on {c} ({})", p.cancel_ground.as_deref().unwrap_or("-")))
                .unwrap_or_default()
        ),
        None => println!("permit: none"),
    }
    Ok(ExitCode::SUCCESS)
}

async fn overdue(
    db: &Db,
    policy: &Policy,
    on: jiff::civil::Date,
    json: bool,
) -> Result<ExitCode, StoreError> {
    let late = permits::overdue(db, policy, &Viewer::Admin, on).await?;
    if json {
        println!("{}", to_json(&late));
        return Ok(ExitCode::SUCCESS);
    }
    println!("on {on}: {} valuable-skills permits with training reports overdue", late.len());
    for o in &late {
        let periods: Vec<String> = o
            .periods
            .iter()
            .map(|p| format!("period {} ({} to {}, due {})", p.number, p.starts, p.ends, p.due))
            .collect();
        println!(
            "  {} {} ({}): {}; {} trainees reported, {} a year required",
            o.permit.number,
            o.permit.holder.full_name(),
            o.permit.region,
            periods.join(", "),
            o.trainees_reported,
            o.permit.min_trainees.map(|n| n.to_string()).unwrap_or_else(|| "-".into())
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn print_round(r: &rounds::Round) {
    println!(
        "round {} ({}), held on {} by {}: size {}{}, {} considered, {} invited, cut-off {}, tie-break time {}",
        r.id,
        r.reference,
        r.held_on,
        r.held_by,
        r.size,
        r.sector.as_deref().map(|s| format!(", sector {s}")).unwrap_or_default(),
        r.considered,
        r.invitations.len(),
        r.cut_off.map(|c| format!("{c} points")).unwrap_or_else(|| "-".into()),
        r.tie_break_at.map(when).unwrap_or_else(|| "-".into())
    );
    for i in &r.invitations {
        println!(
            "  {:>4}. case {:<8} {:>4} points, submitted {}",
            i.rank,
            i.case_id,
            i.points,
            when(i.submitted_at)
        );
    }
}

async fn round(
    db: &Db,
    actor: &Actor,
    policy: &Policy,
    c: CasesRoundCommand,
) -> Result<ExitCode, StoreError> {
    match c {
        CasesRoundCommand::Hold { reference, size, sector } => {
            let (r, new) =
                rounds::hold(db, actor, policy, &reference, size, sector.as_deref(), ashyq_store::today())
                    .await?;
            if !new {
                println!("a round with reference {reference:?} was held already:");
            }
            print_round(&r);
            Ok(ExitCode::SUCCESS)
        }
        CasesRoundCommand::Show { id } => {
            print_round(&rounds::get(db, id).await?);
            Ok(ExitCode::SUCCESS)
        }
        CasesRoundCommand::Verify { id } => {
            let r = rounds::get(db, id).await?;
            if rounds::verify(db, id).await? {
                println!(
                    "round {id} ({}): re-derived from its {} stored candidates, the same {} invitations, cut-off and tie-break",
                    r.reference,
                    r.considered,
                    r.invitations.len()
                );
                Ok(ExitCode::SUCCESS)
            } else {
                eprintln!(
                    "round {id} ({}): the stored round does NOT re-derive from its candidates",
                    r.reference
                );
                Ok(ExitCode::from(EXIT_FAILED))
            }
        }
    }
}

async fn quota(db: &Db, actor: &Actor, c: CasesQuotaCommand) -> Result<ExitCode, StoreError> {
    match c {
        CasesQuotaCommand::Set { programme, year, places } => {
            let programme = parse_programme("--programme", &programme)?;
            let q = quotas::set(db, actor, programme, year, places).await.map_err(|e| match e {
                StoreError::Field { field, reason } if field == "places" => {
                    StoreError::Field { field: "--places".into(), reason }
                }
                other => other,
            })?;
            println!("quota of {} for {}: {} places, {} taken", q.programme, q.year, q.places, q.used);
            Ok(ExitCode::SUCCESS)
        }
        CasesQuotaCommand::List { json } => {
            let all = quotas::list(db).await?;
            if json {
                println!("{}", to_json(&all));
                return Ok(ExitCode::SUCCESS);
            }
            println!("{:<22} {:>4} {:>7} {:>7}  set by", "programme", "year", "places", "taken");
            for q in &all {
                println!("{:<22} {:>4} {:>7} {:>7}  {}", q.programme, q.year, q.places, q.used, q.set_by);
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

async fn permit(db: &Db, policy: &Policy, number: &str, json: bool) -> Result<ExitCode, StoreError> {
    let p = permits::by_number(db, number).await?;
    let history = permits::history(db, p.id).await?;
    let reports = permits::reports(db, p.id).await?;
    let today = ashyq_store::today();
    let periods = permits::periods(policy, &p, today)?;
    if json {
        let out =
            serde_json::json!({ "permit": p, "history": history, "reports": reports, "periods": periods });
        println!("{}", to_json(&out));
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "permit {} ({}) of case {}: {}, {}, valid {} to {}",
        p.number,
        p.kind,
        p.case_id,
        p.holder.full_name(),
        p.region,
        p.valid_from,
        p.valid_until
    );
    if let Some(c) = &p.cancelled_on {
        println!("  CANCELLED on {c}: {}", p.cancel_ground.as_deref().unwrap_or("-"));
    }
    println!("  rights: {}", p.rights.join(", "));
    println!("  conditions: {}", p.conditions.join(", "));
    println!("history:");
    for h in &history {
        println!(
            "  {} {} {} ({} to {}){}{}",
            when(h.at),
            h.actor,
            h.kind,
            h.valid_from,
            h.valid_until,
            h.ground.as_deref().map(|g| format!(", ground {g}")).unwrap_or_default(),
            h.reason.as_deref().map(|r| format!(": {r}")).unwrap_or_default()
        );
    }
    if !periods.is_empty() {
        println!("training reports (on {today}):");
        for period in &periods {
            let filed = reports.iter().find(|r| r.period == i64::from(period.number));
            let state = match filed {
                Some(r) => format!("filed by {}, {} trainees", r.filed_by, r.trainees),
                None if period.due < today => "OVERDUE".to_string(),
                None => "not yet due".to_string(),
            };
            println!(
                "  period {} ({} to {}, due {}): {state}",
                period.number, period.starts, period.ends, period.due
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
