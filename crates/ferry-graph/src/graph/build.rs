//! Building the graph from program facts, copybooks and JCL jobs.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use super::{EdgeKind, Graph, GraphOptions, Node, NodeKind};
use crate::facts::{Access, CallFact, FileFact, FileMode, FlowKind, ProgramFacts, Resolution};
use crate::jcl::{DispStatus, JclJob, SYSTEM_DDS, UTILITIES};

/// SQL INCLUDE members supplied by the database, not the estate.
const SYSTEM_INCLUDES: &[&str] = &["SQLCA", "SQLDA"];

fn path_str(p: &Path) -> String {
    p.to_string_lossy().replace('\\', "/")
}

struct Acc<'f> {
    nodes: BTreeMap<String, Node>,
    edges: Vec<(String, String, EdgeKind)>,
    warnings: Vec<String>,
    /// Top-level program name -> id (first by path wins).
    programs: BTreeMap<String, String>,
    /// Program id -> its facts.
    facts: BTreeMap<String, &'f ProgramFacts>,
    copybooks: BTreeMap<String, String>,
    copybook_paths: BTreeMap<String, String>,
    /// File name -> (path, copybook id), for [`Acc::copybook_at`].
    copybook_files: BTreeMap<String, Vec<(String, String)>>,
    opts: GraphOptions,
}

fn node(id: &str, kind: NodeKind, name: &str) -> Node {
    Node {
        id: id.to_string(),
        kind,
        name: name.to_string(),
        path: None,
        missing: None,
        metrics: None,
        attrs: BTreeMap::new(),
    }
}

impl<'f> Acc<'f> {
    fn add(&mut self, n: Node) -> String {
        let id = n.id.clone();
        self.nodes.entry(id.clone()).or_insert(n);
        id
    }

    fn edge(&mut self, from: &str, to: &str, kind: EdgeKind) {
        self.edges.push((from.to_string(), to.to_string(), kind));
    }

    /// The copybook node of a file path: the same path, or a known copybook path it ends with (the
    /// preprocessor's paths may carry the estate root in front of the estate's relative paths).
    fn copybook_at(&self, path: &str) -> Option<String> {
        if let Some(id) = self.copybook_paths.get(path) {
            return Some(id.clone());
        }
        let file = path.rsplit('/').next().unwrap_or(path);
        let mut found = self
            .copybook_files
            .get(file)
            .into_iter()
            .flatten()
            .filter(|(p, _)| {
                path.len() > p.len()
                    && path.ends_with(p.as_str())
                    && path.as_bytes()[path.len() - p.len() - 1] == b'/'
            })
            .map(|(_, id)| id);
        match (found.next(), found.next()) {
            (Some(id), None) => Some(id.clone()),
            _ => None,
        }
    }

    fn add_copybook_path(&mut self, path: String, id: String) {
        if self.copybook_paths.contains_key(&path) {
            return;
        }
        let file = path.rsplit('/').next().unwrap_or(&path).to_string();
        self.copybook_files
            .entry(file)
            .or_default()
            .push((path.clone(), id.clone()));
        self.copybook_paths.insert(path, id);
    }

    fn missing(&mut self, what: &str, name: &str) -> String {
        let mut n = node(&format!("missing:{what}:{name}"), NodeKind::Missing, name);
        n.missing = Some(what.to_string());
        self.add(n)
    }

    fn unique_id(&mut self, base: String, what: &str) -> String {
        if !self.nodes.contains_key(&base) {
            return base;
        }
        let mut n = 2;
        loop {
            let id = format!("{base}#{n}");
            if !self.nodes.contains_key(&id) {
                self.warnings
                    .push(format!("duplicate {what} {base}: also known as {id}"));
                return id;
            }
            n += 1;
        }
    }

