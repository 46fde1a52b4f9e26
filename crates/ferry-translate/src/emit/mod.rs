//! The built-in translator's code generator: one COBOL program -> one Rust module.
//!
//! Control flow is kept faithful without a general state machine: every paragraph becomes a method
//! returning `Result<(), Jump>`; `perform(from, thru)` runs paragraphs in source order from `from` until
//! the end of `thru`, following `GO TO` jumps inside the loop, exactly as COBOL's PERFORM does. Falling
//! through from one paragraph to the next is the same loop. `STOP RUN` and `GOBACK` travel up as
//! `Err(Jump::..)` with `?`.

mod data;
mod exec;
mod files;
mod intrinsic;
mod library;
mod ops;
mod sort;
mod stmt;
mod strings;

pub(crate) use ops::descriptor;

use std::collections::BTreeMap;
use std::fmt::Write as _;

use ferry_model::ProgramModel;
use ferry_syntax::ast::{Program, Span};

use crate::naming::{camel, snake, Namer};
use crate::{Interface, ProgramInput, Untranslated};

/// A paragraph as the generator sees it.
pub(crate) struct Para {
    pub name: Option<String>,
    pub section: usize,
    pub variant: String,
    pub method: String,
    pub span: Span,
}

pub(crate) struct SectionInfo {
    pub name: Option<String>,
    pub first: usize,
    pub last: usize,
}

/// Indented code buffer.
#[derive(Default)]
pub(crate) struct Code {
    pub out: String,
    pub indent: usize,
}

/// Splits `s` at top-level commas (outside parentheses, brackets and string literals).
fn split_args(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let (mut depth, mut in_str, mut esc) = (0i32, false, false);
    let mut cur = String::new();
    for c in s.chars() {
        if in_str {
            cur.push(c);
            if esc {
                esc = false;
            } else if c == '\\' {
                esc = true;
            } else if c == '"' {
                in_str = false;
            }
            continue;
        }
        match c {
            '"' => in_str = true,
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth -= 1,
            ',' if depth == 0 => {
                out.push(cur.trim().to_string());
                cur.clear();
                continue;
            }
            _ => {}
        }
        cur.push(c);
    }
    if !cur.trim().is_empty() {
        out.push(cur.trim().to_string());
    }
    out
}

/// `f(&mut self.mem, a, b);` where `a` or `b` reads `self.mem` cannot borrow twice: the reading
/// arguments are computed first, into locals named after what they are.
fn hoist(line: &str) -> Option<Vec<String>> {
    const MEM: &str = "(&mut self.mem, ";
    let open = line.find(MEM)?;
    let args_start = open + MEM.len();
    let (mut depth, mut close) = (1i32, None);
    let mut in_str = false;
    let mut prev = ' ';
    for (i, c) in line[args_start..].char_indices() {
        if in_str {
            if c == '"' && prev != '\\' {
                in_str = false;
            }
        } else if c == '"' {
            in_str = true;
        } else if c == '(' {
            depth += 1;
        } else if c == ')' {
            depth -= 1;
            if depth == 0 {
                close = Some(args_start + i);
                break;
            }
        }
        prev = c;
    }
    let close = close?;
    let args = split_args(&line[args_start..close]);
    if !args.iter().any(|a| a.contains("self.mem")) {
        return None;
    }
    let head = &line[..open];
    let names: &[&str] = if head.ends_with("move_value") {
        &["value", "target"]
    } else if head.ends_with("rt::store") {
        &["target", "value", "rounding", "checked"]
    } else {
        &[]
    };
    let mut lines = vec!["{".to_string()];
    let mut call_args = Vec::new();
    for (i, a) in args.iter().enumerate() {
        if a.contains("self.mem") {
            let name = names
                .get(i)
                .map_or(format!("arg{}", i + 1), |n| n.to_string());
            lines.push(format!("    let {name} = {a};"));
            call_args.push(name);
        } else {
            call_args.push(a.clone());
        }
    }
    lines.push(format!(
        "    {head}(&mut self.mem, {}){}",
        call_args.join(", "),
        &line[close + 1..]
    ));
    lines.push("}".to_string());
    Some(lines)
}

