//! The estate graph: programs, copybooks, paragraphs, files, data sets, jobs, steps, tables,
//! transactions and everything referenced but not found, with typed edges between them.
//!
//! Node ids are stable, human-readable strings (`program:PAYROLL`, `copybook:EMPREC`,
//! `dataset:PAY.TOTALS`, `missing:program:FOO`); nodes and edges are stored in id order, so the petgraph
//! indices, iteration order and every export are deterministic for the same input in any order.

mod build;
mod export;
mod html;

use std::collections::BTreeMap;

use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;
use petgraph::Direction;
use serde::{Deserialize, Serialize};

use crate::facts::{CallMechanism, Metrics, Resolution};

pub(crate) use export::json_or_error;
pub use export::{EdgeDocument, GraphDocument, SCHEMA};

/// What a node stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NodeKind {
    Program,
    Copybook,
    Paragraph,
    /// A SELECT of one program.
    File,
    /// A JCL data set (DSN).
    Dataset,
    JclJob,
    JclStep,
    /// A DB2 table.
    Table,
    /// A CICS transaction.
    Transaction,
    /// A system utility run by a step (IDCAMS, SORT, IEFBR14, ...).
    Utility,
    /// Referenced but not found (see [`Node::missing`]).
    Missing,
}

impl NodeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            NodeKind::Program => "program",
            NodeKind::Copybook => "copybook",
            NodeKind::Paragraph => "paragraph",
            NodeKind::File => "file",
            NodeKind::Dataset => "dataset",
            NodeKind::JclJob => "jcl_job",
            NodeKind::JclStep => "jcl_step",
            NodeKind::Table => "table",
            NodeKind::Transaction => "transaction",
            NodeKind::Utility => "utility",
            NodeKind::Missing => "missing",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Node {
    pub id: String,
    pub kind: NodeKind,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// For `missing` nodes: what was looked for (`program`, `copybook`, `paragraph`, `proc`, `dynamic`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub missing: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metrics: Option<Metrics>,
    /// Kind-specific details (file: `assign`, `dd`, `modes`; step: `program`, `proc`, `cond`, `line`; ...).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub attrs: BTreeMap<String, String>,
}

/// What an edge means, with its kind-specific fields. `from` is always the actor.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum EdgeKind {
    /// Program -> program (or missing). One edge per possible target.
    Calls {
        resolution: Resolution,
        mechanism: CallMechanism,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        via: Option<String>,
        /// For unresolved calls: every literal seen moved into `via`.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        candidates: Vec<String>,
    },
    Cancel {
        resolution: Resolution,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        via: Option<String>,
    },
    /// Program (or copybook, for nested COPY) -> copybook.
    Copies {
        replacing: bool,
    },
    Performs,
    GoesTo,
    /// Program -> file / table, or step -> data set.
    Reads {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        dd: Option<String>,
    },
    Writes {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        dd: Option<String>,
    },
    /// Program -> file it declares but never opens.
    Declares,
    /// File -> data set bound to it by a step's DD statement.
    BoundTo {
        step: String,
        dd: String,
    },
    /// Step -> program / utility / missing.
    Executes,
    /// Job -> step, with the step's position.
    StepOf {
        order: usize,
    },
    /// Program -> program that reads, in a later step of the same job, a data set the first writes.
    DataFlow {
        dataset: String,
        job: String,
    },
    /// Program -> nested program, or program -> paragraph.
    Contains,
    /// Program -> CICS transaction it starts or returns to.
    Starts,
}

impl EdgeKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            EdgeKind::Calls { .. } => "calls",
            EdgeKind::Cancel { .. } => "cancel",
            EdgeKind::Copies { .. } => "copies",
            EdgeKind::Performs => "performs",
            EdgeKind::GoesTo => "goes_to",
            EdgeKind::Reads { .. } => "reads",
            EdgeKind::Writes { .. } => "writes",
            EdgeKind::Declares => "declares",
            EdgeKind::BoundTo { .. } => "bound_to",
            EdgeKind::Executes => "executes",
            EdgeKind::StepOf { .. } => "step_of",
            EdgeKind::DataFlow { .. } => "data_flow",
            EdgeKind::Contains => "contains",
            EdgeKind::Starts => "starts",
        }
    }
}

