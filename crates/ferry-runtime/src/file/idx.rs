//! ORGANIZATION INDEXED.
//!
//! cobc's own indexed files (Berkeley DB here) cannot be reproduced byte for byte, so
//! ferry uses a simple format that *is* the "unloaded" file: the records in primary-key
//! order, fixed length (or, for variable-length records, each preceded by the 4-byte
//! header of variable SEQUENTIAL files). Loading a fixed-length unloaded file is a file
//! copy. The file is read into memory at OPEN (primary and alternate key maps are built)
//! and written back at CLOSE when changed. Nothing else is written next to the file.
//!
//! Duplicate order. Each record has, per alternate key WITH DUPLICATES, a sequence number
//! that orders it within its duplicate chain: WRITE appends at the end of the chain, and
//! REWRITE moves the record to the end of the chain only when that key *changed*. cobc 3.1.2
//! (BDB) keeps insertion order across CLOSE / OPEN (checked: rewrites A2 Y->X and A1 X->Z->X
//! list X as A4, A2, A1 both before and after a reopen). ferry keeps the numbers in a
//! process-wide table at CLOSE (with a fingerprint of the bytes written), so a reopen in the
//! same run gives the same order; a file that does not match (a new process, or a file
//! given as input) is an unloaded file, and cobc loading it with WRITEs in primary-key order
//! gives duplicates in primary-key order, so that is the order derived on OPEN.
//!
//! Behaviour checked against cobc 3.1.2 with BDB (experiment x1): duplicate primary 22;
//! duplicate unique alternate 22; duplicate alternate WITH DUPLICATES 02 on WRITE;
//! REWRITE 02 only when a WITH DUPLICATES key changed and the new value has duplicates
//! (unchanged key that has duplicates: 00);
//! duplicates are returned in insertion order; READ by an alternate key returns the first
//! duplicate with status 00; START not found 23; READ NEXT at end 10, then 46; START KEY <
//! then READ PREVIOUS walks backwards; DELETE of a missing key 23; REWRITE of a missing key
//! 23 (22 when the new record collides on a unique alternate key).

use super::{Access, CobFile, OpenMode, StartOp};
use std::collections::{BTreeMap, HashMap};
use std::io::{BufReader, BufWriter, ErrorKind, Read, Write};
use std::ops::Bound;
use std::sync::Mutex;

type Entry = (Vec<u8>, u64);

/// Duplicate-chain numbers kept between CLOSE and a later OPEN in the same process:
/// path -> (fingerprint of the file written, next number, per record in primary-key order
/// its number for each key).
type DupMemo = HashMap<String, (u64, u64, Vec<Vec<u64>>)>;
static DUP_MEMO: Mutex<Option<DupMemo>> = Mutex::new(None);

fn memo_key(path: &str) -> String {
    std::fs::canonicalize(path)
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_else(|_| path.to_string())
}

