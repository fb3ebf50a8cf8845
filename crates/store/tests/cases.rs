//! The case workflow in the store (`ashyq_store::cases`) on SQLite and (with
//! `ASHYQ_TEST_POSTGRES_URL`) PostgreSQL: the path of a case from draft to permit with four
//! eyes, who may see what, evidence typed by content and stored once, permits feeding the
//! register, renewals and cancellations with their history, training reports and overdue
//! ones, confirmations of solvency for the re-check, invitation rounds re-derived from their stored candidates, the quota held under
//! 500 simultaneous approvals, and the audit chain intact after 200 and 500 simultaneous audited
//! reads and writes.

use ashyq_core::Role;
use ashyq_core::cases::evidence::{MAX_EVIDENCE_BYTES, describe};
use ashyq_core::cases::evidence_file::sample_pdf;
use ashyq_core::cases::permit::CancellationGround;
use ashyq_core::cases::{CaseStatus, Holder, OfficerAction};
use ashyq_core::labour::published::PublishedLists;
use ashyq_core::money::Tenge;
use ashyq_core::policy::Policy;
use ashyq_core::rates::RateTable;
use ashyq_core::rules::{Context, Outcome, Programme};
use ashyq_store::cases::moves::{self, NewCase};
use ashyq_store::cases::{Evaluated, Viewer, evaluate, evidence, permits, quotas, read, rounds, solvency};
use ashyq_store::users::{self, NewUser};
use ashyq_store::{Actor, Db, StoreError, both_backends};
use jiff::civil::{Date, date};
use std::sync::Arc;

const TODAY: Date = date(2026, 11, 21);

fn policy() -> Policy {
    Policy::kz().expect("the built-in policy loads")
}

async fn user(db: &Db, name: &str, role: Role, region: Option<&str>) -> (Actor, i64) {
    let u = users::create(
        db,
        &Actor::cli(),
        NewUser {
            username: name.into(),
            display_name: name.into(),
            role,
            region: region.map(str::to_string),
            password: "correct horse battery staple".into(),
        },
    )
    .await
    .expect("the account is created");
    (Actor { user_id: Some(u.id), username: u.username, role, request_id: "test".into() }, u.id)
}

fn holder(surname: &str, passport: &str) -> Holder {
    Holder {
        surname: surname.into(),
        given_names: "AZIZ".into(),
        birth_date: date(1970, 3, 8),
        sex: "M".into(),
        nationality: "UZB".into(),
        passport_number: passport.into(),
        passport_expiry: date(2037, 1, 1),
    }
}

/// A kandas applying for permanent residence: exempt from solvency, eligible by the rules.
fn kandas_facts() -> serde_json::Value {
    serde_json::json!({
        "applicant": {
            "birth_date": "1970-03-08", "passport_expiry": "2037-01-01", "occupation": null,
            "ethnic_kazakh": true, "former_citizen": false, "simplified_citizenship": false,
            "criminal_record": false, "funds": null
        },
        "family": [], "region": "KZ-75", "housing": { "provided_by_contract": false, "funds_kzt": null }
    })
}

fn evaluate_pr(policy: &Policy, facts: &serde_json::Value, on: Date) -> Evaluated {
    let (lists, rates) = (PublishedLists::default(), RateTable::new([]).expect("an empty rate table"));
    let ctx = Context { policy, lists: &lists, rates: &rates };
    evaluate::run(&ctx, Programme::PermanentResidence, facts, on).expect("the facts read")
}

/// A valuable-skills evaluation as the rules would make it for an eligible candidate.
fn eligible_vs(points: u32) -> Evaluated {
    Evaluated {
        applied_on: TODAY,
        outcome: Outcome::Eligible,
        decision: serde_json::json!({ "outcome": "eligible" }),
        policy_edition: "test".into(),
        validity: Some((TODAY, date(2036, 11, 21))),
        points: Some(points),
        sector: Some("information_technology".into()),
    }
}

fn vs_facts(trainees: u32) -> serde_json::Value {
    serde_json::json!({ "occupation": "2512", "training_plan": { "trainees_per_year": trainees } })
}

async fn new_case(
    db: &Db,
    who: &Actor,
    id: i64,
    reference: &str,
    p: Programme,
    facts: serde_json::Value,
    e: &Evaluated,
) -> i64 {
    let new = NewCase {
        reference: reference.into(),
        programme: p,
        region: "KZ-75".into(),
        holder: holder(
            "KARIMOV",
            &format!("FA{}", reference.len() * 1000 + reference.bytes().map(usize::from).sum::<usize>()),
        ),
        facts,
    };
    let (case, created) = moves::create(db, who, id, &new, e).await.expect("the case is created");
    assert!(created);
    case
}

async fn count(db: &Db, sql: &str) -> i64 {
    sqlx::query_scalar(sqlx::AssertSqlSafe(sql.to_string())).fetch_one(&db.pool).await.unwrap()
}

