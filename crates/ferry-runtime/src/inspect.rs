//! INSPECT TALLYING / REPLACING / CONVERTING, as libcob 3.1.2 does them.
//!
//! Operands are byte slices (copy item bytes first when they live in the same buffer).
//! The clauses are applied one after the other, each over its whole region, and every
//! character a clause counts or replaces is marked: a later clause never counts or replaces a
//! marked character, and comparisons always look at the original data (replacements are
//! written at the end). ALL and FIRST skip a match that touches a marked character; LEADING
//! skips such a match too but stops at the first position that does not match; FIRST applies
//! once. A region (BEFORE / AFTER INITIAL) is narrowed by its phrases in the order they are
//! written: AFTER "B" BEFORE "X" ends at the first X after the first B, while BEFORE "X"
//! AFTER "B" looks for B only before the first X.
//!
//! cobc 3.1.2 (experiments s1, i1, i2) with Q = "AABACADAA ABC" + 7 spaces:
//! TALLYING C1 FOR ALL "A" C2 FOR LEADING "A" -> 7, 0;
//! C1 FOR CHARACTERS BEFORE INITIAL "C" C2 FOR ALL "A" AFTER INITIAL "C" -> 4, 4;
//! C FOR ALL "AA" "A" -> 5;
//! REPLACING ALL "A" BY "x" AFTER INITIAL "B" FIRST "C" BY "y" LEADING "x" BY "z"
//! -> "AABxyxDxx xBC"; CHARACTERS BY "#" BEFORE INITIAL "D" -> "######Dxx xBC";
//! CONVERTING "xyz" TO "XYZ" AFTER INITIAL "D" -> "######DXX XBC".
//! "ABABA" REPLACING ALL "BA" BY "YY" ALL "AB" BY "XX" -> "AYYYY" (clause by clause, not
//! position by position); "AABACADAEAAF" REPLACING FIRST "A" BY "1" LEADING "A" BY "2"
//! ALL "AE" BY "XY" AFTER INITIAL "B" -> "12BACADXYAAF"; "ABAB" TALLYING C1 FOR LEADING "AB"
//! C2 FOR LEADING "A" -> 2, 0; "XAXBAXA" REPLACING ALL "A" BY "Q" AFTER INITIAL "B" BEFORE
//! INITIAL "X" -> "XAXBQXA", with BEFORE INITIAL "X" AFTER INITIAL "B" -> unchanged.

