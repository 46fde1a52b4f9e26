//! From physical JCL lines to logical statements: `//*` comments, continuation (an operand field
//! ending with a comma, or an apostrophe string running to column 71), `DD *` / `DD DATA` inline data
//! up to `/*` (or the `DLM=` delimiter), and the name / operation / operand fields.

/// Columns 1-71 hold the statement; 72 is the continuation column and 73-80 the sequence number.
const LAST_COLUMN: usize = 71;
/// A continued apostrophe string resumes in column 16.
const CONTINUE_COLUMN: usize = 15;

/// One logical JCL statement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Card {
    /// 1-based line of the statement's first line.
    pub line: u32,
    /// 1-based column of the operation field.
    pub column: u32,
    pub name: Option<String>,
    /// Upper-cased operation (JOB, EXEC, DD, PROC, PEND, IF, ELSE, ENDIF, SET, ...).
    pub op: String,
    /// The operand field, continuation lines joined, comments dropped. For IF the whole rest of the
    /// statement (conditions may contain blanks).
    pub operands: String,
    /// In-stream data following a `DD *` / `DD DATA` statement.
    pub inline: Option<String>,
}

/// A problem met while reading lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineIssue {
    pub line: u32,
    pub column: u32,
    pub message: String,
}

fn field(line: &str) -> &str {
    match line.char_indices().nth(LAST_COLUMN) {
        Some((i, _)) => &line[..i],
        None => line,
    }
}

/// Scans an operand field from the start of `text`: returns the byte length of the operand field
/// (up to the first blank outside apostrophes) and whether an apostrophe string is still open.
fn operand_extent(text: &str, mut in_quote: bool) -> (usize, bool) {
    for (i, c) in text.char_indices() {
        match c {
            '\'' => in_quote = !in_quote,
            ' ' if !in_quote => return (i, false),
            _ => {}
        }
    }
    (text.len(), in_quote)
}

/// True when the DD operands ask for in-stream data; returns the delimiter.
fn inline_delimiter(operands: &str) -> Option<String> {
    let parts = super::operands::split(operands);
    let first = parts.first()?.trim().to_ascii_uppercase();
    if first != "*" && first != "DATA" {
        return None;
    }
    let dlm = parts.iter().find_map(|p| {
        let (k, v) = p.split_once('=')?;
        (k.trim().eq_ignore_ascii_case("DLM")).then(|| super::operands::unquote(v.trim()))
    });
    Some(dlm.unwrap_or_else(|| "/*".to_string()))
}

/// Splits `text` into logical statements.
pub fn read_cards(text: &str) -> (Vec<Card>, Vec<LineIssue>) {
    let lines: Vec<&str> = text.lines().map(|l| l.trim_end_matches('\r')).collect();
    let mut cards = Vec::new();
    let mut issues = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let raw = lines[i];
        let line_no = (i + 1) as u32;
        i += 1;
        if raw.starts_with("//*") || raw.trim().is_empty() || raw.starts_with("/*") {
            continue;
        }
        let Some(body) = field(raw).strip_prefix("//") else {
            issues.push(LineIssue {
                line: line_no,
                column: 1,
                message: "in-stream data without a DD * statement; ignored".into(),
            });
            continue;
        };
        if body.trim().is_empty() {
            // Null statement: end of job.
            continue;
        }
        let (name, rest) = if body.starts_with(' ') {
            (None, body)
        } else {
            let end = body.find(' ').unwrap_or(body.len());
            (Some(body[..end].to_ascii_uppercase()), &body[end..])
        };
        let trimmed = rest.trim_start();
        let op_col = 3 + (body.len() - trimmed.len());
        let op_end = trimmed.find(' ').unwrap_or(trimmed.len());
        let op = trimmed[..op_end].to_ascii_uppercase();
        let after_op = trimmed[op_end..].trim_start();
        let mut card = Card {
            line: line_no,
            column: op_col as u32,
            name,
            op,
            operands: String::new(),
            inline: None,
        };
        if card.op.is_empty() {
            issues.push(LineIssue {
                line: line_no,
                column: op_col as u32,
                message: "statement without an operation".into(),
            });
            continue;
        }
        if card.op == "IF" {
            // Condition up to THEN, possibly over several lines.
            let mut cond = after_op.trim_end().to_string();
            while !ends_with_then(&cond) && i < lines.len() && lines[i].starts_with("// ") {
                cond.push(' ');
                cond.push_str(field(lines[i]).get(2..).unwrap_or("").trim());
                i += 1;
            }
            card.operands = cond;
            cards.push(card);
            continue;
        }
        let (len, mut open) = operand_extent(after_op, false);
        let mut operands = after_op[..len].to_string();
        // Continuations: a trailing comma, or an apostrophe string running to column 71.
        while (operands.ends_with(',') || open) && i < lines.len() {
            let next = lines[i];
            if next.starts_with("//*") {
                i += 1;
                continue;
            }
            let Some(next_body) = field(next).strip_prefix("//") else {
                break;
            };
            if !next_body.starts_with(' ') {
                if !open {
                    issues.push(LineIssue {
                        line: (i + 1) as u32,
                        column: 3,
                        message: "expected a continuation line after a trailing comma".into(),
                    });
                }
                break;
            }
            i += 1;
            if open {
                let text = next_body
                    .get(CONTINUE_COLUMN.saturating_sub(2)..)
                    .unwrap_or("");
                let (l, o) = operand_extent(text, true);
                operands.push_str(&text[..l]);
                open = o;
            } else {
                let text = next_body.trim_start();
                let (l, o) = operand_extent(text, false);
                operands.push_str(&text[..l]);
                open = o;
            }
        }
        if open {
            issues.push(LineIssue {
                line: line_no,
                column: op_col as u32,
                message: "unterminated apostrophe string".into(),
            });
        }
        card.operands = operands;
        if card.op == "DD" {
            if let Some(dlm) = inline_delimiter(&card.operands) {
                let star = card.operands.trim_start().starts_with('*');
                let mut data = String::new();
                while i < lines.len() {
                    let l = lines[i];
                    if l.starts_with(dlm.as_str()) || (star && l.starts_with("//")) {
                        break;
                    }
                    data.push_str(l.trim_end());
                    data.push('\n');
                    i += 1;
                }
                if i < lines.len() && lines[i].starts_with(dlm.as_str()) {
                    i += 1;
                }
                card.inline = Some(data);
            }
        }
        cards.push(card);
    }
    (cards, issues)
}

fn ends_with_then(cond: &str) -> bool {
    cond.split_whitespace()
        .any(|w| w.eq_ignore_ascii_case("THEN"))
}
