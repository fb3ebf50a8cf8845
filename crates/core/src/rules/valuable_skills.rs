//! The valuable-skills visa (DOMAIN.md §3): for foreign professionals "the best in their
//! field". Base rule: a professional occupation (major group 2), a score on the points grid in
//! force of at least its minimum, and a plan to train local personnel of at least
//! `valuable_skills_min_trainees` people a year. Term: `long_term_visa_validity` years within
//! the passport's validity. The annual quota is kept by the case workflow, not here.

use super::catalogue;
use super::decision::{Arg, CheckResult, Decision, Outcome};
use super::facts::{FactsError, date, known_occupation};
use super::support::{Eval, age_on, whole};
use super::{Context, EvalError, Programme};
use crate::occupation::OccupationCode;
use crate::policy::LookupError;
use crate::policy::points::{FactorId, PointsGrid, Scoring};
use crate::said::Said;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ValuableSkillsFacts {
    #[serde(deserialize_with = "date")]
    pub birth_date: Date,
    #[serde(deserialize_with = "date")]
    pub passport_expiry: Date,
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub occupation: OccupationCode,
    pub education: Education,
    /// Years of work in the occupation.
    pub experience_years: u32,
    /// Languages spoken, with CEFR levels (an empty list when none is declared).
    pub languages: Vec<LanguageSkill>,
    pub publications: u32,
    pub patents: u32,
    pub awards: u32,
    /// A job offer from an employer in Kazakhstan.
    pub job_offer: bool,
    /// The plan to train local personnel; null when none is offered.
    #[serde(default)]
    pub training_plan: Option<TrainingPlan>,
    pub criminal_record: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Education {
    None,
    Secondary,
    Vocational,
    Bachelor,
    Master,
    Doctorate,
}

impl Education {
    pub fn as_str(self) -> &'static str {
        match self {
            Education::None => "none",
            Education::Secondary => "secondary",
            Education::Vocational => "vocational",
            Education::Bachelor => "bachelor",
            Education::Master => "master",
            Education::Doctorate => "doctorate",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Level {
    A1,
    A2,
    B1,
    B2,
    C1,
    C2,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::A1 => "A1",
            Level::A2 => "A2",
            Level::B1 => "B1",
            Level::B2 => "B2",
            Level::C1 => "C1",
            Level::C2 => "C2",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct LanguageSkill {
    /// ISO 639-1 code (`kk`, `ru`, `en`, …).
    pub language: String,
    pub level: Level,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct TrainingPlan {
    /// Local specialists trained each year.
    pub trainees_per_year: u32,
}

impl ValuableSkillsFacts {
    pub(super) fn check(&self) -> Result<(), FactsError> {
        known_occupation("occupation", &self.occupation)?;
        for (i, l) in self.languages.iter().enumerate() {
            let code = l.language.as_bytes();
            if code.len() != 2 || !code.iter().all(u8::is_ascii_lowercase) {
                return Err(FactsError::at(
                    format!("languages[{i}].language"),
                    Said::new(
                        "facts-language",
                        format!("{:?} is not an ISO 639-1 language code (e.g. \"kk\")", l.language),
                    )
                    .text("value", l.language.clone()),
                ));
            }
            if self.languages[..i].iter().any(|o| o.language == l.language) {
                return Err(FactsError::at(
                    format!("languages[{i}].language"),
                    Said::new("facts-twice", "declared twice"),
                ));
            }
        }
        if self.experience_years > 80 {
            return Err(FactsError::at(
                "experience_years",
                Said::new("facts-experience", "more than 80 years").count("max", 80),
            ));
        }
        Ok(())
    }
}

pub fn evaluate<'p>(
    f: &ValuableSkillsFacts,
    on: Date,
    ctx: &Context<'p>,
    full: bool,
) -> Result<Decision<'p>, EvalError> {
    if f.birth_date > on {
        return Err(FactsError::after("birth_date", on, "decision").into());
    }
    let mut ev = Eval::start(Programme::ValuableSkillsVisa, on, ctx, full)?;
    ev.passport(rule!("vs.passport"), f.passport_expiry);
    ev.criminal_record(rule!("vs.criminal_record"), f.criminal_record);
    let professional = f.occupation.major() == '2';
    record!(
        ev,
        "vs.occupation",
        CheckResult::of(professional),
        "",
        [],
        [("occupation", Arg::Code(f.occupation))]
    );

    let grid = ctx.policy.points_on(on).ok_or_else(|| LookupError::NotYetInForce {
        name: "valuable_skills_points".into(),
        on,
        first: ctx.policy.valuable_skills_points.first().map_or(on, |v| v.from),
    })?;
    let list = ctx.lists.in_force(on);
    let place = list.and_then(|l| l.place(&f.occupation));
    let total = score(&grid.value, f, on, place, list.map(|l| l.ranked()), &mut ev);
    record!(
        ev,
        "vs.points",
        CheckResult::of(total >= grid.value.minimum),
        "",
        [],
        [
            ("score", Arg::Count(i64::from(total))),
            ("minimum", Arg::Count(i64::from(grid.value.minimum))),
            ("maximum", Arg::Count(i64::from(grid.value.maximum()))),
            ("grid_from", Arg::Date(grid.from)),
        ]
    );

    let min = param!(ev, "valuable_skills_min_trainees")?;
    let (result, note, trainees) = match &f.training_plan {
        None => (CheckResult::Failed, "no_plan", 0),
        Some(p) => (
            CheckResult::of(i64::from(p.trainees_per_year) >= whole(min.value, i64::MAX)),
            "",
            p.trainees_per_year,
        ),
    };
    record!(
        ev,
        "vs.training",
        result,
        note,
        [min],
        [("trainees", Arg::Count(i64::from(trainees))), ("minimum", Arg::Number(min.value))]
    );

    let validity = if ev.outcome() == Outcome::Eligible {
        ev.term(
            rule!("vs.validity"),
            catalogue::parameter_index("long_term_visa_validity"),
            f.passport_expiry,
        )?
    } else {
        None
    };
    Ok(ev.finish(validity, None))
}

/// Scores every factor of the grid, recording one part per factor; returns the total.
fn score(
    grid: &PointsGrid,
    f: &ValuableSkillsFacts,
    on: Date,
    place: Option<u32>,
    ranked: Option<usize>,
    ev: &mut Eval<'_>,
) -> u32 {
    let mut total = 0;
    for factor in &grid.factors {
        let (raw, points): (Arg, u32) = match (factor.id, &factor.scoring) {
            (FactorId::Ranking, Scoring::Brackets(b)) => match place {
                Some(p) => (Arg::Count(i64::from(p)), bracket(b, p)),
                None => (Arg::Word("unranked"), 0),
            },
            (FactorId::Experience, Scoring::Brackets(b)) => {
                (Arg::Count(i64::from(f.experience_years)), bracket(b, f.experience_years))
            }
            (FactorId::Age, Scoring::Brackets(b)) => {
                let age = age_on(f.birth_date, on);
                (Arg::Count(age), bracket(b, u32::try_from(age).unwrap_or(0)))
            }
            (FactorId::Education, Scoring::Levels(l)) => {
                (Arg::Word(f.education.as_str()), l.get(f.education.as_str()).copied().unwrap_or(0))
            }
            (FactorId::Languages, Scoring::Levels(l)) => {
                let sum = f.languages.iter().map(|s| l.get(s.level.as_str()).copied().unwrap_or(0)).sum();
                (Arg::Count(f.languages.len() as i64), sum)
            }
            (FactorId::Publications, Scoring::PerItem { points }) => {
                (Arg::Count(i64::from(f.publications)), f.publications.saturating_mul(*points))
            }
            (FactorId::Patents, Scoring::PerItem { points }) => {
                (Arg::Count(i64::from(f.patents)), f.patents.saturating_mul(*points))
            }
            (FactorId::Awards, Scoring::PerItem { points }) => {
                (Arg::Count(i64::from(f.awards)), f.awards.saturating_mul(*points))
            }
            (FactorId::JobOffer, Scoring::Flag { points }) => {
                (Arg::Word(if f.job_offer { "yes" } else { "no" }), if f.job_offer { *points } else { 0 })
            }
            // The policy file's check refuses any other pairing.
            _ => (Arg::Word("unscored"), 0),
        };
        let points = points.min(factor.cap);
        total += points;
        let mut values = Vec::new();
        if ev.full {
            values.extend([
                ("value", raw),
                ("points", Arg::Count(i64::from(points))),
                ("cap", Arg::Count(i64::from(factor.cap))),
            ]);
        }
        if ev.full && factor.id == FactorId::Ranking {
            values.push(("ranked", Arg::Count(ranked.unwrap_or(0) as i64)));
        }
        record!(ev, "vs.points.factor", CheckResult::Passed, factor.id.as_str(), [], values);
    }
    total
}

fn bracket(brackets: &[crate::policy::points::Bracket], n: u32) -> u32 {
    brackets.iter().find(|b| b.matches(n)).map_or(0, |b| b.points)
}
