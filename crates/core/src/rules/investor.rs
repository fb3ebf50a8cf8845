//! The investor visa (DOMAIN.md §3). Base rule: at least `investor_threshold` US dollars
//! invested in the charter capital of Kazakh companies or in Kazakh securities (an issuer with
//! a Kazakh BIN), each investment converted at the National Bank's official rate on its own
//! date. The decision lists the rights the visa carries. Term: `long_term_visa_validity` years
//! within the passport's validity.

use super::catalogue;
use super::decision::{Arg, CheckResult, Decision, Outcome};
use super::facts::{FactsError, amount, date};
use super::support::Eval;
use super::{Context, EvalError, Programme};
use crate::ids::Bin;
use crate::rates::Currency;
use jiff::civil::Date;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct InvestorFacts {
    #[serde(deserialize_with = "date")]
    pub passport_expiry: Date,
    pub criminal_record: bool,
    /// Every investment made (an empty list when none).
    pub investments: Vec<Investment>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Investment {
    pub kind: InvestmentKind,
    /// The company or issuer invested in.
    pub recipient: String,
    /// Its business identification number, when it is a Kazakh legal entity; null otherwise.
    #[serde(default)]
    pub bin: Option<String>,
    #[serde(deserialize_with = "amount")]
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub amount: Decimal,
    /// ISO 4217 code of the amount (`KZT`, `USD`, `EUR`, …).
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub currency: Currency,
    /// The date the investment was made (the rate of this date converts it).
    #[serde(deserialize_with = "date")]
    pub date: Date,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum InvestmentKind {
    /// A contribution to the charter (authorised) capital of a company.
    CharterCapital,
    /// Securities (shares, bonds) of an issuer.
    Securities,
}

impl InvestmentKind {
    pub fn as_str(self) -> &'static str {
        match self {
            InvestmentKind::CharterCapital => "charter_capital",
            InvestmentKind::Securities => "securities",
        }
    }
}

impl InvestorFacts {
    pub(super) fn check(&self) -> Result<(), FactsError> {
        for (i, inv) in self.investments.iter().enumerate() {
            if inv.recipient.trim().is_empty() {
                return Err(FactsError::empty(format!("investments[{i}].recipient")));
            }
            if let Some(bin) = &inv.bin {
                Bin::parse(bin).map_err(|e| {
                    FactsError::at(format!("investments[{i}].bin"), crate::labour::rows::bin_error(&e))
                })?;
            }
        }
        Ok(())
    }
}

/// The rights an investor visa carries (DOMAIN.md §3), listed on the decision.
pub const RIGHTS: [&str; 4] = ["register_business", "own_property", "hire_staff", "financial_transactions"];

pub fn evaluate<'p>(
    f: &InvestorFacts,
    on: Date,
    ctx: &Context<'p>,
    full: bool,
) -> Result<Decision<'p>, EvalError> {
    let mut ev = Eval::start(Programme::InvestorVisa, on, ctx, full)?;
    ev.passport(rule!("inv.passport"), f.passport_expiry);
    ev.criminal_record(rule!("inv.criminal_record"), f.criminal_record);

    let mut total = Decimal::ZERO;
    for inv in &f.investments {
        let mut values = Vec::new();
        if ev.full {
            values.extend([
                ("recipient", Arg::Text(inv.recipient.clone())),
                ("kind", Arg::Word(inv.kind.as_str())),
                ("amount", Arg::Money(inv.amount, currency_bytes(&inv.currency))),
                ("date", Arg::Date(inv.date)),
            ]);
        }
        let note = if inv.bin.is_none() {
            "foreign"
        } else if inv.date > on {
            "after_application"
        } else if inv.currency == Currency::USD {
            ""
        } else if inv.currency.is_kzt() {
            "converted"
        } else {
            "cross"
        };
        let counted = matches!(note, "" | "converted" | "cross");
        if counted {
            let usd = if inv.currency == Currency::USD {
                inv.amount
            } else {
                let c = ctx.rates.convert(inv.amount, &inv.currency, &Currency::USD, inv.date)?;
                if ev.full && !inv.currency.is_kzt() {
                    values.push(("rate", Arg::kzt(c.from_rate.kzt_per_unit)));
                    values.push(("rate_date", Arg::Date(c.from_rate.date)));
                }
                if ev.full {
                    values.push(("usd_rate", Arg::kzt(c.to_rate.kzt_per_unit)));
                    values.push(("usd_rate_date", Arg::Date(c.to_rate.date)));
                }
                c.result
            };
            if ev.full {
                values.push(("usd", Arg::usd(usd)));
            }
            total += usd;
        }
        let result = CheckResult::of(counted);
        record!(ev, "inv.investment", result, note, [], values);
    }

    let threshold = param!(ev, "investor_threshold")?;
    let note = if f.investments.is_empty() { "none" } else { "" };
    let mut values = vec![("total", Arg::usd(total)), ("threshold", Arg::usd(threshold.value))];
    if total < threshold.value {
        values.push(("missing", Arg::usd(threshold.value - total)));
    }
    record!(ev, "inv.threshold", CheckResult::of(total >= threshold.value), note, [threshold], values);

    let validity = if ev.outcome() == Outcome::Eligible {
        let v = ev.term(
            rule!("inv.validity"),
            catalogue::parameter_index("long_term_visa_validity"),
            f.passport_expiry,
        )?;
        for right in RIGHTS {
            record!(ev, "inv.rights", CheckResult::Passed, right, [], []);
        }
        v
    } else {
        None
    };
    Ok(ev.finish(validity, None))
}

fn currency_bytes(c: &Currency) -> [u8; 3] {
    let b = c.as_str().as_bytes();
    match b {
        [x, y, z] => [*x, *y, *z],
        _ => *b"???",
    }
}
