//! Which data items a program uses, for the `unused_data_items` and `unused_copybooks` metrics.
//!
//! References are collected from the PROCEDURE DIVISION and from the clauses of the other divisions
//! that name data items (file keys and status, ASSIGN, RECORD ... DEPENDING, LINAGE, EXEC blocks),
//! then closed over the data structure. The closure is deliberately generous, so that an item listed
//! as unused really is:
//!
//! - a referenced item is used with all its subordinate items (a group MOVE touches every field),
//!   except level-88 condition names, which are used only when named themselves;
//! - every group containing a used item is used;
//! - an item and the items it REDEFINES (or that redefine it) are used together;
//! - a referenced level-66 item uses everything it RENAMES, and is used when any of it is;
//! - a used table uses its OCCURS DEPENDING ON object and its KEY items; naming an INDEXED BY index
//!   uses its table;
//! - READ, RETURN, SORT, MERGE, START and DELETE of a file use all its records;
//! - nested programs' references count for the GLOBAL items of their container.
//!
//! With the source text (see [`super::ProgramFacts::with_source`]) every word written outside the
//! data description entries (including clauses the AST does not keep, such as `VALUE OF`, and
//! statements it could not lower, such as `ENTRY ... USING`) also counts as a reference.

use std::collections::{BTreeMap, BTreeSet};

use ferry_syntax::ast::{
    AcceptFrom, Advancing, Assign, Condition, DataItem, DataRef, DisplayUpon, EvaluateSubject,
    Expr, InspectLimit, InspectReplaceItem, InspectTallyItem, Operand, PerformKind, Program,
    ScreenAt, ScreenAttribute, SetAction, SortIo, StatementKind, WhenObject,
};

use super::walk::for_each_statement;

/// Names a program's code mentions.
#[derive(Debug, Default, Clone)]
pub(crate) struct Refs {
    /// Data references: (name, qualifiers innermost first).
    data: BTreeSet<(String, Vec<String>)>,
    /// Words that may name a data item, without structure (EXEC text, forms kept as text, source
    /// text outside the data entries).
    words: BTreeSet<String>,
    /// Files whose record area a statement reads or fills as a whole.
    files: BTreeSet<String>,
}

/// The COBOL words of `text`, upper-cased (runs of letters, digits, `-` and `_`).
pub(crate) fn words(text: &[u8], out: &mut BTreeSet<String>) {
    let mut start = None;
    for (i, &b) in text.iter().chain(std::iter::once(&b' ')).enumerate() {
        let word_byte = b.is_ascii_alphanumeric() || b == b'-' || b == b'_';
        match (word_byte, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                let w = String::from_utf8_lossy(&text[s..i]).to_ascii_uppercase();
                let w = w.trim_matches('-');
                if w.bytes().any(|c| c.is_ascii_alphabetic()) {
                    out.insert(w.to_string());
                }
                start = None;
            }
            _ => {}
        }
    }
}

/// [`words`] of source text, skipping inline comments (`*>` to the end of the line, outside
/// literals). Words inside literals count (an item name in a literal may be a dynamic reference).
fn source_words(text: &[u8], out: &mut BTreeSet<String>) {
    let mut clean = text.to_vec();
    let mut quote: Option<u8> = None;
    let mut i = 0;
    while i < clean.len() {
        let b = clean[i];
        match quote {
            Some(q) if b == q || b == b'\n' => quote = None,
            Some(_) => {}
            None if b == b'"' || b == b'\'' => quote = Some(b),
            None if b == b'*' && clean.get(i + 1) == Some(&b'>') => {
                while i < clean.len() && clean[i] != b'\n' {
                    clean[i] = b' ';
                    i += 1;
                }
                continue;
            }
            None => {}
        }
        i += 1;
    }
    words(&clean, out);
}

impl Refs {
    fn extend(&mut self, other: Refs) {
        self.data.extend(other.data);
        self.words.extend(other.words);
        self.files.extend(other.files);
    }

    fn text(&mut self, t: &str) {
        words(t.as_bytes(), &mut self.words);
    }

    fn file(&mut self, f: &str) {
        self.files.insert(f.to_ascii_uppercase());
    }

