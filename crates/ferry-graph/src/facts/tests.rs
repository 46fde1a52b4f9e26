use std::path::Path;

use ferry_source::CopyUse;
use ferry_syntax::ast::*;

use super::*;

pub(crate) fn sp() -> Span {
    Span::default()
}

pub(crate) fn dref(name: &str) -> DataRef {
    DataRef {
        name: name.to_string(),
        qualifiers: vec![],
        subscripts: vec![],
        refmod: None,
        span: sp(),
    }
}

pub(crate) fn alnum(s: &str) -> Literal {
    Literal::Alphanumeric(s.as_bytes().to_vec())
}

pub(crate) fn st(kind: StatementKind) -> Statement {
    Statement { kind, span: sp() }
}

pub(crate) fn call_lit(name: &str) -> Statement {
    st(StatementKind::Call {
        program: Operand::Literal(alnum(name)),
        using: vec![],
        returning: None,
        exception: Handlers::default(),
    })
}

pub(crate) fn call_id(name: &str) -> Statement {
    st(StatementKind::Call {
        program: Operand::Ref(dref(name)),
        using: vec![],
        returning: None,
        exception: Handlers::default(),
    })
}

pub(crate) fn mv(from: Operand, to: &str) -> Statement {
    st(StatementKind::Move {
        from,
        to: vec![dref(to)],
        corresponding: false,
    })
}

pub(crate) fn perform(target: &str) -> Statement {
    st(StatementKind::Perform {
        target: Some(PerformRange {
            from: target.to_string(),
            thru: None,
            from_section: None,
        }),
        kind: PerformKind::Once,
        body: None,
    })
}

pub(crate) fn item(level: u8, name: &str, value: Option<Literal>) -> DataItem {
    DataItem {
        level,
        name: Some(name.to_string()),
        picture: Some("X(8)".into()),
        usage: Usage::Display,
        sign: None,
        occurs: None,
        redefines: None,
        renames: None,
        justified_right: false,
        blank_when_zero: false,
        synchronized: false,
        external: false,
        global: false,
        value,
        condition_values: vec![],
        condition_false: None,
        children: vec![],
        span: sp(),
    }
}

pub(crate) fn para(name: Option<&str>, statements: Vec<Statement>) -> Paragraph {
    Paragraph {
        name: name.map(String::from),
        sentences: vec![Sentence {
            statements,
            span: sp(),
        }],
        span: sp(),
    }
}

pub(crate) fn program(name: &str, ws: Vec<DataItem>, paragraphs: Vec<Paragraph>) -> Program {
    Program {
        name: name.to_string(),
        is_common: false,
        is_initial: false,
        span: sp(),
        environment: Environment::default(),
        data: DataDivision {
            working_storage: ws,
            ..DataDivision::default()
        },
        procedure: Some(ProcedureDivision {
            sections: vec![Section {
                name: None,
                use_statement: None,
                paragraphs,
                span: sp(),
            }],
            ..ProcedureDivision::default()
        }),
        nested: vec![],
    }
}

fn cond() -> Condition {
    Condition::ConditionName(dref("FLAG"))
}

#[test]
fn static_call() {
    let p = program(
        "MAIN",
        vec![],
        vec![para(Some("A"), vec![call_lit("paycalc  ")])],
    );
    let f = ProgramFacts::from_program(&p, Path::new("MAIN.cbl"), &[]);
    assert_eq!(f.calls.len(), 1);
    assert_eq!(f.calls[0].resolution, Resolution::Static);
    assert_eq!(f.calls[0].targets, vec!["PAYCALC"]);
}

#[test]
fn dynamic_call_resolved_by_value() {
    let ws = vec![item(1, "WS-PGM", Some(alnum("SUBPGM")))];
    let p = program("MAIN", ws, vec![para(Some("A"), vec![call_id("WS-PGM")])]);
    let f = ProgramFacts::from_program(&p, Path::new("MAIN.cbl"), &[]);
    assert_eq!(f.calls[0].resolution, Resolution::Dynamic);
    assert_eq!(f.calls[0].targets, vec!["SUBPGM"]);
    assert_eq!(f.calls[0].via.as_deref(), Some("WS-PGM"));
}

