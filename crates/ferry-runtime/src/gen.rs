//! The surface that ferry's built-in translator generates code against.
//!
//! Generated programs keep their storage in a `Vec<u8>` and describe items with [`Field`]s; operands of
//! MOVE, comparisons and DISPLAY are [`Val`]s, so one generic call covers every category pair and the
//! rules stay here, not in the generated code. The process-wide [`Rt`] (stdout buffer, files,
//! RETURN-CODE) lives in a thread-local, so generated programs never thread it through their calls.

use std::cell::RefCell;
use std::cmp::Ordering;

use crate::alnum::{AlnumField, Fig};
use crate::dec::{Dec, Round};
use crate::file::{Advance, FileId, FileSpec, OpenMode, Org};
use crate::mov::{self, Field};
use crate::rt::{AcceptFrom, Rt, Upon};

thread_local! {
    static RT: RefCell<Rt> = RefCell::new(Rt::new());
}

/// Runs `f` with the process's run-time context.
pub fn with_rt<R>(f: impl FnOnce(&mut Rt) -> R) -> R {
    RT.with(|r| f(&mut r.borrow_mut()))
}

/// An operand: a data item, a decimal value, literal bytes or a figurative constant.
#[derive(Clone, Debug)]
pub enum Val {
    Field(Field),
    Num(Dec),
    Bytes(&'static [u8]),
    Fig(Fig),
    /// `ALL "literal"`
    All(&'static [u8]),
    /// Computed alphanumeric data (an intrinsic function's result).
    Text(Vec<u8>),
    /// A numeric intrinsic function's result (displayed in cobc's temporary format: a long value
    /// below 1 without a 0 before the point, `.1666...`).
    Temp(Dec),
    /// A numeric result cobc displays with a 0 before the point when long and below 1 (SQRT:
    /// `0.7071...`).
    Lead(Dec),
    /// A date-like numeric result displayed as exactly this many digits (DATE-OF-INTEGER: 8).
    Digits(Dec, usize),
    /// A floating-point result (FUNCTION RANDOM): its value has the double's 17 significant
    /// digits, DISPLAY shows it as C's `%.16G`, as libcob does.
    Float(f64),
}

/// The run unit ended (STOP RUN) inside a called program; carries RETURN-CODE.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StopRun(pub i64);

impl Field {
    /// The same item shifted by `extra` bytes (a subscripted occurrence).
    #[inline(always)]
    pub fn at(self, extra: usize) -> Field {
        match self {
            Field::Num(n) => Field::Num(n.at(extra)),
            Field::Alnum(a) => Field::Alnum(a.at(extra)),
            Field::Group(a) => Field::Group(a.at(extra)),
            Field::Edit(e) => Field::Edit(e.at(extra)),
            Field::AlnumEdit(e) => Field::AlnumEdit(e.at(extra)),
        }
    }

    /// Reference modification `(start : length)`: an alphanumeric view (1-based start).
    pub fn refmod(self, start: i64, len: Option<i64>) -> Field {
        Field::Alnum(self.as_alnum().refmod(start, len))
    }
}

impl Dec {
    /// The integer part (truncated), saturating; 0 for NaN.
    #[inline]
    pub fn to_i64(&self) -> i64 {
        if let Some(m) = self.mantissa_i128() {
            let s = self.scale();
            if let (Ok(v), true) = (i64::try_from(m), s <= 18) {
                // truncated toward zero, like `round_to(0, Truncate)`
                let q = crate::dec::divrem_pow10(v.unsigned_abs(), s).0 as i64;
                return if v < 0 { -q } else { q };
            }
        }
        self.to_i64_slow()
    }

    pub(crate) fn to_i64_slow(&self) -> i64 {
        if self.is_nan() {
            return 0;
        }
        let t = self.round_to(0, Round::Truncate);
        match t.mantissa_i128() {
            Some(m) => {
                let mut m = m;
                for _ in 0..t.scale() {
                    m /= 10;
                }
                m.clamp(i64::MIN as i128, i64::MAX as i128) as i64
            }
            None => 0,
        }
    }
}

/// Numeric value of an item (numeric, edited (de-edited), or alphanumeric read as digits).
#[inline(always)]
pub fn get(mem: &[u8], f: Field) -> Dec {
    match f {
        Field::Num(n) => n.get(mem),
        Field::Edit(e) => e.get(mem),
        other => get_alnum(mem, other),
    }
}

fn get_alnum(mem: &[u8], f: Field) -> Dec {
    let bytes = f.bytes(mem);
    let (neg, v) = mov::alnum_to_int(bytes, bytes.len().min(38) as u32, 0);
    let m = v.min(i128::MAX as u128) as i128;
    Dec::new(if neg { -m } else { m }, 0)
}

/// Numeric value of any operand.
pub fn num_value(mem: &[u8], v: Val) -> Dec {
    match v {
        Val::Field(f) => get(mem, f),
        Val::Num(d) => d,
        Val::Fig(Fig::Zero) => Dec::ZERO,
        Val::Bytes(b) | Val::All(b) => Dec::parse(std::str::from_utf8(b).unwrap_or("0").trim()),
        Val::Text(b) => Dec::parse(std::str::from_utf8(&b).unwrap_or("0").trim()),
        Val::Temp(d) | Val::Lead(d) | Val::Digits(d, _) => d,
        Val::Float(f) => Dec::from_f64(f),
        Val::Fig(_) => Dec::ZERO,
    }
}

/// Stores an arithmetic result (see `NumField::store`); returns true on a size error.
#[inline(always)]
pub fn store(mem: &mut [u8], f: Field, v: &Dec, round: Round, on_size_error: bool) -> bool {
    match f {
        Field::Num(n) => n.store(mem, v, round, on_size_error),
        other => store_other(mem, other, v, round, on_size_error),
    }
}

fn store_other(mem: &mut [u8], f: Field, v: &Dec, round: Round, on_size_error: bool) -> bool {
    match f {
        Field::Num(n) => n.store(mem, v, round, on_size_error),
        Field::Edit(e) => {
            if v.is_nan() {
                return true;
            }
            let r = v.round_to(e.scale, round);
            if on_size_error && exceeds(&r, e.digits, e.scale) {
                return true;
            }
            e.set(mem, &r);
            false
        }
        other => {
            mov::move_dec(mem, v, other);
            false
        }
    }
}

/// True when `v` (already at `scale`) needs more than `digits` digits.
fn exceeds(v: &Dec, digits: u32, scale: i32) -> bool {
    let int_digits = digits as i32 - scale;
    let limit = Dec::new(1, 0).mul(&pow10(int_digits.max(0) as u32));
    v.abs().cmp_value(&limit) != Ordering::Less
}

fn pow10(n: u32) -> Dec {
    let mut d = Dec::int(1);
    for _ in 0..n {
        d = d.mul(&Dec::int(10));
    }
    d
}

/// `item := item + by` (SET UP BY, PERFORM VARYING steps): truncating, no size error.
#[inline]
pub fn step(mem: &mut [u8], f: Field, by: Val) {
    let v = get(mem, f).add(&num_value(mem, by));
    store(mem, f, &v, Round::Truncate, false);
}

#[inline(always)]
pub fn store_int(mem: &mut [u8], f: Field, v: i64) {
    store(mem, f, &Dec::int(v), Round::Truncate, false);
}

/// MOVE for every operand kind.
#[inline(always)]
pub fn move_value(mem: &mut [u8], src: Val, dst: Field) {
    match src {
        Val::Field(f) => mov::move_field(mem, f, dst),
        Val::Num(d) => mov::move_dec(mem, &d, dst),
        Val::Bytes(b) => mov::move_bytes(mem, b, dst),
        Val::Fig(fig) => mov::move_fig(mem, fig, dst),
        Val::All(b) => mov::move_fig(mem, Fig::All(b), dst),
        Val::Text(b) => mov::move_bytes_alnum(mem, &b, dst),
        Val::Temp(d) | Val::Lead(d) | Val::Digits(d, _) => mov::move_dec(mem, &d, dst),
        Val::Float(f) => mov::move_dec(mem, &Dec::from_f64(f), dst),
    }
}

/// Copies the first occurrence of a table element over the next `count - 1` (initialisation).
pub fn replicate(mem: &mut [u8], first: Field, stride: usize, count: u32) {
    let (off, len) = (first.offset(), stride);
    for i in 1..count as usize {
        mem.copy_within(off..off + len, off + i * len);
    }
}

/// COBOL comparison of two operands: numeric by value, otherwise by characters.
#[inline(always)]
pub fn compare(mem: &[u8], a: &Val, b: &Val) -> Ordering {
    use crate::compare as c;
    // the common shapes first (the same calls as below)
    match (a, b) {
        (Val::Field(x), Val::Field(y)) => c::cmp_fields(mem, *x, *y),
        (Val::Field(x), Val::Num(d)) => c::cmp_field_dec(mem, *x, d),
        (Val::Field(x), Val::Bytes(l)) => c::cmp_field_bytes(mem, *x, l),
        (Val::Field(x), Val::Fig(f)) => c::cmp_field_fig(mem, *x, *f),
        _ => compare_general(mem, a, b),
    }
}

fn compare_general(mem: &[u8], a: &Val, b: &Val) -> Ordering {
    use crate::compare as c;
    match (a, b) {
        (Val::Temp(d) | Val::Lead(d) | Val::Digits(d, _), other) => {
            return compare(mem, &Val::Num(d.clone()), other)
        }
        (other, Val::Temp(d) | Val::Lead(d) | Val::Digits(d, _)) => {
            return compare(mem, other, &Val::Num(d.clone()))
        }
        (Val::Float(f), other) => return compare(mem, &Val::Num(Dec::from_f64(*f)), other),
        (other, Val::Float(f)) => return compare(mem, other, &Val::Num(Dec::from_f64(*f))),
        (Val::Text(t), other) => return compare(mem, &Val::Bytes(leak(t.clone())), other),
        (other, Val::Text(t)) => return compare(mem, other, &Val::Bytes(leak(t.clone()))),
        _ => {}
    }
    match (a, b) {
        (Val::Field(x), Val::Field(y)) => c::cmp_fields(mem, *x, *y),
        (Val::Field(x), Val::Num(d)) => c::cmp_field_dec(mem, *x, d),
        (Val::Field(x), Val::Bytes(l)) => c::cmp_field_bytes(mem, *x, l),
        (Val::Field(x), Val::Fig(f)) => c::cmp_field_fig(mem, *x, *f),
        (Val::Field(x), Val::All(l)) => c::cmp_field_fig(mem, *x, Fig::All(l)),
        (Val::Num(x), Val::Num(y)) => x.cmp_value(y),
        (Val::Num(x), Val::Fig(Fig::Zero)) => x.cmp_value(&Dec::ZERO),
        (Val::Bytes(x), Val::Bytes(y)) => c::cmp_bytes_native(x, y),
        (Val::Bytes(x), Val::Fig(f)) => c::cmp_fig(x, *f),
        (Val::Num(x), Val::Bytes(_) | Val::All(_) | Val::Fig(_)) => {
            let text = x.to_string();
            compare(mem, &Val::Bytes(leak(text.into_bytes())), b)
        }
        (Val::All(l), other) => compare(mem, &Val::Fig(Fig::All(l)), other),
        (Val::Fig(_), Val::Fig(_)) => Ordering::Equal,
        (x, y) => compare(mem, y, x).reverse(),
    }
}

/// Rare path only (a numeric literal compared with a non-numeric literal).
fn leak(v: Vec<u8>) -> &'static [u8] {
    Box::leak(v.into_boxed_slice())
}

/// The bytes an operand stands for (a figurative constant: one repetition of its pattern).
pub fn val_bytes(mem: &[u8], v: &Val) -> Vec<u8> {
    match v {
        Val::Field(f) => f.bytes(mem).to_vec(),
        Val::Bytes(b) | Val::All(b) => b.to_vec(),
        Val::Text(b) => b.clone(),
        Val::Num(d) => d.to_string().into_bytes(),
        Val::Temp(d) => {
            let mut out = Vec::new();
            crate::fmt::append_intrinsic(d, &mut out);
            out
        }
        Val::Lead(d) => {
            let mut out = Vec::new();
            crate::fmt::append_intrinsic_lead(d, &mut out);
            out
        }
        Val::Digits(d, w) => {
            let mut out = Vec::new();
            crate::fmt::append_digits(d, *w, &mut out);
            out
        }
        Val::Float(f) => crate::fmt::fmt_g(*f, 16).into_bytes(),
        Val::Fig(f) => f.pattern().to_vec(),
    }
}

/// NUMERIC under `-std=ibm` (hostsign: yes).
pub fn is_numeric_ibm(mem: &[u8], v: &Val) -> bool {
    match v {
        Val::Field(f) => crate::compare::is_numeric_hostsign(mem, *f),
        other => is_numeric(mem, other),
    }
}

pub fn is_numeric(mem: &[u8], v: &Val) -> bool {
    match v {
        Val::Field(f) => crate::compare::is_numeric(mem, *f),
        Val::Num(_) | Val::Float(_) => true,
        other => {
            let b = val_bytes(mem, other);
            !b.is_empty() && b.iter().all(u8::is_ascii_digit)
        }
    }
}

pub fn is_alphabetic(mem: &[u8], v: &Val) -> bool {
    crate::compare::is_alphabetic(&val_bytes(mem, v))
}

pub fn is_alphabetic_lower(mem: &[u8], v: &Val) -> bool {
    crate::compare::is_alphabetic_lower(&val_bytes(mem, v))
}

pub fn is_alphabetic_upper(mem: &[u8], v: &Val) -> bool {
    crate::compare::is_alphabetic_upper(&val_bytes(mem, v))
}

/// A user-defined class condition (SPECIAL-NAMES `CLASS name IS ...`): every character of the
/// value is in one of the inclusive byte ranges.
pub fn is_in_class(mem: &[u8], v: &Val, ranges: &[(u8, u8)]) -> bool {
    val_bytes(mem, v)
        .iter()
        .all(|b| ranges.iter().any(|&(lo, hi)| lo <= *b && *b <= hi))
}

/// DISPLAY items [UPON ...] [WITH NO ADVANCING] (`advance` false for NO ADVANCING).
pub fn display(mem: &[u8], items: &[Val], upon: Upon, advance: bool) {
    with_rt(|rt| {
        let mut d = rt.display(upon);
        for v in items {
            d = match v {
                Val::Field(f) => d.field(mem, *f),
                Val::Num(n) => d.dec(n),
                Val::Bytes(b) => d.lit(b),
                Val::Fig(f) => d.fig(*f),
                Val::All(b) => d.fig(Fig::All(b)),
                Val::Text(b) => d.lit(b),
                temp @ (Val::Temp(_) | Val::Lead(_) | Val::Digits(..) | Val::Float(_)) => {
                    d.lit(&val_bytes(mem, temp))
                }
            };
        }
        d.end(!advance);
    })
}

/// DISPLAY under `-std=ibm` (pretty-display: no): numeric items print as
/// [`crate::fmt::append_num_plain`] says. The translator gives only items, literals (numeric
/// ones already without their decimal point) and figurative constants.
pub fn display_ibm(mem: &[u8], items: &[Val], upon: Upon, advance: bool) {
    with_rt(|rt| {
        let mut line = Vec::new();
        for v in items {
            match v {
                Val::Field(f) => crate::fmt::append_field_plain(mem, *f, &mut line),
                Val::Fig(f) => crate::fmt::append_fig(*f, &mut line),
                Val::All(b) => crate::fmt::append_fig(Fig::All(b), &mut line),
                other => line.extend_from_slice(&val_bytes(mem, other)),
            }
        }
        rt.display(upon).lit(&line).end(!advance);
    })
}

/// Sources of ACCEPT.
#[derive(Clone, Debug)]
pub enum AcceptSource {
    Stdin,
    Date,
    DateYyyymmdd,
    Day,
    DayYyyyddd,
    DayOfWeek,
    Time,
    CommandLine,
    Environment(String),
}

/// ACCEPT; returns true when the ON EXCEPTION condition is raised (end of input, an unset
/// environment variable).
pub fn accept(mem: &mut [u8], dst: Field, from: AcceptSource) -> bool {
    with_rt(|rt| match from {
        AcceptSource::Stdin => accept_stdin(rt, mem, dst),
        AcceptSource::Environment(name) => {
            let set = std::env::var_os(name.trim_end()).is_some();
            rt.accept_env(mem, &name, dst);
            !set
        }
        other => {
            accept_other(rt, mem, dst, other);
            false
        }
    })
}

/// `STOP literal`: the literal is displayed, then one line of standard input is read and thrown
/// away (the operator's reply), as cobc 3.1.2 does; at end of input the program goes on.
pub fn stop_literal(mem: &[u8], v: Val) {
    display(mem, &[v], Upon::Stdout, true);
    with_rt(|rt| {
        rt.flush();
        let _ = rt.read_line();
    });
}

/// ACCEPT from standard input, as cobc 3.1.2 does it: a CR before the newline stays in an
/// alphanumeric receiver (not in a numeric one); a last line without a newline is stored and also
/// raises the exception; at end of input a numeric receiver gets zero, others spaces.
fn accept_stdin(rt: &mut Rt, mem: &mut [u8], dst: Field) -> bool {
    use std::io::BufRead;
    rt.flush();
    let mut line = Vec::new();
    let read = std::io::stdin()
        .lock()
        .read_until(b'\n', &mut line)
        .unwrap_or(0);
    if read == 0 {
        if dst.is_numeric() {
            mov::move_fig(mem, Fig::Zero, dst);
        } else {
            mov::move_fig(mem, Fig::Space, Field::Alnum(dst.as_alnum()));
        }
        return true;
    }
    let complete = line.last() == Some(&b'\n');
    if complete {
        line.pop();
    }
    if dst.is_numeric() && line.last() == Some(&b'\r') {
        line.pop();
    }
    crate::rt::accept_bytes(mem, &line, dst);
    !complete
}

fn accept_other(rt: &mut Rt, mem: &mut [u8], dst: Field, from: AcceptSource) {
    match from {
        AcceptSource::Stdin | AcceptSource::Environment(_) => {}
        AcceptSource::Date => rt.accept_from(mem, AcceptFrom::Date, dst),
        AcceptSource::DateYyyymmdd => rt.accept_from(mem, AcceptFrom::DateYyyymmdd, dst),
        AcceptSource::Day => rt.accept_from(mem, AcceptFrom::Day, dst),
        AcceptSource::DayYyyyddd => rt.accept_from(mem, AcceptFrom::DayYyyyddd, dst),
        AcceptSource::DayOfWeek => rt.accept_from(mem, AcceptFrom::DayOfWeek, dst),
        AcceptSource::Time => rt.accept_from(mem, AcceptFrom::Time, dst),
        AcceptSource::CommandLine => rt.accept_command_line(mem, dst),
    }
}

/// Text of an operand with trailing spaces removed (names given as data).
pub fn text(mem: &[u8], v: Val) -> String {
    let b = val_bytes(mem, &v);
    let end = b.iter().rposition(|&c| c != b' ').map_or(0, |i| i + 1);
    String::from_utf8_lossy(&b[..end]).into_owned()
}

/// 0-based occurrence number for a 1-based subscript value.
#[inline(always)]
pub fn index(v: Dec, _max: u32) -> usize {
    (v.to_i64() - 1).max(0) as usize
}

pub fn bytes(mem: &[u8], f: Field) -> &[u8] {
    f.bytes(mem)
}

/// Writes raw bytes over an item (CALL BY REFERENCE copy-back).
pub fn put_bytes(mem: &mut [u8], f: Field, src: &[u8]) {
    let (off, len) = (f.offset(), f.size());
    let n = len.min(src.len());
    mem[off..off + n].copy_from_slice(&src[..n]);
}

/// A CALL argument: a copy of an item's bytes (copied back after the call when passed BY
/// REFERENCE). Up to 256 bytes it lives on the stack, so a CALL allocates nothing.
#[allow(clippy::large_enum_variant)] // the point: no allocation for the usual argument
pub enum Arg {
    Inline(usize, [u8; 256]),
    Heap(Vec<u8>),
}

/// The bytes of `f`, as a CALL argument.
pub fn arg(mem: &[u8], f: Field) -> Arg {
    let b = f.bytes(mem);
    if b.len() <= 256 {
        let mut inline = [0u8; 256];
        inline[..b.len()].copy_from_slice(b);
        Arg::Inline(b.len(), inline)
    } else {
        Arg::Heap(b.to_vec())
    }
}

impl std::ops::Deref for Arg {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        match self {
            Arg::Inline(n, b) => &b[..*n],
            Arg::Heap(v) => v,
        }
    }
}

