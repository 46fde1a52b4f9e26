//! Rendering diagnostics for people: file:line:column, the source line and a caret (miette), in colour
//! on a terminal.

use std::io::IsTerminal;
use std::path::Path;

use ferry_source::Severity;
use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteDiagnostic, NamedSource};

use crate::estate::FileDiagnostic;

/// Renders one diagnostic with its source snippet when the file can be read.
pub fn render(root: &Path, d: &FileDiagnostic) -> String {
    let head = format!(
        "{}:{}:{}: {}: {}",
        d.file,
        d.line,
        d.column,
        severity(d.severity),
        d.message
    );
    let Ok(bytes) = std::fs::read(root.join(&d.file)) else {
        return head;
    };
    if d.line == 0 {
        return head;
    }
    let text = ferry_source::decode(&bytes);
    let Some(offset) = offset_of(&text, d.line, d.column) else {
        return head;
    };
    let len = text[offset..]
        .find(|c: char| c.is_whitespace())
        .unwrap_or(0)
        .max(1);
    let diag = MietteDiagnostic::new(d.message.clone())
        .with_severity(match d.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Note => miette::Severity::Advice,
        })
        .with_label(LabeledSpan::at(offset..offset + len, "here"));
    let report = miette::Report::new(diag).with_source_code(NamedSource::new(&d.file, text));
    let theme = if std::io::stderr().is_terminal() {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let mut out = String::new();
    match GraphicalReportHandler::new_themed(theme).render_report(&mut out, report.as_ref()) {
        Ok(()) => format!("{head}\n{out}"),
        Err(_) => head,
    }
}

fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    }
}

/// Byte offset of a 1-based line and column.
fn offset_of(text: &str, line: u32, column: u32) -> Option<usize> {
    let mut off = 0;
    for (i, l) in text.split_inclusive('\n').enumerate() {
        if i + 1 == line as usize {
            let col = (column.max(1) - 1) as usize;
            let byte = l
                .char_indices()
                .nth(col)
                .map_or(l.trim_end_matches('\n').len(), |(b, _)| b);
            return Some(off + byte);
        }
        off += l.len();
    }
    None
}
