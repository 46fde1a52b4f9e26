//! Prints a synthetic estate's graph or plan: `cargo run -p ferry-graph --example synthetic -- [html|json|dot|mermaid|plan] [programs] [copybooks] [seed]`.

use std::io::Write;

use ferry_graph::{synthetic_estate, Graph, Plan, PlanOptions};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let what = args.first().map(String::as_str).unwrap_or("plan");
    let num = |i: usize, d: usize| args.get(i).and_then(|s| s.parse().ok()).unwrap_or(d);
    let (programs, copybooks) = synthetic_estate(num(1, 40), num(2, 12), num(3, 1) as u64);
    let graph = Graph::build(&programs, &copybooks, &[]);
    let out = match what {
        "html" => graph.to_html_titled("Synthetic estate"),
        "json" => graph.to_json(),
        "dot" => graph.to_dot(),
        "mermaid" => graph.to_mermaid(),
        _ => Plan::build(&graph, &PlanOptions::default()).to_text(),
    };
    std::io::stdout().write_all(out.as_bytes())?;
    Ok(())
}
