//! Record layouts of the files the programs write, so that verify can say which field of which
//! record differs ("record 1, field WS-TOTAL-NET: expected +0012345.67, got +0012344.67").
//!
//! translate has the estate, verify only OUT: [`save`] writes `OUT/.ferry/layouts.json` at the end
//! of translate, [`load`] reads it back as the map `ferry_verify::replay_all_with_layouts` takes.
//!
//! For every file a program opens OUTPUT / EXTEND / I-O, WRITEs or REWRITEs, or that a SORT or
//! MERGE GIVES:
//! * the key is the ASSIGN name: the file a scenario produces when its environment does not remap
//!   it (verify follows `DD_NAME=...` itself);
//! * the fields are the elementary items of the FD's record description (REDEFINES skipped, OCCURS
//!   expanded as `NAME (i)`, FILLERs as `FILLER (bytes a-b)`), with offsets, sizes and encodings;
//!   of several 01 records the one of the record length wins (the longest when none has it), and
//!   among those the one with the most fields;
//! * a record that is one unstructured PIC X field takes the fields of the one group item the
//!   program moves into it or writes it FROM (`MOVE WS-TOTALS-REC TO TOTALS-OUT-REC`);
//! * there is no layout, and the reason is kept in the file, for print files (WRITE ...
//!   ADVANCING), records built from several layouts, variable-length record SEQUENTIAL files,
//!   RELATIVE and INDEXED files, and ASSIGN TO a data item.
//!
//! When programs write files of the same name with different layouts, the layout is keyed
//! `PROGRAM:NAME` for the programs whose runs write it (the writer and its callers).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use anyhow::Result;
use ferry_model::{ItemId, ItemKind, NumUsage, ProgramModel};
use ferry_syntax::ast::{
    self, Assign, DataRef, Handlers, Operand, Organization, Program, Statement, StatementKind,
};
use ferry_verify::{FieldKind, FieldLayout, RecordLayout};
use serde::{Deserialize, Serialize};

use crate::estate::Estate;

/// Where the layouts live in OUT.
pub const LAYOUTS_FILE: &str = ".ferry/layouts.json";
pub const SCHEMA: &str = "ferry-layouts/1";
/// Most fields one layout lists (OCCURS expanded); past them a record is only compared whole.
pub const MAX_FIELDS: usize = 4096;

/// `OUT/.ferry/layouts.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Layouts {
    pub schema: String,
    /// Every file a program writes, with its layout or the reason it has none.
    pub files: Vec<OutputFile>,
}

/// One file one program writes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutputFile {
    /// The file's name in a scenario's output (the ASSIGN name).
    pub output: String,
    /// The program (PROGRAM-ID) that writes it.
    pub program: String,
    /// The COBOL file name (SELECT).
    pub file: String,
    /// `line-sequential`, `sequential`, `relative` or `indexed`.
    pub organization: String,
    /// Programs whose runs may write the file: the writer and its callers (static CALLs).
    pub run_units: Vec<String>,
    /// The data item the fields come from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub record: Option<String>,
    /// Why that record was chosen, or why the file has no layout.
    pub note: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub layout: Option<RecordLayout>,
}

/// Computes the layouts of the estate and writes them to `OUT/.ferry/layouts.json`.
pub fn save(out: &Path, estate: &Estate) -> Result<()> {
    let layouts = compute(estate);
    let text = serde_json::to_string_pretty(&layouts)? + "\n";
    ferry_report::write_atomic(&out.join(LAYOUTS_FILE), text.as_bytes())?;
    Ok(())
}

/// The layouts saved by translate, keyed as `replay_all_with_layouts` wants them; empty when there
/// are none (an OUT from an older ferry: mismatches are then shown without field names).
pub fn load(out: &Path) -> BTreeMap<String, RecordLayout> {
    let path = out.join(LAYOUTS_FILE);
    let Ok(text) = std::fs::read_to_string(&path) else {
        return BTreeMap::new();
    };
    match serde_json::from_str::<Layouts>(&text) {
        Ok(l) if l.schema == SCHEMA => flatten(&l),
        _ => {
            eprintln!(
                "warning: {} is damaged or was written by another ferry version; differences in \
                 record files are shown without field names (run `ferry translate` again)",
                path.display()
            );
            BTreeMap::new()
        }
    }
}

/// The layouts of every file the estate's programs write.
pub fn compute(estate: &Estate) -> Layouts {
    let programs: Vec<(&Program, &ProgramModel)> = estate
        .programs
        .iter()
        .map(|p| (&p.program, &p.model))
        .collect();
    compute_programs(&programs)
}

