//! A small unsigned big integer in base 10^9, the slow path of [`crate::Dec`].
//!
//! Base 10^9 keeps decimal scaling (the common operation here) cheap and makes digit
//! counting and printing trivial. Only what `Dec` needs is implemented.

use std::cmp::Ordering;

const BASE: u64 = 1_000_000_000;

/// Unsigned magnitude, little-endian limbs in base 10^9, no high zero limbs.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct BigUint {
    limbs: Vec<u32>,
}

impl BigUint {
    pub fn zero() -> Self {
        BigUint { limbs: Vec::new() }
    }

    pub fn from_u128(mut v: u128) -> Self {
        let mut limbs = Vec::with_capacity(5);
        while v > 0 {
            limbs.push((v % BASE as u128) as u32);
            v /= BASE as u128;
        }
        BigUint { limbs }
    }

    /// Value if it fits in u128.
    pub fn to_u128(&self) -> Option<u128> {
        let mut v: u128 = 0;
        for &l in self.limbs.iter().rev() {
            v = v.checked_mul(BASE as u128)?.checked_add(l as u128)?;
        }
        Some(v)
    }

    pub fn is_zero(&self) -> bool {
        self.limbs.is_empty()
    }

    fn trim(&mut self) {
        while self.limbs.last() == Some(&0) {
            self.limbs.pop();
        }
    }

    /// Number of decimal digits (0 for zero).
    #[allow(dead_code)]
    pub fn digit_count(&self) -> u32 {
        match self.limbs.last() {
            None => 0,
            Some(&top) => {
                let mut d = 0;
                let mut t = top;
                while t > 0 {
                    d += 1;
                    t /= 10;
                }
                d + 9 * (self.limbs.len() as u32 - 1)
            }
        }
    }

    /// Decimal digit `i` counted from the least significant (0).
    pub fn digit(&self, i: u32) -> u8 {
        let limb = (i / 9) as usize;
        if limb >= self.limbs.len() {
            return 0;
        }
        let mut v = self.limbs[limb];
        for _ in 0..(i % 9) {
            v /= 10;
        }
        (v % 10) as u8
    }

    pub fn cmp_mag(&self, o: &BigUint) -> Ordering {
        if self.limbs.len() != o.limbs.len() {
            return self.limbs.len().cmp(&o.limbs.len());
        }
        for i in (0..self.limbs.len()).rev() {
            match self.limbs[i].cmp(&o.limbs[i]) {
                Ordering::Equal => {}
                x => return x,
            }
        }
        Ordering::Equal
    }

    pub fn add(&self, o: &BigUint) -> BigUint {
        let n = self.limbs.len().max(o.limbs.len());
        let mut r = Vec::with_capacity(n + 1);
        let mut carry = 0u64;
        for i in 0..n {
            let s = *self.limbs.get(i).unwrap_or(&0) as u64
                + *o.limbs.get(i).unwrap_or(&0) as u64
                + carry;
            r.push((s % BASE) as u32);
            carry = s / BASE;
        }
        if carry > 0 {
            r.push(carry as u32);
        }
        BigUint { limbs: r }
    }

    /// self - o; requires self >= o.
    pub fn sub(&self, o: &BigUint) -> BigUint {
        let mut r = Vec::with_capacity(self.limbs.len());
        let mut borrow = 0i64;
        for i in 0..self.limbs.len() {
            let mut d = self.limbs[i] as i64 - *o.limbs.get(i).unwrap_or(&0) as i64 - borrow;
            if d < 0 {
                d += BASE as i64;
                borrow = 1;
            } else {
                borrow = 0;
            }
            r.push(d as u32);
        }
        debug_assert_eq!(borrow, 0);
        let mut b = BigUint { limbs: r };
        b.trim();
        b
    }

