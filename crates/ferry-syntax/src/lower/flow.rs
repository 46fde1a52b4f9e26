//! Rebuilds statement nesting from the flat fragments of a sentence.
//!
//! COBOL scope rules: a statement list (after IF/ELSE, WHEN, an inline PERFORM or an imperative phrase)
//! runs until the separator period, or until a fragment that cannot start a statement: ELSE, WHEN,
//! an END-xxx terminator or a phrase (NOT AT END, ...). That fragment is then offered to the enclosing
//! statements from the innermost outwards: a phrase binds to the innermost statement that takes it and
//! has not got it yet, an END-xxx closes the innermost matching statement (implicitly closing the ones
//! inside it).

use super::cst::Node;

use super::{field, fields, kids, span, Lowerer};
use crate::ast::*;

pub(super) struct Frags<'t> {
    items: Vec<Node<'t>>,
    pos: usize,
    /// End byte of the last fragment taken.
    last_end: usize,
}

impl<'t> Frags<'t> {
    fn peek(&self) -> Option<Node<'t>> {
        self.items.get(self.pos).copied()
    }
    fn next(&mut self) -> Option<Node<'t>> {
        let n = self.items.get(self.pos).copied()?;
        self.pos += 1;
        self.last_end = n.end_byte();
        Some(n)
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Phrase {
    SizeError,
    AtEnd,
    EndOfPage,
    InvalidKey,
    Overflow,
    Exception,
}

fn is_stop(kind: &str) -> bool {
    matches!(
        kind,
        "else_clause" | "when_header" | "when_other" | "phrase" | "scope_terminator"
    )
}

impl<'s> Lowerer<'s> {
    pub(super) fn sentence(&mut self, n: Node) -> Sentence {
        let mut f = Frags {
            items: kids(n),
            pos: 0,
            last_end: n.start_byte(),
        };
        let mut statements = Vec::new();
        loop {
            statements.extend(self.stmt_list(&mut f));
            let Some(stray) = f.next() else { break };
            let text = self.upper(stray);
            let msg = match stray.kind() {
                "else_clause" => "ELSE without a matching IF".to_string(),
                "when_header" | "when_other" => "WHEN outside EVALUATE or SEARCH".to_string(),
                "phrase" => format!("`{text}` phrase does not belong to any statement before it"),
                _ => format!("{text} without a matching statement"),
            };
            self.error(span(stray), msg);
        }
        Sentence {
            statements,
            span: span(n),
        }
    }

    fn stmt_list(&mut self, f: &mut Frags) -> Vec<Statement> {
        let mut out = Vec::new();
        while let Some(n) = f.peek() {
            if is_stop(n.kind()) {
                break;
            }
            f.next();
            if let Some(s) = self.statement(n, f) {
                out.push(s);
            }
        }
        out
    }

    fn statement(&mut self, n: Node, f: &mut Frags) -> Option<Statement> {
        let kind = match n.kind() {
            "if_header" => self.if_statement(n, f),
            "evaluate_header" => self.evaluate(n, f),
            "perform_header" => {
                let kind = self.perform_kind(n);
                let body = self.stmt_list(f);
                if !self.take_terminator(f, "END-PERFORM") {
                    self.error(span(n), "inline PERFORM without END-PERFORM");
                }
                StatementKind::Perform {
                    target: None,
                    kind,
                    body: Some(body),
                }
            }
            "search_header" => self.search(n, f),
            _ => {
                let mut kind = self.simple_statement(n)?;
                self.phrases(&mut kind, f);
                if let Some(end) = terminator_of(&kind) {
                    self.take_terminator(f, end);
                }
                kind
            }
        };
        let end = f.last_end.max(n.end_byte());
        Some(Statement {
            kind,
            span: Span {
                start: n.start_byte(),
                end,
            },
        })
    }

    fn take_terminator(&mut self, f: &mut Frags, end: &str) -> bool {
        match f.peek() {
            Some(t) if t.kind() == "scope_terminator" && self.upper(t) == end => {
                f.next();
                true
            }
            _ => false,
        }
    }

    fn phrase_of(&self, n: Node) -> Option<(Phrase, bool)> {
        if n.kind() != "phrase" {
            return None;
        }
        let negated = field(n, "not").is_some();
        let p = match field(n, "kind").map(|k| k.kind())? {
            "SIZE" => Phrase::SizeError,
            "END" => Phrase::AtEnd,
            "END-OF-PAGE" | "EOP" => Phrase::EndOfPage,
            "INVALID" => Phrase::InvalidKey,
            "OVERFLOW" => Phrase::Overflow,
            _ => Phrase::Exception,
        };
        Some((p, negated))
    }

