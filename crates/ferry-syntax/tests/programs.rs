//! Realistic programs (`tests/programs/*.cbl`, each accepted by `cobc -fsyntax-only -free`, with EXEC
//! blocks replaced by CONTINUE for DB2/CICS ones) must parse without a single error.

use ferry_syntax::ast::*;

fn parse_clean(name: &str) -> SourceUnit {
    let path = format!("{}/tests/programs/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("read program");
    let parsed = ferry_syntax::parse(&text);
    let errors: Vec<String> = parsed
        .errors
        .iter()
        .map(|e| {
            let line = text[..e.span.start].matches('\n').count() + 1;
            format!("{name}:{line}: {}", e.message)
        })
        .collect();
    assert!(
        errors.is_empty(),
        "unexpected errors:\n{}",
        errors.join("\n")
    );
    parsed.unit
}

#[test]
fn every_program_parses_cleanly() {
    let dir = format!("{}/tests/programs", env!("CARGO_MANIFEST_DIR"));
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("programs dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".cbl"))
        .collect();
    names.sort();
    assert!(
        names.len() >= 7,
        "expected the realistic programs, found {names:?}"
    );
    for n in names {
        let unit = parse_clean(&n);
        assert!(!unit.programs.is_empty(), "{n}: no program");
        for p in &unit.programs {
            assert!(
                p.procedure.is_some(),
                "{n}: {} has no PROCEDURE DIVISION",
                p.name
            );
        }
    }
}
