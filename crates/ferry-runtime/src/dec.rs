//! `Dec`: the decimal intermediate of COBOL arithmetic, with GnuCOBOL's semantics.
//!
//! A value is `mantissa / 10^scale`. The mantissa is an `i128` on the fast path and a
//! base-10^9 big integer when an intermediate outgrows it (GnuCOBOL uses GMP, so its
//! intermediates are unbounded; ours are too). A third state, NaN, is produced by division
//! by zero and invalid exponentiation; storing a NaN is a size error that leaves the target
//! unchanged (GnuCOBOL does this whether or not ON SIZE ERROR is coded).
//!
//! Division follows GnuCOBOL: the quotient is computed by truncating integer division after
//! shifting the dividend so that the quotient keeps 38 extra decimal places
//! (scale = max(s1 - s2, 0) + 38). `COMPUTE X = 1 / 3 * 3` with X PIC 9V9(10) gives
//! 0.9999999999 under cobc 3.1.2, and so does ours.

use crate::big::BigUint;
use std::cmp::Ordering;

/// Extra decimal places kept by division (GnuCOBOL's COB_MAX_DIGITS).
pub const DIV_EXTRA_SCALE: u32 = 38;

#[derive(Clone, Debug)]
enum Repr {
    Small(i128),
    Big { neg: bool, mag: BigUint },
    Nan,
}

/// Decimal number `mantissa × 10^-scale`, or NaN (result of a failed operation).
#[derive(Clone, Debug)]
pub struct Dec {
    repr: Repr,
    scale: u32,
}

/// Rounding applied when a value is stored into a field with fewer decimal places.
/// `Truncate` is what a statement without ROUNDED does; `ROUNDED` alone is
/// `NearestAwayFromZero`; the rest are COBOL-2014 `ROUNDED MODE` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Round {
    Truncate,
    NearestAwayFromZero,
    AwayFromZero,
    NearestEven,
    NearestTowardZero,
    TowardGreater,
    TowardLesser,
    /// ROUNDED MODE PROHIBITED: cobc 3.1.2 stores truncated (checked: -2.5 -> -2).
    Prohibited,
}

impl Round {
    /// `ROUNDED` without MODE.
    pub const ROUNDED: Round = Round::NearestAwayFromZero;
}

/// 10^0 ..= 10^38 (every power of ten that fits a `u128`).
pub(crate) const POW10: [u128; 39] = {
    let mut t = [1u128; 39];
    let mut i = 1;
    while i < 39 {
        t[i] = t[i - 1] * 10;
        i += 1;
    }
    t
};

/// 10^0 ..= 10^19 (every power of ten that fits a `u64`).
pub(crate) const POW10_U64: [u64; 20] = {
    let mut t = [1u64; 20];
    let mut i = 1;
    while i < 20 {
        t[i] = t[i - 1] * 10;
        i += 1;
    }
    t
};

/// `(x / 10^k, x % 10^k)` for k <= 19: one arm per power, so each division is by a constant
/// (a multiplication) instead of a hardware division.
#[inline]
pub(crate) fn divrem_pow10(x: u64, k: u32) -> (u64, u64) {
    macro_rules! by {
        ($p:expr) => {
            (x / $p, x % $p)
        };
    }
    match k {
        0 => (x, 0),
        1 => by!(10),
        2 => by!(100),
        3 => by!(1_000),
        4 => by!(10_000),
        5 => by!(100_000),
        6 => by!(1_000_000),
        7 => by!(10_000_000),
        8 => by!(100_000_000),
        9 => by!(1_000_000_000),
        10 => by!(10_000_000_000),
        11 => by!(100_000_000_000),
        12 => by!(1_000_000_000_000),
        13 => by!(10_000_000_000_000),
        14 => by!(100_000_000_000_000),
        15 => by!(1_000_000_000_000_000),
        16 => by!(10_000_000_000_000_000),
        17 => by!(100_000_000_000_000_000),
        18 => by!(1_000_000_000_000_000_000),
        _ => by!(10_000_000_000_000_000_000),
    }
}

/// 10^n for n <= 38.
#[inline]
pub(crate) fn pow10_u128(n: u32) -> u128 {
    POW10[n as usize]
}

