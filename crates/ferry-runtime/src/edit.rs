//! Numeric-edited and alphanumeric-edited items: editing (MOVE to) and de-editing.
//!
//! The picture string is kept as `&'static str`; its length, digit count and scale are
//! computed by a `const fn` so the generator can write
//! `const TOTAL: EditField = EditField::new(40, "$$$,$$9.99-");`. Editing walks the
//! picture once per MOVE, without allocation.
//!
//! Rules (all checked against cobc 3.1.2, see tests):
//! * Every 9 Z * position, and every + - currency position that is not a trailing
//!   sign/currency, consumes one digit. When the picture has such a floating/leading
//!   sign or currency symbol, the first consuming position reads a virtual leading zero, so
//!   `++++9.99` has 4 integer digits, and so does cobc's `$---9`.
//! * While suppressing, Z/floating positions holding 0 become the pad (' ' or '*'), a
//!   grouping separator or B becomes the pad, '/' and '0' are kept, the decimal point is
//!   always written and ends suppression.
//! * A floating sign/currency is written in the last suppressed position of its string
//!   (lost when the digits fill the string). When a picture has a leading sign before a
//!   floating currency string that received the currency (e.g. `-$$9.99` with 7), cobc
//!   writes the picture's sign character whatever the value's sign ("- $7.00"); we do too.
//! * All digit positions Z/*/floating and value zero: all spaces, or all '*' except the
//!   decimal point. BLANK WHEN ZERO blanks on zero.

use crate::dec::{Dec, Round};

/// A numeric-edited item.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EditField {
    pub offset: usize,
    pub len: usize,
    pub pic: &'static str,
    /// Digits the item can show (see module doc for the counting rule).
    pub digits: u32,
    /// Decimal places (negative with trailing P's).
    pub scale: i32,
    /// The first consuming position reads a virtual zero.
    pub virtual_digit: bool,
    pub blank_when_zero: bool,
    /// DECIMAL-POINT IS COMMA
    pub comma: bool,
    /// Currency symbol used in the picture (default '$').
    pub currency: u8,
    /// The picture compiled (at compile time) to one step per editing position, see
    /// [`compile_steps`]; `n_steps == 0` when it was not compiled (editing then walks the
    /// picture string).
    steps: [u8; EDIT_STEPS],
    n_steps: u8,
}

/// Longest picture (in editing steps) that is compiled.
const EDIT_STEPS: usize = 32;

// Editing steps. A step is what `edit_chars_slow` does at one position of the picture; the
// choice among its match arms depends only on the picture (the symbol, and whether a 9, Z or *
// came before), so it is made once, when the descriptor is built.
const S_NINE: u8 = 1;
const S_Z: u8 = 2;
const S_STAR: u8 = 3;
const S_TRAIL_PLUS: u8 = 4;
const S_TRAIL_MINUS: u8 = 5;
const S_TRAIL_CURRENCY: u8 = 6;
const S_FLOAT_PLUS: u8 = 7;
const S_FLOAT_MINUS: u8 = 8;
const S_FLOAT_CURRENCY: u8 = 9;
const S_CR: u8 = 10;
const S_DB: u8 = 11;
const S_POINT: u8 = 12;
const S_SEP: u8 = 13;
const S_B: u8 = 14;
/// The second position of CR / DB (one step per position).
const S_CR2: u8 = 15;
const S_DB2: u8 = 16;
// any other step value: that byte, written as it is ('0', '/', ...)

