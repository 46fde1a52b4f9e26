//! Runs a program for a scenario in a sandbox: fresh empty working directory,
//! `input/` copied in, clean environment, stdin from the scenario, time limit.

use std::collections::BTreeMap;
use std::fs::File;
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use crate::error::{Result, VerifyError};
use crate::scenario::{Inputs, Scenario};

/// Time limit used when the caller has no opinion.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);

/// What one run produced.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RunOutput {
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    /// Exit code; a program killed by signal N reports 128+N (as a shell would).
    pub rc: i32,
    /// True when the time limit expired and the program was killed.
    pub timed_out: bool,
    /// Files (relative paths, `/`-separated) that the run created or whose bytes
    /// differ from the copy taken from `input/`.
    pub files: BTreeMap<String, Vec<u8>>,
    /// Every regular file in the working directory after the run.
    pub all_files: BTreeMap<String, Vec<u8>>,
}

/// Runs `exe` for `scenario` with a time limit (every step of a multi-step scenario runs `exe`;
/// use [`run_scenario_resolved`] to give each step its program).
pub fn run_scenario(scenario: &Scenario, exe: &Path, timeout: Duration) -> Result<RunOutput> {
    let inputs = scenario.inputs()?;
    let exe = exe.to_path_buf();
    run_resolved(&inputs, &scenario.program, &|_| Some(exe.clone()), timeout)
}

/// Runs a scenario, finding each program's executable with `resolve`.
pub fn run_scenario_resolved(
    scenario: &Scenario,
    resolve: &dyn Fn(&str) -> Option<PathBuf>,
    timeout: Duration,
) -> Result<RunOutput> {
    let inputs = scenario.inputs()?;
    run_resolved(&inputs, &scenario.program, resolve, timeout)
}

/// Runs `exe` with already parsed inputs (a single-step scenario).
pub fn run_with_inputs(inputs: &Inputs, exe: &Path, timeout: Duration) -> Result<RunOutput> {
    let exe = exe.to_path_buf();
    run_resolved(inputs, "", &|_| Some(exe.clone()), timeout)
}

/// One process to start.
struct Run {
    exe: PathBuf,
    args: Vec<String>,
    env: Vec<(String, String)>,
    step: Option<crate::scenario::Step>,
}

/// Work done in a run's directory around the programs (recording under GnuCOBOL: see
/// [`crate::IndexedTools`]). `env` is the scenario's environment followed by every step's.
pub trait RunHooks {
    /// After `input/` is copied (and its snapshot taken), before the first program.
    fn before_run(&self, dir: &Path, env: &[(String, String)]) -> Result<()>;
    /// After the last program (not after a timeout), before the files are taken.
    fn after_run(&self, dir: &Path, env: &[(String, String)]) -> Result<()>;
}

/// Runs the scenario's program (or, for a multi-step scenario, each step in order in the same working
/// directory, bypassing a step whose COND holds). stdin goes to the first step; stdout and stderr
/// are the steps' outputs one after the other; the return code is the highest of the steps run (a
/// job's condition code). The time limit covers the whole run.
pub fn run_resolved(
    inputs: &Inputs,
    program: &str,
    resolve: &dyn Fn(&str) -> Option<PathBuf>,
    timeout: Duration,
) -> Result<RunOutput> {
    run_resolved_with(inputs, program, resolve, timeout, None)
}