async fn permanent_residence_from_draft_to_permit_with_four_eyes(db: &Db) {
    let policy = policy();
    let (applicant, applicant_id) = user(db, "applicant1", Role::Applicant, None).await;
    let (_, other_id) = user(db, "applicant2", Role::Applicant, None).await;
    let (officer_a, _) = user(db, "officer.a", Role::Officer, Some("KZ-75")).await;
    let (officer_b, _) = user(db, "officer.b", Role::Officer, Some("KZ-75")).await;
    let me = Viewer::Applicant(applicant_id);
    let here = Viewer::Officer(Some("KZ-75".into()));
    let e = evaluate_pr(&policy, &kandas_facts(), TODAY);
    assert_eq!(e.outcome, Outcome::Eligible);
    let new = NewCase {
        reference: "pr-0001".into(),
        programme: Programme::PermanentResidence,
        region: "kz-75".into(),
        holder: holder("KARIMOV", "FA1234567"),
        facts: kandas_facts(),
    };
    let (id, created) = moves::create(db, &applicant, applicant_id, &new, &e).await.unwrap();
    assert!(created);
    // The same application again is the same case; another under the same reference a conflict.
    assert_eq!(moves::create(db, &applicant, applicant_id, &new, &e).await.unwrap(), (id, false));
    // The facts must speak of the holder's passport.
    let mut stale = kandas_facts();
    stale["applicant"]["passport_expiry"] = "2031-01-01".into();
    let r = moves::create(
        db,
        &applicant,
        applicant_id,
        &NewCase { reference: "pr-x".into(), facts: stale, ..new.clone() },
        &e,
    )
    .await;
    assert!(
        matches!(r, Err(StoreError::Field { ref field, .. }) if field == "facts.applicant.passport_expiry"),
        "{r:?}"
    );
    let other = NewCase { region: "KZ-71".into(), ..new.clone() };
    assert!(matches!(
        moves::create(db, &applicant, applicant_id, &other, &e).await,
        Err(StoreError::Conflict { .. })
    ));

    // Who may see it.
    assert!(matches!(
        read::get(db, &applicant, &Viewer::Applicant(other_id), id).await,
        Err(StoreError::NotFound { .. })
    ));
    let elsewhere = Viewer::Officer(Some("KZ-71".into()));
    assert!(matches!(
        read::get(db, &officer_a, &elsewhere, id).await,
        Err(StoreError::OtherRegion { ref region, ref mine, .. }) if region == "KZ-75" && mine == "KZ-71"
    ));
    assert_eq!(read::get(db, &applicant, &me, id).await.unwrap().status, CaseStatus::Draft);

    // An officer cannot decide a draft; the applicant cannot decide at all.
    let r = moves::decide(db, &officer_a, &here, &policy, id, OfficerAction::Approve, "ok", &e, TODAY).await;
    assert!(matches!(r, Err(StoreError::Refused(_))), "{r:?}");
    let r = moves::decide(db, &applicant, &me, &policy, id, OfficerAction::Approve, "ok", &e, TODAY).await;
    assert!(matches!(r, Err(StoreError::Forbidden(_))), "{r:?}");

    let case = moves::submit(db, &applicant, &me, id, &e).await.unwrap();
    assert_eq!(case.status, CaseStatus::Submitted);
    assert!(case.submitted_at.is_some());

    // Asking for more, and the reply.
    let r =
        moves::decide(db, &officer_a, &here, &policy, id, OfficerAction::RequestInfo, " ", &e, TODAY).await;
    assert!(matches!(r, Err(StoreError::Field { ref field, .. }) if field == "reason"), "{r:?}");
    let case = moves::decide(
        db,
        &officer_a,
        &here,
        &policy,
        id,
        OfficerAction::RequestInfo,
        "The birth certificate, please.",
        &e,
        TODAY,
    )
    .await
    .unwrap();
    assert_eq!(case.status, CaseStatus::InformationRequested);
    let case = moves::reply(db, &applicant, &me, id, "Attached.").await.unwrap();
    assert_eq!(case.status, CaseStatus::Submitted);

    // Four eyes: the first approval issues nothing; the same officer cannot confirm.
    let case = moves::decide(
        db,
        &officer_a,
        &here,
        &policy,
        id,
        OfficerAction::Approve,
        "Kandas, exempt.",
        &e,
        TODAY,
    )
    .await
    .unwrap();
    assert_eq!((case.status, case.permit_number.as_deref()), (CaseStatus::AwaitingConfirmation, None));
    assert_eq!(count(db, "SELECT COUNT(*) FROM case_permits").await, 0);
    let r = moves::confirm(db, &officer_a, &here, &policy, id, "", &e, TODAY).await;
    assert!(matches!(r, Err(StoreError::Refused(ref m)) if m.english.contains("second officer")), "{r:?}");
    let case = moves::confirm(db, &officer_b, &here, &policy, id, "Checked.", &e, TODAY).await.unwrap();
    assert_eq!(case.status, CaseStatus::Approved);
    let number = case.permit_number.clone().expect("the permit is issued on confirmation");
    assert_eq!(number, "PR-2026-000001");
    // No double issue: nothing moves an approved case.
    let r = moves::confirm(db, &officer_b, &here, &policy, id, "", &e, TODAY).await;
    assert!(matches!(r, Err(StoreError::Refused(_))), "{r:?}");
    assert_eq!(count(db, "SELECT COUNT(*) FROM case_permits").await, 1);

    // The history tells the whole story, and the audit log has the moves.
    let kinds: Vec<String> = read::events(db, id).await.unwrap().into_iter().map(|e| e.kind).collect();
    assert_eq!(
        kinds,
        ["created", "submitted", "info_requested", "replied", "approved", "confirmed", "permit_issued"]
    );
    assert_eq!(count(db, "SELECT COUNT(*) FROM audit_log WHERE action = 'permit.issue'").await, 1);
    assert_eq!(count(db, "SELECT COUNT(*) FROM audit_log WHERE action = 'case.read'").await, 0);
    assert_eq!(read::get(db, &officer_b, &here, id).await.unwrap().status, CaseStatus::Approved);
    assert_eq!(count(db, "SELECT COUNT(*) FROM audit_log WHERE action = 'case.read'").await, 1);

    // The permit feeds the register: the holder is lawful on it.
    let permit_id = case.permit_id.unwrap();
    let person =
        ashyq_store::register::person::person_of_document(db, "UZB", "FA1234567").await.unwrap().unwrap();
    let record = ashyq_store::register::person::load(db, &policy, person, TODAY).await.unwrap();
    assert_eq!(record.permits.len(), 1);
    assert_eq!(
        (record.permits[0].permit_number.as_str(), record.permits[0].kind.as_str()),
        (number.as_str(), "permanent_residence")
    );
    assert_eq!(record.permits[0].valid_until, date(2036, 11, 21));

    // Renewal and cancellation, each in the history and in the register.
    let r =
        permits::renew(db, &officer_a, &here, &policy, permit_id, date(2030, 1, 1), "shorter", TODAY).await;
    assert!(matches!(r, Err(StoreError::Field { ref field, .. }) if field == "valid_until"), "{r:?}");
    let p =
        permits::renew(db, &officer_a, &here, &policy, permit_id, date(2036, 12, 31), "new passport", TODAY)
            .await
            .unwrap();
    assert_eq!(p.valid_until, date(2036, 12, 31));
    let r = permits::cancel(
        db,
        &officer_a,
        &here,
        &policy,
        permit_id,
        CancellationGround::TrainingObligationUnmet,
        "x",
        TODAY,
    )
    .await;
    assert!(
        matches!(r, Err(StoreError::Field { ref field, ref reason }) if field == "ground" && reason.english.contains("does not apply")),
        "{r:?}"
    );
    let p = permits::cancel(
        db,
        &officer_a,
        &here,
        &policy,
        permit_id,
        CancellationGround::SolvencyNotConfirmed,
        "Annual re-check: the bank certificate shows too little.",
        date(2026, 12, 1),
    )
    .await
    .unwrap();
    assert_eq!(p.cancel_ground.as_deref(), Some("solvency_not_confirmed"));
    let history: Vec<String> =
        permits::history(db, permit_id).await.unwrap().into_iter().map(|h| h.kind).collect();
    assert_eq!(history, ["issued", "renewed", "cancelled"]);
    let record = ashyq_store::register::person::load(db, &policy, person, TODAY).await.unwrap();
    assert_eq!(record.permits[0].cancelled_on, Some(date(2026, 12, 1)));
    assert_eq!(record.permits[0].valid_until, date(2036, 12, 31));
    // The holder sees the permit; an officer of another region does not.
    assert!(permits::get(db, &applicant, &me, permit_id).await.is_ok());
    assert!(matches!(
        permits::get(db, &officer_a, &elsewhere, permit_id).await,
        Err(StoreError::OtherRegion { .. })
    ));
}

