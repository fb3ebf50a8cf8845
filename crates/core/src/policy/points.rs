//! The valuable-skills visa's points grid: the factors an applicant is scored on, how each is
//! scored (brackets of a number, levels of a grade, points per item, a yes/no), each factor's
//! cap, and the minimum total. The grid is policy, dated like everything else; the scoring is
//! `crate::rules::valuable_skills`.

use super::Refusal;
use crate::said::Said;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What a factor reads from the applicant's facts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FactorId {
    /// The occupation's place in the ranking of valuable skills in force (1 = most valuable).
    Ranking,
    /// The highest education completed (`secondary`, `vocational`, `bachelor`, `master`, `doctorate`).
    Education,
    /// Years of work in the occupation.
    Experience,
    /// Age on the application date.
    Age,
    /// Languages spoken, each at a CEFR level (`A1` … `C2`); the levels' points are summed.
    Languages,
    /// Peer-reviewed publications.
    Publications,
    /// Patents granted.
    Patents,
    /// Professional awards and prizes.
    Awards,
    /// A job offer from an employer in Kazakhstan.
    JobOffer,
}

impl FactorId {
    pub const ALL: [FactorId; 9] = [
        FactorId::Ranking,
        FactorId::Education,
        FactorId::Experience,
        FactorId::Age,
        FactorId::Languages,
        FactorId::Publications,
        FactorId::Patents,
        FactorId::Awards,
        FactorId::JobOffer,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            FactorId::Ranking => "ranking",
            FactorId::Education => "education",
            FactorId::Experience => "experience",
            FactorId::Age => "age",
            FactorId::Languages => "languages",
            FactorId::Publications => "publications",
            FactorId::Patents => "patents",
            FactorId::Awards => "awards",
            FactorId::JobOffer => "job_offer",
        }
    }

    /// The levels a `levels` factor may name.
    fn levels(self) -> Option<&'static [&'static str]> {
        match self {
            FactorId::Education => Some(&EDUCATION_LEVELS),
            FactorId::Languages => Some(&LANGUAGE_LEVELS),
            _ => None,
        }
    }

    fn allows(self, scoring: &Scoring) -> bool {
        matches!(
            (self, scoring),
            (FactorId::Ranking | FactorId::Experience | FactorId::Age, Scoring::Brackets(_))
                | (FactorId::Education | FactorId::Languages, Scoring::Levels(_))
                | (FactorId::Publications | FactorId::Patents | FactorId::Awards, Scoring::PerItem { .. })
                | (FactorId::JobOffer, Scoring::Flag { .. })
        )
    }
}

pub const EDUCATION_LEVELS: [&str; 6] =
    ["none", "secondary", "vocational", "bachelor", "master", "doctorate"];
pub const LANGUAGE_LEVELS: [&str; 6] = ["A1", "A2", "B1", "B2", "C1", "C2"];

/// One bracket of a number: it matches when the number is within its bounds (both inclusive).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bracket {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_least: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub up_to: Option<u32>,
    pub points: u32,
}

impl Bracket {
    pub fn matches(&self, n: u32) -> bool {
        self.at_least.is_none_or(|lo| n >= lo) && self.up_to.is_none_or(|hi| n <= hi)
    }
}

/// How a factor turns a fact into points.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Scoring {
    /// The first bracket the number falls in; none → 0.
    Brackets(Vec<Bracket>),
    /// Points for each level; a level not named → 0.
    Levels(BTreeMap<String, u32>),
    /// Points for each item counted.
    PerItem { points: u32 },
    /// Points when the fact holds.
    Flag { points: u32 },
}

/// One factor of the grid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Factor {
    pub id: FactorId,
    /// The most points this factor can give.
    pub cap: u32,
    pub scoring: Scoring,
}

/// The grid in force.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PointsGrid {
    /// The least total score that qualifies.
    pub minimum: u32,
    pub factors: Vec<Factor>,
}

impl PointsGrid {
    /// The most points the grid can give at all.
    pub fn maximum(&self) -> u32 {
        self.factors.iter().map(|f| f.cap).sum()
    }

