//! MOVE cases recorded from cobc 3.1.2.

use super::*;
use crate::num::SignMode;

fn disp(mem: &[u8], f: NumField) -> String {
    let mut v = Vec::new();
    crate::fmt::append_num(mem, f, &mut v);
    String::from_utf8_lossy(&v).to_string()
}

#[test]
fn alnum_variable_to_numeric() {
    // 01 SRC PIC X(8). MOVE SRC TO N5 S5 U32 S32 P32 B32 E1 (9(5), S9(5), 9(3)V99,
    // S9(3)V99, S9(3)V99 COMP-3, S9(3)V99 COMP, ZZ9.99-); cobc output per source:
    type Row = (
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        &'static str,
    );
    let cases: &[Row] = &[
        (
            "12A4", "00000", "+00000", "000.00", "+000.00", "+000.00", "+000.00", "  0.00 ",
        ),
        (
            "1.5", "00001", "+00001", "001.50", "+001.50", "+001.50", "+001.50", "  1.50 ",
        ),
        (
            "-12", "00012", "-00012", "012.00", "-012.00", "-012.00", "-012.00", " 12.00-",
        ),
        (
            "  12", "00012", "+00012", "012.00", "+012.00", "+012.00", "+012.00", " 12.00 ",
        ),
        (
            "1234567", "34567", "+34567", "567.00", "+567.00", "+567.00", "+567.00", "567.00 ",
        ),
        (
            "12.345", "00012", "+00012", "012.34", "+012.34", "+012.34", "+012.34", " 12.34 ",
        ),
        (
            "+1,5", "00015", "+00015", "015.00", "+015.00", "+015.00", "+015.00", " 15.00 ",
        ),
        (
            "ABC", "00000", "+00000", "000.00", "+000.00", "+000.00", "+000.00", "  0.00 ",
        ),
        (
            "12-", "00012", "+00012", "000.00", "+000.00", "+000.00", "+000.00", "  0.00 ",
        ),
        (
            "1 2", "00012", "+00012", "012.00", "+012.00", "+012.00", "+012.00", " 12.00 ",
        ),
        (
            "1.2.3", "00001", "+00001", "000.00", "+000.00", "+000.00", "+000.00", "  0.00 ",
        ),
        (
            "", "00000", "+00000", "000.00", "+000.00", "+000.00", "+000.00", "  0.00 ",
        ),
    ];
    let src = AlnumField::new(0, 8);
    let n5 = NumField::display(8, 5, 0, false);
    let s5 = NumField::display(13, 5, 0, true);
    let u32_ = NumField::display(18, 5, 2, false);
    let s32 = NumField::display(23, 5, 2, true);
    let p32 = NumField::packed(28, 5, 2, true);
    let b32 = NumField::binary(31, 5, 2, true);
    let e1 = EditField::new(40, "ZZ9.99-");
    for c in cases {
        let mut m = vec![0u8; 64];
        src.set_bytes(&mut m, c.0.as_bytes());
        for d in [
            Field::Num(n5),
            Field::Num(s5),
            Field::Num(u32_),
            Field::Num(s32),
            Field::Num(p32),
            Field::Num(b32),
            Field::Edit(e1),
        ] {
            move_field(&mut m, Field::Alnum(src), d);
        }
        let got = (
            disp(&m, n5),
            disp(&m, s5),
            disp(&m, u32_),
            disp(&m, s32),
            disp(&m, p32),
            disp(&m, b32),
            String::from_utf8_lossy(e1.bytes(&m)).to_string(),
        );
        assert_eq!(
            got,
            (
                c.1.into(),
                c.2.into(),
                c.3.into(),
                c.4.into(),
                c.5.into(),
                c.6.into(),
                c.7.into()
            ),
            "source {:?}",
            c.0
        );
    }
    // SRC(1:3) = "12A" -> 9(5) 00012 (target full before the 'A'), S9(3)V99 0
    let mut m = vec![0u8; 64];
    src.set_bytes(&mut m, b"12A4");
    move_field(&mut m, Field::Alnum(src.refmod(1, Some(3))), Field::Num(n5));
    move_field(
        &mut m,
        Field::Alnum(src.refmod(1, Some(3))),
        Field::Num(s32),
    );
    assert_eq!(disp(&m, n5), "00012");
    assert_eq!(disp(&m, s32), "+000.00");
}

