//! The downloads for spreadsheets, read back (docs/exports.md), on both backends:
//! - every CSV a page offers starts with a byte-order mark and is headed in the reader's language
//!   (Russian and Kazakh), a name beside each code; `?headers=machine` gives the snake_case
//!   names (for the alerts, the very file the API gives);
//! - the list itself downloads apart from its candidates, with exactly the occupations on it;
//! - every workbook has its header row bold, frozen and filtered, its columns fitted, numbers as
//!   numbers and dates as dates in the reader's format.

use crate::common;

use ashyq_core::Role;
use ashyq_store::{Actor, lists};
use axum::body::Body;
use axum::http::Request;
use calamine::{Data, Reader};
use common::browser::Messages;
use common::labour::{self, OCCUPATIONS};
use common::register as fx;
use common::{Harness, username};
use http_body_util::BodyExt;
use jiff::civil::Date;
use std::io::Read;

const BOM: &str = "\u{feff}";
const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// A file as `who` (or the public) downloads it in `lang`: (status, content type, bytes).
async fn download(h: &Harness, who: Option<Role>, lang: &str, uri: &str) -> (u16, String, Vec<u8>) {
    let cookie = match who {
        Some(role) => format!("{}; ashyq_lang={lang}", h.session(role).await.0),
        None => format!("ashyq_lang={lang}"),
    };
    let req = Request::get(uri).header("cookie", cookie).body(Body::empty()).unwrap();
    let res = tower::ServiceExt::oneshot(h.app(), req).await.unwrap();
    let status = res.status().as_u16();
    let kind = res.headers().get("content-type").map(|v| v.to_str().unwrap().to_string()).unwrap_or_default();
    (status, kind, res.into_body().collect().await.unwrap().to_bytes().to_vec())
}

/// A CSV file read back: it starts with a byte-order mark; its header and rows.
async fn csv_of(h: &Harness, who: Option<Role>, lang: &str, uri: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let (status, kind, bytes) = download(h, who, lang, uri).await;
    let text = String::from_utf8(bytes).unwrap();
    assert_eq!(status, 200, "{uri}: {text}");
    assert!(kind.starts_with("text/csv"), "{uri}: {kind}");
    assert!(text.starts_with(BOM), "{uri}: no byte-order mark");
    let mut reader = csv::Reader::from_reader(text.trim_start_matches(BOM).as_bytes());
    let header = reader.headers().unwrap().iter().map(String::from).collect();
    let rows = reader.records().map(|r| r.unwrap().iter().map(String::from).collect()).collect();
    (header, rows)
}

/// The heading of a column of codes in `lang`: "Занятие (код)".
fn code_of(m: &Messages, lang: &str, key: &str) -> String {
    m.t_args(lang, "exports-code-of", &[("column", &m.t(lang, key))])
}

fn words(m: &Messages, lang: &str, keys: &[&str]) -> Vec<String> {
    keys.iter().map(|k| m.t(lang, k)).collect()
}

/// A draft of 2025 from the labour fixture, sent, approved by an order of 2025-12-20 and
/// published from 2026-01-01; its id and the codes on it, by rank.
async fn published(h: &Harness) -> (i64, Vec<String>, usize) {
    labour::import(h, &Actor::cli(), &OCCUPATIONS).await;
    let on = Date::constant(2026, 1, 1);
    let id =
        lists::draft_from_data(&h.db, &Actor::cli(), &h.state.policy, 2025, on, "fixture").await.unwrap().id;
    lists::send(&h.db, &Actor::cli(), id).await.unwrap();
    lists::approve(&h.db, &Actor::cli(), id, "49", Date::constant(2025, 12, 20)).await.unwrap();
    lists::publish(&h.db, &Actor::cli(), id, on).await.unwrap();
    let list = lists::get_published(&h.db, id).await.unwrap().unwrap();
    let entries = lists::entries(&h.db, id, list.revision).await.unwrap();
    let on_list: Vec<String> = entries.iter().filter(|e| e.included).map(|e| e.occupation.clone()).collect();
    assert!(!on_list.is_empty() && on_list.len() < entries.len(), "the fixture has candidates off the list");
    (id, on_list, entries.len())
}

fn title(code: &str, lang: &str) -> String {
    let code = ashyq_core::occupation::OccupationCode::parse(code).unwrap();
    ashyq_core::occupation::classifier().get(&code).unwrap().title(lang).to_string()
}

