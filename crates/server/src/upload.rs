//! Uploads read with their limit enforced while they arrive. A data file (an import, up to the
//! configured limit) is spooled to an anonymous temporary file, so the server holds a few
//! chunks of it at a time whatever its size; the file is deleted when it is dropped, also when
//! the request fails half-way. A small file (evidence) is gathered once into the buffer that is
//! stored, without a second copy. Shared by the flows that take files (imports, evidence): the
//! name a file is kept under and the API's answer to an upload that could not be read.

use crate::problem::Problem;
use axum::body::{Body, Bytes};
use axum::extract::multipart::{Field, MultipartError};
use axum::http::{HeaderMap, StatusCode, header};
use futures_util::{Stream, StreamExt};
use std::io::{Seek, SeekFrom};
use tokio::io::AsyncWriteExt;

/// Why an upload could not be read.
#[derive(Debug, thiserror::Error)]
pub enum UploadError {
    #[error("the file is larger than the {limit} bytes allowed")]
    TooLarge { limit: u64 },
    #[error("the upload was cut short or is not well formed: {0}")]
    Broken(String),
    #[error("the upload could not be kept: {0}")]
    Io(#[from] std::io::Error),
}

impl From<MultipartError> for UploadError {
    fn from(e: MultipartError) -> Self {
        // Over the route's body limit: the same answer as over the file's own.
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            UploadError::TooLarge { limit: 0 }
        } else {
            UploadError::Broken(e.body_text())
        }
    }
}

impl From<axum::Error> for UploadError {
    fn from(e: axum::Error) -> Self {
        UploadError::Broken(e.to_string())
    }
}

/// An upload that could not be read, as the API answers it: too large (413), cut short (400),
/// or not kept (500).
pub fn upload_problem(e: UploadError) -> Problem {
    let status = match e {
        UploadError::TooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
        UploadError::Broken(_) => StatusCode::BAD_REQUEST,
        UploadError::Io(_) => StatusCode::INTERNAL_SERVER_ERROR,
    };
    Problem::new(status, Problem::code_for(status), e.to_string())
}

/// A file name safe to keep and show: its last path part, printable, without direction
/// controls, at most 120 characters (`upload` when nothing is left).
pub fn clean_file_name(name: Option<&str>) -> String {
    ashyq_core::text::clean_file_name(name.unwrap_or_default(), 120, "upload")
}

/// A file spooled to disk: rewound to its start, with its size.
#[derive(Debug)]
pub struct Spooled {
    pub file: std::fs::File,
    pub size: u64,
}

/// The request body as a temporary file; more than `limit` bytes (by `Content-Length`, before
/// anything is read, or as counted) is [`UploadError::TooLarge`].
pub async fn spool_body(headers: &HeaderMap, body: Body, limit: u64) -> Result<Spooled, UploadError> {
    if content_length(headers).is_some_and(|n| n > limit) {
        return Err(UploadError::TooLarge { limit });
    }
    spool(body.into_data_stream(), limit).await
}

/// A multipart file field as a temporary file, as [`spool_body`].
pub async fn spool_field(field: Field<'_>, limit: u64) -> Result<Spooled, UploadError> {
    spool(field, limit).await
}

async fn spool<E: Into<UploadError>>(
    mut chunks: impl Stream<Item = Result<Bytes, E>> + Unpin,
    limit: u64,
) -> Result<Spooled, UploadError> {
    let file = tokio::task::spawn_blocking(tempfile::tempfile)
        .await
        .map_err(|e| UploadError::Io(std::io::Error::other(e)))??;
    let mut out = tokio::fs::File::from_std(file);
    let mut size = 0u64;
    while let Some(chunk) = chunks.next().await {
        let chunk = chunk.map_err(Into::into).map_err(|e| with_limit(e, limit))?;
        size += chunk.len() as u64;
        if size > limit {
            return Err(UploadError::TooLarge { limit });
        }
        out.write_all(&chunk).await?;
    }
    out.flush().await?;
    let mut file = out.into_std().await;
    file.seek(SeekFrom::Start(0))?;
    Ok(Spooled { file, size })
}

/// A small file, gathered.
#[derive(Debug)]
pub enum Gathered {
    /// The bytes, in one buffer.
    File(Vec<u8>),
    /// More than the most kept: only its size, counted while the rest was read and dropped.
    TooLarge(u64),
}

/// A multipart file field gathered into one buffer of at most `max` bytes, sized from
/// `size_hint` (the request's `Content-Length`) so that it is not moved as it grows. Past `max`
/// the bytes are counted and dropped, so the answer can say how large the file was; the route's
/// body limit stops a body far larger ([`UploadError::TooLarge`]).
pub async fn gather_field(
    mut field: Field<'_>,
    max: usize,
    size_hint: Option<u64>,
) -> Result<Gathered, UploadError> {
    let capacity = size_hint.map_or(0, |n| usize::try_from(n).unwrap_or(max).min(max));
    let mut bytes = Vec::with_capacity(capacity);
    let mut size = 0u64;
    while let Some(chunk) = field.chunk().await.map_err(|e| with_limit(e.into(), max as u64))? {
        size += chunk.len() as u64;
        if size > max as u64 {
            bytes = Vec::new();
        } else {
            bytes.extend_from_slice(&chunk);
        }
    }
    Ok(if size > max as u64 { Gathered::TooLarge(size) } else { Gathered::File(bytes) })
}

/// The request's declared body size.
pub fn content_length(headers: &HeaderMap) -> Option<u64> {
    headers.get(header::CONTENT_LENGTH)?.to_str().ok()?.parse().ok()
}

/// The route's body limit does not know the file's own: say which one applied.
fn with_limit(e: UploadError, limit: u64) -> UploadError {
    match e {
        UploadError::TooLarge { .. } => UploadError::TooLarge { limit },
        e => e,
    }
}
