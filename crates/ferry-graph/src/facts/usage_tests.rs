//! Unused data items and copybooks, on small COBOL programs preprocessed by ferry-source and parsed
//! by ferry-syntax.

use std::path::{Path, PathBuf};

use ferry_source::{preprocess_bytes, PreprocessOptions, Preprocessed, SourceFormat};
use ferry_syntax::ast::Program;

use super::ProgramFacts;

/// Fixed-format source: every line gets the 7 columns of sequence area and indicator in front.
fn fixed(lines: &str) -> String {
    lines
        .lines()
        .map(|l| {
            if l.is_empty() {
                String::new()
            } else {
                format!("       {l}\n")
            }
        })
        .collect()
}

struct Parsed {
    pre: Preprocessed,
    programs: Vec<Program>,
    path: PathBuf,
}

/// Preprocesses and parses `source` (fixed format) with copybooks from `dir`.
fn parse_in(dir: &Path, source: &str) -> Parsed {
    let path = dir.join("MAIN.cbl");
    let opts = PreprocessOptions {
        copybook_dirs: vec![dir.to_path_buf()],
        format: Some(SourceFormat::Fixed),
        debugging_lines: false,
        defines: Vec::new(),
    };
    let pre = preprocess_bytes(&path, fixed(source).as_bytes(), &opts);
    assert!(pre.diagnostics.is_empty(), "{:?}", pre.diagnostics);
    let parsed = ferry_syntax::parse(&pre.text);
    Parsed {
        programs: parsed.unit.programs,
        pre,
        path,
    }
}

fn parse(source: &str) -> Parsed {
    parse_in(Path::new("/nonexistent"), source)
}

impl Parsed {
    /// Facts from the AST alone.
    fn facts(&self) -> ProgramFacts {
        ProgramFacts::from_program(&self.programs[0], &self.path, &self.pre.copybooks)
    }

    /// Facts refined with the source.
    fn sourced(&self) -> ProgramFacts {
        self.facts().with_source(&self.programs[0], &self.pre)
    }
}

fn unused(source: &str) -> Vec<String> {
    let p = parse(source);
    let ast_only = p.facts().metrics.unused_data_items;
    let with_source = p.sourced().metrics.unused_data_items;
    // The source only ever adds uses.
    assert!(
        with_source.iter().all(|x| ast_only.contains(x)),
        "{with_source:?} vs {ast_only:?}"
    );
    with_source
}

#[test]
fn items_never_referenced_are_listed_groups_and_children_count_as_uses() {
    let src = "\
IDENTIFICATION DIVISION.
PROGRAM-ID. MAIN.
DATA DIVISION.
WORKING-STORAGE SECTION.
01  WS-USED            PIC X(4).
01  WS-NEVER           PIC X(4).
77  WS-LONELY          PIC 9.
01  WS-REC.
    05  WS-REC-A       PIC X.
    05  WS-REC-B       PIC X.
01  WS-PART.
    05  WS-PART-A      PIC X.
    05  WS-PART-B      PIC X.
    05  FILLER.
        10  WS-DEEP    PIC X.
01  WS-DEAD-GROUP.
    05  WS-DEAD-A      PIC X.
    05  WS-DEAD-B      PIC X.
01  WS-FLAG            PIC X.
    88  FLAG-ON        VALUE 'Y'.
    88  FLAG-OFF       VALUE 'N'.
01  WS-SW              PIC X.
    88  SW-ON          VALUE 'Y'.
LOCAL-STORAGE SECTION.
01  LS-USED            PIC 9.
01  LS-NEVER           PIC 9.
LINKAGE SECTION.
01  LK-NEVER           PIC X.
PROCEDURE DIVISION.
MAIN-PARA.
    MOVE 'A' TO WS-USED
    MOVE SPACES TO WS-REC
    DISPLAY WS-PART-A
    IF FLAG-ON
        ADD 1 TO LS-USED
    END-IF
    MOVE 'Y' TO WS-SW
    STOP RUN.
";
    assert_eq!(
        unused(src),
        vec![
            "WS-NEVER",
            "WS-LONELY",
            "WS-PART-B",
            "WS-DEEP",
            "WS-DEAD-GROUP",
            "FLAG-OFF",
            "SW-ON",
            "LS-NEVER",
        ]
    );
}

