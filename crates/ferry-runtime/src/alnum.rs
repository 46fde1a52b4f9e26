//! Alphanumeric items, groups, reference modification and figurative constants.

/// An alphanumeric elementary item (PIC X/A) or a group (groups move as alphanumeric,
/// without conversion).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AlnumField {
    pub offset: usize,
    pub len: usize,
    /// JUSTIFIED RIGHT
    pub justified: bool,
}

/// Figurative constants. `All` is `ALL "literal"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fig {
    Space,
    Zero,
    HighValue,
    LowValue,
    Quote,
    All(&'static [u8]),
}

impl Fig {
    /// The repeating pattern of the constant.
    pub fn pattern(&self) -> &'static [u8] {
        match self {
            Fig::Space => b" ",
            Fig::Zero => b"0",
            Fig::HighValue => b"\xFF",
            Fig::LowValue => b"\x00",
            Fig::Quote => b"\"",
            Fig::All(p) => p,
        }
    }
}

/// Fill `dst` by repeating `pat` from its start.
#[inline]
pub fn fill_pattern(dst: &mut [u8], pat: &[u8]) {
    if pat.len() == 1 {
        dst.fill(pat[0]);
        return;
    }
    fill_pattern_long(dst, pat)
}

fn fill_pattern_long(dst: &mut [u8], pat: &[u8]) {
    if pat.is_empty() {
        return;
    }
    for (i, b) in dst.iter_mut().enumerate() {
        *b = pat[i % pat.len()];
    }
}

impl AlnumField {
    pub const fn new(offset: usize, len: usize) -> AlnumField {
        AlnumField {
            offset,
            len,
            justified: false,
        }
    }
    /// A group item: same behaviour as alphanumeric.
    pub const fn group(offset: usize, len: usize) -> AlnumField {
        AlnumField {
            offset,
            len,
            justified: false,
        }
    }
    /// JUSTIFIED RIGHT.
    pub const fn justified(mut self) -> AlnumField {
        self.justified = true;
        self
    }
    /// Same item `extra` bytes further (subscripts).
    pub const fn at(mut self, extra: usize) -> AlnumField {
        self.offset += extra;
        self
    }
    /// Reference modification `(start:len)` with 1-based `start`; `len` None means "to the
    /// end". Out-of-range values are clamped into the item (cobc checks these only when
    /// compiled with runtime checks; clamping keeps us memory safe). Use
    /// [`AlnumField::refmod_checked`] to detect the error instead.
    pub fn refmod(&self, start: i64, len: Option<i64>) -> AlnumField {
        let s = (start.max(1) as usize - 1).min(self.len);
        let l = match len {
            Some(l) => (l.max(0) as usize).min(self.len - s),
            None => self.len - s,
        };
        AlnumField {
            offset: self.offset + s,
            len: l,
            justified: false,
        }
    }
    /// Reference modification that reports an out-of-range start or length.
    pub fn refmod_checked(&self, start: i64, len: Option<i64>) -> Result<AlnumField, String> {
        if start < 1 || start as usize > self.len {
            return Err(format!(
                "offset of reference modification out of bounds: {start}"
            ));
        }
        if let Some(l) = len {
            if l < 1 || (start - 1 + l) as usize > self.len {
                return Err(format!(
                    "length of reference modification out of bounds: {l}"
                ));
            }
        }
        Ok(self.refmod(start, len))
    }
    #[inline]
    pub fn bytes<'a>(&self, mem: &'a [u8]) -> &'a [u8] {
        &mem[self.offset..self.offset + self.len]
    }
    #[inline]
    pub fn bytes_mut<'a>(&self, mem: &'a mut [u8]) -> &'a mut [u8] {
        &mut mem[self.offset..self.offset + self.len]
    }
    /// MOVE of alphanumeric data: left-justified (or right if JUSTIFIED), space padded,
    /// truncated.
    pub fn set_bytes(&self, mem: &mut [u8], src: &[u8]) {
        let d = self.bytes_mut(mem);
        let n = src.len().min(d.len());
        if self.justified && src.len() < d.len() {
            let pad = d.len() - src.len();
            d[pad..].copy_from_slice(src);
            d[..pad].fill(b' ');
        } else if self.justified {
            d.copy_from_slice(&src[src.len() - d.len()..]);
        } else {
            d[..n].copy_from_slice(&src[..n]);
            d[n..].fill(b' ');
        }
    }
    /// MOVE between two items of the same buffer (overlap-safe).
    pub fn move_from(&self, mem: &mut [u8], src: AlnumField) {
        let (so, sl, d_off, dl) = (src.offset, src.len, self.offset, self.len);
        if self.justified && sl < dl {
            let pad = dl - sl;
            mem.copy_within(so..so + sl, d_off + pad);
            mem[d_off..d_off + pad].fill(b' ');
        } else if self.justified {
            mem.copy_within(so + sl - dl..so + sl, d_off);
        } else {
            let n = sl.min(dl);
            mem.copy_within(so..so + n, d_off);
            mem[d_off + n..d_off + dl].fill(b' ');
        }
    }
    pub fn fill(&self, mem: &mut [u8], b: u8) {
        self.bytes_mut(mem).fill(b);
    }
    /// INITIALIZE / MOVE SPACES.
    pub fn set_spaces(&self, mem: &mut [u8]) {
        self.fill(mem, b' ');
    }
    /// MOVE figurative constant (ZERO gives '0' characters).
    pub fn set_fig(&self, mem: &mut [u8], fig: Fig) {
        fill_pattern(self.bytes_mut(mem), fig.pattern());
    }
}

/// Raw (group) move: bytes copied without conversion, space padded or truncated.
pub fn move_raw(mem: &mut [u8], src_off: usize, src_len: usize, dst_off: usize, dst_len: usize) {
    AlnumField::new(dst_off, dst_len).move_from(mem, AlnumField::new(src_off, src_len));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moves() {
        // cobc: MOVE "ABCDEFG" TO X5 -> "ABCDE"; TO XJ (X(5) JUST RIGHT) -> "CDEFG";
        //       MOVE "AB" TO XJ -> "   AB"; ALL "AB" -> "ABABA"; QUOTES -> '"""""'
        let mut m = vec![b'?'; 20];
        let x5 = AlnumField::new(0, 5);
        let xj = AlnumField::new(5, 5).justified();
        x5.set_bytes(&mut m, b"ABCDEFG");
        assert_eq!(&m[0..5], b"ABCDE");
        xj.set_bytes(&mut m, b"ABCDEFG");
        assert_eq!(&m[5..10], b"CDEFG");
        xj.set_bytes(&mut m, b"AB");
        assert_eq!(&m[5..10], b"   AB");
        x5.set_fig(&mut m, Fig::All(b"AB"));
        assert_eq!(&m[0..5], b"ABABA");
        x5.set_fig(&mut m, Fig::Quote);
        assert_eq!(&m[0..5], b"\"\"\"\"\"");
        // overlapping move inside one buffer
        x5.set_bytes(&mut m, b"HELLO");
        AlnumField::new(2, 5).move_from(&mut m, x5);
        assert_eq!(&m[0..7], b"HEHELLO");
    }

    #[test]
    fn refmod() {
        // cobc: X PIC X(4) VALUE "ABCD", DISPLAY X(2:2) -> "BC"
        let x = AlnumField::new(10, 4);
        let r = x.refmod(2, Some(2));
        assert_eq!((r.offset, r.len), (11, 2));
        assert_eq!(x.refmod(3, None).len, 2);
        assert!(x.refmod_checked(5, None).is_err());
        assert!(x.refmod_checked(2, Some(4)).is_err());
    }
}
