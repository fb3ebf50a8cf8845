//! Building the register's multi-row statements: `VALUES ($1, $2), ($3, $4)` for a batch, with
//! its values bound in order. A statement holds at most [`PARAMS`] parameters (see the labour
//! import: sqlx binds SQLite parameters in time that grows faster than their number).

use sqlx::Any;
use sqlx::query::Query;
use sqlx::any::AnyArguments;

/// Bound parameters per statement.
pub const PARAMS: usize = 1_000;

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

/// `($1, …, $w), (…)` for `rows` rows of `width` values, numbering from `$first`.
pub fn tuples(rows: usize, width: usize, first: usize) -> String {
    let mut sql = String::with_capacity(rows * width * 5);
    for r in 0..rows {
        if r > 0 {
            sql.push_str(", ");
        }
        sql.push('(');
        for c in 0..width {
            if c > 0 {
                sql.push_str(", ");
            }
            sql.push('$');
            sql.push_str(&(first + r * width + c).to_string());
        }
        sql.push(')');
    }
    sql
}

/// `$first, …, $(first + n − 1)`, for `IN (…)`.
pub fn list(n: usize, first: usize) -> String {
    (first..first + n).map(|i| format!("${i}")).collect::<Vec<_>>().join(", ")
}

/// Binds the values in order.
pub fn bind<'q>(mut q: Query<'q, Any, AnyArguments>, values: impl IntoIterator<Item = &'q V>) -> Query<'q, Any, AnyArguments> {
    for v in values {
        q = match v {
            V::T(s) => q.bind(s.as_str()),
            V::I(i) => q.bind(*i),
            V::NullT => q.bind(Option::<String>::None),
            V::NullI => q.bind(Option::<i64>::None),
        };
    }
    q
}

/// How many rows of `width` values fit one statement.
pub fn rows_per_statement(width: usize) -> usize {
    (PARAMS / width.max(1)).max(1)
}
