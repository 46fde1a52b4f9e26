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

/// A dynamic CALL whose name is unknown may reach any program: its unit comes after every program
/// unit except its own callers (direct or not), which come after it; no dependency is added.
#[test]
fn unresolved_calls_come_after_every_program_but_their_callers() {
    use crate::facts::{CallFact, CallMechanism, Resolution};
    let unresolved = || CallFact {
        mechanism: CallMechanism::Call,
        resolution: Resolution::Unresolved,
        targets: vec!["B".into()],
        via: Some("WS-PGM".into()),
        span: Default::default(),
    };
    let mut a = prog("A", &[], &[]);
    a.calls.push(unresolved());
    // M calls A statically; D calls C; B is alone.
    let p = plan_of(
        &[
            a,
            prog("B", &[], &[]),
            prog("C", &[], &[]),
            prog("D", &["C"], &[]),
            prog("M", &["A"], &[]),
        ],
        &[],
    );
    let a = p.unit("program:A").expect("A");
    assert_eq!(a.unresolved, vec!["WS-PGM (candidates: B)"]);
    assert!(a.depends_on.is_empty());
    let wave = |id: &str| p.unit(id).expect(id).wave;
    assert_eq!(wave("program:D"), 1);
    assert_eq!(wave("program:A"), 2);
    assert_eq!(wave("program:M"), 3);
    assert!(p
        .unit("program:A")
        .expect("A")
        .reason
        .contains("dynamic CALL"));
    for u in &p.units {
        for d in &u.depends_on {
            assert!(p.unit(d).expect(d).wave < u.wave, "{} after {d}", u.id);
        }
    }
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

/// A job file running `programs` in one step each.
fn job(name: &str, programs: &[&str]) -> crate::JclJob {
    let mut text = format!("//{name:<8} JOB (ACCT),'TEST'\n");
    for (i, p) in programs.iter().enumerate() {
        text.push_str(&format!("//STEP{:02}   EXEC PGM={p}\n", i + 1));
    }
    let (job, diags) = crate::parse_jcl(&text, std::path::Path::new(&format!("jcl/{name}.jcl")));
    assert!(diags.is_empty(), "{diags:?}");
    job
}

fn by_job(
    programs: &[crate::ProgramFacts],
    cbs: &[(String, std::path::PathBuf)],
    jobs: &[crate::JclJob],
) -> Plan {
    let opts = PlanOptions {
        slice: Slice::Job,
        ..PlanOptions::default()
    };
    Plan::build(&Graph::build(programs, cbs, jobs), &opts)
}

fn assert_waves_ordered(p: &Plan) {
    let wave: std::collections::BTreeMap<&str, usize> =
        p.units.iter().map(|u| (u.id.as_str(), u.wave)).collect();
    for u in &p.units {
        for d in &u.depends_on {
            assert!(wave[d.as_str()] < u.wave, "{} depends on {d}: {p:#?}", u.id);
        }
    }
}

#[test]
fn slice_by_job_groups_a_jobs_programs_and_their_private_callees() {
    let programs = [
        prog("PAYROLL", &["PAYCALC", "DATEUTIL"], &["EMPREC"]),
        prog("PAYSUMM", &[], &["EMPREC"]),
        prog("PAYCALC", &[], &[]),
        prog("DATEUTIL", &[], &[]),
        prog("BILLING", &["DATEUTIL"], &[]),
        prog("ONLINE", &["PAYCALC"], &[]),
        prog("TOOL", &[], &[]),
    ];
    let jobs = [
        job("PAYJOB", &["PAYROLL", "IEFBR14", "PAYSUMM"]),
        job("BILLJOB", &["BILLING"]),
    ];
    let p = by_job(&programs, &books(&["EMPREC"]), &jobs);
    assert_eq!(
        summary(&p),
        vec![
            (0, "DATEUTIL".into(), UnitKind::Program),
            (0, "EMPREC".into(), UnitKind::Layout),
            (0, "TOOL".into(), UnitKind::Program),
            (1, "BILLJOB".into(), UnitKind::Job),
            (1, "PAYJOB".into(), UnitKind::Job),
            (2, "ONLINE".into(), UnitKind::Program),
        ]
    );
    let pay = p.unit("job:PAYJOB").expect("job unit");
    assert_eq!(pay.programs(), ["PAYCALC", "PAYROLL", "PAYSUMM"]);
    assert_eq!(
        pay.members,
        vec!["program:PAYCALC", "program:PAYROLL", "program:PAYSUMM"]
    );
    assert!(pay.is_translatable());
    assert_eq!(
        pay.sources,
        vec![
            "cobol/PAYCALC.cbl",
            "cobol/PAYROLL.cbl",
            "cobol/PAYSUMM.cbl"
        ]
    );
    assert_eq!(pay.depends_on, vec!["layout:EMPREC", "program:DATEUTIL"]);
    assert_eq!(
        pay.reason,
        "job PAYJOB runs PAYROLL, PAYSUMM and calls PAYCALC (used by no other job); \
         calls DATEUTIL (wave 0) and 1 more dependency"
    );
    let bill = p.unit("job:BILLJOB").expect("job unit");
    assert_eq!(bill.programs(), ["BILLING"]);
    assert_eq!(
        bill.reason,
        "job BILLJOB runs BILLING; calls DATEUTIL (wave 0)"
    );
    // Reached by both jobs: its own unit, and the reason says why.
    assert_eq!(
        p.unit("program:DATEUTIL").map(|u| u.reason.as_str()),
        Some("used by jobs BILLJOB, PAYJOB, so in no job's unit; no dependencies")
    );
    // Not run by a job: a program unit that depends on the job unit holding its callee.
    let online = p.unit("program:ONLINE").expect("ONLINE");
    assert_eq!(online.depends_on, vec!["job:PAYJOB"]);
    assert_eq!(online.reason, "run by no job; calls PAYJOB (wave 1)");
    assert_eq!(
        p.unit("program:TOOL").map(|u| u.reason.as_str()),
        Some("run by no job; no dependencies")
    );
    assert_waves_ordered(&p);
    let text = p.to_text();
    assert!(text.contains("  job      PAYJOB "), "{text}");
    assert_eq!(Plan::from_json(&p.to_json()).expect("parse"), p);

    // The default cut is unchanged by jobs: one unit per program.
    let by_program = Plan::build(
        &Graph::build(&programs, &books(&["EMPREC"]), &jobs),
        &PlanOptions::default(),
    );
    assert_eq!(by_program.units.len(), 8);
    assert!(by_program
        .units
        .iter()
        .all(|u| matches!(u.kind, UnitKind::Program | UnitKind::Layout)));
    assert_eq!(
        by_program
            .unit("program:PAYCALC")
            .map(|u| u.reason.as_str()),
        Some("no dependencies")
    );
}

#[test]
fn slice_by_job_merges_groups_that_call_each_other() {
    use crate::facts::{CallFact, CallMechanism, Resolution};
    // A (job J) calls S dynamically (resolved), so S is not statically reached by J and stays
    // alone; S calls B, which J runs: J -> S -> J would be a cycle of units, so they merge.
    let mut a = prog("A", &[], &[]);
    a.calls.push(CallFact {
        mechanism: CallMechanism::Call,
        resolution: Resolution::Dynamic,
        targets: vec!["S".into()],
        via: Some("WS-PGM".into()),
        span: Default::default(),
    });
    let programs = [
        a,
        prog("B", &[], &[]),
        prog("S", &["B"], &[]),
        prog("X", &["Y"], &[]),
        prog("Y", &[], &[]),
    ];
    let jobs = [job("J", &["A", "B"]), job("K", &["X"])];
    let p = by_job(&programs, &[], &jobs);
    assert_eq!(
        summary(&p),
        vec![
            (0, "J+S".into(), UnitKind::Cycle),
            (0, "K".into(), UnitKind::Job)
        ]
    );
    let cycle = p.unit("cycle:J+S").expect("merged");
    assert_eq!(cycle.programs(), ["A", "B", "S"]);
    assert_eq!(
        cycle.reason,
        "job J runs A, B; call cycle of J, S; no dependencies"
    );
    assert_eq!(
        p.unit("job:K").map(|u| u.reason.as_str()),
        Some("job K runs X and calls Y (used by no other job); no dependencies")
    );
    assert_waves_ordered(&p);
}

#[test]
fn slice_by_job_names_stay_unique_and_shared_executed_programs_stay_alone() {
    // Job PAYROLL runs program PAYROLL (shared with job OTHER) and PRIVATE: the job unit cannot be
    // called PAYROLL, the program unit is.
    let programs = [prog("PAYROLL", &[], &[]), prog("PRIVATE", &[], &[])];
    let jobs = [
        job("PAYROLL", &["PAYROLL", "PRIVATE"]),
        job("OTHER", &["PAYROLL"]),
    ];
    let p = by_job(&programs, &[], &jobs);
    assert_eq!(
        summary(&p),
        vec![
            (0, "JOB-PAYROLL".into(), UnitKind::Job),
            (0, "PAYROLL".into(), UnitKind::Program)
        ]
    );
    assert_eq!(
        p.unit("job:PAYROLL").map(|u| u.reason.as_str()),
        Some("job PAYROLL runs PRIVATE; no dependencies")
    );
    // A job running only utilities or shared programs has no unit.
    assert!(p.unit("job:OTHER").is_none());
}

#[test]
fn slice_by_job_at_scale_keeps_every_program_once_and_waves_ordered() {
    let (programs, cbs) = synthetic_estate(2_000, 400, 7);
    // Jobs running every 50th program; their callees join them when no other job reaches them.
    let jobs: Vec<crate::JclJob> = (0..40)
        .map(|j| {
            let names: Vec<&str> = programs
                .iter()
                .skip(j * 50)
                .take(3)
                .map(|p| p.name.as_str())
                .collect();
            job(&format!("JOB{j:03}"), &names)
        })
        .collect();
    let p = by_job(&programs, &cbs, &jobs);
    assert_waves_ordered(&p);
    let mut seen = std::collections::BTreeSet::new();
    for u in p.units.iter().filter(|u| u.kind != UnitKind::Layout) {
        for m in &u.programs {
            assert!(seen.insert(m.clone()), "{m} is in two units");
        }
    }
    assert_eq!(seen.len(), 2_000);
    assert!(p.units.iter().any(|u| u.kind == UnitKind::Job));
    let names: std::collections::BTreeSet<&str> = p.units.iter().map(|u| u.name.as_str()).collect();
    assert_eq!(names.len(), p.units.len(), "unit names are unique");
}

#[test]
fn slice_parses_program_and_job_only() {
    assert_eq!("job".parse::<Slice>(), Ok(Slice::Job));
    assert_eq!(" Program ".parse::<Slice>(), Ok(Slice::Program));
    assert!("section".parse::<Slice>().is_err());
    assert_eq!(Slice::default(), Slice::Program);
    assert_eq!(Slice::Job.to_string(), "job");
}
