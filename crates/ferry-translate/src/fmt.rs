//! Formatting generated Rust with rustfmt, without giving rustfmt every line.
//!
//! The emitter writes rustfmt's layout for short lines already (4-space indent, one statement per
//! line), so most of its lines are fixed points of rustfmt. A line is kept as it is only when a
//! conservative check shows that none of rustfmt's width heuristics (`fn_call_width`,
//! `chain_width`, `array_width`, `struct_lit_width`, ... and `max_width` 100) can apply to it and
//! that it is complete on its own (balanced brackets, no block opened and closed around it).
//! Every other line (a *piece*) is formatted by the real rustfmt, inside a small synthetic context
//! that gives it the same indentation and the same kind of surroundings (a block, a struct
//! literal, a match, an `if` before an `else`): rustfmt formats a statement from its text and its
//! indentation only. A `let` whose value is a block (`let r = (|| -> T {` ... `})();`) is one
//! piece with all its lines. The pieces of many files go to rustfmt together, each distinct one
//! once (a piece's context is a small value, `Ctx`, whose lines are made only for the distinct
//! pieces); files are planned and put back together in parallel. A file with anything this
//! module does not recognise is formatted whole (by rustfmt runs that go on while the pieces'
//! do).
//!
//! The claim "same bytes as rustfmt on the whole file" is held by a test that formats the output
//! of the corpus and the samples both ways, and can be checked on any run with
//! `FERRY_FMT_CHECK=1` (every file is then formatted both ways; a difference aborts).

use std::collections::HashMap;

/// Width below which rustfmt's width heuristics (60 for calls, chains and arrays, 70 for
/// attributes) cannot apply; a margin under the smallest of them.
const SAFE_GROUP: usize = 50;
const MAX_WIDTH: usize = 100;

/// One part of a file: lines kept as written (their bytes in the file), or a piece formatted by
/// rustfmt (the piece itself when planned, its index among the distinct pieces of all files once
/// they are merged).
enum Part<P> {
    Keep(std::ops::Range<usize>),
    Piece(P),
}

/// Adds the lines from byte `start` to byte `end` of the file (contiguous with what is already
/// kept) to the lines kept as written.
fn kept(keep: &mut Option<std::ops::Range<usize>>, start: usize, end: usize) {
    match keep {
        Some(k) => {
            debug_assert_eq!(k.end, start);
            k.end = end;
        }
        None => *keep = Some(start..end),
    }
}

/// A piece of Rust to format in a synthetic context: the context's lines before, `content`, the
/// context's lines after, where the context lines are rustfmt's fixed points; the formatted
/// content is what lies between them.
#[derive(Clone, PartialEq, Eq, Hash)]
struct Wrapped {
    ctx: Ctx,
    content: String,
}

/// The synthetic context of a piece at a depth; its lines are made only for the distinct pieces.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Ctx {
    /// Items, in nested modules ([`blocks_for_items`]).
    Items(usize),
    /// Statements, in blocks ([`blocks`]).
    Blocks(usize),
    /// A field initialiser ([`in_struct`]); depth 2 or more.
    Struct(usize),
    /// A match arm ([`in_match`]); depth 2 or more.
    Match(usize),
    /// A block header, in blocks or (`arm`, depth 2 or more) in a match, with a placeholder body
    /// (`_ => {}` for a `match` header) and its closing brace (`};` after a `let`).
    Header {
        depth: usize,
        arm: bool,
        header_match: bool,
        header_let: bool,
    },
    /// `} else {`, after an `if` block.
    Else(usize),
}

