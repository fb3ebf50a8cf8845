//! The officers' queue arranged: searched by the holder's name, the case's reference or the
//! passport number, sorted by one column either way, and cut into pages with the total count.
//! Pure: the rows come from [`super::read::queue_page`], which reads and audits them.

use super::read::CaseSummary;

/// The column the queue is sorted by.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum QueueSort {
    /// When the case was submitted (oldest first when ascending): the default.
    #[default]
    Submitted,
    /// Days waiting since submission (fewest first when ascending).
    Waiting,
    Programme,
    Status,
    Reference,
    Holder,
    Region,
}

impl QueueSort {
    pub const ALL: [QueueSort; 7] = [
        QueueSort::Submitted,
        QueueSort::Waiting,
        QueueSort::Programme,
        QueueSort::Status,
        QueueSort::Reference,
        QueueSort::Holder,
        QueueSort::Region,
    ];

    /// The name in query strings: `submitted`, `waiting`, `programme`, `status`, `reference`,
    /// `holder`, `region`.
    pub fn as_str(self) -> &'static str {
        match self {
            QueueSort::Submitted => "submitted",
            QueueSort::Waiting => "waiting",
            QueueSort::Programme => "programme",
            QueueSort::Status => "status",
            QueueSort::Reference => "reference",
            QueueSort::Holder => "holder",
            QueueSort::Region => "region",
        }
    }

    pub fn parse(text: &str) -> Option<QueueSort> {
        QueueSort::ALL.into_iter().find(|s| s.as_str() == text.trim())
    }
}

/// One page of the queue and how many cases match in all.
#[derive(Debug, Clone, PartialEq)]
pub struct QueuePage {
    pub total: usize,
    pub cases: Vec<CaseSummary>,
}

/// Whether a case matches what was searched: a part of the holder's name (any case, in any
/// order of the words), of the reference or of the passport number. A blank search matches all.
pub fn matches(c: &CaseSummary, search: &str) -> bool {
    let name = c.holder_name.to_lowercase();
    let reference = c.reference.to_lowercase();
    let passport = c.passport_number.to_lowercase();
    let words: Vec<String> = search.split_whitespace().map(str::to_lowercase).collect();
    if words.is_empty() {
        return true;
    }
    let whole = words.join(" ");
    reference.contains(&whole)
        || passport.contains(&whole.replace(' ', ""))
        || words.iter().all(|w| name.contains(w.as_str()))
}

/// Searches, sorts (ties by submission, then id, so pages never overlap) and cuts out
/// `limit` cases from `offset`.
pub fn arrange(
    mut cases: Vec<CaseSummary>,
    search: Option<&str>,
    sort: QueueSort,
    descending: bool,
    offset: usize,
    limit: usize,
) -> QueuePage {
    if let Some(s) = search {
        cases.retain(|c| matches(c, s));
    }
    let tie = |a: &CaseSummary, b: &CaseSummary| a.submitted_at.cmp(&b.submitted_at).then(a.id.cmp(&b.id));
    cases.sort_by(|a, b| {
        let by = match sort {
            QueueSort::Submitted => std::cmp::Ordering::Equal,
            // More days waiting is an earlier submission.
            QueueSort::Waiting => b.submitted_at.cmp(&a.submitted_at),
            QueueSort::Programme => a.programme.id().cmp(b.programme.id()),
            QueueSort::Status => a.status.as_str().cmp(b.status.as_str()),
            QueueSort::Reference => a.reference.cmp(&b.reference),
            QueueSort::Holder => a.holder_name.to_lowercase().cmp(&b.holder_name.to_lowercase()),
            QueueSort::Region => a.region.cmp(&b.region),
        };
        let by = if sort == QueueSort::Waiting { by.then(tie(b, a)) } else { by.then(tie(a, b)) };
        if descending { by.reverse() } else { by }
    });
    let total = cases.len();
    let cases = cases.into_iter().skip(offset).take(limit).collect();
    QueuePage { total, cases }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ashyq_core::cases::CaseStatus;
    use ashyq_core::rules::Programme;

    fn case(
        id: i64,
        name: &str,
        reference: &str,
        passport: &str,
        at_s: i64,
        programme: Programme,
    ) -> CaseSummary {
        let at = jiff::Timestamp::from_second(at_s).unwrap();
        CaseSummary {
            id,
            reference: reference.into(),
            programme,
            region: "KZ-75".into(),
            status: CaseStatus::Submitted,
            holder_name: name.into(),
            passport_number: passport.into(),
            outcome: None,
            points: None,
            invited: false,
            created_at: at,
            submitted_at: Some(at),
            updated_at: at,
        }
    }

    fn three() -> Vec<CaseSummary> {
        vec![
            case(1, "KARIMOV ALI", "ref-a", "FA1112223", 30, Programme::PermanentResidence),
            case(2, "Сейтқали Айгүл", "ref-b", "N0001", 10, Programme::ValuableSkillsVisa),
            case(3, "MUSTERMANN ANNA", "other-c", "C01X00T47", 20, Programme::InvestorVisa),
        ]
    }

    fn ids(p: &QueuePage) -> Vec<i64> {
        p.cases.iter().map(|c| c.id).collect()
    }

    #[test]
    fn searches_name_reference_and_passport() {
        let found = |s: &str| ids(&arrange(three(), Some(s), QueueSort::Submitted, false, 0, 50));
        assert_eq!(found("ali karimov"), vec![1]);
        assert_eq!(found("айгүл"), vec![2]);
        assert_eq!(found("REF-"), vec![2, 1]);
        assert_eq!(found("c01x"), vec![3]);
        assert_eq!(found("nobody"), Vec::<i64>::new());
        assert_eq!(found("  "), vec![2, 3, 1]);
    }

    #[test]
    fn sorts_either_way_and_pages() {
        let by = |s, d| ids(&arrange(three(), None, s, d, 0, 50));
        assert_eq!(by(QueueSort::Submitted, false), vec![2, 3, 1]);
        assert_eq!(by(QueueSort::Submitted, true), vec![1, 3, 2]);
        assert_eq!(by(QueueSort::Waiting, true), vec![2, 3, 1]);
        assert_eq!(by(QueueSort::Holder, false), vec![1, 3, 2]);
        let p = arrange(three(), None, QueueSort::Submitted, false, 2, 2);
        assert_eq!((p.total, ids(&p)), (3, vec![1]));
        assert!(QueueSort::ALL.iter().all(|s| QueueSort::parse(s.as_str()) == Some(*s)));
    }
}
