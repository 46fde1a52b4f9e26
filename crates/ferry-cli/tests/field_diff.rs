//! A deliberately wrong translation is reported as `mismatch`, with a field-level diff of the record
//! file it spoils ("record 1, field WS-TOTAL-NET: expected +0013753.24, got +0013753.12").

mod common;

use common::{copy_dir, ferry, json, repo, text};

fn find<'a>(list: &'a serde_json::Value, key: &str, value: &str) -> &'a serde_json::Value {
    list.as_array()
        .unwrap()
        .iter()
        .find(|v| v[key] == value)
        .unwrap_or_else(|| panic!("no {key} = {value} in {list}"))
}

/// The field-level line the one-cent error must produce for a recorded PAYTOT (layout PAYTOT.cpy:
/// RUN-DATE 9(8), EMP-COUNT 9(5), REJECT-COUNT 9(5), TOTAL-GROSS 9(7)V99, TOTAL-TAX 9(7)V99,
/// TOTAL-NET S9(7)V99, ...): every employee paid is one cent short.
fn expected_line(paytot: &[u8]) -> String {
    let digits = |r: std::ops::Range<usize>| -> i64 {
        std::str::from_utf8(&paytot[r])
            .unwrap()
            .parse()
            .expect("a positive total in the recording")
    };
    let paid = digits(8..13);
    let net = digits(36..45);
    assert!(paid > 0);
    let cents = |c: i64| format!("+{:07}.{:02}", c / 100, c % 100);
    format!(
        "record 1, field WS-TOTAL-NET: expected {}, got {}",
        cents(net),
        cents(net - paid)
    )
}

#[test]
fn a_wrong_translation_is_a_mismatch_with_a_field_level_diff() {
    let tmp = tempfile::tempdir().unwrap();
    let src = tmp.path().join("payroll");
    copy_dir(&repo().join("samples/payroll"), &src);
    let out = tmp.path().join("out");
    let o = ferry(&[
        "translate",
        src.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--quiet",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));

    // translate left verify the record layout of the totals file, taken from the COBOL.
    let layouts = json(&out.join(".ferry/layouts.json"));
    let paytot = find(&layouts["files"], "output", "PAYTOT");
    assert_eq!(paytot["program"], "PAYROLL");
    assert_eq!(paytot["file"], "TOTALS-FILE");
    assert_eq!(paytot["record"], "WS-TOTALS-REC");
    let fields = &paytot["layout"]["fields"];
    let net = find(fields, "name", "WS-TOTAL-NET");
    assert_eq!(
        (net["offset"].as_u64(), net["len"].as_u64()),
        (Some(36), Some(9))
    );
    find(fields, "name", "WS-DEPT-GROSS (8)");
    // The register is a print file: no layout, and the reason is given.
    let payrpt = find(&layouts["files"], "output", "PAYRPT");
    assert!(payrpt["layout"].is_null(), "{payrpt}");
    assert!(payrpt["note"].as_str().unwrap().contains("ADVANCING"));

    // The deliberate mistake: PAYCALC's net pay comes out one cent short.
    let lib = out.join("units/paycalc/src/lib.rs");
    let code = std::fs::read_to_string(&lib).unwrap();
    let start = code
        .find("fn p4000_net_pay")
        .expect("4000-NET-PAY is translated");
    let end = start
        + code[start..]
            .find("\n    }\n")
            .expect("end of the function");
    let body = &code[start..end];
    assert_eq!(body.matches(".sub(&operand);").count(), 1, "{body}");
    let broken = body.replace(
        ".sub(&operand);",
        ".sub(&operand).sub(&Dec::parse(\"0.01\"));",
    );
    std::fs::write(&lib, format!("{}{broken}{}", &code[..start], &code[end..])).unwrap();

    let o = ferry(&["verify", out.to_str().unwrap(), "--quiet"]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    let recorded = |scenario: &str| {
        std::fs::read(src.join(format!(
            "scenarios/PAYROLL/{scenario}/expected/files/PAYTOT"
        )))
        .unwrap()
    };
    let line = expected_line(&recorded("basic"));
    // What the user sees on the terminal...
    assert!(text(&o).contains(&line), "{line}\n{}", text(&o));

    // ...and what the report says.
    let o = ferry(&["report", out.to_str().unwrap(), "--format", "json"]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    let r = json(&out.join("report.json"));
    let units = &r["units"];
    let payroll = find(units, "name", "PAYROLL");
    assert_eq!(payroll["status"], "mismatch", "{payroll}");
    // PAYCALC, the unit that was made wrong, runs in PAYROLL's scenarios and fails with them. Its
    // file was edited by hand, which translate (not report) notices: `mismatch` until then,
    // `ported-by-hand` after; either way its scenarios carry the field-level diff.
    let paycalc = find(units, "name", "PAYCALC");
    assert!(
        paycalc["status"] == "mismatch" || paycalc["status"] == "ported-by-hand",
        "{paycalc}"
    );
    let paycalc_basic = find(&paycalc["scenarios"], "name", "basic");
    assert!(paycalc_basic["detail"].as_str().unwrap().contains(&line));
    let basic = find(&payroll["scenarios"], "name", "basic");
    assert_eq!(basic["status"], "fail");
    let detail = basic["detail"].as_str().unwrap();
    assert!(detail.contains(&line), "{line}\n{detail}");
    // Only the net pay is wrong in the totals record: no other field is named.
    let fields_named: Vec<&str> = detail
        .lines()
        .filter(|l| l.starts_with("record "))
        .collect();
    assert_eq!(fields_named, vec![line.as_str()], "{detail}");
    // The check of the totals file carries the same line.
    let check = find(&basic["checks"], "artefact", "files/PAYTOT");
    assert_eq!(check["outcome"], "mismatch", "{check}");
    assert!(check["detail"].as_str().unwrap().contains(&line));
    // The run with DD overrides (input and register renamed) gets its own line for PAYTOT.
    let dd = find(&payroll["scenarios"], "name", "dd-override");
    let dd_line = expected_line(&recorded("dd-override"));
    assert!(
        dd["detail"].as_str().unwrap().contains(&dd_line),
        "{dd_line}\n{dd}"
    );
}