impl std::ops::DerefMut for Arg {
    fn deref_mut(&mut self) -> &mut [u8] {
        match self {
            Arg::Inline(n, b) => &mut b[..*n],
            Arg::Heap(v) => v,
        }
    }
}

/// The bytes a literal argument passes BY CONTENT.
pub fn literal_bytes(v: Val) -> Vec<u8> {
    match v {
        Val::Num(d) => d.to_string().into_bytes(),
        Val::Bytes(b) | Val::All(b) => b.to_vec(),
        Val::Fig(f) => f.pattern().to_vec(),
        other @ (Val::Text(_) | Val::Temp(_) | Val::Lead(_) | Val::Digits(..) | Val::Float(_)) => {
            val_bytes(&[], &other)
        }
        Val::Field(_) => Vec::new(),
    }
}

/// Copies a CALL argument into the callee's LINKAGE slot (missing argument: left as is).
pub fn param_in(mem: &mut [u8], f: Field, arg: Option<&[u8]>) {
    if let Some(a) = arg {
        put_bytes(mem, f, a);
    }
}

/// Copies a LINKAGE slot back into the caller's argument.
pub fn param_out(mem: &[u8], f: Field, arg: &mut [u8]) {
    let b = f.bytes(mem);
    let n = b.len().min(arg.len());
    arg[..n].copy_from_slice(&b[..n]);
}

