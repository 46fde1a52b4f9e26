//! Intrinsic functions. Numeric results are `Dec`, alphanumeric results `Vec<u8>`.
//!
//! cobc 3.1.2 (experiments i1, s1):
//! * TRIM("  Hello  ") "Hello", LEADING "Hello   ", TRAILING "  Hello"; TRIM of all
//!   spaces is empty (LENGTH 0).
//! * NUMVAL(" -12.50 ") -12.5, NUMVAL("1.5-") -1.5, NUMVAL("+ 1.5") 1.5, NUMVAL(".5") .5,
//!   NUMVAL("abc") 0, NUMVAL("-1.5CR") 0, NUMVAL("  1 2 ") 0; NUMVAL("1.5CR") and
//!   NUMVAL("1.5 DB") give +1.5 (3.1.2 ignores CR/DB that end the argument), but a PIC X(6)
//!   item holding "1.5CR " gives -1.5; lowercase "cr" is invalid (0).
//!   NUMVAL-C("$1,234.56-") -1234.56.
//! * INTEGER(-12.75) -13, INTEGER-PART -12, MOD(17,-5) -3, REM(17,-5) 2, MOD(-17,5) 3,
//!   REM(-17,5) -2, MOD(7.5,2) 1.5.
//! * MAX/MIN return the winning argument itself (DISPLAY shows that item's format): use
//!   `max_index`/`min_index`. ORD("A") 66, CHAR(66) "A".
//! * INTEGER-OF-DATE(20240229) 154557, DATE-OF-INTEGER(1) 16010101,
//!   DAY-OF-INTEGER(155000) 2025137.
//! * SQRT(2) prints 1.41421356237309504880168872420969807856967187537694807317667973799073247846210703885038753432764
//!   (96 significant digits); SQRT(16) prints 000000004.
//! * DISPLAY of a numeric function result: see [`crate::fmt::append_intrinsic`].

use crate::datetime::{civil_from_days, days_from_civil, is_leap};
use crate::dec::{Dec, Round};
use std::cmp::Ordering;

pub fn upper_case(s: &[u8]) -> Vec<u8> {
    s.to_ascii_uppercase()
}

pub fn lower_case(s: &[u8]) -> Vec<u8> {
    s.to_ascii_lowercase()
}

