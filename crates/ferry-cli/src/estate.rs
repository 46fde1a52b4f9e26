//! Scanning a legacy tree: every file classified, every program preprocessed, parsed and laid out, in
//! parallel, with its diagnostics.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use ferry_model::ProgramModel;
use ferry_source::{Diagnostic, FileKind, PreprocessOptions, Preprocessed, Severity, SourceMap};
use ferry_syntax::ast::Program;
use rayon::prelude::*;
use serde::Serialize;

use crate::config::Config;

/// One file of the tree, as `scan` reports it.
#[derive(Debug, Clone, Serialize)]
pub struct ScannedFile {
    /// Relative to the source root, `/`-separated.
    pub path: String,
    pub kind: FileKind,
    pub lines: usize,
    pub diagnostics: Vec<FileDiagnostic>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FileDiagnostic {
    pub severity: Severity,
    /// The file the problem is in (a copybook, for problems inside one), relative to the root.
    pub file: String,
    pub line: u32,
    pub column: u32,
    pub message: String,
}

/// A program ready for the later stages.
pub struct ScannedProgram {
    pub name: String,
    /// Main source file, relative to the root.
    pub path: String,
    pub pre: Preprocessed,
    pub program: Program,
    pub model: ProgramModel,
    /// sha256 of the preprocessed text (COPY expanded): what translation depends on.
    pub text_hash: String,
}

impl ScannedProgram {
    /// (file relative to root, line, column) of a preprocessed offset.
    pub fn locate(&self, root: &Path, offset: usize) -> (String, u32, u32) {
        locate(&self.pre.map, root, offset)
    }
}

pub fn locate(map: &SourceMap, root: &Path, offset: usize) -> (String, u32, u32) {
    match map.locate(offset) {
        Some(l) => (rel(root, l.file), l.line, l.column),
        None => (String::new(), 0, 0),
    }
}

pub struct Estate {
    pub root: PathBuf,
    pub config: Config,
    pub files: Vec<ScannedFile>,
    pub programs: Vec<ScannedProgram>,
    /// Copybooks found in the tree or the copybook directories: (NAME, path relative to root).
    pub copybooks: Vec<(String, String)>,
    pub jcl: Vec<(String, String)>,
}

impl Estate {
    pub fn program(&self, name: &str) -> Option<&ScannedProgram> {
        self.programs.iter().find(|p| p.name == name)
    }
}

/// Path of `p` relative to `root`, `/`-separated (the path itself when outside the root).
pub fn rel(root: &Path, p: &Path) -> String {
    let s = p.strip_prefix(root).unwrap_or(p);
    s.to_string_lossy().replace('\\', "/")
}

/// Options the command line may override.
#[derive(Debug, Clone, Default)]
pub struct ScanOptions {
    pub copybook_dirs: Vec<PathBuf>,
    pub format: Option<ferry_source::SourceFormat>,
    /// Keep parsed programs (false for a plain inventory: memory stays per file).
    pub keep_programs: bool,
}

fn list_files(root: &Path, config: &Config) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(root).sort_by_file_name() {
        let entry = entry.with_context(|| format!("cannot read {}", root.display()))?;
        if !entry.file_type().is_file() {
            continue;
        }
        let r = rel(root, entry.path());
        let top = r.split('/').next().unwrap_or("");
        if top == "scenarios"
            || r == "ferry.toml"
            || r.starts_with('.')
            || r.contains("/.")
            || config.excluded(&r)
        {
            continue;
        }
        files.push(entry.into_path());
    }
    Ok(files)
}

