//! Conditions. Abbreviated combined relations are expanded here: walking the condition left to right,
//! the last full relation gives the subject and operator that `abbreviated_relation` (`OR > 5`) and
//! `bare_condition` objects (`OR 2`) inherit. A bare name that is a level-88 item is a condition-name.

use super::cst::Node;

use super::{field, has_kw, kids, span, Lowerer};
use crate::ast::*;

#[derive(Default)]
struct Abbrev {
    subject: Option<Expr>,
    op: Option<RelOp>,
}

impl<'s> Lowerer<'s> {
    pub(super) fn condition(&mut self, n: Node) -> Condition {
        let mut ctx = Abbrev::default();
        self.cond(n, &mut ctx)
    }

    fn cond(&mut self, n: Node, ctx: &mut Abbrev) -> Condition {
        match n.kind() {
            "or_condition" | "and_condition" => {
                let left = self.cond_field(n, "left", ctx);
                let right = self.cond_field(n, "right", ctx);
                if n.kind() == "or_condition" {
                    Condition::Or(Box::new(left), Box::new(right))
                } else {
                    Condition::And(Box::new(left), Box::new(right))
                }
            }
            "not_condition" => Condition::Not(Box::new(self.cond_field(n, "operand", ctx))),
            "paren_condition" => match kids(n).into_iter().next() {
                Some(inner) => self.cond(inner, ctx),
                None => self.bad_condition(n),
            },
            "relation" => {
                let left = field(n, "left").map(|x| self.expr(x));
                let op = field(n, "op").map(|o| self.rel_op(o)).unwrap_or(RelOp::Eq);
                let right = field(n, "right").map(|x| self.expr(x));
                match (left, right) {
                    (Some(left), Some(right)) => {
                        ctx.subject = Some(left.clone());
                        ctx.op = Some(op);
                        Condition::Relation { left, op, right }
                    }
                    _ => self.bad_condition(n),
                }
            }
            "abbreviated_relation" => {
                let op = field(n, "op").map(|o| self.rel_op(o)).unwrap_or(RelOp::Eq);
                let right = field(n, "right").map(|x| self.expr(x));
                match (ctx.subject.clone(), right) {
                    (Some(left), Some(right)) => {
                        ctx.op = Some(op);
                        Condition::Relation { left, op, right }
                    }
                    _ => {
                        self.error(span(n), "abbreviated relation without a preceding relation to take its subject from");
                        self.bad_condition_silent()
                    }
                }
            }
            "bare_condition" => {
                let e = match kids(n).into_iter().next() {
                    Some(x) => self.expr(x),
                    None => return self.bad_condition(n),
                };
                let is_condition_name = matches!(&e, Expr::Operand(Operand::Ref(r)) if self.condition_names.contains(&r.name));
                if is_condition_name {
                    if let Expr::Operand(Operand::Ref(r)) = e {
                        return Condition::ConditionName(r);
                    }
                    unreachable!()
                }
                match (ctx.subject.clone(), ctx.op, e) {
                    (Some(left), Some(op), right) => Condition::Relation { left, op, right },
                    (_, _, Expr::Operand(Operand::Ref(r))) => Condition::ConditionName(r),
                    _ => {
                        self.error(span(n), format!("`{}` is not a condition", self.text(n)));
                        self.bad_condition_silent()
                    }
                }
            }
            "class_condition" => {
                let operand = field(n, "operand")
                    .map(|x| self.expr(x))
                    .unwrap_or_else(zero);
                let negated = field(n, "negated").is_some();
                if let Some(user) = field(n, "user_class") {
                    return Condition::Class {
                        operand,
                        class: ClassTest::User,
                        user_class: Some(self.upper(user)),
                        negated,
                    };
                }
                let class = match field(n, "class").map(|c| c.kind()) {
                    Some("ALPHABETIC") => ClassTest::Alphabetic,
                    Some("ALPHABETIC-LOWER") => ClassTest::AlphabeticLower,
                    Some("ALPHABETIC-UPPER") => ClassTest::AlphabeticUpper,
                    _ => ClassTest::Numeric,
                };
                Condition::Class {
                    operand,
                    class,
                    user_class: None,
                    negated,
                }
            }
            "sign_condition" => {
                let operand = field(n, "operand")
                    .map(|x| self.expr(x))
                    .unwrap_or_else(zero);
                let negated = field(n, "negated").is_some();
                let sign = match field(n, "sign").map(|c| c.kind()) {
                    Some("POSITIVE") => SignTest::Positive,
                    Some("NEGATIVE") => SignTest::Negative,
                    _ => SignTest::Zero,
                };
                Condition::Sign {
                    operand,
                    sign,
                    negated,
                }
            }
            _ => self.bad_condition(n),
        }
    }

    fn cond_field(&mut self, n: Node, name: &str, ctx: &mut Abbrev) -> Condition {
        match field(n, name) {
            Some(x) => self.cond(x, ctx),
            None => self.bad_condition_silent(),
        }
    }

    fn bad_condition(&mut self, n: Node) -> Condition {
        self.error(
            span(n),
            format!("expected a condition, found `{}`", self.text(n)),
        );
        self.bad_condition_silent()
    }

    /// Placeholder after an error has been reported: a condition that is never true.
    fn bad_condition_silent(&self) -> Condition {
        Condition::Not(Box::new(Condition::Relation {
            left: zero(),
            op: RelOp::Eq,
            right: zero(),
        }))
    }

    /// `rel_operator` / `plain_rel_operator` to an operator, with NOT folded in.
    pub(super) fn rel_op(&self, n: Node) -> RelOp {
        let mut c = n.walk();
        let toks: Vec<&str> = n.children(&mut c).map(|k| k.kind()).collect();
        let has = |k: &str| toks.contains(&k);
        let op = if has("GREATER") && has("OR") || has(">=") {
            RelOp::Ge
        } else if has("LESS") && has("OR") || has("<=") {
            RelOp::Le
        } else if has("GREATER") || has(">") {
            RelOp::Gt
        } else if has("LESS") || has("<") {
            RelOp::Lt
        } else if has("<>") {
            RelOp::Ne
        } else {
            RelOp::Eq
        };
        if has_kw(n, "NOT") {
            negate(op)
        } else {
            op
        }
    }

    /// VALUE / class entries: `lit [THRU lit]`; `1,2` in period mode is two values.
    pub(super) fn value_item(&mut self, n: Node) -> Vec<(Literal, Option<Literal>)> {
        let Some(from) = field(n, "from") else {
            return Vec::new();
        };
        let to = field(n, "to");
        if to.is_none() {
            if let Some(parts) = self.split_numbers(from) {
                return parts
                    .into_iter()
                    .map(|p| (Literal::Numeric(p), None))
                    .collect();
            }
        }
        let from = self.literal(from);
        let to = to.map(|t| self.literal(t));
        vec![(from, to)]
    }
}

fn negate(op: RelOp) -> RelOp {
    match op {
        RelOp::Eq => RelOp::Ne,
        RelOp::Ne => RelOp::Eq,
        RelOp::Lt => RelOp::Ge,
        RelOp::Ge => RelOp::Lt,
        RelOp::Gt => RelOp::Le,
        RelOp::Le => RelOp::Gt,
    }
}

fn zero() -> Expr {
    Expr::Operand(Operand::Literal(Literal::Numeric("0".into())))
}