    /// Attaches the imperative phrases that follow a statement and that it takes. DISPLAY takes
    /// [NOT] ON EXCEPTION as cobc 3.1.2 parses it: in `CALL x ON EXCEPTION DISPLAY a NOT ON
    /// EXCEPTION DISPLAY b`, the NOT ON EXCEPTION belongs to DISPLAY a (so b is shown after a, when
    /// the CALL fails), as in every innermost-binding phrase.
    fn phrases(&mut self, kind: &mut StatementKind, f: &mut Frags) {
        while let Some(p) = f.peek() {
            let Some((phrase, negated)) = self.phrase_of(p) else {
                break;
            };

            match handler_slot(kind, phrase, negated) {
                Some(slot) if slot.is_none() => {
                    f.next();
                    let list = self.stmt_list(f);
                    // re-borrow after the recursive call
                    if let Some(slot) = handler_slot(kind, phrase, negated) {
                        *slot = Some(list);
                    }
                }
                _ => break,
            }
        }
    }

    fn if_statement(&mut self, n: Node, f: &mut Frags) -> StatementKind {
        let condition = match field(n, "condition") {
            Some(c) => self.condition(c),
            None => Condition::ConditionName(DataRef {
                name: String::new(),
                qualifiers: vec![],
                subscripts: vec![],
                refmod: None,
                span: span(n),
            }),
        };
        let then_branch = self.stmt_list(f);
        let mut else_branch = None;
        if f.peek().is_some_and(|e| e.kind() == "else_clause") {
            f.next();
            else_branch = Some(self.stmt_list(f));
        }
        if then_branch.is_empty() && else_branch.iter().all(|e| e.is_empty()) {
            self.error(span(n), "IF without any statement");
        }
        self.take_terminator(f, "END-IF");
        StatementKind::If {
            condition,
            then_branch,
            else_branch,
        }
    }

    fn evaluate(&mut self, n: Node, f: &mut Frags) -> StatementKind {
        let subjects: Vec<EvaluateSubject> = fields(n, "subject")
            .into_iter()
            .map(|s| self.evaluate_subject(s))
            .collect();
        let mut whens = Vec::new();
        let mut other = None;
        loop {
            match f.peek().map(|w| w.kind()) {
                Some("when_header") => {
                    let mut headers = Vec::new();
                    while let Some(w) = f.peek().filter(|w| w.kind() == "when_header") {
                        f.next();
                        headers.push(w);
                    }
                    let statements = self.stmt_list(f);
                    for h in headers {
                        let objs = fields(h, "object");
                        if objs.len() != subjects.len() {
                            self.error(
                                span(h),
                                format!(
                                    "WHEN has {} selection objects for {} EVALUATE subjects",
                                    objs.len(),
                                    subjects.len()
                                ),
                            );
                        }
                        let objects = objs
                            .into_iter()
                            .enumerate()
                            .map(|(i, o)| self.when_object(o, subjects.get(i)))
                            .collect();
                        whens.push(WhenClause {
                            objects,
                            statements: statements.clone(),
                        });
                    }
                }
                Some("when_other") if other.is_none() => {
                    f.next();
                    other = Some(self.stmt_list(f));
                }
                _ => break,
            }
        }
        if whens.is_empty() && other.is_none() {
            self.error(span(n), "EVALUATE without WHEN");
        }
        self.take_terminator(f, "END-EVALUATE");
        StatementKind::Evaluate {
            subjects,
            whens,
            other,
        }
    }

    fn evaluate_subject(&mut self, n: Node) -> EvaluateSubject {
        match kids(n).into_iter().next() {
            None => {
                if super::has_kw(n, "FALSE") {
                    EvaluateSubject::False
                } else {
                    EvaluateSubject::True
                }
            }
            Some(c) if c.kind() == "bare_condition" => EvaluateSubject::Expr(self.expr(c)),
            Some(c) => EvaluateSubject::Condition(self.condition(c)),
        }
    }

    fn when_object(&mut self, n: Node, subject: Option<&EvaluateSubject>) -> WhenObject {
        let Some(c) = kids(n).into_iter().next() else {
            return if super::has_kw(n, "ANY") {
                WhenObject::Any
            } else if super::has_kw(n, "FALSE") {
                WhenObject::False
            } else {
                WhenObject::True
            };
        };
        let boolean_subject = !matches!(subject, Some(EvaluateSubject::Expr(_)));
        match c.kind() {
            "when_range" => {
                let negated = field(c, "negated").is_some();
                let value = field(c, "from").map(|x| self.expr(x)).unwrap_or_else(|| {
                    Expr::Operand(Operand::Literal(Literal::Numeric("0".into())))
                });
                let thru = field(c, "to").map(|x| self.expr(x));
                WhenObject::Value {
                    negated,
                    value,
                    thru,
                }
            }
            "bare_condition" if !boolean_subject => WhenObject::Value {
                negated: false,
                value: self.expr(c),
                thru: None,
            },
            "not_condition"
                if !boolean_subject
                    && field(c, "operand").is_some_and(|o| o.kind() == "bare_condition") =>
            {
                let inner = field(c, "operand").expect("checked");
                WhenObject::Value {
                    negated: true,
                    value: self.expr(inner),
                    thru: None,
                }
            }
            _ => WhenObject::Condition(self.condition(c)),
        }
    }

