//! The HTML report in a real headless Chromium: it renders, every link lands on its target, nothing
//! is logged to the console, nothing is fetched (the network is offline) and it prints.
//! Skipped without chromium unless `FERRY_REQUIRE_BROWSER=1` (see `support/chromium.rs`).

#![cfg(unix)]

#[path = "support/chromium.rs"]
mod chromium;

use std::collections::BTreeMap;

use chromium::{browser_or_skip, file_url, Browser};
use ferry_report::*;
use serde_json::json;

fn hash(path: &str) -> FileHash {
    FileHash {
        path: path.to_string(),
        sha256: sha256_hex(path.as_bytes()),
    }
}

fn check(artefact: &str, outcome: CheckOutcome, detail: Option<&str>) -> Check {
    Check {
        artefact: artefact.to_string(),
        outcome,
        detail: detail.map(str::to_string),
        first_difference: None,
    }
}

fn scenario(
    program: &str,
    name: &str,
    status: ScenarioStatus,
    detail: Option<&str>,
    checks: Vec<Check>,
) -> ScenarioResult {
    ScenarioResult {
        name: name.to_string(),
        program: program.to_string(),
        status,
        detail: detail.map(str::to_string),
        checks,
        steps: Vec::new(),
    }
}

const DIFF: &str = "stdout: first difference at line 2, byte 31\n\
--- expected/stdout\n\
+++ actual/stdout\n\
@@ -1,3 +1,3 @@\n \
EMPLOYEE 00017 <ok> & done\n\
-NET PAY        +0001234.50\n\
+NET PAY        +0001234.49\n \
TOTAL\n\
PAYREG record 17, field EMP-NET-PAY: expected +0001234.50, got +0001234.49";

/// One unit of each kind an auditor meets: verified, mismatch with a diff, untranslated, error,
/// unverified and ported by hand; names that need escaping and slugs that collide.
fn report() -> Report {
    let mut r = Report::new("0.1.0", "../src");

    let mut payroll = Unit::new("PAYROLL", UnitStatus::Verified);
    payroll.sources = vec![hash("cobol/PAYROLL.cbl"), hash("copybooks/EMPREC.cpy")];
    payroll.outputs = vec![
        hash("units/payroll/src/lib.rs"),
        hash("units/payroll/Cargo.toml"),
    ];
    payroll.binary = Some("target/release/payroll".into());
    payroll.binary_sha256 = Some(sha256_hex(b"binary"));
    payroll.agent_settings = BTreeMap::from([("mode".to_string(), json!("strict"))]);
    payroll.agent_run = Some(ferry_report::AgentRun {
        agent: "openai".into(),
        model: "gpt-test".into(),
        mode: "refine".into(),
        outcome: "accepted".into(),
        attempts: 2,
        tokens_in: 12000,
        tokens_out: 3000,
        cost: Some(0.042),
        cache_hits: 1,
        prompt_sha256: vec![sha256_hex(b"p1"), sha256_hex(b"p2")],
        response_sha256: vec![sha256_hex(b"r1"), sha256_hex(b"r2")],
        transcripts: vec![
            "agents/PAYROLL/attempt-1.md".into(),
            "agents/PAYROLL/attempt-2.md".into(),
        ],
        failure: None,
    });
    payroll.coverage = Some(ferry_report::Coverage {
        statements: 40,
        statements_executed: 38,
        procedures: 17,
        procedures_executed: 16,
        arms: 6,
        arms_taken: 5,
        never_executed: vec![
            "cobol/PAYROLL.cbl:120".into(),
            "cobol/PAYROLL.cbl:121".into(),
        ],
        procedures_never_executed: vec!["PAYROLL: 9999-ABEND (cobol/PAYROLL.cbl:119)".into()],
        arms_never_taken: vec!["IF at cobol/PAYROLL.cbl:88: ELSE".into()],
        scenarios_without_coverage: 0,
    });
    payroll.scenarios = vec![
        scenario(
            "PAYROLL",
            "basic",
            ScenarioStatus::Pass,
            None,
            vec![
                check("stdout", CheckOutcome::Match, None),
                check("rc", CheckOutcome::Match, None),
                check("files/PAYRPT", CheckOutcome::Match, None),
            ],
        ),
        scenario(
            "PAYROLL",
            "month-end",
            ScenarioStatus::Pass,
            None,
            vec![check("stdout", CheckOutcome::Match, None)],
        ),
    ];

    let mut calc = Unit::new("PAYCALC", UnitStatus::Verified);
    calc.sources = vec![hash("cobol/PAYCALC.cbl")];
    calc.outputs = vec![hash("units/paycalc/src/lib.rs")];
    calc.scenarios = vec![
        scenario(
            "PAYCALC",
            "rates <&> | pipes",
            ScenarioStatus::Fail,
            Some(DIFF),
            vec![
                check("stdout", CheckOutcome::Mismatch, Some(DIFF)),
                check("files/PAYREG", CheckOutcome::Missing, None),
                check("rc", CheckOutcome::Match, None),
            ],
        ),
        scenario(
            "PAYCALC",
            "rates & pipes",
            ScenarioStatus::Timeout,
            Some("killed after 10s"),
            vec![],
        ),
        scenario(
            "PAYCALC",
            "basic",
            ScenarioStatus::Pass,
            None,
            vec![check("stdout", CheckOutcome::Match, None)],
        ),
    ];

    let mut rep = Unit::new("REPORTS", UnitStatus::Untranslated);
    rep.sources = vec![hash("cobol/REPORTS.cbl")];
    rep.untranslated = vec![Untranslated {
        path: "cobol/REPORTS.cbl".into(),
        line: 42,
        construct: "REPORT SECTION".into(),
        message: "Report Writer is not supported <yet>".into(),
    }];

    let mut broken = Unit::new("PAY-SUMM", UnitStatus::Error);
    broken.sources = vec![hash("cobol/PAYSUMM.cbl")];
    broken.detail = Some("cargo build failed: error[E0308]: mismatched types".into());
    broken.scenarios = vec![scenario(
        "PAY-SUMM",
        "basic",
        ScenarioStatus::Error,
        Some("no executable"),
        vec![],
    )];

    let mut dates = Unit::new("DATES", UnitStatus::Verified);
    dates.sources = vec![hash("cobol/DATES.cbl")];

    let mut hand = Unit::new("PAY SUMM", UnitStatus::PortedByHand);
    hand.agent = "hand".into();
    hand.outputs = vec![hash("units/pay_summ/src/lib.rs")];

    r.units = vec![payroll, calc, rep, broken, dates, hand];
    r.finalize().unwrap();
    r
}

