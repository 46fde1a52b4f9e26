//! CST -> AST lowering.
//!
//! - `errors`: ERROR / MISSING nodes to [`SyntaxError`]s.
//! - `program`: programs, IDENTIFICATION and ENVIRONMENT divisions, procedure division layout.
//! - `data`: DATA DIVISION entries and their nesting by level numbers.
//! - `expr`: literals, operands, data references, arithmetic expressions.
//! - `cond`: conditions, with abbreviated combined relations expanded.
//! - `flow`: rebuilding statement nesting from the flat sentence fragments.
//! - `verbs`, `verbs_io`: one function per statement.

mod cond;
mod cst;
mod data;
mod errors;
mod expr;
mod flow;
mod program;
mod reserved;
mod screen;
mod verbs;
mod verbs_io;

use std::collections::{HashMap, HashSet};

use tree_sitter::Tree;

use cst::{Cst, Node};

use crate::ast::{Constant, SourceUnit, Span};
use crate::SyntaxError;

pub(crate) use errors::blank_errors;

/// Lowers the final tree. `text` is the original text (the tree may come from a copy with broken
/// sentences blanked out, with the same byte offsets); `prior` are the errors of the blanked parts.
pub(crate) fn lower(
    text: &str,
    tree: &Tree,
    prior: Vec<SyntaxError>,
    latin1: Vec<std::ops::Range<usize>>,
) -> (SourceUnit, Vec<SyntaxError>) {
    let cst = Cst::new(tree);
    let root = cst.root();
    let mut l = Lowerer {
        src: text,
        in_args: 0,
        errors: prior,
        decimal_comma: false,
        condition_names: HashSet::new(),
        data_names: HashSet::new(),
        mnemonics: HashSet::new(),
        constant_values: HashMap::new(),
        constants: Vec::new(),
        bare_intrinsics: HashSet::new(),
        screen_names: HashSet::new(),
        spellings: HashMap::new(),
        latin1,
    };
    l.prescan(root);
    if root.has_error() {
        errors::collect(&mut l, tree.root_node());
    }
    let mut unit = SourceUnit::default();
    for n in kids(root) {
        if n.kind() == "program" {
            unit.programs.push(l.program(n));
        }
    }
    l.errors.sort_by_key(|e| (e.span.start, e.span.end));
    l.errors.dedup();
    (unit, l.errors)
}

pub(crate) struct Lowerer<'s> {
    pub src: &'s str,
    pub errors: Vec<SyntaxError>,
    /// Inside FUNCTION arguments (keywords such as LEADING may appear there as plain words).
    pub in_args: u32,
    /// DECIMAL-POINT IS COMMA seen anywhere in the unit.
    pub decimal_comma: bool,
    /// Names of all level-88 items of the unit (used to tell a condition-name from an abbreviated
    /// relation object in `A = 1 OR B`).
    pub condition_names: HashSet<String>,
    /// Every name declared in a DATA DIVISION (data items, files, indexes) of the unit.
    pub data_names: HashSet<String>,
    /// Mnemonic names from SPECIAL-NAMES (WRITE ... AFTER ADVANCING mnemonic).
    pub mnemonics: HashSet<String>,
    /// Numeric constants of the unit (level 78, CONSTANT), name -> value as written, for places
    /// that need an integer (OCCURS bounds).
    pub constant_values: HashMap<String, String>,
    /// Constants of the DATA DIVISION being lowered (moved into it at its end).
    pub constants: Vec<Constant>,
    /// Intrinsic functions that REPOSITORY lets the unit call without the word FUNCTION.
    pub bare_intrinsics: HashSet<String>,
    /// Names of the SCREEN SECTION entries of the unit (DISPLAY / ACCEPT of a screen).
    pub screen_names: HashSet<String>,
    /// Data names as declared (upper-case name -> its spelling; None when declarations of the
    /// unit spell it differently), for EXHIBIT, which shows the declared name.
    pub spellings: HashMap<String, Option<String>>,
    /// Ranges of the text read from Latin-1 files (sorted, disjoint): their literals get one byte per
    /// character.
    pub latin1: Vec<std::ops::Range<usize>>,
}

