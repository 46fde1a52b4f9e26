//! The crate's one error type.

use thiserror::Error;

/// Errors of this crate. Building graphs and plans never fails (problems become `Missing` nodes or
/// diagnostics); only reading or writing serialised documents can.
#[derive(Debug, Error)]
pub enum GraphError {
    /// A document could not be serialised or parsed as JSON.
    #[error("graph JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// A JSON document parsed but is not the schema this crate reads.
    #[error("unsupported schema `{found}` (expected `{expected}`)")]
    Schema { found: String, expected: String },
    /// A JSON graph document refers to a node it does not define.
    #[error("edge refers to unknown node `{0}`")]
    UnknownNode(String),
}
