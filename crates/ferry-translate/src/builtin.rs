//! The built-in agent: deterministic, offline, rule-based.

use std::collections::BTreeMap;

use crate::naming::crate_name;
use crate::{emit, Agent, Binary, Interface, TranslateError, UnitInput, UnitOutput};

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

/// Formats Rust source with rustfmt (stdin to stdout); the input comes back unchanged when rustfmt is
/// missing or fails.
pub fn rustfmt(code: &str) -> String {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let child = Command::new("rustfmt")
        .args(["--edition", "2021", "--emit", "stdout", "--quiet"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn();
    let Ok(mut child) = child else {
        return code.to_string();
    };
    if let Some(mut stdin) = child.stdin.take() {
        let _ = stdin.write_all(code.as_bytes());
    }
    match child.wait_with_output() {
        Ok(out) if out.status.success() && !out.stdout.is_empty() => {
            String::from_utf8(out.stdout).unwrap_or_else(|_| code.to_string())
        }
        _ => code.to_string(),
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
        let unit_crate = crate_name(&unit.name);
        let single = unit.programs.len() == 1;
        // Programs of this unit call each other through modules of the same crate.
        let mut callees = unit.callees.clone();
        if !single {
            for p in &unit.programs {
                let module = crate_name(&p.program.name);
                callees.insert(
                    p.program.name.clone(),
                    Interface {
                        program: p.program.name.clone(),
                        crate_name: format!("crate::{module}"),
                        params: Vec::new(),
                    },
                );
            }
        }
        let mut out = UnitOutput::default();
        let mut modules = Vec::new();
        for p in &unit.programs {
            let mut g = emit::program(p, &callees, &unit.estate_programs);
            for nested in &p.program.nested {
                let (path, line, column) = (p.locate)(nested.span.start);
                g.untranslated.push(crate::Untranslated {
                    path,
                    line,
                    column,
                    construct: "nested program".into(),
                    message: format!("nested program {} is not translated yet", nested.name),
                });
            }
            let code = if self.rustfmt {
                rustfmt(&g.code)
            } else {
                g.code
            };
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
        out.dependencies.sort();
        out.dependencies.dedup();
        Ok(out)
    }
}
