//! MOVE between every pair of categories, and the `Field` sum type the generator can use
//! when it does not want to pick the specialised function itself.
//!
//! Alphanumeric -> numeric follows what cobc 3.1.2 does at run time (checked with a
//! PIC X(8) source into 9(5), S9(5), 9(3)V99, S9(3)V99, COMP-3, COMP, edited):
//! leading/trailing spaces are ignored, a leading '+'/'-' gives the sign, integer digits
//! are aligned on the decimal point (excess high-order digits dropped), spaces and ','
//! inside are skipped, and copying stops once the target's digits are filled; any other
//! character met before that (or a second '.') makes the result zero.
//! "12A4" -> 0, "12-" -> 12 into 9(5) but 0 into 9(3)V99, "1.2.3" -> 1 into 9(5).

use crate::alnum::{fill_pattern, AlnumField, Fig};
use crate::dec::{Dec, Mag};
use crate::edit::{AlnumEditField, EditField};
use crate::num::{NumField, SignMode, Usage};

thread_local! {
    // per thread so that unit tests running in parallel do not see each other's setting
    static DECIMAL_POINT_COMMA: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// SPECIAL-NAMES. DECIMAL-POINT IS COMMA (program-wide; affects alphanumeric -> numeric
/// conversion, ACCEPT of numbers and DISPLAY of numeric items; edited items carry their
/// own flag). Call it on the thread that runs the program.
pub fn set_decimal_point_comma(on: bool) {
    DECIMAL_POINT_COMMA.with(|c| c.set(on));
}

pub fn decimal_point_comma() -> bool {
    DECIMAL_POINT_COMMA.with(|c| c.get())
}

/// Any data item.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Num(NumField),
    Alnum(AlnumField),
    /// Group item: moves are raw byte copies without conversion.
    Group(AlnumField),
    Edit(EditField),
    AlnumEdit(AlnumEditField),
}

impl From<NumField> for Field {
    fn from(f: NumField) -> Field {
        Field::Num(f)
    }
}
impl From<AlnumField> for Field {
    fn from(f: AlnumField) -> Field {
        Field::Alnum(f)
    }
}
impl From<EditField> for Field {
    fn from(f: EditField) -> Field {
        Field::Edit(f)
    }
}
impl From<AlnumEditField> for Field {
    fn from(f: AlnumEditField) -> Field {
        Field::AlnumEdit(f)
    }
}

impl Field {
    #[inline(always)]
    pub fn offset(&self) -> usize {
        match self {
            Field::Num(f) => f.offset,
            Field::Alnum(f) | Field::Group(f) => f.offset,
            Field::Edit(f) => f.offset,
            Field::AlnumEdit(f) => f.offset,
        }
    }
    #[inline(always)]
    pub fn size(&self) -> usize {
        match self {
            Field::Num(f) => f.size(),
            Field::Alnum(f) | Field::Group(f) => f.len,
            Field::Edit(f) => f.len,
            Field::AlnumEdit(f) => f.len,
        }
    }
    #[inline(always)]
    pub fn bytes<'a>(&self, mem: &'a [u8]) -> &'a [u8] {
        &mem[self.offset()..self.offset() + self.size()]
    }
    /// The item's storage as an alphanumeric view (for groups, comparisons, ref-mod).
    #[inline(always)]
    pub fn as_alnum(&self) -> AlnumField {
        AlnumField::new(self.offset(), self.size())
    }
    pub fn is_numeric(&self) -> bool {
        matches!(self, Field::Num(_))
    }
}

/// Alphanumeric text -> the digits a numeric item of `digits`/`scale` receives.
/// Returns (negative, magnitude in units of 10^-scale).
pub fn alnum_to_int(src: &[u8], digits: u32, scale: i32) -> (bool, u128) {
    let (dp, sep) = if decimal_point_comma() {
        (b',', b'.')
    } else {
        (b'.', b',')
    };
    let mut s = 0;
    let mut e = src.len();
    while s < e && src[s] == b' ' {
        s += 1;
    }
    while e > s && src[e - 1] == b' ' {
        e -= 1;
    }
    let mut neg = false;
    if s < e && (src[s] == b'+' || src[s] == b'-') {
        neg = src[s] == b'-';
        s += 1;
    }
    let int_size = (digits as i64 - scale as i64).max(0) as usize;
    let total = digits as usize;
    let count = src[s..e]
        .iter()
        .take_while(|&&c| c != dp)
        .filter(|c| c.is_ascii_digit())
        .count();
    let mut out = [b'0'; 40];
    let mut pos = 0usize;
    if count < int_size {
        pos = int_size - count;
    } else {
        let mut skip = count - int_size;
        while skip > 0 {
            if src[s].is_ascii_digit() {
                skip -= 1;
            }
            s += 1;
        }
    }
    let mut points = 0;
    let mut k = s;
    while k < e && pos < total {
        let c = src[k];
        if c.is_ascii_digit() {
            out[pos] = c;
            pos += 1;
        } else if c == dp {
            points += 1;
            if points > 1 {
                return (false, 0);
            }
        } else if !(c == b' ' || c == sep) {
            return (false, 0);
        }
        k += 1;
    }
    let mut v: u128 = 0;
    for &c in &out[..total.min(38)] {
        v = v * 10 + (c - b'0') as u128;
    }
    (neg && v != 0, v)
}