/// Rewrites the function body emitted since `start` to borrow the storage once, at its top
/// (`let mem = &mut self.mem[..];`, then `mem` for every `&mut self.mem` / `&self.mem`), when the
/// body uses nothing else of `self`. Same code, and it keeps compile times linear: LLVM's
/// argument promotion otherwise re-checks every reload of `self.mem` against all the code before
/// it, which grows with the square of a long paragraph's length.
pub(crate) fn bind_storage(code: &mut Code, start: usize) {
    const MUT: &str = "&mut self.mem";
    const SHARED: &str = "&self.mem";
    let body = &code.out[start..];
    if !body.contains(MUT) && !body.contains(SHARED) {
        return;
    }
    let rewritten = body.replace(MUT, "mem").replace(SHARED, "mem");
    let other_self = rewritten.match_indices("self").any(|(i, _)| {
        let before = rewritten[..i].chars().next_back();
        let after = rewritten[i + 4..].chars().next();
        let ident = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_');
        !ident(before) && !ident(after)
    });
    if other_self {
        return;
    }
    let line = format!(
        "{:width$}let mem = &mut self.mem[..];\n",
        "",
        width = code.indent * 4
    );
    code.out.truncate(start);
    code.out.push_str(&line);
    code.out.push_str(&rewritten);
}

/// Removes one pair of parentheses around a whole condition (`if (a && b)` warns in Rust).
pub(crate) fn bare(cond: &str) -> &str {
    let t = cond.trim();
    if t.starts_with('(') && t.ends_with(')') {
        let inner = &t[1..t.len() - 1];
        let mut depth = 0i32;
        for c in inner.chars() {
            match c {
                '(' => depth += 1,
                ')' => {
                    depth -= 1;
                    if depth < 0 {
                        return t;
                    }
                }
                _ => {}
            }
        }
        if depth == 0 {
            return inner;
        }
    }
    t
}

impl Code {
    pub fn line(&mut self, s: impl AsRef<str>) {
        if let Some(lines) = hoist(s.as_ref().trim()) {
            for l in lines {
                let _ = writeln!(self.out, "{:width$}{l}", "", width = self.indent * 4);
            }
            return;
        }
        if s.as_ref().is_empty() {
            self.out.push('\n');
            return;
        }
        for l in s.as_ref().lines() {
            if l.is_empty() {
                self.out.push('\n');
            } else {
                let _ = writeln!(self.out, "{:width$}{l}", "", width = self.indent * 4);
            }
        }
    }
    pub fn open(&mut self, s: impl AsRef<str>) {
        self.line(s);
        self.indent += 1;
    }
    pub fn close(&mut self, s: impl AsRef<str>) {
        self.indent = self.indent.saturating_sub(1);
        self.line(s);
    }
}

