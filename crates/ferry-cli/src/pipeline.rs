//! The batch pipeline: record, translate, verify, report, and migrate (all of them in a row).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use ferry_translate::{Agent, Builtin, ProgramInput, UnitInput, WorkspaceUnit};
use ferry_verify::{ScenarioResult, ScenarioStatus};

use crate::commands::{print_diagnostics, scan_options};
use crate::estate::{self, Estate};
use crate::progress::Progress;
use crate::state::{
    relative_path, sha256_bytes, sha256_file, FileHash, Journal, JournalEntry, State, UnitRecord,
    UnitState, SCHEMA, VERIFY_FILE,
};
use crate::{Common, ReportFormat, TranslateArgs};

pub const FERRY_VERSION: &str = env!("CARGO_PKG_VERSION");

/// The facts (calls, copybooks, files, metrics) of every program, computed once per run.
pub fn program_facts(estate: &Estate) -> Vec<ferry_graph::ProgramFacts> {
    use rayon::prelude::*;
    let lines: std::collections::HashMap<&str, usize> = estate
        .files
        .iter()
        .rev()
        .map(|f| (f.path.as_str(), f.lines))
        .collect();
    estate
        .programs
        .par_iter()
        .map(|p| {
            let lines = lines.get(p.path.as_str()).copied().unwrap_or(0);
            ferry_graph::ProgramFacts::from_program(
                &p.program,
                Path::new(&p.path),
                &p.pre.copybooks,
            )
            .with_lines(lines)
        })
        .collect()
}

pub fn build_graph(
    estate: &Estate,
    facts: &[ferry_graph::ProgramFacts],
) -> Result<ferry_graph::Graph> {
    let copybooks: Vec<(String, PathBuf)> = estate
        .copybooks
        .iter()
        .map(|(n, p)| (n.clone(), PathBuf::from(p)))
        .collect();
    let read = |path: &str| {
        std::fs::read(estate.root.join(path))
            .map(|b| ferry_source::decode(&b))
            .unwrap_or_default()
    };
    // INCLUDE MEMBER=X finds the JCL file of the tree whose name (without extension) is X.
    let members = |name: &str| {
        estate
            .jcl
            .iter()
            .find(|(stem, _)| stem.eq_ignore_ascii_case(name))
            .map(|(_, path)| (PathBuf::from(path), read(path)))
    };
    let mut jobs = Vec::new();
    for (_, path) in &estate.jcl {
        let (job, _errors) =
            ferry_graph::jcl::parse_jcl_with_includes(&read(path), Path::new(path), &members);
        jobs.push(job);
    }
    Ok(ferry_graph::Graph::build(facts, &copybooks, &jobs))
}

pub fn build_plan(graph: &ferry_graph::Graph, slice: ferry_graph::Slice) -> ferry_graph::Plan {
    let opts = ferry_graph::PlanOptions {
        slice,
        ..ferry_graph::PlanOptions::default()
    };
    ferry_graph::Plan::build(graph, &opts)
}

/// ferry record
pub fn record_cmd(common: &Common, src: &Path, rerecord: bool, into: Option<&Path>) -> Result<u8> {
    let progress = Progress::new(common.quiet);
    let estate = estate::scan(src, &scan_options(common, true), &progress)?;
    if print_diagnostics(&estate) > 0 {
        anyhow::bail!("the sources have errors; nothing recorded");
    }
    let Some(version) = ferry_verify::cobc_version() else {
        anyhow::bail!("GnuCOBOL (cobc) is not installed: cannot record. Install it (Debian: apt-get install gnucobol3) or bring recordings made elsewhere");
    };
    let root = match into {
        Some(dir) => {
            copy_tree(&src.join("scenarios"), &dir.join("scenarios"))?;
            dir.to_path_buf()
        }
        None => src.to_path_buf(),
    };
    let (recorded, kept) = record(&estate, &root, &version, rerecord, &progress)?;
    eprintln!("recorded {recorded} scenario(s) under {version}; {kept} already had a recording");
    Ok(0)
}

/// The source-format flag cobc needs for one executable when ferry.toml sets no source_format:
/// `-free` when ferry reads every source of it as free format (cobc 3.1.2 assumes fixed format and
/// does not take `>>SOURCE FORMAT FREE` written in column 1 then). Sources of both formats in one
/// executable are refused: cobc takes one format for all.
fn format_flags(estate: &Estate, main: &Path, others: &[PathBuf]) -> Result<Vec<String>> {
    use ferry_source::SourceFormat;
    if estate.config.source_format.is_some() {
        return Ok(Vec::new());
    }
    let mut formats = Vec::new();
    for p in std::iter::once(main).chain(others.iter().map(PathBuf::as_path)) {
        let bytes = std::fs::read(p).with_context(|| format!("cannot read {}", p.display()))?;
        formats.push((p, cobc_start_format(&String::from_utf8_lossy(&bytes))));
    }
    let free = formats
        .iter()
        .filter(|(_, f)| *f == SourceFormat::Free)
        .count();
    if free == 0 {
        return Ok(Vec::new());
    }
    if free == formats.len() {
        return Ok(vec!["-free".into()]);
    }
    let list = |want: SourceFormat| {
        formats
            .iter()
            .filter(|(_, f)| *f == want)
            .map(|(p, _)| estate::rel(&estate.root, p))
            .collect::<Vec<_>>()
            .join(", ")
    };
    anyhow::bail!(
        "cobc compiles one executable in one source format, but {} read as free format and {} as fixed; set source_format in ferry.toml or add >>SOURCE FORMAT to the files",
        list(SourceFormat::Free),
        list(SourceFormat::Fixed)
    )
}

/// The format cobc must start a file in: free when its first line is `>>SOURCE FORMAT FREE` (cobc
/// 3.1.2 does not take it in columns 1-7 of fixed format) or when ferry reads it as free format
/// and it has no `>>SOURCE` line (a file that switches later is started in fixed format, as cobc
/// does by default).
fn cobc_start_format(text: &str) -> ferry_source::SourceFormat {
    use ferry_source::SourceFormat;
    let is_source = |l: &str| l.trim_start().to_ascii_uppercase().starts_with(">>SOURCE");
    match text.lines().find(|l| !l.trim().is_empty()) {
        Some(first) if is_source(first) => {
            if first.to_ascii_uppercase().contains("FREE") {
                SourceFormat::Free
            } else {
                SourceFormat::Fixed
            }
        }
        _ if text.lines().any(is_source) => SourceFormat::Fixed,
        _ => ferry_source::detect_format(text),
    }
}