    pub(super) fn check(&self) -> Result<(), Refusal> {
        for (i, f) in self.factors.iter().enumerate() {
            let at = |key: &str| format!("factors[{i}]{key}");
            let factor = f.id.as_str();
            if self.factors[..i].iter().any(|g| g.id == f.id) {
                return Err((
                    at(".id"),
                    Said::new("policy-factor-twice", format!("factor `{factor}` appears twice"))
                        .text("factor", factor),
                ));
            }
            if !f.id.allows(&f.scoring) {
                let scoring = scoring_of(f.id);
                return Err((
                    at(".scoring"),
                    Said::new(
                        "policy-factor-scoring",
                        format!("factor `{factor}` cannot be scored this way (use `{scoring}`)"),
                    )
                    .text("factor", factor)
                    .text("scoring", scoring),
                ));
            }
            let above_cap = |points: u32| {
                Said::new("policy-points-cap", format!("{points} points is above the factor's cap {}", f.cap))
                    .count("points", points)
                    .count("cap", f.cap)
            };
            match &f.scoring {
                Scoring::Brackets(brackets) => {
                    if brackets.is_empty() {
                        return Err((
                            at(".scoring.brackets"),
                            Said::new("policy-no-bracket", "needs at least one bracket"),
                        ));
                    }
                    for (j, b) in brackets.iter().enumerate() {
                        let here = at(&format!(".scoring.brackets[{j}]"));
                        if b.at_least.is_none() && b.up_to.is_none() {
                            return Err((
                                here,
                                Said::new(
                                    "policy-bracket-bounds",
                                    "a bracket needs `at_least`, `up_to` or both",
                                ),
                            ));
                        }
                        if let (Some(lo), Some(hi)) = (b.at_least, b.up_to)
                            && lo > hi
                        {
                            return Err((
                                here,
                                Said::new(
                                    "policy-bracket-order",
                                    format!("at_least {lo} is above up_to {hi}"),
                                )
                                .count("at_least", lo)
                                .count("up_to", hi),
                            ));
                        }
                        if b.points > f.cap {
                            return Err((here, above_cap(b.points)));
                        }
                    }
                }
                Scoring::Levels(levels) => {
                    let known = f.id.levels().unwrap_or(&[]);
                    for (level, points) in levels {
                        if !known.contains(&level.as_str()) {
                            let levels = known.join(", ");
                            return Err((
                                at(&format!(".scoring.levels.{level}")),
                                Said::new(
                                    "policy-level-unknown",
                                    format!("unknown level; the levels are {levels}"),
                                )
                                .text("level", level)
                                .text("levels", levels),
                            ));
                        }
                        if *points > f.cap {
                            return Err((at(&format!(".scoring.levels.{level}")), above_cap(*points)));
                        }
                    }
                }
                Scoring::PerItem { points } | Scoring::Flag { points } => {
                    if *points == 0 || *points > f.cap {
                        return Err((
                            at(".scoring"),
                            Said::new(
                                "policy-points-range",
                                format!("{points} points must be between 1 and the factor's cap {}", f.cap),
                            )
                            .count("points", *points)
                            .count("cap", f.cap),
                        ));
                    }
                }
            }
        }
        if self.minimum == 0 || self.minimum > self.maximum() {
            return Err((
                "minimum".into(),
                Said::new(
                    "policy-minimum-range",
                    format!("{} must be between 1 and the grid's maximum {}", self.minimum, self.maximum()),
                )
                .count("minimum", self.minimum)
                .count("maximum", self.maximum()),
            ));
        }
        Ok(())
    }
}

/// How a factor is scored: the key of its scoring in the file.
fn scoring_of(id: FactorId) -> &'static str {
    match id {
        FactorId::Ranking | FactorId::Experience | FactorId::Age => "brackets",
        FactorId::Education | FactorId::Languages => "levels",
        FactorId::Publications | FactorId::Patents | FactorId::Awards => "per_item",
        FactorId::JobOffer => "flag",
    }
}
