//! COPY and REPLACE: copybook search, nested expansion with cycle detection, and pseudo-text
//! replacement (`==a== BY ==b==`, word forms, LEADING/TRAILING partial words).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::directive::Directives;
use crate::format::{detect_format, normalise, SourceFormat};
use crate::map::MappedText;
use crate::token::{is_word, tokenize, Tok, Token};
use crate::{CopyUse, Diagnostic, PreprocessOptions, Severity};

/// Deepest COPY nesting accepted (a guard against runaway expansion).
const MAX_DEPTH: usize = 50;

/// Extensions tried for a copybook name, in order (case-insensitive file matching on top).
const EXTENSIONS: &[&str] = &["", "cpy", "copy", "cbl", "cob", "inc"];

#[derive(Debug, Clone)]
enum Pattern {
    Tokens(Vec<String>),
    Leading(String),
    Trailing(String),
}

#[derive(Debug, Clone)]
struct Rule {
    pattern: Pattern,
    by: String,
}

pub(crate) struct Expander<'o> {
    opts: &'o PreprocessOptions,
    files: Vec<PathBuf>,
    /// Files read as Latin-1 (not valid UTF-8).
    latin1: Vec<PathBuf>,
    dir_cache: HashMap<PathBuf, Vec<String>>,
    pub diagnostics: Vec<Diagnostic>,
    pub copybooks: Vec<CopyUse>,
    /// Compile-time variables and constants (`>>DEFINE`, `>>SET`), shared by the unit's files.
    dirs: Directives,
}

impl<'o> Expander<'o> {
    pub fn new(opts: &'o PreprocessOptions) -> Self {
        Self {
            opts,
            files: Vec::new(),
            latin1: Vec::new(),
            dir_cache: HashMap::new(),
            diagnostics: Vec::new(),
            copybooks: Vec::new(),
            dirs: Directives::new(&opts.defines),
        }
    }

    /// Moves the messages about directives into [`Self::diagnostics`].
    pub fn take_directive_diagnostics(&mut self) {
        for d in std::mem::take(&mut self.dirs.diags) {
            self.diagnostics.push(Diagnostic {
                severity: d.severity,
                file: self.files.get(d.file as usize).cloned().unwrap_or_default(),
                line: d.line,
                column: d.column,
                message: d.message,
            });
        }
    }

    pub fn files(&self) -> Vec<PathBuf> {
        self.files.clone()
    }

    /// Per file of [`Self::files`]: whether it was read as Latin-1.
    pub fn latin1_flags(&self) -> Vec<bool> {
        self.files.iter().map(|f| self.latin1.contains(f)).collect()
    }

    pub fn mark_latin1(&mut self, path: &Path) {
        if !self.latin1.iter().any(|p| p == path) {
            self.latin1.push(path.to_path_buf());
        }
    }

    fn file_id(&mut self, path: &Path) -> u32 {
        if let Some(i) = self.files.iter().position(|p| p == path) {
            return i as u32;
        }
        self.files.push(path.to_path_buf());
        (self.files.len() - 1) as u32
    }

    pub fn expand_file(
        &mut self,
        path: &Path,
        source: &str,
        format: SourceFormat,
        chain: &mut Vec<PathBuf>,
    ) -> MappedText {
        let id = self.file_id(path);
        let norm = normalise(
            source,
            format,
            self.opts.debugging_lines,
            id,
            &mut self.dirs,
        );
        chain.push(path.to_path_buf());
        let out = self.expand_text(&norm, path, chain);
        chain.pop();
        out
    }

    fn error_at(&mut self, src: &MappedText, at: usize, message: String) {
        let (file, line, column) = src.origin(at).unwrap_or((0, 0, 0));
        let file = self.files.get(file as usize).cloned().unwrap_or_default();
        self.diagnostics.push(Diagnostic {
            severity: Severity::Error,
            file,
            line,
            column,
            message,
        });
    }

