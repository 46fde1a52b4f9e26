//! Byte-for-byte comparison of one artefact and readable mismatch details.

use serde::{Deserialize, Serialize};
use similar::TextDiff;

use crate::layout::RecordLayout;

/// Longest unified diff kept in a detail, in lines.
pub const MAX_DIFF_LINES: usize = 200;

/// Outcome of one check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CheckOutcome {
    /// Same bytes.
    Match,
    /// Different bytes.
    Mismatch,
    /// The recording has the file, the run did not produce it.
    Missing,
    /// The run created (or changed) a file the recording does not have.
    Unexpected,
}

/// Where two byte strings first differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Difference {
    /// 0-based byte offset of the first differing byte (or the shorter length).
    pub byte_offset: usize,
    /// 1-based line of that byte (counting `\n`).
    pub line: usize,
    /// 1-based byte column within that line.
    pub column: usize,
}

/// Comparison of one artefact of a run: `stdout`, `stderr`, `rc`, `files/<name>`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Check {
    pub artefact: String,
    pub outcome: CheckOutcome,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_difference: Option<Difference>,
}

impl Check {
    /// True for a match.
    pub fn passed(&self) -> bool {
        self.outcome == CheckOutcome::Match
    }
}

/// Finds the first differing byte, or `None` when equal.
pub fn first_difference(expected: &[u8], actual: &[u8]) -> Option<Difference> {
    if expected == actual {
        return None;
    }
    let offset = expected
        .iter()
        .zip(actual)
        .position(|(a, b)| a != b)
        .unwrap_or_else(|| expected.len().min(actual.len()));
    let before = &expected[..offset.min(expected.len())];
    let line = before.iter().filter(|b| **b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|b| *b == b'\n')
        .map_or(0, |p| p + 1);
    Some(Difference {
        byte_offset: offset,
        line,
        column: offset - line_start + 1,
    })
}

fn is_text(bytes: &[u8]) -> bool {
    !bytes.contains(&0) && std::str::from_utf8(bytes).is_ok()
}

/// Compares one artefact byte for byte; the detail of a mismatch is a field
/// diff (when a layout applies), then a unified diff for text or a hex summary
/// for binary data, always with the first differing line/byte.
pub fn compare(
    artefact: &str,
    expected: &[u8],
    actual: &[u8],
    layout: Option<&RecordLayout>,
) -> Check {
    let Some(diff) = first_difference(expected, actual) else {
        return Check {
            artefact: artefact.to_string(),
            outcome: CheckOutcome::Match,
            detail: None,
            first_difference: None,
        };
    };
    let mut detail = format!(
        "{artefact}: first difference at line {}, column {} (byte offset {}); expected {} bytes, got {} bytes\n",
        diff.line,
        diff.column,
        diff.byte_offset,
        expected.len(),
        actual.len()
    );
    if let Some(fields) = layout.and_then(|l| l.diff(expected, actual)) {
        for f in fields {
            detail.push_str(&f);
            detail.push('\n');
        }
    }
    if is_text(expected) && is_text(actual) {
        detail.push_str(&unified(artefact, expected, actual));
    } else {
        detail.push_str(&hex_summary(expected, actual, diff.byte_offset));
    }
    Check {
        artefact: artefact.to_string(),
        outcome: CheckOutcome::Mismatch,
        detail: Some(detail),
        first_difference: Some(diff),
    }
}

/// A unified diff (3 lines of context), cut after [`MAX_DIFF_LINES`] lines.
pub fn unified(artefact: &str, expected: &[u8], actual: &[u8]) -> String {
    let e = String::from_utf8_lossy(expected);
    let a = String::from_utf8_lossy(actual);
    let diff = TextDiff::from_lines(e.as_ref(), a.as_ref());
    let text = diff
        .unified_diff()
        .context_radius(3)
        .missing_newline_hint(true)
        .header(
            &format!("expected/{artefact}"),
            &format!("actual/{artefact}"),
        )
        .to_string();
    let lines: Vec<&str> = text.lines().collect();
    if lines.len() <= MAX_DIFF_LINES {
        let mut t = text;
        if !t.ends_with('\n') {
            t.push('\n');
        }
        return t;
    }
    let mut out = lines[..MAX_DIFF_LINES].join("\n");
    out.push_str(&format!(
        "\n... diff cut: {} more lines\n",
        lines.len() - MAX_DIFF_LINES
    ));
    out
}

/// Hex dump of 32 bytes around the first difference in both files.
pub fn hex_summary(expected: &[u8], actual: &[u8], offset: usize) -> String {
    let start = offset - offset % 16;
    let start = start.saturating_sub(if start >= 16 { 16 } else { 0 });
    let mut out = format!("binary content differs at byte offset {offset} (0x{offset:x})\n");
    for (label, bytes) in [("expected", expected), ("actual  ", actual)] {
        for row in [start, start + 16] {
            if row >= bytes.len() && row > start {
                continue;
            }
            let chunk = bytes.get(row..bytes.len().min(row + 16)).unwrap_or(&[]);
            let hex: Vec<String> = chunk.iter().map(|b| format!("{b:02x}")).collect();
            let ascii: String = chunk
                .iter()
                .map(|&b| {
                    if (0x20..0x7f).contains(&b) {
                        b as char
                    } else {
                        '.'
                    }
                })
                .collect();
            out.push_str(&format!(
                "{label} {row:08x}: {:<47}  |{ascii}|\n",
                hex.join(" ")
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_difference_positions() {
        assert_eq!(first_difference(b"abc", b"abc"), None);
        let d = first_difference(b"ab\ncd\n", b"ab\ncX\n").unwrap();
        assert_eq!((d.byte_offset, d.line, d.column), (4, 2, 2));
        let d = first_difference(b"ab", b"abc").unwrap();
        assert_eq!(d.byte_offset, 2);
    }

    #[test]
    fn text_and_binary_details() {
        let c = compare("stdout", b"a\nb\nc\n", b"a\nB\nc\n", None);
        let d = c.detail.unwrap();
        assert!(d.contains("line 2, column 1"), "{d}");
        assert!(d.contains("-b\n+B\n"), "{d}");
        let c = compare("files/X.DAT", &[0, 1, 2, 3], &[0, 1, 9, 3], None);
        let d = c.detail.unwrap();
        assert!(d.contains("byte offset 2"), "{d}");
        assert!(d.contains("00 01 09 03"), "{d}");
    }
}
