//! Eligibility over HTTP: the JSON API that decides a programme for a person's facts, its
//! OpenAPI description, the public self-check pages in Kazakh, Russian and English (the
//! decision explained check by check, unreadable answers named next to their fields, nothing
//! stored), and the analysts' reform simulation of a draft policy over the stored applications
//! (on SQLite, and on PostgreSQL when `ASHYQ_TEST_POSTGRES_URL` is set).

use crate::common;

use ashyq_core::Role;
use ashyq_core::labour::published::PublishedLists;
use ashyq_core::policy::Policy;
use ashyq_core::rates::RateTable;
use ashyq_core::rules::explain::{self, Language};
use ashyq_core::rules::{Context, Facts, Programme, evaluate};
use ashyq_store::applications::{self, NewApplication};
use ashyq_store::{Actor, audit};
use axum::body::Body;
use axum::http::Request;
use common::browser::Messages;
use common::{Harness, Reply};
use serde_json::{Value, json};

/// The date of application every case here is decided on.
const ON: &str = "2026-06-01";

/// Facts for permanent residence: an applicant born in 1990 with a valid passport, living in
/// Almaty, no family; `kandas` declares them an ethnic Kazakh, `by_contract` houses them by
/// contract; no funds shown.
fn pr_facts(kandas: bool, by_contract: bool) -> Value {
    json!({
        "applicant": {
            "birth_date": "1990-05-01",
            "passport_expiry": "2035-01-01",
            "occupation": null,
            "ethnic_kazakh": kandas,
            "former_citizen": false,
            "simplified_citizenship": false,
            "criminal_record": false,
            "funds": null
        },
        "family": [],
        "region": "KZ-75",
        "housing": { "provided_by_contract": by_contract, "funds_kzt": null }
    })
}

async fn decide(h: &Harness, programme: &str, body: &Value) -> Reply {
    let req = Request::post(format!("/api/v1/eligibility/{programme}?on={ON}"))
        .header("content-type", "application/json")
        .body(Body::from(body.to_string()))
        .unwrap();
    h.send(req).await
}

fn ok(reply: &Reply) -> Value {
    assert_eq!(reply.status, 200, "{}", reply.body);
    reply.json()
}

/// The fields a problem names.
fn fields(problem: &Value) -> Vec<String> {
    problem["errors"]
        .as_array()
        .map(|e| e.iter().filter_map(|f| f["field"].as_str().map(str::to_string)).collect())
        .unwrap_or_default()
}

#[tokio::test]
async fn the_api_decides_permanent_residence_and_names_bad_fields() {
    let h = Harness::new().await;

    // An ethnic Kazakh housed by contract: exempt from solvency, eligible.
    let d = ok(&decide(&h, "permanent-residence", &pr_facts(true, true)).await);
    assert_eq!(d["outcome"], "eligible", "{d}");
    assert_eq!(d["failing_rules"], json!([]), "{d}");
    assert_eq!(d["on"], ON);
    assert!(d["validity"]["until"].is_string(), "an eligible decision has its term: {d}");
    let solvency =
        d["checks"].as_array().unwrap().iter().find(|c| c["rule"] == "pr.solvency.applicant").unwrap();
    assert_eq!(solvency["result"], "failed");
    assert_eq!(solvency["waived"]["by"], "pr.exempt.kandas", "{solvency}");
    assert!(
        solvency["parameters"].as_array().is_some_and(|p| !p.is_empty()),
        "the parameters used: {solvency}"
    );
    assert!(solvency["explanation"]["kk"].is_string() && solvency["explanation"]["ru"].is_string());

    // No exemption, no funds, no housing: refused on solvency and housing.
    let d = ok(&decide(&h, "permanent-residence", &pr_facts(false, false)).await);
    assert_eq!(d["outcome"], "ineligible", "{d}");
    assert_eq!(d["failing_rules"], json!(["pr.solvency.applicant", "pr.housing"]), "{d}");
    assert!(d.get("validity").is_none(), "{d}");

    // A missing field, and an unknown one: 422 naming it.
    let mut missing = pr_facts(true, true);
    missing["applicant"].as_object_mut().unwrap().remove("ethnic_kazakh");
    let p = decide(&h, "permanent-residence", &missing).await.problem(422);
    assert_eq!(fields(&p), ["applicant.ethnic_kazakh"], "{p}");
    let mut unknown = pr_facts(true, true);
    unknown["applicant"]["shoe_size"] = json!(42);
    let p = decide(&h, "permanent-residence", &unknown).await.problem(422);
    let named = fields(&p);
    assert_eq!(named.len(), 1, "{p}");
    assert!(named[0].starts_with("applicant"), "{p}");
    assert!(format!("{named:?} {}", p["errors"][0]["message"]).contains("shoe_size"), "{p}");

    // A programme that does not exist.
    let p = decide(&h, "citizenship", &pr_facts(true, true)).await.problem(404);
    assert_eq!(p["code"], "not_found");
    assert!(p["detail"].as_str().unwrap().contains("permanent-residence"), "the programmes are listed: {p}");
}

