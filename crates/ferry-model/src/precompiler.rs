//! The data items a precompiler gives a program with EXEC blocks: the SQLCA (`EXEC SQL INCLUDE
//! SQLCA`), the CICS EXEC interface block (DFHEIBLK) and the DL/I interface block (DLIDIB); and
//! the LINAGE-COUNTER special register of a file with LINAGE.
//!
//! A DB2 or CICS precompiler inserts these into the program before the COBOL compiler sees it;
//! ferry lays them out as WORKING-STORAGE items after the program's own data, so that statements
//! naming SQLCODE, EIBCALEN or DIBSTAT resolve, and a binding fills them through
//! `ferry_runtime::exec::ExecContext`. The layouts are the documented ones, written here as COBOL.

use ferry_syntax::ast::{DataItem, ExecKind, Program, Span, StatementKind};

const SQLCA: &str = "
       01 SQLCA.
          05 SQLCAID PIC X(8) VALUE 'SQLCA'.
          05 SQLCABC PIC S9(9) COMP-5 VALUE 136.
          05 SQLCODE PIC S9(9) COMP-5 VALUE 0.
          05 SQLERRM.
             49 SQLERRML PIC S9(4) COMP-5 VALUE 0.
             49 SQLERRMC PIC X(70) VALUE SPACES.
          05 SQLERRP PIC X(8) VALUE SPACES.
          05 SQLERRD PIC S9(9) COMP-5 OCCURS 6 TIMES VALUE 0.
          05 SQLWARN.
             10 SQLWARN0 PIC X VALUE SPACE.
             10 SQLWARN1 PIC X VALUE SPACE.
             10 SQLWARN2 PIC X VALUE SPACE.
             10 SQLWARN3 PIC X VALUE SPACE.
             10 SQLWARN4 PIC X VALUE SPACE.
             10 SQLWARN5 PIC X VALUE SPACE.
             10 SQLWARN6 PIC X VALUE SPACE.
             10 SQLWARN7 PIC X VALUE SPACE.
          05 SQLEXT.
             10 SQLWARN8 PIC X VALUE SPACE.
             10 SQLWARN9 PIC X VALUE SPACE.
             10 SQLWARNA PIC X VALUE SPACE.
             10 SQLSTATE PIC X(5) VALUE '00000'.
";

const DFHEIBLK: &str = "
       01 DFHEIBLK.
          05 EIBTIME PIC S9(7) COMP-3 VALUE 0.
          05 EIBDATE PIC S9(7) COMP-3 VALUE 0.
          05 EIBTRNID PIC X(4) VALUE SPACES.
          05 EIBTASKN PIC S9(7) COMP-3 VALUE 0.
          05 EIBTRMID PIC X(4) VALUE SPACES.
          05 DFHEIGDI PIC S9(4) COMP VALUE 0.
          05 EIBCPOSN PIC S9(4) COMP VALUE 0.
          05 EIBCALEN PIC S9(4) COMP VALUE 0.
          05 EIBAID PIC X VALUE SPACE.
          05 EIBFN PIC X(2) VALUE SPACES.
          05 EIBRCODE PIC X(6) VALUE SPACES.
          05 EIBDS PIC X(8) VALUE SPACES.
          05 EIBREQID PIC X(8) VALUE SPACES.
          05 EIBRSRCE PIC X(8) VALUE SPACES.
          05 EIBSYNC PIC X VALUE SPACE.
          05 EIBFREE PIC X VALUE SPACE.
          05 EIBRECV PIC X VALUE SPACE.
          05 EIBSEND PIC X VALUE SPACE.
          05 EIBATT PIC X VALUE SPACE.
          05 EIBEOC PIC X VALUE SPACE.
          05 EIBFMH PIC X VALUE SPACE.
          05 EIBCOMPL PIC X VALUE SPACE.
          05 EIBSIG PIC X VALUE SPACE.
          05 EIBCONF PIC X VALUE SPACE.
          05 EIBERR PIC X VALUE SPACE.
          05 EIBERRCD PIC X(4) VALUE SPACES.
          05 EIBSYNRB PIC X VALUE SPACE.
          05 EIBNODAT PIC X VALUE SPACE.
          05 EIBRESP PIC S9(8) COMP VALUE 0.
          05 EIBRESP2 PIC S9(8) COMP VALUE 0.
          05 EIBRLDBK PIC X VALUE SPACE.
";

