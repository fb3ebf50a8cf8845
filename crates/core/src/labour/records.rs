//! The records of the three data sources of the list: the labour-resources forecast, vacancies
//! of the Electronic Labour Exchange (Электронная биржа труда) and work permits for foreign
//! labour from the AIS "Foreign labour force". Text fields borrow from the row they were read
//! from, so that millions of rows are checked without allocating.

use crate::occupation::OccupationCode;
use crate::region::Region;
use jiff::civil::Date;
use serde::Serialize;

/// Which data source a file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Source {
    Forecast,
    Vacancies,
    WorkPermits,
}

impl Source {
    pub const ALL: [Source; 3] = [Source::Forecast, Source::Vacancies, Source::WorkPermits];

    /// The name used on the command line, in the API and in the database (`work-permits`).
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Forecast => "forecast",
            Source::Vacancies => "vacancies",
            Source::WorkPermits => "work-permits",
        }
    }

    pub fn parse(text: &str) -> Option<Source> {
        Source::ALL.into_iter().find(|s| s.as_str() == text.trim())
    }

    /// The columns a file of this source must have, in the documented order.
    pub fn columns(self) -> &'static [&'static str] {
        match self {
            Source::Forecast => &["year", "region", "occupation", "additional_need"],
            Source::Vacancies => &[
                "vacancy_id",
                "posted_on",
                "closed_on",
                "status",
                "region",
                "occupation",
                "positions",
                "salary_kzt",
                "employer_bin",
                "title",
            ],
            Source::WorkPermits => &[
                "permit_id",
                "issued_on",
                "valid_until",
                "region",
                "occupation",
                "employer_bin",
                "citizenship",
                "category",
                "workers",
            ],
        }
    }
}

/// The projected additional need for workers of an occupation in a region and year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ForecastRow {
    pub year: i16,
    pub region: &'static Region,
    pub occupation: OccupationCode,
    pub additional_need: u32,
}

/// Where a vacancy stands. Every status but `Open` is closed, on `closed_on`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum VacancyStatus {
    Open,
    Filled,
    Cancelled,
    Expired,
}

impl VacancyStatus {
    pub const ALL: [VacancyStatus; 4] =
        [VacancyStatus::Open, VacancyStatus::Filled, VacancyStatus::Cancelled, VacancyStatus::Expired];

    pub fn as_str(self) -> &'static str {
        match self {
            VacancyStatus::Open => "open",
            VacancyStatus::Filled => "filled",
            VacancyStatus::Cancelled => "cancelled",
            VacancyStatus::Expired => "expired",
        }
    }

    pub fn parse(text: &str) -> Option<VacancyStatus> {
        let text = text.trim();
        VacancyStatus::ALL.into_iter().find(|s| s.as_str().eq_ignore_ascii_case(text))
    }
}

/// A vacancy posted on the Electronic Labour Exchange.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Vacancy<'a> {
    pub vacancy_id: &'a str,
    pub posted_on: Date,
    /// Empty exactly while the vacancy is open.
    pub closed_on: Option<Date>,
    pub status: VacancyStatus,
    pub region: &'static Region,
    pub occupation: OccupationCode,
    pub positions: u32,
    /// Offered monthly salary in tenge, when the employer gave one.
    pub salary_kzt: Option<u64>,
    pub employer_bin: &'a str,
    pub title: &'a str,
}

/// A permit for foreign labour, issued to an employer for a number of workers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WorkPermit<'a> {
    pub permit_id: &'a str,
    pub issued_on: Date,
    pub valid_until: Date,
    pub region: &'static Region,
    pub occupation: OccupationCode,
    pub employer_bin: &'a str,
    /// ISO 3166-1 alpha-3 (or an ICAO code such as `XXA` for a stateless person).
    pub citizenship: &'a str,
    /// The permit category: `1`–`4` (heads, heads of units, specialists, skilled workers),
    /// `seasonal` or `ict` (intra-corporate transfer).
    pub category: &'a str,
    pub workers: u32,
}

/// The permit categories a file may name.
pub const PERMIT_CATEGORIES: [&str; 6] = ["1", "2", "3", "4", "seasonal", "ict"];
