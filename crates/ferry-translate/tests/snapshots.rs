//! Snapshot tests of the Rust the built-in agent writes: a reviewer reads the `.snap` diff.
//! Update with `INSTA_UPDATE=always cargo test -p ferry-translate` (or `cargo insta review`).

use std::collections::BTreeMap;
use std::path::Path;

use ferry_translate::{Agent, Builtin, ProgramInput, UnitInput};

fn translate(file: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(file);
    let pre = ferry_source::preprocess_file(&path, &ferry_source::PreprocessOptions::default());
    assert!(pre.diagnostics.is_empty(), "{:?}", pre.diagnostics);
    let parsed = ferry_syntax::parse(&pre.text);
    assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
    let program = &parsed.unit.programs[0];
    let model = ferry_model::build(program);
    let locate = |off: usize| {
        let l = pre.map.locate(off).expect("offsets map back to the source");
        (file.to_string(), l.line, l.column)
    };
    let input = UnitInput {
        name: program.name.clone(),
        programs: vec![ProgramInput {
            program,
            model: &model,
            path: file.to_string(),
            locate: &locate,
            globals: Vec::new(),
        }],
        callees: &BTreeMap::new(),
        estate_programs: &[],
        shared_layouts: Vec::new(),
    };
    // Without rustfmt, so the snapshot does not depend on the toolchain's formatter.
    let out = Builtin { rustfmt: false }
        .translate(&input)
        .expect("translates");
    assert!(out.untranslated.is_empty(), "{:?}", out.untranslated);
    out.files["src/lib.rs"].clone()
}

#[test]
fn control_flow_program() {
    insta::assert_snapshot!(translate("control.cbl"));
}

#[test]
fn called_program() {
    insta::assert_snapshot!(translate("callee.cbl"));
}

#[test]
fn output_is_deterministic() {
    assert_eq!(translate("control.cbl"), translate("control.cbl"));
}

#[test]
fn exec_sql_program() {
    insta::assert_snapshot!(translate("custsql.cbl"));
}

#[test]
fn exec_sql_binding_file() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/custsql.cbl");
    let pre = ferry_source::preprocess_file(&path, &ferry_source::PreprocessOptions::default());
    let parsed = ferry_syntax::parse(&pre.text);
    let program = &parsed.unit.programs[0];
    let model = ferry_model::build(program);
    let locate = |off: usize| {
        let l = pre.map.locate(off).expect("offsets map back to the source");
        ("custsql.cbl".to_string(), l.line, l.column)
    };
    let input = UnitInput {
        name: program.name.clone(),
        programs: vec![ProgramInput {
            program,
            model: &model,
            path: "custsql.cbl".into(),
            locate: &locate,
            globals: Vec::new(),
        }],
        callees: &BTreeMap::new(),
        estate_programs: &[],
        shared_layouts: Vec::new(),
    };
    let out = Builtin { rustfmt: false }
        .translate(&input)
        .expect("translates");
    assert!(
        !out.files.contains_key("src/binding.rs"),
        "binding.rs is not a generated file"
    );
    let methods: Vec<&str> = out.exec.iter().map(|b| b.method.as_str()).collect();
    assert_eq!(methods, ["sql_001_select_name", "sql_002_insert_into"]);
    assert_eq!(
        out.exec[0].host_variables,
        ["CUST-NAME", "CUST-ROW.CUST-ID"]
    );
    assert_eq!(out.exec[1].origin, "custsql.cbl:21");
    insta::assert_snapshot!(out.user_files["src/binding.rs"]);
}