pub fn reverse(s: &[u8]) -> Vec<u8> {
    s.iter().rev().copied().collect()
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trim {
    Both,
    Leading,
    Trailing,
}

pub fn trim(s: &[u8], how: Trim) -> Vec<u8> {
    let mut a = 0;
    let mut b = s.len();
    if how != Trim::Trailing {
        while a < b && s[a] == b' ' {
            a += 1;
        }
    }
    if how != Trim::Leading {
        while b > a && s[b - 1] == b' ' {
            b -= 1;
        }
    }
    s[a..b].to_vec()
}

/// NUMVAL (currency = None) and NUMVAL-C (currency = Some(symbol)): 0 unless TEST-NUMVAL(-C)
/// accepts the argument; then its digits with the decimal point, negative for `-`, or for CR/DB
/// followed by anything (cobc 3.1.2 ignores CR/DB that end the argument).
fn numval_impl(s: &[u8], currency: Option<&[u8]>) -> Dec {
    let cur = currency.map(|c| c.first().copied().unwrap_or(b'$'));
    if !test_numval_impl(s, cur).is_zero() {
        return Dec::ZERO;
    }
    let dp = if crate::mov::decimal_point_comma() {
        b','
    } else {
        b'.'
    };
    let mut t = String::with_capacity(s.len() + 2);
    let mut neg = false;
    let mut i = 0;
    while i < s.len() {
        match s[i] {
            c @ b'0'..=b'9' => t.push(c as char),
            b'-' => neg = true,
            b'C' | b'D' => {
                // digits after CR/DB are accepted by TEST-NUMVAL but not read ("2DB2" is -2)
                neg = i + 2 < s.len();
                break;
            }
            c if c == dp => t.push('.'),
            _ => {}
        }
        i += 1;
    }
    if t.starts_with('.') {
        t.insert(0, '0');
    }
    if neg {
        t.insert(0, '-');
    }
    Dec::parse(&t)
}

/// FUNCTION NUMVAL (trailing fractional zeros dropped, as cobc: " -12.50 " -> -12.5).
pub fn numval(s: &[u8]) -> Dec {
    numval_impl(s, None).trim_zeros()
}

/// FUNCTION NUMVAL-C with the given currency symbol.
pub fn numval_c(s: &[u8], currency: &[u8]) -> Dec {
    numval_impl(s, Some(currency)).trim_zeros()
}

/// FUNCTION TEST-NUMVAL (currency None) / TEST-NUMVAL-C (Some(first byte of the currency sign)):
/// 0 for a valid argument, else the 1-based position of the first character cobc rejects, or
/// length + 1 when no digit was found. Reproduces cobc 3.1.2 (checked on 1500 strings), which
/// is laxer than the standard: a sign or CR/DB may stand anywhere once, digits may follow them.
fn test_numval_impl(s: &[u8], currency: Option<u8>) -> Dec {
    let dp = if crate::mov::decimal_point_comma() {
        b','
    } else {
        b'.'
    };
    let sep = if dp == b'.' { b',' } else { b'.' };
    let (mut sign, mut point, mut digit, mut space) = (false, false, false, false);
    let n = s.len();
    let mut i = 0;
    let bad = |i: usize| Dec::int(i as i64 + 1);
    while i < n {
        let c = s[i];
        match c {
            b' ' => space |= digit || point,
            b'0'..=b'9' => {
                if space {
                    return bad(i);
                }
                digit = true;
            }
            b'+' | b'-' => {
                if sign {
                    return bad(i);
                }
                sign = true;
            }
            b'C' | b'D' => {
                if sign || !(digit || point) {
                    return bad(i);
                }
                let second = if c == b'C' { b'R' } else { b'B' };
                if s.get(i + 1) != Some(&second) {
                    return bad(i + 1);
                }
                sign = true;
                i += 1;
            }
            _ if c == dp => {
                if point || space {
                    return bad(i);
                }
                point = true;
            }
            _ if currency.is_some() && c == sep => {
                if point || space || !digit {
                    return bad(i);
                }
            }
            _ if currency == Some(c) => {
                if digit || point || space {
                    return bad(i);
                }
            }
            _ => return bad(i),
        }
        i += 1;
    }
    if digit {
        Dec::ZERO
    } else {
        bad(n)
    }
}

/// FUNCTION TEST-NUMVAL.
pub fn test_numval(s: &[u8]) -> Dec {
    test_numval_impl(s, None)
}

/// FUNCTION TEST-NUMVAL-C (cobc 3.1.2 only looks at the first character of the currency sign).
pub fn test_numval_c(s: &[u8], currency: &[u8]) -> Dec {
    test_numval_impl(s, Some(currency.first().copied().unwrap_or(b'$')))
}

/// FUNCTION TEST-DATE-YYYYMMDD: 0 valid, 1 bad year (not 1601-9999), 2 bad month, 3 bad day.
pub fn test_date_yyyymmdd(x: &Dec) -> Dec {
    let v = x.trunc_i128().unwrap_or(0);
    let (y, m, d) = (v / 10000, v / 100 % 100, v % 100);
    let r = if !(1601..=9999).contains(&y) {
        1
    } else if !(1..=12).contains(&m) {
        2
    } else if d < 1 || d > crate::datetime::days_in_month(y as i64, m as u32) as i128 {
        3
    } else {
        0
    };
    Dec::int(r)
}

/// FUNCTION FACTORIAL of the integer part; 0 for a negative argument (cobc 3.1.2).
pub fn factorial(x: &Dec) -> Dec {
    let n = x.trunc_i128().unwrap_or(-1);
    if n < 0 {
        return Dec::ZERO;
    }
    let mut r = Dec::int(1);
    for k in 2..=n.min(1000) {
        r = r.mul(&Dec::int(k as i64));
    }
    r
}

/// FUNCTION INTEGER: greatest integer <= x.
pub fn integer(x: &Dec) -> Dec {
    x.round_to(0, Round::TowardLesser)
}

/// FUNCTION INTEGER-PART: truncation toward zero.
pub fn integer_part(x: &Dec) -> Dec {
    x.round_to(0, Round::Truncate)
}

/// FUNCTION MOD(a, b) = a - b * INTEGER(a / b).
pub fn mod_(a: &Dec, b: &Dec) -> Dec {
    if b.is_zero() {
        return Dec::nan();
    }
    let q = integer(&a.div(b));
    a.sub(&b.mul(&q))
}

/// FUNCTION REM(a, b) = a - b * INTEGER-PART(a / b).
pub fn rem(a: &Dec, b: &Dec) -> Dec {
    if b.is_zero() {
        return Dec::nan();
    }
    let q = integer_part(&a.div(b));
    a.sub(&b.mul(&q))
}

pub fn abs(x: &Dec) -> Dec {
    x.abs()
}

/// FUNCTION ABS of a numeric item: cobc 3.1.2 returns an item of the argument's own picture, so
/// DISPLAY shows it in that format (S9(5)V99 COMP-3 holding -7.25 gives `+00007.25`).
pub fn abs_field(mem: &[u8], f: crate::mov::Field) -> Vec<u8> {
    let mut out = Vec::new();
    match f {
        crate::mov::Field::Num(n) => {
            let mut scratch = mem[n.offset..n.offset + n.size()].to_vec();
            let mut local = n;
            local.offset = 0;
            let v = local.get(&scratch).abs();
            local.set(&mut scratch, &v);
            crate::fmt::append_num(&scratch, local, &mut out);
        }
        other => crate::fmt::append_intrinsic(&crate::gen::get(mem, other).abs(), &mut out),
    }
    out
}

/// Index of the first maximum (FUNCTION MAX returns that argument).
pub fn max_index(v: &[Dec]) -> usize {
    let mut best = 0;
    for i in 1..v.len() {
        if v[i].cmp_value(&v[best]) == Ordering::Greater {
            best = i;
        }
    }
    best
}

/// Index of the first minimum.
pub fn min_index(v: &[Dec]) -> usize {
    let mut best = 0;
    for i in 1..v.len() {
        if v[i].cmp_value(&v[best]) == Ordering::Less {
            best = i;
        }
    }
    best
}

/// MAX/MIN over alphanumeric arguments.
pub fn max_index_bytes(v: &[&[u8]]) -> usize {
    let mut best = 0;
    for i in 1..v.len() {
        if crate::compare::cmp_bytes(v[i], v[best]) == Ordering::Greater {
            best = i;
        }
    }
    best
}

pub fn min_index_bytes(v: &[&[u8]]) -> usize {
    let mut best = 0;
    for i in 1..v.len() {
        if crate::compare::cmp_bytes(v[i], v[best]) == Ordering::Less {
            best = i;
        }
    }
    best
}

pub fn sum(v: &[Dec]) -> Dec {
    v.iter().fold(Dec::ZERO, |a, b| a.add(b))
}

/// FUNCTION MEAN (sum / count with GnuCOBOL division).
pub fn mean(v: &[Dec]) -> Dec {
    if v.is_empty() {
        return Dec::ZERO;
    }
    sum(v).div(&Dec::int(v.len() as i64)).trim_zeros()
}

/// Indices of `v` in ascending order of value (stable).
fn sorted_indices(v: &[Dec]) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..v.len()).collect();
    idx.sort_by(|&a, &b| v[a].cmp_value(&v[b]));
    idx
}

