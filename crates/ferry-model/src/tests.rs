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

#[test]
fn synchronized_binary_items_get_slack_bytes_from_the_record_start() {
    // cobc 3.1.2: X, S9(9) COMP SYNC puts the binary item at 4; S9(4) COMP-5 SYNC after 9 bytes
    // at 10; a nested group does not restart the count (see corpus nucleus-move/MOVESYNC).
    let m = model(
        "       01 G.\n          05 A PIC X.\n          05 B PIC S9(9) COMP SYNC.\n          05 C PIC X.\n          05 D PIC S9(4) COMP-5 SYNC.\n          05 N.\n             10 N1 PIC X.\n             10 N2 PIC S9(9) COMP SYNC.\n          05 F PIC 9(3) SYNC.",
    );
    let at = |n: &str| m.items[m.resolve(&r(n, &[])).unwrap()].offset;
    assert_eq!(
        (at("B"), at("C"), at("D"), at("N"), at("N2"), at("F")),
        (4, 8, 10, 12, 16, 20)
    );
    assert_eq!(m.items[m.resolve(&r("G", &[])).unwrap()].size, 23);
    assert!(m.errors.is_empty(), "{:?}", m.errors);
    let t = model(
        "       01 G.\n          05 A PIC X.\n          05 T OCCURS 3.\n             10 T1 PIC X.\n             10 T2 PIC S9(9) COMP SYNC.",
    );
    assert!(
        t.errors.iter().any(|e| e.message.contains("inside OCCURS")),
        "{:?}",
        t.errors
    );
}

#[test]
fn blank_when_zero_makes_a_numeric_item_edited() {
    let m =
        model("       01 Q PIC 9(3) BLANK WHEN ZERO.\n       01 Q2 PIC 9(3)V99 BLANK WHEN ZERO.");
    let q = &m.items[m.resolve(&r("Q", &[])).unwrap()];
    assert!(
        matches!(
            q.kind,
            ItemKind::NumericEdited {
                blank_when_zero: true,
                ..
            }
        ),
        "{:?}",
        q.kind
    );
    assert_eq!(q.size, 3);
    assert!(
        m.errors
            .iter()
            .any(|e| e.message.contains("implied decimal point")),
        "{:?}",
        m.errors
    );
}

/// cobc -std=ibm: binary-size 2-4-8 for COMP / BINARY / COMP-4, COMP-5 unchanged (1-2-4-8).
#[test]
fn ibm_binary_sizes() {
    let src = "       01 REC.\n          05 A PIC 9 COMP.\n          05 B PIC S99 BINARY.\n          05 C PIC 9(4) COMP-4.\n          05 D PIC 9(5) COMP.\n          05 E PIC 99 COMP-5.\n          05 F PIC 9(10) COMP.";
    let text = format!(
        "       IDENTIFICATION DIVISION.\n       PROGRAM-ID. T.\n       DATA DIVISION.\n       WORKING-STORAGE SECTION.\n{src}\n       PROCEDURE DIVISION.\n           STOP RUN.\n"
    );
    let parsed = ferry_syntax::parse(&text);
    let program = &parsed.unit.programs[0];
    let size = |m: &ProgramModel, n: &str| m.items[m.resolve(&r(n, &[])).unwrap()].size;
    let ibm = build_dialect(program, Dialect::Ibm);
    let def = build(program);
    let names = ["A", "B", "C", "D", "E", "F", "REC"];
    let got: Vec<usize> = names.iter().map(|n| size(&ibm, n)).collect();
    assert_eq!(got, vec![2, 2, 2, 4, 1, 8, 19]);
    let got: Vec<usize> = names.iter().map(|n| size(&def, n)).collect();
    assert_eq!(got, vec![1, 1, 2, 4, 1, 8, 17]);
    let a = &ibm.items[ibm.resolve(&r("A", &[])).unwrap()];
    assert!(matches!(
        a.kind,
        ItemKind::Numeric {
            usage: NumUsage::BinaryIbm,
            ..
        }
    ));
}
