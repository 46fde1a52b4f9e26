//! Generated-code surface for the environment and the command-line arguments:
//! DISPLAY ... UPON ENVIRONMENT-NAME / ENVIRONMENT-VALUE / ARGUMENT-NUMBER and
//! ACCEPT ... FROM ENVIRONMENT / ENVIRONMENT-VALUE / ARGUMENT-NUMBER / ARGUMENT-VALUE.
//!
//! The run unit's state (the current environment name, the argument pointer) lives in a
//! thread-local, like the rest of the run-time context. cobc 3.1.2 behaviour (recorded):
//! * ENVIRONMENT-NAME / -VALUE take the operand's storage bytes, trailing spaces removed (a
//!   numeric DISPLAY item `-12.5` gives `012u`). DISPLAY UPON ENVIRONMENT-VALUE sets the variable
//!   in the process environment (later ACCEPT FROM ENVIRONMENT and child processes see it);
//!   without a current name it does nothing.
//! * ACCEPT FROM ENVIRONMENT[-VALUE]: MOVE semantics (`12345678` into 9(5) gives 45678); an unset
//!   variable (or no current name) gives spaces and raises ON EXCEPTION; a set empty one does not.
//! * ARGUMENT-NUMBER: the argument count as an unsigned 9-digit binary item (X(12) receives
//!   `000000003   `, a group its 4 native bytes then spaces, numeric items the value).
//! * ARGUMENT-VALUE: the argument at the pointer (initially 1), then the pointer moves on; past the
//!   last argument the receiver is left unchanged and ON EXCEPTION is raised.
//! * DISPLAY n UPON ARGUMENT-NUMBER: the pointer becomes |n| (integer part) when that is at most the
//!   argument count (0 = the program's own name), else nothing changes.

use std::cell::RefCell;

use crate::alnum::Fig;
use crate::gen::{num_value, val_bytes, Val};
use crate::mov::{self, Field};

struct EnvState {
    name: Option<String>,
    arg: usize,
}

thread_local! {
    static ENV: RefCell<EnvState> = const { RefCell::new(EnvState { name: None, arg: 1 }) };
}

fn args() -> Vec<Vec<u8>> {
    std::env::args_os()
        .map(|a| a.into_encoded_bytes())
        .collect()
}

fn trimmed(mem: &[u8], items: &[Val]) -> Vec<u8> {
    let mut b: Vec<u8> = items.iter().flat_map(|v| val_bytes(mem, v)).collect();
    let end = b.iter().rposition(|&c| c != b' ').map_or(0, |i| i + 1);
    b.truncate(end);
    b
}

/// DISPLAY items UPON ENVIRONMENT-NAME.
pub fn display_env_name(mem: &[u8], items: &[Val]) {
    let name = String::from_utf8_lossy(&trimmed(mem, items)).into_owned();
    ENV.with(|e| e.borrow_mut().name = Some(name));
}

/// DISPLAY items UPON ENVIRONMENT-VALUE: sets the variable named by the last ENVIRONMENT-NAME.
pub fn display_env_value(mem: &[u8], items: &[Val]) {
    let value = String::from_utf8_lossy(&trimmed(mem, items)).into_owned();
    if let Some(name) = ENV.with(|e| e.borrow().name.clone()) {
        if !name.is_empty() && !name.contains('=') && !name.contains('\0') && !value.contains('\0')
        {
            std::env::set_var(name, value);
        }
    }
}

/// DISPLAY n UPON ARGUMENT-NUMBER.
pub fn display_arg_number(mem: &[u8], v: Val) {
    let n = num_value(mem, v).to_i64().unsigned_abs() as usize;
    if n < args().len() {
        ENV.with(|e| e.borrow_mut().arg = n);
    }
}

fn accept_var(mem: &mut [u8], dst: Field, name: Option<&str>) -> bool {
    match name.and_then(std::env::var_os) {
        Some(v) => {
            mov::move_bytes_alnum(mem, &v.into_encoded_bytes(), dst);
            false
        }
        None => {
            mov::move_fig(mem, Fig::Space, Field::Alnum(dst.as_alnum()));
            true
        }
    }
}

/// ACCEPT dst FROM ENVIRONMENT name; true when ON EXCEPTION is raised (variable not set).
pub fn accept_environment(mem: &mut [u8], dst: Field, name: &str) -> bool {
    let name = name.trim_end_matches(' ');
    accept_var(mem, dst, (!name.is_empty()).then_some(name))
}

/// ACCEPT dst FROM ENVIRONMENT-VALUE (the variable named by the last ENVIRONMENT-NAME).
pub fn accept_env_value(mem: &mut [u8], dst: Field) -> bool {
    let name = ENV.with(|e| e.borrow().name.clone());
    accept_var(mem, dst, name.as_deref().filter(|n| !n.is_empty()))
}

/// ACCEPT dst FROM ARGUMENT-NUMBER.
pub fn accept_arg_number(mem: &mut [u8], dst: Field) {
    let n = args().len().saturating_sub(1).min(999_999_999);
    match dst {
        Field::Group(g) => {
            let mut b = (n as u32).to_ne_bytes().to_vec();
            b.resize(g.len.max(4), b' ');
            crate::gen::put_bytes(mem, dst, &b);
        }
        Field::Alnum(_) | Field::AlnumEdit(_) => {
            mov::move_bytes(mem, format!("{n:09}").as_bytes(), dst)
        }
        Field::Num(_) | Field::Edit(_) => mov::move_dec(mem, &crate::dec::Dec::int(n as i64), dst),
    }
}

