//! Walking statements: every statement of a list and of the lists nested in it (IF and EVALUATE
//! branches, inline PERFORM bodies, AT END / INVALID KEY / SIZE ERROR / EXCEPTION handlers, ...).

use crate::ast::{Handlers, Statement, StatementKind};

/// Calls `f` on every statement of `stmts` and of every statement list nested in them, in source order.
pub fn for_each_statement<'a>(stmts: &'a [Statement], f: &mut dyn FnMut(&'a Statement)) {
    for s in stmts {
        f(s);
        for_each_child_list(&s.kind, &mut |list| for_each_statement(list, f));
    }
}

fn handlers<'a>(h: &'a Handlers, f: &mut dyn FnMut(&'a [Statement])) {
    if let Some(on) = &h.on {
        f(on);
    }
    if let Some(not_on) = &h.not_on {
        f(not_on);
    }
}

/// Calls `f` on each statement list directly nested in a statement.
pub fn for_each_child_list<'a>(kind: &'a StatementKind, f: &mut dyn FnMut(&'a [Statement])) {
    use StatementKind as K;
    match kind {
        K::Add { size_error, .. }
        | K::Subtract { size_error, .. }
        | K::Multiply { size_error, .. }
        | K::Divide { size_error, .. }
        | K::Compute { size_error, .. } => handlers(size_error, f),
        K::Call { exception, .. }
        | K::Display { exception, .. }
        | K::AcceptScreen { exception, .. }
        | K::XmlGenerate { exception, .. }
        | K::XmlParse { exception, .. }
        | K::JsonGenerate { exception, .. }
        | K::JsonParse { exception, .. } => handlers(exception, f),
        K::Delete { invalid_key, .. }
        | K::Rewrite { invalid_key, .. }
        | K::Start { invalid_key, .. } => handlers(invalid_key, f),
        K::Evaluate { whens, other, .. } => {
            for w in whens {
                f(&w.statements);
            }
            if let Some(o) = other {
                f(o);
            }
        }
        K::If {
            then_branch,
            else_branch,
            ..
        } => {
            f(then_branch);
            if let Some(e) = else_branch {
                f(e);
            }
        }
        K::Perform { body: Some(b), .. } => f(b),
        K::Read {
            at_end,
            invalid_key,
            ..
        } => {
            handlers(at_end, f);
            handlers(invalid_key, f);
        }
        K::Return { at_end, .. } => handlers(at_end, f),
        K::Search { at_end, whens, .. } => {
            if let Some(a) = at_end {
                f(a);
            }
            for (_, body) in whens {
                f(body);
            }
        }
        K::String { overflow, .. } | K::Unstring { overflow, .. } => handlers(overflow, f),
        K::Write {
            end_of_page,
            invalid_key,
            ..
        } => {
            handlers(end_of_page, f);
            handlers(invalid_key, f);
        }
        _ => {}
    }
}