/// Records the scenarios under `scenario_root` (which has a `scenarios/` folder).
fn record(
    estate: &Estate,
    scenario_root: &Path,
    version: &str,
    rerecord: bool,
    progress: &Progress,
) -> Result<(usize, usize)> {
    let scenarios = crate::jobs::discover_with_jcl(scenario_root, &estate.root)?;
    let todo: Vec<_> = scenarios
        .iter()
        .filter(|s| rerecord || !s.has_recording())
        .collect();
    let kept = scenarios.len() - todo.len();
    if todo.is_empty() {
        return Ok((0, kept));
    }
    let graph_calls = run_unit_calls(&program_facts(estate));
    let flags = estate.config.cobc_flags();
    // A second, traced build of each program says which statements each scenario executed.
    let mut traced_flags = flags.clone();
    traced_flags.push(ferry_verify::TRACE_FLAG.to_string());
    let copybook_dirs: Vec<PathBuf> = estate
        .config
        .copybook_dirs
        .iter()
        .map(|d| estate.root.join(d))
        .collect();
    let work = tempfile::tempdir().context("cannot create a temporary directory")?;
    let mut exes: BTreeMap<String, (PathBuf, PathBuf)> = BTreeMap::new();
    // INDEXED files: loaded into and unloaded from GnuCOBOL's format around each run.
    let indexed_tools = ferry_verify::IndexedTools::new()?;
    let bar = progress.bar("record", todo.len() as u64);
    for s in &todo {
        // A multi-step scenario runs several main programs, each with its static CALL closure.
        let programs = s.programs()?;
        let mut sources: Vec<PathBuf> = Vec::new();
        for program in &programs {
            let main = estate.program(program).with_context(|| {
                format!(
                    "scenario {}: no program {} in {}",
                    s.id(),
                    program,
                    estate.root.display()
                )
            })?;
            let main_path = estate.root.join(&main.path);
            let mut others: Vec<PathBuf> = closure(&graph_calls, program)
                .into_iter()
                .filter(|p| p != program)
                .filter_map(|p| estate.program(&p).map(|q| estate.root.join(&q.path)))
                .collect();
            sources.push(main_path.clone());
            sources.extend(others.iter().cloned());
            others.sort();
            others.dedup();
            if exes.contains_key(program) {
                continue;
            }
            let dir = work.path().join(program);
            std::fs::create_dir_all(&dir)?;
            let format = format_flags(estate, &main_path, &others)?;
            let flags: Vec<String> = format.iter().chain(&flags).cloned().collect();
            let traced_flags: Vec<String> = format.iter().chain(&traced_flags).cloned().collect();
            let exe =
                ferry_verify::compile_with_cobc(&main_path, &others, &copybook_dirs, &flags, &dir)?;
            let traced = ferry_verify::compile_with_cobc(
                &main_path,
                &others,
                &copybook_dirs,
                &traced_flags,
                &dir.join("traced"),
            )?;
            exes.insert(program.clone(), (exe, traced));
        }
        // Several programs may live in one file: each file once, in order.
        let mut seen = std::collections::BTreeSet::new();
        sources.retain(|p| seen.insert(p.clone()));
        let meta = ferry_verify::RecordMeta::new(version, &flags, &sources, &estate.root);
        let mut run_programs = programs.clone();
        for program in &programs {
            run_programs.extend(closure(&graph_calls, program));
        }
        let hooks = indexed_tools.hooks(&crate::indexed::indexed_files(estate, &run_programs));
        ferry_verify::record_traced_with(
            s,
            &|p| exes.get(p).map(|e| e.0.clone()),
            &|p| exes.get(p).map(|e| e.1.clone()),
            &meta,
            rerecord,
            ferry_verify::DEFAULT_TIMEOUT,
            &estate.root,
            Some(&hooks),
        )?;
        bar.inc(1);
    }
    bar.finish_and_clear();
    Ok((todo.len(), kept))
}

fn copy_tree(from: &Path, to: &Path) -> Result<()> {
    for entry in walkdir::WalkDir::new(from).sort_by_file_name() {
        let entry = entry?;
        let rel = entry.path().strip_prefix(from).unwrap_or(entry.path());
        let dest = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&dest)?;
        } else {
            std::fs::copy(entry.path(), &dest)
                .with_context(|| format!("cannot copy {}", entry.path().display()))?;
        }
    }
    Ok(())
}

/// Program -> programs it may CALL: its static CALLs, the names its dynamic CALLs can hold, and
/// [`ANY_PROGRAM`] when a dynamic CALL's name is not known. A recording links them (cobc finds a
/// dynamically called program only among those linked into the executable), and a program's
/// scenarios count for the units it may call.
fn run_unit_calls(facts: &[ferry_graph::ProgramFacts]) -> BTreeMap<String, Vec<String>> {
    use ferry_graph::facts::{CallMechanism, Resolution};
    let all: std::collections::BTreeSet<&str> = facts.iter().map(|f| f.name.as_str()).collect();
    facts
        .iter()
        .map(|f| {
            let mut targets = f.static_callees();
            let mut unresolved = false;
            let mut walk = vec![f];
            while let Some(g) = walk.pop() {
                for c in g
                    .calls
                    .iter()
                    .filter(|c| c.mechanism == CallMechanism::Call)
                {
                    match c.resolution {
                        Resolution::Static => {}
                        Resolution::Dynamic => targets.extend(c.targets.iter().cloned()),
                        Resolution::Unresolved => unresolved = true,
                    }
                }
                walk.extend(g.nested.iter());
            }
            targets.retain(|t| all.contains(t.as_str()));
            if unresolved {
                targets.push(ANY_PROGRAM.to_string());
            }
            targets.sort();
            targets.dedup();
            (f.name.clone(), targets)
        })
        .collect()
}

/// In a program's list of calls: a dynamic CALL whose name is not known, which may reach any program.
pub const ANY_PROGRAM: &str = "*";

/// `from` and every program it may reach through `calls` (all of them past an [`ANY_PROGRAM`]).
fn closure(calls: &BTreeMap<String, Vec<String>>, from: &str) -> Vec<String> {
    let mut seen = std::collections::BTreeSet::new();
    let mut stack = vec![from.to_string()];
    while let Some(p) = stack.pop() {
        if p == ANY_PROGRAM {
            seen.extend(calls.keys().cloned());
            break;
        }
        if seen.insert(p.clone()) {
            if let Some(cs) = calls.get(&p) {
                stack.extend(cs.iter().cloned());
            }
        }
    }
    seen.into_iter().collect()
}

/// ferry translate
pub fn translate_cmd(common: &Common, src: &Path, out: &Path, args: &TranslateArgs) -> Result<u8> {
    let started = std::time::Instant::now();
    // Found while the sources are scanned.
    let rustfmt = std::thread::spawn(ferry_translate::locate_rustfmt);
    let progress = Progress::new(common.quiet);
    let estate = estate::scan(src, &scan_options(common, true), &progress)?;
    let scanned = started.elapsed();
    let errors = print_diagnostics(&estate);
    let external = crate::agents::select(&estate, out, args, common)?;
    let (mut state, stats) = translate(&estate, out, args, external.as_ref(), &progress)?;
    if std::env::var_os("FERRY_STATS").is_some_and(|v| v != "0") {
        print_phase_times(&estate, scanned, &stats, started.elapsed());
    }
    if let Some(sel) = &external {
        let a = crate::agents::run(&estate, out, &mut state, sel, common, &progress)?;
        eprintln!("{a}");
    }
    let untranslated = state
        .units
        .iter()
        .filter(|u| u.state != UnitState::Translated && u.state != UnitState::PortedByHand)
        .count();
    eprintln!(
        "translated {} of {} unit(s) into {} ({})",
        state.units.len() - untranslated,
        state.units.len(),
        out.display(),
        stats
    );
    for u in &state.units {
        for t in &u.untranslated {
            eprintln!(
                "{}:{}:{}: untranslated {}: {}",
                t.path, t.line, t.column, t.construct, t.message
            );
        }
    }
    // The process ends here: freeing the ASTs, models and records one by one would take longer
    // than anything the operating system does with them.
    std::mem::forget(estate);
    std::mem::forget(state);
    let _ = rustfmt.join();
    Ok(if errors > 0 {
        2
    } else if untranslated > 0 {
        1
    } else {
        0
    })
}

/// `FERRY_STATS=1`: the time of each phase of a translate run and the throughput in COBOL lines
/// per second, on stderr (figures for `bench/translate-speed.sh`, never part of the output).
fn print_phase_times(
    estate: &Estate,
    scan: std::time::Duration,
    stats: &TranslateStats,
    total: std::time::Duration,
) {
    use ferry_translate::stats::{elapsed, rustfmt_counts, Phase};
    let lines: usize = estate.files.iter().map(|f| f.lines).sum();
    let emit = elapsed(Phase::Emit);
    let format = elapsed(Phase::Format);
    let t = &stats.times;
    let rate = |d: std::time::Duration| lines as f64 / d.as_secs_f64().max(1e-9);
    let rest = total.saturating_sub(scan + t.plan + t.layouts + emit + format + t.write);
    eprintln!("stats: {lines} COBOL lines in {} files", estate.files.len());
    for (name, d) in [
        ("scan (read, COPY, parse, model)", scan),
        ("graph + plan", t.plan),
        ("shared layouts", t.layouts),
        ("translate (emit)", emit),
        ("format (manifests written meanwhile)", format),
        ("write (hash, journal, files, state)", t.write),
        ("other (fingerprints, bookkeeping)", rest),
        ("total", total),
    ] {
        eprintln!(
            "stats: {name:<38} {:>8.3}s {:>12.0} lines/s",
            d.as_secs_f64(),
            rate(d)
        );
    }
    let (runs, fmt_bytes, bytes) = rustfmt_counts();
    let (by_pieces, whole) = ferry_translate::stats::file_counts();
    eprintln!(
        "stats: rustfmt: {runs} process(es), {fmt_bytes} of {bytes} bytes of Rust given to it"
    );
    eprintln!("stats: files formatted piece by piece: {by_pieces}, whole: {whole}");
}

