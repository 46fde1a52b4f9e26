//! Exports: JSON (schema `ferry-graph/1`, see `GRAPH-SCHEMA.md`), Graphviz DOT and Mermaid.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

use super::{EdgeKind, Graph, Node, NodeKind};
use crate::GraphError;

/// The schema identifier written into every JSON document.
pub const SCHEMA: &str = "ferry-graph/1";

/// One edge of the JSON document: `from`, `to`, `kind` and the kind's fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EdgeDocument {
    pub from: String,
    pub to: String,
    #[serde(flatten)]
    pub kind: EdgeKind,
}

/// The JSON form of a [`Graph`]: nodes sorted by id, edges by (from, to, kind).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GraphDocument {
    pub schema: String,
    pub nodes: Vec<Node>,
    pub edges: Vec<EdgeDocument>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
    /// Names of the copybooks no program COPYs (the copybook nodes with `attrs.unused`), sorted.
    /// Derived from the nodes: ignored when read back.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unused_copybooks: Vec<String>,
}

impl Graph {
    pub fn to_document(&self) -> GraphDocument {
        GraphDocument {
            schema: SCHEMA.to_string(),
            nodes: self.nodes().cloned().collect(),
            edges: self
                .edges()
                .map(|(a, b, k)| EdgeDocument {
                    from: a.id.clone(),
                    to: b.id.clone(),
                    kind: k.clone(),
                })
                .collect(),
            warnings: self.warnings.clone(),
            unused_copybooks: self.unused_copybooks(),
        }
    }

    /// Names of the copybooks no program COPYs, sorted.
    pub fn unused_copybooks(&self) -> Vec<String> {
        let mut names: Vec<String> = self
            .nodes()
            .filter(|n| {
                n.kind == NodeKind::Copybook && n.attrs.get("unused").is_some_and(|v| v == "true")
            })
            .map(|n| n.name.clone())
            .collect();
        names.sort();
        names.dedup();
        names
    }

    /// Pretty-printed JSON, byte-identical for the same estate whatever the input order.
    ///
    /// Serialising the document cannot fail (string keys, no custom serialisers); should it ever, the
    /// result is still JSON: `{"schema": ..., "error": "..."}`.
    pub fn to_json(&self) -> String {
        json_or_error(serde_json::to_string_pretty(&self.to_document()))
    }

    /// Reads a document written by [`Graph::to_json`].
    pub fn from_json(text: &str) -> Result<Graph, GraphError> {
        let doc: GraphDocument = serde_json::from_str(text)?;
        if doc.schema != SCHEMA {
            return Err(GraphError::Schema {
                found: doc.schema,
                expected: SCHEMA.to_string(),
            });
        }
        let ids: BTreeSet<&str> = doc.nodes.iter().map(|n| n.id.as_str()).collect();
        if let Some(e) = doc
            .edges
            .iter()
            .find(|e| !ids.contains(e.from.as_str()) || !ids.contains(e.to.as_str()))
        {
            let bad = if ids.contains(e.from.as_str()) {
                &e.to
            } else {
                &e.from
            };
            return Err(GraphError::UnknownNode(bad.clone()));
        }
        let edges = doc
            .edges
            .into_iter()
            .map(|e| (e.from, e.to, e.kind))
            .collect();
        let nodes: BTreeMap<String, Node> =
            doc.nodes.into_iter().map(|n| (n.id.clone(), n)).collect();
        Ok(Graph::assemble(nodes, edges, doc.warnings))
    }

    /// Graphviz DOT, one statement per line, ids quoted.
    pub fn to_dot(&self) -> String {
        let mut out = String::from(
            "digraph ferry {\n  rankdir=LR;\n  node [fontname=\"Helvetica\", fontsize=10];\n",
        );
        for n in self.nodes() {
            let (shape, style) = dot_shape(n.kind);
            let _ = writeln!(
                out,
                "  {} [label={}, shape={shape}{style}];",
                dot_quote(&n.id),
                dot_quote(&label(n))
            );
        }
        for (a, b, k) in self.edges() {
            let style = match k {
                EdgeKind::Calls {
                    resolution: crate::facts::Resolution::Static,
                    ..
                } => "",
                EdgeKind::Calls { .. } | EdgeKind::Cancel { .. } => ", style=dashed",
                EdgeKind::DataFlow { .. } => ", color=blue",
                EdgeKind::Contains | EdgeKind::StepOf { .. } => ", color=gray",
                _ => "",
            };
            let _ = writeln!(
                out,
                "  {} -> {} [label={}{style}];",
                dot_quote(&a.id),
                dot_quote(&b.id),
                dot_quote(&edge_label(k))
            );
        }
        out.push_str("}\n");
        out
    }