    pub fn mul(&self, o: &BigUint) -> BigUint {
        if self.is_zero() || o.is_zero() {
            return BigUint::zero();
        }
        let mut r = vec![0u64; self.limbs.len() + o.limbs.len() + 1];
        for (i, &a) in self.limbs.iter().enumerate() {
            let mut carry = 0u64;
            for (j, &b) in o.limbs.iter().enumerate() {
                let t = r[i + j] + a as u64 * b as u64 + carry;
                r[i + j] = t % BASE;
                carry = t / BASE;
            }
            let mut k = i + o.limbs.len();
            while carry > 0 {
                let t = r[k] + carry;
                r[k] = t % BASE;
                carry = t / BASE;
                k += 1;
            }
        }
        let mut b = BigUint {
            limbs: r.into_iter().map(|x| x as u32).collect(),
        };
        b.trim();
        b
    }

    fn mul_small(&self, m: u32) -> BigUint {
        if m == 0 || self.is_zero() {
            return BigUint::zero();
        }
        let mut r = Vec::with_capacity(self.limbs.len() + 1);
        let mut carry = 0u64;
        for &a in &self.limbs {
            let t = a as u64 * m as u64 + carry;
            r.push((t % BASE) as u32);
            carry = t / BASE;
        }
        if carry > 0 {
            r.push(carry as u32);
        }
        BigUint { limbs: r }
    }

    /// self * 10^n
    pub fn mul_pow10(&self, n: u32) -> BigUint {
        if self.is_zero() {
            return BigUint::zero();
        }
        let whole = (n / 9) as usize;
        let mut limbs = vec![0u32; whole];
        limbs.extend_from_slice(&self.limbs);
        let b = BigUint { limbs };
        b.mul_small(10u32.pow(n % 9))
    }

    /// (self / 10^n, self % 10^n)
    pub fn divrem_pow10(&self, n: u32) -> (BigUint, BigUint) {
        let whole = (n / 9) as usize;
        let part = n % 9;
        if whole >= self.limbs.len() {
            return (BigUint::zero(), self.clone());
        }
        let mut low: Vec<u32> = self.limbs[..whole].to_vec();
        let high = BigUint {
            limbs: self.limbs[whole..].to_vec(),
        };
        let (q, r) = high.divrem_small(10u32.pow(part));
        if r > 0 || !low.is_empty() {
            // remainder = r * 10^(9*whole) + low
            low.push(r);
        }
        let mut rem = BigUint { limbs: low };
        rem.trim();
        (q, rem)
    }

    pub fn divrem_small(&self, d: u32) -> (BigUint, u32) {
        assert!(d != 0);
        let mut q = vec![0u32; self.limbs.len()];
        let mut rem = 0u64;
        for i in (0..self.limbs.len()).rev() {
            let cur = rem * BASE + self.limbs[i] as u64;
            q[i] = (cur / d as u64) as u32;
            rem = cur % d as u64;
        }
        let mut b = BigUint { limbs: q };
        b.trim();
        (b, rem as u32)
    }

