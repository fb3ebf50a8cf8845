//! The annual "Paryz" contest (DOMAIN.md §3): the contribution of Ata zholy card holders and other
//! high-level professionals with successful businesses is honoured by the President's Prize.
//!
//! A contest year is opened for nominations, closed, decided by the jury and published:
//!
//! ```text
//! open ──close──▶ closed ──publish──▶ published (final)
//!                   └── the jury's decisions are recorded here, one per nomination
//! ```
//!
//! Pure rules only: [`next`] decides the moves of a year, [`may_nominate`] and [`may_decide`]
//! what the year's state allows, [`check_nomination`] a nomination's fields, and
//! [`may_add_winner`] that there are never more winners than prizes. The store applies them in
//! its transactions.

use crate::ids::{Bin, IdError};
use crate::said::Said;
use crate::text::Kind;
use serde::{Deserialize, Serialize};

/// The state of a contest year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum YearStatus {
    /// Nominations are accepted.
    Open,
    /// Nominations are closed; the jury decides.
    Closed,
    /// The winners and the shortlist are public; nothing changes any more.
    Published,
}

impl YearStatus {
    pub const ALL: [YearStatus; 3] = [YearStatus::Open, YearStatus::Closed, YearStatus::Published];

    pub fn as_str(self) -> &'static str {
        match self {
            YearStatus::Open => "open",
            YearStatus::Closed => "closed",
            YearStatus::Published => "published",
        }
    }

    pub fn parse(text: &str) -> Option<YearStatus> {
        YearStatus::ALL.into_iter().find(|s| s.as_str() == text.trim())
    }
}

/// A move of a contest year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum YearMove {
    Close,
    Publish,
}

impl YearMove {
    pub fn as_str(self) -> &'static str {
        match self {
            YearMove::Close => "close",
            YearMove::Publish => "publish",
        }
    }
}

/// The jury's decision on a nomination.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Awarded the President's Prize.
    Winner,
    /// On the year's shortlist (published with the winners).
    Shortlisted,
    NotSelected,
}

impl Verdict {
    pub const ALL: [Verdict; 3] = [Verdict::Winner, Verdict::Shortlisted, Verdict::NotSelected];

    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Winner => "winner",
            Verdict::Shortlisted => "shortlisted",
            Verdict::NotSelected => "not_selected",
        }
    }

    pub fn parse(text: &str) -> Option<Verdict> {
        Verdict::ALL.into_iter().find(|v| v.as_str() == text.trim())
    }

    /// Whether a published year shows the nomination.
    pub fn is_published(self) -> bool {
        matches!(self, Verdict::Winner | Verdict::Shortlisted)
    }
}