impl Ctx {
    /// The context lines before and after the piece.
    fn lines(self) -> (Vec<String>, Vec<String>) {
        match self {
            Ctx::Items(depth) => blocks_for_items(depth),
            Ctx::Blocks(depth) => blocks(depth),
            Ctx::Struct(depth) => in_struct(depth),
            Ctx::Match(depth) => in_match(depth),
            Ctx::Header {
                depth,
                arm,
                header_match,
                header_let,
            } => {
                let (b, mut a) = if arm { in_match(depth) } else { blocks(depth) };
                let placeholder = if header_match {
                    format!("{}_ => {{}}", pad(depth + 1))
                } else {
                    format!("{}__ferry_body();", pad(depth + 1))
                };
                let close = if header_let {
                    format!("{}}};", pad(depth))
                } else {
                    format!("{}}}", pad(depth))
                };
                a.insert(0, close);
                a.insert(0, placeholder);
                (b, a)
            }
            Ctx::Else(depth) => {
                let (mut b, mut a) = blocks(depth);
                b.push(format!("{}if __ferry_cond {{", pad(depth)));
                b.push(format!("{}__ferry_body();", pad(depth + 1)));
                a.insert(0, format!("{}}}", pad(depth)));
                a.insert(0, format!("{}__ferry_body();", pad(depth + 1)));
                (b, a)
            }
        }
    }
}

impl Wrapped {
    fn text(&self) -> String {
        let (before, after) = self.ctx.lines();
        let mut s = String::new();
        for l in &before {
            s.push_str(l);
            s.push('\n');
        }
        s.push_str(&self.content);
        for l in &after {
            s.push_str(l);
            s.push('\n');
        }
        s
    }
}

/// `ctx` when its depth allows it (a struct literal or a match needs a block around it).
fn nested(ctx: Ctx, depth: usize) -> Option<Ctx> {
    (depth >= 2).then_some(ctx)
}

fn pad(depth: usize) -> String {
    "    ".repeat(depth)
}

/// Context lines that put a line at `depth` levels of indentation inside blocks.
fn blocks(depth: usize) -> (Vec<String>, Vec<String>) {
    if depth == 0 {
        return (Vec::new(), Vec::new());
    }
    let mut before = vec!["fn __ferry_fmt() {".to_string()];
    let mut after = vec!["}".to_string()];
    for d in 1..depth {
        before.push(format!("{}{{", pad(d)));
        after.insert(0, format!("{}}}", pad(d)));
    }
    (before, after)
}

/// What a line looks like to the scanner.
struct Scan {
    /// Parentheses and brackets balanced, braces only as described by the other fields.
    balanced: bool,
    /// A `{` somewhere but at the end, or a `}` somewhere but at the start.
    inner_braces: bool,
    /// Longest text between a `(`/`[` and its closing bracket.
    widest_group: usize,
    /// A method call, field access or `?`: rustfmt's chain rules may apply.
    chain: bool,
    /// Something the scanner does not follow (raw strings, non-ASCII text): the file is
    /// formatted whole.
    unsure: bool,
    /// Closures, labels, comments, ranges, operators with their own rules: never kept as they
    /// are, but a piece rustfmt formats.
    complex: bool,
}

