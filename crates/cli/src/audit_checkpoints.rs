//! Signed checkpoints of the audit chain outside the database: the key pair (`ashyq audit
//! keygen`), one checkpoint (`ashyq audit checkpoint`), the chain checked against checkpoint
//! files (`ashyq audit verify --checkpoint`), and the server's periodic writer.

use crate::args::AuditVerifyArgs;
use anyhow::{Context, bail};
use ashyq_core::audit::checkpoint::{self, Checkpoint, SigningKey, VerifyingKey};
use ashyq_store::{Db, StoreError, audit};
use rand::RngCore;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Exit code when a checkpoint file cannot be trusted or none can be read.
const EXIT_UNTRUSTED: u8 = 2;

/// Where the public key of the private key file `key` is written: `key` + `.pub`.
fn public_path(key: &Path) -> PathBuf {
    let mut p = key.as_os_str().to_owned();
    p.push(".pub");
    PathBuf::from(p)
}

/// Writes a file that must not exist yet, readable by its owner only when `private`.
fn write_new(path: &Path, text: &str, private: bool) -> anyhow::Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(if private { 0o600 } else { 0o644 });
    }
    #[cfg(not(unix))]
    let _ = private;
    let mut file = options.open(path).with_context(|| format!("creating {}", path.display()))?;
    file.write_all(text.as_bytes())
        .and_then(|()| file.sync_all())
        .with_context(|| format!("writing {}", path.display()))
}

/// Writes a checkpoint file whole or not at all (a temporary file renamed into place).
fn write_checkpoint_file(path: &Path, cp: &Checkpoint) -> anyhow::Result<()> {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp = path.with_file_name(format!(".{name}.tmp"));
    let _ = std::fs::remove_file(&tmp);
    write_new(&tmp, &cp.to_json(), false)?;
    std::fs::rename(&tmp, path).with_context(|| format!("writing {}", path.display()))
}

/// `ashyq audit keygen --out FILE`.
pub fn keygen(out: &Path) -> anyhow::Result<ExitCode> {
    let public = public_path(out);
    for p in [out, public.as_path()] {
        if p.exists() {
            bail!(
                "{} exists already: a new key would not verify the checkpoints signed with the old one; \
                 choose another name",
                p.display()
            );
        }
    }
    let mut seed = [0u8; 32];
    // ThreadRng is a CSPRNG (ChaCha12) seeded from the operating system.
    rand::rng().fill_bytes(&mut seed);
    let key = checkpoint::key_from_seed(seed);
    seed.fill(0);
    write_new(out, &checkpoint::signing_key_text(&key), true)?;
    write_new(&public, &checkpoint::verifying_key_text(&key.verifying_key()), false)?;
    println!(
        "private key written to {} (mode 0600): keep it away from the database's machine",
        out.display()
    );
    println!("public key written to {}: {}", public.display(), hex_key(&key.verifying_key()));
    Ok(ExitCode::SUCCESS)
}

fn hex_key(key: &VerifyingKey) -> String {
    key.as_bytes().iter().map(|b| format!("{b:02x}")).collect()
}

/// Reads a private key file, warning when others may read it.
pub fn read_signing_key(path: &Path) -> anyhow::Result<SigningKey> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading the key {}", path.display()))?;
    #[cfg(unix)]
    if let Ok(meta) = std::fs::metadata(path) {
        use std::os::unix::fs::PermissionsExt;
        let mode = meta.permissions().mode() & 0o777;
        if mode & 0o077 != 0 {
            tracing::warn!(
                "{} can be read by other users (mode {mode:04o}): chmod 600 {}",
                path.display(),
                path.display()
            );
        }
    }
    checkpoint::signing_key_from_text(&text).map_err(|why| anyhow::anyhow!("{}: {why}", path.display()))
}

fn read_public_key(path: &Path) -> anyhow::Result<VerifyingKey> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("reading the public key {}", path.display()))?;
    checkpoint::verifying_key_from_text(&text).map_err(|why| anyhow::anyhow!("{}: {why}", path.display()))
}

/// `ashyq audit checkpoint --key FILE [--out FILE]`.
pub async fn checkpoint(db: &Db, key: &Path, out: Option<&Path>) -> anyhow::Result<ExitCode> {
    let key = read_signing_key(key)?;
    let cp = audit::checkpoint(db, &key).await?;
    match out {
        Some(path) => {
            write_checkpoint_file(path, &cp)?;
            println!("checkpoint of record {} ({}) written to {}", cp.seq, cp.at, path.display());
        }
        None => print!("{}", cp.to_json()),
    }
    Ok(ExitCode::SUCCESS)
}

