//! EXEC SQL blocks become calls of a generated `Exec` trait (issue #5): the program stops at its
//! first block until bound; a binding written by the team in `binding.rs` runs the program, with
//! host variables, null indicators, the cursor's host variables on OPEN, and WHENEVER; a later
//! translation never touches `binding.rs`; status and report say the unit needs a binding.

mod common;

use common::*;
use std::path::Path;
use std::process::Command;

const PROGRAM: &str = r#"       IDENTIFICATION DIVISION.
       PROGRAM-ID. ACCTLIST.
      * Lists accounts from a DB2 table through a cursor.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
           EXEC SQL INCLUDE SQLCA END-EXEC.
       01  HV-ID                PIC X(6).
       01  HV-NAME              PIC X(12).
       01  HV-BAL               PIC S9(7)V99 COMP-3.
       01  HV-BAL-IND           PIC S9(4) COMP.
       01  HV-MIN               PIC S9(7)V99 COMP-3 VALUE 100.
       01  WS-BAL-ED            PIC -(7)9.99.
       01  WS-COUNT             PIC 9(3) VALUE 0.
       01  WS-CODE              PIC -(8)9.
           EXEC SQL DECLARE C1 CURSOR FOR
               SELECT ACCT_ID, NAME, BALANCE FROM ACCT
                WHERE BALANCE >= :HV-MIN
           END-EXEC.
       PROCEDURE DIVISION.
       MAIN-PARA.
           EXEC SQL WHENEVER SQLERROR GO TO SQL-ERR END-EXEC
           EXEC SQL WHENEVER NOT FOUND GO TO LIST-DONE END-EXEC
           EXEC SQL OPEN C1 END-EXEC
           PERFORM UNTIL WS-COUNT > 900
               EXEC SQL
                   FETCH C1 INTO :HV-ID, :HV-NAME, :HV-BAL :HV-BAL-IND
               END-EXEC
               ADD 1 TO WS-COUNT
               IF HV-BAL-IND < 0
                   DISPLAY HV-ID " " HV-NAME " no balance"
               ELSE
                   MOVE HV-BAL TO WS-BAL-ED
                   DISPLAY HV-ID " " HV-NAME WS-BAL-ED
               END-IF
           END-PERFORM.
       LIST-DONE.
           EXEC SQL WHENEVER NOT FOUND CONTINUE END-EXEC
           EXEC SQL CLOSE C1 END-EXEC
           DISPLAY "ROWS " WS-COUNT
           EXEC SQL
               UPDATE ACCT SET BALANCE = 0 WHERE ACCT_ID = :HV-ID
           END-EXEC
           DISPLAY "NOT REACHED"
           STOP RUN.
       SQL-ERR.
           MOVE SQLCODE TO WS-CODE
           DISPLAY "SQL ERROR" WS-CODE " " SQLERRMC (1:SQLERRML)
           MOVE 8 TO RETURN-CODE
           STOP RUN.
"#;

/// The team's binding: an in-memory ACCT table, filtered by the cursor's :HV-MIN.
const BINDING: &str = r#"//! ACCTLIST bound to an in-memory table (test binding).
use ferry_runtime::exec::ExecContext;
use ferry_runtime::Dec;

struct Table {
    rows: Vec<(&'static str, &'static str, Option<Dec>)>,
    at: usize,
    min: i64,
}

impl super::Exec for Table {
    fn sql_001_open_c1(&mut self, cx: &mut ExecContext<'_>) {
        let min = cx.host("HV-MIN").expect("OPEN carries the cursor's host variables");
        self.min = cx.dec(min).to_i64();
        self.at = 0;
        cx.set_sqlcode(0);
    }
    fn sql_002_fetch_c1(&mut self, cx: &mut ExecContext<'_>) {
        while self.at < self.rows.len() {
            let (id, name, bal) = self.rows[self.at].clone();
            self.at += 1;
            if bal.as_ref().is_some_and(|b| b.to_i64() < self.min) {
                continue;
            }
            cx.set_bytes(0, id.as_bytes());
            cx.set_bytes(1, name.as_bytes());
            match bal {
                Some(b) => {
                    cx.set_dec(2, &b);
                    cx.set_null(2, false);
                }
                None => {
                    cx.set_null(2, true);
                }
            }
            cx.set_sqlcode(0);
            return;
        }
        cx.set_sqlcode(100);
    }
    fn sql_003_close_c1(&mut self, cx: &mut ExecContext<'_>) {
        cx.set_sqlcode(0);
    }
    fn sql_004_update_acct(&mut self, cx: &mut ExecContext<'_>) {
        assert_eq!(cx.text(0), "A00003");
        cx.set_sqlcode(-911);
        cx.set_sqlerrm("DEADLOCK OR TIMEOUT");
    }
}

pub(super) fn binding() -> Option<Box<dyn super::Exec>> {
    Some(Box::new(Table {
        rows: vec![
            ("A00001", "ADA", Some(Dec::parse("250.75"))),
            ("A00002", "BOB", None),
            ("A00004", "CY", Some(Dec::parse("99.99"))),
            ("A00003", "DOT", Some(Dec::parse("1000"))),
        ],
        at: 0,
        min: 0,
    }))
}
"#;

