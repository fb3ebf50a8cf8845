//! The travellers: the citizenships of foreigners coming to Kazakhstan with their weights, their
//! entry regime, documents and usual border checkpoints; each traveller's profile, sex, birth
//! date, names and documents (with the occasional passport renewed during the year).

use super::documents::{FormatId, Numbers};
use super::names::{self, Pool};
use rand::Rng;
use rand_chacha::ChaCha8Rng;
use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hash, Hasher};

/// The entry regime of a citizenship.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Group {
    /// EAEU citizens: at most 90 days in any 180.
    Eaeu,
    /// Visa-free: at most 30 days per entry and 90 in any 180.
    VisaFree,
    /// A visa is needed.
    Visa,
}

/// One citizenship.
pub(super) struct Nation {
    pub code: &'static str,
    /// Share of the foreign travellers, in per cent.
    weight: f64,
    pub group: Group,
    pool: &'static Pool,
    passport: FormatId,
    /// A second document some travel with: an ID card (`I`), or Russia's internal passport (`P`).
    second: Option<(FormatId, f64, &'static str)>,
    /// Checkpoints used, with weights.
    pub route: &'static [(&'static str, f64)],
    /// Shares of the frequent travellers, the visitors and the migrant workers (tourists are the rest).
    profiles: [f64; 3],
}

macro_rules! nation {
    ($code:literal, $w:expr, $group:ident, $pool:ident, $pass:ident, $second:expr, [$($cp:literal $cw:literal),*], $prof:expr) => {
        Nation {
            code: $code,
            weight: $w,
            group: Group::$group,
            pool: &names::$pool,
            passport: FormatId::$pass,
            second: $second,
            route: &[$(($cp, $cw as f64)),*],
            profiles: $prof,
        }
    };
}

