//! Operands, fields, conditions, arithmetic and I/O: the only module that knows the runtime's API.
//!
//! Every generated value goes through `rt::Val` (a field, a decimal, literal bytes, a figurative
//! constant), every numeric computation through `rt::Dec`; the runtime decides numeric versus
//! alphanumeric behaviour from the field descriptors, as COBOL does from the data categories.

use ferry_model::{Item, ItemId, ItemKind, NumUsage};
use ferry_syntax::ast::{
    Advancing, BinOp, CallArg, ClassTest, Condition, DataRef, Expr, Figurative, Handlers, Literal,
    Operand, PassBy, RelOp, RoundingMode, SignTest, Span, Statement, StatementKind as K, Target,
};

use super::{stmt, Code, Ctx};

/// The `rt::Field` constructor expression for an item (the runtime's `const fn` descriptors).
pub(crate) fn descriptor(it: &Item, comma: bool, currency: char) -> String {
    let (off, len) = (it.offset, it.size);
    match &it.kind {
        ItemKind::Group | ItemKind::Renames | ItemKind::Condition { .. } => {
            format!("Field::Group(AlnumField::group({off}, {len}))")
        }
        ItemKind::Alphanumeric { justified } | ItemKind::Alphabetic { justified } => {
            if *justified {
                format!("Field::Alnum(AlnumField::new({off}, {len}).justified())")
            } else {
                format!("Field::Alnum(AlnumField::new({off}, {len}))")
            }
        }
        ItemKind::Numeric {
            digits,
            scale,
            signed,
            usage,
            sign_leading,
            sign_separate,
        } => {
            let ctor = match usage {
                NumUsage::Display => "display",
                NumUsage::Packed => "packed",
                NumUsage::Binary => "binary",
                NumUsage::NativeBinary => "comp5",
                NumUsage::BinaryIbm => "binary_ibm",
            };
            let base = format!("NumField::{ctor}({off}, {digits}, {scale}, {signed})");
            let sign = match (*signed, sign_leading, sign_separate) {
                (true, true, true) => Some("LeadingSeparate"),
                (true, true, false) => Some("LeadingOverpunch"),
                (true, false, true) => Some("TrailingSeparate"),
                _ => None,
            };
            match sign {
                Some(m) => format!("Field::Num({base}.with_sign(SignMode::{m}))"),
                None => format!("Field::Num({base})"),
            }
        }
        ItemKind::NumericEdited {
            picture,
            blank_when_zero,
            ..
        } => {
            let base = if comma || currency != '$' {
                format!(
                    "EditField::with_options({off}, {}, {comma}, b'{currency}')",
                    str_lit(picture)
                )
            } else {
                format!("EditField::new({off}, {})", str_lit(picture))
            };
            if *blank_when_zero {
                format!("Field::Edit({base}.blank_when_zero())")
            } else {
                format!("Field::Edit({base})")
            }
        }
        ItemKind::AlphanumericEdited { picture } => format!(
            "Field::AlnumEdit(AlnumEditField::new({off}, {}))",
            str_lit(picture)
        ),
        ItemKind::Float => format!("Field::Num(NumField::float({off}))"),
        ItemKind::Double => format!("Field::Num(NumField::double({off}))"),
        // cobc shows an index as a signed 9-digit number.
        ItemKind::Index => format!("Field::Num(NumField::binary({off}, 9, 0, true))"),
        ItemKind::Pointer => format!("Field::Alnum(AlnumField::new({off}, {len}))"),
    }
}

pub(crate) fn str_lit(s: &str) -> String {
    format!("{s:?}")
}

pub(crate) fn bytes_lit(b: &[u8]) -> String {
    let mut s = String::from("b\"");
    for &c in b {
        match c {
            b'"' => s.push_str("\\\""),
            b'\\' => s.push_str("\\\\"),
            0x20..=0x7e => s.push(c as char),
            _ => s.push_str(&format!("\\x{c:02x}")),
        }
    }
    s.push('"');
    s
}

/// `Dec` constant for a numeric literal as written (`-12.50` -> `Dec::new(-1250, 2)`).
pub(crate) fn dec_lit(text: &str) -> String {
    let t = text.trim_start_matches('+');
    let (neg, t) = match t.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, t),
    };
    let (int, frac) = t.split_once('.').unwrap_or((t, ""));
    let digits: String = format!("{int}{frac}").trim_start_matches('0').to_string();
    let digits = if digits.is_empty() {
        "0".to_string()
    } else {
        digits
    };
    if digits.len() > 36 {
        return format!("Dec::parse({})", str_lit(text));
    }
    format!(
        "Dec::new({}{digits}, {})",
        if neg { "-" } else { "" },
        frac.len()
    )
}

fn figurative(f: Figurative) -> &'static str {
    match f {
        Figurative::Zero => "rt::Fig::Zero",
        Figurative::Space => "rt::Fig::Space",
        Figurative::HighValue => "rt::Fig::HighValue",
        Figurative::LowValue => "rt::Fig::LowValue",
        Figurative::Quote => "rt::Fig::Quote",
        Figurative::Null => "rt::Fig::LowValue",
    }
}

pub(crate) fn literal_value(cx: &mut Ctx<'_>, l: &Literal, _target: Option<ItemId>) -> String {
    match l {
        Literal::Numeric(t) => format!("rt::Val::Num({})", dec_lit(t)),
        Literal::Alphanumeric(b) => format!("rt::Val::Bytes({})", bytes_lit(b)),
        Literal::Figurative(f) => format!("rt::Val::Fig({})", figurative(*f)),
        Literal::All(inner) => match inner.as_ref() {
            Literal::Alphanumeric(b) => format!("rt::Val::All({})", bytes_lit(b)),
            Literal::Figurative(f) => format!("rt::Val::Fig({})", figurative(*f)),
            other => literal_value(cx, other, None),
        },
    }
}

/// Resolves a data reference to its item, or records why it cannot be translated.
pub(crate) fn resolve(cx: &mut Ctx<'_>, r: &DataRef) -> Option<ItemId> {
    match cx.model.resolve(r) {
        Ok(id) => Some(id),
        Err(e) => {
            cx.refuse(r.span, "data reference", e);
            None
        }
    }
}

/// Byte offset added by the subscripts of `r` to item `id` (`None` when there are none).
fn subscript_offset(cx: &mut Ctx<'_>, id: ItemId, r: &DataRef) -> Option<String> {
    let dims = cx.model.items[id].dims.clone();
    if r.subscripts.is_empty() {
        if !dims.is_empty() && !matches!(cx.model.items[id].kind, ItemKind::Condition { .. }) {
            // A table referenced without subscripts: only legal in a few places (e.g. SEARCH).
            cx.refuse(
                r.span,
                "subscript",
                format!("{} needs {} subscript(s)", r.name, dims.len()),
            );
        }
        return None;
    }
    if r.subscripts.len() != dims.len() {
        cx.refuse(
            r.span,
            "subscript",
            format!(
                "{} has {} dimension(s), {} subscript(s) given",
                r.name,
                dims.len(),
                r.subscripts.len()
            ),
        );
        return None;
    }
    let mut parts = Vec::new();
    for (e, d) in r.subscripts.iter().zip(dims) {
        if let Expr::Operand(Operand::Literal(Literal::Numeric(t))) = e {
            if let Ok(n) = t.parse::<usize>() {
                if n >= 1 && n - 1 > 0 {
                    parts.push(format!("{}", (n - 1) * d.stride));
                }
                continue;
            }
        }
        let v = expr_num(cx, e);
        parts.push(format!("rt::index({v}, {}) * {}", d.max, d.stride));
    }
    if parts.is_empty() {
        None
    } else {
        Some(parts.join(" + "))
    }
}

