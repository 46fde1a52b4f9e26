//! INDEXED files at the scenario boundary when recording under GnuCOBOL.
//!
//! Scenarios give and record indexed files in *unloaded* form (records in record-key
//! order, fixed length or with the 4-byte header of variable SEQUENTIAL files). cobc keeps
//! them in Berkeley DB files, whose bytes differ from run to run. So, around a recording
//! run, for every INDEXED file of the programs run (as their SELECT and FD describe it):
//! * before the first program, an input file in unloaded form is loaded into BDB by a
//!   generated COBOL program (sequential READ, indexed WRITE in key order);
//! * after the last program, a BDB file is unloaded by a generated COBOL program (READ
//!   NEXT in record-key order, sequential WRITE), put in place of the BDB file, and BDB's
//!   side files (`NAME.1`, ... one per alternate key) are deleted.
//!
//! The generated programs are compiled once per record layout and key spec, and cached for
//! the whole record run.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;

use crate::error::{Result, VerifyError};
use crate::run::RunHooks;

/// An INDEXED file of a program, from its SELECT and FD.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct IndexedFile {
    /// The ASSIGN name (a literal's value or the external name), resolved at run time as
    /// GnuCOBOL does (`DD_name`, `dd_name`, `name` in the environment, `COB_FILE_PATH`).
    pub assign: String,
    /// Smallest and largest record; they differ for variable-length records.
    pub min_len: usize,
    pub max_len: usize,
    /// (offset in the record, length, WITH DUPLICATES), the RECORD KEY first.
    pub keys: Vec<(usize, usize, bool)>,
}

impl IndexedFile {
    fn variable(&self) -> bool {
        self.min_len != self.max_len
    }

    /// The COBOL source of the load (`load`) or unload program for this layout.
    fn program(&self, load: bool) -> String {
        let mut s = String::new();
        let mut line = |l: &str| {
            s.push_str("       ");
            s.push_str(l);
            s.push('\n');
        };
        line("IDENTIFICATION DIVISION.");
        line(if load {
            "PROGRAM-ID. FERRYLOD."
        } else {
            "PROGRAM-ID. FERRYUNL."
        });
        line("ENVIRONMENT DIVISION.");
        line("INPUT-OUTPUT SECTION.");
        line("FILE-CONTROL.");
        line("    SELECT IX-FILE ASSIGN TO \"FERRYIX\"");
        line("        ORGANIZATION IS INDEXED");
        line("        ACCESS MODE IS SEQUENTIAL");
        line("        RECORD KEY IS IX-K0");
        for (i, k) in self.keys.iter().enumerate().skip(1) {
            line(&format!(
                "        ALTERNATE RECORD KEY IS IX-K{i}{}",
                if k.2 { " WITH DUPLICATES" } else { "" }
            ));
        }
        line("        FILE STATUS IS IX-ST.");
        line("    SELECT SQ-FILE ASSIGN TO \"FERRYSQ\"");
        line("        ORGANIZATION IS SEQUENTIAL");
        line("        FILE STATUS IS SQ-ST.");
        line("DATA DIVISION.");
        line("FILE SECTION.");
        let varying = format!(
            "    RECORD VARYING IN SIZE FROM {} TO {} CHARACTERS",
            self.min_len.max(1),
            self.max_len
        );
        if self.variable() {
            line("FD  IX-FILE");
            line(&varying);
            line("        DEPENDING ON WS-LEN.");
        } else {
            line("FD  IX-FILE.");
        }
        line(&format!("01  IX-REC PIC X({}).", self.max_len));
        for (i, (off, len, _)) in self.keys.iter().enumerate() {
            line(&format!("01  IX-R{i}."));
            if *off > 0 {
                line(&format!("    05  FILLER PIC X({off})."));
            }
            line(&format!("    05  IX-K{i} PIC X({len})."));
        }
        if self.variable() {
            line("FD  SQ-FILE");
            line(&varying);
            line("        DEPENDING ON WS-LEN.");
        } else {
            line("FD  SQ-FILE.");
        }
        line(&format!("01  SQ-REC PIC X({}).", self.max_len));
        line("WORKING-STORAGE SECTION.");
        line("01  IX-ST PIC XX.");
        line("01  SQ-ST PIC XX.");
        line(&format!("01  WS-LEN PIC 9(9) VALUE {}.", self.max_len));
        line("PROCEDURE DIVISION.");
        let (from, from_st, to, to_st) = if load {
            ("SQ-FILE", "SQ-ST", "IX-FILE", "IX-ST")
        } else {
            ("IX-FILE", "IX-ST", "SQ-FILE", "SQ-ST")
        };
        let (to_rec, from_rec) = if load {
            ("IX-REC", "SQ-REC")
        } else {
            ("SQ-REC", "IX-REC")
        };
        line(&format!("    OPEN INPUT {from}"));
        line(&format!("    IF {from_st} NOT = \"00\""));
        line(&format!(
            "        DISPLAY \"OPEN INPUT STATUS \" {from_st} UPON SYSERR"
        ));
        line("        STOP RUN RETURNING 1");
        line("    END-IF");
        line(&format!("    OPEN OUTPUT {to}"));
        line(&format!("    IF {to_st} NOT = \"00\""));
        line(&format!(
            "        DISPLAY \"OPEN OUTPUT STATUS \" {to_st} UPON SYSERR"
        ));
        line("        STOP RUN RETURNING 1");
        line("    END-IF");
        line(&format!("    PERFORM UNTIL {from_st} NOT = \"00\""));
        line(&format!("        READ {from} NEXT RECORD"));
        line(&format!("        IF {from_st} = \"00\""));
        line(&format!("            WRITE {to_rec} FROM {from_rec}"));
        line(&format!(
            "            IF {to_st} NOT = \"00\" AND {to_st} NOT = \"02\""
        ));
        line(&format!(
            "                DISPLAY \"WRITE STATUS \" {to_st} UPON SYSERR"
        ));
        line("                STOP RUN RETURNING 1");
        line("            END-IF");
        line("        END-IF");
        line("    END-PERFORM");
        line(&format!("    IF {from_st} NOT = \"10\""));
        line(&format!(
            "        DISPLAY \"READ STATUS \" {from_st} UPON SYSERR"
        ));
        line("        STOP RUN RETURNING 1");
        line("    END-IF");
        line(&format!("    CLOSE {from} {to}"));
        line("    STOP RUN.");
        s
    }
}

