//! What one COBOL program tells the graph: calls, copybooks, procedure flow, files, SQL tables, CICS
//! links and transactions, nested programs and size/complexity metrics.
//!
//! Facts are extracted from the typed AST only (no source text), so they can be cached and serialised.
//! Everything is best effort and never fails: what cannot be resolved is recorded as unresolved.

mod consts;
mod exec;
mod flow;
mod usage;
pub mod walk;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use ferry_source::CopyUse;
use ferry_syntax::ast::{self, Assign, Span};
use serde::{Deserialize, Serialize};

pub use exec::{cics_options, sql_tables};
pub use walk::for_each_statement;

/// How the name of a called program is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Resolution {
    /// `CALL "LITERAL"` (or `PROGRAM('X')` in CICS).
    Static,
    /// `CALL identifier` where constant propagation found every value the identifier can hold.
    Dynamic,
    /// `CALL identifier` whose value is not known; `targets` holds any literals seen moved into it.
    Unresolved,
}

/// The statement that transfers control to another program.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CallMechanism {
    Call,
    CicsLink,
    CicsXctl,
}

/// One CALL / CANCEL / EXEC CICS LINK or XCTL.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallFact {
    pub mechanism: CallMechanism,
    pub resolution: Resolution,
    /// Program names (upper-cased): the literal, the propagated constants, or (unresolved) the candidates.
    pub targets: Vec<String>,
    /// The identifier that holds the program name, for dynamic and unresolved calls.
    pub via: Option<String>,
    pub span: Span,
}

/// One COPY statement of the compilation unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CopyFact {
    pub name: String,
    pub resolved: Option<PathBuf>,
    pub replacing: bool,
    /// The file holding the COPY statement (the program, or a copybook for nested COPY).
    pub from_file: PathBuf,
    pub line: u32,
    pub column: u32,
}

/// A section or paragraph, in source order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Procedure {
    /// Unique within the program: `PARA`, `SECTION`, or `SECTION.PARA` for a paragraph of a named section.
    pub key: String,
    pub name: String,
    pub section: Option<String>,
    pub is_section: bool,
    pub declarative: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FlowKind {
    Performs,
    GoesTo,
}

/// A PERFORM / GO TO (or ALTER, SORT procedure) from one procedure to another.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct FlowEdge {
    /// Procedure key of the statement's paragraph.
    pub from: String,
    /// Procedure key of the target, or the name as written when it does not exist (`resolved: false`).
    pub to: String,
    pub kind: FlowKind,
    pub resolved: bool,
}

/// OPEN mode (plus SORT/MERGE USING = input, GIVING = output).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FileMode {
    Input,
    Output,
    #[serde(rename = "i-o")]
    InputOutput,
    Extend,
}

impl FileMode {
    pub fn reads(self) -> bool {
        matches!(self, FileMode::Input | FileMode::InputOutput)
    }
    pub fn writes(self) -> bool {
        !matches!(self, FileMode::Input)
    }
}

/// A SELECT of the program.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileFact {
    /// The COBOL file name.
    pub name: String,
    /// The ASSIGN target as written (literal content or name).
    pub assign: String,
    /// The external name the runtime looks up (the JCL DD name): `UT-S-INFILE` -> `INFILE`.
    pub dd_name: String,
    pub modes: BTreeSet<FileMode>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Access {
    Read,
    Write,
}

/// A DB2 table named by EXEC SQL.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct TableUse {
    pub name: String,
    pub access: Access,
}