/// The current length of a group whose last part is an OCCURS DEPENDING ON table.
fn odo_length(cx: &mut Ctx<'_>, id: ItemId) -> Option<String> {
    let it = &cx.model.items[id];
    if !matches!(it.kind, ItemKind::Group) {
        return None;
    }
    let table = it
        .children
        .iter()
        .copied()
        .find(|&c| cx.model.items[c].depending_on.is_some())?;
    let t = cx.model.items[table].clone();
    let dep = t.depending_on.clone()?;
    let dim = *t.dims.last()?;
    let before = t.offset - cx.model.items[id].offset;
    let count = num(cx, &Operand::Ref(dep));
    Some(format!(
        "{before} + rt::odo_count({count}, {}, {}) * {}",
        dim.min, dim.max, dim.stride
    ))
}

/// Field expression for a data reference (with subscripts and reference modification).
pub(crate) fn field(cx: &mut Ctx<'_>, r: &DataRef) -> String {
    if r.name == "RETURN-CODE" && r.qualifiers.is_empty() {
        return "RETURN_CODE".into();
    }
    if r.name == "SORT-RETURN" && r.qualifiers.is_empty() {
        return "SORT_RETURN".into();
    }
    let unqualified;
    let r = if r.name == "LINAGE-COUNTER"
        && r.qualifiers.len() == 1
        && cx.model.file(&r.qualifiers[0]).is_some()
    {
        unqualified = DataRef {
            qualifiers: Vec::new(),
            ..r.clone()
        };
        &unqualified
    } else {
        r
    };
    let Some(id) = resolve(cx, r) else {
        return "RETURN_CODE".into();
    };
    let mut f = if matches!(cx.model.items[id].kind, ItemKind::Condition { .. }) {
        cx.refuse(
            r.span,
            "condition-name",
            format!("{} is a condition-name, not a data item", r.name),
        );
        return "RETURN_CODE".into();
    } else {
        cx.field_names[id].clone()
    };
    if let Some(off) = subscript_offset(cx, id, r) {
        f = format!("{f}.at({off})");
    }
    if let Some(len) = odo_length(cx, id) {
        f = format!("{f}.resized({len})");
    }
    if let Some((start, len)) = &r.refmod {
        let s = expr_num(cx, start);
        let l = match len {
            Some(l) => format!("Some({}.to_i64())", expr_num(cx, l)),
            None => "None".into(),
        };
        f = format!("{f}.refmod({s}.to_i64(), {l})");
    }
    f
}

/// The characters a literal of SPECIAL-NAMES (CLASS, ALPHABET) stands for: an alphanumeric
/// literal its bytes, a numeric literal an ordinal position (1-based) in the native character set.
pub(crate) fn literal_chars(l: &Literal) -> Vec<u8> {
    match l {
        Literal::Numeric(t) => t
            .parse::<u32>()
            .ok()
            .filter(|n| (1..=256).contains(n))
            .map(|n| vec![(n - 1) as u8])
            .unwrap_or_default(),
        Literal::Alphanumeric(b) => b.clone(),
        _ => Vec::new(),
    }
}

/// The byte ranges of user class `name` (`lo, hi` pairs as Rust text).
fn user_class_ranges(cx: &Ctx<'_>, name: &str) -> Option<String> {
    let def = cx
        .program
        .environment
        .special_names
        .classes
        .iter()
        .find(|c| c.name == name)?;
    let byte = literal_chars;
    let mut out = Vec::new();
    for (lo, hi) in &def.ranges {
        match hi {
            Some(hi) => {
                let (a, b) = (byte(lo), byte(hi));
                if let (Some(&a), Some(&b)) = (a.first(), b.first()) {
                    out.push(format!("({}, {})", a.min(b), a.max(b)));
                }
            }
            None => out.extend(byte(lo).into_iter().map(|c| format!("({c}, {c})"))),
        }
    }
    Some(out.join(", "))
}

/// A level-78 constant or a SYMBOLIC CHARACTER named by `r`, as a literal.
fn named_literal(cx: &Ctx<'_>, r: &DataRef) -> Option<Literal> {
    if !r.qualifiers.is_empty() || !r.subscripts.is_empty() || r.refmod.is_some() {
        return None;
    }
    if cx.model.resolve(r).is_ok() {
        return None;
    }
    if let Some(c) = cx.program.data.constants.iter().find(|c| c.name == r.name) {
        return Some(c.value.clone());
    }
    let sym = &cx.program.environment.special_names.symbolic_characters;
    sym.iter()
        .find(|(n, _)| *n == r.name)
        .filter(|(_, ord)| (1..=256).contains(ord))
        // A symbolic character is a figurative constant: MOVE fills the whole item with it.
        .map(|(_, ord)| Literal::All(Box::new(Literal::Alphanumeric(vec![(*ord - 1) as u8]))))
}

/// Whether the storage of `a` and `b` may overlap without being the same bytes (move-ibm
/// matters only then). Subscripted or reference-modified references count as their whole
/// table or item; two references to one item without reference modification are either the
/// same bytes or apart.
pub(crate) fn may_overlap(cx: &mut Ctx<'_>, a: &DataRef, b: &DataRef) -> bool {
    let (Ok(x), Ok(y)) = (cx.model.resolve(a), cx.model.resolve(b)) else {
        return false;
    };
    if x == y && a.refmod.is_none() && b.refmod.is_none() {
        return false;
    }
    let lit = |e: &Expr| match e {
        Expr::Operand(Operand::Literal(Literal::Numeric(t))) => t.parse::<usize>().ok(),
        _ => None,
    };
    let extent = |id: ItemId, r: &DataRef| {
        let it = &cx.model.items[id];
        // a reference modification by literals, on an item outside tables: its exact bytes
        if let (Some((start, Some(len))), true, true) =
            (&r.refmod, r.subscripts.is_empty(), it.dims.is_empty())
        {
            if let (Some(s), Some(l)) = (lit(start), lit(len)) {
                if s >= 1 && l >= 1 && s - 1 + l <= it.size {
                    let from = it.offset + s - 1;
                    return (from, from + l, true);
                }
            }
        }
        let exact = r.subscripts.is_empty() && r.refmod.is_none() && it.dims.is_empty();
        let span: usize = it
            .dims
            .iter()
            .map(|d| d.stride * (d.max.max(1) as usize - 1))
            .sum();
        (it.offset, it.offset + it.size + span, exact)
    };
    let (a0, a1, ea) = extent(x, a);
    let (b0, b1, eb) = extent(y, b);
    if ea && eb && a0 == b0 && a1 == b1 {
        return false;
    }
    a0 < b1 && b0 < a1
}

/// The bytes a numeric literal shows under pretty-display: no (`-std=ibm`): as written without
/// its decimal point (cobc 3.1.2: `-0.5` -> "-05", `1.50` -> "150", `.5` -> "5").
pub(crate) fn ibm_numeric_literal(cx: &Ctx<'_>, text: &str) -> Vec<u8> {
    let point = if cx.model.decimal_point_is_comma {
        b','
    } else {
        b'.'
    };
    text.bytes().filter(|&b| b != point).collect()
}

