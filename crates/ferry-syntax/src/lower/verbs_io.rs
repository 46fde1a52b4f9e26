//! File I/O, SORT/MERGE, PERFORM and CALL.

use super::cst::Node;

use super::program::pass_by;
use super::{field, fields, kid, kids, span, Lowerer};
use crate::ast::*;

impl<'s> Lowerer<'s> {
    pub(super) fn io_statement(&mut self, n: Node) -> Option<StatementKind> {
        use StatementKind as K;
        Some(match n.kind() {
            "open_statement" => {
                let mut entries = Vec::new();
                for e in kids(n).into_iter().filter(|e| e.kind() == "open_entry") {
                    let mode = match field(e, "mode").map(|m| m.kind()) {
                        Some("OUTPUT") => OpenMode::Output,
                        Some("I-O") => OpenMode::InputOutput,
                        Some("EXTEND") => OpenMode::Extend,
                        _ => OpenMode::Input,
                    };
                    entries.push((mode, self.names(fields(e, "file"))));
                }
                K::Open { entries }
            }
            "close_statement" => K::Close {
                files: self.names(fields(n, "file")),
            },
            "read_statement" => {
                let direction = field(n, "direction").map(|d| d.kind());
                K::Read {
                    file: self.name_field(n, "file"),
                    next: direction == Some("NEXT"),
                    previous: direction == Some("PREVIOUS"),
                    into: field(n, "into").map(|x| self.data_ref(x)),
                    key: field(n, "key").map(|x| self.data_ref(x)),
                    at_end: Handlers::default(),
                    invalid_key: Handlers::default(),
                }
            }
            "write_statement" => {
                let record = self.ref_field(n, "record");
                let from = field(n, "from").map(|x| self.operand(x));
                let advancing = kid(n, &["advancing"]).map(|a| self.advancing(a));
                K::Write {
                    record,
                    from,
                    advancing,
                    end_of_page: Handlers::default(),
                    invalid_key: Handlers::default(),
                }
            }
            "rewrite_statement" => K::Rewrite {
                record: self.ref_field(n, "record"),
                from: field(n, "from").map(|x| self.operand(x)),
                invalid_key: Handlers::default(),
            },
            "delete_statement" => K::Delete {
                file: self.name_field(n, "file"),
                invalid_key: Handlers::default(),
            },
            "start_statement" => {
                let key = match (field(n, "op"), field(n, "key")) {
                    (Some(op), Some(k)) => Some((self.rel_op(op), self.data_ref(k))),
                    _ => None,
                };
                K::Start {
                    file: self.name_field(n, "file"),
                    key,
                    invalid_key: Handlers::default(),
                }
            }
            "release_statement" => K::Release {
                record: self.ref_field(n, "record"),
                from: field(n, "from").map(|x| self.operand(x)),
            },
            "return_statement" => K::Return {
                file: self.name_field(n, "file"),
                into: field(n, "into").map(|x| self.data_ref(x)),
                at_end: Handlers::default(),
            },
            "sort_statement" => {
                let file = self.name_field(n, "file");
                let keys = self.sort_keys(n);
                let input = self.sort_io(n, "sort_using", "input_procedure");
                let output = self.sort_io(n, "sort_giving", "output_procedure");
                let collating = self.collating_name(n);
                K::Sort {
                    file,
                    keys,
                    duplicates_in_order: field(n, "duplicates").is_some(),
                    input,
                    output,
                    collating,
                }
            }
            "merge_statement" => {
                let file = self.name_field(n, "file");
                let keys = self.sort_keys(n);
                let using = kid(n, &["sort_using"])
                    .map(|u| self.names(fields(u, "file")))
                    .unwrap_or_default();
                let output = self.sort_io(n, "sort_giving", "output_procedure");
                let collating = self.collating_name(n);
                K::Merge {
                    file,
                    keys,
                    using,
                    output,
                    collating,
                }
            }
            other => {
                self.error(span(n), format!("statement {other} not lowered yet"));
                return None;
            }
        })
    }

    fn names(&mut self, nodes: Vec<Node>) -> Vec<String> {
        nodes.into_iter().map(|x| self.upper(x)).collect()
    }

    fn name_field(&mut self, n: Node, name: &str) -> String {
        field(n, name).map(|x| self.upper(x)).unwrap_or_default()
    }

    fn advancing(&mut self, n: Node) -> Advancing {
        let before = field(n, "position").is_some_and(|p| p.kind() == "BEFORE");
        if field(n, "page").is_some() {
            return Advancing::Page { before };
        }
        let Some(count) = field(n, "count") else {
            return Advancing::Page { before };
        };
        if field(n, "lines").is_none() && count.kind() == "data_ref" && kids(count).len() == 1 {
            let name = self.upper(count);
            if self.mnemonics.contains(&name) {
                return Advancing::Mnemonic { before, name };
            }
        }
        Advancing::Lines {
            before,
            count: self.operand(count),
        }
    }