/// Size and shape of a program.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Metrics {
    /// Physical lines; the AST does not know them, so the caller sets this (see [`ProgramFacts::with_lines`]).
    pub lines: usize,
    /// Every statement, including those nested in IF/EVALUATE/PERFORM bodies and handlers.
    pub statements: usize,
    pub sections: usize,
    pub paragraphs: usize,
    /// Decision points + 1: IF, each WHEN, each inline-PERFORM UNTIL/VARYING clause, each conditional
    /// phrase present (AT END, INVALID KEY, ON SIZE ERROR, ON EXCEPTION, ON OVERFLOW, ...), each
    /// GO TO DEPENDING target. AND/OR are not counted.
    pub complexity: usize,
    /// Procedure keys never reached by fall-through, PERFORM, GO TO, ALTER or SORT procedures from the
    /// first paragraph (declaratives count as reached).
    pub dead_paragraphs: Vec<String>,
    /// Programs that CALL (or CICS LINK / XCTL) this one, statically or by a resolved dynamic call.
    /// Set by the graph ([`crate::Graph::build`]); 0 in facts.
    #[serde(default)]
    pub fan_in: usize,
    /// Programs this one calls statically or by a resolved dynamic call (missing ones included).
    /// Set by the graph; 0 in facts.
    #[serde(default)]
    pub fan_out: usize,
    /// Named data items of WORKING-STORAGE, LOCAL-STORAGE and the FILE SECTION that nothing uses (see
    /// the `usage` module for what counts as a use), in declaration order, qualified (`X OF GROUP`)
    /// where the name alone is ambiguous. A listed group stands for all its subordinate items.
    /// LINKAGE and EXTERNAL items are never listed.
    #[serde(default)]
    pub unused_data_items: Vec<String>,
    /// Copybooks this program COPYs whose every contribution is a data item it does not use (no
    /// used item, no paragraph, statement or other clause comes from them). Only known when the
    /// facts were given the source ([`ProgramFacts::with_source`]); set on the outermost program.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unused_copybooks: Option<Vec<String>>,
}

/// Everything the graph needs to know about one program (and its nested programs).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgramFacts {
    pub name: String,
    pub path: PathBuf,
    pub is_common: bool,
    pub calls: Vec<CallFact>,
    pub cancels: Vec<CallFact>,
    /// COPY statements of the compilation unit (set on the outermost program only).
    pub copybooks: Vec<CopyFact>,
    pub procedures: Vec<Procedure>,
    pub flow: Vec<FlowEdge>,
    pub files: Vec<FileFact>,
    pub tables: Vec<TableUse>,
    /// `EXEC SQL INCLUDE member` names.
    pub sql_includes: Vec<String>,
    /// CICS transaction ids started or returned to (`RETURN TRANSID`, `START TRANSID`).
    pub transactions: Vec<String>,
    pub nested: Vec<ProgramFacts>,
    pub metrics: Metrics,
}

impl ProgramFacts {
    /// Extracts the facts of `program` (found in the file `path`, whose preprocessing met `copybooks`).
    pub fn from_program(
        program: &ast::Program,
        path: &Path,
        copybooks: &[CopyUse],
    ) -> ProgramFacts {
        let mut facts = Self::extract(program, path);
        let mut seen = BTreeSet::new();
        for c in copybooks {
            if seen.insert((c.name.clone(), c.file.clone(), c.line, c.column)) {
                facts.copybooks.push(CopyFact {
                    name: c.name.trim().to_ascii_uppercase(),
                    resolved: c.resolved.clone(),
                    replacing: c.replacing,
                    from_file: c.file.clone(),
                    line: c.line,
                    column: c.column,
                });
            }
        }
        facts
    }

    /// Refines the data-item metrics with the preprocessed source `program` was parsed from: words
    /// written outside the data entries (clauses the AST drops, such as `VALUE OF`, or statements it
    /// could not lower) count as references, and `unused_copybooks` is computed by attributing every
    /// byte of the program to the file it came from (`pre.map`). `program` must be the AST these
    /// facts were extracted from.
    pub fn with_source(mut self, program: &ast::Program, pre: &ferry_source::Preprocessed) -> Self {
        let mut entries = Vec::new();
        self.refine(program, &pre.text, &mut entries);
        entries.sort_unstable();
        self.metrics.unused_copybooks = Some(self.unused_copybooks(program, pre, &entries));
        self
    }