/// The process exit status for a RETURN-CODE (its low 8 bits, as the OS keeps them).
pub fn exit_status(rc: Dec) -> i32 {
    (rc.to_i64() & 0xff) as i32
}

/// Ends the run unit: closes the files still open (with libcob's warning), flushes, and returns
/// the exit status.
pub fn finish(rc: Dec) -> i32 {
    with_rt(|rt| {
        rt.return_code = rc.to_i64();
        rt.shutdown();
    });
    exit_status(rc)
}

/// Registers a file with the run-time context: the SELECT name for messages, OPTIONAL, and
/// variable-length records when the smallest record is shorter than the largest.
pub(crate) fn register_file(
    spec: FileSpec,
    select: &'static str,
    record_size: usize,
    min_size: usize,
    optional: bool,
) -> FileId {
    let mut spec = spec.named(select);
    if optional {
        spec = spec.optional();
    }
    if min_size < record_size {
        spec = spec.variable(min_size);
    }
    with_rt(|rt| rt.add_file(spec))
}

/// USE AFTER ERROR coverage of a file: a USE naming the file covers every mode; a USE ON INPUT /
/// OUTPUT / I-O / EXTEND covers the file when its last OPEN (tried) was in that mode.
pub const USE_ON_FILE: u8 = 0b1111;

