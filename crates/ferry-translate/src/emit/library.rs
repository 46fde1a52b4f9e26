//! CALL of libcob's library routines (`SYSTEM`, `CBL_...`, `C$...`) that are not programs of the
//! estate: the ones with a runtime counterpart in `ferry_runtime::library` are translated, the
//! others are refused by name.

use ferry_syntax::ast::{CallArg, Handlers, Operand, PassBy, Span};

use super::{ops, stmt, Code, Ctx};

/// Whether `name` is a libcob library routine name (`SYSTEM`, `CBL_*`, `C$*`).
pub(crate) fn is_routine(name: &str) -> bool {
    name == "SYSTEM" || name.starts_with("CBL_") || name.starts_with("C$")
}

/// Emits the CALL of routine `name`; RETURN-CODE (or the RETURNING item `target`) gets its result.
pub(crate) fn call(
    cx: &mut Ctx<'_>,
    code: &mut Code,
    span: Span,
    name: &str,
    using: &[CallArg],
    exception: &Handlers,
    target: &str,
) {
    let arg = |i: usize| using.get(i).and_then(|a| a.value.as_ref());
    let by_ref_item = |i: usize| match using.get(i) {
        Some(CallArg {
            by: PassBy::Reference,
            value: Some(Operand::Ref(r)),
        }) => Some(r.clone()),
        _ => None,
    };
    let expr = match (name, using.len()) {
        ("SYSTEM", 1) => arg(0).map(|c| {
            let v = ops::value(cx, c);
            format!("rt::library::system(&self.mem, {v})")
        }),
        ("CBL_TOUPPER" | "CBL_TOLOWER", 2) => match (by_ref_item(0), arg(1)) {
            (Some(item), Some(len)) => {
                let f = ops::field(cx, &item);
                let n = ops::value(cx, len);
                let upper = name == "CBL_TOUPPER";
                Some(format!(
                    "rt::library::case_convert(&mut self.mem, {f}, {n}, {upper})"
                ))
            }
            _ => None,
        },
        ("CBL_DELETE_FILE", 1) => arg(0).map(|n| {
            let v = ops::value(cx, n);
            format!("rt::library::delete_file(&self.mem, {v})")
        }),
        ("CBL_AND" | "CBL_OR" | "CBL_XOR" | "CBL_EQ" | "CBL_IMP" | "CBL_NIMP" | "CBL_NOR", 3) => {
            match (by_ref_item(0), by_ref_item(1), arg(2)) {
                (Some(s), Some(t), Some(len)) => {
                    let (s, t) = (ops::field(cx, &s), ops::field(cx, &t));
                    let n = ops::value(cx, len);
                    let op = &name[4..];
                    Some(format!(
                        "rt::library::bitwise(&mut self.mem, {op:?}, Some({s}), {t}, {n})"
                    ))
                }
                _ => None,
            }
        }
        ("CBL_NOT", 2) => match (by_ref_item(0), arg(1)) {
            (Some(t), Some(len)) => {
                let t = ops::field(cx, &t);
                let n = ops::value(cx, len);
                Some(format!(
                    "rt::library::bitwise(&mut self.mem, \"NOT\", None, {t}, {n})"
                ))
            }
            _ => None,
        },
        ("C$SLEEP", 1) => arg(0).map(|a| {
            let v = ops::value(cx, a);
            format!("rt::library::sleep(&self.mem, {v}, false)")
        }),
        ("CBL_GC_NANOSLEEP" | "CBL_OC_NANOSLEEP", 1) => arg(0).map(|a| {
            let v = ops::value(cx, a);
            format!("rt::library::sleep(&self.mem, {v}, true)")
        }),
        _ => None,
    };
    let Some(expr) = expr else {
        cx.refuse(
            span,
            "CALL",
            format!(
                "CALL \"{name}\" (a libcob library routine) with {} argument(s) is not translated yet",
                using.len()
            ),
        );
        return;
    };
    code.line(format!("let rc = {expr};"));
    code.line(format!("rt::store_int(&mut self.mem, {target}, rc);"));
    if let Some(not_on) = &exception.not_on {
        stmt::block(cx, code, not_on);
    }
}
