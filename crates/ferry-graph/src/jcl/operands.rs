//! JCL operand values: positional and keyword parameters (read from the tree by `syntax.rs`),
//! apostrophes, and symbolic parameter (`&SYM`) substitution.

use std::collections::BTreeMap;

/// Removes one level of apostrophes (doubled apostrophes inside collapse to one).
pub fn unquote(v: &str) -> String {
    let v = v.trim();
    match v.strip_prefix('\'').and_then(|s| s.strip_suffix('\'')) {
        Some(inner) => inner.replace("''", "'"),
        None => v.to_string(),
    }
}

/// Positional and keyword parameters of an operand field. Keywords are upper-cased; values are the
/// logical text as written (continuations joined, apostrophes kept, sublists as `(A,B)`); an omitted
/// positional parameter is an empty string.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Params {
    pub positional: Vec<String>,
    pub keywords: Vec<(String, String)>,
}

impl Params {
    /// The last value given for `key` (later keywords override earlier ones).
    pub fn get(&self, key: &str) -> Option<&str> {
        self.keywords
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    pub fn has_positional(&self, word: &str) -> bool {
        self.positional.iter().any(|p| p.eq_ignore_ascii_case(word))
    }

    /// Every value passed through `f` (keys stay).
    pub fn map_values(&self, mut f: impl FnMut(&str) -> String) -> Params {
        Params {
            positional: self.positional.iter().map(|v| f(v)).collect(),
            keywords: self
                .keywords
                .iter()
                .map(|(k, v)| (k.clone(), f(v)))
                .collect(),
        }
    }
}

/// Substitutes `&NAME` (optionally followed by a `.` delimiter, which is consumed) from `symbols`.
/// `&&NAME` (a temporary data set name) is left alone. Returns the text and the names with no value
/// (system symbols `&SYS...` are not reported).
pub fn substitute(text: &str, symbols: &BTreeMap<String, String>) -> (String, Vec<String>) {
    if !text.contains('&') {
        return (text.to_string(), Vec::new());
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut missing = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c != '&' {
            out.push(c);
            i += 1;
            continue;
        }
        if chars.get(i + 1) == Some(&'&') {
            out.push_str("&&");
            i += 2;
            continue;
        }
        let start = i + 1;
        let mut end = start;
        while end < chars.len()
            && end - start < 8
            && (chars[end].is_ascii_alphanumeric() || matches!(chars[end], '@' | '#' | '$'))
        {
            end += 1;
        }
        let name: String = chars[start..end]
            .iter()
            .collect::<String>()
            .to_ascii_uppercase();
        if name.is_empty() || name.starts_with(|c: char| c.is_ascii_digit()) {
            out.push('&');
            i += 1;
            continue;
        }
        match symbols.get(&name) {
            Some(v) => {
                out.push_str(v);
                i = if chars.get(end) == Some(&'.') {
                    end + 1
                } else {
                    end
                };
            }
            None => {
                if !name.starts_with("SYS") {
                    missing.push(name);
                }
                out.push('&');
                i += 1;
            }
        }
    }
    (out, missing)
}
