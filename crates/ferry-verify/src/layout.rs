//! Field-level diffs of record-oriented output files.
//!
//! A [`RecordLayout`] describes the fields of one output file's records; with
//! it a mismatch reads "record 17, field EMP-NET-PAY: expected +0001234.50,
//! got +0001234.49" instead of a byte offset.

use serde::{Deserialize, Serialize};

/// How a field's bytes encode its value (GnuCOBOL, ASCII).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum FieldKind {
    /// PIC X / alphanumeric: shown as a quoted string.
    Alphanumeric,
    /// USAGE DISPLAY numeric, with `scale` digits after the implied point.
    /// Accepts trailing/leading overpunch and separate signs.
    Zoned { scale: u32, signed: bool },
    /// COMP-3: two digits per byte, sign in the last nibble.
    Packed { scale: u32, signed: bool },
    /// COMP / BINARY (big-endian) or COMP-5 (`little_endian`).
    Binary {
        scale: u32,
        signed: bool,
        #[serde(default)]
        little_endian: bool,
    },
}

/// One field of a record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldLayout {
    pub name: String,
    /// Byte offset within the record (0-based).
    pub offset: usize,
    /// Length in bytes.
    pub len: usize,
    pub kind: FieldKind,
}

/// The record structure of one output file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordLayout {
    /// Length of a fixed record in bytes (the maximum line length for
    /// line-sequential files, which GnuCOBOL writes without trailing spaces).
    pub record_len: usize,
    pub fields: Vec<FieldLayout>,
    /// How the records sit in the file: `Some(true)` one per line (LINE
    /// SEQUENTIAL: trailing spaces stripped, so a short line reads as padded
    /// with spaces), `Some(false)` back-to-back chunks of `record_len` bytes
    /// (fixed-length record SEQUENTIAL), `None` guessed from the bytes (see
    /// [`RecordLayout::split`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lines: Option<bool>,
}

/// Most field differences listed per file; the rest are counted.
pub const MAX_FIELD_DIFFS: usize = 20;

impl RecordLayout {
    /// Builds a layout from `(name, offset, len, kind)` tuples.
    pub fn new<N: Into<String>>(
        record_len: usize,
        fields: impl IntoIterator<Item = (N, usize, usize, FieldKind)>,
    ) -> Self {
        RecordLayout {
            record_len,
            fields: fields
                .into_iter()
                .map(|(name, offset, len, kind)| FieldLayout {
                    name: name.into(),
                    offset,
                    len,
                    kind,
                })
                .collect(),
            lines: None,
        }
    }

    /// The records are lines (LINE SEQUENTIAL).
    pub fn line_sequential(mut self) -> Self {
        self.lines = Some(true);
        self
    }

    /// The records are fixed-length chunks (record SEQUENTIAL).
    pub fn fixed(mut self) -> Self {
        self.lines = Some(false);
        self
    }

