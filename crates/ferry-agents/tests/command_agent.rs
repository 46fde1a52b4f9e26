//! The command agent with small `sh` scripts standing in for a coding agent.

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::*;
use ferry_agents::{run_wave, AgentConfig, Client, Mode, Prompts, UnitOutcome};

/// Writes `script` to `dir/agent.sh` and returns a config whose command logs each run to
/// `dir/runs.log` and then runs the script.
fn setup(dir: &Path, mode: Mode, script: &str) -> AgentConfig {
    let path = dir.join("agent.sh");
    std::fs::write(&path, script).unwrap();
    let spec = format!(
        "command:echo run >> '{}/runs.log'; sh '{}'",
        dir.display(),
        path.display()
    );
    config(spec.parse().unwrap(), mode, dir)
}

fn runs(dir: &Path) -> usize {
    std::fs::read_to_string(dir.join("runs.log"))
        .map(|s| s.lines().filter(|l| *l == "run").count())
        .unwrap_or(0)
}

fn run(
    cfg: &AgentConfig,
    units: Vec<ferry_agents::UnitContext>,
) -> (Vec<UnitOutcome>, Vec<String>) {
    let client = Client::new(cfg).unwrap();
    let prompts = Prompts::load(None).unwrap();
    let mut calls = Vec::new();
    let outcomes = run_wave(&client, &prompts, cfg, units, &mut check(&mut calls));
    (outcomes, calls)
}

/// Wrong code on the first attempt, right code on the second once the diff is in the prompt.
const LEARNS_FROM_THE_DIFF: &str = r#"set -e
test -f "$FERRY_PROMPT_FILE"
cat > stdin.txt
grep -q "PROGRAM-ID. $FERRY_UNIT." stdin.txt
cmp -s stdin.txt "$FERRY_PROMPT_FILE"
# translate mode: the crate's fixed files are there, the file to write is not
test -f Cargo.toml
test -f "src/bin/$FERRY_UNIT.rs"
test ! -e src/lib.rs
test "$FERRY_EDITABLE" = "src/lib.rs"
mkdir -p src
if [ "$FERRY_ATTEMPT" = "2" ]; then
  grep -q -- "-expected TOTAL 42" "$FERRY_PROMPT_FILE"
  printf 'pub fn main_entry() -> i32 {\n    0 // RIGHT\n}\n' > src/lib.rs
else
  printf 'pub fn main_entry() -> i32 {\n    1 // WRONG\n}\n' > src/lib.rs
fi
echo "agent wrote src/lib.rs for $FERRY_UNIT attempt $FERRY_ATTEMPT"
"#;

#[test]
fn wrong_then_right_then_cached() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = setup(dir.path(), Mode::Translate, LEARNS_FROM_THE_DIFF);
    let (outcomes, calls) = run(&cfg, vec![unit("PAY")]);
    let o = &outcomes[0];
    assert_eq!(o.failure, None, "{o:#?}");
    assert_eq!(o.accepted.as_ref().unwrap()["src/lib.rs"], right_lib());
    assert_eq!(o.attempts, 2);
    assert_eq!(calls, ["PAY", "PAY"]);
    assert_eq!((o.tokens_in, o.tokens_out, o.cost), (0, 0, Some(0.0)));
    assert_eq!(runs(dir.path()), 2);
    let t = std::fs::read_to_string(&o.transcripts[1]).unwrap();
    assert!(
        t.contains("agent wrote src/lib.rs for PAY attempt 2"),
        "{t}"
    );
    assert!(t.contains("-expected TOTAL 42"), "{t}");

    // The rerun runs nothing and gives the same files.
    let (again, calls) = run(&cfg, vec![unit("PAY")]);
    assert_eq!(runs(dir.path()), 2);
    assert_eq!(calls.len(), 2);
    assert_eq!(again[0].accepted, o.accepted);
    assert_eq!(again[0].response_sha256, o.response_sha256);
    assert_eq!(again[0].cache_hits, 2);
}