    fn expand_text(
        &mut self,
        src: &MappedText,
        path: &Path,
        chain: &mut Vec<PathBuf>,
    ) -> MappedText {
        let s = src.text.as_str();
        let toks: Vec<Token> = tokenize(s)
            .into_iter()
            .filter(|t| t.kind != Tok::Comment)
            .collect();
        let mut out = MappedText::default();
        let mut active: Vec<Rule> = Vec::new();
        let mut copied_tok = 0usize; // tokens before this index are in `out`
        let mut copied_byte = 0usize;
        let mut i = 0;
        while i < toks.len() {
            // A directive: (tokens given to COPY, or None for REPLACE; index of its last token).
            let is_copy = is_word(s, &toks[i], "COPY");
            let is_replace =
                is_word(s, &toks[i], "REPLACE") && !(i > 0 && toks[i - 1].kind == Tok::Punct);
            let (copy_args, end) = if is_copy || is_replace {
                let Some(end) = toks[i..]
                    .iter()
                    .position(|t| t.kind == Tok::Period)
                    .map(|p| i + p)
                else {
                    let word = if is_copy { "COPY" } else { "REPLACE" };
                    self.error_at(
                        src,
                        toks[i].start,
                        format!("{word} statement is not ended by a period"),
                    );
                    break;
                };
                (is_copy.then_some(i..end), end)
            } else if let Some(end) = sql_include(s, &toks, i) {
                // `EXEC SQL INCLUDE member END-EXEC`: the SQL precompiler copies the member, as
                // COPY does (SQLCA and SQLDA are the precompiler's own, kept as EXEC).
                (Some(i + 2..i + 4), end)
            } else {
                i += 1;
                continue;
            };
            // Text before the directive, with the active REPLACE applied.
            apply_rules(
                src,
                &toks[copied_tok..i],
                copied_byte,
                toks[i].start,
                &active,
                &mut out,
            );
            // Keep the directive's line breaks so that line numbers after it stay true.
            let directive = &s[toks[i].start..toks[end].end];
            out.text
                .extend(std::iter::repeat_n('\n', directive.matches('\n').count()));
            match copy_args {
                Some(args) => {
                    // REPLACE acts on the text after COPY processing, so on copied text too.
                    let mut body = MappedText::default();
                    self.copy_statement(src, &toks[args], path, chain, &mut body);
                    let body_toks: Vec<Token> = tokenize(&body.text)
                        .into_iter()
                        .filter(|t| t.kind != Tok::Comment)
                        .collect();
                    apply_rules(&body, &body_toks, 0, body.text.len(), &active, &mut out);
                }
                None => match parse_rules(s, &toks[i + 1..end]) {
                    Ok(rules) => active = rules,
                    Err(msg) => self.error_at(src, toks[i].start, msg),
                },
            }
            i = end + 1;
            copied_tok = i;
            copied_byte = toks[end].end;
        }
        apply_rules(
            src,
            &toks[copied_tok.min(toks.len())..],
            copied_byte,
            s.len(),
            &active,
            &mut out,
        );
        out
    }

    fn copy_statement(
        &mut self,
        src: &MappedText,
        toks: &[Token],
        path: &Path,
        chain: &mut Vec<PathBuf>,
        out: &mut MappedText,
    ) {
        let s = src.text.as_str();
        let at = toks[0].start;
        let Some(name_tok) = toks.get(1) else {
            self.error_at(src, at, "COPY needs a copybook name".into());
            return;
        };
        let name = unquote(&s[name_tok.start..name_tok.end]);
        let mut k = 2;
        let mut library = None;
        if toks
            .get(k)
            .is_some_and(|t| is_word(s, t, "OF") || is_word(s, t, "IN"))
        {
            library = toks.get(k + 1).map(|t| unquote(&s[t.start..t.end]));
            k += 2;
        }
        if toks.get(k).is_some_and(|t| is_word(s, t, "SUPPRESS")) {
            k += 1;
        }
        let rules = if toks.get(k).is_some_and(|t| is_word(s, t, "REPLACING")) {
            match parse_rules(s, &toks[k + 1..]) {
                Ok(r) => r,
                Err(msg) => {
                    self.error_at(src, at, msg);
                    return;
                }
            }
        } else if let Some(t) = toks.get(k) {
            self.error_at(
                src,
                t.start,
                format!("unexpected `{}` in COPY statement", &s[t.start..t.end]),
            );
            return;
        } else {
            Vec::new()
        };
        // A bare file name (`PROG.cbl`) has an empty parent: that is the current directory.
        let including_dir = path
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let resolved = self.find(&name, library.as_deref(), including_dir);
        let (file, line, column) = src.origin(at).unwrap_or((0, 0, 0));
        self.copybooks.push(CopyUse {
            name: name.to_ascii_uppercase(),
            library: library.clone(),
            resolved: resolved.clone(),
            replacing: !rules.is_empty(),
            file: self.files.get(file as usize).cloned().unwrap_or_default(),
            line,
            column,
        });
        let Some(resolved) = resolved else {
            let mut dirs: Vec<String> = vec![including_dir.display().to_string()];
            dirs.extend(
                self.opts
                    .copybook_dirs
                    .iter()
                    .map(|d| d.display().to_string()),
            );
            self.error_at(
                src,
                at,
                format!("copybook `{name}` not found (searched {})", dirs.join(", ")),
            );
            return;
        };
        if chain.contains(&resolved) || chain.len() >= MAX_DEPTH {
            let mut names: Vec<String> = chain.iter().map(|p| p.display().to_string()).collect();
            names.push(resolved.display().to_string());
            self.error_at(src, at, format!("COPY cycle: {}", names.join(" -> ")));
            return;
        }
        let bytes = match std::fs::read(&resolved) {
            Ok(b) => b,
            Err(e) => {
                self.error_at(
                    src,
                    at,
                    format!("cannot read copybook {}: {e}", resolved.display()),
                );
                return;
            }
        };
        if std::str::from_utf8(&bytes).is_err() {
            self.mark_latin1(&resolved);
        }
        let text = crate::decode(&bytes);
        let format = self.opts.format.unwrap_or_else(|| detect_format(&text));
        let expanded = self.expand_file(&resolved, &text, format, chain);
        let toks: Vec<Token> = tokenize(&expanded.text)
            .into_iter()
            .filter(|t| t.kind != Tok::Comment)
            .collect();
        let mut body = MappedText::default();
        apply_rules(&expanded, &toks, 0, expanded.text.len(), &rules, &mut body);
        // The member's own line breaks would shift every following line: keep it on the COPY's lines.
        let flat = body.text.trim_end_matches('\n').len();
        body.text.truncate(flat);
        out.push_from(&body, 0, body.text.len());
    }

