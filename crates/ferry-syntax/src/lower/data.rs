//! DATA DIVISION: file descriptions, data description entries and their nesting by level number.

use super::cst::Node;

use super::{field, fields, has_kw, kid, kids, span, Lowerer};
use crate::ast::*;

impl<'s> Lowerer<'s> {
    pub(super) fn data_division(&mut self, n: Node) -> DataDivision {
        let mut dd = DataDivision::default();
        for section in kids(n) {
            match section.kind() {
                "file_section" => {
                    for c in kids(section) {
                        match c.kind() {
                            "file_description" => {
                                let fd = self.file_description(c, &mut dd.exec_blocks);
                                dd.files.push(fd);
                            }
                            "exec_statement" => dd.exec_blocks.push(self.exec_block(c)),
                            _ => {}
                        }
                    }
                }
                "working_storage_section" => {
                    dd.working_storage = self.entries(kids(section), &mut dd.exec_blocks)
                }
                "local_storage_section" => {
                    dd.local_storage = self.entries(kids(section), &mut dd.exec_blocks)
                }
                "linkage_section" => dd.linkage = self.entries(kids(section), &mut dd.exec_blocks),
                "screen_section" => dd.screen = self.screen_section(section),
                "report_section" => dd.reports = self.report_section(section),
                _ => {}
            }
        }
        dd.constants = std::mem::take(&mut self.constants);
        dd
    }

    /// A level 78 entry or an entry with a CONSTANT clause: a named literal without storage.
    fn constant_entry(&mut self, n: Node) -> Option<Constant> {
        let level = field(n, "level").map(|l| self.text(l).trim_start_matches('0'))?;
        let clause = kid(n, &["constant_clause"]);
        if level != "78" && clause.is_none() {
            return None;
        }
        let name = field(n, "name")
            .filter(|x| x.kind() == "word")
            .map(|x| self.upper(x));
        let lit = match clause {
            Some(c) => field(c, "value"),
            None => kid(n, &["value_clause"])
                .and_then(|v| kid(v, &["value_item"]))
                .and_then(|v| field(v, "from")),
        };
        let (Some(name), Some(lit)) = (name, lit) else {
            self.error(span(n), "a constant needs a name and a literal value");
            return None;
        };
        for c in kids(n) {
            if c.kind().ends_with("_clause")
                && !matches!(
                    c.kind(),
                    "constant_clause" | "value_clause" | "global_clause"
                )
            {
                self.error(span(c), "a constant takes no clause besides its value");
            }
        }
        let value = self.literal(lit);
        Some(Constant {
            name,
            value,
            span: span(n),
        })
    }

    pub(super) fn exec_block(&mut self, n: Node) -> ExecBlock {
        let (kind, text) = self.exec_parts(n);
        ExecBlock {
            kind,
            text,
            span: span(n),
        }
    }

    fn file_description(&mut self, n: Node, execs: &mut Vec<ExecBlock>) -> FileDescription {
        let kind = if field(n, "kind").is_some_and(|k| k.kind() == "SD") {
            FdKind::Sd
        } else {
            FdKind::Fd
        };
        let mut fd = FileDescription {
            kind,
            name: field(n, "name").map(|x| self.upper(x)).unwrap_or_default(),
            external: false,
            global: false,
            record_min: None,
            record_max: None,
            record_depending: None,
            block_contains: None,
            label_records_standard: None,
            linage: None,
            reports: Vec::new(),
            records: Vec::new(),
            span: span(n),
        };
        let mut entries = Vec::new();
        for c in kids(n) {
            match c.kind() {
                "external_clause" => fd.external = true,
                "global_clause" => fd.global = true,
                "block_clause" => fd.block_contains = self.number_u32(field(c, "max")),
                "record_clause" => {
                    fd.record_min = self.number_u32(field(c, "min"));
                    fd.record_max = self.number_u32(field(c, "max"));
                    fd.record_depending = field(c, "depending").map(|d| self.data_ref(d));
                }
                "label_clause" => {
                    fd.label_records_standard = field(c, "value").map(|v| v.kind() == "STANDARD")
                }
                "linage_clause" => {
                    let lines = field(c, "lines").map(|x| self.operand(x));
                    let footing = field(c, "footing").map(|x| self.operand(x));
                    let top = field(c, "top").map(|x| self.operand(x));
                    let bottom = field(c, "bottom").map(|x| self.operand(x));
                    if let Some(lines) = lines {
                        fd.linage = Some(Linage {
                            lines,
                            footing,
                            top,
                            bottom,
                        });
                    }
                }
                "code_set_clause" => self.not_lowered(c, "CODE-SET clause"),
                "report_clause" => fd
                    .reports
                    .extend(fields(c, "report").into_iter().map(|r| self.upper(r))),
                "data_description" | "exec_statement" => entries.push(c),
                // VALUE OF, DATA RECORDS, RECORDING MODE: documentation only.
                _ => {}
            }
        }
        fd.records = self.entries(entries, execs);
        fd
    }

