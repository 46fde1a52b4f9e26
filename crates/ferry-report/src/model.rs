//! The report model (`report.json`) and its finalization.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use ferry_verify::{ScenarioResult, ScenarioStatus};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::error::Result;
use crate::hash::{digest_of_value, sha256_file, sorted_value};

/// A file and its SHA-256.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct FileHash {
    /// `/`-separated path. Unit sources are relative to [`Report::source_root`],
    /// unit outputs and the binary to the report's directory; manifest paths
    /// are all relative to the report's directory.
    pub path: String,
    pub sha256: String,
}

impl FileHash {
    /// Hashes `root/path` now.
    pub fn compute(root: &Path, path: &str) -> Result<FileHash> {
        Ok(FileHash {
            path: path.to_string(),
            sha256: sha256_file(&root.join(path))?,
        })
    }
}

/// Verdict on one translation unit (one COBOL program).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum UnitStatus {
    /// Translated, exercised by at least one scenario, every scenario passed.
    Verified,
    /// Translated, some scenario failed or timed out.
    Mismatch,
    /// Some constructs could not be translated.
    Untranslated,
    /// Translated but no scenario exercised it. Never counted as verified.
    Unverified,
    /// Translation, build or replay broke.
    Error,
    /// A human wrote the Rust; scenarios (if any) still ran against it.
    PortedByHand,
}

impl UnitStatus {
    /// Every status, in summary order.
    pub const ALL: [UnitStatus; 6] = [
        UnitStatus::Verified,
        UnitStatus::Mismatch,
        UnitStatus::Untranslated,
        UnitStatus::Unverified,
        UnitStatus::Error,
        UnitStatus::PortedByHand,
    ];

    /// The JSON spelling (`ported-by-hand`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            UnitStatus::Verified => "verified",
            UnitStatus::Mismatch => "mismatch",
            UnitStatus::Untranslated => "untranslated",
            UnitStatus::Unverified => "unverified",
            UnitStatus::Error => "error",
            UnitStatus::PortedByHand => "ported-by-hand",
        }
    }
}

/// A construct the translator could not handle.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Untranslated {
    pub path: String,
    pub line: u32,
    pub construct: String,
    pub message: String,
}

/// One translation unit: a COBOL program and the Rust made from it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Unit {
    /// PROGRAM-ID.
    pub name: String,
    pub sources: Vec<FileHash>,
    pub outputs: Vec<FileHash>,
    pub status: UnitStatus,
    /// Who translated it (`builtin`, an agent's name, `hand`).
    pub agent: String,
    #[serde(default)]
    pub agent_settings: BTreeMap<String, Value>,
    /// Path of the built executable, relative to the report's directory.
    pub binary: Option<String>,
    /// SHA-256 of the executable, when known (then it is in the manifest).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub binary_sha256: Option<String>,
    #[serde(default)]
    pub untranslated: Vec<Untranslated>,
    #[serde(default)]
    pub scenarios: Vec<ScenarioResult>,
    /// The external agent's work on this unit, when one was used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agent_run: Option<AgentRun>,
    /// What the unit's scenarios executed of its COBOL; `None` when no recording carries coverage.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coverage: Option<Coverage>,
    /// Why the unit is in error (or any other note for the reader).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// EXEC SQL / CICS / DLI blocks translated into calls of a generated trait: until a team binds
    /// them, the unit cannot run them (and is never verified through them).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exec_blocks: Vec<ExecBlock>,
}

/// One EXEC block and the trait method that runs it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExecBlock {
    /// `SQL`, `CICS` or `DLI`.
    pub kind: String,
    pub method: String,
    /// `file:line` of the block.
    pub origin: String,
}

impl Unit {
    /// A unit with the given name and status and nothing else yet.
    pub fn new(name: impl Into<String>, status: UnitStatus) -> Unit {
        Unit {
            name: name.into(),
            sources: Vec::new(),
            outputs: Vec::new(),
            status,
            agent: "builtin".to_string(),
            agent_settings: BTreeMap::new(),
            binary: None,
            binary_sha256: None,
            untranslated: Vec::new(),
            scenarios: Vec::new(),
            agent_run: None,
            coverage: None,
            detail: None,
            exec_blocks: Vec::new(),
        }
    }