/// A number as a program reads it: a dot before decimals, no thousands separators.
fn machine_number(cell: &str) -> bool {
    !cell.contains([',', ' ', '\u{a0}']) && cell.parse::<f64>().is_ok()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_list_and_its_candidates_download_for_people_and_for_programs() {
    let m = Messages::load();
    for h in Harness::both().await {
        let (id, on_list, candidates) = published(&h).await;
        for lang in ["ru", "kk"] {
            // The list itself: exactly the occupations on it, by rank, named in the language.
            let (header, rows) = csv_of(&h, None, lang, &format!("/lists/{id}/on-list/csv")).await;
            let expected = vec![
                m.t(lang, "exports-col-rank"),
                code_of(&m, lang, "exports-col-occupation"),
                m.t(lang, "exports-col-occupation"),
                code_of(&m, lang, "exports-col-sector"),
                m.t(lang, "exports-col-sector"),
                m.t(lang, "exports-col-score"),
            ];
            assert_eq!(header, expected, "{lang}");
            assert_eq!(rows.iter().map(|r| r[1].clone()).collect::<Vec<_>>(), on_list, "{lang}");
            for r in &rows {
                assert_eq!(r[2], title(&r[1], lang), "{lang}: the name beside the code");
                assert!(machine_number(&r[0]) && machine_number(&r[5]), "{lang}: {r:?}");
                assert!(r[4].is_empty() || r[4] != r[3], "{lang}: a sector's name, not its code: {r:?}");
            }
            // Every candidate, with whether it is on the list and why.
            let (header, rows) = csv_of(&h, None, lang, &format!("/lists/{id}/download/csv")).await;
            assert_eq!(header[..6], expected[..], "{lang}");
            for key in ["exports-col-on-list", "exports-col-justification", "exports-col-criteria-passed"] {
                assert!(header.contains(&m.t(lang, key)), "{lang}: {key} in {header:?}");
            }
            assert_eq!(rows.len(), candidates, "{lang}");
        }

        // For programs: the snake_case names, the same occupations.
        let (header, rows) =
            csv_of(&h, None, "ru", &format!("/lists/{id}/on-list/csv?headers=machine")).await;
        assert_eq!(header, ["rank", "occupation", "title_en", "title_ru", "title_kk", "sector", "score"]);
        assert_eq!(rows.iter().map(|r| r[1].clone()).collect::<Vec<_>>(), on_list);
        assert_eq!(rows[0][2], title(&rows[0][1], "en"));
        let (header, rows) =
            csv_of(&h, None, "kk", &format!("/lists/{id}/download/csv?headers=machine")).await;
        assert_eq!(
            header,
            [
                "rank",
                "occupation",
                "title_en",
                "title_ru",
                "title_kk",
                "sector",
                "score",
                "on_list",
                "basis",
                "justification",
                "criteria_passed"
            ]
        );
        assert_eq!(rows.len(), candidates);
        assert_eq!(rows.iter().filter(|r| r[7] == "1").count(), on_list.len());

        // The list's page links both, and the files for programs.
        let page = h.get_as(None, "ru", &format!("/lists/{id}")).await;
        for href in [
            format!("/lists/{id}/on-list/csv"),
            format!("/lists/{id}/on-list/xlsx"),
            format!("/lists/{id}/on-list/csv?headers=machine"),
            format!("/lists/{id}/download/csv"),
            format!("/lists/{id}/download/csv?headers=machine"),
        ] {
            assert!(page.body.contains(&format!("href=\"{href}\"")), "{href}");
        }
        assert!(page.body.contains(&m.t("ru", "exports-csv-machines")));
        assert_eq!(download(&h, None, "ru", &format!("/lists/{id}/on-list/json")).await.0, 404);
        h.cleanup().await;
    }
}

/// What a workbook's first sheet says about itself in its XML: the frozen header, the filter,
/// the columns' widths; and the date format in its styles.
fn sheet_xml(bytes: &[u8]) -> (String, String) {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes.to_vec())).unwrap();
    let mut read = |name: &str| {
        let mut text = String::new();
        zip.by_name(name).unwrap().read_to_string(&mut text).unwrap();
        text
    };
    (read("xl/worksheets/sheet1.xml"), read("xl/styles.xml"))
}