/// MOVE alphanumeric data (a field's bytes or an alphanumeric literal) to a numeric item.
/// DISPLAY targets are filled directly (conversion stops when the item is full); other
/// usages go through a wide temporary, so trailing junk still zeroes the result and COMP-5
/// gets the whole value (cobc: "8512-" TO 9(6) COMP gives 0, "79" TO S9(1) COMP-5 gives 79).
pub fn alnum_to_num(mem: &mut [u8], src: &[u8], dst: NumField) {
    match dst.usage {
        Usage::Display => {
            let (neg, v) = alnum_to_int(src, dst.digits, dst.scale);
            dst.put_int(mem, neg, v);
        }
        _ => {
            // temporary S9(20)V9(18): room after the integer digits, so "8512-" hits '-'
            let (neg, v) = alnum_to_int(src, 38, 18);
            dst.set(mem, &Dec::from_mag(neg, Mag::Small(v), 18));
        }
    }
}

/// MOVE of an alphanumeric *literal* to a numeric item. cobc copies the literal's bytes
/// unchanged into an unsigned integer DISPLAY item (MOVE "12A4" TO PIC 9(5) gives
/// "012A4"); other targets get the run-time conversion of [`alnum_to_num`].
pub fn alnum_literal_to_num(mem: &mut [u8], lit: &[u8], dst: NumField) {
    if dst.usage == Usage::Display && !dst.signed && dst.scale == 0 {
        let d = &mut mem[dst.offset..dst.offset + dst.size()];
        let n = lit.len().min(d.len());
        let pad = d.len() - n;
        d[..pad].fill(b'0');
        d[pad..].copy_from_slice(&lit[lit.len() - n..]);
    } else {
        alnum_to_num(mem, lit, dst);
    }
}

/// Characters a numeric item gives when moved to an alphanumeric item: its digits
/// without sign or point (cobc: S9(4) -123 -> "0123"; COMP-3 the same).
pub fn num_to_alnum_bytes(mem: &[u8], src: NumField, out: &mut Vec<u8>) {
    match src.usage {
        Usage::Display => {
            let b = src.bytes(mem);
            let digits: &[u8] = if src.sep_sign() {
                match src.sign {
                    crate::num::SignMode::LeadingSeparate => &b[1..],
                    _ => &b[..b.len() - 1],
                }
            } else {
                b
            };
            let n = digits.len();
            for (i, &c) in digits.iter().enumerate() {
                let punched = src.signed
                    && ((i + 1 == n && src.sign == crate::num::SignMode::TrailingOverpunch)
                        || (i == 0 && src.sign == crate::num::SignMode::LeadingOverpunch));
                out.push(if punched {
                    b'0' + crate::num::overpunch_digit(c)
                } else {
                    c
                });
            }
        }
        Usage::Float | Usage::Double => {
            let v = src.get(mem);
            out.extend_from_slice(v.abs().to_string().as_bytes());
        }
        _ => {
            let (_, v) = src.raw_int(mem);
            let s = v.to_string();
            let n = src.digits as usize;
            for _ in s.len()..n {
                out.push(b'0');
            }
            let sb = s.as_bytes();
            out.extend_from_slice(&sb[sb.len().saturating_sub(n.max(1))..]);
        }
    }
}

fn display_plain(f: NumField) -> bool {
    f.scale >= 0 && f.scale as u32 <= f.digits
}