#[test]
fn literal_to_numeric() {
    // MOVE "12A4" TO N5 -> 012A4; "1.5" -> 001.5; "-12" -> 00-12; "1234567" -> 34567;
    // MOVE "1.5" TO S9(3)V99 -> +001.50; "12345" -> +345.00
    let n5 = NumField::display(0, 5, 0, false);
    let s5 = NumField::display(8, 5, 2, true);
    let mut m = vec![0u8; 16];
    for (lit, want) in [
        ("12A4", "012A4"),
        ("1.5", "001.5"),
        ("-12", "00-12"),
        ("1234567", "34567"),
    ] {
        move_bytes(&mut m, lit.as_bytes(), Field::Num(n5));
        assert_eq!(&m[0..5], want.as_bytes());
    }
    move_bytes(&mut m, b"1.5", Field::Num(s5));
    assert_eq!(disp(&m, s5), "+001.50");
    move_bytes(&mut m, b"12345", Field::Num(s5));
    assert_eq!(disp(&m, s5), "+345.00");
}

#[test]
fn numeric_to_alnum_and_numeric() {
    // SI PIC S9(4) -123: MOVE SI TO X8 -> "0123    ", TO X5 "0123 ", TO XJ(5) " 0123",
    // COMP-3 S9(4) -123 TO X8 -> "0123    "; SI TO 9(5) -> 00123
    let si = NumField::display(0, 4, 0, true);
    let pi = NumField::packed(4, 4, 0, true);
    let x8 = AlnumField::new(10, 8);
    let xj = AlnumField::new(20, 5).justified();
    let n5 = NumField::display(30, 5, 0, false);
    let mut m = vec![0u8; 40];
    si.set(&mut m, &Dec::int(-123));
    pi.set(&mut m, &Dec::int(-123));
    move_field(&mut m, Field::Num(si), Field::Alnum(x8));
    assert_eq!(x8.bytes(&m), b"0123    ");
    move_field(&mut m, Field::Num(si), Field::Alnum(xj));
    assert_eq!(xj.bytes(&m), b" 0123");
    move_field(&mut m, Field::Num(pi), Field::Alnum(x8));
    assert_eq!(x8.bytes(&m), b"0123    ");
    move_field(&mut m, Field::Num(si), Field::Num(n5));
    assert_eq!(n5.bytes(&m), b"00123");
    // MOVE 12.345 TO S9(3)V99 -> +012.34
    let s = NumField::display(0, 5, 2, true);
    move_dec(&mut m, &Dec::parse("12.345"), Field::Num(s));
    assert_eq!(disp(&m, s), "+012.34");
}

#[test]
fn figuratives() {
    // MOVE ALL "7" TO N5 -> 77777; TO S9(3)V99 -> +777.00; HIGH-VALUES TO N5 -> FF x5;
    // ZEROS TO X5 -> "00000"
    let n5 = NumField::display(0, 5, 0, false);
    let s5 = NumField::display(5, 5, 2, true);
    let x5 = AlnumField::new(10, 5);
    let mut m = vec![0u8; 16];
    move_fig(&mut m, Fig::All(b"7"), Field::Num(n5));
    move_fig(&mut m, Fig::All(b"7"), Field::Num(s5));
    assert_eq!(&m[0..5], b"77777");
    assert_eq!(disp(&m, s5), "+777.00");
    move_fig(&mut m, Fig::HighValue, Field::Num(n5));
    assert_eq!(&m[0..5], &[0xFF; 5]);
    move_fig(&mut m, Fig::Zero, Field::Alnum(x5));
    assert_eq!(&m[10..15], b"00000");
    initialize(
        &mut m,
        Field::Num(s5.with_sign(SignMode::TrailingOverpunch)),
    );
    assert_eq!(disp(&m, s5), "+000.00");
}

#[test]
fn group_moves_are_raw() {
    let g = AlnumField::group(0, 6);
    let n = NumField::display(10, 3, 0, true);
    let mut m = vec![b' '; 20];
    n.set(&mut m, &Dec::int(-12));
    move_field(&mut m, Field::Num(n), Field::Group(g));
    assert_eq!(&m[0..6], b"01r   ");
}

