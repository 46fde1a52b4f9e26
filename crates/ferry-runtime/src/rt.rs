//! `Rt`: the per-process run-time context: buffered stdout, stdin for ACCEPT, the files
//! table, RETURN-CODE and program exit.
//!
//! cobc 3.1.2 facts: STOP RUN exits with RETURN-CODE (MOVE 300 TO RETURN-CODE gives exit
//! status 44, -2 gives 254: the OS keeps the low 8 bits); `STOP RUN 3` exits 3. ACCEPT of
//! a line into a field moves the line as alphanumeric data truncated to the field's size
//! ("-12.56" into S9(3)V9 takes "-12." and gives -012.0); at end of input the field is
//! filled with spaces. ACCEPT FROM ENVIRONMENT of an unset name gives spaces; FROM
//! COMMAND-LINE gives the arguments joined by single spaces.

use crate::alnum::Fig;
use crate::datetime;
use crate::file::{CobFile, FileId, FileSpec, FileStatus};
use crate::fmt;
use crate::mov::{self, Field};
use crate::num::NumField;
use std::io::{BufRead, BufWriter, Stdout, Write};

/// Where DISPLAY writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Upon {
    Stdout,
    Stderr,
}

/// Run-time context; one per process, passed `&mut` to every program.
pub struct Rt {
    out: BufWriter<Stdout>,
    line: Vec<u8>,
    stdin_eof: bool,
    /// RETURN-CODE special register.
    pub return_code: i64,
    pub(crate) files: Vec<CobFile>,
}

impl Default for Rt {
    fn default() -> Self {
        Rt::new()
    }
}

/// Items of one DISPLAY statement, built fluently and ended with [`Disp::end`].
pub struct Disp<'a> {
    rt: &'a mut Rt,
    upon: Upon,
}

impl<'a> Disp<'a> {
    /// An alphanumeric literal, or the text of a numeric literal exactly as written
    /// (cobc: DISPLAY -0.5 prints "-0.5", 1.50 prints "1.50", +3 prints "+3").
    pub fn lit(self, b: &[u8]) -> Self {
        self.rt.line.extend_from_slice(b);
        self
    }
    pub fn text(self, s: &str) -> Self {
        self.lit(s.as_bytes())
    }
    pub fn field(self, mem: &[u8], f: impl Into<Field>) -> Self {
        fmt::append_field(mem, f.into(), &mut self.rt.line);
        self
    }
    pub fn num(self, mem: &[u8], f: NumField) -> Self {
        fmt::append_num(mem, f, &mut self.rt.line);
        self
    }
    pub fn fig(self, f: Fig) -> Self {
        fmt::append_fig(f, &mut self.rt.line);
        self
    }
    /// A computed value (e.g. an intrinsic result) printed in plain notation.
    pub fn dec(self, v: &crate::dec::Dec) -> Self {
        self.rt.line.extend_from_slice(v.to_string().as_bytes());
        self
    }
    /// End the statement: newline unless `no_advancing`.
    pub fn end(self, no_advancing: bool) {
        if !no_advancing {
            self.rt.line.push(b'\n');
        }
        let line = std::mem::take(&mut self.rt.line);
        match self.upon {
            Upon::Stdout => {
                let _ = self.rt.out.write_all(&line);
            }
            Upon::Stderr => {
                let _ = self.rt.out.flush();
                let _ = std::io::stderr().write_all(&line);
            }
        }
        self.rt.line = line;
        self.rt.line.clear();
    }
}

impl Rt {
    pub fn new() -> Rt {
        Rt {
            out: BufWriter::with_capacity(1 << 16, std::io::stdout()),
            line: Vec::with_capacity(256),
            stdin_eof: false,
            return_code: 0,
            files: Vec::new(),
        }
    }

