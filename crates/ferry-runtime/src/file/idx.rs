//! ORGANIZATION INDEXED, on an embedded B-tree store (redb).
//!
//! **The store.** The file at the ASSIGN path is a redb database with these tables:
//! * `ferry-meta` (name -> bytes): `format` = `ferry-indexed 1`; `spec` = the minimum and
//!   maximum record length and every key (offset, length, WITH DUPLICATES), record key
//!   first; `next-seq` = the next duplicate-chain number (u64 big-endian).
//! * `primary`: record key -> one 8-byte big-endian chain number per alternate key, then the
//!   record bytes (their length is the record's length).
//! * `alt1`, `alt2`, ...: per alternate key, alternate key bytes ++ 8-byte big-endian chain
//!   number -> record key. Keys without duplicates use chain number 0.
//!
//! Keys compare as bytes (memcmp), as cobc's do. A store opened with another record length
//! or other keys than the program's SELECT/FD gives status 39 at OPEN (cobc 3.1.2 with BDB
//! does not check and opens with 00, then misreads the file: ferry refuses instead).
//!
//! **Transactions and crash semantics.** OPEN INPUT reads through one read transaction.
//! OPEN OUTPUT / I-O / EXTEND keeps one write transaction for the whole time the file is
//! open; CLOSE (also the implicit CLOSE of STOP RUN and of a fatal file error) commits it
//! durably (fsync). Between OPEN and CLOSE nothing is durable: a process that dies (kill,
//! crash, power loss) leaves the file exactly as it was at OPEN (at OPEN OUTPUT: an empty
//! store), never half updated. Uncommitted pages spill to the file when the cache is full,
//! so a file (and an update run) may be larger than memory: an open file uses at most
//! 128 MiB of cache.
//!
//! **One file, several SELECTs.** Handles of one process that open the same file share its
//! database: any number may read, one may write (OPEN OUTPUT / I-O / EXTEND); a second
//! writer, or OPEN OUTPUT of a file another handle has open, gets 61 (cobc 3.1.2 + BDB lets
//! two handles write). A reader sees what was committed when it opened (cobc's reader did not
//! see the other handle's new record either). Another process holding the file open: 61.
//!
//! **Unloaded form (ferry's convention).** At the scenario boundary an indexed file is its
//! *unloaded* form: the records in record-key order, fixed length, or for variable-length
//! records each preceded by the 4-byte header of variable SEQUENTIAL files. OPEN (any mode
//! but OUTPUT) of a path holding a file that is not a redb database imports it as such:
//! the store is built in `PATH.ferry-tmp` next to it and renamed over it, so the path is
//! always either the old file or the complete store. [`unload`] gives the unloaded form of
//! a store back (it needs no key spec: the store's meta table has it).
//!
//! **Duplicate order.** Each record has, per alternate key, a chain number that orders it
//! within its duplicate chain: WRITE appends at the end of the chain, and REWRITE moves the
//! record to the end of the chain only when that key *changed*. The numbers live in the
//! store, so the order survives CLOSE / OPEN and new processes, as with cobc 3.1.2 + BDB
//! (checked with two processes: a second process lists X duplicates A4 A1 A3 A0 A2 in the
//! order the first one wrote/rewrote them). An imported unloaded file gets the numbers of
//! its records' order, which is what cobc gives when the file is loaded with WRITEs in
//! record-key order.
//!
//! Behaviour checked against cobc 3.1.2 with BDB (experiment x1): duplicate primary 22;
//! duplicate unique alternate 22; duplicate alternate WITH DUPLICATES 02 on WRITE;
//! REWRITE 02 only when a WITH DUPLICATES key changed and the new value has duplicates
//! (unchanged key that has duplicates: 00);
//! duplicates are returned in insertion order; READ by an alternate key returns the first
//! duplicate with status 00; START not found 23; READ NEXT at end 10, then 46; START KEY <
//! then READ PREVIOUS walks backwards; DELETE of a missing key 23; REWRITE of a missing key
//! 23 (22 when the new record collides on a unique alternate key).

use super::seq::read_full;
use super::{Access, CobFile, KeySpec, OpenMode, StartOp};
use redb::{
    Database, ReadOnlyTable, ReadTransaction, ReadableTable, TableDefinition, WriteTransaction,
};
use std::collections::BTreeMap;
use std::io::{BufReader, ErrorKind, Read};
use std::ops::Bound;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, Weak};

