use std::path::Path;

use ferry_source::{Diagnostic, Severity};

use super::*;

const PAYJOB: &str = "\
//PAYJOB   JOB (ACCT01,'PAYROLL'),'WEEKLY PAYROLL',CLASS=A,
//             MSGCLASS=X,MSGLEVEL=(1,1),NOTIFY=&SYSUID
//*-------------------------------------------------------------------
//STEP010  EXEC PGM=PAYROLL
//STEPLIB  DD DSN=PROD.PAYROLL.LOADLIB,DISP=SHR
//EMPFILE  DD DSN=PROD.PAYROLL.EMPLOYEE.WEEKLY,DISP=SHR
//PAYRPT   DD DSN=PROD.PAYROLL.REGISTER(+1),
//             DISP=(NEW,CATLG,DELETE),
//             UNIT=SYSDA,SPACE=(TRK,(15,5),RLSE),
//             DCB=(RECFM=FBA,LRECL=100,BLKSIZE=0)
//PAYTOT   DD DSN=PROD.PAYROLL.RUNTOTAL,
//             DISP=(NEW,CATLG,DELETE)
//SYSOUT   DD SYSOUT=*
//*
//STEP020  EXEC PGM=PAYSUMM,COND=(4,LT,STEP010)
//PAYTOT   DD DSN=PROD.PAYROLL.RUNTOTAL,DISP=SHR
//SYSOUT   DD SYSOUT=*
";

#[test]
fn job_steps_dds_and_continuations() {
    let (job, diags) = parse_jcl(PAYJOB, Path::new("PAYJOB.jcl"));
    assert!(diags.is_empty(), "{diags:?}");
    assert_eq!(job.name, "PAYJOB");
    assert_eq!(job.steps.len(), 2);
    let s1 = &job.steps[0];
    assert_eq!(s1.name, "STEP010");
    assert_eq!(s1.program.as_deref(), Some("PAYROLL"));
    let rpt = s1.dds.iter().find(|d| d.name == "PAYRPT").expect("PAYRPT");
    assert_eq!(rpt.disp.as_deref(), Some("NEW,CATLG,DELETE"));
    assert_eq!(rpt.status(), DispStatus::New);
    assert_eq!(rpt.dataset().as_deref(), Some("PROD.PAYROLL.REGISTER"));
    let sysout = s1.dds.iter().find(|d| d.name == "SYSOUT").expect("SYSOUT");
    assert_eq!(sysout.sysout.as_deref(), Some("*"));
    assert_eq!(sysout.dataset(), None);
    assert_eq!(job.steps[1].cond.as_deref(), Some("(4,LT,STEP010)"));
    assert_eq!(job.steps[1].dds[0].status(), DispStatus::Shr);
    assert_eq!(job.structure, vec![JclNode::Step(0), JclNode::Step(1)]);
}

