//! The statement walk: one pass over every statement (recursively into nested statement lists)
//! collecting calls, file opens, EXEC facts, flow edges, statement counts and decision points.

use std::collections::BTreeSet;

use ferry_syntax::ast::{
    ExecKind, Handlers, OpenMode, Operand, PerformKind, PerformRange, SortIo, Span, Statement,
    StatementKind,
};

use super::consts::{literal_text, Constants, Value};
use super::exec;
use super::flow::{self, Flow};
use super::{CallFact, CallMechanism, FileMode, FlowEdge, FlowKind, Resolution, TableUse};

use ferry_syntax::walk::for_each_child_list;
pub use ferry_syntax::walk::for_each_statement;

fn handler_count(h: &Handlers) -> usize {
    usize::from(h.on.is_some()) + usize::from(h.not_on.is_some())
}

/// Decision points contributed by one statement (not counting nested statements).
fn decisions(kind: &StatementKind) -> usize {
    use StatementKind as K;
    match kind {
        K::If { .. } => 1,
        K::Evaluate { whens, .. } => whens.len(),
        K::Search { whens, at_end, .. } => whens.len() + usize::from(at_end.is_some()),
        K::Perform {
            kind: PerformKind::Until { .. },
            ..
        } => 1,
        K::Perform {
            kind: PerformKind::Varying { clauses, .. },
            ..
        } => clauses.len(),
        K::GoTo {
            targets,
            depending_on: Some(_),
        } => targets.len(),
        K::Add { size_error: h, .. }
        | K::Subtract { size_error: h, .. }
        | K::Multiply { size_error: h, .. }
        | K::Divide { size_error: h, .. }
        | K::Compute { size_error: h, .. }
        | K::Call { exception: h, .. }
        | K::Delete { invalid_key: h, .. }
        | K::Rewrite { invalid_key: h, .. }
        | K::Start { invalid_key: h, .. }
        | K::Return { at_end: h, .. }
        | K::String { overflow: h, .. }
        | K::Unstring { overflow: h, .. } => handler_count(h),
        K::Read {
            at_end,
            invalid_key,
            ..
        } => handler_count(at_end) + handler_count(invalid_key),
        K::Write {
            end_of_page,
            invalid_key,
            ..
        } => handler_count(end_of_page) + handler_count(invalid_key),
        _ => 0,
    }
}

pub struct Walker<'c, 'f, 'a> {
    consts: &'c Constants,
    flow: &'f Flow<'a>,
    current: usize,
    pub calls: Vec<CallFact>,
    pub cancels: Vec<CallFact>,
    pub opens: Vec<(String, FileMode)>,
    pub tables: BTreeSet<TableUse>,
    pub sql_includes: BTreeSet<String>,
    pub transactions: BTreeSet<String>,
    pub flow_edges: Vec<FlowEdge>,
    /// Resolved PERFORMs (and SORT procedures): (performing procedure, first, last).
    pub performs: Vec<(usize, usize, usize)>,
    pub statements: usize,
    pub decisions: usize,
}

impl<'c, 'f, 'a> Walker<'c, 'f, 'a> {
    pub fn new(consts: &'c Constants, flow: &'f Flow<'a>) -> Self {
        Walker {
            consts,
            flow,
            current: 0,
            calls: Vec::new(),
            cancels: Vec::new(),
            opens: Vec::new(),
            tables: BTreeSet::new(),
            sql_includes: BTreeSet::new(),
            transactions: BTreeSet::new(),
            flow_edges: Vec::new(),
            performs: Vec::new(),
            statements: 0,
            decisions: 0,
        }
    }

    /// Walks every procedure of the flow's division.
    pub fn walk_division(&mut self) {
        let flow = self.flow;
        for (i, p) in flow.procs.iter().enumerate() {
            self.current = i;
            for s in &p.statements {
                self.statement(s);
                for_each_child_list(&s.kind, &mut |list| {
                    for_each_statement(list, &mut |n| self.statement(n))
                });
            }
        }
    }

