//! Building the generated Rust workspace with one offline `cargo build`.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::error::{Result, VerifyError};

/// What a successful build produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuildOutput {
    /// The cargo target directory used.
    pub target_dir: PathBuf,
    /// `target_dir/debug` or `target_dir/release`: where executables are.
    pub profile_dir: PathBuf,
    /// Cargo's stderr (warnings, progress).
    pub stderr: String,
}

impl BuildOutput {
    /// Path of the executable built for binary target `name`.
    pub fn exe(&self, name: &str) -> PathBuf {
        self.profile_dir
            .join(format!("{name}{}", std::env::consts::EXE_SUFFIX))
    }
}

/// Runs `cargo build --offline [--release]` for the workspace at `out_dir`
/// (its `Cargo.toml`). `target_dir` overrides the target directory (pass the
/// user's `CARGO_TARGET_DIR` here to honour it); otherwise `out_dir/target` is
/// used and an inherited `CARGO_TARGET_DIR` is ignored. A failure carries the
/// compiler output.
pub fn build_workspace(
    out_dir: &Path,
    release: bool,
    target_dir: Option<&Path>,
) -> Result<BuildOutput> {
    let out_dir =
        std::path::absolute(out_dir).map_err(|e| VerifyError::io("resolving", out_dir, e))?;
    let target_dir = match target_dir {
        Some(t) => std::path::absolute(t).map_err(|e| VerifyError::io("resolving", t, e))?,
        None => out_dir.join("target"),
    };
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut cmd = Command::new(cargo);
    cmd.arg("build")
        .arg("--offline")
        .arg("--manifest-path")
        .arg(out_dir.join("Cargo.toml"))
        .current_dir(&out_dir)
        .env("CARGO_TARGET_DIR", &target_dir)
        .env("CARGO_TERM_COLOR", "never");
    if release {
        cmd.arg("--release");
    }
    let out = cmd
        .output()
        .map_err(|e| VerifyError::io("running cargo in", &out_dir, e))?;
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    if !out.status.success() {
        return Err(VerifyError::CargoFailed {
            dir: out_dir,
            status: out.status.to_string(),
            stderr,
        });
    }
    let profile_dir = target_dir.join(if release { "release" } else { "debug" });
    Ok(BuildOutput {
        target_dir,
        profile_dir,
        stderr,
    })
}
