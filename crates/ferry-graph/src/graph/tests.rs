use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use ferry_syntax::ast::Span;

use super::*;
use crate::facts::{
    CallFact, CallMechanism, CopyFact, FileFact, FileMode, ProgramFacts, Resolution,
};
use crate::jcl::parse_jcl;

pub(crate) fn prog(name: &str, calls: &[&str], copies: &[&str]) -> ProgramFacts {
    let path = PathBuf::from(format!("cobol/{name}.cbl"));
    let mut f = ProgramFacts::empty(name, &path);
    for c in calls {
        f.calls.push(CallFact {
            mechanism: CallMechanism::Call,
            resolution: Resolution::Static,
            targets: vec![c.to_string()],
            via: None,
            span: Span::default(),
        });
    }
    for c in copies {
        let resolved =
            (!c.starts_with("MISSING")).then(|| PathBuf::from(format!("copybooks/{c}.cpy")));
        f.copybooks.push(CopyFact {
            name: c.to_string(),
            resolved,
            replacing: false,
            from_file: path.clone(),
            line: 1,
            column: 8,
        });
    }
    f
}

pub(crate) fn books(names: &[&str]) -> Vec<(String, PathBuf)> {
    names
        .iter()
        .map(|n| (n.to_string(), PathBuf::from(format!("copybooks/{n}.cpy"))))
        .collect()
}

fn file(name: &str, dd: &str, mode: FileMode) -> FileFact {
    FileFact {
        name: name.into(),
        assign: dd.into(),
        dd_name: dd.into(),
        modes: BTreeSet::from([mode]),
    }
}

fn kinds(g: &Graph, from: &str) -> Vec<(String, &'static str)> {
    g.outgoing(from)
        .into_iter()
        .map(|(n, k)| (n.id.clone(), k.as_str()))
        .collect()
}

#[test]
fn missing_copybook_and_missing_callee_become_nodes() {
    let programs = vec![
        prog("MAIN", &["SUB", "GHOST"], &["EMPREC", "MISSINGBOOK"]),
        prog("SUB", &[], &["EMPREC"]),
    ];
    let g = Graph::build(&programs, &books(&["EMPREC"]), &[]);
    assert_eq!(
        kinds(&g, "program:MAIN"),
        vec![
            ("copybook:EMPREC".to_string(), "copies"),
            ("missing:copybook:MISSINGBOOK".to_string(), "copies"),
            ("missing:program:GHOST".to_string(), "calls"),
            ("program:SUB".to_string(), "calls"),
        ]
    );
    let ghost = g.node("missing:program:GHOST").expect("missing node");
    assert_eq!(ghost.kind, NodeKind::Missing);
    assert_eq!(ghost.missing.as_deref(), Some("program"));
    assert_eq!(g.incoming("copybook:EMPREC").len(), 2);
}

#[test]
fn dynamic_and_unresolved_calls() {
    let mut main = prog("MAIN", &[], &[]);
    main.calls.push(CallFact {
        mechanism: CallMechanism::Call,
        resolution: Resolution::Dynamic,
        targets: vec!["SUB".into()],
        via: Some("WS-P".into()),
        span: Span::default(),
    });
    main.calls.push(CallFact {
        mechanism: CallMechanism::Call,
        resolution: Resolution::Unresolved,
        targets: vec![],
        via: Some("WS-Q".into()),
        span: Span::default(),
    });
    main.calls.push(CallFact {
        mechanism: CallMechanism::CicsLink,
        resolution: Resolution::Unresolved,
        targets: vec!["SUB".into(), "OTHER".into()],
        via: Some("WS-R".into()),
        span: Span::default(),
    });
    let g = Graph::build(&[main, prog("SUB", &[], &[])], &[], &[]);
    let out = g.outgoing("program:MAIN");
    assert!(out.iter().any(|(n, k)| n.id == "missing:dynamic:MAIN.WS-Q"
        && matches!(
            k,
            EdgeKind::Calls {
                resolution: Resolution::Unresolved,
                ..
            }
        )));
    assert!(out.iter().any(|(n, k)| n.id == "program:SUB"
        && matches!(
            k,
            EdgeKind::Calls {
                resolution: Resolution::Dynamic,
                ..
            }
        )));
    assert!(out.iter().any(|(n, k)| n.id == "missing:program:OTHER"
        && matches!(k, EdgeKind::Calls { mechanism: CallMechanism::CicsLink, candidates, .. } if candidates.len() == 2)));
}