fn scan(s: &str) -> Scan {
    let b = s.as_bytes();
    let mut r = Scan {
        balanced: true,
        inner_braces: false,
        widest_group: 0,
        chain: false,
        unsure: !s.is_ascii(),
        complex: false,
    };
    let mut stack: Vec<(u8, usize)> = Vec::new();
    let mut braces = 0i32;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        match c {
            b'"' => {
                if i > 0 && b[i - 1] == b'r' && (i < 2 || !b[i - 2].is_ascii_alphanumeric()) {
                    r.unsure = true;
                }
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    if b[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
                if i >= b.len() {
                    r.unsure = true;
                }
            }
            b'\'' => {
                if b.get(i + 1) == Some(&b'\\') {
                    i += 3;
                    while i < b.len() && b[i] != b'\'' {
                        i += 1;
                    }
                } else if b.get(i + 2) == Some(&b'\'') {
                    i += 2;
                } else {
                    // A label or a lifetime.
                    r.complex = true;
                }
            }
            b'/' => {
                r.complex = true;
                if b.get(i + 1) == Some(&b'/') {
                    // A comment: nothing after it counts.
                    break;
                }
            }
            b'|' | b'\t' => r.complex = true,
            b'#' => {
                if !s.starts_with("#[") {
                    r.unsure = true;
                }
            }
            b'(' | b'[' => stack.push((c, i)),
            b')' | b']' => match stack.pop() {
                Some((o, at)) if (o == b'(') == (c == b')') => {
                    r.widest_group = r.widest_group.max(i - at - 1);
                }
                _ => r.balanced = false,
            },
            b'{' => {
                braces += 1;
                if i + 1 != b.len() {
                    r.inner_braces = true;
                }
            }
            b'}' => {
                braces -= 1;
                if i != 0 {
                    r.inner_braces = true;
                }
            }
            b'.' => {
                let digit_before = i > 0 && b[i - 1].is_ascii_digit();
                if b.get(i + 1)
                    .is_some_and(|n| n.is_ascii_alphabetic() || *n == b'_')
                    && !digit_before
                {
                    r.chain = true;
                }
                if b.get(i + 1) == Some(&b'.') {
                    r.complex = true;
                }
            }
            b'?' => r.chain = true,
            _ => {}
        }
        i += 1;
    }
    if !stack.is_empty() || braces.abs() > 1 {
        r.balanced = false;
    }
    r
}

fn is_decl(s: &str) -> bool {
    let s = s.strip_prefix("pub ").unwrap_or(s);
    (s.starts_with("use ") || s.starts_with("mod ") || s.starts_with("extern crate "))
        && s.ends_with(';')
}