/// DISPLAY to DISPLAY numeric MOVE as cobc does it: digit characters are copied aligned on
/// the decimal point (spaces become '0', other invalid characters are kept: "1A3" moved to
/// PIC 9(4) gives "01A3"), a zero result is positive (-0.5 to S9(3) gives +000).
fn move_display_digits(mem: &mut [u8], s: NumField, d: NumField) {
    let digits = s.display_digit_array(mem);
    let src = digits.digits();
    let neg = s.signed && s.raw_int(mem).0;
    let si = s.digits as i64 - s.scale as i64;
    let di = d.digits as i64 - d.scale as i64;
    let mut out = [b'0'; 40];
    let n = d.digits as usize;
    for (j, o) in out.iter_mut().enumerate().take(n) {
        let k = j as i64 - di + si;
        if k >= 0 && (k as usize) < src.len() {
            let c = src[k as usize];
            *o = if c == b' ' { b'0' } else { c };
        }
    }
    let all_zero = out[..n].iter().all(|&c| c == b'0');
    let neg = neg && !all_zero && d.signed;
    // write digits with put_int's layout, then overwrite the digit characters
    d.put_int(mem, neg, 0);
    let b = &mut mem[d.offset..d.offset + d.size()];
    let start = if d.signed && d.sign == SignMode::LeadingSeparate {
        1
    } else {
        0
    };
    b[start..start + n].copy_from_slice(&out[..n]);
    if neg {
        match d.sign {
            SignMode::TrailingOverpunch => b[start + n - 1] = b[start + n - 1].wrapping_add(0x40),
            SignMode::LeadingOverpunch => b[start] = b[start].wrapping_add(0x40),
            SignMode::LeadingSeparate => b[0] = b'-',
            SignMode::TrailingSeparate => b[start + n] = b'-',
        }
    }
}

/// MOVE src TO dst for any pair of items in the same buffer.
#[inline(always)]
pub fn move_field(mem: &mut [u8], src: Field, dst: Field) {
    match (src, dst) {
        // the same calls as `move_field_general` makes for these pairs
        (Field::Alnum(s), Field::Alnum(d)) => d.move_from(mem, s),
        (_, Field::Group(_)) | (Field::Group(_), _) => {
            crate::alnum::move_raw(mem, src.offset(), src.size(), dst.offset(), dst.size())
        }
        _ => move_field_general(mem, src, dst),
    }
}

fn move_field_general(mem: &mut [u8], src: Field, dst: Field) {
    match (src, dst) {
        // a group on either side: raw byte copy, no conversion
        (_, Field::Group(_)) | (Field::Group(_), _) => {
            crate::alnum::move_raw(mem, src.offset(), src.size(), dst.offset(), dst.size())
        }
        (Field::Num(s), Field::Num(d)) => {
            if s.usage == Usage::Display
                && d == (NumField {
                    offset: d.offset,
                    ..s
                })
            {
                // same description: cobc copies the bytes (spaces stay spaces)
                crate::alnum::move_raw(mem, s.offset, s.size(), d.offset, d.size());
            } else if s.usage == Usage::Display
                && d.usage == Usage::Display
                && display_plain(s)
                && display_plain(d)
            {
                move_display_digits(mem, s, d);
            } else {
                let v = s.get(mem);
                d.set(mem, &v);
            }
        }
        (Field::Num(s), Field::Edit(d))
            if s.usage == Usage::Display
                && display_plain(s)
                && d.scale >= 0
                && d.scale as u32 <= d.digits =>
        {
            // cobc edits the source's digit characters (dirty data shows through)
            let digits = s.display_digit_array(mem);
            let (neg, mag) = s.raw_int(mem);
            let neg = s.signed && neg && mag != 0;
            d.set_display_chars(mem, neg, digits.digits(), s.scale);
        }
        (Field::Num(s), Field::Edit(d)) => {
            let v = s.get(mem);
            d.set(mem, &v);
        }
        (Field::Edit(s), Field::Num(d)) => {
            let v = s.get(mem);
            d.set(mem, &v);
        }
        (Field::Edit(s), Field::Edit(d)) => {
            let v = s.get(mem);
            d.set(mem, &v);
        }
        (Field::Num(s), Field::Alnum(d)) => {
            let mut buf = Vec::with_capacity(40);
            num_to_alnum_bytes(mem, s, &mut buf);
            d.set_bytes(mem, &buf);
        }
        (Field::Num(s), Field::AlnumEdit(d)) => {
            let mut buf = Vec::with_capacity(40);
            num_to_alnum_bytes(mem, s, &mut buf);
            d.set_bytes(mem, &buf);
        }
        (Field::Alnum(s), Field::Alnum(d)) => d.move_from(mem, s),
        (_, Field::Alnum(d)) => d.move_from(mem, src.as_alnum()),
        (Field::Alnum(_) | Field::AlnumEdit(_), Field::Num(d)) => {
            let tmp: Vec<u8> = src.bytes(mem).to_vec();
            alnum_to_num(mem, &tmp, d);
        }
        (Field::Alnum(_) | Field::AlnumEdit(_), Field::Edit(d)) => {
            let tmp: Vec<u8> = src.bytes(mem).to_vec();
            let (neg, v) = alnum_to_int(&tmp, d.digits, d.scale);
            d.set(
                mem,
                &Dec::from_mag(neg, Mag::Small(v), d.scale.max(0) as u32),
            );
        }
        (_, Field::AlnumEdit(d)) => {
            let tmp: Vec<u8> = src.bytes(mem).to_vec();
            d.set_bytes(mem, &tmp);
        }
    }
}

