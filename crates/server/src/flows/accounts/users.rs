//! Accounts, for administrators: the list, opening an account, reading one, disabling and
//! enabling, changing the role and region. Reads of people's records are audited by the store
//! (`user.list`, `user.read`), as are the changes; an administrator cannot disable their own
//! account nor change their own role (409).

use crate::access::Access;
use crate::auth::Principal;
use crate::flows::Outcome;
use crate::state::AppState;
use ashyq_core::Role;
use ashyq_store::users::{self, NewUser, User};

const ADMINS: &[Role] = &[Role::Admin];

/// Every account, by username (an audited read).
pub async fn list(s: &AppState, p: &Principal) -> Outcome<Vec<User>> {
    Access::of(p).require(ADMINS)?;
    Ok(users::list_audited(&s.db, &p.actor()).await?)
}

/// Opens an account; a blank region is none.
pub async fn create(s: &AppState, p: &Principal, new: NewUser) -> Outcome<User> {
    Access::of(p).require(ADMINS)?;
    Ok(users::create(&s.db, &p.actor(), new).await?)
}

/// One account (an audited read).
pub async fn read(s: &AppState, p: &Principal, id: i64) -> Outcome<User> {
    Access::of(p).require(ADMINS)?;
    Ok(users::read(&s.db, &p.actor(), id).await?)
}

/// Disables an account (its sessions end, its API tokens are revoked) or enables it again
/// (its old tokens stay revoked). Idempotent.
pub async fn set_disabled(s: &AppState, p: &Principal, id: i64, disabled: bool) -> Outcome<User> {
    Access::of(p).require(ADMINS)?;
    Ok(users::set_disabled(&s.db, &p.actor(), id, disabled).await?)
}

/// Gives an account another role and region (a blank region is none): checked together, a
/// region only for coordinators and officers (422 naming `region` or `role`); a new role ends
/// the account's sessions and revokes its API tokens. An administrator cannot change their own
/// role (409). Audited.
pub async fn set_role(
    s: &AppState,
    p: &Principal,
    id: i64,
    role: Role,
    region: Option<&str>,
) -> Outcome<User> {
    Access::of(p).require(ADMINS)?;
    Ok(users::set_role(&s.db, &p.actor(), id, role, region).await?)
}
