//! `ferry report --check OUT`: recompute every hash and the digest from disk
//! and list exactly what changed.

use std::fmt;
use std::path::Path;

use serde::Serialize;
use serde_json::Value;

use crate::error::{ReportError, Result};
use crate::hash::{digest_of_value, sha256_hex};
use crate::model::{FileHash, Report};
use crate::render::{render_html, render_markdown};
use crate::{REPORT_HTML, REPORT_JSON, REPORT_MD};

/// One discrepancy found by [`check`].
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Change {
    /// The report's digest does not match its contents.
    Digest { recorded: String, actual: String },
    /// A file listed in the manifest has different bytes.
    Modified {
        path: String,
        recorded: String,
        actual: String,
    },
    /// A file listed in the manifest is gone (or unreadable).
    Missing { path: String, reason: String },
    /// The manifest does not list exactly the units' sources, outputs and binaries.
    Manifest { message: String },
    /// A unit's summary counts do not follow from the units.
    Summary { message: String },
    /// `report.md` / `report.html` is not what `report.json` renders to.
    Rendering { path: String },
}

impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Change::Digest { recorded, actual } => {
                write!(f, "{REPORT_JSON}: digest mismatch: recorded {recorded}, contents hash to {actual}")
            }
            Change::Modified {
                path,
                recorded,
                actual,
            } => {
                write!(
                    f,
                    "{path}: modified: recorded sha256 {recorded}, now {actual}"
                )
            }
            Change::Missing { path, reason } => write!(f, "{path}: missing ({reason})"),
            Change::Manifest { message } => write!(f, "{REPORT_JSON}: manifest: {message}"),
            Change::Summary { message } => write!(f, "{REPORT_JSON}: summary: {message}"),
            Change::Rendering { path } => {
                write!(f, "{path}: does not match {REPORT_JSON} (edited or stale)")
            }
        }
    }
}

/// Outcome of [`check`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct CheckResult {
    /// Manifest files whose hash was recomputed.
    pub files_checked: usize,
    /// Everything that differs, sorted.
    pub changes: Vec<Change>,
}

impl CheckResult {
    /// True when nothing changed.
    pub fn ok(&self) -> bool {
        self.changes.is_empty()
    }
}

impl fmt::Display for CheckResult {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ok() {
            return writeln!(
                f,
                "report intact: digest and {} file hashes match",
                self.files_checked
            );
        }
        writeln!(f, "report NOT intact: {} change(s)", self.changes.len())?;
        for c in &self.changes {
            writeln!(f, "  {c}")?;
        }
        Ok(())
    }
}

/// Re-reads `out_dir/report.json`, recomputes its digest, every manifest hash
/// from the files on disk, the manifest and summary from the units, and the
/// Markdown/HTML renderings when those files exist. An unreadable or invalid
/// `report.json` is an error, not a change.
pub fn check(out_dir: &Path) -> Result<CheckResult> {
    let json_path = out_dir.join(REPORT_JSON);
    let bytes = std::fs::read(&json_path).map_err(|e| ReportError::io("reading", &json_path, e))?;
    let value: Value = serde_json::from_slice(&bytes)?;
    let report: Report = serde_json::from_value(value.clone())?;
    let mut changes = Vec::new();

    let actual = digest_of_value(&value);
    if actual != report.digest {
        changes.push(Change::Digest {
            recorded: report.digest.clone(),
            actual,
        });
    }
    if report.compute_manifest() != report.manifest {
        changes.push(Change::Manifest {
            message: manifest_difference(&report.compute_manifest(), &report.manifest),
        });
    }
    if report.compute_summary() != report.summary {
        changes.push(Change::Summary {
            message: format!(
                "recorded {:?}, units give {:?}",
                report.summary,
                report.compute_summary()
            ),
        });
    }
    for entry in &report.manifest {
        let path = out_dir.join(&entry.path);
        match std::fs::read(&path) {
            Ok(b) => {
                let now = sha256_hex(&b);
                if now != entry.sha256 {
                    changes.push(Change::Modified {
                        path: entry.path.clone(),
                        recorded: entry.sha256.clone(),
                        actual: now,
                    });
                }
            }
            Err(e) => changes.push(Change::Missing {
                path: entry.path.clone(),
                reason: e.to_string(),
            }),
        }
    }
    for (name, render) in [
        (REPORT_MD, render_markdown as fn(&Report) -> Result<String>),
        (REPORT_HTML, render_html),
    ] {
        let path = out_dir.join(name);
        if let Ok(on_disk) = std::fs::read(&path) {
            if render(&report)?.as_bytes() != on_disk.as_slice() {
                changes.push(Change::Rendering {
                    path: name.to_string(),
                });
            }
        }
    }
    changes.sort();
    Ok(CheckResult {
        files_checked: report.manifest.len(),
        changes,
    })
}

fn manifest_difference(expected: &[FileHash], recorded: &[FileHash]) -> String {
    let extra: Vec<&str> = recorded
        .iter()
        .filter(|f| !expected.contains(f))
        .map(|f| f.path.as_str())
        .collect();
    let absent: Vec<&str> = expected
        .iter()
        .filter(|f| !recorded.contains(f))
        .map(|f| f.path.as_str())
        .collect();
    format!("entries not backed by units: {extra:?}; unit files not in manifest: {absent:?}")
}
