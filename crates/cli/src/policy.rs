//! Loading the policy: the built-in `data/policy/kz.toml`, or the file given with `--policy`.

use ashyq_core::policy::Policy;
use std::path::Path;

pub fn load(path: Option<&Path>) -> anyhow::Result<Policy> {
    match path {
        None => Ok(Policy::kz().map_err(|e| anyhow::anyhow!("built-in policy: {e}"))?),
        Some(p) => {
            let text = std::fs::read_to_string(p).map_err(|e| anyhow::anyhow!("{}: {e}", p.display()))?;
            Policy::parse(&text).map_err(|e| anyhow::anyhow!("{}: {e}", p.display()))
        }
    }
}