    fn dref(&mut self, r: &DataRef) {
        self.data.insert((
            r.name.to_ascii_uppercase(),
            r.qualifiers
                .iter()
                .map(|q| q.to_ascii_uppercase())
                .collect(),
        ));
        for s in &r.subscripts {
            self.expr(s);
        }
        self.refmod(&r.refmod);
    }

    fn refmod(&mut self, m: &Option<(Box<Expr>, Option<Box<Expr>>)>) {
        if let Some((a, b)) = m {
            self.expr(a);
            if let Some(b) = b {
                self.expr(b);
            }
        }
    }

    fn operand(&mut self, o: &Operand) {
        match o {
            Operand::Ref(r) | Operand::LengthOf(r) | Operand::AddressOf(r) => self.dref(r),
            Operand::Literal(_) => {}
            Operand::Function(f) => {
                for a in &f.args {
                    self.expr(a);
                }
                self.refmod(&f.refmod);
            }
        }
    }

    fn expr(&mut self, e: &Expr) {
        match e {
            Expr::Operand(o) => self.operand(o),
            Expr::Neg(x) => self.expr(x),
            Expr::Binary(_, a, b) => {
                self.expr(a);
                self.expr(b);
            }
        }
    }

    fn cond(&mut self, c: &Condition) {
        match c {
            Condition::Relation { left, right, .. } => {
                self.expr(left);
                self.expr(right);
            }
            Condition::Class { operand, .. } | Condition::Sign { operand, .. } => {
                self.expr(operand)
            }
            Condition::ConditionName(r) => self.dref(r),
            Condition::Not(x) => self.cond(x),
            Condition::And(a, b) | Condition::Or(a, b) => {
                self.cond(a);
                self.cond(b);
            }
        }
    }

    fn limits(&mut self, limits: &[InspectLimit]) {
        for l in limits {
            self.operand(&l.pattern);
        }
    }

    fn sort_io(&mut self, io: &SortIo) {
        if let SortIo::Files(files) = io {
            for f in files {
                self.file(f);
            }
        }
    }

