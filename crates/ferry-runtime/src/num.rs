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
    /// COMP / COMP-4 / BINARY under `-std=ibm` (binary-size 2-4-8, binary-truncate no):
    /// big-endian, 2 bytes up to 4 digits, not truncated to the PICTURE but limited only by its
    /// size, as COMP-5 is (cobc 3.1.2: MOVE 12345 TO 9(4) COMP keeps 12345, MOVE 70000 gives
    /// 4464, ADD 1 to 65535 is a size error).
    BinaryIbm,
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
#[inline]
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

/// Bytes of a binary item with `digits` digits under binary-size 2-4-8 (`-std=ibm`).
#[inline]
pub const fn binary_size_ibm(digits: u32) -> usize {
    if digits <= 4 {
        2
    } else {
        binary_size(digits)
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
    /// COMP / COMP-4 / BINARY under `-std=ibm`.
    pub const fn binary_ibm(offset: usize, digits: u32, scale: i32, signed: bool) -> NumField {
        NumField::base(offset, digits, scale, signed, Usage::BinaryIbm)
    }
    /// Binary items stored big-endian (COMP, and COMP under `-std=ibm`).
    #[inline(always)]
    pub const fn big_endian(&self) -> bool {
        matches!(self.usage, Usage::Binary | Usage::BinaryIbm)
    }
    /// Binary items limited only by their size (COMP-5, and COMP under `-std=ibm`).
    #[inline(always)]
    pub const fn untruncated_binary(&self) -> bool {
        matches!(self.usage, Usage::NativeBinary | Usage::BinaryIbm)
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
    #[inline]
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
            Usage::BinaryIbm => binary_size_ibm(self.digits),
            Usage::Float => 4,
            Usage::Double => 8,
        }
    }
    #[inline]
    pub fn bytes<'a>(&self, mem: &'a [u8]) -> &'a [u8] {
        &mem[self.offset..self.offset + self.size()]
    }
    #[inline]
    fn bytes_mut<'a>(&self, mem: &'a mut [u8]) -> &'a mut [u8] {
        let n = self.size();
        &mut mem[self.offset..self.offset + n]
    }
    #[inline]
    pub(crate) fn sep_sign(&self) -> bool {
        self.signed
            && matches!(
                self.sign,
                SignMode::LeadingSeparate | SignMode::TrailingSeparate
            )
    }

    /// Stored integer (units of 10^-scale) as (negative, magnitude).
    #[inline(always)]
    pub(crate) fn raw_int(&self, mem: &[u8]) -> (bool, u128) {
        match self.usage {
            Usage::Display => self.raw_display(mem),
            Usage::Packed => self.raw_packed(mem),
            Usage::Binary | Usage::NativeBinary | Usage::BinaryIbm => self.raw_binary(mem),
            Usage::Float | Usage::Double => (false, 0),
        }
    }

    #[inline]
    fn raw_display(&self, mem: &[u8]) -> (bool, u128) {
        let (digits, neg) = self.display_digits(self.bytes(mem));
        (neg, self.digits_value(digits))
    }

    #[inline]
    fn raw_packed(&self, mem: &[u8]) -> (bool, u128) {
        let b = &mem[self.offset..self.offset + self.digits as usize / 2 + 1];
        let n = b.len();
        let (body, last) = (&b[..n - 1], b[n - 1]);
        let v = if n <= 9 {
            // Up to 17 digits: a u64 accumulator (u128 arithmetic is much slower).
            let mut v: u64 = 0;
            for &byte in body {
                v = v * 100 + PACKED_PAIR[byte as usize] as u64;
            }
            (v * 10 + ((last >> 4) as u64).min(9)) as u128
        } else {
            let mut v: u128 = 0;
            for &byte in body {
                let (hi, lo) = (((byte >> 4) as u128).min(9), ((byte & 0x0F) as u128).min(9));
                v = v * 100 + hi * 10 + lo;
            }
            v * 10 + ((last >> 4) as u128).min(9)
        };
        let sign = last & 0x0F;
        (sign == 0x0D || sign == 0x0B, v)
    }

    #[inline(always)]
    fn raw_binary(&self, mem: &[u8]) -> (bool, u128) {
        let b = &mem[self.offset..self.offset + self.size()];
        let bits = 8 * b.len() as u32;
        if b.len() <= 8 {
            let be = self.big_endian();
            let raw: u64 = match b.len() {
                1 => b[0] as u64,
                2 => {
                    let a = [b[0], b[1]];
                    (if be {
                        u16::from_be_bytes(a)
                    } else {
                        u16::from_le_bytes(a)
                    }) as u64
                }
                4 => {
                    let a = [b[0], b[1], b[2], b[3]];
                    (if be {
                        u32::from_be_bytes(a)
                    } else {
                        u32::from_le_bytes(a)
                    }) as u64
                }
                _ => {
                    let mut a = [0u8; 8];
                    a.copy_from_slice(b);
                    if be {
                        u64::from_be_bytes(a)
                    } else {
                        u64::from_le_bytes(a)
                    }
                }
            };
            return if self.signed && raw >> (bits - 1) & 1 == 1 {
                (true, (1u128 << bits) - raw as u128)
            } else {
                (false, raw as u128)
            };
        }
        let mut raw: u128 = 0;
        if self.big_endian() {
            for &x in b {
                raw = (raw << 8) | x as u128;
            }
        } else {
            for &x in b.iter().rev() {
                raw = (raw << 8) | x as u128;
            }
        }
        if self.signed && bits < 128 && raw >> (bits - 1) & 1 == 1 {
            let v = (1u128 << bits) - raw;
            (true, v)
        } else if self.signed && bits == 128 && (raw as i128) < 0 {
            (true, (raw as i128).unsigned_abs())
        } else {
            (false, raw)
        }
    }

    /// The digit bytes of a DISPLAY item (with any overpunch still applied) and its sign.
    #[inline]
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

    /// True when `get` decodes the item inline (COMP-3 up to 17 digits, binary up to 18, no
    /// P scaling); other items are decoded by a call.
    #[inline(always)]
    pub(crate) fn inline_get(&self) -> bool {
        self.scale >= 0
            && match self.usage {
                Usage::Packed => self.digits <= 17,
                Usage::Binary | Usage::NativeBinary | Usage::BinaryIbm => self.digits <= 18,
                _ => false,
            }
    }

    /// Current value.
    #[inline(always)]
    pub fn get(&self, mem: &[u8]) -> Dec {
        match self.usage {
            _ if self.inline_get() => Dec::new(self.get_small(mem), self.scale as u32),
            Usage::Display => self.get_display(mem),
            Usage::Packed => self.get_packed(mem),
            Usage::Binary | Usage::NativeBinary | Usage::BinaryIbm => self.get_binary(mem),
            Usage::Float | Usage::Double => self.get_float(mem),
        }
    }

    /// The stored integer with its sign (the mantissa `get` gives, of `scale` decimals),
    /// decoded inline: a constant descriptor unrolls it into a few instructions. Only for
    /// `inline_get()` items; the same digits and sign as `raw_packed` / `raw_binary`.
    #[inline(always)]
    pub(crate) fn get_small(&self, mem: &[u8]) -> i128 {
        if self.usage == Usage::Packed {
            let n = self.digits as usize / 2 + 1;
            let b = &mem[self.offset..self.offset + n];
            let mut v: u64 = 0;
            for &byte in &b[..n - 1] {
                v = v * 100 + PACKED_PAIR[byte as usize] as u64;
            }
            let last = b[n - 1];
            v = v * 10 + ((last >> 4) as u64).min(9);
            let sign = last & 0x0F;
            if sign == 0x0D || sign == 0x0B {
                -(v as i128)
            } else {
                v as i128
            }
        } else {
            let (neg, v) = self.raw_binary(mem);
            if neg {
                -(v as i128)
            } else {
                v as i128
            }
        }
    }

    // One function per usage, so that a call with a constant descriptor is one call.
    fn get_display(&self, mem: &[u8]) -> Dec {
        let (neg, v) = self.raw_display(mem);
        self.dec_of(neg, v)
    }

    fn get_packed(&self, mem: &[u8]) -> Dec {
        let (neg, v) = self.raw_packed(mem);
        self.dec_of(neg, v)
    }

    fn get_binary(&self, mem: &[u8]) -> Dec {
        let (neg, v) = self.raw_binary(mem);
        self.dec_of(neg, v)
    }

    /// The value of a stored integer (units of 10^-scale).
    #[inline(always)]
    fn dec_of(&self, neg: bool, v: u128) -> Dec {
        let neg = neg && v != 0;
        if self.scale >= 0 {
            Dec::from_u128(neg, v, self.scale as u32)
        } else {
            Dec::from_mag(neg, Mag::Small(v), 0).upscale_int((-self.scale) as u32)
        }
    }

    fn get_float(&self, mem: &[u8]) -> Dec {
        match self.usage {
            Usage::Float => {
                let b = self.bytes(mem);
                Dec::from_f64(f32::from_ne_bytes([b[0], b[1], b[2], b[3]]) as f64)
            }
            _ => {
                let mut a = [0u8; 8];
                a.copy_from_slice(self.bytes(mem));
                Dec::from_f64(f64::from_ne_bytes(a))
            }
        }
    }

    /// The value as (mantissa, scale) when it is what `get` returns as a small `Dec`: a
    /// fixed-point item with a non-negative scale whose stored integer fits an `i128`.
    #[inline]
    pub(crate) fn small_value(&self, mem: &[u8]) -> Option<(i128, u32)> {
        if matches!(self.usage, Usage::Float | Usage::Double) || self.scale < 0 {
            return None;
        }
        let (neg, mag) = self.raw_int(mem);
        let a = i128::try_from(mag).ok()?;
        Some((if neg { -a } else { a }, self.scale as u32))
    }

    /// The value compared with zero (a condition against ZERO), without building a `Dec`.
    pub(crate) fn cmp_zero(&self, mem: &[u8]) -> std::cmp::Ordering {
        use std::cmp::Ordering;
        match self.usage {
            Usage::Float | Usage::Double => self.get_float(mem).cmp_value(&Dec::ZERO),
            _ => {
                let (neg, v) = self.raw_int(mem);
                if v == 0 {
                    Ordering::Equal
                } else if neg {
                    Ordering::Less
                } else {
                    Ordering::Greater
                }
            }
        }
    }

    /// Digit bytes of a DISPLAY item with any overpunch removed.
    /// `display_digit_bytes` into a buffer on the stack: the digits are `buf[..n]`.
    pub(crate) fn display_digit_array(&self, mem: &[u8]) -> DigitBuf {
        let mut d = DigitBuf {
            buf: [0; 64],
            vec: Vec::new(),
            n: 0,
        };
        let (digits, _) = self.display_digits(self.bytes(mem));
        if digits.len() > d.buf.len() {
            self.display_digit_bytes(mem, &mut d.vec);
            return d;
        }
        let n = digits.len();
        d.buf[..n].copy_from_slice(digits);
        if self.signed && n > 0 {
            let i = match self.sign {
                SignMode::TrailingOverpunch => Some(n - 1),
                SignMode::LeadingOverpunch => Some(0),
                _ => None,
            };
            if let Some(i) = i {
                d.buf[i] = match d.buf[i] {
                    c @ b'p'..=b'y' => c - 0x40,
                    b'{' | b'}' => b'0',
                    c => c,
                };
            }
        }
        d.n = n;
        d
    }

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
    fn digits_value(&self, digits: &[u8]) -> u128 {
        // Same digits as `display_digit_bytes`, read without a buffer (this runs for every read
        // of a DISPLAY numeric item).
        let n = digits.len();
        // Fast path: clean digits (the sign, if any, overpunched on the last byte only).
        if n <= 18 {
            let last_punched = self.signed && self.sign == SignMode::TrailingOverpunch;
            let body = if last_punched && n > 0 {
                &digits[..n - 1]
            } else {
                digits
            };
            // one pass: accumulate, and note any byte that is not a digit
            let mut v: u64 = 0;
            let mut bad = false;
            let mut body = body;
            while body.len() >= 8 && !bad {
                let mut a = [0u8; 8];
                a.copy_from_slice(&body[..8]);
                let chunk = u64::from_le_bytes(a);
                bad = !all_digits8(chunk);
                v = v
                    .wrapping_mul(100_000_000)
                    .wrapping_add(eight_digits(chunk));
                body = &body[8..];
            }
            for &c in body {
                let d = c.wrapping_sub(b'0');
                bad |= d > 9;
                v = v.wrapping_mul(10).wrapping_add(d as u64);
            }
            let leading_punch = self.signed && self.sign == SignMode::LeadingOverpunch;
            if !bad && !leading_punch {
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
            Usage::NativeBinary | Usage::BinaryIbm => 38,
            _ => self.digits,
        }
    }

    /// Store `v`, rounding with `round` (use `Round::Truncate` without ROUNDED).
    ///
    /// Returns true on a size error. NaN (division by zero, bad exponent) never changes
    /// the target. Otherwise with `on_size_error` the target is left unchanged; without it
    /// the value is stored high-order truncated, as cobc does (ADD 2 TO a PIC 9(3) holding
    /// 999 gives 001; with ON SIZE ERROR it stays 999).
    #[inline(always)]
    pub fn store(&self, mem: &mut [u8], v: &Dec, round: Round, on_size_error: bool) -> bool {
        match self.usage {
            Usage::Display => self.store_display(mem, v, round, on_size_error),
            Usage::Packed if self.inline_get() => {
                // inline fast path when no rounding is involved (store_packed's otherwise)
                if let Some((neg, low, overflow)) = v.same_scale_u64(self.scale, self.digits) {
                    if overflow && on_size_error {
                        return true;
                    }
                    self.put_packed_u64(mem, neg && self.signed && low != 0, low);
                    return overflow;
                }
                self.store_packed(mem, v, round, on_size_error)
            }
            Usage::Packed => self.store_packed(mem, v, round, on_size_error),
            // one routine per size: straight-line code, a single call per statement
            Usage::Binary if self.inline_get() => match binary_size(self.digits) {
                1 => self.store_binary_n::<1>(mem, v, round, on_size_error),
                2 => self.store_binary_n::<2>(mem, v, round, on_size_error),
                4 => self.store_binary_n::<4>(mem, v, round, on_size_error),
                _ => self.store_binary_n::<8>(mem, v, round, on_size_error),
            },
            Usage::Binary => self.store_binary(mem, v, round, on_size_error),
            Usage::Float | Usage::Double => self.store_float(mem, v),
            Usage::NativeBinary | Usage::BinaryIbm => {
                self.store_native(mem, v, round, on_size_error)
            }
        }
    }

    /// `store_binary` for an item of `N` bytes (N <= 8).
    #[inline(never)]
    fn store_binary_n<const N: usize>(
        &self,
        mem: &mut [u8],
        v: &Dec,
        round: Round,
        ose: bool,
    ) -> bool {
        let fast = v.same_scale_u64(self.scale, self.digits);
        if let Some((neg, low, overflow)) =
            fast.or_else(|| v.scaled_u64(self.scale, round, self.digits))
        {
            if overflow && ose {
                return true;
            }
            let neg = neg && self.signed && low != 0;
            let raw = if neg { low.wrapping_neg() } else { low };
            let b: &mut [u8; N] = (&mut mem[self.offset..self.offset + N]).try_into().unwrap();
            if self.usage == Usage::Binary {
                b.copy_from_slice(&raw.to_be_bytes()[8 - N..]);
            } else {
                b.copy_from_slice(&raw.to_le_bytes()[..N]);
            }
            return overflow;
        }
        self.store_fixed(mem, v, round, ose, NumField::put_binary)
    }

    fn store_display(&self, mem: &mut [u8], v: &Dec, round: Round, ose: bool) -> bool {
        if let Some((neg, low, overflow)) = v.scaled_u64(self.scale, round, self.digits) {
            if overflow && ose {
                return true;
            }
            self.put_display_u64(mem, neg && self.signed && low != 0, low);
            return overflow;
        }
        self.store_fixed(mem, v, round, ose, NumField::put_display)
    }

    fn store_packed(&self, mem: &mut [u8], v: &Dec, round: Round, ose: bool) -> bool {
        if let Some((neg, low, overflow)) = v.scaled_u64(self.scale, round, self.digits) {
            if overflow && ose {
                return true;
            }
            self.put_packed_u64(mem, neg && self.signed && low != 0, low);
            return overflow;
        }
        self.store_fixed(mem, v, round, ose, NumField::put_packed)
    }

    fn store_binary(&self, mem: &mut [u8], v: &Dec, round: Round, ose: bool) -> bool {
        if self.digits <= 18 {
            if let Some((neg, low, overflow)) = v.scaled_u64(self.scale, round, self.digits) {
                if overflow && ose {
                    return true;
                }
                self.put_binary_u64(mem, neg && self.signed && low != 0, low);
                return overflow;
            }
        }
        self.store_fixed(mem, v, round, ose, NumField::put_binary)
    }

    /// DISPLAY, COMP-3 and COMP: high-order truncation to the PICTURE digits; `put` is the
    /// usage's `put_int`.
    #[inline(always)]
    fn store_fixed(
        &self,
        mem: &mut [u8],
        v: &Dec,
        round: Round,
        on_size_error: bool,
        put: fn(&NumField, &mut [u8], bool, u128),
    ) -> bool {
        let s = match v.scaled(self.scale, round, self.digits) {
            None => return true,
            Some(s) => s,
        };
        if s.overflow && on_size_error {
            return true;
        }
        // as `put_int`: only a signed item holding a non-zero value is negative
        put(self, mem, s.neg && self.signed && s.low != 0, s.low);
        s.overflow
    }

    fn store_float(&self, mem: &mut [u8], v: &Dec) -> bool {
        if v.is_nan() {
            return true;
        }
        let f = v.to_f64();
        self.put_float(mem, f);
        false
    }

    fn store_native(&self, mem: &mut [u8], v: &Dec, round: Round, on_size_error: bool) -> bool {
        let s = match v.scaled(self.scale, round, self.keep_digits()) {
            None => return true,
            Some(s) => s,
        };
        let low = s.low;
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
        let overflow = !fits;
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
        overflow
    }

    /// Whether storing `v` would be a size error (without storing).
    pub fn would_overflow(&self, v: &Dec, round: Round) -> bool {
        let f = NumField { offset: 0, ..*self };
        let mut tmp = [0u8; 64];
        f.store(&mut tmp, v, round, true)
    }

    /// MOVE semantics: truncate, never report (MOVE has no SIZE ERROR).
    #[inline(always)]
    pub fn set(&self, mem: &mut [u8], v: &Dec) {
        self.store(mem, v, Round::Truncate, false);
    }

    pub fn set_i64(&self, mem: &mut [u8], v: i64) {
        self.set(mem, &Dec::int(v));
    }

    /// INITIALIZE / MOVE ZERO.
    #[inline(always)]
    pub fn set_zero(&self, mem: &mut [u8]) {
        match self.usage {
            // inline for the items `get` decodes inline: a few stores (what `put_zero` writes)
            Usage::Packed if self.inline_get() => {
                let n = self.digits as usize / 2 + 1;
                let b = &mut mem[self.offset..self.offset + n];
                b.fill(0);
                b[n - 1] = if self.signed { 0x0C } else { 0x0F };
            }
            Usage::Binary | Usage::NativeBinary | Usage::BinaryIbm if self.inline_get() => {
                mem[self.offset..self.offset + self.size()].fill(0)
            }
            Usage::Float | Usage::Double => self.put_float(mem, 0.0),
            _ => self.put_zero(mem),
        }
    }

    /// `put_int(mem, false, 0)`, without the digit loop.
    fn put_zero(&self, mem: &mut [u8]) {
        let (usage, signed, sign) = (self.usage, self.signed, self.sign);
        let b = self.bytes_mut(mem);
        let n = b.len();
        match usage {
            Usage::Display => {
                b.fill(b'0');
                if signed {
                    match sign {
                        SignMode::LeadingSeparate => b[0] = b'+',
                        SignMode::TrailingSeparate => b[n - 1] = b'+',
                        SignMode::TrailingOverpunch | SignMode::LeadingOverpunch => {}
                    }
                }
            }
            Usage::Packed => {
                b.fill(0);
                b[n - 1] = if signed { 0x0C } else { 0x0F };
            }
            _ => b.fill(0),
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
        let be = self.big_endian();
        let b = self.bytes_mut(mem);
        let n = b.len();
        for i in 0..n {
            let byte = (raw >> (8 * i)) as u8;
            if be {
                b[n - 1 - i] = byte;
            } else {
                b[i] = byte;
            }
        }
    }

    /// Write an integer magnitude (already reduced to the item's capacity).
    #[inline(always)]
    pub(crate) fn put_int(&self, mem: &mut [u8], neg: bool, mag: u128) {
        let neg = neg && self.signed && mag != 0;
        match self.usage {
            Usage::Display => self.put_display(mem, neg, mag),
            Usage::Packed => self.put_packed(mem, neg, mag),
            Usage::Binary | Usage::NativeBinary | Usage::BinaryIbm => {
                self.put_binary(mem, neg, mag)
            }
            Usage::Float | Usage::Double => unreachable!(),
        }
    }

    /// `put_display` for a magnitude that fits a `u64`.
    #[inline]
    fn put_display_u64(&self, mem: &mut [u8], neg: bool, mut m: u64) {
        let (sign, signed) = (self.sign, self.signed);
        let sep = signed && matches!(sign, SignMode::LeadingSeparate | SignMode::TrailingSeparate);
        let size = self.digits as usize + sep as usize;
        let b = &mut mem[self.offset..self.offset + size];
        let (start, end) = match (signed, sign) {
            (true, SignMode::LeadingSeparate) => (1, size),
            (true, SignMode::TrailingSeparate) => (0, size - 1),
            _ => (0, size),
        };
        let mut i = end;
        // two digits per division
        while i >= start + 2 {
            let r = (m % 100) as usize;
            m /= 100;
            b[i - 2] = DIGIT_PAIRS[2 * r];
            b[i - 1] = DIGIT_PAIRS[2 * r + 1];
            i -= 2;
        }
        if i > start {
            b[start] = b'0' + (m % 10) as u8;
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

    /// `put_packed` for a magnitude that fits a `u64`.
    #[inline(always)]
    fn put_packed_u64(&self, mem: &mut [u8], neg: bool, m: u64) {
        let digits = self.digits as usize;
        let n = digits / 2 + 1;
        let b = &mut mem[self.offset..self.offset + n];
        let sign_nib = if !self.signed {
            0x0F
        } else if neg {
            0x0D
        } else {
            0x0C
        };
        b[n - 1] = (((m % 10) as u8) << 4) | sign_nib;
        let mut m = m / 10;
        for byte in b[..n - 1].iter_mut().rev() {
            *byte = PACKED_ENC[(m % 100) as usize];
            m /= 100;
        }
        if digits & 1 == 0 {
            b[0] &= 0x0F; // pad nibble
        }
    }

    /// `put_binary` for a magnitude that fits a `u64`, into at most 8 bytes.
    #[inline(always)]
    fn put_binary_u64(&self, mem: &mut [u8], neg: bool, m: u64) {
        let n = self.size();
        let b = &mut mem[self.offset..self.offset + n];
        let raw = if neg { m.wrapping_neg() } else { m };
        if self.big_endian() {
            b.copy_from_slice(&raw.to_be_bytes()[8 - n..]);
        } else {
            b.copy_from_slice(&raw.to_le_bytes()[..n]);
        }
    }

    #[inline]
    fn put_display(&self, mem: &mut [u8], neg: bool, mag: u128) {
        let sign = self.sign;
        let signed = self.signed;
        let b = self.bytes_mut(mem);
        let (start, end) = match (signed, sign) {
            (true, SignMode::LeadingSeparate) => (1, b.len()),
            (true, SignMode::TrailingSeparate) => (0, b.len() - 1),
            _ => (0, b.len()),
        };
        // u128 division is a library call per digit: use u64 whenever the value fits.
        if let Ok(mut m) = u64::try_from(mag) {
            let mut i = end;
            // two digits per division
            while i >= start + 2 {
                let r = (m % 100) as usize;
                m /= 100;
                b[i - 2] = DIGIT_PAIRS[2 * r];
                b[i - 1] = DIGIT_PAIRS[2 * r + 1];
                i -= 2;
            }
            if i > start {
                b[start] = b'0' + (m % 10) as u8;
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

    #[inline]
    fn put_packed(&self, mem: &mut [u8], neg: bool, mag: u128) {
        let digits = self.digits as usize;
        let signed = self.signed;
        let b = self.bytes_mut(mem);
        let n = b.len();
        let sign_nib = if !signed {
            0x0F
        } else if neg {
            0x0D
        } else {
            0x0C
        };
        if let Ok(mut m) = u64::try_from(mag) {
            b[n - 1] = (((m % 10) as u8) << 4) | sign_nib;
            m /= 10;
            for i in (0..n - 1).rev() {
                b[i] = PACKED_ENC[(m % 100) as usize];
                m /= 100;
            }
        } else {
            let mut m = mag;
            b[n - 1] = (((m % 10) as u8) << 4) | sign_nib;
            m /= 10;
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

    #[inline]
    fn put_binary(&self, mem: &mut [u8], neg: bool, mag: u128) {
        let be = self.big_endian();
        let b = self.bytes_mut(mem);
        let n = b.len();
        let raw: u128 = if neg {
            (mag as i128).wrapping_neg() as u128
        } else {
            mag
        };
        if n <= 8 {
            let raw = raw as u64;
            if be {
                b.copy_from_slice(&raw.to_be_bytes()[8 - n..]);
            } else {
                b.copy_from_slice(&raw.to_le_bytes()[..n]);
            }
            return;
        }
        for i in 0..n {
            let byte = (raw >> (8 * i)) as u8;
            if be {
                b[n - 1 - i] = byte;
            } else {
                b[i] = byte;
            }
        }
    }
}

/// Value of a packed byte holding two digits (each nibble above 9 counts as 9).
const PACKED_PAIR: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let (hi, lo) = (i >> 4, i & 0x0F);
        let hi = if hi > 9 { 9 } else { hi };
        let lo = if lo > 9 { 9 } else { lo };
        t[i] = (hi * 10 + lo) as u8;
        i += 1;
    }
    t
};

/// The digit characters of a DISPLAY item (see `NumField::display_digit_array`): on the stack,
/// or in `vec` for an item longer than the buffer.
pub(crate) struct DigitBuf {
    buf: [u8; 64],
    vec: Vec<u8>,
    n: usize,
}

impl DigitBuf {
    pub(crate) fn digits(&self) -> &[u8] {
        if self.n > 0 || self.vec.is_empty() {
            &self.buf[..self.n]
        } else {
            &self.vec
        }
    }
}

/// True when the 8 bytes (little-endian in `chunk`) are all '0'..='9'.
#[inline]
fn all_digits8(chunk: u64) -> bool {
    const HI: u64 = 0xF0F0_F0F0_F0F0_F0F0;
    const ZEROS: u64 = 0x3030_3030_3030_3030;
    // every high nibble 3, and still 3 after adding 6 (no carry: bytes are 0x30..=0x3F)
    chunk & HI == ZEROS && chunk.wrapping_add(0x0606_0606_0606_0606) & HI == ZEROS
}

/// The value of 8 digit characters (the first in the low byte of `chunk`), without a loop.
#[inline]
fn eight_digits(chunk: u64) -> u64 {
    let v = chunk.wrapping_sub(0x3030_3030_3030_3030);
    let v = (v & 0x0F0F_0F0F_0F0F_0F0F).wrapping_mul(2561) >> 8;
    let v = (v & 0x00FF_00FF_00FF_00FF).wrapping_mul(6_553_601) >> 16;
    (v & 0x0000_FFFF_0000_FFFF).wrapping_mul(42_949_672_960_001) >> 32
}

/// The packed byte of 0..=99 (tens in the high nibble).
const PACKED_ENC: [u8; 100] = {
    let mut t = [0u8; 100];
    let mut i = 0;
    while i < 100 {
        t[i] = (((i / 10) << 4) | (i % 10)) as u8;
        i += 1;
    }
    t
};

/// "00" "01" .. "99": two digit characters per lookup.
pub(crate) const DIGIT_PAIRS: [u8; 200] = {
    let mut t = [0u8; 200];
    let mut i = 0;
    while i < 100 {
        t[2 * i] = b'0' + (i / 10) as u8;
        t[2 * i + 1] = b'0' + (i % 10) as u8;
        i += 1;
    }
    t
};

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
