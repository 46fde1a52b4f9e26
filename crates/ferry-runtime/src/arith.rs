//! Statement-level arithmetic helpers (what ADD/SUBTRACT/MULTIPLY/DIVIDE/COMPUTE need
//! beyond `Dec` operations and `NumField::store`).
//!
//! cobc 3.1.2 facts (experiments a1-a4):
//! * Each receiving item is stored independently; ON SIZE ERROR runs once if any item
//!   overflowed, and only the overflowing items keep their old value:
//!   `ADD 5 TO D DS ON SIZE ERROR` with D PIC 9(3) = 999, DS = 5 gives D 999, DS 10.
//! * Without ON SIZE ERROR the value is stored high-order truncated (999 + 2 -> 001),
//!   including when ROUNDED carries into a new digit (999.5 ROUNDED -> 000).
//! * Division by zero never changes the target (with or without ON SIZE ERROR).
//! * `ADD a b TO c GIVING d` adds a + b + c; `ADD a b GIVING d e` stores a + b in both.
//! * DIVIDE ... REMAINDER: the remainder is dividend - (quotient truncated to the
//!   quotient item's decimal places) * divisor, even when the quotient is ROUNDED:
//!   17.5 / 5 GIVING Q ROUNDED REMAINDER R (Q S9(3), R S9(3)V9) gives Q 4, R 2.5;
//!   -17 / 5 gives Q -3, R -2. With ON SIZE ERROR an overflowing quotient is left
//!   unchanged but the remainder is still stored: -729654636 / 7006.68 GIVING
//!   S9(4)V9(6) REMAINDER S9(5)V9(5) COMP runs the handler, Q stays 0, R = -0.00620.

use crate::dec::{Dec, Round};
use crate::num::NumField;

/// DIVIDE dividend BY divisor GIVING quot [ROUNDED] REMAINDER rem.
/// Returns true on a size error.
pub fn divide_remainder(
    mem: &mut [u8],
    dividend: &Dec,
    divisor: &Dec,
    quot: NumField,
    round: Round,
    rem: NumField,
    on_size_error: bool,
) -> bool {
    let q = dividend.div(divisor);
    if q.is_nan() {
        return true;
    }
    let se_q = quot.store(mem, &q, round, on_size_error);
    let tq = q.round_to(quot.scale, Round::Truncate);
    let r = dividend.sub(&tq.mul(divisor));
    let se_r = rem.store(mem, &r, Round::Truncate, on_size_error);
    se_q || se_r
}

/// Store one value into several receiving items (ADD ... GIVING a b, COMPUTE a b = ...),
/// each with its own rounding. Returns true if any had a size error.
pub fn store_all(
    mem: &mut [u8],
    v: &Dec,
    targets: &[(NumField, Round)],
    on_size_error: bool,
) -> bool {
    let mut se = false;
    for (f, r) in targets {
        se |= f.store(mem, v, *r, on_size_error);
    }
    se
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(m: &[u8], f: NumField) -> String {
        let mut o = Vec::new();
        crate::fmt::append_num(m, f, &mut o);
        String::from_utf8(o).unwrap()
    }

    #[test]
    fn divide_remainder_like_cobc() {
        let q = NumField::display(0, 3, 0, true);
        let r = NumField::display(3, 4, 1, true);
        let mut m = vec![b'0'; 8];
        let d = Dec::parse;
        let run = |a: &str, b: &str, rd: Round, se: bool, m: &mut Vec<u8>| {
            let e = divide_remainder(m, &d(a), &d(b), q, rd, r, se);
            (show(m, q), show(m, r), e)
        };
        assert_eq!(
            run("17", "5", Round::Truncate, false, &mut m),
            ("+003".into(), "+002.0".into(), false)
        );
        assert_eq!(
            run("-17", "5", Round::Truncate, false, &mut m),
            ("-003".into(), "-002.0".into(), false)
        );
        assert_eq!(
            run("17", "5", Round::ROUNDED, false, &mut m),
            ("+003".into(), "+002.0".into(), false)
        );
        assert_eq!(
            run("17.5", "5", Round::Truncate, false, &mut m),
            ("+003".into(), "+002.5".into(), false)
        );
        assert_eq!(
            run("17.5", "5", Round::ROUNDED, false, &mut m),
            ("+004".into(), "+002.5".into(), false)
        );
        assert_eq!(
            run("17.9", "5", Round::ROUNDED, false, &mut m),
            ("+004".into(), "+002.9".into(), false)
        );
        assert_eq!(
            run("1000", "0.5", Round::Truncate, false, &mut m),
            ("+000".into(), "+000.0".into(), true)
        );
        // with ON SIZE ERROR the quotient is unchanged, the remainder still stored
        run("17", "5", Round::Truncate, false, &mut m);
        assert_eq!(
            run("1000", "0.5", Round::Truncate, true, &mut m),
            ("+003".into(), "+000.0".into(), true)
        );
        assert_eq!(
            run("7", "0", Round::Truncate, false, &mut m),
            ("+003".into(), "+000.0".into(), true)
        );
    }

    #[test]
    fn multiple_targets() {
        // ADD 5 TO D DS ON SIZE ERROR (D 9(3)=999, DS S9(3)=5) -> D 999, DS +010, handler
        let dd = NumField::display(0, 3, 0, false);
        let ds = NumField::display(3, 3, 0, true);
        let mut m = vec![b'0'; 6];
        dd.set(&mut m, &Dec::int(999));
        ds.set(&mut m, &Dec::int(5));
        let mut se = false;
        for f in [dd, ds] {
            let v = f.get(&m).add(&Dec::int(5));
            se |= f.store(&mut m, &v, Round::Truncate, true);
        }
        assert!(se);
        assert_eq!((show(&m, dd), show(&m, ds)), ("999".into(), "+010".into()));
    }
}
