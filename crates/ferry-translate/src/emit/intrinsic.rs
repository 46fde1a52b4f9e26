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
    /// A `Dec` expression cobc displays with a 0 before the point when long and below 1 (SQRT).
    NumLead(String),
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
                Expr::Operand(Operand::Ref(r)) if r.refmod.is_none() => {
                    cx.model.resolve(r).ok().map(|id| cx.model.items[id].size)
                }
                Expr::Operand(Operand::Literal(Literal::Alphanumeric(b))) => Some(b.len()),
                _ => None,
            };
            match n {
                // A compile-time constant: DISPLAY shows it like a numeric literal (cobc: `4`).
                Some(n) => Result::Val(format!("rt::Val::Num(Dec::int({n}))")),
                // The length of an alphanumeric function result or a reference-modified item,
                // known at run time (DISPLAY: cobc's temporary format, `000000015`).
                None => {
                    let runtime = match &a[0] {
                        Expr::Operand(Operand::Ref(r)) if r.refmod.is_some() => true,
                        Expr::Operand(Operand::Function(g)) => {
                            g.refmod.is_some() || is_text_function(&g.name)
                        }
                        _ => false,
                    };
                    if !runtime {
                        return None;
                    }
                    Result::Num(format!("Dec::int({}.len() as i64)", bytes(cx, &a[0])))
                }
            }
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
        ("ABS", 1) if is_display_or_packed_item(cx, &a[0]) => Result::Val(format!(
            "rt::Val::Text(rt::intrinsic::abs_field(&self.mem, {}))",
            match &a[0] {
                Expr::Operand(Operand::Ref(r)) => ops::field(cx, r),
                _ => unreachable!("checked by is_display_or_packed_item"),
            }
        )),
        ("ABS", 1) => Result::Num(one(cx, "abs")?),
        ("SQRT", 1) => Result::NumLead(one(cx, "sqrt")?),
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
        ("MEDIAN", n)
            if n % 2 == 1
                && a.iter().all(|e| {
                    matches!(
                        e,
                        Expr::Operand(Operand::Ref(_) | Operand::Literal(Literal::Numeric(_)))
                    )
                }) =>
        {
            // The middle argument itself, shown in its own format (as cobc does).
            let values = nums(cx, a);
            let fields: Vec<String> = a.iter().map(|e| ops::expr_value(cx, e)).collect();
            Result::Val(format!(
                "[{}][rt::intrinsic::median_index(&{values}).unwrap_or(0)].clone()",
                fields.join(", ")
            ))
        }
        ("MEDIAN" | "RANGE" | "MIDRANGE" | "VARIANCE" | "STANDARD-DEVIATION", n) if n > 0 => {
            let func = match f.name.as_str() {
                "MEDIAN" => "median",
                "RANGE" => "range",
                "MIDRANGE" => "midrange",
                "VARIANCE" => "variance",
                _ => "standard_deviation",
            };
            Result::Num(format!("rt::intrinsic::{func}(&{})", nums(cx, a)))
        }
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
        ("TEST-NUMVAL", 1) => {
            Result::Num(format!("rt::intrinsic::test_numval(&{})", bytes(cx, &a[0])))
        }
        ("TEST-NUMVAL-C", 1) => Result::Num(format!(
            "rt::intrinsic::test_numval_c(&{}, b\"$\")",
            bytes(cx, &a[0])
        )),
        ("TEST-NUMVAL-C", 2) => {
            let c = bytes(cx, &a[1]);
            Result::Num(format!(
                "rt::intrinsic::test_numval_c(&{}, &{c})",
                bytes(cx, &a[0])
            ))
        }
        ("TEST-DATE-YYYYMMDD", 1) => Result::Num(one(cx, "test_date_yyyymmdd")?),
        ("FACTORIAL", 1) => Result::Num(one(cx, "factorial")?),
        ("ORD-MAX" | "ORD-MIN", n) if n > 0 => {
            let func = if f.name == "ORD-MAX" { "max" } else { "min" };
            if a.iter().all(|e| is_numeric_arg(cx, e)) {
                Result::Num(format!(
                    "Dec::int(rt::intrinsic::{func}_index(&{}) as i64 + 1)",
                    nums(cx, a)
                ))
            } else if a.iter().all(|e| !is_numeric_arg(cx, e)) {
                let v: Vec<String> = a.iter().map(|e| bytes(cx, e)).collect();
                Result::Num(format!(
                    "{{ let v = [{}]; let r: Vec<&[u8]> = v.iter().map(|b| b.as_slice()).collect(); \
                     Dec::int(rt::intrinsic::{func}_index_bytes(&r) as i64 + 1) }}",
                    v.join(", ")
                ))
            } else {
                return None;
            }
        }
        ("CURRENT-DATE", 0) => Result::Val("rt::Val::Text(rt::intrinsic::current_date())".into()),
        ("SIGN", 1) => Result::Num(one(cx, "sign")?),
        ("ANNUITY", 2) => {
            let (r, n) = (ops::expr_num(cx, &a[0]), ops::expr_num(cx, &a[1]));
            Result::Num(format!("rt::intrinsic::annuity(&{r}, &{n})"))
        }
        ("PRESENT-VALUE", n) if n >= 2 => {
            let r = ops::expr_num(cx, &a[0]);
            Result::Num(format!(
                "rt::intrinsic::present_value(&{r}, &{})",
                nums(cx, &a[1..])
            ))
        }
        ("FRACTION-PART", 1) => Result::Num(one(cx, "fraction_part")?),
        ("RANDOM", 0 | 1) if cx.in_relation => {
            // cobc 3.1.2 compares RANDOM's double inconsistently: RANDOM(7) (0.48690413939...)
            // is neither > 0.48690413 nor < 0.4869041394.
            cx.refuse(
                f.span,
                "FUNCTION",
                "FUNCTION RANDOM in a relation condition is not translated (move it to an item first)",
            );
            Result::Val("rt::Val::Num(Dec::ZERO)".into())
        }
        ("RANDOM", 0) => Result::Val("rt::intrinsic::random(None)".into()),
        ("RANDOM", 1) => {
            let x = ops::expr_num(cx, &a[0]);
            Result::Val(format!("rt::intrinsic::random(Some(&{x}))"))
        }
        ("PI", 0) => Result::Num("rt::intrinsic::pi()".into()),
        ("E", 0) => Result::Num("rt::intrinsic::e()".into()),
        ("NUMVAL-F", 1) => Result::Num(format!("rt::intrinsic::numval_f(&{})", bytes(cx, &a[0]))),
        ("BYTE-LENGTH", 1) => {
            return call(
                cx,
                &FunctionCall {
                    name: "LENGTH".into(),
                    ..f.clone()
                },
            )
        }
        ("CONCATENATE", n) if n > 0 => {
            let parts: Vec<String> = a.iter().map(|e| bytes(cx, e)).collect();
            Result::Val(format!("rt::Val::Text([{}].concat())", parts.join(", ")))
        }
        ("SUBSTITUTE", n) if n >= 3 && n % 2 == 1 => {
            let text = bytes(cx, &a[0]);
            let pairs: Vec<String> = a[1..]
                .chunks(2)
                .map(|p| format!("(&{}[..], &{}[..])", bytes(cx, &p[0]), bytes(cx, &p[1])))
                .collect();
            Result::Val(format!(
                "rt::Val::Text(rt::intrinsic::substitute(&{text}, &[{}]))",
                pairs.join(", ")
            ))
        }
        ("YEAR-TO-YYYY" | "DATE-TO-YYYYMMDD" | "DAY-TO-YYYYDDD", 1..=3) => {
            let func = match f.name.as_str() {
                "YEAR-TO-YYYY" => "year_to_yyyy",
                "DATE-TO-YYYYMMDD" => "date_to_yyyymmdd",
                _ => "day_to_yyyyddd",
            };
            let args: Vec<String> = a.iter().map(|e| ops::expr_num(cx, e)).collect();
            let opt = |k: usize| {
                args.get(k)
                    .map_or("None".to_string(), |x| format!("Some(&{x})"))
            };
            Result::Num(format!(
                "rt::intrinsic::{func}(&{}, {}, {})",
                args[0],
                opt(1),
                opt(2)
            ))
        }
        _ => return None,
    };
    Some(r)
}