    /// The references of one statement (not of the statements nested in it).
    fn statement(&mut self, kind: &StatementKind) {
        use StatementKind as K;
        match kind {
            K::Accept { target, from, .. } => {
                self.dref(target);
                match from {
                    AcceptFrom::Environment(o) => self.operand(o),
                    AcceptFrom::Other(s) => self.text(s),
                    AcceptFrom::Stdin
                    | AcceptFrom::Date { .. }
                    | AcceptFrom::Day { .. }
                    | AcceptFrom::DayOfWeek
                    | AcceptFrom::Time
                    | AcceptFrom::CommandLine => {}
                }
            }
            K::Add {
                operands,
                to: targets,
                giving,
                ..
            }
            | K::Subtract {
                operands,
                from: targets,
                giving,
                ..
            } => {
                operands.iter().for_each(|o| self.operand(o));
                targets
                    .iter()
                    .chain(giving)
                    .for_each(|t| self.dref(&t.item));
            }
            K::Multiply {
                operand,
                by,
                by_operand,
                giving,
                ..
            } => {
                self.operand(operand);
                by_operand.iter().for_each(|o| self.operand(o));
                by.iter().chain(giving).for_each(|t| self.dref(&t.item));
            }
            K::Divide {
                operand,
                into,
                second,
                giving,
                remainder,
                ..
            } => {
                self.operand(operand);
                second.iter().for_each(|o| self.operand(o));
                into.iter().chain(giving).for_each(|t| self.dref(&t.item));
                remainder.iter().for_each(|r| self.dref(r));
            }
            K::Compute { targets, expr, .. } => {
                targets.iter().for_each(|t| self.dref(&t.item));
                self.expr(expr);
            }
            K::Alter { .. }
            | K::Close { .. }
            | K::Continue
            | K::Exit(_)
            | K::Goback
            | K::NextSentence
            | K::Open { .. } => {}
            K::Call {
                program,
                using,
                returning,
                ..
            } => {
                self.operand(program);
                for a in using {
                    a.value.iter().for_each(|v| self.operand(v));
                }
                returning.iter().for_each(|r| self.dref(r));
            }
            K::Cancel { programs } => programs.iter().for_each(|p| self.operand(p)),
            K::Delete { file, .. } => self.file(file),
            K::Display { items, upon, .. } => {
                items.iter().for_each(|o| self.operand(o));
                if let DisplayUpon::Other(s) = upon {
                    self.text(s);
                }
            }
            K::Evaluate {
                subjects, whens, ..
            } => {
                for s in subjects {
                    match s {
                        EvaluateSubject::Expr(e) => self.expr(e),
                        EvaluateSubject::Condition(c) => self.cond(c),
                        EvaluateSubject::True | EvaluateSubject::False => {}
                    }
                }
                for w in whens {
                    for o in &w.objects {
                        match o {
                            WhenObject::Condition(c) => self.cond(c),
                            WhenObject::Value { value, thru, .. } => {
                                self.expr(value);
                                thru.iter().for_each(|t| self.expr(t));
                            }
                            WhenObject::Any | WhenObject::True | WhenObject::False => {}
                        }
                    }
                }
            }
            K::GoTo { depending_on, .. } => depending_on.iter().for_each(|d| self.dref(d)),
            K::If { condition, .. } => self.cond(condition),
            K::Initialize {
                targets, replacing, ..
            } => {
                targets.iter().for_each(|t| self.dref(t));
                replacing.iter().for_each(|(_, o)| self.operand(o));
            }
            K::Inspect {
                target,
                tallying,
                replacing,
                converting,
            } => {
                self.dref(target);
                for t in tallying {
                    self.dref(&t.counter);
                    for item in &t.items {
                        match item {
                            InspectTallyItem::Characters { limits } => self.limits(limits),
                            InspectTallyItem::All { pattern, limits }
                            | InspectTallyItem::Leading { pattern, limits } => {
                                self.operand(pattern);
                                self.limits(limits);
                            }
                        }
                    }
                }
                for r in replacing {
                    match r {
                        InspectReplaceItem::Characters { by, limits } => {
                            self.operand(by);
                            self.limits(limits);
                        }
                        InspectReplaceItem::All {
                            pattern,
                            by,
                            limits,
                        }
                        | InspectReplaceItem::Leading {
                            pattern,
                            by,
                            limits,
                        }
                        | InspectReplaceItem::First {
                            pattern,
                            by,
                            limits,
                        } => {
                            self.operand(pattern);
                            self.operand(by);
                            self.limits(limits);
                        }
                    }
                }
                if let Some((from, to, limits)) = converting {
                    self.operand(from);
                    self.operand(to);
                    self.limits(limits);
                }
            }
            K::Merge {
                file,
                keys,
                using,
                output,
                ..
            } => {
                self.file(file);
                using.iter().for_each(|f| self.file(f));
                self.sort_io(output);
                keys.iter()
                    .flat_map(|k| &k.names)
                    .for_each(|n| self.dref(n));
            }
            K::Sort {
                file,
                keys,
                input,
                output,
                ..
            } => {
                self.file(file);
                self.sort_io(input);
                self.sort_io(output);
                keys.iter()
                    .flat_map(|k| &k.names)
                    .for_each(|n| self.dref(n));
            }
            K::Move { from, to, .. } => {
                self.operand(from);
                to.iter().for_each(|t| self.dref(t));
            }
            K::Perform { kind, .. } => match kind {
                PerformKind::Once => {}
                PerformKind::Times(o) => self.operand(o),
                PerformKind::Until { condition, .. } => self.cond(condition),
                PerformKind::Varying { clauses, .. } => {
                    for c in clauses {
                        self.dref(&c.item);
                        self.expr(&c.from);
                        self.expr(&c.by);
                        self.cond(&c.until);
                    }
                }
            },
            K::Read {
                file, into, key, ..
            } => {
                self.file(file);
                into.iter().chain(key).for_each(|r| self.dref(r));
            }
            K::Return { file, into, .. } => {
                self.file(file);
                into.iter().for_each(|r| self.dref(r));
            }
            K::Release { record, from } | K::Rewrite { record, from, .. } => {
                self.dref(record);
                from.iter().for_each(|o| self.operand(o));
            }
            K::Write {
                record,
                from,
                advancing,
                ..
            } => {
                self.dref(record);
                from.iter().for_each(|o| self.operand(o));
                match advancing {
                    Some(Advancing::Lines { count, .. }) => self.operand(count),
                    Some(Advancing::Mnemonic { name, .. }) => self.text(name),
                    Some(Advancing::Page { .. }) | None => {}
                }
            }
            K::Search {
                table,
                varying,
                whens,
                ..
            } => {
                self.dref(table);
                varying.iter().for_each(|v| self.dref(v));
                whens.iter().for_each(|(c, _)| self.cond(c));
            }
            K::Set(action) => match action {
                SetAction::To { targets, value }
                | SetAction::UpBy { targets, value }
                | SetAction::DownBy { targets, value } => {
                    targets.iter().for_each(|t| self.dref(t));
                    self.operand(value);
                }
                SetAction::Condition { targets, .. } => targets.iter().for_each(|t| self.dref(t)),
                SetAction::Environment { name, value } => {
                    self.operand(name);
                    self.operand(value);
                }
                SetAction::Other(text) => self.text(text),
            },
            K::Start { file, key, .. } => {
                self.file(file);
                key.iter().for_each(|(_, k)| self.dref(k));
            }
            K::StopRun { status } => status.iter().for_each(|s| self.operand(s)),
            K::String {
                sources,
                into,
                pointer,
                ..
            } => {
                for s in sources {
                    self.operand(&s.value);
                    s.delimiter.iter().for_each(|d| self.operand(d));
                }
                self.dref(into);
                pointer.iter().for_each(|p| self.dref(p));
            }
            K::Unstring {
                source,
                delimiters,
                targets,
                pointer,
                tallying,
                ..
            } => {
                self.dref(source);
                delimiters.iter().for_each(|d| self.operand(&d.value));
                for t in targets {
                    self.dref(&t.item);
                    t.delimiter_in.iter().for_each(|d| self.dref(d));
                    t.count_in.iter().for_each(|c| self.dref(c));
                }
                pointer.iter().chain(tallying).for_each(|p| self.dref(p));
            }
            K::Exec { text, .. } => self.text(text),
            K::DisplayScreen {
                items,
                at,
                attributes,
            } => {
                items.iter().for_each(|o| self.operand(o));
                self.screen(at, attributes);
            }
            K::AcceptScreen {
                target,
                at,
                attributes,
                ..
            } => {
                self.dref(target);
                self.screen(at, attributes);
            }
            K::StopLiteral { .. } | K::Suppress => {}
            K::ReturnWith { status, .. } => self.operand(status),
            K::InitializeToDefault {
                targets, replacing, ..
            } => {
                targets.iter().for_each(|t| self.dref(t));
                replacing.iter().for_each(|(_, v)| self.operand(v));
            }
            K::Entry { using, .. } => using.iter().for_each(|u| self.dref(&u.name)),
            K::Unlock { .. } | K::Commit { .. } => {}
            K::Exhibit { items, .. } | K::Free { items } => {
                items.iter().for_each(|o| self.operand(o))
            }
            K::Allocate {
                size,
                item,
                returning,
                ..
            } => {
                size.iter().for_each(|o| self.operand(o));
                item.iter().chain(returning).for_each(|r| self.dref(r));
            }
            K::Validate { items } => items.iter().for_each(|r| self.dref(r)),
            K::Initiate { reports } | K::Terminate { reports } => {
                reports.iter().for_each(|r| self.text(r))
            }
            K::Generate { name } => self.dref(name),
            K::XmlGenerate {
                target,
                source,
                count_in,
                encoding,
                namespace,
                namespace_prefix,
                ..
            } => {
                self.dref(target);
                self.dref(source);
                count_in.iter().for_each(|c| self.dref(c));
                encoding
                    .iter()
                    .chain(namespace)
                    .chain(namespace_prefix)
                    .for_each(|o| self.operand(o));
            }
            K::XmlParse {
                source,
                encoding,
                validating,
                ..
            } => {
                self.dref(source);
                encoding.iter().for_each(|o| self.operand(o));
                validating.iter().for_each(|v| self.dref(v));
            }
            K::JsonGenerate {
                target,
                source,
                count_in,
                ..
            } => {
                self.dref(target);
                self.dref(source);
                count_in.iter().for_each(|c| self.dref(c));
            }
            K::JsonParse { source, target, .. } => {
                self.dref(source);
                self.dref(target);
            }
        }
    }

