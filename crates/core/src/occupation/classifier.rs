//! The classifier of occupations: ISCO-08 (all four levels) as the base of the national
//! classifier NK RK 01-2017, plus national fifth-level occupations, with titles in English,
//! Russian and Kazakh. The tables are reference data under `data/occupations/`, compiled in.

use super::code::OccupationCode;
use serde::Serialize;
use std::collections::HashMap;
use std::sync::OnceLock;

const ISCO08_CSV: &str = include_str!("../../../../data/occupations/isco08.csv");
const NATIONAL_CSV: &str = include_str!("../../../../data/occupations/national.csv");

/// One group (or national occupation) of the classifier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Group {
    pub code: OccupationCode,
    pub title_en: String,
    pub title_ru: String,
    /// Kazakh title (кәсіп атауы).
    pub title_kk: String,
    /// The Russian and Kazakh titles are working translations, not the official text.
    pub working_translation: bool,
}

impl Group {
    /// The title in a language tag (`kk`, `ru`, anything else gives English).
    pub fn title(&self, lang: &str) -> &str {
        match lang {
            "kk" => &self.title_kk,
            "ru" => &self.title_ru,
            _ => &self.title_en,
        }
    }

    pub fn level(&self) -> u8 {
        self.code.level()
    }
}

/// The whole classifier, in classifier order.
#[derive(Debug)]
pub struct Classifier {
    groups: Vec<Group>,
    index: HashMap<OccupationCode, usize>,
    /// Which 4-digit numbers are unit groups (checked for every imported row).
    units: Vec<bool>,
}

/// Why a classifier table could not be read (a data error, caught by the unit tests).
#[derive(Debug, thiserror::Error)]
#[error("{table} row {row}: {reason}")]
pub struct TableError {
    pub table: &'static str,
    pub row: usize,
    pub reason: String,
}

impl Classifier {
    /// Builds a classifier from the two tables' text (see `data/occupations/README.md`).
    pub fn from_tables(isco08: &str, national: &str) -> Result<Classifier, TableError> {
        let mut groups = Vec::new();
        for (row, rec) in csv::Reader::from_reader(isco08.as_bytes()).records().enumerate() {
            let err = |reason: String| TableError { table: "isco08.csv", row: row + 2, reason };
            let rec = rec.map_err(|e| err(e.to_string()))?;
            let code = OccupationCode::parse(&rec[0]).map_err(|e| err(e.to_string()))?;
            if rec[1].trim() != code.level().to_string() {
                return Err(err(format!("level {} does not match code {code}", &rec[1])));
            }
            groups.push(Group {
                code,
                title_en: rec[2].to_string(),
                title_ru: rec[3].to_string(),
                title_kk: rec[4].to_string(),
                working_translation: &rec[5] == "working",
            });
        }
        for (row, rec) in csv::Reader::from_reader(national.as_bytes()).records().enumerate() {
            let err = |reason: String| TableError { table: "national.csv", row: row + 2, reason };
            let rec = rec.map_err(|e| err(e.to_string()))?;
            let code = OccupationCode::parse(&rec[0]).map_err(|e| err(e.to_string()))?;
            if code.level() != 5 {
                return Err(err(format!("{code} is not a national fifth-level code")));
            }
            groups.push(Group {
                code,
                title_en: rec[1].to_string(),
                title_ru: rec[2].to_string(),
                title_kk: rec[3].to_string(),
                working_translation: true,
            });
        }
        groups.sort_by_key(|g| g.code);
        let mut index = HashMap::new();
        for (i, g) in groups.iter().enumerate() {
            if index.insert(g.code, i).is_some() {
                return Err(TableError { table: "classifier", row: i, reason: format!("{} twice", g.code) });
            }
        }
        let mut units = vec![false; 10_000];
        for g in &groups {
            if let Some(n) = g.code.unit_number().filter(|_| g.level() == 4) {
                units[usize::from(n)] = true;
            }
        }
        let classifier = Classifier { groups, index, units };
        for g in &classifier.groups {
            if let Some(parent) = g.code.parent()
                && classifier.get(&parent).is_none()
            {
                return Err(TableError {
                    table: "classifier",
                    row: 0,
                    reason: format!("{} has no parent group {parent}", g.code),
                });
            }
        }
        Ok(classifier)
    }

    /// Every group, in classifier order (a group before its children).
    pub fn groups(&self) -> &[Group] {
        &self.groups
    }

