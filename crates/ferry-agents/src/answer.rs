//! The answer format: every file an agent writes comes back as one block
//!
//! ```text
//! === FILE: src/lib.rs ===
//! <the whole file>
//! === END FILE ===
//! ```
//!
//! Text outside blocks is ignored (models like to explain). Inside a block, a wrapping Markdown fence
//! (```` ```rust ```` ... ```` ``` ````) is removed. Anything ferry cannot use is
//! [`AgentError::Malformed`] with a message meant to be sent back to the agent.

use std::collections::BTreeMap;

use crate::AgentError;

/// Start of a file block: `=== FILE: <path> ===`.
pub const FILE_MARKER: &str = "=== FILE:";
/// End of a file block.
pub const END_MARKER: &str = "=== END FILE ===";

/// Checks that `path` is a relative path inside the crate (no `..`, not absolute, `/` separators) and
/// returns it without a leading `./`.
pub fn safe_path(path: &str) -> Result<String, String> {
    let p = path.trim();
    let p = p.strip_prefix("./").unwrap_or(p);
    if p.is_empty() {
        return Err("a file block has an empty path".into());
    }
    if p.starts_with('/') || p.contains('\\') || p.contains(':') {
        return Err(format!(
            "`{p}` is not a relative path with `/` separators inside the crate"
        ));
    }
    if p.split('/').any(|c| c.is_empty() || c == "." || c == "..") {
        return Err(format!(
            "`{p}` must not contain `..`, `.` or empty components"
        ));
    }
    Ok(p.to_string())
}

fn start_path(line: &str) -> Option<&str> {
    let t = line.trim();
    let rest = t.strip_prefix(FILE_MARKER)?;
    let path = rest.trim_end().strip_suffix("===")?.trim();
    Some(path.trim_matches('`'))
}

fn is_end(line: &str) -> bool {
    line.trim() == END_MARKER
}

/// Removes a Markdown fence wrapping the whole block, if any; the result ends with one newline.
fn unfence(lines: &[&str]) -> String {
    let mut body: &[&str] = lines;
    while body.first().is_some_and(|l| l.trim().is_empty()) {
        body = &body[1..];
    }
    while body.last().is_some_and(|l| l.trim().is_empty()) {
        body = &body[..body.len() - 1];
    }
    if body.len() >= 2 {
        let first = body[0].trim();
        let last = body[body.len() - 1].trim();
        let ticks = first.chars().take_while(|&c| c == '`').count();
        if ticks >= 3 && last.len() == ticks && last.chars().all(|c| c == '`') {
            body = &body[1..body.len() - 1];
        }
    }
    let mut text = body.join("\n");
    text.push('\n');
    text
}

/// The files of an answer, by path. Every path must be one of `editable`, and every editable file must
/// be there.
pub fn parse_files(
    text: &str,
    editable: &[String],
) -> Result<BTreeMap<String, String>, AgentError> {
    let bad = |m: String| Err(AgentError::Malformed(m));
    let allowed = || editable.join(", ");
    let mut files = BTreeMap::new();
    let mut open: Option<(String, Vec<&str>)> = None;
    for line in text.lines() {
        match &mut open {
            None => {
                if let Some(path) = start_path(line) {
                    let path = safe_path(path).map_err(AgentError::Malformed)?;
                    if !editable.contains(&path) {
                        return bad(format!(
                            "`{path}` is not a file you may write; write only: {}",
                            allowed()
                        ));
                    }
                    if files.contains_key(&path) {
                        return bad(format!("`{path}` is given twice; give each file once"));
                    }
                    open = Some((path, Vec::new()));
                }
            }
            Some((path, lines)) => {
                if is_end(line) {
                    files.insert(path.clone(), unfence(lines));
                    open = None;
                } else if let Some(next) = start_path(line) {
                    return bad(format!(
                        "the block of `{path}` is not terminated by `{END_MARKER}` before the block \
                         of `{next}`"
                    ));
                } else {
                    lines.push(line);
                }
            }
        }
    }
    if let Some((path, _)) = open {
        return bad(format!(
            "the block of `{path}` is not terminated by a line `{END_MARKER}` (was the answer cut \
             off? keep it shorter)"
        ));
    }
    if files.is_empty() {
        return bad(format!(
            "no file blocks found: answer with every file as a line `{FILE_MARKER} <path> ===`, the \
             whole file, then a line `{END_MARKER}`; files to write: {}",
            allowed()
        ));
    }
    let missing: Vec<&str> = editable
        .iter()
        .filter(|p| !files.contains_key(*p))
        .map(String::as_str)
        .collect();
    if !missing.is_empty() {
        return bad(format!(
            "missing {}: give every file you may write, in full",
            missing.join(", ")
        ));
    }
    Ok(files)
}

