//! Rules for accounts: what a username, a display name and a password must look like, and
//! which region an account may be scoped to.

use crate::region;
use crate::role::Role;

/// Shortest password accepted. Long passphrases beat complex short ones (NIST SP 800-63B).
pub const PASSWORD_MIN_CHARS: usize = 12;
/// Longest password accepted: bounds the work a login request can cause.
pub const PASSWORD_MAX_CHARS: usize = 256;
pub const USERNAME_MAX_CHARS: usize = 64;
pub const DISPLAY_NAME_MAX_CHARS: usize = 200;

/// Why an account field was refused. The message names the field.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AccountError {
    #[error(
        "username: must be 3 to {USERNAME_MAX_CHARS} characters of a-z, 0-9, '.', '_', '-' or '@', starting with a letter or digit"
    )]
    BadUsername,
    #[error("password: must be at least {PASSWORD_MIN_CHARS} characters")]
    PasswordTooShort,
    #[error("password: must be at most {PASSWORD_MAX_CHARS} characters")]
    PasswordTooLong,
    #[error("password: must not be the username")]
    PasswordIsUsername,
    #[error(
        "display_name: must be 1 to {DISPLAY_NAME_MAX_CHARS} characters without control or text-direction characters"
    )]
    BadDisplayName,
    #[error("region: {0:?} is not an ISO 3166-2 code of a region of Kazakhstan (e.g. KZ-75)")]
    UnknownRegion(String),
    #[error("region: only coordinator and officer accounts are scoped to a region, not {0}")]
    RegionNotAllowed(Role),
    #[error("role: public is the absence of an account and cannot be given to one")]
    PublicAccount,
    #[error("email: must be an e-mail address such as name@example.kz, at most {EMAIL_MAX_CHARS} characters")]
    BadEmail,
    #[error("phone: must be a telephone number of 10 to 15 digits, such as +7 701 234 56 78")]
    BadPhone,
}

pub const EMAIL_MAX_CHARS: usize = 254;

/// Normalises and checks a username: trimmed and lower-cased.
pub fn username(raw: &str) -> Result<String, AccountError> {
    let name = raw.trim().to_lowercase();
    let n = name.chars().count();
    let allowed = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || ".-_@".contains(c);
    let starts_well = name.chars().next().is_some_and(|c| c.is_ascii_alphanumeric());
    if (3..=USERNAME_MAX_CHARS).contains(&n) && starts_well && name.chars().all(allowed) {
        Ok(name)
    } else {
        Err(AccountError::BadUsername)
    }
}

/// Checks a new password against the policy.
pub fn password(password: &str, username: &str) -> Result<(), AccountError> {
    let n = password.chars().count();
    if n < PASSWORD_MIN_CHARS {
        return Err(AccountError::PasswordTooShort);
    }
    if n > PASSWORD_MAX_CHARS {
        return Err(AccountError::PasswordTooLong);
    }
    if password.trim().eq_ignore_ascii_case(username.trim()) {
        return Err(AccountError::PasswordIsUsername);
    }
    Ok(())
}

/// Normalises and checks a display name (the person's name as shown to others).
pub fn display_name(raw: &str) -> Result<String, AccountError> {
    let name = raw.trim();
    let n = name.chars().count();
    let clean = crate::text::check("display_name", crate::text::Kind::Name, name).is_ok();
    if (1..=DISPLAY_NAME_MAX_CHARS).contains(&n) && clean {
        Ok(name.to_string())
    } else {
        Err(AccountError::BadDisplayName)
    }
}

