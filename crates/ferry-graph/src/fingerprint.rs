//! Content fingerprints of translation units: a unit needs translating again exactly when its
//! fingerprint changes.

use sha2::{Digest, Sha256};

use crate::plan::Unit;

fn field(h: &mut Sha256, tag: &str, value: &[u8]) {
    // Length-prefixed, tagged fields: no two different inputs concatenate to the same bytes.
    h.update((tag.len() as u64).to_le_bytes());
    h.update(tag.as_bytes());
    h.update((value.len() as u64).to_le_bytes());
    h.update(value);
}

fn sha(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// SHA-256 (hex) over everything a unit's translation depends on:
///
/// - the unit's id, kind and members (sorted),
/// - the source texts after COPY expansion (each hashed, the hashes sorted: the order of members in a
///   cycle does not matter),
/// - the interface hashes of the units it depends on (sorted),
/// - `extra` settings such as the rules hash, the ferry version and agent settings (sorted by key).
///
/// The unit's wave, reason and paths are deliberately left out: moving a file or re-planning does not
/// change what the unit translates to.
pub fn fingerprint(
    unit: &Unit,
    source_texts_after_copy: &[&str],
    dependency_interface_hashes: &[String],
    extra: &[(&str, &str)],
) -> String {
    let mut h = Sha256::new();
    field(&mut h, "schema", b"ferry-fingerprint/1");
    field(&mut h, "unit", unit.id.as_bytes());
    let kind = match unit.kind {
        crate::plan::UnitKind::Program => "program",
        crate::plan::UnitKind::Layout => "layout",
        crate::plan::UnitKind::Cycle => "cycle",
        crate::plan::UnitKind::Job => "job",
    };
    field(&mut h, "kind", kind.as_bytes());
    let mut members: Vec<&str> = unit.members.iter().map(String::as_str).collect();
    members.sort_unstable();
    for m in members {
        field(&mut h, "member", m.as_bytes());
    }
    let mut sources: Vec<String> = source_texts_after_copy
        .iter()
        .map(|t| sha(t.as_bytes()))
        .collect();
    sources.sort_unstable();
    for s in &sources {
        field(&mut h, "source", s.as_bytes());
    }
    let mut deps: Vec<&str> = dependency_interface_hashes
        .iter()
        .map(String::as_str)
        .collect();
    deps.sort_unstable();
    deps.dedup();
    for d in deps {
        field(&mut h, "dependency", d.as_bytes());
    }
    let mut extra: Vec<(&str, &str)> = extra.to_vec();
    extra.sort_unstable();
    for (k, v) in extra {
        field(&mut h, "extra-key", k.as_bytes());
        field(&mut h, "extra-value", v.as_bytes());
    }
    hex::encode(h.finalize())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{Unit, UnitKind};

    fn unit(members: &[&str]) -> Unit {
        Unit {
            id: "cycle:A+B".into(),
            name: "A+B".into(),
            kind: UnitKind::Cycle,
            members: members.iter().map(|s| s.to_string()).collect(),
            programs: vec![],
            sources: vec![],
            depends_on: vec![],
            wave: 1,
            reason: String::new(),
            missing: vec![],
            unresolved: vec![],
        }
    }

    #[test]
    fn deterministic_and_order_independent() {
        let a = fingerprint(
            &unit(&["program:A", "program:B"]),
            &["text a", "text b"],
            &["h1".into(), "h2".into()],
            &[("rules", "r1"), ("ferry", "0.1")],
        );
        let b = fingerprint(
            &unit(&["program:B", "program:A"]),
            &["text b", "text a"],
            &["h2".into(), "h1".into()],
            &[("ferry", "0.1"), ("rules", "r1")],
        );
        assert_eq!(a, b);
        assert_eq!(a.len(), 64);
        let mut moved = unit(&["program:A", "program:B"]);
        moved.wave = 7;
        moved.sources = vec!["elsewhere.cbl".into()];
        assert_eq!(
            a,
            fingerprint(
                &moved,
                &["text a", "text b"],
                &["h1".into(), "h2".into()],
                &[("rules", "r1"), ("ferry", "0.1")]
            )
        );
    }

    #[test]
    fn sensitive_to_every_input() {
        let base = fingerprint(
            &unit(&["program:A"]),
            &["x"],
            &["h".into()],
            &[("rules", "r1")],
        );
        assert_ne!(
            base,
            fingerprint(
                &unit(&["program:A"]),
                &["y"],
                &["h".into()],
                &[("rules", "r1")]
            )
        );
        assert_ne!(
            base,
            fingerprint(
                &unit(&["program:A"]),
                &["x"],
                &["g".into()],
                &[("rules", "r1")]
            )
        );
        assert_ne!(
            base,
            fingerprint(
                &unit(&["program:A"]),
                &["x"],
                &["h".into()],
                &[("rules", "r2")]
            )
        );
        assert_ne!(
            base,
            fingerprint(
                &unit(&["program:B"]),
                &["x"],
                &["h".into()],
                &[("rules", "r1")]
            )
        );
        // Field boundaries matter: ("ab","c") differs from ("a","bc").
        assert_ne!(
            fingerprint(&unit(&[]), &[], &[], &[("ab", "c")]),
            fingerprint(&unit(&[]), &[], &[], &[("a", "bc")])
        );
    }
}