    fn screen(&mut self, at: &ScreenAt, attributes: &[ScreenAttribute]) {
        for p in at.line.iter().chain(&at.column) {
            self.operand(&p.value);
        }
        at.combined.iter().for_each(|o| self.operand(o));
        for a in attributes {
            if let ScreenAttribute::ForegroundColor(o) | ScreenAttribute::BackgroundColor(o) = a {
                self.operand(o);
            }
        }
    }
}

/// Everything `program` itself names (its nested programs excluded).
pub(crate) fn program_refs(program: &Program) -> Refs {
    let mut r = Refs::default();
    for f in &program.environment.files {
        match &f.assign {
            Assign::Name(n) => r.text(n),
            Assign::Literal(_) => {}
        }
        let keys = f.alternate_keys.iter().map(|k| &k.key);
        for k in f
            .record_key
            .iter()
            .chain(keys)
            .chain(&f.relative_key)
            .chain(&f.file_status)
        {
            r.dref(k);
        }
    }
    for fd in &program.data.files {
        fd.record_depending.iter().for_each(|d| r.dref(d));
        if let Some(l) = &fd.linage {
            for o in std::iter::once(&l.lines)
                .chain(&l.footing)
                .chain(&l.top)
                .chain(&l.bottom)
            {
                r.operand(o);
            }
        }
    }
    for e in &program.data.exec_blocks {
        r.text(&e.text);
    }
    if let Some(pd) = &program.procedure {
        pd.using.iter().for_each(|u| r.dref(&u.name));
        pd.returning.iter().for_each(|x| r.dref(x));
        for section in pd.declaratives.iter().chain(&pd.sections) {
            for para in &section.paragraphs {
                for sentence in &para.sentences {
                    for_each_statement(&sentence.statements, &mut |s| r.statement(&s.kind));
                }
            }
        }
    }
    r
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Area {
    File,
    Working,
    Local,
    Linkage,
}

struct Item<'a> {
    data: &'a DataItem,
    name: Option<String>,
    parent: Option<usize>,
    children: Vec<usize>,
    /// One past the last item of its subtree (items are in preorder).
    end: usize,
    area: Area,
    /// The FD / SD of a file record.
    file: Option<String>,
    external: bool,
    global: bool,
}