#[test]
fn dynamic_call_with_literal_moves_has_all_values() {
    let ws = vec![item(1, "WS-PGM", Some(alnum("SUBA")))];
    let body = vec![
        st(StatementKind::If {
            condition: cond(),
            then_branch: vec![mv(Operand::Literal(alnum("SUBB")), "WS-PGM")],
            else_branch: None,
        }),
        call_id("WS-PGM"),
    ];
    let p = program("MAIN", ws, vec![para(Some("A"), body)]);
    let f = ProgramFacts::from_program(&p, Path::new("MAIN.cbl"), &[]);
    assert_eq!(f.calls[0].resolution, Resolution::Dynamic);
    assert_eq!(f.calls[0].targets, vec!["SUBA", "SUBB"]);
}

#[test]
fn dynamic_call_unresolved_with_candidates() {
    // VALUE present but a non-literal MOVE into it.
    let ws = vec![
        item(1, "WS-PGM", Some(alnum("SUBA"))),
        item(1, "WS-IN", None),
    ];
    let body = vec![
        mv(Operand::Ref(dref("WS-IN")), "WS-PGM"),
        mv(Operand::Literal(alnum("SUBC")), "WS-PGM"),
        call_id("WS-PGM"),
    ];
    let p = program("MAIN", ws, vec![para(Some("A"), body)]);
    let f = ProgramFacts::from_program(&p, Path::new("MAIN.cbl"), &[]);
    assert_eq!(f.calls[0].resolution, Resolution::Unresolved);
    assert_eq!(f.calls[0].targets, vec!["SUBA", "SUBC"]);

    // No VALUE: literals moved in are only candidates.
    let ws = vec![item(1, "WS-PGM", None)];
    let p = program(
        "MAIN",
        ws,
        vec![para(
            Some("A"),
            vec![
                mv(Operand::Literal(alnum("SUBD")), "WS-PGM"),
                call_id("WS-PGM"),
            ],
        )],
    );
    let f = ProgramFacts::from_program(&p, Path::new("MAIN.cbl"), &[]);
    assert_eq!(f.calls[0].resolution, Resolution::Unresolved);
    assert_eq!(f.calls[0].targets, vec!["SUBD"]);

    // Unknown identifier, nothing known.
    let p = program(
        "MAIN",
        vec![],
        vec![para(Some("A"), vec![call_id("NOWHERE")])],
    );
    let f = ProgramFacts::from_program(&p, Path::new("MAIN.cbl"), &[]);
    assert_eq!(f.calls[0].resolution, Resolution::Unresolved);
    assert!(f.calls[0].targets.is_empty());
}

#[test]
fn write_to_enclosing_group_defeats_propagation() {
    let mut group = item(1, "WS-AREA", None);
    group.children.push(item(5, "WS-PGM", Some(alnum("SUBA"))));
    let body = vec![
        st(StatementKind::Initialize {
            targets: vec![dref("WS-AREA")],
            replacing: vec![],
            with_filler: false,
            to_value: false,
        }),
        call_id("WS-PGM"),
    ];
    let p = program("MAIN", vec![group], vec![para(Some("A"), body)]);
    let f = ProgramFacts::from_program(&p, Path::new("MAIN.cbl"), &[]);
    assert_eq!(f.calls[0].resolution, Resolution::Unresolved);
    assert_eq!(f.calls[0].targets, vec!["SUBA"]);
}

#[test]
fn calls_found_in_nested_statements_and_handlers() {
    let inner_call = call_lit("DEEP");
    let read = st(StatementKind::Read {
        file: "F".into(),
        next: false,
        previous: false,
        into: None,
        key: None,
        at_end: Handlers {
            on: Some(vec![call_lit("ATEND")]),
            not_on: None,
        },
        invalid_key: Handlers::default(),
    });
    let eval = st(StatementKind::Evaluate {
        subjects: vec![EvaluateSubject::True],
        whens: vec![WhenClause {
            objects: vec![WhenObject::Any],
            statements: vec![inner_call],
        }],
        other: Some(vec![read]),
    });
    let perform_inline = st(StatementKind::Perform {
        target: None,
        kind: PerformKind::Until {
            test_after: false,
            condition: cond(),
        },
        body: Some(vec![eval]),
    });
    let p = program("MAIN", vec![], vec![para(Some("A"), vec![perform_inline])]);
    let f = ProgramFacts::from_program(&p, Path::new("MAIN.cbl"), &[]);
    let names: Vec<&str> = f.calls.iter().map(|c| c.targets[0].as_str()).collect();
    assert_eq!(names, vec!["DEEP", "ATEND"]);
    assert_eq!(f.metrics.statements, 5);
    // PERFORM UNTIL + 1 WHEN + AT END + 1
    assert_eq!(f.metrics.complexity, 4);
}