    fn statement(&mut self, s: &Statement) {
        use StatementKind as K;
        self.statements += 1;
        self.decisions += decisions(&s.kind);
        match &s.kind {
            K::Call { program, .. } => {
                let c = self.call(program, s.span);
                self.calls.push(c);
            }
            K::Cancel { programs } => {
                for p in programs {
                    let c = self.call(p, s.span);
                    self.cancels.push(c);
                }
            }
            K::Perform {
                target: Some(r), ..
            } => self.perform(r),
            K::Sort { input, output, .. } => {
                self.sort_io(input, FileMode::Input);
                self.sort_io(output, FileMode::Output);
            }
            K::Merge { using, output, .. } => {
                for f in using {
                    self.opens.push((f.to_ascii_uppercase(), FileMode::Input));
                }
                self.sort_io(output, FileMode::Output);
            }
            K::GoTo { targets, .. } => {
                for t in targets {
                    flow::edge(
                        self.flow,
                        self.current,
                        t,
                        None,
                        FlowKind::GoesTo,
                        &mut self.flow_edges,
                    );
                }
            }
            K::Alter { pairs } => {
                for (_, to) in pairs {
                    flow::edge(
                        self.flow,
                        self.current,
                        to,
                        None,
                        FlowKind::GoesTo,
                        &mut self.flow_edges,
                    );
                }
            }
            K::Open { entries } => {
                for (mode, files) in entries {
                    let m = match mode {
                        OpenMode::Input => FileMode::Input,
                        OpenMode::Output => FileMode::Output,
                        OpenMode::InputOutput => FileMode::InputOutput,
                        OpenMode::Extend => FileMode::Extend,
                    };
                    for f in files {
                        self.opens.push((f.to_ascii_uppercase(), m));
                    }
                }
            }
            K::Exec {
                kind: ExecKind::Sql,
                text,
            } => {
                let (tables, includes) = exec::sql_tables(text);
                self.tables.extend(tables);
                self.sql_includes.extend(includes);
            }
            K::Exec {
                kind: ExecKind::Cics,
                text,
            } => self.cics(text, s.span),
            _ => {}
        }
    }

    fn sort_io(&mut self, io: &SortIo, mode: FileMode) {
        match io {
            SortIo::Files(files) => {
                for f in files {
                    self.opens.push((f.to_ascii_uppercase(), mode));
                }
            }
            SortIo::Procedure(r) => self.perform(r),
        }
    }

    fn perform(&mut self, r: &PerformRange) {
        let from = flow::edge(
            self.flow,
            self.current,
            &r.from,
            r.from_section.as_deref(),
            FlowKind::Performs,
            &mut self.flow_edges,
        );
        let last = match &r.thru {
            Some(thru) => flow::edge(
                self.flow,
                self.current,
                thru,
                None,
                FlowKind::Performs,
                &mut self.flow_edges,
            ),
            None => from,
        };
        if let (Some(a), Some(b)) = (from, last) {
            self.performs
                .push((self.current, a, self.flow.range_end(b)));
        }
    }

    fn call(&self, program: &Operand, span: Span) -> CallFact {
        match program {
            Operand::Literal(l) => match literal_text(l) {
                Some(name) => CallFact {
                    mechanism: CallMechanism::Call,
                    resolution: Resolution::Static,
                    targets: vec![name],
                    via: None,
                    span,
                },
                None => CallFact {
                    mechanism: CallMechanism::Call,
                    resolution: Resolution::Unresolved,
                    targets: Vec::new(),
                    via: None,
                    span,
                },
            },
            Operand::Ref(r) => self.by_identifier(CallMechanism::Call, &r.name, span),
            _ => CallFact {
                mechanism: CallMechanism::Call,
                resolution: Resolution::Unresolved,
                targets: Vec::new(),
                via: None,
                span,
            },
        }
    }

    fn by_identifier(&self, mechanism: CallMechanism, name: &str, span: Span) -> CallFact {
        let via = Some(name.to_ascii_uppercase());
        match self.consts.value_of(name) {
            Value::Known(targets) => CallFact {
                mechanism,
                resolution: Resolution::Dynamic,
                targets,
                via,
                span,
            },
            Value::Unknown(targets) => CallFact {
                mechanism,
                resolution: Resolution::Unresolved,
                targets,
                via,
                span,
            },
        }
    }

    fn cics(&mut self, text: &str, span: Span) {
        let opts = exec::cics_options(text);
        let command = opts.first().map(|(k, _)| k.as_str()).unwrap_or("");
        let mechanism = match command {
            "LINK" => Some(CallMechanism::CicsLink),
            "XCTL" => Some(CallMechanism::CicsXctl),
            _ => None,
        };
        for (key, value) in &opts {
            let Some(value) = value else { continue };
            match (key.as_str(), mechanism) {
                ("PROGRAM", Some(m)) => {
                    let fact = match value {
                        exec::CicsValue::Literal(s) => CallFact {
                            mechanism: m,
                            resolution: Resolution::Static,
                            targets: vec![s.clone()],
                            via: None,
                            span,
                        },
                        exec::CicsValue::Name(n) => self.by_identifier(m, n, span),
                    };
                    self.calls.push(fact);
                }
                ("TRANSID", _) => match value {
                    exec::CicsValue::Literal(s) => {
                        self.transactions.insert(s.clone());
                    }
                    exec::CicsValue::Name(n) => {
                        if let Value::Known(v) = self.consts.value_of(n) {
                            self.transactions.extend(v);
                        }
                    }
                },
                _ => {}
            }
        }
    }
}
