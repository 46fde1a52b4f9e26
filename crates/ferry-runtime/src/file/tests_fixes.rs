//! Corpus-driven fixes, each checked against a small cobc 3.1.2 program.

use super::*;

fn path(tag: &str) -> &'static str {
    let p = std::env::temp_dir().join(format!("ferry-rtf-{}-{}", tag, std::process::id()));
    let _ = std::fs::remove_file(&p);
    Box::leak(p.to_string_lossy().into_owned().into_boxed_str())
}

fn st(s: FileStatus) -> String {
    s.as_str().to_string()
}

/// cobc 3.1.2, RELATIVE ACCESS DYNAMIC, 10-byte records, slots 2 and 5 written, then I-O:
/// DELETE 3 (empty) 00, DELETE 1 (empty) 00, DELETE 5 00, DELETE 5 again 00, DELETE 6 23,
/// DELETE 9 23, DELETE 0 24; REWRITE 3 (empty) 00 but READ 3 then gives 23 and the slot
/// holds the record bytes with length 0; REWRITE 6 23; REWRITE 0 24.
#[test]
fn relative_delete_rewrite_empty_slot() {
    let p = path("reldel");
    let mut f = CobFile::new(FileSpec::relative(p, 10).access(Access::Dynamic));
    let mut r = [b' '; 10];
    assert_eq!(st(f.open(OpenMode::Output)), "00");
    assert_eq!(st(f.write_key(b"TWO       ", Key::Rel(2))), "00");
    assert_eq!(st(f.write_key(b"FIVE      ", Key::Rel(5))), "00");
    f.close();
    assert_eq!(st(f.open(OpenMode::InputOutput)), "00");
    assert_eq!(st(f.delete(&r, Some(Key::Rel(3)))), "00");
    assert_eq!(st(f.delete(&r, Some(Key::Rel(1)))), "00");
    assert_eq!(st(f.delete(&r, Some(Key::Rel(5)))), "00");
    assert_eq!(st(f.delete(&r, Some(Key::Rel(5)))), "00");
    assert_eq!(st(f.delete(&r, Some(Key::Rel(6)))), "23");
    assert_eq!(st(f.delete(&r, Some(Key::Rel(9)))), "23");
    assert_eq!(st(f.delete(&r, Some(Key::Rel(0)))), "24");
    assert_eq!(st(f.rewrite_key(b"X         ", Some(Key::Rel(3)))), "00");
    assert_eq!(st(f.read_key(&mut r, Key::Rel(3))), "23");
    assert_eq!(st(f.rewrite_key(b"Y         ", Some(Key::Rel(6)))), "23");
    assert_eq!(st(f.rewrite_key(b"Y         ", Some(Key::Rel(0)))), "24");
    f.close();
    let b = std::fs::read(p).unwrap();
    assert_eq!(b.len(), 5 * 18);
    assert_eq!(&b[36..54], b"\0\0\0\0\0\0\0\0X         ");
    assert_eq!(&b[72..90], b"\0\0\0\0\0\0\0\0FIVE      ");
}

fn list_by_alt(f: &mut CobFile) -> Vec<String> {
    let mut r = *b"  \0 ";
    assert_eq!(st(f.start(StartOp::Ge, Key::Index(1), &r, None)), "00");
    let mut out = Vec::new();
    while f.read(&mut r).is_ok() {
        out.push(String::from_utf8_lossy(&r).into_owned());
    }
    out
}

/// cobc 3.1.2 (BDB), RECORD KEY K PIC XX, ALTERNATE KEY C PIC X WITH DUPLICATES, N PIC X:
/// WRITE A4X1 00, A2Y1 00, A1X1 02, A3X1 02; I-O: REWRITE A4X2 00 (C unchanged, has
/// duplicates), A2X2 02 (Y->X), A2X3 00, A1Z2 00, A1Z3 00, A1X4 02, A3Y4 00; listing by C:
/// A4X2 A2X3 A1X4 A3Y4, the same after CLOSE and OPEN INPUT. No side file is written.
#[test]
fn indexed_rewrite_duplicate_chain() {
    const KEYS: &[KeySpec] = &[KeySpec::new(0, 2), KeySpec::new(2, 1).with_duplicates()];
    let p = path("idxrw");
    let _ = std::fs::remove_file(format!("{p}.dupseq"));
    let mut f = CobFile::new(FileSpec::indexed(p, 4, KEYS).access(Access::Dynamic));
    assert_eq!(st(f.open(OpenMode::Output)), "00");
    let w: Vec<String> = [b"A4X1", b"A2Y1", b"A1X1", b"A3X1"]
        .iter()
        .map(|r| st(f.write(*r, Advance::None)))
        .collect();
    assert_eq!(w, ["00", "00", "02", "02"]);
    f.close();
    assert_eq!(st(f.open(OpenMode::InputOutput)), "00");
    let rw: Vec<String> = [
        b"A4X2", b"A2X2", b"A2X3", b"A1Z2", b"A1Z3", b"A1X4", b"A3Y4",
    ]
    .iter()
    .map(|r| st(f.rewrite(*r)))
    .collect();
    assert_eq!(rw, ["00", "02", "00", "00", "00", "02", "00"]);
    assert_eq!(list_by_alt(&mut f), ["A4X2", "A2X3", "A1X4", "A3Y4"]);
    f.close();
    assert_eq!(unload(p).unwrap().unwrap(), b"A1X4A2X3A3Y4A4X2");
    assert!(!std::path::Path::new(&format!("{p}.dupseq")).exists());
    // reopen in the same process: cobc keeps the insertion order
    assert_eq!(st(f.open(OpenMode::Input)), "00");
    assert_eq!(list_by_alt(&mut f), ["A4X2", "A2X3", "A1X4", "A3Y4"]);
    f.close();
}

/// An indexed file given as its unloaded form (what cobc gets by loading it with WRITEs in
/// primary-key order): duplicates come back in primary-key order.
#[test]
fn indexed_unloaded_input_dup_order() {
    const KEYS: &[KeySpec] = &[KeySpec::new(0, 2), KeySpec::new(2, 1).with_duplicates()];
    let p = path("idxunl");
    std::fs::write(p, b"A1X4A2X3A3Y4A4X2").unwrap();
    let mut f = CobFile::new(FileSpec::indexed(p, 4, KEYS).access(Access::Dynamic));
    assert_eq!(st(f.open(OpenMode::InputOutput)), "00");
    assert_eq!(list_by_alt(&mut f), ["A1X4", "A2X3", "A4X2", "A3Y4"]);
    // a new duplicate still goes to the end of its chain
    assert_eq!(st(f.write(b"A0X5", Advance::None)), "02");
    assert_eq!(
        list_by_alt(&mut f),
        ["A1X4", "A2X3", "A4X2", "A0X5", "A3Y4"]
    );
    f.close();
}
