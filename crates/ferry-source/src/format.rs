//! Reference formats: fixed (columns 1-6 sequence, 7 indicator, 8-72 code, 73-80 identification),
//! variable (fixed without the column-72 limit) and free (`*>` comments), with `>>SOURCE FORMAT`
//! switches, tab expansion, comment, debugging and continuation lines.

use serde::{Deserialize, Serialize};

use crate::directive::{self, Action, Directives};
use crate::map::MappedText;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceFormat {
    Fixed,
    Free,
    Variable,
}

impl std::str::FromStr for SourceFormat {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.to_ascii_lowercase().as_str() {
            "fixed" => Ok(Self::Fixed),
            "free" => Ok(Self::Free),
            "variable" => Ok(Self::Variable),
            other => Err(format!(
                "unknown source format `{other}` (expected fixed, free or variable)"
            )),
        }
    }
}

/// GnuCOBOL expands a tab to the next multiple of 8 columns.
const TAB_WIDTH: usize = 8;

/// Guesses the format of a whole file: fixed when nearly every code line has a sequence area of digits
/// or spaces and a valid indicator in column 7.
pub fn detect_format(text: &str) -> SourceFormat {
    let mut fixed_like = 0usize;
    let mut total = 0usize;
    for line in text.lines().take(400) {
        if line.trim().is_empty() {
            continue;
        }
        let upper = line.trim_start().to_ascii_uppercase();
        if upper.starts_with(">>SOURCE") || upper.starts_with("$SET") {
            if upper.contains("FREE") {
                return SourceFormat::Free;
            }
            if upper.contains("FIXED") {
                return SourceFormat::Fixed;
            }
        }
        total += 1;
        let b = line.as_bytes();
        let seq_ok = b
            .iter()
            .take(6)
            .all(|c| c.is_ascii_alphanumeric() || *c == b' ');
        let ind_ok = b.len() < 7 || matches!(b[6], b' ' | b'*' | b'/' | b'-' | b'D' | b'd' | b'$');
        let code_in_area = b.len() <= 7 || b[..7].iter().all(|c| *c != b'.');
        if seq_ok && ind_ok && code_in_area {
            fixed_like += 1;
        }
    }
    if total == 0 || fixed_like * 10 >= total * 9 {
        SourceFormat::Fixed
    } else {
        SourceFormat::Free
    }
}

fn expand_tabs(line: &str) -> std::borrow::Cow<'_, str> {
    if !line.contains('\t') {
        return line.into();
    }
    let mut out = String::with_capacity(line.len() + 8);
    let mut col = 0;
    for ch in line.chars() {
        if ch == '\t' {
            let n = TAB_WIDTH - col % TAB_WIDTH;
            out.extend(std::iter::repeat_n(' ', n));
            col += n;
        } else {
            out.push(ch);
            col += 1;
        }
    }
    out.into()
}

/// Byte offset of character column `col` (0-based) in `s`, or `s.len()`.
pub(crate) fn byte_at_col(s: &str, col: usize) -> usize {
    if s.is_ascii() {
        return col.min(s.len());
    }
    s.char_indices().nth(col).map_or(s.len(), |(i, _)| i)
}

/// Literal state at the end of `s`, starting in `open` (the quote of a literal left open, if any).
fn literal_state(s: &str, mut open: Option<char>) -> Option<char> {
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match open {
            Some(q) if c == q => open = None,
            Some(_) => {}
            None if c == '"' || c == '\'' => open = Some(c),
            None if c == '*' && chars.peek() == Some(&'>') => return None,
            None => {}
        }
    }
    open
}

/// Whether the program declares `WITH DEBUGGING MODE` in its SOURCE-COMPUTER paragraph, which makes
/// the compiler compile its debugging lines.
pub(crate) fn debugging_mode(text: &str, format: SourceFormat) -> bool {
    if !text.to_ascii_uppercase().contains("DEBUGGING") {
        return false;
    }
    let norm = normalise(text, format, false, 0, &mut Directives::default())
        .text
        .to_ascii_uppercase();
    let mut in_source_computer = false;
    let mut prev = "";
    for word in norm
        .split(|c: char| c.is_ascii_whitespace() || c == '.' || c == ',' || c == ';')
        .filter(|w| !w.is_empty())
    {
        match word {
            "SOURCE-COMPUTER" => in_source_computer = true,
            "OBJECT-COMPUTER" | "SPECIAL-NAMES" | "REPOSITORY" | "INPUT-OUTPUT" | "SECTION"
            | "DIVISION"
                if in_source_computer || (word == "DIVISION" && prev == "PROCEDURE") =>
            {
                return false;
            }
            "MODE" if in_source_computer && prev == "DEBUGGING" => return true,
            _ => {}
        }
        prev = word;
    }
    false
}