#[test]
fn nested_programs_resolve_before_the_estate() {
    let mut outer = prog("OUTER", &["HELPER", "SUB"], &[]);
    let mut helper = prog("HELPER", &[], &[]);
    helper.path = outer.path.clone();
    outer.nested.push(helper);
    let g = Graph::build(
        &[outer, prog("HELPER", &[], &[]), prog("SUB", &[], &[])],
        &[],
        &[],
    );
    let out = kinds(&g, "program:OUTER");
    assert!(
        out.contains(&("program:OUTER/HELPER".to_string(), "calls")),
        "{out:?}"
    );
    assert!(
        out.contains(&("program:OUTER/HELPER".to_string(), "contains")),
        "{out:?}"
    );
    assert!(
        out.contains(&("program:SUB".to_string(), "calls")),
        "{out:?}"
    );
}

const JOB: &str = "\
//PAYJOB   JOB (ACCT01),'WEEKLY'
//STEP010  EXEC PGM=PAYROLL
//STEPLIB  DD DSN=PROD.LOADLIB,DISP=SHR
//EMPFILE  DD DSN=PROD.EMPLOYEE,DISP=SHR
//PAYTOT   DD DSN=PROD.RUNTOTAL(+1),DISP=(NEW,CATLG,DELETE)
//MASTER   DD DSN=PROD.MASTER,DISP=OLD
//STEP015  EXEC PGM=IDCAMS
//STEP020  EXEC PGM=PAYSUMM,COND=(4,LT,STEP010)
//PAYTOT   DD DSN=PROD.RUNTOTAL(0),DISP=SHR
//STEP030  EXEC PGM=NOTHERE
";

#[test]
fn jcl_steps_datasets_and_data_flow() {
    let mut payroll = prog("PAYROLL", &[], &[]);
    payroll.files = vec![
        file("EMP-FILE", "EMPFILE", FileMode::Input),
        file("TOT-FILE", "PAYTOT", FileMode::Output),
        file("MST", "MASTER", FileMode::InputOutput),
    ];
    let mut paysumm = prog("PAYSUMM", &[], &[]);
    paysumm.files = vec![file("TOT-FILE", "PAYTOT", FileMode::Input)];
    let (job, diags) = parse_jcl(JOB, Path::new("jcl/PAYJOB.jcl"));
    assert!(diags.is_empty(), "{diags:?}");
    let g = Graph::build(&[payroll, paysumm], &[], &[job]);
    assert_eq!(
        kinds(&g, "job:PAYJOB"),
        vec![
            ("step:PAYJOB/STEP010".to_string(), "step_of"),
            ("step:PAYJOB/STEP015".to_string(), "step_of"),
            ("step:PAYJOB/STEP020".to_string(), "step_of"),
            ("step:PAYJOB/STEP030".to_string(), "step_of"),
        ]
    );
    assert_eq!(
        kinds(&g, "step:PAYJOB/STEP010"),
        vec![
            ("dataset:PROD.EMPLOYEE".to_string(), "reads"),
            ("dataset:PROD.MASTER".to_string(), "reads"),
            ("dataset:PROD.MASTER".to_string(), "writes"),
            ("dataset:PROD.RUNTOTAL".to_string(), "writes"),
            ("program:PAYROLL".to_string(), "executes"),
        ]
    );
    assert_eq!(
        kinds(&g, "step:PAYJOB/STEP015"),
        vec![("utility:IDCAMS".to_string(), "executes")]
    );
    assert_eq!(
        kinds(&g, "step:PAYJOB/STEP030"),
        vec![("missing:program:NOTHERE".to_string(), "executes")]
    );
    let flow: Vec<_> = g
        .edges()
        .filter(|(_, _, k)| matches!(k, EdgeKind::DataFlow { .. }))
        .map(|(a, b, k)| (a.id.clone(), b.id.clone(), k.clone()))
        .collect();
    assert_eq!(
        flow,
        vec![(
            "program:PAYROLL".into(),
            "program:PAYSUMM".into(),
            EdgeKind::DataFlow {
                dataset: "PROD.RUNTOTAL".into(),
                job: "PAYJOB".into()
            }
        )]
    );
    assert!(kinds(&g, "file:PAYROLL:TOT-FILE")
        .contains(&("dataset:PROD.RUNTOTAL".to_string(), "bound_to")));
    assert!(g.node("dataset:PROD.LOADLIB").is_none());
}