/// FNV-1a over the file bytes.
#[derive(Clone, Copy)]
struct Fnv(u64);
impl Fnv {
    fn new() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
    fn feed(&mut self, b: &[u8]) {
        for &x in b {
            self.0 = (self.0 ^ x as u64).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

#[derive(Default)]
pub(crate) struct IdxState {
    path: String,
    records: Vec<Option<Vec<u8>>>,
    /// per slot, per key: position in the duplicate chain (0 for keys without duplicates)
    seqs: Vec<Vec<u64>>,
    keys: Vec<BTreeMap<Entry, usize>>,
    next_seq: u64,
    /// key of reference, cursor entry, cursor inclusive
    cur_key: usize,
    at: Entry,
    inclusive: bool,
    last_read: Option<usize>,
    last_written: Option<Vec<u8>>,
    dirty: bool,
    eof_seen: bool,
    missing: bool,
}

impl CobFile {
    fn key_of(&self, k: usize, rec: &[u8]) -> Vec<u8> {
        let ks = self.spec.keys[k];
        let mut v = rec
            .get(ks.offset..(ks.offset + ks.len).min(rec.len()))
            .unwrap_or(&[])
            .to_vec();
        v.resize(ks.len, b' ');
        v
    }

    /// Chain numbers for a new record: `seq` for every key WITH DUPLICATES.
    fn idx_new_seqs(&self, seq: u64) -> Vec<u64> {
        (0..self.spec.keys.len())
            .map(|k| if self.spec.keys[k].duplicates { seq } else { 0 })
            .collect()
    }

    fn idx_insert(&mut self, rec: Vec<u8>, seqs: Vec<u64>) -> usize {
        let slot = self.idx.records.len();
        for k in 0..self.spec.keys.len() {
            let key = self.key_of(k, &rec);
            self.idx.keys[k].insert((key, seqs[k]), slot);
        }
        self.idx.records.push(Some(rec));
        self.idx.seqs.push(seqs);
        slot
    }

    fn idx_remove(&mut self, slot: usize) {
        if let Some(rec) = self.idx.records[slot].take() {
            for k in 0..self.spec.keys.len() {
                let key = self.key_of(k, &rec);
                let dup_seq = self.idx.seqs[slot][k];
                self.idx.keys[k].remove(&(key, dup_seq));
            }
        }
    }

    fn idx_find(&self, k: usize, key: &[u8]) -> Option<usize> {
        let lo = (key.to_vec(), 0u64);
        self.idx.keys[k]
            .range(lo..)
            .next()
            .filter(|((kk, _), _)| kk == key)
            .map(|(_, &s)| s)
    }

    /// A unique alternate key of `rec` already used by a record other than `except`.
    fn idx_alt_conflict(&self, rec: &[u8], except: Option<usize>) -> bool {
        (1..self.spec.keys.len()).any(|k| {
            !self.spec.keys[k].duplicates
                && matches!(self.idx_find(k, &self.key_of(k, rec)), Some(s) if Some(s) != except)
        })
    }

    /// Key `k` (WITH DUPLICATES) of `rec` is already used by a record other than `except`.
    fn idx_key_has_dup(&self, k: usize, rec: &[u8], except: Option<usize>) -> bool {
        let key = self.key_of(k, rec);
        self.spec.keys[k].duplicates
            && self.idx.keys[k]
                .range((key.clone(), 0)..)
                .take_while(|((kk, _), _)| *kk == key)
                .any(|(_, &s)| Some(s) != except)
    }

    fn idx_load(&mut self, path: &str) -> std::io::Result<()> {
        let mut fp = Fnv::new();
        let mut count = 0u64;
        let f = std::fs::File::open(path)?;
        let mut r = BufReader::new(f);
        let variable = self.spec.min_len != self.spec.max_len;
        loop {
            let len = if variable {
                let mut h = [0u8; 4];
                match r.read_exact(&mut h) {
                    Ok(()) => ((h[0] as usize) << 8) | h[1] as usize,
                    Err(e) if e.kind() == ErrorKind::UnexpectedEof => break,
                    Err(e) => return Err(e),
                }
            } else {
                self.spec.max_len
            };
            let mut rec = vec![0u8; len];
            match r.read_exact(&mut rec) {
                Ok(()) => {}
                Err(e) if e.kind() == ErrorKind::UnexpectedEof => break,
                Err(e) => return Err(e),
            }
            if variable {
                fp.feed(&[(len >> 8) as u8, len as u8, 0, 0]);
            }
            fp.feed(&rec);
            // an unloaded file: duplicates in primary-key (= file) order
            let seqs = self.idx_new_seqs(count);
            count += 1;
            self.idx_insert(rec, seqs);
        }
        self.idx.next_seq = count;
        // same process, file unchanged since our CLOSE: restore the duplicate order
        let memo = DUP_MEMO.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((mfp, next, seqs)) = memo.as_ref().and_then(|m| m.get(&memo_key(path))) {
            if *mfp == fp.0 && seqs.len() as u64 == count {
                let old: Vec<_> = std::mem::take(&mut self.idx.records);
                self.idx.seqs.clear();
                for k in &mut self.idx.keys {
                    k.clear();
                }
                for (rec, s) in old.into_iter().zip(seqs.iter()) {
                    if let Some(rec) = rec {
                        self.idx_insert(rec, s.clone());
                    }
                }
                self.idx.next_seq = *next;
            }
        }
        Ok(())
    }

    fn idx_save(&mut self) -> std::io::Result<()> {
        let tmp = format!("{}.ferry-tmp", self.idx.path);
        {
            let mut w = BufWriter::new(std::fs::File::create(&tmp)?);
            let variable = self.spec.min_len != self.spec.max_len;
            for (_, &slot) in self.idx.keys[0].iter() {
                if let Some(rec) = &self.idx.records[slot] {
                    if variable {
                        let n = rec.len();
                        w.write_all(&[(n >> 8) as u8, n as u8, 0, 0])?;
                    }
                    w.write_all(rec)?;
                }
            }
            w.flush()?;
        }
        std::fs::rename(&tmp, &self.idx.path)?;
        Ok(())
    }

    /// Remember the duplicate order of the file as it is on disk now (see the module doc).
    fn idx_memo_save(&self) {
        let key = memo_key(&self.idx.path);
        let mut memo = DUP_MEMO.lock().unwrap_or_else(|e| e.into_inner());
        let m = memo.get_or_insert_with(HashMap::new);
        if !self.spec.keys.iter().any(|k| k.duplicates) {
            m.remove(&key);
            return;
        }
        let variable = self.spec.min_len != self.spec.max_len;
        let mut fp = Fnv::new();
        let mut seqs = Vec::new();
        for (_, &slot) in self.idx.keys[0].iter() {
            if let Some(rec) = &self.idx.records[slot] {
                if variable {
                    let n = rec.len();
                    fp.feed(&[(n >> 8) as u8, n as u8, 0, 0]);
                }
                fp.feed(rec);
                seqs.push(self.idx.seqs[slot].clone());
            }
        }
        m.insert(key, (fp.0, self.idx.next_seq, seqs));
    }

    pub(crate) fn idx_open(&mut self, mode: OpenMode, path: String) -> [u8; 2] {
        if self.mode.is_some() {
            return *b"41";
        }
        let exists = std::path::Path::new(&path).exists();
        self.idx = IdxState {
            path: path.clone(),
            inclusive: true,
            ..Default::default()
        };
        self.idx.keys = vec![BTreeMap::new(); self.spec.keys.len().max(1)];
        let mut status = *b"00";
        match mode {
            OpenMode::Output => {
                if let Err(e) = std::fs::File::create(&path) {
                    return if e.kind() == ErrorKind::PermissionDenied {
                        *b"37"
                    } else {
                        *b"30"
                    };
                }
                self.idx.dirty = true;
            }
            _ if !exists => {
                if !self.spec.optional {
                    return *b"35";
                }
                status = *b"05";
                if mode == OpenMode::Input {
                    self.idx.missing = true;
                } else {
                    self.idx.dirty = true;
                }
            }
            _ => {
                if self.idx_load(&path).is_err() {
                    return *b"30";
                }
            }
        }
        self.mode = Some(mode);
        status
    }

    pub(crate) fn idx_close(&mut self) -> [u8; 2] {
        if self.mode.is_none() {
            return *b"42";
        }
        let mut st = *b"00";
        if self.idx.dirty && !self.idx.missing {
            if self.idx_save().is_err() {
                st = *b"30";
            } else {
                self.idx_memo_save();
            }
        }
        self.idx = IdxState::default();
        self.mode = None;
        st
    }

    fn idx_deliver(&mut self, slot: usize, rec: &mut [u8]) {
        let data = self.idx.records[slot].as_ref().unwrap();
        let n = data.len().min(rec.len());
        rec[..n].copy_from_slice(&data[..n]);
        self.rec_len = n;
        self.idx.last_read = Some(slot);
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
        let at = self.idx.at.clone();
        let inc = self.idx.inclusive;
        let found = if backward {
            let hi = if inc {
                Bound::Included(at)
            } else {
                Bound::Excluded(at)
            };
            let start_from_end = self.idx.at.0.is_empty() && self.idx.at.1 == u64::MAX;
            if start_from_end {
                self.idx.keys[k]
                    .iter()
                    .next_back()
                    .map(|(e, &s)| (e.clone(), s))
            } else {
                self.idx.keys[k]
                    .range((Bound::Unbounded, hi))
                    .next_back()
                    .map(|(e, &s)| (e.clone(), s))
            }
        } else {
            let lo = if inc {
                Bound::Included(at)
            } else {
                Bound::Excluded(at)
            };
            self.idx.keys[k]
                .range((lo, Bound::Unbounded))
                .next()
                .map(|(e, &s)| (e.clone(), s))
        };
        match found {
            Some((e, slot)) => {
                self.idx.at = e;
                self.idx.inclusive = false;
                self.idx_deliver(slot, rec);
                *b"00"
            }
            None => {
                self.idx.eof_seen = true;
                *b"10"
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
        let key = self.key_of(k, rec);
        let lo = (key.clone(), 0u64);
        let found = self.idx.keys[k]
            .range(lo..)
            .next()
            .filter(|((kk, _), _)| *kk == key)
            .map(|(e, &s)| (e.clone(), s));
        match found {
            Some((e, slot)) => {
                self.idx.cur_key = k;
                self.idx.at = e;
                self.idx.inclusive = false;
                self.idx.eof_seen = false;
                self.idx_deliver(slot, rec);
                *b"00"
            }
            None => *b"23",
        }
    }

    pub(crate) fn idx_start(&mut self, op: StartOp, k: usize, rec: &[u8], len: usize) -> [u8; 2] {
        if !matches!(
            self.mode,
            Some(OpenMode::Input) | Some(OpenMode::InputOutput)
        ) {
            return *b"47";
        }
        let mut key = self.key_of(k, rec);
        key.truncate(len.max(1).min(key.len()));
        let n = key.len();
        let prefix = |e: &Entry| e.0[..n].to_vec();
        let map = &self.idx.keys[k];
        let found = match op {
            StartOp::Eq => map.iter().find(|(e, _)| prefix(e) == key),
            StartOp::Ge => map.iter().find(|(e, _)| prefix(e) >= key),
            StartOp::Gt => map.iter().find(|(e, _)| prefix(e) > key),
            StartOp::Le => map.iter().rev().find(|(e, _)| prefix(e) <= key),
            StartOp::Lt => map.iter().rev().find(|(e, _)| prefix(e) < key),
        }
        .map(|(e, _)| e.clone());
        match found {
            Some(e) => {
                self.idx.cur_key = k;
                self.idx.at = e;
                self.idx.inclusive = true;
                self.idx.eof_seen = false;
                *b"00"
            }
            None => *b"23",
        }
    }

    pub(crate) fn idx_write(&mut self, rec: &[u8]) -> [u8; 2] {
        if !matches!(
            self.mode,
            Some(OpenMode::Output) | Some(OpenMode::Extend) | Some(OpenMode::InputOutput)
        ) {
            return *b"48";
        }
        let pk = self.key_of(0, rec);
        if self.spec.access == Access::Sequential || self.mode == Some(OpenMode::Extend) {
            if let Some(last) = &self.idx.last_written {
                if pk <= *last {
                    return *b"21";
                }
            }
        }
        if self.idx_find(0, &pk).is_some() || self.idx_alt_conflict(rec, None) {
            return *b"22";
        }
        let dup = (1..self.spec.keys.len()).any(|k| self.idx_key_has_dup(k, rec, None));
        let seqs = self.idx_new_seqs(self.idx.next_seq);
        self.idx.next_seq += 1;
        self.idx_insert(rec.to_vec(), seqs);
        self.idx.last_written = Some(pk);
        self.idx.dirty = true;
        if dup {
            *b"02"
        } else {
            *b"00"
        }
    }

    pub(crate) fn idx_rewrite(&mut self, rec: &[u8]) -> [u8; 2] {
        if self.mode != Some(OpenMode::InputOutput) {
            return *b"49";
        }
        let pk = self.key_of(0, rec);
        if self.spec.access == Access::Sequential {
            match self.idx.last_read {
                Some(s)
                    if self.idx.records[s].as_ref().map(|r| self.key_of(0, r))
                        == Some(pk.clone()) => {}
                Some(_) => return *b"21",
                None => return *b"43",
            }
        }
        let slot = match self.idx_find(0, &pk) {
            Some(s) => s,
            None => {
                return if self.idx_alt_conflict(rec, None) {
                    *b"22"
                } else {
                    *b"23"
                }
            }
        };
        if self.idx_alt_conflict(rec, Some(slot)) {
            return *b"22";
        }
        // a WITH DUPLICATES key that changed goes to the end of its new chain, and only
        // such a key gives 02 (cobc 3.1.2)
        let old = self.idx.records[slot].clone().unwrap_or_default();
        let mut seqs = self.idx.seqs[slot].clone();
        let mut dup = false;
        let mut bumped = false;
        for k in 1..self.spec.keys.len() {
            if self.spec.keys[k].duplicates && self.key_of(k, &old) != self.key_of(k, rec) {
                dup |= self.idx_key_has_dup(k, rec, Some(slot));
                seqs[k] = self.idx.next_seq;
                bumped = true;
            }
        }
        if bumped {
            self.idx.next_seq += 1;
        }
        self.idx_remove(slot);
        let new_slot = self.idx_insert(rec.to_vec(), seqs);
        if self.idx.last_read == Some(slot) {
            self.idx.last_read = Some(new_slot);
        }
        self.idx.dirty = true;
        if dup {
            *b"02"
        } else {
            *b"00"
        }
    }

    pub(crate) fn idx_delete(&mut self, rec: &[u8]) -> [u8; 2] {
        if self.mode != Some(OpenMode::InputOutput) {
            return *b"49";
        }
        let slot = if self.spec.access == Access::Sequential {
            match self.idx.last_read.take() {
                Some(s) => s,
                None => return *b"43",
            }
        } else {
            match self.idx_find(0, &self.key_of(0, rec)) {
                Some(s) => s,
                None => return *b"23",
            }
        };
        self.idx_remove(slot);
        self.idx.dirty = true;
        *b"00"
    }
}
