//! Numeric field descriptors (`NumField`) and their encode/decode for every USAGE.
//!
//! Storage facts checked against cobc 3.1.2 (default dialect, binary-size 1-2-4-8,
//! binary-truncate yes, big-endian COMP):
//! * COMP / COMP-4 / BINARY and COMP-5 sizes: 1-2 digits -> 1 byte, 3-4 -> 2, 5-9 -> 4,
//!   10-18 -> 8 (`LENGTH OF` a PIC 9(1) COMP is 1, PIC 9(3) COMP-5 is 2).
//! * COMP values are truncated to the PICTURE digits (ADD 2 TO 9(3) COMP holding 999 -> 1);
//!   COMP-5 is not (same ADD on PIC 9(3) COMP-5 gives 1001, no size error).
//! * DISPLAY signed default: trailing overpunch, negative digits written as 'p'..'y'
//!   (S9(3) -12 is stored "01r"). Unsigned targets store the absolute value.
//! * COMP-3: sign nibble C/D when signed, F when unsigned.

use crate::dec::{Dec, Mag, Round};

/// USAGE of a numeric item.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Usage {
    /// DISPLAY (zoned decimal)
    Display,
    /// COMP-3 / PACKED-DECIMAL
    Packed,
    /// COMP / COMP-4 / BINARY: big-endian, truncated to the PICTURE
    Binary,
    /// COMP-5: native (little-endian) binary, limited only by its size
    NativeBinary,
    /// COMP-1 (f32)
    Float,
    /// COMP-2 (f64)
    Double,
}

/// Where the sign of a signed DISPLAY item lives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignMode {
    TrailingOverpunch,
    LeadingOverpunch,
    TrailingSeparate,
    LeadingSeparate,
}

/// A numeric elementary item: `digits` digits with `scale` implied decimal places
/// (negative scale for trailing P's, scale > digits for leading P's).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NumField {
    pub offset: usize,
    pub digits: u32,
    pub scale: i32,
    pub signed: bool,
    pub usage: Usage,
    pub sign: SignMode,
}

/// Bytes of a binary item with `digits` digits (binary-size 1-2-4-8).
pub const fn binary_size(digits: u32) -> usize {
    if digits <= 2 {
        1
    } else if digits <= 4 {
        2
    } else if digits <= 9 {
        4
    } else if digits <= 18 {
        8
    } else {
        16
    }
}

/// Decimal digits a native binary of `size` bytes displays with (cobc: 3/5/10/20).
pub const fn native_display_digits(size: usize) -> u32 {
    match size {
        1 => 3,
        2 => 5,
        4 => 10,
        8 => 20,
        _ => 39,
    }
}

