//! Importing the three data sources of the list (analysts): a forecast, vacancies or work
//! permits file, CSV or XLSX, already spooled to a temporary file by the adapter. Every row is
//! checked first; with any bad row nothing is written unless `skip_invalid` is set.

use crate::access::Access;
use crate::auth::Principal;
use crate::flows::Outcome;
use crate::problem::Problem;
use crate::state::AppState;
use crate::upload::{Spooled, clean_file_name};
use ashyq_core::Role;
use ashyq_core::labour::records::Source;
use ashyq_store::labour::ImportReport;
use ashyq_store::labour::ImportRequest;
use ashyq_store::pipeline::history::{self as store, ImportSummary};
use ashyq_store::pipeline::input::InputError;
use ashyq_store::pipeline::{ImportError, Input};
use ashyq_store::pipeline::{Quiet, RowError};
use axum::http::StatusCode;

/// A data file to import.
pub struct Upload {
    pub source: Source,
    /// The name the sender gave the file (cleaned before it is kept or shown).
    pub file_name: Option<String>,
    /// Write the good rows and keep the bad ones aside instead of writing nothing.
    pub skip_invalid: bool,
    pub file: Spooled,
}

/// What came of an import that could be tried.
pub enum Imported {
    /// Written (perhaps with rows set aside).
    Written(ImportReport),
    /// Refused whole for its bad rows: nothing was written.
    Refused(ImportReport),
    /// The file could not be read at all (not CSV or XLSX, a hostile workbook, …).
    Unreadable { file_name: String, reason: InputError },
}

/// Who may import and read the imports.
const IMPORTERS: &[Role] = &[Role::Analyst];
const READERS: &[Role] = &[Role::Analyst, Role::Admin];

/// Imports one file. An empty file is refused (422 `empty`) before anything is recorded.
pub async fn import(s: &AppState, p: &Principal, up: Upload) -> Outcome<Imported> {
    Access::of(p).require(IMPORTERS)?;
    let request = ImportRequest {
        source: up.source,
        file_name: clean_file_name(up.file_name.as_deref()),
        skip_invalid: up.skip_invalid,
    };
    let input = input_of(up.file)?;
    match ashyq_store::labour::import(&s.db, &p.actor(), &request, input, &mut Quiet).await {
        Ok(r) if r.committed => Ok(Imported::Written(r)),
        Ok(r) => Ok(Imported::Refused(r)),
        Err(ImportError::Input { source, .. }) => {
            Ok(Imported::Unreadable { file_name: request.file_name, reason: source })
        }
        Err(ImportError::Store(e)) => Err(e.into()),
    }
}

/// The spooled file to read; an empty file is refused (422 `empty`) before anything is recorded.
pub fn input_of(file: Spooled) -> Outcome<Input> {
    if file.size == 0 {
        return Err(Problem::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "empty",
            "the request body must be the file",
        )
        .into());
    }
    Ok(Input::from_file(file.file).map_err(|e| {
        Problem::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            format!("the upload could not be kept: {e}"),
        )
    })?)
}

/// The latest `limit` imports, newest first.
pub async fn recent(s: &AppState, p: &Principal, limit: i64) -> Outcome<Vec<ImportSummary>> {
    Access::of(p).require(READERS)?;
    Ok(store::recent(&s.db, limit).await?)
}

/// One import with the first `limit` rows it set aside.
pub async fn outcome(
    s: &AppState,
    p: &Principal,
    id: i64,
    limit: i64,
) -> Outcome<(ImportSummary, Vec<RowError>)> {
    Access::of(p).require(READERS)?;
    let summary = store::get(&s.db, id).await?;
    let rejects = store::rejects(&s.db, id, limit).await?;
    Ok((summary, rejects))
}