/// The citizenships, by their weight among the foreigners crossing Kazakhstan's border.
pub(super) const NATIONS: &[Nation] = &[
    nation!("UZB", 30.0, VisaFree, UZBEK, UZB_P, None,
        ["ZHZ" 40, "KZG" 14, "SRG" 14, "TMB" 2, "CIT" 10, "ALA" 12, "NQZ" 6, "HSA" 2], [0.06, 0.5, 0.24]),
    nation!("RUS", 24.0, Eaeu, RUSSIAN, RUS_P, Some((FormatId::RUS_INTERNAL, 0.5, "P")),
        ["ALA" 14, "NQZ" 14, "SRM" 8, "KRQ" 8, "KRA" 8, "ZHN" 8, "PTR" 10, "AUL" 8, "SHR" 8, "AKX" 3,
         "GUW" 3, "SCO" 2, "KGF" 3, "UKK" 3], [0.07, 0.5, 0.07]),
    nation!("KGZ", 14.0, Eaeu, KYRGYZ, KGZ_P, Some((FormatId::KGZ_I, 0.35, "I")),
        ["KRD" 55, "KRS" 14, "KRK" 3, "ALA" 20, "NQZ" 6], [0.08, 0.45, 0.22]),
    nation!("CHN", 7.0, VisaFree, CHINESE, CHN_P, None,
        ["KHG" 34, "DST" 9, "ALT" 9, "KLZ" 3, "BKT" 4, "MKP" 3, "ALA" 26, "NQZ" 10, "UKK" 2], [0.1, 0.3, 0.1]),
    nation!("TJK", 4.5, VisaFree, TAJIK, TJK_P, None,
        ["ZHZ" 35, "SRG" 8, "ALA" 25, "CIT" 14, "NQZ" 10, "KRD" 8], [0.03, 0.35, 0.4]),
    nation!("TUR", 2.5, VisaFree, TURKISH, TUR_P, None,
        ["ALA" 40, "NQZ" 30, "CIT" 8, "HSA" 6, "GUW" 6, "SCO" 6, "AKX" 4], [0.04, 0.35, 0.12]),
    nation!("IND", 1.5, Visa, INDIAN, IND_P, None, ["ALA" 55, "NQZ" 35, "CIT" 5, "GUW" 5], [0.01, 0.3, 0.1]),
    nation!("AZE", 1.2, VisaFree, AZERI, AZE_P, None,
        ["ALA" 35, "NQZ" 25, "SCO" 20, "AKP" 15, "GUW" 5], [0.04, 0.45, 0.06]),
    nation!("DEU", 1.0, VisaFree, GERMAN, DEU_P, None, ["ALA" 38, "NQZ" 38, "KGF" 14, "UKK" 10], [0.01, 0.45, 0.02]),
    nation!("KOR", 1.0, VisaFree, KOREAN, KOR_P, None, ["ALA" 60, "NQZ" 40], [0.01, 0.3, 0.04]),
    nation!("USA", 0.7, VisaFree, ENGLISH, USA_P, None, ["ALA" 45, "NQZ" 35, "GUW" 20], [0.01, 0.3, 0.05]),
    nation!("BLR", 0.7, Eaeu, BELARUSIAN, BLR_P, Some((FormatId::BLR_I, 0.15, "I")),
        ["ALA" 35, "NQZ" 35, "PTR" 10, "SHR" 10, "KRA" 10], [0.02, 0.45, 0.08]),
    nation!("GEO", 0.5, VisaFree, GEORGIAN, GEO_P, None, ["ALA" 45, "NQZ" 35, "SCO" 20], [0.02, 0.4, 0.04]),
    nation!("TKM", 0.6, Visa, TURKMEN, TKM_P, None,
        ["ALA" 30, "NQZ" 20, "SCO" 20, "AKP" 10, "ZHZ" 20], [0.04, 0.5, 0.1]),
    nation!("AFG", 0.3, Visa, AFGHAN, AFG_P, None, ["ALA" 50, "NQZ" 20, "ZHZ" 30], [0.02, 0.5, 0.05]),
    nation!("PAK", 0.4, Visa, PAKISTANI, PAK_P, None, ["ALA" 60, "NQZ" 40], [0.02, 0.45, 0.08]),
    nation!("GBR", 0.4, VisaFree, ENGLISH, GBR_P, None, ["ALA" 40, "NQZ" 35, "GUW" 25], [0.01, 0.3, 0.06]),
    nation!("MNG", 0.8, VisaFree, MONGOLIAN, MNG_P, None, ["ALA" 40, "NQZ" 30, "UKK" 30], [0.03, 0.45, 0.04]),
    nation!("ARM", 0.4, Eaeu, ARMENIAN, ARM_P, Some((FormatId::ARM_I, 0.2, "I")),
        ["ALA" 55, "NQZ" 45], [0.02, 0.45, 0.08]),
    nation!("UKR", 0.6, VisaFree, UKRAINIAN, UKR_P, None, ["ALA" 40, "NQZ" 40, "SCO" 20], [0.02, 0.5, 0.04]),
    nation!("IRN", 0.4, Visa, PERSIAN, IRN_P, None, ["ALA" 40, "NQZ" 20, "SCO" 20, "AKP" 20], [0.03, 0.4, 0.04]),
    nation!("FRA", 0.3, VisaFree, FRENCH, OTHER_P, None, ["ALA" 50, "NQZ" 40, "GUW" 10], [0.01, 0.3, 0.04]),
    nation!("ITA", 0.25, VisaFree, FRENCH, OTHER_P, None, ["ALA" 45, "NQZ" 35, "GUW" 20], [0.01, 0.3, 0.06]),
    nation!("POL", 0.2, VisaFree, FRENCH, OTHER_P, None, ["ALA" 50, "NQZ" 50], [0.01, 0.35, 0.04]),
    nation!("ISR", 0.2, VisaFree, FRENCH, OTHER_P, None, ["ALA" 60, "NQZ" 40], [0.01, 0.4, 0.02]),
    nation!("JPN", 0.2, VisaFree, JAPANESE, OTHER_P, None, ["ALA" 60, "NQZ" 40], [0.01, 0.25, 0.03]),
    nation!("ARE", 0.3, VisaFree, ARABIC, OTHER_P, None, ["ALA" 55, "NQZ" 45], [0.01, 0.3, 0.02]),
    // Stateless people, with a travel document issued by the state they live in.
    nation!("XXA", 0.05, Visa, RUSSIAN, RUS_P, None, ["ALA" 40, "NQZ" 30, "ZHZ" 15, "PTR" 15], [0.02, 0.6, 0.1]),
];

