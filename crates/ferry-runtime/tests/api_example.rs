//! The generated-code shapes shown in API.md, compiled and run, so the documented API
//! stays valid.

use ferry_runtime::*;

const A: NumField = NumField::display(0, 5, 2, true);
const B: NumField = NumField::packed(5, 5, 2, true);
const X: NumField = NumField::binary(8, 9, 2, true);
const E: EditField = EditField::new(12, "ZZ,ZZ9.99-");
const NAME: AlnumField = AlnumField::new(22, 10);
const REC: AlnumField = AlnumField::new(32, 20);
const FS: AlnumField = AlnumField::new(52, 2);
const CNT: NumField = NumField::comp5(54, 4, 0, false);
const RC: NumField = NumField::binary(56, 9, 0, true);

struct Prog {
    mem: Vec<u8>,
    f_out: FileId,
}

#[test]
fn generated_code_shapes() {
    let mut rt = Rt::new();
    let path = std::env::temp_dir().join(format!("ferry-api-{}.txt", std::process::id()));
    let path: &'static str = Box::leak(path.to_string_lossy().into_owned().into_boxed_str());
    let f_out = rt.add_file(FileSpec::line_sequential(path, 20));
    let mut p = Prog {
        mem: vec![b' '; 64],
        f_out,
    };
    for f in [A, B, X, CNT, RC] {
        initialize(&mut p.mem, f.into());
    }
    // MOVE 12.5 TO A; MOVE 3 TO B; MOVE A TO E
    move_dec(&mut p.mem, &Dec::new(125, 1), A.into());
    move_dec(&mut p.mem, &Dec::int(3), B.into());
    move_field(&mut p.mem, A.into(), E.into());
    assert_eq!(E.bytes(&p.mem), b"    12.50 ");
    // COMPUTE X ROUNDED = A * B ON SIZE ERROR ...
    let v = A.get(&p.mem).mul(&B.get(&p.mem));
    let se = X.store(&mut p.mem, &v, Round::ROUNDED, true);
    assert!(!se);
    assert_eq!(X.get(&p.mem).to_string(), "37.50");
    // DISPLAY "X=" X  (to stderr here to keep test output clean)
    rt.display(Upon::Stderr)
        .text("X=")
        .field(&p.mem, X)
        .end(false);
    // WRITE R AFTER ADVANCING 2 LINES
    NAME.set_bytes(&mut p.mem, b"ferry");
    REC.move_from(&mut p.mem, NAME);
    let st = rt.file(p.f_out).open(OpenMode::Output);
    FS.set_bytes(&mut p.mem, st.bytes());
    let st = rt
        .file(p.f_out)
        .write(&p.mem[REC.offset..REC.offset + REC.len], Advance::After(2));
    assert!(st.is_ok());
    rt.file(p.f_out).close();
    // READ F AT END ... NOT AT END ADD 1 TO CNT
    rt.file(p.f_out).open(OpenMode::Input);
    loop {
        let st = rt
            .file(p.f_out)
            .read(&mut p.mem[REC.offset..REC.offset + REC.len]);
        FS.set_bytes(&mut p.mem, st.bytes());
        if st.at_end() {
            break;
        }
        let v = CNT.get(&p.mem).add(&Dec::int(1));
        CNT.store(&mut p.mem, &v, Round::Truncate, false);
    }
    assert_eq!(FS.bytes(&p.mem), b"10");
    assert_eq!(CNT.get_i64(&p.mem), 3);
    rt.file(p.f_out).close();
    assert_eq!(std::fs::read(path).unwrap(), b"\n\nferry\n");
    let _ = std::fs::remove_file(path);
    assert_eq!(RC.get_i64(&p.mem), 0);
    rt.shutdown();
}