/// The bit of `mode` in a USE coverage mask.
pub const fn use_bit(mode: OpenMode) -> u8 {
    match mode {
        OpenMode::Input => 1,
        OpenMode::Output => 2,
        OpenMode::InputOutput => 4,
        OpenMode::Extend => 8,
    }
}

/// After a file statement: the status goes into the FILE STATUS item, then a fatal status stops the
/// run as libcob does, unless a USE procedure (`declarative`: a coverage mask) covers the file.
pub(crate) fn status_after(
    mem: &mut [u8],
    id: FileId,
    status: Option<Field>,
    handled: bool,
    declarative: u8,
) -> crate::file::FileStatus {
    with_rt(|rt| {
        let st = rt.file(id).status;
        if let Some(fs) = status {
            mov::move_bytes_alnum(mem, st.bytes(), fs);
        }
        let covered = declarative != 0
            && (declarative == USE_ON_FILE
                || rt
                    .file(id)
                    .last_open_mode
                    .is_some_and(|m| declarative & use_bit(m) != 0));
        if covered {
            return st;
        }
        rt.check_file(id, status.is_some(), handled)
    })
}

/// ORGANIZATION of a file, as the generator names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Organization {
    LineSequential,
    Sequential,
    Relative,
    Indexed,
}

/// What a READ ended with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IoOutcome {
    Ok,
    AtEnd,
    Error,
}

