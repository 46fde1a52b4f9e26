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
