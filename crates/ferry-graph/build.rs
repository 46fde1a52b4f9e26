//! Compiles the generated tree-sitter parser of our JCL grammar (`grammars/jcl/src/parser.c`,
//! committed) and its hand-written external scanner. Regenerating `parser.c` is a developer step, see
//! `grammars/jcl/README.md`.
use std::path::Path;

fn main() {
    let src = Path::new("../../grammars/jcl/src");
    for f in [
        "parser.c",
        "scanner.c",
        "tree_sitter/parser.h",
        "tree_sitter/alloc.h",
        "tree_sitter/array.h",
    ] {
        println!("cargo:rerun-if-changed={}", src.join(f).display());
    }
    cc::Build::new()
        .include(src)
        .file(src.join("parser.c"))
        .file(src.join("scanner.c"))
        .std("c11")
        .warnings(false)
        .flag_if_supported("-Wno-unused-parameter")
        .compile("tree-sitter-jcl");
}
