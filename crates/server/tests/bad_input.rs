//! Bad input to the API — malformed JSON, unknown fields, wrong types, wrong content type,
//! oversized bodies, bad paths and queries, garbage — always gets a 4xx problem, never a 5xx.

mod common;

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