    fn refine(
        &mut self,
        program: &ast::Program,
        text: &str,
        entries: &mut Vec<(usize, usize, bool)>,
    ) {
        let a = usage::analyse(program, Some(text));
        self.metrics.unused_data_items = a.unused;
        entries.extend(a.entries);
        for (f, p) in self.nested.iter_mut().zip(&program.nested) {
            f.refine(p, text, entries);
        }
    }

    /// Copybooks every token of which (separators aside) starts in the entry of an unused data item. `entries` are sorted, non-overlapping `(start, end, used)` byte ranges.
    fn unused_copybooks(
        &self,
        program: &ast::Program,
        pre: &ferry_source::Preprocessed,
        entries: &[(usize, usize, bool)],
    ) -> Vec<String> {
        #[derive(Clone, Copy, PartialEq)]
        enum Seen {
            OnlyUnused,
            Used,
        }
        let names: BTreeMap<&Path, &str> = self
            .copybooks
            .iter()
            .filter_map(|c| Some((c.resolved.as_deref()?, c.name.as_str())))
            .collect();
        let mut seen: BTreeMap<&str, Seen> = BTreeMap::new();
        let bytes = pre.text.as_bytes();
        let (lo, hi) = (
            program.span.start.min(bytes.len()),
            program.span.end.min(bytes.len()),
        );
        // One look-up per token (a run of non-blank bytes): COPY text starts and ends at a separator.
        let mut in_token = false;
        for (off, &b) in bytes.iter().enumerate().take(hi).skip(lo) {
            if b.is_ascii_whitespace() || matches!(b, b'.' | b',' | b';') {
                in_token = false;
                continue;
            }
            if std::mem::replace(&mut in_token, true) {
                continue;
            }
            let Some(name) = pre.map.locate(off).and_then(|l| names.get(l.file)) else {
                continue;
            };
            let at = entries.partition_point(|e| e.0 <= off);
            let state = match at.checked_sub(1).map(|i| entries[i]) {
                Some((_, end, used)) if off < end && !used => Seen::OnlyUnused,
                _ => Seen::Used,
            };
            let e = seen.entry(name).or_insert(state);
            if state == Seen::Used {
                *e = Seen::Used;
            }
        }
        seen.into_iter()
            .filter(|(_, s)| *s == Seen::OnlyUnused)
            .map(|(n, _)| n.to_string())
            .collect()
    }

    /// Sets the physical line count (`ferry_source::Preprocessed::lines`).
    pub fn with_lines(mut self, lines: usize) -> Self {
        self.metrics.lines = lines;
        self
    }

    /// An empty fact set (for programs known only by name, and for generators).
    pub fn empty(name: &str, path: &Path) -> ProgramFacts {
        ProgramFacts {
            name: name.to_ascii_uppercase(),
            path: path.to_path_buf(),
            is_common: false,
            calls: Vec::new(),
            cancels: Vec::new(),
            copybooks: Vec::new(),
            procedures: Vec::new(),
            flow: Vec::new(),
            files: Vec::new(),
            tables: Vec::new(),
            sql_includes: Vec::new(),
            transactions: Vec::new(),
            nested: Vec::new(),
            metrics: Metrics {
                complexity: 1,
                ..Metrics::default()
            },
        }
    }

    /// Programs reached by `CALL "literal"` from this program or its nested programs, excluding the
    /// nested programs themselves; sorted, without duplicates.
    pub fn static_callees(&self) -> Vec<String> {
        fn walk(f: &ProgramFacts, out: &mut BTreeSet<String>, inner: &mut BTreeSet<String>) {
            for c in f.calls.iter().filter(|c| {
                c.resolution == Resolution::Static && c.mechanism == CallMechanism::Call
            }) {
                out.extend(c.targets.iter().cloned());
            }
            for n in &f.nested {
                inner.insert(n.name.clone());
                walk(n, out, inner);
            }
        }
        let (mut out, mut inner) = (BTreeSet::new(), BTreeSet::new());
        walk(self, &mut out, &mut inner);
        out.difference(&inner).cloned().collect()
    }

