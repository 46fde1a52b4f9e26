//! `build_workspace` on tiny generated workspaces (offline, no dependencies).

use ferry_verify::*;

fn workspace(dir: &std::path::Path, main_rs: &str) {
    std::fs::create_dir_all(dir.join("hello/src")).unwrap();
    std::fs::write(
        dir.join("Cargo.toml"),
        "[workspace]\nresolver = \"2\"\nmembers = [\"hello\"]\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("hello/Cargo.toml"),
        "[package]\nname = \"hello\"\nversion = \"0.1.0\"\nedition = \"2021\"\n",
    )
    .unwrap();
    std::fs::write(dir.join("hello/src/main.rs"), main_rs).unwrap();
}

#[test]
fn builds_and_reports_failures() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    workspace(&out, "fn main() { println!(\"hi\"); }\n");
    let target = tmp.path().join("shared-target");
    let built = build_workspace(&out, false, Some(&target)).unwrap();
    assert_eq!(built.target_dir, target);
    let exe = built.exe("hello");
    assert!(exe.is_file(), "{}", exe.display());
    let run = std::process::Command::new(&exe).output().unwrap();
    assert_eq!(run.stdout, b"hi\n");

    workspace(&out, "fn main() { let x: u32 = \"no\"; }\n");
    let err = build_workspace(&out, false, Some(&target)).unwrap_err();
    let text = err.to_string();
    assert!(
        text.contains("cargo build failed") && text.contains("mismatched types"),
        "{text}"
    );
}
