//! The analyst's uploads previewed before anything is written (issue 16): the counts of new,
//! updated, unchanged and rejected rows; nothing written before confirmation; confirmation
//! writing everything once; cancellation and expiry writing nothing; another analyst kept out;
//! errors naming row, column and field in the reader's words; the upload history's times; and
//! the warning before a second draft for a year. Over the API and on the pages, on SQLite and
//! (with `ASHYQ_TEST_POSTGRES_URL`) PostgreSQL.

use crate::common;

use ashyq_core::Role;
use ashyq_core::occupation::OccupationCode;
use ashyq_store::labour::preview::{self, PREVIEW_TTL};
use ashyq_store::users::{self, NewUser, User};
use ashyq_store::{Actor, tokens};
use axum::body::Body;
use axum::http::Request;
use common::labour::{self, OCCUPATIONS};
use common::{Harness, PASSWORD, Reply, esc};
use serde_json::{Value, json};

/// Calls the API with a bearer token; `body` as (content type, text).
async fn call(h: &Harness, token: &str, method: &str, uri: &str, body: Option<(&str, String)>) -> Reply {
    let mut req =
        Request::builder().method(method).uri(uri).header("authorization", format!("Bearer {token}"));
    let body = match body {
        Some((ct, text)) => {
            req = req.header("content-type", ct);
            Body::from(text)
        }
        None => Body::empty(),
    };
    h.send(req.body(body).unwrap()).await
}

fn expect(reply: &Reply, status: u16) -> Value {
    assert_eq!(reply.status, status, "{}", reply.body);
    reply.json()
}

/// A forecast file's preview over the API.
async fn preview_of(h: &Harness, token: &str, query: &str, csv: String) -> Reply {
    call(h, token, "POST", &format!("/api/v1/imports/forecast/preview{query}"), Some(("text/csv", csv))).await
}

async fn confirm(h: &Harness, token: &str, id: i64) -> Reply {
    call(h, token, "POST", &format!("/api/v1/imports/previews/{id}/confirm"), None).await
}

/// The national forecast need of 2025 of an occupation, as stored.
async fn need(h: &Harness, occupation: &str) -> u64 {
    let ind = ashyq_store::labour::read::indicators(&h.db, 2025, 30).await.unwrap();
    ind.of(&OccupationCode::parse(occupation).unwrap()).forecast_need
}

async fn imports_recorded(h: &Harness, token: &str) -> usize {
    expect(&call(h, token, "GET", "/api/v1/imports", None).await, 200).as_array().unwrap().len()
}

/// The forecast of the data set (2512: 40 in KZ-75 and 20 in KZ-71 for 2025) imported in one
/// step over the API, as before previews existed.
async fn baseline(h: &Harness, token: &str) {
    let csv = labour::forecast_csv(&OCCUPATIONS);
    let r = expect(&call(h, token, "POST", "/api/v1/imports/forecast", Some(("text/csv", csv))).await, 201);
    assert_eq!(r["inserted"], 9, "{r}");
}

/// Against the baseline: row 2 unchanged, row 3 updated (20 → 25), row 4 new (2111), row 5 an
/// unknown region, row 6 an unknown occupation.
fn mixed_csv() -> String {
    "year,region,occupation,additional_need\n\
     2025,KZ-75,2512,40\n\
     2025,KZ-71,2512,25\n\
     2025,KZ-75,2111,5\n\
     2025,KZ-99,2512,1\n\
     2025,KZ-75,9999,7\n"
        .to_string()
}

/// A second analyst, with a bearer token.
async fn other_analyst(h: &Harness) -> (User, String) {
    let new = NewUser {
        username: "second-analyst".into(),
        display_name: "Second analyst".into(),
        role: Role::Analyst,
        region: None,
        password: PASSWORD.into(),
    };
    let user = users::create(&h.db, &Actor::cli(), new).await.unwrap();
    let token = tokens::create(&h.db, &Actor::cli(), &user, "test", None).await.unwrap().0;
    (user, token)
}