/// Compiles a picture into steps, one per output position, following exactly the walk of
/// `edit_chars_slow` over an output of `len` bytes. Returns 0 steps (not compiled) when the
/// picture has more than `EDIT_STEPS` positions or a literal byte that collides with a step code.
const fn compile_steps(p: &[u8], comma: bool, currency: u8, len: usize) -> ([u8; EDIT_STEPS], u8) {
    const NONE: ([u8; EDIT_STEPS], u8) = ([0; EDIT_STEPS], 0);
    let (dec, sep) = if comma { (b',', b'.') } else { (b'.', b',') };
    let mut steps = [0u8; EDIT_STEPS];
    let mut n_steps = 0usize;
    let mut pos = 0usize;
    let mut trailing = false;
    let mut i = 0;
    while i < p.len() && pos < len {
        let (c, n, j) = next_sym(p, i);
        i = j;
        let mut k = 0;
        while k < n && pos < len {
            k += 1;
            // the arms of `edit_chars_slow`, in its order
            let step = if c == b'9' {
                trailing = true;
                S_NINE
            } else if c == b'Z' || c == b'*' {
                trailing = true;
                if c == b'*' {
                    S_STAR
                } else {
                    S_Z
                }
            } else if (c == b'+' || c == b'-') && trailing {
                if c == b'+' {
                    S_TRAIL_PLUS
                } else {
                    S_TRAIL_MINUS
                }
            } else if c == currency && trailing {
                S_TRAIL_CURRENCY
            } else if c == b'+' || c == b'-' {
                if c == b'+' {
                    S_FLOAT_PLUS
                } else {
                    S_FLOAT_MINUS
                }
            } else if c == currency {
                S_FLOAT_CURRENCY
            } else if c == b'C' || c == b'D' {
                if c == b'C' {
                    S_CR
                } else {
                    S_DB
                }
            } else if c == b'V' || c == b'P' {
                continue; // no position
            } else if c == dec {
                S_POINT
            } else if c == sep {
                S_SEP
            } else if c == b'B' {
                S_B
            } else if c <= S_DB2 {
                return NONE;
            } else {
                c
            };
            let two = step == S_CR || step == S_DB;
            if n_steps + two as usize >= EDIT_STEPS {
                return NONE;
            }
            steps[n_steps] = step;
            n_steps += 1;
            if two {
                steps[n_steps] = if step == S_CR { S_CR2 } else { S_DB2 };
                n_steps += 1;
            }
            pos += 1 + two as usize;
        }
    }
    if pos != len {
        return NONE;
    }
    (steps, n_steps as u8)
}

/// Next picture symbol at byte `i`: (symbol, repeat count, next index). Symbols are
/// upper-cased; "CR"/"DB" are returned as 'C'/'D' with count 1 (2 positions each).
const fn next_sym(p: &[u8], i: usize) -> (u8, usize, usize) {
    let mut c = p[i];
    if c >= b'a' && c <= b'z' {
        c -= 32;
    }
    let mut j = i + 1;
    if (c == b'C' || c == b'D') && j < p.len() {
        // CR / DB
        j += 1;
        return (c, 1, j);
    }
    let mut n = 1;
    if j < p.len() && p[j] == b'(' {
        let mut k = j + 1;
        let mut v = 0;
        while k < p.len() && p[k] != b')' {
            v = v * 10 + (p[k] - b'0') as usize;
            k += 1;
        }
        n = v;
        j = k + 1;
    }
    (c, n, j)
}

impl EditField {
    /// Parse `pic` (compile time when used in a `const`).
    pub const fn new(offset: usize, pic: &'static str) -> EditField {
        EditField::with_options(offset, pic, false, b'$')
    }

    /// Picture written with DECIMAL-POINT IS COMMA and/or another currency symbol.
    pub const fn with_options(
        offset: usize,
        pic: &'static str,
        comma: bool,
        currency: u8,
    ) -> EditField {
        let p = pic.as_bytes();
        let dec = if comma { b',' } else { b'.' };
        let mut i = 0;
        let mut len = 0usize;
        let mut consuming = 0u32;
        let mut after_point = 0u32;
        let mut seen_point = false;
        let mut trailing = false;
        let mut floating = false;
        let mut p_count: i32 = 0;
        let mut p_before_digits = false;
        while i < p.len() {
            let (c, n, j) = next_sym(p, i);
            i = j;
            let n32 = n as u32;
            if c == b'9' || c == b'Z' || c == b'*' {
                consuming += n32;
                if seen_point {
                    after_point += n32;
                }
                trailing = true;
                len += n;
            } else if c == b'+' || c == b'-' || c == currency {
                if trailing {
                    len += n;
                } else {
                    consuming += n32;
                    if seen_point {
                        after_point += n32;
                    }
                    floating = true;
                    len += n;
                }
            } else if c == b'V' {
                seen_point = true;
            } else if c == dec {
                seen_point = true;
                len += n;
            } else if c == b'P' {
                if consuming == 0 || seen_point {
                    p_before_digits = true;
                }
                p_count += n as i32;
            } else if c == b'C' || c == b'D' {
                len += 2;
            } else {
                len += n;
            }
        }
        let digits = if floating { consuming - 1 } else { consuming };
        let mut scale = after_point as i32;
        if p_count > 0 {
            if p_before_digits {
                scale += p_count;
            } else {
                scale -= p_count;
            }
        }
        let (steps, n_steps) = compile_steps(p, comma, currency, len);
        EditField {
            offset,
            len,
            pic,
            digits,
            scale,
            virtual_digit: floating,
            blank_when_zero: false,
            comma,
            currency,
            steps,
            n_steps,
        }
    }

