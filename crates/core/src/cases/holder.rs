//! Who an application is for: the identity of the passport the applicant travels on. The
//! permit a case issues is recorded in the register of movements against this document, so the
//! register's lawful-stay answer reflects it.

use crate::country;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Holder {
    pub surname: String,
    pub given_names: String,
    pub birth_date: Date,
    /// `M`, `F` or `X`, as in the passport.
    pub sex: String,
    /// ISO 3166-1 alpha-3 (the passport's issuing state is taken to be the same).
    pub nationality: String,
    pub passport_number: String,
    pub passport_expiry: Date,
}

/// Why a holder's identity is refused; the message names the field.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HolderError {
    #[error("holder.surname: must be 1 to 100 characters without control characters")]
    Surname,
    #[error("holder.given_names: must be at most 100 characters without control characters")]
    GivenNames,
    #[error("holder.sex: must be M, F or X")]
    Sex,
    #[error("holder.nationality: {0:?} is not an ISO 3166-1 alpha-3 code")]
    Nationality(String),
    #[error("holder.nationality: citizens of Kazakhstan do not apply for these permits")]
    Citizen,
    #[error("holder.passport_number: must be 1 to 20 letters A-Z and digits")]
    PassportNumber,
    #[error("holder.birth_date: {0} is not before today")]
    BirthDate(Date),
    #[error("holder.passport_expiry: the passport expired on {0}")]
    Expired(Date),
}

fn name(raw: &str, min: usize) -> Option<String> {
    let t = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    let n = t.chars().count();
    let clean = crate::text::check("name", crate::text::Kind::Name, &t).is_ok();
    ((min..=100).contains(&n) && clean).then_some(t)
}

impl Holder {
    /// The identity normalised (names' spaces collapsed, codes upper-cased) and checked against
    /// today.
    pub fn checked(self, today: Date) -> Result<Holder, HolderError> {
        let surname = name(&self.surname, 1).ok_or(HolderError::Surname)?;
        let given_names = name(&self.given_names, 0).ok_or(HolderError::GivenNames)?;
        let sex = self.sex.trim().to_ascii_uppercase();
        if !matches!(sex.as_str(), "M" | "F" | "X") {
            return Err(HolderError::Sex);
        }
        let nationality = self.nationality.trim().to_ascii_uppercase();
        if country::by_alpha3(&nationality).is_none() {
            return Err(HolderError::Nationality(self.nationality));
        }
        if nationality == "KAZ" {
            return Err(HolderError::Citizen);
        }
        let passport_number = self.passport_number.trim().to_ascii_uppercase();
        let n = passport_number.len();
        if !(1..=20).contains(&n) || !passport_number.chars().all(|c| c.is_ascii_alphanumeric()) {
            return Err(HolderError::PassportNumber);
        }
        if self.birth_date >= today {
            return Err(HolderError::BirthDate(self.birth_date));
        }
        if self.passport_expiry < today {
            return Err(HolderError::Expired(self.passport_expiry));
        }
        Ok(Holder {
            surname,
            given_names,
            birth_date: self.birth_date,
            sex,
            nationality,
            passport_number,
            passport_expiry: self.passport_expiry,
        })
    }

    /// The name as shown: surname first.
    pub fn full_name(&self) -> String {
        if self.given_names.is_empty() {
            self.surname.clone()
        } else {
            format!("{} {}", self.surname, self.given_names)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn holder() -> Holder {
        Holder {
            surname: " Karimov ".into(),
            given_names: "Aziz  Bekovich".into(),
            birth_date: date(1988, 3, 14),
            sex: "m".into(),
            nationality: "uzb".into(),
            passport_number: "fa1234567".into(),
            passport_expiry: date(2031, 5, 1),
        }
    }

    #[test]
    fn a_holder_is_normalised() {
        let h = holder().checked(date(2026, 11, 21)).unwrap();
        assert_eq!(h.full_name(), "Karimov Aziz Bekovich");
        assert_eq!(
            (h.sex.as_str(), h.nationality.as_str(), h.passport_number.as_str()),
            ("M", "UZB", "FA1234567")
        );
    }

    #[test]
    fn each_field_is_checked() {
        let today = date(2026, 11, 21);
        assert_eq!(Holder { surname: "".into(), ..holder() }.checked(today), Err(HolderError::Surname));
        assert_eq!(Holder { sex: "male".into(), ..holder() }.checked(today), Err(HolderError::Sex));
        assert_eq!(
            Holder { nationality: "KAZ".into(), ..holder() }.checked(today),
            Err(HolderError::Citizen)
        );
        assert_eq!(
            Holder { nationality: "QQQ".into(), ..holder() }.checked(today),
            Err(HolderError::Nationality("QQQ".into()))
        );
        assert_eq!(
            Holder { passport_number: "AB-12".into(), ..holder() }.checked(today),
            Err(HolderError::PassportNumber)
        );
        assert_eq!(
            Holder { passport_expiry: date(2026, 11, 20), ..holder() }.checked(today),
            Err(HolderError::Expired(date(2026, 11, 20)))
        );
    }
}
