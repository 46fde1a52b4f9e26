//! Replaying recorded scenarios against a program and judging the result.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::diff::{compare, Check, CheckOutcome};
use crate::error::{Result, VerifyError};
use crate::layout::RecordLayout;
use crate::run::snapshot;
use crate::scenario::Scenario;

/// Verdict on one scenario.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ScenarioStatus {
    /// Every artefact matched byte for byte.
    Pass,
    /// At least one artefact differed.
    Fail,
    /// The program ran out of time and was killed.
    Timeout,
    /// The scenario could not be judged (no recording, no executable, bad inputs...).
    Error,
}

/// Result of replaying one scenario.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScenarioResult {
    pub name: String,
    pub program: String,
    pub status: ScenarioStatus,
    /// Readable explanation of a non-pass (diffs of every failing check).
    pub detail: Option<String>,
    pub checks: Vec<Check>,
    /// For a multi-step scenario: the program of each step, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<String>,
}

impl ScenarioResult {
    /// A result that could not be judged.
    pub fn error(scenario: &Scenario, message: impl Into<String>) -> Self {
        ScenarioResult {
            name: scenario.name.clone(),
            program: scenario.program.clone(),
            status: ScenarioStatus::Error,
            detail: Some(message.into()),
            checks: Vec::new(),
            steps: Vec::new(),
        }
    }
}

/// Replays one scenario against `exe` (no field layouts).
pub fn replay(scenario: &Scenario, exe: &Path, timeout: Duration) -> ScenarioResult {
    replay_with_layouts(scenario, exe, timeout, &BTreeMap::new())
}

/// Replays one scenario; `layouts` maps an output file name (as under
/// `expected/files/`) to its record layout for field-level details. A key
/// `PROGRAM:name` applies to the scenarios of that program only and wins over
/// `name`; a file the scenario's environment names (`DD_X=name`, `dd_X=name`,
/// `X=name`, or under `COB_FILE_PATH`) is also looked up as `X`.
pub fn replay_with_layouts(
    scenario: &Scenario,
    exe: &Path,
    timeout: Duration,
    layouts: &BTreeMap<String, RecordLayout>,
) -> ScenarioResult {
    match try_replay(scenario, exe, timeout, layouts) {
        Ok(r) => r,
        Err(e) => ScenarioResult::error(scenario, e.to_string()),
    }
}

fn try_replay(
    scenario: &Scenario,
    exe: &Path,
    timeout: Duration,
    layouts: &BTreeMap<String, RecordLayout>,
) -> Result<ScenarioResult> {
    let exe = exe.to_path_buf();
    try_replay_resolved(scenario, &|_| Some(exe.clone()), timeout, layouts)
}

