//! STRING, UNSTRING and INSPECT: each becomes one runtime call taking its clauses as data.

use ferry_syntax::ast::{
    DataRef, Handlers, InspectLimit, InspectReplaceItem, InspectTallyItem, InspectTallying,
    Operand, StringSource, UnstringDelimiter, UnstringTarget,
};

use super::{ops, stmt, Code, Ctx};

fn opt_field(cx: &mut Ctx<'_>, r: Option<&DataRef>) -> String {
    match r {
        Some(r) => format!("Some({})", ops::field(cx, r)),
        None => "None".into(),
    }
}

fn overflow(cx: &mut Ctx<'_>, code: &mut Code, call: String, h: &Handlers) {
    if h.on.is_none() && h.not_on.is_none() {
        code.line(format!("{call};"));
        return;
    }
    code.line(format!("let overflow = {call};"));
    if let Some(on) = &h.on {
        code.open("if overflow {");
        stmt::block(cx, code, on);
        if let Some(not_on) = &h.not_on {
            code.close("} else {");
            code.indent += 1;
            stmt::block(cx, code, not_on);
        }
        code.close("}");
    } else if let Some(not_on) = &h.not_on {
        code.open("if !overflow {");
        stmt::block(cx, code, not_on);
        code.close("}");
    }
}

pub(crate) fn string(
    cx: &mut Ctx<'_>,
    code: &mut Code,
    sources: &[StringSource],
    into: &DataRef,
    pointer: Option<&DataRef>,
    h: &Handlers,
) {
    let parts: Vec<String> = sources
        .iter()
        .map(|s| {
            let v = ops::value(cx, &s.value);
            let d = match &s.delimiter {
                Some(d) => format!("Some({})", ops::value(cx, d)),
                None => "None".into(),
            };
            format!("({v}, {d})")
        })
        .collect();
    let dst = ops::field(cx, into);
    let ptr = opt_field(cx, pointer);
    code.open("{");
    code.line(format!("let sources = [{}];", parts.join(", ")));
    overflow(
        cx,
        code,
        format!("rt::string_into(&mut self.mem, &sources, {dst}, {ptr})"),
        h,
    );
    code.close("}");
}

#[allow(clippy::too_many_arguments)]
pub(crate) fn unstring(
    cx: &mut Ctx<'_>,
    code: &mut Code,
    source: &DataRef,
    delimiters: &[UnstringDelimiter],
    targets: &[UnstringTarget],
    pointer: Option<&DataRef>,
    tallying: Option<&DataRef>,
    h: &Handlers,
) {
    let src = ops::field(cx, source);
    let delims: Vec<String> = delimiters
        .iter()
        .map(|d| format!("({}, {})", ops::value(cx, &d.value), d.all))
        .collect();
    let receivers: Vec<String> = targets
        .iter()
        .map(|t| {
            let into = ops::field(cx, &t.item);
            let di = opt_field(cx, t.delimiter_in.as_ref());
            let ci = opt_field(cx, t.count_in.as_ref());
            format!("rt::Receiver {{ into: {into}, delimiter_in: {di}, count_in: {ci} }}")
        })
        .collect();
    let ptr = opt_field(cx, pointer);
    let tally = opt_field(cx, tallying);
    code.open("{");
    code.line(format!("let delimiters = [{}];", delims.join(", ")));
    code.line(format!("let receivers = [{}];", receivers.join(", ")));
    overflow(
        cx,
        code,
        format!("rt::unstring(&mut self.mem, {src}, &delimiters, &receivers, {ptr}, {tally})"),
        h,
    );
    code.close("}");
}

/// BEFORE / AFTER INITIAL phrases; with both, the one written first narrows the region first.
fn limits(cx: &mut Ctx<'_>, ls: &[InspectLimit]) -> String {
    let mut before = None;
    let mut after = None;
    let mut before_first = false;
    for l in ls {
        let v = ops::value(cx, &l.pattern);
        if l.before {
            before_first = after.is_none();
            before = Some(v);
        } else {
            after = Some(v);
        }
    }
    match (before, after) {
        (None, None) => "rt::Limits::NONE".into(),
        (Some(b), None) => format!("rt::Limits::before({b})"),
        (None, Some(a)) => format!("rt::Limits::after({a})"),
        (Some(b), Some(a)) if before_first => format!("rt::Limits::before_after({b}, {a})"),
        (Some(b), Some(a)) => format!("rt::Limits::after_before({a}, {b})"),
    }
}

fn look(cx: &mut Ctx<'_>, kind: &str, pattern: Option<&Operand>) -> String {
    match pattern {
        Some(p) => format!("rt::Look::{kind}({})", ops::value(cx, p)),
        None => "rt::Look::Characters".into(),
    }
}

pub(crate) fn inspect(
    cx: &mut Ctx<'_>,
    code: &mut Code,
    target: &DataRef,
    tallying: &[InspectTallying],
    replacing: &[InspectReplaceItem],
    converting: Option<&(Operand, Operand, Vec<InspectLimit>)>,
) {
    let t = ops::field(cx, target);
    if !tallying.is_empty() {
        let mut clauses = Vec::new();
        for tl in tallying {
            let counter = ops::field(cx, &tl.counter);
            for item in &tl.items {
                let (l, lim) = match item {
                    InspectTallyItem::Characters { limits: ls } => {
                        (look(cx, "", None), limits(cx, ls))
                    }
                    InspectTallyItem::All {
                        pattern,
                        limits: ls,
                    } => (look(cx, "All", Some(pattern)), limits(cx, ls)),
                    InspectTallyItem::Leading {
                        pattern,
                        limits: ls,
                    } => (look(cx, "Leading", Some(pattern)), limits(cx, ls)),
                };
                clauses.push(format!("({counter}, {l}, {lim})"));
            }
        }
        code.line(format!(
            "rt::inspect_tally(&mut self.mem, {t}, &[{}]);",
            clauses.join(", ")
        ));
    }
    if !replacing.is_empty() {
        let clauses: Vec<String> = replacing
            .iter()
            .map(|item| {
                let (l, by, ls) = match item {
                    InspectReplaceItem::Characters { by, limits: ls } => {
                        (look(cx, "", None), by, ls)
                    }
                    InspectReplaceItem::All {
                        pattern,
                        by,
                        limits: ls,
                    } => (look(cx, "All", Some(pattern)), by, ls),
                    InspectReplaceItem::Leading {
                        pattern,
                        by,
                        limits: ls,
                    } => (look(cx, "Leading", Some(pattern)), by, ls),
                    InspectReplaceItem::First {
                        pattern,
                        by,
                        limits: ls,
                    } => (look(cx, "First", Some(pattern)), by, ls),
                };
                let by = ops::value(cx, by);
                let lim = limits(cx, ls);
                format!("({l}, {by}, {lim})")
            })
            .collect();
        code.line(format!(
            "rt::inspect_replace(&mut self.mem, {t}, &[{}]);",
            clauses.join(", ")
        ));
    }
    if let Some((from, to, ls)) = converting {
        let (f, to) = (ops::value(cx, from), ops::value(cx, to));
        let lim = limits(cx, ls);
        code.line(format!(
            "rt::inspect_convert(&mut self.mem, {t}, {f}, {to}, {lim});"
        ));
    }
}
