//! Compiler-directing statements, line by line, as cobc 3.1.2 treats them:
//! `>>DEFINE`, `>>IF` / `>>ELIF` / `>>ELSE` / `>>END-IF`, `>>SET` (SOURCEFORMAT, CONSTANT), `>>SOURCE`,
//! `>>D`, the directives cobc accepts and ignores (`>>TURN`, `>>PAGE`, `>>LISTING`,
//! `>>CALL-CONVENTION`), Micro Focus `$SET` / `$IF` / `$ELSE` / `$END` / `$DISPLAY`, and the IBM
//! listing statements (EJECT, SKIP1/2/3, TITLE) and CBL / PROCESS cards.
//!
//! A directive line, a line of an excluded `>>IF` branch and a listing statement become empty
//! lines of the preprocessed text, so that every remaining byte keeps its file, line and column.
//!
//! Facts checked under cobc 3.1.2 (default dialect):
//! - a directive starts in column 7 or later in fixed format (anywhere in free format) and runs to
//!   the end of the line (columns 73+ included); `>> IF` may have a space after `>>`;
//! - an `>>IF` condition is one of `name IS [NOT] DEFINED`, `name IS [NOT] SET` (a compiler flag:
//!   never set here) or one relation between two operands (names or literals) with `=`, `<`, `>`,
//!   `<=`, `>=`, `<>`, `[NOT] EQUAL [TO]`, `GREATER [THAN] [OR EQUAL [TO]]`, `LESS ...`, `NOT ...`;
//!   there is no AND / OR and no parentheses. A relation on an undefined name is false; numbers
//!   compare by value (`10 = 10.0`), alphanumerics byte for byte without padding (`"B" = "B "` is
//!   false), a number and an alphanumeric never compare equal (cobc warns);
//! - `>>DEFINE name [AS] literal | PARAMETER | OFF [OVERRIDE]`: a second DEFINE of a defined name
//!   without OVERRIDE is an error; `AS PARAMETER` takes the value given on the command line (`-D`),
//!   and leaves the name undefined without one; a `-D` name is defined without any DEFINE;
//! - `>>DEFINE CONSTANT name AS literal` and `>>SET CONSTANT name literal` also make `name` a
//!   constant of the program text (as a level-78 item): here, each later use of the word is
//!   replaced by the literal (not in a PICTURE string);
//! - EJECT / SKIPn / TITLE are ignored by cobc only under `-std=ibm` / `-std=mf`, and CBL / PROCESS
//!   cards are rejected by every cobc dialect; ferry ignores them all so that IBM sources scan.

use std::collections::HashMap;

use crate::format::SourceFormat;
use crate::token::{tokenize, Tok, Token};
use crate::Severity;

/// The value of a compile-time variable.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    Num(f64),
    Alnum(String),
}

impl Value {
    /// Reads a value given on the command line (cobc's `-D NAME=VALUE`): a quoted literal, a number,
    /// or otherwise alphanumeric text as it is.
    pub fn from_option(text: &str) -> Value {
        let t = text.trim();
        if t.len() >= 2 && (t.starts_with('"') || t.starts_with('\'')) && t.ends_with(&t[..1]) {
            return Value::Alnum(t[1..t.len() - 1].to_string());
        }
        match parse_number(t) {
            Some(n) => Value::Num(n),
            None => Value::Alnum(t.to_string()),
        }
    }
}

fn parse_number(t: &str) -> Option<f64> {
    let digits = t.strip_prefix(['+', '-']).unwrap_or(t);
    let ok = !digits.is_empty()
        && digits.chars().any(|c| c.is_ascii_digit())
        && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
        && digits.matches('.').count() <= 1;
    if ok {
        t.parse::<f64>().ok()
    } else {
        None
    }
}

/// A message about a directive, positioned in a file of the source map.
#[derive(Debug, Clone)]
pub(crate) struct DirDiag {
    pub file: u32,
    pub line: u32,
    pub column: u32,
    pub severity: Severity,
    pub message: String,
}

/// What the preprocessor does with a line after looking at its directive.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Action {
    /// The line becomes an empty line.
    Blank,
    /// The line becomes an empty line and the reference format changes from the next line on.
    Format(SourceFormat),
    /// A `>>D` debugging line that is compiled: the code starts at this byte of the line.
    Code(usize),
}

