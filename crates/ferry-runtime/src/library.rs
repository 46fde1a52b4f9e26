//! libcob's library routines that programs CALL by name: `SYSTEM`, `CBL_TOUPPER`,
//! `CBL_DELETE_FILE`, the bitwise `CBL_AND` ..., `C$SLEEP`. Each returns what libcob puts in
//! RETURN-CODE. Checked against cobc 3.1.2 (see the comments of each).

use crate::gen::{num_value, val_bytes, Val};
use crate::mov::Field;

/// The text of an argument as libcob passes a name or command: trailing spaces removed.
fn text_arg(mem: &[u8], v: &Val) -> String {
    let b = val_bytes(mem, v);
    let end = b.iter().rposition(|c| *c != b' ').map_or(0, |i| i + 1);
    let b = &b[..end];
    let b = b.split(|c| *c == 0).next().unwrap_or(b);
    String::from_utf8_lossy(b).into_owned()
}

/// The signal names libcob 3.1.2 prints (measured: others print `unknown`).
fn signal_name(n: i32) -> &'static str {
    match n {
        1 => "SIGHUP",
        2 => "SIGINT",
        3 => "SIGQUIT",
        7 => "SIGBUS",
        8 => "SIGFPE",
        11 => "SIGSEGV",
        13 => "SIGPIPE",
        15 => "SIGTERM",
        _ => "unknown",
    }
}

/// CALL "SYSTEM" USING command: output DISPLAYed so far is written first, the command runs under
/// `/bin/sh -c`, and RETURN-CODE gets the raw wait status (`exit 3` gives 768, a process killed by
/// signal 15 gives 15, with libcob's warning on stderr). An empty command returns 1.
pub fn system(mem: &[u8], command: Val) -> i64 {
    use std::os::unix::process::ExitStatusExt;
    let cmd = text_arg(mem, &command);
    if cmd.is_empty() {
        return 1;
    }
    crate::gen::with_rt(|rt| rt.flush());
    let status = match std::process::Command::new("/bin/sh")
        .arg("-c")
        .arg(&cmd)
        .status()
    {
        Ok(s) => s,
        Err(_) => return 127 << 8,
    };
    if let Some(sig) = status.signal() {
        eprintln!(
            "libcob: warning: external process \"{cmd}\" ended with signal {} ({sig})",
            signal_name(sig)
        );
    }
    status.into_raw() as i64
}

/// CALL "CBL_TOUPPER" / "CBL_TOLOWER" USING item BY VALUE length: converts `length` bytes from
/// the item's start in place (ASCII letters); returns 0.
pub fn case_convert(mem: &mut [u8], item: Field, length: Val, upper: bool) -> i64 {
    let n = num_value(mem, length).to_i64();
    if n < 1 {
        return 0;
    }
    let start = item.offset();
    let end = (start + n as usize).min(mem.len());
    for b in &mut mem[start..end] {
        *b = if upper {
            b.to_ascii_uppercase()
        } else {
            b.to_ascii_lowercase()
        };
    }
    0
}

/// CALL "CBL_DELETE_FILE" USING name: 0 when the file was deleted, 128 otherwise.
pub fn delete_file(mem: &[u8], name: Val) -> i64 {
    let n = text_arg(mem, &name);
    if !n.is_empty() && std::fs::remove_file(&n).is_ok() {
        0
    } else {
        128
    }
}

/// The bitwise routines: CALL "CBL_AND" (OR, XOR, EQ, IMP, NIMP, NOR) USING source target BY
/// VALUE length sets each target byte to `source op target`; CBL_NOT USING target BY VALUE length
/// inverts the target. Returns 0 (cobc: X"0F0F3355" XOR X"FF00F0AA" -> X"F00FC3FF").
pub fn bitwise(mem: &mut [u8], op: &str, source: Option<Field>, target: Field, length: Val) -> i64 {
    let n = num_value(mem, length).to_i64();
    if n < 1 {
        return 0;
    }
    let n = n as usize;
    let t0 = target.offset();
    for i in 0..n {
        let ti = t0 + i;
        if ti >= mem.len() {
            break;
        }
        let s = source.map(|s| mem.get(s.offset() + i).copied().unwrap_or(0));
        let t = mem[ti];
        mem[ti] = match (op, s) {
            ("AND", Some(s)) => s & t,
            ("OR", Some(s)) => s | t,
            ("XOR", Some(s)) => s ^ t,
            ("EQ", Some(s)) => !(s ^ t),
            ("IMP", Some(s)) => !s | t,
            ("NIMP", Some(s)) => s & !t,
            ("NOR", Some(s)) => !(s | t),
            _ => !t,
        };
    }
    0
}

/// CALL "C$SLEEP" USING seconds, "CBL_GC_NANOSLEEP" / "CBL_OC_NANOSLEEP" USING nanoseconds:
/// waits; returns 0.
pub fn sleep(mem: &[u8], amount: Val, nanos: bool) -> i64 {
    let v = num_value(mem, amount);
    let secs = if nanos { v.to_f64() / 1e9 } else { v.to_f64() };
    if secs.is_finite() && secs > 0.0 {
        crate::gen::with_rt(|rt| rt.flush());
        std::thread::sleep(std::time::Duration::from_secs_f64(secs.min(86_400.0)));
    }
    0
}
