//! The generator's surface for RELATIVE and INDEXED files ([`KeyedFile`]) and for SORT/MERGE work
//! files ([`SortFile`]). Like [`crate::gen::File`], every operation copies the FILE STATUS into the
//! program's status item and applies libcob's fatal-error rule; keyed operations return the
//! [`FileStatus`] so that generated code can run INVALID KEY / NOT INVALID KEY (and AT END / NOT AT
//! END) exactly as cobc does: the handler on a 2x (1x) status, the NOT handler on a 0x status, neither
//! on any other status.

use crate::alnum::AlnumField;
use crate::file::{Access, Advance, FileId, FileSpec, FileStatus, Key, KeySpec, OpenMode, StartOp};
use crate::gen::{get, store_int, with_rt, File, IoOutcome};
use crate::mov::Field;
use crate::sort::{SortKey, Sorter};

/// A RELATIVE or INDEXED file of a program: run-time handle, record area, FILE STATUS item and (for
/// RELATIVE files) the RELATIVE KEY item.
#[derive(Clone, Copy, Debug)]
pub struct KeyedFile {
    id: FileId,
    record: AlnumField,
    status: Option<Field>,
    rel_key: Option<Field>,
    /// The USE AFTER ERROR procedures covering this file (see `gen::USE_ON_FILE`).
    declarative: u8,
}

impl KeyedFile {
    /// Marks the file as covered by a USE AFTER ERROR declarative.
    pub fn with_declarative(mut self) -> KeyedFile {
        self.declarative = crate::gen::USE_ON_FILE;
        self
    }

    /// Marks the file as covered by USE AFTER ERROR ON the open modes of `mask`.
    pub fn with_declarative_modes(mut self, mask: u8) -> KeyedFile {
        self.declarative = mask;
        self
    }

    /// The mode of the last OPEN tried on the file.
    pub fn last_open_mode(&self) -> Option<OpenMode> {
        crate::gen::with_rt(|rt| rt.file(self.id).last_open_mode)
    }

    /// True when the last statement on the file did not succeed, other than by the condition of
    /// class `handled` (`b'1'` AT END, `b'2'` INVALID KEY) that the statement's own phrase took.
    pub fn failed(&self, handled: u8) -> bool {
        let st = crate::gen::with_rt(|rt| rt.file(self.id).status);
        st.0[0] != b'0' && st.0[0] != handled
    }

    /// ORGANIZATION RELATIVE [RELATIVE KEY `rel_key`].
    #[allow(clippy::too_many_arguments)]
    pub fn relative(
        assign: &'static str,
        select: &'static str,
        access: Access,
        record_offset: usize,
        record_size: usize,
        min_size: usize,
        optional: bool,
        status: Option<Field>,
        rel_key: Option<Field>,
    ) -> KeyedFile {
        let spec = FileSpec::relative(assign, record_size).access(access);
        KeyedFile::register(
            spec,
            select,
            record_offset,
            record_size,
            min_size,
            optional,
            status,
            rel_key,
        )
    }

    /// ORGANIZATION INDEXED: `keys` holds the RECORD KEY first, then the ALTERNATE keys (offsets
    /// relative to the record area).
    #[allow(clippy::too_many_arguments)]
    pub fn indexed(
        assign: &'static str,
        select: &'static str,
        access: Access,
        keys: &'static [KeySpec],
        record_offset: usize,
        record_size: usize,
        min_size: usize,
        optional: bool,
        status: Option<Field>,
    ) -> KeyedFile {
        let spec = FileSpec::indexed(assign, record_size, keys).access(access);
        KeyedFile::register(
            spec,
            select,
            record_offset,
            record_size,
            min_size,
            optional,
            status,
            None,
        )
    }

    #[allow(clippy::too_many_arguments)]
    fn register(
        spec: FileSpec,
        select: &'static str,
        record_offset: usize,
        record_size: usize,
        min_size: usize,
        optional: bool,
        status: Option<Field>,
        rel_key: Option<Field>,
    ) -> KeyedFile {
        let id = crate::gen::register_file(spec, select, record_size, min_size, optional);
        KeyedFile {
            id,
            record: AlnumField::new(record_offset, record_size),
            status,
            rel_key,
            declarative: 0,
        }
    }

    fn after(&self, mem: &mut [u8], handled: bool) -> FileStatus {
        crate::gen::status_after(mem, self.id, self.status, handled, self.declarative)
    }

    /// The record number in the RELATIVE KEY item (0 when absent or not positive).
    fn rel(&self, mem: &[u8]) -> Key {
        let n = self.rel_key.map_or(0, |f| get(mem, f).to_i64().max(0));
        Key::Rel(n as u64)
    }

    /// After a sequential READ or a WRITE of a RELATIVE file: the record number goes back into the
    /// RELATIVE KEY item.
    fn store_rel_key(&self, mem: &mut [u8], st: FileStatus) {
        if let (Some(f), true) = (self.rel_key, st.is_ok()) {
            let n = with_rt(|rt| rt.file(self.id).rel_key);
            store_int(mem, f, n as i64);
        }
    }

