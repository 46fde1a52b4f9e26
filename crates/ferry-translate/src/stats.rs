//! Phase timings of a translate run, for `FERRY_STATS=1 ferry translate` and
//! `bench/translate-speed.sh`. Process-wide counters; they never influence the output.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

/// A phase whose wall-clock time is summed over the run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Generating Rust from the programs (the emitter), all units of a wave in parallel.
    Emit,
    /// Formatting the generated Rust (rustfmt, or the checks that let a file skip it).
    Format,
}

static EMIT_NS: AtomicU64 = AtomicU64::new(0);
static FORMAT_NS: AtomicU64 = AtomicU64::new(0);
static RUSTFMT_RUNS: AtomicU64 = AtomicU64::new(0);
static RUSTFMT_BYTES: AtomicU64 = AtomicU64::new(0);
static FORMATTED_BYTES: AtomicU64 = AtomicU64::new(0);
static FILES_BY_PIECES: AtomicU64 = AtomicU64::new(0);
static FILES_WHOLE: AtomicU64 = AtomicU64::new(0);

/// Counts files formatted piece by piece (`true`) or whole by rustfmt (`false`).
pub(crate) fn count_file(by_pieces: bool) {
    if by_pieces {
        &FILES_BY_PIECES
    } else {
        &FILES_WHOLE
    }
    .fetch_add(1, Ordering::Relaxed);
}

/// (files formatted piece by piece, files given whole to rustfmt).
pub fn file_counts() -> (u64, u64) {
    (
        FILES_BY_PIECES.load(Ordering::Relaxed),
        FILES_WHOLE.load(Ordering::Relaxed),
    )
}

fn slot(p: Phase) -> &'static AtomicU64 {
    match p {
        Phase::Emit => &EMIT_NS,
        Phase::Format => &FORMAT_NS,
    }
}

/// Adds `d` to phase `p`.
pub fn add(p: Phase, d: Duration) {
    slot(p).fetch_add(d.as_nanos() as u64, Ordering::Relaxed);
}

/// Runs `f`, adding its wall-clock time to phase `p`.
pub fn time<T>(p: Phase, f: impl FnOnce() -> T) -> T {
    let t0 = std::time::Instant::now();
    let r = f();
    add(p, t0.elapsed());
    r
}

/// Time spent in phase `p` so far.
pub fn elapsed(p: Phase) -> Duration {
    Duration::from_nanos(slot(p).load(Ordering::Relaxed))
}

/// Counts one rustfmt process that was given `bytes` of Rust.
pub(crate) fn count_rustfmt(bytes: usize) {
    RUSTFMT_RUNS.fetch_add(1, Ordering::Relaxed);
    RUSTFMT_BYTES.fetch_add(bytes as u64, Ordering::Relaxed);
}

/// Counts `bytes` of generated Rust that went through formatting (by rustfmt or not).
pub(crate) fn count_formatted(bytes: usize) {
    FORMATTED_BYTES.fetch_add(bytes as u64, Ordering::Relaxed);
}

/// (rustfmt processes started, bytes given to rustfmt, bytes of generated Rust formatted).
pub fn rustfmt_counts() -> (u64, u64, u64) {
    (
        RUSTFMT_RUNS.load(Ordering::Relaxed),
        RUSTFMT_BYTES.load(Ordering::Relaxed),
        FORMATTED_BYTES.load(Ordering::Relaxed),
    )
}
