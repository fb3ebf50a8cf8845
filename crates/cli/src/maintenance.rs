//! `ashyq migrate`, `ashyq audit …` (checkpoints in `audit_checkpoints`), `ashyq backup`, `ashyq restore`.

use crate::args::{AuditCommand, BackupArgs, RestoreArgs};
use crate::audit_checkpoints;
use crate::serve::redact;
use ashyq_store::{Db, audit, backup};
use std::process::ExitCode;

pub async fn migrate(url: &str) -> anyhow::Result<ExitCode> {
    let db = Db::open(url).await?;
    db.close().await;
    println!("{} is up to date ({} migrations)", redact(url), ashyq_store::db::known_migrations());
    Ok(ExitCode::SUCCESS)
}

pub async fn audit(url: &str, cmd: AuditCommand) -> anyhow::Result<ExitCode> {
    // Making a key touches no database.
    if let AuditCommand::Keygen { out } = &cmd {
        return audit_checkpoints::keygen(out);
    }
    let db = Db::open(url).await?;
    let code = match cmd {
        AuditCommand::Keygen { .. } => unreachable!("handled above"),
        AuditCommand::Verify(args) => audit_checkpoints::verify(&db, args).await?,
        AuditCommand::Checkpoint { key, out } => {
            audit_checkpoints::checkpoint(&db, &key, out.as_deref()).await?
        }
        AuditCommand::Tail { count, json } => {
            let records = audit::tail(&db, count).await?;
            for r in records {
                if json {
                    println!("{}", serde_json::to_string(&r)?);
                } else {
                    // Kazakhstan's time, as the audit page shows it.
                    let at = r.at().map(ashyq_store::local_second).unwrap_or_default();
                    println!(
                        "{:>6} {at} {:<16} {:<11} {:<22} {}:{} req={} {}",
                        r.seq, r.actor, r.role, r.action, r.object_type, r.object_id, r.request_id, r.detail
                    );
                }
            }
            ExitCode::SUCCESS
        }
    };
    db.close().await;
    Ok(code)
}

pub async fn backup(url: &str, args: BackupArgs) -> anyhow::Result<ExitCode> {
    let db = Db::connect(url).await?;
    let size = backup::backup(&db, &args.file, args.force).await;
    db.close().await;
    println!("backup written to {} ({} bytes)", args.file.display(), size?);
    Ok(ExitCode::SUCCESS)
}

pub async fn restore(url: &str, args: RestoreArgs) -> anyhow::Result<ExitCode> {
    let (info, kept) = backup::restore(&args.file, url).await?;
    println!(
        "restored {} into {} ({} accounts, {} audit records)",
        args.file.display(),
        redact(url),
        info.users,
        info.audit_records
    );
    if let Some(k) = kept {
        println!("the database it replaced was kept as {}", k.display());
    }
    Ok(ExitCode::SUCCESS)
}