/// `v × 10^k` if it fits an `i128`.
#[inline]
fn upscale_i128(v: i128, k: u32) -> Option<i128> {
    if k == 0 {
        return Some(v);
    }
    if k > 38 {
        return if v == 0 { Some(0) } else { None };
    }
    v.checked_mul(POW10[k as usize] as i128)
}

/// The two mantissas of small values brought to the larger scale (None when one does not fit).
#[inline]
pub(crate) fn align_small(x: i128, xs: u32, y: i128, ys: u32) -> Option<(i128, i128, u32)> {
    if xs == ys {
        Some((x, y, xs))
    } else if xs < ys {
        Some((upscale_i128(x, ys - xs)?, y, ys))
    } else {
        Some((x, upscale_i128(y, xs - ys)?, xs))
    }
}

/// Sign and magnitude of an integer, used when rescaling.
pub(crate) enum Mag {
    Small(u128),
    Big(BigUint),
}

impl Mag {
    fn to_big(&self) -> BigUint {
        match self {
            Mag::Small(v) => BigUint::from_u128(*v),
            Mag::Big(b) => b.clone(),
        }
    }
    fn is_zero(&self) -> bool {
        match self {
            Mag::Small(v) => *v == 0,
            Mag::Big(b) => b.is_zero(),
        }
    }
}

/// Result of rounding a value to an integer count of units of 10^-scale.
pub(crate) struct Scaled {
    pub neg: bool,
    /// |N| mod 10^keep
    pub low: u128,
    /// |N| >= 10^keep
    pub overflow: bool,
}

impl Dec {
    pub const ZERO: Dec = Dec {
        repr: Repr::Small(0),
        scale: 0,
    };
    pub const ONE: Dec = Dec {
        repr: Repr::Small(1),
        scale: 0,
    };

    /// `mantissa × 10^-scale`, e.g. `Dec::new(1250, 2)` is 12.50.
    #[inline]
    pub const fn new(mantissa: i128, scale: u32) -> Dec {
        Dec {
            repr: Repr::Small(mantissa),
            scale,
        }
    }

    #[inline]
    pub const fn int(v: i64) -> Dec {
        Dec {
            repr: Repr::Small(v as i128),
            scale: 0,
        }
    }

    #[inline]
    pub const fn nan() -> Dec {
        Dec {
            repr: Repr::Nan,
            scale: 0,
        }
    }

    #[inline]
    pub fn is_nan(&self) -> bool {
        matches!(self.repr, Repr::Nan)
    }

    #[inline]
    pub fn scale(&self) -> u32 {
        self.scale
    }

    /// The mantissa if it fits an `i128`.
    #[inline]
    pub fn mantissa_i128(&self) -> Option<i128> {
        match &self.repr {
            Repr::Small(v) => Some(*v),
            _ => None,
        }
    }

    fn from_parts(neg: bool, mag: BigUint, scale: u32) -> Dec {
        if let Some(v) = mag.to_u128() {
            if v <= i128::MAX as u128 {
                let v = v as i128;
                return Dec {
                    repr: Repr::Small(if neg { -v } else { v }),
                    scale,
                };
            }
        }
        Dec {
            repr: Repr::Big {
                neg: neg && !mag.is_zero(),
                mag,
            },
            scale,
        }
    }

    #[inline]
    pub(crate) fn from_mag(neg: bool, mag: Mag, scale: u32) -> Dec {
        match mag {
            Mag::Small(v) if v <= i128::MAX as u128 => {
                let v = v as i128;
                Dec {
                    repr: Repr::Small(if neg { -v } else { v }),
                    scale,
                }
            }
            m => Dec::from_parts(neg, m.to_big(), scale),
        }
    }

    /// `±mag × 10^-scale` (a zero is never negative).
    #[inline]
    pub(crate) fn from_u128(neg: bool, mag: u128, scale: u32) -> Dec {
        if mag <= i128::MAX as u128 {
            let v = mag as i128;
            Dec {
                repr: Repr::Small(if neg { -v } else { v }),
                scale,
            }
        } else {
            Dec::from_parts(neg, BigUint::from_u128(mag), scale)
        }
    }

    /// (negative, magnitude); panics on NaN (callers check first).
    fn parts(&self) -> (bool, Mag) {
        match &self.repr {
            Repr::Small(v) => (*v < 0, Mag::Small(v.unsigned_abs())),
            Repr::Big { neg, mag } => (*neg, Mag::Big(mag.clone())),
            Repr::Nan => panic!("Dec::parts on NaN"),
        }
    }

