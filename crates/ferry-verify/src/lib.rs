//! ferry-verify: proves a translation equivalent by replaying behaviour
//! recorded under GnuCOBOL.
//!
//! It discovers scenarios (`SRC/scenarios/<PROGRAM-ID>/<name>/`), compiles the
//! original COBOL with `cobc`, records each scenario's stdout, stderr, exit code
//! and written files into `expected/`, builds the generated Rust workspace, and
//! replays the scenarios against any executable, comparing every artefact byte
//! for byte with readable diffs (field-level when a [`RecordLayout`] is given).
//!
//! It must not know how COBOL is parsed or translated, nor anything of the other
//! ferry crates: it deals only in files, processes and bytes. The CLI wires it up. The one
//! exception is `ferry_runtime::file::unload`: a translated program's INDEXED file is a
//! store, compared in its unloaded form. The CLI also tells recording which INDEXED files
//! the programs have ([`IndexedFile`]), to load and unload them around cobc's runs.

mod cargo_build;
mod cobc;
mod coverage;
mod diff;
mod error;
mod indexed;
mod layout;
mod record;
mod replay;
mod run;
mod scenario;

pub use cargo_build::{build_workspace, BuildOutput};
pub use cobc::{cobc_args, cobc_version, compile_with_cobc};
pub use coverage::{Coverage, ProgramCoverage, COVERAGE_FILE, COVERAGE_SCHEMA, TRACE_FLAG};
pub use diff::{
    compare, first_difference, hex_summary, unified, Check, CheckOutcome, Difference,
    MAX_DIFF_LINES,
};
pub use error::{Result, VerifyError};
pub use indexed::{IndexedFile, IndexedHooks, IndexedTools};
pub use layout::{render as render_field, FieldKind, FieldLayout, RecordLayout, MAX_FIELD_DIFFS};
pub use record::{
    read_meta, record, record_traced, record_traced_with, record_with_timeout, write_expected,
    RecordMeta, RecordOutcome,
};
pub use replay::{
    replay, replay_all, replay_all_with_layouts, replay_with_layouts, Recording, ScenarioResult,
    ScenarioStatus,
};
pub use run::{
    run_resolved, run_resolved_with, run_scenario, run_scenario_resolved, run_with_inputs,
    RunHooks, RunOutput, DEFAULT_TIMEOUT,
};
pub use scenario::{
    discover, parse_args, parse_cond, parse_env, parse_steps, CondTest, Inputs, Scenario, Step,
    DEFAULT_COB_CURRENT_DATE, EXPECTED_DIR,
};