    /// The alphabet of a `COLLATING SEQUENCE IS name` phrase (its last word).
    fn collating_name(&mut self, n: Node) -> Option<String> {
        let c = kid(n, &["collating_sequence"])?;
        let text = self.upper(c);
        text.split_whitespace()
            .last()
            .map(|w| w.trim_end_matches('.').to_string())
    }

    fn sort_keys(&mut self, n: Node) -> Vec<SortKey> {
        kids(n)
            .into_iter()
            .filter(|k| k.kind() == "sort_key")
            .map(|k| SortKey {
                ascending: field(k, "direction").is_some_and(|d| d.kind() == "ASCENDING"),
                names: fields(k, "key")
                    .into_iter()
                    .map(|x| self.data_ref(x))
                    .collect(),
            })
            .collect()
    }

    fn sort_io(&mut self, n: Node, files_kind: &str, proc_kind: &str) -> SortIo {
        if let Some(u) = kid(n, &[files_kind]) {
            return SortIo::Files(self.names(fields(u, "file")));
        }
        if let Some(p) = kid(n, &[proc_kind]) {
            if let Some(from) = field(p, "procedure") {
                return SortIo::Procedure(self.perform_range(from, field(p, "thru")));
            }
        }
        // table SORT (no files): nothing to read or write
        SortIo::Files(Vec::new())
    }

    pub(super) fn perform_range(&mut self, from: Node, thru: Option<Node>) -> PerformRange {
        PerformRange {
            from: self.proc_simple_name(from),
            thru: thru.map(|t| self.proc_simple_name(t)),
            from_section: field(from, "section").map(|s| self.upper(s)),
        }
    }

    pub(super) fn proc_simple_name(&mut self, n: Node) -> String {
        field(n, "name")
            .map(|x| self.upper(x))
            .unwrap_or_else(|| self.upper(n))
    }

    /// The TIMES / UNTIL / VARYING option of a PERFORM statement or inline PERFORM header.
    pub(super) fn perform_kind(&mut self, n: Node) -> PerformKind {
        let Some(opt) = kid(n, &["perform_times", "perform_until", "perform_varying"]) else {
            return PerformKind::Once;
        };
        let test_after = kid(opt, &["test_phrase"])
            .is_some_and(|t| field(t, "when").is_some_and(|w| w.kind() == "AFTER"));
        match opt.kind() {
            "perform_times" => PerformKind::Times(self.operand_field(opt, "count")),
            "perform_until" => {
                let condition = match field(opt, "condition") {
                    Some(c) => self.condition(c),
                    None => Condition::Not(Box::new(Condition::Relation {
                        left: zero(),
                        op: RelOp::Eq,
                        right: zero(),
                    })),
                };
                PerformKind::Until {
                    test_after,
                    condition,
                }
            }
            _ => {
                let mut clauses = Vec::new();
                for v in kids(opt)
                    .into_iter()
                    .filter(|v| v.kind() == "varying_clause")
                {
                    let item = self.ref_field(v, "item");
                    let from = field(v, "from").map(|x| self.expr(x)).unwrap_or_else(zero);
                    let by = field(v, "by").map(|x| self.expr(x)).unwrap_or_else(zero);
                    let until = match field(v, "condition") {
                        Some(c) => self.condition(c),
                        None => Condition::Not(Box::new(Condition::Relation {
                            left: zero(),
                            op: RelOp::Eq,
                            right: zero(),
                        })),
                    };
                    clauses.push(VaryingClause {
                        item,
                        from,
                        by,
                        until,
                    });
                }
                PerformKind::Varying {
                    test_after,
                    clauses,
                }
            }
        }
    }

    pub(super) fn call(&mut self, n: Node) -> StatementKind {
        let program = self.operand_field(n, "program");
        let mut using = Vec::new();
        let mut by = PassBy::Reference;
        let mut in_using = false;
        let mut c = n.walk();
        let children: Vec<Node> = n.children(&mut c).collect();
        for k in children {
            if k.is_extra() || k.is_error() {
                continue;
            }
            match k.kind() {
                "USING" => in_using = true,
                "RETURNING" | "GIVING" => in_using = false,
                "pass_by" if in_using => by = pass_by(k),
                "omitted" if in_using => using.push(CallArg { by, value: None }),
                _ if in_using && k.is_named() => {
                    for v in self.operands(vec![k]) {
                        using.push(CallArg { by, value: Some(v) });
                    }
                }
                _ => {}
            }
        }
        let returning = field(n, "returning").map(|r| self.data_ref(r));
        StatementKind::Call {
            program,
            using,
            returning,
            exception: Handlers::default(),
        }
    }
}

fn zero() -> Expr {
    Expr::Operand(Operand::Literal(Literal::Numeric("0".into())))
}