#[tokio::test]
async fn the_openapi_document_describes_eligibility_and_the_facts() {
    let h = Harness::new().await;
    let doc = h.send(Request::get("/api/v1/openapi.json").body(Body::empty()).unwrap()).await.json();
    let op = &doc["paths"]["/api/v1/eligibility/{programme}"]["post"];
    assert!(op.is_object(), "no POST /api/v1/eligibility/{{programme}}");
    assert!(op["requestBody"].is_object(), "{op}");
    for schema in
        ["PermanentResidenceFacts", "ValuableSkillsFacts", "InvestorFacts", "AtaZholyFacts", "RefugeeFacts"]
    {
        assert!(doc["components"]["schemas"][schema].is_object(), "no schema {schema}");
    }
    let pr = &doc["components"]["schemas"]["PermanentResidenceFacts"]["properties"];
    for field in ["applicant", "family", "region", "housing"] {
        assert!(pr[field].is_object(), "PermanentResidenceFacts has no {field}: {pr}");
    }
}

// ---------------------------------------------------------------------------------------------
// The self-check pages
// ---------------------------------------------------------------------------------------------

fn language(lang: &str) -> Language {
    match lang {
        "kk" => Language::Kk,
        "ru" => Language::Ru,
        _ => Language::En,
    }
}