    /// Registers a program and its nested programs; returns its id.
    fn add_program(&mut self, f: &'f ProgramFacts, parent: Option<&str>) -> String {
        let base = match parent {
            Some(p) => format!("{p}/{}", f.name),
            None => format!("program:{}", f.name),
        };
        let id = self.unique_id(base, "program");
        let mut n = node(&id, NodeKind::Program, &f.name);
        n.path = Some(path_str(&f.path));
        n.metrics = Some(f.metrics.clone());
        if f.is_common {
            n.attrs.insert("common".into(), "true".into());
        }
        if let Some(p) = parent {
            n.attrs.insert("nested_in".into(), p.to_string());
        }
        self.add(n);
        self.facts.insert(id.clone(), f);
        if parent.is_none() {
            self.programs
                .entry(f.name.clone())
                .or_insert_with(|| id.clone());
        }
        for child in &f.nested {
            let cid = self.add_program(child, Some(&id));
            self.edge(&id, &cid, EdgeKind::Contains);
        }
        id
    }

    /// The node a program name reaches from program `from`: its nested programs, COMMON siblings, then
    /// the estate; otherwise a missing node.
    fn resolve_program(&mut self, from: &str, name: &str) -> String {
        let own = format!("{from}/{name}");
        if self.facts.contains_key(&own) {
            return own;
        }
        if let Some((parent, _)) = from.rsplit_once('/') {
            let sibling = format!("{parent}/{name}");
            if self.facts.get(&sibling).is_some_and(|f| f.is_common) {
                return sibling;
            }
        }
        match self.programs.get(name) {
            Some(id) => id.clone(),
            None => self.missing("program", name),
        }
    }

    fn calls(&mut self, id: &str, prog_name: &str, calls: &[CallFact], cancel: bool) {
        for c in calls {
            let kind = |candidates: Vec<String>| {
                if cancel {
                    EdgeKind::Cancel {
                        resolution: c.resolution,
                        via: c.via.clone(),
                    }
                } else {
                    EdgeKind::Calls {
                        resolution: c.resolution,
                        mechanism: c.mechanism,
                        via: c.via.clone(),
                        candidates,
                    }
                }
            };
            if c.targets.is_empty() {
                let what = match &c.via {
                    Some(v) => format!("{prog_name}.{v}"),
                    None => prog_name.to_string(),
                };
                let to = self.missing("dynamic", &what);
                self.edge(id, &to, kind(Vec::new()));
                continue;
            }
            let candidates = if c.resolution == Resolution::Unresolved {
                c.targets.clone()
            } else {
                Vec::new()
            };
            for t in &c.targets {
                let to = self.resolve_program(id, t);
                self.edge(id, &to, kind(candidates.clone()));
            }
        }
    }