    /// Lowers a run of data description entries and nests them by level number.
    pub(super) fn entries(
        &mut self,
        nodes: Vec<Node>,
        execs: &mut Vec<ExecBlock>,
    ) -> Vec<DataItem> {
        let mut top: Vec<DataItem> = Vec::new();
        // Open group items, outermost first.
        let mut stack: Vec<DataItem> = Vec::new();
        for n in nodes {
            if n.kind() == "exec_statement" {
                execs.push(self.exec_block(n));
                continue;
            }
            if n.kind() != "data_description" {
                continue;
            }
            let is_constant = field(n, "level")
                .is_some_and(|l| self.text(l).trim_start_matches('0') == "78")
                || kid(n, &["constant_clause"]).is_some();
            if is_constant {
                if let Some(c) = self.constant_entry(n) {
                    self.constants.push(c);
                }
                continue;
            }
            let item = self.data_item(n);
            match item.level {
                1 | 77 => {
                    close_all(&mut stack, &mut top);
                    if item.level == 77 {
                        top.push(item);
                    } else {
                        stack.push(item);
                    }
                }
                66 => {
                    close_all(&mut stack, &mut top);
                    top.push(item);
                }
                88 => match stack.last_mut() {
                    Some(parent) => parent.children.push(item),
                    None => match top.last_mut() {
                        Some(parent) if parent.level == 77 => parent.children.push(item),
                        _ => {
                            self.error(
                                item.span,
                                "level 88 entry without a data item to belong to",
                            );
                            top.push(item);
                        }
                    },
                },
                2..=49 => {
                    while stack.last().is_some_and(|p| p.level >= item.level) {
                        close_one(&mut stack, &mut top);
                    }
                    if stack.is_empty() {
                        self.error(
                            item.span,
                            format!("level {:02} entry outside a level 01 record", item.level),
                        );
                        top.push(item);
                    } else {
                        stack.push(item);
                    }
                }
                other => {
                    self.error(item.span, format!("invalid level number {other:02}"));
                    close_all(&mut stack, &mut top);
                    top.push(item);
                }
            }
        }
        close_all(&mut stack, &mut top);
        top
    }

    fn data_item(&mut self, n: Node) -> DataItem {
        let level_node = field(n, "level");
        let level = level_node
            .and_then(|l| self.text(l).parse::<u8>().ok())
            .unwrap_or(0);
        let name = field(n, "name")
            .filter(|x| x.kind() == "word")
            .map(|x| self.upper(x));
        let mut item = DataItem {
            level,
            name,
            picture: None,
            usage: Usage::Display,
            sign: None,
            occurs: None,
            redefines: None,
            renames: None,
            justified_right: false,
            blank_when_zero: false,
            synchronized: false,
            external: false,
            global: false,
            value: None,
            condition_values: Vec::new(),
            condition_false: None,
            children: Vec::new(),
            span: span(n),
        };
        for c in kids(n) {
            match c.kind() {
                "redefines_clause" => item.redefines = field(c, "name").map(|x| self.upper(x)),
                "external_clause" => item.external = true,
                "global_clause" => item.global = true,
                "picture_clause" => {
                    if let Some(p) = self.picture_of(c) {
                        item.picture = Some(p);
                    }
                }
                "usage_clause" => item.usage = self.usage_of(c),
                "sign_clause" => item.sign = Some(self.sign_of(c)),
                "occurs_clause" => item.occurs = Some(self.occurs(c)),
                "sync_clause" => item.synchronized = true,
                "justified_clause" => item.justified_right = true,
                "blank_when_zero_clause" => item.blank_when_zero = true,
                "value_clause" => {
                    if let Some(fv) = kid(c, &["false_value"]) {
                        item.condition_false = kids(fv).into_iter().next().map(|l| self.literal(l));
                    }
                    let values: Vec<(Literal, Option<Literal>)> = kids(c)
                        .into_iter()
                        .filter(|v| v.kind() == "value_item")
                        .flat_map(|v| self.value_item(v))
                        .collect();
                    if level == 88 {
                        item.condition_values = values;
                    } else {
                        let mut it = values.into_iter();
                        match (it.next(), it.next()) {
                            (Some((v, None)), None) => item.value = Some(v),
                            (Some((v, _)), _) => {
                                self.error(span(c), "a VALUE clause of a data item takes a single literal (lists and THRU are for level 88)");
                                item.value = Some(v);
                            }
                            (None, _) => {}
                        }
                    }
                }
                "renames_clause" => {
                    if let Some(from) = field(c, "from") {
                        let from = self.data_ref(from);
                        let to = field(c, "to").map(|t| self.data_ref(t));
                        item.renames = Some((from, to));
                    }
                }
                "based_clause" => self.not_lowered(c, "BASED clause"),
                _ => {}
            }
        }
        if level == 88 && item.condition_values.is_empty() {
            self.error(span(n), "level 88 entry without VALUE");
        }
        if level == 66 && item.renames.is_none() {
            self.error(span(n), "level 66 entry without RENAMES");
        }
        item
    }

