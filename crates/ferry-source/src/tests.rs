use std::path::Path;

use super::*;

fn fixed(lines: &[&str]) -> String {
    lines.iter().map(|l| format!("{l}\n")).collect()
}

fn pp(text: &str, opts: &PreprocessOptions) -> Preprocessed {
    preprocess_bytes(Path::new("MAIN.cbl"), text.as_bytes(), opts)
}

#[test]
fn fixed_format_blanks_sequence_and_identification_areas() {
    let src = fixed(&[
        "000100 IDENTIFICATION DIVISION.                                         PAYROLL1",
        "000200* a comment line                                                  PAYROLL2",
        "000300 PROGRAM-ID. PAY.                                                 PAYROLL3",
    ]);
    let out = pp(&src, &PreprocessOptions::default());
    assert_eq!(out.format, SourceFormat::Fixed);
    let lines: Vec<&str> = out.text.lines().collect();
    assert_eq!(lines[0].trim_end(), "       IDENTIFICATION DIVISION.");
    assert_eq!(lines[1], "");
    assert_eq!(lines[2].trim_end(), "       PROGRAM-ID. PAY.");
    assert!(!out.text.contains("PAYROLL1"));
    let at = out.text.find("PROGRAM-ID").unwrap();
    let loc = out.map.locate(at).unwrap();
    assert_eq!((loc.line, loc.column), (3, 8));
}

#[test]
fn continued_literal_runs_to_column_72() {
    let src = fixed(&[
        "       01 A PIC X(80) VALUE \"HELLO",
        "      -    \"WORLD\".",
    ]);
    let out = pp(&src, &PreprocessOptions::default());
    let first = out.text.lines().next().unwrap();
    let lit_start = first.find('"').unwrap();
    let lit_end = first.rfind('"').unwrap();
    // "HELLO" starts at column 29; the literal takes columns 30-72, then WORLD.
    assert_eq!(&first[lit_start + 1..lit_start + 6], "HELLO");
    assert_eq!(lit_end - lit_start - 1, 72 - 29 + 5);
    assert!(first.ends_with("WORLD\"."));
    let w = out.text.find("WORLD").unwrap();
    let loc = out.map.locate(w).unwrap();
    assert_eq!((loc.line, loc.column), (2, 13));
}

#[test]
fn debugging_lines_follow_the_option() {
    let src = fixed(&["      D    DISPLAY \"DEBUG\".", "           DISPLAY \"X\"."]);
    assert!(!pp(&src, &PreprocessOptions::default())
        .text
        .contains("DEBUG"));
    let opts = PreprocessOptions {
        debugging_lines: true,
        ..Default::default()
    };
    assert!(pp(&src, &opts).text.contains("DEBUG"));
}

#[test]
fn with_debugging_mode_compiles_debugging_lines() {
    let src = fixed(&[
        "       IDENTIFICATION DIVISION.",
        "       PROGRAM-ID. DBG.",
        "       ENVIRONMENT DIVISION.",
        "       CONFIGURATION SECTION.",
        "       SOURCE-COMPUTER. IBM-370",
        "      *    THE CLAUSE MAY BE ON A LINE OF ITS OWN",
        "               WITH DEBUGGING MODE.",
        "       PROCEDURE DIVISION.",
        "      D    DISPLAY \"DEBUG\".",
        "           STOP RUN.",
    ]);
    assert!(pp(&src, &PreprocessOptions::default())
        .text
        .contains("DEBUG\""));
    // Only the clause in SOURCE-COMPUTER counts, not the words in a comment entry, a comment or a
    // literal.
    let src = fixed(&[
        "       IDENTIFICATION DIVISION.",
        "       PROGRAM-ID. DBG.",
        "       REMARKS. TESTED WITH DEBUGGING MODE.",
        "       ENVIRONMENT DIVISION.",
        "       CONFIGURATION SECTION.",
        "       SOURCE-COMPUTER. IBM-370.",
        "      * NOT WITH DEBUGGING MODE",
        "       PROCEDURE DIVISION.",
        "           DISPLAY \"WITH DEBUGGING MODE\".",
        "      D    DISPLAY \"DEBUG\".",
    ]);
    assert!(!pp(&src, &PreprocessOptions::default())
        .text
        .contains("DEBUG\""));
}