    fn big_parts(&self) -> (bool, BigUint) {
        let (n, m) = self.parts();
        (n, m.to_big())
    }

    /// Parse a numeric literal: optional sign, digits, optional '.' or ',' and digits.
    /// Anything else yields NaN.
    pub fn parse(s: &str) -> Dec {
        let b = s.trim().as_bytes();
        let (neg, body) = match b.first() {
            Some(b'-') => (true, &b[1..]),
            Some(b'+') => (false, &b[1..]),
            _ => (false, b),
        };
        let mut digits = Vec::with_capacity(body.len());
        let mut scale = 0u32;
        let mut seen_point = false;
        for &c in body {
            match c {
                b'0'..=b'9' => {
                    digits.push(c);
                    if seen_point {
                        scale += 1;
                    }
                }
                b'.' | b',' if !seen_point => seen_point = true,
                _ => return Dec::nan(),
            }
        }
        if digits.is_empty() {
            return Dec::nan();
        }
        Dec::from_parts(neg, BigUint::parse_digits(&digits), scale)
    }

    /// -1, 0 or 1 (0 for NaN).
    #[inline]
    pub fn signum(&self) -> i32 {
        match &self.repr {
            Repr::Small(v) => v.signum() as i32,
            Repr::Big { neg, mag } => {
                if mag.is_zero() {
                    0
                } else if *neg {
                    -1
                } else {
                    1
                }
            }
            Repr::Nan => 0,
        }
    }

    #[inline]
    pub fn is_zero(&self) -> bool {
        !self.is_nan() && self.signum() == 0
    }

    pub fn neg(&self) -> Dec {
        match &self.repr {
            Repr::Small(v) if *v != i128::MIN => Dec {
                repr: Repr::Small(-*v),
                scale: self.scale,
            },
            Repr::Nan => Dec::nan(),
            _ => {
                let (n, m) = self.big_parts();
                Dec::from_parts(!n, m, self.scale)
            }
        }
    }

    pub fn abs(&self) -> Dec {
        if self.signum() < 0 {
            self.neg()
        } else {
            self.clone()
        }
    }

    /// Same value with the mantissa multiplied by 10^k (scale + k).
    pub(crate) fn upscale(&self, k: u32) -> Dec {
        if k == 0 {
            return self.clone();
        }
        match &self.repr {
            Repr::Nan => Dec::nan(),
            Repr::Small(v) => {
                if k <= 38 {
                    if let Some(r) = v.checked_mul(pow10_u128(k) as i128) {
                        return Dec {
                            repr: Repr::Small(r),
                            scale: self.scale + k,
                        };
                    }
                }
                let (n, m) = self.big_parts();
                Dec::from_parts(n, m.mul_pow10(k), self.scale + k)
            }
            Repr::Big { neg, mag } => Dec::from_parts(*neg, mag.mul_pow10(k), self.scale + k),
        }
    }

    fn align(a: &Dec, b: &Dec) -> (Dec, Dec) {
        match a.scale.cmp(&b.scale) {
            Ordering::Equal => (a.clone(), b.clone()),
            Ordering::Less => (a.upscale(b.scale - a.scale), b.clone()),
            Ordering::Greater => (a.clone(), b.upscale(a.scale - b.scale)),
        }
    }

    #[inline]
    pub fn add(&self, o: &Dec) -> Dec {
        if let (Repr::Small(x), Repr::Small(y)) = (&self.repr, &o.repr) {
            if let Some((x, y, scale)) = align_small(*x, self.scale, *y, o.scale) {
                if let Some(r) = x.checked_add(y) {
                    return Dec {
                        repr: Repr::Small(r),
                        scale,
                    };
                }
            }
        }
        self.add_slow(o)
    }

    fn add_slow(&self, o: &Dec) -> Dec {
        if self.is_nan() || o.is_nan() {
            return Dec::nan();
        }
        let (a, b) = Dec::align(self, o);
        if let (Repr::Small(x), Repr::Small(y)) = (&a.repr, &b.repr) {
            if let Some(r) = x.checked_add(*y) {
                return Dec {
                    repr: Repr::Small(r),
                    scale: a.scale,
                };
            }
        }
        let (an, am) = a.big_parts();
        let (bn, bm) = b.big_parts();
        if an == bn {
            Dec::from_parts(an, am.add(&bm), a.scale)
        } else {
            match am.cmp_mag(&bm) {
                Ordering::Less => Dec::from_parts(bn, bm.sub(&am), a.scale),
                _ => Dec::from_parts(an, am.sub(&bm), a.scale),
            }
        }
    }

