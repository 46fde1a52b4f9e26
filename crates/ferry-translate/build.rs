//! Embeds the runtime crate's sources so that every output workspace builds offline without ferry.
use std::fmt::Write as _;
use std::path::Path;

fn walk(dir: &Path, base: &Path, out: &mut Vec<String>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = rd.filter_map(Result::ok).map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            walk(&p, base, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            if let Ok(rel) = p.strip_prefix(base) {
                out.push(rel.to_string_lossy().replace('\\', "/"));
            }
        }
    }
}

/// The redb version ferry's runtime builds with: from the workspace's Cargo.lock, else the exact
/// requirement (`redb = "=X"`) of the runtime's manifest.
fn redb_version(runtime: &Path) -> String {
    if let Ok(lock) = std::fs::read_to_string(runtime.join("../../Cargo.lock")) {
        let mut lines = lock.lines();
        while let Some(l) = lines.next() {
            if l.trim() == "name = \"redb\"" {
                if let Some(v) = lines
                    .next()
                    .and_then(|v| v.trim().strip_prefix("version = "))
                {
                    return v.trim_matches('"').to_string();
                }
            }
        }
    }
    let manifest =
        std::fs::read_to_string(runtime.join("Cargo.toml")).expect("ferry-runtime/Cargo.toml");
    manifest
        .lines()
        .find_map(|l| l.trim().strip_prefix("redb = \"="))
        .map(|v| v.trim_end_matches('"').to_string())
        .expect("ferry-runtime depends on redb with an exact version")
}

fn main() {
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let runtime = Path::new(&manifest).join("../ferry-runtime");
    let mut files = Vec::new();
    walk(&runtime.join("src"), &runtime, &mut files);
    let mut code = String::from("/// (path inside the runtime crate, contents)\npub const RUNTIME_FILES: &[(&str, &str)] = &[\n");
    for f in &files {
        let abs = runtime.join(f);
        let _ = writeln!(
            code,
            "    ({f:?}, include_str!({:?})),",
            abs.display().to_string()
        );
    }
    code.push_str("];\n");
    let redb = redb_version(&runtime);
    let _ = writeln!(
        code,
        "/// The redb version of ferry's Cargo.lock, pinned in every output workspace.\npub const RUNTIME_REDB_VERSION: &str = {redb:?};"
    );
    let out =
        Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("runtime_files.rs");
    std::fs::write(out, code).expect("OUT_DIR is writable");
    println!("cargo:rerun-if-changed=../ferry-runtime/src");
    println!("cargo:rerun-if-changed=../../rules");
    println!("cargo:rerun-if-changed=../../Cargo.lock");
    println!("cargo:rerun-if-changed=../ferry-runtime/Cargo.toml");
}
