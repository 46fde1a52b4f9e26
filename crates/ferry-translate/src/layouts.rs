//! Shared record layouts: a copybook copied by several programs becomes one crate holding its record
//! layouts once (`layout_<copybook>`), and every program that copies it takes its field descriptors
//! from there, placed at the record's offset in the program's storage.
//!
//! A layout is shared only when every program that copies the copybook gets exactly the same records
//! from it (same items, levels, sizes and kinds at the same relative offsets): a `COPY ... REPLACING`
//! that changes a name or a picture, or a copybook that holds no 01-level record, keeps each program's
//! own descriptors, and the reason is recorded.

use std::collections::BTreeMap;

use ferry_model::{ItemId, ItemKind, ProgramModel};
use serde::{Deserialize, Serialize};

use crate::naming::{crate_name, snake, Namer};
use crate::ProgramInput;

/// A copybook's records, shared by the programs that copy it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SharedLayout {
    /// The copybook's name (`EMPREC`).
    pub copybook: String,
    /// Its path, relative to the source root, as the source map names it.
    pub path: String,
    pub crate_name: String,
    pub records: Vec<SharedRecord>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SharedRecord {
    /// The 01 item's COBOL name.
    pub name: String,
    /// The Rust module holding its fields.
    pub module: String,
    pub size: usize,
    pub items: Vec<SharedItem>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SharedItem {
    pub name: String,
    pub level: u8,
    /// The `const fn` giving the item's descriptor for a record placed at `base`.
    pub function: String,
    /// Offset from the start of the record.
    pub offset: usize,
    /// The descriptor with `base + offset` in place of the absolute offset.
    pub descriptor: String,
    pub line: u32,
}

/// Placeholder offset used to turn a descriptor into a template.
const SENTINEL: usize = 987_654_321;

/// The 01 records whose description starts in `path`, with their item ids.
fn records_in(input: &ProgramInput<'_>, path: &str) -> Vec<(ItemId, Vec<ItemId>)> {
    let model: &ProgramModel = input.model;
    let mut out = Vec::new();
    for (id, it) in model.items.iter().enumerate() {
        if it.level != 1 || it.name.is_none() {
            continue;
        }
        let (file, _, _) = (input.locate)(it.span.start);
        if file != path {
            continue;
        }
        let mut items = Vec::new();
        let mut stack = vec![id];
        while let Some(i) = stack.pop() {
            if !matches!(model.items[i].kind, ItemKind::Condition { .. }) {
                items.push(i);
            }
            stack.extend(model.items[i].children.iter().rev().copied());
        }
        out.push((id, items));
    }
    out
}

/// What one program gets from the copybook, with program-independent descriptors.
fn records_of(input: &ProgramInput<'_>, path: &str) -> Vec<SharedRecord> {
    let model = input.model;
    records_in(input, path)
        .into_iter()
        .map(|(root, items)| {
            let base = model.items[root].offset;
            let mut namer = Namer::default();
            let items = items
                .into_iter()
                .map(|i| {
                    let it = &model.items[i];
                    let mut probe = it.clone();
                    probe.offset = SENTINEL;
                    let rel = it.offset - base;
                    let descriptor = crate::emit::descriptor(
                        &probe,
                        model.decimal_point_is_comma,
                        model.currency,
                    )
                    .replace(&SENTINEL.to_string(), &format!("base + {rel}"));
                    let name = it.name.clone().unwrap_or_else(|| "FILLER".into());
                    let function = namer.unique(match &it.name {
                        Some(n) => snake(n, "f_"),
                        None => format!("filler_{rel}"),
                    });
                    let (_, line, _) = (input.locate)(it.span.start);
                    SharedItem {
                        name,
                        level: it.level,
                        function,
                        offset: rel,
                        descriptor,
                        line,
                    }
                })
                .collect();
            let name = model.items[root].name.clone().unwrap_or_default();
            SharedRecord {
                module: snake(&name, "r_"),
                name,
                size: model.items[root].size,
                items,
            }
        })
        .collect()
}

/// The shared layout of copybook `name` (at `path`) for the programs that copy it, or why it
/// cannot be shared.
pub fn shared_layout(
    name: &str,
    path: &str,
    users: &[&ProgramInput<'_>],
) -> Result<SharedLayout, String> {
    let mut records: Option<Vec<SharedRecord>> = None;
    for u in users {
        let mine = records_of(u, path);
        if mine.is_empty() {
            return Err(format!(
                "{} gets no 01-level record from it (a copybook of subordinate items is not shared)",
                u.program.name
            ));
        }
        match &records {
            None => records = Some(mine),
            Some(r) if same(r, &mine) => {}
            Some(_) => {
                return Err(format!(
                    "{} gets different records from it (COPY ... REPLACING or another context)",
                    u.program.name
                ))
            }
        }
    }
    let records = records.ok_or_else(|| "no program copies it".to_string())?;
    Ok(SharedLayout {
        copybook: name.to_string(),
        path: path.to_string(),
        crate_name: format!("layout_{}", crate_name(name)),
        records,
    })
}

/// Equal records, line numbers aside (they are the copybook's either way).
fn same(a: &[SharedRecord], b: &[SharedRecord]) -> bool {
    let key = |r: &[SharedRecord]| -> Vec<(String, usize, Vec<(String, u8, usize, String)>)> {
        r.iter()
            .map(|r| {
                (
                    r.name.clone(),
                    r.size,
                    r.items
                        .iter()
                        .map(|i| (i.name.clone(), i.level, i.offset, i.descriptor.clone()))
                        .collect(),
                )
            })
            .collect()
    };
    key(a) == key(b)
}

/// The layout crate's `src/lib.rs`.
pub fn layout_source(layout: &SharedLayout) -> String {
    let mut s = String::new();
    s.push_str(&format!(
        "//! Record layouts of copybook {} ({}), shared by the programs that copy it: each function\n//! gives a field's descriptor for a record placed at `base` in a program's storage.\n\n",
        layout.copybook, layout.path
    ));
    for r in &layout.records {
        s.push_str(&format!(
            "/// 01 {} ({}:{})\n#[allow(dead_code)]\npub mod {} {{\n    #[allow(unused_imports)]\n    use ferry_runtime::{{AlnumEditField, AlnumField, EditField, Field, NumField, SignMode}};\n\n    /// Size of the record in bytes.\n    pub const SIZE: usize = {};\n",
            r.name,
            layout.path,
            r.items.first().map_or(0, |i| i.line),
            r.module,
            r.size
        ));
        for i in &r.items {
            s.push_str(&format!(
                "\n    /// {:02} {} ({}:{})\n    pub const fn {}(base: usize) -> Field {{\n        {}\n    }}\n",
                i.level, i.name, layout.path, i.line, i.function, i.descriptor
            ));
        }
        s.push_str("}\n\n");
    }
    s
}

/// For one program: item id -> the expression of its descriptor taken from a shared layout, and
/// the layout crates it uses.
pub(crate) fn shared_descriptors(
    input: &ProgramInput<'_>,
    layouts: &[SharedLayout],
) -> (BTreeMap<ItemId, String>, Vec<String>) {
    let mut out = BTreeMap::new();
    let mut crates = Vec::new();
    for l in layouts {
        let mine = records_in(input, &l.path);
        if mine.is_empty() || !same(&records_of(input, &l.path), &l.records) {
            continue;
        }
        for ((root, items), rec) in mine.iter().zip(&l.records) {
            let base = input.model.items[*root].offset;
            for (id, item) in items.iter().zip(&rec.items) {
                out.insert(
                    *id,
                    format!(
                        "{}::{}::{}({base})",
                        l.crate_name, rec.module, item.function
                    ),
                );
            }
        }
        crates.push(l.crate_name.clone());
    }
    (out, crates)
}
