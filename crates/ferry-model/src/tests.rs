use ferry_syntax::ast::DataRef;

use super::*;

fn model(src: &str) -> ProgramModel {
    let text = format!(
        "       IDENTIFICATION DIVISION.\n       PROGRAM-ID. T.\n       DATA DIVISION.\n       WORKING-STORAGE SECTION.\n{src}\n       PROCEDURE DIVISION.\n           STOP RUN.\n"
    );
    let parsed = ferry_syntax::parse(&text);
    assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
    build(&parsed.unit.programs[0])
}

fn r(name: &str, quals: &[&str]) -> DataRef {
    DataRef {
        name: name.into(),
        qualifiers: quals.iter().map(|q| q.to_string()).collect(),
        subscripts: vec![],
        refmod: None,
        span: Default::default(),
    }
}

#[test]
fn offsets_sizes_redefines_occurs_and_conditions() {
    let m = model(
        "       01 REC.\n          05 A PIC X(3).\n          05 B PIC S9(5)V99 COMP-3.\n          05 C REDEFINES B PIC X(4).\n          05 T OCCURS 3.\n             10 T-N PIC 99 COMP.\n             10 T-X PIC X(2).\n          05 FLAG PIC X.\n             88 ON-FLAG VALUE 'Y' 'y'.\n       01 OTHER.\n          05 A PIC 9(4).",
    );
    let id = |n: &str, q: &[&str]| m.resolve(&r(n, q)).unwrap();
    let rec = &m.items[id("REC", &[])];
    assert_eq!((rec.offset, rec.size), (0, 3 + 4 + 3 * 3 + 1));
    assert_eq!(m.items[id("B", &[])].offset, 3);
    assert_eq!(m.items[id("C", &[])].offset, 3);
    let tn = &m.items[id("T-N", &[])];
    assert_eq!(
        (tn.offset, tn.size, tn.dims[0].stride, tn.dims[0].max),
        (7, 1, 3, 3)
    );
    let flag = id("FLAG", &[]);
    let cond = id("ON-FLAG", &[]);
    assert_eq!(m.items[cond].parent, Some(flag));
    assert!(matches!(m.items[cond].kind, ItemKind::Condition { .. }));
    assert!(m.resolve(&r("A", &[])).unwrap_err().contains("ambiguous"));
    assert_eq!(m.items[id("A", &["OTHER"])].offset, 17);
    assert_eq!(m.storage_size, 21);
}

#[test]
fn index_names_are_items_after_the_data() {
    let m =
        model("       01 T.\n          05 E PIC X(2) OCCURS 4 INDEXED BY IX.\n       01 Z PIC X.");
    let ix = m.resolve(&r("IX", &[])).unwrap();
    assert!(matches!(m.items[ix].kind, ItemKind::Index));
    assert_eq!((m.items[ix].offset, m.items[ix].size), (9, 4));
    assert_eq!(m.storage_size, 13);
}
