//! LINE SEQUENTIAL and record SEQUENTIAL file operations.

use super::{Advance, CobFile, OpenMode, Org};
use std::fs::{File, OpenOptions};
use std::io::{BufRead, BufReader, BufWriter, ErrorKind, Read, Seek, SeekFrom, Write};

#[derive(Default)]
pub(crate) struct CobFileState {
    mode: Option<OpenMode>,
    reader: Option<BufReader<File>>,
    writer: Option<BufWriter<File>>,
    /// I-O mode handle with explicit positioning
    io: Option<File>,
    pos: u64,
    last_read: Option<(u64, usize)>,
    /// OPTIONAL file that was missing at OPEN
    missing: bool,
    eof_seen: bool,
    needs_nl: bool,
    /// Reused for every line read and every record written (no allocation per record).
    buf: Vec<u8>,
    /// LINAGE page state (LINE SEQUENTIAL files with a LINAGE clause).
    pub(crate) linage: Option<super::linage::LinageState>,
}

impl CobFileState {
    pub(crate) fn is_open(&self) -> bool {
        self.mode.is_some()
    }
}

fn open_error(e: &std::io::Error, for_input: bool) -> [u8; 2] {
    match e.kind() {
        ErrorKind::NotFound if for_input => *b"35",
        ErrorKind::NotFound => *b"30",
        ErrorKind::PermissionDenied => *b"37",
        _ => *b"30",
    }
}

/// The bytes of an ADVANCING phrase: a form feed for PAGE, a carriage return for 0 lines,
/// else `n` newlines.
fn push_advance(out: &mut Vec<u8>, n: u32, page: bool) {
    if page {
        out.push(b'\x0c');
    } else if n == 0 {
        out.push(b'\r');
    } else {
        out.resize(out.len() + n as usize, b'\n');
    }
}

impl CobFile {
    pub(crate) fn seq_open(&mut self, mode: OpenMode, path: String) -> [u8; 2] {
        if self.st.is_open() {
            return *b"41";
        }
        let mut st = CobFileState {
            mode: Some(mode),
            linage: self.st.linage.take(),
            ..Default::default()
        };
        let linage_invalid = st.linage.as_ref().is_some_and(|l| !l.valid());
        if let Some(l) = st.linage.as_mut() {
            l.open();
        }
        let optional = self.spec.optional;
        let mut status = *b"00";
        match mode {
            OpenMode::Input => match File::open(&path) {
                Ok(f) => st.reader = Some(BufReader::with_capacity(1 << 16, f)),
                Err(e) if e.kind() == ErrorKind::NotFound && optional => {
                    st.missing = true;
                    status = *b"05";
                }
                Err(e) => return open_error(&e, true),
            },
            OpenMode::Output => match File::create(&path) {
                Ok(f) => st.writer = Some(BufWriter::with_capacity(1 << 16, f)),
                Err(e) => return open_error(&e, false),
            },
            OpenMode::Extend => {
                let exists = std::path::Path::new(&path).exists();
                if !exists && !optional {
                    return *b"35";
                }
                match OpenOptions::new().append(true).create(true).open(&path) {
                    Ok(f) => st.writer = Some(BufWriter::with_capacity(1 << 16, f)),
                    Err(e) => return open_error(&e, false),
                }
                if !exists {
                    status = *b"05";
                }
            }
            OpenMode::InputOutput => {
                if self.spec.org == Org::LineSequential {
                    return *b"37";
                }
                let exists = std::path::Path::new(&path).exists();
                if !exists && !optional {
                    return *b"35";
                }
                match OpenOptions::new()
                    .read(true)
                    .write(true)
                    .create(true)
                    .truncate(false)
                    .open(&path)
                {
                    Ok(f) => st.io = Some(f),
                    Err(e) => return open_error(&e, true),
                }
                if !exists {
                    status = *b"05";
                }
            }
        }
        self.st = st;
        if linage_invalid && matches!(mode, OpenMode::Output | OpenMode::Extend) {
            // cobc opens the file, then finds the LINAGE values invalid: status 57, file left open.
            return *b"57";
        }
        status
    }

    pub(crate) fn seq_close(&mut self) -> [u8; 2] {
        if !self.st.is_open() {
            return *b"42";
        }
        let mut status = *b"00";
        if let Some(mut w) = self.st.writer.take() {
            if self.st.needs_nl && w.write_all(b"\n").is_err() {
                status = *b"30";
            }
            if w.flush().is_err() {
                status = *b"30";
            }
        }
        self.st = CobFileState {
            linage: self.st.linage.take(),
            ..CobFileState::default()
        };
        status
    }

