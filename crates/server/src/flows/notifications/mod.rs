//! One's notifications: what ashyq has told the person (an officer's request, a decision, a
//! permit, a reminder, a draft to give an opinion on, a link of their account), newest first,
//! and whether each was mailed. Reading the list marks it read. The outbox behind it is
//! `ashyq_store::notifications`; the mailing is `crate::mail`.

pub mod api;
pub mod pages;

use crate::auth::Principal;
use crate::flows::Outcome;
use crate::flows::accounts::me::account;
use crate::routes::RouteBuilder;
use crate::state::AppState;
use ashyq_store::notifications::{self, Notification};

/// Notifications on one page of the list.
pub const PAGE_SIZE: i64 = 25;

/// A page of one's notifications.
pub struct Listing {
    pub items: Vec<Notification>,
    pub total: i64,
    /// 1-based.
    pub page: i64,
    pub pages: i64,
}

/// The caller's notifications, page `page` (1-based; past the last, the last), newest first;
/// those shown are marked read.
pub async fn mine(s: &AppState, p: &Principal, page: i64) -> Outcome<Listing> {
    let user = account(p)?;
    let total = notifications::count(&s.db, user.id).await?;
    let pages = ((total + PAGE_SIZE - 1) / PAGE_SIZE).max(1);
    let page = page.clamp(1, pages);
    let items = notifications::of_user(&s.db, user.id, PAGE_SIZE, (page - 1) * PAGE_SIZE).await?;
    if let Some(newest) = items.iter().map(|n| n.id).max() {
        notifications::mark_read(&s.db, user.id, newest).await?;
    }
    Ok(Listing { items, total, page, pages })
}

/// How many of the caller's notifications are unread.
pub async fn unread(s: &AppState, p: &Principal) -> Outcome<i64> {
    Ok(notifications::unread(&s.db, account(p)?.id).await?)
}

/// The flow's routes: its pages, then its API.
pub fn routes(b: RouteBuilder) -> RouteBuilder {
    let b = pages::routes(b.flow("notifications"));
    api::routes(b)
}
