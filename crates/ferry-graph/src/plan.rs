//! Translation units and waves.
//!
//! One unit per program (nested programs travel with their container); programs in a call cycle
//! (a strongly connected component over resolved CALL / CICS LINK / XCTL edges) collapse into one
//! `cycle` unit named `A+B`; copybooks used by two or more programs become `layout` units. A caller
//! depends on its callees and a program on the layout units of the copybooks it uses; waves are
//! longest-path levels, so every unit of wave k depends only on units of waves < k. Missing and
//! unresolved dependencies are recorded on the unit, which is still planned.
//!
//! [`Slice::Job`] cuts coarser: the programs the steps of one JCL job execute, with the programs they
//! call statically (directly or not) that no other job reaches, form one `job` unit. Programs reached
//! by several jobs, or by none, stay program units. Calls between the resulting groups that form a
//! cycle merge those groups into one `cycle` unit, so the unit graph stays acyclic.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::str::FromStr;

use petgraph::algo::tarjan_scc;
use petgraph::graph::DiGraph;
use serde::{Deserialize, Serialize};

use crate::facts::Resolution;
use crate::graph::{EdgeKind, Graph, NodeKind};
use crate::GraphError;

pub const PLAN_SCHEMA: &str = "ferry-plan/1";

#[derive(Debug, Clone)]
pub struct PlanOptions {
    /// A copybook used by at least this many programs becomes a shared layout unit.
    pub shared_copybook_threshold: usize,
    /// How programs are cut into units.
    pub slice: Slice,
}

impl Default for PlanOptions {
    fn default() -> Self {
        PlanOptions {
            shared_copybook_threshold: 2,
            slice: Slice::Program,
        }
    }
}

/// How programs are cut into translation units (call cycles always share a unit).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Slice {
    /// One unit per program.
    #[default]
    Program,
    /// One unit per JCL job: the programs its steps execute and the programs they call statically
    /// that no other job reaches.
    Job,
}

impl Slice {
    pub fn as_str(self) -> &'static str {
        match self {
            Slice::Program => "program",
            Slice::Job => "job",
        }
    }
}

impl std::fmt::Display for Slice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Slice {
    type Err = String;