#[test]
fn redefines_renames_occurs_depending_indexes_and_keys_are_uses() {
    let src = "\
IDENTIFICATION DIVISION.
PROGRAM-ID. MAIN.
ENVIRONMENT DIVISION.
INPUT-OUTPUT SECTION.
FILE-CONTROL.
    SELECT CUST-FILE ASSIGN TO 'cust.dat'
        ORGANIZATION IS INDEXED
        ACCESS MODE IS DYNAMIC
        RECORD KEY IS CUST-KEY
        FILE STATUS IS WS-STATUS.
    SELECT IDLE-FILE ASSIGN TO 'idle.dat'.
DATA DIVISION.
FILE SECTION.
FD  CUST-FILE.
01  CUST-REC.
    05  CUST-KEY       PIC X(5).
    05  CUST-NAME      PIC X(20).
FD  IDLE-FILE.
01  IDLE-REC.
    05  IDLE-A         PIC X.
WORKING-STORAGE SECTION.
01  WS-STATUS          PIC XX.
01  WS-DATE            PIC 9(8).
01  WS-DATE-R REDEFINES WS-DATE.
    05  WS-YYYY        PIC 9(4).
    05  WS-MMDD        PIC 9(4).
01  WS-OLD             PIC X(4).
01  WS-OLD-R REDEFINES WS-OLD PIC 9(4).
01  WS-CODES.
    05  WS-CODE-1      PIC X.
    05  WS-CODE-2      PIC X.
    05  WS-CODE-3      PIC X.
66  WS-CODES-12 RENAMES WS-CODE-1 THRU WS-CODE-2.
01  WS-COUNT           PIC 99.
01  WS-TABLE.
    05  WS-ENTRY OCCURS 1 TO 10 DEPENDING ON WS-COUNT
            ASCENDING KEY IS WS-ENTRY-KEY
            INDEXED BY WS-IX.
        10  WS-ENTRY-KEY   PIC X.
        10  WS-ENTRY-VAL   PIC X.
01  WS-LIST.
    05  WS-ITEM PIC X OCCURS 5 INDEXED BY WS-LX.
01  WS-PARM            PIC X(4).
01  WS-PROG            PIC X(8) VALUE 'SUBPROG'.
PROCEDURE DIVISION.
MAIN-PARA.
    OPEN INPUT CUST-FILE IDLE-FILE
    READ CUST-FILE
    DISPLAY WS-YYYY
    DISPLAY WS-CODES-12
    MOVE WS-TABLE TO WS-PARM
    SET WS-LX TO 1
    CALL WS-PROG USING WS-PARM
    CLOSE CUST-FILE IDLE-FILE
    STOP RUN.
";
    // WS-DATE: redefined by WS-DATE-R, whose WS-YYYY is used. WS-OLD / WS-OLD-R: neither named.
    // WS-CODE-1/2 are used through the RENAMES, WS-CODE-3 is not. WS-COUNT: the ODO object of a
    // used table. WS-ITEM: its index is set. CUST-REC: read. IDLE-REC: only opened and closed.
    assert_eq!(
        unused(src),
        vec!["IDLE-REC", "WS-MMDD", "WS-OLD", "WS-OLD-R", "WS-CODE-3",]
    );
}

#[test]
fn qualified_references_pick_their_item_and_the_list_qualifies_ambiguous_names() {
    let src = "\
IDENTIFICATION DIVISION.
PROGRAM-ID. MAIN.
DATA DIVISION.
WORKING-STORAGE SECTION.
01  IN-REC.
    05  CUST-ID        PIC X(5).
    05  CUST-NAME      PIC X(5).
01  OUT-REC.
    05  CUST-ID        PIC X(5).
    05  CUST-NAME      PIC X(5).
PROCEDURE DIVISION.
MAIN-PARA.
    MOVE CUST-ID OF IN-REC TO CUST-NAME IN OUT-REC
    STOP RUN.
";
    let p = parse(src);
    assert_eq!(
        p.facts().metrics.unused_data_items,
        vec!["CUST-NAME OF IN-REC", "CUST-ID OF OUT-REC"]
    );
}

#[test]
fn global_items_used_by_nested_programs_are_used() {
    let src = "\
IDENTIFICATION DIVISION.
PROGRAM-ID. OUTER.
DATA DIVISION.
WORKING-STORAGE SECTION.
01  G-SHARED           PIC X GLOBAL.
01  G-IDLE             PIC X GLOBAL.
01  O-LOCAL            PIC X.
PROCEDURE DIVISION.
MAIN-PARA.
    CALL 'INNER'
    STOP RUN.
IDENTIFICATION DIVISION.
PROGRAM-ID. INNER.
DATA DIVISION.
WORKING-STORAGE SECTION.
01  O-LOCAL            PIC X.
01  I-IDLE             PIC X.
PROCEDURE DIVISION.
INNER-PARA.
    MOVE 'X' TO G-SHARED O-LOCAL
    GOBACK.
END PROGRAM INNER.
END PROGRAM OUTER.
";
    let p = parse(src);
    for f in [p.facts(), p.sourced()] {
        // INNER's O-LOCAL is its own: OUTER's O-LOCAL (not GLOBAL) stays unused.
        assert_eq!(f.metrics.unused_data_items, vec!["G-IDLE", "O-LOCAL"]);
        assert_eq!(f.nested.len(), 1);
        assert_eq!(f.nested[0].metrics.unused_data_items, vec!["I-IDLE"]);
    }
}