#[test]
fn invalid_display_data_like_cobc() {
    // cobc 3.1.2 (experiments sp, sp2, mz): a PIC 9(3) holding spaces DISPLAYs as spaces and
    // MOVEs as 0; "1A3" in a S9(3) moves to 9(4) as "01A3" and DISPLAYs "+1A3"; in arithmetic
    // 'A' counts 17 ("1A3" + 0 = 273), leading spaces 0 ("  1" = 1).
    let n = NumField::display(0, 3, 0, false);
    let s = NumField::display(3, 3, 0, true);
    let u = NumField::display(6, 4, 0, false);
    let mut m = vec![b' '; 16];
    assert_eq!(disp(&m, n), "   ");
    assert_eq!(disp(&m, s), "+   ");
    move_field(&mut m, Field::Num(n), Field::Num(u));
    assert_eq!(u.bytes(&m), b"0000");
    m[3..6].copy_from_slice(b"1A3");
    move_field(&mut m, Field::Num(s), Field::Num(u));
    assert_eq!(u.bytes(&m), b"01A3");
    assert_eq!(disp(&m, s), "+1A3");
    assert_eq!(s.get(&m).to_string(), "273");
    m[0..3].copy_from_slice(b"  1");
    assert_eq!(n.get(&m).to_string(), "1");
    // MOVE -0.5 (S9V9) TO S9(3) -> +000
    let a = NumField::display(10, 2, 1, true);
    a.set(&mut m, &Dec::parse("-0.5"));
    move_field(&mut m, Field::Num(a), Field::Num(s));
    assert_eq!(disp(&m, s), "+000");
}

#[test]
fn p_scaled_moves() {
    // cobc 3.1.2 (tests/corpus/nucleus-move MOVEFLDS): MOVE .0012345 TO PP999, then
    // PP999 TO V9(7) ".0012300" and TO S9(7)V99 "+0000000.00"; 98765 via 9(3)PP
    // TO S9(7)V99 "+0098700.00". PIC PP999 is display(off, 3, 5, false).
    let p3 = NumField::display(0, 3, 5, false);
    let v7 = NumField::display(3, 7, 7, false);
    let s7 = NumField::display(10, 9, 2, true);
    let p2 = NumField::display(19, 3, -2, false);
    let mut m = vec![b'0'; 24];
    move_dec(&mut m, &Dec::parse("0.0012345"), p3.into());
    move_field(&mut m, p3.into(), v7.into());
    assert_eq!(disp(&m, v7), ".0012300");
    move_field(&mut m, p3.into(), s7.into());
    assert_eq!(disp(&m, s7), "+0000000.00");
    move_dec(&mut m, &Dec::int(98765), p2.into());
    move_field(&mut m, p2.into(), s7.into());
    assert_eq!(disp(&m, s7), "+0098700.00");
}