    /// `program` or `job` (any case).
    fn from_str(s: &str) -> Result<Slice, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "program" => Ok(Slice::Program),
            "job" => Ok(Slice::Job),
            other => Err(format!(
                "unknown slice `{other}`: expected `program` or `job`"
            )),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitKind {
    Program,
    Layout,
    Cycle,
    /// The programs of one JCL job ([`Slice::Job`]).
    Job,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unit {
    /// `program:NAME`, `layout:NAME`, `cycle:A+B` or (sliced by job) the job's graph id `job:NAME`.
    pub id: String,
    pub name: String,
    pub kind: UnitKind,
    /// Graph node ids: programs (with nested programs) or the copybook.
    pub members: Vec<String>,
    /// PROGRAM-IDs of the unit's top-level programs, sorted (empty for layouts).
    pub programs: Vec<String>,
    /// Source paths: program files and the copybooks only this unit uses (or the layout's copybook).
    pub sources: Vec<String>,
    /// Unit ids this unit depends on.
    pub depends_on: Vec<String>,
    pub wave: usize,
    /// Why the unit sits in its wave, e.g. `calls PAYCALC (wave 1)`.
    pub reason: String,
    /// Referenced but not found (graph ids of missing nodes).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub missing: Vec<String>,
    /// Dynamic calls whose target is unknown, e.g. `WS-PGM (candidates: A, B)`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unresolved: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    pub schema: String,
    /// Sorted by wave, then name.
    pub units: Vec<Unit>,
    /// Unit ids per wave, in unit order.
    pub waves: Vec<Vec<String>>,
}

/// Kept for callers written against the first draft of the API.
pub type PlanUnit = Unit;

impl Unit {
    /// PROGRAM-IDs of the unit's top-level programs (empty for a layout unit).
    pub fn programs(&self) -> &[String] {
        &self.programs
    }

    /// True for units holding programs (`program`, `cycle`, `job`); layout units hold only a copybook.
    pub fn is_translatable(&self) -> bool {
        !self.programs.is_empty()
    }
}

/// The top-level program id of a (possibly nested) program id.
fn top(id: &str) -> &str {
    id.split('/').next().unwrap_or(id)
}

struct Draft {
    name: String,
    /// Programs using a layout's copybook.
    users: usize,
    /// PROGRAM-IDs of top-level programs.
    programs: BTreeSet<String>,
    kind: UnitKind,
    members: BTreeSet<String>,
    sources: BTreeSet<String>,
    deps: BTreeSet<String>,
    missing: BTreeSet<String>,
    unresolved: BTreeSet<String>,
    /// Start of the reason: why the unit holds what it holds (job slicing), e.g. `job PAYJOB runs A; `.
    prefix: String,
}

impl Draft {
    fn new(name: String, kind: UnitKind) -> Draft {
        Draft {
            name,
            users: 0,
            programs: BTreeSet::new(),
            kind,
            members: BTreeSet::new(),
            sources: BTreeSet::new(),
            deps: BTreeSet::new(),
            missing: BTreeSet::new(),
            unresolved: BTreeSet::new(),
            prefix: String::new(),
        }
    }

    /// Takes over the programs, sources and dependencies of `other`.
    fn absorb(&mut self, other: Draft) {
        self.members.extend(other.members);
        self.programs.extend(other.programs);
        self.sources.extend(other.sources);
        self.deps.extend(other.deps);
        self.missing.extend(other.missing);
        self.unresolved.extend(other.unresolved);
    }
}

/// The first cut of [`Slice::Job`]: which programs go into which job's unit.
#[derive(Default)]
struct JobCut {
    /// Top-level program id -> job node id, for programs only one job reaches.
    group_of: BTreeMap<String, String>,
    /// Job node id -> (job name, PROGRAM-IDs its steps execute that belong to its unit).
    jobs: BTreeMap<String, (String, BTreeSet<String>)>,
    /// Reason prefix of the programs left as program units.
    notes: BTreeMap<String, String>,
}

/// Assigns every top-level program reached by exactly one job (run by its steps, or called
/// statically, directly or not, by the programs they run) to that job.
fn job_cut(
    graph: &Graph,
    programs: &BTreeMap<String, Draft>,
    static_calls: &BTreeSet<(String, String)>,
) -> JobCut {
    let mut names: BTreeMap<&str, &str> = BTreeMap::new();
    for n in graph.nodes().filter(|n| n.kind == NodeKind::JclJob) {
        names.insert(n.id.as_str(), n.name.as_str());
    }
    let mut job_of_step: BTreeMap<&str, &str> = BTreeMap::new();
    for (a, b, k) in graph.edges() {
        if matches!(k, EdgeKind::StepOf { .. }) && a.kind == NodeKind::JclJob {
            job_of_step.insert(b.id.as_str(), a.id.as_str());
        }
    }
    let mut runs: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for (a, b, k) in graph.edges() {
        if *k != EdgeKind::Executes || b.kind != NodeKind::Program {
            continue;
        }
        let (Some(&job), Some((pid, _))) = (
            job_of_step.get(a.id.as_str()),
            programs.get_key_value(top(&b.id)),
        ) else {
            continue;
        };
        runs.entry(job).or_default().insert(pid.as_str());
    }
    let mut callees: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (a, b) in static_calls {
        callees.entry(a.as_str()).or_default().push(b.as_str());
    }
    let mut reached_by: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for (&job, run) in &runs {
        let mut seen: BTreeSet<&str> = BTreeSet::new();
        let mut stack: Vec<&str> = run.iter().copied().collect();
        while let Some(p) = stack.pop() {
            if !seen.insert(p) {
                continue;
            }
            reached_by.entry(p).or_default().insert(job);
            stack.extend(callees.get(p).into_iter().flatten().copied());
        }
    }
    let mut cut = JobCut::default();
    for pid in programs.keys() {
        match reached_by.get(pid.as_str()) {
            Some(jobs) if jobs.len() == 1 => {
                let job = jobs.iter().next().copied().unwrap_or_default();
                cut.group_of.insert(pid.clone(), job.to_string());
                let entry = cut.jobs.entry(job.to_string()).or_insert_with(|| {
                    (
                        names.get(job).copied().unwrap_or(job).to_string(),
                        BTreeSet::new(),
                    )
                });
                if runs.get(job).is_some_and(|r| r.contains(pid.as_str())) {
                    entry.1.extend(programs.get(pid).map(|d| d.name.clone()));
                }
            }
            Some(jobs) => {
                let mut list: Vec<&str> = jobs
                    .iter()
                    .map(|j| names.get(j).copied().unwrap_or(j))
                    .collect();
                list.sort();
                list.dedup();
                cut.notes.insert(
                    pid.clone(),
                    format!("used by jobs {}, so in no job's unit; ", list.join(", ")),
                );
            }
            None => {
                cut.notes.insert(pid.clone(), "run by no job; ".to_string());
            }
        }
    }
    cut
}

impl Plan {
    pub fn build(graph: &Graph, opts: &PlanOptions) -> Plan {
        // Top-level programs, their members and sources.
        let mut programs: BTreeMap<String, Draft> = BTreeMap::new();
        for n in graph.nodes().filter(|n| n.kind == NodeKind::Program) {
            let t = top(&n.id).to_string();
            let d = programs
                .entry(t)
                .or_insert_with(|| Draft::new(String::new(), UnitKind::Program));
            if top(&n.id) == n.id {
                d.name = n.name.clone();
                d.programs.insert(n.name.clone());
            }
            d.members.insert(n.id.clone());
            d.sources.extend(n.path.clone());
        }
        // Calls between top-level programs; missing and unresolved targets.
        let mut calls: BTreeSet<(String, String)> = BTreeSet::new();
        let mut static_calls: BTreeSet<(String, String)> = BTreeSet::new();
        for (a, b, k) in graph.edges() {
            let EdgeKind::Calls {
                resolution,
                via,
                candidates,
                ..
            } = k
            else {
                continue;
            };
            let Some(from) = programs.get_mut(top(&a.id)) else {
                continue;
            };
            if b.kind == NodeKind::Missing {
                from.missing.insert(b.id.clone());
            }
            if *resolution == Resolution::Unresolved {
                let via = via.clone().unwrap_or_else(|| "?".into());
                let entry = if candidates.is_empty() {
                    via
                } else {
                    format!("{via} (candidates: {})", candidates.join(", "))
                };
                from.unresolved.insert(entry);
                continue;
            }
            if b.kind == NodeKind::Program && top(&b.id) != top(&a.id) {
                let pair = (top(&a.id).to_string(), top(&b.id).to_string());
                if *resolution == Resolution::Static {
                    static_calls.insert(pair.clone());
                }
                calls.insert(pair);
            }
        }
        // Copybooks each top-level program uses, through nested COPY too.
        let copy_edges: BTreeMap<&str, Vec<&str>> = graph
            .edges()
            .filter(|(_, _, k)| matches!(k, EdgeKind::Copies { .. }))
            .fold(BTreeMap::new(), |mut m, (a, b, _)| {
                m.entry(a.id.as_str()).or_default().push(b.id.as_str());
                m
            });
        let mut uses: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (pid, d) in &programs {
            let mut seen = BTreeSet::new();
            let mut stack: Vec<&str> = d.members.iter().map(String::as_str).collect();
            while let Some(x) = stack.pop() {
                for &c in copy_edges.get(x).into_iter().flatten() {
                    if seen.insert(c.to_string()) {
                        stack.push(c);
                    }
                }
            }
            uses.insert(pid.clone(), seen);
        }
        let mut users: BTreeMap<&str, usize> = BTreeMap::new();
        for set in uses.values() {
            for c in set {
                *users.entry(c.as_str()).or_default() += 1;
            }
        }
        let mut layouts: BTreeMap<String, Draft> = BTreeMap::new();
        for (c, &count) in &users {
            let Some(node) = graph.node(c) else { continue };
            if node.kind != NodeKind::Copybook || count < opts.shared_copybook_threshold.max(1) {
                continue;
            }
            let mut d = Draft::new(node.name.clone(), UnitKind::Layout);
            d.users = count;
            d.members.insert(node.id.clone());
            d.sources.extend(node.path.iter().cloned());
            layouts.insert(format!("layout:{}", node.name), d);
        }
        let layout_of: BTreeMap<&str, String> = layouts
            .values()
            .flat_map(|d| {
                d.members
                    .iter()
                    .map(move |m| (m.as_str(), format!("layout:{}", d.name)))
            })
            .collect();
        for (pid, set) in &uses {
            let Some(d) = programs.get_mut(pid) else {
                continue;
            };
            for c in set {
                match (layout_of.get(c.as_str()), graph.node(c)) {
                    (Some(l), _) => {
                        d.deps.insert(l.clone());
                    }
                    (None, Some(n)) if n.kind == NodeKind::Missing => {
                        d.missing.insert(n.id.clone());
                    }
                    (None, Some(n)) => d.sources.extend(n.path.clone()),
                    (None, None) => {}
                }
            }
        }
        // The first cut: one group per program, or per job; groups calling each other in a cycle
        // then merge into one cycle unit (strongly connected components of the group call graph).
        let cut = match opts.slice {
            Slice::Program => JobCut::default(),
            Slice::Job => job_cut(graph, &programs, &static_calls),
        };
        let mut groups: BTreeMap<String, Draft> = BTreeMap::new();
        let mut group_of: BTreeMap<String, String> = BTreeMap::new();
        for (pid, mut d) in std::mem::take(&mut programs) {
            match cut.group_of.get(&pid) {
                Some(job) => {
                    let g = groups.entry(job.clone()).or_insert_with(|| {
                        let name = cut.jobs.get(job).map_or(job.as_str(), |j| j.0.as_str());
                        Draft::new(name.to_string(), UnitKind::Job)
                    });
                    g.absorb(d);
                    group_of.insert(pid, job.clone());
                }
                None => {
                    d.prefix = cut.notes.get(&pid).cloned().unwrap_or_default();
                    group_of.insert(pid.clone(), pid.clone());
                    groups.insert(pid, d);
                }
            }
        }
        for (job, (name, run)) in &cut.jobs {
            if let Some(g) = groups.get_mut(job) {
                g.prefix = job_prefix(name, run, &g.programs);
            }
        }
        let ids: Vec<String> = groups.keys().cloned().collect();
        let pos: BTreeMap<&str, usize> = ids
            .iter()
            .enumerate()
            .map(|(i, s)| (s.as_str(), i))
            .collect();
        let mut cg: DiGraph<(), ()> = DiGraph::with_capacity(ids.len(), calls.len());
        let nodes: Vec<_> = ids.iter().map(|_| cg.add_node(())).collect();
        let mut group_calls: BTreeSet<(usize, usize)> = BTreeSet::new();
        for (a, b) in &calls {
            let ga = group_of.get(a).and_then(|g| pos.get(g.as_str()));
            let gb = group_of.get(b).and_then(|g| pos.get(g.as_str()));
            if let (Some(&x), Some(&y)) = (ga, gb) {
                if x != y && group_calls.insert((x, y)) {
                    cg.add_edge(nodes[x], nodes[y], ());
                }
            }
        }
        let mut unit_of_group: BTreeMap<String, String> = BTreeMap::new();
        let mut drafts: BTreeMap<String, Draft> = layouts;
        for scc in tarjan_scc(&cg) {
            let mut members: Vec<String> = scc.iter().map(|n| ids[n.index()].clone()).collect();
            members.sort();
            if members.len() == 1 {
                let gid = members[0].clone();
                if let Some(d) = groups.remove(&gid) {
                    unit_of_group.insert(gid.clone(), gid.clone());
                    drafts.insert(gid, d);
                }
                continue;
            }
            let parts: Vec<Draft> = members
                .iter()
                .filter_map(|m| groups.remove(m.as_str()))
                .collect();
            let mut names: Vec<String> = parts.iter().map(|d| d.name.clone()).collect();
            names.sort();
            let name = names.join("+");
            let uid = format!("cycle:{name}");
            let mut merged = Draft::new(name, UnitKind::Cycle);
            for p in parts {
                if p.kind == UnitKind::Job {
                    merged.prefix.push_str(&p.prefix);
                }
                merged.absorb(p);
            }
            for m in members {
                unit_of_group.insert(m, uid.clone());
            }
            drafts.insert(uid, merged);
        }
        let unit_of = |pid: &String| group_of.get(pid).and_then(|g| unit_of_group.get(g));
        for (a, b) in &calls {
            if let (Some(ua), Some(ub)) = (unit_of(a), unit_of(b)) {
                if ua != ub {
                    if let Some(d) = drafts.get_mut(ua) {
                        d.deps.insert(ub.clone());
                    }
                }
            }
        }
        unique_job_names(&mut drafts);
        // A copybook shared only inside one unit still has its layout unit; sources never overlap.
        assemble(drafts)
    }

    /// Human-readable plan, one wave after another.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        for (w, ids) in self.waves.iter().enumerate() {
            let _ = writeln!(
                out,
                "Wave {w} ({} unit{})",
                ids.len(),
                if ids.len() == 1 { "" } else { "s" }
            );
            for u in self.units.iter().filter(|u| u.wave == w) {
                let kind = match u.kind {
                    UnitKind::Program => "program",
                    UnitKind::Layout => "layout",
                    UnitKind::Cycle => "cycle",
                    UnitKind::Job => "job",
                };
                let _ = writeln!(out, "  {kind:<8} {:<24} {}", u.name, u.reason);
                for m in &u.missing {
                    let _ = writeln!(
                        out,
                        "           missing: {}",
                        m.trim_start_matches("missing:")
                    );
                }
                for r in &u.unresolved {
                    let _ = writeln!(out, "           unresolved dynamic call: {r}");
                }
            }
        }
        out
    }

