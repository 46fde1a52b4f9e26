//! A compact copy of the tree-sitter tree, read by the lowering.
//!
//! The lowering asks each node for its fields and children many times. Through tree-sitter every
//! such question walks the children with a fresh cursor (an allocation, and field ids computed for
//! every sibling); here the tree is copied once, in one cursor walk, into an array whose nodes
//! keep their children contiguous, so a child or field lookup is a scan of a few small records.
//! [`Node`] offers the subset of `tree_sitter::Node`'s methods the lowering uses, with the same
//! meaning, so the lowering reads the same as it would on tree-sitter's nodes.

use std::sync::OnceLock;

/// One node of the tree.
#[derive(Clone, Copy)]
struct Rec {
    kind: u16,
    /// The field under which the node appears in its parent (0: none).
    field: u16,
    flags: u8,
    start: u32,
    end: u32,
    parent: u32,
    /// Its children are `children[first..first + count]`.
    first: u32,
    count: u32,
    /// Its position among its parent's children.
    pos: u32,
}

const NAMED: u8 = 1;
const EXTRA: u8 = 2;
const ERROR: u8 = 4;
const MISSING: u8 = 8;
const HAS_ERROR: u8 = 16;
const NONE: u32 = u32::MAX;

pub(crate) struct Cst {
    recs: Vec<Rec>,
    children: Vec<u32>,
}

/// Node kind names by kind id, looked up once per process.
fn kind_names() -> &'static [String] {
    static NAMES: OnceLock<Vec<String>> = OnceLock::new();
    NAMES.get_or_init(|| {
        let lang = crate::language();
        (0..lang.node_kind_count() as u16)
            .map(|id| lang.node_kind_for_id(id).unwrap_or("").to_string())
            .collect()
    })
}

impl Cst {
    /// Copies `tree` (one pre-order walk of a cursor).
    pub(crate) fn new(tree: &tree_sitter::Tree) -> Cst {
        let mut recs: Vec<Rec> = Vec::new();
        let mut cursor = tree.walk();
        let mut parents: Vec<u32> = Vec::new();
        loop {
            let n = cursor.node();
            let mut flags = 0;
            if n.is_named() {
                flags |= NAMED;
            }
            if n.is_extra() {
                flags |= EXTRA;
            }
            if n.is_error() {
                flags |= ERROR;
            }
            if n.is_missing() {
                flags |= MISSING;
            }
            if n.has_error() {
                flags |= HAS_ERROR;
            }
            let ix = recs.len() as u32;
            recs.push(Rec {
                kind: n.kind_id(),
                field: cursor.field_id().map_or(0, |f| f.get()),
                flags,
                start: n.start_byte() as u32,
                end: n.end_byte() as u32,
                parent: parents.last().copied().unwrap_or(NONE),
                first: 0,
                count: 0,
                pos: 0,
            });
            if cursor.goto_first_child() {
                parents.push(ix);
                continue;
            }
            let done = loop {
                if cursor.goto_next_sibling() {
                    break false;
                }
                if !cursor.goto_parent() {
                    break true;
                }
                parents.pop();
            };
            if done {
                break;
            }
        }
        // Children lists: count, place each list, then fill them in pre-order (children come in
        // their order).
        for i in 1..recs.len() {
            let p = recs[i].parent as usize;
            recs[p].count += 1;
        }
        let mut next = 0u32;
        for r in recs.iter_mut() {
            r.first = next;
            next += r.count;
        }
        let mut children = vec![0u32; next as usize];
        let mut fill: Vec<u32> = vec![0; recs.len()];
        for i in 1..recs.len() {
            let p = recs[i].parent as usize;
            let at = fill[p];
            fill[p] += 1;
            children[(recs[p].first + at) as usize] = i as u32;
            recs[i].pos = at;
        }
        Cst { recs, children }
    }

    pub(crate) fn root(&self) -> Node<'_> {
        Node { cst: self, ix: 0 }
    }
}

/// A node of a [`Cst`]; cheap to copy.
#[derive(Clone, Copy)]
pub(crate) struct Node<'t> {
    cst: &'t Cst,
    ix: u32,
}

/// Stands for tree-sitter's cursor in `n.children(&mut n.walk())`; the walk needs none.
pub(crate) struct Walk;

impl<'t> Node<'t> {
    fn rec(&self) -> &'t Rec {
        &self.cst.recs[self.ix as usize]
    }

    fn at(&self, ix: u32) -> Node<'t> {
        Node { cst: self.cst, ix }
    }

    fn child_ids(&self) -> &'t [u32] {
        let r = self.rec();
        &self.cst.children[r.first as usize..(r.first + r.count) as usize]
    }

    pub(crate) fn id(&self) -> usize {
        self.ix as usize
    }

    pub(crate) fn kind(&self) -> &'static str {
        match self.rec().kind {
            u16::MAX => return "ERROR",
            0xfffe => return "_ERROR",
            _ => {}
        }
        kind_names()
            .get(self.rec().kind as usize)
            .map_or("", String::as_str)
    }

    pub(crate) fn start_byte(&self) -> usize {
        self.rec().start as usize
    }

    pub(crate) fn end_byte(&self) -> usize {
        self.rec().end as usize
    }

    pub(crate) fn is_named(&self) -> bool {
        self.rec().flags & NAMED != 0
    }

    pub(crate) fn is_extra(&self) -> bool {
        self.rec().flags & EXTRA != 0
    }

    pub(crate) fn is_error(&self) -> bool {
        self.rec().flags & ERROR != 0
    }

    pub(crate) fn is_missing(&self) -> bool {
        self.rec().flags & MISSING != 0
    }

    #[allow(dead_code)]
    pub(crate) fn has_error(&self) -> bool {
        self.rec().flags & HAS_ERROR != 0
    }

    /// The field id under which this node appears in its parent (0: none).
    pub(crate) fn field_id(&self) -> u16 {
        self.rec().field
    }

    pub(crate) fn child_count(&self) -> usize {
        self.rec().count as usize
    }

    pub(crate) fn named_child_count(&self) -> usize {
        self.child_ids()
            .iter()
            .filter(|&&c| self.cst.recs[c as usize].flags & NAMED != 0)
            .count()
    }

    pub(crate) fn child(&self, i: usize) -> Option<Node<'t>> {
        self.child_ids().get(i).map(|&c| self.at(c))
    }

    pub(crate) fn parent(&self) -> Option<Node<'t>> {
        let p = self.rec().parent;
        (p != NONE).then(|| self.at(p))
    }

    #[allow(dead_code)]
    pub(crate) fn next_sibling(&self) -> Option<Node<'t>> {
        let p = self.parent()?;
        p.child(self.rec().pos as usize + 1)
    }

    #[allow(dead_code)]
    pub(crate) fn prev_sibling(&self) -> Option<Node<'t>> {
        let p = self.parent()?;
        let pos = self.rec().pos as usize;
        pos.checked_sub(1).and_then(|i| p.child(i))
    }

    pub(crate) fn walk(&self) -> Walk {
        Walk
    }

    /// All children, anonymous ones and extras included (as tree-sitter's `children`).
    pub(crate) fn children(&self, _: &mut Walk) -> impl Iterator<Item = Node<'t>> + 't {
        let cst = self.cst;
        self.child_ids().iter().map(move |&c| Node { cst, ix: c })
    }

    /// Named children, extras included (as tree-sitter's `named_children`).
    pub(crate) fn named_children(&self, w: &mut Walk) -> impl Iterator<Item = Node<'t>> + 't {
        self.children(w).filter(|k| k.is_named())
    }
}
