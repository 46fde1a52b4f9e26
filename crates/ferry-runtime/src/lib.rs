//! ferry-runtime: the library every ferry-generated Rust program links to.
//!
//! It reproduces GnuCOBOL 3.x (default dialect) data and arithmetic semantics exactly:
//! the `Dec` decimal with GnuCOBOL's division, rounding and size-error rules; numeric
//! items of every USAGE stored byte-for-byte as cobc stores them; MOVE between all
//! categories including numeric editing; DISPLAY/ACCEPT; comparisons; sequential files
//! with GnuCOBOL's FILE STATUS codes; program exit codes. Every rule is unit-tested
//! against output recorded from cobc 3.1.2.
//!
//! Storage model: a program's data lives in one `Vec<u8>`; the generator computes every
//! item's offset and emits `Copy` descriptors (`NumField`, `AlnumField`, `EditField`, ...)
//! built by `const fn`s. Runtime functions take the buffer (`&[u8]` / `&mut [u8]`) and
//! descriptors.
//!
//! What this crate must NOT know: COBOL source text, the parser/AST, the translator, or
//! anything about ferry's other crates. Its one dependency is redb (INDEXED files; redb has
//! no dependencies of its own), because its source is copied into every generated
//! workspace, which must build offline from the local registry cache.
//! See `API.md` next to `Cargo.toml` for the generator-facing reference.

pub mod alnum;
pub mod arith;
mod big;
pub mod collate;
pub mod compare;
pub mod datetime;
pub mod dec;
pub mod edit;
pub mod exec;
pub mod file;
pub mod fmt;
pub mod inspect;
pub mod intrinsic;
pub mod library;
pub mod mathfn;
pub mod mov;
pub mod num;
pub mod rt;
pub mod sort;
pub mod strings;

pub use alnum::{move_raw, AlnumField, Fig};
pub use arith::{divide_remainder, store_all};
pub use compare::{cmp_bytes, cmp_field_bytes, cmp_field_dec, cmp_field_fig, cmp_fields};
pub use dec::{Dec, Round};
pub use edit::{AlnumEditField, EditField};
pub use file::CobFile;
pub use file::{
    Access, Advance, FileId, FileSpec, FileStatus, Key, KeySpec, OpenMode, Org, StartOp,
};
pub use inspect::{Pattern, Region};
pub use mov::{initialize, move_bytes, move_dec, move_field, move_fig, Field};
pub use num::{NumField, SignMode, Usage};
pub use rt::{AcceptFrom, Rt, Upon};
pub use sort::{SortKey, Sorter};
pub use strings::{Delim, UDelim, UTarget};

// The surface ferry's built-in translator generates code against (see gen.rs).
pub mod gen;
pub use gen::{
    accept, arg, bytes, compare, display, display_ibm, exit_status, finish, get, index,
    is_alphabetic, is_alphabetic_lower, is_alphabetic_upper, is_in_class, is_numeric,
    is_numeric_ibm, literal_bytes, move_value, num_value, param_in, param_out, put_bytes,
    replicate, step, stop_literal, store, store_int, text, with_rt, AcceptSource, Arg, File,
    IoOutcome, Organization, StopRun, Val,
};
pub use gen::{
    divide_giving_remainder, inspect_convert, inspect_replace, inspect_tally, module_not_found,
    odo_count, slice, string_into, unstring, val_bytes, Limits, Look, Receiver,
};

// Keyed files and SORT/MERGE work files for generated code (see gen_files.rs).
pub mod gen_files;
pub use gen_files::*;

// Environment and command-line arguments for generated code (see gen_env.rs).
pub mod gen_env;
pub use gen_env::*;
