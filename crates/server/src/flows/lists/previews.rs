//! Previewing an analyst's upload before anything is overwritten (issue 16): the file is
//! checked and staged, its counts (new, updated, unchanged, rejected) and a sample of updates
//! shown; only the analyst who uploaded it may confirm it (everything is written, once) or
//! cancel it (nothing is), within an hour.

use crate::access::Access;
use crate::auth::Principal;
use crate::flows::Outcome;
use crate::flows::lists::imports::{Upload, input_of};
use crate::problem::Problem;
use crate::state::AppState;
use crate::upload::clean_file_name;
use ashyq_core::Role;
use ashyq_store::StoreError;
use ashyq_store::labour::ImportRequest;
use ashyq_store::labour::preview::{self as store, Preview, PreviewError, Previewed};
use ashyq_store::pipeline::ImportError;
use ashyq_store::pipeline::history::{self as imports, ImportSummary};
use ashyq_store::pipeline::input::InputError;
use axum::http::StatusCode;

/// Who uploads, previews and confirms.
const ANALYSTS: &[Role] = &[Role::Analyst];

/// What came of an upload to preview.
pub enum Staged {
    /// Checked and staged, waiting for its analyst.
    Preview(Preview),
    /// The header is wrong (a column missing or twice): nothing was staged.
    BadHeader { file_name: String, errors: Vec<PreviewError> },
    /// The file could not be read at all.
    Unreadable { file_name: String, reason: InputError },
}

/// What a confirmation did.
pub struct Confirmed {
    /// The import the preview became.
    pub import: ImportSummary,
    /// False when it had been confirmed before: nothing was written this time.
    pub now: bool,
}

/// Checks and stages a file without writing it. An empty file is refused (422 `empty`).
pub async fn preview(s: &AppState, p: &Principal, up: Upload) -> Outcome<Staged> {
    Access::of(p).require(ANALYSTS)?;
    let request = ImportRequest {
        source: up.source,
        file_name: clean_file_name(up.file_name.as_deref()),
        skip_invalid: up.skip_invalid,
    };
    let input = input_of(up.file)?;
    let now = jiff::Timestamp::now();
    match store::preview(&s.db, &p.actor(), &request, input, now).await {
        Ok(Previewed::Staged(preview)) => Ok(Staged::Preview(preview)),
        Ok(Previewed::BadHeader { file_name, errors }) => Ok(Staged::BadHeader { file_name, errors }),
        Err(ImportError::Input { source, .. }) => {
            Ok(Staged::Unreadable { file_name: request.file_name, reason: source })
        }
        Err(ImportError::Store(e)) => Err(e.into()),
    }
}

/// The caller's own preview, still waiting or written: another analyst's is refused, an expired
/// one is gone (410 `expired`, and discarded).
pub async fn show(s: &AppState, p: &Principal, id: i64) -> Outcome<Preview> {
    Access::of(p).require(ANALYSTS)?;
    let preview = store::get(&s.db, id).await?;
    if preview.user_id.is_none() || preview.user_id != p.actor().user_id {
        return Err(Problem::new(
            StatusCode::FORBIDDEN,
            "not_yours",
            "this preview belongs to the analyst who uploaded the file",
        )
        .into());
    }
    let now = jiff::Timestamp::now();
    if preview.expired(now) {
        store::discard_expired(&s.db, now).await?;
        return Err(expired(id));
    }
    Ok(preview)
}

fn expired(id: i64) -> crate::flows::Error {
    Problem::new(
        StatusCode::GONE,
        "expired",
        format!("preview {id} has expired and was discarded; nothing was written: upload the file again"),
    )
    .into()
}

/// Writes the caller's waiting preview, all or nothing. Confirming again answers the import it
/// became without writing anything; a preview whose file has bad rows, unless they were to be
/// set aside, is refused (422 `invalid_rows`).
pub async fn confirm(s: &AppState, p: &Principal, id: i64) -> Outcome<Confirmed> {
    let preview = show(s, p, id).await?;
    match preview.state.as_str() {
        "done" => return Ok(Confirmed { import: imports::get(&s.db, id).await?, now: false }),
        "publishing" => {
            return Err(Problem::new(
                StatusCode::CONFLICT,
                "confirming",
                format!("preview {id} is being written; look at the imports in a moment"),
            )
            .into());
        }
        _ => {}
    }
    if preview.blocked() {
        return Err(Problem::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_rows",
            format!(
                "{} of {} rows are invalid; nothing can be written unless bad rows are set aside \
                 (upload again with skip_invalid)",
                preview.counts.rejected, preview.counts.rows_read
            ),
        )
        .into());
    }
    let now = store::confirm(&s.db, &p.actor(), id, jiff::Timestamp::now()).await?;
    match imports::get(&s.db, id).await {
        Ok(import) => Ok(Confirmed { import, now }),
        // Not written: it expired (or was cancelled) meanwhile.
        Err(StoreError::NotFound { .. }) => Err(expired(id)),
        Err(e) => Err(e.into()),
    }
}

/// Discards the caller's waiting preview; nothing is written.
pub async fn cancel(s: &AppState, p: &Principal, id: i64) -> Outcome<()> {
    let preview = show(s, p, id).await?;
    if preview.state != "preview" || !store::cancel(&s.db, &p.actor(), id).await? {
        return Err(Problem::new(
            StatusCode::CONFLICT,
            "confirmed",
            format!("preview {id} was confirmed already and cannot be cancelled"),
        )
        .into());
    }
    Ok(())
}
