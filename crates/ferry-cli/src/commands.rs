//! scan, ast, graph and plan: the read-only commands.

use std::path::Path;

use anyhow::{Context, Result};
use ferry_source::{FileKind, Severity};

use crate::estate::{self, Estate, ScanOptions};
use crate::progress::Progress;
use crate::{diag, Common, GraphFormat, ListFormat};

pub fn scan_options(common: &Common, keep_programs: bool) -> ScanOptions {
    ScanOptions {
        copybook_dirs: common.copybook_dirs.clone(),
        format: common.source_format,
        keep_programs,
    }
}

/// Prints every diagnostic of the estate to stderr; returns the number of errors.
pub fn print_diagnostics(estate: &Estate) -> usize {
    let mut errors = 0;
    for f in &estate.files {
        for d in &f.diagnostics {
            if d.severity == Severity::Error {
                errors += 1;
            }
            eprintln!("{}", diag::render(&estate.root, d));
        }
    }
    errors
}

pub fn scan(common: &Common, src: &Path, format: ListFormat, dump_ast: bool) -> Result<u8> {
    let progress = if format == ListFormat::Json {
        Progress::hidden()
    } else {
        Progress::new(common.quiet)
    };
    let estate = estate::scan(src, &scan_options(common, dump_ast), &progress)?;
    if dump_ast {
        let programs: Vec<&ferry_syntax::ast::Program> =
            estate.programs.iter().map(|p| &p.program).collect();
        println!("{}", serde_json::to_string_pretty(&programs)?);
    } else if format == ListFormat::Json {
        println!(
            "{}",
            serde_json::to_string_pretty(&serde_json::json!({ "files": estate.files }))?
        );
    } else {
        let count = |k: FileKind| estate.files.iter().filter(|f| f.kind == k).count();
        let lines = |k: FileKind| {
            estate
                .files
                .iter()
                .filter(|f| f.kind == k)
                .map(|f| f.lines)
                .sum::<usize>()
        };
        for f in &estate.files {
            let kind = format!("{:?}", f.kind).to_ascii_lowercase();
            let n = f.diagnostics.len();
            let note = if n == 0 {
                String::new()
            } else {
                format!("  {n} diagnostic(s)")
            };
            println!("{kind:<9} {:>7}  {}{note}", f.lines, f.path);
        }
        println!(
            "{} programs ({} lines), {} copybooks ({} lines), {} JCL, {} other",
            count(FileKind::Program),
            lines(FileKind::Program),
            count(FileKind::Copybook),
            lines(FileKind::Copybook),
            count(FileKind::Jcl),
            count(FileKind::Other)
        );
    }
    let errors = if format == ListFormat::Json && !dump_ast {
        estate
            .files
            .iter()
            .flat_map(|f| &f.diagnostics)
            .filter(|d| d.severity == Severity::Error)
            .count()
    } else {
        print_diagnostics(&estate)
    };
    Ok(if errors > 0 { 2 } else { 0 })
}

pub fn ast(common: &Common, file: &Path) -> Result<u8> {
    let dir = file.parent().unwrap_or(Path::new("."));
    let config = crate::config::Config::load(dir).unwrap_or_default();
    let mut copybook_dirs: Vec<_> = config.copybook_dirs.iter().map(|d| dir.join(d)).collect();
    copybook_dirs.extend(common.copybook_dirs.iter().cloned());
    let format = match common.source_format {
        Some(f) => Some(f),
        None => config.format()?,
    };
    let opts = ferry_source::PreprocessOptions {
        copybook_dirs,
        format,
        debugging_lines: config.debugging_lines,
        defines: config.defines(),
    };
    let bytes = std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
    let pre = ferry_source::preprocess_bytes(file, &bytes, &opts);
    let parsed = ferry_syntax::parse_preprocessed(&pre);
    println!("{}", serde_json::to_string_pretty(&parsed.unit)?);
    let mut errors = 0;
    for d in &pre.diagnostics {
        errors += 1;
        eprintln!(
            "{}:{}:{}: error: {}",
            d.file.display(),
            d.line,
            d.column,
            d.message
        );
    }
    for e in &parsed.errors {
        errors += 1;
        let (f, l, c) = estate::locate(&pre.map, Path::new(""), e.span.start);
        eprintln!("{f}:{l}:{c}: error: {}", e.message);
    }
    Ok(if errors > 0 { 2 } else { 0 })
}

pub fn graph(
    common: &Common,
    src: &Path,
    format: GraphFormat,
    output: Option<&Path>,
) -> Result<u8> {
    let progress = Progress::new(common.quiet);
    let estate = estate::scan(src, &scan_options(common, true), &progress)?;
    // With the source, the metrics also see what the AST drops and which copybooks go unused.
    let facts: Vec<ferry_graph::ProgramFacts> = crate::pipeline::program_facts(&estate)
        .into_iter()
        .zip(&estate.programs)
        .map(|(f, p)| f.with_source(&p.program, &p.pre))
        .collect();
    let graph = crate::pipeline::build_graph(&estate, &facts)?;
    let text = match format {
        GraphFormat::Json => graph.to_json(),
        GraphFormat::Dot => graph.to_dot(),
        GraphFormat::Mermaid => graph.to_mermaid(),
        GraphFormat::Html => graph.to_html(),
    };
    match output {
        Some(p) => ferry_translate::write_if_changed(p, text.as_bytes()).map(|_| ())?,
        None => print!("{text}"),
    }
    let errors = print_diagnostics(&estate);
    Ok(if errors > 0 { 2 } else { 0 })
}

pub fn plan(
    common: &Common,
    src: &Path,
    format: ListFormat,
    slice: ferry_graph::Slice,
) -> Result<u8> {
    let progress = if format == ListFormat::Json {
        Progress::hidden()
    } else {
        Progress::new(common.quiet)
    };
    let estate = estate::scan(src, &scan_options(common, true), &progress)?;
    let graph = crate::pipeline::build_graph(&estate, &crate::pipeline::program_facts(&estate))?;
    let plan = crate::pipeline::build_plan(&graph, slice);
    match format {
        ListFormat::Json => println!("{}", serde_json::to_string_pretty(&plan)?),
        ListFormat::Text => print!("{}", plan.to_text()),
    }
    let errors = print_diagnostics(&estate);
    Ok(if errors > 0 { 2 } else { 0 })
}
