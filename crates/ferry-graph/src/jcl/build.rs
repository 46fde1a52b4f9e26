//! From statements (read by `syntax.rs` from the tree-sitter tree) to the job model: INCLUDE
//! expansion, JOB, SET, EXEC (programs and procedures), DD (with concatenation, `PROCSTEP.DD`
//! overrides and `*.STEP.DD` referbacks), in-stream PROC/PEND expansion and IF/THEN/ELSE/ENDIF.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use ferry_source::{Diagnostic, Severity};

use super::operands::{substitute, unquote, Params};
use super::syntax::{read, Issue, Stmt};
use super::{Dd, JclJob, JclNode, JclStep, Members};

/// EXEC keywords that are not symbolic parameter overrides of a procedure.
const EXEC_KEYWORDS: &[&str] = &[
    "PGM", "PROC", "COND", "PARM", "PARMDD", "REGION", "REGIONX", "TIME", "ACCT", "ADDRSPC",
    "DPRTY", "DYNAMNBR", "PERFORM", "RD", "CCSID", "MEMLIMIT", "TVSMSG", "TVSAMCOM",
];

/// INCLUDE members within INCLUDE members, at most.
const MAX_INCLUDE_DEPTH: usize = 16;

struct Proc {
    defaults: BTreeMap<String, String>,
    stmts: Vec<Stmt>,
}

struct Frame {
    condition: String,
    then: Vec<JclNode>,
    otherwise: Vec<JclNode>,
    in_else: bool,
    line: u32,
}

struct Builder<'p> {
    path: &'p Path,
    job: JclJob,
    diags: Vec<Diagnostic>,
    symbols: BTreeMap<String, String>,
    procs: BTreeMap<String, Proc>,
    /// Steps created by the last EXEC (one, or the steps of an expanded procedure).
    last_exec: std::ops::Range<usize>,
    stack: Vec<Frame>,
}

fn symbol_map(params: &Params) -> BTreeMap<String, String> {
    params
        .keywords
        .iter()
        .map(|(k, v)| (k.clone(), unquote(v)))
        .collect()
}

/// `DISP=(,CATLG)` -> `NEW,CATLG`; `SHR` -> `SHR`.
fn normalise_disp(v: &str) -> String {
    let inner = v.trim().trim_start_matches('(').trim_end_matches(')');
    let mut parts: Vec<String> = inner
        .split(',')
        .map(|p| p.trim().to_ascii_uppercase())
        .collect();
    if parts.first().is_some_and(|p| p.is_empty()) {
        parts[0] = "NEW".to_string();
    }
    while parts.len() > 1 && parts.last().is_some_and(|p| p.is_empty()) {
        parts.pop();
    }
    parts.join(",")
}

fn diagnostic(file: &Path, issue: Issue) -> Diagnostic {
    Diagnostic {
        severity: issue.severity,
        file: file.to_path_buf(),
        line: issue.line,
        column: issue.column,
        message: issue.message,
    }
}

/// Puts after each INCLUDE whose member `members` finds the member's statements (their own INCLUDEs
/// expanded too, up to [`MAX_INCLUDE_DEPTH`], never a member within itself). The INCLUDE statement
/// stays, marked `include_done`.
fn expand_includes(
    stmts: Vec<Stmt>,
    members: Members,
    stack: &mut Vec<String>,
    diags: &mut Vec<Diagnostic>,
    path: &Path,
) -> Vec<Stmt> {
    let mut out = Vec::with_capacity(stmts.len());
    for mut stmt in stmts {
        let member = (stmt.op == "INCLUDE")
            .then(|| {
                stmt.params
                    .get("MEMBER")
                    .map(|m| unquote(m).to_ascii_uppercase())
            })
            .flatten();
        let Some(member) = member else {
            out.push(stmt);
            continue;
        };
        let file = stmt.file.as_deref().map_or(path, |p| p.as_path());
        if stack.contains(&member) || stack.len() >= MAX_INCLUDE_DEPTH {
            diags.push(Diagnostic {
                severity: Severity::Warning,
                file: file.to_path_buf(),
                line: stmt.line,
                column: stmt.column,
                message: if stack.contains(&member) {
                    format!("INCLUDE MEMBER={member} within itself; not expanded")
                } else {
                    format!("INCLUDE MEMBER={member} nested more than {MAX_INCLUDE_DEPTH} deep; not expanded")
                },
            });
            stmt.include_done = true;
            out.push(stmt);
            continue;
        }
        let Some((member_path, text)) = members(&member) else {
            out.push(stmt);
            continue;
        };
        let (inner, issues) = read(&text);
        diags.extend(issues.into_iter().map(|i| diagnostic(&member_path, i)));
        let member_path = Rc::new(member_path);
        let inner = inner
            .into_iter()
            .map(|mut s| {
                s.file = Some(member_path.clone());
                s
            })
            .collect();
        stack.push(member);
        let inner = expand_includes(inner, members, stack, diags, path);
        stack.pop();
        stmt.include_done = true;
        out.push(stmt);
        out.extend(inner);
    }
    out
}