/// One open `>>IF` (or `$IF`).
#[derive(Debug, Clone)]
pub(crate) struct Frame {
    parent_active: bool,
    /// Some branch of this IF has been taken.
    taken: bool,
    active: bool,
    else_seen: bool,
    line: u32,
    column: u32,
}

/// The compile-time state of one compilation unit: variables, constants and messages.
#[derive(Debug, Clone, Default)]
pub(crate) struct Directives {
    /// Values given from outside (ferry.toml `[defines]`, cobc's `-D`), by upper-case name.
    params: HashMap<String, Value>,
    vars: HashMap<String, Value>,
    /// Constants of the program text: upper-case name, literal as written.
    constants: Vec<(String, String)>,
    pub diags: Vec<DirDiag>,
}

/// Where one line's directive is: the byte where `>>` or `$` starts.
pub(crate) fn directive_start(line: &str, mode: SourceFormat) -> Option<usize> {
    let lead = line.len() - line.trim_start().len();
    let t = &line[lead..];
    // cobc wants a fixed-format directive in column 7 or later; ferry also takes one from column 1.
    if t.starts_with(">>") || mode == SourceFormat::Free && dollar_directive(t) {
        return Some(lead);
    }
    if mode == SourceFormat::Free {
        return None;
    }
    // Fixed and variable: from column 7 on (after a sequence number or not).
    let from = crate::format::byte_at_col(line, 6);
    let area = &line[from..];
    let lead = area.len() - area.trim_start().len();
    let t = &area[lead..];
    if t.starts_with(">>") || dollar_directive(t) {
        Some(from + lead)
    } else {
        None
    }
}

/// `$SET`, `$IF`, `$ELSE`, `$END`, `$DISPLAY` (Micro Focus directives that cobc knows).
fn dollar_directive(t: &str) -> bool {
    let Some(rest) = t.strip_prefix('$') else {
        return false;
    };
    let word: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    matches!(
        word.to_ascii_uppercase().as_str(),
        "SET" | "IF" | "ELSE" | "END" | "DISPLAY"
    )
}

/// An IBM listing statement alone on its line (EJECT, SKIP1/2/3 with an optional period, TITLE
/// 'text'), which the compiler does not see.
pub(crate) fn is_listing_statement(content: &str) -> bool {
    let t = content.trim();
    // Cheap test first: this runs on every code line.
    if !t
        .as_bytes()
        .first()
        .is_some_and(|b| matches!(b.to_ascii_uppercase(), b'E' | b'S' | b'T'))
    {
        return false;
    }
    let t = t.strip_suffix('.').unwrap_or(t).trim_end();
    let upper = t.to_ascii_uppercase();
    if matches!(upper.as_str(), "EJECT" | "SKIP1" | "SKIP2" | "SKIP3") {
        return true;
    }
    let Some(rest) = upper.strip_prefix("TITLE") else {
        return false;
    };
    let rest = &t[t.len() - rest.len()..];
    if !rest.starts_with([' ', '\t']) {
        return false;
    }
    let lit = rest.trim();
    lit.len() >= 2
        && (lit.starts_with('"') || lit.starts_with('\''))
        && lit.ends_with(&lit[..1])
        && !lit[1..lit.len() - 1].contains(&lit[..1])
}

/// An IBM `CBL` / `PROCESS` card (compiler options before the program), from column 1 or after a
/// sequence number.
pub(crate) fn is_process_card(line: &str) -> bool {
    let card = |t: &str| {
        let t = t.trim_start();
        let word: String = t.chars().take_while(|c| !c.is_ascii_whitespace()).collect();
        word.eq_ignore_ascii_case("CBL") || word.eq_ignore_ascii_case("PROCESS")
    };
    card(line) || card(&line[crate::format::byte_at_col(line, 6)..])
}

impl Frame {
    pub fn is_active(&self) -> bool {
        self.active
    }
}

impl Directives {
    pub fn new(defines: &[(String, String)]) -> Self {
        let mut d = Self::default();
        for (name, value) in defines {
            let name = name.trim().to_ascii_uppercase();
            let value = Value::from_option(value);
            d.params.insert(name.clone(), value.clone());
            d.vars.insert(name, value);
        }
        d
    }

    /// The constants to substitute in the program text.
    pub fn constants(&self) -> &[(String, String)] {
        &self.constants
    }

    fn error(&mut self, file: u32, line: u32, column: u32, message: String) {
        self.diags.push(DirDiag {
            file,
            line,
            column,
            severity: Severity::Error,
            message,
        });
    }