#[tokio::test]
async fn a_preview_counts_and_writes_nothing_until_confirmed_then_everything_once() {
    for h in Harness::both().await {
        let analyst = h.bearer(Role::Analyst).await;
        baseline(&h, &analyst).await;
        assert_eq!((need(&h, "2512").await, need(&h, "2111").await), (60, 0), "{}", h.backend());

        let p = expect(
            &preview_of(&h, &analyst, "?skip_invalid=true&file_name=mixed.csv", mixed_csv()).await,
            201,
        );
        let counts = ["rows_read", "new", "updated", "unchanged", "rejected"].map(|k| p[k].as_u64().unwrap());
        assert_eq!(counts, [5, 1, 1, 1, 2], "{}: {p}", h.backend());
        assert_eq!(p["state"], "preview");
        assert_eq!(p["confirmable"], true);
        // The errors name row, column letter and field.
        let errors = p["errors"].as_array().unwrap();
        assert_eq!(errors.len(), 2, "{p}");
        assert_eq!((errors[0]["row"].as_u64(), errors[0]["column"].as_str()), (Some(5), Some("B")), "{p}");
        assert_eq!(errors[0]["field"], "region");
        assert_eq!((errors[1]["row"].as_u64(), errors[1]["column"].as_str()), (Some(6), Some("C")), "{p}");
        assert_eq!(errors[1]["field"], "occupation");
        // The sample of updates: old → new.
        let update = &p["updates"][0];
        assert_eq!(update["row"], 3, "{p}");
        assert_eq!(update["key"], json!(["2025", "KZ-71", "2512"]));
        assert_eq!(update["changes"], json!([{"field": "additional_need", "old": "20", "new": "25"}]));

        // Nothing is written before confirmation.
        assert_eq!((need(&h, "2512").await, need(&h, "2111").await), (60, 0), "{}", h.backend());
        assert_eq!(imports_recorded(&h, &analyst).await, 1);
        let id = p["id"].as_i64().unwrap();
        let shown =
            expect(&call(&h, &analyst, "GET", &format!("/api/v1/imports/previews/{id}"), None).await, 200);
        assert_eq!(shown["new"], 1);

        // Confirmed: everything is written, in one import.
        let done = expect(&confirm(&h, &analyst, id).await, 201);
        assert_eq!(done["written_now"], true);
        let written = ["inserted", "updated", "unchanged", "rejected"].map(|k| done[k].as_i64().unwrap());
        assert_eq!(written, [1, 1, 1, 2], "{}: {done}", h.backend());
        assert_eq!((need(&h, "2512").await, need(&h, "2111").await), (65, 5), "{}", h.backend());
        assert_eq!(imports_recorded(&h, &analyst).await, 2);

        // Confirming again writes nothing and answers the same import.
        let again = expect(&confirm(&h, &analyst, id).await, 200);
        assert_eq!(
            (again["written_now"].as_bool(), again["import_id"].as_i64()),
            (Some(false), done["import_id"].as_i64())
        );
        assert_eq!(imports_recorded(&h, &analyst).await, 2);
        assert_eq!(need(&h, "2512").await, 65);
        // Nor can a written preview be cancelled.
        let p = call(&h, &analyst, "POST", &format!("/api/v1/imports/previews/{id}/cancel"), None)
            .await
            .problem(409);
        assert_eq!(p["code"], "confirmed");
        h.cleanup().await;
    }
}

#[tokio::test]
async fn bad_rows_not_set_aside_block_the_confirmation() {
    for h in Harness::both().await {
        let analyst = h.bearer(Role::Analyst).await;
        baseline(&h, &analyst).await;
        let p = expect(&preview_of(&h, &analyst, "", mixed_csv()).await, 201);
        assert_eq!((p["rejected"].as_u64(), p["confirmable"].as_bool()), (Some(2), Some(false)), "{p}");
        let id = p["id"].as_i64().unwrap();
        let problem = confirm(&h, &analyst, id).await.problem(422);
        assert_eq!(problem["code"], "invalid_rows");
        assert_eq!((need(&h, "2512").await, need(&h, "2111").await), (60, 0), "{}", h.backend());
        assert_eq!(imports_recorded(&h, &analyst).await, 1);
        // A file whose header is not the source's stages nothing, and says which row.
        let bad = "year,region,occupation\n2025,KZ-75,2512\n".to_string();
        let problem = preview_of(&h, &analyst, "?file_name=short.csv", bad).await.problem(422);
        assert_eq!(problem["code"], "invalid_header");
        assert!(problem["errors"][0]["field"].as_str().is_some_and(|f| f == "short.csv:1"), "{problem}");
        assert!(
            problem["errors"][0]["message"].as_str().is_some_and(|m| m.contains("additional_need")),
            "{problem}"
        );
        h.cleanup().await;
    }
}

