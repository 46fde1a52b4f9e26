//! INSPECT TALLYING / REPLACING / CONVERTING.
//!
//! Operands are byte slices (copy item bytes first when they live in the same buffer).
//! The data is scanned left to right; at each position the clauses are tried in order
//! and the first that matches (inside its BEFORE/AFTER INITIAL region) is applied and the
//! scan advances past the match; otherwise it advances one character. A LEADING clause
//! stops for good at the first position of its region where it does not match; FIRST
//! applies once.
//!
//! cobc 3.1.2 (experiment s1) with Q = "AABACADAA ABC" + 7 spaces:
//! TALLYING C1 FOR ALL "A" C2 FOR LEADING "A" -> 7, 0 (ALL takes every position first);
//! C1 FOR CHARACTERS BEFORE INITIAL "C" C2 FOR ALL "A" AFTER INITIAL "C" -> 4, 4;
//! C FOR ALL "AA" "A" -> 5;
//! REPLACING ALL "A" BY "x" AFTER INITIAL "B" FIRST "C" BY "y" LEADING "x" BY "z"
//! -> "AABxyxDxx xBC"; CHARACTERS BY "#" BEFORE INITIAL "D" -> "######Dxx xBC";
//! CONVERTING "xyz" TO "XYZ" AFTER INITIAL "D" -> "######DXX XBC".

/// What a clause looks for.
#[derive(Clone, Copy, Debug)]
pub enum Pattern<'a> {
    Characters,
    All(&'a [u8]),
    Leading(&'a [u8]),
    First(&'a [u8]),
}

/// BEFORE INITIAL / AFTER INITIAL delimiters of a clause.
#[derive(Clone, Copy, Debug, Default)]
pub struct Region<'a> {
    pub before: Option<&'a [u8]>,
    pub after: Option<&'a [u8]>,
}

impl<'a> Region<'a> {
    pub const ALL: Region<'static> = Region {
        before: None,
        after: None,
    };
    pub fn before(b: &'a [u8]) -> Region<'a> {
        Region {
            before: Some(b),
            after: None,
        }
    }
    pub fn after(a: &'a [u8]) -> Region<'a> {
        Region {
            before: None,
            after: Some(a),
        }
    }
    /// [start, end) of the region in `data`.
    fn bounds(&self, data: &[u8]) -> (usize, usize) {
        let find = |from: usize, n: &[u8]| -> Option<usize> {
            if n.is_empty() || data.len() < n.len() {
                return None;
            }
            (from..=data.len() - n.len()).find(|&i| &data[i..i + n.len()] == n)
        };
        let start = match self.after {
            Some(a) => match find(0, a) {
                Some(i) => i + a.len(),
                None => data.len(),
            },
            None => 0,
        };
        let end = match self.before {
            Some(b) => find(start.min(data.len()), b).unwrap_or(data.len()),
            None => data.len(),
        };
        (start, end.max(start))
    }
}

struct State {
    start: usize,
    end: usize,
    leading_ok: bool,
    done: bool,
}

/// Core scan: calls `hit(clause, pos, len)` for every match.
fn scan(data: &[u8], clauses: &[(Pattern, Region)], mut hit: impl FnMut(usize, usize, usize)) {
    let mut st: Vec<State> = clauses
        .iter()
        .map(|(_, r)| {
            let (start, end) = r.bounds(data);
            State {
                start,
                end,
                leading_ok: true,
                done: false,
            }
        })
        .collect();
    let mut i = 0;
    while i < data.len() {
        let mut advanced = false;
        for (k, (pat, _)) in clauses.iter().enumerate() {
            let s = &st[k];
            if i < s.start || i >= s.end || s.done {
                continue;
            }
            let m = match pat {
                Pattern::Characters => Some(1),
                Pattern::All(p) | Pattern::First(p) => matches(data, i, p, s.end),
                Pattern::Leading(p) => {
                    if s.leading_ok {
                        matches(data, i, p, s.end)
                    } else {
                        None
                    }
                }
            };
            if let Some(n) = m {
                hit(k, i, n);
                if let Pattern::First(_) = pat {
                    st[k].done = true;
                }
                // every other LEADING clause whose region holds i is broken
                for (j, (pj, _)) in clauses.iter().enumerate() {
                    if j != k
                        && matches!(pj, Pattern::Leading(_))
                        && i >= st[j].start
                        && i < st[j].end
                    {
                        st[j].leading_ok = false;
                    }
                }
                i += n;
                advanced = true;
                break;
            }
        }
        if !advanced {
            for (j, (pj, _)) in clauses.iter().enumerate() {
                if matches!(pj, Pattern::Leading(_)) && i >= st[j].start && i < st[j].end {
                    st[j].leading_ok = false;
                }
            }
            i += 1;
        }
    }
}

fn matches(data: &[u8], i: usize, p: &[u8], end: usize) -> Option<usize> {
    if !p.is_empty() && i + p.len() <= end && &data[i..i + p.len()] == p {
        Some(p.len())
    } else {
        None
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
}