    /// Splits a file into records. A LINE SEQUENTIAL layout splits at newlines
    /// (a trailing `\r` dropped), a fixed one into `record_len` chunks (the last
    /// may be short). Otherwise: newline-terminated lines when every line fits
    /// in `record_len`, else fixed-length chunks when the size is a multiple of
    /// `record_len`; `None` when neither fits.
    pub fn split<'a>(&self, bytes: &'a [u8]) -> Option<Vec<&'a [u8]>> {
        if self.record_len == 0 {
            return None;
        }
        if bytes.is_empty() {
            return Some(Vec::new());
        }
        let lines = || -> Vec<&'a [u8]> {
            let body = bytes.strip_suffix(b"\n").unwrap_or(bytes);
            body.split(|b| *b == b'\n')
                .map(|l| l.strip_suffix(b"\r").unwrap_or(l))
                .collect()
        };
        match self.lines {
            Some(true) => return Some(lines()),
            Some(false) => return Some(bytes.chunks(self.record_len).collect()),
            None => {}
        }
        if bytes.contains(&b'\n') {
            let lines = lines();
            if lines.iter().all(|l| l.len() <= self.record_len) {
                return Some(lines);
            }
        }
        (bytes.len().checked_rem(self.record_len) == Some(0))
            .then(|| bytes.chunks(self.record_len).collect())
    }

    /// Describes, field by field, how `actual` differs from `expected`.
    /// `None` when the files cannot be split into records with this layout.
    pub fn diff(&self, expected: &[u8], actual: &[u8]) -> Option<Vec<String>> {
        let exp = self.split(expected)?;
        let act = self.split(actual)?;
        let mut out = Vec::new();
        let mut total = 0usize;
        let mut push = |line: String, out: &mut Vec<String>| {
            total += 1;
            if out.len() < MAX_FIELD_DIFFS {
                out.push(line);
            }
        };
        for i in 0..exp.len().max(act.len()) {
            let n = i + 1;
            let (e, a) = match (exp.get(i), act.get(i)) {
                (Some(e), Some(a)) => (*e, *a),
                (Some(_), None) => {
                    push(
                        format!(
                            "record {n}: missing (expected {} records, got {})",
                            exp.len(),
                            act.len()
                        ),
                        &mut out,
                    );
                    continue;
                }
                (None, Some(_)) => {
                    push(
                        format!(
                            "record {n}: unexpected extra record (expected {} records, got {})",
                            exp.len(),
                            act.len()
                        ),
                        &mut out,
                    );
                    continue;
                }
                (None, None) => break,
            };
            let fixed = self.lines == Some(false);
            let same = if fixed {
                e == a
            } else {
                padded(e, 0, self.record_len.max(e.len()))
                    == padded(a, 0, self.record_len.max(a.len()))
            };
            if same {
                continue;
            }
            let mut any = false;
            for f in &self.fields {
                let fe = padded(e, f.offset, f.len);
                let fa = padded(a, f.offset, f.len);
                if fe != fa {
                    any = true;
                    push(
                        format!(
                            "record {n}, field {}: expected {}, got {}",
                            f.name,
                            render(&fe, f.kind),
                            render(&fa, f.kind)
                        ),
                        &mut out,
                    );
                }
            }
            if !any {
                let line = if fixed && e.len() != a.len() {
                    format!(
                        "record {n}: expected {} bytes, got {} bytes",
                        e.len(),
                        a.len()
                    )
                } else {
                    format!("record {n}: differs outside the described fields")
                };
                push(line, &mut out);
            }
        }
        if total > out.len() {
            out.push(format!(
                "... and {} more field differences",
                total - out.len()
            ));
        }
        Some(out)
    }
}

/// The bytes `[offset, offset+len)` of a record, space-padded past its end
/// (line-sequential records lose their trailing spaces).
fn padded(rec: &[u8], offset: usize, len: usize) -> Vec<u8> {
    (offset..offset.saturating_add(len))
        .map(|i| rec.get(i).copied().unwrap_or(b' '))
        .collect()
}

/// Renders a field's bytes readably according to its kind; undecodable bytes
/// are shown in hex.
pub fn render(bytes: &[u8], kind: FieldKind) -> String {
    let decoded = match kind {
        FieldKind::Alphanumeric => return quote(bytes),
        FieldKind::Zoned { scale, signed } => {
            zoned(bytes).map(|(neg, d)| number(neg, &d, scale, signed))
        }
        FieldKind::Packed { scale, signed } => {
            packed(bytes).map(|(neg, d)| number(neg, &d, scale, signed))
        }
        FieldKind::Binary {
            scale,
            signed,
            little_endian,
        } => binary(bytes, signed, little_endian).map(|v| {
            let digits = v.unsigned_abs().to_string();
            let width = digits.len().max(scale as usize + 1);
            number(v < 0, &format!("{digits:0>width$}"), scale, signed)
        }),
    };
    decoded.unwrap_or_else(|| format!("{} (hex {})", quote(bytes), hex(bytes)))
}

