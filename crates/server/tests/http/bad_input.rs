//! Bad input to the API — malformed JSON, unknown fields, wrong types, wrong content type,
//! oversized bodies, bad paths and queries, garbage — always gets a 4xx problem, never a 5xx.

use crate::common;

use ashyq_core::Role;
use axum::body::Body;
use axum::http::Request;
use common::{Harness, Reply};

async fn post_json(h: &Harness, token: &str, path: &str, content_type: Option<&str>, body: Vec<u8>) -> Reply {
    let mut req = Request::post(path).header("authorization", format!("Bearer {token}"));
    if let Some(ct) = content_type {
        req = req.header("content-type", ct);
    }
    h.send(req.body(Body::from(body)).unwrap()).await
}

#[tokio::test]
async fn malformed_bodies_get_problem_details_that_say_where() {
    let h = Harness::new().await;
    let t = h.bearer(Role::Admin).await;
    let json = Some("application/json");

    let p = post_json(&h, &t, "/api/v1/users", json, b"{\"username\": \"x\",\n \"role\": }".to_vec())
        .await
        .problem(400);
    assert_eq!(p["code"], "bad_json");
    assert!(p["detail"].as_str().unwrap().contains("line 2"), "{p}");

    let p = post_json(&h, &t, "/api/v1/users", json, Vec::new()).await.problem(400);
    assert_eq!(p["code"], "bad_json");

    let body = br#"{"username":"a.b","display_name":"A","role":"analyst","password":"a long enough password","admin":true}"#;
    let p = post_json(&h, &t, "/api/v1/users", json, body.to_vec()).await.problem(422);
    assert!(p["errors"][0]["message"].as_str().unwrap().contains("unknown field `admin`"), "{p}");

    let body = br#"{"username":"a.b","display_name":"A","role":"analyst","password":12}"#;
    let p = post_json(&h, &t, "/api/v1/users", json, body.to_vec()).await.problem(422);
    assert_eq!(p["errors"][0]["field"], "password", "{p}");

    let body =
        br#"{"username":"a b","display_name":"A","role":"analyst","password":"a long enough password"}"#;
    let p = post_json(&h, &t, "/api/v1/users", json, body.to_vec()).await.problem(422);
    assert_eq!(p["errors"][0]["field"], "username", "{p}");

    let body =
        br#"{"username":"ab.c","display_name":"A","role":"minister","password":"a long enough password"}"#;
    let p = post_json(&h, &t, "/api/v1/users", json, body.to_vec()).await.problem(422);
    assert_eq!(p["errors"][0]["field"], "role", "{p}");

    let body = br#"{"username":"test-admin","display_name":"A","role":"analyst","password":"a long enough password"}"#;
    assert_eq!(
        post_json(&h, &t, "/api/v1/users", json, body.to_vec()).await.problem(409)["code"],
        "conflict"
    );
}