#[test]
fn instream_proc_with_symbols_overrides_and_inline_data() {
    let text = "\
//NIGHTLY JOB 1,'OPS'
//         SET ENV=PROD
//EXTRACT  PROC HLQ=TEST,OUT=DAILY
//RUN      EXEC PGM=EXTR&OUT.X
//IN       DD DSN=&HLQ..MASTER,DISP=SHR
//OUT      DD DSN=&ENV..&OUT..FILE,DISP=(,CATLG),
//            UNIT=SYSDA
//         PEND
//* call it
//STEP1    EXEC EXTRACT,HLQ=PROD
//RUN.IN   DD DSN=PROD.OTHER,DISP=OLD
//RUN.SYSIN DD *
 CARD ONE
 CARD TWO
/*
//STEP2    EXEC PROC=EXTRACT,OUT=WEEKLY,COND.RUN=(0,NE)
//STEP3    EXEC PGM=REPORT
//IN       DD DSN=*.STEP1.RUN.OUT,DISP=SHR
//         DD DSN=MORE.DATA,DISP=SHR
//SYSIN    DD DATA,DLM=$$
// LINE WITH SLASHES
$$
//NULL     DD DUMMY
";
    let (job, diags) = parse_jcl(text, Path::new("N.jcl"));
    assert!(diags.is_empty(), "{diags:?}");
    let names: Vec<&str> = job.steps.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, vec!["STEP1.RUN", "STEP2.RUN", "STEP3"]);
    let s1 = &job.steps[0];
    assert_eq!(s1.program.as_deref(), Some("EXTRDAILYX"));
    assert_eq!(s1.proc.as_deref(), Some("EXTRACT"));
    let dsn = |s: &JclStep, n: &str| {
        s.dds
            .iter()
            .find(|d| d.name == n)
            .and_then(|d| d.dsn.clone())
    };
    assert_eq!(dsn(s1, "IN").as_deref(), Some("PROD.OTHER"));
    assert_eq!(
        s1.dds.iter().find(|d| d.name == "IN").map(|d| d.status()),
        Some(DispStatus::Old)
    );
    assert_eq!(dsn(s1, "OUT").as_deref(), Some("PROD.DAILY.FILE"));
    assert_eq!(
        s1.dds
            .iter()
            .find(|d| d.name == "OUT")
            .and_then(|d| d.disp.clone())
            .as_deref(),
        Some("NEW,CATLG")
    );
    assert_eq!(
        s1.dds
            .iter()
            .find(|d| d.name == "SYSIN")
            .and_then(|d| d.inline.clone())
            .as_deref(),
        Some(" CARD ONE\n CARD TWO\n")
    );
    let s2 = &job.steps[1];
    assert_eq!(s2.program.as_deref(), Some("EXTRWEEKLYX"));
    assert_eq!(dsn(s2, "IN").as_deref(), Some("TEST.MASTER"));
    assert_eq!(s2.cond.as_deref(), Some("(0,NE)"));
    let s3 = &job.steps[2];
    assert_eq!(dsn(s3, "IN").as_deref(), Some("PROD.DAILY.FILE"));
    assert_eq!(s3.dds[1].name, "IN");
    assert!(s3.dds[1].concatenated);
    assert_eq!(s3.dds[2].inline.as_deref(), Some("// LINE WITH SLASHES\n"));
    assert!(s3.dds[3].dummy);
}

#[test]
fn if_then_else_structure() {
    let text = "\
//J JOB
//A EXEC PGM=ONE
//CHK IF (A.RC = 0) THEN
//B EXEC PGM=TWO
//  ELSE
//C EXEC PGM=THREE
//  ENDIF
//D EXEC PGM=FOUR
";
    let (job, diags) = parse_jcl(text, Path::new("J.jcl"));
    assert!(diags.is_empty(), "{diags:?}");
    assert_eq!(
        job.structure,
        vec![
            JclNode::Step(0),
            JclNode::If {
                condition: "(A.RC = 0)".into(),
                then: vec![JclNode::Step(1)],
                otherwise: vec![JclNode::Step(2)]
            },
            JclNode::Step(3),
        ]
    );
}

#[test]
fn problems_are_diagnostics_not_failures() {
    let text = "\
//J JOB
//S1 EXEC PGM=X,PARM='&UNKNOWN'
//S2 EXEC CATPROC
//X  DD DSN=*.NOPE.DD,DISP=SHR
//  ENDIF
stray data
//S3 EXEC
//B IF RC = 0 THEN
";
    let (job, diags) = parse_jcl(text, Path::new("J.jcl"));
    assert_eq!(job.steps.len(), 2);
    assert_eq!(job.steps[1].proc.as_deref(), Some("CATPROC"));
    assert_eq!(job.steps[1].program, None);
    let msgs: Vec<String> = diags
        .iter()
        .map(|d| format!("{}:{} {}", d.line, d.column, d.message))
        .collect();
    assert!(msgs.iter().any(|m| m.contains("&UNKNOWN")), "{msgs:?}");
    assert!(msgs.iter().any(|m| m.contains("CATPROC")), "{msgs:?}");
    assert!(msgs.iter().any(|m| m.contains("referback")), "{msgs:?}");
    assert!(
        msgs.iter()
            .any(|m| m.starts_with("5:") && m.contains("ENDIF without IF")),
        "{msgs:?}"
    );
    assert!(msgs.iter().any(|m| m.starts_with("6:1")), "{msgs:?}");
    assert!(msgs.iter().any(|m| m.contains("EXEC without")), "{msgs:?}");
    assert!(
        msgs.iter().any(|m| m.contains("IF without ENDIF")),
        "{msgs:?}"
    );
}

#[test]
fn cataloged_proc_file_and_utilities() {
    let text = "\
//DB2RUN  PROC SYS=DSN1
//RUN     EXEC PGM=IKJEFT01
//SYSTSIN DD *
  DSN SYSTEM(&SYS)
  RUN PROGRAM(PAYDB2) PLAN(PAYPLAN)
/*
//IMS     EXEC PGM=DFSRRC00,PARM='BMP,PAYIMS,PAYPSB'
";
    let (job, diags) = parse_jcl(text, Path::new("DB2RUN.prc"));
    assert!(diags.is_empty(), "{diags:?}");
    assert!(job.is_proc);
    assert_eq!(job.name, "DB2RUN");
    assert_eq!(job.steps[0].name, "RUN");
    assert_eq!(job.steps[0].executed_program().as_deref(), Some("PAYDB2"));
    assert_eq!(job.steps[1].executed_program().as_deref(), Some("PAYIMS"));
}

#[test]
fn long_lines_and_quoted_continuation() {
    let text = format!(
        "//J JOB\n//S EXEC PGM=P,PARM='ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGHIJKLMNOPQRSTUVW{}\n//             XYZ'\n",
        "XXXXXXXX00010000"
    );
    // Column 72+ is ignored; the string continues in column 16.
    let (job, _) = parse_jcl(&text, Path::new("J.jcl"));
    let parm = job.steps[0].parm.clone().unwrap_or_default();
    assert!(parm.starts_with("ABCDEFGHIJ"), "{parm}");
    assert!(parm.ends_with("XYZ"), "{parm}");
}

#[test]
fn sample_payroll_job_if_present() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../samples/payroll/jcl/PAYJOB.jcl");
    let Ok(text) = std::fs::read_to_string(&path) else {
        return;
    };
    let (job, diags) = parse_jcl(&text, &path);
    assert!(diags.is_empty(), "{diags:?}");
    let programs: Vec<Option<String>> = job.steps.iter().map(|s| s.program.clone()).collect();
    assert_eq!(
        programs,
        vec![Some("PAYROLL".to_string()), Some("PAYSUMM".to_string())]
    );
}

fn dd<'a>(step: &'a JclStep, name: &str) -> &'a Dd {
    step.dds
        .iter()
        .find(|d| d.name == name)
        .unwrap_or_else(|| panic!("no DD {name} in {step:?}"))
}

fn messages(diags: &[Diagnostic]) -> Vec<String> {
    diags
        .iter()
        .map(|d| format!("{}:{} {}", d.line, d.column, d.message))
        .collect()
}

/// Pads a statement to column 71 and puts `tail` in columns 72-80.
fn card(statement: &str, tail: &str) -> String {
    format!("{statement:<71}{tail}")
}

#[test]
fn inline_sysin_data() {
    let text = "\
//J JOB 1
//SORT EXEC PGM=SORT
//SYSIN DD *   the sort cards
  SORT FIELDS=(1,10,CH,A)   \r
  SUM FIELDS=NONE
/*
//SYSOUT DD SYSOUT=A
//S2 EXEC PGM=P2
//CARDS DD *
 ENDED BY THE NEXT STATEMENT
//EMPTY DD *
//LAST DD *
 AT THE END OF THE FILE";
    let (job, diags) = parse_jcl(text, Path::new("J.jcl"));
    assert!(diags.is_empty(), "{diags:?}");
    let s1 = &job.steps[0];
    assert_eq!(
        dd(s1, "SYSIN").inline.as_deref(),
        Some("  SORT FIELDS=(1,10,CH,A)\n  SUM FIELDS=NONE\n")
    );
    assert_eq!(dd(s1, "SYSIN").dataset(), None);
    assert_eq!(dd(s1, "SYSOUT").sysout.as_deref(), Some("A"));
    let s2 = &job.steps[1];
    assert_eq!(
        dd(s2, "CARDS").inline.as_deref(),
        Some(" ENDED BY THE NEXT STATEMENT\n")
    );
    assert_eq!(dd(s2, "EMPTY").inline.as_deref(), Some(""));
    assert_eq!(
        dd(s2, "LAST").inline.as_deref(),
        Some(" AT THE END OF THE FILE\n")
    );
}

#[test]
fn dlm_delimiter_and_dd_data() {
    let text = "\
//J JOB 1
//S1 EXEC PGM=IEBUPDTE
//SYSIN DD DATA,DLM=$$
./ ADD NAME=MEMBER
//INNER JOB 2
//* NOT A COMMENT HERE
/*
$$
//QUOTED DD *,
//          DLM='@@'
/* KEPT
//STAR DD DSN=X.Y,DISP=SHR
//DATA2 DD DATA
//KEPT
/*
//AFTER DD DUMMY
";
    let (job, diags) = parse_jcl(text, Path::new("J.jcl"));
    assert!(diags.is_empty(), "{diags:?}");
    assert_eq!(job.name, "J");
    assert_eq!(job.steps.len(), 1);
    let s = &job.steps[0];
    assert_eq!(
        dd(s, "SYSIN").inline.as_deref(),
        Some("./ ADD NAME=MEMBER\n//INNER JOB 2\n//* NOT A COMMENT HERE\n/*\n")
    );
    assert_eq!(dd(s, "QUOTED").inline.as_deref(), Some("/* KEPT\n"));
    assert_eq!(dd(s, "STAR").dsn.as_deref(), Some("X.Y"));
    assert_eq!(dd(s, "DATA2").inline.as_deref(), Some("//KEPT\n"));
    assert!(dd(s, "AFTER").dummy);
}

#[test]
fn dd_operands_continued_over_lines() {
    let text = [
        "//J JOB 1".to_string(),
        "//S1 EXEC PGM=P".to_string(),
        "//OUT DD DSN=PROD.DAILY.OUT,     comment after the comma".to_string(),
        "//* a comment statement between continuation lines".to_string(),
        "//          DISP=(NEW,CATLG,".to_string(),
        "//          DELETE),UNIT=SYSDA,".to_string(),
        card(
            "//          DCB=(RECFM=FB,LRECL=80,BLKSIZE=27920),SPACE=(CYL,(1,1),RLSE)",
            "00050000",
        ),
        card(
            "//IN  DD DSN=PROD.A.VERY.LONG.DATA.SET.NAME.THAT.REACHES.COL71,DISP=SHR",
            "X0006000",
        ),
    ]
    .join("\n");
    let (job, diags) = parse_jcl(&text, Path::new("J.jcl"));
    assert!(diags.is_empty(), "{diags:?}");
    let s = &job.steps[0];
    let out = dd(s, "OUT");
    assert_eq!(out.dsn.as_deref(), Some("PROD.DAILY.OUT"));
    assert_eq!(out.disp.as_deref(), Some("NEW,CATLG,DELETE"));
    assert_eq!(
        out.dcb.as_deref(),
        Some("(RECFM=FB,LRECL=80,BLKSIZE=27920)")
    );
    // Column 72 holds an X right after the operand: ignored.
    let long = dd(s, "IN");
    assert_eq!(long.disp.as_deref(), Some("SHR"));
    assert_eq!(
        long.dsn.as_deref(),
        Some("PROD.A.VERY.LONG.DATA.SET.NAME.THAT.REACHES.COL71")
    );
}

#[test]
fn proc_pend_symbols_and_overrides() {
    let text = "\
//J JOB 1
//         SET HLQ=PROD
//BUILD    PROC MEMBER=MAIN,OPT='LIST,MAP',LIB=DEV
//COMPILE  EXEC PGM=IGYCRCTL,PARM='&OPT'
//SRC      DD DSN=&LIB..SOURCE(&MEMBER),DISP=SHR
//LOAD     DD DSN=&HLQ..LOADLIB(&MEMBER),DISP=OLD
//LINK     EXEC PGM=IEWL,COND=(4,LT,COMPILE)
//SYSLMOD  DD DSN=&HLQ..LOADLIB,DISP=SHR
//         PEND
//* The call overrides a default and a SET symbol, one step's PARM and COND, and a DD.
//B1       EXEC BUILD,MEMBER=PAYROLL,HLQ=TEST,
//             PARM.COMPILE='XREF',COND.LINK=(8,LT)
//COMPILE.SRC DD DSN=PROD.SOURCE(PAYROLL),DISP=SHR
//LINK.SYSLIB DD DSN=CEE.SCEELKED,DISP=SHR
//B2       EXEC PROC=BUILD
";
    let (job, diags) = parse_jcl(text, Path::new("J.jcl"));
    assert!(diags.is_empty(), "{diags:?}");
    let names: Vec<&str> = job.steps.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        names,
        vec!["B1.COMPILE", "B1.LINK", "B2.COMPILE", "B2.LINK"]
    );
    let (c1, l1, c2, l2) = (&job.steps[0], &job.steps[1], &job.steps[2], &job.steps[3]);
    assert_eq!(c1.program.as_deref(), Some("IGYCRCTL"));
    assert_eq!(c1.proc.as_deref(), Some("BUILD"));
    assert_eq!(c1.parm.as_deref(), Some("XREF"));
    assert_eq!(dd(c1, "SRC").dsn.as_deref(), Some("PROD.SOURCE(PAYROLL)"));
    assert_eq!(dd(c1, "LOAD").dsn.as_deref(), Some("TEST.LOADLIB(PAYROLL)"));
    assert_eq!(l1.cond.as_deref(), Some("(8,LT)"));
    assert_eq!(dd(l1, "SYSLMOD").dsn.as_deref(), Some("TEST.LOADLIB"));
    assert_eq!(dd(l1, "SYSLIB").dsn.as_deref(), Some("CEE.SCEELKED"));
    // Defaults, with the SET symbol (SET wins over a PROC default of the same name).
    assert_eq!(c2.parm.as_deref(), Some("LIST,MAP"));
    assert_eq!(dd(c2, "SRC").dsn.as_deref(), Some("DEV.SOURCE(MAIN)"));
    assert_eq!(dd(c2, "LOAD").dsn.as_deref(), Some("PROD.LOADLIB(MAIN)"));
    assert_eq!(l2.cond.as_deref(), Some("(4,LT,COMPILE)"));
}

#[test]
fn include_members() {
    let text = "\
//J JOB 1
//S1 EXEC PGM=P1
//   INCLUDE MEMBER=STDDDS
//S2 EXEC PGM=P2
//   INCLUDE MEMBER=LOOP
//   INCLUDE MEMBER=NOWHERE
";
    // Without a library: recorded, not expanded.
    let (job, diags) = parse_jcl(text, Path::new("J.jcl"));
    assert_eq!(job.includes, vec!["STDDDS", "LOOP", "NOWHERE"]);
    assert!(job.steps[0].dds.is_empty());
    let msgs = messages(&diags);
    assert!(
        msgs.iter()
            .any(|m| m.starts_with("3:6") && m.contains("INCLUDE MEMBER=STDDDS is not expanded")),
        "{msgs:?}"
    );

    let members = |name: &str| -> Option<(std::path::PathBuf, String)> {
        let text = match name {
            "STDDDS" => {
                "//SYSOUT DD SYSOUT=*\n//IN DD DSN=PROD.IN,DISP=SHR\n//   INCLUDE MEMBER=MORE\n"
            }
            "MORE" => "//EXTRA DD DSN=PROD.EXTRA,DISP=OLD\n",
            "LOOP" => "//BAD DD DSN=(\n//   INCLUDE MEMBER=LOOP\n",
            _ => return None,
        };
        Some((format!("lib/{name}.jcl").into(), text.to_string()))
    };
    let (job, diags) = parse_jcl_with_includes(text, Path::new("J.jcl"), &members);
    assert_eq!(
        job.includes,
        vec!["STDDDS", "MORE", "LOOP", "LOOP", "NOWHERE"]
    );
    let s1 = &job.steps[0];
    let names: Vec<&str> = s1.dds.iter().map(|d| d.name.as_str()).collect();
    assert_eq!(names, vec!["SYSOUT", "IN", "EXTRA"]);
    assert_eq!(dd(s1, "EXTRA").status(), DispStatus::Old);
    let at: Vec<String> = diags
        .iter()
        .map(|d| format!("{}:{}:{} {}", d.file.display(), d.line, d.column, d.message))
        .collect();
    // The syntax error and the cycle are reported in the member, the missing member in the job.
    assert!(
        at.iter().any(|m| m.starts_with("lib/LOOP.jcl:1:")),
        "{at:?}"
    );
    assert!(
        at.iter()
            .any(|m| m.starts_with("lib/LOOP.jcl:2:6") && m.contains("within itself")),
        "{at:?}"
    );
    assert!(
        at.iter()
            .any(|m| m.starts_with("J.jcl:6:6") && m.contains("NOWHERE")),
        "{at:?}"
    );
    assert!(!at.iter().any(|m| m.contains("STDDDS")), "{at:?}");
    assert_eq!(
        at.iter().filter(|m| m.contains("MEMBER=LOOP")).count(),
        1,
        "{at:?}"
    );
}

#[test]
fn nested_if_then_else_and_continued_conditions() {
    let text = "\
//J JOB 1
//S1 EXEC PGM=ONE
//IF1 IF (S1.RC <= 4 AND ¬S1.ABEND) |
//* a comment inside the condition
//       S1.RC = 8 THEN             remark
//S2 EXEC PGM=TWO
//IF2   IF ABEND THEN
//S3 EXEC PGM=THREE
//      ENDIF
//      ELSE
//S4 EXEC PGM=FOUR
//      ENDIF
//S5 EXEC PGM=FIVE,COND=EVEN
";
    let (job, diags) = parse_jcl(text, Path::new("J.jcl"));
    assert!(diags.is_empty(), "{diags:?}");
    assert_eq!(
        job.structure,
        vec![
            JclNode::Step(0),
            JclNode::If {
                condition: "(S1.RC <= 4 AND ¬S1.ABEND) | S1.RC = 8".into(),
                then: vec![
                    JclNode::Step(1),
                    JclNode::If {
                        condition: "ABEND".into(),
                        then: vec![JclNode::Step(2)],
                        otherwise: vec![],
                    }
                ],
                otherwise: vec![JclNode::Step(3)],
            },
            JclNode::Step(4),
        ]
    );
    assert_eq!(job.steps[4].cond.as_deref(), Some("EVEN"));
}

#[test]
fn cond_parameters_as_written() {
    let text = "\
//J JOB 1,COND=(8,LE)
//S1 EXEC PGM=A
//S2 EXEC PGM=B,COND=((4,LT,S1),(8,EQ),
//             ONLY)
//S3 EXEC PGM=C,COND=(0,NE,S2.STEPA)
";
    let (job, diags) = parse_jcl(text, Path::new("J.jcl"));
    assert!(diags.is_empty(), "{diags:?}");
    let conds: Vec<Option<&str>> = job.steps.iter().map(|s| s.cond.as_deref()).collect();
    assert_eq!(
        conds,
        vec![
            None,
            Some("((4,LT,S1),(8,EQ),ONLY)"),
            Some("(0,NE,S2.STEPA)")
        ]
    );
}

#[test]
fn comments_remarks_jes2_and_null_statements() {
    let text = [
        "//* before the job".to_string(),
        "//J JOB ,'NO ACCOUNT',CLASS=A   the account is omitted".to_string(),
        "/*JOBPARM LINES=10".to_string(),
        "//*".to_string(),
        card("//S1 EXEC PGM=P1,PARM='A B'     runs P1", "00010000"),
        "".to_string(),
        "//IN DD DSN=A.B,DISP=SHR  DISP=OLD would be a remark here".to_string(),
        "//* end".to_string(),
        "//".to_string(),
    ]
    .join("\n");
    let (job, diags) = parse_jcl(&text, Path::new("J.jcl"));
    assert!(diags.is_empty(), "{diags:?}");
    assert_eq!(job.name, "J");
    let s = &job.steps[0];
    assert_eq!(s.parm.as_deref(), Some("A B"));
    assert_eq!(dd(s, "IN").status(), DispStatus::Shr);
}

#[test]
fn malformed_statements_give_positioned_diagnostics() {
    let text = "\
//J JOB 1
//S1 EXEC PGM=A,
//S2 EXEC PGM=B
//T1 IF RC = 4
//S3 EXEC PGM=C,PARM=(X,Y
//STEP4
//S5 EXEC PGM=E,PARM='OPEN
//S6 EXEC PGM=F
";
    let (job, diags) = parse_jcl(text, Path::new("J.jcl"));
    let programs: Vec<&str> = job
        .steps
        .iter()
        .filter_map(|s| s.program.as_deref())
        .collect();
    assert_eq!(programs, vec!["A", "B", "C", "E", "F"]);
    assert!(diags.iter().all(|d| d.file == Path::new("J.jcl")));
    let msgs = messages(&diags);
    let has = |prefix: &str, part: &str| {
        assert!(
            msgs.iter()
                .any(|m| m.starts_with(prefix) && m.contains(part)),
            "{prefix} {part}: {msgs:?}"
        );
    };
    has("2:16 ", "trailing comma");
    has("4:1 ", "malformed IF statement");
    has("5:26 ", "missing )");
    has("6:8 ", "statement without an operation");
    has("7:22 ", "unterminated apostrophe string");
    assert_eq!(diags.len(), 5, "{msgs:?}");
    assert!(diags.iter().all(|d| d.severity == Severity::Error));
}

#[test]
fn never_panics_on_odd_input() {
    let pieces = [
        "//", "//*", "/*", " ", ",", "(", ")", "'", "=", "&", "¬", "\t", "\r\n", "\n", "X", "DD",
        "EXEC", "IF", "THEN", "ELSE", "ENDIF", "PROC", "PEND", "*", "DATA", "DLM=$$", "$$", "PGM=",
        "DSN=A.B", "SET", "INCLUDE", "MEMBER=M", "JOB", "0", "€", "\0",
    ];
    let mut seed: u64 = 0x5eed;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..400 {
        let len = (next() % 60) as usize;
        let text: String = (0..len)
            .map(|_| pieces[(next() % pieces.len() as u64) as usize])
            .collect();
        let _ = parse_jcl(&text, Path::new("F.jcl"));
    }
    // Single edits of a valid job: a character dropped, doubled or replaced by a piece.
    let base: Vec<char> = PAYJOB.chars().collect();
    for _ in 0..600 {
        let mut text = base.clone();
        let at = (next() % text.len() as u64) as usize;
        match next() % 3 {
            0 => {
                text.remove(at);
            }
            1 => text.insert(at, text[at]),
            _ => {
                let piece = pieces[(next() % pieces.len() as u64) as usize];
                text.splice(at..at + 1, piece.chars());
            }
        }
        let text: String = text.into_iter().collect();
        let (job, _) = parse_jcl(&text, Path::new("F.jcl"));
        assert!(job.steps.len() <= 3, "{text}");
    }
    let long = "X".repeat(300);
    for text in [
        String::new(),
        "\n\n\n".into(),
        format!("//{long} {long} {long}"),
        format!("//S EXEC PGM=X,PARM='{long}"),
        "//S DD *,DLM=".into(),
        "//S DD DATA,DLM='A''B'\nA'B".into(),
    ] {
        let _ = parse_jcl(&text, Path::new("F.jcl"));
    }
}