const META: TableDefinition<&str, &[u8]> = TableDefinition::new("ferry-meta");
const FORMAT: &[u8] = b"ferry-indexed 1";
/// The first bytes of every redb database file.
const REDB_MAGIC: [u8; 9] = [b'r', b'e', b'd', b'b', 0x1A, 0x0A, 0xA9, 0x0D, 0x0A];
/// Page cache of one open file: reads beyond it go to the file, and uncommitted pages
/// beyond a tenth of it are written out (not synced) until the commit.
/// (The unit tests use a small cache, so that their large file exceeds it.)
const CACHE_BYTES: usize = if cfg!(test) { 8 << 20 } else { 128 << 20 };

/// The stores open in this process, by canonical path, and whether one of the handles has it
/// open for writing: several SELECTs may have one file open at once (they share the
/// database), but only one of them for OUTPUT / I-O / EXTEND.
type OpenStores = BTreeMap<PathBuf, (Weak<Database>, bool)>;
static OPEN_STORES: Mutex<OpenStores> = Mutex::new(BTreeMap::new());

fn open_stores() -> std::sync::MutexGuard<'static, OpenStores> {
    let mut reg = OPEN_STORES.lock().unwrap_or_else(|e| e.into_inner());
    reg.retain(|_, (db, _)| db.strong_count() > 0);
    reg
}

/// A store operation failed (I/O, corrupt file): status 30.
#[derive(Debug)]
struct Fail;
type R<T> = Result<T, Fail>;
fn fail<E>(_: E) -> Fail {
    Fail
}

fn table_name(k: usize) -> String {
    if k == 0 {
        "primary".to_string()
    } else {
        format!("alt{k}")
    }
}

fn def(name: &str) -> TableDefinition<'_, &'static [u8], &'static [u8]> {
    TableDefinition::new(name)
}

enum Txn {
    Read(#[allow(dead_code)] ReadTransaction),
    Write(Box<WriteTransaction>),
}

/// The record length range and keys a store was made with.
#[derive(Clone, Debug, PartialEq, Eq)]
struct StoreSpec {
    min_len: usize,
    max_len: usize,
    keys: Vec<KeySpec>,
}

impl StoreSpec {
    fn encode(&self) -> Vec<u8> {
        let mut v = Vec::new();
        for n in [self.min_len, self.max_len, self.keys.len()] {
            v.extend_from_slice(&(n as u32).to_be_bytes());
        }
        for k in &self.keys {
            v.extend_from_slice(&(k.offset as u32).to_be_bytes());
            v.extend_from_slice(&(k.len as u32).to_be_bytes());
            v.push(k.duplicates as u8);
        }
        v
    }

    fn decode(b: &[u8]) -> Option<StoreSpec> {
        let u = |i: usize| -> Option<usize> {
            Some(u32::from_be_bytes(b.get(i..i + 4)?.try_into().ok()?) as usize)
        };
        let (min_len, max_len, n) = (u(0)?, u(4)?, u(8)?);
        let mut keys = Vec::new();
        for i in 0..n {
            let at = 12 + i * 9;
            keys.push(KeySpec {
                offset: u(at)?,
                len: u(at + 4)?,
                duplicates: *b.get(at + 8)? != 0,
            });
        }
        (b.len() == 12 + n * 9).then_some(StoreSpec {
            min_len,
            max_len,
            keys,
        })
    }

    fn variable(&self) -> bool {
        self.min_len != self.max_len
    }

    fn alts(&self) -> usize {
        self.keys.len().saturating_sub(1)
    }

