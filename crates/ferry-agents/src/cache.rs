//! The response cache: one JSON file per answer, named by the sha256 of what produced it, so that a run
//! stopped half-way is resumed without asking (and paying) twice.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::{io_err, AgentError};

const FORMAT: u32 = 1;

/// One cached answer. Holds no key: only what the agent said.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Entry {
    pub format: u32,
    /// `openai`, `anthropic` or `command`.
    pub agent: String,
    /// The model, or the command line.
    pub model: String,
    pub endpoint: String,
    /// The model's text, or the command's stdout and stderr.
    pub text: String,
    /// The files a command agent wrote (none for API agents: their files are in `text`).
    pub files: Option<BTreeMap<String, String>>,
    pub tokens_in: u64,
    pub tokens_out: u64,
}

impl Entry {
    pub fn new(agent: &str, model: &str, endpoint: &str) -> Entry {
        Entry {
            format: FORMAT,
            agent: agent.to_string(),
            model: model.to_string(),
            endpoint: endpoint.to_string(),
            text: String::new(),
            files: None,
            tokens_in: 0,
            tokens_out: 0,
        }
    }
}

/// sha256 over the parts, each prefixed with its length (so no two lists of parts collide).
pub(crate) fn key(parts: &[&str]) -> String {
    use sha2::Digest;
    let mut h = sha2::Sha256::new();
    h.update(b"ferry-agent-cache\0");
    for p in parts {
        h.update((p.len() as u64).to_le_bytes());
        h.update(p.as_bytes());
    }
    hex::encode(h.finalize())
}

fn path(dir: &Path, key: &str) -> PathBuf {
    dir.join(format!("{key}.json"))
}

/// The cached entry for `key`; a missing or unreadable file is a miss.
pub(crate) fn load(dir: &Path, key: &str) -> Option<Entry> {
    let text = std::fs::read_to_string(path(dir, key)).ok()?;
    let entry: Entry = serde_json::from_str(&text).ok()?;
    (entry.format == FORMAT).then_some(entry)
}

pub(crate) fn store(dir: &Path, key: &str, entry: &Entry) -> Result<(), AgentError> {
    let json = serde_json::to_string_pretty(entry).expect("cache entries serialize");
    write_atomic(&path(dir, key), json.as_bytes())
}

/// Writes `bytes` to `path` through a temporary file in the same directory and a rename, so a reader
/// never sees half a file. Creates the parent directories.
pub(crate) fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), AgentError> {
    let parent = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent).map_err(io_err(parent))?;
    let mut tmp = tempfile::NamedTempFile::new_in(parent).map_err(io_err(parent))?;
    tmp.write_all(bytes).map_err(io_err(tmp.path()))?;
    tmp.as_file().sync_all().map_err(io_err(tmp.path()))?;
    tmp.persist(path)
        .map_err(|e| AgentError::Io {
            path: path.to_path_buf(),
            source: e.error,
        })
        .map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_separate_parts() {
        assert_ne!(key(&["ab", "c"]), key(&["a", "bc"]));
        assert_eq!(key(&["a", "b"]), key(&["a", "b"]));
    }

    #[test]
    fn store_and_load() {
        let dir = tempfile::tempdir().unwrap();
        let k = key(&["x"]);
        assert!(load(dir.path(), &k).is_none());
        let mut e = Entry::new("openai", "m", "http://h");
        e.text = "hello".into();
        e.tokens_in = 3;
        store(&dir.path().join("sub"), &k, &e).unwrap();
        assert_eq!(load(&dir.path().join("sub"), &k), Some(e));
        std::fs::write(path(dir.path(), &k), "{ broken").unwrap();
        assert!(load(dir.path(), &k).is_none());
        // Only the entry is left in the directory (no temporary files).
        assert_eq!(
            std::fs::read_dir(dir.path().join("sub")).unwrap().count(),
            1
        );
    }
}