async fn evidence_is_typed_by_content_and_stored_once(db: &Db) {
    let (applicant, id) = user(db, "applicant1", Role::Applicant, None).await;
    let (_, other) = user(db, "applicant2", Role::Applicant, None).await;
    let (officer, _) = user(db, "officer.a", Role::Officer, Some("KZ-75")).await;
    let me = Viewer::Applicant(id);
    let case =
        new_case(db, &applicant, id, "vs-ev", Programme::ValuableSkillsVisa, vs_facts(2), &eligible_vs(70))
            .await;
    let described = describe("diploma", "D-1", "KazNU", date(2015, 6, 30), TODAY).unwrap();
    let pdf = sample_pdf("Diploma D-1");
    let (meta, new) = evidence::add(
        db,
        &applicant,
        &me,
        case,
        &described,
        "C:\\scans\\diploma.pdf",
        pdf.clone(),
        MAX_EVIDENCE_BYTES,
    )
    .await
    .unwrap();
    assert!(new);
    assert_eq!(
        (meta.media_type.as_str(), meta.size_bytes, meta.file_name.as_str()),
        ("application/pdf", pdf.len() as i64, "diploma.pdf")
    );
    assert_eq!(meta.sha256.len(), 64);
    let (again, new) =
        evidence::add(db, &applicant, &me, case, &described, "copy.pdf", pdf.clone(), MAX_EVIDENCE_BYTES)
            .await
            .unwrap();
    assert!(!new);
    assert_eq!(again.id, meta.id);
    // HTML named .pdf, HTML behind a PDF header, a PDF cut short, an empty file, a file over
    // the limit: refused, nothing written.
    for (bytes, max) in [
        (b"<html><script>alert(1)</script>".to_vec(), MAX_EVIDENCE_BYTES),
        (b"%PDF-1.4\n<html><script>alert(1)</script></html>\n%%EOF".to_vec(), MAX_EVIDENCE_BYTES),
        (pdf[..pdf.len() - 20].to_vec(), MAX_EVIDENCE_BYTES),
        (Vec::new(), MAX_EVIDENCE_BYTES),
        (pdf.clone(), 10),
    ] {
        let r = evidence::add(db, &applicant, &me, case, &described, "x.pdf", bytes, max).await;
        assert!(matches!(r, Err(StoreError::Field { ref field, .. }) if field == "file"), "{r:?}");
    }
    assert_eq!(evidence::list(db, case).await.unwrap().len(), 1);
    // A name that a direction control would show as "passportexe.pdf" is kept without it.
    let (named, _) = evidence::add(
        db,
        &applicant,
        &me,
        case,
        &described,
        "passport\u{202e}fdp.exe",
        sample_pdf("Passport"),
        MAX_EVIDENCE_BYTES,
    )
    .await
    .unwrap();
    assert_eq!(named.file_name, "passportfdp.exe");
    // Another applicant cannot add to it or read it; an officer may read, and it is audited.
    let r = evidence::add(
        db,
        &applicant,
        &Viewer::Applicant(other),
        case,
        &described,
        "x.pdf",
        sample_pdf("other"),
        MAX_EVIDENCE_BYTES,
    )
    .await;
    assert!(matches!(r, Err(StoreError::NotFound { .. })), "{r:?}");
    let (m, bytes) = evidence::download(db, &officer, &Viewer::Officer(Some("KZ-75".into())), case, meta.id)
        .await
        .unwrap();
    assert_eq!((bytes, m.sha256), (pdf.clone(), meta.sha256.clone()));
    assert_eq!(count(db, "SELECT COUNT(*) FROM audit_log WHERE action = 'case.evidence.read'").await, 1);
    // Once submitted, evidence waits for the officer's request.
    moves::submit(db, &applicant, &me, case, &eligible_vs(70)).await.unwrap();
    let r = evidence::add(
        db,
        &applicant,
        &me,
        case,
        &described,
        "late.pdf",
        sample_pdf("late"),
        MAX_EVIDENCE_BYTES,
    )
    .await;
    assert!(matches!(r, Err(StoreError::Refused(_))), "{r:?}");
}

