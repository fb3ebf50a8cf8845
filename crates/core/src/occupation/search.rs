//! Job-title search: a typed title in English, Russian or Kazakh → the unit groups it most
//! likely belongs to.
//!
//! Every title (the classifier's own titles in three languages, the ILO's English index and
//! ashyq's Russian and Kazakh title lists) is an entry pointing at a unit group. A query is split
//! into stemmed terms (`text.rs`); each query term meets the index's terms exactly, within one
//! or two typing errors, or — for the last word, as one types — as a prefix. An entry scores by
//! how much of the query it explains and how much of itself the query covers, both weighted by
//! how rare each term is (IDF); a unit group scores by its best entry.

use super::classifier::{Classifier, classifier};
use super::code::OccupationCode;
use super::text::{distance_within, terms};
use serde::Serialize;
use std::collections::HashMap;
use std::sync::OnceLock;

const TITLES_EN: &str = include_str!("../../../../data/occupations/titles-en.csv");
const TITLES_RU: &str = include_str!("../../../../data/occupations/titles-ru.csv");
const TITLES_KK: &str = include_str!("../../../../data/occupations/titles-kk.csv");

/// The most query terms looked at; the rest of a very long query is ignored.
const MAX_QUERY_TERMS: usize = 12;
/// Weights of a term met by a typing error or as a prefix, against 1 for an exact meeting.
const TYPO_WEIGHT: f32 = 0.75;
const PREFIX_WEIGHT: f32 = 0.6;

/// One result: a unit group (or national occupation), the title that matched best, and a score
/// in 0..=1 (1 = the query and the title are the same words).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchHit {
    pub code: OccupationCode,
    pub score: f32,
    pub matched_title: String,
    /// The language of the matched title: `en`, `ru` or `kk`.
    pub matched_lang: &'static str,
}

#[derive(Debug)]
struct Entry {
    code: u32,
    title: String,
    lang: &'static str,
    terms: Vec<u32>,
    mass: f32,
}

#[derive(Debug)]
struct Term {
    chars: Vec<char>,
    idf: f32,
    postings: Vec<u32>,
}

/// The searchable index of titles.
#[derive(Debug)]
pub struct TitleIndex {
    codes: Vec<OccupationCode>,
    entries: Vec<Entry>,
    terms: Vec<Term>,
    vocab: HashMap<String, u32>,
}

/// Why a title table could not be read (a data error, caught by the unit tests).
#[derive(Debug, thiserror::Error)]
#[error("{table} row {row}: {reason}")]
pub struct IndexError {
    pub table: &'static str,
    pub row: usize,
    pub reason: String,
}

/// How one query term met the index.
#[derive(Debug, Clone, Copy)]
struct Meeting {
    term: u32,
    weight: f32,
}

impl TitleIndex {
    /// Builds the index from the classifier's titles and title tables `(name, lang, csv)`, each
    /// with the columns `title,isco08`.
    pub fn build(
        classifier: &Classifier,
        tables: &[(&'static str, &'static str, &str)],
    ) -> Result<Self, IndexError> {
        let mut builder = Builder::default();
        for g in classifier.groups().iter().filter(|g| g.level() >= 4) {
            for (lang, title) in [("en", &g.title_en), ("ru", &g.title_ru), ("kk", &g.title_kk)] {
                builder.add(&g.code, title, lang);
            }
        }
        for &(table, lang, text) in tables {
            for (row, rec) in csv::Reader::from_reader(text.as_bytes()).records().enumerate() {
                let err = |reason: String| IndexError { table, row: row + 2, reason };
                let rec = rec.map_err(|e| err(e.to_string()))?;
                let (Some(title), Some(code)) = (rec.get(0), rec.get(1)) else {
                    return Err(err("expected two columns: title,isco08".into()));
                };
                let code = OccupationCode::parse(code).map_err(|e| err(e.to_string()))?;
                if code.level() < 4 || classifier.get(&code).is_none() {
                    return Err(err(format!("{code} is not a unit group of the classifier")));
                }
                builder.add(&code, title, lang);
            }
        }
        Ok(builder.finish())
    }

