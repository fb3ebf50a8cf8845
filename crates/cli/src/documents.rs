//! `ashyq mrz parse` and `ashyq iin check`: identity documents and numbers, checked and decoded
//! by `ashyq_core::mrz` and `ashyq_core::iin`.

use crate::args::{IinCommand, MrzCommand};
use ashyq_core::iin::Iin;
use std::io::Read;
use std::process::ExitCode;

/// Exit code when the input is refused (distinct from a failure to run).
const EXIT_INVALID: u8 = 2;

pub fn mrz(cmd: MrzCommand) -> anyhow::Result<ExitCode> {
    let MrzCommand::Parse { today } = cmd;
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text).map_err(|e| anyhow::anyhow!("standard input: {e}"))?;
    match ashyq_core::mrz::parse(&text, today.unwrap_or_else(ashyq_store::today)) {
        Ok(mrz) => {
            println!("{}", serde_json::to_string_pretty(&mrz)?);
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            eprintln!("mrz: {e}");
            Ok(ExitCode::from(EXIT_INVALID))
        }
    }
}

pub fn iin(cmd: IinCommand) -> anyhow::Result<ExitCode> {
    let IinCommand::Check { iin, json } = cmd;
    match Iin::parse(&iin) {
        Ok(iin) if json => {
            let out = serde_json::json!({
                "iin": iin.as_str(), "valid": true,
                "birth_date": iin.birth_date(), "sex": iin.sex(),
            });
            println!("{}", serde_json::to_string_pretty(&out)?);
            Ok(ExitCode::SUCCESS)
        }
        Ok(iin) => {
            println!("IIN valid: born {}, {}", iin.birth_date(), iin.sex().as_str());
            Ok(ExitCode::SUCCESS)
        }
        Err(e) if json => {
            let out = serde_json::json!({ "iin": iin, "valid": false, "error": e.to_string() });
            println!("{}", serde_json::to_string_pretty(&out)?);
            Ok(ExitCode::from(EXIT_INVALID))
        }
        Err(e) => {
            eprintln!("IIN invalid: {e}");
            Ok(ExitCode::from(EXIT_INVALID))
        }
    }
}