    pub fn get(&self, code: &OccupationCode) -> Option<&Group> {
        self.index.get(code).map(|&i| &self.groups[i])
    }

    /// Whether a code is (or lies in) a unit group of the classifier.
    pub fn has_unit_group(&self, code: &OccupationCode) -> bool {
        code.unit_number().is_some_and(|n| self.units.get(usize::from(n)).copied().unwrap_or(false))
    }

    /// Looks a code up by its text (as typed; spaces allowed).
    pub fn find(&self, text: &str) -> Option<&Group> {
        OccupationCode::parse(text).ok().and_then(|c| self.get(&c))
    }

    /// The ISCO-08 unit groups (level 4), in order.
    pub fn unit_groups(&self) -> impl Iterator<Item = &Group> {
        self.groups.iter().filter(|g| g.level() == 4)
    }

    /// The direct children of a group.
    pub fn children<'a>(&'a self, code: &'a OccupationCode) -> impl Iterator<Item = &'a Group> + 'a {
        self.groups.iter().filter(move |g| g.code.parent().as_ref() == Some(code))
    }

    /// The chain from the major group down to this group's parent.
    pub fn ancestors(&self, code: &OccupationCode) -> Vec<&Group> {
        let mut chain = Vec::new();
        let mut at = code.parent();
        while let Some(c) = at {
            if let Some(g) = self.get(&c) {
                chain.push(g);
            }
            at = c.parent();
        }
        chain.reverse();
        chain
    }
}

/// The classifier compiled into this binary.
pub fn classifier() -> &'static Classifier {
    static CLASSIFIER: OnceLock<Classifier> = OnceLock::new();
    CLASSIFIER.get_or_init(|| match Classifier::from_tables(ISCO08_CSV, NATIONAL_CSV) {
        Ok(c) => c,
        // The tables are compiled in and checked by the unit tests below; a failure here is a
        // build defect, not an input error.
        Err(e) => panic!("compiled-in classifier is malformed: {e}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_compiled_in_classifier_is_whole() {
        let c = Classifier::from_tables(ISCO08_CSV, NATIONAL_CSV).unwrap();
        let count = |level| c.groups().iter().filter(|g| g.level() == level).count();
        assert_eq!((count(1), count(2), count(3), count(4)), (10, 43, 130, 436));
        for g in c.groups() {
            assert!(!g.title_en.is_empty() && !g.title_ru.is_empty() && !g.title_kk.is_empty(), "{}", g.code);
            assert!(
                g.title_ru.chars().any(|ch| ('а'..='я').contains(&ch.to_lowercase().next().unwrap_or(ch)))
            );
        }
        let professionals = c.find("2").unwrap();
        assert_eq!(professionals.title_en, "Professionals");
        assert_eq!(c.unit_groups().filter(|g| g.code.major() == '2').count(), 92);
        assert!(c.groups().iter().any(|g| g.level() == 5));
    }

    #[test]
    fn navigation() {
        let c = classifier();
        let sw = c.find("2512").unwrap();
        assert_eq!(sw.title_en, "Software developers");
        let chain: Vec<String> = c.ancestors(&sw.code).iter().map(|g| g.code.to_string()).collect();
        assert_eq!(chain, ["2", "25", "251"]);
        let kids: Vec<String> =
            c.children(&c.find("251").unwrap().code).map(|g| g.code.to_string()).collect();
        assert_eq!(kids, ["2511", "2512", "2513", "2514", "2519"]);
        assert!(c.find("9999").is_none());
        assert!(c.has_unit_group(&sw.code) && c.has_unit_group(&OccupationCode::parse("2512-7").unwrap()));
        assert!(!c.has_unit_group(&OccupationCode::parse("9999").unwrap()));
        assert!(!c.has_unit_group(&OccupationCode::parse("251").unwrap()));
    }

    #[test]
    fn bad_tables_are_refused_with_the_row() {
        let head = "code,level,title_en,title_ru,title_kk,translation\n";
        let err = Classifier::from_tables(
            &format!("{head}2,1,P,П,К,working\n25,3,X,Х,Х,working\n"),
            "code,title_en,title_ru,title_kk,note\n",
        )
        .unwrap_err();
        assert_eq!((err.table, err.row), ("isco08.csv", 3));
        let err = Classifier::from_tables(
            &format!("{head}2,1,P,П,К,working\n"),
            "code,title_en,title_ru,title_kk,note\n2512-1,a,б,в,x\n",
        )
        .unwrap_err();
        assert!(err.reason.contains("no parent"), "{err}");
    }
}