    /// BLANK WHEN ZERO.
    pub const fn blank_when_zero(mut self) -> EditField {
        self.blank_when_zero = true;
        self
    }

    pub const fn at(mut self, extra: usize) -> EditField {
        self.offset += extra;
        self
    }

    pub fn bytes<'a>(&self, mem: &'a [u8]) -> &'a [u8] {
        &mem[self.offset..self.offset + self.len]
    }

    /// MOVE a numeric value into the item (truncating, as MOVE does).
    pub fn set(&self, mem: &mut [u8], v: &Dec) {
        // one extra low-order digit: a trailing +/- sign looks at it (cobc: -0.5 into
        // "ZZZ9-" gives "   0-" but -0.07 gives "   0 "); and one extra high-order digit:
        // the first floating position reads it (cobc: "+,++9" with 2269 -> "+,269").
        let keep = (self.digits + 2).min(38);
        if let Some((_, low, _)) = v.scaled_u64(self.scale + 1, Round::Truncate, keep) {
            // up to 17 digits, in 64-bit arithmetic: the same digits as below
            let extra = (low % 10) as u8;
            let (above, mag) = crate::dec::divrem_pow10(low / 10, self.digits);
            let out = &mut mem[self.offset..self.offset + self.len];
            edit_u64(
                self,
                out,
                v.signum() < 0,
                mag,
                b'0' + (above % 10) as u8,
                extra,
            );
            return;
        }
        self.set_general(mem, v)
    }

    /// `set` for any number of digits (the fast path above is the same for up to 17).
    fn set_general(&self, mem: &mut [u8], v: &Dec) {
        let keep = (self.digits + 2).min(38);
        let s = match v.scaled(self.scale + 1, Round::Truncate, keep) {
            Some(s) => s,
            None => return,
        };
        let out = &mut mem[self.offset..self.offset + self.len];
        let extra = (s.low % 10) as u8;
        let n = s.low / 10;
        let p = crate::dec::pow10_u128(self.digits.min(36));
        let virt = b'0' + (n / p % 10) as u8;
        edit_into(self, out, v.signum() < 0, n % p, virt, extra);
    }

    /// MOVE of a numeric DISPLAY item given as its digit characters (`src`, `src_scale`
    /// decimals; overpunch already removed), as cobc 3.1.2 does it: the characters are
    /// taken as they are, aligned on the decimal point, so dirty data shows through.
    /// Checked against cobc (9(4)V99 source): all spaces -> 9(4).99 "    .00", -(5)9.99
    /// "      .00", ZZZ9 "    "; "12 4 5" -> 9(4).99 "12 4.05"; "AB3456" -> "A 34.56";
    /// "1234AB" -> "1234.0 "; "0B00B0" -> ZZZ9.99 "  00. 0". Rules: an integer-part
    /// character is copied ('0' is still suppressed, anything else ends suppression), a
    /// decimal character other than a digit or '/' becomes '0', and 'B' becomes a space.
    pub(crate) fn set_display_chars(&self, mem: &mut [u8], neg: bool, src: &[u8], src_scale: i32) {
        let si = src.len() as i64 - src_scale as i64;
        let di = self.digits as i64 - self.scale as i64;
        let at = |j: i64, frac: bool| -> u8 {
            let k = j - di + si;
            let c = if k >= 0 && (k as usize) < src.len() {
                src[k as usize]
            } else {
                b'0'
            };
            match c {
                b'B' => b' ',
                b'0'..=b'9' | b'/' => c,
                _ if frac => b'0',
                _ => c,
            }
        };
        let total = self.digits as usize + self.virtual_digit as usize;
        let mut digs = [b'0'; 80];
        let v = self.virtual_digit as i64;
        for (k, d) in digs.iter_mut().enumerate().take(total.min(80)) {
            let j = k as i64 - v;
            *d = at(j, j >= di);
        }
        let is_zero = digs[..total.min(80)].iter().all(|&c| c == b'0');
        let extra = match at(self.digits as i64, true) {
            c @ b'0'..=b'9' => c - b'0',
            _ => 0,
        };
        let out = &mut mem[self.offset..self.offset + self.len];
        edit_chars_into(self, out, neg, &digs[..total.min(80)], is_zero, extra);
    }

    /// De-edit: the numeric value shown in the item (MOVE edited TO numeric).
    ///
    /// cobc 3.1.2 reads the bytes, not the picture: every digit counts (insertion '0's
    /// too: `9(3)0B0` "2340 0" -> 23400), the first decimal-point character starts the
    /// decimals (however many follow: "12.3456" in ZZZ9.99 -> 12.3456), a `V` in the
    /// picture does the same when no point came first, and any '-' or 'C' byte makes the
    /// value negative: CR and '-' de-edit negative, DB (and '+') positive. Everything else
    /// (spaces, '*', ',', currency, letters) is skipped. A zero value is never negative.
    pub fn get(&self, mem: &[u8]) -> Dec {
        let data = self.bytes(mem);
        let p = self.pic.as_bytes();
        let dp = if self.comma { b',' } else { b'.' };
        let (mut i, mut pos) = (0, 0);
        let (mut mag, mut frac, mut neg, mut point) = (0u128, 0u32, false, false);
        let mut take = |b: u8, point: &mut bool| {
            if b.is_ascii_digit() {
                if mag < u128::MAX / 100 {
                    mag = mag * 10 + (b - b'0') as u128;
                    frac += *point as u32;
                }
            } else if b == dp {
                *point = true;
            } else if b == b'-' || b == b'C' {
                neg = true;
            }
        };
        while i < p.len() && pos < data.len() {
            let (c, n, j) = next_sym(p, i);
            i = j;
            match c {
                b'V' => point = true,
                b'P' => {}
                _ => {
                    let w = if c == b'C' || c == b'D' { 2 } else { n };
                    for _ in 0..w {
                        if pos < data.len() {
                            take(data[pos], &mut point);
                            pos += 1;
                        }
                    }
                }
            }
        }
        let d = Dec::from_mag(neg && mag != 0, crate::dec::Mag::Small(mag), frac);
        if point {
            d
        } else if self.scale < 0 {
            d.upscale_int((-self.scale) as u32)
        } else if self.scale as u32 > self.digits {
            // leading P's (PPP99): the shown digits are the low-order decimals
            Dec::from_mag(
                neg && mag != 0,
                crate::dec::Mag::Small(mag),
                self.scale as u32,
            )
        } else {
            d
        }
    }
}