impl<'p> Builder<'p> {
    fn diag(&mut self, severity: Severity, stmt: &Stmt, message: String) {
        self.diags.push(Diagnostic {
            severity,
            file: stmt
                .file
                .as_deref()
                .map_or_else(|| self.path.to_path_buf(), PathBuf::clone),
            line: stmt.line,
            column: stmt.column,
            message,
        });
    }

    /// The statement's parameters with `symbols` substituted in every value.
    fn subst(&mut self, stmt: &Stmt, symbols: &BTreeMap<String, String>) -> Params {
        let mut missing = Vec::new();
        let params = stmt.params.map_values(|v| {
            let (out, m) = substitute(v, symbols);
            missing.extend(m);
            out
        });
        for m in missing {
            self.diag(
                Severity::Warning,
                stmt,
                format!("symbolic parameter &{m} has no value"),
            );
        }
        params
    }

    fn push_node(&mut self, node: JclNode) {
        match self.stack.last_mut() {
            Some(f) if f.in_else => f.otherwise.push(node),
            Some(f) => f.then.push(node),
            None => self.job.structure.push(node),
        }
    }

    fn push_step(&mut self, step: JclStep) {
        let idx = self.job.steps.len();
        self.job.steps.push(step);
        self.push_node(JclNode::Step(idx));
    }

    fn stmt(&mut self, stmt: &Stmt) {
        match stmt.op.as_str() {
            "JOB" => {
                if let Some(n) = &stmt.name {
                    self.job.name = n.clone();
                }
            }
            "SET" => {
                let params = self.subst(stmt, &self.symbols.clone());
                self.symbols.extend(symbol_map(&params));
            }
            "EXEC" => self.exec(stmt),
            "DD" => {
                let symbols = self.symbols.clone();
                self.dd(stmt, &symbols);
            }
            "IF" => self.stack.push(Frame {
                condition: stmt.condition.clone().unwrap_or_default(),
                then: Vec::new(),
                otherwise: Vec::new(),
                in_else: false,
                line: stmt.line,
            }),
            "ELSE" => match self.stack.last_mut() {
                Some(f) if !f.in_else => f.in_else = true,
                Some(_) => self.diag(Severity::Warning, stmt, "second ELSE for one IF".into()),
                None => self.diag(Severity::Warning, stmt, "ELSE without IF".into()),
            },
            "ENDIF" => match self.stack.pop() {
                Some(f) => self.push_node(JclNode::If {
                    condition: f.condition,
                    then: f.then,
                    otherwise: f.otherwise,
                }),
                None => self.diag(Severity::Warning, stmt, "ENDIF without IF".into()),
            },
            "INCLUDE" => {
                let member = stmt
                    .params
                    .get("MEMBER")
                    .map(|m| unquote(m).to_ascii_uppercase());
                match member {
                    Some(m) => {
                        if !stmt.include_done {
                            self.diag(
                                Severity::Note,
                                stmt,
                                format!(
                                    "INCLUDE MEMBER={m} is not expanded (member not available)"
                                ),
                            );
                        }
                        self.job.includes.push(m);
                    }
                    None => self.diag(Severity::Error, stmt, "INCLUDE without MEMBER=".into()),
                }
            }
            _ => {}
        }
    }

    fn exec(&mut self, stmt: &Stmt) {
        let params = self.subst(stmt, &self.symbols.clone());
        let step_name = stmt.name.clone().unwrap_or_default();
        let program = params.get("PGM").map(|p| p.to_ascii_uppercase());
        let proc = params
            .get("PROC")
            .map(str::to_string)
            .or_else(|| {
                if program.is_none() {
                    params.positional.first().cloned()
                } else {
                    None
                }
            })
            .map(|p| p.trim().to_ascii_uppercase())
            .filter(|p| !p.is_empty());
        let start = self.job.steps.len();
        match (&program, &proc) {
            (Some(pgm), _) => self.push_step(JclStep {
                name: step_name,
                program: Some(pgm.clone()),
                proc: None,
                dds: Vec::new(),
                cond: params.get("COND").map(str::to_string),
                parm: params.get("PARM").map(unquote),
                line: stmt.line,
            }),
            (None, Some(name)) => self.call_proc(stmt, &step_name, name, &params),
            (None, None) => self.diag(
                Severity::Error,
                stmt,
                "EXEC without PGM= or a procedure name".into(),
            ),
        }
        self.last_exec = start..self.job.steps.len();
    }