    /// Pretty-printed JSON (schema `ferry-plan/1`); see [`Graph::to_json`] on why this cannot fail.
    pub fn to_json(&self) -> String {
        crate::graph::json_or_error(serde_json::to_string_pretty(self))
    }

    pub fn from_json(text: &str) -> Result<Plan, GraphError> {
        let plan: Plan = serde_json::from_str(text)?;
        if plan.schema != PLAN_SCHEMA {
            return Err(GraphError::Schema {
                found: plan.schema,
                expected: PLAN_SCHEMA.to_string(),
            });
        }
        Ok(plan)
    }

    pub fn unit(&self, id: &str) -> Option<&Unit> {
        self.units.iter().find(|u| u.id == id)
    }
}

/// `job PAYJOB runs A, B and calls C (used by no other job); `
fn job_prefix(job: &str, run: &BTreeSet<String>, programs: &BTreeSet<String>) -> String {
    let called: Vec<&str> = programs
        .iter()
        .filter(|p| !run.contains(*p))
        .map(String::as_str)
        .collect();
    let mut s = format!("job {job}");
    if !run.is_empty() {
        let run: Vec<&str> = run.iter().map(String::as_str).collect();
        let _ = write!(s, " runs {}", run.join(", "));
    }
    if !called.is_empty() {
        let _ = write!(
            s,
            "{} calls {} (used by no other job)",
            if run.is_empty() { "" } else { " and" },
            called.join(", ")
        );
    }
    s.push_str("; ");
    s
}

