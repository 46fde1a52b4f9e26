//! The built-in agent under `dialect = "ibm"`: what it carries (binary sizes, DISPLAY without
//! pretty-display, ASSIGN external, NUMERIC with hostsign) and what it refuses.

mod common;

use ferry_model::Dialect;
use ferry_translate::UnitOutput;

fn translate(proc_: &str, dialect: Dialect) -> UnitOutput {
    let text = format!(
        "       IDENTIFICATION DIVISION.
       PROGRAM-ID. T.
       ENVIRONMENT DIVISION.
       INPUT-OUTPUT SECTION.
       FILE-CONTROL.
           SELECT F ASSIGN TO FNAME ORGANIZATION LINE SEQUENTIAL.
       DATA DIVISION.
       FILE SECTION.
       FD F.
       01 R PIC X(10).
       WORKING-STORAGE SECTION.
       01 FNAME PIC X(8) VALUE \"OTHER\".
       01 U4 PIC 9(4) COMP.
       01 S4 PIC S9(4) COMP.
       01 A PIC S9(5)V99.
       01 B PIC S9(5)V99.
       01 P PIC S9(5) COMP-3.
       01 BUF PIC X(10).
       PROCEDURE DIVISION.
{proc_}
           STOP RUN.
"
    );
    common::translate_text(&text, dialect)
}

fn constructs(out: &UnitOutput) -> Vec<String> {
    out.untranslated
        .iter()
        .map(|u| u.construct.clone())
        .collect()
}

#[test]
fn carried_under_ibm() {
    let out = translate(
        "       P0.
           MOVE 12345 TO U4
           ADD 1 TO U4
           COMPUTE A = A / B
           DISPLAY U4 \" \" A \" \" 1.5
           IF P IS NUMERIC DISPLAY \"N\" END-IF
           MOVE BUF(1:5) TO BUF(6:5)
           PERFORM P1.
       P1.
           DISPLAY \"P1\".",
        Dialect::Ibm,
    );
    assert!(out.untranslated.is_empty(), "{:?}", out.untranslated);
    let code = &out.files["src/lib.rs"];
    assert!(code.contains("NumField::binary_ibm("), "{code}");
    assert!(code.contains("rt::display_ibm("), "{code}");
    assert!(
        code.contains("b\"15\""),
        "the literal 1.5 shows as 15: {code}"
    );
    assert!(code.contains("rt::is_numeric_ibm("), "{code}");
    // ASSIGN TO FNAME: the external name, not the data item (which the default refuses)
    assert!(code.contains("\"FNAME\""), "{code}");
    let default = translate("           DISPLAY U4.", Dialect::Default);
    assert_eq!(constructs(&default), vec!["ASSIGN TO data-name"]);
}

#[test]
fn refused_under_ibm() {
    let out = translate(
        "       P0.
           COMPUTE A ROUNDED = A / B * B
           COMPUTE A = A + 1.5 * B
           MOVE BUF(1:9) TO BUF(2:9)
           SUBTRACT 1 FROM U4
           DISPLAY FUNCTION ABS(A)
           PERFORM P1 THRU P2.
       P1.
           PERFORM P2 THRU P3.
       P2.
           DISPLAY \"P2\".
       P3.
           DISPLAY \"P3\".",
        Dialect::Ibm,
    );
    let got = constructs(&out);
    for want in [
        "arithmetic expression (dialect ibm)",
        "MOVE (dialect ibm)",
        "ADD/SUBTRACT (dialect ibm)",
        "DISPLAY (dialect ibm)",
        "PERFORM (dialect ibm)",
    ] {
        assert!(got.iter().any(|c| c == want), "{want} not in {got:?}");
    }
    assert_eq!(
        got.iter()
            .filter(|c| *c == "arithmetic expression (dialect ibm)")
            .count(),
        2
    );
}
