//! Translation units and waves.
//!
//! One unit per program (nested programs travel with their container); programs in a call cycle
//! (a strongly connected component over resolved CALL / CICS LINK / XCTL edges) collapse into one
//! `cycle` unit named `A+B`; copybooks used by two or more programs become `layout` units. A caller
//! depends on its callees and a program on the layout units of the copybooks it uses; waves are
//! longest-path levels, so every unit of wave k depends only on units of waves < k. Missing and
//! unresolved dependencies are recorded on the unit, which is still planned.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

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
}

impl Default for PlanOptions {
    fn default() -> Self {
        PlanOptions {
            shared_copybook_threshold: 2,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitKind {
    Program,
    Layout,
    Cycle,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unit {
    /// `program:NAME`, `layout:NAME` or `cycle:A+B`.
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

    /// True for units holding programs (`program` and `cycle`); layout units hold only a copybook.
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
}

impl Plan {
    pub fn build(graph: &Graph, opts: &PlanOptions) -> Plan {
        // Top-level programs, their members and sources.
        let mut programs: BTreeMap<String, Draft> = BTreeMap::new();
        for n in graph.nodes().filter(|n| n.kind == NodeKind::Program) {
            let t = top(&n.id).to_string();
            let d = programs.entry(t).or_insert_with(|| Draft {
                name: String::new(),
                users: 0,
                programs: BTreeSet::new(),
                kind: UnitKind::Program,
                members: BTreeSet::new(),
                sources: BTreeSet::new(),
                deps: BTreeSet::new(),
                missing: BTreeSet::new(),
                unresolved: BTreeSet::new(),
            });
            if top(&n.id) == n.id {
                d.name = n.name.clone();
                d.programs.insert(n.name.clone());
            }
            d.members.insert(n.id.clone());
            d.sources.extend(n.path.clone());
        }
        // Calls between top-level programs; missing and unresolved targets.
        let mut calls: BTreeSet<(String, String)> = BTreeSet::new();
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
                calls.insert((top(&a.id).to_string(), top(&b.id).to_string()));
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
            layouts.insert(
                format!("layout:{}", node.name),
                Draft {
                    name: node.name.clone(),
                    users: count,
                    programs: BTreeSet::new(),
                    kind: UnitKind::Layout,
                    members: BTreeSet::from([node.id.clone()]),
                    sources: node.path.iter().cloned().collect(),
                    deps: BTreeSet::new(),
                    missing: BTreeSet::new(),
                    unresolved: BTreeSet::new(),
                },
            );
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
        // Strongly connected components over calls -> cycle units.
        let ids: Vec<String> = programs.keys().cloned().collect();
        let pos: BTreeMap<&str, usize> = ids
            .iter()
            .enumerate()
            .map(|(i, s)| (s.as_str(), i))
            .collect();
        let mut cg: DiGraph<(), ()> = DiGraph::with_capacity(ids.len(), calls.len());
        let nodes: Vec<_> = ids.iter().map(|_| cg.add_node(())).collect();
        for (a, b) in &calls {
            if let (Some(&x), Some(&y)) = (pos.get(a.as_str()), pos.get(b.as_str())) {
                cg.add_edge(nodes[x], nodes[y], ());
            }
        }
        let mut unit_of: BTreeMap<String, String> = BTreeMap::new();
        let mut drafts: BTreeMap<String, Draft> = layouts;
        for scc in tarjan_scc(&cg) {
            let mut members: Vec<String> = scc.iter().map(|n| ids[n.index()].clone()).collect();
            members.sort();
            if members.len() == 1 {
                let pid = members[0].clone();
                if let Some(d) = programs.remove(&pid) {
                    unit_of.insert(pid.clone(), pid.clone());
                    drafts.insert(pid, d);
                }
                continue;
            }
            let mut parts: Vec<Draft> = members
                .iter()
                .filter_map(|m| programs.remove(m.as_str()))
                .collect();
            let mut names: Vec<String> = parts.iter().map(|d| d.name.clone()).collect();
            names.sort();
            let name = names.join("+");
            let uid = format!("cycle:{name}");
            let mut merged = Draft {
                name,
                users: 0,
                programs: BTreeSet::new(),
                kind: UnitKind::Cycle,
                members: BTreeSet::new(),
                sources: BTreeSet::new(),
                deps: BTreeSet::new(),
                missing: BTreeSet::new(),
                unresolved: BTreeSet::new(),
            };
            for p in parts.drain(..) {
                merged.members.extend(p.members);
                merged.programs.extend(p.programs);
                merged.sources.extend(p.sources);
                merged.deps.extend(p.deps);
                merged.missing.extend(p.missing);
                merged.unresolved.extend(p.unresolved);
            }
            for m in members {
                unit_of.insert(m, uid.clone());
            }
            drafts.insert(uid, merged);
        }
        for (a, b) in &calls {
            if let (Some(ua), Some(ub)) = (unit_of.get(a), unit_of.get(b)) {
                if ua != ub {
                    if let Some(d) = drafts.get_mut(ua) {
                        d.deps.insert(ub.clone());
                    }
                }
            }
        }
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

fn reason(d: &Draft, drafts: &BTreeMap<String, Draft>, wave: &BTreeMap<&str, usize>) -> String {
    let prefix = match d.kind {
        UnitKind::Layout => {
            return format!("copybook shared by {} programs; translated first", d.users)
        }
        UnitKind::Cycle => format!("call cycle of {}; ", d.name.replace('+', ", ")),
        UnitKind::Program => String::new(),
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
        return format!("{prefix}no dependencies");
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