pub(crate) struct Ctx<'a> {
    pub program: &'a Program,
    pub model: &'a ProgramModel,
    pub input: &'a ProgramInput<'a>,
    pub callees: &'a BTreeMap<String, Interface>,
    pub estate_programs: &'a [String],
    /// ItemId -> const name of its descriptor.
    pub field_names: Vec<String>,
    /// File index -> field name of its handle in the program struct.
    pub file_names: Vec<String>,
    pub paras: Vec<Para>,
    pub sections: Vec<SectionInfo>,
    pub untranslated: Vec<Untranslated>,
    /// Names of called programs this program uses (crate names).
    pub uses: std::collections::BTreeSet<String>,
    /// Item -> its descriptor taken from a shared layout crate (see `crate::layouts`).
    pub shared: BTreeMap<ferry_model::ItemId, String>,
    /// Paragraph index -> its slot in `altered`: paragraphs whose GO TO an ALTER can change.
    pub altered: BTreeMap<usize, usize>,
    /// Counter for labels and temporaries.
    pub next_label: usize,
    /// Label of the sentence being emitted, when it contains NEXT SENTENCE.
    pub sentence_label: Option<String>,
    /// Labels of the inline PERFORMs being emitted (innermost last), for EXIT PERFORM.
    pub loop_labels: Vec<(String, String)>,
    pub current_para: usize,
    /// Index of the first paragraph after DECLARATIVES (where the program starts).
    pub main_start: usize,
    /// `file:line` of the USE FOR DEBUGGING sections left out of a program compiled WITH
    /// DEBUGGING MODE: its run checks that libcob would not enter them.
    pub debugging_at: Option<String>,
    /// Emitting the operands of a relation condition (FUNCTION RANDOM is refused there).
    pub in_relation: bool,
    /// File index -> (first, last) paragraph of its USE AFTER ERROR section.
    pub declaratives: BTreeMap<usize, (usize, usize)>,
    /// USE AFTER ERROR ON INPUT / OUTPUT / I-O / EXTEND: (runtime OpenMode variant, paragraphs).
    pub mode_declaratives: Vec<(&'static str, (usize, usize))>,
    /// EXEC blocks met so far (the methods of the program's `Exec` trait).
    pub exec: Vec<exec::ExecMethod>,
    /// The SQL WHENEVER actions in force at the statement being emitted (source order).
    pub whenever: exec::Whenever,
    /// The statement being emitted (where a refusal inside an expression points).
    pub statement_span: Span,
    /// Every PERFORM range (first and last paragraph) with its statement: checked against
    /// perform-osvs under `-std=ibm`.
    pub perform_ranges: Vec<(usize, usize, Span)>,
    /// Every GO TO (and ALTER ... TO PROCEED TO) as (paragraph it is in, target paragraph).
    pub goto_edges: Vec<(usize, usize)>,
}

impl<'a> Ctx<'a> {
    /// The program is compiled under `-std=ibm`.
    pub fn ibm(&self) -> bool {
        self.model.dialect == ferry_model::Dialect::Ibm
    }

    pub fn refuse(&mut self, span: Span, construct: &str, message: impl Into<String>) {
        let (path, line, column) = (self.input.locate)(span.start);
        self.untranslated.push(Untranslated {
            path,
            line,
            column,
            construct: construct.into(),
            message: message.into(),
        });
    }

    pub fn origin(&self, span: Span) -> String {
        let (path, line, _) = (self.input.locate)(span.start);
        format!("{path}:{line}")
    }

    pub fn label(&mut self, prefix: &str) -> String {
        self.next_label += 1;
        format!("'{prefix}{}", self.next_label)
    }
}

/// What the generator produced for one program.
pub(crate) struct Generated {
    pub code: String,
    pub interface: Interface,
    pub untranslated: Vec<Untranslated>,
    pub callees_used: Vec<String>,
    /// The EXEC blocks bound through the program's `Exec` trait.
    pub exec: Vec<crate::ExecBinding>,
    /// The first version of the program's `binding.rs` (when it has EXEC blocks).
    pub binding: Option<String>,
}

/// The paragraphs whose GO TO can be changed by ALTER (named by an ALTER, or holding `GO TO.`), each
/// with a slot of the program's `altered` array.
fn alterable(cx: &Ctx<'_>, program: &Program) -> BTreeMap<usize, usize> {
    let mut paras = std::collections::BTreeSet::new();
    let Some(proc) = &program.procedure else {
        return BTreeMap::new();
    };
    let mut pi = 0;
    for section in proc.declaratives.iter().chain(&proc.sections) {
        for p in &section.paragraphs {
            for sentence in &p.sentences {
                ferry_syntax::walk::for_each_statement(
                    &sentence.statements,
                    &mut |s| match &s.kind {
                        ferry_syntax::ast::StatementKind::Alter { pairs } => {
                            for (from, _) in pairs {
                                let found: Vec<usize> = (0..cx.paras.len())
                                    .filter(|&i| cx.paras[i].name.as_deref() == Some(from.as_str()))
                                    .collect();
                                if let [one] = found.as_slice() {
                                    paras.insert(*one);
                                }
                            }
                        }
                        ferry_syntax::ast::StatementKind::GoTo {
                            targets,
                            depending_on: None,
                        } if targets.is_empty() => {
                            paras.insert(pi);
                        }
                        _ => {}
                    },
                );
            }
            pi += 1;
        }
    }
    paras
        .into_iter()
        .enumerate()
        .map(|(slot, p)| (p, slot))
        .collect()
}