/// A DISPLAY operand under `-std=ibm` (pretty-display: no, see `rt::display_ibm`): data items,
/// literals and figurative constants are carried; what was not measured is refused.
pub(crate) fn display_operand_ibm(cx: &mut Ctx<'_>, op: &Operand, span: Span) -> String {
    let refuse = |cx: &mut Ctx<'_>, what: &str| {
        cx.refuse(
            span,
            "DISPLAY (dialect ibm)",
            format!(
                "DISPLAY of {what} under dialect ibm (pretty-display: no) is not translated yet"
            ),
        );
        "rt::Val::Num(Dec::ZERO)".to_string()
    };
    match op {
        Operand::Literal(Literal::Numeric(t)) => {
            format!("rt::Val::Bytes({})", bytes_lit(&ibm_numeric_literal(cx, t)))
        }
        Operand::Literal(_) => value(cx, op),
        Operand::Ref(r) => {
            if matches!(r.name.as_str(), "RETURN-CODE" | "SORT-RETURN") && r.qualifiers.is_empty() {
                return refuse(cx, &r.name);
            }
            match named_literal(cx, r) {
                Some(Literal::Numeric(_)) => refuse(cx, "a numeric constant"),
                Some(_) => value(cx, op),
                None => {
                    if let Some(id) = resolve(cx, r) {
                        if let ItemKind::Numeric { digits, scale, .. } = cx.model.items[id].kind {
                            if scale < 0 || scale > digits as i32 {
                                return refuse(cx, "a P-scaled numeric item");
                            }
                        }
                    }
                    value(cx, op)
                }
            }
        }
        Operand::Function(f) => refuse(cx, &format!("FUNCTION {}", f.name)),
        // a constant: `DISPLAY LENGTH OF x` prints "2" under both dialects
        Operand::LengthOf(_) | Operand::AddressOf(_) => value(cx, op),
    }
}

pub(crate) fn value(cx: &mut Ctx<'_>, op: &Operand) -> String {
    match op {
        Operand::Ref(r) => match super::exec::dfhresp(cx, r) {
            Some(n) => format!("rt::Val::Num({n})"),
            None => match named_literal(cx, r) {
                Some(l) => literal_value(cx, &l, None),
                None => format!("rt::Val::Field({})", field(cx, r)),
            },
        },
        Operand::Literal(l) => literal_value(cx, l, None),
        Operand::LengthOf(r) => match resolve(cx, r) {
            Some(id) => format!("rt::Val::Num(Dec::int({}))", cx.model.items[id].size),
            None => "rt::Val::Num(Dec::ZERO)".into(),
        },
        Operand::Function(f) => function_value(cx, f),
        Operand::AddressOf(r) => {
            cx.refuse(r.span, "ADDRESS OF", "ADDRESS OF is not translated yet");
            "rt::Val::Num(Dec::ZERO)".into()
        }
    }
}

fn function_value(cx: &mut Ctx<'_>, f: &ferry_syntax::ast::FunctionCall) -> String {
    let v = match super::intrinsic::call(cx, f) {
        Some(super::intrinsic::Result::Num(d)) => format!("rt::Val::Temp({d})"),
        Some(super::intrinsic::Result::NumLead(d)) => format!("rt::Val::Lead({d})"),
        Some(super::intrinsic::Result::Val(v)) => v,
        None => {
            let msg = format!(
                "FUNCTION {} with {} argument(s) is not translated yet",
                f.name,
                f.args.len()
            );
            cx.refuse(f.span, "FUNCTION", msg);
            return "rt::Val::Num(Dec::ZERO)".into();
        }
    };
    match &f.refmod {
        None => v,
        Some((start, len)) => {
            let s = expr_num(cx, start);
            let l = match len {
                Some(l) => format!("Some({}.to_i64())", expr_num(cx, l)),
                None => "None".into(),
            };
            format!("rt::Val::Text(rt::slice(rt::val_bytes(&self.mem, &{v}), {s}.to_i64(), {l}))")
        }
    }
}

/// Numeric value (`Dec`) of an operand.
pub(crate) fn num(cx: &mut Ctx<'_>, op: &Operand) -> String {
    match op {
        Operand::Function(f) if f.refmod.is_none() => match super::intrinsic::call(cx, f) {
            Some(super::intrinsic::Result::Num(d) | super::intrinsic::Result::NumLead(d)) => d,
            Some(super::intrinsic::Result::Val(v)) => format!("rt::num_value(&self.mem, {v})"),
            None => function_value(cx, f),
        },
        Operand::Literal(Literal::Numeric(t)) => dec_lit(t),
        Operand::Literal(Literal::Figurative(Figurative::Zero)) => "Dec::ZERO".into(),
        Operand::Ref(r) => match super::exec::dfhresp(cx, r) {
            Some(n) => n,
            None => match named_literal(cx, r) {
                Some(Literal::Numeric(t)) => dec_lit(&t),
                Some(l) => {
                    let v = literal_value(cx, &l, None);
                    format!("rt::num_value(&self.mem, {v})")
                }
                None => format!("rt::get(&self.mem, {})", field(cx, r)),
            },
        },
        other => {
            let v = value(cx, other);
            format!("rt::num_value(&self.mem, {v})")
        }
    }
}

pub(crate) fn expr_num(cx: &mut Ctx<'_>, e: &Expr) -> String {
    match e {
        Expr::Operand(op) => num(cx, op),
        Expr::Neg(inner) => format!("{}.neg()", expr_num(cx, inner)),
        Expr::Binary(op, a, b) => {
            if cx.ibm() && (osvs_intermediate(a) || osvs_intermediate(b)) {
                // arithmetic-osvs (cobc -std=ibm) cuts such intermediate results in a way ferry
                // does not model (measured: 10 / 3 * 3 ROUNDED into V99 gives 9.99, and
                // A + 1.5 * B differs too). A sum needs no more decimals than its operands.
                let span = cx.statement_span;
                cx.refuse(
                    span,
                    "arithmetic expression (dialect ibm)",
                    "a multiplication, division or exponentiation whose result feeds another operation is not translated under dialect ibm (arithmetic-osvs)",
                );
            }
            let (a, b) = (expr_num(cx, a), expr_num(cx, b));
            let m = match op {
                BinOp::Add => "add",
                BinOp::Sub => "sub",
                BinOp::Mul => "mul",
                BinOp::Div => "div",
                BinOp::Pow => "pow",
            };
            format!("{a}.{m}(&{b})")
        }
    }
}

/// A multiplication, division or exponentiation (under unary minus or not): its result is an
/// intermediate result when it is an operand of another operation.
fn osvs_intermediate(e: &Expr) -> bool {
    match e {
        Expr::Neg(inner) => osvs_intermediate(inner),
        Expr::Binary(BinOp::Mul | BinOp::Div | BinOp::Pow, ..) => true,
        _ => false,
    }
}

pub(crate) fn expr_value(cx: &mut Ctx<'_>, e: &Expr) -> String {
    match e {
        Expr::Operand(op) => value(cx, op),
        other => format!("rt::Val::Num({})", expr_num(cx, other)),
    }
}

fn cmp_method(op: RelOp) -> &'static str {
    match op {
        RelOp::Eq => "is_eq",
        RelOp::Ne => "is_ne",
        RelOp::Lt => "is_lt",
        RelOp::Le => "is_le",
        RelOp::Gt => "is_gt",
        RelOp::Ge => "is_ge",
    }
}

