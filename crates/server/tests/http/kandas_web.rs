//! The kandas officer's pages and API on both backends: the officer of the region sees the
//! family with the subsidies the core computes, assigns it and sees the quota left go down;
//! another region's officer is refused (403); the report by region follows.

use crate::common;

use ashyq_core::Role;
use ashyq_core::kandas::{Application, Member, Person};
use ashyq_store::users::{self, NewUser};
use ashyq_store::{Actor, sessions};
use axum::body::Body;
use axum::http::Request;
use common::{Harness, PASSWORD};
use jiff::civil::date;

fn family() -> Application {
    let person = |given: &str, y| Person {
        surname: "SERIK".into(),
        given_names: given.into(),
        birth_date: date(y, 3, 3),
    };
    Application {
        applicant: person("ARMAN", 1978),
        members: vec![
            Member { person: person("GULNAR", 1980), relation: "spouse".into() },
            Member { person: person("DANA", 2010), relation: "child".into() },
        ],
        origin: "MNG".into(),
        ethnic_kazakh: true,
        citizen: false,
        region: "KZ-59".into(),
    }
}

fn left(body: &str) -> i64 {
    let start =
        body.find("id=\"quota-left\">").expect("the quota left is shown") + "id=\"quota-left\">".len();
    body[start..].split('<').next().unwrap_or_default().trim().parse().expect("a number")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_officer_of_the_region_assigns_and_the_quota_left_goes_down() {
    for h in Harness::both().await {
        let officer = users::create(
            &h.db,
            &Actor::cli(),
            NewUser {
                username: "kandas.officer".into(),
                display_name: "Kandas officer".into(),
                role: Role::Officer,
                region: Some("KZ-59".into()),
                password: PASSWORD.into(),
            },
        )
        .await
        .unwrap();
        let (token, s) = sessions::create(&h.db, &officer, 3600).await.unwrap();
        let cookie = format!("ashyq_session={token}");
        let today = ashyq_store::today();
        let app = ashyq_store::kandas::create(&h.db, &Actor::cli(), None, "KD-WEB-1", &family(), today)
            .await
            .unwrap();
        let get = |path: String, cookie: String| {
            Request::get(path).header("cookie", cookie).body(Body::empty()).unwrap()
        };

        let queue = h.send(get("/kandas".into(), cookie.clone())).await;
        assert_eq!(queue.status, 200, "{}", h.backend());
        assert!(queue.body.contains("KD-WEB-1"));
        let before = left(&queue.body);
        let places = ashyq_core::kandas::quota(&h.state.policy, "KZ-59", today.year()).unwrap();
        assert_eq!(before, places);

        let page = h.send(get(format!("/kandas/{}", app.id), cookie.clone())).await;
        assert_eq!(page.status, 200);
        let due = ashyq_core::kandas::subsidies(&h.state.policy, "KZ-59", 3, today).unwrap();
        // The amounts for programs in the attribute, for people in the page's way of writing money.
        // The page is in Kazakh (the default of a browser that asks for no language).
        let money = |d| ashyq_core::locale::money(d, "KZT", ashyq_core::locale::Language::Kk);
        let shown = |id: &str, d| format!("id=\"{id}\" data-kzt=\"{d}\">{}<", money(d));
        assert!(page.body.contains(&shown("total-kzt", due.total_kzt)), "{}", page.body);
        assert!(page.body.contains(&shown("relocation-kzt", due.relocation_kzt)), "{}", page.body);
        assert!(!due.rent_kzt.is_zero(), "North Kazakhstan is designated");

        // test-officer works in KZ-75: another region's application is refused.
        let (other, other_csrf) = h.session(Role::Officer).await;
        assert_eq!(h.send(get(format!("/kandas/{}", app.id), other.clone())).await.status, 403);
        let post = |path: String, cookie: String, body: String| {
            Request::post(path)
                .header("cookie", cookie)
                .header("content-type", "application/x-www-form-urlencoded")
                .body(Body::from(body))
                .unwrap()
        };
        let refused =
            h.send(post(format!("/kandas/{}/assign", app.id), other, format!("csrf={other_csrf}"))).await;
        assert_eq!(refused.status, 403);
        let bearer = h.bearer(Role::Officer).await;
        let api = Request::post(format!("/api/v1/kandas/applications/{}/assign", app.id))
            .header("authorization", format!("Bearer {bearer}"))
            .body(Body::empty())
            .unwrap();
        assert_eq!(h.send(api).await.status, 403);

        let done = h
            .send(post(
                format!("/kandas/{}/assign", app.id),
                cookie.clone(),
                format!("csrf={}", s.csrf_token),
            ))
            .await;
        assert_eq!(done.status, 303, "{}", done.body);
        let queue = h.send(get("/kandas".into(), cookie.clone())).await;
        assert_eq!(left(&queue.body), before - 3);
        assert!(!queue.body.contains("KD-WEB-1"), "no longer waiting");
        let page = h.send(get(format!("/kandas/{}", app.id), cookie.clone())).await;
        assert!(page.body.contains("data-status=\"assigned\""));
        // Assigning twice is refused with the reason on the page.
        let again = h
            .send(post(
                format!("/kandas/{}/assign", app.id),
                cookie.clone(),
                format!("csrf={}", s.csrf_token),
            ))
            .await;
        assert_eq!(again.status, 409);

        // The report by region, for an analyst, with the chart.
        let analyst = h.bearer(Role::Analyst).await;
        let req = Request::get("/api/v1/kandas/report")
            .header("authorization", format!("Bearer {analyst}"))
            .body(Body::empty())
            .unwrap();
        let report = h.send(req).await.json();
        let line = report.as_array().unwrap().iter().find(|l| l["region"] == "KZ-59").unwrap().clone();
        assert_eq!(
            (line["used"].as_i64(), line["persons"].as_i64(), line["families"].as_i64()),
            (Some(3), Some(3), Some(1))
        );
        assert_eq!(line["subsidies_due_kzt"], due.total_kzt.to_string());
        let (acookie, _) = h.session(Role::Analyst).await;
        let page = h.send(get("/kandas/report".into(), acookie)).await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains("<svg class=\"chart\""));
        h.cleanup().await;
    }
}