    fn program_edges(&mut self, id: &str, f: &ProgramFacts, top_level: bool) {
        self.calls(id, &f.name, &f.calls, false);
        self.calls(id, &f.name, &f.cancels, true);
        let local = id.trim_start_matches("program:").to_string();
        if top_level {
            let own_path = path_str(&f.path);
            for c in &f.copybooks {
                let by_path = c
                    .resolved
                    .as_ref()
                    .and_then(|p| self.copybook_at(&path_str(p)));
                let target = match (
                    by_path.or_else(|| self.copybooks.get(&c.name).cloned()),
                    &c.resolved,
                ) {
                    (Some(cid), _) => cid,
                    (None, Some(p)) => {
                        let cid = format!("copybook:{}", c.name);
                        let mut n = node(&cid, NodeKind::Copybook, &c.name);
                        n.path = Some(path_str(p));
                        self.add_copybook_path(path_str(p), cid.clone());
                        self.add(n)
                    }
                    (None, None) => self.missing("copybook", &c.name),
                };
                let from_file = path_str(&c.from_file);
                let source = match self.copybook_at(&from_file) {
                    Some(cb) if from_file != own_path => cb,
                    _ => id.to_string(),
                };
                self.edge(
                    &source,
                    &target,
                    EdgeKind::Copies {
                        replacing: c.replacing,
                    },
                );
            }
        }
        for inc in &f.sql_includes {
            if SYSTEM_INCLUDES.contains(&inc.as_str()) {
                continue;
            }
            let target = match self.copybooks.get(inc) {
                Some(cid) => cid.clone(),
                None => self.missing("copybook", inc),
            };
            self.edge(id, &target, EdgeKind::Copies { replacing: false });
        }
        for file in &f.files {
            let fid = format!("file:{local}:{}", file.name);
            let mut n = node(&fid, NodeKind::File, &file.name);
            n.attrs.insert("assign".into(), file.assign.clone());
            n.attrs.insert("dd".into(), file.dd_name.clone());
            let modes: Vec<&str> = file
                .modes
                .iter()
                .map(|m| match m {
                    FileMode::Input => "input",
                    FileMode::Output => "output",
                    FileMode::InputOutput => "i-o",
                    FileMode::Extend => "extend",
                })
                .collect();
            if !modes.is_empty() {
                n.attrs.insert("modes".into(), modes.join(","));
            }
            self.add(n);
            let (r, w) = (
                file.modes.iter().any(|m| m.reads()),
                file.modes.iter().any(|m| m.writes()),
            );
            if r {
                self.edge(id, &fid, EdgeKind::Reads { dd: None });
            }
            if w {
                self.edge(id, &fid, EdgeKind::Writes { dd: None });
            }
            if !r && !w {
                self.edge(id, &fid, EdgeKind::Declares);
            }
        }
        for t in &f.tables {
            let tid = self.add(node(&format!("table:{}", t.name), NodeKind::Table, &t.name));
            let kind = match t.access {
                Access::Read => EdgeKind::Reads { dd: None },
                Access::Write => EdgeKind::Writes { dd: None },
            };
            self.edge(id, &tid, kind);
        }
        for tr in &f.transactions {
            let tid = self.add(node(
                &format!("transaction:{tr}"),
                NodeKind::Transaction,
                tr,
            ));
            self.edge(id, &tid, EdgeKind::Starts);
        }
        if self.opts.paragraphs {
            for p in &f.procedures {
                let pid = format!("paragraph:{local}:{}", p.key);
                let mut n = node(&pid, NodeKind::Paragraph, &p.name);
                if p.is_section {
                    n.attrs.insert("section".into(), "true".into());
                }
                if f.metrics.dead_paragraphs.contains(&p.key) {
                    n.attrs.insert("dead".into(), "true".into());
                }
                self.add(n);
                self.edge(id, &pid, EdgeKind::Contains);
            }
            for e in &f.flow {
                let from = format!("paragraph:{local}:{}", e.from);
                let to = if e.resolved {
                    format!("paragraph:{local}:{}", e.to)
                } else {
                    self.missing("paragraph", &format!("{local}:{}", e.to))
                };
                let kind = match e.kind {
                    FlowKind::Performs => EdgeKind::Performs,
                    FlowKind::GoesTo => EdgeKind::GoesTo,
                };
                if !self.nodes.contains_key(&from) {
                    // (start) code before the first paragraph.
                    self.add(node(&from, NodeKind::Paragraph, &e.from));
                    self.edge(id, &from, EdgeKind::Contains);
                }
                self.edge(&from, &to, kind);
            }
        }
    }