#[test]
fn the_source_adds_what_the_ast_drops() {
    // VALUE OF is not in the AST: only the source shows that WS-FNAME is used (GOBACK RETURNING is
    // in the AST, so WS-RC is used either way).
    let src = "\
IDENTIFICATION DIVISION.
PROGRAM-ID. MAIN.
ENVIRONMENT DIVISION.
INPUT-OUTPUT SECTION.
FILE-CONTROL.
    SELECT OUT-FILE ASSIGN TO DISK.
DATA DIVISION.
FILE SECTION.
FD  OUT-FILE
    VALUE OF FILE-ID IS WS-FNAME.
01  OUT-REC            PIC X(10).
WORKING-STORAGE SECTION.
01  WS-FNAME           PIC X(20).
01  WS-RC              PIC S9(4) COMP.
01  WS-NOTE            PIC X.
PROCEDURE DIVISION.
MAIN-PARA.
    *> WS-NOTE is named only in this comment
    DISPLAY 'WS-NOTE' UPON CONSOLE
    OPEN OUTPUT OUT-FILE
    WRITE OUT-REC
    CLOSE OUT-FILE
    GOBACK RETURNING WS-RC.
";
    let p = parse(src);
    assert_eq!(
        p.facts().metrics.unused_data_items,
        vec!["WS-FNAME", "WS-NOTE"]
    );
    // A name inside a literal counts (conservatively); one inside a comment does not.
    let src_no_literal = src.replace("DISPLAY 'WS-NOTE' UPON CONSOLE", "CONTINUE");
    let q = parse(&src_no_literal);
    assert_eq!(q.sourced().metrics.unused_data_items, vec!["WS-NOTE"]);
    assert_eq!(p.sourced().metrics.unused_data_items, Vec::<String>::new());
    // Without the source the copybooks are not judged.
    assert_eq!(p.facts().metrics.unused_copybooks, None);
    assert_eq!(p.sourced().metrics.unused_copybooks, Some(vec![]));
}

#[test]
fn copybooks_whose_every_item_is_unused_are_listed_per_program() {
    let dir = tempfile::tempdir().expect("temp dir");
    let book = |name: &str, text: &str| {
        std::fs::write(dir.path().join(format!("{name}.cpy")), fixed(text)).expect("write");
    };
    book(
        "IDLEBK",
        "01  IDLE-REC.\n    05  IDLE-A PIC X.\n    05  IDLE-B PIC X.\n",
    );
    book(
        "USEDBK",
        "01  USED-REC.\n    05  USED-A PIC X.\n    05  USED-B PIC X.\n",
    );
    book("FIELDS", "05  F-ONE PIC X.\n05  F-TWO PIC X.\n");
    book("PROCBK", "DISPLAY 'HELLO'\n");
    book("ONLY88", "88  BK-ON VALUE 'Y'.\n");
    book("NESTED", "COPY IDLEBK2.\n");
    book("IDLEBK2", "01  IDLE2 PIC X.\n");
    book("OTHERBK", "01  OTHER-ITEM PIC X.\n");
    let src = "\
IDENTIFICATION DIVISION.
PROGRAM-ID. MAIN.
DATA DIVISION.
WORKING-STORAGE SECTION.
COPY IDLEBK.
COPY USEDBK.
01  WS-GROUP.
COPY FIELDS.
01  WS-SW PIC X.
COPY ONLY88.
COPY NESTED.
PROCEDURE DIVISION.
MAIN-PARA.
    DISPLAY USED-B
    MOVE SPACES TO WS-GROUP
    MOVE 'N' TO WS-SW
    COPY PROCBK.
    STOP RUN.
END PROGRAM MAIN.
IDENTIFICATION DIVISION.
PROGRAM-ID. SECOND.
DATA DIVISION.
WORKING-STORAGE SECTION.
COPY OTHERBK.
PROCEDURE DIVISION.
SECOND-PARA.
    STOP RUN.
";
    let p = parse_in(dir.path(), src);
    let f = p.sourced();
    // USEDBK: USED-B is used. FIELDS: its items belong to a group the program moves. PROCBK: code.
    // ONLY88: an unused condition name. NESTED holds only a COPY statement (no text of its own);
    // IDLEBK2 is what it brings. OTHERBK is in the second program of the file, not in MAIN.
    assert_eq!(
        f.metrics.unused_copybooks,
        Some(vec![
            "IDLEBK".to_string(),
            "IDLEBK2".to_string(),
            "ONLY88".to_string()
        ])
    );
    assert_eq!(
        f.metrics.unused_data_items,
        vec!["IDLE-REC", "USED-A", "BK-ON", "IDLE2"]
    );
    let second = ProgramFacts::from_program(&p.programs[1], &p.path, &p.pre.copybooks)
        .with_source(&p.programs[1], &p.pre);
    assert_eq!(
        second.metrics.unused_copybooks,
        Some(vec!["OTHERBK".to_string()])
    );
    assert_eq!(second.metrics.unused_data_items, vec!["OTHER-ITEM"]);
}
