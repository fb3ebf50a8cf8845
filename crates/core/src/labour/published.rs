//! The published lists as the rules see them: for each version, the occupations on the list
//! and the ranking of valuable skills, and which version was in force on a date. The shells
//! load it once (it is small) and the rules ask it, without touching a database.

use crate::occupation::OccupationCode;
use jiff::civil::Date;
use serde::Serialize;

/// One published version of the list of professions in demand.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PublishedList {
    pub list_id: i64,
    pub period: i64,
    pub effective_from: Date,
    /// When it was published (the epoch for a list whose moment is not known).
    #[serde(skip)]
    pub published_at: jiff::Timestamp,
    /// The approving order's number and date, as published.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order_no: Option<String>,
    /// Unit groups on the list, sorted.
    #[serde(skip)]
    pub included: Vec<OccupationCode>,
    /// The ranking of valuable skills: every unit group of the universe with its place (1 =
    /// most valuable), sorted by code.
    #[serde(skip)]
    pub ranking: Vec<(OccupationCode, u32)>,
}

impl PublishedList {
    pub fn new(
        list_id: i64,
        period: i64,
        effective_from: Date,
        published_at: jiff::Timestamp,
        order_no: Option<String>,
        mut included: Vec<OccupationCode>,
        mut ranking: Vec<(OccupationCode, u32)>,
    ) -> PublishedList {
        included.sort_unstable();
        included.dedup();
        ranking.sort_unstable();
        ranking.dedup_by_key(|(c, _)| *c);
        PublishedList { list_id, period, effective_from, published_at, order_no, included, ranking }
    }

    /// Whether an occupation is on the list: a national code counts by its unit group.
    pub fn includes(&self, occupation: &OccupationCode) -> bool {
        let unit = occupation.unit_group().unwrap_or(*occupation);
        self.included.binary_search(&unit).is_ok()
    }

    /// The occupation's place in the ranking of valuable skills, if it is ranked.
    pub fn place(&self, occupation: &OccupationCode) -> Option<u32> {
        let unit = occupation.unit_group().unwrap_or(*occupation);
        self.ranking.binary_search_by_key(&unit, |(c, _)| *c).ok().map(|i| self.ranking[i].1)
    }

    /// How many occupations the ranking places.
    pub fn ranked(&self) -> usize {
        self.ranking.len()
    }
}

/// Every published version.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PublishedLists(pub Vec<PublishedList>);

impl PublishedLists {
    /// The version in force on `on`: the latest effective on or before it (the later published
    /// of two with the same date) — the rule of `coordination::in_force`, without copying.
    pub fn in_force(&self, on: Date) -> Option<&PublishedList> {
        self.0.iter().filter(|l| l.effective_from <= on).max_by_key(|l| (l.effective_from, l.published_at))
    }
}
