//! Citizenship groups for the rules of stay: which nationalities stay under the EAEU rule and
//! which under the visa-free rule, as dated versions in the policy file. Every other nationality
//! (stateless persons and refugees included) needs a visa; Kazakhstan's own citizens are not
//! foreigners and are in no group.

use super::Refusal;
use crate::said::Said;
use serde::{Deserialize, Serialize};

/// The code of Kazakhstan's own citizens.
pub const CITIZENS: &str = "KAZ";

/// The rule of stay a nationality falls under.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Group {
    /// Citizens of Kazakhstan: not foreigners, always lawfully present.
    Citizen,
    /// Citizens of the other EAEU members: at most 90 days in any 180.
    Eaeu,
    /// Visa-free visitors: at most 30 days per entry and 90 in any 180.
    VisaFree,
    /// Everyone else: lawful while a visa or permit covers the day.
    VisaRequired,
}

impl Group {
    pub fn as_str(self) -> &'static str {
        match self {
            Group::Citizen => "citizen",
            Group::Eaeu => "eaeu",
            Group::VisaFree => "visa_free",
            Group::VisaRequired => "visa_required",
        }
    }
}

/// One version of the groups: nationality codes (alpha-3, as in `data/countries.csv`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StayGroups {
    pub eaeu: Vec<String>,
    pub visa_free: Vec<String>,
}

impl StayGroups {
    /// The group of a nationality (upper-case alpha-3) under this version.
    pub fn group(&self, nationality: &str) -> Group {
        if nationality == CITIZENS {
            Group::Citizen
        } else if self.eaeu.iter().any(|c| c == nationality) {
            Group::Eaeu
        } else if self.visa_free.iter().any(|c| c == nationality) {
            Group::VisaFree
        } else {
            Group::VisaRequired
        }
    }

    /// Every code is a known nationality code, none is Kazakhstan's, none is listed twice.
    pub(super) fn check(&self) -> Result<(), Refusal> {
        let mut seen = std::collections::BTreeMap::new();
        for (list, codes) in [("eaeu", &self.eaeu), ("visa_free", &self.visa_free)] {
            for (i, code) in codes.iter().enumerate() {
                let key = format!("{list}[{i}]");
                if crate::country::by_alpha3(code).is_none() {
                    return Err((
                        key,
                        Said::new(
                            "policy-nationality-unknown",
                            format!("{code} is not a nationality code of data/countries.csv"),
                        )
                        .text("code", code),
                    ));
                }
                if code == CITIZENS {
                    return Err((
                        key,
                        Said::new(
                            "policy-nationality-citizens",
                            format!("{code}: Kazakhstan's citizens are not foreigners"),
                        )
                        .text("code", code),
                    ));
                }
                if let Some(first) = seen.insert(code.clone(), key.clone()) {
                    return Err((
                        key,
                        Said::new("policy-nationality-twice", format!("{code} is already listed at {first}"))
                            .text("code", code)
                            .text("first", first),
                    ));
                }
            }
        }
        Ok(())
    }
}
