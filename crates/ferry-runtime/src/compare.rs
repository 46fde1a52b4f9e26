//! Relation, class and sign conditions.
//!
//! Checked with cobc 3.1.2 (c1 experiment): N PIC 9(3) 12 = X PIC X(3) "012" is true
//! (numeric vs alphanumeric compares the digits as characters, sign ignored:
//! S9(3) -12 = "012" is true); "012" = X(5) "012  " (space padding); N < "1" is true;
//! "ab " > "a"; X"FF41" > "A" (native byte order); "0 1" is not NUMERIC, "ab " is
//! ALPHABETIC-LOWER.

use crate::alnum::Fig;
use crate::dec::Dec;
use crate::mov::{num_to_alnum_bytes, Field};
use crate::num::{NumField, Usage};
use std::cmp::Ordering;

/// Compare two byte strings, the shorter padded with spaces, in the program collating sequence.
#[inline]
pub fn cmp_bytes(a: &[u8], b: &[u8]) -> Ordering {
    match crate::collate::active() {
        None => cmp_bytes_native(a, b),
        Some(w) => cmp_weighted(a, b, w),
    }
}

fn cmp_weighted(a: &[u8], b: &[u8], w: &[u16; 256]) -> Ordering {
    let n = a.len().max(b.len());
    for i in 0..n {
        let x = w[*a.get(i).unwrap_or(&b' ') as usize];
        let y = w[*b.get(i).unwrap_or(&b' ') as usize];
        match x.cmp(&y) {
            Ordering::Equal => {}
            o => return o,
        }
    }
    Ordering::Equal
}

/// [`cmp_bytes`] in native byte order (two literals: cobc compares them at compile time).
#[inline]
pub fn cmp_bytes_native(a: &[u8], b: &[u8]) -> Ordering {
    let n = a.len().min(b.len());
    // byte slices compare lexicographically by unsigned bytes (memcmp)
    match a[..n].cmp(&b[..n]) {
        Ordering::Equal => {}
        o => return o,
    }
    if a.len() > n {
        cmp_repeated(&a[n..], b' ')
    } else {
        cmp_repeated(&b[n..], b' ').reverse()
    }
}

/// Compare bytes against one byte repeated to the same length.
#[inline]
fn cmp_repeated(a: &[u8], c: u8) -> Ordering {
    match a.iter().find(|&&x| x != c) {
        Some(x) => match crate::collate::active() {
            None => x.cmp(&c),
            Some(w) => w[*x as usize].cmp(&w[c as usize]),
        },
        None => Ordering::Equal,
    }
}

/// Compare bytes against a figurative constant's pattern repeated to the same length.
pub fn cmp_fig(a: &[u8], fig: Fig) -> Ordering {
    let p = fig.pattern();
    if p.len() == 1 {
        return cmp_repeated(a, p[0]);
    }
    let w = crate::collate::active();
    for (i, &x) in a.iter().enumerate() {
        let y = p[i % p.len()];
        let o = match w {
            None => x.cmp(&y),
            Some(w) => w[x as usize].cmp(&w[y as usize]),
        };
        match o {
            Ordering::Equal => {}
            o => return o,
        }
    }
    Ordering::Equal
}

/// The alphanumeric view of an item used in a non-numeric comparison.
fn alnum_view<'a>(mem: &'a [u8], f: Field, buf: &'a mut Vec<u8>) -> &'a [u8] {
    match f {
        Field::Num(n) => {
            num_to_alnum_bytes(mem, n, buf);
            &buf[..]
        }
        other => other.bytes(mem),
    }
}

/// Compare two items: numerically when both are numeric, else as characters.
#[inline(always)]
pub fn cmp_fields(mem: &[u8], a: Field, b: Field) -> Ordering {
    match (a, b) {
        // both decoded inline (see `NumField::get`): `cmp_num_num` without the call
        (Field::Num(x), Field::Num(y)) if x.inline_get() && y.inline_get() && !u64_quirk(x) => {
            let (a, b) = (x.get_small(mem), y.get_small(mem));
            if x.scale == y.scale {
                a.cmp(&b)
            } else {
                cmp_scaled(a, x.scale as u32, &Dec::new(b, y.scale as u32))
            }
        }
        (Field::Num(x), Field::Num(y)) => cmp_num_num(mem, x, y),
        (Field::Alnum(x) | Field::Group(x), Field::Alnum(y) | Field::Group(y)) => {
            cmp_bytes(x.bytes(mem), y.bytes(mem))
        }
        _ => cmp_fields_general(mem, a, b),
    }
}

/// `Dec::new(a, scale).cmp_value(v)`: what `cmp_num` does for an item decoded inline.
fn cmp_scaled(a: i128, scale: u32, v: &Dec) -> Ordering {
    Dec::new(a, scale).cmp_value(v)
}

