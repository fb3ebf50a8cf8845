//! `ashyq kandas|abroad|paryz` for the operators' batch work (issue 16), on both backends:
//! `list` with its filters, `report` with the pages' figures, `export` as CSV with a
//! byte-order mark or as XLSX, to a file or standard output; a filter that does not read is
//! refused naming it (exit 2); every listing and export of personal data is audited, the actor
//! being the command line.

use crate::support::run;
use ashyq_core::Role;
use ashyq_core::kandas::{Application, Person};
use ashyq_core::policy::Policy;
use ashyq_store::testing::TestDb;
use ashyq_store::users::{self, NewUser};
use ashyq_store::{Actor, audit};

crate::both_backends!(kandas_list_report_and_export_are_audited, abroad_and_paryz_list_report_and_export,);

fn family(surname: &str, region: &str) -> Application {
    Application {
        applicant: Person {
            surname: surname.into(),
            given_names: "ARMAN".into(),
            birth_date: jiff::civil::date(1980, 1, 1),
        },
        members: Vec::new(),
        origin: "MNG".into(),
        ethnic_kazakh: true,
        citizen: false,
        region: region.into(),
    }
}

/// The actions of the audit records of the command line about `object_type`'s listings.
async fn listings(t: &TestDb, object_type: &str) -> Vec<String> {
    audit::for_object(&t.db, object_type, "*")
        .await
        .unwrap()
        .into_iter()
        .filter(|r| r.actor == "cli")
        .map(|r| r.action)
        .collect()
}

async fn kandas_list_report_and_export_are_audited(t: &TestDb) {
    let policy = Policy::kz().unwrap();
    let today = ashyq_store::today();
    let cli = Actor::cli();
    let me = users::create(
        &t.db,
        &cli,
        NewUser {
            username: "batch.applicant".into(),
            display_name: "Batch applicant".into(),
            role: Role::Applicant,
            region: None,
            password: "correct horse battery staple".into(),
        },
    )
    .await
    .unwrap();
    let who =
        Actor { user_id: Some(me.id), username: me.username.clone(), role: Role::Applicant, ..Actor::cli() };
    let (own, _) =
        ashyq_store::kandas::own::file(&t.db, &who, me.id, "batch-1", &family("ÖMIR", "KZ-59"), today)
            .await
            .unwrap();
    ashyq_store::kandas::create(&t.db, &cli, None, "KD-BATCH-2", &family("BEKOV", "KZ-59"), today)
        .await
        .unwrap();
    ashyq_store::kandas::create(&t.db, &cli, None, "KD-BATCH-3", &family("SAPAR", "KZ-75"), today)
        .await
        .unwrap();
    ashyq_store::kandas::assign(&t.db, &cli, None, &policy, own.id, today).await.unwrap();

    let all = run(&t.url, &["kandas", "list"]).ok();
    for needle in [own.reference.as_str(), "KD-BATCH-2", "KD-BATCH-3", "3 applications"] {
        assert!(all.stdout.contains(needle), "{needle} missing:\n{}", all.stdout);
    }
    let assigned = run(&t.url, &["kandas", "list", "--status", "assigned", "--json"]).ok().json();
    assert_eq!(assigned.as_array().unwrap().len(), 1, "{assigned}");
    assert_eq!(assigned[0]["applicant_id"], me.id);
    let year = today.year().to_string();
    let north = run(&t.url, &["kandas", "list", "--region", "KZ-59", "--year", &year, "--json"]).ok().json();
    assert_eq!(north.as_array().unwrap().len(), 2);
    let earlier = run(&t.url, &["kandas", "list", "--year", "2001", "--json"]).ok().json();
    assert_eq!(earlier.as_array().unwrap().len(), 0);
    let bad = run(&t.url, &["kandas", "list", "--status", "waiting"]).code(2);
    assert!(bad.stderr.contains("status"), "{}", bad.stderr);
    let bad = run(&t.url, &["kandas", "list", "--region", "KZ-00"]).code(2);
    assert!(bad.stderr.contains("region"), "{}", bad.stderr);

    // The report: the figures the report page shows.
    let report = run(&t.url, &["kandas", "report", "--year", &year, "--json"]).ok().json();
    let line = report.as_array().unwrap().iter().find(|l| l["region"] == "KZ-59").unwrap().clone();
    assert_eq!(
        (line["families"].as_i64(), line["persons"].as_i64(), line["used"].as_i64()),
        (Some(1), Some(1), Some(1))
    );
    let due = ashyq_core::kandas::subsidies(&policy, "KZ-59", 1, today).unwrap();
    assert_eq!(line["subsidies_due_kzt"], due.total_kzt.to_string());
    run(&t.url, &["kandas", "report", "--year", &year]).ok().stdout_has("1 families, 1 persons settled");

    // Exports: CSV with a byte-order mark to a file and to standard output; XLSX to a file.
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("kandas.csv");
    run(&t.url, &["kandas", "export", "--region", "KZ-59", "--out", csv.to_str().unwrap()]).ok();
    let bytes = std::fs::read(&csv).unwrap();
    assert!(bytes.starts_with(&[0xEF, 0xBB, 0xBF]), "no byte-order mark");
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("id,reference,region,status,applicant"), "{text}");
    assert_eq!(lines.len(), 3, "a header and two applications: {text}");
    assert!(text.contains("ÖMIR ARMAN") && !text.contains("SAPAR"), "{text}");
    let stdout = run(&t.url, &["kandas", "export", "--status", "submitted"]).ok();
    assert!(stdout.stdout.starts_with('\u{feff}'), "{:?}", &stdout.stdout[..20.min(stdout.stdout.len())]);
    assert_eq!(stdout.stdout.lines().count(), 3);
    let xlsx = dir.path().join("kandas.xlsx");
    run(&t.url, &["kandas", "export", "--format", "xlsx", "--out", xlsx.to_str().unwrap()]).ok();
    assert!(std::fs::read(&xlsx).unwrap().starts_with(b"PK"), "not a workbook");

    // Every listing and export audited, by the command line; the report (no names) is not.
    let actions = listings(t, "kandas_application").await;
    assert_eq!(actions.iter().filter(|a| *a == "kandas.list").count(), 4, "{actions:?}");
    assert_eq!(actions.iter().filter(|a| *a == "kandas.export").count(), 3, "{actions:?}");
}