    pub(super) fn picture_of(&self, clause: Node) -> Option<String> {
        kid(clause, &["picture_string"]).map(|p| picture_text(self.text(p)))
    }

    pub(super) fn usage_of(&mut self, clause: Node) -> Usage {
        match kid(clause, &["usage"]) {
            Some(u) => self.usage(u),
            None => Usage::Display,
        }
    }

    pub(super) fn sign_of(&self, clause: Node) -> SignClause {
        SignClause {
            leading: field(clause, "position").is_some_and(|p| p.kind() == "LEADING"),
            separate: has_kw(clause, "SEPARATE"),
        }
    }

    fn usage(&mut self, n: Node) -> Usage {
        let word = self.upper(n);
        match word.as_str() {
            "DISPLAY" => Usage::Display,
            "COMP" | "COMPUTATIONAL" | "COMP-4" | "COMPUTATIONAL-4" | "BINARY" => Usage::Binary,
            "COMP-5" | "COMPUTATIONAL-5" | "COMP-X" | "COMPUTATIONAL-X" | "COMP-N"
            | "BINARY-CHAR" | "BINARY-SHORT" | "BINARY-LONG" | "BINARY-DOUBLE" => {
                Usage::NativeBinary
            }
            "COMP-3" | "COMPUTATIONAL-3" | "PACKED-DECIMAL" => Usage::Packed,
            "COMP-1" | "COMPUTATIONAL-1" | "FLOAT-SHORT" => Usage::Float,
            "COMP-2" | "COMPUTATIONAL-2" | "FLOAT-LONG" => Usage::Double,
            "INDEX" => Usage::Index,
            "POINTER" | "PROCEDURE-POINTER" | "PROGRAM-POINTER" | "FUNCTION-POINTER" => {
                Usage::Pointer
            }
            "NATIONAL" | "DISPLAY-1" => Usage::National,
            _ => {
                self.error(span(n), format!("unknown USAGE {word}"));
                Usage::Display
            }
        }
    }

    /// An OCCURS bound: an integer or the name of a numeric constant.
    fn bound(&mut self, n: Option<Node>) -> Option<u32> {
        let n = n?;
        if n.kind() != "word" {
            return self.number_u32(Some(n));
        }
        let name = self.upper(n);
        match self.constant_values.get(&name).map(|v| v.parse::<u32>()) {
            Some(Ok(v)) => Some(v),
            _ => {
                self.error(
                    span(n),
                    format!("{name} is not an integer constant (level 78 or CONSTANT)"),
                );
                None
            }
        }
    }

    pub(super) fn occurs(&mut self, n: Node) -> Occurs {
        let min = self.bound(field(n, "min"));
        let max = self.bound(field(n, "max")).unwrap_or(0);
        let depending_on = field(n, "depending").map(|d| self.data_ref(d));
        let keys = kids(n)
            .into_iter()
            .filter(|k| k.kind() == "occurs_key")
            .map(|k| OccursKey {
                ascending: field(k, "direction").is_some_and(|d| d.kind() == "ASCENDING"),
                names: fields(k, "key")
                    .into_iter()
                    .map(|x| self.data_ref(x))
                    .collect(),
            })
            .collect();
        let indexed_by = fields(n, "index")
            .into_iter()
            .map(|x| self.upper(x))
            .collect();
        Occurs {
            min,
            max,
            depending_on,
            keys,
            indexed_by,
        }
    }
}

fn close_one(stack: &mut Vec<DataItem>, top: &mut Vec<DataItem>) {
    if let Some(done) = stack.pop() {
        match stack.last_mut() {
            Some(parent) => {
                parent.span.end = parent.span.end.max(done.span.end);
                parent.children.push(done);
            }
            None => top.push(done),
        }
    }
}

fn close_all(stack: &mut Vec<DataItem>, top: &mut Vec<DataItem>) {
    while !stack.is_empty() {
        close_one(stack, top);
    }
}

/// The picture character-string without the optional leading `IS`.
fn picture_text(t: &str) -> String {
    let t = t.trim();
    if t.len() > 2
        && t[..2].eq_ignore_ascii_case("IS")
        && t[2..].starts_with(|c: char| c.is_ascii_whitespace())
    {
        t[2..].trim_start().to_string()
    } else {
        t.to_string()
    }
}