/// FUNCTION MEDIAN over an odd number of arguments: the index of the middle one (cobc returns
/// that argument itself); None for an even count.
pub fn median_index(v: &[Dec]) -> Option<usize> {
    if v.len() % 2 == 1 {
        Some(sorted_indices(v)[v.len() / 2])
    } else {
        None
    }
}

/// FUNCTION MEDIAN: the middle value, or the mean of the two middle values.
pub fn median(v: &[Dec]) -> Dec {
    if v.is_empty() {
        return Dec::ZERO;
    }
    let idx = sorted_indices(v);
    let n = v.len();
    if n % 2 == 1 {
        v[idx[n / 2]].clone()
    } else {
        v[idx[n / 2 - 1]]
            .add(&v[idx[n / 2]])
            .div(&Dec::int(2))
            .trim_zeros()
    }
}

/// FUNCTION RANGE: maximum minus minimum.
pub fn range(v: &[Dec]) -> Dec {
    if v.is_empty() {
        return Dec::ZERO;
    }
    v[max_index(v)].sub(&v[min_index(v)])
}

/// FUNCTION MIDRANGE: the mean of the maximum and the minimum.
pub fn midrange(v: &[Dec]) -> Dec {
    if v.is_empty() {
        return Dec::ZERO;
    }
    v[max_index(v)]
        .add(&v[min_index(v)])
        .div(&Dec::int(2))
        .trim_zeros()
}

