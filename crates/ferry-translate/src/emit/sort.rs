//! SORT and MERGE (USING/GIVING files, INPUT/OUTPUT PROCEDUREs with RELEASE/RETURN) through the SD
//! file's `rt::SortFile`, and table SEARCH (serial, VARYING) and SEARCH ALL (binary, on the OCCURS
//! KEYs) through the table's index-name.

use ferry_syntax::ast::{
    Condition, DataItem, DataRef, Expr, Handlers, Operand, RelOp, SortIo, SortKey, Span, Statement,
};

use super::files::{handle_kind, Handle};
use super::{ops, stmt, Code, Ctx};

/// The SD file named `file` (its index), or a refusal.
fn sd(cx: &mut Ctx<'_>, file: &str, span: Span, verb: &str) -> Option<usize> {
    match cx.model.file(file) {
        Some(fi) if handle_kind(cx, fi) == Handle::Sort => Some(fi),
        _ => {
            cx.refuse(span, verb, format!("{file} is not an SD file"));
            None
        }
    }
}

/// `&[(&self.f as &dyn rt::SortIo, RECORD), ...]` for USING / GIVING files.
fn io_files(cx: &mut Ctx<'_>, names: &[String], span: Span, verb: &str) -> Option<String> {
    let mut parts = Vec::new();
    for n in names {
        let Some(fi) = cx.model.file(n) else {
            cx.refuse(span, verb, format!("{n} is not a file of this program"));
            return None;
        };
        if handle_kind(cx, fi) == Handle::Sort {
            cx.refuse(span, verb, format!("{n} is an SD file"));
            return None;
        }
        let f = &cx.model.files[fi];
        parts.push(format!(
            "(&self.{} as &dyn rt::SortIo, rt::Field::Group(rt::AlnumField::group({}, {})))",
            cx.file_names[fi], f.offset, f.size
        ));
    }
    Some(format!("&[{}]", parts.join(", ")))
}

fn sort_keys(cx: &mut Ctx<'_>, fi: usize, keys: &[SortKey], span: Span) -> Option<String> {
    let base = cx.model.files[fi].offset;
    let mut out = Vec::new();
    for k in keys {
        for r in &k.names {
            let id = ops::resolve(cx, r)?;
            if cx.model.file_of(id) != Some(fi) || !r.subscripts.is_empty() || r.refmod.is_some() {
                cx.refuse(
                    span,
                    "SORT KEY",
                    format!("{} is not a plain item of the SD record", r.name),
                );
                return None;
            }
            out.push(format!(
                "rt::sort_key({}, {base}, {})",
                cx.field_names[id], k.ascending
            ));
        }
    }
    Some(format!("&[{}]", out.join(", ")))
}

/// SORT / MERGE: `input` is the USING files or the INPUT PROCEDURE (MERGE: files only).
pub(crate) fn sort(
    cx: &mut Ctx<'_>,
    code: &mut Code,
    span: Span,
    file: &str,
    keys: &[SortKey],
    input: &SortIo,
    output: &SortIo,
    collating: Option<&str>,
    verb: &str,
) {
    let Some(fi) = sd(cx, file, span, verb) else {
        return;
    };
    let Some(keys) = sort_keys(cx, fi, keys, span) else {
        return;
    };
    let h = cx.file_names[fi].clone();
    let input = match input {
        SortIo::Files(names) => match io_files(cx, names, span, verb) {
            Some(list) => format!("self.{h}.using(&mut self.mem, {list});"),
            None => return,
        },
        SortIo::Procedure(r) => match stmt::range(cx, r, span) {
            Some(call) => call,
            None => return,
        },
    };
    let output = match output {
        SortIo::Files(names) => match io_files(cx, names, span, verb) {
            Some(list) => format!("self.{h}.giving(&mut self.mem, {list});"),
            None => return,
        },
        SortIo::Procedure(r) => match stmt::range(cx, r, span) {
            Some(call) => call,
            None => return,
        },
    };
    match collating {
        None => code.line(format!("self.{h}.begin({keys});")),
        Some(name) => match super::data::alphabet_table(cx, name) {
            Some(table) => code.line(format!(
                "self.{h}.begin_collating({keys}, {});",
                table.map_or("None".to_string(), |t| format!("Some({t})"))
            )),
            None => return,
        },
    }
    code.line(input);
    code.line(output);
    code.line(format!("self.{h}.end();"));
}