    #[inline]
    pub fn sub(&self, o: &Dec) -> Dec {
        if let (Repr::Small(x), Repr::Small(y)) = (&self.repr, &o.repr) {
            if let Some((x, y, scale)) = align_small(*x, self.scale, *y, o.scale) {
                if let Some(r) = x.checked_sub(y) {
                    return Dec {
                        repr: Repr::Small(r),
                        scale,
                    };
                }
            }
        }
        self.add_slow(&o.neg())
    }

    #[inline]
    pub fn mul(&self, o: &Dec) -> Dec {
        if let (Repr::Small(x), Repr::Small(y)) = (&self.repr, &o.repr) {
            // two i64 factors: the product always fits an i128
            if let (Ok(a), Ok(b)) = (i64::try_from(*x), i64::try_from(*y)) {
                return Dec {
                    repr: Repr::Small(a as i128 * b as i128),
                    scale: self.scale + o.scale,
                };
            }
        }
        self.mul_slow(o)
    }

    fn mul_slow(&self, o: &Dec) -> Dec {
        if self.is_nan() || o.is_nan() {
            return Dec::nan();
        }
        let scale = self.scale + o.scale;
        if let (Repr::Small(x), Repr::Small(y)) = (&self.repr, &o.repr) {
            if let Some(r) = x.checked_mul(*y) {
                return Dec {
                    repr: Repr::Small(r),
                    scale,
                };
            }
        }
        let (an, am) = self.big_parts();
        let (bn, bm) = o.big_parts();
        Dec::from_parts(an != bn, am.mul(&bm), scale)
    }

    /// GnuCOBOL division: NaN on zero divisor; otherwise the truncated quotient with
    /// `max(s1 - s2, 0) + 38` decimal places.
    pub fn div(&self, o: &Dec) -> Dec {
        if self.is_nan() || o.is_nan() || o.is_zero() {
            return Dec::nan();
        }
        if self.is_zero() {
            return Dec::ZERO;
        }
        let s1 = self.scale as i64;
        let s2 = o.scale as i64;
        let shift = DIV_EXTRA_SCALE as i64 + (s2 - s1).max(0);
        let scale = (s1 - s2).max(0) as u32 + DIV_EXTRA_SCALE;
        let (an, am) = self.big_parts();
        let (bn, bm) = o.big_parts();
        let (q, _) = am.mul_pow10(shift as u32).divrem(&bm);
        Dec::from_parts(an != bn, q, scale)
    }

    /// Integer value truncated toward zero, if it fits an i128.
    pub fn trunc_i128(&self) -> Option<i128> {
        let s = self.scaled(0, Round::Truncate, 38)?;
        if s.overflow {
            return None;
        }
        Some(if s.neg {
            -(s.low as i128)
        } else {
            s.low as i128
        })
    }

    /// True if the value has no fractional part.
    pub fn is_integer(&self) -> bool {
        match self.scaled_big(0, Round::Truncate) {
            None => false,
            Some((n, m)) => Dec::from_mag(n, m, 0).cmp_value(self) == Ordering::Equal,
        }
    }

    /// Round to an integer count of 10^-target_scale units (target_scale may be negative
    /// for P-scaled pictures). None for NaN.
    fn scaled_big(&self, target_scale: i32, mode: Round) -> Option<(bool, Mag)> {
        if let Repr::Small(v) = self.repr {
            if let Some((neg, q)) = small_scaled(v, self.scale as i64 - target_scale as i64, mode) {
                return Some((neg, Mag::Small(q)));
            }
        }
        self.scaled_big_general(target_scale, mode)
    }

