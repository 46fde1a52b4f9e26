//! The corpus gate: `ferry migrate` on every area of `tests/corpus` (team-written COBOL with scenarios
//! recorded under GnuCOBOL). Prints the scoreboard (`cargo test -p ferry-cli --test corpus --
//! --nocapture`) and checks that
//! - every unit listed in `MUST_VERIFY` is verified (the floor only moves up),
//! - no unit is a `mismatch` unless it is listed in `KNOWN_MISMATCHES` with the reason, and a listed
//!   mismatch that starts passing must be taken off the list,
//! - every unit that is not verified says why (untranslated constructs or a detail).

use std::path::{Path, PathBuf};
use std::process::Command;

/// Units that must verify, as `area/UNIT`.
const MUST_VERIFY: &[&str] = &[
    "accept-display/ACCEPTS",
    "accept-display/DISPEXC",
    "accept-display/DISPFMT",
    "accept-display/STOPLIT",
    "call-returning/GORET",
    "call-returning/RETMAIN",
    "call-returning/RETSUB",
    "calls/CALCSUB",
    "calls/CALLMAIN",
    "calls/COUNTER",
    "calls/FRESHSUB",
    "collating/COLLEBC",
    "collating/COLLODD",
    "collating/COLLSORT",
    "copy-replace/COPYMAIN",
    "declaratives/DECLDBG",
    "declaratives/DECLMODE",
    "declaratives/DECLREL",
    "declaratives/DECLTEST",
    "dialect-ibm/IBMBIN",
    "dialect-ibm/IBMDISP",
    "directives/DIRECTV",
    "dynamic-calls/DYNMAIN",
    "external-data/EXTMAIN",
    "external-data/EXTSUB",
    "free-format/FREEARGS",
    "indexed-io/IDXCUST",
    "indexed-steps/ACCTRPT",
    "indexed-steps/ACCTUPD",
    "intrinsics/INTRFIN",
    "intrinsics/INTRFUNC",
    "intrinsics/INTRMISC",
    "intrinsics/INTRRAND",
    "intrinsics/INTRSTAT",
    "library-routines/LIBRTN",
    "nucleus-arith/ARITHCALC",
    "nucleus-arith/ARITHOPS",
    "nucleus-control/ALTERS",
    "nucleus-control/CTLDECIDE",
    "nucleus-control/CTLFLOW",
    "nucleus-control/NEXTSENT",
    "nucleus-edit/EDITEURO",
    "nucleus-edit/EDITNUM",
    "nucleus-move/MOVEFLDS",
    "nucleus-move/MOVEGRPS",
    "nucleus-move/MOVEINIT",
    "nucleus-move/MOVESYNC",
    "nucleus-names/NAMES",
    "nucleus-names/SWITCHES",
    "nucleus-strings/INSPORD",
    "nucleus-strings/STRBUILD",
    "nucleus-strings/STRPARSE",
    "nucleus-tables/TABLES",
    "relative-io/RELSTOCK",
    "seq-io/SEQMAST",
    "seq-io/SEQRPT",
    "seq-linage/PAGERPT",
    "sort-merge/SORTEMP",
];

/// Units known to behave differently from GnuCOBOL, with the reason. Empty is the goal.
const KNOWN_MISMATCHES: &[(&str, &str)] = &[];

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("repo root")
}

#[test]
fn corpus_scoreboard() {
    let corpus = repo().join("tests/corpus");
    let mut areas: Vec<PathBuf> = std::fs::read_dir(&corpus)
        .expect("tests/corpus exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("cobol").is_dir())
        .collect();
    areas.sort();
    assert!(areas.len() >= 10, "the corpus has {} areas", areas.len());
    let tmp = tempfile::tempdir().unwrap();
    let mut statuses: Vec<(String, String, String)> = Vec::new();
    let (mut passed, mut scenarios) = (0u64, 0u64);
    println!("{:<18} {:<10} {:<13} scenarios", "area", "unit", "status");
    for area in &areas {
        let name = area.file_name().unwrap().to_string_lossy().to_string();
        let out = tmp.path().join(&name);
        let o = Command::new(env!("CARGO_BIN_EXE_ferry"))
            .args([
                "migrate",
                area.to_str().unwrap(),
                "--out",
                out.to_str().unwrap(),
                "--quiet",
                // A scenario without a recording fails the gate; nothing is recorded into the repo.
                "--no-record",
            ])
            .env("CARGO_TARGET_DIR", repo().join("target").join("ferry-e2e"))
            .output()
            .expect("ferry runs");
        let report = out.join("report.json");
        if !report.exists() {
            // Sources ferry cannot read yet: the diagnostics say where.
            let err = String::from_utf8_lossy(&o.stderr);
            let first = err.lines().next().unwrap_or("").to_string();
            assert_eq!(
                o.status.code(),
                Some(2),
                "{name}: no report and not a bad-input exit: {err}"
            );
            println!(
                "{name:<18} {:<10} {:<13} -      {first}",
                "-", "not scanned"
            );
            continue;
        }
        let r: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&report).unwrap()).unwrap();
        for u in r["units"].as_array().unwrap() {
            let unit = u["name"].as_str().unwrap().to_string();
            let status = u["status"].as_str().unwrap().to_string();
            let sc = u["scenarios"].as_array().unwrap();
            let ok = sc.iter().filter(|s| s["status"] == "pass").count();
            if u["programs"].is_null() {
                scenarios += sc.len() as u64;
                passed += ok as u64;
            }
            println!("{name:<18} {unit:<10} {status:<13} {ok}/{}", sc.len());
            let detail = u["detail"].as_str().unwrap_or("");
            assert!(
                !detail.starts_with("cargo build failed"),
                "{name}/{unit}: generated code does not build: {detail}"
            );
            if status != "verified" {
                let why = !u["untranslated"].as_array().unwrap().is_empty()
                    || !u["detail"].is_null()
                    || !sc.is_empty();
                assert!(why, "{name}/{unit} is {status} without saying why: {u}");
            }
            statuses.push((name.clone(), unit, status));
        }
    }
    let verified = statuses.iter().filter(|s| s.2 == "verified").count();
    println!(
        "{verified} of {} units verified; {passed}/{scenarios} scenario runs passed",
        statuses.len()
    );
    for want in MUST_VERIFY {
        let got = statuses
            .iter()
            .find(|(a, u, _)| format!("{a}/{u}") == *want);
        assert_eq!(
            got.map(|s| s.2.as_str()),
            Some("verified"),
            "{want} must verify"
        );
    }
    for (a, u, s) in &statuses {
        let id = format!("{a}/{u}");
        let known = KNOWN_MISMATCHES.iter().find(|(k, _)| *k == id);
        match (s.as_str(), known) {
            ("mismatch", None) => panic!("{id} behaves differently from GnuCOBOL"),
            (other, Some((_, why))) if other != "mismatch" => {
                panic!(
                    "{id} is no longer a mismatch ({other}); take it off KNOWN_MISMATCHES ({why})"
                )
            }
            _ => {}
        }
    }
}
