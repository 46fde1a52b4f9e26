//! Shared fixtures: a unit, a check that stands for "build and replay", temp dirs and a key.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use ferry_agents::{AgentConfig, AgentSpec, Mode, Prices, UnitContext, Verdict};

pub const DIFF: &str = "scenario PAY/basic: stdout differs\n-expected TOTAL 42\n+got      TOTAL 41";

pub fn wrong_lib() -> String {
    "pub fn main_entry() -> i32 {\n    1 // WRONG\n}\n".to_string()
}

pub fn right_lib() -> String {
    "pub fn main_entry() -> i32 {\n    0 // RIGHT\n}\n".to_string()
}

pub fn answer(lib: &str) -> String {
    format!("Here you are.\n\n=== FILE: src/lib.rs ===\n```rust\n{lib}```\n=== END FILE ===\n")
}

pub fn unit(name: &str) -> UnitContext {
    let mut builtin = BTreeMap::new();
    builtin.insert(
        "src/lib.rs".to_string(),
        "//! built-in\npub fn main_entry() -> i32 {\n    0 // BUILTIN\n}\n".to_string(),
    );
    builtin.insert(
        format!("src/bin/{name}.rs"),
        format!(
            "fn main() {{ std::process::exit(unit_{}::main_entry()); }}\n",
            name.to_lowercase()
        ),
    );
    builtin.insert(
        "Cargo.toml".to_string(),
        format!("[package]\nname = \"unit-{}\"\n", name.to_lowercase()),
    );
    UnitContext {
        unit: name.to_string(),
        crate_name: format!("unit-{}", name.to_lowercase()),
        cobol: format!(
            "{n}.cbl:1        IDENTIFICATION DIVISION.\n{n}.cbl:2        PROGRAM-ID. {name}.\n{n}.cbl:3        PROCEDURE DIVISION.\n{n}.cbl:4            DISPLAY 'TOTAL 42'.\n",
            n = name.to_lowercase()
        ),
        layouts: "01 WS-TOTAL offset 0 size 2 PIC 99\n".to_string(),
        callee_interfaces: String::new(),
        runtime_api: "# ferry-runtime\n## MOVE\n* move_field(...)\n".to_string(),
        scenarios: vec![format!("{name}/basic")],
        builtin_files: builtin,
        editable: vec!["src/lib.rs".to_string()],
    }
}

/// The stand-in for "build and replay": passes an answer containing RIGHT, else reports [`DIFF`].
pub fn check(
    calls: &mut Vec<String>,
) -> impl FnMut(&UnitContext, &BTreeMap<String, String>) -> Verdict + '_ {
    move |u, files| {
        calls.push(u.unit.clone());
        if files["src/lib.rs"].contains("RIGHT") {
            Verdict::Pass
        } else {
            Verdict::Fail {
                report: DIFF.to_string(),
            }
        }
    }
}

/// A fresh key in a fresh environment variable (tests run in parallel).
pub fn key_in_env() -> (String, String) {
    static N: AtomicU32 = AtomicU32::new(0);
    let n = N.fetch_add(1, Ordering::SeqCst);
    let var = format!("FERRY_AGENTS_TEST_KEY_{}_{n}", std::process::id());
    let key = format!("sk-test-S3CRET-{n}-do-not-leak");
    std::env::set_var(&var, &key);
    (var, key)
}

pub fn config(spec: AgentSpec, mode: Mode, dir: &Path) -> AgentConfig {
    let mut cfg = AgentConfig::new(
        spec,
        mode,
        dir.join("out/.ferry/agent-cache"),
        dir.join("out/agents"),
    );
    cfg.attempts = 3;
    cfg.jobs = 2;
    cfg.retries = 3;
    cfg.max_retry_wait = Duration::from_millis(10);
    cfg.timeout = Duration::from_secs(20);
    cfg.prices = Some(Prices {
        input_per_mtok: 3.0,
        output_per_mtok: 15.0,
    });
    cfg
}

/// Every file under `dir`, recursively.
pub fn all_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// Asserts no file under `dir` contains `secret`; returns how many files were scanned.
pub fn assert_no_secret_under(dir: &Path, secret: &str) -> usize {
    let files = all_files(dir);
    for f in &files {
        let bytes = std::fs::read(f).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains(secret), "{} contains the key", f.display());
    }
    files.len()
}