/// Edit |value| = `mag` (units of 10^-scale, already reduced to `f.digits`) into `out`.
pub(crate) fn edit_into(
    f: &EditField,
    out: &mut [u8],
    raw_neg: bool,
    mag: u128,
    virt: u8,
    extra: u8,
) {
    // digit source: optional virtual zero, then `digits` digits of mag
    let total = f.digits as usize + f.virtual_digit as usize;
    let mut digs = [b'0'; 80];
    if f.virtual_digit {
        digs[0] = virt;
    }
    let first = f.virtual_digit as usize;
    if let Ok(mut m) = u64::try_from(mag) {
        for k in (first..total.min(80)).rev() {
            digs[k] = b'0' + (m % 10) as u8;
            m /= 10;
        }
    } else {
        let mut m = mag;
        for k in (first..total.min(80)).rev() {
            digs[k] = b'0' + (m % 10) as u8;
            m /= 10;
        }
    }
    let is_zero = mag == 0 && (!f.virtual_digit || virt == b'0');
    edit_chars_into(f, out, raw_neg, &digs[..total.min(80)], is_zero, extra)
}

/// `edit_into` for a magnitude of at most 17 digits.
fn edit_u64(f: &EditField, out: &mut [u8], raw_neg: bool, mag: u64, virt: u8, extra: u8) {
    let first = f.virtual_digit as usize;
    let total = f.digits as usize + first;
    let mut digs = [b'0'; 20];
    digs[0] = if f.virtual_digit { virt } else { b'0' };
    // the digits of mag right-aligned in digs[first..total], two per division
    let (mut k, mut m) = (total, mag);
    while k >= first + 2 {
        let r = (m % 100) as usize;
        m /= 100;
        digs[k - 2] = crate::num::DIGIT_PAIRS[2 * r];
        digs[k - 1] = crate::num::DIGIT_PAIRS[2 * r + 1];
        k -= 2;
    }
    if k > first {
        digs[k - 1] = b'0' + (m % 10) as u8;
    }
    let is_zero = mag == 0 && (!f.virtual_digit || virt == b'0');
    edit_chars_into(f, out, raw_neg, &digs[..total], is_zero, extra)
}