/// Why a move, a nomination or a decision is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParyzError {
    #[error("the contest year is {0}: nominations are accepted only while it is open")]
    NotOpen(&'static str),
    #[error("the contest year is {0}: the jury decides only after nominations close")]
    NotClosed(&'static str),
    #[error("the contest year is published: its results are final")]
    Final,
    #[error("{0} nominations are not decided yet: every nomination needs the jury's decision first")]
    Undecided(usize),
    #[error("no nomination was decided: there is nothing to publish")]
    NothingDecided,
    #[error("all {0} prizes of the year are awarded already")]
    NoPrizeLeft(u32),
}

impl ParyzError {
    /// The refusal in words: its code and typed arguments, the year's state as its word.
    pub fn said(&self) -> Said {
        let english = self.to_string();
        match self {
            ParyzError::NotOpen(s) => {
                Said::new("refused-paryz-not-open", english).word("status", format!("pz-status-{s}"))
            }
            ParyzError::NotClosed(s) => {
                Said::new("refused-paryz-not-closed", english).word("status", format!("pz-status-{s}"))
            }
            ParyzError::Final => Said::new("refused-paryz-final", english),
            ParyzError::Undecided(n) => {
                Said::new("refused-paryz-undecided", english).count("count", *n as i64)
            }
            ParyzError::NothingDecided => Said::new("refused-paryz-nothing-decided", english),
            ParyzError::NoPrizeLeft(n) => {
                Said::new("refused-paryz-no-prize", english).count("count", i64::from(*n))
            }
        }
    }
}

/// The move `m` of a year in state `from`, with `decided` and `undecided` nominations: the new
/// state, or why not. Publication needs every nomination decided (and at least one).
pub fn next(
    from: YearStatus,
    m: YearMove,
    decided: usize,
    undecided: usize,
) -> Result<YearStatus, ParyzError> {
    match (from, m) {
        (YearStatus::Published, _) => Err(ParyzError::Final),
        (YearStatus::Open, YearMove::Close) => Ok(YearStatus::Closed),
        (YearStatus::Open, YearMove::Publish) => Err(ParyzError::NotClosed("open")),
        (YearStatus::Closed, YearMove::Close) => Err(ParyzError::NotOpen("closed")),
        (YearStatus::Closed, YearMove::Publish) if undecided > 0 => Err(ParyzError::Undecided(undecided)),
        (YearStatus::Closed, YearMove::Publish) if decided == 0 => Err(ParyzError::NothingDecided),
        (YearStatus::Closed, YearMove::Publish) => Ok(YearStatus::Published),
    }
}

/// Whether a nomination may be filed in a year in state `s`.
pub fn may_nominate(s: YearStatus) -> Result<(), ParyzError> {
    match s {
        YearStatus::Open => Ok(()),
        YearStatus::Published => Err(ParyzError::Final),
        other => Err(ParyzError::NotOpen(other.as_str())),
    }
}

/// Whether the jury's decision may be recorded (or changed) in a year in state `s`.
pub fn may_decide(s: YearStatus) -> Result<(), ParyzError> {
    match s {
        YearStatus::Closed => Ok(()),
        YearStatus::Published => Err(ParyzError::Final),
        other => Err(ParyzError::NotClosed(other.as_str())),
    }
}

/// Whether `verdict` may be given to a nomination that is `already_winner` or not, with
/// `winners` winners in the year and `prizes` prizes: never more winners than prizes.
pub fn may_add_winner(
    verdict: Verdict,
    already_winner: bool,
    winners: u32,
    prizes: u32,
) -> Result<(), ParyzError> {
    if verdict == Verdict::Winner && !already_winner && winners >= prizes {
        return Err(ParyzError::NoPrizeLeft(prizes));
    }
    Ok(())
}

/// Whether `text` looks like the number of an Ata zholy card as issued by a case
/// (`AZH-YYYY-NNNNNN`, see `cases::permit::number`).
pub fn is_card_number(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() == 15
        && text.starts_with("AZH-")
        && b[4..8].iter().all(u8::is_ascii_digit)
        && b[8] == b'-'
        && b[9..].iter().all(u8::is_ascii_digit)
}

/// A nomination as filed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NominationInput {
    pub nominee: String,
    /// ISO 3166-1 alpha-3 of the country of residence.
    pub country: String,
    /// The Ata zholy card's number, if the nominee holds one.
    pub card_number: Option<String>,
    pub business: String,
    pub sector: String,
    /// The business identification number, when the business is registered in Kazakhstan.
    pub bin: Option<String>,
    pub contribution: String,
    pub jobs_created: i64,
    /// Investment in Kazakhstan, whole tenge.
    pub investment_kzt: i64,
}

/// A field of a nomination that is not acceptable.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {reason}")]
pub struct FieldProblem {
    pub field: &'static str,
    pub reason: Said,
}

fn problem(field: &'static str, reason: Said) -> FieldProblem {
    FieldProblem { field, reason }
}

fn text(field: &'static str, value: &str, max: usize) -> Result<String, FieldProblem> {
    let v = value.trim();
    if v.is_empty() {
        return Err(problem(field, Said::new("field-required", "is required")));
    }
    // Fields up to a name's length are one line with no bidi controls; longer ones are long text.
    let kind = if max <= Kind::Name.max_chars() { Kind::Name } else { Kind::LongText };
    if let Err(e) = crate::text::check(field, kind, v) {
        return Err(problem(field, e.said()));
    }
    if v.chars().count() > max {
        return Err(problem(
            field,
            Said::new("field-too-long", format!("must be at most {max} characters")).count("max", max as i64),
        ));
    }
    Ok(v.to_string())
}

