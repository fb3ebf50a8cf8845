//! An invitation round of the valuable-skills visa: eligible candidates ranked by their points
//! on the grid in force, the top `size` invited (optionally only those of one priority sector),
//! ties broken by the time the profile was submitted — earlier first — and then by case number.
//!
//! The round publishes its cut-off score (the points of the last candidate invited) and its
//! tie-break time (that candidate's submission time): every candidate above the cut-off was
//! invited, and of those at the cut-off, exactly those who submitted no later than the
//! tie-break time. Given the same candidates, [`select`] gives the same round, so a published
//! round can be re-derived from the stored data.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

/// A candidate for a round: an eligible, submitted case not yet invited.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Candidate {
    pub case_id: i64,
    pub points: u32,
    /// The priority sector of the candidate's occupation, if it is in one.
    pub sector: Option<String>,
    /// When the profile was submitted. Kept in a round's stored candidates as microseconds
    /// since the epoch, under the name it has always had.
    #[serde(rename = "submitted_at_us", with = "jiff::fmt::serde::timestamp::microsecond::required")]
    pub submitted_at: Timestamp,
}

/// A candidate invited, with their place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Invitation {
    pub rank: u32,
    pub case_id: i64,
    pub points: u32,
    #[serde(rename = "submitted_at_us", with = "jiff::fmt::serde::timestamp::microsecond::required")]
    #[cfg_attr(feature = "openapi", schema(value_type = i64))]
    pub submitted_at: Timestamp,
}

/// The outcome of a round.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Selection {
    /// Candidates considered (in the sector, when the round has one).
    pub considered: usize,
    pub invitations: Vec<Invitation>,
    /// The points of the last candidate invited; none when nobody was.
    pub cut_off: Option<u32>,
    /// The submission time of the last candidate invited.
    #[serde(rename = "tie_break_at_us", with = "jiff::fmt::serde::timestamp::microsecond::optional")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<i64>))]
    pub tie_break_at: Option<Timestamp>,
}

/// The order of a round: more points first, then earlier submission, then lower case number.
pub fn order(a: &Candidate, b: &Candidate) -> Ordering {
    b.points.cmp(&a.points).then(a.submitted_at.cmp(&b.submitted_at)).then(a.case_id.cmp(&b.case_id))
}

/// Ranks the candidates and invites the first `size` (of `sector`, when given).
pub fn select(candidates: &[Candidate], size: usize, sector: Option<&str>) -> Selection {
    let mut pool: Vec<&Candidate> =
        candidates.iter().filter(|c| sector.is_none_or(|s| c.sector.as_deref() == Some(s))).collect();
    pool.sort_by(|a, b| order(a, b));
    let invitations: Vec<Invitation> = pool
        .iter()
        .take(size)
        .enumerate()
        .map(|(i, c)| Invitation {
            rank: u32::try_from(i + 1).unwrap_or(u32::MAX),
            case_id: c.case_id,
            points: c.points,
            submitted_at: c.submitted_at,
        })
        .collect();
    let last = invitations.last();
    Selection {
        considered: pool.len(),
        cut_off: last.map(|l| l.points),
        tie_break_at: last.map(|l| l.submitted_at),
        invitations,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn c(case_id: i64, points: u32, sector: Option<&str>, at: i64) -> Candidate {
        let submitted_at = Timestamp::from_microsecond(at).unwrap();
        Candidate { case_id, points, sector: sector.map(str::to_string), submitted_at }
    }

    fn at(us: i64) -> Timestamp {
        Timestamp::from_microsecond(us).unwrap()
    }

    #[test]
    fn ties_at_the_cut_off_go_to_the_earlier_profile() {
        let cs = [
            c(1, 80, Some("it"), 500),
            c(2, 95, Some("healthcare"), 900),
            c(3, 80, Some("it"), 100),
            c(4, 80, None, 300),
            c(5, 60, Some("it"), 50),
        ];
        let s = select(&cs, 3, None);
        let ids: Vec<i64> = s.invitations.iter().map(|i| i.case_id).collect();
        assert_eq!(ids, vec![2, 3, 4]);
        assert_eq!((s.cut_off, s.tie_break_at, s.considered), (Some(80), Some(at(300)), 5));
        // Case 1 had the cut-off score but submitted after the tie-break time.
        let s = select(&cs, 2, Some("it"));
        assert_eq!(s.invitations.iter().map(|i| i.case_id).collect::<Vec<_>>(), vec![3, 1]);
        assert_eq!(s.considered, 3);
        let none = select(&cs, 2, Some("science"));
        assert_eq!((none.cut_off, none.invitations.len()), (None, 0));
    }

    #[test]
    fn stored_candidates_keep_their_microseconds() {
        // Rounds held before the times were typed stored their candidates so; they must still
        // re-derive.
        let stored = r#"{"case_id":7,"points":80,"sector":"it","submitted_at_us":1795288739685719}"#;
        let cand: Candidate = serde_json::from_str(stored).unwrap();
        assert_eq!(cand.submitted_at, "2026-11-21T19:18:59.685719Z".parse::<Timestamp>().unwrap());
        assert_eq!(serde_json::to_string(&cand).unwrap(), stored);
        let s = select(&[cand], 1, None);
        assert_eq!(serde_json::to_value(&s).unwrap()["tie_break_at_us"], 1_795_288_739_685_719_i64);
    }

    fn candidates() -> impl Strategy<Value = Vec<Candidate>> {
        prop::collection::vec((0u32..20, prop::option::of(0u8..3), 0i64..50), 0..40).prop_map(|v| {
            v.into_iter()
                .enumerate()
                .map(|(i, (p, s, at))| {
                    c(i as i64 + 1, p * 5, s.map(|s| ["it", "education", "science"][s as usize]), at)
                })
                .collect()
        })
    }

    proptest! {
        /// Everyone above the cut-off is invited; at the cut-off, exactly those no later than the
        /// tie-break time (and, at that very time, up to the last case number invited).
        #[test]
        fn the_published_cut_off_explains_every_invitation(cs in candidates(), size in 0usize..30) {
            let s = select(&cs, size, None);
            prop_assert_eq!(s.invitations.len(), size.min(cs.len()));
            if let (Some(cut), Some(tie), Some(last)) = (s.cut_off, s.tie_break_at, s.invitations.last()) {
                for cand in &cs {
                    let invited = s.invitations.iter().any(|i| i.case_id == cand.case_id);
                    let should = cand.points > cut
                        || (cand.points == cut
                            && (cand.submitted_at < tie
                                || (cand.submitted_at == tie && cand.case_id <= last.case_id)));
                    prop_assert_eq!(invited, should, "case {}", cand.case_id);
                }
            }
        }

        /// The round does not depend on the order the candidates are read in.
        #[test]
        fn a_round_is_reproducible(cs in candidates(), size in 0usize..30) {
            let mut rev = cs.clone();
            rev.reverse();
            prop_assert_eq!(select(&cs, size, Some("it")), select(&rev, size, Some("it")));
            prop_assert_eq!(select(&cs, size, None), select(&rev, size, None));
        }
    }
}