fn collect_paragraphs(program: &Program) -> (Vec<Para>, Vec<SectionInfo>) {
    let mut paras = Vec::new();
    let mut sections = Vec::new();
    let mut namer = Namer::default();
    let Some(proc) = &program.procedure else {
        return (paras, sections);
    };
    // DECLARATIVES come first in source order; their paragraphs are only reached by PERFORM.
    for (si, section) in proc.declaratives.iter().chain(&proc.sections).enumerate() {
        let first = paras.len();
        for p in &section.paragraphs {
            let base = match (&p.name, &section.name) {
                (Some(n), _) => n.clone(),
                (None, Some(s)) => format!("{s}-SECTION"),
                (None, None) => "START".to_string(),
            };
            let variant = namer.unique(camel(&base, "P"));
            paras.push(Para {
                name: p.name.clone(),
                section: si,
                method: snake(&variant_to_words(&variant), "p"),
                variant,
                span: p.span,
            });
        }
        if paras.len() > first {
            sections.push(SectionInfo {
                name: section.name.clone(),
                first,
                last: paras.len() - 1,
            });
        } else {
            sections.push(SectionInfo {
                name: section.name.clone(),
                first: usize::MAX,
                last: usize::MAX,
            });
        }
    }
    (paras, sections)
}

/// `P0000Main` -> `P0000-Main` so that `snake` gives `p0000_main`.
fn variant_to_words(v: &str) -> String {
    let mut s = String::new();
    let mut prev_digit_or_lower = false;
    for (i, c) in v.chars().enumerate() {
        if i > 0 && c.is_ascii_uppercase() && prev_digit_or_lower {
            s.push('-');
        }
        prev_digit_or_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
        s.push(c);
    }
    s
}

/// The program without its USE FOR DEBUGGING sections, and the span of the first, if it has any.
fn without_debugging(program: &Program) -> Option<(Program, Span)> {
    let proc = program.procedure.as_ref()?;
    let debugging =
        |s: &ferry_syntax::ast::Section| s.use_statement.as_ref().is_some_and(|u| u.debugging);
    let first = proc.declaratives.iter().find(|s| debugging(s))?.span;
    let mut p = program.clone();
    if let Some(proc) = p.procedure.as_mut() {
        proc.declaratives.retain(|s| !debugging(s));
    }
    Some((p, first))
}