fn quote(bytes: &[u8]) -> String {
    let mut s = String::from("\"");
    for &b in bytes {
        match b {
            b'"' => s.push_str("\\\""),
            b'\\' => s.push_str("\\\\"),
            0x20..=0x7e => s.push(b as char),
            _ => s.push_str(&format!("\\x{b:02x}")),
        }
    }
    s.push('"');
    s
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02X}")).collect()
}

fn number(neg: bool, digits: &str, scale: u32, signed: bool) -> String {
    let scale = scale as usize;
    let sign = if neg {
        "-"
    } else if signed {
        "+"
    } else {
        ""
    };
    if scale == 0 || scale > digits.len() {
        return format!("{sign}{digits}");
    }
    let (int, frac) = digits.split_at(digits.len() - scale);
    format!("{sign}{int}.{frac}")
}

/// Decodes overpunch for one byte: (digit, negative?) .
fn overpunch(b: u8) -> Option<(char, bool)> {
    match b {
        b'0'..=b'9' => Some((b as char, false)),
        0x70..=0x79 => Some(((b - 0x40) as char, true)), // GnuCOBOL ASCII negative
        b'{' => Some(('0', false)),
        b'A'..=b'I' => Some(((b - b'A' + b'1') as char, false)),
        b'}' => Some(('0', true)),
        b'J'..=b'R' => Some(((b - b'J' + b'1') as char, true)),
        _ => None,
    }
}

fn zoned(bytes: &[u8]) -> Option<(bool, String)> {
    let (first, last) = (*bytes.first()?, *bytes.last()?);
    let digits_of = |body: &[u8]| -> Option<String> {
        body.iter()
            .map(|&b| b.is_ascii_digit().then_some(b as char))
            .collect()
    };
    if first == b'+' || first == b'-' {
        return Some((first == b'-', digits_of(&bytes[1..])?));
    }
    if last == b'+' || last == b'-' {
        return Some((last == b'-', digits_of(&bytes[..bytes.len() - 1])?));
    }
    let body = &bytes[..bytes.len() - 1];
    if let (Some(d), Some((c, neg))) = (digits_of(body), overpunch(last)) {
        return Some((neg, format!("{d}{c}")));
    }
    // SIGN LEADING (not separate).
    let (c, neg) = overpunch(first)?;
    Some((neg, format!("{c}{}", digits_of(&bytes[1..])?)))
}

fn packed(bytes: &[u8]) -> Option<(bool, String)> {
    let mut digits = String::new();
    let n = bytes.len();
    for (i, &b) in bytes.iter().enumerate() {
        let (hi, lo) = (b >> 4, b & 0x0f);
        if hi > 9 {
            return None;
        }
        digits.push((b'0' + hi) as char);
        if i + 1 < n {
            if lo > 9 {
                return None;
            }
            digits.push((b'0' + lo) as char);
        } else {
            return match lo {
                0xC | 0xA | 0xE | 0xF => Some((false, digits)),
                0xD | 0xB => Some((true, digits)),
                _ => None,
            };
        }
    }
    None
}

