//! Data: field descriptors, storage initialisation (VALUE clauses and defaults), file handles and the
//! program's entry points (main, CALL, CANCEL).

use ferry_model::{ItemId, ItemKind, Section};
use ferry_syntax::ast::{Literal, Organization, Span};

use super::{ops, Code, Ctx};
use crate::naming::{constant, snake, Namer};

pub(crate) fn fields_module(cx: &mut Ctx<'_>, code: &mut Code) {
    let model = cx.model;
    let mut namer = Namer::default();
    // RETURN-CODE is an ordinary field at the end of storage (a special register in COBOL).
    namer.unique("RETURN_CODE".into());
    namer.unique("STORAGE_SIZE".into());
    namer.unique("SORT_RETURN".into());
    cx.field_names = model
        .items
        .iter()
        .map(|it| {
            let base = match &it.name {
                Some(n) => constant(n),
                None => format!("FILLER_{}", it.offset),
            };
            namer.unique(base)
        })
        .collect();
    code.line(format!(
        "/// Storage layout of {}: every data item with its offset in the program's storage.",
        cx.program.name
    ));
    code.line("#[allow(dead_code)]");
    code.open("pub mod fields {");
    code.line("#[allow(unused_imports)]");
    code.line(
        "use ferry_runtime::{AlnumEditField, AlnumField, EditField, Field, NumField, SignMode};",
    );
    code.line("");
    for (id, it) in model.items.iter().enumerate() {
        if matches!(it.kind, ItemKind::Condition { .. }) {
            continue;
        }
        let label = it.name.clone().unwrap_or_else(|| "FILLER".into());
        let section = match it.section {
            Section::File(f) => format!("record of FD {}", model.files[f].name),
            Section::WorkingStorage => "WORKING-STORAGE".into(),
            Section::LocalStorage => "LOCAL-STORAGE".into(),
            Section::Linkage => "LINKAGE".into(),
        };
        code.line(format!(
            "/// {:02} {label} ({section}, {})",
            it.level,
            cx.origin(it.span)
        ));
        let descriptor = match cx.shared.get(&id) {
            Some(shared) => shared.clone(),
            None => ops::descriptor(it, model.decimal_point_is_comma, model.currency),
        };
        code.line(format!(
            "pub const {}: Field = {descriptor};",
            cx.field_names[id]
        ));
    }
    let rc_off = model.storage_size;
    code.line("/// The RETURN-CODE special register.");
    code.line(format!(
        "pub const RETURN_CODE: Field = Field::Num(NumField::binary({rc_off}, 9, 0, true));"
    ));
    code.line("/// The SORT-RETURN special register.");
    code.line(format!(
        "pub const SORT_RETURN: Field = Field::Num(NumField::binary({}, 9, 0, true));",
        rc_off + 4
    ));
    code.line(format!("pub const STORAGE_SIZE: usize = {};", rc_off + 8));
    let externals = external_items(cx);
    if !externals.is_empty() {
        code.line(
            "/// EXTERNAL records (name, offset, length): one storage for the whole run unit.",
        );
        code.line(format!(
            "pub const EXTERNALS: &[(&str, usize, usize)] = &[{}];",
            externals
                .iter()
                .map(|(n, o, l)| format!("({n:?}, {o}, {l})"))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    code.close("}");
    code.line("");
}

pub(crate) fn file_fields(cx: &mut Ctx<'_>, code: &mut Code) {
    // LINAGE changes what every WRITE puts in the file (page bodies, footing, margins): refused
    // rather than written as a plain file.
    for fd in &cx.program.data.files {
        if fd.linage.is_none() {
            continue;
        }
        let line_sequential = cx.program.environment.files.iter().any(|c| {
            c.name == fd.name
                && matches!(
                    c.organization,
                    ferry_syntax::ast::Organization::LineSequential
                )
        });
        if !line_sequential {
            cx.refuse(
                fd.span,
                "LINAGE",
                format!(
                    "FD {} has LINAGE but is not LINE SEQUENTIAL (only LINE SEQUENTIAL print files are translated)",
                    fd.name
                ),
            );
        }
    }
    let mut namer = Namer::default();
    namer.unique("mem".into());
    for (i, f) in cx.model.files.iter().enumerate() {
        let name = namer.unique(format!("{}_file", snake(&f.name, "f")));
        let (kind, ty) = match super::files::handle_kind(cx, i) {
            super::files::Handle::Sort => ("SD", super::files::handle_type(cx, i)),
            _ => ("FD", super::files::handle_type(cx, i)),
        };
        code.line(format!("/// {kind} {}", f.name));
        code.line(format!("{name}: {ty},"));
        cx.file_names.push(name);
    }
}

/// The weight table of the program's PROGRAM COLLATING SEQUENCE, as a Rust expression, when it
/// is not the native order.
fn collating_table(cx: &mut Ctx<'_>) -> Option<String> {
    let name = cx.program.environment.program_collating.clone()?;
    alphabet_table(cx, &name).flatten()
}

/// The weight table of alphabet `name` as a Rust expression of type `&'static [u16; 256]`:
/// `Some(None)` for the native order, `None` when refused (the reason is recorded).
pub(crate) fn alphabet_table(cx: &mut Ctx<'_>, name: &str) -> Option<Option<String>> {
    let name = name.to_string();
    let sn = &cx.program.environment.special_names;
    let Some(alpha) = sn.alphabets.iter().find(|a| a.name == name) else {
        cx.refuse(
            Span::default(),
            "PROGRAM COLLATING SEQUENCE",
            format!("COLLATING SEQUENCE names {name}, which is not an ALPHABET of SPECIAL-NAMES"),
        );
        return None;
    };
    match alpha.system.as_deref() {
        Some("NATIVE" | "ASCII" | "STANDARD-1" | "STANDARD-2") => Some(None),
        Some("EBCDIC") => Some(Some("&rt::collate::EBCDIC".into())),
        Some(other) => {
            cx.refuse(
                Span::default(),
                "PROGRAM COLLATING SEQUENCE",
                format!("ALPHABET {name} IS {other} is not translated yet"),
            );
            None
        }
        None => {
            let mut listed: Vec<u8> = Vec::new();
            let byte = ops::literal_chars;
            for item in &alpha.items {
                match item {
                    ferry_syntax::ast::AlphabetItem::Literal(l) => listed.extend(byte(l)),
                    ferry_syntax::ast::AlphabetItem::Range(a, b) => {
                        let (a, b) = (byte(a), byte(b));
                        if let (Some(&a), Some(&b)) = (a.first(), b.first()) {
                            if a <= b {
                                listed.extend(a..=b);
                            } else {
                                listed.extend((b..=a).rev());
                            }
                        }
                    }
                    other => {
                        cx.refuse(
                            Span::default(),
                            "PROGRAM COLLATING SEQUENCE",
                            format!("alphabet entry {other:?} is not translated yet"),
                        );
                        return None;
                    }
                }
            }
            let w = {
                let mut w = [u16::MAX; 256];
                let mut next = 0u16;
                for &c in listed.iter().chain((0..=255u8).collect::<Vec<_>>().iter()) {
                    if w[c as usize] == u16::MAX {
                        w[c as usize] = next;
                        next += 1;
                    }
                }
                w
            };
            let list: Vec<String> = w.iter().map(|x| x.to_string()).collect();
            Some(Some(format!(
                "{{ static T: [u16; 256] = [{}]; &T }}",
                list.join(", ")
            )))
        }
    }
}

/// The level-01 EXTERNAL items of WORKING-STORAGE: (name, offset, length).
pub(crate) fn external_items(cx: &Ctx<'_>) -> Vec<(String, usize, usize)> {
    cx.model
        .items
        .iter()
        .filter(|i| i.external && i.parent.is_none() && i.section == Section::WorkingStorage)
        .filter_map(|i| i.name.clone().map(|n| (n, i.offset, i.size)))
        .collect()
}

/// The USE AFTER ERROR coverage of file `i` as a builder call on its handle ("" when none): a USE
/// naming the file wins over USEs on open modes.
fn coverage(cx: &Ctx<'_>, i: usize) -> String {
    if cx.declaratives.contains_key(&i) {
        return ".with_declarative()".into();
    }
    if cx.model.files[i].kind == ferry_syntax::ast::FdKind::Sd || cx.mode_declaratives.is_empty() {
        return String::new();
    }
    let bits: Vec<String> = cx
        .mode_declaratives
        .iter()
        .map(|(m, _)| format!("rt::gen::use_bit(rt::OpenMode::{m})"))
        .collect();
    format!(".with_declarative_modes({})", bits.join(" | "))
}

pub(crate) fn constructor(cx: &mut Ctx<'_>, code: &mut Code) {
    code.open("pub fn new() -> Self {");
    code.open("let mut program = Self {");
    code.line("mem: vec![0; STORAGE_SIZE],");
    code.line("called: false,");
    if !cx.altered.is_empty() {
        code.line(format!("altered: [None; {}],", cx.altered.len()));
    }
    for (i, f) in cx.model.files.iter().enumerate() {
        if f.control.is_none() && super::files::handle_kind(cx, i) == super::files::Handle::Sort {
            let handle = super::files::constructor(cx, i, "None").unwrap_or_default();
            code.line(format!("{}: {handle},", cx.file_names[i]));
            continue;
        }
        let Some(control) = &f.control else {
            code.line(format!(
                "{}: rt::File::new({}, {}, rt::Organization::Sequential, {}, {}, {}, false, None),",
                cx.file_names[i],
                ops::str_lit(&f.name),
                ops::str_lit(&f.name),
                f.offset,
                f.size,
                f.min_size
            ));
            continue;
        };
        let (assign, from_field) = match &control.assign {
            ferry_syntax::ast::Assign::Literal(s) => (s.clone(), None),
            // assign-clause: external (cobc -std=ibm): the word is the file's external name even
            // when a data item has that name (measured: ASSIGN TO WSNAME writes ./WSNAME).
            ferry_syntax::ast::Assign::Name(n) if cx.ibm() => (n.clone(), None),
            ferry_syntax::ast::Assign::Name(n) => {
                // A data item holding the name, or an external name.
                let r = ferry_syntax::ast::DataRef {
                    name: n.clone(),
                    qualifiers: vec![],
                    subscripts: vec![],
                    refmod: None,
                    span: control.span,
                };
                match cx.model.resolve(&r) {
                    Ok(id) => (n.clone(), Some(cx.field_names[id].clone())),
                    Err(_) => (n.clone(), None),
                }
            }
        };
        if from_field.is_some() {
            cx.refuse(
                control.span,
                "ASSIGN TO data-name",
                "ASSIGN TO a data item is not translated yet",
            );
        }
        let org = match control.organization {
            Organization::LineSequential => "LineSequential",
            Organization::Sequential => "Sequential",
            Organization::Relative => "Relative",
            Organization::Indexed => "Indexed",
        };
        let status = match &control.file_status {
            Some(r) => match cx.model.resolve(r) {
                Ok(id) => format!("Some({})", cx.field_names[id]),
                Err(e) => {
                    cx.refuse(r.span, "FILE STATUS", e);
                    "None".into()
                }
            },
            None => "None".into(),
        };
        // RELATIVE / INDEXED files and SD (sort) files have their own handles.
        if let Some(handle) = super::files::constructor(cx, i, &status) {
            let covered = coverage(cx, i);
            code.line(format!("{}: {handle}{covered},", cx.file_names[i]));
            continue;
        }
        code.line(format!(
            "{}: rt::File::new({}, {}, rt::Organization::{org}, {}, {}, {}, {}, {status}),",
            cx.file_names[i],
            ops::str_lit(&assign),
            ops::str_lit(&f.name),
            f.offset,
            f.size,
            f.min_size,
            control.optional
        ));
        let covered = coverage(cx, i);
        if !covered.is_empty() {
            // The handle line just written ends in `),`: mark the file as declarative-covered.
            let trimmed = code.out.trim_end().trim_end_matches(',').to_string();
            code.out = format!("{trimmed}{covered},\n");
        }
    }
    code.close("};");
    if cx.model.decimal_point_is_comma {
        code.line("rt::mov::set_decimal_point_comma(true);");
    }
    code.line("program.initialize();");
    code.line("program");
    code.close("}");
    code.line("");
    code.line(
        "/// Initial values of WORKING-STORAGE: VALUE clauses, else spaces/zeros by category.",
    );
    code.open("fn initialize(&mut self) {");
    let body = code.out.len();
    init_section(cx, code, Section::WorkingStorage);
    super::bind_storage(code, body);
    code.line("self.initialize_local();");
    code.close("}");
    code.line("");
    code.line("/// LOCAL-STORAGE is initialised again on every activation.");
    code.open("fn initialize_local(&mut self) {");
    let body = code.out.len();
    init_section(cx, code, Section::LocalStorage);
    super::bind_storage(code, body);
    code.close("}");
}

fn init_section(cx: &mut Ctx<'_>, code: &mut Code, section: Section) {
    let model = cx.model;
    let tops: Vec<ItemId> = (0..model.items.len())
        .filter(|&i| model.items[i].parent.is_none() && model.items[i].section == section)
        .filter(|&i| {
            model.items[i].redefines.is_none()
                && !matches!(model.items[i].kind, ItemKind::Renames | ItemKind::Index)
        })
        .collect();
    for id in tops {
        init_item(cx, code, id);
    }
}

/// Initialises one item and its subordinates (each occurrence of a table).
fn init_item(cx: &mut Ctx<'_>, code: &mut Code, id: ItemId) {
    let model = cx.model;
    let it = &model.items[id];
    if matches!(it.kind, ItemKind::Condition { .. } | ItemKind::Renames)
        || it.redefines.is_some() && it.parent.is_some()
    {
        return;
    }
    let own_occurs = it.dims.len() > it.parent.map_or(0, |p| model.items[p].dims.len());
    if own_occurs {
        let dim = it.dims[it.dims.len() - 1];
        // Initialise the first occurrence, then copy it over the others (as GnuCOBOL does).
        init_one(cx, code, id);
        let name = &cx.field_names[id];
        code.line(format!(
            "rt::replicate(&mut self.mem, {name}, {}, {});",
            dim.stride, dim.max
        ));
    } else {
        init_one(cx, code, id);
    }
}

fn init_one(cx: &mut Ctx<'_>, code: &mut Code, id: ItemId) {
    let model = cx.model;
    let it = &model.items[id];
    let name = cx.field_names[id].clone();
    if let Some(v) = it.value.clone() {
        let src = ops::literal_value(cx, &v, Some(id));
        // JUSTIFIED does not apply to the VALUE clause (cobc 3.1.2: X(5) VALUE "AB" JUSTIFIED
        // RIGHT holds "AB   "; corpus nucleus-move/MOVESYNC).
        let name = match it.kind {
            ItemKind::Alphanumeric { justified: true }
            | ItemKind::Alphabetic { justified: true } => {
                format!("rt::Field::Alnum({name}.as_alnum())")
            }
            _ => name,
        };
        code.line(format!("rt::move_value(&mut self.mem, {src}, {name});"));
        if !matches!(it.kind, ItemKind::Group) {
            return;
        }
        // A group VALUE covers its subordinates, but their own VALUEs still apply (rare).
        let children = it.children.clone();
        for c in children {
            if model.items[c].value.is_some() {
                init_item(cx, code, c);
            }
        }
        return;
    }
    match it.kind {
        ItemKind::Group => {
            let children = it.children.clone();
            for c in children {
                init_item(cx, code, c);
            }
        }
        _ => code.line(format!("rt::initialize(&mut self.mem, {name});")),
    }
}

/// Emits `main_entry`, `call` and `cancel`; returns the sizes of the USING parameters.
pub(crate) fn entry_points(cx: &mut Ctx<'_>, code: &mut Code, ty: &str) -> Vec<usize> {
    let model = cx.model;
    let using: Vec<ItemId> = match cx.program.procedure.as_ref() {
        Some(p) => p
            .using
            .iter()
            .filter_map(|u| match model.resolve(&u.name) {
                Ok(id) => Some(id),
                Err(e) => {
                    cx.refuse(u.name.span, "PROCEDURE DIVISION USING", e);
                    None
                }
            })
            .collect(),
        None => Vec::new(),
    };
    let (first, last) = match (cx.paras.get(cx.main_start), cx.paras.last()) {
        (Some(f), Some(l)) => (
            format!("Para::{}", f.variant),
            format!("Para::{}", l.variant),
        ),
        _ => (String::new(), String::new()),
    };
    code.open(format!("impl {ty} {{"));
    code.line("/// Runs the PROCEDURE DIVISION from its first paragraph.");
    code.open("fn run(&mut self) -> Result<(), Jump> {");
    let externals = !external_items(cx).is_empty();
    if externals {
        // EXTERNAL items: this activation sees what the run unit holds, and hands it back.
        code.line("rt::external_load(&mut self.mem, EXTERNALS);");
        code.open("let result = (|| -> Result<(), Jump> {");
    }
    if let Some(table) = collating_table(cx) {
        code.line(
            "// PROGRAM COLLATING SEQUENCE: alphanumeric comparisons and SORT keys follow it.",
        );
        code.line(format!(
            "let _collating = rt::collate::enter(Some({table}));"
        ));
    }
    if let Some(at) = &cx.debugging_at {
        code.line(format!("rt::debugging_declaratives({at:?});"));
    }
    if first.is_empty() {
        code.line("Ok(())");
    } else {
        code.line(format!("self.perform({first}, {last})"));
    }
    if externals {
        code.close("})();");
        code.line("rt::external_store(&self.mem, EXTERNALS);");
        code.line("result");
    }
    code.close("}");
    code.close("}");
    code.line("");
    code.line(
        "/// Runs the program as a main program (a batch step); returns the process exit status.",
    );
    code.open("pub fn main_entry() -> i32 {");
    code.line(format!("let mut program = {ty}::new();"));
    code.line("let _ = program.run();");
    code.line("rt::finish(rt::get(&program.mem, RETURN_CODE))");
    code.close("}");
    code.line("");
    code.open(format!("impl {ty} {{"));
    code.line("/// Closes what the program left open (CANCEL).");
    code.open("fn close_files(&mut self) {");
    for name in &cx.file_names {
        code.line(format!("self.{name}.close_if_open();"));
    }
    code.close("}");
    code.close("}");
    code.line("");
    code.open("thread_local! {");
    code.line(format!(
        "/// The activation kept between CALLs until CANCEL (WORKING-STORAGE persists)."
    ));
    code.line(format!("static STATE: std::cell::RefCell<Option<{ty}>> = const {{ std::cell::RefCell::new(None) }};"));
    code.close("}");
    code.line("");
    code.line("/// CALL: `args` are the caller's parameters (copied in and back out). Returns RETURN-CODE, or");
    code.line("/// `Err(rt::StopRun)` when the program ended the run unit.");
    let args = if using.is_empty() { "_args" } else { "args" };
    // A nested program also receives the GLOBAL items of its containers, copied in and out.
    let globals: Vec<String> = cx
        .input
        .globals
        .iter()
        .filter_map(|g| {
            let r = ferry_syntax::ast::DataRef {
                name: g.clone(),
                qualifiers: vec![],
                subscripts: vec![],
                refmod: None,
                span: Default::default(),
            };
            cx.model
                .resolve(&r)
                .ok()
                .map(|id| cx.field_names[id].clone())
        })
        .collect();
    if globals.is_empty() {
        code.open(format!(
            "pub fn call({args}: &mut [&mut [u8]]) -> Result<i64, rt::StopRun> {{"
        ));
    } else {
        code.open(format!(
            "pub fn call({args}: &mut [&mut [u8]], globals: &mut [&mut [u8]]) -> Result<i64, rt::StopRun> {{"
        ));
    }
    if cx.program.is_initial {
        // IS INITIAL: every CALL starts from the initial state.
        code.line(format!("let mut program = {ty}::new();"));
    } else {
        code.open(format!(
            "let mut program = match STATE.with(|s| s.borrow_mut().take()) {{"
        ));
        code.open("Some(mut program) => {");
        code.line("program.initialize_local();");
        code.line("program");
        code.close("}");
        code.line(format!("None => {ty}::new(),"));
        code.close("};");
    }
    for (i, id) in using.iter().enumerate() {
        let name = &cx.field_names[*id];
        code.line(format!(
            "rt::param_in(&mut program.mem, {name}, args.get({i}).map(|a| &**a));"
        ));
    }
    for (i, g) in globals.iter().enumerate() {
        code.line(format!(
            "rt::param_in(&mut program.mem, {g}, globals.get({i}).map(|a| &**a));"
        ));
    }
    code.line("program.called = true;");
    code.line("rt::store_int(&mut program.mem, RETURN_CODE, 0);");
    code.line("let outcome = program.run();");
    for (i, id) in using.iter().enumerate() {
        let name = &cx.field_names[*id];
        code.open(format!("if let Some(arg) = args.get_mut({i}) {{"));
        code.line(format!("rt::param_out(&program.mem, {name}, arg);"));
        code.close("}");
    }
    for (i, g) in globals.iter().enumerate() {
        code.open(format!("if let Some(global) = globals.get_mut({i}) {{"));
        code.line(format!("rt::param_out(&program.mem, {g}, global);"));
        code.close("}");
    }
    code.line("let rc = rt::get(&program.mem, RETURN_CODE).to_i64();");
    code.open("if outcome == Err(Jump::StopRun) {");
    code.line("return Err(rt::StopRun(rc));");
    code.close("}");
    if cx.program.is_initial {
        // cobc 3.1.2: the RETURN-CODE of an IS INITIAL program does not reach its caller.
        code.line("let _ = rc;");
        code.line("Ok(0)");
    } else {
        code.line("STATE.with(|s| *s.borrow_mut() = Some(program));");
        code.line("Ok(rc)");
    }
    code.close("}");
    code.line("");
    code.line("/// CANCEL: the next CALL starts from a fresh activation.");
    code.open("pub fn cancel() {");
    code.open("if let Some(mut program) = STATE.with(|s| s.borrow_mut().take()) {");
    code.line("program.close_files();");
    code.close("}");
    code.close("}");
    using.iter().map(|&id| model.items[id].size).collect()
}

/// True when the literal is a figurative constant or numeric zero (used for INITIALIZE-like checks).
#[allow(dead_code)]
pub(crate) fn is_zero_literal(l: &Literal) -> bool {
    matches!(l, Literal::Figurative(ferry_syntax::ast::Figurative::Zero))
}