/// The files in the answer format (the inverse of [`parse_files`]).
pub fn render_files(files: &BTreeMap<String, String>) -> String {
    let mut out = String::new();
    for (path, text) in files {
        out.push_str(&format!("{FILE_MARKER} {path} ===\n"));
        out.push_str(text);
        if !text.ends_with('\n') {
            out.push('\n');
        }
        out.push_str(END_MARKER);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ed(paths: &[&str]) -> Vec<String> {
        paths.iter().map(|s| s.to_string()).collect()
    }

    fn err(text: &str, editable: &[&str]) -> String {
        match parse_files(text, &ed(editable)) {
            Err(AgentError::Malformed(m)) => m,
            other => panic!("expected Malformed, got {other:?}"),
        }
    }

    #[test]
    fn reads_blocks_and_ignores_chatter() {
        let text = "Here is the translation.\n\n=== FILE: src/lib.rs ===\npub fn a() {}\n\nfn b() {}\n=== END FILE ===\nHope it helps!\n";
        let files = parse_files(text, &ed(&["src/lib.rs"])).unwrap();
        assert_eq!(files["src/lib.rs"], "pub fn a() {}\n\nfn b() {}\n");
    }

    #[test]
    fn strips_a_wrapping_fence_and_tolerates_decoration() {
        let text = "```\n=== FILE: `./src/lib.rs` ===\n```rust\nfn main() {\n    // ```not a fence end\n}\n```\n===  END FILE ===\n```\n";
        // "===  END FILE ===" (two spaces) is not the end marker, so this block is unterminated.
        assert!(err(text, &["src/lib.rs"]).contains("not terminated"));
        let text = text.replace("===  END", "=== END");
        let files = parse_files(&text, &ed(&["src/lib.rs"])).unwrap();
        assert_eq!(
            files["src/lib.rs"],
            "fn main() {\n    // ```not a fence end\n}\n"
        );
    }

    #[test]
    fn several_files_round_trip() {
        let mut files = BTreeMap::new();
        files.insert("src/lib.rs".to_string(), "pub mod a;\n".to_string());
        files.insert("src/a.rs".to_string(), "pub fn f() {}".to_string());
        let text = render_files(&files);
        let back = parse_files(&text, &ed(&["src/lib.rs", "src/a.rs"])).unwrap();
        assert_eq!(back["src/lib.rs"], "pub mod a;\n");
        assert_eq!(back["src/a.rs"], "pub fn f() {}\n");
    }

    #[test]
    fn malformed_answers_are_explained() {
        assert!(err("Sure! fn main() {}", &["src/lib.rs"]).contains("no file blocks found"));
        assert!(
            err("=== FILE: src/lib.rs ===\nfn a() {}\n", &["src/lib.rs"])
                .contains("not terminated")
        );
        assert!(err(
            "=== FILE: src/lib.rs ===\na\n=== FILE: src/b.rs ===\nb\n=== END FILE ===\n",
            &["src/lib.rs", "src/b.rs"]
        )
        .contains("before the block of `src/b.rs`"));
        let m = err(
            "=== FILE: src/main.rs ===\nfn main() {}\n=== END FILE ===\n",
            &["src/lib.rs"],
        );
        assert!(
            m.contains("`src/main.rs` is not a file you may write"),
            "{m}"
        );
        assert!(m.contains("src/lib.rs"), "{m}");
        assert!(err(
            "=== FILE: ../evil.rs ===\nx\n=== END FILE ===\n",
            &["src/lib.rs"]
        )
        .contains(".."));
        assert!(err(
            "=== FILE: /etc/passwd ===\nx\n=== END FILE ===\n",
            &["src/lib.rs"]
        )
        .contains("not a relative path"));
        assert!(err(
            "=== FILE: src/lib.rs ===\nx\n=== END FILE ===\n=== FILE: src/lib.rs ===\ny\n=== END FILE ===\n",
            &["src/lib.rs"]
        )
        .contains("given twice"));
        assert!(err(
            "=== FILE: src/lib.rs ===\nx\n=== END FILE ===\n",
            &["src/lib.rs", "src/more.rs"]
        )
        .contains("missing src/more.rs"));
    }

    #[test]
    fn safe_paths() {
        assert_eq!(safe_path("./src/lib.rs").unwrap(), "src/lib.rs");
        for bad in ["", "/abs", "a/../b", "a//b", "C:/x", "a\\b", "src/./x"] {
            assert!(safe_path(bad).is_err(), "{bad}");
        }
    }
}
