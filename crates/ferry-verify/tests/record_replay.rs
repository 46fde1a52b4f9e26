//! Record/replay with tiny shell-script "programs" (no cobc needed).

use std::collections::BTreeMap;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use ferry_verify::*;

const T: Duration = Duration::from_secs(20);

fn script(dir: &Path, name: &str, body: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, format!("#!/bin/sh\n{body}\n")).unwrap();
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o755)).unwrap();
    p
}

fn scenario(src: &Path, program: &str, name: &str, files: &[(&str, &[u8])]) -> Scenario {
    let dir = src.join("scenarios").join(program).join(name);
    std::fs::create_dir_all(&dir).unwrap();
    for (rel, bytes) in files {
        let p = dir.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, bytes).unwrap();
    }
    Scenario::from_dir(&dir).unwrap()
}

fn meta() -> RecordMeta {
    RecordMeta::new(
        "cobc (GnuCOBOL) 3.1.2.0",
        &["-free".to_string()],
        &[
            PathBuf::from("/abs/src/PAYROLL.cbl"),
            PathBuf::from("/elsewhere/SUB.cbl"),
        ],
        Path::new("/abs/src"),
    )
}

/// A program that uses args, env, stdin, writes OUT.DAT, rewrites CHANGED.DAT
/// and leaves SAME.DAT alone.
const PAYROLL: &str = r#"echo "args: $1|$2"
echo "date: $COB_CURRENT_DATE"
echo "home: ${HOME-unset} mode: ${MODE-unset}"
cat
echo "error line" >&2
printf 'A00100012340\nA00200010000\n' > OUT.DAT
echo changed > CHANGED.DAT
exit 3"#;

fn payroll_scenario(src: &Path) -> Scenario {
    scenario(
        src,
        "PAYROLL",
        "basic",
        &[
            ("stdin", b"from stdin\n"),
            ("args", b"first arg\nsecond\n"),
            ("env", b"# comment\nMODE=test\n"),
            ("input/SAME.DAT", b"same\n"),
            ("input/CHANGED.DAT", b"before\n"),
        ],
    )
}

#[test]
fn discover_sorts_and_sees_recordings() {
    let tmp = tempfile::tempdir().unwrap();
    scenario(tmp.path(), "ZED", "a", &[]);
    scenario(tmp.path(), "ALPHA", "b", &[]);
    scenario(tmp.path(), "ALPHA", "a", &[("expected/rc", b"0\n")]);
    let found = discover(tmp.path()).unwrap();
    let ids: Vec<String> = found.iter().map(Scenario::id).collect();
    assert_eq!(ids, ["ALPHA/a", "ALPHA/b", "ZED/a"]);
    assert!(found[0].has_recording());
    assert!(!found[1].has_recording());
    assert!(discover(&tmp.path().join("nothing")).unwrap().is_empty());
}