pub(crate) fn condition(cx: &mut Ctx<'_>, c: &Condition) -> String {
    match c {
        Condition::Relation { left, op, right } => {
            let outer = std::mem::replace(&mut cx.in_relation, true);
            let (l, r) = (expr_value(cx, left), expr_value(cx, right));
            cx.in_relation = outer;
            format!("rt::compare(&self.mem, &{l}, &{r}).{}()", cmp_method(*op))
        }
        Condition::Class {
            operand,
            class,
            user_class,
            negated,
        } => {
            let v = expr_value(cx, operand);
            let f = match class {
                ClassTest::Numeric if cx.ibm() => "is_numeric_ibm",
                ClassTest::Numeric => "is_numeric",
                ClassTest::Alphabetic => "is_alphabetic",
                ClassTest::AlphabeticLower => "is_alphabetic_lower",
                ClassTest::AlphabeticUpper => "is_alphabetic_upper",
                ClassTest::User => {
                    let name = user_class.clone().unwrap_or_default();
                    let t = match user_class_ranges(cx, &name) {
                        Some(ranges) => format!("rt::is_in_class(&self.mem, &{v}, &[{ranges}])"),
                        None => {
                            cx.refuse(
                                cx.statement_span,
                                "class condition",
                                format!("class {name} is not defined in SPECIAL-NAMES"),
                            );
                            "false".into()
                        }
                    };
                    return if *negated { format!("!{t}") } else { t };
                }
            };
            let t = format!("rt::{f}(&self.mem, &{v})");
            if *negated {
                format!("!{t}")
            } else {
                t
            }
        }
        Condition::Sign {
            operand,
            sign,
            negated,
        } => {
            let v = expr_num(cx, operand);
            let t = match sign {
                SignTest::Positive => format!("{v}.signum() > 0"),
                SignTest::Negative => format!("{v}.signum() < 0"),
                SignTest::Zero => format!("{v}.signum() == 0"),
            };
            if *negated {
                format!("!({t})")
            } else {
                t
            }
        }
        Condition::ConditionName(r) => condition_name(cx, r),
        Condition::Not(inner) => format!("!({})", condition(cx, inner)),
        Condition::And(a, b) => format!("({} && {})", condition(cx, a), condition(cx, b)),
        Condition::Or(a, b) => format!("({} || {})", condition(cx, a), condition(cx, b)),
    }
}

/// The conditional variable of a level-88 name (with the reference's subscripts) and its values.
fn condition_parts(
    cx: &mut Ctx<'_>,
    r: &DataRef,
) -> Option<(String, Vec<(Literal, Option<Literal>)>)> {
    let id = resolve(cx, r)?;
    let item = &cx.model.items[id];
    let ItemKind::Condition { values, .. } = item.kind.clone() else {
        cx.refuse(
            r.span,
            "condition",
            format!("{} is not a condition-name", r.name),
        );
        return None;
    };
    let parent = item.parent?;
    let mut f = cx.field_names[parent].clone();
    if let Some(off) = subscript_offset(cx, parent, r) {
        f = format!("{f}.at({off})");
    }
    Some((f, values))
}

/// `SWITCH-n ON STATUS IS name` (or OFF STATUS): the test of that switch, when `r` names one.
fn switch_status(cx: &Ctx<'_>, r: &DataRef) -> Option<String> {
    if !r.qualifiers.is_empty() || !r.subscripts.is_empty() || cx.model.resolve(r).is_ok() {
        return None;
    }
    let (_, device) = cx
        .program
        .environment
        .special_names
        .mnemonics
        .iter()
        .find(|(m, _)| *m == r.name)?;
    let (switch, state) = device.split_once(' ')?;
    let n: u32 = switch.strip_prefix("SWITCH-")?.parse().ok()?;
    Some(match state {
        "ON" => format!("rt::switch_on({n})"),
        _ => format!("!rt::switch_on({n})"),
    })
}

fn condition_name(cx: &mut Ctx<'_>, r: &DataRef) -> String {
    if let Some(t) = switch_status(cx, r) {
        return t;
    }
    let Some((f, values)) = condition_parts(cx, r) else {
        return "false".into();
    };
    let mut tests = Vec::new();
    for (lo, hi) in values {
        let lo_v = literal_value(cx, &lo, None);
        match hi {
            None => tests.push(format!(
                "rt::compare(&self.mem, &rt::Val::Field({f}), &{lo_v}).is_eq()"
            )),
            Some(hi) => {
                let hi_v = literal_value(cx, &hi, None);
                tests.push(format!(
                    "(rt::compare(&self.mem, &rt::Val::Field({f}), &{lo_v}).is_ge() && rt::compare(&self.mem, &rt::Val::Field({f}), &{hi_v}).is_le())"
                ));
            }
        }
    }
    if tests.is_empty() {
        "false".into()
    } else if tests.len() == 1 {
        tests.remove(0)
    } else {
        format!("({})", tests.join(" || "))
    }
}

pub(crate) fn set_condition(cx: &mut Ctx<'_>, code: &mut Code, r: &DataRef, _span: Span) {
    let Some((f, values)) = condition_parts(cx, r) else {
        return;
    };
    let Some((first, _)) = values.first() else {
        return;
    };
    let v = literal_value(cx, first, None);
    code.line(format!("rt::move_value(&mut self.mem, {v}, {f});"));
}

pub(crate) fn set_condition_false(cx: &mut Ctx<'_>, code: &mut Code, r: &DataRef, span: Span) {
    let Some(id) = resolve(cx, r) else { return };
    let ItemKind::Condition { false_value, .. } = cx.model.items[id].kind.clone() else {
        cx.refuse(
            span,
            "SET TO FALSE",
            format!("{} is not a condition-name", r.name),
        );
        return;
    };
    let Some(fv) = false_value else {
        cx.refuse(
            span,
            "SET TO FALSE",
            format!("{} has no WHEN SET TO FALSE value", r.name),
        );
        return;
    };
    let Some((f, _)) = condition_parts(cx, r) else {
        return;
    };
    let v = literal_value(cx, &fv, None);
    code.line(format!("rt::move_value(&mut self.mem, {v}, {f});"));
}

pub(crate) fn when_value(
    cx: &mut Ctx<'_>,
    subject: &str,
    value: &Expr,
    thru: Option<&Expr>,
) -> String {
    let v = expr_value(cx, value);
    match thru {
        None => format!("rt::compare(&self.mem, &{subject}, &{v}).is_eq()"),
        Some(t) => {
            let t = expr_value(cx, t);
            format!("(rt::compare(&self.mem, &{subject}, &{v}).is_ge() && rt::compare(&self.mem, &{subject}, &{t}).is_le())")
        }
    }
}

fn round(r: Option<RoundingMode>) -> &'static str {
    match r {
        None => "Round::Truncate",
        Some(RoundingMode::NearestAwayFromZero) => "Round::NearestAwayFromZero",
        Some(RoundingMode::AwayFromZero) => "Round::AwayFromZero",
        Some(RoundingMode::NearestEven) => "Round::NearestEven",
        Some(RoundingMode::NearestTowardZero) => "Round::NearestTowardZero",
        Some(RoundingMode::TowardGreater) => "Round::TowardGreater",
        Some(RoundingMode::TowardLesser) => "Round::TowardLesser",
        Some(RoundingMode::Truncation) | Some(RoundingMode::Prohibited) => "Round::Truncate",
    }
}

fn sum(cx: &mut Ctx<'_>, ops: &[Operand]) -> String {
    let mut it = ops.iter();
    let Some(first) = it.next() else {
        return "Dec::ZERO".into();
    };
    let mut s = num(cx, first);
    for o in it {
        s = format!("{s}.add(&{})", num(cx, o));
    }
    s
}