/// The text of a page with HTML's escapes undone (for comparing with messages).
fn text(body: &str) -> String {
    body.replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&#34;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

async fn page(h: &Harness, lang: &str, uri: &str) -> Reply {
    let req = Request::get(uri).header("cookie", format!("ashyq_lang={lang}")).body(Body::empty()).unwrap();
    h.send(req).await
}

/// Posts the self-check form as a visitor not logged in (the double-submit CSRF cookie).
async fn self_check(h: &Harness, lang: &str, programme: &str, answers: &[(&str, &str)]) -> Reply {
    let mut fields = vec![("csrf", "t")];
    fields.extend_from_slice(answers);
    let body = serde_urlencoded::to_string(&fields).unwrap();
    let req = Request::post(format!("/eligibility/{programme}"))
        .header("cookie", format!("ashyq_lang={lang}; ashyq_csrf=t"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(Body::from(body))
        .unwrap();
    h.send(req).await
}

/// The answers of a form, as (name, value) pairs.
type Form = Vec<(&'static str, &'static str)>;

/// The answers of [`pr_facts`]`(kandas, by_contract)`, as the form sends them.
fn pr_answers(kandas: bool, by_contract: bool) -> Form {
    let mut a = vec![
        ("on", ON),
        ("applicant.birth_date", "1990-05-01"),
        ("applicant.passport_expiry", "2035-01-01"),
        ("applicant.occupation", ""),
        ("applicant.funds.amount_kzt", ""),
        ("applicant.funds.certified_on", ""),
        ("family[0].relation", ""),
        ("family[0].birth_date", ""),
        ("region", "KZ-75"),
        ("housing.funds_kzt", ""),
    ];
    if kandas {
        a.push(("applicant.ethnic_kazakh", "yes"));
    }
    if by_contract {
        a.push(("housing.provided_by_contract", "yes"));
    }
    a
}

/// The `data-result` of a rule's check on a decision page.
fn result_of<'a>(body: &'a str, rule: &str) -> &'a str {
    let at = body.find(&format!("data-rule=\"{rule}\"")).unwrap_or_else(|| panic!("no check {rule}"));
    let rest = &body[at..];
    let start = rest.find("data-result=\"").expect("data-result") + "data-result=\"".len();
    &rest[start..start + rest[start..].find('"').expect("closing quote")]
}

#[tokio::test]
async fn the_self_check_decides_and_explains_in_each_language() {
    let h = Harness::new().await;
    let m = Messages::load();

    for lang in ["kk", "ru", "en"] {
        let l = language(lang);
        // The programmes, each linking to its form.
        let index = page(&h, lang, "/eligibility").await;
        assert_eq!(index.status, 200, "{}", index.body);
        assert!(index.body.contains(&format!("<html lang=\"{lang}\">")));
        assert!(text(&index.body).contains(&m.t(lang, "ec-disclaimer")), "no disclaimer in {lang}");
        for p in Programme::ALL {
            assert!(
                index.body.contains(&format!("href=\"/eligibility/{}\"", p.id())),
                "no link to {p} in {lang}"
            );
            assert!(text(&index.body).contains(&m.t(lang, &format!("ec-prog-{}", p.id()))));
        }

        // The form: labelled questions, the date of application today.
        let form = page(&h, lang, "/eligibility/permanent-residence").await;
        assert_eq!(form.status, 200, "{}", form.body);
        let body = text(&form.body);
        assert!(body.contains(&m.t(lang, "ecf-birth_date")), "{lang}");
        assert!(form.body.contains("<label for=\"f-applicant-birth_date\">"), "labels name their inputs");
        assert!(
            form.body.contains("type=\"date\" id=\"f-applicant-birth_date\" name=\"applicant.birth_date\"")
        );
        assert!(form.body.contains("id=\"f-family-3-relation\""), "four family rows");
        assert!(form.body.contains(&format!("name=\"on\" value=\"{}\"", ashyq_store::today())));
        assert!(body.contains(&m.t(lang, "ec-disclaimer")));

        // Refused: the outcome, the summary, each check with its title and explanation.
        let reply = self_check(&h, lang, "permanent-residence", &pr_answers(false, false)).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let body = text(&reply.body);
        assert!(reply.body.contains("data-outcome=\"ineligible\""), "{lang}");
        assert!(body.contains(&m.t(lang, "ec-outcome-ineligible")), "the outcome in {lang}");
        assert!(body.contains(&explain::title("pr.solvency.applicant", l)), "the rule's title in {lang}");
        assert!(body.contains(&explain::title("pr.housing", l)), "{lang}");
        assert!(body.contains(&m.t(lang, "ec-disclaimer")), "{lang}");
        assert_eq!(result_of(&reply.body, "pr.solvency.applicant"), "failed");
        assert_eq!(result_of(&reply.body, "pr.housing"), "failed");
        assert_eq!(result_of(&reply.body, "pr.passport"), "passed");
        assert_eq!(result_of(&reply.body, "pr.exempt.kandas"), "not-applicable");
        assert_eq!(result_of(&reply.body, "pr.solvency.family"), "not-applicable");
        // The explanation is the rules' own, in the page's language, with the figures.
        let facts = Facts::from_value(Programme::PermanentResidence, &pr_facts(false, false)).unwrap();
        let policy = Policy::kz().unwrap();
        let (lists, rates) = (PublishedLists::default(), RateTable::default());
        let ctx = Context { policy: &policy, lists: &lists, rates: &rates };
        let decision = evaluate(&facts, ON.parse().unwrap(), &ctx).unwrap();
        for rule in ["pr.solvency.applicant", "pr.housing"] {
            let explanation = explain::explain(decision.check(rule).unwrap(), l);
            assert!(body.contains(&explanation), "no explanation {explanation:?} in {lang}");
        }
        assert!(body.contains(&explain::summary(&decision, l)), "no summary in {lang}");
        // The parameters used, named in words (never by their key), with their dates.
        let solvency = &policy.parameters.0["pr_solvency_per_applicant"].description;
        assert!(body.contains(solvency.get(l)), "no {:?} in {lang}", solvency.get(l));
        assert!(!body.contains("pr_solvency_per_applicant"), "a parameter's key shown in {lang}");
        // The answers are kept for a change.
        assert!(reply.body.contains("name=\"applicant.birth_date\" value=\"1990-05-01\""), "{lang}");
        assert!(reply.body.contains("<option value=\"KZ-75\" selected>"), "{lang}");
    }

    // Eligible, with the solvency set aside by the kandas exemption, and the term.
    let reply = self_check(&h, "en", "permanent-residence", &pr_answers(true, true)).await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert!(reply.body.contains("data-outcome=\"eligible\""));
    assert!(text(&reply.body).contains(&m.t("en", "ec-outcome-eligible")));
    assert_eq!(result_of(&reply.body, "pr.solvency.applicant"), "set-aside");
    assert_eq!(result_of(&reply.body, "pr.housing"), "set-aside");
    assert_eq!(result_of(&reply.body, "pr.exempt.kandas"), "passed");
    assert!(reply.body.contains("id=\"validity\""));
    assert!(
        reply.body.contains("name=\"applicant.ethnic_kazakh\" value=\"yes\" checked"),
        "the box stays ticked"
    );

    // Nothing was stored.
    assert_eq!(applications::count(&h.db).await.unwrap(), 0);

    // An unknown programme is the site's 404 page.
    for reply in [
        page(&h, "en", "/eligibility/citizenship").await,
        self_check(&h, "en", "citizenship", &pr_answers(true, true)).await,
    ] {
        assert_eq!(reply.status, 404, "{}", reply.body);
        assert!(text(&reply.body).contains(&m.t("en", "error-notfound-title")));
    }
}

#[tokio::test]
async fn unreadable_answers_are_named_next_to_their_fields() {
    let h = Harness::new().await;
    let m = Messages::load();

    // A date that is not one, an unknown occupation, a family member half described (in the
    // second row, the first left blank), and a member born after the date of application.
    let mut answers = pr_answers(false, false);
    answers.retain(|(k, _)| !["applicant.birth_date", "applicant.occupation"].contains(k));
    answers.extend([
        ("applicant.birth_date", "1990-13-45"),
        ("applicant.occupation", "99999"),
        ("family[1].relation", "child"),
        ("family[2].relation", "spouse"),
        ("family[2].birth_date", "2027-01-01"),
    ]);
    let reply = self_check(&h, "en", "permanent-residence", &answers).await;
    assert_eq!(reply.status, 422, "{}", reply.body);
    let body = text(&reply.body);
    assert!(reply.body.contains("id=\"error-summary\""));
    assert!(!reply.body.contains("id=\"decision\""), "no decision on unreadable answers");
    for (id, message) in [
        ("f-applicant-birth_date", m.t_args("en", "err-date", &[("value", "1990-13-45")])),
        ("f-applicant-occupation", m.t_args("en", "ec-err-occupation", &[("value", "99999")])),
        ("f-family-1-birth_date", m.t("en", "ec-err-required")),
        ("f-family-2-birth_date", m.t("en", "ec-err-after-on")),
    ] {
        assert!(reply.body.contains(&format!("<a href=\"#{id}\">")), "the summary links to {id}");
        assert!(reply.body.contains(&format!("id=\"{id}-error\"")), "no message next to {id}");
        assert!(body.contains(&message), "no message {message:?}");
        let described = [
            format!("aria-describedby=\"{id}-error\""),
            format!("aria-describedby=\"{id}-hint {id}-error\""),
        ];
        assert!(described.iter().any(|d| reply.body.contains(d)), "{id} is not described by its error");
    }
    // What was typed is kept.
    assert!(reply.body.contains("value=\"1990-13-45\""));
    assert!(reply.body.contains("<option value=\"child\" selected>"));

    // An error only the rules find, in a row after a blank one: named at the form's row.
    let answers = [
        ("on", ON),
        ("birth_date", "1985-01-01"),
        ("passport_expiry", "2035-01-01"),
        ("occupation", "2512"),
        ("education", "master"),
        ("experience_years", "10"),
        ("languages[0].language", "en"),
        ("languages[0].level", "C1"),
        ("languages[2].language", "en"),
        ("languages[2].level", "B2"),
    ];
    let reply = self_check(&h, "en", "valuable-skills-visa", &answers).await;
    assert_eq!(reply.status, 422, "{}", reply.body);
    assert!(reply.body.contains("id=\"f-languages-2-language-error\""), "{}", reply.body);
    assert!(text(&reply.body).contains("declared twice"));
    // The same refusal in Russian is said in Russian, not in the rules' English.
    let reply = self_check(&h, "ru", "valuable-skills-visa", &answers).await;
    assert_eq!(reply.status, 422, "{}", reply.body);
    assert!(text(&reply.body).contains("указано дважды"), "{}", reply.body);
    assert!(!text(&reply.body).contains("declared twice"), "{}", reply.body);

    // A BIN with a wrong check digit; then a right one, in euros, with no official rates
    // imported: no decision can be made, and the summary says why (no field to blame).
    let investment = |bin: &'static str| {
        vec![
            ("on", ON),
            ("passport_expiry", "2035-01-01"),
            ("investments[0].kind", "securities"),
            ("investments[0].recipient", "Kaspi"),
            ("investments[0].bin", bin),
            ("investments[0].amount", "400000"),
            ("investments[0].currency", "EUR"),
            ("investments[0].date", "2026-01-10"),
        ]
    };
    let reply = self_check(&h, "en", "investor-visa", &investment("180340012347")).await;
    assert_eq!(reply.status, 422, "{}", reply.body);
    assert!(reply.body.contains("id=\"f-investments-0-bin-error\""), "{}", reply.body);
    let reply = self_check(&h, "en", "investor-visa", &investment("180340012346")).await;
    assert_eq!(reply.status, 422, "{}", reply.body);
    let cannot = m.t("en", "ec-err-cannot-decide");
    let cannot = cannot.split("{ $reason }").next().unwrap();
    assert!(text(&reply.body).contains(&format!("<li>{cannot}")), "{}", reply.body);
    assert!(!reply.body.contains("id=\"decision\""));

    // The same answers without the repeat decide (blank counts are none).
    let reply = self_check(&h, "en", "valuable-skills-visa", &answers[..8]).await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert!(reply.body.contains("data-rule=\"vs.points\""));
}