/// The files named, a folder standing for every `.json` file in it, in name order.
fn checkpoint_files(paths: &[PathBuf]) -> anyhow::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut found: Vec<PathBuf> = std::fs::read_dir(p)
                .with_context(|| format!("reading the folder {}", p.display()))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|f| f.extension().is_some_and(|x| x == "json") && f.is_file())
                .collect();
            if found.is_empty() {
                bail!("{} holds no checkpoint (.json) files", p.display());
            }
            found.sort();
            files.extend(found);
        } else {
            files.push(p.clone());
        }
    }
    Ok(files)
}

/// `ashyq audit verify [--checkpoint FILE… --public-key FILE]`: the chain, then each checkpoint.
pub async fn verify(db: &Db, args: AuditVerifyArgs) -> anyhow::Result<ExitCode> {
    // The checkpoint files first: nothing is compared with one that cannot be trusted.
    let mut trusted = Vec::new();
    if !args.checkpoints.is_empty() {
        let Some(public) = &args.public_key else {
            eprintln!(
                "error: --checkpoint needs the public key the checkpoints were signed with: \
                 --public-key FILE (or ASHYQ_AUDIT_PUBLIC_KEY)"
            );
            return Ok(ExitCode::from(EXIT_UNTRUSTED));
        };
        let public = read_public_key(public)?;
        let mut refused = 0;
        for file in checkpoint_files(&args.checkpoints)? {
            let text =
                std::fs::read_to_string(&file).with_context(|| format!("reading {}", file.display()))?;
            match Checkpoint::from_json(&text).and_then(|cp| cp.verify(&public).map(|()| cp)) {
                Ok(cp) => trusted.push((file, cp)),
                Err(why) => {
                    eprintln!("checkpoint {} REFUSED: {why}", file.display());
                    refused += 1;
                }
            }
        }
        if refused > 0 {
            return Ok(ExitCode::from(EXIT_UNTRUSTED));
        }
    }
    let records = match audit::verify(db).await {
        Ok(n) => n,
        Err(StoreError::AuditBroken(b)) => {
            eprintln!("audit log BROKEN at record {}: {b}", b.seq());
            return Ok(ExitCode::from(crate::EXIT_AUDIT_BROKEN));
        }
        Err(e) => return Err(e.into()),
    };
    println!("audit log intact: {records} records, hash chain verified");
    let mut broken = 0;
    for (file, cp) in &trusted {
        if let Err(behind) = audit::check_checkpoint(db, cp).await? {
            eprintln!(
                "audit log BROKEN behind checkpoint {} (record {}, signed {}): {behind}",
                file.display(),
                cp.seq,
                cp.at
            );
            broken += 1;
        }
    }
    if broken > 0 {
        return Ok(ExitCode::from(crate::EXIT_AUDIT_BROKEN));
    }
    if let Some((file, latest)) = trusted.iter().max_by_key(|(_, cp)| (cp.seq, cp.at)) {
        println!(
            "signed checkpoints held: {}, the latest at record {} ({}, {})",
            trusted.len(),
            latest.seq,
            latest.at,
            file.display()
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// The server's checkpoints: one into `dir` whenever asked and records were added since the last.
pub struct Writer {
    dir: PathBuf,
    key: SigningKey,
    last_seq: Option<i64>,
}

impl Writer {
    /// Reads the key and makes the folder; fails at once if either is wrong.
    pub fn open(dir: &Path, key: &Path) -> anyhow::Result<Writer> {
        let key = read_signing_key(key)?;
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        Ok(Writer { dir: dir.to_path_buf(), key, last_seq: None })
    }

    /// Writes a checkpoint of the head unless it is where the last one was; returns its file.
    pub async fn write(&mut self, db: &Db) -> anyhow::Result<Option<PathBuf>> {
        let cp = audit::checkpoint(db, &self.key).await?;
        if self.last_seq == Some(cp.seq) {
            return Ok(None);
        }
        let name = format!("audit-checkpoint-{:012}-{}.json", cp.seq, cp.at.strftime("%Y%m%dT%H%M%SZ"));
        let path = self.dir.join(name);
        write_checkpoint_file(&path, &cp)?;
        self.last_seq = Some(cp.seq);
        tracing::info!(seq = cp.seq, file = %path.display(), "audit checkpoint written");
        Ok(Some(path))
    }
}

/// Writes a checkpoint every `minutes` until the server stops (errors are logged, not fatal).
pub fn every(writer: std::sync::Arc<tokio::sync::Mutex<Writer>>, db: Db, minutes: u64) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(std::time::Duration::from_secs(minutes * 60));
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        tick.tick().await;
        loop {
            tick.tick().await;
            if let Err(e) = writer.lock().await.write(&db).await {
                tracing::error!(error = %e, "writing the audit checkpoint failed");
            }
        }
    });
}