/// Splits a file into parts. `None`: something this module does not recognise; the file is
/// formatted whole.
fn plan(text: &str) -> Option<Vec<Part<Wrapped>>> {
    if !text.ends_with('\n') || text.ends_with("\n\n") || text.starts_with('\n') {
        return None;
    }
    let lines: Vec<&str> = text[..text.len() - 1].split('\n').collect();
    let mut parts: Vec<Part<Wrapped>> = Vec::new();
    // Byte offsets in `text` of the start and end (after its newline) of a line.
    let start = |l: &str| l.as_ptr() as usize - text.as_ptr() as usize;
    let end = |l: &str| start(l) + l.len() + 1;
    let mut keep: Option<std::ops::Range<usize>> = None;
    let add = |w: Wrapped, parts: &mut Vec<Part<Wrapped>>, keep: &mut Option<_>| {
        if let Some(k) = keep.take() {
            parts.push(Part::Keep(k));
        }
        parts.push(Part::Piece(w));
    };
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let s = line.trim_start();
        let indent = line.len() - s.len();
        let prev_blank_or_open = i == 0 || lines[i - 1].is_empty() || lines[i - 1].ends_with('{');
        if s.is_empty() {
            // rustfmt drops blank lines after `{`, before `}` and after another blank line.
            if prev_blank_or_open
                || lines
                    .get(i + 1)
                    .is_some_and(|n| n.trim_start().starts_with('}'))
            {
                return None;
            }
            kept(&mut keep, start(line), end(line));
            i += 1;
            continue;
        }
        if line.ends_with(' ') || indent % 4 != 0 || line.contains('\t') {
            return None;
        }
        let depth = indent / 4;
        if s.ends_with("! {") {
            // A macro called with braces (`thread_local! { ... }`): rustfmt leaves its body
            // as written, up to the closing brace at the same indentation.
            let close = lines[i + 1..]
                .iter()
                .position(|l| l.starts_with(&format!("{}}}", pad(depth))))?;
            kept(&mut keep, start(line), end(lines[i + 1 + close]));
            i += close + 2;
            continue;
        }
        if s.starts_with("//") {
            kept(&mut keep, start(line), end(line));
            i += 1;
            continue;
        }
        // Runs of `use`/`mod` declarations: rustfmt sorts them, so the run is one piece.
        if is_decl(s) {
            let mut j = i + 1;
            let mut last = i;
            while j < lines.len() {
                let t = lines[j].trim_start();
                let same = lines[j].len() - t.len() == indent;
                if t.is_empty() || (same && (t.starts_with("#[") || t.starts_with("//"))) {
                    j += 1;
                } else if same && is_decl(t) {
                    last = j;
                    j += 1;
                } else {
                    break;
                }
            }
            if last > i {
                let mut content = String::new();
                for l in &lines[i..=last] {
                    content.push_str(l);
                    content.push('\n');
                }
                add(
                    Wrapped {
                        ctx: Ctx::Items(depth),
                        content,
                    },
                    &mut parts,
                    &mut keep,
                );
                i = last + 1;
                continue;
            }
        }
        if depth > 0 && s.starts_with("let ") && s.ends_with('{') && !s.contains("match ") {
            // A `let` whose value is a block (`let r = (|| -> T {` ... `})();`): the whole
            // statement, up to the line ending it at the same indentation, is one piece.
            let inner = pad(depth + 1);
            let close_at = format!("{}}}", pad(depth));
            let mut close = i + 1;
            loop {
                let l = *lines.get(close)?;
                if l.is_empty() || l.starts_with(&inner) {
                    close += 1;
                } else if !l.starts_with(&close_at) {
                    return None;
                } else if l.ends_with(';') {
                    break;
                } else if l.ends_with('{') {
                    close += 1;
                } else {
                    return None;
                }
            }
            let mut content = String::new();
            for l in &lines[i..=close] {
                content.push_str(l);
                content.push('\n');
            }
            add(
                Wrapped {
                    ctx: Ctx::Blocks(depth),
                    content,
                },
                &mut parts,
                &mut keep,
            );
            i = close + 1;
            continue;
        }
        let sc = scan(s);
        if !sc.balanced || sc.unsure {
            return None;
        }
        let opens = s.ends_with('{');
        let closes = s.starts_with('}');
        let empty_body = opens
            && lines.get(i + 1).is_some_and(|n| {
                n.len() == indent + 1
                    && n.ends_with('}')
                    && n.bytes().take(indent).all(|c| c == b' ')
            });
        let short = line.len() <= MAX_WIDTH
            && sc.widest_group <= SAFE_GROUP
            && !sc.inner_braces
            && !sc.complex
            && (!sc.chain || s.len() <= SAFE_GROUP);
        if short && !empty_body {
            kept(&mut keep, start(line), end(line));
            i += 1;
            continue;
        }
        if sc.inner_braces && (opens || closes) && !empty_body {
            return None;
        }
        let arm = s.contains("=>");
        let (ctx, content, next) = if empty_body {
            // A block opened and closed on the next line: both lines together.
            let content = format!("{line}\n{}}}\n", pad(depth));
            let ctx = if arm {
                nested(Ctx::Match(depth), depth)?
            } else {
                Ctx::Blocks(depth)
            };
            (ctx, content, i + 2)
        } else if !opens && !closes {
            let field = s.ends_with(',')
                && !arm
                && s.split_once(": ").is_some_and(|(n, _)| {
                    n.bytes()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'_')
                });
            let ctx = if field {
                nested(Ctx::Struct(depth), depth)?
            } else if arm {
                nested(Ctx::Match(depth), depth)?
            } else if s.ends_with(';') || s.ends_with(')') {
                Ctx::Blocks(depth)
            } else {
                return None;
            };
            (ctx, format!("{line}\n"), i + 1)
        } else if opens && !closes {
            // A block header: the block gets a placeholder body, dropped after formatting.
            let header_match = s.contains("match ");
            if arm && depth < 2 {
                return None;
            }
            if (s.starts_with("let ") && !header_match) || s.starts_with("impl") {
                return None;
            }
            let ctx = Ctx::Header {
                depth,
                arm,
                header_match,
                header_let: s.starts_with("let "),
            };
            (ctx, format!("{line}\n"), i + 1)
        } else if s.starts_with("} else") && opens {
            (Ctx::Else(depth), format!("{line}\n"), i + 1)
        } else {
            return None;
        };
        add(Wrapped { ctx, content }, &mut parts, &mut keep);
        i = next;
    }
    if let Some(k) = keep {
        parts.push(Part::Keep(k));
    }
    Some(parts)
}

