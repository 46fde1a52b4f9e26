//! Hashing, canonical JSON and the report digest.

use std::path::Path;

use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::error::{ReportError, Result};

/// Lower-case hex SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// Lower-case hex SHA-256 of a file's contents.
pub fn sha256_file(path: &Path) -> Result<String> {
    let bytes = std::fs::read(path).map_err(|e| ReportError::io("reading", path, e))?;
    Ok(sha256_hex(&bytes))
}

/// Canonical JSON: object keys sorted by bytes, no insignificant whitespace,
/// strings and numbers as serde_json writes them.
pub fn canonical_json(value: &Value) -> String {
    let mut out = String::new();
    write_canonical(value, &mut out);
    out
}

fn write_canonical(value: &Value, out: &mut String) {
    match value {
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            out.push('{');
            for (i, k) in keys.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&Value::String((*k).clone()).to_string());
                out.push(':');
                if let Some(v) = map.get(*k) {
                    write_canonical(v, out);
                }
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (i, v) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_canonical(v, out);
            }
            out.push(']');
        }
        other => out.push_str(&other.to_string()),
    }
}

/// The digest of a report given as a JSON value: SHA-256 of the canonical JSON
/// of the value with its top-level `digest` field removed.
pub fn digest_of_value(value: &Value) -> String {
    let mut v = value.clone();
    if let Value::Object(map) = &mut v {
        map.remove("digest");
    }
    sha256_hex(canonical_json(&v).as_bytes())
}

/// Rebuilds a JSON value with every object's keys inserted in sorted order, so
/// its serialization is deterministic whichever map serde_json is built with.
pub fn sorted_value(value: &Value) -> Value {
    match value {
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            let mut out = serde_json::Map::new();
            for k in keys {
                if let Some(v) = map.get(k) {
                    out.insert(k.clone(), sorted_value(v));
                }
            }
            Value::Object(out)
        }
        Value::Array(items) => Value::Array(items.iter().map(sorted_value).collect()),
        other => other.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_sorts_keys_and_digest_ignores_digest() {
        let a: Value =
            serde_json::from_str(r#"{"b":1,"a":{"d":[1,"x"],"c":null},"digest":"zz"}"#).unwrap();
        assert_eq!(
            canonical_json(&a),
            r#"{"a":{"c":null,"d":[1,"x"]},"b":1,"digest":"zz"}"#
        );
        let b: Value = serde_json::from_str(r#"{"a":{"c":null,"d":[1,"x"]},"b":1}"#).unwrap();
        assert_eq!(digest_of_value(&a), digest_of_value(&b));
        assert_eq!(
            sha256_hex(b""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }
}
