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

// ------------------------------------------------------------------ compiler-directing statements

fn with_defines(defines: &[(&str, &str)]) -> PreprocessOptions {
    PreprocessOptions {
        defines: defines
            .iter()
            .map(|(n, v)| (n.to_string(), v.to_string()))
            .collect(),
        ..Default::default()
    }
}

/// The code lines of the preprocessed text, trimmed.
fn code(out: &Preprocessed) -> Vec<String> {
    out.text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect()
}

fn errors(out: &Preprocessed) -> Vec<String> {
    out.diagnostics
        .iter()
        .map(|d| format!("{}:{}: {}", d.line, d.column, d.message))
        .collect()
}

#[test]
fn define_and_if_choose_branches_and_nest() {
    let src = fixed(&[
        "       >>DEFINE X AS 5",
        "       >>DEFINE Y AS \"abc\"",
        "       >>IF X IS DEFINED",
        "           DISPLAY \"A\"",
        "       >>ELSE",
        "           DISPLAY \"B\"",
        "       >>END-IF",
        "       >>IF Z IS NOT DEFINED",
        "       >>IF X = 4",
        "           DISPLAY \"C\"",
        "       >>ELIF X >= 5",
        "           DISPLAY \"D\"",
        "       >>IF Y = \"abc\"",
        "           DISPLAY \"E\"",
        "       >>END-IF",
        "       >>ELSE",
        "           DISPLAY \"F\"",
        "       >>END-IF",
        "       >>ELSE",
        "           DISPLAY \"G\"",
        "       >>END-IF",
        "       >>IF X IS GREATER THAN OR EQUAL TO 6",
        "           DISPLAY \"H\"",
        "       >> IF Y NOT = \"abc \"",
        "           DISPLAY \"I\"",
        "       >>END-IF",
        "       >>END-IF",
        "000100>>IF 10 = 10.0",
        "           DISPLAY \"J\"",
        "000200>>END-IF",
    ]);
    let out = pp(&src, &PreprocessOptions::default());
    assert_eq!(errors(&out), Vec::<String>::new());
    assert_eq!(
        code(&out),
        [
            "DISPLAY \"A\"",
            "DISPLAY \"D\"",
            "DISPLAY \"E\"",
            "DISPLAY \"J\""
        ]
    );
    // Every line keeps its number and column.
    assert_eq!(out.text.lines().count(), 30);
    let at = out.text.find("\"E\"").unwrap();
    let loc = out.map.locate(at).unwrap();
    assert_eq!((loc.line, loc.column), (14, 20));
    let at = out.text.find("\"J\"").unwrap();
    assert_eq!(out.map.locate(at).unwrap().line, 29);
}

#[test]
fn excluded_lines_keep_positions_and_are_not_preprocessed() {
    let src = fixed(&[
        "       >>IF NOSUCH IS DEFINED",
        "           COPY MISSING.",
        "       >>DEFINE LATE AS 1",
        "      * a comment",
        "           DISPLAY \"X\"",
        "      -        \"Y\"",
        "       >>END-IF",
        "       >>IF LATE IS DEFINED",
        "           DISPLAY \"LATE\"",
        "       >>END-IF",
        "           MOVE 1 TO N.",
    ]);
    let out = pp(&src, &PreprocessOptions::default());
    assert_eq!(errors(&out), Vec::<String>::new());
    assert!(out.copybooks.is_empty());
    assert_eq!(code(&out), ["MOVE 1 TO N."]);
    let at = out.text.find("N.").unwrap();
    let loc = out.map.locate(at).unwrap();
    assert_eq!((loc.line, loc.column), (11, 22));
}

