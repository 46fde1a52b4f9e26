//! The one error type of this crate.

use std::path::PathBuf;

/// Everything that can go wrong while building, rendering, writing or checking a report.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    /// A file could not be read or written.
    #[error("{action} {path}: {source}")]
    Io {
        action: &'static str,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// `report.json` could not be encoded or decoded.
    #[error("report JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// A template failed to render (a bug in this crate's templates).
    #[error("rendering {template}: {message}")]
    Template {
        template: &'static str,
        message: String,
    },
}

impl ReportError {
    pub(crate) fn io(
        action: &'static str,
        path: impl Into<PathBuf>,
        source: std::io::Error,
    ) -> Self {
        ReportError::Io {
            action,
            path: path.into(),
            source,
        }
    }
}

/// Result alias of this crate.
pub type Result<T, E = ReportError> = std::result::Result<T, E>;
