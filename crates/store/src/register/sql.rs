//! Feeding a batch of rows to one statement shape on either backend.
//!
//! - **SQLite**: multi-row `VALUES (?, ?), (?, ?)` in statements of at most [`SQLITE_PARAMS`]
//!   parameters, with anonymous `?` marks. SQLite finds a numbered or named parameter by walking
//!   the statement's list of names, so binding n `$N` parameters costs n² — it was half the time
//!   of an import before the marks were anonymous.
//! - **PostgreSQL**: one statement for the whole batch, each column bound as one array written
//!   as a PostgreSQL array literal (`{"a","b"}`) and cast (`$1::text[]`), then `UNNEST`ed: a few
//!   parameters instead of tens of thousands, and one round trip. (sqlx's `Any` driver binds no
//!   arrays; the literal is a text the server parses.)
//!
//! A template names where the rows go with `{rows}` (a row source: `VALUES …` or
//! `SELECT * FROM UNNEST(…)`) or `{in}` (a membership test of a one-column batch:
//! `IN (?, ?)` or `IN (SELECT UNNEST($1::text[]))`).

use super::super::db::Backend;
use sqlx::Any;
use sqlx::any::AnyArguments;
use sqlx::query::Query;

/// Bound parameters per SQLite statement.
pub const SQLITE_PARAMS: usize = 4_000;

/// One bound value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum V {
    T(String),
    I(i64),
    /// A NULL text.
    NullT,
    /// A NULL integer.
    NullI,
}

impl V {
    pub fn opt(text: Option<impl Into<String>>) -> V {
        text.map_or(V::NullT, |t| V::T(t.into()))
    }
}

/// A column's type, for PostgreSQL's array casts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ty {
    Text,
    Int,
}

impl Ty {
    fn array(self) -> &'static str {
        match self {
            Ty::Text => "text[]",
            Ty::Int => "bigint[]",
        }
    }
}

/// One statement to run: its text and its values in order.
pub struct Statement {
    pub sql: String,
    pub values: Vec<V>,
}

impl Statement {
    pub fn query(&self) -> Query<'_, Any, AnyArguments> {
        let mut q = sqlx::query(sqlx::AssertSqlSafe(self.sql.clone()));
        for v in &self.values {
            q = match v {
                V::T(s) => q.bind(s.as_str()),
                V::I(i) => q.bind(*i),
                V::NullT => q.bind(Option::<String>::None),
                V::NullI => q.bind(Option::<i64>::None),
            };
        }
        q
    }
}

/// The statements that feed `rows` (each of `types.len()` values) to `template`'s `{rows}`.
pub fn feed(backend: Backend, template: &str, rows: &[Vec<V>], types: &[Ty]) -> Vec<Statement> {
    let width = types.len().max(1);
    match backend {
        Backend::Sqlite => rows
            .chunks((SQLITE_PARAMS / width).max(1))
            .map(|chunk| Statement {
                sql: template.replace("{rows}", &tuples(chunk.len(), width, Backend::Sqlite)),
                values: chunk.iter().flatten().cloned().collect(),
            })
            .collect(),
        Backend::Postgres => {
            if rows.is_empty() {
                return Vec::new();
            }
            let casts: Vec<String> =
                types.iter().enumerate().map(|(i, t)| format!("${}::{}", i + 1, t.array())).collect();
            let source = format!("SELECT * FROM UNNEST({})", casts.join(", "));
            let values = (0..width).map(|c| V::T(array_literal(rows.iter().map(|r| r.get(c))))).collect();
            vec![Statement { sql: template.replace("{rows}", &source), values }]
        }
    }
}

/// `VALUES (…), (…)`: the marks of `rows` rows of `width` parameters each — anonymous `?` on
/// SQLite (see the module's comment: numbered ones cost n² to bind there), numbered `$n` on
/// PostgreSQL (for the statements that bind each value rather than a column's array).
pub fn tuples(rows: usize, width: usize, backend: Backend) -> String {
    let mut sql = String::with_capacity(rows * width * 6 + 8);
    sql.push_str("VALUES ");
    for r in 0..rows {
        if r > 0 {
            sql.push_str(", ");
        }
        sql.push('(');
        for c in 0..width {
            if c > 0 {
                sql.push_str(", ");
            }
            match backend {
                Backend::Sqlite => sql.push('?'),
                Backend::Postgres => {
                    sql.push('$');
                    sql.push_str(&(r * width + c + 1).to_string());
                }
            }
        }
        sql.push(')');
    }
    sql
}