    /// `scaled_big` for any value (`small_scaled` is the same in 64-bit arithmetic).
    fn scaled_big_general(&self, target_scale: i32, mode: Round) -> Option<(bool, Mag)> {
        if self.is_nan() {
            return None;
        }
        let (neg, mag) = self.parts();
        let shift = self.scale as i64 - target_scale as i64;
        if shift <= 0 {
            let k = (-shift) as u32;
            let m = match mag {
                Mag::Small(v) if k <= 38 && v.checked_mul(pow10_u128(k)).is_some() => {
                    Mag::Small(v * pow10_u128(k))
                }
                m => Mag::Big(m.to_big().mul_pow10(k)),
            };
            return Some((neg, m));
        }
        let k = shift as u32;
        let (q, inc) = match mag {
            Mag::Small(v) => {
                if k > 38 {
                    (
                        Mag::Small(0),
                        round_inc(mode, neg, v != 0, Ordering::Less, false),
                    )
                } else {
                    let p = pow10_u128(k);
                    let (q, r) = (v / p, v % p);
                    let half = (r * 2).cmp(&p); // r < 10^38 so 2r fits
                    (
                        Mag::Small(q),
                        round_inc(mode, neg, r != 0, half, q % 2 == 1),
                    )
                }
            }
            Mag::Big(b) => {
                let (q, r) = b.divrem_pow10(k);
                let half = r.add(&r).cmp_mag(&BigUint::pow10(k));
                let odd = q.digit(0) % 2 == 1;
                (Mag::Big(q), round_inc(mode, neg, !r.is_zero(), half, odd))
            }
        };
        let q = if inc {
            match q {
                Mag::Small(v) if v < u128::MAX => Mag::Small(v + 1),
                m => Mag::Big(m.to_big().add(&BigUint::from_u128(1))),
            }
        } else {
            q
        };
        let neg = neg && !q.is_zero();
        Some((neg, q))
    }

    /// Rounded integer N (units of 10^-target_scale) split into its low `keep` digits
    /// and an overflow flag. `keep` ≤ 38.
    #[inline]
    pub(crate) fn scaled(&self, target_scale: i32, mode: Round, keep: u32) -> Option<Scaled> {
        if let Repr::Small(v) = self.repr {
            if let Some((neg, q)) = small_scaled(v, self.scale as i64 - target_scale as i64, mode) {
                let keep = keep.min(38);
                return Some(if let Ok(q) = u64::try_from(q) {
                    if keep >= 20 {
                        Scaled {
                            neg,
                            low: q as u128,
                            overflow: false,
                        }
                    } else {
                        let p = POW10_U64[keep as usize];
                        Scaled {
                            neg,
                            low: if q < p { q } else { q % p } as u128,
                            overflow: q >= p,
                        }
                    }
                } else {
                    let p = POW10[keep as usize];
                    Scaled {
                        neg,
                        low: q % p,
                        overflow: q >= p,
                    }
                });
            }
        }
        self.scaled_slow(target_scale, mode, keep)
    }

    /// `scaled` in 64-bit arithmetic for a small value, `keep` ≤ 19 and a shift of at most 19
    /// places: (negative, low, overflow) exactly as `scaled` gives them. None outside that
    /// range (the caller then uses `scaled`).
    #[inline]
    pub(crate) fn scaled_u64(
        &self,
        target_scale: i32,
        mode: Round,
        keep: u32,
    ) -> Option<(bool, u64, bool)> {
        let Repr::Small(v) = self.repr else {
            return None;
        };
        if keep > 19 {
            return None;
        }
        let neg = v < 0;
        let mag = u64::try_from(v.unsigned_abs()).ok()?;
        let shift = self.scale as i64 - target_scale as i64;
        let q = if shift <= 0 {
            if shift < -19 {
                return None;
            }
            mag.checked_mul(POW10_U64[(-shift) as usize])?
        } else {
            if shift > 19 {
                return None;
            }
            let p = POW10_U64[shift as usize];
            let (q, r) = (mag / p, mag % p);
            q + round_inc(mode, neg, r != 0, r.cmp(&(p - r)), q % 2 == 1) as u64
        };
        let p = POW10_U64[keep as usize];
        // (no division unless the value overflows the item)
        Some((neg && q != 0, if q < p { q } else { q % p }, q >= p))
    }

