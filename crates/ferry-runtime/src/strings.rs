//! STRING and UNSTRING.
//!
//! Checked with cobc 3.1.2 (experiment s1):
//! * STRING "AB" DELIMITED BY SIZE "CD EF" DELIMITED BY " " "XYZ" DELIMITED BY "Z"
//!   INTO T (X(12) all '.') WITH POINTER P (3) -> "..ABCDXY....", P = 9. Only the
//!   characters transferred change. POINTER 10 with "ABCDEFG" -> "...ABC" at 10-12,
//!   ON OVERFLOW, P = 13.
//! * UNSTRING "AB,CD,,EF  GH" DELIMITED BY "," OR ALL " " INTO U1 DELIMITER D1 COUNT C1
//!   U2 DELIMITER D2 COUNT C2 U3 U4(9(3)) POINTER P TALLYING TL(5): "AB" "," 2, "CD" ","
//!   2, "" (spaces), U4 gets "EF" (-> 000), P = 12, TL = 9, ON OVERFLOW (data remains).
//! * Without DELIMITED BY each receiver takes as many characters as its size:
//!   "ABCDEFGHIJ" INTO X(4) X(4) -> "ABCD" "EFGH" and overflow.

use crate::mov::{self, Field};
use crate::num::NumField;

/// A STRING sending operand's delimiter.
#[derive(Clone, Copy, Debug)]
pub enum Delim<'a> {
    Size,
    Bytes(&'a [u8]),
}

/// STRING parts INTO dst [WITH POINTER ptr]. `parts` are the sending bytes (copy field
/// bytes first: `&A.bytes(&mem).to_vec()`, or use literals). Returns true on overflow.
pub fn string_into(
    mem: &mut [u8],
    parts: &[(&[u8], Delim)],
    dst: crate::AlnumField,
    ptr: Option<NumField>,
) -> bool {
    let mut p: i64 = match ptr {
        Some(f) => f.get_i64(mem),
        None => 1,
    };
    let len = dst.len as i64;
    if p < 1 || p > len {
        return true;
    }
    let mut overflow = false;
    'outer: for (data, delim) in parts {
        let data: &[u8] = match delim {
            Delim::Size => data,
            Delim::Bytes(d) => match find(data, d) {
                Some(i) => &data[..i],
                None => data,
            },
        };
        for &b in data {
            if p > len {
                overflow = true;
                break 'outer;
            }
            mem[dst.offset + (p - 1) as usize] = b;
            p += 1;
        }
    }
    if let Some(f) = ptr {
        f.set_i64(mem, p);
    }
    overflow
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || needle.len() > hay.len() {
        return None;
    }
    (0..=hay.len() - needle.len()).find(|&i| &hay[i..i + needle.len()] == needle)
}

/// An UNSTRING delimiter: bytes, and whether ALL (consecutive repeats count as one).
#[derive(Clone, Copy, Debug)]
pub struct UDelim<'a> {
    pub bytes: &'a [u8],
    pub all: bool,
}

/// One UNSTRING receiver with its optional DELIMITER IN and COUNT IN items.
#[derive(Clone, Copy, Debug)]
pub struct UTarget {
    pub into: Field,
    pub delimiter_in: Option<Field>,
    pub count_in: Option<NumField>,
}

impl UTarget {
    pub fn new(into: impl Into<Field>) -> UTarget {
        UTarget {
            into: into.into(),
            delimiter_in: None,
            count_in: None,
        }
    }
    pub fn delimiter(mut self, f: impl Into<Field>) -> UTarget {
        self.delimiter_in = Some(f.into());
        self
    }
    pub fn count(mut self, f: NumField) -> UTarget {
        self.count_in = Some(f);
        self
    }
}

