//! The priority sectors of the list (healthcare, education, science and technology,
//! information technology) and the occupation groups that make each of them up.

use super::Refusal;
use crate::occupation::OccupationCode;
use crate::said::Said;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Sector name → the classifier groups it covers (`healthcare = ["22"]`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SectorMap(pub BTreeMap<String, Vec<OccupationCode>>);

impl SectorMap {
    /// The sector an occupation belongs to (the first, by name, if groups overlap).
    pub fn sector_of(&self, occupation: &OccupationCode) -> Option<&str> {
        self.0
            .iter()
            .find(|(_, groups)| groups.iter().any(|g| occupation.is_within(g)))
            .map(|(s, _)| s.as_str())
    }

    pub(super) fn check(&self) -> Result<(), Refusal> {
        if self.0.is_empty() {
            return Err(("(map)".into(), Said::new("policy-sectors-none", "names no sector")));
        }
        for (name, groups) in &self.0 {
            if !name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
                return Err((
                    name.clone(),
                    Said::new("policy-sector-name", "sector names are lower-case words joined by `_`")
                        .text("name", name),
                ));
            }
            if groups.is_empty() {
                return Err((name.clone(), Said::new("policy-sector-no-group", "lists no occupation group")));
            }
            for g in groups {
                if crate::occupation::classifier().get(g).is_none() {
                    return Err((name.clone(), super::not_a_group(g)));
                }
            }
        }
        Ok(())
    }
}
