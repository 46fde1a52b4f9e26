//! RELATIVE and INDEXED behaviour recorded from cobc 3.1.2 (experiments r3, r4, x1).

use super::*;

fn path(tag: &str) -> &'static str {
    let p = std::env::temp_dir().join(format!("ferry-rtk-{}-{}", tag, std::process::id()));
    let _ = std::fs::remove_file(&p);
    Box::leak(p.to_string_lossy().into_owned().into_boxed_str())
}

fn st(s: FileStatus) -> String {
    s.as_str().to_string()
}

#[test]
fn relative_like_cobc() {
    let p = path("rel");
    let mut f = CobFile::new(FileSpec::relative(p, 5).access(Access::Dynamic));
    let mut r = [0u8; 5];
    assert_eq!(st(f.open(OpenMode::Output)), "00");
    assert_eq!(st(f.write_key(b"AAAAA", Key::Rel(1))), "00");
    assert_eq!(st(f.write_key(b"CCCCC", Key::Rel(3))), "00");
    assert_eq!(st(f.write_key(b"CCCCC", Key::Rel(3))), "22");
    f.close();
    assert_eq!(st(f.open(OpenMode::InputOutput)), "00");
    assert_eq!(st(f.read_key(&mut r, Key::Rel(2))), "23");
    assert_eq!(st(f.read_key(&mut r, Key::Rel(3))), "00");
    assert_eq!(&r, b"CCCCC");
    assert_eq!(st(f.rewrite_key(b"ZZZZZ", Some(Key::Rel(3)))), "00");
    assert_eq!(st(f.delete(&r, Some(Key::Rel(1)))), "00");
    assert_eq!(st(f.start(StartOp::Ge, Key::Rel(1), &r, None)), "00");
    assert_eq!(st(f.read(&mut r)), "00");
    assert_eq!((&r, f.rel_key), (b"ZZZZZ", 3));
    assert_eq!(st(f.read(&mut r)), "10");
    assert_eq!(st(f.write_key(b"NNNNN", Key::Rel(9))), "00");
    assert_eq!(st(f.read_key(&mut r, Key::Rel(0))), "23");
    f.close();
    // od of cobc's RFILE: 8-byte LE length + data per slot, deleted slot keeps its data
    let bytes = std::fs::read(p).unwrap();
    assert_eq!(bytes.len(), 9 * 13);
    assert_eq!(&bytes[0..13], b"\0\0\0\0\0\0\0\0AAAAA");
    assert_eq!(&bytes[26..39], b"\x05\0\0\0\0\0\0\0ZZZZZ");
    assert_eq!(&bytes[104..117], b"\x05\0\0\0\0\0\0\0NNNNN");
    f.open(OpenMode::Input);
    let mut seen = Vec::new();
    while f.read(&mut r).is_ok() {
        seen.push((String::from_utf8_lossy(&r).to_string(), f.rel_key));
    }
    assert_eq!(seen, [("ZZZZZ".to_string(), 3), ("NNNNN".to_string(), 9)]);
    assert_eq!(st(f.start(StartOp::Eq, Key::Rel(50), &r, None)), "23");
    f.close();
    // sequential access: WRITE fills 1, 2; EXTEND continues at 3
    let p2 = path("rel2");
    let mut g = CobFile::new(FileSpec::relative(p2, 5));
    g.open(OpenMode::Output);
    g.write(b"AAAAA", Advance::None);
    assert_eq!(g.rel_key, 1);
    g.write(b"BBBBB", Advance::None);
    g.close();
    g.open(OpenMode::Extend);
    g.write(b"CCCCC", Advance::None);
    assert_eq!(g.rel_key, 3);
    g.close();
}

#[test]
fn indexed_like_cobc() {
    const KEYS: &[KeySpec] = &[
        KeySpec::new(0, 3),
        KeySpec::new(3, 2).with_duplicates(),
        KeySpec::new(5, 2),
    ];
    let p = path("idx");
    let mut f = CobFile::new(FileSpec::indexed(p, 10, KEYS).access(Access::Dynamic));
    let mut r = *b"          ";
    assert_eq!(st(f.open(OpenMode::Output)), "00");
    assert_eq!(st(f.write(b"003AA01ccc", Advance::None)), "00");
    assert_eq!(st(f.write(b"001BB02aaa", Advance::None)), "00");
    assert_eq!(st(f.write(b"002AA03bbb", Advance::None)), "02");
    assert_eq!(st(f.write(b"002XX04xxx", Advance::None)), "22");
    assert_eq!(st(f.write(b"004XX01xxx", Advance::None)), "22");
    f.close();
    // the file is a store; its unloaded form: records in primary key order
    assert!(std::fs::read(p).unwrap().starts_with(b"redb"));
    assert_eq!(
        unload(p).unwrap().unwrap(),
        b"001BB02aaa002AA03bbb003AA01ccc"
    );
    f.open(OpenMode::Input);
    let mut seq = Vec::new();
    for _ in 0..4 {
        let s = f.read(&mut r);
        seq.push(format!("{} {}", s.as_str(), String::from_utf8_lossy(&r)));
    }
    assert_eq!(
        seq,
        [
            "00 001BB02aaa",
            "00 002AA03bbb",
            "00 003AA01ccc",
            "10 003AA01ccc"
        ]
    );
    r[3..5].copy_from_slice(b"AA");
    assert_eq!(st(f.read_key(&mut r, Key::Index(1))), "00");
    assert_eq!(&r, b"003AA01ccc");
    assert_eq!(st(f.read(&mut r)), "00");
    assert_eq!(&r, b"002AA03bbb");
    assert_eq!(st(f.read(&mut r)), "00");
    assert_eq!(&r, b"001BB02aaa");
    assert_eq!(st(f.read(&mut r)), "10");
    r[0..3].copy_from_slice(b"009");
    assert_eq!(st(f.read_key(&mut r, Key::Index(0))), "23");
    r[0..3].copy_from_slice(b"002");
    assert_eq!(st(f.start(StartOp::Gt, Key::Index(0), &r, None)), "00");
    f.read(&mut r);
    assert_eq!(&r, b"003AA01ccc");
    r[3..5].copy_from_slice(b"ZZ");
    assert_eq!(st(f.start(StartOp::Ge, Key::Index(1), &r, None)), "23");
    r[3..5].copy_from_slice(b"A ");
    assert_eq!(st(f.start(StartOp::Ge, Key::Index(1), &r, None)), "00");
    f.read(&mut r);
    assert_eq!(&r, b"003AA01ccc");
    r[0..3].copy_from_slice(b"003");
    assert_eq!(st(f.start(StartOp::Lt, Key::Index(0), &r, None)), "00");
    f.read_previous(&mut r);
    assert_eq!(&r, b"002AA03bbb");
    f.read_previous(&mut r);
    assert_eq!(&r, b"001BB02aaa");
    f.close();
    f.open(OpenMode::InputOutput);
    r[0..3].copy_from_slice(b"002");
    assert_eq!(st(f.read_key(&mut r, Key::Index(0))), "00");
    r[3..5].copy_from_slice(b"ZZ");
    assert_eq!(st(f.rewrite(&r)), "00");
    r[0..3].copy_from_slice(b"005");
    assert_eq!(st(f.rewrite(&r)), "22"); // K3 "03" collides with record 002
    r[0..3].copy_from_slice(b"001");
    assert_eq!(st(f.delete(&r, None)), "00");
    assert_eq!(st(f.delete(&r, None)), "23");
    f.close();
    assert_eq!(unload(p).unwrap().unwrap(), b"002ZZ03bbb003AA01ccc");
}
