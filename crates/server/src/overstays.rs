//! The last overstay scan of the register, kept in memory: the alerts page and the API's
//! overstayers read it instead of scanning the register on every request.

use crate::state::AppState;
use ashyq_store::StoreError;
use ashyq_store::register::scan::{self, Scan};
use jiff::civil::Date;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// How long a kept overstay scan may be used while nothing this server knows of has changed
/// (another server may have stored crossings meanwhile).
pub const SCAN_MAX_AGE: Duration = Duration::from_secs(60);

/// The scan kept in memory, with what it was made from.
#[derive(Debug)]
pub struct KeptScan {
    pub on: Date,
    /// The latest import id and this server's register writes when it was made.
    pub stamp: (Option<i64>, u64),
    pub made: Instant,
    pub scan: Arc<Scan>,
}

/// The overstayers on `on`: the scan kept in memory when it is of the same day, no import or
/// write of this server has happened since, and it is under a minute old; else scanned again.
pub async fn overstays(s: &AppState, on: Date) -> Result<Arc<Scan>, StoreError> {
    let latest = ashyq_store::pipeline::history::recent(&s.db, 1).await?.first().map(|i| i.id);
    let stamp = (latest, s.register_generation());
    if let Some(k) = s.overstays.read().await.as_ref()
        && k.on == on
        && k.stamp == stamp
        && k.made.elapsed() < SCAN_MAX_AGE
    {
        return Ok(k.scan.clone());
    }
    let scan = Arc::new(scan::overstays(&s.db, &s.policy, on).await?);
    *s.overstays.write().await = Some(KeptScan { on, stamp, made: Instant::now(), scan: scan.clone() });
    Ok(scan)
}