pub(crate) fn program(
    input: &ProgramInput<'_>,
    callees: &BTreeMap<String, Interface>,
    estate_programs: &[String],
    shared_layouts: &[crate::layouts::SharedLayout],
) -> Generated {
    // USE FOR DEBUGGING sections run only when the program is compiled WITH DEBUGGING MODE and
    // run with COB_SET_DEBUG on; otherwise libcob never enters them. They are left out, and a
    // run that would enter them stops at its start (see `rt::debugging_declaratives`).
    let stripped;
    let input_stripped;
    let mut debugging_at = None;
    let input = match without_debugging(input.program) {
        Some((program, span)) => {
            stripped = program;
            if input.program.environment.debugging_mode {
                let (file, line, _) = (input.locate)(span.start);
                debugging_at = Some(format!("{file}:{line}"));
            }
            input_stripped = ProgramInput {
                program: &stripped,
                model: input.model,
                path: input.path.clone(),
                locate: input.locate,
                globals: input.globals.clone(),
            };
            &input_stripped
        }
        None => input,
    };
    let (shared, layout_crates) = crate::layouts::shared_descriptors(input, shared_layouts);
    let (paras, sections) = collect_paragraphs(input.program);
    let mut cx = Ctx {
        program: input.program,
        model: input.model,
        input,
        callees,
        estate_programs,
        field_names: Vec::new(),
        file_names: Vec::new(),
        paras,
        sections,
        untranslated: Vec::new(),
        uses: layout_crates.into_iter().collect(),
        shared,
        next_label: 0,
        sentence_label: None,
        loop_labels: Vec::new(),
        current_para: 0,
        main_start: 0,
        debugging_at,
        in_relation: false,
        declaratives: BTreeMap::new(),
        mode_declaratives: Vec::new(),
        altered: BTreeMap::new(),
        exec: Vec::new(),
        whenever: exec::Whenever::default(),
        statement_span: Span::default(),
        perform_ranges: Vec::new(),
        goto_edges: Vec::new(),
    };
    cx.altered = alterable(&cx, input.program);
    if let Some(r) = input
        .program
        .procedure
        .as_ref()
        .and_then(|p| p.returning.as_ref())
    {
        cx.refuse(
            r.span,
            "PROCEDURE DIVISION RETURNING",
            "a program that returns an item (PROCEDURE DIVISION RETURNING) is not translated yet",
        );
    }
    if let Some(proc) = &input.program.procedure {
        cx.main_start = proc.declaratives.iter().map(|s| s.paragraphs.len()).sum();
        for (si, section) in proc.declaratives.iter().enumerate() {
            let info = &cx.sections[si];
            let range = (info.first, info.last);
            let targets = section
                .use_statement
                .as_ref()
                .map(|u| u.targets.clone())
                .unwrap_or_default();
            for t in targets {
                let mode = match t.as_str() {
                    "INPUT" => Some("Input"),
                    "OUTPUT" => Some("Output"),
                    "I-O" => Some("InputOutput"),
                    "EXTEND" => Some("Extend"),
                    _ => None,
                };
                match (input.model.file(&t), mode) {
                    (Some(fi), _) if range.0 != usize::MAX => {
                        cx.declaratives.insert(fi, range);
                    }
                    (Some(_), _) => {}
                    (None, Some(m)) => {
                        if range.0 != usize::MAX {
                            cx.mode_declaratives.push((m, range));
                        }
                    }
                    (None, None) => cx.refuse(
                        section.span,
                        "USE",
                        format!("USE AFTER ERROR ON {t}: no such file"),
                    ),
                }
            }
        }
    }
    for e in &input.model.errors {
        cx.refuse(e.span, "data description", e.message.clone());
    }
    let mut code = Code::default();
    let name = &input.program.name;
    let ty = camel(name, "P");
    code.line(format!(
        "//! {name}: translated by ferry (built-in agent) from {}.",
        input.path
    ));
    code.line("//! Storage, arithmetic and I/O go through `ferry_runtime`, which reproduces GnuCOBOL's semantics.");
    code.line("");
    code.line("use ferry_runtime as rt;");
    code.line("#[allow(unused_imports)]");
    code.line("use rt::{Dec, Round};");
    code.line("");
    data::fields_module(&mut cx, &mut code);
    code.line("use fields::*;");
    code.line("");
    emit_para_enum(&cx, &mut code);
    code.line("/// Control leaving a paragraph other than by falling off its end.");
    code.line("#[allow(dead_code)]");
    code.line("#[derive(Clone, Copy, Debug, PartialEq, Eq)]");
    code.open("enum Jump {");
    code.line("GoTo(Para),");
    code.line("/// EXIT SECTION: carry on as if the end of this paragraph had been reached.");
    code.line("EndOf(Para),");
    code.line("Goback,");
    code.line("StopRun,");
    code.close("}");
    code.line("");
    code.line(format!(
        "/// The state of one activation of {name}: its storage and its files."
    ));
    code.open(format!("pub struct {ty} {{"));
    code.line("mem: Vec<u8>,");
    code.line("/// True when activated by CALL (EXIT PROGRAM returns only then).");
    code.line("called: bool,");
    if !cx.altered.is_empty() {
        code.line(
            "/// Where the GO TO of each paragraph an ALTER changes now goes (None: as written).",
        );
        code.line(format!("altered: [Option<Para>; {}],", cx.altered.len()));
    }
    data::file_fields(&mut cx, &mut code);
    code.close("}");
    code.line("");
    code.open(format!("impl {ty} {{"));
    data::constructor(&mut cx, &mut code);
    emit_dispatch(&cx, &mut code);
    let procedure = input.program.procedure.as_ref();
    // PERFORMs of one paragraph that can only end normally (no GO TO, no EXIT SECTION): called
    // directly instead of through `perform` (same outcome, without the dispatch loop).
    let mut direct: Vec<(String, String)> = Vec::new();
    if let Some(proc) = procedure {
        let mut pi = 0;
        for section in proc.declaratives.iter().chain(&proc.sections) {
            for p in &section.paragraphs {
                cx.current_para = pi;
                let para = &cx.paras[pi];
                let title = para
                    .name
                    .clone()
                    .or_else(|| section.name.as_ref().map(|s| format!("{s} SECTION")))
                    .unwrap_or_else(|| "PROCEDURE DIVISION".into());
                code.line("");
                code.line(format!("/// {title} ({})", cx.origin(para.span)));
                code.open(format!(
                    "fn {}(&mut self) -> Result<(), Jump> {{",
                    para.method
                ));
                let body = code.out.len();
                for sentence in &p.sentences {
                    stmt::sentence(&mut cx, &mut code, sentence);
                }
                bind_storage(&mut code, body);
                let text = &code.out[body..];
                if !text.contains("Jump::GoTo") && !text.contains("Jump::EndOf") {
                    let para = &cx.paras[pi];
                    direct.push((
                        format!("self.perform(Para::{0}, Para::{0})?;", para.variant),
                        format!("self.{}()?;", para.method),
                    ));
                }
                let ends_in_jump = code.out.lines().last().is_some_and(|l| {
                    l.starts_with(&format!("{:w$}return ", "", w = code.indent * 4))
                });
                if !ends_in_jump {
                    code.line("Ok(())");
                }
                code.close("}");
                pi += 1;
            }
        }
    }
    if cx.ibm() {
        perform_osvs_check(&mut cx);
    }
    code.close("}");
    exec::module_items(
        &cx,
        &mut code,
        name,
        "binding.rs (the `binding` module of this program)",
    );
    code.line("");
    let params = data::entry_points(&mut cx, &mut code, &ty);
    let interface = Interface {
        program: name.clone(),
        crate_name: crate::naming::crate_name(name),
        params,
        globals: input.globals.clone(),
    };
    let mut out = code.out;
    for (perform, call) in &direct {
        out = out.replace(perform, call);
    }
    let binding = (!cx.exec.is_empty()).then(|| exec::binding_file(name, &cx.exec));
    let exec = cx
        .exec
        .iter()
        .map(|m| crate::ExecBinding {
            kind: m.kind.to_string(),
            method: m.method.clone(),
            origin: m.origin.clone(),
            text: m.text.clone(),
            host_variables: m.host.iter().map(|(_, n, _)| n.clone()).collect(),
        })
        .collect();
    Generated {
        code: strip_unused_labels(&out),
        interface,
        untranslated: cx.untranslated,
        callees_used: cx.uses.into_iter().collect(),
        exec,
        binding,
    }
}