impl<'s> Lowerer<'s> {
    fn prescan(&mut self, root: Node) {
        let mut stack = vec![root];
        while let Some(n) = stack.pop() {
            match n.kind() {
                "decimal_point_clause" => self.decimal_comma = true,
                "data_description" => {
                    if let (Some(level), Some(name)) = (field(n, "level"), field(n, "name")) {
                        if self.text(level).trim_start_matches('0') == "88" {
                            self.condition_names.insert(self.upper(name));
                        }
                        if let Some(v) = constant_value(n, level, self.src) {
                            self.constant_values.insert(self.upper(name), v);
                        }
                        self.data_names.insert(self.upper(name));
                        let spelt = self.text(name).to_string();
                        self.spellings
                            .entry(self.upper(name))
                            .and_modify(|s| {
                                if s.as_deref() != Some(spelt.as_str()) {
                                    *s = None
                                }
                            })
                            .or_insert(Some(spelt));
                    }
                }
                "screen_entry" | "report_entry" => {
                    if let Some(name) = field(n, "name").filter(|x| x.kind() == "word") {
                        if n.kind() == "screen_entry" {
                            self.screen_names.insert(self.upper(name));
                        }
                        self.data_names.insert(self.upper(name));
                    }
                }
                "file_description" | "select_entry" => {
                    if let Some(name) = field(n, "name") {
                        self.data_names.insert(self.upper(name));
                    }
                }
                "occurs_clause" => {
                    for ix in fields(n, "index") {
                        self.data_names.insert(self.upper(ix));
                    }
                }
                "mnemonic_clause" => {
                    if let Some(m) = field(n, "mnemonic") {
                        self.mnemonics.insert(self.upper(m));
                    }
                }
                "repository" => {
                    // FUNCTION ALL INTRINSIC / FUNCTION name ... INTRINSIC
                    let words: Vec<String> = kids(n)
                        .into_iter()
                        .filter(|k| k.kind() == "word")
                        .map(|k| self.upper(k))
                        .collect();
                    for entry in words.split(|w| w == "FUNCTION").skip(1) {
                        if let Some((last, names)) = entry.split_last() {
                            if last == "INTRINSIC" {
                                if names == ["ALL"] {
                                    self.bare_intrinsics.extend(
                                        reserved::INTRINSIC_FUNCTIONS.iter().map(|f| f.to_string()),
                                    );
                                } else {
                                    self.bare_intrinsics.extend(names.iter().cloned());
                                }
                            }
                        }
                    }
                }
                _ => {}
            }
            let mut c = n.walk();
            for k in n.children(&mut c) {
                if k.child_count() > 0 {
                    stack.push(k);
                }
            }
        }
    }

    pub fn text(&self, n: Node) -> &'s str {
        self.src.get(n.start_byte()..n.end_byte()).unwrap_or("")
    }

    pub fn upper(&self, n: Node) -> String {
        self.text(n).to_ascii_uppercase()
    }

    pub fn error(&mut self, span: Span, message: impl Into<String>) {
        self.errors.push(SyntaxError {
            span,
            message: message.into(),
        });
    }

    /// A construct the grammar accepts but the AST cannot represent yet.
    pub fn not_lowered(&mut self, n: Node, what: &str) {
        self.error(span(n), format!("{what} not lowered yet"));
    }

    pub fn number_u32(&mut self, n: Option<Node>) -> Option<u32> {
        let n = n?;
        match self.text(n).trim_start_matches('+').parse::<u32>() {
            Ok(v) => Some(v),
            Err(_) => {
                self.error(
                    span(n),
                    format!("expected an unsigned integer, found `{}`", self.text(n)),
                );
                None
            }
        }
    }
}

/// The numeric value text of a constant entry (`78 name VALUE 10`, `01 name CONSTANT AS 10`).
fn constant_value(n: Node, level: Node, src: &str) -> Option<String> {
    let text = |x: Node| {
        src.get(x.start_byte()..x.end_byte())
            .unwrap_or("")
            .to_string()
    };
    let is78 = text(level).trim_start_matches('0') == "78";
    for c in kids(n) {
        let lit = match c.kind() {
            "constant_clause" => field(c, "value"),
            "value_clause" if is78 => kid(c, &["value_item"]).and_then(|v| field(v, "from")),
            _ => None,
        };
        if let Some(l) = lit.filter(|l| l.kind() == "number") {
            return Some(text(l));
        }
    }
    None
}

pub(crate) fn span(n: Node) -> Span {
    Span {
        start: n.start_byte(),
        end: n.end_byte(),
    }
}

/// Named children, without comments, directives and ERROR nodes (errors are reported separately).
pub(crate) fn kids<'t>(n: Node<'t>) -> Vec<Node<'t>> {
    let mut c = n.walk();
    n.named_children(&mut c)
        .filter(|k| !k.is_extra() && !k.is_error())
        .collect()
}

/// Field ids of the grammar by name. tree-sitter looks a field name up by comparing it with every
/// field name of the language; the lowering asks for fields millions of times on a large estate.
fn field_id(name: &str) -> Option<u16> {
    static IDS: std::sync::OnceLock<HashMap<String, u16>> = std::sync::OnceLock::new();
    IDS.get_or_init(|| {
        let lang = crate::language();
        (1..=lang.field_count() as u16)
            .filter_map(|id| Some((lang.field_name_for_id(id)?.to_string(), id)))
            .collect()
    })
    .get(name)
    .copied()
}

pub(crate) fn field<'t>(n: Node<'t>, name: &str) -> Option<Node<'t>> {
    let id = field_id(name)?;
    let found = n
        .children(&mut n.walk())
        .find(|k| k.field_id() == id && !k.is_extra() && !k.is_missing());
    found
}

pub(crate) fn fields<'t>(n: Node<'t>, name: &str) -> Vec<Node<'t>> {
    let Some(id) = field_id(name) else {
        return Vec::new();
    };
    n.children(&mut n.walk())
        .filter(|k| k.field_id() == id && !k.is_extra() && !k.is_missing())
        .collect()
}

/// Whether `n` has a direct (keyword) child of kind `kw`, e.g. `has_kw(n, "ROUNDED")`.
pub(crate) fn has_kw(n: Node, kw: &str) -> bool {
    let found = n
        .children(&mut n.walk())
        .any(|k| !k.is_named() && !k.is_missing() && k.kind() == kw);
    found
}

/// The first named child of one of `kinds`.
pub(crate) fn kid<'t>(n: Node<'t>, kinds: &[&str]) -> Option<Node<'t>> {
    let found = n
        .named_children(&mut n.walk())
        .find(|k| !k.is_extra() && !k.is_error() && kinds.contains(&k.kind()));
    found
}
