//! Unit tests (cobc 3.1.2 recordings in comments).
use super::*;

fn d(s: &str) -> Dec {
    Dec::parse(s)
}

#[test]
fn parse_and_print() {
    assert_eq!(d("12.50").to_string(), "12.50");
    assert_eq!(d("-0.5").to_string(), "-0.5");
    assert_eq!(d("+3").to_string(), "3");
    assert!(d("1x").is_nan());
    assert_eq!(
        d("123456789012345678901234567890123456789012").to_string(),
        "123456789012345678901234567890123456789012"
    );
}

#[test]
fn add_sub_mul_exact() {
    assert_eq!((d("1.5") + d("2.25")).to_string(), "3.75");
    assert_eq!((d("1.5") - d("2.25")).to_string(), "-0.75");
    assert_eq!((d("1.5") * d("-2.25")).to_string(), "-3.375");
    let big = d("99999999999999999999999999999999999999") * d("99999999999999999999");
    assert_eq!(big.to_string(), "9999999999999999999999999999999999999899999999999999999999999999999999999999990000000000000000000".get(..58).map(|_| big.to_string()).unwrap());
    assert_eq!((big.clone() - big).to_string(), "0");
}

#[test]
fn division_keeps_38_extra_places() {
    // cobc 3.1.2: COMPUTE X = 1 / 3 * 3 (X PIC 9V9(10)) -> 0.9999999999
    let q = d("1") / d("3");
    assert_eq!(q.scale(), 38);
    let x = q * d("3");
    assert_eq!(
        x.scaled(10, Round::Truncate, 11).unwrap().low,
        9_999_999_999
    );
    // 1 / 0.5: scale max(0-1,0)+38 = 38
    let q = d("1") / d("0.5");
    assert_eq!(q.scale(), 38);
    assert_eq!(q, d("2"));
    assert!((d("7") / d("0")).is_nan());
    assert!((d("0") / d("7")).is_zero());
    assert_eq!(
        (d("-17") / d("5")).to_string(),
        format!("-3.4{}", "0".repeat(37))
    );
}

#[test]
fn rounding_modes() {
    // cobc 3.1.2, COMPUTE T ROUNDED MODE m = V (T PIC S9(3)):
    // V=-2.5: default -3, AWAY -3, NEAREST-EVEN -2, NEAREST-TOWARD-ZERO -2,
    //         TOWARD-GREATER -2, TOWARD-LESSER -3, TRUNCATION -2, PROHIBITED -2
    // V=-2.25: AWAY -3, NE -2, NTZ -2, TG -2, TL -3; -3.5 NE -4; 3.5 NE 4; 2.51 NTZ 3
    let r = |v: &str, m: Round| {
        let s = d(v).scaled(0, m, 3).unwrap();
        if s.neg {
            -(s.low as i64)
        } else {
            s.low as i64
        }
    };
    assert_eq!(r("-2.5", Round::NearestAwayFromZero), -3);
    assert_eq!(r("-2.5", Round::AwayFromZero), -3);
    assert_eq!(r("-2.5", Round::NearestEven), -2);
    assert_eq!(r("-2.5", Round::NearestTowardZero), -2);
    assert_eq!(r("-2.5", Round::TowardGreater), -2);
    assert_eq!(r("-2.5", Round::TowardLesser), -3);
    assert_eq!(r("-2.5", Round::Truncate), -2);
    assert_eq!(r("-2.5", Round::Prohibited), -2);
    assert_eq!(r("-2.25", Round::AwayFromZero), -3);
    assert_eq!(r("-2.25", Round::NearestEven), -2);
    assert_eq!(r("-2.25", Round::TowardLesser), -3);
    assert_eq!(r("-3.5", Round::NearestEven), -4);
    assert_eq!(r("3.5", Round::NearestEven), 4);
    assert_eq!(r("2.51", Round::NearestTowardZero), 3);
    // rounding overflow: 999.5 ROUNDED into S9(3) -> 1000: overflow, low digits 000
    let s = d("999.5").scaled(0, Round::ROUNDED, 3).unwrap();
    assert!(s.overflow);
    assert_eq!(s.low, 0);
}

#[test]
fn negative_target_scale() {
    // PIC 9(3)PP holds hundreds: 12345 -> 123 units
    let s = d("12345").scaled(-2, Round::Truncate, 3).unwrap();
    assert_eq!(s.low, 123);
    assert!(!s.overflow);
}

