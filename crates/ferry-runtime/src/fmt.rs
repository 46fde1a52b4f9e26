//! The bytes DISPLAY prints for each kind of item (cobc 3.1.2, pretty-display: yes).
//!
//! * DISPLAY / COMP-3 / COMP numeric: sign ('+'/'-') first if signed, all PICTURE digits
//!   with leading zeros, '.' before the decimal places: S9(3)V99 -12.34 -> "-012.34",
//!   9(3)V99 -> "012.34", S9(4) COMP -12 -> "-0012", S9(18) COMP 123 -> "+000...0123".
//! * SIGN SEPARATE items show the sign where it is stored: "-005", "005+", "012.5-".
//! * COMP-5: the raw integer with 3/5/10/20 digits for 1/2/4/8 bytes and NO decimal
//!   point: S99V99 COMP-5 holding 1.5 -> "+00150", PIC 9(2) COMP-5 12 -> "012".
//! * COMP-1/COMP-2: like C's %.8G / %.16G ("1.5", "-2.25", "1E+20").
//! * PP99 0.0012 -> ".0012"; 9(3)PP 12300 -> "12300".
//! * Alphanumeric, edited and group items: their bytes.

use crate::alnum::Fig;
use crate::mov::Field;
use crate::num::{native_display_digits, NumField, SignMode, Usage};

/// The decimal point DISPLAY prints: ',' under DECIMAL-POINT IS COMMA (cobc 3.1.2:
/// S9(5)V99 -12.5 -> "-00012,50", FUNCTION NUMVAL("12,5") -> "00000012,5"; COMP-1/COMP-2
/// keep '.': "2.25").
fn point() -> u8 {
    if crate::mov::decimal_point_comma() {
        b','
    } else {
        b'.'
    }
}

/// Append what DISPLAY prints for a numeric item.
pub fn append_num(mem: &[u8], f: NumField, out: &mut Vec<u8>) {
    match f.usage {
        Usage::Float => {
            let b = f.bytes(mem);
            let v = f32::from_ne_bytes([b[0], b[1], b[2], b[3]]) as f64;
            out.extend_from_slice(fmt_g(v, 8).as_bytes());
        }
        Usage::Double => {
            let mut a = [0u8; 8];
            a.copy_from_slice(f.bytes(mem));
            out.extend_from_slice(fmt_g(f64::from_ne_bytes(a), 16).as_bytes());
        }
        Usage::NativeBinary | Usage::BinaryIbm => {
            let (neg, v) = f.raw_int(mem);
            if f.signed {
                out.push(if neg && v != 0 { b'-' } else { b'+' });
            }
            let n = native_display_digits(f.size()) as usize;
            push_padded(out, v, n);
        }
        Usage::Display if f.scale >= 0 && f.scale as u32 <= f.digits => {
            // cobc prints the stored digit characters (spaces or letters included:
            // a PIC 9(3) holding spaces DISPLAYs as "   ", "1A3" as "1A3")
            let (neg, _) = f.raw_int(mem);
            let mut d = Vec::with_capacity(f.digits as usize);
            f.display_digit_bytes(mem, &mut d);
            let sign = if neg { b'-' } else { b'+' };
            let trailing_sep = f.signed && f.sign == SignMode::TrailingSeparate;
            if f.signed && !trailing_sep {
                out.push(sign);
            }
            let ip = (f.digits as i32 - f.scale) as usize;
            out.extend_from_slice(&d[..ip]);
            if f.scale > 0 {
                out.push(point());
                out.extend_from_slice(&d[ip..]);
            }
            if trailing_sep {
                out.push(sign);
            }
        }
        _ => {
            let (neg, v) = f.raw_int(mem);
            let neg = neg && v != 0;
            let sign = if neg { b'-' } else { b'+' };
            let trailing_sep =
                f.signed && f.sign == SignMode::TrailingSeparate && f.usage == Usage::Display;
            if f.signed && !trailing_sep {
                out.push(sign);
            }
            let digits = f.digits as usize;
            if f.scale <= 0 {
                push_padded(out, v, digits);
                for _ in 0..(-f.scale) {
                    out.push(b'0');
                }
            } else if f.scale as usize >= digits {
                out.push(point());
                for _ in digits..f.scale as usize {
                    out.push(b'0');
                }
                push_padded(out, v, digits);
            } else {
                let mut tmp = Vec::with_capacity(digits);
                push_padded(&mut tmp, v, digits);
                let ip = digits - f.scale as usize;
                out.extend_from_slice(&tmp[..ip]);
                out.push(point());
                out.extend_from_slice(&tmp[ip..]);
            }
            if trailing_sep {
                out.push(sign);
            }
        }
    }
}

