//! Error recovery is local: one bad statement or entry must not lose the rest of the program, and
//! every problem is reported with a span and a readable message. Parsing never panics.

use ferry_syntax::ast::*;

fn paragraphs(unit: &SourceUnit) -> Vec<String> {
    unit.programs[0]
        .procedure
        .as_ref()
        .expect("procedure division")
        .sections
        .iter()
        .flat_map(|s| s.paragraphs.iter())
        .filter_map(|p| p.name.clone())
        .collect()
}

const HEAD: &str = "IDENTIFICATION DIVISION.\nPROGRAM-ID. REC.\nDATA DIVISION.\nWORKING-STORAGE SECTION.\n01 A PIC 9.\n01 B PIC 9.\nPROCEDURE DIVISION.\n";

#[test]
fn garbage_statement_keeps_following_paragraphs() {
    let text = format!(
        "{HEAD}P1.\n    MOVE 1 TO A\n    FROBNICATE A WITH B THEN SOME.\n    DISPLAY A.\nP2.\n    ADD 1 TO B.\nP3.\n    STOP RUN.\n"
    );
    let parsed = ferry_syntax::parse(&text);
    assert!(!parsed.errors.is_empty());
    assert_eq!(paragraphs(&parsed.unit), ["P1", "P2", "P3"]);
    let at = text.find("FROBNICATE").unwrap();
    assert!(
        parsed
            .errors
            .iter()
            .any(|e| e.span.end > at && e.span.start < at + 40),
        "{:?}",
        parsed.errors
    );
    let p2 = &parsed.unit.programs[0].procedure.as_ref().unwrap().sections[0].paragraphs[1];
    assert!(matches!(
        p2.sentences[0].statements[0].kind,
        StatementKind::Add { .. }
    ));
}

#[test]
fn broken_statement_in_the_middle_of_a_sentence() {
    let text =
        format!("{HEAD}P1.\n    MOVE 1 TO A\n    MOVE TO\n    DISPLAY B.\nP2.\n    STOP RUN.\n");
    let parsed = ferry_syntax::parse(&text);
    assert!(!parsed.errors.is_empty());
    assert_eq!(paragraphs(&parsed.unit), ["P1", "P2"]);
}

#[test]
fn missing_period_before_paragraph_is_reported() {
    let text = format!("{HEAD}P1.\n    MOVE 1 TO A\nP2.\n    STOP RUN.\n");
    let parsed = ferry_syntax::parse(&text);
    assert!(
        parsed.errors.iter().any(|e| e
            .message
            .contains("missing separator period before paragraph P2")),
        "{:?}",
        parsed.errors
    );
}

#[test]
fn bad_data_entry_keeps_other_entries_and_procedure() {
    let text = "IDENTIFICATION DIVISION.\nPROGRAM-ID. REC.\nDATA DIVISION.\nWORKING-STORAGE SECTION.\n01 A PIC 9.\n01 B PIC 9 FOO BAR.\n01 C PIC X.\nPROCEDURE DIVISION.\nP1.\n    DISPLAY C.\n";
    let parsed = ferry_syntax::parse(text);
    assert!(!parsed.errors.is_empty());
    let ws: Vec<_> = parsed.unit.programs[0]
        .data
        .working_storage
        .iter()
        .filter_map(|d| d.name.clone())
        .collect();
    assert!(
        ws.contains(&"A".to_string()) && ws.contains(&"C".to_string()),
        "{ws:?}"
    );
    assert_eq!(paragraphs(&parsed.unit), ["P1"]);
}

#[test]
fn scope_errors_are_reported_by_the_lowering() {
    let text = format!("{HEAD}P1.\n    DISPLAY B ELSE DISPLAY A.\n    DISPLAY A END-IF.\n    DISPLAY B AT END DISPLAY A.\n    PERFORM DISPLAY A.\nP2.\n    STOP RUN.\n");
    let parsed = ferry_syntax::parse(&text);
    let msgs: Vec<&str> = parsed.errors.iter().map(|e| e.message.as_str()).collect();
    assert!(msgs.iter().any(|m| m.contains("ELSE")), "{msgs:?}");
    assert!(
        msgs.iter()
            .any(|m| m.contains("END-IF without a matching statement")),
        "{msgs:?}"
    );
    assert!(
        msgs.iter().any(|m| m.contains("does not belong")),
        "{msgs:?}"
    );
    assert!(
        msgs.iter().any(|m| m.contains("without END-PERFORM")),
        "{msgs:?}"
    );
    assert_eq!(paragraphs(&parsed.unit), ["P1", "P2"]);
}