    fn key_of(&self, k: usize, rec: &[u8]) -> Vec<u8> {
        let ks = self.keys[k];
        let mut v = rec
            .get(ks.offset..(ks.offset + ks.len).min(rec.len()))
            .unwrap_or(&[])
            .to_vec();
        v.resize(ks.len, b' ');
        v
    }
}

/// Whether the file at `path` starts like a redb database.
fn is_redb(path: &Path) -> std::io::Result<bool> {
    let mut f = std::fs::File::open(path)?;
    let mut head = [0u8; REDB_MAGIC.len()];
    let mut got = 0;
    while got < head.len() {
        match f.read(&mut head[got..])? {
            0 => break,
            n => got += n,
        }
    }
    Ok(got == head.len() && head == REDB_MAGIC)
}

fn open_db(path: &Path) -> Result<Database, redb::DatabaseError> {
    Database::builder().set_cache_size(CACHE_BYTES).create(path)
}

/// Reads a store's meta table: its spec and next chain number; None if it is not ferry's.
fn read_meta(db: &Database) -> R<Option<(StoreSpec, u64)>> {
    let r = db.begin_read().map_err(fail)?;
    let t = match r.open_table(META) {
        Ok(t) => t,
        Err(redb::TableError::TableDoesNotExist(_)) => return Ok(None),
        Err(e) => return Err(fail(e)),
    };
    let get = |name: &str| -> R<Option<Vec<u8>>> {
        Ok(t.get(name).map_err(fail)?.map(|g| g.value().to_vec()))
    };
    if get("format")?.as_deref() != Some(FORMAT) {
        return Ok(None);
    }
    let spec = get("spec")?
        .and_then(|b| StoreSpec::decode(&b))
        .ok_or(Fail)?;
    let next = get("next-seq")?
        .and_then(|b| b.try_into().ok())
        .map(u64::from_be_bytes)
        .ok_or(Fail)?;
    Ok(Some((spec, next)))
}

fn write_meta(w: &WriteTransaction, spec: Option<&StoreSpec>, next_seq: u64) -> R<()> {
    let mut t = w.open_table(META).map_err(fail)?;
    if let Some(spec) = spec {
        t.insert("format", FORMAT).map_err(fail)?;
        t.insert("spec", spec.encode().as_slice()).map_err(fail)?;
    }
    t.insert("next-seq", next_seq.to_be_bytes().as_slice())
        .map_err(fail)?;
    Ok(())
}

/// Builds a store at `tmp` from the unloaded records read from `src` (None: empty), then
/// renames it to `path`.
fn build_store(path: &Path, spec: &StoreSpec, src: Option<&Path>) -> std::io::Result<()> {
    let tmp = {
        let mut s = path.as_os_str().to_owned();
        s.push(".ferry-tmp");
        std::path::PathBuf::from(s)
    };
    let _ = std::fs::remove_file(&tmp);
    let other = |e: &dyn std::fmt::Display| std::io::Error::other(e.to_string());
    let result = (|| -> std::io::Result<()> {
        let db = open_db(&tmp).map_err(|e| other(&e))?;
        let w = db.begin_write().map_err(|e| other(&e))?;
        let mut next = 0u64;
        {
            let names: Vec<String> = (0..spec.keys.len()).map(table_name).collect();
            let mut tables = names
                .iter()
                .map(|n| w.open_table(def(n)))
                .collect::<Result<Vec<_>, _>>()
                .map_err(|e| other(&e))?;
            if let Some(src) = src {
                let mut r = BufReader::with_capacity(1 << 16, std::fs::File::open(src)?);
                while let Some(rec) = read_unloaded(&mut r, spec)? {
                    let pk = spec.key_of(0, &rec);
                    let seq = next;
                    next += 1;
                    let mut val = Vec::with_capacity(spec.alts() * 8 + rec.len());
                    for (k, t) in tables.iter_mut().enumerate().skip(1) {
                        let s = if spec.keys[k].duplicates { seq } else { 0 };
                        val.extend_from_slice(&s.to_be_bytes());
                        let mut ak = spec.key_of(k, &rec);
                        ak.extend_from_slice(&s.to_be_bytes());
                        if !spec.keys[k].duplicates
                            && t.get(ak.as_slice()).map_err(|e| other(&e))?.is_some()
                        {
                            return Err(std::io::Error::new(
                                ErrorKind::InvalidData,
                                format!(
                                    "{}: record {} repeats the unique alternate key {}",
                                    src.display(),
                                    seq + 1,
                                    k
                                ),
                            ));
                        }
                        t.insert(ak.as_slice(), pk.as_slice())
                            .map_err(|e| other(&e))?;
                    }
                    val.extend_from_slice(&rec);
                    let old = tables[0]
                        .insert(pk.as_slice(), val.as_slice())
                        .map_err(|e| other(&e))?
                        .is_some();
                    if old {
                        return Err(std::io::Error::new(
                            ErrorKind::InvalidData,
                            format!("{}: record {} repeats a record key", src.display(), seq + 1),
                        ));
                    }
                }
            }
        }
        write_meta(&w, Some(spec), next).map_err(|_| other(&"meta"))?;
        w.commit().map_err(|e| other(&e))?;
        drop(db);
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// The next record of an unloaded file (None at its end). A file that ends inside a record
/// is not an unloaded file of this layout: an error (OPEN gives 30). A variable-length
/// record longer than the largest record is cut to it.
fn read_unloaded(r: &mut impl Read, spec: &StoreSpec) -> std::io::Result<Option<Vec<u8>>> {
    let bad = |what: &str| std::io::Error::new(ErrorKind::InvalidData, what.to_string());
    let len = if spec.variable() {
        let mut h = [0u8; 4];
        match read_full(r, &mut h)? {
            0 => return Ok(None),
            4 => ((h[0] as usize) << 8) | h[1] as usize,
            _ => return Err(bad("the file ends inside a record header")),
        }
    } else {
        spec.max_len
    };
    let mut rec = vec![0u8; len];
    match read_full(r, &mut rec)? {
        0 if !spec.variable() => Ok(None),
        n if n == len => {
            rec.truncate(spec.max_len);
            Ok(Some(rec))
        }
        _ => Err(bad("the file ends inside a record")),
    }
}

/// The unloaded form of the ferry indexed store at `path` (records in record-key order,
/// with the 4-byte header for variable-length records); `None` if the file is not a ferry
/// indexed store. Fails if the file cannot be read (or is locked by an open file).
pub fn unload(path: impl AsRef<Path>) -> std::io::Result<Option<Vec<u8>>> {
    let path = path.as_ref();
    if !is_redb(path)? {
        return Ok(None);
    }
    let bad = |what: &str| std::io::Error::other(format!("{}: {what}", path.display()));
    let db = Database::open(path).map_err(|e| bad(&e.to_string()))?;
    let Some((spec, _)) = read_meta(&db).map_err(|_| bad("unreadable meta table"))? else {
        return Ok(None);
    };
    let r = db.begin_read().map_err(|e| bad(&e.to_string()))?;
    let t = r
        .open_table(def("primary"))
        .map_err(|e| bad(&e.to_string()))?;
    let mut out = Vec::new();
    for e in t.iter().map_err(|e| bad(&e.to_string()))? {
        let (_, v) = e.map_err(|e| bad(&e.to_string()))?;
        let rec = v.value().get(spec.alts() * 8..).unwrap_or(&[]);
        if spec.variable() {
            let n = rec.len();
            out.extend_from_slice(&[(n >> 8) as u8, n as u8, 0, 0]);
        }
        out.extend_from_slice(rec);
    }
    Ok(Some(out))
}

#[derive(Default)]
pub(crate) struct IdxState {
    spec: Option<StoreSpec>,
    /// OPEN INPUT: the tables, opened once (key index order). Declared before the
    /// transaction and the database so that they are dropped first.
    ro: Vec<ReadOnlyTable<&'static [u8], &'static [u8]>>,
    txn: Option<Txn>,
    db: Option<Arc<Database>>,
    /// The canonical path, when this handle is the store's writer (see `OPEN_STORES`).
    writer: Option<PathBuf>,
    names: Vec<String>,
    next_seq: u64,
    seq_dirty: bool,
    /// key of reference, cursor entry (a table key), cursor inclusive
    cur_key: usize,
    at: Vec<u8>,
    inclusive: bool,
    /// record key of the last record read
    last_read: Option<Vec<u8>>,
    last_written: Option<Vec<u8>>,
    eof_seen: bool,
    missing: bool,
}

/// (table key, value) pairs.
type Kv = (Vec<u8>, Vec<u8>);

impl Drop for IdxState {
    /// A file dropped while open (its program CANCELed, or the process ending without
    /// STOP RUN): its uncommitted changes are rolled back, and another handle may write.
    fn drop(&mut self) {
        self.ro.clear();
        self.txn = None;
        if let Some(key) = self.writer.take() {
            if let Some(e) = open_stores().get_mut(&key) {
                e.1 = false;
            }
        }
    }
}

impl IdxState {
    fn spec(&self) -> &StoreSpec {
        self.spec
            .as_ref()
            .expect("an open indexed file has its spec")
    }

    /// The first (or, `back`, the last) entry of table `k` within the bounds.
    fn seek(&self, k: usize, lo: Bound<&[u8]>, hi: Bound<&[u8]>, back: bool) -> R<Option<Kv>> {
        fn pick<T: ReadableTable<&'static [u8], &'static [u8]>>(
            t: &T,
            lo: Bound<&[u8]>,
            hi: Bound<&[u8]>,
            back: bool,
        ) -> R<Option<Kv>> {
            let mut it = t.range::<&[u8]>((lo, hi)).map_err(fail)?;
            let e = if back { it.next_back() } else { it.next() };
            match e {
                None => Ok(None),
                Some(e) => {
                    let (a, b) = e.map_err(fail)?;
                    Ok(Some((a.value().to_vec(), b.value().to_vec())))
                }
            }
        }
        match &self.txn {
            Some(Txn::Read(_)) => pick(&self.ro[k], lo, hi, back),
            Some(Txn::Write(w)) => pick(
                &w.open_table(def(&self.names[k])).map_err(fail)?,
                lo,
                hi,
                back,
            ),
            None => Err(Fail),
        }
    }

    fn get(&self, k: usize, key: &[u8]) -> R<Option<Vec<u8>>> {
        self.seek(k, Bound::Included(key), Bound::Included(key), false)
            .map(|e| e.map(|(_, v)| v))
    }

    fn insert(&mut self, k: usize, key: &[u8], val: &[u8]) -> R<()> {
        match &self.txn {
            Some(Txn::Write(w)) => {
                let mut t = w.open_table(def(&self.names[k])).map_err(fail)?;
                t.insert(key, val).map_err(fail)?;
                Ok(())
            }
            _ => Err(Fail),
        }
    }

    fn remove(&mut self, k: usize, key: &[u8]) -> R<()> {
        match &self.txn {
            Some(Txn::Write(w)) => {
                let mut t = w.open_table(def(&self.names[k])).map_err(fail)?;
                t.remove(key).map_err(fail)?;
                Ok(())
            }
            _ => Err(Fail),
        }
    }

    /// Table key of alternate key `k` of `rec` with chain number `seq`.
    fn alt_entry(&self, k: usize, rec: &[u8], seq: u64) -> Vec<u8> {
        let mut v = self.spec().key_of(k, rec);
        v.extend_from_slice(&seq.to_be_bytes());
        v
    }

    /// The first entry of table `k` whose key starts with `key` (the key value).
    fn first_with(&self, k: usize, key: &[u8]) -> R<Option<Kv>> {
        Ok(self
            .seek(k, Bound::Included(key), Bound::Unbounded, false)?
            .filter(|(e, _)| e.starts_with(key)))
    }

    /// Record key of the first record whose key `k` is `key`.
    fn find(&self, k: usize, key: &[u8]) -> R<Option<Vec<u8>>> {
        Ok(if k == 0 {
            self.get(0, key)?.map(|_| key.to_vec())
        } else {
            self.first_with(k, key)?.map(|(_, pk)| pk)
        })
    }

    /// A unique alternate key of `rec` already used by a record other than `except`.
    fn alt_conflict(&self, rec: &[u8], except: Option<&[u8]>) -> R<bool> {
        for k in 1..self.spec().keys.len() {
            if !self.spec().keys[k].duplicates {
                let key = self.spec().key_of(k, rec);
                if let Some(pk) = self.find(k, &key)? {
                    if Some(pk.as_slice()) != except {
                        return Ok(true);
                    }
                }
            }
        }
        Ok(false)
    }

    /// Key `k` (WITH DUPLICATES) of `rec` is used by a record other than `except`.
    fn has_dup(&self, k: usize, rec: &[u8], except: Option<&[u8]>) -> R<bool> {
        let key = self.spec().key_of(k, rec);
        let mut lo = key.clone();
        lo.extend_from_slice(&[0; 8]);
        loop {
            match self.seek(k, Bound::Included(&lo), Bound::Unbounded, false)? {
                Some((e, pk)) if e.starts_with(&key) => {
                    if Some(pk.as_slice()) != except {
                        return Ok(true);
                    }
                    lo = e;
                    // the next entry: the chain number + 1
                    let n = lo.len();
                    let s = u64::from_be_bytes(lo[n - 8..].try_into().map_err(fail)?);
                    match s.checked_add(1) {
                        Some(s) => lo[n - 8..].copy_from_slice(&s.to_be_bytes()),
                        None => return Ok(false),
                    }
                }
                _ => return Ok(false),
            }
        }
    }

    /// Chain numbers stored in front of a record (one per alternate key) and the record.
    fn split<'a>(&self, val: &'a [u8]) -> (Vec<u64>, &'a [u8]) {
        let n = self.spec().alts();
        let seqs = (0..n)
            .map(|i| {
                val.get(i * 8..i * 8 + 8)
                    .and_then(|b| b.try_into().ok())
                    .map(u64::from_be_bytes)
                    .unwrap_or(0)
            })
            .collect();
        (seqs, val.get(n * 8..).unwrap_or(&[]))
    }

    /// Adds `rec` with chain numbers `seqs` (one per alternate key) to every table.
    fn put(&mut self, rec: &[u8], seqs: &[u64]) -> R<()> {
        let pk = self.spec().key_of(0, rec);
        let mut val = Vec::with_capacity(seqs.len() * 8 + rec.len());
        for (i, s) in seqs.iter().enumerate() {
            val.extend_from_slice(&s.to_be_bytes());
            let e = self.alt_entry(i + 1, rec, *s);
            self.insert(i + 1, &e, &pk)?;
        }
        val.extend_from_slice(rec);
        self.insert(0, &pk, &val)
    }

    /// Replaces record `old` (chain numbers `old_seqs`) by `rec` (`seqs`), both with record
    /// key `pk`: only the alternate-key entries that change are touched.
    fn replace(
        &mut self,
        pk: &[u8],
        old: &[u8],
        old_seqs: &[u64],
        rec: &[u8],
        seqs: &[u64],
    ) -> R<()> {
        let mut val = Vec::with_capacity(seqs.len() * 8 + rec.len());
        for (i, s) in seqs.iter().enumerate() {
            val.extend_from_slice(&s.to_be_bytes());
            let before = self.alt_entry(i + 1, old, old_seqs[i]);
            let after = self.alt_entry(i + 1, rec, *s);
            if before != after {
                self.remove(i + 1, &before)?;
                self.insert(i + 1, &after, pk)?;
            }
        }
        val.extend_from_slice(rec);
        self.insert(0, pk, &val)
    }

    /// Removes the record with record key `pk` from every table; returns its value.
    fn take(&mut self, pk: &[u8]) -> R<Option<Vec<u8>>> {
        let Some(val) = self.get(0, pk)? else {
            return Ok(None);
        };
        let (seqs, rec) = self.split(&val);
        let rec = rec.to_vec();
        for (i, s) in seqs.iter().enumerate() {
            let e = self.alt_entry(i + 1, &rec, *s);
            self.remove(i + 1, &e)?;
        }
        self.remove(0, pk)?;
        Ok(Some(val))
    }
}

impl CobFile {
    fn store_spec(&self) -> StoreSpec {
        StoreSpec {
            min_len: self.spec.min_len,
            max_len: self.spec.max_len,
            keys: if self.spec.keys.is_empty() {
                vec![KeySpec::new(0, self.spec.max_len)]
            } else {
                self.spec.keys.to_vec()
            },
        }
    }

    pub(crate) fn idx_open(&mut self, mode: OpenMode, path: String) -> [u8; 2] {
        if self.mode.is_some() {
            return *b"41";
        }
        let spec = self.store_spec();
        let mut state = IdxState::default();
        state.names = (0..spec.keys.len()).map(table_name).collect();
        state.spec = Some(spec.clone());
        state.inclusive = true;
        self.idx = state;
        let p = Path::new(&path);
        let status_of = |e: std::io::Error| {
            if e.kind() == ErrorKind::PermissionDenied {
                *b"37"
            } else {
                *b"30"
            }
        };
        let mut status = *b"00";
        let live = |p: &Path| {
            std::fs::canonicalize(p)
                .ok()
                .is_some_and(|k| open_stores().contains_key(&k))
        };
        if mode == OpenMode::Output {
            // another SELECT has this file open: it cannot be replaced under it
            if live(p) {
                return *b"61";
            }
            if let Err(e) = build_store(p, &spec, None) {
                return status_of(e);
            }
        } else if !p.exists() {
            if !self.spec.optional {
                return *b"35";
            }
            if mode == OpenMode::Input {
                self.idx.missing = true;
                self.mode = Some(mode);
                return *b"05";
            }
            if let Err(e) = build_store(p, &spec, None) {
                return status_of(e);
            }
            status = *b"05";
        } else {
            match is_redb(p) {
                Ok(true) => {}
                Ok(false) => {
                    // an unloaded file: import it
                    if let Err(e) = build_store(p, &spec, Some(p)) {
                        return status_of(e);
                    }
                }
                Err(e) => return status_of(e),
            }
        }
        let key = match std::fs::canonicalize(p) {
            Ok(k) => k,
            Err(e) => return status_of(e),
        };
        let mut reg = open_stores();
        let db = match reg.get(&key).and_then(|e| e.0.upgrade()) {
            Some(db) => db,
            None => match open_db(p) {
                Ok(db) => Arc::new(db),
                // locked by another process
                Err(redb::DatabaseError::DatabaseAlreadyOpen) => return *b"61",
                Err(redb::DatabaseError::Storage(redb::StorageError::Io(e))) => {
                    return status_of(e)
                }
                Err(_) => return *b"30",
            },
        };
        let writing = mode != OpenMode::Input;
        let entry = reg
            .entry(key.clone())
            .or_insert((Arc::downgrade(&db), false));
        if writing && entry.1 {
            return *b"61";
        }
        drop(reg);
        match read_meta(&db) {
            Ok(Some((s, next))) if s == spec => self.idx.next_seq = next,
            Ok(_) => return *b"39",
            Err(_) => return *b"30",
        }
        let txn = if mode == OpenMode::Input {
            let Ok(r) = db.begin_read() else {
                return *b"30";
            };
            for n in &self.idx.names {
                match r.open_table(def(n)) {
                    Ok(t) => self.idx.ro.push(t),
                    Err(_) => return *b"30",
                }
            }
            Txn::Read(r)
        } else {
            match db.begin_write() {
                Ok(w) => Txn::Write(Box::new(w)),
                Err(_) => return *b"30",
            }
        };
        self.idx.txn = Some(txn);
        self.idx.db = Some(db);
        if writing {
            if let Some(e) = open_stores().get_mut(&key) {
                e.1 = true;
            }
            self.idx.writer = Some(key);
        }
        self.mode = Some(mode);
        status
    }

    pub(crate) fn idx_close(&mut self) -> [u8; 2] {
        if self.mode.is_none() {
            return *b"42";
        }
        let mut st = *b"00";
        let mut state = std::mem::take(&mut self.idx);
        state.ro.clear();
        if let Some(Txn::Write(w)) = state.txn.take() {
            let w = *w;
            let ok = (!state.seq_dirty || write_meta(&w, None, state.next_seq).is_ok())
                && w.commit().is_ok();
            if !ok {
                st = *b"30";
            }
        }
        drop(state);
        self.mode = None;
        st
    }

    /// Puts the record stored as `val` (chain numbers + record) into the record area.
    fn idx_deliver(&mut self, pk: Vec<u8>, val: &[u8], rec: &mut [u8]) {
        let (_, data) = self.idx.split(val);
        let n = data.len().min(rec.len());
        rec[..n].copy_from_slice(&data[..n]);
        self.rec_len = n;
        self.idx.last_read = Some(pk);
    }

    /// The record of a table-`k` entry: (record key, stored value).
    fn idx_record_of(&self, k: usize, entry: Kv) -> R<Kv> {
        if k == 0 {
            Ok(entry)
        } else {
            let pk = entry.1;
            let val = self.idx.get(0, &pk)?.ok_or(Fail)?;
            Ok((pk, val))
        }
    }

    pub(crate) fn idx_read_next(&mut self, rec: &mut [u8], backward: bool) -> [u8; 2] {
        if !matches!(
            self.mode,
            Some(OpenMode::Input) | Some(OpenMode::InputOutput)
        ) {
            return *b"47";
        }
        if self.idx.eof_seen {
            return *b"46";
        }
        if self.idx.missing {
            self.idx.eof_seen = true;
            return *b"10";
        }
        let k = self.idx.cur_key;
        let at = std::mem::take(&mut self.idx.at);
        let b = if self.idx.inclusive {
            Bound::Included(at.as_slice())
        } else {
            Bound::Excluded(at.as_slice())
        };
        let found = if backward {
            self.idx.seek(k, Bound::Unbounded, b, true)
        } else {
            self.idx.seek(k, b, Bound::Unbounded, false)
        };
        let found = found.and_then(|f| match f {
            Some(e) => {
                let key = e.0.clone();
                Ok(Some((key, self.idx_record_of(k, e)?)))
            }
            None => Ok(None),
        });
        match found {
            Ok(Some((e, (pk, val)))) => {
                self.idx.at = e;
                self.idx.inclusive = false;
                self.idx_deliver(pk, &val, rec);
                *b"00"
            }
            Ok(None) => {
                self.idx.at = at;
                self.idx.eof_seen = true;
                *b"10"
            }
            Err(Fail) => {
                self.idx.at = at;
                *b"30"
            }
        }
    }

    /// Random READ by key `k` (value taken from the record area).
    pub(crate) fn idx_read_key(&mut self, rec: &mut [u8], k: usize) -> [u8; 2] {
        if !matches!(
            self.mode,
            Some(OpenMode::Input) | Some(OpenMode::InputOutput)
        ) {
            return *b"47";
        }
        if self.idx.missing {
            return *b"23";
        }
        let key = self.idx.spec().key_of(k, rec);
        let found = if k == 0 {
            self.idx.get(0, &key).map(|v| v.map(|v| (key.clone(), v)))
        } else {
            self.idx.first_with(k, &key)
        };
        let found = found.and_then(|f| match f {
            Some(e) => {
                let entry = e.0.clone();
                Ok(Some((entry, self.idx_record_of(k, e)?)))
            }
            None => Ok(None),
        });
        match found {
            Ok(Some((e, (pk, val)))) => {
                self.idx.cur_key = k;
                self.idx.at = e;
                self.idx.inclusive = false;
                self.idx.eof_seen = false;
                self.idx_deliver(pk, &val, rec);
                *b"00"
            }
            Ok(None) => *b"23",
            Err(Fail) => *b"30",
        }
    }

    pub(crate) fn idx_start(&mut self, op: StartOp, k: usize, rec: &[u8], len: usize) -> [u8; 2] {
        if !matches!(
            self.mode,
            Some(OpenMode::Input) | Some(OpenMode::InputOutput)
        ) {
            return *b"47";
        }
        if self.idx.missing {
            return *b"23";
        }
        let mut key = self.idx.spec().key_of(k, rec);
        key.truncate(len.max(1).min(key.len()));
        // every table key of table k has this length; `hi` is the largest with prefix `key`
        let full = self.idx.spec().keys[k].len + if k == 0 { 0 } else { 8 };
        let mut hi = key.clone();
        hi.resize(full, 0xFF);
        let (lo_b, hi_b, back) = match op {
            StartOp::Eq | StartOp::Ge => (Bound::Included(&key[..]), Bound::Unbounded, false),
            StartOp::Gt => (Bound::Excluded(&hi[..]), Bound::Unbounded, false),
            StartOp::Le => (Bound::Unbounded, Bound::Included(&hi[..]), true),
            StartOp::Lt => (Bound::Unbounded, Bound::Excluded(&key[..]), true),
        };
        match self.idx.seek(k, lo_b, hi_b, back) {
            Ok(Some((e, _))) if op != StartOp::Eq || e.starts_with(&key) => {
                self.idx.cur_key = k;
                self.idx.at = e;
                self.idx.inclusive = true;
                self.idx.eof_seen = false;
                *b"00"
            }
            Ok(_) => *b"23",
            Err(Fail) => *b"30",
        }
    }

    pub(crate) fn idx_write(&mut self, rec: &[u8]) -> [u8; 2] {
        if !matches!(
            self.mode,
            Some(OpenMode::Output) | Some(OpenMode::Extend) | Some(OpenMode::InputOutput)
        ) {
            return *b"48";
        }
        self.idx_try_write(rec).unwrap_or(*b"30")
    }

    fn idx_try_write(&mut self, rec: &[u8]) -> R<[u8; 2]> {
        let pk = self.idx.spec().key_of(0, rec);
        if self.spec.access == Access::Sequential || self.mode == Some(OpenMode::Extend) {
            if let Some(last) = &self.idx.last_written {
                if pk <= *last {
                    return Ok(*b"21");
                }
            }
        }
        if self.idx.get(0, &pk)?.is_some() || self.idx.alt_conflict(rec, None)? {
            return Ok(*b"22");
        }
        let nkeys = self.idx.spec().keys.len();
        let mut dup = false;
        for k in 1..nkeys {
            if self.idx.spec().keys[k].duplicates && self.idx.has_dup(k, rec, None)? {
                dup = true;
                break;
            }
        }
        let seq = self.idx.next_seq;
        let seqs: Vec<u64> = (1..nkeys)
            .map(|k| {
                if self.idx.spec().keys[k].duplicates {
                    seq
                } else {
                    0
                }
            })
            .collect();
        self.idx.next_seq += 1;
        self.idx.seq_dirty = true;
        self.idx.put(rec, &seqs)?;
        self.idx.last_written = Some(pk);
        Ok(if dup { *b"02" } else { *b"00" })
    }

    pub(crate) fn idx_rewrite(&mut self, rec: &[u8]) -> [u8; 2] {
        if self.mode != Some(OpenMode::InputOutput) {
            return *b"49";
        }
        self.idx_try_rewrite(rec).unwrap_or(*b"30")
    }

    fn idx_try_rewrite(&mut self, rec: &[u8]) -> R<[u8; 2]> {
        let pk = self.idx.spec().key_of(0, rec);
        if self.spec.access == Access::Sequential {
            match &self.idx.last_read {
                Some(last) if *last == pk => {}
                Some(_) => return Ok(*b"21"),
                None => return Ok(*b"43"),
            }
        }
        let Some(old_val) = self.idx.get(0, &pk)? else {
            return Ok(if self.idx.alt_conflict(rec, None)? {
                *b"22"
            } else {
                *b"23"
            });
        };
        if self.idx.alt_conflict(rec, Some(&pk))? {
            return Ok(*b"22");
        }
        // a WITH DUPLICATES key that changed goes to the end of its new chain, and only
        // such a key gives 02 (cobc 3.1.2)
        let (old_seqs, old) = self.idx.split(&old_val);
        let old = old.to_vec();
        let mut seqs = old_seqs.clone();
        let mut dup = false;
        let mut bumped = false;
        for k in 1..self.idx.spec().keys.len() {
            let spec = self.idx.spec();
            if spec.keys[k].duplicates && spec.key_of(k, &old) != spec.key_of(k, rec) {
                dup |= self.idx.has_dup(k, rec, Some(&pk))?;
                seqs[k - 1] = self.idx.next_seq;
                bumped = true;
            }
        }
        if bumped {
            self.idx.next_seq += 1;
            self.idx.seq_dirty = true;
        }
        self.idx.replace(&pk, &old, &old_seqs, rec, &seqs)?;
        Ok(if dup { *b"02" } else { *b"00" })
    }

    pub(crate) fn idx_delete(&mut self, rec: &[u8]) -> [u8; 2] {
        if self.mode != Some(OpenMode::InputOutput) {
            return *b"49";
        }
        let pk = if self.spec.access == Access::Sequential {
            match self.idx.last_read.take() {
                Some(pk) => pk,
                None => return *b"43",
            }
        } else {
            self.idx.spec().key_of(0, rec)
        };
        match self.idx.take(&pk) {
            Ok(Some(_)) => *b"00",
            Ok(None) => *b"23",
            Err(Fail) => *b"30",
        }
    }
}
