//! The life of a list of professions in demand, from draft to publication: the steps, who may
//! take them in which state, and what a published version is compared with.
//!
//! draft ──send──▶ in coordination ──(opinions)──▶ revise ──▶ draft (a new revision) …
//! in coordination, or a draft that has been through coordination ──approve──▶ approved
//! approved ──publish (effective date)──▶ published. Nothing is published without approval,
//! and a published version never changes: an update is a new list.

use crate::occupation::OccupationCode;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ListStatus {
    Draft,
    InCoordination,
    Approved,
    Published,
}

impl ListStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ListStatus::Draft => "draft",
            ListStatus::InCoordination => "in_coordination",
            ListStatus::Approved => "approved",
            ListStatus::Published => "published",
        }
    }

    pub fn parse(text: &str) -> Option<ListStatus> {
        [ListStatus::Draft, ListStatus::InCoordination, ListStatus::Approved, ListStatus::Published]
            .into_iter()
            .find(|s| s.as_str() == text)
    }
}

/// A coordinating organisation's answer to a draft.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Agree,
    AgreeWithRemarks,
    Object,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Agree => "agree",
            Verdict::AgreeWithRemarks => "agree_with_remarks",
            Verdict::Object => "object",
        }
    }

    pub fn parse(text: &str) -> Option<Verdict> {
        [Verdict::Agree, Verdict::AgreeWithRemarks, Verdict::Object].into_iter().find(|v| v.as_str() == text)
    }
}

/// A proposed or decided change to one occupation's place on the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    Add,
    Remove,
}

impl Change {
    pub fn as_str(self) -> &'static str {
        match self {
            Change::Add => "add",
            Change::Remove => "remove",
        }
    }

    pub fn parse(text: &str) -> Option<Change> {
        [Change::Add, Change::Remove].into_iter().find(|c| c.as_str() == text)
    }
}

/// What someone wants to do with a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Send,
    GiveOpinion,
    Revise,
    Approve,
    Publish,
}