    fn call_proc(&mut self, stmt: &Stmt, step_name: &str, name: &str, params: &Params) {
        let Some(proc) = self.procs.get(name) else {
            self.diag(
                Severity::Note,
                stmt,
                format!("procedure {name} is not in this file (cataloged procedure); not expanded"),
            );
            self.push_step(JclStep {
                name: step_name.to_string(),
                program: None,
                proc: Some(name.to_string()),
                dds: Vec::new(),
                cond: params.get("COND").map(str::to_string),
                parm: params.get("PARM").map(unquote),
                line: stmt.line,
            });
            return;
        };
        // Precedence: EXEC overrides > SET symbols > PROC defaults.
        let mut symbols = proc.defaults.clone();
        symbols.extend(self.symbols.clone());
        for (k, v) in &params.keywords {
            if !EXEC_KEYWORDS.contains(&k.as_str()) && !k.contains('.') {
                symbols.insert(k.clone(), unquote(v));
            }
        }
        let body = proc.stmts.clone();
        for ps in &body {
            match ps.op.as_str() {
                "EXEC" => {
                    let p = self.subst(ps, &symbols);
                    let inner = ps.name.clone().unwrap_or_default();
                    let keyed = |key: &str| {
                        params
                            .get(&format!("{key}.{inner}"))
                            .or_else(|| params.get(key))
                    };
                    let cond = keyed("COND")
                        .map(str::to_string)
                        .or_else(|| p.get("COND").map(str::to_string));
                    let parm = keyed("PARM")
                        .map(unquote)
                        .or_else(|| p.get("PARM").map(unquote));
                    self.push_step(JclStep {
                        name: format!("{step_name}.{inner}"),
                        program: p.get("PGM").map(|s| s.to_ascii_uppercase()),
                        proc: Some(name.to_string()),
                        dds: Vec::new(),
                        cond,
                        parm,
                        line: ps.line,
                    });
                }
                "DD" => self.dd(ps, &symbols),
                _ => {}
            }
        }
    }

    fn dd(&mut self, stmt: &Stmt, symbols: &BTreeMap<String, String>) {
        let params = self.subst(stmt, symbols);
        let dsn = params
            .get("DSN")
            .or_else(|| params.get("DSNAME"))
            .map(|d| unquote(d).to_ascii_uppercase());
        let dsn = match dsn {
            Some(d) if d.starts_with("*.") => Some(self.referback(stmt, &d)),
            other => other,
        };
        let dummy = params.has_positional("DUMMY") || dsn.as_deref() == Some("NULLFILE");
        let mut dd = Dd {
            name: String::new(),
            dsn,
            disp: params.get("DISP").map(normalise_disp),
            dcb: params.get("DCB").map(str::to_string),
            inline: stmt.inline.clone(),
            sysout: params
                .get("SYSOUT")
                .map(|s| unquote(s).to_ascii_uppercase()),
            dummy,
            concatenated: false,
        };
        let Some(step_idx) = self.job.steps.len().checked_sub(1) else {
            // JOBLIB / JCLLIB-level DD before the first step: not part of any step.
            return;
        };
        match &stmt.name {
            Some(n) if n.contains('.') => {
                // PROCSTEP.DDNAME override or addition for the steps of the last procedure call.
                let (ps, ddname) = n.split_once('.').unwrap_or((n.as_str(), ""));
                let suffix = format!(".{ps}");
                let target = self.last_exec.clone().find(|&i| {
                    self.job
                        .steps
                        .get(i)
                        .is_some_and(|s| s.name.ends_with(&suffix))
                });
                let Some(t) = target else {
                    self.diag(
                        Severity::Warning,
                        stmt,
                        format!("override {n}: no step {ps} in the last procedure call"),
                    );
                    return;
                };
                dd.name = ddname.to_string();
                let step = &mut self.job.steps[t];
                match step.dds.iter_mut().find(|d| d.name == ddname) {
                    Some(existing) => {
                        if dd.dsn.is_some() {
                            existing.dsn = dd.dsn;
                        }
                        if dd.disp.is_some() {
                            existing.disp = dd.disp;
                        }
                        if dd.dcb.is_some() {
                            existing.dcb = dd.dcb;
                        }
                        if dd.inline.is_some() {
                            existing.inline = dd.inline;
                        }
                        if dd.sysout.is_some() {
                            existing.sysout = dd.sysout;
                        }
                        existing.dummy |= dd.dummy;
                    }
                    None => step.dds.push(dd),
                }
            }
            Some(n) => {
                dd.name = n.clone();
                self.job.steps[step_idx].dds.push(dd);
            }
            None => {
                let step = &mut self.job.steps[step_idx];
                match step.dds.last() {
                    Some(prev) => {
                        dd.name = prev.name.clone();
                        dd.concatenated = true;
                        step.dds.push(dd);
                    }
                    None => self.diag(
                        Severity::Warning,
                        stmt,
                        "unnamed DD statement that concatenates nothing".into(),
                    ),
                }
            }
        }
    }