/// As [`compute`], over parsed programs and their models.
pub fn compute_programs(programs: &[(&Program, &ProgramModel)]) -> Layouts {
    let mut files = Vec::new();
    let mut calls: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (program, model) in programs {
        collect(program, model, &mut files, &mut calls);
    }
    // Who may run a writer: itself and every program that reaches it through CALLs.
    let reach = |from: &str| -> BTreeSet<String> {
        let mut seen = BTreeSet::new();
        let mut stack = vec![from.to_string()];
        while let Some(p) = stack.pop() {
            if seen.insert(p.clone()) {
                stack.extend(calls.get(&p).into_iter().flatten().cloned());
            }
        }
        seen
    };
    let reached: BTreeMap<String, BTreeSet<String>> =
        calls.keys().map(|p| (p.clone(), reach(p))).collect();
    for f in &mut files {
        f.run_units = reached
            .iter()
            .filter(|(_, r)| r.contains(&f.program))
            .map(|(p, _)| p.clone())
            .collect();
    }
    files.sort_by(|a, b| (&a.output, &a.program, &a.file).cmp(&(&b.output, &b.program, &b.file)));
    Layouts {
        schema: SCHEMA.into(),
        files,
    }
}

/// The map verify uses: a file's name when every program writing a file of that name describes it
/// alike, else `PROGRAM:NAME` for each program whose runs see one layout only.
pub fn flatten(layouts: &Layouts) -> BTreeMap<String, RecordLayout> {
    let mut by_name: BTreeMap<&str, Vec<&OutputFile>> = BTreeMap::new();
    for f in &layouts.files {
        by_name.entry(f.output.as_str()).or_default().push(f);
    }
    let mut map = BTreeMap::new();
    for (name, entries) in by_name {
        let first = &entries[0].layout;
        if entries.iter().all(|e| &e.layout == first) {
            if let Some(l) = first {
                map.insert(name.to_string(), l.clone());
            }
            continue;
        }
        let programs: BTreeSet<&str> = entries
            .iter()
            .flat_map(|e| e.run_units.iter().map(String::as_str))
            .collect();
        for p in programs {
            let mine: Vec<&Option<RecordLayout>> = entries
                .iter()
                .filter(|e| e.run_units.iter().any(|u| u == p))
                .map(|e| &e.layout)
                .collect();
            if let Some(Some(l)) = mine.first() {
                if mine.iter().all(|m| *m == mine[0]) {
                    map.insert(format!("{p}:{name}"), l.clone());
                }
            }
        }
    }
    map
}

/// What a program's statements do with files and records.
#[derive(Default)]
struct Uses {
    /// Files opened OUTPUT, EXTEND or I-O, and SORT/MERGE GIVING files.
    written: BTreeSet<String>,
    /// WRITE/REWRITE: the record, its FROM operand, whether with ADVANCING.
    writes: Vec<(DataRef, Option<Operand>, bool)>,
    /// MOVE source TO target (not CORRESPONDING).
    moves: Vec<(Operand, DataRef)>,
    /// Programs CALLed by literal name.
    calls: BTreeSet<String>,
}

impl Uses {
    fn of(program: &Program) -> Uses {
        let mut u = Uses::default();
        if let Some(p) = &program.procedure {
            for section in p.declaratives.iter().chain(&p.sections) {
                for para in &section.paragraphs {
                    for sentence in &para.sentences {
                        u.walk(&sentence.statements);
                    }
                }
            }
        }
        u
    }

    fn walk(&mut self, statements: &[Statement]) {
        for s in statements {
            self.statement(s);
        }
    }

    fn handlers(&mut self, h: &Handlers) {
        for b in [&h.on, &h.not_on].into_iter().flatten() {
            self.walk(b);
        }
    }