    /// Number of scenarios that passed.
    pub fn scenarios_passed(&self) -> usize {
        self.scenarios
            .iter()
            .filter(|s| s.status == ScenarioStatus::Pass)
            .count()
    }

    /// The status a claimed status may honestly have given the evidence:
    /// `verified` needs no untranslated construct and at least one scenario,
    /// all passing; otherwise it becomes untranslated, error, mismatch or
    /// unverified. Other statuses are kept.
    pub fn honest_status(&self) -> UnitStatus {
        if self.status != UnitStatus::Verified {
            return self.status;
        }
        let any = |st: ScenarioStatus| self.scenarios.iter().any(|s| s.status == st);
        if !self.untranslated.is_empty() {
            UnitStatus::Untranslated
        } else if any(ScenarioStatus::Error) {
            UnitStatus::Error
        } else if any(ScenarioStatus::Fail) || any(ScenarioStatus::Timeout) {
            UnitStatus::Mismatch
        } else if self.scenarios.is_empty() {
            UnitStatus::Unverified
        } else {
            UnitStatus::Verified
        }
    }
}

/// What an external agent (a coding-agent command, an LLM API) did for a unit.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AgentRun {
    /// `command`, `openai`, `anthropic`.
    pub agent: String,
    /// The model, or the command line.
    pub model: String,
    /// `translate` or `refine`.
    pub mode: String,
    /// `accepted` (its answer passed every scenario), `failed`, or `kept-builtin` (refine mode: no
    /// answer passed, the built-in translation stays).
    pub outcome: String,
    pub attempts: u32,
    pub tokens_in: u64,
    pub tokens_out: u64,
    /// In the currency of the price table, when one is given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost: Option<f64>,
    /// Answers taken from the response cache (no request made).
    pub cache_hits: u32,
    /// Per attempt.
    pub prompt_sha256: Vec<String>,
    pub response_sha256: Vec<String>,
    /// Transcript per attempt, relative to the report's directory.
    pub transcripts: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub failure: Option<String>,
}

/// Statement, paragraph and branch coverage of a unit's original COBOL by its scenarios (recorded
/// under GnuCOBOL with tracing). Equivalence is not claimed for what was never executed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Coverage {
    pub statements: usize,
    pub statements_executed: usize,
    /// Named paragraphs and sections.
    pub procedures: usize,
    pub procedures_executed: usize,
    /// Arms of IF and EVALUATE statements (THEN, ELSE, each WHEN, OTHER).
    pub arms: usize,
    pub arms_taken: usize,
    /// `file:line` of every statement never executed.
    #[serde(default)]
    pub never_executed: Vec<String>,
    /// `PROGRAM: NAME (file:line)` of every paragraph or section never entered.
    #[serde(default)]
    pub procedures_never_executed: Vec<String>,
    /// `IF at file:line: ELSE` of every arm never taken.
    #[serde(default)]
    pub arms_never_taken: Vec<String>,
    /// Scenarios whose recording carries no coverage (recorded without tracing).
    #[serde(default)]
    pub scenarios_without_coverage: usize,
}

/// `part / whole` as a percentage with one decimal (`100.0` for an empty whole).
pub fn percent(part: usize, whole: usize) -> String {
    if whole == 0 {
        return "100.0".into();
    }
    // Integer arithmetic, so that the same counts always print the same digits.
    let tenths = (part as u128 * 1000 + whole as u128 / 2) / whole as u128;
    format!("{}.{}", tenths / 10, tenths % 10)
}

/// Counts over all units.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    pub units: usize,
    pub verified: usize,
    pub mismatch: usize,
    pub untranslated: usize,
    pub unverified: usize,
    pub error: usize,
    pub ported_by_hand: usize,
    pub scenarios: usize,
    pub scenarios_passed: usize,
    /// Statements of the units with coverage, and how many of them the scenarios executed.
    #[serde(default)]
    pub statements: usize,
    #[serde(default)]
    pub statements_executed: usize,
}