fn try_replay_resolved(
    scenario: &Scenario,
    resolve: &dyn Fn(&str) -> Option<PathBuf>,
    timeout: Duration,
    layouts: &BTreeMap<String, RecordLayout>,
) -> Result<ScenarioResult> {
    if !scenario.has_recording() {
        return Ok(ScenarioResult::error(
            scenario,
            format!("scenario {} has no recording (expected/ is missing); record it under GnuCOBOL first", scenario.id()),
        ));
    }
    let expected = Recording::load(&scenario.expected_dir())?;
    let out = crate::run::run_scenario_resolved(scenario, resolve, timeout)?;
    if out.timed_out {
        return Ok(ScenarioResult {
            name: scenario.name.clone(),
            program: scenario.program.clone(),
            status: ScenarioStatus::Timeout,
            detail: Some(format!(
                "the program did not finish within {} s and was killed",
                timeout.as_secs_f64()
            )),
            checks: Vec::new(),
            steps: Vec::new(),
        });
    }
    let env = if layouts.is_empty() {
        Vec::new()
    } else {
        scenario.inputs().map(|i| i.env).unwrap_or_default()
    };
    let mut checks = vec![
        compare("stdout", &expected.stdout, &out.stdout, None),
        compare("stderr", &expected.stderr, &out.stderr, None),
        rc_check(&expected.rc, out.rc),
    ];
    for (name, bytes) in &expected.files {
        let artefact = format!("files/{name}");
        match out.all_files.get(name) {
            Some(actual) => checks.push(compare(
                &artefact,
                bytes,
                actual,
                layout_for(layouts, &scenario.program, &env, name),
            )),
            None => checks.push(Check {
                artefact,
                outcome: CheckOutcome::Missing,
                detail: Some(format!(
                    "files/{name}: the recording has this file but the run did not produce it"
                )),
                first_difference: None,
            }),
        }
    }
    for name in out
        .files
        .keys()
        .filter(|n| !expected.files.contains_key(*n))
    {
        checks.push(Check {
            artefact: format!("files/{name}"),
            outcome: CheckOutcome::Unexpected,
            detail: Some(format!("files/{name}: the run created or changed this file; the recording does not have it")),
            first_difference: None,
        });
    }
    let failing: Vec<&Check> = checks.iter().filter(|c| !c.passed()).collect();
    let (status, detail) = if failing.is_empty() {
        (ScenarioStatus::Pass, None)
    } else {
        let text = failing
            .iter()
            .filter_map(|c| c.detail.as_deref())
            .collect::<Vec<_>>()
            .join("\n");
        (ScenarioStatus::Fail, Some(text))
    };
    Ok(ScenarioResult {
        name: scenario.name.clone(),
        program: scenario.program.clone(),
        status,
        detail,
        checks,
        steps: Vec::new(),
    })
}

/// The layout of output file `name` of a scenario of `program` run with `env`
/// (see [`replay_with_layouts`]).
fn layout_for<'a>(
    layouts: &'a BTreeMap<String, RecordLayout>,
    program: &str,
    env: &[(String, String)],
    name: &str,
) -> Option<&'a RecordLayout> {
    let get = |key: &str| {
        layouts
            .get(&format!("{}:{key}", program.to_ascii_uppercase()))
            .or_else(|| layouts.get(key))
    };
    if let Some(l) = get(name) {
        return Some(l);
    }
    // The names the scenario's environment gives this file (GnuCOBOL's lookup order).
    let mut paths = vec![name.to_string()];
    if let Some((_, dir)) = env.iter().find(|(k, _)| k == "COB_FILE_PATH") {
        let dir = dir.trim_end_matches('/');
        if let Some(rest) = name.strip_prefix(&format!("{dir}/")) {
            paths.push(rest.to_string());
        }
    }
    for prefix in ["DD_", "dd_", ""] {
        for (k, v) in env {
            let v = v.strip_prefix("./").unwrap_or(v);
            if !paths.iter().any(|p| p == v) {
                continue;
            }
            if let Some(assign) = k.strip_prefix(prefix).filter(|a| !a.is_empty()) {
                if let Some(l) = get(assign) {
                    return Some(l);
                }
            }
        }
    }
    None
}

fn rc_check(expected: &[u8], actual: i32) -> Check {
    let text = String::from_utf8_lossy(expected);
    let exp = text.trim();
    let ok = exp.parse::<i32>().ok() == Some(actual);
    Check {
        artefact: "rc".to_string(),
        outcome: if ok {
            CheckOutcome::Match
        } else {
            CheckOutcome::Mismatch
        },
        detail: (!ok).then(|| format!("rc: expected exit code {exp}, got {actual}")),
        first_difference: None,
    }
}

/// A loaded `expected/` directory.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Recording {
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    /// Raw bytes of `expected/rc`.
    pub rc: Vec<u8>,
    /// `expected/files/*`, keyed by relative path.
    pub files: BTreeMap<String, Vec<u8>>,
}

impl Recording {
    /// Reads `expected/` (a missing stdout/stderr reads as empty; a missing rc as 0).
    pub fn load(dir: &Path) -> Result<Recording> {
        let opt = |n: &str| crate::scenario::read_optional(&dir.join(n));
        let files_dir = dir.join("files");
        let files = if files_dir.is_dir() {
            snapshot(&files_dir)?
        } else {
            BTreeMap::new()
        };
        Ok(Recording {
            stdout: opt("stdout")?.unwrap_or_default(),
            stderr: opt("stderr")?.unwrap_or_default(),
            rc: opt("rc")?.unwrap_or_else(|| b"0\n".to_vec()),
            files,
        })
    }
}