    fn find(&mut self, name: &str, library: Option<&str>, including_dir: &Path) -> Option<PathBuf> {
        let mut dirs = vec![including_dir.to_path_buf()];
        dirs.extend(self.opts.copybook_dirs.iter().cloned());
        if let Some(lib) = library {
            let with_lib: Vec<PathBuf> = dirs.iter().map(|d| d.join(lib)).collect();
            dirs.splice(0..0, with_lib);
        }
        for dir in &dirs {
            let entries = self
                .dir_cache
                .entry(dir.clone())
                .or_insert_with(|| list_dir(dir));
            if let Some(found) = find_copybook(name, entries) {
                return Some(dir.join(found));
            }
        }
        None
    }
}

/// `EXEC SQL INCLUDE member END-EXEC [.]` starting at token `i` (member not SQLCA / SQLDA): the
/// index of its last token (END-EXEC, or the period after it).
fn sql_include(s: &str, toks: &[Token], i: usize) -> Option<usize> {
    if !is_word(s, &toks[i], "EXEC")
        || !toks.get(i + 1).is_some_and(|t| is_word(s, t, "SQL"))
        || !toks.get(i + 2).is_some_and(|t| is_word(s, t, "INCLUDE"))
        || !toks.get(i + 4).is_some_and(|t| is_word(s, t, "END-EXEC"))
    {
        return None;
    }
    let name = toks.get(i + 3)?;
    let member = unquote(&s[name.start..name.end]);
    if member.eq_ignore_ascii_case("SQLCA") || member.eq_ignore_ascii_case("SQLDA") {
        return None;
    }
    Some(if toks.get(i + 5).is_some_and(|t| t.kind == Tok::Period) {
        i + 5
    } else {
        i + 4
    })
}

fn list_dir(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
                .filter_map(|e| e.file_name().into_string().ok())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

/// Picks the file for copybook `name` among directory `entries`: exact name first, then the known
/// extensions, all case-insensitively.
pub fn find_copybook<'a>(name: &str, entries: &'a [String]) -> Option<&'a String> {
    for ext in EXTENSIONS {
        let wanted = if ext.is_empty() {
            name.to_string()
        } else {
            format!("{name}.{ext}")
        };
        if let Some(e) = entries.iter().find(|e| e.as_str() == wanted) {
            return Some(e);
        }
        if let Some(e) = entries.iter().find(|e| e.eq_ignore_ascii_case(&wanted)) {
            return Some(e);
        }
    }
    None
}

fn unquote(s: &str) -> String {
    let t = s.trim();
    if t.len() >= 2 && (t.starts_with('"') || t.starts_with('\'')) {
        t[1..t.len() - 1].to_string()
    } else {
        t.to_string()
    }
}

fn norm_token(s: &str, t: &Token) -> String {
    let text = &s[t.start..t.end];
    if t.kind == Tok::Word {
        text.to_ascii_uppercase()
    } else {
        text.to_string()
    }
}

