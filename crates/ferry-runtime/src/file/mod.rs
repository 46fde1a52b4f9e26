//! Files: specs, handles, FILE STATUS, ASSIGN name resolution, and the sequential
//! organizations (LINE SEQUENTIAL and record SEQUENTIAL).
//!
//! cobc 3.1.2 facts (experiments f1/f2/f3):
//! * Status: OPEN INPUT of a missing file 35 (OPTIONAL: 05, then READ gives 10, then 46);
//!   OPEN OUTPUT in a missing directory 30; OPEN of an open file 41; CLOSE of a closed file
//!   42; READ when not open or open OUTPUT 47; WRITE when closed or open INPUT 48;
//!   READ after end 46; REWRITE without a preceding READ 43; short last record of a
//!   SEQUENTIAL file 04 (the rest of the record area is left unchanged); OPEN EXTEND of a
//!   missing file 35.
//! * LINE SEQUENTIAL WRITE: trailing spaces trimmed; no ADVANCING: data "\n"; AFTER n:
//!   "\n" x n then data (AFTER 0: "\r" then data); BEFORE n: data then "\n" x n;
//!   AFTER PAGE "\f" data; BEFORE PAGE data "\f". If the last WRITE was AFTER ADVANCING,
//!   CLOSE adds "\n". Record SEQUENTIAL writes the record bytes with the same ADVANCING
//!   bytes around them.
//! * LINE SEQUENTIAL READ: up to "\n", '\r' dropped, record area padded with spaces, excess
//!   data ignored (status 00); form feeds are data.
//! * ASSIGN name NAME: env DD_NAME, then dd_NAME, then NAME, else NAME itself is the path
//!   (also for names taken from a data item at OPEN time). COB_FILE_PATH, when set,
//!   prefixes relative names.

mod idx;
pub use idx::unload;
pub mod linage;
mod rel;
mod seq;

/// Handle of a registered file (see [`crate::Rt::add_file`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FileId(pub usize);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Org {
    LineSequential,
    Sequential,
    Relative,
    Indexed,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OpenMode {
    Input,
    Output,
    InputOutput,
    Extend,
}

/// WRITE ... BEFORE/AFTER ADVANCING.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Advance {
    None,
    Before(u32),
    After(u32),
    BeforePage,
    AfterPage,
}

/// ACCESS MODE.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    Sequential,
    Random,
    Dynamic,
}

/// START ... KEY relation (NOT LESS = `Ge`, NOT GREATER = `Le`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StartOp {
    Eq,
    Gt,
    Ge,
    Lt,
    Le,
}

/// A RECORD KEY / ALTERNATE RECORD KEY: position inside the record area.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KeySpec {
    pub offset: usize,
    pub len: usize,
    /// WITH DUPLICATES
    pub duplicates: bool,
}

impl KeySpec {
    pub const fn new(offset: usize, len: usize) -> KeySpec {
        KeySpec {
            offset,
            len,
            duplicates: false,
        }
    }
    pub const fn with_duplicates(mut self) -> KeySpec {
        self.duplicates = true;
        self
    }
}

/// A two-character FILE STATUS value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FileStatus(pub [u8; 2]);

impl FileStatus {
    pub const OK: FileStatus = FileStatus(*b"00");
    pub const fn new(s: &[u8; 2]) -> FileStatus {
        FileStatus(*s)
    }
    pub fn bytes(&self) -> &[u8] {
        &self.0
    }
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or("??")
    }
    /// Successful (status 0x).
    pub fn is_ok(&self) -> bool {
        self.0[0] == b'0'
    }
    /// AT END condition (status 1x).
    pub fn at_end(&self) -> bool {
        self.0[0] == b'1'
    }
    /// INVALID KEY condition (status 2x).
    pub fn invalid_key(&self) -> bool {
        self.0[0] == b'2'
    }
}

/// Static description of a file (from SELECT and FD).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FileSpec {
    /// The ASSIGN name (literal or external name); for ASSIGN to a data item pass the
    /// item's value to [`CobFile::open_named`].
    pub assign: &'static str,
    pub org: Org,
    /// Largest record (the record area size).
    pub max_len: usize,
    /// Smallest record (variable-length files); equals `max_len` when fixed.
    pub min_len: usize,
    pub optional: bool,
    /// The SELECT name (used in run-time error messages); empty = the ASSIGN name.
    pub select: &'static str,
    pub access: Access,
    /// INDEXED: the RECORD KEY first, then the ALTERNATE RECORD KEYs (key index = position).
    pub keys: &'static [KeySpec],
}