/// The left operands for which `cmp_num` reproduces cobc's unsigned 64-bit comparison.
#[inline(always)]
fn u64_quirk(n: NumField) -> bool {
    n.usage == Usage::NativeBinary && !n.signed && n.size() == 8 && n.scale == 0
}

fn cmp_num_num(mem: &[u8], x: NumField, y: NumField) -> Ordering {
    // Fast path: both values small, so `cmp_num` would compare the aligned mantissas.
    if !u64_quirk(x) {
        if let (Some((a, sa)), Some((b, sb))) = (x.small_value(mem), y.small_value(mem)) {
            if let Some((p, q, _)) = crate::dec::align_small(a, sa, b, sb) {
                return p.cmp(&q);
            }
        }
    }
    cmp_num(mem, x, &y.get(mem))
}

fn cmp_fields_general(mem: &[u8], a: Field, b: Field) -> Ordering {
    if let (Field::Num(x), Field::Num(y)) = (a, b) {
        return cmp_num(mem, x, &y.get(mem));
    }
    let (mut b1, mut b2) = (Vec::new(), Vec::new());
    let x = alnum_view(mem, a, &mut b1);
    let y = alnum_view(mem, b, &mut b2);
    cmp_bytes(x, y)
}

/// Numeric item (left operand) against a value. Reproduces a cobc 3.1.2 quirk: when the
/// left operand is an unsigned 8-byte COMP-5 item (PIC 9(10)..9(18) COMP-5), an integer
/// right operand (of scale 0) is compared as an unsigned 64-bit number, so negatives look huge
/// (`IF U16 > -598` is false for U16 = 94; with the operands swapped cobc is right).
fn cmp_num(mem: &[u8], n: NumField, v: &Dec) -> Ordering {
    // Fast path: both values small (what `cmp_value` does first), outside the quirk below.
    if !u64_quirk(n) {
        if let (Some((a, sa)), Some(b)) = (n.small_value(mem), v.mantissa_i128()) {
            if let Some((x, y, _)) = crate::dec::align_small(a, sa, b, v.scale()) {
                return x.cmp(&y);
            }
        }
    }
    let a = n.get(mem);
    if n.usage == Usage::NativeBinary
        && !n.signed
        && n.size() == 8
        && n.scale == 0
        && v.signum() < 0
        && v.scale() == 0
    {
        if let Some(b) = v.trunc_i128() {
            let au = a.trunc_i128().unwrap_or(0) as u64;
            return au.cmp(&(b as i64 as u64));
        }
    }
    a.cmp_value(v)
}

/// Compare an item with an alphanumeric literal.
#[inline(always)]
pub fn cmp_field_bytes(mem: &[u8], a: Field, lit: &[u8]) -> Ordering {
    match a {
        Field::Num(n) => cmp_num_bytes(mem, n, lit),
        other => cmp_bytes(other.bytes(mem), lit),
    }
}

fn cmp_num_bytes(mem: &[u8], n: NumField, lit: &[u8]) -> Ordering {
    let mut b1 = Vec::new();
    cmp_bytes(alnum_view(mem, Field::Num(n), &mut b1), lit)
}

/// Compare an item with a numeric value (numeric literal or arithmetic expression).
#[inline(always)]
pub fn cmp_field_dec(mem: &[u8], a: Field, v: &Dec) -> Ordering {
    match a {
        // decoded inline (see `NumField::get`): `cmp_num` without the call
        Field::Num(n) if n.inline_get() && !u64_quirk(n) => {
            cmp_scaled(n.get_small(mem), n.scale as u32, v)
        }
        Field::Num(n) => cmp_num(mem, n, v),
        other => cmp_other_dec(mem, other, v),
    }
}

fn cmp_other_dec(mem: &[u8], a: Field, v: &Dec) -> Ordering {
    match a {
        Field::Num(n) => cmp_num(mem, n, v),
        Field::Edit(e) => e.get(mem).cmp_value(v),
        other => {
            // alphanumeric vs numeric literal: compare as characters (integer digits)
            let s: Vec<u8> = v
                .abs()
                .to_string()
                .bytes()
                .filter(|c| c.is_ascii_digit())
                .collect();
            cmp_bytes(other.bytes(mem), &s)
        }
    }
}

/// Compare an item with a figurative constant (ZERO compares numerically for numerics).
#[inline(always)]
pub fn cmp_field_fig(mem: &[u8], a: Field, fig: Fig) -> Ordering {
    match (a, fig) {
        // the sign of the value (`get(..).cmp_value(&Dec::ZERO)`)
        (Field::Num(n), Fig::Zero) if n.inline_get() => n.get_small(mem).cmp(&0),
        (Field::Num(n), Fig::Zero) => n.cmp_zero(mem),
        (Field::Num(_), _) => cmp_field_fig_general(mem, a, fig),
        (other, _) => cmp_fig(other.bytes(mem), fig),
    }
}

