//! Unit tests (cobc 3.1.2 recordings in comments).
use super::*;

fn mem() -> Vec<u8> {
    vec![0u8; 64]
}

#[test]
fn sizes() {
    // cobc: LENGTH OF 9(1) COMP=1, 9(2) COMP=1, 9(3) COMP=2, 9(5) COMP=4, 9(10) COMP=8,
    //       9(3) COMP-5=2
    assert_eq!(NumField::binary(0, 1, 0, false).size(), 1);
    assert_eq!(NumField::binary(0, 2, 0, false).size(), 1);
    assert_eq!(NumField::binary(0, 3, 0, false).size(), 2);
    assert_eq!(NumField::binary(0, 5, 0, false).size(), 4);
    assert_eq!(NumField::binary(0, 10, 0, false).size(), 8);
    assert_eq!(NumField::comp5(0, 3, 0, false).size(), 2);
    assert_eq!(NumField::packed(0, 5, 2, true).size(), 3);
    assert_eq!(
        NumField::display(0, 3, 0, true)
            .with_sign(SignMode::LeadingSeparate)
            .size(),
        4
    );
}

#[test]
fn display_overpunch() {
    // 01 G2 PIC S9(3) VALUE -12 inside a group displays as "01r"
    let f = NumField::display(0, 3, 0, true);
    let mut m = mem();
    f.set(&mut m, &Dec::int(-12));
    assert_eq!(&m[0..3], b"01r");
    assert_eq!(f.get(&m).to_string(), "-12");
    let l = NumField::display(0, 3, 0, true).with_sign(SignMode::LeadingSeparate);
    l.set(&mut m, &Dec::int(-5));
    assert_eq!(&m[0..4], b"-005");
    let t = NumField::display(0, 3, 0, true).with_sign(SignMode::TrailingSeparate);
    t.set(&mut m, &Dec::int(5));
    assert_eq!(&m[0..4], b"005+");
    assert_eq!(t.get(&m).to_string(), "5");
}

#[test]
fn packed_and_binary_roundtrip() {
    let mut m = mem();
    let p = NumField::packed(0, 5, 2, true);
    p.set(&mut m, &Dec::parse("-12.34"));
    assert_eq!(&m[0..3], &[0x01, 0x23, 0x4D]);
    assert_eq!(p.get(&m).to_string(), "-12.34");
    let pu = NumField::packed(0, 4, 0, false);
    pu.set(&mut m, &Dec::int(-123));
    assert_eq!(&m[0..3], &[0x00, 0x12, 0x3F]);
    let b = NumField::binary(8, 4, 0, true);
    b.set(&mut m, &Dec::int(-12));
    assert_eq!(&m[8..10], &[0xFF, 0xF4]);
    assert_eq!(b.get(&m).to_string(), "-12");
    let c5 = NumField::comp5(16, 4, 0, true);
    c5.set(&mut m, &Dec::int(-12));
    assert_eq!(&m[16..18], &[0xF4, 0xFF]);
    assert_eq!(c5.get(&m).to_string(), "-12");
}

#[test]
fn size_error_rules() {
    // cobc: ADD 2 TO D DS C C5 P (all 999; D 9(3), DS S9(3), C 9(3) COMP,
    // C5 9(3) COMP-5, P 9(3) COMP-3) -> "001 +001 001 01001 001";
    // with ON SIZE ERROR: "999 +999 999 01001 999" (COMP-5 no size error).
    let mut m = mem();
    let fields = [
        NumField::display(0, 3, 0, false),
        NumField::display(4, 3, 0, true),
        NumField::binary(8, 3, 0, false),
        NumField::comp5(12, 3, 0, false),
        NumField::packed(16, 3, 0, false),
    ];
    for f in fields {
        f.set(&mut m, &Dec::int(999));
        let v = f.get(&m).add(&Dec::int(2));
        f.store(&mut m, &v, Round::Truncate, false);
    }
    let got: Vec<String> = fields.iter().map(|f| f.get(&m).to_string()).collect();
    assert_eq!(got, ["1", "1", "1", "1001", "1"]);
    for f in fields {
        f.set(&mut m, &Dec::int(999));
        let v = f.get(&m).add(&Dec::int(2));
        let se = f.store(&mut m, &v, Round::Truncate, true);
        assert_eq!(se, f.usage != Usage::NativeBinary);
    }
    let got: Vec<String> = fields.iter().map(|f| f.get(&m).to_string()).collect();
    assert_eq!(got, ["999", "999", "999", "1001", "999"]);
    // COMPUTE C = 1000 * 65 (C 9(3) COMP) -> 000; C5 9(3) COMP-5 -> 65000
    fields[2].store(&mut m, &Dec::int(65000), Round::Truncate, false);
    fields[3].store(&mut m, &Dec::int(65000), Round::Truncate, false);
    assert_eq!(fields[2].get(&m).to_string(), "0");
    assert_eq!(fields[3].get(&m).to_string(), "65000");
    // division by zero leaves the target unchanged, with or without ON SIZE ERROR
    assert!(fields[0].store(&mut m, &Dec::int(7).div(&Dec::ZERO), Round::Truncate, false));
    assert_eq!(fields[0].get(&m).to_string(), "999");
    // COMPUTE U = -5 (U PIC 9(3)) -> 005
    fields[0].set(&mut m, &Dec::int(-5));
    assert_eq!(&m[0..3], b"005");
}