impl FileSpec {
    pub const fn new(assign: &'static str, org: Org, max_len: usize) -> FileSpec {
        FileSpec {
            assign,
            org,
            max_len,
            min_len: max_len,
            optional: false,
            select: "",
            access: Access::Sequential,
            keys: &[],
        }
    }
    /// ORGANIZATION RELATIVE.
    pub const fn relative(assign: &'static str, max_len: usize) -> FileSpec {
        FileSpec::new(assign, Org::Relative, max_len)
    }
    /// ORGANIZATION INDEXED with its keys (record key first).
    pub const fn indexed(
        assign: &'static str,
        max_len: usize,
        keys: &'static [KeySpec],
    ) -> FileSpec {
        let mut s = FileSpec::new(assign, Org::Indexed, max_len);
        s.keys = keys;
        s
    }
    /// ACCESS MODE (default SEQUENTIAL).
    pub const fn access(mut self, access: Access) -> FileSpec {
        self.access = access;
        self
    }
    /// The SELECT name, for libcob-style error messages.
    pub const fn named(mut self, select: &'static str) -> FileSpec {
        self.select = select;
        self
    }
    pub const fn line_sequential(assign: &'static str, max_len: usize) -> FileSpec {
        FileSpec::new(assign, Org::LineSequential, max_len)
    }
    pub const fn sequential(assign: &'static str, max_len: usize) -> FileSpec {
        FileSpec::new(assign, Org::Sequential, max_len)
    }
    pub const fn optional(mut self) -> FileSpec {
        self.optional = true;
        self
    }
    /// RECORD VARYING / several record sizes.
    pub const fn variable(mut self, min_len: usize) -> FileSpec {
        self.min_len = min_len;
        self
    }
}

/// libcob's text for a failing FILE STATUS (cobc 3.1.2, checked for 10 30 35 41 42 43
/// 47 48 49).
pub fn status_message(st: FileStatus) -> &'static str {
    match &st.0 {
        b"10" => "end of file",
        b"14" => "relative record number out of range",
        b"21" => "key order not ascending",
        b"22" => "duplicate key",
        b"23" => "key not exists",
        b"24" => "key out of range",
        b"30" => "permanent file error",
        b"31" => "inconsistant file name",
        b"34" => "boundary violation",
        b"35" => "file does not exist",
        b"37" => "permission denied",
        b"38" => "closed with lock",
        b"39" => "conflicting attribute",
        b"41" => "file already open",
        b"42" => "file not open",
        b"43" => "READ must be executed first",
        b"44" => "record overflow",
        b"46" => "READ after unsuccessful READ/START",
        b"47" => "READ/START not allowed, file not open for input",
        b"48" => "WRITE not allowed, file not open for output",
        b"49" => "DELETE/REWRITE not allowed, file not open for I-O",
        b"51" => "record locked",
        b"57" => "LINAGE values invalid",
        b"61" => "file sharing failure",
        b"91" => "runtime library is not configured for this operation",
        _ => "unknown file error",
    }
}

/// Whether a status stops the run (libcob: "libcob: error: ... (status = nn)", exit 1).
/// It does when the file has no FILE STATUS item (and no USE declarative), and the status
/// is an error (3x..9x) or an AT END / INVALID KEY condition with no handler phrase.
pub fn is_fatal(st: FileStatus, has_file_status: bool, has_handler: bool) -> bool {
    if has_file_status {
        return false;
    }
    match st.0[0] {
        b'0' => false,
        b'1' | b'2' => !has_handler,
        _ => true,
    }
}

/// GnuCOBOL's mapping of an ASSIGN name to a path.
pub fn resolve_name(name: &str) -> String {
    let name = name.trim_end_matches([' ', '\0']).trim_start();
    let mut path = name.to_string();
    let simple = !name.is_empty()
        && name
            .bytes()
            .all(|c| c.is_ascii_alphanumeric() || c == b'_' || c == b'-');
    if simple {
        for key in [format!("DD_{name}"), format!("dd_{name}"), name.to_string()] {
            if let Ok(v) = std::env::var(&key) {
                if !v.is_empty() {
                    path = v;
                    break;
                }
            }
        }
    }
    if let Ok(prefix) = std::env::var("COB_FILE_PATH") {
        if !prefix.is_empty() && !path.starts_with('/') {
            path = format!("{}/{}", prefix.trim_end_matches('/'), path);
        }
    }
    path
}