#[test]
fn cancel_and_files_and_copybooks() {
    let mut p = program(
        "MAIN",
        vec![],
        vec![para(
            Some("A"),
            vec![
                st(StatementKind::Open {
                    entries: vec![
                        (OpenMode::Input, vec!["IN-FILE".into()]),
                        (OpenMode::Extend, vec!["OUT-FILE".into()]),
                    ],
                }),
                st(StatementKind::Cancel {
                    programs: vec![Operand::Literal(alnum("SUBA"))],
                }),
            ],
        )],
    );
    for (name, assign) in [
        ("IN-FILE", Assign::Name("UT-S-INFILE".into())),
        ("OUT-FILE", Assign::Literal("OUTF".into())),
    ] {
        p.environment.files.push(FileControl {
            name: name.into(),
            optional: false,
            assign,
            organization: Organization::Sequential,
            access: AccessMode::Sequential,
            record_key: None,
            alternate_keys: vec![],
            relative_key: None,
            file_status: None,
            span: sp(),
        });
    }
    let copy = CopyUse {
        name: "EMPREC".into(),
        library: None,
        resolved: None,
        replacing: true,
        file: "MAIN.cbl".into(),
        line: 3,
        column: 8,
    };
    let f = ProgramFacts::from_program(&p, Path::new("MAIN.cbl"), &[copy.clone(), copy]);
    assert_eq!(f.cancels[0].targets, vec!["SUBA"]);
    assert_eq!(f.files[0].dd_name, "INFILE");
    assert!(f.files[0].modes.contains(&FileMode::Input));
    assert_eq!(f.files[1].dd_name, "OUTF");
    assert!(f.files[1].modes.contains(&FileMode::Extend));
    assert_eq!(f.copybooks.len(), 1);
    assert!(f.copybooks[0].replacing);
}

#[test]
fn dd_names() {
    assert_eq!(dd_name("UT-S-INFILE"), "INFILE");
    assert_eq!(dd_name("S-IN"), "IN");
    assert_eq!(dd_name("EMP-FILE"), "EMP-FILE");
    assert_eq!(dd_name("data/emp.dat"), "EMP");
    assert_eq!(dd_name("payrpt"), "PAYRPT");
}

#[test]
fn flow_edges_and_dead_paragraphs() {
    let stop = st(StatementKind::StopRun { status: None });
    let goto = |t: &str| {
        st(StatementKind::GoTo {
            targets: vec![t.to_string()],
            depending_on: None,
        })
    };
    let p = program(
        "MAIN",
        vec![],
        vec![
            para(Some("MAIN-LINE"), vec![perform("WORK"), goto("FINISH")]),
            para(Some("WORK"), vec![st(StatementKind::Continue)]),
            para(Some("ORPHAN"), vec![perform("NOWHERE")]),
            para(Some("FINISH"), vec![stop]),
            para(Some("AFTER-STOP"), vec![st(StatementKind::Continue)]),
        ],
    );
    let f = ProgramFacts::from_program(&p, Path::new("MAIN.cbl"), &[]);
    assert_eq!(f.metrics.dead_paragraphs, vec!["ORPHAN", "AFTER-STOP"]);
    assert!(f.flow.contains(&FlowEdge {
        from: "MAIN-LINE".into(),
        to: "WORK".into(),
        kind: FlowKind::Performs,
        resolved: true
    }));
    assert!(f.flow.contains(&FlowEdge {
        from: "MAIN-LINE".into(),
        to: "FINISH".into(),
        kind: FlowKind::GoesTo,
        resolved: true
    }));
    assert!(f.flow.contains(&FlowEdge {
        from: "ORPHAN".into(),
        to: "NOWHERE".into(),
        kind: FlowKind::Performs,
        resolved: false
    }));
    assert_eq!(f.metrics.paragraphs, 5);
}

