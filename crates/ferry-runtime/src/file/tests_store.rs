//! INDEXED files on the embedded store: persistence of duplicate order across processes,
//! import of unloaded files, `unload`, crash semantics, a large file.

use super::*;

fn path(tag: &str) -> &'static str {
    let p = std::env::temp_dir().join(format!("ferry-rts-{}-{}", tag, std::process::id()));
    let _ = std::fs::remove_file(&p);
    Box::leak(p.to_string_lossy().into_owned().into_boxed_str())
}

fn st(s: FileStatus) -> String {
    s.as_str().to_string()
}

const DUP_KEYS: &[KeySpec] = &[KeySpec::new(0, 2), KeySpec::new(2, 1).with_duplicates()];

/// Every record in alternate-key order (START KEY >= LOW-VALUES on key 1, READ NEXT).
fn list_by_alt(f: &mut CobFile) -> Vec<String> {
    let mut r = *b"  \0 ";
    let mut out = Vec::new();
    if !f.start(StartOp::Ge, Key::Index(1), &r, None).is_ok() {
        return out;
    }
    while f.read(&mut r).is_ok() {
        out.push(String::from_utf8_lossy(&r).into_owned());
    }
    out
}

/// The child half of `duplicate_order_survives_a_new_process`: lists the file named by
/// FERRY_STORE_CHILD in alternate-key order, then appends one more duplicate.
#[test]
fn store_child_process() {
    let Ok(p) = std::env::var("FERRY_STORE_CHILD") else {
        return;
    };
    let p: &'static str = Box::leak(p.into_boxed_str());
    let mut f = CobFile::new(FileSpec::indexed(p, 4, DUP_KEYS).access(Access::Dynamic));
    assert_eq!(st(f.open(OpenMode::InputOutput)), "00");
    println!("CHILD-LIST {}", list_by_alt(&mut f).join(","));
    assert_eq!(st(f.write(b"A9X9", Advance::None)), "02");
    assert_eq!(st(f.close()), "00");
}

/// cobc 3.1.2 + BDB, two processes: the first writes A4X1 A2Y1 A1X1 A3X1, closes, opens
/// I-O, writes A0X2 and rewrites A2 to X; the second lists X as A4 A1 A3 A0 A2 (insertion
/// order, kept in the file), and a duplicate it writes comes last.
#[test]
fn duplicate_order_survives_a_new_process() {
    let p = path("proc");
    let mut f = CobFile::new(FileSpec::indexed(p, 4, DUP_KEYS).access(Access::Dynamic));
    assert_eq!(st(f.open(OpenMode::Output)), "00");
    for r in [b"A4X1", b"A2Y1", b"A1X1", b"A3X1"] {
        assert!(f.write(r, Advance::None).is_ok());
    }
    f.close();
    assert_eq!(st(f.open(OpenMode::InputOutput)), "00");
    assert_eq!(st(f.write(b"A0X2", Advance::None)), "02");
    assert_eq!(st(f.rewrite(b"A2X2")), "02");
    assert_eq!(st(f.close()), "00");
    let out = std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "file::tests_store::store_child_process",
            "--nocapture",
        ])
        .env("FERRY_STORE_CHILD", p)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "child failed: {text}");
    let line = text
        .lines()
        .find_map(|l| l.strip_prefix("CHILD-LIST "))
        .unwrap_or_else(|| panic!("no listing from the child: {text}"));
    assert_eq!(line, "A4X1,A1X1,A3X1,A0X2,A2X2");
    // and back in this process, the child's WRITE is at the end of the chain
    assert_eq!(st(f.open(OpenMode::Input)), "00");
    assert_eq!(
        list_by_alt(&mut f),
        ["A4X1", "A1X1", "A3X1", "A0X2", "A2X2", "A9X9"]
    );
    f.close();
}

/// An unloaded file at the path is imported at OPEN (duplicates in file order) and the
/// path then holds a store; unload gives the records back in key order.
#[test]
fn import_and_unload_round_trip() {
    let p = path("imp");
    std::fs::write(p, b"A1X4A2X3A3Y4A4X2").unwrap();
    assert_eq!(unload(p).unwrap(), None, "an unloaded file is not a store");
    let mut f = CobFile::new(FileSpec::indexed(p, 4, DUP_KEYS).access(Access::Dynamic));
    assert_eq!(st(f.open(OpenMode::Input)), "00");
    assert_eq!(list_by_alt(&mut f), ["A1X4", "A2X3", "A4X2", "A3Y4"]);
    f.close();
    assert!(std::fs::read(p).unwrap().starts_with(b"redb"));
    assert!(!std::path::Path::new(&format!("{p}.ferry-tmp")).exists());
    assert_eq!(unload(p).unwrap().unwrap(), b"A1X4A2X3A3Y4A4X2");
    // a second OPEN does not import again: the order is the store's
    f.open(OpenMode::InputOutput);
    assert_eq!(st(f.rewrite(b"A1Y5")), "02");
    f.close();
    f.open(OpenMode::Input);
    assert_eq!(list_by_alt(&mut f), ["A2X3", "A4X2", "A3Y4", "A1Y5"]);
    f.close();
    assert_eq!(unload(p).unwrap().unwrap(), b"A1Y5A2X3A3Y4A4X2");
}