async fn rounds_invite_by_points_and_time_and_are_reproducible(db: &Db) {
    let policy = policy();
    let (applicant, id) = user(db, "applicant1", Role::Applicant, None).await;
    let (officer, _) = user(db, "officer.a", Role::Officer, Some("KZ-75")).await;
    let me = Viewer::Applicant(id);
    let here = Viewer::Officer(Some("KZ-75".into()));
    let mut ids = Vec::new();
    for (i, points) in [70u32, 90, 70, 60, 70].into_iter().enumerate() {
        let c = new_case(
            db,
            &applicant,
            id,
            &format!("vs-r{i}"),
            Programme::ValuableSkillsVisa,
            vs_facts(2),
            &eligible_vs(points),
        )
        .await;
        moves::submit(db, &applicant, &me, c, &eligible_vs(points)).await.unwrap();
        ids.push(c);
    }
    // Not invited yet: no approval.
    let r = moves::decide(
        db,
        &officer,
        &here,
        &policy,
        ids[1],
        OfficerAction::Approve,
        "best",
        &eligible_vs(90),
        TODAY,
    )
    .await;
    assert!(matches!(r, Err(StoreError::Refused(ref m)) if m.english.contains("invitation")), "{r:?}");
    let (round, held) = rounds::hold(db, &officer, &policy, "2026-R1", Some(3), None, TODAY).await.unwrap();
    assert!(held);
    let invited: Vec<i64> = round.invitations.iter().map(|i| i.case_id).collect();
    // 90 first; of the three at 70 the two submitted first.
    assert_eq!(invited, vec![ids[1], ids[0], ids[2]]);
    assert_eq!((round.cut_off, round.considered), (Some(70), 5));
    assert!(rounds::verify(db, round.id).await.unwrap());
    // The same reference again is the same round; the next round considers the rest.
    let (again, held) = rounds::hold(db, &officer, &policy, "2026-R1", Some(3), None, TODAY).await.unwrap();
    assert!(!held);
    assert_eq!(again.id, round.id);
    let (next, _) = rounds::hold(db, &officer, &policy, "2026-R2", Some(10), None, TODAY).await.unwrap();
    assert_eq!(next.invitations.iter().map(|i| i.case_id).collect::<Vec<_>>(), vec![ids[4], ids[3]]);
    assert!(matches!(
        rounds::hold(db, &officer, &policy, "2026-R3", None, Some("astrology"), TODAY).await,
        Err(StoreError::Field { ref field, .. }) if field == "sector"
    ));
    // A tampered invitation list no longer re-derives.
    sqlx::query("UPDATE round_invitations SET rank = 9 WHERE case_id = $1")
        .bind(ids[2])
        .execute(&db.pool)
        .await
        .unwrap();
    assert!(!rounds::verify(db, round.id).await.unwrap());
}