#[tokio::test]
async fn cancelled_and_expired_previews_write_nothing() {
    for h in Harness::both().await {
        let analyst = h.bearer(Role::Analyst).await;
        baseline(&h, &analyst).await;
        let id = expect(&preview_of(&h, &analyst, "?skip_invalid=true", mixed_csv()).await, 201)["id"]
            .as_i64()
            .unwrap();
        let r = call(&h, &analyst, "POST", &format!("/api/v1/imports/previews/{id}/cancel"), None).await;
        assert_eq!(r.status, 204, "{}", r.body);
        confirm(&h, &analyst, id).await.problem(404);
        assert_eq!((need(&h, "2512").await, need(&h, "2111").await), (60, 0), "{}", h.backend());

        // An hour later a preview cannot be confirmed, and is discarded.
        let id = expect(&preview_of(&h, &analyst, "?skip_invalid=true", mixed_csv()).await, 201)["id"]
            .as_i64()
            .unwrap();
        let later = jiff::Timestamp::now() + PREVIEW_TTL + jiff::SignedDuration::from_micros(1);
        let actor = Actor {
            user_id: Some(h.user(Role::Analyst).id),
            username: h.user(Role::Analyst).username.clone(),
            role: Role::Analyst,
            request_id: "expiry".into(),
        };
        assert!(
            !preview::confirm(&h.db, &actor, id, later).await.unwrap(),
            "an expired preview was confirmed"
        );
        assert_eq!(preview::discard_expired(&h.db, later).await.unwrap(), 1);
        confirm(&h, &analyst, id).await.problem(404);
        assert_eq!((need(&h, "2512").await, need(&h, "2111").await), (60, 0), "{}", h.backend());
        assert_eq!(imports_recorded(&h, &analyst).await, 1);
        h.cleanup().await;
    }
}

#[tokio::test]
async fn another_analyst_can_neither_see_nor_confirm_nor_cancel_ones_preview() {
    for h in Harness::both().await {
        let analyst = h.bearer(Role::Analyst).await;
        baseline(&h, &analyst).await;
        let (other, other_token) = other_analyst(&h).await;
        let id = expect(&preview_of(&h, &analyst, "?skip_invalid=true", mixed_csv()).await, 201)["id"]
            .as_i64()
            .unwrap();
        for (method, path) in [("GET", ""), ("POST", "/confirm"), ("POST", "/cancel")] {
            let uri = format!("/api/v1/imports/previews/{id}{path}");
            let p = call(&h, &other_token, method, &uri, None).await.problem(403);
            assert_eq!(p["code"], "not_yours", "{method} {uri}");
        }
        // On the pages too, in the reader's words.
        let page = h.get_as(Some(&other), "ru", &format!("/analysis/imports/{id}")).await;
        assert_eq!(page.status, 403, "{}", page.body);
        assert!(page.body.contains(&esc("только он может его просмотреть")), "{}", page.body);
        let page = h.post_form_as(&other, "en", &format!("/analysis/imports/{id}/confirm"), &[]).await;
        assert_eq!(page.status, 403, "{}", page.body);
        assert_eq!(need(&h, "2111").await, 0, "{}", h.backend());
        // Its owner still can.
        expect(&confirm(&h, &analyst, id).await, 201);
        assert_eq!(need(&h, "2111").await, 5, "{}", h.backend());
        h.cleanup().await;
    }
}

/// The analysis page's upload form as `who`, in `lang`: (field, value) pairs then the file.
async fn upload_page(
    h: &Harness,
    who: &User,
    lang: &str,
    fields: &[(&str, &str)],
    name: &str,
    file: &str,
) -> Reply {
    let (cookie, csrf) = h.session_of(who).await;
    let mut body = String::new();
    for (k, v) in [("csrf", csrf.as_str())].iter().chain(fields) {
        body.push_str(&format!("--XB\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n"));
    }
    body.push_str(&format!(
        "--XB\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\nContent-Type: text/csv\r\n\r\n{file}\r\n--XB--\r\n"
    ));
    let req = Request::post("/analysis/imports")
        .header("cookie", format!("{cookie}; ashyq_lang={lang}"))
        .header("content-type", "multipart/form-data; boundary=XB")
        .body(Body::from(body))
        .unwrap();
    h.send(req).await
}