#[test]
fn defines_from_options_act_as_cobc_dash_d() {
    let src = fixed(&[
        "       >>DEFINE LEVEL AS PARAMETER",
        "       >>DEFINE ABSENT AS PARAMETER",
        "       >>IF LEVEL = 2",
        "           DISPLAY \"L2\"",
        "       >>END-IF",
        "       >>IF SITE = \"north\"",
        "           DISPLAY \"NORTH\"",
        "       >>END-IF",
        "       >>IF ABSENT IS DEFINED",
        "           DISPLAY \"ABSENT\"",
        "       >>END-IF",
        "       >>IF LEVEL = \"2\"",
        "           DISPLAY \"TYPES\"",
        "       >>END-IF",
    ]);
    let out = pp(&src, &with_defines(&[("LEVEL", "2"), ("site", "north")]));
    assert_eq!(errors(&out), Vec::<String>::new());
    assert_eq!(code(&out), ["DISPLAY \"L2\"", "DISPLAY \"NORTH\""]);
    // Without the values: neither branch.
    let out = pp(&src, &PreprocessOptions::default());
    assert_eq!(code(&out), Vec::<String>::new());
    // A name given from outside is defined: a DEFINE of it needs OVERRIDE, as in cobc.
    let src = fixed(&[
        "       >>DEFINE LEVEL AS 3",
        "       >>DEFINE SITE AS \"south\" OVERRIDE",
        "       >>IF SITE = \"south\"",
        "           DISPLAY \"SOUTH\"",
        "       >>END-IF",
        "       >>DEFINE SITE AS OFF",
        "       >>IF SITE IS NOT DEFINED",
        "           DISPLAY \"OFF\"",
        "       >>END-IF",
    ]);
    let out = pp(&src, &with_defines(&[("LEVEL", "2"), ("SITE", "north")]));
    assert_eq!(
        errors(&out),
        ["1:17: >>DEFINE: duplicate DEFINE of `LEVEL` (add OVERRIDE)"]
    );
    assert_eq!(code(&out), ["DISPLAY \"SOUTH\"", "DISPLAY \"OFF\""]);
}

#[test]
fn constants_replace_words_of_the_program_text() {
    let src = fixed(&[
        "       >>DEFINE CONSTANT MAX-ROWS AS 12",
        "       >>SET CONSTANT GREETING \"HELLO\"",
        "       >>DEFINE PLAIN AS 7",
        "       01 T PIC X OCCURS MAX-ROWS.",
        "       01 G PIC X(5) VALUE Greeting.",
        "       01 MAX-ROWS-2 PIC 9.",
        "       01 P PICTURE IS MAX-ROWS.",
        "           MOVE PLAIN TO N *> MAX-ROWS",
        "           DISPLAY \"MAX-ROWS\" MAX-ROWS.",
    ]);
    let out = pp(&src, &PreprocessOptions::default());
    assert_eq!(errors(&out), Vec::<String>::new());
    assert_eq!(
        code(&out),
        [
            "01 T PIC X OCCURS 12.",
            "01 G PIC X(5) VALUE \"HELLO\".",
            "01 MAX-ROWS-2 PIC 9.",
            "01 P PICTURE IS MAX-ROWS.",
            "MOVE PLAIN TO N *> MAX-ROWS",
            "DISPLAY \"MAX-ROWS\" 12.",
        ]
    );
    // The literal stands where the word stood; what follows keeps its column.
    let at = out.text.find("\"HELLO\"").unwrap();
    let loc = out.map.locate(at).unwrap();
    assert_eq!((loc.line, loc.column), (5, 28));
    let line9 = out.text.lines().nth(8).unwrap();
    let at = out.text.find(line9).unwrap() + line9.rfind('.').unwrap();
    let loc = out.map.locate(at).unwrap();
    assert_eq!((loc.line, loc.column), (9, 39));
}

#[test]
fn source_format_directives_switch_the_format() {
    for directive in [
        "       >>SOURCE FORMAT IS FREE",
        "       >>SOURCE FREE",
        "       >>SET SOURCEFORMAT\"FREE\"",
        "       >>SET SOURCEFORMAT \"free\"",
        "      $SET SOURCEFORMAT\"FREE\"",
        "       $SET NOTRUNC SOURCEFORMAT(FREE)",
    ] {
        let src = fixed(&[
            "       IDENTIFICATION DIVISION.",
            directive,
            "PROGRAM-ID. X. *> free now",
            ">>SOURCE FIXED",
            "       PROCEDURE DIVISION.",
        ]);
        let out = pp(&src, &PreprocessOptions::default());
        assert_eq!(errors(&out), Vec::<String>::new(), "{directive}");
        assert_eq!(
            code(&out),
            [
                "IDENTIFICATION DIVISION.",
                "PROGRAM-ID. X. *> free now",
                "PROCEDURE DIVISION."
            ],
            "{directive}"
        );
    }
    let out = pp(
        &fixed(&[
            "       >>SET SOURCEFORMAT AS FREE",
            "       >>SOURCE TERMINAL",
        ]),
        &PreprocessOptions::default(),
    );
    assert_eq!(
        errors(&out),
        [
            "1:27: >>SET: SOURCEFORMAT expects \"FREE\", \"FIXED\" or \"VARIABLE\"",
            "2:17: >>SOURCE: expected [FORMAT] [IS] FREE, FIXED or VARIABLE"
        ]
    );
}