pub(crate) fn release(
    cx: &mut Ctx<'_>,
    code: &mut Code,
    span: Span,
    record: &DataRef,
    from: Option<&Operand>,
) {
    let Some(id) = ops::resolve(cx, record) else {
        return;
    };
    let fi = match cx.model.file_of(id) {
        Some(fi) if handle_kind(cx, fi) == Handle::Sort => fi,
        _ => {
            cx.refuse(
                span,
                "RELEASE",
                format!("{} is not an SD record", record.name),
            );
            return;
        }
    };
    if let Some(src) = from {
        let v = ops::value(cx, src);
        let rec = cx.field_names[id].clone();
        code.line(format!("rt::move_value(&mut self.mem, {v}, {rec});"));
    }
    code.line(format!("self.{}.release(&self.mem);", cx.file_names[fi]));
}

pub(crate) fn return_(
    cx: &mut Ctx<'_>,
    code: &mut Code,
    span: Span,
    file: &str,
    into: Option<&DataRef>,
    at_end: &Handlers,
) {
    let Some(fi) = sd(cx, file, span, "RETURN") else {
        return;
    };
    let h = cx.file_names[fi].clone();
    let into = into.map(|r| ops::field(cx, r));
    let used = into.is_some() || at_end.on.is_some() || at_end.not_on.is_some();
    if !used {
        code.line(format!("self.{h}.return_next(&mut self.mem);"));
        return;
    }
    code.line(format!(
        "let returned = self.{h}.return_next(&mut self.mem);"
    ));
    if let Some(dst) = into {
        let f = &cx.model.files[fi];
        code.open("if returned {");
        code.line(format!(
            "rt::move_value(&mut self.mem, rt::Val::Field(rt::Field::Group(rt::AlnumField::group({}, {}))), {dst});",
            f.offset, f.size
        ));
        code.close("}");
    }
    match (&at_end.on, &at_end.not_on) {
        (None, None) => {}
        (Some(on), None) => {
            code.open("if !returned {");
            stmt::block(cx, code, on);
            code.close("}");
        }
        (None, Some(not_on)) => {
            code.open("if returned {");
            stmt::block(cx, code, not_on);
            code.close("}");
        }
        (Some(on), Some(not_on)) => {
            code.open("if !returned {");
            stmt::block(cx, code, on);
            code.close("} else {");
            code.indent += 1;
            stmt::block(cx, code, not_on);
            code.close("}");
        }
    }
}

/// The data description entry of an item, found by its span.
fn entry<'p>(items: &'p [DataItem], span: Span) -> Option<&'p DataItem> {
    for it in items {
        if it.span == span {
            return Some(it);
        }
        if let Some(e) = entry(&it.children, span) {
            return Some(e);
        }
    }
    None
}

fn description<'p>(cx: &Ctx<'p>, span: Span) -> Option<&'p DataItem> {
    let d = &cx.program.data;
    entry(&d.working_storage, span)
        .or_else(|| entry(&d.local_storage, span))
        .or_else(|| entry(&d.linkage, span))
        .or_else(|| d.files.iter().find_map(|f| entry(&f.records, span)))
}

fn plain_ref(name: &str, span: Span) -> DataRef {
    DataRef {
        name: name.to_string(),
        qualifiers: vec![],
        subscripts: vec![],
        refmod: None,
        span,
    }
}

/// True when the code emitted last leaves the block (a `return` or `break`).
fn ends_in_jump(code: &Code) -> bool {
    code.out.lines().last().is_some_and(|l| {
        let t = l.trim_start();
        t.starts_with("return ") || t.starts_with("break ")
    })
}

fn body_then_break(cx: &mut Ctx<'_>, code: &mut Code, body: &[Statement], label: &str) {
    stmt::block(cx, code, body);
    if !ends_in_jump(code) {
        code.line(format!("break {label};"));
    }
}

fn key_operand(e: &Expr) -> Option<&DataRef> {
    match e {
        Expr::Operand(Operand::Ref(r)) => Some(r),
        _ => None,
    }
}

fn conjuncts<'c>(c: &'c Condition, out: &mut Vec<&'c Condition>) {
    match c {
        Condition::And(a, b) => {
            conjuncts(a, out);
            conjuncts(b, out);
        }
        other => out.push(other),
    }
}