/// FUNCTION VARIANCE: the mean of the squared deviations from the mean (population variance).
pub fn variance(v: &[Dec]) -> Dec {
    if v.len() < 2 {
        return Dec::ZERO;
    }
    let m = sum(v).div(&Dec::int(v.len() as i64));
    let squares = v.iter().fold(Dec::ZERO, |acc, x| {
        let d = x.sub(&m);
        acc.add(&d.mul(&d))
    });
    squares.div(&Dec::int(v.len() as i64)).trim_zeros()
}

/// FUNCTION STANDARD-DEVIATION: the square root of the variance.
pub fn standard_deviation(v: &[Dec]) -> Dec {
    sqrt(&variance(v))
}

/// FUNCTION SIGN: -1, 0 or 1.
pub fn sign(x: &Dec) -> Dec {
    Dec::int(x.signum() as i64)
}

/// FUNCTION FRACTION-PART: the argument minus its integer part (same sign).
pub fn fraction_part(x: &Dec) -> Dec {
    x.sub(&integer_part(x)).trim_zeros()
}

/// FUNCTION PI and FUNCTION E, with the 96 significant digits cobc 3.1.2 gives them.
pub fn pi() -> Dec {
    Dec::parse("3.14159265358979323846264338327950288419716939937510582097494459230781640628620899862803482534212")
}
pub fn e() -> Dec {
    Dec::parse("2.71828182845904523536028747135266249775724709369995957496696762772407663035354759457138217852517")
}

/// FUNCTION NUMVAL-F: a number in floating-point form (`1.5E+2`), else as NUMVAL.
pub fn numval_f(s: &[u8]) -> Dec {
    let text = String::from_utf8_lossy(s);
    let t = text.trim();
    let upper = t.to_ascii_uppercase();
    match upper.split_once('E') {
        Some((m, e)) => {
            let mant = numval(m.trim().as_bytes());
            let exp: i64 = e.trim().replace(' ', "").parse().unwrap_or(0);
            let mut v = mant;
            if exp >= 0 {
                for _ in 0..exp {
                    v = v.mul(&Dec::int(10));
                }
            } else {
                v = v.mul(&Dec::new(1, (-exp) as u32));
            }
            v.trim_zeros()
        }
        None => numval(t.as_bytes()),
    }
}

/// FUNCTION SUBSTITUTE(text, from, to, ...): every occurrence of each `from` replaced by its `to`,
/// left to right, the result as long as it comes out.
pub fn substitute(text: &[u8], pairs: &[(&[u8], &[u8])]) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    let mut i = 0;
    'scan: while i < text.len() {
        for (from, to) in pairs {
            if !from.is_empty() && text[i..].starts_with(from) {
                out.extend_from_slice(to);
                i += from.len();
                continue 'scan;
            }
        }
        out.push(text[i]);
        i += 1;
    }
    out
}

/// The current year, from the run's date (COB_CURRENT_DATE honoured).
fn current_year() -> i64 {
    let d = current_date();
    std::str::from_utf8(&d[..4])
        .ok()
        .and_then(|y| y.parse().ok())
        .unwrap_or(2000)
}