    fn warning(&mut self, file: u32, line: u32, column: u32, message: String) {
        self.diags.push(DirDiag {
            file,
            line,
            column,
            severity: Severity::Warning,
            message,
        });
    }

    /// Handles the directive `text` (from `>>` or `$` to the end of the line), which starts at
    /// 1-based `column` of `line`. `stack` holds the IFs open in this file.
    pub fn directive(
        &mut self,
        text: &str,
        file: u32,
        line: u32,
        column: u32,
        stack: &mut Vec<Frame>,
        debugging: bool,
    ) -> Action {
        let dollar = text.starts_with('$');
        let body_at = if dollar { 1 } else { 2 };
        let body = &text[body_at..];
        let toks: Vec<Token> = tokenize(body)
            .into_iter()
            .filter(|t| t.kind != Tok::Comment)
            .collect();
        let col_of = |t: &Token| column + body_at as u32 + body[..t.start].chars().count() as u32;
        let Some(first) = toks.first() else {
            self.error(file, line, column, "empty directive `>>`".into());
            return Action::Blank;
        };
        let keyword = body[first.start..first.end].to_ascii_uppercase();
        let args = Args {
            s: body,
            toks: &toks[1..],
        };
        let active = stack.last().is_none_or(|f| f.active);
        let name = if dollar {
            format!("${keyword}")
        } else {
            format!(">>{keyword}")
        };
        // The value of the directive's condition; a bad one is reported at its word and is false.
        let test = |this: &mut Self| match this.condition(&args) {
            Ok(v) => v,
            Err((at, msg)) => {
                let c = args.toks.get(at).map_or(column, col_of);
                this.error(file, line, c, format!("{name}: {msg}"));
                false
            }
        };
        match keyword.as_str() {
            "IF" => {
                let value = active && test(self);
                stack.push(Frame {
                    parent_active: active,
                    taken: value,
                    active: active && value,
                    else_seen: false,
                    line,
                    column,
                });
                Action::Blank
            }
            "ELIF" if !dollar => {
                let Some(top) = stack.last().cloned() else {
                    self.error(file, line, column, ">>ELIF without matching >>IF".into());
                    return Action::Blank;
                };
                if top.else_seen {
                    self.error(file, line, column, ">>ELIF after >>ELSE".into());
                }
                let value = top.parent_active && !top.taken && test(self);
                let top = stack.last_mut().expect("checked");
                top.active = value;
                top.taken |= value;
                Action::Blank
            }
            "ELSE" => {
                match stack.last_mut() {
                    Some(top) if !top.else_seen => {
                        top.else_seen = true;
                        top.active = top.parent_active && !top.taken;
                        top.taken = true;
                    }
                    Some(_) => self.error(file, line, column, format!("second {name} in one IF")),
                    None => self.error(file, line, column, format!("{name} without matching IF")),
                }
                Action::Blank
            }
            "END-IF" | "END" if (keyword == "END") == dollar => {
                if stack.pop().is_none() {
                    self.error(file, line, column, format!("{name} without matching IF"));
                }
                Action::Blank
            }
            _ if !active => Action::Blank,
            "D" if !dollar => {
                if debugging {
                    Action::Code(first.end + body_at)
                } else {
                    Action::Blank
                }
            }
            "DEFINE" if !dollar => {
                if let Err((at, msg)) = self.define(&args) {
                    let c = args.toks.get(at).map_or(column, col_of);
                    self.error(file, line, c, format!("{name}: {msg}"));
                }
                Action::Blank
            }
            "SET" => match self.set(&args) {
                Ok(Some(f)) => Action::Format(f),
                Ok(None) => Action::Blank,
                Err((at, msg)) => {
                    let c = args.toks.get(at).map_or(column, col_of);
                    self.error(file, line, c, format!("{name}: {msg}"));
                    Action::Blank
                }
            },
            "SOURCE" if !dollar => {
                let mut k = 0;
                if args.is(k, "FORMAT") {
                    k += 1;
                }
                if args.is(k, "IS") {
                    k += 1;
                }
                match args.word(k).and_then(format_named) {
                    Some(f) if k + 1 == args.toks.len() => Action::Format(f),
                    _ => {
                        let c = args.toks.get(k).map_or(column, col_of);
                        self.error(
                            file,
                            line,
                            c,
                            ">>SOURCE: expected [FORMAT] [IS] FREE, FIXED or VARIABLE".into(),
                        );
                        Action::Blank
                    }
                }
            }
            // Accepted and ignored by cobc 3.1.2.
            "TURN" | "PAGE" | "LISTING" | "CALL-CONVENTION" | "LEAP-SECOND" if !dollar => {
                Action::Blank
            }
            // Compile-time output.
            "DISPLAY" if dollar => Action::Blank,
            _ => {
                self.warning(
                    file,
                    line,
                    column,
                    format!("ignoring unknown directive `{name}` (as cobc does)"),
                );
                Action::Blank
            }
        }
    }