#[test]
fn unsupported_constructs_are_reported_not_dropped() {
    let text = "IDENTIFICATION DIVISION.\nPROGRAM-ID. REC.\nDATA DIVISION.\nWORKING-STORAGE SECTION.\n01 B PIC X(4) BASED.\nPROCEDURE DIVISION.\n    GOBACK.\n";
    let parsed = ferry_syntax::parse(text);
    let msgs: Vec<&str> = parsed.errors.iter().map(|e| e.message.as_str()).collect();
    assert!(
        msgs.iter().any(|m| m.contains("BASED clause not lowered")),
        "{msgs:?}"
    );
}

#[test]
fn sort_collating_sequence_is_lowered() {
    let text = "IDENTIFICATION DIVISION.\nPROGRAM-ID. REC.\nPROCEDURE DIVISION.\n    SORT F ON ASCENDING KEY K COLLATING SEQUENCE IS S USING A GIVING B\n    GOBACK.\n";
    let parsed = ferry_syntax::parse(text);
    assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
    let json = serde_json::to_string(&parsed.unit).unwrap();
    assert!(json.contains(r#""collating":"S""#), "{json}");
}

#[test]
fn screens_stop_literal_and_goback_returning_are_lowered() {
    let text = "IDENTIFICATION DIVISION.\nPROGRAM-ID. REC.\nDATA DIVISION.\nSCREEN SECTION.\n01 SCR.\n   05 LINE 1 COL 1 VALUE \"HELLO\".\nPROCEDURE DIVISION.\n    DISPLAY SCR\n    STOP \"WAIT\"\n    GOBACK RETURNING 3.\n";
    let parsed = ferry_syntax::parse(text);
    assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
    let p = &parsed.unit.programs[0];
    assert_eq!(p.data.screen.len(), 1);
    assert_eq!(p.data.screen[0].children.len(), 1);
    let kinds: Vec<&StatementKind> = p.procedure.as_ref().unwrap().sections[0].paragraphs[0]
        .sentences[0]
        .statements
        .iter()
        .map(|s| &s.kind)
        .collect();
    assert!(
        matches!(kinds[0], StatementKind::DisplayScreen { .. }),
        "{kinds:?}"
    );
    assert!(
        matches!(kinds[1], StatementKind::StopLiteral { .. }),
        "{kinds:?}"
    );
    assert!(
        matches!(
            kinds[2],
            StatementKind::ReturnWith {
                exit_program: false,
                ..
            }
        ),
        "{kinds:?}"
    );
}

#[test]
fn at_end_after_display_is_still_an_error() {
    let text = format!("{HEAD}P1.\n    DISPLAY B AT END DISPLAY A.\n");
    let parsed = ferry_syntax::parse(&text);
    let msgs: Vec<&str> = parsed.errors.iter().map(|e| e.message.as_str()).collect();
    assert!(msgs.iter().any(|m| m.contains("AT END")), "{msgs:?}");
}

#[test]
fn error_messages_say_what_was_found() {
    let text = format!("{HEAD}P1.\n    MOVE 1 TO A\n    ) ) ).\n    DISPLAY A.\n");
    let parsed = ferry_syntax::parse(&text);
    assert!(
        parsed
            .errors
            .iter()
            .any(|e| e.message.contains("unexpected `)")),
        "{:?}",
        parsed.errors
    );
}

#[test]
fn never_panics_on_arbitrary_input() {
    let samples = [
        "",
        "   \n\n",
        ".",
        "IDENTIFICATION",
        "IDENTIFICATION DIVISION.",
        "PROCEDURE DIVISION. MOVE",
        "IDENTIFICATION DIVISION. PROGRAM-ID. X. PROCEDURE DIVISION. IF IF IF ELSE ELSE END-IF END-IF.",
        "01 A PIC X. 01 B.",
        "\"unterminated",
        "EXEC SQL SELECT",
        "IDENTIFICATION DIVISION. PROGRAM-ID. X. DATA DIVISION. WORKING-STORAGE SECTION. 05 A PIC X. 88 B. 66 C.",
        "IDENTIFICATION DIVISION. PROGRAM-ID. X. PROCEDURE DIVISION. COMPUTE X = ((( 1 + .",
        "\u{0}\u{1}\u{7f}ÿ€ MOVE X\"4\" TO Y.",
    ];
    for s in samples {
        let _ = ferry_syntax::parse(s);
    }
    // every prefix of a realistic program
    let text = std::fs::read_to_string(format!(
        "{}/tests/fixtures/control.cbl",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    for cut in (0..text.len()).step_by(7) {
        if text.is_char_boundary(cut) {
            let _ = ferry_syntax::parse(&text[..cut]);
        }
    }
}