#[tokio::test]
async fn every_programme_can_be_checked() {
    let h = Harness::new().await;
    // (programme, answers, a rule its decision shows)
    let cases: [(&str, Form, &str); 4] = [
        (
            "investor-visa",
            vec![
                ("on", ON),
                ("passport_expiry", "2035-01-01"),
                ("investments[0].kind", "charter_capital"),
                ("investments[0].recipient", "Foreign Ltd"),
                ("investments[0].amount", "500 000"),
                ("investments[0].currency", "USD"),
                ("investments[0].date", "2026-01-10"),
            ],
            "inv.threshold",
        ),
        (
            "ata-zholy",
            vec![
                ("on", ON),
                ("ethnic_kazakh", "yes"),
                ("country_of_residence", "MNG"),
                ("passport_expiry", "2035-01-01"),
                ("business_abroad.name", "Altai Trade"),
                ("business_abroad.country", "MNG"),
                ("business_abroad.registered_on", "2020-03-01"),
            ],
            "az.ground.business_abroad",
        ),
        (
            "refugee",
            vec![
                ("on", ON),
                ("arrival_date", "2026-05-29"),
                ("grounds", "religion"),
                ("grounds", "political_opinion"),
            ],
            "rf.grounds",
        ),
        (
            "valuable-skills-visa",
            vec![
                ("on", ON),
                ("birth_date", "1985-01-01"),
                ("passport_expiry", "2035-01-01"),
                ("occupation", "2512"),
                ("education", "doctorate"),
                ("training_plan.trainees_per_year", "5"),
            ],
            "vs.training",
        ),
    ];
    for (programme, answers, rule) in cases {
        let reply = self_check(&h, "ru", programme, &answers).await;
        assert_eq!(reply.status, 200, "{programme}: {}", reply.body);
        assert!(reply.body.contains(&format!("data-rule=\"{rule}\"")), "{programme}: no check {rule}");
    }
    // The refugee claim on Convention grounds goes to an officer.
    let reply = self_check(
        &h,
        "en",
        "refugee",
        &[("on", ON), ("arrival_date", "2026-05-29"), ("grounds", "religion")],
    )
    .await;
    assert!(reply.body.contains("data-outcome=\"needs_officer\""), "{}", reply.body);
    assert_eq!(result_of(&reply.body, "rf.grounds"), "officer");
    assert!(reply.body.contains("value=\"religion\" checked"));
}

