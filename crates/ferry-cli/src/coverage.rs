//! Statement, paragraph and branch coverage of the original COBOL.
//!
//! At translate time every unit records what can be covered: the line of every statement, every named
//! paragraph and section, and the first statement of every IF/EVALUATE arm ([`Coverable`], kept in
//! the state). Scenarios recorded under GnuCOBOL with tracing carry what they executed
//! (`expected/coverage.json`). The report joins the two per unit, over the scenarios that run the
//! unit's programs, and lists what was never executed: equivalence is not claimed for those lines.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use ferry_syntax::ast::{Program, Statement, StatementKind};
use serde::{Deserialize, Serialize};

use crate::estate::ScannedProgram;

/// A place in the original sources.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Point {
    pub file: String,
    pub line: u32,
}

/// A named paragraph or section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Procedure {
    pub name: String,
    pub at: Point,
}

/// One arm of an IF or EVALUATE, recognised as taken when its first statement ran.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Arm {
    /// `IF` or `EVALUATE`, where it is, and which arm (`THEN`, `ELSE`, `WHEN 2`, `OTHER`).
    pub statement: String,
    pub at: Point,
    pub arm: String,
    pub first: Point,
}

/// What can be covered in one program (nested programs have their own).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Coverable {
    pub program: String,
    /// File -> lines where a statement starts, sorted.
    pub statements: BTreeMap<String, Vec<u32>>,
    pub procedures: Vec<Procedure>,
    pub arms: Vec<Arm>,
}

/// The coverables of a scanned program and the programs nested in it.
pub fn coverables(p: &ScannedProgram, root: &Path) -> Vec<Coverable> {
    let mut out = Vec::new();
    collect(&p.program, &|off| p.locate(root, off), &mut out);
    out
}

fn collect(
    program: &Program,
    locate: &dyn Fn(usize) -> (String, u32, u32),
    out: &mut Vec<Coverable>,
) {
    let at = |off: usize| {
        let (file, line, _) = locate(off);
        Point { file, line }
    };
    let mut c = Coverable {
        program: program.name.to_ascii_uppercase(),
        ..Coverable::default()
    };
    let mut lines: BTreeMap<String, BTreeSet<u32>> = BTreeMap::new();
    if let Some(proc) = &program.procedure {
        for section in proc.declaratives.iter().chain(&proc.sections) {
            if let Some(name) = &section.name {
                c.procedures.push(Procedure {
                    name: name.to_ascii_uppercase(),
                    at: at(section.span.start),
                });
            }
            for para in &section.paragraphs {
                if let Some(name) = &para.name {
                    c.procedures.push(Procedure {
                        name: name.to_ascii_uppercase(),
                        at: at(para.span.start),
                    });
                }
                for sentence in &para.sentences {
                    ferry_graph::facts::for_each_statement(&sentence.statements, &mut |s| {
                        let p = at(s.span.start);
                        lines.entry(p.file.clone()).or_default().insert(p.line);
                        arms(s, &at, &mut c.arms);
                    });
                }
            }
        }
    }
    c.statements = lines
        .into_iter()
        .map(|(f, ls)| (f, ls.into_iter().collect()))
        .collect();
    out.push(c);
    for n in &program.nested {
        collect(n, locate, out);
    }
}

fn arms(s: &Statement, at: &dyn Fn(usize) -> Point, out: &mut Vec<Arm>) {
    let mut arm = |statement: &str, label: String, body: &[Statement]| {
        if let Some(first) = body.first() {
            out.push(Arm {
                statement: statement.into(),
                at: at(s.span.start),
                arm: label,
                first: at(first.span.start),
            });
        }
    };
    match &s.kind {
        StatementKind::If {
            then_branch,
            else_branch,
            ..
        } => {
            arm("IF", "THEN".into(), then_branch);
            if let Some(e) = else_branch {
                arm("IF", "ELSE".into(), e);
            }
        }
        StatementKind::Evaluate { whens, other, .. } => {
            for (i, w) in whens.iter().enumerate() {
                arm("EVALUATE", format!("WHEN #{}", i + 1), &w.statements);
            }
            if let Some(o) = other {
                arm("EVALUATE", "OTHER".into(), o);
            }
        }
        _ => {}
    }
}