/// How much detail [`Graph::build_with`] records.
#[derive(Debug, Clone, Default)]
pub struct GraphOptions {
    /// Add paragraph nodes with PERFORM / GO TO edges (large for big estates).
    pub paragraphs: bool,
}

/// The estate graph.
#[derive(Debug, Clone)]
pub struct Graph {
    graph: DiGraph<Node, EdgeKind>,
    index: BTreeMap<String, NodeIndex>,
    warnings: Vec<String>,
}

impl Graph {
    /// Builds the graph at the default detail level (no paragraphs).
    pub fn build(
        programs: &[crate::facts::ProgramFacts],
        copybooks: &[(String, std::path::PathBuf)],
        jobs: &[crate::jcl::JclJob],
    ) -> Graph {
        Self::build_with(programs, copybooks, jobs, &GraphOptions::default())
    }

    pub fn build_with(
        programs: &[crate::facts::ProgramFacts],
        copybooks: &[(String, std::path::PathBuf)],
        jobs: &[crate::jcl::JclJob],
        opts: &GraphOptions,
    ) -> Graph {
        build::build(programs, copybooks, jobs, opts)
    }

    /// Assembles a graph from nodes and edges (any order; duplicates removed). Edges to unknown nodes
    /// are dropped with a warning.
    pub(crate) fn assemble(
        nodes: BTreeMap<String, Node>,
        mut edges: Vec<(String, String, EdgeKind)>,
        mut warnings: Vec<String>,
    ) -> Graph {
        let mut graph = DiGraph::with_capacity(nodes.len(), edges.len());
        let mut index = BTreeMap::new();
        for (id, node) in nodes {
            index.insert(id, graph.add_node(node));
        }
        edges.sort();
        edges.dedup();
        for (from, to, kind) in edges {
            match (index.get(&from), index.get(&to)) {
                (Some(&a), Some(&b)) => {
                    graph.add_edge(a, b, kind);
                }
                _ => warnings.push(format!("edge {from} -> {to} refers to an unknown node")),
            }
        }
        warnings.sort();
        warnings.dedup();
        Graph {
            graph,
            index,
            warnings,
        }
    }

    /// Nodes in id order.
    pub fn nodes(&self) -> impl Iterator<Item = &Node> + '_ {
        self.graph.node_weights()
    }

    /// Edges as `(from, to, kind)`, sorted by from, to, kind.
    pub fn edges(&self) -> impl Iterator<Item = (&Node, &Node, &EdgeKind)> + '_ {
        self.graph
            .edge_references()
            .map(move |e| (&self.graph[e.source()], &self.graph[e.target()], e.weight()))
    }

    pub fn node(&self, id: &str) -> Option<&Node> {
        self.index.get(id).map(|&i| &self.graph[i])
    }

    pub fn node_index(&self, id: &str) -> Option<NodeIndex> {
        self.index.get(id).copied()
    }

    /// Edges leaving `id`, in target-id order.
    pub fn outgoing(&self, id: &str) -> Vec<(&Node, &EdgeKind)> {
        self.neighbours(id, Direction::Outgoing)
    }

    /// Edges entering `id`, in source-id order.
    pub fn incoming(&self, id: &str) -> Vec<(&Node, &EdgeKind)> {
        self.neighbours(id, Direction::Incoming)
    }

    fn neighbours(&self, id: &str, dir: Direction) -> Vec<(&Node, &EdgeKind)> {
        let Some(&i) = self.index.get(id) else {
            return Vec::new();
        };
        let mut out: Vec<(&Node, &EdgeKind)> = self
            .graph
            .edges_directed(i, dir)
            .map(|e| {
                let other = if dir == Direction::Outgoing {
                    e.target()
                } else {
                    e.source()
                };
                (&self.graph[other], e.weight())
            })
            .collect();
        out.sort_by(|a, b| (&a.0.id, a.1).cmp(&(&b.0.id, b.1)));
        out
    }

    /// The underlying petgraph (node indices follow id order).
    pub fn petgraph(&self) -> &DiGraph<Node, EdgeKind> {
        &self.graph
    }

    /// Inconsistencies met while building (duplicate program names, ...), sorted.
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }

    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }
}

#[cfg(test)]
pub(crate) mod tests;