/// Issuers of stateless people's travel documents, with their formats.
const STATELESS_ISSUERS: &[(&str, FormatId)] =
    &[("RUS", FormatId::RUS_P), ("UZB", FormatId::UZB_P), ("KGZ", FormatId::KGZ_P), ("DEU", FormatId::DEU_P)];

/// Why a person crosses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Profile {
    /// One or two holidays or business trips.
    Tourist,
    /// Family and business visits from the neighbours, a few a year.
    Visitor,
    /// Drivers, shuttle traders, border residents: many short trips.
    Frequent,
    /// A migrant worker: long stays.
    Worker,
    /// A holder of a residence permit or a long-term visa.
    Resident,
}

/// Draws citizenships by weight.
pub(super) struct Nations {
    cumulative: Vec<f64>,
}

impl Nations {
    pub fn new() -> Nations {
        let mut total = 0.0;
        Nations {
            cumulative: NATIONS
                .iter()
                .map(|n| {
                    total += n.weight;
                    total
                })
                .collect(),
        }
    }

    pub fn draw(&self, rng: &mut ChaCha8Rng) -> &'static Nation {
        let total = self.cumulative.last().copied().unwrap_or(1.0);
        let u = rng.random::<f64>() * total;
        let i = self.cumulative.partition_point(|&c| c < u);
        NATIONS.get(i).or(NATIONS.first()).unwrap_or_else(|| unreachable!("NATIONS is not empty"))
    }
}

/// Draws a value by weight from a short list.
pub(super) fn weighted<'a, T>(rng: &mut ChaCha8Rng, items: &'a [(T, f64)]) -> Option<&'a T> {
    let total: f64 = items.iter().map(|(_, w)| w).sum();
    let mut u = rng.random::<f64>() * total;
    for (item, w) in items {
        if u < *w {
            return Some(item);
        }
        u -= w;
    }
    items.last().map(|(item, _)| item)
}

impl Nation {
    pub fn profile(&self, rng: &mut ChaCha8Rng) -> Profile {
        let [frequent, visitor, worker] = self.profiles;
        let u: f64 = rng.random();
        // Residence permits and long-term visas: a few per thousand.
        if u < 0.006 {
            Profile::Resident
        } else if u < 0.006 + frequent {
            Profile::Frequent
        } else if u < 0.006 + frequent + visitor {
            Profile::Visitor
        } else if u < 0.006 + frequent + visitor + worker {
            Profile::Worker
        } else {
            Profile::Tourist
        }
    }
}

/// Who a person is, as the machine-readable zone of their documents says.
pub(super) struct Person {
    pub nation: &'static Nation,
    pub surname: String,
    pub given_names: String,
    pub birth: i32,
    /// `M`, `F` or `X`.
    pub sex: &'static str,
}

/// One document of a person.
pub(super) struct Document {
    /// `P` or `I`.
    pub kind: &'static str,
    pub issuer: &'static str,
    pub number: String,
    pub expiry: i32,
}

/// A hasher for keys that are already hashes.
#[derive(Default)]
pub(super) struct Identity(u64);

impl Hasher for Identity {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// The identities drawn so far (citizenship, names, birth date), so that two people never share
/// all of them: the register could not tell them apart by their documents' names.
pub(super) struct Identities(HashSet<u64, BuildHasherDefault<Identity>>);

impl Identities {
    pub fn new(people: u64) -> Identities {
        Identities(HashSet::with_capacity_and_hasher(
            usize::try_from(people).unwrap_or(0).saturating_add(16),
            BuildHasherDefault::default(),
        ))
    }

