//! `OUT/ferry-state.json`: what a translate run produced, per unit, with the fingerprint of everything
//! the translation depended on and the hash of every file written. Written last and atomically, so an
//! interrupted run leaves the previous state (and the next run redoes only what is missing).

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{Context, Result};
use ferry_translate::{Binary, Interface, Untranslated};
use serde::{Deserialize, Serialize};

pub const STATE_FILE: &str = "ferry-state.json";
pub const VERIFY_FILE: &str = "ferry-verify.json";
pub const SCHEMA: &str = "ferry-state/1";

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct FileHash {
    pub path: String,
    pub sha256: String,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum UnitState {
    Translated,
    Untranslated,
    /// The source did not parse or lay out: nothing was translated.
    Error,
    /// Generated files were edited by hand and kept.
    PortedByHand,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct UnitRecord {
    pub name: String,
    pub crate_name: String,
    pub wave: usize,
    pub programs: Vec<String>,
    /// Source files (main files and copybooks), relative to the source root.
    pub sources: Vec<FileHash>,
    pub fingerprint: String,
    pub agent: String,
    pub agent_settings: BTreeMap<String, String>,
    /// The unit's files, relative to OUT, with the hash of their current contents.
    pub outputs: Vec<FileHash>,
    /// For files edited by hand: the hash of what ferry generated, so that the edit is recognised on
    /// every later run (and never overwritten without `--force`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub generated: Vec<FileHash>,
    /// Crate names of the units this unit's crate depends on.
    #[serde(default)]
    pub dependencies: Vec<String>,
    /// What an external agent did for this unit (none for the built-in agent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agent_run: Option<ferry_report::AgentRun>,
    /// What of the unit's COBOL can be covered by scenarios (statements, paragraphs, branch arms).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub coverable: Vec<crate::coverage::Coverable>,
    pub binaries: Vec<Binary>,
    pub interfaces: Vec<Interface>,
    pub depends_on: Vec<String>,
    pub untranslated: Vec<Untranslated>,
    /// EXEC SQL/CICS/DLI blocks translated into calls of a generated trait: the unit needs a binding.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exec: Vec<ferry_translate::ExecBinding>,
    pub state: UnitState,
    /// Why the unit is in an error state.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct State {
    pub schema: String,
    pub ferry_version: String,
    /// The source root as given on the command line, relative to OUT when possible.
    pub source_root: String,
    pub units: Vec<UnitRecord>,
    /// Shared record-layout crates of copybooks several programs copy (translated first).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub layouts: Vec<UnitRecord>,
    /// Program name -> the programs it may CALL (static CALLs, the names of dynamic ones, and `*`
    /// for a dynamic CALL whose name is not known), for mapping scenarios to units.
    pub calls: BTreeMap<String, Vec<String>>,
}

impl State {
    pub fn load(out: &Path) -> Result<Option<State>> {
        let path = out.join(STATE_FILE);
        if !path.exists() {
            return Ok(None);
        }
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        let state: State = serde_json::from_str(&text)
            .with_context(|| format!("{} is not a ferry state file", path.display()))?;
        if state.schema != SCHEMA {
            anyhow::bail!(
                "{} has schema {}, this ferry reads {SCHEMA}",
                path.display(),
                state.schema
            );
        }
        Ok(Some(state))
    }

    pub fn save(&self, out: &Path) -> Result<()> {
        let text = serde_json::to_string_pretty(self)? + "\n";
        ferry_report::write_atomic(&out.join(STATE_FILE), text.as_bytes())?;
        Ok(())
    }

    /// The source root as a path usable from the current directory.
    pub fn source_dir(&self, out: &Path) -> std::path::PathBuf {
        let p = Path::new(&self.source_root);
        if p.is_absolute() {
            p.to_path_buf()
        } else {
            out.join(p)
        }
    }

    /// Every program whose run can reach `program` through static CALLs (itself included).
    pub fn callers_of(&self, program: &str) -> Vec<String> {
        let mut out: Vec<String> = self
            .calls
            .keys()
            .filter(|p| self.reaches(p, program))
            .cloned()
            .collect();
        if !out.iter().any(|p| p == program) {
            out.push(program.to_string());
        }
        out.sort();
        out
    }

    fn reaches(&self, from: &str, to: &str) -> bool {
        let mut seen = std::collections::BTreeSet::new();
        let mut stack = vec![from.to_string()];
        while let Some(p) = stack.pop() {
            // a dynamic CALL of a name not known before the run may reach any program
            if p == to || p == crate::pipeline::ANY_PROGRAM {
                return true;
            }
            if seen.insert(p.clone()) {
                if let Some(cs) = self.calls.get(&p) {
                    stack.extend(cs.iter().cloned());
                }
            }
        }
        false
    }
}

impl UnitRecord {
    /// The hash of what ferry itself wrote at `path` (for a hand-edited file, not its current hash).
    pub fn generated_hash(&self, path: &str) -> Option<&str> {
        self.generated
            .iter()
            .chain(&self.outputs)
            .find(|f| f.path == path)
            .map(|f| f.sha256.as_str())
    }
}

pub const JOURNAL_FILE: &str = ".ferry/journal.jsonl";

/// One line of the journal.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum JournalEntry {
    /// About to write these files for a unit (so that an interrupted write is not mistaken for a
    /// hand edit on the next run).
    Intent { unit: String, files: Vec<FileHash> },
    /// A unit is completely translated and written.
    Done(Box<UnitRecord>),
}

/// `OUT/.ferry/journal.jsonl`: an append-only log of the units a translate run has finished, so that
/// a run that is interrupted (Ctrl-C, kill, power loss) loses nothing: the next run reads it, keeps
/// what was completed and redoes only the rest. Removed once the state file is saved.
/// Units are written by several threads: each line is written whole, under a lock.
pub struct Journal {
    path: std::path::PathBuf,
    file: std::sync::Mutex<Option<std::fs::File>>,
}

/// A journal line as written: [`JournalEntry`] without owning what it holds.
#[derive(Serialize)]
#[serde(rename_all = "snake_case")]
enum EntryRef<'a> {
    Intent {
        unit: &'a str,
        files: &'a [FileHash],
    },
    Done(&'a UnitRecord),
}

impl Journal {
    /// The entries left by an interrupted run (a torn last line is ignored).
    pub fn read(out: &Path) -> Vec<JournalEntry> {
        let Ok(text) = std::fs::read_to_string(out.join(JOURNAL_FILE)) else {
            return Vec::new();
        };
        text.lines()
            .filter_map(|l| serde_json::from_str(l).ok())
            .collect()
    }

    pub fn exists(out: &Path) -> bool {
        out.join(JOURNAL_FILE).exists()
    }

    pub fn open(out: &Path) -> Result<Journal> {
        let path = out.join(JOURNAL_FILE);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("cannot create {}", dir.display()))?;
        }
        let file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&path)
            .with_context(|| format!("cannot open {}", path.display()))?;
        Ok(Journal {
            path,
            file: std::sync::Mutex::new(Some(file)),
        })
    }

    /// Logs that `unit` is about to write `files`.
    pub fn intent(&self, unit: &str, files: &[FileHash]) -> Result<()> {
        self.append(&EntryRef::Intent { unit, files })
    }

    /// Logs that a unit is completely translated and written.
    pub fn done(&self, record: &UnitRecord) -> Result<()> {
        self.append(&EntryRef::Done(record))
    }

    fn append(&self, entry: &EntryRef<'_>) -> Result<()> {
        use std::io::Write;
        let mut line = serde_json::to_string(entry)?;
        line.push('\n');
        let mut file = self
            .file
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(f) = file.as_mut() {
            // One write per line: a kill leaves at most a torn last line, which `read` skips.
            f.write_all(line.as_bytes())
                .and_then(|()| f.flush())
                .with_context(|| format!("cannot write {}", self.path.display()))?;
        }
        Ok(())
    }

    /// The run is complete and its state saved: the journal is no longer needed.
    pub fn finish(self) -> Result<()> {
        drop(self.file);
        match std::fs::remove_file(&self.path) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(e).with_context(|| format!("cannot remove {}", self.path.display())),
        }
    }
}

