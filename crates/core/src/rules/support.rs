//! What every programme's evaluation shares: finding each rule's basis on the date, recording
//! checks, the checks several programmes make alike (passport, criminal record) and the term
//! of a long-term status.

use super::catalogue::{self, Programme, RuleKind};
use super::decision::{Arg, Check, CheckResult, Decision, Effect, Limit, PermitAction, Validity, Waiver};
use super::{Context, EvalError};
use crate::policy::LegalBasis;
use crate::policy::parameters::Used;
use jiff::ToSpan;
use jiff::civil::Date;

/// A decision being made.
pub(super) struct Eval<'p> {
    pub ctx: Context<'p>,
    pub on: Date,
    pub programme: Programme,
    basis: &'p LegalBasis,
    pub checks: Vec<Check<'p>>,
}

impl<'p> Eval<'p> {
    /// Starts a decision; refuses to decide a programme that was not in force on the date.
    pub fn start(programme: Programme, on: Date, ctx: &Context<'p>) -> Result<Eval<'p>, EvalError> {
        let id = programme.rule();
        match ctx.policy.rules.on(id, on) {
            Some(v) if v.applies => {
                Ok(Eval { ctx: *ctx, on, programme, basis: &v.basis, checks: Vec::with_capacity(12) })
            }
            Some(v) => Err(EvalError::ProgrammeRepealed { programme: programme.id(), from: v.from }),
            None => Err(EvalError::ProgrammeNotInForce {
                programme: programme.id(),
                on,
                first: ctx.policy.rules.0.get(id).and_then(|v| v.first()).map(|v| v.from),
            }),
        }
    }

    /// A parameter's value on the decision's date.
    pub fn param(&self, name: &str) -> Result<Used<'p>, EvalError> {
        Ok(self.ctx.policy.parameters.get(name, self.on)?)
    }

    /// Records a check. If the rule was not in force on the date or was repealed, the check is
    /// recorded as not applicable whatever was found; returns the result recorded.
    pub fn push(
        &mut self,
        rule: &'static str,
        result: CheckResult,
        note: &'static str,
        parameters: Vec<Used<'p>>,
        values: Vec<(&'static str, Arg)>,
    ) -> CheckResult {
        let kind = catalogue::rule(rule).map_or(RuleKind::Part, |r| r.kind);
        let (result, note, basis, basis_from) = match self.ctx.policy.rules.on(rule, self.on) {
            Some(v) if v.applies => (result, note, Some(&v.basis), Some(v.from)),
            Some(v) => (CheckResult::NotApplicable, "repealed", Some(&v.basis), Some(v.from)),
            None => (CheckResult::NotApplicable, "not_in_force", None, None),
        };
        self.checks.push(Check {
            rule,
            kind,
            result,
            note,
            waived: None,
            basis,
            basis_from,
            parameters,
            values,
        });
        result
    }

    /// Sets aside the failed base conditions `rules` by the exception `by`.
    pub fn waive(&mut self, rules: &[&str], by: &'static str, effect: Effect) {
        for c in self.checks.iter_mut() {
            if rules.contains(&c.rule) && c.result == CheckResult::Failed && c.waived.is_none() {
                c.waived = Some(Waiver { by, effect });
            }
        }
    }

    /// The passport must be valid on the date.
    pub fn passport(&mut self, rule: &'static str, expiry: Date) {
        let valid = expiry >= self.on;
        self.push(rule, CheckResult::of(valid), "", vec![], vec![("passport_expiry", Arg::Date(expiry))]);
    }

    /// A declared criminal record is for an officer to weigh; none declared passes.
    pub fn criminal_record(&mut self, rule: &'static str, declared: bool) {
        let result = if declared { CheckResult::NeedsOfficer } else { CheckResult::Passed };
        self.push(rule, result, "", vec![], vec![]);
    }

    /// The term of a long-term status: `years` from the date, or to the passport's expiry,
    /// whichever is first. As the Civil Code counts a period in years (Articles 177–178): it
    /// runs from the day after the decision and ends on the same month and day of its last year
    /// (29 February → 28 February). `None` when the term rule is not in force on the date.
    pub fn term(
        &mut self,
        rule: &'static str,
        parameter: &str,
        passport_expiry: Date,
    ) -> Result<Option<Validity>, EvalError> {
        if !self.ctx.policy.rules.on(rule, self.on).is_some_and(|v| v.applies) {
            self.push(rule, CheckResult::NotApplicable, "", vec![], vec![]);
            return Ok(None);
        }
        let years = self.param(parameter)?;
        let n = i16::try_from(whole(years.value, 100)).unwrap_or(100);
        let term_end = self.on.checked_add(n.years()).unwrap_or(Date::MAX);
        let (until, limited_by) = if passport_expiry < term_end {
            (passport_expiry, Limit::Passport)
        } else {
            (term_end, Limit::Term)
        };
        let note = match limited_by {
            Limit::Term => "",
            Limit::Passport => "passport",
        };
        self.push(
            rule,
            CheckResult::Passed,
            note,
            vec![years],
            vec![
                ("from", Arg::Date(self.on)),
                ("until", Arg::Date(until)),
                ("years", Arg::Count(i64::from(n))),
            ],
        );
        Ok(Some(Validity { from: self.on, until, limited_by }))
    }

    pub fn outcome(&self) -> super::Outcome {
        Decision::settle(&self.checks)
    }

    pub fn finish(self, validity: Option<Validity>, permit_action: Option<PermitAction>) -> Decision<'p> {
        let outcome = Decision::settle(&self.checks);
        let validity = if outcome == super::Outcome::Eligible { validity } else { None };
        Decision {
            programme: self.programme,
            on: self.on,
            policy_edition: &self.ctx.policy.meta.edition,
            outcome,
            basis: self.basis,
            checks: self.checks,
            validity,
            permit_action,
        }
    }
}

/// Full years of age on a date. Someone born on 29 February turns a year older on 1 March in a
/// common year.
pub fn age_on(birth: Date, on: Date) -> i64 {
    let mut years = i64::from(on.year()) - i64::from(birth.year());
    if (on.month(), on.day()) < (birth.month(), birth.day()) {
        years -= 1;
    }
    years
}

/// A parameter's value as a whole number between 0 and `max` (days, years, counts).
pub fn whole(d: rust_decimal::Decimal, max: i64) -> i64 {
    use rust_decimal::prelude::ToPrimitive;
    d.trunc().to_i64().unwrap_or(max).clamp(0, max)
}
