//! Turns tree-sitter ERROR and MISSING nodes into syntax errors with a readable message.

use tree_sitter::Node;

use super::Lowerer;
use crate::SyntaxError;

/// Local error recovery: every ERROR node is reported, then the text from its start up to (not
/// including) the next separator period is blanked in `work`, so that a re-parse sees the rest of the
/// sentence (and everything after it) intact. Returns the errors, or an empty list if there were none.
pub(crate) fn blank_errors(src: &str, root: Node, work: &mut [u8]) -> Vec<SyntaxError> {
    let mut out = Vec::new();
    let mut stack = vec![root];
    while let Some(n) = stack.pop() {
        if n.is_error() {
            let start = n.start_byte();
            let mut end = next_period(n, start).unwrap_or(n.end_byte());
            if end <= start {
                end = n.end_byte();
            }
            let mut end = end.min(work.len());
            // The error starts a sentence: drop its separator period too, a lone period is no sentence.
            let before = work[..start]
                .iter()
                .rev()
                .find(|b| !b.is_ascii_whitespace());
            if before == Some(&b'.') && work.get(end) == Some(&b'.') {
                end += 1;
            }
            for b in &mut work[start..end] {
                if *b != b'\n' {
                    *b = b' ';
                }
            }
            out.push(SyntaxError {
                span: crate::ast::Span { start, end },
                message: error_message(src, n),
            });
            continue;
        }
        if n.has_error() {
            let mut c = n.walk();
            let children: Vec<Node> = n.children(&mut c).collect();
            stack.extend(children.into_iter().rev());
        }
    }
    out
}

/// Start of the first separator period token at or after `from`, searching `n` and what follows it.
fn next_period(n: Node, from: usize) -> Option<usize> {
    let mut node = Some(n);
    while let Some(x) = node {
        if let Some(p) = first_period_in(x, from) {
            return Some(p);
        }
        // move to the next node in document order
        let mut cur = x;
        node = loop {
            if let Some(s) = cur.next_sibling() {
                break Some(s);
            }
            match cur.parent() {
                Some(p) => cur = p,
                None => break None,
            }
        };
    }
    None
}

fn first_period_in(n: Node, from: usize) -> Option<usize> {
    if n.end_byte() <= from {
        return None;
    }
    if n.kind() == "." && !n.is_missing() && n.start_byte() >= from {
        return Some(n.start_byte());
    }
    let mut c = n.walk();
    let children: Vec<Node> = n.children(&mut c).collect();
    children.into_iter().find_map(|k| first_period_in(k, from))
}

fn ts_span(n: Node) -> crate::ast::Span {
    crate::ast::Span {
        start: n.start_byte(),
        end: n.end_byte(),
    }
}

pub(super) fn collect(l: &mut Lowerer, root: Node) {
    let mut stack = vec![root];
    while let Some(n) = stack.pop() {
        if n.is_error() {
            let message = error_message(l.src, n);
            l.error(ts_span(n), message);
            continue;
        }
        if n.is_missing() {
            let what = describe_kind(n.kind());
            let context = n
                .parent()
                .map(|p| describe_kind(p.kind()))
                .unwrap_or_default();
            let message = if context.is_empty() {
                format!("missing {what}")
            } else {
                format!("missing {what} in {context}")
            };
            l.error(ts_span(n), message);
            continue;
        }
        if n.has_error() {
            let mut c = n.walk();
            let children: Vec<Node> = n.children(&mut c).collect();
            stack.extend(children.into_iter().rev());
        }
    }
}

fn error_message(src: &str, n: Node) -> String {
    let found = snippet(src.get(n.start_byte()..n.end_byte()).unwrap_or(""));
    let context = enclosing(n);
    let expected = expected_after(n);
    let mut msg = if found.is_empty() {
        "syntax error".to_string()
    } else {
        format!("unexpected `{found}`")
    };
    if let Some(ctx) = context {
        msg.push_str(&format!(" in {ctx}"));
    }
    if !expected.is_empty() {
        msg.push_str(&format!("; expected {}", expected.join(", ")));
    }
    msg
}

/// The first line (at most 40 characters) of the offending text.
fn snippet(text: &str) -> String {
    let line = text.trim().lines().next().unwrap_or("").trim();
    if line.chars().count() > 40 {
        let cut: String = line.chars().take(40).collect();
        format!("{cut}...")
    } else {
        line.to_string()
    }
}

fn enclosing(n: Node) -> Option<String> {
    let mut p = n.parent();
    while let Some(x) = p {
        let k = x.kind();
        if k != "ERROR" && k != "source_file" {
            return Some(describe_kind(k));
        }
        p = x.parent();
    }
    None
}

/// What the parser could have accepted just before the error (from the previous sibling's state).
fn expected_after(n: Node) -> Vec<String> {
    let Some(prev) = n.prev_sibling() else {
        return Vec::new();
    };
    let state = prev.next_parse_state();
    let lang = n.language();
    let Some(mut it) = lang.lookahead_iterator(state) else {
        return Vec::new();
    };
    let mut names: Vec<String> = Vec::new();
    let mut total = 0;
    for sym in &mut it {
        if lang.node_kind_is_supertype(sym) {
            continue;
        }
        let Some(kind) = lang.node_kind_for_id(sym) else {
            continue;
        };
        if kind == "ERROR"
            || kind == "comment"
            || kind == "directive"
            || kind.starts_with('_')
            || kind == "end"
        {
            continue;
        }
        total += 1;
        let d = describe_kind(kind);
        if !names.contains(&d) {
            names.push(d);
        }
    }
    if total > 8 || names.len() > 8 {
        return Vec::new();
    }
    names
}

/// `move_statement` -> "MOVE statement", `data_ref` -> "data reference", keyword -> `KEYWORD`.
fn describe_kind(kind: &str) -> String {
    let named = match kind {
        "." => return "separator period `.`".into(),
        "data_ref" => "data reference",
        "word" => "name",
        "number" => "numeric literal",
        "string" => "alphanumeric literal",
        "picture_string" => "PICTURE string",
        "level_number" => "level number",
        "data_description" => "data description entry",
        "sentence" => "sentence",
        "paragraph_header" => "paragraph header",
        "section_header" => "section header",
        "select_entry" => "SELECT entry",
        "file_description" => "file description (FD/SD)",
        "program_id" => "PROGRAM-ID paragraph",
        "rel_operator" => "relational operator",
        "exec_body" => "EXEC body",
        _ => "",
    };
    if !named.is_empty() {
        return named.to_string();
    }
    if let Some(verb) = kind.strip_suffix("_statement") {
        return format!("{} statement", verb.to_ascii_uppercase());
    }
    if kind
        .chars()
        .all(|c| c.is_ascii_uppercase() || c == '-' || c.is_ascii_digit())
        && !kind.is_empty()
    {
        return format!("`{kind}`");
    }
    if kind.chars().any(|c| c.is_ascii_alphabetic()) {
        return kind.replace('_', " ");
    }
    format!("`{kind}`")
}
