//! Integration tests of `ashyq register …`, run as processes against a SQLite file and, when
//! `ASHYQ_TEST_POSTGRES_URL` is set, a fresh PostgreSQL schema: a generated year imports and a
//! second import changes nothing; a bad file is refused with `file:row:column` and nothing is
//! written; a person's status by document; the overstay scan finds the planted overstayers;
//! merge and undo by an officer at the terminal.

mod support;

use ashyq_store::testing::TestDb;
use std::path::Path;
use support::{Output, run, run_in};

/// Asserts exit code `code` and that standard error holds every needle.
#[track_caller]
fn refused(out: Output, code: i32, needles: &[&str]) {
    let out = out.code(code);
    for n in needles {
        assert!(out.stderr.contains(n), "expected {n:?} on standard error:\n{}", out.stderr);
    }
}

both_backends!(a_generated_year_imports_once_and_answers_status_and_overstays, a_bad_file_writes_nothing);

fn s(path: &Path) -> &str {
    path.to_str().expect("a UTF-8 path")
}

async fn a_generated_year_imports_once_and_answers_status_and_overstays(t: &TestDb) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("year");
    run_in(
        dir.path(),
        None,
        &[
            "generate",
            "register",
            "--out",
            s(&out),
            "--people",
            "3000",
            "--crossings",
            "9000",
            "--year",
            "2026",
            "--as-of",
            "2026-11-20",
        ],
        None,
    )
    .ok();
    for file in ["crossings", "registrations", "permits"] {
        let path = out.join(format!("{file}.csv"));
        let first = run(&t.url, &["register", "import", file, s(&path), "--json"]).ok().json();
        assert_eq!(first["committed"], true);
        assert!(first["inserted"].as_u64().unwrap() > 0, "{file}: {first}");
        // The same file again: every row is already there.
        let again = run(&t.url, &["register", "import", file, s(&path), "--json"]).ok().json();
        assert_eq!(again["inserted"], 0, "{file}: {again}");
        assert_eq!(again["updated"], 0, "{file}: {again}");
        assert_eq!(again["unchanged"], first["rows_read"], "{file}: {again}");
    }
    let stats = run(&t.url, &["register", "stats", "--json"]).ok().json();
    assert_eq!(stats["totals"]["crossings"], 9000);
    assert_eq!(stats["totals"]["persons"], 3000, "renewed passports joined their persons");

    // A visitor from Germany (visa-free: 30 days per entry) who came on 1 September and is
    // still here on 20 November: overstaying since 1 October, 51 days.
    let late = out.join("late.csv");
    std::fs::write(
        &late,
        "event_id,kind,at,checkpoint,document_type,issuing_state,document_number,nationality,surname,\
given_names,birth_date,sex,expiry_date,reason\n\
T-1,entry,2026-09-01T09:00:00+05:00,ALA,P,DEU,C99X00T11,DEU,MUSTERFRAU,ERIKA,1970-01-02,F,2032-01-01,\n",
    )
    .unwrap();
    run(&t.url, &["register", "import", "crossings", s(&late)]).ok();
    // Overstays on the generator's last day.
    let scan = run(&t.url, &["register", "overstays", "--on", "2026-11-20", "--json"]).ok().json();
    let overstayers = scan["overstayers"].as_array().unwrap();
    assert!(scan["present"].as_u64().unwrap() > 0);
    let erika = overstayers.iter().find(|o| o["surname"] == "MUSTERFRAU").unwrap_or_else(|| panic!("{scan}"));
    assert_eq!(
        (erika["overstay_since"].as_str(), erika["overstay_days"].as_u64()),
        (Some("2026-10-01"), Some(51))
    );
    // The first overstayer's status, asked by person, agrees with the scan.
    let id = overstayers[0]["person_id"].as_i64().unwrap().to_string();
    let status =
        run(&t.url, &["register", "status", "--person", &id, "--on", "2026-11-20", "--json"]).ok().json();
    assert_eq!(status["status"]["lawful"], false);
    assert_eq!(status["status"]["overstay_since"], overstayers[0]["overstay_since"]);
    // And by its document, in words.
    let doc = &status["documents"][0];
    let key = format!("{}:{}", doc["issuing_state"].as_str().unwrap(), doc["number"].as_str().unwrap());
    run(&t.url, &["register", "status", "--document", &key, "--on", "2026-11-20"])
        .ok()
        .stdout_has("OVERSTAY since");
    refused(
        run(&t.url, &["register", "status", "--document", "UZB:NOSUCH1", "--on", "2026-11-20"]),
        1,
        &["UZB:NOSUCH1"],
    );

    // An officer merges two persons at the terminal and undoes it.
    let other = if id == "1" { "2" } else { "1" };
    let merged =
        run(&t.url, &["register", "merge", "--into", &id, "--from", other, "--reason", "test of a merge"])
            .ok();
    let number = merged.stdout.split("merge ").nth(1).and_then(|r| r.split(';').next()).unwrap().to_string();
    run(&t.url, &["register", "undo", &number, "--reason", "test of an undo"]).ok();
    refused(
        run(&t.url, &["register", "undo", &number, "--reason", "test of an undo"]),
        2,
        &["undone already"],
    );
}

async fn a_bad_file_writes_nothing(t: &TestDb) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crossings.csv");
    std::fs::write(
        &path,
        "event_id,kind,at,checkpoint,document_type,issuing_state,document_number,nationality,surname,given_names,\
birth_date,sex,expiry_date,reason\n\
E1,entry,2026-03-01T10:00:00+05:00,ALA,P,DEU,C01X00T47,DEU,MUSTERMANN,ANNA,1985-08-12,F,2031-03-01,\n\
E2,entry,2026-03-01T10:00:00+05:00,ALA,P,DEU,C01X00T47,DEUX,MUSTERMANN,ANNA,1985-08-12,F,2031-03-01,\n",
    )
    .unwrap();
    refused(
        run(&t.url, &["register", "import", "crossings", s(&path)]),
        2,
        &["crossings.csv:3:nationality:", "nothing was written"],
    );
    let stats = run(&t.url, &["register", "stats", "--json"]).ok().json();
    assert_eq!(stats["totals"]["crossings"], 0);
    assert_eq!(stats["totals"]["persons"], 0);
}
