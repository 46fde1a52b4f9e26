//! Recording a scenario's behaviour into `expected/`.

use std::path::{Component, Path, PathBuf};
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::error::{Result, VerifyError};
use crate::run::{run_scenario, RunOutput, DEFAULT_TIMEOUT};
use crate::scenario::{Scenario, EXPECTED_DIR};

/// Contents of `expected/meta.json`: how the recording was produced.
/// No timestamps, no absolute paths.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordMeta {
    /// First line of `cobc --version`.
    pub cobc_version: String,
    /// Flags given to cobc beyond `-x -o`.
    pub cobc_flags: Vec<String>,
    /// Source files compiled, relative `/`-separated paths, main program first.
    pub sources: Vec<String>,
}

impl RecordMeta {
    /// Builds the metadata, turning each source path into one relative to `base`
    /// (paths outside `base` keep only their file name, never an absolute path).
    pub fn new(
        cobc_version: &str,
        cobc_flags: &[String],
        sources: &[PathBuf],
        base: &Path,
    ) -> Self {
        RecordMeta {
            cobc_version: cobc_version.to_string(),
            cobc_flags: cobc_flags.to_vec(),
            sources: sources.iter().map(|p| relative_name(p, base)).collect(),
        }
    }
}

pub(crate) fn relative_name(path: &Path, base: &Path) -> String {
    let rel = path
        .strip_prefix(base)
        .ok()
        .filter(|r| !r.as_os_str().is_empty());
    let rel: PathBuf = match rel {
        Some(r) => r.to_path_buf(),
        None if path.is_relative() => path.to_path_buf(),
        None => path.file_name().map(PathBuf::from).unwrap_or_default(),
    };
    rel.components()
        .filter_map(|c| match c {
            Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
            Component::ParentDir => Some("..".to_string()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// What `record` did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RecordOutcome {
    /// `expected/` was written for the first time.
    Recorded,
    /// An existing `expected/` was replaced (rerecord).
    Rerecorded,
    /// `expected/` already existed and rerecord was not asked for.
    AlreadyRecorded,
}

/// Runs `exe` for the scenario and writes `expected/` (default time limit).
pub fn record(
    scenario: &Scenario,
    exe: &Path,
    meta: &RecordMeta,
    rerecord: bool,
) -> Result<RecordOutcome> {
    record_with_timeout(scenario, exe, meta, rerecord, DEFAULT_TIMEOUT)
}

/// As [`record`], with an explicit time limit. A run that times out records nothing.
pub fn record_with_timeout(
    scenario: &Scenario,
    exe: &Path,
    meta: &RecordMeta,
    rerecord: bool,
    timeout: Duration,
) -> Result<RecordOutcome> {
    let existed = scenario.has_recording();
    if existed && !rerecord {
        return Ok(RecordOutcome::AlreadyRecorded);
    }
    let out = run_scenario(scenario, exe, timeout)?;
    if out.timed_out {
        return Err(VerifyError::RecordTimeout {
            scenario: scenario.id(),
            seconds: timeout.as_secs(),
        });
    }
    write_expected(&scenario.dir, &out, meta)?;
    Ok(if existed {
        RecordOutcome::Rerecorded
    } else {
        RecordOutcome::Recorded
    })
}

/// Records a scenario (every step of a multi-step one) with the executables `resolve` finds per
/// program, and also runs the same programs compiled with [`crate::TRACE_FLAG`] (`resolve_traced`)
/// to keep what they executed in `expected/coverage.json` (source paths relative to `source_base`).
/// The recorded outputs come from the plain build alone: a traced build reports runtime errors
/// differently (with source positions), so it is used for coverage only.
pub fn record_traced(
    scenario: &Scenario,
    resolve: &dyn Fn(&str) -> Option<PathBuf>,
    resolve_traced: &dyn Fn(&str) -> Option<PathBuf>,
    meta: &RecordMeta,
    rerecord: bool,
    timeout: Duration,
    source_base: &Path,
) -> Result<RecordOutcome> {
    record_traced_with(
        scenario,
        resolve,
        resolve_traced,
        meta,
        rerecord,
        timeout,
        source_base,
        None,
    )
}

/// As [`record_traced`], with work done in the run directory around both runs (the INDEXED
/// files' load into and unload from GnuCOBOL's format: [`crate::IndexedTools::hooks`]).
#[allow(clippy::too_many_arguments)]
pub fn record_traced_with(
    scenario: &Scenario,
    resolve: &dyn Fn(&str) -> Option<PathBuf>,
    resolve_traced: &dyn Fn(&str) -> Option<PathBuf>,
    meta: &RecordMeta,
    rerecord: bool,
    timeout: Duration,
    source_base: &Path,
    hooks: Option<&dyn crate::run::RunHooks>,
) -> Result<RecordOutcome> {
    let existed = scenario.has_recording();
    if existed && !rerecord {
        return Ok(RecordOutcome::AlreadyRecorded);
    }
    let inputs = scenario.inputs()?;
    let out = crate::run::run_resolved_with(&inputs, &scenario.program, resolve, timeout, hooks)?;
    if out.timed_out {
        return Err(VerifyError::RecordTimeout {
            scenario: scenario.id(),
            seconds: timeout.as_secs(),
        });
    }
    let trace_dir = tempfile::Builder::new()
        .prefix("ferry-trace-")
        .tempdir()
        .map_err(|e| VerifyError::io("creating temp dir", std::env::temp_dir(), e))?;
    let mut traced = inputs.clone();
    traced.env.push(("COB_SET_TRACE".into(), "Y".into()));
    let trace = |i: usize| trace_dir.path().join(format!("trace.{i}"));
    if traced.steps.is_empty() {
        traced
            .env
            .push(("COB_TRACE_FILE".into(), trace(0).display().to_string()));
    }
    for (i, step) in traced.steps.iter_mut().enumerate() {
        step.env
            .push(("COB_TRACE_FILE".into(), trace(i).display().to_string()));
    }
    crate::run::run_resolved_with(&traced, &scenario.program, resolve_traced, timeout, hooks)?;
    let mut text = String::new();
    for i in 0..traced.steps.len().max(1) {
        text.push_str(&String::from_utf8_lossy(
            &std::fs::read(trace(i)).unwrap_or_default(),
        ));
    }
    let coverage = crate::coverage::Coverage::from_trace(&text, source_base);
    write_expected_with(&scenario.dir, &out, meta, Some(&coverage))?;
    Ok(if existed {
        RecordOutcome::Rerecorded
    } else {
        RecordOutcome::Recorded
    })
}

/// Writes `expected/` for a run: everything goes to `expected.tmp/` first, which
/// is then renamed into place, so a half-written `expected/` never exists.
pub fn write_expected(scenario_dir: &Path, out: &RunOutput, meta: &RecordMeta) -> Result<()> {
    write_expected_with(scenario_dir, out, meta, None)
}

fn write_expected_with(
    scenario_dir: &Path,
    out: &RunOutput,
    meta: &RecordMeta,
    coverage: Option<&crate::coverage::Coverage>,
) -> Result<()> {
    let tmp = scenario_dir.join(format!("{EXPECTED_DIR}.tmp"));
    let final_dir = scenario_dir.join(EXPECTED_DIR);
    let old = scenario_dir.join(format!("{EXPECTED_DIR}.old"));
    for stale in [&tmp, &old] {
        if stale.exists() {
            std::fs::remove_dir_all(stale).map_err(|e| VerifyError::io("removing", stale, e))?;
        }
    }
    let write = |rel: &str, bytes: &[u8]| -> Result<()> {
        let p = tmp.join(rel);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).map_err(|e| VerifyError::io("creating", parent, e))?;
        }
        std::fs::write(&p, bytes).map_err(|e| VerifyError::io("writing", &p, e))
    };
    // Only when there is something to put in it: git does not keep empty directories, and a fresh
    // clone must compare equal to a new recording.
    if !out.files.is_empty() {
        std::fs::create_dir_all(tmp.join("files"))
            .map_err(|e| VerifyError::io("creating", &tmp, e))?;
    }
    write("stdout", &out.stdout)?;
    write("stderr", &out.stderr)?;
    write("rc", format!("{}\n", out.rc).as_bytes())?;
    for (name, bytes) in &out.files {
        write(&format!("files/{name}"), bytes)?;
    }
    let mut json = serde_json::to_vec_pretty(meta).map_err(|e| VerifyError::Json {
        path: tmp.join("meta.json"),
        source: e,
    })?;
    json.push(b'\n');
    write("meta.json", &json)?;
    if let Some(c) = coverage {
        let mut json = serde_json::to_vec_pretty(c).map_err(|e| VerifyError::Json {
            path: tmp.join(crate::coverage::COVERAGE_FILE),
            source: e,
        })?;
        json.push(b'\n');
        write(crate::coverage::COVERAGE_FILE, &json)?;
    }

    if final_dir.exists() {
        std::fs::rename(&final_dir, &old)
            .map_err(|e| VerifyError::io("renaming", &final_dir, e))?;
    }
    std::fs::rename(&tmp, &final_dir).map_err(|e| VerifyError::io("renaming", &tmp, e))?;
    if old.exists() {
        std::fs::remove_dir_all(&old).map_err(|e| VerifyError::io("removing", &old, e))?;
    }
    Ok(())
}

/// Reads `expected/meta.json` of a recorded scenario.
pub fn read_meta(scenario: &Scenario) -> Result<RecordMeta> {
    let p = scenario.expected_dir().join("meta.json");
    let bytes = std::fs::read(&p).map_err(|e| VerifyError::io("reading", &p, e))?;
    serde_json::from_slice(&bytes).map_err(|e| VerifyError::Json { path: p, source: e })
}
