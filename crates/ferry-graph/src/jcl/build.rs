//! From logical statements to the job model: JOB, SET, EXEC (programs and procedures), DD (with
//! concatenation, `PROCSTEP.DD` overrides and `*.STEP.DD` referbacks), in-stream PROC/PEND expansion
//! and IF/THEN/ELSE/ENDIF.

use std::collections::BTreeMap;
use std::path::Path;

use ferry_source::{Diagnostic, Severity};

use super::cards::{read_cards, Card};
use super::operands::{substitute, unquote, Params};
use super::{Dd, JclJob, JclNode, JclStep};

/// EXEC keywords that are not symbolic parameter overrides of a procedure.
const EXEC_KEYWORDS: &[&str] = &[
    "PGM", "PROC", "COND", "PARM", "PARMDD", "REGION", "REGIONX", "TIME", "ACCT", "ADDRSPC",
    "DPRTY", "DYNAMNBR", "PERFORM", "RD", "CCSID", "MEMLIMIT", "TVSMSG", "TVSAMCOM",
];

struct Proc {
    defaults: BTreeMap<String, String>,
    cards: Vec<Card>,
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

impl<'p> Builder<'p> {
    fn diag(&mut self, severity: Severity, card: &Card, message: String) {
        self.diags.push(Diagnostic {
            severity,
            file: self.path.to_path_buf(),
            line: card.line,
            column: card.column,
            message,
        });
    }

    fn subst(&mut self, card: &Card, text: &str, symbols: &BTreeMap<String, String>) -> String {
        let (out, missing) = substitute(text, symbols);
        for m in missing {
            self.diag(
                Severity::Warning,
                card,
                format!("symbolic parameter &{m} has no value"),
            );
        }
        out
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

    fn card(&mut self, card: &Card) {
        match card.op.as_str() {
            "JOB" => {
                if let Some(n) = &card.name {
                    self.job.name = n.clone();
                }
            }
            "SET" => {
                let text = self.subst(card, &card.operands, &self.symbols.clone());
                let params = Params::parse(&text);
                self.symbols.extend(symbol_map(&params));
            }
            "EXEC" => self.exec(card),
            "DD" => {
                let symbols = self.symbols.clone();
                self.dd(card, &symbols);
            }
            "IF" => {
                let mut cond = card.operands.trim().to_string();
                if let Some(i) = cond.to_ascii_uppercase().rfind("THEN") {
                    cond.truncate(i);
                }
                self.stack.push(Frame {
                    condition: cond.trim().to_string(),
                    then: Vec::new(),
                    otherwise: Vec::new(),
                    in_else: false,
                    line: card.line,
                });
            }
            "ELSE" => match self.stack.last_mut() {
                Some(f) => f.in_else = true,
                None => self.diag(Severity::Warning, card, "ELSE without IF".into()),
            },
            "ENDIF" => match self.stack.pop() {
                Some(f) => self.push_node(JclNode::If {
                    condition: f.condition,
                    then: f.then,
                    otherwise: f.otherwise,
                }),
                None => self.diag(Severity::Warning, card, "ENDIF without IF".into()),
            },
            "INCLUDE" => self.diag(
                Severity::Note,
                card,
                format!("INCLUDE {} is not expanded", card.operands),
            ),
            _ => {}
        }
    }

    fn exec(&mut self, card: &Card) {
        let text = self.subst(card, &card.operands, &self.symbols.clone());
        let params = Params::parse(&text);
        let step_name = card.name.clone().unwrap_or_default();
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
            .map(|p| p.trim().to_ascii_uppercase());
        let start = self.job.steps.len();
        match (&program, &proc) {
            (Some(pgm), _) => self.push_step(JclStep {
                name: step_name,
                program: Some(pgm.clone()),
                proc: None,
                dds: Vec::new(),
                cond: params.get("COND").map(str::to_string),
                parm: params.get("PARM").map(unquote),
                line: card.line,
            }),
            (None, Some(name)) => self.call_proc(card, &step_name, name, &params),
            (None, None) => self.diag(
                Severity::Error,
                card,
                "EXEC without PGM= or a procedure name".into(),
            ),
        }
        self.last_exec = start..self.job.steps.len();
    }

    fn call_proc(&mut self, card: &Card, step_name: &str, name: &str, params: &Params) {
        let Some(proc) = self.procs.get(name) else {
            self.diag(
                Severity::Note,
                card,
                format!("procedure {name} is not in this file (cataloged procedure); not expanded"),
            );
            self.push_step(JclStep {
                name: step_name.to_string(),
                program: None,
                proc: Some(name.to_string()),
                dds: Vec::new(),
                cond: params.get("COND").map(str::to_string),
                parm: params.get("PARM").map(unquote),
                line: card.line,
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
        let cards = proc.cards.clone();
        for pc in &cards {
            match pc.op.as_str() {
                "EXEC" => {
                    let text = self.subst(pc, &pc.operands, &symbols);
                    let p = Params::parse(&text);
                    let inner = pc.name.clone().unwrap_or_default();
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
                        line: pc.line,
                    });
                }
                "DD" => self.dd(pc, &symbols),
                _ => {}
            }
        }
    }

    fn dd(&mut self, card: &Card, symbols: &BTreeMap<String, String>) {
        let text = self.subst(card, &card.operands, symbols);
        let params = Params::parse(&text);
        let dsn = params
            .get("DSN")
            .or_else(|| params.get("DSNAME"))
            .map(|d| unquote(d).to_ascii_uppercase());
        let dsn = match dsn {
            Some(d) if d.starts_with("*.") => Some(self.referback(card, &d)),
            other => other,
        };
        let dummy = params.has_positional("DUMMY") || dsn.as_deref() == Some("NULLFILE");
        let mut dd = Dd {
            name: String::new(),
            dsn,
            disp: params.get("DISP").map(normalise_disp),
            inline: card.inline.clone(),
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
        match &card.name {
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
                        card,
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
                        card,
                        "unnamed DD statement that concatenates nothing".into(),
                    ),
                }
            }
        }
    }