    /// `*.STEP.DD` or `*.STEP.PROCSTEP.DD` (or `*.DD` in the same step) -> that DD's DSN.
    fn referback(&mut self, stmt: &Stmt, r: &str) -> String {
        let parts: Vec<&str> = r.trim_start_matches("*.").split('.').collect();
        let (step, dd) = match parts.as_slice() {
            [dd] => (
                self.job
                    .steps
                    .last()
                    .map(|s| s.name.clone())
                    .unwrap_or_default(),
                dd.to_string(),
            ),
            [step, dd] => (step.to_string(), dd.to_string()),
            [step, ps, dd] => (format!("{step}.{ps}"), dd.to_string()),
            _ => (String::new(), String::new()),
        };
        let found = self
            .job
            .steps
            .iter()
            .rev()
            .find(|s| s.name == step || s.name.ends_with(&format!(".{step}")))
            .and_then(|s| s.dds.iter().find(|d| d.name == dd))
            .and_then(|d| d.dsn.clone());
        match found {
            Some(d) => d,
            None => {
                self.diag(
                    Severity::Warning,
                    stmt,
                    format!("referback {r} does not resolve"),
                );
                r.to_string()
            }
        }
    }
}

pub fn build(text: &str, path: &Path, members: Members) -> (JclJob, Vec<Diagnostic>) {
    let (stmts, issues) = read(text);
    let mut diags: Vec<Diagnostic> = issues.into_iter().map(|i| diagnostic(path, i)).collect();
    let stmts = expand_includes(stmts, members, &mut Vec::new(), &mut diags, path);
    let mut b = Builder {
        path,
        job: JclJob {
            name: String::new(),
            path: path.to_path_buf(),
            is_proc: false,
            steps: Vec::new(),
            structure: Vec::new(),
            includes: Vec::new(),
        },
        diags,
        symbols: BTreeMap::new(),
        procs: BTreeMap::new(),
        last_exec: 0..0,
        stack: Vec::new(),
    };
    let has_job = stmts.iter().any(|s| s.op == "JOB");
    let mut i = 0;
    while i < stmts.len() {
        let stmt = &stmts[i];
        i += 1;
        if stmt.op == "PEND" {
            b.diag(Severity::Warning, stmt, "PEND without PROC".into());
            continue;
        }
        if stmt.op != "PROC" {
            b.stmt(stmt);
            continue;
        }
        let name = stmt.name.clone().unwrap_or_default();
        let defaults = symbol_map(&stmt.params);
        let body_start = i;
        while i < stmts.len() && stmts[i].op != "PEND" {
            i += 1;
        }
        let ended = i < stmts.len();
        let body = stmts[body_start..i].to_vec();
        if ended {
            i += 1; // PEND
            b.procs.insert(
                name,
                Proc {
                    defaults,
                    stmts: body,
                },
            );
        } else if !has_job && b.job.steps.is_empty() {
            // A cataloged procedure on its own: read its steps with the defaults substituted.
            b.job.name = name.clone();
            b.job.is_proc = true;
            b.procs.insert(
                name.clone(),
                Proc {
                    defaults,
                    stmts: body,
                },
            );
            let call = Stmt {
                name: None,
                op: "EXEC".into(),
                params: Params {
                    positional: vec![name.clone()],
                    keywords: Vec::new(),
                },
                condition: None,
                inline: None,
                ..stmt.clone()
            };
            b.exec(&call);
            for s in &mut b.job.steps {
                if let Some(stripped) = s.name.strip_prefix('.') {
                    s.name = stripped.to_string();
                }
            }
        } else {
            b.diag(Severity::Error, stmt, format!("PROC {name} has no PEND"));
        }
    }
    while let Some(f) = b.stack.pop() {
        b.diags.push(Diagnostic {
            severity: Severity::Warning,
            file: path.to_path_buf(),
            line: f.line,
            column: 1,
            message: "IF without ENDIF".into(),
        });
        b.push_node(JclNode::If {
            condition: f.condition,
            then: f.then,
            otherwise: f.otherwise,
        });
    }
    if b.job.name.is_empty() {
        b.job.name = path
            .file_stem()
            .map(|s| s.to_string_lossy().to_ascii_uppercase())
            .unwrap_or_default();
    }
    (b.job, b.diags)
}