/// As [`run_resolved`], with work done in the run directory before and after the programs.
pub fn run_resolved_with(
    inputs: &Inputs,
    program: &str,
    resolve: &dyn Fn(&str) -> Option<PathBuf>,
    timeout: Duration,
    hooks: Option<&dyn RunHooks>,
) -> Result<RunOutput> {
    let find = |p: &str| -> Result<PathBuf> {
        let exe = resolve(p).ok_or_else(|| VerifyError::Spawn {
            exe: PathBuf::from(p),
            source: std::io::Error::new(
                std::io::ErrorKind::NotFound,
                format!("no executable for program {p}"),
            ),
        })?;
        std::fs::canonicalize(&exe).map_err(|e| VerifyError::Spawn { exe, source: e })
    };
    let runs: Vec<Run> = if inputs.steps.is_empty() {
        vec![Run {
            exe: find(program)?,
            args: inputs.args.clone(),
            env: Vec::new(),
            step: None,
        }]
    } else {
        inputs
            .steps
            .iter()
            .map(|s| {
                Ok(Run {
                    exe: find(&s.program)?,
                    args: s.args.clone(),
                    env: s.env.clone(),
                    step: Some(s.clone()),
                })
            })
            .collect::<Result<_>>()?
    };
    let work = tempfile::Builder::new()
        .prefix("ferry-run-")
        .tempdir()
        .map_err(|e| VerifyError::io("creating temp dir", std::env::temp_dir(), e))?;
    let io_dir = tempfile::Builder::new()
        .prefix("ferry-io-")
        .tempdir()
        .map_err(|e| VerifyError::io("creating temp dir", std::env::temp_dir(), e))?;
    let cwd = work.path();

    let before = match &inputs.input_dir {
        Some(dir) => {
            copy_tree(dir, cwd)?;
            snapshot(cwd)?
        }
        None => BTreeMap::new(),
    };

    let hook_env: Vec<(String, String)> = inputs
        .env
        .iter()
        .chain(inputs.steps.iter().flat_map(|s| s.env.iter()))
        .cloned()
        .collect();
    if let Some(h) = hooks {
        h.before_run(cwd, &hook_env)?;
    }

    let stdin_path = io_dir.path().join("stdin");
    let empty_path = io_dir.path().join("empty");
    let stdout_path = io_dir.path().join("stdout");
    let stderr_path = io_dir.path().join("stderr");
    std::fs::write(&stdin_path, &inputs.stdin)
        .map_err(|e| VerifyError::io("writing", &stdin_path, e))?;
    std::fs::write(&empty_path, b"").map_err(|e| VerifyError::io("writing", &empty_path, e))?;
    let open = |p: &PathBuf| File::open(p).map_err(|e| VerifyError::io("opening", p, e));
    let append = |p: &PathBuf| {
        std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(p)
            .map_err(|e| VerifyError::io("creating", p, e))
    };
    append(&stdout_path)?;
    append(&stderr_path)?;

    let start = Instant::now();
    let mut timed_out = false;
    let mut rcs: Vec<(Option<String>, i32)> = Vec::new();
    for (i, run) in runs.iter().enumerate() {
        if run.step.as_ref().is_some_and(|s| s.bypassed(&rcs)) {
            continue;
        }
        let step_name = run.step.as_ref().and_then(|s| s.name.clone());
        let mut cmd = Command::new(&run.exe);
        cmd.args(&run.args)
            .current_dir(cwd)
            .env_clear()
            .env(
                "PATH",
                std::env::var_os("PATH").unwrap_or_else(|| "/usr/bin:/bin".into()),
            )
            .stdin(Stdio::from(open(if i == 0 {
                &stdin_path
            } else {
                &empty_path
            })?))
            .stdout(Stdio::from(append(&stdout_path)?))
            .stderr(Stdio::from(append(&stderr_path)?))
            // Own process group, so a timeout kills the program and its children.
            .process_group(0);
        for (k, v) in inputs.env.iter().chain(&run.env) {
            cmd.env(k, v);
        }
        let mut child = spawn_retrying(&mut cmd).map_err(|e| VerifyError::Spawn {
            exe: run.exe.clone(),
            source: e,
        })?;
        let pgid = child.id() as i32;
        let status: ExitStatus = loop {
            match child.try_wait() {
                Ok(Some(st)) => break st,
                Ok(None) => {}
                Err(e) => return Err(VerifyError::io("waiting for", &run.exe, e)),
            }
            if start.elapsed() >= timeout {
                timed_out = true;
                kill_group(pgid);
                match child.wait() {
                    Ok(st) => break st,
                    Err(e) => return Err(VerifyError::io("waiting for", &run.exe, e)),
                }
            }
            let waited = start.elapsed();
            let nap = if waited < Duration::from_millis(100) {
                2
            } else {
                20
            };
            std::thread::sleep(Duration::from_millis(nap));
        };
        // Leave nothing behind: stray children of the program die with it.
        kill_group(pgid);
        rcs.push((
            step_name,
            match (status.code(), status.signal()) {
                (Some(c), _) => c,
                (None, Some(sig)) => 128 + sig,
                (None, None) => -1,
            },
        ));
        if timed_out {
            break;
        }
    }
    let rc = rcs.iter().map(|r| r.1).max().unwrap_or(0);
    if let (Some(h), false) = (hooks, timed_out) {
        h.after_run(cwd, &hook_env)?;
    }
    let read = |p: &PathBuf| std::fs::read(p).map_err(|e| VerifyError::io("reading", p, e));
    let all_files = snapshot(cwd)?;
    let files = all_files
        .iter()
        .filter(|(name, bytes)| before.get(*name) != Some(*bytes))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    Ok(RunOutput {
        stdout: read(&stdout_path)?,
        stderr: read(&stderr_path)?,
        rc,
        timed_out,
        files,
        all_files,
    })
}