fn build_and_run(out: &Path) -> std::process::Output {
    let target = target_dir();
    let build = Command::new(env!("CARGO"))
        .args(["build", "--offline", "--release", "--manifest-path"])
        .arg(out.join("Cargo.toml"))
        .env("CARGO_TARGET_DIR", &target)
        .output()
        .expect("cargo runs");
    assert!(build.status.success(), "{}", text(&build));
    let stderr = String::from_utf8_lossy(&build.stderr);
    assert!(
        !stderr.contains("warning"),
        "the generated code builds without warnings:\n{stderr}"
    );
    Command::new(target.join("release").join("acctlist"))
        .current_dir(out)
        .output()
        .expect("the program runs")
}

#[test]
fn exec_sql_blocks_run_through_the_teams_binding() {
    let tmp = tempfile::tempdir().unwrap();
    let src = tmp.path().join("src");
    std::fs::create_dir_all(&src).unwrap();
    std::fs::write(src.join("ACCTLIST.cbl"), PROGRAM).unwrap();
    let out = tmp.path().join("out");
    let o = ferry(&[
        "translate",
        src.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", text(&o));

    // The trait: one method per executable block, the block as its documentation.
    let lib = std::fs::read_to_string(out.join("units/acctlist/src/lib.rs")).unwrap();
    for m in [
        "fn sql_001_open_c1(",
        "fn sql_002_fetch_c1(",
        "fn sql_003_close_c1(",
        "fn sql_004_update_acct(",
    ] {
        assert!(lib.contains(m), "{m} in the Exec trait:\n{lib}");
    }
    assert_eq!(
        lib.matches("(&mut self, cx: &mut rt::exec::ExecContext<'_>);")
            .count(),
        4
    );
    assert!(
        lib.contains("///     FETCH C1 INTO :HV-ID, :HV-NAME, :HV-BAL :HV-BAL-IND"),
        "{lib}"
    );
    assert!(
        lib.contains("The cursor is declared at ACCTLIST.cbl:15"),
        "{lib}"
    );
    assert!(lib.contains("2 `HV-BAL` (indicator `HV-BAL-IND`)"), "{lib}");
    let binding = out.join("units/acctlist/src/binding.rs");
    let first = std::fs::read_to_string(&binding).unwrap();
    assert!(first.contains("None"), "{first}");

    // Unbound: the program stops at its first block, naming it.
    let run = build_and_run(&out);
    assert_eq!(run.status.code(), Some(1), "{}", text(&run));
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(
        err.contains("EXEC SQL at ACCTLIST.cbl:23 has no binding")
            && err.contains("sql_001_open_c1"),
        "{err}"
    );
    assert!(run.stdout.is_empty());

    // Bound: the team's binding runs every block.
    std::fs::write(&binding, BINDING).unwrap();
    let run = build_and_run(&out);
    assert_eq!(
        String::from_utf8_lossy(&run.stdout),
        "A00001 ADA              250.75\n\
         A00002 BOB          no balance\n\
         A00003 DOT             1000.00\n\
         ROWS 003\n\
         SQL ERROR     -911 DEADLOCK OR TIMEOUT\n",
        "{}",
        text(&run)
    );
    assert_eq!(run.status.code(), Some(8));

    // A later translation (even forced) keeps the team's binding.rs.
    let o = ferry(&[
        "translate",
        src.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--force",
    ]);
    assert!(o.status.success(), "{}", text(&o));
    assert_eq!(std::fs::read_to_string(&binding).unwrap(), BINDING);
    let st = ferry(&["status", out.to_str().unwrap()]);
    assert!(
        String::from_utf8_lossy(&st.stdout).contains("needs a binding (4 EXEC block(s)"),
        "{}",
        text(&st)
    );
    // The report: the unit is unverified (nothing replays it: cobc cannot run EXEC SQL), which
    // makes `ferry report` exit 1, and it lists the blocks that need a binding.
    let o = ferry(&["report", out.to_str().unwrap(), "--format", "json"]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    let r = report(&out);
    assert_eq!(r["units"][0]["status"], "unverified");
    let blocks = r["units"][0]["exec_blocks"]
        .as_array()
        .expect("exec_blocks");
    assert_eq!(blocks.len(), 4);
    assert_eq!(blocks[1]["method"], "sql_002_fetch_c1");
    assert_eq!(blocks[1]["origin"], "ACCTLIST.cbl:25");
}

#[test]
fn cics_handle_condition_is_refused_with_its_position() {
    let tmp = tempfile::tempdir().unwrap();
    let src = tmp.path().join("src");
    std::fs::create_dir_all(&src).unwrap();
    std::fs::write(
        src.join("CICSX.cbl"),
        "       IDENTIFICATION DIVISION.\n       PROGRAM-ID. CICSX.\n       PROCEDURE DIVISION.\n           EXEC CICS HANDLE CONDITION NOTFND(P2) END-EXEC\n           EXEC CICS RETURN END-EXEC.\n       P2.\n           GOBACK.\n",
    )
    .unwrap();
    let out = tmp.path().join("out");
    let o = ferry(&[
        "translate",
        src.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    let t = text(&o);
    assert!(!o.status.success(), "{t}");
    assert!(
        t.contains("CICSX.cbl:4:12") && t.contains("HANDLE CONDITION changes control flow"),
        "{t}"
    );
}