#[allow(clippy::too_many_arguments)]
pub(crate) fn search(
    cx: &mut Ctx<'_>,
    code: &mut Code,
    span: Span,
    table: &DataRef,
    all: bool,
    varying: Option<&DataRef>,
    at_end: Option<&[Statement]>,
    whens: &[(Condition, Vec<Statement>)],
) {
    let Some(id) = ops::resolve(cx, table) else {
        return;
    };
    let item = cx.model.items[id].clone();
    let own = item.dims.len() > item.parent.map_or(0, |p| cx.model.items[p].dims.len());
    let Some(desc) = description(cx, item.span).filter(|_| own) else {
        cx.refuse(
            span,
            "SEARCH",
            format!("{} is not a table (OCCURS)", table.name),
        );
        return;
    };
    let Some(occurs) = desc.occurs.clone() else {
        cx.refuse(
            span,
            "SEARCH",
            format!("{} is not a table (OCCURS)", table.name),
        );
        return;
    };
    // The index that varies: VARYING's when it is one of the table's, else the first INDEXED BY.
    let vary_own = varying.filter(|v| occurs.indexed_by.iter().any(|i| *i == v.name));
    let index_name = match (vary_own, occurs.indexed_by.first()) {
        (Some(v), _) => v.name.clone(),
        (None, Some(i)) => i.clone(),
        (None, None) => {
            cx.refuse(span, "SEARCH", format!("{} has no INDEXED BY", table.name));
            return;
        }
    };
    let index = ops::field(cx, &plain_ref(&index_name, span));
    let other_vary = match varying {
        Some(v) if vary_own.is_none() => Some(ops::field(cx, v)),
        _ => None,
    };
    let max = match &item.depending_on {
        Some(r) => format!("{}.to_i64()", ops::num(cx, &Operand::Ref(r.clone()))),
        None => format!("{}", item.dims.last().map_or(0, |d| d.max)),
    };
    let label = cx.label("search");
    if !all {
        code.open(format!("{label}: loop {{"));
        code.open(format!(
            "if rt::get(&self.mem, {index}).to_i64() > {max} {{"
        ));
        if let Some(a) = at_end {
            stmt::block(cx, code, a);
        }
        if !ends_in_jump(code) {
            code.line(format!("break {label};"));
        }
        code.close("}");
        for (i, (cond, body)) in whens.iter().enumerate() {
            let c = ops::condition(cx, cond);
            let c = super::bare(&c).to_string();
            if i == 0 {
                code.open(format!("if {c} {{"));
            } else {
                code.close(format!("}} else if {c} {{"));
                code.indent += 1;
            }
            body_then_break(cx, code, body, &label);
        }
        if !whens.is_empty() {
            code.close("}");
        }
        code.line(format!(
            "rt::step(&mut self.mem, {index}, rt::Val::Num(Dec::int(1)));"
        ));
        if let Some(v) = other_vary {
            // cobc keeps a VARYING item that is not the table's index equal to the index.
            code.line(format!(
                "rt::move_value(&mut self.mem, rt::Val::Field({index}), {v});"
            ));
        }
        code.close("}");
        return;
    }
    // SEARCH ALL: one WHEN whose condition is key = value [AND ...]; binary search on the KEYs.
    let [(cond, body)] = whens else {
        cx.refuse(span, "SEARCH ALL", "SEARCH ALL takes exactly one WHEN");
        return;
    };
    let mut parts = Vec::new();
    conjuncts(cond, &mut parts);
    let mut probes = Vec::new();
    for k in &occurs.keys {
        for kname in &k.names {
            for p in &parts {
                let Condition::Relation {
                    left,
                    op: RelOp::Eq,
                    right,
                } = p
                else {
                    continue;
                };
                let (key_side, value_side) = match (key_operand(left), key_operand(right)) {
                    (Some(l), _) if l.name == kname.name => (left, right),
                    (_, Some(r)) if r.name == kname.name => (right, left),
                    _ => continue,
                };
                probes.push((key_side.clone(), value_side.clone(), k.ascending));
            }
        }
    }
    if probes.is_empty() {
        cx.refuse(
            span,
            "SEARCH ALL",
            "the WHEN condition of SEARCH ALL must compare a KEY of the table for equality",
        );
        return;
    }
    let c = ops::condition(cx, cond);
    let c = super::bare(&c).to_string();
    code.open("{");
    code.line("let mut low: i64 = 0;");
    code.line(format!("let mut high: i64 = {max} + 1;"));
    code.open(format!("{label}: loop {{"));
    code.open("if low >= high - 1 {");
    if let Some(a) = at_end {
        stmt::block(cx, code, a);
    }
    if !ends_in_jump(code) {
        code.line(format!("break {label};"));
    }
    code.close("}");
    code.line("let mid = (low + high) / 2;");
    code.line(format!("rt::store_int(&mut self.mem, {index}, mid);"));
    code.open(format!("if {c} {{"));
    body_then_break(cx, code, body, &label);
    code.close("}");
    // The first key (in KEY order) that differs decides which half holds the entry.
    code.line("let mut order = std::cmp::Ordering::Equal;");
    for (key, value, ascending) in probes {
        let k = ops::expr_value(cx, &key);
        let v = ops::expr_value(cx, &value);
        let rev = if ascending { "" } else { ".reverse()" };
        code.open("if order.is_eq() {");
        code.line(format!("order = rt::compare(&self.mem, &{k}, &{v}){rev};"));
        code.close("}");
    }
    code.open("if order.is_lt() {");
    code.line("low = mid;");
    code.close("} else {");
    code.indent += 1;
    code.line("high = mid;");
    code.close("}");
    code.close("}");
    code.close("}");
}