    fn statement(&mut self, s: &Statement) {
        use StatementKind as K;
        match &s.kind {
            K::Open { entries } => {
                for (mode, files) in entries {
                    if !matches!(mode, ast::OpenMode::Input) {
                        self.written
                            .extend(files.iter().map(|f| f.to_ascii_uppercase()));
                    }
                }
            }
            K::Write {
                record,
                from,
                advancing,
                end_of_page,
                invalid_key,
            } => {
                self.writes
                    .push((record.clone(), from.clone(), advancing.is_some()));
                self.handlers(end_of_page);
                self.handlers(invalid_key);
            }
            K::Rewrite {
                record,
                from,
                invalid_key,
            } => {
                self.writes.push((record.clone(), from.clone(), false));
                self.handlers(invalid_key);
            }
            K::Move {
                from,
                to,
                corresponding: false,
            } => {
                for t in to {
                    self.moves.push((from.clone(), t.clone()));
                }
            }
            K::Sort {
                output: ast::SortIo::Files(files),
                ..
            }
            | K::Merge {
                output: ast::SortIo::Files(files),
                ..
            } => {
                self.written
                    .extend(files.iter().map(|f| f.to_ascii_uppercase()));
            }
            K::Call {
                program, exception, ..
            } => {
                if let Operand::Literal(ast::Literal::Alphanumeric(name)) = program {
                    let name = String::from_utf8_lossy(name).trim().to_ascii_uppercase();
                    if !name.is_empty() {
                        self.calls.insert(name);
                    }
                }
                self.handlers(exception);
            }
            K::Accept { exception: h, .. }
            | K::Add { size_error: h, .. }
            | K::Subtract { size_error: h, .. }
            | K::Multiply { size_error: h, .. }
            | K::Divide { size_error: h, .. }
            | K::Compute { size_error: h, .. }
            | K::Delete { invalid_key: h, .. }
            | K::Start { invalid_key: h, .. }
            | K::Return { at_end: h, .. }
            | K::String { overflow: h, .. }
            | K::Unstring { overflow: h, .. } => self.handlers(h),
            K::Read {
                at_end,
                invalid_key,
                ..
            } => {
                self.handlers(at_end);
                self.handlers(invalid_key);
            }
            K::Evaluate { whens, other, .. } => {
                for w in whens {
                    self.walk(&w.statements);
                }
                if let Some(o) = other {
                    self.walk(o);
                }
            }
            K::If {
                then_branch,
                else_branch,
                ..
            } => {
                self.walk(then_branch);
                if let Some(e) = else_branch {
                    self.walk(e);
                }
            }
            K::Perform {
                body: Some(body), ..
            } => self.walk(body),
            K::Search { at_end, whens, .. } => {
                if let Some(a) = at_end {
                    self.walk(a);
                }
                for (_, b) in whens {
                    self.walk(b);
                }
            }
            _ => {}
        }
    }
}

/// The files `program` (and the programs nested in it) writes, and whom it calls.
fn collect(
    program: &Program,
    model: &ProgramModel,
    out: &mut Vec<OutputFile>,
    calls: &mut BTreeMap<String, BTreeSet<String>>,
) {
    let uses = Uses::of(program);
    let mut callees = uses.calls.clone();
    callees.extend(program.nested.iter().map(|n| n.name.clone()));
    calls
        .entry(program.name.clone())
        .or_default()
        .extend(callees);
    let resolve = |r: &DataRef| model.resolve(r).ok();
    for (index, file) in model.files.iter().enumerate() {
        let Some(control) = &file.control else {
            continue;
        };
        if file.kind != ast::FdKind::Fd {
            continue;
        }
        let of_file = |r: &DataRef| resolve(r).and_then(|id| model.file_of(id)) == Some(index);
        let writes: Vec<&(DataRef, Option<Operand>, bool)> =
            uses.writes.iter().filter(|(r, _, _)| of_file(r)).collect();
        if writes.is_empty() && !uses.written.contains(&file.name.to_ascii_uppercase()) {
            continue;
        }
        let mut entry = OutputFile {
            output: String::new(),
            program: program.name.clone(),
            file: file.name.clone(),
            organization: match control.organization {
                Organization::LineSequential => "line-sequential",
                Organization::Sequential => "sequential",
                Organization::Relative => "relative",
                Organization::Indexed => "indexed",
            }
            .into(),
            run_units: Vec::new(),
            record: None,
            note: String::new(),
            layout: None,
        };
        match describe(model, index, control, &writes, &uses.moves, &mut entry) {
            Ok((record, note, layout)) => {
                entry.record = Some(record);
                entry.note = note;
                entry.layout = Some(layout);
            }
            Err(reason) => entry.note = reason,
        }
        out.push(entry);
    }
    for nested in &program.nested {
        let m = ferry_model::build_dialect(nested, model.dialect);
        collect(nested, &m, out, calls);
    }
}