    /// `name [AS] literal | PARAMETER | OFF [OVERRIDE]`, or `CONSTANT name [AS] literal [OVERRIDE]`.
    fn define(&mut self, a: &Args) -> Result<(), (usize, String)> {
        let mut k = 0;
        let constant = a.is(k, "CONSTANT");
        if constant {
            k += 1;
        }
        let name = a
            .word(k)
            .filter(|_| a.toks[k].kind == Tok::Word)
            .ok_or((k, "expected a name".to_string()))?;
        k += 1;
        if a.is(k, "AS") {
            k += 1;
        }
        enum What {
            Value(Value, String),
            Parameter,
            Off,
        }
        let (what, next) = if !constant && a.is(k, "PARAMETER") {
            (What::Parameter, k + 1)
        } else if !constant && a.is(k, "OFF") {
            (What::Off, k + 1)
        } else {
            match a.literal(k) {
                Some((v, text, next)) => (What::Value(v, text), next),
                None => {
                    let expected = if constant {
                        "expected a literal"
                    } else {
                        "expected a literal, PARAMETER or OFF"
                    };
                    return Err((k, expected.into()));
                }
            }
        };
        let mut k = next;
        let override_ = a.is(k, "OVERRIDE");
        if override_ {
            k += 1;
        }
        if k < a.toks.len() {
            return Err((k, format!("unexpected `{}`", a.text(k))));
        }
        let defined = self.vars.contains_key(&name);
        if defined && !override_ && !matches!(what, What::Off | What::Parameter) {
            return Err((0, format!("duplicate DEFINE of `{name}` (add OVERRIDE)")));
        }
        match what {
            What::Value(v, text) => {
                self.vars.insert(name.clone(), v);
                if constant {
                    self.set_constant(name, text);
                }
            }
            What::Parameter => match self.params.get(&name).cloned() {
                Some(v) => {
                    self.vars.insert(name, v);
                }
                None => {
                    self.vars.remove(&name);
                }
            },
            What::Off => {
                self.vars.remove(&name);
                self.constants.retain(|(n, _)| *n != name);
            }
        }
        Ok(())
    }

    fn set_constant(&mut self, name: String, text: String) {
        self.constants.retain(|(n, _)| *n != name);
        self.constants.push((name, text));
    }

    /// `>>SET` / `$SET` options: SOURCEFORMAT literal (or `(word)`), CONSTANT name literal; other
    /// options (compiler flags) are accepted and ignored, with their literal or `(...)` value.
    fn set(&mut self, a: &Args) -> Result<Option<SourceFormat>, (usize, String)> {
        let mut format = None;
        let mut k = 0;
        while k < a.toks.len() {
            let opt = a.word(k).unwrap_or_default();
            k += 1;
            match opt.as_str() {
                "SOURCEFORMAT" => {
                    let at = k;
                    let value = if a.punct(k, "(") && a.punct(k + 2, ")") {
                        k += 3;
                        a.word(k - 2)
                    } else if a.toks.get(k).is_some_and(|t| t.kind == Tok::Literal) {
                        k += 1;
                        Some(unquote(a.text(k - 1)).to_ascii_uppercase())
                    } else {
                        None
                    };
                    match value.as_deref().and_then(format_named) {
                        Some(f) => format = Some(f),
                        None => {
                            return Err((
                                at,
                                "SOURCEFORMAT expects \"FREE\", \"FIXED\" or \"VARIABLE\"".into(),
                            ))
                        }
                    }
                }
                "CONSTANT" => {
                    let name = a
                        .word(k)
                        .filter(|_| a.toks[k].kind == Tok::Word)
                        .ok_or((k, "CONSTANT expects a name and a literal".to_string()))?;
                    let mut j = k + 1;
                    if a.is(j, "AS") {
                        j += 1;
                    }
                    let (v, text, next) = a
                        .literal(j)
                        .ok_or((j, "CONSTANT expects a name and a literal".to_string()))?;
                    self.vars.insert(name.clone(), v);
                    self.set_constant(name, text);
                    k = next;
                }
                _ => {
                    if a.toks.get(k).is_some_and(|t| t.kind == Tok::Literal) {
                        k += 1;
                    } else if a.punct(k, "(") {
                        while k < a.toks.len() && !a.punct(k, ")") {
                            k += 1;
                        }
                        k += 1;
                    }
                }
            }
        }
        Ok(format)
    }

