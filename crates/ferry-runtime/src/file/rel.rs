//! ORGANIZATION RELATIVE, in cobc 3.1.2's on-disk format: slot n (1-based) is at
//! (n - 1) * (8 + max_len); it holds an 8-byte little-endian record length (0 = empty or
//! deleted) followed by the record area. Checked (experiments r3, r4): WRITE to an
//! occupied slot 22, READ of an empty slot or key 0 23, sequential-access WRITE ignores the
//! RELATIVE KEY and fills slots 1, 2, ... (OPEN EXTEND continues after the last slot), READ
//! NEXT skips empty slots and returns the slot number as the key. DELETE / REWRITE (random):
//! key 0 gives 24, a slot past the end of the file 23, an empty slot inside the file 00
//! (REWRITE then writes the record bytes but leaves the length 0: the slot stays empty).

use super::{Access, CobFile, OpenMode, StartOp};
use std::fs::{File, OpenOptions};
use std::io::{ErrorKind, Read, Seek, SeekFrom, Write};

#[derive(Default)]
pub(crate) struct RelState {
    file: Option<File>,
    /// next slot (1-based) for READ NEXT
    next: u64,
    /// slot of the last successful READ (for sequential REWRITE/DELETE)
    last_read: Option<u64>,
    eof_seen: bool,
    missing: bool,
}

impl CobFile {
    fn slot_size(&self) -> u64 {
        8 + self.spec.max_len as u64
    }

    fn rel_slots(&mut self) -> u64 {
        let ss = self.slot_size();
        match self.rel.file.as_ref().and_then(|f| f.metadata().ok()) {
            Some(m) => m.len().div_ceil(ss),
            None => 0,
        }
    }

    /// Length stored in slot n (0 = empty), and the data.
    fn rel_get(&mut self, n: u64) -> Option<Vec<u8>> {
        if n == 0 || n > self.rel_slots() {
            return None;
        }
        let ss = self.slot_size();
        let max = self.spec.max_len;
        let f = self.rel.file.as_mut()?;
        f.seek(SeekFrom::Start((n - 1) * ss)).ok()?;
        let mut buf = vec![0u8; ss as usize];
        let mut got = 0;
        while got < buf.len() {
            match f.read(&mut buf[got..]) {
                Ok(0) => break,
                Ok(k) => got += k,
                Err(e) if e.kind() == ErrorKind::Interrupted => {}
                Err(_) => return None,
            }
        }
        let len = u64::from_le_bytes(buf[..8].try_into().unwrap()) as usize;
        if len == 0 {
            return None;
        }
        Some(buf[8..8 + len.min(max)].to_vec())
    }

    fn rel_put(&mut self, n: u64, data: Option<&[u8]>) -> bool {
        let ss = self.slot_size();
        let max = self.spec.max_len;
        let f = match self.rel.file.as_mut() {
            Some(f) => f,
            None => return false,
        };
        let mut buf = vec![0u8; ss as usize];
        match data {
            Some(d) => {
                let len = d.len().min(max);
                buf[..8].copy_from_slice(&(len as u64).to_le_bytes());
                buf[8..8 + len].copy_from_slice(&d[..len]);
            }
            None => {
                // deleting keeps the old data bytes, clears the length (as cobc does)
                if f.seek(SeekFrom::Start((n - 1) * ss)).is_err() {
                    return false;
                }
                return f.write_all(&[0u8; 8]).is_ok();
            }
        }
        f.seek(SeekFrom::Start((n - 1) * ss)).is_ok() && f.write_all(&buf).is_ok()
    }

    pub(crate) fn rel_open(&mut self, mode: OpenMode, path: String) -> [u8; 2] {
        if self.rel.file.is_some() || self.rel.missing {
            return *b"41";
        }
        let exists = std::path::Path::new(&path).exists();
        let mut status = *b"00";
        let f = match mode {
            OpenMode::Output => OpenOptions::new()
                .read(true)
                .write(true)
                .create(true)
                .truncate(true)
                .open(&path),
            OpenMode::Input if !exists && self.spec.optional => {
                self.rel = RelState {
                    missing: true,
                    next: 1,
                    ..Default::default()
                };
                self.mode = Some(mode);
                return *b"05";
            }
            OpenMode::Input => OpenOptions::new().read(true).open(&path),
            _ => {
                if !exists && !self.spec.optional {
                    return *b"35";
                }
                if !exists {
                    status = *b"05";
                }
                OpenOptions::new()
                    .read(true)
                    .write(true)
                    .create(true)
                    .truncate(false)
                    .open(&path)
            }
        };
        match f {
            Ok(f) => {
                self.rel = RelState {
                    file: Some(f),
                    next: 1,
                    ..Default::default()
                };
                self.mode = Some(mode);
                if mode == OpenMode::Extend {
                    self.rel.next = self.rel_slots() + 1;
                }
                status
            }
            Err(e) if e.kind() == ErrorKind::NotFound => *b"35",
            Err(e) if e.kind() == ErrorKind::PermissionDenied => *b"37",
            Err(_) => *b"30",
        }
    }

    pub(crate) fn rel_close(&mut self) -> [u8; 2] {
        if self.mode.is_none() {
            return *b"42";
        }
        self.rel = RelState::default();
        self.mode = None;
        *b"00"
    }

