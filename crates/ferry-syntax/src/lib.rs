//! COBOL syntax: our tree-sitter grammar (`grammars/cobol`) and the lowering of its CST into the typed
//! AST of [`ast`].
//!
//! Architecture invariant: this crate knows COBOL syntax and nothing above it (no storage layout, graph,
//! translation or Rust output). Parsing never fails: it returns a tree and a list of errors.
pub mod ast;
