//! Programs, IDENTIFICATION and ENVIRONMENT divisions, and the layout of the PROCEDURE DIVISION
//! (declaratives, sections, paragraphs, sentences).

use super::cst::Node;

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
                                let (fc, extended) = self.select_entry(sel);
                                if let Some(x) = extended {
                                    env.extended_file_status.push((fc.name.clone(), x));
                                }
                                env.files.push(fc);
                            }
                        }
                    }
                    "repository" => self.repository(para, &mut env.repository),
                    "source_computer" => {
                        let text = self.upper(para);
                        let words = loose_words(&text);
                        env.debugging_mode = words.windows(2).any(|w| w == ["DEBUGGING", "MODE"]);
                    }
                    "object_computer" => {
                        // `PROGRAM COLLATING SEQUENCE IS name` among the paragraph's loose words.
                        let text = self.upper(para);
                        let words = loose_words(&text);
                        if let Some(i) = words.iter().position(|w| *w == "SEQUENCE") {
                            let mut k = i + 1;
                            if words.get(k) == Some(&"IS") {
                                k += 1;
                            }
                            env.program_collating = words.get(k).map(|w| w.to_string());
                        }
                    }
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
                "alphabet_clause" => {
                    let def = self.alphabet(c);
                    sn.alphabets.push(def);
                }
                "symbolic_clause" => self.symbolic_characters(c, &mut sn.symbolic_characters),
                "crt_clause" => {
                    let item = kid(c, &["data_ref"]).map(|r| self.data_ref(r));
                    if has_kw(c, "CRT") {
                        sn.crt_status = item;
                    } else {
                        sn.cursor = item;
                    }
                }
                _ => {}
            }
        }
    }

    /// `REPOSITORY. FUNCTION ALL INTRINSIC.` / `FUNCTION name ... INTRINSIC.` Other entries (user
    /// function and program prototypes, classes) are not lowered.
    fn repository(&mut self, n: Node, repo: &mut Repository) {
        let items = kids(n);
        let mut i = 0;
        while i < items.len() {
            let start = items[i];
            let word = |k: Node| (k.kind() == "word").then(|| self.upper(k));
            let mut names = Vec::new();
            let mut j = i + 1;
            let closed = if word(start).as_deref() == Some("FUNCTION") {
                loop {
                    match items.get(j).and_then(|&k| word(k)) {
                        Some(w) if w == "INTRINSIC" => break true,
                        Some(w) => names.push(w),
                        None => break false,
                    }
                    j += 1;
                }
            } else {
                false
            };
            if !closed || names.is_empty() {
                let end = items.last().map_or(start.end_byte(), |k| k.end_byte());
                self.error(
                    Span {
                        start: start.start_byte(),
                        end,
                    },
                    "REPOSITORY entry other than FUNCTION ... INTRINSIC not lowered yet",
                );
                return;
            }
            if names == ["ALL"] {
                repo.all_intrinsic = true;
            } else {
                repo.intrinsic.extend(names);
            }
            i = j + 1;
        }
    }

    /// `ALPHABET name IS NATIVE | EBCDIC | ... | literal [THRU literal | ALSO literal ...] ...`
    fn alphabet(&mut self, n: Node) -> AlphabetDef {
        let name_node = field(n, "name");
        let mut def = AlphabetDef {
            name: name_node.map(|x| self.upper(x)).unwrap_or_default(),
            system: None,
            items: Vec::new(),
        };
        let mut also = false;
        for k in kids(n) {
            if Some(k.id()) == name_node.map(|x| x.id()) {
                continue;
            }
            match k.kind() {
                "word" => {
                    let w = self.upper(k);
                    if w == "ALSO" && !def.items.is_empty() {
                        also = true;
                    } else if def.system.is_none() && def.items.is_empty() {
                        def.system = Some(w);
                    } else {
                        self.error(span(k), format!("unexpected `{w}` in ALPHABET clause"));
                    }
                }
                "value_item" => {
                    for (from, thru) in self.value_item(k) {
                        match (thru, also) {
                            (Some(to), false) => def.items.push(AlphabetItem::Range(from, to)),
                            (None, false) => def.items.push(AlphabetItem::Literal(from)),
                            (None, true) => {
                                let prev = def.items.pop();
                                let merged = match prev {
                                    Some(AlphabetItem::Literal(p)) => vec![p, from],
                                    Some(AlphabetItem::Also(mut v)) => {
                                        v.push(from);
                                        v
                                    }
                                    other => {
                                        self.error(span(k), "ALSO must follow a single literal");
                                        def.items.extend(other);
                                        vec![from]
                                    }
                                };
                                def.items.push(AlphabetItem::Also(merged));
                            }
                            (Some(_), true) => {
                                self.error(span(k), "ALSO cannot take a THRU range");
                            }
                        }
                        also = false;
                    }
                }
                _ => {}
            }
        }
        if also {
            self.error(span(n), "ALSO without a literal after it");
        }
        if def.system.is_some() && !def.items.is_empty() {
            self.error(
                span(n),
                "ALPHABET names either a character set or a literal sequence",
            );
        }
        def
    }

    /// `SYMBOLIC CHARACTERS a b IS 10 11 c IS 12`: names and ordinal positions pair in order.
    fn symbolic_characters(&mut self, n: Node, out: &mut Vec<(String, u32)>) {
        let mut names: Vec<(String, Node)> = Vec::new();
        let mut numbers: Vec<(u32, Node)> = Vec::new();
        let flush = |me: &mut Self,
                     names: &mut Vec<(String, Node)>,
                     numbers: &mut Vec<(u32, Node)>,
                     out: &mut Vec<(String, u32)>| {
            if names.len() != numbers.len() {
                if let Some((_, at)) = names.first() {
                    me.error(
                        span(*at),
                        "SYMBOLIC CHARACTERS needs one ordinal position per name",
                    );
                }
            }
            for ((name, _), (pos, _)) in names.drain(..).zip(numbers.drain(..)) {
                out.push((name, pos));
            }
            names.clear();
            numbers.clear();
        };
        for k in kids(n) {
            match k.kind() {
                "word" => {
                    if !numbers.is_empty() {
                        flush(self, &mut names, &mut numbers, out);
                    }
                    names.push((self.upper(k), k));
                }
                "number" => {
                    if let Some(v) = self.number_u32(Some(k)) {
                        numbers.push((v, k));
                    }
                }
                _ => {}
            }
        }
        flush(self, &mut names, &mut numbers, out);
    }

    fn select_entry(&mut self, n: Node) -> (FileControl, Option<DataRef>) {
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
        let mut extended = None;
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
                    extended = field(c, "extended").map(|x| self.data_ref(x));
                }
                _ => {}
            }
        }
        if !assigned {
            self.error(span(n), format!("SELECT {} has no ASSIGN clause", fc.name));
        }
        (fc, extended)
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
                    let mut optional = false;
                    let mut cur = c.walk();
                    let items: Vec<Node> = c.children(&mut cur).collect();
                    for a in items {
                        match a.kind() {
                            "pass_by" => by = pass_by(a),
                            "OPTIONAL" => optional = true,
                            "data_ref" => {
                                let name = self.data_ref(a);
                                pd.using.push(UsingParam { by, name, optional });
                                optional = false;
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
                    let debugging = has_kw(item, "DEBUGGING");
                    let targets = if debugging {
                        kids(item)
                            .into_iter()
                            .filter(|k| k.kind() == "word")
                            .map(|t| self.upper(t))
                            .collect()
                    } else {
                        fields(item, "target")
                            .into_iter()
                            .map(|t| self.upper(t))
                            .collect()
                    };
                    let sec = current_section(&mut sections, item);
                    if sec.use_statement.is_some() || !sec.paragraphs.is_empty() {
                        self.error(
                            span(item),
                            "USE must directly follow a section header in DECLARATIVES",
                        );
                    }
                    let before_reporting = field(item, "report_group").map(|g| self.upper(g));
                    sec.use_statement = Some(UseStatement {
                        targets,
                        before_reporting,
                        debugging,
                    });
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

/// The words of a paragraph the grammar keeps as loose words (SOURCE-COMPUTER, OBJECT-COMPUTER).
fn loose_words(text: &str) -> Vec<&str> {
    text.split(|c: char| c.is_whitespace() || c == '.')
        .filter(|w| !w.is_empty())
        .collect()
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
