//! End-to-end: run `ferry` as a user would, on the bundled samples and on broken copies of them.

mod common;

use std::path::Path;
use std::process::{Command, Output};

use common::{copy_dir, ferry, repo, report, target_dir, text};

#[test]
fn payroll_migrates_and_every_unit_is_verified() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let sample = repo().join("samples/payroll");
    let o = ferry(&[
        "migrate",
        sample.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--quiet",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let r = report(&out);
    let units = r["units"].as_array().unwrap();
    assert!(units.len() >= 3, "{r}");
    for u in units {
        assert_eq!(u["status"], "verified", "{u}");
        assert!(!u["scenarios"].as_array().unwrap().is_empty());
        for s in u["scenarios"].as_array().unwrap() {
            assert_eq!(s["status"], "pass", "{s}");
        }
    }
    assert!(out.join("report.html").exists());
    // EMPREC is copied by PAYROLL and PAYCALC alike: one shared layout crate, used by both.
    let state: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("ferry-state.json")).unwrap()).unwrap();
    let layouts = state["layouts"].as_array().unwrap();
    let emprec = layouts.iter().find(|l| l["name"] == "EMPREC").unwrap();
    assert_eq!(emprec["crate_name"], "layout_emprec", "{emprec}");
    for user in ["payroll", "paycalc"] {
        let lib = std::fs::read_to_string(out.join(format!("units/{user}/src/lib.rs"))).unwrap();
        assert!(
            lib.contains("pub const EMP_RATE: Field = layout_emprec::emp_record::emp_rate("),
            "{user}"
        );
    }
    // PAYTOT is copied with REPLACING that differs between programs: not shared, and said why.
    let paytot = layouts.iter().find(|l| l["name"] == "PAYTOT").unwrap();
    assert!(
        paytot["detail"]
            .as_str()
            .unwrap()
            .starts_with("not shared:"),
        "{paytot}"
    );
    // Coverage of the COBOL, from the recordings: PAYCALC's ON SIZE ERROR handlers and its WHEN
    // OTHER never ran on these scenarios, and the report says so.
    let paycalc = units.iter().find(|u| u["name"] == "PAYCALC").unwrap();
    let cov = &paycalc["coverage"];
    let never: Vec<&str> = cov["never_executed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert!(never.contains(&"cobol/PAYCALC.cbl:50"), "{cov}");
    assert!(
        cov["arms_never_taken"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a == "EVALUATE at cobol/PAYCALC.cbl:44: OTHER"),
        "{cov}"
    );
    let (ran, all) = (
        cov["statements_executed"].as_u64().unwrap(),
        cov["statements"].as_u64().unwrap(),
    );
    assert!(ran > 0 && ran < all, "{cov}");
    assert!(r["summary"]["statements"].as_u64().unwrap() >= all);
    // The same inputs give the same report bytes.
    let first = std::fs::read(out.join("report.json")).unwrap();
    let o = ferry(&["report", out.to_str().unwrap(), "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert_eq!(first, std::fs::read(out.join("report.json")).unwrap());
    // Tamper evidence: one changed byte in an output is caught.
    let o = ferry(&["report", out.to_str().unwrap(), "--check"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let lib = out.join("units/paycalc/src/lib.rs");
    let mut bytes = std::fs::read(&lib).unwrap();
    bytes.push(b'\n');
    std::fs::write(&lib, bytes).unwrap();
    let o = ferry(&["report", out.to_str().unwrap(), "--check"]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(
        text(&o).contains("units/paycalc/src/lib.rs"),
        "{}",
        text(&o)
    );
}

#[test]
fn a_broken_recording_is_a_mismatch_with_a_diff() {
    let tmp = tempfile::tempdir().unwrap();
    let src = tmp.path().join("payroll");
    copy_dir(&repo().join("samples/payroll"), &src);
    let stdout = src.join("scenarios/PAYROLL/basic/expected/stdout");
    let original = std::fs::read_to_string(&stdout).unwrap();
    let broken = original.replacen('1', "7", 1);
    assert_ne!(original, broken);
    std::fs::write(&stdout, broken).unwrap();
    let out = tmp.path().join("out");
    let o = ferry(&[
        "migrate",
        src.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--quiet",
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    let r = report(&out);
    let payroll = r["units"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["name"] == "PAYROLL")
        .unwrap()
        .clone();
    assert_eq!(payroll["status"], "mismatch");
    let basic = payroll["scenarios"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == "basic")
        .unwrap()
        .clone();
    assert_eq!(basic["status"], "fail");
    let detail = basic["detail"].as_str().unwrap();
    assert!(detail.contains("stdout"), "{detail}");
    assert!(detail.contains('-') && detail.contains('+'), "{detail}");
    // `ferry status` says which units fail, and on which scenario; PAYSUMM is not involved.
    let o = ferry(&["status", out.to_str().unwrap()]);
    let s = text(&o);
    let line = |name: &str| s.lines().find(|l| l.starts_with(name)).unwrap_or_default();
    assert!(line("PAYROLL").contains("failing (PAYROLL/basic)"), "{s}");
    assert!(!line("PAYSUMM").contains("failing"), "{s}");
}

#[test]
fn a_missing_copybook_is_a_positioned_diagnostic() {
    let tmp = tempfile::tempdir().unwrap();
    let src = tmp.path().join("payroll");
    copy_dir(&repo().join("samples/payroll"), &src);
    std::fs::remove_file(src.join("copybooks/PAYLINK.cpy")).unwrap();
    let o = ferry(&["scan", src.to_str().unwrap(), "--format", "json"]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let paycalc = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"] == "cobol/PAYCALC.cbl")
        .unwrap()
        .clone();
    let d = &paycalc["diagnostics"][0];
    assert!(d["message"].as_str().unwrap().contains("PAYLINK"), "{d}");
    assert!(
        d["line"].as_u64().unwrap() > 0 && d["column"].as_u64().unwrap() > 0,
        "{d}"
    );
    // migrate refuses to present the broken unit as done, and says where the problem is.
    let out = tmp.path().join("out");
    let o = ferry(&[
        "migrate",
        src.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--quiet",
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(text(&o).contains("cobol/PAYCALC.cbl:"), "{}", text(&o));
}

#[test]
fn ferry_never_writes_into_a_directory_it_did_not_make() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("mine");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join("notes.txt"), "mine").unwrap();
    let sample = repo().join("samples/payroll");
    let o = ferry(&[
        "translate",
        sample.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--quiet",
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(text(&o).contains("refusing"), "{}", text(&o));
    assert_eq!(
        std::fs::read_to_string(out.join("notes.txt")).unwrap(),
        "mine"
    );
}

#[test]
fn a_hand_edited_file_is_kept_and_reported() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let sample = repo().join("samples/payroll");
    let o = ferry(&[
        "translate",
        sample.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--quiet",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let lib = out.join("units/paysumm/src/lib.rs");
    let edited = format!(
        "// finished by hand\n{}",
        std::fs::read_to_string(&lib).unwrap()
    );
    std::fs::write(&lib, &edited).unwrap();
    let o = ferry(&[
        "translate",
        sample.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--quiet",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert_eq!(std::fs::read_to_string(&lib).unwrap(), edited);
    // Still kept on every later run, not only the first one after the edit.
    let o = ferry(&[
        "translate",
        sample.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--quiet",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert_eq!(std::fs::read_to_string(&lib).unwrap(), edited);
    let o = ferry(&["status", out.to_str().unwrap()]);
    let s = text(&o);
    assert!(
        s.lines()
            .any(|l| l.starts_with("PAYSUMM") && l.contains("hand-edited")),
        "{s}"
    );
    let o = ferry(&[
        "translate",
        sample.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--quiet",
        "--force",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert_ne!(std::fs::read_to_string(&lib).unwrap(), edited);
}

#[test]
fn scan_json_lists_every_file_with_its_kind() {
    let sample = repo().join("samples/payroll");
    let o = ferry(&["scan", sample.to_str().unwrap(), "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let kinds: Vec<(String, String)> = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["path"].as_str().unwrap().to_string(),
                f["kind"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert!(
        kinds.contains(&("cobol/PAYROLL.cbl".into(), "program".into())),
        "{kinds:?}"
    );
    assert!(
        kinds.contains(&("copybooks/EMPREC.cpy".into(), "copybook".into())),
        "{kinds:?}"
    );
    assert!(
        kinds.contains(&("jcl/PAYJOB.jcl".into(), "jcl".into())),
        "{kinds:?}"
    );
}

#[test]
fn an_unknown_program_in_a_call_is_a_positioned_diagnostic() {
    let tmp = tempfile::tempdir().unwrap();
    let src = tmp.path().join("payroll");
    copy_dir(&repo().join("samples/payroll"), &src);
    std::fs::remove_file(src.join("cobol/PAYCALC.cbl")).unwrap();
    let o = ferry(&["scan", src.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    let t = text(&o);
    let line = t
        .lines()
        .find(|l| l.contains("no program PAYCALC"))
        .unwrap_or_else(|| panic!("{t}"));
    assert!(line.starts_with("cobol/PAYROLL.cbl:"), "{line}");
    // The diagnostic shows the source line with a caret.
    assert!(t.contains("CALL \"PAYCALC\""), "{t}");
}

#[test]
fn a_syntax_error_costs_one_diagnostic_not_the_program() {
    let tmp = tempfile::tempdir().unwrap();
    let src = tmp.path().join("payroll");
    copy_dir(&repo().join("samples/payroll"), &src);
    let path = src.join("cobol/PAYSUMM.cbl");
    let text_before = std::fs::read_to_string(&path).unwrap();
    // Garble one statement in the middle of the procedure division.
    let broken = text_before.replacen("           MOVE ", "           MOVE MOVE TO ", 1);
    assert_ne!(text_before, broken);
    std::fs::write(&path, broken).unwrap();
    let o = ferry(&["scan", src.to_str().unwrap(), "--format", "json"]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let f = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"] == "cobol/PAYSUMM.cbl")
        .unwrap()
        .clone();
    let diags = f["diagnostics"].as_array().unwrap();
    assert!(!diags.is_empty() && diags.len() <= 3, "{diags:?}");
    let other = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"] == "cobol/PAYROLL.cbl")
        .unwrap()
        .clone();
    assert!(other["diagnostics"].as_array().unwrap().is_empty());
}

fn translate(sample: &Path, out: &Path, extra_env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_ferry"));
    cmd.args([
        "translate",
        sample.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--quiet",
    ])
    .env("CARGO_TARGET_DIR", target_dir());
    for (k, v) in extra_env {
        cmd.env(k, v);
    }
    cmd.output().expect("ferry runs")
}

#[test]
fn a_rerun_translates_only_what_changed() {
    let tmp = tempfile::tempdir().unwrap();
    let src = tmp.path().join("src");
    copy_dir(&repo().join("samples/payroll"), &src);
    let out = tmp.path().join("out");
    let o = translate(&src, &out, &[]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert!(
        text(&o).contains("3 translated now, 0 unchanged"),
        "{}",
        text(&o)
    );
    let state = std::fs::read(out.join("ferry-state.json")).unwrap();
    // Nothing changed: nothing is translated again, and the state is byte for byte the same.
    let o = translate(&src, &out, &[]);
    assert!(
        text(&o).contains("0 translated now, 3 unchanged"),
        "{}",
        text(&o)
    );
    assert_eq!(state, std::fs::read(out.join("ferry-state.json")).unwrap());
    // A change in PAYCALC's body that keeps its interface: only PAYCALC is redone, not its caller.
    let paycalc = src.join("cobol/PAYCALC.cbl");
    let text_before = std::fs::read_to_string(&paycalc).unwrap();
    assert!(text_before.contains("MOVE \"00\" TO PC-STATUS"));
    std::fs::write(
        &paycalc,
        text_before.replacen("MOVE \"00\" TO PC-STATUS", "MOVE '00' TO PC-STATUS", 1),
    )
    .unwrap();
    let o = translate(&src, &out, &[]);
    assert!(
        text(&o).contains("1 translated now, 2 unchanged"),
        "{}",
        text(&o)
    );
    // And nothing is left stale.
    let o = Command::new(env!("CARGO_BIN_EXE_ferry"))
        .args(["status", out.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(!text(&o).contains("stale"), "{}", text(&o));
}

#[test]
fn an_interrupted_translation_resumes_where_it_stopped() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let sample = repo().join("samples/payroll");
    // The first run dies (like `kill -9`) after two units, before saving its state.
    let o = translate(&sample, &out, &[("FERRY_TEST_KILL_AFTER_UNITS", "2")]);
    assert_ne!(o.status.code(), Some(0), "{}", text(&o));
    assert!(!out.join("ferry-state.json").exists());
    assert!(out.join(".ferry/journal.jsonl").exists());
    // The next run keeps the two finished units and does only the third.
    let o = translate(&sample, &out, &[]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert!(
        text(&o).contains("1 translated now, 0 unchanged, 2 resumed"),
        "{}",
        text(&o)
    );
    assert!(!out.join(".ferry/journal.jsonl").exists());
    // No file written by the interrupted run is mistaken for a hand edit.
    let o = Command::new(env!("CARGO_BIN_EXE_ferry"))
        .args(["status", out.to_str().unwrap()])
        .output()
        .unwrap();
    let s = text(&o);
    assert_eq!(s.matches(" done").count(), 3, "{s}");
    // And the result is the same as an uninterrupted run's.
    let clean = tmp.path().join("clean");
    let o = translate(&sample, &clean, &[]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    for unit in ["paycalc", "paysumm", "payroll"] {
        let rel = format!("units/{unit}/src/lib.rs");
        assert_eq!(
            std::fs::read(out.join(&rel)).unwrap(),
            std::fs::read(clean.join(&rel)).unwrap(),
            "{rel}"
        );
    }
}

/// Records captured on the mainframe: the payroll's employee extract, as fixed 80-byte EBCDIC
/// records (code page 037), converted back through EMPREC's layout gives the file the scenarios use.
#[test]
fn an_ebcdic_extract_is_imported_through_its_copybook() {
    let tmp = tempfile::tempdir().unwrap();
    let sample = repo().join("samples/payroll");
    let ascii = std::fs::read(sample.join("scenarios/PAYROLL/basic/input/EMPFILE")).unwrap();
    // ASCII -> EBCDIC 037 for the characters of this file (letters, digits, space, apostrophe).
    let to_ebcdic = |c: u8| -> u8 {
        match c {
            b'0'..=b'9' => 0xF0 + (c - b'0'),
            b'A'..=b'I' => 0xC1 + (c - b'A'),
            b'J'..=b'R' => 0xD1 + (c - b'J'),
            b'S'..=b'Z' => 0xE2 + (c - b'S'),
            b' ' => 0x40,
            b'\'' => 0x7D,
            other => panic!("unexpected byte {other:#x} in the sample"),
        }
    };
    let mut ebcdic = Vec::new();
    for line in ascii.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
        let mut rec: Vec<u8> = line.iter().map(|&c| to_ebcdic(c)).collect();
        rec.resize(80, 0x40);
        ebcdic.extend(rec);
    }
    let input = tmp.path().join("EMPFILE.EBCDIC");
    std::fs::write(&input, &ebcdic).unwrap();
    let output = tmp.path().join("EMPFILE");
    let o = ferry(&[
        "import-ebcdic",
        input.to_str().unwrap(),
        "--copybook",
        sample.join("copybooks/EMPREC.cpy").to_str().unwrap(),
        "--codepage",
        "037",
        "--line-sequential",
        "-o",
        output.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert_eq!(std::fs::read(&output).unwrap(), ascii);
    // The output is never overwritten without --force; a bad zoned digit names its record and field.
    let o = ferry(&[
        "import-ebcdic",
        input.to_str().unwrap(),
        "--copybook",
        sample.join("copybooks/EMPREC.cpy").to_str().unwrap(),
        "-o",
        output.to_str().unwrap(),
    ]);
    assert_ne!(o.status.code(), Some(0));
    assert!(text(&o).contains("--force"), "{}", text(&o));
    let mut broken = ebcdic.clone();
    broken[80 + 37] = 0x40; // record 2, inside EMP-RATE
    std::fs::write(&input, &broken).unwrap();
    let o = ferry(&[
        "import-ebcdic",
        input.to_str().unwrap(),
        "--copybook",
        sample.join("copybooks/EMPREC.cpy").to_str().unwrap(),
        "--force",
        "-o",
        output.to_str().unwrap(),
    ]);
    assert_ne!(o.status.code(), Some(0));
    let t = text(&o);
    assert!(t.contains("record 2") && t.contains("EMP-RATE"), "{t}");
    assert_eq!(
        std::fs::read(&output).unwrap(),
        ascii,
        "a failed import leaves the old file"
    );
}

/// Without the scenario that rejects employees, the paragraphs that handle rejects are never entered:
/// the report lists them (equivalence is not claimed there), and statement coverage drops.
#[test]
fn a_paragraph_no_scenario_enters_is_listed_as_never_executed() {
    let tmp = tempfile::tempdir().unwrap();
    let src = tmp.path().join("src");
    copy_dir(&repo().join("samples/payroll"), &src);
    let coverage = |out: &Path| {
        let r = report(out);
        r["units"]
            .as_array()
            .unwrap()
            .iter()
            .find(|u| u["name"] == "PAYROLL")
            .unwrap()["coverage"]
            .clone()
    };
    let full = tmp.path().join("full");
    let o = ferry(&[
        "migrate",
        src.to_str().unwrap(),
        "--out",
        full.to_str().unwrap(),
        "--quiet",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let before = coverage(&full);
    assert_eq!(
        before["procedures_never_executed"],
        serde_json::json!([]),
        "{before}"
    );
    std::fs::remove_dir_all(src.join("scenarios/PAYROLL/rejects")).unwrap();
    let out = tmp.path().join("out");
    let o = ferry(&[
        "migrate",
        src.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--quiet",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let after = coverage(&out);
    let never: Vec<&str> = after["procedures_never_executed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(never.len(), 2, "{after}");
    assert!(
        never[0].starts_with("PAYROLL: 2190-INVALID (cobol/PAYROLL.cbl:"),
        "{after}"
    );
    assert!(
        never[1].starts_with("PAYROLL: 2600-REJECT-EMPLOYEE (cobol/PAYROLL.cbl:"),
        "{after}"
    );
    assert!(
        after["statements_executed"].as_u64() < before["statements_executed"].as_u64(),
        "{before} {after}"
    );
    let md = std::fs::read_to_string(out.join("report.md")).unwrap();
    assert!(
        md.contains("Never entered (equivalence not claimed)"),
        "{md}"
    );
}