/// Removes the labels of loops and blocks that nothing breaks out of (Rust warns about them).
fn strip_unused_labels(code: &str) -> String {
    let mut out = code.to_string();
    let mut pos = 0;
    while let Some(i) = out[pos..].find(": ").map(|i| pos + i) {
        let start = out[..i]
            .rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(0);
        let word = &out[start..i];
        if out.as_bytes().get(start) == Some(&b'\'') && word.len() > 1 {
            let label = word.to_string();
            let used = out.contains(&format!("{label};"));
            if !used {
                out.replace_range(start..i + 2, "");
                pos = start;
                continue;
            }
        }
        pos = i + 2;
    }
    out
}

fn emit_para_enum(cx: &Ctx<'_>, code: &mut Code) {
    code.line("/// The paragraphs of the PROCEDURE DIVISION, in source order.");
    code.line("#[allow(dead_code)]");
    code.line("#[derive(Clone, Copy, Debug, PartialEq, Eq)]");
    if cx.paras.is_empty() {
        code.line("enum Para {}");
        code.line("");
        return;
    }
    code.open("enum Para {");
    for p in &cx.paras {
        code.line(format!("{},", p.variant));
    }
    code.close("}");
    code.line("");
    code.open("impl Para {");
    code.line("/// The paragraph that follows in source order (fall-through).");
    code.open("fn next(self) -> Option<Para> {");
    code.open("match self {");
    for (i, p) in cx.paras.iter().enumerate() {
        match cx.paras.get(i + 1) {
            Some(n) => code.line(format!("Para::{} => Some(Para::{}),", p.variant, n.variant)),
            None => code.line(format!("Para::{} => None,", p.variant)),
        }
    }
    code.close("}");
    code.close("}");
    code.close("}");
    code.line("");
}

