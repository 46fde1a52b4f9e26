//! External agents end to end: `ferry migrate --agent command:...` with small agent scripts, inside the
//! verification loop (answers are built and replayed; failures go back with the diff).
//!
//! These tests build deliberately different code for the same crate names, so they use their own
//! cargo target directory and run one at a time.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::Mutex;

use common::{repo, report, text};

/// Not shared with e2e.rs: these tests build different code under the same crate names.
fn target_dir() -> PathBuf {
    repo().join("target").join("ferry-e2e-agents")
}

static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

/// A coding-agent command for the tests: refines every unit by adding a comment, except that its first
/// answer for PAYSUMM changes a report title (a behaviour change the scenarios must catch); its second
/// answer checks that the retry prompt carries the diff. Every run is logged in $AGENT_LOG.
const REFINING_AGENT: &str = r#"#!/bin/sh
set -e
if [ "$FERRY_UNIT" = PAYSUMM ] && [ "$FERRY_ATTEMPT" = 1 ]; then
    sed -i 's/BUDGET VARIANCE SUMMARY/BUDGET VARIANCE SUMMARX/' src/lib.rs
fi
if [ "$FERRY_UNIT" = PAYSUMM ] && [ "$FERRY_ATTEMPT" = 2 ]; then
    grep -q 'SUMMARX' "$FERRY_PROMPT_FILE" || { echo "no diff in the retry prompt" >&2; exit 3; }
fi
{ printf '// refined by the test agent\n'; cat src/lib.rs; } > lib.new && mv lib.new src/lib.rs
echo "$FERRY_UNIT $FERRY_ATTEMPT" >> "$AGENT_LOG"
"#;

fn migrate_with_agent(out: &Path, agent: &str, extra: &[&str], log: &Path) -> Output {
    let sample = repo().join("samples/payroll");
    let mut args = vec![
        "migrate",
        sample.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--quiet",
        "--agent",
        agent,
    ];
    args.extend_from_slice(extra);
    Command::new(env!("CARGO_BIN_EXE_ferry"))
        .args(&args)
        .env("CARGO_TARGET_DIR", target_dir())
        .env("AGENT_LOG", log)
        .output()
        .expect("ferry runs")
}

#[test]
fn a_command_agent_refines_units_inside_the_verification_loop() {
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let script = tmp.path().join("agent.sh");
    std::fs::write(&script, REFINING_AGENT).unwrap();
    let log = tmp.path().join("agent.log");
    let agent = format!("command:sh {}", script.display());
    let o = migrate_with_agent(&out, &agent, &["--agent-mode", "refine"], &log);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let r = report(&out);
    for u in r["units"].as_array().unwrap() {
        assert_eq!(u["status"], "verified", "{u}");
        assert_eq!(u["agent"], "command", "{u}");
        let run = &u["agent_run"];
        assert_eq!(run["outcome"], "accepted", "{u}");
        let attempts = if u["name"] == "PAYSUMM" { 2 } else { 1 };
        assert_eq!(run["attempts"], attempts, "{u}");
        assert_eq!(run["prompt_sha256"].as_array().unwrap().len(), attempts);
        for t in run["transcripts"].as_array().unwrap() {
            assert!(out.join(t.as_str().unwrap()).is_file(), "{t}");
        }
    }
    let lib = std::fs::read_to_string(out.join("units/paysumm/src/lib.rs")).unwrap();
    assert!(lib.starts_with("// refined by the test agent\n"), "{lib}");
    assert!(!lib.contains("SUMMARX"));
    let runs = std::fs::read_to_string(&log).unwrap();
    assert_eq!(runs.lines().count(), 4, "{runs}");

    // Nothing changed: the agent is not asked again.
    let o = migrate_with_agent(&out, &agent, &["--agent-mode", "refine"], &log);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert_eq!(std::fs::read_to_string(&log).unwrap(), runs);
    // Redoing everything (--force) answers from the response cache: the command does not run.
    let o = migrate_with_agent(&out, &agent, &["--agent-mode", "refine", "--force"], &log);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert_eq!(std::fs::read_to_string(&log).unwrap(), runs);
    let r = report(&out);
    let paysumm = r["units"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["name"] == "PAYSUMM")
        .unwrap();
    assert_eq!(paysumm["agent_run"]["cache_hits"], 2, "{paysumm}");
    assert_eq!(paysumm["status"], "verified");
}

#[test]
fn a_unit_no_agent_answer_passes_is_failed_and_the_others_still_build() {
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let script = tmp.path().join("agent.sh");
    // Translate mode: the agent writes the unit from the COBOL; this one always gets it wrong.
    std::fs::write(
        &script,
        "#!/bin/sh\necho \"$FERRY_UNIT $FERRY_ATTEMPT\" >> \"$AGENT_LOG\"\nmkdir -p src\nprintf 'pub fn main_entry() {}\\n' > src/lib.rs\n",
    )
    .unwrap();
    let log = tmp.path().join("agent.log");
    let agent = format!("command:sh {}", script.display());
    let o = migrate_with_agent(&out, &agent, &["--agent-attempts", "2"], &log);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    let r = report(&out);
    for u in r["units"].as_array().unwrap() {
        assert_eq!(u["status"], "error", "{u}");
        assert_eq!(u["agent_run"]["outcome"], "failed", "{u}");
        assert_eq!(u["agent_run"]["attempts"], 2, "{u}");
        assert!(
            u["detail"]
                .as_str()
                .unwrap()
                .contains("no answer that passes"),
            "{u}"
        );
    }
    // The built-in files are back in place, so the workspace still builds.
    let lib = std::fs::read_to_string(out.join("units/paycalc/src/lib.rs")).unwrap();
    assert!(lib.len() > 1000, "{lib}");
}