/// Opens `html` (written to a temp file) and returns its problems.
fn problems_of(b: &mut Browser, dir: &std::path::Path, name: &str, html: &str) -> Vec<String> {
    let path = dir.join(name);
    std::fs::write(&path, html).unwrap();
    b.open(&file_url(&path)).unwrap();
    b.problems().unwrap()
}

#[test]
fn report_html_in_chromium() {
    let Some(mut b) = browser_or_skip("report.html browser check") else {
        return;
    };
    let r = report();
    let statuses: std::collections::BTreeSet<_> = r.units.iter().map(|u| u.status).collect();
    assert_eq!(
        statuses.len(),
        UnitStatus::ALL.len(),
        "the fixture covers every status"
    );
    let html = render_html(&r).unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let problems = problems_of(&mut b, tmp.path(), REPORT_HTML, &html);
    assert!(
        problems.is_empty(),
        "report.html in chromium:\n{}",
        problems.join("\n")
    );

    // Every unit and the manifest have a section, every link was followed.
    let links = b.link_count().unwrap();
    let detail_links = r
        .units
        .iter()
        .flat_map(|u| &u.scenarios)
        .filter(|s| s.detail.is_some())
        .count();
    // unit links in the summary, a "back to summary" per unit and in the manifest, scenario details
    assert_eq!(
        links,
        2 * r.units.len() + 1 + detail_links,
        "links on the page"
    );

    // What the reader sees, as laid out by the browser.
    let seen = b
        .eval(
            r#"(() => {
  const text = (sel) => [...document.querySelectorAll(sel)].map(e => e.innerText.trim());
  const badge = getComputedStyle(document.querySelector('.badge'));
  const diff = document.querySelector('details pre.diff');
  return {
    title: document.title,
    h1: text('h1')[0],
    units: text('table.units tbody tr td:first-child'),
    sections: text('section[id^="unit-"] h2'),
    counts: text('table.counts tbody td'),
    digest: document.querySelector('header .hash').innerText.trim(),
    manifest: document.querySelectorAll('#manifest tbody tr').length,
    untranslated: text('section table td').filter(t => t.includes('REPORT SECTION')).length,
    notes: text('p.note'),
    del: text('.d-del'),
    add: text('.d-add'),
    details: document.querySelectorAll('details:not(.coverage)').length,
    open: [...document.querySelectorAll('details:not(.coverage)')].filter(d => d.open).length,
    diffVisible: diff.getClientRects().length > 0,
    badgeRadius: badge.borderTopLeftRadius,
    height: document.documentElement.scrollHeight,
    overflowX: document.documentElement.scrollWidth - window.innerWidth,
  };
})()"#,
        )
        .unwrap();
    assert_eq!(seen["title"], "ferry equivalence report");
    assert_eq!(seen["h1"], "ferry equivalence report");
    let names: Vec<&str> = r.units.iter().map(|u| u.name.as_str()).collect();
    assert_eq!(seen["units"], json!(names));
    let headings: Vec<String> = r
        .units
        .iter()
        .map(|u| format!("{} {}", u.name, u.status.as_str()))
        .collect();
    assert_eq!(seen["sections"], json!(headings));
    let s = &r.summary;
    let counts: Vec<String> = [
        s.verified,
        s.mismatch,
        s.untranslated,
        s.unverified,
        s.error,
        s.ported_by_hand,
        s.units,
    ]
    .iter()
    .map(|n| n.to_string())
    .collect();
    assert_eq!(seen["counts"], json!(counts));
    assert_eq!(seen["digest"], json!(r.digest));
    assert_eq!(seen["manifest"], json!(r.manifest.len()));
    assert_eq!(seen["untranslated"], 1);
    let notes = seen["notes"].to_string();
    assert!(
        notes.contains("mismatched types") && notes.contains("unverified"),
        "{notes}"
    );
    assert_eq!(seen["del"], json!(["-NET PAY        +0001234.50"]));
    assert_eq!(seen["add"], json!(["+NET PAY        +0001234.49"]));
    // Clicking a scenario's link opened its diff (the report's own script).
    assert_eq!(seen["details"], json!(detail_links));
    assert_eq!(
        seen["open"],
        json!(detail_links),
        "links to diffs open them"
    );
    assert_eq!(seen["diffVisible"], true);
    assert_ne!(seen["badgeRadius"], "0px", "inline CSS applied");
    assert!(seen["height"].as_f64().unwrap() > 900.0, "{seen}");
    assert!(
        seen["overflowX"].as_f64().unwrap() <= 0.0,
        "page wider than the window: {seen}"
    );

    // Printing: a PDF comes out, every diff is expanded for paper, and still nothing went wrong.
    b.open(&file_url(&tmp.path().join(REPORT_HTML))).unwrap();
    assert!(b.print_to_pdf().unwrap() > 10_000);
    let open = b
        .eval("[...document.querySelectorAll('details')].every(d => d.open)")
        .unwrap();
    assert_eq!(open, true, "details are opened for printing");
    let problems = b.problems().unwrap();
    assert!(
        problems.is_empty(),
        "after printing:\n{}",
        problems.join("\n")
    );
}