/// Append what DISPLAY prints for a numeric item under pretty-display: no (`-std=ibm`,
/// measured with cobc 3.1.2): no decimal point; binary items (COMP, COMP-5) show the digits of
/// their storage capacity with a leading sign; DISPLAY and COMP-3 items show their PICTURE digits
/// as MOVE puts them into an item with a separate sign, trailing for a DISPLAY item whose sign is
/// trailing and leading otherwise (S9(3)V9 -7.5 -> "0075-", S9(3)V9 COMP-3 4.5 -> "+0045",
/// 9(4) holding "12 4" -> "1204"); COMP-1/COMP-2 as with pretty-display.
pub fn append_num_plain(mem: &[u8], f: NumField, out: &mut Vec<u8>) {
    match f.usage {
        Usage::Float | Usage::Double | Usage::NativeBinary | Usage::BinaryIbm => {
            append_num(mem, f, out)
        }
        Usage::Binary => {
            let (neg, v) = f.raw_int(mem);
            if f.signed {
                out.push(if neg && v != 0 { b'-' } else { b'+' });
            }
            push_padded(out, v, native_display_digits(f.size()) as usize);
        }
        Usage::Display if f.scale >= 0 && f.scale as u32 <= f.digits => {
            // the stored digit characters, a space as '0' (cobc: "1 3 " -> "1030", "1A3:" as
            // it is), the sign separate where the item has it
            let (neg, _) = f.raw_int(mem);
            let sign = if neg { b'-' } else { b'+' };
            let trailing = matches!(
                f.sign,
                SignMode::TrailingOverpunch | SignMode::TrailingSeparate
            );
            if f.signed && !trailing {
                out.push(sign);
            }
            let start = out.len();
            f.display_digit_bytes(mem, out);
            for c in &mut out[start..] {
                if *c == b' ' {
                    *c = b'0';
                }
            }
            if f.signed && trailing {
                out.push(sign);
            }
        }
        Usage::Display | Usage::Packed => {
            let n = f.size();
            let mut scratch = [0u8; 128];
            let mut heap;
            let buf: &mut [u8] = if 2 * n + 2 <= scratch.len() {
                &mut scratch
            } else {
                heap = vec![0u8; 2 * n + 2];
                &mut heap
            };
            buf[..n].copy_from_slice(f.bytes(mem));
            let src = NumField { offset: 0, ..f };
            let mut temp = NumField::display(n, f.digits, f.scale, f.signed);
            if f.signed {
                let trailing = f.usage == Usage::Display
                    && matches!(
                        f.sign,
                        SignMode::TrailingOverpunch | SignMode::TrailingSeparate
                    );
                temp = temp.with_sign(if trailing {
                    SignMode::TrailingSeparate
                } else {
                    SignMode::LeadingSeparate
                });
            }
            crate::mov::move_field(buf, Field::Num(src), Field::Num(temp));
            out.extend_from_slice(temp.bytes(buf));
        }
    }
}

/// Append what DISPLAY prints for any item under pretty-display: no (see [`append_num_plain`]).
pub fn append_field_plain(mem: &[u8], f: Field, out: &mut Vec<u8>) {
    match f {
        Field::Num(n) => append_num_plain(mem, n, out),
        other => out.extend_from_slice(other.bytes(mem)),
    }
}

fn push_padded(out: &mut Vec<u8>, v: u128, width: usize) {
    let s = v.to_string();
    let sb = s.as_bytes();
    if sb.len() >= width {
        out.extend_from_slice(&sb[sb.len() - width..]);
    } else {
        out.resize(out.len() + width - sb.len(), b'0');
        out.extend_from_slice(sb);
    }
}

/// C printf "%.{prec}G".
pub fn fmt_g(v: f64, prec: usize) -> String {
    if v == 0.0 {
        return "0".into();
    }
    if !v.is_finite() {
        return if v.is_nan() {
            "NAN".into()
        } else if v > 0.0 {
            "INF".into()
        } else {
            "-INF".into()
        };
    }
    let e = format!("{:.*e}", prec - 1, v);
    let (mant, exp) = e.split_once('e').unwrap();
    let exp: i32 = exp.parse().unwrap();
    if exp < -4 || exp >= prec as i32 {
        let m = trim_frac(mant);
        format!("{}E{}{:02}", m, if exp < 0 { '-' } else { '+' }, exp.abs())
    } else {
        let decimals = (prec as i32 - 1 - exp).max(0) as usize;
        trim_frac(&format!("{:.*}", decimals, v)).to_string()
    }
}