/// FUNCTION YEAR-TO-YYYY(yy [window [year]]): the year ending in `yy` within the 100 years up to
/// `year + window` (window 50, year the current one by default).
pub fn year_to_yyyy(yy: &Dec, window: Option<&Dec>, year: Option<&Dec>) -> Dec {
    let y = yy.to_i64();
    let w = window.map_or(50, |w| w.to_i64());
    let cur = year.map_or_else(current_year, |c| c.to_i64());
    let max = cur + w;
    let century = max - max.rem_euclid(100);
    let mut r = century + y;
    if r > max {
        r -= 100;
    }
    Dec::int(r)
}

/// FUNCTION DATE-TO-YYYYMMDD(yymmdd [window [year]]).
pub fn date_to_yyyymmdd(d: &Dec, window: Option<&Dec>, year: Option<&Dec>) -> Dec {
    let v = d.to_i64();
    let yyyy = year_to_yyyy(&Dec::int(v / 10000), window, year).to_i64();
    Dec::int(yyyy * 10000 + v % 10000)
}

/// FUNCTION DAY-TO-YYYYDDD(yyddd [window [year]]).
pub fn day_to_yyyyddd(d: &Dec, window: Option<&Dec>, year: Option<&Dec>) -> Dec {
    let v = d.to_i64();
    let yyyy = year_to_yyyy(&Dec::int(v / 1000), window, year).to_i64();
    Dec::int(yyyy * 1000 + v % 1000)
}

/// FUNCTION ANNUITY(rate, periods): `rate / (1 - (1 + rate) ** -periods)`, or `1 / periods` for
/// a zero rate, with cobc's division (38 extra decimal places, truncated); 0 for a negative rate.
pub fn annuity(rate: &Dec, periods: &Dec) -> Dec {
    // cobc 3.1.2 gives 0 for a negative rate (ANNUITY(-0.5 3)).
    if rate.signum() < 0 {
        return Dec::ZERO;
    }
    if rate.is_zero() {
        return Dec::ONE.div(periods).trim_zeros();
    }
    let growth = Dec::ONE.add(rate).pow(&periods.neg());
    rate.div(&Dec::ONE.sub(&growth)).trim_zeros()
}

/// FUNCTION PRESENT-VALUE(rate, amount...): the sum of `amount_i / (1 + rate) ** i`.
pub fn present_value(rate: &Dec, amounts: &[Dec]) -> Dec {
    let base = Dec::ONE.add(rate);
    let mut total = Dec::ZERO;
    for (i, a) in amounts.iter().enumerate() {
        total = total.add(&a.div(&base.pow(&Dec::int(i as i64 + 1))));
    }
    total.trim_zeros()
}

/// FUNCTION ORD: 1-based position in the (native) collating sequence.
pub fn ord(s: &[u8]) -> Dec {
    Dec::int(s.first().map(|&b| b as i64 + 1).unwrap_or(1))
}

/// FUNCTION CHAR(n): the n-th character (1-based).
pub fn char_(n: &Dec) -> Vec<u8> {
    let k = n.trunc_i128().unwrap_or(1);
    vec![((k - 1).clamp(0, 255)) as u8]
}

fn days_1601() -> i64 {
    days_from_civil(1601, 1, 1)
}

/// FUNCTION INTEGER-OF-DATE(yyyymmdd): days since 1600-12-31; 0 if invalid.
pub fn integer_of_date(yyyymmdd: &Dec) -> Dec {
    let v = yyyymmdd.trunc_i128().unwrap_or(0);
    let (y, m, d) = ((v / 10000) as i64, (v / 100 % 100) as u32, (v % 100) as u32);
    if !(1601..=9999).contains(&y)
        || !(1..=12).contains(&m)
        || d == 0
        || d > crate::datetime::days_in_month(y, m)
    {
        return Dec::ZERO;
    }
    Dec::int(days_from_civil(y, m, d) - days_1601() + 1)
}

/// FUNCTION INTEGER-OF-DAY(yyyyddd).
pub fn integer_of_day(yyyyddd: &Dec) -> Dec {
    let v = yyyyddd.trunc_i128().unwrap_or(0) as i64;
    let (y, d) = (v / 1000, v % 1000);
    let max = if is_leap(y) { 366 } else { 365 };
    if !(1601..=9999).contains(&y) || d < 1 || d > max {
        return Dec::ZERO;
    }
    Dec::int(days_from_civil(y, 1, 1) - days_1601() + d)
}