/// Stores `value` into each target; sets `size_error` when any store overflowed.
fn store_all(
    cx: &mut Ctx<'_>,
    code: &mut Code,
    targets: &[Target],
    value: impl Fn(&mut Ctx<'_>, &str) -> String,
    checked: bool,
) {
    for t in targets {
        let f = field(cx, &t.item);
        let v = value(cx, &f);
        let r = round(t.rounded);
        if checked {
            code.line(format!(
                "size_error |= rt::store(&mut self.mem, {f}, &{v}, {r}, true);"
            ));
        } else {
            code.line(format!("rt::store(&mut self.mem, {f}, &{v}, {r}, false);"));
        }
    }
}

/// cobc -std=ibm (binary-truncate: no) does ADD / SUBTRACT without SIZE ERROR on an unsigned
/// binary item in the machine's arithmetic: a result below zero wraps (SUBTRACT 7 from a
/// `9(4) COMP` holding 5 gives 65534), where ferry stores the absolute value as COMPUTE does.
/// Measured only for integer items without ROUNDED (a scaled item, ROUNDED, GIVING, MULTIPLY
/// and DIVIDE store the absolute value). Refused unless the statement can only add unsigned
/// literals.
fn ibm_unsigned_binary_check(cx: &mut Ctx<'_>, s: &Statement) {
    let (operands, targets, subtract) = match &s.kind {
        K::Add {
            operands,
            to,
            giving,
            ..
        } if giving.is_empty() => (operands, to, false),
        K::Subtract {
            operands,
            from,
            giving,
            ..
        } if giving.is_empty() => (operands, from, true),
        _ => return,
    };
    let only_positive_literals = !subtract
        && operands.iter().all(|o| {
            matches!(o, Operand::Literal(Literal::Numeric(t)) if !t.starts_with('-'))
                || matches!(o, Operand::Literal(Literal::Figurative(Figurative::Zero)))
        });
    if only_positive_literals {
        return;
    }
    for t in targets.iter().filter(|t| t.rounded.is_none()) {
        let Ok(id) = cx.model.resolve(&t.item) else {
            continue;
        };
        let mut ids = vec![id];
        // ADD / SUBTRACT CORRESPONDING: any numeric item under the group
        let mut i = 0;
        while i < ids.len() {
            ids.extend(cx.model.items[ids[i]].children.iter().copied());
            i += 1;
        }
        let unsigned_binary = ids.iter().any(|&id| {
            matches!(
                cx.model.items[id].kind,
                ItemKind::Numeric {
                    signed: false,
                    scale: 0,
                    usage: NumUsage::BinaryIbm | NumUsage::NativeBinary,
                    ..
                }
            )
        });
        if unsigned_binary {
            cx.refuse(
                s.span,
                "ADD/SUBTRACT (dialect ibm)",
                format!(
                    "{} an unsigned binary item ({}) without ON SIZE ERROR: under dialect ibm cobc wraps a result below zero in the machine's arithmetic; not translated",
                    if subtract { "SUBTRACT from" } else { "ADD to" },
                    t.item.name
                ),
            );
            return;
        }
    }
}

pub(crate) fn arithmetic(cx: &mut Ctx<'_>, code: &mut Code, s: &Statement) {
    let h: &Handlers = match &s.kind {
        K::Add { size_error, .. }
        | K::Subtract { size_error, .. }
        | K::Multiply { size_error, .. }
        | K::Divide { size_error, .. }
        | K::Compute { size_error, .. } => size_error,
        _ => return,
    };
    let checked = h.on.is_some() || h.not_on.is_some();
    if cx.ibm() && !checked {
        ibm_unsigned_binary_check(cx, s);
    }
    code.open("{");
    if checked {
        code.line("let mut size_error = false;");
    }
    match &s.kind {
        K::Add {
            operands,
            to,
            corresponding: true,
            ..
        } => {
            arithmetic_corresponding(cx, code, operands, to, "add", checked, s.span);
        }
        K::Subtract {
            operands,
            from,
            corresponding: true,
            ..
        } => {
            arithmetic_corresponding(cx, code, operands, from, "sub", checked, s.span);
        }
        K::Add {
            operands,
            to,
            giving,
            corresponding: _,
            ..
        } => {
            let total = sum(cx, operands);
            code.line(format!("let operand = {total};"));
            if giving.is_empty() {
                store_all(
                    cx,
                    code,
                    to,
                    |_, f| format!("rt::get(&self.mem, {f}).add(&operand)"),
                    checked,
                );
            } else {
                // ADD a b TO c GIVING d: d = a + b + c.
                let extra = sum(
                    cx,
                    &to.iter()
                        .map(|t| Operand::Ref(t.item.clone()))
                        .collect::<Vec<_>>(),
                );
                let v = if to.is_empty() {
                    "operand".to_string()
                } else {
                    format!("operand.add(&{extra})")
                };
                code.line(format!("let result = {v};"));
                store_all(cx, code, giving, |_, _| "result".into(), checked);
            }
        }
        K::Subtract {
            operands,
            from,
            giving,
            corresponding: _,
            ..
        } => {
            let total = sum(cx, operands);
            code.line(format!("let operand = {total};"));
            if giving.is_empty() {
                store_all(
                    cx,
                    code,
                    from,
                    |_, f| format!("rt::get(&self.mem, {f}).sub(&operand)"),
                    checked,
                );
            } else if let Some(minuend) = from.first() {
                let m = num(cx, &Operand::Ref(minuend.item.clone()));
                code.line(format!("let result = {m}.sub(&operand);"));
                store_all(cx, code, giving, |_, _| "result".into(), checked);
            }
        }
        K::Multiply {
            operand,
            by,
            by_operand,
            giving,
            ..
        } => {
            let a = num(cx, operand);
            code.line(format!("let operand = {a};"));
            if giving.is_empty() {
                store_all(
                    cx,
                    code,
                    by,
                    |_, f| format!("operand.mul(&rt::get(&self.mem, {f}))"),
                    checked,
                );
            } else {
                let b = match by_operand {
                    Some(b) => num(cx, b),
                    None => by.first().map_or("Dec::ZERO".into(), |t| {
                        num(cx, &Operand::Ref(t.item.clone()))
                    }),
                };
                code.line(format!("let result = operand.mul(&{b});"));
                store_all(cx, code, giving, |_, _| "result".into(), checked);
            }
        }
        K::Divide {
            divisor_first,
            operand,
            into,
            second,
            giving,
            remainder,
            ..
        } => {
            let a = num(cx, operand);
            code.line(format!("let first = {a};"));
            if giving.is_empty() {
                // DIVIDE a INTO b: b = b / a.
                store_all(
                    cx,
                    code,
                    into,
                    |_, f| format!("rt::get(&self.mem, {f}).div(&first)"),
                    checked,
                );
            } else {
                let b = match second {
                    Some(b) => num(cx, b),
                    None => into.first().map_or("Dec::ZERO".into(), |t| {
                        num(cx, &Operand::Ref(t.item.clone()))
                    }),
                };
                code.line(format!("let second = {b};"));
                let (dividend, divisor) = if *divisor_first {
                    ("second", "first")
                } else {
                    ("first", "second")
                };
                match remainder {
                    None => {
                        code.line(format!("let result = {dividend}.div(&{divisor});"));
                        store_all(cx, code, giving, |_, _| "result".into(), checked);
                    }
                    Some(r) => {
                        let q = giving
                            .first()
                            .map(|t| (field(cx, &t.item), round(t.rounded)));
                        let rf = field(cx, r);
                        if let Some((qf, qr)) = q {
                            let flag = if checked { "size_error |= " } else { "" };
                            code.line(format!(
                                "{flag}rt::divide_giving_remainder(&mut self.mem, &{dividend}, &{divisor}, {qf}, {qr}, {rf}, {checked});"
                            ));
                        }
                    }
                }
            }
        }
        K::Compute { targets, expr, .. } => {
            let v = expr_num(cx, expr);
            code.line(format!("let result = {v};"));
            store_all(cx, code, targets, |_, _| "result".into(), checked);
        }
        _ => {}
    }
    if checked {
        handler_pair(cx, code, "size_error", h);
    }
    code.close("}");
}

fn handler_pair(cx: &mut Ctx<'_>, code: &mut Code, flag: &str, h: &Handlers) {
    if let Some(on) = &h.on {
        code.open(format!("if {flag} {{"));
        stmt::block(cx, code, on);
        if let Some(not_on) = &h.not_on {
            code.close("} else {");
            code.indent += 1;
            stmt::block(cx, code, not_on);
        }
        code.close("}");
    } else if let Some(not_on) = &h.not_on {
        code.open(format!("if !{flag} {{"));
        stmt::block(cx, code, not_on);
        code.close("}");
    }
}

/// The phrases of one INITIALIZE statement.
pub(crate) struct InitializeHow {
    /// (category, value) from REPLACING, categories as COBOL names them (`ALPHANUMERIC`, ...).
    replacing: Vec<(String, String)>,
    with_filler: bool,
    to_value: bool,
}

impl InitializeHow {
    pub(crate) fn new(
        cx: &mut Ctx<'_>,
        replacing: &[(String, Operand)],
        with_filler: bool,
        to_value: bool,
    ) -> Self {
        let replacing = replacing
            .iter()
            .map(|(c, v)| (c.trim_end_matches(" DATA").trim().to_string(), value(cx, v)))
            .collect();
        Self {
            replacing,
            with_filler,
            to_value,
        }
    }
}

fn category(kind: &ItemKind) -> &'static str {
    match kind {
        ItemKind::Alphabetic { .. } => "ALPHABETIC",
        ItemKind::Numeric { .. } | ItemKind::Float | ItemKind::Double => "NUMERIC",
        ItemKind::NumericEdited { .. } => "NUMERIC-EDITED",
        ItemKind::AlphanumericEdited { .. } => "ALPHANUMERIC-EDITED",
        _ => "ALPHANUMERIC",
    }
}

