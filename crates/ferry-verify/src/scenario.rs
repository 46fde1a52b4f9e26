//! Scenario discovery and the parsing of a scenario's inputs.
//!
//! Layout: `SRC/scenarios/<PROGRAM-ID>/<scenario-name>/` holding optional
//! `stdin`, `args`, `env`, `input/`, and once recorded, `expected/`.

use std::path::{Path, PathBuf};

use crate::error::{Result, VerifyError};

/// `COB_CURRENT_DATE` used when a scenario's `env` file does not set one, so that
/// recordings never depend on the day they were made.
pub const DEFAULT_COB_CURRENT_DATE: &str = "2000/01/01 00:00:00";

/// Name of the directory holding a recording.
pub const EXPECTED_DIR: &str = "expected";

/// One recorded (or to-be-recorded) run of one program.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Scenario {
    /// The COBOL PROGRAM-ID (directory name under `scenarios/`).
    pub program: String,
    /// The scenario's directory name.
    pub name: String,
    /// The scenario's directory.
    pub dir: PathBuf,
    /// For a scenario that runs a JCL job (a `job` file): the job's steps, filled in by the caller,
    /// who can read JCL (see [`Scenario::job`]).
    pub job_steps: Option<Vec<Step>>,
}

impl Scenario {
    /// The JCL job this scenario runs (its `job` file: the job's name), if any.
    pub fn job(&self) -> Result<Option<String>> {
        Ok(read_optional(&self.dir.join("job"))?.map(|b| {
            String::from_utf8_lossy(&b)
                .lines()
                .map(str::trim)
                .find(|l| !l.is_empty() && !l.starts_with('#'))
                .unwrap_or_default()
                .to_ascii_uppercase()
        }))
    }

    /// Builds a scenario from its directory (`.../scenarios/PROGRAM/NAME`).
    pub fn from_dir(dir: &Path) -> Option<Scenario> {
        let name = dir.file_name()?.to_str()?.to_string();
        let program = dir.parent()?.file_name()?.to_str()?.to_string();
        Some(Scenario {
            program,
            name,
            dir: dir.to_path_buf(),
            job_steps: None,
        })
    }

    /// `PROGRAM/name`, the scenario's display id.
    pub fn id(&self) -> String {
        format!("{}/{}", self.program, self.name)
    }

    /// The `expected/` directory (may not exist yet).
    pub fn expected_dir(&self) -> PathBuf {
        self.dir.join(EXPECTED_DIR)
    }

    /// True when `expected/` exists (the scenario has been recorded).
    pub fn has_recording(&self) -> bool {
        self.expected_dir().is_dir()
    }

    /// Reads the scenario's inputs (`stdin`, `args`, `env`, `input/`).
    pub fn inputs(&self) -> Result<Inputs> {
        let stdin = read_optional(&self.dir.join("stdin"))?.unwrap_or_default();
        let args = match read_optional(&self.dir.join("args"))? {
            Some(bytes) => parse_args(&self.id(), &bytes)?,
            None => Vec::new(),
        };
        let mut env = match read_optional(&self.dir.join("env"))? {
            Some(bytes) => parse_env(&self.id(), &bytes)?,
            None => Vec::new(),
        };
        if !env.iter().any(|(k, _)| k == "COB_CURRENT_DATE") {
            env.push((
                "COB_CURRENT_DATE".to_string(),
                DEFAULT_COB_CURRENT_DATE.to_string(),
            ));
        }
        let input_dir = self.dir.join("input");
        let steps_file = read_optional(&self.dir.join("steps"))?;
        let steps = match (steps_file, &self.job_steps) {
            (Some(_), Some(_)) => {
                return Err(VerifyError::BadScenario {
                    scenario: self.id(),
                    message: "`steps` and `job` together: keep one".into(),
                })
            }
            (Some(bytes), None) => parse_steps(&self.id(), &bytes)?,
            (None, Some(job)) => job.clone(),
            (None, None) => {
                if let Some(job) = self.job()? {
                    return Err(VerifyError::BadScenario {
                        scenario: self.id(),
                        message: format!("runs JCL job {job}, whose steps were not found"),
                    });
                }
                Vec::new()
            }
        };
        if !steps.is_empty() && !args.is_empty() {
            return Err(VerifyError::BadScenario {
                scenario: self.id(),
                message: "`args` and `steps` together: give each step its arguments in `steps`"
                    .into(),
            });
        }
        Ok(Inputs {
            stdin,
            args,
            env,
            input_dir: input_dir.is_dir().then_some(input_dir),
            steps,
        })
    }