/// A program's file: its run-time handle, record area and FILE STATUS item.
#[derive(Clone, Copy, Debug)]
pub struct File {
    id: FileId,
    record: AlnumField,
    status: Option<Field>,
    /// The USE AFTER ERROR procedures covering this file (a mask, see [`USE_ON_FILE`]): errors they
    /// cover are never fatal, the program runs the declarative section instead.
    declarative: u8,
}

impl File {
    /// `assign` is the external name (ASSIGN TO), `select` the file name of the SELECT.
    pub fn new(
        assign: &'static str,
        select: &'static str,
        org: Organization,
        record_offset: usize,
        record_size: usize,
        min_size: usize,
        optional: bool,
        status: Option<Field>,
    ) -> File {
        let org = match org {
            Organization::LineSequential => Org::LineSequential,
            Organization::Sequential => Org::Sequential,
            Organization::Relative => Org::Relative,
            Organization::Indexed => Org::Indexed,
        };
        let spec = FileSpec::new(assign, org, record_size);
        let id = register_file(spec, select, record_size, min_size, optional);
        File {
            id,
            record: AlnumField::new(record_offset, record_size),
            status,
            declarative: 0,
        }
    }

    fn after(&self, mem: &mut [u8], handled: bool) -> crate::file::FileStatus {
        status_after(mem, self.id, self.status, handled, self.declarative)
    }