/// Variable-length records: the unloaded form has the 4-byte header; an empty file is an
/// empty indexed file.
#[test]
fn variable_length_import_and_unload() {
    const KEYS: &[KeySpec] = &[KeySpec::new(0, 3)];
    let p = path("var");
    let mut unl = Vec::new();
    for r in [&b"002bb"[..], b"001a", b"003cccccc"] {
        unl.extend_from_slice(&[0, r.len() as u8, 0, 0]);
        unl.extend_from_slice(r);
    }
    std::fs::write(p, &unl).unwrap();
    let spec = FileSpec::indexed(p, 9, KEYS).variable(4);
    let mut f = CobFile::new(spec.access(Access::Sequential));
    assert_eq!(st(f.open(OpenMode::Input)), "00");
    let mut r = [b'.'; 9];
    let mut got = Vec::new();
    while f.read(&mut r).is_ok() {
        got.push(String::from_utf8_lossy(&r[..f.rec_len]).into_owned());
    }
    assert_eq!(got, ["001a", "002bb", "003cccccc"]);
    f.close();
    let back = unload(p).unwrap().unwrap();
    assert_eq!(
        back,
        [
            &[0u8, 4, 0, 0][..],
            b"001a",
            &[0, 5, 0, 0],
            b"002bb",
            &[0, 9, 0, 0],
            b"003cccccc"
        ]
        .concat()
    );
    let e = path("empty");
    std::fs::write(e, b"").unwrap();
    let mut g = CobFile::new(FileSpec::indexed(e, 9, KEYS).variable(4));
    assert_eq!(st(g.open(OpenMode::Input)), "00");
    assert_eq!(st(g.read(&mut r)), "10");
    g.close();
    assert_eq!(unload(e).unwrap().unwrap(), b"");
}

/// Bad input gives statuses, not panics: a store opened with other keys or another record
/// length (39); an unloaded file with a repeated record key (30, file left as it was); a
/// missing file (35); unload of a missing file is an error, of a non-store None.
#[test]
fn mismatches_and_bad_files() {
    let p = path("mis");
    let mut f = CobFile::new(FileSpec::indexed(p, 4, DUP_KEYS));
    assert_eq!(st(f.open(OpenMode::Output)), "00");
    f.write(b"A1X1", Advance::None);
    f.close();
    const OTHER: &[KeySpec] = &[KeySpec::new(0, 2), KeySpec::new(2, 1)];
    let mut g = CobFile::new(FileSpec::indexed(p, 4, OTHER));
    assert_eq!(st(g.open(OpenMode::Input)), "39");
    assert!(!g.is_open());
    let mut h = CobFile::new(FileSpec::indexed(p, 5, DUP_KEYS));
    assert_eq!(st(h.open(OpenMode::InputOutput)), "39");
    // OUTPUT makes a new file whatever was there
    assert_eq!(st(h.open(OpenMode::Output)), "00");
    h.close();
    assert_eq!(unload(p).unwrap().unwrap(), b"");

    let d = path("dupin");
    std::fs::write(d, b"A1X1A1Y2").unwrap();
    let mut f = CobFile::new(FileSpec::indexed(d, 4, DUP_KEYS));
    assert_eq!(st(f.open(OpenMode::Input)), "30");
    assert_eq!(std::fs::read(d).unwrap(), b"A1X1A1Y2");
    assert!(!std::path::Path::new(&format!("{d}.ferry-tmp")).exists());

    // a file that ends inside a record is not an unloaded file of this layout
    let short = path("short");
    std::fs::write(short, b"A1X1A2").unwrap();
    assert_eq!(st(f.open_named(OpenMode::Input, short.as_bytes())), "30");
    assert_eq!(std::fs::read(short).unwrap(), b"A1X1A2");

    let m = path("missing");
    assert_eq!(st(f.open_named(OpenMode::Input, m.as_bytes())), "35");
    assert!(unload(m).is_err());
    let t = path("text");
    std::fs::write(t, b"hello").unwrap();
    assert_eq!(unload(t).unwrap(), None);
}