/// The statements that test membership of `keys` at `template`'s `{in}`.
pub fn feed_in(backend: Backend, template: &str, keys: &[V], ty: Ty) -> Vec<Statement> {
    match backend {
        Backend::Sqlite => keys
            .chunks(SQLITE_PARAMS)
            .map(|chunk| {
                let marks = vec!["?"; chunk.len()].join(", ");
                Statement { sql: template.replace("{in}", &format!("IN ({marks})")), values: chunk.to_vec() }
            })
            .collect(),
        Backend::Postgres => {
            if keys.is_empty() {
                return Vec::new();
            }
            // `IN (SELECT UNNEST(…))`, not `= ANY($1)`: with a bound array the generic plan of
            // `= ANY` scanned the whole table, testing each row against every key.
            let sql = template.replace("{in}", &format!("IN (SELECT UNNEST($1::{}))", ty.array()));
            vec![Statement { sql, values: vec![V::T(array_literal(keys.iter().map(Some)))] }]
        }
    }
}

/// A PostgreSQL array literal of the values: text quoted with `"` and `\` escaped, integers as
/// they are, NULL unquoted.
fn array_literal<'v>(values: impl Iterator<Item = Option<&'v V>>) -> String {
    let mut out = String::from("{");
    for (i, v) in values.enumerate() {
        if i > 0 {
            out.push(',');
        }
        match v {
            Some(V::T(s)) => {
                out.push('"');
                for ch in s.chars() {
                    if ch == '"' || ch == '\\' {
                        out.push('\\');
                    }
                    out.push(ch);
                }
                out.push('"');
            }
            Some(V::I(n)) => out.push_str(&n.to_string()),
            Some(V::NullT | V::NullI) | None => out.push_str("NULL"),
        }
    }
    out.push('}');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn array_literals_quote_and_escape() {
        let v = [V::T("a\"b\\c".into()), V::NullT, V::T("NULL".into()), V::T(String::new())];
        assert_eq!(array_literal(v.iter().map(Some)), r#"{"a\"b\\c",NULL,"NULL",""}"#);
        let n = [V::I(-5), V::NullI, V::I(7)];
        assert_eq!(array_literal(n.iter().map(Some)), "{-5,NULL,7}");
    }

    #[test]
    fn sqlite_statements_stay_within_the_parameter_budget() {
        let rows: Vec<Vec<V>> = (0..10_000).map(|i| vec![V::I(i), V::T(i.to_string())]).collect();
        let statements = feed(Backend::Sqlite, "INSERT INTO t (a, b) {rows}", &rows, &[Ty::Int, Ty::Text]);
        assert!(statements.iter().all(|s| s.values.len() <= SQLITE_PARAMS));
        assert_eq!(statements.iter().map(|s| s.values.len()).sum::<usize>(), 20_000);
        assert_eq!(statements[0].sql.matches('?').count(), statements[0].values.len());
    }

    #[test]
    fn postgres_takes_one_statement_with_an_array_per_column() {
        let rows: Vec<Vec<V>> = (0..3).map(|i| vec![V::I(i), V::T(format!("x{i}"))]).collect();
        let statements = feed(Backend::Postgres, "INSERT INTO t (a, b) {rows}", &rows, &[Ty::Int, Ty::Text]);
        assert_eq!(statements.len(), 1);
        assert_eq!(statements[0].sql, "INSERT INTO t (a, b) SELECT * FROM UNNEST($1::bigint[], $2::text[])");
        assert_eq!(statements[0].values, vec![V::T("{0,1,2}".into()), V::T(r#"{"x0","x1","x2"}"#.into())]);
        let keys = feed_in(Backend::Postgres, "SELECT 1 FROM t WHERE b {in}", &rows[0][1..], Ty::Text);
        assert_eq!(keys[0].sql, "SELECT 1 FROM t WHERE b IN (SELECT UNNEST($1::text[]))");
    }
}