pub fn scan(
    root: &Path,
    opts: &ScanOptions,
    progress: &crate::progress::Progress,
) -> Result<Estate> {
    if !root.is_dir() {
        anyhow::bail!("{} is not a directory", root.display());
    }
    let config = Config::load(root)?;
    let format = match opts.format {
        Some(f) => Some(f),
        None => config.format()?,
    };
    let mut copybook_dirs: Vec<PathBuf> =
        config.copybook_dirs.iter().map(|d| root.join(d)).collect();
    copybook_dirs.extend(opts.copybook_dirs.iter().cloned());
    let pp = PreprocessOptions {
        copybook_dirs,
        format,
        debugging_lines: config.debugging_lines,
        defines: config.defines(),
    };
    let dialect = config.dialect()?;
    let paths = list_files(root, &config)?;
    let bar = progress.bar("scan", paths.len() as u64);
    let results: Vec<(ScannedFile, Vec<ScannedProgram>, FileCalls)> = paths
        .par_iter()
        .map(|p| {
            let r = scan_file(root, p, &pp, opts.keep_programs, dialect);
            bar.inc(1);
            r
        })
        .collect();
    bar.finish_and_clear();
    let mut files = Vec::new();
    let mut programs = Vec::new();
    let mut copybooks = Vec::new();
    let mut jcl = Vec::new();
    let mut calls = Vec::new();
    for (f, ps, c) in results {
        calls.push(c);
        match f.kind {
            FileKind::Copybook => {
                let stem = Path::new(&f.path)
                    .file_stem()
                    .map(|s| s.to_string_lossy().to_ascii_uppercase())
                    .unwrap_or_default();
                copybooks.push((stem, f.path.clone()));
            }
            FileKind::Jcl => jcl.push((
                Path::new(&f.path)
                    .file_stem()
                    .map(|s| s.to_string_lossy().to_ascii_uppercase())
                    .unwrap_or_default(),
                f.path.clone(),
            )),
            _ => {}
        }
        files.push(f);
        programs.extend(ps);
    }
    // Two programs with one PROGRAM-ID: the second is a diagnostic, not a silent overwrite.
    programs.sort_by(|a, b| (&a.name, &a.path).cmp(&(&b.name, &b.path)));
    let mut i = 1;
    while i < programs.len() {
        if programs[i].name == programs[i - 1].name {
            let dup = programs.remove(i);
            let first = programs[i - 1].path.clone();
            if let Some(f) = files.iter_mut().find(|f| f.path == dup.path) {
                f.diagnostics.push(FileDiagnostic {
                    severity: Severity::Error,
                    file: dup.path.clone(),
                    line: dup
                        .pre
                        .map
                        .locate(dup.program.span.start)
                        .map_or(1, |l| l.line),
                    column: 1,
                    message: format!("PROGRAM-ID {} is also defined in {first}", dup.name),
                });
            }
        } else {
            i += 1;
        }
    }
    check_calls(&calls, &mut files);
    Ok(Estate {
        root: root.to_path_buf(),
        config,
        files,
        programs,
        copybooks,
        jcl,
    })
}

/// Programs a file defines and the literal CALLs it makes (kept even when ASTs are dropped).
#[derive(Default)]
struct FileCalls {
    path: String,
    defined: Vec<String>,
    /// (target, file, line, column) of CALLs without ON EXCEPTION.
    calls: Vec<(String, String, u32, u32)>,
}

fn collect_calls(root: &Path, path: &str, program: &Program, map: &SourceMap, out: &mut FileCalls) {
    use ferry_syntax::ast::{Literal, Operand, StatementKind};
    out.path = path.to_string();
    out.defined.push(program.name.clone());
    for nested in &program.nested {
        collect_calls(root, path, nested, map, out);
    }
    let Some(proc) = &program.procedure else {
        return;
    };
    for section in &proc.sections {
        for para in &section.paragraphs {
            for sentence in &para.sentences {
                ferry_graph::facts::for_each_statement(&sentence.statements, &mut |s| {
                    if let StatementKind::Call {
                        program: Operand::Literal(Literal::Alphanumeric(name)),
                        exception,
                        ..
                    } = &s.kind
                    {
                        if exception.on.is_none() {
                            let name = String::from_utf8_lossy(name).trim().to_ascii_uppercase();
                            let (file, line, column) = locate(map, root, s.span.start);
                            out.calls.push((name, file, line, column));
                        }
                    }
                });
            }
        }
    }
}