/// The layout of file `index`: (the item its fields come from, why, the layout), or why none.
/// Sets `entry.output`.
fn describe(
    model: &ProgramModel,
    index: usize,
    control: &ast::FileControl,
    writes: &[&(DataRef, Option<Operand>, bool)],
    moves: &[(Operand, DataRef)],
    entry: &mut OutputFile,
) -> std::result::Result<(String, String, RecordLayout), String> {
    let file = &model.files[index];
    entry.output = match &control.assign {
        Assign::Literal(s) => s.trim().to_string(),
        Assign::Name(n) => {
            let r = DataRef {
                name: n.clone(),
                qualifiers: vec![],
                subscripts: vec![],
                refmod: None,
                span: control.span,
            };
            if model.resolve(&r).is_ok() && model.dialect != ferry_model::Dialect::Ibm {
                entry.output = n.clone();
                return Err(format!(
                    "ASSIGN TO {n}, a data item: the file's name is only known at run time"
                ));
            }
            n.trim().to_string()
        }
    };
    let lines = match control.organization {
        Organization::LineSequential => true,
        Organization::Sequential => false,
        Organization::Relative | Organization::Indexed => {
            return Err(format!(
                "ORGANIZATION {}: records are not stored as plain bytes",
                entry.organization.to_ascii_uppercase()
            ))
        }
    };
    if writes.iter().any(|(_, _, advancing)| *advancing) {
        return Err(
            "a print file (WRITE ... ADVANCING): line and page breaks sit between the records"
                .into(),
        );
    }
    let variable = file.min_size != file.size
        || file.records.iter().any(|&r| {
            model
                .elementary_under(r)
                .iter()
                .any(|&e| has_depending(model, e, r))
        });
    if !lines && variable {
        return Err(format!(
            "variable-length records ({} to {} bytes), each written after a length header",
            file.min_size, file.size
        ));
    }
    let len = file.size;
    let name = |id: ItemId| {
        model.items[id]
            .name
            .clone()
            .unwrap_or_else(|| "FILLER".into())
    };
    let (record, mut note) = choose_record(model, index)
        .ok_or_else(|| format!("FD {} has no record description", file.name))?;
    let (mut fields, mut truncated) = fields_of(model, record);
    let mut source = record;
    if is_flat(&fields) {
        // The record is one PIC X field: the structure is that of what the program puts in it.
        // Each candidate with the first statement that fills the record from it.
        let mut sources: BTreeMap<ItemId, String> = BTreeMap::new();
        for (rec, from, _) in writes {
            if let Some(Operand::Ref(r)) = from {
                if let (None, Ok(s)) = (&r.refmod, model.resolve(r)) {
                    sources
                        .entry(s)
                        .or_insert_with(|| format!("WRITE {} FROM {}", rec.name, name(s)));
                }
            }
        }
        for (from, to) in moves {
            let Operand::Ref(r) = from else { continue };
            if r.refmod.is_some() || to.refmod.is_some() {
                continue;
            }
            let into_record = model.resolve(to).is_ok_and(|t| file.records.contains(&t));
            if let (true, Ok(s)) = (into_record, model.resolve(r)) {
                sources
                    .entry(s)
                    .or_insert_with(|| format!("MOVE {} TO {}", name(s), to.name));
            }
        }
        sources.retain(|&s, _| {
            let it = &model.items[s];
            !it.is_elementary() && it.size <= len && model.file_of(s) != Some(index)
        });
        let described: Vec<(ItemId, Vec<FieldLayout>, bool)> = sources
            .keys()
            .map(|&s| {
                let (f, t) = fields_of(model, s);
                (s, f, t)
            })
            .filter(|(_, f, _)| !is_flat(f))
            .collect();
        let shapes: BTreeSet<Vec<(usize, usize, String)>> = described
            .iter()
            .map(|(_, f, _)| {
                f.iter()
                    .map(|x| (x.offset, x.len, format!("{:?}", x.kind)))
                    .collect()
            })
            .collect();
        match described.as_slice() {
            [] => {
                return Err(format!(
                    "record {} is one unstructured field and no group item is moved into it or \
                     written FROM",
                    name(record)
                ))
            }
            [(s, f, t), rest @ ..] if shapes.len() == 1 => {
                note = format!(
                    "record {} is one unstructured field; fields of {} ({}){}",
                    name(record),
                    name(*s),
                    sources[s],
                    if rest.is_empty() {
                        String::new()
                    } else {
                        let others: Vec<String> = rest.iter().map(|(o, _, _)| name(*o)).collect();
                        format!(" (as {}, laid out alike)", others.join(", "))
                    }
                );
                source = *s;
                fields = f.clone();
                truncated = *t;
            }
            _ => {
                let names: Vec<String> = described.iter().map(|(s, _, _)| name(*s)).collect();
                return Err(format!(
                    "record {} is one unstructured field filled from items laid out differently \
                     ({})",
                    name(record),
                    names.join(", ")
                ));
            }
        }
    }
    if truncated {
        note.push_str(&format!("; the first {MAX_FIELDS} fields only"));
    }
    let layout = RecordLayout {
        record_len: len,
        fields,
        lines: Some(lines),
    };
    Ok((name(source), note, layout))
}

