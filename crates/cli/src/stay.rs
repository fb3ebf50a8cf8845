//! `ashyq stay check`: the arithmetic of lawful stay for one person, asked as JSON on standard
//! input (the shape is in `ashyq_core::stay::input`), answered as JSON on standard output.

use ashyq_core::policy::Policy;
use ashyq_core::stay::Request;
use std::io::Read;
use std::process::ExitCode;

/// Exit code when the question is malformed or its stays do not make sense.
pub const EXIT_BAD_INPUT: u8 = 2;

pub fn check(policy: &Policy) -> anyhow::Result<ExitCode> {
    let mut text = String::new();
    if let Err(e) = std::io::stdin().read_to_string(&mut text) {
        eprintln!("standard input: {e}");
        return Ok(ExitCode::from(EXIT_BAD_INPUT));
    }
    let status = match Request::parse(&text).and_then(|r| r.check(policy)) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("standard input: {e}");
            return Ok(ExitCode::from(EXIT_BAD_INPUT));
        }
    };
    println!("{}", serde_json::to_string_pretty(&status)?);
    Ok(ExitCode::SUCCESS)
}
