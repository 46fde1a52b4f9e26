//! Literals keep the bytes of the original file: a Latin-1 source (not valid UTF-8) is decoded one
//! character per byte for parsing, and `parse_preprocessed` turns its literals back into those bytes.

use ferry_syntax::ast::{Literal, Operand, StatementKind};

fn display_literals(parsed: &ferry_syntax::Parsed) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    for p in &parsed.unit.programs {
        let Some(proc) = &p.procedure else { continue };
        for s in &proc.sections {
            for para in &s.paragraphs {
                for sen in &para.sentences {
                    for st in &sen.statements {
                        if let StatementKind::Display { items, .. } = &st.kind {
                            for i in items {
                                if let Operand::Literal(Literal::Alphanumeric(b)) = i {
                                    out.push(b.clone());
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    out
}

fn program(literal: &[u8], copy: bool) -> Vec<u8> {
    let mut src = b"       IDENTIFICATION DIVISION.\n       PROGRAM-ID. LAT1.\n       PROCEDURE DIVISION.\n           DISPLAY \"".to_vec();
    src.extend_from_slice(literal);
    src.extend_from_slice(b"\"\n");
    if copy {
        src.extend_from_slice(b"           COPY LATMSG.\n");
    }
    src.extend_from_slice(b"           STOP RUN.\n");
    src
}

fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("ferry-latin1-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

#[test]
fn latin1_literals_keep_their_original_bytes() {
    let dir = scratch("l1");
    // "Gérard Müller" in Latin-1: é = E9, ü = FC (not valid UTF-8).
    let lit = b"G\xe9rard M\xfcller";
    let path = dir.join("LAT1.cbl");
    std::fs::write(&path, program(lit, false)).unwrap();
    let pre = ferry_source::preprocess_file(&path, &Default::default());
    let parsed = ferry_syntax::parse_preprocessed(&pre);
    assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
    assert_eq!(display_literals(&parsed), vec![lit.to_vec()]);
    // The text-only entry point sees UTF-8 text and keeps its bytes.
    let plain = ferry_syntax::parse(&pre.text);
    assert_eq!(
        display_literals(&plain),
        vec!["Gérard Müller".as_bytes().to_vec()]
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn utf8_literals_and_latin1_copybooks_are_each_kept_as_written() {
    let dir = scratch("mix");
    let path = dir.join("MIX.cbl");
    std::fs::write(&path, program("Gérard".as_bytes(), true)).unwrap();
    std::fs::write(
        dir.join("LATMSG.cpy"),
        b"           DISPLAY \"Ni\xf1o\"\n".as_slice(),
    )
    .unwrap();
    let pre = ferry_source::preprocess_file(&path, &Default::default());
    assert!(pre.diagnostics.is_empty(), "{:?}", pre.diagnostics);
    let parsed = ferry_syntax::parse_preprocessed(&pre);
    assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
    assert_eq!(
        display_literals(&parsed),
        vec!["Gérard".as_bytes().to_vec(), b"Ni\xf1o".to_vec()]
    );
    let _ = std::fs::remove_dir_all(&dir);
}