    fn job(&mut self, job: &JclJob) {
        let jid = self.unique_id(format!("job:{}", job.name), "job");
        let mut jn = node(&jid, NodeKind::JclJob, &job.name);
        jn.path = Some(path_str(&job.path));
        if job.is_proc {
            jn.attrs.insert("proc".into(), "true".into());
        }
        self.add(jn);
        let jname = jid.trim_start_matches("job:").to_string();
        // dataset id -> programs that wrote it in earlier steps
        let mut writers: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (order, step) in job.steps.iter().enumerate() {
            let sid = self.unique_id(format!("step:{jname}/{}", step.name), "step");
            let mut sn = node(&sid, NodeKind::JclStep, &step.name);
            sn.attrs.insert("line".into(), step.line.to_string());
            for (k, v) in [
                ("program", &step.program),
                ("proc", &step.proc),
                ("cond", &step.cond),
            ] {
                if let Some(v) = v {
                    sn.attrs.insert(k.into(), v.clone());
                }
            }
            self.add(sn);
            self.edge(&jid, &sid, EdgeKind::StepOf { order });
            let program_id = match (step.executed_program(), &step.proc) {
                (Some(p), _) => {
                    let target = match self.programs.get(&p) {
                        Some(id) => id.clone(),
                        None if UTILITIES.contains(&p.as_str()) => {
                            self.add(node(&format!("utility:{p}"), NodeKind::Utility, &p))
                        }
                        None => self.missing("program", &p),
                    };
                    self.edge(&sid, &target, EdgeKind::Executes);
                    Some(target).filter(|t| self.facts.contains_key(t))
                }
                (None, Some(proc)) => {
                    let target = self.missing("proc", proc);
                    self.edge(&sid, &target, EdgeKind::Executes);
                    None
                }
                (None, None) => None,
            };
            let facts = program_id.as_ref().and_then(|p| self.facts.get(p).copied());
            let mut reads_here = BTreeSet::new();
            let mut writes_here = BTreeSet::new();
            for dd in &step.dds {
                if SYSTEM_DDS.contains(&dd.name.as_str()) {
                    continue;
                }
                let Some(ds) = dd.dataset() else { continue };
                let dsid = if ds.starts_with("&&") {
                    format!("dataset:{jname}/{ds}")
                } else {
                    format!("dataset:{ds}")
                };
                let mut dn = node(&dsid, NodeKind::Dataset, &ds);
                if ds.starts_with("&&") {
                    dn.attrs.insert("temporary".into(), "true".into());
                }
                self.add(dn);
                let file: Option<&FileFact> =
                    facts.and_then(|f| f.files.iter().find(|x| x.dd_name == dd.name));
                let modes = file.map(|f| &f.modes).filter(|m| !m.is_empty());
                let (r, w) = match (dd.status(), modes) {
                    (DispStatus::New | DispStatus::Mod, _) => (false, true),
                    (_, Some(m)) => (m.iter().any(|x| x.reads()), m.iter().any(|x| x.writes())),
                    (_, None) => (true, false),
                };
                let ddn = Some(dd.name.clone());
                if r {
                    self.edge(&sid, &dsid, EdgeKind::Reads { dd: ddn.clone() });
                    reads_here.insert(dsid.clone());
                }
                if w {
                    self.edge(&sid, &dsid, EdgeKind::Writes { dd: ddn });
                    writes_here.insert(dsid.clone());
                }
                if let (Some(f), Some(pid)) = (file, &program_id) {
                    let local = pid.trim_start_matches("program:");
                    self.edge(
                        &format!("file:{local}:{}", f.name),
                        &dsid,
                        EdgeKind::BoundTo {
                            step: sid.clone(),
                            dd: dd.name.clone(),
                        },
                    );
                }
            }
            if let Some(pid) = &program_id {
                for ds in &reads_here {
                    for w in writers.get(ds).into_iter().flatten() {
                        if w != pid {
                            let name = self
                                .nodes
                                .get(ds)
                                .map(|n| n.name.clone())
                                .unwrap_or_default();
                            self.edges.push((
                                w.clone(),
                                pid.clone(),
                                EdgeKind::DataFlow {
                                    dataset: name,
                                    job: job.name.clone(),
                                },
                            ));
                        }
                    }
                }
                for ds in writes_here {
                    writers.entry(ds).or_default().insert(pid.clone());
                }
            }
        }
    }
}

