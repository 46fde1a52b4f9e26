//! LINAGE on LINE SEQUENTIAL files: pages of `lines` body lines with TOP and BOTTOM margins,
//! LINAGE-COUNTER and the END-OF-PAGE condition, byte for byte as cobc 3.1.2 writes them.
//!
//! The rules below were derived from cobc runs (see the corpus area `seq-linage`): every record is
//! written as its data and a newline; `lc` is LINAGE-COUNTER, 1 after OPEN.
//! - The TOP margin is written before the first record after OPEN.
//! - WRITE without ADVANCING is BEFORE ADVANCING 1. BEFORE n: the record, then, when `lc + n`
//!   exceeds the page, `lines - lc` + BOTTOM + TOP newlines (a new page, `lc` = 1, END-OF-PAGE);
//!   otherwise `n - 1` newlines and `lc += n`.
//! - AFTER n: when `lc + n` exceeds the page, `lines - lc` + BOTTOM + TOP newlines first (new page,
//!   `lc` = 1, END-OF-PAGE), then the record; otherwise `n - 1` newlines, the record, `lc += n`.
//! - AFTER PAGE: `lines - lc` + BOTTOM + TOP newlines, the record, `lc` = 1. BEFORE PAGE: the
//!   record, then the same newlines, `lc` = 1. Neither raises END-OF-PAGE by itself.
//! - END-OF-PAGE also holds after a WRITE that leaves `lc` at or past FOOTING (when given).
//! - The LINAGE values given by data items are taken at OPEN and at each new page (BOTTOM of the
//!   page that ends, TOP of the page that begins).

use super::Advance;

/// The four values of a LINAGE clause (`footing` 0 when not given).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LinageSpec {
    pub lines: u32,
    pub footing: u32,
    pub top: u32,
    pub bottom: u32,
}

#[derive(Clone, Debug, Default)]
pub(crate) struct LinageState {
    spec: LinageSpec,
    /// The values the program holds now, taken at OPEN and at the next page.
    pending: LinageSpec,
    pub(crate) counter: u32,
    needs_top: bool,
    pub(crate) end_of_page: bool,
}

fn newlines(out: &mut Vec<u8>, n: u32) {
    out.extend(std::iter::repeat_n(b'\n', n as usize));
}

impl LinageState {
    pub(crate) fn new(spec: LinageSpec) -> Self {
        LinageState {
            spec,
            pending: spec,
            counter: 0,
            needs_top: false,
            end_of_page: false,
        }
    }

    pub(crate) fn set(&mut self, spec: LinageSpec) {
        self.pending = spec;
    }

    /// LINAGE values cobc accepts: at least one line, FOOTING within the page (status 57 otherwise).
    pub(crate) fn valid(&self) -> bool {
        let p = self.pending;
        p.lines >= 1 && p.footing <= p.lines
    }

    /// OPEN OUTPUT / EXTEND.
    pub(crate) fn open(&mut self) {
        self.spec = self.pending;
        self.spec.lines = self.spec.lines.max(1);
        self.counter = 1;
        self.needs_top = true;
        self.end_of_page = false;
    }

    /// The rest of the page, the BOTTOM margin, then the TOP margin of the next page.
    fn new_page(&mut self, out: &mut Vec<u8>) {
        newlines(out, self.spec.lines.saturating_sub(self.counter));
        newlines(out, self.spec.bottom);
        let lines = self.pending.lines.max(1);
        self.spec = LinageSpec {
            lines,
            ..self.pending
        };
        newlines(out, self.spec.top);
        self.counter = 1;
    }