/// Whether `bytes` start like a Berkeley DB B-tree file (magic 0x053162 at offset 12,
/// either byte order).
fn is_bdb(bytes: &[u8]) -> bool {
    matches!(
        bytes.get(12..16),
        Some([0x62, 0x31, 0x05, 0x00] | [0x00, 0x05, 0x31, 0x62])
    )
}

/// GnuCOBOL's mapping of an ASSIGN name to a path, with the scenario's environment.
fn resolve(name: &str, env: &[(String, String)]) -> String {
    let get = |k: &str| {
        env.iter()
            .rev()
            .find(|(key, v)| key == k && !v.is_empty())
            .map(|(_, v)| v.clone())
    };
    let simple = !name.is_empty()
        && name
            .bytes()
            .all(|c| c.is_ascii_alphanumeric() || c == b'_' || c == b'-');
    let mut path = name.to_string();
    if simple {
        if let Some(v) = [format!("DD_{name}"), format!("dd_{name}"), name.to_string()]
            .iter()
            .find_map(|k| get(k))
        {
            path = v;
        }
    }
    if let Some(prefix) = get("COB_FILE_PATH") {
        if !path.starts_with('/') {
            path = format!("{}/{}", prefix.trim_end_matches('/'), path);
        }
    }
    path
}

/// The generated load/unload programs of one record run, compiled with cobc on first use.
pub struct IndexedTools {
    work: tempfile::TempDir,
    /// (file layout, load?) -> executable
    cache: Mutex<BTreeMap<(IndexedFile, bool), PathBuf>>,
}

impl IndexedTools {
    pub fn new() -> Result<IndexedTools> {
        let work = tempfile::Builder::new()
            .prefix("ferry-idx-tools-")
            .tempdir()
            .map_err(|e| VerifyError::io("creating temp dir", std::env::temp_dir(), e))?;
        Ok(IndexedTools {
            work,
            cache: Mutex::new(BTreeMap::new()),
        })
    }