/// The workbook's first sheet is headed, frozen, filtered and fitted; its dates (if it has any)
/// are in `format`.
fn assert_laid_out(bytes: &[u8], columns: usize, format: Option<&str>) {
    let (sheet, styles) = sheet_xml(bytes);
    assert!(sheet.contains(r#"ySplit="1""#) && sheet.contains(r#"state="frozen""#), "not frozen: {sheet}");
    assert!(sheet.contains("<autoFilter ref=\"A1:"), "no filter: {sheet}");
    let cols = sheet.split("<cols>").nth(1).and_then(|s| s.split("</cols>").next()).expect("<cols>");
    // Columns of the same width are written as one range (`min="4" max="5"`).
    let attr = |col: &str, name: &str| -> f64 {
        col.split(&format!(" {name}=\"")).nth(1).unwrap().split('"').next().unwrap().parse().unwrap()
    };
    let ranges: Vec<&str> = cols.split("<col").skip(1).collect();
    let widths: Vec<f64> = ranges.iter().map(|c| attr(c, "width")).collect();
    let counted: f64 = ranges.iter().map(|c| attr(c, "max") - attr(c, "min") + 1.0).sum();
    assert_eq!(counted as usize, columns, "a width per column: {cols}");
    assert!(widths.iter().all(|w| (6.0..=61.0).contains(w)), "fitted and capped: {widths:?}");
    assert!(widths.iter().any(|w| *w > 12.0), "fitted to their content: {widths:?}");
    if let Some(format) = format {
        assert!(styles.contains(&format!("formatCode=\"{format}\"")), "no date format {format}: {styles}");
    }
    // The header row is bold: its cells carry a style, the first font of which is bold.
    let first_row = sheet.split("<row r=\"1\"").nth(1).unwrap().split("</row>").next().unwrap();
    assert!(first_row.contains(" s=\""), "the header has no style: {first_row}");
    assert!(styles.contains("<b/>"), "no bold font: {styles}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_list_as_a_workbook_is_headed_frozen_filtered_fitted_and_dated() {
    let m = Messages::load();
    for h in Harness::both().await {
        let (id, on_list, _) = published(&h).await;
        for (lang, format) in [("ru", "dd.mm.yyyy"), ("kk", "dd.mm.yyyy"), ("en", "d mmm yyyy")] {
            let (status, kind, bytes) = download(&h, None, lang, &format!("/lists/{id}/on-list/xlsx")).await;
            assert_eq!((status, kind.as_str()), (200, XLSX), "{lang}");
            let mut book: calamine::Xlsx<_> =
                calamine::open_workbook_from_rs(std::io::Cursor::new(bytes.clone())).unwrap();
            let sheet = book.worksheet_range("list").unwrap();
            let rows: Vec<&[Data]> = sheet.rows().collect();
            let header: Vec<String> = rows[0].iter().map(ToString::to_string).collect();
            assert_eq!(header[0], m.t(lang, "exports-col-rank"));
            assert_eq!(header[1], code_of(&m, lang, "exports-col-occupation"));
            assert_eq!(header[2], m.t(lang, "exports-col-occupation"));
            let codes: Vec<String> = rows[1..].iter().map(|r| r[1].to_string()).collect();
            assert_eq!(codes, on_list, "{lang}: exactly the occupations on the list");
            for r in &rows[1..] {
                assert!(matches!(r[0], Data::Float(_)) && matches!(r[5], Data::Float(_)), "{lang}: {r:?}");
            }
            // The version's facts: its dates are dates (2026-01-01 is Excel's day 46023).
            let about = book.worksheet_range("about").unwrap();
            let effective = about
                .rows()
                .find(|r| r[0].to_string() == m.t(lang, "lists-effective"))
                .expect("the date it took effect");
            match &effective[1] {
                Data::DateTime(d) => assert_eq!(d.as_f64(), 46023.0, "{lang}"),
                other => panic!("{lang}: not a date: {other:?}"),
            }
            assert_laid_out(&bytes, header.len(), Some(format));
        }
        // For programs: the snake_case names in the workbook too.
        let (_, _, bytes) =
            download(&h, None, "kk", &format!("/lists/{id}/download/xlsx?headers=machine")).await;
        let mut book: calamine::Xlsx<_> =
            calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
        let sheet = book.worksheet_range("list").unwrap();
        assert_eq!(sheet.get((0, 7)), Some(&Data::String("on_list".into())));
        h.cleanup().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_register_s_figures_alerts_and_audit_download_in_the_reader_s_words() {
    let m = Messages::load();
    for h in Harness::both().await {
        eprintln!("on {}", h.backend());
        fx::travellers(&h).await;
        for lang in ["ru", "kk"] {
            // The register's figures: a word for each figure and kind, the country's name.
            let (header, rows) = csv_of(&h, Some(Role::Analyst), lang, "/analysis/register.csv").await;
            assert_eq!(
                header,
                words(
                    &m,
                    lang,
                    &[
                        "exports-col-figure",
                        "exports-col-code",
                        "exports-col-name",
                        "exports-col-kind",
                        "exports-col-count"
                    ]
                ),
                "{lang}"
            );
            let uzbekistan = ashyq_core::country::by_alpha3("UZB").unwrap().name(lang).to_string();
            let row = rows.iter().find(|r| r[1] == "UZB").expect("Ali's citizenship");
            assert_eq!(row[0], m.t(lang, "exports-figure-present_by_citizenship"));
            assert_eq!((row[2].as_str(), row[4].as_str()), (uzbekistan.as_str(), "1"));

            // The overstayers: the nationality's code, and its name beside it.
            let (header, rows) =
                csv_of(&h, Some(Role::Admin), lang, "/register/alerts.csv?list=overstayers").await;
            let expected = vec![
                m.t(lang, "of-csv-person"),
                m.t(lang, "reg-person"),
                code_of(&m, lang, "reg-nationality"),
                m.t(lang, "reg-nationality"),
                m.t(lang, "reg-since"),
                m.t(lang, "reg-overstay-since"),
                m.t(lang, "reg-overstay-days"),
            ];
            assert_eq!(header, expected, "{lang}");
            let ali = rows.iter().find(|r| r[1] == "KARIMOV ALI").expect("Ali overstays");
            assert_eq!((ali[2].as_str(), ali[3].as_str()), ("UZB", uzbekistan.as_str()));
            assert!(
                ali[4].parse::<Date>().is_ok() && ali[5].parse::<Date>().is_ok(),
                "dates as ISO 8601: {ali:?}"
            );
            assert!(machine_number(&ali[6]), "{ali:?}");

            // The audit log: the role's and the action's codes, their words beside them.
            let (header, rows) = csv_of(&h, Some(Role::Admin), lang, "/admin/audit.csv").await;
            let expected = vec![
                m.t(lang, "audit-seq"),
                m.t(lang, "audit-at"),
                m.t(lang, "audit-actor"),
                code_of(&m, lang, "audit-role"),
                m.t(lang, "audit-role"),
                m.t(lang, "of-audit-code"),
                m.t(lang, "audit-action"),
                m.t(lang, "audit-object"),
                m.t(lang, "audit-request"),
                m.t(lang, "of-audit-detail"),
            ];
            assert_eq!(header, expected, "{lang}");
            let read = rows.iter().find(|r| r[5] == "register.alerts.export").expect("the alerts' download");
            assert_eq!((read[2].clone(), read[3].as_str()), (username(Role::Admin), "admin"));
            assert_ne!(read[6], read[5], "{lang}: the action in words");
        }

        // For programs: the snake_case names; the alerts exactly as the API gives them.
        let (header, _) =
            csv_of(&h, Some(Role::Analyst), "ru", "/analysis/register.csv?headers=machine").await;
        assert_eq!(header, ["figure", "code", "name", "kind", "count"]);
        let page =
            download(&h, Some(Role::Admin), "kk", "/register/alerts.csv?list=overstayers&headers=machine")
                .await;
        let token = h.bearer(Role::Admin).await;
        let req = Request::get("/api/v1/register/alerts/overstayers?format=csv")
            .header("authorization", format!("Bearer {token}"))
            .body(Body::empty())
            .unwrap();
        let api = h.send(req).await;
        assert_eq!(api.status, 200, "{}", api.body);
        assert_eq!(String::from_utf8(page.2).unwrap(), api.body, "the page's file for programs is the API's");
        let (header, _) = csv_of(&h, Some(Role::Admin), "kk", "/admin/audit.csv?headers=machine").await;
        assert_eq!(
            header,
            ["seq", "at", "actor", "role", "action", "object_type", "object_id", "request_id", "detail"]
        );

        // The figures' workbook: headed in Kazakh, laid out like every workbook.
        let (status, kind, bytes) = download(&h, Some(Role::Analyst), "kk", "/analysis/register.xlsx").await;
        assert_eq!((status, kind.as_str()), (200, XLSX));
        let mut book: calamine::Xlsx<_> =
            calamine::open_workbook_from_rs(std::io::Cursor::new(bytes.clone())).unwrap();
        let sheet = book.worksheet_range("register").unwrap();
        assert_eq!(sheet.get((0, 0)), Some(&Data::String(m.t("kk", "exports-col-figure"))));
        assert!(sheet.rows().skip(1).all(|r| matches!(r[4], Data::Float(_))), "counts are numbers");
        assert_laid_out(&bytes, 5, None);

        // The pages link the files for programs.
        let page = h.get_as(Some(h.user(Role::Analyst)), "ru", "/analysis/register").await;
        assert!(page.body.contains("href=\"/analysis/register.csv?headers=machine\""), "{}", page.body);
        let page = h.get_as(Some(h.user(Role::Admin)), "ru", "/register/alerts").await;
        assert!(page.body.contains("id=\"csv-overstayers-machine\""));
        let page = h.get_as(Some(h.user(Role::Admin)), "ru", "/admin/audit").await;
        assert!(page.body.contains("id=\"audit-csv-machine\""));
        h.cleanup().await;
    }
}
