//! Snapshots, determinism and tamper detection on a small hand-built report.

use std::collections::BTreeMap;
use std::path::Path;

use ferry_report::*;
use serde_json::json;

fn scenario(
    program: &str,
    name: &str,
    status: ScenarioStatus,
    detail: Option<&str>,
) -> ScenarioResult {
    let outcome = if status == ScenarioStatus::Pass {
        CheckOutcome::Match
    } else {
        CheckOutcome::Mismatch
    };
    ScenarioResult {
        name: name.to_string(),
        program: program.to_string(),
        status,
        detail: detail.map(str::to_string),
        checks: vec![
            Check {
                artefact: "stdout".into(),
                outcome,
                detail: detail.map(str::to_string),
                first_difference: None,
            },
            Check {
                artefact: "rc".into(),
                outcome: CheckOutcome::Match,
                detail: None,
                first_difference: None,
            },
        ],
        steps: Vec::new(),
    }
}

/// Lays out `out/` (generated code) and `src/` (COBOL) and returns a report on them.
fn build(root: &Path) -> Report {
    let src = root.join("src");
    let out = root.join("out");
    for (dir, rel, text) in [
        (&src, "PAYROLL.cbl", "       PROGRAM-ID. PAYROLL.\n"),
        (&src, "TAXCALC.cbl", "       PROGRAM-ID. TAXCALC.\n"),
        (&src, "REPORTS.cbl", "       PROGRAM-ID. REPORTS.\n"),
        (&out, "payroll/src/main.rs", "fn main() {}\n"),
        (&out, "taxcalc/src/lib.rs", "pub fn tax() {}\n"),
    ] {
        let p = dir.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    let mut r = Report::new("0.1.0", "../src");

    let mut payroll = Unit::new("PAYROLL", UnitStatus::Verified);
    payroll
        .sources
        .push(FileHash::compute(&src, "PAYROLL.cbl").unwrap());
    payroll
        .outputs
        .push(FileHash::compute(&out, "payroll/src/main.rs").unwrap());
    payroll.binary = Some("target/release/payroll".into());
    payroll.agent_settings = BTreeMap::from([
        ("mode".to_string(), json!("strict")),
        ("level".to_string(), json!(2)),
    ]);
    payroll.scenarios = vec![
        scenario("PAYROLL", "month-end", ScenarioStatus::Pass, None),
        scenario("PAYROLL", "basic", ScenarioStatus::Pass, None),
    ];

    // Claims verified but one scenario failed: finalize must say mismatch.
    let mut tax = Unit::new("TAXCALC", UnitStatus::Verified);
    tax.sources
        .push(FileHash::compute(&src, "TAXCALC.cbl").unwrap());
    tax.outputs
        .push(FileHash::compute(&out, "taxcalc/src/lib.rs").unwrap());
    tax.scenarios = vec![scenario(
        "TAXCALC",
        "rates <&> | pipes",
        ScenarioStatus::Fail,
        Some("stdout: first difference at line 2\n--- expected/stdout\n+++ actual/stdout\n@@ -1,2 +1,2 @@\n a\n-<b>\n+<B>\n"),
    )];
    tax.coverage = Some(ferry_report::Coverage {
        statements: 4,
        statements_executed: 3,
        never_executed: vec!["TAXCALC.cbl:30".into()],
        ..Default::default()
    });

    let mut rep = Unit::new("REPORTS", UnitStatus::Untranslated);
    rep.sources
        .push(FileHash::compute(&src, "REPORTS.cbl").unwrap());
    rep.untranslated.push(Untranslated {
        path: "REPORTS.cbl".into(),
        line: 42,
        construct: "REPORT SECTION".into(),
        message: "Report Writer is not supported | yet".into(),
    });

    // Verified with no scenario at all: finalize must say unverified.
    let mut hand = Unit::new("DATES", UnitStatus::Verified);
    hand.agent = "hand".into();

    r.units = vec![tax, hand, rep, payroll];
    r.finalize().unwrap();
    r
}

#[test]
fn finalize_is_honest_and_counts() {
    let tmp = tempfile::tempdir().unwrap();
    let r = build(tmp.path());
    let names: Vec<(&str, UnitStatus)> = r
        .units
        .iter()
        .map(|u| (u.name.as_str(), u.status))
        .collect();
    assert_eq!(
        names,
        [
            ("DATES", UnitStatus::Unverified),
            ("PAYROLL", UnitStatus::Verified),
            ("REPORTS", UnitStatus::Untranslated),
            ("TAXCALC", UnitStatus::Mismatch),
        ]
    );
    let s = &r.summary;
    assert_eq!(
        (
            s.units,
            s.verified,
            s.mismatch,
            s.untranslated,
            s.unverified
        ),
        (4, 1, 1, 1, 1)
    );
    assert_eq!((s.scenarios, s.scenarios_passed), (3, 2));
    assert_eq!(r.units[1].scenarios[0].name, "basic");
    let paths: Vec<&str> = r.manifest.iter().map(|m| m.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "../src/PAYROLL.cbl",
            "../src/REPORTS.cbl",
            "../src/TAXCALC.cbl",
            "payroll/src/main.rs",
            "taxcalc/src/lib.rs"
        ]
    );
    let before = r.digest.clone();
    let mut again = r.clone();
    again.finalize().unwrap();
    assert_eq!(again.digest, before, "finalize is idempotent");
}