pub(crate) use seq::CobFileState;

/// A key argument for random access: RELATIVE KEY value, or the index of an INDEXED key
/// (0 = RECORD KEY) whose value is taken from the record area.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    Rel(u64),
    Index(usize),
}

/// An open-able file: the state behind a FileId.
pub struct CobFile {
    pub spec: FileSpec,
    pub(crate) st: CobFileState,
    pub(crate) rel: rel::RelState,
    pub(crate) idx: idx::IdxState,
    /// Open mode of RELATIVE / INDEXED files.
    pub(crate) mode: Option<OpenMode>,
    /// Length of the last record read (variable-length files).
    pub rec_len: usize,
    /// RELATIVE files: the record number of the last READ NEXT / WRITE (store it into the
    /// RELATIVE KEY item).
    pub rel_key: u64,
    /// Status of the last operation.
    pub status: FileStatus,
    /// The mode of the last OPEN tried, successful or not (which USE AFTER ERROR ON INPUT / OUTPUT
    /// / I-O / EXTEND procedure covers the file, as in libcob).
    pub last_open_mode: Option<OpenMode>,
}

impl CobFile {
    pub fn new(spec: FileSpec) -> CobFile {
        CobFile {
            spec,
            st: CobFileState::default(),
            rel: rel::RelState::default(),
            idx: idx::IdxState::default(),
            mode: None,
            rec_len: 0,
            rel_key: 0,
            last_open_mode: None,
            status: FileStatus::OK,
        }
    }

    fn done(&mut self, s: &[u8; 2]) -> FileStatus {
        self.status = FileStatus(*s);
        self.status
    }

    /// OPEN with the static ASSIGN name.
    pub fn open(&mut self, mode: OpenMode) -> FileStatus {
        let name = self.spec.assign;
        self.open_named(mode, name.as_bytes())
    }

    /// OPEN with a name taken from a data item (ASSIGN USING / dynamic assignment).
    pub fn open_named(&mut self, mode: OpenMode, name: &[u8]) -> FileStatus {
        self.last_open_mode = Some(mode);
        let path = resolve_name(&String::from_utf8_lossy(name));
        let s = match self.spec.org {
            Org::Relative => self.rel_open(mode, path),
            Org::Indexed => self.idx_open(mode, path),
            _ => self.seq_open(mode, path),
        };
        self.done(&s)
    }

    pub fn close(&mut self) -> FileStatus {
        let s = match self.spec.org {
            Org::Relative => self.rel_close(),
            Org::Indexed => self.idx_close(),
            _ => self.seq_close(),
        };
        self.done(&s)
    }

    /// READ [NEXT] (sequential read) into the record area `rec` (its full size).
    /// Sets `rec_len` (and `rel_key` for RELATIVE files).
    pub fn read(&mut self, rec: &mut [u8]) -> FileStatus {
        let s = match self.spec.org {
            Org::Relative => self.rel_read_next(rec, false),
            Org::Indexed => self.idx_read_next(rec, false),
            _ => self.seq_read(rec),
        };
        self.done(&s)
    }

    /// READ ... PREVIOUS (RELATIVE / INDEXED, dynamic access).
    pub fn read_previous(&mut self, rec: &mut [u8]) -> FileStatus {
        let s = match self.spec.org {
            Org::Relative => self.rel_read_next(rec, true),
            Org::Indexed => self.idx_read_next(rec, true),
            _ => *b"47",
        };
        self.done(&s)
    }

    /// Random READ: `Key::Rel(n)` for RELATIVE, `Key::Index(k)` for INDEXED (KEY IS the
    /// k-th key; its value must already be in the record area).
    pub fn read_key(&mut self, rec: &mut [u8], key: Key) -> FileStatus {
        let s = match (self.spec.org, key) {
            (Org::Relative, Key::Rel(n)) => self.rel_read_key(rec, n),
            (Org::Indexed, Key::Index(k)) => self.idx_read_key(rec, k),
            _ => *b"30",
        };
        self.done(&s)
    }