    pub fn open(&self, mem: &mut [u8], mode: OpenMode) {
        with_rt(|rt| rt.file(self.id).open(mode));
        self.after(mem, false);
    }

    pub fn close(&self, mem: &mut [u8]) {
        with_rt(|rt| rt.file(self.id).close());
        self.after(mem, false);
    }

    /// READ [NEXT] into the record area; `handled` when an AT END phrase is present.
    pub fn read(&self, mem: &mut [u8], handled: bool) -> IoOutcome {
        let (off, len) = (self.record.offset, self.record.len);
        with_rt(|rt| rt.file(self.id).read(&mut mem[off..off + len]));
        let st = self.after(mem, handled);
        if st.at_end() {
            IoOutcome::AtEnd
        } else if st.is_ok() {
            IoOutcome::Ok
        } else {
            IoOutcome::Error
        }
    }

    /// WRITE record (its own size, for variable-length files).
    pub fn write(&self, mem: &mut [u8], record: Field, advance: Advance) {
        let (off, len) = (record.offset(), record.size());
        with_rt(|rt| rt.file(self.id).write(&mem[off..off + len], advance));
        self.after(mem, false);
    }

    pub fn rewrite(&self, mem: &mut [u8], record: Field) {
        let (off, len) = (record.offset(), record.size());
        with_rt(|rt| rt.file(self.id).rewrite(&mem[off..off + len]));
        self.after(mem, false);
    }

    /// UNLOCK: ferry takes no record locks, so only the status changes: libcob sets 00, open
    /// or not.
    pub fn unlock(&self, mem: &mut [u8]) {
        with_rt(|rt| rt.file(self.id).status = crate::file::FileStatus::OK);
        self.after(mem, false);
    }

    /// Closing at CANCEL: quietly, without libcob's implicit-close warning.
    pub fn close_if_open(&self) {
        with_rt(|rt| {
            let f = rt.file(self.id);
            if f.is_open() {
                f.close();
            }
        });
    }
}

fn num_field(f: Option<Field>) -> Option<crate::num::NumField> {
    match f {
        Some(Field::Num(n)) => Some(n),
        _ => None,
    }
}

/// STRING sources [DELIMITED BY d | SIZE (None)] INTO `into` [WITH POINTER]: true on overflow.
pub fn string_into(
    mem: &mut [u8],
    sources: &[(Val, Option<Val>)],
    into: Field,
    pointer: Option<Field>,
) -> bool {
    use crate::strings::{self, Delim};
    let owned: Vec<(Vec<u8>, Option<Vec<u8>>)> = sources
        .iter()
        .map(|(v, d)| (val_bytes(mem, v), d.as_ref().map(|d| val_bytes(mem, d))))
        .collect();
    let parts: Vec<(&[u8], Delim)> = owned
        .iter()
        .map(|(b, d)| (b.as_slice(), d.as_deref().map_or(Delim::Size, Delim::Bytes)))
        .collect();
    strings::string_into(mem, &parts, into.as_alnum(), num_field(pointer))
}

/// One UNSTRING receiver.
#[derive(Clone, Copy, Debug)]
pub struct Receiver {
    pub into: Field,
    pub delimiter_in: Option<Field>,
    pub count_in: Option<Field>,
}

/// UNSTRING source DELIMITED BY [ALL] d OR ... INTO receivers: true on overflow.
pub fn unstring(
    mem: &mut [u8],
    source: Field,
    delimiters: &[(Val, bool)],
    receivers: &[Receiver],
    pointer: Option<Field>,
    tallying: Option<Field>,
) -> bool {
    use crate::strings::{self, UDelim, UTarget};
    let src = source.bytes(mem).to_vec();
    let owned: Vec<(Vec<u8>, bool)> = delimiters
        .iter()
        .map(|(v, all)| (val_bytes(mem, v), *all))
        .collect();
    let delims: Vec<UDelim> = owned
        .iter()
        .map(|(b, all)| UDelim {
            bytes: b,
            all: *all,
        })
        .collect();
    let targets: Vec<UTarget> = receivers
        .iter()
        .map(|r| UTarget {
            into: r.into,
            delimiter_in: r.delimiter_in,
            count_in: num_field(r.count_in),
        })
        .collect();
    strings::unstring(
        mem,
        &src,
        &delims,
        &targets,
        num_field(pointer),
        num_field(tallying),
    )
}

/// What an INSPECT clause looks for.
#[derive(Clone, Debug)]
pub enum Look {
    Characters,
    All(Val),
    Leading(Val),
    First(Val),
}