    /// `scaled_u64` when no rounding is involved: the value already has `target_scale`
    /// decimals and its mantissa fits a `u64` (the common case of storing a sum or a moved
    /// value). (negative, low, overflow) as `scaled_u64` gives them; None otherwise.
    #[inline(always)]
    pub(crate) fn same_scale_u64(&self, target_scale: i32, keep: u32) -> Option<(bool, u64, bool)> {
        match self.repr {
            Repr::Small(v) if self.scale as i64 == target_scale as i64 && keep <= 19 => {
                let q = u64::try_from(v.unsigned_abs()).ok()?;
                let p = POW10_U64[keep as usize];
                Some((v < 0, if q < p { q } else { q % p }, q >= p))
            }
            _ => None,
        }
    }

    fn scaled_slow(&self, target_scale: i32, mode: Round, keep: u32) -> Option<Scaled> {
        let (neg, m) = self.scaled_big(target_scale, mode)?;
        let keep = keep.min(38);
        let p = pow10_u128(keep);
        Some(match m {
            Mag::Small(v) => Scaled {
                neg,
                low: v % p,
                overflow: v >= p,
            },
            Mag::Big(b) => {
                let (q, r) = b.divrem_pow10(keep);
                Scaled {
                    neg,
                    low: r.to_u128().unwrap(),
                    overflow: !q.is_zero(),
                }
            }
        })
    }

    /// Compare by value (NaN compares equal to zero; callers avoid comparing NaN).
    #[inline]
    pub fn cmp_value(&self, o: &Dec) -> Ordering {
        if let (Repr::Small(x), Repr::Small(y)) = (&self.repr, &o.repr) {
            if let Some((x, y, _)) = align_small(*x, self.scale, *y, o.scale) {
                return x.cmp(&y);
            }
        }
        self.cmp_slow(o)
    }

    fn cmp_slow(&self, o: &Dec) -> Ordering {
        if self.is_nan() || o.is_nan() {
            return self.signum().cmp(&o.signum());
        }
        let (a, b) = Dec::align(self, o);
        match (&a.repr, &b.repr) {
            (Repr::Small(x), Repr::Small(y)) => x.cmp(y),
            _ => {
                let (an, am) = a.big_parts();
                let (bn, bm) = b.big_parts();
                match (an, bn) {
                    (false, true) => Ordering::Greater,
                    (true, false) => Ordering::Less,
                    (false, false) => am.cmp_mag(&bm),
                    (true, true) => bm.cmp_mag(&am),
                }
            }
        }
    }

    /// Decimal digits of |value| (no point) and the scale, for formatting.
    pub(crate) fn digits_string(&self) -> String {
        match &self.repr {
            Repr::Small(v) => v.unsigned_abs().to_string(),
            Repr::Big { mag, .. } => mag.to_decimal(),
            Repr::Nan => "0".into(),
        }
    }
}

/// `scaled_big` for a small mantissa whose magnitude fits a `u64` and a shift of at most 19
/// places either way: the same result, in 64-bit arithmetic. None when out of that range.
#[inline]
fn small_scaled(v: i128, shift: i64, mode: Round) -> Option<(bool, u128)> {
    let neg = v < 0;
    let mag = u64::try_from(v.unsigned_abs()).ok()?;
    if shift <= 0 {
        if shift < -19 {
            return None;
        }
        // < 2^64 × 10^19 < 2^128
        return Some((neg, mag as u128 * POW10_U64[(-shift) as usize] as u128));
    }
    if shift > 19 {
        return None;
    }
    let p = POW10_U64[shift as usize];
    let (q, r) = (mag / p, mag % p);
    // 2r against p, without overflowing: r against p - r
    let half = r.cmp(&(p - r));
    let q = q + round_inc(mode, neg, r != 0, half, q % 2 == 1) as u64;
    Some((neg && q != 0, q as u128))
}

/// Whether rounding adds one unit to the truncated magnitude.
#[inline]
fn round_inc(mode: Round, neg: bool, nonzero_rem: bool, half: Ordering, odd: bool) -> bool {
    if !nonzero_rem {
        return false;
    }
    match mode {
        Round::Truncate | Round::Prohibited => false,
        Round::NearestAwayFromZero => half != Ordering::Less,
        Round::NearestEven => half == Ordering::Greater || (half == Ordering::Equal && odd),
        Round::NearestTowardZero => half == Ordering::Greater,
        Round::AwayFromZero => true,
        Round::TowardGreater => !neg,
        Round::TowardLesser => neg,
    }
}

#[path = "dec_ext.rs"]
mod ext;

#[cfg(test)]
#[path = "dec_tests.rs"]
pub(crate) mod tests;
