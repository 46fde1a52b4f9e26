//! Helpers shared by the CLI test suites: the repository root, running `ferry`, reading its output.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("repo root")
}

/// Generated workspaces of suites that build the same code share one target directory, so that the
/// runtime is compiled once per test run.
pub fn target_dir() -> PathBuf {
    repo().join("target").join("ferry-e2e")
}

/// Runs `ferry` with `args`, building generated workspaces in `target`.
pub fn ferry_in(target: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ferry"))
        .args(args)
        .env("CARGO_TARGET_DIR", target)
        .output()
        .expect("ferry runs")
}

pub fn ferry(args: &[&str]) -> Output {
    ferry_in(&target_dir(), args)
}

/// stdout then stderr, for assertion messages.
pub fn text(o: &Output) -> String {
    format!(
        "{}\n{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

pub fn copy_dir(from: &Path, to: &Path) {
    for e in walkdir::WalkDir::new(from) {
        let e = e.unwrap();
        let dest = to.join(e.path().strip_prefix(from).unwrap());
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::copy(e.path(), &dest).unwrap();
        }
    }
}

pub fn json(path: &Path) -> serde_json::Value {
    serde_json::from_slice(
        &std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display())),
    )
    .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// OUT/report.json.
pub fn report(out: &Path) -> serde_json::Value {
    json(&out.join("report.json"))
}