#[test]
fn debugging_directive_lines_follow_the_option() {
    let src = ">>SOURCE FREE\n   >>D DISPLAY \"D1\"\nDISPLAY \"V\"\n";
    assert_eq!(
        code(&pp(src, &PreprocessOptions::default())),
        ["DISPLAY \"V\""]
    );
    let opts = PreprocessOptions {
        debugging_lines: true,
        ..Default::default()
    };
    let out = pp(src, &opts);
    assert_eq!(code(&out), ["DISPLAY \"D1\"", "DISPLAY \"V\""]);
    let at = out.text.find("DISPLAY").unwrap();
    let loc = out.map.locate(at).unwrap();
    assert_eq!((loc.line, loc.column), (2, 8));
}

#[test]
fn ignored_directives_listing_statements_and_process_cards() {
    let src = fixed(&[
        " CBL NOADV,APOST",
        "       PROCESS XREF",
        "       IDENTIFICATION DIVISION.",
        "       >>TURN EC-ALL CHECKING ON",
        "       >>PAGE",
        "       >>LISTING OFF",
        "      $DISPLAY compiling",
        "           EJECT",
        "       SKIP2.",
        "           TITLE 'PAYROLL'",
        "      *CBL XREF",
        "      *CONTROL NOSOURCE",
        "       PROGRAM-ID. X.",
    ]);
    let out = pp(&src, &PreprocessOptions::default());
    assert_eq!(errors(&out), Vec::<String>::new());
    assert_eq!(code(&out), ["IDENTIFICATION DIVISION.", "PROGRAM-ID. X."]);
    assert_eq!(
        out.map
            .locate(out.text.find("PROGRAM").unwrap())
            .unwrap()
            .line,
        13
    );
    // An unknown directive is ignored with a warning, as cobc does.
    let out = pp(
        &fixed(&["       >>EVALUATE TRUE"]),
        &PreprocessOptions::default(),
    );
    assert_eq!(out.diagnostics.len(), 1);
    assert_eq!(out.diagnostics[0].severity, Severity::Warning);
}

#[test]
fn bad_directives_are_diagnosed_with_their_position() {
    let src = fixed(&[
        "       >>DEFINE X AS 5",
        "       >>IF X > 3 AND X < 9",
        "       >>END-IF",
        "       >>END-IF",
        "       >>DEFINE Y AS 2 + 3",
        "       >>ELSE",
        "       >>IF X IS DEFINED",
        "           DISPLAY \"OPEN\"",
    ]);
    let out = pp(&src, &PreprocessOptions::default());
    assert!(
        !out.has_errors()
            || out
                .diagnostics
                .iter()
                .all(|d| d.file == Path::new("MAIN.cbl"))
    );
    assert_eq!(
        errors(&out),
        [
            "2:19: >>IF: unexpected `AND` after the condition (cobc 3.1.2 takes one condition: no AND, OR or parentheses)",
            "4:8: >>END-IF without matching IF",
            "5:24: >>DEFINE: unexpected `+`",
            "6:8: >>ELSE without matching IF",
            "7:8: IF directive without matching END-IF",
        ]
    );
}

#[test]
fn defines_reach_copybooks() {
    let dir = with_copybooks(&[(
        "OPTS.cpy",
        "       >>IF WIDE IS DEFINED\n       01 W PIC X(WIDE-LEN).\n       >>ELSE\n       01 W PIC X(8).\n       >>END-IF\n",
    )]);
    let main = dir.path().join("MAIN.cbl");
    let src = fixed(&[
        "       >>DEFINE WIDE AS 1",
        "       >>DEFINE CONSTANT WIDE-LEN AS 40",
        "           COPY OPTS.",
    ]);
    let out = preprocess_bytes(&main, src.as_bytes(), &PreprocessOptions::default());
    assert_eq!(errors(&out), Vec::<String>::new());
    assert_eq!(code(&out), ["01 W PIC X(40)."]);
}
