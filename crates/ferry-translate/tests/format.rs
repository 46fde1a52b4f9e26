//! The formatter keeps the emitter's lines rustfmt would not change and gives rustfmt only the
//! others: this test holds it to the same bytes as rustfmt on whole files, over every program of
//! the corpus (tests/corpus/*) and samples/payroll. Skipped when rustfmt is not installed.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use ferry_translate::{Agent, Builtin, ProgramInput, UnitInput};

fn programs() -> Vec<(PathBuf, Vec<PathBuf>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut areas: Vec<PathBuf> = std::fs::read_dir(root.join("tests/corpus"))
        .expect("corpus")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("cobol").is_dir())
        .collect();
    areas.push(root.join("samples/payroll"));
    areas.sort();
    let mut out = Vec::new();
    for area in areas {
        let copybooks = vec![area.join("copybooks")];
        let mut files: Vec<PathBuf> = std::fs::read_dir(area.join("cobol"))
            .expect("cobol dir")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "cbl" || e == "cob"))
            .collect();
        files.sort();
        out.extend(files.into_iter().map(|f| (f, copybooks.clone())));
    }
    out
}

/// The Rust files of every program, unformatted: a single-program unit each, and all the
/// programs of one source file together as one unit (their `lib.rs` declares modules).
fn generated() -> Vec<(String, String)> {
    let mut files = Vec::new();
    for (path, copybook_dirs) in programs() {
        let pre = ferry_source::preprocess_file(
            &path,
            &ferry_source::PreprocessOptions {
                copybook_dirs,
                format: None,
                debugging_lines: false,
                defines: Vec::new(),
            },
        );
        let parsed = ferry_syntax::parse_preprocessed(&pre);
        let name = path.display().to_string();
        let models: Vec<_> = parsed
            .unit
            .programs
            .iter()
            .map(ferry_model::build)
            .collect();
        let locate = |off: usize| {
            let l = pre.map.locate(off);
            (
                name.clone(),
                l.as_ref().map_or(0, |l| l.line),
                l.as_ref().map_or(0, |l| l.column),
            )
        };
        let inputs: Vec<ProgramInput<'_>> = parsed
            .unit
            .programs
            .iter()
            .zip(&models)
            .map(|(program, model)| ProgramInput {
                program,
                model,
                path: name.clone(),
                locate: &locate,
                globals: Vec::new(),
            })
            .collect();
        let mut units: Vec<Vec<ProgramInput<'_>>> = inputs
            .iter()
            .map(|p| {
                vec![ProgramInput {
                    program: p.program,
                    model: p.model,
                    path: p.path.clone(),
                    locate: p.locate,
                    globals: Vec::new(),
                }]
            })
            .collect();
        if inputs.len() > 1 {
            units.push(inputs);
        }
        for programs in units {
            let unit = UnitInput {
                name: programs[0].program.name.clone(),
                programs,
                callees: &BTreeMap::new(),
                estate_programs: &[],
                shared_layouts: Vec::new(),
            };
            let out = Builtin { rustfmt: false }
                .translate(&unit)
                .expect("translates");
            for (p, text) in out.files {
                if p.ends_with(".rs") {
                    files.push((format!("{name}: {}: {p}", unit.name), text));
                }
            }
        }
    }
    files
}

#[test]
fn formatting_equals_rustfmt_on_whole_files() {
    if std::process::Command::new("rustfmt")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("skipped: rustfmt not found");
        return;
    }
    let files = generated();
    assert!(files.len() > 30, "only {} files", files.len());
    let mut fast: Vec<String> = files.iter().map(|(_, t)| t.clone()).collect();
    let mut whole = fast.clone();
    ferry_translate::rustfmt_many(&mut fast.iter_mut().collect::<Vec<_>>());
    let (by_pieces, whole_files) = ferry_translate::stats::file_counts();
    eprintln!("{by_pieces} files formatted piece by piece, {whole_files} whole");
    // Most files take the fast path, or this test would prove little.
    assert!(
        by_pieces > 3 * whole_files,
        "{by_pieces} by pieces, {whole_files} whole"
    );
    ferry_translate::rustfmt_many_whole(&mut whole.iter_mut().collect::<Vec<_>>());
    assert!(
        files.iter().zip(&whole).any(|((_, raw), w)| raw != w),
        "rustfmt changed nothing (is it working?)"
    );
    let mut differ = Vec::new();
    for ((name, _), (f, w)) in files.iter().zip(fast.iter().zip(&whole)) {
        if f != w {
            differ.push(name.clone());
        }
    }
    let (runs, given, _) = ferry_translate::stats::rustfmt_counts();
    eprintln!(
        "{} files, {} bytes of Rust; rustfmt given {given} bytes in {runs} runs (both ways)",
        files.len(),
        files.iter().map(|(_, t)| t.len()).sum::<usize>()
    );
    assert!(
        differ.is_empty(),
        "formatting differs from rustfmt on: {differ:#?}"
    );
}