/// The record whose fields describe the file, and why that one.
fn choose_record(model: &ProgramModel, index: usize) -> Option<(ItemId, String)> {
    let file = &model.files[index];
    let name = |id: ItemId| {
        model.items[id]
            .name
            .clone()
            .unwrap_or_else(|| "FILLER".into())
    };
    let size = |id: ItemId| model.items[id].size;
    let count = |id: ItemId| model.elementary_under(id).len();
    match file.records.as_slice() {
        [] => None,
        [one] => Some((*one, format!("the FD's only record, {} bytes", size(*one)))),
        all => {
            let names: Vec<String> = all.iter().map(|&r| name(r)).collect();
            let of_len: Vec<ItemId> = all
                .iter()
                .copied()
                .filter(|&r| size(r) == file.size)
                .collect();
            let (pool, why) = if of_len.is_empty() {
                (all.to_vec(), "the longest record")
            } else {
                (of_len, "the record of the record length")
            };
            // The longest, then the one with the most fields; the first of equals.
            let best = pool
                .iter()
                .copied()
                .rev()
                .max_by_key(|&r| (size(r), count(r)))?;
            let tie = pool.iter().filter(|&&r| size(r) == size(best)).count() > 1;
            Some((
                best,
                format!(
                    "{why} ({} bytes{}) of the FD's records {}",
                    size(best),
                    if tie {
                        ", the one with the most fields"
                    } else {
                        ""
                    },
                    names.join(", ")
                ),
            ))
        }
    }
}

/// True when `id` or one of its parents up to `root` has OCCURS DEPENDING ON.
fn has_depending(model: &ProgramModel, mut id: ItemId, root: ItemId) -> bool {
    loop {
        if model.items[id].depending_on.is_some() {
            return true;
        }
        if id == root {
            return false;
        }
        match model.items[id].parent {
            Some(p) => id = p,
            None => return false,
        }
    }
}

/// One PIC X field and nothing else.
fn is_flat(fields: &[FieldLayout]) -> bool {
    matches!(fields, [f] if f.kind == FieldKind::Alphanumeric)
}

/// The elementary items under `root` as fields (offsets relative to `root`), every occurrence of
/// a table inside it listed, in storage order; true when cut at [`MAX_FIELDS`].
fn fields_of(model: &ProgramModel, root: ItemId) -> (Vec<FieldLayout>, bool) {
    let base = &model.items[root];
    let elementary: Vec<ItemId> = model
        .elementary_under(root)
        .into_iter()
        .filter(|&e| !matches!(model.items[e].kind, ItemKind::Renames))
        .collect();
    let plain = |id: ItemId| {
        model.items[id]
            .name
            .clone()
            .filter(|n| !n.eq_ignore_ascii_case("FILLER"))
    };
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for &e in &elementary {
        if let Some(n) = plain(e) {
            *seen.entry(n).or_default() += 1;
        }
    }
    let mut fields = Vec::new();
    let mut truncated = false;
    'items: for &e in &elementary {
        let item = &model.items[e];
        let rel = item.offset - base.offset;
        let name = plain(e).map(|n| {
            if seen.get(&n).copied().unwrap_or(0) > 1 {
                qualified(model, e, root, n)
            } else {
                n
            }
        });
        let dims = &item.dims[base.dims.len().min(item.dims.len())..];
        let mut index = vec![0u32; dims.len()];
        loop {
            if fields.len() >= MAX_FIELDS {
                truncated = true;
                break 'items;
            }
            let offset = rel
                + dims
                    .iter()
                    .zip(&index)
                    .map(|(d, &i)| d.stride * i as usize)
                    .sum::<usize>();
            let label = match &name {
                Some(n) if index.is_empty() => n.clone(),
                Some(n) => {
                    let subs: Vec<String> = index.iter().map(|i| (i + 1).to_string()).collect();
                    format!("{n} ({})", subs.join(", "))
                }
                None => format!("FILLER (bytes {}-{})", offset + 1, offset + item.size),
            };
            fields.push(FieldLayout {
                name: label,
                offset,
                len: item.size,
                kind: kind_of(&item.kind),
            });
            // Next subscript combination, the innermost fastest.
            let mut k = index.len();
            loop {
                if k == 0 {
                    continue 'items;
                }
                k -= 1;
                index[k] += 1;
                if index[k] < dims[k].max.max(1) {
                    break;
                }
                index[k] = 0;
            }
        }
    }
    fields.sort_by_key(|f| f.offset);
    (fields, truncated)
}

