//! Integration tests of `ashyq generate register`, run as a process at a small size: the same
//! seed gives the same files; the headers are those of docs/register.md; every row is valid; a
//! person's crossings are in time order and alternate entry/exit per document; the planted
//! overstayers are exactly those the stay arithmetic finds.

mod support;

use ashyq_core::stay::{self, Permit, Rule, Stay};
use jiff::civil::Date;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;
use support::run_in;

const FILES: [&str; 3] = ["crossings.csv", "registrations.csv", "permits.csv"];
const IDENTITY: &str =
    "document_type,issuing_state,document_number,nationality,surname,given_names,birth_date,sex,expiry_date";

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

/// Runs the generator into `dir` and returns its summary line.
fn generate(dir: &Path, extra: &[&str]) -> String {
    let out = dir.to_str().unwrap();
    let mut args = vec!["generate", "register", "--out", out];
    args.extend_from_slice(extra);
    run_in(&std::env::temp_dir(), None, &args, None).ok().stdout
}

/// The first column of a data file.
fn codes(file: &str) -> HashSet<String> {
    let text = std::fs::read_to_string(root().join("data").join(file)).unwrap();
    text.lines().skip(1).map(|l| l.split(',').next().unwrap().to_string()).collect()
}

type Row = HashMap<String, String>;

fn read(dir: &Path, file: &str) -> (Vec<String>, Vec<Row>) {
    let mut reader = csv::Reader::from_path(dir.join(file)).unwrap();
    let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_string).collect();
    let rows = reader
        .records()
        .map(|r| header.iter().cloned().zip(r.unwrap().iter().map(str::to_string)).collect())
        .collect();
    (header, rows)
}

fn date(text: &str) -> Date {
    text.parse().unwrap_or_else(|e| panic!("{text:?} is not a date: {e}"))
}

/// The number before `label` in the summary line.
fn count(summary: &str, label: &str) -> u64 {
    let at = summary.find(label).unwrap_or_else(|| panic!("{label:?} not in {summary}"));
    summary[..at].split_whitespace().last().unwrap().trim_start_matches('(').parse().unwrap()
}

#[test]
fn the_same_seed_gives_the_same_files_with_the_documented_headers() {
    let (a, b, c) =
        (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let args = ["--people", "2000", "--crossings", "7000", "--seed", "7"];
    generate(a.path(), &args);
    generate(b.path(), &args);
    generate(c.path(), &["--people", "2000", "--crossings", "7000", "--seed", "8"]);
    for file in FILES {
        let (x, y) =
            (std::fs::read(a.path().join(file)).unwrap(), std::fs::read(b.path().join(file)).unwrap());
        assert!(x == y, "{file} differs between two runs of one seed");
    }
    let other = std::fs::read(c.path().join(FILES[0])).unwrap();
    assert!(other != std::fs::read(a.path().join(FILES[0])).unwrap(), "another seed, other crossings");

    let header =
        |file| std::fs::read_to_string(a.path().join(file)).unwrap().lines().next().unwrap().to_string();
    assert_eq!(header("crossings.csv"), format!("event_id,kind,at,checkpoint,{IDENTITY},reason"));
    assert_eq!(
        header("registrations.csv"),
        format!(
            "registration_id,kind,{IDENTITY},region,address,host,from,until,notified_on,employer_bin,permit_number"
        )
    );
    assert_eq!(
        header("permits.csv"),
        format!("permit_number,kind,{IDENTITY},valid_from,valid_until,cancelled_on")
    );
    // No temporary file is left behind.
    let names: Vec<_> = std::fs::read_dir(a.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names.len(), 3, "{names:?}");
}

#[test]
fn too_few_crossings_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let out = run_in(
        dir.path(),
        None,
        &["generate", "register", "--out", "x", "--people", "10", "--crossings", "5"],
        None,
    );
    assert_ne!(out.code, Some(0));
    assert!(out.stderr.contains("at least once"), "{}", out.stderr);
}

/// A person as the register would find them: citizenship, names, birth date and sex.
fn person(r: &Row) -> (String, String, String, String, String) {
    (
        r["nationality"].clone(),
        r["surname"].clone(),
        r["given_names"].clone(),
        r["birth_date"].clone(),
        r["sex"].clone(),
    )
}