impl Summary {
    /// The count for one status.
    pub fn count(&self, status: UnitStatus) -> usize {
        match status {
            UnitStatus::Verified => self.verified,
            UnitStatus::Mismatch => self.mismatch,
            UnitStatus::Untranslated => self.untranslated,
            UnitStatus::Unverified => self.unverified,
            UnitStatus::Error => self.error,
            UnitStatus::PortedByHand => self.ported_by_hand,
        }
    }
}

/// The equivalence report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub ferry_version: String,
    /// Only present when the caller explicitly asks for a timestamp.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub generated_at: Option<String>,
    /// Where unit source paths are rooted, as seen from the report's directory
    /// (e.g. `../src`). Used to build manifest paths.
    pub source_root: String,
    pub summary: Summary,
    pub units: Vec<Unit>,
    pub manifest: Vec<FileHash>,
    pub digest: String,
}

/// `root` joined with `path`, `/`-separated, `.` segments dropped.
pub fn join_rel(root: &str, path: &str) -> String {
    if path.starts_with('/') {
        return path.to_string();
    }
    let root = root.trim_end_matches('/');
    if root.is_empty() || root == "." {
        return path.trim_start_matches("./").to_string();
    }
    format!("{root}/{}", path.trim_start_matches("./"))
}

impl Report {
    /// An empty report.
    pub fn new(ferry_version: impl Into<String>, source_root: impl Into<String>) -> Report {
        Report {
            ferry_version: ferry_version.into(),
            generated_at: None,
            source_root: source_root.into(),
            summary: Summary::default(),
            units: Vec::new(),
            manifest: Vec::new(),
            digest: String::new(),
        }
    }

    /// Sorts everything, enforces honest statuses, and computes summary,
    /// manifest and digest. Idempotent.
    pub fn finalize(&mut self) -> Result<()> {
        self.units.sort_by(|a, b| a.name.cmp(&b.name));
        for u in &mut self.units {
            u.sources.sort();
            u.sources.dedup();
            u.outputs.sort();
            u.outputs.dedup();
            u.untranslated.sort();
            u.scenarios
                .sort_by(|a, b| (&a.program, &a.name).cmp(&(&b.program, &b.name)));
            u.status = u.honest_status();
            u.agent_settings = u
                .agent_settings
                .iter()
                .map(|(k, v)| (k.clone(), sorted_value(v)))
                .collect();
        }
        self.summary = self.compute_summary();
        self.manifest = self.compute_manifest();
        self.digest = self.compute_digest()?;
        Ok(())
    }

    /// Summary counts from the units.
    pub fn compute_summary(&self) -> Summary {
        let mut s = Summary {
            units: self.units.len(),
            ..Summary::default()
        };
        for u in &self.units {
            match u.status {
                UnitStatus::Verified => s.verified += 1,
                UnitStatus::Mismatch => s.mismatch += 1,
                UnitStatus::Untranslated => s.untranslated += 1,
                UnitStatus::Unverified => s.unverified += 1,
                UnitStatus::Error => s.error += 1,
                UnitStatus::PortedByHand => s.ported_by_hand += 1,
            }
            s.scenarios += u.scenarios.len();
            s.scenarios_passed += u.scenarios_passed();
            if let Some(c) = &u.coverage {
                s.statements += c.statements;
                s.statements_executed += c.statements_executed;
            }
        }
        s
    }

    /// Every source, output and hashed binary, with paths relative to the
    /// report's directory, sorted and de-duplicated.
    pub fn compute_manifest(&self) -> Vec<FileHash> {
        let mut set: BTreeSet<FileHash> = BTreeSet::new();
        for u in &self.units {
            for s in &u.sources {
                set.insert(FileHash {
                    path: join_rel(&self.source_root, &s.path),
                    sha256: s.sha256.clone(),
                });
            }
            set.extend(u.outputs.iter().cloned());
            if let (Some(path), Some(sha)) = (&u.binary, &u.binary_sha256) {
                set.insert(FileHash {
                    path: path.clone(),
                    sha256: sha.clone(),
                });
            }
        }
        set.into_iter().collect()
    }

    /// SHA-256 over the canonical JSON of the report without its digest.
    pub fn compute_digest(&self) -> Result<String> {
        Ok(digest_of_value(&serde_json::to_value(self)?))
    }
}
