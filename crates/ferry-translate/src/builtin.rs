//! The built-in agent: deterministic, offline, rule-based.

use std::collections::BTreeMap;

use crate::naming::crate_name;
use crate::{emit, Agent, Binary, Interface, ProgramInput, TranslateError, UnitInput, UnitOutput};

/// The built-in translator. Same input, same bytes.
#[derive(Debug, Default, Clone)]
pub struct Builtin {
    /// Run generated code through rustfmt when it is installed.
    pub rustfmt: bool,
}

impl Builtin {
    pub fn new() -> Self {
        Self { rustfmt: true }
    }
}

/// The rustfmt binary, resolved once: the toolchain's own binary (`rustup which rustfmt`) rather
/// than the rustup proxy, which costs a process and a toolchain lookup per run; `rustfmt` on the
/// PATH when rustup is not there.
fn rustfmt_binary() -> &'static std::ffi::OsStr {
    static BIN: std::sync::OnceLock<std::ffi::OsString> = std::sync::OnceLock::new();
    BIN.get_or_init(|| {
        std::process::Command::new("rustup")
            .args(["which", "rustfmt"])
            .stdin(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .output()
            .ok()
            .filter(|o| o.status.success())
            .and_then(|o| String::from_utf8(o.stdout).ok())
            .map(|s| std::path::PathBuf::from(s.trim()))
            .filter(|p| p.is_file())
            .map(|p| p.into_os_string())
            .unwrap_or_else(|| "rustfmt".into())
    })
}

/// Finds the rustfmt binary now (it takes a `rustup` process): a caller can do it on a thread of
/// its own while it does something else, before formatting asks for it.
pub fn locate_rustfmt() {
    rustfmt_binary();
}

/// Formats Rust source with rustfmt (stdin to stdout); the input comes back unchanged when rustfmt is
/// missing or fails.
pub fn rustfmt(code: &str) -> String {
    rustfmt_checked(code).unwrap_or_else(|| code.to_string())
}

