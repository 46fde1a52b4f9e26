use std::path::Path;

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