/// `NAME OF PARENT` (the nearest named parent up to `root`) for a name used twice in a record.
fn qualified(model: &ProgramModel, id: ItemId, root: ItemId, name: String) -> String {
    let mut p = model.items[id].parent;
    while let Some(parent) = p {
        if let Some(n) = model.items[parent]
            .name
            .as_deref()
            .filter(|n| !n.eq_ignore_ascii_case("FILLER"))
        {
            return format!("{name} OF {n}");
        }
        if parent == root {
            break;
        }
        p = model.items[parent].parent;
    }
    name
}

/// How an item's bytes encode its value.
fn kind_of(kind: &ItemKind) -> FieldKind {
    match kind {
        ItemKind::Numeric {
            scale,
            signed,
            usage,
            ..
        } => {
            let (scale, signed) = ((*scale).max(0) as u32, *signed);
            match usage {
                NumUsage::Display => FieldKind::Zoned { scale, signed },
                NumUsage::Packed => FieldKind::Packed { scale, signed },
                NumUsage::Binary | NumUsage::BinaryIbm => FieldKind::Binary {
                    scale,
                    signed,
                    little_endian: false,
                },
                NumUsage::NativeBinary => FieldKind::Binary {
                    scale,
                    signed,
                    little_endian: cfg!(target_endian = "little"),
                },
            }
        }
        _ => FieldKind::Alphanumeric,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(src: &str) -> Program {
        let parsed = ferry_syntax::parse(src);
        assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
        parsed.unit.programs.into_iter().next().unwrap()
    }

    fn layouts(programs: &[&str]) -> Layouts {
        let parsed: Vec<Program> = programs.iter().map(|s| parse(s)).collect();
        let models: Vec<ProgramModel> = parsed.iter().map(ferry_model::build).collect();
        let pairs: Vec<(&Program, &ProgramModel)> = parsed.iter().zip(&models).collect();
        compute_programs(&pairs)
    }

    /// A program with the given FILE-CONTROL, FILE SECTION, WORKING-STORAGE and PROCEDURE text.
    fn program(name: &str, select: &str, fd: &str, ws: &str, proc: &str) -> String {
        format!(
            "       IDENTIFICATION DIVISION.\n       PROGRAM-ID. {name}.\n       ENVIRONMENT DIVISION.\n       INPUT-OUTPUT SECTION.\n       FILE-CONTROL.\n{select}\n       DATA DIVISION.\n       FILE SECTION.\n{fd}\n       WORKING-STORAGE SECTION.\n{ws}\n       PROCEDURE DIVISION.\n{proc}\n           STOP RUN.\n"
        )
    }

    fn field<'a>(l: &'a RecordLayout, name: &str) -> &'a FieldLayout {
        l.fields
            .iter()
            .find(|f| f.name == name)
            .unwrap_or_else(|| panic!("no field {name} in {l:?}"))
    }

    #[test]
    fn layout_of_a_small_fd_keyed_by_assign_name() {
        let src = program(
            "WRITER",
            "           SELECT OUT-FILE ASSIGN TO \"OUTDAT\"\n               ORGANIZATION IS LINE SEQUENTIAL.\n           SELECT IN-FILE ASSIGN TO \"INDAT\".",
            "       FD  OUT-FILE.\n       01  OUT-REC.\n           05  OUT-ID      PIC X(4).\n           05  FILLER      PIC X.\n           05  OUT-PAY     PIC S9(5)V99.\n           05  OUT-PACKED  PIC S9(3)V9 COMP-3.\n           05  OUT-BIN     PIC 9(4) COMP.\n           05  OUT-TAB     OCCURS 2.\n               10  OUT-T   PIC 99.\n       FD  IN-FILE.\n       01  IN-REC      PIC X(10).",
            "       01  WS-X PIC X.",
            "           OPEN INPUT IN-FILE OUTPUT OUT-FILE\n           WRITE OUT-REC\n           CLOSE OUT-FILE IN-FILE",
        );
        let l = layouts(&[&src]);
        // Only the file written, under its ASSIGN name.
        assert_eq!(l.files.len(), 1, "{l:?}");
        let f = &l.files[0];
        assert_eq!(
            (f.output.as_str(), f.program.as_str(), f.file.as_str()),
            ("OUTDAT", "WRITER", "OUT-FILE")
        );
        assert_eq!(f.organization, "line-sequential");
        assert_eq!(f.record.as_deref(), Some("OUT-REC"));
        assert_eq!(f.run_units, vec!["WRITER".to_string()]);
        let layout = f.layout.as_ref().unwrap();
        assert_eq!(layout.record_len, 4 + 1 + 7 + 3 + 2 + 4);
        assert_eq!(layout.lines, Some(true));
        let names: Vec<&str> = layout.fields.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(
            names,
            vec![
                "OUT-ID",
                "FILLER (bytes 5-5)",
                "OUT-PAY",
                "OUT-PACKED",
                "OUT-BIN",
                "OUT-T (1)",
                "OUT-T (2)"
            ]
        );
        let pay = field(layout, "OUT-PAY");
        assert_eq!(
            (pay.offset, pay.len, pay.kind),
            (
                5,
                7,
                FieldKind::Zoned {
                    scale: 2,
                    signed: true
                }
            )
        );
        assert_eq!(
            field(layout, "OUT-PACKED").kind,
            FieldKind::Packed {
                scale: 1,
                signed: true
            }
        );
        assert_eq!(
            field(layout, "OUT-BIN").kind,
            FieldKind::Binary {
                scale: 0,
                signed: false,
                little_endian: false
            }
        );
        assert_eq!(field(layout, "OUT-T (2)").offset, 19);
        // verify's map, and a diff through it.
        let map = flatten(&l);
        assert_eq!(map.keys().collect::<Vec<_>>(), vec!["OUTDAT"]);
        let d = map["OUTDAT"]
            .diff(b"A001 0012345\n", b"A001 0012346\n")
            .unwrap();
        assert_eq!(
            d,
            vec!["record 1, field OUT-PAY: expected +00123.45, got +00123.46"]
        );
    }

    #[test]
    fn the_record_of_the_record_length_is_chosen_among_several() {
        let src = program(
            "MULTI",
            "           SELECT F ASSIGN TO \"MULTI.DAT\".",
            "       FD  F RECORD CONTAINS 12 CHARACTERS.\n       01  SHORT-REC.\n           05  S-A PIC X(6).\n           05  S-B PIC X(6).\n       01  FLAT-REC PIC X(12).\n       01  LONG-REC.\n           05  L-ID   PIC X(2).\n           05  L-N    PIC 9(8).\n           05  L-C    PIC XX.",
            "       01  WS-X PIC X.",
            "           OPEN OUTPUT F\n           WRITE LONG-REC\n           CLOSE F",
        );
        let l = layouts(&[&src]);
        let f = &l.files[0];
        assert_eq!(f.output, "MULTI.DAT");
        assert_eq!(f.organization, "sequential");
        // All three are 12 bytes: the one with the most fields wins, and the note says so.
        assert_eq!(f.record.as_deref(), Some("LONG-REC"), "{f:?}");
        assert!(f.note.contains("the most fields"), "{}", f.note);
        assert!(
            f.note.contains("SHORT-REC, FLAT-REC, LONG-REC"),
            "{}",
            f.note
        );
        let layout = f.layout.as_ref().unwrap();
        assert_eq!(layout.lines, Some(false));
        assert_eq!(layout.fields.len(), 3);
        // A fixed file: a record per 12 bytes.
        let d = layout
            .diff(b"AA00000001XXBB00000002YY", b"AA00000001XXBB00000003YY")
            .unwrap();
        assert_eq!(
            d,
            vec!["record 2, field L-N: expected 00000002, got 00000003"]
        );

        // Records of different lengths in a LINE SEQUENTIAL file: the longest one.
        let src = program(
            "LONGEST",
            "           SELECT F ASSIGN TO \"OUT\" ORGANIZATION LINE SEQUENTIAL.",
            "       FD  F.\n       01  HDR-REC.\n           05  H-A PIC X(3).\n       01  DTL-REC.\n           05  D-A PIC X(3).\n           05  D-B PIC 9(3).",
            "       01  WS-X PIC X.",
            "           OPEN OUTPUT F\n           WRITE HDR-REC\n           CLOSE F",
        );
        let l = layouts(&[&src]);
        assert_eq!(l.files[0].record.as_deref(), Some("DTL-REC"));
        assert!(l.files[0].note.contains("HDR-REC, DTL-REC"));
    }

    #[test]
    fn a_flat_record_takes_the_layout_moved_into_it() {
        let src = program(
            "TOTALS",
            "           SELECT T ASSIGN TO \"PAYTOT\" ORGANIZATION LINE SEQUENTIAL.\n           SELECT R ASSIGN TO \"PAYRPT\" ORGANIZATION LINE SEQUENTIAL.\n           SELECT V ASSIGN TO \"VAR\".",
            "       FD  T.\n       01  T-REC PIC X(20).\n       FD  R.\n       01  R-LINE PIC X(20).\n       FD  V.\n       01  V-A PIC X(4).\n       01  V-B PIC X(8).",
            "       01  WS-TOT.\n           05  WS-COUNT PIC 9(5).\n           05  WS-NET   PIC S9(7)V99.\n           05  WS-CODE  PIC X(2).\n       01  WS-HDG.\n           05  FILLER PIC X(10) VALUE 'HEADING'.\n           05  WS-PAGE PIC Z9.",
            "           OPEN OUTPUT T R V\n           MOVE WS-TOT TO T-REC\n           WRITE T-REC\n           WRITE R-LINE FROM WS-HDG AFTER ADVANCING PAGE\n           WRITE V-A\n           CLOSE T R V",
        );
        let l = layouts(&[&src]);
        let by = |o: &str| l.files.iter().find(|f| f.output == o).unwrap();
        let t = by("PAYTOT");
        assert_eq!(t.record.as_deref(), Some("WS-TOT"));
        assert!(t.note.contains("(MOVE WS-TOT TO T-REC)"), "{}", t.note);
        let layout = t.layout.as_ref().unwrap();
        assert_eq!(layout.record_len, 20);
        let d = layout
            .diff(b"00003000123450AB\n", b"00003000123440AB\n")
            .unwrap();
        assert_eq!(
            d,
            vec!["record 1, field WS-NET: expected +0001234.50, got +0001234.40"]
        );
        // A print file and a variable-length record file have no layout, with the reason.
        let r = by("PAYRPT");
        assert!(r.layout.is_none() && r.note.contains("ADVANCING"), "{r:?}");
        let v = by("VAR");
        assert!(
            v.layout.is_none() && v.note.contains("variable-length"),
            "{v:?}"
        );
        assert_eq!(flatten(&l).keys().collect::<Vec<_>>(), vec!["PAYTOT"]);
    }

    #[test]
    fn different_layouts_under_one_name_are_scoped_to_the_programs_that_write_them() {
        let a = program(
            "PROG-A",
            "           SELECT F ASSIGN TO \"OUT\" ORGANIZATION LINE SEQUENTIAL.",
            "       FD  F.\n       01  A-REC.\n           05  A-X PIC X(2).\n           05  A-N PIC 9(2).",
            "       01  WS-X PIC X.",
            "           OPEN OUTPUT F\n           WRITE A-REC\n           CLOSE F\n           CALL \"PROG-C\"",
        );
        let b = program(
            "PROG-B",
            "           SELECT F ASSIGN TO \"OUT\" ORGANIZATION LINE SEQUENTIAL.",
            "       FD  F.\n       01  B-REC.\n           05  B-N PIC 9(4).",
            "       01  WS-X PIC X.",
            "           OPEN OUTPUT F\n           WRITE B-REC\n           CLOSE F",
        );
        let main = program(
            "MAIN",
            "           SELECT F ASSIGN TO \"OTHER\" ORGANIZATION LINE SEQUENTIAL.",
            "       FD  F.\n       01  M-REC.\n           05  M-N PIC 9(4).\n           05  M-X PIC X.",
            "       01  WS-X PIC X.",
            "           CALL \"PROG-B\"\n           OPEN OUTPUT F\n           WRITE M-REC\n           CLOSE F",
        );
        let l = layouts(&[&a, &b, &main]);
        let b_entry = l.files.iter().find(|f| f.program == "PROG-B").unwrap();
        assert_eq!(
            b_entry.run_units,
            vec!["MAIN".to_string(), "PROG-B".to_string()]
        );
        let map = flatten(&l);
        let keys: Vec<&String> = map.keys().collect();
        assert_eq!(keys, vec!["MAIN:OUT", "OTHER", "PROG-A:OUT", "PROG-B:OUT"]);
        assert_eq!(map["MAIN:OUT"].fields[0].name, "B-N");
        assert_eq!(map["PROG-A:OUT"].fields[0].name, "A-X");
    }

    #[test]
    fn layouts_round_trip_through_out() {
        let src = program(
            "WRITER",
            "           SELECT F ASSIGN TO \"OUT\" ORGANIZATION LINE SEQUENTIAL.",
            "       FD  F.\n       01  REC.\n           05  A PIC X(2).\n           05  N PIC 9(2).",
            "       01  WS-X PIC X.",
            "           OPEN OUTPUT F\n           WRITE REC\n           CLOSE F",
        );
        let l = layouts(&[&src]);
        let dir = tempfile::tempdir().unwrap();
        let text = serde_json::to_string_pretty(&l).unwrap();
        ferry_report::write_atomic(&dir.path().join(LAYOUTS_FILE), text.as_bytes()).unwrap();
        assert_eq!(load(dir.path()), flatten(&l));
        assert!(load(&dir.path().join("missing")).is_empty());
        std::fs::write(dir.path().join(LAYOUTS_FILE), "{").unwrap();
        assert!(load(dir.path()).is_empty());
    }
}