/// Normalises and checks an e-mail address: trimmed, the domain lower-cased. One `@`, a local
/// part of printable ASCII without spaces or quotes, and a domain of at least two labels of
/// letters (Unicode letters too, as internationalised domains are typed), digits and hyphens.
pub fn email(raw: &str) -> Result<String, AccountError> {
    let addr = raw.trim();
    let (local, domain) = addr.split_once('@').ok_or(AccountError::BadEmail)?;
    let local_ok = (1..=64).contains(&local.len())
        && local.chars().all(|c| c.is_ascii_graphic() && !"@\"(),:;<>[\\]".contains(c))
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..");
    let domain = domain.to_lowercase();
    let labels: Vec<&str> = domain.split('.').collect();
    let label_ok = |l: &&str| {
        (1..=63).contains(&l.chars().count())
            && l.chars().all(|c| c.is_alphanumeric() || c == '-')
            && !l.starts_with('-')
            && !l.ends_with('-')
    };
    let tld_ok = labels.last().is_some_and(|t| t.chars().count() >= 2 && t.chars().all(char::is_alphabetic));
    let whole = format!("{local}@{domain}");
    if local_ok
        && labels.len() >= 2
        && labels.iter().all(label_ok)
        && tld_ok
        && whole.chars().count() <= EMAIL_MAX_CHARS
    {
        Ok(whole)
    } else {
        Err(AccountError::BadEmail)
    }
}

/// Normalises and checks an optional telephone number: empty is none; else spaces, hyphens,
/// dots and brackets are dropped and the digits kept with a leading `+`. A Kazakh number typed
/// the domestic way (`8 701 …`, 11 digits) becomes `+7 701 …`.
pub fn phone(raw: &str) -> Result<Option<String>, AccountError> {
    let typed = raw.trim();
    if typed.is_empty() {
        return Ok(None);
    }
    let (plus, rest) = match typed.strip_prefix('+') {
        Some(r) => (true, r),
        None => (false, typed),
    };
    if !rest.chars().all(|c| c.is_ascii_digit() || " -.()".contains(c)) {
        return Err(AccountError::BadPhone);
    }
    let mut digits: String = rest.chars().filter(char::is_ascii_digit).collect();
    if !plus && digits.len() == 11 && digits.starts_with('8') {
        digits.replace_range(0..1, "7");
    }
    if (10..=15).contains(&digits.len()) {
        Ok(Some(format!("+{digits}")))
    } else {
        Err(AccountError::BadPhone)
    }
}