    fn insert(&mut self, nation: &str, surname: &str, given: &str, birth: i32) -> bool {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        (nation, surname, given, birth).hash(&mut h);
        self.0.insert(h.finish())
    }
}

/// A new person of this citizenship and profile, `as_of` the end of the period.
pub(super) fn person(
    rng: &mut ChaCha8Rng,
    nation: &'static Nation,
    profile: Profile,
    as_of: i32,
    seen: &mut Identities,
) -> Person {
    let male_share = match profile {
        Profile::Worker => 0.82,
        Profile::Frequent => 0.8,
        _ => 0.54,
    };
    let sex = if rng.random_bool(0.0004) && matches!(nation.code, "DEU" | "USA" | "GBR" | "IND") {
        "X"
    } else if rng.random_bool(male_share) {
        "M"
    } else {
        "F"
    };
    let age_years = match profile {
        Profile::Worker => 19 + (rng.random::<f64>().powf(1.4) * 38.0) as i32,
        Profile::Frequent => 22 + (rng.random::<f64>() * 40.0) as i32,
        Profile::Tourist | Profile::Visitor if rng.random_bool(0.07) => rng.random_range(1..18),
        _ => 18 + (rng.random::<f64>().powf(1.2) * 60.0) as i32,
    };
    let mut birth = as_of - age_years * 365 - rng.random_range(0..365);
    let (mut surname, mut given_names) = nation.pool.draw(rng, sex == "F");
    for attempt in 0..40 {
        if seen.insert(nation.code, &surname, &given_names, birth) {
            break;
        }
        // The same names and birth date as someone already drawn: another day, or other names.
        if attempt % 2 == 0 {
            birth -= rng.random_range(1..400);
        } else {
            (surname, given_names) = nation.pool.draw(rng, sex == "F");
        }
    }
    Person { nation, surname, given_names, birth, sex }
}

/// Years a document is valid: 5 for a child's passport, 10 otherwise.
pub(super) fn validity_days(person: &Person, issued: i32) -> i32 {
    if issued - person.birth < 16 * 365 { 5 * 365 } else { 10 * 365 }
}

/// A new document for the person, expiring on `expiry`.
pub(super) fn document(
    rng: &mut ChaCha8Rng,
    person: &Person,
    expiry: i32,
    numbers: &mut Numbers,
) -> Document {
    let nation = person.nation;
    let (kind, issuer, format) = if nation.code == "XXA" {
        let (issuer, format) = STATELESS_ISSUERS
            .get(rng.random_range(0..STATELESS_ISSUERS.len()))
            .copied()
            .unwrap_or(("RUS", FormatId::RUS_P));
        ("P", issuer, format)
    } else {
        match nation.second {
            Some((format, share, kind)) if rng.random_bool(share) => (kind, nation.code, format),
            _ => ("P", nation.code, nation.passport),
        }
    };
    let mut number = String::with_capacity(12);
    numbers.next(format, &mut number);
    Document { kind, issuer, number, expiry }
}

/// The expiry of a document valid on `valid_on`, issued some time in the past.
pub(super) fn expiry_after(rng: &mut ChaCha8Rng, person: &Person, valid_on: i32) -> i32 {
    // Issued within the last ten years, never before birth; a child's passport is valid five.
    let issued = rng.random_range((valid_on - 10 * 365 + 1).max(person.birth)..=valid_on);
    let validity = validity_days(person, issued);
    let issued =
        if issued + validity < valid_on { rng.random_range(valid_on - validity..=valid_on) } else { issued };
    issued + validity
}

#[cfg(test)]
mod tests {
    use super::{Group, NATIONS};
    use ashyq_core::policy::{Group as PolicyGroup, Policy};

    /// The generator's stay group of each nationality is the policy's, or its planted
    /// overstayers would not be the only ones (India was drawn visa-free against a policy that
    /// requires a visa, and every Indian without one showed as overstaying).
    #[test]
    fn every_nation_has_the_policy_s_stay_group() {
        let policy = Policy::kz().expect("the built-in policy");
        for year in [2024, 2025, 2026] {
            let on = jiff::civil::date(year, 6, 1);
            for n in NATIONS {
                let expected = match n.group {
                    Group::Eaeu => PolicyGroup::Eaeu,
                    Group::VisaFree => PolicyGroup::VisaFree,
                    Group::Visa => PolicyGroup::VisaRequired,
                };
                assert_eq!(policy.stay_group(n.code, on), expected, "{} on {on}", n.code);
            }
        }
    }
}