#[test]
fn a_bare_file_name_searches_the_current_directory() {
    // `PROG.cbl` has an empty parent directory; COPY must look in `.`, not in ``.
    let src = fixed(&[
        "       WORKING-STORAGE SECTION.",
        "           COPY NO-SUCH-MEMBER.",
    ]);
    let out = pp(&src, &PreprocessOptions::default());
    assert_eq!(out.diagnostics.len(), 1);
    assert!(
        out.diagnostics[0].message.contains("(searched .)"),
        "{}",
        out.diagnostics[0].message
    );
}

#[test]
fn tabs_expand_to_multiples_of_eight() {
    let src = "\tMOVE A TO B.\n";
    let opts = PreprocessOptions {
        format: Some(SourceFormat::Fixed),
        ..Default::default()
    };
    let out = pp(src, &opts);
    let loc = out.map.locate(out.text.find("MOVE").unwrap()).unwrap();
    assert_eq!(loc.column, 9);
}

#[test]
fn free_format_is_detected() {
    let src = ">>SOURCE FORMAT FREE\nIDENTIFICATION DIVISION.\nPROGRAM-ID. X.\n";
    let out = pp(src, &PreprocessOptions::default());
    assert_eq!(out.format, SourceFormat::Free);
    assert!(out.text.contains("IDENTIFICATION DIVISION."));
}

#[test]
fn latin1_input_is_read() {
    let bytes = b"       DISPLAY \"CAF\xc9\".\n";
    let out = preprocess_bytes(Path::new("X.cbl"), bytes, &PreprocessOptions::default());
    assert!(out.text.contains("CAF\u{c9}"));
    assert!(out.diagnostics.is_empty());
}