#[test]
fn record_then_replay_passes() {
    let tmp = tempfile::tempdir().unwrap();
    let exe = script(tmp.path(), "payroll", PAYROLL);
    let s = payroll_scenario(tmp.path());

    assert_eq!(
        record(&s, &exe, &meta(), false).unwrap(),
        RecordOutcome::Recorded
    );
    let exp = s.expected_dir();
    let stdout = std::fs::read_to_string(exp.join("stdout")).unwrap();
    assert_eq!(
        stdout,
        format!("args: first arg|second\ndate: {DEFAULT_COB_CURRENT_DATE}\nhome: unset mode: test\nfrom stdin\n")
    );
    assert_eq!(std::fs::read(exp.join("stderr")).unwrap(), b"error line\n");
    assert_eq!(std::fs::read(exp.join("rc")).unwrap(), b"3\n");
    let mut files: Vec<String> = std::fs::read_dir(exp.join("files"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(files, ["CHANGED.DAT", "OUT.DAT"]);
    assert_eq!(read_meta(&s).unwrap().sources, ["PAYROLL.cbl", "SUB.cbl"]);
    let meta_text = std::fs::read_to_string(exp.join("meta.json")).unwrap();
    assert!(!meta_text.contains("/abs"), "{meta_text}");

    let r = replay(&s, &exe, T);
    assert_eq!(r.status, ScenarioStatus::Pass, "{:?}", r.detail);
    assert_eq!(r.detail, None);
    let names: Vec<&str> = r.checks.iter().map(|c| c.artefact.as_str()).collect();
    assert_eq!(
        names,
        [
            "stdout",
            "stderr",
            "rc",
            "files/CHANGED.DAT",
            "files/OUT.DAT"
        ]
    );

    // Present recording is left alone unless rerecord.
    let other = script(tmp.path(), "other", "echo other");
    assert_eq!(
        record(&s, &other, &meta(), false).unwrap(),
        RecordOutcome::AlreadyRecorded
    );
    assert_eq!(std::fs::read_to_string(exp.join("stdout")).unwrap(), stdout);
    assert_eq!(
        record(&s, &other, &meta(), true).unwrap(),
        RecordOutcome::Rerecorded
    );
    assert_eq!(std::fs::read(exp.join("stdout")).unwrap(), b"other\n");
    assert!(!s.dir.join("expected.tmp").exists() && !s.dir.join("expected.old").exists());
    // No file changed: no `files/` directory (git keeps no empty directory, and a fresh clone must
    // compare equal to a new recording).
    assert!(!exp.join("files").exists());
}

#[test]
fn env_sets_current_date_and_environment_is_clean() {
    let tmp = tempfile::tempdir().unwrap();
    let exe = script(
        tmp.path(),
        "p",
        "echo \"$COB_CURRENT_DATE|${CARGO-none}|${PATH:+path}\"",
    );
    let s = scenario(
        tmp.path(),
        "P",
        "dated",
        &[("env", b"COB_CURRENT_DATE=2026/03/31 09:15:00\n")],
    );
    let out = run_scenario(&s, &exe, T).unwrap();
    assert_eq!(out.stdout, b"2026/03/31 09:15:00|none|path\n");
}

#[test]
fn mismatches_are_explained() {
    let tmp = tempfile::tempdir().unwrap();
    let good = script(tmp.path(), "good", PAYROLL);
    let s = payroll_scenario(tmp.path());
    record(&s, &good, &meta(), false).unwrap();

    let bad_body = PAYROLL
        .replace("cat", "sed s/from/FROM/")
        .replace("A00100012340", "A00100012339")
        .replace("exit 3", "echo x > EXTRA.DAT\nexit 4")
        .replace("echo changed > CHANGED.DAT", "");
    let bad = script(tmp.path(), "bad", &bad_body);
    let mut layouts = BTreeMap::new();
    layouts.insert(
        "OUT.DAT".to_string(),
        RecordLayout::new(
            12,
            [
                ("EMP-ID", 0, 4, FieldKind::Alphanumeric),
                (
                    "EMP-NET-PAY",
                    4,
                    8,
                    FieldKind::Zoned {
                        scale: 2,
                        signed: true,
                    },
                ),
            ],
        ),
    );
    let r = replay_with_layouts(&s, &bad, T, &layouts);
    assert_eq!(r.status, ScenarioStatus::Fail);
    let outcome = |name: &str| {
        r.checks
            .iter()
            .find(|c| c.artefact == name)
            .map(|c| c.outcome)
    };
    assert_eq!(outcome("stdout"), Some(CheckOutcome::Mismatch));
    assert_eq!(outcome("stderr"), Some(CheckOutcome::Match));
    assert_eq!(outcome("rc"), Some(CheckOutcome::Mismatch));
    assert_eq!(outcome("files/OUT.DAT"), Some(CheckOutcome::Mismatch));
    // CHANGED.DAT stays as in input/, so it differs from the recording.
    assert_eq!(outcome("files/CHANGED.DAT"), Some(CheckOutcome::Mismatch));
    assert_eq!(outcome("files/EXTRA.DAT"), Some(CheckOutcome::Unexpected));
    let d = r.detail.unwrap();
    assert!(
        d.contains("stdout: first difference at line 4, column 1"),
        "{d}"
    );
    assert!(d.contains("-from stdin\n+FROM stdin\n"), "{d}");
    assert!(d.contains("rc: expected exit code 3, got 4"), "{d}");
    assert!(
        d.contains("record 1, field EMP-NET-PAY: expected +000123.40, got +000123.39"),
        "{d}"
    );
    assert!(
        d.contains("files/EXTRA.DAT: the run created or changed this file"),
        "{d}"
    );

    // A program that writes nothing: recorded files are missing.
    let silent = script(tmp.path(), "silent", "exit 3");
    let r = replay(&s, &silent, T);
    let missing = r
        .checks
        .iter()
        .find(|c| c.artefact == "files/OUT.DAT")
        .unwrap();
    assert_eq!(missing.outcome, CheckOutcome::Missing);
}

#[test]
fn binary_mismatch_gets_hex_summary() {
    let tmp = tempfile::tempdir().unwrap();
    let s = scenario(tmp.path(), "BIN", "one", &[]);
    let a = script(tmp.path(), "a", r"printf '\000\001\002\003' > B.DAT");
    let b = script(tmp.path(), "b", r"printf '\000\001\011\003' > B.DAT");
    record(&s, &a, &meta(), false).unwrap();
    let r = replay(&s, &b, T);
    let d = r.detail.unwrap();
    assert!(d.contains("byte offset 2"), "{d}");
    assert!(d.contains("00 01 09 03"), "{d}");
}

#[test]
fn timeout_kills_the_program_and_its_children() {
    let tmp = tempfile::tempdir().unwrap();
    let s = scenario(tmp.path(), "SLOW", "one", &[("expected/rc", b"0\n")]);
    let exe = script(tmp.path(), "slow", "sleep 30 &\nsleep 30");
    let start = Instant::now();
    let r = replay(&s, &exe, Duration::from_millis(300));
    assert_eq!(r.status, ScenarioStatus::Timeout);
    assert!(start.elapsed() < Duration::from_secs(10));
    let err = record_with_timeout(
        &scenario(tmp.path(), "SLOW", "two", &[]),
        &exe,
        &meta(),
        false,
        Duration::from_millis(200),
    )
    .unwrap_err();
    assert!(matches!(err, VerifyError::RecordTimeout { .. }), "{err}");
    assert!(!tmp.path().join("scenarios/SLOW/two/expected").exists());
}

#[test]
fn unrecorded_or_unresolved_scenarios_are_errors() {
    let tmp = tempfile::tempdir().unwrap();
    let exe = script(tmp.path(), "p", "echo hi");
    let s = scenario(tmp.path(), "P", "new", &[]);
    let r = replay(&s, &exe, T);
    assert_eq!(r.status, ScenarioStatus::Error);
    assert!(r.detail.unwrap().contains("no recording"));
}

#[test]
fn replay_all_is_parallel_and_ordered() {
    let tmp = tempfile::tempdir().unwrap();
    let exe = script(tmp.path(), "p", "echo \"$1\"");
    let mut all = Vec::new();
    for (prog, name) in [("B", "z"), ("A", "y"), ("B", "a"), ("A", "x"), ("C", "q")] {
        let arg = format!("{prog}{name}\n");
        let s = scenario(tmp.path(), prog, name, &[("args", arg.as_bytes())]);
        record(&s, &exe, &meta(), false).unwrap();
        all.push(s);
    }
    let resolve = |s: &Scenario| (s.program != "C").then(|| exe.clone());
    let first = replay_all(&all, resolve, 2, T).unwrap();
    let ids: Vec<String> = first
        .iter()
        .map(|r| format!("{}/{}", r.program, r.name))
        .collect();
    assert_eq!(ids, ["A/x", "A/y", "B/a", "B/z", "C/q"]);
    assert!(first[..4].iter().all(|r| r.status == ScenarioStatus::Pass));
    assert_eq!(first[4].status, ScenarioStatus::Error);
    all.reverse();
    assert_eq!(replay_all(&all, resolve, 3, T).unwrap(), first);
}

/// A chain of programs: EXTRACT writes a file, REPORT reads it (a batch job's steps).
#[test]
fn a_multi_step_scenario_runs_its_steps_in_one_directory_and_honours_cond() {
    let tmp = tempfile::tempdir().unwrap();
    let bin = tmp.path().join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    script(
        &bin,
        "EXTRACT",
        "cat\necho \"extract $1 ${DD_OUT}\"\nprintf 'rec1\\nrec2\\n' > \"$DD_OUT\"\nexit ${RC:-0}",
    );
    script(
        &bin,
        "REPORT",
        "echo \"report reads $(wc -l < EXTRACT.DAT) records\"\ncat\necho done > REPORT.TXT",
    );
    let steps = b"# extract, then report unless the extract failed\nDD_OUT=EXTRACT.DAT EXTRACT first\nCOND=(4,LT) REPORT\n";
    let resolve = |p: &str| Some(bin.join(p));
    let src = tmp.path().join("src");
    let s = scenario(
        &src,
        "JOB",
        "ok",
        &[("steps", steps), ("stdin", b"to the first step only\n")],
    );
    assert_eq!(s.programs().unwrap(), vec!["EXTRACT", "REPORT"]);
    let out = run_scenario_resolved(&s, &resolve, T).unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "to the first step only\nextract first EXTRACT.DAT\nreport reads 2 records\n"
    );
    assert_eq!(out.rc, 0);
    assert_eq!(
        out.files.keys().collect::<Vec<_>>(),
        vec!["EXTRACT.DAT", "REPORT.TXT"]
    );
    // The first step ends with 8: REPORT is bypassed (4 < 8), the job's code is 8.
    let s = scenario(
        &src,
        "JOB",
        "extract-fails",
        &[("steps", steps), ("env", b"RC=8\n")],
    );
    let out = run_scenario_resolved(&s, &resolve, T).unwrap();
    assert_eq!(out.rc, 8);
    assert!(!out.files.contains_key("REPORT.TXT"));
    assert!(!String::from_utf8_lossy(&out.stdout).contains("report"));
    // A program no resolver knows is an error, not a silent skip.
    let none = |_: &str| None;
    assert!(run_scenario_resolved(&s, &none, T).is_err());
    // Recorded and replayed like any scenario; replay resolves each step's program.
    let s = scenario(&src, "JOB", "replayed", &[("steps", steps)]);
    let m = meta();
    record_traced(&s, &resolve, &resolve, &m, false, T, &src).unwrap();
    let results = replay_all(&[s.clone()], |sc| Some(bin.join(&sc.program)), 1, T).unwrap();
    assert_eq!(results[0].status, ScenarioStatus::Pass, "{:?}", results[0]);
    assert_eq!(results[0].steps, vec!["EXTRACT", "REPORT"]);
    // A step that behaves differently is caught.
    script(&bin, "REPORT", "echo \"report reads nothing\"");
    let results = replay_all(&[s], |sc| Some(bin.join(&sc.program)), 1, T).unwrap();
    assert_eq!(results[0].status, ScenarioStatus::Fail);
}

#[test]
fn steps_files_are_checked() {
    assert!(parse_steps("J/s", b"COND=(4,XX) A\n").is_err());
    assert!(parse_steps("J/s", b"COND=(x,LT) A\n").is_err());
    assert!(parse_steps("J/s", b"DD_A=B\n").is_err());
    let steps = parse_steps("J/s", b"  # c\n\nK=V COND=(0,ne) prog a b\n").unwrap();
    assert_eq!(steps.len(), 1);
    assert_eq!(steps[0].program, "PROG");
    assert_eq!(steps[0].args, vec!["a", "b"]);
    assert_eq!(steps[0].env, vec![("K".to_string(), "V".to_string())]);
    assert!(steps[0].bypassed(&[(None, 0), (None, 4)]));
    assert!(!steps[0].bypassed(&[(None, 0), (None, 0)]));
    // A test naming a step looks at that step's code only.
    let cond = parse_cond("((4,LT,STEP1),(0,NE,STEP2))").unwrap();
    let step = Step {
        name: Some("STEP3".into()),
        program: "P".into(),
        args: vec![],
        env: vec![],
        cond,
    };
    let s1 = |rc| (Some("STEP1".to_string()), rc);
    let s2 = |rc| (Some("STEP2".to_string()), rc);
    assert!(!step.bypassed(&[s1(4), s2(0)]));
    assert!(step.bypassed(&[s1(8), s2(0)]));
    assert!(step.bypassed(&[s1(0), s2(1)]));
    assert!(parse_cond("EVEN").is_err() && parse_cond("(EVEN)").is_err());
}
