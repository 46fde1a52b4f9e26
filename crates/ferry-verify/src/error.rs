//! The one error type of this crate.

use std::path::PathBuf;

/// Everything that can go wrong while discovering, recording, replaying or building.
#[derive(Debug, thiserror::Error)]
pub enum VerifyError {
    /// A file or directory could not be read or written.
    #[error("{action} {path}: {source}")]
    Io {
        action: &'static str,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A scenario input file (`args`, `env`) is malformed.
    #[error("scenario {scenario}: {message}")]
    BadScenario { scenario: String, message: String },
    /// `cobc` is not on PATH.
    #[error("cobc (GnuCOBOL) is not installed or not on PATH")]
    CobcMissing,
    /// `cobc` ran and rejected the program.
    #[error("cobc failed to compile {main} (exit status {status}):\n{stderr}")]
    CobcFailed {
        main: PathBuf,
        status: String,
        stderr: String,
    },
    /// The program could not be started.
    #[error("cannot start {exe}: {source}")]
    Spawn {
        exe: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The program ran out of time while being recorded.
    #[error(
        "scenario {scenario}: the program did not finish within {seconds} s; nothing was recorded"
    )]
    RecordTimeout { scenario: String, seconds: u64 },
    /// `cargo build` of the generated workspace failed.
    #[error("cargo build failed in {dir} (exit status {status}):\n{stderr}")]
    CargoFailed {
        dir: PathBuf,
        status: String,
        stderr: String,
    },
    /// `expected/meta.json` could not be encoded or decoded.
    #[error("{path}: {source}")]
    Json {
        path: PathBuf,
        #[source]
        source: serde_json::Error,
    },
    /// The worker pool for parallel replay could not be created.
    #[error("cannot create worker pool: {0}")]
    Pool(String),
}

impl VerifyError {
    pub(crate) fn io(
        action: &'static str,
        path: impl Into<PathBuf>,
        source: std::io::Error,
    ) -> Self {
        VerifyError::Io {
            action,
            path: path.into(),
            source,
        }
    }
}

/// Result alias of this crate.
pub type Result<T, E = VerifyError> = std::result::Result<T, E>;