/// The checks are real: each defect planted in a copy of the rendered report is reported.
#[test]
fn browser_checks_catch_broken_pages() {
    let Some(mut b) = browser_or_skip("browser check self-test") else {
        return;
    };
    let html = render_html(&report()).unwrap();
    let tmp = tempfile::tempdir().unwrap();
    // (defect, text replaced in the page, replacement, expected problem)
    let cases: &[(&str, &str, &str, &str)] = &[
        (
            "dangling anchor",
            "href=\"#summary\"",
            "href=\"#nowhere\"",
            "has no target",
        ),
        (
            "link to a file",
            "href=\"#summary\"",
            "href=\"report.md\"",
            "is not an internal #anchor",
        ),
        (
            "JS error",
            "</body>",
            "<script>document.nope.x = 1;</script></body>",
            "uncaught exception",
        ),
        (
            "error in a link's handler",
            "t.open = true;",
            "t.nope.x = 1;",
            "uncaught exception",
        ),
        (
            "console error",
            "</body>",
            "<script>console.error('boom')</script></body>",
            "console.error: boom",
        ),
        (
            "remote image",
            "</body>",
            "<img src=\"https://example.com/logo.png\"></body>",
            "points outside the page",
        ),
        (
            "remote image request",
            "</body>",
            "<img src=\"https://example.com/logo.png\"></body>",
            "request to https://example.com/logo.png",
        ),
        (
            "remote stylesheet",
            "</head>",
            "<link rel=\"stylesheet\" href=\"http://example.com/x.css\"></head>",
            "http://example.com/x.css",
        ),
        (
            "CSS url()",
            "</style>",
            "body { background: url(https://example.com/bg.png); }</style>",
            "loads https://example.com/bg.png",
        ),
        (
            "fetch from a script",
            "</body>",
            "<script>fetch('https://example.com/d.json').catch(() => {})</script></body>",
            "request to https://example.com/d.json",
        ),
    ];

    for (i, &(what, from, to, expected)) in cases.iter().enumerate() {
        assert!(
            html.contains(from),
            "{what}: the report no longer contains {from:?}"
        );
        let broken = html.replacen(from, to, 1);
        let problems = problems_of(&mut b, tmp.path(), &format!("broken-{i}.html"), &broken);
        assert!(
            problems.iter().any(|p| p.contains(expected)),
            "{what}: expected a problem containing {expected:?}, got:\n{}",
            problems.join("\n")
        );
    }
    // Duplicate ids (two anchors with one name) are caught too.
    let dup = html.replacen("<section id=\"manifest\">", "<section id=\"summary\">", 1);
    let problems = problems_of(&mut b, tmp.path(), "dup.html", &dup);
    assert!(
        problems
            .iter()
            .any(|p| p.contains("duplicate id \"summary\"")),
        "{problems:?}"
    );
}