/// Refuses to write into a directory that ferry did not make (unless --force).
fn check_out_dir(out: &Path, force: bool) -> Result<()> {
    let ferrys = out.join(crate::state::STATE_FILE).exists() || Journal::exists(out);
    if out.exists() && !ferrys && !force {
        let non_empty = std::fs::read_dir(out)
            .map(|mut d| d.next().is_some())
            .unwrap_or(false);
        if non_empty {
            anyhow::bail!(
                "{} exists, is not empty and was not written by ferry; refusing to write into it (use --force)",
                out.display()
            );
        }
    }
    Ok(())
}

/// What `translate` did, besides the state it saved.
#[derive(Debug, Default, Clone, Copy)]
pub struct TranslateStats {
    /// Units translated by the agent in this run.
    pub translated: usize,
    /// Units whose fingerprint had not changed: kept as they were.
    pub unchanged: usize,
    /// Units completed by an interrupted run and taken over from its journal.
    pub resumed: usize,
    /// Wall-clock time of some phases (`FERRY_STATS`).
    pub times: PhaseTimes,
}

/// Wall-clock time of the phases of `translate` measured in the pipeline (emit and format are
/// measured by ferry-translate).
#[derive(Debug, Default, Clone, Copy)]
pub struct PhaseTimes {
    pub plan: std::time::Duration,
    pub layouts: std::time::Duration,
    pub write: std::time::Duration,
}

impl std::fmt::Display for TranslateStats {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} translated now, {} unchanged",
            self.translated, self.unchanged
        )?;
        if self.resumed > 0 {
            write!(f, ", {} resumed from an interrupted run", self.resumed)?;
        }
        Ok(())
    }
}

/// Translates the units whose fingerprint changed (all of them with `--force`), in plan order, and
/// writes each unit's crate; a journal makes an interrupted run resumable.
pub fn translate(
    estate: &Estate,
    out: &Path,
    args: &TranslateArgs,
    external: Option<&crate::agents::Selected>,
    progress: &Progress,
) -> Result<(State, TranslateStats)> {
    check_out_dir(out, args.force)?;
    let previous = State::load(out)?;
    std::thread::scope(|scope| {
        // The record layouts of the files the programs write (for field-level diffs) do not
        // depend on the translation: computed and saved meanwhile, before the state.
        let layouts = scope.spawn(|| crate::layouts::save(out, estate));
        translate_units(estate, out, args, external, progress, previous, layouts)
    })
}