    /// `*.STEP.DD` or `*.STEP.PROCSTEP.DD` (or `*.DD` in the same step) -> that DD's DSN.
    fn referback(&mut self, card: &Card, r: &str) -> String {
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
                    card,
                    format!("referback {r} does not resolve"),
                );
                r.to_string()
            }
        }
    }
}

pub fn build(text: &str, path: &Path) -> (JclJob, Vec<Diagnostic>) {
    let (cards, issues) = read_cards(text);
    let mut b = Builder {
        path,
        job: JclJob {
            name: String::new(),
            path: path.to_path_buf(),
            is_proc: false,
            steps: Vec::new(),
            structure: Vec::new(),
        },
        diags: issues
            .into_iter()
            .map(|i| Diagnostic {
                severity: Severity::Warning,
                file: path.to_path_buf(),
                line: i.line,
                column: i.column,
                message: i.message,
            })
            .collect(),
        symbols: BTreeMap::new(),
        procs: BTreeMap::new(),
        last_exec: 0..0,
        stack: Vec::new(),
    };
    let has_job = cards.iter().any(|c| c.op == "JOB");
    let mut i = 0;
    while i < cards.len() {
        let card = &cards[i];
        i += 1;
        if card.op != "PROC" {
            b.card(card);
            continue;
        }
        let name = card.name.clone().unwrap_or_default();
        let defaults = symbol_map(&Params::parse(&card.operands));
        let body_start = i;
        while i < cards.len() && cards[i].op != "PEND" {
            i += 1;
        }
        let ended = i < cards.len();
        let body = cards[body_start..i].to_vec();
        if ended {
            i += 1; // PEND
            b.procs.insert(
                name,
                Proc {
                    defaults,
                    cards: body,
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
                    cards: body,
                },
            );
            let call = Card {
                line: card.line,
                column: card.column,
                name: None,
                op: "EXEC".into(),
                operands: name.clone(),
                inline: None,
            };
            b.exec(&call);
            for s in &mut b.job.steps {
                if let Some(stripped) = s.name.strip_prefix('.') {
                    s.name = stripped.to_string();
                }
            }
        } else {
            b.diag(Severity::Error, card, format!("PROC {name} has no PEND"));
        }
    }
    while let Some(f) = b.stack.pop() {
        let card = Card {
            line: f.line,
            column: 1,
            name: None,
            op: "IF".into(),
            operands: String::new(),
            inline: None,
        };
        b.diag(Severity::Warning, &card, "IF without ENDIF".into());
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