/// BEFORE / AFTER INITIAL delimiters of an INSPECT clause; when both are given, the one written
/// first narrows the region first.
#[derive(Clone, Debug, Default)]
pub struct Limits {
    pub before: Option<Val>,
    pub after: Option<Val>,
    pub before_first: bool,
}

impl Limits {
    /// No BEFORE / AFTER phrase.
    pub const NONE: Limits = Limits {
        before: None,
        after: None,
        before_first: false,
    };

    /// BEFORE INITIAL `v`.
    pub fn before(v: Val) -> Limits {
        Limits {
            before: Some(v),
            ..Limits::NONE
        }
    }

    /// AFTER INITIAL `v`.
    pub fn after(v: Val) -> Limits {
        Limits {
            after: Some(v),
            ..Limits::NONE
        }
    }

    /// AFTER INITIAL `a` BEFORE INITIAL `b`, in that order.
    pub fn after_before(a: Val, b: Val) -> Limits {
        Limits {
            before: Some(b),
            after: Some(a),
            before_first: false,
        }
    }

    /// BEFORE INITIAL `b` AFTER INITIAL `a`, in that order.
    pub fn before_after(b: Val, a: Val) -> Limits {
        Limits {
            before: Some(b),
            after: Some(a),
            before_first: true,
        }
    }
}

struct OwnedClause {
    kind: u8,
    pattern: Vec<u8>,
    before: Option<Vec<u8>>,
    after: Option<Vec<u8>>,
    before_first: bool,
}

fn own(mem: &[u8], look: &Look, limits: &Limits) -> OwnedClause {
    let (kind, pattern) = match look {
        Look::Characters => (0, Vec::new()),
        Look::All(v) => (1, val_bytes(mem, v)),
        Look::Leading(v) => (2, val_bytes(mem, v)),
        Look::First(v) => (3, val_bytes(mem, v)),
    };
    OwnedClause {
        kind,
        pattern,
        before: limits.before.as_ref().map(|v| val_bytes(mem, v)),
        after: limits.after.as_ref().map(|v| val_bytes(mem, v)),
        before_first: limits.before_first,
    }
}

fn pattern(c: &OwnedClause) -> crate::inspect::Pattern<'_> {
    use crate::inspect::Pattern;
    match c.kind {
        0 => Pattern::Characters,
        1 => Pattern::All(&c.pattern),
        2 => Pattern::Leading(&c.pattern),
        _ => Pattern::First(&c.pattern),
    }
}

fn region(c: &OwnedClause) -> crate::inspect::Region<'_> {
    crate::inspect::Region {
        before: c.before.as_deref(),
        after: c.after.as_deref(),
        before_first: c.before_first,
    }
}

/// INSPECT target TALLYING counter FOR ...: the clauses are applied in order (see
/// [`crate::inspect`]); each count is added to its counter.
pub fn inspect_tally(mem: &mut [u8], target: Field, clauses: &[(Field, Look, Limits)]) {
    let data = target.bytes(mem).to_vec();
    let owned: Vec<OwnedClause> = clauses.iter().map(|(_, l, r)| own(mem, l, r)).collect();
    let spec: Vec<_> = owned.iter().map(|c| (pattern(c), region(c))).collect();
    let counts = crate::inspect::tallying(&data, &spec);
    for ((counter, _, _), n) in clauses.iter().zip(counts) {
        step(mem, *counter, Val::Num(Dec::int(n)));
    }
}

/// INSPECT target REPLACING ...
pub fn inspect_replace(mem: &mut [u8], target: Field, clauses: &[(Look, Val, Limits)]) {
    let mut data = target.bytes(mem).to_vec();
    let owned: Vec<(OwnedClause, Vec<u8>)> = clauses
        .iter()
        .map(|(l, by, r)| (own(mem, l, r), val_bytes(mem, by)))
        .collect();
    let spec: Vec<_> = owned
        .iter()
        .map(|(c, by)| (pattern(c), by.as_slice(), region(c)))
        .collect();
    crate::inspect::replacing(&mut data, &spec);
    put_bytes(mem, target, &data);
}

/// INSPECT target CONVERTING from TO to [BEFORE/AFTER INITIAL ...]
pub fn inspect_convert(mem: &mut [u8], target: Field, from: Val, to: Val, limits: Limits) {
    let mut data = target.bytes(mem).to_vec();
    let (from, mut to) = (val_bytes(mem, &from), val_bytes(mem, &to));
    if to.len() < from.len() && to.len() == 1 {
        // A figurative TO operand stands for as many characters as FROM has.
        to = vec![to[0]; from.len()];
    }
    let c = own(mem, &Look::Characters, &limits);
    crate::inspect::converting(&mut data, &from, &to, region(&c));
    put_bytes(mem, target, &data);
}

/// Reference modification of computed data (`FUNCTION CURRENT-DATE (1:8)`), 1-based, clamped.
pub fn slice(b: Vec<u8>, start: i64, len: Option<i64>) -> Vec<u8> {
    let s = (start.max(1) as usize - 1).min(b.len());
    let e = match len {
        Some(l) => (s + l.max(0) as usize).min(b.len()),
        None => b.len(),
    };
    b[s..e].to_vec()
}

