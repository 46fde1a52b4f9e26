//! The source map: preprocessed text offsets -> original file, line, column.

use std::path::{Path, PathBuf};

/// A run of preprocessed bytes that came, byte for byte, from consecutive columns of one original line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Segment {
    pub out: usize,
    pub file: u32,
    pub line: u32,
    pub column: u32,
}

/// A position in an original file (1-based line and column).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location<'a> {
    pub file: &'a Path,
    pub line: u32,
    pub column: u32,
}

#[derive(Debug, Clone, Default)]
pub struct SourceMap {
    files: Vec<PathBuf>,
    segments: Vec<Segment>,
    /// Per file (same index as `files`): read as Latin-1 because it is not UTF-8.
    latin1: Vec<bool>,
}

impl SourceMap {
    pub(crate) fn new(files: Vec<PathBuf>) -> Self {
        Self {
            files,
            segments: Vec::new(),
            latin1: Vec::new(),
        }
    }

    /// Where the preprocessed byte at `offset` came from.
    pub fn locate(&self, offset: usize) -> Option<Location<'_>> {
        let idx = self.segments.partition_point(|s| s.out <= offset);
        let seg = self.segments.get(idx.checked_sub(1)?)?;
        let file = self.files.get(seg.file as usize)?;
        Some(Location {
            file,
            line: seg.line,
            column: seg.column + (offset - seg.out) as u32,
        })
    }

    /// All files that contributed text (the main file first, then COPY members in order of first use).
    pub fn files(&self) -> &[PathBuf] {
        &self.files
    }

    /// Byte ranges of the preprocessed text (of length `len`) that come from files read as
    /// Latin-1 (not valid UTF-8), in order. Each character of such a range is one byte of the
    /// original file (U+0000-U+00FF); the lowering uses this to give literals their original bytes.
    pub fn latin1_ranges(&self, len: usize) -> Vec<std::ops::Range<usize>> {
        let mut out: Vec<std::ops::Range<usize>> = Vec::new();
        if !self.latin1.iter().any(|&l| l) {
            return out;
        }
        for (i, seg) in self.segments.iter().enumerate() {
            if !self.latin1.get(seg.file as usize).copied().unwrap_or(false) {
                continue;
            }
            let end = self.segments.get(i + 1).map_or(len, |n| n.out);
            match out.last_mut() {
                Some(last) if last.end == seg.out => last.end = end,
                _ => out.push(seg.out..end),
            }
        }
        out
    }
}

/// Text under construction, with the origin of every byte.
#[derive(Debug, Clone, Default)]
pub(crate) struct MappedText {
    pub text: String,
    pub segs: Vec<Segment>,
}

impl MappedText {
    /// Appends `s`, whose first byte came from (file, line, column) and whose next bytes follow it on
    /// the same line.
    pub fn push(&mut self, s: &str, file: u32, line: u32, column: u32) {
        if s.is_empty() {
            return;
        }
        let out = self.text.len();
        let continues = self.segs.last().is_some_and(|last| {
            last.file == file
                && last.line == line
                && last.column as usize + (out - last.out) == column as usize
        });
        if !continues {
            self.segs.push(Segment {
                out,
                file,
                line,
                column,
            });
        }
        self.text.push_str(s);
    }

    /// Appends text whose origin is that of the preprocessed offset `from` in `src`.
    pub fn push_from(&mut self, src: &MappedText, start: usize, end: usize) {
        let range = start..end;
        let mut pos = range.start;
        while pos < range.end {
            let idx = src.segs.partition_point(|s| s.out <= pos);
            let (seg_end, origin) = match idx.checked_sub(1).and_then(|i| src.segs.get(i)) {
                Some(seg) => {
                    let end = src
                        .segs
                        .get(idx)
                        .map_or(src.text.len(), |n| n.out)
                        .min(range.end);
                    (
                        end,
                        Some((seg.file, seg.line, seg.column + (pos - seg.out) as u32)),
                    )
                }
                None => (
                    src.segs.first().map_or(range.end, |s| s.out).min(range.end),
                    None,
                ),
            };
            let piece = &src.text[pos..seg_end];
            match origin {
                Some((f, l, c)) => self.push(piece, f, l, c),
                None => self.text.push_str(piece),
            }
            pos = seg_end;
        }
    }

    /// Appends `s` attributed to the origin of `src`'s byte `at` (used for replacement text).
    pub fn push_at(&mut self, s: &str, src: &MappedText, at: usize) {
        let idx = src.segs.partition_point(|seg| seg.out <= at);
        match idx.checked_sub(1).and_then(|i| src.segs.get(i)) {
            Some(seg) => {
                let out = self.text.len();
                self.segs.push(Segment {
                    out,
                    file: seg.file,
                    line: seg.line,
                    column: seg.column + (at - seg.out) as u32,
                });
                self.text.push_str(s);
            }
            None => self.text.push_str(s),
        }
    }

    /// Origin (file id, line, column) of the byte at `at`.
    pub fn origin(&self, at: usize) -> Option<(u32, u32, u32)> {
        let idx = self.segs.partition_point(|seg| seg.out <= at);
        let seg = self.segs.get(idx.checked_sub(1)?)?;
        Some((seg.file, seg.line, seg.column + (at - seg.out) as u32))
    }

    pub fn finish(self, files: Vec<PathBuf>, latin1: Vec<bool>) -> (String, SourceMap) {
        (
            self.text,
            SourceMap {
                files,
                segments: self.segs,
                latin1,
            },
        )
    }
}