fn trim_frac(s: &str) -> &str {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.')
    } else {
        s
    }
}

/// DISPLAY of a numeric intrinsic result (cobc 3.1.2 keeps it in a temporary binary
/// item): up to 9 mantissa digits print as 9 digits, up to 18 as 18, longer ones as they
/// are; '.' before the decimal places; a '-' only when negative.
/// NUMVAL(" -12.50 ") -> "-00000012.5", ORD("A") -> "000000066", SUM(17,-5,-12.75) ->
/// "-0000000.75", SQRT(16) -> "000000004", SQRT(2) -> "1.4142135623730950488...".
pub fn append_intrinsic(v: &crate::dec::Dec, out: &mut Vec<u8>) {
    append_temp(v, false, out)
}

/// [`append_intrinsic`] for a result cobc shows with a `0` before the point when long (SQRT).
pub fn append_intrinsic_lead(v: &crate::dec::Dec, out: &mut Vec<u8>) {
    append_temp(v, true, out)
}

/// A long value below 1 is `.1666...` (cobc's MEAN, VARIANCE, ANNUITY, LOG10, ...) or, with
/// `lead`, `0.7071...` (cobc's SQRT, SIN, ...).
fn append_temp(v: &crate::dec::Dec, lead: bool, out: &mut Vec<u8>) {
    if v.is_nan() {
        out.push(b'0');
        return;
    }
    let digits = v.digits_string();
    let sc = v.scale() as usize;
    let n = digits.len().max(sc + 1);
    if n > 18 {
        let p = point();
        let text = v.to_string();
        let text = if lead {
            text
        } else if let Some(rest) = text.strip_prefix("0.") {
            format!(".{rest}")
        } else if let Some(rest) = text.strip_prefix("-0.") {
            format!("-.{rest}")
        } else {
            text
        };
        out.extend(text.bytes().map(|c| if c == b'.' { p } else { c }));
        return;
    }
    if v.signum() < 0 {
        out.push(b'-');
    }
    let width = if n <= 9 { 9 } else { 18 };
    let mut all = Vec::with_capacity(width);
    all.resize(width - digits.len(), b'0');
    all.extend_from_slice(digits.as_bytes());
    let ip = all.len() - sc;
    out.extend_from_slice(&all[..ip]);
    if sc > 0 {
        out.push(point());
        out.extend_from_slice(&all[ip..]);
    }
}

/// Fixed-width unsigned digits (DATE-OF-INTEGER: 8, DAY-OF-INTEGER: 7).
pub fn append_digits(v: &crate::dec::Dec, width: usize, out: &mut Vec<u8>) {
    let s = v.abs().trunc_i128().unwrap_or(0) as u128;
    push_padded(out, s, width);
}

/// Append what DISPLAY prints for any item.
pub fn append_field(mem: &[u8], f: Field, out: &mut Vec<u8>) {
    match f {
        Field::Num(n) => append_num(mem, n, out),
        other => out.extend_from_slice(other.bytes(mem)),
    }
}