/// Job units are named after their job; a name another unit already has gets `JOB-` in front (and
/// `-2`, `-3`, ... if still taken), so unit names stay unique.
fn unique_job_names(drafts: &mut BTreeMap<String, Draft>) {
    let mut taken: BTreeSet<String> = drafts
        .values()
        .filter(|d| d.kind != UnitKind::Job)
        .map(|d| d.name.clone())
        .collect();
    for d in drafts.values_mut().filter(|d| d.kind == UnitKind::Job) {
        let mut name = d.name.clone();
        if taken.contains(&name) {
            name = format!("JOB-{}", d.name);
            let mut n = 2;
            while taken.contains(&name) {
                name = format!("JOB-{}-{n}", d.name);
                n += 1;
            }
        }
        taken.insert(name.clone());
        d.name = name;
    }
}

/// Waves by longest path over the (acyclic) unit dependencies, reasons, and ordering.
fn assemble(drafts: BTreeMap<String, Draft>) -> Plan {
    let mut wave: BTreeMap<&str, usize> = BTreeMap::new();
    // Kahn's algorithm in id order; dependencies on unknown units are ignored.
    let mut remaining: BTreeMap<&str, usize> = drafts
        .iter()
        .map(|(id, d)| {
            (
                id.as_str(),
                d.deps
                    .iter()
                    .filter(|x| drafts.contains_key(*x) && *x != id)
                    .count(),
            )
        })
        .collect();
    let mut dependents: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (id, d) in &drafts {
        for dep in d
            .deps
            .iter()
            .filter(|x| drafts.contains_key(*x) && *x != id)
        {
            dependents
                .entry(dep.as_str())
                .or_default()
                .push(id.as_str());
        }
    }
    let mut ready: BTreeSet<&str> = remaining
        .iter()
        .filter(|(_, &n)| n == 0)
        .map(|(id, _)| *id)
        .collect();
    while let Some(id) = ready.pop_first() {
        let w = drafts
            .get(id)
            .map(|d| {
                d.deps
                    .iter()
                    .filter_map(|x| wave.get(x.as_str()))
                    .map(|w| w + 1)
                    .max()
                    .unwrap_or(0)
            })
            .unwrap_or(0);
        wave.insert(id, w);
        for &next in dependents.get(id).into_iter().flatten() {
            if let Some(n) = remaining.get_mut(next) {
                *n = n.saturating_sub(1);
                if *n == 0 {
                    ready.insert(next);
                }
            }
        }
    }
    late_unresolved_callers(&drafts, &mut wave);
    let mut units: Vec<Unit> = drafts
        .iter()
        .map(|(id, d)| {
            // Units left over by Kahn would mean a cycle the SCC pass missed; they go last, never lost.
            let w = wave.get(id.as_str()).copied().unwrap_or(drafts.len());
            Unit {
                id: id.clone(),
                name: d.name.clone(),
                kind: d.kind,
                members: d.members.iter().cloned().collect(),
                programs: d.programs.iter().cloned().collect(),
                sources: d.sources.iter().cloned().collect(),
                depends_on: d.deps.iter().filter(|x| *x != id).cloned().collect(),
                wave: w,
                reason: reason(d, &drafts, &wave),
                missing: d.missing.iter().cloned().collect(),
                unresolved: d.unresolved.iter().cloned().collect(),
            }
        })
        .collect();
    units.sort_by(|a, b| (a.wave, &a.name, &a.id).cmp(&(b.wave, &b.name, &b.id)));
    let max = units.iter().map(|u| u.wave).max();
    let mut waves: Vec<Vec<String>> = vec![Vec::new(); max.map_or(0, |m| m + 1)];
    for u in &units {
        if let Some(w) = waves.get_mut(u.wave) {
            w.push(u.id.clone());
        }
    }
    Plan {
        schema: PLAN_SCHEMA.to_string(),
        units,
        waves,
    }
}