pub(crate) fn initialize(cx: &mut Ctx<'_>, code: &mut Code, r: &DataRef, how: &InitializeHow) {
    let Some(id) = resolve(cx, r) else { return };
    let delta = subscript_offset(cx, id, r);
    init_under(cx, code, id, delta.as_deref(), true, how);
}

/// The statement for one elementary item, or None when INITIALIZE leaves it alone: ALL TO VALUE
/// gives items their VALUE, REPLACING their category's value; with neither, every item gets spaces
/// or zeros by category.
fn init_elementary(cx: &mut Ctx<'_>, it: &Item, name: &str, how: &InitializeHow) -> Option<String> {
    if how.to_value {
        if let Some(v) = it.value.clone() {
            let v = literal_value(cx, &v, None);
            return Some(format!("rt::move_value(&mut self.mem, {v}, {name});"));
        }
    }
    if let Some((_, v)) = how.replacing.iter().find(|(c, _)| c == category(&it.kind)) {
        return Some(format!("rt::move_value(&mut self.mem, {v}, {name});"));
    }
    if how.to_value || !how.replacing.is_empty() {
        return None;
    }
    Some(format!("rt::initialize(&mut self.mem, {name});"))
}

/// INITIALIZE: elementary items by category, FILLER (unless WITH FILLER) and REDEFINES skipped.
fn init_under(
    cx: &mut Ctx<'_>,
    code: &mut Code,
    id: ItemId,
    delta: Option<&str>,
    top: bool,
    how: &InitializeHow,
) {
    let it = cx.model.items[id].clone();
    if !top && ((it.name.is_none() && !how.with_filler) || it.redefines.is_some()) {
        return;
    }
    let name = match delta {
        Some(d) => format!("{}.at({d})", cx.field_names[id]),
        None => cx.field_names[id].clone(),
    };
    match it.kind {
        ItemKind::Condition { .. } | ItemKind::Renames => {}
        ItemKind::Group => {
            for c in it.children.clone() {
                init_under(cx, code, c, delta, false, how);
            }
        }
        _ => {
            if let Some(line) = init_elementary(cx, &it, &name, how) {
                code.line(line);
            }
        }
    }
    let own = it.dims.len() > it.parent.map_or(0, |p| cx.model.items[p].dims.len());
    if !top && own {
        let d = it.dims[it.dims.len() - 1];
        code.line(format!(
            "rt::replicate(&mut self.mem, {name}, {}, {});",
            d.stride, d.max
        ));
    }
}

pub(crate) fn move_corresponding(
    cx: &mut Ctx<'_>,
    code: &mut Code,
    from: &Operand,
    to: &[DataRef],
    span: Span,
) {
    let Operand::Ref(src) = from else {
        cx.refuse(
            span,
            "MOVE CORRESPONDING",
            "MOVE CORRESPONDING needs a group item",
        );
        return;
    };
    let Some(s) = resolve(cx, src) else { return };
    for t in to {
        let Some(d) = resolve(cx, t) else { continue };
        let mut pairs = Vec::new();
        corresponding_pairs(cx.model, s, d, &mut pairs);
        for (a, b) in pairs {
            let (a, b) = (cx.field_names[a].clone(), cx.field_names[b].clone());
            code.line(format!(
                "rt::move_value(&mut self.mem, rt::Val::Field({a}), {b});"
            ));
        }
    }
}

/// CORRESPONDING pairs under groups `s` and `d`: subordinate items with the same name (and the
/// same qualification below the groups), at least one of them elementary; FILLER, REDEFINES,
/// tables and condition-names take no part.
pub(crate) fn corresponding_pairs(
    model: &ferry_model::ProgramModel,
    s: ItemId,
    d: ItemId,
    out: &mut Vec<(ItemId, ItemId)>,
) {
    for &sc in &model.items[s].children {
        let si = &model.items[sc];
        let Some(name) = &si.name else { continue };
        if si.redefines.is_some() || si.dims.len() != model.items[s].dims.len() {
            continue;
        }
        let Some(&dc) = model.items[d]
            .children
            .iter()
            .find(|&&c| model.items[c].name.as_ref() == Some(name))
        else {
            continue;
        };
        let di = &model.items[dc];
        if di.redefines.is_some()
            || di.dims.len() != model.items[d].dims.len()
            || matches!(si.kind, ItemKind::Condition { .. } | ItemKind::Renames)
            || matches!(di.kind, ItemKind::Condition { .. } | ItemKind::Renames)
        {
            continue;
        }
        if si.is_elementary() || di.is_elementary() {
            out.push((sc, dc));
        } else {
            corresponding_pairs(model, sc, dc, out);
        }
    }
}

/// ADD/SUBTRACT CORRESPONDING: the numeric elementary pairs, each stored with the target's ROUNDED.
fn arithmetic_corresponding(
    cx: &mut Ctx<'_>,
    code: &mut Code,
    from: &[Operand],
    to: &[Target],
    op: &str,
    checked: bool,
    span: Span,
) {
    let Some(Operand::Ref(src)) = from.first() else {
        cx.refuse(span, "CORRESPONDING", "CORRESPONDING needs a group item");
        return;
    };
    let Some(s) = resolve(cx, src) else { return };
    for t in to {
        let Some(d) = resolve(cx, &t.item) else {
            continue;
        };
        let mut pairs = Vec::new();
        corresponding_pairs(cx.model, s, d, &mut pairs);
        let r = round(t.rounded);
        for (a, b) in pairs {
            let numeric = |k: &ItemKind| {
                matches!(k, ItemKind::Numeric { .. } | ItemKind::NumericEdited { .. })
            };
            if !numeric(&cx.model.items[a].kind)
                || !matches!(cx.model.items[b].kind, ItemKind::Numeric { .. })
            {
                continue;
            }
            let (a, b) = (cx.field_names[a].clone(), cx.field_names[b].clone());
            let v = format!("&rt::get(&self.mem, {b}).{op}(&rt::get(&self.mem, {a}))");
            let flag = if checked { "size_error |= " } else { "" };
            code.line(format!(
                "{flag}rt::store(&mut self.mem, {b}, {v}, {r}, {checked});"
            ));
        }
    }
}

pub(crate) fn file_handle(cx: &mut Ctx<'_>, name: &str, span: Span) -> Option<String> {
    match cx.model.file(name) {
        Some(i) => Some(cx.file_names[i].clone()),
        None => {
            cx.refuse(
                span,
                "file",
                format!("{name} is not a file of this program"),
            );
            None
        }
    }
}

/// The whole record area of a file, as a field.
pub(crate) fn record_of(cx: &mut Ctx<'_>, file: &str, span: Span) -> Option<String> {
    let i = cx.model.file(file).or_else(|| {
        cx.refuse(
            span,
            "file",
            format!("{file} is not a file of this program"),
        );
        None
    })?;
    let f = &cx.model.files[i];
    Some(format!(
        "rt::Field::Group(rt::AlnumField::group({}, {}))",
        f.offset, f.size
    ))
}