/// DISPLAY of a figurative constant prints it once: ZERO "0", SPACE " ", QUOTE '"',
/// ALL "ab" "ab".
pub fn append_fig(fig: Fig, out: &mut Vec<u8>) {
    out.extend_from_slice(fig.pattern());
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dec::{Dec, Round};

    fn show(f: NumField, v: &str) -> String {
        let mut m = vec![0u8; 32];
        f.set(&mut m, &Dec::parse(v));
        let mut o = Vec::new();
        append_num(&m, f, &mut o);
        String::from_utf8(o).unwrap()
    }

    fn show_plain(f: NumField, v: &str) -> String {
        let mut m = vec![0u8; 32];
        f.set(&mut m, &Dec::parse(v));
        let mut o = Vec::new();
        append_num_plain(&m, f, &mut o);
        String::from_utf8(o).unwrap()
    }

    /// cobc 3.1.2 -std=ibm (pretty-display: no), docs/gnucobol-behaviour.md.
    #[test]
    fn display_formats_ibm() {
        assert_eq!(show_plain(NumField::display(0, 3, 0, false), "7"), "007");
        assert_eq!(
            show_plain(NumField::display(0, 4, 1, true), "-7.5"),
            "0075-"
        );
        assert_eq!(show_plain(NumField::display(0, 3, 0, true), "7"), "007+");
        let lead = NumField::display(0, 4, 1, true).with_sign(SignMode::LeadingOverpunch);
        assert_eq!(show_plain(lead, "-7.5"), "-0075");
        let tsep = NumField::display(0, 4, 1, true).with_sign(SignMode::TrailingSeparate);
        assert_eq!(show_plain(tsep, "-7.5"), "0075-");
        assert_eq!(show_plain(NumField::packed(0, 5, 0, true), "-42"), "-00042");
        assert_eq!(
            show_plain(NumField::packed(0, 6, 2, false), "42.5"),
            "004250"
        );
        assert_eq!(show_plain(NumField::packed(0, 4, 1, true), "4.5"), "+0045");
        assert_eq!(
            show_plain(NumField::binary_ibm(0, 6, 2, true), "-1.25"),
            "-0000000125"
        );
        assert_eq!(
            show_plain(NumField::binary_ibm(0, 1, 0, false), "7"),
            "00007"
        );
        assert_eq!(
            show_plain(NumField::binary_ibm(0, 2, 0, true), "-7"),
            "-00007"
        );
        assert_eq!(
            show_plain(NumField::binary(0, 7, 0, false), "1234567"),
            "0001234567"
        );
        assert_eq!(
            show_plain(NumField::comp5(0, 5, 1, true), "-4.5"),
            "-0000000045"
        );
        // a DISPLAY item holding a space digit prints it as a MOVE gives it
        let m = b"12 4".to_vec();
        let mut o = Vec::new();
        append_num_plain(&m, NumField::display(0, 4, 0, false), &mut o);
        assert_eq!(o, b"1204");
    }

    /// binary-truncate: no (cobc -std=ibm): COMP keeps what its 2-4-8 bytes hold.
    #[test]
    fn binary_ibm_storage() {
        let u4 = NumField::binary_ibm(0, 4, 0, false);
        assert_eq!(u4.size(), 2);
        assert_eq!(NumField::binary_ibm(0, 1, 0, false).size(), 2);
        assert_eq!(NumField::binary_ibm(0, 5, 0, false).size(), 4);
        let mut m = vec![0u8; 8];
        u4.set(&mut m, &Dec::int(12345));
        assert_eq!(u4.get(&m).to_string(), "12345");
        assert_eq!(&m[..2], &[0x30, 0x39]);
        u4.set(&mut m, &Dec::int(70000));
        assert_eq!(u4.get(&m).to_string(), "4464");
        let s4 = NumField::binary_ibm(0, 4, 0, true);
        s4.set(&mut m, &Dec::int(40000));
        assert_eq!(s4.get(&m).to_string(), "-25536");
        u4.set(&mut m, &Dec::int(65535));
        assert!(u4.store(&mut m, &Dec::int(65536), Round::Truncate, true));
        assert_eq!(u4.get(&m).to_string(), "65535");
        assert!(!u4.store(&mut m, &Dec::int(10000), Round::Truncate, true));
        assert_eq!(u4.get(&m).to_string(), "10000");
    }

    #[test]
    fn display_formats() {
        // cobc 3.1.2 DISPLAY of the d1/d2/d3 experiment items
        assert_eq!(show(NumField::display(0, 5, 2, true), "-12.34"), "-012.34");
        assert_eq!(show(NumField::display(0, 5, 2, false), "12.34"), "012.34");
        assert_eq!(show(NumField::packed(0, 5, 2, true), "-12.34"), "-012.34");
        assert_eq!(show(NumField::binary(0, 4, 0, true), "-12"), "-0012");
        assert_eq!(show(NumField::binary(0, 4, 0, false), "12"), "0012");
        assert_eq!(show(NumField::comp5(0, 4, 0, true), "-12"), "-00012");
        assert_eq!(show(NumField::comp5(0, 2, 0, false), "12"), "012");
        assert_eq!(show(NumField::comp5(0, 4, 2, true), "1.5"), "+00150");
        assert_eq!(show(NumField::comp5(0, 8, 2, true), "-1.5"), "-0000000150");
        assert_eq!(
            show(NumField::comp5(0, 18, 0, true), "-1"),
            "-00000000000000000001"
        );
        assert_eq!(show(NumField::comp5(0, 1, 0, true), "1"), "+001");
        assert_eq!(
            show(
                NumField::display(0, 3, 0, true).with_sign(SignMode::LeadingSeparate),
                "-5"
            ),
            "-005"
        );
        assert_eq!(
            show(
                NumField::display(0, 3, 0, true).with_sign(SignMode::TrailingSeparate),
                "5"
            ),
            "005+"
        );
        assert_eq!(
            show(
                NumField::display(0, 4, 1, true).with_sign(SignMode::TrailingSeparate),
                "-12.5"
            ),
            "012.5-"
        );
        assert_eq!(
            show(
                NumField::display(0, 4, 1, true).with_sign(SignMode::LeadingSeparate),
                "12.5"
            ),
            "+012.5"
        );
        assert_eq!(
            show(
                NumField::display(0, 4, 1, true).with_sign(SignMode::LeadingOverpunch),
                "-12.5"
            ),
            "-012.5"
        );
        assert_eq!(show(NumField::display(0, 3, -2, false), "12300"), "12300");
        assert_eq!(show(NumField::display(0, 2, 4, false), "0.0012"), ".0012");
        assert_eq!(
            show(NumField::binary(0, 9, 2, true), "12345.67"),
            "+0012345.67"
        );
        assert_eq!(
            show(NumField::binary(0, 18, 0, true), "123"),
            "+000000000000000123"
        );
        assert_eq!(show(NumField::double(0), "-2.25"), "-2.25");
        assert_eq!(show(NumField::float(0), "1.5"), "1.5");
        assert_eq!(show(NumField::float(0), "0.1"), "0.1");
    }

    #[test]
    fn display_with_decimal_point_comma() {
        // cobc 3.1.2, DECIMAL-POINT IS COMMA: S9(5)V99 -12,5 "-00012,50", 9(3)V9 COMP-3
        // "001,5", S9(3)V99 COMP "+002,25", COMP-2 "2.25", V99 ",25", S99V99 COMP-5
        // "+00150", SIGN TRAILING SEPARATE "001,5-", NUMVAL("12,5") "00000012,5"
        crate::mov::set_decimal_point_comma(true);
        assert_eq!(show(NumField::display(0, 7, 2, true), "-12.5"), "-00012,50");
        assert_eq!(show(NumField::packed(0, 4, 1, false), "1.5"), "001,5");
        assert_eq!(show(NumField::binary(0, 5, 2, true), "2.25"), "+002,25");
        assert_eq!(show(NumField::double(0), "2.25"), "2.25");
        assert_eq!(show(NumField::display(0, 2, 2, false), "0.25"), ",25");
        assert_eq!(show(NumField::comp5(0, 4, 2, true), "1.5"), "+00150");
        assert_eq!(
            show(
                NumField::display(0, 4, 1, true).with_sign(SignMode::TrailingSeparate),
                "-1.5"
            ),
            "001,5-"
        );
        let mut o = Vec::new();
        append_intrinsic(&Dec::parse("12.5"), &mut o);
        assert_eq!(o, b"00000012,5");
        crate::mov::set_decimal_point_comma(false);
        assert_eq!(show(NumField::display(0, 7, 2, true), "-12.5"), "-00012.50");
    }

    #[test]
    fn intrinsic_results() {
        let f = |s: &str| {
            let mut o = Vec::new();
            append_intrinsic(&Dec::parse(s), &mut o);
            String::from_utf8(o).unwrap()
        };
        assert_eq!(f("-12.5"), "-00000012.5");
        assert_eq!(f("3"), "000000003");
        assert_eq!(f("-1234.56"), "-0001234.56");
        assert_eq!(f("-0.75"), "-0000000.75");
        assert_eq!(f("1.5"), "00000001.5");
        assert_eq!(f("154557"), "000154557");
        assert_eq!(
            f("1.41421356237309504880168872"),
            "1.41421356237309504880168872"
        );
        let mut o = Vec::new();
        append_digits(&Dec::int(16010101), 8, &mut o);
        assert_eq!(o, b"16010101");
    }

    #[test]
    fn printf_g() {
        assert_eq!(fmt_g(1e20, 16), "1E+20");
        assert_eq!(fmt_g(123456789.0, 16), "123456789");
        assert_eq!(fmt_g(-0.000123, 16), "-0.000123");
        assert_eq!(fmt_g(0.09999999999999999, 16), "0.09999999999999999");
    }
}