/// Formats Rust source with rustfmt (stdin to stdout); `None` when rustfmt is missing or fails.
pub(crate) fn rustfmt_checked(code: &str) -> Option<String> {
    use std::io::Write;
    use std::process::{Command, Stdio};
    crate::stats::count_rustfmt(code.len());
    let child = Command::new(rustfmt_binary())
        .args(["--edition", "2021", "--emit", "stdout", "--quiet"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn();
    let mut child = child.ok()?;
    // Written from another thread: rustfmt may fill its stdout pipe before reading all its input.
    let stdin = child.stdin.take();
    let input = code.as_bytes().to_vec();
    let writer = std::thread::spawn(move || {
        if let Some(mut stdin) = stdin {
            let _ = stdin.write_all(&input);
        }
    });
    let out = child.wait_with_output().ok();
    let _ = writer.join();
    match out {
        Some(out) if out.status.success() && !out.stdout.is_empty() => {
            String::from_utf8(out.stdout).ok()
        }
        _ => None,
    }
}

/// Formats many generated Rust sources, with the same bytes as [`rustfmt_many_whole`]: the lines
/// rustfmt would leave as they are are kept, only the others go to rustfmt (see `fmt.rs`).
/// `FERRY_FMT_CHECK=1` formats every file both ways and panics on a difference.
pub fn rustfmt_many(texts: &mut [&mut String]) {
    let check = std::env::var_os("FERRY_FMT_CHECK").is_some_and(|v| v != "0");
    let originals: Vec<String> = if check {
        texts.iter().map(|t| t.to_string()).collect()
    } else {
        Vec::new()
    };
    crate::fmt::format_many(texts, rustfmt_many_whole);
    if check {
        let mut whole = originals.clone();
        let mut refs: Vec<&mut String> = whole.iter_mut().collect();
        rustfmt_many_whole(&mut refs);
        for ((raw, fast), full) in originals.iter().zip(texts.iter()).zip(&whole) {
            assert!(
                **fast == *full,
                "FERRY_FMT_CHECK: formatting differs from rustfmt on the whole file\n--- input\n{raw}\n--- rustfmt\n{full}\n--- ferry\n{fast}"
            );
        }
    }
}

/// Formats many Rust sources whole with as few rustfmt runs as possible: they are written to a
/// temporary directory and formatted in place, a few hundred files per run. A batch that rustfmt
/// rejects is formatted file by file, so that one bad file leaves only itself unformatted.
pub fn rustfmt_many_whole(texts: &mut [&mut String]) {
    use rayon::prelude::*;
    use std::process::{Command, Stdio};
    if texts.is_empty() {
        return;
    }
    let Ok(dir) = tempfile::tempdir() else {
        for t in texts.iter_mut() {
            **t = rustfmt(t);
        }
        return;
    };
    // rustfmt formats one file after the other: one run per core, at most 256 files per run.
    let runs = rayon::current_num_threads().max(1);
    let batch = texts.len().div_ceil(runs).clamp(1, 256);
    texts
        .par_chunks_mut(batch)
        .enumerate()
        .for_each(|(b, chunk)| {
            let paths: Vec<std::path::PathBuf> = (0..chunk.len())
                .map(|i| dir.path().join(format!("b{b}_{i}.rs")))
                .collect();
            let written = chunk
                .iter()
                .zip(&paths)
                .all(|(t, p)| std::fs::write(p, t.as_bytes()).is_ok());
            crate::stats::count_rustfmt(chunk.iter().map(|t| t.len()).sum());
            let ok = written
                && Command::new(rustfmt_binary())
                    .args(["--edition", "2021", "--quiet"])
                    .args(&paths)
                    .stdin(Stdio::null())
                    .stdout(Stdio::null())
                    .stderr(Stdio::null())
                    .status()
                    .is_ok_and(|s| s.success());
            for (t, p) in chunk.iter_mut().zip(&paths) {
                match std::fs::read_to_string(p) {
                    Ok(f) if ok => **t = f,
                    _ => **t = rustfmt(t),
                }
            }
        });
}

/// The level-01 GLOBAL items of a program's WORKING-STORAGE.
fn own_globals(p: &ferry_syntax::ast::Program) -> Vec<ferry_syntax::ast::DataItem> {
    p.data
        .working_storage
        .iter()
        .filter(|d| d.global && d.level == 1)
        .cloned()
        .collect()
}

fn nested_interface(
    n: &ferry_syntax::ast::Program,
    globals: &[ferry_syntax::ast::DataItem],
) -> Interface {
    Interface {
        program: n.name.clone(),
        crate_name: format!("crate::nested_{}", crate_name(&n.name)),
        params: Vec::new(),
        globals: globals.iter().filter_map(|d| d.name.clone()).collect(),
    }
}

impl Builtin {
    /// Translates the programs nested in `outer` (recursively) as modules `nested_<name>` of the
    /// same crate. Each sees the GLOBAL items of its containing programs: their descriptions are
    /// put in front of its own WORKING-STORAGE and their bytes travel with every CALL.
    fn nested(
        &self,
        outer: &ProgramInput<'_>,
        globals: &[ferry_syntax::ast::DataItem],
        callees: &BTreeMap<String, Interface>,
        estate: &[String],
        out: &mut UnitOutput,
        modules: &mut Vec<String>,
    ) {
        for n in &outer.program.nested {
            let mut program = n.clone();
            let own = std::mem::take(&mut program.data.working_storage);
            program.data.working_storage = globals.iter().cloned().chain(own).collect();
            let model = ferry_model::build_dialect(&program, outer.model.dialect);
            let child_globals: Vec<_> = globals.iter().cloned().chain(own_globals(n)).collect();
            let mut callees_n = callees.clone();
            for c in &n.nested {
                callees_n.insert(c.name.clone(), nested_interface(c, &child_globals));
            }
            let input = ProgramInput {
                program: &program,
                model: &model,
                path: outer.path.clone(),
                locate: outer.locate,
                globals: globals.iter().filter_map(|d| d.name.clone()).collect(),
            };
            let g = emit::program(&input, &callees_n, estate, &[]);
            let module = format!("nested_{}", crate_name(&n.name));
            let code = g.code;
            out.files.insert(format!("src/{module}.rs"), code);
            if let Some(b) = g.binding {
                out.user_files.insert(format!("src/{module}/binding.rs"), b);
            }
            out.exec.extend(g.exec);
            modules.push(module);
            out.dependencies.extend(
                g.callees_used
                    .into_iter()
                    .filter(|c| !c.starts_with("crate::")),
            );
            out.untranslated.extend(g.untranslated);
            self.nested(&input, &child_globals, &callees_n, estate, out, modules);
        }
    }
}

impl Agent for Builtin {
    fn name(&self) -> &str {
        "builtin"
    }

    fn settings(&self) -> BTreeMap<String, String> {
        BTreeMap::from([("rustfmt".to_string(), self.rustfmt.to_string())])
    }

    fn translate(&self, unit: &UnitInput<'_>) -> Result<UnitOutput, TranslateError> {
        let mut out = self.translate_raw(unit)?;
        if self.rustfmt {
            for (path, text) in out.files.iter_mut() {
                if path.ends_with(".rs") {
                    *text = rustfmt(text);
                }
            }
        }
        Ok(out)
    }

    /// Translates the units in parallel, then formats all their Rust files with one rustfmt run
    /// (one process per file costs more than the translation itself).
    fn translate_many(&self, units: &[UnitInput<'_>]) -> Vec<Result<UnitOutput, TranslateError>> {
        let mut outs = self.emit_many(units);
        self.format_outputs(outs.iter_mut().filter_map(|o| o.as_mut().ok()));
        outs
    }
}

impl Builtin {
    /// Translates the units in parallel, without formatting their Rust ([`Self::format_outputs`]
    /// does that, for the outputs of several calls at once if need be).
    pub fn emit_many(&self, units: &[UnitInput<'_>]) -> Vec<Result<UnitOutput, TranslateError>> {
        use rayon::prelude::*;
        crate::stats::time(crate::stats::Phase::Emit, || {
            units.par_iter().map(|u| self.translate_raw(u)).collect()
        })
    }

    /// Formats the Rust files of outputs of [`Self::emit_many`] (with rustfmt's bytes, see
    /// [`rustfmt_many`]), all of them together; nothing when `rustfmt` is off.
    pub fn format_outputs<'o>(&self, outs: impl IntoIterator<Item = &'o mut UnitOutput>) {
        if !self.rustfmt {
            return;
        }
        let started = std::time::Instant::now();
        let mut texts: Vec<&mut String> = outs
            .into_iter()
            .flat_map(|o| o.files.iter_mut())
            .filter(|(p, _)| p.ends_with(".rs"))
            .map(|(_, t)| t)
            .collect();
        crate::stats::count_formatted(texts.iter().map(|t| t.len()).sum());
        rustfmt_many(&mut texts);
        crate::stats::add(crate::stats::Phase::Format, started.elapsed());
    }
}

impl Builtin {
    fn translate_raw(&self, unit: &UnitInput<'_>) -> Result<UnitOutput, TranslateError> {
        let unit_crate = crate_name(&unit.name);
        let single = unit.programs.len() == 1;
        // Programs of this unit call each other through modules of the same crate.
        let mut callees = std::borrow::Cow::Borrowed(unit.callees);
        if !single {
            let callees = callees.to_mut();
            for p in &unit.programs {
                let module = crate_name(&p.program.name);
                callees.insert(
                    p.program.name.clone(),
                    Interface {
                        program: p.program.name.clone(),
                        crate_name: format!("crate::{module}"),
                        params: Vec::new(),
                        globals: Vec::new(),
                    },
                );
            }
        }
        let mut out = UnitOutput::default();
        let mut modules = Vec::new();
        let mut nested_modules = Vec::new();
        for p in &unit.programs {
            // Programs it contains are called through modules of this crate.
            let child_globals = own_globals(p.program);
            let mut callees = std::borrow::Cow::Borrowed(&*callees);
            for n in &p.program.nested {
                callees
                    .to_mut()
                    .insert(n.name.clone(), nested_interface(n, &child_globals));
            }
            let g = emit::program(p, &callees, unit.estate_programs, &unit.shared_layouts);
            self.nested(
                p,
                &child_globals,
                &callees,
                unit.estate_programs,
                &mut out,
                &mut nested_modules,
            );
            let code = g.code;
            let module = crate_name(&p.program.name);
            let entry = if single {
                format!("{unit_crate}::main_entry")
            } else {
                format!("{unit_crate}::{module}::main_entry")
            };
            if single {
                out.files.insert("src/lib.rs".into(), code);
            } else {
                out.files.insert(format!("src/{module}.rs"), code);
                modules.push(module.clone());
            }
            if let Some(b) = g.binding {
                let path = if single {
                    "src/binding.rs".to_string()
                } else {
                    format!("src/{module}/binding.rs")
                };
                out.user_files.insert(path, b);
            }
            out.exec.extend(g.exec);
            let mut interface = g.interface;
            interface.crate_name = if single {
                unit_crate.clone()
            } else {
                format!("{unit_crate}::{module}")
            };
            out.interfaces.push(interface);
            out.dependencies.extend(
                g.callees_used
                    .into_iter()
                    .filter(|c| !c.starts_with("crate::")),
            );
            let is_main = p
                .program
                .procedure
                .as_ref()
                .is_none_or(|proc| proc.using.is_empty());
            if is_main {
                out.binaries.push(Binary {
                    program: p.program.name.clone(),
                    name: module.clone(),
                    entry,
                });
            }
            out.untranslated.extend(g.untranslated);
        }
        if !single {
            let mut lib = format!(
                "//! Unit {}: programs that call each other, translated together.\n\n",
                unit.name
            );
            for m in &modules {
                lib.push_str(&format!("pub mod {m};\n"));
            }
            out.files.insert("src/lib.rs".into(), lib);
        }
        if let Some(lib) = out.files.get_mut("src/lib.rs") {
            for m in &nested_modules {
                lib.push_str(&format!(
                    "\n/// A program nested in this one.\npub mod {m};\n"
                ));
            }
        }
        out.dependencies.sort();
        out.dependencies.dedup();
        Ok(out)
    }
}