pub(crate) fn write(
    cx: &mut Ctx<'_>,
    code: &mut Code,
    span: Span,
    record: &DataRef,
    from: Option<&Operand>,
    adv: Option<&Advancing>,
) {
    let Some(id) = resolve(cx, record) else {
        return;
    };
    let Some(fi) = cx.model.file_of(id) else {
        cx.refuse(
            span,
            "WRITE",
            format!("{} is not a record of a file", record.name),
        );
        return;
    };
    let rec = cx.field_names[id].clone();
    if let Some(src) = from {
        let v = value(cx, src);
        code.line(format!("rt::move_value(&mut self.mem, {v}, {rec});"));
    }
    let advance = match adv {
        None => "rt::Advance::None".to_string(),
        Some(Advancing::Lines { before, count }) => {
            let n = match count {
                Operand::Literal(Literal::Numeric(t)) if t.parse::<u32>().is_ok() => t.clone(),
                other => format!("{}.to_i64().clamp(0, 999) as u32", num(cx, other)),
            };
            let dir = if *before { "Before" } else { "After" };
            format!("rt::Advance::{dir}({n})")
        }
        Some(Advancing::Page { before }) => page(*before),
        Some(Advancing::Mnemonic { before, name }) => {
            let sys = cx
                .program
                .environment
                .special_names
                .mnemonics
                .iter()
                .find(|(m, _)| m == name)
                .map(|(_, s)| s.to_ascii_uppercase());
            match sys.as_deref() {
                Some("C01") | Some("TOP") => page(*before),
                _ => {
                    cx.refuse(
                        span,
                        "WRITE ADVANCING",
                        format!("ADVANCING {name} is not translated yet"),
                    );
                    return;
                }
            }
        }
    };
    let h = cx.file_names[fi].clone();
    match depending_on(cx, fi) {
        Some(dep) => {
            code.line(format!("let length = rt::get(&self.mem, {dep}).to_i64();"));
            code.line(format!(
                "self.{h}.write_var(&mut self.mem, {rec}, length, {advance});"
            ));
        }
        None => code.line(format!("self.{h}.write(&mut self.mem, {rec}, {advance});")),
    }
}

/// Before OPEN and WRITE of a file with LINAGE: its LINAGE values as the program holds them now.
pub(crate) fn set_linage(cx: &mut Ctx<'_>, code: &mut Code, file: &str, handle: &str) {
    let Some(lin) = cx
        .program
        .data
        .files
        .iter()
        .find(|fd| fd.name == file)
        .and_then(|fd| fd.linage.clone())
    else {
        return;
    };
    let mut v = |o: &Option<Operand>| match o {
        Some(o) => num(cx, o),
        None => "Dec::ZERO".to_string(),
    };
    let lines = v(&Some(lin.lines.clone()));
    let (footing, top, bottom) = (v(&lin.footing), v(&lin.top), v(&lin.bottom));
    code.line(format!(
        "self.{handle}.set_linage({lines}, {footing}, {top}, {bottom});"
    ));
}

/// After OPEN and WRITE of the program's LINAGE file: LINAGE-COUNTER follows the file.
pub(crate) fn store_linage_counter(cx: &mut Ctx<'_>, code: &mut Code, file: &str, handle: &str) {
    let has_linage = cx
        .program
        .data
        .files
        .iter()
        .any(|fd| fd.name == file && fd.linage.is_some());
    if !has_linage {
        return;
    }
    let r = DataRef {
        name: "LINAGE-COUNTER".into(),
        qualifiers: Vec::new(),
        subscripts: Vec::new(),
        refmod: None,
        span: Span::default(),
    };
    if let Ok(id) = cx.model.resolve(&r) {
        let f = cx.field_names[id].clone();
        code.line(format!(
            "rt::store(&mut self.mem, {f}, &self.{handle}.linage_counter(), Round::Truncate, false);"
        ));
    }
}

fn page(before: bool) -> String {
    if before {
        "rt::Advance::BeforePage".into()
    } else {
        "rt::Advance::AfterPage".into()
    }
}

/// The RECORD VARYING ... DEPENDING ON item of file `fi`, as a field expression.
pub(crate) fn depending_on(cx: &mut Ctx<'_>, fi: usize) -> Option<String> {
    let name = cx.model.files[fi].name.clone();
    let fd = cx.program.data.files.iter().find(|f| f.name == name)?;
    let r = fd.record_depending.clone()?;
    Some(field(cx, &r))
}

pub(crate) fn rewrite(
    cx: &mut Ctx<'_>,
    code: &mut Code,
    span: Span,
    record: &DataRef,
    from: Option<&Operand>,
) {
    let Some(id) = resolve(cx, record) else {
        return;
    };
    let Some(fi) = cx.model.file_of(id) else {
        cx.refuse(
            span,
            "REWRITE",
            format!("{} is not a record of a file", record.name),
        );
        return;
    };
    let rec = cx.field_names[id].clone();
    if let Some(src) = from {
        let v = value(cx, src);
        code.line(format!("rt::move_value(&mut self.mem, {v}, {rec});"));
    }
    let h = cx.file_names[fi].clone();
    code.line(format!("self.{h}.rewrite(&mut self.mem, {rec});"));
}

pub(crate) fn call(
    cx: &mut Ctx<'_>,
    code: &mut Code,
    span: Span,
    program: &Operand,
    using: &[CallArg],
    returning: Option<&DataRef>,
    exception: &Handlers,
) {
    // CALL ... RETURNING: the callee's result goes to that item, and RETURN-CODE is left alone
    // (as cobc does); only numeric items are carried.
    let target = match returning {
        None => "RETURN_CODE".to_string(),
        Some(r) => {
            let f = field(cx, r);
            let numeric = cx
                .model
                .resolve(r)
                .is_ok_and(|id| matches!(cx.model.items[id].kind, ItemKind::Numeric { .. }));
            if !numeric {
                cx.refuse(
                    span,
                    "CALL RETURNING",
                    "CALL ... RETURNING into a non-numeric item is not translated yet",
                );
                return;
            }
            f
        }
    };
    if cx.ibm() {
        // sticky-linkage (cobc -std=ibm): a LINKAGE item no argument is passed for keeps the
        // storage of an earlier CALL; ferry's CALL copies arguments in and out, so it cannot.
        let static_name = match program {
            Operand::Literal(Literal::Alphanumeric(n)) => {
                Some(String::from_utf8_lossy(n).trim().to_ascii_uppercase())
            }
            _ => None,
        };
        let short = cx
            .callees
            .iter()
            .filter(|(n, _)| static_name.as_ref().is_none_or(|s| s == *n))
            .find(|(_, i)| i.params.len() > using.len())
            .map(|(n, i)| (n.clone(), i.params.len()));
        if let Some((n, want)) = short {
            cx.refuse(
                span,
                "CALL (dialect ibm)",
                format!(
                    "CALL with {} argument(s) of {n}, which has {want} USING parameters: under dialect ibm (sticky-linkage) the others keep an earlier CALL's storage; not translated",
                    using.len()
                ),
            );
            return;
        }
    }
    match program {
        Operand::Literal(Literal::Alphanumeric(name)) => {
            let name = String::from_utf8_lossy(name).trim().to_ascii_uppercase();
            if super::library::is_routine(&name) && !cx.estate_programs.contains(&name) {
                super::library::call(cx, code, span, &name, using, exception, &target);
                return;
            }
            let Some(callee) = cx.callees.get(&name).cloned() else {
                if let Some(on) = &exception.on {
                    // No such program in the estate: the ON EXCEPTION branch is what runs.
                    code.line(format!(
                        "// CALL \"{name}\": no such program in the estate; ON EXCEPTION applies."
                    ));
                    stmt::block(cx, code, on);
                } else {
                    cx.refuse(
                        span,
                        "CALL",
                        format!("program {name} is not part of the translated estate"),
                    );
                }
                return;
            };
            cx.uses.insert(callee.crate_name.clone());
            code.open("{");
            external_store(cx, code);
            let (args, mut back) = call_args(cx, code, using);
            if callee.globals.is_empty() {
                code.line(format!(
                    "let outcome = {}::call(&mut [{}]);",
                    callee.crate_name,
                    args.join(", ")
                ));
            } else {
                // A nested program shares the GLOBAL items: they travel like BY REFERENCE arguments.
                let (gs, gback) = global_args(cx, code, &callee.globals, span);
                back.extend(gback);
                code.line(format!(
                    "let outcome = {}::call(&mut [{}], &mut [{}]);",
                    callee.crate_name,
                    args.join(", "),
                    gs.join(", ")
                ));
            }
            external_load(cx, code);
            call_outcome(cx, code, &back, exception, &target);
            code.close("}");
        }
        Operand::Ref(r) => dynamic_call(cx, code, span, r, using, exception, &target),
        _ => cx.refuse(
            span,
            "CALL",
            "CALL of this kind of operand is not translated yet",
        ),
    }
}

