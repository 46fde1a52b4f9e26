//! RELATIVE and INDEXED files: their handles (`rt::KeyedFile`) and READ (random, NEXT, PREVIOUS, KEY
//! IS), WRITE, REWRITE, DELETE and START with INVALID KEY / AT END, as GnuCOBOL runs them: the
//! handler on a 2x (1x) FILE STATUS, the NOT handler on a 0x status, neither on any other.

use ferry_model::ItemId;
use ferry_syntax::ast::{
    AccessMode, DataRef, FdKind, Handlers, Operand, Organization, RelOp, Span,
};

use super::{ops, stmt, Code, Ctx};

/// What kind of handle a file of the program has.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Handle {
    Sequential,
    Keyed,
    Sort,
}

pub(crate) fn handle_kind(cx: &Ctx<'_>, fi: usize) -> Handle {
    let f = &cx.model.files[fi];
    if f.kind == FdKind::Sd {
        return Handle::Sort;
    }
    match f.control.as_ref().map(|c| c.organization) {
        Some(Organization::Relative | Organization::Indexed) => Handle::Keyed,
        _ => Handle::Sequential,
    }
}

/// The Rust type of a file's handle in the program struct.
pub(crate) fn handle_type(cx: &Ctx<'_>, fi: usize) -> &'static str {
    match handle_kind(cx, fi) {
        Handle::Sequential => "rt::File",
        Handle::Keyed => "rt::KeyedFile",
        Handle::Sort => "rt::SortFile",
    }
}

/// The file index of a keyed file named `file`, if it is one.
pub(crate) fn keyed(cx: &Ctx<'_>, file: &str) -> Option<usize> {
    let fi = cx.model.file(file)?;
    (handle_kind(cx, fi) == Handle::Keyed).then_some(fi)
}

/// The keyed file a record belongs to, if any.
pub(crate) fn keyed_record(cx: &Ctx<'_>, record: &DataRef) -> Option<usize> {
    let id = cx.model.resolve(record).ok()?;
    let fi = cx.model.file_of(id)?;
    (handle_kind(cx, fi) == Handle::Keyed).then_some(fi)
}

fn access(cx: &Ctx<'_>, fi: usize) -> AccessMode {
    cx.model.files[fi]
        .control
        .as_ref()
        .map_or(AccessMode::Sequential, |c| c.access)
}

/// The keys of an INDEXED file: (item, offset in the record area, size, WITH DUPLICATES), RECORD KEY
/// first.
fn keys(cx: &mut Ctx<'_>, fi: usize) -> Vec<(ItemId, usize, usize, bool)> {
    let f = cx.model.files[fi].clone();
    let Some(control) = &f.control else {
        return Vec::new();
    };
    let mut refs: Vec<(DataRef, bool)> = Vec::new();
    if let Some(k) = &control.record_key {
        refs.push((k.clone(), false));
    }
    for a in &control.alternate_keys {
        refs.push((a.key.clone(), a.duplicates));
    }
    let mut out = Vec::new();
    for (r, dups) in refs {
        let Some(id) = ops::resolve(cx, &r) else {
            continue;
        };
        let it = &cx.model.items[id];
        if cx.model.file_of(id) != Some(fi) {
            cx.refuse(
                r.span,
                "RECORD KEY",
                format!("{} is not in the record of {}", r.name, f.name),
            );
            continue;
        }
        out.push((id, it.offset - f.offset, it.size, dups));
    }
    out
}

/// The constructor expression of a RELATIVE / INDEXED / SD file's handle (`None`: a sequential file).
pub(crate) fn constructor(cx: &mut Ctx<'_>, fi: usize, status: &str) -> Option<String> {
    let f = cx.model.files[fi].clone();
    match handle_kind(cx, fi) {
        Handle::Sequential => None,
        Handle::Sort => Some(format!("rt::SortFile::new({}, {})", f.offset, f.size)),
        Handle::Keyed => {
            let control = f.control.clone()?;
            let assign = match &control.assign {
                ferry_syntax::ast::Assign::Literal(s) | ferry_syntax::ast::Assign::Name(s) => {
                    s.clone()
                }
            };
            let access = match control.access {
                AccessMode::Sequential => "rt::Access::Sequential",
                AccessMode::Random => "rt::Access::Random",
                AccessMode::Dynamic => "rt::Access::Dynamic",
            };
            let common = format!(
                "{}, {}, {access}",
                ops::str_lit(&assign),
                ops::str_lit(&f.name)
            );
            let tail = format!(
                "{}, {}, {}, {}, {status}",
                f.offset, f.size, f.min_size, control.optional
            );
            if control.organization == Organization::Relative {
                let rel = match &control.relative_key {
                    Some(r) => match ops::resolve(cx, r) {
                        Some(id) => format!("Some({})", cx.field_names[id]),
                        None => "None".into(),
                    },
                    None => {
                        if control.access != AccessMode::Sequential {
                            cx.refuse(
                                control.span,
                                "RELATIVE KEY",
                                "RANDOM or DYNAMIC access needs a RELATIVE KEY",
                            );
                        }
                        "None".into()
                    }
                };
                Some(format!("rt::KeyedFile::relative({common}, {tail}, {rel})"))
            } else {
                let ks = keys(cx, fi);
                if control.record_key.is_none() {
                    cx.refuse(
                        control.span,
                        "RECORD KEY",
                        "an INDEXED file needs a RECORD KEY",
                    );
                }
                let specs: Vec<String> = ks
                    .iter()
                    .map(|(_, off, len, dups)| {
                        format!("rt::KeySpec {{ offset: {off}, len: {len}, duplicates: {dups} }}")
                    })
                    .collect();
                Some(format!(
                    "rt::KeyedFile::indexed({common}, &[{}], {tail})",
                    specs.join(", ")
                ))
            }
        }
    }
}

/// The index of the INDEXED key that `r` names (or a leading part of it) and the compared length
/// (`None` = the whole key).
fn key_of(cx: &mut Ctx<'_>, fi: usize, r: &DataRef, span: Span) -> Option<(usize, Option<usize>)> {
    let id = ops::resolve(cx, r)?;
    let ks = keys(cx, fi);
    if let Some(i) = ks.iter().position(|k| k.0 == id) {
        return Some((i, None));
    }
    let it = &cx.model.items[id];
    if cx.model.file_of(id) == Some(fi) {
        let off = it.offset - cx.model.files[fi].offset;
        if let Some(i) = ks.iter().position(|k| k.1 == off && it.size <= k.2) {
            let len = (it.size < ks[i].2).then_some(it.size);
            return Some((i, len));
        }
    }
    cx.refuse(span, "KEY", format!("{} is not a key of this file", r.name));
    None
}

/// `if st.<on>() { .. } else if st.is_ok() { .. }`
fn outcome(cx: &mut Ctx<'_>, code: &mut Code, on_test: &str, h: &Handlers) {
    match (&h.on, &h.not_on) {
        (None, None) => {}
        (Some(on), None) => {
            code.open(format!("if st.{on_test}() {{"));
            stmt::block(cx, code, on);
            code.close("}");
        }
        (None, Some(not_on)) => {
            code.open("if st.is_ok() {");
            stmt::block(cx, code, not_on);
            code.close("}");
        }
        (Some(on), Some(not_on)) => {
            code.open(format!("if st.{on_test}() {{"));
            stmt::block(cx, code, on);
            code.close("} else if st.is_ok() {");
            code.indent += 1;
            stmt::block(cx, code, not_on);
            code.close("}");
        }
    }
}

fn has(h: &Handlers) -> bool {
    h.on.is_some() || h.not_on.is_some()
}

/// `let st = <call>;` when a handler or follow-up reads it, else `<call>;`.
fn status_line(code: &mut Code, call: String, used: bool) {
    if used {
        code.line(format!("let st = {call};"));
    } else {
        code.line(format!("{call};"));
    }
}

#[allow(clippy::too_many_arguments)]
pub(crate) fn read(
    cx: &mut Ctx<'_>,
    code: &mut Code,
    span: Span,
    fi: usize,
    next: bool,
    previous: bool,
    into: Option<&DataRef>,
    key: Option<&DataRef>,
    at_end: &Handlers,
    invalid_key: &Handlers,
) {
    let h = cx.file_names[fi].clone();
    let acc = access(cx, fi);
    // DYNAMIC access: READ without NEXT but with AT END (and no KEY/INVALID KEY) reads sequentially.
    let sequential = next
        || previous
        || acc == AccessMode::Sequential
        || (acc == AccessMode::Dynamic && key.is_none() && has(at_end) && !has(invalid_key));
    let dep = ops::depending_on(cx, fi);
    let into = into.map(|r| ops::field(cx, r));
    let used = dep.is_some() || into.is_some();
    if sequential {
        if key.is_some() || has(invalid_key) {
            cx.refuse(span, "READ", "READ NEXT with KEY or INVALID KEY");
            return;
        }
        let handled = at_end.on.is_some();
        status_line(
            code,
            format!("self.{h}.read_next(&mut self.mem, {previous}, {handled})"),
            used || has(at_end),
        );
    } else {
        if has(at_end) {
            cx.refuse(span, "READ", "a random READ takes INVALID KEY, not AT END");
            return;
        }
        let k = match key {
            Some(r) => {
                if cx.model.files[fi].control.as_ref().map(|c| c.organization)
                    != Some(Organization::Indexed)
                {
                    cx.refuse(span, "READ KEY", "READ ... KEY IS applies to INDEXED files");
                    return;
                }
                match key_of(cx, fi, r, span) {
                    Some((k, None)) => k,
                    Some((_, Some(_))) => {
                        cx.refuse(span, "READ KEY", "READ KEY IS needs a whole key");
                        return;
                    }
                    None => return,
                }
            }
            None => 0,
        };
        let handled = invalid_key.on.is_some();
        status_line(
            code,
            format!("self.{h}.read_key(&mut self.mem, {k}, {handled})"),
            used || has(invalid_key),
        );
    }
    if used {
        code.open("if st.is_ok() {");
        if let Some(dep) = dep {
            code.line(format!(
                "rt::store_int(&mut self.mem, {dep}, self.{h}.record_length());"
            ));
        }
        if let Some(dst) = into {
            let f = &cx.model.files[fi];
            let rec = format!(
                "rt::Field::Group(rt::AlnumField::group({}, {}))",
                f.offset, f.size
            );
            code.line(format!(
                "rt::move_value(&mut self.mem, rt::Val::Field({rec}), {dst});"
            ));
        }
        code.close("}");
    }
    if sequential {
        outcome(cx, code, "at_end", at_end);
    } else {
        outcome(cx, code, "invalid_key", invalid_key);
    }
}

/// WRITE / REWRITE of a keyed file's record.
pub(crate) fn write(
    cx: &mut Ctx<'_>,
    code: &mut Code,
    fi: usize,
    record: &DataRef,
    from: Option<&Operand>,
    invalid_key: &Handlers,
    rewrite: bool,
) {
    let Some(id) = ops::resolve(cx, record) else {
        return;
    };
    let rec = cx.field_names[id].clone();
    if let Some(src) = from {
        let v = ops::value(cx, src);
        code.line(format!("rt::move_value(&mut self.mem, {v}, {rec});"));
    }
    let h = cx.file_names[fi].clone();
    let len = match ops::depending_on(cx, fi) {
        Some(dep) => {
            code.line(format!("let length = rt::get(&self.mem, {dep}).to_i64();"));
            "Some(length)"
        }
        None => "None",
    };
    let verb = if rewrite { "rewrite" } else { "write" };
    let handled = invalid_key.on.is_some();
    status_line(
        code,
        format!("self.{h}.{verb}(&mut self.mem, {rec}, {len}, {handled})"),
        has(invalid_key),
    );
    outcome(cx, code, "invalid_key", invalid_key);
}

pub(crate) fn delete(cx: &mut Ctx<'_>, code: &mut Code, span: Span, file: &str, h: &Handlers) {
    let Some(fi) = keyed(cx, file) else {
        cx.refuse(
            span,
            "DELETE",
            format!("{file} is not a RELATIVE or INDEXED file"),
        );
        return;
    };
    let name = cx.file_names[fi].clone();
    let handled = h.on.is_some();
    status_line(
        code,
        format!("self.{name}.delete(&mut self.mem, {handled})"),
        has(h),
    );
    outcome(cx, code, "invalid_key", h);
}

pub(crate) fn start(
    cx: &mut Ctx<'_>,
    code: &mut Code,
    span: Span,
    file: &str,
    key: Option<&(RelOp, DataRef)>,
    h: &Handlers,
) {
    let Some(fi) = keyed(cx, file) else {
        cx.refuse(
            span,
            "START",
            format!("{file} is not a RELATIVE or INDEXED file"),
        );
        return;
    };
    let indexed =
        cx.model.files[fi].control.as_ref().map(|c| c.organization) == Some(Organization::Indexed);
    let (op, k, len) = match key {
        None => ("Eq", 0, None),
        Some((op, r)) => {
            let op = match op {
                RelOp::Eq => "Eq",
                RelOp::Gt => "Gt",
                RelOp::Ge => "Ge",
                RelOp::Lt => "Lt",
                RelOp::Le => "Le",
                RelOp::Ne => {
                    cx.refuse(span, "START", "START KEY NOT EQUAL is not a valid relation");
                    return;
                }
            };
            if indexed {
                match key_of(cx, fi, r, span) {
                    Some((k, len)) => (op, k, len),
                    None => return,
                }
            } else {
                let rel = cx.model.files[fi]
                    .control
                    .as_ref()
                    .and_then(|c| c.relative_key.clone());
                let same = match (&rel, cx.model.resolve(r)) {
                    (Some(rk), Ok(id)) => cx.model.resolve(rk).ok() == Some(id),
                    _ => false,
                };
                if !same {
                    cx.refuse(
                        span,
                        "START",
                        "START of a RELATIVE file must name its RELATIVE KEY",
                    );
                    return;
                }
                (op, 0, None)
            }
        }
    };
    let name = cx.file_names[fi].clone();
    let len = match len {
        Some(n) => format!("Some({n})"),
        None => "None".into(),
    };
    let handled = h.on.is_some();
    status_line(
        code,
        format!("self.{name}.start(&mut self.mem, rt::StartOp::{op}, {k}, {len}, {handled})"),
        has(h),
    );
    outcome(cx, code, "invalid_key", h);
}