async fn abroad_and_paryz_list_report_and_export(t: &TestDb) {
    let cli = Actor::cli();
    for (i, (iin, surname, country)) in
        [("900101400013", "EXAMPLE", "KOR"), ("850615300129", "SAMPLE", "TUR")].into_iter().enumerate()
    {
        let input = ashyq_core::abroad::WorkerInput {
            iin: iin.into(),
            surname: surname.into(),
            given_names: "A".into(),
            country: country.into(),
            employer: "E".into(),
            contract_from: "2026-01-01".into(),
            contract_until: "2099-01-01".into(),
            sector: "construction".into(),
            ..Default::default()
        };
        ashyq_store::abroad::workers::register(&t.db, &cli, &format!("batch-{i}"), &input).await.unwrap();
    }
    run(&t.url, &["abroad", "list"]).ok().stdout_has("EXAMPLE").stdout_has("SAMPLE").stdout_has("2 citizens");
    let korea = run(&t.url, &["abroad", "list", "--country", "KOR", "--json"]).ok().json();
    assert_eq!(korea.as_array().unwrap().len(), 1);
    assert_eq!(korea[0]["surname"], "EXAMPLE");
    let report = run(&t.url, &["abroad", "report", "--json"]).ok().json();
    let kor = report.as_array().unwrap().iter().find(|f| f["country"] == "KOR").unwrap().clone();
    assert_eq!(kor["citizens"], 1);
    run(&t.url, &["abroad", "report"]).ok().stdout_has("2 citizens in 2 countries");
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("abroad.csv");
    run(&t.url, &["abroad", "export", "--query", "sample", "--out", csv.to_str().unwrap()]).ok();
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(
        text.starts_with('\u{feff}') && text.contains("850615300129") && !text.contains("EXAMPLE"),
        "{text}"
    );
    let searches = listings(t, "abroad_worker").await;
    assert_eq!(searches.iter().filter(|a| *a == "abroad.worker.search").count(), 3, "{searches:?}");

    // Paryz: a year with two nominations, one decided.
    ashyq_store::paryz::open_year(&t.db, &cli, 2025).await.unwrap();
    for (i, nominee) in ["Aigerim Example", "Nurlan Sample"].into_iter().enumerate() {
        let input = ashyq_core::paryz::NominationInput {
            nominee: nominee.into(),
            country: "TUR".into(),
            card_number: None,
            business: "Example Textiles".into(),
            sector: "manufacturing".into(),
            bin: None,
            contribution: "Jobs created in Kazakhstan.".into(),
            jobs_created: 10 * (i as i64 + 1),
            investment_kzt: 1_000_000,
        };
        ashyq_store::paryz::nominate(&t.db, &cli, 2025, &format!("batch-pz-{i}"), &input).await.unwrap();
    }
    run(&t.url, &["paryz", "list", "--year", "2025"])
        .ok()
        .stdout_has("Aigerim Example")
        .stdout_has("2 nominations");
    let undecided =
        run(&t.url, &["paryz", "list", "--year", "2025", "--verdict", "undecided", "--json"]).ok().json();
    assert_eq!(undecided.as_array().unwrap().len(), 2);
    let bad = run(&t.url, &["paryz", "list", "--year", "2025", "--verdict", "best"]).code(2);
    assert!(bad.stderr.contains("verdict"), "{}", bad.stderr);
    run(&t.url, &["paryz", "list", "--year", "2031"]).code(1);
    let report = run(&t.url, &["paryz", "report", "--json"]).ok().json();
    assert_eq!(report[0]["year"], 2025);
    assert_eq!((report[0]["nominations"].as_i64(), report[0]["jobs_created"].as_i64()), (Some(2), Some(30)));
    let xlsx = dir.path().join("paryz.xlsx");
    run(&t.url, &["paryz", "export", "--year", "2025", "--format", "xlsx", "--out", xlsx.to_str().unwrap()])
        .ok();
    assert!(std::fs::read(&xlsx).unwrap().starts_with(b"PK"));
    let reads = audit::for_object(&t.db, "paryz_year", "2025").await.unwrap();
    assert!(reads.iter().filter(|r| r.action == "paryz.read" && r.actor == "cli").count() >= 4, "{reads:?}");
}
