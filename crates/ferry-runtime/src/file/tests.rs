//! File behaviour recorded from cobc 3.1.2 (experiments f1, f2, f3 in the module doc).

use super::*;

fn tmpdir(tag: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("ferry-rt-{}-{}", tag, std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

fn st(s: FileStatus) -> &'static str {
    match &s.0 {
        b"00" => "00",
        b"04" => "04",
        b"05" => "05",
        b"10" => "10",
        b"30" => "30",
        b"35" => "35",
        b"41" => "41",
        b"42" => "42",
        b"43" => "43",
        b"46" => "46",
        b"47" => "47",
        b"48" => "48",
        _ => "??",
    }
}

#[test]
fn line_sequential_write_and_read_like_cobc() {
    let d = tmpdir("ls");
    let path = leak(d.join("LFOUT").to_string_lossy().into_owned());
    let missing = leak(d.join("MISSING").to_string_lossy().into_owned());
    let mut mf = CobFile::new(FileSpec::line_sequential(missing, 6));
    let mut r6 = [0u8; 6];
    assert_eq!(st(mf.open(OpenMode::Input)), "35");
    assert_eq!(st(mf.read(&mut r6)), "47");
    assert_eq!(st(mf.close()), "42");
    let mut f = CobFile::new(FileSpec::line_sequential(path, 10));
    assert_eq!(st(f.open(OpenMode::Output)), "00");
    let rec = |s: &str| {
        let mut r = [b' '; 10];
        r[..s.len()].copy_from_slice(s.as_bytes());
        r
    };
    assert_eq!(st(f.write(&rec("AAA"), Advance::None)), "00");
    f.write(&rec("BBB  "), Advance::After(2));
    f.write(&rec("CCC"), Advance::Before(3));
    f.write(&rec("DDD"), Advance::AfterPage);
    f.write(&rec("EEE"), Advance::BeforePage);
    f.write(&rec("FFF"), Advance::None);
    f.write(&rec(""), Advance::None);
    f.write(&rec("GGG"), Advance::After(0));
    f.write(&rec("HHH"), Advance::None);
    let mut r = [0u8; 10];
    assert_eq!(st(f.read(&mut r)), "47");
    assert_eq!(st(f.open(OpenMode::Output)), "41");
    assert_eq!(st(f.close()), "00");
    assert_eq!(st(f.close()), "42");
    assert_eq!(st(f.write(&r, Advance::None)), "48");
    // od -c LFOUT from cobc
    let bytes = std::fs::read(path).unwrap();
    assert_eq!(
        bytes,
        b"AAA\n\n\nBBBCCC\n\n\n\x0cDDDEEE\x0cFFF\n\n\rGGGHHH\n"
    );
    // reading back: padded records, \r dropped, long line truncated, then 10
    assert_eq!(st(f.open(OpenMode::Input)), "00");
    let mut got = Vec::new();
    loop {
        r.fill(b'x');
        let s = f.read(&mut r);
        if s.at_end() {
            break;
        }
        got.push(String::from_utf8_lossy(&r).to_string());
    }
    assert_eq!(
        got,
        [
            "AAA       ",
            "          ",
            "          ",
            "BBBCCC    ",
            "          ",
            "          ",
            "\x0cDDDEEE\x0cFF",
            "          ",
            "GGGHHH    "
        ]
    );
    assert_eq!(st(f.write(&r, Advance::None)), "48");
    assert_eq!(st(f.read(&mut r)), "46");
    f.close();
    // WRITE AFTER 1 then CLOSE adds a final newline; EXTEND appends
    let mut e = CobFile::new(FileSpec::line_sequential(path, 4));
    e.open(OpenMode::Output);
    e.write(b"ab  ", Advance::After(1));
    e.close();
    e.open(OpenMode::Extend);
    e.write(b"A\0B ", Advance::None);
    e.close();
    assert_eq!(std::fs::read(path).unwrap(), b"\nab\nA\0B\n");
}

#[test]
fn record_sequential_like_cobc() {
    let d = tmpdir("seq");
    let path = leak(d.join("SFOUT").to_string_lossy().into_owned());
    let mut f = CobFile::new(FileSpec::sequential(path, 6));
    f.open(OpenMode::Output);
    f.write(b"123   ", Advance::None);
    f.write(b"123   ", Advance::After(2));
    f.close();
    assert_eq!(std::fs::read(path).unwrap(), b"123   \n\n123   \n");
    // I-O: rewrite first record
    assert_eq!(st(f.open(OpenMode::InputOutput)), "00");
    let mut r = [0u8; 6];
    assert_eq!(st(f.rewrite(&r)), "43");
    assert_eq!(st(f.read(&mut r)), "00");
    assert_eq!(st(f.rewrite(b"X     ")), "00");
    f.close();
    // 4-byte records over the 15-byte file: 00 00 00 then a 3-byte record 04, then 10
    let mut g = CobFile::new(FileSpec::sequential(path, 4));
    g.open(OpenMode::Input);
    let mut r4 = [b'.'; 4];
    let mut seen = Vec::new();
    for _ in 0..5 {
        r4.fill(b'.');
        let s = g.read(&mut r4);
        seen.push((String::from_utf8_lossy(&r4).to_string(), st(s)));
    }
    assert_eq!(
        seen,
        [
            ("X   ".to_string(), "00"),
            ("  \n\n".to_string(), "00"),
            ("123 ".to_string(), "00"),
            ("  \n.".to_string(), "04"),
            ("....".to_string(), "10")
        ]
    );
    g.close();
}

#[test]
fn status_edge_cases() {
    let d = tmpdir("st");
    let nodir = leak(d.join("nodir/x").to_string_lossy().into_owned());
    let mut a = CobFile::new(FileSpec::line_sequential(nodir, 4));
    assert_eq!(st(a.open(OpenMode::Output)), "30");
    assert_eq!(st(a.open(OpenMode::Input)), "35");
    let newext = leak(d.join("newext").to_string_lossy().into_owned());
    let mut b = CobFile::new(FileSpec::line_sequential(newext, 4));
    assert_eq!(st(b.open(OpenMode::Extend)), "35");
    let opt = leak(d.join("optmiss").to_string_lossy().into_owned());
    let mut c = CobFile::new(FileSpec::line_sequential(opt, 4).optional());
    let mut r = [0u8; 4];
    assert_eq!(st(c.open(OpenMode::Input)), "05");
    assert_eq!(st(c.read(&mut r)), "10");
    assert_eq!(st(c.read(&mut r)), "46");
    assert_eq!(st(c.close()), "00");
    assert!(!std::path::Path::new(opt).exists());
}

#[test]
fn assign_resolution() {
    // cobc: DD_MYFILE beats dd_MYFILE beats MYFILE; otherwise the name itself
    std::env::set_var("DD_FERRYT1", "/tmp/a1");
    std::env::set_var("dd_FERRYT1", "/tmp/a2");
    std::env::set_var("FERRYT1", "/tmp/a3");
    assert_eq!(resolve_name("FERRYT1"), "/tmp/a1");
    std::env::remove_var("DD_FERRYT1");
    assert_eq!(resolve_name("FERRYT1"), "/tmp/a2");
    std::env::remove_var("dd_FERRYT1");
    assert_eq!(resolve_name("FERRYT1  "), "/tmp/a3");
    std::env::remove_var("FERRYT1");
    assert_eq!(resolve_name("FERRYT1"), "FERRYT1");
}

#[test]
fn variable_length_sequential() {
    // cobc 3.1.2: RECORD VARYING 1 TO 20; WRITE "ABC" (3) and "HELLO W" (7):
    // 00 03 00 00 41 42 43 00 07 00 00 48 45 4c 4c 4f 20 57; reading back gives lengths
    // 3 and 7, the rest of the record area unchanged, then 10. The same records on a LINE
    // SEQUENTIAL file: "ABC\nHELLO W\n", read back space padded.
    let d = tmpdir("var");
    let path = leak(d.join("VFILE").to_string_lossy().into_owned());
    let mut f = CobFile::new(FileSpec::sequential(path, 20).variable(1));
    f.open(OpenMode::Output);
    f.write(b"ABC", Advance::None);
    f.write(b"HELLO W", Advance::None);
    f.close();
    assert_eq!(
        std::fs::read(path).unwrap(),
        b"\x00\x03\x00\x00ABC\x00\x07\x00\x00HELLO W"
    );
    f.open(OpenMode::Input);
    let mut r = [b'.'; 20];
    assert_eq!(st(f.read(&mut r)), "00");
    assert_eq!((f.rec_len, &r[..5]), (3, &b"ABC.."[..]));
    assert_eq!(st(f.read(&mut r)), "00");
    assert_eq!((f.rec_len, &r[..9]), (7, &b"HELLO W.."[..]));
    assert_eq!(st(f.read(&mut r)), "10");
    f.close();
}
