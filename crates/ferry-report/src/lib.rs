//! ferry-report: the equivalence report an auditor signs.
//!
//! It holds the report model (`report.json`: units, their source/output
//! hashes, statuses, scenario results, manifest and digest), finalizes it
//! (honest statuses, summary, manifest, digest), renders it as JSON, Markdown
//! and one self-contained HTML page, writes it atomically, and checks a written
//! report against the files on disk so one changed byte is caught.
//!
//! It must not know how COBOL is parsed, translated, built or run: it only
//! receives results. Its one ferry dependency is `ferry-verify`, for the
//! scenario result types (direction: report -> verify, never back).

mod check;
mod error;
mod hash;
mod model;
mod render;

use std::path::{Path, PathBuf};

pub use check::{check, Change, CheckResult};
pub use error::{ReportError, Result};
pub use ferry_verify::{Check, CheckOutcome, ScenarioResult, ScenarioStatus};
pub use hash::{canonical_json, digest_of_value, sha256_file, sha256_hex};
pub use model::{
    join_rel, percent, AgentRun, Coverage, ExecBlock, FileHash, Report, Summary, Unit, UnitStatus,
    Untranslated,
};
pub use render::{render_html, render_json, render_markdown};

/// File name of the JSON report inside the output directory.
pub const REPORT_JSON: &str = "report.json";
/// File name of the Markdown report.
pub const REPORT_MD: &str = "report.md";
/// File name of the HTML report.
pub const REPORT_HTML: &str = "report.html";

/// Writes `bytes` to `path` atomically: a temp file in the same directory,
/// flushed, then renamed over `path`.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    use std::io::Write;
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(dir).map_err(|e| ReportError::io("creating", dir, e))?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir)
        .map_err(|e| ReportError::io("creating temp file in", dir, e))?;
    tmp.write_all(bytes)
        .map_err(|e| ReportError::io("writing", tmp.path().to_path_buf(), e))?;
    tmp.as_file()
        .sync_all()
        .map_err(|e| ReportError::io("syncing", tmp.path().to_path_buf(), e))?;
    #[cfg(unix)]
    {
        // Temp files are created 0600; a report is meant to be read by others.
        use std::os::unix::fs::PermissionsExt;
        let perms = std::fs::Permissions::from_mode(0o644);
        std::fs::set_permissions(tmp.path(), perms)
            .map_err(|e| ReportError::io("setting permissions of", tmp.path().to_path_buf(), e))?;
    }
    tmp.persist(path)
        .map_err(|e| ReportError::io("renaming onto", path, e.error))?;
    Ok(())
}

/// Finalizes `report` and writes `report.json`, `report.md` and `report.html`
/// into `out_dir` (each atomically). Returns the paths written.
pub fn write_report(out_dir: &Path, report: &mut Report) -> Result<Vec<PathBuf>> {
    report.finalize()?;
    let files = [
        (REPORT_JSON, render_json(report)?),
        (REPORT_MD, render_markdown(report)?),
        (REPORT_HTML, render_html(report)?),
    ];
    let mut written = Vec::new();
    for (name, text) in files {
        let path = out_dir.join(name);
        write_atomic(&path, text.as_bytes())?;
        written.push(path);
    }
    Ok(written)
}