/// Nothing is durable before CLOSE: a file dropped while open (a process that dies) is as
/// it was at OPEN.
#[test]
fn uncommitted_changes_are_lost_not_half_written() {
    let p = path("crash");
    let mut f = CobFile::new(FileSpec::indexed(p, 4, DUP_KEYS).access(Access::Dynamic));
    f.open(OpenMode::Output);
    f.write(b"A1X1", Advance::None);
    f.close();
    f.open(OpenMode::InputOutput);
    assert_eq!(st(f.write(b"A2X2", Advance::None)), "02");
    assert_eq!(st(f.delete(b"A1X1", None)), "00");
    drop(f);
    assert_eq!(unload(p).unwrap().unwrap(), b"A1X1");
}

/// Splitmix64: deterministic pseudo-random keys.
fn mix(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// 200,000 records of 100 bytes (20 MB of records, more than twice the 8 MiB page cache the
/// store has in unit tests, so uncommitted pages spill to the file) in random key order with
/// an alternate key WITH DUPLICATES: every record comes back, in key order, after random
/// updates.
#[test]
fn large_file() {
    const N: u64 = 200_000;
    const KEYS: &[KeySpec] = &[KeySpec::new(0, 10), KeySpec::new(10, 4).with_duplicates()];
    let p = path("large");
    let mut f = CobFile::new(FileSpec::indexed(p, 100, KEYS).access(Access::Dynamic));
    let rec = |i: u64, tag: u8| -> Vec<u8> {
        let mut r = format!("{:010}{:04}", mix(i) % 10_000_000_000, i % 1000).into_bytes();
        r.resize(100, tag);
        r
    };
    assert_eq!(st(f.open(OpenMode::Output)), "00");
    let mut written = 0u64;
    for i in 0..N {
        if f.write(&rec(i, b'a'), Advance::None).is_ok() {
            written += 1;
        }
    }
    assert_eq!(st(f.close()), "00");
    assert_eq!(st(f.open(OpenMode::InputOutput)), "00");
    let mut r = vec![b' '; 100];
    for i in (0..N).step_by(97) {
        r.copy_from_slice(&rec(i, b' '));
        assert_eq!(st(f.read_key(&mut r, Key::Index(0))), "00");
        assert_eq!(r[99], b'a');
        r[99] = b'b';
        assert!(f.rewrite(&r).is_ok());
    }
    assert_eq!(st(f.close()), "00");
    let all = unload(p).unwrap().unwrap();
    assert_eq!(all.len() as u64, written * 100);
    let keys: Vec<&[u8]> = all.chunks(100).map(|c| &c[..10]).collect();
    assert!(keys.windows(2).all(|w| w[0] < w[1]));
    let b = all.chunks(100).filter(|c| c[99] == b'b').count() as u64;
    assert_eq!(b, N.div_ceil(97));
}

/// Two SELECTs of one file in one process (cobc 3.1.2 + BDB: both OPEN INPUT 00 and read;
/// OPEN I-O of one while the other is open INPUT 00, and the reader does not see the
/// writer's new record, 23). ferry shares the store between the handles; a second writer
/// at once, or OPEN OUTPUT of a file another handle has open, gives 61 instead of waiting.
#[test]
fn two_handles_on_one_file() {
    let p = path("two");
    let spec = FileSpec::indexed(p, 4, DUP_KEYS).access(Access::Dynamic);
    let mut f = CobFile::new(spec);
    let mut g = CobFile::new(spec);
    f.open(OpenMode::Output);
    f.write(b"A1X1", Advance::None);
    f.close();
    assert_eq!(st(f.open(OpenMode::Input)), "00");
    assert_eq!(st(g.open(OpenMode::Input)), "00");
    let mut r = *b"    ";
    assert_eq!(st(f.read(&mut r)), "00");
    assert_eq!(st(g.read(&mut r)), "00");
    g.close();
    assert_eq!(st(g.open(OpenMode::InputOutput)), "00");
    assert_eq!(st(g.write(b"B1Z1", Advance::None)), "00");
    r[..2].copy_from_slice(b"B1");
    assert_eq!(st(f.read_key(&mut r, Key::Index(0))), "23");
    let mut h = CobFile::new(spec);
    assert_eq!(st(h.open(OpenMode::InputOutput)), "61");
    assert_eq!(st(h.open(OpenMode::Output)), "61");
    assert!(!h.is_open());
    g.close();
    f.close();
    assert_eq!(st(h.open(OpenMode::InputOutput)), "00");
    assert_eq!(st(h.read_key(&mut r, Key::Index(0))), "00");
    h.close();
    // a writer dropped without CLOSE rolls back and lets another handle write
    let mut w = CobFile::new(spec);
    assert_eq!(st(w.open(OpenMode::InputOutput)), "00");
    assert_eq!(st(w.write(b"C1X1", Advance::None)), "02");
    drop(w);
    assert_eq!(st(h.open(OpenMode::InputOutput)), "00");
    h.close();
    assert_eq!(unload(p).unwrap().unwrap(), b"A1X1B1Z1");
}