pub fn build(
    programs: &[ProgramFacts],
    copybooks: &[(String, PathBuf)],
    jobs: &[JclJob],
    opts: &GraphOptions,
) -> Graph {
    let mut acc = Acc {
        nodes: BTreeMap::new(),
        edges: Vec::new(),
        warnings: Vec::new(),
        programs: BTreeMap::new(),
        facts: BTreeMap::new(),
        copybooks: BTreeMap::new(),
        copybook_paths: BTreeMap::new(),
        copybook_files: BTreeMap::new(),
        opts: opts.clone(),
    };
    let mut cbs: Vec<(String, String)> = copybooks
        .iter()
        .map(|(n, p)| (n.trim().to_ascii_uppercase(), path_str(p)))
        .collect();
    cbs.sort();
    cbs.dedup();
    for (name, path) in cbs {
        let id = format!("copybook:{name}");
        if acc.nodes.contains_key(&id) {
            acc.warnings.push(format!(
                "copybook {name} found more than once; using the first path"
            ));
            continue;
        }
        let mut n = node(&id, NodeKind::Copybook, &name);
        n.path = Some(path.clone());
        acc.add(n);
        acc.copybooks.insert(name, id.clone());
        acc.add_copybook_path(path, id);
    }
    let mut progs: Vec<&ProgramFacts> = programs.iter().collect();
    progs.sort_by(|a, b| (&a.name, &a.path).cmp(&(&b.name, &b.path)));
    let mut ids = Vec::new();
    for f in &progs {
        ids.push(acc.add_program(f, None));
    }
    // All programs are registered before edges are made, so calls resolve regardless of order.
    let mut stack: Vec<(String, &ProgramFacts, bool)> = ids
        .into_iter()
        .zip(progs.iter().copied())
        .map(|(i, f)| (i, f, true))
        .collect();
    while let Some((id, f, top)) = stack.pop() {
        acc.program_edges(&id, f, top);
        for (i, child) in f.nested.iter().enumerate() {
            let mut cid = format!("{id}/{}", child.name);
            // Duplicate nested names were suffixed in add_program in the same order.
            let dupes = f.nested[..i]
                .iter()
                .filter(|c| c.name == child.name)
                .count();
            if dupes > 0 {
                cid = format!("{cid}#{}", dupes + 1);
            }
            stack.push((cid, child, false));
        }
    }
    let mut js: Vec<&JclJob> = jobs.iter().collect();
    js.sort_by(|a, b| (&a.name, &a.path).cmp(&(&b.name, &b.path)));
    for j in js {
        acc.job(j);
    }
    fan_in_out(&mut acc);
    mark_unused_copybooks(&mut acc);
    Graph::assemble(acc.nodes, acc.edges, acc.warnings)
}

/// Fan-in and fan-out of every program node: distinct other programs linked by a static or resolved
/// dynamic CALL / CICS LINK / XCTL (callees not found in the estate count for fan-out).
fn fan_in_out(acc: &mut Acc<'_>) {
    let mut fan_in: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    let mut fan_out: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for (from, to, kind) in &acc.edges {
        let EdgeKind::Calls { resolution, .. } = kind else {
            continue;
        };
        if *resolution == Resolution::Unresolved || from == to || !acc.facts.contains_key(from) {
            continue;
        }
        if acc.facts.contains_key(to) {
            fan_in.entry(to).or_default().insert(from);
        } else if !to.starts_with("missing:program:") {
            continue;
        }
        fan_out.entry(from).or_default().insert(to);
    }
    for n in acc.nodes.values_mut() {
        if let Some(m) = n.metrics.as_mut() {
            m.fan_in = fan_in.get(n.id.as_str()).map_or(0, BTreeSet::len);
            m.fan_out = fan_out.get(n.id.as_str()).map_or(0, BTreeSet::len);
        }
    }
}

/// Copybooks that no program COPYs (directly, or through copybooks it COPYs) get `unused: "true"`.
fn mark_unused_copybooks(acc: &mut Acc<'_>) {
    let mut copies: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (from, to, kind) in &acc.edges {
        if matches!(kind, EdgeKind::Copies { .. }) {
            copies.entry(from).or_default().push(to);
        }
    }
    let mut reached: BTreeSet<&str> = BTreeSet::new();
    let mut stack: Vec<&str> = acc.facts.keys().map(String::as_str).collect();
    while let Some(x) = stack.pop() {
        for &c in copies.get(x).into_iter().flatten() {
            if reached.insert(c) {
                stack.push(c);
            }
        }
    }
    let unused: Vec<String> = acc
        .nodes
        .values()
        .filter(|n| n.kind == NodeKind::Copybook && !reached.contains(n.id.as_str()))
        .map(|n| n.id.clone())
        .collect();
    for id in unused {
        if let Some(n) = acc.nodes.get_mut(&id) {
            n.attrs.insert("unused".into(), "true".into());
        }
    }
}
