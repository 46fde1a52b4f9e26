//! Programs, IDENTIFICATION and ENVIRONMENT divisions, and the layout of the PROCEDURE DIVISION
//! (declaratives, sections, paragraphs, sentences).

use tree_sitter::Node;

use super::{field, fields, has_kw, kid, kids, span, Lowerer};
use crate::ast::*;

impl<'s> Lowerer<'s> {
    pub(super) fn program(&mut self, n: Node) -> Program {
        let mut p = Program {
            name: String::new(),
            is_common: false,
            is_initial: false,
            span: span(n),
            environment: Environment::default(),
            data: DataDivision::default(),
            procedure: None,
            nested: Vec::new(),
        };
        for k in kids(n) {
            match k.kind() {
                "identification_division" => {
                    if let Some(pid) = kid(k, &["program_id"]) {
                        p.name = field(pid, "name")
                            .map(|x| self.program_name(x))
                            .unwrap_or_default();
                        p.is_common = has_kw(pid, "COMMON");
                        p.is_initial = has_kw(pid, "INITIAL");
                    }
                }
                "environment_division" => p.environment = self.environment(k),
                "data_division" => p.data = self.data_division(k),
                "procedure_division" => p.procedure = Some(self.procedure_division(k)),
                "program" => p.nested.push(self.program(k)),
                "end_program" => {
                    if let Some(name) = field(k, "name") {
                        let end = self.program_name(name);
                        if !p.name.is_empty() && end != p.name {
                            self.error(
                                span(name),
                                format!("END PROGRAM {end} does not match PROGRAM-ID {}", p.name),
                            );
                        }
                    }
                }
                _ => {}
            }
        }
        if p.name.is_empty() {
            self.error(span(n), "program without a PROGRAM-ID name");
        }
        p
    }

    pub(super) fn program_name(&mut self, n: Node) -> String {
        if n.kind() == "string" {
            String::from_utf8_lossy(&self.string_bytes(n)).to_ascii_uppercase()
        } else {
            self.upper(n)
        }
    }

    // ------------------------------------------------------------------ ENVIRONMENT

    fn environment(&mut self, n: Node) -> Environment {
        let mut env = Environment::default();
        for section in kids(n) {
            for para in kids(section) {
                match para.kind() {
                    "special_names" => self.special_names(para, &mut env.special_names),
                    "file_control" => {
                        for sel in kids(para) {
                            if sel.kind() == "select_entry" {
                                env.files.push(self.select_entry(sel));
                            }
                        }
                    }
                    "repository" => self.not_lowered(para, "REPOSITORY paragraph"),
                    _ => {}
                }
            }
        }
        env
    }

    fn special_names(&mut self, n: Node, sn: &mut SpecialNames) {
        for c in kids(n) {
            match c.kind() {
                "decimal_point_clause" => sn.decimal_point_is_comma = true,
                "currency_clause" => {
                    if let Some(lit) = field(c, "sign") {
                        if let Literal::Alphanumeric(b) = self.literal(lit) {
                            sn.currency_sign = Some(String::from_utf8_lossy(&b).into_owned());
                        }
                    }
                    if has_kw(c, "SYMBOL") {
                        self.not_lowered(c, "CURRENCY ... PICTURE SYMBOL");
                    }
                }
                "mnemonic_clause" => {
                    let device = field(c, "device")
                        .map(|d| self.upper(d))
                        .unwrap_or_default();
                    if let Some(m) = field(c, "mnemonic") {
                        sn.mnemonics.push((self.upper(m), device.clone()));
                    }
                    for st in kids(c) {
                        if st.kind() == "switch_status" {
                            let on = if has_kw(st, "ON") { "ON" } else { "OFF" };
                            if let Some(name) = field(st, "name") {
                                sn.mnemonics
                                    .push((self.upper(name), format!("{device} {on}")));
                            }
                        }
                    }
                }
                "class_clause" => {
                    let name = field(c, "name").map(|x| self.upper(x)).unwrap_or_default();
                    let ranges = kids(c)
                        .into_iter()
                        .filter(|v| v.kind() == "value_item")
                        .flat_map(|v| self.value_item(v))
                        .collect();
                    sn.classes.push(ClassDef { name, ranges });
                }
                "alphabet_clause" => self.not_lowered(c, "ALPHABET clause"),
                "symbolic_clause" => self.not_lowered(c, "SYMBOLIC CHARACTERS clause"),
                "crt_clause" => self.not_lowered(c, "CRT STATUS / CURSOR clause"),
                _ => {}
            }
        }
    }