fn translate_units(
    estate: &Estate,
    out: &Path,
    args: &TranslateArgs,
    external: Option<&crate::agents::Selected>,
    progress: &Progress,
    previous: Option<State>,
    layouts: std::thread::ScopedJoinHandle<'_, Result<()>>,
) -> Result<(State, TranslateStats)> {
    let mut stats = TranslateStats::default();
    let external_key = external.map(|s| s.fingerprint_key());
    // What an earlier run finished: the saved state, then whatever an interrupted run completed.
    let mut done: BTreeMap<String, UnitRecord> = previous
        .iter()
        .flat_map(|s| s.units.iter())
        .map(|u| (u.name.clone(), u.clone()))
        .collect();
    // Hashes of the files ferry wrote, per path: a file with any other contents was edited by hand.
    let mut ours: BTreeMap<String, std::collections::BTreeSet<String>> = BTreeMap::new();
    let previous_layouts: Vec<UnitRecord> = previous
        .iter()
        .flat_map(|s| s.layouts.iter().cloned())
        .collect();
    for u in done.values().chain(&previous_layouts) {
        for f in &u.outputs {
            if let Some(h) = u.generated_hash(&f.path) {
                ours.entry(f.path.clone())
                    .or_default()
                    .insert(h.to_string());
            }
        }
    }
    let mut resumed_units = std::collections::BTreeSet::new();
    for entry in Journal::read(out) {
        match entry {
            JournalEntry::Intent { files, .. } => {
                for f in files {
                    ours.entry(f.path).or_default().insert(f.sha256);
                }
            }
            JournalEntry::Done(r) => {
                resumed_units.insert(r.name.clone());
                done.insert(r.name.clone(), *r);
            }
        }
    }
    let journal = Journal::open(out)?;
    let stop_after: Option<usize> = std::env::var("FERRY_TEST_KILL_AFTER_UNITS")
        .ok()
        .and_then(|v| v.parse().ok());
    let rules = args
        .rules
        .clone()
        .or_else(|| estate.config.rules.as_ref().map(|r| estate.root.join(r)));
    let templates = ferry_translate::templates::Templates::load(rules.as_deref())?;
    let agent = Builtin::new();
    let planning = std::time::Instant::now();
    let facts = program_facts(estate);
    let graph = build_graph(estate, &facts)?;
    let plan = build_plan(&graph, args.slice);
    stats.times.plan = planning.elapsed();
    let calls = run_unit_calls(&facts);
    let root = &estate.root;
    let source_root = relative_path(out, root).unwrap_or_else(|| root.display().to_string());
    let estate_programs: Vec<String> = estate.programs.iter().map(|p| p.name.clone()).collect();
    let error_files: std::collections::BTreeSet<&str> = estate
        .files
        .iter()
        .filter(|f| {
            f.diagnostics
                .iter()
                .any(|d| d.severity == ferry_source::Severity::Error)
        })
        .map(|f| f.path.as_str())
        .collect();
    let unit_programs: BTreeMap<&str, &[String]> = plan
        .units
        .iter()
        .map(|u| (u.id.as_str(), u.programs()))
        .collect();
    let program_units: Vec<&ferry_graph::PlanUnit> =
        plan.units.iter().filter(|u| u.is_translatable()).collect();
    // Copybooks shared by several programs first: their record layouts become crates of their own.
    let layouts_started = std::time::Instant::now();
    let (layout_records, shared_layouts) =
        translate_layouts(estate, out, &plan, &ours, args.force, &templates, &journal)?;
    stats.times.layouts = layouts_started.elapsed();
    let bar = progress.bar("translate", program_units.len() as u64);
    let mut interfaces: BTreeMap<String, ferry_translate::Interface> = BTreeMap::new();
    let mut records = Vec::new();
    let mut waves: Vec<Vec<&ferry_graph::PlanUnit>> = Vec::new();
    for pu in program_units {
        match waves.last_mut() {
            Some(w) if w[0].wave == pu.wave => w.push(pu),
            _ => waves.push(vec![pu]),
        }
    }
    // Every source file is hashed once (copybooks are shared by many units).
    let file_hashes: std::collections::HashMap<&Path, String> = {
        use rayon::prelude::*;
        let mut files: Vec<&Path> = estate
            .programs
            .iter()
            .flat_map(|p| p.pre.map.files().iter().map(PathBuf::as_path))
            .collect();
        files.sort();
        files.dedup();
        files
            .into_par_iter()
            .filter_map(|f| sha256_file(f).map(|h| (f, h)))
            .collect()
    };
    // Units translated now, to be formatted and written once every wave is translated: the
    // index of the unit's record in `records`, and its output when it is to be written.
    let mut pending: Vec<(usize, Option<ferry_translate::UnitOutput>)> = Vec::new();
    for wave in waves {
        // Units of one wave depend only on earlier waves: they are looked at and translated
        // together, in parallel.
        let prepared: Vec<Prepared<'_>> = {
            use rayon::prelude::*;
            wave.par_iter()
                .map(|pu| {
                    let members: Vec<&estate::ScannedProgram> = pu
                        .programs()
                        .iter()
                        .filter_map(|n| estate.program(n))
                        .collect();
                    let crate_name = ferry_translate::naming::crate_name(&pu.name);
                    let mut sources: Vec<FileHash> = Vec::new();
                    for m in &members {
                        for f in m.pre.map.files() {
                            if let Some(h) = file_hashes.get(f.as_path()) {
                                sources.push(FileHash {
                                    path: estate::rel(root, f),
                                    sha256: h.clone(),
                                });
                            }
                        }
                    }
                    sources.sort_by(|a, b| a.path.cmp(&b.path));
                    sources.dedup();
                    let dynamic = facts.iter().any(|f| {
                        pu.programs().contains(&f.name)
                            && f.calls
                                .iter()
                                .any(|c| c.resolution != ferry_graph::facts::Resolution::Static)
                    });
                    let fp = input_fingerprint(
                        pu,
                        &members,
                        &interfaces,
                        &unit_programs,
                        dynamic.then_some(estate_programs.as_slice()),
                        &templates.hash,
                        &agent,
                        external_key.as_deref(),
                        &layouts_of(pu, &shared_layouts),
                    );
                    let mut record = UnitRecord {
                        name: pu.name.clone(),
                        crate_name: crate_name.clone(),
                        wave: pu.wave,
                        programs: pu.programs().to_vec(),
                        sources,
                        fingerprint: fp.clone(),
                        agent: agent.name().into(),
                        agent_settings: agent.settings(),
                        outputs: Vec::new(),
                        generated: Vec::new(),
                        dependencies: Vec::new(),
                        agent_run: None,
                        coverable: members
                            .iter()
                            .flat_map(|m| crate::coverage::coverables(m, root))
                            .collect(),
                        binaries: Vec::new(),
                        interfaces: Vec::new(),
                        depends_on: pu.depends_on.clone(),
                        untranslated: Vec::new(),
                        exec: Vec::new(),
                        state: UnitState::Translated,
                        detail: None,
                    };
                    let broken: Vec<&str> = members
                        .iter()
                        .map(|m| m.path.as_str())
                        .filter(|p| error_files.contains(p))
                        .collect();
                    if members.len() != pu.programs().len() || !broken.is_empty() {
                        record.state = UnitState::Error;
                        record.detail = Some(if broken.is_empty() {
                            "a program of this unit is missing from the sources".to_string()
                        } else {
                            format!("{} has errors (see `ferry scan`)", broken.join(", "))
                        });
                        return Prepared::Error(record);
                    }
                    // Unchanged since the last run (same fingerprint, files still there): keep it
                    // as it is.
                    if let Some(prev) = done
                        .get(&pu.name)
                        .filter(|p| {
                            !args.force && p.fingerprint == fp && p.crate_name == crate_name
                        })
                        .filter(|p| p.state != UnitState::Error)
                        .filter(|p| p.outputs.iter().all(|f| out.join(&f.path).is_file()))
                    {
                        let mut r = prev.clone();
                        r.wave = pu.wave;
                        r.depends_on = pu.depends_on.clone();
                        r.sources = record.sources;
                        r.coverable = record.coverable;
                        refresh_hand_edits(out, &mut r);
                        let resumed = resumed_units.contains(&r.name);
                        return Prepared::Kept(r, resumed);
                    }
                    Prepared::Todo(record, members)
                })
                .collect()
        };
        let mut todo: Vec<(
            &ferry_graph::PlanUnit,
            UnitRecord,
            Vec<&estate::ScannedProgram>,
        )> = Vec::new();
        let mut kept_interfaces = Vec::new();
        for (pu, prep) in wave.into_iter().zip(prepared) {
            match prep {
                Prepared::Error(record) => {
                    records.push(record);
                    bar.inc(1);
                }
                Prepared::Kept(r, resumed) => {
                    // Known to the next waves only, like a translated unit's interfaces.
                    kept_interfaces.extend(r.interfaces.iter().cloned());
                    if resumed {
                        stats.resumed += 1;
                    } else {
                        stats.unchanged += 1;
                    }
                    records.push(r);
                    bar.inc(1);
                }
                Prepared::Todo(record, members) => todo.push((pu, record, members)),
            }
        }
        let locates: Vec<Vec<Locate<'_>>> = todo
            .iter()
            .map(|(_, _, members)| {
                members
                    .iter()
                    .map(|m| {
                        let m: &estate::ScannedProgram = m;
                        Box::new(move |off: usize| m.locate(root, off))
                            as Box<dyn Fn(usize) -> (String, u32, u32) + Sync>
                    })
                    .collect()
            })
            .collect();
        let inputs: Vec<UnitInput<'_>> = todo
            .iter()
            .zip(&locates)
            .map(|((pu, _, members), ls)| UnitInput {
                name: pu.name.clone(),
                programs: members
                    .iter()
                    .zip(ls)
                    .map(|(m, l)| ProgramInput {
                        program: &m.program,
                        model: &m.model,
                        path: m.path.clone(),
                        locate: l.as_ref(),
                        globals: Vec::new(),
                    })
                    .collect(),
                callees: &interfaces,
                estate_programs: &estate_programs,
                shared_layouts: layouts_of(pu, &shared_layouts),
            })
            .collect();
        // Formatted later, with the other waves' outputs.
        let outputs = agent.emit_many(&inputs);
        drop(inputs);
        for i in kept_interfaces {
            interfaces.insert(i.program.clone(), i);
        }
        for ((pu, mut record, _), output) in todo.into_iter().zip(outputs) {
            let output = output?;
            stats.translated += 1;
            for i in &output.interfaces {
                interfaces.insert(i.program.clone(), i.clone());
            }
            record.interfaces = output.interfaces.clone();
            record.binaries = output.binaries.clone();
            record.dependencies = output.dependencies.clone();
            record.untranslated = output.untranslated.clone();
            record.exec = output.exec.clone();
            // A unit calling a unit that could not be written cannot be built either.
            let blocked: Vec<&UnitRecord> = records
                .iter()
                .filter(|r: &&UnitRecord| {
                    (pu.depends_on.contains(&r.name) || output.dependencies.contains(&r.crate_name))
                        && !matches!(r.state, UnitState::Translated | UnitState::PortedByHand)
                })
                .collect();
            for r in blocked {
                {
                    let at = record
                        .sources
                        .first()
                        .map(|f| f.path.clone())
                        .unwrap_or_default();
                    record.untranslated.push(ferry_translate::Untranslated {
                        path: at,
                        line: 0,
                        column: 0,
                        construct: "dependency".into(),
                        message: format!(
                            "depends on unit {}, which is {} (translate it first)",
                            r.name,
                            match r.state {
                                UnitState::Untranslated => "untranslated",
                                UnitState::Error => "in error",
                                _ => "not written",
                            }
                        ),
                    });
                }
            }
            // An untranslated unit is never written or built as if whole. A unit to be written
            // counts as translated for the next ones (whose files it keeps, if they were edited
            // by hand, makes it ported-by-hand: as good for them).
            let output = if record.untranslated.is_empty() {
                Some(output)
            } else {
                record.state = UnitState::Untranslated;
                None
            };
            pending.push((records.len(), output));
            records.push(record);
        }
    }
    // The directories of the units to write, and the files of their crates that do not go
    // through rustfmt (manifest, batch steps' mains), are written while their Rust is formatted
    // (creating files costs the kernel about as much as formatting costs rustfmt). Not when
    // the run is to be killed after some units.
    let early_units: Vec<(usize, Vec<String>)> = pending
        .iter()
        .filter(|_| stop_after.is_none())
        .filter_map(|(at, output)| {
            let output = output.as_ref()?;
            let dir = format!("units/{}", records[*at].crate_name);
            let mut dirs: Vec<String> = output
                .files
                .keys()
                .chain(output.user_files.keys())
                .filter_map(|p| Path::new(p).parent())
                .map(|p| format!("{dir}/{}", p.display()))
                .collect();
            dirs.sort();
            dirs.dedup();
            Some((*at, dirs))
        })
        .collect();
    let (mut early, writing) = std::thread::scope(|scope| {
        let early = scope.spawn(|| {
            let mut written = BTreeMap::new();
            for (at, dirs) in &early_units {
                let r = &records[*at];
                for d in dirs {
                    let d = out.join(d);
                    std::fs::create_dir_all(&d)
                        .with_context(|| format!("cannot create {}", d.display()))?;
                }
                let frame = ferry_translate::unit_frame_files(
                    &r.name,
                    &r.crate_name,
                    agent.name(),
                    &r.binaries,
                    &r.dependencies,
                    &templates,
                    FERRY_VERSION,
                )?;
                let w = write_files(out, &frame, &ours, args.force, &r.name, &journal)?;
                written.insert(*at, w);
            }
            anyhow::Ok(written)
        });
        // All the Rust of this run formatted at once (rustfmt's processes are shared by every
        // wave).
        agent.format_outputs(pending.iter_mut().filter_map(|(_, o)| o.as_mut()));
        let writing = std::time::Instant::now();
        early
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            .map(|early| (early, writing))
    })?;
    let write = |record: &mut UnitRecord,
                 output: Option<ferry_translate::UnitOutput>,
                 early: Option<Written>| {
        if let Some(mut output) = output {
            let files = match early {
                Some(_) => {
                    let dir = format!("units/{}", record.crate_name);
                    std::mem::take(&mut output.files)
                        .into_iter()
                        .map(|(p, t)| (format!("{dir}/{p}"), t))
                        .collect()
                }
                None => ferry_translate::unit_files(
                    &WorkspaceUnit {
                        unit: record.name.clone(),
                        crate_name: record.crate_name.clone(),
                        agent: agent.name().into(),
                        output: ferry_translate::UnitOutput {
                            files: std::mem::take(&mut output.files),
                            binaries: output.binaries.clone(),
                            dependencies: output.dependencies.clone(),
                            ..Default::default()
                        },
                    },
                    &templates,
                    FERRY_VERSION,
                )?,
            };
            let mut written = early.unwrap_or_default();
            written.add(write_files(
                out,
                &files,
                &ours,
                args.force,
                &record.name,
                &journal,
            )?);
            written.into_record(record);
            write_user_files(out, &record.crate_name, &output)?;
        }
        journal.done(record)?;
        bar.inc(1);
        anyhow::Ok(())
    };
    // The records of the units to write, with their outputs, in plan order.
    let mut to_write: Vec<(
        &mut UnitRecord,
        Option<ferry_translate::UnitOutput>,
        Option<Written>,
    )> = Vec::new();
    let mut next = pending.into_iter().peekable();
    for (k, r) in records.iter_mut().enumerate() {
        if let Some((_, output)) = next.next_if(|(at, _)| *at == k) {
            to_write.push((r, output, early.remove(&k)));
        }
    }
    if let Some(n) = stop_after {
        // Fault injection for the tests: die after N units like a killed process, without saving
        // the state.
        for (k, (record, output, early)) in to_write.into_iter().enumerate() {
            write(record, output, early)?;
            if k + 1 >= n {
                std::process::exit(137);
            }
        }
    } else {
        use rayon::prelude::*;
        to_write
            .into_par_iter()
            .try_for_each(|(record, output, early)| write(record, output, early))?;
    }
    stats.times.write += writing.elapsed();
    bar.finish_and_clear();
    let writing = std::time::Instant::now();
    let buildable: Vec<&str> = layout_records
        .iter()
        .filter(|r| !r.outputs.is_empty())
        .chain(&records)
        .filter(|r| matches!(r.state, UnitState::Translated | UnitState::PortedByHand))
        .map(|r| r.crate_name.as_str())
        .collect();
    std::fs::create_dir_all(out).with_context(|| format!("cannot create {}", out.display()))?;
    {
        use rayon::prelude::*;
        ferry_translate::root_files(&buildable, &templates, &source_root, FERRY_VERSION)?
            .par_iter()
            .try_for_each(|(rel, text)| {
                ferry_translate::write_if_changed(&out.join(rel), text.as_bytes()).map(|_| ())
            })?;
    }
    let state = State {
        schema: SCHEMA.into(),
        ferry_version: FERRY_VERSION.into(),
        source_root,
        units: records,
        layouts: layout_records,
        calls,
    };
    layouts
        .join()
        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))?;
    state.save(out)?;
    journal.finish()?;
    stats.times.write += writing.elapsed();
    Ok((state, stats))
}

