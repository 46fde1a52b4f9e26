//! The resolved program model: where every data item lives in the program's storage, what kind of
//! value it holds, and name resolution (qualification, subscripts) over it.
//!
//! A program's storage is one byte area: file record areas first, then WORKING-STORAGE,
//! LOCAL-STORAGE and the LINKAGE slots. Offsets here are the offsets the runtime uses.
//!
//! Architecture invariant: this crate knows the syntax AST and COBOL's storage rules (GnuCOBOL's
//! default dialect), nothing of graphs, translation targets or Rust.

mod layout;
pub mod picture;
pub mod precompiler;

pub use layout::{
    build, build_dialect, Dialect, Dim, FileModel, Item, ItemId, ItemKind, ModelError, NumUsage,
    ProgramModel, Section,
};
pub use picture::{parse_picture, Category, Picture};

#[cfg(test)]
mod tests;
