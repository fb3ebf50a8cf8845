//! Border checkpoints of Kazakhstan (airports, road and rail crossings, sea ports), by the code
//! the register's crossings name (`ALA`, `KHG`, …), with the region they are in and, for a land
//! crossing, the neighbouring country. The table is reference data in `data/checkpoints.csv`,
//! compiled in.

use crate::region::Region;
use serde::Serialize;
use std::collections::HashMap;
use std::sync::OnceLock;

const CHECKPOINTS_CSV: &str = include_str!("../../../data/checkpoints.csv");

/// How a checkpoint is crossed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckpointKind {
    Air,
    Road,
    Rail,
    Sea,
}

impl CheckpointKind {
    pub fn as_str(self) -> &'static str {
        match self {
            CheckpointKind::Air => "air",
            CheckpointKind::Road => "road",
            CheckpointKind::Rail => "rail",
            CheckpointKind::Sea => "sea",
        }
    }

    fn parse(text: &str) -> Option<CheckpointKind> {
        match text {
            "air" => Some(CheckpointKind::Air),
            "road" => Some(CheckpointKind::Road),
            "rail" => Some(CheckpointKind::Rail),
            "sea" => Some(CheckpointKind::Sea),
            _ => None,
        }
    }
}

/// One checkpoint (өткізу пункті), e.g. `KHG` Nur Zholy (Khorgos), a road crossing to China.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Checkpoint {
    /// The code crossings name it by: upper case, as in the table.
    pub code: String,
    pub kind: CheckpointKind,
    /// The region the checkpoint is in.
    pub region: &'static Region,
    /// For a land crossing, the neighbouring country (alpha-3); none for airports and ports.
    pub border: Option<String>,
    pub name_en: String,
    pub name_ru: String,
    /// Kazakh name.
    pub name_kk: String,
}

impl Checkpoint {
    /// The name in a language tag (`kk`, `ru`, anything else gives English).
    pub fn name(&self, lang: &str) -> &str {
        match lang {
            "kk" => &self.name_kk,
            "ru" => &self.name_ru,
            _ => &self.name_en,
        }
    }

    /// The time zone the checkpoint keeps: its region's. The civil day of a crossing is its
    /// instant's date in this zone.
    pub fn zone(&self) -> crate::zone::Zone {
        self.region.zone()
    }
}

struct Table {
    all: Vec<Checkpoint>,
    by_code: HashMap<String, usize>,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let all = parse_checkpoints(CHECKPOINTS_CSV);
        let by_code = all.iter().enumerate().map(|(i, c)| (c.code.clone(), i)).collect();
        Table { all, by_code }
    })
}

/// Parses the compiled-in table. Malformed rows (an unknown kind or region) are skipped; the
/// unit tests hold that none are.
fn parse_checkpoints(csv: &str) -> Vec<Checkpoint> {
    csv::Reader::from_reader(csv.as_bytes())
        .records()
        .flatten()
        .filter_map(|rec| {
            if rec.len() < 7 {
                return None;
            }
            Some(Checkpoint {
                code: rec[0].to_string(),
                kind: CheckpointKind::parse(&rec[1])?,
                region: crate::region::by_code(&rec[2])?,
                border: Some(rec[3].to_string()).filter(|b| !b.is_empty()),
                name_en: rec[4].to_string(),
                name_ru: rec[5].to_string(),
                name_kk: rec[6].to_string(),
            })
        })
        .collect()
}

/// Every checkpoint, in the table's order.
pub fn all() -> &'static [Checkpoint] {
    &table().all
}

/// The checkpoint with this code (case-insensitive, surrounding spaces ignored), if it exists.
pub fn by_code(code: &str) -> Option<&'static Checkpoint> {
    let t = table();
    t.by_code.get(&code.trim().to_ascii_uppercase()).map(|&i| &t.all[i])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_reads_with_a_known_region_and_border() {
        let rows = CHECKPOINTS_CSV.lines().skip(1).filter(|l| !l.is_empty()).count();
        assert_eq!(all().len(), rows, "a row of checkpoints.csv did not parse (kind or region unknown)");
        for c in all() {
            assert!(crate::region::by_code(&c.region.code).is_some(), "{c:?}");
            if let Some(b) = &c.border {
                assert!(crate::country::by_alpha3(b).is_some(), "{}: border {b} is not a country", c.code);
                assert_ne!(b, "KAZ", "{}", c.code);
            }
            assert!(!c.name_en.is_empty() && !c.name_ru.is_empty() && !c.name_kk.is_empty(), "{c:?}");
            assert!(c.code.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()), "{c:?}");
            // Land crossings name the neighbour; airports and ports do not.
            let land = matches!(c.kind, CheckpointKind::Road | CheckpointKind::Rail);
            assert_eq!(land, c.border.is_some(), "{c:?}");
        }
        assert_eq!(by_code("ALA").map(|c| c.code.as_str()), Some("ALA"), "codes are unique and indexed");
        let mut codes: Vec<&str> = all().iter().map(|c| c.code.as_str()).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), all().len(), "a code appears twice");
    }

    #[test]
    fn lookup_is_by_code_case_insensitive() {
        let k = by_code("khg").unwrap();
        assert_eq!(
            (k.kind, k.region.code.as_str(), k.border.as_deref()),
            (CheckpointKind::Road, "KZ-33", Some("CHN"))
        );
        assert_eq!(k.name("kk"), "Нұр Жолы (Қорғас)");
        assert_eq!(k.name("ru"), "Нур Жолы (Хоргос)");
        assert_eq!(by_code(" ala ").map(|c| c.name("en")), Some("Almaty International Airport"));
        assert_eq!(by_code("ALA").unwrap().border, None);
        assert!(by_code("XYZ").is_none());
        assert!(by_code("").is_none());
    }

    proptest::proptest! {
        #[test]
        fn looking_up_a_code_never_panics(text in "\\PC{0,8}") {
            let _ = by_code(&text);
        }
    }
}
