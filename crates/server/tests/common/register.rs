//! A small register of movements for the server's tests, dated from today: Ali (Uzbekistan,
//! visa-free: 30 days per entry) entered 60 days ago and never left — an overstayer, refused
//! entry once before; Anna (Germany) entered 10 days ago — lawful; Wang (China) holds a passport
//! that expired in 2020 and was refused entry 5 days ago. And TD3 zones for their documents, with
//! the check digits computed.

use super::Harness;
use ashyq_store::pipeline::Input;
use ashyq_store::pipeline::Quiet;
use ashyq_store::register::{self, RegisterFile, person};
use ashyq_store::{Actor, today};
use jiff::ToSpan;
use jiff::civil::Date;

pub const HEADER: &str = "event_id,kind,at,checkpoint,document_type,issuing_state,document_number,\
nationality,surname,given_names,birth_date,sex,expiry_date,reason";

pub const ALI: &str = "P,UZB,FA1234567,UZB,KARIMOV,ALI,1990-05-01,M,2030-01-01";
pub const ANNA: &str = "P,DEU,C01X00T47,DEU,MUSTERMANN,ANNA,1985-08-12,F,2031-03-01";
pub const WANG: &str = "P,CHN,E12345678,CHN,WANG,WEI,1979-02-03,M,2020-01-01";

/// `days` before today.
pub fn ago(days: i64) -> Date {
    today().checked_sub(days.days()).unwrap()
}

pub fn event(id: &str, kind: &str, day: Date, cp: &str, who: &str) -> String {
    let reason = if kind == "refusal" { "entry ban" } else { "" };
    format!("{id},{kind},{day}T10:00:00+05:00,{cp},{who},{reason}")
}

/// Imports crossings (CSV lines after the header) as the command line does.
pub async fn import(h: &Harness, lines: &[String]) {
    let mut text = format!("{HEADER}\n");
    for l in lines {
        text.push_str(l);
        text.push('\n');
    }
    let policy = ashyq_core::policy::Policy::kz().unwrap();
    let input = Input::from_bytes(text.into_bytes());
    let r =
        register::import(&h.db, &Actor::cli(), &policy, RegisterFile::Crossings, "t.csv", input, &mut Quiet)
            .await
            .expect("the import runs");
    assert!(r.committed, "{:?}", r.errors);
}

/// The three travellers (see the module's comment).
pub async fn travellers(h: &Harness) {
    import(
        h,
        &[
            event("T-ALI-0", "refusal", ago(200), "KHG", ALI),
            event("T-ALI-1", "entry", ago(60), "ZHZ", ALI),
            event("T-ANNA-1", "entry", ago(10), "ALA", ANNA),
            event("T-WANG-1", "refusal", ago(5), "KHG", WANG),
        ],
    )
    .await;
}

pub async fn person_of(h: &Harness, state: &str, number: &str) -> i64 {
    person::person_of_document(&h.db, state, number).await.unwrap().expect("in the register")
}

fn digit(text: &str) -> char {
    char::from(b'0' + ashyq_core::mrz::check_digit(text))
}

fn yymmdd(d: &str) -> String {
    d.replace('-', "").get(2..).unwrap().to_string()
}

/// The TD3 (passport) zone of a document given as the identity columns of a register file
/// (`P,UZB,FA1234567,UZB,KARIMOV,ALI,1990-05-01,M,2030-01-01`), with every check digit computed.
pub fn td3(identity: &str) -> String {
    let f: Vec<&str> = identity.split(',').collect();
    let [_, state, number, nationality, surname, given, birth, sex, expiry] = f[..] else {
        panic!("not nine identity columns: {identity}")
    };
    let names = format!("{}<<{}", surname.replace(' ', "<"), given.replace(' ', "<"));
    let line1 = format!("{:<<44}", format!("P<{state}{names}"));
    let num = format!("{number:<<9}");
    let a = format!("{num}{}", digit(&num));
    let b = format!("{}{}", yymmdd(birth), digit(&yymmdd(birth)));
    let c = format!("{}{}", yymmdd(expiry), digit(&yymmdd(expiry)));
    let d = format!("{}0", "<".repeat(14));
    let composite = digit(&format!("{a}{b}{c}{d}"));
    format!("{line1}\n{a}{nationality}{b}{sex}{c}{d}{composite}")
}

/// Ali's passport as its zone reads.
pub fn ali_mrz() -> String {
    td3(ALI)
}

/// The ICAO 9303 specimen passport (Utopia, a state that does not exist).
pub const SPECIMEN: &str =
    "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10";