async fn training_reports_are_due_per_period(db: &Db) {
    let policy = policy();
    let (applicant, id) = user(db, "applicant1", Role::Applicant, None).await;
    let (officer, _) = user(db, "officer.a", Role::Officer, Some("KZ-75")).await;
    let me = Viewer::Applicant(id);
    let here = Viewer::Officer(Some("KZ-75".into()));
    let issued_on = date(2025, 11, 1);
    let mut e = eligible_vs(80);
    e.applied_on = issued_on;
    e.validity = Some((issued_on, date(2035, 11, 1)));
    let c = new_case(db, &applicant, id, "vs-report", Programme::ValuableSkillsVisa, vs_facts(3), &e).await;
    moves::submit(db, &applicant, &me, c, &e).await.unwrap();
    rounds::hold(db, &officer, &policy, "R", Some(1), None, issued_on).await.unwrap();
    let case = moves::decide(
        db,
        &officer,
        &here,
        &policy,
        c,
        OfficerAction::Approve,
        "Invited, eligible.",
        &e,
        issued_on,
    )
    .await
    .unwrap();
    let permit_id = case.permit_id.unwrap();
    let p = permits::get(db, &applicant, &me, permit_id).await.unwrap();
    assert_eq!(p.min_trainees, Some(3));
    assert!(p.number.starts_with("VSV-2025-"));
    // On 21 November 2026: the periods ending 30 April and 31 October 2026 have ended; the
    // first was due 30 May, so it is overdue; the second is due 30 November.
    let overdue = permits::overdue(db, &policy, &here, TODAY).await.unwrap();
    assert_eq!(overdue.len(), 1);
    assert_eq!(overdue[0].periods.iter().map(|p| p.number).collect::<Vec<_>>(), vec![1]);
    assert!(matches!(
        permits::file_report(db, &applicant, &me, &policy, permit_id, 3, 2, "too early", TODAY).await,
        Err(StoreError::Field { ref field, .. }) if field == "period"
    ));
    assert!(
        permits::file_report(
            db,
            &applicant,
            &me,
            &policy,
            permit_id,
            1,
            3,
            "Trained three engineers.",
            TODAY
        )
        .await
        .unwrap()
    );
    assert!(
        !permits::file_report(
            db,
            &applicant,
            &me,
            &policy,
            permit_id,
            1,
            3,
            "Trained three engineers.",
            TODAY
        )
        .await
        .unwrap()
    );
    assert!(matches!(
        permits::file_report(db, &applicant, &me, &policy, permit_id, 1, 1, "changed", TODAY).await,
        Err(StoreError::Conflict { .. })
    ));
    assert!(permits::overdue(db, &policy, &here, TODAY).await.unwrap().is_empty());
    // An officer of another region is not shown it; an officer cannot file for the holder.
    let there = Viewer::Officer(Some("KZ-71".into()));
    assert!(permits::overdue(db, &policy, &there, date(2027, 6, 1)).await.unwrap().is_empty());
    assert_eq!(permits::overdue(db, &policy, &here, date(2027, 6, 1)).await.unwrap().len(), 1);
    assert!(matches!(
        permits::file_report(db, &officer, &here, &policy, permit_id, 2, 1, "x", TODAY).await,
        Err(StoreError::Forbidden(_))
    ));
}

/// 500 approvals at once for a quota of 100 places: exactly 100 permits, 400 refusals, and the
/// quota's count agrees.
async fn the_quota_holds_under_500_simultaneous_approvals(db: &Db) {
    let policy = Arc::new(policy());
    let (applicant, id) = user(db, "applicant1", Role::Applicant, None).await;
    let (officer, _) = user(db, "officer.a", Role::Officer, Some("KZ-75")).await;
    let me = Viewer::Applicant(id);
    let e = eligible_vs(75);
    for i in 0..500 {
        let new = NewCase {
            reference: format!("vs-q{i:03}"),
            programme: Programme::ValuableSkillsVisa,
            region: "KZ-75".into(),
            holder: holder("APPLICANT", &format!("Q{i:07}")),
            facts: vs_facts(2),
        };
        let (c, _) = moves::create(db, &applicant, id, &new, &e).await.unwrap();
        moves::submit(db, &applicant, &me, c, &e).await.unwrap();
    }
    let (round, _) = rounds::hold(db, &officer, &policy, "big", Some(500), None, TODAY).await.unwrap();
    assert_eq!(round.invitations.len(), 500);
    let mut tasks = tokio::task::JoinSet::new();
    for inv in &round.invitations {
        let (db, officer, policy, e, case) =
            (db.clone(), officer.clone(), policy.clone(), e.clone(), inv.case_id);
        tasks.spawn(async move {
            let here = Viewer::Officer(Some("KZ-75".into()));
            moves::decide(
                &db,
                &officer,
                &here,
                &policy,
                case,
                OfficerAction::Approve,
                "Invited and eligible.",
                &e,
                TODAY,
            )
            .await
        });
    }
    let (mut granted, mut refused) = (0, 0);
    while let Some(done) = tasks.join_next().await {
        match done.expect("the task ran") {
            Ok(case) => {
                assert_eq!(case.status, CaseStatus::Approved);
                granted += 1;
            }
            Err(StoreError::Refused(m)) if m.english.contains("quota exhausted") => refused += 1,
            Err(other) => panic!("unexpected: {other}"),
        }
    }
    assert_eq!((granted, refused), (100, 400));
    assert_eq!(count(db, "SELECT COUNT(*) FROM case_permits").await, 100);
    assert_eq!(count(db, "SELECT COUNT(*) FROM cases WHERE status = 'approved'").await, 100);
    assert_eq!(count(db, "SELECT COUNT(*) FROM cases WHERE status = 'submitted'").await, 400);
    let q = quotas::list(db).await.unwrap();
    assert_eq!((q[0].places, q[0].used), (100, 100));
    // Numbers are dense and unique: 1 to 100.
    assert_eq!(count(db, "SELECT COUNT(DISTINCT number) FROM case_permits").await, 100);
    assert!(ashyq_store::cases::permits::by_number(db, "VSV-2026-000100").await.is_ok());
    // Setting fewer places than are taken is refused.
    let r = quotas::set(db, &Actor::cli(), Programme::ValuableSkillsVisa, 2026, 99).await;
    assert!(matches!(r, Err(StoreError::Field { ref field, .. }) if field == "places"), "{r:?}");
}

