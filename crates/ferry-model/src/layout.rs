//! Storage layout of one program and name resolution over it.

use ferry_syntax::ast::{self, DataItem, DataRef, Literal, Program, Span, Usage};
use serde::{Deserialize, Serialize};

use crate::picture::{parse_picture, Category, Picture};

pub type ItemId = usize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Section {
    /// The record area of the file with this index in `ProgramModel::files`.
    File(usize),
    WorkingStorage,
    LocalStorage,
    Linkage,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum NumUsage {
    Display,
    Packed,
    Binary,
    NativeBinary,
    /// COMP / BINARY / COMP-4 under `-std=ibm`: big-endian, 2-4-8 bytes, not truncated to the
    /// PICTURE (binary-truncate: no).
    BinaryIbm,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ItemKind {
    Group,
    Alphanumeric {
        justified: bool,
    },
    Alphabetic {
        justified: bool,
    },
    Numeric {
        digits: u32,
        scale: i32,
        signed: bool,
        usage: NumUsage,
        sign_leading: bool,
        sign_separate: bool,
    },
    NumericEdited {
        picture: String,
        digits: u32,
        scale: i32,
        blank_when_zero: bool,
    },
    AlphanumericEdited {
        picture: String,
    },
    Float,
    Double,
    Index,
    Pointer,
    /// Level 88: a condition on its parent.
    Condition {
        values: Vec<(Literal, Option<Literal>)>,
        false_value: Option<Literal>,
    },
    /// Level 66: an alphanumeric view of a range of its record.
    Renames,
}

/// One table dimension an item sits in: the byte stride of one occurrence and the occurrence count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dim {
    pub stride: usize,
    pub max: u32,
    pub min: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Item {
    pub name: Option<String>,
    pub level: u8,
    pub parent: Option<ItemId>,
    pub children: Vec<ItemId>,
    pub section: Section,
    /// Offset of the first occurrence in the program's storage.
    pub offset: usize,
    /// Size of one occurrence.
    pub size: usize,
    /// Dimensions from the outermost table inward (the item's own OCCURS last).
    pub dims: Vec<Dim>,
    /// The OCCURS DEPENDING ON object of the item's own OCCURS, if any.
    pub depending_on: Option<DataRef>,
    pub kind: ItemKind,
    pub value: Option<Literal>,
    pub redefines: Option<ItemId>,
    pub external: bool,
    pub global: bool,
    pub span: Span,
}

impl Item {
    pub fn is_elementary(&self) -> bool {
        !matches!(self.kind, ItemKind::Group | ItemKind::Condition { .. })
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FileModel {
    pub name: String,
    pub control: Option<ast::FileControl>,
    pub kind: ast::FdKind,
    /// Offset and size of the record area (the largest record).
    pub offset: usize,
    pub size: usize,
    pub min_size: usize,
    pub records: Vec<ItemId>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ModelError {
    pub span: Span,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProgramModel {
    pub name: String,
    pub items: Vec<Item>,
    pub files: Vec<FileModel>,
    /// Top-level (01/77) items of the LINKAGE SECTION, in order.
    pub linkage: Vec<ItemId>,
    pub storage_size: usize,
    pub errors: Vec<ModelError>,
    pub decimal_point_is_comma: bool,
    pub currency: char,
    /// The cobc dialect the program is compiled under (sizes of binary items depend on it).
    #[serde(default)]
    pub dialect: Dialect,
}

/// The cobc dialect (`-std=`) a program is compiled and recorded under. Only the options that
/// change what a program does are modelled (`docs/gnucobol-behaviour.md`, "IBM dialect").
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Dialect {
    /// cobc's default dialect (`default.conf`).
    #[default]
    Default,
    /// `-std=ibm` (`ibm.conf`): binary-size 2-4-8, binary-truncate no, pretty-display no,
    /// assign-clause external, arithmetic-osvs, move-ibm, perform-osvs, hostsign, sticky-linkage.
    Ibm,
}

impl Dialect {
    /// Bytes of a COMP / BINARY / COMP-4 item of `digits` digits: binary-size 1-2-4-8 in the
    /// default dialect, 2-4-8 under IBM (COMP-5 keeps 1-2-4-8 in both).
    pub fn binary_size(self, digits: u32) -> usize {
        match (self, digits) {
            (Dialect::Ibm, 0..=4) => 2,
            _ => binary_size(digits),
        }
    }
}

struct Builder<'p> {
    model: ProgramModel,
    program: &'p Program,
    /// INDEXED BY names met while laying out tables: (name, table item, span).
    index_names: Vec<(String, ItemId, Span)>,
}

/// Lays out the data of `program` (cobc's default dialect).
pub fn build(program: &Program) -> ProgramModel {
    build_dialect(program, Dialect::Default)
}

/// Lays out the data of `program` compiled under `dialect`.
pub fn build_dialect(program: &Program, dialect: Dialect) -> ProgramModel {
    let sn = &program.environment.special_names;
    let currency = sn
        .currency_sign
        .as_deref()
        .and_then(|s| s.chars().next())
        .unwrap_or('$');
    let mut b = Builder {
        model: ProgramModel {
            name: program.name.clone(),
            items: Vec::new(),
            files: Vec::new(),
            linkage: Vec::new(),
            storage_size: 0,
            errors: Vec::new(),
            decimal_point_is_comma: sn.decimal_point_is_comma,
            currency,
            dialect,
        },
        program,
        index_names: Vec::new(),
    };
    let mut cursor = 0usize;
    for fd in &program.data.files {
        let control = program
            .environment
            .files
            .iter()
            .find(|f| f.name == fd.name)
            .cloned();
        if control.is_none() && fd.kind == ast::FdKind::Fd {
            b.error(fd.span, format!("file {} has an FD but no SELECT", fd.name));
        }
        let index = b.model.files.len();
        let (mut max, mut min) = (0usize, usize::MAX);
        let mut records = Vec::new();
        for rec in &fd.records {
            let (id, size) = b.item(rec, None, Section::File(index), cursor, &[], Usage::Display);
            records.push(id);
            max = max.max(size);
            min = min.min(size);
        }
        if let Some(m) = fd.record_max {
            max = max.max(m as usize);
        }
        let min = fd
            .record_min
            .map_or(if min == usize::MAX { max } else { min }, |m| m as usize);
        b.model.files.push(FileModel {
            name: fd.name.clone(),
            control,
            kind: fd.kind,
            offset: cursor,
            size: max,
            min_size: min,
            records,
            span: fd.span,
        });
        cursor += max;
    }
    for f in &program.environment.files {
        if !program.data.files.iter().any(|fd| fd.name == f.name) {
            b.error(f.span, format!("file {} is SELECTed but has no FD", f.name));
        }
    }
    // SQLCA, DFHEIBLK, DLIDIB: what a precompiler would have inserted for the EXEC blocks, laid out
    // after the program's own WORKING-STORAGE.
    let interface_blocks = crate::precompiler::items(program);
    for (items, section) in [
        (&program.data.working_storage, Section::WorkingStorage),
        (&interface_blocks, Section::WorkingStorage),
        (&program.data.local_storage, Section::LocalStorage),
        (&program.data.linkage, Section::Linkage),
    ] {
        cursor = b.level_01s(items, section, cursor);
    }
    // Index-names hold the occurrence number (1-based) as a native binary word after all data.
    for (name, table, span) in std::mem::take(&mut b.index_names) {
        let _ = table;
        b.model.items.push(Item {
            name: Some(name),
            level: 0,
            parent: None,
            children: Vec::new(),
            section: Section::WorkingStorage,
            offset: cursor,
            size: 4,
            dims: Vec::new(),
            depending_on: None,
            kind: ItemKind::Index,
            value: None,
            redefines: None,
            external: false,
            global: false,
            span,
        });
        cursor += 4;
    }
    b.model.storage_size = cursor;
    b.model
}

fn binary_size(digits: u32) -> usize {
    match digits {
        0..=2 => 1,
        3..=4 => 2,
        5..=9 => 4,
        10..=18 => 8,
        _ => 16,
    }
}

impl Builder<'_> {
    fn error(&mut self, span: Span, message: String) {
        self.model.errors.push(ModelError { span, message });
    }

    /// SYNCHRONIZED: cobc puts a binary (COMP, COMP-5), floating-point, index or pointer item of
    /// 2, 4 or 8 bytes at an offset from the start of its level-01 record that is a multiple of
    /// its size, with slack bytes before it (checked with cobc 3.1.2: `X, S9(9) COMP SYNC` puts
    /// the binary item at 4). Moves the item `id` laid out at `start` there; returns its start.
    /// Inside a table cobc lays out each entry on its own (slack inside and between entries):
    /// not laid out here, so refused.
    fn synchronize(&mut self, id: ItemId, start: usize, in_table: bool) -> usize {
        let it = &self.model.items[id];
        let align = match it.kind {
            ItemKind::Numeric {
                usage: NumUsage::Binary | NumUsage::NativeBinary | NumUsage::BinaryIbm,
                ..
            }
            | ItemKind::Float
            | ItemKind::Double
            | ItemKind::Index
            | ItemKind::Pointer => it.size,
            _ => 1,
        };
        if align <= 1 || !it.children.iter().all(|&c| self.model.items[c].level == 88) {
            return start;
        }
        let span = it.span;
        if in_table {
            self.error(
                span,
                "SYNCHRONIZED binary item inside OCCURS: cobc's slack bytes within and between table entries are not laid out yet".into(),
            );
            return start;
        }
        let mut root = id;
        while let Some(p) = self.model.items[root].parent {
            root = p;
        }
        let base = self.model.items[root].offset;
        let rel = start - base;
        let aligned = base + rel.div_ceil(align) * align;
        let delta = aligned - start;
        if delta > 0 {
            self.model.items[id].offset += delta;
            let conds = self.model.items[id].children.clone();
            for c in conds {
                self.model.items[c].offset += delta;
            }
        }
        aligned
    }

    fn level_01s(&mut self, items: &[DataItem], section: Section, mut cursor: usize) -> usize {
        let mut tops: Vec<ItemId> = Vec::new();
        for it in items {
            if it.level == 66 {
                self.renames(it, tops.last().copied());
                continue;
            }
            let redefined = it.redefines.as_ref().and_then(|r| self.sibling(&tops, r));
            let start = redefined.map_or(cursor, |id| self.model.items[id].offset);
            let (id, size) = self.item(it, None, section, start, &[], Usage::Display);
            self.model.items[id].redefines = redefined;
            if redefined.is_none() {
                cursor = start + size;
            } else {
                cursor = cursor.max(start + size);
            }
            if section == Section::Linkage && it.level != 88 {
                self.model.linkage.push(id);
            }
            tops.push(id);
        }
        cursor
    }

    fn sibling(&self, ids: &[ItemId], name: &str) -> Option<ItemId> {
        ids.iter()
            .rev()
            .copied()
            .find(|&id| self.model.items[id].name.as_deref() == Some(name))
    }

    /// Lays out `it` at `offset`; returns its id and total size (all occurrences).
    fn item(
        &mut self,
        it: &DataItem,
        parent: Option<ItemId>,
        section: Section,
        offset: usize,
        outer: &[Dim],
        inherited: Usage,
    ) -> (ItemId, usize) {
        let id = self.model.items.len();
        let usage = if it.usage == Usage::Display {
            inherited
        } else {
            it.usage
        };
        self.model.items.push(Item {
            name: it.name.clone(),
            level: it.level,
            parent,
            children: Vec::new(),
            section,
            offset,
            size: 0,
            dims: outer.to_vec(),
            depending_on: it.occurs.as_ref().and_then(|o| o.depending_on.clone()),
            kind: ItemKind::Group,
            value: it.value.clone(),
            redefines: None,
            external: it.external,
            global: it.global,
            span: it.span,
        });
        if let Some(p) = parent {
            self.model.items[p].children.push(id);
        }
        if let Some(o) = &it.occurs {
            for name in &o.indexed_by {
                self.index_names.push((name.clone(), id, it.span));
            }
        }
        if it.level == 88 {
            let (p_off, p_size) = parent.map_or((offset, 0), |p| {
                (self.model.items[p].offset, self.model.items[p].size)
            });
            let item = &mut self.model.items[id];
            item.kind = ItemKind::Condition {
                values: it.condition_values.clone(),
                false_value: it.condition_false.clone(),
            };
            item.offset = p_off;
            item.size = p_size;
            return (id, 0);
        }
        let has_children = it.children.iter().any(|c| c.level != 88 && c.level != 66);
        let (kind, size) = if has_children {
            // Children are laid out after the group's own elementary attributes are known (none).
            (ItemKind::Group, 0)
        } else {
            self.elementary(it, usage)
        };
        let occurs = it.occurs.as_ref();
        let mut dims = outer.to_vec();
        let mut one = size;
        if has_children {
            // The stride of a table is only known after the children: lay them out relative to a
            // provisional dims list and fix the stride afterwards.
            if let Some(o) = occurs {
                dims.push(Dim {
                    stride: 0,
                    max: o.max,
                    min: o.min.unwrap_or(o.max),
                });
            }
            self.model.items[id].dims = dims.clone();
            let mut cursor = offset;
            let mut siblings: Vec<ItemId> = Vec::new();
            for child in &it.children {
                if child.level == 66 {
                    continue;
                }
                let redefined = child
                    .redefines
                    .as_ref()
                    .and_then(|r| self.sibling(&siblings, r));
                let start = redefined.map_or(cursor, |rid| self.model.items[rid].offset);
                let (cid, csize) = self.item(child, Some(id), section, start, &dims, usage);
                let start = if child.synchronized && redefined.is_none() {
                    self.synchronize(cid, start, !dims.is_empty())
                } else {
                    start
                };
                if child.level != 88 {
                    self.model.items[cid].redefines = redefined;
                    cursor = if redefined.is_some() {
                        cursor.max(start + csize)
                    } else {
                        start + csize
                    };
                    siblings.push(cid);
                }
            }
            one = cursor - offset;
            if occurs.is_some() {
                self.fix_stride(id, outer.len(), one);
                // `dims` is stored on the item below: it must carry the stride too.
                if let Some(d) = dims.last_mut() {
                    d.stride = one;
                }
            }
        } else {
            if let Some(o) = occurs {
                dims.push(Dim {
                    stride: size,
                    max: o.max,
                    min: o.min.unwrap_or(o.max),
                });
            }
            self.model.items[id].dims = dims.clone();
            self.model.items[id].size = size;
            // Condition-names of an elementary item.
            for child in it.children.iter().filter(|c| c.level == 88) {
                self.item(child, Some(id), section, offset, &dims, usage);
            }
        }
        let total = one * occurs.map_or(1, |o| o.max as usize);
        let item = &mut self.model.items[id];
        item.kind = kind;
        item.size = one;
        item.dims = dims;
        // Level-88 children recorded before the size was known take the final size.
        let conds: Vec<ItemId> = item.children.clone();
        for c in conds {
            if matches!(self.model.items[c].kind, ItemKind::Condition { .. }) {
                self.model.items[c].size = one;
                self.model.items[c].dims = self.model.items[id].dims.clone();
            }
        }
        (id, total)
    }

    /// Sets the stride of dimension `dim` for `id` and everything below it.
    fn fix_stride(&mut self, id: ItemId, dim: usize, stride: usize) {
        let mut stack = vec![id];
        while let Some(i) = stack.pop() {
            if let Some(d) = self.model.items[i].dims.get_mut(dim) {
                d.stride = stride;
            }
            stack.extend(self.model.items[i].children.iter().copied());
        }
    }

    fn elementary(&mut self, it: &DataItem, usage: Usage) -> (ItemKind, usize) {
        let pic: Option<Picture> = match &it.picture {
            Some(p) => match parse_picture(p, self.model.currency) {
                Ok(pic) => Some(pic),
                Err(e) => {
                    self.error(it.span, e);
                    return (ItemKind::Alphanumeric { justified: false }, 1);
                }
            },
            None => None,
        };
        let just = it.justified_right;
        match (usage, pic) {
            (Usage::Float, _) => (ItemKind::Float, 4),
            (Usage::Double, _) => (ItemKind::Double, 8),
            (Usage::Index, _) => (ItemKind::Index, 4),
            (Usage::Pointer, _) => (ItemKind::Pointer, 8),
            (_, None) => {
                let what = it.name.as_deref().unwrap_or("FILLER");
                self.error(it.span, format!("elementary item {what} has no PICTURE"));
                (ItemKind::Alphanumeric { justified: just }, 1)
            }
            (usage, Some(pic)) => match pic.category {
                // BLANK WHEN ZERO makes an unsigned DISPLAY numeric item numeric-edited.
                Category::Numeric
                    if it.blank_when_zero && !pic.signed && usage == Usage::Display =>
                {
                    if pic.scale != 0 {
                        // cobc 3.1.2 gives `9(3)V99 BLANK WHEN ZERO` 6 character positions
                        // (VALUE 1.5 displays 001500): not reproduced.
                        self.error(
                            it.span,
                            "BLANK WHEN ZERO on a numeric item with an implied decimal point (cobc's layout of it is not reproduced)".into(),
                        );
                    }
                    (
                        ItemKind::NumericEdited {
                            picture: pic.expanded.clone(),
                            digits: pic.digits,
                            scale: pic.scale,
                            blank_when_zero: true,
                        },
                        pic.display_len as usize,
                    )
                }
                Category::Numeric => {
                    let sign = it.sign.unwrap_or(ast::SignClause {
                        leading: false,
                        separate: false,
                    });
                    let stored = pic.display_len as usize;
                    let (num_usage, size) = match usage {
                        Usage::Packed => (NumUsage::Packed, stored / 2 + 1),
                        Usage::Binary if self.model.dialect == Dialect::Ibm => (
                            NumUsage::BinaryIbm,
                            self.model.dialect.binary_size(pic.digits),
                        ),
                        Usage::Binary => (NumUsage::Binary, binary_size(pic.digits)),
                        Usage::NativeBinary => (NumUsage::NativeBinary, binary_size(pic.digits)),
                        _ => (
                            NumUsage::Display,
                            stored + usize::from(sign.separate && pic.signed),
                        ),
                    };
                    let kind = ItemKind::Numeric {
                        digits: pic.digits,
                        scale: pic.scale,
                        signed: pic.signed,
                        usage: num_usage,
                        sign_leading: sign.leading,
                        sign_separate: sign.separate && pic.signed,
                    };
                    (kind, size)
                }
                Category::NumericEdited => (
                    ItemKind::NumericEdited {
                        picture: pic.expanded.clone(),
                        digits: pic.digits,
                        scale: pic.scale,
                        blank_when_zero: it.blank_when_zero,
                    },
                    pic.display_len as usize,
                ),
                Category::AlphanumericEdited => (
                    ItemKind::AlphanumericEdited {
                        picture: pic.expanded.clone(),
                    },
                    pic.display_len as usize,
                ),
                Category::Alphabetic => (
                    ItemKind::Alphabetic { justified: just },
                    pic.display_len as usize,
                ),
                Category::Alphanumeric => (
                    ItemKind::Alphanumeric { justified: just },
                    pic.display_len as usize,
                ),
            },
        }
    }

    fn renames(&mut self, it: &DataItem, record: Option<ItemId>) {
        let Some((from, thru)) = &it.renames else {
            return;
        };
        let model = &self.model;
        let (Ok(a), b) = (model.resolve(from), thru.as_ref().map(|t| model.resolve(t))) else {
            self.error(
                it.span,
                format!("RENAMES {} does not name an item", from.name),
            );
            return;
        };
        let start = model.items[a].offset;
        let end = match b {
            Some(Ok(b)) => model.items[b].offset + model.items[b].size,
            Some(Err(_)) => {
                self.error(it.span, "RENAMES THRU does not name an item".into());
                return;
            }
            None => start + model.items[a].size,
        };
        let section = self.model.items[a].section;
        self.model.items.push(Item {
            name: it.name.clone(),
            level: 66,
            parent: record,
            children: Vec::new(),
            section,
            offset: start,
            size: end.saturating_sub(start),
            dims: Vec::new(),
            depending_on: None,
            kind: ItemKind::Renames,
            value: None,
            redefines: None,
            external: false,
            global: false,
            span: it.span,
        });
        let _ = self.program;
    }
}

impl ProgramModel {
    /// Resolves a (possibly qualified) data name to the one item it designates.
    pub fn resolve(&self, r: &DataRef) -> Result<ItemId, String> {
        let candidates: Vec<ItemId> = (0..self.items.len())
            .filter(|&i| self.items[i].name.as_deref() == Some(r.name.as_str()))
            .filter(|&i| self.qualifies(i, &r.qualifiers))
            .collect();
        match candidates.as_slice() {
            [one] => Ok(*one),
            [] => Err(format!("{} is not defined", display_ref(r))),
            many => Err(format!(
                "{} is ambiguous ({} items have that name); qualify it",
                display_ref(r),
                many.len()
            )),
        }
    }

    fn qualifies(&self, mut id: ItemId, qualifiers: &[String]) -> bool {
        let mut k = 0;
        while let Some(want) = qualifiers.get(k) {
            let Some(parent) = self.items[id].parent else {
                // The last qualifier may be the file whose record this is.
                return k + 1 == qualifiers.len()
                    && matches!(self.items[id].section, Section::File(f) if self.files[f].name == *want);
            };
            id = parent;
            if self.items[id].name.as_deref() == Some(want.as_str()) {
                k += 1;
            }
        }
        true
    }

    pub fn file(&self, name: &str) -> Option<usize> {
        self.files.iter().position(|f| f.name == name)
    }

    /// The file whose record area holds `id`, if any.
    pub fn file_of(&self, id: ItemId) -> Option<usize> {
        match self.items[id].section {
            Section::File(f) => Some(f),
            _ => None,
        }
    }

    /// Elementary items at or under `id`, in storage order (REDEFINES and conditions skipped).
    pub fn elementary_under(&self, id: ItemId) -> Vec<ItemId> {
        let mut out = Vec::new();
        let mut stack = vec![id];
        while let Some(i) = stack.pop() {
            let item = &self.items[i];
            if i != id && item.redefines.is_some() {
                continue;
            }
            if item.is_elementary() {
                out.push(i);
            } else {
                stack.extend(item.children.iter().rev().copied());
            }
        }
        out
    }
}

pub fn display_ref(r: &DataRef) -> String {
    let mut s = r.name.clone();
    for q in &r.qualifiers {
        s.push_str(" OF ");
        s.push_str(q);
    }
    s
}
