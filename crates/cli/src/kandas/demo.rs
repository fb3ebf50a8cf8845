//! The demo's kandas resettlement (issue 16): an officer of North Kazakhstan (a designated
//! region) and four applicant accounts, each filing their family's application from their own
//! account as the self-service pages do; the officer assigns two families to the region (one
//! paid), the others wait — one of them the README's `demo-applicant`, choosing Almaty, for
//! `demo-officer` to assign. Every name is FICTIONAL, and marked so in the language of the
//! demo's texts (`demo_text`).

use crate::demo_text::DemoText;
use ashyq_core::Role;
use ashyq_core::kandas::{Application, Member, Person};
use ashyq_core::policy::Policy;
use ashyq_store::kandas::{self, own};
use ashyq_store::users::{self, NewUser};
use ashyq_store::{Actor, Db, StoreError};
use jiff::civil::Date;

/// The accounts of the demo's kandas: the region's officer (the message of the name) and the
/// applicants (their numbers).
const ACCOUNTS: [(&str, Role, Option<&str>, &str); 5] = [
    ("officer.petropavl", Role::Officer, Some("KZ-59"), "demo-account-officer-petropavl"),
    ("kandas1", Role::Applicant, None, "1"),
    ("kandas2", Role::Applicant, None, "2"),
    ("kandas3", Role::Applicant, None, "3"),
    ("kandas4", Role::Applicant, None, "4"),
];

fn actor(username: &str, user_id: i64, role: Role) -> Actor {
    Actor { user_id: Some(user_id), username: username.into(), role, request_id: "demo-kandas".into() }
}

/// A fictional person: the surname as in the passport, marked fictional.
fn person(text: &DemoText, surname: &str, given: &str, born: (i16, i8, i8)) -> Person {
    Person {
        surname: text.fictional(surname),
        given_names: given.into(),
        birth_date: Date::new(born.0, born.1, born.2).unwrap_or(Date::MIN),
    }
}

fn member(text: &DemoText, surname: &str, given: &str, born: (i16, i8, i8), relation: &str) -> Member {
    Member { person: person(text, surname, given, born), relation: relation.into() }
}

/// What happens to a demo application after it is filed.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Then {
    Wait,
    Assign,
    AssignAndPay,
}

/// Makes the accounts and applications unless `kandas1` exists already. Returns what it did,
/// with the new accounts' passwords (shown this once).
pub async fn load(db: &Db, policy: &Policy, text: &DemoText) -> anyhow::Result<Option<String>> {
    if users::by_username(db, "kandas1").await.is_ok() {
        return Ok(None);
    }
    let cli = Actor::cli();
    let mut logins = Vec::new();
    let mut ids = std::collections::HashMap::new();
    for (username, role, region, name) in ACCOUNTS {
        let password = crate::accounts::generate_password();
        let display_name = match role {
            Role::Applicant => text.args("demo-account-kandas-applicant", &[("number", name)]),
            _ => text.t(name),
        };
        let new = NewUser {
            username: username.into(),
            display_name,
            role,
            region: region.map(Into::into),
            password: password.clone(),
        };
        let user = users::create(db, &cli, new).await?;
        ids.insert(username, user.id);
        logins.push(format!("  {username:<18} {:<12} {password}", role.as_str()));
    }
    let officer = actor("officer.petropavl", ids["officer.petropavl"], Role::Officer);
    let person = |surname, given, born| person(text, surname, given, born);
    let member = |surname, given, born, relation| member(text, surname, given, born, relation);
    let mongolia = Application {
        applicant: person("Batbayar", "Serik", (1984, 3, 14)),
        members: vec![
            member("Batbayar", "Aigul", (1987, 7, 2), "spouse"),
            member("Serikuly", "Nurlan", (2010, 1, 20), "child"),
            member("Serikkyzy", "Dana", (2014, 9, 5), "child"),
        ],
        origin: "MNG".into(),
        ethnic_kazakh: true,
        citizen: false,
        region: "KZ-59".into(),
    };
    let china = Application {
        applicant: person("Nurbek", "Erlan", (1979, 11, 30)),
        members: vec![
            member("Nurbek", "Gulnar", (1981, 4, 12), "spouse"),
            member("Erlanuly", "Arman", (1955, 2, 1), "parent"),
        ],
        origin: "CHN".into(),
        ethnic_kazakh: true,
        citizen: false,
        region: "KZ-59".into(),
    };
    let uzbekistan = Application {
        applicant: person("Karimova", "Saule", (1992, 6, 18)),
        members: vec![member("Karimov", "Timur", (2019, 12, 3), "child")],
        origin: "UZB".into(),
        ethnic_kazakh: true,
        citizen: false,
        region: "KZ-59".into(),
    };
    let turkmenistan = Application {
        applicant: person("Orazov", "Bakhyt", (1975, 8, 8)),
        members: vec![
            member("Orazova", "Zhanar", (1978, 5, 25), "spouse"),
            member("Orazov", "Daniyar", (2004, 3, 3), "child"),
            member("Orazova", "Aliya", (2008, 10, 10), "child"),
            member("Orazov", "Askar", (2012, 12, 12), "child"),
        ],
        origin: "TKM".into(),
        ethnic_kazakh: true,
        citizen: false,
        region: "KZ-39".into(),
    };
    let mut filed = vec![
        ("kandas1", ids["kandas1"], mongolia, Then::AssignAndPay),
        ("kandas2", ids["kandas2"], china, Then::Assign),
        ("kandas3", ids["kandas3"], uzbekistan, Then::Wait),
        ("kandas4", ids["kandas4"], turkmenistan, Then::Wait),
    ];
    if let Ok(u) = users::by_username(db, "demo-applicant").await {
        let almaty = Application {
            applicant: person("Tursyn", "Aset", (1990, 2, 22)),
            members: vec![member("Tursyn", "Madina", (1993, 8, 17), "spouse")],
            origin: "RUS".into(),
            ethnic_kazakh: true,
            citizen: false,
            region: "KZ-75".into(),
        };
        filed.push(("demo-applicant", u.id, almaty, Then::Wait));
    }
    let today = ashyq_store::today();
    let (mut assigned, mut waiting) = (0, 0);
    for (i, (username, id, facts, then)) in filed.into_iter().enumerate() {
        let who = actor(username, id, Role::Applicant);
        let (app, _) = own::file(db, &who, id, &format!("demo-kandas-{i}"), &facts, today).await?;
        if then == Then::Wait {
            waiting += 1;
            continue;
        }
        // No quota in the policy for this year: the family waits instead.
        match kandas::assign(db, &officer, Some("KZ-59"), policy, app.id, today).await {
            Ok(_) => assigned += 1,
            Err(StoreError::Refused(_)) => {
                waiting += 1;
                continue;
            }
            Err(e) => return Err(e.into()),
        }
        if then == Then::AssignAndPay {
            kandas::pay(db, &officer, Some("KZ-59"), app.id, today).await?;
        }
    }
    let mut out = format!(
        "kandas: {assigned} families assigned to North Kazakhstan, {waiting} waiting, each filed from an \
         applicant's account; try `ashyq kandas list` and `ashyq kandas report`\n\
         Kandas accounts (the passwords are shown this once):"
    );
    for l in &logins {
        out.push('\n');
        out.push_str(l);
    }
    Ok(Some(out))
}
