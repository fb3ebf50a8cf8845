//! The regions of Kazakhstan (oblasts and cities of republican significance), by ISO 3166-2 code.
//!
//! The table is reference data in `data/regions.csv`, compiled in.

use serde::Serialize;
use std::sync::OnceLock;

/// One first-level region, e.g. `KZ-75` Almaty (city).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Region {
    /// ISO 3166-2 code, e.g. `KZ-75`.
    pub code: String,
    pub name_en: String,
    pub name_ru: String,
    /// Kazakh name (облыс / қала).
    pub name_kk: String,
    /// The first two digits of the KATO codes (the classifier of administrative-territorial
    /// objects, ӘАОЖ) of every place in the region, e.g. `75` for Almaty.
    pub kato: String,
}

impl Region {
    /// The name in a language tag (`kk`, `ru`, anything else gives English).
    pub fn name(&self, lang: &str) -> &str {
        match lang {
            "kk" => &self.name_kk,
            "ru" => &self.name_ru,
            _ => &self.name_en,
        }
    }
}

const REGIONS_CSV: &str = include_str!("../../../data/regions.csv");

/// All regions, in the order of their codes.
pub fn all() -> &'static [Region] {
    static REGIONS: OnceLock<Vec<Region>> = OnceLock::new();
    REGIONS.get_or_init(|| parse_regions(REGIONS_CSV))
}

/// The region with this ISO 3166-2 code (case-insensitive), if it exists.
pub fn by_code(code: &str) -> Option<&'static Region> {
    let code = code.trim();
    all().iter().find(|r| r.code.eq_ignore_ascii_case(code))
}

/// The region a data file names: its ISO 3166-2 code (`KZ-75`), its KATO prefix (`75`) or the
/// full nine-digit KATO code of any place in it (`750000000`).
pub fn parse(text: &str) -> Option<&'static Region> {
    let text = text.trim();
    if text.len() >= 3 && text[..3].eq_ignore_ascii_case("KZ-") {
        return by_code(text);
    }
    let prefix = match text.len() {
        2 | 9 if text.bytes().all(|b| b.is_ascii_digit()) => &text[..2],
        _ => return None,
    };
    all().iter().find(|r| r.kato == prefix)
}

/// Parses the compiled-in table. Malformed lines are skipped; the unit tests hold that none are.
fn parse_regions(csv: &str) -> Vec<Region> {
    csv.lines()
        .skip(1)
        .filter_map(|line| {
            let mut f = line.split(',');
            Some(Region {
                code: f.next()?.to_string(),
                name_en: f.next()?.to_string(),
                name_ru: f.next()?.to_string(),
                name_kk: f.next()?.to_string(),
                kato: f.next()?.to_string(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_has_all_twenty_regions_with_three_names_each() {
        let lines = REGIONS_CSV.lines().skip(1).filter(|l| !l.is_empty()).count();
        assert_eq!(all().len(), lines, "a line of regions.csv did not parse");
        assert_eq!(all().len(), 20);
        for r in all() {
            assert!(r.code.starts_with("KZ-") && r.code.len() == 5, "{r:?}");
            assert!(!r.name_en.is_empty() && !r.name_ru.is_empty() && !r.name_kk.is_empty());
        }
    }

    #[test]
    fn lookup_is_by_code_case_insensitive() {
        assert_eq!(by_code("kz-75").map(|r| r.name("en")), Some("Almaty"));
        assert_eq!(by_code("KZ-71").map(|r| r.name("kk")), Some("Астана қаласы"));
        assert!(by_code("KZ-99").is_none());
        assert!(by_code("").is_none());
    }

    #[test]
    fn data_files_may_name_a_region_by_kato() {
        for r in all() {
            assert_eq!(r.kato.len(), 2, "{r:?}");
            assert_eq!(parse(&r.code), Some(r));
            assert_eq!(parse(&r.kato), Some(r));
            assert_eq!(parse(&format!("{}0000000", r.kato)), Some(r));
            assert_eq!(parse(&format!("{}1234567", r.kato)), Some(r));
        }
        for bad in ["", "7", "99", "750", "75000000", "7500000000", "KZ-", "KZ-7a", "kz75", "7a0000000"] {
            assert!(parse(bad).is_none(), "{bad:?}");
        }
    }
}