    /// The programs the scenario runs: its steps' programs in order, or the one it is filed under.
    pub fn programs(&self) -> Result<Vec<String>> {
        let steps = self.inputs()?.steps;
        if steps.is_empty() {
            return Ok(vec![self.program.clone()]);
        }
        let mut out: Vec<String> = Vec::new();
        for s in steps {
            if !out.contains(&s.program) {
                out.push(s.program);
            }
        }
        Ok(out)
    }
}

/// One step of a multi-step scenario: a program run in the scenario's working directory after the
/// steps before it, so that it sees the files they wrote (a batch job's chain of programs).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Step {
    /// The JCL step name, when the step comes from a job.
    pub name: Option<String>,
    pub program: String,
    pub args: Vec<String>,
    /// Environment for this step only (e.g. `DD_TOTALS=RUNTOTAL`), after the scenario's `env`.
    pub env: Vec<(String, String)>,
    /// `COND=` tests: the step is bypassed when any `code op rc` holds for the return code of a step
    /// run before it (JCL's rule; `op` is GT, GE, EQ, NE, LT or LE), or of the named step only.
    pub cond: Vec<CondTest>,
}

/// One test of a `COND=` parameter.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct CondTest {
    pub code: i32,
    pub op: String,
    pub step: Option<String>,
}

impl Step {
    /// True when the step must be bypassed after the steps run so far (name, return code).
    pub fn bypassed(&self, previous: &[(Option<String>, i32)]) -> bool {
        self.cond.iter().any(|t| {
            previous
                .iter()
                .filter(|(name, _)| t.step.is_none() || *name == t.step)
                .any(|&(_, rc)| match t.op.as_str() {
                    "GT" => t.code > rc,
                    "GE" => t.code >= rc,
                    "EQ" => t.code == rc,
                    "NE" => t.code != rc,
                    "LT" => t.code < rc,
                    "LE" => t.code <= rc,
                    _ => false,
                })
        })
    }
}

/// Parses a JCL `COND=` value: `(code,op)`, `(code,op,step)` or a list of those in parentheses.
/// `EVEN` and `ONLY` (abend conditions) are refused: an abend is not a return code here.
pub fn parse_cond(text: &str) -> std::result::Result<Vec<CondTest>, String> {
    let t = text.trim();
    let inner = t
        .strip_prefix('(')
        .and_then(|x| x.strip_suffix(')'))
        .ok_or_else(|| format!("expected COND=(code,op[,step]), got {t}"))?
        .trim();
    let parts: Vec<&str> = if inner.starts_with('(') {
        inner
            .split("),")
            .map(|p| p.trim().trim_start_matches('(').trim_end_matches(')'))
            .collect()
    } else {
        vec![inner]
    };
    let mut out = Vec::new();
    for p in parts {
        let f: Vec<&str> = p.split(',').map(str::trim).collect();
        if f.len() == 1 && (f[0] == "EVEN" || f[0] == "ONLY") {
            return Err(format!("COND={} (abend conditions) is not supported", f[0]));
        }
        if f.len() < 2 || f.len() > 3 {
            return Err(format!("expected (code,op[,step]) in COND, got ({p})"));
        }
        let code: i32 = f[0]
            .parse()
            .map_err(|_| format!("COND code {:?} is not a number", f[0]))?;
        let op = f[1].to_ascii_uppercase();
        if !["GT", "GE", "EQ", "NE", "LT", "LE"].contains(&op.as_str()) {
            return Err(format!(
                "COND operator {op:?} is not GT, GE, EQ, NE, LT or LE"
            ));
        }
        out.push(CondTest {
            code,
            op,
            step: f.get(2).map(|s| s.to_ascii_uppercase()),
        });
    }
    Ok(out)
}