    /// One condition of `>>IF` / `>>ELIF` / `$IF`. The error carries the index of the token.
    fn condition(&self, a: &Args) -> Result<bool, (usize, String)> {
        let (left, mut k) = a
            .operand(0)
            .ok_or((0, "expected a name or a literal".into()))?;
        if a.is(k, "IS") {
            k += 1;
        }
        let mut not = false;
        if a.is(k, "NOT") {
            not = true;
            k += 1;
        }
        let value = if a.is(k, "DEFINED") || a.is(k, "SET") {
            let Operand::Name(name) = &left else {
                return Err((0, "DEFINED and SET apply to a name".into()));
            };
            let set = a.is(k, "SET");
            k += 1;
            // Compiler flags (`IS SET`) are never set here, as cobc knows none by these names.
            let holds = !set && self.vars.contains_key(name);
            holds != not
        } else {
            let (op, next) =
                relation(a, k).ok_or((k, "expected DEFINED, SET or a relation".into()))?;
            k = next;
            let (right, next) = a
                .operand(k)
                .ok_or((k, "expected a name or a literal".into()))?;
            k = next;
            let holds = match (self.resolve(&left), self.resolve(&right)) {
                (Some(Value::Num(l)), Some(Value::Num(r))) => op.holds(l.partial_cmp(&r)),
                (Some(Value::Alnum(l)), Some(Value::Alnum(r))) => op.holds(Some(l.cmp(&r))),
                _ => false,
            };
            holds != not
        };
        if k < a.toks.len() {
            return Err((
                k,
                format!(
                    "unexpected `{}` after the condition (cobc 3.1.2 takes one condition: no AND, OR or parentheses)",
                    a.text(k)
                ),
            ));
        }
        Ok(value)
    }

    fn resolve(&self, o: &Operand) -> Option<Value> {
        match o {
            Operand::Name(n) => self.vars.get(n).cloned(),
            Operand::Value(v) => Some(v.clone()),
        }
    }
}

fn format_named(w: impl AsRef<str>) -> Option<SourceFormat> {
    match w.as_ref().to_ascii_uppercase().as_str() {
        "FREE" => Some(SourceFormat::Free),
        "FIXED" => Some(SourceFormat::Fixed),
        "VARIABLE" => Some(SourceFormat::Variable),
        _ => None,
    }
}

fn unquote(s: &str) -> String {
    let q = &s[..1];
    s[1..s.len().saturating_sub(1).max(1)].replace(&format!("{q}{q}"), q)
}

enum Operand {
    Name(String),
    Value(Value),
}

#[derive(Clone, Copy)]
enum Rel {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

impl Rel {
    fn holds(self, ord: Option<std::cmp::Ordering>) -> bool {
        use std::cmp::Ordering::*;
        let Some(o) = ord else { return false };
        match self {
            Rel::Eq => o == Equal,
            Rel::Ne => o != Equal,
            Rel::Lt => o == Less,
            Rel::Le => o != Greater,
            Rel::Gt => o == Greater,
            Rel::Ge => o != Less,
        }
    }
}

/// A relational operator from token `k` (after an optional NOT, which the caller took).
fn relation(a: &Args, mut k: usize) -> Option<(Rel, usize)> {
    if a.punct(k, "=") {
        return Some((Rel::Eq, k + 1));
    }
    if a.punct(k, "<") {
        if a.punct(k + 1, "=") {
            return Some((Rel::Le, k + 2));
        }
        if a.punct(k + 1, ">") {
            return Some((Rel::Ne, k + 2));
        }
        return Some((Rel::Lt, k + 1));
    }
    if a.punct(k, ">") {
        if a.punct(k + 1, "=") {
            return Some((Rel::Ge, k + 2));
        }
        return Some((Rel::Gt, k + 1));
    }
    let word = a.word(k)?;
    k += 1;
    let rel = match word.as_str() {
        "EQUAL" => {
            if a.is(k, "TO") {
                k += 1;
            }
            return Some((Rel::Eq, k));
        }
        "GREATER" => Rel::Gt,
        "LESS" => Rel::Lt,
        _ => return None,
    };
    if a.is(k, "THAN") {
        k += 1;
    }
    if a.is(k, "OR") && a.is(k + 1, "EQUAL") {
        k += 2;
        if a.is(k, "TO") {
            k += 1;
        }
        return Some((
            if matches!(rel, Rel::Gt) {
                Rel::Ge
            } else {
                Rel::Le
            },
            k,
        ));
    }
    Some((rel, k))
}

/// The operand tokens of a directive.
struct Args<'a> {
    s: &'a str,
    toks: &'a [Token],
}