#[test]
fn dirty_display_to_edited() {
    // 01 S4V2 PIC 9(4)V99 (bytes set through a REDEFINES PIC X(6)), MOVE S4V2 TO
    // 9(4).99, -(5)9.99, ZZZ9.99, ZZZ9, 9(5).9(3); cobc 3.1.2 output per source bytes.
    let src = NumField::display(0, 6, 2, false);
    let pics = ["9(4).99", "-(5)9.99", "ZZZ9.99", "ZZZ9", "9(5).9(3)"];
    let fields = [
        EditField::new(10, "9(4).99"),
        EditField::new(20, "-(5)9.99"),
        EditField::new(30, "ZZZ9.99"),
        EditField::new(40, "ZZZ9"),
        EditField::new(50, "9(5).9(3)"),
    ];
    let cases: &[(&str, [&str; 5])] = &[
        (
            "12 4 5",
            ["12 4.05", "  12 4.05", "12 4.05", "12 4", "012 4.050"],
        ),
        (
            "    5 ",
            ["    .50", "      .50", "    .50", "    ", "0    .500"],
        ),
        (
            "1234 5",
            ["1234.05", "  1234.05", "1234.05", "1234", "01234.050"],
        ),
        (
            "      ",
            ["    .00", "      .00", "    .00", "    ", "0    .000"],
        ),
        (
            "00  00",
            ["00  .00", "      .00", "    .00", "    ", "000  .000"],
        ),
        (
            "AB3456",
            ["A 34.56", "  A 34.56", "A 34.56", "A 34", "0A 34.560"],
        ),
        (
            "1234AB",
            ["1234.0 ", "  1234.0 ", "1234.0 ", "1234", "01234.0 0"],
        ),
        (
            "+-.,/*",
            ["+-.,./0", "  +-.,./0", "+-.,./0", "+-.,", "0+-.,./00"],
        ),
        (
            "0B00B0",
            ["0 00. 0", "    00. 0", "  00. 0", "  00", "00 00. 00"],
        ),
        (
            "123456",
            ["1234.56", "  1234.56", "1234.56", "1234", "01234.560"],
        ),
    ];
    for (bytes, want) in cases {
        let mut mem = vec![0u8; 64];
        mem[..6].copy_from_slice(bytes.as_bytes());
        for (k, f) in fields.iter().enumerate() {
            move_field(&mut mem, src.into(), (*f).into());
            let got = String::from_utf8_lossy(f.bytes(&mem)).to_string();
            assert_eq!(got, want[k], "{bytes:?} -> {}", pics[k]);
        }
    }
    // MOVEGRPS dirty-data: S9(5)V99 SIGN LEADING SEPARATE, all spaces -> -(5)9.99
    let sls = NumField::display(0, 7, 2, true).with_sign(SignMode::LeadingSeparate);
    let e = EditField::new(10, "-(5)9.99");
    let mut mem = vec![b' '; 20];
    move_field(&mut mem, sls.into(), e.into());
    assert_eq!(e.bytes(&mem), b"      .00");
    // clean negative data still edits like the value
    let mut mem = vec![b' '; 20];
    mem[..8].copy_from_slice(b"-0012345");
    move_field(&mut mem, sls.into(), e.into());
    assert_eq!(e.bytes(&mem), b"  -123.45");
}

#[test]
fn dirty_display_to_display() {
    // cobc 3.1.2, source all spaces: same description -> bytes copied (9(4) "    ",
    // 9(4)V99 "      ", S9(4) "    ", S9(5)V99 SIGN LEADING SEPARATE "        ", V99 "  ");
    // another description converts (9(4) -> 9(6) "000000", -> S9(4) "0000", S9(4) ->
    // S9(5) "00000"); "12 4" 9(4) -> 9(4) "12 4", -> 9(6) "001204".
    let same = [
        (
            NumField::display(0, 4, 0, false),
            NumField::display(10, 4, 0, false),
        ),
        (
            NumField::display(0, 6, 2, false),
            NumField::display(10, 6, 2, false),
        ),
        (
            NumField::display(0, 4, 0, true),
            NumField::display(10, 4, 0, true),
        ),
        (
            NumField::display(0, 7, 2, true).with_sign(SignMode::LeadingSeparate),
            NumField::display(10, 7, 2, true).with_sign(SignMode::LeadingSeparate),
        ),
        (
            NumField::display(0, 2, 2, false),
            NumField::display(10, 2, 2, false),
        ),
    ];
    for (s, d) in same {
        let mut mem = vec![b' '; 10];
        mem.extend_from_slice(&[b'9'; 10]);
        move_field(&mut mem, s.into(), d.into());
        assert!(mem[10..10 + d.size()].iter().all(|&c| c == b' '), "{s:?}");
    }
    let conv = [
        (
            NumField::display(0, 4, 0, false),
            NumField::display(10, 6, 0, false),
            "000000",
        ),
        (
            NumField::display(0, 4, 0, false),
            NumField::display(10, 4, 0, true),
            "0000",
        ),
        (
            NumField::display(0, 4, 0, true),
            NumField::display(10, 5, 0, true),
            "00000",
        ),
    ];
    for (s, d, want) in conv {
        let mut mem = vec![b' '; 20];
        move_field(&mut mem, s.into(), d.into());
        assert_eq!(&mem[10..10 + d.size()], want.as_bytes());
    }
    let mut mem = vec![b' '; 20];
    mem[..4].copy_from_slice(b"12 4");
    let s = NumField::display(0, 4, 0, false);
    move_field(&mut mem, s.into(), NumField::display(4, 4, 0, false).into());
    move_field(
        &mut mem,
        s.into(),
        NumField::display(10, 6, 0, false).into(),
    );
    assert_eq!(&mem[..16], b"12 412 4  001204");
}