/// Items (declarations) at `depth`: top level, or in nested modules.
fn blocks_for_items(depth: usize) -> (Vec<String>, Vec<String>) {
    let mut before = Vec::new();
    let mut after = Vec::new();
    for d in 0..depth {
        before.push(format!("{}mod __ferry_m {{", pad(d)));
        after.insert(0, format!("{}}}", pad(d)));
    }
    (before, after)
}

/// Blocks down to `depth - 1` (2 or more), then `opener` (closed by `}`) around the line at
/// `depth`.
fn wrapped(depth: usize, opener: &str) -> (Vec<String>, Vec<String>) {
    debug_assert!(depth >= 2, "see nested()");
    let (mut b, mut a) = blocks(depth - 1);
    b.push(format!("{}{opener} {{", pad(depth - 1)));
    a.insert(0, format!("{}}}", pad(depth - 1)));
    (b, a)
}

/// A field initialiser at `depth`, inside a struct literal that stays vertical.
fn in_struct(depth: usize) -> (Vec<String>, Vec<String>) {
    let (b, mut a) = wrapped(depth, "__FerryStruct");
    a.insert(
        0,
        format!(
            "{}__ferry_field: __ferry_long_placeholder_value,",
            pad(depth)
        ),
    );
    (b, a)
}

/// A match arm at `depth`, inside a match.
fn in_match(depth: usize) -> (Vec<String>, Vec<String>) {
    wrapped(depth, "match __ferry_x")
}

/// Formats the pieces with rustfmt, several in one run; `None` for a piece rustfmt rejected or
/// whose context did not come back unchanged.
fn format_pieces(pieces: &[Wrapped]) -> Vec<Option<String>> {
    use rayon::prelude::*;
    if pieces.is_empty() {
        return Vec::new();
    }
    let runs = rayon::current_num_threads().max(1);
    let batch = pieces.len().div_ceil(runs).max(1);
    pieces
        .par_chunks(batch)
        .flat_map_iter(|chunk| {
            let mut text = String::new();
            for (k, p) in chunk.iter().enumerate() {
                text.push_str(&format!("// __ferry_piece {k}\n"));
                text.push_str(&p.text());
                text.push('\n');
            }
            let formatted = crate::builtin::rustfmt_checked(&text);
            let split = formatted.and_then(|f| split_pieces(&f, chunk.len()));
            match split {
                Some(outs) => chunk
                    .iter()
                    .zip(outs)
                    .map(|(p, o)| unwrap_piece(p, &o))
                    .collect::<Vec<_>>(),
                None => chunk
                    .iter()
                    .map(|p| {
                        crate::builtin::rustfmt_checked(&p.text()).and_then(|o| unwrap_piece(p, &o))
                    })
                    .collect(),
            }
        })
        .collect()
}

/// The formatted text of each piece of a batch, by its marker comments.
fn split_pieces(formatted: &str, n: usize) -> Option<Vec<String>> {
    let mut outs: Vec<String> = Vec::with_capacity(n);
    for line in formatted.split_inclusive('\n') {
        if let Some(k) = line.strip_prefix("// __ferry_piece ") {
            if k.trim().parse::<usize>().ok()? != outs.len() {
                return None;
            }
            outs.push(String::new());
        } else {
            outs.last_mut()?.push_str(line);
        }
    }
    (outs.len() == n).then_some(outs)
}

