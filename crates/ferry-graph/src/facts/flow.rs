//! Procedure-level control flow: the list of sections and paragraphs, name resolution for PERFORM and
//! GO TO targets, and reachability (dead paragraphs).

use std::collections::{BTreeMap, BTreeSet};

use ferry_syntax::ast::{ProcedureDivision, Statement, StatementKind};

use super::{FlowEdge, FlowKind};

/// Key of the statements written before the first paragraph of an unnamed section.
pub const START: &str = "(start)";

/// A section header (with the statements before its first paragraph) or a paragraph.
pub struct ProcNode<'a> {
    pub key: String,
    pub name: String,
    pub section: Option<String>,
    pub is_section: bool,
    pub declarative: bool,
    pub statements: Vec<&'a Statement>,
}

pub struct Flow<'a> {
    pub procs: Vec<ProcNode<'a>>,
    index: BTreeMap<String, usize>,
}

impl<'a> Flow<'a> {
    /// Resolves a procedure name used in the procedure `from` (qualifier: `para OF section`).
    pub fn resolve(&self, name: &str, qualifier: Option<&str>, from: usize) -> Option<usize> {
        let name = name.to_ascii_uppercase();
        if let Some(q) = qualifier {
            return self
                .index
                .get(&format!("{}.{}", q.to_ascii_uppercase(), name))
                .copied();
        }
        if let Some(sec) = self.procs.get(from).and_then(|p| p.section.as_ref()) {
            if let Some(i) = self.index.get(&format!("{sec}.{name}")) {
                return Some(*i);
            }
        }
        if let Some(i) = self.index.get(&name) {
            return Some(*i);
        }
        self.procs.iter().position(|p| p.name == name)
    }

    /// The last procedure executed by a PERFORM of procedure `i`: itself for a paragraph, the last
    /// paragraph of the section for a section.
    pub fn range_end(&self, i: usize) -> usize {
        let Some(p) = self.procs.get(i) else { return i };
        if !p.is_section {
            return i;
        }
        let mut end = i;
        while end + 1 < self.procs.len()
            && !self.procs[end + 1].is_section
            && self.procs[end + 1].section == p.section
        {
            end += 1;
        }
        end
    }

    /// Procedure keys never reached from the first non-declarative procedure (declaratives are roots).
    ///
    /// `performs` are `(performing procedure, first, last)`. A performed range falls through only up to
    /// its last procedure; in-line code (and GO TO targets, conservatively) falls through to the next
    /// procedure unless it ends with GO TO, STOP RUN or GOBACK.
    pub fn dead(&self, edges: &[FlowEdge], performs: &[(usize, usize, usize)]) -> Vec<String> {
        let Some(first) = self.procs.iter().position(|p| !p.declarative) else {
            return Vec::new();
        };
        let mut gotos: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
        for e in edges
            .iter()
            .filter(|e| e.resolved && e.kind == FlowKind::GoesTo)
        {
            if let (Some(&f), Some(&t)) = (self.index.get(&e.from), self.index.get(&e.to)) {
                gotos.entry(f).or_default().insert(t);
            }
        }
        let mut calls: BTreeMap<usize, BTreeSet<(usize, usize)>> = BTreeMap::new();
        for &(from, lo, hi) in performs {
            calls.entry(from).or_default().insert((lo, hi.max(lo)));
        }
        let mut reached = vec![false; self.procs.len()];
        let mut seen: BTreeSet<(usize, Option<usize>)> = BTreeSet::new();
        let mut stack: Vec<(usize, Option<usize>)> = vec![(first, None)];
        stack.extend(
            self.procs
                .iter()
                .enumerate()
                .filter(|(_, p)| p.declarative)
                .map(|(i, _)| (i, None)),
        );
        while let Some((i, end)) = stack.pop() {
            if i >= self.procs.len() || !seen.insert((i, end)) {
                continue;
            }
            reached[i] = true;
            let p = &self.procs[i];
            let next = i + 1;
            let range_done = end == Some(i);
            if !range_done
                && next < self.procs.len()
                && !ends_control(&p.statements)
                && self.procs[next].declarative == p.declarative
            {
                stack.push((next, end));
            }
            for &t in gotos.get(&i).into_iter().flatten() {
                stack.push((t, None));
            }
            for &(lo, hi) in calls.get(&i).into_iter().flatten() {
                stack.push((lo, Some(hi)));
            }
        }
        // A section header counts as reached when any of its paragraphs is.
        for i in 0..self.procs.len() {
            if self.procs[i].is_section
                && !reached[i]
                && (i + 1..=self.range_end(i)).any(|j| reached[j])
            {
                reached[i] = true;
            }
        }
        self.procs
            .iter()
            .zip(reached)
            .filter(|(p, r)| !r && p.key != START)
            .map(|(p, _)| p.key.clone())
            .collect()
    }
}