fn with_copybooks(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

#[test]
fn copy_expands_members_with_positions_and_replacing() {
    let dir = with_copybooks(&[
        ("EMPREC.cpy", "       01 :TAG:-REC.\n          05 :TAG:-NAME PIC X(10).\n"),
        ("main.cbl", "       WORKING-STORAGE SECTION.\n       COPY EMPREC REPLACING ==:TAG:== BY ==WS==.\n       01 Z PIC X.\n"),
    ]);
    let main = dir.path().join("main.cbl");
    let out = preprocess_file(&main, &PreprocessOptions::default());
    assert!(out.diagnostics.is_empty(), "{:?}", out.diagnostics);
    assert!(out.text.contains("01 WS-REC."), "{}", out.text);
    assert!(out.text.contains("05 WS-NAME PIC X(10)."));
    assert!(out.text.contains("01 Z PIC X."));
    let at = out.text.find("PIC X(10)").unwrap();
    let loc = out.map.locate(at).unwrap();
    assert!(loc.file.ends_with("EMPREC.cpy"));
    assert_eq!((loc.line, loc.column), (2, 25));
    let z = out.map.locate(out.text.find("01 Z").unwrap()).unwrap();
    assert!(z.file.ends_with("main.cbl"));
    assert_eq!(z.line, 3);
    assert_eq!(out.copybooks.len(), 1);
    assert!(out.copybooks[0].replacing);
}

#[test]
fn copy_searches_dirs_case_insensitively_and_nests() {
    let dir = with_copybooks(&[("main.cbl", "       COPY outer.\n")]);
    let lib = with_copybooks(&[
        ("OUTER.CPY", "       COPY inner.\n"),
        ("Inner.cpy", "       01 X PIC 9.\n"),
    ]);
    let opts = PreprocessOptions {
        copybook_dirs: vec![lib.path().to_path_buf()],
        ..Default::default()
    };
    let out = preprocess_file(&dir.path().join("main.cbl"), &opts);
    assert!(out.diagnostics.is_empty(), "{:?}", out.diagnostics);
    assert!(out.text.contains("01 X PIC 9."));
    assert_eq!(out.copybooks.len(), 2);
}

#[test]
fn missing_copybook_and_cycles_are_diagnosed() {
    let dir = with_copybooks(&[
        (
            "main.cbl",
            "       01 A PIC X.\n       COPY NOPE.\n       COPY LOOPA.\n",
        ),
        ("LOOPA.cpy", "       COPY LOOPB.\n"),
        ("LOOPB.cpy", "       COPY LOOPA.\n"),
    ]);
    let out = preprocess_file(&dir.path().join("main.cbl"), &PreprocessOptions::default());
    let msgs: Vec<String> = out
        .diagnostics
        .iter()
        .map(|d| format!("{}:{}:{}", d.line, d.column, d.message))
        .collect();
    assert!(
        msgs[0].starts_with("2:8:copybook `NOPE` not found"),
        "{msgs:?}"
    );
    assert!(
        msgs.iter()
            .any(|m| m.contains("COPY cycle") && m.contains("LOOPA.cpy -> ")),
        "{msgs:?}"
    );
}

#[test]
fn replace_statement_applies_until_off() {
    let src = "       REPLACE ==OLD-NAME== BY ==NEW-NAME==.\n       MOVE OLD-NAME TO X.\n       REPLACE OFF.\n       MOVE OLD-NAME TO Y.\n";
    let out = pp(src, &PreprocessOptions::default());
    assert!(out.text.contains("MOVE NEW-NAME TO X."), "{}", out.text);
    assert!(out.text.contains("MOVE OLD-NAME TO Y."));
    let y = out.map.locate(out.text.find("TO Y").unwrap()).unwrap();
    assert_eq!(y.line, 4);
}

#[test]
fn leading_replacing_changes_word_prefixes() {
    let dir = with_copybooks(&[
        ("REC.cpy", "       01 PFX-REC.\n          05 PFX-A PIC X.\n"),
        (
            "main.cbl",
            "       COPY REC REPLACING LEADING ==PFX== BY ==IN==.\n",
        ),
    ]);
    let out = preprocess_file(&dir.path().join("main.cbl"), &PreprocessOptions::default());
    assert!(out.text.contains("01 IN-REC."), "{}", out.text);
    assert!(out.text.contains("05 IN-A PIC X."));
}

#[test]
fn classify_by_extension_and_content() {
    assert_eq!(classify(Path::new("A.cbl"), ""), FileKind::Program);
    assert_eq!(classify(Path::new("A.cpy"), ""), FileKind::Copybook);
    assert_eq!(
        classify(Path::new("JOB1"), "//JOB1 JOB (ACCT)\n"),
        FileKind::Jcl
    );
    assert_eq!(
        classify(Path::new("X"), "       IDENTIFICATION DIVISION.\n"),
        FileKind::Program
    );
}

#[test]
fn replace_acts_on_copied_text() {
    let dir = with_copybooks(&[
        ("SHOW.cpy", "           SHOW-IT X.\n"),
        (
            "main.cbl",
            "       REPLACE ==SHOW-IT== BY ==DISPLAY==.\n       COPY SHOW.\n       REPLACE OFF.\n",
        ),
    ]);
    let out = preprocess_file(&dir.path().join("main.cbl"), &PreprocessOptions::default());
    assert!(out.diagnostics.is_empty(), "{:?}", out.diagnostics);
    assert!(out.text.contains("DISPLAY X."), "{}", out.text);
}

#[test]
fn exec_sql_include_copies_the_member_but_not_sqlca() {
    let dir = with_copybooks(&[
        ("DCLCUST.cpy", "       01 DCLCUST.\n          05 CUST-ID PIC X(6).\n"),
        (
            "main.cbl",
            "       WORKING-STORAGE SECTION.\n           EXEC SQL INCLUDE SQLCA END-EXEC.\n           EXEC SQL\n              INCLUDE DCLCUST\n           END-EXEC.\n       01 Z PIC X.\n",
        ),
    ]);
    let out = preprocess_file(&dir.path().join("main.cbl"), &PreprocessOptions::default());
    assert!(out.diagnostics.is_empty(), "{:?}", out.diagnostics);
    assert!(
        out.text.contains("EXEC SQL INCLUDE SQLCA END-EXEC."),
        "{}",
        out.text
    );
    assert!(!out.text.contains("DCLCUST\n"), "{}", out.text);
    assert!(out.text.contains("05 CUST-ID PIC X(6)."), "{}", out.text);
    // Lines after the INCLUDE keep their numbers.
    let z = out.map.locate(out.text.find("01 Z").unwrap()).unwrap();
    assert_eq!(z.line, 6);
    let id = out.map.locate(out.text.find("CUST-ID").unwrap()).unwrap();
    assert!(id.file.ends_with("DCLCUST.cpy"));
    assert_eq!(out.copybooks.len(), 1);
    assert_eq!(out.copybooks[0].name, "DCLCUST");
}