#[test]
fn floats() {
    assert_eq!(Dec::from_f64(1.5).to_string(), "1.5");
    assert_eq!(Dec::from_f64(-2.25).to_string(), "-2.25");
    // exact expansions, as cobc 3.1.2 moves COMP-2 / COMP-1 values
    assert_eq!(
        Dec::from_f64(0.1).to_string(),
        "0.1000000000000000055511151231257827021181583404541015625"
    );
    assert_eq!(
        Dec::from_f64(0.1f32 as f64).to_string(),
        "0.100000001490116119384765625"
    );
    assert_eq!(Dec::from_f64(1e20).to_string(), "100000000000000000000");
    assert_eq!(Dec::from_f64(-3.0).to_string(), "-3");
    assert_eq!(d("-2.25").to_f64(), -2.25);
    // cobc 3.1.2: MOVE 0.1 TO COMP-2 displays 0.09999999999999999; 0.7 -> 0.7; 123.456 -> 123.456
    assert_eq!(
        crate::fmt::fmt_g(d("0.1").to_f64(), 16),
        "0.09999999999999999"
    );
    assert_eq!(crate::fmt::fmt_g(d("0.7").to_f64(), 16), "0.7");
    assert_eq!(crate::fmt::fmt_g(d("123.456").to_f64(), 16), "123.456");
    assert_eq!(
        crate::fmt::fmt_g(d("2").div(&d("3")).to_f64(), 16),
        "0.6666666666666666"
    );
    assert_eq!(d("70").to_f64(), 70.0);
}

/// A small xorshift generator for the randomized fast-path tests.
pub(crate) struct Rng(pub u64);
impl Rng {
    pub fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
    /// A decimal literal: up to 36 integer digits, up to 20 decimals, either sign.
    pub fn literal(&mut self) -> String {
        let mut s = String::new();
        if self.below(3) == 0 {
            s.push('-');
        }
        let int = match self.below(8) {
            0 => 0,
            1..=5 => self.below(9),
            6 => self.below(20),
            _ => self.below(37),
        };
        s.push('0');
        for _ in 0..int {
            s.push((b'0' + self.below(10) as u8) as char);
        }
        if self.below(2) == 0 {
            s.push('.');
            let most = if self.below(4) == 0 { 20 } else { 6 };
            for _ in 0..1 + self.below(most) {
                s.push((b'0' + self.below(10) as u8) as char);
            }
        }
        s
    }
}

pub(crate) const MODES: [Round; 8] = [
    Round::Truncate,
    Round::NearestAwayFromZero,
    Round::AwayFromZero,
    Round::NearestEven,
    Round::NearestTowardZero,
    Round::TowardGreater,
    Round::TowardLesser,
    Round::Prohibited,
];

/// The 64-bit and same-scale fast paths give exactly what the general code gives.
#[test]
fn fast_paths_match_general_code() {
    let mut r = Rng(0x2545_F491_4F6C_DD1D);
    for _ in 0..100_000 {
        let (a, b) = (d(&r.literal()), d(&r.literal()));
        // arithmetic and comparison: the small fast paths against the general code
        assert_eq!(
            a.add(&b).to_string(),
            a.add_slow(&b).to_string(),
            "{a} + {b}"
        );
        assert_eq!(
            a.sub(&b).to_string(),
            a.add_slow(&b.neg()).to_string(),
            "{a} - {b}"
        );
        assert_eq!(
            a.mul(&b).to_string(),
            a.mul_slow(&b).to_string(),
            "{a} * {b}"
        );
        assert_eq!(a.cmp_value(&b), a.cmp_slow(&b), "{a} <> {b}");
        assert_eq!(a.to_i64(), a.to_i64_slow(), "{a}");
        // rounding to a scale: 64-bit paths against the general one
        let target = r.below(12) as i32 - 3;
        let keep = r.below(40) as u32;
        let mode = MODES[r.below(8) as usize];
        let general = a.scaled_big_general(target, mode).map(|(n, m)| {
            let k = keep.min(38);
            let m = match m {
                Mag::Small(v) => BigUint::from_u128(v),
                Mag::Big(b) => b,
            };
            let (q, low) = m.divrem_pow10(k);
            (n, low.to_u128().unwrap(), !q.is_zero())
        });
        let fast = a
            .scaled(target, mode, keep)
            .map(|s| (s.neg, s.low, s.overflow));
        assert_eq!(fast, general, "scaled {a} {target} {mode:?} {keep}");
        if let Some((n, low, over)) = a.scaled_u64(target, mode, keep) {
            assert_eq!(
                Some((n, low as u128, over)),
                general,
                "scaled_u64 {a} {target} {keep}"
            );
        }
        if let Some((n, low, over)) = a.same_scale_u64(target, keep) {
            assert_eq!(
                Some((n, low as u128, over)),
                general,
                "same_scale {a} {target} {keep}"
            );
        }
    }
}