/// ACCEPT dst FROM ARGUMENT-VALUE; true when ON EXCEPTION is raised (no argument left).
pub fn accept_arg_value(mem: &mut [u8], dst: Field) -> bool {
    let args = args();
    let i = ENV.with(|e| e.borrow().arg);
    match args.get(i) {
        Some(a) => {
            mov::move_bytes_alnum(mem, a, dst);
            ENV.with(|e| e.borrow_mut().arg = i + 1);
            false
        }
        None => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::alnum::AlnumField;
    use crate::num::NumField;

    #[test]
    fn environment_name_and_value() {
        let mut mem = b"FERRY_GEN_ENV_T   VAL  ".to_vec();
        let name = Field::Alnum(AlnumField::new(0, 18));
        let val = Field::Alnum(AlnumField::new(18, 5));
        display_env_name(&mem, &[Val::Field(name)]);
        display_env_value(&mem, &[Val::Field(val)]);
        assert_eq!(std::env::var("FERRY_GEN_ENV_T").unwrap(), "VAL");
        let mut out = vec![b'?'; 6];
        assert!(!accept_env_value(
            &mut out,
            Field::Alnum(AlnumField::new(0, 6))
        ));
        assert_eq!(out, b"VAL   ");
        assert!(accept_environment(
            &mut out,
            Field::Alnum(AlnumField::new(0, 6)),
            "FERRY_UNSET_X"
        ));
        assert_eq!(out, b"      ");
        std::env::set_var("FERRY_GEN_ENV_N", "12345678");
        let mut n = vec![b'0'; 5];
        accept_environment(
            &mut n,
            Field::Num(NumField::display(0, 5, 0, false)),
            "FERRY_GEN_ENV_N",
        );
        assert_eq!(n, b"45678");
        mem.clear();
    }

    #[test]
    fn argument_number_formats() {
        let argc = std::env::args_os().count() - 1;
        let mut m = vec![b'?'; 12];
        accept_arg_number(&mut m, Field::Alnum(AlnumField::new(0, 12)));
        assert_eq!(m, format!("{argc:09}   ").as_bytes());
        let mut m = vec![b'?'; 6];
        accept_arg_number(&mut m, Field::Group(AlnumField::group(0, 6)));
        assert_eq!(&m[..4], &(argc as u32).to_ne_bytes());
        assert_eq!(&m[4..], b"  ");
    }
}

/// The status of SWITCH-`n` as libcob reads it from `COB_SWITCH_n`: on when the value is `ON` in
/// any case or starts with `1` (checked against cobc 3.1.2: `ON`, `oN`, `1`, `1x`, `10`, `11` are
/// on; `ONX`, ` ON`, `OFF`, `YES`, `0`, `01`, `2`, `x1` and unset are off).
pub fn switch_on(n: u32) -> bool {
    let v = std::env::var(format!("COB_SWITCH_{n}")).unwrap_or_default();
    v.eq_ignore_ascii_case("ON") || v.starts_with('1')
}

/// A dynamic CALL named a program translated after the caller (one that depends on it in the
/// plan, usually by calling it): the translation cannot reach it. Stops the run, saying so, with
/// exit status 1.
pub fn dynamic_call_not_translated(caller: &str, callee: &str) -> ! {
    crate::gen::stop_with(&format!(
        "ferry: dynamic CALL from {caller} to {callee} is not translated: {callee} depends on {caller} (it calls it, directly or not), so it is translated after it"
    ))
}

/// A program compiled WITH DEBUGGING MODE whose USE FOR DEBUGGING sections were not translated:
/// libcob enters them only when `COB_SET_DEBUG` is on (`Y`, `YES`, `TRUE`, `ON`, `1` in any
/// case), stops on a value that is neither on nor off (`N`, `NO`, `FALSE`, `OFF`, `0`, empty),
/// and otherwise runs the program as if they were absent, as the translation does. Checked
/// against cobc 3.1.2. A run that would enter them stops here, saying so, with exit status 1.
pub fn debugging_declaratives(at: &str) {
    let v = std::env::var("COB_SET_DEBUG").unwrap_or_default();
    let off = ["", "N", "NO", "FALSE", "OFF", "0"]
        .iter()
        .any(|f| v.eq_ignore_ascii_case(f));
    if off {
        return;
    }
    crate::gen::stop_with(&format!(
        "ferry: COB_SET_DEBUG={v} asks for the USE FOR DEBUGGING declaratives at {at}, which are not translated; run without COB_SET_DEBUG"
    ))
}

thread_local! {
    /// EXTERNAL records of the run unit, by name: the storage every program declaring one shares.
    static EXTERNAL: std::cell::RefCell<std::collections::HashMap<&'static str, Vec<u8>>> =
        std::cell::RefCell::new(std::collections::HashMap::new());
}

/// On entry to a program and after each CALL it makes: its EXTERNAL records (name, offset,
/// length) take the run unit's contents; a record no program has yet keeps this program's initial
/// contents, which become the run unit's.
pub fn external_load(mem: &mut [u8], items: &[(&'static str, usize, usize)]) {
    EXTERNAL.with(|e| {
        let mut e = e.borrow_mut();
        for &(name, off, len) in items {
            match e.get(name) {
                Some(v) => {
                    let n = len.min(v.len());
                    mem[off..off + n].copy_from_slice(&v[..n]);
                }
                None => {
                    e.insert(name, mem[off..off + len].to_vec());
                }
            }
        }
    });
}

/// On exit from a program and before each CALL it makes: its EXTERNAL records go back to the run
/// unit.
pub fn external_store(mem: &[u8], items: &[(&'static str, usize, usize)]) {
    EXTERNAL.with(|e| {
        let mut e = e.borrow_mut();
        for &(name, off, len) in items {
            let v = e.entry(name).or_default();
            if v.len() < len {
                v.resize(len, b' ');
            }
            v[..len].copy_from_slice(&mem[off..off + len]);
        }
    });
}