/// Checks the role of an account and its optional region; returns the canonical region code.
pub fn scope(role: Role, region: Option<&str>) -> Result<Option<String>, AccountError> {
    if role == Role::Public {
        return Err(AccountError::PublicAccount);
    }
    let region = region.map(str::trim).filter(|r| !r.is_empty());
    match region {
        None => Ok(None),
        Some(_) if !role.may_have_region() => Err(AccountError::RegionNotAllowed(role)),
        Some(code) => region::by_code(code)
            .map(|r| Some(r.code.clone()))
            .ok_or_else(|| AccountError::UnknownRegion(code.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn usernames_are_normalised_and_checked() {
        assert_eq!(username("  A.Serikbayev ").as_deref(), Ok("a.serikbayev"));
        assert_eq!(username("officer-75@gov.kz").as_deref(), Ok("officer-75@gov.kz"));
        for bad in ["", "ab", ".dot", "with space", "ұлан", &"x".repeat(65)] {
            assert_eq!(username(bad), Err(AccountError::BadUsername), "{bad:?}");
        }
    }

    #[test]
    fn passwords_follow_the_policy() {
        assert_eq!(password("short", "u"), Err(AccountError::PasswordTooShort));
        assert_eq!(password(&"x".repeat(257), "u"), Err(AccountError::PasswordTooLong));
        assert_eq!(password("administrator", "Administrator"), Err(AccountError::PasswordIsUsername));
        assert_eq!(password("correct horse battery", "admin"), Ok(()));
        // Characters, not bytes: twelve Kazakh letters are enough.
        assert_eq!(password("ұзаққұпиясөз", "admin"), Ok(()));
    }

    #[test]
    fn email_addresses_are_normalised_and_checked() {
        assert_eq!(email(" Aigerim.S@Mail.KZ ").as_deref(), Ok("Aigerim.S@mail.kz"));
        assert_eq!(email("a+tag@почта.қаз").as_deref(), Ok("a+tag@почта.қаз"));
        for bad in
            ["", "no-at", "a@b", "a@@b.kz", "a b@c.kz", "a@b..kz", ".a@b.kz", "a@-b.kz", "a@b.k1", "a@b\n.kz"]
        {
            assert_eq!(email(bad), Err(AccountError::BadEmail), "{bad:?}");
        }
        assert_eq!(email(&format!("{}@example.kz", "x".repeat(65))), Err(AccountError::BadEmail));
    }

    #[test]
    fn phone_numbers_are_normalised_and_checked() {
        assert_eq!(phone("  "), Ok(None));
        assert_eq!(phone("+7 (701) 234-56-78"), Ok(Some("+77012345678".into())));
        assert_eq!(phone("8 701 234 56 78"), Ok(Some("+77012345678".into())));
        assert_eq!(phone("+998 90 123 45 67"), Ok(Some("+998901234567".into())));
        for bad in ["12345", "+7 701 abc", "++77012345678", &"1".repeat(16)] {
            assert_eq!(phone(bad), Err(AccountError::BadPhone), "{bad:?}");
        }
    }

    proptest! {
        /// What is kept is accepted again unchanged: normalising twice changes nothing.
        #[test]
        fn contact_normalisation_is_stable(local in "[a-z0-9._+-]{1,20}", domain in "[a-z0-9-]{1,20}", tld in "[a-z]{2,6}", digits in "[0-9]{10,15}") {
            if let Ok(e) = email(&format!("{local}@{domain}.{tld}")) {
                prop_assert_eq!(email(&e), Ok(e.clone()));
            }
            let p = phone(&format!("+{digits}")).unwrap().unwrap();
            prop_assert_eq!(phone(&p), Ok(Some(p.clone())));
        }

        /// Any input is answered, never a panic.
        #[test]
        fn contact_checks_never_panic(s in "\\PC{0,300}") {
            let _ = email(&s);
            let _ = phone(&s);
        }
    }

    #[test]
    fn regions_only_for_scoped_roles() {
        assert_eq!(scope(Role::Officer, Some("kz-75")), Ok(Some("KZ-75".into())));
        assert_eq!(scope(Role::Coordinator, None), Ok(None));
        assert_eq!(scope(Role::Officer, Some(" ")), Ok(None));
        assert_eq!(scope(Role::Analyst, Some("KZ-75")), Err(AccountError::RegionNotAllowed(Role::Analyst)));
        assert_eq!(scope(Role::Officer, Some("KZ-00")), Err(AccountError::UnknownRegion("KZ-00".into())));
        assert_eq!(scope(Role::Public, None), Err(AccountError::PublicAccount));
    }

    #[test]
    fn display_names_refuse_control_characters() {
        assert_eq!(display_name(" Айгүл Серікова ").as_deref(), Ok("Айгүл Серікова"));
        assert_eq!(display_name("a\u{0}b"), Err(AccountError::BadDisplayName));
        assert_eq!(display_name("Ali\u{202e}cod.exe"), Err(AccountError::BadDisplayName));
        assert_eq!(display_name("two\nlines"), Err(AccountError::BadDisplayName));
        assert_eq!(display_name("   "), Err(AccountError::BadDisplayName));
    }

    proptest! {
        #[test]
        fn an_accepted_username_is_a_fixed_point(raw in "\\PC{0,80}") {
            if let Ok(name) = username(&raw) {
                prop_assert_eq!(username(&name), Ok(name.clone()));
            }
        }

        #[test]
        fn password_length_is_counted_in_characters(len in 0usize..300) {
            let pw = "ә".repeat(len);
            let ok = password(&pw, "someone").is_ok();
            prop_assert_eq!(ok, (PASSWORD_MIN_CHARS..=PASSWORD_MAX_CHARS).contains(&len));
        }
    }
}