/// perform-osvs (cobc -std=ibm): the end of a paragraph that is the exit of *any* active PERFORM
/// returns to that PERFORM, not only the end of the innermost one's (measured: in PERFORM P1 THRU
/// P2, a PERFORM P2 THRU P3 returns at the end of P2 to the first PERFORM). ferry's PERFORM
/// returns at the end of its own last paragraph only, which is the same as long as no paragraph a
/// PERFORM can run before its last is the last paragraph of another PERFORM. A PERFORM for which
/// that cannot be shown (following its GO TOs, a jump out of the range reaches everything after
/// the target) is refused.
fn perform_osvs_check(cx: &mut Ctx<'_>) {
    let n = cx.paras.len();
    let exits: std::collections::BTreeSet<usize> = cx.perform_ranges.iter().map(|r| r.1).collect();
    let mut refused = std::collections::BTreeSet::new();
    for &(first, last, span) in &cx.perform_ranges.clone() {
        if first > last || last >= n {
            continue;
        }
        let mut reach = vec![false; n];
        let mut todo: Vec<(usize, usize)> = vec![(first, last)];
        while let Some((a, b)) = todo.pop() {
            for p in a..=b {
                if reach[p] {
                    continue;
                }
                reach[p] = true;
                for &(from, to) in &cx.goto_edges {
                    if from == p && !reach[to] {
                        // inside the range: up to its last paragraph; outside: to the end
                        let end = if (first..=last).contains(&to) {
                            last
                        } else {
                            n - 1
                        };
                        todo.push((to, end));
                    }
                }
            }
        }
        let clash = (0..n).find(|&p| reach[p] && p != last && exits.contains(&p));
        if let Some(p) = clash {
            if refused.insert(span.start) {
                let name = cx.paras[p].name.clone().unwrap_or_default();
                cx.refuse(
                    span,
                    "PERFORM (dialect ibm)",
                    format!(
                        "this PERFORM can reach the end of {name}, the last paragraph of another PERFORM: under dialect ibm (perform-osvs) control would return there; not translated"
                    ),
                );
            }
        }
    }
}

fn emit_dispatch(cx: &Ctx<'_>, code: &mut Code) {
    code.line("");
    code.line(
        "/// PERFORM from THRU: run paragraphs in order until the end of `thru`, following GO TOs.",
    );
    code.line("#[allow(dead_code)]");
    code.open("fn perform(&mut self, from: Para, thru: Para) -> Result<(), Jump> {");
    code.line("let mut p = from;");
    code.open("loop {");
    code.open("let done = match self.run_para(p) {");
    code.line("Ok(()) => p,");
    code.open("Err(Jump::GoTo(q)) => {");
    code.line("p = q;");
    code.line("continue;");
    code.close("}");
    code.line("Err(Jump::EndOf(q)) => q,");
    code.line("Err(other) => return Err(other),");
    code.close("};");
    code.open("if done == thru {");
    code.line("return Ok(());");
    code.close("}");
    code.open("match done.next() {");
    code.line("Some(n) => p = n,");
    code.line("None => return Err(Jump::Goback),");
    code.close("}");
    code.close("}");
    code.close("}");
    code.line("");
    code.open("fn run_para(&mut self, p: Para) -> Result<(), Jump> {");
    if cx.paras.is_empty() {
        code.line("match p {}");
    } else {
        code.open("match p {");
        for p in &cx.paras {
            code.line(format!("Para::{} => self.{}(),", p.variant, p.method));
        }
        code.close("}");
    }
    code.close("}");
}