/// The programs a CALL or CANCEL of an identifier can name: those translated before this unit,
/// with their crates, and those translated after it (the plan puts a program whose dynamic CALLs
/// may reach anything after every program except those that depend on it). The latter cannot be
/// named here; reaching one stops the run, saying so, rather than being taken for a missing
/// program.
pub(crate) fn dynamic_targets(cx: &Ctx<'_>) -> (Vec<(String, String)>, Vec<String>) {
    let me = &cx.program.name;
    let known = cx
        .callees
        .iter()
        .filter(|(p, _)| *p != me)
        .map(|(p, i)| (p.clone(), i.crate_name.clone()))
        .collect();
    let later = cx
        .estate_programs
        .iter()
        .filter(|p| *p != me && !cx.callees.contains_key(*p))
        .cloned()
        .collect();
    (known, later)
}

/// CALL identifier: the program is chosen at run time by name among the estate's programs; a name
/// that is none of them raises ON EXCEPTION, or stops the run with libcob's message.
fn dynamic_call(
    cx: &mut Ctx<'_>,
    code: &mut Code,
    span: Span,
    r: &DataRef,
    using: &[CallArg],
    exception: &Handlers,
    target: &str,
) {
    let me = cx.program.name.clone();
    let (callees, unreachable) = dynamic_targets(cx);
    let name_field = field(cx, r);
    code.open("{");
    code.line(format!(
        "let program = rt::text(&self.mem, rt::Val::Field({name_field})).to_ascii_uppercase();"
    ));
    external_store(cx, code);
    let (args, back) = call_args(cx, code, using);
    code.open("let outcome = match program.as_str() {");
    for (p, krate) in &callees {
        cx.uses.insert(krate.clone());
        let globals = cx
            .callees
            .get(p)
            .map(|i| i.globals.clone())
            .unwrap_or_default();
        if globals.is_empty() {
            code.line(format!(
                "{p:?} => Some({krate}::call(&mut [{}])),",
                args.join(", ")
            ));
            continue;
        }
        // A nested program: the GLOBAL items travel with the call, as in a static CALL.
        code.open(format!("{p:?} => {{"));
        let (gs, back) = global_args(cx, code, &globals, span);
        code.line(format!(
            "let outcome = {krate}::call(&mut [{}], &mut [{}]);",
            args.join(", "),
            gs.join(", ")
        ));
        for (var, f) in back {
            code.line(format!("rt::put_bytes(&mut self.mem, {f}, &{var});"));
        }
        code.line("Some(outcome)");
        code.close("}");
    }
    for p in &unreachable {
        code.line(format!(
            "{p:?} => rt::dynamic_call_not_translated({me:?}, {p:?}),"
        ));
    }
    code.line("_ => None,");
    code.close("};");
    external_load(cx, code);
    code.open("match outcome {");
    code.open("None => {");
    match &exception.on {
        Some(on) => stmt::block(cx, code, on),
        None => code.line("rt::module_not_found(&program);"),
    }
    code.close("}");
    code.open("Some(outcome) => {");
    call_outcome(cx, code, &back, exception, target);
    code.close("}");
    code.close("}");
    code.close("}");
}

/// Before a CALL: the EXTERNAL items go back to the run unit (the callee may use them).
fn external_store(cx: &Ctx<'_>, code: &mut Code) {
    if !super::data::external_items(cx).is_empty() {
        code.line("rt::external_store(&self.mem, EXTERNALS);");
    }
}

/// After a CALL: the EXTERNAL items as the callee left them.
fn external_load(cx: &Ctx<'_>, code: &mut Code) {
    if !super::data::external_items(cx).is_empty() {
        code.line("rt::external_load(&mut self.mem, EXTERNALS);");
    }
}

/// Copies the GLOBAL items a nested program receives out of storage; returns the argument list
/// and the copy-backs.
fn global_args(
    cx: &mut Ctx<'_>,
    code: &mut Code,
    globals: &[String],
    span: Span,
) -> (Vec<String>, Vec<(String, String)>) {
    let mut args = Vec::new();
    let mut back = Vec::new();
    for (i, g) in globals.iter().enumerate() {
        let r = DataRef {
            name: g.clone(),
            qualifiers: vec![],
            subscripts: vec![],
            refmod: None,
            span,
        };
        let f = field(cx, &r);
        let var = format!("global{}", i + 1);
        code.line(format!("let mut {var} = rt::arg(&self.mem, {f});"));
        args.push(format!("&mut {var}[..]"));
        back.push((var, f));
    }
    (args, back)
}

/// Copies the arguments out of storage; returns the argument list and the BY REFERENCE copy-backs.
fn call_args(
    cx: &mut Ctx<'_>,
    code: &mut Code,
    using: &[CallArg],
) -> (Vec<String>, Vec<(String, String)>) {
    let mut args = Vec::new();
    let mut back = Vec::new();
    for (i, a) in using.iter().enumerate() {
        let var = format!("arg{}", i + 1);
        match &a.value {
            None => code.line(format!("let mut {var}: Vec<u8> = Vec::new();")),
            Some(Operand::Ref(r)) => {
                let f = field(cx, r);
                code.line(format!("let mut {var} = rt::arg(&self.mem, {f});"));
                if a.by == PassBy::Reference {
                    back.push((var.clone(), f));
                }
            }
            Some(other) => {
                let v = value(cx, other);
                code.line(format!("let mut {var} = rt::literal_bytes({v});"));
            }
        }
        args.push(format!("&mut {var}[..]"));
    }
    (args, back)
}

/// After the callee returned: BY REFERENCE copy-back, RETURN-CODE, STOP RUN, NOT ON EXCEPTION.
fn call_outcome(
    cx: &mut Ctx<'_>,
    code: &mut Code,
    back: &[(String, String)],
    exception: &Handlers,
    target: &str,
) {
    for (var, f) in back {
        code.line(format!("rt::put_bytes(&mut self.mem, {f}, &{var});"));
    }
    code.open("match outcome {");
    code.line(format!(
        "Ok(rc) => rt::store_int(&mut self.mem, {target}, rc),"
    ));
    code.line("Err(rt::StopRun(rc)) => {");
    code.line("    rt::store_int(&mut self.mem, RETURN_CODE, rc);");
    code.line("    return Err(Jump::StopRun);");
    code.line("}");
    code.close("}");
    if let Some(not_on) = &exception.not_on {
        stmt::block(cx, code, not_on);
    }
}
