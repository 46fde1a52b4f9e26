//! Compiles a tiny COBOL program with GnuCOBOL, records and replays it.
//! Skipped when cobc is missing, unless FERRY_REQUIRE_COBC=1 (then it fails).

use std::path::{Path, PathBuf};
use std::time::Duration;

use ferry_verify::*;

const MAIN: &str = "       IDENTIFICATION DIVISION.
       PROGRAM-ID. HELLO.
       ENVIRONMENT DIVISION.
       INPUT-OUTPUT SECTION.
       FILE-CONTROL.
           SELECT OUT-FILE ASSIGN TO 'OUT.DAT'
               ORGANIZATION IS LINE SEQUENTIAL.
       DATA DIVISION.
       FILE SECTION.
       FD  OUT-FILE.
       01  OUT-REC PIC X(20).
       WORKING-STORAGE SECTION.
       COPY GREETCPY.
       01  WS-DATE PIC X(21).
       PROCEDURE DIVISION.
           ACCEPT WS-NAME
           MOVE FUNCTION CURRENT-DATE TO WS-DATE
           DISPLAY 'HELLO ' WS-NAME
           DISPLAY WS-DATE(1:8)
           CALL 'GREETSUB' USING WS-NAME
           OPEN OUTPUT OUT-FILE
           MOVE WS-NAME TO OUT-REC
           WRITE OUT-REC
           CLOSE OUT-FILE
           MOVE 2 TO RETURN-CODE
           STOP RUN.
";

const SUB: &str = "       IDENTIFICATION DIVISION.
       PROGRAM-ID. GREETSUB.
       DATA DIVISION.
       LINKAGE SECTION.
       01  L-NAME PIC X(10).
       PROCEDURE DIVISION USING L-NAME.
           DISPLAY 'SUB ' L-NAME UPON SYSERR
           GOBACK.
";

const COPYBOOK: &str = "       01  WS-NAME PIC X(10).
";

#[test]
fn cobc_compile_record_replay() {
    let Some(version) = cobc_version() else {
        if std::env::var("FERRY_REQUIRE_COBC").as_deref() == Ok("1") {
            panic!("FERRY_REQUIRE_COBC=1 but cobc (GnuCOBOL) is not installed");
        }
        println!("skipped: cobc not found");
        return;
    };
    assert!(version.contains("GnuCOBOL"), "{version}");
    let tmp = tempfile::tempdir().unwrap();
    let src = tmp.path().join("src");
    let copy = src.join("copy");
    std::fs::create_dir_all(&copy).unwrap();
    std::fs::write(src.join("HELLO.cbl"), MAIN).unwrap();
    std::fs::write(src.join("GREETSUB.cbl"), SUB).unwrap();
    std::fs::write(copy.join("GREETCPY.cpy"), COPYBOOK).unwrap();

    let work = tmp.path().join("work");
    let sources = [src.join("HELLO.cbl"), src.join("GREETSUB.cbl")];
    let exe = compile_with_cobc(
        &sources[0],
        &sources[1..],
        std::slice::from_ref(&copy),
        &[],
        &work,
    )
    .unwrap();
    assert!(exe.is_file());

    let dir = src.join("scenarios/HELLO/world");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("stdin"), "WORLD\n").unwrap();
    let s = Scenario::from_dir(&dir).unwrap();
    let meta = RecordMeta::new(&version, &[], &sources, &src);
    assert_eq!(
        record(&s, &exe, &meta, false).unwrap(),
        RecordOutcome::Recorded
    );
    let exp = s.expected_dir();
    assert_eq!(
        std::fs::read_to_string(exp.join("stdout")).unwrap(),
        "HELLO WORLD     \n20000101\n"
    );
    assert_eq!(
        std::fs::read_to_string(exp.join("stderr")).unwrap(),
        "SUB WORLD     \n"
    );
    assert_eq!(std::fs::read_to_string(exp.join("rc")).unwrap(), "2\n");
    assert_eq!(
        std::fs::read_to_string(exp.join("files/OUT.DAT")).unwrap(),
        "WORLD\n"
    );
    assert_eq!(
        read_meta(&s).unwrap().sources,
        ["HELLO.cbl", "GREETSUB.cbl"]
    );

    let r = replay(&s, &exe, Duration::from_secs(30));
    assert_eq!(r.status, ScenarioStatus::Pass, "{:?}", r.detail);
}

#[test]
fn cobc_errors_carry_diagnostics() {
    if cobc_version().is_none() {
        println!("skipped: cobc not found");
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let bad: PathBuf = tmp.path().join("BAD.cbl");
    std::fs::write(&bad, "       IDENTIFICATION DIVISION.\n       PROGRAM-ID. BAD.\n       PROCEDURE DIVISION.\n           MOVE X TO.\n").unwrap();
    let err = compile_with_cobc(&bad, &[], &[], &[], Path::new(&tmp.path().join("w"))).unwrap_err();
    let text = err.to_string();
    assert!(
        text.contains("cobc failed to compile") && text.contains("BAD.cbl:4"),
        "{text}"
    );
}