#[test]
fn sections_qualified_paragraphs_and_thru() {
    let p = Program {
        procedure: Some(ProcedureDivision {
            sections: vec![
                Section {
                    name: Some("MAIN-S".into()),
                    use_statement: None,
                    paragraphs: vec![para(
                        None,
                        vec![
                            st(StatementKind::Perform {
                                target: Some(PerformRange {
                                    from: "P1".into(),
                                    thru: Some("P3".into()),
                                    from_section: Some("WORK-S".into()),
                                }),
                                kind: PerformKind::Once,
                                body: None,
                            }),
                            st(StatementKind::Goback),
                        ],
                    )],
                    span: sp(),
                },
                Section {
                    name: Some("WORK-S".into()),
                    use_statement: None,
                    paragraphs: vec![
                        para(
                            Some("P1"),
                            vec![st(StatementKind::GoTo {
                                targets: vec!["P3".into()],
                                depending_on: None,
                            })],
                        ),
                        para(Some("P2"), vec![]),
                        para(Some("P3"), vec![st(StatementKind::Goback)]),
                    ],
                    span: sp(),
                },
            ],
            ..ProcedureDivision::default()
        }),
        ..program("S", vec![], vec![])
    };
    let f = ProgramFacts::from_program(&p, Path::new("S.cbl"), &[]);
    let keys: Vec<&str> = f.procedures.iter().map(|p| p.key.as_str()).collect();
    assert_eq!(
        keys,
        vec!["MAIN-S", "WORK-S", "WORK-S.P1", "WORK-S.P2", "WORK-S.P3"]
    );
    // P1 jumps over P2; the WORK-S header counts as reached through its paragraphs.
    assert_eq!(f.metrics.dead_paragraphs, vec!["WORK-S.P2"]);
    assert_eq!(f.metrics.sections, 2);
}

#[test]
fn exec_sql_and_cics() {
    let ws = vec![item(1, "WS-NEXT", Some(alnum("NEXTPGM")))];
    let body = vec![
        st(StatementKind::Exec {
            kind: ExecKind::Sql,
            text: "SELECT A INTO :H FROM EMP E, DEPT D WHERE 1=1".into(),
        }),
        st(StatementKind::Exec {
            kind: ExecKind::Sql,
            text: "INSERT INTO PAY.HIST (A) SELECT B FROM STAGE".into(),
        }),
        st(StatementKind::Exec {
            kind: ExecKind::Sql,
            text: "INCLUDE SQLCA".into(),
        }),
        st(StatementKind::Exec {
            kind: ExecKind::Cics,
            text: "LINK PROGRAM('SUBX') COMMAREA(WS-C)".into(),
        }),
        st(StatementKind::Exec {
            kind: ExecKind::Cics,
            text: "EXEC CICS XCTL PROGRAM(WS-NEXT) END-EXEC".into(),
        }),
        st(StatementKind::Exec {
            kind: ExecKind::Cics,
            text: "RETURN TRANSID('PAY1') COMMAREA(X)".into(),
        }),
    ];
    let p = program("ONL", ws, vec![para(Some("A"), body)]);
    let f = ProgramFacts::from_program(&p, Path::new("ONL.cbl"), &[]);
    let t: Vec<(&str, Access)> = f
        .tables
        .iter()
        .map(|t| (t.name.as_str(), t.access))
        .collect();
    assert_eq!(
        t,
        vec![
            ("DEPT", Access::Read),
            ("EMP", Access::Read),
            ("PAY.HIST", Access::Write),
            ("STAGE", Access::Read)
        ]
    );
    assert_eq!(f.sql_includes, vec!["SQLCA"]);
    assert_eq!(f.calls[0].mechanism, CallMechanism::CicsLink);
    assert_eq!(f.calls[0].targets, vec!["SUBX"]);
    assert_eq!(f.calls[1].mechanism, CallMechanism::CicsXctl);
    assert_eq!(f.calls[1].resolution, Resolution::Dynamic);
    assert_eq!(f.calls[1].targets, vec!["NEXTPGM"]);
    assert_eq!(f.transactions, vec!["PAY1"]);
}

#[test]
fn nested_programs() {
    let mut outer = program(
        "OUTER",
        vec![],
        vec![para(Some("A"), vec![call_lit("INNER")])],
    );
    outer.nested.push(program(
        "INNER",
        vec![],
        vec![para(Some("B"), vec![call_lit("EXT")])],
    ));
    let f = ProgramFacts::from_program(&outer, Path::new("O.cbl"), &[]);
    assert_eq!(f.nested.len(), 1);
    assert_eq!(f.nested[0].name, "INNER");
    assert_eq!(f.nested[0].calls[0].targets, vec!["EXT"]);
    assert_eq!(f.static_callees(), vec!["EXT"]);
}