    fn select_entry(&mut self, n: Node) -> FileControl {
        let name = field(n, "name").map(|x| self.upper(x)).unwrap_or_default();
        let mut fc = FileControl {
            name: name.clone(),
            optional: has_kw(n, "OPTIONAL"),
            assign: Assign::Name(name),
            organization: Organization::Sequential,
            access: AccessMode::Sequential,
            record_key: None,
            alternate_keys: Vec::new(),
            relative_key: None,
            file_status: None,
            span: span(n),
        };
        let mut assigned = false;
        for c in kids(n) {
            match c.kind() {
                "assign_clause" => {
                    if let Some(t) = fields(c, "target").into_iter().last() {
                        assigned = true;
                        fc.assign = if t.kind() == "string" {
                            Assign::Literal(
                                String::from_utf8_lossy(&self.string_bytes(t)).into_owned(),
                            )
                        } else {
                            Assign::Name(self.upper(t))
                        };
                    }
                }
                "organization_clause" => {
                    fc.organization = if has_kw(c, "INDEXED") {
                        Organization::Indexed
                    } else if has_kw(c, "RELATIVE") {
                        Organization::Relative
                    } else if has_kw(c, "LINE") {
                        Organization::LineSequential
                    } else {
                        Organization::Sequential
                    }
                }
                "access_clause" => {
                    fc.access = if has_kw(c, "RANDOM") {
                        AccessMode::Random
                    } else if has_kw(c, "DYNAMIC") {
                        AccessMode::Dynamic
                    } else {
                        AccessMode::Sequential
                    }
                }
                "record_key_clause" => fc.record_key = field(c, "key").map(|k| self.data_ref(k)),
                "alternate_key_clause" => {
                    if let Some(k) = field(c, "key") {
                        let key = self.data_ref(k);
                        fc.alternate_keys.push(AlternateKey {
                            key,
                            duplicates: has_kw(c, "DUPLICATES"),
                        });
                    }
                }
                "relative_key_clause" => {
                    fc.relative_key = field(c, "key").map(|k| self.data_ref(k))
                }
                "file_status_clause" => {
                    fc.file_status = field(c, "status").map(|k| self.data_ref(k));
                    if let Some(x) = field(c, "extended") {
                        self.not_lowered(x, "extended FILE STATUS item");
                    }
                }
                _ => {}
            }
        }
        if !assigned {
            self.error(span(n), format!("SELECT {} has no ASSIGN clause", fc.name));
        }
        fc
    }

    // ------------------------------------------------------------------ PROCEDURE

    fn procedure_division(&mut self, n: Node) -> ProcedureDivision {
        let mut pd = ProcedureDivision {
            span: span(n),
            ..Default::default()
        };
        let mut body = Vec::new();
        for c in kids(n) {
            match c.kind() {
                "procedure_using" => {
                    let mut by = PassBy::Reference;
                    for a in kids(c) {
                        match a.kind() {
                            "pass_by" => by = pass_by(a),
                            "data_ref" => {
                                let name = self.data_ref(a);
                                pd.using.push(UsingParam { by, name });
                            }
                            _ => {}
                        }
                    }
                }
                "procedure_returning" => {
                    pd.returning = kid(c, &["data_ref"]).map(|r| self.data_ref(r))
                }
                "declaratives" => pd.declaratives = self.sections(kids(c)),
                _ => body.push(c),
            }
        }
        pd.sections = self.sections(body);
        pd
    }

    /// Groups section headers, paragraph headers, USE statements and sentences.
    fn sections(&mut self, items: Vec<Node>) -> Vec<Section> {
        let mut sections: Vec<Section> = Vec::new();
        for item in items {
            match item.kind() {
                "section_header" => {
                    let name = field(item, "name").map(|x| self.upper(x));
                    sections.push(Section {
                        name,
                        use_statement: None,
                        paragraphs: Vec::new(),
                        span: span(item),
                    });
                }
                "paragraph_header" => {
                    let name = field(item, "name").map(|x| self.upper(x));
                    let sec = current_section(&mut sections, item);
                    sec.paragraphs.push(Paragraph {
                        name,
                        sentences: Vec::new(),
                        span: span(item),
                    });
                    sec.span.end = item.end_byte();
                }
                "use_statement" => {
                    let targets = fields(item, "target")
                        .into_iter()
                        .map(|t| self.upper(t))
                        .collect();
                    let sec = current_section(&mut sections, item);
                    if sec.use_statement.is_some() || !sec.paragraphs.is_empty() {
                        self.error(
                            span(item),
                            "USE must directly follow a section header in DECLARATIVES",
                        );
                    }
                    if has_kw(item, "DEBUGGING") {
                        self.not_lowered(item, "USE FOR DEBUGGING");
                    }
                    sec.use_statement = Some(UseStatement { targets });
                    sec.span.end = item.end_byte();
                }
                "sentence" => {
                    let sentence = self.sentence(item);
                    let sec = current_section(&mut sections, item);
                    if sec.paragraphs.is_empty() {
                        sec.paragraphs.push(Paragraph {
                            name: None,
                            sentences: Vec::new(),
                            span: span(item),
                        });
                    }
                    let para = sec.paragraphs.last_mut().expect("just ensured");
                    para.sentences.push(sentence);
                    para.span.end = item.end_byte();
                    sec.span.end = item.end_byte();
                }
                _ => {}
            }
        }
        sections
    }
}

fn current_section<'a>(sections: &'a mut Vec<Section>, at: Node) -> &'a mut Section {
    if sections.is_empty() {
        sections.push(Section {
            name: None,
            use_statement: None,
            paragraphs: Vec::new(),
            span: span(at),
        });
    }
    sections.last_mut().expect("just ensured")
}

pub(super) fn pass_by(n: Node) -> PassBy {
    if has_kw(n, "CONTENT") {
        PassBy::Content
    } else if has_kw(n, "VALUE") {
        PassBy::Value
    } else {
        PassBy::Reference
    }
}