/// A dynamic CALL whose program name is not known may reach any program of the estate. Its unit
/// goes after every program unit that does not depend on such a unit (directly or not), so that
/// those are translated first and the CALL can name them; the units depending on it follow. No
/// dependency is added (the plan would list the whole estate for each such unit): only waves move
/// later, so every unit still depends only on earlier waves. A CALL reaching a program translated
/// later (its callers, or another such unit) stops the translated run, saying so.
fn late_unresolved_callers<'a>(
    drafts: &'a BTreeMap<String, Draft>,
    wave: &mut BTreeMap<&'a str, usize>,
) {
    let unresolved: BTreeSet<&str> = drafts
        .iter()
        .filter(|(_, d)| !d.unresolved.is_empty() && d.kind != UnitKind::Layout)
        .map(|(id, _)| id.as_str())
        .collect();
    if unresolved.is_empty() {
        return;
    }
    let mut dependents: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (id, d) in drafts {
        for dep in &d.deps {
            dependents
                .entry(dep.as_str())
                .or_default()
                .push(id.as_str());
        }
    }
    // Units that depend on an unresolved caller, directly or not (and the callers themselves).
    let mut above: BTreeSet<&str> = unresolved.clone();
    let mut stack: Vec<&str> = unresolved.iter().copied().collect();
    while let Some(x) = stack.pop() {
        for &p in dependents.get(x).into_iter().flatten() {
            if above.insert(p) {
                stack.push(p);
            }
        }
    }
    let floor = drafts
        .iter()
        .filter(|(id, d)| d.kind != UnitKind::Layout && !above.contains(id.as_str()))
        .filter_map(|(id, _)| wave.get(id.as_str()))
        .map(|w| w + 1)
        .max()
        .unwrap_or(0);
    // Re-level in the order of the current waves (a topological order).
    let mut order: Vec<&str> = drafts.keys().map(String::as_str).collect();
    order.sort_by_key(|id| (wave.get(id).copied().unwrap_or(usize::MAX), *id));
    for id in order {
        let Some(d) = drafts.get(id) else { continue };
        let Some(&current) = wave.get(id) else {
            continue;
        };
        let mut w = current;
        if unresolved.contains(id) {
            w = w.max(floor);
        }
        for dep in d.deps.iter().filter(|x| x.as_str() != id) {
            if let Some(&dw) = wave.get(dep.as_str()) {
                w = w.max(dw + 1);
            }
        }
        wave.insert(id, w);
    }
}

