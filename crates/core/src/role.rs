//! The roles people have in ashyq, and which of them may be scoped to a region.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// Who is acting. Every endpoint and page declares which roles may use it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Anyone, without logging in: published lists, self-check of eligibility.
    Public,
    /// A foreigner or kandas applying for a permit, visa or status.
    Applicant,
    /// An analyst of the Ministry of Labour (MLSPP) forming the list of professions in demand.
    Analyst,
    /// A coordinating body: a state body, an akimat (scoped to its region) or Atameken.
    Coordinator,
    /// A migration-service officer deciding cases (scoped to a region).
    Officer,
    /// Checkpoint staff recording crossings.
    Border,
    /// Administers accounts and reads the audit log.
    Admin,
}

impl Role {
    /// Every role, in the order they are listed to people and in the role matrix.
    pub const ALL: [Role; 7] = [
        Role::Public,
        Role::Applicant,
        Role::Analyst,
        Role::Coordinator,
        Role::Officer,
        Role::Border,
        Role::Admin,
    ];

    /// The roles an account can hold (public is the absence of an account).
    pub const ACCOUNT_ROLES: [Role; 6] =
        [Role::Applicant, Role::Analyst, Role::Coordinator, Role::Officer, Role::Border, Role::Admin];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Public => "public",
            Role::Applicant => "applicant",
            Role::Analyst => "analyst",
            Role::Coordinator => "coordinator",
            Role::Officer => "officer",
            Role::Border => "border",
            Role::Admin => "admin",
        }
    }

    /// Coordinators (akimats) and officers work for one region; an account of another role
    /// must not carry a region.
    pub fn may_have_region(self) -> bool {
        matches!(self, Role::Coordinator | Role::Officer)
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A role name that is not one of [`Role::ALL`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown role {0:?}; expected one of public, applicant, analyst, coordinator, officer, border, admin"
)]
pub struct UnknownRole(pub String);

impl FromStr for Role {
    type Err = UnknownRole;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Role::ALL
            .into_iter()
            .find(|r| r.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| UnknownRole(s.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_role_round_trips_through_its_name() {
        for role in Role::ALL {
            assert_eq!(role.as_str().parse::<Role>(), Ok(role));
            assert_eq!(role.as_str().to_uppercase().parse::<Role>(), Ok(role));
        }
    }

    #[test]
    fn unknown_role_is_named_in_the_error() {
        let err = "minister".parse::<Role>().unwrap_err();
        assert!(err.to_string().contains("\"minister\""));
    }

    #[test]
    fn only_coordinators_and_officers_are_scoped_to_a_region() {
        let scoped: Vec<Role> = Role::ALL.into_iter().filter(|r| r.may_have_region()).collect();
        assert_eq!(scoped, vec![Role::Coordinator, Role::Officer]);
    }
}
