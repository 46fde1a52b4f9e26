//! Intrinsic functions: `FUNCTION NAME (args)` as an operand.
//!
//! Numeric results are `Val::Temp` (DISPLAY shows them in cobc's temporary format), date numbers
//! `Val::Digits`, alphanumeric results `Val::Text`.

use ferry_syntax::ast::{Expr, FunctionCall, Literal, Operand};

use super::{ops, Ctx};

/// What a function call evaluates to.
pub(crate) enum Result {
    /// A `Dec` expression.
    Num(String),
    /// A `Val` expression (alphanumeric, or a numeric argument returned as itself).
    Val(String),
}

fn bytes(cx: &mut Ctx<'_>, e: &Expr) -> String {
    let v = ops::expr_value(cx, e);
    format!("rt::val_bytes(&self.mem, &{v})")
}

fn nums(cx: &mut Ctx<'_>, args: &[Expr]) -> String {
    let v: Vec<String> = args.iter().map(|a| ops::expr_num(cx, a)).collect();
    format!("[{}]", v.join(", "))
}

pub(crate) fn call(cx: &mut Ctx<'_>, f: &FunctionCall) -> Option<Result> {
    let a = &f.args;
    let one = |cx: &mut Ctx<'_>, func: &str| -> Option<String> {
        let x = ops::expr_num(cx, a.first()?);
        Some(format!("rt::intrinsic::{func}(&{x})"))
    };
    let r = match (f.name.as_str(), a.len()) {
        ("LENGTH", 1) => {
            let n = match &a[0] {
                Expr::Operand(Operand::Ref(r)) => {
                    cx.model.resolve(r).ok().map(|id| cx.model.items[id].size)
                }
                Expr::Operand(Operand::Literal(Literal::Alphanumeric(b))) => Some(b.len()),
                _ => None,
            }?;
            Result::Num(format!("Dec::int({n})"))
        }
        ("UPPER-CASE", 1) => Result::Val(format!(
            "rt::Val::Text(rt::intrinsic::upper_case(&{}))",
            bytes(cx, &a[0])
        )),
        ("LOWER-CASE", 1) => Result::Val(format!(
            "rt::Val::Text(rt::intrinsic::lower_case(&{}))",
            bytes(cx, &a[0])
        )),
        ("REVERSE", 1) => Result::Val(format!(
            "rt::Val::Text(rt::intrinsic::reverse(&{}))",
            bytes(cx, &a[0])
        )),
        ("TRIM", 1 | 2) => {
            let how = match a.get(1) {
                None => "Both",
                Some(Expr::Operand(Operand::Ref(r))) if r.name == "LEADING" => "Leading",
                Some(Expr::Operand(Operand::Ref(r))) if r.name == "TRAILING" => "Trailing",
                Some(_) => return None,
            };
            Result::Val(format!(
                "rt::Val::Text(rt::intrinsic::trim(&{}, rt::intrinsic::Trim::{how}))",
                bytes(cx, &a[0])
            ))
        }
        ("NUMVAL", 1) => Result::Num(format!("rt::intrinsic::numval(&{})", bytes(cx, &a[0]))),
        ("NUMVAL-C", 1) => Result::Num(format!(
            "rt::intrinsic::numval_c(&{}, b\"$\")",
            bytes(cx, &a[0])
        )),
        ("NUMVAL-C", 2) => {
            let c = bytes(cx, &a[1]);
            Result::Num(format!(
                "rt::intrinsic::numval_c(&{}, &{c})",
                bytes(cx, &a[0])
            ))
        }
        ("INTEGER", 1) => Result::Num(one(cx, "integer")?),
        ("INTEGER-PART", 1) => Result::Num(one(cx, "integer_part")?),
        ("ABS", 1) => Result::Num(one(cx, "abs")?),
        ("SQRT", 1) => Result::Num(one(cx, "sqrt")?),
        ("INTEGER-OF-DATE", 1) => Result::Num(one(cx, "integer_of_date")?),
        ("INTEGER-OF-DAY", 1) => Result::Num(one(cx, "integer_of_day")?),
        ("DATE-OF-INTEGER", 1) => Result::Val(format!(
            "rt::Val::Digits({}, 8)",
            one(cx, "date_of_integer")?
        )),
        ("DAY-OF-INTEGER", 1) => Result::Val(format!(
            "rt::Val::Digits({}, 7)",
            one(cx, "day_of_integer")?
        )),
        ("MOD" | "REM", 2) => {
            let (x, y) = (ops::expr_num(cx, &a[0]), ops::expr_num(cx, &a[1]));
            let func = if f.name == "MOD" { "mod_" } else { "rem" };
            Result::Num(format!("rt::intrinsic::{func}(&{x}, &{y})"))
        }
        ("SUM", n) if n > 0 => Result::Num(format!("rt::intrinsic::sum(&{})", nums(cx, a))),
        ("MEAN", n) if n > 0 => Result::Num(format!("rt::intrinsic::mean(&{})", nums(cx, a))),
        ("MAX" | "MIN", n) if n > 0 => {
            let func = if f.name == "MAX" {
                "max_index"
            } else {
                "min_index"
            };
            let all_fields = a
                .iter()
                .all(|e| matches!(e, Expr::Operand(Operand::Ref(_))));
            let values = nums(cx, a);
            if all_fields {
                // The winning argument itself, shown in its own format (as cobc does).
                let fields: Vec<String> = a.iter().map(|e| ops::expr_value(cx, e)).collect();
                Result::Val(format!(
                    "[{}][rt::intrinsic::{func}(&{values})].clone()",
                    fields.join(", ")
                ))
            } else {
                Result::Num(format!(
                    "{{ let v = {values}; v[rt::intrinsic::{func}(&v)].clone() }}"
                ))
            }
        }
        ("ORD", 1) => Result::Num(format!("rt::intrinsic::ord(&{})", bytes(cx, &a[0]))),
        ("CHAR", 1) => Result::Val(format!(
            "rt::Val::Text(rt::intrinsic::char_(&{}))",
            ops::expr_num(cx, &a[0])
        )),
        ("CURRENT-DATE", 0) => Result::Val("rt::Val::Text(rt::intrinsic::current_date())".into()),
        _ => return None,
    };
    Some(r)
}