    /// Names of all copybooks the compilation unit uses (directly or through other copybooks), sorted.
    pub fn copybook_names(&self) -> BTreeSet<&str> {
        self.copybooks.iter().map(|c| c.name.as_str()).collect()
    }

    fn extract(program: &ast::Program, path: &Path) -> ProgramFacts {
        let mut facts = ProgramFacts::empty(&program.name, path);
        facts.is_common = program.is_common;
        facts.files = program
            .environment
            .files
            .iter()
            .map(|f| {
                let assign = match &f.assign {
                    Assign::Literal(s) | Assign::Name(s) => s.clone(),
                };
                FileFact {
                    name: f.name.to_ascii_uppercase(),
                    dd_name: dd_name(&assign),
                    assign,
                    modes: BTreeSet::new(),
                }
            })
            .collect();
        let consts = consts::Constants::collect(program);
        if let Some(proc_div) = &program.procedure {
            let flow = flow::analyse(proc_div);
            let mut w = walk::Walker::new(&consts, &flow);
            w.walk_division();
            facts.calls = w.calls;
            facts.cancels = w.cancels;
            facts.tables = w.tables.into_iter().collect();
            facts.sql_includes = w.sql_includes.into_iter().collect();
            facts.transactions = w.transactions.into_iter().collect();
            for (file, mode) in w.opens {
                if let Some(f) = facts.files.iter_mut().find(|f| f.name == file) {
                    f.modes.insert(mode);
                }
            }
            facts.metrics.statements = w.statements;
            facts.metrics.complexity = w.decisions + 1;
            let mut edges: Vec<FlowEdge> = w.flow_edges;
            edges.sort();
            edges.dedup();
            facts.metrics.dead_paragraphs = flow.dead(&edges, &w.performs);
            facts.flow = edges;
            facts.metrics.sections = flow.procs.iter().filter(|p| p.is_section).count();
            facts.metrics.paragraphs = flow
                .procs
                .iter()
                .filter(|p| !p.is_section && p.key != flow::START)
                .count();
            facts.procedures = flow
                .procs
                .iter()
                .map(|p| Procedure {
                    key: p.key.clone(),
                    name: p.name.clone(),
                    section: p.section.clone(),
                    is_section: p.is_section,
                    declarative: p.declarative,
                })
                .collect();
        }
        facts.metrics.unused_data_items = usage::analyse(program, None).unused;
        facts.nested = program
            .nested
            .iter()
            .map(|n| Self::extract(n, path))
            .collect();
        facts
    }
}

/// The external (DD) name behind an ASSIGN target.
///
/// IBM forms `[label-]{S-|AS-|DA-|...}name` keep the last component (`UT-S-INFILE` -> `INFILE`); a path
/// keeps its file stem (`data/EMP.DAT` -> `EMP`); anything else is upper-cased as is.
pub fn dd_name(assign: &str) -> String {
    let a = assign.trim();
    if a.contains('/') || a.contains('\\') || a.contains('.') {
        let file = a.rsplit(['/', '\\']).next().unwrap_or(a);
        let stem = file.split('.').next().unwrap_or(file);
        return if stem.is_empty() {
            a.to_ascii_uppercase()
        } else {
            stem.to_ascii_uppercase()
        };
    }
    let upper = a.to_ascii_uppercase();
    const PREFIXES: [&str; 4] = ["UT", "DA", "S", "AS"];
    let parts: Vec<&str> = upper.split('-').collect();
    if parts.len() >= 2
        && parts[..parts.len() - 1]
            .iter()
            .all(|p| PREFIXES.contains(p))
    {
        if let Some(last) = parts.last() {
            if !last.is_empty() {
                return (*last).to_string();
            }
        }
    }
    upper
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod usage_tests;