fn check_identity(r: &Row, countries: &HashSet<String>) {
    assert!(["P", "I"].contains(&r["document_type"].as_str()), "{r:?}");
    assert!(countries.contains(&r["issuing_state"]) && countries.contains(&r["nationality"]), "{r:?}");
    let number = &r["document_number"];
    assert!((1..=20).contains(&number.len()), "{r:?}");
    assert!(number.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()), "{r:?}");
    for name in [&r["surname"], &r["given_names"]] {
        assert!(name.bytes().all(|b| b.is_ascii_uppercase() || b == b' '), "{r:?}");
        assert!(!name.starts_with(' ') && !name.ends_with(' ') && !name.contains("  "), "{r:?}");
    }
    assert!(!r["surname"].is_empty());
    assert!(["M", "F", "X"].contains(&r["sex"].as_str()), "{r:?}");
    assert!(date(&r["birth_date"]) < date(&r["expiry_date"]), "{r:?}");
}

#[test]
fn a_small_year_is_valid_ordered_and_plants_its_overstayers() {
    let dir = tempfile::tempdir().unwrap();
    let summary =
        generate(dir.path(), &["--people", "8000", "--crossings", "26000", "--as-of", "2026-11-30"]);
    let as_of = date("2026-11-30");
    let (countries, checkpoints, regions) =
        (codes("countries.csv"), codes("checkpoints.csv"), codes("regions.csv"));

    // Crossings.
    let (_, crossings) = read(dir.path(), "crossings.csv");
    assert_eq!(crossings.len() as u64, 26_000);
    assert_eq!(count(&summary, "crossings"), 26_000, "{summary}");
    assert_eq!(count(&summary, "people"), 8000, "{summary}");
    let mut ids = HashSet::new();
    let mut last_at: HashMap<_, String> = HashMap::new();
    // Per document: the identity it shows and whether its holder is inside.
    let mut documents: HashMap<(String, String), (Row, bool)> = HashMap::new();
    // Per person: inside or not, and their stays.
    let mut inside: HashMap<_, bool> = HashMap::new();
    let mut stays: BTreeMap<_, Vec<Stay>> = BTreeMap::new();
    let mut refusals = 0;
    let mut two_documents: HashMap<_, HashSet<String>> = HashMap::new();
    for r in &crossings {
        let id = &r["event_id"];
        assert!(id.starts_with("E2026-") && id.len() == 15, "{id}");
        assert!(ids.insert(id.clone()), "{id} repeated");
        assert!(checkpoints.contains(&r["checkpoint"]), "{r:?}");
        check_identity(r, &countries);
        let at = &r["at"];
        let instant: jiff::Timestamp = at.parse().unwrap_or_else(|e| panic!("{at}: {e}"));
        assert!(at.ends_with("+05:00") && at.len() == 25, "{at}");
        let day = date(&at[..10]);
        assert!(day >= date("2026-01-01") && day <= as_of, "{at}");
        let _ = instant;
        let who = person(r);
        if let Some(before) = last_at.insert(who.clone(), at.clone()) {
            assert!(before < *at, "{who:?}: {before} then {at}");
        }
        two_documents.entry(who.clone()).or_default().insert(r["document_number"].clone());
        let doc = (r["issuing_state"].clone(), r["document_number"].clone());
        let kind = r["kind"].as_str();
        let expiry = date(&r["expiry_date"]);
        if kind == "refusal" {
            refusals += 1;
            let reason = r["reason"].as_str();
            assert!(
                ["invalid document", "entry ban", "no visa", "purpose not confirmed"].contains(&reason),
                "{r:?}"
            );
            if reason == "invalid document" {
                assert!(expiry < day, "refused for an invalid document that is valid: {r:?}");
            }
            assert!(!inside.get(&who).copied().unwrap_or(false), "refused while inside: {r:?}");
            continue;
        }
        assert!(r["reason"].is_empty(), "{r:?}");
        assert!(expiry >= day, "crossed with an expired document: {r:?}");
        let entry = documents.entry(doc).or_insert_with(|| (r.clone(), false));
        for column in ["nationality", "surname", "given_names", "birth_date", "sex", "expiry_date"] {
            assert_eq!(entry.0[column], r[column], "one document, two identities");
        }
        let now_inside = inside.entry(who.clone()).or_insert(false);
        match kind {
            "entry" => {
                assert!(!entry.1 && !*now_inside, "two entries in a row: {r:?}");
                stays.entry(who).or_default().push(Stay { entry: day, exit: None });
            }
            "exit" => {
                assert!(entry.1 && *now_inside, "an exit without an entry on this document: {r:?}");
                stays.entry(who).or_default().last_mut().unwrap().exit = Some(day);
            }
            other => panic!("kind {other}"),
        }
        entry.1 = kind == "entry";
        *now_inside = kind == "entry";
    }
    assert_eq!(count(&summary, "refusals"), refusals, "{summary}");
    assert!(refusals > 26_000 / 1000 && refusals < 26_000 / 100, "{refusals} refusals");
    let renewed = two_documents.values().filter(|d| d.len() > 1).count() as u64;
    assert!(renewed > 0 && renewed <= count(&summary, "documents renewed"), "{renewed} renewed");
    let present = inside.values().filter(|&&i| i).count() as u64;
    assert_eq!(present, count(&summary, "present"), "{summary}");

    // Permits.
    let (_, permits) = read(dir.path(), "permits.csv");
    let mut numbers = HashSet::new();
    let mut covered: HashMap<_, Vec<Permit>> = HashMap::new();
    let mut visas: HashMap<_, Vec<Permit>> = HashMap::new();
    for r in &permits {
        check_identity(r, &countries);
        assert!(numbers.insert(r["permit_number"].clone()), "{r:?}");
        let (from, until) = (date(&r["valid_from"]), date(&r["valid_until"]));
        assert!(from <= until, "{r:?}");
        if !r["cancelled_on"].is_empty() {
            assert!(date(&r["cancelled_on"]) <= until && date(&r["cancelled_on"]) <= as_of, "{r:?}");
        }
        let kinds = [
            "work_permit",
            "temporary_residence",
            "permanent_residence",
            "valuable_skills_visa",
            "investor_visa",
            "ata_zholy",
            "refugee_certificate",
        ];
        let permit = Permit { from, until };
        match r["kind"].as_str() {
            "visa" => visas.entry(person(r)).or_default().push(permit),
            k if kinds.contains(&k) => covered.entry(person(r)).or_default().push(permit),
            k => panic!("permit kind {k}"),
        }
    }

    // Registrations.
    let (_, registrations) = read(dir.path(), "registrations.csv");
    assert!(!registrations.is_empty());
    let (mut late, mut work) = (0, 0);
    for r in &registrations {
        check_identity(r, &countries);
        assert!(regions.contains(&r["region"]), "{r:?}");
        let (from, until, notified) = (date(&r["from"]), date(&r["until"]), date(&r["notified_on"]));
        assert!(from <= until && from <= notified && notified <= as_of, "{r:?}");
        match r["kind"].as_str() {
            "stay" => {
                assert!(!r["address"].is_empty() && !r["host"].is_empty(), "{r:?}");
                late += u32::from(notified.since(from).unwrap().get_days() > 5);
            }
            "work" => {
                work += 1;
                assert!(ashyq_core::ids::check_12(&r["employer_bin"]).is_ok(), "{r:?}");
                let permit = &r["permit_number"];
                assert!(permit.is_empty() || numbers.contains(permit), "{r:?}");
            }
            k => panic!("registration kind {k}"),
        }
    }
    assert!(late > 0 && work > 0, "{late} late, {work} work registrations");

    // Overstayers: exactly the planted ones, by the stay arithmetic.
    // Each nationality's group as the policy has it (the generator must agree with it).
    let policy = ashyq_core::policy::Policy::kz().expect("the built-in policy");
    let group = |n: &str| policy.stay_group(n, as_of);
    use ashyq_core::policy::Group;
    let (mut per_entry, mut window, mut past_visa) = (0, 0, 0);
    for (who, stays) in &stays {
        let permits = covered.get(who).map_or(&[][..], Vec::as_slice);
        let nationality = who.0.as_str();
        if group(nationality) == Group::VisaRequired {
            let valid = visas.get(who).into_iter().flatten().chain(permits);
            let valid: Vec<_> = valid.collect();
            let lawful = |d: Date| valid.iter().any(|p| p.from <= d && d <= p.until);
            let overstayed = stays.iter().any(|s| {
                let mut d = s.entry;
                let end = s.exit.unwrap_or(as_of);
                while d <= end {
                    if !lawful(d) {
                        return true;
                    }
                    d = d.tomorrow().unwrap();
                }
                false
            });
            past_visa += u64::from(overstayed);
            continue;
        }
        let rule = if group(nationality) == Group::Eaeu {
            Rule { limit: 90, window: 180, per_entry: None }
        } else {
            Rule { limit: 90, window: 180, per_entry: Some(30) }
        };
        let status = stay::check(&rule, stays, permits, as_of).unwrap_or_else(|e| panic!("{who:?}: {e}"));
        if status.first_overstay.is_some() {
            if group(nationality) == Group::Eaeu {
                window += 1;
            } else {
                per_entry += 1;
            }
        }
    }
    assert_eq!(per_entry, count(&summary, "over 30 days"), "{summary}");
    assert_eq!(window, count(&summary, "over 90 in 180"), "{summary}");
    assert_eq!(past_visa, count(&summary, "past their visa"), "{summary}");
    assert!(per_entry > 0 && window > 0, "{summary}");
}
