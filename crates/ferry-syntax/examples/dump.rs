//! Developer aid: `cargo run -p ferry-syntax --example dump -- FILE [--cst] [--errors] [--pre]` prints the AST (JSON) and
//! the syntax errors of a preprocessed COBOL file.
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: dump FILE [--cst] [--errors] [--pre]");
        std::process::exit(2);
    };
    // --pre: run the real preprocessor first (copybooks next to the file and in ../copybooks)
    let text = if args.iter().any(|a| a == "--pre") {
        let p = std::path::Path::new(path);
        let dir = p.parent().unwrap_or(std::path::Path::new("."));
        let opts = ferry_source::PreprocessOptions {
            copybook_dirs: vec![
                dir.to_path_buf(),
                dir.join("../copybooks"),
                dir.join("copybooks"),
            ],
            ..Default::default()
        };
        let pre = ferry_source::preprocess_file(p, &opts);
        for d in &pre.diagnostics {
            eprintln!("preprocess: {d:?}");
        }
        pre.text
    } else {
        std::fs::read_to_string(path).expect("read file")
    };
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