/// A CALL of a literal program name that is nowhere in the tree is an error (unless the CALL has an
/// ON EXCEPTION phrase, which is there for exactly that case).
fn check_calls(calls: &[FileCalls], files: &mut [ScannedFile]) {
    let known: std::collections::BTreeSet<&str> = calls
        .iter()
        .flat_map(|c| c.defined.iter().map(String::as_str))
        .collect();
    for c in calls {
        for (name, file, line, column) in &c.calls {
            // libcob's library routines (SYSTEM, CBL_..., C$...) are not programs of the tree.
            let routine = name == "SYSTEM" || name.starts_with("CBL_") || name.starts_with("C$");
            if known.contains(name.as_str()) || routine {
                continue;
            }
            if let Some(f) = files.iter_mut().find(|f| f.path == c.path) {
                f.diagnostics.push(FileDiagnostic {
                    severity: Severity::Error,
                    file: file.clone(),
                    line: *line,
                    column: *column,
                    message: format!(
                        "CALL \"{name}\": no program {name} in the source tree (add its source, or an ON EXCEPTION phrase)"
                    ),
                });
            }
        }
    }
}

fn scan_file(
    root: &Path,
    path: &Path,
    pp: &PreprocessOptions,
    keep: bool,
    dialect: ferry_model::Dialect,
) -> (ScannedFile, Vec<ScannedProgram>, FileCalls) {
    let rel_path = rel(root, path);
    let mut calls = FileCalls::default();
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            let d = FileDiagnostic {
                severity: Severity::Error,
                file: rel_path.clone(),
                line: 0,
                column: 0,
                message: format!("cannot read file: {e}"),
            };
            return (
                ScannedFile {
                    path: rel_path,
                    kind: FileKind::Other,
                    lines: 0,
                    diagnostics: vec![d],
                },
                Vec::new(),
                calls,
            );
        }
    };
    let text = ferry_source::decode(&bytes);
    // Anything in a copybook directory is a copybook, whatever its extension (`.CBL` members are
    // common).
    let in_copybook_dir = pp.copybook_dirs.iter().any(|d| path.starts_with(d));
    let kind = if in_copybook_dir {
        FileKind::Copybook
    } else {
        ferry_source::classify(path, &text)
    };
    let lines = text.lines().count();
    let mut file = ScannedFile {
        path: rel_path.clone(),
        kind,
        lines,
        diagnostics: Vec::new(),
    };
    if kind != FileKind::Program {
        return (file, Vec::new(), calls);
    }
    let pre = ferry_source::preprocess_bytes(path, &bytes, pp);
    file.diagnostics
        .extend(pre.diagnostics.iter().map(|d| from_source(root, d)));
    let parsed = ferry_syntax::parse_preprocessed(&pre);
    for e in &parsed.errors {
        let (f, line, column) = locate(&pre.map, root, e.span.start);
        file.diagnostics.push(FileDiagnostic {
            severity: Severity::Error,
            file: f,
            line,
            column,
            message: e.message.clone(),
        });
    }
    if parsed.unit.programs.is_empty() && parsed.errors.is_empty() {
        file.diagnostics.push(FileDiagnostic {
            severity: Severity::Error,
            file: rel_path.clone(),
            line: 1,
            column: 1,
            message: "no program found (expected IDENTIFICATION DIVISION and PROGRAM-ID)".into(),
        });
    }
    let mut programs = Vec::new();
    let text_hash = {
        use sha2::Digest;
        hex::encode(sha2::Sha256::digest(pre.text.as_bytes()))
    };
    for program in parsed.unit.programs {
        collect_calls(root, &rel_path, &program, &pre.map, &mut calls);
        let model = ferry_model::build_dialect(&program, dialect);
        for e in &model.errors {
            let (f, line, column) = locate(&pre.map, root, e.span.start);
            file.diagnostics.push(FileDiagnostic {
                severity: Severity::Error,
                file: f,
                line,
                column,
                message: e.message.clone(),
            });
        }
        if keep {
            programs.push(ScannedProgram {
                name: program.name.clone(),
                path: rel_path.clone(),
                pre: pre.clone(),
                program,
                model,
                text_hash: text_hash.clone(),
            });
        }
    }
    file.diagnostics.sort_by(|a, b| {
        (&a.file, a.line, a.column, &a.message).cmp(&(&b.file, b.line, b.column, &b.message))
    });
    file.diagnostics.dedup_by(|a, b| {
        a.file == b.file && a.line == b.line && a.column == b.column && a.message == b.message
    });
    (file, programs, calls)
}

fn from_source(root: &Path, d: &Diagnostic) -> FileDiagnostic {
    FileDiagnostic {
        severity: d.severity,
        file: rel(root, &d.file),
        line: d.line,
        column: d.column,
        message: d.message.clone(),
    }
}