/// The holder of a permanent-residence permit files bank certificates: the same again changes
/// nothing, another with the same date is a conflict; the latest one feeds the re-check.
async fn solvency_confirmations_feed_the_recheck(db: &Db) {
    let policy = policy();
    let (applicant, id) = user(db, "applicant1", Role::Applicant, None).await;
    let (_, other_id) = user(db, "applicant2", Role::Applicant, None).await;
    let (officer_a, _) = user(db, "officer.a", Role::Officer, Some("KZ-75")).await;
    let (officer_b, _) = user(db, "officer.b", Role::Officer, Some("KZ-75")).await;
    let me = Viewer::Applicant(id);
    let here = Viewer::Officer(Some("KZ-75".into()));
    let e = evaluate_pr(&policy, &kandas_facts(), TODAY);
    let c =
        new_case(db, &applicant, id, "pr-solvency", Programme::PermanentResidence, kandas_facts(), &e).await;
    moves::submit(db, &applicant, &me, c, &e).await.unwrap();
    moves::decide(db, &officer_a, &here, &policy, c, OfficerAction::Approve, "Kandas.", &e, TODAY)
        .await
        .unwrap();
    let case = moves::confirm(db, &officer_b, &here, &policy, c, "", &e, TODAY).await.unwrap();
    let permit_id = case.permit_id.expect("the permit is issued");
    let amount = |s: &str| s.parse().expect("a decimal");
    let on = date(2026, 10, 1);

    assert!(solvency::of_permit(db, permit_id).await.unwrap().is_empty());
    let new = solvency::confirm(db, &applicant, &me, permit_id, amount("6000000.00"), true, on, TODAY);
    assert!(new.await.unwrap(), "the first certificate is new");
    let again = solvency::confirm(db, &applicant, &me, permit_id, amount("6000000"), true, on, TODAY);
    assert!(!again.await.unwrap(), "the same certificate again changes nothing");
    let r = solvency::confirm(db, &applicant, &me, permit_id, amount("5000000"), true, on, TODAY).await;
    assert!(matches!(r, Err(StoreError::Conflict { .. })), "{r:?}");
    let r =
        solvency::confirm(db, &applicant, &me, permit_id, amount("6000000"), true, date(2026, 11, 22), TODAY)
            .await;
    assert!(matches!(r, Err(StoreError::Field { ref field, .. }) if field == "certified_on"), "{r:?}");
    let r = solvency::confirm(db, &applicant, &me, permit_id, amount("-1"), true, on, TODAY).await;
    assert!(matches!(r, Err(StoreError::Field { ref field, .. }) if field == "amount_kzt"), "{r:?}");
    // An officer does not file for the holder; another applicant does not see the permit.
    let r = solvency::confirm(db, &officer_a, &here, permit_id, amount("6000000"), true, on, TODAY).await;
    assert!(matches!(r, Err(StoreError::Forbidden(_))), "{r:?}");
    let r = solvency::confirm(
        db,
        &applicant,
        &Viewer::Applicant(other_id),
        permit_id,
        amount("1"),
        true,
        on,
        TODAY,
    )
    .await;
    assert!(matches!(r, Err(StoreError::NotFound { .. })), "{r:?}");
    // A later certificate, from a foreign bank, is listed first.
    let later = date(2026, 11, 20);
    assert!(
        solvency::confirm(db, &applicant, &me, permit_id, amount("7000000.5"), false, later, TODAY)
            .await
            .unwrap()
    );
    let filed = solvency::of_permit(db, permit_id).await.unwrap();
    assert_eq!(
        filed.iter().map(|c| (c.certified_on, c.amount, c.kazakh_bank)).collect::<Vec<_>>(),
        [
            (date(2026, 11, 20), "7000000.5".parse::<Tenge>().unwrap(), false),
            (date(2026, 10, 1), "6000000".parse::<Tenge>().unwrap(), true)
        ]
    );
    assert_eq!(filed[0].filed_by, "applicant1");
    assert_eq!(count(db, "SELECT COUNT(*) FROM audit_log WHERE action = 'permit.solvency'").await, 2);

    // The re-check's facts: the latest certificate's funds replace the application's.
    let facts = solvency::facts_for_recheck(&kandas_facts(), filed.first());
    assert_eq!(
        facts["applicant"]["funds"],
        serde_json::json!({ "amount_kzt": "7000000.5", "kazakh_bank": false, "certified_on": "2026-11-20" })
    );
    assert_eq!(facts["region"], "KZ-75", "the other facts stay");
    assert_eq!(solvency::facts_for_recheck(&kandas_facts(), None), kandas_facts());

    // A valuable-skills permit has no solvency to confirm.
    let mut vs = eligible_vs(80);
    vs.applied_on = TODAY;
    let v =
        new_case(db, &applicant, id, "vs-solvency", Programme::ValuableSkillsVisa, vs_facts(3), &vs).await;
    moves::submit(db, &applicant, &me, v, &vs).await.unwrap();
    rounds::hold(db, &officer_a, &policy, "R-solvency", Some(1), None, TODAY).await.unwrap();
    let case =
        moves::decide(db, &officer_a, &here, &policy, v, OfficerAction::Approve, "Invited.", &vs, TODAY)
            .await
            .unwrap();
    let vs_permit = case.permit_id.expect("the valuable-skills permit is issued");
    let r = solvency::confirm(db, &applicant, &me, vs_permit, amount("6000000"), true, on, TODAY).await;
    assert!(
        matches!(r, Err(StoreError::Refused(ref m)) if m.english.contains("permanent-residence")),
        "{r:?}"
    );
    assert!(solvency::of_permit(db, vs_permit).await.unwrap().is_empty());
}

