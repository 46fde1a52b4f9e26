use std::time::Instant;

use super::*;
use crate::graph::tests::{books, prog};
use crate::synthetic_estate;

fn plan_of(programs: &[crate::ProgramFacts], cbs: &[(String, std::path::PathBuf)]) -> Plan {
    Plan::build(&Graph::build(programs, cbs, &[]), &PlanOptions::default())
}

fn summary(p: &Plan) -> Vec<(usize, String, UnitKind)> {
    p.units
        .iter()
        .map(|u| (u.wave, u.name.clone(), u.kind))
        .collect()
}

#[test]
fn call_cycle_collapses_into_one_unit() {
    let p = plan_of(
        &[
            prog("A", &["B"], &[]),
            prog("B", &["A", "C"], &[]),
            prog("C", &[], &[]),
            prog("TOP", &["A"], &[]),
        ],
        &[],
    );
    assert_eq!(
        summary(&p),
        vec![
            (0, "C".into(), UnitKind::Program),
            (1, "A+B".into(), UnitKind::Cycle),
            (2, "TOP".into(), UnitKind::Program)
        ]
    );
    let cycle = p.unit("cycle:A+B").expect("cycle unit");
    assert_eq!(cycle.members, vec!["program:A", "program:B"]);
    assert_eq!(cycle.programs(), ["A", "B"]);
    assert!(cycle.is_translatable());
    assert_eq!(cycle.sources, vec!["cobol/A.cbl", "cobol/B.cbl"]);
    assert_eq!(cycle.depends_on, vec!["program:C"]);
    assert_eq!(cycle.reason, "call cycle of A, B; calls C (wave 0)");
    assert_eq!(
        p.unit("program:TOP").map(|u| u.depends_on.clone()),
        Some(vec!["cycle:A+B".to_string()])
    );
}

#[test]
fn diamond_waves() {
    let p = plan_of(
        &[
            prog("A", &["B", "C"], &[]),
            prog("B", &["D"], &[]),
            prog("C", &["D"], &[]),
            prog("D", &[], &[]),
        ],
        &[],
    );
    assert_eq!(
        summary(&p),
        vec![
            (0, "D".into(), UnitKind::Program),
            (1, "B".into(), UnitKind::Program),
            (1, "C".into(), UnitKind::Program),
            (2, "A".into(), UnitKind::Program),
        ]
    );
    assert_eq!(
        p.waves,
        vec![
            vec!["program:D"],
            vec!["program:B", "program:C"],
            vec!["program:A"]
        ]
    );
    assert_eq!(
        p.unit("program:A").map(|u| u.reason.as_str()),
        Some("calls B (wave 1) and 1 more dependency")
    );
    assert_eq!(
        p.unit("program:D").map(|u| u.reason.as_str()),
        Some("no dependencies")
    );
}

#[test]
fn shared_copybooks_become_layouts_and_missing_is_recorded() {
    let p = plan_of(
        &[
            prog("A", &["GHOST"], &["SHARED", "ONLYA"]),
            prog("B", &[], &["SHARED", "MISSINGBOOK"]),
        ],
        &books(&["SHARED", "ONLYA"]),
    );
    assert_eq!(
        summary(&p),
        vec![
            (0, "SHARED".into(), UnitKind::Layout),
            (1, "A".into(), UnitKind::Program),
            (1, "B".into(), UnitKind::Program)
        ]
    );
    let a = p.unit("program:A").expect("A");
    assert_eq!(a.sources, vec!["cobol/A.cbl", "copybooks/ONLYA.cpy"]);
    assert_eq!(a.depends_on, vec!["layout:SHARED"]);
    assert_eq!(a.missing, vec!["missing:program:GHOST"]);
    assert_eq!(a.reason, "uses layout SHARED (wave 0)");
    assert_eq!(
        p.unit("program:B").map(|u| u.missing.clone()),
        Some(vec!["missing:copybook:MISSINGBOOK".to_string()])
    );
    let layout = p.unit("layout:SHARED").expect("layout");
    assert_eq!(layout.sources, vec!["copybooks/SHARED.cpy"]);
    assert!(!layout.is_translatable());
    assert_eq!(
        layout.reason,
        "copybook shared by 2 programs; translated first"
    );
    let text = p.to_text();
    assert!(
        text.starts_with("Wave 0 (1 unit)\n  layout   SHARED"),
        "{text}"
    );
    assert!(text.contains("missing: program:GHOST"), "{text}");
    let json = p.to_json();
    assert_eq!(Plan::from_json(&json).expect("parse"), p);
}

#[test]
fn unresolved_calls_are_recorded_not_depended_on() {
    use crate::facts::{CallFact, CallMechanism, Resolution};
    let mut a = prog("A", &[], &[]);
    a.calls.push(CallFact {
        mechanism: CallMechanism::Call,
        resolution: Resolution::Unresolved,
        targets: vec!["B".into()],
        via: Some("WS-PGM".into()),
        span: Default::default(),
    });
    let p = plan_of(&[a, prog("B", &[], &[])], &[]);
    let a = p.unit("program:A").expect("A");
    assert_eq!(a.wave, 0);
    assert_eq!(a.unresolved, vec!["WS-PGM (candidates: B)"]);
}

#[test]
fn every_unit_depends_only_on_earlier_waves_at_scale() {
    let (programs, cbs) = synthetic_estate(10_000, 2_000, 42);
    let start = Instant::now();
    let graph = Graph::build(&programs, &cbs, &[]);
    let built = start.elapsed();
    let plan = Plan::build(&graph, &PlanOptions::default());
    let planned = start.elapsed();
    let json = graph.to_json();
    let total = start.elapsed();
    println!(
        "10k programs / 2k copybooks: graph {:?} ({} nodes, {} edges), plan {:?} ({} units, {} waves), json {:?} ({} bytes)",
        built,
        graph.node_count(),
        graph.edge_count(),
        planned - built,
        plan.units.len(),
        plan.waves.len(),
        total - planned,
        json.len()
    );
    let wave: std::collections::BTreeMap<&str, usize> =
        plan.units.iter().map(|u| (u.id.as_str(), u.wave)).collect();
    for u in &plan.units {
        for d in &u.depends_on {
            assert!(
                wave[d.as_str()] < u.wave,
                "{} (wave {}) depends on {d}",
                u.id,
                u.wave
            );
        }
    }
    let members: usize = plan
        .units
        .iter()
        .filter(|u| u.kind != UnitKind::Layout)
        .map(|u| u.members.len())
        .sum();
    assert_eq!(members, 10_000);
    // Same seed, same bytes.
    let (again, cbs2) = synthetic_estate(10_000, 2_000, 42);
    assert_eq!(Graph::build(&again, &cbs2, &[]).to_json(), json);
}