    /// Hooks that load and unload `files` around a scenario's run.
    pub fn hooks<'a>(&'a self, files: &[IndexedFile]) -> IndexedHooks<'a> {
        let mut files = files.to_vec();
        files.sort();
        files.dedup();
        IndexedHooks { tools: self, files }
    }

    fn exe(&self, file: &IndexedFile, load: bool) -> Result<PathBuf> {
        let mut cache = self.cache.lock().unwrap_or_else(|e| e.into_inner());
        let key = (file.clone(), load);
        if let Some(p) = cache.get(&key) {
            return Ok(p.clone());
        }
        let dir = self.work.path().join(format!("p{}", cache.len()));
        std::fs::create_dir_all(&dir).map_err(|e| VerifyError::io("creating", &dir, e))?;
        let src = dir.join(if load { "FERRYLOD.cbl" } else { "FERRYUNL.cbl" });
        std::fs::write(&src, file.program(load))
            .map_err(|e| VerifyError::io("writing", &src, e))?;
        let exe = crate::cobc::compile_with_cobc(&src, &[], &[], &[], &dir)?;
        cache.insert(key, exe.clone());
        Ok(exe)
    }

    /// Runs the load (unload) program with `ix` as the indexed file and `sq` as the
    /// sequential one.
    fn convert(&self, file: &IndexedFile, load: bool, ix: &Path, sq: &Path) -> Result<()> {
        let exe = self.exe(file, load)?;
        let out = Command::new(&exe)
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("DD_FERRYIX", ix)
            .env("DD_FERRYSQ", sq)
            .output()
            .map_err(|e| VerifyError::Spawn {
                exe: exe.clone(),
                source: e,
            })?;
        if !out.status.success() {
            return Err(VerifyError::io(
                if load {
                    "loading into GnuCOBOL's indexed format"
                } else {
                    "unloading GnuCOBOL's indexed file"
                },
                ix,
                std::io::Error::other(format!(
                    "the generated {} program failed ({}): {}",
                    if load { "load" } else { "unload" },
                    out.status,
                    String::from_utf8_lossy(&out.stderr).trim()
                )),
            ));
        }
        Ok(())
    }
}

/// [`RunHooks`] for one scenario (see the module doc).
pub struct IndexedHooks<'a> {
    tools: &'a IndexedTools,
    files: Vec<IndexedFile>,
}

impl IndexedHooks<'_> {
    /// The files of the run directory, each path once (the first SELECT naming it wins).
    fn paths(&self, dir: &Path, env: &[(String, String)]) -> Vec<(PathBuf, &IndexedFile)> {
        let mut seen = std::collections::BTreeSet::new();
        let mut out = Vec::new();
        for f in &self.files {
            let p = dir.join(resolve(&f.assign, env));
            if seen.insert(p.clone()) {
                out.push((p, f));
            }
        }
        out
    }
}