/// Replays scenarios in parallel on at most `jobs` threads (0 means 1). Results
/// come back sorted by (program, name) whatever the scheduling. A scenario
/// whose executable cannot be resolved gets an `error` result.
pub fn replay_all(
    scenarios: &[Scenario],
    resolve_exe: impl Fn(&Scenario) -> Option<PathBuf> + Sync,
    jobs: usize,
    timeout: Duration,
) -> Result<Vec<ScenarioResult>> {
    replay_all_with_layouts(scenarios, resolve_exe, jobs, timeout, &BTreeMap::new())
}

/// As [`replay_all`], with field layouts per output file name.
pub fn replay_all_with_layouts(
    scenarios: &[Scenario],
    resolve_exe: impl Fn(&Scenario) -> Option<PathBuf> + Sync,
    jobs: usize,
    timeout: Duration,
    layouts: &BTreeMap<String, RecordLayout>,
) -> Result<Vec<ScenarioResult>> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs.max(1))
        .build()
        .map_err(|e| VerifyError::Pool(e.to_string()))?;
    let mut sorted: Vec<&Scenario> = scenarios.iter().collect();
    sorted.sort();
    let mut results: Vec<ScenarioResult> = pool.install(|| {
        sorted
            .par_iter()
            .map(|s| {
                // Each program of the scenario (its steps') is resolved as the caller resolves a
                // scenario filed under that program.
                let resolve = |program: &str| {
                    resolve_exe(&Scenario {
                        program: program.to_string(),
                        ..(*s).clone()
                    })
                };
                let mut r = match try_replay_resolved(s, &resolve, timeout, layouts) {
                    Ok(r) => r,
                    Err(e) => ScenarioResult::error(s, e.to_string()),
                };
                r.steps = s
                    .inputs()
                    .map(|i| i.steps.into_iter().map(|st| st.program).collect())
                    .unwrap_or_default();
                r
            })
            .collect()
    });
    results.sort_by(|a, b| (&a.program, &a.name).cmp(&(&b.program, &b.name)));
    Ok(results)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::FieldKind;

    #[test]
    fn layouts_are_found_by_program_name_and_environment() {
        let one = RecordLayout::new(1, [("A", 0, 1, FieldKind::Alphanumeric)]);
        let two = RecordLayout::new(2, [("B", 0, 2, FieldKind::Alphanumeric)]);
        let mut layouts = BTreeMap::new();
        layouts.insert("PAYTOT".to_string(), one.clone());
        layouts.insert("PAYSUMM:PAYTOT".to_string(), two.clone());
        layouts.insert("PAYRPT".to_string(), two.clone());
        assert_eq!(layout_for(&layouts, "PAYROLL", &[], "PAYTOT"), Some(&one));
        assert_eq!(layout_for(&layouts, "paysumm", &[], "PAYTOT"), Some(&two));
        assert_eq!(layout_for(&layouts, "PAYROLL", &[], "OTHER"), None);
        let env = |pairs: &[(&str, &str)]| -> Vec<(String, String)> {
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect()
        };
        let dd = env(&[("DD_PAYRPT", "REGISTER.TXT")]);
        assert_eq!(
            layout_for(&layouts, "PAYROLL", &dd, "REGISTER.TXT"),
            Some(&two)
        );
        let plain = env(&[("PAYTOT", "./t.dat")]);
        assert_eq!(layout_for(&layouts, "PAYROLL", &plain, "t.dat"), Some(&one));
        let path = env(&[("COB_FILE_PATH", "data/"), ("dd_PAYTOT", "t.dat")]);
        assert_eq!(
            layout_for(&layouts, "PAYROLL", &path, "data/t.dat"),
            Some(&one)
        );
    }
}