/// Edit the digit characters `digs` (the virtual digit first, when the picture has one).
pub(crate) fn edit_chars_into(
    f: &EditField,
    out: &mut [u8],
    raw_neg: bool,
    digs: &[u8],
    is_zero: bool,
    extra: u8,
) {
    if f.n_steps > 0 && out.len() == f.len {
        edit_steps(f, out, raw_neg, digs, is_zero, extra)
    } else {
        edit_chars_slow(f, out, raw_neg, digs, is_zero, extra)
    }
}

/// `edit_chars_slow` over the compiled steps (one per position): the same state changes at
/// every position, with the choice of arm made in advance.
fn edit_steps(f: &EditField, out: &mut [u8], raw_neg: bool, digs: &[u8], is_zero: bool, extra: u8) {
    let dec = if f.comma { b',' } else { b'.' };
    let sep = if f.comma { b'.' } else { b',' };
    let total = digs.len();
    let neg = raw_neg && !is_zero;
    let trailing_neg = raw_neg && !(is_zero && extra == 0);
    let mut di = 0usize;
    let next_digit = |di: &mut usize| {
        let d = if *di < total { digs[*di] } else { b'0' };
        *di += 1;
        d
    };
    let mut suppress = true;
    let mut pad = b' ';
    let mut has_nine = false;
    let mut sign_pos: Option<usize> = None;
    let mut sign_sym = b'-';
    let mut curr_pos: Option<usize> = None;
    let mut float_sym: Option<u8> = None;
    let sign_char = |sym: u8| {
        if neg {
            b'-'
        } else if sym == b'+' {
            b'+'
        } else {
            b' '
        }
    };
    let steps = &f.steps[..f.n_steps as usize];
    for (pos, (o, &step)) in out.iter_mut().zip(steps).enumerate() {
        *o = match step {
            S_NINE => {
                float_sym = None;
                suppress = false;
                has_nine = true;
                next_digit(&mut di)
            }
            S_Z | S_STAR => {
                let x = next_digit(&mut di);
                pad = if step == S_STAR { b'*' } else { b' ' };
                float_sym = None;
                if suppress && x == b'0' {
                    pad
                } else {
                    suppress = false;
                    x
                }
            }
            S_TRAIL_PLUS | S_TRAIL_MINUS => {
                if trailing_neg {
                    b'-'
                } else if step == S_TRAIL_PLUS {
                    b'+'
                } else {
                    b' '
                }
            }
            S_TRAIL_CURRENCY => f.currency,
            S_FLOAT_PLUS | S_FLOAT_MINUS => {
                let c = if step == S_FLOAT_PLUS { b'+' } else { b'-' };
                let first = di == 0 && f.virtual_digit;
                let x = next_digit(&mut di);
                if first || (suppress && x == b'0') {
                    sign_pos = Some(pos);
                    sign_sym = c;
                    float_sym = Some(c);
                    if x != b'0' {
                        suppress = false;
                    }
                    pad
                } else {
                    suppress = false;
                    x
                }
            }
            S_FLOAT_CURRENCY => {
                let first = di == 0 && f.virtual_digit;
                let d = next_digit(&mut di);
                if first || (suppress && d == b'0') {
                    curr_pos = Some(pos);
                    float_sym = Some(f.currency);
                    if d != b'0' {
                        suppress = false;
                    }
                    pad
                } else {
                    suppress = false;
                    d
                }
            }
            S_CR => {
                if neg {
                    b'C'
                } else {
                    b' '
                }
            }
            S_CR2 => {
                if neg {
                    b'R'
                } else {
                    b' '
                }
            }
            S_DB => {
                if neg {
                    b'D'
                } else {
                    b' '
                }
            }
            S_DB2 => {
                if neg {
                    b'B'
                } else {
                    b' '
                }
            }
            S_POINT => {
                suppress = false;
                dec
            }
            S_SEP | S_B => {
                if suppress {
                    // a suppressed insertion character inside a floating string takes
                    // the floating symbol
                    match float_sym {
                        Some(s) if s == f.currency => curr_pos = Some(pos),
                        Some(_) => sign_pos = Some(pos),
                        None => {}
                    }
                    pad
                } else if step == S_B {
                    b' '
                } else {
                    sep
                }
            }
            literal => literal,
        };
    }
    if is_zero && (f.blank_when_zero || !has_nine) {
        if !f.blank_when_zero && pad == b'*' {
            for b in out.iter_mut() {
                if *b != dec {
                    *b = b'*';
                }
            }
        } else {
            out.fill(b' ');
        }
        return;
    }
    if let Some(cp) = curr_pos {
        out[cp] = f.currency;
    }
    if let Some(sp) = sign_pos {
        out[sp] = match curr_pos {
            Some(cp) if sp < cp => sign_sym,
            _ => sign_char(sign_sym),
        };
    }
}

