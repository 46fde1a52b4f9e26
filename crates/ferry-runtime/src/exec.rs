//! EXEC SQL / EXEC CICS / EXEC DLI blocks of translated programs.
//!
//! ferry does not execute embedded SQL or transaction-monitor commands itself. The built-in
//! translator turns each block into a call of one method of a trait generated for the program
//! (`Exec`, one method per block, the original block as its doc comment); a team implements the
//! trait to bind the program to a real database or transaction layer. The method receives an
//! [`ExecContext`]: the block, its host variables (`:NAME` in the block, with their null
//! indicators), and the special registers of the precompiler (SQLCA, EIB, DIB fields), all read and
//! written with COBOL's MOVE rules.
//!
//! A program whose binding is not installed stops at its first EXEC block with a message naming
//! the block and the file to complete ([`ExecContext::unbound`]), exit status 1, as libcob stops on
//! a run-time error. Nothing is silently skipped.

use crate::dec::Dec;
use crate::mov::{move_bytes, move_dec, Field};

/// One EXEC block as the translator saw it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExecBlock {
    /// `SQL`, `CICS` or `DLI`.
    pub kind: &'static str,
    /// The trait method that runs it.
    pub method: &'static str,
    /// `file:line` of `EXEC` in the original source.
    pub origin: &'static str,
    /// The text between `EXEC` and `END-EXEC`, as written (comments removed).
    pub text: &'static str,
}

/// A data item the block names (`:NAME`, `:GROUP.NAME`) or a special register.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HostVar {
    /// The COBOL name as written in the block (upper case), e.g. `HV-BRANCH`.
    pub name: &'static str,
    /// For CICS and DL/I: the option that names it (`INTO`, `RIDFLD`, `RESP`, ...); empty for SQL.
    pub role: &'static str,
    pub field: Field,
    /// The null indicator (`:NAME :IND`, `:NAME:IND`, `:NAME INDICATOR :IND`).
    pub indicator: Option<Field>,
}

impl HostVar {
    pub const fn new(
        name: &'static str,
        role: &'static str,
        field: Field,
        indicator: Option<Field>,
    ) -> HostVar {
        HostVar {
            name,
            role,
            field,
            indicator,
        }
    }
}

/// What a binding method sees: the block, its host variables and the special registers.
pub struct ExecContext<'a> {
    mem: &'a mut [u8],
    block: &'a ExecBlock,
    host: &'a [HostVar],
    specials: &'a [HostVar],
}

impl<'a> ExecContext<'a> {
    pub fn new(
        mem: &'a mut [u8],
        block: &'a ExecBlock,
        host: &'a [HostVar],
        specials: &'a [HostVar],
    ) -> Self {
        ExecContext {
            mem,
            block,
            host,
            specials,
        }
    }

    pub fn block(&self) -> &ExecBlock {
        self.block
    }

    /// The host variables in the order they appear in the block.
    pub fn host_vars(&self) -> &[HostVar] {
        self.host
    }

    /// Position of host variable `name` (case-insensitive).
    pub fn host(&self, name: &str) -> Option<usize> {
        self.host
            .iter()
            .position(|h| h.name.eq_ignore_ascii_case(name))
    }

    /// Position of the host variable given as option `role` (CICS, DL/I: `INTO`, `RIDFLD`, ...).
    pub fn option(&self, role: &str) -> Option<usize> {
        self.host
            .iter()
            .position(|h| h.role.eq_ignore_ascii_case(role))
    }

    /// The host variable's storage, as COBOL holds it.
    pub fn bytes(&self, i: usize) -> &[u8] {
        self.host[i].field.bytes(self.mem)
    }

    /// The host variable's value as text, without trailing spaces (numeric items: their value).
    pub fn text(&self, i: usize) -> String {
        let f = self.host[i].field;
        if f.is_numeric() {
            return crate::gen::get(self.mem, f).to_string();
        }
        let b = f.bytes(self.mem);
        let end = b.iter().rposition(|&c| c != b' ').map_or(0, |e| e + 1);
        String::from_utf8_lossy(&b[..end]).into_owned()
    }

    /// The host variable's numeric value.
    pub fn dec(&self, i: usize) -> Dec {
        crate::gen::get(self.mem, self.host[i].field)
    }

    /// MOVE bytes to the host variable (alphanumeric rules: padded with spaces, truncated).
    pub fn set_bytes(&mut self, i: usize, value: &[u8]) {
        move_bytes(self.mem, value, self.host[i].field);
    }

    /// MOVE a number to the host variable.
    pub fn set_dec(&mut self, i: usize, value: &Dec) {
        move_dec(self.mem, value, self.host[i].field);
    }

    /// True when the host variable has an indicator and it is negative (SQL NULL).
    pub fn is_null(&self, i: usize) -> bool {
        self.host[i]
            .indicator
            .is_some_and(|ind| crate::gen::get(self.mem, ind).to_i64() < 0)
    }

    /// Sets the indicator to -1 (NULL) or 0. Returns false when the variable has no indicator.
    pub fn set_null(&mut self, i: usize, null: bool) -> bool {
        match self.host[i].indicator {
            Some(ind) => {
                move_dec(self.mem, &Dec::int(if null { -1 } else { 0 }), ind);
                true
            }
            None => false,
        }
    }

    fn special(&self, name: &str) -> Option<Field> {
        self.specials
            .iter()
            .find(|s| s.name.eq_ignore_ascii_case(name))
            .map(|s| s.field)
    }