impl Item<'_> {
    fn named(&self) -> bool {
        self.name.as_deref().is_some_and(|n| n != "FILLER")
    }
}

enum Renames {
    /// Items `start..end` (preorder indices).
    Range(usize, usize),
    /// The renamed items were not found; the record they should be in, if any.
    Unresolved(Option<usize>),
}

/// The data items of one program in declaration order (file records, WORKING-STORAGE,
/// LOCAL-STORAGE, LINKAGE), with the relations the closure follows.
struct Items<'a> {
    items: Vec<Item<'a>>,
    by_name: BTreeMap<String, Vec<usize>>,
    /// INDEXED BY name -> tables.
    indexes: BTreeMap<String, Vec<usize>>,
    /// File name -> its level-01 records.
    records: BTreeMap<String, Vec<usize>>,
    /// Items sharing storage through REDEFINES (both directions).
    aliases: BTreeMap<usize, Vec<usize>>,
    renames: BTreeMap<usize, Renames>,
    /// Item -> level-66 items whose range covers it.
    renamed_by: BTreeMap<usize, Vec<usize>>,
    /// Table -> its OCCURS DEPENDING ON objects and KEY items.
    table_refs: BTreeMap<usize, Vec<usize>>,
}

impl<'a> Items<'a> {
    fn new(program: &'a Program) -> Items<'a> {
        let mut it = Items {
            items: Vec::new(),
            by_name: BTreeMap::new(),
            indexes: BTreeMap::new(),
            records: BTreeMap::new(),
            aliases: BTreeMap::new(),
            renames: BTreeMap::new(),
            renamed_by: BTreeMap::new(),
            table_refs: BTreeMap::new(),
        };
        let mut lists: Vec<Vec<usize>> = Vec::new();
        for fd in &program.data.files {
            let name = fd.name.to_ascii_uppercase();
            let recs = it.add(
                &fd.records,
                None,
                Area::File,
                Some(&name),
                fd.external,
                fd.global,
                &mut lists,
            );
            it.records.entry(name).or_default().extend(recs);
        }
        let d = &program.data;
        for (list, area) in [
            (&d.working_storage, Area::Working),
            (&d.local_storage, Area::Local),
            (&d.linkage, Area::Linkage),
        ] {
            it.add(list, None, area, None, false, false, &mut lists);
        }
        for list in &lists {
            it.relate(list);
        }
        it
    }

    #[allow(clippy::too_many_arguments)]
    fn add(
        &mut self,
        list: &'a [DataItem],
        parent: Option<usize>,
        area: Area,
        file: Option<&str>,
        external: bool,
        global: bool,
        lists: &mut Vec<Vec<usize>>,
    ) -> Vec<usize> {
        let mut ids = Vec::new();
        for d in list {
            let i = self.items.len();
            let name = d.name.as_ref().map(|n| n.to_ascii_uppercase());
            if let Some(n) = &name {
                self.by_name.entry(n.clone()).or_default().push(i);
            }
            if let Some(o) = &d.occurs {
                for x in &o.indexed_by {
                    self.indexes
                        .entry(x.to_ascii_uppercase())
                        .or_default()
                        .push(i);
                }
            }
            self.items.push(Item {
                data: d,
                name,
                parent,
                children: Vec::new(),
                end: i + 1,
                area,
                file: file.map(str::to_string),
                external: external || d.external,
                global: global || d.global,
            });
            let (ext, glob) = (external || d.external, global || d.global);
            let kids = self.add(&d.children, Some(i), area, file, ext, glob, lists);
            self.items[i].children = kids;
            self.items[i].end = self.items.len();
            ids.push(i);
        }
        lists.push(ids.clone());
        ids
    }

    /// REDEFINES, RENAMES, OCCURS DEPENDING ON and KEY relations of the items of one list of
    /// siblings.
    fn relate(&mut self, list: &[usize]) {
        for (pos, &i) in list.iter().enumerate() {
            let d = self.items[i].data;
            if let Some(r) = &d.redefines {
                let r = r.to_ascii_uppercase();
                let earlier = list[..pos]
                    .iter()
                    .rev()
                    .copied()
                    .find(|&j| self.items[j].name.as_deref() == Some(r.as_str()));
                let targets = match earlier {
                    Some(j) => vec![j],
                    None => self.by_name.get(&r).cloned().unwrap_or_default(),
                };
                for t in targets.into_iter().filter(|&t| t != i) {
                    self.aliases.entry(i).or_default().push(t);
                    self.aliases.entry(t).or_default().push(i);
                }
            }
            if let Some((from, thru)) = &d.renames {
                let record = list[..pos]
                    .iter()
                    .rev()
                    .copied()
                    .find(|&j| self.items[j].data.level == 1);
                let within = |r: &DataRef| -> Option<usize> {
                    let rec = record?;
                    let (lo, hi) = (rec, self.items[rec].end);
                    let found: Vec<usize> = self
                        .resolve(&r.name, &r.qualifiers)
                        .into_iter()
                        .filter(|&j| j >= lo && j < hi)
                        .collect();
                    (found.len() == 1).then(|| found[0])
                };
                let range = match (within(from), thru.as_ref().map(within)) {
                    (Some(a), None) => Some((a, self.items[a].end)),
                    (Some(a), Some(Some(b))) => Some((a.min(b), self.items[b].end.max(a + 1))),
                    _ => None,
                };
                match range {
                    Some((a, b)) => {
                        for j in a..b {
                            self.renamed_by.entry(j).or_default().push(i);
                        }
                        self.renames.insert(i, Renames::Range(a, b));
                    }
                    None => {
                        self.renames.insert(i, Renames::Unresolved(record));
                    }
                }
            }
            if let Some(o) = &d.occurs {
                let mut refs: Vec<usize> = Vec::new();
                if let Some(dep) = &o.depending_on {
                    refs.extend(self.resolve(&dep.name, &dep.qualifiers));
                }
                for k in o.keys.iter().flat_map(|k| &k.names) {
                    refs.extend(self.resolve(&k.name, &k.qualifiers));
                }
                if !refs.is_empty() {
                    self.table_refs.insert(i, refs);
                }
            }
        }
    }

    /// True when the named ancestors of `i` (then its file) contain `quals` in order.
    fn qualified(&self, i: usize, quals: &[String]) -> bool {
        let mut q = quals.iter().peekable();
        let mut a = self.items[i].parent;
        while let (Some(x), Some(&want)) = (a, q.peek()) {
            if self.items[x].name.as_deref() == Some(want.as_str()) {
                q.next();
            }
            a = self.items[x].parent;
        }
        if let Some(&want) = q.peek() {
            if self.items[i].file.as_deref() == Some(want.as_str()) {
                q.next();
            }
        }
        q.peek().is_none()
    }

    /// The items a reference can mean: those the qualifiers fit, or every item of that name when
    /// none fits (never fewer than the compiler would pick).
    fn resolve(&self, name: &str, quals: &[String]) -> Vec<usize> {
        let name = name.to_ascii_uppercase();
        let Some(all) = self.by_name.get(&name) else {
            return Vec::new();
        };
        if quals.is_empty() {
            return all.clone();
        }
        let quals: Vec<String> = quals.iter().map(|q| q.to_ascii_uppercase()).collect();
        let fit: Vec<usize> = all
            .iter()
            .copied()
            .filter(|&i| self.qualified(i, &quals))
            .collect();
        if fit.is_empty() {
            all.clone()
        } else {
            fit
        }
    }

    /// The name shown for item `i`: qualified by its named ancestors (innermost first) as far as
    /// needed to tell it from other items of the same name.
    fn display(&self, i: usize) -> String {
        let Some(name) = self.items[i].name.clone() else {
            return String::new();
        };
        let same = self.by_name.get(&name).map_or(0, Vec::len);
        if same <= 1 {
            return name;
        }
        let mut chain = Vec::new();
        let mut a = self.items[i].parent;
        while let Some(x) = a {
            if let Some(n) = &self.items[x].name {
                chain.push(n.clone());
            }
            a = self.items[x].parent;
        }
        if let Some(f) = &self.items[i].file {
            chain.push(f.clone());
        }
        let mut k = 0;
        while k < chain.len() && self.resolve(&name, &chain[..k]).len() > 1 {
            k += 1;
        }
        let mut out = name;
        for q in &chain[..k] {
            out.push_str(" OF ");
            out.push_str(q);
        }
        out
    }
}

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Use {
    None,
    /// Some of its storage (a subordinate item, or through an alias of part of it).
    Part,
    /// All of it, subordinate items included.
    Full,
}

struct Closure<'i, 'a> {
    items: &'i Items<'a>,
    state: Vec<Use>,
    queue: Vec<usize>,
}

impl Closure<'_, '_> {
    fn mark(&mut self, i: usize, u: Use) {
        if i < self.state.len() && self.state[i] < u {
            self.state[i] = u;
            self.queue.push(i);
        }
    }

