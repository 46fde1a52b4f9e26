//! The JCL reader: jobs, steps, DD statements, in-stream and cataloged procedures with symbolic
//! parameters, INCLUDE members, COND= and IF/THEN/ELSE/ENDIF structure.
//!
//! JCL is parsed with our tree-sitter grammar (`grammars/jcl`: card columns, continuation, comments,
//! in-stream data with DLM=, columns 72-80 ignored); `syntax.rs` reads the concrete tree into
//! statements and `build.rs` turns them into the model below, which is the contract the graph
//! builds on.
//!
//! Reading never fails: syntax errors (ERROR/MISSING nodes) and other problems come back as
//! [`ferry_source::Diagnostic`]s with line and column.

mod build;
mod operands;
mod syntax;

use std::path::{Path, PathBuf};

use ferry_source::Diagnostic;
use serde::{Deserialize, Serialize};

pub use operands::substitute;
pub use syntax::language;

/// Finds an INCLUDE member by its (upper-case) name: the file it was read from and its text.
pub type Members<'a> = &'a dyn Fn(&str) -> Option<(PathBuf, String)>;

/// A job (or, for a file holding only a cataloged procedure, that procedure: `is_proc`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JclJob {
    pub name: String,
    pub path: PathBuf,
    pub is_proc: bool,
    /// Steps in execution order; in-stream procedures are expanded into `CALLER.PROCSTEP` steps.
    pub steps: Vec<JclStep>,
    /// IF/THEN/ELSE/ENDIF structure over `steps` (indexes).
    pub structure: Vec<JclNode>,
    /// `INCLUDE MEMBER=` names in the order met (expanded or not).
    #[serde(default)]
    pub includes: Vec<String>,
}

/// Conditional structure: a step, or an IF with its THEN and ELSE parts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum JclNode {
    Step(usize),
    If {
        condition: String,
        then: Vec<JclNode>,
        otherwise: Vec<JclNode>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JclStep {
    pub name: String,
    /// `PGM=`.
    pub program: Option<String>,
    /// The procedure this step is (cataloged, not expanded) or came from (in-stream, expanded).
    pub proc: Option<String>,
    pub dds: Vec<Dd>,
    /// `COND=` as written.
    pub cond: Option<String>,
    /// `PARM=` without enclosing apostrophes.
    pub parm: Option<String>,
    pub line: u32,
}

/// Utility programs whose step runs no program of the estate themselves.
pub const UTILITIES: &[&str] = &[
    "IEFBR14", "IDCAMS", "SORT", "DFSORT", "ICEMAN", "ICETOOL", "SYNCSORT", "IEBGENER", "IEBCOPY",
    "IEBCOMPR", "IEHPROGM", "IEHLIST", "ADRDSSU", "IKJEFT01", "IKJEFT1A", "IKJEFT1B", "DFSRRC00",
    "DSNUTILB", "IEBUPDTE",
];

impl JclStep {
    /// The program of the estate this step runs: `PGM=`, or for the TSO batch monitor (IKJEFT01/1A/1B)
    /// the `RUN PROGRAM(X)` of its SYSTSIN data, or for IMS (DFSRRC00) the program of `PARM='BMP,X,...'`.
    pub fn executed_program(&self) -> Option<String> {
        let pgm = self.program.as_deref()?;
        match pgm {
            "IKJEFT01" | "IKJEFT1A" | "IKJEFT1B" => {
                let data = self
                    .dds
                    .iter()
                    .find(|d| d.name == "SYSTSIN")?
                    .inline
                    .as_deref()?
                    .to_ascii_uppercase();
                let at = data.find("PROGRAM(")? + "PROGRAM(".len();
                let rest = data.get(at..)?;
                let name: String = rest.chars().take_while(|c| *c != ')').collect();
                let name = name.trim().trim_matches('\'').trim().to_string();
                (!name.is_empty())
                    .then_some(name)
                    .or_else(|| Some(pgm.to_string()))
            }
            "DFSRRC00" => self
                .parm
                .as_deref()
                .and_then(|p| p.split(',').nth(1))
                .map(|s| s.trim().to_ascii_uppercase())
                .filter(|s| !s.is_empty())
                .or_else(|| Some(pgm.to_string())),
            _ => Some(pgm.to_string()),
        }
    }
}

/// One DD statement (a concatenation adds further entries with the same name and `concatenated`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dd {
    pub name: String,
    /// `DSN=` after symbol substitution and referback resolution.
    pub dsn: Option<String>,
    /// `DISP=` normalised: parentheses removed, an omitted status written as NEW (`(,CATLG)` -> `NEW,CATLG`).
    pub disp: Option<String>,
    /// `DCB=` as written (after symbol substitution).
    #[serde(default)]
    pub dcb: Option<String>,
    /// In-stream data of `DD *` / `DD DATA`.
    pub inline: Option<String>,
    /// `SYSOUT=` class.
    pub sysout: Option<String>,
    /// `DUMMY` or `DSN=NULLFILE`.
    pub dummy: bool,
    pub concatenated: bool,
}

/// The status part of DISP.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DispStatus {
    New,
    Old,
    Shr,
    Mod,
}

impl Dd {
    /// DISP status; an omitted DISP means NEW.
    pub fn status(&self) -> DispStatus {
        let first = self
            .disp
            .as_deref()
            .and_then(|d| d.split(',').next())
            .unwrap_or("NEW");
        match first.trim() {
            "OLD" => DispStatus::Old,
            "SHR" => DispStatus::Shr,
            "MOD" => DispStatus::Mod,
            _ => DispStatus::New,
        }
    }

    /// The data set as a graph node name: the DSN without a GDG relative generation (`A.B(+1)` -> `A.B`);
    /// PDS members are kept. None for DUMMY, SYSOUT, inline data and DD without DSN.
    pub fn dataset(&self) -> Option<String> {
        if self.dummy || self.sysout.is_some() || self.inline.is_some() {
            return None;
        }
        let dsn = self.dsn.as_deref()?.trim();
        if dsn.is_empty() || dsn.starts_with('*') {
            return None;
        }
        if let Some(open) = dsn.find('(') {
            let inner = dsn[open + 1..].trim_end_matches(')');
            if inner.parse::<i32>().is_ok() {
                return Some(dsn[..open].to_string());
            }
        }
        Some(dsn.to_string())
    }
}

/// DD names that are not program data (load libraries, dumps, catalogs).
pub const SYSTEM_DDS: &[&str] = &[
    "STEPLIB", "JOBLIB", "SYSABEND", "SYSUDUMP", "SYSMDUMP", "SYSCHK", "JOBCAT", "STEPCAT",
];

/// Reads one JCL file. INCLUDE statements are recorded in [`JclJob::includes`] but not expanded
/// (see [`parse_jcl_with_includes`]).
pub fn parse_jcl(text: &str, path: &Path) -> (JclJob, Vec<Diagnostic>) {
    build::build(text, path, &|_| None)
}

/// Reads one JCL file, expanding each `INCLUDE MEMBER=NAME` whose member `members` finds (members
/// within members too; a member is never expanded within itself). Diagnostics about statements of
/// a member name the member's file.
pub fn parse_jcl_with_includes(
    text: &str,
    path: &Path,
    members: Members,
) -> (JclJob, Vec<Diagnostic>) {
    build::build(text, path, members)
}

#[cfg(test)]
mod tests;