fn estate() -> (Vec<ProgramFacts>, Vec<(String, PathBuf)>) {
    let programs = vec![
        prog("A", &["B", "C"], &["SHARED", "ONLYA"]),
        prog("B", &["D"], &["SHARED"]),
        prog("C", &["D", "ZZZ"], &["MISSINGX"]),
        prog("D", &[], &[]),
    ];
    (programs, books(&["SHARED", "ONLYA"]))
}

#[test]
fn json_is_deterministic_whatever_the_input_order() {
    let (mut programs, mut cbs) = estate();
    let a = Graph::build(&programs, &cbs, &[]).to_json();
    programs.reverse();
    programs.swap(0, 2);
    cbs.reverse();
    let b = Graph::build(&programs, &cbs, &[]).to_json();
    assert_eq!(a, b);
    assert!(a.starts_with("{\n  \"schema\": \"ferry-graph/1\""));
    // Round trip through the document.
    let back = Graph::from_json(&a).expect("parse");
    assert_eq!(back.to_json(), a);
    let doc: serde_json::Value = serde_json::from_str(&a).expect("value");
    let ids: Vec<&str> = doc["nodes"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|n| n["id"].as_str())
        .collect();
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(ids, sorted);
    assert_eq!(doc["edges"][0]["kind"], "copies");
    assert_eq!(doc["edges"][0]["replacing"], false);
    assert_eq!(doc["edges"][2]["to"], "program:B");
    assert_eq!(doc["edges"][2]["kind"], "calls");
    assert_eq!(doc["edges"][2]["resolution"], "static");
}