    pub(crate) fn seq_read(&mut self, rec: &mut [u8]) -> [u8; 2] {
        match self.st.mode {
            Some(OpenMode::Input) | Some(OpenMode::InputOutput) => {}
            _ => return *b"47",
        }
        if self.st.eof_seen {
            return *b"46";
        }
        if self.st.missing {
            self.st.eof_seen = true;
            return *b"10";
        }
        let max = self.spec.max_len.min(rec.len());
        if self.spec.org == Org::LineSequential {
            let r = match self.st.reader.as_mut() {
                Some(r) => r,
                None => return *b"47",
            };
            let line = &mut self.st.buf;
            line.clear();
            match r.read_until(b'\n', line) {
                Ok(0) => {
                    self.st.eof_seen = true;
                    return *b"10";
                }
                Ok(_) => {}
                Err(_) => return *b"30",
            }
            if line.last() == Some(&b'\n') {
                line.pop();
            }
            if line.contains(&b'\r') {
                line.retain(|&c| c != b'\r');
            }
            let n = line.len().min(max);
            rec[..n].copy_from_slice(&line[..n]);
            rec[n..max].fill(b' ');
            self.rec_len = n;
            return *b"00";
        }
        if self.spec.min_len != self.spec.max_len {
            return self.read_variable(rec, max);
        }
        // record sequential, fixed length
        let buf = &mut self.st.buf;
        buf.clear();
        buf.resize(max, 0);
        let got = if let Some(r) = self.st.reader.as_mut() {
            read_full(r, buf)
        } else if let Some(f) = self.st.io.as_mut() {
            let pos = self.st.pos;
            if f.seek(SeekFrom::Start(pos)).is_err() {
                return *b"30";
            }
            read_full(f, buf)
        } else {
            return *b"47";
        };
        let got = match got {
            Ok(n) => n,
            Err(_) => return *b"30",
        };
        if got == 0 {
            self.st.eof_seen = true;
            return *b"10";
        }
        rec[..got].copy_from_slice(&buf[..got]);
        self.st.last_read = Some((self.st.pos, got));
        self.st.pos += got as u64;
        self.rec_len = got;
        if got < max {
            *b"04"
        } else {
            *b"00"
        }
    }

    pub(crate) fn seq_write(&mut self, rec: &[u8], adv: Advance) -> [u8; 2] {
        match self.st.mode {
            Some(OpenMode::Output) | Some(OpenMode::Extend) => {}
            _ => return *b"48",
        }
        let w = match self.st.writer.as_mut() {
            Some(w) => w,
            None => return *b"48",
        };
        let data: &[u8] = if self.spec.org == Org::LineSequential {
            let mut n = rec.len();
            while n > 0 && rec[n - 1] == b' ' {
                n -= 1;
            }
            &rec[..n]
        } else {
            rec
        };
        let line_seq = self.spec.org == Org::LineSequential;
        let out = &mut self.st.buf;
        out.clear();
        if !line_seq && self.spec.min_len != self.spec.max_len {
            // variable-length SEQUENTIAL: 2-byte big-endian length, 2 zero bytes, data
            // (cobc 3.1.2: "ABC" is written as 00 03 00 00 41 42 43)
            let n = data.len();
            out.extend_from_slice(&[(n >> 8) as u8, n as u8, 0, 0]);
        }
        if let Some(l) = self.st.linage.as_mut() {
            l.write(out, data, adv);
            self.st.needs_nl = false;
            return match w.write_all(out) {
                Ok(()) => *b"00",
                Err(_) => *b"30",
            };
        }
        match adv {
            Advance::None => {
                out.extend_from_slice(data);
                if line_seq {
                    out.push(b'\n');
                }
                self.st.needs_nl = false;
            }
            Advance::After(n) => {
                push_advance(out, n, false);
                out.extend_from_slice(data);
                self.st.needs_nl = true;
            }
            Advance::AfterPage => {
                push_advance(out, 0, true);
                out.extend_from_slice(data);
                self.st.needs_nl = true;
            }
            Advance::Before(n) => {
                out.extend_from_slice(data);
                push_advance(out, n, false);
                self.st.needs_nl = false;
            }
            Advance::BeforePage => {
                out.extend_from_slice(data);
                push_advance(out, 0, true);
                self.st.needs_nl = false;
            }
        }
        match w.write_all(out) {
            Ok(()) => *b"00",
            Err(_) => *b"30",
        }
    }

    fn read_variable(&mut self, rec: &mut [u8], max: usize) -> [u8; 2] {
        let mut hdr = [0u8; 4];
        let pos = self.st.pos;
        let got = if let Some(r) = self.st.reader.as_mut() {
            read_full(r, &mut hdr)
        } else if let Some(f) = self.st.io.as_mut() {
            if f.seek(SeekFrom::Start(pos)).is_err() {
                return *b"30";
            }
            read_full(f, &mut hdr)
        } else {
            return *b"47";
        };
        match got {
            Ok(0) => {
                self.st.eof_seen = true;
                return *b"10";
            }
            Ok(4) => {}
            Ok(_) => return *b"34",
            Err(_) => return *b"30",
        }
        let len = ((hdr[0] as usize) << 8) | hdr[1] as usize;
        let mut buf = vec![0u8; len];
        let got = if let Some(r) = self.st.reader.as_mut() {
            read_full(r, &mut buf)
        } else {
            read_full(self.st.io.as_mut().unwrap(), &mut buf)
        };
        match got {
            Ok(n) if n == len => {}
            Ok(_) => return *b"34",
            Err(_) => return *b"30",
        }
        let n = len.min(max);
        rec[..n].copy_from_slice(&buf[..n]);
        self.rec_len = n;
        self.st.last_read = Some((pos + 4, len));
        self.st.pos = pos + 4 + len as u64;
        *b"00"
    }

    pub(crate) fn seq_rewrite(&mut self, rec: &[u8]) -> [u8; 2] {
        if self.st.mode != Some(OpenMode::InputOutput) {
            return *b"49";
        }
        let (pos, len) = match self.st.last_read.take() {
            Some(x) => x,
            None => return *b"43",
        };
        if rec.len() != len {
            self.st.last_read = Some((pos, len));
            return *b"44";
        }
        let f = self.st.io.as_mut().unwrap();
        if f.seek(SeekFrom::Start(pos)).is_err() || f.write_all(rec).is_err() {
            return *b"30";
        }
        *b"00"
    }
}

/// Fills `buf` from `r`; the number of bytes read (less than `buf.len()` only at the end).
pub(super) fn read_full<R: Read>(r: &mut R, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut got = 0;
    while got < buf.len() {
        match r.read(&mut buf[got..]) {
            Ok(0) => break,
            Ok(n) => got += n,
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(got)
}