    fn rel_can_read(&self) -> bool {
        matches!(
            self.mode,
            Some(OpenMode::Input) | Some(OpenMode::InputOutput)
        )
    }

    pub(crate) fn rel_read_next(&mut self, rec: &mut [u8], backward: bool) -> [u8; 2] {
        if !self.rel_can_read() {
            return *b"47";
        }
        if self.rel.eof_seen {
            return *b"46";
        }
        let slots = self.rel_slots();
        let mut n = self.rel.next;
        loop {
            if n == 0 || n > slots {
                self.rel.eof_seen = true;
                return *b"10";
            }
            if let Some(d) = self.rel_get(n) {
                rec[..d.len()].copy_from_slice(&d);
                self.rec_len = d.len();
                self.rel_key = n;
                self.rel.last_read = Some(n);
                self.rel.next = if backward { n - 1 } else { n + 1 };
                return *b"00";
            }
            n = if backward { n - 1 } else { n + 1 };
        }
    }

    pub(crate) fn rel_read_key(&mut self, rec: &mut [u8], n: u64) -> [u8; 2] {
        if !self.rel_can_read() {
            return *b"47";
        }
        match self.rel_get(n) {
            Some(d) => {
                rec[..d.len()].copy_from_slice(&d);
                self.rec_len = d.len();
                self.rel.last_read = Some(n);
                self.rel.next = n + 1;
                self.rel.eof_seen = false;
                *b"00"
            }
            None => *b"23",
        }
    }

    pub(crate) fn rel_start(&mut self, op: StartOp, n: u64) -> [u8; 2] {
        if !self.rel_can_read() {
            return *b"47";
        }
        let slots = self.rel_slots();
        let found = match op {
            StartOp::Eq => self.rel_get(n).map(|_| n),
            StartOp::Gt | StartOp::Ge => {
                let from = if op == StartOp::Gt { n + 1 } else { n.max(1) };
                (from..=slots).find(|&k| self.rel_get(k).is_some())
            }
            StartOp::Lt | StartOp::Le => {
                let from = if op == StartOp::Lt {
                    n.saturating_sub(1)
                } else {
                    n.min(slots)
                };
                (1..=from).rev().find(|&k| self.rel_get(k).is_some())
            }
        };
        match found {
            Some(k) => {
                self.rel.next = k;
                self.rel.eof_seen = false;
                *b"00"
            }
            None => *b"23",
        }
    }

    pub(crate) fn rel_write(&mut self, rec: &[u8], key: Option<u64>) -> [u8; 2] {
        if !matches!(
            self.mode,
            Some(OpenMode::Output) | Some(OpenMode::Extend) | Some(OpenMode::InputOutput)
        ) {
            return *b"48";
        }
        let n = match (self.spec.access, key) {
            (Access::Sequential, _) | (_, None) => {
                let n = self.rel.next.max(1);
                self.rel.next = n + 1;
                n
            }
            (_, Some(n)) => n,
        };
        if n == 0 {
            return *b"24";
        }
        if self.rel_get(n).is_some() {
            return *b"22";
        }
        if !self.rel_put(n, Some(rec)) {
            return *b"30";
        }
        self.rel_key = n;
        *b"00"
    }

    fn rel_target(&mut self, key: Option<u64>) -> Option<u64> {
        match (self.spec.access, key) {
            (Access::Sequential, _) | (_, None) => self.rel.last_read,
            (_, Some(n)) => Some(n),
        }
    }

    pub(crate) fn rel_rewrite(&mut self, rec: &[u8], key: Option<u64>) -> [u8; 2] {
        if self.mode != Some(OpenMode::InputOutput) {
            return *b"49";
        }
        let n = match self.rel_target(key) {
            Some(n) => n,
            None => return *b"43",
        };
        if n == 0 {
            return *b"24";
        }
        if n > self.rel_slots() {
            return *b"23";
        }
        if self.rel_get(n).is_none() {
            // cobc 3.1.2: an empty slot inside the file gives 00; the record bytes are
            // written but the slot length stays 0, so the slot stays empty.
            return if self.rel_put_data_only(n, rec) {
                *b"00"
            } else {
                *b"30"
            };
        }
        if self.rel_put(n, Some(rec)) {
            *b"00"
        } else {
            *b"30"
        }
    }

    fn rel_put_data_only(&mut self, n: u64, rec: &[u8]) -> bool {
        let ss = self.slot_size();
        let len = rec.len().min(self.spec.max_len);
        match self.rel.file.as_mut() {
            Some(f) => {
                f.seek(SeekFrom::Start((n - 1) * ss + 8)).is_ok()
                    && f.write_all(&rec[..len]).is_ok()
            }
            None => false,
        }
    }

    pub(crate) fn rel_delete(&mut self, key: Option<u64>) -> [u8; 2] {
        if self.mode != Some(OpenMode::InputOutput) {
            return *b"49";
        }
        let n = match self.rel_target(key) {
            Some(n) => n,
            None => return *b"43",
        };
        // cobc 3.1.2: key 0 is 24, past the last slot 23; an empty slot inside the file
        // is "deleted" again with status 00.
        if n == 0 {
            return *b"24";
        }
        if n > self.rel_slots() {
            return *b"23";
        }
        self.rel.last_read = None;
        if self.rel_put(n, None) {
            *b"00"
        } else {
            *b"30"
        }
    }
}