// ---------------------------------------------------------------------------------------------
// The reform simulation
// ---------------------------------------------------------------------------------------------

/// The policy in force with the kandas exemption repealed from 2026-06-01, as edition `draft-1`.
fn draft_repealing_kandas() -> String {
    let kz = include_str!("../../../../data/policy/kz.toml");
    let mut out = String::new();
    let mut repealed = false;
    for line in kz.lines() {
        if line.starts_with("\"pr.exempt.kandas\" = [") && line.ends_with("}]") {
            let kept = &line[..line.len() - 1];
            out.push_str(kept);
            out.push_str(", { from = \"2026-06-01\", applies = false, basis = { act = \"Draft\" } }]");
            repealed = true;
        } else if line.starts_with("edition = ") {
            out.push_str("edition = \"draft-1\"");
        } else {
            out.push_str(line);
        }
        out.push('\n');
    }
    assert!(repealed, "kz.toml no longer has the line of pr.exempt.kandas this test edits");
    out
}

/// Stores applications for permanent residence: (reference, date, kandas, by contract).
async fn store(h: &Harness, apps: &[(&str, &str, bool, bool)]) {
    let policy = Policy::kz().unwrap();
    let (lists, rates) = (PublishedLists::default(), RateTable::default());
    let ctx = Context { policy: &policy, lists: &lists, rates: &rates };
    let batch: Vec<NewApplication> = apps
        .iter()
        .map(|(reference, on, kandas, by_contract)| {
            let value = pr_facts(*kandas, *by_contract);
            let facts = Facts::from_value(Programme::PermanentResidence, &value).unwrap();
            let d = evaluate(&facts, on.parse().unwrap(), &ctx).unwrap();
            NewApplication {
                reference: reference.to_string(),
                programme: "permanent-residence".into(),
                applied_on: on.parse().unwrap(),
                facts: value.to_string(),
                outcome: d.outcome.as_str().into(),
                policy_edition: d.policy_edition.into(),
            }
        })
        .collect();
    applications::submit(&h.db, &Actor::cli(), &batch).await.unwrap();
}

