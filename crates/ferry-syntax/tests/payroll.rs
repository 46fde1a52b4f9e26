//! The payroll sample (`samples/payroll`, fixed format with copybooks) goes through the real
//! preprocessor (ferry-source) and must parse without a single syntax error.

use std::path::PathBuf;

#[test]
fn payroll_sample_parses_cleanly() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../samples/payroll");
    let Ok(dir) = std::fs::read_dir(root.join("cobol")) else {
        eprintln!("samples/payroll not present; skipping");
        return;
    };
    let opts = ferry_source::PreprocessOptions {
        copybook_dirs: vec![root.join("copybooks")],
        ..Default::default()
    };
    let mut checked = 0;
    for entry in dir {
        let path = entry.expect("dir entry").path();
        if path
            .extension()
            .and_then(|e| e.to_str())
            .map(|e| e.eq_ignore_ascii_case("cbl"))
            != Some(true)
        {
            continue;
        }
        let pre = ferry_source::preprocess_file(&path, &opts);
        assert!(
            !pre.has_errors(),
            "{}: preprocessing failed: {:?}",
            path.display(),
            pre.diagnostics
        );
        let parsed = ferry_syntax::parse(&pre.text);
        let errors: Vec<String> = parsed
            .errors
            .iter()
            .map(|e| match pre.map.locate(e.span.start) {
                Some(loc) => format!("{loc:?}: {}", e.message),
                None => format!("@{}: {}", e.span.start, e.message),
            })
            .collect();
        assert!(
            errors.is_empty(),
            "{}:\n{}",
            path.display(),
            errors.join("\n")
        );
        assert!(!parsed.unit.programs.is_empty());
        checked += 1;
    }
    assert!(checked > 0, "no payroll programs found");
}