fn cmp_field_fig_general(mem: &[u8], a: Field, fig: Fig) -> Ordering {
    match (a, fig) {
        (Field::Num(n), Fig::Zero) => n.get(mem).cmp_value(&Dec::ZERO),
        _ => {
            let mut b1 = Vec::new();
            cmp_fig(alnum_view(mem, a, &mut b1), fig)
        }
    }
}

/// Class condition NUMERIC. For DISPLAY numerics: digits with a valid sign; for COMP-3:
/// valid nibbles; binary/float are always numeric; alphanumeric: all '0'..'9'.
pub fn is_numeric(mem: &[u8], f: Field) -> bool {
    is_numeric_sign(mem, f, false)
}

/// NUMERIC with hostsign: yes (cobc -std=ibm): a signed COMP-3 item with sign nibble F is
/// numeric too (cobc 3.1.2: X"123F" as S9(3) COMP-3 is NUMERIC only with -std=ibm or
/// -fhostsign; C and D are in both, A, B and E in neither).
pub fn is_numeric_hostsign(mem: &[u8], f: Field) -> bool {
    is_numeric_sign(mem, f, true)
}

fn is_numeric_sign(mem: &[u8], f: Field, hostsign: bool) -> bool {
    match f {
        Field::Num(n) => num_is_numeric(mem, n, hostsign),
        other => {
            let b = other.bytes(mem);
            !b.is_empty() && b.iter().all(|c| c.is_ascii_digit())
        }
    }
}

fn num_is_numeric(mem: &[u8], n: NumField, hostsign: bool) -> bool {
    let b = n.bytes(mem);
    match n.usage {
        Usage::Display => {
            let last = b.len() - 1;
            b.iter().enumerate().all(|(i, &c)| {
                if n.signed {
                    use crate::num::SignMode::*;
                    match n.sign {
                        LeadingSeparate if i == 0 => c == b'+' || c == b'-',
                        TrailingSeparate if i == last => c == b'+' || c == b'-',
                        TrailingOverpunch if i == last => {
                            c.is_ascii_digit() || (b'p'..=b'y').contains(&c)
                        }
                        LeadingOverpunch if i == 0 => {
                            c.is_ascii_digit() || (b'p'..=b'y').contains(&c)
                        }
                        _ => c.is_ascii_digit(),
                    }
                } else {
                    c.is_ascii_digit()
                }
            })
        }
        Usage::Packed => {
            let last = b.len() - 1;
            b.iter().enumerate().all(|(i, &c)| {
                let hi = c >> 4;
                let lo = c & 0x0F;
                if i == last {
                    hi <= 9
                        && if n.signed {
                            lo == 0x0C || lo == 0x0D || (hostsign && lo == 0x0F)
                        } else {
                            lo == 0x0F
                        }
                } else {
                    hi <= 9 && lo <= 9
                }
            })
        }
        _ => true,
    }
}

/// ALPHABETIC: letters and spaces.
pub fn is_alphabetic(b: &[u8]) -> bool {
    b.iter().all(|c| c.is_ascii_alphabetic() || *c == b' ')
}
pub fn is_alphabetic_lower(b: &[u8]) -> bool {
    b.iter().all(|c| c.is_ascii_lowercase() || *c == b' ')
}
pub fn is_alphabetic_upper(b: &[u8]) -> bool {
    b.iter().all(|c| c.is_ascii_uppercase() || *c == b' ')
}