/// A unit of a wave, looked at before translating the wave.
enum Prepared<'e> {
    /// In error: not translated.
    Error(UnitRecord),
    /// Unchanged since the last run: kept (`true`: taken over from an interrupted run's journal).
    Kept(UnitRecord, bool),
    /// To translate, with its programs.
    Todo(UnitRecord, Vec<&'e estate::ScannedProgram>),
}

/// The shared record layouts of the copybooks `unit` depends on.
fn layouts_of(
    unit: &ferry_graph::PlanUnit,
    layouts: &[(String, ferry_translate::layouts::SharedLayout)],
) -> Vec<ferry_translate::layouts::SharedLayout> {
    layouts
        .iter()
        .filter(|(id, _)| unit.depends_on.contains(id))
        .map(|(_, l)| l.clone())
        .collect()
}

/// Translates the plan's layout units: a copybook copied by several programs becomes a crate with its
/// record layouts when every program gets the same records from it; otherwise the record says why
/// and the programs keep their own descriptors. Returns the records and (plan unit id, layout).
#[allow(clippy::type_complexity)]
fn translate_layouts(
    estate: &Estate,
    out: &Path,
    plan: &ferry_graph::Plan,
    ours: &BTreeMap<String, std::collections::BTreeSet<String>>,
    force: bool,
    templates: &ferry_translate::templates::Templates,
    journal: &Journal,
) -> Result<(
    Vec<UnitRecord>,
    Vec<(String, ferry_translate::layouts::SharedLayout)>,
)> {
    let root = &estate.root;
    let mut records = Vec::new();
    let mut shared = Vec::new();
    for lu in plan
        .units
        .iter()
        .filter(|u| u.kind == ferry_graph::UnitKind::Layout)
    {
        let Some(path) = lu.sources.first() else {
            continue;
        };
        let users: Vec<&estate::ScannedProgram> = plan
            .units
            .iter()
            .filter(|u| u.depends_on.contains(&lu.id))
            .flat_map(|u| u.programs().iter())
            .filter_map(|n| estate.program(n))
            .collect();
        let locates: Vec<Locate<'_>> = users
            .iter()
            .map(|m| {
                let m: &estate::ScannedProgram = m;
                Box::new(move |off: usize| m.locate(root, off)) as Locate<'_>
            })
            .collect();
        let inputs: Vec<ProgramInput<'_>> = users
            .iter()
            .zip(&locates)
            .map(|(m, l)| ProgramInput {
                program: &m.program,
                model: &m.model,
                path: m.path.clone(),
                locate: l.as_ref(),
                globals: Vec::new(),
            })
            .collect();
        let refs: Vec<&ProgramInput<'_>> = inputs.iter().collect();
        let crate_name = format!("layout_{}", ferry_translate::naming::crate_name(&lu.name));
        let mut record = UnitRecord {
            name: lu.name.clone(),
            crate_name: crate_name.clone(),
            wave: lu.wave,
            programs: Vec::new(),
            sources: sha256_file(&root.join(path))
                .map(|h| FileHash {
                    path: path.clone(),
                    sha256: h,
                })
                .into_iter()
                .collect(),
            fingerprint: String::new(),
            agent: "builtin".into(),
            agent_settings: BTreeMap::new(),
            outputs: Vec::new(),
            generated: Vec::new(),
            dependencies: Vec::new(),
            agent_run: None,
            coverable: Vec::new(),
            binaries: Vec::new(),
            interfaces: Vec::new(),
            depends_on: Vec::new(),
            untranslated: Vec::new(),
            exec: Vec::new(),
            state: UnitState::Translated,
            detail: None,
        };
        match ferry_translate::layouts::shared_layout(&lu.name, path, &refs) {
            Ok(layout) => {
                let source =
                    ferry_translate::rustfmt(&ferry_translate::layouts::layout_source(&layout));
                let unit = WorkspaceUnit {
                    unit: lu.name.clone(),
                    crate_name,
                    agent: "builtin".into(),
                    output: ferry_translate::UnitOutput {
                        files: BTreeMap::from([("src/lib.rs".to_string(), source)]),
                        ..Default::default()
                    },
                };
                let files = ferry_translate::unit_files(&unit, templates, FERRY_VERSION)?;
                write_unit(out, &files, ours, force, &mut record, journal)?;
                record.fingerprint = sha256_bytes(
                    serde_json::to_string(&layout)
                        .unwrap_or_default()
                        .as_bytes(),
                );
                shared.push((lu.id.clone(), layout));
            }
            Err(why) => {
                record.detail = Some(format!(
                    "not shared: {why}; each program keeps its own descriptors"
                ));
            }
        }
        records.push(record);
    }
    Ok((records, shared))
}

