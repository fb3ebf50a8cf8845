//! The question as JSON (what `ashyq stay check` reads on standard input):
//!
//! ```json
//! { "rule": "visa-free" | "eaeu" | { "limit": 90, "window": 180, "per_entry": 30 },
//!   "stays": [ { "entry": "2026-01-10", "exit": "2026-01-20" }, { "entry": "2026-03-01", "exit": null } ],
//!   "permits": [ { "from": "2026-03-05", "until": "2026-04-05" } ],
//!   "on": "2026-03-20" }
//! ```
//!
//! `permits` is optional (none). `per_entry` may be null or left out (no cap per entry).
//! Unknown fields are refused; errors name the field (`stays[1].exit`).

use super::{Permit, Rule, Stay, StayError, StayStatus, check};
use crate::policy::Policy;
use jiff::civil::Date;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};

/// Which rule counts the stays.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum RuleSpec {
    /// `"visa-free"` or `"eaeu"`: the policy's parameters in force on the day examined.
    Named(Named),
    /// A rule given in full.
    Custom(Rule),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Named {
    VisaFree,
    Eaeu,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Request {
    pub rule: RuleSpec,
    pub stays: Vec<Stay>,
    #[serde(default)]
    pub permits: Vec<Permit>,
    pub on: Date,
}

impl Request {
    /// Reads a request from JSON text.
    pub fn parse(text: &str) -> Result<Request, StayError> {
        let mut de = serde_json::Deserializer::from_str(text);
        let request: Request = serde_path_to_error::deserialize(&mut de).map_err(|e| {
            let path = e.path().to_string();
            let full = e.inner().to_string();
            let message = full.split(" at line ").next().unwrap_or(&full).to_string();
            // serde names a missing field in the message, at its parent's path: name it in the path.
            if let Some(field) = message.strip_prefix("missing field `").and_then(|m| m.split('`').next()) {
                let path = if path == "." { field.to_string() } else { format!("{path}.{field}") };
                return StayError::at(path, "missing");
            }
            // At the top (not JSON, an unknown field) the line and column are the only place.
            if path == "." { StayError::at("(input)", full) } else { StayError::at(path, message) }
        })?;
        de.end().map_err(|e| StayError::at("(input)", e.to_string()))?;
        Ok(request)
    }

    /// The rule, with a named rule's numbers taken from `policy` as in force on `on`.
    pub fn rule(&self, policy: &Policy) -> Result<Rule, StayError> {
        match self.rule {
            RuleSpec::Named(Named::VisaFree) => Rule::visa_free(policy, self.on),
            RuleSpec::Named(Named::Eaeu) => Rule::eaeu(policy, self.on),
            RuleSpec::Custom(r) => Ok(r),
        }
    }

    /// Answers the request.
    pub fn check(&self, policy: &Policy) -> Result<StayStatus, StayError> {
        check(&self.rule(policy)?, &self.stays, &self.permits, self.on)
    }
}

impl<'de> Deserialize<'de> for RuleSpec {
    fn deserialize<D: Deserializer<'de>>(de: D) -> Result<RuleSpec, D::Error> {
        de.deserialize_any(RuleSpecVisitor)
    }
}

/// A string names a rule; a map gives one in full (its fields keep their paths in errors).
struct RuleSpecVisitor;

impl<'de> Visitor<'de> for RuleSpecVisitor {
    type Value = RuleSpec;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("\"visa-free\", \"eaeu\" or {\"limit\": N, \"window\": N, \"per_entry\": N or null}")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<RuleSpec, E> {
        match v {
            "visa-free" => Ok(RuleSpec::Named(Named::VisaFree)),
            "eaeu" => Ok(RuleSpec::Named(Named::Eaeu)),
            other => Err(E::invalid_value(de::Unexpected::Str(other), &self)),
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RuleSpec, A::Error> {
        Rule::deserialize(de::value::MapAccessDeserializer::new(map)).map(RuleSpec::Custom)
    }
}