/// The preview id a page upload redirected to.
fn preview_id(reply: &Reply) -> i64 {
    assert_eq!(reply.status, 303, "{}", reply.body);
    let to = reply.header("location");
    to.strip_prefix("/analysis/imports/")
        .and_then(|id| id.parse().ok())
        .unwrap_or_else(|| panic!("redirected to {to}"))
}

#[tokio::test]
async fn on_the_pages_errors_name_row_column_and_field_and_confirmation_writes() {
    for h in Harness::both().await {
        let analyst_token = h.bearer(Role::Analyst).await;
        baseline(&h, &analyst_token).await;
        let analyst = h.user(Role::Analyst).clone();

        // Bad rows, not to be set aside: the errors in Russian, and no button to write.
        let id = preview_id(
            &upload_page(&h, &analyst, "ru", &[("source", "forecast")], "mixed.csv", &mixed_csv()).await,
        );
        let page = h.get_as(Some(&analyst), "ru", &format!("/analysis/imports/{id}")).await;
        assert_eq!(page.status, 200, "{}", page.body);
        let region = "mixed.csv: строка 5, столбец B (region): «KZ-99» — не регион";
        assert!(page.body.contains(&esc(region)), "{}: {}", h.backend(), page.body);
        let occupation = "mixed.csv: строка 6, столбец C (occupation): 9999 — нет такой начальной группы";
        assert!(page.body.contains(&esc(occupation)), "{}", page.body);
        assert!(
            page.body.contains("id=\"count-new\">1<") && page.body.contains("id=\"count-updated\">1<"),
            "{}",
            page.body
        );
        assert!(page.body.contains("additional_need: 20 → 25"), "{}", page.body);
        assert!(!page.body.contains("id=\"confirm\""), "a blocked preview offers to write: {}", page.body);
        assert!(page.body.contains("id=\"blocked\""), "{}", page.body);
        // Cancelled: back to the dashboard, nothing written.
        let r = h.post_form_as(&analyst, "en", &format!("/analysis/imports/{id}/cancel"), &[]).await;
        assert_eq!((r.status, r.header("location")), (303, "/analysis?done=previewcancelled"), "{}", r.body);
        assert_eq!(need(&h, "2111").await, 0);

        // Many bad rows: the first ones shown, with how many more.
        let mut many = String::from("year,region,occupation,additional_need\n");
        for _ in 0..60 {
            many.push_str("2025,KZ-99,2512,1\n");
        }
        let id =
            preview_id(&upload_page(&h, &analyst, "en", &[("source", "forecast")], "many.csv", &many).await);
        let page = h.get_as(Some(&analyst), "en", &format!("/analysis/imports/{id}")).await;
        assert_eq!(page.body.matches("many.csv: row ").count(), 50, "{}", page.body);
        assert!(page.body.contains("… and 10 more errors not shown."), "{}", page.body);

        // Set aside, then confirmed with the form's token: written, and the history says when and who.
        let fields = [("source", "forecast"), ("skip_invalid", "1")];
        let id = preview_id(&upload_page(&h, &analyst, "en", &fields, "mixed.csv", &mixed_csv()).await);
        let page = h.get_as(Some(&analyst), "en", &format!("/analysis/imports/{id}")).await;
        assert!(page.body.contains("id=\"confirm\""), "{}", page.body);
        assert_eq!(need(&h, "2111").await, 0, "written before confirmation");
        // Without the form's token nothing happens.
        let (cookie, _) = h.session_of(&analyst).await;
        let forged = Request::post(format!("/analysis/imports/{id}/confirm"))
            .header("cookie", cookie)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(Body::from("csrf=forged"))
            .unwrap();
        assert_eq!(h.send(forged).await.status, 403);
        assert_eq!(need(&h, "2111").await, 0, "written without the form's token");
        let r = h.post_form_as(&analyst, "en", &format!("/analysis/imports/{id}/confirm"), &[]).await;
        assert_eq!(
            (r.status, r.header("location")),
            (303, format!("/analysis?imported={id}").as_str()),
            "{}",
            r.body
        );
        assert_eq!(need(&h, "2111").await, 5, "{}", h.backend());
        // Twice: the same import, written once.
        let r = h.post_form_as(&analyst, "en", &format!("/analysis/imports/{id}/confirm"), &[]).await;
        assert_eq!(r.header("location"), format!("/analysis?imported={id}"));
        assert_eq!(imports_recorded(&h, &analyst_token).await, 2);

        let ru = h.get_as(Some(&analyst), "ru", "/analysis").await;
        let today = ashyq_store::zoned(jiff::Timestamp::now(), ashyq_core::zone::COUNTRY).date();
        let date = format!("{:02}.{:02}.{} ", today.day(), today.month(), today.year());
        assert!(ru.body.contains(&date), "no date {date} in the history: {}", ru.body);
        assert!(ru.body.contains(&analyst.username), "{}", ru.body);
        let en = h.get_as(Some(&analyst), "en", "/analysis").await;
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
        let date = format!("{} {} {}, ", today.day(), months[today.month() as usize - 1], today.year());
        assert!(en.body.contains(&date), "no date {date} in the history: {}", en.body);

        // A header that is not the source's: refused on the dashboard, naming the file.
        let r = upload_page(
            &h,
            &analyst,
            "en",
            &[("source", "forecast")],
            "short.csv",
            "year,region\n2025,KZ-75\n",
        )
        .await;
        assert_eq!(r.status, 422, "{}", r.body);
        assert!(
            r.body.contains("short.csv: the header row does not have the columns of this source"),
            "{}",
            r.body
        );
        // Bad rows set aside and the good ones written: the dashboard then names the rows set
        // aside in the reader's language, as the preview did.
        let fields = [("source", "forecast"), ("skip_invalid", "1")];
        let id = preview_id(&upload_page(&h, &analyst, "ru", &fields, "mixed.csv", &mixed_csv()).await);
        let r = h.post_form_as(&analyst, "ru", &format!("/analysis/imports/{id}/confirm"), &[]).await;
        assert_eq!(r.status, 303, "{}", r.body);
        let done = h.get_as(Some(&analyst), "ru", &format!("/analysis?imported={id}")).await;
        let region = "mixed.csv: строка 5, поле region: «KZ-99» — не регион";
        assert!(done.body.contains(&esc(region)), "{}: {}", h.backend(), done.body);
        assert!(!done.body.contains("is not a region"), "English on a Russian page: {}", done.body);
        h.cleanup().await;
    }
}