    /// Names of the special registers this program has (SQLCA, EIB or DIB fields).
    pub fn special_names(&self) -> Vec<&'static str> {
        self.specials.iter().map(|s| s.name).collect()
    }

    /// Reads a special register (e.g. `SQLCODE`, `EIBCALEN`). None if the program has no such item.
    pub fn get_special(&self, name: &str) -> Option<Dec> {
        self.special(name).map(|f| crate::gen::get(self.mem, f))
    }

    /// MOVEs a number to a special register. Returns false if the program has no such item.
    pub fn set_special(&mut self, name: &str, value: &Dec) -> bool {
        match self.special(name) {
            Some(f) => {
                move_dec(self.mem, value, f);
                true
            }
            None => false,
        }
    }

    /// MOVEs text to a special register. Returns false if the program has no such item.
    pub fn set_special_bytes(&mut self, name: &str, value: &[u8]) -> bool {
        match self.special(name) {
            Some(f) => {
                move_bytes(self.mem, value, f);
                true
            }
            None => false,
        }
    }

    /// SQLCODE, or 0 when the program has no SQLCA.
    pub fn sqlcode(&self) -> i64 {
        self.get_special("SQLCODE").map_or(0, |d| d.to_i64())
    }

    /// Sets SQLCODE, and SQLSTATE to the usual class for it (`00000`, `02000` for +100,
    /// `01000` for another positive code, `58000` for a negative one) unless set later.
    pub fn set_sqlcode(&mut self, code: i64) {
        self.set_special("SQLCODE", &Dec::int(code));
        let state: &[u8] = match code {
            0 => b"00000",
            100 => b"02000",
            c if c > 0 => b"01000",
            _ => b"58000",
        };
        self.set_special_bytes("SQLSTATE", state);
        self.set_special_bytes(
            "SQLWARN0",
            if code > 0 && code != 100 { b"W" } else { b" " },
        );
    }

    /// Sets SQLSTATE.
    pub fn set_sqlstate(&mut self, state: &str) {
        self.set_special_bytes("SQLSTATE", state.as_bytes());
    }

    /// Sets the error message (SQLERRMC, and its length SQLERRML).
    pub fn set_sqlerrm(&mut self, message: &str) {
        let b = message.as_bytes();
        let n = b.len().min(70);
        self.set_special_bytes("SQLERRMC", &b[..n]);
        self.set_special("SQLERRML", &Dec::int(n as i64));
    }

    /// Sets SQLERRD(n), 1-based (SQLERRD(3) is the number of rows a statement touched).
    pub fn set_sqlerrd(&mut self, n: usize, value: i64) -> bool {
        let name = format!("SQLERRD({n})");
        self.set_special(&name, &Dec::int(value))
    }

    /// Stops the run because no binding is installed for this program: a message naming the
    /// block and what to implement, exit status 1.
    pub fn unbound(&mut self, binding_file: &str) -> ! {
        let b = self.block;
        crate::gen::stop_with(&format!(
            "ferry: EXEC {} at {} has no binding: implement `{}` of the `Exec` trait and return it from {}",
            b.kind, b.origin, b.method, binding_file
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::alnum::AlnumField;
    use crate::num::NumField;

    const BLOCK: ExecBlock = ExecBlock {
        kind: "SQL",
        method: "sql_001_select",
        origin: "T.cbl:10",
        text: "SELECT NAME INTO :NAME :NAME-IND FROM T WHERE ID = :ID",
    };

    #[test]
    fn host_variables_follow_move_rules() {
        // NAME X(6) at 0, NAME-IND S9(4) COMP at 6, ID 9(3) at 8, SQLCODE S9(9) COMP-5 at 11,
        // SQLSTATE X(5) at 15
        let mut mem = vec![b' '; 20];
        let name = Field::Alnum(AlnumField::new(0, 6));
        let ind = Field::Num(NumField::binary(6, 4, 0, true));
        let id = Field::Num(NumField::display(8, 3, 0, false));
        move_dec(&mut mem, &Dec::int(42), id);
        move_dec(&mut mem, &Dec::int(0), ind);
        let host = [
            HostVar::new("NAME", "", name, Some(ind)),
            HostVar::new("ID", "", id, None),
        ];
        let specials = [
            HostVar::new(
                "SQLCODE",
                "",
                Field::Num(NumField::comp5(11, 9, 0, true)),
                None,
            ),
            HostVar::new("SQLSTATE", "", Field::Alnum(AlnumField::new(15, 5)), None),
        ];
        let mut cx = ExecContext::new(&mut mem, &BLOCK, &host, &specials);
        assert_eq!(cx.host("id"), Some(1));
        assert_eq!(cx.text(1), "42");
        assert_eq!(cx.dec(1).to_i64(), 42);
        assert!(!cx.is_null(0));
        cx.set_bytes(0, b"ADA LOVELACE");
        assert_eq!(cx.bytes(0), b"ADA LO");
        assert!(cx.set_null(0, true));
        assert!(cx.is_null(0));
        assert!(!cx.set_null(1, true), "ID has no indicator");
        cx.set_sqlcode(100);
        assert_eq!(cx.sqlcode(), 100);
        assert_eq!(cx.get_special("sqlcode").unwrap().to_i64(), 100);
        cx.set_sqlcode(-803);
        assert_eq!(cx.sqlcode(), -803);
        assert!(!cx.set_special("EIBCALEN", &Dec::int(1)));
        assert_eq!(&mem[15..20], b"58000");
        assert_eq!(&mem[8..11], b"042");
    }
}
