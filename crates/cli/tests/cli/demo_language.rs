//! The demo's own texts in the language `ashyq demo --language` chose (issue 17): officers'
//! reasons, agreements' titles and notes, Paryz nominations, notes of the lists, opinions,
//! names of accounts and invented companies are `data/i18n/{lang}/demo.ftl`'s, and none of them
//! is an English sentence. People's names stay as in their passports, marked fictional in the
//! language. Russian, the default, is checked on the demo `demo_creates_accounts_and_serves`
//! runs.

use crate::support::run_in;
use ashyq_store::Db;
use std::collections::{BTreeSet, HashMap};

/// The single-line messages of `data/i18n/{lang}/demo.ftl`.
fn messages(lang: &str) -> HashMap<String, String> {
    let path = format!("{}/../../data/i18n/{lang}/demo.ftl", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    text.lines()
        .filter(|l| l.starts_with("demo-"))
        .filter_map(|l| l.split_once(" = "))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect()
}

/// Whether a text holds an English sentence: two Latin words in a row.
fn english(text: &str) -> bool {
    let latin = |w: &str| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        w.len() > 1 && w.chars().all(|c| c.is_ascii_alphabetic())
    };
    let words: Vec<&str> = text.split_whitespace().collect();
    words.windows(2).any(|pair| latin(pair[0]) && latin(pair[1]))
}