/// Audited reads (cases, permits, evidence) and writes (messages on a case, logouts) at once,
/// `n` of them: every one lands in the audit chain, and the chain verifies. Reads used to append
/// outside a transaction, so two at the same moment linked to the same record and forked it.
async fn audited_reads_and_writes_at_once(db: &Db, n: usize) {
    let policy = Arc::new(policy());
    let (applicant, id) = user(db, "applicant1", Role::Applicant, None).await;
    let (officer, officer_id) = user(db, "officer.a", Role::Officer, Some("KZ-75")).await;
    let me = Viewer::Applicant(id);
    let here = Viewer::Officer(Some("KZ-75".into()));
    let e = eligible_vs(75);
    let case = new_case(db, &applicant, id, "vs-audit", Programme::ValuableSkillsVisa, vs_facts(2), &e).await;
    let described = describe("diploma", "D-1", "KazNU", date(2015, 6, 30), TODAY).unwrap();
    let pdf = sample_pdf("Diploma D-1");
    let (evidence, _) =
        evidence::add(db, &applicant, &me, case, &described, "diploma.pdf", pdf.clone(), MAX_EVIDENCE_BYTES)
            .await
            .unwrap();
    moves::submit(db, &applicant, &me, case, &e).await.unwrap();
    rounds::hold(db, &officer, &policy, "audit", Some(1), None, TODAY).await.unwrap();
    let approved =
        moves::decide(db, &officer, &here, &policy, case, OfficerAction::Approve, "Invited.", &e, TODAY)
            .await
            .unwrap();
    let permit = approved.permit_id.expect("the permit is issued");
    let account = users::get(db, officer_id).await.unwrap();
    let before = count(db, "SELECT COUNT(*) FROM audit_log").await;

    let mut tasks = tokio::task::JoinSet::new();
    for i in 0..n {
        let (db, officer, here, account) = (db.clone(), officer.clone(), here.clone(), account.clone());
        tasks.spawn(async move {
            match i % 5 {
                0 => read::get(&db, &officer, &here, case).await.map(drop),
                1 => permits::get(&db, &officer, &here, permit).await.map(drop),
                2 => evidence::download(&db, &officer, &here, case, evidence.id).await.map(drop),
                3 => moves::message(&db, &officer, &here, case, &format!("note {i}")).await,
                _ => {
                    let (token, _) = ashyq_store::sessions::create(&db, &account, 60).await?;
                    ashyq_store::sessions::delete(&db, &officer, &token).await
                }
            }
        });
    }
    while let Some(done) = tasks.join_next().await {
        done.expect("the task ran").expect("the read or write succeeds");
    }
    let after = count(db, "SELECT COUNT(*) FROM audit_log").await;
    assert_eq!(after - before, n as i64, "one record per read or write");
    assert_eq!(ashyq_store::audit::verify(db).await.unwrap(), after, "the chain is intact");
}

async fn audited_reads_and_writes_200_at_once(db: &Db) {
    audited_reads_and_writes_at_once(db, 200).await;
}

async fn audited_reads_and_writes_500_at_once(db: &Db) {
    audited_reads_and_writes_at_once(db, 500).await;
}