impl File {
    /// WRITE of a variable-length record: `len` bytes from the record's start (RECORD VARYING
    /// DEPENDING ON).
    pub fn write_var(&self, mem: &mut [u8], record: Field, len: i64, advance: Advance) {
        let off = record.offset();
        let len = (len.max(0) as usize).min(record.size());
        with_rt(|rt| rt.file(self.id).write(&mem[off..off + len], advance));
        self.after(mem, false);
    }

    /// Length of the record the last READ returned.
    pub fn record_length(&self) -> i64 {
        with_rt(|rt| rt.file(self.id).rec_len as i64)
    }
}

/// DIVIDE ... GIVING quotient REMAINDER remainder (numeric receivers); true on a size error.
pub fn divide_giving_remainder(
    mem: &mut [u8],
    dividend: &Dec,
    divisor: &Dec,
    quotient: Field,
    round: Round,
    remainder: Field,
    on_size_error: bool,
) -> bool {
    match (quotient, remainder) {
        (Field::Num(q), Field::Num(r)) => {
            crate::arith::divide_remainder(mem, dividend, divisor, q, round, r, on_size_error)
        }
        _ => {
            // Edited receivers: compute like the runtime does for numeric ones, then store.
            let q = dividend.div(divisor);
            if q.is_nan() {
                return true;
            }
            let se_q = store(mem, quotient, &q, round, on_size_error);
            let tq = q.round_to(0, Round::Truncate);
            let r = dividend.sub(&tq.mul(divisor));
            se_q | store(mem, remainder, &r, Round::Truncate, on_size_error)
        }
    }
}

impl Field {
    /// The same item with another length (a group holding an OCCURS DEPENDING ON table).
    pub fn resized(self, len: usize) -> Field {
        match self {
            Field::Group(a) => Field::Group(AlnumField::group(a.offset, len)),
            Field::Alnum(a) => Field::Alnum(AlnumField::new(a.offset, len)),
            other => other,
        }
    }
}

/// The current occurrence count of an OCCURS DEPENDING ON table, kept within its bounds.
pub fn odo_count(v: Dec, min: u32, max: u32) -> usize {
    v.to_i64().clamp(min as i64, max as i64) as usize
}

/// A dynamic CALL named a program that does not exist and had no ON EXCEPTION: libcob's run-time
/// error, exit status 1.
pub fn module_not_found(name: &str) -> ! {
    stop_with(&format!(
        "libcob: error: module '{}' not found",
        name.trim_end()
    ))
}

/// Ends the run with exit status 1 after writing `message` on stderr: output DISPLAYed so far is
/// written first and open files are closed, as at the end of a run.
pub fn stop_with(message: &str) -> ! {
    with_rt(|rt| {
        rt.flush();
        eprintln!("{message}");
        rt.shutdown();
    });
    std::process::exit(1)
}

impl File {
    /// The LINAGE values (LINES, FOOTING (0: none), TOP, BOTTOM) as the program holds them now;
    /// they take effect at OPEN and at the next page.
    pub fn set_linage(&self, lines: Dec, footing: Dec, top: Dec, bottom: Dec) {
        let v = |d: Dec| d.to_i64().clamp(0, u32::MAX as i64) as u32;
        let spec = crate::file::linage::LinageSpec {
            lines: v(lines),
            footing: v(footing),
            top: v(top),
            bottom: v(bottom),
        };
        with_rt(|rt| {
            let st = &mut rt.file(self.id).st;
            match st.linage.as_mut() {
                Some(l) => l.set(spec),
                None => st.linage = Some(crate::file::linage::LinageState::new(spec)),
            }
        });
    }

    /// LINAGE-COUNTER.
    pub fn linage_counter(&self) -> Dec {
        Dec::int(with_rt(|rt| {
            rt.file(self.id)
                .st
                .linage
                .as_ref()
                .map_or(0, |l| l.counter as i64)
        }))
    }

    /// True when the last WRITE reached the page footing or started a new page (AT END-OF-PAGE).
    pub fn end_of_page(&self) -> bool {
        with_rt(|rt| {
            rt.file(self.id)
                .st
                .linage
                .as_ref()
                .is_some_and(|l| l.end_of_page)
        })
    }

    /// Marks the file as covered by a USE AFTER ERROR declarative.
    pub fn with_declarative(mut self) -> File {
        self.declarative = USE_ON_FILE;
        self
    }

    /// Marks the file as covered by USE AFTER ERROR ON the open modes of `mask` (see [`use_bit`]).
    pub fn with_declarative_modes(mut self, mask: u8) -> File {
        self.declarative = mask;
        self
    }

    /// The mode of the last OPEN tried on the file.
    pub fn last_open_mode(&self) -> Option<OpenMode> {
        with_rt(|rt| rt.file(self.id).last_open_mode)
    }

    /// True when the last statement on the file did not succeed, other than by the condition of
    /// class `handled` (`b'1'` AT END, `b'2'` INVALID KEY) that the statement's own phrase took.
    pub fn failed(&self, handled: u8) -> bool {
        let st = with_rt(|rt| rt.file(self.id).status);
        st.0[0] != b'0' && st.0[0] != handled
    }
}