const DLIDIB: &str = "
       01 DLIDIB.
          05 DIBVER PIC X(2) VALUE SPACES.
          05 DIBSTAT PIC X(2) VALUE SPACES.
          05 DIBSEGM PIC X(8) VALUE SPACES.
          05 DIBFIL01 PIC X VALUE SPACE.
          05 DIBFIL02 PIC X VALUE SPACE.
          05 DIBSEGLV PIC X(2) VALUE SPACES.
          05 DIBKFBL PIC S9(4) COMP VALUE 0.
          05 DIBDBDNM PIC X(8) VALUE SPACES.
          05 DIBDBORG PIC X(8) VALUE SPACES.
          05 DIBFIL03 PIC X(6) VALUE SPACES.
";

/// The interface blocks `program` needs and does not declare itself, each with the span of the
/// EXEC block that calls for it, as WORKING-STORAGE level-01 items.
pub fn items(program: &Program) -> Vec<DataItem> {
    let mut blocks: Vec<(ExecKind, &str, Span)> = program
        .data
        .exec_blocks
        .iter()
        .map(|b| (b.kind, b.text.as_str(), b.span))
        .collect();
    if let Some(proc) = &program.procedure {
        for section in proc.declaratives.iter().chain(&proc.sections) {
            for p in &section.paragraphs {
                for sentence in &p.sentences {
                    ferry_syntax::walk::for_each_statement(&sentence.statements, &mut |s| {
                        if let StatementKind::Exec { kind, text } = &s.kind {
                            blocks.push((*kind, text.as_str(), s.span));
                        }
                    });
                }
            }
        }
    }
    let declared = |name: &str| {
        fn any(items: &[DataItem], name: &str) -> bool {
            items
                .iter()
                .any(|i| i.name.as_deref() == Some(name) || any(&i.children, name))
        }
        let d = &program.data;
        any(&d.working_storage, name)
            || any(&d.local_storage, name)
            || any(&d.linkage, name)
            || d.files.iter().any(|f| any(&f.records, name))
    };
    let mut out = Vec::new();
    let sqlca = blocks.iter().find(|(k, t, _)| {
        *k == ExecKind::Sql && {
            let w: Vec<String> = t
                .split_whitespace()
                .map(|w| w.to_ascii_uppercase())
                .collect();
            w.len() >= 3 && w[1] == "INCLUDE" && w[2] == "SQLCA"
        }
    });
    if let Some((_, _, span)) = sqlca {
        if !declared("SQLCODE") {
            out.extend(snippet(SQLCA, *span));
        }
    }
    if let Some((_, _, span)) = blocks.iter().find(|(k, _, _)| *k == ExecKind::Cics) {
        if !declared("EIBCALEN") {
            out.extend(snippet(DFHEIBLK, *span));
        }
    }
    // LINAGE-COUNTER: one special register for the program's LINAGE file (several LINAGE files
    // would need one each, qualified by file; not laid out, so references to it are refused).
    let linage: Vec<_> = program
        .data
        .files
        .iter()
        .filter(|f| f.linage.is_some())
        .collect();
    if let [one] = linage.as_slice() {
        if !declared("LINAGE-COUNTER") {
            out.extend(snippet(
                "       01 LINAGE-COUNTER PIC 9(10) VALUE 0.\n",
                one.span,
            ));
        }
    }
    if let Some((_, _, span)) = blocks.iter().find(|(k, _, _)| *k == ExecKind::Dli) {
        if !declared("DIBSTAT") {
            out.extend(snippet(DLIDIB, *span));
        }
    }
    out
}

fn snippet(items: &str, span: Span) -> Vec<DataItem> {
    let text = format!(
        "       IDENTIFICATION DIVISION.\n       PROGRAM-ID. PRECOMP.\n       DATA DIVISION.\n       WORKING-STORAGE SECTION.\n{items}"
    );
    let parsed = ferry_syntax::parse(&text);
    debug_assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
    let mut out = parsed
        .unit
        .programs
        .into_iter()
        .next()
        .map(|p| p.data.working_storage)
        .unwrap_or_default();
    fn respan(items: &mut [DataItem], span: Span) {
        for i in items {
            i.span = span;
            respan(&mut i.children, span);
        }
    }
    respan(&mut out, span);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_interface_blocks_parse() {
        for (text, top, count) in [
            (SQLCA, "SQLCA", 8),
            (DFHEIBLK, "DFHEIBLK", 31),
            (DLIDIB, "DLIDIB", 10),
        ] {
            let items = snippet(text, Span { start: 1, end: 2 });
            assert_eq!(items.len(), 1);
            assert_eq!(items[0].name.as_deref(), Some(top));
            assert_eq!(items[0].children.len(), count, "{top}");
            assert_eq!(items[0].children[0].span, Span { start: 1, end: 2 });
        }
    }
}