    fn is_relative(&self) -> bool {
        with_rt(|rt| rt.file(self.id).spec.org == crate::file::Org::Relative)
    }

    pub fn open(&self, mem: &mut [u8], mode: OpenMode) {
        with_rt(|rt| rt.file(self.id).open(mode));
        self.after(mem, false);
    }

    pub fn close(&self, mem: &mut [u8]) {
        with_rt(|rt| rt.file(self.id).close());
        self.after(mem, false);
    }

    /// Closing at CANCEL: quietly.
    pub fn close_if_open(&self) {
        with_rt(|rt| {
            let f = rt.file(self.id);
            if f.is_open() {
                f.close();
            }
        });
    }

    /// Length of the record the last READ returned.
    pub fn record_length(&self) -> i64 {
        with_rt(|rt| rt.file(self.id).rec_len as i64)
    }

    /// READ [NEXT] in sequential order (the same contract as [`File::read`]).
    pub fn read(&self, mem: &mut [u8], handled: bool) -> IoOutcome {
        let st = self.read_next(mem, false, handled);
        if st.at_end() {
            IoOutcome::AtEnd
        } else if st.is_ok() {
            IoOutcome::Ok
        } else {
            IoOutcome::Error
        }
    }

    /// READ NEXT / READ PREVIOUS; `handled` when an AT END phrase is present.
    pub fn read_next(&self, mem: &mut [u8], previous: bool, handled: bool) -> FileStatus {
        let (off, len) = (self.record.offset, self.record.len);
        with_rt(|rt| {
            let f = rt.file(self.id);
            if previous {
                f.read_previous(&mut mem[off..off + len])
            } else {
                f.read(&mut mem[off..off + len])
            }
        });
        let st = self.after(mem, handled);
        self.store_rel_key(mem, st);
        st
    }

    /// Random READ: RELATIVE by the RELATIVE KEY item; INDEXED by key `key` (0 = RECORD KEY, then the
    /// ALTERNATE keys), whose value is in the record area. `handled`: INVALID KEY phrase present.
    pub fn read_key(&self, mem: &mut [u8], key: usize, handled: bool) -> FileStatus {
        let (off, len) = (self.record.offset, self.record.len);
        let k = if self.is_relative() {
            self.rel(mem)
        } else {
            Key::Index(key)
        };
        with_rt(|rt| rt.file(self.id).read_key(&mut mem[off..off + len], k));
        self.after(mem, handled)
    }

    /// WRITE `record` (`len` bytes of it for RECORD VARYING DEPENDING ON).
    pub fn write(
        &self,
        mem: &mut [u8],
        record: Field,
        len: Option<i64>,
        handled: bool,
    ) -> FileStatus {
        let off = record.offset();
        let n = len.map_or(record.size(), |l| (l.max(0) as usize).min(record.size()));
        let key = self.rel(mem);
        let relative = self.is_relative();
        with_rt(|rt| {
            let f = rt.file(self.id);
            if relative && f.spec.access != Access::Sequential {
                f.write_key(&mem[off..off + n], key)
            } else {
                f.write(&mem[off..off + n], Advance::None)
            }
        });
        let st = self.after(mem, handled);
        if relative {
            self.store_rel_key(mem, st);
        }
        st
    }

    /// REWRITE `record`: RELATIVE random/dynamic by the RELATIVE KEY; INDEXED by its RECORD KEY;
    /// sequential access: the last record read.
    pub fn rewrite(
        &self,
        mem: &mut [u8],
        record: Field,
        len: Option<i64>,
        handled: bool,
    ) -> FileStatus {
        let off = record.offset();
        let n = len.map_or(record.size(), |l| (l.max(0) as usize).min(record.size()));
        let key = if self.is_relative() && self.rel_key.is_some() {
            Some(self.rel(mem))
        } else {
            None
        };
        with_rt(|rt| rt.file(self.id).rewrite_key(&mem[off..off + n], key));
        self.after(mem, handled)
    }

    /// DELETE file RECORD.
    pub fn delete(&self, mem: &mut [u8], handled: bool) -> FileStatus {
        let (off, len) = (self.record.offset, self.record.len);
        let key = if self.is_relative() && self.rel_key.is_some() {
            Some(self.rel(mem))
        } else {
            None
        };
        with_rt(|rt| rt.file(self.id).delete(&mem[off..off + len], key));
        self.after(mem, handled)
    }

    /// START file KEY `op` ...: RELATIVE by the RELATIVE KEY item; INDEXED on key `key` compared on
    /// its first `len` bytes (None = the whole key), its value taken from the record area.
    pub fn start(
        &self,
        mem: &mut [u8],
        op: StartOp,
        key: usize,
        len: Option<usize>,
        handled: bool,
    ) -> FileStatus {
        let (off, rlen) = (self.record.offset, self.record.len);
        let k = if self.is_relative() {
            self.rel(mem)
        } else {
            Key::Index(key)
        };
        with_rt(|rt| rt.file(self.id).start(op, k, &mem[off..off + rlen], len));
        self.after(mem, handled)
    }
}

