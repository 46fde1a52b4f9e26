//! Reads JCL files and prints each job model as JSON and the diagnostics:
//! `cargo run -p ferry-graph --example jcl -- FILE...`. With `--time`, prints only how long reading
//! took (lines per second).

use std::path::Path;
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let time = args.iter().any(|a| a == "--time");
    for file in args.iter().filter(|a| *a != "--time") {
        let text = ferry_source::decode(&std::fs::read(file)?);
        let started = Instant::now();
        let (job, diags) = ferry_graph::parse_jcl(&text, Path::new(file));
        let took = started.elapsed();
        if time {
            let lines = text.lines().count();
            println!(
                "{file}: {lines} lines, {} steps, {} diagnostics in {:.1} ms ({:.0} lines/s)",
                job.steps.len(),
                diags.len(),
                took.as_secs_f64() * 1e3,
                lines as f64 / took.as_secs_f64()
            );
            continue;
        }
        println!("{}", serde_json::to_string_pretty(&job)?);
        for d in diags {
            println!(
                "{}:{}:{}: {:?}: {}",
                d.file.display(),
                d.line,
                d.column,
                d.severity,
                d.message
            );
        }
    }
    Ok(())
}
