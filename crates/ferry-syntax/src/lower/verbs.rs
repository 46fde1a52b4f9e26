//! Statements without file I/O: data movement, arithmetic, control flow, string handling.

use super::cst::Node;

use super::{field, fields, has_kw, kid, kids, span, Lowerer};
use crate::ast::*;

impl<'s> Lowerer<'s> {
    /// Lowers one statement fragment that is not a scope header (IF, EVALUATE, inline PERFORM,
    /// SEARCH are handled by `flow`). Handlers are left empty; `flow` fills them.
    pub(super) fn simple_statement(&mut self, n: Node) -> Option<StatementKind> {
        use StatementKind as K;
        Some(match n.kind() {
            "move_statement" => {
                let from = self.operand_field(n, "from");
                let to = self.refs(fields(n, "to"));
                K::Move {
                    from,
                    to,
                    corresponding: field(n, "corresponding").is_some(),
                }
            }
            "add_statement" => {
                let operands = self.operands(fields(n, "operand"));
                let to_nodes = fields(n, "to");
                let giving_nodes = fields(n, "giving");
                if !giving_nodes.is_empty() && has_literal_item(&to_nodes) {
                    // ADD a TO 5 GIVING x: same as COMPUTE x = a + 5.
                    let mut terms: Vec<Expr> = operands.into_iter().map(Expr::Operand).collect();
                    terms.extend(self.operands(to_nodes).into_iter().map(Expr::Operand));
                    let expr = sum(terms).unwrap_or(Expr::Operand(Operand::Literal(
                        Literal::Numeric("0".into()),
                    )));
                    let targets = self.targets(giving_nodes);
                    return Some(K::Compute {
                        targets,
                        expr,
                        size_error: Handlers::default(),
                    });
                }
                let to = self.targets(to_nodes);
                let giving = self.targets(giving_nodes);
                if to.is_empty() && giving.is_empty() {
                    self.error(span(n), "ADD needs TO or GIVING");
                }
                K::Add {
                    operands,
                    to,
                    giving,
                    corresponding: field(n, "corresponding").is_some(),
                    size_error: Handlers::default(),
                }
            }
            "subtract_statement" => {
                let operands = self.operands(fields(n, "operand"));
                let from_nodes = fields(n, "from");
                let giving_nodes = fields(n, "giving");
                if !giving_nodes.is_empty() && has_literal_item(&from_nodes) {
                    // SUBTRACT a b FROM 100 GIVING x: no receiver can hold the literal; same as
                    // COMPUTE x = 100 - (a + b).
                    let minuend = self.operands(from_nodes);
                    let subtrahend = sum(operands.into_iter().map(Expr::Operand).collect());
                    let expr = match (minuend.into_iter().next(), subtrahend) {
                        (Some(m), Some(s)) => {
                            Expr::Binary(BinOp::Sub, Box::new(Expr::Operand(m)), Box::new(s))
                        }
                        (Some(m), None) => Expr::Operand(m),
                        (None, _) => Expr::Operand(Operand::Literal(Literal::Numeric("0".into()))),
                    };
                    let targets = self.targets(giving_nodes);
                    return Some(K::Compute {
                        targets,
                        expr,
                        size_error: Handlers::default(),
                    });
                }
                let from = self.targets(from_nodes);
                let giving = self.targets(giving_nodes);
                K::Subtract {
                    operands,
                    from,
                    giving,
                    corresponding: field(n, "corresponding").is_some(),
                    size_error: Handlers::default(),
                }
            }
            "multiply_statement" => {
                let operand = self.operand_field(n, "operand");
                let giving = self.targets(fields(n, "giving"));
                let by_nodes = fields(n, "by");
                let (by, by_operand) = if giving.is_empty() {
                    (self.targets(by_nodes), None)
                } else {
                    self.giving_operand(n, by_nodes)
                };
                K::Multiply {
                    operand,
                    by,
                    by_operand,
                    giving,
                    size_error: Handlers::default(),
                }
            }
            "divide_statement" => {
                let operand = self.operand_field(n, "operand");
                let divisor_first = field(n, "direction").is_some_and(|d| d.kind() == "INTO");
                let giving = self.targets(fields(n, "giving"));
                let into_nodes = fields(n, "into");
                let (into, second) = if giving.is_empty() {
                    if !divisor_first {
                        self.error(span(n), "DIVIDE ... BY needs GIVING");
                    }
                    (self.targets(into_nodes), None)
                } else {
                    self.giving_operand(n, into_nodes)
                };
                let remainder = field(n, "remainder").map(|r| self.data_ref(r));
                K::Divide {
                    divisor_first,
                    operand,
                    into,
                    second,
                    giving,
                    remainder,
                    size_error: Handlers::default(),
                }
            }
            "compute_statement" => {
                let targets = self.targets(fields(n, "target"));
                let expr = match field(n, "expr") {
                    Some(e) => self.expr(e),
                    None => Expr::Operand(Operand::Literal(Literal::Numeric("0".into()))),
                };
                K::Compute {
                    targets,
                    expr,
                    size_error: Handlers::default(),
                }
            }
            "initialize_statement" => {
                let targets = self.refs(fields(n, "target"));
                let mut replacing = Vec::new();
                for r in kids(n)
                    .into_iter()
                    .filter(|r| r.kind() == "initialize_replacing")
                {
                    let category = field(r, "category")
                        .map(|c| self.upper(c))
                        .unwrap_or_default();
                    let value = self.operand_field(r, "value");
                    replacing.push((category, value));
                }
                if has_kw(n, "DEFAULT") {
                    return Some(K::InitializeToDefault {
                        targets,
                        replacing,
                        with_filler: has_kw(n, "FILLER"),
                        to_value: has_kw(n, "ALL"),
                    });
                }
                K::Initialize {
                    targets,
                    replacing,
                    with_filler: has_kw(n, "FILLER"),
                    to_value: has_kw(n, "ALL"),
                }
            }
            "inspect_statement" => self.inspect(n),
            // TRANSFORM x FROM a TO b: INSPECT x CONVERTING a TO b.
            "transform_statement" => K::Inspect {
                target: self.ref_field(n, "target"),
                tallying: Vec::new(),
                replacing: Vec::new(),
                converting: Some((
                    self.operand_field(n, "from"),
                    self.operand_field(n, "to"),
                    Vec::new(),
                )),
            },
            "string_statement" => {
                let mut sources = Vec::new();
                for s in kids(n).into_iter().filter(|s| s.kind() == "string_source") {
                    let delimiter = field(s, "delimiter")
                        .filter(|d| d.kind() != "SIZE")
                        .map(|d| self.operand(d));
                    for v in self.operands(fields(s, "value")) {
                        sources.push(StringSource {
                            value: v,
                            delimiter: delimiter.clone(),
                        });
                    }
                }
                let into = self.ref_field(n, "into");
                let pointer = field(n, "pointer").map(|p| self.data_ref(p));
                K::String {
                    sources,
                    into,
                    pointer,
                    overflow: Handlers::default(),
                }
            }
            "unstring_statement" => {
                let source = self.ref_field(n, "source");
                let mut delimiters = Vec::new();
                let mut targets = Vec::new();
                for c in kids(n) {
                    match c.kind() {
                        "unstring_delimiter" => {
                            let value = self.operand_field(c, "value");
                            delimiters.push(UnstringDelimiter {
                                all: field(c, "all").is_some(),
                                value,
                            });
                        }
                        "unstring_into" => targets.push(UnstringTarget {
                            item: self.ref_field(c, "item"),
                            delimiter_in: field(c, "delimiter").map(|d| self.data_ref(d)),
                            count_in: field(c, "count").map(|d| self.data_ref(d)),
                        }),
                        _ => {}
                    }
                }
                let pointer = field(n, "pointer").map(|p| self.data_ref(p));
                let tallying = field(n, "tallying").map(|p| self.data_ref(p));
                K::Unstring {
                    source,
                    delimiters,
                    targets,
                    pointer,
                    tallying,
                    overflow: Handlers::default(),
                }
            }
            "set_statement" => self.set(n),
            "display_statement" => {
                let items = self.operands(fields(n, "item"));
                if self.has_screen_phrase(n) || self.names_screen(&items) {
                    let (at, attributes) = self.screen_phrases(n);
                    if let Some(u) = field(n, "upon") {
                        self.error(span(u), "UPON does not go with screen phrases");
                    }
                    return Some(K::DisplayScreen {
                        items,
                        at,
                        attributes,
                    });
                }
                let upon = match field(n, "upon").map(|u| self.upper(u)) {
                    None => DisplayUpon::Default,
                    Some(u) if u == "SYSERR" || u == "STDERR" => DisplayUpon::Syserr,
                    Some(u) => DisplayUpon::Other(u),
                };
                K::Display {
                    items,
                    upon,
                    no_advancing: field(n, "no_advancing").is_some(),
                    exception: Handlers::default(),
                }
            }
            "accept_statement" => {
                let target = self.ref_field(n, "target");
                if self.has_screen_phrase(n)
                    || (kid(n, &["accept_source"]).is_none()
                        && self.screen_names.contains(&target.name))
                {
                    if let Some(s) = kid(n, &["accept_source"]) {
                        self.error(span(s), "FROM does not go with screen phrases");
                    }
                    let (at, attributes) = self.screen_phrases(n);
                    return Some(K::AcceptScreen {
                        target,
                        at,
                        attributes,
                        exception: Handlers::default(),
                    });
                }
                let from = match kid(n, &["accept_source"]) {
                    None => AcceptFrom::Stdin,
                    Some(s) => self.accept_source(s),
                };
                K::Accept {
                    target,
                    from,
                    exception: Handlers::default(),
                }
            }
            // READY / RESET TRACE only switch the compiler's execution trace.
            "continue_statement" | "trace_statement" => K::Continue,
            "next_sentence" => K::NextSentence,
            "exit_statement" => {
                let kinds: Vec<&str> = fields(n, "kind").iter().map(|k| k.kind()).collect();
                if let Some(st) = field(n, "status") {
                    return Some(K::ReturnWith {
                        exit_program: true,
                        status: self.operand(st),
                    });
                }
                K::Exit(match kinds.as_slice() {
                    [] => ExitKind::Plain,
                    ["PROGRAM"] => ExitKind::Program,
                    ["PARAGRAPH"] => ExitKind::Paragraph,
                    ["SECTION"] => ExitKind::Section,
                    ["PERFORM", "CYCLE"] => ExitKind::PerformCycle,
                    _ => ExitKind::Perform,
                })
            }
            "goback_statement" => {
                if let Some(s) = field(n, "status") {
                    return Some(K::ReturnWith {
                        exit_program: false,
                        status: self.operand(s),
                    });
                }
                K::Goback
            }
            "stop_statement" => {
                if let Some(l) = field(n, "literal") {
                    return Some(K::StopLiteral {
                        literal: self.literal(l),
                    });
                }
                let mut status = field(n, "status").map(|s| self.operand(s));
                // STOP RUN WITH NORMAL STATUS exits with 0 and WITH ERROR STATUS with 1 when no
                // status is given (cobc 3.1.2), whatever RETURN-CODE holds.
                if status.is_none() {
                    status = field(n, "completion").map(|c| {
                        let code = if c.kind() == "ERROR" { "1" } else { "0" };
                        Operand::Literal(Literal::Numeric(code.into()))
                    });
                }
                K::StopRun { status }
            }
            "goto_statement" => {
                let targets = fields(n, "target")
                    .into_iter()
                    .filter_map(|t| field(t, "name"))
                    .map(|t| self.upper(t))
                    .collect::<Vec<_>>();
                // No target: `GO TO.`, set by ALTER (an empty `targets`).
                K::GoTo {
                    targets,
                    depending_on: field(n, "depending").map(|d| self.data_ref(d)),
                }
            }
            "alter_statement" => {
                let from = fields(n, "from");
                let to = fields(n, "to");
                let pairs = from
                    .into_iter()
                    .zip(to)
                    .map(|(a, b)| (self.proc_simple_name(a), self.proc_simple_name(b)))
                    .collect();
                K::Alter { pairs }
            }
            "perform_statement" => {
                let from = field(n, "procedure").map(|p| self.perform_range(p, field(n, "thru")));
                K::Perform {
                    target: from,
                    kind: self.perform_kind(n),
                    body: None,
                }
            }
            "call_statement" => self.call(n),
            "cancel_statement" => K::Cancel {
                programs: fields(n, "program")
                    .into_iter()
                    .map(|p| self.operand(p))
                    .collect(),
            },
            "unlock_statement" => K::Unlock {
                file: field(n, "file").map(|f| self.upper(f)).unwrap_or_default(),
            },
            "commit_statement" => K::Commit {
                rollback: field(n, "verb").is_some_and(|v| v.kind() == "ROLLBACK"),
            },
            "exhibit_statement" => {
                let options: Vec<&str> = fields(n, "option").iter().map(|o| o.kind()).collect();
                let items = self.operands(fields(n, "item"));
                let labels = items
                    .iter()
                    .map(|i| match i {
                        Operand::Ref(r)
                            if r.qualifiers.is_empty()
                                && r.subscripts.is_empty()
                                && r.refmod.is_none() =>
                        {
                            self.spellings.get(&r.name).cloned().flatten()
                        }
                        _ => None,
                    })
                    .collect();
                K::Exhibit {
                    named: options.contains(&"NAMED"),
                    changed: options.contains(&"CHANGED"),
                    items,
                    labels,
                }
            }
            "free_statement" => K::Free {
                items: fields(n, "item")
                    .into_iter()
                    .map(|i| self.operand(i))
                    .collect(),
            },
            "allocate_statement" => K::Allocate {
                size: field(n, "size").map(|x| self.operand(x)),
                item: field(n, "item").map(|x| self.data_ref(x)),
                initialized: has_kw(n, "INITIALIZED"),
                returning: field(n, "returning").map(|x| self.data_ref(x)),
            },
            "validate_statement" => K::Validate {
                items: fields(n, "item")
                    .into_iter()
                    .map(|i| self.data_ref(i))
                    .collect(),
            },
            "entry_statement" => {
                let name = field(n, "name")
                    .map(|x| self.literal(x))
                    .map(|l| match l {
                        Literal::Alphanumeric(b) => {
                            String::from_utf8_lossy(&b).to_ascii_uppercase()
                        }
                        _ => String::new(),
                    })
                    .unwrap_or_default();
                let mut using = Vec::new();
                let mut by = PassBy::Reference;
                let mut cur = n.walk();
                let items: Vec<Node> = n.children(&mut cur).collect();
                for a in items {
                    match a.kind() {
                        "pass_by" => by = super::program::pass_by(a),
                        "data_ref" => using.push(UsingParam {
                            by,
                            name: self.data_ref(a),
                            optional: false,
                        }),
                        _ => {}
                    }
                }
                K::Entry { name, using }
            }
            "set_environment_statement" => match (field(n, "name"), field(n, "value")) {
                (Some(name), Some(value)) => K::Set(SetAction::Environment {
                    name: self.operand(name),
                    value: self.operand(value),
                }),
                _ => K::Set(SetAction::Other(
                    self.text(n)
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" "),
                )),
            },
            "initiate_statement" => K::Initiate {
                reports: fields(n, "report")
                    .into_iter()
                    .map(|r| self.upper(r))
                    .collect(),
            },
            "terminate_statement" => K::Terminate {
                reports: fields(n, "report")
                    .into_iter()
                    .map(|r| self.upper(r))
                    .collect(),
            },
            "generate_statement" => K::Generate {
                name: self.ref_field(n, "name"),
            },
            "suppress_statement" => K::Suppress,
            "xml_generate_statement" => K::XmlGenerate {
                target: self.ref_field(n, "target"),
                source: self.ref_field(n, "source"),
                count_in: field(n, "count").map(|c| self.data_ref(c)),
                encoding: field(n, "encoding").map(|c| self.operand(c)),
                xml_declaration: field(n, "declaration").is_some(),
                attributes: field(n, "attributes").is_some(),
                namespace: field(n, "namespace").map(|c| self.operand(c)),
                namespace_prefix: field(n, "namespace_prefix").map(|c| self.operand(c)),
                exception: Handlers::default(),
            },
            "xml_parse_statement" => {
                let procedure = match field(n, "procedure") {
                    Some(p) => self.perform_range(p, field(n, "thru")),
                    None => PerformRange {
                        from: String::new(),
                        thru: None,
                        from_section: None,
                    },
                };
                K::XmlParse {
                    source: self.ref_field(n, "source"),
                    encoding: field(n, "encoding").map(|c| self.operand(c)),
                    returning_national: field(n, "national").is_some(),
                    validating: field(n, "validating").map(|c| self.data_ref(c)),
                    procedure,
                    exception: Handlers::default(),
                }
            }
            "json_generate_statement" => K::JsonGenerate {
                target: self.ref_field(n, "target"),
                source: self.ref_field(n, "source"),
                count_in: field(n, "count").map(|c| self.data_ref(c)),
                exception: Handlers::default(),
            },
            "json_parse_statement" => K::JsonParse {
                source: self.ref_field(n, "source"),
                target: self.ref_field(n, "target"),
                with_detail: field(n, "detail").is_some(),
                exception: Handlers::default(),
            },
            "exec_statement" => {
                let (kind, text) = self.exec_parts(n);
                K::Exec { kind, text }
            }
            _ => return self.io_statement(n),
        })
    }

    pub(super) fn operand_field(&mut self, n: Node, name: &str) -> Operand {
        match field(n, name) {
            Some(x) => self.operand(x),
            None => Operand::Literal(Literal::Numeric("0".into())),
        }
    }

    pub(super) fn ref_field(&mut self, n: Node, name: &str) -> DataRef {
        match field(n, name) {
            Some(x) => self.data_ref(x),
            None => DataRef {
                name: String::new(),
                qualifiers: vec![],
                subscripts: vec![],
                refmod: None,
                span: span(n),
            },
        }
    }

    pub(super) fn refs(&mut self, nodes: Vec<Node>) -> Vec<DataRef> {
        nodes.into_iter().map(|x| self.data_ref(x)).collect()
    }

    fn targets(&mut self, nodes: Vec<Node>) -> Vec<Target> {
        nodes.into_iter().map(|t| self.target(t)).collect()
    }

    fn target(&mut self, n: Node) -> Target {
        let item = self.ref_field(n, "item");
        let rounded = kid(n, &["rounded"]).map(|r| {
            match field(r, "mode").map(|m| self.upper(m)).as_deref() {
                None | Some("NEAREST-AWAY-FROM-ZERO") => RoundingMode::NearestAwayFromZero,
                Some("AWAY-FROM-ZERO") => RoundingMode::AwayFromZero,
                Some("NEAREST-EVEN") => RoundingMode::NearestEven,
                Some("NEAREST-TOWARD-ZERO") => RoundingMode::NearestTowardZero,
                Some("TOWARD-GREATER") => RoundingMode::TowardGreater,
                Some("TOWARD-LESSER") => RoundingMode::TowardLesser,
                Some("TRUNCATION") => RoundingMode::Truncation,
                Some("PROHIBITED") => RoundingMode::Prohibited,
                Some(other) => {
                    self.error(span(r), format!("unknown rounding mode {other}"));
                    RoundingMode::NearestAwayFromZero
                }
            }
        });
        Target { item, rounded }
    }

    /// MULTIPLY a BY b GIVING c / DIVIDE a INTO b GIVING c: `b` is an operand, not a receiver.
    fn giving_operand(&mut self, n: Node, nodes: Vec<Node>) -> (Vec<Target>, Option<Operand>) {
        if nodes.len() != 1 {
            self.error(span(n), "exactly one operand expected before GIVING");
        }
        if let Some(r) = nodes.first().and_then(|t| kid(*t, &["rounded"])) {
            self.error(span(r), "ROUNDED belongs after the GIVING items");
        }
        (Vec::new(), nodes.first().map(|t| self.operand(*t)))
    }

    fn inspect(&mut self, n: Node) -> StatementKind {
        let target = self.ref_field(n, "target");
        let mut tallying = Vec::new();
        let mut replacing = Vec::new();
        let mut converting = None;
        for c in kids(n) {
            match c.kind() {
                "inspect_tallying" => {
                    for g in kids(c).into_iter().filter(|g| g.kind() == "tally_group") {
                        let counter = self.ref_field(g, "counter");
                        let mut items = Vec::new();
                        for it in kids(g).into_iter().filter(|i| i.kind() == "tally_item") {
                            let kind = field(it, "kind").map(|k| k.kind()).unwrap_or("CHARACTERS");
                            if kind == "CHARACTERS" {
                                items.push(InspectTallyItem::Characters {
                                    limits: self.limits(it),
                                });
                                continue;
                            }
                            for p in kids(it).into_iter().filter(|p| p.kind() == "tally_pattern") {
                                let pattern = self.operand_field(p, "pattern");
                                let limits = self.limits(p);
                                items.push(if kind == "ALL" {
                                    InspectTallyItem::All { pattern, limits }
                                } else {
                                    InspectTallyItem::Leading { pattern, limits }
                                });
                            }
                        }
                        tallying.push(InspectTallying { counter, items });
                    }
                }
                "inspect_replacing" => {
                    for it in kids(c).into_iter().filter(|i| i.kind() == "replace_item") {
                        let kind = field(it, "kind").map(|k| k.kind()).unwrap_or("CHARACTERS");
                        if kind == "CHARACTERS" {
                            let by = self.operand_field(it, "by");
                            replacing.push(InspectReplaceItem::Characters {
                                by,
                                limits: self.limits(it),
                            });
                            continue;
                        }
                        for p in kids(it)
                            .into_iter()
                            .filter(|p| p.kind() == "replace_pattern")
                        {
                            let pattern = self.operand_field(p, "pattern");
                            let by = self.operand_field(p, "by");
                            let limits = self.limits(p);
                            replacing.push(match kind {
                                "ALL" => InspectReplaceItem::All {
                                    pattern,
                                    by,
                                    limits,
                                },
                                "LEADING" => InspectReplaceItem::Leading {
                                    pattern,
                                    by,
                                    limits,
                                },
                                _ => InspectReplaceItem::First {
                                    pattern,
                                    by,
                                    limits,
                                },
                            });
                        }
                    }
                }
                "inspect_converting" => {
                    let from = self.operand_field(c, "from");
                    let to = self.operand_field(c, "to");
                    converting = Some((from, to, self.limits(c)));
                }
                _ => {}
            }
        }
        StatementKind::Inspect {
            target,
            tallying,
            replacing,
            converting,
        }
    }

    fn limits(&mut self, n: Node) -> Vec<InspectLimit> {
        kids(n)
            .into_iter()
            .filter(|l| l.kind() == "inspect_limit")
            .map(|l| InspectLimit {
                before: field(l, "position").is_some_and(|p| p.kind() == "BEFORE"),
                pattern: self.operand_field(l, "pattern"),
            })
            .collect()
    }

    fn set(&mut self, n: Node) -> StatementKind {
        let target_nodes = fields(n, "target");
        // SET ADDRESS OF ..., SET pointer TO ENTRY "name": kept as text.
        if target_nodes.iter().any(|t| t.kind() == "address_of") || field(n, "entry").is_some() {
            return StatementKind::Set(SetAction::Other(
                self.text(n)
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" "),
            ));
        }
        let targets = self.refs(target_nodes);
        let value = field(n, "value");
        match (
            field(n, "direction").map(|d| d.kind()),
            value.map(|v| v.kind()),
        ) {
            (Some(dir), _) => {
                let value = self.operand_field(n, "value");
                if dir == "UP" {
                    StatementKind::Set(SetAction::UpBy { targets, value })
                } else {
                    StatementKind::Set(SetAction::DownBy { targets, value })
                }
            }
            (None, Some("TRUE")) => StatementKind::Set(SetAction::Condition {
                targets,
                value: true,
            }),
            (None, Some("FALSE")) => StatementKind::Set(SetAction::Condition {
                targets,
                value: false,
            }),
            (None, Some("ON" | "OFF")) => StatementKind::Set(SetAction::Other(
                self.text(n)
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" "),
            )),
            _ => {
                let value = self.operand_field(n, "value");
                StatementKind::Set(SetAction::To { targets, value })
            }
        }
    }

    fn accept_source(&mut self, n: Node) -> AcceptFrom {
        let format = field(n, "format").map(|f| self.upper(f));
        if has_kw(n, "DATE") {
            return AcceptFrom::Date {
                yyyymmdd: format.as_deref() == Some("YYYYMMDD"),
            };
        }
        if has_kw(n, "DAY") {
            return AcceptFrom::Day {
                yyyyddd: format.as_deref() == Some("YYYYDDD"),
            };
        }
        if has_kw(n, "DAY-OF-WEEK") {
            return AcceptFrom::DayOfWeek;
        }
        if has_kw(n, "TIME") {
            return AcceptFrom::Time;
        }
        if has_kw(n, "ENVIRONMENT") {
            return AcceptFrom::Environment(self.operand_field(n, "name"));
        }
        if field(n, "exception_status").is_some() {
            return AcceptFrom::Other("EXCEPTION STATUS".into());
        }
        match field(n, "device").map(|d| self.upper(d)).as_deref() {
            Some("CONSOLE" | "SYSIN" | "STDIN") | None => AcceptFrom::Stdin,
            Some("COMMAND-LINE") => AcceptFrom::CommandLine,
            Some(other) => AcceptFrom::Other(other.to_string()),
        }
    }
}

/// Whether one of these `target` nodes is a numeric literal (allowed only before GIVING).
fn has_literal_item(nodes: &[Node]) -> bool {
    nodes
        .iter()
        .any(|t| field(*t, "item").is_some_and(|i| i.kind() == "number"))
}

fn sum(terms: Vec<Expr>) -> Option<Expr> {
    terms
        .into_iter()
        .reduce(|a, b| Expr::Binary(BinOp::Add, Box::new(a), Box::new(b)))
}

impl Lowerer<'_> {
    /// Whether a DISPLAY names a SCREEN SECTION entry (a whole screen is shown).
    fn names_screen(&self, items: &[Operand]) -> bool {
        items.iter().any(|i| match i {
            Operand::Ref(r) => r.qualifiers.is_empty() && self.screen_names.contains(&r.name),
            _ => false,
        })
    }
}
