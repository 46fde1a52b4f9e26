//! Source handling: reading files (any encoding), reference format (fixed, free, variable), COPY/REPLACE
//! expansion and the source map that takes every byte of the preprocessed text back to the file, line and
//! column it came from.
//!
//! Architecture invariant: this crate knows nothing of COBOL syntax beyond what the preprocessor needs
//! (COPY, REPLACE, comment and continuation rules), and nothing of graphs, translation or Rust.