fn reason(d: &Draft, drafts: &BTreeMap<String, Draft>, wave: &BTreeMap<&str, usize>) -> String {
    let prefix = match d.kind {
        UnitKind::Layout => {
            return format!("copybook shared by {} programs; translated first", d.users)
        }
        UnitKind::Cycle => format!("{}call cycle of {}; ", d.prefix, d.name.replace('+', ", ")),
        UnitKind::Program | UnitKind::Job => d.prefix.clone(),
    };
    let prefix = if d.unresolved.is_empty() {
        prefix
    } else {
        format!("{prefix}a dynamic CALL may reach any program: after every program that does not call it; ")
    };
    let deps: Vec<(usize, &Draft)> = d
        .deps
        .iter()
        .filter_map(|x| Some((wave.get(x.as_str()).copied().unwrap_or(0), drafts.get(x)?)))
        .collect();
    // The dependency that fixes the wave: highest wave, calls before layouts, then first by name.
    let key = |d: &(usize, &Draft)| (d.0, d.1.kind != UnitKind::Layout);
    let Some(&(w, critical)) = deps
        .iter()
        .max_by(|a, b| key(a).cmp(&key(b)).then_with(|| b.1.name.cmp(&a.1.name)))
    else {
        return match prefix.strip_suffix("; ") {
            Some(p) if !d.unresolved.is_empty() => p.to_string(),
            _ => format!("{prefix}no dependencies"),
        };
    };
    let verb = if critical.kind == UnitKind::Layout {
        "uses layout"
    } else {
        "calls"
    };
    let more = match deps.len() - 1 {
        0 => String::new(),
        1 => " and 1 more dependency".to_string(),
        n => format!(" and {n} more dependencies"),
    };
    format!("{prefix}{verb} {} (wave {w}){more}", critical.name)
}

#[cfg(test)]
mod tests;