    /// The number of titles indexed.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The best `limit` unit groups for a typed title, best first. An empty or meaningless
    /// query gives no hits.
    pub fn search(&self, query: &str, limit: usize) -> Vec<SearchHit> {
        let mut query_terms = terms(query);
        query_terms.dedup();
        query_terms.truncate(MAX_QUERY_TERMS);
        if query_terms.is_empty() || limit == 0 {
            return Vec::new();
        }
        let last = query_terms.len() - 1;
        let meetings: Vec<Vec<Meeting>> =
            query_terms.iter().enumerate().map(|(i, t)| self.meet(t, i == last)).collect();
        // What the whole query weighs: each term by its best meeting's IDF, or, when it met
        // nothing, by the highest IDF (an unknown word is as informative as the rarest).
        let max_idf = self.terms.iter().map(|t| t.idf).fold(1.0, f32::max);
        let query_mass: f32 = meetings
            .iter()
            .map(|ms| ms.iter().map(|m| self.terms[m.term as usize].idf).fold(0.0, f32::max))
            .map(|idf| if idf > 0.0 { idf } else { max_idf })
            .sum();

        // entry → (explained query mass per query term, covered entry terms)
        let mut scores: HashMap<u32, (Vec<f32>, Vec<u32>)> = HashMap::new();
        for (qi, ms) in meetings.iter().enumerate() {
            for m in ms {
                let term = &self.terms[m.term as usize];
                for &e in &term.postings {
                    let slot = scores.entry(e).or_insert_with(|| (vec![0.0; meetings.len()], Vec::new()));
                    slot.0[qi] = slot.0[qi].max(term.idf * m.weight);
                    if !slot.1.contains(&m.term) {
                        slot.1.push(m.term);
                    }
                }
            }
        }

        // unit group → (best score, entry of the best score, entries scoring near the best)
        let mut groups: HashMap<u32, (f32, u32, u32)> = HashMap::new();
        for (e, (explained, covered)) in &scores {
            let entry = &self.entries[*e as usize];
            let query_cover = explained.iter().sum::<f32>() / query_mass;
            let covered_mass: f32 = covered.iter().map(|&t| self.terms[t as usize].idf).sum();
            let entry_cover = (covered_mass / entry.mass).min(1.0);
            let score = query_cover * (0.5 + 0.5 * entry_cover);
            let slot = groups.entry(entry.code).or_insert((score, *e, 0));
            if score > slot.0 || (score == slot.0 && *e < slot.1) {
                slot.0 = score;
                slot.1 = *e;
            }
        }
        for (e, (explained, _)) in &scores {
            let entry = &self.entries[*e as usize];
            if let Some(slot) = groups.get_mut(&entry.code) {
                let query_cover = explained.iter().sum::<f32>() / query_mass;
                if query_cover >= 0.5 * slot.0 {
                    slot.2 += 1;
                }
            }
        }
        let mut ranked: Vec<(u32, (f32, u32, u32))> = groups.into_iter().collect();
        // Best score first; among equals, the group with more matching titles, then classifier order.
        ranked.sort_by(|a, b| {
            b.1.0
                .total_cmp(&a.1.0)
                .then(b.1.2.cmp(&a.1.2))
                .then(self.codes[a.0 as usize].cmp(&self.codes[b.0 as usize]))
        });
        ranked
            .into_iter()
            .take(limit)
            .map(|(code, (score, e, _))| {
                let entry = &self.entries[e as usize];
                SearchHit {
                    code: self.codes[code as usize],
                    score: (score * 1000.0).round() / 1000.0,
                    matched_title: entry.title.clone(),
                    matched_lang: entry.lang,
                }
            })
            .collect()
    }

    /// The index terms a query term meets: itself, else those within a typing error or two,
    /// and (for the last word) those it begins.
    fn meet(&self, term: &str, last: bool) -> Vec<Meeting> {
        let mut found = Vec::new();
        if let Some(&t) = self.vocab.get(term) {
            found.push(Meeting { term: t, weight: 1.0 });
        }
        let chars: Vec<char> = term.chars().collect();
        let max_typos = match chars.len() {
            0..=4 => 0,
            5..=8 => 1,
            _ => 2,
        };
        if found.is_empty() && max_typos > 0 {
            for (i, t) in self.terms.iter().enumerate() {
                if t.chars.len().abs_diff(chars.len()) <= max_typos
                    && let Some(d) = distance_within(&chars, &t.chars, max_typos)
                    && d > 0
                {
                    found.push(Meeting { term: i as u32, weight: TYPO_WEIGHT.powi(d as i32) });
                }
            }
        }
        if last && chars.len() >= 3 {
            for (i, t) in self.terms.iter().enumerate() {
                if t.chars.len() > chars.len() && t.chars.starts_with(&chars) {
                    found.push(Meeting { term: i as u32, weight: PREFIX_WEIGHT });
                }
            }
        }
        found
    }
}

#[derive(Default)]
struct Builder {
    codes: Vec<OccupationCode>,
    code_ids: HashMap<OccupationCode, u32>,
    entries: Vec<Entry>,
    vocab: HashMap<String, u32>,
    terms: Vec<Term>,
}