/// Why a step is refused in the list's present state.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error("the list is {0}; only a draft can be sent for coordination")]
    SendNotDraft(&'static str),
    #[error("the list is {0}; opinions are given while it is in coordination")]
    OpinionNotInCoordination(&'static str),
    #[error("the list is {0}; only a draft or a list in coordination can be revised")]
    ReviseFinal(&'static str),
    #[error("the list has not been through coordination; send it to the coordinating organisations first")]
    ApproveUncoordinated,
    #[error("the list is {0}; only a list in coordination or a coordinated draft can be approved")]
    ApproveFinal(&'static str),
    #[error("the list is {0}; only an approved list can be published")]
    PublishNotApproved(&'static str),
    #[error("the effective date {effective} is before the order's date {order}")]
    EffectiveBeforeOrder { effective: Date, order: Date },
}

impl Refusal {
    /// The refusal in words: its code and typed arguments, the list's state as its word.
    pub fn said(&self) -> crate::said::Said {
        use crate::said::Said;
        let english = self.to_string();
        let state =
            |code: &str, s: &str| Said::new(code, english.clone()).word("status", format!("status-{s}"));
        match self {
            Refusal::SendNotDraft(s) => state("refused-list-send", s),
            Refusal::OpinionNotInCoordination(s) => state("refused-list-opinion", s),
            Refusal::ReviseFinal(s) => state("refused-list-revise", s),
            Refusal::ApproveUncoordinated => Said::new("refused-list-uncoordinated", english),
            Refusal::ApproveFinal(s) => state("refused-list-approve", s),
            Refusal::PublishNotApproved(s) => state("refused-list-publish", s),
            Refusal::EffectiveBeforeOrder { effective, order } => {
                Said::new("field-effective-before-order", english)
                    .date("effective", *effective)
                    .date("order", *order)
            }
        }
    }
}

/// The state a step leads to, or why it cannot be taken. `coordinated` says whether any revision
/// of the list has been sent for coordination.
pub fn next(status: ListStatus, step: Step, coordinated: bool) -> Result<ListStatus, Refusal> {
    use ListStatus::*;
    match (step, status) {
        (Step::Send, Draft) => Ok(InCoordination),
        (Step::Send, s) => Err(Refusal::SendNotDraft(s.as_str())),
        (Step::GiveOpinion, InCoordination) => Ok(InCoordination),
        (Step::GiveOpinion, s) => Err(Refusal::OpinionNotInCoordination(s.as_str())),
        (Step::Revise, Draft | InCoordination) => Ok(Draft),
        (Step::Revise, s) => Err(Refusal::ReviseFinal(s.as_str())),
        (Step::Approve, InCoordination) => Ok(Approved),
        (Step::Approve, Draft) if coordinated => Ok(Approved),
        (Step::Approve, Draft) => Err(Refusal::ApproveUncoordinated),
        (Step::Approve, s) => Err(Refusal::ApproveFinal(s.as_str())),
        (Step::Publish, Approved) => Ok(Published),
        (Step::Publish, s) => Err(Refusal::PublishNotApproved(s.as_str())),
    }
}

/// Checks a publication's effective date against the approving order's date.
pub fn check_effective(order_date: Date, effective: Date) -> Result<(), Refusal> {
    if effective < order_date {
        Err(Refusal::EffectiveBeforeOrder { effective, order: order_date })
    } else {
        Ok(())
    }
}

/// A published version, as far as "which one is in force?" needs to know.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Published {
    pub list_id: i64,
    pub effective_from: Date,
    /// When it was published, to order two versions with the same effective date.
    pub published_at: jiff::Timestamp,
}

/// The version in force on a date: the latest effective on or before it (the later published
/// of two with the same date).
pub fn in_force(versions: &[Published], on: Date) -> Option<Published> {
    versions
        .iter()
        .filter(|v| v.effective_from <= on)
        .max_by_key(|v| (v.effective_from, v.published_at))
        .copied()
}

/// An occupation's place on a version of the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placed {
    pub occupation: OccupationCode,
    pub rank: u32,
}

/// How two versions differ.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Diff {
    pub added: Vec<OccupationCode>,
    pub removed: Vec<OccupationCode>,
    /// On both, with (rank before, rank after), where the rank changed.
    pub moved: Vec<(OccupationCode, u32, u32)>,
    pub unchanged: usize,
}

/// The difference from `before` to `after` (each: the occupations on the list and their ranks).
pub fn diff(before: &[Placed], after: &[Placed]) -> Diff {
    let mut d = Diff::default();
    for a in after {
        match before.iter().find(|b| b.occupation == a.occupation) {
            None => d.added.push(a.occupation),
            Some(b) if b.rank != a.rank => d.moved.push((a.occupation, b.rank, a.rank)),
            Some(_) => d.unchanged += 1,
        }
    }
    for b in before {
        if !after.iter().any(|a| a.occupation == b.occupation) {
            d.removed.push(b.occupation);
        }
    }
    d.added.sort();
    d.removed.sort();
    d.moved.sort();
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_steps_in_order() {
        use ListStatus::*;
        assert_eq!(next(Draft, Step::Send, false), Ok(InCoordination));
        assert_eq!(next(InCoordination, Step::GiveOpinion, true), Ok(InCoordination));
        assert_eq!(next(InCoordination, Step::Revise, true), Ok(Draft));
        assert_eq!(next(Draft, Step::Approve, true), Ok(Approved));
        assert_eq!(next(InCoordination, Step::Approve, true), Ok(Approved));
        assert_eq!(next(Approved, Step::Publish, true), Ok(Published));
    }

    #[test]
    fn no_publication_without_approval_and_nothing_after_it() {
        use ListStatus::*;
        for s in [Draft, InCoordination, Published] {
            assert!(next(s, Step::Publish, true).is_err(), "{s:?}");
        }
        assert_eq!(next(Draft, Step::Approve, false), Err(Refusal::ApproveUncoordinated));
        for step in [Step::Send, Step::GiveOpinion, Step::Revise, Step::Approve] {
            assert!(next(Published, step, true).is_err());
            assert!(next(Approved, step, true).is_err());
        }
        assert!(next(Draft, Step::GiveOpinion, true).is_err());
        assert!(next(InCoordination, Step::Send, true).is_err());
    }

    #[test]
    fn effective_dates() {
        let d = |s: &str| s.parse::<Date>().unwrap();
        assert!(check_effective(d("2026-02-20"), d("2026-02-28")).is_ok());
        assert!(check_effective(d("2026-02-20"), d("2026-02-20")).is_ok());
        assert!(check_effective(d("2026-02-20"), d("2026-02-19")).is_err());
    }

    #[test]
    fn the_version_in_force() {
        let d = |s: &str| s.parse::<Date>().unwrap();
        let v = [
            Published {
                list_id: 1,
                effective_from: d("2023-02-28"),
                published_at: jiff::Timestamp::from_second(10).unwrap(),
            },
            Published {
                list_id: 2,
                effective_from: d("2024-03-01"),
                published_at: jiff::Timestamp::from_second(20).unwrap(),
            },
            Published {
                list_id: 3,
                effective_from: d("2024-03-01"),
                published_at: jiff::Timestamp::from_second(30).unwrap(),
            },
            Published {
                list_id: 4,
                effective_from: d("2027-01-01"),
                published_at: jiff::Timestamp::from_second(5).unwrap(),
            },
        ];
        assert_eq!(in_force(&v, d("2023-02-27")), None);
        assert_eq!(in_force(&v, d("2023-02-28")).map(|p| p.list_id), Some(1));
        assert_eq!(in_force(&v, d("2024-02-29")).map(|p| p.list_id), Some(1));
        assert_eq!(in_force(&v, d("2024-03-01")).map(|p| p.list_id), Some(3));
        assert_eq!(in_force(&v, d("2026-12-31")).map(|p| p.list_id), Some(3));
        assert_eq!(in_force(&v, d("2027-01-01")).map(|p| p.list_id), Some(4));
    }

    #[test]
    fn differences_between_versions() {
        let c = |s: &str| OccupationCode::parse(s).unwrap();
        let p = |s: &str, rank| Placed { occupation: c(s), rank };
        let d =
            diff(&[p("2512", 1), p("2211", 2), p("2145", 3)], &[p("2211", 1), p("2145", 3), p("2250", 4)]);
        assert_eq!(d.added, [c("2250")]);
        assert_eq!(d.removed, [c("2512")]);
        assert_eq!(d.moved, [(c("2211"), 2, 1)]);
        assert_eq!(d.unchanged, 1);
    }
}
