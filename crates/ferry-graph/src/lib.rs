//! The estate graph and the translation plan.
//!
//! ferry-graph turns what the front end knows about each program (the typed AST, the COPY statements
//! met while preprocessing) and the estate's JCL into one dependency graph, exports it (JSON, DOT,
//! Mermaid, an offline HTML view), and cuts it into translation units ordered in waves. It also
//! computes the content fingerprints that decide when a unit must be translated again.
//!
//! Architecture invariant: this crate knows COBOL structure (through `ferry-syntax`), JCL and graphs.
//! It must not know about translation, Rust output or the terminal: it never prints, never styles
//! text, and plans units without knowing how they will be translated.
//!
//! # Public API
//!
//! - [`facts`]: [`ProgramFacts::from_program`]`(&ast::Program, &Path, &[CopyUse]) -> ProgramFacts`
//!   (calls with static / dynamic / unresolved resolution, CANCEL, PERFORM / GO TO flow, files and OPEN
//!   modes, EXEC SQL tables, EXEC CICS LINK / XCTL / TRANSID, nested programs, metrics incl. dead
//!   paragraphs and unused data items); [`ProgramFacts::with_lines`] sets the line count the AST does
//!   not know; [`ProgramFacts::with_source`]`(&ast::Program, &Preprocessed)` refines the unused data
//!   items with the source text and computes the program's unused copybooks.
//! - [`jcl`]: [`parse_jcl`]`(&str, &Path) -> (JclJob, Vec<Diagnostic>)` (JOB, EXEC PGM / PROC, DD with
//!   DSN / DISP / SYSOUT / DUMMY / inline data, continuation, in-stream PROC/PEND with `&SYM`
//!   substitution, COND=, IF/THEN/ELSE/ENDIF).
//! - [`graph`]: [`Graph::build`]`(&[ProgramFacts], &[(String, PathBuf)], &[JclJob]) -> Graph`
//!   ([`Graph::build_with`] and [`GraphOptions`] add paragraphs; programs get fan-in / fan-out,
//!   copybooks no program COPYs are marked unused, see [`Graph::unused_copybooks`]); [`Graph::to_json`],
//!   [`Graph::from_json`], [`Graph::to_dot`], [`Graph::to_mermaid`], [`Graph::to_html`] (all `String`
//!   except `from_json`). The JSON schema `ferry-graph/1` is documented in `GRAPH-SCHEMA.md`.
//! - [`plan`]: [`Plan::build`]`(&Graph, &PlanOptions) -> Plan`, [`Plan::to_text`], [`Plan::to_json`];
//!   [`Unit`] (alias `PlanUnit`) with `programs()` and `is_translatable()`; [`Slice`] (`Program`, the
//!   default, or `Job`: one unit per JCL job) in [`PlanOptions::slice`].
//! - [`fingerprint()`]: `(&Unit, &[&str], &[String], &[(&str, &str)]) -> String` (SHA-256 hex).
//! - [`synthetic_estate`]`(programs, copybooks, seed)` for benchmarks.
//!
//! Building never fails: what is referenced but not found becomes a `missing:` node, and JCL problems
//! are diagnostics. Only JSON (de)serialisation returns [`GraphError`].

mod error;
pub mod facts;
mod fingerprint;
pub mod graph;
pub mod jcl;
pub mod plan;
mod synth;

pub use error::GraphError;
pub use facts::ProgramFacts;
pub use fingerprint::fingerprint;
pub use graph::{EdgeKind, Graph, GraphOptions, Node, NodeKind};
pub use jcl::{parse_jcl, JclJob};
pub use plan::{Plan, PlanOptions, PlanUnit, Slice, Unit, UnitKind};
pub use synth::synthetic_estate;