    /// The bytes of one WRITE of `data` (trailing spaces already removed).
    pub(crate) fn write(&mut self, out: &mut Vec<u8>, data: &[u8], adv: Advance) {
        self.end_of_page = false;
        if self.needs_top {
            newlines(out, self.spec.top);
            self.needs_top = false;
        }
        let lines = self.spec.lines;
        match adv {
            Advance::None | Advance::Before(_) => {
                let n = match adv {
                    Advance::Before(n) => n,
                    _ => 1,
                };
                out.extend_from_slice(data);
                out.push(b'\n');
                if self.counter + n > lines {
                    self.new_page(out);
                    self.end_of_page = true;
                } else {
                    newlines(out, n.saturating_sub(1));
                    self.counter += n;
                }
            }
            Advance::After(n) => {
                if self.counter + n > lines {
                    self.new_page(out);
                    self.end_of_page = true;
                } else {
                    newlines(out, n.saturating_sub(1));
                    self.counter += n;
                }
                out.extend_from_slice(data);
                out.push(b'\n');
            }
            Advance::AfterPage => {
                self.new_page(out);
                out.extend_from_slice(data);
                out.push(b'\n');
            }
            Advance::BeforePage => {
                out.extend_from_slice(data);
                out.push(b'\n');
                self.new_page(out);
            }
        }
        if self.spec.footing > 0 && self.counter >= self.spec.footing {
            self.end_of_page = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(spec: LinageSpec, writes: &[(&str, Advance)]) -> (String, Vec<(u32, bool)>) {
        let mut l = LinageState::new(spec);
        l.open();
        let mut out = Vec::new();
        let mut seen = Vec::new();
        for (d, a) in writes {
            l.write(&mut out, d.as_bytes(), *a);
            seen.push((l.counter, l.end_of_page));
        }
        (String::from_utf8(out).unwrap(), seen)
    }

    const P: LinageSpec = LinageSpec {
        lines: 5,
        footing: 4,
        top: 2,
        bottom: 1,
    };

    // Each expectation is the bytes cobc 3.1.2 wrote for the same WRITEs.
    #[test]
    fn default_writes_fill_pages() {
        let w = [("X", Advance::None); 5];
        let (out, seen) = run(P, &w);
        assert_eq!(out, "\n\nX\nX\nX\nX\nX\n\n\n\n");
        assert_eq!(
            seen,
            [(2, false), (3, false), (4, true), (5, true), (1, true)]
        );
    }

    #[test]
    fn after_past_the_page_starts_a_new_one_first() {
        let mut w = vec![("R", Advance::None); 4];
        w.push(("Y", Advance::After(3)));
        w.push(("Z", Advance::None));
        let (out, seen) = run(P, &w);
        assert_eq!(out, "\n\nR\nR\nR\nR\n\n\n\nY\nZ\n");
        assert_eq!(seen[4], (1, true));
        assert_eq!(seen[5], (2, false));
    }

    #[test]
    fn before_past_the_page_and_page_advances() {
        let w = [
            ("R", Advance::None),
            ("R", Advance::None),
            ("R", Advance::None),
            ("Y", Advance::Before(2)),
            ("X", Advance::None),
        ];
        assert_eq!(run(P, &w).0, "\n\nR\nR\nR\nY\n\n\n\n\nX\n");
        let w = [
            ("X", Advance::None),
            ("X", Advance::None),
            ("Y", Advance::AfterPage),
            ("X", Advance::None),
        ];
        assert_eq!(run(P, &w).0, "\n\nX\nX\n\n\n\n\n\nY\nX\n");
        let w = [("Y", Advance::AfterPage), ("X", Advance::None)];
        assert_eq!(run(P, &w).0, "\n\n\n\n\n\n\n\n\nY\nX\n");
    }

    #[test]
    fn no_footing_only_overflow_is_end_of_page() {
        let spec = LinageSpec {
            lines: 3,
            ..Default::default()
        };
        let w = [
            ("R1", Advance::None),
            ("R2", Advance::None),
            ("R3", Advance::None),
            ("R4", Advance::None),
            ("R5", Advance::After(2)),
            ("R6", Advance::After(3)),
            ("R7", Advance::BeforePage),
            ("R8", Advance::None),
        ];
        let (out, seen) = run(spec, &w);
        assert_eq!(out, "R1\nR2\nR3\nR4\n\nR5\n\n\nR6\nR7\n\n\nR8\n");
        let eop: Vec<bool> = seen.iter().map(|s| s.1).collect();
        assert_eq!(eop, [false, false, true, false, true, true, false, false]);
        let lc: Vec<u32> = seen.iter().map(|s| s.0).collect();
        assert_eq!(lc, [2, 3, 1, 2, 1, 1, 1, 2]);
    }
}
