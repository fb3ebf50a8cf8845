//! The programmes and every rule the code applies, by id. The policy file must give each rule a
//! legal basis (and may repeal it from a date); a rule id never changes meaning once published,
//! because decisions, golden cases and the simulation refer to it.

use serde::{Deserialize, Serialize};

/// A programme a person can apply for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Programme {
    PermanentResidence,
    ValuableSkillsVisa,
    InvestorVisa,
    AtaZholy,
    Refugee,
}

impl Programme {
    pub const ALL: [Programme; 5] = [
        Programme::PermanentResidence,
        Programme::ValuableSkillsVisa,
        Programme::InvestorVisa,
        Programme::AtaZholy,
        Programme::Refugee,
    ];

    /// The id used on the command line, in URLs and in files.
    pub fn id(self) -> &'static str {
        match self {
            Programme::PermanentResidence => "permanent-residence",
            Programme::ValuableSkillsVisa => "valuable-skills-visa",
            Programme::InvestorVisa => "investor-visa",
            Programme::AtaZholy => "ata-zholy",
            Programme::Refugee => "refugee",
        }
    }

    pub fn parse(id: &str) -> Option<Programme> {
        Programme::ALL.into_iter().find(|p| p.id() == id)
    }

    /// [`Programme::parse`], with an error that lists the programmes.
    pub fn named(id: &str) -> Result<Programme, UnknownProgramme> {
        Programme::parse(id).ok_or_else(|| UnknownProgramme(id.to_string()))
    }

    /// The rule that establishes the programme: its legal basis heads every decision, and before
    /// its first version the programme did not exist.
    pub fn rule(self) -> &'static str {
        match self {
            Programme::PermanentResidence => "pr",
            Programme::ValuableSkillsVisa => "vs",
            Programme::InvestorVisa => "inv",
            Programme::AtaZholy => "az",
            Programme::Refugee => "rf",
        }
    }
}

/// A programme id that is not one of the five.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown programme {0:?}; the programmes are {ids}", ids = Programme::ALL.map(Programme::id).join(", "))]
pub struct UnknownProgramme(pub String);

impl std::fmt::Display for Programme {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id())
    }
}

/// What part a rule plays in a decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleKind {
    /// Establishes the programme.
    Programme,
    /// A condition of the base rule: failing it refuses, unless an exception sets it aside.
    Base,
    /// A labelled exception: when it applies, it sets aside (or refers to an officer) the base
    /// conditions it names. Its not applying never refuses anything by itself.
    Exception,
    /// One of several alternatives, or one item of a base condition: shown, decided by its base.
    Part,
    /// The term of what is granted (validity).
    Term,
    /// What follows from the decision (rights granted, cancellation of an issued permit).
    Consequence,
}

/// One rule the code knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    pub id: &'static str,
    pub programme: Programme,
    pub kind: RuleKind,
}

const fn r(id: &'static str, programme: Programme, kind: RuleKind) -> Rule {
    Rule { id, programme, kind }
}

const PR: Programme = Programme::PermanentResidence;
const VS: Programme = Programme::ValuableSkillsVisa;
const INV: Programme = Programme::InvestorVisa;
const AZ: Programme = Programme::AtaZholy;
const RF: Programme = Programme::Refugee;
const ROOT: RuleKind = RuleKind::Programme;
const BASE: RuleKind = RuleKind::Base;
const EXCEPTION: RuleKind = RuleKind::Exception;
const PART: RuleKind = RuleKind::Part;
const TERM: RuleKind = RuleKind::Term;
const CONSEQUENCE: RuleKind = RuleKind::Consequence;

/// Every rule, in the order decisions show them.
pub const RULES: &[Rule] = &[
    r("pr", PR, ROOT),
    r("pr.passport", PR, BASE),
    r("pr.criminal_record", PR, BASE),
    r("pr.solvency.applicant", PR, BASE),
    r("pr.solvency.family", PR, BASE),
    r("pr.housing", PR, BASE),
    r("pr.housing.by_contract", PR, EXCEPTION),
    r("pr.exempt.in_demand", PR, EXCEPTION),
    r("pr.exempt.kandas", PR, EXCEPTION),
    r("pr.exempt.former_citizen", PR, EXCEPTION),
    r("pr.exempt.simplified_citizenship", PR, EXCEPTION),
    r("pr.validity", PR, TERM),
    r("pr.cancellation", PR, CONSEQUENCE),
    r("vs", VS, ROOT),
    r("vs.passport", VS, BASE),
    r("vs.criminal_record", VS, BASE),
    r("vs.occupation", VS, BASE),
    r("vs.points", VS, BASE),
    r("vs.points.factor", VS, PART),
    r("vs.training", VS, BASE),
    r("vs.validity", VS, TERM),
    r("inv", INV, ROOT),
    r("inv.passport", INV, BASE),
    r("inv.criminal_record", INV, BASE),
    r("inv.investment", INV, PART),
    r("inv.threshold", INV, BASE),
    r("inv.validity", INV, TERM),
    r("inv.rights", INV, CONSEQUENCE),
    r("az", AZ, ROOT),
    r("az.passport", AZ, BASE),
    r("az.criminal_record", AZ, BASE),
    r("az.ethnic_kazakh", AZ, BASE),
    r("az.lives_abroad", AZ, BASE),
    r("az.ground", AZ, BASE),
    r("az.ground.in_demand", AZ, PART),
    r("az.ground.simplified_citizenship", AZ, PART),
    r("az.ground.business_abroad", AZ, PART),
    r("az.validity", AZ, TERM),
    r("az.rights", AZ, CONSEQUENCE),
    r("rf", RF, ROOT),
    r("rf.grounds", RF, BASE),
    r("rf.deadline", RF, BASE),
    r("rf.deadline.good_reason", RF, EXCEPTION),
    r("rf.exclusion", RF, BASE),
    r("rf.certificate", RF, TERM),
    r("rf.residence", RF, CONSEQUENCE),
];

/// The ids of every rule, for checking a policy file.
pub fn ids() -> Vec<&'static str> {
    RULES.iter().map(|r| r.id).collect()
}

/// The rule with this id.
pub fn rule(id: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.id == id)
}

/// The place of a rule in [`RULES`], at run time.
pub fn index_of_runtime(id: &str) -> Option<usize> {
    RULES.iter().position(|r| r.id == id)
}

/// The place of a rule in [`RULES`], found at compile time by the `record!` macro of the
/// programmes (an unknown id does not compile).
pub const fn index_of(id: &str) -> usize {
    let mut i = 0;
    while i < RULES.len() {
        if str_eq(RULES[i].id, id) {
            return i;
        }
        i += 1;
    }
    panic!("unknown rule id")
}

const fn str_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// The place of a parameter in [`crate::policy::REQUIRED_PARAMETERS`], at compile time.
pub const fn parameter_index(name: &str) -> usize {
    let names = crate::policy::REQUIRED_PARAMETERS;
    let mut i = 0;
    while i < names.len() {
        if str_eq(names[i], name) {
            return i;
        }
        i += 1;
    }
    panic!("not a parameter the rules read: add it to REQUIRED_PARAMETERS")
}