/// Writes one unit's files, keeping any file edited by hand since ferry wrote it (unless `force`).
fn write_unit(
    out: &Path,
    files: &[(String, String)],
    ours: &BTreeMap<String, std::collections::BTreeSet<String>>,
    force: bool,
    record: &mut UnitRecord,
    journal: &Journal,
) -> Result<()> {
    write_files(out, files, ours, force, &record.name, journal)?.into_record(record);
    Ok(())
}

/// What writing (some of) a unit's files did.
#[derive(Default)]
struct Written {
    /// The files ferry wrote (or found with the same bytes), with their hashes.
    intent: Vec<FileHash>,
    /// The files kept because they were edited by hand: (path, current hash, generated hash).
    keep: Vec<(String, String, String)>,
}

impl Written {
    fn add(&mut self, more: Written) {
        self.intent.extend(more.intent);
        self.keep.extend(more.keep);
    }

    /// The unit's outputs and hand-edited files, in path order.
    fn into_record(mut self, record: &mut UnitRecord) {
        self.keep.sort();
        record.outputs = self.intent;
        for (path, current, generated) in self.keep {
            record.outputs.push(FileHash {
                path: path.clone(),
                sha256: current,
            });
            record.generated.push(FileHash {
                path,
                sha256: generated,
            });
            record.state = UnitState::PortedByHand;
        }
        record.outputs.sort_by(|a, b| a.path.cmp(&b.path));
    }
}

/// Writes files of `unit` (logged in the journal first), keeping any file edited by hand since
/// ferry wrote it (unless `force`).
fn write_files(
    out: &Path,
    files: &[(String, String)],
    ours: &BTreeMap<String, std::collections::BTreeSet<String>>,
    force: bool,
    unit: &str,
    journal: &Journal,
) -> Result<Written> {
    let mut w = Written::default();
    // The files to write: those whose bytes change.
    let mut changed = std::collections::BTreeSet::new();
    for (rel, text) in files {
        let new = sha256_bytes(text.as_bytes());
        let current = sha256_file(&out.join(rel));
        if current.as_ref() != Some(&new) {
            changed.insert(rel);
        }
        let hand_edited = match (&current, ours.get(rel)) {
            (Some(c), Some(written)) => *c != new && !written.contains(c),
            _ => false,
        };
        if hand_edited && !force {
            // Never clobber a hand-finished file: keep it, and say so.
            w.keep.push((rel.clone(), current.unwrap_or_default(), new));
        } else {
            w.intent.push(FileHash {
                path: rel.clone(),
                sha256: new,
            });
        }
    }
    journal.intent(unit, &w.intent)?;
    for (rel, text) in files {
        if changed.contains(rel) && w.intent.iter().any(|f| &f.path == rel) {
            ferry_translate::write_atomic(&out.join(rel), text.as_bytes())?;
        }
    }
    Ok(w)
}

/// Writes the files the team owns (a program's `binding.rs`) when they do not exist yet; an existing
/// one is never touched, and none is counted among the generated files.
fn write_user_files(
    out: &Path,
    crate_name: &str,
    output: &ferry_translate::UnitOutput,
) -> Result<()> {
    for (rel, text) in &output.user_files {
        let path = out.join("units").join(crate_name).join(rel);
        if !path.exists() {
            ferry_translate::write_if_changed(&path, text.as_bytes())?;
        }
    }
    Ok(())
}

/// Re-reads the hashes of a kept unit's files: an edit since the last run makes it `ported-by-hand`,
/// a file restored to what ferry wrote makes it `translated` again.
fn refresh_hand_edits(out: &Path, r: &mut UnitRecord) {
    if !matches!(r.state, UnitState::Translated | UnitState::PortedByHand) {
        return;
    }
    let mut outputs = Vec::new();
    let mut generated = Vec::new();
    for f in &r.outputs {
        let ours = r.generated_hash(&f.path).unwrap_or_default().to_string();
        let current = sha256_file(&out.join(&f.path)).unwrap_or_default();
        if current != ours {
            generated.push(FileHash {
                path: f.path.clone(),
                sha256: ours,
            });
        }
        outputs.push(FileHash {
            path: f.path.clone(),
            sha256: current,
        });
    }
    r.state = if generated.is_empty() {
        UnitState::Translated
    } else {
        UnitState::PortedByHand
    };
    r.outputs = outputs;
    r.generated = generated;
}

/// Maps a preprocessed offset to (file, line, column) in the original sources.
type Locate<'a> = Box<dyn Fn(usize) -> (String, u32, u32) + Sync + 'a>;

/// The fingerprint of everything a unit's translation depends on, computed before translating it:
/// its sources after COPY, the interfaces of the units it depends on (for a dynamic CALL: of every
/// program translated so far, and the estate's program list), the templates, ferry's version and
/// the agent with its settings.
#[allow(clippy::too_many_arguments)]
fn input_fingerprint(
    unit: &ferry_graph::PlanUnit,
    members: &[&estate::ScannedProgram],
    interfaces: &BTreeMap<String, ferry_translate::Interface>,
    unit_programs: &BTreeMap<&str, &[String]>,
    dynamic_over: Option<&[String]>,
    templates_hash: &str,
    agent: &dyn Agent,
    external: Option<&str>,
    layouts: &[ferry_translate::layouts::SharedLayout],
) -> String {
    let texts: Vec<&str> = members.iter().map(|m| m.text_hash.as_str()).collect();
    let mut deps: Vec<String> = unit
        .depends_on
        .iter()
        .flat_map(|d| unit_programs.get(d.as_str()).copied().unwrap_or_default())
        .filter_map(|p| interfaces.get(p))
        .map(|i| serde_json::to_string(i).unwrap_or_default())
        .collect();
    if let Some(estate) = dynamic_over {
        deps.extend(
            interfaces
                .values()
                .map(|i| serde_json::to_string(i).unwrap_or_default()),
        );
        deps.push(format!("estate:{}", estate.join(",")));
    }
    for l in layouts {
        deps.push(format!(
            "layout:{}",
            serde_json::to_string(l).unwrap_or_default()
        ));
    }
    deps.sort();
    deps.dedup();
    let settings = serde_json::to_string(&agent.settings()).unwrap_or_default();
    let mut extra = vec![
        ("templates", templates_hash),
        ("ferry", FERRY_VERSION),
        ("agent", agent.name()),
        ("settings", settings.as_str()),
    ];
    if let Some(key) = external {
        extra.push(("external-agent", key));
    }
    // The dialect changes layouts and semantics; the default dialect keeps the old fingerprints.
    if members
        .iter()
        .any(|m| m.model.dialect == ferry_model::Dialect::Ibm)
    {
        extra.push(("dialect", "ibm"));
    }
    ferry_graph::fingerprint(unit, &texts, &deps, &extra)
}

/// Results of a verify run, kept in OUT for the report.
#[derive(serde::Serialize, serde::Deserialize)]
pub struct VerifyRun {
    pub build_ok: bool,
    pub build_log: Option<String>,
    pub results: Vec<ScenarioResult>,
}