/// The formatted content of a piece: its output without the context lines, which must have come
/// back as they went in.
fn unwrap_piece(p: &Wrapped, out: &str) -> Option<String> {
    let out = out.trim_end_matches('\n');
    let lines: Vec<&str> = out.split('\n').collect();
    let (before, after) = p.ctx.lines();
    let (nb, na) = (before.len(), after.len());
    if lines.len() <= nb + na {
        return None;
    }
    if lines[..nb] != before.iter().map(String::as_str).collect::<Vec<_>>()[..]
        || lines[lines.len() - na..] != after.iter().map(String::as_str).collect::<Vec<_>>()[..]
    {
        return None;
    }
    let mut s = String::new();
    for l in &lines[nb..lines.len() - na] {
        s.push_str(l);
        s.push('\n');
    }
    Some(s)
}

/// Formats many generated Rust files: the lines rustfmt would not change are kept, the others
/// are formatted by rustfmt in context; a file this cannot handle goes whole to `whole`. Files
/// are planned in parallel, and the files that go whole are formatted while the pieces are.
pub(crate) fn format_many(texts: &mut [&mut String], whole: impl Fn(&mut [&mut String]) + Sync) {
    use rayon::prelude::*;
    let n_files = texts.len();
    let planned: Vec<Option<Vec<Part<Wrapped>>>> = texts.par_iter().map(|t| plan(t)).collect();
    // The distinct pieces of all files, in order of first appearance.
    let mut pieces = Vec::new();
    let mut index: HashMap<Wrapped, usize> = HashMap::new();
    let plans: Vec<Option<Vec<Part<usize>>>> = planned
        .into_iter()
        .map(|plan| {
            Some(
                plan?
                    .into_iter()
                    .map(|p| match p {
                        Part::Keep(k) => Part::Keep(k),
                        Part::Piece(w) => {
                            let n = pieces.len();
                            let id = *index.entry(w).or_insert_with_key(|w| {
                                pieces.push(w.clone());
                                n
                            });
                            Part::Piece(id)
                        }
                    })
                    .collect(),
            )
        })
        .collect();
    drop(index);
    let (unplanned, planned): (Vec<_>, Vec<_>) = texts
        .iter_mut()
        .zip(plans)
        .partition(|(_, plan)| plan.is_none());
    let mut unplanned: Vec<&mut String> = unplanned.into_iter().map(|(t, _)| &mut **t).collect();
    let (formatted, ()) = rayon::join(|| format_pieces(&pieces), || whole(&mut unplanned));
    let failed: Vec<&mut String> = planned
        .into_par_iter()
        .filter_map(|(t, plan)| {
            let mut s = String::with_capacity(t.len() + t.len() / 2);
            for p in plan.unwrap_or_default() {
                match p {
                    Part::Keep(k) => s.push_str(&t[k]),
                    Part::Piece(id) => match formatted[id].as_deref() {
                        Some(f) => s.push_str(f),
                        None => return Some(&mut **t),
                    },
                }
            }
            **t = s;
            None
        })
        .collect();
    for _ in 0..n_files - unplanned.len() - failed.len() {
        crate::stats::count_file(true);
    }
    for _ in 0..unplanned.len() + failed.len() {
        crate::stats::count_file(false);
    }
    // A file with a piece rustfmt rejected: formatted whole.
    let mut failed = failed;
    whole(&mut failed);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scanner_sees_groups_chains_and_strings() {
        let s = scan(r#"rt::display(&self.mem, &[rt::Val::Bytes(b"(("), x], true);"#);
        assert!(s.balanced && s.chain && !s.unsure && !s.inner_braces);
        assert_eq!(
            s.widest_group,
            r#"&self.mem, &[rt::Val::Bytes(b"(("), x], true"#.len()
        );
        let c = scan("let c = (b'(', b'\\'');");
        assert!(c.balanced && !c.complex && !c.unsure);
        assert!(scan("'perform1: while x {").complex);
        assert!(!scan("foo(a").balanced);
        assert!(scan("X { a: 1 }").inner_braces);
    }
}
