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
}

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