pub fn verify(
    out: &Path,
    state: &State,
    common: &Common,
    progress: &Progress,
) -> Result<VerifyRun> {
    let src = state.source_dir(out);
    let scenarios = crate::jobs::discover(&src)?;
    let buildable = state
        .units
        .iter()
        .any(|u| matches!(u.state, UnitState::Translated | UnitState::PortedByHand));
    let target = std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from);
    let spinner = progress.spinner("build", "cargo build --release");
    let build_started = std::time::Instant::now();
    let build = if buildable {
        Some(ferry_verify::build_workspace(out, true, target.as_deref()))
    } else {
        None
    };
    spinner.finish_and_clear();
    let build_secs = build_started.elapsed().as_secs_f64();
    let (build_ok, build_log, exe_dir) = match build {
        Some(Ok(b)) => (true, None, Some(b.profile_dir.clone())),
        Some(Err(e)) => (false, Some(format!("{e}")), None),
        None => (
            false,
            Some("no unit was translated; nothing to build".into()),
            None,
        ),
    };
    let mut bins: BTreeMap<String, String> = BTreeMap::new();
    for u in &state.units {
        if matches!(u.state, UnitState::Translated | UnitState::PortedByHand) {
            for b in &u.binaries {
                bins.insert(b.program.clone(), b.name.clone());
            }
        }
    }
    let jobs = common
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(2, |n| n.get()));
    let bar = progress.bar("verify", scenarios.len() as u64);
    let started = std::time::Instant::now();
    let results = ferry_verify::replay_all_with_layouts(
        &scenarios,
        |s| {
            bar.inc(1);
            let dir = exe_dir.as_ref()?;
            let name = bins.get(&s.program)?;
            Some(dir.join(name))
        },
        jobs,
        ferry_verify::DEFAULT_TIMEOUT,
        &crate::layouts::load(out),
    )?;
    bar.finish_and_clear();
    if !common.quiet {
        // Timing goes to the terminal only, never into an artefact.
        let secs = started.elapsed().as_secs_f64();
        eprintln!(
            "verify: build {:.1} s; {} scenario(s) replayed in {:.2} s ({:.1} per second, {} job(s))",
            build_secs,
            results.len(),
            secs,
            results.len() as f64 / secs.max(1e-9),
            jobs
        );
    }
    let run = VerifyRun {
        build_ok,
        build_log,
        results,
    };
    let text = serde_json::to_string_pretty(&run)? + "\n";
    ferry_report::write_atomic(&out.join(VERIFY_FILE), text.as_bytes())?;
    Ok(run)
}

pub fn verify_cmd(common: &Common, out: &Path) -> Result<u8> {
    let progress = Progress::new(common.quiet);
    let state = State::load(out)?.with_context(|| {
        format!(
            "{} has no ferry state: run `ferry translate` first",
            out.display()
        )
    })?;
    let run = verify(out, &state, common, &progress)?;
    print_results(&run);
    let failed = !run.build_ok || run.results.iter().any(|r| r.status != ScenarioStatus::Pass);
    Ok(if failed { 1 } else { 0 })
}

fn print_results(run: &VerifyRun) {
    if let Some(log) = &run.build_log {
        eprintln!("build failed:\n{log}");
    }
    for r in &run.results {
        let status = format!("{:?}", r.status).to_ascii_lowercase();
        eprintln!("{status:>7}  {}/{}", r.program, r.name);
        if r.status != ScenarioStatus::Pass {
            if let Some(d) = &r.detail {
                for line in d.lines() {
                    eprintln!("         {line}");
                }
            }
        }
    }
}

pub fn build_report(
    out: &Path,
    state: &State,
    run: Option<&VerifyRun>,
) -> Result<ferry_report::Report> {
    let mut report = ferry_report::Report::new(FERRY_VERSION, &state.source_root);
    // What each recorded scenario executed of the COBOL (recorded under cobc with tracing).
    let mut recorded: Vec<(Vec<String>, Option<ferry_verify::Coverage>)> = Vec::new();
    for s in crate::jobs::discover(&state.source_dir(out)).unwrap_or_default() {
        if s.has_recording() {
            let programs = s.programs().unwrap_or_else(|_| vec![s.program.clone()]);
            recorded.push((programs, ferry_verify::Coverage::load(&s)?));
        }
    }
    for u in &state.units {
        let status = match u.state {
            UnitState::Error => ferry_report::UnitStatus::Error,
            UnitState::Untranslated => ferry_report::UnitStatus::Untranslated,
            UnitState::PortedByHand => ferry_report::UnitStatus::PortedByHand,
            UnitState::Translated => ferry_report::UnitStatus::Verified,
        };
        let mut unit = ferry_report::Unit::new(&u.name, status);
        unit.exec_blocks = u
            .exec
            .iter()
            .map(|b| ferry_report::ExecBlock {
                kind: b.kind.clone(),
                method: b.method.clone(),
                origin: b.origin.clone(),
            })
            .collect();
        unit.sources = u
            .sources
            .iter()
            .map(|f| ferry_report::FileHash {
                path: f.path.clone(),
                sha256: f.sha256.clone(),
            })
            .collect();
        // The shared layout crates a unit uses are part of what it consists of.
        let layouts = state
            .layouts
            .iter()
            .filter(|l| u.dependencies.contains(&l.crate_name));
        unit.outputs = u
            .outputs
            .iter()
            .chain(layouts.flat_map(|l| l.outputs.iter()))
            .map(|f| ferry_report::FileHash {
                path: f.path.clone(),
                sha256: f.sha256.clone(),
            })
            .collect();
        unit.agent = u.agent.clone();
        unit.agent_settings = u
            .agent_settings
            .iter()
            .map(|(k, v)| (k.clone(), serde_json::Value::String(v.clone())))
            .collect();
        unit.untranslated = u
            .untranslated
            .iter()
            .map(|t| ferry_report::Untranslated {
                path: t.path.clone(),
                line: t.line,
                construct: t.construct.clone(),
                message: t.message.clone(),
            })
            .collect();
        unit.detail = u.detail.clone();
        unit.agent_run = u.agent_run.clone();
        if !u.coverable.is_empty() {
            let callers: Vec<String> = u
                .programs
                .iter()
                .flat_map(|p| state.callers_of(p))
                .collect();
            let mut runs = ferry_verify::Coverage::default();
            let mut without = 0;
            let mut with = 0;
            for (programs, cov) in &recorded {
                if !programs.iter().any(|p| callers.contains(p)) {
                    continue;
                }
                match cov {
                    Some(c) => {
                        runs.merge(c);
                        with += 1;
                    }
                    None => without += 1,
                }
            }
            if with > 0 {
                let mut c = crate::coverage::unit_coverage(&u.coverable, &runs);
                c.scenarios_without_coverage = without;
                unit.coverage = Some(c);
            }
        }
        if let Some(run) = run {
            if let Some(b) = u.binaries.first() {
                unit.binary = Some(format!("target/release/{}", b.name));
            }
            let relevant: Vec<String> = u
                .programs
                .iter()
                .flat_map(|p| state.callers_of(p))
                .collect();
            // A caller that was not translated cannot exercise this unit: its scenarios are listed
            // for the caller, and this unit says why it is unverified instead of claiming an error.
            let runnable = |program: &str| {
                u.programs.iter().any(|p| p == program)
                    || state.units.iter().any(|o| {
                        o.programs.iter().any(|p| p == program)
                            && matches!(o.state, UnitState::Translated | UnitState::PortedByHand)
                    })
            };
            unit.scenarios = run
                .results
                .iter()
                .filter(|r| {
                    // A multi-step scenario exercises every program of its steps, and needs them all.
                    let programs: Vec<&String> = if r.steps.is_empty() {
                        vec![&r.program]
                    } else {
                        r.steps.iter().collect()
                    };
                    programs.iter().any(|p| relevant.contains(p))
                        && programs.iter().all(|p| runnable(p))
                })
                .cloned()
                .collect();
            let blocked: Vec<&str> = relevant
                .iter()
                .filter(|p| !runnable(p))
                .map(|p| p.as_str())
                .collect();
            if unit.scenarios.is_empty()
                && !blocked.is_empty()
                && matches!(u.state, UnitState::Translated)
            {
                unit.detail = Some(format!(
                    "its scenarios run through {}, which could not be translated",
                    blocked.join(", ")
                ));
            }
            if !run.build_ok && matches!(u.state, UnitState::Translated) {
                unit.status = ferry_report::UnitStatus::Error;
                unit.detail = run.build_log.clone();
            }
        } else if matches!(u.state, UnitState::Translated) {
            unit.status = ferry_report::UnitStatus::Unverified;
            unit.detail = Some("not verified yet: run `ferry verify`".into());
        }
        report.units.push(unit);
    }
    let _ = out;
    Ok(report)
}

pub fn report_cmd(_common: &Common, out: &Path, format: ReportFormat, check: bool) -> Result<u8> {
    if check {
        let result = ferry_report::check(out)?;
        println!("{result}");
        return Ok(if result.ok() { 0 } else { 1 });
    }
    let state = State::load(out)?.with_context(|| {
        format!(
            "{} has no ferry state: run `ferry translate` first",
            out.display()
        )
    })?;
    let run: Option<VerifyRun> = match std::fs::read_to_string(out.join(VERIFY_FILE)) {
        Ok(t) => Some(
            serde_json::from_str(&t)
                .context("ferry-verify.json is damaged; run `ferry verify` again")?,
        ),
        Err(_) => None,
    };
    let mut report = build_report(out, &state, run.as_ref())?;
    ferry_report::write_report(out, &mut report)?;
    let text = match format {
        ReportFormat::Json => ferry_report::render_json(&report)?,
        ReportFormat::Md => ferry_report::render_markdown(&report)?,
        ReportFormat::Html => ferry_report::render_html(&report)?,
    };
    print!("{text}");
    Ok(if report.summary.verified == report.summary.units {
        0
    } else {
        1
    })
}