/// Functions with an alphanumeric result.
fn is_text_function(name: &str) -> bool {
    matches!(
        name,
        "UPPER-CASE"
            | "LOWER-CASE"
            | "REVERSE"
            | "TRIM"
            | "CHAR"
            | "CURRENT-DATE"
            | "CONCATENATE"
            | "SUBSTITUTE"
    )
}

/// True when an argument is numeric (a numeric literal, an arithmetic expression, a numeric
/// item or a numeric function).
fn is_numeric_arg(cx: &Ctx<'_>, e: &Expr) -> bool {
    use ferry_model::ItemKind;
    match e {
        Expr::Operand(Operand::Literal(Literal::Numeric(_))) => true,
        Expr::Operand(Operand::Literal(_)) => false,
        Expr::Operand(Operand::Ref(r)) => {
            r.refmod.is_none()
                && cx.model.resolve(r).ok().is_some_and(|id| {
                    matches!(
                        cx.model.items[id].kind,
                        ItemKind::Numeric { .. } | ItemKind::Float | ItemKind::Double
                    )
                })
        }
        Expr::Operand(Operand::Function(g)) => g.refmod.is_none() && !is_text_function(&g.name),
        Expr::Operand(_) => true,
        _ => true,
    }
}

/// A numeric DISPLAY or PACKED-DECIMAL item (whose DISPLAY form reads back as its value).
fn is_display_or_packed_item(cx: &Ctx<'_>, e: &Expr) -> bool {
    use ferry_model::{ItemKind, NumUsage};
    match e {
        Expr::Operand(Operand::Ref(r)) if r.refmod.is_none() => {
            cx.model.resolve(r).ok().is_some_and(|id| {
                matches!(
                    cx.model.items[id].kind,
                    ItemKind::Numeric {
                        usage: NumUsage::Display | NumUsage::Packed,
                        ..
                    }
                )
            })
        }
        _ => false,
    }
}