impl Args<'_> {
    fn text(&self, k: usize) -> &str {
        self.toks.get(k).map_or("", |t| &self.s[t.start..t.end])
    }

    fn word(&self, k: usize) -> Option<String> {
        let t = self.toks.get(k)?;
        (t.kind == Tok::Word).then(|| self.text(k).to_ascii_uppercase())
    }

    fn is(&self, k: usize, w: &str) -> bool {
        self.toks
            .get(k)
            .is_some_and(|t| t.kind == Tok::Word && self.text(k).eq_ignore_ascii_case(w))
    }

    fn punct(&self, k: usize, p: &str) -> bool {
        self.toks
            .get(k)
            .is_some_and(|t| t.kind == Tok::Punct && self.text(k) == p)
    }

    /// A literal at `k`: an alphanumeric literal or a (signed) number. Its value, its text as
    /// written (for constants) and the index after it.
    fn literal(&self, k: usize) -> Option<(Value, String, usize)> {
        let t = self.toks.get(k)?;
        let text = self.text(k);
        match t.kind {
            Tok::Literal if text.starts_with(['"', '\'']) && text.len() >= 2 => {
                Some((Value::Alnum(unquote(text)), text.to_string(), k + 1))
            }
            Tok::Word => parse_number(text).map(|n| (Value::Num(n), text.to_string(), k + 1)),
            Tok::Punct if text == "+" || text == "-" => {
                let next = self.toks.get(k + 1)?;
                if next.kind != Tok::Word || next.start != t.end {
                    return None;
                }
                let num = format!("{text}{}", self.text(k + 1));
                parse_number(&num).map(|n| (Value::Num(n), num, k + 2))
            }
            _ => None,
        }
    }

    fn operand(&self, k: usize) -> Option<(Operand, usize)> {
        if let Some((v, _, next)) = self.literal(k) {
            return Some((Operand::Value(v), next));
        }
        let t = self.toks.get(k)?;
        (t.kind == Tok::Word).then(|| (Operand::Name(self.text(k).to_ascii_uppercase()), k + 1))
    }
}

/// Replaces, in one line of program text, each word that names a constant by its literal; the
/// word after PIC / PICTURE [IS] is a picture string and is left alone. Returns the pieces with
/// the byte of `line` each came from.
pub(crate) fn substitute<'a>(
    line: &'a str,
    constants: &'a [(String, String)],
) -> Option<Vec<(&'a str, usize)>> {
    if constants.is_empty() {
        return None;
    }
    let toks = tokenize(line);
    let mut pieces = Vec::new();
    let mut pos = 0;
    let mut after_pic = false;
    for t in &toks {
        if t.kind == Tok::Comment {
            break;
        }
        let text = &line[t.start..t.end];
        if t.kind != Tok::Word {
            after_pic = false;
            continue;
        }
        let upper = text.to_ascii_uppercase();
        if after_pic && upper == "IS" {
            continue;
        }
        let picture = after_pic;
        after_pic = upper == "PIC" || upper == "PICTURE";
        if picture {
            continue;
        }
        if let Some((_, lit)) = constants.iter().find(|(n, _)| *n == upper) {
            pieces.push((&line[pos..t.start], pos));
            pieces.push((lit.as_str(), t.start));
            pos = t.end;
        }
    }
    if pieces.is_empty() {
        return None;
    }
    pieces.push((&line[pos..], pos));
    Some(pieces)
}

/// Reports the IFs left open at the end of a file.
pub(crate) fn close_file(dirs: &mut Directives, stack: Vec<Frame>, file: u32) {
    for f in stack {
        dirs.error(
            file,
            f.line,
            f.column,
            "IF directive without matching END-IF".into(),
        );
    }
}
