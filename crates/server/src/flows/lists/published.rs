//! The published list of professions in demand and the ranking of valuable skills (public, no
//! login): every published version, the one in force on a date, one version, the difference
//! between two, the figures behind an entry, and "was this occupation on the list on that
//! date?". A list that is not published is not found, whoever asks; a failed read is a failure
//! (500), never "not found".

use crate::auth::Principal;
use crate::flows::Outcome;
use crate::problem::Problem;
use crate::state::AppState;
use ashyq_core::labour::coordination::{self, Diff};
use ashyq_core::occupation::OccupationCode;
use ashyq_store::lists::{self, Entry, ListHeader};
use jiff::civil::Date;

/// A published version: the list and every candidate of its published revision, by rank (the
/// ranking of valuable skills; `included` says which are on the list).
pub struct Version {
    pub list: ListHeader,
    pub entries: Vec<Entry>,
}

impl Version {
    /// The occupations on the list, by rank.
    pub fn on_list(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(|e| e.included)
    }
}

/// Every published version, newest effective date first.
pub async fn versions(s: &AppState, _p: &Principal) -> Outcome<Vec<ListHeader>> {
    Ok(lists::published(&s.db).await?)
}

/// A published list by id; 404 for a list that is not (yet) published.
async fn published_list(s: &AppState, id: i64) -> Outcome<ListHeader> {
    lists::get_published(&s.db, id)
        .await?
        .ok_or_else(|| Problem::not_found(format!("no published list {id}")).into())
}

async fn with_entries(s: &AppState, list: ListHeader) -> Outcome<Version> {
    let entries = lists::entries(&s.db, list.id, list.revision).await?;
    Ok(Version { list, entries })
}

/// One published version.
pub async fn version(s: &AppState, _p: &Principal, id: i64) -> Outcome<Version> {
    let list = published_list(s, id).await?;
    with_entries(s, list).await
}

/// The version in force on a date, if any.
pub async fn in_force(s: &AppState, _p: &Principal, on: Date) -> Outcome<Option<Version>> {
    match lists::in_force(&s.db, on).await? {
        Some(list) => Ok(Some(with_entries(s, list).await?)),
        None => Ok(None),
    }
}

/// Two published versions and how the later differs from the earlier.
pub struct Compared {
    pub from: ListHeader,
    pub to: ListHeader,
    pub diff: Diff,
}

/// Occupations added, removed and moved from one published version to another; 404 when
/// either is not published.
pub async fn diff(s: &AppState, _p: &Principal, from: i64, to: i64) -> Outcome<Compared> {
    let (from, to) = (published_list(s, from).await?, published_list(s, to).await?);
    let diff = coordination::diff(&lists::placed(&s.db, &from).await?, &lists::placed(&s.db, &to).await?);
    Ok(Compared { from, to, diff })
}

/// An entry of a published version with its indicators in every region.
pub struct EntryFigures {
    pub list: ListHeader,
    pub entry: Entry,
    /// (region, indicators), by region.
    pub regions: Vec<(String, serde_json::Value)>,
}

/// One candidate of a published version, by its code as written in the address. A code that
/// is not a classifier code is, like a code that is not a candidate, not an entry of the list:
/// 404.
pub async fn entry(s: &AppState, _p: &Principal, id: i64, code: &str) -> Outcome<EntryFigures> {
    let list = published_list(s, id).await?;
    let not_found = || Problem::not_found(format!("{code} is not a candidate of list {id}"));
    let code = OccupationCode::parse(code).map_err(|_| not_found())?.to_string();
    let Some(entry) =
        lists::entries(&s.db, id, list.revision).await?.into_iter().find(|e| e.occupation == code)
    else {
        return Err(not_found().into());
    };
    let regions = lists::regional_of(&s.db, id, &entry.occupation).await?;
    Ok(EntryFigures { list, entry, regions })
}

/// Whether an occupation was on the list in force on a date.
pub struct OnList {
    /// The list in force that day, if any.
    pub in_force: Option<ListHeader>,
    /// The occupation's entry on it, if it was on the list.
    pub entry: Option<Entry>,
}

/// Was the occupation (or its unit group) on the list of professions in demand in force on the
/// date? The question eligibility asks (the permanent-residence exemption, the Ata zholy card).
pub async fn on_list(s: &AppState, _p: &Principal, code: &OccupationCode, on: Date) -> Outcome<OnList> {
    Ok(match lists::on_list(&s.db, code, on).await? {
        Some((list, entry)) => OnList { in_force: Some(list), entry: Some(entry) },
        None => OnList { in_force: lists::in_force(&s.db, on).await?, entry: None },
    })
}