impl NumField {
    const fn base(offset: usize, digits: u32, scale: i32, signed: bool, usage: Usage) -> NumField {
        NumField {
            offset,
            digits,
            scale,
            signed,
            usage,
            sign: SignMode::TrailingOverpunch,
        }
    }
    /// USAGE DISPLAY, e.g. `PIC S9(5)V99` -> `display(off, 7, 2, true)`.
    pub const fn display(offset: usize, digits: u32, scale: i32, signed: bool) -> NumField {
        NumField::base(offset, digits, scale, signed, Usage::Display)
    }
    /// COMP-3 / PACKED-DECIMAL.
    pub const fn packed(offset: usize, digits: u32, scale: i32, signed: bool) -> NumField {
        NumField::base(offset, digits, scale, signed, Usage::Packed)
    }
    /// COMP / COMP-4 / BINARY.
    pub const fn binary(offset: usize, digits: u32, scale: i32, signed: bool) -> NumField {
        NumField::base(offset, digits, scale, signed, Usage::Binary)
    }
    /// COMP-5.
    pub const fn comp5(offset: usize, digits: u32, scale: i32, signed: bool) -> NumField {
        NumField::base(offset, digits, scale, signed, Usage::NativeBinary)
    }
    /// COMP-1.
    pub const fn float(offset: usize) -> NumField {
        NumField::base(offset, 15, 0, true, Usage::Float)
    }
    /// COMP-2.
    pub const fn double(offset: usize) -> NumField {
        NumField::base(offset, 17, 0, true, Usage::Double)
    }
    /// SIGN LEADING / TRAILING [SEPARATE] for DISPLAY items.
    pub const fn with_sign(mut self, sign: SignMode) -> NumField {
        self.sign = sign;
        self
    }
    /// Same item `extra` bytes further (subscripts computed by the caller).
    pub const fn at(mut self, extra: usize) -> NumField {
        self.offset += extra;
        self
    }
    /// Storage size in bytes.
    pub const fn size(&self) -> usize {
        match self.usage {
            Usage::Display => {
                self.digits as usize
                    + if self.signed
                        && matches!(
                            self.sign,
                            SignMode::LeadingSeparate | SignMode::TrailingSeparate
                        )
                    {
                        1
                    } else {
                        0
                    }
            }
            Usage::Packed => self.digits as usize / 2 + 1,
            Usage::Binary | Usage::NativeBinary => binary_size(self.digits),
            Usage::Float => 4,
            Usage::Double => 8,
        }
    }
    pub fn bytes<'a>(&self, mem: &'a [u8]) -> &'a [u8] {
        &mem[self.offset..self.offset + self.size()]
    }
    fn bytes_mut<'a>(&self, mem: &'a mut [u8]) -> &'a mut [u8] {
        let n = self.size();
        &mut mem[self.offset..self.offset + n]
    }
    pub(crate) fn sep_sign(&self) -> bool {
        self.signed
            && matches!(
                self.sign,
                SignMode::LeadingSeparate | SignMode::TrailingSeparate
            )
    }

    /// Stored integer (units of 10^-scale) as (negative, magnitude).
    pub(crate) fn raw_int(&self, mem: &[u8]) -> (bool, u128) {
        let b = self.bytes(mem);
        match self.usage {
            Usage::Display => {
                let (_, neg) = self.display_digits(b);
                (neg, self.display_value(mem))
            }
            Usage::Packed if b.len() <= 9 => {
                // Up to 17 digits: a u64 accumulator (u128 arithmetic is much slower).
                let mut v: u64 = 0;
                let n = b.len();
                for (i, &byte) in b.iter().enumerate() {
                    v = v * 10 + ((byte >> 4) as u64).min(9);
                    if i + 1 < n {
                        v = v * 10 + ((byte & 0x0F) as u64).min(9);
                    }
                }
                let sign = b[n - 1] & 0x0F;
                (sign == 0x0D || sign == 0x0B, v as u128)
            }
            Usage::Packed => {
                let mut v: u128 = 0;
                let n = b.len();
                for (i, &byte) in b.iter().enumerate() {
                    let hi = (byte >> 4) as u128;
                    v = v * 10 + hi.min(9);
                    if i + 1 < n {
                        v = v * 10 + ((byte & 0x0F) as u128).min(9);
                    }
                }
                let sign = b[n - 1] & 0x0F;
                (sign == 0x0D || sign == 0x0B, v)
            }
            Usage::Binary | Usage::NativeBinary => {
                let mut raw: u128 = 0;
                if self.usage == Usage::Binary {
                    for &x in b {
                        raw = (raw << 8) | x as u128;
                    }
                } else {
                    for &x in b.iter().rev() {
                        raw = (raw << 8) | x as u128;
                    }
                }
                let bits = 8 * b.len() as u32;
                if self.signed && bits < 128 && raw >> (bits - 1) & 1 == 1 {
                    let v = (1u128 << bits) - raw;
                    (true, v)
                } else if self.signed && bits == 128 && (raw as i128) < 0 {
                    (true, (raw as i128).unsigned_abs())
                } else {
                    (false, raw)
                }
            }
            Usage::Float | Usage::Double => (false, 0),
        }
    }

    /// The digit bytes of a DISPLAY item (with any overpunch still applied) and its sign.
    fn display_digits<'a>(&self, b: &'a [u8]) -> (&'a [u8], bool) {
        if !self.signed {
            return (b, false);
        }
        match self.sign {
            SignMode::LeadingSeparate => (&b[1..], b[0] == b'-'),
            SignMode::TrailingSeparate => (&b[..b.len() - 1], b[b.len() - 1] == b'-'),
            SignMode::TrailingOverpunch => (b, overpunch_negative(b[b.len() - 1])),
            SignMode::LeadingOverpunch => (b, overpunch_negative(b[0])),
        }
    }

    /// Current value.
    pub fn get(&self, mem: &[u8]) -> Dec {
        match self.usage {
            Usage::Float => {
                let b = self.bytes(mem);
                Dec::from_f64(f32::from_ne_bytes([b[0], b[1], b[2], b[3]]) as f64)
            }
            Usage::Double => {
                let mut a = [0u8; 8];
                a.copy_from_slice(self.bytes(mem));
                Dec::from_f64(f64::from_ne_bytes(a))
            }
            _ => {
                let (neg, v) = self.raw_int(mem);
                let neg = neg && v != 0;
                if self.scale >= 0 {
                    Dec::from_mag(neg, Mag::Small(v), self.scale as u32)
                } else {
                    Dec::from_mag(neg, Mag::Small(v), 0).upscale_int((-self.scale) as u32)
                }
            }
        }
    }

    /// Digit bytes of a DISPLAY item with any overpunch removed.
    pub(crate) fn display_digit_bytes(&self, mem: &[u8], out: &mut Vec<u8>) {
        let (digits, _) = self.display_digits(self.bytes(mem));
        let n = digits.len();
        for (i, &c) in digits.iter().enumerate() {
            let is_punched = self.signed
                && ((i + 1 == n && self.sign == SignMode::TrailingOverpunch)
                    || (i == 0 && self.sign == SignMode::LeadingOverpunch));
            let unpunched = match c {
                b'p'..=b'y' => c - 0x40,
                b'{' | b'}' => b'0',
                _ => c,
            };
            out.push(if is_punched { unpunched } else { c });
        }
    }

    /// Value of the digits as cobc's arithmetic reads them: digit = byte - '0' (so 'A'
    /// counts 17: "1A3" is 273), spaces count 0. (cobc reads a *trailing* space as
    /// garbage; that is not reproduced.)
    fn display_value(&self, mem: &[u8]) -> u128 {
        // Same digits as `display_digit_bytes`, read without a buffer (this runs for every read
        // of a DISPLAY numeric item).
        let (digits, _) = self.display_digits(self.bytes(mem));
        let n = digits.len();
        // Fast path: clean digits (the sign, if any, overpunched on the last byte only).
        if n <= 18 {
            let last_punched = self.signed && self.sign == SignMode::TrailingOverpunch;
            let body = if last_punched && n > 0 {
                &digits[..n - 1]
            } else {
                digits
            };
            if body.iter().all(u8::is_ascii_digit)
                && !(self.signed && self.sign == SignMode::LeadingOverpunch)
            {
                let mut v: u64 = 0;
                for &c in body {
                    v = v * 10 + (c - b'0') as u64;
                }
                if last_punched && n > 0 {
                    let c = match digits[n - 1] {
                        c @ b'p'..=b'y' => c - 0x40,
                        b'{' | b'}' => b'0',
                        c => c,
                    };
                    if !c.is_ascii_digit() {
                        return self.display_value_slow(digits);
                    }
                    v = v * 10 + (c - b'0') as u64;
                }
                return v as u128;
            }
        }
        self.display_value_slow(digits)
    }

    fn display_value_slow(&self, digits: &[u8]) -> u128 {
        let n = digits.len();
        let mut v: i128 = 0;
        for (i, &c) in digits.iter().enumerate() {
            let is_punched = self.signed
                && ((i + 1 == n && self.sign == SignMode::TrailingOverpunch)
                    || (i == 0 && self.sign == SignMode::LeadingOverpunch));
            let c = if is_punched {
                match c {
                    b'p'..=b'y' => c - 0x40,
                    b'{' | b'}' => b'0',
                    _ => c,
                }
            } else {
                c
            };
            let d = if c == b' ' {
                0
            } else {
                c as i128 - b'0' as i128
            };
            v = v.saturating_mul(10).saturating_add(d);
        }
        v.unsigned_abs()
    }

    /// Capacity used for high-order truncation: PICTURE digits, except COMP-5 (its size).
    fn keep_digits(&self) -> u32 {
        match self.usage {
            Usage::NativeBinary => 38,
            _ => self.digits,
        }
    }

    /// Store `v`, rounding with `round` (use `Round::Truncate` without ROUNDED).
    ///
    /// Returns true on a size error. NaN (division by zero, bad exponent) never changes
    /// the target. Otherwise with `on_size_error` the target is left unchanged; without it
    /// the value is stored high-order truncated, as cobc does (ADD 2 TO a PIC 9(3) holding
    /// 999 gives 001; with ON SIZE ERROR it stays 999).
    pub fn store(&self, mem: &mut [u8], v: &Dec, round: Round, on_size_error: bool) -> bool {
        match self.usage {
            Usage::Float | Usage::Double => {
                if v.is_nan() {
                    return true;
                }
                let f = v.to_f64();
                self.put_float(mem, f);
                return false;
            }
            _ => {}
        }
        let s = match v.scaled(self.scale, round, self.keep_digits()) {
            None => return true,
            Some(s) => s,
        };
        let mut overflow = s.overflow;
        let low = s.low;
        if self.usage == Usage::NativeBinary {
            // COMP-5 keeps the binary value modulo 2^bits (cobc: MOVE 147.9434 TO
            // PIC SV9 COMP-5 stores 1479 mod 256 = 199 = -57); size error only when the
            // value does not fit the binary type.
            let bits = 8 * self.size() as u32;
            let full = if s.overflow { None } else { Some(low) };
            let (fits, wrapped) = match full {
                // beyond 38 digits: reduce the exact value modulo 2^bits
                None => (
                    false,
                    v.scaled_mod_pow2(self.scale, round, bits).unwrap_or(0),
                ),
                Some(v) => {
                    let max_pos: u128 = if self.signed {
                        (1u128 << (bits - 1)) - 1
                    } else {
                        u128::MAX >> (128 - bits)
                    };
                    let max_neg: u128 = if self.signed { 1u128 << (bits - 1) } else { 0 };
                    let fits = if s.neg && self.signed {
                        v <= max_neg
                    } else {
                        v <= max_pos
                    };
                    (fits, v)
                }
            };
            overflow = !fits;
            if overflow && on_size_error {
                return true;
            }
            let mask = if bits >= 128 {
                u128::MAX
            } else {
                (1u128 << bits) - 1
            };
            // unsigned items take the absolute value, like every unsigned numeric
            let raw = if s.neg && self.signed {
                (wrapped as i128).wrapping_neg() as u128
            } else {
                wrapped
            } & mask;
            self.put_raw_binary(mem, raw);
            return overflow;
        }
        if overflow && on_size_error {
            return true;
        }
        self.put_int(mem, s.neg && self.signed, low);
        overflow
    }

    /// Whether storing `v` would be a size error (without storing).
    pub fn would_overflow(&self, v: &Dec, round: Round) -> bool {
        let f = NumField { offset: 0, ..*self };
        let mut tmp = [0u8; 64];
        f.store(&mut tmp, v, round, true)
    }

    /// MOVE semantics: truncate, never report (MOVE has no SIZE ERROR).
    pub fn set(&self, mem: &mut [u8], v: &Dec) {
        self.store(mem, v, Round::Truncate, false);
    }

    pub fn set_i64(&self, mem: &mut [u8], v: i64) {
        self.set(mem, &Dec::int(v));
    }

    /// INITIALIZE / MOVE ZERO.
    pub fn set_zero(&self, mem: &mut [u8]) {
        match self.usage {
            Usage::Float | Usage::Double => self.put_float(mem, 0.0),
            _ => self.put_int(mem, false, 0),
        }
    }

    pub fn get_i64(&self, mem: &[u8]) -> i64 {
        self.get(mem).trunc_i128().unwrap_or(0) as i64
    }

    fn put_float(&self, mem: &mut [u8], f: f64) {
        match self.usage {
            Usage::Float => self
                .bytes_mut(mem)
                .copy_from_slice(&(f as f32).to_ne_bytes()),
            _ => self.bytes_mut(mem).copy_from_slice(&f.to_ne_bytes()),
        }
    }

    /// Write raw two's-complement bits into a binary item.
    fn put_raw_binary(&self, mem: &mut [u8], raw: u128) {
        let usage = self.usage;
        let b = self.bytes_mut(mem);
        let n = b.len();
        for i in 0..n {
            let byte = (raw >> (8 * i)) as u8;
            if usage == Usage::Binary {
                b[n - 1 - i] = byte;
            } else {
                b[i] = byte;
            }
        }
    }

    /// Write an integer magnitude (already reduced to the item's capacity).
    pub(crate) fn put_int(&self, mem: &mut [u8], neg: bool, mag: u128) {
        let neg = neg && self.signed && mag != 0;
        let digits = self.digits as usize;
        let sign = self.sign;
        let signed = self.signed;
        let usage = self.usage;
        let b = self.bytes_mut(mem);
        match usage {
            Usage::Display => {
                let (start, end) = match (signed, sign) {
                    (true, SignMode::LeadingSeparate) => (1, b.len()),
                    (true, SignMode::TrailingSeparate) => (0, b.len() - 1),
                    _ => (0, b.len()),
                };
                // u128 division is a library call per digit: use u64 whenever the value fits.
                if let Ok(mut m) = u64::try_from(mag) {
                    for i in (start..end).rev() {
                        b[i] = b'0' + (m % 10) as u8;
                        m /= 10;
                    }
                } else {
                    let mut m = mag;
                    for i in (start..end).rev() {
                        b[i] = b'0' + (m % 10) as u8;
                        m /= 10;
                    }
                }
                if signed {
                    match sign {
                        SignMode::LeadingSeparate => b[0] = if neg { b'-' } else { b'+' },
                        SignMode::TrailingSeparate => b[end] = if neg { b'-' } else { b'+' },
                        SignMode::TrailingOverpunch => {
                            if neg {
                                b[end - 1] += 0x40
                            }
                        }
                        SignMode::LeadingOverpunch => {
                            if neg {
                                b[0] += 0x40
                            }
                        }
                    }
                }
            }
            Usage::Packed => {
                let n = b.len();
                let mut m = mag;
                let sign_nib = if !signed {
                    0x0F
                } else if neg {
                    0x0D
                } else {
                    0x0C
                };
                b[n - 1] = (((m % 10) as u8) << 4) | sign_nib;
                m /= 10;
                if let Ok(mut m) = u64::try_from(m) {
                    for i in (0..n - 1).rev() {
                        let lo = (m % 10) as u8;
                        m /= 10;
                        let hi = (m % 10) as u8;
                        m /= 10;
                        b[i] = (hi << 4) | lo;
                    }
                } else {
                    for i in (0..n - 1).rev() {
                        let lo = (m % 10) as u8;
                        m /= 10;
                        let hi = (m % 10) as u8;
                        m /= 10;
                        b[i] = (hi << 4) | lo;
                    }
                }
                if digits & 1 == 0 {
                    b[0] &= 0x0F; // pad nibble
                }
            }
            Usage::Binary | Usage::NativeBinary => {
                let n = b.len();
                let raw: u128 = if neg {
                    (mag as i128).wrapping_neg() as u128
                } else {
                    mag
                };
                for i in 0..n {
                    let byte = (raw >> (8 * i)) as u8;
                    if usage == Usage::Binary {
                        b[n - 1 - i] = byte;
                    } else {
                        b[i] = byte;
                    }
                }
            }
            Usage::Float | Usage::Double => unreachable!(),
        }
    }
}

impl Dec {
    /// Integer × 10^k (used for P-scaled items).
    pub(crate) fn upscale_int(&self, k: u32) -> Dec {
        self.mul(&Dec::new(10i128.pow(k.min(38)), 0))
    }
}

/// Digit value of an overpunched byte ('p'..'y', '}', 'J'..'R', '{', 'A'..'I', digits).
pub(crate) fn overpunch_digit(c: u8) -> u8 {
    match c {
        b'p'..=b'y' => c - b'p',
        b'{' | b'}' => 0,
        b'A'..=b'I' => c - b'A' + 1,
        b'J'..=b'R' => c - b'J' + 1,
        _ => c & 0x0F,
    }
}

pub(crate) fn overpunch_negative(c: u8) -> bool {
    matches!(c, b'p'..=b'y' | b'}' | b'J'..=b'R')
}

#[cfg(test)]
#[path = "num_tests.rs"]
mod tests;
