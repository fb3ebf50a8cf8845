//! The world the rules consult besides a person's facts: the published lists and the official
//! rates, kept in memory and reloaded only when a list has been published or rates imported
//! since (one cheap query per decision tells). Shared by every flow that decides.

use crate::state::AppState;
use ashyq_core::labour::published::PublishedLists;
use ashyq_core::rates::RateTable;
use ashyq_store::StoreError;
use std::sync::Arc;

/// What the rules consult besides the facts: the published lists and the official rates.
#[derive(Debug)]
pub struct World {
    pub lists: PublishedLists,
    pub rates: RateTable,
}

/// The world as loaded, with the stamp it was loaded at.
pub type KeptWorld = (ashyq_store::world::Stamp, Arc<World>);

/// The world, from memory when nothing it was made from has changed.
pub async fn world(s: &AppState) -> Result<Arc<World>, StoreError> {
    let stamp = ashyq_store::world::stamp(&s.db).await?;
    if let Some((kept, w)) = s.world.read().await.as_ref()
        && *kept == stamp
    {
        return Ok(w.clone());
    }
    let w = Arc::new(World {
        lists: ashyq_store::lists::published_lists(&s.db).await?,
        rates: ashyq_store::rates::table(&s.db).await?,
    });
    *s.world.write().await = Some((stamp, w.clone()));
    Ok(w)
}
