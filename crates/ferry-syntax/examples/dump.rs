//! Developer aid: `cargo run -p ferry-syntax --example dump -- FILE [--cst]` prints the AST (JSON) and
//! the syntax errors of a preprocessed COBOL file.
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: dump FILE [--cst]");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(path).expect("read file");
    if args.iter().any(|a| a == "--cst") {
        let mut p = tree_sitter::Parser::new();
        p.set_language(&ferry_syntax::language()).expect("language");
        let tree = p.parse(&text, None).expect("parse");
        println!("{}", tree.root_node().to_sexp());
        return;
    }
    let parsed = ferry_syntax::parse(&text);
    if !args.iter().any(|a| a == "--errors") {
        println!(
            "{}",
            serde_json::to_string_pretty(&parsed.unit).expect("json")
        );
    }
    for e in &parsed.errors {
        let line = text[..e.span.start.min(text.len())].matches('\n').count() + 1;
        eprintln!(
            "line {line}: {} [{}..{}]",
            e.message, e.span.start, e.span.end
        );
    }
}