    /// START file KEY op key. For INDEXED the key value comes from `rec`; `len` limits the
    /// comparison to the first `len` bytes of the key (None = whole key).
    pub fn start(&mut self, op: StartOp, key: Key, rec: &[u8], len: Option<usize>) -> FileStatus {
        let s = match (self.spec.org, key) {
            (Org::Relative, Key::Rel(n)) => self.rel_start(op, n),
            (Org::Indexed, Key::Index(k)) => {
                let l = len.unwrap_or(self.spec.keys[k].len);
                self.idx_start(op, k, rec, l)
            }
            _ => *b"30",
        };
        self.done(&s)
    }

    /// WRITE the first `len` bytes of the record area (`rec.len()` for fixed records).
    /// RELATIVE files in random/dynamic access use [`CobFile::write_key`].
    pub fn write(&mut self, rec: &[u8], adv: Advance) -> FileStatus {
        let s = match self.spec.org {
            Org::Relative => self.rel_write(rec, None),
            Org::Indexed => self.idx_write(rec),
            _ => self.seq_write(rec, adv),
        };
        self.done(&s)
    }

    /// WRITE to a RELATIVE file at record number `n` (RELATIVE KEY, random/dynamic access).
    pub fn write_key(&mut self, rec: &[u8], key: Key) -> FileStatus {
        let s = match (self.spec.org, key) {
            (Org::Relative, Key::Rel(n)) => self.rel_write(rec, Some(n)),
            (Org::Indexed, _) => self.idx_write(rec),
            _ => self.seq_write(rec, Advance::None),
        };
        self.done(&s)
    }

    /// REWRITE: the last record read (sequential access), or by key (RELATIVE:
    /// `Some(Key::Rel(n))`; INDEXED: the RECORD KEY in `rec`).
    pub fn rewrite(&mut self, rec: &[u8]) -> FileStatus {
        self.rewrite_key(rec, None)
    }

    pub fn rewrite_key(&mut self, rec: &[u8], key: Option<Key>) -> FileStatus {
        let s = match self.spec.org {
            Org::Relative => self.rel_rewrite(rec, rel_n(key)),
            Org::Indexed => self.idx_rewrite(rec),
            _ => self.seq_rewrite(rec),
        };
        self.done(&s)
    }

    /// DELETE (RELATIVE / INDEXED): the last record read in sequential access, else by key
    /// (RELATIVE: `Some(Key::Rel(n))`; INDEXED: the RECORD KEY in `rec`).
    pub fn delete(&mut self, rec: &[u8], key: Option<Key>) -> FileStatus {
        let s = match self.spec.org {
            Org::Relative => self.rel_delete(rel_n(key)),
            Org::Indexed => self.idx_delete(rec),
            _ => *b"49",
        };
        self.done(&s)
    }

    /// Name shown in libcob messages: `F1 ('MISSING')`.
    pub fn display_name(&self) -> String {
        let sel = if self.spec.select.is_empty() {
            self.spec.assign
        } else {
            self.spec.select
        };
        format!("{} ('{}')", sel, self.spec.assign)
    }

    /// The file as libcob names it in a run-time error: a bare name with a `.` shows the
    /// environment name it was mapped through (`F1 ('MISSING_TXT' => MISSING.TXT)`, checked
    /// against cobc 3.1.2); other names as in [`CobFile::display_name`].
    pub fn error_name(&self) -> String {
        let assign = self.spec.assign;
        if assign.contains('.') && !assign.contains('/') {
            let sel = if self.spec.select.is_empty() {
                assign
            } else {
                self.spec.select
            };
            return format!("{} ('{}' => {})", sel, assign.replace('.', "_"), assign);
        }
        self.display_name()
    }

    pub fn is_open(&self) -> bool {
        self.st.is_open() || self.mode.is_some()
    }

    /// At STOP RUN: close, with libcob's "implicit CLOSE" warning.
    pub(crate) fn close_at_exit(&mut self) {
        if self.is_open() {
            eprintln!("libcob: warning: implicit CLOSE of {}", self.display_name());
            let _ = self.close();
        }
    }
}

fn rel_n(key: Option<Key>) -> Option<u64> {
    match key {
        Some(Key::Rel(n)) => Some(n),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_fixes;
#[cfg(test)]
mod tests_keyed;
#[cfg(test)]
mod tests_store;
