//! GnuCOBOL statements: UNLOCK, COMMIT / ROLLBACK, EXHIBIT, FREE, ALLOCATE, VALIDATE parse and
//! lower to their own statement kinds, inside and outside scopes.

use ferry_syntax::ast::*;

const PROGRAM: &str = "IDENTIFICATION DIVISION.
PROGRAM-ID. GNUSTMT.
DATA DIVISION.
WORKING-STORAGE SECTION.
01 Mixed-Name PIC X(4).
01 GRP.
   05 T PIC 9 OCCURS 3.
01 P USAGE POINTER.
01 B PIC X(8).
01 N PIC 9(4).
PROCEDURE DIVISION.
    UNLOCK F1 RECORDS
    COMMIT
    IF N = 0 ROLLBACK ELSE COMMIT END-IF
    EXHIBIT NAMED MIXED-NAME \"LIT\" T (2)
    EXHIBIT CHANGED NAMED N
    ALLOCATE B INITIALIZED RETURNING P
    ALLOCATE N CHARACTERS RETURNING P
    FREE ADDRESS OF B P
    VALIDATE GRP
    STOP RUN.
";

fn statements(unit: &SourceUnit) -> Vec<Statement> {
    let mut out = Vec::new();
    let proc_ = unit.programs[0].procedure.as_ref().expect("procedure");
    for s in &proc_.sections {
        for p in &s.paragraphs {
            for sentence in &p.sentences {
                ferry_syntax::walk::for_each_statement(&sentence.statements, &mut |st| {
                    out.push(st.clone())
                });
            }
        }
    }
    out
}

#[test]
fn gnucobol_statements_lower() {
    let parsed = ferry_syntax::parse(PROGRAM);
    assert_eq!(parsed.errors, Vec::new());
    let kinds = statements(&parsed.unit);
    let mut it = kinds.iter().map(|s| &s.kind);
    assert!(matches!(it.next(), Some(StatementKind::Unlock { file }) if file == "F1"));
    assert!(matches!(
        it.next(),
        Some(StatementKind::Commit { rollback: false })
    ));
    assert!(matches!(it.next(), Some(StatementKind::If { .. })));
    assert!(matches!(
        it.next(),
        Some(StatementKind::Commit { rollback: true })
    ));
    assert!(matches!(
        it.next(),
        Some(StatementKind::Commit { rollback: false })
    ));
    match it.next() {
        Some(StatementKind::Exhibit {
            named: true,
            changed: false,
            items,
            labels,
        }) => {
            assert_eq!(items.len(), 3);
            // The declared spelling, for a plain name only.
            assert_eq!(labels, &[Some("Mixed-Name".to_string()), None, None]);
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        it.next(),
        Some(StatementKind::Exhibit {
            named: true,
            changed: true,
            ..
        })
    ));
    match it.next() {
        Some(StatementKind::Allocate {
            size: None,
            item: Some(b),
            initialized: true,
            returning: Some(p),
        }) => assert_eq!((b.name.as_str(), p.name.as_str()), ("B", "P")),
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        it.next(),
        Some(StatementKind::Allocate {
            size: Some(_),
            item: None,
            initialized: false,
            ..
        })
    ));
    match it.next() {
        Some(StatementKind::Free { items }) => {
            assert!(matches!(
                items.as_slice(),
                [Operand::AddressOf(_), Operand::Ref(_)]
            ))
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(it.next(), Some(StatementKind::Validate { items }) if items.len() == 1));
}