#[tokio::test]
async fn a_second_draft_for_a_year_waits_for_confirmation() {
    for h in Harness::both().await {
        labour::import(&h, &Actor::cli(), &OCCUPATIONS).await;
        let analyst_token = h.bearer(Role::Analyst).await;
        let analyst = h.user(Role::Analyst).clone();
        let new = |force: bool| json!({"period": 2025, "force": force});
        let post = |body: Value| {
            call(&h, &analyst_token, "POST", "/api/v1/lists", Some(("application/json", body.to_string())))
        };
        let first = expect(&post(new(false)).await, 201)["id"].as_i64().unwrap();
        let p = post(new(false)).await.problem(409);
        assert_eq!(p["code"], "draft_exists");
        assert!(p["detail"].as_str().is_some_and(|d| d.contains(&format!("list {first} for 2025"))), "{p}");
        let lists_now = || async {
            expect(&call(&h, &analyst_token, "GET", "/api/v1/lists", None).await, 200)
                .as_array()
                .unwrap()
                .len()
        };
        assert_eq!(lists_now().await, 1);
        let second = expect(&post(new(true)).await, 201)["id"].as_i64().unwrap();
        assert_ne!(first, second);
        // Another year is not held up.
        expect(
            &call(
                &h,
                &analyst_token,
                "POST",
                "/api/v1/lists",
                Some(("application/json", json!({"period": 2024}).to_string())),
            )
            .await,
            201,
        );

        // On the page: the warning in the reader's words, naming the lists, and a button to go on.
        let page =
            h.post_form_as(&analyst, "kk", "/analysis/lists", &[("period", "2025"), ("note", "again")]).await;
        assert_eq!(page.status, 409, "{}", page.body);
        let warned = format!(
            "2025 жылға тізім қалыптастырылып жатыр: № {second} тізім (жоба), № {first} тізім (жоба)."
        );
        assert!(page.body.contains(&esc(&warned)), "{}: {}", h.backend(), page.body);
        assert!(page.body.contains("name=\"force\" value=\"1\""), "{}", page.body);
        assert_eq!(lists_now().await, 3);
        let page = h
            .post_form_as(
                &analyst,
                "kk",
                "/analysis/lists",
                &[("period", "2025"), ("note", "again"), ("force", "1")],
            )
            .await;
        assert_eq!(page.status, 303, "{}", page.body);
        assert_eq!(lists_now().await, 4);
        h.cleanup().await;
    }
}