/// Turns one file's text into normalised lines. `file` is the file id in the source map; `dirs`
/// is the compile-time state of the unit (directives are handled here, line by line).
pub(crate) fn normalise(
    text: &str,
    format: SourceFormat,
    debugging: bool,
    file: u32,
    dirs: &mut Directives,
) -> MappedText {
    let mut out = MappedText::default();
    let mut mode = format;
    let mut pending_newlines = 0usize;
    // Literal left open at the end of the last code line (for continuation lines).
    let mut open: Option<char> = None;
    let mut have_line = false;
    // `>>IF`s open in this file.
    let mut stack = Vec::new();
    for (idx, raw) in text.lines().enumerate() {
        let line_no = idx as u32 + 1;
        let line = expand_tabs(raw);
        if let Some(at) = directive::directive_start(&line, mode) {
            let column = line[..at].chars().count() as u32 + 1;
            match dirs.directive(&line[at..], file, line_no, column, &mut stack, debugging) {
                Action::Blank => {}
                Action::Format(f) => mode = f,
                Action::Code(off) => {
                    // A compiled `>>D` line: its code, where it stands on the line.
                    let start = at + off;
                    let end = if mode == SourceFormat::Fixed {
                        byte_at_col(&line, 72).max(start)
                    } else {
                        line.len()
                    };
                    flush_newlines(&mut out, &mut pending_newlines, have_line);
                    let code = &line[start..end];
                    let col = line[..start].chars().count() as u32 + 1;
                    push_code(&mut out, code, file, line_no, col, dirs);
                    have_line = true;
                    pending_newlines = 1;
                    open = literal_state(code, None);
                    continue;
                }
            }
            pending_newlines += 1;
            continue;
        }
        // Lines of a `>>IF` branch not taken, and IBM CBL / PROCESS cards before the program.
        if !stack
            .last()
            .is_none_or(|f: &directive::Frame| f.is_active())
            || (file == 0 && !have_line && directive::is_process_card(&line))
        {
            pending_newlines += 1;
            continue;
        }
        if mode == SourceFormat::Free {
            if directive::is_listing_statement(&line) {
                pending_newlines += 1;
                continue;
            }
            flush_newlines(&mut out, &mut pending_newlines, have_line);
            push_code(&mut out, &line, file, line_no, 1, dirs);
            have_line = true;
            pending_newlines = 1;
            continue;
        }
        let indicator = line.chars().nth(6).unwrap_or(' ');
        let start = byte_at_col(&line, 7);
        let end = if mode == SourceFormat::Fixed {
            byte_at_col(&line, 72)
        } else {
            line.len()
        };
        let content = if start < end { &line[start..end] } else { "" };
        match indicator {
            '*' | '/' => {
                pending_newlines += 1;
                continue;
            }
            'D' | 'd' if !debugging => {
                pending_newlines += 1;
                continue;
            }
            '-' if have_line => {
                // Continuation: join onto the last code line.
                let first = content.len() - content.trim_start().len();
                let rest = &content[first..];
                let pad_cols = if open.is_some() {
                    // The continued literal runs to column 72 of the line it started on.
                    72usize.saturating_sub(current_line_cols(&out))
                } else {
                    0
                };
                out.text.extend(std::iter::repeat_n(' ', pad_cols));
                let (piece, skip) = match (open, rest.chars().next()) {
                    (Some(q), Some(c)) if c == q => (&rest[c.len_utf8()..], c.len_utf8()),
                    _ => (rest, 0),
                };
                let col = 8 + first as u32 + skip as u32;
                if open.is_some() {
                    out.push(piece, file, line_no, col);
                } else {
                    push_code(&mut out, piece, file, line_no, col, dirs);
                }
                open = literal_state(piece, open);
                continue;
            }
            _ => {}
        }
        if indicator == ' ' && directive::is_listing_statement(content) {
            pending_newlines += 1;
            continue;
        }
        flush_newlines(&mut out, &mut pending_newlines, have_line);
        out.text.push_str("       ");
        push_code(&mut out, content, file, line_no, 8, dirs);
        have_line = true;
        pending_newlines = 1;
        open = literal_state(content, None);
    }
    directive::close_file(dirs, stack, file);
    if have_line {
        pending_newlines = pending_newlines.max(1);
    }
    out.text.extend(std::iter::repeat_n('\n', pending_newlines));
    out
}

/// Appends one line's code (from `column` of the line), with the unit's constants replaced by
/// their literals; a replacement is attributed to the word it replaces.
fn push_code(
    out: &mut MappedText,
    code: &str,
    file: u32,
    line: u32,
    column: u32,
    dirs: &Directives,
) {
    match directive::substitute(code, dirs.constants()) {
        None => out.push(code, file, line, column),
        Some(pieces) => {
            for (piece, at) in pieces {
                let col = column + code[..at].chars().count() as u32;
                out.push(piece, file, line, col);
            }
        }
    }
}

fn flush_newlines(out: &mut MappedText, pending: &mut usize, have_line: bool) {
    let _ = have_line;
    out.text.extend(std::iter::repeat_n('\n', *pending));
    *pending = 0;
}

/// Columns used on the last line of `out` so far (in characters).
fn current_line_cols(out: &MappedText) -> usize {
    let start = out.text.rfind('\n').map_or(0, |i| i + 1);
    out.text[start..].chars().count()
}