    /// Start a DISPLAY statement.
    pub fn display(&mut self, upon: Upon) -> Disp<'_> {
        self.line.clear();
        Disp { rt: self, upon }
    }

    /// Raw bytes to stdout (buffered).
    pub fn write_stdout(&mut self, b: &[u8]) {
        let _ = self.out.write_all(b);
    }

    pub fn flush(&mut self) {
        let _ = self.out.flush();
    }

    /// Read one line from stdin (without the line terminator); None at end of input.
    /// Flushes stdout first.
    pub fn read_line(&mut self) -> Option<Vec<u8>> {
        self.flush();
        if self.stdin_eof {
            return None;
        }
        let mut buf = Vec::new();
        match std::io::stdin().lock().read_until(b'\n', &mut buf) {
            Ok(0) | Err(_) => {
                self.stdin_eof = true;
                None
            }
            Ok(_) => {
                if buf.last() == Some(&b'\n') {
                    buf.pop();
                }
                if buf.last() == Some(&b'\r') {
                    buf.pop();
                }
                Some(buf)
            }
        }
    }

    /// ACCEPT item (from stdin).
    pub fn accept(&mut self, mem: &mut [u8], dst: impl Into<Field>) {
        let dst = dst.into();
        match self.read_line() {
            Some(line) => accept_bytes(mem, &line, dst),
            None => mov::move_fig(mem, Fig::Space, Field::Alnum(dst.as_alnum())),
        }
    }

    /// ACCEPT item FROM DATE / DATE YYYYMMDD / DAY / DAY YYYYDDD / DAY-OF-WEEK / TIME.
    pub fn accept_from(&mut self, mem: &mut [u8], what: AcceptFrom, dst: impl Into<Field>) {
        let dt = datetime::now();
        let s = match what {
            AcceptFrom::Date => dt.date6(),
            AcceptFrom::DateYyyymmdd => dt.date8(),
            AcceptFrom::Day => dt.day5(),
            AcceptFrom::DayYyyyddd => dt.day7(),
            AcceptFrom::DayOfWeek => dt.day_of_week().to_string(),
            AcceptFrom::Time => dt.time8(),
        };
        accept_bytes(mem, s.as_bytes(), dst.into());
    }

    /// ACCEPT item FROM ENVIRONMENT "NAME" (spaces when unset).
    pub fn accept_env(&mut self, mem: &mut [u8], name: &str, dst: impl Into<Field>) {
        let v = std::env::var_os(name.trim_end())
            .map(|s| s.into_encoded_bytes())
            .unwrap_or_default();
        accept_bytes(mem, &v, dst.into());
    }

    /// ACCEPT item FROM COMMAND-LINE.
    pub fn accept_command_line(&mut self, mem: &mut [u8], dst: impl Into<Field>) {
        let args: Vec<String> = std::env::args().skip(1).collect();
        accept_bytes(mem, args.join(" ").as_bytes(), dst.into());
    }

    /// Register a file (at program start); returns its handle.
    pub fn add_file(&mut self, spec: FileSpec) -> FileId {
        self.files.push(CobFile::new(spec));
        FileId(self.files.len() - 1)
    }

    pub fn file(&mut self, id: FileId) -> &mut CobFile {
        &mut self.files[id.0]
    }

    /// Flush stdout and every open file (what STOP RUN does before exiting).
    pub fn shutdown(&mut self) {
        for f in self.files.iter_mut() {
            f.close_at_exit();
        }
        self.flush();
        let _ = std::io::stderr().flush();
    }

    /// Stop with libcob's run-time error for a failed file operation (exit status 1):
    /// `libcob: error: file does not exist (status = 35) for file F1 ('MISSING')`.
    pub fn file_error(&mut self, id: FileId) -> ! {
        let f = &self.files[id.0];
        let msg = format!(
            "libcob: error: {} (status = {}) for file {}\n",
            crate::file::status_message(f.status),
            f.status.as_str(),
            f.error_name()
        );
        self.flush();
        let _ = std::io::stderr().write_all(msg.as_bytes());
        self.shutdown();
        std::process::exit(1)
    }

    /// After a file statement: stop the run if the status is fatal (see
    /// [`crate::file::is_fatal`]); otherwise return the status.
    pub fn check_file(
        &mut self,
        id: FileId,
        has_file_status: bool,
        has_handler: bool,
    ) -> FileStatus {
        let st = self.files[id.0].status;
        if crate::file::is_fatal(st, has_file_status, has_handler) {
            self.file_error(id);
        }
        st
    }

    /// STOP RUN: flush everything and exit with RETURN-CODE.
    pub fn stop_run(&mut self) -> ! {
        self.shutdown();
        std::process::exit(self.return_code as i32)
    }

    /// STOP RUN WITH/RETURNING n, or `STOP RUN n`.
    pub fn stop_run_with(&mut self, code: i64) -> ! {
        self.return_code = code;
        self.stop_run()
    }

    /// RETURN-CODE as the generator's S9(9) BINARY view (MOVE x TO RETURN-CODE truncates
    /// to 9 digits).
    pub fn set_return_code(&mut self, v: &crate::dec::Dec) {
        let s = v.scaled(0, crate::dec::Round::Truncate, 9);
        if let Some(s) = s {
            self.return_code = if s.neg { -(s.low as i64) } else { s.low as i64 };
        }
    }
}

/// What ACCEPT ... FROM reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AcceptFrom {
    Date,
    DateYyyymmdd,
    Day,
    DayYyyyddd,
    DayOfWeek,
    Time,
}

/// Move accepted data into an item: alphanumeric move, except that a numeric item
/// receives the data truncated to its size then converted.
pub fn accept_bytes(mem: &mut [u8], data: &[u8], dst: Field) {
    match dst {
        Field::Num(n) => {
            let k = data.len().min(n.size());
            mov::alnum_to_num(mem, &data[..k], n)
        }
        Field::Edit(e) => {
            let k = data.len().min(e.len);
            mov::move_bytes(mem, &data[..k], dst);
            let _ = e;
        }
        Field::Alnum(a) | Field::Group(a) => a.set_bytes(mem, data),
        Field::AlnumEdit(_) => mov::move_bytes(mem, data, dst),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::alnum::AlnumField;

    #[test]
    fn accept_truncates_numeric_input() {
        // cobc: ACCEPT N (S9(3)V9) with input "-12.56" -> DISPLAY N "-012.0"
        let n = NumField::display(0, 4, 1, true);
        let mut m = vec![0u8; 16];
        accept_bytes(&mut m, b"-12.56", Field::Num(n));
        let mut o = Vec::new();
        fmt::append_num(&m, n, &mut o);
        assert_eq!(o, b"-012.0");
        // ACCEPT X (X(5)) with "abcdefgh" -> "abcde"
        let x = AlnumField::new(8, 5);
        accept_bytes(&mut m, b"abcdefgh", Field::Alnum(x));
        assert_eq!(x.bytes(&m), b"abcde");
    }

    #[test]
    fn return_code_truncation() {
        let mut rt = Rt::new();
        rt.set_return_code(&crate::dec::Dec::int(1_234_567_890));
        assert_eq!(rt.return_code, 234_567_890);
    }
}