    fn search(&mut self, n: Node, f: &mut Frags) -> StatementKind {
        let table = field(n, "table").map(|t| self.data_ref(t));
        let varying = field(n, "varying").map(|v| self.data_ref(v));
        let all = field(n, "all").is_some();
        let mut at_end = None;
        if let Some(p) = f.peek() {
            if self.phrase_of(p) == Some((Phrase::AtEnd, false)) {
                f.next();
                at_end = Some(self.stmt_list(f));
            }
        }
        let mut whens = Vec::new();
        while let Some(w) = f.peek().filter(|w| w.kind() == "when_header") {
            f.next();
            let objs = fields(w, "object");
            if objs.len() != 1 {
                self.error(span(w), "WHEN of SEARCH takes one condition");
            }
            let cond = match objs.first().and_then(|o| kids(*o).into_iter().next()) {
                Some(c) => self.condition(c),
                None => {
                    self.error(span(w), "WHEN of SEARCH needs a condition");
                    Condition::Not(Box::new(Condition::Relation {
                        left: Expr::Operand(Operand::Literal(Literal::Numeric("0".into()))),
                        op: RelOp::Eq,
                        right: Expr::Operand(Operand::Literal(Literal::Numeric("0".into()))),
                    }))
                }
            };
            let statements = self.stmt_list(f);
            whens.push((cond, statements));
        }
        if whens.is_empty() {
            self.error(span(n), "SEARCH without WHEN");
        }
        self.take_terminator(f, "END-SEARCH");
        let table = table.unwrap_or(DataRef {
            name: String::new(),
            qualifiers: vec![],
            subscripts: vec![],
            refmod: None,
            span: span(n),
        });
        StatementKind::Search {
            table,
            all,
            varying,
            at_end,
            whens,
        }
    }
}

fn handler_slot(
    kind: &mut StatementKind,
    p: Phrase,
    not: bool,
) -> Option<&mut Option<Vec<Statement>>> {
    use StatementKind as K;
    let h: &mut Handlers = match (kind, p) {
        (K::Add { size_error, .. }, Phrase::SizeError)
        | (K::Subtract { size_error, .. }, Phrase::SizeError)
        | (K::Multiply { size_error, .. }, Phrase::SizeError)
        | (K::Divide { size_error, .. }, Phrase::SizeError)
        | (K::Compute { size_error, .. }, Phrase::SizeError) => size_error,
        (K::Read { at_end, .. }, Phrase::AtEnd) | (K::Return { at_end, .. }, Phrase::AtEnd) => {
            at_end
        }
        (K::Read { invalid_key, .. }, Phrase::InvalidKey)
        | (K::Write { invalid_key, .. }, Phrase::InvalidKey)
        | (K::Rewrite { invalid_key, .. }, Phrase::InvalidKey)
        | (K::Delete { invalid_key, .. }, Phrase::InvalidKey)
        | (K::Start { invalid_key, .. }, Phrase::InvalidKey) => invalid_key,
        (K::Write { end_of_page, .. }, Phrase::EndOfPage) => end_of_page,
        (K::Call { exception, .. }, Phrase::Exception | Phrase::Overflow) => exception,
        (K::Accept { exception, .. }, Phrase::Exception)
        | (K::Display { exception, .. }, Phrase::Exception)
        | (K::AcceptScreen { exception, .. }, Phrase::Exception)
        | (K::XmlGenerate { exception, .. }, Phrase::Exception)
        | (K::XmlParse { exception, .. }, Phrase::Exception)
        | (K::JsonGenerate { exception, .. }, Phrase::Exception)
        | (K::JsonParse { exception, .. }, Phrase::Exception) => exception,
        (K::String { overflow, .. }, Phrase::Overflow)
        | (K::Unstring { overflow, .. }, Phrase::Overflow) => overflow,
        _ => return None,
    };
    Some(if not { &mut h.not_on } else { &mut h.on })
}

fn terminator_of(kind: &StatementKind) -> Option<&'static str> {
    use StatementKind as K;
    Some(match kind {
        K::Accept { .. } | K::AcceptScreen { .. } => "END-ACCEPT",
        K::DisplayScreen { .. } => "END-DISPLAY",
        K::XmlGenerate { .. } | K::XmlParse { .. } => "END-XML",
        K::JsonGenerate { .. } | K::JsonParse { .. } => "END-JSON",
        K::Add { .. } => "END-ADD",
        K::Call { .. } => "END-CALL",
        K::Compute { .. } => "END-COMPUTE",
        K::Delete { .. } => "END-DELETE",
        K::Display { .. } => "END-DISPLAY",
        K::Divide { .. } => "END-DIVIDE",
        K::Multiply { .. } => "END-MULTIPLY",
        K::Read { .. } => "END-READ",
        K::Return { .. } => "END-RETURN",
        K::Rewrite { .. } => "END-REWRITE",
        K::Start { .. } => "END-START",
        K::String { .. } => "END-STRING",
        K::Subtract { .. } => "END-SUBTRACT",
        K::Unstring { .. } => "END-UNSTRING",
        K::Write { .. } => "END-WRITE",
        _ => return None,
    })
}