/// Edit by walking the picture string (pictures that are not compiled).
fn edit_chars_slow(
    f: &EditField,
    out: &mut [u8],
    raw_neg: bool,
    digs: &[u8],
    is_zero: bool,
    extra: u8,
) {
    let p = f.pic.as_bytes();
    let (dec, sep) = if f.comma { (b',', b'.') } else { (b'.', b',') };
    let total = digs.len();
    // leading/floating signs and CR/DB: negative only if a shown digit is non-zero;
    // a trailing +/- also counts the first truncated digit
    let neg = raw_neg && !is_zero;
    let trailing_neg = raw_neg && !(is_zero && extra == 0);
    let mut di = 0usize;
    let next_digit = |di: &mut usize| {
        let d = if *di < total { digs[*di] } else { b'0' };
        *di += 1;
        d
    };
    let mut suppress = true;
    let mut pad = b' ';
    let mut trailing = false;
    let mut has_nine = false;
    let mut sign_pos: Option<usize> = None;
    let mut sign_sym = b'-';
    let mut curr_pos: Option<usize> = None;
    // floating string currently being suppressed (its symbol), if any
    let mut float_sym: Option<u8> = None;
    let mut pos = 0usize;
    let mut i = 0;
    let sign_char = |sym: u8| {
        if neg {
            b'-'
        } else if sym == b'+' {
            b'+'
        } else {
            b' '
        }
    };
    while i < p.len() && pos < out.len() {
        let (c, n, j) = next_sym(p, i);
        i = j;
        for _ in 0..n {
            if pos >= out.len() {
                break;
            }
            match c {
                b'9' => {
                    float_sym = None;
                    out[pos] = next_digit(&mut di);
                    suppress = false;
                    trailing = true;
                    has_nine = true;
                }
                b'Z' | b'*' => {
                    let x = next_digit(&mut di);
                    pad = if c == b'*' { b'*' } else { b' ' };
                    float_sym = None;
                    if suppress && x == b'0' {
                        out[pos] = pad;
                    } else {
                        out[pos] = x;
                        suppress = false;
                    }
                    trailing = true;
                }
                b'+' | b'-' if trailing => {
                    out[pos] = if trailing_neg {
                        b'-'
                    } else if c == b'+' {
                        b'+'
                    } else {
                        b' '
                    }
                }
                x if x == f.currency && trailing => out[pos] = f.currency,
                b'+' | b'-' => {
                    let first = di == 0 && f.virtual_digit;
                    let x = next_digit(&mut di);
                    if first || (suppress && x == b'0') {
                        out[pos] = pad;
                        sign_pos = Some(pos);
                        sign_sym = c;
                        float_sym = Some(c);
                        if x != b'0' {
                            suppress = false;
                        }
                    } else {
                        out[pos] = x;
                        suppress = false;
                    }
                }
                x if x == f.currency => {
                    let first = di == 0 && f.virtual_digit;
                    let d = next_digit(&mut di);
                    if first || (suppress && d == b'0') {
                        out[pos] = pad;
                        curr_pos = Some(pos);
                        float_sym = Some(f.currency);
                        if d != b'0' {
                            suppress = false;
                        }
                    } else {
                        out[pos] = d;
                        suppress = false;
                    }
                }
                b'C' | b'D' => {
                    let s: &[u8; 2] = if c == b'C' { b"CR" } else { b"DB" };
                    for k in 0..2 {
                        if pos + k < out.len() {
                            out[pos + k] = if neg { s[k] } else { b' ' };
                        }
                    }
                    pos += 1;
                }
                b'V' | b'P' => continue,
                x if x == dec => {
                    out[pos] = dec;
                    suppress = false;
                }
                x if x == sep || x == b'B' => {
                    out[pos] = if suppress {
                        pad
                    } else if x == b'B' {
                        b' '
                    } else {
                        sep
                    };
                    // a suppressed insertion character inside a floating string takes
                    // the floating symbol (cobc: "+,++9" with 948 -> " +948")
                    if suppress {
                        match float_sym {
                            Some(s) if s == f.currency => curr_pos = Some(pos),
                            Some(_) => sign_pos = Some(pos),
                            None => {}
                        }
                    }
                }
                other => out[pos] = other, // '0', '/', and anything else literally
            }
            pos += 1;
        }
    }
    if is_zero && (f.blank_when_zero || !has_nine) {
        if !f.blank_when_zero && pad == b'*' {
            for b in out.iter_mut() {
                if *b != dec {
                    *b = b'*';
                }
            }
        } else {
            out.fill(b' ');
        }
        return;
    }
    if let Some(cp) = curr_pos {
        out[cp] = f.currency;
    }
    if let Some(sp) = sign_pos {
        out[sp] = match curr_pos {
            Some(cp) if sp < cp => sign_sym,
            _ => sign_char(sign_sym),
        };
    }
}