#[test]
fn p_scaling() {
    let mut m = mem();
    let k = NumField::display(0, 3, -2, false); // 9(3)PP
    k.set(&mut m, &Dec::int(12345));
    assert_eq!(&m[0..3], b"123");
    assert_eq!(k.get(&m).to_string(), "12300");
    let l = NumField::display(4, 2, 4, false); // PP99
    l.set(&mut m, &Dec::parse("0.0012"));
    assert_eq!(&m[4..6], b"12");
    assert_eq!(l.get(&m).to_string(), "0.0012");
}

#[test]
fn eight_digits_at_once() {
    let mut x = 0x2545_F491_4F6C_DD1Du64;
    for _ in 0..20000 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let mut s = [0u8; 8];
        for (i, c) in s.iter_mut().enumerate() {
            let r = (x >> (i * 8)) as u8;
            *c = if r % 7 == 0 { r } else { b'0' + r % 10 };
        }
        let chunk = u64::from_le_bytes(s);
        let digits = s.iter().all(u8::is_ascii_digit);
        assert_eq!(super::all_digits8(chunk), digits, "{s:?}");
        if digits {
            let want = s.iter().fold(0u64, |v, &c| v * 10 + (c - b'0') as u64);
            assert_eq!(super::eight_digits(chunk), want, "{s:?}");
        }
    }
}

/// `get`, `store` and MOVE ZERO take fast paths (inline decoding, 64-bit scaling, one writer
/// per usage); the general code they shortcut must give the same values and bytes: random
/// items (every usage, sign mode, P scaling), random stored bytes (clean and dirty), random
/// values, rounding modes and SIZE ERROR phrases.
#[test]
fn fast_paths_match_general_code() {
    use crate::dec::tests::{Rng, MODES};
    let mut r = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..100_000 {
        let most = if r.below(4) == 0 { 31 } else { 18 };
        let digits = 1 + r.below(most) as u32;
        let scale = match r.below(8) {
            0 => -(r.below(3) as i32) - 1,
            1 => digits as i32 + r.below(3) as i32,
            _ => r.below(digits.min(6) as u64 + 1) as i32,
        };
        let signed = r.below(3) != 0;
        let f = match r.below(4) {
            0 => NumField::packed(3, digits, scale, signed),
            1 if digits <= 18 => NumField::binary(3, digits, scale, signed),
            2 if digits <= 18 => NumField::comp5(3, digits, scale, signed),
            _ => {
                let f = NumField::display(3, digits, scale, signed);
                match r.below(5) {
                    0 => f.with_sign(SignMode::LeadingOverpunch),
                    1 => f.with_sign(SignMode::LeadingSeparate),
                    2 => f.with_sign(SignMode::TrailingSeparate),
                    _ => f,
                }
            }
        };
        let mut m = vec![0u8; 48];
        for b in m.iter_mut() {
            *b = match r.below(10) {
                0..=5 => b'0' + r.below(10) as u8,
                6 => b"pqy{} +-A"[r.below(9) as usize],
                7 => (r.below(10) << 4 | r.below(10)) as u8,
                8 => 0x0C | (r.below(10) << 4) as u8,
                _ => r.below(256) as u8,
            };
        }
        // get: the inline decoding against the per-usage decoders
        let (neg, v) = f.raw_int(&m);
        let general = match f.usage {
            Usage::Display => {
                let (digits, neg) = f.display_digits(f.bytes(&m));
                f.dec_of(neg, f.display_value_slow(digits))
            }
            _ => f.dec_of(neg, v),
        };
        assert_eq!(
            f.get(&m).to_string(),
            general.to_string(),
            "get {f:?} {:?}",
            f.bytes(&m)
        );
        // store: the fast paths against scaling in general and the u128 writers
        let v = Dec::parse(&r.literal());
        let mode = MODES[r.below(8) as usize];
        let ose = r.below(2) == 0;
        let mut fast = m.clone();
        let mut general = m.clone();
        let a = f.store(&mut fast, &v, mode, ose);
        let b = match f.usage {
            Usage::Display => f.store_fixed(&mut general, &v, mode, ose, NumField::put_display),
            Usage::Packed => f.store_fixed(&mut general, &v, mode, ose, NumField::put_packed),
            Usage::Binary => f.store_fixed(&mut general, &v, mode, ose, NumField::put_binary),
            _ => f.store_native(&mut general, &v, mode, ose),
        };
        assert_eq!(
            (a, &fast),
            (b, &general),
            "store {v} {mode:?} {ose} into {f:?}"
        );
        // MOVE ZERO
        f.set_zero(&mut fast);
        f.put_int(&mut general, false, 0);
        assert_eq!(fast, general, "zero {f:?}");
    }
}