/// MOVE a numeric value (literal or computed) to any item.
#[inline(always)]
pub fn move_dec(mem: &mut [u8], v: &Dec, dst: Field) {
    match dst {
        Field::Num(d) => d.set(mem, v),
        other => move_dec_other(mem, v, other),
    }
}

fn move_dec_other(mem: &mut [u8], v: &Dec, dst: Field) {
    match dst {
        Field::Num(d) => d.set(mem, v),
        Field::Edit(d) => d.set(mem, v),
        Field::Alnum(_) | Field::Group(_) | Field::AlnumEdit(_) => {
            // a numeric literal moved to alphanumeric: its digits, no sign/point
            let s: Vec<u8> = v
                .to_string()
                .bytes()
                .filter(|c| c.is_ascii_digit())
                .collect();
            move_bytes(mem, &s, dst);
        }
    }
}

/// MOVE an alphanumeric literal (its bytes) to any item.
#[inline(always)]
pub fn move_bytes(mem: &mut [u8], lit: &[u8], dst: Field) {
    match dst {
        Field::Alnum(d) | Field::Group(d) => d.set_bytes(mem, lit),
        other => move_bytes_other(mem, lit, other),
    }
}

fn move_bytes_other(mem: &mut [u8], lit: &[u8], dst: Field) {
    match dst {
        Field::Alnum(d) | Field::Group(d) => d.set_bytes(mem, lit),
        Field::Num(d) => alnum_literal_to_num(mem, lit, d),
        Field::Edit(d) => {
            let (neg, v) = alnum_to_int(lit, d.digits, d.scale);
            d.set(
                mem,
                &Dec::from_mag(neg, Mag::Small(v), d.scale.max(0) as u32),
            );
        }
        Field::AlnumEdit(d) => d.set_bytes(mem, lit),
    }
}

/// MOVE of alphanumeric *data* (bytes of an item, an UNSTRING piece, an intrinsic
/// result) to any item; numeric targets get the run-time conversion.
pub fn move_bytes_alnum(mem: &mut [u8], data: &[u8], dst: Field) {
    match dst {
        Field::Num(d) => alnum_to_num(mem, data, d),
        _ => move_bytes(mem, data, dst),
    }
}

/// MOVE a figurative constant to any item (also what INITIALIZE needs: `Fig::Zero` to
/// numeric, `Fig::Space` to alphanumeric).
#[inline(always)]
pub fn move_fig(mem: &mut [u8], fig: Fig, dst: Field) {
    match (dst, fig) {
        (Field::Num(d), Fig::Zero) => d.set_zero(mem),
        (Field::Alnum(d) | Field::Group(d), _) => fill_alnum(mem, d, fig.pattern()),
        _ => move_fig_general(mem, fig, dst),
    }
}

/// MOVE of a figurative constant to an alphanumeric item or a group.
fn fill_alnum(mem: &mut [u8], d: AlnumField, pattern: &[u8]) {
    fill_pattern(d.bytes_mut(mem), pattern)
}

fn move_fig_general(mem: &mut [u8], fig: Fig, dst: Field) {
    match dst {
        Field::Num(d) => match fig {
            Fig::Zero => d.set_zero(mem),
            Fig::All(p) => {
                // cobc: MOVE ALL "7" TO S9(3)V99 -> 777.00; TO 9(5) -> 77777
                let n = (d.digits as i64 - d.scale as i64).max(0) as usize;
                let mut buf = vec![0u8; n];
                fill_pattern(&mut buf, p);
                alnum_to_num(mem, &buf, d);
            }
            // HIGH-VALUES etc. fill the storage bytes (cobc: 9(5) gets five 0xFF)
            _ => fill_pattern(&mut mem[d.offset..d.offset + d.size()], fig.pattern()),
        },
        Field::Edit(d) => match fig {
            Fig::Zero => d.set(mem, &Dec::ZERO),
            _ => fill_pattern(&mut mem[d.offset..d.offset + d.len], fig.pattern()),
        },
        _ => {
            let o = dst.offset();
            let n = dst.size();
            fill_pattern(&mut mem[o..o + n], fig.pattern());
        }
    }
}

/// INITIALIZE of one elementary item: numeric and numeric-edited to zero, others to spaces.
pub fn initialize(mem: &mut [u8], f: Field) {
    match f {
        Field::Num(_) | Field::Edit(_) => move_fig(mem, Fig::Zero, f),
        _ => move_fig(mem, Fig::Space, f),
    }
}

#[cfg(test)]
#[path = "mov_tests.rs"]
mod tests;
