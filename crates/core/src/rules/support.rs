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
    /// Whether checks carry their parameters and figures (to be explained).
    pub full: bool,
    pub on: Date,
    pub programme: Programme,
    basis: &'p LegalBasis,
    /// The checks, when the decision is to be explained (`full`); empty otherwise.
    pub checks: Vec<Check<'p>>,
    /// Base conditions failed, by rule index (bit `i` is `catalogue::RULES[i]`). The outcome is
    /// derived from these in both modes, so the lean and the full decision cannot differ.
    failed: u64,
    /// Base conditions an officer must judge.
    referred: u64,
    /// Failed base conditions set aside by an exception.
    waived: u64,
    /// Failed base conditions referred to an officer by an exception.
    refer: u64,
}

const _: () = assert!(catalogue::RULES.len() <= 64, "rule masks are 64 bits wide");

impl<'p> Eval<'p> {
    /// Starts a decision; refuses to decide a programme that was not in force on the date.
    pub fn start(
        programme: Programme,
        on: Date,
        ctx: &Context<'p>,
        full: bool,
    ) -> Result<Eval<'p>, EvalError> {
        let id = programme.rule();
        match ctx.policy.rules.on(id, on) {
            Some(v) if v.applies => {
                let checks = if full { Vec::with_capacity(16) } else { Vec::new() };
                Ok(Eval {
                    ctx: *ctx,
                    full,
                    on,
                    programme,
                    basis: &v.basis,
                    checks,
                    failed: 0,
                    referred: 0,
                    waived: 0,
                    refer: 0,
                })
            }
            Some(v) => Err(EvalError::ProgrammeRepealed { programme: programme.id(), from: v.from }),
            None => Err(EvalError::ProgrammeNotInForce {
                programme: programme.id(),
                on,
                first: ctx.policy.rules.0.get(id).and_then(|v| v.first()).map(|v| v.from),
            }),
        }
    }

    /// The value on the decision's date of the parameter at `index` of `REQUIRED_PARAMETERS`
    /// (the `param!` macro finds it by name at compile time).
    pub fn param(&self, index: usize) -> Result<Used<'p>, EvalError> {
        Ok(self.ctx.policy.parameters.at(index, self.on)?)
    }

    /// Records a check. If the rule was not in force on the date or was repealed, the check is
    /// recorded as not applicable whatever was found; returns the result recorded.
    pub fn push(
        &mut self,
        index: usize,
        result: CheckResult,
        note: &'static str,
        parameters: Vec<Used<'p>>,
        values: Vec<(&'static str, Arg)>,
    ) -> CheckResult {
        let (rule, kind) = catalogue::RULES.get(index).map_or(("?", RuleKind::Part), |r| (r.id, r.kind));
        let (result, note, basis, basis_from) = match self.ctx.policy.rules.at(index, self.on) {
            Some(v) if v.applies => (result, note, Some(&v.basis), Some(v.from)),
            Some(v) => (CheckResult::NotApplicable, "repealed", Some(&v.basis), Some(v.from)),
            None => (CheckResult::NotApplicable, "not_in_force", None, None),
        };
        if kind == RuleKind::Base {
            match result {
                CheckResult::Failed => self.failed |= 1 << index,
                CheckResult::NeedsOfficer => self.referred |= 1 << index,
                _ => {}
            }
        }
        if !self.full {
            return result;
        }
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

    /// Sets aside (or refers to an officer) the base conditions at `rules` that have failed so
    /// far, by the exception at `by`.
    pub fn waive(&mut self, rules: &[usize], by: usize, effect: Effect) {
        let mask = rules.iter().fold(0u64, |m, i| m | 1 << i) & self.failed & !(self.waived | self.refer);
        match effect {
            Effect::Waive => self.waived |= mask,
            Effect::Refer => self.refer |= mask,
        }
        let by = catalogue::RULES.get(by).map_or("?", |r| r.id);
        for c in self.checks.iter_mut() {
            let bit = catalogue::index_of_runtime(c.rule).map_or(0, |i| 1u64 << i);
            if mask & bit != 0 && c.waived.is_none() {
                c.waived = Some(Waiver { by, effect });
            }
        }
    }

    /// The passport must be valid on the date.
    pub fn passport(&mut self, rule: usize, expiry: Date) {
        let valid = expiry >= self.on;
        let values = if self.full { vec![("passport_expiry", Arg::Date(expiry))] } else { Vec::new() };
        self.push(rule, CheckResult::of(valid), "", vec![], values);
    }

    /// A declared criminal record is for an officer to weigh; none declared passes.
    pub fn criminal_record(&mut self, rule: usize, declared: bool) {
        let result = if declared { CheckResult::NeedsOfficer } else { CheckResult::Passed };
        self.push(rule, result, "", vec![], vec![]);
    }

    /// The term of a long-term status: `years` from the date, or to the passport's expiry,
    /// whichever is first. As the Civil Code counts a period in years (Articles 177–178): it
    /// runs from the day after the decision and ends on the same month and day of its last year
    /// (29 February → 28 February). `None` when the term rule is not in force on the date.
    pub fn term(
        &mut self,
        rule: usize,
        parameter: usize,
        passport_expiry: Date,
    ) -> Result<Option<Validity>, EvalError> {
        if !self.ctx.policy.rules.at(rule, self.on).is_some_and(|v| v.applies) {
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
        let (parameters, values) = if self.full {
            (
                vec![years],
                vec![
                    ("from", Arg::Date(self.on)),
                    ("until", Arg::Date(until)),
                    ("years", Arg::Count(i64::from(n))),
                ],
            )
        } else {
            (Vec::new(), Vec::new())
        };
        self.push(rule, CheckResult::Passed, note, parameters, values);
        Ok(Some(Validity { from: self.on, until, limited_by }))
    }

    /// The outcome so far: a failed base condition not set aside refuses; else one an officer
    /// must judge (or an exception referred) refers; else eligible.
    pub fn outcome(&self) -> super::Outcome {
        if self.failed & !(self.waived | self.refer) != 0 {
            super::Outcome::Ineligible
        } else if self.referred | (self.failed & self.refer) != 0 {
            super::Outcome::NeedsOfficer
        } else {
            super::Outcome::Eligible
        }
    }

    pub fn finish(self, validity: Option<Validity>, permit_action: Option<PermitAction>) -> Decision<'p> {
        let outcome = self.outcome();
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
            failing_mask: self.failed & !(self.waived | self.refer),
            referred_mask: self.referred | (self.failed & self.refer),
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

/// Whether an occupation is on the list of professions in demand in force: the result, the
/// explanation's note and (when `full`) its figures — the list, its date and order.
pub fn on_list_in_force(
    occupation: Option<&crate::occupation::OccupationCode>,
    list: Option<&crate::labour::published::PublishedList>,
    full: bool,
) -> (CheckResult, &'static str, Vec<(&'static str, Arg)>) {
    let (result, note) = match (occupation, list) {
        (None, _) => (CheckResult::Failed, "no_occupation"),
        (Some(_), None) => (CheckResult::Failed, "no_list"),
        (Some(code), Some(l)) => (CheckResult::of(l.includes(code)), ""),
    };
    let mut values = Vec::new();
    if full {
        if let Some(code) = occupation {
            values.push(("occupation", Arg::Code(*code)));
        }
        if let (Some(_), Some(l)) = (occupation, list) {
            values.push(("list_id", Arg::Count(l.list_id)));
            values.push(("list_from", Arg::Date(l.effective_from)));
            if let Some(order) = &l.order_no {
                values.push(("order", Arg::Text(order.clone())));
            }
        }
    }
    (result, note, values)
}
