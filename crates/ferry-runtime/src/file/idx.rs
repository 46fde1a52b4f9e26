//! ORGANIZATION INDEXED.
//!
//! cobc's own indexed files (Berkeley DB here) cannot be reproduced byte for byte, so
//! ferry uses a simple format that *is* the "unloaded" file: the records in primary-key
//! order, fixed length (or, for variable-length records, each preceded by the 4-byte
//! header of variable SEQUENTIAL files). Loading a fixed-length unloaded file is a file
//! copy. The file is read into memory at OPEN (primary and alternate key maps are built)
//! and written back at CLOSE when changed. When an alternate key allows duplicates, a
//! side file `<name>.dupseq` keeps each record's insertion number (8 bytes LE, primary key
//! order) so duplicates keep cobc's insertion order across runs; without it, duplicates
//! come back in primary-key order.
//!
//! Behaviour checked against cobc 3.1.2 with BDB (experiment x1): duplicate primary 22;
//! duplicate unique alternate 22; duplicate alternate WITH DUPLICATES 02 on WRITE;
//! duplicates are returned in insertion order; READ by an alternate key returns the first
//! duplicate with status 00; START not found 23; READ NEXT at end 10, then 46; START KEY <
//! then READ PREVIOUS walks backwards; DELETE of a missing key 23; REWRITE of a missing key
//! 23 (22 when the new record collides on a unique alternate key).

use super::{Access, CobFile, OpenMode, StartOp};
use std::collections::BTreeMap;
use std::io::{BufReader, BufWriter, ErrorKind, Read, Write};
use std::ops::Bound;

type Entry = (Vec<u8>, u64);

#[derive(Default)]
pub(crate) struct IdxState {
    path: String,
    records: Vec<Option<Vec<u8>>>,
    seqs: Vec<u64>,
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

    fn idx_insert(&mut self, rec: Vec<u8>, seq: u64) -> usize {
        let slot = self.idx.records.len();
        for k in 0..self.spec.keys.len() {
            let key = self.key_of(k, &rec);
            let dup_seq = if self.spec.keys[k].duplicates { seq } else { 0 };
            self.idx.keys[k].insert((key, dup_seq), slot);
        }
        self.idx.records.push(Some(rec));
        self.idx.seqs.push(seq);
        slot
    }

    fn idx_remove(&mut self, slot: usize) {
        if let Some(rec) = self.idx.records[slot].take() {
            let seq = self.idx.seqs[slot];
            for k in 0..self.spec.keys.len() {
                let key = self.key_of(k, &rec);
                let dup_seq = if self.spec.keys[k].duplicates { seq } else { 0 };
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

    fn idx_has_dup_alt(&self, rec: &[u8], except: Option<usize>) -> bool {
        (1..self.spec.keys.len()).any(|k| {
            let key = self.key_of(k, rec);
            self.spec.keys[k].duplicates
                && self.idx.keys[k]
                    .range((key.clone(), 0)..)
                    .take_while(|((kk, _), _)| *kk == key)
                    .any(|(_, &s)| Some(s) != except)
        })
    }

    fn has_dup_keys(&self) -> bool {
        self.spec.keys.iter().any(|k| k.duplicates)
    }

    fn idx_load(&mut self, path: &str) -> std::io::Result<()> {
        let seqs: Vec<u64> = if self.has_dup_keys() {
            std::fs::read(format!("{path}.dupseq"))
                .map(|b| {
                    b.chunks_exact(8)
                        .map(|c| u64::from_le_bytes(c.try_into().unwrap()))
                        .collect()
                })
                .unwrap_or_default()
        } else {
            Vec::new()
        };
        let mut count = 0usize;
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
            let seq = seqs.get(count).copied().unwrap_or(count as u64);
            count += 1;
            self.idx.next_seq = self.idx.next_seq.max(seq + 1);
            self.idx_insert(rec, seq);
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
        if self.has_dup_keys() {
            let mut b = Vec::new();
            for (_, &slot) in self.idx.keys[0].iter() {
                b.extend_from_slice(&self.idx.seqs[slot].to_le_bytes());
            }
            std::fs::write(format!("{}.dupseq", self.idx.path), b)?;
        }
        Ok(())
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
        if self.idx.dirty && !self.idx.missing && self.idx_save().is_err() {
            st = *b"30";
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
        let dup = self.idx_has_dup_alt(rec, None);
        let seq = self.idx.next_seq;
        self.idx.next_seq += 1;
        self.idx_insert(rec.to_vec(), seq);
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
        let seq = self.idx.seqs[slot];
        self.idx_remove(slot);
        let dup = self.idx_has_dup_alt(rec, None);
        let new_slot = self.idx_insert(rec.to_vec(), seq);
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
