//! Compiling the original COBOL with GnuCOBOL (`cobc`).

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::error::{Result, VerifyError};

/// The first line of `cobc --version` (e.g. `cobc (GnuCOBOL) 3.1.2.0`),
/// or `None` when cobc is not installed.
pub fn cobc_version() -> Option<String> {
    let out = Command::new("cobc").arg("--version").output().ok()?;
    if !out.status.success() {
        return None;
    }
    let text = String::from_utf8_lossy(&out.stdout);
    text.lines()
        .next()
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
}

/// The arguments `compile_with_cobc` passes to cobc, without the program name.
pub fn cobc_args(
    main_source: &Path,
    other_sources: &[PathBuf],
    copybook_dirs: &[PathBuf],
    extra_flags: &[String],
    exe: &Path,
) -> Vec<std::ffi::OsString> {
    let mut args: Vec<std::ffi::OsString> = vec!["-x".into(), "-o".into(), exe.into()];
    for f in extra_flags {
        args.push(f.into());
    }
    for d in copybook_dirs {
        args.push("-I".into());
        args.push(d.into());
    }
    args.push(main_source.into());
    for s in other_sources {
        args.push(s.into());
    }
    args
}

/// Compiles `main_source` (plus statically linked `other_sources`) into an
/// executable inside `work` and returns its path. On failure the error carries
/// cobc's diagnostics.
pub fn compile_with_cobc(
    main_source: &Path,
    other_sources: &[PathBuf],
    copybook_dirs: &[PathBuf],
    extra_flags: &[String],
    work: &Path,
) -> Result<PathBuf> {
    std::fs::create_dir_all(work).map_err(|e| VerifyError::io("creating", work, e))?;
    // cobc runs inside `work`, so every path handed to it must be absolute.
    let abs = |p: &Path| std::path::absolute(p).map_err(|e| VerifyError::io("resolving", p, e));
    let work = &abs(work)?;
    let main_source = &abs(main_source)?;
    let other_sources = other_sources
        .iter()
        .map(|p| abs(p))
        .collect::<Result<Vec<_>>>()?;
    let copybook_dirs = copybook_dirs
        .iter()
        .map(|p| abs(p))
        .collect::<Result<Vec<_>>>()?;
    let stem = main_source
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "program".to_string());
    let exe = work.join(stem);
    let args = cobc_args(
        main_source,
        &other_sources,
        &copybook_dirs,
        extra_flags,
        &exe,
    );
    // cobc writes intermediate files to its cwd / TMPDIR; keep them in `work`.
    let out = Command::new("cobc")
        .args(&args)
        .current_dir(work)
        .output()
        .map_err(|e| {
            if e.kind() == std::io::ErrorKind::NotFound {
                VerifyError::CobcMissing
            } else {
                VerifyError::io("running cobc for", main_source, e)
            }
        })?;
    if !out.status.success() || !exe.is_file() {
        let mut stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        let stdout = String::from_utf8_lossy(&out.stdout);
        if !stdout.trim().is_empty() {
            stderr.push_str(&stdout);
        }
        return Err(VerifyError::CobcFailed {
            main: main_source.to_path_buf(),
            status: out.status.to_string(),
            stderr,
        });
    }
    Ok(exe)
}