/// FUNCTION DATE-OF-INTEGER(n): yyyymmdd (DISPLAY as 8 digits); 0 if out of range.
pub fn date_of_integer(n: &Dec) -> Dec {
    let k = n.trunc_i128().unwrap_or(0) as i64;
    if !(1..=3_067_671).contains(&k) {
        return Dec::ZERO;
    }
    let (y, m, d) = civil_from_days(days_1601() + k - 1);
    Dec::int(y * 10000 + m as i64 * 100 + d as i64)
}

/// FUNCTION DAY-OF-INTEGER(n): yyyyddd (DISPLAY as 7 digits).
pub fn day_of_integer(n: &Dec) -> Dec {
    let k = n.trunc_i128().unwrap_or(0) as i64;
    if !(1..=3_067_671).contains(&k) {
        return Dec::ZERO;
    }
    let days = days_1601() + k - 1;
    let (y, _, _) = civil_from_days(days);
    Dec::int(y * 1000 + days - days_from_civil(y, 1, 1) + 1)
}

/// FUNCTION CURRENT-DATE (21 characters, honours COB_CURRENT_DATE).
pub fn current_date() -> Vec<u8> {
    crate::datetime::now().current_date21().into_bytes()
}

/// FUNCTION SQRT: 96 significant digits, truncated, trailing zeros removed (cobc).
pub fn sqrt(x: &Dec) -> Dec {
    if x.is_nan() || x.signum() < 0 {
        return Dec::nan();
    }
    if x.is_zero() {
        return Dec::ZERO;
    }
    // isqrt(m * 10^(2k - s)) / 10^k with enough k for 96 significant digits
    let s = x.scale();
    let k = 100u32;
    let scaled = x.upscale(2 * k + (s % 2)); // make total scale even
    let total_scale = scaled.scale();
    let m = crate::big::BigUint::parse_digits(scaled.digits_string().as_bytes());
    let r = isqrt(&m);
    let r = Dec::parse(&r.to_decimal()).mul(&Dec::new(1, total_scale / 2));
    // cobc rounds the 96th significant digit (SQRT(4.8725) ends ...882504, the exact root
    // ...88250384...).
    round_sig_half_up(&r, 96)
}

fn isqrt(n: &crate::big::BigUint) -> crate::big::BigUint {
    use crate::big::BigUint;
    if n.is_zero() {
        return BigUint::zero();
    }
    // Newton from an over-estimate
    let digits = n.to_decimal().len() as u32;
    let mut x = BigUint::pow10(digits / 2 + 1);
    loop {
        let (q, _) = n.divrem(&x);
        let (y, _) = x.add(&q).divrem_small(2);
        if y.cmp_mag(&x) != Ordering::Less {
            return x;
        }
        x = y;
    }
}

