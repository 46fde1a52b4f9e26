//! Translation of COBOL units into Rust: the [`Agent`] interface every translator implements, and the
//! built-in deterministic translator ([`Builtin`]) that turns a resolved program model into a Rust crate
//! on top of `ferry-runtime`.
//!
//! Output is one Cargo workspace per run: `ferry-runtime/` (the runtime's source, copied so that the
//! output builds offline without ferry) and one crate per unit under `units/`.
//!
//! Architecture invariant: translation never runs programs or cargo (that is `ferry-verify`), and never
//! talks to the terminal. A construct the translator cannot carry is reported as [`Untranslated`],
//! never emitted as code that compiles but behaves differently.

mod builtin;
mod emit;
mod fmt;
pub mod layouts;
pub mod naming;
pub mod stats;
pub mod templates;
mod workspace;

use std::collections::BTreeMap;
use std::path::PathBuf;

use ferry_model::ProgramModel;
use ferry_syntax::ast::Program;
use serde::{Deserialize, Serialize};

pub use builtin::Builtin;
pub use builtin::{locate_rustfmt, rustfmt, rustfmt_many, rustfmt_many_whole};
pub use workspace::{
    root_files, runtime_sources, unit_files, unit_frame_files, workspace_files, write_atomic,
    write_if_changed, write_workspace, WorkspaceUnit,
};

#[derive(Debug, thiserror::Error)]
pub enum TranslateError {
    #[error("template error: {0}")]
    Template(String),
    #[error("{0}")]
    Agent(String),
    #[error("I/O error on {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// One COBOL program handed to an agent, with everything it needs to know about it.
pub struct ProgramInput<'a> {
    pub program: &'a Program,
    pub model: &'a ProgramModel,
    /// Path of the program's main source file, as the user gave it (relative to the source root).
    pub path: String,
    /// Maps a span offset of the preprocessed text to (file, line, column) in the original sources.
    pub locate: &'a (dyn Fn(usize) -> (String, u32, u32) + Sync),
    /// For a nested program: the GLOBAL items of its containing programs it receives on CALL (their
    /// descriptions are part of its data), in order. Empty for a separately compiled program.
    pub globals: Vec<String>,
}

/// The generated interface of an already translated program, as its callers see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Interface {
    pub program: String,
    pub crate_name: String,
    /// Sizes of the USING parameters, in order.
    pub params: Vec<usize>,
    /// GLOBAL items a nested program shares with its caller (copied in and back out on CALL).
    #[serde(default)]
    pub globals: Vec<String>,
}

/// What a unit gives an agent: its programs and the interfaces of the units it depends on.
pub struct UnitInput<'a> {
    pub name: String,
    pub programs: Vec<ProgramInput<'a>>,
    /// Program name -> interface, for every already translated program this unit may call.
    pub callees: &'a BTreeMap<String, Interface>,
    /// Every program of the estate (a dynamic CALL may reach any of them).
    pub estate_programs: &'a [String],
    /// Record layouts of shared copybooks, already translated: programs take their descriptors
    /// from these crates.
    pub shared_layouts: Vec<layouts::SharedLayout>,
}

/// A construct that stopped translation, with its place in the original source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Untranslated {
    pub path: String,
    pub line: u32,
    pub column: u32,
    pub construct: String,
    pub message: String,
}

/// An agent's answer for one unit.
#[derive(Debug, Clone, Default)]
pub struct UnitOutput {
    /// The crate's files, relative to the crate directory, sorted.
    pub files: BTreeMap<String, String>,
    pub interfaces: Vec<Interface>,
    /// Crate names of units this crate depends on.
    pub dependencies: Vec<String>,
    /// Programs of the unit that can run as a main program (a binary is built for each).
    pub binaries: Vec<Binary>,
    pub untranslated: Vec<Untranslated>,
    /// Files the team owns once written: created only when missing, never overwritten, never
    /// counted as generated (e.g. the `binding.rs` of a program with EXEC blocks).
    pub user_files: BTreeMap<String, String>,
    /// EXEC blocks bound through generated traits: the unit needs a binding before it can run them.
    pub exec: Vec<ExecBinding>,
}

/// An EXEC SQL / CICS / DLI block, translated into a call of a generated trait method.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExecBinding {
    /// `SQL`, `CICS` or `DLI`.
    pub kind: String,
    /// The trait method (`sql_003_select`).
    pub method: String,
    /// `file:line` of the block.
    pub origin: String,
    pub text: String,
    pub host_variables: Vec<String>,
}

/// A batch step the unit provides: the binary's name and the Rust path of its entry function.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Binary {
    pub program: String,
    pub name: String,
    pub entry: String,
}

/// A translator of units. The built-in one is deterministic and offline; external agents (a coding-agent
/// command, an LLM API) implement the same trait.
pub trait Agent: Send + Sync {
    /// Short name recorded in the report (`builtin`, `command`, `openai`, ...).
    fn name(&self) -> &str;
    /// Settings that influence the output (recorded in the report and in fingerprints).
    fn settings(&self) -> BTreeMap<String, String>;
    fn translate(&self, unit: &UnitInput<'_>) -> Result<UnitOutput, TranslateError>;
    /// Translates independent units (one wave of the plan); the answers come back in order. An
    /// agent that can work on several units at once overrides this.
    fn translate_many(&self, units: &[UnitInput<'_>]) -> Vec<Result<UnitOutput, TranslateError>> {
        units.iter().map(|u| self.translate(u)).collect()
    }
}