#[test]
fn snapshots() {
    let tmp = tempfile::tempdir().unwrap();
    let r = build(tmp.path());
    insta::assert_snapshot!("report_json", render_json(&r).unwrap());
    insta::assert_snapshot!("report_md", render_markdown(&r).unwrap());
    insta::assert_snapshot!("report_html", render_html(&r).unwrap());
}

#[test]
fn deterministic_bytes() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    let mut ra = build(a.path());
    let mut rb = build(b.path());
    rb.units.reverse();
    rb.finalize().unwrap();
    write_report(&a.path().join("out"), &mut ra).unwrap();
    write_report(&b.path().join("out"), &mut rb).unwrap();
    for name in [REPORT_JSON, REPORT_MD, REPORT_HTML] {
        let x = std::fs::read(a.path().join("out").join(name)).unwrap();
        let y = std::fs::read(b.path().join("out").join(name)).unwrap();
        assert_eq!(x, y, "{name} differs between runs");
    }
    let json = std::fs::read_to_string(a.path().join("out").join(REPORT_JSON)).unwrap();
    assert!(!json.contains("generated_at"));
}

#[test]
fn check_catches_one_changed_byte() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let mut r = build(tmp.path());
    write_report(&out, &mut r).unwrap();
    let clean = check(&out).unwrap();
    assert!(clean.ok(), "{clean}");
    assert_eq!(clean.files_checked, 5);

    // One byte of a generated file.
    let f = out.join("payroll/src/main.rs");
    let mut bytes = std::fs::read(&f).unwrap();
    bytes[0] ^= 1;
    std::fs::write(&f, &bytes).unwrap();
    // A source file removed.
    std::fs::remove_file(tmp.path().join("src/TAXCALC.cbl")).unwrap();
    let res = check(&out).unwrap();
    assert!(!res.ok());
    let paths: Vec<String> = res
        .changes
        .iter()
        .map(|c| match c {
            Change::Modified { path, .. } | Change::Missing { path, .. } => path.clone(),
            other => panic!("unexpected change {other}"),
        })
        .collect();
    assert_eq!(paths, ["payroll/src/main.rs", "../src/TAXCALC.cbl"]);
    let text = res.to_string();
    assert!(text.contains("payroll/src/main.rs: modified"), "{text}");
}

#[test]
fn check_catches_edited_report() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let mut r = build(tmp.path());
    write_report(&out, &mut r).unwrap();

    let json_path = out.join(REPORT_JSON);
    let text = std::fs::read_to_string(&json_path).unwrap();
    std::fs::write(
        &json_path,
        text.replacen("\"status\": \"mismatch\"", "\"status\": \"verified\"", 1),
    )
    .unwrap();
    let res = check(&out).unwrap();
    assert!(
        res.changes
            .iter()
            .any(|c| matches!(c, Change::Digest { .. })),
        "{res}"
    );
    assert!(
        res.changes
            .iter()
            .any(|c| matches!(c, Change::Rendering { .. })),
        "{res}"
    );

    std::fs::write(&json_path, text).unwrap();
    let html = out.join(REPORT_HTML);
    let page = std::fs::read_to_string(&html).unwrap();
    std::fs::write(&html, page.replacen("mismatch", "verified", 1)).unwrap();
    let res = check(&out).unwrap();
    assert_eq!(
        res.changes,
        [Change::Rendering {
            path: REPORT_HTML.into()
        }]
    );
}

#[test]
fn write_atomic_replaces_whole_file() {
    let tmp = tempfile::tempdir().unwrap();
    let p = tmp.path().join("deep/x.txt");
    write_atomic(&p, b"one").unwrap();
    write_atomic(&p, b"two").unwrap();
    assert_eq!(std::fs::read(&p).unwrap(), b"two");
    assert_eq!(std::fs::read_dir(p.parent().unwrap()).unwrap().count(), 1);
}