fn round_sig_half_up(d: &Dec, sig: u32) -> Dec {
    let digits = d.digits_string().trim_start_matches('0').len() as i64;
    let int_digits = digits - d.scale() as i64;
    let keep = sig as i64 - int_digits;
    if keep >= d.scale() as i64 {
        return d.trim_zeros();
    }
    d.round_to(keep as i32, Round::NearestAwayFromZero)
        .trim_zeros()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Dec {
        Dec::parse(s)
    }

    #[test]
    fn like_cobc() {
        assert_eq!(trim(b"  Hello  ", Trim::Both), b"Hello");
        assert_eq!(trim(b"  Hello  ", Trim::Leading), b"Hello  ");
        assert_eq!(trim(b"  Hello  ", Trim::Trailing), b"  Hello");
        assert_eq!(trim(b"     ", Trim::Both), b"");
        assert_eq!(reverse(b"  Hello   "), b"   olleH  ");
        assert_eq!(upper_case(b"  Hello"), b"  HELLO");
        for (s, v) in [
            (" -12.50 ", "-12.5"),
            ("3", "3"),
            ("1.5-", "-1.5"),
            ("+ 1.5", "1.5"),
            (".5", "0.5"),
            ("abc", "0"),
            ("-1.5CR", "0"),
            ("  1 2 ", "0"),
            ("1.5CR", "1.5"),
            ("1.5 DB", "1.5"),
            ("1.5CR ", "-1.5"),
            ("12CR                ", "-12"),
            ("12cr ", "0"),
            ("-0", "0"),
        ] {
            assert_eq!(numval(s.as_bytes()), d(v), "NUMVAL({s})");
        }
        assert_eq!(numval_c(b"$1,234.56-", b"$"), d("-1234.56"));
        assert_eq!(integer(&d("-12.75")), d("-13"));
        assert_eq!(integer(&d("-1.5")), d("-2"));
        assert_eq!(integer_part(&d("-12.75")), d("-12"));
        assert_eq!(mod_(&d("17"), &d("-5")), d("-3"));
        assert_eq!(rem(&d("17"), &d("-5")), d("2"));
        assert_eq!(mod_(&d("-17"), &d("5")), d("3"));
        assert_eq!(rem(&d("-17"), &d("5")), d("-2"));
        assert_eq!(mod_(&d("7.5"), &d("2")), d("1.5"));
        assert_eq!(rem(&d("7.5"), &d("2")), d("1.5"));
        assert_eq!(max_index(&[d("17"), d("-5"), d("3")]), 0);
        assert_eq!(min_index(&[d("17"), d("-5"), d("-12.75")]), 2);
        assert_eq!(sum(&[d("17"), d("-5"), d("-12.75")]), d("-0.75"));
        assert_eq!(mean(&[d("1"), d("2")]).to_string(), "1.5");
        assert_eq!(ord(b"A"), d("66"));
        assert_eq!(char_(&d("66")), b"A");
        assert_eq!(integer_of_date(&d("20240229")), d("154557"));
        assert_eq!(date_of_integer(&d("1")), d("16010101"));
        assert_eq!(day_of_integer(&d("155000")), d("2025137"));
        assert_eq!(integer_of_day(&d("2025137")), d("155000"));
        assert_eq!(
            sqrt(&d("2")).to_string(),
            "1.41421356237309504880168872420969807856967187537694807317667973799073247846210703885038753432764"
        );
        assert_eq!(sqrt(&d("16")).to_string(), "4");
    }

    #[test]
    fn test_functions_like_cobc() {
        // (argument in a PIC X(12) item, TEST-NUMVAL, TEST-NUMVAL-C) recorded from cobc 3.1.2
        for (s, a, b) in [
            ("1234.5", 0, 0),
            ("$1,000.00", 1, 0),
            ("abc", 1, 1),
            ("1 2", 3, 3),
            ("-1.5CR", 5, 5),
            ("1,234.5", 2, 0),
            ("", 13, 13),
            ("1.2.3", 4, 4),
            ("$ -5", 1, 0),
            ("-$5", 2, 0),
            ("5$", 2, 2),
            ("12cr", 3, 3),
            ("12C", 4, 4),
            ("+1-", 3, 3),
            ("1 -", 0, 0),
            ("$$1", 1, 0),
            (".+1", 0, 0),
            (" 2CR,B.", 5, 6),
            ("$2DB.", 1, 0),
            ("  CC1B", 3, 3),
            (" ,2", 2, 2),
            ("$$$DB2", 1, 4),
        ] {
            let mut f = s.as_bytes().to_vec();
            f.resize(12, b' ');
            assert_eq!(test_numval(&f), Dec::int(a), "TEST-NUMVAL({s})");
            assert_eq!(test_numval_c(&f, b"$"), Dec::int(b), "TEST-NUMVAL-C({s})");
        }
        assert_eq!(test_numval_c(b"EUR5", b"EUR"), Dec::int(2));
        for (v, r) in [
            (20240229, 0),
            (20230229, 3),
            (16001231, 1),
            (20231301, 2),
            (20230100, 3),
            (99991231, 0),
            (100000101, 1),
            (0, 1),
            (20230000, 2),
            (-20240101, 1),
            (20230431, 3),
        ] {
            assert_eq!(test_date_yyyymmdd(&Dec::int(v)), Dec::int(r), "{v}");
        }
        assert_eq!(factorial(&d("10")), d("3628800"));
        let p3 = crate::num::NumField::packed(2, 7, 2, true);
        let mut mem = vec![0u8; 6];
        p3.set(&mut mem, &d("-7.25"));
        assert_eq!(abs_field(&mem, p3.into()), b"+00007.25");
        assert_eq!(factorial(&d("0")), d("1"));
        assert_eq!(factorial(&d("-1")), d("0"));
        assert_eq!(factorial(&d("2.5")), d("2"));
        assert_eq!(factorial(&d("25")), d("15511210043330985984000000"));
    }
}