async fn simulate(h: &Harness, draft: &str, on: &str) -> Reply {
    simulate_in(h, draft, on, "en").await
}

async fn simulate_in(h: &Harness, draft: &str, on: &str, lang: &str) -> Reply {
    let (cookie, csrf) = h.session(Role::Analyst).await;
    let body = format!(
        "--B\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{csrf}\r\n\
         --B\r\nContent-Disposition: form-data; name=\"on\"\r\n\r\n{on}\r\n\
         --B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"draft.toml\"\r\n\
         Content-Type: application/toml\r\n\r\n{draft}\r\n--B--\r\n"
    );
    let req = Request::post("/analysis/simulate")
        .header("cookie", format!("{cookie}; ashyq_lang={lang}"))
        .header("content-type", "multipart/form-data; boundary=B")
        .body(Body::from(body))
        .unwrap();
    h.send(req).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_simulation_shows_the_cases_a_draft_changes() {
    for h in Harness::both().await {
        let backend = h.backend();
        let m = Messages::load();
        store(
            &h,
            &[
                // A kandas after the repeal: eligible now, refused under the draft.
                ("A-1", "2026-07-01", true, true),
                // A kandas before it: unchanged.
                ("A-2", "2026-03-01", true, true),
                // Refused either way, on the same rules: unchanged.
                ("A-3", "2026-07-01", false, false),
            ],
        )
        .await;

        // The form, linked from the analyst's dashboard.
        let (cookie, _) = h.session(Role::Analyst).await;
        let dashboard =
            h.send(Request::get("/analysis").header("cookie", &cookie).body(Body::empty()).unwrap()).await;
        assert!(dashboard.body.contains("href=\"/analysis/simulate\""), "{backend}: no link from /analysis");
        let form = h
            .send(Request::get("/analysis/simulate").header("cookie", &cookie).body(Body::empty()).unwrap())
            .await;
        assert_eq!(form.status, 200, "{backend}: {}", form.body);
        assert!(form.body.contains("enctype=\"multipart/form-data\"") && form.body.contains("name=\"csrf\""));

        let reply = simulate(&h, &draft_repealing_kandas(), "").await;
        assert_eq!(reply.status, 200, "{backend}: {}", reply.body);
        let body = text(&reply.body);
        let summary = m.tc(
            "en",
            "sim-summary",
            3,
            &[
                ("baseline", "2026-11"),
                ("draft", "draft-1"),
                ("on", &m.t("en", "sim-on-own")),
                ("changed", "1"),
            ],
        );
        assert!(body.contains(&summary), "{backend}: no {summary:?} in {body}");
        let row = &reply.body
            [reply.body.find("<tr data-programme=\"permanent-residence\">").expect("the programme's row")..];
        let row = &row[..row.find("</tr>").unwrap()];
        assert!(row.contains("<td>3</td><td>1</td>"), "{backend}: {row}");
        assert!(text(row).contains("Eligible → Not eligible: 1"), "{backend}: {row}");
        let case = &reply.body[reply.body.find("<tr data-reference=\"A-1\">").expect("A-1 is affected")..];
        let case = &case[..case.find("</tr>").unwrap()];
        assert!(
            case.contains("data-verdict=\"eligible\"") && case.contains("data-verdict=\"ineligible\""),
            "{case}"
        );
        assert!(
            case.contains("(pr.solvency.applicant)"),
            "{backend}: refused on solvency under the draft: {case}"
        );
        for unchanged in ["A-2", "A-3"] {
            assert!(
                !reply.body.contains(&format!("data-reference=\"{unchanged}\"")),
                "{backend}: {unchanged} shown"
            );
        }

        // Every case on one date: A-2 is then decided after the repeal too.
        let reply = simulate(&h, &draft_repealing_kandas(), "2026-09-01").await;
        assert_eq!(reply.status, 200, "{backend}: {}", reply.body);
        assert!(
            reply.body.contains("data-reference=\"A-1\"") && reply.body.contains("data-reference=\"A-2\"")
        );

        // The runs were audited, with the draft's edition and the counts.
        let log = audit::tail(&h.db, 10).await.unwrap();
        let runs: Vec<_> = log.iter().filter(|r| r.action == "policy.simulate").collect();
        assert_eq!(runs.len(), 2, "{backend}");
        assert_eq!(
            runs.iter().map(|r| r.actor.as_str()).collect::<Vec<_>>(),
            ["test-analyst", "test-analyst"]
        );
        let last: Value = serde_json::from_str(&runs.iter().max_by_key(|r| r.seq).unwrap().detail).unwrap();
        assert_eq!(last["draft_edition"], "draft-1", "{backend}: {last}");
        assert_eq!(last["on"], "2026-09-01", "{backend}: {last}");
        assert_eq!(
            (last["cases"].as_u64(), last["changed"].as_u64()),
            (Some(3), Some(2)),
            "{backend}: {last}"
        );

        // A draft that does not read: the form again, with the path and the reason in words, in
        // the reader's language (never the parser's English).
        let bad = "[meta]\njurisdiction = \"KZ\"\nedition = 7\n";
        let reply = simulate(&h, bad, "").await;
        assert_eq!(reply.status, 422, "{backend}: {}", reply.body);
        assert!(reply.body.contains("id=\"error\""));
        assert!(text(&reply.body).contains("meta.edition: "), "{backend}: {}", reply.body);
        assert!(
            text(&reply.body)
                .contains("meta.edition: a string is expected here, but a whole number is written"),
            "{backend}: {}",
            reply.body
        );
        assert!(reply.body.contains("id=\"simulate-form\""));
        let reply = simulate_in(&h, bad, "", "ru").await;
        assert_eq!(reply.status, 422, "{backend}: {}", reply.body);
        let body = text(&reply.body);
        assert!(
            body.contains("meta.edition: здесь ожидается строка, а записано целое число"),
            "{backend}: {body}"
        );
        assert!(!body.contains("invalid type"), "{backend}: {body}");
        let reply = simulate_in(&h, "[meta\n", "", "kk").await;
        assert_eq!(reply.status, 422, "{backend}: {}", reply.body);
        let body = text(&reply.body);
        assert!(body.contains("файл дұрыс TOML емес: қате 1-жолдың 6-бағанында"), "{backend}: {body}");
        assert!(!body.contains("(file)") && !body.contains("unclosed"), "{backend}: {body}");
        h.cleanup().await;
    }
}

/// The server keeps the lists and rates the rules consult in memory; an import of rates (or a
/// list published) since is seen by the next decision.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rates_imported_after_a_decision_are_used_by_the_next() {
    for h in Harness::both().await {
        // 120,000,000 ₸ on 2026-03-03 and $80,000: at 500 ₸/$, $320,000.
        let facts = json!({
            "passport_expiry": "2040-05-01",
            "criminal_record": false,
            "investments": [
                { "kind": "charter_capital", "recipient": "Steppe Robotics LLP", "bin": "180240012342",
                  "amount": "120000000", "currency": "KZT", "date": "2026-03-03" },
                { "kind": "securities", "recipient": "Bonds", "bin": "020240001236",
                  "amount": "80000", "currency": "USD", "date": "2026-05-12" }
            ]
        });
        let r = decide(&h, "investor-visa", &facts).await;
        assert_eq!(r.status, 422, "{}", r.body);
        assert!(r.body.contains("no official USD rate"), "{}", r.body);
        let import = |csv: &'static str| {
            let db = h.db.clone();
            async move {
                let request =
                    ashyq_store::rates::RatesRequest { file_name: "rates.csv".into(), skip_invalid: false };
                let input = ashyq_store::pipeline::Input::from_bytes(csv.as_bytes().to_vec());
                let mut sink = ashyq_store::pipeline::Quiet;
                let report =
                    ashyq_store::rates::import(&db, &Actor::cli(), &request, input, &mut sink).await.unwrap();
                assert!(report.committed);
            }
        };
        import("date,currency,rate\n2026-03-03,USD,500\n").await;
        let d = ok(&decide(&h, "investor-visa", &facts).await);
        assert_eq!(d["outcome"], "eligible", "{d}");
        // A second import changes the rate: the next decision sees it ($280,000, refused).
        import("date,currency,rate\n2026-03-03,USD,600\n").await;
        let d = ok(&decide(&h, "investor-visa", &facts).await);
        assert_eq!(d["outcome"], "ineligible", "{d}");
        assert_eq!(d["failing_rules"], json!(["inv.threshold"]), "{d}");
        h.cleanup().await;
    }
}
