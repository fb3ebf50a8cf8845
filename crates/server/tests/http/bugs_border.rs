//! The border check of a person whose record holds a permit but no crossing (a permanent
//! resident whose permit came from the case workflow): the page said "not in the country, left
//! the country" and did not show the permit. It now says that no entry or exit is recorded, and
//! shows the visas, permits and registrations the status rests on, with their validity; the API's
//! answer carries them too. A person who did leave is still told so.

use crate::common;

use ashyq_core::Role;
use ashyq_store::pipeline::Input;
use ashyq_store::pipeline::Quiet;
use ashyq_store::register::{self, RegisterFile};
use ashyq_store::{Actor, today};
use axum::body::Body;
use axum::http::Request;
use common::browser::Messages;
use common::register::{self as fx, ago};
use common::{Harness, esc};
use jiff::ToSpan;
use serde_json::json;

const FARHOD: &str = "P,TJK,400123456,TJK,RAHIMOV,FARHOD,1988-03-04,M,2032-01-01";
const IDENTITY: &str =
    "document_type,issuing_state,document_number,nationality,surname,given_names,birth_date,sex,expiry_date";

async fn import(h: &Harness, file: RegisterFile, text: String) {
    let policy = ashyq_core::policy::Policy::kz().unwrap();
    let input = Input::from_bytes(text.into_bytes());
    let r = register::import(&h.db, &Actor::cli(), &policy, file, "t.csv", input, &mut Quiet)
        .await
        .expect("the import runs");
    assert!(r.committed, "{:?}", r.errors);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_permit_holder_without_crossings_is_not_said_to_have_left() {
    let m = Messages::load();
    for h in Harness::both().await {
        let be = h.backend();
        let from = ago(30);
        let until = today().checked_add(10.years()).unwrap();
        import(
            &h,
            RegisterFile::Permits,
            format!(
                "permit_number,kind,valid_from,valid_until,cancelled_on,{IDENTITY}\n\
                 PR-2026-000417,permanent_residence,{from},{until},,{FARHOD}\n"
            ),
        )
        .await;
        let (reg_from, reg_until) = (ago(20), today().checked_add(200.days()).unwrap());
        import(
            &h,
            RegisterFile::Registrations,
            format!(
                "registration_id,kind,region,address,host,from,until,notified_on,employer_bin,permit_number,\
                 {IDENTITY}\nREG-FR-1,stay,KZ-75,\"Abai 1, Almaty\",ALMATY HOST LLP,{reg_from},{reg_until},\
                 {reg_from},,,{FARHOD}\n"
            ),
        )
        .await;
        // Anna entered and left: she did leave, and is told so.
        fx::import(
            &h,
            &[
                fx::event("BB-ANNA-1", "entry", ago(40), "ALA", fx::ANNA),
                fx::event("BB-ANNA-2", "exit", ago(10), "ALA", fx::ANNA),
            ],
        )
        .await;

        for lang in ["ru", "kk"] {
            let fields = [("issuing_state", "TJK"), ("document_number", "400123456")];
            let r = h.post_form_as(h.user(Role::Border), lang, "/border", &fields).await;
            assert_eq!(r.status, 200, "{be} {lang}: {}", r.body);
            let body = &r.body;
            // The permit, with its kind and validity.
            assert!(body.contains("PR-2026-000417"), "{be} {lang}: the permit is not shown: {body}");
            assert!(body.contains(&esc(&m.t(lang, "reg-permit-permanent-residence"))), "{be} {lang}: {body}");
            // Its dates as the page's language writes them.
            let in_lang =
                |d| ashyq_core::locale::date(d, ashyq_core::locale::Language::from_code(lang).unwrap());
            assert!(body.contains(&in_lang(from)) && body.contains(&in_lang(until)), "{be} {lang}: {body}");
            assert!(body.contains(&esc(&m.t(lang, "reg-validity-in-force"))), "{be} {lang}: {body}");
            // The registration at the place of stay.
            assert!(body.contains("REG-FR-1") || body.contains("Abai 1, Almaty"), "{be} {lang}: {body}");
            // Not "left the country": no entry or exit is recorded.
            assert!(
                !body.contains(&esc(&m.t(lang, "reg-basis-absent"))),
                "{be} {lang}: said to have left: {body}"
            );
            assert!(body.contains(&esc(&m.t(lang, "reg-status-unrecorded"))), "{be} {lang}: {body}");
            assert!(body.contains("data-status=\"unrecorded\""), "{be} {lang}: {body}");

            // Anna left: the page still says so.
            let fields = [("issuing_state", "DEU"), ("document_number", "C01X00T47")];
            let r = h.post_form_as(h.user(Role::Border), lang, "/border", &fields).await;
            assert_eq!(r.status, 200, "{be} {lang}: {}", r.body);
            assert!(r.body.contains(&esc(&m.t(lang, "reg-basis-absent"))), "{be} {lang}: {}", r.body);
            assert!(r.body.contains("data-status=\"absent\""), "{be} {lang}: {}", r.body);
        }

        // The API's answer carries the permits and registrations too; its status is unchanged:
        // not present (no entry recorded), lawful.
        let req = Request::post("/api/v1/register/check")
            .header("authorization", format!("Bearer {}", h.bearer(Role::Border).await))
            .header("content-type", "application/json")
            .body(Body::from(json!({ "issuing_state": "TJK", "document_number": "400123456" }).to_string()))
            .unwrap();
        let v = h.send(req).await.json();
        assert_eq!(v["permits"][0]["permit_number"], "PR-2026-000417", "{be}: {v}");
        assert_eq!(v["permits"][0]["valid_until"], until.to_string(), "{be}: {v}");
        assert_eq!(v["registrations"][0]["registration_id"], "REG-FR-1", "{be}: {v}");
        assert_eq!(
            (&v["status"]["present"], &v["status"]["lawful"]),
            (&json!(false), &json!(true)),
            "{be}: {v}"
        );
        h.cleanup().await;
    }
}
