//! Best-effort reading of opaque `EXEC SQL` and `EXEC CICS` text.

use std::collections::BTreeSet;

use super::{Access, TableUse};

/// Words that never name a table (so `FROM (SELECT ...)`, `INTO :HOST` etc. are skipped).
const SQL_KEYWORDS: &[&str] = &[
    "SELECT",
    "FROM",
    "WHERE",
    "INTO",
    "VALUES",
    "SET",
    "JOIN",
    "INNER",
    "OUTER",
    "LEFT",
    "RIGHT",
    "FULL",
    "CROSS",
    "ON",
    "AS",
    "AND",
    "OR",
    "NOT",
    "GROUP",
    "ORDER",
    "BY",
    "HAVING",
    "UNION",
    "FETCH",
    "FIRST",
    "ROWS",
    "ONLY",
    "WITH",
    "UR",
    "CS",
    "RS",
    "RR",
    "FOR",
    "UPDATE",
    "OF",
    "TABLE",
    "FINAL",
    "NEW",
    "OLD",
    "LATERAL",
    "USING",
    "WHEN",
    "MATCHED",
    "THEN",
    "DISTINCT",
    "ALL",
    "EXCEPT",
    "INTERSECT",
    "OPTIMIZE",
];

fn is_identifier(t: &str) -> bool {
    let mut chars = t.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || matches!(c, '#' | '@' | '$' | '"'))
        && !SQL_KEYWORDS.contains(&t)
}

fn sql_tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quote = false;
    for c in text.chars() {
        if quote {
            if c == '\'' {
                quote = false;
            }
            continue;
        }
        match c {
            '\'' => {
                quote = true;
                if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
                out.push("'".to_string());
            }
            c if c.is_ascii_alphanumeric()
                || matches!(c, '_' | '-' | '.' | ':' | '#' | '@' | '$' | '"') =>
            {
                cur.push(c.to_ascii_uppercase())
            }
            c => {
                if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
                if !c.is_whitespace() {
                    out.push(c.to_string());
                }
            }
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Drops `EXEC`, the kind word and `END-EXEC` if the text still carries them.
fn strip_frame(toks: &mut Vec<String>, kind: &str) {
    if toks.last().map(String::as_str) == Some("END-EXEC") {
        toks.pop();
    }
    let skip = toks
        .iter()
        .take(2)
        .take_while(|t| *t == "EXEC" || *t == kind)
        .count();
    toks.drain(..skip);
}

fn strip_frame_opts(opts: &mut Vec<(String, Option<CicsValue>)>) {
    if opts.last().is_some_and(|(k, _)| k == "END-EXEC") {
        opts.pop();
    }
    let skip = opts
        .iter()
        .take(2)
        .take_while(|(k, v)| v.is_none() && (k == "EXEC" || k == "CICS"))
        .count();
    opts.drain(..skip);
}

/// Tables named by an `EXEC SQL` statement (after FROM / JOIN / INTO / UPDATE / DELETE FROM / MERGE
/// INTO / LOCK TABLE), and `INCLUDE` members. The target of INSERT/UPDATE/DELETE/MERGE is written;
/// everything else is read.
pub fn sql_tables(text: &str) -> (Vec<TableUse>, Vec<String>) {
    let mut toks = sql_tokens(text);
    strip_frame(&mut toks, "SQL");
    let mut tables = BTreeSet::new();
    let mut includes = Vec::new();
    let verb = toks.first().map(String::as_str).unwrap_or("");
    if verb == "INCLUDE" {
        if let Some(m) = toks.get(1) {
            includes.push(m.trim_matches('"').to_string());
        }
        return (Vec::new(), includes);
    }
    let writes = matches!(verb, "INSERT" | "UPDATE" | "DELETE" | "MERGE");
    let mut target_done = false;
    let mut i = 0;
    while i < toks.len() {
        let t = toks[i].as_str();
        let starts_list = match t {
            "FROM" | "JOIN" | "INTO" => true,
            "UPDATE" => i == 0,
            "TABLE" => i > 0 && toks[i - 1] == "LOCK",
            _ => false,
        };
        if !starts_list {
            i += 1;
            continue;
        }
        let is_from = t == "FROM";
        i += 1;
        while let Some(name) = toks.get(i).filter(|n| is_identifier(n)) {
            let access = if writes && !target_done {
                Access::Write
            } else {
                Access::Read
            };
            target_done = true;
            tables.insert(TableUse {
                name: name.trim_matches('"').to_string(),
                access,
            });
            i += 1;
            // optional correlation name
            if toks.get(i).map(String::as_str) == Some("AS") {
                i += 1;
            }
            if toks.get(i).is_some_and(|a| is_identifier(a)) {
                i += 1;
            }
            if is_from && toks.get(i).map(String::as_str) == Some(",") {
                i += 1;
                continue;
            }
            break;
        }
    }
    (tables.into_iter().collect(), includes)
}

/// The value of a CICS option.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CicsValue {
    /// A quoted literal, upper-cased and trimmed.
    Literal(String),
    /// A data name (upper-cased).
    Name(String),
}

/// The words of an `EXEC CICS` command with their parenthesised values: `LINK PROGRAM('X') COMMAREA(A)`
/// -> `[("LINK", None), ("PROGRAM", Some(Literal("X"))), ("COMMAREA", Some(Name("A")))]`.
pub fn cics_options(text: &str) -> Vec<(String, Option<CicsValue>)> {
    let chars: Vec<char> = text.chars().collect();
    let mut out: Vec<(String, Option<CicsValue>)> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_alphanumeric() || c == '-' {
            let start = i;
            while i < chars.len() && (chars[i].is_ascii_alphanumeric() || chars[i] == '-') {
                i += 1;
            }
            out.push((
                chars[start..i]
                    .iter()
                    .collect::<String>()
                    .to_ascii_uppercase(),
                None,
            ));
        } else if c == '(' {
            let mut depth = 1;
            let start = i + 1;
            i += 1;
            let mut quote: Option<char> = None;
            while i < chars.len() && depth > 0 {
                match (chars[i], quote) {
                    (q, Some(open)) if q == open => quote = None,
                    (_, Some(_)) => {}
                    ('\'' | '"', None) => quote = Some(chars[i]),
                    ('(', None) => depth += 1,
                    (')', None) => depth -= 1,
                    _ => {}
                }
                i += 1;
            }
            let end = if depth == 0 { i - 1 } else { i };
            let inner: String = chars[start..end.max(start)].iter().collect();
            let inner = inner.trim();
            let value = if let Some(lit) = inner.strip_prefix(['\'', '"']) {
                CicsValue::Literal(
                    lit.trim_end_matches(['\'', '"'])
                        .trim()
                        .to_ascii_uppercase(),
                )
            } else {
                CicsValue::Name(inner.to_ascii_uppercase())
            };
            if let Some(last) = out.last_mut() {
                if last.1.is_none() {
                    last.1 = Some(value);
                }
            }
        } else {
            i += 1;
        }
    }
    strip_frame_opts(&mut out);
    out
}
