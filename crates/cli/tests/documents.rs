//! Integration tests of `ashyq mrz parse` and `ashyq iin check`, each run as a process (no
//! database is opened).

mod support;

use support::{Output, run_in};

const TD3: &str =
    "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10\n";

fn ashyq(args: &[&str], stdin: Option<&str>) -> Output {
    run_in(&std::env::temp_dir(), None, args, stdin)
}

#[test]
fn a_passport_mrz_is_printed_as_json() {
    let text = TD3.replace('\n', "\r\n");
    let out = ashyq(&["mrz", "parse", "--today", "2026-11-21"], Some(&format!("  {text}"))).ok();
    let json = out.json();
    assert_eq!(json["format"], "TD3");
    assert_eq!(json["document_number"], "L898902C3");
    assert_eq!(json["issuing_state"], "UTO");
    assert_eq!(json["nationality"], "UTO");
    assert_eq!(json["surname"], "ERIKSSON");
    assert_eq!(json["given_names"], "ANNA MARIA");
    assert_eq!(json["birth_date"], "1974-08-12");
    assert_eq!(json["sex"], "female");
    assert_eq!(json["expiry_date"], "2012-04-15");
}

#[test]
fn an_id_card_mrz_parses_with_the_default_today() {
    let td1 =
        "I<UTOD231458907<<<<<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<6\nERIKSSON<<ANNA<MARIA<<<<<<<<<<\n";
    let json = ashyq(&["mrz", "parse"], Some(td1)).ok().json();
    assert_eq!(json["format"], "TD1");
    assert_eq!(json["document_number"], "D23145890");
    assert_eq!(json["birth_date"], "1974-08-12");
}

#[test]
fn a_wrong_check_digit_is_named_on_standard_error() {
    let spoilt = TD3.replace("L898902C36", "L898902C33");
    let out = ashyq(&["mrz", "parse", "--today", "2026-11-21"], Some(&spoilt)).code(2);
    assert_eq!(out.stderr.trim(), "mrz: document number: check digit 3 does not match the computed 6");
    assert!(out.stdout.is_empty());
}

#[test]
fn a_wrong_shape_is_named_on_standard_error() {
    let out = ashyq(&["mrz", "parse", "--today", "2026-11-21"], Some("P<UTO\n")).code(2);
    assert_eq!(out.stderr.trim(), "mrz: lines: got 1 non-blank lines, expected 2 (TD2, TD3) or 3 (TD1)");
    let short = TD3.replace("<<10", "<10");
    let out = ashyq(&["mrz", "parse", "--today", "2026-11-21"], Some(&short)).code(2);
    assert_eq!(out.stderr.trim(), "mrz: line 2: 43 characters, expected 44 (TD3)");
}

#[test]
fn a_valid_iin_gives_birth_date_and_sex() {
    let out = ashyq(&["iin", "check", "800415300122"], None).ok();
    assert_eq!(out.stdout.trim(), "IIN valid: born 1980-04-15, male");
    let json = ashyq(&["iin", "check", "800415300122", "--json"], None).ok().json();
    assert_eq!(json["valid"], true);
    assert_eq!(json["birth_date"], "1980-04-15");
    assert_eq!(json["sex"], "male");
}

#[test]
fn an_invalid_iin_says_why() {
    let out = ashyq(&["iin", "check", "800415300121"], None).code(2);
    assert_eq!(out.stderr.trim(), "IIN invalid: check digit is 1, expected 2");
    let out = ashyq(&["iin", "check", "80041530012"], None).code(2);
    assert_eq!(out.stderr.trim(), "IIN invalid: must be 12 digits, got 11 characters");
    let json = ashyq(&["iin", "check", "800415300121", "--json"], None).code(2).json();
    assert_eq!(json["valid"], false);
    assert_eq!(json["error"], "check digit is 1, expected 2");
}