    fn run(&mut self) {
        let items = self.items;
        while let Some(i) = self.queue.pop() {
            let u = self.state[i];
            let item = &items.items[i];
            if let Some(p) = item.parent {
                self.mark(p, Use::Part);
            }
            for &a in items.aliases.get(&i).into_iter().flatten() {
                self.mark(a, u);
            }
            for &t in items.table_refs.get(&i).into_iter().flatten() {
                self.mark(t, Use::Full);
            }
            for &r in items.renamed_by.get(&i).into_iter().flatten() {
                self.mark(r, Use::Part);
            }
            if u == Use::Full {
                for &c in &item.children {
                    if items.items[c].data.level != 88 {
                        self.mark(c, Use::Full);
                    }
                }
                match items.renames.get(&i) {
                    Some(Renames::Range(a, b)) => {
                        for j in *a..*b {
                            self.mark(j, Use::Full);
                        }
                    }
                    Some(Renames::Unresolved(Some(rec))) => self.mark(*rec, Use::Full),
                    Some(Renames::Unresolved(None)) | None => {}
                }
            }
        }
    }

    /// Seeds the closure with references; `only_global` restricts them to GLOBAL items (references
    /// made by nested programs).
    fn seed(&mut self, refs: &Refs, only_global: bool) {
        let items = self.items;
        let ok = |i: &usize| !only_global || items.items[*i].global;
        for (name, quals) in &refs.data {
            let found = items.resolve(name, quals);
            for i in found.iter().filter(|i| ok(i)) {
                self.mark(*i, Use::Full);
            }
            if found.is_empty() {
                for t in items
                    .indexes
                    .get(name)
                    .into_iter()
                    .flatten()
                    .filter(|i| ok(i))
                {
                    self.mark(*t, Use::Part);
                }
            }
            for q in quals {
                for i in items.by_name.get(q).into_iter().flatten().filter(|i| ok(i)) {
                    self.mark(*i, Use::Part);
                }
            }
        }
        for w in &refs.words {
            for i in items.by_name.get(w).into_iter().flatten().filter(|i| ok(i)) {
                self.mark(*i, Use::Full);
            }
            for t in items.indexes.get(w).into_iter().flatten().filter(|i| ok(i)) {
                self.mark(*t, Use::Part);
            }
        }
        for f in &refs.files {
            for r in items.records.get(f).into_iter().flatten().filter(|i| ok(i)) {
                self.mark(*r, Use::Full);
            }
        }
    }
}

/// The result of the analysis of one program.
pub(crate) struct Analysis {
    /// Unused named items of WORKING-STORAGE, LOCAL-STORAGE and the FILE SECTION (not EXTERNAL), in
    /// declaration order; an item whose group is listed is not listed again.
    pub unused: Vec<String>,
    /// Every data description entry's own text (from its level number to its first subordinate
    /// entry) as a byte range of the preprocessed text, with whether the item is used.
    pub entries: Vec<(usize, usize, bool)>,
}

/// Byte ranges of the entries' own text (without their subordinate entries).
fn entry_ranges(items: &Items<'_>) -> Vec<(usize, usize)> {
    items
        .items
        .iter()
        .map(|it| {
            let s = it.data.span;
            let end = it
                .children
                .first()
                .map_or(s.end, |&c| s.end.min(items.items[c].data.span.start));
            (s.start, end.max(s.start))
        })
        .collect()
}

/// The words of `program`'s own source text (its nested programs' text excluded), outside its data
/// description entries.
fn own_words(program: &Program, items: &Items<'_>, text: &[u8]) -> BTreeSet<String> {
    let (lo, hi) = (
        program.span.start.min(text.len()),
        program.span.end.min(text.len()),
    );
    let mut buf: Vec<u8> = text[lo..hi].to_vec();
    let holes = entry_ranges(items)
        .into_iter()
        .chain(program.nested.iter().map(|n| (n.span.start, n.span.end)));
    for (a, b) in holes {
        let (a, b) = (a.clamp(lo, hi), b.clamp(lo, hi));
        buf[a - lo..b - lo].fill(b' ');
    }
    let mut out = BTreeSet::new();
    source_words(&buf, &mut out);
    out
}

/// References of every program nested (at any depth) in `program`.
fn nested_refs(program: &Program, text: Option<&[u8]>) -> Refs {
    let mut r = Refs::default();
    for n in &program.nested {
        let mut own = program_refs(n);
        if let Some(t) = text {
            own.words.extend(own_words(n, &Items::new(n), t));
        }
        r.extend(own);
        r.extend(nested_refs(n, text));
    }
    r
}

/// Which data items of `program` are used; `text` is the preprocessed source the AST's spans point
/// into, when known.
pub(crate) fn analyse(program: &Program, text: Option<&str>) -> Analysis {
    let items = Items::new(program);
    let text = text.map(str::as_bytes);
    let mut own = program_refs(program);
    if let Some(t) = text {
        own.words.extend(own_words(program, &items, t));
    }
    let mut c = Closure {
        items: &items,
        state: vec![Use::None; items.items.len()],
        queue: Vec::new(),
    };
    c.seed(&own, false);
    if !program.nested.is_empty() {
        c.seed(&nested_refs(program, text), true);
    }
    // A RENAMES that could not be resolved is kept, never reported.
    for (&i, r) in &items.renames {
        if matches!(r, Renames::Unresolved(_)) {
            c.mark(i, Use::Part);
        }
    }
    c.run();
    let used: Vec<bool> = c.state.iter().map(|u| *u != Use::None).collect();
    let mut unused = Vec::new();
    for (i, it) in items.items.iter().enumerate() {
        if used[i] || !it.named() || it.external || it.area == Area::Linkage {
            continue;
        }
        let mut a = it.parent;
        let mut covered = false;
        while let Some(x) = a {
            if !used[x] && items.items[x].named() {
                covered = true;
                break;
            }
            a = items.items[x].parent;
        }
        if !covered {
            unused.push(items.display(i));
        }
    }
    let entries = entry_ranges(&items)
        .into_iter()
        .zip(&used)
        .map(|((a, b), &u)| (a, b, u))
        .collect();
    Analysis { unused, entries }
}