/// glibc's `rand()` (the TYPE_3 additive feedback generator, `srand`/`rand` of the C library libcob
/// calls), so that FUNCTION RANDOM gives cobc's numbers on any platform.
struct GlibcRand {
    r: [i32; 34],
    f: usize,
    b: usize,
}

impl GlibcRand {
    fn seeded(seed: u32) -> GlibcRand {
        let mut st = [0i32; 34];
        let mut word: i64 = if seed == 0 { 1 } else { seed as i32 as i64 };
        st[0] = word as i32;
        for slot in st.iter_mut().take(31).skip(1) {
            // state[i] = (16807 * state[i - 1]) % 2147483647, computed as glibc does
            let hi = word / 127773;
            let lo = word % 127773;
            word = 16807 * lo - 2836 * hi;
            if word < 0 {
                word += 2147483647;
            }
            *slot = word as i32;
        }
        let mut g = GlibcRand { r: st, f: 3, b: 0 };
        for _ in 0..310 {
            g.next();
        }
        g
    }

    fn next(&mut self) -> i32 {
        let v = (self.r[self.f] as u32).wrapping_add(self.r[self.b] as u32);
        self.r[self.f] = v as i32;
        self.f = (self.f + 1) % 31;
        self.b = (self.b + 1) % 31;
        (v >> 1) as i32
    }
}

thread_local! {
    static RANDOM: std::cell::RefCell<Option<GlibcRand>> = const { std::cell::RefCell::new(None) };
}

/// FUNCTION RANDOM [(seed)]: libcob seeds the C library's generator with the seed's integer value
/// (its low 32 bits; a negative one counts as 0, which glibc takes as 1), and returns `rand()`
/// divided by RAND_MAX. Without a seed the sequence goes on (from seed 1 at the start of the run).
/// Checked against cobc 3.1.2: RANDOM(7) = 0.4869041393915676, then RANDOM = 0.8679774123560532;
/// RANDOM at the start = 0.8401877171547095, RANDOM(0) and RANDOM(-5) the same.
pub fn random(seed: Option<&Dec>) -> crate::gen::Val {
    let x = RANDOM.with(|g| {
        let mut g = g.borrow_mut();
        if let Some(s) = seed {
            let n = s.trunc_i128().unwrap_or(0);
            let n = n as i64 as i32;
            *g = Some(GlibcRand::seeded(n.max(0) as u32));
        }
        g.get_or_insert_with(|| GlibcRand::seeded(1)).next()
    });
    crate::gen::Val::Float(x as f64 / 2147483647.0)
}

#[cfg(test)]
mod random_tests {
    use super::*;

    fn f(v: crate::gen::Val) -> f64 {
        match v {
            crate::gen::Val::Float(x) => x,
            other => panic!("{other:?}"),
        }
    }

    /// The numbers cobc 3.1.2 gives (and glibc's rand()).
    #[test]
    fn like_cobc() {
        assert_eq!(f(random(None)), 1804289383.0 / 2147483647.0);
        assert_eq!(f(random(None)), 846930886.0 / 2147483647.0);
        assert_eq!(
            crate::fmt::fmt_g(f(random(Some(&Dec::int(7)))), 16),
            "0.4869041393915676"
        );
        assert_eq!(f(random(None)), 0.8679774123560532);
        assert_eq!(f(random(Some(&Dec::int(-5)))), 1804289383.0 / 2147483647.0);
        assert_eq!(
            f(random(Some(&Dec::int(4294967297)))),
            1804289383.0 / 2147483647.0
        );
    }
}