/// Sign conditions: POSITIVE (> 0), NEGATIVE (< 0), ZERO.
pub fn sign_of(mem: &[u8], n: NumField) -> i32 {
    n.get(mem).signum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::alnum::AlnumField;

    /// The inline comparisons of numeric items give what the general code gives.
    #[test]
    fn fast_paths_match_general_code() {
        let mut r = crate::dec::tests::Rng(0x1234_5678_9ABC_DEF1);
        let item = |r: &mut crate::dec::tests::Rng, off: usize| {
            let digits = 1 + r.below(18) as u32;
            let scale = r.below(digits as u64 + 2) as i32 - 1;
            let signed = r.below(2) == 0;
            match r.below(4) {
                0 => NumField::packed(off, digits, scale, signed),
                1 => NumField::binary(off, digits, scale, signed),
                2 => NumField::comp5(off, digits, scale, signed),
                _ => NumField::display(off, digits, scale, signed),
            }
        };
        for _ in 0..100_000 {
            let (x, y) = (item(&mut r, 0), item(&mut r, 20));
            let m: Vec<u8> = (0..40)
                .map(|_| match r.below(4) {
                    0 => r.below(256) as u8,
                    1 => (r.below(10) << 4 | r.below(10)) as u8,
                    _ => b'0' + r.below(10) as u8,
                })
                .collect();
            let v = Dec::parse(&r.literal());
            assert_eq!(
                cmp_fields(&m, x.into(), y.into()),
                cmp_fields_general(&m, x.into(), y.into()),
                "{x:?} {y:?} {m:?}"
            );
            assert_eq!(
                cmp_field_dec(&m, x.into(), &v),
                cmp_num(&m, x, &v),
                "{x:?} {v}"
            );
            assert_eq!(
                cmp_field_fig(&m, x.into(), Fig::Zero),
                cmp_field_fig_general(&m, x.into(), Fig::Zero),
                "{x:?} {m:?}"
            );
        }
    }

    #[test]
    fn relations_match_cobc() {
        let mut m = vec![b' '; 64];
        let n = NumField::display(0, 3, 0, false);
        let s = NumField::display(3, 3, 0, true);
        let x = AlnumField::new(6, 3);
        let x5 = AlnumField::new(9, 5);
        let y = AlnumField::new(14, 3);
        let z = AlnumField::new(17, 3);
        n.set(&mut m, &Dec::int(12));
        s.set(&mut m, &Dec::int(-12));
        x.set_bytes(&mut m, b"012");
        x5.set_bytes(&mut m, b"012");
        y.set_bytes(&mut m, b"12 ");
        z.set_bytes(&mut m, b"ab ");
        let eq = |a: Field, b: Field, m: &[u8]| cmp_fields(m, a, b) == Ordering::Equal;
        assert!(eq(n.into(), x.into(), &m)); // N=X
        assert!(eq(n.into(), x5.into(), &m)); // N=X5
        assert!(!eq(n.into(), y.into(), &m)); // N<>Y
        assert!(eq(s.into(), x.into(), &m)); // S=X
        assert_eq!(cmp_field_bytes(&m, n.into(), b"1"), Ordering::Less); // N<"1"
        assert_ne!(cmp_field_bytes(&m, n.into(), b"12"), Ordering::Equal); // N<>"12"
        assert_ne!(cmp_field_fig(&m, n.into(), Fig::Zero), Ordering::Equal);
        assert_ne!(cmp_field_fig(&m, z.into(), Fig::Space), Ordering::Equal);
        assert_eq!(cmp_field_bytes(&m, z.into(), b"a"), Ordering::Greater);
        assert_eq!(cmp_field_bytes(&m, z.into(), b"aB"), Ordering::Greater);
        assert_eq!(cmp_bytes(b"\xFFA", b"A"), Ordering::Greater);
        assert!(is_numeric(&m, x.into()));
        assert!(!is_numeric(&m, y.into()));
        assert!(is_numeric(&m, s.into()));
        assert!(is_alphabetic_lower(z.bytes(&m)));
        assert!(!is_alphabetic_upper(z.bytes(&m)));
        assert_eq!(sign_of(&m, s), -1);
        assert_ne!(cmp_field_fig(&m, x.into(), Fig::All(b"0")), Ordering::Equal);
        assert_ne!(cmp_field_fig(&m, x.into(), Fig::HighValue), Ordering::Equal);
        assert_eq!(
            cmp_field_fig(&m, x.into(), Fig::LowValue),
            Ordering::Greater
        );
        x.set_bytes(&mut m, b"0 1");
        assert!(!is_numeric(&m, x.into()));
        let v = NumField::display(20, 4, 1, false);
        v.set(&mut m, &Dec::parse("1.5"));
        assert_eq!(
            cmp_field_dec(&m, v.into(), &Dec::parse("1.50")),
            Ordering::Equal
        );
        // cobc quirk (experiment c2): 9(16) COMP-5 holding 94 vs -598: U16 > X is false,
        // X < U16 is true; 9(4) COMP-5 and 9(16) COMP compare correctly.
        let u16 = NumField::comp5(24, 16, 0, false);
        let u4 = NumField::comp5(32, 4, 0, false);
        let bp = NumField::packed(34, 14, 0, true);
        u16.set(&mut m, &Dec::int(94));
        u4.set(&mut m, &Dec::int(94));
        bp.set(&mut m, &Dec::int(-598));
        assert_eq!(cmp_fields(&m, u16.into(), bp.into()), Ordering::Less);
        assert_eq!(cmp_fields(&m, bp.into(), u16.into()), Ordering::Less);
        assert_eq!(cmp_fields(&m, u4.into(), bp.into()), Ordering::Greater);
        assert_eq!(
            cmp_field_dec(&m, u16.into(), &Dec::int(-598)),
            Ordering::Less
        );
    }
}