/// What a clause looks for.
#[derive(Clone, Copy, Debug)]
pub enum Pattern<'a> {
    Characters,
    All(&'a [u8]),
    Leading(&'a [u8]),
    First(&'a [u8]),
}

/// BEFORE INITIAL / AFTER INITIAL delimiters of a clause, and which was written first.
#[derive(Clone, Copy, Debug, Default)]
pub struct Region<'a> {
    pub before: Option<&'a [u8]>,
    pub after: Option<&'a [u8]>,
    pub before_first: bool,
}

impl<'a> Region<'a> {
    pub const ALL: Region<'static> = Region {
        before: None,
        after: None,
        before_first: false,
    };
    pub fn before(b: &'a [u8]) -> Region<'a> {
        Region {
            before: Some(b),
            ..Region::ALL
        }
    }
    pub fn after(a: &'a [u8]) -> Region<'a> {
        Region {
            after: Some(a),
            ..Region::ALL
        }
    }
    /// [start, end) of the region in `data`.
    fn bounds(&self, data: &[u8]) -> (usize, usize) {
        let find = |from: usize, to: usize, n: &[u8]| -> Option<usize> {
            if n.is_empty() || to < from + n.len() {
                return None;
            }
            (from..=to - n.len()).find(|&i| &data[i..i + n.len()] == n)
        };
        let after = |(s, e): (usize, usize)| match self.after {
            Some(a) => match find(s, e, a) {
                Some(i) => (i + a.len(), e),
                None => (e, e),
            },
            None => (s, e),
        };
        let before = |(s, e): (usize, usize)| match self.before {
            Some(b) => match find(s, e, b) {
                Some(i) => (s, i),
                None => (s, e),
            },
            None => (s, e),
        };
        let whole = (0, data.len());
        if self.before_first {
            after(before(whole))
        } else {
            before(after(whole))
        }
    }
}

/// Core scan: calls `hit(clause, pos, len)` for every character or substring a clause counts or
/// replaces.
fn scan(data: &[u8], clauses: &[(Pattern, Region)], mut hit: impl FnMut(usize, usize, usize)) {
    let mut marked = vec![false; data.len()];
    for (k, (pat, region)) in clauses.iter().enumerate() {
        let (s, e) = region.bounds(data);
        let p: &[u8] = match pat {
            Pattern::Characters => {
                for i in s..e {
                    if !marked[i] {
                        marked[i] = true;
                        hit(k, i, 1);
                    }
                }
                continue;
            }
            Pattern::All(p) | Pattern::Leading(p) | Pattern::First(p) => p,
        };
        let n = p.len();
        if n == 0 {
            continue;
        }
        let mut i = s;
        while i + n <= e {
            if &data[i..i + n] == p {
                if marked[i..i + n].iter().all(|m| !m) {
                    marked[i..i + n].iter_mut().for_each(|m| *m = true);
                    hit(k, i, n);
                    if let Pattern::First(_) = pat {
                        break;
                    }
                    i += n;
                    continue;
                }
            } else if let Pattern::Leading(_) = pat {
                break;
            }
            i += 1;
        }
    }
}

/// INSPECT ... TALLYING: the count for each clause (add them to the counters).
pub fn tallying(data: &[u8], clauses: &[(Pattern, Region)]) -> Vec<i64> {
    let mut counts = vec![0i64; clauses.len()];
    scan(data, clauses, |k, _, _| counts[k] += 1);
    counts
}

/// INSPECT ... REPLACING: each clause's replacement has the pattern's length
/// (one byte for CHARACTERS).
pub fn replacing(data: &mut [u8], clauses: &[(Pattern, &[u8], Region)]) {
    let pats: Vec<(Pattern, Region)> = clauses.iter().map(|(p, _, r)| (*p, *r)).collect();
    let mut edits: Vec<(usize, usize, usize)> = Vec::new();
    scan(data, &pats, |k, i, n| edits.push((k, i, n)));
    for (k, i, n) in edits {
        let by = clauses[k].1;
        for j in 0..n {
            if let Some(&b) = by.get(j) {
                data[i + j] = b;
            }
        }
    }
}

/// INSPECT ... CONVERTING from TO to (within the region).
pub fn converting(data: &mut [u8], from: &[u8], to: &[u8], region: Region) {
    let (s, e) = region.bounds(data);
    let mut map = [0u16; 256];
    for (i, m) in map.iter_mut().enumerate() {
        *m = i as u16;
    }
    // the first occurrence of a character in `from` decides
    let mut seen = [false; 256];
    for (k, &f) in from.iter().enumerate() {
        if !seen[f as usize] {
            seen[f as usize] = true;
            let t = if to.len() == 1 {
                to[0]
            } else {
                to.get(k).copied().unwrap_or(f)
            };
            map[f as usize] = t as u16;
        }
    }
    for b in &mut data[s..e] {
        *b = map[*b as usize] as u8;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q() -> Vec<u8> {
        let mut v = b"AABACADAA ABC".to_vec();
        v.resize(20, b' ');
        v
    }

    #[test]
    fn like_cobc() {
        let d = q();
        assert_eq!(
            tallying(
                &d,
                &[
                    (Pattern::All(b"A"), Region::ALL),
                    (Pattern::Leading(b"A"), Region::ALL)
                ]
            ),
            [7, 0]
        );
        assert_eq!(
            tallying(
                &d,
                &[
                    (Pattern::Characters, Region::before(b"C")),
                    (Pattern::All(b"A"), Region::after(b"C"))
                ]
            ),
            [4, 4]
        );
        let c = tallying(
            &d,
            &[
                (Pattern::All(b"AA"), Region::ALL),
                (Pattern::All(b"A"), Region::ALL),
            ],
        );
        assert_eq!(c.iter().sum::<i64>(), 5);
        assert_eq!(
            tallying(b"AAAB", &[(Pattern::Leading(b"A"), Region::ALL)]),
            [3]
        );
        let mut d = q();
        replacing(
            &mut d,
            &[
                (Pattern::All(b"A"), b"x", Region::after(b"B")),
                (Pattern::First(b"C"), b"y", Region::ALL),
                (Pattern::Leading(b"x"), b"z", Region::ALL),
            ],
        );
        assert_eq!(&d[..13], b"AABxyxDxx xBC");
        replacing(&mut d, &[(Pattern::Characters, b"#", Region::before(b"D"))]);
        assert_eq!(&d[..13], b"######Dxx xBC");
        converting(&mut d, b"xyz", b"XYZ", Region::after(b"D"));
        assert_eq!(&d[..13], b"######DXX XBC");
    }

    /// Clause by clause, against the original data, as cobc 3.1.2 does (experiment i1).
    #[test]
    fn clause_by_clause_like_cobc() {
        let mut d = b"ABABA".to_vec();
        replacing(
            &mut d,
            &[
                (Pattern::All(b"BA"), b"YY", Region::ALL),
                (Pattern::All(b"AB"), b"XX", Region::ALL),
            ],
        );
        assert_eq!(d, b"AYYYY");
        let mut d = b"AABACADAEAAF".to_vec();
        replacing(
            &mut d,
            &[
                (Pattern::First(b"A"), b"1", Region::ALL),
                (Pattern::Leading(b"A"), b"2", Region::ALL),
                (Pattern::All(b"AE"), b"XY", Region::after(b"B")),
            ],
        );
        assert_eq!(d, b"12BACADXYAAF");
        let t = |d: &[u8], c: &[(Pattern, Region)]| tallying(d, c);
        assert_eq!(
            t(
                b"ABAB",
                &[
                    (Pattern::Leading(b"AB"), Region::ALL),
                    (Pattern::Leading(b"A"), Region::ALL)
                ]
            ),
            [2, 0]
        );
        assert_eq!(
            t(
                b"AXAXA       ",
                &[
                    (Pattern::All(b"A"), Region::ALL),
                    (Pattern::Characters, Region::ALL)
                ]
            ),
            [3, 9]
        );
        let mut d = b"AAXAA".to_vec();
        replacing(
            &mut d,
            &[
                (Pattern::Characters, b"#", Region::before(b"X")),
                (Pattern::Leading(b"A"), b"L", Region::ALL),
            ],
        );
        assert_eq!(d, b"##XAA");
        let mut d = b"ABCABC      ".to_vec();
        replacing(
            &mut d,
            &[
                (Pattern::All(b"AB"), b"12", Region::ALL),
                (Pattern::All(b"BC"), b"34", Region::ALL),
                (Pattern::Characters, b".", Region::ALL),
            ],
        );
        assert_eq!(d, b"12.12.......");
    }

    /// BEFORE and AFTER narrow the region in the order they are written (experiment i2).
    #[test]
    fn region_phrase_order_like_cobc() {
        let both = |before_first| Region {
            before: Some(b"X"),
            after: Some(b"B"),
            before_first,
        };
        let mut d = b"XAXBAXA".to_vec();
        replacing(&mut d, &[(Pattern::All(b"A"), b"Q", both(false))]);
        assert_eq!(d, b"XAXBQXA");
        let mut d = b"XAXBAXA".to_vec();
        replacing(&mut d, &[(Pattern::All(b"A"), b"Q", both(true))]);
        assert_eq!(d, b"XAXBAXA");
        let mut d = b"AXBAXA".to_vec();
        converting(&mut d, b"A", b"Q", both(false));
        assert_eq!(d, b"AXBQXA");
    }
}
