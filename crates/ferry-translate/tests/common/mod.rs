//! Translating one program given as text, for the translator's integration tests.

use std::collections::BTreeMap;

use ferry_model::Dialect;
use ferry_translate::{Agent, Builtin, ProgramInput, UnitInput, UnitOutput};

/// Parses `text` (one program, fixed format; no syntax errors expected), builds its model in
/// `dialect` and translates it with the built-in agent (without rustfmt). Untranslated constructs
/// say `T.cbl` and their line.
pub fn translate_text(text: &str, dialect: Dialect) -> UnitOutput {
    let parsed = ferry_syntax::parse(text);
    assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
    let program = &parsed.unit.programs[0];
    let model = ferry_model::build_dialect(program, dialect);
    let locate = |off: usize| {
        let line = text[..off].matches('\n').count() as u32 + 1;
        ("T.cbl".to_string(), line, 1)
    };
    let callees = BTreeMap::new();
    let input = UnitInput {
        name: program.name.clone(),
        programs: vec![ProgramInput {
            program,
            model: &model,
            path: "T.cbl".into(),
            locate: &locate,
            globals: Vec::new(),
        }],
        callees: &callees,
        estate_programs: &[],
        shared_layouts: Vec::new(),
    };
    Builtin { rustfmt: false }
        .translate(&input)
        .expect("translates")
}