async fn texts(db: &Db, sql: &str) -> Vec<String> {
    sqlx::query_scalar::<_, String>(sqlx::AssertSqlSafe(sql.to_string()))
        .fetch_all(&db.pool)
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

/// Checks the texts a demo database holds against `demo.ftl` of `lang` (kk or ru).
pub async fn check_demo_texts(url: &str, lang: &str) {
    let m = messages(lang);
    let t = |key: &str| m.get(key).unwrap_or_else(|| panic!("no {key} in {lang}/demo.ftl")).clone();
    let db = Db::open(url).await.expect("the demo's database");
    let set = |v: Vec<String>| v.into_iter().collect::<BTreeSet<String>>();
    let mut all: Vec<String> = Vec::new();

    // Officers' reasons and the applicant's withdrawal, word for word.
    let bodies = set(texts(&db, "SELECT body FROM case_events WHERE body IS NOT NULL").await);
    for key in m.keys().filter(|k| k.starts_with("demo-reason-")) {
        assert!(bodies.contains(&t(key)), "{lang}: no case event says {key}: {bodies:?}");
    }
    all.extend(bodies.into_iter().filter(|b| b.contains(' ')));
    let issuers = set(texts(&db, "SELECT issuer FROM case_evidence").await);
    assert_eq!(issuers, set(vec![t("demo-passport-issuer")]), "{lang}");
    all.extend(issuers);
    let facts = texts(&db, "SELECT facts FROM cases").await.join("\n");
    for key in ["demo-investment-recipient", "demo-business-abroad"] {
        assert!(facts.contains(&t(key)), "{lang}: no case's facts name {key}");
    }
    assert!(!facts.contains("LLP") && !facts.contains("LLC"), "{lang}: an English company in the facts");

    // Interstate agreements: the titles and the note.
    let titles = set(texts(&db, "SELECT title FROM abroad_agreements").await);
    let expected: Vec<String> =
        ["kor", "rus", "tur", "are", "deu"].iter().map(|c| t(&format!("demo-agreement-{c}"))).collect();
    assert_eq!(titles, set(expected), "{lang}");
    let notes = set(texts(&db, "SELECT note FROM abroad_agreements").await);
    assert_eq!(notes, set(vec![t("demo-agreement-note")]), "{lang}");
    all.extend(titles.into_iter().chain(notes));

    // Citizens abroad: the employer, the agency, the complaint; the surnames marked fictional.
    for (sql, key) in [
        ("SELECT employer FROM abroad_workers", "demo-abroad-employer"),
        ("SELECT agency FROM abroad_workers", "demo-abroad-agency"),
        ("SELECT complaint FROM abroad_cases", "demo-abroad-complaint"),
    ] {
        let found = set(texts(&db, sql).await);
        assert_eq!(found, set(vec![t(key)]), "{lang}: {sql}");
        all.extend(found);
    }
    let marker = t("demo-fictional-person");
    let surnames = texts(&db, "SELECT surname FROM abroad_workers").await;
    assert!(surnames.contains(&format!("Example {marker}")), "{lang}: {surnames:?}");

    // The Paryz nominations: nominee, business, sector, contribution and the jury's reason.
    let nominees = texts(&db, "SELECT nominee FROM paryz_nominations").await;
    assert!(nominees.contains(&format!("Aigerim Example {marker}")), "{lang}: {nominees:?}");
    let businesses = set(texts(&db, "SELECT business FROM paryz_nominations").await);
    let expected: Vec<String> = ["textiles", "agro", "logistics", "software"]
        .iter()
        .map(|b| t(&format!("demo-paryz-business-{b}")))
        .collect();
    assert_eq!(businesses, set(expected), "{lang}");
    let reasons = set(texts(&db, "SELECT reason FROM paryz_nominations").await);
    assert_eq!(reasons, set(vec![t("demo-paryz-reason")]), "{lang}");
    let contributions = texts(&db, "SELECT contribution FROM paryz_nominations ORDER BY id").await;
    assert!(contributions[0].contains("120"), "{lang}: {contributions:?}");
    all.extend(businesses.into_iter().chain(reasons).chain(contributions));
    all.extend(texts(&db, "SELECT sector FROM paryz_nominations").await);

    // The lists: the notes of the revisions, the ministry's opinion and its proposal.
    let notes = set(texts(&db, "SELECT note FROM list_revisions").await);
    assert!(notes.contains(&t("demo-list-draft").replace("{ $year }", "2024")), "{lang}: {notes:?}");
    assert!(notes.contains(&t("demo-list-revision")), "{lang}: {notes:?}");
    let remarks = set(texts(&db, "SELECT remarks FROM opinions WHERE remarks <> ''").await);
    assert_eq!(remarks, set(vec![t("demo-opinion-moh")]), "{lang}");
    let proposals = set(texts(&db, "SELECT justification FROM proposals").await);
    assert_eq!(proposals, set(vec![t("demo-proposal-moh")]), "{lang}");
    all.extend(notes.into_iter().chain(remarks).chain(proposals));
    all.extend(texts(&db, "SELECT justification FROM list_entries WHERE justification IS NOT NULL").await);

    // The accounts' names.
    let names: HashMap<String, String> =
        sqlx::query_as::<_, (String, String)>("SELECT username, display_name FROM users")
            .fetch_all(&db.pool)
            .await
            .unwrap()
            .into_iter()
            .collect();
    assert_eq!(names["demo-admin"], t("demo-account-admin"), "{lang}");
    assert_eq!(names["officer.petropavl"], t("demo-account-officer-petropavl"), "{lang}");
    assert_eq!(names["applicant1"], t("demo-account-case-applicant").replace("{ $number }", "1"), "{lang}");
    all.extend(names.into_values());

    // Kandas families: surnames as in the passports, marked fictional in the language.
    let facts = texts(&db, "SELECT facts FROM kandas_applications").await.join("\n");
    assert!(facts.contains(&format!("Batbayar {marker}")), "{lang}");

    // Nothing of it is English, and nothing says "fictional" or "illustrative" in English.
    let english: Vec<&String> = all.iter().filter(|s| english(s)).collect();
    assert!(english.is_empty(), "{lang}: English in the demo's texts: {english:?}");
    for word in ["fictional", "illustrative", "Demo "] {
        let left: Vec<&String> = all.iter().filter(|s| s.contains(word)).collect();
        assert!(left.is_empty(), "{lang}: {word:?} in {left:?}");
        assert!(!facts.contains(word), "{lang}: {word:?} in the kandas facts");
    }
    db.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn demo_writes_its_texts_in_kazakh() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let url = format!("sqlite://{}", dir.path().join("a.db").display());
    let out = run_in(dir.path(), Some(&url), &["demo", "--no-serve", "--language", "kk"], None).ok();
    assert!(out.stdout.contains("The demo is ready"), "{}", out.stdout);
    check_demo_texts(&url, "kk").await;
    // A second run, in another language, loads nothing again.
    let again = run_in(dir.path(), Some(&url), &["demo", "--no-serve", "--language", "en"], None).ok();
    assert!(again.stdout.contains("demo data not loaded again"), "{}", again.stdout);
    assert!(!again.stdout.contains("cases:") && !again.stdout.contains("Paryz"), "{}", again.stdout);
    check_demo_texts(&url, "kk").await;
}

#[test]
fn an_english_sentence_is_told_from_names_and_numbers() {
    assert!(english("Demo decision of the jury (fictional)."));
    assert!(!english("Aigerim (ойдан шығарылған тұлға)"));
    assert!(!english("PR-2026-000001"));
    assert!(!english("Қазақстанда 120 жұмыс орны ашылды."));
}