    /// Mermaid `flowchart LR`. Node ids are `n0`, `n1`, ... in id order (Mermaid ids cannot hold `:`
    /// or `.`, and some words are reserved); labels carry the names.
    pub fn to_mermaid(&self) -> String {
        let mut out = String::from("flowchart LR\n");
        let mut ids = BTreeMap::new();
        for (i, n) in self.nodes().enumerate() {
            let mid = format!("n{i}");
            let text = mermaid_text(&label(n));
            let shape = match n.kind {
                NodeKind::Program => format!("[\"{text}\"]"),
                NodeKind::Copybook => format!("[/\"{text}\"/]"),
                NodeKind::Dataset | NodeKind::Table => format!("[(\"{text}\")]"),
                NodeKind::JclJob | NodeKind::JclStep => format!("([\"{text}\"])"),
                NodeKind::Missing => format!("{{{{\"{text}\"}}}}"),
                _ => format!("(\"{text}\")"),
            };
            let _ = writeln!(out, "  {mid}{shape}");
            ids.insert(n.id.as_str(), mid);
        }
        for (a, b, k) in self.edges() {
            let (Some(x), Some(y)) = (ids.get(a.id.as_str()), ids.get(b.id.as_str())) else {
                continue;
            };
            let arrow = match k {
                EdgeKind::Calls {
                    resolution: crate::facts::Resolution::Static,
                    ..
                } => "-->",
                EdgeKind::Calls { .. } | EdgeKind::Cancel { .. } => "-.->",
                EdgeKind::DataFlow { .. } => "==>",
                _ => "-->",
            };
            let _ = writeln!(
                out,
                "  {x} {arrow}|\"{}\"| {y}",
                mermaid_text(&edge_label(k))
            );
        }
        let mut classes: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for n in self.nodes() {
            if let Some(mid) = ids.get(n.id.as_str()) {
                classes.entry(n.kind.as_str()).or_default().push(mid);
            }
        }
        out.push_str("  classDef missing fill:#fdd,stroke:#c00;\n  classDef copybook fill:#eef,stroke:#66a;\n  classDef dataset fill:#efe,stroke:#6a6;\n");
        for kind in ["missing", "copybook", "dataset"] {
            if let Some(list) = classes.get(kind) {
                let _ = writeln!(out, "  class {} {kind};", list.join(","));
            }
        }
        out
    }
}

/// The serialised text, or a JSON object carrying the error.
pub(crate) fn json_or_error(result: Result<String, serde_json::Error>) -> String {
    match result {
        Ok(s) => s,
        Err(e) => format!(
            "{{\"schema\": {:?}, \"error\": {:?}}}",
            SCHEMA,
            e.to_string()
        ),
    }
}

/// Display label of a node: its name, with the kind for non-programs.
pub(crate) fn label(n: &Node) -> String {
    match (n.kind, &n.missing) {
        (NodeKind::Program, _) => n.name.clone(),
        (NodeKind::Missing, Some(what)) => format!("{} (missing {what})", n.name),
        (kind, _) => format!("{} ({})", n.name, kind.as_str().replace('_', " ")),
    }
}

pub(crate) fn edge_label(k: &EdgeKind) -> String {
    match k {
        EdgeKind::Calls {
            resolution,
            mechanism,
            via,
            ..
        } => {
            let mut s = match mechanism {
                crate::facts::CallMechanism::Call => "calls".to_string(),
                crate::facts::CallMechanism::CicsLink => "links".to_string(),
                crate::facts::CallMechanism::CicsXctl => "xctl".to_string(),
            };
            if *resolution != crate::facts::Resolution::Static {
                let r = if *resolution == crate::facts::Resolution::Dynamic {
                    "dynamic"
                } else {
                    "unresolved"
                };
                s.push_str(&format!(
                    " ({r}{})",
                    via.as_ref()
                        .map(|v| format!(" via {v}"))
                        .unwrap_or_default()
                ));
            }
            s
        }
        EdgeKind::Copies { replacing: true } => "copies (replacing)".into(),
        EdgeKind::Reads { dd: Some(d) } => format!("reads {d}"),
        EdgeKind::Writes { dd: Some(d) } => format!("writes {d}"),
        EdgeKind::StepOf { order } => format!("step {}", order + 1),
        EdgeKind::DataFlow { dataset, .. } => format!("data {dataset}"),
        EdgeKind::BoundTo { dd, .. } => format!("DD {dd}"),
        other => other.as_str().replace('_', " "),
    }
}

fn dot_shape(kind: NodeKind) -> (&'static str, &'static str) {
    match kind {
        NodeKind::Program => ("box", ", style=bold"),
        NodeKind::Copybook => ("note", ""),
        NodeKind::Paragraph => ("box", ", style=rounded"),
        NodeKind::File => ("folder", ""),
        NodeKind::Dataset | NodeKind::Table => ("cylinder", ""),
        NodeKind::JclJob => ("tab", ""),
        NodeKind::JclStep => ("component", ""),
        NodeKind::Transaction => ("hexagon", ""),
        NodeKind::Utility => ("box", ", style=dotted"),
        NodeKind::Missing => ("octagon", ", color=red, fontcolor=red"),
    }
}

fn dot_quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Text inside a quoted Mermaid label: quotes and markup-significant characters as entity codes.
fn mermaid_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '"' => out.push_str("#quot;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '#' => out.push_str("#35;"),
            '|' => out.push_str("#124;"),
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}