pub fn status_cmd(_common: &Common, out: &Path) -> Result<u8> {
    let state =
        State::load(out)?.with_context(|| format!("{} has no ferry state", out.display()))?;
    let src = state.source_dir(out);
    // The last verify run, when there is one: a unit whose scenarios failed there is failing.
    let run: Option<VerifyRun> = std::fs::read_to_string(out.join(VERIFY_FILE))
        .ok()
        .and_then(|t| serde_json::from_str(&t).ok());
    let stale = |sources: &[FileHash]| -> Vec<String> {
        sources
            .iter()
            .filter(|f| sha256_file(&src.join(&f.path)).as_deref() != Some(f.sha256.as_str()))
            .map(|f| f.path.clone())
            .collect()
    };
    for l in &state.layouts {
        let what = match (&l.detail, stale(&l.sources)) {
            (_, changed) if !changed.is_empty() => {
                format!("stale ({} changed)", changed.join(", "))
            }
            (Some(d), _) => d.clone(),
            (None, _) => format!("shared as {}", l.crate_name),
        };
        println!("{:<24} layout   {what}", l.name);
    }
    for u in &state.units {
        let stale_sources = stale(&u.sources);
        let edited = u
            .outputs
            .iter()
            .any(|f| sha256_file(&out.join(&f.path)).as_deref() != Some(f.sha256.as_str()));
        let failing: Vec<String> = run
            .iter()
            .flat_map(|r| r.results.iter())
            .filter(|r| r.status != ScenarioStatus::Pass)
            .filter(|r| {
                let programs = if r.steps.is_empty() {
                    std::slice::from_ref(&r.program)
                } else {
                    r.steps.as_slice()
                };
                u.programs
                    .iter()
                    .any(|p| programs.iter().any(|q| state.callers_of(p).contains(q)))
            })
            .map(|r| format!("{}/{}", r.program, r.name))
            .collect();
        let mut what = if !stale_sources.is_empty() {
            format!("stale ({} changed)", stale_sources.join(", "))
        } else if edited || u.state == UnitState::PortedByHand {
            "hand-edited".to_string()
        } else {
            match u.state {
                UnitState::Translated => "done".into(),
                UnitState::Untranslated => {
                    format!("untranslated ({} construct(s))", u.untranslated.len())
                }
                UnitState::Error => format!("error: {}", u.detail.clone().unwrap_or_default()),
                UnitState::PortedByHand => "hand-edited".into(),
            }
        };
        if !failing.is_empty() {
            what = format!("{what}, failing ({})", failing.join(", "));
        }
        if !u.exec.is_empty() {
            what = format!(
                "{what}, needs a binding ({} EXEC block(s), see binding.rs)",
                u.exec.len()
            );
        }
        if let Some(a) = &u.agent_run {
            what = format!(
                "{what} [{} {}: {}, {} attempt(s)]",
                a.agent, a.model, a.outcome, a.attempts
            );
        }
        println!("{:<24} wave {:<3} {what}", u.name, u.wave);
    }
    Ok(0)
}

/// ferry migrate: the main job.
pub fn migrate_cmd(
    common: &Common,
    src: &Path,
    out: &Path,
    args: &TranslateArgs,
    record_missing: bool,
) -> Result<u8> {
    let progress = Progress::new(common.quiet);
    let estate = estate::scan(src, &scan_options(common, true), &progress)?;
    let errors = print_diagnostics(&estate);
    if errors > 0 {
        eprintln!(
            "{errors} error(s) in the sources; units that contain them are reported as `error`"
        );
    }
    let scenarios = crate::jobs::discover(src)?;
    let missing = scenarios.iter().filter(|s| !s.has_recording()).count();
    if missing > 0 && !record_missing {
        eprintln!("{missing} scenario(s) have no recording (--no-record): they will fail");
    } else if missing > 0 {
        match ferry_verify::cobc_version() {
            Some(v) => {
                record(&estate, src, &v, false, &progress)?;
            }
            None => eprintln!("{missing} scenario(s) have no recording and GnuCOBOL (cobc) is not installed: they will fail"),
        }
    }
    let external = crate::agents::select(&estate, out, args, common)?;
    let (mut state, stats) = translate(&estate, out, args, external.as_ref(), &progress)?;
    if !common.quiet {
        eprintln!("translate: {stats}");
    }
    if let Some(sel) = &external {
        let a = crate::agents::run(&estate, out, &mut state, sel, common, &progress)?;
        if !common.quiet {
            eprintln!("{a}");
        }
    }
    let run = verify(out, &state, common, &progress)?;
    let mut report = build_report(out, &state, Some(&run))?;
    ferry_report::write_report(out, &mut report)?;
    let s = &report.summary;
    println!(
        "{} unit(s): {} verified, {} mismatch, {} untranslated, {} unverified, {} error, {} ported by hand; {}/{} scenarios passed",
        s.units, s.verified, s.mismatch, s.untranslated, s.unverified, s.error, s.ported_by_hand, s.scenarios_passed, s.scenarios
    );
    for u in &report.units {
        println!(
            "  {:<20} {}",
            u.name,
            serde_json::to_value(u.status)?.as_str().unwrap_or("")
        );
        for sc in &u.scenarios {
            if sc.status != ScenarioStatus::Pass {
                println!(
                    "      {} {}: {}",
                    sc.program,
                    sc.name,
                    serde_json::to_value(sc.status)?.as_str().unwrap_or("")
                );
                if let Some(d) = &sc.detail {
                    for line in d.lines().take(40) {
                        println!("        {line}");
                    }
                }
            }
        }
        for t in &u.untranslated {
            println!(
                "      {}:{}: {} — {}",
                t.path, t.line, t.construct, t.message
            );
        }
    }
    println!("report: {}", out.join(ferry_report::REPORT_HTML).display());
    Ok(if s.verified == s.units && s.units > 0 {
        0
    } else if errors > 0 {
        2
    } else {
        1
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use ferry_source::SourceFormat;

    /// cobc 3.1.2 starts every file in fixed format and takes `>>SOURCE FORMAT FREE` in column 1
    /// only with -free; a file that switches later is left to cobc.
    #[test]
    fn the_format_cobc_starts_in() {
        let free_first = ">>SOURCE FORMAT FREE\nidentification division.\nprogram-id. x.\n";
        assert_eq!(cobc_start_format(free_first), SourceFormat::Free);
        let switches = "000100 IDENTIFICATION DIVISION.\n000200 PROGRAM-ID. X.\n       >>SOURCE FORMAT FREE\ndisplay \"x\".\n";
        assert_eq!(cobc_start_format(switches), SourceFormat::Fixed);
        let free_no_directive =
            "identification division.\nprogram-id. x.\nprocedure division.\n  display \"x\".\n";
        assert_eq!(cobc_start_format(free_no_directive), SourceFormat::Free);
        let fixed = "       IDENTIFICATION DIVISION.\n       PROGRAM-ID. X.\n";
        assert_eq!(cobc_start_format(fixed), SourceFormat::Fixed);
    }

    /// A dynamic CALL of a name not known before the run reaches every program.
    #[test]
    fn closure_past_an_unknown_dynamic_call() {
        let calls: BTreeMap<String, Vec<String>> = [
            ("MAIN".to_string(), vec!["DISP".to_string()]),
            ("DISP".to_string(), vec![ANY_PROGRAM.to_string()]),
            ("A".to_string(), vec![]),
            ("B".to_string(), vec![]),
        ]
        .into_iter()
        .collect();
        assert_eq!(closure(&calls, "MAIN"), ["A", "B", "DISP", "MAIN"]);
        assert_eq!(closure(&calls, "A"), ["A"]);
    }
}
