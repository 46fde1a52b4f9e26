//! COBOL names -> Rust names, keeping them recognisable (`PAYROLL-TOTAL` -> `payroll_total`).

use std::collections::BTreeMap;

const KEYWORDS: &[&str] = &[
    "as", "break", "const", "continue", "crate", "else", "enum", "extern", "false", "fn", "for",
    "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref", "return",
    "self", "static", "struct", "super", "trait", "true", "type", "unsafe", "use", "where",
    "while", "async", "await", "dyn", "abstract", "become", "box", "do", "final", "macro",
    "override", "priv", "typeof", "unsized", "virtual", "yield", "try", "gen", "main", "new",
    "mem",
];

fn words(name: &str) -> Vec<String> {
    name.split(|c: char| c == '-' || c == '_' || c == ' ')
        .filter(|w| !w.is_empty())
        .map(|w| {
            w.chars()
                .filter(|c| c.is_ascii_alphanumeric())
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// `PAYROLL-TOTAL` -> `payroll_total`; a leading digit gets `prefix` (`0000-MAIN` -> `p0000_main`).
pub fn snake(name: &str, prefix: &str) -> String {
    let mut s = words(name).join("_").to_ascii_lowercase();
    if s.is_empty() {
        s = "unnamed".into();
    }
    if s.starts_with(|c: char| c.is_ascii_digit()) {
        s = format!("{prefix}{s}");
    }
    if KEYWORDS.contains(&s.as_str()) {
        s.push('_');
    }
    s
}

/// `EMP-NAME` -> `EMP_NAME`; a leading digit gets `F_`.
pub fn constant(name: &str) -> String {
    let mut s = words(name).join("_").to_ascii_uppercase();
    if s.is_empty() {
        s = "FILLER".into();
    }
    if s.starts_with(|c: char| c.is_ascii_digit()) {
        s = format!("F_{s}");
    }
    s
}

/// `0000-MAIN` -> `P0000Main`, `READ-EMPLOYEE` -> `ReadEmployee`.
pub fn camel(name: &str, prefix: &str) -> String {
    let mut s: String = words(name)
        .iter()
        .map(|w| {
            let lower = w.to_ascii_lowercase();
            let mut c = lower.chars();
            match c.next() {
                Some(f) => f.to_ascii_uppercase().to_string() + c.as_str(),
                None => String::new(),
            }
        })
        .collect();
    if s.is_empty() || s.starts_with(|c: char| c.is_ascii_digit()) {
        s = format!("{prefix}{s}");
    }
    s
}

/// Hands out unique names: the second `X` becomes `X_2`, and so on.
#[derive(Default)]
pub struct Namer {
    used: BTreeMap<String, usize>,
}

impl Namer {
    pub fn unique(&mut self, base: String) -> String {
        let n = self.used.entry(base.clone()).or_insert(0);
        *n += 1;
        if *n == 1 {
            base
        } else {
            let candidate = format!("{base}_{n}");
            self.unique(candidate)
        }
    }
}

/// The Rust crate name of a COBOL program (`PAYCALC` -> `paycalc`).
pub fn crate_name(program: &str) -> String {
    let s = snake(program, "p");
    s.trim_end_matches('_').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_stay_recognisable() {
        assert_eq!(snake("PAYROLL-TOTAL", "x"), "payroll_total");
        assert_eq!(snake("0000-MAIN", "p"), "p0000_main");
        assert_eq!(snake("LOOP", "p"), "loop_");
        assert_eq!(constant("EMP-NAME"), "EMP_NAME");
        assert_eq!(constant("1ST-X"), "F_1ST_X");
        assert_eq!(camel("0000-MAIN", "P"), "P0000Main");
        assert_eq!(camel("READ-EMPLOYEE", "P"), "ReadEmployee");
        let mut n = Namer::default();
        assert_eq!(n.unique("A".into()), "A");
        assert_eq!(n.unique("A".into()), "A_2");
    }
}