/// A case's submission time is the instant it is sent, not its last change before that: the
/// queue orders by it, counts the days waiting from it and rounds break ties on it.
async fn submitted_at_is_the_moment_of_sending(db: &Db) {
    let (applicant, id) = user(db, "applicant1", Role::Applicant, None).await;
    let me = Viewer::Applicant(id);
    let here = Viewer::Officer(Some("KZ-75".into()));
    let (officer, _) = user(db, "officer.a", Role::Officer, Some("KZ-75")).await;
    // The first drafted is sent last: it is the later in the queue.
    let first = new_case(
        db,
        &applicant,
        id,
        "vs-first",
        Programme::ValuableSkillsVisa,
        vs_facts(2),
        &eligible_vs(70),
    )
    .await;
    tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    let second = new_case(
        db,
        &applicant,
        id,
        "vs-second",
        Programme::ValuableSkillsVisa,
        vs_facts(2),
        &eligible_vs(70),
    )
    .await;
    tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    let before = ashyq_store::codec::now();
    let sent = moves::submit(db, &applicant, &me, second, &eligible_vs(70)).await.unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    let sent_later = moves::submit(db, &applicant, &me, first, &eligible_vs(70)).await.unwrap();
    let after = ashyq_store::codec::now();
    let at = sent.submitted_at.expect("a submitted case has its time");
    assert!(at >= before && at > sent.created_at, "{at} is before sending ({before})");
    assert_eq!(Some(sent.updated_at), sent.submitted_at);
    let at_later = sent_later.submitted_at.unwrap();
    assert!(at_later > at && at_later <= after, "{at_later} not between {at} and {after}");
    let queue = read::queue(
        db,
        &officer,
        &here,
        &read::QueueFilter {
            programme: None,
            status: Some(CaseStatus::Submitted),
            region: None,
            older_than_days: None,
            now: after,
            limit: 100,
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert_eq!(queue.iter().map(|c| c.id).collect::<Vec<_>>(), vec![second, first]);
}

/// Two documents scanned into one file are two pieces of evidence over the same bytes, stored
/// once; the same document with the same file again changes nothing.
async fn two_documents_in_one_file_are_both_kept(db: &Db) {
    let (applicant, id) = user(db, "applicant1", Role::Applicant, None).await;
    let (officer, _) = user(db, "officer.a", Role::Officer, Some("KZ-75")).await;
    let me = Viewer::Applicant(id);
    let case =
        new_case(db, &applicant, id, "vs-scan", Programme::ValuableSkillsVisa, vs_facts(2), &eligible_vs(70))
            .await;
    let pdf = sample_pdf("Diploma D-1 and bank certificate B-9");
    let diploma = describe("diploma", "D-1", "KazNU", date(2015, 6, 30), TODAY).unwrap();
    let bank = describe("bank_certificate", "B-9", "Halyk Bank", date(2026, 11, 1), TODAY).unwrap();
    let (d, new) =
        evidence::add(db, &applicant, &me, case, &diploma, "scan.pdf", pdf.clone(), MAX_EVIDENCE_BYTES)
            .await
            .unwrap();
    assert!(new);
    let (b, new) =
        evidence::add(db, &applicant, &me, case, &bank, "scan.pdf", pdf.clone(), MAX_EVIDENCE_BYTES)
            .await
            .unwrap();
    assert!(new, "the second document in the same file is recorded");
    assert_ne!(d.id, b.id);
    assert_eq!((b.document_type.as_str(), b.number.as_str()), ("bank_certificate", "B-9"));
    assert_eq!(b.sha256, d.sha256);
    // The same document with the same file again: the stored one.
    let (again, new) =
        evidence::add(db, &applicant, &me, case, &bank, "copy.pdf", pdf.clone(), MAX_EVIDENCE_BYTES)
            .await
            .unwrap();
    assert!(!new);
    assert_eq!(again.id, b.id);
    let files = evidence::list(db, case).await.unwrap();
    assert_eq!(files.iter().map(|f| f.id).collect::<Vec<_>>(), vec![d.id, b.id]);
    for f in &files {
        let (_, bytes) = evidence::download(db, &officer, &Viewer::Officer(Some("KZ-75".into())), case, f.id)
            .await
            .unwrap();
        assert_eq!(bytes, pdf);
    }
    assert_eq!(count(db, "SELECT COUNT(*) FROM case_events WHERE kind = 'evidence'").await, 2);
    assert_eq!(count(db, "SELECT COUNT(*) FROM case_files").await, 1, "the bytes are stored once");
}

both_backends!(
    permanent_residence_from_draft_to_permit_with_four_eyes,
    evidence_is_typed_by_content_and_stored_once,
    rounds_invite_by_points_and_time_and_are_reproducible,
    training_reports_are_due_per_period,
    the_quota_holds_under_500_simultaneous_approvals,
    solvency_confirmations_feed_the_recheck,
    audited_reads_and_writes_200_at_once,
    audited_reads_and_writes_500_at_once,
    submitted_at_is_the_moment_of_sending,
    two_documents_in_one_file_are_both_kept,
);