/// A file a SORT or MERGE reads (USING) or writes (GIVING).
pub trait SortIo {
    fn sort_open(&self, mem: &mut [u8], mode: OpenMode);
    fn sort_close(&self, mem: &mut [u8]);
    /// Reads the next record into the file's record area; false at end (or on an error).
    fn sort_read(&self, mem: &mut [u8]) -> bool;
    fn sort_write(&self, mem: &mut [u8], record: Field);
}

impl SortIo for File {
    fn sort_open(&self, mem: &mut [u8], mode: OpenMode) {
        self.open(mem, mode);
    }
    fn sort_close(&self, mem: &mut [u8]) {
        self.close(mem);
    }
    fn sort_read(&self, mem: &mut [u8]) -> bool {
        self.read(mem, true) == IoOutcome::Ok
    }
    fn sort_write(&self, mem: &mut [u8], record: Field) {
        self.write(mem, record, Advance::None);
    }
}

impl SortIo for KeyedFile {
    fn sort_open(&self, mem: &mut [u8], mode: OpenMode) {
        self.open(mem, mode);
    }
    fn sort_close(&self, mem: &mut [u8]) {
        self.close(mem);
    }
    fn sort_read(&self, mem: &mut [u8]) -> bool {
        self.read_next(mem, false, true).is_ok()
    }
    fn sort_write(&self, mem: &mut [u8], record: Field) {
        self.write(mem, record, None, true);
    }
}

/// An SD file: the record area and, while a SORT or MERGE runs, its work file.
pub struct SortFile {
    record: AlnumField,
    sorter: Option<Sorter>,
}

/// A SORT key: `field` lies in the SD record that starts at `base`; numeric items compare by value.
pub fn sort_key(field: Field, base: usize, ascending: bool) -> SortKey {
    match field {
        Field::Num(mut n) => {
            n.offset -= base;
            SortKey::numeric(n, ascending)
        }
        other => SortKey::alnum(other.offset() - base, other.size(), ascending),
    }
}

impl SortFile {
    pub fn new(record_offset: usize, record_size: usize) -> SortFile {
        SortFile {
            record: AlnumField::new(record_offset, record_size),
            sorter: None,
        }
    }

    /// Starts a SORT or MERGE on `keys` (major key first).
    pub fn begin(&mut self, keys: &[SortKey]) {
        self.sorter = Some(Sorter::new(keys));
    }

    /// Starts a SORT or MERGE ... COLLATING SEQUENCE: alphanumeric keys follow `table` (None:
    /// native order).
    pub fn begin_collating(&mut self, keys: &[SortKey], table: Option<&'static [u16; 256]>) {
        self.sorter = Some(Sorter::new(keys).with_collating(table));
    }

    /// Ends the SORT or MERGE: the work file is dropped.
    pub fn end(&mut self) {
        self.sorter = None;
    }

    fn sorter(&mut self) -> &mut Sorter {
        self.sorter.get_or_insert_with(|| Sorter::new(&[]))
    }

    /// RELEASE: the SD record area goes to the sort.
    pub fn release(&mut self, mem: &[u8]) {
        let (off, len) = (self.record.offset, self.record.len);
        self.sorter().release(&mem[off..off + len]);
    }

    /// RETURN: the next sorted record into the SD record area; false at end.
    pub fn return_next(&mut self, mem: &mut [u8]) -> bool {
        let (off, len) = (self.record.offset, self.record.len);
        self.sorter().return_next(&mut mem[off..off + len])
    }

    /// USING: each file is opened INPUT, every record released (cut or space-padded to the SD
    /// record's size), and the file closed.
    pub fn using(&mut self, mem: &mut [u8], files: &[(&dyn SortIo, Field)]) {
        let len = self.record.len;
        for (file, record) in files {
            file.sort_open(mem, OpenMode::Input);
            while file.sort_read(mem) {
                let src = record.bytes(mem);
                let mut rec = vec![b' '; len];
                let n = src.len().min(len);
                rec[..n].copy_from_slice(&src[..n]);
                self.sorter().release(&rec);
            }
            file.sort_close(mem);
        }
    }

    /// GIVING: the files are opened OUTPUT; each sorted record goes through the SD record area into
    /// every file's record (cut or space-padded) and is written; the files are closed.
    pub fn giving(&mut self, mem: &mut [u8], files: &[(&dyn SortIo, Field)]) {
        for (file, _) in files {
            file.sort_open(mem, OpenMode::Output);
        }
        while self.return_next(mem) {
            let (off, len) = (self.record.offset, self.record.len);
            let rec = mem[off..off + len].to_vec();
            for (file, record) in files {
                let (roff, rlen) = (record.offset(), record.size());
                let n = rlen.min(len);
                mem[roff..roff + n].copy_from_slice(&rec[..n]);
                mem[roff + n..roff + rlen].fill(b' ');
                file.sort_write(mem, *record);
            }
        }
        for (file, _) in files {
            file.sort_close(mem);
        }
    }

    /// CANCEL: nothing to close.
    pub fn close_if_open(&self) {}
}
