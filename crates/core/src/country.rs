//! Countries and nationality codes (ISO 3166-1 alpha-3, and the ICAO 9303 codes for stateless
//! persons and refugees), with names in English, Russian and Kazakh and EAEU membership.
//! The table is reference data in `data/countries.csv`, compiled in.

use serde::Serialize;
use std::collections::HashMap;
use std::sync::OnceLock;

const COUNTRIES_CSV: &str = include_str!("../../../data/countries.csv");

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Country {
    pub alpha3: String,
    /// Empty for the ICAO codes that are not countries (`XXA` stateless, …).
    pub alpha2: String,
    pub name_en: String,
    pub name_ru: String,
    pub name_kk: String,
    /// A member of the Eurasian Economic Union (ЕАЭО).
    pub eaeu: bool,
}

impl Country {
    pub fn name(&self, lang: &str) -> &str {
        match lang {
            "kk" => &self.name_kk,
            "ru" => &self.name_ru,
            _ => &self.name_en,
        }
    }
}

struct Table {
    all: Vec<Country>,
    by_alpha3: HashMap<String, usize>,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut all = Vec::new();
        for rec in csv::Reader::from_reader(COUNTRIES_CSV.as_bytes()).records().flatten() {
            if rec.len() < 6 {
                continue;
            }
            all.push(Country {
                alpha3: rec[0].to_string(),
                alpha2: rec[1].to_string(),
                name_en: rec[2].to_string(),
                name_ru: rec[3].to_string(),
                name_kk: rec[4].to_string(),
                eaeu: &rec[5] == "1",
            });
        }
        let by_alpha3 = all.iter().enumerate().map(|(i, c)| (c.alpha3.clone(), i)).collect();
        Table { all, by_alpha3 }
    })
}

/// Every country and code, in the table's order.
pub fn all() -> &'static [Country] {
    &table().all
}

/// The country with this alpha-3 code (exactly as written: upper case).
pub fn by_alpha3(code: &str) -> Option<&'static Country> {
    let t = table();
    t.by_alpha3.get(code).map(|&i| &t.all[i])
}

/// A country's name in a language tag, from its alpha-3 code; an unknown code as it is.
pub fn name_of(alpha3: &str, lang: &str) -> String {
    by_alpha3(alpha3).map_or_else(|| alpha3.to_string(), |c| c.name(lang).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_whole() {
        let rows = COUNTRIES_CSV.lines().skip(1).filter(|l| !l.is_empty()).count();
        assert_eq!(all().len(), rows, "a row of countries.csv did not parse");
        assert!(all().len() > 240);
        assert_eq!(all().iter().filter(|c| c.eaeu).count(), 5);
        assert_eq!(by_alpha3("KAZ").map(|c| c.name("ru")), Some("Казахстан"));
        assert!(by_alpha3("XXA").is_some());
        assert!(by_alpha3("kaz").is_none());
        assert!(by_alpha3("").is_none());
    }
}
