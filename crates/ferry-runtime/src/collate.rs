//! PROGRAM COLLATING SEQUENCE: the order alphanumeric comparisons (and SORT / MERGE keys) follow.
//!
//! A program whose OBJECT-COMPUTER names an alphabet other than the native one installs a weight
//! table for as long as it runs ([`enter`]); [`crate::compare::cmp_bytes`] and its siblings compare
//! weights instead of bytes while one is installed. As in cobc 3.1.2, a comparison of two literals
//! is not affected (cobc folds it at compile time).

use std::cell::Cell;

/// cobc 3.1.2's EBCDIC collating order: the weight of each byte is its code in the EBCDIC table
/// libcob uses (measured with cobc: for each byte, the number of bytes that compare lower under
/// `ALPHABET x IS EBCDIC`). It differs from code page 037 for `[ ] ^ |` and bytes above 127.
pub static EBCDIC: [u16; 256] = [
    0, 1, 2, 3, 55, 45, 46, 47, 22, 5, 37, 11, 12, 13, 14, 15, 16, 17, 18, 19, 60, 61, 50, 38, 24,
    25, 63, 39, 28, 29, 30, 31, 64, 90, 127, 123, 91, 108, 80, 125, 77, 93, 92, 78, 107, 96, 75,
    97, 240, 241, 242, 243, 244, 245, 246, 247, 248, 249, 122, 94, 76, 126, 110, 111, 124, 193,
    194, 195, 196, 197, 198, 199, 200, 201, 209, 210, 211, 212, 213, 214, 215, 216, 217, 226, 227,
    228, 229, 230, 231, 232, 233, 173, 224, 189, 95, 109, 121, 129, 130, 131, 132, 133, 134, 135,
    136, 137, 145, 146, 147, 148, 149, 150, 151, 152, 153, 162, 163, 164, 165, 166, 167, 168, 169,
    192, 106, 208, 161, 7, 104, 220, 81, 66, 67, 68, 71, 72, 82, 83, 84, 87, 86, 88, 99, 103, 113,
    156, 158, 203, 204, 205, 219, 221, 223, 236, 252, 176, 177, 178, 62, 180, 69, 85, 206, 222, 73,
    105, 154, 155, 171, 159, 186, 184, 183, 170, 138, 139, 182, 181, 98, 79, 100, 101, 102, 32, 33,
    34, 112, 35, 114, 115, 116, 190, 118, 119, 120, 128, 36, 21, 140, 141, 142, 65, 6, 23, 40, 41,
    157, 42, 43, 44, 9, 10, 172, 74, 174, 175, 27, 48, 49, 250, 26, 51, 52, 53, 54, 89, 8, 56, 188,
    57, 160, 191, 202, 58, 254, 59, 4, 207, 218, 20, 225, 143, 70, 117, 253, 235, 238, 237, 144,
    239, 179, 251, 185, 234, 187, 255,
];

thread_local! {
    // Per thread: a run unit is one thread (and tests run side by side).
    static ACTIVE: Cell<Option<&'static [u16; 256]>> = const { Cell::new(None) };
}

/// Set once any collating sequence is installed: programs that never install one pay a relaxed
/// load per comparison, not a thread-local lookup.
static EVER: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// The weight table in force (None: native byte order).
#[inline(always)]
pub fn active() -> Option<&'static [u16; 256]> {
    if !EVER.load(std::sync::atomic::Ordering::Relaxed) {
        return None;
    }
    ACTIVE.with(|a| a.get())
}

/// Restores the previous collating sequence when dropped (a called program's ends with it).
pub struct Guard(Option<&'static [u16; 256]>);

impl Drop for Guard {
    fn drop(&mut self) {
        ACTIVE.with(|a| a.set(self.0));
    }
}

/// Installs `table` (None: native order) while the returned guard lives.
pub fn enter(table: Option<&'static [u16; 256]>) -> Guard {
    if table.is_some() {
        EVER.store(true, std::sync::atomic::Ordering::Relaxed);
    }
    Guard(ACTIVE.with(|a| a.replace(table)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::cmp_bytes;
    use std::cmp::Ordering as O;

    #[test]
    fn ebcdic_order_applies_while_entered() {
        assert_eq!(cmp_bytes(b"a", b"A"), O::Greater);
        {
            let _g = enter(Some(&EBCDIC));
            assert_eq!(cmp_bytes(b"a", b"A"), O::Less);
            assert_eq!(cmp_bytes(b"1", b"A"), O::Greater);
            // padding with spaces, compared by weight too
            assert_eq!(cmp_bytes(b"abc", b"abc  "), O::Equal);
            assert_eq!(cmp_bytes(b"ab", b"ab."), O::Less);
            let _inner = enter(None);
            assert_eq!(cmp_bytes(b"a", b"A"), O::Greater);
        }
        assert_eq!(cmp_bytes(b"a", b"A"), O::Greater);
        let mut seen = EBCDIC.to_vec();
        seen.sort();
        seen.dedup();
        assert_eq!(seen.len(), 256, "a permutation");
    }
}