#[test]
fn refine_starts_from_the_builtin_files() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = setup(
        dir.path(),
        Mode::Refine,
        "set -e\ngrep -q BUILTIN src/lib.rs\nsed -i 's/BUILTIN/RIGHT (refined)/' src/lib.rs\n",
    );
    let (outcomes, _) = run(&cfg, vec![unit("PAY")]);
    let lib = &outcomes[0].accepted.as_ref().expect("accepted")["src/lib.rs"];
    assert!(
        lib.starts_with("//! built-in\n") && lib.contains("RIGHT (refined)"),
        "{lib}"
    );
    assert_eq!(outcomes[0].attempts, 1);
}

#[test]
fn a_failing_command_is_a_failed_attempt_with_its_stderr_as_feedback() {
    let dir = tempfile::tempdir().unwrap();
    let script = r#"if [ "$FERRY_ATTEMPT" = "1" ]; then echo "agent crashed: out of ideas" >&2; exit 3; fi
grep -q "agent crashed: out of ideas" "$FERRY_PROMPT_FILE" || exit 9
mkdir -p src && printf 'pub fn main_entry() -> i32 {\n    0 // RIGHT\n}\n' > src/lib.rs
"#;
    let cfg = setup(dir.path(), Mode::Translate, script);
    let (outcomes, calls) = run(&cfg, vec![unit("PAY")]);
    let o = &outcomes[0];
    assert_eq!(o.failure, None, "{o:#?}");
    assert_eq!(o.attempts, 2);
    assert_eq!(calls.len(), 1);
    let t1 = std::fs::read_to_string(&o.transcripts[0]).unwrap();
    assert!(t1.contains("exit status: 3"), "{t1}");
}

#[test]
fn a_command_that_writes_nothing_is_malformed() {
    let dir = tempfile::tempdir().unwrap();
    let mut cfg = setup(dir.path(), Mode::Translate, "echo thinking...\n");
    cfg.attempts = 2;
    let (outcomes, calls) = run(&cfg, vec![unit("PAY")]);
    let o = &outcomes[0];
    assert_eq!(o.accepted, None);
    assert_eq!(o.attempts, 2);
    assert!(calls.is_empty());
    let failure = o.failure.as_deref().unwrap();
    assert!(failure.contains("did not write src/lib.rs"), "{failure}");
}

#[test]
fn a_command_over_time_is_killed() {
    let dir = tempfile::tempdir().unwrap();
    let mut cfg = setup(dir.path(), Mode::Translate, "sleep 30 &\nsleep 30\n");
    cfg.attempts = 1;
    cfg.timeout = Duration::from_millis(300);
    let started = Instant::now();
    let (outcomes, _) = run(&cfg, vec![unit("PAY")]);
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "{:?}",
        started.elapsed()
    );
    let failure = outcomes[0].failure.as_deref().unwrap();
    assert!(failure.contains("timed out after 0.3 s"), "{failure}");
    // Timeouts are not cached.
    assert_eq!(all_files(&cfg.cache_dir).len(), 0);
}

#[test]
fn several_units_each_get_their_own_workspace() {
    let dir = tempfile::tempdir().unwrap();
    let script = r#"set -e
test -f "src/bin/$FERRY_UNIT.rs"
mkdir -p src
printf 'pub fn main_entry() -> i32 {\n    0 // RIGHT %s\n}\n' "$FERRY_UNIT" > src/lib.rs
"#;
    let cfg = setup(dir.path(), Mode::Translate, script);
    let (outcomes, _) = run(&cfg, vec![unit("A"), unit("B"), unit("C")]);
    for (o, name) in outcomes.iter().zip(["A", "B", "C"]) {
        assert_eq!(o.unit, name);
        let lib = &o.accepted.as_ref().unwrap()["src/lib.rs"];
        assert!(lib.contains(&format!("RIGHT {name}")), "{lib}");
    }
    assert_eq!(runs(dir.path()), 3);
}