/// Parses `a BY b [a BY b ...]` (REPLACING or REPLACE operands), or `OFF`.
fn parse_rules(s: &str, toks: &[Token]) -> Result<Vec<Rule>, String> {
    let mut rules = Vec::new();
    let mut k = 0;
    if toks.len() == 1 && is_word(s, &toks[0], "OFF") {
        return Ok(rules);
    }
    while k < toks.len() {
        let mut leading = false;
        let mut trailing = false;
        if is_word(s, &toks[k], "LEADING") {
            leading = true;
            k += 1;
        } else if is_word(s, &toks[k], "TRAILING") {
            trailing = true;
            k += 1;
        }
        let (pat_toks, pat_text, next) = operand(s, toks, k)?;
        k = next;
        if !toks.get(k).is_some_and(|t| is_word(s, t, "BY")) {
            return Err("expected BY in REPLACING phrase".into());
        }
        let (_, by, next) = operand(s, toks, k + 1)?;
        k = next;
        let pattern = if leading || trailing {
            let word = pat_text.trim().to_ascii_uppercase();
            if leading {
                Pattern::Leading(word)
            } else {
                Pattern::Trailing(word)
            }
        } else {
            if pat_toks.is_empty() {
                return Err("empty pseudo-text cannot be replaced".into());
            }
            Pattern::Tokens(pat_toks)
        };
        rules.push(Rule {
            pattern,
            by: by.trim().replace('\n', " "),
        });
    }
    Ok(rules)
}

/// One REPLACING operand: `==pseudo text==` or a single word/literal. Returns its normalised tokens,
/// its text and the index after it.
fn operand(s: &str, toks: &[Token], k: usize) -> Result<(Vec<String>, String, usize), String> {
    let t = toks.get(k).ok_or("REPLACING operand missing")?;
    if t.kind == Tok::PseudoDelim {
        let close = toks[k + 1..]
            .iter()
            .position(|t| t.kind == Tok::PseudoDelim)
            .map(|p| k + 1 + p)
            .ok_or("pseudo-text is not closed by ==")?;
        let inner = &toks[k + 1..close];
        let text = s[t.end..toks[close].start].to_string();
        Ok((
            inner.iter().map(|t| norm_token(s, t)).collect(),
            text,
            close + 1,
        ))
    } else {
        Ok((vec![norm_token(s, t)], s[t.start..t.end].to_string(), k + 1))
    }
}

/// Copies `src[from..to]` (whose tokens are `toks`) into `out`, applying `rules`.
fn apply_rules(
    src: &MappedText,
    toks: &[Token],
    from: usize,
    to: usize,
    rules: &[Rule],
    out: &mut MappedText,
) {
    if rules.is_empty() {
        out.push_from(src, from, to);
        return;
    }
    let s = src.text.as_str();
    let mut pos = from;
    let mut i = 0;
    'tokens: while i < toks.len() {
        for rule in rules {
            match &rule.pattern {
                Pattern::Tokens(pat) => {
                    if i + pat.len() <= toks.len()
                        && pat
                            .iter()
                            .zip(&toks[i..])
                            .all(|(p, t)| *p == norm_token(s, t))
                    {
                        out.push_from(src, pos, toks[i].start);
                        out.push_at(&rule.by, src, toks[i].start);
                        pos = toks[i + pat.len() - 1].end;
                        i += pat.len();
                        continue 'tokens;
                    }
                }
                Pattern::Leading(w) | Pattern::Trailing(w) => {
                    let t = &toks[i];
                    let text = &s[t.start..t.end];
                    let upper = text.to_ascii_uppercase();
                    let leading = matches!(rule.pattern, Pattern::Leading(_));
                    if t.kind == Tok::Word && upper.len() > w.len() {
                        let hit = if leading {
                            upper.starts_with(w.as_str())
                        } else {
                            upper.ends_with(w.as_str())
                        };
                        if hit {
                            out.push_from(src, pos, t.start);
                            if leading {
                                out.push_at(&rule.by, src, t.start);
                                out.push_from(src, t.start + w.len(), t.end);
                            } else {
                                out.push_from(src, t.start, t.end - w.len());
                                out.push_at(&rule.by, src, t.end - w.len());
                            }
                            pos = t.end;
                            i += 1;
                            continue 'tokens;
                        }
                    }
                }
            }
        }
        i += 1;
    }
    out.push_from(src, pos, to);
}