fn binary(bytes: &[u8], signed: bool, little_endian: bool) -> Option<i128> {
    if bytes.is_empty() || bytes.len() > 8 {
        return None;
    }
    let mut be: Vec<u8> = bytes.to_vec();
    if little_endian {
        be.reverse();
    }
    let mut v: i128 = 0;
    for b in &be {
        v = (v << 8) | i128::from(*b);
    }
    if signed && be[0] & 0x80 != 0 {
        v -= 1i128 << (8 * be.len());
    }
    Some(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_numbers() {
        let z = FieldKind::Zoned {
            scale: 2,
            signed: true,
        };
        assert_eq!(render(b"000123450", z), "+0001234.50");
        assert_eq!(render(&[b'0', b'0', b'1', 0x75], z), "-00.15");
        assert_eq!(render(b"-0012", z), "-00.12");
        let p = FieldKind::Packed {
            scale: 2,
            signed: true,
        };
        assert_eq!(render(&[0x01, 0x23, 0x4D], p), "-012.34");
        let b = FieldKind::Binary {
            scale: 0,
            signed: true,
            little_endian: false,
        };
        assert_eq!(render(&[0xff, 0xfe], b), "-2");
        assert_eq!(render(b"AB ", FieldKind::Alphanumeric), "\"AB \"");
        assert!(render(b"1X", z).contains("hex 3158"));
    }

    #[test]
    fn field_diff_on_lines_and_fixed() {
        let layout = RecordLayout::new(
            12,
            [
                ("EMP-ID", 0, 4, FieldKind::Alphanumeric),
                (
                    "EMP-NET-PAY",
                    4,
                    8,
                    FieldKind::Zoned {
                        scale: 2,
                        signed: true,
                    },
                ),
            ],
        );
        let exp = b"A00100012340\nA00200010000\n";
        let act = b"A00100012339\nA00200010000\n";
        let d = layout.diff(exp, act).unwrap();
        assert_eq!(
            d,
            vec!["record 1, field EMP-NET-PAY: expected +000123.40, got +000123.39"]
        );
        let fixed_e = b"A00100012340A00200010000";
        let fixed_a = b"A00100012340B00200010000";
        let d = layout.diff(fixed_e, fixed_a).unwrap();
        assert_eq!(
            d,
            vec!["record 2, field EMP-ID: expected \"A002\", got \"B002\""]
        );
        assert!(layout.diff(b"abc", b"abcd").is_none());
        let d = layout.diff(b"A001\n", b"A001\nA002\n").unwrap();
        assert!(d[0].starts_with("record 2: unexpected extra record"));
    }

    #[test]
    fn explicit_line_and_fixed_formats() {
        let n = FieldKind::Zoned {
            scale: 0,
            signed: false,
        };
        let lines = RecordLayout::new(6, [("A", 0, 3, FieldKind::Alphanumeric), ("N", 3, 3, n)])
            .line_sequential();
        // Trailing spaces stripped by the runtime are no difference; a line longer
        // than the record still splits as a line.
        let d = lines.diff(b"AB 123\nX\n", b"AB 124\nX  \nY\n").unwrap();
        assert_eq!(
            d,
            vec![
                "record 1, field N: expected 123, got 124",
                "record 3: unexpected extra record (expected 2 records, got 3)"
            ]
        );
        let d = lines.diff(b"AB 123\n", b"AB 123 TOO LONG\n").unwrap();
        assert_eq!(d, vec!["record 1: differs outside the described fields"]);
        // Fixed records: a newline byte inside a binary field is data.
        let b = FieldKind::Binary {
            scale: 0,
            signed: false,
            little_endian: false,
        };
        let fixed =
            RecordLayout::new(3, [("B", 0, 2, b), ("C", 2, 1, FieldKind::Alphanumeric)]).fixed();
        let d = fixed
            .diff(&[0, 10, b'x', 0, 1, b'y'], &[0, 10, b'x', 0, 2, b'y'])
            .unwrap();
        assert_eq!(d, vec!["record 2, field B: expected 1, got 2"]);
        let d = fixed.diff(b"abcde ", b"abcde").unwrap();
        assert_eq!(d, vec!["record 2: expected 3 bytes, got 2 bytes"]);
        // The format travels through JSON; older layouts without it still read.
        let json = serde_json::to_string(&fixed).unwrap();
        assert_eq!(serde_json::from_str::<RecordLayout>(&json).unwrap(), fixed);
        let old = r#"{"record_len":3,"fields":[]}"#;
        assert_eq!(
            serde_json::from_str::<RecordLayout>(old).unwrap().lines,
            None
        );
    }
}
