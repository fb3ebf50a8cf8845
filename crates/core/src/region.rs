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
    /// The region's place in [`all`] (0–19), for dense tables.
    pub index: usize,
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

    /// The time zone the region keeps (see [`crate::zone`]).
    pub fn zone(&self) -> crate::zone::Zone {
        crate::zone::of_region(self)
    }
}

/// A region's name in a language tag, from its code (`KZ-75`); an unknown code as it is.
pub fn name_of(code: &str, lang: &str) -> String {
    by_code(code).map_or_else(|| code.to_string(), |r| r.name(lang).to_string())
}

const REGIONS_CSV: &str = include_str!("../../../data/regions.csv");

/// All regions, in the order of their codes.
pub fn all() -> &'static [Region] {
    &tables().regions
}

/// The regions, and their places by the two digits of the ISO code and of the KATO prefix
/// (data files name a region millions of times; a lookup is one array index).
struct Tables {
    regions: Vec<Region>,
    by_iso_digits: [Option<u8>; 100],
    by_kato: [Option<u8>; 100],
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let regions = parse_regions(REGIONS_CSV);
        let mut by_iso_digits = [None; 100];
        let mut by_kato = [None; 100];
        for r in &regions {
            let place = u8::try_from(r.index).ok();
            if let Some(n) = two_digits(r.code.get(3..).unwrap_or("")) {
                by_iso_digits[n] = place;
            }
            if let Some(n) = two_digits(&r.kato) {
                by_kato[n] = place;
            }
        }
        Tables { regions, by_iso_digits, by_kato }
    })
}

fn two_digits(text: &str) -> Option<usize> {
    match text.as_bytes() {
        [a, b] if a.is_ascii_digit() && b.is_ascii_digit() => {
            Some(usize::from(a - b'0') * 10 + usize::from(b - b'0'))
        }
        _ => None,
    }
}

/// The region with this ISO 3166-2 code (case-insensitive), if it exists.
pub fn by_code(code: &str) -> Option<&'static Region> {
    let code = code.trim();
    if code.len() != 5 || !code.get(..3).is_some_and(|p| p.eq_ignore_ascii_case("KZ-")) {
        return None;
    }
    let t = tables();
    let n = two_digits(code.get(3..)?)?;
    t.by_iso_digits[n].map(|i| &t.regions[usize::from(i)])
}

/// The region a data file names: its ISO 3166-2 code (`KZ-75`), its KATO prefix (`75`) or the
/// full nine-digit KATO code of any place in it (`750000000`).
pub fn parse(text: &str) -> Option<&'static Region> {
    let text = text.trim();
    if text.get(..3).is_some_and(|p| p.eq_ignore_ascii_case("KZ-")) {
        return by_code(text);
    }
    let prefix = match text.len() {
        2 | 9 if text.bytes().all(|b| b.is_ascii_digit()) => &text[..2],
        _ => return None,
    };
    let t = tables();
    t.by_kato[two_digits(prefix)?].map(|i| &t.regions[usize::from(i)])
}

/// Parses the compiled-in table. Malformed lines are skipped; the unit tests hold that none are.
fn parse_regions(csv: &str) -> Vec<Region> {
    csv.lines()
        .skip(1)
        .enumerate()
        .filter_map(|(index, line)| {
            let mut f = line.split(',');
            Some(Region {
                code: f.next()?.to_string(),
                name_en: f.next()?.to_string(),
                name_ru: f.next()?.to_string(),
                name_kk: f.next()?.to_string(),
                kato: f.next()?.to_string(),
                index,
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

    proptest::proptest! {
        #[test]
        fn reading_a_region_never_panics(text in "\\PC{0,12}") {
            let _ = parse(&text);
            let _ = by_code(&text);
        }
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
