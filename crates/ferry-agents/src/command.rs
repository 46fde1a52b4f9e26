//! The command agent: any coding-agent command line, run in a scratch copy of the unit's crate.
//!
//! For each attempt ferry makes a fresh temporary directory holding
//! - in refine mode, every file of the built-in translation (`builtin_files`);
//! - in translate mode, the built-in files except the editable ones (the agent writes those);
//! - `PROMPT.md`, the whole prompt (system part, a blank line, user part).
//!
//! It runs `sh -c <command>` there with the prompt also on stdin and the environment variables
//! `FERRY_PROMPT_FILE` (absolute path of `PROMPT.md`), `FERRY_UNIT`, `FERRY_ATTEMPT` (1-based) and
//! `FERRY_EDITABLE` (the editable paths, one per line), within the configured timeout (the command's
//! whole process group is killed when it expires). After a zero exit the editable files are read back
//! as the answer; a missing one makes the answer malformed. A non-zero exit or a timeout is a failed
//! attempt. The directory is removed afterwards.

use std::collections::BTreeMap;
use std::process::Stdio;
use std::time::Duration;

use tokio::io::{AsyncRead, AsyncReadExt, AsyncWriteExt};

use crate::{clip, io_err, safe_path, AgentConfig, AgentError, Mode, Prompt, UnitContext};

/// What one run of the command produced.
pub(crate) struct CommandRun {
    /// The command line, its exit status, stdout and stderr, for the transcript.
    pub output: String,
    /// The editable files it left in its directory.
    pub files: BTreeMap<String, String>,
}

/// The files the command starts from (see the module docs).
pub(crate) fn workspace_files(mode: Mode, ctx: &UnitContext) -> BTreeMap<&str, &str> {
    ctx.builtin_files
        .iter()
        .filter(|(p, _)| mode == Mode::Refine || !ctx.editable.contains(p))
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect()
}

/// Output kept per stream (the rest is read and dropped so the command never blocks on a full pipe).
const OUTPUT_CAP: usize = 1 << 20;
/// How long the output pipes may stay open after the command exited before its group is killed.
const GRACE: Duration = Duration::from_secs(2);

async fn read_capped(reader: Option<impl AsyncRead + Unpin>) -> String {
    let Some(mut reader) = reader else {
        return String::new();
    };
    let mut kept = Vec::new();
    let mut buf = [0u8; 8192];
    let mut dropped = 0usize;
    while let Ok(n) = reader.read(&mut buf).await {
        if n == 0 {
            break;
        }
        let room = OUTPUT_CAP.saturating_sub(kept.len()).min(n);
        kept.extend_from_slice(&buf[..room]);
        dropped += n - room;
    }
    let mut s = String::from_utf8_lossy(&kept).into_owned();
    if dropped > 0 {
        s.push_str(&format!("\n[... {dropped} more bytes dropped]"));
    }
    s
}

fn kill_group(pid: Option<u32>) {
    #[cfg(unix)]
    if let Some(pid) = pid.and_then(|p| libc::pid_t::try_from(p).ok()) {
        // SAFETY: kill(2) with a negative pid signals that process group; no memory is involved.
        unsafe {
            libc::kill(-pid, libc::SIGKILL);
        }
    }
    #[cfg(not(unix))]
    let _ = pid;
}

/// The output a reader task gathered; if the pipe stays open after the command exited (something it
/// started still holds it), the command's process group is killed first.
async fn collect(task: &mut tokio::task::JoinHandle<String>, pid: Option<u32>) -> String {
    match tokio::time::timeout(GRACE, &mut *task).await {
        Ok(r) => r.unwrap_or_default(),
        Err(_) => {
            kill_group(pid);
            task.await.unwrap_or_default()
        }
    }
}

fn tail(text: &str, lines: usize) -> String {
    let all: Vec<&str> = text.lines().collect();
    all[all.len().saturating_sub(lines)..].join("\n")
}

pub(crate) async fn run(
    command: &str,
    cfg: &AgentConfig,
    ctx: &UnitContext,
    prompt: &Prompt,
    attempt: u32,
) -> Result<CommandRun, AgentError> {
    let dir = tempfile::Builder::new()
        .prefix("ferry-agent-")
        .tempdir()
        .map_err(io_err(std::env::temp_dir()))?;
    for (path, text) in workspace_files(cfg.mode, ctx) {
        let rel = safe_path(path).map_err(|m| {
            AgentError::Config(format!("unit {}: built-in file path {m}", ctx.unit))
        })?;
        let full = dir.path().join(rel);
        if let Some(parent) = full.parent() {
            std::fs::create_dir_all(parent).map_err(io_err(parent))?;
        }
        std::fs::write(&full, text).map_err(io_err(&full))?;
    }
    let prompt_text = prompt.full_text();
    let prompt_file = dir.path().join("PROMPT.md");
    std::fs::write(&prompt_file, &prompt_text).map_err(io_err(&prompt_file))?;

    let mut cmd = tokio::process::Command::new("sh");
    cmd.arg("-c")
        .arg(command)
        .current_dir(dir.path())
        .env("FERRY_PROMPT_FILE", &prompt_file)
        .env("FERRY_UNIT", &ctx.unit)
        .env("FERRY_ATTEMPT", attempt.to_string())
        .env("FERRY_EDITABLE", ctx.editable.join("\n"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true);
    #[cfg(unix)]
    cmd.process_group(0);
    let mut child = cmd
        .spawn()
        .map_err(|e| AgentError::Command(format!("`{command}` could not start: {e}")))?;
    let pid = child.id();
    let stdin = child.stdin.take();
    let writer = tokio::spawn(async move {
        if let Some(mut stdin) = stdin {
            // A command that does not read its stdin closes the pipe: that is fine.
            let _ = stdin.write_all(prompt_text.as_bytes()).await;
        }
    });
    let mut out_task = tokio::spawn(read_capped(child.stdout.take()));
    let mut err_task = tokio::spawn(read_capped(child.stderr.take()));

    let waited = tokio::time::timeout(cfg.timeout, child.wait()).await;
    if waited.is_err() {
        kill_group(pid);
        let _ = child.kill().await;
    }
    writer.abort();
    let stdout = collect(&mut out_task, pid).await;
    let stderr = collect(&mut err_task, pid).await;

    let status = match waited {
        Err(_) => {
            return Err(AgentError::Command(format!(
                "`{command}` timed out after {} s and was killed; last lines of its output:\n{}",
                cfg.timeout.as_secs_f64(),
                tail(&format!("{stdout}\n{stderr}"), 20)
            )))
        }
        Ok(Err(e)) => return Err(AgentError::Command(format!("`{command}` failed: {e}"))),
        Ok(Ok(status)) => status,
    };
    let output = format!(
        "$ {command}\n[{status}]\n--- stdout ---\n{}\n--- stderr ---\n{}\n",
        clip(&stdout, OUTPUT_CAP),
        clip(&stderr, OUTPUT_CAP)
    );
    if !status.success() {
        return Err(AgentError::Command(format!(
            "`{command}` {status}; last lines of its stderr:\n{}",
            tail(&stderr, 30)
        )));
    }
    let mut files = BTreeMap::new();
    for path in &ctx.editable {
        let rel = safe_path(path).map_err(AgentError::Config)?;
        let full = dir.path().join(rel);
        match std::fs::read(&full) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => {
                    files.insert(path.clone(), text);
                }
                Err(_) => return Err(AgentError::Malformed(format!("`{path}` is not UTF-8 text"))),
            },
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(io_err(full)(e)),
        }
    }
    Ok(CommandRun { output, files })
}