fn with_suffix(p: &Path, suffix: &str) -> PathBuf {
    let mut s = p.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

fn head(p: &Path) -> Result<Vec<u8>> {
    use std::io::Read;
    let mut f = std::fs::File::open(p).map_err(|e| VerifyError::io("opening", p, e))?;
    let mut buf = vec![0u8; 16];
    let mut got = 0;
    while got < buf.len() {
        match f.read(&mut buf[got..]) {
            Ok(0) => break,
            Ok(n) => got += n,
            Err(e) => return Err(VerifyError::io("reading", p, e)),
        }
    }
    buf.truncate(got);
    Ok(buf)
}

impl RunHooks for IndexedHooks<'_> {
    fn before_run(&self, dir: &Path, env: &[(String, String)]) -> Result<()> {
        for (p, f) in self.paths(dir, env) {
            if !p.is_file() || is_bdb(&head(&p)?) {
                continue;
            }
            let unl = with_suffix(&p, ".ferry-unl");
            std::fs::rename(&p, &unl).map_err(|e| VerifyError::io("renaming", &p, e))?;
            self.tools.convert(f, true, &p, &unl)?;
            std::fs::remove_file(&unl).map_err(|e| VerifyError::io("removing", &unl, e))?;
        }
        Ok(())
    }

    fn after_run(&self, dir: &Path, env: &[(String, String)]) -> Result<()> {
        for (p, f) in self.paths(dir, env) {
            if !p.is_file() || !is_bdb(&head(&p)?) {
                continue;
            }
            let unl = with_suffix(&p, ".ferry-unl");
            self.tools.convert(f, false, &p, &unl)?;
            std::fs::rename(&unl, &p).map_err(|e| VerifyError::io("renaming", &unl, e))?;
            for i in 1..f.keys.len().max(1) {
                let side = with_suffix(&p, &format!(".{i}"));
                if side.is_file() {
                    std::fs::remove_file(&side)
                        .map_err(|e| VerifyError::io("removing", &side, e))?;
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cobc() -> bool {
        let found = crate::cobc_version().is_some();
        if !found {
            assert!(
                std::env::var_os("FERRY_REQUIRE_COBC").is_none(),
                "FERRY_REQUIRE_COBC is set but cobc was not found"
            );
            eprintln!("skipped: cobc not found");
        }
        found
    }

    /// A translated program's INDEXED file (a redb store) is taken in unloaded form.
    #[test]
    fn snapshot_takes_stores_unloaded() {
        use ferry_runtime::{Access, Advance, CobFile, FileSpec, KeySpec, OpenMode};
        const KEYS: &[KeySpec] = &[KeySpec::new(0, 2)];
        let dir = tempfile::tempdir().unwrap();
        let p: &'static str = Box::leak(
            dir.path()
                .join("K.IDX")
                .to_string_lossy()
                .into_owned()
                .into_boxed_str(),
        );
        let mut f = CobFile::new(FileSpec::indexed(p, 3, KEYS).access(Access::Dynamic));
        assert!(f.open(OpenMode::Output).is_ok());
        for r in [b"02b", b"01a"] {
            assert!(f.write(r, Advance::None).is_ok());
        }
        assert!(f.close().is_ok());
        assert!(std::fs::read(p).unwrap().starts_with(b"redb"));
        std::fs::write(dir.path().join("plain"), b"redb? no").unwrap();
        let snap = crate::run::snapshot(dir.path()).unwrap();
        assert_eq!(snap["K.IDX"], b"01a02b");
        assert_eq!(snap["plain"], b"redb? no");
    }

    #[test]
    fn resolves_like_gnucobol() {
        let env = vec![
            ("DD_CUST".to_string(), "cust.dat".to_string()),
            ("COB_FILE_PATH".to_string(), "data".to_string()),
        ];
        assert_eq!(resolve("CUST", &env), "data/cust.dat");
        assert_eq!(resolve("WORK.IDX", &[]), "WORK.IDX");
        assert_eq!(resolve("OTHER", &env), "data/OTHER");
    }

    /// An unloaded file goes into BDB and comes back byte for byte, duplicates and all;
    /// fixed and variable length.
    #[test]
    fn load_then_unload_round_trip() {
        if !cobc() {
            return;
        }
        let tools = IndexedTools::new().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let fixed = IndexedFile {
            assign: "F.IDX".into(),
            min_len: 6,
            max_len: 6,
            keys: vec![(0, 3, false), (3, 2, true)],
        };
        let var = IndexedFile {
            assign: "VFILE".into(),
            min_len: 4,
            max_len: 8,
            keys: vec![(1, 3, false)],
        };
        let env = vec![("DD_VFILE".to_string(), "v.idx".to_string())];
        std::fs::write(dir.path().join("F.IDX"), b"001XXa002YYb003XXc").unwrap();
        let mut v = Vec::new();
        for r in [&b"a001"[..], b"b002bbbb", b"c003cc"] {
            v.extend_from_slice(&[0, r.len() as u8, 0, 0]);
            v.extend_from_slice(r);
        }
        std::fs::write(dir.path().join("v.idx"), &v).unwrap();
        let hooks = tools.hooks(&[fixed, var]);
        hooks.before_run(dir.path(), &env).unwrap();
        assert!(is_bdb(&std::fs::read(dir.path().join("F.IDX")).unwrap()));
        assert!(is_bdb(&std::fs::read(dir.path().join("v.idx")).unwrap()));
        hooks.after_run(dir.path(), &env).unwrap();
        assert_eq!(
            std::fs::read(dir.path().join("F.IDX")).unwrap(),
            b"001XXa002YYb003XXc"
        );
        assert_eq!(std::fs::read(dir.path().join("v.idx")).unwrap(), v);
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names.len(), 2, "side files left: {names:?}");
        // an unloaded file out of key order is refused with cobc's status
        std::fs::write(dir.path().join("F.IDX"), b"002YYb001XXa").unwrap();
        let e = hooks.before_run(dir.path(), &env).unwrap_err().to_string();
        assert!(e.contains("WRITE STATUS 21"), "{e}");
    }
}