/// Spawns, retrying briefly on ETXTBSY: an executable just written by this
/// process can be "busy" while another thread forks.
fn spawn_retrying(cmd: &mut Command) -> std::io::Result<std::process::Child> {
    let mut attempt = 0;
    loop {
        match cmd.spawn() {
            Err(e) if e.raw_os_error() == Some(libc::ETXTBSY) && attempt < 20 => {
                attempt += 1;
                std::thread::sleep(Duration::from_millis(25));
            }
            other => return other,
        }
    }
}

fn kill_group(pgid: i32) {
    if pgid > 0 {
        // SAFETY: kill(2) with a negative pid signals the process group we created;
        // it has no memory-safety preconditions. Errors (ESRCH) are irrelevant.
        unsafe {
            libc::kill(-pgid, libc::SIGKILL);
        }
    }
}

/// Copies a directory tree (regular files and directories) into `to`.
pub(crate) fn copy_tree(from: &Path, to: &Path) -> Result<()> {
    for entry in walkdir::WalkDir::new(from).sort_by_file_name() {
        let entry = entry.map_err(|e| {
            let path = e
                .path()
                .map(Path::to_path_buf)
                .unwrap_or_else(|| from.to_path_buf());
            VerifyError::io("walking", path, e.into())
        })?;
        let rel = match entry.path().strip_prefix(from) {
            Ok(r) if !r.as_os_str().is_empty() => r,
            _ => continue,
        };
        let dest = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&dest).map_err(|e| VerifyError::io("creating", &dest, e))?;
        } else {
            std::fs::copy(entry.path(), &dest)
                .map_err(|e| VerifyError::io("copying", entry.path(), e))?;
        }
    }
    Ok(())
}

/// Every regular file under `dir`, keyed by `/`-separated relative path; a ferry INDEXED
/// store is taken in its unloaded form.
pub(crate) fn snapshot(dir: &Path) -> Result<BTreeMap<String, Vec<u8>>> {
    let mut out = BTreeMap::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.map_err(|e| {
            let path = e
                .path()
                .map(Path::to_path_buf)
                .unwrap_or_else(|| dir.to_path_buf());
            VerifyError::io("walking", path, e.into())
        })?;
        if !entry.file_type().is_file() {
            continue;
        }
        let Ok(rel) = entry.path().strip_prefix(dir) else {
            continue;
        };
        let key = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/");
        let bytes =
            std::fs::read(entry.path()).map_err(|e| VerifyError::io("reading", entry.path(), e))?;
        // A translated program's INDEXED file is a store: compare its unloaded form (records
        // in key order), which is what recordings hold.
        let bytes = if bytes.starts_with(b"redb") {
            ferry_runtime::file::unload(entry.path())
                .map_err(|e| VerifyError::io("unloading the indexed file", entry.path(), e))?
                .unwrap_or(bytes)
        } else {
            bytes
        };
        out.insert(key, bytes);
    }
    Ok(out)
}
