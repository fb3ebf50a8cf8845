//! Reading the stored records of a period back, streaming, into the indicators' accumulator.

use crate::codec;
use crate::db::Db;
use crate::error::StoreError;
use ashyq_core::labour::records::{ForecastRow, Vacancy, VacancyStatus, WorkPermit};
use ashyq_core::labour::rows::parse_iso_date;
use ashyq_core::labour::{Accumulator, LabourIndicators};
use ashyq_core::occupation::OccupationCode;
use ashyq_core::region;
use futures_util::TryStreamExt;
use sqlx::Row;

fn corrupt(what: &str, value: &str) -> StoreError {
    StoreError::Corrupt(format!("{what} {value:?}"))
}

/// The indicators of the calendar year `year` from the stored records.
pub async fn indicators(db: &Db, year: i16, hard_to_fill_days: u16) -> Result<LabourIndicators, StoreError> {
    // An import publishing in slices is seen whole or not at all.
    let _settled = db.labour_settled().await;
    let mut acc = Accumulator::new(year, hard_to_fill_days);
    let (start, end) = (format!("{:04}-01-01", year - 1), format!("{year:04}-12-31"));

    let mut rows =
        sqlx::query("SELECT year, region, occupation, additional_need FROM forecast WHERE year = $1")
            .bind(i64::from(year))
            .fetch(&db.pool);
    while let Some(r) = rows.try_next().await? {
        let region_code: String = r.try_get("region")?;
        let occupation: String = r.try_get("occupation")?;
        let row = ForecastRow {
            year,
            region: region::by_code(&region_code).ok_or_else(|| corrupt("region", &region_code))?,
            occupation: OccupationCode::parse(&occupation).map_err(|_| corrupt("occupation", &occupation))?,
            additional_need: u32::try_from(r.try_get::<i64, _>("additional_need")?).unwrap_or(u32::MAX),
        };
        acc.add_forecast(&row);
    }
    drop(rows);

    // Posted in the period or the year before, or still open at the period's end.
    let mut rows = sqlx::query(
        "SELECT posted_on, closed_on, status, region, occupation, positions, salary_tiyn FROM vacancies \
         WHERE posted_on <= $2 AND (posted_on >= $1 OR closed_on IS NULL OR closed_on > $2)",
    )
    .bind(&start)
    .bind(&end)
    .fetch(&db.pool);
    while let Some(r) = rows.try_next().await? {
        let posted: String = r.try_get("posted_on")?;
        let closed: Option<String> = r.try_get("closed_on")?;
        let status: String = r.try_get("status")?;
        let region_code: String = r.try_get("region")?;
        let occupation: String = r.try_get("occupation")?;
        let v = Vacancy {
            vacancy_id: "",
            posted_on: parse_iso_date(&posted).ok_or_else(|| corrupt("date", &posted))?,
            closed_on: match &closed {
                Some(c) => Some(parse_iso_date(c).ok_or_else(|| corrupt("date", c))?),
                None => None,
            },
            status: VacancyStatus::parse(&status).ok_or_else(|| corrupt("status", &status))?,
            region: region::by_code(&region_code).ok_or_else(|| corrupt("region", &region_code))?,
            occupation: OccupationCode::parse(&occupation).map_err(|_| corrupt("occupation", &occupation))?,
            positions: u32::try_from(r.try_get::<i64, _>("positions")?).unwrap_or(0),
            salary_kzt: match codec::opt_tenge(&r, "salary_tiyn")? {
                // Offered salaries are whole tenge (the file's unit); they are stored in tiyn.
                Some(t) => Some(
                    t.whole()
                        .and_then(|w| u64::try_from(w).ok())
                        .ok_or_else(|| corrupt("vacancies.salary_tiyn", &t.tiyn().to_string()))?,
                ),
                None => None,
            },
            employer_bin: "",
            title: "",
        };
        acc.add_vacancy(&v);
    }
    drop(rows);

    let mut rows = sqlx::query(
        "SELECT issued_on, valid_until, region, occupation, workers FROM work_permits WHERE issued_on >= $1 AND issued_on <= $2",
    )
    .bind(&start)
    .bind(&end)
    .fetch(&db.pool);
    while let Some(r) = rows.try_next().await? {
        let issued: String = r.try_get("issued_on")?;
        let until: String = r.try_get("valid_until")?;
        let region_code: String = r.try_get("region")?;
        let occupation: String = r.try_get("occupation")?;
        let p = WorkPermit {
            permit_id: "",
            issued_on: parse_iso_date(&issued).ok_or_else(|| corrupt("date", &issued))?,
            valid_until: parse_iso_date(&until).ok_or_else(|| corrupt("date", &until))?,
            region: region::by_code(&region_code).ok_or_else(|| corrupt("region", &region_code))?,
            occupation: OccupationCode::parse(&occupation).map_err(|_| corrupt("occupation", &occupation))?,
            employer_bin: "",
            citizenship: "",
            category: "",
            workers: u32::try_from(r.try_get::<i64, _>("workers")?).unwrap_or(0),
        };
        acc.add_work_permit(&p);
    }
    Ok(acc.finish())
}