/// True when the last statement never falls through (GO TO without DEPENDING, STOP RUN, GOBACK).
fn ends_control(statements: &[&Statement]) -> bool {
    matches!(
        statements.last().map(|s| &s.kind),
        Some(
            StatementKind::GoTo {
                depending_on: None,
                ..
            } | StatementKind::StopRun { .. }
                | StatementKind::Goback
                | StatementKind::ReturnWith {
                    exit_program: false,
                    ..
                }
        )
    )
}

/// Lists the procedures of the division in source order (declaratives first).
pub fn analyse(pd: &ProcedureDivision) -> Flow<'_> {
    let mut procs: Vec<ProcNode<'_>> = Vec::new();
    let sections = pd
        .declaratives
        .iter()
        .map(|s| (s, true))
        .chain(pd.sections.iter().map(|s| (s, false)));
    for (section, declarative) in sections {
        let sec_name = section.name.as_ref().map(|n| n.to_ascii_uppercase());
        if let Some(n) = &sec_name {
            procs.push(ProcNode {
                key: n.clone(),
                name: n.clone(),
                section: Some(n.clone()),
                is_section: true,
                declarative,
                statements: Vec::new(),
            });
        }
        for para in &section.paragraphs {
            let statements: Vec<&Statement> = para
                .sentences
                .iter()
                .flat_map(|s| s.statements.iter())
                .collect();
            match (&para.name, &sec_name) {
                (None, Some(_)) => {
                    if let Some(last) = procs.last_mut() {
                        last.statements.extend(statements);
                    }
                }
                (None, None) => procs.push(ProcNode {
                    key: START.to_string(),
                    name: START.to_string(),
                    section: None,
                    is_section: false,
                    declarative,
                    statements,
                }),
                (Some(p), sec) => {
                    let name = p.to_ascii_uppercase();
                    let key = match sec {
                        Some(s) => format!("{s}.{name}"),
                        None => name.clone(),
                    };
                    procs.push(ProcNode {
                        key,
                        name,
                        section: sec.clone(),
                        is_section: false,
                        declarative,
                        statements,
                    });
                }
            }
        }
    }
    // Keys must be unique: a duplicate (invalid COBOL, or a second unnamed start) gets a `#n` suffix.
    let mut index = BTreeMap::new();
    for (i, p) in procs.iter_mut().enumerate() {
        let mut key = p.key.clone();
        let mut n = 2;
        while index.contains_key(&key) {
            key = format!("{}#{n}", p.key);
            n += 1;
        }
        p.key = key.clone();
        index.insert(key, i);
    }
    Flow { procs, index }
}

/// Adds the edges for a PERFORM / GO TO target to `out`.
pub fn edge(
    flow: &Flow<'_>,
    from: usize,
    name: &str,
    qualifier: Option<&str>,
    kind: FlowKind,
    out: &mut Vec<FlowEdge>,
) -> Option<usize> {
    let from_key = flow
        .procs
        .get(from)
        .map(|p| p.key.clone())
        .unwrap_or_else(|| START.to_string());
    match flow.resolve(name, qualifier, from) {
        Some(t) => {
            out.push(FlowEdge {
                from: from_key,
                to: flow.procs[t].key.clone(),
                kind,
                resolved: true,
            });
            Some(t)
        }
        None => {
            out.push(FlowEdge {
                from: from_key,
                to: name.to_ascii_uppercase(),
                kind,
                resolved: false,
            });
            None
        }
    }
}