/// Joins what can be covered with what the runs executed.
pub fn unit_coverage(
    coverables: &[Coverable],
    runs: &ferry_verify::Coverage,
) -> ferry_report::Coverage {
    let mut u = ferry_report::Coverage::default();
    let empty = ferry_verify::ProgramCoverage::default();
    for c in coverables {
        let ran = runs.programs.get(&c.program).unwrap_or(&empty);
        let executed = |p: &Point| {
            ran.lines
                .get(&p.file)
                .is_some_and(|ls| ls.binary_search(&p.line).is_ok())
        };
        for (file, lines) in &c.statements {
            for &line in lines {
                u.statements += 1;
                if executed(&Point {
                    file: file.clone(),
                    line,
                }) {
                    u.statements_executed += 1;
                } else {
                    u.never_executed.push(format!("{file}:{line}"));
                }
            }
        }
        for p in &c.procedures {
            u.procedures += 1;
            if ran.paragraphs.binary_search(&p.name).is_ok() {
                u.procedures_executed += 1;
            } else {
                u.procedures_never_executed.push(format!(
                    "{}: {} ({}:{})",
                    c.program, p.name, p.at.file, p.at.line
                ));
            }
        }
        for a in &c.arms {
            u.arms += 1;
            if executed(&a.first) {
                u.arms_taken += 1;
            } else {
                u.arms_never_taken.push(format!(
                    "{} at {}:{}: {}",
                    a.statement, a.at.file, a.at.line, a.arm
                ));
            }
        }
    }
    u
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cov() -> Coverable {
        Coverable {
            program: "T".into(),
            statements: BTreeMap::from([("t.cbl".to_string(), vec![8, 9, 11, 13])]),
            procedures: vec![
                Procedure {
                    name: "MAIN".into(),
                    at: Point {
                        file: "t.cbl".into(),
                        line: 7,
                    },
                },
                Procedure {
                    name: "NEVER".into(),
                    at: Point {
                        file: "t.cbl".into(),
                        line: 12,
                    },
                },
            ],
            arms: vec![
                Arm {
                    statement: "IF".into(),
                    at: Point {
                        file: "t.cbl".into(),
                        line: 8,
                    },
                    arm: "THEN".into(),
                    first: Point {
                        file: "t.cbl".into(),
                        line: 9,
                    },
                },
                Arm {
                    statement: "IF".into(),
                    at: Point {
                        file: "t.cbl".into(),
                        line: 8,
                    },
                    arm: "ELSE".into(),
                    first: Point {
                        file: "t.cbl".into(),
                        line: 11,
                    },
                },
            ],
        }
    }

    #[test]
    fn lines_paragraphs_and_arms_never_executed_are_listed() {
        let trace = "Source: '/e/t.cbl'\nProgram-Id: T   Paragraph: MAIN   Line: 7\nProgram-Id: T   IF   Line: 8\nProgram-Id: T   DISPLAY   Line: 9\n";
        let runs = ferry_verify::Coverage::from_trace(trace, Path::new("/e"));
        let u = unit_coverage(&[cov()], &runs);
        assert_eq!((u.statements, u.statements_executed), (4, 2));
        assert_eq!(u.never_executed, vec!["t.cbl:11", "t.cbl:13"]);
        assert_eq!(u.procedures_never_executed, vec!["T: NEVER (t.cbl:12)"]);
        assert_eq!(u.arms_never_taken, vec!["IF at t.cbl:8: ELSE"]);
        assert_eq!((u.arms, u.arms_taken), (2, 1));
    }

    #[test]
    fn a_program_no_run_reached_is_not_covered_at_all() {
        let u = unit_coverage(&[cov()], &ferry_verify::Coverage::default());
        assert_eq!(u.statements_executed, 0);
        assert_eq!(u.never_executed.len(), 4);
    }
}
