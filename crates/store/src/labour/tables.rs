//! How each source's records sit in the database: the table, its columns, its key, and a
//! record's values in column order. One upsert statement per batch serves both backends.

use crate::db::Backend;
use ashyq_core::labour::records::{ForecastRow, Source, Vacancy, WorkPermit};
use ashyq_core::money::Tenge;

/// A value bound into a statement.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Text(String),
    Int(i64),
    /// A missing text value.
    Null,
    /// A missing integer: bound as a typed NULL, since PostgreSQL refuses a text NULL in a
    /// BIGINT column and the `Any` driver has no untyped NULL.
    NullInt,
}

pub struct Table {
    pub name: &'static str,
    /// The columns written, key columns first.
    pub columns: &'static [&'static str],
    pub key: usize,
}

/// The vacancies' columns: the file's, but the salary kept in tiyn (`salary_tiyn`) where the
/// file writes whole tenge (`salary_kzt`), as all money is stored (`migrations/README.md`).
static VACANCY_COLUMNS: std::sync::LazyLock<Vec<&'static str>> = std::sync::LazyLock::new(|| {
    Source::Vacancies.columns().iter().map(|c| if *c == "salary_kzt" { "salary_tiyn" } else { c }).collect()
});

pub fn table(source: Source) -> Table {
    // The columns are the source's own (the documented file columns), key columns first; money
    // is stored in tiyn under a `*_tiyn` name.
    match source {
        Source::Forecast => Table { name: "forecast", columns: source.columns(), key: 3 },
        Source::Vacancies => Table { name: "vacancies", columns: VACANCY_COLUMNS.as_slice(), key: 1 },
        Source::WorkPermits => Table { name: "work_permits", columns: source.columns(), key: 1 },
    }
}

/// A stored column and its value (as the preview compares them) in the file's terms: the
/// salary in whole tenge under `salary_kzt`; any other column as it is.
pub fn as_in_file(column: &str, value: Option<&str>) -> (String, Option<String>) {
    match column {
        "salary_tiyn" => {
            let tenge = value.map(|v| match v.parse::<i64>() {
                Ok(t) => Tenge::from_tiyn(t).to_string(),
                Err(_) => v.to_string(),
            });
            ("salary_kzt".to_string(), tenge)
        }
        _ => (column.to_string(), value.map(str::to_string)),
    }
}

fn text(s: &str) -> Value {
    Value::Text(s.to_string())
}

pub fn forecast_values(r: &ForecastRow) -> Vec<Value> {
    vec![
        Value::Int(i64::from(r.year)),
        text(&r.region.code),
        Value::Text(r.occupation.to_string()),
        Value::Int(i64::from(r.additional_need)),
    ]
}

pub fn vacancy_values(v: &Vacancy<'_>) -> Vec<Value> {
    vec![
        text(v.vacancy_id),
        Value::Text(v.posted_on.to_string()),
        v.closed_on.map_or(Value::Null, |d| Value::Text(d.to_string())),
        text(v.status.as_str()),
        text(&v.region.code),
        Value::Text(v.occupation.to_string()),
        Value::Int(i64::from(v.positions)),
        v.salary_kzt
            .and_then(|s| i64::try_from(s).ok())
            .and_then(Tenge::from_whole)
            .map_or(Value::NullInt, |t| Value::Int(t.tiyn())),
        text(v.employer_bin),
        text(v.title),
    ]
}

pub fn work_permit_values(p: &WorkPermit<'_>) -> Vec<Value> {
    vec![
        text(p.permit_id),
        Value::Text(p.issued_on.to_string()),
        Value::Text(p.valid_until.to_string()),
        text(&p.region.code),
        Value::Text(p.occupation.to_string()),
        text(p.employer_bin),
        text(p.citizenship),
        text(p.category),
        Value::Int(i64::from(p.workers)),
    ]
}

/// `INSERT … ON CONFLICT (key) DO UPDATE … WHERE something differs` for `rows` rows: a row
/// that is already stored as it is counts as neither inserted nor updated.
pub fn upsert_sql(t: &Table, rows: usize, backend: Backend) -> String {
    let mut sql = format!("INSERT INTO {} ({}, import_id) ", t.name, t.columns.join(", "));
    sql.push_str(&values_sql(t, rows, backend));
    let keys = &t.columns[..t.key];
    let rest = &t.columns[t.key..];
    let set: Vec<String> = rest.iter().map(|c| format!("{c} = excluded.{c}")).collect();
    let differs: Vec<String> =
        rest.iter().map(|c| format!("{}.{c} IS DISTINCT FROM excluded.{c}", t.name)).collect();
    sql.push_str(&format!(
        " ON CONFLICT ({}) DO UPDATE SET {}, import_id = excluded.import_id WHERE {}",
        keys.join(", "),
        set.join(", "),
        differs.join(" OR ")
    ));
    sql
}

/// The same upsert for a table partitioned by year (PostgreSQL: crate::partitioned), whose
/// stored row moves when its date changes.
pub fn partitioned_upsert_sql(t: &Table, p: &crate::partitioned::ByYear, rows: usize) -> String {
    let mut columns = t.columns.to_vec();
    columns.push("import_id");
    p.upsert_sql(&columns, &values_sql(t, rows, Backend::Postgres), &t.columns[t.key..])
}

/// `VALUES ($1, …), (…)` for `rows` rows of the table's columns and the import's id.
fn values_sql(t: &Table, rows: usize, backend: Backend) -> String {
    crate::register::sql::tuples(rows, t.columns.len() + 1, backend)
}

/// The key of a row (its first `key` values), to find repeats within one batch.
pub fn key_of(t: &Table, values: &[Value]) -> Vec<String> {
    values[..t.key]
        .iter()
        .map(|v| match v {
            Value::Text(s) => s.clone(),
            Value::Int(i) => i.to_string(),
            Value::Null | Value::NullInt => String::new(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vacancies_are_stored_as_the_file_has_them_but_the_salary_in_tiyn() {
        let file = Source::Vacancies.columns();
        let stored = table(Source::Vacancies).columns;
        assert_eq!(file.len(), stored.len());
        for (f, s) in file.iter().zip(stored) {
            let (written, _) = as_in_file(s, None);
            assert_eq!(*f, written);
        }
        assert_eq!(as_in_file("salary_tiyn", Some("45000000")), ("salary_kzt".into(), Some("450000".into())));
        assert_eq!(as_in_file("positions", Some("3")), ("positions".into(), Some("3".into())));
        for source in [Source::Forecast, Source::WorkPermits] {
            assert_eq!(table(source).columns, source.columns());
        }
    }
}
