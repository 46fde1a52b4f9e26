//! Source handling: reading files (any encoding), reference format (fixed, free, variable), COPY/REPLACE
//! expansion and the source map that takes every byte of the preprocessed text back to the file, line and
//! column it came from.
//!
//! The preprocessed text keeps the line structure of what it came from: in fixed format, columns 1-7 are
//! blanked and columns 73+ dropped (so line and column of code outside COPY members are unchanged),
//! comment lines become empty lines, continuation lines are joined onto the line they continue.
//!
//! Architecture invariant: this crate knows nothing of COBOL syntax beyond what the preprocessor needs
//! (COPY, REPLACE, comment and continuation rules), and nothing of graphs, translation or Rust.

mod copy;
mod directive;
mod format;
mod map;
mod token;

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

pub use copy::find_copybook;
pub use format::{detect_format, SourceFormat};
pub use map::{Location, SourceMap};

/// What a team sets once for a source tree (and the command line overrides).
#[derive(Debug, Clone, Default)]
pub struct PreprocessOptions {
    pub copybook_dirs: Vec<PathBuf>,
    /// `None` detects the format per file.
    pub format: Option<SourceFormat>,
    /// Compile `D` lines even without `WITH DEBUGGING MODE` in SOURCE-COMPUTER (with it, they are
    /// always compiled).
    pub debugging_lines: bool,
    /// Compile-time variables defined from outside, as cobc's `-D NAME=VALUE` (ferry.toml
    /// `[defines]`): the value is a number, a quoted literal, or else alphanumeric text.
    pub defines: Vec<(String, String)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Note,
}

/// A positioned message about a source file. `line` and `column` are 1-based; 0 means "whole file".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub file: PathBuf,
    pub line: u32,
    pub column: u32,
    pub message: String,
}

/// One COPY statement met while preprocessing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CopyUse {
    /// Copybook name as written, upper-cased, quotes removed.
    pub name: String,
    pub library: Option<String>,
    /// The file it resolved to, if found.
    pub resolved: Option<PathBuf>,
    pub replacing: bool,
    /// Where the COPY statement is: the file that contains it, line, column.
    pub file: PathBuf,
    pub line: u32,
    pub column: u32,
}

/// The result of preprocessing one compilation unit. Never fails: problems are diagnostics.
#[derive(Debug, Clone)]
pub struct Preprocessed {
    pub text: String,
    pub map: SourceMap,
    pub diagnostics: Vec<Diagnostic>,
    pub copybooks: Vec<CopyUse>,
    pub format: SourceFormat,
    /// Number of physical lines in the main file.
    pub lines: usize,
}

impl Preprocessed {
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }
}

/// Decodes file bytes: UTF-8 when valid, otherwise Latin-1 (every byte is a char), so that no input is
/// rejected for its encoding.
pub fn decode(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => bytes.iter().map(|&b| b as char).collect(),
    }
}

/// Preprocesses the file at `path`. An unreadable file yields one error diagnostic and empty text.
pub fn preprocess_file(path: &Path, opts: &PreprocessOptions) -> Preprocessed {
    match std::fs::read(path) {
        Ok(bytes) => preprocess_bytes(path, &bytes, opts),
        Err(e) => Preprocessed {
            text: String::new(),
            map: SourceMap::new(vec![path.to_path_buf()]),
            diagnostics: vec![Diagnostic {
                severity: Severity::Error,
                file: path.to_path_buf(),
                line: 0,
                column: 0,
                message: format!("cannot read file: {e}"),
            }],
            copybooks: Vec::new(),
            format: SourceFormat::Fixed,
            lines: 0,
        },
    }
}

/// Preprocesses `bytes` as if read from `path` (COPY members are searched relative to it).
pub fn preprocess_bytes(path: &Path, bytes: &[u8], opts: &PreprocessOptions) -> Preprocessed {
    let source = decode(bytes);
    let lines = source.lines().count();
    let format = opts.format.unwrap_or_else(|| detect_format(&source));
    // `SOURCE-COMPUTER. x WITH DEBUGGING MODE.` turns the debugging lines of the unit on.
    let with_debugging;
    let opts = if !opts.debugging_lines && format::debugging_mode(&source, format) {
        with_debugging = PreprocessOptions {
            debugging_lines: true,
            ..opts.clone()
        };
        &with_debugging
    } else {
        opts
    };
    let mut ctx = copy::Expander::new(opts);
    if std::str::from_utf8(bytes).is_err() {
        ctx.mark_latin1(path);
    }
    let text = ctx.expand_file(path, &source, format, &mut Vec::new());
    ctx.take_directive_diagnostics();
    let (text, map) = text.finish(ctx.files(), ctx.latin1_flags());
    Preprocessed {
        text,
        map,
        diagnostics: ctx.diagnostics,
        copybooks: ctx.copybooks,
        format,
        lines,
    }
}

/// What a file in a legacy tree is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FileKind {
    Program,
    Copybook,
    Jcl,
    Other,
}

/// Classifies a file by extension, then by content when the extension says nothing.
pub fn classify(path: &Path, text: &str) -> FileKind {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    match ext.as_str() {
        "cbl" | "cob" | "cobol" | "pco" | "sqb" => return FileKind::Program,
        "cpy" | "copy" | "cpb" | "inc" => return FileKind::Copybook,
        "jcl" | "prc" | "proc" => return FileKind::Jcl,
        "toml" | "md" | "txt" | "json" | "dat" => return FileKind::Other,
        _ => {}
    }
    let upper = text.to_ascii_uppercase();
    if text
        .lines()
        .find(|l| !l.trim().is_empty())
        .is_some_and(|l| l.starts_with("//"))
    {
        FileKind::Jcl
    } else if upper.contains("PROCEDURE DIVISION")
        || upper.contains("IDENTIFICATION DIVISION")
        || upper.contains("ID DIVISION")
    {
        FileKind::Program
    } else if upper.contains(" PIC ") || upper.contains(" PICTURE ") {
        FileKind::Copybook
    } else {
        FileKind::Other
    }
}

#[cfg(test)]
mod tests;