/// An alphanumeric-edited item (A X 9 with B 0 / insertion).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AlnumEditField {
    pub offset: usize,
    pub len: usize,
    pub pic: &'static str,
}

impl AlnumEditField {
    pub const fn new(offset: usize, pic: &'static str) -> AlnumEditField {
        let p = pic.as_bytes();
        let mut i = 0;
        let mut len = 0;
        while i < p.len() {
            let (_, n, j) = next_sym(p, i);
            len += n;
            i = j;
        }
        AlnumEditField { offset, len, pic }
    }
    pub const fn at(mut self, extra: usize) -> AlnumEditField {
        self.offset += extra;
        self
    }
    /// MOVE alphanumeric data into the item: source characters fill A/X/9 positions in
    /// order (spaces once exhausted); B gives a space, 0 and / are inserted.
    pub fn set_bytes(&self, mem: &mut [u8], src: &[u8]) {
        let out = &mut mem[self.offset..self.offset + self.len];
        let p = self.pic.as_bytes();
        let (mut i, mut pos, mut si) = (0, 0, 0);
        while i < p.len() {
            let (c, n, j) = next_sym(p, i);
            i = j;
            for _ in 0..n {
                if pos >= out.len() {
                    return;
                }
                out[pos] = match c {
                    b'A' | b'X' | b'9' => {
                        let b = src.get(si).copied().unwrap_or(b' ');
                        si += 1;
                        b
                    }
                    b'B' => b' ',
                    other => other,
                };
                pos += 1;
            }
        }
    }
}

#[cfg(test)]
#[path = "edit_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "deedit_tests.rs"]
mod deedit_tests;