#[test]
fn from_json_rejects_other_schemas_and_dangling_edges() {
    assert!(matches!(
        Graph::from_json(r#"{"schema":"x/9","nodes":[],"edges":[]}"#),
        Err(crate::GraphError::Schema { .. })
    ));
    let dangling = r#"{"schema":"ferry-graph/1","nodes":[],"edges":[{"from":"a","to":"b","kind":"performs"}]}"#;
    assert!(matches!(
        Graph::from_json(dangling),
        Err(crate::GraphError::UnknownNode(_))
    ));
    assert!(matches!(
        Graph::from_json("not json"),
        Err(crate::GraphError::Json(_))
    ));
}

#[test]
fn dot_and_mermaid() {
    let (programs, cbs) = estate();
    let g = Graph::build(&programs, &cbs, &[]);
    let dot = g.to_dot();
    assert!(dot.starts_with("digraph ferry {\n"));
    assert!(dot.contains("  \"program:A\" [label=\"A\", shape=box, style=bold];\n"));
    assert!(dot.contains("  \"program:A\" -> \"program:B\" [label=\"calls\"];\n"));
    assert!(dot.contains("\"missing:program:ZZZ\" [label=\"ZZZ (missing program)\", shape=octagon, color=red, fontcolor=red];"));
    assert!(dot.ends_with("}\n"));
    let mm = g.to_mermaid();
    assert!(mm.starts_with("flowchart LR\n"));
    // Ids are n0.. in id order: copybook:ONLYA, copybook:SHARED, missing:copybook:MISSINGX, missing:program:ZZZ, program:A...
    assert!(mm.contains("  n0[/\"ONLYA (copybook)\"/]\n"), "{mm}");
    assert!(mm.contains("  n3{{\"ZZZ (missing program)\"}}\n"), "{mm}");
    assert!(mm.contains("  n4 -->|\"calls\"| n5\n"), "{mm}");
    for line in mm.lines().skip(1) {
        assert!(
            !line.contains(':') || line.contains("classDef") || line.contains('"'),
            "unsanitised: {line}"
        );
    }
}

#[test]
fn html_is_self_contained() {
    let mut p = prog("EVIL", &[], &[]);
    p.path = PathBuf::from("</script><script>alert(1)</script>.cbl");
    let g = Graph::build(&[p], &[], &[]);
    let html = g.to_html_titled("Estate <graph>");
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(!html.contains("src=\"http"));
    assert!(!html.contains("<script src"));
    assert!(!html.contains("alert(1)</script>"));
    assert!(html.contains("Estate &lt;graph&gt;"));
    assert!(html.contains("ferry-graph/1"));
}

#[test]
fn paragraph_detail_level() {
    use crate::facts::{FlowEdge, FlowKind, Procedure};
    let mut p = prog("P", &[], &[]);
    for k in ["MAIN", "WORK"] {
        p.procedures.push(Procedure {
            key: k.into(),
            name: k.into(),
            section: None,
            is_section: false,
            declarative: false,
        });
    }
    p.flow.push(FlowEdge {
        from: "MAIN".into(),
        to: "WORK".into(),
        kind: FlowKind::Performs,
        resolved: true,
    });
    p.flow.push(FlowEdge {
        from: "MAIN".into(),
        to: "NOPE".into(),
        kind: FlowKind::GoesTo,
        resolved: false,
    });
    let g = Graph::build(std::slice::from_ref(&p), &[], &[]);
    assert!(g.node("paragraph:P:MAIN").is_none());
    let g = Graph::build_with(&[p], &[], &[], &GraphOptions { paragraphs: true });
    assert_eq!(
        kinds(&g, "paragraph:P:MAIN"),
        vec![
            ("missing:paragraph:P:NOPE".to_string(), "goes_to"),
            ("paragraph:P:WORK".to_string(), "performs")
        ]
    );
}

#[test]
fn duplicate_program_names_get_distinct_ids_and_a_warning() {
    let mut second = prog("DUP", &[], &[]);
    second.path = PathBuf::from("other/DUP.cbl");
    let g = Graph::build(&[prog("DUP", &[], &[]), second], &[], &[]);
    assert!(g.node("program:DUP").is_some());
    assert!(g.node("program:DUP#2").is_some());
    assert_eq!(g.warnings().len(), 1);
}

fn metrics(g: &Graph, id: &str) -> crate::facts::Metrics {
    g.node(id)
        .and_then(|n| n.metrics.clone())
        .expect("program metrics")
}

#[test]
fn fan_in_and_fan_out_count_distinct_static_and_resolved_dynamic_callers() {
    let mut main = prog("MAIN", &["SUB", "SUB", "GHOST", "MAIN"], &[]);
    main.calls.push(CallFact {
        mechanism: CallMechanism::Call,
        resolution: Resolution::Dynamic,
        targets: vec!["DYN".into()],
        via: Some("WS-PGM".into()),
        span: Span::default(),
    });
    main.calls.push(CallFact {
        mechanism: CallMechanism::Call,
        resolution: Resolution::Unresolved,
        targets: vec!["MAYBE".into()],
        via: Some("WS-X".into()),
        span: Span::default(),
    });
    main.calls.push(CallFact {
        mechanism: CallMechanism::CicsLink,
        resolution: Resolution::Static,
        targets: vec!["LINKED".into()],
        via: None,
        span: Span::default(),
    });
    let other = prog("OTHER", &["SUB"], &[]);
    let mut outer = prog("OUTER", &[], &[]);
    outer.nested.push(prog("INNER", &["SUB"], &[]));
    let programs = vec![
        main,
        other,
        outer,
        prog("SUB", &[], &[]),
        prog("DYN", &[], &[]),
        prog("MAYBE", &[], &[]),
        prog("LINKED", &[], &[]),
    ];
    let g = Graph::build(&programs, &[], &[]);
    let fan = |id: &str| {
        let m = metrics(&g, id);
        (m.fan_in, m.fan_out)
    };
    // SUB, GHOST (missing), DYN and LINKED; not itself, not the unresolved MAYBE.
    assert_eq!(fan("program:MAIN"), (0, 4));
    // MAIN, OTHER and the nested INNER.
    assert_eq!(fan("program:SUB"), (3, 0));
    assert_eq!(fan("program:DYN"), (1, 0));
    assert_eq!(fan("program:MAYBE"), (0, 0));
    assert_eq!(fan("program:LINKED"), (1, 0));
    assert_eq!(fan("program:OUTER/INNER"), (0, 1));
    assert_eq!(fan("program:OUTER"), (0, 0));
    let json = g.to_json();
    assert!(json.contains("\"fan_in\": 3"), "{json}");
    assert_eq!(Graph::from_json(&json).expect("parse").to_json(), json);
}

#[test]
fn copybooks_no_program_copies_are_marked_unused() {
    let mut main = prog("MAIN", &[], &["USED"]);
    // USED COPYs INNERBK (nested COPY); the preprocessor's paths carry the estate root in front.
    main.copybooks.push(CopyFact {
        name: "INNERBK".into(),
        resolved: Some(PathBuf::from("/estate/copybooks/INNERBK.cpy")),
        replacing: false,
        from_file: PathBuf::from("/estate/copybooks/USED.cpy"),
        line: 3,
        column: 8,
    });
    // COPY "lit.cpy": the name as written differs from the file's, the path finds the node.
    main.copybooks.push(CopyFact {
        name: "LIT.CPY".into(),
        resolved: Some(PathBuf::from("/estate/copybooks/LIT.cpy")),
        replacing: false,
        from_file: PathBuf::from("cobol/MAIN.cbl"),
        line: 4,
        column: 8,
    });
    let books = books(&["USED", "INNERBK", "LIT", "ORPHAN", "CHAINED"]);
    let g = Graph::build(&[main, prog("NOCOPY", &[], &[])], &books, &[]);
    let unused = |id: &str| {
        g.node(id)
            .map(|n| n.attrs.get("unused").cloned())
            .expect("copybook node")
    };
    assert_eq!(unused("copybook:USED"), None);
    assert_eq!(unused("copybook:INNERBK"), None);
    assert_eq!(unused("copybook:LIT"), None);
    assert_eq!(unused("copybook:ORPHAN"), Some("true".into()));
    assert_eq!(unused("copybook:CHAINED"), Some("true".into()));
    assert!(g.node("copybook:LIT.CPY").is_none());
    assert_eq!(
        kinds(&g, "copybook:USED"),
        vec![("copybook:INNERBK".to_string(), "copies")]
    );
    assert_eq!(g.unused_copybooks(), vec!["CHAINED", "ORPHAN"]);
    let json = g.to_json();
    let doc: serde_json::Value = serde_json::from_str(&json).expect("json");
    assert_eq!(
        doc["unused_copybooks"],
        serde_json::json!(["CHAINED", "ORPHAN"])
    );
    assert_eq!(Graph::from_json(&json).expect("parse").to_json(), json);
}