/// An OpenAI-shaped server that answers each unit with the given files (by the unit named in the
/// prompt), with token usage, and remembers the Authorization headers it saw.
struct Answers(std::collections::BTreeMap<String, String>);

impl wiremock::Respond for Answers {
    fn respond(&self, r: &wiremock::Request) -> wiremock::ResponseTemplate {
        let v: serde_json::Value = serde_json::from_slice(&r.body).unwrap();
        let user = v["messages"][1]["content"].as_str().unwrap_or_default();
        let answer = self
            .0
            .iter()
            .find(|(unit, _)| user.contains(&format!("unit {unit} ")))
            .map(|(_, lib)| {
                format!("Here it is.\n=== FILE: src/lib.rs ===\n{lib}\n=== END FILE ===\n")
            })
            .unwrap_or_else(|| "I do not know this unit.".into());
        wiremock::ResponseTemplate::new(200).set_body_json(serde_json::json!({
            "id": "chatcmpl-1",
            "object": "chat.completion",
            "choices": [{"index": 0, "message": {"role": "assistant", "content": answer}, "finish_reason": "stop"}],
            "usage": {"prompt_tokens": 1000, "completion_tokens": 200, "total_tokens": 1200}
        }))
    }
}

#[test]
fn an_openai_compatible_agent_translates_through_http_and_the_key_stays_secret() {
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let tmp = tempfile::tempdir().unwrap();
    // What a good model would answer: here, the built-in translation of each unit.
    let reference = tmp.path().join("reference");
    let sample = repo().join("samples/payroll");
    let o = Command::new(env!("CARGO_BIN_EXE_ferry"))
        .args(["translate", sample.to_str().unwrap(), "--out"])
        .arg(&reference)
        .arg("--quiet")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let answers: std::collections::BTreeMap<String, String> = ["PAYCALC", "PAYSUMM", "PAYROLL"]
        .iter()
        .map(|u| {
            let lib = reference.join(format!("units/{}/src/lib.rs", u.to_lowercase()));
            (u.to_string(), std::fs::read_to_string(lib).unwrap())
        })
        .collect();
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .unwrap();
    let server = rt.block_on(wiremock::MockServer::start());
    let key = "sk-test-ferry-0123456789abcdef";
    rt.block_on(
        wiremock::Mock::given(wiremock::matchers::method("POST"))
            .and(wiremock::matchers::path("/chat/completions"))
            .and(wiremock::matchers::header(
                "authorization",
                format!("Bearer {key}").as_str(),
            ))
            .respond_with(Answers(answers))
            .mount(&server),
    );
    let out = tmp.path().join("out");
    let o = Command::new(env!("CARGO_BIN_EXE_ferry"))
        .args(["migrate", sample.to_str().unwrap(), "--out"])
        .arg(&out)
        .args(["--quiet", "--agent", "openai:gpt-test", "--agent-endpoint"])
        .arg(server.uri())
        .env("CARGO_TARGET_DIR", target_dir())
        .env("OPENAI_API_KEY", key)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let requests = rt.block_on(server.received_requests()).unwrap().len();
    assert_eq!(requests, 3, "one request per unit");
    let r = report(&out);
    for u in r["units"].as_array().unwrap() {
        assert_eq!(u["status"], "verified", "{u}");
        assert_eq!(u["agent"], "openai", "{u}");
        assert_eq!(u["agent_run"]["model"], "gpt-test", "{u}");
        assert_eq!(u["agent_run"]["tokens_in"], 1000, "{u}");
        assert_eq!(u["agent_run"]["tokens_out"], 200, "{u}");
    }
    // The key is nowhere in OUT (state, cache, transcripts, report) nor in ferry's output.
    assert!(!text(&o).contains(key));
    for e in walkdir::WalkDir::new(&out).into_iter().flatten() {
        if e.file_type().is_file() && !e.path().starts_with(out.join("target")) {
            let bytes = std::fs::read(e.path()).unwrap();
            assert!(
                !String::from_utf8_lossy(&bytes).contains(key),
                "the key leaked into {}",
                e.path().display()
            );
        }
    }
    // Without the key, ferry says which variable to set, before doing anything.
    let o = Command::new(env!("CARGO_BIN_EXE_ferry"))
        .args(["translate", sample.to_str().unwrap(), "--out"])
        .arg(tmp.path().join("nokey"))
        .args(["--quiet", "--agent", "openai:gpt-test"])
        .env_remove("OPENAI_API_KEY")
        .output()
        .unwrap();
    assert_ne!(o.status.code(), Some(0));
    assert!(text(&o).contains("OPENAI_API_KEY"), "{}", text(&o));
}