/// UNSTRING src DELIMITED BY delims INTO targets [POINTER ptr] [TALLYING tally].
/// `src` is the sending data (copied by the caller). Returns true on overflow.
pub fn unstring(
    mem: &mut [u8],
    src: &[u8],
    delims: &[UDelim],
    targets: &[UTarget],
    ptr: Option<NumField>,
    tally: Option<NumField>,
) -> bool {
    let len = src.len() as i64;
    let mut p: i64 = match ptr {
        Some(f) => f.get_i64(mem),
        None => 1,
    };
    if p < 1 || p > len {
        return true;
    }
    let mut count = 0i64;
    for t in targets {
        if p > len {
            break;
        }
        let start = (p - 1) as usize;
        let (piece, matched): (&[u8], &[u8]) = if delims.is_empty() {
            let n = t.into.size().min(src.len() - start);
            p += n as i64;
            (&src[start..start + n], &[])
        } else {
            let mut found = None;
            'scan: for i in start..src.len() {
                for d in delims {
                    let n = d.bytes.len();
                    if n > 0 && i + n <= src.len() && &src[i..i + n] == d.bytes {
                        found = Some((i, *d));
                        break 'scan;
                    }
                }
            }
            match found {
                Some((i, d)) => {
                    let mut end = i + d.bytes.len();
                    if d.all {
                        while end + d.bytes.len() <= src.len()
                            && &src[end..end + d.bytes.len()] == d.bytes
                        {
                            end += d.bytes.len();
                        }
                    }
                    p = end as i64 + 1;
                    (&src[start..i], d.bytes)
                }
                None => {
                    p = len + 1;
                    (&src[start..], &[])
                }
            }
        };
        mov::move_bytes_alnum(mem, piece, t.into);
        if let Some(d) = t.delimiter_in {
            mov::move_bytes_alnum(mem, matched, d);
        }
        if let Some(c) = t.count_in {
            c.set_i64(mem, piece.len() as i64);
        }
        count += 1;
    }
    if let Some(f) = ptr {
        f.set_i64(mem, p);
    }
    if let Some(f) = tally {
        let v = f.get_i64(mem) + count;
        f.set_i64(mem, v);
    }
    p <= len
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::AlnumField;

    #[test]
    fn string_like_cobc() {
        let t = AlnumField::new(0, 12);
        let p = NumField::display(12, 2, 0, false);
        let mut m = vec![b'.'; 16];
        p.set_i64(&mut m, 3);
        let of = string_into(
            &mut m,
            &[
                (b"AB", Delim::Size),
                (b"CD EF", Delim::Bytes(b" ")),
                (b"XYZ", Delim::Bytes(b"Z")),
            ],
            t,
            Some(p),
        );
        assert!(!of);
        assert_eq!(t.bytes(&m), b"..ABCDXY....");
        assert_eq!(p.get_i64(&m), 9);
        p.set_i64(&mut m, 10);
        assert!(string_into(
            &mut m,
            &[(b"ABCDEFG", Delim::Size)],
            t,
            Some(p)
        ));
        assert_eq!(t.bytes(&m), b"..ABCDXY.ABC");
        assert_eq!(p.get_i64(&m), 13);
    }

    #[test]
    fn unstring_like_cobc() {
        let u1 = AlnumField::new(0, 4);
        let u2 = AlnumField::new(4, 4);
        let u3 = AlnumField::new(8, 4);
        let u4 = NumField::display(12, 3, 0, false);
        let d1 = AlnumField::new(15, 2);
        let d2 = AlnumField::new(17, 2);
        let c1 = NumField::display(19, 2, 0, false);
        let c2 = NumField::display(21, 2, 0, false);
        let p = NumField::display(23, 2, 0, false);
        let tl = NumField::display(25, 2, 0, false);
        let mut m = vec![b' '; 32];
        p.set_i64(&mut m, 1);
        tl.set_i64(&mut m, 5);
        let mut src = b"AB,CD,,EF  GH".to_vec();
        src.resize(20, b' ');
        let of = unstring(
            &mut m,
            &src,
            &[
                UDelim {
                    bytes: b",",
                    all: false,
                },
                UDelim {
                    bytes: b" ",
                    all: true,
                },
            ],
            &[
                UTarget::new(u1).delimiter(d1).count(c1),
                UTarget::new(u2).delimiter(d2).count(c2),
                UTarget::new(u3),
                UTarget::new(u4),
            ],
            Some(p),
            Some(tl),
        );
        assert!(of);
        assert_eq!(&m[0..12], b"AB  CD      ");
        assert_eq!(u4.bytes(&m), b"000");
        assert_eq!((d1.bytes(&m), d2.bytes(&m)), (&b", "[..], &b", "[..]));
        assert_eq!(
            (
                c1.get_i64(&m),
                c2.get_i64(&m),
                p.get_i64(&m),
                tl.get_i64(&m)
            ),
            (2, 2, 12, 9)
        );
        // "12,345,6789" INTO X(4) 9(3) X(4) -> "12  " 345 "6789", P 21, no overflow
        let mut src = b"12,345,6789".to_vec();
        src.resize(20, b' ');
        p.set_i64(&mut m, 1);
        let of = unstring(
            &mut m,
            &src,
            &[UDelim {
                bytes: b",",
                all: false,
            }],
            &[UTarget::new(u1), UTarget::new(u4), UTarget::new(u2)],
            Some(p),
            None,
        );
        assert!(!of);
        assert_eq!(
            (u1.bytes(&m), u4.bytes(&m), u2.bytes(&m), p.get_i64(&m)),
            (&b"12  "[..], &b"345"[..], &b"6789"[..], 21)
        );
        let of = unstring(
            &mut m,
            b"ABCDEFGHIJ",
            &[],
            &[UTarget::new(u1), UTarget::new(u2)],
            None,
            None,
        );
        assert!(of);
        assert_eq!(&m[0..8], b"ABCDEFGH");
    }
}