/// The `steps` file: one step per line, `[KEY=VALUE ...] [COND=(code,op)] PROGRAM [ARG ...]`, in the
/// order they run; blank lines and lines starting with `#` are ignored.
pub fn parse_steps(scenario: &str, bytes: &[u8]) -> Result<Vec<Step>> {
    let bad = |line: usize, message: String| VerifyError::BadScenario {
        scenario: scenario.to_string(),
        message: format!("steps line {line}: {message}"),
    };
    let mut out = Vec::new();
    for (i, line) in lines_of(scenario, "steps", bytes)?.into_iter().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut env = Vec::new();
        let mut cond = Vec::new();
        let mut words = line.split_whitespace().peekable();
        while let Some(w) = words.peek() {
            let Some((k, v)) = w.split_once('=') else {
                break;
            };
            if k.eq_ignore_ascii_case("COND") {
                cond = parse_cond(v).map_err(|e| bad(i + 1, e))?;
            } else {
                env.push((k.to_string(), v.to_string()));
            }
            words.next();
        }
        let Some(program) = words.next() else {
            return Err(bad(i + 1, "no program named".into()));
        };
        out.push(Step {
            name: None,
            program: program.to_ascii_uppercase(),
            args: words.map(str::to_string).collect(),
            env,
            cond,
        });
    }
    Ok(out)
}

/// The parsed inputs of a scenario.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Inputs {
    /// Bytes fed to standard input (empty when there is no `stdin` file).
    pub stdin: Vec<u8>,
    /// Command-line arguments, one per line of `args`.
    pub args: Vec<String>,
    /// Environment variables in file order; `COB_CURRENT_DATE` always present.
    pub env: Vec<(String, String)>,
    /// The `input/` directory, when present.
    pub input_dir: Option<PathBuf>,
    /// The steps of a multi-step scenario (`steps`); empty: the scenario runs its one program.
    pub steps: Vec<Step>,
}

/// Finds every scenario under `src_dir/scenarios/`, sorted by (program, name).
/// A missing `scenarios/` directory yields an empty list.
pub fn discover(src_dir: &Path) -> Result<Vec<Scenario>> {
    let root = src_dir.join("scenarios");
    if !root.is_dir() {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    for program_dir in sorted_subdirs(&root)? {
        for scenario_dir in sorted_subdirs(&program_dir)? {
            if let Some(s) = Scenario::from_dir(&scenario_dir) {
                out.push(s);
            }
        }
    }
    out.sort();
    Ok(out)
}

fn sorted_subdirs(dir: &Path) -> Result<Vec<PathBuf>> {
    let rd = std::fs::read_dir(dir).map_err(|e| VerifyError::io("reading directory", dir, e))?;
    let mut dirs = Vec::new();
    for entry in rd {
        let entry = entry.map_err(|e| VerifyError::io("reading directory", dir, e))?;
        let path = entry.path();
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        if path.is_dir() && !hidden {
            dirs.push(path);
        }
    }
    dirs.sort();
    Ok(dirs)
}

pub(crate) fn read_optional(path: &Path) -> Result<Option<Vec<u8>>> {
    match std::fs::read(path) {
        Ok(b) => Ok(Some(b)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(VerifyError::io("reading", path, e)),
    }
}

fn lines_of(scenario: &str, what: &str, bytes: &[u8]) -> Result<Vec<String>> {
    let text = std::str::from_utf8(bytes).map_err(|_| VerifyError::BadScenario {
        scenario: scenario.to_string(),
        message: format!("`{what}` is not valid UTF-8"),
    })?;
    let text = text.strip_suffix('\n').unwrap_or(text);
    if text.is_empty() {
        return Ok(Vec::new());
    }
    Ok(text
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l).to_string())
        .collect())
}

/// One argument per line; a final newline does not add an empty argument.
pub fn parse_args(scenario: &str, bytes: &[u8]) -> Result<Vec<String>> {
    lines_of(scenario, "args", bytes)
}

/// `KEY=VALUE` lines; blank lines and lines starting with `#` are ignored.
pub fn parse_env(scenario: &str, bytes: &[u8]) -> Result<Vec<(String, String)>> {
    let mut out: Vec<(String, String)> = Vec::new();
    for (i, line) in lines_of(scenario, "env", bytes)?.into_iter().enumerate() {
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let Some((k, v)) = line.split_once('=') else {
            return Err(VerifyError::BadScenario {
                scenario: scenario.to_string(),
                message: format!("env line {}: expected KEY=VALUE, got {line:?}", i + 1),
            });
        };
        let k = k.trim().to_string();
        if k.is_empty() {
            return Err(VerifyError::BadScenario {
                scenario: scenario.to_string(),
                message: format!("env line {}: key {k:?} is not allowed", i + 1),
            });
        }
        out.retain(|(old, _)| *old != k);
        out.push((k, v.to_string()));
    }
    Ok(out)
}