#[tokio::test]
async fn wrong_content_type_and_oversized_bodies_are_refused() {
    let h = Harness::new().await;
    let t = h.bearer(Role::Admin).await;
    let body = br#"{"name":"x"}"#.to_vec();
    for ct in [Some("text/plain"), Some("application/x-www-form-urlencoded"), None] {
        let p = post_json(&h, &t, "/api/v1/me/tokens", ct, body.clone()).await.problem(415);
        assert_eq!(p["code"], "unsupported_media_type");
    }
    assert_eq!(
        post_json(&h, &t, "/api/v1/me/tokens", Some("application/json; charset=utf-8"), body).await.status,
        201
    );

    let mut big = br#"{"name":""#.to_vec();
    big.extend(std::iter::repeat_n(b'x', 2 * 1024 * 1024));
    big.extend(br#""}"#);
    let p = post_json(&h, &t, "/api/v1/me/tokens", Some("application/json"), big).await.problem(413);
    assert_eq!(p["code"], "payload_too_large");
}

#[tokio::test]
async fn bad_paths_methods_queries_and_tokens_are_problems() {
    let h = Harness::new().await;
    let t = h.bearer(Role::Admin).await;
    let get = |uri: &str| {
        Request::get(uri).header("authorization", format!("Bearer {t}")).body(Body::empty()).unwrap()
    };
    assert_eq!(h.send(get("/api/v1/nothing-here")).await.problem(404)["code"], "not_found");
    assert_eq!(h.send(get("/api/v1/users/999999")).await.problem(404)["code"], "not_found");
    h.send(get("/api/v1/users/not-a-number")).await.problem(400);
    h.send(get("/api/v1/audit?limit=0")).await.problem(400);
    h.send(get("/api/v1/audit?limit=many")).await.problem(400);
    h.send(get("/api/v1/audit?bogus=1")).await.problem(400);
    let delete = Request::delete("/api/v1/me")
        .header("authorization", format!("Bearer {t}"))
        .body(Body::empty())
        .unwrap();
    h.send(delete).await.problem(405);
    let forged = Request::get("/api/v1/me")
        .header("authorization", "Bearer ashyq_forged")
        .body(Body::empty())
        .unwrap();
    let reply = h.send(forged).await;
    reply.problem(401);
    assert!(reply.header("www-authenticate").starts_with("Bearer"));
    // An unknown page is a translated page, not JSON.
    let page = h
        .send(Request::get("/no/such/page").header("accept-language", "ru").body(Body::empty()).unwrap())
        .await;
    assert_eq!(page.status, 404);
    assert!(page.body.contains("Страница не найдена"));
}

#[tokio::test]
async fn garbage_bodies_never_cause_a_server_error() {
    let h = Harness::new().await;
    let t = h.bearer(Role::Admin).await;
    // A small deterministic generator: the same garbage on every run.
    let mut x: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    let pieces: [&[u8]; 12] = [
        b"{",
        b"}",
        b"[",
        b"]",
        b"\"",
        b":",
        b",",
        b"null",
        b"\"role\"",
        b"\"password\"",
        b"1e999",
        b"\xff\xfe",
    ];
    for i in 0..300 {
        let len = (next() % 24) as usize;
        let body: Vec<u8> = (0..len).flat_map(|_| pieces[(next() % 12) as usize].to_vec()).collect();
        let path = ["/api/v1/users", "/api/v1/me/tokens", "/api/v1/me/password"][i % 3];
        let reply = post_json(&h, &t, path, Some("application/json"), body.clone()).await;
        assert!(
            (400..500).contains(&reply.status),
            "{path} with {:?} gave {}: {}",
            String::from_utf8_lossy(&body),
            reply.status,
            reply.body
        );
        reply.problem(reply.status);
    }
}

/// GET requests that reach dates, years, ids and limits at and past their edges: before any
/// rule of the policy, at the ends of the calendar, beyond `i64`. None may be a 5xx.
const ODD_GETS: &[&str] = &[
    "/api/v1/register/persons/{person}?on=2022-12-31",
    "/api/v1/register/persons/{person}?on=0001-01-01",
    "/api/v1/register/persons/{person}?on=9999-12-31",
    "/api/v1/register/persons/{person}?on=-009999-01-01",
    "/api/v1/register/persons/{person}?on=1970-01-01",
    "/api/v1/register/persons/9223372036854775807",
    "/api/v1/register/persons/9223372036854775808",
    "/api/v1/register/persons/-1",
    "/api/v1/register/overstayers?on=0001-01-01",
    "/api/v1/register/overstayers?on=9999-12-31",
    "/api/v1/register/overstayers?on=2022-12-31",
    "/api/v1/register/statistics?on=0001-01-01",
    "/api/v1/kandas/report?year=-10000",
    "/api/v1/kandas/report?year=0",
    "/api/v1/kandas/report?year=32767",
    "/api/v1/kandas/report?year=-32768",
    "/api/v1/kandas/report?year=99999",
    "/api/v1/kandas/applications/9223372036854775807",
    "/api/v1/published-lists/in-force?on=0001-01-01",
    "/api/v1/published-lists/in-force?on=9999-12-31",
    "/api/v1/published-lists/diff?from=-1&to=9223372036854775807",
    "/api/v1/published-lists/9223372036854775807",
    "/api/v1/published-lists/1/entries/9999",
    "/api/v1/occupations/2512/on-list?on=0001-01-01",
    "/api/v1/occupations/2512/on-list?on=9999-12-31",
    "/api/v1/occupations?q=x&limit=18446744073709551615",
    "/api/v1/occupations?q=x&limit=0",
    "/api/v1/permits?limit=-1",
    "/api/v1/permits?limit=9223372036854775807",
    "/api/v1/permits/overdue?on=0001-01-01",
    "/api/v1/permits/overdue?on=9999-12-31",
    "/api/v1/permits/9223372036854775807",
    "/api/v1/quotas?year=-10000",
    "/api/v1/quotas?year=9223372036854775807",
    "/api/v1/rounds/-9223372036854775808",
    "/api/v1/paryz/-9223372036854775808",
    "/api/v1/paryz/9223372036854775807",
    "/api/v1/paryz/0",
    "/api/v1/cases?older_than_days=9223372036854775807",
    "/api/v1/cases?older_than_days=-9223372036854775808",
    "/api/v1/cases?limit=-5",
    "/api/v1/cases/9223372036854775807/evidence/-9223372036854775808",
    "/api/v1/audit?limit=9223372036854775807",
    "/api/v1/lists/9223372036854775807?revision=-9223372036854775808",
    "/api/v1/lists/1/regions/KZ-75",
    "/api/v1/abroad/cases?worker_id=-9223372036854775808",
    "/api/v1/abroad/workers/9223372036854775807",
    "/api/v1/users/-9223372036854775808",
    "/register/persons/{person}?on=2022-12-31",
    "/register/persons/{person}?on=0001-01-01",
    "/register/persons/{person}?on=9999-12-31",
    "/register/persons/9223372036854775807",
    "/register/alerts?days=9223372036854775807",
    "/register/alerts?days=-5",
    "/lists?on=0001-01-01",
    "/lists?on=9999-12-31",
    "/lists/diff?from=-9223372036854775808&to=9223372036854775807",
    "/lists/9223372036854775807",
    "/lists/1/occupations/2512",
    "/kandas/report?year=-10000",
    "/kandas/report?year=99999",
    "/kandas/9223372036854775807",
    "/paryz/-9223372036854775808",
    "/paryz/0",
    "/rounds/9223372036854775807",
    "/analysis/lists/9223372036854775807?revision=-1",
    "/cases?age=-99999999999999999999",
    "/cases/9223372036854775807",
    "/permits/9223372036854775807",
    "/abroad/workers/9223372036854775807",
    "/abroad/cases/9223372036854775807",
    "/admin/audit?limit=-1",
];

#[tokio::test]
async fn dates_years_and_ids_at_their_edges_are_never_a_server_error() {
    for h in Harness::both().await {
        common::register::travellers(&h).await;
        let person = common::register::person_of(&h, "UZB", "FA1234567").await.to_string();
        let mut failures = Vec::new();
        for uri in ODD_GETS {
            let uri = uri.replace("{person}", &person);
            for role in [Role::Admin, Role::Officer, Role::Analyst] {
                let reply = if uri.starts_with("/api/") {
                    let t = h.bearer(role).await;
                    let req = Request::get(&uri).header("authorization", format!("Bearer {t}"));
                    h.send(req.body(Body::empty()).unwrap()).await
                } else {
                    h.get_as(Some(h.user(role)), "en", &uri).await
                };
                if reply.status >= 500 {
                    failures.push(format!(
                        "{} {uri} as {role}: {} {}",
                        h.backend(),
                        reply.status,
                        reply.body.chars().take(300).collect::<String>()
                    ));
                }
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
        // What the answers say: the day or the year, and why.
        let t = h.bearer(Role::Officer).await;
        let get = |uri: String| {
            Request::get(uri).header("authorization", format!("Bearer {t}")).body(Body::empty()).unwrap()
        };
        for day in ["2022-12-31", "0001-01-01"] {
            let p = h.send(get(format!("/api/v1/register/persons/{person}?on={day}"))).await.problem(422);
            assert_eq!(p["errors"][0]["field"], "on", "{p}");
            assert!(
                p["detail"].as_str().unwrap().contains(&format!("no stay rule is in force on {day}")),
                "{p}"
            );
        }
        // Centuries ahead would hold the request for minutes (every day up to it is counted).
        for uri in [
            "/api/v1/register/overstayers?on=2323-06-01",
            &format!("/api/v1/register/persons/{person}?on=9999-12-31"),
        ] {
            let p = h.send(get(uri.to_string())).await.problem(422);
            assert_eq!(p["errors"][0]["field"], "on", "{p}");
            assert!(p["detail"].as_str().unwrap().contains("more than a year ahead"), "{p}");
        }
        let p = h.send(get("/api/v1/kandas/report?year=-10000".into())).await.problem(422);
        assert_eq!(p["errors"][0]["field"], "year", "{p}");
        h.send(get("/api/v1/kandas/report?year=99999".into())).await.problem(400);
        h.send(get("/api/v1/register/persons/9223372036854775808".into())).await.problem(400);
        let page = h
            .get_as(Some(h.user(Role::Officer)), "ru", &format!("/register/persons/{person}?on=2022-12-31"))
            .await;
        assert_eq!(page.status, 422);
        // The date as Russian writes it.
        assert!(page.body.contains("31.12.2022") && page.body.contains("не действует"), "{}", page.body);
        h.cleanup().await;
    }
}

/// The body `template` with `bad` (escaped as JSON) where its `@` is.
fn with_text(template: &str, bad: &str) -> String {
    let quoted = serde_json::to_string(bad).unwrap();
    template.replace('@', &quoted[1..quoted.len() - 1])
}

#[tokio::test]
async fn control_characters_and_overlong_names_are_422s_naming_the_field_on_both_backends() {
    // (role, path, body with @ where the bad text goes, the field the problem must name)
    let cases: &[(Role, &str, &str, &str)] = &[
        (
            Role::Public,
            "/api/v1/signup",
            r#"{"username":"nul-user","display_name":"A@","email":"nul@example.kz","password":"a long enough password"}"#,
            "display_name",
        ),
        (
            Role::Public,
            "/api/v1/signup",
            r#"{"username":"nul@user","display_name":"A","email":"nul@example.kz","password":"a long enough password"}"#,
            "username",
        ),
        (
            Role::Admin,
            "/api/v1/users",
            r#"{"username":"nul.user","display_name":"A@","role":"analyst","password":"a long enough password"}"#,
            "display_name",
        ),
        (Role::Admin, "/api/v1/me/tokens", r#"{"name":"t@"}"#, "name"),
        (
            Role::Officer,
            "/api/v1/kandas/applications",
            r#"{"reference":"KD-1","facts":{"applicant":{"surname":"S@","given_names":"K","birth_date":"1985-02-02"},"members":[],"origin":"CHN","ethnic_kazakh":true,"region":"KZ-75"}}"#,
            "facts.applicant.surname",
        ),
        (
            Role::Officer,
            "/api/v1/register/check",
            r#"{"issuing_state":"UZ@B","document_number":"FA1"}"#,
            "issuing_state",
        ),
        (
            Role::Officer,
            "/api/v1/abroad/agreements",
            r#"{"reference":"ag-1","country":"TUR","title":"T@","status":"negotiating","covers":["employment"]}"#,
            "title",
        ),
        (Role::Analyst, "/api/v1/lists", r#"{"period":2025,"note":"n@"}"#, "note"),
    ];
    for h in Harness::both().await {
        for (role, path, template, field) in cases {
            for bad in ["\u{0}", "\u{1b}[31m"] {
                let body = with_text(template, bad);
                let mut req = Request::post(*path).header("content-type", "application/json");
                if *role != Role::Public {
                    req = req.header("authorization", format!("Bearer {}", h.bearer(*role).await));
                }
                let reply = h.send(req.body(Body::from(body.clone())).unwrap()).await;
                assert_eq!(reply.status, 422, "{} {path} {body}: {}", h.backend(), reply.body);
                let p = reply.problem(422);
                assert_eq!(p["errors"][0]["field"], *field, "{} {path}: {p}", h.backend());
                assert_eq!(p["errors"][0]["code"], "text-control", "{p}");
            }
        }
        // The 900,000-character surname of a kandas application.
        let t = h.bearer(Role::Officer).await;
        let body = with_text(cases[4].2, &"A".repeat(900_000));
        let req = Request::post("/api/v1/kandas/applications")
            .header("content-type", "application/json")
            .header("authorization", format!("Bearer {t}"));
        let p = h.send(req.body(Body::from(body)).unwrap()).await.problem(422);
        assert_eq!(p["errors"][0]["field"], "facts.applicant.surname", "{p}");
        let bidi = with_text(cases[4].2, "\u{202e}");
        let req = Request::post("/api/v1/kandas/applications")
            .header("content-type", "application/json")
            .header("authorization", format!("Bearer {t}"));
        let p = h.send(req.body(Body::from(bidi)).unwrap()).await.problem(422);
        assert!(p["detail"].as_str().unwrap().contains("applicant.surname"), "{p}");
        // Query parameters and path segments.
        for uri in
            ["/api/v1/occupations?q=a%00b", "/api/v1/abroad/workers?q=%00", "/api/v1/occupations/25%0012"]
        {
            let req = Request::get(uri).header("authorization", format!("Bearer {t}"));
            let p = h.send(req.body(Body::empty()).unwrap()).await.problem(422);
            assert_eq!(p["errors"][0]["code"], "text-control", "{uri}: {p}");
        }
        let page = h.get_as(None, "kk", "/occupations?q=%00").await;
        assert_eq!(page.status, 422, "{}", page.body);
        // The login form: a NUL in the username is refused before any lookup, in the page's language.
        let login = Request::post("/login")
            .header("cookie", "ashyq_csrf=t; ashyq_lang=ru")
            .header("content-type", "application/x-www-form-urlencoded")
            .body(Body::from("csrf=t&username=test-border%00&password=x"))
            .unwrap();
        let reply = h.send(login).await;
        assert_eq!(reply.status, 422, "{} {}", h.backend(), reply.body);
        assert!(
            reply.body.contains("Форму нельзя принять") && reply.body.contains("U+0000"),
            "{}",
            reply.body
        );
        // A form's name field: the bidi control is refused beside the field.
        let reply = h
            .post_form_as(
                h.user(Role::Admin),
                "en",
                "/admin/users",
                &[
                    ("username", "bidi.user"),
                    ("display_name", "Ali\u{202e}fdp.exe"),
                    ("role", "analyst"),
                    ("password", "a long enough password"),
                ],
            )
            .await;
        assert_eq!(reply.status, 422, "{}", reply.body);
        h.cleanup().await;
    }
}