impl Builder {
    fn add(&mut self, code: &OccupationCode, title: &str, lang: &'static str) {
        let mut ids: Vec<u32> = Vec::new();
        for t in terms(title) {
            let next = self.terms.len() as u32;
            let id = *self.vocab.entry(t.clone()).or_insert(next);
            if id == next {
                self.terms.push(Term { chars: t.chars().collect(), idf: 0.0, postings: Vec::new() });
            }
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        if ids.is_empty() {
            return;
        }
        let next = self.codes.len() as u32;
        let code_id = *self.code_ids.entry(*code).or_insert(next);
        if code_id == next {
            self.codes.push(*code);
        }
        let e = self.entries.len() as u32;
        for &id in &ids {
            self.terms[id as usize].postings.push(e);
        }
        self.entries.push(Entry {
            code: code_id,
            title: title.trim().to_string(),
            lang,
            terms: ids,
            mass: 0.0,
        });
    }

    fn finish(mut self) -> TitleIndex {
        let n = self.entries.len() as f32;
        for t in &mut self.terms {
            let df = t.postings.len() as f32;
            t.idf = ((n - df + 0.5) / (df + 0.5)).ln_1p();
        }
        for e in &mut self.entries {
            e.mass = e.terms.iter().map(|&t| self.terms[t as usize].idf).sum();
        }
        TitleIndex { codes: self.codes, entries: self.entries, terms: self.terms, vocab: self.vocab }
    }
}

/// A job title per unit group as people write it (singular, as in a job advertisement): the
/// first title of the compiled-in list of the language (`ru`, `kk`; anything else gives the
/// ILO's English index). For generated demo data and examples.
pub fn example_titles(lang: &str) -> std::collections::BTreeMap<OccupationCode, String> {
    let text = match lang {
        "ru" => TITLES_RU,
        "kk" => TITLES_KK,
        _ => TITLES_EN,
    };
    let mut out = std::collections::BTreeMap::new();
    for rec in csv::Reader::from_reader(text.as_bytes()).records().flatten() {
        if let (Some(title), Some(Ok(code))) = (rec.get(0), rec.get(1).map(OccupationCode::parse)) {
            out.entry(code).or_insert_with(|| title.to_string());
        }
    }
    out
}

/// The index over the compiled-in classifier and title tables.
pub fn title_index() -> &'static TitleIndex {
    static INDEX: OnceLock<TitleIndex> = OnceLock::new();
    INDEX.get_or_init(|| match TitleIndex::build(classifier(), &compiled_tables()) {
        Ok(index) => index,
        // Compiled-in data, checked by the unit tests: a failure is a build defect.
        Err(e) => panic!("compiled-in title tables are malformed: {e}"),
    })
}

fn compiled_tables() -> [(&'static str, &'static str, &'static str); 3] {
    [
        ("titles-en.csv", "en", TITLES_EN),
        ("titles-ru.csv", "ru", TITLES_RU),
        ("titles-kk.csv", "kk", TITLES_KK),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn top(query: &str) -> String {
        title_index().search(query, 1).first().map(|h| h.code.to_string()).unwrap_or_default()
    }

    #[test]
    fn the_compiled_in_tables_build() {
        let index = TitleIndex::build(classifier(), &compiled_tables()).unwrap();
        assert!(index.len() > 7_000, "{}", index.len());
    }

    #[test]
    fn word_order_case_inflection_and_typos() {
        assert_eq!(top("chemical engineer"), "2145");
        assert_eq!(top("Engineer, chemical"), "2145");
        assert_eq!(top("CHEMICAL ENGINEERS"), "2145");
        assert_eq!(top("sofware developer"), "2512");
        assert_eq!(top("инженер-химик"), "2145");
        assert_eq!(top("бухгалтера"), "2411");
        assert_eq!(top("бухалтер"), "2411");
    }

    #[test]
    fn decomposed_letters_find_what_composed_ones_find() {
        use unicode_normalization::UnicodeNormalization;
        // й is и + U+0306 in NFD (ё, е + U+0308: see `text`); Kazakh's own letters (қ, ң, ә, ө, ұ, ү,
        // і, ғ, һ) have no canonical decomposition and are the same in both forms.
        for (query, code) in [
            ("қойма меңгерушісі", "1324"),
            ("қойма жұмысшысы", "9333"),
            ("мұнай-газ өндіру инженері", "2146"),
            ("военнослужащий по контракту", "0310"),
            ("актуарий страховой компании", "2120"),
            ("кадровый офицер", "0110"),
        ] {
            let decomposed: String = query.nfd().collect();
            assert_ne!(decomposed, query, "{query} has a decomposable letter");
            assert_eq!(top(query), code, "{query}");
            assert_eq!(title_index().search(&decomposed, 5), title_index().search(query, 5), "{query}");
        }
        for letter in ["қ", "ң", "ә", "ө", "ұ", "ү", "і", "ғ", "һ"] {
            assert_eq!(letter.nfd().collect::<String>(), letter, "{letter}");
        }
    }

    #[test]
    fn every_unit_group_has_an_example_title() {
        let ru = example_titles("ru");
        for g in classifier().unit_groups() {
            assert!(ru.contains_key(&g.code), "{}", g.code);
        }
        assert_eq!(
            ru.get(&OccupationCode::parse("2145").unwrap()).map(String::as_str),
            Some("инженер-химик")
        );
    }

    #[test]
    fn nothing_for_nothing() {
        assert!(title_index().search("", 5).is_empty());
        assert!(title_index().search("  , . ", 5).is_empty());
        assert!(title_index().search("chemical engineer", 0).is_empty());
    }

    #[test]
    fn hits_are_distinct_sorted_and_bounded() {
        let hits = title_index().search("engineer", 10);
        assert_eq!(hits.len(), 10);
        for pair in hits.windows(2) {
            assert!(pair[0].score >= pair[1].score);
            assert_ne!(pair[0].code, pair[1].code);
        }
        assert!(hits.iter().all(|h| (0.0..=1.0).contains(&h.score)));
    }
}