/// Checks and normalises a nomination: names and texts present and not too long, a known
/// country, a well-formed card number, a BIN with the right check digit, no negative figures.
pub fn check_nomination(n: &NominationInput) -> Result<NominationInput, FieldProblem> {
    let nominee = text("nominee", &n.nominee, 200)?;
    let code = n.country.trim().to_ascii_uppercase();
    if crate::country::by_alpha3(&code).is_none() {
        return Err(problem(
            "country",
            Said::new(
                "field-country-code",
                format!("{:?} is not an ISO 3166-1 alpha-3 country code", n.country),
            )
            .text("value", &n.country),
        ));
    }
    let card_number = match n.card_number.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        None => None,
        Some(c) => {
            let c = c.to_ascii_uppercase();
            if !is_card_number(&c) {
                return Err(problem(
                    "card_number",
                    Said::new(
                        "field-card-number",
                        format!("{c:?} is not an Ata zholy card number (AZH-YYYY-NNNNNN)"),
                    )
                    .text("value", &c),
                ));
            }
            Some(c)
        }
    };
    let business = text("business", &n.business, 200)?;
    let sector = text("sector", &n.sector, 100)?;
    let bin = match n.bin.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        None => None,
        Some(b) => match Bin::parse(b) {
            Ok(bin) => Some(bin.as_str().to_string()),
            Err(IdError::CheckDigit { .. }) => {
                return Err(problem(
                    "bin",
                    Said::new("field-bin-check-digit", format!("{b}: the BIN's check digit is wrong"))
                        .text("value", b),
                ));
            }
            Err(e) => return Err(problem("bin", Said { english: format!("{b}: {e}"), ..e.said() })),
        },
    };
    let contribution = text("contribution", &n.contribution, 4000)?;
    if n.jobs_created < 0 {
        return Err(problem("jobs_created", Said::new("field-negative", "must not be negative")));
    }
    if n.investment_kzt < 0 {
        return Err(problem("investment_kzt", Said::new("field-negative", "must not be negative")));
    }
    Ok(NominationInput {
        nominee,
        country: code,
        card_number,
        business,
        sector,
        bin,
        contribution,
        jobs_created: n.jobs_created,
        investment_kzt: n.investment_kzt,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> NominationInput {
        NominationInput {
            nominee: " Aigerim Example ".into(),
            country: "tur".into(),
            card_number: Some("azh-2026-000001".into()),
            business: "Example Textiles".into(),
            sector: "manufacturing".into(),
            bin: Some(Bin::complete(&[0, 4, 0, 3, 4, 0, 0, 0, 1, 2, 3]).unwrap().as_str().into()),
            contribution: "A factory in Shymkent".into(),
            jobs_created: 120,
            investment_kzt: 500_000_000,
        }
    }

    #[test]
    fn nominee_names_refuse_controls_and_bidi() {
        let e =
            check_nomination(&NominationInput { nominee: "Ai\u{2066}gerim".into(), ..input() }).unwrap_err();
        assert_eq!(e.field, "nominee");
        let e = check_nomination(&NominationInput { business: "Ex\0".into(), ..input() }).unwrap_err();
        assert_eq!(e.field, "business");
        let ok = NominationInput { contribution: "A factory\r\nin Shymkent".into(), ..input() };
        assert!(check_nomination(&ok).is_ok());
    }

    #[test]
    fn a_year_moves_open_closed_published_and_stays_published() {
        use YearMove::*;
        use YearStatus::*;
        assert_eq!(next(Open, Close, 0, 3), Ok(Closed));
        assert_eq!(next(Open, Publish, 3, 0), Err(ParyzError::NotClosed("open")));
        assert_eq!(next(Closed, Close, 0, 0), Err(ParyzError::NotOpen("closed")));
        assert_eq!(next(Closed, Publish, 2, 1), Err(ParyzError::Undecided(1)));
        assert_eq!(next(Closed, Publish, 0, 0), Err(ParyzError::NothingDecided));
        assert_eq!(next(Closed, Publish, 3, 0), Ok(Published));
        for m in [Close, Publish] {
            assert_eq!(next(Published, m, 3, 0), Err(ParyzError::Final));
        }
    }

    #[test]
    fn nominations_while_open_decisions_while_closed() {
        assert_eq!(may_nominate(YearStatus::Open), Ok(()));
        assert!(may_nominate(YearStatus::Closed).is_err());
        assert_eq!(may_nominate(YearStatus::Published), Err(ParyzError::Final));
        assert_eq!(may_decide(YearStatus::Open), Err(ParyzError::NotClosed("open")));
        assert_eq!(may_decide(YearStatus::Closed), Ok(()));
        assert_eq!(may_decide(YearStatus::Published), Err(ParyzError::Final));
    }

    #[test]
    fn never_more_winners_than_prizes() {
        assert_eq!(may_add_winner(Verdict::Winner, false, 2, 3), Ok(()));
        assert_eq!(may_add_winner(Verdict::Winner, false, 3, 3), Err(ParyzError::NoPrizeLeft(3)));
        // Deciding a winner again takes no further prize; other verdicts take none.
        assert_eq!(may_add_winner(Verdict::Winner, true, 3, 3), Ok(()));
        assert_eq!(may_add_winner(Verdict::Shortlisted, false, 3, 3), Ok(()));
        assert!(may_add_winner(Verdict::Winner, false, 0, 0).is_err());
    }

    #[test]
    fn card_numbers_look_like_issued_permits() {
        assert!(is_card_number("AZH-2026-000042"));
        for bad in
            ["AZH-2026-42", "VSV-2026-000042", "AZH-20X6-000042", "AZH-2026-0000420", "AZH2026-0000042"]
        {
            assert!(!is_card_number(bad), "{bad}");
        }
    }

    #[test]
    fn a_nomination_is_checked_and_normalised() {
        let ok = check_nomination(&input()).unwrap();
        assert_eq!(ok.nominee, "Aigerim Example");
        assert_eq!(ok.country, "TUR");
        assert_eq!(ok.card_number.as_deref(), Some("AZH-2026-000001"));
        let mut bad = input();
        let b = bad.bin.clone().unwrap();
        let last = b.chars().last().unwrap().to_digit(10).unwrap();
        bad.bin = Some(format!("{}{}", &b[..11], (last + 1) % 10));
        let e = check_nomination(&bad).unwrap_err();
        assert_eq!(e.field, "bin");
        assert!(e.reason.english.contains("check digit"), "{e}");
        let e = check_nomination(&NominationInput { card_number: Some("VSV-2026-000001".into()), ..input() });
        assert_eq!(e.unwrap_err().field, "card_number");
        let e = check_nomination(&NominationInput { country: "QQQ".into(), ..input() });
        assert_eq!(e.unwrap_err().field, "country");
        let e = check_nomination(&NominationInput { nominee: "  ".into(), ..input() });
        assert_eq!(e.unwrap_err().field, "nominee");
        let e = check_nomination(&NominationInput { jobs_created: -1, ..input() });
        assert_eq!(e.unwrap_err().field, "jobs_created");
        let none = check_nomination(&NominationInput { bin: Some(" ".into()), card_number: None, ..input() });
        assert_eq!(none.map(|n| (n.bin, n.card_number)), Ok((None, None)));
    }

    #[test]
    fn words_round_trip() {
        for s in YearStatus::ALL {
            assert_eq!(YearStatus::parse(s.as_str()), Some(s));
        }
        for v in Verdict::ALL {
            assert_eq!(Verdict::parse(v.as_str()), Some(v));
        }
        assert!(Verdict::Shortlisted.is_published() && !Verdict::NotSelected.is_published());
    }
}