    /// Truncating division (quotient, remainder). Panics on zero divisor.
    pub fn divrem(&self, d: &BigUint) -> (BigUint, BigUint) {
        assert!(!d.is_zero(), "BigUint division by zero");
        if self.cmp_mag(d) == Ordering::Less {
            return (BigUint::zero(), self.clone());
        }
        if d.limbs.len() == 1 {
            let (q, r) = self.divrem_small(d.limbs[0]);
            return (q, BigUint::from_u128(r as u128));
        }
        // Schoolbook long division, one base-10^9 quotient limb at a time; each limb found
        // by estimating from the top limbs then correcting (at most a few steps).
        let n = d.limbs.len();
        let mut q = vec![0u32; self.limbs.len()];
        let mut rem = BigUint::zero();
        let dtop = d.limbs[n - 1] as u128 * BASE as u128 + d.limbs[n - 2] as u128;
        for i in (0..self.limbs.len()).rev() {
            // rem = rem * BASE + limb
            let mut limbs = Vec::with_capacity(rem.limbs.len() + 1);
            limbs.push(self.limbs[i]);
            limbs.extend_from_slice(&rem.limbs);
            rem = BigUint { limbs };
            rem.trim();
            if rem.cmp_mag(d) == Ordering::Less {
                continue;
            }
            // Estimate from the top limbs of rem (from index n-2 up) over the top two of d;
            // the estimate is off by at most a couple, fixed by the loop below.
            let rl = rem.limbs.len();
            let mut top: u128 = 0;
            for k in (n - 2..rl).rev() {
                top = top * BASE as u128 + rem.limbs[k] as u128;
            }
            let mut est = (top / dtop).min(BASE as u128 - 1) as u32;
            // correct downward/upward
            loop {
                let prod = d.mul_small(est);
                match prod.cmp_mag(&rem) {
                    Ordering::Greater => est -= 1,
                    _ => {
                        let r2 = rem.sub(&prod);
                        if r2.cmp_mag(d) != Ordering::Less {
                            est += 1;
                            continue;
                        }
                        rem = r2;
                        break;
                    }
                }
            }
            q[i] = est;
        }
        let mut qb = BigUint { limbs: q };
        qb.trim();
        (qb, rem)
    }

    pub fn pow10(n: u32) -> BigUint {
        BigUint::from_u128(1).mul_pow10(n)
    }

    /// Decimal digits, most significant first ("0" for zero).
    pub fn to_decimal(&self) -> String {
        if self.is_zero() {
            return "0".to_string();
        }
        let mut s = format!("{}", self.limbs[self.limbs.len() - 1]);
        for i in (0..self.limbs.len() - 1).rev() {
            s.push_str(&format!("{:09}", self.limbs[i]));
        }
        s
    }

    pub fn parse_digits(s: &[u8]) -> BigUint {
        let mut limbs = Vec::with_capacity(s.len() / 9 + 1);
        let mut end = s.len();
        while end > 0 {
            let start = end.saturating_sub(9);
            let mut v = 0u32;
            for &c in &s[start..end] {
                v = v * 10 + (c - b'0') as u32;
            }
            limbs.push(v);
            end = start;
        }
        let mut b = BigUint { limbs };
        b.trim();
        b
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b(s: &str) -> BigUint {
        BigUint::parse_digits(s.as_bytes())
    }

    #[test]
    fn arithmetic_roundtrip() {
        let a = b("123456789012345678901234567890123456789012345");
        let d = b("98765432109876543210987");
        let (q, r) = a.divrem(&d);
        assert_eq!(q.mul(&d).add(&r), a);
        assert_eq!(r.cmp_mag(&d), Ordering::Less);
        assert_eq!(q.to_decimal(), "1249999988609375000142");
        assert_eq!(a.digit_count(), 45);
        assert_eq!(a.digit(0), 5);
        assert_eq!(a.digit(44), 1);
        let (q, r) = a.divrem_pow10(10);
        assert_eq!(q.to_decimal(), "12345678901234567890123456789012345");
        assert_eq!(r.to_decimal(), "6789012345");
        assert_eq!(
            b("1000000000000000000").sub(&b("1")).to_decimal(),
            "999999999999999999"
        );
        assert_eq!(BigUint::pow10(20).to_u128(), Some(10u128.pow(20)));
    }

    #[test]
    fn division_many() {
        // cross-check against u128 arithmetic
        let mut x: u64 = 0x9E3779B97F4A7C15;
        for _ in 0..2000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let a = ((x as u128) * (x.rotate_left(17) as u128)) >> (x % 60);
            let d = ((x.rotate_left(5) as u128) >> (x % 50)).max(1);
            let (q, r) = BigUint::from_u128(a).divrem(&BigUint::from_u128(d));
            assert_eq!(q.to_u128(), Some(a / d), "{a}/{d}");
            assert_eq!(r.to_u128(), Some(a % d));
        }
    }
}