pub fn sha256_file(path: &Path) -> Option<String> {
    use sha2::Digest;
    std::fs::read(path)
        .ok()
        .map(|b| hex::encode(sha2::Sha256::digest(&b)))
}

pub fn sha256_bytes(b: &[u8]) -> String {
    use sha2::Digest;
    hex::encode(sha2::Sha256::digest(b))
}

/// `target` relative to `base` (both made absolute first), `/`-separated; `None` when there is no
/// common ancestor.
pub fn relative_path(base: &Path, target: &Path) -> Option<String> {
    let base = std::path::absolute(base).ok()?;
    let target = std::path::absolute(target).ok()?;
    let b: Vec<_> = base.components().collect();
    let t: Vec<_> = target.components().collect();
    let common = b.iter().zip(&t).take_while(|(x, y)| x == y).count();
    if common == 0 {
        return None;
    }
    let mut parts: Vec<String> = std::iter::repeat_n("..".to_string(), b.len() - common).collect();
    parts.extend(
        t[common..]
            .iter()
            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
    );
    Some(if parts.is_empty() {
        ".".into()
    } else {
        parts.join("/")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths() {
        assert_eq!(
            relative_path(Path::new("/a/b/out"), Path::new("/a/src")).as_deref(),
            Some("../../src")
        );
        assert_eq!(
            relative_path(Path::new("/a"), Path::new("/a")).as_deref(),
            Some(".")
        );
    }
}
